"""The build publishes M4A/MP4 files "fast start": the index (``moov``) in front of the media (MED027).

Real files made by ffmpeg (which writes the index last unless told ``-movflags +faststart``); every copy is read
back by ffprobe (its trace lists the top-level boxes in file order), decoded by ffmpeg and compared with the
master, and walked here box by box without mediafeed's code.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import add_episode, make_media
from mutagen.mp4 import MP4
from siteserver import CHROMIUM, chromium

from mediafeed import audio
from mediafeed.audio import TagChapter, Tags, mp4
from mediafeed.build import build
from mediafeed.cli import main

LATE = ["ftyp", "free", "mdat", "moov"]  #: ffmpeg's layout without +faststart
FRONT = ["ftyp", "free", "moov", "mdat"]  #: the published copy's


def _layout(path: Path) -> list[str]:
    """The top-level boxes, walked here (not by the code under test)."""
    data, names, at = path.read_bytes(), [], 0
    while at + 8 <= len(data):
        size, name = struct.unpack(">I4s", data[at:at + 8])
        if size == 1:
            size = struct.unpack(">Q", data[at + 8:at + 16])[0]
        names.append(name.decode("latin-1"))
        at += size
    assert at == len(data), f"{path.name}: the boxes end at {at}, the file at {len(data)}"
    return names


def _ffprobe_layout(path: Path) -> list[str]:
    """The top-level boxes in the order ffprobe's trace reads them."""
    trace = subprocess.run(["ffprobe", "-v", "trace", str(path)], capture_output=True, text=True, check=True).stderr
    return [line.split("type:'")[1][:4] for line in trace.splitlines() if "parent:'root'" in line]


def _decoded(path: Path, stream: str = "a") -> str:
    """MD5 of the stream as ffmpeg decodes it (PCM for sound, raw frames for video)."""
    out = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-map", f"0:{stream}", "-f", "md5", "-"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def _duration(path: Path) -> str:
    return subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                          capture_output=True, text=True, check=True).stdout.strip()


def _episode(show: Path, slug: str, name: str, kind: str = "m4a", extra: str = "") -> Path:
    folder = add_episode(show, slug, f"title: The index\ndate: 2026-04-01T08:00:00+00:00\nguid: {slug}-guid\n"
                                     f"audio: {name}\n{extra}", audio_kind=kind, audio_name=name, seconds=3)
    return folder / name


def _faststart(path: Path) -> None:
    """Remux ``path`` in place with ffmpeg's +faststart (the index first)."""
    moved = path.with_name("faststart-" + path.name)
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(path), "-map", "0", "-c", "copy",
                    "-movflags", "+faststart", str(moved)], check=True)
    moved.replace(path)


def test_an_m4a_whose_index_comes_last_is_published_with_it_first_and_the_same_audio(show: Path) -> None:
    # The published copy had the index where the master had it: after the media. Apps fetched the end first.
    master = _episode(show, "006-late-index", "late.m4a")
    assert _layout(master) == LATE
    before = master.read_bytes()
    report = build(show)
    published = show / "public" / "episodes" / "006-late-index" / "late.m4a"
    assert _layout(published) == FRONT
    assert _ffprobe_layout(published) == FRONT
    assert _decoded(published) == _decoded(master)
    assert _duration(published) == _duration(master)
    assert MP4(published).tags["\xa9nam"] == ["The index"]
    assert not audio.probe(published, "late.m4a").index_last
    assert master.read_bytes() == before  # the producer's file is never touched
    assert [(p.severity.value, p.message) for p in report.problems if p.code == "MED027"] == [
        ("info", "the file's index (its 'moov' box) comes after the audio: the build publishes a copy with the index "
                 "first ('fast start'), so players can start playing at once")]
    feed = (show / "public" / "feed.xml").read_text()
    assert f'length="{published.stat().st_size}" type="audio/x-m4a"' in feed
    # a second build changes nothing: no tagging, the same file
    state = published.stat()
    again = build(show)
    assert again.tagged == [] and "episodes/006-late-index/late.m4a" not in again.written
    assert (published.stat().st_ino, published.stat().st_mtime_ns) == (state.st_ino, state.st_mtime_ns)
    assert [p.severity.value for p in again.problems if p.code == "MED027"] == ["info"]
    assert master.read_bytes() == before


