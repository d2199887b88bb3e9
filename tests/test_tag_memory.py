"""The build's MP3 copies are tagged in memory: the same bytes as on disk, and the same refusals.

``tag_copy(..., durable=False)`` into another file reads an MP3 once, tags it in memory, verifies the
bytes and writes them once; ``durable=True`` (and ``mediafeed tag``) copies, tags and re-reads on disk.
Both must give byte-identical files, and the in-memory path must refuse what the disk path refuses.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from media_fixtures import build_fixtures

from mediafeed import audio
from mediafeed.audio import Cover, TagChapter, Tags, mpeg, tagger
from mediafeed.audio.tagger import BLOCK
from mediafeed.errors import MediaError

ART = (Path(__file__).resolve().parent.parent / "artwork.png").read_bytes()
NOTES = "Ünïcode show notes: ten words, and a link https://example.org/notes.\n" * 70  # about 700 words
WANTED = Tags(
    title="What practitioners need — part two", artist="Safe to Say team", album_artist="Safe to Say team",
    album="Safe to Say", track=7, disc=2, date="2026-02-16", genre="Podcast", comment="A short summary.",
    description=NOTES, podcast=True, guid="5c6c255d-36b2-45da-ab07-e62a01932dcf",
    feed_url="https://podcast.example.org/safe-to-say/feed.xml", cover=Cover("image/png", ART),
    chapters=(TagChapter(0, "The question"), TagChapter(1500, "The framework", url="https://example.org/framework"),
              TagChapter(3250, "Hidden", toc=False)),
    id3_version="2.3",
)
#: MP3s as producers hand them over: no tag, ID3v2.3, ID3v2.4, ID3v1 only, ID3v2 and ID3v1, no Xing header, VBRI.
MP3S = ["vbr-xing.mp3", "cbr-info.mp3", "id3v23.mp3", "id3v24.mp3", "id3v1-only.mp3", "id3v2-and-v1.mp3",
        "vbr-no-xing.mp3", "vbr-vbri.mp3"]


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = build_fixtures(tmp_path_factory.mktemp("media"))
    subprocess.run(["lame", "--quiet", "-b", "32", "--add-id3v2", "--tt", "Old title", "--ta", "Someone",
                    str(folder / "source.wav"), str(folder / "id3v2-and-v1.mp3")], check=True, capture_output=True)
    return folder


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record the targets the in-memory path writes (so a test knows which path it took)."""
    calls: list[Path] = []
    real = tagger._tag_in_memory

    def spy(source: Path, target: Path, *args: object) -> object:
        calls.append(target)
        return real(source, target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(tagger, "_tag_in_memory", spy)
    return calls


def test_the_fixture_with_both_tags_has_both(fixtures: Path) -> None:
    data = (fixtures / "id3v2-and-v1.mp3").read_bytes()
    assert data[:3] == b"ID3" and data[-128:-125] == b"TAG"


@pytest.mark.parametrize("name", MP3S)
@pytest.mark.parametrize("wanted", [WANTED, replace(WANTED, chapters=(), cover=None, description="Short notes.")],
                         ids=["cover-chapters-long-notes", "plain"])
def test_in_memory_and_on_disk_copies_are_byte_identical(fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         name: str, wanted: Tags) -> None:
    source = fixtures / name
    before = _sha(source)
    calls = _spy(monkeypatch)
    on_disk = audio.tag_copy(source, tmp_path / f"disk-{name}", wanted, rel=name, durable=True)
    in_memory = audio.tag_copy(source, tmp_path / f"memory-{name}", wanted, rel=name, durable=False)
    assert calls == [tmp_path / f"memory-{name}"]  # the durable copy went through the disk
    assert on_disk.written and in_memory.written and on_disk.changes == in_memory.changes
    assert (tmp_path / f"memory-{name}").read_bytes() == (tmp_path / f"disk-{name}").read_bytes()
    assert in_memory.size == on_disk.size == (tmp_path / f"disk-{name}").stat().st_size
    assert in_memory.size % BLOCK == 0
    probed = audio.probe(tmp_path / f"memory-{name}", name)  # what the result says of the copy is what a probe says
    assert in_memory.media == on_disk.media == probed and in_memory.media is not None and on_disk.media is not None
    assert in_memory.media.tags == on_disk.media.tags == probed.tags
    assert (tmp_path / f"memory-{name}").stat().st_mode & 0o777 == 0o644
    # the disk path writes id3write's tag and copies the audio after it: the bytes of mutagen's copy-and-save
    complete = tagger._complete(tagger.for_format(wanted, "mp3"), "mp3", probed.duration)
    tagger._copy_and_tag(source, tmp_path / f"mutagen-{name}", "mp3", complete, None, None, False, "", 0.0, name)
    assert (tmp_path / f"mutagen-{name}").read_bytes() == (tmp_path / f"disk-{name}").read_bytes()
    assert _sha(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"disk-{name}", f"memory-{name}", f"mutagen-{name}"])


