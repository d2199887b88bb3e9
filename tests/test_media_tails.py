"""Tricky real media, session 19: tags at the end of an MP3 that are not ours, damaged masters, odd containers.

Each test reproduces what a producer's file did to ``tag`` or ``build``: the file is made by ffmpeg or lame (its
odd part by hand, as the tool that wrote it would), and the result is read by mutagen, ffprobe and ffmpeg.
"""

from __future__ import annotations

import io
import random
import subprocess
from pathlib import Path

import pytest
from helpers import make_media
from mutagen.apev2 import APEv2
from mutagen.id3 import APIC, ID3, TIT2
from test_media_corpus import ID3V1, _audio_md5, _ffprobe_title, _id3v23, _syncsafe, bare_mp3  # noqa: F401 - a fixture

from mediafeed import audio
from mediafeed.audio import Tags, mpeg
from mediafeed.errors import MediaError


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


def _v23_with_cover(title: str, size: int = 500_000) -> bytes:
    """An ID3v2.3 tag as mutagen writes it (no footer: v2.3 has none) holding a ``size``-byte JPEG cover, to append
    after the audio as a tagger that writes at the end does."""
    tag = ID3()
    tag.add(TIT2(encoding=3, text=title))
    tag.add(APIC(encoding=3, mime="image/jpeg", type=3, desc="", data=b"\xff\xd8\xff\xe0" + random.Random(3).randbytes(size)))
    out = io.BytesIO()
    tag.save(out, v2_version=3, padding=lambda info: 2048)
    return out.getvalue()

TAILS = {  # what some taggers leave after the audio, in the orders they leave it
    "appended": lambda: _appended_id3v24("Appended title"),
    "appended-id3v1": lambda: _appended_id3v24("Appended title") + ID3V1,
    "ape-appended-id3v1": lambda: _ape("Old APE title") + _appended_id3v24("Appended title") + ID3V1,
    "appended-ape-lyrics3-id3v1": lambda: _appended_id3v24("Appended title") + _ape("Old APE title") + _LYRICS3 + ID3V1,
    "appended-v23-no-footer-id3v1": lambda: _id3v23("Appended title") + ID3V1,
    # (found in the last 64 KB only: with a cover it stayed in the copy, after the last frame)
    "appended-v23-500kb-cover": lambda: _v23_with_cover("Appended title"),
    "ape-appended-v23-500kb-cover-id3v1": lambda: _ape("Old APE title") + _v23_with_cover("Appended title") + ID3V1,
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


def _box(data: bytes, name: bytes, start: int, end: int) -> tuple[int, int]:
    pos = start
    while pos + 8 <= end:
        size = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == name:
            return pos, pos + size
        pos += size
    raise AssertionError(f"no {name!r} box")


def _moov_meta(path: Path, full_box: bool) -> None:
    """Move an M4A's keyed metadata from ``moov/udta/meta`` (where ffmpeg -movflags use_metadata_tags writes it) to
    ``moov/meta`` (where Apple's apps write it), as a full box (version and flags) or as QuickTime's own (none)."""
    data = path.read_bytes()
    moov = _box(data, b"moov", 0, len(data))
    udta = _box(data, b"udta", moov[0] + 8, moov[1])
    meta = _box(data, b"meta", udta[0] + 8, udta[1])
    assert udta[1] - udta[0] == 8 + meta[1] - meta[0] and data[meta[0] + 8:meta[0] + 12] == bytes(4)
    box = data[meta[0]:meta[1]] + b"\0\0\0\x08free"  # (in udta's header's place: the samples' offsets stay)
    if not full_box:  # (4 bytes fewer: only where moov comes after the samples, whose offsets stay)
        assert moov[1] == len(data)
        box = (meta[1] - meta[0] - 4).to_bytes(4, "big") + b"meta" + box[12:-8]
    inner = data[moov[0] + 8:udta[0]] + data[udta[1]:moov[1]] + box
    path.write_bytes(data[:moov[0]] + (8 + len(inner)).to_bytes(4, "big") + b"moov" + inner + data[moov[1]:])


def _ffprobe_tags(path: Path) -> dict[str, str]:
    import json

    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return {k.lower(): v for k, v in json.loads(out)["format"].get("tags", {}).items()}


@pytest.mark.parametrize("layout", ["qt-moov-last", "full-box-moov-last", "full-box-fast-start"])
@pytest.mark.parametrize("durable", [True, False], ids=["tag-in-place", "build-copy-fast-start"])
def test_quicktime_metadata_under_moov_gets_the_new_title(tmp_path: Path, layout: str, durable: bool) -> None:
    # Apple's apps keep their metadata in moov/meta (handler mdta), not moov/udta/meta, which is all mutagen reads and
    # writes: tagging wrote the new title into the iTunes atoms and ffprobe kept showing the producer's old one
    # (ffmpeg reads the keyed items last), while `tag` saw no title at all and a second run nothing to change.
    source = tmp_path / "memo.m4a"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-ac", "1", "-ar", "22050", "-c:a", "aac", "-b:a", "32k", "-movflags",
                    "+use_metadata_tags" + ("+faststart" if "fast-start" in layout else ""), "-metadata", "title=Voice memo",
                    "-metadata", "artist=Phone", "-metadata", "custom_key=keep me", str(source)], check=True)
    _moov_meta(source, full_box=layout.startswith("full-box"))
    assert _ffprobe_tags(source)["title"] == "Voice memo"
    digest = audio.payload_digest(source, "mp4")
    wanted = Tags(title="New title", artist="The show", album="Show")
    target = source if durable else tmp_path / "copy.m4a"
    result = audio.tag_copy(source, target, wanted, rel="memo.m4a", durable=durable, fresh=not durable,
                            fast_start=not durable)
    assert ("title", "Voice memo", "New title") in {(c.field, c.old, c.new) for c in result.changes}
    tags = _ffprobe_tags(target)
    assert (tags["title"], tags["artist"], tags["custom_key"]) == ("New title", "The show", "keep me")
    assert audio.payload_digest(target, "mp4") == digest
    decoded = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(target), "-f", "null", "-"],
                             capture_output=True, text=True, check=True)
    assert decoded.stderr == ""
    assert audio.tag_copy(target, tmp_path / "again.m4a", wanted, dry_run=True).changes == []


