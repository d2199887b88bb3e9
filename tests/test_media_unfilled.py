"""Media files a copy or download never filled in, and other big or odd files a probe must get through quickly.

A download manager, a BitTorrent client or ``rsync --preallocate`` makes the file at its full size first and fills it
in as the bytes arrive: one that stopped leaves zero bytes (often a hole, no disk blocks at all) at its end or in the
middle. Each file here is made by ffmpeg and then given its zeros with ``truncate`` or a seek, as those tools do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, make_media
from test_media_corpus import _lame_to_a_pipe, _sox_to_a_pipe

from mediafeed import audio
from mediafeed.cli import main
from mediafeed.errors import MediaError

#: a hole or a run of zeros this long is looked for (the module's UNFILLED is 1 MiB); sparse, it costs no disk
_BIG = 64 << 20


def _refused(path: Path) -> str:
    with pytest.raises(MediaError) as caught:
        audio.probe(path, path.name)
    problem = caught.value.problems[0]
    assert problem.code == "MED004", problem
    return problem.message


@pytest.mark.parametrize("kind, ext", [("mp3", "mp3"), ("mp3-vbr", "mp3"), ("m4a", "m4a"), ("opus", "opus"),
                                       ("flac", "flac"), ("m4a", "aac")])
def test_a_file_whose_end_was_never_filled_in_is_refused_naming_the_zeros(tmp_path: Path, kind: str, ext: str) -> None:
    # 3 s of audio, then the rest of a file made at full size first: the probe read it all (a 5 GB MP3 took 13 s,
    # mapping the 5 GB), and passed it: the feed got an enclosure of 5 GB for 3 s of sound, and a raw AAC file the
    # length its size suggests (106 hours for 10 s and 3 GB of zeros)
    path = make_media(tmp_path / f"episode.{ext}", kind, 3.0, ("-f", "adts") if ext == "aac" else ())
    audio_size = path.stat().st_size
    os.truncate(path, _BIG)
    message = _refused(path)
    assert "was not filled in" in message and f"from byte {audio_size:,}" in message and "is zero bytes" in message


def test_zero_bytes_written_out_at_the_end_are_found_and_read_back_no_further_than_needed(tmp_path: Path) -> None:
    path = make_media(tmp_path / "episode.mp3", "mp3", 3.0)
    audio_size = path.stat().st_size
    with open(path, "ab") as handle:  # written zeros (no hole): a copy tool that wrote them out
        handle.write(bytes(2 << 20))
    assert f"everything from byte {audio_size:,} of its" in _refused(path)
    with open(path, "ab") as handle:  # more than the probe reads back: said to be at least that many
        handle.write(bytes(70 << 20))
    assert "at least, are zero bytes" in _refused(path)


def test_a_hole_in_the_middle_is_refused_and_zeros_before_the_first_frame_are_not(tmp_path: Path) -> None:
    frames = make_media(tmp_path / "frames.mp3", "mp3", 3.0).read_bytes()
    holed = tmp_path / "holed.mp3"
    with open(holed, "wb") as handle:  # a download in pieces, one of them never fetched
        handle.write(frames)
        handle.seek(len(frames) + _BIG)
        handle.write(frames)
    assert "were never written (a hole in the file)" in _refused(holed)
    lead = tmp_path / "lead.mp3"
    with open(lead, "wb") as handle:  # 3 MB of zeros before the frames: players skip them, and so does the probe
        handle.write(b"ID3\x03\x00\x00\x00\x00\x00\x00")
        handle.seek(3_000_000)
        handle.write(frames)
    assert abs(audio.probe(lead, "lead.mp3").duration - audio.probe(tmp_path / "frames.mp3", "f.mp3").duration) < 0.01


def test_add_refuses_an_unfilled_file_and_writes_nothing(tmp_path: Path) -> None:
    show = tmp_path / "show"
    (show / "episodes").mkdir(parents=True)
    shutil.copy(ROOT / "show.yml", show)
    shutil.copy(ROOT / "artwork.png", show)
    path = make_media(tmp_path / "download.mp3", "mp3", 3.0)
    os.truncate(path, _BIG)
    result = CliRunner().invoke(main, ["add", str(path), "--show", str(show), "--title", "Partial"])
    assert result.exit_code == 1 and "MED004" in result.output and "was not filled in" in result.output
    assert list((show / "episodes").iterdir()) == []


def test_a_file_of_zero_bytes_only_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "episode.mp3"
    path.touch()
    os.truncate(path, _BIG)
    with pytest.raises(MediaError) as caught:
        audio.probe(path, path.name)
    assert caught.value.problems[0].code == "MED003" and "zero bytes only" in caught.value.problems[0].message


def test_a_bw64_file_is_named_and_given_the_encode_that_makes_an_mp3(tmp_path: Path) -> None:
    # BW64 (ITU-R BS.2088, broadcast WAV over 4 GB) is RF64 with another name: it was "an unknown format", no hint
    path = tmp_path / "master.wav"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=duration=1",
                    "-rf64", "always", str(path)], check=True)
    data = bytearray(path.read_bytes())
    assert data[:4] == b"RF64"
    data[:4] = b"BW64"
    path.write_bytes(bytes(data))
    with pytest.raises(MediaError) as caught:
        audio.probe(path, path.name)
    problem = caught.value.problems[0]
    assert problem.code == "MED003" and "a BW64 file (broadcast WAV over 4 GB)" in problem.message
    assert "ffmpeg -i in.wav -c:a libmp3lame" in problem.hint


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace counts the reads")
def test_zero_bytes_after_a_wavs_last_chunk_are_not_read_as_chunks(tmp_path: Path) -> None:
    # a WAV's chunks were walked 8 bytes at a time through zero bytes after its audio (each a chunk named \0\0\0\0 of
    # 0 bytes): 20 MB of them took 13 s to probe, 3 GB (a copy made at full size that stopped) more than 5 minutes.
    # Counted as system calls on the file: 4 MB were 4,115 reads and seeks, one every 8 KB of buffer; now about 20.
    # (Since session 27 such a file is MED004: 1 MiB of zeros or more after the last chunk is no audio, see
    # test_media_awkward; 4 KB of them, a block's padding, are not)
    path = make_media(tmp_path / "recording.wav", "wav", 1.0)
    log = tmp_path / "strace.log"
    code = ("import sys; from pathlib import Path; from mediafeed import audio; from mediafeed.errors import MediaError\n"
            "try:\n    print(audio.probe(Path(sys.argv[1]), 'r.wav').duration)\n"
            "except MediaError as caught:\n    print(caught.problems[0].code)\n")
    size = path.stat().st_size
    for zeros, said in ((4 << 20, "MED004"), (4 << 10, "1.0")):
        os.truncate(path, size + zeros)
        done = subprocess.run(["strace", "-f", "-qq", "-c", "-o", str(log), "-e", "trace=read,pread64,lseek", "-P",
                               str(path), sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == said
        total = [line.split() for line in log.read_text().splitlines() if line.rstrip().endswith("total")]
        assert total and int(total[0][-2]) < 200, log.read_text()  # (the calls column)


def test_a_named_pipe_under_a_media_files_name_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    # the library's probe opened it and waited, for good, for something to write into it (the build and check never
    # give it one: see sourcelinks; `audio.probe` is public). The probe runs in its own process: the code before
    # waits there until the timeout ends it (a writer thread in this process, which let the old code through, could
    # itself be left waiting for good when it opened the pipe after the test had let it go: every later test that
    # needs this process alone, test_parallel's, then failed)
    fifo = tmp_path / "episode.mp3"
    os.mkfifo(fifo)
    code = ("import sys; from pathlib import Path; from mediafeed import audio; from mediafeed.errors import MediaError\n"
            "try:\n    audio.probe(Path(sys.argv[1]), 'episode.mp3')\n"
            "except MediaError as caught:\n    print(caught.problems[0].code, caught.problems[0].message)\n")
    done = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("MED001 ") and "it is a named pipe (FIFO), not a file" in done.stdout, done.stdout


def test_a_folder_under_a_media_files_name_is_named_so(tmp_path: Path) -> None:
    (tmp_path / "episode.mp3").mkdir()
    with pytest.raises(MediaError) as caught:
        audio.probe(tmp_path / "episode.mp3", "episode.mp3")
    assert caught.value.problems[0].code == "MED001" and "it is a folder" in caught.value.problems[0].hint


def test_probing_a_folder_leaves_no_descriptor_open(tmp_path: Path) -> None:
    # the folder opened (O_RDONLY opens one) and then refused by open() stayed open, one descriptor a probe: `serve`
    # rebuilding a show with a folder named episode.mp3 would run out of them
    (tmp_path / "episode.mp3").mkdir()
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        with pytest.raises(MediaError):
            audio.probe(tmp_path / "episode.mp3", "episode.mp3")
    assert len(os.listdir("/proc/self/fd")) == before


@pytest.mark.parametrize("durable", [True, False], ids=["tag-in-place", "build-copy"])
def test_a_master_still_being_written_while_it_is_tagged_is_said_to_have_changed_not_a_bug(tmp_path: Path,
                                                                                             durable: bool) -> None:
    # an export or a sync client's download still appending whole frames: the copy's audio was not what was probed,
    # and `mediafeed tag` said "TAG002 tagging would have changed the audio itself … a bug in mediafeed or mutagen:
    # please report it" (MED004 "the file itself is damaged" where the last frame was half written). The master is
    # 2 hours long (30 MB: its copy and check take long enough for the writer to append while they run)
    part = make_media(tmp_path / "part.mp3", "mp3", 3.0, ("-write_xing", "0", "-id3v2_version", "0")).read_bytes()
    source = tmp_path / "episode.mp3"
    source.write_bytes(part * 2400)
    stop, grown = threading.Event(), threading.Event()

    def writer() -> None:
        with open(source, "ab") as handle:
            while not stop.is_set():
                handle.write(part)  # (whole frames: the file stays a good MP3 all along)
                handle.flush()
                grown.set()
                time.sleep(0.001)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    grown.wait(10)
    try:
        with pytest.raises(MediaError) as caught:
            audio.tag_copy(source, source if durable else tmp_path / "copy.mp3", audio.Tags(title="New"),
                           rel="episode.mp3", durable=durable)
    finally:
        stop.set()
        thread.join(10)
    assert caught.value.problems[0].code == "TAG003", caught.value.problems[0]


@pytest.mark.parametrize("ending", ["silence", "sound"])
def test_a_wav_ffmpeg_wrote_past_4_gb_gets_the_duration_of_all_its_data(tmp_path: Path, ending: str) -> None:
    # ffmpeg cannot write a WAV's sizes past 4 GB ("Filesize … invalid for wav, output file will be broken"): it leaves
    # the 0xFFFFFFFF it wrote first in the RIFF and data chunks, as it does into a pipe, and the audio runs to the end of
    # the file (ffprobe reads it all). Such a chunk was taken to end 4 GB in: an hour-long 8-channel recording ending in
    # silence was MED004 ("zero bytes in no chunk"), and one ending in sound read 27 hours for 33.
    made = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                           "-ac", "1", "-ar", "22050", "-c:a", "pcm_s16le", "-f", "wav", "-bitexact", "pipe:1"],
                          capture_output=True, check=True).stdout
    assert made[4:8] == made[made.index(b"data") + 4:][:4] == b"\xff\xff\xff\xff"
    path = tmp_path / "recording.wav"
    size = (5 << 30) + 44_100 * 2  # 5 GiB and 2 s more, sparse: the middle is a hole (silence: zero samples)
    with open(path, "wb") as handle:
        handle.write(made)
        if ending == "sound":
            handle.seek(size - (len(made) - 44))
            handle.write(made[44:])
        handle.truncate(size)
    data = size - made.index(b"data") - 8
    media = audio.probe(path, path.name)
    assert media.size == size and media.duration == pytest.approx(data / 2 / 22050, abs=0.01)


@pytest.mark.parametrize("writer", ["sox", "lame"])
def test_a_wav_written_to_a_pipe_past_its_writers_2_gb_size_gets_the_duration_of_all_its_data(tmp_path: Path,
                                                                                              writer: str) -> None:
    # SoX and LAME's decoder say 0x7FFFF000 and 0x7FFFFFFF bytes of data when they write a WAV into a pipe, whatever
    # comes: a recording longer than that was read to that size (3 GB of SoX's, 20 hours, read 13.5), and its chunks
    # walked on into the audio. Bytes after the said size that are no chunk are the data going on.
    made = _sox_to_a_pipe() if writer == "sox" else _lame_to_a_pipe()
    start = made.index(b"data") + 8
    path = tmp_path / "recording.wav"
    size = (3 << 30) + 44_100 * 2
    with open(path, "wb") as handle:
        handle.write(made)
        handle.seek(size - (len(made) - start))  # the middle a hole (silence), sound at the end
        handle.write(made[start:])
    media = audio.probe(path, path.name)
    assert media.size == size and media.duration == pytest.approx((size - start) / 2 / 22050, abs=0.01)
