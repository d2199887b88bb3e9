"""Real media files of every format podcasters publish, and broken ones, made with ffmpeg and lame.

``build_fixtures(folder)`` writes them once per test session (a few seconds); tests copy a file before
writing to it. Names say what each file is, as mutagen's own test data does.
"""

from __future__ import annotations

import random
import shutil
import struct
import subprocess
from pathlib import Path

from helpers import ROOT

SECONDS = 6  #: length of every fixture's audio
#: The real length of the 20 s VBR tone encoded without a Xing header (LAME adds 1105 samples of padding).
VBR_SECONDS = 20.062

GOOD = {
    # name: (container kind, expected MIME)
    "cbr-info.mp3": ("mp3", "audio/mpeg"),
    "vbr-xing.mp3": ("mp3", "audio/mpeg"),
    "vbr-no-xing.mp3": ("mp3", "audio/mpeg"),
    "vbr-vbri.mp3": ("mp3", "audio/mpeg"),
    "id3v23.mp3": ("mp3", "audio/mpeg"),
    "id3v24.mp3": ("mp3", "audio/mpeg"),
    "id3v1-only.mp3": ("mp3", "audio/mpeg"),
    "id3v22.mp3": ("mp3", "audio/mpeg"),  # old iTunes: three-letter frame IDs
    "aac.m4a": ("mp4", "audio/x-m4a"),
    "audiobook.m4b": ("mp4", "audio/x-m4a"),
    "video.mp4": ("mp4", "video/mp4"),
    "video.m4v": ("mp4", "video/x-m4v"),
    "video.mov": ("mp4", "video/quicktime"),
    "fragmented.m4a": ("mp4", "audio/x-m4a"),  # one movie fragment, absolute base offsets (ffmpeg's default)
    "fragmented-video.mp4": ("mp4", "video/mp4"),  # OBS-style: a fragment a second, two tracks in each
    "opus.opus": ("ogg-opus", "audio/ogg"),
    "vorbis.ogg": ("ogg-vorbis", "audio/ogg"),
    "lossless.flac": ("flac", "audio/flac"),
    "pcm.wav": ("wav", "audio/wav"),
    "lead-junk.mp3": ("mp3", "audio/mpeg"),  # no ID3 tag, and 3,000 unknown bytes before the first frame
    "lead-zeros.mp3": ("mp3", "audio/mpeg"),  # no ID3 tag, and 2,048 zero bytes before the first frame
    "lead-http.mp3": ("mp3", "audio/mpeg"),  # a download saved with its HTTP response header in front
    "joined.mp3": ("mp3", "audio/mpeg"),
    "alac.m4a": ("mp4", "audio/x-m4a"),
    # QuickTime's keyed metadata (udta/meta with a 'keys' box, items named by index), as Apple's tools and
    # ffmpeg -movflags use_metadata_tags write it: ffmpeg reads its 'title' after the iTunes atoms
    "keyed-metadata.m4a": ("mp4", "audio/x-m4a"),
    "chained.ogg": ("ogg-vorbis", "audio/ogg"),  # two Vorbis files joined with cat: a chain; its duration is the first's  # Apple Lossless in M4A: plays in Apple's apps, not what the platforms take  # cat of two LAME VBR files: the first one's Xing header covers a third
}
#: Bytes of unknown data before the first MPEG frame, as the probe must report them (zero padding is not counted).
HTTP_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nAccept-Ranges: bytes\r\n\r\n"
LEAD = {"lead-junk.mp3": 3000, "lead-http.mp3": len(HTTP_HEAD)}
TAGGABLE = [n for n, (kind, _) in GOOD.items() if kind != "wav"]


def _run(*args: str) -> None:
    subprocess.run(list(args), check=True, capture_output=True)


def _ffmpeg(*args: str) -> None:
    _run("ffmpeg", "-nostdin", "-y", "-loglevel", "error", *args)


