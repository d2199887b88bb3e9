"""Subscriber safety: published GUIDs, enclosure URLs and podcast:guid never change silently."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import make_media

from mediafeed.build import BuildFailed, build
from mediafeed.cli import main
from mediafeed.ledger import LEDGER_FILE


def _codes(exc: BuildFailed) -> set[str]:
    return {p.code for p in exc.problems}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_first_build_records_every_published_episode(show: Path) -> None:
    (show / LEDGER_FILE).unlink(missing_ok=True)
    build(show)
    data = json.loads((show / LEDGER_FILE).read_text())
    assert len(data["episodes"]) == 6
    record = data["episodes"]["012780e6-d0de-4a11-88cf-d5e6df48880d"]
    assert record["enclosure"].endswith("/episodes/001-ipv-and-substance-use/ipv-and-substance-use.mp3")


def test_changed_guid_is_refused(show: Path) -> None:
    build(show)
    _edit(show / "episodes/003-capabilities-framework/episode.md",
          "guid: 5c6c255d-36b2-45da-ab07-e62a01932dcf", "guid: a-brand-new-guid")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert "LED001" in _codes(info.value)
    assert any("restore 'guid: 5c6c255d" in p.hint for p in info.value.problems)


def test_renamed_folder_changes_the_enclosure_url_and_is_refused(show: Path) -> None:
    build(show)
    shutil.move(show / "episodes/005-european-review", show / "episodes/005-sixty-evaluations")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert "LED002" in _codes(info.value)
    report = build(show, accept_changes=True)
    assert (report.output / "episodes/005-sixty-evaluations/index.html").is_file()
    assert not (report.output / "episodes/005-european-review").exists()
    build(show)  # accepted: later builds pass


def test_recut_audio_at_the_same_url_is_refused(show: Path) -> None:
    build(show)
    folder = show / "episodes/000-trailer"
    shutil.copy(show / "episodes/005-european-review/european-review.mp3", folder / "safe-to-say-trailer.mp3")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert "LED003" in _codes(info.value)


def test_changed_podcast_guid_is_refused(show: Path) -> None:
    build(show)
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/", "url: https://new.example.org/safe-to-say/")
    with pytest.raises(BuildFailed) as info:
        build(show)
    codes = _codes(info.value)
    assert "LED004" in codes and "LED002" in codes
    hint = next(p.hint for p in info.value.problems if p.code == "LED004")
    assert "podcast_guid: 82f71d59-a1ba-56e5-a889-1449c80b48d3" in hint


def test_a_moved_site_is_one_led002_naming_the_change_and_the_count_not_one_per_episode(show: Path) -> None:
    """Changing show.yml's url moves every enclosure URL: a show of 300 episodes got 300 LED002 lines saying the
    same thing. It is one error now, as strict (exit 1, nothing written), naming the change, the count, a few
    episodes and how to accept it; --format json lists every episode."""
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/",
          "url: https://podcast.example.org/safe-to-say/\npodcast_guid: 82f71d59-a1ba-56e5-a889-1449c80b48d3")
    build(show, show.parent / "site")
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/", "url: https://listen.example.net/safe/")
    feed_before = (show.parent / "site" / "feed.xml").read_bytes()
    runner = CliRunner()
    text = runner.invoke(main, ["build", "--show", str(show), "--output", str(show.parent / "site"), "--no-color"])
    assert text.exit_code == 1
    lines = [line for line in text.output.splitlines() if "[LED002]" in line]
    assert len(lines) == 1, text.output
    assert ("show.yml: url: the enclosure URLs of 6 published episodes changed with 'url', from "
            "https://podcast.example.org/safe-to-say/ to https://listen.example.net/safe/ (000-trailer, "
            "001-ipv-and-substance-use, 002-learning-alliances and 3 more)") in lines[0]
    assert "set 'url: https://podcast.example.org/safe-to-say/' in show.yml again" in lines[0]
    assert "'mediafeed build --accept-changes'" in lines[0]
    assert (show.parent / "site" / "feed.xml").read_bytes() == feed_before  # refused: nothing written
    data = json.loads(runner.invoke(main, ["build", "--show", str(show), "--output", str(show.parent / "site"),
                                           "--format", "json"]).stdout)
    [moved] = [p for p in data["problems"] if p["code"] == "LED002"]
    assert moved["episode"] == "" and moved["episodes"] == sorted(p.name for p in (show / "episodes").iterdir())
    assert all("episodes" not in p for p in data["problems"] if p["code"] != "LED002")
    build(show, show.parent / "site", accept_changes=True)  # a deliberate move is recorded
    assert all(e["enclosure"].startswith("https://listen.example.net/safe/episodes/")
               for e in json.loads((show / LEDGER_FILE).read_text())["episodes"].values())


def test_moved_feed_url_is_refused_until_accepted(show: Path) -> None:
    # podcast:guid set and media kept where they are: only the feed's own URL moves, which no other rule sees
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/",
          "url: https://podcast.example.org/safe-to-say/\n"
          "media_url: https://podcast.example.org/safe-to-say/\n"
          "podcast_guid: 82f71d59-a1ba-56e5-a889-1449c80b48d3")
    build(show)
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/\nmedia",
          "url: https://new.example.org/show/\nmedia")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert [p.code for p in info.value.problems if p.code.startswith("LED")] == ["LED008"]
    problem = next(p for p in info.value.problems if p.code == "LED008")
    assert (problem.file, problem.field) == ("show.yml", "url")
    assert "https://podcast.example.org/safe-to-say/feed.xml" in problem.message
    assert "https://new.example.org/show/feed.xml" in problem.message
    assert "url: https://podcast.example.org/safe-to-say/" in problem.hint
    assert "new_feed_url" in problem.hint and "--accept-changes" in problem.hint
    assert json.loads((show / LEDGER_FILE).read_text())["feed_url"] == "https://podcast.example.org/safe-to-say/feed.xml"
    build(show, accept_changes=True)  # a deliberate move is recorded
    assert json.loads((show / LEDGER_FILE).read_text())["feed_url"] == "https://new.example.org/show/feed.xml"
    build(show)


def test_moved_feed_url_names_feed_url_when_show_yml_sets_it(show: Path) -> None:
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/",
          "url: https://podcast.example.org/safe-to-say/\nfeed_url: https://feeds.example.org/safe.xml\n"
          "podcast_guid: 82f71d59-a1ba-56e5-a889-1449c80b48d3")
    build(show, accept_changes=True)  # the sample show's published.json records the default feed URL
    _edit(show / "show.yml", "feed_url: https://feeds.example.org/safe.xml", "feed_url: https://feeds.example.org/other.xml")
    with pytest.raises(BuildFailed) as info:
        build(show)
    problem = next(p for p in info.value.problems if p.code == "LED008")
    assert problem.field == "feed_url" and "feed_url: https://feeds.example.org/safe.xml" in problem.hint


def test_alternate_files_added_to_a_published_episode_are_recorded_once(show: Path) -> None:
    build(show)
    before = json.loads((show / LEDGER_FILE).read_text())["episodes"]["5c6c255d-36b2-45da-ab07-e62a01932dcf"]
    assert "alternates" not in before
    folder = show / "episodes/003-capabilities-framework"
    make_media(folder / "small.opus", "opus", 3.0)
    _edit(folder / "episode.md", "audio: capabilities-framework.mp3\n",
          "audio: capabilities-framework.mp3\nalternate_enclosures:\n  - {file: small.opus, title: Small}\n")
    assert build(show).ledger_updated
    after = json.loads((show / LEDGER_FILE).read_text())["episodes"]["5c6c255d-36b2-45da-ab07-e62a01932dcf"]
    assert after == {**before, "alternates": [
        "https://podcast.example.org/safe-to-say/episodes/003-capabilities-framework/small.opus"]}
    assert not build(show).ledger_updated


def test_missing_guid_of_a_published_episode_says_to_restore_the_recorded_one(show: Path) -> None:
    _edit(show / "episodes/003-capabilities-framework/episode.md", "guid: 5c6c255d-36b2-45da-ab07-e62a01932dcf\n", "")
    with pytest.raises(BuildFailed) as info:
        build(show)
    problem = next(p for p in info.value.problems if p.code == "SRC060")
    assert "restore 'guid: 5c6c255d-36b2-45da-ab07-e62a01932dcf'" in problem.hint and "--assign" not in problem.hint
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    found = [p for p in json.loads(result.output)["problems"] if p["code"] == "SRC060"]
    assert [p["hint"].split(" (")[0] for p in found] == ["restore 'guid: 5c6c255d-36b2-45da-ab07-e62a01932dcf'"]
    # 'guid --assign' gives a published folder its recorded GUID back (a new one was refused by LED001)
    assigned = CliRunner().invoke(main, ["guid", "--assign", "--show", str(show), "--format", "json"])
    assert json.loads(assigned.output)["assigned"] == [{"file": "episodes/003-capabilities-framework/episode.md",
                                                        "guid": "5c6c255d-36b2-45da-ab07-e62a01932dcf"}]
    build(show)
    # an episode never published still gets a new GUID from 'guid --assign'
    _edit(show / "episodes/003-capabilities-framework/episode.md", "guid: 5c6c255d-36b2-45da-ab07-e62a01932dcf\n", "")
    (show / LEDGER_FILE).unlink()
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert "guid --assign" in next(p.hint for p in info.value.problems if p.code == "SRC060")


def test_removed_episode_is_a_warning(show: Path) -> None:
    build(show)
    shutil.rmtree(show / "episodes/005-european-review")
    report = build(show)
    assert [p.code for p in report.problems if p.code.startswith("LED")] == ["LED005"]
    assert not (report.output / "episodes/005-european-review").exists()


def test_draft_and_scheduled_episodes_stay_out_of_feed_and_pages(show: Path) -> None:
    _edit(show / "episodes/005-european-review/episode.md", "explicit: false", "explicit: false\ndraft: true")
    _edit(show / "episodes/004-combined-programme-outcomes/episode.md", "date: 2026-03-02T08:00:00+00:00",
          "date: 2099-03-02T08:00:00+00:00")
    report = build(show)
    feed = (report.output / "feed.xml").read_text()
    assert report.episodes == 4 and report.drafts == 1 and report.scheduled == 1
    assert "Sixty Evaluations" not in feed and "Treating Both at Once" not in feed
    assert not (report.output / "episodes/005-european-review").exists()
    assert "Sixty Evaluations" not in (report.output / "index.html").read_text()


def test_rebuilds_keep_published_records_as_first_published(show: Path) -> None:
    build(show)
    data = json.loads((show / LEDGER_FILE).read_text())
    data["episodes"]["012780e6-d0de-4a11-88cf-d5e6df48880d"]["duration"] = 40.5  # within the re-cut tolerance
    (show / LEDGER_FILE).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    before = (show / LEDGER_FILE).read_bytes()
    report = build(show)
    assert not report.ledger_updated and (show / LEDGER_FILE).read_bytes() == before
    build(show, accept_changes=True)
    assert json.loads((show / LEDGER_FILE).read_text())["episodes"]["012780e6-d0de-4a11-88cf-d5e6df48880d"]["duration"] != 40.5


def test_a_changed_guid_is_one_error_not_also_a_missing_episode(show: Path) -> None:
    """LED001 came with LED005 'published episode … is no longer in the feed — restore the folder if this was a
    mistake' for the same episode, whose folder is there."""
    build(show)
    _edit(show / "episodes/003-capabilities-framework/episode.md",
          "guid: 5c6c255d-36b2-45da-ab07-e62a01932dcf", "guid: a-brand-new-guid")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert [p.code for p in info.value.problems if p.code.startswith("LED")] == ["LED001"]


