"""A new producer's first day at a real terminal (session 28): init, add from a WAV, a phone's MP3 and a file name with
spaces and accents, tag, check, build, serve, publish. Each test is a point where the terminal said something wrong,
inconsistent or nothing at all; through CliRunner for output and exit codes, through a pseudo-terminal where what a
terminal sees differs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mediafeed.cli import main

ESSENTIALS = ["--title", "Garden Talk", "--description", "Growing food at home", "--url", "https://example.org/garden/",
              "--author", "Ana Díaz", "--email", "ana@example.org"]


# -- init: the category ----------------------------------------------------------------------------------------


def test_init_outside_a_terminal_asks_for_the_category_instead_of_filing_the_show_under_technology(tmp_path: Path) -> None:
    """At a terminal init asks for the category (with no default); outside one, the option's default, Technology, was
    written without a word, so a script's gardening show was filed under Technology."""
    result = CliRunner().invoke(main, ["init", str(tmp_path / "garden"), *ESSENTIALS, "--format", "json"])
    assert result.exit_code == 2, result.output
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["field"], problem["message"]) == ("INI001", "--category", "required")
    assert "Leisure" in problem["hint"] and "Technology" in problem["hint"]
    assert not (tmp_path / "garden").exists()
    given = CliRunner().invoke(main, ["init", str(tmp_path / "garden"), *ESSENTIALS, "--category", "Leisure",
                                      "--subcategory", "Home & Garden"])
    assert given.exit_code == 0, given.output
    assert "\ncategory: Leisure\nsubcategory: Home & Garden\n" in (tmp_path / "garden" / "show.yml").read_text()
    assert "square artwork (JPEG or PNG, 1400 to 3000 pixels a side" in given.stderr  # (it said "square" alone)


# -- tag -q ----------------------------------------------------------------------------------------------------


def test_tag_quiet_lists_the_files_tagged_without_each_tag_or_the_unchanged(show: Path) -> None:
    """``mediafeed tag -q`` printed every tag change (``album: (none) → …``) and every unchanged file, as without -q."""
    quiet = CliRunner().invoke(main, ["tag", "-q", "--show", str(show), "--dry-run"])
    assert quiet.exit_code == 0, quiet.output
    lines = quiet.stdout.splitlines()
    assert lines and all(": would change (" in line for line in lines), lines
    loud = CliRunner().invoke(main, ["tag", "--show", str(show), "--dry-run"])
    assert "  album: " in loud.stdout and [line for line in loud.stdout.splitlines() if "would change" in line] == lines
    assert CliRunner().invoke(main, ["tag", "--show", str(show)]).exit_code == 0
    again = CliRunner().invoke(main, ["tag", "-q", "--show", str(show)])
    assert again.exit_code == 0 and again.stdout == "", again.stdout  # each file unchanged: nothing to list


# -- add: the path it prints -----------------------------------------------------------------------------------


def test_add_names_the_new_episode_md_under_the_show_folder_as_given(show: Path, media, monkeypatch) -> None:
    """Text said the absolute path (/home/ana/…/garden/episodes/007-…/episode.md) where --format json says the path in
    the show (episodes/007-…/episode.md) and init says what it wrote under the folder as given (garden/show.yml)."""
    monkeypatch.chdir(show.parent)
    audio = media("mp3", name="Les Fraises d'été.mp3")
    text = CliRunner().invoke(main, ["add", str(audio), "--show", show.name, "--title", "Strawberries"])
    assert text.exit_code == 0, text.output
    [slug] = [p.name for p in (show / "episodes").iterdir() if p.name.endswith("-strawberries")]
    assert text.stdout == f"{show.name}/episodes/{slug}/episode.md\n"
    assert Path(text.stdout.strip()).is_file()  # a path that works from where the command ran
    monkeypatch.chdir(show)
    as_json = CliRunner().invoke(main, ["add", str(audio), "--title", "Strawberries again", "--format", "json"])
    here = CliRunner().invoke(main, ["add", str(audio), "--title", "Strawberries thrice"])
    assert here.stdout.strip() == f"episodes/{here.stdout.split('/')[1]}/episode.md"
    assert json.loads(as_json.stdout)["file"].startswith("episodes/") and not here.stdout.startswith("/")


# -- list --format json: the show's own problems ---------------------------------------------------------------