def build_fixtures(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tone = ["-f", "lavfi", "-i", f"sine=frequency=440:duration={SECONDS}", "-ac", "1", "-ar", "22050"]
    wav = folder / "source.wav"
    _ffmpeg(*tone, "-c:a", "pcm_s16le", str(wav))
    long_wav = folder / "source-20s.wav"
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=20", "-ac", "1", "-ar", "22050", str(long_wav))
    _ffmpeg("-i", str(wav), "-c:a", "libmp3lame", "-b:a", "32k", str(folder / "cbr-info.mp3"))
    _run("lame", "--quiet", "-V", "7", str(long_wav), str(folder / "vbr-xing.mp3"))
    _run("lame", "--quiet", "-t", "-V", "7", str(long_wav), str(folder / "vbr-no-xing.mp3"))
    _make_vbri(folder / "vbr-no-xing.mp3", folder / "vbr-vbri.mp3")
    _run("lame", "--quiet", "--freeformat", "-b", "40", str(wav), str(folder / "free-format.mp3"))  # bitrate index 0
    _ffmpeg("-i", str(wav), "-c:a", "libmp3lame", "-b:a", "32k", "-id3v2_version", "3", "-metadata", "title=Old v2.3 title",
            "-metadata", "artist=Producer", str(folder / "id3v23.mp3"))
    _ffmpeg("-i", str(wav), "-c:a", "libmp3lame", "-b:a", "32k", "-id3v2_version", "4", "-metadata", "title=Old v2.4 title",
            "-metadata", "publisher=Keep Me Records", str(folder / "id3v24.mp3"))
    _run("lame", "--quiet", "-b", "32", "--id3v1-only", "--tt", "Old v1 title", "--ta", "Someone", str(wav),
         str(folder / "id3v1-only.mp3"))
    _make_id3v22(folder / "cbr-info.mp3", folder / "id3v22.mp3")
    bare = folder / "bare.mp3"  # frames only: no ID3v2 tag
    _ffmpeg("-i", str(wav), "-c:a", "libmp3lame", "-b:a", "32k", "-id3v2_version", "0", str(bare))
    rng = random.Random(7)
    junk = bytes(rng.randrange(255) for _ in range(LEAD["lead-junk.mp3"]))  # anything but 0xFF (a frame sync)
    (folder / "lead-junk.mp3").write_bytes(junk + bare.read_bytes())
    (folder / "lead-zeros.mp3").write_bytes(b"\0" * 2048 + bare.read_bytes())
    (folder / "lead-http.mp3").write_bytes(HTTP_HEAD + bare.read_bytes())
    _run("lame", "--quiet", "-V", "7", str(wav), str(folder / "part.mp3"))  # 6 s, then the 20 s VBR file: 26 s in all
    (folder / "joined.mp3").write_bytes((folder / "part.mp3").read_bytes() + (folder / "vbr-xing.mp3").read_bytes())
    _ffmpeg(*tone, "-c:a", "aac", "-b:a", "32k", str(folder / "aac.m4a"))
    shutil.copyfile(folder / "aac.m4a", folder / "audiobook.m4b")
    _ffmpeg(*tone, "-c:a", "alac", str(folder / "alac.m4a"))
    _ffmpeg(*tone, "-c:a", "aac", "-b:a", "32k", "-movflags", "+use_metadata_tags+faststart", "-metadata", "title=Voice memo",
            "-metadata", "artist=Phone", "-metadata", "comment=Old comment", "-metadata", "custom_key=keep me",
            str(folder / "keyed-metadata.m4a"))
    for ext in ("mp4", "m4v", "mov"):
        _ffmpeg("-f", "lavfi", "-i", f"testsrc=size=96x54:rate=5:duration={SECONDS}", "-f", "lavfi", "-i",
                f"sine=frequency=440:duration={SECONDS}", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "32k", "-shortest", str(folder / f"video.{ext}"))
    _ffmpeg(*tone, "-c:a", "aac", "-b:a", "32k", "-movflags", "+frag_keyframe+empty_moov", str(folder / "fragmented.m4a"))
    _ffmpeg("-f", "lavfi", "-i", f"testsrc=size=96x54:rate=5:duration={SECONDS}", "-f", "lavfi", "-i",
            f"sine=frequency=440:duration={SECONDS}", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-g", "5", "-c:a", "aac", "-b:a", "32k", "-shortest", "-movflags", "+frag_keyframe+empty_moov",
            "-frag_duration", "1000000", str(folder / "fragmented-video.mp4"))
    _ffmpeg("-f", "lavfi", "-i", f"sine=frequency=440:duration={SECONDS}", "-ac", "1", "-ar", "48000", "-c:a", "libopus",
            "-b:a", "24k", str(folder / "opus.opus"))
    _ffmpeg(*tone, "-c:a", "libvorbis", "-q:a", "0", str(folder / "vorbis.ogg"))
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=300:duration=3", "-ac", "1", "-ar", "22050", "-c:a", "libvorbis",
            "-serial_offset", "7777", str(folder / "vorbis-3s.ogg"))  # a chain's parts must have their own serials
    (folder / "chained.ogg").write_bytes((folder / "vorbis.ogg").read_bytes() + (folder / "vorbis-3s.ogg").read_bytes())
    _ffmpeg(*tone, "-c:a", "flac", str(folder / "lossless.flac"))
    shutil.copyfile(wav, folder / "pcm.wav")
    _make_broken(folder)
    return folder


def _make_id3v22(source: Path, target: Path) -> None:
    """An ID3v2.2 tag (no encoder here writes one; mutagen reads but does not write them) in front of ``source``."""
    def frame(frame_id: bytes, text: str) -> bytes:
        body = b"\x00" + text.encode("latin-1")
        return frame_id + len(body).to_bytes(3, "big") + body

    frames = frame(b"TT2", "Old v2.2 title") + frame(b"TP1", "Someone") + frame(b"TAL", "Old album")
    frames += frame(b"TCO", "Podcast") + b"\0" * 32  # and some padding
    size = len(frames)
    syncsafe = bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))
    target.write_bytes(b"ID3\x02\x00\x00" + syncsafe + frames + source.read_bytes())