def _m4a(path: Path, *movflags: str) -> Path:
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-ac", "1", "-ar", "22050", "-c:a", "aac", "-b:a", "32k", *movflags, "-metadata", "title=Old",
                    str(path)], check=True)
    return path


def _grown_index(path: Path) -> None:
    """What a tag editor that grows ``moov`` in front of ``mdat`` without moving the chunk offsets leaves: every chunk
    read 300 bytes early, the first one from the end of ``moov``."""
    data = path.read_bytes()
    moov = _box(data, b"moov", 0, len(data))
    udta = _box(data, b"udta", moov[0] + 8, moov[1])
    free = (300).to_bytes(4, "big") + b"free" + bytes(292)
    path.write_bytes(data[:moov[0]] + (moov[1] - moov[0] + 300).to_bytes(4, "big") + data[moov[0] + 4:udta[0]] + free
                     + data[udta[0]:])


def _decode_errors(path: Path) -> str:
    return subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-f", "null", "-"],
                          capture_output=True, text=True, check=False).stderr


def test_an_m4a_whose_chunk_offsets_point_into_its_index_is_refused_by_the_probe(tmp_path: Path) -> None:
    # It passed add and check, and tag and build then stopped with TAG002, "a bug in mediafeed" (or, where the bytes
    # read did not change, published noise): now the probe names the damage, so add and check refuse it
    source = _m4a(tmp_path / "stale.m4a", "-movflags", "+faststart")
    _grown_index(source)
    assert _decode_errors(source)  # the master is damaged
    with pytest.raises(MediaError) as caught:
        audio.probe(source, "stale.m4a")
    problem = caught.value.problems[0]
    assert problem.code == "MED004" and "the first chunk of its sound track" in problem.message
    assert "lies outside its media data" in problem.message and "export it again" in (problem.hint or "")


