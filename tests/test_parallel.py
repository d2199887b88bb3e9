"""Builds on every core: the same bytes as one process, failures reported in episode order."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import add_episode, alone_in_process
from test_incremental import tree

from mediafeed import parallel, rendering
from mediafeed.build import BuildFailed, build
from mediafeed.cache import CACHE_DIR
from mediafeed.probes import _probe

MANY = parallel.MIN_ITEMS + 4  #: enough episodes for the build to use a pool
_EPISODE_PAGES = rendering._episode_pages  #: the page workers' job, as the build has it


@pytest.fixture(autouse=True)
def _alone() -> None:
    """A build uses no pool while another thread runs in its process: wait for those an earlier test left."""
    alone_in_process()


def add_many(show: Path) -> None:
    for number in range(MANY):
        add_episode(show, f"{100 + number:03d}-extra", f"""
title: Extra episode {number}
date: 2026-01-{1 + number % 28:02d}T08:00:00+00:00
guid: 00000000-0000-4000-8000-{number:012d}
audio: audio.mp3
""", body=f"Notes for extra episode {number} — with ünïcode.\n")


def test_a_pool_returns_results_and_failures_in_input_order(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    audio = sorted(p.relative_to(show).as_posix() for p in show.glob("episodes/*/*.mp3"))
    rels = [audio[i % len(audio)] if i % 5 else "episodes/missing.mp3" for i in range(MANY)]
    results = parallel.map_ordered(_probe, show, rels)
    assert len(results) == MANY
    for rel, result in zip(rels, results, strict=True):
        if rel == "episodes/missing.mp3":
            assert isinstance(result, parallel.Failed) and result.problems[0].code == "MED001"
        else:
            assert result.path == rel  # type: ignore[union-attr]


def test_a_build_on_two_cores_writes_the_same_bytes_as_on_one(show: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    add_many(show)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    pooled = build(show, tmp_path / "pooled", clean=True)
    assert pooled.probed >= MANY and len(pooled.tagged) >= MANY
    pooled_tree = tree(pooled.output)
    shutil.rmtree(show / CACHE_DIR)
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    single = build(show, tmp_path / "single", clean=True)
    assert tree(single.output) == pooled_tree


def test_episodes_parsed_on_two_cores_report_the_same_problems_as_on_one(show: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    add_many(show)
    broken = show / "episodes" / "105-extra" / "episode.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title: Extra episode 5", "title: [unclosed"),
                      encoding="utf-8")
    (show / "episodes" / "107-extra" / "episode.md").write_text("---\ntitle: No date\n---\nBody\n", encoding="utf-8")
    found = {}
    for jobs in ("2", "1"):
        monkeypatch.setenv("MEDIAFEED_JOBS", jobs)
        with pytest.raises(BuildFailed) as info:
            build(show, tmp_path / f"out{jobs}", clean=True)
        found[jobs] = [p.to_dict() for p in info.value.problems]
    assert found["2"] == found["1"]
    assert {p["file"] for p in found["2"] if p["severity"] == "error"} >= {
        "episodes/105-extra/episode.md", "episodes/107-extra/episode.md"}
    assert not (tmp_path / "out2").exists() and not (tmp_path / "out1").exists()


def test_a_tagged_copy_cut_short_is_made_again_not_published(show: Path) -> None:
    first = build(show)
    assert first.tagged
    copy = sorted((show / CACHE_DIR / "tagged").glob("*.mp3"))[0]
    whole = copy.read_bytes()
    copy.write_bytes(whole[: len(whole) // 2])  # what a crash before the data reached the disk can leave
    again = build(show)
    assert len(again.tagged) == 1
    assert copy.read_bytes() == whole


def test_the_feed_rules_on_two_cores_report_what_one_core_reports(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mediafeed import checks
    from mediafeed.cache import Cache
    from mediafeed.checks import showfeed
    from mediafeed.items import make_items
    from mediafeed.project import load_project

    add_many(show)
    add_episode(show, "150-guid-is-url", """
