"""The WebM reader (audio.webm), session 25: a WebM alternate was published unread (its first four bytes checked):
no duration, no picture size, no codecs, and a truncated copy went out as if whole. Real files made with ffmpeg
(VP9/Opus, AV1/Opus, a live recording's stream of unknown size), their truncations, hostile headers, and a brief
fuzz: every file gives a Media or a MediaError naming the problem, never another exception."""

from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import add_episode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediafeed.audio import webm
from mediafeed.cli import main
from mediafeed.errors import MediaError

ENCODERS = {"vp9.webm": ("-c:v", "libvpx-vp9", "-deadline", "realtime"),
            "av1.webm": ("-c:v", "libsvtav1", "-preset", "12")}


def _webm(path: Path, options: tuple[str, ...], seconds: float = 2.0, *, live: bool = False) -> Path:
    """ffmpeg's test picture (160x90) over a tone, Opus sound; ``live``: written to a pipe, as a browser's
    MediaRecorder writes it (the Segment's size unknown, no Duration)."""
    command = ["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", f"testsrc=size=160x90:rate=10:duration={seconds}",
               "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", *options, "-c:a", "libopus", "-shortest"]
    if live:
        path.write_bytes(subprocess.run([*command, "-f", "webm", "-"], check=True, capture_output=True).stdout)
    else:
        subprocess.run([*command, str(path)], check=True, capture_output=True)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("webm")
    for name, options in ENCODERS.items():
        _webm(folder / name, options)
    _webm(folder / "five-seconds.webm", ENCODERS["vp9.webm"], seconds=5)
    _webm(folder / "live.webm", ENCODERS["vp9.webm"], live=True)
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=10:duration=2",
                    "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-movflags", "+faststart", "-shortest", str(folder / "main.mp4")], check=True)
    return folder


def _ffprobe(path: Path) -> dict[str, Any]:
    done = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height,sample_rate,"
                           "channels:format=duration,bit_rate", "-of", "json", str(path)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(ENCODERS))
def test_the_reader_says_what_ffprobe_says(files: Path, name: str) -> None:
    media = webm.probe(files / name, name)
    probed = _ffprobe(files / name)
    picture = next(s for s in probed["streams"] if s["codec_type"] == "video")
    sound = next(s for s in probed["streams"] if s["codec_type"] == "audio")
    assert abs(media.duration - float(probed["format"]["duration"])) < 0.001
    assert abs(media.bitrate - int(probed["format"]["bit_rate"])) <= 1
    assert (media.width, media.height, media.video, media.mime) == (picture["width"], picture["height"], True, "video/webm")
    assert (media.picture_codec, media.codec) == ({"vp9": "vp09", "av1": "av01"}[picture["codec_name"]], sound["codec_name"])
    assert (media.sample_rate, media.channels) == (int(sound["sample_rate"]), sound["channels"])
    # the codecs parameter a browser takes: VP9's short name; AV1's needs its profile and level, so none is given
    assert webm.codecs(media) == {"vp9.webm": "vp9,opus", "av1.webm": ""}[name]


def test_a_live_recordings_webm_has_no_duration_but_is_read(files: Path) -> None:
    """A browser's MediaRecorder (and ffmpeg writing to a pipe) leaves the Segment's size unknown and writes no
    Duration: its picture and codecs are read, its duration is 0 (not known), not an error."""
    media = webm.probe(files / "live.webm", "live.webm")
    assert (media.duration, media.bitrate, media.width, media.height, media.picture_codec) == (0.0, 0, 160, 90, "vp09")


def _problem(path: Path) -> tuple[str, str]:
    with pytest.raises(MediaError) as raised:
        webm.probe(path, path.name)
    [found] = raised.value.problems
    return found.code, found.message


