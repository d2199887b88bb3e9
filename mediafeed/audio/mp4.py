"""MP4/M4A/M4B/M4V/MOV containers read directly: brand, video tracks, truncation, the sample payload.

mutagen reads and writes the tags (``moov/udta/meta/ilst``); this module answers
what mutagen does not: is there a video track, does every top-level box fit in
the file (a cut-off download), and which bytes are the coded samples. Tagging
may move samples (mutagen grows ``moov`` and shifts chunk offsets; ffmpeg re-muxes
to add a chapter track), so the payload is read through the sample tables
(``stsz``, ``stsc``, ``stco``/``co64``) of each sound and video track: if a single
coded sample changed or an offset points at the wrong bytes, the digest changes.

A fragmented MP4 (OBS's "fragmented MP4" recordings, ``ffmpeg -movflags frag_keyframe``, DASH/HLS-style
files) keeps few or no samples in those tables: its samples are described by ``moof/traf`` boxes after
``moov`` (``tfhd`` and ``trun``, with defaults in ``moov/mvex/trex``). mutagen reports such a file's length
as 0, and a payload read through the tables alone would cover none of its audio; both are read here
from the fragments too (ISO/IEC 14496-12, 8.8).
"""

from __future__ import annotations

import bisect
import hashlib
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import field
from typing import BinaryIO

from ..records import frozen, mutable
from . import adts

_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"udta"}


@mutable
class Box:
    name: bytes
    start: int  #: offset of the box header
    body: int  #: offset of the box's content
    end: int  #: offset after the box


def boxes(handle: BinaryIO, start: int, end: int) -> Iterator[Box]:
    """The boxes between ``start`` and ``end``; stops at a box that claims to run past ``end``."""
    pos = start
    while pos + 8 <= end:
        handle.seek(pos)
        header = handle.read(8)
        if len(header) < 8:
            return
        size, name = struct.unpack(">I4s", header)
        body = pos + 8
        if size == 1:
            large = handle.read(8)
            if len(large) < 8:
                return
            size = struct.unpack(">Q", large)[0]
            body = pos + 16
        elif size == 0:
            size = end - pos
        if size < body - pos:
            raise ValueError(f"box {name!r} at offset {pos} has an impossible size {size}")
        yield Box(name, pos, body, pos + size)
        pos += size


def brand(head: bytes) -> str:
    """The major brand of the ``ftyp`` box (``M4A ``, ``M4B ``, ``M4V ``, ``qt  ``, ``isom``…)."""
    if head[4:8] == b"ftyp" and len(head) >= 12:
        return head[8:12].decode("latin-1")
    return ""


def truncation(handle: BinaryIO, size: int) -> str:
    """A description of how the file is cut off, or "" when every top-level box fits."""
    seen: set[bytes] = set()
    for box in boxes(handle, 0, size):
        if box.end > size:
            if {b"moov", b"mdat"} <= seen and box.name not in (b"moov", b"mdat", b"moof"):
                return ""  # bytes after a whole movie that are no box (a download's leftovers): players ignore them
            return f"its '{box.name.decode('latin-1')}' box needs {box.end - box.start} bytes but only {size - box.start} remain"
        seen.add(box.name)
    return ""


def index_last(handle: BinaryIO, size: int) -> bool:
    """Whether the movie box (``moov``: the sample tables a player must read before it can play) comes after the
    media data (``mdat``), as ffmpeg writes an MP4 without ``-movflags +faststart``. A fragmented file, whose
    fragments follow a first ``moov``, is not."""
    try:
        for box in boxes(handle, 0, size):
            if box.name == b"moov":
                return False
            if box.name == b"mdat":
                return True
    except ValueError:  # a box of impossible size: the truncation check names it
        return False
    return False


@mutable
class Track:
    handler: str = ""
    sizes: list[int] = field(default_factory=list)
    chunks: list[int] = field(default_factory=list)
    per_chunk: list[tuple[int, int]] = field(default_factory=list)  #: (first chunk, samples per chunk)
    track_id: int = 0
    timescale: int = 0  #: ticks per second of the track's media time (``mdhd``)
    #: samples in movie fragments, in file order: (offset of the run's first byte, its samples' sizes)
    runs: list[tuple[int, list[int]]] = field(default_factory=list)
    fragment_ticks: int = 0  #: the fragments' samples' durations added up, in ``timescale`` ticks
    ticks: int = 0  #: ``stts``: the durations of the samples in the track's own sample table (in moov), in ticks
    defaults: tuple[int, int] = (0, 0)  #: ``trex``: default sample duration and size
    #: ``tkhd``: the track's presentation height in pixels (0 for sound), after its matrix: a track turned by 90° or
    #: 270° (a phone video shot upright: 1920×1080 coded, shown 1080 wide and 1920 tall) is as tall as it is wide
    #: (ISO/IEC 14496-12 8.3.2: width and height apply before the matrix)
    height: int = 0
    width: int = 0  #: ``tkhd``: the presentation width in pixels, after its matrix, as ``height``
    #: ``stsd``: the first sample entry's four-character code: "avc1"/"avc3" (H.264), "hvc1"/"hev1" (HEVC), "mp4a"...
    sample_entry: str = ""
    #: ``tkhd``'s track_enabled flag: "a disabled track is treated as if it were not present" (ISO/IEC 14496-12 8.3.2);
    #: of several sound tracks, ffmpeg enables one (the default), and Apple's players play that one
    enabled: bool = True
    #: ``elst``: the edit list, (segment duration in the movie's timescale, media time in the track's; -1 an empty edit)
    #: per edit; None without one, or with one the probe does not read (a rate other than 1)
    edits: list[tuple[int, int]] | None = None
    movie_timescale: int = 0  #: ``mvhd``: ticks per second of the edit list's durations
    #: ``tref/chap``: the tracks that hold this one's chapters (a text track of titles; a picture track of chapter
    #: images beside it, as Apple's tools write an enhanced podcast's), at most 16 of them
    chapter_tracks: tuple[int, ...] = ()
    #: an AAC sound track's channels as its ``esds`` says them where it rules out SBR and PS (see
    #: :func:`adts.declared_channels`); 0 otherwise
    declared_channels: int = 0


