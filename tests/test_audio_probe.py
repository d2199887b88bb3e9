"""Probing every format podcasters publish, and a clear error for every broken file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from media_fixtures import BROKEN, GOOD, LEAD, SECONDS, VBR_SECONDS, build_fixtures
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4

from mediafeed.audio import probe
from mediafeed.errors import MediaError


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixtures(tmp_path_factory.mktemp("media"))


def _ffprobe_duration(path: Path) -> float:
    """ffprobe's duration after decoding every packet (not its bitrate estimate)."""
    out = subprocess.run(["ffprobe", "-v", "error", "-count_packets", "-show_entries", "stream=nb_read_packets,sample_rate",
                          "-select_streams", "a:0", "-of", "json", str(path)], capture_output=True, text=True, check=True)
    stream = json.loads(out.stdout)["streams"][0]
    return int(stream["nb_read_packets"]) * 576 / int(stream["sample_rate"])  # MPEG-2 layer III: 576 samples a frame


def _use_audio(show: Path, slug: str, source: Path) -> str:
    """Make ``source`` the audio of episode ``slug`` (a copy named after the episode's file, with the source's
    extension); its path from the show root."""
    folder = show / "episodes" / slug
    md = folder / "episode.md"
    text = md.read_text()
    old = re.search(r"^audio: (.+)$", text, re.M).group(1)
    new = Path(old).stem + source.suffix
    if new != old:
        (folder / old).unlink()
        md.write_text(text.replace(f"audio: {old}", f"audio: {new}"))
    shutil.copyfile(source, folder / new)
    return f"episodes/{slug}/{new}"


def _checked(show: Path, code: str) -> tuple[int, list[dict[str, str]]]:
    """``mediafeed check --format json`` on ``show``: its exit code and the problems with ``code``."""
    from click.testing import CliRunner

    from mediafeed.cli import main

    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    return result.exit_code, [p for p in json.loads(result.output)["problems"] if p["code"] == code]


@pytest.mark.parametrize("name", sorted(GOOD))
def test_every_format_probes_with_duration_mime_and_audio_details(fixtures: Path, name: str) -> None:
    kind, mime = GOOD[name]
    media = probe(fixtures / name, name)
    assert (media.kind, media.mime) == (kind, mime)
    expected = VBR_SECONDS if name.startswith("vbr-") else SECONDS + VBR_SECONDS if name == "joined.mp3" else SECONDS
    assert abs(media.duration - expected) < 0.15, media.duration
    assert media.size == (fixtures / name).stat().st_size
    assert media.sample_rate in (22050, 44100, 48000) and media.channels in (1, 2)
    assert media.bitrate > 0
    assert media.video == mime.startswith("video/")
    # the picture's height (the fixtures' videos are 96x54), as ffprobe reads it; 0 for sound
    assert media.height == (_ffprobe_height(fixtures / name) if media.video else 0) == (54 if media.video else 0)


def _ffprobe_height(path: Path) -> int:
    done = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=height",
                           "-of", "csv=p=0", str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


def test_vbr_mp3_without_xing_header_gets_its_real_duration_not_mutagens_guess(fixtures: Path) -> None:
    path = fixtures / "vbr-no-xing.mp3"
    guessed = MP3(path).info.length  # from the first frame's bitrate
    media = probe(path, "vbr-no-xing.mp3")
    counted = _ffprobe_duration(path)
    assert guessed < 5  # mutagen alone is wrong by a factor of ten or more
    assert abs(media.duration - counted) < 0.03
    assert media.bitrate_mode == "VBR"


@pytest.mark.parametrize("name, mode", [("vbr-xing.mp3", "VBR"), ("vbr-vbri.mp3", "VBR"), ("cbr-info.mp3", "CBR")])
def test_mp3_bitrate_mode_comes_from_the_header(fixtures: Path, name: str, mode: str) -> None:
    assert probe(fixtures / name, name).bitrate_mode == mode


