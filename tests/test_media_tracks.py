"""MP4 files with more sound tracks than one, or with their sound marked disabled (MED037).

OBS records a track per microphone beside the mix, editors export a commentary track: an MP4 of several sound tracks.
Apps play one (Apple's the one the track header marks enabled; ffmpeg enables the "default" one), and the feed's
duration came from the first, silently (now the enabled one's). A track marked disabled "is treated as if it were not present" (ISO/IEC
14496-12 8.3.2). Each file is made by ffmpeg; the disabled flag is set by hand, as a tool that writes it leaves it.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_audio_probe import _checked, _use_audio, fixtures  # noqa: F401 - the fixtures
from test_media_corpus import _run_hint

from mediafeed import audio
from mediafeed.errors import MediaError


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", *args], check=True)


def _two_tracks(path: Path, default: int) -> Path:
    """2 s of sound, then a 4 s second sound track (a commentary), ``default`` (0 or 1) the one ffmpeg enables."""
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-f", "lavfi", "-i", "sine=frequency=880:duration=4",
            "-map", "0", "-map", "1", "-c:a", "aac", "-b:a", "32k", f"-disposition:a:{default}", "default",
            f"-disposition:a:{1 - default}", "0", "-movflags", "+faststart", str(path))
    return path


def _enabled_flags(path: Path) -> list[bool]:
    data = path.read_bytes()
    flags, at = [], data.find(b"tkhd")
    while at > 0:
        flags.append(bool(data[at + 7] & 1))
        at = data.find(b"tkhd", at + 4)
    return flags


@pytest.mark.parametrize("default", [0, 1], ids=["first-enabled", "second-enabled"])
def test_an_m4a_of_two_sound_tracks_is_a_warning_whose_fix_keeps_the_one_apple_plays(show: Path, tmp_path: Path,
                                                                                     default: int) -> None:
    source = _two_tracks(tmp_path / "tracks.m4a", default)
    assert _enabled_flags(source) == [default == 0, default == 1]
    media = audio.probe(source, "tracks.m4a")
    assert (media.sound_tracks, media.enabled_sound) == (2, default)
    # the duration of the track Apple's players play, the enabled one (it was the first's: 2 s for the second's 4 s,
    # and the fix below, which keeps that track, then changed the episode's duration)
    assert media.duration == pytest.approx(4.0 if default else 2.0, abs=0.05)
    _use_audio(show, "002-learning-alliances", source)
    [warning] = _checked(show, "MED037")[1]
    assert warning["severity"] == "warning" and warning["message"].startswith("the file has 2 sound tracks")
    assert ("the second" in warning["message"]) == (default == 1)
    assert ("the feed's duration is that one's" in warning["message"]) == (default == 1)
    fixed = _run_hint(warning["hint"], source, tmp_path / "out.m4a")
    kept = audio.probe(fixed, "out.m4a")
    assert (kept.sound_tracks, kept.enabled_sound) == (1, 0)
    assert kept.duration == pytest.approx(4.0 if default else 2.0, abs=0.05)  # the track Apple's players played
    _use_audio(show, "002-learning-alliances", fixed)
    assert _checked(show, "MED037")[1] == []


def test_a_sound_track_marked_disabled_is_a_warning_whose_fix_enables_it(show: Path, tmp_path: Path) -> None:
    source = tmp_path / "muted.m4a"
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac", "-b:a", "32k", "-movflags", "+faststart",
            str(source))
    data = bytearray(source.read_bytes())
    at = data.find(b"tkhd")
    data[at + 7] &= 0xFE  # track_enabled off (the low bit of the flags)
    source.write_bytes(bytes(data))
    assert _enabled_flags(source) == [False]
    assert audio.probe(source, "muted.m4a").enabled_sound == -1
    _use_audio(show, "002-learning-alliances", source)
    [warning] = _checked(show, "MED037")[1]
    assert warning["message"].startswith("its sound track is marked disabled")
    fixed = _run_hint(warning["hint"], source, tmp_path / "out.m4a")
    assert _enabled_flags(fixed) == [True]
    _use_audio(show, "002-learning-alliances", fixed)
    assert _checked(show, "MED037")[1] == []


def test_an_ordinary_m4a_and_video_have_one_enabled_sound_track(fixtures: Path) -> None:  # noqa: F811
    for name in ("aac.m4a", "video.mp4", "fragmented-video.mp4", "alac.m4a"):
        media = audio.probe(fixtures / name, name)
        assert (media.sound_tracks, media.enabled_sound) == (1, 0), name
    assert audio.probe(fixtures / "cbr-info.mp3", "cbr-info.mp3").sound_tracks == 0


def test_an_ogg_video_whose_vorbis_sound_is_not_its_first_stream_is_tagged(tmp_path: Path) -> None:
    # An Ogg file of several streams side by side (multiplexed): a Theora video with its Vorbis sound. mutagen tags the
    # Vorbis stream; the payload check took the file's first stream (the picture's) for the tagged one and every page
    # of the others as they were, the Vorbis comment header included, so the new comment "changed the audio":
    # TAG002, "a bug in mediafeed or mutagen", and the build stopped
    path = tmp_path / "multiplexed.ogg"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=2", "-f", "lavfi", "-i",
            "sine=frequency=440:duration=2", "-map", "0", "-map", "1", "-c:v", "libtheora", "-c:a", "libvorbis", str(path))
    assert audio.probe(path, path.name).kind == "ogg-vorbis"
    before = audio.payload_digest(path, "ogg-vorbis")
    streams = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0", "-c", "copy", "-f", "md5", "-"],
                             capture_output=True, text=True, check=True).stdout
    result = audio.tag(path, audio.Tags(title="Multiplexed"), rel=path.name)
    assert result.written
    assert audio.probe(path, path.name).tags["title"] == "Multiplexed"
    assert audio.payload_digest(path, "ogg-vorbis") == before
    assert subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0", "-c", "copy", "-f", "md5", "-"],
                          capture_output=True, text=True, check=True).stdout == streams


def _boxes(data: bytes) -> list[list[Any]]:
    """An MP4's boxes as [name, body] pairs, the containers down to a track's tables parsed into such lists."""
    found, at = [], 0
    while at + 8 <= len(data):
        size, name = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + size]
        found.append([name, _boxes(body) if name in _PARENTS else body])
        at += size
    return found


_PARENTS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"tref", b"edts", b"udta", b"dinf"}


def _written(found: list[list[Any]]) -> bytes:
    return b"".join(struct.pack(">I4s", 8 + len(body := _written(value) if isinstance(value, list) else value), name) + body
                    for name, value in found)


def _enhanced_podcast(path: Path) -> Path:
    """An M4A with chapter images, as Apple's tools write an enhanced podcast: 4 s of sound whose ``tref/chap`` names a
    text track of two chapter titles and a disabled picture track of a JPEG per chapter. ffmpeg writes the text track
    (and a JPEG track as an ordinary video); the picture track is named and disabled by hand. The index stays last
    (ffmpeg's default), so the boxes grow without moving any media."""
    meta = path.with_suffix(".txt")
    meta.write_text(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=2000\ntitle=One\n"
                    "[CHAPTER]\nTIMEBASE=1/1000\nSTART=2000\nEND=4000\ntitle=Two\n", encoding="utf-8")
    made = path.with_suffix(".made.m4a")
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=4", "-f", "lavfi", "-i", "color=red:size=320x320:rate=0.5:duration=4",
            "-i", str(meta), "-map", "0:a", "-map", "1:v", "-map_chapters", "2", "-c:a", "aac", "-b:a", "32k", "-c:v", "mjpeg",
            "-f", "mp4", "-brand", "M4A ", str(made))
    top = _boxes(made.read_bytes())
    traks = [value for name, value in next(v for n, v in top if n == b"moov") if name == b"trak"]

    def part(trak: list[list[Any]], name: bytes) -> list[Any]:
        return next(box for box in trak if box[0] == name)

    def handler(trak: list[list[Any]]) -> bytes:
        return bytes(part(part(trak, b"mdia")[1], b"hdlr")[1][8:12])

    sound = next(t for t in traks if handler(t) == b"soun")
    picture = next(t for t in traks if handler(t) == b"vide")
    header = part(picture, b"tkhd")
    picture_id = struct.unpack(">I", header[1][12:16])[0]
    header[1] = header[1][:1] + b"\0\0\0" + header[1][4:]  # disabled, as Apple's chapter image tracks are
    chap = part(part(sound, b"tref")[1], b"chap")
    chap[1] += struct.pack(">I", picture_id)  # the text track, then the pictures
    path.write_bytes(_written(top))
    made.unlink()
    meta.unlink()
    return path


