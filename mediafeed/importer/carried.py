"""What the old feed's podcast: tags become in show.yml and front matter, held to the build's own rules first.

:mod:`.feedread` reads the channel's and items' tags as the keys a producer would type (``chat``, ``content_links``,
``soundbites`` …). Each entry is read here by the very parser the build uses; one the build would refuse (a chat
server written as an address, a content link over http, a podroll entry without its feed's GUID) is left out and
named (IMP050, the tag, the episode and the build's reason), so the imported show builds, and nothing is dropped
without a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..config import (
    _publisher,
    is_dtstart,
    parse_funding,
    parse_license,
    parse_locations,
    parse_txt,
    read_artwork_alt,
    rrule_problem,
)
from ..episodes import read_alternate, read_soundbite
from ..errors import Problem, Severity, warning
from ..social import parse_chat, parse_content_links
from ..source import FieldReader, quoted
from ..value import read_remote_item


def _errors(reader: FieldReader) -> list[Problem]:
    return [p for p in reader.problems if p.severity == Severity.ERROR]


def _chat(r: FieldReader) -> None:
    parse_chat(r, "chat")


def _content_links(r: FieldReader) -> None:
    parse_content_links(r, "content_links")


def _publisher_entry(r: FieldReader) -> None:
    _publisher(r)


def _txt(r: FieldReader) -> None:
    parse_txt(r, "txt")


def _podroll(r: FieldReader) -> None:
    sub = r.sub(r.list("podroll")[0], "podroll")
    if sub:
        read_remote_item(sub, "SRC010")
        r.adopt(sub)


def _location(r: FieldReader) -> None:
    parse_locations(r, r.raw("location"), "location")


def _license(r: FieldReader) -> None:
    parse_license(r, r.raw("license"), "license")


def _funding(r: FieldReader) -> None:
    parse_funding(r, r.list("funding")[0], "funding")


def _soundbite(r: FieldReader) -> None:
    read_soundbite(r, r.list("soundbites")[0], 0)


def _alternate(r: FieldReader) -> None:
    read_alternate(r, r.list("alternate_enclosures")[0], 0, None)


def _artwork_alt(r: FieldReader) -> None:
    read_artwork_alt(r)


def _update_frequency(r: FieldReader) -> None:
    said = r.raw("update_frequency")
    rrule, dtstart = str(said.get("rrule", "")), str(said.get("dtstart", ""))
    if dtstart and not is_dtstart(dtstart):
        r.fail("update_frequency", f"dtstart {quoted(dtstart)} is no ISO 8601 date or date-time")
    wrong = rrule_problem(rrule, dtstart) if rrule else None
    if wrong:
        r.fail("update_frequency", wrong[0])
    if rrule and not said.get("text"):
        r.fail("update_frequency", "an rrule without the schedule in words apps show")


#: key → (the tag it came from, how the build reads one entry, whether the key holds a list of entries)
READERS: dict[str, tuple[str, Callable[[FieldReader], None], bool]] = {
    "chat": ("podcast:chat", _chat, False),
    "content_links": ("podcast:contentLink", _content_links, True),
    "publisher": ("podcast:publisher", _publisher_entry, False),
    "txt": ("podcast:txt", _txt, True),
    "podroll": ("podcast:podroll", _podroll, True),
    "location": ("podcast:location", _location, True),
    "license": ("podcast:license", _license, False),
    "funding": ("podcast:funding", _funding, True),
    "soundbites": ("podcast:soundbite", _soundbite, True),
    "alternate_enclosures": ("podcast:alternateEnclosure", _alternate, True),
    "update_frequency": ("podcast:updateFrequency", _update_frequency, False),
    "artwork_alt": ("podcast:image alt", _artwork_alt, False),
}


#: an alternate enclosure's further source, as a problem's field names it
_SOURCE_FIELD = re.compile(r"^alternate_enclosures\[0\]\.sources\[(\d+)\]")


def _without_bad_sources(entry: Any, wrong: list[Problem], file: str, where: str,
                         guid: str) -> tuple[Any, list[Problem]]:
    """An alternate enclosure the build refuses only for some of its further ``sources`` (an IPFS address with a
    direction control, a magnet link's markup): the entry without them, and an IMP050 naming each, when the build
    takes what is left; else (None, [])."""
    why: dict[int, Problem] = {}  #: each refused source's index → the build's first reason
    for problem in wrong:
        found = _SOURCE_FIELD.match(problem.field or "")
        if not found:  # (the alternate itself is refused)
            return None, []
        why.setdefault(int(found.group(1)), problem)
    if not isinstance(entry, dict) or not isinstance(entry.get("sources"), list):
        return None, []
    kept = {**entry, "sources": [s for n, s in enumerate(entry["sources"]) if n not in why]}
    if not kept["sources"]:
        del kept["sources"]
    reader = FieldReader({"alternate_enclosures": [kept]}, file, episode=guid)
    _alternate(reader)
    if _errors(reader):
        return None, []
    named = []
    for index, problem in sorted(why.items()):
        source = entry["sources"][index]
        uri = source.get("uri", "") if isinstance(source, dict) else str(source)
        named.append(warning("IMP050", file, f"{where}: the podcast:source {quoted(uri)} of podcast:alternateEnclosure "
                             f"{quoted(entry.get('title') or entry.get('url', ''))} not imported, as the build would "
                             f"refuse it: {problem.message}; the alternate is imported with its other addresses",
                             field="podcast:source", episode=guid,
                             hint=f"correct it and add it to the alternate's 'sources:' ({problem.hint or 'docs/feeds.md'})"))
    return kept, named


def carried(extra: dict[str, Any], file: str, where: str, guid: str = "") -> tuple[dict[str, Any], list[Problem]]:
    """``extra`` without the entries the build would refuse, and an IMP050 for each of them (an alternate enclosure
    refused for some of its sources alone: without those, naming each)."""
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in extra.items():
        if key not in READERS:
            out[key] = value
            continue
        tag, read, many = READERS[key]
        entries = value if many and isinstance(value, list) else [value]
        kept = []
        for entry in entries:
            reader = FieldReader({key: [entry] if many else entry}, file, episode=guid)
            read(reader)
            wrong = _errors(reader)
            if not wrong:
                kept.append(entry)
                continue
            if key == "alternate_enclosures":
                rescued, named = _without_bad_sources(entry, wrong, file, where, guid)
                if rescued is not None:
                    kept.append(rescued)
                    problems += named
                    continue
            problems.append(warning("IMP050", file, f"{where}: {tag} not imported, as the build would refuse it: "
                                    f"{wrong[0].message}", field=tag, episode=guid,
                                    hint=f"correct it and add it as '{key}:' ({wrong[0].hint or 'docs/feeds.md'})"))
        if kept:
            out[key] = kept if many and (isinstance(value, list) or len(kept) > 1) else kept[0]
    return out, problems
