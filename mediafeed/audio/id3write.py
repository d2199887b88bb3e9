"""The ID3v2.3 tag of a build's MP3 copy, written directly: the bytes mutagen's apply-and-save would make, faster.

``tags.apply`` followed by mutagen's ``save(v2_version=3, v23_sep="/", v1=1)`` builds a frame object
for every managed tag, validates it, converts it to ID3v2.3, serialises it and splices the new tag into
a copy of the file: about 1 ms per file for a podcast's tag (the show notes twice, a cover, chapters),
a third of the build's tagging. :func:`tagged_bytes` makes the same bytes in one pass:

* the managed frames (the ones ``tags._apply_id3`` sets) are encoded here, as mutagen encodes them in
  ID3v2.3: text in UTF-16 with a byte order mark (little-endian), TRCK/TPOS/TYER/TDAT/WFED in Latin-1, the
  APIC front cover, CHAP/CTOC with their TIT2/WXXX sub-frames;
* every other frame of the original (mutagen's parse of it, which tag_copy has anyway) is serialised by
  mutagen's own ``save_frame``, so what a producer set is kept exactly as the mutagen path keeps it;
* frames are ordered as mediafeed's mutagen save orders them (``tags.id3_frame_key``: mutagen's order, but the
  chapters in time order), the tag is padded as ``tagger._save_padded`` pads it and
  the audio that follows is copied unchanged.

It makes no claim it cannot keep: when the original is not a plain case (an ID3v1 tag at the end, whose
update mutagen derives from the frames; a tag with header flags such as unsynchronisation or an extended
header; text a frame's encoding cannot hold) it returns None and the caller takes the mutagen path. Its
bytes are checked like the mutagen path's (a fresh mutagen parse, the payload compared byte for byte),
and a copy that does not pass is made again by mutagen (``tagger._tag_in_memory``).
"""

from __future__ import annotations

import mmap
from collections.abc import Callable

from mutagen.id3 import ID3

from ..lazypattern import lazy
from . import mpeg
from .tags import chapter_extras, id3_frame_key, id3v23_date_frames
from .tagset import Tags

try:  # mutagen's own frame serialiser: not public API, so a mutagen without it means the mutagen path for every file
    from mutagen.id3._tags import ID3SaveConfig, save_frame
except ImportError:  # pragma: no cover - depends on the installed mutagen
    ID3SaveConfig = save_frame = None  # type: ignore[assignment,misc]

#: ID3v2.3 as tag_copy saves it (``v23_sep="/"``).
_V23 = ID3SaveConfig(3, "/") if ID3SaveConfig is not None else None
#: The text frames of ``tags._ID3_TEXT``, by the Tags field that fills them.
_TEXT = {"title": "TIT2", "artist": "TPE1", "album_artist": "TPE2", "album": "TALB", "genre": "TCON",
         "description": "TDES", "guid": "TGID"}
#: ID3TimeStamp keeps a date of this shape as it is (mutagen rewrites other shapes: those take the mutagen path).
_DATE = lazy(r"\d{4}(-\d{2}(-\d{2})?)?")


class _Unsupported(ValueError):
    """A wanted value this module does not encode (mutagen does, or refuses it)."""


def tagged_bytes(data: bytes, tags: ID3 | None, wanted: Tags, padded: Callable[[int], int]) -> bytes | None:
    """``data`` (an MP3 whose tags mutagen parsed as ``tags``) with ``wanted`` written, or None when this
    module does not handle the case (then mutagen does, see the module docstring).

    ``padded(natural)``: the size the file gets when its tag without padding makes it ``natural`` bytes long.
    """
    made = new_tag(data, tags, wanted, padded)
    if made is None:
        return None
    parts, old_size = made
    return b"".join((*parts, memoryview(data)[old_size:]))


