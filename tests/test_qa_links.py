"""Symbolic links, named pipes and loops in a show folder: never published from outside, and never left out without a
word (a transcript.vtt linked from elsewhere used to vanish from the episode with "0 errors, 0 warnings")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import add_episode

from mediafeed.cli import main

ROOT = Path(__file__).resolve().parent.parent
EP1 = "episodes/001-ipv-and-substance-use"
FRONT = "title: Linked\ndate: 2026-03-20T08:00:00+00:00\nguid: 3d1f1c52-4bb4-4a53-9a55-9e2f0a0e6c11\naudio: audio.mp3\n"


def _check(show: Path) -> tuple[int, dict]:
    out = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    return out.exit_code, json.loads(out.output)


def _build(show: Path) -> tuple[int, dict]:
    """``mediafeed build`` as the producer runs it: a new process, through the no-change shortcut when it applies."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run([sys.executable, "-m", "mediafeed", "build", "--show", str(show), "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert not done.stderr.count("Traceback"), done.stderr
    return done.returncode, json.loads(done.stdout)


def _about(report: dict, file: str) -> list[tuple[str, str]]:
    return [(p["code"], p["severity"]) for p in report["problems"] if p["file"] == file]


def _link_transcript(show: Path, target: Path) -> None:
    (show / EP1 / "transcript.vtt").unlink()
    os.symlink(target, show / EP1 / "transcript.vtt")


def _outside_vtt(tmp_path: Path, name: str = "outside.vtt") -> Path:
    path = tmp_path / "elsewhere" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nPrivate words\n", encoding="utf-8")
    return path


def test_a_transcript_linked_from_outside_is_named_and_left_out(show: Path, tmp_path: Path) -> None:
    outside = _outside_vtt(tmp_path)
    _link_transcript(show, outside)
    code, report = _check(show)
    [problem] = [p for p in report["problems"] if p["file"] == f"{EP1}/transcript.vtt"]
    assert (problem["code"], problem["severity"], problem["episode"]) == ("SRC054", "warning", "001-ipv-and-substance-use")
    assert f"a symbolic link to {outside} (a file)" in problem["message"] and "without its transcript" in problem["message"]
    assert str(outside) in problem["hint"] and "copy the file itself" in problem["hint"]
    code, report = _build(show)
    assert code == 0 and _about(report, f"{EP1}/transcript.vtt") == [("SRC054", "warning")]
    site = show / "public"
    assert "Private words" not in "".join(p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())
    assert "ipv-and-substance-use/transcript" not in (site / "feed.xml").read_text(encoding="utf-8")


def test_a_chapters_file_that_is_a_named_pipe_is_named_and_never_read(show: Path) -> None:
    (show / EP1 / "chapters.txt").unlink()
    os.mkfifo(show / EP1 / "chapters.txt")  # reading it would wait for a writer for ever
    _, report = _check(show)
    [problem] = [p for p in report["problems"] if p["file"] == f"{EP1}/chapters.txt"]
    assert problem["code"] == "SRC054" and "a named pipe (FIFO)" in problem["message"]
    assert "without its chapters" in problem["message"]


def test_an_episode_folder_linked_from_another_drive_is_named(show: Path, tmp_path: Path) -> None:
    drive = tmp_path / "drive"
    add_episode(drive, "007-elsewhere", FRONT)
    os.symlink(drive / "episodes" / "007-elsewhere", show / "episodes" / "007-elsewhere")
    _, report = _check(show)
    assert _about(report, "episodes/007-elsewhere") == [("SRC054", "warning")]
    [problem] = [p for p in report["problems"] if p["file"] == "episodes/007-elsewhere"]
    assert "(a folder)" in problem["message"] and "--show" in problem["hint"]
    code, report = _build(show)
    assert code == 0 and _about(report, "episodes/007-elsewhere") == [("SRC054", "warning")]
    assert not (show / "public" / "episodes" / "007-elsewhere").exists()


