"""mediafeed reads ID3 tags as mutagen's ``ID3`` does, without copying the rest of the tag after every frame.

``id3read.QuickID3`` walks the frames by offset and keeps them in a plain dict: it must give the very frames,
unknown frames and padding that mutagen's own read gives, for the tags producers' tools write (the media fixtures),
the tags mediafeed writes, and the odd ones mutagen has rules for (empty frames, v2.2 names in a v2.3 tag, frame
IDs it does not know, junk, a frame running past the tag, v2.4 sizes written as plain integers, unsynchronisation).
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import mutagen
import pytest
from media_fixtures import build_fixtures
from mutagen.id3 import ID3, ID3NoHeaderError
from mutagen.id3._tags import read_frames  # noqa: F401 - (the test below counts its calls)

from mediafeed.audio import Cover, Tags, tagger
from mediafeed.audio.id3read import QuickID3
from mediafeed.audio.tags import KNOWN_FRAMES, load_tags, read_id3, read_state

ART = (Path(__file__).resolve().parent.parent / "artwork.png").read_bytes()
WANTED = Tags(title="Ünïcode title", artist="Safe to Say team", album_artist="Safe to Say team", album="Safe to Say",
              track=7, disc=2, date="2026-02-16", genre="Podcast", comment="A short summary.", description="Notes. " * 300,
              podcast=True, guid="5c6c255d-36b2-45da-ab07-e62a01932dcf",
              feed_url="https://podcast.example.org/feed.xml", cover=Cover("image/png", ART), id3_version="2.3")


def _frame(frame_id: bytes, body: bytes, size: int | None = None, syncsafe: bool = False) -> bytes:
    n = len(body) if size is None else size
    if syncsafe:
        n = (n & 0x7F) | ((n >> 7) & 0x7F) << 8 | ((n >> 14) & 0x7F) << 16 | ((n >> 21) & 0x7F) << 24
    return frame_id + struct.pack(">LH", n, 0) + body


def _tag(version: int, frames: bytes, padding: int = 0, flags: int = 0) -> bytes:
    body = frames + b"\x00" * padding
    n = len(body)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    return b"ID3" + bytes([version, 0, flags]) + size + body


TEXT = b"\x00Old title"
ODD_TAGS = {
    "v2.3 plain": _tag(3, _frame(b"TIT2", TEXT) + _frame(b"TPE1", b"\x00Someone"), padding=100),
    "v2.3 no padding": _tag(3, _frame(b"TIT2", TEXT)),
    "v2.3 empty frame": _tag(3, _frame(b"TIT2", b"") + _frame(b"TALB", b"\x00Album"), padding=20),
    "v2.3 frame with a v2.2 name": _tag(3, b"TT2\x00" + struct.pack(">LH", len(TEXT), 0) + TEXT, padding=10),
    "v2.3 unknown frame": _tag(3, _frame(b"XYZW", b"kept as it is") + _frame(b"TIT2", TEXT), padding=10),
    "v2.3 non-ASCII frame ID": _tag(3, _frame(b"T\xffT2", TEXT) + _frame(b"TIT2", TEXT), padding=10),
    "v2.3 invalid frame ID": _tag(3, _frame(b"t!t2", TEXT) + _frame(b"TPE1", TEXT)),
    "v2.3 junk frame": _tag(3, _frame(b"TIT2", b"\x09bad encoding") + _frame(b"TPE1", TEXT), padding=10),
    "v2.3 frame past the end": _tag(3, _frame(b"TIT2", TEXT) + _frame(b"TPE1", TEXT, size=400)),
    "v2.3 header cut short": _tag(3, _frame(b"TIT2", TEXT) + b"TPE1\x00\x00"),
    "v2.3 unsynchronised": _tag(3, _frame(b"TIT2", TEXT + b"\xff\x00\xe0"), flags=0x80),
    "v2.4 syncsafe sizes": _tag(4, _frame(b"TIT2", TEXT, syncsafe=True) + _frame(b"COMM", b"\x00eng\x00" + b"x" * 300,
                                                                                  syncsafe=True), padding=50),
    "v2.4 plain integer sizes (old iTunes)": _tag(4, _frame(b"TIT2", TEXT) + _frame(b"COMM", b"\x00eng\x00" + b"x" * 300),
                                                  padding=50),
    "v2.4 unsynchronised frame flag": _tag(4, _frame(b"TIT2", TEXT, syncsafe=True), padding=8, flags=0x80),
    "v2.3 TYER and TDAT": _tag(3, _frame(b"TYER", b"\x002026") + _frame(b"TDAT", b"\x003003") + _frame(b"TCON", b"\x00(186)"),
                               padding=8),
}
#: pictures (APIC) past id3read.PICTURE_HEAD bytes: their fields read from the head, the data sliced once; or, where
#: the fields do not end inside the head, the whole frame read by mutagen
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
UTF16_LONG = "Cover art, ".encode("utf-16")[:2] + ("Cover art, " * 40).encode("utf-16-le") + b"\x00\x00"
PICTURES = {
    "latin1 description": b"\x00image/png\x00\x03Cover\x00" + PNG,
    "empty description": b"\x00image/png\x00\x03\x00" + PNG,
    "UTF-16 description (mediafeed's)": b"\x01image/png\x00\x03\xff\xfe\x00\x00" + PNG,
    "UTF-16 description with text": b"\x01image/png\x00\x03" + "Cover".encode("utf-16") + b"\x00\x00" + PNG,
    "UTF-16 description without a BOM": b"\x01image/png\x00\x03" + "Cover".encode("utf-16-le") + b"\x00\x00" + PNG,
    "UTF-16BE description": b"\x02image/png\x00\x03" + "Cover".encode("utf-16-be") + b"\x00\x00" + PNG,
    "UTF-8 description": b"\x03image/png\x00\x03Cov\xc3\xa9r\x00" + PNG,
    "UTF-16 description past the head": b"\x01image/png\x00\x03" + UTF16_LONG + PNG,
    "latin1 description past the head": b"\x00image/png\x00\x03" + b"d" * 700 + b"\x00" + PNG,
    "description ending at the head's end": b"\x00image/png\x00\x03" + b"d" * 499 + b"\x00" + PNG,
    "description ending a byte before it": b"\x00image/png\x00\x03" + b"d" * 498 + b"\x00" + PNG,
    "MIME type past the head": b"\x00" + b"m" * 600 + b"\x00\x03\x00" + PNG,
    "no terminators at all": b"\x00" + b"m" * 900,
    "invalid encoding": b"\x09image/png\x00\x03\x00" + PNG,
    "broken UTF-16 description": b"\x01image/png\x00\x03\xff\xfe\x00\xd8\x41\x00\x00\x00" + PNG,
    "UTF-16 description of odd length": b"\x01image/png\x00\x03\xff\xfeC\x00o" + PNG,
    "zeros after the description": b"\x00image/png\x00\x03\x00" + b"\x00" * 900,
    "zeros in the head, then data": b"\x00image/png\x00\x03\x00" + b"\x00" * 600 + PNG,
    "zeros ending the data": b"\x00image/png\x00\x03\x00" + PNG + b"\x00" * 700,
}
for _name, _body in PICTURES.items():
    ODD_TAGS[f"v2.3 picture: {_name}"] = _tag(3, _frame(b"TIT2", TEXT) + _frame(b"APIC", _body), padding=64)
    ODD_TAGS[f"v2.4 picture: {_name}"] = _tag(4, _frame(b"APIC", _body, syncsafe=True) + _frame(b"TIT2", TEXT, syncsafe=True))
ODD_TAGS["v2.3 two pictures"] = _tag(3, _frame(b"APIC", PICTURES["latin1 description"]) + _frame(b"APIC", PICTURES["UTF-8 description"]))
ODD_TAGS["v2.3 picture past the end"] = _tag(3, _frame(b"TIT2", TEXT) + _frame(b"APIC", PICTURES["latin1 description"],
                                                                           size=len(PNG) + 4000))
ODD_TAGS["v2.3 picture with frame flags"] = _tag(3, b"APIC" + struct.pack(">LH", len(PICTURES["latin1 description"]), 0x0040)
                                                 + PICTURES["latin1 description"])


def _read_both(data: bytes) -> tuple[object, object]:
    """(mutagen's reading, QuickID3's): frames, unknown frames, padding and version (or the error, by type)."""
    out = []
    for cls in (ID3, QuickID3):
        try:
            tag = cls(io.BytesIO(data), known_frames=KNOWN_FRAMES)
        except Exception as exc:  # noqa: BLE001 - the same failure is what is compared
            out.append(type(exc))
            continue
        out.append((tag.items(), tag.unknown_frames, tag._padding, tag.version, list(tag.keys())))
    return out[0], out[1]


@pytest.mark.parametrize("name", sorted(ODD_TAGS))
def test_odd_tags_read_as_mutagen_reads_them(name: str) -> None:
    mutagens, ours = _read_both(ODD_TAGS[name] + b"\xff\xfb\x90\x00" + b"\x00" * 400)
    assert ours == mutagens


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixtures(tmp_path_factory.mktemp("media"))


def test_every_mp3_fixture_reads_as_mutagen_reads_it(fixtures: Path) -> None:
    mp3s = sorted(fixtures.glob("*.mp3"))
    assert len(mp3s) > 10
    for path in mp3s:
        mutagens, ours = _read_both(path.read_bytes())
        assert ours == mutagens, path.name


def test_a_tagged_copy_reads_as_mutagen_reads_it_and_saves_the_same_bytes(fixtures: Path, tmp_path: Path) -> None:
    for name in ("id3v23.mp3", "id3v24.mp3", "id3v22.mp3", "vbr-xing.mp3"):
        copy = tmp_path / name
        tagger.tag_copy(fixtures / name, copy, WANTED, durable=False)
        data = copy.read_bytes()
        mutagens, ours = _read_both(data)
        assert ours == mutagens, name
        assert read_id3(io.BytesIO(data)) == read_state(load_tags(io.BytesIO(data), "mp3"), "mp3")
        # saved again by mutagen, from either reading: the same bytes
        saved = []
        for cls in (ID3, QuickID3):
            tag, out = cls(io.BytesIO(data), known_frames=KNOWN_FRAMES), io.BytesIO(data)
            tag.save(out, v2_version=3, v23_sep="/", padding=lambda info: info.padding)
            saved.append(out.getvalue())
        assert saved[0] == saved[1], name


def test_no_tag_is_refused_as_mutagen_refuses_it() -> None:
    for cls in (ID3, QuickID3):
        with pytest.raises(ID3NoHeaderError):
            cls(io.BytesIO(b"\xff\xfb\x90\x00" + b"\x00" * 400), known_frames=KNOWN_FRAMES)


def test_the_frames_are_walked_without_copying_the_rest_of_the_tag(fixtures: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A tagged copy's read (the verify, the probe) does not go through mutagen's ``read_frames``, which slices the
    rest of the tag after every frame: a dozen copies of the 60 KB cover and the padding for one read. (Under a mutagen
    release it was not compared with, mutagen's own walk is used: id3read.WALKS_LIKE.)"""
    import mediafeed.audio.id3read as id3read

    if not id3read.QUICK_WALK:
        pytest.skip(f"mutagen {'.'.join(map(str, mutagen.version))} is not one of {id3read.WALKS_LIKE}: its own walk reads the tag")
    copy = tmp_path / "copy.mp3"
    tagger.tag_copy(fixtures / "id3v23.mp3", copy, WANTED, durable=False)
    calls = []
    import mutagen.id3._tags as mutagen_tags

    real = mutagen_tags.read_frames
    monkeypatch.setattr(mutagen_tags, "read_frames", lambda *args: calls.append(1) or real(*args))
    monkeypatch.setattr(id3read, "read_frames", mutagen_tags.read_frames)
    state = read_id3(io.BytesIO(copy.read_bytes()))
    load_tags(io.BytesIO(copy.read_bytes()), "mp3")
    assert state.title == WANTED.title and state.cover == WANTED.cover
    assert calls == []


def test_a_picture_is_read_from_its_head_and_its_data_sliced_once(fixtures: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A tagged copy's cover (60 KB): mutagen's specs read its fields from the frame's first bytes only, each of
    which used to return a copy of the rest of the frame (seven copies of the cover per read)."""
    from mutagen.id3 import APIC

    import mediafeed.audio.id3read as id3read

    if not id3read.QUICK_WALK:
        pytest.skip(f"mutagen {'.'.join(map(str, mutagen.version))} is not one of {id3read.WALKS_LIKE}: its own walk reads the tag")
    copy = tmp_path / "copy.mp3"
    tagger.tag_copy(fixtures / "id3v23.mp3", copy, WANTED, durable=False)
    read: list[int] = []
    real = APIC._fromData.__func__

    def counted(cls: type, header: object, flags: int, data: bytes) -> object:
        read.append(len(data))
        return real(cls, header, flags, data)

    monkeypatch.setattr(APIC, "_fromData", classmethod(counted))
    state = read_id3(io.BytesIO(copy.read_bytes()))
    assert state.cover == WANTED.cover
    assert read == [id3read.PICTURE_HEAD]