def new_tag(data: bytes | mmap.mmap, tags: ID3 | None, wanted: Tags, padded: Callable[[int], int],
            ) -> tuple[list[bytes], int] | None:
    """:func:`tagged_bytes` in two pieces: the new ID3v2 tag (in parts: header, frames, padding) and the size of
    the old one, whose place it takes (the rest of ``data``, the audio and any trailing tags, follows as it is).
    The old one's size covers every ID3v2 tag at the front: a second tag after the first (a tool that prepended
    its tag without removing the old one) is stale metadata that mutagen does not read, and is not copied.
    ``data`` may be a map of a file on disk: a big file's copy is then written as this tag followed by its audio,
    copied by the kernel (``tagger``), never whole in memory."""
    if save_frame is None:
        return None
    old_size = _old_tag_size(data, tags)
    if old_size is None or _has_id3v1(data):
        return None
    # and any further ID3v2 tags after it (a tool prepended its own, leaving the old one: stale) and zero bytes: dropped
    old_size = mpeg.id3v2_end(data, old_size)
    if wanted.chapters is not None and tags is not None and chapter_extras(tags.getall("CHAP")):
        return None  # chapter images (or other sub-frames) that the new chapters keep: mutagen's frames carry them
    try:
        managed, replaced = _managed_frames(wanted)
    except (_Unsupported, UnicodeEncodeError, OverflowError):
        return None  # text a frame's encoding cannot hold, a time past 2**32 ms…: mutagen reports it as it always has
    frames = managed
    unknown: list[bytes] = []
    if tags is not None:
        for index, frame in enumerate(tags.values()):
            if _is_replaced(frame, replaced):
                continue
            raw = save_frame(frame, config=_V23)
            key = id3_frame_key(frame.FrameID, frame.HashKey, len(raw), index, getattr(frame, "start_time", 0))
            frames.append((key, [raw]))
        if tags._unknown_v2_version == 3:  # mutagen keeps unknown frames only when saving the version they came in
            unknown = [raw for raw in tags.unknown_frames if len(raw) > 10]
    frames.sort(key=lambda item: item[0])
    parts = [part for _, frame in frames for part in frame] + unknown  # joined once, below (a cover is 100s of KB)
    needed = 10 + sum(map(len, parts))
    natural = len(data) - old_size + needed
    size = needed + padded(natural) - natural
    header = b"ID3\x03\x00\x00" + _syncsafe(size - 10)
    return [header, *parts, bytes(size - needed)], old_size


def _old_tag_size(data: bytes | mmap.mmap, tags: ID3 | None) -> int | None:
    """The size of the ID3v2 tag mutagen's save replaces (0 without one), or None for a tag this module leaves alone."""
    if tags is None:
        return None if data[:3] == b"ID3" else 0
    if data[:3] != b"ID3" or data[3] not in (2, 3, 4) or data[5] != 0 or tags.version[:2] != (2, data[3]):
        return None  # header flags (unsynchronisation, an extended header, a footer), ID3v1 only, or odd
    size = 10 + _unsyncsafe(data[6:10])
    return size if size == tags.size and size <= len(data) else None


def _has_id3v1(data: bytes | mmap.mmap) -> bool:
    """Whether mutagen may find an ID3v1 tag at the end (it looks for ``TAG`` in the last 131 bytes)."""
    return b"TAG" in data[-131:]


#: A frame to write: mutagen's sort key for it, and its bytes in parts (joined once, with the whole tag).
_Frame = tuple[tuple[int, int, str], list[bytes]]