def test_an_mp4_video_whose_index_comes_last_is_published_with_it_first_and_the_same_frames(show: Path) -> None:
    master = _episode(show, "006-late-video", "late.mp4", kind="mp4")
    assert _layout(master) == LATE
    before = master.read_bytes()
    build(show)
    published = show / "public" / "episodes" / "006-late-video" / "late.mp4"
    assert _layout(published) == FRONT and _ffprobe_layout(published) == FRONT
    # (v:0: the cover the build embeds is a second video stream for ffmpeg)
    assert _decoded(published, "v:0") == _decoded(master, "v:0") and _decoded(published) == _decoded(master)
    assert _duration(published) == _duration(master)
    assert master.read_bytes() == before


def test_an_m4a_already_fast_start_is_published_as_the_tagger_made_it_before(show: Path, tmp_path: Path) -> None:
    # nothing moves in a file whose index comes first: the copy is the bytes tagging alone makes
    master = _episode(show, "006-fast", "fast.m4a")
    _faststart(master)
    assert _layout(master) == ["ftyp", "moov", "free", "mdat"]
    wanted = Tags(title="Fast", comment="Already fast start")
    plain, moved = tmp_path / "plain.m4a", tmp_path / "moved.m4a"
    audio.tag_copy(master, plain, wanted)
    result = audio.tag_copy(master, moved, wanted, fast_start=True)
    assert moved.read_bytes() == plain.read_bytes() and result.index_kept == ""


def test_a_fragmented_m4a_is_left_as_the_tagger_made_it_before(tmp_path: Path) -> None:
    # its fragments follow a first moov: fast start already, and moving boxes would break their offsets
    source = make_media(tmp_path / "fragmented.m4a", "m4a", 3.0, extra=("-movflags", "+frag_keyframe+empty_moov"))
    assert _layout(source)[:2] == ["ftyp", "moov"] and "moof" in _layout(source)
    plain, moved = tmp_path / "plain.m4a", tmp_path / "moved.m4a"
    audio.tag_copy(source, plain, Tags(title="Fragments"))
    audio.tag_copy(source, moved, Tags(title="Fragments"), fast_start=True)
    assert moved.read_bytes() == plain.read_bytes()
    with open(source, "rb") as handle:
        assert mp4.fast_start_plan(handle, source.stat().st_size) == "its index is at the front already"


@pytest.mark.parametrize("length", [None, "plain", "plain+block"])
def test_moving_the_index_keeps_the_size_a_published_episode_has(tmp_path: Path, length: str | None) -> None:
    # Subscribers' apps know a published file by its URL and length: the copy with its index first has exactly
    # the size the copy with the index last had (the same boxes, in another order), and the padding still lands
    # on a recorded length when later tags differ.
    master = make_media(tmp_path / "late.m4a", "m4a", 3.0)
    published = tmp_path / "published.m4a"
    audio.tag_copy(master, published, Tags(title="First title", comment="Short"))
    recorded = {None: None, "plain": published.stat().st_size, "plain+block": published.stat().st_size + audio.BLOCK}[length]
    for comment in ("Short", "A much longer summary " * 40):
        plain, moved = tmp_path / "plain.m4a", tmp_path / "moved.m4a"
        for path in (plain, moved):
            path.unlink(missing_ok=True)
        wanted = Tags(title="A corrected title", comment=comment)
        audio.tag_copy(master, plain, wanted, length=recorded)
        result = audio.tag_copy(master, moved, wanted, length=recorded, fast_start=True)
        assert _layout(plain) == LATE and _layout(moved) == FRONT
        assert moved.stat().st_size == plain.stat().st_size == (recorded or plain.stat().st_size) == result.size
        assert _decoded(moved) == _decoded(master)


def _with_co64(source: Path, target: Path) -> None:
    """``source`` with its 32-bit chunk offset table ('stco') written as a 64-bit one ('co64'), every box around it
    grown by the difference: what a muxer writes for a file past 4 GiB."""
    data = bytearray(source.read_bytes())

    def rewrite(start: int, end: int) -> bytes:
        out = b""
        at = start
        while at < end:
            size, name = struct.unpack(">I4s", data[at:at + 8])
            body = bytes(data[at + 8:at + size])
            if name in (b"moov", b"trak", b"mdia", b"minf", b"stbl"):
                body = rewrite(at + 8, at + size)
            elif name == b"stco":
                count = struct.unpack(">I", body[4:8])[0]
                offsets = struct.unpack(f">{count}I", body[8:8 + 4 * count])
                name, body = b"co64", body[:8] + struct.pack(f">{count}Q", *offsets)
            out += struct.pack(">I4s", 8 + len(body), name) + body
            at += size
        return out

    boxes, at = [], 0
    while at < len(data):
        size, name = struct.unpack(">I4s", data[at:at + 8])
        boxes.append(rewrite(at, at + size) if name == b"moov" else bytes(data[at:at + size]))
        at += size
    target.write_bytes(b"".join(boxes))


