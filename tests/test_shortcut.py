"""``mediafeed build`` with nothing to do is answered without click, and says exactly what click would say."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import with_an_info

from mediafeed.commands import shortcut

ROOT = Path(__file__).resolve().parent.parent
#: Runs mediafeed as ``python -m mediafeed`` does, then records whether click was imported.
SHORTCUT = ("import atexit, runpy, sys; mark = sys.argv.pop(1); "
            "atexit.register(lambda: open(mark, 'w').write(str('click' in sys.modules))); "
            "runpy.run_module('mediafeed', run_name='__main__', alter_sys=True)")
#: The same, recording whether the command line (mediafeed.cli) was loaded: a build reporting a failure loads click.
SHORTCUT_CLI = SHORTCUT.replace("str('click' in sys.modules)", "str('mediafeed.cli' in sys.modules)")
#: Runs the click command directly (what ``mediafeed`` was before the shortcut).
CLICK = "import sys; from mediafeed.cli import main; main(sys.argv[1:], prog_name='mediafeed')"
SECONDS = re.compile(r'(?<=\()\d+\.\d\d(?= s\))|(?<= in )\d+\.\d\d(?= s\.)|(?<="seconds": )[0-9.]+')  # differs


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SOURCE_DATE_EPOCH")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return {**env, **extra}


def _run(code: str, args: list[str], cwd: Path, env: dict[str, str], mark: Path | None = None) -> tuple[str, str, int]:
    argv = [sys.executable, "-c", code, *([str(mark)] if mark else []), *args]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    return SECONDS.sub("0", result.stdout), SECONDS.sub("0", result.stderr), result.returncode


def _both(args: list[str], cwd: Path, tmp_path: Path, **extra: str) -> tuple[tuple[str, str, int], bool]:
    """The shortcut's (stdout, stderr, exit code), checked against click's; and whether click was imported."""
    env = _env(**extra)
    mark = tmp_path / "click-imported"
    fast = _run(SHORTCUT, args, cwd, env, mark)
    slow = _run(CLICK, args, cwd, env)
    assert fast == slow, f"mediafeed {' '.join(args)}: the shortcut and click differ"
    return fast, mark.read_text() == "True"


@pytest.fixture
def built(show: Path) -> Path:
    """The sample show with a show-level problem besides its episode's, built into public/ and elsewhere/."""
    yml = show / "show.yml"
    yml.write_text(yml.read_text().replace("copyright: CC BY 4.0,", "copyright: Copyright 2026 CC BY 4.0,"))
    with_an_info(show)
    for out in ("public", "elsewhere"):
        result = subprocess.run([sys.executable, "-m", "mediafeed", "build", "-q", "-o", str(show / out)],
                                capture_output=True, text=True, cwd=show, env=_env())
        assert result.returncode == 0, result.stderr
    return show


@pytest.mark.parametrize("args", [
    ["build"],
    ["build", "-q"],
    ["-q", "build"],
    ["--quiet", "build", "--verbose"],
    ["build", "--format", "json"],
    ["build", "--format=json", "-q"],
    ["--color", "build"],
    ["build", "--color"],
    ["--no-color", "build", "--color"],
    ["--color", "build", "--no-color"],
    ["-v", "build", "--show", "."],
    ["build", "--output", "elsewhere"],
    ["build", "-o", "elsewhere", "--format", "json", "-s", "."],
    ["build", "--output=elsewhere", "--show=."],
])
def test_the_shortcut_prints_what_click_prints_without_importing_click(built: Path, tmp_path: Path,
                                                                        args: list[str]) -> None:
    (out, err, code), click_imported = _both(args, built, tmp_path)
    assert code == 0 and not click_imported
    assert "feed.xml" in out or '"up_to_date": true' in out
    if "-q" not in args and "--quiet" not in args and "json" not in " ".join(args):
        assert "Nothing changed since the last build: 6 episodes" in err
        assert "show:" in err and "000-trailer:" in err and "EP020" in err and "Found 0 errors, 0 warnings, 2 infos." in err
    if "--color" in args[-1:] or args == ["--color", "build"]:
        assert "\x1b[" in err


def test_no_color_in_the_environment_is_honoured_the_same_way(built: Path, tmp_path: Path) -> None:
    (_, err, _), _ = _both(["build"], built, tmp_path, NO_COLOR="1")
    assert "\x1b[" not in err
    (_, err, _), _ = _both(["build", "--color"], built, tmp_path, NO_COLOR="1")
    assert "\x1b[" in err


def test_show_folder_given_from_elsewhere(built: Path, tmp_path: Path) -> None:
    (out, _, code), click_imported = _both(["build", "--show", str(built)], tmp_path, tmp_path)
    assert code == 0 and not click_imported and out.strip() == str(built / "public/feed.xml")


@pytest.mark.parametrize("args", [
    ["build", "-qv"],                   # combined short flags: click's syntax, not the shortcut's
    ["build", "--show", "nowhere"],     # a folder that does not exist
    ["build", "--format", "yaml"],      # a usage error
    ["build", "extra"],
    ["list"],
    ["--help"],
])
def test_anything_else_goes_to_click_with_the_same_result(built: Path, tmp_path: Path, args: list[str]) -> None:
    _, click_imported = _both(args, built, tmp_path)
    assert click_imported


