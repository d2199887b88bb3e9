"""Subscriber safety for any feed: what changed since a previous copy of it.

Apps remember an episode by its GUID and its file by URL and length. Compared
with the feed subscribers already have (``--previous OLD.xml`` or a URL), these
changes hurt them, with the same codes ``published.json`` uses for shows:

* LED001: a published episode's GUID changed (same enclosure URL, or same title
  and date, under a new GUID): every app downloads it again;
* LED002: a GUID's enclosure URL changed;
* LED003: the file at the same URL changed length (re-cut in place);
* LED004: the channel's ``podcast:guid`` changed;
* LED005 (warning): an episode is gone;
* LED006 (warning): the feed's self URL changed without ``itunes:new-feed-url``.
"""

from __future__ import annotations

from ..errors import Problem
from ..records import frozen
from .channel import self_url
from .feedxml import FeedDoc, child, text
from .items import duration_seconds
from .rules import problem

ACCEPT_HINT = "if this is deliberate, --ignore {code} for this run"


@frozen
class Entry:
    guid: str
    url: str
    length: str
    duration: float | None
    title: str
    date: str


def entries(doc: FeedDoc) -> list[Entry]:
    out = []
    for item in doc.items():
        enclosure = child(doc, item, "enclosure")
        duration = text(doc, item, "itunes:duration")
        out.append(Entry(
            guid=text(doc, item, "guid") or "",
            url=((enclosure.get("url") or "").strip() if enclosure is not None else ""),
            length=((enclosure.get("length") or "").strip() if enclosure is not None else ""),
            duration=duration_seconds(duration) if duration else None,
            title=text(doc, item, "title") or "",
            date=text(doc, item, "pubDate") or "",
        ))
    return out


def compare(previous: FeedDoc, current: FeedDoc) -> list[Problem]:
    src = current.source
    out: list[Problem] = []
    old_guid, new_guid = text(previous, previous.channel, "podcast:guid"), text(current, current.channel, "podcast:guid")
    if old_guid and new_guid and old_guid != new_guid:
        out.append(problem("LED004", src, f"podcast:guid changed from {old_guid} to {new_guid}", field="podcast:guid",
                           hint=f"restore <podcast:guid>{old_guid}</podcast:guid>; it stays when the feed moves"))
    old_self, new_self = self_url(previous), self_url(current)
    moved_to = text(previous, previous.channel, "itunes:new-feed-url") or text(current, current.channel, "itunes:new-feed-url")
    if old_self and new_self and old_self != new_self and moved_to != new_self:
        out.append(problem("LED006", src, f"the feed's self URL changed from {old_self} to {new_self}", field="atom:link@href",
                           hint=f"answer {old_self} with a 301 to the new URL and add <itunes:new-feed-url>{new_self}</itunes:new-feed-url>"))
    now = entries(current)
    by_guid = {e.guid: e for e in now if e.guid}
    by_url = {e.url: e for e in now if e.url}
    by_title = {(e.title, e.date): e for e in now if e.title}
    for old in entries(previous):
        if not old.guid:
            continue
        new = by_guid.get(old.guid)
        if new is not None:
            out += _same_guid(src, old, new)
            continue
        moved = by_url.get(old.url) if old.url else None
        if moved is None and old.title:
            moved = by_title.get((old.title, old.date))
        if moved is not None and moved.guid not in {e.guid for e in entries(previous)}:
            out.append(problem("LED001", src, f"GUID changed from {old.guid!r} to {moved.guid!r}", field="guid",
                               episode=moved.guid or old.guid,
                               hint=f"restore <guid>{old.guid}</guid>; a new GUID makes every app download the episode again"))
        else:
            out.append(problem("LED005", src, f"published episode {old.title or old.guid!r} is no longer in the feed",
                               field="item", episode=old.guid,
                               hint="subscribers keep their copy; restore it if this was a mistake"))
    return out


def _same_guid(src: str, old: Entry, new: Entry) -> list[Problem]:
    if old.url and new.url and old.url != new.url:
        return [problem("LED002", src, f"enclosure URL changed from {old.url} to {new.url}", field="enclosure@url", episode=new.guid,
                        hint="keep the published URL unless the file was re-cut; " + ACCEPT_HINT.format(code="LED002"))]
    changed_length = old.length.isdigit() and new.length.isdigit() and old.length != new.length
    changed_duration = old.duration is not None and new.duration is not None and abs(old.duration - new.duration) > 1.0
    if changed_length or changed_duration:
        what = f"length {old.length} → {new.length} bytes" if changed_length else \
            f"duration {old.duration:.0f} s → {new.duration:.0f} s"  # type: ignore[str-format]
        return [problem("LED003", src, f"the file at the same URL changed ({what})", field="enclosure@length", episode=new.guid,
                        hint="publish a re-cut file under a new file name (Apple's player loops on a file that "
                        "changed length); keep the GUID")]
    return []

