"""Tricky real media files producers bring (what their editor or tagger exported), each made in tmp_path.

Each test here reproduces a defect found by running such files through probe, tag and build: the file is
made by ffmpeg (and its tag by hand, as the tagger that wrote it would), the result is read by mutagen and
ffprobe, and the sound is compared by ffmpeg.
"""

from __future__ import annotations

import hashlib
import io
import json
import shlex
import struct
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import feedparser
import podcastparser
import pytest
from click.testing import CliRunner
from helpers import add_episode, make_media
from mutagen import File as MutagenFile
from mutagen.id3 import APIC, CHAP, COMM, CTOC, ID3, TDRC, TIT2, TYER, CTOCFlags
from test_audio_probe import _checked, _use_audio

from mediafeed import audio
from mediafeed.audio import TagChapter, Tags, mp4, mp4chapters, mpeg
from mediafeed.build import build
from mediafeed.cli import main
from mediafeed.errors import MediaError


def _syncsafe(size: int) -> bytes:
    return bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))


@pytest.fixture(scope="module")
def bare_mp3(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Six seconds of MP3 frames (with LAME's Info header), no ID3 tag."""
    path = tmp_path_factory.mktemp("corpus") / "bare.mp3"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=6",
                    "-ac", "1", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "0", str(path)],
                   check=True)
    return path.read_bytes()


def _with_footer(frames: bytes) -> bytes:
    """An ID3v2.4 tag with a footer (header flag 0x10, then ``3DI`` and the header's size after the frames), as
    taggers that also append tags at the end write it; ID3v2.4 section 3.4."""
    body = b"\x03Footer title"
    tag = b"TIT2" + _syncsafe(len(body)) + b"\0\0" + body
    return b"ID3\x04\x00\x10" + _syncsafe(len(tag)) + tag + b"3DI\x04\x00\x10" + _syncsafe(len(tag)) + frames


def _audio_md5(path: Path) -> str:
    """The MPEG stream as ffmpeg demuxes it (no decoding): equal when every audio frame is the same."""
    out = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a", "-c", "copy", "-f", "md5", "-"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


@pytest.mark.parametrize("durable", [True, False], ids=["on-disk", "build-copy-in-memory"])
def test_an_id3v24_tag_with_a_footer_is_replaced_footer_and_all(bare_mp3: bytes, tmp_path: Path, durable: bool) -> None:
    # mutagen's save replaced the header and frames but left the 10-byte footer in front of the audio: the payload
    # check refused every copy (TAG002, "a bug"), so `tag` and `build` failed on a valid ID3v2.4 file.
    source = tmp_path / "footer.mp3"
    source.write_bytes(_with_footer(bare_mp3))
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    assert audio.probe(source, "footer.mp3").tags["title"] == "Footer title"
    target = tmp_path / "tagged.mp3"
    result = audio.tag_copy(source, target, Tags(title="New title", album="Show"), rel="footer.mp3",
                            durable=durable, fresh=not durable)
    assert result.written
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    data = target.read_bytes()
    assert b"3DI" not in data[:len(data) - len(bare_mp3)]
    assert data.endswith(bare_mp3)  # every audio byte, right after the new tag and its padding
    assert ID3(target)["TIT2"].text == ["New title"]
    assert audio.probe(target, "tagged.mp3").lead == 0
    assert _audio_md5(target) == _audio_md5(source)


def test_tagging_a_footer_tag_in_place_keeps_the_sound(bare_mp3: bytes, tmp_path: Path) -> None:
    source = tmp_path / "footer.mp3"
    source.write_bytes(_with_footer(bare_mp3))
    md5 = _audio_md5(source)
    assert audio.tag(source, Tags(title="In place"), rel="footer.mp3").written
    assert ID3(source)["TIT2"].text == ["In place"]
    assert source.read_bytes().endswith(bare_mp3)
    assert _audio_md5(source) == md5


def _id3v23(title: str) -> bytes:
    """An ID3v2.3 tag holding only a title (Latin-1), as mutagen writes it."""
    tag = ID3()
    tag.add(TIT2(encoding=0, text=title))
    out = io.BytesIO()
    tag.save(out, v2_version=3, padding=lambda info: 64)
    return out.getvalue()


ID3V1 = b"TAG" + b"Old v1 title".ljust(30, b"\0") + bytes(95)


@pytest.mark.parametrize("durable", [True, False], ids=["on-disk", "build-copy-in-memory"])
@pytest.mark.parametrize("trailer", [b"", ID3V1], ids=["id3write", "mutagen-save"])  # an ID3v1 tag: mutagen saves it
def test_a_second_stale_id3v2_tag_after_the_first_is_dropped_from_the_tagged_copy(bare_mp3: bytes, tmp_path: Path,
                                                                                   durable: bool, trailer: bytes) -> None:
    # A tool prepended its tag without removing the old one. The copy replaced the first tag and kept the second,
    # stale one between the new tag and the audio (players may read it; the audio starts later than the tag says).
    source = tmp_path / "two-tags.mp3"
    source.write_bytes(_id3v23("Prepended title") + _id3v23("Stale title") + bare_mp3 + trailer)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    probed = audio.probe(source, "two-tags.mp3")
    assert probed.tags["title"] == "Prepended title"
    target = tmp_path / "tagged.mp3"
    result = audio.tag_copy(source, target, Tags(title="New title", id3_version="2.3"), rel="two-tags.mp3",
                            durable=durable, fresh=not durable)
    assert result.written
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    data = target.read_bytes()
    assert b"Stale title" not in data and b"Prepended title" not in data
    start, end = mpeg.payload_span(data)  # our one tag, then its padding, then every audio byte as it was
    assert data[start:end] == bare_mp3 and len(data) - end == len(trailer)  # (mutagen updates the ID3v1 tag)
    assert start == ID3(target).size  # the audio starts where our tag (header included) ends
    assert ID3(target)["TIT2"].text == ["New title"]
    tagged = audio.probe(target, "tagged.mp3")
    assert (tagged.lead, tagged.duration) == (0, probed.duration)
    assert _audio_md5(target) == _audio_md5(source)


def test_a_stale_second_id3v2_tag_is_a_change_even_when_the_first_holds_every_wanted_tag(bare_mp3: bytes,
                                                                                         tmp_path: Path) -> None:
    source = tmp_path / "two-tags.mp3"
    source.write_bytes(_id3v23("Current title") + _id3v23("Stale title") + bare_mp3)
    md5 = _audio_md5(source)
    wanted = Tags(title="Current title", id3_version="2.3")
    result = audio.tag(source, wanted, rel="two-tags.mp3")
    assert [c.to_dict() for c in result.changes] == [
        {"field": "id3_version", "old": "ID3v2.3 and a second, stale ID3v2 tag after it", "new": "ID3v2.3"}]
    assert result.written
    assert b"Stale title" not in source.read_bytes()
    assert source.read_bytes().endswith(bare_mp3)
    assert _audio_md5(source) == md5
    assert not audio.tag(source, wanted, rel="two-tags.mp3").changes  # and then there is nothing left to do


def test_an_id3v2_tag_declaring_more_bytes_than_the_file_has_is_named_in_the_error(bare_mp3: bytes, tmp_path: Path) -> None:
    # mutagen raised an error without a message: the problem read "truncated or corrupt ()".
    body = b"\x00Liar"
    tag = b"TIT2" + len(body).to_bytes(4, "big") + b"\0\0" + body
    claimed = 3 * len(bare_mp3)
    source = tmp_path / "liar.mp3"
    source.write_bytes(b"ID3\x03\x00\x00" + _syncsafe(claimed) + tag + bare_mp3)
    with pytest.raises(MediaError) as caught:
        audio.probe(source, "episodes/001/liar.mp3")
    problem = caught.value.problems[0]
    assert problem.code == "MED004"
    assert problem.file == "episodes/001/liar.mp3"
    assert f"ID3v2 tag declares {claimed + 10:,} bytes, more than the whole file ({source.stat().st_size:,} bytes)" in problem.message
    assert "()" not in problem.message
    assert problem.hint


@pytest.fixture(scope="module")
def layer2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """MPEG-1 Layer II (MP2), as broadcast software exports it: the same frame sync as MP3, another codec."""
    path = tmp_path_factory.mktemp("corpus") / "layer2.mp2"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                    "-ac", "2", "-ar", "44100", "-c:a", "mp2", "-b:a", "128k", "-f", "mp2", str(path)], check=True)
    return path


def test_an_mp2_file_is_not_called_an_mp3_nor_renamed_into_one(layer2: Path) -> None:
    # It was "the file's content is MP3, but its name ends in .mp2: rename it to end in .mp3", which would have
    # published Layer II audio as an MP3.
    with pytest.raises(MediaError) as caught:
        audio.probe(layer2, "episodes/001/layer2.mp2")
    problem = caught.value.problems[0]
    assert (problem.code, problem.file) == ("MED005", "episodes/001/layer2.mp2")
    assert "MPEG audio Layer II (MP2), not MP3" in problem.message
    assert "libmp3lame" in problem.hint and "rename" not in problem.hint


def test_mp2_audio_in_an_mp3_file_is_a_warning_and_an_mp3_is_not(layer2: Path, show: Path, tmp_path: Path,
                                                                 bare_mp3: bytes) -> None:
    named = tmp_path / "named.mp3"
    named.write_bytes(layer2.read_bytes())
    media = audio.probe(named, "named.mp3")
    assert (media.kind, media.mime, media.codec) == ("mp3", "audio/mpeg", "mp2")
    mp3 = tmp_path / "real.mp3"
    mp3.write_bytes(bare_mp3)
    assert audio.probe(mp3, "real.mp3").codec == ""
    rel = _use_audio(show, "002-learning-alliances", named)
    _, found = _checked(show, "MED011")
    assert [(p["file"], p["severity"]) for p in found] == [(rel, "warning")]
    assert "MPEG audio Layer II (MP2), not MP3" in found[0]["message"]
    assert "libmp3lame" in found[0]["hint"]


def test_an_episode_shorter_than_a_second_has_a_duration_of_one_second_not_zero(show: Path) -> None:
    # A jingle or a test upload of 0.4 s was published as <itunes:duration>0</itunes:duration>: "unknown" to apps.
    add_episode(show, "900-jingle", """
title: Jingle
date: 2026-04-01T08:00:00+00:00
guid: jingle-1
audio: audio.mp3
""", seconds=0.4)
    report = build(show)
    raw = (report.output / "feed.xml").read_bytes()
    [entry] = [e for e in feedparser.parse(raw).entries if e.id == "jingle-1"]
    assert entry.itunes_duration == "1"
    with open(report.output / "feed.xml", "rb") as handle:
        parsed = podcastparser.parse("https://example.org/feed.xml", handle)
    assert [e["total_time"] for e in parsed["episodes"] if e["guid"] == "jingle-1"] == [1]


def test_a_bitrate_below_one_kbit_is_said_in_bits_not_as_zero(show: Path, tmp_path: Path) -> None:
    # Silence (a long file made cheaply with anullsrc, a muted test upload) encodes to ~0.7 kbit/s of AAC: the
    # warning said "bitrate is 0 kbit/s", which reads as a probing bug.
    silent = tmp_path / "silent.m4a"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono",
                    "-t", "60", "-c:a", "aac", "-b:a", "24k", str(silent)], check=True)
    bitrate = audio.probe(silent, "silent.m4a").bitrate
    assert 0 < bitrate < 1000
    rel = _use_audio(show, "002-learning-alliances", silent)
    config = show / "show.yml"
    config.write_text(config.read_text().replace("ignore: [MED020]", "ignore: []"))  # the sample show ignores it
    found = [p for p in _checked(show, "MED020")[1] if p["file"] == rel]
    assert len(found) == 1
    assert f"bitrate is {bitrate} bit/s (silence?)" in found[0]["message"]
    assert "is 0 kbit/s" not in found[0]["message"]


def test_add_names_an_episode_after_its_file_when_the_title_tag_is_only_spaces(show: Path, tmp_path: Path) -> None:
    # The tag "   " became title '' in episode.md, so the next check and build failed: "title: required but missing".
    source = make_media(tmp_path / "in" / "night-buses_02.mp3", "mp3", 1.0, extra=("-metadata", "title=   "))
    assert audio.probe(source, source.name).tags["title"] == "   "
    runner = CliRunner()
    result = runner.invoke(main, ["add", str(source), "--show", str(show), "--date", "2026-03-30T08:00:00+00:00",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    added = json.loads(result.output)
    assert added["title"] == "Night buses 02"
    checked = runner.invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert not [p for p in json.loads(checked.output)["problems"] if p.get("episode") == added["slug"] and p["severity"] == "error"]


def test_artwork_pillow_refuses_to_decode_is_a_problem_not_an_internal_error(show: Path) -> None:
    # A PNG of 20,000×20,000 px (a few hundred KB: one colour) made check, build and tag stop with exit code 3
    # ("Internal error: DecompressionBombError"): the artwork check and the cover for the tags let Pillow's error out.
    from PIL import Image

    art = show / "episodes" / "002-learning-alliances" / "cover.png"
    Image.new("1", (20000, 20000)).save(art)
    with open(art, "ab") as handle:
        handle.write(bytes(600 * 1024))  # past the size embedded as it is: the cover is made by Pillow
    md = show / "episodes" / "002-learning-alliances" / "episode.md"
    md.write_text(md.read_text().replace("\ntitle:", "\nartwork: cover.png\ntitle:", 1))
    runner = CliRunner()
    checked = runner.invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert checked.exit_code == 1, checked.output
    [found] = [p for p in json.loads(checked.output)["problems"] if p["code"] == "ART002"]
    assert found["file"] == "episodes/002-learning-alliances/cover.png"
    assert "400000000 pixels" in found["message"] and "3000×3000" in found["hint"]
    built = runner.invoke(main, ["build", "--show", str(show)])
    assert built.exit_code == 1 and "Internal error" not in built.output
    tagged = runner.invoke(main, ["tag", "002-learning-alliances", "--show", str(show), "--format", "json"])
    assert tagged.exit_code == 0, tagged.output


def test_a_flac_written_to_a_pipe_gets_the_duration_of_its_frames(tmp_path: Path) -> None:
    # An encoder writing to a pipe cannot go back to fill in STREAMINFO's sample count (0: unknown); mutagen then
    # says 0 s and the file was refused: "MED006 the FLAC file has no playable audio (duration 0)".
    made = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=5",
                           "-ac", "1", "-ar", "22050", "-c:a", "flac", "-f", "flac", "pipe:1"], capture_output=True, check=True)
    source = tmp_path / "piped.flac"
    source.write_bytes(made.stdout)
    assert int.from_bytes(made.stdout[8 + 10:8 + 18], "big") & 0xFFFFFFFFF == 0  # STREAMINFO: no sample count
    media = audio.probe(source, "piped.flac")
    assert media.duration == pytest.approx(5.0, abs=0.01)
    assert media.bitrate == int(media.size * 8 / media.duration)
    result = audio.tag_copy(source, tmp_path / "tagged.flac", Tags(title="Piped"), rel="piped.flac")
    assert result.written and result.media is not None
    assert result.media.duration == pytest.approx(5.0, abs=0.01)