@pytest.mark.parametrize("name", ["vbr-xing.mp3", "id3v2-and-v1.mp3"])
def test_an_in_memory_copy_searches_each_file_from_the_end_once(fixtures: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Tagging asks where the original's audio ends four times (its layout, its APEv2 tag, the tail to splice, the
    payload to compare) and the copy's twice (its APEv2 tag, its payload); each is one search backwards from the end
    (for an appended ID3v2 tag), made once a file: the answer is kept, not searched for again."""
    source = fixtures / name
    probed = audio.probe(source, name)
    looked: list[int] = []
    real = mpeg._appended_start

    def counted(data: bytes, end: int) -> int:
        looked.append(len(data))
        return real(data, end)

    monkeypatch.setattr(mpeg, "_appended_start", counted)
    result = audio.tag_copy(source, tmp_path / "copy.mp3", WANTED, rel=name, probed=probed, durable=False)
    assert result.written
    assert sorted(looked) == sorted([source.stat().st_size, (tmp_path / "copy.mp3").stat().st_size])


def test_the_tags_at_the_end_are_those_of_the_file_asked_about() -> None:
    """The answers kept are each file's own: another file in memory, even one that is equal, a file asked about
    again after others, or a mapped file (never kept: its file may change) is answered for what it holds."""
    frames = b"\xff\xfb\x90\x64" + b"\0" * 413
    plain = frames * 8
    with_v1 = plain + b"TAG" + b"t" * 125
    assert mpeg.trailer_start(with_v1) == len(plain) and mpeg.trailer_start(plain) == len(plain)
    assert mpeg.trailer_start(bytes(bytearray(with_v1))) == len(plain)  # an equal file, another object
    for data in (plain + b"x" * 10, with_v1, plain, with_v1[:-1]):
        assert mpeg.trailer_start(data) == mpeg._find_trailers(data)[0]
    assert mpeg.trailer_start(with_v1) == len(plain)  # asked again after three other files
    assert all(type(seen) is bytes for seen, _ in mpeg._SEEN) and len(mpeg._SEEN) <= mpeg._SEEN_MAX


@pytest.mark.parametrize("name", ["vbr-xing.mp3", "id3v2-and-v1.mp3"])
def test_in_memory_copies_keep_an_exact_published_length(fixtures: Path, tmp_path: Path, name: str) -> None:
    source = fixtures / name
    first = audio.tag_copy(source, tmp_path / "first.mp3", replace(WANTED, description="Short."), rel=name, durable=False)
    length = first.size + BLOCK  # as if published with more padding: the copy must keep exactly this size
    for durable in (True, False):
        result = audio.tag_copy(source, tmp_path / f"{durable}.mp3", WANTED, rel=name, durable=durable, length=length)
        assert result.size == length == (tmp_path / f"{durable}.mp3").stat().st_size
    assert (tmp_path / "True.mp3").read_bytes() == (tmp_path / "False.mp3").read_bytes()
    # the source re-padded to a published length, nothing else to change (the build's "repad" case)
    tagged = tmp_path / "first.mp3"
    for durable in (True, False):
        result = audio.tag_copy(tagged, tmp_path / f"repad-{durable}.mp3", replace(WANTED, description="Short."),
                                rel=name, durable=durable, length=length)
        assert result.written and not result.changes and result.size == length
    assert (tmp_path / "repad-True.mp3").read_bytes() == (tmp_path / "repad-False.mp3").read_bytes()


def test_mp3s_above_the_size_limit_are_tagged_on_disk(fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _spy(monkeypatch)
    monkeypatch.setattr(tagger, "IN_MEMORY_LIMIT", (fixtures / "vbr-xing.mp3").stat().st_size - 1)
    audio.tag_copy(fixtures / "vbr-xing.mp3", tmp_path / "big.mp3", WANTED, rel="x.mp3", durable=False)
    audio.tag_copy(fixtures / "vbr-xing.mp3", tmp_path / "disk.mp3", WANTED, rel="x.mp3", durable=True)
    assert calls == [] and (tmp_path / "big.mp3").read_bytes() == (tmp_path / "disk.mp3").read_bytes()


def test_nothing_to_change_writes_nothing_in_memory_either(fixtures: Path, tmp_path: Path) -> None:
    tagged = tmp_path / "tagged.mp3"
    audio.tag_copy(fixtures / "vbr-xing.mp3", tagged, WANTED, rel="x.mp3", durable=False)
    result = audio.tag_copy(tagged, tmp_path / "again.mp3", WANTED, rel="x.mp3", durable=False)
    assert not result.written and not result.changes and not (tmp_path / "again.mp3").exists()


def _damaged(monkeypatch: pytest.MonkeyPatch, damage) -> None:  # type: ignore[no-untyped-def]
    """Both writers of a copy's bytes damage it: the direct one (id3write) and mutagen's, which is tried next."""
    real, direct = tagger._tagged_bytes, tagger._direct_bytes

    def tagged_bytes(data: bytes, tags: object, wanted: Tags, length: int | None) -> bytes:
        return damage(real(data, tags, wanted, length))  # type: ignore[arg-type]

    def direct_bytes(data: bytes, tags: object, wanted: Tags, length: int | None) -> bytes | None:
        made = direct(data, tags, wanted, length)  # type: ignore[arg-type]
        return None if made is None else damage(made)

    monkeypatch.setattr(tagger, "_tagged_bytes", tagged_bytes)
    monkeypatch.setattr(tagger, "_direct_bytes", direct_bytes)


def _flip_sound(data: bytes) -> bytes:
    out = bytearray(data)
    out[-500] ^= 0xFF  # one bit of sound, well before the trailing tags
    return bytes(out)


@pytest.mark.parametrize("name", ["vbr-xing.mp3", "id3v1-only.mp3"])
def test_a_copy_whose_audio_changed_in_memory_is_refused(fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         name: str) -> None:
    before = _sha(fixtures / name)
    _damaged(monkeypatch, lambda data: _flip_sound(data[:-128]) + data[-128:] if name.startswith("id3v1") else _flip_sound(data))
    with pytest.raises(MediaError) as info:
        audio.tag_copy(fixtures / name, tmp_path / "copy.mp3", WANTED, rel=name, durable=False)
    assert info.value.problems[0].code == "TAG002" and info.value.problems[0].file == name
    assert _sha(fixtures / name) == before and list(tmp_path.iterdir()) == []


def test_a_copy_with_a_cut_payload_is_refused(fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _damaged(monkeypatch, lambda data: data[:-1000])
    with pytest.raises(MediaError) as info:
        audio.tag_copy(fixtures / "vbr-xing.mp3", tmp_path / "copy.mp3", WANTED, rel="x.mp3", durable=False)
    assert info.value.problems[0].code == "TAG002" and list(tmp_path.iterdir()) == []


def test_a_copy_whose_tags_do_not_read_back_is_refused(fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def other_title(data: bytes) -> bytes:  # the same length, so only the title differs
        return data.replace("What practitioners".encode("utf-16-le"), "Somebody else's!!!".encode("utf-16-le"))

    _damaged(monkeypatch, other_title)
    with pytest.raises(MediaError) as info:
        audio.tag_copy(fixtures / "vbr-xing.mp3", tmp_path / "copy.mp3", WANTED, rel="x.mp3", durable=False)
    assert info.value.problems[0].code == "TAG001" and "title" in info.value.problems[0].message
    assert list(tmp_path.iterdir()) == []


def test_a_copy_that_is_no_mp3_any_more_is_refused(fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _damaged(monkeypatch, lambda data: b"fLaC" + data[4:])
    with pytest.raises(MediaError) as info:
        audio.tag_copy(fixtures / "vbr-xing.mp3", tmp_path / "copy.mp3", WANTED, rel="x.mp3", durable=False)
    assert info.value.problems[0].code == "TAG001" and list(tmp_path.iterdir()) == []


def test_a_source_that_changes_while_it_is_tagged_is_not_published(fixtures: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "source.mp3"
    shutil.copyfile(fixtures / "vbr-xing.mp3", source)
    out = tmp_path / "out"
    out.mkdir()

    def append_while_tagging(data: bytes) -> bytes:
        with open(source, "ab") as handle:
            handle.write(b"\xff" * 417)  # the producer's export is still being written
        return data

    _damaged(monkeypatch, append_while_tagging)
    with pytest.raises(MediaError) as info:
        audio.tag_copy(source, out / "copy.mp3", WANTED, rel="x.mp3", durable=False)
    assert info.value.problems[0].code == "TAG003" and list(out.iterdir()) == []


def test_a_failed_write_leaves_no_temp_file_and_no_copy(fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tagger.os, "replace", no_space)
    with pytest.raises(MediaError) as failed:
        audio.tag_copy(fixtures / "vbr-xing.mp3", tmp_path / "copy.mp3", WANTED, rel="x.mp3", durable=False)
    assert failed.value.problems[0].code == "TAG007" and failed.value.problems[0].file == "x.mp3"
    assert list(tmp_path.iterdir()) == []


def test_the_payload_comparison_is_byte_for_byte_in_memory_and_mapped(tmp_path: Path) -> None:
    """tagger.same_span (the copy's payload against the original's): equal spans at other offsets, a byte
    changed at the first, a middle or the last place, a span one byte shorter or longer, empty spans; the copy
    in memory (bytes, the build's copies) and mapped from disk (``mediafeed tag``), the original either way."""
    import mmap

    payload = bytes(range(256)) * 40
    original = b"ID3-old-tag" + payload + b"TAG-trailer"
    copy = b"ID3 a longer new tag, padded\0\0\0" + payload
    span, copy_span = (11, 11 + len(payload)), (31, 31 + len(payload))
    changed = []
    for at in (0, len(payload) // 2, len(payload) - 1):
        damaged = bytearray(copy)
        damaged[31 + at] ^= 0x01
        changed.append(bytes(damaged))
    (tmp_path / "copy.mp3").write_bytes(copy)
    (tmp_path / "original.mp3").write_bytes(original)
    with open(tmp_path / "copy.mp3", "rb") as a, open(tmp_path / "original.mp3", "rb") as b, \
            mmap.mmap(a.fileno(), 0, access=mmap.ACCESS_READ) as mapped_copy, \
            mmap.mmap(b.fileno(), 0, access=mmap.ACCESS_READ) as mapped_original:
        for data in (copy, mapped_copy):
            for other in (original, mapped_original):
                assert tagger.same_span(data, copy_span, other, span)
                assert not tagger.same_span(data, (31, 30 + len(payload)), other, span)  # one byte shorter
                assert not tagger.same_span(data, copy_span, other, (11, 12 + len(payload)))  # one byte longer
                assert not tagger.same_span(data, (32, 32 + len(payload)), other, span)  # shifted by one
                assert tagger.same_span(data, (5, 5), other, (0, 0))  # no payload on either side
                assert not tagger.same_span(data, (5, 5), other, (0, 1))
        for data in changed:
            assert not tagger.same_span(data, copy_span, original, span)
            assert not tagger.same_span(data, copy_span, mapped_original, span)
    for data in changed:
        (tmp_path / "damaged.mp3").write_bytes(data)
        with open(tmp_path / "damaged.mp3", "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            assert not tagger.same_span(mapped, copy_span, original, span)
