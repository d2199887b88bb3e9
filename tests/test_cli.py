"""init, add, list and the shared CLI behaviour, through click's runner and a real subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, add_episode, make_media

from mediafeed.build import build
from mediafeed.cli import main
from mediafeed.config import load_show
from mediafeed.source import split_front_matter

INIT_ARGS = ["--title", "Night: Shift", "--description", "Stories from the late shift", "--url",
             "https://example.org/night-shift/", "--author", "Ana Díaz", "--email", "ana@example.org",
             "--category", "Fiction", "--subcategory", "Drama"]


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediafeed", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=120)


def front(path: Path) -> dict:
    data, _, problems = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    assert not problems and data is not None
    return data


def test_every_command_help_ends_with_an_example() -> None:
    runner = CliRunner()
    for name in main.list_commands(None):  # type: ignore[arg-type]
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, name
        assert result.output.rstrip().splitlines()[-1].startswith("  "), name  # the example is the last block


def test_init_writes_a_show_that_loads_with_every_key_documented(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "new"), *INIT_ARGS])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "new" / "show.yml").read_text()
    for key in ("feed_url", "funding", "persons", "seasons", "new_feed_url", "feed_limit"):
        assert f"# {key}:" in text, key
    assert (tmp_path / "new" / "episodes").is_dir()
    # the built site is not committed with the show (it holds a copy of every episode's audio)
    assert (tmp_path / "new" / ".gitignore").read_text().splitlines()[1:] == ["/public/"]
    assert "extends \"default/episode.html\"" in (tmp_path / "new" / "templates" / "README.md").read_text()
    shutil.copy(ROOT / "artwork.png", tmp_path / "new" / "artwork.jpg")
    show, problems = load_show(tmp_path / "new")
    assert show is not None and show.title == "Night: Shift" and show.author == "Ana Díaz"
    assert show.category == "Fiction" and show.subcategory == "Drama"
    assert not problems


def test_the_example_in_inits_templates_readme_changes_the_episode_page(tmp_path: Path) -> None:
    """templates/README.md, written by init, showed `{% block notes %}`, a block the default episode page does not
    have: Jinja ignores such a block without a word, so a producer who followed it saw nothing change."""
    assert CliRunner().invoke(main, ["init", str(tmp_path / "new"), *INIT_ARGS]).exit_code == 0
    show = tmp_path / "new"
    shutil.copy(ROOT / "artwork.png", show / "artwork.png")
    (show / "show.yml").write_text((show / "show.yml").read_text().replace("artwork: artwork.jpg", "artwork: artwork.png"))
    add_episode(show, "001-first", "title: First\ndate: 2026-01-05T08:00:00+00:00\n"
                "guid: 5b0e3d4c-1b8e-4d47-9f58-4f2a0a3e7c11\naudio: audio.mp3")
    readme = (show / "templates" / "README.md").read_text()
    example = "\n".join(line.strip() for line in readme.splitlines() if line.startswith("      {%"))
    assert example.startswith('{% extends "default/episode.html" %}')
    (show / "templates" / "episode.html").write_text(example + "\n")
    site = build(show, tmp_path / "site").output
    assert "<p>Thanks for listening!</p>" in (site / "episodes" / "001-first" / "index.html").read_text()


def test_init_writes_the_shows_podcast_guid_so_a_move_to_another_address_keeps_it(tmp_path: Path) -> None:
    """init left podcast_guid out (derived from the feed's address at each build), so the build of a show moved to a
    new domain derived another one and stopped with LED004 (podcast:guid changed), whose hint was to add the old one
    by hand. init writes the Podcast Index's UUIDv5 of the first feed address; a moved show keeps it."""
    assert CliRunner().invoke(main, ["init", str(tmp_path / "new"), *INIT_ARGS]).exit_code == 0
    shutil.copy(ROOT / "artwork.png", tmp_path / "new" / "artwork.jpg")
    expected = str(uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), "example.org/night-shift/feed.xml"))
    text = (tmp_path / "new" / "show.yml").read_text()
    assert re.findall(r"^podcast_guid: (.*)$", text, re.M) == [expected]
    show, problems = load_show(tmp_path / "new")
    assert show is not None and not problems and show.podcast_guid == expected
    (tmp_path / "new" / "show.yml").write_text(text.replace("https://example.org/night-shift/",
                                                            "https://podcast.example.net/"))
    moved, problems = load_show(tmp_path / "new")
    assert moved is not None and not problems
    assert moved.feed_url == "https://podcast.example.net/feed.xml" and moved.podcast_guid == expected


