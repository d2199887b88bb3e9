"""The older episodes of a paged or archived feed (RFC 5005), which a show with a big back catalogue links to.

A feed that holds only its newest episodes links the rest with ``<atom:link rel="next">`` (paged, section 3) or
``rel="prev-archive"`` (archived, section 4): mediafeed's own ``feed_limit`` writes both, and gPodder and AntennaPod
follow them. Importing only the first document would move the show without its back catalogue and say nothing: the
new feed, once published, would end where the old first page ended. Each older document is read as the first is
(same limits, same problems), up to :data:`MAX_PAGES` and :data:`~mediafeed.checks.feedxml.MAX_ITEMS` episodes in all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from lxml import etree

from ..checks.feedxml import MAX_ITEMS
from ..errors import InputError, Problem, error, warning
from .document import parse, parser
from .feedread import EpisodeRecord, ShowRecord, join

ATOM = "{http://www.w3.org/2005/Atom}"
#: a back catalogue of 1,000 documents is far beyond any show (feed_limit 100 and 100,000 episodes)
MAX_PAGES = 1000
OLDER = ("next", "prev-archive")  #: the relations that lead to older episodes, paged and archived
_OLDER_REL = re.compile(rb"""rel\s*=\s*["']\s*(?:next|prev-archive)\s*["']""")


def older_link(data: bytes) -> str:
    """The href of the channel's first ``atom:link`` to older episodes; "" when there is none (or the bytes need the
    lenient reading that :func:`parse` did: such a feed is rarely paged)."""
    if not _OLDER_REL.search(data):
        return ""  # most feeds: no second parse of up to 64 MB
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError:
        return ""
    channel = root.find("channel") if root is not None else None
    links: list[Any] = channel.findall(f"{ATOM}link") if channel is not None else []
    for rel in OLDER:
        for link in links:
            if (link.get("rel") or "").strip() == rel and (link.get("href") or "").strip():
                return str(link.get("href")).strip()
    return ""


def _reader(source: str, read_source: Callable[[str], tuple[bytes, str]]) -> tuple[str, Callable[[str], bytes]]:
    """Where ``source`` is, as a URL its links are relative to, and how to read one of them. A feed file's pages
    may be files beside it; a feed from the web reaches only http(s) (never ``file:`` on this machine)."""
    remote = urlsplit(source).scheme.lower() in ("http", "https")
    address = source if remote else Path(source).resolve().as_uri()

    def read(target: str) -> bytes:
        scheme = urlsplit(target).scheme.lower()
        if scheme == "file" and not remote:
            return read_source(url2pathname(urlsplit(target).path))[0]
        if scheme not in ("http", "https"):
            raise InputError(error("IMP001", target, "not an http(s) address"))
        return read_source(target)[0]

    return address, read


def older_episodes(first: bytes, source: str, read_source: Callable[[str], tuple[bytes, str]],
                   problems: list[Problem]) -> list[EpisodeRecord]:
    """Every episode of the documents the feed ``first`` (read from ``source``) links to, older and older, in that
    order; ``read_source`` reads one document (a path or an http(s) URL), raising InputError."""
    episodes: list[EpisodeRecord] = []
    address, read = _reader(source, read_source)
    seen = {address}
    data, here = first, address
    for _ in range(MAX_PAGES):
        href = older_link(data)
        if not href:
            return episodes
        target = join(here, href)
        if target in seen:
            problems.append(warning("IMP019", source, f"the older pages loop back to {target}; read up to there",
                                    field="atom:link", hint="nothing to do if every episode arrived; else import the "
                                    "missing ones from a saved copy of the page that lists them"))
            return episodes
        seen.add(target)
        try:
            data = read(target)
            record: ShowRecord
            record, found = parse(data, target)
        except InputError as exc:
            why = exc.problems[0].message if exc.problems else str(exc)
            problems.append(warning("IMP019", source, f"cannot read the older episodes at {target}: {why}; the episodes "
                                    "listed there and in the pages before them are not imported", field="atom:link",
                                    hint="run the import again when that page answers (what is imported is kept), or "
                                    "save it and import the file as well"))
            return episodes
        problems.extend(found)
        episodes.extend(record.episodes)
        here = target
        if len(episodes) > MAX_ITEMS:
            problems.append(warning("IMP019", source, f"the older pages hold over {MAX_ITEMS:,} episodes; stopped at "
                                    f"{target}", field="atom:link", hint="is this really one show's feed?"))
            return episodes
    problems.append(warning("IMP019", source, f"the feed links over {MAX_PAGES:,} older pages; stopped at {here}",
                            field="atom:link", hint="is this really one show's feed?"))
    return episodes
