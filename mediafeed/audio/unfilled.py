"""Media files a copy or download never filled in: a long run of zero bytes at the end, or a hole in the middle.

Download managers, BitTorrent clients, ``rsync --preallocate`` and many copy tools make the file at its full size
first (a sparse file: ``truncate``, ``fallocate``) and fill it in as the bytes arrive; one that stops leaves a file of
the right size whose end, or whose pieces not yet fetched, are zero bytes. Compressed audio never holds a megabyte of
zeros (an MP3's or AAC's silence is coded, not zero), so such a run is no audio: the file is a broken copy. Without
this look the probe read all of it (a 5 GB MP3 of 10 s of audio and zeros took 13 s and mapped the 5 GB, and with a
copy of the audio after the zeros, 59 s), and published a 5 GB enclosure for 10 s of sound; a raw AAC file's length,
estimated from its size, said 106 hours.

The look is bounded: holes are found by the file system (``SEEK_HOLE``/``SEEK_DATA``, a few system calls, no reading),
and zero bytes written out are read back from the end at most :data:`READ_BACK` bytes. A WAV file is not looked at: its
PCM silence is zero bytes (and a sparse copy of it, holes).
"""

from __future__ import annotations

import errno
import io
import os
from typing import BinaryIO

#: A run of zero bytes (or a hole) at least this long is no audio in a compressed media file.
UNFILLED = 1 << 20
#: At most this many zero bytes are read back from the end of a file (after a hole at its end, which costs no reading):
#: a longer run is reported as "at least" this long.
READ_BACK = 64 << 20
#: At most this many holes are looked at (a download of many pieces, interrupted, has one a missing piece).
_HOLES = 4096
_CHUNK = 1 << 16


def find(handle: BinaryIO, size: int, lead: int = 0) -> tuple[int, int, str]:
    """``(start, length, what)`` of the first unfilled run of :data:`UNFILLED` bytes or more, ``what`` saying which:
    "hole" (a hole after the first data), "end" (zero bytes up to the end of the file) or "end+" (the same, at least
    that long: :data:`READ_BACK` were read); or ``(0, 0, "")``. A hole that ends within the first ``lead`` bytes is
    not looked at: zero bytes before an MP3's first frame, which players skip (a recorder's file allocated ahead,
    see ``mpeg.ZERO_LIMIT``)."""
    holes = _holes(handle, size)
    tail = holes[-1][0] if holes and holes[-1][1] >= size else size
    for start, end in holes:
        if 0 < start < tail and end > lead and min(end, tail) - start >= UNFILLED:
            return start, min(end, tail) - start, "hole"
    zeros = _zeros_before(handle, tail, READ_BACK)
    start = tail - zeros
    if start > 0 and size - start >= UNFILLED:
        return start, size - start, "end+" if zeros >= READ_BACK else "end"
    return 0, 0, ""


def zero_tail(handle: BinaryIO, size: int, after: int) -> tuple[int, int, bool]:
    """``(start, length, at_least)`` of the zero bytes (written out or a hole) that end the file, counted from ``after``
    on at the earliest: what follows a WAV's last chunk (:func:`find` does not look at a WAV, whose silence is zero
    bytes, but zeros after its chunks are no sound). ``at_least``: :data:`READ_BACK` were read and the run goes on."""
    holes = _holes(handle, size)
    tail = holes[-1][0] if holes and holes[-1][1] >= size else size
    zeros = _zeros_before(handle, tail, READ_BACK)
    start = max(tail - zeros, after)
    return start, size - start, zeros >= READ_BACK and start > after


def _holes(handle: BinaryIO, size: int) -> list[tuple[int, int]]:
    """The file's holes as the file system reports them (none where it cannot say: every byte is then data)."""
    found: list[tuple[int, int]] = []
    try:
        fd = handle.fileno()
        pos = 0
        while pos < size and len(found) < _HOLES:
            hole = os.lseek(fd, pos, os.SEEK_HOLE)
            if hole >= size:
                break
            try:
                data = os.lseek(fd, hole, os.SEEK_DATA)
            except OSError as exc:
                if exc.errno != errno.ENXIO:
                    raise
                data = size  # no data after the hole: it runs to the end
            found.append((hole, data))
            pos = data
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):  # no SEEK_HOLE here: every byte is data
        return found
    return found


def _zeros_before(handle: BinaryIO, end: int, limit: int) -> int:
    """How many zero bytes come right before ``end`` (at most ``limit``), read back 64 KB at a time."""
    zeros = 0
    while zeros < limit and end - zeros > 0:
        start = max(0, end - zeros - _CHUNK)
        handle.seek(start)
        chunk = handle.read(end - zeros - start)
        if not chunk:
            break
        kept = len(chunk.rstrip(b"\0"))
        zeros += len(chunk) - kept
        if kept:
            break
    return zeros
