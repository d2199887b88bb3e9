"""The command line as a producer meets it: Ctrl-C at any moment, errors that name the file and its fix, JSON that
stays JSON, exit codes as documented. Everything through real subprocesses (``python -m mediafeed`` and the console
script as pip writes it from pyproject.toml)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from helpers import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
INTERRUPTED = "Interrupted; nothing half-written was left behind."


def console_script() -> str:
    """The ``mediafeed`` program as pip writes it from the entry point in pyproject.toml."""
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["mediafeed"]
    module, function = entry.split(":")
    return f"import re\nimport sys\nfrom {module} import {function}\nsys.exit({function}())\n"


#: a real SIGINT (what Ctrl-C sends) arriving while ``module`` is being imported: the only way to place one there
#: deterministically; then the program, started as ``python -m mediafeed`` or as the console script
CTRL_C_WHILE_LOADING = """
import os, signal, sys
class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, CtrlC())
sys.argv = ["mediafeed", *{args!r}]
"""


@pytest.mark.parametrize("how", ["python -m mediafeed", "console script"])
@pytest.mark.parametrize("module", ["mediafeed.commands", "mediafeed.commands.shortcut", "mediafeed.fastpath",
                                   "mediafeed.cli"])
def test_ctrl_c_while_the_program_loads_is_one_line_and_exit_code_130(tmp_path: Path, how: str, module: str) -> None:
    start = "import runpy\nrunpy.run_module('mediafeed', run_name='__main__', alter_sys=True)\n" if how.startswith(
        "python") else console_script()
    command = "list" if module == "mediafeed.cli" else "build"  # (a build answered without click never loads it)
    code = CTRL_C_WHILE_LOADING.format(module=module, args=[command, "--show", str(tmp_path)]) + start
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=ENV)
    # was, for mediafeed.commands and .shortcut: Python's KeyboardInterrupt traceback, killed by SIGINT (-2)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == INTERRUPTED and done.stdout == ""


def test_the_line_an_early_ctrl_c_prints_is_the_one_every_interruption_prints() -> None:
    from mediafeed import __main__, terminal

    assert __main__.INTERRUPTED == terminal.INTERRUPTED == INTERRUPTED


def mediafeed(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediafeed", *args], capture_output=True, text=True, timeout=300,
                          env=env or ENV, cwd=cwd)


def _file_in_place_of_a_folder(show: Path) -> tuple[Path, Path, str]:
    out = show / "public"
    assert mediafeed("build", "-q", "--show", str(show)).returncode == 0
    folder = out / "episodes" / "003-capabilities-framework"
    shutil.rmtree(folder)
    folder.write_text("not a folder")
    return out, folder, "is a file where the site needs a folder"


def _folder_in_place_of_the_feed(show: Path) -> tuple[Path, Path, str]:
    out = show / "public"
    assert mediafeed("build", "-q", "--show", str(show)).returncode == 0
    (out / "feed.xml").unlink()
    (out / "feed.xml").mkdir()
    return out, out / "feed.xml", "there is a folder where the site writes this file"


def _output_path_too_long(show: Path) -> tuple[Path, Path, str]:
    out = show.parent / ("x" * 300)  # a name longer than any file system's 255 bytes
    return out, out, "the path is too long for the file system"


@pytest.mark.parametrize("in_the_way", [_file_in_place_of_a_folder, _folder_in_place_of_the_feed, _output_path_too_long],
                         ids=["file-in-place-of-a-folder", "folder-in-place-of-the-feed", "path-too-long"])
def test_a_site_file_that_cannot_be_written_is_named_with_what_is_in_its_way(show: Path, in_the_way) -> None:
    out, blocker, reason = in_the_way(show)
    done = mediafeed("build", "--clean", "--show", str(show), "--output", str(out), "--format", "json")
    # was: "public: cannot write the site: Is a directory" (the folder only), "check free disk space and permissions"
    # for a file in the way; for a path too long "Error: …: File name too long" (no code, no fix) and exit code 2
    assert done.returncode == 1, done.stderr
    import json

    [problem] = json.loads(done.stdout)["problems"]
    assert problem["code"] == "OUT003" and reason in problem["message"], problem
    assert problem["file"].startswith(str(blocker)), problem
    assert problem["file"] != str(out) or blocker == out, problem  # the file itself, not only the site's folder
    assert str(blocker) in problem["file"] + problem["message"]
    assert "disk space" not in problem["hint"] and "--output" in problem["hint"], problem


#: holds the show (``.mediafeed/lock``, as a build or a tag run does) until its standard input closes
HOLD_THE_SHOW = """
import sys
from pathlib import Path
from mediafeed import showlock
with showlock.hold(Path(sys.argv[1]), "tag"):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_publish_with_nothing_changed_builds_nothing_and_an_edit_is_still_built(show: Path, tmp_path: Path) -> None:
    import json

    web = tmp_path / "web"
    web.mkdir()
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    web:\n      type: directory\n      path: {web}\n")
    first = mediafeed("publish", "--show", str(show), "--no-notify", "--format", "json")
    assert first.returncode == 0, first.stdout + first.stderr
    feed = (show / "public" / "feed.xml").stat().st_mtime_ns
    # another run holds the show (a tag run, a serve rebuild): a publish that has to build stops at once (OUT005)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_SHOW, str(show)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        again = mediafeed("publish", "--show", str(show), "--no-notify", "--format", "json")
    finally:
        holder.communicate(timeout=60)
    # was: a whole incremental build (every episode read again, ~90 ms of the sample show's publish), which needs the
    # show to itself: OUT005 "another mediafeed run holds this show", exit code 1, for a publish with nothing to do
    assert again.returncode == 0, again.stdout + again.stderr
    report = json.loads(again.stdout)
    assert report["ok"] and report["uploads"] == [] and report["unchanged"] == len(json.loads(first.stdout)["uploads"])
    assert (show / "public" / "feed.xml").stat().st_mtime_ns == feed
    # correctness first: an edit is built and published
    notes = show / "episodes" / "003-capabilities-framework" / "episode.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    edited = mediafeed("publish", "--show", str(show), "--no-notify", "--format", "json")
    assert edited.returncode == 0, edited.stdout + edited.stderr
    uploaded = {u["path"] for u in json.loads(edited.stdout)["uploads"]}
    assert {"feed.xml", "episodes/003-capabilities-framework/index.html"} <= uploaded
    assert "One more line." in (web / "episodes" / "003-capabilities-framework" / "index.html").read_text()