_TFHD_BASE, _TFHD_DURATION, _TFHD_SIZE, _TFHD_FLAGS, _TFHD_MOOF = 0x01, 0x08, 0x10, 0x20, 0x20000
_TRUN_OFFSET, _TRUN_FIRST_FLAGS, _TRUN_DURATION, _TRUN_SIZE, _TRUN_FLAGS, _TRUN_CTS = (
    0x01, 0x04, 0x100, 0x200, 0x400, 0x800)


def _full_body(handle: BinaryIO, box: Box) -> bytes:
    handle.seek(box.body + 4)  # version and flags
    return handle.read(box.end - box.body - 4)


def tracks(handle: BinaryIO, size: int) -> list[Track]:
    """Every track's handler type and sample tables, with the samples of any movie fragments."""
    found: list[Track] = []
    by_id: dict[int, Track] = {}
    movie_timescale = 0
    for top in boxes(handle, 0, size):
        if top.name == b"moov":
            for box in boxes(handle, top.body, top.end):
                if box.name == b"mvhd":
                    data = _full_body(handle, box)
                    movie_timescale = struct.unpack(">I", data[16:20] if box_version(handle, box) == 1 else data[8:12])[0]
                elif box.name == b"trak":
                    track = Track(movie_timescale=movie_timescale)
                    _read_track(handle, box, track, size)
                    found.append(track)
                    if track.track_id in by_id:  # mvex came first
                        track.defaults = by_id[track.track_id].defaults
                    by_id[track.track_id] = track
                elif box.name == b"mvex":
                    for trex in boxes(handle, box.body, box.end):
                        if trex.name == b"trex":
                            data = _full_body(handle, trex)
                            track_id, _, duration, sample_size = struct.unpack(">IIII", data[:16])
                            if track_id in by_id:
                                by_id[track_id].defaults = (duration, sample_size)
                            else:  # mvex before the trak boxes: keep the defaults for the track to come
                                by_id[track_id] = Track(track_id=track_id, defaults=(duration, sample_size))
        elif top.name == b"moof":
            _read_fragment(handle, top, by_id)
    return found


def _read_fragment(handle: BinaryIO, moof: Box, by_id: dict[int, Track]) -> None:
    """The samples one ``moof`` adds to its tracks: each ``trun``'s sizes, durations and where its data is."""
    for traf in boxes(handle, moof.body, moof.end):
        if traf.name != b"traf":
            continue
        track: Track | None = None
        base = moof.start  # default-base-is-moof, and what writers without a base offset mean
        duration = size = 0
        next_data = -1  # a trun without a data offset continues where the previous one ended
        for box in boxes(handle, traf.body, traf.end):
            if box.name == b"tfhd":
                handle.seek(box.body)
                data = handle.read(box.end - box.body)
                flags = int.from_bytes(data[1:4], "big")
                track = by_id.get(struct.unpack(">I", data[4:8])[0])
                if track is None:
                    break
                duration, size = track.defaults
                at = 8
                if flags & _TFHD_BASE:
                    base = struct.unpack(">Q", data[at:at + 8])[0]
                    at += 8
                at += 4 if flags & 0x02 else 0  # sample description index
                if flags & _TFHD_DURATION:
                    duration = struct.unpack(">I", data[at:at + 4])[0]
                    at += 4
                if flags & _TFHD_SIZE:
                    size = struct.unpack(">I", data[at:at + 4])[0]
            elif box.name == b"trun" and track is not None:
                handle.seek(box.body)
                data = handle.read(box.end - box.body)
                flags = int.from_bytes(data[1:4], "big")
                count = struct.unpack(">I", data[4:8])[0]
                at = 8
                offset = next_data if next_data >= 0 else base
                if flags & _TRUN_OFFSET:
                    offset = base + struct.unpack(">i", data[at:at + 4])[0]
                    at += 4
                at += 4 if flags & _TRUN_FIRST_FLAGS else 0
                fields = [f for f in (_TRUN_DURATION, _TRUN_SIZE, _TRUN_FLAGS, _TRUN_CTS) if flags & f]
                if at + 4 * len(fields) * count > len(data):
                    raise ValueError(f"a 'trun' box at offset {box.start} declares more samples than it holds")
                values = struct.unpack(f">{len(fields) * count}I", data[at:at + 4 * len(fields) * count])
                column = {f: values[i::len(fields)] for i, f in enumerate(fields)}
                sizes = list(column[_TRUN_SIZE]) if _TRUN_SIZE in column else [size] * count
                track.fragment_ticks += sum(column[_TRUN_DURATION]) if _TRUN_DURATION in column else duration * count
                track.runs.append((offset, sizes))
                next_data = offset + sum(sizes)


