"""The producer at a terminal: what a demanding user meets between init and publish (an adversarial walk).

Each test reproduces a defect found by walking the CLI journey: a Ctrl-C answered as a bug, a failing editor
called an internal error, a hint that does not run as written, a preview that claims to serve a site it never
built. Signals and prompts go through a real subprocess (a pseudo-terminal for the prompt)."""

from __future__ import annotations

import json
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, make_media, with_an_info

from mediafeed.cli import main

INIT_ARGS = ["--title", "Night Shift", "--description", "Stories from the late shift", "--url",
             "https://example.org/night-shift/", "--author", "Ana Díaz", "--email", "ana@example.org", "--category", "Fiction"]
INTERRUPTED = "Interrupted; nothing half-written was left behind."


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # this checkout's mediafeed, from any folder (another copy may be installed)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "mediafeed", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env=env)


@pytest.mark.parametrize("editor", ["false", "no-such-editor-anywhere"])
def test_add_with_an_editor_that_fails_keeps_the_episode_and_names_the_file_to_edit(show: Path, tmp_path: Path,
                                                                                     editor: str) -> None:
    audio = make_media(tmp_path / "in" / "ep.mp3", "mp3", 1.0)
    result = CliRunner().invoke(main, ["add", str(audio), "-s", str(show), "--title", "Edited later", "--edit",
                                       "--format", "json"], env={"EDITOR": editor, "VISUAL": editor})
    assert result.exit_code == 0, result.output  # was 3: "Internal error: ClickException ... this is a bug"
    data = json.loads(result.stdout)
    path = show / data["file"]
    assert path.is_file() and "Internal error" not in result.stderr
    assert "Could not open the editor" in result.stderr and str(path) in result.stderr and "$EDITOR" in result.stderr


def _read_until(fd: int, wanted: bytes, seen: bytearray) -> None:
    deadline = time.monotonic() + 60  # a bound for a broken build, not a timing the test relies on
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the terminal closed: the program ended
                return
            if not chunk:
                return
            seen += chunk


def _reap(pid: int) -> int | None:
    """The child's wait status; None when it had not ended 60 s on (then it is killed, so no test run hangs on it)."""
    deadline = time.monotonic() + 60  # a bound for a broken program, not a timing the test relies on
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


#: the read system call's number, where /proc/PID/syscall shows it (x86-64, arm64)
_READ_SYSCALL = {"x86_64": "0", "aarch64": "63"}


def _wait_reading_stdin(pid: int) -> None:
    """Wait until ``pid`` is blocked reading its standard input (Linux's /proc/PID/syscall), at most 60 s.

    A Ctrl-C typed after the prompt is printed but before the program reads is a SIGINT that Python takes
    (its handler sets a flag) and then the read starts and waits for a line: the Ctrl-C is lost, in Python itself.
    No person types that fast; a test did, about 1 run in 9 on a loaded machine, and waited for input for ever.
    Where the call cannot be seen (another system), a short pause stands in."""
    import platform

    number = _READ_SYSCALL.get(platform.machine())
    deadline = time.monotonic() + 60  # a bound for a broken program, not a timing the test relies on
    while number is not None and time.monotonic() < deadline:
        try:
            call = Path(f"/proc/{pid}/syscall").read_text().split()
        except OSError:
            break
        if call[:2] == [number, "0x0"]:  # read(0, …)
            return
        time.sleep(0.02)
    time.sleep(0.5)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_ctrl_c_at_an_init_question_is_an_interruption_not_a_bug(tmp_path: Path) -> None:
    import pty

    target = tmp_path / "asked"
    pid, fd = pty.fork()
    if pid == 0:  # the child: mediafeed init in a terminal, asking for the title
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.execv(sys.executable, [sys.executable, "-m", "mediafeed", "init", str(target)])
    seen = bytearray()
    try:
        _read_until(fd, b"Show title", seen)
        assert b"Show title" in seen, seen
        _wait_reading_stdin(pid)  # (the prompt is printed just before the program reads)
        os.write(fd, b"\x03")  # Ctrl-C typed at the question
        _read_until(fd, b"\n", seen := bytearray())
        _read_until(fd, b"\0", seen)  # to the end of the output
    finally:
        status = _reap(pid)
        os.close(fd)
    text = seen.decode(errors="replace")
    assert status is not None, f"mediafeed init still ran 60 s after the Ctrl-C (killed): {text}"
    assert os.waitstatus_to_exitcode(status) == 130, text  # was 3, "Internal error: Abort: (this is a bug ...)"
    assert INTERRUPTED in text and "Internal error" not in text and not target.exists()


