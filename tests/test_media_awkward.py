"""Awkward real media files, round 3: what the probe publishes of them (duration, type, problems) against ffprobe's
count of their packets (``-count_packets``), not its estimates.

Every file is made here by ffmpeg or LAME and then given the damage or the odd layout producers' tools leave.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from test_media_corpus import _syncsafe, _unsynchronised

from mediafeed import audio
from mediafeed.audio import mpeg
from mediafeed.audio.probe import probe_with_tags
from mediafeed.errors import MediaError

needs_lame = pytest.mark.skipif(shutil.which("lame") is None, reason="LAME writes its own tag")


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", *args], check=True)


def _mp3_packets_seconds(path: Path) -> float:
    """The seconds of the MP3 frames ffprobe counts (1,152 samples each at MPEG-1 rates), the Xing frame not counted."""
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "a:0", "-count_packets", "-show_entries",
                          "stream=nb_read_packets,sample_rate", "-of", "csv=p=0", str(path)], capture_output=True, text=True,
                         check=True).stdout
    rate, packets = out.split()[0].strip(",").split(",")
    return int(packets) * 1152 / int(rate)


def _noise_mp3(path: Path, seconds: int, encoder: str) -> Path:
    """A VBR MP3 of noise and a tone (its frames of many sizes), by LAME itself (mono) or by ffmpeg's libmp3lame
    (stereo: ffmpeg's checksum of a mono file's shorter header frame cannot be checked, see mpeg._sound)."""
    wav = path.with_suffix(".wav")
    _ffmpeg("-f", "lavfi", "-i", f"sine=f=440:d={seconds}", "-f", "lavfi", "-i", f"anoisesrc=d={seconds}:a=0.1",
            "-filter_complex", "[0][1]amix=inputs=2", "-ar", "44100", "-ac", "1" if encoder == "lame" else "2", str(wav))
    if encoder == "lame":
        subprocess.run(["lame", "--quiet", "-V", "4", str(wav), str(path)], check=True)
    else:
        _ffmpeg("-i", str(wav), "-c:a", "libmp3lame", "-q:a", "5", str(path))
    return path


def _set_xing_frames(path: Path, factor: float) -> int:
    """Rewrite the frame count of the file's Xing header (its byte count left as it was), as a tool that edits the
    audio and updates one count but not the other leaves it; the checksum of LAME's tag is not updated either."""
    data = bytearray(path.read_bytes())
    at = data.find(b"Xing")
    assert at > 0 and struct.unpack(">I", data[at + 4:at + 8])[0] & 3 == 3  # (frames and bytes both counted)
    frames = struct.unpack(">I", data[at + 8:at + 12])[0]
    data[at + 8:at + 12] = struct.pack(">I", int(frames * factor))
    path.write_bytes(bytes(data))
    return frames


@pytest.mark.parametrize("encoder", [pytest.param("lame", marks=needs_lame), "ffmpeg"])
@pytest.mark.parametrize("factor", [2.0, 0.5])
def test_an_mp3_whose_xing_header_counts_wrong_frames_but_the_right_bytes_gets_its_frames_duration(
        tmp_path: Path, encoder: str, factor: float) -> None:
    # 20 s of VBR audio whose header says twice (half) the frames: its byte count still matches the file exactly, so
    # the probe took the header at its word and published 40 s (10 s); ffprobe's own duration says the same. LAME's
    # tag ends in a checksum of the header frame, which no longer matches: the frames are counted (MED025)
    path = _noise_mp3(tmp_path / "episode.mp3", 20, encoder)
    truth = _mp3_packets_seconds(path)
    _set_xing_frames(path, factor)
    assert _mp3_packets_seconds(path) == pytest.approx(truth)
    media = audio.probe(path, "episode.mp3")
    assert media.duration == pytest.approx(truth, abs=0.1)
    assert media.declared == pytest.approx(truth * factor, abs=0.2)  # (MED025 says what the header declares)