def test_init_writes_every_key_the_readme_lists_and_a_publish_block_that_works(tmp_path: Path) -> None:
    """The README's show.yml table is what a producer may set: init's show.yml names every key of it.

    It lacked publish (and value, social, txt, podroll): a new producer's `mediafeed publish` said PUB001 with an
    S3 example alone, for a team that copies the site into a web server's folder."""
    readme = (ROOT / "README.md").read_text()
    table = readme.split("### `show.yml`", 1)[1].split("Unknown keys", 1)[0]
    keys = [key for row in re.findall(r"^\| (`[^|]*) \|", table, re.M) for key in re.findall(r"`([a-z_]+)`", row)]
    assert "publish" in keys and "title" in keys
    assert CliRunner().invoke(main, ["init", str(tmp_path / "new"), *INIT_ARGS]).exit_code == 0
    text = (tmp_path / "new" / "show.yml").read_text()
    written = set(re.findall(r"^(?:# )?([a-z_]+):", text, re.M))
    assert [key for key in keys if key not in written] == []
    # the commented publish block, with its '# ' removed as the comment at the top says, publishes to a folder
    block = re.search(r"^# publish:.*?(?=^# [a-z_]+:|\Z)", text, re.M | re.S)
    assert block is not None
    web = tmp_path / "www"
    web.mkdir()
    uncommented = re.sub(r"^# ", "", block.group(0), flags=re.M).replace("/var/www/podcast", str(web))
    (tmp_path / "new" / "show.yml").write_text(text.replace(block.group(0), uncommented))
    shutil.copy(ROOT / "artwork.png", tmp_path / "new" / "artwork.jpg")
    show, problems = load_show(tmp_path / "new")
    assert show is not None and not problems, problems
    from mediafeed.publish.run import load_config

    _, config = load_config(tmp_path / "new")
    assert [(t.name, t.type, t.describe()) for t in config.targets.values()] == [("web", "directory", str(web))]


def test_init_never_overwrites_and_names_missing_answers(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path), *INIT_ARGS]).exit_code == 0
    before = (tmp_path / "show.yml").read_bytes()
    again = runner.invoke(main, ["init", str(tmp_path), *INIT_ARGS])
    assert again.exit_code == 2 and "already exists" in again.output
    assert (tmp_path / "show.yml").read_bytes() == before
    missing = runner.invoke(main, ["init", str(tmp_path / "other"), "--title", "X", "--category", "Nope"])
    assert missing.exit_code == 2
    assert "--url" in missing.output and "--email" in missing.output and "Nope" in missing.output
    assert "Traceback" not in missing.output
    assert not (tmp_path / "other" / "show.yml").exists()


@pytest.mark.parametrize("option,value,hint", [
    ("--url", "example.org/night-shift", "write the whole address: --url https://example.org/night-shift/"),
    ("--email", "ana(at)example.org", "e.g. --email you@example.org"),
    ("--language", "English", "--language en"),
    ("--category", "Scince", "did you mean 'Science'?"),
    ("--subcategory", "Dramma", "Fiction's subcategories: Comedy Fiction, Drama, Science Fiction"),
], ids=["url", "email", "language", "category", "subcategory"])
def test_init_says_how_to_fix_each_wrong_answer(tmp_path: Path, option: str, value: str, hint: str) -> None:
    """Every wrong answer had one hint: 'pass it as an option, or run mediafeed init in a terminal to be asked'."""
    args = ["init", str(tmp_path / "show"), *INIT_ARGS, "--category", "Fiction", "--format", "json", option, value]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["field"]) == ("INI001", option)
    assert hint in problem["hint"], problem["hint"]
    assert not (tmp_path / "show").exists()


@pytest.fixture
def tagged(tmp_path: Path) -> Path:
    return make_media(tmp_path / "in" / "My Export_01.mp3", "mp3", 2.0,
                      extra=("-metadata", "title=Night Buses & Dawn", "-metadata", "comment=Riding the N29"))