#: The program, with a Ctrl-C arriving while ``module`` is imported (the only way to place one there
#: deterministically): before a command's boundary is reached.
STOPPED_IMPORT = """
import sys
class Stop:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            raise KeyboardInterrupt
        return None
sys.meta_path.insert(0, Stop())
sys.argv = ["mediafeed", *{args!r}]
from mediafeed.commands.shortcut import main
main(prog_name="mediafeed")
"""


@pytest.mark.parametrize(("module", "before"), [
    ("mediafeed.commands.list", 'click\'s "Aborted!" and exit code 1'),
    ("mediafeed.cli", "a KeyboardInterrupt traceback"),
])
def test_ctrl_c_before_the_command_starts_exits_130_with_one_line(show: Path, module: str, before: str) -> None:
    code = STOPPED_IMPORT.format(module=module, args=["list", "--show", str(show)])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 130, (before, done.stderr)
    assert done.stderr.strip() == INTERRUPTED and done.stdout == ""


def test_serve_without_a_show_says_nothing_is_served_and_exits_2(tmp_path: Path) -> None:
    done = run("serve", "--show", str(tmp_path / "nowhere"), "--port", "0")
    assert done.returncode == 2, done.stderr  # was 1, as for a show with errors; "no show.yml" is exit code 2
    assert "SRC020" in done.stderr and "still serving" not in done.stderr  # nothing was ever served
    assert "nothing to serve" in done.stderr and done.stdout == ""


def test_serve_whose_first_build_fails_does_not_claim_a_last_good_site(show: Path) -> None:
    (show / "show.yml").write_text((show / "show.yml").read_text() + "explicit_typo: true\n")
    done = run("serve", "--show", str(show), "--port", "0")
    assert done.returncode == 1 and "SRC" in done.stderr
    assert "still serving the last good site" not in done.stderr and "nothing to serve" in done.stderr


def test_the_next_step_init_prints_runs_as_written_for_a_folder_with_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "My Show ü"
    done = run("init", str(folder), *INIT_ARGS)
    assert done.returncode == 0, done.stderr
    hint = done.stderr.rsplit("then run: ", 1)[1].strip()
    words = shlex.split(hint)  # what a shell makes of it
    assert words[:2] == ["mediafeed", "add"] and words[words.index("--show") + 1] == str(folder)


def test_a_show_without_its_artwork_file_gets_no_warnings_about_a_made_up_artwork_url(show: Path) -> None:
    (show / "artwork.png").unlink()
    done = CliRunner().invoke(main, ["check", "-s", str(show), "--format", "json"])
    problems = json.loads(done.stdout)["problems"]
    codes = {p["code"] for p in problems}
    assert "SRC041" in codes  # the real problem, with its fix
    # was: SHOW008 and an EP122 per episode, "artwork URL https://…/ does not end in .jpg or .png" (the site's address)
    assert not codes & {"SHOW008", "EP122"}, problems


