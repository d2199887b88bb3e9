"""The direct ID3v2.3 writer of the build's MP3 copies makes the very bytes mutagen's apply-and-save makes.

``id3write.tagged_bytes`` is compared with ``tagger._tagged_bytes`` (mutagen's ``apply`` + ``save``) byte for
byte on originals as producers hand them over, its copies are read back by mutagen and by ffprobe, and the
cases it leaves to mutagen (an ID3v1 tag, header flags, text Latin-1 cannot hold) still come out right
through ``tag_copy``, as does a copy of its that fails verification.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from mutagen.id3 import APIC, COMM, GEOB, ID3, PRIV, TIT2, TPE1, TSOP, TXXX, USLT, Encoding, PictureType

from mediafeed.audio import Cover, TagChapter, Tags, id3write, mpeg, tagger
from mediafeed.audio.tags import load_tags, read_id3, read_state
from mediafeed.audio.tagset import diff

ART = (Path(__file__).resolve().parent.parent / "artwork.png").read_bytes()
NOTES = ("Ünïcode notes with a non-BMP 🎙️ microphone and 𝄞, Hebrew שלום עולם and Arabic مرحبا بالعالم, "
         "and a link https://example.org/notes.\n") * 60
WANTED = Tags(
    title="What practitioners need — part 𝟐", artist="Safe to Say team", album_artist="Safe to Say team",
    album="Safe to Say", track=7, disc=2, date="2026-02-16", genre="Podcast", comment="A short summary 🎧.",
    description=NOTES, podcast=True, guid="5c6c255d-36b2-45da-ab07-e62a01932dcf",
    feed_url="https://podcast.example.org/safe-to-say/feed.xml", cover=Cover("image/png", ART),
    chapters=(TagChapter(0, "The question", end=1500), TagChapter(1500, "The framework 🧭", end=3250,
                                                                   url="https://example.org/framework"),
              TagChapter(3250, "", end=3600, toc=False), TagChapter(3600, "Close", end=4000, url="https://example.org/c")),
    id3_version="2.3",
)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A 4-second VBR MP3 (LAME, Xing header) without any tag."""
    folder = tmp_path_factory.mktemp("id3write")
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=4", "-ac", "1",
                    "-ar", "22050", str(folder / "tone.wav")], check=True)
    subprocess.run(["lame", "--quiet", "-V", "7", str(folder / "tone.wav"), str(folder / "plain.mp3")], check=True)
    return (folder / "plain.mp3").read_bytes()


def _tagged_with(plain: bytes, tmp_path: Path, frames: list[object], version: int = 3) -> bytes:
    path = tmp_path / "original.mp3"
    path.write_bytes(plain)
    tags = ID3()
    for frame in frames:
        tags.add(frame)
    tags.save(path, v2_version=version, padding=lambda info: 300)
    return path.read_bytes()


def _raw_v23(plain: bytes, *frames: bytes) -> bytes:
    """``plain`` behind an ID3v2.3 tag made of these raw frames and 200 bytes of padding."""
    body = b"".join(frames) + bytes(200)
    return b"ID3\x03\x00\x00" + bytes((len(body) >> s) & 0x7F for s in (21, 14, 7, 0)) + body + plain


def _frame(frame_id: bytes, body: bytes) -> bytes:
    return frame_id + len(body).to_bytes(4, "big") + b"\x00\x00" + body


def _both(data: bytes, wanted: Tags = WANTED, length: int | None = None) -> tuple[bytes | None, bytes]:
    """(the direct writer's copy, mutagen's copy) of the MP3 ``data`` with ``wanted``."""
    direct = id3write.tagged_bytes(data, load_tags(io.BytesIO(data), "mp3").tags, wanted,
                                   lambda natural: tagger.padded_size(natural, length))
    return direct, tagger._tagged_bytes(data, load_tags(io.BytesIO(data), "mp3"), wanted, length)


def _state(data: bytes) -> Tags:
    return read_state(load_tags(io.BytesIO(data), "mp3"), "mp3")


def test_an_untagged_mp3_gets_the_bytes_mutagen_makes(plain: bytes) -> None:
    direct, by_mutagen = _both(plain)
    assert direct is not None and direct == by_mutagen
    assert diff(_state(direct), WANTED) == [] and len(direct) % tagger.BLOCK == 0
    assert direct.endswith(plain[-5000:])