def duration(found: list[Track]) -> float:
    """Seconds of the longest sound or video track of a fragmented MP4: the samples in its own table (the first
    fragment's, where the writer put them in moov: ffmpeg's ``frag_keyframe`` without ``empty_moov``) and those of its
    movie fragments; 0.0 for a file without fragments. (mutagen reads the track header's length, the moov's samples
    alone: 3 s of a 12 s recording, or 0 for an empty moov.)"""
    return max(((t.ticks + t.fragment_ticks) / t.timescale for t in found
                if t.handler in ("soun", "vide") and t.timescale and t.fragment_ticks), default=0.0)


def _decoder_config(entry: bytes) -> bytes:
    """The DecoderSpecificInfo (an AAC's AudioSpecificConfig) in an ``mp4a`` sample entry's ``esds`` (ISO/IEC 14496-1
    7.2.6.5: ES_Descriptor, DecoderConfigDescriptor, DecoderSpecificInfo, each a tag and a length of 7-bit bytes), or
    b"" where it is not there or not MPEG-4 audio."""
    at = entry.find(b"esds")
    data, pos = entry[at + 8:] if at >= 0 else b"", 0

    def descriptor(pos: int, tag: int) -> tuple[int, int]:
        if pos >= len(data) or data[pos] != tag:
            return -1, 0
        length = 0
        for at in range(pos + 1, min(pos + 5, len(data))):  # (at most 4 bytes of length)
            length = (length << 7) | (data[at] & 0x7F)
            if not data[at] & 0x80:
                return at + 1, length
        return -1, 0

    pos = descriptor(0, 0x03)[0]
    if pos < 0 or pos + 3 > len(data):
        return b""
    flags, pos = data[pos + 2], pos + 3  # (after the ES_ID): dependsOn_ES_ID, a URL, OCR_ES_Id, as flagged
    pos += 2 if flags & 0x80 else 0
    if flags & 0x40:
        pos += 1 + (data[pos] if pos < len(data) else 0)
    pos += 2 if flags & 0x20 else 0
    pos = descriptor(pos, 0x04)[0]
    if pos < 0 or data[pos:pos + 1] != b"\x40":  # objectTypeIndication 0x40: MPEG-4 audio
        return b""
    pos, length = descriptor(pos + 13, 0x05)
    return data[pos:pos + length] if pos >= 0 else b""


def box_version(handle: BinaryIO, box: Box) -> int:
    """A full box's version (0 or 1: 32- or 64-bit times)."""
    handle.seek(box.body)
    return handle.read(1)[0] if box.end > box.body else 0


def edited_duration(track: Track) -> float:
    """Seconds the track's edit list presents (what ffprobe, Apple's players and browsers play), 0.0 where it has none
    or one that is not plain. An encoder writes AAC with an edit list that skips its priming (1,024 samples for
    ffmpeg, 2,112 for Apple's) and the padding of the last frame: the media's own length (``mdhd``, mutagen's) counts
    them, 23 ms too long at 44.1 kHz, 128 ms at 8 kHz, and a chapter track written to that length made the movie
    longer than its sound. Not for a fragmented track (its edit list often says 0, the fragments' length unknown when
    it was written), nor for edits that reach past the track's media (a list no player can follow as written)."""
    if not track.edits or track.fragment_ticks or not track.movie_timescale or not track.timescale:
        return 0.0
    media = track.ticks / track.timescale
    for length, start in track.edits:
        if start >= 0 and start / track.timescale + length / track.movie_timescale > media + 0.05:
            return 0.0
    total = sum(length for length, _ in track.edits) / track.movie_timescale
    return total if any(start >= 0 and length for length, start in track.edits) else 0.0


def _read_edits(data: bytes, version: int) -> list[tuple[int, int]] | None:
    """An ``elst``'s edits (its body after version and flags), None for one with a rate other than 1 or cut short."""
    count = struct.unpack(">I", data[:4])[0]
    fmt = ">Qqhh" if version == 1 else ">Iihh"
    step = struct.calcsize(fmt)
    if count > (len(data) - 4) // step:
        return None
    edits = []
    for at in range(4, 4 + count * step, step):
        length, start, rate, fraction = struct.unpack(fmt, data[at:at + step])
        if (rate, fraction) != (1, 0):  # a dwell (0) or another speed: not a length to add up
            return None
        edits.append((length, start))
    return edits