def test_a_build_the_stamp_does_not_cover_goes_to_click_with_clean(built: Path, tmp_path: Path) -> None:
    mark = tmp_path / "mark"
    out, err, code = _run(SHORTCUT, ["build", "--clean", "-q"], built, _env(), mark)
    assert mark.read_text() == "True" and "Nothing changed" not in err
    assert code == 0 and out.strip().endswith("feed.xml")


def test_a_change_is_built_once_without_click(built: Path, tmp_path: Path) -> None:
    notes = built / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text().replace("Three levels", "Three tiers"))
    env = _env()
    mark = tmp_path / "mark"
    out, _, code = _run(SHORTCUT, ["build", "--format", "json"], built, env, mark)
    report = json.loads(out)
    assert code == 0 and mark.read_text() == "False"
    assert not report.get("up_to_date") and "episodes/003-capabilities-framework/index.html" in report["written"]
    out, _, code = _run(SHORTCUT, ["build", "--format", "json"], built, env, mark)
    assert json.loads(out)["up_to_date"] is True and mark.read_text() == "False"
    # with -v (tracebacks are click's business) the same kind of build goes to click
    notes.write_text(notes.read_text().replace("Three tiers", "Three steps"))
    out, _, code = _run(SHORTCUT, ["-v", "build"], built, env, mark)
    assert code == 0 and mark.read_text() == "True" and out.strip().endswith("feed.xml")


def _twins(built: Path, tmp_path: Path, edit: Callable[[Path], None]) -> tuple[Path, Path]:
    """Two copies of the built show with the same edit: one for each path (a build changes what it builds)."""
    copies = []
    for name in ("fast", "slow"):
        copy = tmp_path / name / "show"
        shutil.copytree(built, copy, symlinks=True)
        edit(copy)
        copies.append(copy)
    return copies[0], copies[1]


def _same_build(args: list[str], fast: Path, slow: Path, tmp_path: Path, **extra: str) -> tuple[str, str, int]:
    """The build run without the command line in ``fast`` and by click in ``slow``: the same stdout, stderr and
    exit code (each copy's own folder said as FOLDER)."""
    env = _env(**extra)
    mark = tmp_path / "click-imported"
    got = _run(SHORTCUT_CLI, args, fast, env, mark)
    assert mark.read_text() == "False", "this build was meant to run without the command line"
    want = _run(CLICK, args, slow, env)
    got, want = (tuple(part.replace(str(root), "FOLDER") if isinstance(part, str) else part for part in result)
                 for result, root in ((got, fast), (want, slow)))
    assert got == want, f"mediafeed {' '.join(args)}: built without click and by click, the output differs"
    return got  # type: ignore[return-value]


def _edit_notes(show: Path) -> None:
    notes = show / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text().replace("Three levels", "Three tiers"))


def _break_front_matter(show: Path) -> None:
    notes = show / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text().replace("title:", "title: [unclosed", 1))


@pytest.mark.parametrize("args", [
    ["build"],
    ["build", "-q"],
    ["--color", "build"],
    ["build", "--format", "json"],
    ["build", "--strict"],
    ["build", "--output", "elsewhere", "--no-color"],
])
def test_a_real_build_without_click_prints_what_click_prints(built: Path, tmp_path: Path, args: list[str]) -> None:
    fast, slow = _twins(built, tmp_path, _edit_notes)
    out, err, code = _same_build(args, fast, slow, tmp_path)
    assert code == 0 and ("feed.xml" in out or '"written"' in out)  # (the show has infos, no warning: strict builds)
    mark = tmp_path / "click"
    notes = fast / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text() + "\nOne more line.\n")
    out, _, code = _run(SHORTCUT, args, fast, _env(), mark)
    assert code == 0 and mark.read_text() == "False" and '"up_to_date": true' not in out  # a real build, nor click
    if args == ["build"]:
        assert "Built 6 episodes into FOLDER/public (" in err and "EP020" in err


@pytest.mark.parametrize("args", [["build"], ["build", "--format", "json"], ["-q", "build"]])
def test_a_failed_build_without_click_reports_as_click_does(built: Path, tmp_path: Path, args: list[str]) -> None:
    fast, slow = _twins(built, tmp_path, _break_front_matter)
    out, err, code = _same_build(args, fast, slow, tmp_path)
    assert code == 1 and "003-capabilities-framework" in out + err
    assert "SRC002" in out + err