@pytest.mark.parametrize("rate, channels, options", [
    (44100, 1, ("-q:a", "5")), (44100, 2, ("-q:a", "2")), (44100, 1, ("-b:a", "64k")), (48000, 2, ("-b:a", "128k")),
    (22050, 1, ("-b:a", "32k")), (8000, 1, ("-b:a", "16k")), (11025, 2, ("-q:a", "7"))])
def test_an_untouched_xing_header_is_believed_whatever_wrote_it(tmp_path: Path, rate: int, channels: int,
                                                                options: tuple[str, ...]) -> None:
    # (a header believed is a file not walked frame by frame: what keeps probing fast.) ffmpeg's checksum of LAME's tag
    # covers the frame's first 190 bytes whatever the layout, its own place zero in a mono or MPEG-2 frame, and bytes
    # past a shorter header frame's end in ffmpeg's memory: such a frame's checksum is not held against it
    path = tmp_path / "episode.mp3"
    _ffmpeg("-f", "lavfi", "-i", "anoisesrc=d=3:a=0.1", "-ar", str(rate), "-ac", str(channels), "-c:a", "libmp3lame",
            *options, str(path))
    found = mpeg.scan(path, full=False)
    assert found is not None and found.header is not None and found.header.sound, found
    if shutil.which("lame"):
        made = tmp_path / "lame.mp3"
        subprocess.run(["lame", "--quiet", "-V", "6", "--resample", str(rate / 1000), str(tmp_path / "episode.mp3"),
                        str(made)], check=True)
        found = mpeg.scan(made, full=False)
        assert found is not None and found.header is not None and found.header.sound, found


@pytest.mark.parametrize("how", ["hole", "written", "beyond-read-back"])
def test_a_wav_with_a_long_run_of_zeros_after_its_last_chunk_is_refused(tmp_path: Path, how: str) -> None:
    # 3 s of audio and 3 GB of zeros after its data chunk (a copy made at full size first, a recorder's file allocated
    # ahead): no chunk holds them and no player plays them, but the file was published, a 3 GB enclosure, with only
    # MED010 (Apple does not take WAV). The zeros are a hole (sparse, no disk used), written out, or more than the
    # probe reads back from the end
    path = tmp_path / "episode.wav"
    _ffmpeg("-f", "lavfi", "-i", "sine=d=3", "-ar", "22050", "-c:a", "pcm_s16le", str(path))
    audio_end = path.stat().st_size
    if how == "hole":
        os.truncate(path, audio_end + (3 << 30))
    else:
        with open(path, "ab") as handle:
            handle.write(bytes((2 << 20) if how == "written" else (70 << 20)))
    with pytest.raises(MediaError) as caught:
        audio.probe(path, "episode.wav")
    problem = caught.value.problems[0]
    assert problem.code == "MED004" and f"last chunk ends at byte {audio_end:,}" in problem.message, problem
    assert ("at least" in problem.message) == (how == "beyond-read-back")
    assert "ffmpeg -i in.wav -c copy out.wav" in problem.hint


def test_a_wav_with_a_little_padding_after_its_last_chunk_or_silence_to_the_end_of_a_piped_file_is_audio(
        tmp_path: Path) -> None:
    padded = tmp_path / "padded.wav"
    _ffmpeg("-f", "lavfi", "-i", "sine=d=3", "-ar", "22050", "-c:a", "pcm_s16le", str(padded))
    with open(padded, "ab") as handle:  # a block's padding: below the 1 MiB that no audio file holds by chance
        handle.write(bytes(64 << 10))
    assert audio.probe(padded, "padded.wav").duration == pytest.approx(3.0, abs=0.01)
    # written to a pipe (ffmpeg cannot go back to fill in the sizes): the data runs to the end, 60 s of it silence
    piped = tmp_path / "piped.wav"
    with open(piped, "wb") as handle:
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "sine=d=3", "-f", "lavfi", "-i",
                        "anullsrc=r=22050:cl=mono:d=60", "-filter_complex", "[0][1]concat=n=2:v=0:a=1", "-ar", "22050",
                        "-c:a", "pcm_s16le", "-f", "wav", "pipe:1"], stdout=handle, check=True)
    assert audio.probe(piped, "piped.wav").duration == pytest.approx(63.0, abs=0.01)


