"""What a new producer met on a first day with the guides (session 27): init, add, tag, check, build, serve, publish,
then an edit, a rename and a deletion. Each test is a friction point that was wrong or misleading, through the
library where the text is made and through the command line where the producer saw it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, add_episode

from mediafeed.cli import main

GUID = "1f0e3c9a-6b1d-4c55-9a0e-3d2b7c8e9f10"
FRONT = f"title: Pickles and ferments\ndate: 2026-03-20T08:00:00+00:00\nguid: {GUID}\naudio: audio.mp3\n"


# -- the notes as plain text (the page's description, JSON Feed's summary, the audio's comment) -----------------


@pytest.mark.parametrize("markdown,expected", [
    # a tag inside a sentence was a space: "See the recipe ." on the page, in feed.json and in the audio's comment
    ("See [the recipe](https://example.org/r).", "See the recipe."),
    ("**Bold**ly, *slowly*, `brine`; H<sub>2</sub>O and x<sup>2</sup>.", "Boldly, slowly, brine; H2O and x2."),
    ("It is [*very*](https://example.org/) good!", "It is very good!"),
    # blocks, cells, line breaks and images still part the words they stand between
    ("One.\n\nTwo.\n\n- three\n- four\n", "One. Two. three four"),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n", "a b 1 2"),
    ("Line one  \nline two", "Line one line two"),
    ("word![a picture](https://example.org/p.jpg)word", "word word"),
])
def test_the_notes_as_plain_text_keep_words_and_punctuation_together(markdown: str, expected: str) -> None:
    from mediafeed.notes import render

    assert render(markdown).text == expected


@pytest.mark.parametrize("html,expected", [
    # any case of a parting tag's name parts the words, as a browser reads the name (Unicode's folds too: "ſ" is an s)
    ("<P>One</P><DIV>two</DIV><Li>three</Li>four<BR>five", "One two three four five"),
    ("<ſection>one</ſection>two<BLOC\u212aQUOTE>three<\u0130FRAME>four", "one two three four"),
    ("<Pre>one</PRE>two<Span>three</Span>four<Pr>five", "one twothreefourfive"),
])
def test_the_plain_text_of_html_parts_words_at_a_block_tag_in_any_case(html: str, expected: str) -> None:
    from mediafeed.notes import plain_text

    assert plain_text(html) == expected


def test_tag_writes_the_notes_into_the_audio_without_a_space_before_the_full_stop(show) -> None:
    """Seen in ``mediafeed tag --dry-run``: ``comment: (none) → Pickles: brine, time, patience. See the recipe .``"""
    add_episode(show, "009-pickles", FRONT, body="Pickles: brine and time. See [the recipe](https://example.org/r).\n")
    result = CliRunner().invoke(main, ["tag", "--dry-run", "--show", str(show), "009-pickles"])
    assert result.exit_code == 0, result.output
    assert "comment: (none) → Pickles: brine and time. See the recipe.\n" in result.output


# -- --help ----------------------------------------------------------------------------------------------------


def test_every_commands_help_gives_the_exit_code_of_ctrl_c() -> None:
    """The README gives 130 for an interrupted run of any command; list, guid and serve said nothing of it, and serve's
    "0 stopped with Ctrl-C" read as if Ctrl-C always meant 0 (during the first build it is 130, as for build)."""
    from mediafeed.commands import COMMANDS

    for command in COMMANDS:
        help_text = " ".join(CliRunner().invoke(main, [command.name, "--help"]).output.split())
        assert "130 interrupted" in help_text, command.name


# -- --strict --------------------------------------------------------------------------------------------------

STRICT = "--strict counts the warnings as errors"


def _with_a_warning(show: Path) -> Path:
    """The sample show and an episode without notes (EP113, a warning: apps would show its title again)."""
    add_episode(show, "009-pickles", FRONT, body="")
    return show


@pytest.mark.parametrize("command", [["check"], ["build"], ["publish", "web"]])
def test_a_run_that_fails_on_warnings_under_strict_says_so(show: Path, tmp_path: Path, command: list[str]) -> None:
    """``mediafeed build --strict`` ended with "Found 0 errors, 1 warning, 0 infos." and exit code 1, nothing built and
    no word why: a producer read "0 errors" and looked for a bug."""
    _with_a_warning(show)
    (tmp_path / "www").mkdir()
    with (show / "show.yml").open("a", encoding="utf-8") as config:
        config.write(f"publish:\n  targets:\n    web: {{type: directory, path: {tmp_path / 'www'}}}\n")
    result = CliRunner().invoke(main, [*command, "--show", str(show), "--strict"])
    assert result.exit_code == 1, result.output
    assert f"Found 0 errors, 1 warning, 0 infos; {STRICT}." in result.output
    assert not (show / "public").exists() and not any((tmp_path / "www").iterdir())
    without = CliRunner().invoke(main, [*command, "--show", str(show)])  # without --strict: a warning, no failure
    assert without.exit_code == 0 and STRICT not in without.output, without.output


def test_the_strict_build_of_the_program_itself_says_so_too(show: Path) -> None:
    """``python -m mediafeed build`` with stderr not a terminal builds without click (commands/shortcut.py): the same
    line."""
    _with_a_warning(show)
    done = subprocess.run([sys.executable, "-m", "mediafeed", "build", "--strict"], cwd=show, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stderr.endswith(f"Found 0 errors, 1 warning, 0 infos; {STRICT}.\n"), done.stderr


# -- add --date ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("date,message,hint", [
    # a bare date is taken (midnight UTC): "expected a date with time and zone" sent the producer the wrong way
    ("2026-02-30", "'2026-02-30' is not a real date: day is out of range for month", "write a date that exists"),
    ("2026-13-01", "'2026-13-01' is not a real date: month must be in 1..12", "write a date that exists"),
    ("2026-03-01T24:00:00+00:00", "is not a real date: hour must be in 0..23", "write a date that exists"),
    # a time without its zone: the zone is what is missing, and the hint gives the producer's own date with one
    ("2026-05-01T07:00", "'2026-05-01T07:00' has no time zone", "write its UTC offset: 2026-05-01T07:00+00:00"),
    ("next tuesday", "expected a date with time and zone, got 'next tuesday'", "write e.g. 2026-03-04T09:00:00+00:00"),
])
def test_add_names_what_is_wrong_with_a_date(show: Path, media, date: str, message: str, hint: str) -> None:
    result = CliRunner().invoke(main, ["add", str(media("mp3")), "--show", str(show), "--date", date, "--format", "json"])
    assert result.exit_code == 2, result.output
    import json

    [problem] = json.loads(result.output)["problems"]
    assert (problem["code"], problem["field"]) == ("ADD006", "--date")
    assert message in problem["message"] and problem["hint"].startswith(hint), problem
    assert not [p for p in (show / "episodes").iterdir() if p.name.startswith("006")]  # nothing added


# -- Ctrl-C during publish -------------------------------------------------------------------------------------


def test_ctrl_c_during_a_publish_says_the_old_feed_is_live_and_to_run_it_again(show: Path, tmp_path: Path) -> None:
    """A publish stopped mid-upload said only "Interrupted; nothing half-written was left behind.": the new pages were
    on the target, the feed the old one, and nothing said that the run was not finished."""
    import signal

    from test_qa_publish import NEW, rsync_target, wait_for

    from mediafeed.publish import publish

    dest = tmp_path / "rsync-dest"
    rsync_target(show, dest)
    publish(show, notify=False)
    old_feed = (dest / "feed.xml").read_bytes()
    add_episode(show, "006-new", NEW, audio_name="new.mp3", seconds=60.0)  # ~240 KB at 4 KB/s: a minute of upload
    rsync_target(show, dest, "--bwlimit=4")
    process = subprocess.Popen([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--no-notify"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"})
    try:
        wait_for(lambda: any(p.name.startswith(".new.mp3.") for p in (dest / "episodes/006-new").glob(".*")),
                 "the first bytes of new.mp3 on the far side")
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    assert err.endswith("Interrupted; nothing half-written was left behind.\n"
                        "The target still has the old feed: run the same 'mediafeed publish' again to finish "
                        "(what went up already is not sent again).\n"), err
    assert (dest / "feed.xml").read_bytes() == old_feed


def test_ctrl_c_once_the_new_feed_is_up_does_not_say_the_old_one_is(show: Path, tmp_path: Path) -> None:
    """Stopped while it told a WebSub hub (after the feed went up), the publish must not send the producer to run it
    again for a feed that is already live."""
    import signal
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from test_qa_publish import NEW, directory_target, wait_for

    arrived, release = threading.Event(), threading.Event()

    class Hub(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            arrived.set()
            release.wait(120)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    web = tmp_path / "www"
    with ThreadingHTTPServer(("127.0.0.1", 0), Hub) as hub:
        threading.Thread(target=hub.serve_forever, daemon=True).start()
        directory_target(show, web)
        with (show / "show.yml").open("a", encoding="utf-8") as config:
            config.write(f"  notify:\n    websub: [http://127.0.0.1:{hub.server_address[1]}/hub]\n")
        add_episode(show, "006-new", NEW, audio_name="new.mp3")
        process = subprocess.Popen([sys.executable, "-m", "mediafeed", "publish", "--show", str(show)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"})
        try:
            wait_for(arrived.is_set, "the publish to tell the hub")
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=120)
        finally:
            release.set()
            if process.poll() is None:
                process.kill()
            hub.shutdown()
    assert process.returncode == 130, err
    assert err.endswith("uploaded feed.xml (" + err.split("uploaded feed.xml (")[1].split("\n")[0] + "\n"
                        "Interrupted; nothing half-written was left behind.\n"), err
    assert b"Something new" in (web / "feed.xml").read_bytes()


# -- init --email ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", ["<zoe@example.org>", "Zoë Ça <zoe@example.org>", "zoe@example.org,", "zoe@example.o"])
def test_init_refuses_an_email_the_build_then_warns_is_none(tmp_path: Path, email: str) -> None:
    """init took an address as a mail program copies it ('<zoe@example.org>'), and every check and build then warned
    twice that it is not one (SHOW015 for itunes:email, PI006 for podcast:locked's owner)."""
    import json

    args = ["init", str(tmp_path / "show"), "--title", "Kitchen Table", "--description", "Cooking", "--url",
            "https://example.org/kitchen/", "--author", "Zoë Ça", "--email", email, "--category", "Arts", "--no-input",
            "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    [problem] = json.loads(result.output)["problems"]
    assert (problem["code"], problem["field"]) == ("INI001", "--email")
    fix = "write the address alone: --email zoe@example.org" if email != "zoe@example.o" else "e.g. --email you@example.org"
    assert problem["hint"] == fix
    assert not (tmp_path / "show").exists()


def test_an_email_init_takes_is_one_the_build_takes(tmp_path: Path) -> None:
    from mediafeed.checks.channel import EMAIL
    from mediafeed.scaffold import answer_problem

    for email in ["zoe@example.org", "zoe.ca+podcast@mail.example.co.uk", "<zoe@example.org>", "a@b.c", "zoe@example"]:
        assert (answer_problem("email", email) is None) == bool(EMAIL.match(email)), email


# -- EP021 in the languages the default theme speaks -----------------------------------------------------------


@pytest.mark.parametrize("title", ["Épisode 1 – Le pain", "Le pain (épisode 1)", "Folge 3: Brot backen", "Brot – Folge 3",
                                   "Episodio 3: El pan", "Episódio 3 - O pão", "Afl. 3: Brood", "Aflevering 3: Brood",
                                   "Saison 2, épisode 1 : Le pain", "Staffel 2, Folge 1: Brot", "Temporada 2: El pan"])
def test_a_title_numbered_in_french_german_spanish_portuguese_or_dutch_is_ep021(title: str) -> None:
    """A French producer's "Épisode 1 – Le Pain" passed where "Episode 1 – Bread" got EP021: only English words were
    known, though the default theme speaks these languages too."""
    from mediafeed.checks.titles import numbered

    assert numbered(title)


@pytest.mark.parametrize("title", ["Les épisodes de la mer", "Folgen des Klimawandels", "Saisonale Küche",
                                   "Temporadas de pesca", "Top 10 des pains"])
def test_words_for_episode_without_a_number_are_no_ep021(title: str) -> None:
    from mediafeed.checks.titles import numbered

    assert not numbered(title)


@pytest.mark.parametrize("title", ["AFL 2024 Grand Final preview", "Round 5 - AFL 2024", "AFL 360: the trade period"])
def test_the_letters_afl_without_dutch_point_are_no_ep021(title: str) -> None:
    """Dutch "Afl. 3" (aflevering) counts, but "afl" without its point was taken too: an Australian football show's
    "AFL 2024 Grand Final preview" was told it "holds an episode or season number" (the league's initials, a year)."""
    from mediafeed.checks.titles import numbered

    assert not numbered(title)
    assert numbered("Afl. 3: Brood") and numbered("Afl.3 - Brood") and numbered("Brood (afl. 3)")


@pytest.mark.parametrize("title", ["Saison 2024 – Le bilan", "Season 2024: the election", "Temporada 2024-25: El resumen",
                                   "Staffel 1999 – Rückblick"])
def test_a_year_after_a_season_word_is_no_ep021(title: str) -> None:
    """"Saison 2024 – Le bilan" (a football show's season, a year in review) was told it holds an episode or season
    number: a year is no number to move into itunes:season. With an episode number after it, the title still has one."""
    from mediafeed.checks.titles import numbered

    assert not numbered(title)
    assert numbered(f"{title.split()[0]} 2024, Episode 3: Bread") and numbered("Saison 2024 épisode 3 : Le pain")
    assert numbered(f"{title.split()[0]} 2: Bread") and numbered(f"{title.split()[0]} 20: Finale")


def test_check_gives_ep021_for_a_french_numbered_title(show: Path) -> None:
    add_episode(show, "009-le-pain", FRONT.replace("title: Pickles and ferments", "title: Épisode 1 – Le pain"))
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    import json

    assert [p["field"] for p in json.loads(result.output)["problems"] if p["code"] == "EP021"] == ["title"]
