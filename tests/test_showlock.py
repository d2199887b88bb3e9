"""One build or tag run at a time per show: a second one waits for the first (saying so), or with no time left
to wait stops with OUT005 and changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

HOLDER = """
import sys, time
from pathlib import Path
from mediafeed import showlock
with showlock.hold(Path(sys.argv[1]), "build"):
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 120)
print("released", time.time(), flush=True)
"""


def mediafeed(show: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediafeed", *args, "--show", str(show)], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def held(show: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the show, as a long build does."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(show)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    yield holder
    holder.kill()
    holder.wait()


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".mediafeed" not in p.parts}


def test_a_second_build_stops_at_once_naming_the_holder_and_writes_nothing(show: Path, held: subprocess.Popen[str]) -> None:
    before = tree(show)
    done = mediafeed(show, "build", "--wait", "0")
    assert done.returncode != 0
    assert "OUT005" in done.stderr and f"pid {held.pid}" in done.stderr and ".mediafeed/lock" in done.stderr
    assert "Traceback" not in done.stderr and "database is locked" not in done.stderr
    assert tree(show) == before and not (show / "public").exists()


def test_tagging_the_sources_waits_its_turn_too(show: Path, held: subprocess.Popen[str]) -> None:
    before = tree(show)
    done = mediafeed(show, "tag", "--wait", "0")
    assert done.returncode != 0 and "OUT005" in done.stderr
    assert tree(show) == before  # the producer's files are untouched


def test_check_still_runs_while_a_build_holds_the_show(show: Path, held: subprocess.Popen[str]) -> None:
    done = mediafeed(show, "check", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["episodes"] > 0


def test_a_holder_killed_outright_leaves_the_show_free(show: Path, held: subprocess.Popen[str]) -> None:
    held.send_signal(signal.SIGKILL)
    held.wait()
    assert (show / ".mediafeed" / "lock").exists()  # the file stays; the kernel dropped the lock with the process
    done = mediafeed(show, "build")
    assert done.returncode == 0, done.stderr
    assert (show / "public" / "feed.xml").exists()


def test_a_build_waits_for_the_holder_then_builds(show: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(show), "3"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    try:
        done = mediafeed(show, "build")  # the default --wait is long enough
        released = holder.stdout.readline()
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 0, done.stderr
    word, when = released.split()
    assert word == "released"  # and the build wrote its site after that: it waited, it did not break in
    assert (show / "public" / "feed.xml").stat().st_mtime >= float(when) - 0.05
    assert f"Waiting for another mediafeed run on this show to finish (build, pid {holder.pid})" in done.stderr
    assert (show / "public" / "feed.xml").exists()


def test_a_build_that_waited_long_enough_stops_and_says_how_long(show: Path, held: subprocess.Popen[str]) -> None:
    before = tree(show)
    started = time.monotonic()
    done = mediafeed(show, "build", "--wait", "1.5", "--format", "json")
    assert time.monotonic() - started >= 1.5
    assert done.returncode != 0
    assert "OUT005" in done.stderr + done.stdout and "after waiting 1.5 s" in done.stderr + done.stdout
    assert tree(show) == before and not (show / "public").exists()


def test_a_negative_wait_is_refused_by_name(show: Path) -> None:
    done = mediafeed(show, "build", "--wait", "-1")
    assert done.returncode == 2 and "--wait" in done.stderr and "Traceback" not in done.stderr


def test_a_serve_rebuild_waits_for_a_manual_build_instead_of_failing(show: Path) -> None:
    from mediafeed.preview import PREVIEW_DIR, Preview

    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(show), "2"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    reports: list[object] = []
    told: list[str] = []
    try:
        preview = Preview(show.resolve(), show.resolve() / PREVIEW_DIR, lambda result, problems: reports.append(result),
                          waiting=told.append)
        assert preview.rebuild(), reports
    finally:
        holder.kill()
        holder.wait()
    assert told == [f"build, pid {holder.pid}"]
    assert reports and reports[0] is not None and (show / PREVIEW_DIR / "feed.xml").exists()


def test_a_sigterm_while_waiting_ends_the_run_as_ctrl_c_does(show: Path, held: subprocess.Popen[str]) -> None:
    """A service manager or `timeout` stopping a waiting build: "Interrupted", exit 130, nothing written."""
    before = tree(show)
    waiting = subprocess.Popen([sys.executable, "-m", "mediafeed", "build", "--show", str(show), "--wait", "60"],
                               stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "NO_COLOR": "1"})
    assert waiting.stderr is not None
    assert waiting.stderr.readline().startswith("Waiting for another mediafeed run")
    waiting.send_signal(signal.SIGTERM)
    _, err = waiting.communicate(timeout=30)
    assert waiting.returncode == 130 and "Interrupted" in err and "Traceback" not in err
    assert tree(show) == before and not (show / "public").exists()


@pytest.mark.parametrize("args", [["build"], ["build", "--format", "json"], ["check"], ["list"], ["tag", "--dry-run"],
                                  ["tag"]])
def test_a_command_run_where_there_is_no_show_leaves_nothing_there(tmp_path: Path, args: list[str]) -> None:
    """`mediafeed build` typed in the wrong folder (a home folder) said SRC020 and left `.mediafeed/` there (its lock,
    a 376 KB cache.sqlite, a .gitignore), for every later run and `git status` to find."""
    from test_qa_cli import run

    folder = tmp_path / "not-a-show"
    folder.mkdir()
    done = run(*args, cwd=folder)
    assert done.returncode == 2 and "SRC020" in done.stdout + done.stderr, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == []


WRITER = """
import sqlite3, sys, time
from pathlib import Path
from mediafeed import showlock
with showlock.hold(Path(sys.argv[1]), "build"):
    db = sqlite3.connect(Path(sys.argv[1]) / ".mediafeed" / "cache.sqlite", isolation_level=None)
    db.execute("BEGIN IMMEDIATE")  # a build writing its cache: another writer gets "database is locked"
    print("holding", flush=True)
    time.sleep(120)
"""


def test_list_still_runs_while_a_build_writes_the_cache(show: Path) -> None:
    """`mediafeed list` in one terminal while `mediafeed serve` rebuilds in another: it lists without the cache, as
    check does (it stopped with 'Internal error: OperationalError: database is locked', exit code 3)."""
    assert mediafeed(show, "build").returncode == 0
    notes = next((show / "episodes").glob("*/episode.md"))
    notes.write_text(notes.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")  # list parses it anew
    holder = subprocess.Popen([sys.executable, "-c", WRITER, str(show)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        done = mediafeed(show, "list", "--format", "json")
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 0, done.stderr
    assert "database is locked" not in done.stderr
    assert len(json.loads(done.stdout)["episodes"]) == len(list((show / "episodes").glob("*/episode.md")))
