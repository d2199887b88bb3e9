"""The audio payload of a file (everything tagging must leave alone) and checks for cut-off files.

``digest(path, kind)`` is a SHA-256 over the coded audio only:

* MP3: the bytes between the ID3v2 tag and the trailing APEv2/ID3v1 tags;
* MP4 family: every coded sample of the sound and video tracks (see ``mp4``);
* FLAC: STREAMINFO (which holds the MD5 of the decoded audio) and every byte after the metadata blocks;
* Ogg Opus/Vorbis: every packet of the first logical stream except the comment header, and each
  audio page's granule position (tagging re-paginates the headers and renumbers pages, nothing else),
  then every packet of any other stream (a chain's later parts, which tagging does not touch);
* WAV: the ``fmt `` and ``data`` chunks.

Two files with the same digest sound the same, byte for byte.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from mutagen import MutagenError
from mutagen.ogg import OggPage

from . import mp4, mpeg

_BLOCK = 1 << 20


def digest(path: Path, kind: str) -> str:
    if kind in ("mp4", "m4a"):
        return mp4.payload_digest(path)
    with open(path, "rb") as handle:
        if kind == "mp3":
            return _span_digest(handle, _mp3_span(handle))
        if kind == "flac":
            return _flac_digest(handle)
        if kind in ("ogg-opus", "ogg-vorbis"):
            return _ogg_digest(handle)
        if kind == "wav":
            return _wav_digest(handle)
        return _span_digest(handle, (0, os.fstat(handle.fileno()).st_size))


def size(path: Path, kind: str) -> int:
    """The size of what :func:`digest` would hash, or of what holds it, where that is cheap to know: an MP3's audio
    between its tags (two reads, however large the file); an MP4's media data, the bodies of its top-level ``mdat``
    boxes (a read of each top-level box header: a few, however large the file), else the whole file's size. Equal for
    two copies of one recording, one of them tagged since (for MP3 and MP4: tagging rewrites an MP4's ``moov`` and
    leaves its ``mdat`` as it is, wherever it moves it), so two files of different sizes need no digest to be told
    apart."""
    if kind == "mp3":
        with open(path, "rb") as handle:
            start, end = _mp3_span(handle)
            return end - start
    if kind in ("mp4", "m4a"):
        with open(path, "rb") as handle:
            end = os.fstat(handle.fileno()).st_size
            return sum(min(box.end, end) - box.body for box in mp4.boxes(handle, 0, end) if box.name == b"mdat")
    return os.stat(path).st_size


def _mp3_span(handle) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return mpeg.payload_span(data)


def _span_digest(handle, span: tuple[int, int], digest=None) -> str:  # type: ignore[no-untyped-def]
    digest = digest or hashlib.sha256()
    start, end = span
    handle.seek(start)
    left = end - start
    while left > 0:
        block = handle.read(min(_BLOCK, left))
        if not block:
            raise ValueError("the file ended before its audio did")
        digest.update(block)
        left -= len(block)
    return digest.hexdigest()


def flac_blocks(handle) -> tuple[list[tuple[int, int, int]], int]:  # type: ignore[no-untyped-def]
    """FLAC metadata blocks as (type, offset of data, length), and where the audio frames start."""
    handle.seek(0)
    head = handle.read(10)
    start = 0
    if head[:3] == b"ID3":  # a (non-standard) ID3v2 tag in front
        start = 10 + ((head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9])
    handle.seek(start)
    if handle.read(4) != b"fLaC":
        raise ValueError("no fLaC marker")
    blocks = []
    pos = start + 4
    while True:
        handle.seek(pos)
        header = handle.read(4)
        if len(header) < 4:
            raise ValueError("the metadata blocks run past the end of the file")
        last, kind, length = header[0] & 0x80, header[0] & 0x7F, int.from_bytes(header[1:4], "big")
        blocks.append((kind, pos + 4, length))
        pos += 4 + length
        if last:
            return blocks, pos


def _flac_digest(handle) -> str:  # type: ignore[no-untyped-def]
    blocks, frames = flac_blocks(handle)
    digest = hashlib.sha256()
    kind, offset, length = blocks[0]
    handle.seek(offset)
    digest.update(handle.read(length))
    size = os.fstat(handle.fileno()).st_size
    return _span_digest(handle, (frames, flac_audio_end(handle, blocks, frames, size)), digest)


#: An ID3v1 tag: 128 bytes starting "TAG" at the very end of a file.
ID3V1_SIZE = 128


def flac_audio_end(handle, blocks: list[tuple[int, int, int]], frames: int, size: int) -> int:  # type: ignore[no-untyped-def]
    """Where a FLAC file's audio frames end: before an ID3v1 tag at the end (some taggers write one, and players that
    read it show its old title), else at the end of the file. The tag is taken for one only where the last frame's
    CRC-16 ends right before it, so audio that happens to end in "TAG" is never cut off."""
    end = size - ID3V1_SIZE
    if end <= frames:
        return size
    handle.seek(end)
    if handle.read(3) != b"TAG":
        return size
    handle.seek(blocks[0][1])
    min_block = struct.unpack(">H", handle.read(2))[0]
    tail_start = max(frames, end - (1 << 16))
    handle.seek(tail_start)
    tail = handle.read(end - tail_start)
    at = len(tail)
    while True:
        at = max(tail.rfind(b"\xff\xf8", 0, at), tail.rfind(b"\xff\xf9", 0, at))
        if at < 0:
            return size
        if _flac_frame(tail, at, min_block) is not None and _crc16(tail[at:-2]) == int.from_bytes(tail[-2:], "big"):
            return end


def _crc16_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
        table.append(crc)
    return table


_CRC16 = _crc16_table()


def _crc16(data: bytes) -> int:
    """FLAC's frame footer CRC (polynomial 0x8005, starting at 0)."""
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC16[(crc >> 8) ^ byte]
    return crc