@pytest.mark.parametrize("name, title", [("id3v23.mp3", "Old v2.3 title"), ("id3v24.mp3", "Old v2.4 title"),
                                         ("id3v1-only.mp3", "Old v1 title"), ("id3v22.mp3", "Old v2.2 title")])
def test_existing_id3_tags_are_read(fixtures: Path, name: str, title: str) -> None:
    assert probe(fixtures / name, name).tags["title"] == title


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_get_a_clear_error_naming_file_format_and_what_is_supported(fixtures: Path, name: str) -> None:
    code, words = BROKEN[name]
    with pytest.raises(MediaError) as info:
        probe(fixtures / name, f"episodes/x/{name}")
    problem = info.value.problems[0]
    assert problem.code == code, problem.line()
    assert problem.file == f"episodes/x/{name}" and problem.field == "audio"
    assert words in problem.message, problem.line()
    assert problem.hint
    if code == "MED003":
        assert "MP3, M4A" in problem.hint
    if name == "riff-mp3.mp3":  # renaming it .wav (the hint for a WAV) would not make it an MP3 apps take
        assert "ffmpeg -i in.mp3 -c:a copy -f mp3 out.mp3, then put out.mp3 in place" in problem.hint


def test_formats_apps_do_not_take_are_reported_by_check_not_silently_published(show: Path, fixtures: Path) -> None:
    rel = _use_audio(show, "005-european-review", fixtures / "opus.opus")
    _, found = _checked(show, "MED010")
    assert [p["file"] for p in found] == [rel]
    assert "audio/ogg is not accepted by Apple Podcasts" in found[0]["message"]


@pytest.mark.parametrize("name", sorted(n for n, (kind, _) in GOOD.items() if kind == "mp3"))
def test_an_mp3_probes_as_mutagen_reads_it_where_mutagen_knows(fixtures: Path, name: str) -> None:
    """The probe reads an MP3 once and asks mutagen only for the tags (and a Xing/VBRI header's figures):
    what it reports is still what mutagen reads, wherever mutagen's figure is not a guess."""
    media, info = probe(fixtures / name, name), MP3(fixtures / name).info
    assert (media.sample_rate, media.channels) == (info.sample_rate, info.channels)
    if name in ("cbr-info.mp3", "vbr-xing.mp3", "vbr-vbri.mp3"):  # a header counts the frames: mutagen's figures
        assert (media.duration, media.bitrate) == (info.length, info.bitrate)
    assert media.tags.get("title") == (MP3(fixtures / name).tags or {}).get("TIT2", [None])[0]


@pytest.mark.parametrize("name", sorted(n for n, (kind, _) in GOOD.items() if kind == "mp3"))
def test_an_mp3_holding_more_audio_than_its_header_declares_gets_the_counted_duration(fixtures: Path, name: str) -> None:
    """Two MP3s joined with cat keep the first one's Xing header: mutagen (and apps that trust the header) say 6 s
    for 26 s of audio. The probe counts the frames instead, as ffmpeg decodes them, and keeps the header's figure
    for MED025; a file whose header is right is left at the header's figures (declared 0)."""
    media = probe(fixtures / name, name)
    if name != "joined.mp3":
        assert media.declared == 0
        return
    assert MP3(fixtures / name).info.length == pytest.approx(SECONDS, abs=0.01)  # what the header says
    assert media.declared == pytest.approx(SECONDS, abs=0.01)
    assert media.duration == pytest.approx(_ffprobe_duration(fixtures / name), abs=0.03)
    assert media.bitrate_mode == "VBR"


@pytest.mark.parametrize("name", sorted(n for n, (kind, _) in GOOD.items() if kind == "mp4"))
def test_an_mp4_names_its_audio_codec_and_only_aac_passes(fixtures: Path, name: str) -> None:
    from mediafeed.checks.media import _aac

    codec = probe(fixtures / name, name).codec
    assert codec == MP4(fixtures / name).info.codec
    assert _aac(codec) == (name != "alac.m4a"), codec  # ffmpeg's AAC everywhere else, video included


