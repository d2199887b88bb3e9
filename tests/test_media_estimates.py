"""Durations a format does not store, which mutagen and ffprobe estimate from the first frames' bitrate.

A raw AAC (ADTS) file says nowhere how long it is. AAC's bitrate follows the sound, so an estimate from the first
frames is as wrong as an MP3's without a Xing header: the frames are counted instead, and compared here with the
packets ffprobe counts (``-count_packets``: 1,024 samples each), not with its estimated duration.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from mediafeed import audio


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", *args], check=True)


def _packets_seconds(path: Path) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-count_packets", "-show_entries", "stream=nb_read_packets,sample_rate",
                          "-of", "csv=p=0", str(path)], capture_output=True, text=True, check=True).stdout.strip()
    rate, packets = out.split(",")
    return int(packets) * 1024 / int(rate)


@pytest.mark.parametrize("order", ["silence-first", "silence-last"])
def test_raw_aac_gets_the_duration_of_its_frames_not_an_estimate(tmp_path: Path, order: str) -> None:
    # 5 s of silence and 10 s of noise, VBR (-q:a): the silence takes a few bytes a frame, the noise many. mutagen
    # estimated 554 s for the first and 10 s for the second (15 s each); the feed said so
    silence = ["-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono:d=5"]
    noise = ["-f", "lavfi", "-i", "anoisesrc=d=10:r=44100:a=0.5"]
    inputs = silence + noise if order == "silence-first" else noise + silence
    path = tmp_path / "episode.aac"
    _ffmpeg(*inputs, "-filter_complex", "[0][1]concat=n=2:v=0:a=1", "-c:a", "aac", "-q:a", "2", "-f", "adts", str(path))
    media = audio.probe(path, "episode.aac")
    assert media.kind == "aac" and media.duration == pytest.approx(_packets_seconds(path), abs=0.001)
    assert media.duration == pytest.approx(15.0, abs=0.1)
    assert media.bitrate == int(path.stat().st_size * 8 / media.duration)


def test_raw_aac_behind_an_id3_tag_and_before_an_id3v1_tag_counts_its_frames_alone(tmp_path: Path) -> None:
    # (an HLS segment or a tagger's file: ID3v2 in front, ID3v1 at the end; neither is a frame)
    plain = tmp_path / "plain.aac"
    _ffmpeg("-f", "lavfi", "-i", "anoisesrc=d=3:r=44100:a=0.5", "-c:a", "aac", "-b:a", "64k", "-f", "adts", str(plain))
    frames = plain.read_bytes()
    tagged = tmp_path / "tagged.aac"
    tag = b"TIT2" + (11).to_bytes(4, "big") + b"\0\0" + b"\0Old title!"
    tagged.write_bytes(b"ID3\x03\x00\x00" + len(tag).to_bytes(4, "big") + tag + frames
                       + b"TAG" + b"Old title".ljust(125, b"\0"))
    assert audio.probe(tagged, "tagged.aac").duration == pytest.approx(_packets_seconds(plain), abs=0.001)
