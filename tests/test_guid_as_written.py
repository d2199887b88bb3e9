"""A GUID is published exactly as written, whatever it holds (session 30).

Feeds moved from old hosts hold GUIDs with Windows-1252 text read as Latin-1 (U+0092 for ’; XML 1.0 allows C1
controls), and `mediafeed import` writes them straight into episode.md (``guid: "post-it\\x92s-1"``). The source
reader's scrubbing read U+0092 as ’, stripped white space at either end and removed control characters XML forbids:
the first build published another GUID, a new episode to every app that stored the old one. Now the GUID is
published as written; what XML cannot hold is an error (SRC061); a show an older mediafeed built keeps the form
published.json records (LED010). The feed is read back with lxml, feedparser and podcastparser.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import feedparser
import podcastparser
import pytest
from helpers import add_episode
from lxml import etree

from mediafeed.build import BuildFailed, build
from mediafeed.ledger import LEDGER_FILE

SLUG = "006-moved"


def _episode(show: Path, guid_line: str) -> Path:
    add_episode(show, SLUG, f"title: Moved here\ndate: 2026-02-20T08:00:00+00:00\n{guid_line}\naudio: moved-here.mp3",
                audio_name="moved-here.mp3")
    return show / "episodes" / SLUG / "episode.md"


def _published(site: Path) -> dict[str, str | None]:
    """The episode's GUID as each reader of the feed (and of feed.json) has it."""
    feed = (site / "feed.xml").read_bytes()
    written = [item.findtext("guid") for item in etree.fromstring(feed).iter("item") if item.findtext("title") == "Moved here"]
    read = [e["guid"] for e in podcastparser.parse("https://x/feed", io.BytesIO(feed))["episodes"] if e["title"] == "Moved here"]
    parsed = [e.id for e in feedparser.parse(feed).entries if e.title == "Moved here"]
    items = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]
    return {"xml": written[0], "podcastparser": read[0], "feedparser": parsed[0],
            "json": next(i["id"] for i in items if i["title"] == "Moved here")}


def _recorded(show: Path) -> list[str]:
    return [guid for guid, record in json.loads((show / LEDGER_FILE).read_text())["episodes"].items()
            if record["slug"] == SLUG]


def test_a_guid_holding_a_c1_control_is_published_with_it(show: Path) -> None:
    _episode(show, r'guid: "post-it\x92s-1"')
    report = build(show)
    assert _published(report.output) == {"xml": "post-it\x92s-1", "podcastparser": "post-it\x92s-1",
                                         "feedparser": "post-it’s-1",  # (feedparser reads any C1 as Windows-1252)
                                         "json": "post-it\x92s-1"}
    assert _recorded(show) == ["post-it\x92s-1"]
    assert not [p for p in report.problems if p.code in ("SRC022", "SRC023")]


@pytest.mark.parametrize("written", ["ep-7\u00a0", "ep-7 ", "\tep-7", " ep\u200b-7"])
def test_white_space_at_either_end_of_a_quoted_guid_is_published(show: Path, written: str) -> None:
    _episode(show, f"guid: {json.dumps(written)}")
    report = build(show)
    published = _published(report.output)
    assert published["xml"] == published["json"] == written
    assert published["podcastparser"] == published["feedparser"] == written.strip()  # (both strip it, both feeds)
    assert _recorded(show) == [written]


def test_a_guid_holding_a_control_character_xml_forbids_is_an_error_naming_the_line_to_write(show: Path,
                                                                                           tmp_path: Path) -> None:
    _episode(show, r'guid: "ep\x01-7"')
    with pytest.raises(BuildFailed) as caught:
        build(show, tmp_path / "site")
    said = [p for p in caught.value.problems if p.code == "SRC061"]
    assert len(said) == 1 and said[0].file == f"episodes/{SLUG}/episode.md" and said[0].field == "guid"
    assert "U+0001" in said[0].message and "'guid: ep-7'" in said[0].hint
    assert not (tmp_path / "site").exists() and SLUG not in (show / LEDGER_FILE).read_text()


@pytest.mark.parametrize("published, written", [("post-it’s-1", r'"post-it\x92s-1"'), ("ep-7", '"ep-7\u00a0"'),
                                               ("ep-7", r'"ep\x01-7 "'),
                                               ("ep-7", r'"ep\x01-7"')])
def test_a_guid_an_older_mediafeed_published_scrubbed_stays_published_so(show: Path, published: str,
                                                                         written: str) -> None:
    """A show built before session 30 published the scrubbed form and published.json records it; read as written
    the GUID is another (LED001 stopped the build). The recorded form is kept, with a warning naming the line that
    keeps it for good; --accept-changes publishes the GUID as written instead."""
    md = _episode(show, f"guid: {json.dumps(published, ensure_ascii=False)}")
    build(show)
    md.write_text(md.read_text(encoding="utf-8").replace(f"guid: {json.dumps(published, ensure_ascii=False)}",
                                                         f"guid: {written}"), encoding="utf-8")
    for _ in range(2):  # (a rebuild from the cache gives the same)
        report = build(show)
        assert _published(report.output)["xml"] == published and _recorded(show) == [published]
        said = [p for p in report.problems if p.code == "LED010"]
        assert len(said) == 1 and said[0].episode == SLUG and f"{published!r}" in said[0].message
        assert not [p for p in report.problems if p.code in ("LED001", "SRC061")]
    line = said[0].hint.split("'")[1]
    md.write_text(md.read_text(encoding="utf-8").replace(f"guid: {written}", line), encoding="utf-8")
    report = build(show)
    assert _published(report.output)["xml"] == published and not [p for p in report.problems if p.code == "LED010"]