def test_an_m4a_that_is_not_aac_is_a_warning_naming_the_codec(fixtures: Path, show: Path) -> None:
    rel = _use_audio(show, "002-learning-alliances", fixtures / "alac.m4a")
    _, found = _checked(show, "MED011")
    assert [(p["file"], p["severity"]) for p in found] == [(rel, "warning")]
    assert "the audio in this M4A file is ALAC (Apple Lossless), not AAC" in found[0]["message"]
    assert "-c:a aac" in found[0]["hint"]


@pytest.mark.parametrize("name", sorted(n for n, (kind, _) in GOOD.items() if kind.startswith("ogg")))
def test_an_ogg_chain_is_told_from_one_stream(fixtures: Path, name: str) -> None:
    assert probe(fixtures / name, name).chained == (name == "chained.ogg")


def test_an_ogg_chain_is_a_warning(fixtures: Path, show: Path) -> None:
    rel = _use_audio(show, "005-european-review", fixtures / "chained.ogg")
    _, found = _checked(show, "MED026")
    assert [(p["file"], p["severity"]) for p in found] == [(rel, "warning")]
    assert "several Ogg streams one after another" in found[0]["message"] and "00:00:06" in found[0]["message"]


def test_the_payload_of_an_ogg_chain_covers_its_later_streams(fixtures: Path, tmp_path: Path) -> None:
    """Tagging rewrites the first stream's comment header only; a change anywhere in a later stream must still
    show in the payload digest, or a damaged chain would pass the tagger's check."""
    from mediafeed.audio import payload_digest

    data = bytearray((fixtures / "chained.ogg").read_bytes())
    second = data.index(b"OggS", len((fixtures / "vorbis.ogg").read_bytes()) + 1)  # a page of the second stream
    damaged = tmp_path / "damaged.ogg"
    data[-20] ^= 0x55  # a byte of the second stream's last audio packet
    damaged.write_bytes(bytes(data))
    assert second < len(data) - 20
    assert payload_digest(damaged, "ogg-vorbis") != payload_digest(fixtures / "chained.ogg", "ogg-vorbis")


def test_a_joined_mp3_is_a_warning_naming_both_lengths(fixtures: Path, show: Path) -> None:
    (show / "published.json").unlink()  # a new show: nothing published yet, so the audio may change
    rel = _use_audio(show, "000-trailer", fixtures / "joined.mp3")
    exit_code, found = _checked(show, "MED025")
    assert exit_code == 0
    assert [(p["file"], p["severity"]) for p in found] == [(rel, "warning")]
    assert "declares 00:00:06 of audio, but the file holds 00:00:26" in found[0]["message"], found[0]["message"]
    assert "ffmpeg -i in.mp3 -c copy" in found[0]["hint"]


@pytest.mark.parametrize("factor", [2, 0.5])
def test_an_info_header_whose_frame_count_a_tool_left_wrong_gets_the_frames_duration(fixtures: Path, show: Path,
                                                                                    tmp_path: Path, factor: float) -> None:
    """A constant-bitrate MP3's Info header counting twice (or half) its frames: the feed said 12 s (or 3 s) of a
    6 s file, as mutagen and ffprobe read the header, while ffmpeg plays 6 s. At a constant bitrate the bytes say how
    long it plays: a header saying otherwise is checked by counting the frames (MED025)."""
    import struct

    data = bytearray((fixtures / "cbr-info.mp3").read_bytes())
    at = data.index(b"Info")
    assert struct.unpack(">I", data[at + 4:at + 8])[0] & 1  # the frame count is there
    frames = struct.unpack(">I", data[at + 8:at + 12])[0]
    struct.pack_into(">I", data, at + 8, int(frames * factor))
    source = tmp_path / "edited.mp3"
    source.write_bytes(bytes(data))
    declared = probe(fixtures / "cbr-info.mp3", "x.mp3").duration * factor
    media = probe(source, "edited.mp3")
    assert media.duration == pytest.approx(probe(fixtures / "cbr-info.mp3", "x.mp3").duration, abs=0.1)
    assert media.declared == pytest.approx(declared, abs=0.1)
    (show / "published.json").unlink()  # a new show: nothing published yet, so the audio may change
    rel = _use_audio(show, "000-trailer", source)
    [found] = _checked(show, "MED025")[1]
    assert found["file"] == rel and "but the file holds 00:00:06" in found["message"]


