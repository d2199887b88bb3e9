"""A new producer's second week (session 30): the show is published, and now an episode is edited, renamed, re-cut,
taken down; the artwork changes; the site moves. Each test is a step where what mediafeed said sent the producer the
wrong way, through the library where the text is made and through the command line where the producer saw it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from mediafeed.build import build
from mediafeed.cli import main

TRAILER = "episodes/000-trailer"
LONGER = "episodes/005-european-review/european-review.mp3"  # another length than the trailer's


def _problems(show: Path, *args: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json", *args])
    return result.exit_code, json.loads(result.output)["problems"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- a re-cut of a published episode ----------------------------------------------------------------------------


def test_a_recut_under_a_new_name_as_led003_asks_is_not_told_to_take_the_old_name_back(show: Path) -> None:
    """The re-edit saved over the published file: LED003 said "give the re-cut file a new file name"; done so (and
    written in 'audio:'), LED002 said "rename safe-to-say-trailer-2.mp3 back to safe-to-say-trailer.mp3", which is
    LED003 again: the producer went round in a circle, never told that --accept-changes was the way out."""
    build(show)
    folder = show / TRAILER
    shutil.copyfile(show / LONGER, folder / "safe-to-say-trailer.mp3")  # the re-edit, exported over the master
    code, problems = _problems(show)
    [recut] = [p for p in problems if p["code"] == "LED003"]
    assert code == 1
    assert recut["hint"] == ("give the re-cut file a new file name (e.g. safe-to-say-trailer-2.mp3; apps cache by URL), "
                             "write it in 'audio:' and run 'mediafeed build --accept-changes' to record its URL; the "
                             "GUID stays")

    (folder / "safe-to-say-trailer.mp3").rename(folder / "safe-to-say-trailer-2.mp3")  # what the hint says
    _edit(folder / "episode.md", "audio: safe-to-say-trailer.mp3", "audio: safe-to-say-trailer-2.mp3")
    code, problems = _problems(show)
    [moved] = [p for p in problems if p["code"] == "LED002"]
    assert code == 1 and not [p for p in problems if p["code"] == "LED003"]
    assert "back to" not in moved["hint"]
    assert moved["hint"].startswith("safe-to-say-trailer-2.mp3 is a re-cut of the published safe-to-say-trailer.mp3 "
                                    "(")
    assert "a re-cut needs a new name (LED003), as it has: run 'mediafeed build --accept-changes' to record its URL; " \
           "the GUID stays" in moved["hint"]

    assert _problems(show, "--accept-changes")[0] == 0  # the way out it names
    assert _problems(show)[0] == 0


def test_a_file_renamed_without_a_recut_is_still_told_to_take_its_name_back(show: Path) -> None:
    """The same audio under a new name has no reason to move: LED002 still names the published name."""
    build(show)
    folder = show / TRAILER
    (folder / "safe-to-say-trailer.mp3").rename(folder / "trailer.mp3")
    _edit(folder / "episode.md", "audio: safe-to-say-trailer.mp3", "audio: trailer.mp3")
    code, problems = _problems(show)
    [moved] = [p for p in problems if p["code"] == "LED002"]
    assert code == 1
    assert moved["hint"].startswith("rename trailer.mp3 back to safe-to-say-trailer.mp3"), moved["hint"]


def test_publish_names_itself_in_the_hint_of_a_recut(show: Path, tmp_path: Path) -> None:
    """In a publish, the way out is the publish's own --accept-changes (ledger.for_command), as for every LED002."""
    build(show)
    web = tmp_path / "www"
    web.mkdir()
    with (show / "show.yml").open("a", encoding="utf-8") as config:
        config.write(f"publish:\n  targets:\n    web: {{type: directory, path: {web}}}\n")
    folder = show / TRAILER
    shutil.copyfile(show / LONGER, folder / "safe-to-say-trailer-2.mp3")
    (folder / "safe-to-say-trailer.mp3").unlink()
    _edit(folder / "episode.md", "audio: safe-to-say-trailer.mp3", "audio: safe-to-say-trailer-2.mp3")
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--format", "json", "--no-notify"])
    [moved] = [p for p in json.loads(result.output)["problems"] if p["code"] == "LED002"]
    assert result.exit_code == 1
    assert "run 'mediafeed publish --accept-changes' to record its URL" in moved["hint"], moved["hint"]