def test_accept_changes_publishes_the_guid_as_written_instead(show: Path) -> None:
    md = _episode(show, 'guid: "post-it’s-1"')
    build(show)
    md.write_text(md.read_text(encoding="utf-8").replace('"post-it’s-1"', r'"post-it\x92s-1"'), encoding="utf-8")
    assert _published(build(show).output)["xml"] == "post-it’s-1"  # (LED010: its item kept in the cache so)
    report = build(show, accept_changes=True)
    assert _published(report.output)["xml"] == "post-it\x92s-1"
    assert set(_recorded(show)) == {"post-it\x92s-1", "post-it’s-1"}  # (the old one recorded as withdrawn)
    assert not [p for p in build(show).problems if p.code in ("LED001", "LED010")]


def test_a_c1_control_typed_as_itself_in_the_guid_line_is_named_with_the_escape_that_keeps_it(show: Path) -> None:
    """YAML cannot read U+0092 typed into the file, so the whole file's read gives ’ (SRC023, about a line): the GUID
    read was not the one written, and nothing said so of the GUID. SRC062 names it, with YAML's escape to write."""
    import yaml

    md = _episode(show, 'guid: "post-it\u0092s-1"')
    report = build(show)
    said = [p for p in report.problems if p.code == "SRC062"]
    assert len(said) == 1 and said[0].field == "guid" and "'post-it’s-1'" in said[0].message
    line = said[0].hint.split("'")[1]
    assert line == r'guid: "post-it\u0092s-1"' and yaml.safe_load(line) == {"guid": "post-it\x92s-1"}
    md.write_text(md.read_text(encoding="utf-8").replace('guid: "post-it\u0092s-1"', line), encoding="utf-8")
    report = build(show)  # (published as ’ by the build before: kept so, LED010)
    assert _published(report.output)["xml"] == "post-it’s-1" and [p.code for p in report.problems
                                                                  if p.code.startswith(("LED", "SRC06"))] == ["LED010"]


@pytest.mark.parametrize("written", ["ep-7 ", "ep-7\u00a0", "\tep-7\n", "\ufeffep-7"])
def test_two_guids_that_differ_only_in_white_space_at_either_end_are_one_episode_to_apps(show: Path, tmp_path: Path,
                                                                                         written: str) -> None:
    """Published as written, 'ep-7' and 'ep-7 ' are two GUIDs in the feed, but feedparser, podcastparser and
    podcast-partytime strip them: both are one episode there, and one of them disappears. The source reader stripped
    them before session 30 and EP001 stopped the build; it does again, on the newer episode."""
    add_episode(show, "006-first", "title: First\ndate: 2026-02-20T08:00:00+00:00\nguid: ep-7\naudio: first.mp3",
                audio_name="first.mp3")
    _episode(show, f"guid: {json.dumps(written)}")  # (dated 2026-02-20 too: the slug orders them)
    with pytest.raises(BuildFailed) as caught:
        build(show, tmp_path / "site")
    [said] = [p for p in caught.value.problems if p.code == "EP001"]
    assert (said.episode, said.field) == (SLUG, "guid") and "episodes/006-first/episode.md" in said.message
    assert "only in white space" in said.message and not (tmp_path / "site").exists()


def test_a_renamed_folder_keeps_the_guid_an_older_mediafeed_published_for_it(show: Path) -> None:
    """LED010 looked for the older form under the folder's own name only: an episode published as 'ep-7' by an older
    mediafeed (written 'ep-7' and an NBSP), whose folder was renamed since, was published as a new GUID with a
    warning that the old one was 'no longer in the feed' (LED005), where the build before session 30 told the rename
    (LED002) and kept 'ep-7'."""
    md = _episode(show, "guid: ep-7")
    build(show)
    renamed = show / "episodes" / "006-moved-here"
    md.parent.rename(renamed)
    text = (renamed / "episode.md").read_text(encoding="utf-8")
    (renamed / "episode.md").write_text(text.replace("guid: ep-7", "guid: ep-7\u00a0"), encoding="utf-8")
    with pytest.raises(BuildFailed) as caught:
        build(show)
    assert {p.code for p in caught.value.problems if p.episode == "006-moved-here"} >= {"LED002", "LED010"}
    assert not [p for p in caught.value.problems if p.code == "LED005"]
    [said] = [p for p in caught.value.problems if p.code == "LED010"]
    assert said.file == "episodes/006-moved-here/episode.md" and "'guid: ep-7'" in said.hint
    text = (renamed / "episode.md").read_text(encoding="utf-8")
    (renamed / "episode.md").write_text(text.replace("guid: ep-7\u00a0", "guid: ep-7"), encoding="utf-8")
    report = build(show, accept_changes=True)
    assert _published(report.output)["xml"] == "ep-7"
    records = json.loads((show / LEDGER_FILE).read_text())["episodes"]
    assert records["ep-7"]["slug"] == "006-moved-here" and "ep-7\u00a0" not in records