def _ogg_crc(page: bytes) -> int:
    crc = 0
    for byte in page:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) & 0xFFFFFFFF if crc & 0x80000000 else (crc << 1) & 0xFFFFFFFF
    return crc


def _with_serial(data: bytes, serial: int) -> bytes:
    """An Ogg stream's pages given another serial number (their checksums made again), as one encoder run writing two
    files, or a tool that joins streams, leaves them."""
    out, pos = bytearray(), 0
    while pos < len(data):
        assert data[pos:pos + 4] == b"OggS"
        count = data[pos + 26]
        end = pos + 27 + count + sum(data[pos + 27:pos + 27 + count])
        page = bytearray(data[pos:end])
        page[14:18], page[22:26] = struct.pack("<I", serial), bytes(4)
        page[22:26] = struct.pack("<I", _ogg_crc(bytes(page)))
        out += page
        pos = end
    return bytes(out)


@pytest.mark.parametrize("codec, ext, kind", [("libopus", "opus", "ogg-opus"), ("libvorbis", "ogg", "ogg-vorbis")])
def test_an_ogg_chain_whose_parts_share_a_serial_number_is_told_and_gets_its_first_parts_duration(
        tmp_path: Path, codec: str, ext: str, kind: str) -> None:
    # 4 s and 8 s joined with cat, the second part under the first's serial number: no MED026 (the check compared the
    # last page's serial with the first's), and the feed said 8 s, the last part's (mutagen reads the last page's
    # granule), where a chain of two serials says the first part's (what apps that stop at the join play)
    parts = []
    for seconds in (4, 8):
        part = tmp_path / f"part{seconds}.{ext}"
        _ffmpeg("-f", "lavfi", "-i", f"sine=d={seconds}", "-c:a", codec, str(part))
        parts.append(part.read_bytes())
    serial = struct.unpack("<I", parts[0][14:18])[0]
    path = tmp_path / f"episode.{ext}"
    path.write_bytes(parts[0] + _with_serial(parts[1], serial))
    media = audio.probe(path, path.name)
    assert media.kind == kind and media.chained
    assert media.duration == pytest.approx(4.0, abs=0.05)
    two = tmp_path / f"two.{ext}"  # (two serials: as before)
    two.write_bytes(parts[0] + parts[1])
    assert audio.probe(two, two.name).chained and audio.probe(two, two.name).duration == pytest.approx(4.0, abs=0.05)
    assert not audio.probe(tmp_path / f"part8.{ext}", f"part8.{ext}").chained


def _refused(path: Path) -> tuple[str, str, str]:
    with pytest.raises(MediaError) as caught:
        audio.probe(path, path.name)
    problem = caught.value.problems[0]
    return problem.code, problem.message, problem.hint


@pytest.mark.parametrize("name, video", [("episode.ts", False), ("episode.m4a", False), ("show.ts", True)])
def test_an_mpeg_transport_stream_is_named_with_the_remux_that_makes_it_an_m4a_or_mp4(
        tmp_path: Path, name: str, video: bool) -> None:
    # AAC in MPEG-TS (an HLS or broadcast recording, or one saved under .m4a) was "its content looks like an unknown
    # format", with the list of formats only: its sound is what an M4A holds, and the hint's remux makes one that
    # the probe takes, nothing encoded again
    path = tmp_path / name
    picture = ["-f", "lavfi", "-i", "testsrc=s=160x90:r=10:d=3"] if video else []
    _ffmpeg(*picture, "-f", "lavfi", "-i", "sine=d=3", *(["-c:v", "libx264"] if video else []), "-c:a", "aac",
            "-f", "mpegts", str(path))
    code, message, hint = _refused(path)
    assert code == "MED003" and "an MPEG transport stream" in message, message
    ext = path.suffix
    remux = (f"ffmpeg -i in{ext} -c copy -movflags +faststart out.mp4" if video else
             f"ffmpeg -i in{ext} -map 0:a:0 -c:a copy -movflags +faststart out.m4a")
    assert remux in hint, hint
    made = tmp_path / remux.rpartition(" ")[2]
    subprocess.run(remux.replace(f"in{ext}", str(path)).replace(made.name, str(made)).split(), check=True,
                   capture_output=True)
    media = audio.probe(made, made.name)
    assert media.video == video and media.codec == "mp4a.40.2" and media.duration == pytest.approx(3.0, abs=0.1)
    if name == "episode.m4a":
        assert "put out.m4a in place under the same name" in hint