title: A GUID that is its enclosure URL
date: 2026-02-01T08:00:00+00:00
guid: https://podcast.example.org/safe-to-say/episodes/150-guid-is-url/audio.mp3
audio: audio.mp3
""")
    (show / "show.yml").write_text((show / "show.yml").read_text(encoding="utf-8").replace(
        "copyright: CC BY 4.0", "copyright: Copyright CC BY 4.0"), encoding="utf-8")
    cache = Cache(None)
    project = load_project(show, cache)
    items = make_items(project, cache)
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    one = checks.feed_rules(project, items, Cache(None))
    assert {p.code for p in one} >= {"EP109", "SHOW018"}  # an item's problem and the channel's
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    monkeypatch.setattr(showfeed, "PARALLEL_LINT", 1)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 4)  # a pool for this small show: documents of a few items each
    calls = []
    real = parallel.imap_ordered

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(args[2]))
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "imap_ordered", spy)
    assert checks.feed_rules(project, items, Cache(None)) == one
    assert calls and calls[0] >= 4


def test_a_cold_build_on_two_cores_makes_the_feeds_items_in_the_workers(show: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from mediafeed import jsonfeed

    add_many(show)
    rendered: list[str] = []  # items of feed.json made in this process (a worker's own list is not this one)
    real = jsonfeed.render_items

    def spy(items, show):  # type: ignore[no-untyped-def]
        rendered.extend(item.episode.slug for item in items)
        return real(items, show=show)

    monkeypatch.setattr(jsonfeed, "render_items", spy)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    pooled = build(show, tmp_path / "pooled", clean=True)
    assert pooled.episodes >= MANY and len(rendered) <= 1  # the first episode's pages are made here, the rest ahead
    pooled_tree = tree(pooled.output)
    shutil.rmtree(show / CACHE_DIR)
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    single = build(show, tmp_path / "single", clean=True)
    assert len(rendered) >= pooled.episodes
    assert tree(single.output) == pooled_tree


def test_a_cold_build_writes_the_feeds_without_reading_back_the_items_the_page_workers_made(
        show: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page workers' feed items are kept in the cache as they are handed over, and held for the feeds, written
    after the last episode: the feeds do not read them back (a cold build of 1,000 episodes: ~18 MB). A show whose
    items are more than FeedItems.HOLD reads them back, with the same bytes."""
    from mediafeed import feeditems
    from mediafeed.cache import Cache

    add_many(show)
    read: list[int] = []  #: how many feed items each read of the cache's item table asked for
    real = Cache.get_many

    def spy(self, table, wanted, **options):  # type: ignore[no-untyped-def]
        if table == feeditems.TABLE and self.db is not None:  # (the feed rules' store keeps nothing)
            read.append(len(wanted))
        return real(self, table, wanted, **options)

    monkeypatch.setattr(Cache, "get_many", spy)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    pooled = build(show, tmp_path / "pooled", clean=True)
    assert pooled.episodes >= MANY
    assert sum(read) == 2  # the first episode's rss and json items, made here (its pages are: before the pool forks)
    pooled_tree = tree(pooled.output)
    read.clear()
    shutil.rmtree(show / CACHE_DIR)
    monkeypatch.setattr(feeditems.FeedItems, "HOLD", 0)
    unheld = build(show, tmp_path / "unheld", clean=True)
    assert sum(read) == 2 * pooled.episodes
    assert tree(unheld.output) == pooled_tree


