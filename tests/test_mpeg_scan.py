"""The MPEG frame walk finds what a plain walk finds, on every kind of MP3 (and MPEG audio) file we can make.

``mpeg.scan`` looks frames up in a table instead of decoding each header into an object. The reference
below is the plain walk it replaced (a decoded header per frame, a set of bitrates); both must agree on
duration, frames, bitrate, mode, sample rate, channels, header, span, junk, cut-off and lead, for CBR and VBR
streams with and without a Xing/Info/VBRI header, MPEG-1/2/2.5, layers I/II/III, junk between frames, a
sample rate or layer changing mid-stream, a cut-off last frame, ID3v1/APEv2/Lyrics3 trailers, and damaged copies.
"""

from __future__ import annotations

import random
import struct
import subprocess
from dataclasses import astuple
from pathlib import Path

import pytest
from media_fixtures import build_fixtures

from mediafeed.audio import mpeg

# -- the reference: a straightforward walk, one decoded header per frame ------------------------------

_BITRATES = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _header(data: bytes, pos: int) -> tuple[int, int, int, int, int] | None:
    """(length, samples, rate, bitrate, channels) of the frame header at ``pos``."""
    if pos + 4 > len(data):
        return None
    b0, b1, b2, b3 = data[pos:pos + 4]
    if b0 != 0xFF or (b1 & 0xE0) != 0xE0:
        return None
    version, layer_bits = (b1 >> 3) & 3, (b1 >> 1) & 3
    bitrate_index, rate_index, padding = b2 >> 4, (b2 >> 2) & 3, (b2 >> 1) & 1
    if version == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    layer, mpeg1 = 4 - layer_bits, version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index] * 1000
    rate = _RATES[version][rate_index]
    if layer == 1:
        samples, length = 384, (12 * bitrate // rate + padding) * 4
    else:
        samples = 1152 if (mpeg1 or layer == 2) else 576
        length = samples // 8 * bitrate // rate + padding
    return length, samples, rate, bitrate, 1 if (b3 >> 6) == 3 else 2


def _first(data: bytes, start: int, end: int, limit: int = 65536) -> int:
    for pos in range(start, min(end, start + limit)):
        frame = _header(data, pos)
        if frame is not None and (pos + frame[0] >= end or _header(data, pos + frame[0]) is not None):
            return pos
    return -1


def reference_scan(data: bytes, full: bool = True) -> tuple | None:
    start, end = mpeg.payload_span(data)
    pos = _first(data, start, end)
    if pos < 0:
        return None
    lead = pos - start if any(data[start:pos]) else 0  # unknown bytes before the first frame; zero padding is none
    first = _header(data, pos)
    assert first is not None
    rate, channels = first[2], first[4]
    layer = 4 - ((data[pos + 1] >> 1) & 3)  # the first frame's: 3 for MP3
    header = mpeg.vbr_header(data, pos, mpeg.frame_at(data, pos))  # type: ignore[arg-type]
    if header is not None:
        if header.frames and not full:  # the bitrate of the first audio frame, after the header's
            audio = _header(data, pos + first[0])
            return (0.0, header.frames, audio[3] if audio else 0, "", rate, channels, header, start, end, 0, False, lead,
                    layer, (0, 0.0), 0, 0.0)
        pos += first[0]
    frames = samples = junk = total = gap = 0
    other, switch, gap_at = 0.0, (0, 0.0), 0.0  # seconds of frames of another sample rate (files joined), and where they start
    bitrates = set()
    cut = False
    while pos < end:
        frame = _header(data, pos)
        if frame is not None and frame[2] != rate and pos + frame[0] <= end:
            after = _header(data, pos + frame[0]) if pos + frame[0] < end else None
            if pos + frame[0] >= end or (after is not None and after[2] == frame[2]):  # followed by its kind: audio
                switch = switch if switch[0] else (frame[2], samples / rate + other)
                other += frame[1] / frame[2]
                frames += 1
                total += frame[0]
                bitrates.add(frame[3])
                pos += frame[0]
                continue
        if frame is None or frame[2] != rate:
            nxt = _first(data, pos + 1, end, limit=end)  # however far the next frame is
            if nxt < 0:
                junk += end - pos
                break
            junk += nxt - pos
            tag = 10 + int.from_bytes(bytes(b & 0x7F for b in data[pos + 6:pos + 10]), "big") if data[pos:pos + 3] == b"ID3" else 0
            if not (tag <= nxt - pos and not any(data[pos + tag:nxt])):  # zeros, a joined file's own ID3 tag: no gap
                gap_at = gap_at if gap else samples / rate + other
                gap += nxt - pos
            pos = nxt
            continue
        if pos + frame[0] > end:
            cut = True
            break
        frames += 1
        samples += frame[1]
        total += frame[0]
        bitrates.add(frame[3])
        pos += frame[0]
    if not frames:
        return None
    duration = samples / rate + other
    return (duration, frames, int(total * 8 / duration), "CBR" if len(bitrates) == 1 else "VBR", rate, channels, header,
            start, end, junk, cut, lead, layer, switch, gap, gap_at)


# -- the files ----------------------------------------------------------------------------------------

def _ffmpeg(path: Path, rate: int, channels: int, *codec: str, seconds: float = 4.0) -> bytes:
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                    f"sine=frequency=330:duration={seconds},volume='if(lt(mod(t,1),0.5),1,0.02)':eval=frame",
                    "-ac", str(channels), "-ar", str(rate), *codec, str(path)], check=True, capture_output=True)
    return path.read_bytes()