@pytest.mark.parametrize("name", ["episode.webm", "episode.mkv", "episode.opus"])
def test_an_opus_recording_in_webm_or_matroska_gets_a_sound_hint_not_a_video_encode(tmp_path: Path, name: str) -> None:
    # (a browser's MediaRecorder, OBS's or Discord's audio-only recording): the hint said to encode an H.264 video with
    # -c:v libx264, of a file with no picture; it encodes the sound, or copies the Opus into an Ogg file
    path = tmp_path / name
    _ffmpeg("-f", "lavfi", "-i", "sine=d=3", "-c:a", "libopus", "-f", "matroska" if name.endswith(".mkv") else "webm",
            str(path))
    code, message, hint = _refused(path)
    assert code == "MED003" and "a WebM (Matroska) file of sound only (Opus)" in message, message
    assert "libx264" not in hint and f"ffmpeg -i in{path.suffix} -c:a libmp3lame -b:a 128k out.mp3" in hint, hint
    copy = f"ffmpeg -i in{path.suffix} -vn -c:a copy out.opus"
    assert copy in hint
    made = tmp_path / "out.opus"
    _ffmpeg("-i", str(path), "-vn", "-c:a", "copy", str(made))
    assert audio.probe(made, "out.opus").duration == pytest.approx(3.0, abs=0.05)
    assert ("put out.opus in place under the same name" in hint) == (name == "episode.opus")


def _tag_dropped(path: Path, good: Path, hint: str, tmp_path: Path) -> None:
    """The hint's remux that drops a damaged ID3 tag, run on ``path``: the frames of ``good`` come out, every one."""
    fix = "ffmpeg -i in.mp3 -map 0:a -c copy -map_metadata -1 out.mp3"
    assert fix in hint
    fixed = tmp_path / "out.mp3"
    subprocess.run(fix.replace("in.mp3", str(path)).replace("out.mp3", str(fixed)).split(), check=True,
                   capture_output=True)
    assert audio.probe(fixed, "out.mp3").duration == pytest.approx(audio.probe(good, "good.mp3").duration, abs=0.05)


@pytest.mark.parametrize("version", [5, 1])
def test_an_id3_tag_of_a_version_that_does_not_exist_is_named_with_the_remux_that_drops_it(tmp_path: Path,
                                                                                             version: int) -> None:
    # "ID3v2.5" (or 2.1): no such version. The file was MED004 "truncated or corrupt ('<unknown>' ID3v2.5 not
    # supported)", "export it again from your editor", though its audio is whole and ffmpeg plays it
    good = _noise_mp3(tmp_path / "good.mp3", 3, "ffmpeg")
    tag = b"TIT2" + (6).to_bytes(4, "big") + b"\0\0" + b"\x00Title"
    path = tmp_path / "episode.mp3"
    path.write_bytes(b"ID3" + bytes([version, 0, 0]) + len(tag).to_bytes(4, "big") + tag + good.read_bytes())
    code, message, hint = _refused(path)
    assert code == "MED004" and f"ID3v2.{version}, a version that does not exist" in message, message
    _tag_dropped(path, good, hint, tmp_path)