@pytest.mark.parametrize("durable", [True, False], ids=["tag-in-place", "build-copy"])
def test_a_master_with_a_middle_chunk_in_its_index_is_named_damaged_not_a_bug(tmp_path: Path, durable: bool) -> None:
    # One chunk in the middle of the table points into moov's tags (the probe looks at the first and last only):
    # tagging rewrote those bytes and the copy was refused as TAG002, "a bug in mediafeed or mutagen: please report
    # it with the file", though the master itself does not decode cleanly.
    source = make_media(tmp_path / "middle.mp4", "mp4", 4.0, ("-movflags", "+faststart"))  # interleaved: many chunks
    data = bytearray(source.read_bytes())
    moov = _box(bytes(data), b"moov", 0, len(data))
    stco = bytes(data).index(b"stco", moov[0]) - 4  # the first track's (ffmpeg's video track)
    count = int.from_bytes(data[stco + 12:stco + 16], "big")
    assert count >= 3
    middle = stco + 16 + 4 * (count // 2)
    data[middle:middle + 4] = _box(bytes(data), b"udta", moov[0] + 8, moov[1])[0].to_bytes(4, "big")
    source.write_bytes(bytes(data))
    assert _decode_errors(source)
    before = source.read_bytes()
    target = source if durable else tmp_path / "copy.mp4"
    with pytest.raises(MediaError) as caught:
        audio.tag_copy(source, target, Tags(title="New title"), rel="middle.mp4", durable=durable, fresh=not durable)
    problem = caught.value.problems[0]
    assert problem.code == "MED004" and problem.file == "middle.mp4"
    assert f"itself is damaged: chunk {count // 2 + 1} of its video track" in problem.message
    assert "in its 'moov' box" in problem.message
    assert "export it again" in (problem.hint or "") and "bug" not in problem.message + (problem.hint or "")
    assert source.read_bytes() == before and (durable or not target.exists())


def test_an_id3v2_footer_flag_without_a_footer_does_not_move_the_audio_start(bare_mp3: bytes, tmp_path: Path) -> None:  # noqa: F811
    # A tagger set the ID3v2.4 footer flag and wrote no footer: the payload was taken to start 10 bytes into the first
    # frame, the check warned of 172 unknown bytes before it (MED024) and every tag or build stopped with TAG002.
    body = b"\x03Old title"
    frames = b"TIT2" + _syncsafe(len(body)) + b"\0\0" + body
    source = tmp_path / "flag.mp3"
    source.write_bytes(b"ID3\x04\x00\x10" + _syncsafe(len(frames)) + frames + bare_mp3)
    assert mpeg.payload_span(source.read_bytes()) == (10 + len(frames), len(source.read_bytes()))
    assert audio.probe(source, "flag.mp3").lead == 0
    result = audio.tag(source, Tags(title="New title", id3_version="2.3"), rel="flag.mp3")
    assert result.written and source.read_bytes().endswith(bare_mp3) and _ffprobe_title(source) == "New title"


def _ffprobe_duration(path: Path) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return float(out)


@pytest.mark.parametrize("tagged", [False, True], ids=["no-tag", "id3v23"])
@pytest.mark.parametrize("durable", [True, False], ids=["tag-in-place", "build-copy-in-memory"])
def test_a_long_run_of_zero_bytes_before_the_first_frame_is_skipped_and_left_out(bare_mp3: bytes, tmp_path: Path,  # noqa: F811
                                                                                 tagged: bool, durable: bool) -> None:
    # 100 KB of zeros before the frames (a recorder's file allocated ahead): ffmpeg plays it, but mediafeed looked for
    # the first frame within 64 KB only, so add refused it ("not a supported media file", or with a tag "no MPEG audio
    # frames"); and ffprobe, which gives up on the first frame's Xing header there, guesses 31 s for 6 s.
    source = tmp_path / "zeros.mp3"
    source.write_bytes((_id3v23("Zero lead") if tagged else b"") + bytes(100_000) + bare_mp3)
    probed = audio.probe(source, "zeros.mp3")
    assert probed.lead == 0 and abs(probed.duration - _ffprobe_duration(_bare(tmp_path, bare_mp3))) < 0.05
    target = source if durable else tmp_path / "copy.mp3"
    wanted = Tags(title="New title", id3_version="2.3")
    assert audio.tag_copy(source, target, wanted, rel="zeros.mp3", durable=durable, fresh=not durable).written
    data = target.read_bytes()
    assert data.endswith(bare_mp3) and len(data) - len(bare_mp3) == ID3(target).size  # the new tag, then the frames
    assert abs(_ffprobe_duration(target) - probed.duration) < 1.0
    assert audio.tag_copy(target, tmp_path / "again.mp3", wanted, dry_run=True).changes == []


def _bare(tmp_path: Path, frames: bytes) -> Path:
    path = tmp_path / "bare.mp3"
    path.write_bytes(frames)
    return path