def test_an_m4a_with_64_bit_chunk_offsets_is_published_with_its_index_first(tmp_path: Path) -> None:
    late = make_media(tmp_path / "late.m4a", "m4a", 3.0)
    master = tmp_path / "co64.m4a"
    _with_co64(late, master)
    assert b"co64" in master.read_bytes() and b"stco" not in master.read_bytes()
    assert _decoded(master) == _decoded(late)  # ffmpeg reads the crafted file
    copy = tmp_path / "copy.m4a"
    result = audio.tag_copy(master, copy, Tags(title="Wide offsets"), fast_start=True)
    assert result.index_kept == "" and _layout(copy) == FRONT and _ffprobe_layout(copy) == FRONT
    assert _decoded(copy) == _decoded(master) and _duration(copy) == _duration(master)


def _box(name: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), name) + body


def _full(name: bytes, body: bytes, flags: int = 0) -> bytes:
    return _box(name, struct.pack(">I", flags) + body)


def _crafted(*, table: bytes = b"co64", offsets: tuple[int, ...] = (), extra: bytes = b"", dref_flags: int = 1,
             before_moov: bytes = b"") -> tuple[bytes, int]:
    """ftyp, mdat (100 bytes of samples), [before_moov], moov (one track: its chunk offset table, a data reference,
    anything ``extra``): the box tree of a file whose index comes last; and the mdat's first sample's offset."""
    ftyp = _box(b"ftyp", b"M4A \0\0\0\0isom")
    mdat = _box(b"mdat", bytes(range(100)))
    first = len(ftyp) + 8
    fmt = ">" + ("Q" if table == b"co64" else "I") * len(offsets)
    chunks = _full(table, struct.pack(">I", len(offsets)) + struct.pack(fmt, *(first + o for o in offsets)))
    dref = _full(b"dref", struct.pack(">I", 1) + _full(b"url ", b"", dref_flags))
    minf = _box(b"minf", _box(b"dinf", dref) + _box(b"stbl", chunks + extra))
    moov = _box(b"moov", _box(b"trak", _box(b"mdia", minf)))
    return ftyp + mdat + before_moov + moov, first


def _plan(data: bytes, tmp_path: Path) -> mp4.FastStart | str:
    path = tmp_path / "crafted.m4a"
    path.write_bytes(data)
    with open(path, "rb") as handle:
        return mp4.fast_start_plan(handle, len(data))


def test_the_chunk_offsets_move_by_the_size_of_the_index_in_32_and_64_bit_tables(tmp_path: Path) -> None:
    for table in (b"stco", b"co64"):
        data, first = _crafted(table=table, offsets=(0, 40, 99))
        plan = _plan(data, tmp_path)
        assert isinstance(plan, mp4.FastStart)
        with open(tmp_path / "crafted.m4a", "rb") as handle:
            moved = mp4.moved_index(handle, plan)
        size = plan.moov.end - plan.moov.start
        assert len(moved) == size and moved[4:8] == b"moov"
        at = moved.index(table) + 12  # after the name: version and flags, the count, then the offsets
        fmt = ">3" + ("Q" if table == b"co64" else "I")
        assert struct.unpack(fmt, moved[at:at + struct.calcsize(fmt)]) == (first + size, first + 40 + size, first + 99 + size)
        copy = data[:plan.at] + moved + data[plan.at:plan.moov.start]
        assert copy[first + size:first + size + 100] == bytes(range(100))  # each offset points at its sample again