def test_parse_accepts_only_what_it_understands(tmp_path: Path) -> None:
    assert shortcut.parse(["build"]) == {"quiet": False, "verbose": False, "color": None, "show": ".",
                                         "output": None, "strict": False, "format": "text"}
    assert shortcut.parse(["-q", "build", "--no-color", "--strict", "--format=json"]) == {
        "quiet": True, "verbose": False, "color": False, "show": ".", "output": None, "strict": True,
        "format": "json"}
    (tmp_path / "file").write_text("")
    for args in (["check"], [], ["build", "build"], ["build", "--show"], ["build", "--show", ""],
                 ["build", "--show", "-q"], ["build", "-s", ".", "-s", "."], ["--strict", "build"],
                 ["build", "--show", str(tmp_path / "file")], ["build", "--show", str(tmp_path / "none")],
                 ["build", "--format", "JSON"], ["build", "--clean"], ["build", "--accept-changes"],
                 ["build", "-h"], ["build", "--", "x"], ["build", "--quiet=1"]):
        assert shortcut.parse(args) is None, args


def test_a_build_handed_to_click_reuses_the_look_the_shortcut_took(built: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from mediafeed import fastpath

    notes = built / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text().replace("Three levels", "Three tiers"))
    looks: list[str] = []
    walk = fastpath._tree

    def counted(lines: list[str], base: str, rel: str, *more: object) -> None:
        looks.append(rel)
        walk(lines, base, rel, *more)  # type: ignore[arg-type]

    stamps: list[bool] = []  # each reading of the stamp, and whether it said "nothing changed"
    read = fastpath._check

    def compared(*args: object) -> dict[str, object] | None:
        found = read(*args)  # type: ignore[arg-type]
        stamps.append(found is not None)
        return found

    monkeypatch.setattr(fastpath, "_tree", counted)
    monkeypatch.setattr(fastpath, "_check", compared)
    with pytest.raises(SystemExit) as exit_:
        shortcut.main(["build", "--show", str(built), "--format", "json"])
    assert exit_.value.code == 0
    assert "episodes/003-capabilities-framework/index.html" in json.loads(capsys.readouterr().out)["written"]
    assert looks.count("episodes") == 1, "the shortcut's look at the show is the one the build and its stamp use"
    assert stamps == [False], "the stamp is read once: the build click runs knows the shortcut's answer"
    looks.clear()
    stamps.clear()
    with pytest.raises(SystemExit):
        shortcut.main(["build", "--show", str(built), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["up_to_date"] is True and looks.count("episodes") == 1
    assert stamps == [True]


#: for a probe: an object only the interpreter's teardown frees, which leaves ``<mark>.teardown`` when it is freed
_TORN = ("class Torn:\n    def __del__(self):\n        open(mark + '.teardown', 'w').close()\n"
         "sys.modules['torn'] = Torn()  # freed by the teardown only\n")


def _built_under(setup: str, show: Path, mark: Path) -> None:
    """``mediafeed build --format json`` run by a probe that first imports ``setup``'s modules, makes the object only the
    teardown frees (:data:`_TORN`, leaving ``<mark>.teardown``) and runs ``setup``; the build ends well, its report whole."""
    imports, _, lines = setup.partition("\n")
    probe = (f"{imports}; mark = sys.argv.pop(1)\n" + _TORN + lines
             + "runpy.run_module('mediafeed', run_name='__main__', alter_sys=True)")
    stdout, stderr, code = _run(probe, ["build", "--format", "json"], show, _env(), mark)
    assert code == 0, stderr
    assert json.loads(stdout)["ok"] is True  # the report is whole: written and flushed before the exit


def test_the_program_skips_the_teardown_but_not_what_runs_at_exit_nor_a_profilers_file(show: Path, tmp_path: Path) -> None:
    """A build the shortcut runs ends with os._exit once its report is written (the interpreter's teardown cost ~9 ms
    of a one-edit rebuild). What was registered with atexit still runs, and a profiler that writes its file after the
    program's code returns (``python -m cProfile -o``) still gets to: with a profiler watching, the normal exit."""
    mark = tmp_path / "atexit"
    _built_under("import atexit, runpy, sys, gc\natexit.register(lambda: open(mark, 'w').write('ran'))\n", show, mark)
    assert mark.read_text() == "ran" and not Path(f"{mark}.teardown").exists()  # atexit ran; the teardown did not
    profile = tmp_path / "build.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mediafeed", "build", "-q"],
                          capture_output=True, text=True, cwd=show, env=_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    import pstats

    assert any(name == "_main" and file.endswith("shortcut.py") for file, _, name in pstats.Stats(str(profile)).stats)


@pytest.mark.skipif(not hasattr(sys, "monitoring"), reason="sys.monitoring is Python 3.12's")
def test_a_tool_of_sys_monitoring_gets_the_normal_exit(show: Path, tmp_path: Path) -> None:
    """From Python 3.12 cProfile (and debuggers, coverage.py's sysmon core) watch through ``sys.monitoring``, not
    ``sys.setprofile``: with the old check alone the build ended with os._exit and ``python -m cProfile -o`` wrote no
    file. A tool registered there gets the interpreter's normal exit, teardown included."""
    mark = tmp_path / "watched"
    _built_under("import runpy, sys\nsys.monitoring.use_tool_id(sys.monitoring.DEBUGGER_ID, 'a debugger')\n", show, mark)
    assert Path(f"{mark}.teardown").exists(), "the teardown was skipped while a tool watched"