#: The first packet (identification header) of the Ogg streams mediafeed tags: Vorbis, Opus
_TAGGED_OGG = (b"\x01vorbis", b"OpusHead")


def _ogg_digest(handle) -> str:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256()
    handle.seek(0)
    serial = None
    packet = -1
    while True:
        at = handle.tell()
        try:
            page = OggPage(handle)
        except EOFError:
            break
        except MutagenError as exc:
            handle.seek(at)
            if _no_audio(handle.read()):
                break  # zero bytes (or an ID3v1 tag) after the last page (see _ogg_truncation): no audio
            raise ValueError(f"a damaged Ogg page at offset {at}") from exc
        if serial is None and (page.first and page.packets and page.packets[0].startswith(_TAGGED_OGG)
                               or not page.first):
            # the stream mutagen tags: the first Opus or Vorbis one (a Theora video's picture stream comes before its
            # sound; its pages were taken for the tagged stream's, and the Vorbis comment for audio: TAG002)
            serial = page.serial
        if page.serial != serial:  # another stream (a chain's later part, a multiplexed track): tagging leaves it as it is
            digest.update(b"\0stream\0" + struct.pack(">I", page.serial))
            for data in page.packets:
                digest.update(data)
            continue
        for index, data in enumerate(page.packets):
            if not (index == 0 and page.continued):
                packet += 1
                digest.update(b"\0packet\0")
            if packet != 1:  # packet 1 is the comment header (OpusTags / Vorbis comment)
                digest.update(data)
        if packet >= 2 and page.position > 0:
            digest.update(struct.pack(">q", page.position))
    return digest.hexdigest()


def _wav_digest(handle) -> str:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256()
    size = os.fstat(handle.fileno()).st_size
    for pos, name, length in wav_chunks(handle, size):
        if name in (b"fmt ", b"data"):
            digest.update(name)
            end = size if name == b"data" and _wav_unknown(length, pos, size, handle) else min(pos + 8 + length, size)
            _span_digest(handle, (pos + 8, end), digest)
    return digest.hexdigest()