@pytest.mark.parametrize("codec", ["pcm_s16le", "adpcm_ima_wav", "libmp3lame"])
def test_a_wav_written_to_a_pipe_gets_the_duration_of_its_data(show: Path, tmp_path: Path, codec: str) -> None:
    # ffmpeg writing a WAV to a pipe cannot go back to fill in the sizes: its RIFF and data chunk say 0xFFFFFFFF
    # (unknown). It plays to its end everywhere, but the episode was refused: "MED004 the WAV file is truncated: its
    # data chunk needs 4294967295 bytes but only 240000 remain" (and mutagen reads 6 hours). The data runs to the end.
    made = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=5",
                           "-ac", "1", "-ar", "22050", "-c:a", codec, "-f", "wav", "pipe:1"], capture_output=True, check=True)
    assert made.stdout[4:8] == b"\xff\xff\xff\xff"
    folder = add_episode(show, "006-piped", "title: Piped\ndate: 2026-04-01T08:00:00+00:00\nguid: piped-guid\n"
                                            "audio: piped.wav\n", audio_name="")
    source = folder / "piped.wav"
    source.write_bytes(made.stdout)
    decoded = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(source), "-f", "s16le", "-"], capture_output=True,
                             check=True).stdout
    # (what ffmpeg decodes: ffprobe guesses 3.5 s for the ADPCM file from its byte rate, which ffmpeg wrote wrong)
    assert audio.probe(source, "piped.wav").duration == pytest.approx(len(decoded) / 2 / 22050, abs=0.01)
    code, found = _checked(show, "MED010")
    assert code == 0 and [p["file"] for p in found] == ["episodes/006-piped/piped.wav"]
    build(show)
    item = next(e for e in podcastparser.parse("feed.xml", io.BytesIO((show / "public" / "feed.xml").read_bytes()))["episodes"]
                if e["guid"] == "piped-guid")
    assert item["total_time"] == 5 and item["enclosures"][0]["file_size"] == len(made.stdout)


def _sox_to_a_pipe() -> bytes:
    """SoX writing a WAV into a pipe: it cannot go back either, and says 0x7FFFF000 bytes of data (its MS_UNSPEC)."""
    tone = subprocess.run(["sox", "-n", "-r", "22050", "-c", "1", "-b", "16", "-e", "signed", "-t", "raw", "-", "synth", "5",
                           "sine", "440"], capture_output=True, check=True).stdout
    made = subprocess.run("sox -t raw -r 22050 -e signed -b 16 -c 1 - -t wav - | cat", shell=True, input=tone,
                          capture_output=True, check=True).stdout
    assert made[40:44] == b"\x00\xf0\xff\x7f"
    return made


def _arecord_to_a_pipe() -> bytes:
    """arecord (ALSA's recorder) writing a WAV into a pipe, stopped by Ctrl-C: its data chunk says 0x80000000 bytes and
    its RIFF chunk 0x80000024 (as `arecord -f cd -t wav - | cat > x.wav` writes them; arecord is no dependency here,
    so ffmpeg's PCM is given that header)."""
    made = bytearray(subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                                     "sine=frequency=440:duration=5", "-ac", "1", "-ar", "22050", "-c:a", "pcm_s16le",
                                     "-f", "wav", "-bitexact", "pipe:1"], capture_output=True, check=True).stdout)
    assert made[36:40] == b"data"
    made[4:8], made[40:44] = (0x80000024).to_bytes(4, "little"), (0x80000000).to_bytes(4, "little")
    return bytes(made)


def _lame_to_a_pipe() -> bytes:
    """LAME decoding an MP3 into a pipe (``lame --decode episode.mp3 - | cat > x.wav``, a producer's way back to a WAV to
    edit): its data chunk says 0x7FFFFFFF bytes and its RIFF chunk 0x80000023."""
    tone = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=5",
                           "-ac", "1", "-ar", "22050", "-f", "wav", "pipe:1"], capture_output=True, check=True).stdout
    encoded = subprocess.run(["lame", "--quiet", "-b", "64", "-", "-"], input=tone, capture_output=True, check=True).stdout
    made = subprocess.run("lame --quiet --mp3input --decode - - | cat", shell=True, input=encoded, capture_output=True,
                          check=True).stdout
    assert made[40:44] == b"\xff\xff\xff\x7f"
    return made


@pytest.mark.parametrize("writer", [_sox_to_a_pipe, _arecord_to_a_pipe, _lame_to_a_pipe], ids=["sox", "arecord", "lame"])
def test_a_wav_sox_or_arecord_wrote_to_a_pipe_gets_the_duration_of_its_data(show: Path, writer: Any) -> None:
    # Session 25 took ffmpeg's 0xFFFFFFFF for "unknown"; SoX and arecord say 0x7FFFF000 and 0x80000000 there, and such
    # a recording was still refused: "MED004 the WAV file is truncated: its data chunk needs 2147479552 bytes but only
    # 220500 remain". Its data runs to the end of the file too. (LAME's decoder says 0x7FFFFFFF: refused so until
    # session 27.)
    made = writer()
    folder = add_episode(show, "006-piped", "title: Piped\ndate: 2026-04-01T08:00:00+00:00\nguid: piped-guid\n"
                                            "audio: piped.wav\n", audio_name="")
    source = folder / "piped.wav"
    source.write_bytes(made)
    data = len(made) - made.index(b"data") - 8  # (LAME's decoder gives its encoder's padding too: 5.04 s)
    duration = audio.probe(source, "piped.wav").duration
    assert duration == pytest.approx(data / 2 / 22050, abs=0.01) and duration == pytest.approx(5.0, abs=0.05)
    code, found = _checked(show, "MED010")
    assert code == 0 and [p["file"] for p in found] == ["episodes/006-piped/piped.wav"]


@pytest.mark.parametrize("chapters", [(), (TagChapter(0, "Intro"), TagChapter(4000, "Later"))], ids=["tagged", "chapters"])
def test_a_fragmented_m4a_with_samples_in_its_moov_gets_the_duration_of_them_all(tmp_path: Path,
                                                                               chapters: tuple[TagChapter, ...]) -> None:
    # ffmpeg's -movflags frag_keyframe without empty_moov (a common recipe for recordings that survive a crash) puts
    # the first fragment's samples in moov's sample table and the rest in movie fragments: the probe said 3 s for a
    # 12 s file (mutagen's length, the moov's samples: the fragments were added only when it read 0), and a tagged
    # copy given chapters (re-muxed by ffmpeg into one sample table) was refused: "TAG001 reads as 12.028 s, not 3.019 s".
    source = tmp_path / "recording.m4a"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=12",
                    "-ar", "44100", "-c:a", "aac", "-b:a", "64k", "-movflags", "frag_keyframe", "-frag_duration", "3000000",
                    str(source)], check=True)
    data = source.read_bytes()
    assert data.count(b"moof") >= 3 and b"stts\0\0\0\0\0\0\0\0" not in data  # fragments, and samples in moov's table
    media = audio.probe(source, source.name)
    assert media.duration == pytest.approx(12.0, abs=0.05)
    target = tmp_path / "tagged.m4a"
    result = audio.tag_copy(source, target, Tags(title="Recording", chapters=chapters), rel=source.name, durable=False,
                            fresh=True)
    assert result.written and result.media is not None and result.media.duration == pytest.approx(12.0, abs=0.05)
    assert _audio_md5(target) == _audio_md5(source)


@pytest.mark.parametrize("ext, mime", [("mp4", "audio/mp4"), ("mov", "video/quicktime"), ("m4v", "video/x-m4v")])
def test_an_audio_only_mp4_mov_or_m4v_is_published_with_the_type_its_name_has(show: Path, tmp_path: Path, ext: str,
                                                                               mime: str) -> None:
    # They were audio/x-m4a, and `mediafeed check` of the built feed warned EP107: "audio/x-m4a does not match a
    # .mp4 file" (.mov, .m4v). Apple maps each extension to one type, whatever the tracks inside; the page still plays
    # the file with an audio player (no video track).
    source = tmp_path / f"export.{ext}"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-c:a", "aac", "-b:a", "64k", str(source)], check=True)
    media = audio.probe(source, f"export.{ext}")
    assert (media.kind, media.mime, media.video) == ("mp4", mime, False)
    runner = CliRunner()
    added = runner.invoke(main, ["add", str(source), "--show", str(show), "--date", "2026-03-30T08:00:00+00:00"])
    assert added.exit_code == 0, added.output
    report = build(show)
    [entry] = [e for e in feedparser.parse((report.output / "feed.xml").read_bytes()).entries
               if e.enclosures[0].href.endswith(f"/006-export.{ext}")]  # ('export': a name of every export, so the slug)
    assert entry.enclosures[0].type == mime
    checked = runner.invoke(main, ["check", str(report.output / "feed.xml"), "--format", "json"])
    assert not [p for p in json.loads(checked.output)["problems"] if p["code"] == "EP107"], checked.output


#: an ID3v1 tag, as an MP3 tagger run over every file of a folder appends it to an Ogg file too
_ID3V1_TAIL = b"TAG" + b"Old v1 title".ljust(30, b"\0") + bytes(60) + b"2020" + bytes(30) + b"\xff"


@pytest.mark.parametrize("tail", [bytes(4096), _ID3V1_TAIL, bytes(512) + _ID3V1_TAIL], ids=["zeros", "id3v1", "zeros-id3v1"])
@pytest.mark.parametrize("codec, ext", [("libvorbis", "ogg"), ("libopus", "opus")])
def test_an_ogg_file_with_zero_bytes_after_its_last_page_is_probed_and_tagged(tmp_path: Path, codec: str, ext: str,
                                                                               tail: bytes) -> None:
    # A copy padded to a whole block (zeros after the end-of-stream page) plays everywhere, but it was refused:
    # "MED004 truncated: it ends in the middle of an Ogg page (the file was cut off)"; and mutagen's save stops
    # at the zeros when it renumbers the pages after a longer comment header. So was a file an MP3 tagger appended an
    # ID3v1 tag to (ffmpeg plays it): it is no audio either, and the tagged copy leaves it out.
    assert len(_ID3V1_TAIL) == 128
    clean = tmp_path / f"clean.{ext}"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                    "-ac", "1", "-ar", "48000", "-c:a", codec, str(clean)], check=True)
    source = tmp_path / f"padded.{ext}"
    source.write_bytes(clean.read_bytes() + tail)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    media = audio.probe(source, f"padded.{ext}")
    assert media.duration == pytest.approx(audio.probe(clean, f"clean.{ext}").duration)
    assert audio.payload_digest(source, media.kind) == audio.payload_digest(clean, media.kind)
    target = tmp_path / f"tagged.{ext}"
    long_notes = "Notes. " * 2000  # a comment header of several pages: every later page is renumbered
    result = audio.tag_copy(source, target, Tags(title="Padded", description=long_notes), rel=f"padded.{ext}")
    assert result.written
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    assert _audio_md5(target) == _audio_md5(clean)
    assert audio.probe(target, f"tagged.{ext}").tags["title"] == "Padded"
    assert b"TAG" not in target.read_bytes()[-128:]
    cut = tmp_path / f"cut.{ext}"
    cut.write_bytes(clean.read_bytes()[:-300] + tail)  # zeros (or a tag) after a cut-off page: still cut off
    with pytest.raises(MediaError) as caught:
        audio.probe(cut, f"cut.{ext}")
    assert caught.value.problems[0].code == "MED004"


def test_add_puts_a_comment_tag_holding_whole_show_notes_into_the_notes_not_the_summary(show: Path, tmp_path: Path) -> None:
    # Editors that export the show notes into the comment tag: the 6,000-byte comment became the summary, which
    # the feed uses as the description when the notes are empty, so the new episode failed check and build at
    # once (EP114: "the description is 6,000 bytes; the limit is 4000").
    notes = "\n\n".join(f"Paragraph {n}: " + "words of the show notes " * 20 for n in range(12))
    assert len(notes.encode()) > 4000
    source = make_media(tmp_path / "in" / "episode.mp3", "mp3", 1.0, extra=("-metadata", "title=Notes in the tag"))
    short = make_media(tmp_path / "in" / "short.mp3", "mp3", 1.0)
    for path, text in ((source, notes), (short, "One sentence.")):
        tags = ID3(path)
        tags.add(COMM(encoding=1, lang="eng", desc="", text=text))  # as editors write it (ffmpeg writes a TXXX)
        tags.save(path, v2_version=3)
    runner = CliRunner()
    added = [json.loads(runner.invoke(main, ["add", str(path), "--show", str(show), "--date", "2026-03-30T08:00:00+00:00",
                                              "--format", "json"]).output) for path in (source, short)]
    long_md = (show / "episodes" / added[0]["slug"] / "episode.md").read_text()
    assert "\nsummary:" not in long_md and long_md.rstrip().endswith(notes.rstrip())
    assert "\nsummary: One sentence.\n" in (show / "episodes" / added[1]["slug"] / "episode.md").read_text()
    checked = runner.invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert not [p for p in json.loads(checked.output)["problems"]
                if p.get("episode") in {a["slug"] for a in added} and p["severity"] == "error"], checked.output