def _set_guid_line(path: Path, line: str, crlf: bool = False, notes_extra: str = "") -> bytes:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^guid:.*$", line, text, count=1) + notes_extra
    data = (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
    path.write_bytes(data)
    return data


def test_guid_assign_fills_every_empty_guid_it_lists_and_touches_nothing_else(show: Path) -> None:
    episodes = sorted(p / "episode.md" for p in (show / "episodes").iterdir())
    empty = {episodes[0]: ("guid: null", False), episodes[1]: ("guid: ~", False),
             episodes[2]: ("guid:   # assigned later", False), episodes[3]: ("guid:", True)}  # CRLF, as Windows writes
    before = {path: _set_guid_line(path, line, crlf) for path, (line, crlf) in empty.items()}
    kept = {episodes[4]: _set_guid_line(episodes[4], "guid: false"), episodes[5]: _set_guid_line(episodes[5], "guid: 12345")}
    listed = run("guid", "--show", str(show), "--format", "json")
    assert sorted(item["file"] for item in json.loads(listed.stdout)["missing"]) == sorted(
        str(p.relative_to(show)) for p in empty)  # a number or a boolean is a value to correct (SRC010), not "none"
    done = run("guid", "--assign", "--show", str(show), "--format", "json")
    assert done.returncode == 0, done.stderr
    assigned = {show / item["file"]: item["guid"] for item in json.loads(done.stdout)["assigned"]}
    assert set(assigned) == set(empty)
    for path, guid in assigned.items():
        # was: "null", "~" and the commented line reported as given a GUID but left as they were, and the CRLF
        # file rewritten with LF line endings
        expected = re.sub(rb"(?m)^guid:[^\r\n]*", b"guid: " + guid.encode(), before[path], count=1)
        assert path.read_bytes() == expected
    assert all(path.read_bytes() == data for path, data in kept.items())
    assert run("guid", "--show", str(show), "--format", "json").stdout.count('"file"') == 0
    checked = json.loads(run("check", "--show", str(show), "--select", "SRC", "--format", "json").stdout)["problems"]
    # the boolean is reported as what it is, without SRC060's "run 'mediafeed guid --assign'" (which leaves it alone)
    assert {(p["code"], p["episode"]) for p in checked} == {("SRC010", episodes[4].parent.name)}


def test_guid_assign_never_writes_into_the_notes_when_the_empty_guid_is_written_over_lines(show: Path) -> None:
    path = sorted((show / "episodes").iterdir())[0] / "episode.md"
    before = _set_guid_line(path, "guid: >-\n", notes_extra="\nguid:\n")  # a folded empty scalar; "guid:" in the notes
    done = run("guid", "--assign", "--show", str(show))
    assert done.returncode == 1  # was 0, "given a GUID", with the GUID written into the notes' "guid:" line
    assert path.read_bytes() == before
    assert "cannot be filled in" in done.stderr and str(path.relative_to(show)) in done.stderr


@pytest.mark.parametrize("command", [["list"], ["guid"], ["guid", "--assign"], ["check"], ["tag", "--dry-run"]])
def test_every_json_answer_says_ok_on_success_as_it_does_on_failure(show: Path, tmp_path: Path, command: list[str]) -> None:
    good = CliRunner().invoke(main, [*command, "-s", str(show), "--format", "json"])
    bad = CliRunner().invoke(main, [*command, "-s", str(tmp_path / "no-show"), "--format", "json"])
    assert good.exit_code == 0 and bad.exit_code == 2, (good.output, bad.output)
    assert json.loads(good.stdout)["ok"] is True  # was missing from list and guid: a script read `.ok` as null
    assert json.loads(bad.stdout)["ok"] is False


def test_a_reader_that_leaves_early_ends_the_output_quietly(show: Path) -> None:
    """`mediafeed check --explain all | head -1`: the pipe closes before mediafeed has written."""
    process = subprocess.Popen([sys.executable, "-m", "mediafeed", "check", "--explain", "all"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before the first line: every write meets a closed pipe
    _, err = process.communicate(timeout=120)
    assert err == "", err  # was "Error: : Broken pipe" (and an empty file name)
    assert process.returncode == 2


def test_an_output_folder_that_cannot_be_made_is_an_out003_problem_in_json_too(show: Path, tmp_path: Path) -> None:
    (tmp_path / "site").write_text("a file where the output folder's parent should be\n")
    out = tmp_path / "site" / "public"
    done = CliRunner().invoke(main, ["build", "-s", str(show), "-o", str(out), "--format", "json"])
    assert done.exit_code == 1, done.output  # was 2 with "Error: …/site/public: Not a directory" and no JSON
    problem = json.loads(done.stdout)["problems"][0]
    assert problem["code"] == "OUT003" and problem["file"] == str(out)
    # and what is in the way, with its fix (was "check free disk space and permissions on the output folder …")
    assert f"{tmp_path / 'site'} is a file where the site needs a folder" in problem["message"], problem
    assert "move that file away" in problem["hint"]


def test_a_failed_write_names_the_file_it_was_for_not_its_temp_file(show: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    (out / "index.html").mkdir(parents=True)  # a folder where the index page goes: its rename must fail
    (out / "index.html" / "keep.txt").write_text("someone's file\n")
    done = CliRunner().invoke(main, ["build", "-s", str(show), "-o", str(out), "--format", "json"])
    assert done.exit_code == 1, done.output
    problem = json.loads(done.stdout)["problems"][0]
    assert problem["code"] == "OUT003"
    assert problem["file"] == str(out / "index.html")  # was …/public/.index.html.PID-0.tmp, a file that never stays
    assert (out / "index.html" / "keep.txt").read_text() == "someone's file\n"
    assert not [p for p in out.rglob("*.tmp")]


def test_a_folder_that_cannot_be_written_still_answers_json(show: Path, tmp_path: Path) -> None:
    shutil.rmtree(show / "episodes")
    (show / "episodes").write_text("a file where the episodes folder should be\n")
    audio = make_media(tmp_path / "in" / "ep.mp3", "mp3", 1.0)
    done = CliRunner().invoke(main, ["add", str(audio), "-s", str(show), "--format", "json"])
    assert done.exit_code == 2, done.output
    data = json.loads(done.stdout)  # was no JSON at all, only "Error: …/episodes/001-ep: Not a directory" on stderr
    assert data["ok"] is False and data["problems"][0]["code"] == "IO001"
    assert data["problems"][0]["file"].startswith(str(show / "episodes"))


def _in_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """What a command writes to a real (pseudo-)terminal, stdout and stderr together."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "mediafeed", *args], {**os.environ, **env})
    seen = bytearray()
    try:
        _read_until(fd, b"\0", seen)  # to the end of the output (the terminal closes when the program ends)
    finally:
        status = _reap(pid)
        os.close(fd)
    assert status is not None, f"mediafeed {' '.join(args)} still ran after 60 s (killed): {seen.decode(errors='replace')}"
    return seen.decode(errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_dumb_terminal_gets_no_colour_escapes(show: Path) -> None:
    env = {"NO_COLOR": "", "TERM": "xterm-256color"}
    with_an_info(show)
    assert "\x1b[" in _in_a_terminal(["check", "-s", str(show)], env)  # a terminal that can: colour
    dumb = _in_a_terminal(["check", "-s", str(show)], {**env, "TERM": "dumb"})
    assert "EP020" in dumb and "\x1b[" not in dumb  # was coloured: a dumb terminal prints the escapes as text


# -- usage errors with --format json ------------------------------------------------------------------------------

def _offering_json() -> list[str]:
    from mediafeed.commands import COMMANDS

    return sorted(c.name for c in COMMANDS if any("--format" in p.opts for p in c.params))  # type: ignore[attr-defined]


def test_every_command_with_a_format_option_is_covered_below() -> None:
    assert _offering_json() == ["add", "build", "check", "guid", "import", "init", "list", "publish", "serve", "tag"]


@pytest.mark.parametrize("command", _offering_json())
def test_an_unknown_option_with_format_json_is_one_json_object_on_stdout(command: str) -> None:
    # click printed its text usage on stderr and nothing on stdout: a script reading the JSON got an empty document
    done = CliRunner().invoke(main, [command, "--format", "json", "--no-such-option"], prog_name="mediafeed")
    assert done.exit_code == 2
    assert json.loads(done.stdout) == {"ok": False, "problems": [{
        "code": "CLI001", "severity": "error", "file": "", "field": "--no-such-option", "episode": "",
        "message": json.loads(done.stdout)["problems"][0]["message"], "hint": f"see 'mediafeed {command} --help'"}]}
    assert json.loads(done.stdout)["problems"][0]["message"].startswith("No such option '--no-such-option'")
    assert "Try 'mediafeed " + command + " --help' for help." in done.stderr  # the human text is still said


@pytest.mark.parametrize("args, field, message", [
    (["add", "--format=json"], "AUDIO", "Missing argument 'AUDIO'."),
    (["add", "x.mp3", "--type", "special", "--format", "json"], "--type",
     "Invalid value for '--type': 'special' is not one of 'full', 'trailer', 'bonus'."),
    (["list", "--format", "json", "--show"], "--show", "Option '--show' requires an argument."),
    (["tag", "--wait", "-1", "--format", "json"], "--wait", "Invalid value for '--wait': give 0 (stop at once) or a number of seconds"),
    (["-q", "--no-such-option", "check", "--format", "json"], "--no-such-option", None),
], ids=["missing-argument", "bad-choice", "missing-value", "bad-value", "the-group's-own-option"])
def test_usage_errors_with_format_json_name_the_option(args: list[str], field: str, message: str | None) -> None:
    done = CliRunner().invoke(main, args, prog_name="mediafeed")
    assert done.exit_code == 2
    [problem] = json.loads(done.stdout)["problems"]
    assert (problem["code"], problem["field"]) == ("CLI001", field)
    assert message is None or problem["message"] == message


@pytest.mark.parametrize("args", [["check", "--no-such-option"], ["check", "--format", "text", "--no-such-option"],
                                  ["check", "--format", "json", "--format", "yaml"], ["serve", "--format", "yaml"],
                                  ["add", "--", "--format", "json"]],
                         ids=["text", "text-said", "last-format-wins", "not-json", "after-double-dash"])
def test_without_format_json_a_usage_error_is_clicks_text_only(args: list[str]) -> None:
    done = CliRunner().invoke(main, args, prog_name="mediafeed")
    assert done.exit_code == 2 and done.stdout == ""
    assert "Error: " in done.stderr


def test_a_usage_error_of_the_installed_program_is_json_too(tmp_path: Path) -> None:
    # the console script reads `build` itself first (commands.shortcut), then hands anything it does not know to click
    done = run("build", "--format", "json", "--no-such-option", cwd=tmp_path)
    assert done.returncode == 2
    assert json.loads(done.stdout)["problems"][0]["code"] == "CLI001"
    assert "Usage: mediafeed build" in done.stderr


def test_a_file_whose_name_starts_with_a_dash_is_shown_how_to_name_it(show: Path, tmp_path: Path) -> None:
    """`mediafeed add "-Épisode spécial.mp3"` said only "No such option: -É" (click reads it as options)."""
    name = "-Épisode spécial 🎙.mp3"
    make_media(tmp_path / name, "mp3", 1.0)
    done = run("add", name, "--show", str(show), "--format", "json", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"'{name}' is a file here: write ./{name} (or put -- before it)" in done.stderr, done.stderr
    assert f"write ./{name}" in json.loads(done.stdout)["problems"][0]["message"]
    done = run("add", "--show", str(show), "--format", "json", "--", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (show / json.loads(done.stdout)["file"]).is_file()


def test_a_short_show_name_inside_a_word_of_a_title_is_not_the_show_name_repeated(tmp_path: Path) -> None:
    """A lab's show called "Lab": 'Collaboration' and 'Labour' do not repeat it; "Lab notes" does (EP020).

    EP020 looked for the show's name anywhere in the title, so a short name (Lab, AI, Pod) was "repeated" by
    every title with those letters inside a word, and a producer's first check listed an info for most episodes."""
    runner = CliRunner()
    init = ["init", str(tmp_path), "--title", "Lab", *INIT_ARGS[2:]]
    assert runner.invoke(main, init).exit_code == 0
    shutil.copy(ROOT / "artwork.png", tmp_path / "artwork.png")
    show_yml = tmp_path / "show.yml"
    show_yml.write_text(show_yml.read_text().replace("artwork: artwork.jpg", "artwork: artwork.png"))
    for title in ("Collaboration in the field", "Labour and care", "Lab notes, week one", "Inside the lab"):
        source = tmp_path / f"{title[:5]}.mp3"
        make_media(source, "mp3", 1.0)
        assert runner.invoke(main, ["add", str(source), "--show", str(tmp_path), "--title", title]).exit_code == 0
    checked = runner.invoke(main, ["check", "--show", str(tmp_path), "--format", "json"])
    found = sorted(p["episode"] for p in json.loads(checked.stdout)["problems"] if p["code"] == "EP020")
    assert found == ["003-lab-notes-week-one", "004-inside-the-lab"]
    # and so for any feed: `mediafeed check FEED` reads the built feed.xml with the same rule
    built = runner.invoke(main, ["build", "--show", str(tmp_path), "-q"])
    assert built.exit_code == 0, built.output
    feed = runner.invoke(main, ["check", str(tmp_path / "public" / "feed.xml"), "--format", "json"])
    titles = sorted(p["message"] for p in json.loads(feed.stdout)["problems"] if p["code"] == "EP020")
    assert titles == ["title 'Inside the lab' repeats the show's name", "title 'Lab notes, week one' repeats the show's name"]


def test_init_refuses_an_http_address_that_check_would_refuse(tmp_path: Path) -> None:
    """`--url http://…` was written into show.yml, and the first check refused the show (PI004: podcast:image is not
    https, an error naming the artwork, not the address): the podcast namespace takes https addresses only."""
    args = [arg if arg != "https://example.org/night-shift/" else "http://example.org/night-shift" for arg in INIT_ARGS]
    result = CliRunner().invoke(main, ["init", str(tmp_path / "show"), *args, "--format", "json"])
    assert result.exit_code == 2, result.output
    [found] = json.loads(result.stdout)["problems"]
    assert (found["code"], found["field"]) == ("INI001", "--url")
    assert "'http://example.org/night-shift'" in found["message"]
    assert "--url https://example.org/night-shift/" in found["hint"]  # the fix, as it is typed
    assert not (tmp_path / "show").exists()


def test_guid_names_an_episode_it_cannot_read_instead_of_saying_none_lacks_one(tmp_path: Path) -> None:
    """An episode.md whose front matter never closes (or is not YAML) has no GUID anyone can read: `mediafeed guid`
    said "0 episode(s) without a GUID" (exit code 0) and `--assign` "0 episode(s) given a GUID", while check refused
    the show (SRC001). It now names the file and sends the producer to check (exit code 1), and writes nothing to it."""
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path), *INIT_ARGS]).exit_code == 0
    source = tmp_path / "take.mp3"
    make_media(source, "mp3", 1.0)
    assert runner.invoke(main, ["add", str(source), "--show", str(tmp_path), "--title", "One"]).exit_code == 0
    broken = tmp_path / "episodes" / "001-one" / "episode.md"
    broken.write_text("---\ntitle: One\naudio: take.mp3\n\nNotes, and the closing line forgotten.\n")
    for args in ([], ["--assign"]):
        listed = runner.invoke(main, ["guid", "--show", str(tmp_path), *args])
        assert listed.exit_code == 1, listed.output
        assert "episodes/001-one/episode.md: could not be read" in listed.output and "mediafeed check" in listed.output
        as_json = runner.invoke(main, ["guid", "--show", str(tmp_path), *args, "--format", "json"])
        assert as_json.exit_code == 1
        assert json.loads(as_json.stdout)["ok"] is False and json.loads(as_json.stdout)["unread"] == ["episodes/001-one/episode.md"]
    assert "guid" not in broken.read_text()


@pytest.mark.parametrize(("written", "code"), [("Deutsch", "de"), ("pt_BR", "pt-br"), ("EN-GB", "en-gb")])
def test_init_says_which_language_code_a_language_written_another_way_means(tmp_path: Path, written: str,
                                                                            code: str) -> None:
    """show.yml's check has long said `English` means `en`; init's --language said only "e.g. --language en"."""
    result = CliRunner().invoke(main, ["init", str(tmp_path / "s"), *INIT_ARGS, "--language", written, "--format", "json"])
    assert result.exit_code == 2
    [found] = json.loads(result.stdout)["problems"]
    assert found["field"] == "--language" and found["hint"].startswith(f"--language {code}"), found


def test_add_names_the_unusable_file_by_the_path_given_not_its_name_alone(tmp_path: Path) -> None:
    """`mediafeed add exports/monday/take.mp3` with a file that is not audio said "take.mp3: …": which take.mp3?"""
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "show"), *INIT_ARGS]).exit_code == 0
    given = tmp_path / "exports" / "monday" / "take.mp3"
    given.parent.mkdir(parents=True)
    given.write_text("not audio at all\n")
    result = runner.invoke(main, ["add", str(given), "--show", str(tmp_path / "show"), "--format", "json"])
    assert result.exit_code == 1
    [found] = json.loads(result.stdout)["problems"]
    assert (found["code"], found["file"], found["field"]) == ("MED003", str(given), "audio")
    assert not list((tmp_path / "show" / "episodes").iterdir())


