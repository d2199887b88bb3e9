"""The feed rules, run on the feed a show would publish (rendered in memory, never written).

So a show is held to exactly the rules ``mediafeed check FEED`` applies to any
feed on the web. Problems are moved back to where the podcaster can fix them:
channel elements to their show.yml key, item elements to the episode's
``episode.md`` key (the feed element stays in the message).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from .. import codec, incremental, parallel
from ..addresses import plain_http
from ..config import SHOW_FILE
from ..dates import source_date
from ..errors import MediaError, Problem, Severity
from ..lazypattern import lazy
from . import feedxml

if TYPE_CHECKING:
    from ..cache import Cache
    from ..model import Item, RenderedNotes
    from ..project import Project
    from ..render import Renderer

FEED_FILE = "feed.xml"
LINT_TABLE = "feedlint"
#: part of every key: a change to the item rules must not reuse older results (2: EP124 URLs, EP126, EP127, PI016,
#: PI017, itunes:summary; 3: podcast:value, podcast:socialInteract; 4: the namespace's structure, PI018-PI022;
#: 5: audio/aac an EP106 warning on an .m4a; 6: EP020/EP021 on itunes:title and numbers at a title's end, EP109 for a
#: GUID that is the title; 7: PI026; 8: a decimal podcast:season is PI012, the PI012/PI014/PI015 and EP111 zone wording;
#: 9: PI017 for a role in another taxonomy group, PI027; 10: podcast:chat's protocol and server, podcast:publisher, an
#: onion source; 11: EP107 for a URL without a media extension, EP111 for 'Mon,04' and a zone off the earth, EP137,
#: EP138 (Apple's 255 characters); 12: EP139, a title's bracketed word AntennaPod drops; 13: PI021 for a transcript's
#: rel and language, an alternate's lang, valueRecipient fee, podcast:images srcset, liveItem; EP010 for full episodes
#: only; EP111's zone comment, the .localhost loopback rule; 14: an item's problems named by its GUID as written, white
#: space at either end kept)
LINT_FORMAT = 14
LINT_BATCH = 200  #: items linted in one document
#: codes the source rules already report, with the episode's own file and key
COVERED = frozenset({"EP001", "EP010", "EP011", "EP012", "EP020", "EP021", "EP137", "MED010", "CHP020", "CHP021", "PI026"}
                    | {f"VAL{n:03}" for n in range(1, 22)} | {f"SOC{n:03}" for n in range(1, 6)})
CHANNEL_FIELDS = {
    "title": "title", "description": "description", "link": "url", "language": "language",
    "itunes:image": "artwork", "itunes:image@href": "artwork", "podcast:image@href": "artwork", "itunes:category": "category",
    "itunes:category@text": "category", "itunes:category/itunes:category@text": "subcategory",
    "itunes:explicit": "explicit", "atom:link": "feed_url", "itunes:author": "author", "itunes:owner": "owner",
    "itunes:type": "type", "copyright": "copyright", "itunes:new-feed-url": "new_feed_url",
    "podcast:guid": "podcast_guid", "podcast:locked": "locked", "podcast:locked@owner": "locked_owner",
    "podcast:medium": "medium", "podcast:funding": "funding", "podcast:person": "persons", "podcast:license": "license",
    "itunes:summary": "description", "itunes:owner/itunes:email": "owner", "podcast:funding@url": "funding",
    "podcast:person@role": "persons", "podcast:person@group": "persons",
    "podcast:socialInteract@uri": "social", "podcast:socialInteract@accountUrl": "social",
    "podcast:location": "location", "podcast:location@country": "location", "podcast:txt": "txt",
    "podcast:txt@purpose": "txt", "podcast:updateFrequency": "update_frequency",
    "podcast:remoteItem@medium": "podroll", "podcast:remoteItem@feedGuid": "podroll",
    "podcast:publisher": "publisher", "podcast:publisher/podcast:remoteItem@feedUrl": "publisher",
    "podcast:publisher/podcast:remoteItem@medium": "publisher", "podcast:chat@server": "chat",
    "podcast:chat@protocol": "chat", "podcast:chat": "chat", "podcast:image@alt": "artwork_alt",
}
ITEM_FIELDS = {
    "title": "title", "enclosure": "audio", "enclosure@url": "audio", "enclosure@length": "audio",
    "enclosure@type": "audio", "guid": "guid", "pubDate": "date", "description": "notes", "itunes:duration": "audio",
    "itunes:explicit": "explicit", "itunes:episodeType": "type", "itunes:season": "season", "itunes:episode": "episode",
    "itunes:image@href": "artwork", "podcast:image@href": "artwork", "podcast:transcript": "transcript", "podcast:chapters": "chapters",
    "podcast:person": "persons", "podcast:funding": "funding", "podcast:license": "license",
    "podcast:soundbite": "soundbites", "podcast:alternateEnclosure": "alternate_enclosures",
    "itunes:summary": "summary", "podcast:funding@url": "funding", "podcast:person@role": "persons",
    "podcast:person@group": "persons",
    "podcast:socialInteract@uri": "social", "podcast:socialInteract@accountUrl": "social",
    "podcast:episode@display": "episode_display", "podcast:season@name": "season_name", "podcast:location": "location",
    "podcast:location@country": "location", "podcast:txt": "txt", "podcast:txt@purpose": "txt",
    "podcast:alternateEnclosure@title": "alternate_enclosures", "podcast:remoteItem@medium": "value",
    "podcast:chat@server": "chat", "podcast:chat@protocol": "chat", "podcast:chat": "chat",
    "podcast:contentLink": "content_links", "podcast:contentLink@href": "content_links",
    "podcast:source@uri": "alternate_enclosures", "podcast:image@alt": "artwork_alt",
    "content:encoded": "notes", "itunes:title": "itunes_title",
    "podcast:trailer": "title",  # (the channel's podcast:trailer, named by the trailer episode it plays)
}


def render(project: Project, items: list[Item]) -> bytes:
    """The bytes ``build`` would write as feed.xml."""
    from ..output import Site
    from ..render import Renderer

    site = Site()
    Renderer(project, _build_date(items)).feeds(site, items)
    planned = site.files[FEED_FILE]
    return planned.data or b""


def document(project: Project, items: list[Item]) -> tuple[feedxml.FeedDoc | None, list[Problem]]:
    return feedxml.parse(render(project, items), FEED_FILE)


def feed_rules(project: Project, items: list[Item], cache: Cache | None = None) -> list[Problem]:
    """Every feed rule on the show's own feed, located in show.yml and episode.md files.

    The same problems as linting the whole feed.xml, without rendering and parsing all of it: an item's
    problems depend on its ``<item>`` bytes, its label and the show's title alone (the rules that compare
    items with each other report codes in :data:`COVERED`), so they are kept in the cache's
    ``feedlint`` table, keyed by those (the bytes by the input key they are kept under, see
    :mod:`feeditems`), and only new or changed items are linted, inside a document with the real
    channel (which is linted every time: it is small).
    """
    from ..archives import plan
    from ..cache import Cache
    from ..feeditems import FeedFrames
    from ..render import Renderer

    assert project.show is not None
    if not (project.show.title.strip() and project.show.description.strip()):
        # no channel can be rendered without them (feedgen refuses it); show.yml's SRC010/SRC011 says what to write
        return []
    cache = cache or Cache(None)
    # renders the items to lint, keeps none (the build keeps its own), and keeps the channel (feeditems.FeedFrames)
    renderer = Renderer(project, _build_date(items), frames=FeedFrames(cache, "lint"))
    page = plan(project.show, items)[0]
    if cache.unjournaled and _pooled_lint(len(page.items)):
        # a new cache (a cold build) knows no item's problems: every item is linted, by workers forked for it (they
        # inherit the renderer): the build's workers until now (the notes') end meanwhile, not waited for at that fork
        parallel.release()
    # an item's <item> bytes are a function of its input key (feeditems), so its problems can be kept under it
    # (the tag is the key itself, not a hash of it: a rebuild makes one for every item of the feed)
    title = incremental.digest(project.show.title)
    tags = {item.episode.slug: f"{LINT_FORMAT}:{key}:{title}:{'' if item.episode.guid.strip() else index}"
            for index, item in enumerate(page.items) if (key := renderer.feed_items.key(item))}
    known: dict[str, list[Problem]] = {}
    for slug, text in cache.get_many(LINT_TABLE, tags, text=True).items():
        if text == "[]":  # most items have no problem: no JSON to decode
            known[slug] = []
            continue
        try:
            known[slug] = [Problem.from_dict(p) for p in json.loads(text)]
        except (TypeError, KeyError, ValueError, AttributeError):
            continue  # not what mediafeed wrote: lint the item again
    todo = [index for index, item in enumerate(page.items) if item.episode.slug not in known]
    # the channel's rules ask whether the feed has items: give it at least one
    linted = todo or list(range(min(1, len(page.items))))
    head, tail = renderer.rss_frame(page, items)
    problems: list[Problem] = []
    whole = True
    # in documents of a few items each with the real channel (a feed of any length is never whole in memory)
    for start, found, checked in _lint_batches(renderer, head, tail, page.items, linted):
        if checked is None:  # not well-formed: that one problem stops linting, as for the whole feed
            problems, whole = found, False
            break
        if not start:  # the channel, once
            problems = found
        for index, item_problems in checked:
            slug = page.items[index].episode.slug
            known[slug] = item_problems
            if slug in tags:
                cache.put(LINT_TABLE, slug, tags[slug], [p.to_dict() for p in item_problems])
    if whole:
        for item in page.items:
            problems += known[item.episode.slug]
    stale = [k for k in cache.keys(LINT_TABLE) if k not in tags]
    if stale:
        cache.delete(LINT_TABLE, stale)
    url = project.show.url if plain_http(project.show.url) else ""
    return locate([p for p in problems if p.code not in COVERED and not (url and _made_from_url(p, url))], items,
                  page.items)


#: the feed rules on an address made from show.yml's ``url`` (the artwork's, a transcript's, a chapters file's, the
#: trailer's when ``media_url`` is not given), and
#: the codes they say http:// with: when ``url`` is plain http, show.yml's PI004 at ``url`` says it once
#: (config.parse_show), the fix the podcaster can make; each file's said it again (a LAN address gave 7 errors and 5
#: warnings, at episode.md keys no edit could fix)
SITE_ADDRESSES = frozenset({"podcast:image@href", "itunes:image@href", "podcast:transcript@url", "podcast:chapters@url",
                            "podcast:trailer@url"})
OVER_HTTP = frozenset({"PI004", "SHOW027", "EP127"})


def _made_from_url(p: Problem, url: str) -> bool:
    return p.code in OVER_HTTP and p.field in SITE_ADDRESSES and url in p.message


#: from this many items to lint (a cold build), the documents are linted on every core, in one pool: each job a
#: document of up to LINT_JOB items, sent one at a time (their notes are read for the workers as the pool takes the jobs:
#: parallel.AHEAD jobs per worker at most in memory)
PARALLEL_LINT = 256
LINT_JOB = 32

_Batch = tuple[int, list[Problem], "list[tuple[int, list[Problem]]] | None"]


def _pooled_lint(count: int) -> bool:
    """Whether ``count`` items are linted on every core (see :func:`_lint_batches`)."""
    return count >= PARALLEL_LINT and parallel.workers() >= 2


def _lint_batches(renderer: Renderer, head: bytes, tail: bytes, items: list[Item],
                  linted: list[int]) -> Iterator[_Batch]:
    """(start, problems, [(index, the item's problems)]) for each document of ``linted`` items, in order; the
    channel's problems come with the first (start 0); a document that is not well-formed gives its one
    problem and None. A cold build's items (hundreds or more) are linted on every core, in smaller documents
    (enough for a pool): a worker gets each item's notes with the job, never the cache."""
    context = (renderer, head, tail, items)
    if not _pooled_lint(len(linted)):  # one process: the fewest documents
        for start in range(0, max(len(linted), 1), LINT_BATCH):
            batch = linted[start:start + LINT_BATCH]
            yield _lint(context, (start, batch, [items[i].notes() for i in batch]))
        return
    size = min(LINT_JOB, -(-len(linted) // parallel.MIN_ITEMS))  # at least MIN_ITEMS jobs: enough for a pool
    parallel.preload(f"{__package__}.channel", f"{__package__}.items")  # what _lint imports: once, not in every worker
    made = parallel.imap_ordered(_lint, context, _LintJobs(items, linted, size), chunk=1)
    try:
        for result in made:
            if isinstance(result, parallel.Failed):
                raise MediaError(result.problems)
            yield result
    finally:
        made.close()


_Job = tuple[int, list[int], "list[RenderedNotes]"]


class _LintJobs(parallel.Jobs[_Job]):
    """The lint's documents as jobs of ``size`` items each, made when the pool takes them (an item's notes are
    read from the cache then: a big show's notes are ~150 MB, never all in memory)."""

    def __init__(self, items: list[Item], linted: list[int], size: int):
        self.items = items
        self.linted = linted
        self.size = size

    def __len__(self) -> int:
        return -(-len(self.linted) // self.size)

    def made(self, number: int) -> _Job:
        start = number * self.size
        batch = self.linted[start:start + self.size]
        return start, batch, [self.items[i].notes() for i in batch]


def _lint(context: tuple[Renderer, bytes, bytes, list[Item]],
          job: tuple[int, list[int], list[RenderedNotes]]) -> _Batch:
    """Lint one document: the channel and the items ``job`` names (see :func:`_lint_batches`)."""
    from ..model import Item
    from .channel import check_channel
    from .items import check_item, item_label

    renderer, head, tail, items = context
    start, batch, notes = job
    with_notes = codec.replacer(Item, "notes")  # (dataclasses.replace looks at each of Item's fields every call)
    todo = [with_notes(items[i], partial(_same, n)) for i, n in zip(batch, notes, strict=True)]
    xml = renderer.feed_items.rss(todo)
    doc, found = feedxml.parse(head + b"".join(xml) + tail, FEED_FILE)
    if doc is None:
        return start, _on_its_item(found, head, tail, xml, todo), None
    if not start:
        doc.elsewhere = {item.enclosure_url: item.episode.guid for item in items} if len(items) > len(batch) else {}
        found = found + check_channel(doc)
    title = (feedxml.text(doc, doc.channel, "title") or "").strip()
    checked = [(index, check_item(doc, element, item_label(doc, element, index), title))
               for index, element in zip(batch, doc.items(), strict=True)]
    return start, found, checked


def _on_its_item(found: list[Problem], head: bytes, tail: bytes, xml: list[bytes], items: list[Item]) -> list[Problem]:
    """The problem of a document that is not well-formed, put on the item that makes it so (its GUID and element,
    which :func:`locate` moves to its episode.md), when the channel alone is well-formed: notes that render to
    more than libxml2's 10 MB for a text were "feed.xml: line 231 …" (of a file never written), naming no episode,
    with the hint to look for a ']]>' in the notes. Only when the feed is not well-formed: each item parsed alone."""
    if len(found) != 1 or feedxml.parse(head + tail, FEED_FILE)[0] is None:
        return found
    for item, data in zip(items, xml, strict=True):
        alone, said = feedxml.parse(head + data + tail, FEED_FILE)
        if alone is None and len(said) == 1:
            return [replace(said[0], episode=item.episode.guid, field=_element_at(head + data, said[0].message),
                            message=_POSITION.sub("", said[0].message))]
    return found


def _element_at(data: bytes, message: str) -> str:
    """The element of ``data`` that the problem's ``message`` (``… at line N, column M: …``) is in: the one whose
    CDATA section is open there (show notes take many lines, or one long one), else the one its line starts (feedgen
    writes one a line); "item" if none."""
    where = _POSITION.search(message)
    if not where:
        return "item"
    start = -1
    for _ in range(int(where[1]) - 1):
        start = data.find(b"\n", start + 1)
        if start < 0:
            return "item"
    before = data[:start + 1 + max(int(where[2]) - 1, 0)]
    opened = before.rfind(b"<![CDATA[")
    element = re.compile(_CDATA_ELEMENT).search(before, max(opened - 200, 0), opened) \
        if opened >= 0 and b"]]>" not in before[opened:] else re.compile(_ELEMENT).match(data, start + 1)
    return element[1].decode() if element else "item"


#: the element a line of the feed starts (feedgen writes one a line); the element a CDATA section opens in (compiled
#: only for a feed that is not well-formed)
_ELEMENT = rb"\s*<([A-Za-z][\w.:-]*)"
_CDATA_ELEMENT = rb"<([A-Za-z][\w.:-]*)[^<>]*>$"
#: a position in a document of the lint's own, which is no line of feed.xml
_POSITION = lazy(r" at line (\d+), column (\d+)")


def _same(notes: RenderedNotes) -> RenderedNotes:
    return notes


def _build_date(items: list[Item]) -> datetime:
    return source_date() or (items[0].episode.date if items else datetime(1970, 1, 1, tzinfo=UTC))


def locate(problems: list[Problem], items: list[Item], order: Sequence[Item] = ()) -> list[Problem]:
    """Move feed problems to the source file and key that produce the element. ``order``: the feed's items in
    its order, for an item without a GUID (the rules call it ``item N``)."""
    by_guid = {item.episode.guid: item for item in items}
    out = []
    for p in problems:
        # (a channel's problem names no episode: "" is not the GUID of an episode that has none, SRC060)
        item = by_guid.get(p.episode) if p.episode else None
        if item is None and (unnamed := _UNNAMED.fullmatch(p.episode)) and 0 < int(unnamed[1]) <= len(order):
            item = order[int(unnamed[1]) - 1]
        if p.file != FEED_FILE:  # fetched content (online checks) keeps its URL
            out.append(replace(p, episode=item.episode.slug if item else p.episode))
        elif item is not None:
            key = ITEM_FIELDS.get(p.field, "")
            out.append(replace(p, file=item.episode.source, field=key or p.field, episode=item.episode.slug,
                               message=f"in the feed ({p.field}): {p.message}" if key else p.message))
        elif p.field in CHANNEL_FIELDS:
            out.append(replace(p, file=SHOW_FILE, field=CHANNEL_FIELDS[p.field], message=f"in the feed ({p.field}): {p.message}"))
        else:
            out.append(replace(p, episodes=tuple(by_guid[g].episode.slug if g in by_guid else g for g in p.episodes))
                       if p.episodes else p)
    return out


_UNNAMED = lazy(r"item ([0-9]+)")
#: a feed element made from one show.yml key although its problem is reported at another
_MADE_FROM = {"locked_owner": "owner"}


def unrepeated(feed: list[Problem], source: list[Problem]) -> list[Problem]:
    """The feed rules' problems (located) that say something the source's problems do not: a key that already
    has an error (``author: required but missing``) would be reported again in the feed's words (``add
    <itunes:author>…``), a second error for one mistake with a fix the podcaster cannot apply."""
    taken = {(p.file, p.field.split(".")[0]) for p in source if p.severity is Severity.ERROR and p.field}
    return [p for p in feed if p.file == FEED_FILE or not p.field
            or (p.file, p.field) not in taken and (p.file, _MADE_FROM.get(p.field, "")) not in taken]
