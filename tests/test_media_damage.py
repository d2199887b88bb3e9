"""Tricky real media, session 20: damage in the middle of an MP3, big tags at its end, and what probes disagree on.

Each test reproduces what a producer's file did to ``add``, ``check``, ``tag`` or ``build``: the file is made by
ffmpeg or lame (its odd part by hand, as a broken copy or the tool that wrote it would), and the result is compared
with what ffprobe, ffmpeg's decoder and mutagen say of it.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import add_episode

from mediafeed import audio
from mediafeed.audio import Tags, mpeg
from mediafeed.cli import main


def _mp3(path: Path, seconds: float = 20.0, *options: str) -> Path:
    """A speech-like MP3 with LAME's Info header (ffmpeg's default), no ID3 tag."""
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
                    "-ac", "1", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "0", *options,
                    str(path)], check=True)
    return path


def _decode_errors(path: Path) -> list[str]:
    done = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-f", "null", "-"],
                          capture_output=True, text=True, check=False)
    return done.stderr.splitlines()


def _decoded_seconds(path: Path) -> float:
    """How long ffmpeg's decode of the file plays (its last ``time=``), the truth players follow."""
    done = subprocess.run(["ffmpeg", "-nostdin", "-i", str(path), "-f", "null", "-"], capture_output=True, text=True,
                          check=False)
    clock = done.stderr.rsplit("time=", 1)[1].split()[0]
    hours, minutes, seconds = clock.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _spliced(frames: bytes, at: int, junk: bytes) -> bytes:
    return frames[:at] + junk + frames[at:]


