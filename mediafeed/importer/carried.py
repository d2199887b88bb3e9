"""What the old feed's podcast: tags become in show.yml and front matter, held to the build's own rules first.

:mod:`.feedread` reads the channel's and items' tags as the keys a producer would type (``chat``, ``content_links``,
``soundbites`` …). Each entry is read here by the very parser the build uses; one the build would refuse (a chat
server written as an address, a content link over http, a podroll entry without its feed's GUID) is left out and
named (IMP050, the tag, the episode and the build's reason), so the imported show builds, and nothing is dropped
without a word.
"""

from __future__ import annotations

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
from ..source import FieldReader
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
        r.fail("update_frequency", f"dtstart {dtstart!r} is no ISO 8601 date or date-time")
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


def carried(extra: dict[str, Any], file: str, where: str, guid: str = "") -> tuple[dict[str, Any], list[Problem]]:
    """``extra`` without the entries the build would refuse, and an IMP050 for each of them."""
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
            problems.append(warning("IMP050", file, f"{where}: {tag} not imported, as the build would refuse it: "
                                    f"{wrong[0].message}", field=tag, episode=guid,
                                    hint=f"correct it and add it as '{key}:' ({wrong[0].hint or 'docs/feeds.md'})"))
        if kept:
            out[key] = kept if many and (isinstance(value, list) or len(kept) > 1) else kept[0]
    return out, problems
