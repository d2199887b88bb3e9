"""MPEG audio (MP3) streams without mutagen's guesses: frame headers, Xing/Info/VBRI, real duration.

mutagen reads an MP3's duration from its Xing/Info or VBRI header. Without one
(``lame -t``, ``ffmpeg -write_xing 0``, many hardware recorders) it estimates
from the first frame's bitrate, which for a VBR file is wildly wrong (1.5 s for
a 20 s file in our fixtures; ffprobe's own estimate said 16.1 s). :func:`scan`
walks every frame instead, so the duration in the feed is the real one.

The "payload" of an MP3 is everything between the ID3v2 tag at the front and
the tags at the end (APEv2, Lyrics3, ID3v1, an appended ID3v2 tag): the frames that tagging must never change.
"""

from __future__ import annotations

import functools
import mmap
import struct
from pathlib import Path
from typing import BinaryIO

from ..records import frozen

_BITRATES = {  # kbit/s by (MPEG-1?, layer)
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


@frozen
class Frame:
    length: int  #: bytes, header included
    samples: int  #: PCM samples per channel
    sample_rate: int
    bitrate: int  #: bits per second
    channels: int
    mpeg1: bool


def _decode(b1: int, b2: int) -> tuple[int, int, int, int, int] | None:
    """(length, samples, sample rate, bitrate, layer) of a frame whose header's 2nd and 3rd bytes are ``b1``, ``b2``."""
    if (b1 & 0xE0) != 0xE0:
        return None
    version, layer_bits = (b1 >> 3) & 3, (b1 >> 1) & 3
    bitrate_index, rate_index, padding = b2 >> 4, (b2 >> 2) & 3, (b2 >> 1) & 1
    if version == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
        return None  # reserved values; "free format" (index 0) is not used by podcast encoders
    layer = 4 - layer_bits
    mpeg1 = version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index] * 1000
    rate = _RATES[version][rate_index]
    if layer == 1:
        samples, length = 384, (12 * bitrate // rate + padding) * 4
    else:
        samples = 1152 if (mpeg1 or layer == 2) else 576
        length = samples // 8 * bitrate // rate + padding
    return length, samples, rate, bitrate, layer


@functools.cache
def _lengths(rate: int, layer: int) -> list[int]:
    """Frame length by a header's 2nd and 3rd bytes (``b1 << 8 | b2``) for frames of one sample rate and layer; 0 for
    any other bytes (another rate or layer, reserved values). The frame walk looks each frame up here instead of
    decoding its header: one list index a frame, no object."""
    version = next(v for v, rates in _RATES.items() if rate in rates)  # each rate belongs to one MPEG version
    table = [0] * 65536
    for protection in (0, 1):
        b1 = 0xE0 | version << 3 | (4 - layer) << 1 | protection
        for bitrate_index in range(16):
            for low in range(4):  # the padding and private bits
                b2 = bitrate_index << 4 | _RATES[version].index(rate) << 2 | low
                found = _decode(b1, b2)
                if found is not None:
                    table[b1 << 8 | b2] = found[0]
    return table


def frame_at(data: bytes | mmap.mmap, pos: int) -> Frame | None:
    """The frame header at ``pos``, or None when those bytes are not a valid header."""
    if pos + 4 > len(data) or data[pos] != 0xFF:
        return None
    found = _decode(data[pos + 1], data[pos + 2])
    if found is None:
        return None
    length, samples, rate, bitrate, _ = found
    channels = 1 if (data[pos + 3] >> 6) == 3 else 2
    return Frame(length=length, samples=samples, sample_rate=rate, bitrate=bitrate, channels=channels, mpeg1=rate >= 32000)


def id3v2_end(data: bytes | mmap.mmap, pos: int = 0) -> int:
    """Where the audio starts: after every ID3v2 tag at the front (some files carry two), looking from ``pos`` on, and
    after any zero bytes that follow them (a tag's padding written outside its size, a recorder's file allocated
    ahead: no audio, and a tagged copy leaves them out; 100 KB of them made ffprobe guess 31 s for a 6 s file)."""
    while data[pos:pos + 3] == b"ID3" and pos + 10 <= len(data):
        flags = data[pos + 5]
        raw = data[pos + 6:pos + 10]
        if any(b & 0x80 for b in raw):
            break
        size = (raw[0] << 21) | (raw[1] << 14) | (raw[2] << 7) | raw[3]
        pos += 10 + size
        # the footer where the flag says one follows and it is there: a flag set without one (a tagger's slip) would
        # put the audio's start 10 bytes into the first frame, and the tagged copy, whose tag has no footer, would
        # differ in its payload (TAG002)
        pos += 10 if flags & 0x10 and data[pos:pos + 3] == b"3DI" else 0
    pos = min(pos, len(data))
    return zeros_end(data, pos, min(len(data), pos + ZERO_LIMIT)) if data[pos:pos + 1] == b"\0" else pos


def trailer_start(data: bytes | mmap.mmap) -> int:
    """Where the audio ends: before an ID3v1 tag, a Lyrics3 v2 block, an APEv2 tag and an ID3v2 tag appended at the end."""
    return max(_trailers(data)[0], 0)


def ape_span(data: bytes | mmap.mmap) -> tuple[int, int]:
    """Where an APEv2 tag at the end starts and ends (its header, if any, to its footer; before a Lyrics3 v2 block
    and an ID3v1 tag); without one, twice where the audio ends (the start may be negative in a damaged file)."""
    end, ape, _ = _trailers(data)
    return ape or (end, end)


def appended_id3(data: bytes | mmap.mmap) -> tuple[int, int] | None:
    """Where an ID3v2 tag appended after the audio starts and ends (an ID3v2.4 option: the tag closed by a footer,
    ``3DI``, so a reader finds it from the end; or a tag without one, see :func:`_appended_start`; before any ID3v1
    tag and Lyrics3 block, before or after an APEv2 tag), or None. mutagen reads the tag in front only; players that look at the end may show this one's old title."""
    return _trailers(data)[2]


_Trailers = tuple[int, tuple[int, int] | None, tuple[int, int] | None]

#: The last files in memory :func:`_trailers` looked at, with what it found: tagging a copy asks about the original
#: four times (its layout, its APEv2 tag, the tail to splice, the payload to compare) and about the copy twice, each a
#: search from the end (the appended tag: :func:`_appended_start`). ``bytes`` only: they cannot change, and being
#: held here they cannot be freed, so the same object is the same bytes (a map is closed after use, its file may change).
_SEEN: list[tuple[bytes, _Trailers]] = []
#: how many files :data:`_SEEN` holds: a tagging job's original (read into memory up to ``tagger.IN_MEMORY_LIMIT``)
#: and its copy (that and the new tag), kept until the next job's replace them
_SEEN_MAX = 2


def _trailers(data: bytes | mmap.mmap) -> _Trailers:
    """(where the audio ends, the APEv2 tag's span, an appended ID3v2 tag's span): the tags at the end, peeled off
    from the last (an ID3v1 tag, then a Lyrics3 v2 block, an APEv2 tag and an appended ID3v2 tag in either order)."""
    if type(data) is not bytes:
        return _find_trailers(data)
    for seen, found in _SEEN:
        if seen is data:
            return found
    found = _find_trailers(data)
    _SEEN.insert(0, (data, found))
    del _SEEN[_SEEN_MAX:]
    return found


def _find_trailers(data: bytes | mmap.mmap) -> _Trailers:
    end = len(data)
    # (not the "TAG" of an APEv2 header's "APETAGEX" 128 bytes from the end: a tag of 131 bytes, header and footer,
    # was read as an ID3v1 tag, as mutagen does not read it, and its first 3 bytes as audio: TAG002 once it changed size)
    if end >= 128 and data[end - 128:end - 125] == b"TAG" and data[end - 131:end - 123] != b"APETAGEX":
        end -= 128
    ape: tuple[int, int] | None = None
    appended: tuple[int, int] | None = None
    lyrics = False
    while True:
        if not lyrics and end >= 15 and data[end - 9:end] == b"LYRICS200":
            lyrics = True
            try:
                end -= int(data[end - 15:end - 9]) + 15
            except ValueError:
                pass
        elif ape is None and end >= 32 and data[end - 32:end - 24] == b"APETAGEX":  # the footer: version, size, items, flags
            size, _, flags = struct.unpack("<III", data[end - 20:end - 8])
            # (read as the item count, a header was taken for audio)
            ape = (end - size - (32 if flags & 0x80000000 else 0), end)
            end = ape[0]
            if end < 0:  # a damaged file: nothing before it is looked at
                return end, ape, appended
        elif appended is None and (start := _appended_start(data, end)) >= 0:
            appended = (start, end)
            end = start
        else:
            return end, ape, appended


#: The appended ID3v2 tag without a footer is looked for backwards from the end, first in this many bytes, then in
#: steps twice as long each time (a 10 MB cover takes 8 steps), until a step holds MPEG audio frames (no tag starts
#: before the audio it follows).
APPENDED_STEP = 1 << 16


def _appended_start(data: bytes | mmap.mmap, end: int) -> int:
    """Where an ID3v2 tag that ends at ``end`` starts, or -1: found by its footer (ID3v2.4's ``3DI``), else by a header
    whose size reaches exactly to ``end`` (an ID3v2.3 tag a tool appended without a footer, which the format has no
    place for but ffmpeg and players find all the same: "Header missing" decoding it). Four syncsafe size bytes
    that land exactly there do not happen by chance in audio.

    Without a footer the header is looked for backwards (see :data:`APPENDED_STEP`), no further than the first step
    that holds audio frames: a file without such a tag costs one step of 64 KB, a search in C (66 µs, measured on a
    mapped file), and a look for three chained frames that finds them at once; never before the end of the tag in front
    (a tagged copy's cover ended the first step: three chained frames were looked for, in Python, at each of its 0xFF
    bytes, 35 µs a look, 30% of the tagging stage's CPU). (The tag was looked for in the last
    64 KB only: one holding a 500 KB cover was published as audio, and ffmpeg said "Header missing" decoding it.)"""
    if end >= 20 and data[end - 10:end - 7] == b"3DI" and not any(b & 0x80 for b in data[end - 4:end]):
        raw = data[end - 4:end]
        start = end - 20 - ((raw[0] << 21) | (raw[1] << 14) | (raw[2] << 7) | raw[3])
        if start >= 0 and data[start:start + 3] == b"ID3" and data[start + 5] & 0x10:
            return start
    floor = max(1, id3v2_end(data))  # (not inside the tag in front: its cover is full of 0xFF bytes to look at)
    high, step = end, APPENDED_STEP
    while high > floor:
        low = max(floor, high - step)
        at = min(end, high + 2)  # (a header whose "ID3" straddles two steps)
        while (at := data.rfind(b"ID3", low, at)) > 0:
            head = data[at + 3:at + 10]
            if len(head) == 7 and head[0] in (2, 3, 4) and head[1] != 0xFF and not any(b & 0x80 for b in head[3:]) \
                    and at + 10 + ((head[3] << 21) | (head[4] << 14) | (head[5] << 7) | head[6]) == end:
                return at
        if audio_start(data, low, high - low) >= 0:  # the audio: the tag would have started after it
            return -1
        high, step = low, step * 2
    return -1


def payload_span(data: bytes | mmap.mmap) -> tuple[int, int]:
    start = id3v2_end(data)
    return start, max(start, trailer_start(data))


@frozen
class Header:
    """A Xing/Info (LAME) or VBRI header in the first frame."""

    kind: str  #: "Xing", "Info" or "VBRI"
    frames: int | None  #: audio frames after this one
    bytes: int | None  #: the whole stream's size in bytes, header frame included
    #: whether the header may be taken at its word: False when it was changed after its encoder wrote it (LAME's tag
    #: checksum no longer matches) or its counts cannot both be true (bytes a frame no bitrate gives): see
    #: :func:`_sound`; the probe then counts the frames
    sound: bool = True


def vbr_header(data: bytes | mmap.mmap, pos: int, frame: Frame) -> Header | None:
    if frame.mpeg1:
        side = 17 if frame.channels == 1 else 32
    else:
        side = 9 if frame.channels == 1 else 17
    at = pos + 4 + side
    tag = bytes(data[at:at + 4])
    if tag in (b"Xing", b"Info") and at + 8 <= len(data):
        flags = struct.unpack(">I", data[at + 4:at + 8])[0]
        cursor, frames, size = at + 8, None, None
        if flags & 1 and cursor + 4 <= len(data):
            frames = struct.unpack(">I", data[cursor:cursor + 4])[0]
            cursor += 4
        if flags & 2 and cursor + 4 <= len(data):
            size = struct.unpack(">I", data[cursor:cursor + 4])[0]
            cursor += 4
        cursor += (100 if flags & 4 else 0) + (4 if flags & 8 else 0)  # the seek table, the quality: LAME's tag follows
        # (an Info header's frame count is checked against its bytes by the probe, at a constant bitrate: the checksum,
        # 0.2 M instructions in Python, is left for a VBR file's Xing header, whose frame count nothing else checks)
        return Header(tag.decode(), frames, size, _sound(data, pos, frame, frames, size, cursor if tag == b"Xing" else -1))
    at = pos + 4 + 32
    if data[at:at + 4] == b"VBRI" and at + 18 <= len(data):
        size, frames = struct.unpack(">II", data[at + 10:at + 18])
        return Header("VBRI", frames, size, _sound(data, pos, frame, frames, size, -1))
    return None


def _sound(data: bytes | mmap.mmap, pos: int, frame: Frame, frames: int | None, size: int | None, lame: int) -> bool:
    """Whether a Xing/Info/VBRI header at the frame at ``pos`` may be believed (:attr:`Header.sound`).

    A header that counts frames and bytes must give a frame an average size some bitrate of its kind gives; and LAME's
    tag (at ``lame``, -1 without one), which ends in a checksum of the frame up to it, must still match it. A tool that
    rewrote the frame count and not the checksum (an editor that cut or joined the audio, a broken repair) is found by
    it: a VBR file's duration is the header's frame count, and such a file said 60 s for 30 s of audio (ffprobe's
    estimate said the same; only a count of its frames, or a player, tells)."""
    if frames and size:
        kbits = _BITRATES[(frame.mpeg1, 3)]  # (kbit/s)
        shortest = frame.samples // 8 * kbits[1] * 1000 // frame.sample_rate
        longest = frame.samples // 8 * kbits[14] * 1000 // frame.sample_rate + 1
        if not frames * shortest <= size <= (frames + 1) * longest:
            return False
    if lame < 0 or lame + 36 > min(len(data), pos + frame.length) or data[lame:lame + 4] not in (b"LAME", b"Lavc",
                                                                                                   b"Lavf"):
        return True  # no LAME tag (another encoder's Xing header, VBRI): nothing more to check
    stored = data[lame + 34] << 8 | data[lame + 35]
    if _crc16_arc(bytes(data[pos:lame + 34])) == stored:
        return True  # LAME's own: the frame up to the checksum
    if pos + 190 > len(data):
        return True
    # ffmpeg's: the frame's first 190 bytes, the checksum's place (inside them in a mono or MPEG-2 frame) still zero;
    # a header frame shorter than that took bytes from past its end in ffmpeg's memory, which nothing can check
    if frame.length < 190:
        return data[lame:lame + 3] == b"Lav"
    head = bytearray(data[pos:pos + 190])
    if lame + 36 - pos <= 190:
        head[lame + 34 - pos:lame + 36 - pos] = b"\0\0"
    return _crc16_arc(bytes(head)) == stored


@functools.cache
def _crc16_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


def _crc16_arc(data: bytes) -> int:
    """CRC-16 (polynomial 0x8005 reflected, starting at 0): the checksum of LAME's tag."""
    table = _crc16_table()
    crc = 0
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


@frozen
class Scan:
    """What walking every frame found."""

    duration: float
    frames: int
    bitrate: int  #: average, bits per second (not walked, ``full=False`` with a counting header: the first audio frame's)
    mode: str  #: "CBR" or "VBR"
    sample_rate: int
    channels: int
    header: Header | None  #: Xing/Info/VBRI, when present
    start: int  #: where the audio payload starts (after ID3v2 tags)
    end: int  #: end of the audio payload (before trailing tags)
    junk: int  #: bytes skipped between frames (corruption or unknown blocks)
    cut: bool  #: the last frame runs past the end (a cut-off file)
    lead: int = 0  #: bytes before the first frame (after any ID3v2 tag) that are not all zero: see :func:`lead_bytes`
    layer: int = 3  #: the first frame's MPEG audio layer: 3 is MP3; 2 (MP2) and 1 are older codecs in the same frames
    #: frames of another sample rate than the first's (MP3 files of different exports joined with cat): (the first such
    #: rate, where they start in seconds); their seconds are in ``duration``. (0, 0.0) when there are none.
    switch: tuple[int, float] = (0, 0.0)
    #: bytes between frames that are no audio (a broken join, a disk error: ffmpeg says "Header missing" there, players
    #: skip them with a click or a gap), and where the first such run lies, in seconds of the audio before it; not
    #: counted: bytes after the last frame, runs of zeros alone, an ID3v2 tag (see :func:`_harmless`)
    gap: int = 0
    gap_at: float = 0.0


#: How far into a file (after its ID3v2 tag, and after any run of zero bytes) the first audio frame is looked for.
LEAD_LIMIT = 65536
#: How long a run of zero bytes before the first frame (or between frames) may be: a recorder's file allocated ahead,
#: a copy padded by a tool. Players skip zeros; so does the search, without counting them into :data:`LEAD_LIMIT`
#: (100 KB of zeros before the frames made a playable file "no MPEG audio frames", or no media file at all).
ZERO_LIMIT = 16 << 20


def zeros_end(data: bytes | mmap.mmap | BinaryIO, start: int, stop: int) -> int:
    """Where the run of zero bytes from ``start`` ends (the first other byte), at most at ``stop``; read 64 KB at a
    time (a file in memory, mapped, or open: its position is then left anywhere)."""
    pos = start
    while pos < stop:
        if isinstance(data, (bytes, mmap.mmap)):
            chunk = data[pos:min(stop, pos + 65536)]
        else:
            data.seek(pos)
            chunk = data.read(min(stop - pos, 65536))
        if not chunk:
            return pos
        zeros = len(chunk) - len(chunk.lstrip(b"\0"))
        if zeros < len(chunk):
            return pos + zeros
        pos += len(chunk)
    return stop


def first_frame(data: bytes | mmap.mmap, start: int, end: int, limit: int = LEAD_LIMIT) -> int:
    """Offset of the first frame that is followed by another valid one (avoids false syncs in junk), looked for within
    ``limit`` bytes after any zero bytes at ``start``."""
    size = len(data)
    pos = zeros_end(data, start, min(end, start + ZERO_LIMIT))
    stop = min(end, pos + limit)
    while pos < stop:
        pos = data.find(b"\xff", pos, stop)
        if pos < 0:
            return -1
        found = _decode(data[pos + 1], data[pos + 2]) if pos + 4 <= size else None
        if found is not None:
            after = pos + found[0]
            if after >= end or (after + 4 <= size and data[after] == 0xFF
                                and _decode(data[after + 1], data[after + 2]) is not None):
                return pos
        pos += 1
    return -1


def audio_start(data: bytes | mmap.mmap, start: int = 0, limit: int = LEAD_LIMIT, run: int = 3) -> int:
    """Offset of the first of ``run`` frames in a row (one sample rate and layer) within ``limit`` bytes of ``start``,
    or -1. Stricter than :func:`first_frame`: it tells whether a file that starts with neither an ID3 tag nor a frame
    is an MP3 at all (three chained headers do not happen by chance in other data)."""
    size = len(data)
    stop = min(size, start + limit)
    pos = start
    while pos < stop:
        pos = data.find(b"\xff", pos, stop)
        if pos < 0:
            return -1
        found = _decode(data[pos + 1], data[pos + 2]) if pos + 4 <= size else None
        at, chained = pos, 0
        while found is not None and chained < run:
            chained += 1
            at += found[0]
            if chained == run or at + 4 > size or data[at] != 0xFF:
                break
            nxt = _decode(data[at + 1], data[at + 2])
            found = nxt if nxt is not None and nxt[2] == found[2] and nxt[4] == found[4] else None
        if chained == run:
            return pos
        pos += 1
    return -1


def free_format(data: bytes | mmap.mmap, start: int) -> bool:
    """Whether the audio after ``start`` (zero bytes skipped) is free-format MPEG audio (``lame --freeformat``): a frame
    header with bitrate index 0, which says no frame length, recurring at one distance (± the padding slot) three times
    in a row. :func:`audio_start` finds no such frames, or, in a free-format frame's data, three chained headers by
    chance: a 5 s file read as 24 ms of audio after 23,719 bytes of unknown data."""
    size = len(data)
    pos = zeros_end(data, start, min(size, start + ZERO_LIMIT))
    if pos + 4 > size:
        return False
    b1, b2 = data[pos + 1], data[pos + 2]
    if data[pos] != 0xFF or b1 & 0xE0 != 0xE0 or b1 & 0x18 == 0x08 or b1 & 0x06 == 0 or b2 >> 4 or b2 & 0x0C == 0x0C:
        return False
    slot = 4 if b1 & 0x06 == 0x06 else 1  # (Layer I counts in 4-byte slots)

    def header(at: int) -> bool:
        return at + 3 <= size and data[at] == 0xFF and data[at + 1] == b1 and data[at + 2] & 0xFD == b2 & 0xFD

    candidate = pos + 8
    while (candidate := data.find(bytes((0xFF, b1)), candidate, pos + _FREE_LIMIT)) >= 0:
        step = candidate - pos
        if header(candidate) and all(any(header(pos + n * step + extra) for extra in range(-slot * n, slot * n + 1))
                                     for n in (2, 3)):
            return True
        candidate += 1
    return False


#: the longest free-format frame looked for: 640 kbit/s (the most a decoder must take) at 32 kHz is 2,880 bytes
_FREE_LIMIT = 4096


def lead_bytes(data: bytes | mmap.mmap, start: int, first: int) -> int:
    """How many bytes between the ID3v2 tag (or the file's start) and the first frame are not a tag: 0 when they are
    all zero (padding every player skips), else their number (an encoder's or a bad cut's leftovers)."""
    if first <= start or not data[start:first].strip(b"\x00"):
        return 0
    return first - start


def scan(path: Path, full: bool = True) -> Scan | None:
    """Walk every frame of an MP3 file; None when no MPEG audio frame is found.

    With ``full=False`` a file whose Xing/VBRI header counts its frames is not walked: the result
    carries the header and the payload span, and ``duration`` is 0 (mutagen's figure is right).
    """
    with open(path, "rb") as handle:
        try:
            data: bytes | mmap.mmap = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # empty file
            return None
        try:
            return scan_data(data, full)
        finally:
            data.close()  # type: ignore[union-attr]


def scan_data(data: bytes | mmap.mmap, full: bool = True) -> Scan | None:
    """:func:`scan` of a file's bytes (in memory or mapped)."""
    start, end = payload_span(data)
    pos = first_frame(data, start, end)
    if pos < 0:
        return None
    lead = lead_bytes(data, start, pos)
    first = frame_at(data, pos)
    assert first is not None
    layer = 4 - ((data[pos + 1] >> 1) & 3)
    header = vbr_header(data, pos, first)
    if header is not None:
        if header.frames and not full:
            audio = frame_at(data, pos + first.length)  # (the header frame may have a bitrate of its own: big enough
            # for LAME's tag at a low sample rate)
            return Scan(duration=0.0, frames=header.frames, bitrate=audio.bitrate if audio else 0, mode="",
                        sample_rate=first.sample_rate,
                        channels=first.channels, header=header, start=start, end=end, junk=0, cut=False, lead=lead,
                        layer=layer)
        pos += first.length  # the header frame is silent: not audio
    rate = first.sample_rate
    # The common case, frame after frame of the first frame's sample rate and layer, is looked up in a table
    # (no object a frame); anything else (junk, another layer, the last bytes) takes the general path below.
    lengths = _lengths(rate, layer)
    fast_frames = fast_bytes = indexes = 0  # indexes: a bit per bitrate index seen
    frames = samples = junk = total = gap = 0  # frames, samples and bytes of the general path; see Scan.gap
    other = gap_at = 0.0  # seconds of frames of another sample rate
    switch: tuple[int, float] = (0, 0.0)
    bitrates: set[int] = set()
    cut = False
    size = len(data)
    last = min(end, size - 3)  # a header's 2nd and 3rd bytes lie before this
    while pos < end:
        while pos < last and data[pos] == 0xFF:
            key = data[pos + 1] << 8 | data[pos + 2]
            length = lengths[key]
            if not length:
                break
            if pos + length > end:
                cut = True
                break
            fast_frames += 1
            fast_bytes += length
            indexes |= 1 << (key >> 4 & 15)
            pos += length
        if cut or pos >= end:
            break
        frame = frame_at(data, pos)
        if frame is not None and frame.sample_rate != rate and frame.length and pos + frame.length <= end \
                and _chained(data, pos + frame.length, end, frame.sample_rate):
            # a frame of another sample rate, followed by one of its kind (no false sync in junk): files joined
            if not switch[0]:
                switch = (frame.sample_rate, (samples + fast_frames * first.samples) / rate + other)
            other += frame.samples / frame.sample_rate
            frames += 1
            total += frame.length
            bitrates.add(frame.bitrate)
            pos += frame.length
            continue
        if frame is None or frame.sample_rate != rate:
            # looked for up to the end: 200 KB of garbage in the middle ended the walk there (30 s of a 60 s file)
            nxt = first_frame(data, pos + 1, end, end)
            if nxt < 0:
                junk += end - pos
                break
            junk += nxt - pos
            if not _harmless(data, pos, nxt):
                gap_at = gap_at if gap else (samples + fast_frames * first.samples) / rate + other
                gap += nxt - pos
            pos = nxt
            continue
        if pos + frame.length > end:
            cut = True
            break
        frames += 1
        samples += frame.samples
        total += frame.length
        bitrates.add(frame.bitrate)
        pos += frame.length
    frames += fast_frames
    samples += fast_frames * first.samples  # the sample rate fixes the MPEG version: with the layer, the samples a frame
    total += fast_bytes
    bitrates.update(_BITRATES[(first.mpeg1, layer)][index] * 1000 for index in range(1, 15) if indexes >> index & 1)
    if not frames:
        return None
    duration = samples / rate + other
    return Scan(duration=duration, frames=frames, bitrate=int(total * 8 / duration) if duration else 0,
                mode="CBR" if len(bitrates) == 1 else "VBR", sample_rate=rate, channels=first.channels,
                header=header, start=start, end=end, junk=junk, cut=cut, lead=lead, layer=layer, switch=switch,
                gap=gap, gap_at=gap_at)


def _harmless(data: bytes | mmap.mmap, pos: int, nxt: int) -> bool:
    """Whether the bytes from ``pos`` to the next frame at ``nxt`` are zeros (padding between whole frames: ffmpeg
    decodes past them without a word), or an ID3v2 tag and zeros: a joined file's own tag (MED025 tells of the join,
    and its remux leaves the tag out). Neither is damage."""
    head = data[pos:pos + 10]
    if head[:3] == b"ID3" and len(head) == 10 and not any(b & 0x80 for b in head[6:]):
        pos += 10 + ((head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9])
    return pos <= nxt and zeros_end(data, pos, nxt) == nxt


def _chained(data: bytes | mmap.mmap, pos: int, end: int, rate: int) -> bool:
    """Whether a frame of sample rate ``rate`` starts at ``pos`` (or the audio ends there)."""
    if pos >= end:
        return True
    frame = frame_at(data, pos)
    return frame is not None and frame.sample_rate == rate