@pytest.mark.parametrize("name", sorted(n for n, (kind, _) in GOOD.items() if kind == "mp3"))
def test_unknown_bytes_before_the_first_frame_are_counted_not_refused(fixtures: Path, name: str) -> None:
    """An MP3 that starts with neither a tag nor a frame (an encoder's leftovers, a bad cut) plays in mutagen and
    ffmpeg, so it is an MP3 with the same audio as without those bytes; they are reported (MED024), except zero
    padding, which every player skips."""
    media = probe(fixtures / name, name)
    assert media.lead == LEAD.get(name, 0)
    if name.startswith("lead-"):
        bare = probe(fixtures / "bare.mp3", "bare.mp3")
        assert (media.duration, media.sample_rate, media.channels) == (bare.duration, bare.sample_rate, bare.channels)
        assert MP3(fixtures / name).info.length == MP3(fixtures / "bare.mp3").info.length  # mutagen plays it too


def test_an_unknown_lead_is_a_warning_and_the_tagged_copy_keeps_every_audio_byte(fixtures: Path, show: Path) -> None:
    from click.testing import CliRunner

    from mediafeed.cli import main

    (show / "published.json").unlink()  # a new show: nothing published yet, so the audio may change
    rel = _use_audio(show, "000-trailer", fixtures / "lead-junk.mp3")
    exit_code, found = _checked(show, "MED024")
    assert exit_code == 0
    assert [(p["file"], p["severity"]) for p in found] == [(rel, "warning")]
    assert "3,000 bytes of unknown data" in found[0]["message"] and "ffmpeg" in found[0]["hint"]
    result = CliRunner().invoke(main, ["build", "--show", str(show), "--quiet"])
    assert result.exit_code == 0, result.output
    copy = (show / "public" / rel).read_bytes()  # public/episodes/<slug>/<file>
    source = (fixtures / "lead-junk.mp3").read_bytes()
    assert copy.startswith(b"ID3") and copy.endswith(source)  # the tag in front, then every byte as it was
    decoded = subprocess.run(["ffmpeg", "-v", "error", "-i", "-", "-f", "null", "-"], input=copy, capture_output=True)
    assert decoded.returncode == 0 and not decoded.stderr.strip(), decoded.stderr


