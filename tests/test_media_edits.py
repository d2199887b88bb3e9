"""Tricky real media files, round 4: an M4A's (or a video's) length as its edit list presents it, against ffprobe's.

An AAC encoder writes priming samples before the sound (1,024 for ffmpeg, 2,112 for Apple's) and pads the last frame;
the MP4 edit list (``elst``) tells players to skip both. ffprobe, Apple's players and browsers follow it; the media's
own length (``mdhd``, what mutagen reads) counts them. Every file here is made by ffmpeg.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
from pathlib import Path

import podcastparser
import pytest
from helpers import add_episode

from mediafeed import audio
from mediafeed.audio import TagChapter, Tags, mp4
from mediafeed.build import build


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", *args], check=True)


def _ffprobe(path: Path, entry: str) -> float:
    """ffprobe's ``format=duration`` (the movie's) or ``stream=duration`` of the sound (its edit list's)."""
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", entry, "-of", "csv=p=0",
                          str(path)], capture_output=True, text=True, check=True).stdout
    return float(out.split()[0].strip(","))


def _m4a(path: Path, seconds: float, rate: int, *extra: str) -> Path:
    _ffmpeg("-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-ac", "1", "-ar", str(rate), "-c:a", "aac",
            "-b:a", "32k", *extra, str(path))
    return path


@pytest.mark.parametrize("rate", [8000, 22050, 44100, 48000])
def test_an_m4as_duration_leaves_out_the_encoders_priming_and_padding(tmp_path: Path, rate: int) -> None:
    # 2.4 s of sound at 8 kHz: 20 frames of 1,024 samples, 2.56 s of media (the priming and the last frame's padding
    # in), which the probe said and the feed rounded to 3; ffprobe and players say 2.4 s
    made = _m4a(tmp_path / "priming.m4a", 2.4, rate)
    media = audio.probe(made, made.name)
    assert media.duration == pytest.approx(_ffprobe(made, "stream=duration"), abs=0.002)
    assert media.duration == pytest.approx(2.4, abs=0.002)
    with open(made, "rb") as handle:
        [track] = mp4.tracks(handle, made.stat().st_size)
    assert track.ticks / track.timescale - media.duration > 1000 / rate  # (the media's own length: priming in)


def test_the_feed_says_the_length_players_play(show: Path) -> None:
    folder = add_episode(show, "006-priming", "title: Priming\ndate: 2026-04-01T08:00:00+00:00\nguid: priming-guid\n"
                                              "audio: priming.m4a\n", audio_name="")
    _m4a(folder / "priming.m4a", 2.4, 8000)
    build(show)
    item = next(e for e in podcastparser.parse("feed.xml", io.BytesIO((show / "public" / "feed.xml").read_bytes()))["episodes"]
                if e["guid"] == "priming-guid")
    assert item["total_time"] == 2  # (3 before: 2.56 s rounded)


@pytest.mark.parametrize("layout", [(), ("-movflags", "+faststart")])
def test_an_m4as_chapter_track_ends_with_its_sound(tmp_path: Path, layout: tuple[str, ...]) -> None:
    # The chapter track ffmpeg writes for the tags ran to the probe's length, priming in: the movie (ffprobe's
    # format duration, what apps show) grew from 2.4 s to 2.56 s, longer than its sound
    made = _m4a(tmp_path / "chapters.m4a", 2.4, 8000, *layout)
    sound = subprocess.run(["ffmpeg", "-v", "error", "-i", str(made), "-map", "0:a", "-c", "copy", "-f", "md5", "-"],
                           capture_output=True, text=True, check=True).stdout
    result = audio.tag(made, Tags(title="Chapters", chapters=(TagChapter(0, "One"), TagChapter(1000, "Two"))),
                       rel=made.name, ffmpeg=shutil.which("ffmpeg"))
    assert result.written
    assert _ffprobe(made, "format=duration") == pytest.approx(2.4, abs=0.002)
    assert audio.probe(made, made.name).duration == pytest.approx(2.4, abs=0.002)
    assert subprocess.run(["ffmpeg", "-v", "error", "-i", str(made), "-map", "0:a", "-c", "copy", "-f", "md5", "-"],
                          capture_output=True, text=True, check=True).stdout == sound