@pytest.mark.parametrize("rename,hint", [
    (("episodes/005-european-review", "episodes/005-sixty-evaluations"),
     "rename the folder episodes/005-sixty-evaluations back to 005-european-review"),
    (("episodes/005-european-review/european-review.mp3", "episodes/005-european-review/european-review-v2.mp3"),
     "rename european-review-v2.mp3 back to european-review.mp3 (and write 'audio: european-review.mp3')"),
], ids=["folder", "file"])
def test_a_moved_enclosure_says_which_name_to_give_back(show: Path, rename: tuple[str, str], hint: str) -> None:
    """LED002 said 'keep the folder and file name it was published with' without saying which one moved."""
    build(show)
    old, new = rename
    shutil.move(show / old, show / new)
    if new.endswith(".mp3"):
        _edit(show / "episodes/005-european-review/episode.md", "audio: european-review.mp3", "audio: european-review-v2.mp3")
    with pytest.raises(BuildFailed) as info:
        build(show)
    [moved] = [p for p in info.value.problems if p.code == "LED002"]
    assert moved.hint.startswith(hint), moved.hint


def test_a_published_file_in_another_format_is_not_told_to_rename_it_back(show: Path) -> None:
    """An episode published as european-review.mp3 whose audio became european-review.wav (or a WAV encoded as the MP3
    that MED010 asks for) got LED002 "rename european-review.wav back to european-review.mp3": a WAV named .mp3 (MED003).
    It names the published file to write back instead."""
    build(show)
    folder = show / "episodes/005-european-review"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-i", str(folder / "european-review.mp3"), str(folder / "european-review.wav")],
                   check=True)
    _edit(folder / "episode.md", "audio: european-review.mp3", "audio: european-review.wav")
    with pytest.raises(BuildFailed) as info:
        build(show)
    [moved] = [p for p in info.value.problems if p.code == "LED002"]
    assert "back to european-review.mp3" not in moved.hint
    assert moved.hint.startswith("european-review.wav is another format than the published european-review.mp3, so it "
                                 "needs the new address: to keep the published file, write 'audio: european-review.mp3' "
                                 "again; if this change is deliberate, run 'mediafeed build --accept-changes'"), moved.hint