def _layer1(rate_index: int = 0) -> bytes:
    """MPEG-1 layer I frames (no encoder here writes them): valid headers, silent payload, varying bitrate."""
    out = bytearray()
    for index in range(60):
        bitrate_index, padding = 1 + index % 14, index % 2
        header = bytes([0xFF, 0xFF, bitrate_index << 4 | rate_index << 2 | padding << 1, 0xC0])
        frame = _header(header, 0)
        assert frame is not None
        out += header + bytes(frame[0] - 4)
    return bytes(out)


def _ape_tag() -> bytes:
    item = struct.pack("<II", 5, 0) + b"Title\0" + b"hello"
    size = len(item) + 32
    footer = b"APETAGEX" + struct.pack("<IIII", 2000, size, 1, 0x80000000) + bytes(8)
    header = b"APETAGEX" + struct.pack("<IIII", 2000, size, 1, 0xA0000000) + bytes(8)
    return header + item + footer


def _id3v1() -> bytes:
    return b"TAG" + b"A title".ljust(30, b"\0") + bytes(95)


def _lyrics3() -> bytes:
    body = b"LYRICSBEGIN" + b"IND00003110"
    return body + b"%06d" % len(body) + b"LYRICS200"


@pytest.fixture(scope="session")
def streams(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("mpeg")
    made = {path.name: path.read_bytes() for path in sorted(build_fixtures(folder / "fixtures").glob("*.mp3"))}
    no_xing = ("-write_xing", "0")
    for rate, channels in ((44100, 2), (48000, 1), (32000, 2), (24000, 1), (16000, 2), (12000, 1), (11025, 2), (8000, 1)):
        made[f"cbr-{rate}-{channels}ch.mp3"] = _ffmpeg(folder / "x.mp3", rate, channels, "-c:a", "libmp3lame", "-b:a", "32k",
                                                       *no_xing)
        made[f"vbr-{rate}-{channels}ch.mp3"] = _ffmpeg(folder / "x.mp3", rate, channels, "-c:a", "libmp3lame", "-q:a", "4",
                                                       *no_xing)
    made["vbr-44100-info.mp3"] = _ffmpeg(folder / "x.mp3", 44100, 2, "-c:a", "libmp3lame", "-q:a", "4")
    made["layer2-44100.mp2"] = _ffmpeg(folder / "x.mp2", 44100, 2, "-c:a", "mp2", "-b:a", "128k")
    made["layer2-22050.mp2"] = _ffmpeg(folder / "x.mp2", 22050, 1, "-c:a", "mp2", "-b:a", "64k")
    made["layer1-44100.mp1"] = _layer1(0)
    made["layer1-48000.mp1"] = _layer1(1)
    base, vbr = made["cbr-44100-2ch.mp3"], made["vbr-24000-1ch.mp3"]
    rng = random.Random(9)
    junk = bytes(rng.choice((0xFF, 0xFB, 0xE3, 0x00, rng.randrange(256))) for _ in range(700))
    made["junk-between-frames.mp3"] = base[:3000] + junk + base[3000:9000] + junk[:3] + base[9000:]
    made["junk-at-start.mp3"] = junk + base
    made["cut-last-frame.mp3"] = base[:-57]
    made["header-in-last-bytes.mp3"] = base + base[mpeg.id3v2_end(base):][:3]  # too short to be a header: junk, not a cut-off frame
    made["cut-vbr.mp3"] = vbr[:-3]
    made["id3v1-trailer.mp3"] = base + _id3v1()
    made["ape-trailer.mp3"] = base + _ape_tag()
    made["ape-lyrics-id3v1-trailers.mp3"] = vbr + _ape_tag() + _lyrics3() + _id3v1()
    made["cut-before-id3v1.mp3"] = base[:-100] + _id3v1()
    made["rate-change.mp3"] = base + made["cbr-48000-1ch.mp3"] + base[-4000:]
    made["layer-change.mp3"] = made["cbr-44100-2ch.mp3"] + made["layer2-44100.mp2"] + made["vbr-44100-2ch.mp3"]
    made["version-change.mp3"] = vbr + made["cbr-12000-1ch.mp3"] + vbr
    made["xing-then-junk.mp3"] = made["vbr-44100-info.mp3"][:5000] + junk + made["vbr-44100-info.mp3"][5000:]
    made["header-only.mp3"] = base[:4] + bytes(200)
    # more garbage between frames than the 64 KB the first frame is looked for in (the walk stopped at it), and a
    # file joined on with its own ID3 tag (no gap: MED025 tells of the join)
    made["garbage-200k-between-frames.mp3"] = base[:6000] + rng.randbytes(200_000) + base[6000:]
    made["zeros-between-frames.mp3"] = base[:mpeg.first_frame(base, 6000, len(base))] + bytes(5000) + \
        base[mpeg.first_frame(base, 6000, len(base)):]
    made["joined-with-its-tag.mp3"] = base + b"ID3\x03\x00\x00\x00\x00\x00\x14" + bytes(30) + base[mpeg.id3v2_end(base):]
    made["ff-run.mp3"] = b"\xff" * 3000 + base[:2000] + b"\xff" * 3
    for name in ("cbr-44100-2ch.mp3", "vbr-16000-2ch.mp3", "vbr-xing.mp3", "layer2-44100.mp2"):
        for copy in range(6):  # damaged copies: bytes overwritten at random, sync bytes among them
            damaged = bytearray(made[name])
            for _ in range(rng.randrange(1, 40)):
                damaged[rng.randrange(len(damaged))] = rng.choice((0xFF, 0xFA, 0x00, rng.randrange(256)))
            made[f"damaged-{copy}-{name}"] = bytes(damaged)
    return made


def _ours(data: bytes, full: bool) -> tuple | None:
    found = mpeg.scan_data(data, full)
    return None if found is None else astuple(found)[:6] + (found.header,) + astuple(found)[7:]


def test_the_files_cover_what_the_walk_must_handle(streams: dict[str, bytes]) -> None:
    results = {name: reference_scan(data) for name, data in streams.items()}
    found = [r for r in results.values() if r is not None]
    assert {r[4] for r in found} >= {44100, 48000, 32000, 24000, 22050, 16000, 12000, 11025, 8000}
    assert {r[3] for r in found} == {"CBR", "VBR"}
    assert any(r[9] for r in found) and any(r[10] for r in found)  # junk skipped, a cut-off last frame
    assert any(r[11] for r in found)  # unknown bytes before the first frame
    assert results["garbage-200k-between-frames.mp3"][0] == results["cbr-44100-2ch.mp3"][0]  # the walk goes on past it
    assert results["garbage-200k-between-frames.mp3"][14] == 200_000 and results["joined-with-its-tag.mp3"][14] == 0
    assert results["zeros-between-frames.mp3"][9] == 5000 and results["zeros-between-frames.mp3"][14] == 0
    assert results["rate-change.mp3"][13] == (48000, results["cbr-44100-2ch.mp3"][0])  # frames of another rate, counted
    assert {r[6].kind for r in found if r[6] is not None} >= {"Xing", "Info", "VBRI"}
    assert results["ape-lyrics-id3v1-trailers.mp3"][8] < len(streams["ape-lyrics-id3v1-trailers.mp3"]) - 128 - 64


@pytest.mark.parametrize("full", [True, False])
def test_the_table_walk_finds_what_a_plain_walk_finds(streams: dict[str, bytes], full: bool) -> None:
    for name, data in streams.items():
        assert _ours(data, full) == reference_scan(data, full), name


def test_a_mapped_file_scans_as_its_bytes(streams: dict[str, bytes], tmp_path: Path) -> None:
    for name in ("junk-between-frames.mp3", "ape-lyrics-id3v1-trailers.mp3", "vbr-vbri.mp3", "layer-change.mp3"):
        path = tmp_path / name
        path.write_bytes(streams[name])
        assert mpeg.scan(path) == mpeg.scan_data(streams[name]), name


def test_first_frame_and_frame_at_agree_with_the_plain_decoder(streams: dict[str, bytes]) -> None:
    for name in ("junk-at-start.mp3", "ff-run.mp3", "damaged-0-layer2-44100.mp2", "header-only.mp3"):
        data = streams[name]
        start, end = mpeg.payload_span(data)
        assert mpeg.first_frame(data, start, end) == _first(data, start, end), name
    data = streams["junk-between-frames.mp3"]
    for pos in range(0, 12000):
        frame, plain = mpeg.frame_at(data, pos), _header(data, pos)
        assert (None if frame is None else (frame.length, frame.samples, frame.sample_rate, frame.bitrate,
                                            frame.channels)) == plain