def test_add_prefills_from_tags_and_numbers_the_next_episode(show: Path, tagged: Path) -> None:
    original = tagged.read_bytes()
    result = CliRunner().invoke(main, ["add", str(tagged), "--show", str(show), "--date", "2026-03-30T08:00:00+01:00",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["slug"] == "006-night-buses-dawn" and data["episode"] == 6 and data["season"] == 1
    folder = show / "episodes" / data["slug"]
    fm = front(folder / "episode.md")
    assert fm["title"] == "Night Buses & Dawn" and fm["episode"] == 6 and fm["season"] == 1
    assert str(uuid.UUID(fm["guid"])) == fm["guid"]
    assert (folder / fm["audio"]).read_bytes() == original and tagged.read_bytes() == original
    report = build(show, accept_changes=True)
    assert fm["guid"] in (report.output / "feed.xml").read_text()


def test_add_never_overwrites_and_slugs_stay_unique(show: Path, tagged: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["add", str(tagged), "-s", str(show), "--episode", "9", "--format", "json"])
    second = runner.invoke(main, ["add", str(tagged), "-s", str(show), "--episode", "9", "--format", "json"])
    assert json.loads(first.output)["slug"] == "009-night-buses-dawn"
    assert json.loads(second.output)["slug"] == "009-night-buses-dawn-2"
    before = (show / "episodes" / "001-ipv-and-substance-use" / "episode.md").read_bytes()
    clash = runner.invoke(main, ["add", str(tagged), "-s", str(show), "--slug", "001-ipv-and-substance-use"])
    assert clash.exit_code == 2 and "already exists" in clash.output
    assert (show / "episodes" / "001-ipv-and-substance-use" / "episode.md").read_bytes() == before


@pytest.mark.parametrize(("title", "slug"), [
    ("Straße der Ärzte", "strasse-der-arzte"),
    ("Ærø og Øresund", "aero-og-oresund"),
    ("Łódź i Kraków", "lodz-i-krakow"),
    ("Пример подкаста", "primer-podkasta"),
    ("Ελληνικά νέα", "ellinika-nea"),
    ("🎙️ What’s the Crack? — Live €5", "whats-the-crack-live-5"),
])
def test_add_spells_titles_of_every_script_in_the_slug(show: Path, tmp_path: Path, title: str, slug: str) -> None:
    """Letters that Unicode decomposition does not turn into ASCII were dropped: 'Straße' gave 'strae', 'Ærø'
    gave 'r', and a Cyrillic or Greek title gave no words at all ('007-episode')."""
    source = make_media(tmp_path / "in" / f"{title}.mp3", "mp3", 1.0, extra=("-metadata", f"title={title}"))
    result = CliRunner().invoke(main, ["add", str(source), "-s", str(show), "--episode", "7", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["slug"] == f"007-{slug}"
    folder = show / "episodes" / data["slug"]
    assert data["audio"] == f"{slug}.mp3" and (folder / data["audio"]).is_file()  # the file name is spelt so too
    assert front(folder / "episode.md")["title"] == title  # the title itself is kept as written
    report = build(show, accept_changes=True)
    assert (report.output / "episodes" / data["slug"] / "index.html").is_file()


def test_add_refuses_a_file_that_is_not_audio(show: Path, tmp_path: Path) -> None:
    fake = tmp_path / "notes.mp3"
    fake.write_text("not audio at all\n")
    result = CliRunner().invoke(main, ["add", str(fake), "-s", str(show)])
    assert result.exit_code == 1 and "MED003" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in (show / "episodes").iterdir()) == sorted(
        p.name for p in (ROOT / "episodes").iterdir())


def test_add_move_and_edit(show: Path, tagged: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nprintf 'Notes written in the editor.\\n' >> \"$1\"\n")
    editor.chmod(0o755)
    result = CliRunner().invoke(main, ["add", str(tagged), "-s", str(show), "--move", "--edit", "--type", "bonus",
                                       "--format", "json"], env={"EDITOR": str(editor), "VISUAL": str(editor)})
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert not tagged.exists() and data["episode"] is None and data["type"] == "bonus"
    text = (show / "episodes" / data["slug"] / "episode.md").read_text()
    assert text.endswith("Notes written in the editor.\n")


def test_drafts_and_scheduled_stay_out_of_the_feed_until_due(show: Path, tagged: Path) -> None:
    runner = CliRunner()
    draft = json.loads(runner.invoke(main, ["add", str(tagged), "-s", str(show), "--draft", "--title", "Draft one",
                                            "--format", "json"]).output)
    later = json.loads(runner.invoke(main, ["add", str(tagged), "-s", str(show), "--title", "Later one",
                                            "--date", "2099-01-01T00:00:00+00:00", "--format", "json"]).output)
    listed = runner.invoke(main, ["list", "-s", str(show), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    status = {e["slug"]: e["status"] for e in json.loads(listed.output)["episodes"]}
    assert status[draft["slug"]] == "draft" and status[later["slug"]] == "scheduled"
    assert status["001-ipv-and-substance-use"] == "published"
    report = build(show, accept_changes=True)
    feed = (report.output / "feed.xml").read_text()
    assert draft["guid"] not in feed and later["guid"] not in feed
    assert not (report.output / "episodes" / later["slug"]).exists()
    assert report.drafts == 1 and report.scheduled == 1
    from datetime import UTC, datetime
    due = build(show, accept_changes=True, now=datetime(2099, 1, 2, tzinfo=UTC))
    assert later["guid"] in (due.output / "feed.xml").read_text()
    assert (due.output / "episodes" / later["slug"] / "index.html").is_file()


def test_list_table_counts_problems(show: Path) -> None:
    episode = show / "episodes" / "003-capabilities-framework" / "episode.md"
    episode.write_text(episode.read_text().replace("type: full", "type: fulll"))
    result = CliRunner().invoke(main, ["list", "-s", str(show)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["#", "DATE", "TITLE", "LENGTH", "STATUS", "PROBLEMS"]
    row = next(line for line in lines if "What Practitioners Need to Know" in line)
    assert "1 error(s)" in row and "published" in row
    assert re.search(r"2026-01-05 08:00\s+One study at a time\s+0:13\s+published\s+-", result.output)


#: an episode.md that cannot become an episode, by the code that says why
UNREADABLE = {"SRC001": b"No front matter here.\n", "SRC002": b"---\ntitle: [unclosed\n---\nNotes.\n",
              "SRC003": b"---\n- a list\n- not a mapping\n---\nNotes.\n", "SRC021": b"---\ntitle: caf\xe9\n---\n"}


@pytest.mark.parametrize("code", sorted(UNREADABLE))
def test_an_episode_that_cannot_be_read_is_listed_as_unreadable_with_its_code(show: Path, code: str) -> None:
    slug = "003-capabilities-framework"
    (show / "episodes" / slug / "episode.md").write_bytes(UNREADABLE[code])
    runner = CliRunner()
    listed = runner.invoke(main, ["list", "-s", str(show)])
    assert listed.exit_code == 0, listed.output
    # was left out of the table: only "5 episode(s): …; 1 show-level problem(s)" on stderr hinted at it
    row = next((line for line in listed.stdout.splitlines() if slug in line), "")
    assert "unreadable" in row and f"[{code}]" in row and "1 error(s)" in row, listed.stdout
    assert listed.stdout.splitlines()[1] == row  # first: it is in no feed until it is mended
    assert "6 episode(s)" in listed.stderr and "1 unreadable" in listed.stderr
    assert "show-level" not in listed.stderr, listed.stderr
    data = json.loads(runner.invoke(main, ["list", "-s", str(show), "--format", "json"]).stdout)
    entry = next(e for e in data["episodes"] if e["slug"] == slug)  # was absent; "show_problems": 1
    assert (entry["status"], entry["unreadable"], entry["errors"], entry["date"]) == ("unreadable", code, 1, None)
    assert data["show_problems"] == []
    assert all(e["unreadable"] is None for e in data["episodes"] if e["slug"] != slug)
    only = runner.invoke(main, ["list", "-s", str(show), "--status", "unreadable", "--format", "json"])
    assert [e["slug"] for e in json.loads(only.stdout)["episodes"]] == [slug]
    for args in (["check"], ["tag", "--dry-run"], ["build", "--format", "json"]):  # each names the folder and code
        done = runner.invoke(main, [*args, "-s", str(show)])
        assert done.exit_code == 1, (args, done.output)
        assert f"episodes/{slug}/episode.md" in done.output and code in done.output, (args, done.output)


def test_subprocess_quiet_after_command_json_and_no_colour(show: Path) -> None:
    quiet = run("list", "-q", "--show", str(show), env={"FORCE_COLOR": ""})  # (set, FORCE_COLOR colours a pipe)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == "" and "\x1b[" not in quiet.stdout
    assert "Not the Cause, Not a Coincidence" in quiet.stdout
    loud = run("list", "--show", str(show))
    assert "6 episode(s)" in loud.stderr
    coloured = run("--color", "list", "--show", str(show))
    assert "\x1b[" in coloured.stdout
    assert "\x1b[" not in run("list", "--show", str(show), env={"NO_COLOR": "1"}).stdout
    data = json.loads(run("list", "--format", "json", "-s", str(show)).stdout)
    assert [e["slug"] for e in data["episodes"]][-1] == "000-trailer"
    built = run("build", "-q", "-s", str(show))
    assert built.returncode == 0 and "Built" not in built.stderr and built.stdout.strip().endswith("feed.xml")


def test_subprocess_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    result = run("list", "--show", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no show.yml" in result.stderr
    added = run("add", str(tmp_path / "missing.mp3"), "--show", str(tmp_path))
    assert added.returncode == 2 and "Traceback" not in added.stderr


def _init_at_a_terminal(folder: Path, answers: str, *options: str) -> subprocess.CompletedProcess[str]:
    """``mediafeed init FOLDER OPTIONS`` with a pseudo-terminal as stdin, ``answers`` typed ahead (by default the
    options are ``--category Fiction --subcategory Drama --language en --clean``: only the essentials are asked)."""
    import pty

    main_fd, terminal_fd = pty.openpty()
    os.write(main_fd, answers.encode())
    options = options or ("--category", "Fiction", "--subcategory", "Drama", "--language", "en", "--clean")
    try:
        return subprocess.run([sys.executable, "-m", "mediafeed", "init", str(folder), *options],
                              stdin=terminal_fd, capture_output=True, text=True, timeout=120, env=os.environ.copy())
    finally:
        os.close(terminal_fd)
        os.close(main_fd)


def test_init_asks_for_the_essentials_in_a_terminal(tmp_path: Path) -> None:
    result = _init_at_a_terminal(tmp_path / "s", "Night Shift\nStories from the late shift\n"
                                 "https://example.org/night-shift/\nAna\nana@example.org\n")
    assert result.returncode == 0, result.stderr
    assert "Show title" in result.stderr and "Owner e-mail" in result.stderr
    show, problems = load_show(tmp_path / "s")
    assert show is not None and show.title == "Night Shift" and show.owner.email == "ana@example.org"
    assert [p.field for p in problems] == ["artwork"]  # only the artwork file is still to come


def test_init_asks_again_for_an_answer_it_cannot_take(tmp_path: Path) -> None:
    """An address typed without https:// (or an e-mail without @) is asked for again at once, with the fix.

    It used to take every answer, then refuse them all (INI001, exit code 2, nothing written): the producer
    typed the whole show again, or learnt the options."""
    result = _init_at_a_terminal(tmp_path / "s", "Night Shift\nStories from the late shift\nexample.org/night-shift\n"
                                 "https://example.org/night-shift/\nAna\nana at example.org\nana@example.org\n")
    assert result.returncode == 0, result.stderr
    assert "expected the site's https:// address, got 'example.org/night-shift'" in result.stderr
    assert "https://example.org/night-shift/" in result.stderr  # the fix, as the producer would type it
    assert "expected an e-mail address, got 'ana at example.org'" in result.stderr
    assert result.stderr.count("Public address of the site") == 2 and result.stderr.count("Owner e-mail") == 2
    show, problems = load_show(tmp_path / "s")
    assert show is not None and show.url == "https://example.org/night-shift/" and show.owner.name == "Ana"
    assert show.owner.email == "ana@example.org" and [p.field for p in problems] == ["artwork"]


def test_a_subcategory_given_as_the_category_is_named_with_its_category(tmp_path: Path) -> None:
    """'Food' (Arts' subcategory) or 'Home & Garden' (Leisure's) written as the category got the list of Apple's
    categories, where neither is: init, its prompt and show.yml's check now name the category it belongs to."""
    given = CliRunner().invoke(main, ["init", str(tmp_path / "o"), "--no-input", "--title", "T", "--description", "D",
                                      "--url", "https://example.org/t/", "--author", "A", "--email", "a@example.org",
                                      "--category", "home and garden", "--format", "json"])
    assert given.exit_code == 2
    (problem,) = json.loads(given.stdout)["problems"]
    assert (problem["code"], problem["field"]) == ("INI001", "--category")
    assert problem["message"] == "'home and garden' is a subcategory of Leisure, not a category"
    assert problem["hint"] == "--category Leisure --subcategory 'Home & Garden'"
    asked = _init_at_a_terminal(tmp_path / "s", "T\nD\nhttps://example.org/t/\nA\na@example.org\nen\nFood\nArts\n"
                                "Food\n\n", "--no-color")
    assert asked.returncode == 0, asked.stderr
    assert "'Food' is a subcategory of Arts, not a category — Arts, then the subcategory Food" in asked.stderr
    text = (tmp_path / "s/show.yml").read_text(encoding="utf-8")
    (tmp_path / "s/show.yml").write_text(text.replace("category: Arts\nsubcategory: Food", "category: Food"))
    _, problems = load_show(tmp_path / "s")
    (wrong,) = [p for p in problems if p.field == "category"]
    assert wrong.message == "'Food' is not an Apple Podcasts category: it is a subcategory of 'Arts'"
    assert wrong.hint == "write 'category: Arts' and 'subcategory: Food'"


def test_init_in_a_terminal_asks_for_the_category_language_and_explicit_it_used_to_take_unasked(tmp_path: Path) -> None:
    """At a terminal init asked for five answers and silently took the defaults of the rest: a French show about
    food was written as 'language: en', 'category: Technology', 'explicit: false', though --help said it "asks for
    whatever the options did not give". It now asks for each, offering the default, and asks again for a wrong one."""
    result = _init_at_a_terminal(tmp_path / "s", "Café Talk\nTalk about cafés\nhttps://example.org/cafe/\nZoë\n"
                                 "zoe@example.org\nFrench\nfr\nFod\nArts\nFod\nFood\ny\n", "--no-color")
    assert result.returncode == 0, result.stderr
    assert "expected an ISO 639 code such as en or en-gb, got 'French'" in result.stderr
    assert "not in Apple's list: 'Fod'" in result.stderr and "'Fod' is not a subcategory of 'Arts'" in result.stderr
    show, problems = load_show(tmp_path / "s")
    assert show is not None and [p.field for p in problems] == ["artwork"]
    assert (show.language, show.category, show.subcategory, show.explicit) == ("fr", "Arts", "Food", True)

    kept = _init_at_a_terminal(tmp_path / "t", "T\nD\nhttps://example.org/t/\nA\na@example.org\n\nHistory\n\n",
                                "--no-color")
    assert kept.returncode == 0, kept.stderr  # Enter takes the default offered; History has no subcategories
    show, _ = load_show(tmp_path / "t")
    assert show is not None and (show.language, show.category, show.explicit) == ("en", "History", False)


def test_init_in_a_show_folder_says_so_before_asking_anything(tmp_path: Path) -> None:
    """``init`` in a folder that has a show listed five missing answers (INI001) and, at a terminal, asked for every
    answer, to refuse them all once typed (INI002). The existing show is now said first, and nothing is asked."""
    (tmp_path / "show.yml").write_text("title: Mine\n")
    typed = _init_at_a_terminal(tmp_path, "T\nD\nhttps://example.org/t/\nA\na@example.org\n\nHistory\n\n", "--no-color")
    assert typed.returncode == 2, typed.stderr
    assert "a show already exists here; nothing was changed" in typed.stderr and "[INI002]" in typed.stderr
    assert "Show title" not in typed.stderr  # was: asked for, then refused
    unasked = run("init", str(tmp_path))
    assert unasked.returncode == 2 and "[INI002]" in unasked.stderr and "INI001" not in unasked.stderr
    assert (tmp_path / "show.yml").read_text() == "title: Mine\n"


def test_list_gives_a_short_episode_the_length_the_feed_gives_it(show: Path) -> None:
    """A 0.3 s file: the feed says itunes:duration 1 (apps read 0 as "unknown") and the page 0:01; list said 0:00."""
    add_episode(show, "006-blip", "title: Blip\ndate: 2026-05-01T08:00:00+00:00\nguid: 0d5c3f0e-2f4a-4f63-9d1e-5b7a8c9e0f11\n"
                "audio: audio.mp3\n", seconds=0.3)
    result = CliRunner().invoke(main, ["list", "-s", str(show)])
    assert result.exit_code == 0, result.output
    assert re.search(r"Blip\s+0:01\s", result.output), result.output
    feed = (build(show, accept_changes=True).output / "feed.xml").read_text()
    assert "<itunes:duration>1</itunes:duration>" in feed


def test_add_warns_when_the_recording_is_already_an_episode_of_the_show(show: Path, tagged: Path, tmp_path: Path) -> None:
    """The same export added twice (the producer's second run of a script, a file picked twice) made two episodes of
    one recording without a word: both were published. Now the second ``add`` warns (ADD007) naming the episode
    that has that audio (an MP3 found also after ``mediafeed tag`` has tagged it, which changes its size), and still
    adds it; a recording of the same length that is not the same audio is no match."""
    runner = CliRunner()
    first = json.loads(runner.invoke(main, ["add", str(tagged), "-s", str(show), "--format", "json"]).output)
    assert first["problems"] == []
    kept = show / "episodes" / first["slug"] / first["audio"]
    size = kept.stat().st_size
    assert runner.invoke(main, ["tag", "-s", str(show)]).exit_code == 0
    assert kept.stat().st_size != size
    other = make_media(tmp_path / "other.mp3", "mp3", 2.0, extra=("-af", "volume=0.5"))
    assert json.loads(runner.invoke(main, ["add", str(other), "-s", str(show), "--format", "json"]).output)["problems"] == []
    second = runner.invoke(main, ["add", str(tagged), "-s", str(show), "--format", "json"])
    assert second.exit_code == 0, second.output
    data = json.loads(second.output)
    [problem] = data["problems"]
    assert (problem["code"], problem["severity"], problem["episode"]) == ("ADD007", "warning", data["slug"])
    assert f"episodes/{first['slug']}/{first['audio']}" in problem["message"]
    assert (show / "episodes" / data["slug"] / "episode.md").is_file()
    text = runner.invoke(main, ["add", str(tagged), "-s", str(show)])
    assert text.exit_code == 0 and "ADD007" in text.stderr and first["slug"] in text.stderr


@pytest.mark.parametrize("layout", ["index last", "fast start"])
def test_add_warns_of_an_m4a_already_an_episode_after_mediafeed_tag_tagged_it(show: Path, tmp_path: Path,
                                                                               layout: str) -> None:
    """ADD007 missed an M4A that 'mediafeed tag' had tagged since: only files whose audio is of the same size are
    compared, and an M4A's size was the whole file's, which tagging changes. It is its media data's now (the top-level
    'mdat' boxes, which tagging leaves as they are)."""
    runner = CliRunner()
    export = make_media(tmp_path / "export.m4a", "m4a", 2.0, extra=("-movflags", "+faststart") if layout == "fast start" else ())
    first = json.loads(runner.invoke(main, ["add", str(export), "-s", str(show), "--format", "json"]).output)
    assert first["problems"] == []
    kept = show / "episodes" / first["slug"] / first["audio"]
    size = kept.stat().st_size
    tagging = runner.invoke(main, ["tag", "-s", str(show)])
    assert tagging.exit_code == 0, tagging.output
    assert kept.stat().st_size != size  # (tagged: the title, the notes… in its moov)
    again = tmp_path / "again.m4a"
    shutil.copyfile(export, again)
    second = runner.invoke(main, ["add", str(again), "-s", str(show), "--format", "json"])
    assert second.exit_code == 0, second.output
    [problem] = json.loads(second.output)["problems"]
    assert problem["code"] == "ADD007" and f"episodes/{first['slug']}/{first['audio']}" in problem["message"]