def _problems(show: Path, command: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(main, [command, "--show", str(show), "--format", "json"])
    return json.loads(result.output)["problems"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("xing", ["1", "0"], ids=["info-header", "no-header"])
def test_garbage_longer_than_64_kb_between_frames_does_not_end_the_frame_walk(show: Path, tmp_path: Path,
                                                                             xing: str) -> None:
    # 200 KB of garbage spliced into the middle (a broken copy): the walk looked for the next frame within 64 KB of it,
    # gave up, and counted the rest of the file as junk, so the feed said 10 s for 20 s of audio that ffmpeg decodes
    # (and MED025 blamed the Xing header, which was right). check now says what is wrong (MED033).
    clean = _mp3(tmp_path / "clean.mp3", 20.0, "-write_xing", xing)
    frames = clean.read_bytes()
    folder = add_episode(show, "006-damaged", "title: Damaged\ndate: 2026-04-01T08:00:00+00:00\nguid: damaged-guid\n"
                                              "audio: damaged.mp3\n", audio_name="")
    damaged = folder / "damaged.mp3"
    damaged.write_bytes(_spliced(frames, len(frames) // 2, random.Random(5).randbytes(200_000)))
    assert _decode_errors(damaged)  # ffmpeg: "Header missing"
    media = audio.probe(damaged, "damaged.mp3")
    # every frame of the clean file (ffmpeg decodes those, and some of the garbage as noise: 20.7 s)
    assert abs(media.duration - _decoded_seconds(clean)) < 0.05 and _decoded_seconds(damaged) >= media.duration
    assert media.declared == 0.0  # the header was right: no MED025
    assert media.gap == 200_000 and abs(media.gap_at - 10.0) < 0.1
    found = [p for p in _problems(show, "check") if p["code"] in ("MED033", "MED025")]
    assert [(p["code"], p["severity"]) for p in found] == [("MED033", "warning")]
    assert found[0]["message"].startswith("200,000 bytes between its audio frames are no audio (the first at 00:00:10)")


@pytest.mark.parametrize("junk", ["split-frame", "random", "overwritten"])
def test_a_few_kb_of_garbage_in_an_mp3_with_a_xing_header_is_found_when_it_is_tagged(show: Path, tmp_path: Path,
                                                                                      junk: str) -> None:
    # 4 KB spliced between the frames (or written over them) of an MP3 whose Info header counts its frames: the
    # probe trusts the count (no walk: that keeps probing fast), so add, check, tag and build published it without a
    # word, though ffmpeg reports "Header missing" there and players skip it with a click or a gap. The build's
    # tagging pass now walks the frames once, when it makes the copy, and warns (MED033), again on every rebuild.
    frames = _mp3(tmp_path / "clean.mp3").read_bytes()
    middle = mpeg.first_frame(frames, len(frames) // 2, len(frames)) + 100  # inside a frame
    spliced = {"split-frame": _spliced(frames, middle, bytes(4096)),  # zeros in a frame: its second part is no frame
               "random": _spliced(frames, middle, random.Random(7).randbytes(4096)),
               "overwritten": frames[:middle] + random.Random(7).randbytes(4096) + frames[middle + 4096:]}[junk]
    folder = add_episode(show, "006-damaged", "title: Damaged\ndate: 2026-04-01T08:00:00+00:00\nguid: damaged-guid\n"
                                              "audio: damaged.mp3\n", audio_name="")
    source = folder / "damaged.mp3"
    source.write_bytes(spliced)
    assert _decode_errors(source) or junk == "split-frame"  # (ffmpeg decodes that one's pieces without a word)
    media = audio.probe(source, "damaged.mp3")
    assert abs(media.duration - 20.0) < 0.1
    assert [p for p in _problems(show, "check") if p["code"] == "MED033"] == []  # (check does not walk: documented)
    if junk == "overwritten":  # the header counts exactly the bytes there are: not walked, nor by tagging (documented)
        assert media.gap == 0
        assert [p for p in _problems(show, "build") if p["code"] == "MED033"] == []
        return
    assert media.gap == -1  # not walked: the header counts the frames, and fewer bytes than the file has
    for build in ("first", "rebuild"):
        found = [p for p in _problems(show, "build") if p["code"] == "MED033"]
        assert [(p["file"], p["severity"], p["episode"]) for p in found] == \
            [("episodes/006-damaged/damaged.mp3", "warning", "006-damaged")], build
        assert " bytes between its audio frames are no audio (the first at 00:00:10)" in found[0]["message"]
        assert "Header missing" in found[0]["message"] and "export the episode again" in found[0]["hint"]
    # `mediafeed tag` makes the same pass over the master
    tagged = [p for p in _problems(show, "tag") if p["code"] == "MED033"]
    assert [p["file"] for p in tagged] == ["episodes/006-damaged/damaged.mp3"]


def test_a_clean_mp3_and_a_joined_files_own_tag_are_no_damage(show: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # the walk made with the copy finds nothing in a clean file; an ID3 tag between two joined files is the join's
    # (MED025 tells of it, when the header says so), not damage
    frames = _mp3(tmp_path / "clean.mp3").read_bytes()
    result = audio.tag_copy(tmp_path / "clean.mp3", tmp_path / "copy.mp3", Tags(title="Clean"), durable=False,
                            fresh=True)
    assert result.written and result.gap == (0, 0.0)
    # its Info header counts exactly its bytes: not walked at all (a walk doubled a real-size cold build's tagging)
    assert audio.probe(tmp_path / "clean.mp3", "clean.mp3").gap == 0
    walks: list[object] = []
    real = mpeg.scan_data
    monkeypatch.setattr(mpeg, "scan_data", lambda data, full=True: walks.append(full) or real(data, full))
    audio.tag_copy(tmp_path / "clean.mp3", tmp_path / "copy2.mp3", Tags(title="Clean"), durable=False, fresh=True)
    assert True not in walks
    monkeypatch.undo()
    second = _mp3(tmp_path / "second.mp3", 3.0, "-id3v2_version", "3", "-metadata", "title=Second part").read_bytes()
    joined = tmp_path / "joined.mp3"
    joined.write_bytes(frames + second)
    assert _decode_errors(joined)  # (ffmpeg: "Header missing" at the second file's tag)
    scan = mpeg.scan(joined)
    assert scan is not None and scan.junk > 0 and scan.gap == 0
    assert audio.tag_copy(joined, tmp_path / "joined-copy.mp3", Tags(title="Joined")).gap == (0, 0.0)