def test_every_truncation_is_a_clear_problem(files: Path, tmp_path: Path) -> None:
    """A copy cut short anywhere (a download that stopped) is MED004 naming the Segment that runs past the end, or
    MED005 when not even the EBML header's first bytes are there; never another exception."""
    data = (files / "vp9.webm").read_bytes()
    cut = tmp_path / "cut.webm"
    seen = set()
    for length in [*range(0, 300), *range(300, len(data), 997), len(data) - 1]:
        cut.write_bytes(data[:length])
        code, message = _problem(cut)
        seen.add(code)
        assert code == ("MED005" if length < 4 else "MED004"), (length, code, message)
    assert seen == {"MED004", "MED005"}
    cut.write_bytes(data[:len(data) // 2])
    assert _problem(cut) == ("MED004", f"the WebM file is truncated or corrupt: the Segment at offset 36 "
                                       f"({len(data) - 48} bytes) runs past the end of the file ({len(data) // 2} bytes)")


def _patched(data: bytes, element: bytes, size: bytes) -> bytes:
    """``data`` with the size of its ``element`` (an ID: the last before the first Cluster, after the SeekHead that
    names it) replaced by ``size`` (an EBML size)."""
    at = data.rindex(element, 0, data.index(b"\x1f\x43\xb6\x75")) + len(element)
    length = 9 - data[at].bit_length()
    return data[:at] + size + data[at + length:]


def test_hostile_headers_are_refused_without_reading_them(files: Path, tmp_path: Path) -> None:
    """A live recording's stream (a Segment of unknown size, so nothing bounds its children by the file) whose Tracks
    claims 2^48 bytes, an Info claiming more than the Segment, a NaN duration, a file of another DocType."""
    live = (files / "live.webm").read_bytes()
    hostile = tmp_path / "hostile.webm"
    hostile.write_bytes(_patched(live, b"\x16\x54\xae\x6b", b"\x01\x01\x00\x00\x00\x00\x00\x00"))
    code, message = _problem(hostile)
    assert code == "MED004" and "runs past the end of the file" in message
    # Tracks of 500,000 empty Void elements (1 MB): refused after 1,024 (it took 2 s and 66 MB as a list of them all)
    segment = live.index(b"\x18\x53\x80\x67")
    voids = b"\xec\x80" * 500_000
    hostile.write_bytes(live[:segment] + b"\x18\x53\x80\x67\x01" + b"\xff" * 7 + b"\x16\x54\xae\x6b\x01"
                        + len(voids).to_bytes(7, "big") + voids)
    assert _problem(hostile) == ("MED004", "the WebM file is truncated or corrupt: more than 1024 elements in one at "
                                           f"offset {segment + 12 + 12}")
    hostile.write_bytes(live[:segment] + b"\x18\x53\x80\x67\x01" + b"\xff" * 7 + b"\x16\x54\xae\x6b\x80")
    assert _problem(hostile) == ("MED006", "the WebM file has no video or audio track")
    whole = (files / "vp9.webm").read_bytes()
    at = whole.index(b"\x44\x89") + 3  # Duration: ID, size 0x88 (8 bytes), the double
    hostile.write_bytes(whole[:at] + bytes.fromhex("7ff8000000000000") + whole[at + 8:])
    assert _problem(hostile)[0] == "MED004" and "Duration" in _problem(hostile)[1]
    hostile.write_bytes(whole.replace(b"webm", b"nope", 1))
    assert _problem(hostile) == ("MED005", "its type says WebM, but its DocType is 'nope', not 'webm'")
    hostile.write_bytes((files / "main.mp4").read_bytes())
    assert _problem(hostile) == ("MED005", "its type says WebM, but its content looks like an unknown format")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_damaged_files_give_media_or_a_problem_never_a_crash(files: Path, tmp_path: Path, data: st.DataObject) -> None:
    """Bytes of real files changed, dropped or cut where the reader looks (the first 400 bytes: headers, Info,
    Tracks): every result is a Media of sane figures or a MediaError."""
    name = data.draw(st.sampled_from([*sorted(ENCODERS), "live.webm"]))
    original = bytearray((files / name).read_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        if len(original) < 5:
            break
        at = data.draw(st.integers(0, min(400, len(original) - 1)))
        action = data.draw(st.sampled_from(["byte", "drop", "ones", "cut"]))
        if action == "byte":
            original[at] = data.draw(st.integers(0, 255))
        elif action == "drop":
            del original[at:at + data.draw(st.integers(1, 16))]
        elif action == "ones":
            original[at:at + 8] = b"\x01\xff\xff\xff\xff\xff\xff\xff"
        else:
            del original[at + 4:]
    damaged = tmp_path / "damaged.webm"
    damaged.write_bytes(bytes(original))
    try:
        media = webm.probe(damaged, "damaged.webm")
    except MediaError as exc:
        assert exc.problems[0].code in ("MED004", "MED005", "MED006") and exc.problems[0].message
        return
    assert 0 <= media.duration <= webm.LONGEST and 0 <= media.width <= 65536 and 0 <= media.height <= 65536
    assert len(media.picture_codec) <= 32 and len(media.codec) <= 32


def _check(show: Path) -> list[dict[str, str]]:
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    return [p for p in json.loads(result.output)["problems"] if p["episode"] == "080-webm"]


def _episode(show: Path, files: Path, alternate: Path, more: str = "") -> None:
    folder = add_episode(show, "080-webm", f"""
title: Video with WebM
date: 2026-03-20T08:00:00+00:00
guid: {uuid.uuid5(uuid.NAMESPACE_URL, "080-webm")}
audio: main.mp4
alternate_enclosures:
  - file: {alternate.name}
    title: WebM{more}
""", audio_name="")
    (folder / "main.mp4").write_bytes((files / "main.mp4").read_bytes())
    (folder / alternate.name).write_bytes(alternate.read_bytes())


def test_check_says_a_webm_alternate_is_truncated(show: Path, files: Path, tmp_path: Path) -> None:
    """A WebM alternate cut short passed check and was published whole-looking; now MED004 names it."""
    cut = tmp_path / "cut.webm"
    cut.write_bytes((files / "vp9.webm").read_bytes()[:10_000])
    _episode(show, files, cut)
    found = [(p["code"], p["severity"], p["field"]) for p in _check(show)]
    assert found == [("MED004", "error", "alternate_enclosures")]


def test_check_compares_a_webm_alternates_length_with_the_main_files(show: Path, files: Path) -> None:
    """A 5 s WebM beside a 2 s MP4 (another cut) passed without a word; now a warning (MED036). The same length
    and a live recording's WebM (which does not say its length) pass."""
    _episode(show, files, files / "five-seconds.webm")
    [found] = _check(show)
    assert (found["code"], found["severity"]) == ("MED036", "warning")
    assert "00:00:05 long, the episode's file 00:00:02" in found["message"]
    for name in ("vp9.webm", "live.webm"):
        _episode(show, files, files / name)
        assert _check(show) == [], name


@pytest.mark.parametrize("more", ["\n    lang: fr", "\n    rel: sign-language"])
def test_an_alternate_that_is_other_content_may_have_another_length(show: Path, files: Path, more: str) -> None:
    """A dubbed version (``lang:`` other than the show's) or one grouped apart (``rel:``) runs its own length: no
    MED036. The same file with the show's own language is still compared."""
    _episode(show, files, files / "five-seconds.webm", more)
    assert _check(show) == []
    _episode(show, files, files / "five-seconds.webm", "\n    lang: en-GB")
    assert [p["code"] for p in _check(show)] == ["MED036"]
