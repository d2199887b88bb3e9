"""A show written right to left (``language: ar``) in real headless Chromium: its pages, embed and fragment run right
to left, and the numbers in them (times, dates, "−15", "1×") still read left to right.

Before, only the fragment had a direction (``dir="auto"``): the pages and the embed were laid out left to right, the
skip link parked at ``left: -999px`` gave every page 999 px of sideways scrolling once the page did run right to left,
and lists, quotes and the transcript's time stamps were indented or spaced on the left (physical sides).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import add_episode
from siteserver import CHROMIUM, SiteServer, chromium, sample_site
from test_browser_a11y import open_page, tab_through, track_contrast, wait_metadata  # noqa: F401 - open_page is a fixture: a tab that records script errors

EP1 = "episodes/001-ipv-and-substance-use/"
TITLE = "ليس السبب وليس مصادفة"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def _arabic(root: Path) -> None:
    config = root / "show.yml"
    config.write_text(config.read_text().replace("language: en-gb", "language: ar").replace("title: Safe to Say",
                                                                                            "title: آمن للقول", 1)
                      + "page_size: 3\n")
    episode = root / EP1 / "episode.md"
    episode.write_text(episode.read_text().replace("title: Not the Cause, Not a Coincidence", f"title: {TITLE}"))
    add_episode(root, "006-deep", "title: قوائم عميقة\ndate: 2026-03-20T08:00:00+00:00\n"
                "guid: 4f0c8a57-2d8e-4b8e-9a7e-1b2c3d4e5f70\naudio: audio.mp3\n",
                "- " * 1000 + "قائمة\n\n" + "> " * 1000 + "اقتباس\n\n" + "<dl><dt>t</dt><dd>" * 300 + "تعريف\n\n"
                '<time datetime="2026-01-01">١ يناير</time>\n')


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The sample show in Arabic (and an episode of notes nested 1,000 deep), on 127.0.0.1."""
    with sample_site(tmp_path_factory.mktemp("rtl"), _arabic) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.mark.parametrize(("path", "width"), [(p, w) for p in ["", "page/2/", EP1, EP1 + "embed/", "missing/", "episodes/006-deep/"]
                                             for w in (320, 1100)])
def test_every_page_runs_right_to_left_without_sideways_scrolling(
        server: SiteServer, open_page: Any, path: str, width: int) -> None:  # noqa: F811
    tab = open_page(server.url + path, width=600 if path.endswith("embed/") and width > 600 else width, height=800)
    assert tab.evaluate("[document.documentElement.dir, getComputedStyle(document.body).direction]") == ["rtl", "rtl"]
    # a right-to-left page scrolls sideways for what sticks out on its left (the skip link at left: -999px did)
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.evaluate("innerWidth")
    stops = tab_through(tab)  # every control by keyboard, its focus ring inside the window (the skip link on the right)
    assert stops and [s for s in stops if s["problem"]] == []
    assert tab.errors == []


def test_the_player_runs_right_to_left_and_its_numbers_left_to_right(server: SiteServer, open_page: Any) -> None:  # noqa: F811
    """Play first on the right, then back 15 s, the slider filling from the right, forward 30 s on the left (time
    moves right to left); "−15" printed "15−", "1×" "×1" and the date "19 January 2026" as "January 2026 19" (it is
    Arabic now, "19 يناير 2026", and runs right to left as the page does)."""
    tab = open_page(server.url + EP1)
    left = {name: tab.eval_on_selector(selector, "e => e.getBoundingClientRect().left") for name, selector in
            [("play", "[data-play]"), ("back", "[data-skip='-15']"), ("seek", "[data-seek]"), ("forward", "[data-skip='30']")]}
    assert left["play"] > left["back"] > left["seek"] > left["forward"], left
    assert tab.eval_on_selector("[data-seek]", "e => getComputedStyle(e).direction") == "rtl"
    wait_metadata(tab)  # the theme's own track (style.css) fills from the right too
    tab.evaluate("document.querySelector('[data-player] audio').currentTime = 15")
    tab.wait_for_function("() => document.querySelector('[data-seek]').valueAsNumber === 15")
    seen = track_contrast(tab)
    assert seen["played"] >= 3 and seen["to come"] >= 3, seen
    order = """(selector, first, second) => {  // whether the first word is drawn left of the second
        const node = document.querySelector(selector), range = document.createRange();
        const text = [...node.childNodes].find(n => n.nodeType === 3 && n.data.includes(first) && n.data.includes(second));
        const box = word => { const at = text.data.indexOf(word); range.setStart(text, at); range.setEnd(text, at + word.length);
                              return range.getBoundingClientRect().left; };
        return box(first) < box(second);
    }"""
    assert tab.evaluate(f"({order})('[data-skip=\"-15\"]', '−', '15')")
    assert tab.evaluate(f"({order})('[data-skip=\"30\"]', '+', '30')")
    assert not tab.evaluate(f"({order})('.meta time', '19', 'يناير')")  # the date in Arabic, read from the right
    assert tab.eval_on_selector("[data-rate]", "e => getComputedStyle(e).direction") == "ltr"


def test_the_chapters_and_time_stamps_start_on_the_right(server: SiteServer, open_page: Any) -> None:  # noqa: F811
    tab = open_page(server.url + EP1)
    time, title = tab.evaluate("""() => ['time', 'span'].map(s =>
        document.querySelector('.chapter-link ' + s).getBoundingClientRect().left)""")
    assert time > title
    stamp, speaker = tab.evaluate("""() => { const p = document.querySelector('#transcript strong').parentElement;
        return [p.querySelector('.stamp').getBoundingClientRect().left, p.querySelector('strong').getBoundingClientRect().right]; }""")
    assert stamp > speaker


def test_the_arrows_of_the_index_pages_point_where_their_links_are(server: SiteServer, open_page: Any) -> None:  # noqa: F811
    """"← Newer episodes" stood on the right of a right-to-left page, its arrow pointing away from where it leads."""
    tab = open_page(server.url + "page/2/")
    newer, older = (tab.eval_on_selector(f"a[rel={rel}]", "a => [a.textContent, a.getBoundingClientRect().left]")
                    for rel in ("prev", "next"))
    assert newer[1] > older[1]  # newer on the right, where the page starts
    assert newer[0].startswith("→") and older[0].endswith("←")


def test_the_fragment_on_a_left_to_right_blog_keeps_the_shows_direction(server: SiteServer, browser: Any) -> None:
    fragment = (server.root / EP1 / "player.html").read_text(encoding="utf-8")
    assert 'lang="ar" dir="rtl"' in fragment
    with SiteServer() as blog:
        blog.extra["/post.html"] = ("text/html; charset=utf-8", (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Blog</title></head><body>"
            f"<h1>New episode</h1>{fragment}</body></html>").encode())
        context = browser.new_context(viewport={"width": 600, "height": 800})
        tab = context.new_page()
        tab.goto(blog.url + "post.html")
        assert tab.eval_on_selector(".mediafeed-episode a", "a => getComputedStyle(a).direction") == "rtl"
        assert tab.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "ltr"
        context.close()


def test_a_time_in_the_notes_keeps_its_own_direction(server: SiteServer, open_page: Any) -> None:  # noqa: F811
    """Only the theme's dates and times are set left to right: a ``<time>`` the producer writes in Arabic notes is
    Arabic text, read right to left."""
    tab = open_page(server.url + "episodes/006-deep/")
    assert tab.eval_on_selector(".notes time", "t => getComputedStyle(t).direction") == "rtl"
