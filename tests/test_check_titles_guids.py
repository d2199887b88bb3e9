"""PODCAST-RULES.md's episode title and GUID rules, held alike for any feed (`check FEED`) and a show's own episodes:
no episode or season number and no show name in `<title>` or `<itunes:title>` (EP021, EP020), and a GUID that is
neither the enclosure URL nor the title (EP109)."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import feedparser
import podcastparser
import pytest
from click.testing import CliRunner
from helpers import GOLDEN_NOW, add_episode

from mediafeed import lint
from mediafeed.build import BuildFailed, build
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
                                   "Episode 3: Salt Marsh Carbon", "Ep 3 Salt Marsh Carbon", "Ep. 3 - Salt Marsh Carbon",
                                   "#3 - Salt Marsh Carbon", "S2 Ep 3: Salt Marsh Carbon",
                                   "Salt Marsh Carbon (S02 Episode 03)"])
def test_a_feed_title_with_an_episode_or_season_number_at_either_end_is_ep021(tmp_path: Path, title: str) -> None:
    [found] = [p for p in feed_problems(tmp_path, TITLE, f"<title>{title}</title>") if p["code"] == "EP021"]
    assert (found["severity"], found["field"]) == ("info", "title")
    assert "<itunes:episode>" in found["hint"]


@pytest.mark.parametrize("title", ["Top 10 Salt Marshes", "Salt Marsh Carbon, Part 2", "Catch-22 in the Marsh",
                                   "Season Finale: Salt Marsh Carbon", "Episodes of Carbon", "Sep 3 Salt Marsh Walk",
                                   "S2 Epic Salt Marshes"])
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


@pytest.mark.parametrize("hidden", ["\u200b", "\u2060", "\ufeff", "\u200e"])
def test_a_feed_guid_holding_a_character_drawn_as_nothing_is_ep135(tmp_path: Path, hidden: str) -> None:
    """A zero-width space pasted with a GUID (from a web page, a chat), a word joiner, a byte order mark, a direction
    mark: the GUID shows as another, and the one a producer types or copies without it is another GUID to apps."""
    guid = "7f1c2a40-0c8f-4c36-" + hidden + "9d0e-2f7f0d6b9a01"
    [found] = [p for p in feed_problems(tmp_path, GUID, f'<guid isPermaLink="false">{guid}</guid>')
               if p["code"] == "EP135"]
    assert found["severity"] == "warning" and f"U+{ord(hidden):04X}" in found["message"]
    assert "'7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01', which is another GUID" in found["message"]
    assert "keep it exactly as it is" in found["hint"]
    assert '<guid isPermaLink="false">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>' in found["hint"]


def test_a_new_episodes_guid_holding_a_zero_width_space_is_named_with_the_line_to_write(show: Path) -> None:
    """A new episode's GUID with a zero-width space passed `check` and `build` without a word: once published, the
    GUID can never lose it (LED001). Now EP135 at episode.md's guid gives the line without it; a GUID published.json
    records is to be kept."""
    clean = "3f0c9a52-7a57-4a47-9a8a-0f1a7a1b0c08"
    add_episode(show, "006-new", f'title: Funding Rounds\ndate: 2026-03-30T08:00:00+00:00\nguid: "3f0c9a52-\u200b{clean[9:]}"\n'
                "season: 1\nepisode: 6\nexplicit: false\naudio: audio.mp3\nsummary: Money.")
    [found] = [p for p in lint.lint_show(show).problems if p.code == "EP135"]
    assert (found.severity.value, found.file, found.field) == ("warning", "episodes/006-new/episode.md", "guid")
    assert "U+200B ZERO WIDTH SPACE" in found.message
    assert found.hint.startswith(f"not published yet (published.json has no record of it): write 'guid: {clean}'")
    ledger = json.loads((show / "published.json").read_text())
    ledger["episodes"][f"3f0c9a52-\u200b{clean[9:]}"] = {"slug": "006-new", "enclosure": "https://podcast.example.org/"
                                                           "safe-to-say/episodes/006-new/audio.mp3", "duration": 2.0}
    (show / "published.json").write_text(json.dumps(ledger))
    [found] = [p for p in lint.lint_show(show).problems if p.code == "EP135"]
    assert found.hint.startswith("it was published with this GUID (published.json records it): keep it exactly")


def test_a_title_longer_than_the_podcast_index_keeps_is_named_with_the_figure(tmp_path: Path, show: Path) -> None:
    """A 100,000-character title built and checked without a word (and EP021 quoted all of it). The Podcast Index keeps
    1,024 characters of an episode's title and 768 of a show's (its database schema): EP136 and SHOW033, quoting the
    start of the title only."""
    long = "Salt Marsh Carbon, " * 5000 + "Episode 3"
    problems = feed_problems(tmp_path, TITLE, f"<title>{long}</title>")
    [found] = [p for p in problems if p["code"] == "EP136"]
    assert found["severity"] == "warning" and "1,024 characters the Podcast Index keeps" in found["message"]
    assert "(95,009 characters)" in found["message"]
    assert all(len(p["message"]) < 500 for p in problems)  # (EP021 quoted the whole title)
    assert not [p for p in feed_problems(tmp_path, TITLE, "<title>" + "x" * 1024 + "</title>") if p["code"] == "EP136"]
    assert [p["code"] for p in feed_problems(tmp_path, "<title>Tidewater", "<title>" + "Tide " * 200 + "Tidewater")
            if p["code"] == "SHOW033"] == ["SHOW033"]
    add_episode(show, "006-long", f"title: {'Long words ' * 10000}\ndate: 2026-03-30T08:00:00+00:00\n"
                "guid: 3f0c9a52-7a57-4a47-9a8a-0f1a7a1b0c09\nexplicit: false\naudio: audio.mp3")
    [found] = [p for p in lint.lint_show(show).problems if p.code == "EP136"]
    assert (found.file, found.field) == ("episodes/006-long/episode.md", "title")


def test_an_itunes_text_longer_than_apples_255_characters_is_named(tmp_path: Path, show: Path) -> None:
    """Apple's podcast specification limits its tags' values to 255 characters (itunes:summary excepted); an
    itunes:subtitle, itunes:author or itunes:title past it was checked without a word (only the 4000 bytes of a
    description or itunes:summary were held). EP138 for an item's, SHOW034 for the channel's, quoting the start."""
    subtitle = "Salt marsh " * 30  # 330 characters
    problems = feed_problems(tmp_path, TITLE, f"{TITLE}<itunes:subtitle>{subtitle}</itunes:subtitle>"
                             f"<itunes:author>{'Ana ' * 70}</itunes:author><itunes:title>{'x' * 255}</itunes:title>")
    found = sorted((p["code"], p["field"], p["severity"]) for p in problems if p["code"] in ("EP138", "SHOW034"))
    assert found == [("EP138", "itunes:author", "warning"), ("EP138", "itunes:subtitle", "warning")], problems
    [said] = [p for p in problems if p["field"] == "itunes:subtitle"]
    assert "is 329 characters" in said["message"] and "255" in said["message"] and len(said["message"]) < 300
    assert [p["field"] for p in feed_problems(tmp_path, "<itunes:author>Tidewater Collective</itunes:author>",
                                              f"<itunes:author>{'Tidewater ' * 30}</itunes:author>")
            if p["code"] == "SHOW034"] == ["itunes:author"]
    # a show: show.yml's author and an episode's itunes_title, named at their own file and key
    yml = show / "show.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("author: Safe to Say research team\n",
                                                           f"author: {'Safe to Say research team, ' * 10}\n", 1),
                   encoding="utf-8")
    add_episode(show, "006-long", f"title: Long\nitunes_title: {'Long words ' * 30}\ndate: 2026-03-30T08:00:00+00:00\n"
                "guid: 3f0c9a52-7a57-4a47-9a8a-0f1a7a1b0c09\nexplicit: false\naudio: audio.mp3")
    found = sorted((p.code, p.file, p.field) for p in lint.lint_show(show).problems if p.code in ("EP138", "SHOW034"))
    assert found == [("EP138", "episodes/006-long/episode.md", "itunes_title"), ("SHOW034", "show.yml", "author")]


def test_a_printable_guid_holds_no_white_space_but_the_space() -> None:
    """EP135 looks at a GUID's characters one by one only when it is not printable: every white space character but
    " " is a separator or a control, which str.isprintable refuses (Python's Unicode tables; a new version must not
    break it)."""
    import sys

    assert [hex(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c) != " " and chr(c).isprintable()] == []


def test_a_title_is_published_in_one_line_without_a_byte_order_mark(show: Path) -> None:
    """A U+FEFF in a title (a byte order mark pasted along with a file's first line) was published as it was: apps
    drew it as a box or nothing and sorted the episode apart; a line break in a title (a quoted \\n, a '|' block,
    U+2028) was a line break in feedparser and a space in podcastparser. Each title is published in one line without
    it, with a warning (SRC059) naming the file and the key and giving the title as published."""
    yml = show / "show.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("title: Safe to Say\n", 'title: "\\ufeffSafe to Say"\n', 1),
                   encoding="utf-8")
    add_episode(show, "006-mailbag", 'title: "\\ufeffListener\\u2028Mail\\ufeffbag,\\n  part two"\n'
                "itunes_title: |\n  Listener\n  Mailbag\ndate: 2026-03-30T08:00:00+00:00\n"
                "guid: 3f0c9a52-7a57-4a47-9a8a-0f1a7a1b0c06\nexplicit: false\naudio: audio.mp3\nsummary: Your questions.")
    report = build(show, now=datetime.fromisoformat(GOLDEN_NOW))
    warned = sorted((p.file, p.field, p.severity.value) for p in report.problems if p.code == "SRC059")
    assert warned == [("episodes/006-mailbag/episode.md", "itunes_title", "warning"),
                      ("episodes/006-mailbag/episode.md", "title", "warning"), ("show.yml", "title", "warning")]
    [said] = [p for p in report.problems if p.code == "SRC059" and p.field == "title" and p.episode]
    assert "U+FEFF" in said.message and "line break (\\u2028" in said.message
    assert said.message.endswith("published as 'Listener Mailbag, part two'")
    feed = (report.output / "feed.xml").read_bytes()
    parsed = feedparser.parse(feed)
    assert parsed.feed.title == "Safe to Say"
    [item] = [e for e in parsed.entries if e.guid == "3f0c9a52-7a57-4a47-9a8a-0f1a7a1b0c06"]
    assert item.title == "Listener Mailbag, part two"
    assert b"<itunes:title>Listener Mailbag</itunes:title>" in feed
    gpodder = podcastparser.parse("https://podcast.example.org/safe-to-say/feed.xml", io.BytesIO(feed))
    assert gpodder["title"] == "Safe to Say"
    assert "Listener Mailbag, part two" in [e["title"] for e in gpodder["episodes"]]
    page = (report.output / "episodes" / "006-mailbag" / "index.html").read_text(encoding="utf-8")
    assert "\ufeff" not in page and "\u2028" not in page


def test_a_titles_one_line_fix_is_yaml_that_reads_back_as_the_published_title(show: Path) -> None:
    """SRC059's fix ("write it so: title: …") and a one-line value's (artwork_alt) are YAML to copy into the file.
    They were written in single quotes at most 80 characters long: an apostrophe ended the value (the fix did not
    load), a long title was cut with "…", and a direction override's escape was its six characters. Now a
    double-quoted YAML scalar: it loads as the value published, whole, and shows no control on a terminal."""
    import yaml

    title = "Kids' Stories: a \\\\ backslash, a \\u202e override, and a title past eighty characters,\\n part two"
    add_episode(show, "006-mailbag", f'title: "{title}"\n'
                "date: 2026-03-30T08:00:00+00:00\nguid: 3f0c9a52-7a57-4a47-9a8a-0f1a7a1b0c06\nexplicit: false\n"
                "audio: audio.mp3\nsummary: Your questions.")
    report = build(show, now=datetime.fromisoformat(GOLDEN_NOW))
    [said] = [p for p in report.problems if p.code == "SRC059" and p.episode]
    fix = yaml.safe_load(said.hint.split("write it so: ", 1)[1])  # main: yaml.parser.ParserError
    [item] = [e for e in feedparser.parse((report.output / "feed.xml").read_bytes()).entries
              if e.guid == "3f0c9a52-7a57-4a47-9a8a-0f1a7a1b0c06"]
    assert fix == {"title": item.title} and item.title.startswith("Kids' Stories") and "part two" in item.title
    assert "\u202e" not in said.hint and "\\u202e" in said.hint
    yml = show / "show.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + 'artwork_alt: "Kids\' drawing,\\nin crayon"\n', encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:  # (a line break in a one-line value is an error, SRC010)
        build(show, now=datetime.fromisoformat(GOLDEN_NOW))
    [alt] = [p for p in failed.value.problems if p.field == "artwork_alt"]
    assert yaml.safe_load(alt.hint.split("write it on one line: ", 1)[1]) == {"artwork_alt": "Kids' drawing, in crayon"}


def test_a_feeds_value_is_quoted_as_written_in_the_message(tmp_path: Path) -> None:
    """`check FEED` showed a feed's values as Python writes them (``!r``): an apostrophe switched the quotes (`"Kids'
    Stories"`), a backslash was doubled (`'C:\\\\Music'`), and a value of any length was printed whole (a 50,000-character
    itunes:type, one line of the report). They are quoted as the rest of mediafeed quotes a value (source.quoted): in
    single quotes, as written, at most 200 characters."""
    said = {p["code"]: p["message"] for p in feed_problems(tmp_path, "<itunes:type>episodic</itunes:type>",
                                                           "<itunes:type>Kids' Stories</itunes:type>")}
    assert said["SHOW016"].startswith("itunes:type is 'Kids' Stories';"), said["SHOW016"]
    said = {p["code"]: p["message"] for p in feed_problems(tmp_path, "<language>en-gb</language>",
                                                           "<language>C:\\Music</language>")}
    assert said["SHOW006"].startswith("'C:\\Music' is not"), said["SHOW006"]
    said = {p["code"]: p["message"] for p in feed_problems(tmp_path, "<itunes:type>episodic</itunes:type>",
                                                           f"<itunes:type>{'serial ' * 7000}</itunes:type>")}
    assert len(said["SHOW016"]) < 400, len(said["SHOW016"])