def test_an_m4a_with_chapter_images_is_sound_with_chapters_not_a_video(tmp_path: Path) -> None:
    # Apple's tools write an enhanced podcast's chapter images as a picture track its sound track names in tref/chap
    # (ffprobe shows it as a video stream). The probe took it for a video: the feed's type video/mp4 for an .m4a, a
    # video player on the page, and the picture checks on 320x320 chapter art.
    source = _enhanced_podcast(tmp_path / "enhanced.m4a")
    media = audio.probe(source, "enhanced.m4a")
    assert (media.video, media.mime, media.width, media.picture_codec) == (False, "audio/x-m4a", 0, "")
    assert [(c.start, c.title) for c in media.chapters] == [(0.0, "One"), (2.0, "Two")]
    # new chapters need ffmpeg's re-mux, which cannot write the images ("Could not find tag for codec mjpeg"): TAG004
    # said only "Error initializing output stream 0:1 --"; it names the images now, and its fix makes a file that tags
    copy = tmp_path / "copy.m4a"
    shutil.copyfile(source, copy)
    new = audio.Tags(title="Enhanced", chapters=(audio.TagChapter(0, "Intro"), audio.TagChapter(1000, "Later")))
    with pytest.raises(MediaError) as caught:
        audio.tag(copy, new, rel="copy.m4a")
    problem = caught.value.problems[0]
    assert problem.code == "TAG004" and "chapters have images" in problem.message, problem
    assert copy.read_bytes() == source.read_bytes()
    fixed = _run_hint(problem.hint, source, tmp_path / "out.m4a")
    assert audio.tag(fixed, new, rel="out.m4a").written
    assert [c.title for c in audio.probe(fixed, "out.m4a").chapters] == ["Intro", "Later"]