@pytest.mark.parametrize("key", ["comment", "description"])
def test_add_takes_the_summary_from_the_txxx_frame_ffmpeg_writes_for_a_comment(show: Path, tmp_path: Path, key: str) -> None:
    # ffmpeg writes `-metadata comment=…` (and description=…) into an MP3 as TXXX:comment (TXXX:description), not
    # COMM: `add` read COMM only, so the summary an editor exported through ffmpeg was lost.
    source = make_media(tmp_path / "in" / f"{key}.mp3", "mp3", 1.0,
                        extra=("-metadata", f"{key}=What this episode is about."))
    assert [f.HashKey for f in ID3(source).getall("TXXX")] == [f"TXXX:{key}"] and not ID3(source).getall("COMM")
    added = CliRunner().invoke(main, ["add", str(source), "--show", str(show), "--date", "2026-03-30T08:00:00+00:00",
                                      "--format", "json"])
    assert added.exit_code == 0, added.output
    text = (show / "episodes" / json.loads(added.output)["slug"] / "episode.md").read_text()
    assert "\nsummary: What this episode is about.\n" in text


def test_a_comm_comment_comes_before_the_txxx_ones_and_tagging_still_writes_comm(tmp_path: Path) -> None:
    source = make_media(tmp_path / "both.mp3", "mp3", 1.0, extra=("-metadata", "comment=From TXXX",
                                                                  "-metadata", "description=From description"))
    assert audio.read_comment(source, "mp3") == "From TXXX"
    tags = ID3(source)
    tags.add(COMM(encoding=1, lang="eng", desc="", text="From COMM"))
    tags.save(source)
    assert audio.read_comment(source, "mp3") == "From COMM"
    only_txxx = make_media(tmp_path / "txxx.mp3", "mp3", 1.0, extra=("-metadata", "comment=The summary"))
    # the TXXX frame is no COMM: tagging with that very comment still writes the COMM frame apps read
    result = audio.tag(only_txxx, Tags(comment="The summary"), rel="txxx.mp3")
    assert [c.field for c in result.changes] == ["comment"]
    assert [str(c) for c in ID3(only_txxx).getall("COMM")] == ["The summary"]


@pytest.mark.parametrize("flags", [["-movflags", "+faststart"], [], ["-movflags", "+frag_keyframe+empty_moov"]],
                         ids=["faststart", "moov-at-end", "fragmented"])
def test_an_m4a_with_bytes_after_its_last_box_is_published_and_a_cut_one_is_not(tmp_path: Path, flags: list[str]) -> None:
    # A download saved with an error page after the file plays everywhere (mutagen and ffmpeg read it), but it
    # was refused as "truncated: its 'l><b' box needs 1013478509 bytes", the junk read as a box header.
    clean = tmp_path / "clean.m4a"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                    "-c:a", "aac", "-b:a", "64k", *flags, str(clean)], check=True)
    source = tmp_path / "junk.m4a"
    source.write_bytes(clean.read_bytes() + b"<html><body>502 Bad Gateway</body></html>\n" * 5)
    media = audio.probe(source, "junk.m4a")
    assert media.duration == pytest.approx(audio.probe(clean, "clean.m4a").duration)
    target = tmp_path / "tagged.m4a"
    assert audio.tag_copy(source, target, Tags(title="Junk"), rel="junk.m4a").written
    assert _audio_md5(target) == _audio_md5(clean)
    cut = tmp_path / "cut.m4a"
    cut.write_bytes(clean.read_bytes()[:-3000])
    with pytest.raises(MediaError) as caught:
        audio.probe(cut, "cut.m4a")
    assert caught.value.problems[0].code == "MED004"


@pytest.mark.parametrize("ext, flags, late", [("m4a", [], True), ("m4a", ["-movflags", "+faststart"], False),
                                             ("m4a", ["-movflags", "+frag_keyframe+empty_moov"], False),
                                             ("mp4", [], True)],
                         ids=["moov-at-end", "faststart", "fragmented", "video-moov-at-end"])
def test_an_mp4_whose_index_comes_after_the_media_is_a_warning_with_the_remux_that_fixes_it_where_the_build_does_not(
        show: Path, tmp_path: Path, ext: str, flags: list[str], late: bool) -> None:
    # ffmpeg (and editors that export through it) writes the moov box after the media data unless told
    # +faststart: a player must fetch the end of the file before it can play. It went unreported. The build
    # publishes such a file with its index first (tests/test_fast_start.py): an info then, a warning where the
    # file is published as it is.
    source = tmp_path / f"export.{ext}"
    video = ["-f", "lavfi", "-i", "testsrc=duration=3:size=160x120:rate=10", "-c:v", "libx264", "-pix_fmt", "yuv420p",
             "-shortest"] if ext == "mp4" else []
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    *video, "-c:a", "aac", "-b:a", "64k", *flags, str(source)], check=True)
    media = audio.probe(source, source.name)
    assert media.index_last is late and media.video is (ext == "mp4") and media.index_blocker == ""
    rel = _use_audio(show, "002-learning-alliances", source)
    _, found = _checked(show, "MED027")
    if not late:
        assert found == []
        return
    kind = "video" if video else "audio"
    assert [(p["file"], p["severity"]) for p in found] == [(rel, "info")]
    assert found[0]["message"] == (f"the file's index (its 'moov' box) comes after the {kind}: the build publishes a "
                                   "copy with the index first ('fast start'), so players can start playing at once")
    with (show / "show.yml").open("a") as handle:
        handle.write("tag_on_build: false\n")
    _, found = _checked(show, "MED027")
    assert [(p["file"], p["severity"]) for p in found] == [(rel, "warning")]
    assert found[0]["message"].startswith(f"the file's index (its 'moov' box) comes after the {kind}: players must fetch")
    assert found[0]["message"].endswith("(the build could not publish it with the index first: 'tag_on_build' is off: "
                                        "the file is published as it is)")
    assert f"-c copy -movflags +faststart out.{ext}" in found[0]["hint"]
    # the hint's remux clears it without touching the audio (same duration: a published episode keeps its URL)
    fixed = tmp_path / f"fixed.{ext}"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-i", str(source), "-c", "copy", "-movflags",
                    "+faststart", str(fixed)], check=True)
    remuxed = audio.probe(fixed, fixed.name)
    assert not remuxed.index_last and remuxed.duration == media.duration and _audio_md5(fixed) == _audio_md5(source)
    _use_audio(show, "002-learning-alliances", fixed)
    assert _checked(show, "MED027")[1] == []


# -- what tagging compares is what it writes (and what players read) ------------------------------------------------

def _ffprobe_tags(path: Path) -> dict[str, str]:
    """The tags ffprobe reads (container and stream), by lower-case key."""
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True)
    found = json.loads(out.stdout)
    tags = {k.lower(): v for k, v in found.get("format", {}).get("tags", {}).items()}
    for stream in found.get("streams", []):
        tags.update({k.lower(): v for k, v in (stream.get("tags") or {}).items()})
    return tags


def _dry_run_then_tag(path: Path, wanted: Tags) -> list[dict[str, str]]:
    """The changes ``--dry-run`` reports, after checking the real run makes exactly those and then settles."""
    planned = [c.to_dict() for c in audio.tag(path, wanted, rel=path.name, dry_run=True).changes]
    done = audio.tag(path, wanted, rel=path.name)
    assert [c.to_dict() for c in done.changes] == planned and done.written == bool(planned)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    again = audio.tag(path, wanted, rel=path.name)
    assert again.changes == [] and not again.written and hashlib.sha256(path.read_bytes()).hexdigest() == digest
    return planned


@pytest.mark.parametrize("kind, ext, key", [("m4a", "m4a", "description"), ("ogg", "ogg", "comment"),
                                            ("opus", "opus", "comment"), ("flac", "flac", "comment")])
def test_a_summary_only_in_desc_or_description_still_gets_the_comment_apps_read(tmp_path: Path, kind: str, ext: str,
                                                                                key: str) -> None:
    # ffmpeg writes `-metadata description=…` into an M4A as `desc` (no ©cmt), and `-metadata comment=…` into Ogg
    # and FLAC as DESCRIPTION (no COMMENT). Tagging read those as the comment, so a file holding the summary only
    # there counted as tagged: ©cmt / COMMENT, which apps show, was never written.
    path = make_media(tmp_path / f"exported.{ext}", kind, 1.0,
                      extra=("-metadata", "title=The title", "-metadata", f"{key}=The summary"))
    assert audio.read_comment(path, "mp4" if kind == "m4a" else {"ogg": "ogg-vorbis", "opus": "ogg-opus"}.get(kind, kind)
                              ) == "The summary"  # still `add`'s summary
    canonical = "\xa9cmt" if kind == "m4a" else "COMMENT"
    assert canonical not in MutagenFile(path).tags
    changes = _dry_run_then_tag(path, Tags(title="The title", comment="The summary"))
    assert changes == [{"field": "comment", "old": "", "new": "The summary"}]
    assert MutagenFile(path).tags[canonical] == ["The summary"]
    assert _ffprobe_tags(path)["comment"] == "The summary"


def test_an_m4a_whose_desc_says_something_else_than_its_comment_gets_both_rewritten(tmp_path: Path) -> None:
    # mediafeed writes the summary to ©cmt and (cut to 255 characters) to desc, which iTunes shows as the
    # description; only ©cmt was compared, so a stale desc (`-metadata description=` of an older export) stayed.
    path = make_media(tmp_path / "stale-desc.m4a", "m4a", 1.0,
                      extra=("-metadata", "comment=The summary", "-metadata", "description=Last year's summary"))
    summary = "The summary"
    changes = _dry_run_then_tag(path, Tags(comment=summary))
    assert changes == [{"field": "short_description", "old": "Last year's summary", "new": summary}]
    assert _ffprobe_tags(path)["description"] == summary
    long = "A summary longer than iTunes' short description. " * 8
    assert [c["field"] for c in _dry_run_then_tag(path, Tags(comment=long))] == ["comment", "short_description"]
    assert MutagenFile(path).tags["desc"] == [long[:255]] and MutagenFile(path).tags["\xa9cmt"] == [long]


def _two_titles(path: Path) -> None:
    tags = MutagenFile(path)
    tags["TITLE"] = ["The title", "An old title"]
    tags.save()


def _two_artists(path: Path) -> None:
    tags = MutagenFile(path)
    tags["\xa9ART"] = ["The author", "A guest"]
    tags.save()


def _two_comments(path: Path) -> None:
    tags = ID3(path)
    tags.add(COMM(encoding=1, lang="eng", desc="", text="The summary"))
    tags.add(COMM(encoding=1, lang="deu", desc="", text="Die alte Zusammenfassung"))
    tags.save(path, v2_version=3)


@pytest.mark.parametrize("kind, ext, setup, wanted, field, player", [
    ("ogg", "ogg", _two_titles, Tags(title="The title"), "title", ("title", "The title;An old title")),
    ("opus", "opus", _two_titles, Tags(title="The title"), "title", ("title", "The title;An old title")),
    ("flac", "flac", _two_titles, Tags(title="The title"), "title", ("title", "The title;An old title")),
    ("m4a", "m4a", _two_artists, Tags(artist="The author"), "artist", None),
    ("mp3", "mp3", _two_comments, Tags(comment="The summary", id3_version="2.3"), "comment", None),
], ids=["vorbis-title-twice", "opus-title-twice", "flac-title-twice", "mp4-two-artists", "id3-comm-per-language"])
def test_a_field_holding_several_values_is_replaced_by_the_one_mediafeed_writes(tmp_path: Path, kind: str, ext: str,
                                                                                 setup, wanted: Tags, field: str,
                                                                                 player: tuple[str, str] | None) -> None:
    # Only the first value was compared: a file whose first value was right counted as tagged, while players
    # showed every value (ffprobe joins a Vorbis field's with ';'), or the other one (an app in German picks the
    # German COMM; ffmpeg the first): tagging writes one value (one COMM), so it must replace them.
    path = make_media(tmp_path / f"several.{ext}", kind, 1.0, extra=("-id3v2_version", "3") if kind == "mp3" else ())
    setup(path)
    if player is not None:
        assert _ffprobe_tags(path)[player[0]] == player[1]
    [change] = _dry_run_then_tag(path, wanted)
    assert change["field"] == field and change["new"] == getattr(wanted, field)
    assert repr(getattr(wanted, field)) in change["old"] and " + " in change["old"]
    assert audio.probe(path, path.name).tags[field] == getattr(wanted, field)
    assert _ffprobe_tags(path)[field] == getattr(wanted, field)
    if kind == "mp3":
        assert [str(c) for c in ID3(path).getall("COMM")] == ["The summary"]


def test_tag_dry_run_json_lists_the_missing_m4a_comment_and_the_build_publishes_it(show: Path) -> None:
    # A master tagged once, then its ©cmt removed by a tag editor that keeps iTunes' description (desc): the build
    # published it as it was (every tag "there"), so apps showed no summary.
    slug, name = "002-learning-alliances", "learning-alliances.m4a"
    master = show / "episodes" / slug / name
    runner = CliRunner()
    assert runner.invoke(main, ["tag", slug, "--show", str(show)]).exit_code == 0
    edited = MutagenFile(master)
    summary = edited.tags["\xa9cmt"][0]
    del edited.tags["\xa9cmt"]
    edited.save()
    planned = runner.invoke(main, ["tag", slug, "--show", str(show), "--dry-run", "--format", "json"])
    assert planned.exit_code == 0, planned.output
    [entry] = json.loads(planned.output)["files"]
    assert entry["changes"] == [{"field": "comment", "old": "", "new": summary}] and not entry["written"]
    report = build(show)
    published = report.output / "episodes" / slug / name
    assert MutagenFile(published).tags["\xa9cmt"] == [summary] and _ffprobe_tags(published)["comment"] == summary
    assert "\xa9cmt" not in MutagenFile(master).tags  # the build never touches the master
    done = runner.invoke(main, ["tag", slug, "--show", str(show), "--format", "json"])
    assert json.loads(done.output)["files"][0]["changes"] == entry["changes"]
    assert MutagenFile(master).tags["\xa9cmt"] == [summary]


def _frame_ids(path: Path) -> list[str]:
    """The frames of an MP3's ID3v2 tag as they are in the file (not translated to ID3v2.4's)."""
    return sorted(frame.FrameID for frame in ID3(path, translate=False, load_v1=False).values())