def _read_track(handle: BinaryIO, parent: Box, track: Track, size: int) -> None:
    """``track``'s header, edits and sample tables from its ``trak`` box (``parent``); ``size``: the file's."""
    for box in boxes(handle, parent.body, parent.end):
        if box.end > parent.end:  # a damaged box size: what it holds, and its siblings', cannot be trusted
            raise ValueError(f"its '{box.name.decode('latin-1')}' box runs past the "
                             f"'{parent.name.decode('latin-1')}' box that holds it")
        if box.name in _CONTAINERS:
            _read_track(handle, box, track, size)
        elif box.name == b"tkhd":
            handle.seek(box.body)
            head = handle.read(96)  # version 1: 64-bit times; the width and height (16.16 fixed point) end the box
            track.track_id = struct.unpack(">I", head[20:24] if head[0] == 1 else head[12:16])[0]
            track.enabled = bool(head[3] & 1)
            at = 92 if head[:1] == b"\x01" else 80
            if len(head) >= at + 4 and box.body + at + 4 <= box.end:  # (a 'tkhd' cut short: the next box's bytes)
                track.width, track.height = (value >> 16 for value in struct.unpack(">II", head[at - 4:at + 4]))
                a, b, _, c, d = struct.unpack(">5i", head[at - 40:at - 20])  # the matrix's a, b, (u,) c, d
                if a == d == 0 and b and c:  # turned a quarter (a phone held upright): shown as wide as it is tall
                    track.width, track.height = track.height, track.width
        elif box.name == b"elst":
            track.edits = _read_edits(_full_body(handle, box), box_version(handle, box))
        elif box.name == b"tref" and parent.name == b"trak":
            for ref in boxes(handle, box.body, min(box.end, parent.end)):
                if ref.name == b"chap" and ref.end <= box.end:
                    handle.seek(ref.body)
                    data = handle.read(min(ref.end - ref.body, 4 * 16))
                    track.chapter_tracks = struct.unpack(f">{len(data) // 4}I", data[:len(data) // 4 * 4])
        elif box.name == b"mdhd":
            handle.seek(box.body)
            head = handle.read(24)
            track.timescale = struct.unpack(">I", head[20:24] if head[0] == 1 else head[12:16])[0]
        elif box.name == b"hdlr" and parent.name == b"mdia":  # QuickTime has a second one in minf
            handle.seek(box.body + 8)
            track.handler = handle.read(4).decode("latin-1")
        elif box.name == b"stsd":
            handle.seek(box.body + 4)  # (version and flags)
            head = handle.read(12)  # the entry count, the first entry's size and four-character code
            # an 'stsd' without entries (or cut short): the four bytes after it are the next box's, its name ('stts')
            # taken for the picture codec (MED034 said "the video's picture is 'stts'")
            if len(head) == 12 and box.body + 16 <= box.end and head[:4] != b"\0\0\0\0":
                track.sample_entry = head[8:12].decode("latin-1")
                if track.sample_entry == "mp4a":  # (its esds: at most 256 bytes in)
                    track.declared_channels = adts.declared_channels(_decoder_config(handle.read(min(box.end - box.body - 16, 256))))
        elif box.name == b"stsz":
            data = _full_body(handle, box)
            uniform, count = struct.unpack(">II", data[:8])
            if uniform and uniform * count > size:  # a hostile count: 4 G samples were a 32 GB list
                raise ValueError(f"its sample table lists {count:,} samples of {uniform:,} bytes, more than the "
                                 "file holds")
            track.sizes = [uniform] * count if uniform else list(struct.unpack(f">{count}I", data[8:8 + 4 * count]))
        elif box.name == b"stz2":
            data = _full_body(handle, box)
            bits, count = data[3], struct.unpack(">I", data[4:8])[0]
            raw = data[8:]
            if bits == 8:
                track.sizes = list(raw[:count])
            elif bits == 16:
                track.sizes = list(struct.unpack(f">{count}H", raw[:2 * count]))
            else:
                track.sizes = [(raw[i // 2] >> (0 if i % 2 else 4)) & 15 for i in range(count)]
        elif box.name == b"stts":
            data = _full_body(handle, box)
            count = min(struct.unpack(">I", data[:4])[0], (len(data) - 4) // 8)
            pairs = struct.unpack(f">{2 * count}I", data[4:4 + 8 * count])
            track.ticks = sum(pairs[i] * pairs[i + 1] for i in range(0, 2 * count, 2))
        elif box.name == b"stsc":
            data = _full_body(handle, box)
            count = struct.unpack(">I", data[:4])[0]
            track.per_chunk = [struct.unpack(">II", data[4 + 12 * i:12 + 12 * i]) for i in range(count)]
        elif box.name in (b"stco", b"co64"):
            data = _full_body(handle, box)
            count = struct.unpack(">I", data[:4])[0]
            fmt = "Q" if box.name == b"co64" else "I"
            track.chunks = list(struct.unpack(f">{count}{fmt}", data[4:4 + struct.calcsize(fmt) * count]))


def damage(found: list[Track], size: int, media: list[tuple[int, int]] | None = None) -> str:
    """How a sound or video track's sample table points past the end of the file, or "" when it does not, judged from
    its first and last chunks only (their offsets, and the sizes of the samples each holds): what the payload digest
    (:func:`payload_digest`) would stop at when tagging, found by the probe without walking every chunk. A table
    damaged in a middle chunk only is still found there, when the file is tagged (walking every chunk would cost the
    probe of a 30-minute M4A about as much again as the whole probe). With ``media`` (:func:`media_spans`), a first or
    last chunk outside every ``mdat`` box is damage too: offsets a tag editor did not move when it grew ``moov`` in
    front of the media (the chunk is read from the tags: noise, and tagging would change it)."""
    starts = [start for start, _ in media or ()]
    for track in found:
        if track.handler not in ("soun", "vide") or not track.chunks or not track.per_chunk:
            continue
        first, last = track.per_chunk[0][1], track.per_chunk[-1][1]
        ends = (track.chunks[0] + sum(track.sizes[:first]), track.chunks[-1] + (sum(track.sizes[-last:]) if last else 0))
        kind = "sound" if track.handler == "soun" else "video"
        for which, offset, end in (("first", track.chunks[0], ends[0]), ("last", track.chunks[-1], ends[1])):
            if offset > size or end > size:
                return (f"the {which} chunk of its {kind} track ({end - offset:,} bytes at offset {offset:,}) runs past "
                        f"the end of the file ({size:,} bytes): its sample table is damaged")
            at = bisect.bisect_right(starts, offset) - 1
            if media and (at < 0 or end > media[at][1]):
                return (f"the {which} chunk of its {kind} track ({end - offset:,} bytes at offset {offset:,}) lies outside "
                        "its media data ('mdat'): its sample table points at the wrong bytes (a tag editor that grew the "
                        "index in front of the media without moving the chunk offsets leaves this; players play noise "
                        "or stop there)")
    return ""


def free_tail(handle: BinaryIO, size: int) -> int:
    """Where the content of a top-level ``free`` or ``skip`` box that ends the file starts (``size`` without one): room
    a writer reserved, whose zero bytes are no sign of a copy that was not filled in (see ``unfilled``)."""
    last = None
    try:
        for box in boxes(handle, 0, size):
            last = box
    except ValueError:  # a box of impossible size: the truncation check names it
        return size
    return last.body if last is not None and last.name in (b"free", b"skip") and last.end == size else size


def media_spans(handle: BinaryIO, size: int) -> list[tuple[int, int]]:
    """Where each top-level ``mdat`` box's content starts and ends, in file order."""
    return [(box.body, min(box.end, size)) for box in boxes(handle, 0, size) if box.name == b"mdat"]


def misplaced_run(found: list[Track], media: list[tuple[int, int]]) -> str:
    """Which run of samples of a movie fragment lies outside the file's ``mdat`` boxes (``media``: :func:`media_spans`),
    or "" when none does: a tag editor that grows ``moov`` without moving the fragments' absolute offsets (mutagen
    alone moves the first fragment's) leaves the later ones pointing at the wrong bytes; so does ffmpeg's
    ``+global_sidx`` (:func:`sidx_shift`)."""
    starts = [start for start, _ in media]
    for track in found:
        if track.handler not in ("soun", "vide"):
            continue
        for number, (offset, sizes) in enumerate(track.runs, 1):
            end = offset + sum(sizes)
            at = bisect.bisect_right(starts, offset) - 1
            if at < 0 or end > media[at][1]:
                kind = "sound" if track.handler == "soun" else "video"
                return (f"the samples of movie fragment {number} of its {kind} track ({end - offset:,} bytes at offset "
                        f"{offset:,}) lie outside its media data")
    return ""


def sidx_shift(handle: BinaryIO, size: int, found: list[Track], media: list[tuple[int, int]]) -> int:
    """How many bytes of top-level ``sidx`` boxes stand in front of the first movie fragment, when that is exactly how
    far every fragment's samples lie before their media data; 0 otherwise. ffmpeg 5.1 writes such a file for
    ``-movflags +empty_moov+global_sidx``: it sets each fragment's absolute offsets (``tfhd`` base data offset), then
    writes the index in front of the fragments, moving them and their media data without those offsets. Not a tag
    editor's doing, and a remux copies the wrong offsets: the file must be made again without ``+global_sidx``."""
    shift = 0
    try:
        for box in boxes(handle, 0, size):
            if box.name == b"moof":
                break
            if box.name == b"sidx":
                shift += box.end - box.start
    except ValueError:
        return 0
    starts = [start for start, _ in media]
    runs = [run for track in found if track.handler in ("soun", "vide") for run in track.runs]
    if not shift or not runs or runs[0][0] + shift not in starts:  # (the first run starts its media data, moved)
        return 0
    for offset, sizes in runs:
        at = bisect.bisect_right(starts, offset + shift) - 1
        if at < 0 or offset + shift + sum(sizes) > media[at][1]:
            return 0
    return shift


def movie_duration(handle: BinaryIO, size: int) -> float:
    """The movie's length in seconds (``moov/mvhd``: its longest track, as players show it), 0.0 when it has none."""
    for top in boxes(handle, 0, size):
        if top.name == b"moov":
            for box in boxes(handle, top.body, top.end):
                if box.name == b"mvhd":
                    handle.seek(box.body)
                    head = handle.read(32)
                    version = head[0] if head else 0
                    fmt, at = (">IQ", 20) if version == 1 else (">II", 12)
                    if len(head) < at + struct.calcsize(fmt):
                        return 0.0
                    timescale, length = struct.unpack(fmt, head[at:at + struct.calcsize(fmt)])
                    return length / timescale if timescale and length != (1 << (8 * struct.calcsize(fmt[-1]))) - 1 else 0.0
            return 0.0
    return 0.0


def recorded_at(handle: BinaryIO, size: int) -> str:
    """Where the file says it was recorded, as a phone or camera writes it, or "" when it does not: QuickTime's
    ``moov/udta/©xyz`` (an ISO 6709 text: Android phones, ``ffmpeg -metadata location=`` in a .mov), the 3GPP
    ``moov/udta/loci`` box (ffmpeg's in an .mp4) or a ``…location…`` key of QuickTime's keyed metadata (iPhones'
    ``com.apple.quicktime.location.ISO6709``), at ``moov/meta`` or ``moov/udta/meta``."""
    for top in boxes(handle, 0, size):
        if top.name != b"moov":
            continue
        for box in boxes(handle, top.body, top.end):
            if box.name == b"meta":
                found = _location_key(handle, box)
                if found:
                    return found
            if box.name != b"udta":
                continue
            for item in boxes(handle, box.body, box.end):
                if item.name == b"\xa9xyz":
                    handle.seek(item.body + 4)  # text length and language
                    text = handle.read(min(item.end - item.body - 4, 64)).decode("latin-1").strip("\0 ")
                    return f"©xyz {text}" if text else "©xyz"
                if item.name == b"loci" and item.end - item.body >= 18:
                    handle.seek(item.body + 6)  # version, flags and language
                    name = b""
                    while (byte := handle.read(1)) not in (b"", b"\0") and len(name) < 64:
                        name += byte
                    handle.seek(1, os.SEEK_CUR)  # the role
                    longitude, latitude = struct.unpack(">ii", handle.read(8))
                    return f"loci {latitude / 65536:+08.4f}{longitude / 65536:+09.4f}"
                if item.name == b"meta":
                    found = _location_key(handle, item)
                    if found:
                        return found
        return ""
    return ""


def _location_key(handle: BinaryIO, meta: Box) -> str:
    handle.seek(meta.body)
    start = meta.body + 4 if handle.read(4) == b"\0\0\0\0" else meta.body
    for keys in boxes(handle, start, meta.end):
        if keys.name == b"keys":
            return next((name for name in _keys(_full_body(handle, keys)).values() if "location" in name.lower()), "")
    return ""


def metadata_keys(handle: BinaryIO, size: int) -> dict[str, str]:
    """The names of QuickTime's keyed metadata (``moov/udta/meta`` with a ``keys`` box, which Apple's tools and
    ``ffmpeg -movflags use_metadata_tags`` write), by the name mutagen gives each item of the ``ilst`` beside it: the
    key's 1-based index as four bytes (``"\\x00\\x00\\x00\\x03"`` → ``"title"``). Empty for iTunes-style metadata."""
    for top in boxes(handle, 0, size):
        if top.name != b"moov":
            continue
        for udta in boxes(handle, top.body, top.end):
            if udta.name != b"udta":
                continue
            for meta in boxes(handle, udta.body, udta.end):
                if meta.name != b"meta":
                    continue
                handle.seek(meta.body)
                start = meta.body + 4 if handle.read(4) == b"\0\0\0\0" else meta.body  # a full box (ISO) or not (QuickTime)
                for keys in boxes(handle, start, meta.end):
                    if keys.name == b"keys":
                        return _keys(_full_body(handle, keys))
        return {}
    return {}


def _keys(body: bytes) -> dict[str, str]:
    found = {}
    pos = 4
    for index in range(1, int.from_bytes(body[:4], "big") + 1 if len(body) >= 4 else 1):
        length = int.from_bytes(body[pos:pos + 4], "big")
        if length < 8 or pos + length > len(body):
            break
        found[index.to_bytes(4, "big").decode("latin-1")] = body[pos + 8:pos + length].decode("utf-8", "replace")
        pos += length
    return found


def pictures(found: list[Track], *, chapter_images: bool = False) -> list[Track]:
    """The video tracks, but those another track names as its chapters' (``tref/chap``): an M4A's chapter images (a
    JPEG per chapter, as Apple's tools write an enhanced podcast) are shown with its chapters, no video. (Such an M4A
    was a video: the feed's type video/mp4, the page a video player.) With ``chapter_images``, those tracks alone."""
    chapters = {number for track in found for number in track.chapter_tracks}
    return [t for t in found if t.handler == "vide" and (t.track_id in chapters) == chapter_images]


def main_picture(found: list[Track]) -> Track | None:
    """The tallest video track (its height as its track header presents it: players show that one), or None for a
    file without video (see :func:`pictures`)."""
    shown = pictures(found)
    return max(shown, key=lambda t: t.height) if shown else None


def payload_digest(path: str | os.PathLike[str]) -> str:
    """SHA-256 over the coded samples of every sound and video track, in track order."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        for track in tracks(handle, size):
            if track.handler not in ("soun", "vide"):
                continue  # chapter text tracks, timecodes, hints: not the media
            sizes = track.sizes + [s for _, run in track.runs for s in run]
            digest.update(f"\0{track.handler}:{len(sizes)}\0".encode())
            digest.update(struct.pack(f">{len(sizes)}I", *sizes))
            for offset, length in chunk_spans(track):
                handle.seek(offset)
                data = handle.read(length)
                if len(data) != length:
                    raise ValueError("a chunk runs past the end of the file")
                digest.update(data)
            for offset, run in track.runs:  # a fragmented file's samples, after those of its tables
                length = sum(run)
                handle.seek(offset)
                data = handle.read(length)
                if len(data) != length:
                    raise ValueError("a movie fragment's samples run past the end of the file")
                digest.update(data)
    return digest.hexdigest()


def chunk_samples(track: Track) -> Iterator[tuple[int, list[int]]]:
    """(offset, the sizes of its samples) of each chunk of a track's sample table, in order (``stsc``'s runs of
    chunks with so many samples each, over ``stco``/``co64`` and ``stsz``)."""
    sample = 0
    runs = track.per_chunk + [(len(track.chunks) + 1, 0)]
    for (first, per), (following, _) in zip(runs, runs[1:]):
        for chunk in range(first, min(following, len(track.chunks) + 1)):
            yield track.chunks[chunk - 1], track.sizes[sample:sample + per]
            sample += per


def chunk_spans(track: Track) -> Iterator[tuple[int, int]]:
    """(offset, length) of each chunk of a track's sample table, in order."""
    for offset, sizes in chunk_samples(track):
        yield offset, sum(sizes)


def fix_fragment_offsets(original: str | os.PathLike[str], tagged: str | os.PathLike[str]) -> int:
    """Point a tagged copy's movie fragments at their samples again; returns how many offsets were changed.

    Growing ``moov`` moves every box after it. mutagen updates the chunk offsets and the base data offset
    (``tfhd``) of the first ``moof`` only: in a file with more fragments the later ones still point where
    their samples were (the payload check refuses such a copy). The random-access index (``mfra/tfra``)
    is not updated at all, so apps would seek to the wrong place. Each absolute offset of the original is
    moved here by how far the top-level box it pointed into moved. The top-level boxes must be the same,
    in the same order (mutagen changes only inside ``moov``); otherwise nothing is changed.
    """
    with open(original, "rb") as old, open(tagged, "r+b") as new:
        before = list(boxes(old, 0, os.fstat(old.fileno()).st_size))
        after = list(boxes(new, 0, os.fstat(new.fileno()).st_size))
        if [b.name for b in before] != [b.name for b in after] or not any(b.name == b"moof" for b in before):
            return 0

        def moved(offset: int) -> int:
            for was, now in zip(before, after, strict=True):
                if was.start <= offset < was.end:
                    return offset + now.start - was.start
            return offset

        changed = 0
        for was, now in zip(before, after, strict=True):
            if was.name == b"moof":
                for traf_was, traf_now in zip(boxes(old, was.body, was.end), boxes(new, now.body, now.end), strict=False):
                    if traf_was.name != b"traf":
                        continue
                    for box_was, box_now in zip(boxes(old, traf_was.body, traf_was.end),
                                                boxes(new, traf_now.body, traf_now.end), strict=False):
                        if box_was.name == b"tfhd":
                            old.seek(box_was.body)
                            head = old.read(16)
                            if len(head) == 16 and head[3] & _TFHD_BASE:
                                changed += _rewrite(new, box_now.body + 8, ">Q", struct.unpack(">Q", head[8:16])[0], moved)
            elif was.name == b"mfra":
                for tfra_was, tfra_now in zip(boxes(old, was.body, was.end), boxes(new, now.body, now.end), strict=False):
                    if tfra_was.name == b"tfra":
                        changed += _fix_tfra(old, new, tfra_was, tfra_now, moved)
        return changed


def _rewrite(handle: BinaryIO, at: int, fmt: str, value: int, moved: Callable[[int], int]) -> int:
    """Write ``moved(value)`` at ``at`` when it is not there yet; 1 when something was written."""
    target = struct.pack(fmt, moved(value))
    handle.seek(at)
    if handle.read(len(target)) == target:
        return 0
    handle.seek(at)
    handle.write(target)
    return 1


def _fix_tfra(old: BinaryIO, new: BinaryIO, was: Box, now: Box, moved: Callable[[int], int]) -> int:
    """``tfra`` entries: (time, moof offset, traf, trun and sample numbers); the moof offsets move."""
    old.seek(was.body)
    data = old.read(was.end - was.body)
    if len(data) < 16:
        return 0
    wide = data[0] == 1
    sizes = struct.unpack(">I", data[8:12])[0]
    rest = ((sizes >> 4) & 3) + 1 + ((sizes >> 2) & 3) + 1 + (sizes & 3) + 1
    count = struct.unpack(">I", data[12:16])[0]
    step = (16 if wide else 8) + rest
    fmt = ">Q" if wide else ">I"
    changed = 0
    for index in range(count):
        at = 16 + index * step + (8 if wide else 4)
        if at + struct.calcsize(fmt) > len(data):
            break
        value = struct.unpack(fmt, data[at:at + struct.calcsize(fmt)])[0]
        changed += _rewrite(new, now.body + at, fmt, value, moved)
    return changed


# -- fast start: the index moved in front of the media ----------------------------------------------------------------

#: Top-level boxes of a plain file that hold no offset into the file (ISO/IEC 14496-12: ``ftyp`` 4.3, ``pdin``
#: 8.1.3, ``free``/``skip`` 8.1.2, ``mdat`` 8.1.1, ``moov`` 8.2.1; QuickTime's ``wide``, a free box's header).
#: Any other (``moof``/``mfra``/``sidx`` of a fragmented file, a file-level ``meta`` whose ``iloc`` points into the
#: file, an unknown ``uuid``) may hold offsets that moving boxes would break: such a file is left as it is.
_PLAIN = {b"ftyp", b"pdin", b"free", b"skip", b"wide", b"mdat", b"moov"}
#: Boxes inside ``moov`` holding absolute file offsets other than the chunk offsets: sample auxiliary information
#: offsets (``saio``, 8.7.9, absolute in a ``moov``), item locations (``iloc``, 8.11.3), fragments (``mvex``, 8.8.1).
_HOLDS_OFFSETS = {b"saio": "sample auxiliary information offsets ('saio')", b"iloc": "item locations ('iloc')",
                  b"mvex": "movie fragments ('mvex')"}
_INDEX_CONTAINERS = _CONTAINERS | {b"dinf", b"mvex", b"meta"}


@frozen
class FastStart:
    """How to make a file whose index comes last "fast start": its ``moov`` moves to ``at`` (the first ``mdat``),
    every box from there up to the ``moov`` moves ``moov.end - moov.start`` bytes further, and so do the chunk
    offsets (``stco``/``co64``) pointing into them. Bytes after the ``moov`` keep their place (the file's size
    does not change)."""

    at: int  #: where the index goes: the start of the first ``mdat``
    moov: Box
    tables: tuple[tuple[int, bool], ...]  #: each chunk offset table's entries: (offset of its first entry, 64-bit)


def fast_start_plan(handle: BinaryIO, size: int) -> FastStart | str:
    """How to move this file's index in front of its media (see :class:`FastStart`), or why it is not done:
    a file that is fast start already, fragmented, or holds anything whose offsets the move would not update."""
    moov: Box | None = None
    at = -1
    try:
        for box in boxes(handle, 0, size):
            if box.end > size:
                if moov is not None and at >= 0:
                    break  # bytes after the whole movie that are no box (see truncation): they keep their place
                return f"its '{box.name.decode('latin-1')}' box runs past the end of the file"
            if box.name not in _PLAIN:
                if box.name in (b"moof", b"mfra", b"sidx", b"styp"):
                    return "it is a fragmented MP4"
                return f"it holds a top-level '{box.name.decode('latin-1')}' box, which may point into the file"
            if box.name == b"mdat" and at < 0:
                at = box.start
            elif box.name == b"moov":
                if moov is not None:
                    return "it holds two 'moov' boxes"
                if at < 0:
                    return "its index is at the front already"
                moov = box
    except ValueError:
        if moov is None or at < 0:
            return "a box has an impossible size"
    if moov is None:
        return "it has no 'moov' box"
    tables: list[tuple[int, bool]] = []
    shift = moov.end - moov.start
    reason = _index_tables(handle, moov, tables)
    if reason:
        return reason
    for first, wide in tables:
        handle.seek(first - 4)
        count = struct.unpack(">I", handle.read(4))[0]
        fmt = f">{count}{'Q' if wide else 'I'}"
        data = handle.read(struct.calcsize(fmt))
        if len(data) != struct.calcsize(fmt):
            return "a chunk offset table runs past its box"
        for offset in struct.unpack(fmt, data):
            if moov.start <= offset < moov.end or offset < at:
                return "a chunk offset points outside the media data"
            if not wide and at <= offset < moov.start and offset + shift > 0xFFFFFFFF:
                return "a chunk offset would pass 4 GiB (the 32-bit 'stco' table cannot hold it)"
    return FastStart(at, moov, tuple(tables))


def _index_tables(handle: BinaryIO, parent: Box, tables: list[tuple[int, bool]]) -> str:
    """Collect the chunk offset tables under ``parent``; a reason when it holds other offsets (or external data)."""
    start = parent.body
    if parent.name == b"meta":  # ISO's meta is a full box (version and flags first), QuickTime's is not
        handle.seek(parent.body + 4)
        start += 0 if handle.read(4) == b"hdlr" else 4
    for box in boxes(handle, start, parent.end):
        if box.end > parent.end:
            return f"its '{box.name.decode('latin-1')}' box runs past the 'moov' box"
        if box.name in _HOLDS_OFFSETS:
            return f"its index holds {_HOLDS_OFFSETS[box.name]}, which the move would not update"
        if box.name in (b"stco", b"co64"):
            tables.append((box.body + 8, box.name == b"co64"))  # version and flags, entry count
        elif box.name == b"dref":
            for entry in boxes(handle, box.body + 8, box.end):  # after version, flags and entry count (8.7.2)
                handle.seek(entry.body)
                flags = handle.read(4)
                if len(flags) < 4 or not flags[3] & 1:  # 0x000001: "the media data is in the same file"
                    return "a track's media is in another file (a data reference that is not self-contained)"
        elif box.name in _INDEX_CONTAINERS:
            reason = _index_tables(handle, box, tables)
            if reason:
                return reason
    return ""


def moved_index(handle: BinaryIO, plan: FastStart) -> bytes:
    """The ``moov`` box for its new place: every chunk offset into the boxes that move, moved with them."""
    moov, shift = plan.moov, plan.moov.end - plan.moov.start
    handle.seek(moov.start)
    data = bytearray(handle.read(shift))
    for first, wide in plan.tables:
        at = first - moov.start
        count = struct.unpack_from(">I", data, at - 4)[0]
        fmt = f">{count}{'Q' if wide else 'I'}"
        offsets = struct.unpack_from(fmt, data, at)
        struct.pack_into(fmt, data, at, *(o + shift if plan.at <= o < moov.start else o for o in offsets))
    return bytes(data)
