"""Read a WebM (Matroska) file's length, picture size and codecs: a small, bounded EBML reader.

A WebM is an episode's alternate enclosure only (no Apple or Spotify enclosure takes it; mutagen has no reader
for it), so this reads what the feed and the page need and nothing more: the EBML header's DocType, the Segment's
``Info`` (TimecodeScale and Duration) and its ``Tracks`` (each track's type, CodecID, PixelWidth and PixelHeight,
the sound's sampling frequency and channels). It never decodes a frame.

Bounds, for a file nobody checked: at most :data:`HEAD_LIMIT` bytes of the EBML header, :data:`MASTER_LIMIT` of
``Info`` or ``Tracks`` (a few hundred bytes in a real file) and :data:`TOP_LIMIT` of the Segment's children are
read, and at most :data:`CHILD_LIMIT` children of one element; every element must lie inside its parent and the file (a Segment running past the end of the file is a
truncated file); the walk stops at the first ``Cluster`` (the media; the spec puts ``Info`` and ``Tracks`` before
it). Anything else is a :class:`~mediafeed.errors.MediaError` naming what was wrong: never a hang, a large
allocation or an exception of another kind.
"""

from __future__ import annotations

import math
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import MediaError, error
from ..model import Media

#: The EBML header's ID (the file's first four bytes) and the elements read here (Matroska's IDs, markers kept).
EBML, DOC_TYPE, SEGMENT, CLUSTER = 0x1A45DFA3, 0x4282, 0x18538067, 0x1F43B675
INFO, TIMECODE_SCALE, DURATION = 0x1549A966, 0x2AD7B1, 0x4489
TRACKS, TRACK_ENTRY, TRACK_TYPE, CODEC_ID = 0x1654AE6B, 0xAE, 0x83, 0x86
VIDEO, PIXEL_WIDTH, PIXEL_HEIGHT = 0xE0, 0xB0, 0xBA
AUDIO, SAMPLING_FREQUENCY, CHANNELS = 0xE1, 0xB5, 0x9F
#: The most bytes read of the EBML header, of ``Info`` or ``Tracks``, and the most Segment children looked at.
HEAD_LIMIT, MASTER_LIMIT, TOP_LIMIT = 4096, 1 << 20, 256
#: The most children of one element looked at (Info and a TrackEntry hold about ten, Tracks one per track).
CHILD_LIMIT = 1024
#: The longest duration believed (seconds): 100 hours; a larger one is a damaged header.
LONGEST = 100 * 3600.0
#: CodecID → (the name in Media.picture_codec / Media.codec, the codecs parameter of a type, RFC 6381 as WebM uses it)
PICTURES = {"V_VP8": ("vp08", "vp8"), "V_VP9": ("vp09", "vp9"), "V_AV1": ("av01", "")}
SOUNDS = {"A_OPUS": ("opus", "opus"), "A_VORBIS": ("vorbis", "vorbis")}
#: how messages name the elements (else by their ID)
_NAMES = {EBML: "the EBML header", SEGMENT: "the Segment", INFO: "Info", TRACKS: "Tracks", CLUSTER: "a Cluster",
          TRACK_ENTRY: "a TrackEntry", VIDEO: "a track's Video", AUDIO: "a track's Audio"}
_UNKNOWN = -1  # an element's size "unknown" (all value bits set): allowed for the Segment only


class _Damaged(Exception):
    """What is wrong with the file, in words for the message."""


@dataclass
class _Found:
    doc_type: str = ""
    scale: int = 1_000_000
    duration: float | None = None
    width: int = 0
    height: int = 0
    picture: str = ""  #: the first video track's CodecID
    sound: str = ""  #: the first audio track's CodecID
    sample_rate: int = 0
    channels: int = 0


def _vint(data: bytes, at: int, end: int, marker: bool, base: int = 0) -> tuple[int, int]:
    """An EBML variable-length integer at ``at`` (not past ``end``): (value, its length). ``marker``: keep the length
    marker (element IDs) and allow at most 4 bytes; else a size of up to 8 bytes, all ones meaning unknown."""
    if at >= end:
        raise _Damaged("an element is cut off")
    first = data[at]
    length = 8 - first.bit_length() + 1 if first else 9
    if length > (4 if marker else 8):
        raise _Damaged(f"a byte that starts no element (0x{first:02x}) at offset {base + at}")
    if at + length > end:
        raise _Damaged("an element is cut off")
    value = int.from_bytes(data[at:at + length], "big")
    if marker:
        return value, length
    value &= (1 << (7 * length)) - 1
    return (_UNKNOWN if value == (1 << (7 * length)) - 1 else value), length


def _name(ident: int) -> str:
    return _NAMES.get(ident, f"element 0x{ident:X}")