def test_a_video_gets_its_sounds_edited_length(tmp_path: Path) -> None:
    made = tmp_path / "video.mp4"
    _ffmpeg("-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=2.4", "-f", "lavfi", "-i", "sine=frequency=440:duration=2.4",
            "-ac", "1", "-ar", "8000", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "32k", str(made))
    assert audio.probe(made, made.name).duration == pytest.approx(_ffprobe(made, "stream=duration"), abs=0.002)


def _edit(path: Path, edits: list[tuple[int, int, int]]) -> None:
    """Replace the sound track's edit list (same number of edits): (duration in the movie's ticks, media time, rate)."""
    data = bytearray(path.read_bytes())
    at = data.index(b"elst") + 12  # (after the name, version, flags and the count)
    assert struct.unpack(">I", data[at - 4:at])[0] == len(edits)
    for n, (length, start, rate) in enumerate(edits):
        data[at + 12 * n:at + 12 * n + 12] = struct.pack(">Iihh", length, start, rate, 0)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("edit, expected", [((3400, 1024, 1), "media"),  # runs past the media: not believed
                                            ((2400, 1024, 2), "media"),  # twice the speed: not added up
                                            ((1000, 1024, 1), 1.0)])  # a shorter cut: what players play
def test_an_edit_list_is_believed_only_where_players_can_follow_it(tmp_path: Path, edit: tuple[int, int, int],
                                                                   expected: object) -> None:
    made = _m4a(tmp_path / "edited.m4a", 2.4, 8000)
    _edit(made, [edit])
    with open(made, "rb") as handle:
        [track] = mp4.tracks(handle, made.stat().st_size)
    assert audio.probe(made, made.name).duration == pytest.approx(
        track.ticks / track.timescale if expected == "media" else expected, abs=0.002)


def test_a_fragmented_m4a_keeps_its_fragments_length(tmp_path: Path) -> None:
    # ffmpeg's fragmented file: an edit list of the moov's samples only; the fragments are counted as before
    made = _m4a(tmp_path / "frag.m4a", 6, 8000, "-movflags", "frag_keyframe+empty_moov", "-frag_duration", "1000000")
    assert audio.probe(made, made.name).duration == pytest.approx(6.0, abs=0.3)


def _sound_md5(path: Path) -> str:
    """ffmpeg's MD5 of the sound's coded packets, as they are (no decoding)."""
    return subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:a", "-c", "copy", "-f", "md5", "-"],
                          capture_output=True, text=True, check=True).stdout


def test_an_m4a_whose_sound_starts_late_keeps_its_start_when_chapters_are_written(tmp_path: Path) -> None:
    # An M4A whose sound track begins with an empty edit (the sound cut out of a video whose sound started 1 s in, or
    # made with -itsoffset): players play a second of silence first, and ffprobe and the probe say 3.4 s. The re-mux
    # that writes the chapters moved the sound to 0 s (ffmpeg starts its output at the input's first timestamp), so
    # the copy was 2.4 s: TAG001 "the tagged copy reads as MP4/M4A of 2.4 s, not 3.4 s", a build stopped by "a bug"
    made = tmp_path / "late.m4a"
    _ffmpeg("-itsoffset", "1", "-f", "lavfi", "-i", "sine=frequency=440:duration=2.4", "-ac", "1", "-ar", "8000",
            "-c:a", "aac", "-b:a", "32k", str(made))
    assert _ffprobe(made, "format=duration") == pytest.approx(3.4, abs=0.03)
    assert audio.probe(made, made.name).duration == pytest.approx(3.4, abs=0.03)
    sound = _sound_md5(made)
    result = audio.tag(made, Tags(title="Late", chapters=(TagChapter(0, "Silence"), TagChapter(1000, "Sound"))),
                       rel=made.name, ffmpeg=shutil.which("ffmpeg"))
    assert result.written
    # (within the 32 ms ffmpeg's re-mux adds: it gives the last frame its whole 1,024 samples, in this edit list's
    # media: the same without -copyts)
    assert _ffprobe(made, "format=duration") == pytest.approx(3.4, abs=0.05)
    assert audio.probe(made, made.name).duration == pytest.approx(3.4, abs=0.05)
    assert [chapter.start for chapter in audio.probe(made, made.name).chapters] == [0.0, 1.0]
    assert _sound_md5(made) == sound