def test_the_same_input_gives_the_same_bytes(plain: bytes) -> None:
    assert _both(plain)[0] == _both(plain)[0]


def test_a_second_stale_tag_after_the_first_is_dropped_by_both_writers_alike(plain: bytes) -> None:
    # a tool prepended its tag without removing the old one: the tag that replaces the first takes the second's place too
    stale = _raw_v23(b"", _frame(b"TIT2", b"\x00Stale title"))
    data = _raw_v23(b"", _frame(b"TIT2", b"\x00Prepended title")) + stale + plain
    direct, by_mutagen = _both(data)
    assert direct is not None and direct == by_mutagen
    assert b"Stale title" not in direct and direct.endswith(plain)
    assert mpeg.id3v2_end(direct) == len(direct) - len(plain)  # one tag, then the audio


def test_a_v23_original_keeps_every_frame_it_does_not_manage(plain: bytes, tmp_path: Path) -> None:
    original = _tagged_with(plain, tmp_path, [
        TIT2(encoding=Encoding.LATIN1, text=["Old title"]), TPE1(encoding=Encoding.UTF16, text=["Old artist"]),
        TXXX(encoding=Encoding.UTF16, desc="ENCODER_SETTINGS", text=["-V 7"]),
        PRIV(owner="com.apple.streaming.transportStreamTimestamp", data=b"\x00\x00\x00\x00\x00\x01"),
        GEOB(encoding=Encoding.LATIN1, mime="application/octet-stream", filename="a.bin", desc="blob", data=b"\x01\x02"),
        USLT(encoding=Encoding.UTF16, lang="eng", desc="", text="Every word we said"),
        COMM(encoding=Encoding.UTF16, lang="eng", desc="iTunNORM", text=[" 0000044E 00000000"]),
        COMM(encoding=Encoding.LATIN1, lang="eng", desc="", text=["An old summary"]),
        APIC(encoding=Encoding.LATIN1, mime="image/jpeg", type=PictureType.COVER_BACK, desc="", data=b"\xff\xd8\xffold"),
    ])
    direct, by_mutagen = _both(original)
    assert direct is not None and direct == by_mutagen
    tags = load_tags(io.BytesIO(direct), "mp3").tags
    assert tags.version == (2, 3, 0)
    assert str(tags["TXXX:ENCODER_SETTINGS"]) == "-V 7" and tags["USLT::eng"].text == "Every word we said"
    assert [p.data for p in tags.getall("PRIV")] == [b"\x00\x00\x00\x00\x00\x01"]
    assert tags["GEOB:blob"].data == b"\x01\x02" and str(tags["COMM:iTunNORM:eng"]) == " 0000044E 00000000"
    assert [str(c) for c in tags.getall("COMM") if c.desc == ""] == [WANTED.comment]
    assert [p.type for p in tags.getall("APIC")] == [PictureType.COVER_FRONT]  # the cover is replaced
    assert diff(_state(direct), WANTED) == []


def test_a_v23_original_keeps_frames_unknown_to_mutagen_as_mutagen_does(plain: bytes) -> None:
    original = _raw_v23(plain, _frame(b"TIT2", b"\x00Old\x00"), _frame(b"ZZZZ", b"private bytes"),
                        _frame(b"XYZ1", b"more"))
    assert load_tags(io.BytesIO(original), "mp3").tags.unknown_frames  # mutagen knows neither
    direct, by_mutagen = _both(original)
    assert direct is not None and direct == by_mutagen and b"ZZZZ\x00\x00\x00\x0d\x00\x00private bytes" in direct


def test_a_v24_original_is_rewritten_as_v23_as_mutagen_rewrites_it(plain: bytes, tmp_path: Path) -> None:
    original = _tagged_with(plain, tmp_path, [
        TIT2(encoding=Encoding.UTF8, text=["Old v2.4 title"]), TSOP(encoding=Encoding.UTF8, text=["Sort Me"]),
        TXXX(encoding=Encoding.UTF8, desc="publisher", text=["Keep Me Records"]),
    ], version=4)
    assert original[3] == 4
    direct, by_mutagen = _both(original)
    assert direct is not None and direct == by_mutagen and direct[3] == 3
    assert str(load_tags(io.BytesIO(direct), "mp3").tags["TXXX:publisher"]) == "Keep Me Records"


