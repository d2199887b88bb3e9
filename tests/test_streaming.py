"""A build writes each unit's files as soon as they are rendered, and the feeds from pieces, never whole.

So a big show's site is never held in memory at once; the order of the writes keeps the site whole at
every moment (media before pages, the feeds last), and a show with errors still writes nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import add_episode

from mediafeed import atomicfiles, feed, jsonfeed, notes, output, streams
from mediafeed.build import BuildFailed, build
from mediafeed.errors import OutputError
from mediafeed.render import Renderer


def test_an_episode_is_on_disk_before_the_next_one_renders(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, list[str], bool]] = []
    real_pages, real_feeds = Renderer.episode_pages, Renderer.feeds
    site = show / "public"

    def pages(self: Renderer, out: output.Site, item) -> None:  # type: ignore[no-untyped-def]
        written = sorted(p.parent.name for p in site.glob("episodes/*/index.html"))
        # this episode's media is already in place: written before its pages
        seen.append((item.episode.slug, written, (site / item.enclosure_path).is_file()))
        real_pages(self, out, item)

    def feeds(self: Renderer, out: output.Site, items: list) -> None:  # type: ignore[type-arg]
        # every page is on disk before the feeds, and the feeds are not there yet on a first build
        assert len(list(site.glob("episodes/*/index.html"))) == len(items)
        assert (site / "index.html").is_file() and (site / "sitemap.xml").is_file()
        assert not (site / "feed.xml").exists() and not (site / "feed.json").exists()
        real_feeds(self, out, items)

    monkeypatch.setattr(Renderer, "episode_pages", pages)
    monkeypatch.setattr(Renderer, "feeds", feeds)
    report = build(show)
    assert len(seen) == report.episodes == 6
    for number, (slug, written, media_there) in enumerate(seen):
        assert media_there, slug
        assert written == sorted(s for s, _, _ in seen[:number])  # each earlier episode's page, no later one
    assert (site / "feed.xml").is_file()


def test_a_show_with_errors_renders_and_writes_nothing(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rendered: list[str] = []
    monkeypatch.setattr(Renderer, "static", lambda self, out: rendered.append("static"))
    add_episode(show, "901-bad", "title: T\ndate: 2026-04-01T08:00:00+00:00\nguid: g1\naudio: audio.mp3\nexplicit: maybe")
    with pytest.raises(BuildFailed):
        build(show)
    assert rendered == [] and not (show / "public").exists()


def test_a_build_that_fails_midway_leaves_whole_files_and_the_next_build_cleans_up(show: Path) -> None:
    # The oldest episode (rendered last) cannot have its player written: a folder stands where it goes (someone's,
    # with a file in it), found only while writing, after the newer episodes are written. (Its earlier forms, an
    # alternate file named player.html or the transcript listed as an alternate, are refused by check since session 25:
    # SRC043.)
    blocker = show / "public/episodes/000-trailer/player.html"
    blocker.mkdir(parents=True)
    (blocker / "keep.txt").write_text("someone's file\n", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        build(show)
    [problem] = info.value.problems
    assert problem.code == "OUT003" and problem.file.endswith("episodes/000-trailer/player.html"), problem
    site = show / "public"
    transcript = site / "episodes/002-learning-alliances/transcript.vtt"
    assert transcript.is_file()  # a newer episode was written before the collision
    assert not (site / "feed.xml").exists() and not (site / "feed.json").exists()  # the feeds come last
    assert not [p for p in site.rglob("*") if p.name.endswith(".tmp")]
    # The producer moves the folder away and drops a transcript: the next build removes the file the failed build
    # wrote and this one no longer makes.
    shutil.rmtree(blocker)
    (show / "episodes/002-learning-alliances/transcript.vtt").unlink()
    report = build(show)
    assert not transcript.exists() and "episodes/002-learning-alliances/transcript.vtt" in report.removed


def test_a_streamed_file_is_compared_as_it_is_written(tmp_path: Path) -> None:
    writer = output.Writer(tmp_path / "site")
    assert writer.stream("feed.xml", iter([b"<rss>", b"same", b"</rss>"]), "feed") == 15
    target = tmp_path / "site" / "feed.xml"
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    assert writer.finish().written == ["feed.xml"]
    again = output.Writer(tmp_path / "site", {"feed.xml"})
    again.stream("feed.xml", iter([b"<rss>sa", b"me</rss>"]), "feed")  # same bytes, other pieces
    assert again.finish().unchanged == 1 and target.stat().st_mtime_ns == 1_000_000_000
    for pieces in ([b"<rss>same</rss>", b"+"], [b"<rss>same"]):  # longer, shorter
        writer = output.Writer(tmp_path / "site", {"feed.xml"})
        writer.stream("feed.xml", iter(pieces), "feed")
        assert writer.finish().written == ["feed.xml"] and target.read_bytes() == b"".join(pieces)
    assert [p.name for p in target.parent.iterdir()] == ["feed.xml"]  # no temp file left


def test_two_outputs_for_one_path_are_refused_by_the_writer(tmp_path: Path) -> None:
    writer = output.Writer(tmp_path / "site")
    writer.add("episodes/a/index.html", b"a", "episodes/a/episode.md")
    with pytest.raises(OutputError) as info:
        writer.stream("episodes/a/index.html", iter([b"b"]), "episodes/b/episode.md")
    assert "also from episodes/a/episode.md" in info.value.problems[0].message
    assert (tmp_path / "site/episodes/a/index.html").read_bytes() == b"a"


def test_feeds_in_pieces_are_the_same_bytes_as_whole(show: Path) -> None:
    report = build(show)
    assert feed.BATCH >= 1 and jsonfeed.BATCH >= 1
    whole_xml, whole_json = (report.output / "feed.xml").read_bytes(), (report.output / "feed.json").read_bytes()
    original = feed.BATCH, jsonfeed.BATCH
    try:
        feed.BATCH = jsonfeed.BATCH = 1  # every item its own piece
        build(show, clean=True)
    finally:
        feed.BATCH, jsonfeed.BATCH = original
    assert (report.output / "feed.xml").read_bytes() == whole_xml
    assert (report.output / "feed.json").read_bytes() == whole_json


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads this process's memory from /proc")
def test_rendering_notes_gives_back_its_memory() -> None:
    # cmarkgfm leaks each document's syntax tree and HTML (~40 KB a document): 3,000 would keep ~120 MB
    markdown = "".join(f"## Part {n}\n\nSome *notes* with a [link](https://example.org/{n}) and **more**.\n\n- a\n- b\n\n"
                       for n in range(60))
    notes.render(markdown, "https://example.org/e/")
    before = _rss_mb()
    for _ in range(3000):
        notes.render(markdown, "https://example.org/e/")
    assert _rss_mb() - before < 30


def test_the_writer_skips_looking_for_old_files_only_in_folders_it_made(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "old").mkdir(parents=True)
    (out / "old" / "same.html").write_bytes(b"same")
    os.utime(out / "old" / "same.html", ns=(1_000_000_000, 1_000_000_000))
    (out / "old" / "changed.html").write_bytes(b"before")
    writer = output.Writer(out, previous={"old/same.html", "old/changed.html", "old/gone.html"})
    writer.add("old/same.html", b"same")
    writer.add("old/changed.html", b"after")
    writer.add("new/deeper/page.html", b"fresh")
    writer.add("new/other.html", b"also fresh")
    report = writer.finish()
    assert sorted(report.written) == ["new/deeper/page.html", "new/other.html", "old/changed.html"]
    assert report.unchanged == 1 and (out / "old" / "same.html").stat().st_mtime_ns == 1_000_000_000
    assert (out / "old" / "changed.html").read_bytes() == b"after"
    assert (out / "new" / "deeper" / "page.html").read_bytes() == b"fresh"
    assert writer.folders == {"": False, "old": False, "new": True, "new/deeper": True}


UMASK_WRITER = """
import json, os, sys
from pathlib import Path
os.umask(int(sys.argv[2], 8))
from mediafeed import atomicfiles, output
calls = []
real = os.fchmod
os.fchmod = lambda fd, mode: (calls.append(mode), real(fd, mode))[1]
out = Path(sys.argv[1])
store = out.parent / "store"
store.mkdir()
assert atomicfiles.write_new(store / "copy.mp3", b"tagged")
writer = output.Writer(out)
writer.add("episodes/a/index.html", b"page")
writer.copy("episodes/a/a.mp3", store / "copy.mp3", link=True)
writer.finish()
modes = {p.relative_to(out.parent).as_posix(): oct(p.stat().st_mode & 0o777) for p in out.parent.rglob("*") if p.is_file()}
folders = {p.relative_to(out.parent).as_posix(): oct(p.stat().st_mode & 0o777) for p in out.rglob("*") if p.is_dir()}
print(json.dumps({"modes": modes, "fchmod": len(calls), "folders": folders}))
"""


@pytest.mark.parametrize(("umask", "fchmods"), [("022", 0), ("077", 2)])
def test_new_files_are_0644_and_changed_only_when_the_umask_needs_it(tmp_path: Path, umask: str, fchmods: int) -> None:
    """A web server must read the site whatever the umask; with the usual umask no file needs an fchmod."""
    if not Path("/proc/self/status").exists():
        pytest.skip("the umask is read from /proc (elsewhere every new file gets an fchmod)")
    done = subprocess.run([sys.executable, "-c", UMASK_WRITER, str(tmp_path / "site"), umask],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert result["modes"] == {"store/copy.mp3": "0o644", "site/episodes/a/index.html": "0o644",
                               "site/episodes/a/a.mp3": "0o644"}
    assert result["fchmod"] == fchmods
    # and the folders it makes are 0755: a build from cron with umask 077 made 0700 folders a web server cannot enter
    assert result["folders"] == {"site/episodes": "0o755", "site/episodes/a": "0o755"}


def test_a_new_file_is_never_written_into_a_taken_name(tmp_path: Path) -> None:
    """write_new creates only (O_EXCL): a file there, perhaps hard-linked into the site, is left as it is."""
    (tmp_path / "copy.mp3").write_bytes(b"published")
    os.link(tmp_path / "copy.mp3", tmp_path / "site.mp3")
    assert atomicfiles.write_new(tmp_path / "copy.mp3", b"new bytes") is False
    assert (tmp_path / "copy.mp3").read_bytes() == (tmp_path / "site.mp3").read_bytes() == b"published"
    assert atomicfiles.write_new(tmp_path / "fresh.mp3", b"new bytes") is True
    assert (tmp_path / "fresh.mp3").read_bytes() == b"new bytes"


def test_a_link_is_made_straight_into_a_free_name_and_replaces_a_taken_one_whole(tmp_path: Path) -> None:
    (tmp_path / "a.mp3").write_bytes(b"a")
    (tmp_path / "b.mp3").write_bytes(b"b")
    os.link(tmp_path / "b.mp3", tmp_path / "b-elsewhere.mp3")
    assert atomicfiles.atomic_link(tmp_path / "a.mp3", tmp_path / "free.mp3")
    assert atomicfiles.atomic_link(tmp_path / "a.mp3", tmp_path / "b.mp3")  # taken: a temp name, then a rename
    assert os.stat(tmp_path / "free.mp3").st_ino == os.stat(tmp_path / "b.mp3").st_ino == os.stat(tmp_path / "a.mp3").st_ino
    assert (tmp_path / "b-elsewhere.mp3").read_bytes() == b"b"  # the old file is not written into
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp3", "b-elsewhere.mp3", "b.mp3", "free.mp3"]


def test_atomic_files_land_beside_their_target_for_any_form_of_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer splits paths as text (no Path per file): a bare name, a relative path, a str and a Path all put
    their temp file in the target's own folder and leave nothing else behind."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.mp3").write_bytes(b"a")
    atomicfiles.atomic_write("bare.txt", b"1", durable=False)
    atomicfiles.atomic_write("sub/rel.txt", b"2")
    atomicfiles.atomic_write(str(tmp_path / "sub" / "text.txt"), b"3", durable=False)
    atomicfiles.atomic_write(tmp_path / "new" / "path.txt", b"4", durable=False)  # its folder made
    atomicfiles.atomic_copy("a.mp3", "sub/copy.mp3")
    (tmp_path / "sub" / "linked.mp3").write_bytes(b"old")
    assert atomicfiles.atomic_link("a.mp3", "sub/linked.mp3")  # taken: through a temp name beside it
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["a.mp3", "bare.txt", "new/path.txt", "sub/copy.mp3", "sub/linked.mp3", "sub/rel.txt", "sub/text.txt"]
    assert [(tmp_path / f).read_bytes() for f in files] == [b"a", b"1", b"4", b"a", b"a", b"2", b"3"]


def _stream(target: Path, chunks: list[bytes | streams.Piece], known: streams.StreamRecord | None = None
            ) -> tuple[bool, int, streams.StreamRecord | None]:
    try:
        return streams.place_stream(iter(chunks), target, known=known)
    finally:
        streams.settle()


def test_pieces_the_old_file_holds_are_copied_from_it_and_the_rest_written(tmp_path: Path) -> None:
    target = tmp_path / "feed.xml"
    fetched: list[str] = []

    def fetch(key: str, data: bytes) -> streams.Piece:
        return streams.Piece(key, None, lambda: fetched.append(key) or data)  # type: ignore[func-returns-value]

    changed, size, record = _stream(target, [b"<head>", streams.Piece("a", b"AAAA"), b",", streams.Piece("b", b"BB"),
                                             b",", streams.Piece("c", b"CCC"), b"</tail>"])
    assert changed and target.read_bytes() == b"<head>AAAA,BB,CCC</tail>" and size == 24
    assert record is not None and record[1] == {"a": (6, 4), "b": (11, 2), "c": (14, 3)}
    # b changed, a new piece d before c, the head longer: a and c are copied from the file, never fetched
    changed, size, second = _stream(target, [b"<head2>", fetch("a", b"AAAA"), b",", streams.Piece("b2", b"bbbbb"),
                                             b",", streams.Piece("d", b"D"), b",", fetch("c", b"CCC"), b"</tail>"],
                                    known=record)
    assert changed and target.read_bytes() == b"<head2>AAAA,bbbbb,D,CCC</tail>" == b"".join(
        [b"<head2>", b"AAAA", b",", b"bbbbb", b",", b"D", b",", b"CCC", b"</tail>"])
    assert fetched == []
    assert second is not None and second[1] == {"a": (7, 4), "b2": (12, 5), "d": (18, 1), "c": (20, 3)}
    assert second[0] == streams.identity(target.stat())


def test_the_same_pieces_again_leave_the_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "feed.json"
    chunks = [b"[", streams.Piece("a", b"AAAA"), b",\n", streams.Piece("b", b"BB"), b"]"]
    _, _, record = _stream(target, chunks)
    before = target.stat()
    assert record is not None
    changed, size, again = _stream(target, [b"[", streams.Piece("a", None, lambda: b"AAAA"), b",\n",
                                            streams.Piece("b", None, lambda: b"BB"), b"]"], known=record)
    assert not changed and size == 10 and again == record
    assert target.stat().st_ino == before.st_ino and target.stat().st_mtime_ns == before.st_mtime_ns


@pytest.mark.parametrize("how", ["edited in place", "shorter than recorded"])
def test_pieces_are_made_again_when_the_old_file_is_not_as_recorded(tmp_path: Path, how: str) -> None:
    target = tmp_path / "feed.xml"
    _, _, record = _stream(target, [b"<", streams.Piece("a", b"AAAA"), streams.Piece("b", b"BBBB"), b">"])
    assert record is not None
    if how == "edited in place":  # same size and mtime, other bytes: the ctime tells
        stat = target.stat()
        target.write_bytes(b"<aaaaBBBB>")
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    else:  # a record that says more than the file holds (the file as recorded, b said to be past its end)
        record = (record[0], {"a": (1, 4), "b": (record[0][1], 4)})
    fetched: list[str] = []

    def piece(key: str, data: bytes) -> streams.Piece:
        return streams.Piece(key, None, lambda: fetched.append(key) or data)  # type: ignore[func-returns-value]

    changed, _, _ = _stream(target, [b"<", piece("a", b"AAAA"), piece("b", b"BBBB"), b">"], known=record)
    assert changed  # (a file not as recorded is written again, whatever it held)
    assert target.read_bytes() == b"<AAAABBBB>"
    assert fetched == (["a", "b"] if how == "edited in place" else ["b"])