def wav_chunks(handle, size: int) -> Iterator[tuple[int, bytes, int]]:  # type: ignore[no-untyped-def]
    """``(offset, name, length)`` of each chunk of a WAV file after its RIFF header, up to the first that is no chunk:
    one whose name is not four printable ASCII characters (zero bytes after the last chunk, a recorder's or a copy's
    padding). Read as chunks, zero bytes were a chunk of 0 bytes every 8 bytes: 20 MB of them after the audio took
    13 s to probe, and 3 GB (an unfinished copy) did not finish in 5 minutes."""
    pos = 12
    while pos + 8 <= size:
        handle.seek(pos)
        name, length = struct.unpack("<4sI", handle.read(8))
        if not all(32 <= byte < 127 for byte in name):
            return
        yield pos, name, length
        if name == b"data" and _wav_unknown(length, pos, size, handle):  # it runs to the end of the file: no chunk follows
            return
        pos += 8 + length + (length & 1)


# -- cut-off files: what mutagen does not notice ---------------------------------------------

def truncation(path: Path, kind: str, size: int) -> str:
    """How the file is cut off, or "" when it looks complete."""
    with open(path, "rb") as handle:
        if kind == "mp4":
            return mp4.truncation(handle, size)
        if kind in ("ogg-opus", "ogg-vorbis"):
            return _ogg_truncation(handle, size)
        if kind == "flac":
            return _flac_truncation(handle, size)
        if kind == "wav":
            return _wav_truncation(handle, size)
    return ""


def _ogg_truncation(handle, size: int) -> str:  # type: ignore[no-untyped-def]
    """The last page must be complete and carry the end-of-stream flag."""
    page = _last_ogg_page(handle, size)
    if page is None:
        return "no complete Ogg page at its end"
    if handle.tell() < size and (not _no_audio(handle.read()) or not _ogg_crc_ok(handle, page)):
        # zero bytes after a whole last page (a copy padded to a block) are no cut, nor an ID3v1 tag an MP3 tagger
        # appended; after a page they complete (a cut-off copy into a file made at full size first), its checksum tells
        return "it ends in the middle of an Ogg page (the file was cut off)"
    return "" if page.last else "its last page is not the end of the stream (the file was cut off)"


def _no_audio(rest: bytes) -> bool:
    """Whether the bytes after an Ogg file's last page hold nothing: zeros (a copy padded to a block), or an ID3v1 tag
    at the very end, after zeros or not (an MP3 tagger run over every file appends one; ffmpeg plays past it)."""
    return not any(rest[:-128] if rest[-128:-125] == b"TAG" else rest)


def ogg_end(path: Path, size: int) -> int:
    """Where an Ogg file's last page ends when nothing but zero bytes or an ID3v1 tag follow it (see
    :func:`_ogg_truncation`; the tagged copy leaves them out), else ``size``."""
    with open(path, "rb") as handle:
        page = _last_ogg_page(handle, size)
        end = handle.tell()
        return end if page is not None and end < size and _no_audio(handle.read()) and _ogg_crc_ok(handle, page) else size


def _ogg_crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
        table.append(crc & 0xFFFFFFFF)
    return table


_OGG_CRC = _ogg_crc_table()


def _ogg_crc_ok(handle, page: OggPage) -> bool:  # type: ignore[no-untyped-def]
    """Whether a page's bytes match its CRC (Ogg's CRC-32: polynomial 0x04C11DB7, its own field taken as zero)."""
    handle.seek(page.offset)
    raw = bytearray(handle.read(page.size))
    stored = int.from_bytes(raw[22:26], "little")
    raw[22:26] = bytes(4)
    crc = 0
    for byte in raw:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _OGG_CRC[(crc >> 24) ^ byte]
    return crc == stored


def ogg_chained(path: Path, size: int) -> tuple[bool, int]:
    """Whether an Ogg file is several logical streams one after another (Ogg files joined with cat, a chain, whose
    later parts mutagen does not count and many apps do not play), and the granule position where the first part ends
    when it is known to differ from mutagen's (-1 otherwise).

    A chain's later part is found by its last page belonging to none of the streams the file starts with, or by a
    page that begins a stream (BOS) after the first pages: the second part of a chain that reuses the first's serial
    number (two files from one encoder run, joined) has such a page, and there mutagen's length was the last part's
    (20 s of a 10 s and a 20 s part; ffmpeg decodes 30 s), so the first part's end is given. (Streams multiplexed
    together, a Skeleton track say, all start on the first pages, so they are not a chain.)"""
    serials: set[int] = set()
    with open(path, "rb") as handle:
        try:
            while len(serials) < 16:
                at = handle.tell()
                page = OggPage(handle)
                if not page.first:
                    break
                serials.add(page.serial)
        except (EOFError, ValueError, struct.error, MutagenError):
            return False, -1
        last = _last_ogg_page(handle, size)
        if last is not None and last.serial not in serials:
            return True, -1
        second = _later_stream(handle, at, size)
        if second < 0:
            return False, -1
        return True, _ogg_end_before(handle, second)