def test_an_id3_tag_whose_size_is_no_synchsafe_number_is_named_with_the_remux_that_drops_it(tmp_path: Path) -> None:
    # A tag header whose size has a byte of 0x80 or more (a tagger that wrote it as a plain number): mutagen refuses the
    # tag, and the file was MED004 "truncated or corrupt (Header size not synchsafe)", "export it again from your
    # editor", though its audio is whole and ffmpeg plays it
    good = _noise_mp3(tmp_path / "good.mp3", 3, "ffmpeg")
    tag = b"TIT2" + (6).to_bytes(4, "big") + b"\0\0" + b"\x00Title" + bytes(184)
    path = tmp_path / "episode.mp3"
    path.write_bytes(b"ID3\x03\x00\x00" + len(tag).to_bytes(4, "big") + tag + good.read_bytes())  # 200: 00 00 00 c8
    code, message, hint = _refused(path)
    assert code == "MED004" and "ID3 tag is damaged" in message and "00 00 00 c8" in message, message
    assert "truncated" not in message and "export it again" not in hint, hint
    _tag_dropped(path, good, hint, tmp_path)


def test_an_id3v24_tag_with_unsynchronisation_and_a_footer_is_read_and_replaced_without_touching_the_audio(
        tmp_path: Path) -> None:
    # (checked in round 3, nothing to fix: kept so it stays so) the whole tag unsynchronised (0xFF followed by a zero
    # byte wherever 0xFF would start a false frame sync), UTF-16 text with ÿ (0xFF) in it, a cover, and a footer
    def frame(name: bytes, body: bytes) -> bytes:
        data = _unsynchronised(body)
        return name + _syncsafe(len(data)) + b"\x00\x02" + data  # (the frame's unsynchronisation flag)

    cover = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8 + b"\xff\xff\xfb\x90"
    frames = (frame(b"TIT2", b"\x01" + "Ünsync titleÿ ÿ".encode("utf-16"))
              + frame(b"APIC", b"\x00image/jpeg\x00\x03\x00" + cover))
    header = bytes([4, 0, 0x80 | 0x10]) + _syncsafe(len(frames))
    good = _noise_mp3(tmp_path / "good.mp3", 3, "ffmpeg")
    path = tmp_path / "episode.mp3"
    path.write_bytes(b"ID3" + header + frames + b"3DI" + header + good.read_bytes())
    media, tags = probe_with_tags(path, "episode.mp3")
    assert media.tags["title"] == "Ünsync titleÿ ÿ" and tags.cover is not None and tags.cover.data == cover
    assert media.duration == audio.probe(good, "good.mp3").duration and not media.lead and not media.gap
    copy = tmp_path / "copy.mp3"
    audio.tag_copy(path, copy, audio.Tags(title="New"), rel="episode.mp3", durable=False)
    start, end = mpeg.payload_span(copy.read_bytes())
    assert copy.read_bytes()[start:end] == good.read_bytes()[slice(*mpeg.payload_span(good.read_bytes()))]
    assert audio.probe(copy, "copy.mp3").tags["title"] == "New"


