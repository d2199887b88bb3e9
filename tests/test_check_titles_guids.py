"""PODCAST-RULES.md's episode title and GUID rules, held alike for any feed (`check FEED`) and a show's own episodes:
no episode or season number and no show name in `<title>` or `<itunes:title>` (EP021, EP020), and a GUID that is
neither the enclosure URL nor the title (EP109)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import add_episode

from mediafeed import lint
from mediafeed.cli import main

GOOD = Path(__file__).parent / "data" / "feeds" / "good.xml"
TITLE = "<title>Salt Marsh Carbon</title>"
GUID = '<guid isPermaLink="false">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>'


def feed_problems(tmp_path: Path, old: str, new: str) -> list[dict]:
    """`mediafeed check FEED --format json` on the good feed with its first item changed."""
    text = GOOD.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "feed.xml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    return json.loads(result.stdout)["problems"]


@pytest.mark.parametrize("title", ["Season 1, Episode 3: Salt Marsh Carbon", "Salt Marsh Carbon (Episode 3)",
                                   "Salt Marsh Carbon - Ep. 3", "Salt Marsh Carbon | #3", "S01 E03 Salt Marsh Carbon",
                                   "Episode 3: Salt Marsh Carbon"])
def test_a_feed_title_with_an_episode_or_season_number_at_either_end_is_ep021(tmp_path: Path, title: str) -> None:
    [found] = [p for p in feed_problems(tmp_path, TITLE, f"<title>{title}</title>") if p["code"] == "EP021"]
    assert (found["severity"], found["field"]) == ("info", "title")
    assert "<itunes:episode>" in found["hint"]


@pytest.mark.parametrize("title", ["Top 10 Salt Marshes", "Salt Marsh Carbon, Part 2", "Catch-22 in the Marsh",
                                   "Season Finale: Salt Marsh Carbon", "Episodes of Carbon"])
def test_a_number_that_is_part_of_the_title_is_no_ep021(tmp_path: Path, title: str) -> None:
    assert "EP021" not in {p["code"] for p in feed_problems(tmp_path, TITLE, f"<title>{title}</title>")}


def test_itunes_title_is_held_to_the_title_rules_apple_sets_for_it(tmp_path: Path) -> None:
    """Apple shows <itunes:title> in place of <title>, and its guide asks for no numbers and no show name in it."""
    problems = feed_problems(tmp_path, TITLE, TITLE + "<itunes:title>Tidewater Notes, Episode 3</itunes:title>")
    assert sorted((p["code"], p["field"]) for p in problems) == [("EP020", "itunes:title"), ("EP021", "itunes:title")]


@pytest.mark.parametrize("guid", ["Salt Marsh Carbon", "salt-marsh-carbon", "SALT_MARSH_CARBON"])
def test_a_feed_guid_made_from_the_title_is_ep109(tmp_path: Path, guid: str) -> None:
    [found] = [p for p in feed_problems(tmp_path, GUID, f'<guid isPermaLink="false">{guid}</guid>')
               if p["code"] == "EP109"]
    assert found["severity"] == "warning" and "title" in found["message"]
    assert "keep this GUID" in found["hint"]  # changing a published GUID is worse than keeping it


def test_a_show_holds_its_episodes_to_the_same_title_and_guid_rules(show: Path) -> None:
    add_episode(show, "006-mailbag", "title: Listener Mailbag\ndate: 2026-03-30T08:00:00+00:00\nguid: listener-mailbag\n"
                "season: 1\nepisode: 6\nexplicit: false\naudio: audio.mp3\nsummary: Your questions.")
    add_episode(show, "007-funding", "title: S1 E7 Funding Rounds\ndate: 2026-04-13T08:00:00+00:00\n"
                "guid: 3f0c9a52-7a57-4a47-9a8a-0f1a7a1b0c07\nseason: 1\nepisode: 7\nexplicit: false\naudio: audio.mp3\n"
                "itunes_title: 'Funding Rounds (Episode 7)'\nsummary: Money.")
    found = sorted((p.code, p.severity.value, p.file, p.field) for p in lint.lint_show(show).problems
                   if p.code in ("EP020", "EP021", "EP109"))
    assert found == [("EP021", "info", "episodes/007-funding/episode.md", "itunes_title"),
                     ("EP021", "info", "episodes/007-funding/episode.md", "title"),
                     ("EP109", "warning", "episodes/006-mailbag/episode.md", "guid")]
