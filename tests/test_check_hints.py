"""Hints a producer can act on: where `mediafeed check FEED` knows the right value, the hint writes it out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediafeed.cli import main

GOOD = Path(__file__).parent / "data" / "feeds" / "good.xml"
CATEGORY = '<itunes:category text="Science">\n      <itunes:category text="Earth Sciences"/>'
PODCAST_GUID = "<podcast:guid>d8582db3-a7c6-50a5-a509-a29f7ddd6cec</podcast:guid>"


def hints(tmp_path: Path, old: str, new: str, code: str) -> list[tuple[str, str]]:
    """(severity, hint) of each ``code`` problem of `mediafeed check FEED` on the good feed changed once."""
    text = GOOD.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "feed.xml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    return [(p["severity"], p["hint"]) for p in json.loads(result.stdout)["problems"] if p["code"] == code]


@pytest.mark.parametrize(("written", "meant"), [("science", "Science"), ("Sciense", "Science"),
                                                ("Health and Fitness", "Health &amp; Fitness")])
def test_a_category_off_apples_list_is_told_the_one_meant(tmp_path: Path, written: str, meant: str) -> None:
    found = hints(tmp_path, CATEGORY, f'<itunes:category text="{written}">', "SHOW010")
    assert found == [("error", f'write <itunes:category text="{meant}"/>')]


def test_a_category_like_none_of_apples_keeps_the_general_hint(tmp_path: Path) -> None:
    assert hints(tmp_path, CATEGORY, '<itunes:category text="Podcasts">', "SHOW010") == [
        ("error", "use a category from Apple's list (mind '&amp;' and capitals)")]


def test_a_missing_or_broken_podcast_guid_is_given_the_uuidv5_of_the_self_url(tmp_path: Path) -> None:
    """The good feed's self URL is https://podcast.example.com/feed.xml; its UUIDv5 is the good feed's own GUID."""
    value = "d8582db3-a7c6-50a5-a509-a29f7ddd6cec"
    [(severity, hint)] = hints(tmp_path, PODCAST_GUID, "", "SHOW025")
    assert severity == "warning" and f"<podcast:guid>{value}</podcast:guid>" in hint
    [(severity, hint)] = hints(tmp_path, PODCAST_GUID, "<podcast:guid>my-show</podcast:guid>", "PI001")
    assert severity == "error" and f"<podcast:guid>{value}</podcast:guid>" in hint
    [(severity, hint)] = hints(tmp_path, value, "d8582db3-a7c6-40a5-a509-a29f7ddd6cec", "PI002")
    assert severity == "warning" and "keep it" in hint and value in hint


@pytest.mark.parametrize(("written", "meant"), [("Trailer", "trailer"), ("BONUS", "bonus"), ("episode", "full")])
def test_an_episode_type_in_another_case_is_told_its_own_type(tmp_path: Path, written: str, meant: str) -> None:
    found = hints(tmp_path, "<itunes:episodeType>trailer</itunes:episodeType>",
                  f"<itunes:episodeType>{written}</itunes:episodeType>", "EP120")
    assert found == [("error", f"write <itunes:episodeType>{meant}</itunes:episodeType>")]


def test_a_show_category_like_none_of_apples_is_given_apples_list(show: Path) -> None:
    """show.yml's 'category: Podcasts' was told "use a category from Apple's list (see the README)", and neither the
    README nor any guide lists them: the hint and `--explain SRC030` name the 19 categories."""
    yml = show / "show.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("category: Science", "category: Podcasts", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    [problem] = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "SRC030"]
    assert problem["field"] == "category" and "README" not in problem["hint"]
    assert "Health & Fitness" in problem["hint"] and "True Crime" in problem["hint"]
    explained = CliRunner().invoke(main, ["check", "--explain", "SRC030"]).stdout
    assert "Society & Culture" in explained and "'category:'" in explained


def test_a_channel_problem_stays_on_show_yml_when_an_episode_has_no_guid(show: Path) -> None:
    """An episode without a GUID (SRC060) drew the channel's problems to itself: PI003 (podcast:guid not the UUIDv5
    of the feed URL, a show that moved) was reported on that episode's episode.md, as a problem of its own."""
    yml = show / "show.yml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(text.replace("url: https://podcast.example.org/safe-to-say/",  # the podcast:guid published.json keeps
                                "url: https://podcast.example.org/safe-to-say/\npodcast_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810",
                                1), encoding="utf-8")
    before = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    [moved] = [(p["file"], p["episode"]) for p in json.loads(before.stdout)["problems"] if p["code"] == "PI003"]
    assert moved == ("show.yml", "")
    episode = show / "episodes/002-learning-alliances/episode.md"
    episode.write_text("\n".join(line for line in episode.read_text(encoding="utf-8").splitlines()
                                 if not line.startswith("guid:")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    found = json.loads(result.stdout)["problems"]
    assert [p["file"] for p in found if p["code"] == "SRC060"] == ["episodes/002-learning-alliances/episode.md"]
    assert [(p["file"], p["episode"]) for p in found if p["code"] == "PI003"] == [("show.yml", "")]