#: A page that begins a logical stream: "OggS", version 0, header type 2 (BOS)
_BOS = b"OggS\x00\x02"


def _later_stream(handle, start: int, size: int) -> int:  # type: ignore[no-untyped-def]
    """Where a page that begins a stream lies at or after ``start`` (whole, its checksum right), or -1. The search is
    ``mmap.find`` (about 1 ms for 10 MB): a probe of a plain file reads it once more, in C."""
    try:
        data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (ValueError, OSError):
        return -1
    try:
        at = data.find(_BOS, start)
        while at >= 0:
            handle.seek(at)
            try:
                page = OggPage(handle)
                if _ogg_crc_ok(handle, page):
                    return at
            except (EOFError, ValueError, struct.error, MutagenError):
                pass
            at = data.find(_BOS, at + 1)
        return -1
    finally:
        data.close()


def _ogg_end_before(handle, offset: int) -> int:  # type: ignore[no-untyped-def]
    """The granule position of the last page that ends at ``offset`` (the first part of a chain), or -1."""
    start = max(0, offset - 65536 * 2)
    handle.seek(start)
    tail = handle.read(offset - start)
    at = tail.rfind(b"OggS")
    while at >= 0:
        handle.seek(start + at)
        try:
            page = OggPage(handle)
            if handle.tell() == offset:
                return int(page.position)
        except (EOFError, ValueError, struct.error, MutagenError):
            pass
        at = tail.rfind(b"OggS", 0, at)
    return -1


def _last_ogg_page(handle, size: int) -> OggPage | None:  # type: ignore[no-untyped-def]
    """The last page that parses in the file's last 128 KB (the handle left at its end), or None."""
    tail_start = max(0, size - 65536 * 2)
    handle.seek(tail_start)
    tail = handle.read()
    at = tail.rfind(b"OggS")
    while at >= 0:
        handle.seek(tail_start + at)
        try:
            return OggPage(handle)
        except (EOFError, ValueError, struct.error, MutagenError):
            at = tail.rfind(b"OggS", 0, at)
    return None


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _flac_truncation(handle, size: int) -> str:  # type: ignore[no-untyped-def]
    """The last frame must end where STREAMINFO says the audio ends."""
    blocks, frames = flac_blocks(handle)
    if frames >= size:
        return "it has metadata but no audio frames"
    kind, offset, length = blocks[0]
    handle.seek(offset)
    info = handle.read(length)
    min_block = struct.unpack(">H", info[:2])[0]
    total = int.from_bytes(info[13:18], "big") & 0xFFFFFFFFF
    if not total:
        return ""  # unknown length (a stream): nothing to compare with
    end = _flac_end(handle, frames, size, min_block)
    if end and end < total:
        return f"its audio stops at {end / max(total, 1):.0%} of the length its header declares"
    return ""


#: WAV format tags whose blocks are one sample frame each (PCM, IEEE float, A-law, mu-law, and WAVE_FORMAT_EXTENSIBLE,
#: whose sub-formats are those in practice): mutagen's length (data bytes / block size / rate) is right for them.
_WAV_FRAMED = {0x0001, 0x0003, 0x0006, 0x0007, 0xFFFE}


#: The size a WAV's RIFF and ``data`` chunks say where the writer could not go back to fill it in (ffmpeg writing to a
#: pipe, a stream recorder): unknown, the data runs to the end of the file.
WAV_UNKNOWN_SIZE = 0xFFFFFFFF
#: The data sizes writers put there in its place: ffmpeg's, SoX's (its MS_UNSPEC, 0x7FFFF000), arecord's (0x80000000,
#: ALSA's recorder stopped by Ctrl-C) and LAME's decoder's (0x7FFFFFFF, ``lame --decode in.mp3 -``); a data chunk that
#: says one and runs past the end of the file has unknown size.
WAV_UNKNOWN_SIZES = frozenset({WAV_UNKNOWN_SIZE, 0x7FFFF000, 0x80000000, 0x7FFFFFFF})


