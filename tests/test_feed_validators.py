"""What third-party validators hold the feed to, asserted as properties of the feed and of ``mediafeed check``.

The W3C feed validator (validator.w3.org/feed; Cast Feed Validator runs its RSS checks) is not on PyPI or Debian, so
it does not run here: each test asserts the property it checks. docs/feeds.md ("What apps and validators say about
the feed") lists what it still says and why that is the validator's, not the feed's.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import feedparser
from helpers import GOLDEN_NOW
from lxml import etree

from mediafeed.build import build

NOW = datetime.fromisoformat(GOLDEN_NOW)
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def test_the_channel_has_no_itunes_title_repeating_its_title(show: Path) -> None:
    """A channel's itunes:title only repeated <title> (Apple reads <title> without it), and the W3C feed validator
    calls every feed with one invalid ("Undefined channel element: itunes:title", an error). An episode's
    itunes:title (front matter ``itunes_title``) stays: Apple shows it in place of the item's title."""
    site = build(show, now=NOW).output
    channel = etree.parse(str(site / "feed.xml")).getroot().find("channel")
    assert channel.find(ITUNES + "title") is None
    assert channel.findtext("title") == "Safe to Say"
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert parsed.feed.title == "Safe to Say" and not parsed.bozo