def _managed_frames(wanted: Tags) -> tuple[list[_Frame], set[str]]:
    """The frames ``tags._apply_id3`` sets for ``wanted`` (with their sort keys), and the frame IDs they replace."""
    made: list[tuple[str, str, tuple[bytes, ...]]] = []  # (frame ID, HashKey, body in parts)
    starts: dict[str, int] = {}  # a CHAP's start by its HashKey (the chapters are written in time order)
    replaced: set[str] = set()
    for name, frame_id in _TEXT.items():
        value = getattr(wanted, name)
        if value is not None:
            replaced.add(frame_id)
            if value:  # mutagen writes no empty text frame
                made.append((frame_id, frame_id, (b"\x01", _utf16(value))))
    for frame_id, number in (("TRCK", wanted.track), ("TPOS", wanted.disc)):
        if number is not None:
            replaced.add(frame_id)
            made.append((frame_id, frame_id, (b"\x00", _latin1(str(number)))))
    if wanted.date is not None:
        if not _DATE.fullmatch(wanted.date):
            raise _Unsupported(f"mutagen rewrites the date {wanted.date!r}")
        replaced.update(("TDRC", "TYER", "TDAT", "TIME", "TRDA"))
        for dated in id3v23_date_frames(wanted.date):  # TYER and TDAT where ID3v2.3 can say the date, else TDRC
            made.append((dated.FrameID, dated.FrameID, (b"\x00", _latin1(str(dated)))))
    if wanted.comment is not None:
        replaced.add("COMM:")  # only the comments without a description
        made.append(("COMM", "COMM::eng", (b"\x01eng", _utf16(""), _utf16(wanted.comment))))
    if wanted.podcast is not None:
        replaced.add("PCST")
        if wanted.podcast:
            made.append(("PCST", "PCST", (b"\x00\x00\x00\x01",)))
    if wanted.feed_url is not None:
        replaced.add("WFED")
        if wanted.feed_url:
            made.append(("WFED", "WFED", (b"\x00", _latin1(wanted.feed_url))))
    if wanted.cover is not None:
        replaced.add("APIC")
        made.append(("APIC", "APIC:", (b"\x00" + _latin1(wanted.cover.mime) + b"\x03\x00", wanted.cover.data)))
    if wanted.chapters is not None:
        replaced.update(("CHAP", "CTOC"))
        listed = []
        for index, chapter in enumerate(wanted.chapters):
            element = f"chp{index}"
            subs = [*_frame("TIT2", b"\x01", _utf16(chapter.title))] if chapter.title else []
            if chapter.url:
                subs += _frame("WXXX", b"\x00\x00", _latin1(chapter.url))
            end = chapter.end or chapter.start
            times = b"".join(n.to_bytes(4, "big") for n in (chapter.start, end, 0xFFFFFFFF, 0xFFFFFFFF))
            made.append(("CHAP", f"CHAP:{element}", (_latin1(element), times, *subs)))
            starts[f"CHAP:{element}"] = chapter.start
            if chapter.toc:
                listed.append(element)
        if wanted.chapters:
            if len(listed) > 255:
                raise _Unsupported("a CTOC lists at most 255 chapters")
            body = (_latin1("toc"), b"\x03", bytes([len(listed)]), *map(_latin1, listed),
                    *_frame("TIT2", b"\x01", _utf16("Chapters")))
            made.append(("CTOC", "CTOC:toc", body))
    frames = []
    for frame_id, hash_key, body in made:
        frame = _frame(frame_id, *body)
        frames.append((id3_frame_key(frame_id, hash_key, sum(map(len, frame)), 0, starts.get(hash_key, 0)), frame))
    return frames, replaced


def _is_replaced(frame: object, replaced: set[str]) -> bool:
    frame_id = frame.FrameID  # type: ignore[attr-defined]
    if frame_id == "COMM":
        return "COMM:" in replaced and frame.desc == ""  # type: ignore[attr-defined]
    return frame_id in replaced


def _frame(frame_id: str, *body: bytes) -> list[bytes]:
    """An ID3v2.3 frame in parts: its header (ID, size as plain 32 bits, no flags), then ``body``."""
    return [frame_id.encode("ascii") + sum(map(len, body)).to_bytes(4, "big") + b"\x00\x00", *body]


def _utf16(text: str) -> bytes:
    """UTF-16 with a byte order mark, terminated, as mutagen writes it (Python's ``utf-16``: the machine's byte order)."""
    return text.encode("utf-16") + b"\x00\x00"


def _latin1(text: str) -> bytes:
    return text.encode("latin-1") + b"\x00"


def _syncsafe(number: int) -> bytes:
    return bytes((number >> shift) & 0x7F for shift in (21, 14, 7, 0))


def _unsyncsafe(raw: bytes) -> int:
    return (raw[0] << 21) | (raw[1] << 14) | (raw[2] << 7) | raw[3]
