"""The feeds' channels kept between builds (``feeditems.FeedFrames``, the cache's ``frame`` table): an unchanged
channel comes from the cache without importing feedgen's generator, a changed one is made by it, and the site is a
clean build's, byte for byte, after every kind of change that reaches a channel."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from helpers import add_episode
from PIL import Image
from test_incremental import NEW_EPISODE, add_one, assert_same_as_clean, change_notes, edit, replace_audio

from mediafeed.build import build
from mediafeed.cache import CACHE_DIR

TRAILER = "episodes/000-trailer/episode.md"


def frame_rows(show: Path, like: str = "rss/%") -> dict[str, str]:
    """The build's frames (rss/<file>: named <file> here), not the feed rules' (lint/feed.xml), unless ``like``."""
    with sqlite3.connect(show / CACHE_DIR / "cache.sqlite") as db:
        rows = db.execute("SELECT k, v FROM frame WHERE k LIKE ?", (like,)).fetchall()
    return {k.removeprefix("rss/") if like == "rss/%" else k: v for k, v in rows}


def set_frames(show: Path, value: str) -> None:
    db = sqlite3.connect(show / CACHE_DIR / "cache.sqlite")
    db.execute("UPDATE frame SET v = ?", (value,))  # (the build's and the feed rules')
    db.commit()
    db.close()


def websub_hub(show: Path) -> None:
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write("publish:\n  notify:\n    websub: https://hub.example.org/\n")


def copyright_changed(show: Path) -> None:
    edit(show / "show.yml", "copyright: CC BY 4.0, Safe to Say", "copyright: CC BY-SA 4.0, Safe to Say")


def trailer_added(show: Path) -> None:
    add_episode(show, "006-season-one-recap", NEW_EPISODE.replace("title: A new finding", "title: Season one, again")
                + "type: trailer\nseason: 1\n")


def trailer_removed(show: Path) -> None:
    shutil.rmtree(show / "episodes/000-trailer")


def trailer_retitled(show: Path) -> None:
    edit(show / TRAILER, "title: One study at a time", "title: One study at a time, and why")


def trailer_numbered(show: Path) -> None:  # a trailer with a number is an episode's teaser: no podcast:trailer
    edit(show / TRAILER, "type: trailer", "type: trailer\nepisode: 1")


def artwork_resized(show: Path) -> None:  # the same name, other pixels: podcast:image's width and height
    Image.open(show / "artwork.png").resize((1500, 1500)).save(show / "artwork.png")


def feed_limit(show: Path) -> None:
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write("feed_limit: 2\n")


def no_trailer(show: Path) -> None:  # (the artwork is in the tagged trailer, its length in podcast:trailer)
    trailer_numbered(show)


def archive_removed(show: Path) -> None:
    shutil.rmtree(show / "episodes/005-european-review")


#: what changes a channel: (what the show is before its first build, the change)
CHANNEL_CHANGES: dict[str, tuple[Callable[[Path], None] | None, Callable[[Path], None]]] = {
    "a show.yml field": (None, copyright_changed),
    "a WebSub hub (publish)": (None, websub_hub),
    "a new newest episode (pubDate, lastBuildDate)": (None, add_one),
    "a trailer added": (None, trailer_added),
    "a trailer removed": (None, trailer_removed),
    "a trailer's title": (None, trailer_retitled),
    "a trailer's audio (its length)": (None, replace_audio),
    "a trailer given a number": (None, trailer_numbered),
    "the artwork's size": (no_trailer, artwork_resized),
    "archives: an episode added": (feed_limit, add_one),
    "archives: an episode removed": (feed_limit, archive_removed),
}


@pytest.mark.parametrize("kind", list(CHANNEL_CHANGES))
def test_a_channel_change_makes_the_channel_again(show: Path, tmp_path: Path, kind: str) -> None:
    before_first, change = CHANNEL_CHANGES[kind]
    if before_first:
        before_first(show)
    build(show)
    before = frame_rows(show)
    assert "feed.xml" in before and (len(before) > 1) == (before_first is feed_limit)
    change(show)
    report = build(show)
    assert "feed.xml" in report.written
    assert frame_rows(show)["feed.xml"] != before["feed.xml"]
    assert_same_as_clean(show, report.output, tmp_path)


@pytest.mark.parametrize("change", [change_notes, add_one], ids=["notes (lastBuildDate)", "a new newest episode (pubDate)"])
def test_a_build_date_of_its_own_and_the_newest_date(show: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     change: Callable[[Path], None]) -> None:
    """SOURCE_DATE_EPOCH is lastBuildDate, the newest episode's date pubDate: each changes the channel alone."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    build(show)
    if change is change_notes:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790086400")
    change(show)
    report = build(show)
    feed = (report.output / "feed.xml").read_bytes()
    assert (b"<lastBuildDate>Tue, 22 Sep 2026" if change is change_notes else b"<pubDate>Mon, 04 May 2026") in feed
    assert_same_as_clean(show, report.output, tmp_path)