@pytest.mark.parametrize("durable", [True, False], ids=["on-disk", "build-copy-in-memory"])
@pytest.mark.parametrize("trailer", [b"", ID3V1], ids=["id3write", "mutagen-save"])
def test_the_date_in_an_id3v23_tag_is_written_as_tyer_and_tdat(bare_mp3: bytes, tmp_path: Path, durable: bool,
                                                               trailer: bytes) -> None:
    # ID3v2.3 has no TDRC frame; mutagen's save writes the v2.4 frames it is given, so every tagged MP3 had a v2.3
    # tag holding TDRC and no TYER: ffmpeg reads it anyway, players that keep to v2.3 showed no year.
    source = tmp_path / "plain.mp3"
    source.write_bytes(bare_mp3 + trailer)
    target = tmp_path / "tagged.mp3"
    wanted = Tags(title="Dated", date="2026-03-30", id3_version="2.3")
    assert audio.tag_copy(source, target, wanted, rel="plain.mp3", durable=durable).written
    written = ID3(target, translate=False, load_v1=False)
    assert [(f.FrameID, str(f)) for f in written.values() if f.FrameID in ("TDRC", "TYER", "TDAT", "TIME")] == [
        ("TDAT", "3003"), ("TYER", "2026")]
    assert _ffprobe_tags(target)["date"] == "2026-03-30"
    assert audio.probe(target, "tagged.mp3").tags["date"] == "2026-03-30"
    assert audio.tag(target, wanted, rel="tagged.mp3").changes == []
    if trailer:
        assert target.read_bytes()[-128 + 93:-128 + 97] == b"2026"  # the ID3v1 year, from TYER
    month = tmp_path / "month.mp3"  # a date ID3v2.3 cannot say (a month) stays in TDRC, and reads back as it is
    assert audio.tag_copy(source, month, replace(wanted, date="2026-03"), rel="plain.mp3", durable=durable).written
    assert "TDRC" in _frame_ids(month) and "TYER" not in _frame_ids(month) and audio.probe(month, "month.mp3").tags["date"] == "2026-03"


@pytest.mark.parametrize("tyer", ["", "2025"], ids=["tdrc-only-as-mediafeed-wrote-it", "tdrc-and-an-older-tyer"])
def test_an_id3v23_tag_dating_the_episode_in_tdrc_only_is_dated_again(bare_mp3: bytes, tmp_path: Path, tyer: str) -> None:
    # mutagen reads a v2.3 tag's TDRC and drops its TYER: a file whose TYER said 2025 (what v2.3 players show,
    # and ffprobe too) counted as dated 2026-03-30, and one with TDRC alone (every MP3 an older mediafeed tagged)
    # as dated where v2.3 players find no year.
    path = tmp_path / "dated.mp3"
    path.write_bytes(bare_mp3)
    tags = ID3()
    tags.add(TIT2(encoding=1, text="Dated"))
    tags.add(TDRC(encoding=0, text="2026-03-30"))
    if tyer:
        tags.add(TYER(encoding=0, text=tyer))
    tags.save(path, v2_version=3)  # as mediafeed saved it: TDRC kept in the v2.3 tag
    assert _frame_ids(path) == sorted(["TIT2", "TDRC"] + (["TYER"] if tyer else []))
    if tyer:
        assert _ffprobe_tags(path)["date"] == tyer
    [change] = _dry_run_then_tag(path, Tags(title="Dated", date="2026-03-30", id3_version="2.3"))
    assert change["field"] == "date" and change["new"] == "2026-03-30"
    assert change["old"] == (tyer or "2026-03-30 (in a TDRC frame, which ID3v2.3 players do not read)")
    assert _frame_ids(path) == ["TDAT", "TIT2", "TYER"] and _ffprobe_tags(path)["date"] == "2026-03-30"


def test_an_id3v1_tag_that_says_otherwise_than_the_id3v2_tag_is_updated(bare_mp3: bytes, tmp_path: Path) -> None:
    # A tool updated the ID3v2 tag alone: mutagen reads ID3v1 only for what ID3v2 lacks and tagging updates an
    # existing ID3v1 tag only when it writes, so the file counted as tagged and devices reading ID3v1 showed the
    # old title for ever.
    path = tmp_path / "v1.mp3"
    old_v1 = b"TAG" + b"Old title".ljust(30, b"\0") + bytes(60) + b"2025" + bytes(30) + b"\xff"
    path.write_bytes(bare_mp3 + old_v1)
    wanted = Tags(title="New title", date="2026-03-30", id3_version="2.3")
    audio.tag(path, wanted, rel="v1.mp3")  # the ID3v2 tag says it all now; the ID3v1 tag too
    v1 = path.read_bytes()[-128:]
    assert v1[3:33].rstrip(b"\0") == b"New title" and v1[93:97] == b"2026"
    path.write_bytes(path.read_bytes()[:-128] + old_v1)  # the other tool's edit: ID3v1 back to the old title
    [change] = _dry_run_then_tag(path, wanted)
    assert change == {"field": "id3_version", "old": "ID3v2.3 and an ID3v1 tag at the end that says otherwise",
                      "new": "ID3v2.3"}
    assert path.read_bytes()[-128:] == v1


def _with_nero_chapters(data: bytes, chapters: list[tuple[float, str]]) -> bytes:
    """An M4A whose ``moov`` ends after its ``mdat`` (ffmpeg's default) with Nero's chapter list (``moov/udta/chpl``)
    added, as tools that write only Nero chapters make it: no chapter track. Nothing before ``moov`` moves."""
    body = bytes([1, 0, 0, 0]) + bytes(4) + bytes([len(chapters)]) + b"".join(
        round(start * 10_000_000).to_bytes(8, "big") + bytes([len(title.encode())]) + title.encode()
        for start, title in chapters)
    chpl = (8 + len(body)).to_bytes(4, "big") + b"chpl" + body
    handle = io.BytesIO(data)
    [moov] = [box for box in mp4.boxes(handle, 0, len(data)) if box.name == b"moov"]
    assert moov.end == len(data)
    udta = [box for box in mp4.boxes(handle, moov.body, moov.end) if box.name == b"udta"]
    if udta:  # the chapter list goes at the end of the udta box: it and moov grow by its size
        at, grown = udta[0].end, [moov.start, udta[0].start]
        insert = chpl
    else:
        at, grown = moov.end, [moov.start]
        insert = (8 + len(chpl)).to_bytes(4, "big") + b"udta" + chpl
    out = bytearray(data[:at] + insert + data[at:])
    for offset in grown:
        out[offset:offset + 4] = (int.from_bytes(out[offset:offset + 4], "big") + len(insert)).to_bytes(4, "big")
    return bytes(out)


def test_an_m4a_with_nero_chapters_only_gets_the_chapter_track_apple_reads(tmp_path: Path) -> None:
    # mutagen reads an MP4's chapters from Nero's `chpl` list; Apple's players read the chapter track a sound track
    # names (`tref/chap`). ffmpeg writes both. A file with the list alone counted as having the episode's chapters,
    # and was never given the chapter track: Apple showed none.
    made = make_media(tmp_path / "plain.m4a", "m4a", 4.0)
    path = tmp_path / "nero.m4a"
    path.write_bytes(_with_nero_chapters(made.read_bytes(), [(0.0, "One"), (2.0, "Two")]))
    assert [(c.start, c.title) for c in MutagenFile(path).chapters] == [(0.0, "One"), (2.0, "Two")]
    assert "title=One" in subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "compact", str(path)],
                                         capture_output=True, text=True, check=True).stdout  # ffprobe reads them too
    wanted = Tags(title="Chaptered", chapters=(TagChapter(0, "One"), TagChapter(2000, "Two")))
    changes = _dry_run_then_tag(path, wanted)
    assert changes[-1] == {"field": "chapters", "old": "", "new": "00:00:00 One; 00:00:02 Two"}
    streams = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_type,codec_tag_string", "-of", "csv=p=0",
                              str(path)], capture_output=True, text=True, check=True).stdout.split()
    assert streams == ["audio,mp4a", "data,text"]  # the chapter track
    with open(path, "rb") as handle:
        assert mp4chapters.chapter_track(handle, path.stat().st_size) == [(0, "One"), (2000, "Two")]
    assert audio.payload_digest(path, "mp4") == audio.payload_digest(made, "mp4")


def _chapter_images(path: Path) -> dict[int, bytes]:
    """Each CHAP frame's embedded image by its start (ms)."""
    return {chap.start_time: bytes(chap.sub_frames["APIC:"].data) for chap in ID3(path).getall("CHAP")
            if "APIC:" in chap.sub_frames}


@pytest.mark.parametrize("durable", [True, False], ids=["master", "build-copy"])
def test_an_mp3s_chapter_images_stay_when_its_chapters_are_written(tmp_path: Path, durable: bool) -> None:
    # Forecast, Hindenburg and Auphonic embed an image in each chapter (an APIC sub-frame of its CHAP frame), which
    # Overcast and Pocket Casts show. Tagging rewrote every CHAP frame from the episode's chapters, title and link
    # alone: the images went from the producer's master (`mediafeed tag`) and from the published copy, with no word
    source = make_media(tmp_path / "forecast.mp3", "mp3", 4.0)
    first, second = b"\xff\xd8\xff\xe0first image\xff\xd9", b"\xff\xd8\xff\xe0second image\xff\xd9"
    tags = ID3()
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=["a", "b"]))
    for element, start, end, title, image in (("a", 0, 2000, "One", first), ("b", 2000, 4000, "Two", second)):
        tags.add(CHAP(element_id=element, start_time=start, end_time=end, sub_frames=[
            TIT2(encoding=3, text=[title]), APIC(encoding=0, mime="image/jpeg", type=0, desc="", data=image)]))
    tags.save(source, v2_version=3)
    wanted = Tags(title="Forecast", chapters=(TagChapter(0, "One", end=2000), TagChapter(2000, "Second part", end=4000)))
    target = source if durable else tmp_path / "copy.mp3"
    sound = audio.payload_digest(source, "mp3")
    result = audio.tag_copy(source, target, wanted, rel=source.name, durable=durable)
    assert {change.field for change in result.changes} == {"title", "chapters"}
    assert _chapter_images(target) == {0: first, 2000: second}
    assert [(c.start, c.title) for c in audio.probe(target, target.name).chapters] == [(0.0, "One"), (2.0, "Second part")]
    assert audio.payload_digest(target, "mp3") == sound
    again = audio.tag_copy(target, target, wanted, rel=target.name)
    assert again.changes == [] and not again.written


def _with_chapter_track(tmp_path: Path, name: str, *flags: str) -> Path:
    """A 4 s M4A with ffmpeg's chapters "One" (0 s) and "Two" (2 s): the chapter track, and Nero's list unless
    ``flags`` say ``-movflags +disable_chpl``."""
    made = make_media(tmp_path / "plain.m4a", "m4a", 4.0)
    meta = tmp_path / "chapters.txt"
    meta.write_text(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=2000\ntitle=One\n"
                    "[CHAPTER]\nTIMEBASE=1/1000\nSTART=2000\nEND=4000\ntitle=Two\n")
    path = tmp_path / name
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(made), "-f", "ffmetadata", "-i", str(meta),
                    "-map", "0", "-map_chapters", "1", "-c", "copy", *flags, str(path)], check=True)
    return path


def test_an_m4as_chapter_track_alone_is_read(tmp_path: Path) -> None:
    # Apple's tools, mp4v2's `mp4chaps -Q` and `ffmpeg -movflags +disable_chpl` write the chapter track alone, which
    # Apple's players (and ffprobe) show; mutagen reads Nero's list only, so the probe found no chapters: `mediafeed
    # add` wrote no chapters.txt, and the feed had none of the chapters the file carries
    path = _with_chapter_track(tmp_path, "track.m4a", "-movflags", "+disable_chpl")
    assert MutagenFile(path).chapters is None or not list(MutagenFile(path).chapters)
    assert "title=Two" in subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "compact", str(path)],
                                         capture_output=True, text=True, check=True).stdout
    assert [(c.start, c.title) for c in audio.probe(path, path.name).chapters] == [(0.0, "One"), (2.0, "Two")]
    assert _dry_run_then_tag(path, Tags(chapters=(TagChapter(0, "One"), TagChapter(2000, "Two")))) == []


def test_an_m4a_whose_nero_list_says_other_chapters_than_its_track_gets_the_track_apple_reads(tmp_path: Path) -> None:
    # A tool that edited Nero's list and not the chapter track: the probe read the list ("Old"/"Owt") and so did
    # tagging, which found the episode's chapters already there and left the track, the chapters Apple's players show,
    # saying otherwise than the feed
    path = _with_chapter_track(tmp_path, "stale.m4a")
    data = path.read_bytes()
    at = data.index(b"chpl")
    stale = data[:at] + data[at:].replace(b"\x03One", b"\x03Old", 1).replace(b"\x03Two", b"\x03Owt", 1)
    path.write_bytes(stale)
    assert [(c.start, c.title) for c in MutagenFile(path).chapters] == [(0.0, "Old"), (2.0, "Owt")]
    assert [(c.start, c.title) for c in audio.probe(path, path.name).chapters] == [(0.0, "One"), (2.0, "Two")]
    wanted = Tags(chapters=(TagChapter(0, "Old"), TagChapter(2000, "Owt")))
    assert _dry_run_then_tag(path, wanted) == [{"field": "chapters", "old": "00:00:00 One; 00:00:02 Two",
                                                "new": "00:00:00 Old; 00:00:02 Owt"}]
    assert "title=Owt" in subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "compact", str(path)],
                                         capture_output=True, text=True, check=True).stdout


def test_an_m4as_chapters_whose_first_starts_after_0_are_tagged_as_its_chapter_track_holds_them(tmp_path: Path) -> None:
    # A chapter track's first chapter starts the track: ffmpeg writes "One" at 1 s from 0 (ffprobe and Apple's players
    # show it so). Since the chapters are read from the track (this session), tagging an M4A whose episode's
    # chapters start at 00:00:01 read back 0 s for 1 s and stopped: TAG001, "a bug in mediafeed or mutagen", and the
    # build with it. The first chapter is compared from 0, as the track holds it; tagging then settles.
    path = make_media(tmp_path / "late.m4a", "m4a", 4.0)
    wanted = Tags(chapters=(TagChapter(1000, "One"), TagChapter(2500, "Two")))
    assert _dry_run_then_tag(path, wanted) == [{"field": "chapters", "old": "", "new": "00:00:00 One; 00:00:02.500 Two"}]
    assert [(c.start, c.title) for c in audio.probe(path, path.name).chapters] == [(0.0, "One"), (2.5, "Two")]