@pytest.mark.parametrize("case, reason", [
    ("moof", "it is a fragmented MP4"),
    ("uuid", "it holds a top-level 'uuid' box, which may point into the file"),
    ("saio", "its index holds sample auxiliary information offsets ('saio'), which the move would not update"),
    ("external", "a track's media is in another file (a data reference that is not self-contained)"),
    ("outside", "a chunk offset points outside the media data"),
])
def test_a_file_with_offsets_the_move_would_not_update_keeps_its_layout(tmp_path: Path, case: str, reason: str) -> None:
    data, _ = _crafted(offsets=(0,), before_moov=_box(b"moof", b"") if case == "moof" else
                       _box(b"uuid", bytes(16)) if case == "uuid" else b"",
                       extra=_full(b"saio", struct.pack(">II", 1, 0)) if case == "saio" else b"",
                       dref_flags=0 if case == "external" else 1)
    if case == "outside":
        data, _ = _crafted(offsets=(-20,))  # into the ftyp box
    assert _plan(data, tmp_path) == reason


def _with_uuid(master: Path) -> None:
    """``master`` with a top-level 'uuid' box (an editor's notes) between the media and the index: a layout the build
    does not move by itself (the box may hold offsets into the file)."""
    data = master.read_bytes()
    with open(master, "rb") as handle:
        moov = next(b for b in mp4.boxes(handle, 0, len(data)) if b.name == b"moov")
    master.write_bytes(data[:moov.start] + _box(b"uuid", bytes(16) + b"an editor's notes") + data[moov.start:])


def test_a_late_index_the_build_cannot_move_stays_a_warning_and_is_published_as_it_is(show: Path) -> None:
    # a top-level box the build does not know between the media and the index: it may hold offsets into the file
    master = _episode(show, "006-uuid", "late.m4a")
    _with_uuid(master)
    report = build(show)
    found = [p for p in report.problems if p.code == "MED027"]
    assert [(p.severity.value, p.file) for p in found] == [("warning", "episodes/006-uuid/late.m4a")]
    assert found[0].message.endswith("(the build could not publish it with the index first: it holds a top-level "
                                     "'uuid' box, which may point into the file)")
    published = show / "public" / "episodes" / "006-uuid" / "late.m4a"
    assert _layout(published) == ["ftyp", "free", "mdat", "uuid", "moov"]
    assert _decoded(published) == _decoded(master)


def test_a_late_index_the_build_cannot_move_is_moved_by_the_chapters_remux_and_said_so(show: Path) -> None:
    # The same master, with chapters to write: ffmpeg re-muxes it (a new file, without the 'uuid' box) and the build
    # publishes that with its index first. MED027 said a warning, "the build could not publish it with the index
    # first", about a published copy that had it first.
    master = _episode(show, "006-uuid", "late.m4a", extra="chapters:\n  - {start: 0, title: One}\n  - {start: 1.5, title: Two}\n")
    _with_uuid(master)
    before = master.read_bytes()
    said = ("info", "the file's index (its 'moov' box) comes after the audio: the build re-muxes it with ffmpeg to write "
                    "its chapters and publishes that copy with the index first ('fast start'), so players can start "
                    "playing at once")
    checked = CliRunner().invoke(main, ["check", str(show), "--format", "json"])
    assert [(p["severity"], p["message"]) for p in json.loads(checked.output)["problems"] if p["code"] == "MED027"] == [said]
    report = build(show)
    assert [(p.severity.value, p.message) for p in report.problems if p.code == "MED027"] == [said]
    published = show / "public" / "episodes" / "006-uuid" / "late.m4a"
    assert _layout(published) == FRONT and _ffprobe_layout(published) == FRONT
    assert _decoded(published) == _decoded(master)
    again = build(show)  # the copy reused: the same words from its record
    assert again.tagged == [] and [(p.severity.value, p.message) for p in again.problems if p.code == "MED027"] == [said]
    assert master.read_bytes() == before


@pytest.mark.parametrize("fast", [False, True], ids=["index-last", "fast-start"])
def test_an_m4a_given_chapters_is_published_with_its_index_first(show: Path, fast: bool) -> None:
    # ffmpeg re-muxes an M4A to write its chapter track, with the index last: a fast-start master came out with
    # its index moved to the end
    master = _episode(show, "006-chapters", "chapters.m4a",
                      extra="chapters:\n  - {start: 0, title: One}\n  - {start: 1.5, title: Two}\n")
    if fast:
        _faststart(master)
    build(show)
    published = show / "public" / "episodes" / "006-chapters" / "chapters.m4a"
    assert _ffprobe_layout(published) == FRONT
    assert _decoded(published) == _decoded(master)
    chapters = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "csv=p=0", str(published)],
                              capture_output=True, text=True, check=True).stdout.split()
    assert [c.rsplit(",", 1)[1] for c in chapters] == ["One", "Two"]


