"""The ``itunes:`` elements, written the way Apple documents them.

feedgen's own podcast extension writes ``itunes:explicit`` as yes/no/clean and
drops artwork URLs not ending in .jpg/.png; this feedgen extension (the channel's) and
:func:`item_elements` (an item's) write every ``itunes:`` element themselves (``true``/``false``, ``Yes`` for block/complete,
whole-second durations, nested categories).
"""

from __future__ import annotations

from typing import Any

from feedgen.ext.base import BaseExtension
from lxml.etree import SubElement

from .model import Item, Show

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
_I = "{%s}" % ITUNES_NS


def _text(parent: Any, tag: str, value: str, **attrs: str) -> Any:
    element = SubElement(parent, _I + tag)
    for key, attr in attrs.items():
        element.set(key, attr)
    if value:
        element.text = value
    return element


class ItunesExtension(BaseExtension):  # type: ignore[misc]
    show: Show | None = None
    image_url: str = ""

    def extend_ns(self) -> dict[str, str]:
        return {"itunes": ITUNES_NS}

    def extend_rss(self, feed: Any) -> Any:
        show = self.show
        if show is None:
            return feed
        channel = feed[0]
        # no channel itunes:title: it would only repeat <title>, which Apple reads without it, and the W3C feed
        # validator calls a feed with one invalid ("Undefined channel element: itunes:title")
        _text(channel, "author", show.author)
        _text(channel, "summary", show.description)
        _text(channel, "type", show.type)
        owner = _text(channel, "owner", "")
        _text(owner, "name", show.owner.name)
        _text(owner, "email", show.owner.email)
        if self.image_url:
            _text(channel, "image", "", href=self.image_url)
        category = _text(channel, "category", "", text=show.category)
        if show.subcategory:
            _text(category, "category", "", text=show.subcategory)
        _text(channel, "explicit", "true" if show.explicit else "false")
        if show.keywords:
            _text(channel, "keywords", keyword_list(show.keywords))
        if show.new_feed_url:
            _text(channel, "new-feed-url", show.new_feed_url)
        if show.block or "apple" in show.block_services:
            _text(channel, "block", "Yes")
        if show.complete:
            _text(channel, "complete", "Yes")
        return feed


def keyword_list(keywords: tuple[str, ...]) -> str:
    """``itunes:keywords`` as every reader splits it: gPodder's podcastparser splits on ", " alone (a list written
    "a,b" was one keyword there), feedparser and podcast-partytime on "," and strip the spaces."""
    return ", ".join(keywords)


def item_elements(entry: Any, item: Item) -> None:
    """An item's ``itunes:`` elements, appended to ``entry`` (its ``<item>``)."""
    episode = item.episode
    if episode.itunes_title:
        _text(entry, "title", episode.itunes_title)
    _text(entry, "duration", str(item.duration))
    if item.image_url:
        _text(entry, "image", "", href=item.image_url)
    if episode.explicit is not None:
        _text(entry, "explicit", "true" if episode.explicit else "false")
    _text(entry, "episodeType", episode.episode_type)
    if episode.season:
        _text(entry, "season", str(episode.season.number))
    if episode.number:
        _text(entry, "episode", str(episode.number))
    if episode.summary:
        _text(entry, "summary", episode.summary)
    if episode.keywords:
        _text(entry, "keywords", keyword_list(episode.keywords))
    if episode.block:
        _text(entry, "block", "Yes")