@pytest.mark.parametrize(("change", "said", "undo"), [
    (("date: 2026-03-16T08:00:00+00:00", "date: 2026-03-16T08:00:00+00:00\ndraft: true"),
     "it is a draft now ('draft: true')", "remove 'draft: true'"),
    (("date: 2026-03-16T08:00:00+00:00", "date: 2099-03-16T08:00:00+00:00"),
     "its date is in the future now (2099-03-16T08:00:00+00:00): it comes back then",
     "give it back the date it was published with"),
], ids=["draft", "scheduled"])
def test_a_published_episode_held_back_says_why_it_left_the_feed(show: Path, change: tuple[str, str], said: str,
                                                                undo: str) -> None:
    """A published episode made a draft (or dated in the future) left the feed with LED005 'restore the folder if
    this was a mistake', on the folder's name: its folder was there, and nothing said that 'draft: true' (or the
    date) was the cause. It now names its episode.md, the field, the cause and how to undo it."""
    import os
    import subprocess
    import sys

    from helpers import ROOT

    def build_json() -> dict:
        done = subprocess.run([sys.executable, "-m", "mediafeed", "build", "--show", str(show), "--format", "json"],
                              capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, done.stdout + done.stderr
        return json.loads(done.stdout)

    build_json()
    _edit(show / "episodes/005-european-review/episode.md", *change)
    [gone] = [p for p in build_json()["problems"] if p["code"] == "LED005"]
    assert gone["file"] == "episodes/005-european-review/episode.md"
    assert gone["message"].endswith("is no longer in the feed: " + said)
    assert gone["field"] == ("draft" if "draft" in said else "date")
    assert f"{undo} if this was a mistake; if you withdrew it on purpose, 'mediafeed build --accept-changes' records " \
        "that" in gone["hint"] and "restore the folder" not in gone["hint"]
def test_a_new_picture_under_a_published_artwork_name_is_a_warning_until_renamed(show: Path) -> None:
    """PODCAST-RULES.md: a new image gets a new URL, as apps cache artwork by URL. The sample show's published.json
    records its artwork.png; a new cover saved over it kept the URL without a word."""
    from PIL import Image

    show_url = "https://podcast.example.org/safe-to-say/artwork.png"
    assert json.loads((show / LEDGER_FILE).read_text())["artwork"] == {show_url: (show / "artwork.png").stat().st_size}
    Image.new("RGB", (1400, 1400), (200, 30, 30)).save(show / "artwork.png")
    report = build(show)  # a warning: the build goes on, and keeps warning until the file is renamed
    [problem] = [p for p in report.problems if p.code == "LED009"]
    assert (problem.file, problem.field, problem.severity.value) == ("show.yml", "artwork", "warning")
    assert show_url in problem.message and "artwork-2.png" in problem.hint
    assert "LED009" in {p.code for p in build(show).problems}
    with pytest.raises(BuildFailed) as info:
        build(show, strict=True)
    assert "LED009" in _codes(info.value)
    # renamed: a new URL, recorded beside the old one; nothing to say
    (show / "artwork.png").rename(show / "artwork-2.png")
    _edit(show / "show.yml", "artwork: artwork.png", "artwork: artwork-2.png")
    report = build(show)
    assert "LED009" not in {p.code for p in report.problems} and report.ledger_updated
    assert set(json.loads((show / LEDGER_FILE).read_text())["artwork"]) == {show_url, show_url.replace(".png", "-2.png")}


def test_a_new_episode_picture_is_reported_on_its_episode_and_accept_changes_records_it(show: Path) -> None:
    from PIL import Image

    folder = show / "episodes/003-capabilities-framework"
    Image.new("RGB", (1400, 1400), (10, 90, 10)).save(folder / "cover.png")
    _edit(folder / "episode.md", "audio: capabilities-framework.mp3\n", "audio: capabilities-framework.mp3\nartwork: cover.png\n")
    assert build(show).ledger_updated  # first published: recorded
    Image.new("RGB", (1400, 1400), (10, 10, 90)).save(folder / "cover.png", compress_level=1)
    [problem] = [p for p in build(show).problems if p.code == "LED009"]
    assert (problem.file, problem.episode) == ("episodes/003-capabilities-framework/episode.md", "003-capabilities-framework")
    build(show, accept_changes=True)
    assert "LED009" not in {p.code for p in build(show).problems}


def test_a_withdrawal_accepted_keeps_the_guid_and_the_episode_may_come_back(show: Path) -> None:
    """LED005 warned on every build, for good, of an episode withdrawn on purpose. 'build --accept-changes' records the
    withdrawal: the record (GUID, URL) stays, LED005 stops, 'list' names it once; the episode's return is the same
    episode (no warning, the mark dropped), and leaving again without --accept-changes warns again."""
    guid, folder = "5c6c255d-36b2-45da-ab07-e62a01932dcf", show / "episodes/003-capabilities-framework"
    build(show)
    kept = show.parent / "kept"
    shutil.move(folder, kept)
    assert [p.code for p in build(show).problems if p.code.startswith("LED")] == ["LED005"]
    build(show, accept_changes=True)
    record = json.loads((show / LEDGER_FILE).read_text())["episodes"][guid]
    assert record["withdrawn"] is True and record["enclosure"].endswith("/003-capabilities-framework/capabilities-framework.mp3")
    assert not [p for p in build(show).problems if p.code.startswith("LED")]
    listed = CliRunner().invoke(main, ["list", "--show", str(show)])
    assert listed.exit_code == 0 and "Withdrawn on purpose (published.json): 003-capabilities-framework." in listed.output
    as_json = CliRunner().invoke(main, ["list", "--show", str(show), "--format", "json"])
    assert json.loads(as_json.output)["withdrawn"] == [{"slug": "003-capabilities-framework", "guid": guid}]

    shutil.move(kept, folder)  # it comes back: the same GUID at the same URL
    report = build(show)
    assert not [p for p in report.problems if p.code.startswith("LED")]
    assert "withdrawn" not in json.loads((show / LEDGER_FILE).read_text())["episodes"][guid]
    assert "Withdrawn" not in CliRunner().invoke(main, ["list", "--show", str(show)]).output
    _edit(folder / "episode.md", "\n---\n", "\ndraft: true\n---\n")  # and leaves again, not accepted: warned again
    assert [p.code for p in build(show).problems if p.code.startswith("LED")] == ["LED005"]


def test_a_withdrawn_guid_is_never_given_to_another_episode(show: Path) -> None:
    """The record of a withdrawn episode stays: another episode given its GUID is refused as before (LED002)."""
    build(show)
    shutil.rmtree(show / "episodes/003-capabilities-framework")
    build(show, accept_changes=True)
    other = show / "episodes/004-combined-programme-outcomes/episode.md"
    text = other.read_text()
    mine = next(line for line in text.splitlines() if line.startswith("guid: "))
    other.write_text(text.replace(mine, "guid: 5c6c255d-36b2-45da-ab07-e62a01932dcf", 1))
    with pytest.raises(BuildFailed) as refused:
        build(show)
    assert "LED002" in _codes(refused.value)