def test_list_json_gives_the_shows_own_problems_as_check_does(show: Path) -> None:
    """``"show_problems": 1`` said neither which problem nor how bad it was (an info counted as an error would)."""
    show_yml = show / "show.yml"
    show_yml.write_text(show_yml.read_text(encoding="utf-8").replace("\nexplicit: false", "\nexplicit: maybe"),
                        encoding="utf-8")
    listed = CliRunner().invoke(main, ["list", "--show", str(show), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    checked = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    of_the_show = [{k: v for k, v in p.items() if k != "rule_sets"}  # (check's own key: the rule sets it ran)
                   for p in json.loads(checked.stdout)["problems"] if p["file"] == "show.yml"]
    assert of_the_show and json.loads(listed.stdout)["show_problems"] == of_the_show
    assert of_the_show[0]["code"].startswith("SRC") and of_the_show[0]["field"] == "explicit"


# -- SRC052: a folder named by hand ----------------------------------------------------------------------------


def test_src052_gives_the_command_that_renames_the_folder_to_a_slug_and_it_works(show: Path) -> None:
    """The hint said which characters a slug may hold and left the producer to spell one; now it gives the command, made
    as 'mediafeed add' makes slugs, to a name no other folder has; pasted in the show folder, the episode builds."""
    import shlex
    import shutil
    import subprocess

    first = next(p for p in sorted((show / "episodes").iterdir()) if (p / "episode.md").is_file())
    shutil.move(first, show / "episodes" / "Les Fraises d'été")
    (show / "episodes" / "les-fraises-dete").mkdir()  # taken (an empty folder: SRC051)
    (show / "episodes" / "Ep_07").mkdir()
    shutil.copy(show / "episodes" / "Les Fraises d'été" / "episode.md", show / "episodes" / "Ep_07" / "episode.md")
    checked = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    fixes = {p["file"]: p["hint"] for p in json.loads(checked.stdout)["problems"] if p["code"] == "SRC052"}
    assert fixes["episodes/Les Fraises d'été"].endswith(
        "e.g. in the show folder: mv 'episodes/Les Fraises d'\"'\"'été' episodes/les-fraises-dete-2")
    assert fixes["episodes/Ep_07"].endswith("mv episodes/Ep_07 episodes/ep_07")
    command = fixes["episodes/Les Fraises d'été"].split("in the show folder: ", 1)[1]
    subprocess.run(shlex.split(command), cwd=show, check=True)
    again = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert [p["file"] for p in json.loads(again.stdout)["problems"] if p["code"] == "SRC052"] == ["episodes/Ep_07"]
    assert (show / "episodes" / "les-fraises-dete-2" / "episode.md").is_file()


# -- publish: the hint of a published URL's change -------------------------------------------------------------


def _rename_audio(show: Path, slug: str, old: str, new: str) -> None:
    folder = show / "episodes" / slug
    (folder / old).rename(folder / new)
    text = (folder / "episode.md").read_text(encoding="utf-8")
    (folder / "episode.md").write_text(text.replace(f"audio: {old}", f"audio: {new}"), encoding="utf-8")


def test_a_publish_that_stops_on_a_changed_url_names_the_publish_that_accepts_it(show: Path, tmp_path: Path) -> None:
    """LED002's hint, in a publish, said to run 'mediafeed build --accept-changes' (then the publish again); it names the
    publish the producer ran, which records the change and publishes it in one run. A build's hint is unchanged."""
    web = tmp_path / "www"
    web.mkdir()
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    web:\n      type: directory\n      path: {web}\n")
    runner = CliRunner()
    assert runner.invoke(main, ["publish", "web", "--show", str(show), "--no-notify", "-q"]).exit_code == 0
    _rename_audio(show, "003-capabilities-framework", "capabilities-framework.mp3", "capabilities.mp3")
    for target, command in ((["web"], "mediafeed publish web --accept-changes"),
                            ([], "mediafeed publish --accept-changes")):  # (the only target: the default)
        stopped = runner.invoke(main, ["publish", *target, "--no-notify", "--show", str(show), "--format", "json"])
        assert stopped.exit_code == 1, stopped.output
        [hint] = [p["hint"] for p in json.loads(stopped.stdout)["problems"] if p["code"] == "LED002"]
        assert f"run '{command}' to record it" in hint and "mediafeed build" not in hint
    built = runner.invoke(main, ["build", "--show", str(show), "--format", "json"])
    [hint] = [p["hint"] for p in json.loads(built.stdout)["problems"] if p["code"] == "LED002"]
    assert "run 'mediafeed build --accept-changes' to record it" in hint
    accepted = runner.invoke(main, ["publish", "web", "--accept-changes", "--no-notify", "--show", str(show)])
    assert accepted.exit_code == 0, accepted.output
    assert b"capabilities.mp3" in (web / "feed.xml").read_bytes()


# -- serve --format json ---------------------------------------------------------------------------------------


def test_serve_format_json_is_one_line_a_script_reads_while_it_serves(show: Path) -> None:
    """serve had no --format json (click: "No such option '--format'"): a script starting a preview on a free port
    read the address from the text alone and the first build's problems from stderr's text."""
    import os
    import subprocess
    import sys

    import requests

    proc = subprocess.Popen([sys.executable, "-m", "mediafeed", "serve", "--port", "0", "--no-watch", "--format", "json",
                             "--show", str(show)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    try:
        assert proc.stdout is not None
        line = json.loads(proc.stdout.readline())  # one line, while the server runs on
        assert list(line) == ["ok", "url", "port", "output", "episodes", "problems"]
        assert line["ok"] is True and line["url"] == f"http://127.0.0.1:{line['port']}/"
        assert line["output"] == str(show.resolve() / ".mediafeed" / "preview") and line["episodes"] == 6
        assert all(p["severity"] != "error" for p in line["problems"])
        assert requests.get(line["url"] + "feed.xml", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert proc.stdout.read() == ""  # nothing more on stdout
    failed = CliRunner().invoke(main, ["serve", "--show", str(show / "nowhere"), "--port", "0", "--format", "json"])
    assert failed.exit_code == 2
    assert json.loads(failed.stdout)["ok"] is False and json.loads(failed.stdout)["problems"][0]["code"] == "SRC020"
    assert "\n" not in failed.stdout.rstrip("\n")


# -- EP014: a media file named by hand -------------------------------------------------------------------------


def test_a_media_file_named_by_hand_is_warned_of_until_it_is_published(show: Path) -> None:
    """``audio: Les Fraises d'été.mp3`` was published as ``…/Les%20Fraises%20d%27%C3%A9t%C3%A9.mp3`` without a word.
    Now check says so, with the name 'mediafeed add' would give the copy, while a rename costs nothing; once
    published.json records the URL the name is kept (renaming it would be LED002), and nothing is said."""
    from helpers import add_episode

    add_episode(show, "006-by-hand", "title: By hand\ndate: 2026-04-01T08:00:00+00:00\n"
                "guid: 0b9c1f4e-8a57-4f3e-9d11-2c6a7e5b4f21\naudio: Les Fraises d'été.mp3\n",
                audio_name="Les Fraises d'été.mp3")
    checked = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    [problem] = [p for p in json.loads(checked.stdout)["problems"] if p["code"] == "EP014"]
    assert (problem["severity"], problem["file"], problem["field"], problem["episode"]) == (
        "warning", "episodes/006-by-hand/Les Fraises d'été.mp3", "audio", "006-by-hand")
    assert problem["message"].endswith("percent-encoded, as Les%20Fraises%20d%27%C3%A9t%C3%A9.mp3")
    assert "rename the file to les-fraises-dete.mp3 and write 'audio: les-fraises-dete.mp3'" in problem["hint"]
    assert CliRunner().invoke(main, ["build", "--show", str(show), "--accept-changes"]).exit_code == 0
    assert b"006-by-hand/Les%20Fraises%20d%27%C3%A9t%C3%A9.mp3" in (show / "public" / "feed.xml").read_bytes()
    again = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert [p for p in json.loads(again.stdout)["problems"] if p["code"] == "EP014"] == []


def test_ep014_looks_further_only_at_names_their_url_encodes() -> None:
    """EP014 passes over a name its URL holds as written without encoding it (every build looks at every file): the
    names it passes over are exactly those ``url_path`` leaves as they are."""
    from mediafeed.checks.episodes import _URL_SAFE
    from mediafeed.site import url_path

    for code in [*range(0x20, 0x300), 0x2060, 0x202E, 0xFEFF, 0x1F600]:
        name = f"a{chr(code)}b.mp3"
        assert bool(_URL_SAFE.fullmatch(name)) == (url_path(name) == name), hex(code)
    assert _URL_SAFE.fullmatch("sub/folder/final_cut-2.MP3") and not _URL_SAFE.fullmatch("final cut.mp3\n")


# -- progress bars at a terminal -------------------------------------------------------------------------------


def _twenty_episodes(tmp_path: Path) -> Path:
    """A show of 20 episodes (a bar is drawn from 20 on), each with a copy of one real MP3."""
    import shutil

    from helpers import ROOT, copy_show, make_media

    show = copy_show(tmp_path / "show")
    shutil.rmtree(show / "episodes")
    audio = make_media(tmp_path / "tone.mp3", "mp3", 1.0)
    for n in range(1, 21):
        folder = show / "episodes" / f"{n:03d}-part"
        folder.mkdir(parents=True)
        shutil.copy(audio, folder / "part.mp3")
        (folder / "episode.md").write_text(f"---\ntitle: Part {n}\ndate: 2026-01-{n:02d}T08:00:00+00:00\n"
                                           f"guid: 00000000-0000-4000-8000-{n:012d}\naudio: part.mp3\n---\nNotes.\n",
                                           encoding="utf-8")
    (show / "published.json").unlink(missing_ok=True)
    assert ROOT != show
    return show


def _at_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """What ``python -m mediafeed ARGS`` writes to a pseudo-terminal (stdout and stderr both), as a terminal sees it."""
    import os
    import pty
    import subprocess
    import sys

    from helpers import ROOT

    main_fd, terminal_fd = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "mediafeed", *args], stdin=terminal_fd, stdout=terminal_fd,
                                stderr=terminal_fd, env={**os.environ, "PYTHONPATH": str(ROOT), **env})
        os.close(terminal_fd)
        seen = b""
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # the program ended and closed its side
                break
            if not chunk:
                break
            seen += chunk
        assert proc.wait(timeout=300) == 0, seen.decode(errors="replace")
    finally:
        os.close(main_fd)
    return seen.decode("utf-8", errors="replace")


def test_a_dumb_terminal_gets_no_progress_bar_and_a_real_one_names_each_stage(tmp_path: Path) -> None:
    """Under TERM=dumb (Emacs' shell) the build drew its bars anyway: ``^[[?25l`` and a whole new bar at every step.
    At a real terminal the tagging stage's bar was labelled ``tag``, beside "Reading episodes" and "Probing media"."""
    show = _twenty_episodes(tmp_path)
    dumb = _at_a_terminal(["build", "--show", str(show), "--output", str(tmp_path / "a")], {"TERM": "dumb"})
    assert "\x1b" not in dumb and "Reading episodes" not in dumb and "Built 20 episodes" in dumb
    real = _at_a_terminal(["build", "--show", str(show), "--output", str(tmp_path / "b"), "--clean"],
                          {"TERM": "xterm-256color", "NO_COLOR": "1"})  # (colour off: the bar is no colour)
    assert "Reading episodes" in real and "Probing media" in real and "Tagging media" in real
    assert "\rtag " not in real


# -- build --format json: the same keys every time -------------------------------------------------------------


def test_build_json_has_the_same_keys_whether_or_not_anything_changed(show: Path) -> None:
    """``"up_to_date": true`` was there when nothing had changed and missing otherwise: a script reading
    ``.up_to_date`` got null, and the two reports had different keys."""
    import os
    import subprocess
    import sys

    from helpers import ROOT

    first = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json"])
    again = subprocess.run([sys.executable, "-m", "mediafeed", "build", "--show", str(show), "--format", "json"],
                           capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    built, answered = json.loads(first.stdout), json.loads(again.stdout)  # (the second: the installed program's shortcut)
    assert (built["up_to_date"], answered["up_to_date"]) == (False, True)
    assert list(built) == list(answered)


# -- the page of an episode without notes ----------------------------------------------------------------------


def test_the_page_of_an_episode_without_notes_has_no_empty_notes_heading(show: Path, media, tmp_path: Path) -> None:
    """An episode 'mediafeed add' made (its notes a comment to write over) had a "Show notes" heading over nothing on
    its page: a screen reader announced a section without content. An episode with notes keeps it."""
    added = CliRunner().invoke(main, ["add", str(media("mp3")), "--show", str(show), "--title", "Strawberries",
                                      "--format", "json"])
    slug = json.loads(added.stdout)["slug"]
    assert CliRunner().invoke(main, ["build", "--show", str(show), "--output", str(tmp_path / "site")]).exit_code == 0
    page = (tmp_path / "site" / "episodes" / slug / "index.html").read_text(encoding="utf-8")
    assert 'id="notes-title"' not in page and "Strawberries" in page
    other = (tmp_path / "site" / "episodes" / "001-ipv-and-substance-use" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="notes-title">Show notes</h2>' in other