def _chapter_references(data: bytes, ids: list[int]) -> bytes:
    """``data`` (an M4A whose moov ends the file) with its ``tref/chap`` box listing the track IDs ``ids``."""
    handle = io.BytesIO(data)
    moov = next(box for box in mp4.boxes(handle, 0, len(data)) if box.name == b"moov")
    assert moov.end == len(data)
    for trak in (box for box in mp4.boxes(handle, moov.body, moov.end) if box.name == b"trak"):
        for tref in (box for box in mp4.boxes(handle, trak.body, trak.end) if box.name == b"tref"):
            chap = next(box for box in mp4.boxes(handle, tref.body, tref.end) if box.name == b"chap")
            body = b"".join(number.to_bytes(4, "big") for number in ids)
            grown = len(body) - (chap.end - chap.body)
            out = bytearray(data[:chap.body] + body + data[chap.end:])
            for box in (moov, trak, tref, chap):
                out[box.start:box.start + 4] = (box.end - box.start + grown).to_bytes(4, "big")
            return bytes(out)
    raise AssertionError("no tref/chap")


@pytest.mark.parametrize("ids", [[1], [1, 2]], ids=["the-sound-track", "the-sound-track-then-the-text-track"])
def test_an_m4a_whose_chapter_reference_names_a_track_that_is_no_text_reads_the_text_one(tmp_path: Path,
                                                                                       ids: list[int]) -> None:
    # `tref/chap` may list several tracks: a picture track of chapter images beside the text track (ffmpeg reads
    # both), and a damaged file names any. The first one named was read as the chapter track whatever it was: a
    # sound track gave 174 "chapters" 23 ms apart titled with its AAC frames' bytes (the probe's chapters, which
    # `mediafeed add` writes, and what tagging compared the episode's with)
    path = _with_chapter_track(tmp_path, "named.m4a")
    path.write_bytes(_chapter_references(path.read_bytes(), ids))
    assert [(c.start, c.title) for c in audio.probe(path, path.name).chapters] == [(0.0, "One"), (2.0, "Two")]


@pytest.mark.parametrize("sound", [False, True], ids=["no-sound-track", "with-sound"])
def test_a_video_without_a_sound_track_is_a_warning(show: Path, tmp_path: Path, sound: bool) -> None:
    """An MP4 exported without its sound (a muted timeline, the wrong export preset) was published without a word:
    listeners got pictures and silence."""
    source = tmp_path / "export.mp4"
    audio_in = ["-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac"] if sound else []
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                    "testsrc=duration=2:size=160x120:rate=10", *audio_in, "-c:v", "libx264", "-pix_fmt", "yuv420p",
                    "-shortest", "-movflags", "+faststart", str(source)], check=True)
    rel = _use_audio(show, "002-learning-alliances", source)
    _, found = _checked(show, "MED028")  # (the episode's transcript and chapters run past 2 s: exit code 1)
    if sound:
        assert found == []
        return
    assert [(p["file"], p["severity"], p["field"]) for p in found] == [(rel, "warning", "audio")]
    assert found[0]["message"] == "the video has no sound track: listeners get pictures and silence"
    assert "export it again with its sound" in found[0]["hint"]


def _run_hint(hint: str, source: Path, made: Path) -> Path:
    """Run the ffmpeg command a hint gives ("…: ffmpeg -i in.mp4 … out.mp4, then …") on ``source``, making ``made``."""
    command = hint.split(": ", 1)[1].split(", then")[0].split()
    assert command[:3] == ["ffmpeg", "-i", f"in{made.suffix}"] and command[-1] == f"out{made.suffix}", hint
    subprocess.run([*command[:2], str(source), "-nostdin", "-y", "-loglevel", "error", *command[3:-1], str(made)], check=True)
    return made


def test_a_still_picture_video_that_runs_past_its_sound_is_a_warning_whose_fix_works(show: Path, tmp_path: Path) -> None:
    """The show's artwork over the episode, made as ffmpeg is usually asked to (-loop 1 … -shortest), keeps the picture
    going after the sound ends: 2 s of sound, a movie of 52 s. Apps show and play 52 s; the feed said 2 without a word."""
    source = tmp_path / "still.mp4"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=red:s=160x160:r=1",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-tune", "stillimage",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(source)], check=True)
    movie = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                  str(source)], capture_output=True, text=True, check=True).stdout)
    media = audio.probe(source, "still.mp4")
    assert movie - media.duration > 1 and media.movie_length == pytest.approx(movie, abs=0.01)
    rel = _use_audio(show, "002-learning-alliances", source)
    [found] = _checked(show, "MED031")[1]  # (the episode's transcript and chapters run past 2 s: exit code 1)
    assert (found["file"], found["severity"]) == (rel, "warning")
    assert f"{round(movie - media.duration)} s past its sound (00:00:02): apps show 00:00:" in found["message"]
    fixed = _run_hint(found["hint"], source, tmp_path / "out.mp4")
    assert audio.probe(fixed, "out.mp4").movie_length == 0.0  # the producer's fix is the end of it
    _use_audio(show, "002-learning-alliances", fixed)
    assert _checked(show, "MED031")[1] == []


@pytest.mark.parametrize("ext, found", [("mp4", "loci +51.5072-000.1275"), ("mov", "©xyz +51.5072-000.1275/")])
def test_a_video_that_says_where_it_was_recorded_is_a_warning_whose_fix_works(show: Path, tmp_path: Path, ext: str,
                                                                             found: str) -> None:
    """A phone's video keeps the place it was shot in the file (ffmpeg writes a location as the 3GPP loci box in an
    .mp4, as QuickTime's ©xyz in a .mov, as Android phones do); tagging keeps a producer's metadata, so the episode
    published the producer's whereabouts without a word."""
    source = make_media(tmp_path / f"phone.{ext}", ext, 2.0, extra=("-metadata", "location=+51.5072-000.1275/"))
    assert audio.probe(source, f"phone.{ext}").location == found
    rel = _use_audio(show, "002-learning-alliances", source)
    [warning] = _checked(show, "MED032")[1]  # (the episode's transcript and chapters run past 2 s: exit code 1)
    assert (warning["file"], warning["severity"]) == (rel, "warning")
    assert warning["message"].startswith(f"the file says where it was recorded ({found})")
    fixed = _run_hint(warning["hint"], source, tmp_path / f"out.{ext}")
    assert audio.probe(fixed, f"out.{ext}").location == ""
    _use_audio(show, "002-learning-alliances", fixed)
    assert _checked(show, "MED032")[1] == []


def _ffprobe_seconds(path: Path) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout)


@pytest.mark.parametrize("codec, rate", [("libmp3lame", 22050), ("adpcm_ima_wav", 22050), ("adpcm_ms", 22050),
                                         ("gsm_ms", 8000), ("pcm_s16le", 22050), ("pcm_alaw", 22050)])
def test_a_wav_of_compressed_audio_gets_its_real_duration(show: Path, tmp_path: Path, codec: str, rate: int) -> None:
    # Voice recorders write IMA ADPCM WAVs, broadcast tools MP3 in a WAV: mutagen divides the data by the block size,
    # which holds many samples of such audio, and read 4 s as 0.002 s; the feed said itunes:duration 1 (MED006's floor).
    wav = tmp_path / f"{codec}.wav"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                    "-ac", "1", "-ar", str(rate), "-c:a", codec, str(wav)], check=True)
    assert audio.probe(wav, wav.name).duration == pytest.approx(_ffprobe_seconds(wav), abs=0.01)
    folder = add_episode(show, "006-recorder", "title: From the recorder\ndate: 2026-04-01T08:00:00+00:00\n"
                                               "guid: recorder-guid\naudio: recorder.wav\n", audio_name="")
    (folder / "recorder.wav").write_bytes(wav.read_bytes())
    build(show)
    item = next(e for e in podcastparser.parse("feed.xml", io.BytesIO((show / "public" / "feed.xml").read_bytes()))["episodes"]
                if e["guid"] == "recorder-guid")
    assert item["total_time"] == 4


def test_ffmpegs_own_he_aac_which_nothing_decodes_is_not_taken_for_aac(show: Path, tmp_path: Path) -> None:
    # ffmpeg 5.1's own encoder asked for HE-AAC (-profile:a aac_he) writes MPEG-4 audio object type 21 (ER TwinVQ)
    # after SBR: ffmpeg itself cannot decode the file. Every "mp4a.40.*" passed as AAC, so it was published silently.
    made = tmp_path / "he-aac.m4a"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-c:a", "aac", "-profile:a", "aac_he", "-b:a", "32k", str(made)], check=True)
    decoded = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(made), "-f", "md5", "-"], capture_output=True, text=True)
    if decoded.returncode == 0:
        pytest.skip("this ffmpeg writes HE-AAC that it decodes")
    assert audio.probe(made, made.name).codec == "mp4a.40.21" == MutagenFile(made).info.codec
    folder = add_episode(show, "006-he-aac", "title: HE-AAC\ndate: 2026-04-01T08:00:00+00:00\nguid: he-guid\n"
                                             "audio: he-aac.m4a\n", audio_name="")
    (folder / "he-aac.m4a").write_bytes(made.read_bytes())
    out = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"]).output
    found = [p for p in json.loads(out)["problems"] if p["episode"] == "006-he-aac" and p["severity"] != "info"]
    # and only that: mutagen reads its (44.1 kHz) sample rate as 96000 Hz, which was a second warning, MED021
    assert [(p["code"], p["file"], p["severity"], p["message"]) for p in found] == [
        ("MED011", "episodes/006-he-aac/he-aac.m4a", "warning",
         "the audio in this M4A file is MPEG-4 audio object type 21 (ER TwinVQ), not AAC")]
    assert audio.probe(made, made.name).sample_rate == 96000  # (what is not reported)


def _recording_and_episode(show: Path, tmp_path: Path, slug: str, name: str) -> tuple[Path, Path]:
    """A 2 s WAV "recording" in tmp_path, and the episode whose ``audio:`` is ``name`` (not made yet)."""
    recording = tmp_path / "recording.wav"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                    str(recording)], check=True)
    folder = add_episode(show, slug, f"title: HE-AAC\ndate: 2026-04-01T08:00:00+00:00\nguid: {slug}-guid\n"
                                     f"audio: {name}\n", audio_name="")
    return recording, folder / name


def _med011_hints(show: Path, slug: str) -> list[str]:
    out = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"]).output
    return [p["hint"] for p in json.loads(out)["problems"] if p["episode"] == slug and p["code"] == "MED011"]


def _run_hint_in(hint: str, folder: Path) -> list[str]:
    """Run the ffmpeg command a hint gives (up to ", then put …") in ``folder``; the command's words."""
    command = hint[hint.index("ffmpeg -i "):hint.index(", then put")].split()
    subprocess.run([*command[:1], "-nostdin", "-y", "-v", "error", *command[1:]], cwd=folder, check=True)
    return command


def test_med011s_fix_for_ffmpegs_own_he_aac_is_a_command_that_works(show: Path, tmp_path: Path) -> None:
    # MED011's hint for that file was "export it as AAC (ffmpeg -i in.m4a -c:a aac -b:a 128k out.m4a)": ffmpeg cannot
    # decode it, so the command failed ("Function not implemented") and left an empty out.m4a. The hint encodes again
    # from the recording, and the command it gives makes a file the build takes without MED011.
    recording, made = _recording_and_episode(show, tmp_path, "006-he-aac", "he-aac.m4a")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(recording), "-c:a", "aac", "-profile:a", "aac_he",
                    "-b:a", "32k", str(made)], check=True)
    if subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(made), "-f", "md5", "-"],
                      capture_output=True).returncode == 0:
        pytest.skip("this ffmpeg writes HE-AAC that it decodes")
    [hint] = _med011_hints(show, "006-he-aac")
    assert "ffmpeg -i in.m4a" not in hint and "aac_he" in hint
    assert _run_hint_in(hint, tmp_path) == ["ffmpeg", "-i", "recording.wav", "-c:a", "aac", "-b:a", "128k", "-movflags",
                                         "+faststart", "out.m4a"]
    (tmp_path / "out.m4a").replace(made)  # "then put out.m4a in place under the same name"
    assert _med011_hints(show, "006-he-aac") == []
    assert audio.probe(made, made.name).duration == pytest.approx(2.0, abs=0.05)


def test_med011s_fix_for_a_video_whose_sound_ffmpeg_cannot_decode_keeps_the_picture(show: Path, tmp_path: Path) -> None:
    # The video's hint was "ffmpeg -i in.mp4 -c:v copy -c:a aac out.mp4", which failed the same way
    recording, made = _recording_and_episode(show, tmp_path, "006-he-video", "video.mp4")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=2",
                    "-i", str(recording), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-profile:a", "aac_he",
                    "-shortest", str(made)], check=True)
    if audio.probe(made, made.name).codec != "mp4a.40.21":
        pytest.skip("this ffmpeg writes HE-AAC")
    [hint] = _med011_hints(show, "006-he-video")
    (tmp_path / "in.mp4").write_bytes(made.read_bytes())
    _run_hint_in(hint, tmp_path)
    fixed = audio.probe(tmp_path / "out.mp4", "out.mp4")
    assert (fixed.codec, fixed.video, fixed.picture_codec) == ("mp4a.40.2", True, "avc1")


@pytest.mark.parametrize("codec, aac", [("mp4a.40.2", True), ("mp4a.40.5", True), ("mp4a.40.29", True), ("mp4a.40.42", True),
                                        ("mp4a.40.23", True), ("mp4a.40", True), ("mp4a", True), ("mp4a.67", True),
                                        ("mp4a.40.21", False), ("mp4a.40.34", False), ("mp4a.40.36", False),
                                        ("mp4a.6b", False), ("alac", False)])