@pytest.mark.parametrize("layout, channels", [("mono", 1), ("stereo", 2), ("5.1", 6)])
def test_an_aac_tracks_channels_are_the_ones_its_config_says(tmp_path: Path, layout: str, channels: int) -> None:
    # ffmpeg's AudioSpecificConfig says "no SBR" (the 0x2B7 sync extension, its flag 0), so no Parametric Stereo either;
    # mutagen still reads a mono file's channels as unknown (implicit PS could make it stereo) and falls back on the
    # sample entry's count, which ffmpeg writes as the MP4 template's 2: mono AAC was said to be stereo (ffprobe: 1)
    path = tmp_path / f"{layout}.m4a"
    _ffmpeg("-f", "lavfi", "-i", f"sine=frequency=440:duration=1,aformat=channel_layouts={layout}", "-c:a", "aac",
            "-b:a", "64k", str(path))
    said = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=channels", "-of", "csv=p=0", str(path)],
                          capture_output=True, text=True, check=True).stdout
    assert int(said) == channels
    assert audio.probe(path, path.name).channels == channels
    video = tmp_path / f"{layout}.mp4"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x64:rate=5:duration=1", "-i", str(path), "-c:v", "libx264", "-preset",
            "ultrafast", "-c:a", "copy", str(video))
    assert audio.probe(video, video.name).channels == channels