def test_a_notes_edit_takes_the_channel_from_the_cache(show: Path, tmp_path: Path) -> None:
    """The rebuild neither makes the channel nor imports feedgen's generator (and dateutil behind it), nor feedgen's
    util module (locale, an XML parser made at import: the items' elements are lxml's SubElement, as its xml_elem)."""
    build(show)
    before = frame_rows(show, "%")
    change_notes(show)
    code = ("import sys; from pathlib import Path; from mediafeed.build import build; r = build(Path(sys.argv[1]));"
            "print(r.kept, 'feed.xml' in r.written, 'feedgen.feed' in sys.modules, 'dateutil' in sys.modules,"
            "'feedgen.util' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(show)], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "MEDIAFEED_JOBS": "1"})
    assert done.stdout.split() == [done.stdout.split()[0], "True", "False", "False", "False"]
    assert int(done.stdout.split()[0]) > 0
    assert frame_rows(show, "%") == before and set(before) == {"rss/feed.xml", "lint/feed.xml"}
    assert_same_as_clean(show, show / "public", tmp_path)


def _poison(show: Path) -> str:
    head, tail = json.loads(frame_rows(show)["feed.xml"])
    return json.dumps([head.replace("<title>Safe to Say</title>", "<title>POISON</title>", 1), tail])


@pytest.mark.parametrize("damage", ["not json", "[1,2]", '["a","b"]', '{"head":"x"}', "[\"<?xml version='1.0' "
                                    "encoding='UTF-8'?>\\n<rss version=\\\"2.0\\\">\",\"  </channel>\\n\"]", "poison-tail"])
def test_a_frame_row_that_is_not_what_mediafeed_wrote_is_made_again(show: Path, tmp_path: Path, damage: str) -> None:
    build(show)
    if damage == "poison-tail":  # a true head, and a tail with one more element before </channel>
        head, tail = json.loads(frame_rows(show)["feed.xml"])
        damage = json.dumps([head, "    <x/>\n" + tail])
    set_frames(show, damage)
    change_notes(show)
    report = build(show)
    assert report.kept > 0 and "feed.xml" in report.written
    assert json.loads(frame_rows(show)["feed.xml"])[0].startswith("<?xml")
    assert_same_as_clean(show, report.output, tmp_path)


def test_a_kept_frame_is_used_and_clean_ignores_it(show: Path, tmp_path: Path) -> None:
    build(show)
    set_frames(show, _poison(show))
    change_notes(show)
    assert b"<title>POISON</title>" in (build(show).output / "feed.xml").read_bytes()  # (the row is what builds use)
    set_frames(show, _poison(show))
    report = build(show, clean=True)
    assert b"POISON" not in (report.output / "feed.xml").read_bytes()
    assert b"POISON" not in frame_rows(show)["feed.xml"].encode()
    assert_same_as_clean(show, report.output, tmp_path)


def test_an_archive_that_is_gone_leaves_no_frame(show: Path) -> None:
    feed_limit(show)
    build(show)
    assert len(frame_rows(show)) > 1
    edit(show / "show.yml", "feed_limit: 2\n", "")
    build(show)
    assert list(frame_rows(show)) == ["feed.xml"]


def test_the_feed_rules_items_are_the_bytes_as_rendered(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a cache (the feed rules' store keeps nothing) an item's bytes are feed.render_items' as made: they were
    decoded to text for a store that keeps nothing, then encoded again, each item twice (~25 KB copied an episode)."""
    from mediafeed import feed, feeditems
    from mediafeed.cache import Cache
    from mediafeed.items import make_items
    from mediafeed.project import load_project

    cache = Cache(None)
    project = load_project(show, cache)
    items = make_items(project, cache)
    made = feed.render_items(items)
    decoded = []
    real = feeditems.FeedItems._render_rss

    def spy(todo):  # type: ignore[no-untyped-def]
        decoded.append(len(todo))
        return real(todo)

    monkeypatch.setattr(feeditems.FeedItems, "_render_rss", staticmethod(spy))
    assert feeditems.FeedItems(Cache(None), project.fingerprints).rss(items) == made
    assert decoded == []  # main: [the items' count]


def _items_with_notes(show: Path, notes: list[tuple[str, str]]) -> list:  # type: ignore[type-arg]
    """The show's items, each given one of ``notes`` ((html, description)) in turn."""
    from mediafeed import codec
    from mediafeed.cache import Cache
    from mediafeed.items import make_items
    from mediafeed.model import Item
    from mediafeed.notes import Notes
    from mediafeed.project import load_project

    cache = Cache(None)
    items = make_items(load_project(show, cache), cache)
    with_notes = codec.replacer(Item, "notes")
    return [with_notes(items[n % len(items)], partial(_given, Notes(html, description, "text")))
            for n, (html, description) in enumerate(notes)]


def _given(notes: object) -> object:
    return notes


def _lxml_items(items: list) -> list[bytes]:  # type: ignore[type-arg]
    """The items' <item> elements with every CDATA section made by lxml (render_items as it was)."""
    from mediafeed import feed

    document = feed._items_document(items, None)
    body = document[document.index(feed._ITEM_START):document.rindex(feed._CHANNEL_END)]
    return [part + feed._ITEM_END for part in body.split(feed._ITEM_END)[:-1]]


#: notes as the sanitiser can leave them: markup, references, "]]" short of a "]]>", every line end, text beyond
#: ASCII (two-byte, three-byte, four-byte UTF-8, a line separator), a stand-in's own text, a section's start
PLAIN_NOTES = [
    ('<p>Fish &amp; chips <a href="/x">here</a>]] and ]]&gt;</p>\n', "<p>Fish &amp; chips]]</p>"),
    ("<p>tab\there\r\nand\rthere</p>", "<p>caf\u00e9 \u2013 \u65e5\u672c \U0001F600 \u2028 end</p>"),
    ("<p>mediafeed <![CDATA[mediafeed]] &lt;![CDATA[</p>", ""),
    ("<p>" + "long notes " * 2000 + "</p>", "<p>" + "x" * 3999 + "</p>"),
]


def test_an_items_plain_notes_are_written_into_its_cdata_sections_as_lxml_writes_them(show: Path,
                                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """render_items holds plain notes (no "]]>", no character XML or HTML forbids, as notes.render leaves every
    episode's) out of lxml's tree and writes them into the serialised items: the same bytes, without lxml checking
    and copying ~10 KB of notes an item twice a cold build (the feed rules' items and the feed's)."""
    from mediafeed import feed

    items = _items_with_notes(show, PLAIN_NOTES)
    expected = _lxml_items(items)
    given: list[str] = []
    real = feed.CDATA

    def spy(text: str) -> object:
        given.append(text)
        return real(text)

    monkeypatch.setattr(feed, "CDATA", spy)
    assert feed.render_items(items) == expected
    assert set(given) == {feed._STAND_IN}  # main: lxml was given every item's notes and description
    assert b"\xf0\x9f\x98\x80" in expected[1] and b"]]&gt;" in expected[0] and b"\r\n" in expected[1]


@pytest.mark.parametrize(("html", "refused"), [("<p>del \x7f and c1 \x85 and \ufdd0</p>", False),
                                                ("<p>ends ]]> early</p>", False), ("<p>control \x01</p>", True)])
def test_notes_that_are_not_plain_are_all_lxmls_to_judge(show: Path, html: str, refused: bool) -> None:
    """A text with a character HTML forbids (which lxml takes and writes as it is), a "]]>" (which libxml2 writes as
    two sections) or one lxml refuses (a control character) makes render_items render every item with lxml's own
    sections: its bytes, or its error."""
    from mediafeed import feed

    items = _items_with_notes(show, [PLAIN_NOTES[0], (html, "<p>plain</p>")])
    if refused:
        with pytest.raises(ValueError):
            feed.render_items(items)
        return
    made = feed.render_items(items)
    assert made == _lxml_items(items)
    assert (b"]]]]><![CDATA[>" if "]]>" in html else html.encode("utf-8")) in made[1]


def test_a_texts_utf16_length_is_counted_as_java_counts_it() -> None:
    """feed._units (content:encoded kept the longest of an item's three texts, as AntennaPod measures them) counts
    UTF-16 code units: one a character up to U+FFFF (a lone surrogate too), two beyond. Counted by the codec now
    (a Python look at each character was ~1 M instructions an item); the same count for every kind of text."""
    import random

    from mediafeed.feed import _units

    def java(text: str) -> int:
        return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)

    pool = ["a", " ", "\n", "\u00e9", "\u2013", "\uffff", "\ud800", "\udfff", "\U0001F600", "\U0010FFFF", "<p>"]
    rng = random.Random(30)
    texts = ["", "plain ascii", "\U0001F600", "\ud83d\ude00"] + ["".join(rng.choices(pool, k=rng.randrange(40)))
                                                              for _ in range(2000)]
    assert [_units(text) for text in texts] == [java(text) for text in texts]