def _wav_unknown(length: int, pos: int, size: int, handle: BinaryIO) -> bool:
    """Whether the ``data`` chunk at ``pos`` saying ``length`` bytes is one of unknown size (:data:`WAV_UNKNOWN_SIZES`):
    one that runs past the end of the file, or past its said end into bytes that are no chunk (its audio goes on: SoX's
    and arecord's sizes are 2 GB, and a longer recording through a pipe says them all the same; read to that size, 3 GB
    of SoX's read 13.5 hours for 20). 0xFFFFFFFF is, however big the file: no RIFF file holds a chunk that long (its
    own size is 32 bits), and it is what ffmpeg leaves in a WAV it wrote past 4 GB ("Filesize … invalid for wav,
    output file will be broken"), whose audio runs to the end of the file, as ffprobe reads it. (Its last part was
    taken for bytes after the last chunk: an hour of silence at the end was MED004, and sound there gave the feed 27
    hours for 33.)"""
    if length == WAV_UNKNOWN_SIZE or (length in WAV_UNKNOWN_SIZES and pos + 8 + length > size):
        return True
    end = pos + 8 + length + (length & 1)
    if length not in WAV_UNKNOWN_SIZES or end + 4 > size:
        return False
    where = handle.tell()
    handle.seek(end)
    name = handle.read(4)
    handle.seek(where)
    return not all(32 <= byte < 127 for byte in name)


#: WAV format tags whose ``fmt `` extension says how many samples a block holds: Microsoft and IMA ADPCM
_WAV_ADPCM = {0x0002, 0x0011}
#: WAV format tags of MPEG audio (MP3; MPEG Layer I or II), whose frames say how long they are
_WAV_MPEG = {0x0055, 0x0050}


def wav_seconds(path: Path, size: int) -> float | None:
    """The duration of a WAV file whose audio is compressed (MP3, IMA or Microsoft ADPCM, GSM inside a WAV): its
    ``fact`` chunk's sample count over the rate, else its data over the average byte rate; None for PCM and the
    like, whose length mutagen reads right. (mutagen divides the data by the block size: a block of compressed
    audio holds many samples, so a 4 s IMA ADPCM recording read as 0.002 s.) A data chunk of unknown size
    (:data:`WAV_UNKNOWN_SIZES`) is the rest of the file, whatever the audio: mutagen read 6 hours from it."""
    with open(path, "rb") as handle:
        fmt, samples, data, at, unknown = b"", -1, -1, 0, False
        for pos, name, length in wav_chunks(handle, size):
            if name == b"fmt ":
                fmt = handle.read(min(length, 20))
            elif name == b"fact" and length >= 4:
                samples = struct.unpack("<I", handle.read(4))[0]
            elif name == b"data":
                unknown = _wav_unknown(length, pos, size, handle)
                data, at = size - pos - 8 if unknown else min(length, size - pos - 8), pos + 8
        if len(fmt) < 16:
            return None
        tag, _, rate, byte_rate, block = struct.unpack("<HHIIH", fmt[:14])
        if (tag in _WAV_FRAMED and not unknown) or not rate:
            return None
        if samples > 0 and not unknown:  # (a piped file's fact chunk is as unknown as its data's size)
            return samples / rate
        if tag in _WAV_MPEG and data > 0:  # its frames, counted (a piped file says a byte rate of 0: mutagen read 338 s for 5)
            handle.seek(at)
            scan = mpeg.scan_data(handle.read(data))
            return scan.duration if scan is not None else None
    if tag in _WAV_ADPCM and len(fmt) >= 20 and block:  # the samples each block holds, in the format's extension
        # (ffmpeg's piped IMA ADPCM says a byte rate of 16,000 for 11,062: 5 s read as 3.5)
        return data // block * struct.unpack("<H", fmt[18:20])[0] / rate
    return data / byte_rate if data > 0 and byte_rate else None