def test_the_aac_family_is_told_by_its_object_type(codec: str, aac: bool) -> None:
    from mediafeed.checks.media import _aac

    assert _aac(codec) is aac


def test_a_mov_with_uncompressed_sound_is_named_and_given_a_mov_remux(show: Path, tmp_path: Path) -> None:
    # Video editors export a MOV with PCM sound by default: MED011 said "the audio in this video file is sowt" (the
    # QuickTime sample entry) and offered an .mp4 command for a .mov episode
    folder = add_episode(show, "006-edit", "title: The edit\ndate: 2026-04-01T08:00:00+00:00\nguid: edit-guid\n"
                                           "audio: edit.mov\n", audio_name="")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=10:duration=2",
                    "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "pcm_s16le", str(folder / "edit.mov")], check=True)
    out = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"]).output
    found = [p for p in json.loads(out)["problems"] if p["code"] == "MED011"]
    assert [(p["severity"], p["message"], p["hint"]) for p in found] == [
        ("warning", "the audio in this video file is uncompressed PCM ('sowt'), not AAC",
         "export the video with AAC audio (ffmpeg -i in.mov -c:v copy -c:a aac out.mov)")]


@pytest.mark.parametrize("kind, ext, extra", [("mp3", "mp3", ""), ("m4a", "m4a", "chapters:\n  - {start: 0, title: One}\n  - {start: 1, title: Two}\n")],
                         ids=["mp3", "m4a-with-chapters"])
def test_mediafeed_tag_takes_a_file_whose_name_is_near_the_longest_a_file_system_allows(show: Path, kind: str, ext: str,
                                                                                         extra: str) -> None:
    # Its temp file (".<name>.<random>.tmp<ext>") passed 255 bytes: "Error: …/.aaaa….mp3.859aob8m.tmp.mp3: File name too
    # long", exit 2, and the master was never tagged (the build, whose copies have short names, published it).
    name = "é" * 100 + "a" * 40 + f".{ext}"  # 244 bytes in UTF-8
    folder = add_episode(show, "006-long", f"title: Long\ndate: 2026-04-01T08:00:00+00:00\nguid: long-guid\naudio: {name}\n{extra}",
                         audio_kind=kind, audio_name=name)
    sound = _decoded_md5(folder / name)
    out = CliRunner().invoke(main, ["tag", "--show", str(show), "006-long"])
    assert out.exit_code == 0, out.output
    assert MutagenFile(folder / name).tags is not None and _decoded_md5(folder / name) == sound
    assert sorted(p.name for p in folder.iterdir()) == sorted(["episode.md", name])  # no temp file left
    # a temp file an interrupted run left under the shortened name is still known as ours
    from mediafeed.audio.tagger import STALE_AFTER, _temp_prefix

    prefix = _temp_prefix(name, f".{ext}")
    left = folder / f"{prefix}abcdefgh.tmp.{ext}"
    left.write_bytes(b"")
    assert len(left.name.encode()) <= 255
    assert audio.stale_temp_files(folder, now=left.stat().st_mtime + STALE_AFTER) == [left]


def _decoded_md5(path: Path) -> str:
    return subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a", "-f", "md5", "-"],
                          capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("xing", [False, True], ids=["no-header", "xing-header"])
def test_mp3_parts_of_two_sample_rates_joined_count_both_and_warn(show: Path, tmp_path: Path, xing: bool) -> None:
    # An intro exported at 44.1 kHz and an episode at 22.05 kHz, joined with cat: the frame walk skipped the second
    # part's frames as junk, so the feed said 3 s for 6 s of audio (ffmpeg decodes both), and nothing warned.
    parts = []
    for rate, bitrate in ((44100, "64k"), (22050, "32k")):
        part = tmp_path / f"part-{rate}.mp3"
        subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                        "-ar", str(rate), "-c:a", "libmp3lame", "-b:a", bitrate, "-id3v2_version", "0",
                        "-write_xing", "1" if xing and rate == 44100 else "0", str(part)], check=True)
        parts.append(part)
    folder = add_episode(show, "006-joined", "title: Joined\ndate: 2026-04-01T08:00:00+00:00\nguid: joined-guid\n"
                                             "audio: joined.mp3\n", audio_name="")
    joined = folder / "joined.mp3"
    joined.write_bytes(b"".join(p.read_bytes() for p in parts))
    media = audio.probe(joined, "joined.mp3")
    assert media.duration == pytest.approx(sum(_ffprobe_seconds(p) for p in parts), abs=0.06)
    assert (media.sample_rate, media.rate_switch) == (44100, 22050)
    out = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"]).output
    found = [p for p in json.loads(out)["problems"] if p["code"] == "MED029"]
    assert [(p["file"], p["severity"]) for p in found] == [("episodes/006-joined/joined.mp3", "warning")]
    assert found[0]["message"].startswith("the audio switches from 44,100 Hz to 22,050 Hz at 00:00:03")
    # tagging keeps every frame of both parts
    copy = tmp_path / "tagged.mp3"
    audio.tag_copy(joined, copy, Tags(title="Joined"))
    assert _audio_md5(copy) == _audio_md5(joined)


@pytest.mark.parametrize("ext, container, named", [("mp4", "MP4", "MPEG-2 audio (MP3 or MP2)"),
                                                    ("mov", "QuickTime (MOV)", "MP2"), ("m4a", "M4A", "MPEG-2 audio (MP3 or MP2)")])
def test_mp2_sound_in_an_mp4_or_mov_is_not_called_mp3(show: Path, tmp_path: Path, ext: str, container: str,
                                                      named: str) -> None:
    # ffmpeg writes MP2 in an MP4 with object type 0x69 (MPEG-2 audio, any layer), which MED011 called "MP3";
    # in a MOV its sample entry is '.mp2', which MED011 printed as it is. And the file was "this M4A file" whatever
    # its container: an audio-only .mp4 or .mov is named as what it is, and the hint keeps its extension.
    folder = add_episode(show, "006-mp2", f"title: MP2\ndate: 2026-04-01T08:00:00+00:00\nguid: mp2-guid\naudio: mp2.{ext}\n",
                         audio_name="")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=duration=2", "-ar", "22050",
                    "-c:a", "mp2", "-b:a", "64k", "-f", "mov" if ext == "mov" else "mp4", str(folder / f"mp2.{ext}")],
                   check=True)  # (ffmpeg's M4A muxer, ipod, takes no MP2)
    out = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"]).output
    found = [(p["message"], p["hint"]) for p in json.loads(out)["problems"] if p["code"] == "MED011"]
    assert found == [(f"the audio in this {container} file is {named}, not AAC",
                      f"export it as AAC (ffmpeg -i in.{ext} -c:a aac -b:a 128k out.{ext}) or publish an MP3")]


@pytest.mark.parametrize("codec, ext", [("libopus", "m4a"), ("libmp3lame", "m4a"), ("eac3", "m4b"), ("aac", "m4a")])
def test_an_m4a_of_audio_ffmpegs_m4a_muxer_refuses_gets_its_chapters(tmp_path: Path, codec: str, ext: str) -> None:
    # An M4A of Opus, MP3 or E-AC-3 (MED011: a warning, the build publishes it) given chapters stopped the build with
    # TAG004 "ffmpeg could not write the chapters: Error initializing output stream 0:0 --": ffmpeg names an .m4a's
    # muxer 'ipod', which takes AAC, ALAC and AC-3 only ("Could not find tag for codec opus"). Such a file is re-muxed
    # by the MP4 muxer (an AAC M4A keeps the 'ipod' one, its brand M4A), and its audio packets stay as they were.
    source = tmp_path / f"odd.{ext}"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-ar", "48000", "-c:a", codec, "-b:a", "64k", "-f", "mp4", str(source)], check=True)
    md5 = _audio_md5(source)
    target = tmp_path / f"tagged.{ext}"
    chapters = (TagChapter(0, "Intro"), TagChapter(1500, "Second part"))
    result = audio.tag_copy(source, target, Tags(title="Odd", chapters=chapters), rel=source.name, durable=False,
                            fresh=True)
    assert result.written and audio.probe(target, target.name).chapters[1].title == "Second part"
    assert _audio_md5(target) == md5
    decoded = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(target), "-f", "null", "-"],
                             capture_output=True, text=True, check=True)
    assert decoded.stderr == ""
    if codec == "aac":
        assert target.read_bytes()[8:12] == b"M4A "


def _damaged_table(path: Path, table: bytes, at: int, grow: int) -> None:
    """Add ``grow`` to the 32-bit field ``at`` bytes into ``path``'s first ``table`` box (0: the box's size)."""
    data = bytearray(path.read_bytes())
    found = data.index(table) - 4 + at
    data[found:found + 4] = (int.from_bytes(data[found:found + 4], "big") + grow).to_bytes(4, "big")
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("table, at, grow, said", [
    # stsz: size, name, version and flags, one size for all (0: a table), the count, then the first sample's size
    (b"stsz", 20, 2_000_000, "the MP4/M4A file is corrupt: the first chunk of its sound track (2,008,393 bytes at "
                             "offset 44) runs past the end of the file (9,343 bytes): its sample table is damaged"),
    # stco: its box size, so the box runs past the index that holds it
    (b"stco", 0, 200, "the MP4/M4A file is truncated or corrupt (its 'stco' box runs past the 'stbl' box that holds it)"),
], ids=["sample-size", "offset-table-size"])
def test_an_m4a_with_a_damaged_sample_table_is_a_problem_not_an_internal_error(show: Path, table: bytes, at: int,
                                                                                grow: int, said: str) -> None:
    # ffprobe and mutagen read both files without a word. The build stopped with "Internal error: ValueError:
    # a chunk runs past the end of the file" (or "MP4MetadataError: wrong offset inside b'stco'"), exit 3.
    folder = add_episode(show, "006-damaged", "title: Damaged\ndate: 2026-04-01T08:00:00+00:00\nguid: damaged-guid\n"
                                              "audio: damaged.m4a\n", audio_kind="m4a", audio_name="damaged.m4a")
    master = folder / "damaged.m4a"
    _damaged_table(master, table, at, grow)
    assert _ffprobe_seconds(master) > 0  # ffprobe reads the file
    before = master.read_bytes()
    # check saw neither (the probe skipped the sample tables for speed), and the next build stopped at it
    for command in (["check", "--show", str(show)], ["build", "--show", str(show)],
                    ["tag", "--show", str(show), "006-damaged"]):
        out = CliRunner().invoke(main, [*command, "--format", "json"])
        assert out.exit_code == 1, out.output
        found = [p for p in json.loads(out.output)["problems"] if p["code"] == "MED004"]
        assert [(p["file"], p["severity"], p["message"]) for p in found] == [("episodes/006-damaged/damaged.m4a", "error", said)]
    assert master.read_bytes() == before and not (show / "public").exists()


#: A new episode's file whose name says one format and whose content is another, made by ffmpeg: (output options).
_MISNAMED = {
    "pcm-wav-named.mp3": ["-ar", "44100", "-c:a", "pcm_s16le", "-f", "wav"],
    "riff-mp3-named.mp3": ["-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k", "-f", "wav"],
    "flac-named.mp3": ["-ar", "44100", "-c:a", "flac", "-f", "flac"],
    "vorbis-named.mp3": ["-ar", "44100", "-c:a", "libvorbis", "-f", "ogg"],
    "opus-named.m4a": ["-ar", "48000", "-c:a", "libopus", "-b:a", "32k", "-f", "ogg"],
    "adts-named.m4a": ["-ar", "44100", "-c:a", "aac", "-b:a", "64k", "-f", "adts"],
    "m4a-named.mp3": ["-ar", "44100", "-c:a", "aac", "-b:a", "64k", "-f", "ipod"],
    "mp3-named.m4a": ["-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3"],
    "mp2-named.mp2": ["-ar", "44100", "-c:a", "mp2", "-b:a", "128k", "-f", "mp2"],
    "mp3-named.wav": ["-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3"],
}


def _follow(hint: str, folder: Path, name: str) -> None:
    """Do what MED005's (or MED010's) hint says, as a producer would: run its ffmpeg command on the file, then put the
    result in place (or name it as the hint says and point 'audio:' at it), or rename the file and write its new name."""
    import re

    episode = folder / "episode.md"
    # MED010's command names the files, from the show folder: pasted into a shell there as it is written, then
    # 'audio:' pointed at the result
    named = re.search(r"(ffmpeg -i .*?), then write 'audio: (.+?)' in episode\.md", hint)
    if named:
        subprocess.run(named[1].replace("ffmpeg ", "ffmpeg -nostdin -v error ", 1), shell=True, check=True,
                       cwd=folder.parent.parent)
        (folder / name).unlink()
        episode.write_text(episode.read_text().replace(f"audio: {name}", f"audio: {named[2]}"))
        return
    command = re.search(r"ffmpeg (-i in\.\w+ .*? out\.\w+)", hint)
    if command is None:
        new = re.fullmatch(r"rename it to end in (\.\w+) \(and write 'audio: …\1' in episode\.md\)", hint)
        assert new, hint
        target = Path(name).stem + new[1]
        (folder / name).rename(folder / target)
        episode.write_text(episode.read_text().replace(f"audio: {name}", f"audio: {target}"))
        return
    args = shlex.split(command[1])
    made = folder / ("made" + Path(args[-1]).suffix)
    args[1], args[-1] = str(folder / name), str(made)
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", *args], check=True)
    (folder / name).unlink()
    renamed = re.search(r"then name it (\S+) and write 'audio: \1'", hint)
    if renamed:
        made.rename(folder / renamed[1])
        episode.write_text(episode.read_text().replace(f"audio: {name}", f"audio: {renamed[1]}"))
    else:
        assert hint.endswith("in place under the same name") or "in place under the same name (" in hint, hint
        made.rename(folder / name)