def test_add_of_a_field_recorders_wav_says_apple_will_not_take_it(tmp_path: Path) -> None:
    """A WAV from a field recorder was added with "published on next build" and nothing else: that Apple and Spotify
    take no WAV (MED010) came only with the next check or build. add says it now, as check does, and still adds."""
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "show"), *INIT_ARGS]).exit_code == 0
    wav = make_media(tmp_path / "ZOOM0001.WAV", "wav", 1.0)
    result = runner.invoke(main, ["add", str(wav), "--show", str(tmp_path / "show")])
    assert result.exit_code == 0, result.output
    assert "warning episodes/001-zoom0001/zoom0001.wav: audio: audio/wav is not accepted by Apple Podcasts" in result.output
    assert "[MED010]" in result.output
    mp3 = make_media(tmp_path / "take.mp3", "mp3", 1.0)
    as_json = runner.invoke(main, ["add", str(wav), "--show", str(tmp_path / "show"), "--format", "json"])
    # (the same WAV a second time: ADD007 says it is episode 1's recording)
    assert [p["code"] for p in json.loads(as_json.stdout)["problems"]] == ["MED010", "ADD007"]
    quiet = runner.invoke(main, ["add", str(mp3), "--show", str(tmp_path / "show"), "--format", "json"])
    assert json.loads(quiet.stdout)["problems"] == []
    checked = runner.invoke(main, ["check", "--show", str(tmp_path / "show"), "--format", "json"])
    said = [p for p in json.loads(checked.stdout)["problems"] if p["code"] == "MED010"]
    assert [p["message"] for p in said][0] == json.loads(as_json.stdout)["problems"][0]["message"]