@pytest.mark.parametrize("cut", [0, 3, 100])
def test_a_raw_aac_file_cut_mid_frame_is_told_as_an_mp3_is(tmp_path: Path, cut: int) -> None:
    # an interrupted copy or download of an .aac file, cut inside a frame (or inside a frame's header): published
    # without a word (an MP3 cut so is MED030); the duration is that of the whole frames, what ffmpeg plays
    whole = tmp_path / "whole.aac"
    _ffmpeg("-f", "lavfi", "-i", "sine=d=4", "-c:a", "aac", "-b:a", "64k", "-f", "adts", str(whole))
    data = whole.read_bytes()
    path = tmp_path / "episode.aac"
    frames = []
    at = 0
    while at < len(data):
        frames.append(at)
        at += (data[at + 3] & 3) << 11 | data[at + 4] << 3 | data[at + 5] >> 5
    end = frames[len(frames) // 2] + cut if cut else len(data)
    path.write_bytes(data[:end])
    media = audio.probe(path, "episode.aac")
    assert media.cut == bool(cut)
    assert media.duration == pytest.approx((len(frames) // 2 if cut else len(frames)) * 1024 / 44100, abs=0.001)


@pytest.mark.parametrize("zeros", [0, 2 << 20])
def test_a_wav_whose_data_chunk_says_0_bytes_with_audio_after_it_is_named_with_the_copy_that_writes_the_sizes(
        tmp_path: Path, zeros: int) -> None:
    # a recorder that crashed (or lost power) before it filled in the sizes of its header: the data chunk says 0 bytes
    # and 3 s of audio follow. It was MED006 "no playable audio (duration 0) … export the episode again"; with
    # zeros after the audio, the bytes in no chunk were taken for the zeros' own problem
    made = tmp_path / "made.wav"
    _ffmpeg("-f", "lavfi", "-i", "sine=d=3", "-ar", "22050", "-c:a", "pcm_s16le", str(made))
    data = bytearray(made.read_bytes())
    at = data.index(b"data")
    data[4:8], data[at + 4:at + 8] = struct.pack("<I", at), bytes(4)
    path = tmp_path / "episode.wav"
    path.write_bytes(bytes(data) + bytes(zeros))
    code, message, hint = _refused(path)
    assert code == "MED004" and "data chunk says it holds 0 bytes, but" in message, message
    fix = "ffmpeg -i in.wav -c copy out.wav"
    assert fix in hint
    fixed = tmp_path / "out.wav"
    subprocess.run(fix.replace("in.wav", str(path)).replace("out.wav", str(fixed)).split(), check=True,
                   capture_output=True)
    assert audio.probe(fixed, "out.wav").duration == pytest.approx(3.0 + zeros / 44100, abs=0.01)


@pytest.mark.parametrize("faststart", [True, False])
def test_an_m4a_ending_in_a_big_free_box_is_whole_not_a_copy_that_was_not_filled_in(tmp_path: Path,
                                                                                     faststart: bool) -> None:
    # room a writer reserved at the end (a 'free' box of 2 MB of zeros) was MED004 "the MP4/M4A file was not filled
    # in … copy or download it again": the box says exactly where it ends, and the file is whole (ffmpeg plays it,
    # tagging keeps the sound). Zeros that run past such a box (a copy that stopped) are still refused
    made = tmp_path / "made.m4a"
    _ffmpeg("-f", "lavfi", "-i", "sine=d=3", "-c:a", "aac", "-b:a", "32k",
            *(["-movflags", "+faststart"] if faststart else []), str(made))
    free = struct.pack(">I4s", 8 + (2 << 20), b"free") + bytes(2 << 20)
    path = tmp_path / "episode.m4a"
    path.write_bytes(made.read_bytes() + free)
    media = audio.probe(path, "episode.m4a")
    assert media.duration == pytest.approx(audio.probe(made, "made.m4a").duration)
    copy = tmp_path / "copy.m4a"
    audio.tag_copy(path, copy, audio.Tags(title="New"), rel="episode.m4a", durable=False)
    assert audio.probe(copy, "copy.m4a").tags["title"] == "New"
    cut = tmp_path / "cut.m4a"  # a box of 64 KB, then the zeros a download left
    cut.write_bytes(made.read_bytes() + struct.pack(">I4s", 8 + (64 << 10), b"free") + bytes((64 << 10) + (2 << 20)))
    code, message, _ = _refused(cut)
    assert code == "MED004" and "was not filled in" in message


def _free_format(path: Path, source: list[str], bitrate: str = "40") -> Path:
    wav = path.with_suffix(".wav")
    _ffmpeg(*source, "-ac", "1", str(wav))
    subprocess.run(["lame", "--quiet", "--freeformat", "-b", bitrate, str(wav), str(path)], check=True)
    return path


@needs_lame
@pytest.mark.parametrize("case", ["speech", "headers-by-chance"])
def test_a_free_format_mp3_is_refused_even_where_its_data_holds_three_chained_headers(tmp_path: Path, case: str) -> None:
    # LAME's free-format frames at 22.05 or 24 kHz (its choice for 40 kbit/s mono): the walk finds no frame header with
    # a bitrate, and looks further, up to 64 KB; in 4.5 s of speech it met three headers that chain by chance in the
    # frames' data, 23,719 bytes in, and the file was published as 24 ms of MP1 (MED011) after 23,719 bytes of unknown
    # data (MED024), hints that ffmpeg cannot carry out. It is MED004 "free-format", as one without such a chance is
    if case == "speech":
        if shutil.which("espeak-ng") is None:
            pytest.skip("espeak-ng speaks the test's words")
        spoken = tmp_path / "spoken.wav"
        subprocess.run(["espeak-ng", "-w", str(spoken), "Hello and welcome to the show. This is a test of tricky media "
                        "files, spoken by a robot."], check=True, capture_output=True)
        path = _free_format(tmp_path / "free.mp3", ["-i", str(spoken), "-ar", "44100"])
    else:  # the same chance, made: three chained MPEG-1 Layer III headers (32 kbit/s, 32 kHz) in the frames' data
        path = _free_format(tmp_path / "free.mp3", ["-f", "lavfi", "-i", "sine=f=440:d=5:sample_rate=22050"])
        data = bytearray(path.read_bytes())
        for n in range(3):
            data[2005 + 144 * n:2009 + 144 * n] = bytes.fromhex("fffb18c4")
        path.write_bytes(bytes(data))
    code, message, hint = _refused(path)
    assert code == "MED004" and "free-format" in message
    # the hint's command without the recording: LAME reads free format (ffmpeg does not), and what it makes is taken
    command = hint[hint.index("lame --mp3input"):hint.index(")", hint.index("lame --mp3input"))].split()
    subprocess.run([*command[:-2], "--quiet", str(path), str(tmp_path / "out.mp3")], check=True)
    fixed = audio.probe(tmp_path / "out.mp3", "out.mp3")
    played = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                             str(tmp_path / "out.mp3")], capture_output=True, text=True, check=True).stdout
    assert fixed.duration == pytest.approx(float(played), abs=0.1) and fixed.duration > 4


@needs_lame
@pytest.mark.parametrize("bitrate", ["32", "64", "128"])
def test_an_mp3_with_junk_before_its_first_frame_is_not_taken_for_free_format(tmp_path: Path, bitrate: str) -> None:
    # (the free-format test looks at the bytes where the audio starts: a file whose leading junk starts with a frame
    # header of bitrate index 0 that does not recur is still an MP3 with unknown bytes in front, MED024)
    wav = tmp_path / "tone.wav"
    _ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=3", "-ac", "1", str(wav))
    made = tmp_path / "made.mp3"
    subprocess.run(["lame", "--quiet", "-b", bitrate, str(wav), str(made)], check=True)
    path = tmp_path / "junk.mp3"
    path.write_bytes(bytes.fromhex("fffb00c4") + bytes(range(256)) * 4 + made.read_bytes())
    media = audio.probe(path, "junk.mp3")
    assert media.lead == 4 + 1024 and media.duration == pytest.approx(audio.probe(made, "made.mp3").duration, abs=0.05)


def test_an_m4a_whose_sample_table_lists_more_samples_than_the_file_holds_is_refused_by_name(tmp_path: Path) -> None:
    # a sample-size box giving one size for 4,294,967,295 samples was expanded into a list of that many sizes: a
    # MemoryError ("Internal error") from the probe. Samples of a size times their count past the file's end are
    # a damaged table: MED004, as a chunk past the end is
    made = tmp_path / "made.m4a"
    _ffmpeg("-f", "lavfi", "-i", "sine=d=2", "-c:a", "aac", "-b:a", "32k", str(made))
    data = bytearray(made.read_bytes())
    at = data.index(b"stsz") + 8  # after the box's name, its version and flags: the uniform size, then the count
    data[at:at + 8] = struct.pack(">II", 1, 0xFFFFFFFF)
    path = tmp_path / "episode.m4a"
    path.write_bytes(bytes(data))
    code, message, _ = _refused(path)
    assert code == "MED004" and "4,294,967,295 samples" in message, message