@pytest.mark.parametrize("wanted", [
    replace(WANTED, cover=None), replace(WANTED, cover=Cover("image/png", b"")), replace(WANTED, chapters=()),
    replace(WANTED, chapters=None, podcast=None, disc=None, date="2026"), Tags(title="Only a title", id3_version="2.3"),
], ids=["no-cover", "empty-cover", "no-chapters", "fewer-fields", "title-only"])
def test_fewer_managed_tags_keep_the_originals(plain: bytes, tmp_path: Path, wanted: Tags) -> None:
    original = _tagged_with(plain, tmp_path, [
        TIT2(encoding=Encoding.UTF16, text=["Old"]), TPE1(encoding=Encoding.UTF16, text=["Old artist"]),
        APIC(encoding=Encoding.LATIN1, mime="image/jpeg", type=PictureType.COVER_FRONT, desc="", data=b"\xff\xd8\xffold"),
    ])
    direct, by_mutagen = _both(original, wanted)
    assert direct is not None and direct == by_mutagen and diff(_state(direct), wanted) == []


def test_the_published_length_is_kept_when_the_tags_fit_and_grown_by_blocks_when_not(plain: bytes) -> None:
    first, _ = _both(plain, replace(WANTED, description="Short notes."))
    assert first is not None
    length = len(first)
    same, by_mutagen = _both(first, replace(WANTED, description="Other short notes."), length)  # fits: same size
    assert same is not None and same == by_mutagen and len(same) == length
    grown, by_mutagen = _both(first, replace(WANTED, description=NOTES * 4), length)  # does not fit: whole blocks
    assert grown is not None and grown == by_mutagen and len(grown) > length and len(grown) % tagger.BLOCK == 0
    exact, by_mutagen = _both(plain, WANTED, length=len(by_mutagen) + 1234)  # an odd published length
    assert exact is not None and exact == by_mutagen and len(exact) == len(by_mutagen)