@pytest.mark.parametrize("name", sorted(_MISNAMED))
def test_following_med005s_hint_gives_a_file_the_next_build_publishes_for_apple(show: Path, name: str) -> None:
    # A PCM WAV named .mp3 was told "rename it to end in .wav": the next build gave MED010 (Apple does not take WAV),
    # and so for FLAC, Ogg and raw AAC named .mp3 or .m4a. Every hint must lead to a file apps take.
    folder = add_episode(show, "006-misnamed", f"title: Misnamed\ndate: 2026-04-01T08:00:00+00:00\nguid: misnamed-guid\n"
                                               f"audio: {name}\n", audio_name="")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    *_MISNAMED[name], str(folder / name)], check=True)
    out = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    found = [p for p in json.loads(out.output)["problems"] if p["code"] == "MED005"]
    assert [p["file"] for p in found] == [f"episodes/006-misnamed/{name}"], out.output
    _follow(found[0]["hint"], folder, name)
    out = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json"])
    assert out.exit_code == 0, out.output
    left = [p for p in json.loads(out.output)["problems"] if p["episode"] == "006-misnamed" and p["severity"] != "info"]
    assert left == []


def test_a_wav_of_mp3_audio_is_told_how_to_take_the_mp3_out_and_following_it_gives_an_mp3(show: Path) -> None:
    # A "RIFF MP3" named .wav (some recorders and broadcast tools write MP3 frames in a WAV) got MED010's "publish an
    # MP3 or M4A": the producer encoded the MP3 again, losing quality, when it was there to be copied out.
    folder = add_episode(show, "006-riff", "title: Riff\ndate: 2026-04-01T08:00:00+00:00\nguid: riff-guid\naudio: take.wav\n",
                         audio_name="")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    *_MISNAMED["riff-mp3-named.mp3"], str(folder / "take.wav")], check=True)
    found = _checked(show, "MED010")[1]
    [riff] = [p for p in found if p["episode"] == "006-riff"]
    assert "the audio in this WAV is MP3 already" in riff["message"] and "-c:a copy -f mp3" in riff["hint"]
    _follow(riff["hint"], folder, "take.wav")
    assert audio.probe(folder / "take.mp3", "take.mp3").kind == "mp3"
    out = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [p for p in json.loads(out.output)["problems"] if p["episode"] == "006-riff" and p["severity"] != "info"] == []
    pcm = make_media(folder / "pcm.wav", "wav", 1.0)  # a PCM WAV keeps the hint it had
    assert audio.probe(pcm, "pcm.wav").codec == ""


@pytest.mark.parametrize("name, options", [("take.wav", ["-c:a", "pcm_s16le"]), ("my take.WAV", ["-c:a", "pcm_s16le"]),
                                           ("take.flac", ["-c:a", "flac"]),
                                           ("take.opus", ["-ar", "48000", "-c:a", "libopus"]),
                                           ("take.ogg", ["-c:a", "libvorbis"]), ("take.aac", ["-c:a", "aac", "-f", "adts"])])
def test_following_med010s_hint_gives_a_file_apple_takes(show: Path, name: str, options: list[str]) -> None:
    # A WAV, FLAC, Ogg or raw AAC episode got "publish an MP3 or M4A; offer this file as an alternate_enclosure": no
    # command, where every other media hint has one. It says how now (raw AAC is only put into an M4A container).
    folder = add_episode(show, "006-take", f"title: Take\ndate: 2026-04-01T08:00:00+00:00\nguid: take-guid\naudio: {name}\n",
                         audio_name="")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-ar", "44100", *options, str(folder / name)], check=True)
    [found] = [p for p in _checked(show, "MED010")[1] if p["episode"] == "006-take"]
    assert ("-c:a copy" in found["hint"]) is name.endswith(".aac")
    # the command names this episode's file and the one it makes (it said "ffmpeg -i in.wav … out.mp3, then name it"),
    # quoted for the shell where a name needs it
    made = name.rpartition(".")[0] + (".m4a" if name.endswith(".aac") else ".mp3")
    assert f"ffmpeg -i {shlex.quote(f'episodes/006-take/{name}')} " in found["hint"], found["hint"]
    assert f" {shlex.quote(f'episodes/006-take/{made}')}, then write 'audio: {made}' in episode.md" in found["hint"]
    _follow(found["hint"], folder, name)
    out = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [p for p in json.loads(out.output)["problems"] if p["episode"] == "006-take" and p["severity"] != "info"] == []
    feed = (show / "public" / "feed.xml").read_text()
    assert ('type="audio/x-m4a"' if name.endswith(".aac") else 'take.mp3" length=') in feed


@pytest.mark.parametrize("name, options", [("take.aiff", ["-c:a", "pcm_s16be"]), ("take.aif", ["-c:a", "pcm_s24be", "-f", "aiff"]),
                                           ("take.m4a", ["-c:a", "pcm_s16be", "-f", "aiff"]), ("take.caf", ["-c:a", "pcm_s16le"]),
                                           ("take.wma", ["-c:a", "wmav2"]), ("take.oga", ["-c:a", "flac", "-f", "ogg"])])
def test_following_med003s_hint_for_a_sound_format_mediafeed_does_not_read_gives_a_file_apple_takes(
        show: Path, name: str, options: list[str]) -> None:
    # GarageBand and Logic export AIFF, phones record CAF, old Windows tools WMA: MED003 named the format and listed
    # what is supported, but gave no command. It encodes them as MP3 now (as the M4A the name promises, in its place).
    folder = add_episode(show, "006-take", f"title: Take\ndate: 2026-04-01T08:00:00+00:00\nguid: take-guid\naudio: {name}\n",
                         audio_name="")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-ar", "44100", *options, str(folder / name)], check=True)
    _, [found] = _checked(show, "MED003")
    assert "supported: MP3, M4A" in found["hint"]
    if not name.endswith(".m4a"):  # mediafeed add says to add the encoded file (there is no episode.md to write into)
        added = CliRunner().invoke(main, ["add", "--show", str(show), "--format", "json", str(folder / name)])
        assert added.exit_code == 1, added.output
        assert json.loads(added.output)["problems"][0]["hint"].endswith(f", then add it as {Path(name).stem}.mp3")
    _follow(found["hint"], folder, name)
    out = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [p for p in json.loads(out.output)["problems"] if p["episode"] == "006-take" and p["severity"] != "info"] == []


@pytest.mark.parametrize("name, options, kind", [("take.m4a", ["-c:a", "aac", "-movflags", "+faststart"], "mp4"),
                                                 ("take.ogg", ["-c:a", "libvorbis"], "ogg-vorbis"),
                                                 ("take.opus", ["-ar", "48000", "-c:a", "libopus"], "ogg-opus"),
                                                 ("take.wav", ["-c:a", "pcm_s16le"], "wav")])
def test_an_id3_tag_an_mp3_tagger_put_in_front_of_another_format_is_named_with_its_fix(show: Path, name: str,
                                                                                    options: list[str], kind: str) -> None:
    # An MP3 tagger run over every file of a folder (id3v2 -t, some batch taggers) writes an ID3v2 tag in front of an
    # M4A, Ogg or WAV too. ffmpeg skips it; the probe took the file for an MP3 and said "MED004 the MP3 file is truncated
    # or corrupt: it has no MPEG audio frames". It names the format and the tag now, with the remux that drops the tag.
    folder = add_episode(show, "006-take", f"title: Take\ndate: 2026-04-01T08:00:00+00:00\nguid: take-guid\naudio: {name}\n",
                         audio_name="")
    made = tmp = folder / f"plain{Path(name).suffix}"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-ar", "44100", *options, str(made)], check=True)
    frame = b"TIT2" + struct.pack(">I", 10) + b"\0\0" + b"\0Old title"
    (folder / name).write_bytes(b"ID3\x03\x00\x00" + _syncsafe(len(frame) + 100) + frame + bytes(100) + made.read_bytes())
    tmp.unlink()
    _, [found] = _checked(show, "MED004")
    assert "an ID3v2 tag in front of it" in found["message"] and "MP3 file" not in found["message"], found
    _follow(found["hint"], folder, name)
    assert audio.probe(folder / name, name).kind == kind
    out = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [p for p in json.loads(out.output)["problems"] if p["episode"] == "006-take" and p["severity"] == "error"] == []


def _upright(path: Path, rotate: int) -> Path:
    """A 320x180 video (as a phone's sensor records it) whose track matrix turns it by ``rotate`` degrees, as a phone
    held upright writes it: ffmpeg 5.1 writes the matrix on a stream copy given the stream's ``rotate`` (newer ones
    take ``-display_rotation``)."""
    coded = path.with_name("coded.mp4")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=5:duration=2",
                    "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-shortest", str(coded)], check=True)
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(coded), "-c", "copy", "-metadata:s:v:0",
                    f"rotate={rotate}", str(path)], check=True)
    coded.unlink()
    return path


def _ffprobe_shown_height(path: Path) -> int:
    """The height a player shows: ffprobe's coded height, or its width where the display matrix turns it a quarter."""
    out = json.loads(subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v", "-show_streams", "-of", "json",
                                     str(path)], capture_output=True, text=True, check=True).stdout)["streams"][0]
    rotation = next((int(d["rotation"]) for d in out.get("side_data_list", []) if "rotation" in d), 0)
    return int(out["width"] if rotation % 180 else out["height"])


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_a_video_shot_upright_on_a_phone_is_as_tall_as_it_is_shown(tmp_path: Path, rotate: int) -> None:
    # The probe took the track header's height, which applies before the track's matrix: a phone video shot upright
    # (1920x1080 coded, a 90° matrix, shown 1080 wide and 1920 tall) was 1080 high in podcast:alternateEnclosure.
    video = _upright(tmp_path / "upright.mp4", rotate)
    shown = _ffprobe_shown_height(video)
    assert shown == (320 if rotate % 180 else 180)
    assert audio.probe(video, "upright.mp4").height == shown


def test_an_upright_phone_video_alternate_says_its_shown_height_in_the_feed(show: Path) -> None:
    folder = show / "episodes/003-capabilities-framework"
    _upright(folder / "upright.mp4", 90)
    md = (folder / "episode.md").read_text().replace("audio: capabilities-framework.mp3\n",
                                                     "audio: capabilities-framework.mp3\nalternate_enclosures:\n"
                                                     "  - {file: upright.mp4, title: Video}\n")
    (folder / "episode.md").write_text(md)
    build(show)
    feed = (show / "public" / "feed.xml").read_text()
    [line] = [line for line in feed.splitlines() if '<podcast:alternateEnclosure type="video/mp4"' in line]
    assert ' height="320" ' in line, line  # was 180: the coded picture's height


def _ffprobe_title(path: Path) -> str:
    """The title ffprobe shows (what ffmpeg-based players show), whatever the case of its key (a Vorbis 'TITLE')."""
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return next((str(v) for k, v in json.loads(out)["format"].get("tags", {}).items() if k.lower() == "title"), "")


@pytest.mark.parametrize("durable", [True, False], ids=["tag-in-place", "build-copy"])
@pytest.mark.parametrize("trailer", [b"", ID3V1], ids=["id3write", "with-id3v1-mutagen-save"])
def test_an_mp3s_apev2_tag_at_the_end_is_brought_in_step_and_keeps_its_replaygain(bare_mp3: bytes, tmp_path: Path,
                                                                                   durable: bool, trailer: bytes) -> None:
    # foobar2000 and mp3gain write an APEv2 tag at the end; players that read it first kept showing the old title
    # after `tag` and in the build's copies (only the ID3 tags were written). Its items for the managed fields now
    # say what the ID3 tag says; mp3gain's items stay; the audio payload is the same byte for byte.
    from mutagen.apev2 import APEv2

    source = tmp_path / "ape.mp3"
    source.write_bytes(_id3v23("Old ID3 title") + bare_mp3)
    ape = APEv2()
    ape.update({"TITLE": "Old APE title", "Artist": "Old APE artist", "REPLAYGAIN_TRACK_GAIN": "-3.20 dB",
                "MP3GAIN_UNDO": "+002,+002,N"})
    ape.save(source)
    source.write_bytes(source.read_bytes() + trailer)
    md5 = _audio_md5(source)
    wanted = Tags(title="New title", artist="The show", album="Show", id3_version="2.3")
    target = source if durable else tmp_path / "copy.mp3"
    result = audio.tag_copy(source, target, wanted, rel="ape.mp3", durable=durable, fresh=not durable, length=65536)
    assert result.written and result.size == target.stat().st_size == 65536
    assert [(c.field, c.old) for c in result.changes if c.field == "id3_version"] == [
        ("id3_version", "ID3v2.3 and " + ("an ID3v1 tag at the end that says otherwise and " if trailer else "")
         + "an APEv2 tag at the end that says otherwise")]
    tags = APEv2(target)
    assert (str(tags["Title"]), str(tags["Artist"])) == ("New title", "The show")
    assert (str(tags["REPLAYGAIN_TRACK_GAIN"]), str(tags["MP3GAIN_UNDO"])) == ("-3.20 dB", "+002,+002,N")
    assert "Album" not in tags  # items it did not hold are not added
    assert ID3(target)["TIT2"].text == ["New title"] and _ffprobe_title(target) == "New title"
    assert _audio_md5(target) == md5
    if trailer:
        assert target.read_bytes()[-128:-125] == b"TAG" and b"New title" in target.read_bytes()[-128:]
    assert audio.tag_copy(target, tmp_path / "again.mp3", wanted, dry_run=True).changes == []


@pytest.mark.parametrize("durable", [True, False], ids=["tag-in-place", "build-copy"])
@pytest.mark.parametrize("old, new", [("Old APE title", "T" * 53), ("O" * 53, "New title")], ids=["grows-to-131", "was-131"])
def test_an_apev2_tag_of_131_bytes_is_not_taken_for_an_id3v1_tag(bare_mp3: bytes, tmp_path: Path, durable: bool, old: str,
                                                                  new: str) -> None:
    # An APEv2 tag at the very end whose header and footer hold 131 bytes puts the "TAG" of its "APETAGEX" header 128
    # bytes from the end: read as an ID3v1 tag (mutagen knows better), so the audio payload ended 3 bytes into the
    # APEv2 tag, and a title that made the tag that size (or one that changed such a tag's size) stopped the build:
    # TAG002 "tagging would have changed the audio itself ... a bug in mediafeed".
    from mutagen.apev2 import APEv2

    source = tmp_path / "ape.mp3"
    source.write_bytes(bare_mp3)
    ape = APEv2()
    ape["Title"] = old
    ape.save(source)
    before = source.read_bytes()
    assert mpeg.trailer_start(before) == len(bare_mp3)
    md5 = _audio_md5(source)
    target = source if durable else tmp_path / "copy.mp3"
    result = audio.tag_copy(source, target, Tags(title=new, id3_version="2.3"), rel="ape.mp3", durable=durable,
                            fresh=not durable)
    assert result.written and str(APEv2(target)["Title"]) == new
    data = target.read_bytes()
    ape_at = data.rindex(b"APETAGEX", 0, len(data) - 32)  # the new tag's header
    assert 131 in (len(before) - len(bare_mp3), len(data) - ape_at)
    assert mpeg.payload_span(data)[1] == ape_at
    assert _audio_md5(target) == md5


