"""Raw AAC (ADTS) files: their duration, from their frames.

An ADTS stream has no header that says how long it is; mutagen, like ffprobe, estimates it from the bitrate of its
first frames and the file's size. AAC's bitrate follows the sound (ffmpeg's ``-q:a``, and every encoder's silence),
so the estimate is as wrong as an MP3's without a Xing header: a minute of speech after 20 s of silence read as
37 minutes, and one ending in 20 s of silence as 40 s. Every frame header (ISO/IEC 14496-3 1.A.2.2) says its length
and how many blocks of 1,024 samples it holds, so the frames are counted instead: a header read a frame, about
0.1 s for an hour of audio.
"""

from __future__ import annotations

import mmap
from pathlib import Path

from . import mpeg

#: ISO/IEC 14496-3 1.6.3.4: sampling_frequency_index → Hz (the core rate: HE-AAC's is half the rate it plays at, and
#: its frames hold 1,024 samples of that rate, so the duration is the same)
RATES = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350)


def duration(path: Path) -> float:
    """Seconds of the ADTS frames of ``path`` (after an ID3v2 tag in front), 0.0 when none is found. Bytes between
    frames that are no frame (a tag at the end, damage) are skipped to the next header of the first frame's kind."""
    return frames(path)[0]


def frames(path: Path) -> tuple[float, bool]:
    """:func:`duration`, and whether the last frame runs past the end of the file: a frame that follows the one
    before it, of its kind, cut short (an interrupted copy, export or download: MED030, as for an MP3)."""
    with open(path, "rb") as handle:
        try:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            return 0.0, False
        try:
            return _walk(data)
        finally:
            data.close()


def _walk(data: mmap.mmap) -> tuple[float, bool]:
    size = len(data)
    pos = mpeg.id3v2_end(data)
    fixed = -1  # the first frame's fixed header bits (ID, layer, profile, rate, channels): later frames have the same
    rate = 0
    blocks = 0
    chained = cut = False  # chained: ``pos`` is where the frame before ended
    while pos + 7 <= size:
        if data[pos] == 0xFF and data[pos + 1] & 0xF6 == 0xF0:
            b2, b3, b4, b5, b6 = data[pos + 2], data[pos + 3], data[pos + 4], data[pos + 5], data[pos + 6]
            key = (data[pos + 1] & 0x08) << 16 | (b2 & 0xFD) << 8 | (b3 & 0xC0)
            length = (b3 & 3) << 11 | b4 << 3 | b5 >> 5
            index = b2 >> 2 & 0xF
            if length >= 7 and index < len(RATES) and (fixed < 0 or key == fixed):
                if pos + length <= size:
                    if fixed < 0:
                        fixed, rate = key, RATES[index]
                    blocks += (b6 & 3) + 1
                    pos += length
                    chained = True
                    continue
                cut = cut or chained
        chained = False
        nxt = data.find(b"\xff", pos + 1)
        if nxt < 0:
            break
        pos = nxt
    if chained and 0 < size - pos < 7 and data[pos] == 0xFF:  # a header itself cut short
        cut = True
    return (blocks * 1024 / rate if rate else 0.0), cut


#: AAC object types whose AudioSpecificConfig is the GASpecificConfig read below (Main, LC, SSR, LTP)
_PLAIN_AAC = (1, 2, 3, 4)


def declared_channels(config: bytes) -> int:
    """The channels an MP4's AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1) says its plain AAC holds, where it also says
    there is no SBR (the sync extension 0x2B7 naming SBR, its flag 0: what ffmpeg writes), so no Parametric Stereo
    either (PS only rides on SBR, HE-AAC v2): 0 where it does not say so. mutagen reads such a mono file's
    channels as unknown (PS could make it stereo) and then takes the sample entry's count, which MP4 writers leave at
    its template value, 2 (ffmpeg's mono AAC read as stereo; ffprobe says mono)."""
    if len(config) < 5:
        return 0
    bits = int.from_bytes(config[:5], "big")  # 40 bits: 5 type, 4 rate, 4 channels, 3 GASpecificConfig, 11 + 5 + 1
    kind, rate, channels, specific = bits >> 35, (bits >> 31) & 15, (bits >> 27) & 15, (bits >> 24) & 7
    if kind not in _PLAIN_AAC or rate == 15 or specific or not 1 <= channels <= 7:
        return 0
    if (bits >> 13) & 0x7FF != 0x2B7 or (bits >> 8) & 31 != 5 or (bits >> 7) & 1:
        return 0
    return 8 if channels == 7 else channels
