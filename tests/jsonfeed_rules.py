"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as rules a test can check a built ``feed.json`` against.

Written from the specification's text, field by field: which keys an object may hold (any key starting with ``_``
is an extension object readers ignore), which are required, their types, URLs that are absolute, and dates in RFC
3339. :func:`violations` returns one line a mistake, naming where it is (``items[2].attachments[0].size_in_bytes``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

#: RFC 3339 section 5.6 ``date-time``: a full date, a time with optional fractions, and ``Z`` or a ``±hh:mm`` offset
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")

_URL, _TEXT, _BOOL, _NUMBER, _DATE, _LIST = "url", "text", "bool", "number", "date", "list"

FEED = {"version": _TEXT, "title": _TEXT, "home_page_url": _URL, "feed_url": _URL, "description": _TEXT,
        "user_comment": _TEXT, "next_url": _URL, "icon": _URL, "favicon": _URL, "authors": _LIST, "language": _TEXT,
        "expired": _BOOL, "hubs": _LIST, "items": _LIST}
ITEM = {"id": _TEXT, "url": _URL, "external_url": _URL, "title": _TEXT, "content_html": _TEXT, "content_text": _TEXT,
        "summary": _TEXT, "image": _URL, "banner_image": _URL, "date_published": _DATE, "date_modified": _DATE,
        "authors": _LIST, "tags": _LIST, "language": _TEXT, "attachments": _LIST}
ATTACHMENT = {"url": _URL, "mime_type": _TEXT, "title": _TEXT, "size_in_bytes": _NUMBER, "duration_in_seconds": _NUMBER}
AUTHOR = {"name": _TEXT, "url": _URL, "avatar": _URL}
HUB = {"type": _TEXT, "url": _URL}


def violations(doc: Any) -> list[str]:
    """Every way ``doc`` (a parsed feed.json) departs from JSON Feed 1.1; empty when it conforms."""
    found: list[str] = []
    _object(doc, FEED, ("version", "title", "items"), "feed", found)
    if not isinstance(doc, dict):
        return found
    if doc.get("version") != "https://jsonfeed.org/version/1.1":
        found.append(f"feed.version: expected 'https://jsonfeed.org/version/1.1', got {doc.get('version')!r}")
    for index, author in enumerate(_list(doc.get("authors"))):
        _author(author, f"feed.authors[{index}]", found)
    for index, hub in enumerate(_list(doc.get("hubs"))):
        _object(hub, HUB, ("type", "url"), f"feed.hubs[{index}]", found)
    ids: set[str] = set()
    for index, item in enumerate(_list(doc.get("items"))):
        where = f"items[{index}]"
        _object(item, ITEM, ("id",), where, found)
        if not isinstance(item, dict):
            continue
        if "content_html" not in item and "content_text" not in item:
            found.append(f"{where}: needs content_html or content_text")
        if item.get("id") in ids:
            found.append(f"{where}.id: {item['id']!r} is not unique")
        ids.add(item.get("id"))
        for key in ("id", "title"):
            if isinstance(item.get(key), str) and not item[key].strip():
                found.append(f"{where}.{key}: empty")
        for number, author in enumerate(_list(item.get("authors"))):
            _author(author, f"{where}.authors[{number}]", found)
        for number, tag in enumerate(_list(item.get("tags"))):
            if not isinstance(tag, str):
                found.append(f"{where}.tags[{number}]: expected text, got {tag!r}")
        for number, attachment in enumerate(_list(item.get("attachments"))):
            spot = f"{where}.attachments[{number}]"
            _object(attachment, ATTACHMENT, ("url", "mime_type"), spot, found)
            if isinstance(attachment, dict) and not re.fullmatch(r"[\w.+-]+/[\w.+-]+", str(attachment.get("mime_type", ""))):
                found.append(f"{spot}.mime_type: expected a type such as audio/mpeg, got {attachment.get('mime_type')!r}")
    return found


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _author(author: Any, where: str, found: list[str]) -> None:
    _object(author, AUTHOR, (), where, found)
    if isinstance(author, dict) and not any(key in author for key in AUTHOR):
        found.append(f"{where}: an author needs at least one of name, url, avatar")


def _object(value: Any, fields: dict[str, str], required: tuple[str, ...], where: str, found: list[str]) -> None:
    if not isinstance(value, dict):
        found.append(f"{where}: expected an object, got {type(value).__name__}")
        return
    for key in required:
        if key not in value:
            found.append(f"{where}: missing {key!r}")
    for key, field in value.items():
        if key.startswith("_"):
            if not isinstance(field, dict):
                found.append(f"{where}.{key}: an extension must be an object")
            continue
        kind = fields.get(key)
        if kind is None:
            found.append(f"{where}.{key}: not a JSON Feed 1.1 key (extensions start with '_')")
        else:
            problem = _check(kind, field)
            if problem:
                found.append(f"{where}.{key}: {problem}")


def _check(kind: str, value: Any) -> str:
    if kind == _BOOL:
        return "" if isinstance(value, bool) else f"expected true or false, got {value!r}"
    if kind == _NUMBER:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
        return "" if ok else f"expected a number of 0 or more, got {value!r}"
    if kind == _LIST:
        return "" if isinstance(value, list) else f"expected a list, got {value!r}"
    if not isinstance(value, str):
        return f"expected text, got {value!r}"
    if kind == _DATE and not RFC3339.fullmatch(value):
        return f"expected an RFC 3339 date-time, got {value!r}"
    if kind == _URL:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
            return f"expected an absolute http(s) URL, got {value!r}"
    return ""