# -- an episode deleted -----------------------------------------------------------------------------------------


def test_a_deleted_episode_folder_is_named_as_a_path_and_its_page_left_on_the_site_is_said(show: Path, tmp_path: Path) -> None:
    """``rm -r episodes/003-e3`` gave "warning 003-e3: guid: published episode '5eab…' is no longer in the feed —
    subscribers keep their copy; restore the folder if this was a mistake": a file '003-e3' that is nowhere in the
    show, and nothing said that the episode's page stays on the site (the publish after it said "6 no longer in the
    site (use --delete)")."""
    build(show)
    shutil.rmtree(show / "episodes/003-capabilities-framework")
    code, problems = _problems(show)
    [gone] = [p for p in problems if p["code"] == "LED005"]
    assert code == 0
    assert (gone["file"], gone["episode"]) == ("episodes/003-capabilities-framework", "003-capabilities-framework")
    assert "(folder episodes/003-capabilities-framework) is no longer in the feed" in gone["message"]
    assert gone["hint"].startswith("subscribers keep their copy; its page stays on the site until 'mediafeed publish "
                                   "--delete' takes it off (its media stay, for them); restore the folder if this was a "
                                   "mistake"), gone["hint"]


# -- a new show artwork -----------------------------------------------------------------------------------------


def test_a_new_show_artwork_re_tags_every_file_and_publish_says_so_once_and_why(show: Path, tmp_path: Path) -> None:
    """A new show artwork is embedded in every published file without artwork of its own: the publish after it sent
    every audio file again with one PUB030 each, "the tags of a published media file changed", the same line under
    every episode (300 for a show of 300) and none saying why. One warning now names how many, a few of them (all in
    ``episodes``) and what the tags carry."""
    import subprocess

    from test_qa_publish import directory_target

    from mediafeed.publish import publish

    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=green:s=1400x1400", "-frames:v",
                    "1", str(show / "artwork-2.jpg")], check=True)
    _edit(show / "show.yml", "artwork: artwork.png", "artwork: artwork-2.jpg")
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--format", "json", "--no-notify", "--dry-run"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    media = sorted(u["path"] for u in report["uploads"] if u["path"].endswith((".mp3", ".m4a")))
    [warned] = [p for p in report["problems"] if p["code"] == "PUB030"]
    slugs = sorted(m.split("/")[1] for m in media)
    assert len(media) > 3 and warned["episodes"] == slugs
    assert warned["file"] == "episodes" and warned["episode"] == ""
    assert warned["message"] == (f"the tags of {len(media)} published media files changed (same audio, same URLs), so "
                                 f"they are uploaded again: {', '.join(slugs[:3])} and {len(slugs) - 3} more")
    assert warned["hint"].startswith("what the tags carry changed: the show's artwork (embedded in every episode without "
                                     "its own)"), warned["hint"]
    assert "keep their names (a new one changes the published URL, LED002)" in warned["hint"]


# -- publish while serve rebuilds -------------------------------------------------------------------------------