@pytest.fixture
def read_only_show(show: Path, tmp_path: Path):
    """The sample show seen through a read-only bind mount (a read-only checkout or share: the tests run as root,
    whom file modes do not stop). Skipped where mounting is not allowed."""
    seen = tmp_path / "read-only"
    seen.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(show), str(seen)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(seen)], check=True, capture_output=True)
        yield seen
    finally:
        subprocess.run(["umount", str(seen)], check=True)


def test_a_read_only_show_can_be_checked_and_listed_and_a_build_says_why_not(read_only_show: Path) -> None:
    import json

    checked = mediafeed("check", "--show", str(read_only_show), "--format", "json")
    # was: exit code 2, "Error: …/.mediafeed: Read-only file system" (the cache and the lock: check writes nothing)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["ok"] is True
    listed = mediafeed("list", "--show", str(read_only_show))
    assert listed.returncode == 0, listed.stderr
    assert "Sixty Evaluations, One Lesson" in listed.stdout
    built = mediafeed("build", "--show", str(read_only_show), "--output", str(read_only_show.parent / "site"))
    assert built.returncode == 2 and built.stdout == ""
    assert f"{read_only_show / '.mediafeed'}: Read-only file system" in built.stderr
    assert "make the show folder writable" in built.stderr, built.stderr  # was only the error, without the fix
    assert not (read_only_show / ".mediafeed").exists()