def test_an_episode_md_that_is_a_link_is_an_error_not_a_missing_file(show: Path, tmp_path: Path) -> None:
    real = tmp_path / "episode.md"
    (show / EP1 / "episode.md").rename(real)
    os.symlink(real, show / EP1 / "episode.md")
    code, report = _check(show)
    assert code == 1
    assert _about(report, f"{EP1}/episode.md") == [("SRC053", "error")]
    assert not [p for p in report["problems"] if p["code"] == "SRC051"]  # was "folder has no episode.md; skipped"
    code, report = _build(show)
    assert code == 1 and _about(report, f"{EP1}/episode.md") == [("SRC053", "error")]


def test_a_link_the_front_matter_and_the_notes_name_gets_one_problem(show: Path, tmp_path: Path) -> None:
    folder = add_episode(show, "006-named", FRONT + "transcript: transcript.vtt\n",
                         body="Read the [transcript](transcript.vtt) or the [slides](slides.pdf).\n")
    os.symlink(_outside_vtt(tmp_path), folder / "transcript.vtt")
    os.symlink("/etc/hostname", folder / "slides.pdf")
    _, report = _check(show)
    mine = [(p["code"], p["field"], p["message"].split(",")[0]) for p in report["problems"] if p["episode"] == "006-named"]
    assert mine == [("SRC040", "transcript", mine[0][2]), ("SRC042", "notes", "the notes link to slides.pdf")]
    assert "is a symbolic link" in mine[0][2]
    [slides] = [p for p in report["problems"] if p["code"] == "SRC042" and p["episode"] == "006-named"]
    assert "a symbolic link to /etc/hostname" in slides["message"]  # was "which is not in the episode's folder"


def test_hidden_and_unused_links_in_an_episode_folder_are_the_producers_business(show: Path) -> None:
    os.symlink("/etc/hostname", show / EP1 / ".DS_Store")
    os.symlink("/etc/hostname", show / EP1 / "session.aup3")  # not a name the build would use
    os.symlink("/etc/hostname", show / "episodes" / "_archive")
    _, report = _check(show)
    assert not [p for p in report["problems"] if p["code"] in ("SRC053", "SRC054")]


def test_episodes_itself_may_be_a_link_to_the_real_folder(show: Path, tmp_path: Path) -> None:
    # the whole folder is the producer's deliberate choice (as --show is), and the shortcut follows it: its files still
    # go through every rule above
    (show / "episodes").rename(tmp_path / "episodes")
    os.symlink(tmp_path / "episodes", show / "episodes")
    code, report = _build(show)
    assert code == 0 and report["episodes"] == 6
    (tmp_path / "episodes" / "005-european-review" / "episode.md").unlink()
    code, report = _build(show)
    # (SRC051: a folder without episode.md; LED005: the published episode it held is no longer in the feed, named by
    # its folder since session 30)
    assert report["episodes"] == 5
    assert _about(report, "episodes/005-european-review") == [("SRC051", "warning"), ("LED005", "warning")]


@pytest.mark.parametrize("what", ["loop", "dangling"])
def test_episodes_as_a_broken_link_is_said_without_a_traceback(show: Path, tmp_path: Path, what: str) -> None:
    (show / "episodes").rename(tmp_path / "kept")
    os.symlink("episodes" if what == "loop" else tmp_path / "gone", show / "episodes")
    code, report = _build(show)  # the shortcut's look raised ELOOP: a traceback
    [problem] = [p for p in report["problems"] if p["code"] == "SRC050"]
    assert code == 1 and ("a loop of links" if what == "loop" else "which does not exist") in problem["message"]


def test_a_loop_of_links_at_the_top_of_the_show_does_not_stop_the_build(show: Path) -> None:
    os.symlink("loop-b", show / "loop-a")
    os.symlink("loop-a", show / "loop-b")
    code, report = _build(show)  # was "Error: …/loop-a: Too many levels of symbolic links", once the site was written
    assert code == 0 and report["episodes"] == 6
    code, report = _build(show)
    assert code == 0 and report.get("up_to_date")


