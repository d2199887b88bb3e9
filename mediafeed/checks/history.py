"""Subscriber safety for any feed: what changed since a previous copy of it.

Apps remember an episode by its GUID and its file by URL and length. Compared
with the feed subscribers already have (``--previous OLD.xml`` or a URL), these
changes hurt them, with the same codes ``published.json`` uses for shows:

* LED001: a published episode's GUID changed (same enclosure URL, or same title
  and date, under a new GUID): every app downloads it again;
* LED002: a GUID's enclosure URL changed (one problem, listing the episodes in ``episodes``, when many moved
  from one base URL to another: a new host, a CDN, a tracking prefix);
* LED003: the file at the same URL changed length (re-cut in place);
* LED004: the channel's ``podcast:guid`` changed;
* LED005 (warning): an episode is gone;
* LED006 (warning): the feed's self URL changed without ``itunes:new-feed-url``.
"""

from __future__ import annotations

from ..errors import Problem
from ..records import frozen
from ..source import quoted
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
    before = entries(previous)
    old_guids = {e.guid for e in before}  # once: a set per old episode made --previous quadratic (41 s at 2,000 × 10,000)
    moves: dict[tuple[str, str], list[Problem]] = {}  # (old base, new base) → the LED002 of its episodes
    for old in before:
        if not old.guid:
            continue
        new = by_guid.get(old.guid)
        if new is not None:
            for found in _same_guid(src, old, new):
                base = _base_move(old.url, new.url) if found.code == "LED002" else None
                if base:
                    moves.setdefault(base, []).append(found)
                else:
                    out.append(found)
            continue
        moved = by_url.get(old.url) if old.url else None
        if moved is None and old.title:
            moved = by_title.get((old.title, old.date))
        if moved is not None and moved.guid not in old_guids:
            out.append(problem("LED001", src, f"GUID changed from {quoted(old.guid, 200)} to {quoted(moved.guid, 200)}", field="guid",
                               episode=moved.guid or old.guid,
                               hint=f"restore <guid>{old.guid}</guid>; a new GUID makes every app download the episode again"))
        else:
            out.append(problem("LED005", src, f"published episode {quoted(old.title or old.guid, 200)} is no longer in the feed",
                               field="item", episode=old.guid,
                               hint="subscribers keep their copy; restore it if this was a mistake"))
    for (old_base, new_base), group in moves.items():
        out.append(group[0] if len(group) == 1 else _host_moved(src, old_base, new_base, group))
    return out


def _base_move(old: str, new: str) -> tuple[str, str] | None:
    """(old base, new base) when ``old`` and ``new`` end in the same path segments, at least the file name
    (``https://old.example.com/media/ep1.mp3`` → ``https://cdn.example.net/show/ep1.mp3``): the feed moved host."""
    old_parts, new_parts = old.split("/"), new.split("/")
    same = 0
    while same < min(len(old_parts), len(new_parts)) - 1 and old_parts[-1 - same] == new_parts[-1 - same]:
        same += 1
    if not same:
        return None
    return "/".join(old_parts[:-same]) + "/", "/".join(new_parts[:-same]) + "/"


#: episodes named in a grouped LED002's message (all of them are in its ``episodes``: ``--format json``)
_NAMED = 3


def _host_moved(src: str, old_base: str, new_base: str, found: list[Problem]) -> Problem:
    """One LED002 for the enclosure URLs that all moved from ``old_base`` to ``new_base`` (a feed of 300 episodes that
    changed host got 300 lines saying the same), as a show's build reports show.yml's ``url`` moving."""
    guids = tuple(p.episode for p in found)
    named = ", ".join(guids[:_NAMED]) + (f" and {len(guids) - _NAMED} more" if len(guids) > _NAMED else "")
    return problem("LED002", src, f"the enclosure URLs of {len(guids)} published episodes changed from {old_base}… to "
                   f"{new_base}… ({named})", field="enclosure@url", episodes=guids,
                   hint=f"keep the media at {old_base} or answer every old URL with a 301 redirect to the new one (apps "
                   "that have not downloaded an episode yet fetch the old URL); " + ACCEPT_HINT.format(code="LED002")
                   + " ('--format json' lists every episode)")


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

