"""Tricky real media, session 19: tags at the end of an MP3 that are not ours, damaged masters, odd containers.

Each test reproduces what a producer's file did to ``tag`` or ``build``: the file is made by ffmpeg or lame (its
odd part by hand, as the tool that wrote it would), and the result is read by mutagen, ffprobe and ffmpeg.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from mutagen.apev2 import APEv2
from mutagen.id3 import ID3
from test_media_corpus import ID3V1, _audio_md5, _ffprobe_title, _syncsafe, bare_mp3  # noqa: F401 - bare_mp3: a fixture

from mediafeed import audio
from mediafeed.audio import Tags, mpeg


def _appended_id3v24(title: str) -> bytes:
    """An ID3v2.4 tag to append after the audio: its header says a footer follows (flag 0x10), and the footer
    (``3DI``, the header's version, flags and size) lets a reader find it from the end; ID3v2.4 section 3.4/5."""
    body = b"\x03" + title.encode()
    frames = b"TIT2" + _syncsafe(len(body)) + b"\0\0" + body
    head = b"\x04\x00\x10" + _syncsafe(len(frames))
    return b"ID3" + head + frames + b"3DI" + head


def _ape(title: str) -> bytes:
    out = io.BytesIO()
    tag = APEv2()
    tag["Title"] = title
    tag.save(out)
    return out.getvalue()


_LYRICS3 = b"LYRICSBEGININD0000200LYR00011Hello words000040LYRICS200"

TAILS = {  # what some taggers leave after the audio, in the orders they leave it
    "appended": lambda: _appended_id3v24("Appended title"),
    "appended-id3v1": lambda: _appended_id3v24("Appended title") + ID3V1,
    "ape-appended-id3v1": lambda: _ape("Old APE title") + _appended_id3v24("Appended title") + ID3V1,
    "appended-ape-lyrics3-id3v1": lambda: _appended_id3v24("Appended title") + _ape("Old APE title") + _LYRICS3 + ID3V1,
}


@pytest.mark.parametrize("durable", [True, False], ids=["tag-in-place", "build-copy-in-memory"])
@pytest.mark.parametrize("tail", list(TAILS))
def test_an_id3v2_tag_appended_after_the_audio_is_left_out_of_the_tagged_copy(bare_mp3: bytes, tmp_path: Path,  # noqa: F811
                                                                              tail: str, durable: bool) -> None:
    # Some tools append an ID3v2.4 tag (with its "3DI" footer) after the audio. It counted as audio: the tagged copy
    # kept it after the last frame (ffmpeg: "Header missing" decoding it, players reading the end saw its old title),
    # and a file without a Xing header counted its bytes into the duration's walk as junk.
    trailer = TAILS[tail]()
    source = tmp_path / "appended.mp3"
    bare = tmp_path / "bare.mp3"
    bare.write_bytes(bare_mp3)
    source.write_bytes(bare_mp3 + trailer)
    assert mpeg.payload_span(source.read_bytes()) == (0, len(bare_mp3))  # the payload: the frames alone
    probed = audio.probe(source, "appended.mp3")
    wanted = Tags(title="New title", album="Show", id3_version="2.3")
    target = source if durable else tmp_path / "copy.mp3"
    result = audio.tag_copy(source, target, wanted, rel="appended.mp3", durable=durable, fresh=not durable)
    assert result.written
    old = next(c.old for c in result.changes if c.field == "id3_version")
    assert "an ID3v2 tag appended after the audio" in old
    data = target.read_bytes()
    assert b"Appended title" not in data and b"3DI" not in data and b"Old APE title" not in data
    start, end = mpeg.payload_span(data)
    assert data[start:end] == bare_mp3 and start == ID3(target).size
    # the APEv2 tag (brought in step), Lyrics3 block and ID3v1 tag stay, after the last frame
    assert (b"APETAGEX" in data[end:], _LYRICS3 in data[end:], data[-128:-125] == b"TAG") == \
        ("ape" in tail, "lyrics3" in tail, "id3v1" in tail)
    decoded = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(target), "-f", "null", "-"],
                             capture_output=True, text=True, check=True)
    assert decoded.stderr == ""
    assert _ffprobe_title(target) == "New title" and _audio_md5(target) == _audio_md5(bare)
    assert abs(audio.probe(target, "copy.mp3").duration - probed.duration) < 1e-6
    assert audio.tag_copy(target, tmp_path / "again.mp3", wanted, dry_run=True).changes == []


def test_an_appended_tag_is_not_counted_into_the_duration_of_a_file_without_a_xing_header(tmp_path: Path) -> None:
    # without a Xing/Info header the frames are walked: the appended tag was 1,000 bytes of "junk" between frames
    source = tmp_path / "no-xing.mp3"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                    "-ar", "22050", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "32k", "-write_xing", "0",
                    "-id3v2_version", "0", str(source)], check=True)
    frames = source.read_bytes()
    source.write_bytes(frames + _appended_id3v24("Appended title" + "x" * 1000))
    scan = mpeg.scan(source)
    assert scan is not None and scan.junk == 0 and scan.end == len(frames)
    assert scan.duration == pytest.approx(mpeg.scan_data(frames).duration)  # type: ignore[union-attr]