@pytest.mark.parametrize("name", ["take.mp3", "take.m4a"])
def test_add_keeps_the_chapters_an_editor_put_in_the_file_for_the_feed_and_the_page(tmp_path: Path, name: str) -> None:
    """An export with chapters (Hindenburg, Auphonic, ffmpeg) kept them inside the audio, for Apple, but the feed had
    no podcast:chapters and the page none: they lived only in the audio. add writes them to chapters.txt."""
    import feedparser

    runner = CliRunner()
    show = tmp_path / "show"
    assert runner.invoke(main, ["init", str(show), *INIT_ARGS]).exit_code == 0
    meta = tmp_path / "chapters.ffmeta"
    meta.write_text(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=Cold open\n"
                    "[CHAPTER]\nTIMEBASE=1/1000\nSTART=1500\nEND=3000\ntitle=The  interview\n")
    given = tmp_path / name
    codec = ["-c:a", "libmp3lame"] if name.endswith(".mp3") else ["-c:a", "aac"]
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=duration=3", "-i", str(meta),
                    "-map", "0", "-map_chapters", "1", *codec, "-b:a", "32k", str(given)], check=True)
    result = runner.invoke(main, ["add", str(given), "--show", str(show), "--format", "json"])
    assert result.exit_code == 0, result.output
    added = json.loads(result.stdout)
    assert added["chapters"] == 2
    text = (show / "episodes" / added["slug"] / "chapters.txt").read_text()
    assert [line for line in text.splitlines() if not line.startswith("#")] == ["00:00:00 Cold open",
                                                                                "00:00:01.500 The interview"]
    (show / "show.yml").write_text((show / "show.yml").read_text().replace("artwork.jpg", "artwork.png"))
    shutil.copyfile(ROOT / "artwork.png", show / "artwork.png")
    built = runner.invoke(main, ["build", "--show", str(show), "--format", "json"])
    assert built.exit_code == 0, built.output
    feed = (show / "public" / "feed.xml").read_text()
    assert f'episodes/{added["slug"]}/chapters.json" type="application/json+chapters"' in feed
    assert feed.count("<psc:chapter ") == 2 and len(feedparser.parse(feed).entries) == 1
    chapters = json.loads((show / "public" / "episodes" / added["slug"] / "chapters.json").read_text())["chapters"]
    assert [(c["startTime"], c["title"]) for c in chapters] == [(0, "Cold open"), (1.5, "The interview")]


