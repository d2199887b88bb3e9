"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1): ``feed.json`` beside feed.xml.

For sites and readers that prefer JSON. Each episode is an item whose
``attachments`` are the enclosure and its alternate encodings; they share the
episode title, which JSON Feed defines as "alternate representations of the same
thing". Same input, same bytes: keys in a fixed order, no "now".
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, TypeVar

from .jsontext import indented
from .model import Item, Show
from .notes import absolute_urls

#: what an item function gives for each item besides text (a build's writer takes ``streams.Piece`` s)
Chunk = TypeVar("Chunk")

BATCH = 200  #: items rendered (or read from the cache) at a time


def _iso(moment: Any) -> str:
    return moment.isoformat() if moment else ""


def item(entry: Item, show: Show) -> dict[str, Any]:
    episode = entry.episode
    attachments: list[dict[str, Any]] = [{
        "url": entry.enclosure_url,
        "mime_type": entry.media.mime,
        "title": episode.title,
        "size_in_bytes": entry.media.size,
        "duration_in_seconds": entry.duration,
    }]
    for alternate, url in entry.alternates:
        if url == entry.enclosure_url:
            continue
        extra: dict[str, Any] = {"url": url, "mime_type": alternate.mime, "title": episode.title}
        if alternate.length:
            extra["size_in_bytes"] = alternate.length
        extra["duration_in_seconds"] = entry.duration
        attachments.append(extra)
    data: dict[str, Any] = {
        "id": episode.guid,
        "url": entry.page_url,
        "title": episode.title,
        "content_html": absolute_urls(entry.notes_html, entry.page_url) or f"<p>{html.escape(episode.summary or episode.title)}</p>",
    }
    if episode.summary:
        data["summary"] = episode.summary
    data["image"] = entry.image_url
    data["date_published"] = _iso(episode.date)
    if episode.updated:
        data["date_modified"] = _iso(episode.updated)
    persons = episode.persons or show.persons
    if persons:
        data["authors"] = [{"name": p.name, **({"url": p.href} if p.href else {}), **({"avatar": p.img} if p.img else {})}
                           for p in persons]
    if episode.keywords:
        data["tags"] = list(episode.keywords)
    data["language"] = show.language
    data["attachments"] = attachments
    return data


def render_json_feed(show: Show, items: list[Item], *, image_url: str, feed_url: str = "", next_url: str = "",
                     item_json: Callable[[list[Item]], list[str]] | None = None) -> bytes:
    """The JSON Feed document for ``items`` (newest first); ``next_url`` continues with older ones.

    ``item_json`` gives each item's text (default :func:`render_items`); a build passes one that reuses
    the text of unchanged episodes (:mod:`feeditems`).
    """
    return b"".join(json_feed_chunks(show, items, image_url=image_url, feed_url=feed_url, next_url=next_url,
                                     item_json=item_json))


def json_feed_chunks(show: Show, items: list[Item], *, image_url: str, feed_url: str = "", next_url: str = "",
                     item_json: Callable[[list[Item]], Sequence[str | Chunk]] | None = None) -> Iterator[bytes | Chunk]:
    """:func:`render_json_feed`'s bytes in pieces, the items asked of ``item_json`` :data:`BATCH` at a time."""
    doc: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": show.title,
        "home_page_url": show.url,
        "feed_url": feed_url or show.absolute("feed.json"),
        "description": show.description,
    }
    if next_url:
        doc["next_url"] = next_url
    doc["icon"] = image_url
    doc["authors"] = [{"name": show.author, "url": show.url}]
    doc["language"] = show.language
    if show.complete:
        doc["expired"] = True
    doc["items"] = []
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    if not items:
        yield (text + "\n").encode("utf-8")
        return
    # "items" is the last key: the same text as json.dumps of the whole document
    yield (text.removesuffix("[]\n}") + "[\n").encode("utf-8")
    render = item_json or partial(render_items, show=show)
    for start in range(0, len(items), BATCH):
        yield from _separated(render(items[start:start + BATCH]), first=not start)
    yield b"\n  ]\n}\n"


def _separated(parts: Sequence[str | Chunk], first: bool) -> Iterator[bytes | Chunk]:
    """``",\n".join(parts)`` (after a ``",\n"`` unless ``first``) as bytes: text in one chunk, anything else
    (a build's writer takes ``streams.Piece`` s) a chunk of its own between them."""
    text: list[str] = []
    for index, part in enumerate(parts):
        if index or not first:
            text.append(",\n")
        if isinstance(part, str):
            text.append(part)
        else:
            if text:
                yield "".join(text).encode("utf-8")
                text = []
            yield part
    if text:
        yield "".join(text).encode("utf-8")


def render_items(items: list[Item], show: Show) -> list[str]:
    """Each item's text in a feed.json document (indented as an element of ``items``)."""
    return ["    " + indented(item(entry, show), "\n    ") for entry in items]
