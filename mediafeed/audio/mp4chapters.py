"""The chapters of an MP4's chapter track: the list Apple's players show.

A QuickTime chapter track is a text track that another track names in its ``tref/chap`` box; each of its samples is a
chapter's title (a 16-bit length, then the text: UTF-8, or UTF-16 after a byte-order mark), and the samples' durations
(``stts``) say where each chapter starts. mutagen reads Nero's ``moov/udta/chpl`` list instead, which ffmpeg writes
beside the track, but Apple's tools, ``ffmpeg -movflags +disable_chpl`` and mp4v2's ``mp4chaps -Q`` write the track
alone, and a tool that edits one list can leave the other stale: where there is a chapter track, its chapters are the
file's (``mediafeed add`` takes them, tagging compares with them).

The reader is bounded: at most :data:`MOST` chapters, :data:`TITLE_BYTES` bytes of each title.
"""

from __future__ import annotations

import os
import struct
from typing import BinaryIO

from .mp4 import Box, Track, _read_track, boxes, chunk_samples
from .tagset import TagChapter

#: Chapters read at most (ID3's CTOC and ffmpeg's chapter track hold 255; a hostile table is not walked further)
MOST = 1000
#: Bytes of a title read at most
TITLE_BYTES = 1024
#: Track IDs of a ``tref/chap`` box looked at at most
MOST_REFERENCES = 16
#: a text track's handler (QuickTime's ``text``, 3GPP timed text's ``sbtl``) and sample entries (``text``, ``tx3g``):
#: what a chapter track is; ``tref/chap`` may also name a track of chapter images (``vide``), whose samples are no titles
TEXT_HANDLERS = ("text", "sbtl")
TEXT_ENTRIES = ("text", "tx3g")


def track_chapters(path: str | os.PathLike[str], size: int) -> tuple[TagChapter, ...] | None:
    """The chapters of the file's chapter track (see :func:`chapter_track`); None without one, or one that cannot be
    read (then Nero's list, which mutagen reads, stands)."""
    try:
        with open(path, "rb") as handle:
            listed = chapter_track(handle, size)
    except (OSError, ValueError, struct.error):
        return None
    return None if listed is None else tuple(TagChapter(start, title) for start, title in listed)


def chapter_track(handle: BinaryIO, size: int) -> list[tuple[int, str]] | None:
    """(start in milliseconds, title) of each chapter of the first text track the first ``tref/chap`` names, in order;
    None where no track names one, or none it names is a text track in the file (or readable as one)."""
    traks: dict[int, Box] = {}
    named: list[int] = []  #: the track IDs the first ``tref/chap`` lists
    moov = next((top for top in boxes(handle, 0, size) if top.name == b"moov"), None)
    for trak in [] if moov is None else [box for box in boxes(handle, moov.body, moov.end) if box.name == b"trak"]:
        for box in boxes(handle, trak.body, trak.end):
            if box.name == b"tkhd":
                handle.seek(box.body)
                head = handle.read(24)
                if len(head) == 24:
                    traks[struct.unpack(">I", head[20:24] if head[0] == 1 else head[12:16])[0]] = trak
            elif box.name == b"tref" and not named:
                for ref in boxes(handle, box.body, box.end):
                    if ref.name == b"chap" and ref.end - ref.body >= 4 and not named:
                        handle.seek(ref.body)
                        data = handle.read(min(ref.end - ref.body, 4 * MOST_REFERENCES))
                        named = list(struct.unpack(f">{len(data) // 4}I", data[:len(data) // 4 * 4]))
    for wanted in (number for number in named if number in traks):
        # the list may name a picture track beside the text one (chapter images, as ffmpeg reads them); a sound or
        # picture track read as titles made a "chapter" of each of its first 1,000 samples, its bytes as the title
        track = Track()
        _read_track(handle, traks[wanted], track, size)
        if track.handler in TEXT_HANDLERS or track.sample_entry in TEXT_ENTRIES:
            break
    else:
        return None
    durations = _durations(handle, traks[wanted])
    if not track.timescale or not track.sizes or durations is None:
        return None
    chapters: list[tuple[int, str]] = []
    ticks = 0
    for offset, length in _samples(track):
        if len(chapters) >= MOST or len(chapters) >= len(durations):
            break
        handle.seek(offset)
        data = handle.read(min(length, 2 + TITLE_BYTES))
        chapters.append((round(ticks * 1000 / track.timescale), _title(data)))
        ticks += durations[len(chapters) - 1]
    return chapters


def _durations(handle: BinaryIO, trak: Box) -> list[int] | None:
    """Each sample's duration from the track's ``stts`` (at most :data:`MOST`), None without one."""
    path = (b"mdia", b"minf", b"stbl", b"stts")
    parent = trak
    for name in path:
        parent = next((box for box in boxes(handle, parent.body, parent.end) if box.name == name), None)  # type: ignore[assignment]
        if parent is None:
            return None
    handle.seek(parent.body + 4)
    data = handle.read(min(parent.end - parent.body - 4, 4 + 8 * MOST))
    if len(data) < 4:
        return None
    count = min(struct.unpack(">I", data[:4])[0], (len(data) - 4) // 8)
    found: list[int] = []
    for index in range(count):
        repeat, duration = struct.unpack(">II", data[4 + 8 * index:12 + 8 * index])
        found += [duration] * min(repeat, MOST - len(found))
        if len(found) >= MOST:
            break
    return found


def _samples(track: Track) -> list[tuple[int, int]]:
    """(offset, size) of each sample of ``track`` in order (at most :data:`MOST`), through its chunks."""
    found: list[tuple[int, int]] = []
    for offset, sizes in chunk_samples(track):
        for size in sizes:
            found.append((offset, size))
            offset += size
            if len(found) >= MOST:
                return found
    return found


def _title(sample: bytes) -> str:
    """A text sample's string: its 16-bit length, then UTF-8 or (after a byte-order mark) UTF-16 text."""
    if len(sample) < 2:
        return ""
    text = sample[2:2 + struct.unpack(">H", sample[:2])[0]]
    if text[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return text.decode("utf-16", "replace").strip("\0")
    return text.decode("utf-8", "replace").strip("\0")