def _children(data: bytes, start: int, end: int, base: int = 0) -> Iterator[tuple[int, int, int]]:
    """(ID, body start, body end) of each element in ``data[start:end]``; ``base`` is where ``data`` lies in the
    file (for the messages). Each must fit inside ``end``; more than :data:`CHILD_LIMIT` is a damaged file (a real
    master holds a handful)."""
    at = start
    for _ in range(CHILD_LIMIT):
        if at >= end:
            return
        ident, n = _vint(data, at, end, True, base)
        size, m = _vint(data, at + n, end, False, base)
        body = at + n + m
        if size == _UNKNOWN or body + size > end:
            raise _Damaged(f"{_name(ident)} at offset {base + at} runs past the element that holds it")
        yield ident, body, body + size
        at = body + size
    if at < end:
        raise _Damaged(f"more than {CHILD_LIMIT} elements in one at offset {base + start}")


def _uint(data: bytes, start: int, end: int) -> int:
    if end - start > 8:
        raise _Damaged(f"an integer of {end - start} bytes at offset {start}")
    return int.from_bytes(data[start:end], "big")


def _float(data: bytes, start: int, end: int) -> float:
    if end - start == 4:
        return float(struct.unpack(">f", data[start:end])[0])
    if end - start == 8:
        return float(struct.unpack(">d", data[start:end])[0])
    if end == start:
        return 0.0
    raise _Damaged(f"a number of {end - start} bytes at offset {start} (EBML floats have 4 or 8)")


def _text(data: bytes, start: int, end: int) -> str:
    """An EBML string (ASCII, zero-padded), at most 32 characters, anything but letters, digits and ``_/.-`` as "?"."""
    raw = data[start:min(end, start + 32)].split(b"\0", 1)[0]
    return "".join(chr(b) if chr(b).isalnum() and b < 128 or b in b"_/.-" else "?" for b in raw)


def _info(data: bytes, base: int, found: _Found) -> None:
    for ident, start, end in _children(data, 0, len(data), base):
        if ident == TIMECODE_SCALE:
            found.scale = _uint(data, start, end)
            if not found.scale:
                raise _Damaged("its TimecodeScale is 0")
        elif ident == DURATION:
            found.duration = _float(data, start, end)


def _fields(data: bytes, start: int, end: int, base: int) -> dict[int, tuple[int, int]]:
    """The first (body start, body end) of each ID among the children of ``data[start:end]``."""
    out: dict[int, tuple[int, int]] = {}
    for ident, s, e in _children(data, start, end, base):
        out.setdefault(ident, (s, e))
    return out


def _tracks(data: bytes, base: int, found: _Found) -> None:
    for ident, start, end in _children(data, 0, len(data), base):
        if ident != TRACK_ENTRY:
            continue
        entry = _fields(data, start, end, base)
        kind = _uint(data, *entry[TRACK_TYPE]) if TRACK_TYPE in entry else 0
        codec = (_text(data, *entry[CODEC_ID]) if CODEC_ID in entry else "") or "?"
        if kind == 1 and not found.picture:
            video = _fields(data, *entry[VIDEO], base) if VIDEO in entry else {}
            width, height = (_uint(data, *video[key]) if key in video else 0 for key in (PIXEL_WIDTH, PIXEL_HEIGHT))
            found.picture, found.width, found.height = codec, min(width, 1 << 16), min(height, 1 << 16)
        elif kind == 2 and not found.sound:
            sound = _fields(data, *entry[AUDIO], base) if AUDIO in entry else {}
            rate = _float(data, *sound[SAMPLING_FREQUENCY]) if SAMPLING_FREQUENCY in sound else 0.0
            found.sound = codec
            found.channels = min(_uint(data, *sound[CHANNELS]), 255) if CHANNELS in sound else 0
            found.sample_rate = int(rate) if math.isfinite(rate) and 0 < rate < 1e6 else 0


def _element_at(handle: BinaryIO, at: int, limit: int) -> tuple[int, int, int]:
    """(ID, body start, size) of the element whose header starts at file offset ``at``."""
    handle.seek(at)
    head = handle.read(12)
    ident, n = _vint(head, 0, len(head), True, at)
    size, m = _vint(head, n, len(head), False, at)
    if size != _UNKNOWN and at + n + m + size > limit:
        raise _Damaged(f"{_name(ident)} at offset {at} ({size} bytes) runs past the end of the file ({limit} bytes)")
    return ident, at + n + m, size