def test_show_yml_as_a_loop_says_so(show: Path) -> None:
    (show / "show.yml").unlink()
    os.symlink("show.yml", show / "show.yml")
    code, report = _check(show)
    [problem] = report["problems"]
    assert (problem["code"], problem["file"]) == ("SRC021", "show.yml") and "a loop of links" in problem["message"]


def test_show_artwork_as_a_dangling_link_says_it_is_a_link(show: Path, tmp_path: Path) -> None:
    (show / "artwork.png").unlink()
    os.symlink(tmp_path / "gone.png", show / "artwork.png")
    _, report = _check(show)
    [problem] = [p for p in report["problems"] if p["field"] == "artwork"]
    assert problem["code"] == "SRC041" and f"a symbolic link to {tmp_path / 'gone.png'}, which does not exist" in problem["message"]


def test_a_theme_asset_linked_from_outside_the_theme_is_not_published(show: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the web\n", encoding="utf-8")
    assets = show / "templates" / "assets"
    assets.mkdir(parents=True)
    os.symlink(secret, assets / "extra.css")
    (show / "templates" / "shared.css").write_text("body { color: black }\n", encoding="utf-8")
    os.symlink("../shared.css", assets / "inside.css")  # inside the theme folder: followed
    code, report = _build(show)
    assert code == 0 and _about(report, "templates/assets/extra.css") == [("SRC054", "warning")]
    assert not (show / "public" / "assets" / "extra.css").exists()  # was a copy of secret.txt
    assert (show / "public" / "assets" / "inside.css").read_text(encoding="utf-8") == "body { color: black }\n"


def test_a_template_linked_from_elsewhere_is_followed_and_an_edit_there_is_built(show: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared-404.html"
    shared.write_text("<!doctype html><title>Lost</title><p>First words</p>\n", encoding="utf-8")
    (show / "templates").mkdir()
    os.symlink(shared, show / "templates" / "404.html")
    assert _build(show)[0] == 0
    assert "First words" in (show / "public" / "404.html").read_text(encoding="utf-8")
    shared.write_text("<!doctype html><title>Lost</title><p>Second words, longer</p>\n", encoding="utf-8")
    code, report = _build(show)  # the shortcut saw only the link: it replayed the old build
    assert code == 0 and not report.get("up_to_date")
    assert "Second words" in (show / "public" / "404.html").read_text(encoding="utf-8")


def test_a_theme_folder_linked_from_elsewhere_is_followed_and_an_edit_inside_it_is_built(show: Path,
                                                                                        tmp_path: Path) -> None:
    # templates/partials linked to a folder several shows share: Jinja's loader goes through the link, but the theme's
    # fingerprint (rglob) and the shortcut's look did not, so an edit of a partial in there was "Nothing changed" and
    # then, with a template touched, "0 written": every page kept the old text
    shared = tmp_path / "shared-partials"
    shared.mkdir()
    (shared / "sponsor.html").write_text('<p class="sponsor">Sponsor one</p>\n', encoding="utf-8")
    (show / "templates").mkdir()
    os.symlink(shared, show / "templates" / "partials")
    os.symlink("..", show / "templates" / "partials-loop")  # a loop of links: walked once, no hang
    (show / "templates" / "episode.html").write_text(
        '{% extends "default/episode.html" %}{% block main %}{{ super() }}{% include "partials/sponsor.html" %}'
        "{% endblock %}", encoding="utf-8")
    page = show / "public" / EP1 / "index.html"
    assert _build(show)[0] == 0 and "Sponsor one" in page.read_text(encoding="utf-8")
    (shared / "sponsor.html").write_text('<p class="sponsor">Sponsor two, longer</p>\n', encoding="utf-8")
    code, report = _build(show)
    assert code == 0 and not report.get("up_to_date")
    assert "Sponsor two" in page.read_text(encoding="utf-8")
    code, report = _build(show)
    assert code == 0 and report.get("up_to_date")


def test_adding_retargeting_and_removing_a_link_changes_what_the_next_build_says(show: Path, tmp_path: Path) -> None:
    link = show / EP1 / "transcript.vtt"
    real = link.read_bytes()
    assert _build(show)[0] == 0
    first = _outside_vtt(tmp_path, "first.vtt")
    _link_transcript(show, first)
    code, report = _build(show)
    [problem] = [p for p in report["problems"] if p["file"] == f"{EP1}/transcript.vtt"]
    assert not report.get("up_to_date") and str(first) in problem["message"]
    assert "ipv-and-substance-use/transcript" not in (show / "public" / "feed.xml").read_text(encoding="utf-8")
    code, report = _build(show)
    assert report.get("up_to_date") and _about(report, f"{EP1}/transcript.vtt") == [("SRC054", "warning")]
    second = _outside_vtt(tmp_path, "other.vtt")  # as long a name: the link's size is the same
    link.unlink()
    os.symlink(second, link)
    code, report = _build(show)
    [problem] = [p for p in report["problems"] if p["file"] == f"{EP1}/transcript.vtt"]
    assert str(second) in problem["message"]
    link.unlink()
    link.write_bytes(real)
    code, report = _build(show)
    assert code == 0 and not _about(report, f"{EP1}/transcript.vtt")
    assert "ipv-and-substance-use/transcript" in (show / "public" / "feed.xml").read_text(encoding="utf-8")


def test_adding_and_removing_a_linked_episode_folder_changes_what_the_next_build_says(show: Path, tmp_path: Path) -> None:
    assert _build(show)[0] == 0
    (tmp_path / "drive").mkdir()
    os.symlink(tmp_path / "drive", show / "episodes" / "007-elsewhere")
    code, report = _build(show)
    assert _about(report, "episodes/007-elsewhere") == [("SRC054", "warning")]
    (show / "episodes" / "007-elsewhere").unlink()
    code, report = _build(show)
    assert code == 0 and not _about(report, "episodes/007-elsewhere")


def test_a_rebuild_says_what_a_link_points_to_now(show: Path, tmp_path: Path) -> None:
    outside = _outside_vtt(tmp_path)
    _link_transcript(show, outside)
    assert "(a file)" in json.dumps(_build(show)[1])
    outside.unlink()  # the link is as it was: the episode's cached problems must not say "(a file)" still
    _, report = _build(show)
    [problem] = [p for p in report["problems"] if p["file"] == f"{EP1}/transcript.vtt"]
    assert problem["message"].startswith(f"is a symbolic link to {outside}, which does not exist")


def test_add_names_a_named_pipe_or_a_link_to_nothing_for_what_it_is(show: Path, tmp_path: Path) -> None:
    """`mediafeed add` given a named pipe (a recorder's or a script's stream) said "no such audio file", of a file that
    is there: the producer looked for a typo in the path. It says what it is now, and what to add instead."""
    fifo = tmp_path / "live.mp3"
    os.mkfifo(fifo)  # (never opened: reading it would wait for a writer)
    (tmp_path / "gone.mp3").symlink_to(tmp_path / "moved-away.mp3")
    said = {}
    for name in ("live.mp3", "gone.mp3", "typo.mp3"):
        out = CliRunner().invoke(main, ["add", str(tmp_path / name), "--show", str(show), "--format", "json"])
        assert out.exit_code == 2, out.output
        [problem] = json.loads(out.stdout)["problems"]
        said[name] = problem
    assert {p["code"] for p in said.values()} == {"ADD001"}
    assert said["live.mp3"]["message"] == "a named pipe (FIFO), not an audio file"
    assert "copy the recording into a file and add that file" in said["live.mp3"]["hint"]
    assert said["gone.mp3"]["message"] == f"no such audio file: it is a symbolic link to {tmp_path / 'moved-away.mp3'}, " \
                                          "which does not exist"
    assert said["typo.mp3"]["message"] == "no such audio file"
    assert sorted(p.name for p in (show / "episodes").iterdir()) == sorted(p.name for p in (ROOT / "episodes").iterdir())