def test_mediafeed_tag_keeps_a_fast_start_master_fast_start_when_it_writes_chapters(show: Path) -> None:
    # `mediafeed tag` writes the producer's files: it changes their tags, not their layout (see docs/audio.md)
    master = _episode(show, "006-chapters", "chapters.m4a",
                      extra="chapters:\n  - {start: 0, title: One}\n  - {start: 1.5, title: Two}\n")
    _faststart(master)
    sound = _decoded(master)
    result = audio.tag(master, Tags(title="Tagged", chapters=(TagChapter(0, "One"), TagChapter(1500, "Two"))))
    layout = _ffprobe_layout(master)
    assert result.written and layout.index("moov") < layout.index("mdat") and _decoded(master) == sound
    late = _episode(show, "007-late", "late.m4a")
    audio.tag(late, Tags(title="Tagged"))
    assert _layout(late) == LATE  # an index last stays last: mediafeed tag does not move it


def test_mediafeed_check_explains_med027(show: Path) -> None:
    out = CliRunner().invoke(main, ["check", "--explain", "MED027"]).output
    assert "the build publishes a copy with the index first" in out




class _Chunks(BaseHTTPRequestHandler):
    """Serves ``files`` (URL path → bytes) with byte ranges, at most ``chunk`` bytes a response (a 206 covering the
    start of the range asked for: the client asks again for the rest), and records each response's (start, end)."""

    protocol_version = "HTTP/1.1"
    files: dict[str, bytes] = {}
    chunk = 0
    served: dict[str, list[tuple[int, int]]] = {}

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:
        data = self.files[self.path]
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", "bytes=0-").strip())
        start = int(match.group(1)) if match else 0
        end = min(int(match.group(2)) if match and match.group(2) else len(data) - 1, start + self.chunk - 1, len(data) - 1)
        self.served.setdefault(self.path, []).append((start, end))
        self.send_response(206)
        self.send_header("Content-Type", "audio/mp4")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self.wfile.write(data[start:end + 1])


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_chromium_reads_the_published_copy_from_its_start_and_jumps_to_the_end_of_the_master(show: Path) -> None:
    # what fast start is for: a player reads the index, then plays, from the start of the file; with the index
    # last it must first ask for the end of the file (another request, and a host without ranges: all of it)
    master = _episode(show, "006-late-index", "late.m4a")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=60",
                    "-c:a", "aac", "-b:a", "64k", str(master)], check=True)
    build(show)
    published = show / "public" / "episodes" / "006-late-index" / "late.m4a"
    with open(published, "rb") as handle:
        moov = next(b for b in mp4.boxes(handle, 0, published.stat().st_size) if b.name == b"moov")
    _Chunks.files = {"/published.m4a": published.read_bytes(), "/master.m4a": master.read_bytes()}
    # a response holds as much as the index (whatever its place) and a few KB more: with the index first, the first
    # response has all of it and the first frames
    _Chunks.chunk = moov.end - moov.start + 8192
    _Chunks.served = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Chunks)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    found = {}
    try:
        with chromium() as browser:
            tab = browser.new_page()
            for name in ("published", "master"):
                tab.set_content(f'<audio preload="metadata" src="http://127.0.0.1:{server.server_address[1]}/{name}.m4a">'
                                "</audio>")
                tab.wait_for_function("() => document.querySelector('audio').readyState >= 1")
                found[name] = tab.eval_on_selector("audio", "a => a.duration")
    finally:
        server.shutdown()
        server.server_close()
    assert found["published"] == pytest.approx(float(_duration(master)), abs=0.1) == found["master"]

    def jumps(path: str) -> list[int]:
        """Where a request started past the bytes served so far (a seek ahead)."""
        out, seen = [], 0
        for start, end in _Chunks.served[path]:
            if start > seen:
                out.append(start)
            seen = max(seen, end + 1)
        return out

    assert jumps("/published.m4a") == []
    with open(master, "rb") as handle:
        late = next(b for b in mp4.boxes(handle, 0, master.stat().st_size) if b.name == b"moov")
    assert jumps("/master.m4a") and jumps("/master.m4a")[0] <= late.start  # (Chromium asks from a block boundary)
