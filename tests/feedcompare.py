"""Old feed against new feed, item by item, as subscribers' apps see them (feedparser, podcastparser, the XML).

``differences(old, new)`` lists every promise of a move that the new feed breaks: an episode's GUID (text and
isPermaLink), number, season, type, title, pubDate (the same moment and offset), duration and explicit flag, and the
channel's podcast:guid. An empty list means no subscriber notices the move.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser
import lxml.html
import podcastparser
from lxml import etree

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


def _text(element: Any, path: str) -> str:
    found = element.find(path)
    return "".join(found.itertext()).strip() if found is not None else ""


def _permalink(guid: Any) -> bool:
    """RSS 2.0: a guid without isPermaLink is a permalink. One that is no URL cannot be (the W3C validator refuses
    it; mediafeed's EP125): the new feed marks it isPermaLink="false" on purpose, and its text is unchanged."""
    return (guid.get("isPermaLink") or "true").strip().lower() != "false" and _is_url("".join(guid.itertext()).strip())


def _is_url(text: str) -> bool:
    return bool(re.match(r"^https?://\S+$", text))


def _number(value: str) -> int | str:
    """As apps read itunes:episode and itunes:season: "007" is 7."""
    return int(value) if value.isdigit() else value


def _explicit(value: str, default: str) -> str:
    value = (value or default).strip().lower()
    return {"yes": "true", "explicit": "true", "no": "false", "clean": "false"}.get(value, value)


def _date(value: str) -> datetime:
    """RFC 5322: "-0000" is UTC with the local zone unknown (Python gives it no zone): the same moment as +0000."""
    moment = parsedate_to_datetime(" ".join(value.split()))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _words(notes: str) -> str:
    """The notes' words as a reader sees them (tags, entities and spacing aside)."""
    if not notes.strip():
        return ""
    return " ".join(lxml.html.fromstring(f"<div>{notes}</div>").text_content().split())


def _image(element: Any) -> str:
    image = element.find(f"{ITUNES}image")
    return (image.get("href") or "").strip() if image is not None else ""


def _xml_items(data: bytes) -> tuple[Any, dict[str, dict[str, Any]]]:
    channel = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, recover=True)).find("channel")
    items: dict[str, dict[str, Any]] = {}
    for item in channel.findall("item"):
        guid = item.find("guid")
        key = "".join(guid.itertext()).strip() if guid is not None else item.find("enclosure").get("url")
        items.setdefault(key, {  # of two items with one GUID, the first (the one the import keeps, IMP012)
            "isPermaLink": _permalink(guid) if guid is not None else None,
            "itunes:episode": _number(_text(item, f"{ITUNES}episode")),
            "itunes:season": _number(_text(item, f"{ITUNES}season")),
            "itunes:episodeType": _text(item, f"{ITUNES}episodeType").lower() or "full",
            "explicit": _explicit(_text(item, f"{ITUNES}explicit"), _text(channel, f"{ITUNES}explicit")),
            "pubDate": _date(_text(item, "pubDate")),
            # what the episode carries besides: its own artwork, block, people, transcripts, chapters
            "own artwork": _image(item) not in ("", _image(channel)),
            "itunes:block": _text(item, f"{ITUNES}block").lower() == "yes",
            "podcast:person": sorted("".join(p.itertext()).strip() for p in item.findall(f"{PODCAST}person")),
            "podcast:transcript": len(item.findall(f"{PODCAST}transcript")),
            "podcast:chapters": item.find(f"{PODCAST}chapters") is not None,
            "notes": _words(_text(item, f"{CONTENT}encoded") or _text(item, "description") or _text(item, f"{ITUNES}summary")),
        })
    return channel, items


def _by_guid(entries: list[Any], key: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for entry in entries:
        out.setdefault(entry.get(key) or "", entry)
    return out


def differences(old: bytes, new: bytes) -> list[str]:
    """What the new feed says differently from the old one, one line per broken promise."""
    problems = []
    old_channel, old_items = _xml_items(old)
    new_channel, new_items = _xml_items(new)
    if _text(old_channel, f"{PODCAST}guid") and _text(old_channel, f"{PODCAST}guid") != _text(new_channel, f"{PODCAST}guid"):
        problems.append(f"podcast:guid {_text(old_channel, f'{PODCAST}guid')!r} became {_text(new_channel, f'{PODCAST}guid')!r}")
    old_pp = _by_guid(podcastparser.parse("http://old/feed", io.BytesIO(old))["episodes"], "guid")
    new_pp = _by_guid(podcastparser.parse("http://new/feed", io.BytesIO(new))["episodes"], "guid")
    old_fp = _by_guid(feedparser.parse(old).entries, "id")
    new_fp = _by_guid(feedparser.parse(new).entries, "id")
    # (feedparser's guidislink is not compared: it depends on whether <link> comes before <guid>; isPermaLink is)
    for guid, was in old_items.items():
        now = new_items.get(guid)
        if now is None:
            problems.append(f"{guid!r}: missing from the new feed (the GUID apps know it by)")
            continue
        for key, value in was.items():
            if key == "pubDate":
                if value != now[key] or value.utcoffset() != now[key].utcoffset():
                    problems.append(f"{guid!r}: pubDate {value.isoformat()} became {now[key].isoformat()}")
            elif key == "isPermaLink" and value is None:
                pass  # no guid: apps knew it by its enclosure URL, which is its GUID now (IMP011)
            elif key == "notes" and value in now[key]:
                pass  # the build may add to them (a chapter list, a transcript link)
            elif key == "podcast:transcript" and now[key] >= value:
                pass  # the build may add a form (an SRT beside a VTT)
            elif value != now[key]:
                problems.append(f"{guid!r}: {key} {value!r} became {now[key]!r}")
        for name, before, after, fields in (
                ("podcastparser", old_pp, new_pp, ("guid", "title", "published", "total_time", "number", "type")),
                ("feedparser", old_fp, new_fp, ("id", "title", "published_parsed"))):
            if guid not in before:
                continue
            if guid not in after:
                problems.append(f"{guid!r}: {name} does not find it in the new feed")
                continue
            for key in fields:
                if key == "total_time" and not before[guid].get(key):
                    continue  # the old feed did not say; the new one says the real length
                if key == "type" and {before[guid].get(key), after[guid].get(key)} <= {None, "full"}:
                    continue  # no itunes:episodeType means full
                if before[guid].get(key) != after[guid].get(key):
                    problems.append(f"{guid!r}: {name} {key} {before[guid].get(key)!r} became {after[guid].get(key)!r}")
    return problems