def test_a_cold_build_stamps_the_files_it_wrote_as_it_wrote_them(show: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The stamp lists each output file with its size and mtime: those the build wrote (the pages, written by the
    page workers on two cores, the index pages, the feeds) as they were written, not looked at again at the end
    (5,062 stats at 1,000 episodes, with both cores idle); what it lists is what is on disk, and a rebuild with
    nothing changed takes the shortcut."""
    import os

    from mediafeed import fastpath

    add_many(show)
    known: dict[str, tuple[int, int]] = {}
    real = fastpath.prepare

    def spy(*args, **options):  # type: ignore[no-untyped-def]
        known.update(options.get("known") or {})
        return real(*args, **options)

    monkeypatch.setattr(fastpath, "prepare", spy)
    for jobs in ("2", "1"):
        monkeypatch.setenv("MEDIAFEED_JOBS", jobs)
        known.clear()
        out = tmp_path / f"jobs{jobs}"
        report = build(show, out, clean=True)
        pages = [rel for rel in report.written if rel.endswith((".html", ".xml", ".json"))]
        assert len(pages) > 4 * MANY and set(pages) <= set(known), jobs
        for rel, seen in known.items():
            st = os.stat(out / rel)
            assert (st.st_size, st.st_mtime_ns) == tuple(seen), rel
        assert fastpath.check(show, out, False) is not None, jobs


def test_a_cold_build_makes_each_tag_job_as_the_workers_take_it(show: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold build's tag jobs (each episode's wanted tags, hashed for its copy's name: ~55 us an episode) are made
    as the workers take their chunks, not all in this process before the first worker starts; a rebuild after an
    edit that changes an episode's tags makes that job before, as it looks for the copy it recorded; the same
    copies, files and bytes either way."""
    from mediafeed import tagging

    add_many(show)
    made: list[str] = []  #: the episodes whose wanted tags were made, in order
    before_pool: list[int] = []  #: how many were made when the tag stage's pool was asked for
    real_metadata, real_imap = tagging.metadata_for, parallel.imap_ordered

    def metadata_for(show, episode, *args, **options):  # type: ignore[no-untyped-def]
        made.append(episode.slug)
        return real_metadata(show, episode, *args, **options)

    def imap_ordered(fn, *args, **options):  # type: ignore[no-untyped-def]
        if fn is tagging._tag_job:
            before_pool.append(len(made))
        return real_imap(fn, *args, **options)

    monkeypatch.setattr(tagging, "metadata_for", metadata_for)
    monkeypatch.setattr(tagging.parallel, "imap_ordered", imap_ordered)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    pooled = build(show, tmp_path / "pooled", clean=True)
    assert len(pooled.tagged) >= MANY and before_pool == [0] and len(made) == len(pooled.tagged)
    assert len(set(made)) == len(made)  # (each once)
    names = sorted(path.name for path in (show / CACHE_DIR / "tagged").iterdir())
    pooled_tree = tree(pooled.output)
    shutil.rmtree(show / CACHE_DIR)
    made.clear(), before_pool.clear()
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    single = build(show, tmp_path / "single", clean=True)
    assert before_pool == [0] and len(made) == len(single.tagged)
    assert sorted(path.name for path in (show / CACHE_DIR / "tagged").iterdir()) == names
    assert tree(single.output) == pooled_tree
    # An edited title: that episode's copy is recorded under its old name, so its job is made first, as before
    episode = show / "episodes" / "100-extra" / "episode.md"
    episode.write_text(episode.read_text().replace("title: Extra episode 0", "title: Extra episode zero"))
    made.clear(), before_pool.clear()
    again = build(show, tmp_path / "single")
    assert again.tagged == ["episodes/100-extra/audio.mp3"] and made == ["100-extra"] and before_pool == [1]


def _slow_pages(context, job):  # type: ignore[no-untyped-def]
    """The page workers' job, slowed down: the build waits for each of their results."""
    time.sleep(0.05)
    return _EPISODE_PAGES(context, job)


def test_a_cold_build_on_two_cores_renders_the_index_pages_while_it_waits_for_the_page_workers(
        show: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mediafeed import rendering
    from mediafeed.render import Renderer

    add_many(show)
    making_episodes = [False]
    during: list[bool] = []  #: for each index page rendered: whether the episodes' pages were being made then
    real_episodes, real_index = rendering._render_episodes, Renderer.index_page

    def render_episodes(*args):  # type: ignore[no-untyped-def]
        making_episodes[0] = True
        try:
            real_episodes(*args)
        finally:
            making_episodes[0] = False

    def index_page(self, out, items, number):  # type: ignore[no-untyped-def]
        during.append(making_episodes[0])
        real_index(self, out, items, number)

    monkeypatch.setattr(rendering, "_render_episodes", render_episodes)
    monkeypatch.setattr(Renderer, "index_page", index_page)
    monkeypatch.setattr(rendering, "_episode_pages", _slow_pages)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    pooled = build(show, tmp_path / "pooled", clean=True)
    assert during and all(during)  # each rendered once, while the page workers worked; written after the episodes
    pooled_tree = tree(pooled.output)
    shutil.rmtree(show / CACHE_DIR)
    during.clear()
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    single = build(show, tmp_path / "single", clean=True)
    assert during and not any(during)  # in one process: in their turn
    assert tree(single.output) == pooled_tree


def test_a_first_build_on_two_cores_has_the_workers_write_the_episode_folders(show: Path, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Into an output folder with no site of ours, the workers write the pages of the episode folders they make;
    the bytes, the files and the report are those of one process writing everything."""
    import os

    from mediafeed import output

    add_many(show)
    writers = tmp_path / "writers"
    writers.mkdir()
    real = output.write_fresh

    def spy(out: str, folder: str, files: list[tuple[str, bytes]], mtimes: list[int] | None = None) -> list[str] | None:
        made = real(out, folder, files, mtimes)
        (writers / f"{folder.replace('/', '_')}").write_text(f"{os.getpid()} {made is not None}")
        return made

    monkeypatch.setattr(output, "write_fresh", spy)  # forked workers inherit it
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    pooled = build(show, tmp_path / "pooled", clean=True)
    calls = [path.read_text().split() for path in writers.iterdir()]
    assert len(calls) == pooled.episodes - 1  # the first episode's pages are made here, before the pool forks
    assert all(pid != str(os.getpid()) and made == "True" for pid, made in calls)
    assert not list((tmp_path / "pooled").rglob("*.tmp"))
    pooled_tree = tree(pooled.output)
    shutil.rmtree(show / CACHE_DIR)
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    single = build(show, tmp_path / "single", clean=True)
    assert tree(single.output) == pooled_tree
    assert sorted(single.written) == sorted(pooled.written)
    # Built again into the same folder with its manifest gone (the cache folder was deleted above): every
    # episode folder is there already, so each worker hands its pages to the writer, which compares them.
    for path in writers.iterdir():
        path.unlink()
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    again = build(show, tmp_path / "pooled", clean=True)
    calls = [path.read_text().split() for path in writers.iterdir()]
    assert len(calls) == again.episodes - 1 and all(made == "False" for _, made in calls)
    assert tree(again.output) == pooled_tree
    assert not [rel for rel in again.written if rel.endswith(".html")]  # the same bytes: not rewritten


def test_a_worker_leaves_a_folder_it_did_not_make_to_the_writer(show: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """An output folder that holds files of no build of ours (no manifest): an episode folder already there is
    written by the build's writer (which compares), not by a worker; the stranger's file is left alone. (A page of
    its own in that folder would stop the build before anything is written: OUT006, test_build.py.)"""
    add_many(show)
    out = tmp_path / "site"
    stranger = out / "episodes" / "105-extra" / "notes.txt"
    stranger.parent.mkdir(parents=True)
    stranger.write_text("mine")
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    report = build(show, out, clean=True)
    assert stranger.read_text() == "mine"
    page = (out / "episodes" / "105-extra" / "index.html").read_text(encoding="utf-8")
    assert "Extra episode 5" in page
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    single = build(show, tmp_path / "single", clean=True)
    mine = {rel: data for rel, data in tree(report.output).items() if rel != "episodes/105-extra/notes.txt"}
    assert mine == tree(single.output)


def test_write_fresh_takes_back_a_folder_it_could_not_finish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mediafeed import output

    (tmp_path / "episodes").mkdir()
    assert output.write_fresh(str(tmp_path), "episodes/a", [("episodes/a/index.html", b"1"),
                                                            ("episodes/a/embed/index.html", b"2")]) == \
        ["episodes/a", "episodes/a/embed"]
    assert (tmp_path / "episodes/a/embed/index.html").read_bytes() == b"2"
    assert output.write_fresh(str(tmp_path), "episodes/a", [("episodes/a/index.html", b"x")]) is None  # not new
    assert (tmp_path / "episodes/a/index.html").read_bytes() == b"1"
    real = output.atomic_write
    calls = []

    def failing(target: object, data: bytes, durable: bool = True) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(target))
        real(target, data, durable)  # type: ignore[arg-type]

    monkeypatch.setattr(output, "atomic_write", failing)
    with pytest.raises(OSError):
        output.write_fresh(str(tmp_path), "episodes/b", [("episodes/b/index.html", b"1"), ("episodes/b/player.html", b"2")])
    assert not (tmp_path / "episodes/b").exists()


ORPHANS = """
import sys, time
from mediafeed import parallel, rendering

def slow(_context, item):
    time.sleep(60)
    return item

print("start", flush=True)
parallel.map_ordered(slow, None, list(range(parallel.MIN_ITEMS * 2)))
"""


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as listing:
            return [int(child) for child in listing.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _end(parent: subprocess.Popen[str], workers: list[int]) -> None:
    """After a test, however it ended: its build process and any of that build's workers still running, killed."""
    parent.kill()
    parent.wait()
    for pid in workers:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_workers_end_with_a_build_killed_outright(monkeypatch: pytest.MonkeyPatch) -> None:
    """A SIGKILL to a build (the OOM killer, kill -9) used to leave its pool workers running as orphans."""
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    parent = subprocess.Popen([sys.executable, "-c", ORPHANS], stdout=subprocess.PIPE, text=True)
    workers: list[int] = []
    try:
        assert parent.stdout is not None and parent.stdout.readline() == "start\n"
        deadline = time.monotonic() + 30
        while len(workers := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) >= 2
        time.sleep(0.5)  # the workers are in their 60 s of work
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers)
    finally:
        _end(parent, workers)


def _pid_and_context(context: str, item: int) -> tuple[int, str, int]:
    return os.getpid(), context, item


def _slow_pid_and_context(context: str, item: int) -> tuple[int, str, int]:
    time.sleep(0.05)
    return _pid_and_context(context, item)


def _fails_at_3(_context: None, item: int) -> int:
    if item == 3:
        raise ValueError("not a MediaError: a bug")
    return item


def test_the_stages_of_one_build_share_one_set_of_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    items = list(range(parallel.MIN_ITEMS * 4))
    with parallel.shared():
        first = parallel.map_ordered(_pid_and_context, "probe", items, share=True)
        workers = parallel.shared_pids()
        second = parallel.map_ordered(_pid_and_context, "tag", items, share=True)
        assert parallel.shared_pids() == workers
    assert len(workers) == 2 and os.getpid() not in workers
    # each stage's own context, its results in order, on the same processes
    assert [(context, item) for _, context, item in first] == [("probe", item) for item in items]
    assert [(context, item) for _, context, item in second] == [("tag", item) for item in items]
    assert {pid for pid, _, _ in first} | {pid for pid, _, _ in second} <= set(workers)
    assert parallel.shared_pids() == []
    assert not any(_alive(pid) for pid in workers)  # ended (and reaped) with the block


def test_a_stage_that_inherits_its_context_forks_the_next_set_of_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage whose context is the build's own objects (a renderer: not sent, its workers inherit it) ends the
    shared workers and forks a new set with its context (a process is never forked while the workers' threads
    run); the stages after it use that set."""
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    items = list(range(parallel.MIN_ITEMS * 2))
    with parallel.shared():
        parallel.map_ordered(_pid_and_context, "read", items, share=True)
        before = parallel.shared_pids()
        inherited = parallel.map_ordered(_pid_and_context, "pages", items)
        after = parallel.shared_pids()
        tagged = parallel.map_ordered(_pid_and_context, "tag", items, share=True)
        assert parallel.shared_pids() == after
    assert [context for _, context, _ in inherited] == ["pages"] * len(items)
    assert [context for _, context, _ in tagged] == ["tag"] * len(items)
    assert len(after) == 2 and not set(after) & set(before)
    assert not any(_alive(pid) for pid in before)
    assert {pid for pid, _, _ in inherited} | {pid for pid, _, _ in tagged} <= set(after)


def test_a_stage_that_releases_its_workers_does_not_wait_for_them_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage after which the next set is forked, or the build ends (the tag stage, the episode pages), lets its
    workers go as soon as its last chunk is done: they end while the build works on, not waited for at the next fork
    (or the block's end) with both cores idle; their threads are joined before that fork, so none runs at it."""
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    items = list(range(parallel.MIN_ITEMS * 2))
    at_fork: list[list[str]] = []
    counting = [True]
    os.register_at_fork(before=lambda: at_fork.append([t.name for t in threading.enumerate()
                                                       if t is not threading.main_thread()]) if counting else None)
    try:
        with parallel.shared():
            # (each item takes a moment, so that both workers take a chunk on a loaded machine too: a local run of CI
            # saw one worker take every chunk while the other was still starting, and released held one pid)
            made = parallel.imap_ordered(_slow_pid_and_context, "tag", items, share=True, release=True)
            tagged = [next(made) for _ in items]  # (every result taken, the stage not told it is over)
            released = {pid for pid, _, _ in tagged}
            assert parallel.shared_pids() == []  # let go with the last chunk
            deadline = time.monotonic() + 30
            while any(_alive(pid) for pid in released) and time.monotonic() < deadline:
                time.sleep(0.01)
            assert not any(_alive(pid) for pid in released)  # ended (and reaped) without being waited for
            assert list(made) == []
            pages = parallel.map_ordered(_pid_and_context, "pages", items)
            after = parallel.shared_pids()
    finally:
        counting.clear()
    assert [(context, item) for _, context, item in tagged] == [("tag", item) for item in items]
    assert [(context, item) for _, context, item in pages] == [("pages", item) for item in items]
    assert len(released) == 2 and len(after) == 2 and not released & set(after)
    assert at_fork and all(threads == [] for threads in at_fork)  # no thread of ours at any fork
    assert not any(_alive(pid) for pid in after)


def test_a_failing_stage_still_ends_the_shared_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    workers: list[int] = []
    with pytest.raises(ValueError, match="a bug"), parallel.shared():
        parallel.map_ordered(_pid_and_context, "read", list(range(parallel.MIN_ITEMS)), share=True)
        workers = parallel.shared_pids()
        parallel.map_ordered(_fails_at_3, None, list(range(parallel.MIN_ITEMS * 2)), share=True)
    assert len(workers) == 2
    assert not any(_alive(pid) for pid in workers)


def test_a_cold_build_forks_two_sets_of_workers_not_one_per_stage(show: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading, probing, rendering notes, tagging and the episode pages used to fork a pool each (2 processes
    each, from the grown build); now the first four share one set, and the pages (whose workers inherit the
    renderer) fork the next."""
    add_many(show)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    forked: list[int] = []
    counting = [True]
    os.register_at_fork(after_in_parent=lambda: forked.append(1) if counting else None)  # (cannot be unregistered)
    try:
        report = build(show, tmp_path / "site", clean=True)
    finally:
        counting.clear()
    assert report.probed >= MANY and len(report.tagged) >= MANY
    assert len(forked) == 2 * 2, "2 shared workers + 2 for the episode pages"


def test_a_cold_build_never_waits_for_a_set_of_workers_to_end(show: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The tag stage's workers (the pages fork the next set) and the page workers (the last) are let go as their
    last chunk is done, and end while the build works on: the pages' fork and the build's end used to wait for
    them (10-50 ms each, both cores idle)."""
    add_many(show)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    waited: list[bool] = []  #: for each end of the shared workers: whether a set was still there to wait for
    real_end = parallel._Workers.end

    def end(self, *, cancel: bool = False) -> None:  # type: ignore[no-untyped-def]
        waited.append(self.pool is not None)
        real_end(self, cancel=cancel)

    monkeypatch.setattr(parallel._Workers, "end", end)
    report = build(show, tmp_path / "site", clean=True)
    assert report.probed >= MANY and len(report.tagged) >= MANY
    assert waited and not any(waited)


def test_a_cold_build_looks_at_the_show_artwork_once_the_workers_read_the_episodes(
        show: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The show artwork's size (Pillow imported, the image opened: ~20 ms) is taken while the workers parse the
    episodes, no longer before they are forked, with both cores idle; the build is the one one process makes."""
    from mediafeed import project as project_module

    add_many(show)
    workers: list[list[int]] = []  #: the shared workers there at each look at the show artwork
    real = project_module.artwork_size

    def artwork_size(*args):  # type: ignore[no-untyped-def]
        workers.append(parallel.shared_pids())
        return real(*args)

    monkeypatch.setattr(project_module, "artwork_size", artwork_size)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    pooled = build(show, tmp_path / "pooled", clean=True)
    assert len(workers) == 1 and len(workers[0]) == 2
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    single = build(show, tmp_path / "single", clean=True)
    assert workers[1:] == [[]]
    assert tree(single.output) == tree(pooled.output)


#: a cold build in a new interpreter, noting each module a worker imported itself (not inherited through the fork)
WORKER_IMPORTS = """
import os, sys
from pathlib import Path
from mediafeed import parallel, rendering
from mediafeed.build import build
from mediafeed.checks import showfeed

parallel.MIN_ITEMS = 4  # pools for this small show, the feed lint's too (it forks the workers that tag)
showfeed.PARALLEL_LINT = 1
inherited = {}
os.register_at_fork(after_in_child=lambda: inherited.update(modules=set(sys.modules)))
real = parallel._call

def call(fn, context, item):
    result = real(fn, context, item)
    own = sorted(set(sys.modules) - inherited["modules"])
    inherited["modules"].update(own)
    with open(sys.argv[2], "a", encoding="utf-8") as out:
        out.write("".join(f"{fn.__name__} {name}\\n" for name in own))
    return result

parallel._call = call
report = build(Path(sys.argv[1]), clean=True)
print(report.probed, len(report.tagged))
"""


def test_a_cold_builds_workers_inherit_the_prober_the_tagger_and_the_feed_rules(show: Path, tmp_path: Path) -> None:
    """The build imports what its workers will run before it forks them: each worker imported mutagen with the prober
    (then each worker of the next set imported it again, with the tagger, ~20 ms of CPU each), and the feed rules."""
    import mediafeed

    add_many(show)
    log = tmp_path / "imports.txt"
    log.touch()
    env = {**os.environ, "MEDIAFEED_JOBS": "2", "PYTHONPATH": str(Path(mediafeed.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", WORKER_IMPORTS, str(show), str(log)], env=env, capture_output=True,
                          text=True, check=True)
    probed, tagged = map(int, done.stdout.split())
    assert probed >= MANY and tagged >= MANY
    imported = {tuple(line.split()) for line in log.read_text(encoding="utf-8").splitlines()}
    assert not [(fn, name) for fn, name in imported
                if name in {"mutagen", "ctypes", "mediafeed.checks.channel", "mediafeed.checks.items"}
                or name.startswith(("mutagen.", "mediafeed.audio"))]


SIGNALLED = """
import signal, sys, time
from mediafeed import parallel, rendering
from mediafeed.commands.shortcut import _interrupt

def quick(_context, item):
    return item

signal.signal(signal.SIGTERM, _interrupt)  # as the mediafeed program does
try:
    with parallel.shared():
        parallel.map_ordered(quick, None, list(range(parallel.MIN_ITEMS)), share=True)
        print(*parallel.shared_pids(), flush=True)
        for _ in range(600):  # the build's own work between two stages (Python code: a Ctrl-C is seen between its
            time.sleep(0.1)   # steps), while the workers wait for the next one
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(130)
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("how", ["SIGTERM to the build", "Ctrl-C in its terminal"])
def test_an_interrupted_build_ends_its_waiting_workers_without_a_traceback(how: str,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    parent = subprocess.Popen([sys.executable, "-c", SIGNALLED], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, start_new_session=True)
    workers: list[int] = []
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2
        if how == "SIGTERM to the build":
            parent.send_signal(signal.SIGTERM)
        else:  # a terminal sends SIGINT to the whole process group
            os.killpg(parent.pid, signal.SIGINT)
        out, err = parent.communicate(timeout=60)
        assert "interrupted" in out and parent.returncode == 130
        assert "Traceback" not in err
        assert not any(_alive(pid) for pid in workers)
    finally:
        _end(parent, workers)