def flac_samples(path: Path, size: int) -> int:
    """The samples (per channel) of a FLAC file, counted to the end of its last frame: for a file whose STREAMINFO
    does not say (0, "unknown": what an encoder writing to a pipe leaves, ``ffmpeg -f flac pipe:``); 0 if none."""
    with open(path, "rb") as handle:
        blocks, frames = flac_blocks(handle)
        handle.seek(blocks[0][1])
        min_block = struct.unpack(">H", handle.read(2))[0]
        return _flac_end(handle, frames, size, min_block)


def _flac_end(handle, frames: int, size: int, min_block: int) -> int:  # type: ignore[no-untyped-def]
    """The sample number where the last frame (in the last 64 KB, from ``frames`` on) ends, or 0 when none is found."""
    tail_start = max(frames, size - (1 << 16))
    handle.seek(tail_start)
    tail = handle.read()
    at = len(tail)
    while True:
        at = max(tail.rfind(b"\xff\xf8", 0, at), tail.rfind(b"\xff\xf9", 0, at))
        if at < 0:
            return 0
        found = _flac_frame(tail, at, min_block)
        if found is not None:
            return found[0] + found[1]


def _flac_frame(data: bytes, at: int, min_block: int) -> tuple[int, int] | None:
    """(first sample, samples) of the frame header at ``at``, or None when its CRC-8 does not match."""
    if at + 6 > len(data):
        return None
    variable = data[at + 1] & 1
    code, rate_code = data[at + 2] >> 4, data[at + 2] & 15
    if code == 0 or rate_code == 15:
        return None
    first = data[at + 4]
    extra = 0
    while extra < 7 and first & (0x80 >> extra):
        extra += 1
    if extra == 1 or extra > 7:
        return None
    number = first & (0x7F >> extra) if extra else first
    pos = at + 5
    for _ in range(max(0, extra - 1)):
        if pos >= len(data) or data[pos] & 0xC0 != 0x80:
            return None
        number = (number << 6) | (data[pos] & 0x3F)
        pos += 1
    if code == 6:
        samples, pos = data[pos] + 1, pos + 1
    elif code == 7:
        samples, pos = int.from_bytes(data[pos:pos + 2], "big") + 1, pos + 2
    else:
        samples = 192 if code == 1 else (576 << (code - 2) if code <= 5 else 256 << (code - 8))
    pos += {12: 1, 13: 2, 14: 2}.get(rate_code, 0)
    if pos >= len(data) or _crc8(data[at:pos]) != data[pos]:
        return None
    return (number if variable else number * min_block), samples


def wav_end(handle, size: int) -> int:  # type: ignore[no-untyped-def]
    """Where a WAV file's last chunk ends (at most ``size``; ``size`` for a data chunk of unknown size, which runs to
    the end of the file)."""
    end = 12
    for pos, name, length in wav_chunks(handle, size):
        if name == b"data" and _wav_unknown(length, pos, size, handle):
            return size
        end = pos + 8 + length + (length & 1)
    return min(end, size)


def wav_unsized(handle, size: int) -> int:  # type: ignore[no-untyped-def]
    """How many bytes follow a data chunk that says it holds 0 bytes, where they are no chunk (the audio a recorder
    wrote after a header whose sizes it never filled in: a crash, a full disk), else 0. (mutagen reads 0 s of it, and
    ffmpeg plays the bytes as audio.)"""
    for pos, name, length in wav_chunks(handle, size):
        if name == b"data":
            if length or pos + 8 >= size:
                return 0
            handle.seek(pos + 8)
            following = handle.read(4)
            return 0 if all(32 <= byte < 127 for byte in following) and len(following) == 4 else size - pos - 8
    return 0


def _wav_truncation(handle, size: int) -> str:  # type: ignore[no-untyped-def]
    for pos, name, length in wav_chunks(handle, size):
        if name == b"data" and pos + 8 + length > size and not _wav_unknown(length, pos, size, handle):
            return f"its data chunk needs {length} bytes but only {size - pos - 8} remain"
    return ""
