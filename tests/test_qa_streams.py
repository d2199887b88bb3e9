"""Where the results go, as a checker tries it: stdout full (``/dev/full``), closed (``>&-``), gone (``| head -1``), in
an encoding that cannot hold a title, and the colour conventions (NO_COLOR, FORCE_COLOR, CLICOLOR) at a terminal and
in a pipe. Every run is the real program in a subprocess, as a script or a shell runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, with_an_info
from test_qa_cli import _in_a_terminal

TITLE = "Sechzig Evaluationen — Straße, ıİ, 日本語"
FULL = "Error: the results could not be written to standard output: No space left on device"


def _run(args: list[str], show: Path, env: dict[str, str] | None = None, **streams: object) -> subprocess.CompletedProcess[bytes]:
    """``python -m mediafeed ARGS`` in the show folder, this checkout's code; stdout and stderr captured unless given."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    environment.pop("NO_COLOR", None) if "NO_COLOR" not in (env or {}) else None
    options: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams}
    return subprocess.run([sys.executable, "-m", "mediafeed", *args], cwd=show, env=environment, timeout=120,
                          **options)  # type: ignore[call-overload, no-any-return]


def _titled(show: Path) -> Path:
    episode = show / "episodes" / "005-european-review" / "episode.md"
    episode.write_text(episode.read_text(encoding="utf-8").replace("title: Sixty Evaluations, One Lesson",
                                                                   f'title: "{TITLE}"'), encoding="utf-8")
    return show


# -- stdout that cannot take the results ---------------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["list", "--format", "json"], ["check", "--format", "json"], ["list"],
                                  ["build"], ["build", "--format", "json"], ["--version"]],
                         ids=["list-json", "check-json", "list", "build", "build-json", "version"])
def test_a_full_disk_under_stdout_is_one_clear_error_and_exit_code_2(show: Path, args: list[str]) -> None:
    _run(["build", "-q"], show)  # (a second build is the up-to-date answer, written without click)
    with open("/dev/full", "wb") as full:
        done = _run(args, show, stdout=full)
    err = done.stderr.decode()
    # was a traceback and exit 1 ("the show has problems") under --format json, "Error: : No space left on device"
    # from an up-to-date build, a hint to "check that the path exists" from list, and a traceback from --version
    assert done.returncode == 2, err
    assert "Traceback" not in err and FULL in err, err
    assert "free space where the output goes" in err


def test_a_closed_stdout_is_an_error_not_results_lost_with_exit_code_0(show: Path) -> None:
    for args in (["list", "--format", "json"], ["check"], ["build"]):
        done = _run(args, show, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
        # was exit 0 and nothing anywhere: a script took the silence for an empty, successful answer
        assert done.returncode == 2, (args, done.stderr)
        assert "could not be written to standard output: it is closed" in done.stderr.decode(), done.stderr
    assert (show / "public" / "feed.xml").is_file()  # what the build did is done, as cat reads what it cannot write


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["list", "-h"], ["--version"]],
                         ids=["help", "build-help", "list-h", "version"])