def test_a_publish_while_another_run_holds_the_show_waits_for_it_as_a_build_does(show: Path, tmp_path: Path) -> None:
    """With 'mediafeed serve' open in another terminal (it rebuilds on every save), a publish run right after an edit
    stopped at once with OUT005, "wait for the other build, tag or serve rebuild to finish, then run the command again
    (or give it time: --wait SECONDS)": 'mediafeed build' waits (600 s by default), and publish had no --wait."""
    import os
    import subprocess
    import sys

    from helpers import ROOT
    from test_cli_producer import HOLD_THE_SHOW
    from test_qa_publish import directory_target, wait_for

    web = tmp_path / "www"
    directory_target(show, web)
    _edit(show / "episodes/003-capabilities-framework/episode.md", "for working safely with men",
          "for working safely and well with men")  # a publish that has to build
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_SHOW, str(show)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        at_once = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--no-notify",
                                  "--wait", "0"], capture_output=True, text=True, env=env, timeout=120)
        assert at_once.returncode == 1 and "[OUT005]" in at_once.stderr, at_once.stderr
        assert not (web / "feed.xml").exists()
        err = tmp_path / "publish.err"
        with err.open("w") as stderr:
            waiting = subprocess.Popen([sys.executable, "-m", "mediafeed", "publish", "--show", str(show),
                                        "--no-notify"], stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        wait_for(lambda: "Waiting for another mediafeed run on this show to finish (tag, pid" in err.read_text(),
                 "the publish saying whom it waits for")
        assert waiting.poll() is None
    finally:
        holder.communicate(timeout=60)
    assert waiting.wait(timeout=120) == 0, err.read_text()
    assert "safely and well with men" in (web / "episodes/003-capabilities-framework/index.html").read_text()


# -- the site moves to a new domain -----------------------------------------------------------------------------


def test_the_build_that_records_a_new_domain_says_what_it_recorded_and_what_subscribers_still_ask_for(show: Path) -> None:
    """``url:`` moved to a new domain stopped the build with LED008 (subscribers keep polling the old feed address: keep
    it answering with a 301) and LED002 (the media moved); ``build --accept-changes`` then said nothing at all of
    either: the producer had no word that the move was recorded, nor, once the errors were gone, of what the old
    addresses must go on doing."""
    build(show)
    recorded = json.loads((show / "published.json").read_text())["podcast_guid"]
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/",
          f"url: https://new.example.org/safe-to-say/\npodcast_guid: {recorded}")
    code, problems = _problems(show, "--accept-changes")
    assert code == 0
    [feed] = [p for p in problems if p["code"] == "LED008"]
    assert (feed["severity"], feed["file"]) == ("info", "published.json")
    assert feed["message"] == ("the feed's move from https://podcast.example.org/safe-to-say/feed.xml to "
                               "https://new.example.org/safe-to-say/feed.xml recorded")
    assert feed["hint"].startswith("subscribers' apps still poll https://podcast.example.org/safe-to-say/feed.xml: keep "
                                   "it answering with a 301 redirect to https://new.example.org/safe-to-say/feed.xml")
    [media] = [p for p in problems if p["code"] == "LED002"]
    assert media["severity"] == "info" and len(media["episodes"]) == 6
    assert media["message"].startswith("the new enclosure URL of 6 published episode(s) recorded: 000-trailer, ")
    assert "https://podcast.example.org/safe-to-say/episodes/000-trailer/" in media["hint"]
    code, problems = _problems(show)  # said once: the next build is a plain one
    assert code == 0 and not [p for p in problems if p["code"] in ("LED002", "LED008")]


def test_the_build_that_records_a_renamed_folder_names_the_episode(show: Path) -> None:
    build(show)
    shutil.move(show / "episodes/005-european-review", show / "episodes/005-sixty-evaluations")
    code, problems = _problems(show, "--accept-changes")
    [media] = [p for p in problems if p["code"] == "LED002"]
    assert code == 0 and media["severity"] == "info" and media["episode"] == "005-sixty-evaluations"
    assert media["message"] == "the new enclosure URL of 1 published episode(s) recorded: 005-sixty-evaluations"
    assert not [p for p in problems if p["code"] == "LED008"]


# -- an episode folder renamed ----------------------------------------------------------------------------------


def test_a_renamed_folder_is_told_that_its_page_moves_too(show: Path) -> None:
    """LED002 of a renamed folder spoke of the enclosure URL alone: the folder name is also the address of the page that
    people linked to (a university news post, a tweet), which goes once 'publish --delete' removes it."""
    build(show)
    shutil.move(show / "episodes/005-european-review", show / "episodes/005-sixty-evaluations")
    code, problems = _problems(show)
    [moved] = [p for p in problems if p["code"] == "LED002"]
    assert code == 1
    assert moved["hint"].startswith("rename the folder episodes/005-sixty-evaluations back to 005-european-review (the "
                                    "folder name is the address of the episode's page too: links to "
                                    "episodes/005-european-review/ stop working once 'mediafeed publish --delete' "
                                    "removes the old page)"), moved["hint"]