@pytest.mark.parametrize("name, made, hint", [
    ("take.mp3", ("m4a", ("-f", "ipod")), "rename it to end in .m4a, then add that file"),
    ("take.mp2", ("mp3", ("-c:a", "mp2", "-b:a", "128k", "-f", "mp2")), "out.mp3, then add it as take.mp3"),
])
def test_add_tells_a_misnamed_file_what_to_add_instead(tmp_path: Path, name: str, made: tuple, hint: str) -> None:
    """add's MED005 for a file whose name lies said to "write 'audio: ….m4a' in episode.md": there is no episode.md
    yet (add refused the file); the fix is to add the renamed (or encoded) file."""
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "show"), *INIT_ARGS]).exit_code == 0
    given = make_media(tmp_path / name, made[0], 1.0, extra=made[1])
    result = runner.invoke(main, ["add", str(given), "--show", str(tmp_path / "show"), "--format", "json"])
    assert result.exit_code == 1
    [found] = json.loads(result.stdout)["problems"]
    assert found["code"] == "MED005" and found["hint"].endswith(hint) and "episode.md" not in found["hint"]


@pytest.mark.parametrize("ignore", ["MED010", "MED", "apple, spotify"])
def test_add_says_nothing_of_a_wav_when_the_show_ignores_med010(tmp_path: Path, ignore: str) -> None:
    """add's MED010 came even when show.yml's checks ignore it, which check and build then honour."""
    runner = CliRunner()
    show = tmp_path / "show"
    assert runner.invoke(main, ["init", str(show), *INIT_ARGS]).exit_code == 0
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"checks:\n  ignore: [{ignore}]\n", encoding="utf-8")
    wav = make_media(tmp_path / "ZOOM0001.WAV", "wav", 1.0)
    result = runner.invoke(main, ["add", str(wav), "--show", str(show), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["problems"] == []
    checked = runner.invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert "MED010" not in {p["code"] for p in json.loads(checked.stdout)["problems"]}


# -- session 20: a new producer's walk (init, add, check, tag, build, serve, publish, import) -------------------------

@pytest.mark.parametrize("where, expected", [
    ("episodes", "this folder is inside the show in ..: run the command there (cd ..), or pass --show .."),
    ("episodes/003-capabilities-framework", "this folder is inside the show in ../..:"),
    ("..", "the show is in show: cd show first, or pass --show show"),
])
def test_a_command_run_beside_or_inside_the_show_names_its_folder(show: Path, where: str, expected: str) -> None:
    """`mediafeed init garden` then `mediafeed add x.mp3` without `cd garden`, or a build run from episodes/: the
    error said only "no show.yml in /…/episodes — run 'mediafeed init' to create one", as if there were no show."""
    for command in (["build"], ["check"], ["add", "x.mp3"], ["guid"]):
        done = run(*command, "--format", "json", cwd=(show / where).resolve())
        assert done.returncode == 2, (command, done.stderr)
        [problem] = json.loads(done.stdout)["problems"]
        assert problem["code"] == "SRC020" and problem["hint"].startswith(expected), (command, problem)
    hint = json.loads(run("build", "--format", "json", cwd=(show / where).resolve()).stdout)["problems"][0]["hint"]
    given = shlex.split(hint.rsplit("--show ", 1)[1])[0]
    assert (show / where / given).resolve() == show.resolve()  # the --show it gives works from there


def test_a_folder_holding_several_shows_names_them_and_one_holding_none_says_init(tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("night shift", "day shift"):
        assert runner.invoke(main, ["init", str(tmp_path / name), *INIT_ARGS]).exit_code == 0
    done = run("check", cwd=tmp_path)
    assert "the shows here are 'day shift', 'night shift': pass --show with one of them" in done.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "run 'mediafeed init' to create one" in run("check", cwd=empty).stderr


@pytest.mark.parametrize("typed, meant", [("biuld", "build"), ("ckeck", "check"), ("Build", "build"),
                                          ("lint", "check"), ("preview", "serve"), ("deploy", "publish")])
def test_a_mistyped_command_gets_the_command_it_meant(typed: str, meant: str) -> None:
    """click suggests among the commands already loaded, and mediafeed loads them lazily: none was ever suggested."""
    result = CliRunner().invoke(main, [typed, "--show", "."])
    assert result.exit_code == 2
    assert f"No such command {typed!r}. Did you mean {meant!r}?" in result.output


def test_a_command_nothing_like_any_other_is_not_given_a_guess() -> None:
    result = CliRunner().invoke(main, ["frobnicate"])
    assert result.exit_code == 2 and "No such command 'frobnicate'." in result.output and "Did you mean" not in result.output


def test_add_with_a_bad_date_names_the_audio_file_and_the_option_once(tmp_path: Path) -> None:
    """It said "error --date: --date: expected a date…": the option where the file belongs, then again."""
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "show"), *INIT_ARGS]).exit_code == 0
    audio = make_media(tmp_path / "take.mp3", "mp3", 1.0)
    result = runner.invoke(main, ["add", str(audio), "--show", str(tmp_path / "show"), "--date", "yesterday"])
    assert result.exit_code == 2
    assert f"error {audio}: --date: expected a date with time and zone, got 'yesterday'" in result.output
    # an offset with seconds is refused before the episode is written, as the build would refuse it (SRC010)
    result = runner.invoke(main, ["add", str(audio), "--show", str(tmp_path / "show"), "--date", "2026-03-04T09:00:00+00:53:28"])
    assert result.exit_code == 2 and not list((tmp_path / "show" / "episodes").glob("*/episode.md"))
    assert f"error {audio}: --date: the UTC offset of '2026-03-04T09:00:00+00:53:28' is not a whole number of minutes" in result.output