def test_ffprobe_reads_the_direct_writers_tags_and_chapters(plain: bytes, tmp_path: Path) -> None:
    direct, _ = _both(plain)
    assert direct is not None
    path = tmp_path / "copy.mp3"
    path.write_bytes(direct)
    out = subprocess.run(["ffprobe", "-v", "error", "-show_format", "-show_chapters", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True)
    found = json.loads(out.stdout)
    tags = {k.lower(): v for k, v in found["format"]["tags"].items()}
    assert tags["title"] == WANTED.title and tags["artist"] == WANTED.artist and tags["album"] == WANTED.album
    assert tags["album_artist"] == WANTED.album_artist and tags["genre"] == "Podcast" and tags["track"] == "7"
    assert tags["comment"] == WANTED.comment and tags["disc"] == "2"
    chapters = [(c["start_time"], c.get("tags", {}).get("title", "")) for c in found["chapters"]]
    # (ffprobe names a chapter without a TIT2 by its element ID; it lists the CHAP frames in the file's order, which
    # was mutagen's, by size: the untitled chapter first)
    assert chapters == [("0.000000", "The question"), ("1.500000", "The framework 🧭"), ("3.250000", "chp2"), ("3.600000", "Close")]


@pytest.mark.parametrize("case", ["id3v1", "unsynchronised", "not-latin-1", "odd-date"])
def test_what_the_direct_writer_leaves_to_mutagen(plain: bytes, tmp_path: Path, case: str) -> None:
    data, wanted = plain, WANTED
    if case == "id3v1":
        data = plain + b"TAG" + b"Old v1 title".ljust(30, b"\x00") + bytes(95)
    elif case == "unsynchronised":
        data = bytearray(_raw_v23(plain, _frame(b"TIT2", b"\x00Old\x00")))
        data[5] = 0x80
        data = bytes(data)
    elif case == "not-latin-1":
        wanted = replace(WANTED, feed_url="https://例え.jp/feed.xml")
    else:
        wanted = replace(WANTED, date="2026-2-16")
    assert id3write.tagged_bytes(data, load_tags(io.BytesIO(data), "mp3").tags, wanted, tagger.padded_size) is None
    source = tmp_path / "source.mp3"
    source.write_bytes(data)
    try:
        on_disk = tagger.tag_copy(source, tmp_path / "disk.mp3", wanted, rel="x.mp3", durable=True)
    except Exception as exc:  # noqa: BLE001 - whatever mutagen does on disk, the build's copy does the same
        with pytest.raises(type(exc)):
            tagger.tag_copy(source, tmp_path / "memory.mp3", wanted, rel="x.mp3", durable=False)
        return
    in_memory = tagger.tag_copy(source, tmp_path / "memory.mp3", wanted, rel="x.mp3", durable=False)
    assert in_memory.written and in_memory.changes == on_disk.changes
    assert (tmp_path / "memory.mp3").read_bytes() == (tmp_path / "disk.mp3").read_bytes()


@pytest.mark.parametrize("damage", ["title", "sound"])
def test_a_direct_copy_that_fails_verification_is_made_again_by_mutagen(plain: bytes, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    real = tagger._direct_bytes
    calls = []

    def wrong(*args: object) -> bytes | None:
        made = real(*args)  # type: ignore[arg-type]
        assert made is not None
        calls.append(damage)
        if damage == "title":  # the same length, so only the title differs
            return made.replace("What practitioners".encode("utf-16-le"), "Somebody else's!!!".encode("utf-16-le"))
        out = bytearray(made)
        out[-500] ^= 0xFF
        return bytes(out)

    source = tmp_path / "source.mp3"
    source.write_bytes(plain)
    tagger.tag_copy(source, tmp_path / "disk.mp3", WANTED, rel="x.mp3", durable=True)
    monkeypatch.setattr(tagger, "_direct_bytes", wrong)
    result = tagger.tag_copy(source, tmp_path / "memory.mp3", WANTED, rel="x.mp3", durable=False, fresh=True)
    assert calls == [damage] and result.written
    assert (tmp_path / "memory.mp3").read_bytes() == (tmp_path / "disk.mp3").read_bytes()
    assert source.read_bytes() == plain


def test_the_build_copy_of_a_tagged_copy_is_written_directly(plain: bytes, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Retagging a copy mediafeed made (its own v2.3 tag: TYER/TDAT, PCST, WFED, CHAP/CTOC) needs no mutagen save."""
    source = tmp_path / "source.mp3"
    source.write_bytes(plain)
    tagger.tag_copy(source, tmp_path / "first.mp3", WANTED, rel="x.mp3", durable=False)
    shutil.copyfile(tmp_path / "first.mp3", tmp_path / "again-source.mp3")
    monkeypatch.setattr(tagger, "_tagged_bytes", lambda *args: pytest.fail("mutagen saved the copy"))
    result = tagger.tag_copy(tmp_path / "again-source.mp3", tmp_path / "again.mp3", replace(WANTED, title="New title"),
                             rel="x.mp3", durable=False, length=len(plain) + 100_000)
    assert result.written and [c.field for c in result.changes] == ["title"]
    assert result.size == len(plain) + 100_000 and _state((tmp_path / "again.mp3").read_bytes()).title == "New title"


def test_many_combinations_give_mutagens_bytes(plain: bytes, tmp_path: Path) -> None:
    """A seeded sweep: which fields are managed, odd text (non-BMP, RTL, "/", empty), chapters, lengths, originals."""
    import random

    rng = random.Random(20261126)
    alphabet = "aZ09 /-—ßü€שלוםمرحبا𝄞🎙️\u200f\t"
    originals = [plain, _raw_v23(plain, _frame(b"TIT2", b"\x00Old\x00"), _frame(b"TXXX", b"\x00k\x00v"),
                                 _frame(b"COMM", b"\x00engiTunSMPB\x00 00000000")),
                 _tagged_with(plain, tmp_path, [TIT2(encoding=Encoding.UTF8, text=["v2.4"])], version=4)]
    for _ in range(60):
        def text() -> str:
            return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))

        chapters = tuple(TagChapter(start=i * 1000, title=rng.choice(["", text()]), end=i * 1000 + 900,
                                    url=rng.choice(["", "https://example.org/" + str(i)]), toc=rng.random() < 0.8)
                         for i in range(rng.randint(0, 5)))
        fields = {"title": text(), "artist": text(), "album_artist": text(), "album": text(), "genre": text(),
                  "description": text() * rng.randint(1, 200), "guid": text(), "comment": text(),
                  "track": rng.randint(0, 999), "disc": rng.randint(1, 9), "date": rng.choice(["2026", "2026-02-16"]),
                  "podcast": rng.choice([True, False]), "feed_url": "https://example.org/feed.xml",
                  "cover": Cover("image/png", ART[:rng.randint(0, len(ART))]), "chapters": chapters}
        wanted = Tags(**{k: v for k, v in fields.items() if rng.random() < 0.8}, id3_version="2.3")
        original = rng.choice(originals)
        length = rng.choice([None, len(original) + rng.randint(0, 200_000)])
        direct, by_mutagen = _both(original, wanted, length)
        assert direct is not None and direct == by_mutagen, wanted


def test_the_frame_classes_every_load_uses_read_what_mutagens_own_read(plain: bytes, tmp_path: Path) -> None:
    """``tags.KNOWN_FRAMES`` (faster text, no defaults set before a frame is read) parse every frame as mutagen's do."""
    from mutagen.id3 import Frames

    from mediafeed.audio.tags import KNOWN_FRAMES, WFED

    rich = _tagged_with(plain, tmp_path, [
        TIT2(encoding=Encoding.LATIN1, text=["Old title"]), TXXX(encoding=Encoding.UTF16, desc="k", text=["v", "w"]),
        PRIV(owner="owner", data=b"\x00\x01"), USLT(encoding=Encoding.UTF16, lang="eng", desc="", text="Words"),
        GEOB(encoding=Encoding.LATIN1, mime="application/octet-stream", filename="a.bin", desc="blob", data=b"\x01"),
        COMM(encoding=Encoding.UTF16, lang="eng", desc="iTunNORM", text=[" 0000044E"]),
    ])
    for data in (_both(rich)[0], _both(plain)[0], _tagged_with(plain, tmp_path, [TSOP(encoding=3, text=["S"])], 4)):
        assert data is not None
        fast = ID3(io.BytesIO(data), known_frames=KNOWN_FRAMES)
        mutagens = ID3(io.BytesIO(data), known_frames={**Frames, "WFED": WFED})
        assert [(k, repr(v)) for k, v in sorted(fast.items())] == [(k, repr(v)) for k, v in sorted(mutagens.items())]
    made = KNOWN_FRAMES["TIT2"](encoding=Encoding.UTF8, text="made, not read")  # made with values: validated as ever
    assert made.text == ["made, not read"] and KNOWN_FRAMES["PCST"](value=1).value == 1


def test_the_copys_check_reads_its_tag_as_the_file_type_read_does(plain: bytes, tmp_path: Path) -> None:
    """The check of a build's copy reads its tag with mutagen's ``ID3`` alone (``tags.read_id3``): the same tags as
    ``read_state(load_tags(...))``, for a v2.3, a v2.4 and an ID3v1-only file; a file without any ID3 tag is refused."""
    from mutagen.id3 import ID3NoHeaderError

    v1_only = plain + b"TAG" + b"An ID3v1 title".ljust(30, b"\x00") + bytes(94) + b"\x0c"
    for data in (_both(plain)[0], _tagged_with(plain, tmp_path, [TSOP(encoding=3, text=["S"]), TIT2(encoding=3, text=["T"])], 4),
                 v1_only):
        assert data is not None
        assert read_id3(io.BytesIO(data)) == _state(data)
    assert _state(v1_only).title == "An ID3v1 title"
    with pytest.raises(ID3NoHeaderError):
        read_id3(io.BytesIO(plain))


def test_a_mutagen_without_its_frame_serialiser_means_the_mutagen_path(plain: bytes, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """id3write leans on mutagen's internal ``save_frame``: a mutagen release without it must not break tagging."""
    _, by_mutagen = _both(plain)
    monkeypatch.setattr(id3write, "save_frame", None)
    assert id3write.tagged_bytes(plain, load_tags(io.BytesIO(plain), "mp3").tags, WANTED, lambda n: n) is None
    source = tmp_path / "source.mp3"
    source.write_bytes(plain)
    result = tagger.tag_copy(source, tmp_path / "copy.mp3", WANTED, rel="x.mp3", durable=False)
    assert result.written and (tmp_path / "copy.mp3").read_bytes() == by_mutagen
