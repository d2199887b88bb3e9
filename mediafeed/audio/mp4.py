"""MP4/M4A/M4B/M4V/MOV containers read directly: brand, video tracks, truncation, the sample payload.

mutagen reads and writes the tags (``moov/udta/meta/ilst``); this module answers
what mutagen does not: is there a video track, does every top-level box fit in
the file (a cut-off download), and which bytes are the coded samples. Tagging
may move samples (mutagen grows ``moov`` and shifts chunk offsets; ffmpeg re-muxes
to add a chapter track), so the payload is read through the sample tables
(``stsz``, ``stsc``, ``stco``/``co64``) of each sound and video track: if a single
coded sample changed or an offset points at the wrong bytes, the digest changes.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"udta"}


@dataclass
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
    for box in boxes(handle, 0, size):
        if box.end > size:
            return f"its '{box.name.decode('latin-1')}' box needs {box.end - box.start} bytes but only {size - box.start} remain"
    return ""


@dataclass
class Track:
    handler: str = ""
    sizes: list[int] = field(default_factory=list)
    chunks: list[int] = field(default_factory=list)
    per_chunk: list[tuple[int, int]] = field(default_factory=list)  #: (first chunk, samples per chunk)


def _full_body(handle: BinaryIO, box: Box) -> bytes:
    handle.seek(box.body + 4)  # version and flags
    return handle.read(box.end - box.body - 4)


def tracks(handle: BinaryIO, size: int) -> list[Track]:
    """Every track's handler type and sample tables."""
    found: list[Track] = []
    for top in boxes(handle, 0, size):
        if top.name == b"moov":
            for trak in boxes(handle, top.body, top.end):
                if trak.name == b"trak":
                    track = Track()
                    _read_track(handle, trak, track)
                    found.append(track)
    return found


def _read_track(handle: BinaryIO, parent: Box, track: Track) -> None:
    for box in boxes(handle, parent.body, parent.end):
        if box.name in _CONTAINERS:
            _read_track(handle, box, track)
        elif box.name == b"hdlr" and parent.name == b"mdia":  # QuickTime has a second one in minf
            handle.seek(box.body + 8)
            track.handler = handle.read(4).decode("latin-1")
        elif box.name == b"stsz":
            data = _full_body(handle, box)
            uniform, count = struct.unpack(">II", data[:8])
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
        elif box.name == b"stsc":
            data = _full_body(handle, box)
            count = struct.unpack(">I", data[:4])[0]
            track.per_chunk = [struct.unpack(">II", data[4 + 12 * i:12 + 12 * i]) for i in range(count)]
        elif box.name in (b"stco", b"co64"):
            data = _full_body(handle, box)
            count = struct.unpack(">I", data[:4])[0]
            fmt = "Q" if box.name == b"co64" else "I"
            track.chunks = list(struct.unpack(f">{count}{fmt}", data[4:4 + struct.calcsize(fmt) * count]))


def has_video(handle: BinaryIO, size: int) -> bool:
    return any(t.handler == "vide" for t in tracks(handle, size))


def payload_digest(path: str | os.PathLike[str]) -> str:
    """SHA-256 over the coded samples of every sound and video track, in track order."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        for track in tracks(handle, size):
            if track.handler not in ("soun", "vide"):
                continue  # chapter text tracks, timecodes, hints: not the media
            digest.update(f"\0{track.handler}:{len(track.sizes)}\0".encode())
            digest.update(struct.pack(f">{len(track.sizes)}I", *track.sizes))
            sample = 0
            runs = track.per_chunk + [(len(track.chunks) + 1, 0)]
            for (first, per), (following, _) in zip(runs, runs[1:]):
                for chunk in range(first, following):
                    if chunk > len(track.chunks):
                        break
                    length = sum(track.sizes[sample:sample + per])
                    handle.seek(track.chunks[chunk - 1])
                    data = handle.read(length)
                    if len(data) != length:
                        raise ValueError("a chunk runs past the end of the file")
                    digest.update(data)
                    sample += per
    return digest.hexdigest()