def test_publish_to_a_folder_that_is_not_there_says_so_before_building(show: Path, tmp_path: Path) -> None:
    """It built the whole site first (a wait for nothing on a big show), then said the folder does not exist."""
    missing = tmp_path / "no such www"
    (show / "show.yml").write_text((show / "show.yml").read_text()
                                   + f"\npublish:\n  targets:\n    web:\n      type: directory\n      path: {missing}\n")
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--dry-run", "--format", "json"])
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["field"]) == ("PUB022", "publish.targets.web.path")
    assert f"mkdir -p {shlex.quote(str(missing))}" in problem["hint"]
    assert not (show / "public").exists(), "nothing was built"


@pytest.mark.parametrize("option, typed, meant", [("--select", "aple", "apple"), ("--ignore", "spotfy", "spotify")])
def test_a_misspelt_rule_set_on_the_command_line_gets_the_one_it_meant(show: Path, option: str, typed: str,
                                                                        meant: str) -> None:
    """show.yml's `checks:` got "did you mean 'apple'?", `check --select aple` did not, and its field was
    "--select/--ignore" whichever was misspelt."""
    result = CliRunner().invoke(main, ["check", "--show", str(show), option, typed, "--format", "json"])
    assert result.exit_code == 2
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["field"]) == ("CHK001", option)
    assert problem["hint"].startswith(f"did you mean {meant!r}?")


@pytest.mark.parametrize("typed, message", [("biuld", "No such command 'biuld'. Did you mean 'build'?"),
                                            ("frobnicate", "No such command 'frobnicate'.")])
def test_an_unknown_command_with_format_json_is_one_json_object_on_stdout(typed: str, message: str) -> None:
    """A usage error with --format json answers JSON on stdout (docs/cli.md); an unknown command printed nothing
    there, so a script's JSON parser met an empty stdout."""
    done = run(typed, "--format", "json")
    assert done.returncode == 2 and "Usage: mediafeed" in done.stderr
    [problem] = json.loads(done.stdout)["problems"]
    assert (problem["code"], problem["field"], problem["message"]) == ("CLI001", "COMMAND", message)
    assert run(typed).stdout == ""  # without --format json: click's text on stderr alone