def _read(handle: BinaryIO, file_size: int) -> _Found:
    found = _Found()
    if handle.read(4) != EBML.to_bytes(4, "big"):
        raise _Damaged("it does not start with an EBML header")
    ident, body, size = _element_at(handle, 0, file_size)
    if ident != EBML or size == _UNKNOWN or size > HEAD_LIMIT:
        raise _Damaged("it does not start with an EBML header")
    head = handle.read(size) if handle.seek(body) == body else b""
    for child, start, end in _children(head, 0, len(head), body):
        if child == DOC_TYPE:
            found.doc_type = _text(head, start, end)
    if found.doc_type not in ("webm", "matroska"):
        raise _Damaged(f"its DocType is {found.doc_type!r}, not 'webm'")
    ident, at, size = _element_at(handle, body + len(head), file_size)
    if ident != SEGMENT:
        raise _Damaged(f"{_name(ident)} at offset {at} where the Segment should start")
    end = file_size if size == _UNKNOWN else at + size  # (a live recording's Segment: size unknown)
    info = tracks = False
    for _ in range(TOP_LIMIT):
        if at >= end or (info and tracks):
            break
        ident, body, size = _element_at(handle, at, end)
        if ident == CLUSTER:
            break
        if size == _UNKNOWN:
            raise _Damaged(f"{_name(ident)} at offset {at} has no size")
        if ident in (INFO, TRACKS):
            if size > MASTER_LIMIT:
                raise _Damaged(f"its {_name(ident)} element claims {size} bytes (at most {MASTER_LIMIT} are read)")
            handle.seek(body)
            data = handle.read(size)
            (_info if ident == INFO else _tracks)(data, body, found)
            info, tracks = info or ident == INFO, tracks or ident == TRACKS
        at = body + size
    if not tracks:
        raise _Damaged("no Tracks element before its media")
    return found


def probe(path: Path, rel: str, field: str = "alternate_enclosures") -> Media:
    """A WebM file's :class:`Media` (kind "webm"): duration (0.0 when the file does not say, as a browser's
    MediaRecorder writes it), size, the file's average bitrate, the first video track's size and codec ("vp08",
    "vp09", "av01"), the first audio track's codec ("opus", "vorbis"), rate and channels. A file that is no
    WebM is MED005; a truncated or damaged one MED004; one this cannot read MED001."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            found = _read(handle, size)
    except OSError as exc:
        raise MediaError(error("MED001", rel, f"cannot read the media file: {exc.strerror}", field=field)) from None
    except _Damaged as exc:
        text = str(exc)
        if text.startswith("it does not start"):
            from .probe import describe  # (mutagen's import: on this path only)

            with open(path, "rb") as handle:
                head = handle.read(64)
            text = "its content looks like " + (describe(head) if head else "nothing (0 bytes)")
        if text.startswith(("its content", "its DocType")):
            raise MediaError(error("MED005", rel, f"its type says WebM, but {text}", field=field,
                                   hint="list the WebM file itself, or give this file's own 'type:' (video/mp4 for an MP4)")) from None
        raise MediaError(error("MED004", rel, f"the WebM file is truncated or corrupt: {text}", field=field,
                               hint="copy or export it again; check it plays to the end")) from None
    if not found.picture and not found.sound:
        raise MediaError(error("MED006", rel, "the WebM file has no video or audio track", field=field,
                               hint="export it again with its picture and sound"))
    seconds = 0.0
    if found.duration is not None:
        seconds = found.duration * found.scale / 1e9
        if not math.isfinite(seconds) or not 0 <= seconds <= LONGEST:
            raise MediaError(error("MED004", rel, f"the WebM file is truncated or corrupt: its Duration says "
                                   f"{found.duration!r} × {found.scale} ns", field=field,
                                   hint="remux it, which writes the header again: ffmpeg -i in.webm -c copy out.webm"))
    picture = PICTURES.get(found.picture, (found.picture.lower(), ""))[0] if found.picture else ""
    sound = SOUNDS.get(found.sound, (found.sound.lower(), ""))[0] if found.sound else ""
    return Media(path=rel, size=size, mime="video/webm" if found.picture else "audio/webm", kind="webm",
                 duration=seconds, bitrate=round(size * 8 / seconds) if seconds > 0.1 else 0,
                 sample_rate=found.sample_rate, channels=found.channels, video=bool(found.picture),
                 width=found.width, height=found.height, picture_codec=picture, codec=sound)


def codecs(media: Media) -> str:
    """The ``codecs`` parameter of a WebM's type (``vp9,opus``), for a ``<source type>`` and the feed's
    ``podcast:alternateEnclosure@codecs``; "" when a track's codec has no short name a browser takes (AV1 needs its
    profile and level: ``av01.0.04M.08``), so the browser is not told something wrong."""
    names = {short: name for short, name in (*PICTURES.values(), *SOUNDS.values())}
    parts = [names.get(code, "") for code in (media.picture_codec, media.codec) if code]
    return ",".join(parts) if parts and all(parts) else ""