@pytest.mark.parametrize("durable", [True, False], ids=["tag-in-place", "build-copy"])
def test_a_flacs_id3v2_tag_in_front_is_removed(tmp_path: Path, durable: bool) -> None:
    # Some taggers put an ID3v2 tag in front of a FLAC file; mutagen reads past it and tagging wrote the Vorbis
    # comments only, so players that read that tag first kept showing its old title. The copy is the FLAC stream alone.
    from mutagen.flac import FLAC
    from mutagen.id3 import ID3NoHeaderError

    source = _flac(tmp_path / "id3.flac")
    decoded = _decoded_md5(source)
    stale = ID3()
    stale.add(TIT2(encoding=3, text="Old ID3 title"))
    stale.save(source)
    assert source.read_bytes()[:3] == b"ID3" and audio.probe(source, "id3.flac").tags["title"] == "Vorbis title"
    wanted = Tags(title="New title", id3_version="2.3")
    target = source if durable else tmp_path / "copy.flac"
    size = source.stat().st_size
    result = audio.tag_copy(source, target, wanted, rel="id3.flac", durable=durable, fresh=not durable, length=size)
    assert result.written and target.stat().st_size == size  # the padding takes the tag's place
    assert [(c.field, c.old, c.new) for c in result.changes] == [
        ("title", "Vorbis title", "New title"), ("leading_id3", "an ID3v2.4 tag in front of the FLAC stream", "none")]
    assert target.read_bytes()[:4] == b"fLaC"
    with pytest.raises(ID3NoHeaderError):
        ID3(target)
    assert FLAC(target)["TITLE"] == ["New title"] and _ffprobe_title(target) == "New title"
    assert _decoded_md5(target) == decoded
    assert audio.tag_copy(target, tmp_path / "again.flac", wanted, dry_run=True).changes == []


def _flac(path: Path) -> Path:
    """A 3-second FLAC file titled "Vorbis title" in its Vorbis comments."""
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-ar", "44100", "-c:a", "flac", "-metadata", "title=Vorbis title", str(path)], check=True)
    return path


_ID3V1 = b"TAG" + b"Old v1 title".ljust(30, b"\0") + b"Old artist".ljust(30, b"\0") + b"\0" * 30 + b"2001" + b"\0" * 30 + b"\x0c"


@pytest.mark.parametrize("front", [False, True])
def test_a_flacs_id3v1_tag_at_the_end_is_removed(tmp_path: Path, front: bool) -> None:
    # An ID3v1 tag after the last frame (some taggers add one to every file) kept its old title in the tagged copy,
    # for the players that read it. The copy ends with the last frame; the sound is the same.
    source = _flac(tmp_path / "v1.flac")
    decoded = _decoded_md5(source)
    if front:
        stale = ID3()
        stale.add(TIT2(encoding=3, text="Old ID3 title"))
        stale.save(source)
    with open(source, "ab") as handle:
        handle.write(_ID3V1)
    assert len(_ID3V1) == 128 and audio.probe(source, "v1.flac").tags["title"] == "Vorbis title"
    target = tmp_path / "copy.flac"
    result = audio.tag_copy(source, target, Tags(title="New title", id3_version="2.3"), rel="v1.flac")
    old = ("an ID3v2.4 tag in front of the FLAC stream and " if front else "") + "an ID3v1 tag at the end of the file"
    assert ("leading_id3", old, "none") in {(c.field, c.old, c.new) for c in result.changes}
    assert b"TAG" not in target.read_bytes()[-128:] and b"Old v1 title" not in target.read_bytes()
    assert _ffprobe_title(target) == "New title" and _decoded_md5(target) == decoded
    assert audio.payload_digest(target, "flac") == audio.payload_digest(source, "flac")  # the frames, byte for byte
    assert audio.tag(source, Tags(title="New title", id3_version="2.3"), rel="v1.flac").written  # in place, too
    assert source.read_bytes()[-128:] != _ID3V1 and _decoded_md5(source) == decoded
    assert audio.tag_copy(target, tmp_path / "again.flac", Tags(title="New title", id3_version="2.3"), dry_run=True).changes == []


def test_flac_audio_that_ends_in_tag_is_not_taken_for_an_id3v1_tag(tmp_path: Path) -> None:
    # "TAG" 128 bytes before the end inside the last frame: no ID3v1 tag (the frame's CRC does not end there)
    source = _flac(tmp_path / "tag.flac")
    data = bytearray(source.read_bytes())
    data[-128:-125] = b"TAG"
    source.write_bytes(bytes(data))
    assert audio.probe(source, "tag.flac").tags.get("title") == "Vorbis title"
    result = audio.tag_copy(source, tmp_path / "copy.flac", Tags(title="New title", id3_version="2.3"), rel="tag.flac")
    assert "leading_id3" not in {c.field for c in result.changes}
    assert (tmp_path / "copy.flac").read_bytes()[-128:] == bytes(data[-128:])


def _box(data: bytes | bytearray, path: list[bytes], start: int = 0, end: int | None = None) -> int:
    """Where the box at ``path`` (names from the top) starts in an MP4 file (32-bit sizes: the small files here)."""
    end = len(data) if end is None else end
    while start + 8 <= end:
        size, kind = struct.unpack(">I4s", data[start:start + 8])
        if kind == path[0]:
            inner = start + 8 + {b"stsd": 8, b"mp4a": 28}.get(kind, 0)  # (after their fields: the boxes they hold)
            return start if len(path) == 1 else _box(data, path[1:], inner, start + size)
        start += size
    raise KeyError(path)


def _he_aac(lc: Path, target: Path, signalling: str) -> bytes:
    """An HE-AAC (AAC + SBR) M4A made by hand from ffmpeg's AAC LC at 22,050 Hz: no encoder here writes one (Debian's
    ffmpeg has no libfdk_aac, and its own 'aac_he' is ER TwinVQ, above). The AudioSpecificConfig declares SBR at 44.1
    kHz, "backward compatible" (AAC LC, then a sync extension: SBR present) or "hierarchical" (object type 5 first, as
    Apple's encoder writes it), and, as fdkaac and Apple write it, the track counts time at the output rate (44,100 a
    second, 2,048 samples a frame): ffmpeg decodes it at 44.1 kHz (the frames carry no SBR data, so SBR only
    upsamples). The doubled rate is the classic source of durations half or twice the real one."""
    data = bytearray(lc.read_bytes())
    stbl = [b"moov", b"trak", b"mdia", b"minf", b"stbl"]
    asc = data.index(bytes.fromhex("0580808005"), _box(data, [*stbl, b"stsd", b"mp4a", b"esds"])) + 5
    assert data[asc:asc + 5] == bytes.fromhex("138856e500")  # LC, 22050 Hz, mono; sync extension: SBR absent
    config = bytes.fromhex("138856e5a0" if signalling == "backward compatible" else "2b8a080000")
    data[asc:asc + 5] = config
    mdhd = _box(data, [b"moov", b"trak", b"mdia", b"mdhd"])
    scale, length = struct.unpack(">II", data[mdhd + 20:mdhd + 28])
    data[mdhd + 20:mdhd + 28] = struct.pack(">II", scale * 2, length * 2)
    stts = _box(data, [*stbl, b"stts"])
    for entry in range(struct.unpack(">I", data[stts + 12:stts + 16])[0]):
        at = stts + 20 + 8 * entry
        data[at:at + 4] = struct.pack(">I", struct.unpack(">I", data[at:at + 4])[0] * 2)
    entry = _box(data, [*stbl, b"stsd", b"mp4a"])
    data[entry + 32:entry + 36] = struct.pack(">I", 44100 << 16)
    elst = _box(data, [b"moov", b"trak", b"edts", b"elst"])
    for edit in range(struct.unpack(">I", data[elst + 12:elst + 16])[0]):  # (media time: the priming, in media time)
        at = elst + 20 + 12 * edit
        data[at:at + 4] = struct.pack(">i", struct.unpack(">i", data[at:at + 4])[0] * 2)
    target.write_bytes(bytes(data))
    return b"\x05\x80\x80\x80\x05" + config  # the decoder's configuration as the file holds it


def _decoded(path: Path) -> tuple[str, str]:
    """(MD5 of the decoded sound, ffmpeg's errors)."""
    done = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a", "-f", "md5", "-"],
                          capture_output=True, text=True)
    return done.stdout.strip(), done.stderr.strip()


@pytest.mark.parametrize("signalling", ["backward compatible", "hierarchical"])
def test_he_aac_gets_its_real_duration_and_rate_and_is_tagged_and_moved_without_harm(show: Path, tmp_path: Path,
                                                                                     signalling: str) -> None:
    lc = tmp_path / "lc.m4a"  # (ffmpeg's default layout: the index last, MED027, moved by the build)
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=6",
                    "-ac", "1", "-ar", "22050", "-c:a", "aac", "-b:a", "32k", str(lc)], check=True)
    made = tmp_path / "he-aac.m4a"
    config = _he_aac(lc, made, signalling)
    sound, errors = _decoded(made)
    assert not errors
    media = audio.probe(made, made.name)
    assert media.duration == pytest.approx(_ffprobe_seconds(made), abs=0.1)  # (6.05 s: the edit list's priming in)
    assert (media.mime, media.sample_rate, media.index_last) == ("audio/x-m4a", 44100, True)
    folder = add_episode(show, "006-he-aac", "title: HE-AAC\ndate: 2026-04-01T08:00:00+00:00\nguid: he-guid\n"
                                             "audio: he-aac.m4a\n", audio_name="")
    master = folder / "he-aac.m4a"
    master.write_bytes(made.read_bytes())
    out = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"]).output
    assert [p["code"] for p in json.loads(out)["problems"] if p["episode"] == "006-he-aac" and p["code"] != "EP134"] \
        == ["MED027"]  # an info (the build moves the index): no MED011 (not AAC), no MED021 (a 22,050 Hz rate)
    published = build(show).output / "episodes/006-he-aac/he-aac.m4a"
    for copy in (published, master):
        if copy == master:
            result = CliRunner().invoke(main, ["tag", "--show", str(show), "006-he-aac"])
            assert result.exit_code == 0, result.output
        assert _decoded(copy) == (sound, "") and config in copy.read_bytes()
        assert _ffprobe_seconds(copy) == pytest.approx(_ffprobe_seconds(made), abs=0.001)
        assert audio.probe(copy, copy.name).sample_rate == 44100 and audio.probe(copy, copy.name).tags["title"] == "HE-AAC"
    assert not audio.probe(published, published.name).index_last  # moved to the front by the build
    assert audio.probe(master, master.name).index_last  # `mediafeed tag` keeps the producer's layout
    item = next(e for e in podcastparser.parse("feed.xml", io.BytesIO((show / "public" / "feed.xml").read_bytes()))["episodes"]
                if e["guid"] == "he-guid")
    assert item["total_time"] == 6


def _unsynchronised(data: bytes) -> bytes:
    """ID3v2's unsynchronisation (section 6.1): a zero after each 0xFF that a frame sync or a zero follows."""
    out = bytearray()
    for at, byte in enumerate(data):
        out.append(byte)
        if byte == 0xFF and (at + 1 == len(data) or data[at + 1] >= 0xE0 or data[at + 1] == 0):
            out.append(0)
    return bytes(out)


@pytest.mark.parametrize("version", [3, 4])
def test_an_unsynchronised_id3_tag_with_an_extended_header_and_frame_syncs_in_its_cover(bare_mp3: bytes, tmp_path: Path,
                                                                                      version: int) -> None:
    """Old taggers unsynchronise the whole tag (v2.3) or each frame (v2.4) so that the cover's bytes hold no frame sync,
    and some add an extended header. The cover here is full of MPEG frame headers, which must not be taken for audio
    once the tag is read and written again without unsynchronisation."""
    cover = b"\xff\xd8\xff\xe0" + (bare_mp3[:4] + bytes(range(60))) * 200 + b"\xff\xd9"
    # (a type ffmpeg does not decode: it skips the picture, with a warning, as it is no real JPEG)
    bodies = [(b"TIT2", b"\x00Old unsynchronised title"), (b"APIC", b"\x00application/octet-stream\x00\x03\x00" + cover)]
    if version == 3:  # the whole tag unsynchronised, its extended header (6 bytes, padding size 64) too
        frames = b"".join(name + struct.pack(">IH", len(body), 0) + body for name, body in bodies)
        tag = _unsynchronised(struct.pack(">IHI", 6, 0, 64) + frames) + bytes(64)
    else:  # each frame unsynchronised (its flag 0x02), after an extended header without flags
        frames = b"".join(name + _syncsafe(len(_unsynchronised(body))) + b"\x00\x02" + _unsynchronised(body)
                          for name, body in bodies)
        tag = _syncsafe(6) + b"\x01\x00" + frames + bytes(64)
    source = tmp_path / "unsynchronised.mp3"
    source.write_bytes(b"ID3" + bytes([version, 0, 0xC0]) + _syncsafe(len(tag)) + tag + bare_mp3)
    assert ID3(source).getall("APIC")[0].data == cover  # (mutagen reads what was written)
    media = audio.probe(source, source.name)
    assert (media.lead, media.tags["title"]) == (0, "Old unsynchronised title")
    assert media.duration == pytest.approx(_ffprobe_seconds(source), abs=0.05)
    target = tmp_path / "tagged.mp3"
    audio.tag_copy(source, target, Tags(title="New title", guid="g-1"), rel=source.name)
    tags = ID3(target)
    assert (tags.f_unsynch, str(tags["TIT2"]), tags.getall("APIC")[0].data) == (False, "New title", cover)
    assert audio.probe(target, target.name).duration == media.duration
    assert _decoded(target)[1] == "" and _decoded(target)[0] == _decoded(source)[0]