def _make_vbri(source: Path, target: Path) -> None:
    """Put a Fraunhofer VBRI header frame in front of a VBR stream (no encoder here writes one)."""
    data = source.read_bytes()
    header = data[:4]  # the first frame's header: same version, rate and channels
    length = _frame_length(header)
    frames = _count_frames(data)
    vbri = b"VBRI" + struct.pack(">HHHIIHHHH", 1, 1105, 75, len(data) + length, frames, 0, 1, 2, 1)
    frame = bytearray(length)
    frame[:4] = header
    frame[36:36 + len(vbri)] = vbri
    target.write_bytes(bytes(frame) + data)


def _frame_length(header: bytes) -> int:
    from mediafeed.audio import mpeg

    frame = mpeg.frame_at(header + b"\0" * 4, 0)
    assert frame is not None
    return frame.length


def _count_frames(data: bytes) -> int:
    from mediafeed.audio import mpeg

    count, pos = 0, 0
    while (frame := mpeg.frame_at(data, pos)) is not None:
        count += 1
        pos += frame.length
    return count


def _make_broken(folder: Path) -> None:
    (folder / "empty.mp3").write_bytes(b"")
    shutil.copyfile(ROOT / "artwork.png", folder / "picture.mp3")
    (folder / "notes.m4a").write_text("<html><body>not audio</body></html>\n")
    shutil.copyfile(folder / "vorbis.ogg", folder / "vorbis-named.mp3")
    shutil.copyfile(folder / "aac.m4a", folder / "aac-named.mp3")
    for name in ("vbr-xing.mp3", "aac.m4a", "vorbis.ogg", "opus.opus", "lossless.flac", "pcm.wav", "video.mp4"):
        data = (folder / name).read_bytes()
        (folder / f"truncated-{name}").write_bytes(data[: len(data) // 2])
    # at 8 kbit/s a few KB are seconds: 3,000 bytes short of its Info header are 3 s of a 6 s file
    low = folder / "low-bitrate.mp3"
    _ffmpeg("-i", str(folder / "source.wav"), "-ar", "8000", "-c:a", "libmp3lame", "-b:a", "8k", "-id3v2_version", "0", str(low))
    (folder / "truncated-low-bitrate.mp3").write_bytes(low.read_bytes()[:-3000])
    data = bytearray((folder / "aac.m4a").read_bytes())
    data[4:8] = b"ftyp"
    data[:4] = struct.pack(">I", 0xFFFFFF)  # an ftyp box that claims 16 MB
    (folder / "corrupt-box.m4a").write_bytes(bytes(data))
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "wmav2", str(folder / "speech.wma"))
    (folder / "noise.mp3").write_bytes(random.Random(3).randbytes(64 * 1024))  # 0xFF bytes, never three frames in a row
    # MP3 frames in a WAV container (format tag 0x55), as some recorders and broadcast tools write, named .mp3;
    # and a plain PCM WAV named .mp3
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "wav",
            str(folder / "riff-mp3.mp3"))
    shutil.copyfile(folder / "pcm.wav", folder / "pcm-named.mp3")
    # an M4A holding captions and no sound (an export that dropped the audio): 2 s long, nothing to play
    (folder / "captions.srt").write_text("1\n00:00:00,000 --> 00:00:02,000\nHello\n")
    _ffmpeg("-i", str(folder / "captions.srt"), "-c:s", "mov_text", str(folder / "text-only.m4a"))
    (folder / "mpeg-junk.mp3").write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x0a" + b"\0" * 10 + b"no frames here" * 40)


BROKEN = {
    # name: (code, words the message must contain)
    "empty.mp3": ("MED002", "empty (0 bytes)"),
    "picture.mp3": ("MED003", "a PNG image"),
    "notes.m4a": ("MED003", "text or HTML"),
    "noise.mp3": ("MED003", "an unknown format"),
    "speech.wma": ("MED003", "a Windows Media (WMA/ASF) file"),
    "vorbis-named.mp3": ("MED005", "Ogg Vorbis, but its name ends in .mp3"),
    "aac-named.mp3": ("MED005", "MP4/M4A, but its name ends in .mp3"),
    "riff-mp3.mp3": ("MED005", "MP3 audio inside a WAV container"),
    "free-format.mp3": ("MED004", "free-format (its frame headers give no bitrate"),
    "text-only.m4a": ("MED006", "has no sound track (and no video)"),
    "pcm-named.mp3": ("MED005", "WAV, but its name ends in .mp3"),
    "truncated-vbr-xing.mp3": ("MED004", "truncated"),
    "truncated-low-bitrate.mp3": ("MED004", "its Info header declares 6408 bytes of audio, the file has 3408"),
    "truncated-aac.m4a": ("MED004", "truncated"),
    "truncated-video.mp4": ("MED004", "truncated"),
    "truncated-vorbis.ogg": ("MED004", "truncated"),
    "truncated-opus.opus": ("MED004", "truncated"),
    "truncated-lossless.flac": ("MED004", "truncated"),
    "truncated-pcm.wav": ("MED004", "truncated"),
    "corrupt-box.m4a": ("MED004", "MP4/M4A"),
    "mpeg-junk.mp3": ("MED004", "MP3 file is truncated or corrupt"),
}