@pytest.mark.parametrize("name", ["vbr-xing.mp3", "vbr-no-xing.mp3", "id3v24.mp3", "truncated-vbr-xing.mp3"])
def test_a_big_mp3_is_mapped_and_probes_as_if_read(fixtures: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """MP3 files over a size are mapped instead of read into memory: same media, same errors."""
    import sys

    module = sys.modules[probe.__module__]

    def outcome() -> object:
        try:
            return probe(fixtures / name, name)
        except MediaError as exc:
            return exc.problems[0].line()

    read = outcome()
    monkeypatch.setattr(module, "_READ_LIMIT", 0)
    assert outcome() == read


@pytest.mark.parametrize("cut", [False, True])
def test_an_mp3_without_a_header_cut_mid_frame_is_a_warning(fixtures: Path, show: Path, tmp_path: Path, cut: bool) -> None:
    """An MP3 without a Xing/VBRI header (nothing says how long it is) cut off mid-frame, as an interrupted copy or
    download leaves it, passed without a word: its duration is what is there, and nothing told the producer."""
    whole = (fixtures / "vbr-no-xing.mp3").read_bytes()
    source = tmp_path / "cut.mp3"
    source.write_bytes(whole[: len(whole) * 2 // 3 + 17] if cut else whole)
    assert probe(source, "cut.mp3").cut is cut
    rel = _use_audio(show, "003-capabilities-framework", source)
    found = _checked(show, "MED030")[1]
    assert [p["file"] for p in found] == ([rel] if cut else []) and not _checked(show, "MED004")[1]  # not refused
    if cut:
        assert found[0]["severity"] == "warning" and "the last audio frame is cut short" in found[0]["message"]
        assert "check it plays to the end" in found[0]["hint"]


def test_a_fragmented_mp4_a_tag_editor_broke_is_corrupt_before_tagging_not_a_bug_after(fixtures: Path, tmp_path: Path) -> None:
    """OBS's fragmented MP4, tagged by an editor built on mutagen (whose save moves only the first fragment's offsets),
    plays noise after the first second: check passed it, and the build stopped at TAG002 ("a bug in mediafeed")."""
    from mutagen.mp4 import MP4Cover

    from mediafeed.audio import Cover, Tags, tag

    broken = tmp_path / "recording.mp4"
    shutil.copyfile(fixtures / "fragmented-video.mp4", broken)
    saved = MP4(broken)
    saved["covr"] = [MP4Cover(b"\xff\xd8\xff\xe0" + bytes(100_000), imageformat=MP4Cover.FORMAT_JPEG)]
    saved.save()
    decoded = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(broken), "-map", "0:a", "-f", "null", "-"],
                             capture_output=True, text=True)
    assert "Invalid data" in decoded.stderr  # what a player gets
    with pytest.raises(MediaError) as info:
        probe(broken, "recording.mp4")
    [found] = info.value.problems
    assert found.code == "MED004" and "the samples of movie fragment 2 of its" in found.message
    assert "lie outside its media data" in found.message and "before a tag editor saved it" in found.hint
    mended = tmp_path / "tagged.mp4"  # the same tag written by mediafeed, which moves every fragment: no problem
    shutil.copyfile(fixtures / "fragmented-video.mp4", mended)
    tag(mended, Tags(cover=Cover("image/jpeg", b"\xff\xd8\xff\xe0" + bytes(100_000))), rel="tagged.mp4")
    assert probe(mended, "tagged.mp4").duration > 5


def test_an_m4a_that_ffmpeg_made_with_global_sidx_is_named_for_what_broke_it_not_a_tag_editor(tmp_path: Path) -> None:
    """ffmpeg 5.1's '-movflags +empty_moov+global_sidx' writes the 'sidx' index in front of fragments whose absolute
    offsets it set before: every fragment points the index's size before its data. MED004's hint said to use the
    recording "as it was before a tag editor saved it": no tag editor had touched it."""
    def made(name: str, flags: str) -> Path:
        path = tmp_path / name
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=d=5", "-c:a", "aac", "-b:a", "64k",
                        "-frag_duration", "1000000", "-movflags", flags, str(path)], check=True)
        return path

    broken = made("episode.m4a", "+frag_keyframe+empty_moov+global_sidx")
    decoded = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(broken), "-f", "null", "-"],
                             capture_output=True, text=True)
    assert decoded.stderr  # what a player gets: ffmpeg decodes noise ("invalid band type", …)
    with pytest.raises(MediaError) as info:
        probe(broken, "episode.m4a")
    [found] = info.value.problems
    assert found.code == "MED004" and "lie outside its media data" in found.message
    assert re.search(r"offsets point \d+ bytes before their data, the size of the 'sidx' index", found.message)
    assert "+empty_moov+global_sidx" in found.message and "tag editor" not in found.message + found.hint
    assert "without '+global_sidx'" in found.hint and "-c copy -movflags +faststart" in found.hint
    # what the hint says works: made again without +global_sidx, the same fragments are read whole
    assert probe(made("again.m4a", "+frag_keyframe+empty_moov"), "again.m4a").duration > 4.9