def test_help_to_a_closed_stdout_is_the_same_error_as_results(show: Path, args: list[str]) -> None:
    done = _run(args, show, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    # was exit 0 and nothing anywhere: click wrote the help to no stream (sys.stdout None) without a word
    assert done.returncode == 2, done.stderr
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "could not be written to standard output: it is closed" in err, err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["build", "--help"]], ids=["help", "build-help"])
def test_help_to_a_full_disk_is_the_same_error_as_results(show: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = _run(args, show, stdout=full)
    err = done.stderr.decode()
    assert done.returncode == 2 and "Traceback" not in err and FULL in err, err


def test_a_closed_stdout_is_not_handed_to_the_first_file_opened(show: Path) -> None:
    """With fd 1 closed, the show's lock or cache took its number, and what a child process (ffmpeg, an editor)
    writes to its stdout went into that file: the program opens /dev/null on it first."""
    probe = ("import os, sys; sys.argv[1:] = ['guid']\n"
             "from mediafeed.commands import shortcut\n"
             "shortcut._fill_standard_descriptors()\n"
             "fd = os.open('lock-like', os.O_WRONLY | os.O_CREAT, 0o644)\n"
             "os.write(2, str(fd).encode())\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=show, capture_output=False, stderr=subprocess.PIPE,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=lambda: os.close(1), timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stderr) > 2  # was 1: the file was the program's stdout


def test_an_up_to_date_build_whose_reader_left_ends_quietly(show: Path) -> None:
    _run(["build", "-q"], show)
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line (`mediafeed build | head -0`)
    try:
        done = _run(["build"], show, stdout=write)
    finally:
        os.close(write)
    assert done.returncode == 2
    assert "Broken pipe" not in done.stderr.decode(), done.stderr  # was "Error: : Broken pipe"


# -- an encoding that cannot hold a title ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_title_stdout_cannot_encode_is_escaped_not_an_internal_error(show: Path, encoding: str) -> None:
    _titled(show)
    env = {"PYTHONIOENCODING": encoding}
    text = _run(["list"], show, env)
    # was "Internal error: UnicodeEncodeError: 'latin-1' codec can't encode character '\u2014'", exit code 3
    assert text.returncode == 0, text.stderr
    assert "Sechzig Evaluationen" in text.stdout.decode(encoding)
    assert "\\u65e5\\u672c\\u8a9e" in text.stdout.decode(encoding)  # 日本語, which neither encoding has
    listed = _run(["list", "--format", "json"], show, env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.isascii()  # every character beyond ASCII as JSON's own escape: valid JSON in any encoding
    titles = [e["title"] for e in json.loads(listed.stdout)["episodes"]]
    assert TITLE in titles
    tagged = _run(["tag", "--dry-run"], show, env)  # its arrows (→) too
    assert tagged.returncode == 0 and b"\\u2192" in tagged.stdout, tagged.stderr


def test_a_c_locale_without_utf8_mode_still_prints_titles(show: Path) -> None:
    _titled(show)
    env = {"LC_ALL": "POSIX", "LANG": "", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    for args in (["list"], ["list", "--format", "json"]):
        done = _run(args, show, env)
        assert done.returncode == 0, done.stderr
        assert "Sechzig" in done.stdout.decode("utf-8", "backslashreplace")


# -- colour conventions ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("env, coloured", [({"FORCE_COLOR": "1"}, True), ({"CLICOLOR_FORCE": "1"}, True),
                                           ({"FORCE_COLOR": "0"}, False),
                                           ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False), ({}, False)],
                         ids=["force-color", "clicolor-force", "force-color-0", "no-color-wins", "a-pipe"])
def test_force_color_colours_a_pipe_but_never_json(show: Path, env: dict[str, str], coloured: bool) -> None:
    with_an_info(show)
    text = _run(["check"], show, env)
    assert ("\x1b[" in (text.stdout + text.stderr).decode()) is coloured  # FORCE_COLOR was ignored (a CI log, grey)
    listed = _run(["list"], show, env)
    assert ("\x1b[" in listed.stdout.decode()) is coloured
    for args in (["check", "--format", "json"], ["list", "--format", "json"], ["build", "--format", "json"]):
        done = _run(args, show, env)
        assert b"\x1b" not in done.stdout and json.loads(done.stdout)["ok"] in (True, False)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("env", [{"CLICOLOR": "0"}, {"NO_COLOR": "1"}, {"TERM": "dumb"}],
                         ids=["clicolor-0", "no-color", "dumb"])
def test_a_terminal_that_asks_for_no_colour_gets_none(show: Path, env: dict[str, str]) -> None:
    base = {"NO_COLOR": "", "FORCE_COLOR": "", "CLICOLOR_FORCE": "", "TERM": "xterm-256color",
            "PYTHONPATH": str(ROOT)}
    with_an_info(show)
    assert "\x1b[" in _in_a_terminal(["list", "-s", str(show)], base)  # a terminal that can: colour
    plain = _in_a_terminal(["list", "-s", str(show)], {**base, **env})
    assert "published" in plain and "\x1b[" not in plain  # CLICOLOR=0 was ignored
