"""Reading another host's RSS feed into plain records, forgivingly.

:mod:`.document` reads the bytes into a tree (safely: no entities, DTDs or network); here every value of the
channel and its items is read as text and checked; anything odd becomes a :class:`Problem`, never an exception, so
one strange episode does not stop a migration.
"""

from __future__ import annotations

import re
from dataclasses import field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..checks.podlove import npt_seconds
from ..errors import Problem, error, warning
from ..numbers import whole
from ..records import frozen, mutable
from ..source import HTML_ENTITY, HTML_TAG, XML_FORBIDDEN, guid_line, parse_datetime, parse_time, quoted, xml_forbidden
from ..value import DECIMAL

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
ATOM = "{http://www.w3.org/2005/Atom}"
GOOGLEPLAY = "{http://www.google.com/schemas/play-podcasts/1.0}"
PSC = "{http://podlove.org/simple-chapters}"
#: Hosts that wrote the old podcast namespace URL (before 1.0 was final).
PODCAST_ALIASES = ("{https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md}",)


@frozen
class RemoteFile:
    url: str
    mime: str = ""
    language: str = ""
    length: int = 0


@frozen
class PersonRecord:
    name: str
    role: str = ""
    group: str = ""
    img: str = ""
    href: str = ""


@mutable
class EpisodeRecord:
    guid: str
    title: str
    date: datetime | None
    #: the old feed published the GUID as a permalink (isPermaLink="true", or no attribute, which RSS reads as
    #: true) and it is a URL: the new feed says so too. A GUID that is no URL is written isPermaLink="false" (EP125).
    guid_permalink: bool = False
    notes_html: str = ""
    summary: str = ""
    link: str = ""
    enclosure: RemoteFile | None = None
    duration: float | None = None
    season: int | None = None
    season_name: str = ""
    number: int | None = None
    #: podcast:episode that is not whole (``315.5``, a mini-episode between two others): front matter's ``episode:``
    decimal_number: float | None = None
    episode_display: str = ""
    episode_type: str = "full"
    explicit: bool | None = None
    itunes_title: str = ""
    image: str = ""
    keywords: tuple[str, ...] = ()
    block: bool = False
    persons: tuple[PersonRecord, ...] = ()
    value: tuple[dict[str, Any], ...] = ()  #: podcast:value blocks as front matter's ``value:`` entries
    social: tuple[dict[str, Any], ...] = ()  #: podcast:socialInteract as front matter's ``social:`` entries
    transcripts: tuple[RemoteFile, ...] = ()
    chapters: RemoteFile | None = None
    #: Podlove Simple Chapters written in the item (``psc:chapters``: PowerPress, Podlove, Podigee) as a JSON chapters
    #: document's ``chapters`` entries; imported as chapters.json when the item links no ``podcast:chapters``
    inline_chapters: tuple[dict[str, Any], ...] = ()
    #: what the item carries as front matter writes it (``chat``, ``content_links``, ``soundbites``, ``location``,
    #: ``license``, ``funding``, ``txt``, ``alternate_enclosures``), read by :func:`_carried`
    extra: dict[str, Any] = field(default_factory=dict)
    artwork_alt: str = ""  #: the item's podcast:image alt (written when the episode's own artwork is imported)
    position: int = 0  #: order in the source feed (0 = first item)


@mutable
class ShowRecord:
    title: str = ""
    description: str = ""
    link: str = ""
    language: str = ""
    author: str = ""
    owner_name: str = ""
    owner_email: str = ""
    category: str = ""
    subcategory: str = ""
    explicit: bool | None = None
    show_type: str = ""
    image: str = ""
    copyright: str = ""
    podcast_guid: str = ""
    self_url: str = ""  #: atom:link rel="self" (the feed's own idea of its URL)
    new_feed_url: str = ""
    locked: bool | None = None
    locked_owner: str = ""
    keywords: tuple[str, ...] = ()
    persons: tuple[PersonRecord, ...] = ()
    funding: tuple[tuple[str, str], ...] = ()  #: (url, text)
    value: tuple[dict[str, Any], ...] = ()  #: podcast:value blocks as show.yml's ``value:`` entries
    social: tuple[dict[str, Any], ...] = ()  #: podcast:socialInteract as show.yml's ``social:`` entries
    license: tuple[str, str] | None = None  #: (name, url)
    medium: str = ""
    complete: bool = False
    #: itunes:block and podcast:block in the channel: True (every service), else the service slugs it is hidden from
    block: bool | tuple[str, ...] = False
    #: what the channel carries as show.yml writes it (``chat``, ``publisher``, ``artwork_alt``, ``txt``, ``podroll``,
    #: ``location``, ``update_frequency``), read by :func:`_carried`
    extra: dict[str, Any] = field(default_factory=dict)
    #: podcast:trailer's enclosure URLs (the build writes one for an item ``type: trailer`` without a number)
    trailers: tuple[tuple[str, str], ...] = ()  #: (url, title)
    episodes: list[EpisodeRecord] = field(default_factory=list)


def join(base: str, url: str) -> str:
    """``url`` made absolute against ``base``; as written when either is not a URL at all (``http://[::1``),
    so the problem surfaces as a failed download of that exact address rather than a crash."""
    try:
        return urljoin(base, url)
    except ValueError:
        return url


def url_path(url: str) -> str:
    """The path of ``url``; "" when it cannot be parsed."""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def local_name(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text(element: Any, path: str) -> str:
    found = element.find(path)
    if found is None:
        return ""
    return "".join(found.itertext()).strip()


def guid_text(item: Any) -> str:
    """The item's ``<guid>`` exactly as the feed holds it: apps that do not strip it (an NBSP, a space, a tab at
    either end) stored it so, and mediafeed publishes a GUID as written; "" when absent or blank (no GUID)."""
    found = item.find("guid")
    value = "".join(found.itertext()) if found is not None else ""
    return value if value.strip() else ""


def _bool(value: str) -> bool | None:
    value = value.strip().lower()
    if value in ("true", "yes", "explicit"):
        return True
    if value in ("false", "no", "clean"):
        return False
    return None


def _decimal(value: str) -> float | None:
    """podcast:episode's "decimal number" when it is not whole (``315.5``); None otherwise (a whole one is ``_int``'s)."""
    value = value.strip()
    if not re.fullmatch(r"[0-9]+\.[0-9]+", value):
        return None
    number = float(value)
    return number if number > 0 and not number.is_integer() else None


def _int(value: str) -> int | None:
    return whole(value) or None  # not '³', nor 5,000 digits (int() refuses them: it stopped the import)


def _attributes(element: Any, names: dict[str, str]) -> dict[str, Any]:
    """The attributes ``names`` maps to our keys, the ones given; whole numbers as numbers, true/false as booleans."""
    out: dict[str, Any] = {}
    for attribute, key in names.items():
        value = (element.get(attribute) or "").strip()
        if value:
            number = whole(value) if key in ("split", "priority") else None
            out[key] = number if number is not None else \
                value == "true" if key == "fee" and value in ("true", "false") else value
    return out


def _values(element: Any) -> tuple[dict[str, Any], ...]:
    """``podcast:value`` blocks as ``value:`` entries (checked when the show is built, as if typed), with their
    ``podcast:valueTimeSplit`` children as ``time_splits:``."""
    blocks = []
    for block in element.findall(f"{PODCAST}value"):
        entry = _attributes(block, {"type": "type", "method": "method", "suggested": "suggested"})
        entry["recipients"] = _recipients(block)
        splits = [_time_split(split) for split in block.findall(f"{PODCAST}valueTimeSplit")]
        if splits:
            entry["time_splits"] = splits
        blocks.append(entry)
    return tuple(blocks)


def _recipients(element: Any) -> list[dict[str, Any]]:
    return [_attributes(r, {"name": "name", "type": "type", "address": "address", "split": "split", "fee": "fee",
                            "customKey": "custom_key", "customValue": "custom_value"})
            for r in element.findall(f"{PODCAST}valueRecipient")]


def _time_split(split: Any) -> dict[str, Any]:
    """A ``podcast:valueTimeSplit`` as a ``time_splits:`` entry: seconds as numbers, anything else as the feed wrote
    it (the build reports what it cannot read, with the key)."""
    entry = _attributes(split, {"startTime": "start", "duration": "duration", "remoteStartTime": "remote_start",
                                "remotePercentage": "remote_percentage"})
    for key, value in entry.items():  # numbers as numbers: '60' and '237.5' read back as the same seconds
        if DECIMAL.match(value):
            number = whole(value)
            entry[key] = number if number is not None else float(value)
    remotes = split.findall(f"{PODCAST}remoteItem")
    if remotes:
        entry["remote_item"] = _attributes(remotes[0], {"feedGuid": "feed_guid", "feedUrl": "feed_url",
                                                        "itemGuid": "item_guid", "medium": "medium", "title": "title"})
    recipients = _recipients(split)
    if recipients or not remotes:
        entry["recipients"] = recipients
    return entry


def _social(element: Any) -> tuple[dict[str, Any], ...]:
    return tuple(_attributes(s, {"protocol": "protocol", "uri": "uri", "accountId": "account_id",
                                 "accountUrl": "account_url", "priority": "priority"})
                 for s in element.findall(f"{PODCAST}socialInteract"))


def _persons(element: Any) -> tuple[PersonRecord, ...]:
    out = []
    for person in element.findall(f"{PODCAST}person"):
        name = "".join(person.itertext()).strip()
        if name:
            out.append(PersonRecord(name=name, role=person.get("role", "").strip().lower(),
                                    group=person.get("group", "").strip().lower(), img=person.get("img", "").strip(),
                                    href=person.get("href", "").strip()))
    return tuple(out)


def _own_text(element: Any) -> str:
    return "".join(element.itertext()).strip()


#: the podcast: tags of a channel and of an item the import carries into show.yml or front matter; any other is
#: named (IMP050), as is one of these it cannot carry (a podcast:trailer of no trailer item, an alternate without an
#: address the build takes)
CHANNEL_TAGS = frozenset({"guid", "locked", "medium", "funding", "value", "socialInteract", "chat", "person",
                          "license", "location", "updateFrequency", "txt", "podroll", "publisher", "trailer", "image",
                          "block"})
ITEM_TAGS = frozenset({"season", "episode", "transcript", "chapters", "soundbite", "person", "funding", "value",
                       "socialInteract", "chat", "contentLink", "license", "location", "txt", "image",
                       "alternateEnclosure"})


def unplaced(element: Any, carried: frozenset[str]) -> dict[str, int]:
    """The podcast: tags of ``element`` (the channel, or an item) that the import has no place for, and how many of
    each (``podcast:images``, ``podcast:liveItem``, ``podcast:podping``, a tag newer than mediafeed)."""
    seen: dict[str, int] = {}
    for child in element:
        if not (isinstance(child.tag, str) and child.tag.startswith(PODCAST)):
            continue
        name = local_name(child.tag)
        if name == "image" and "artwork" not in (child.get("purpose") or "artwork").lower().split():
            name = f'image purpose="{" ".join((child.get("purpose") or "").split())[:40]}"'  # (a banner, a social card)
        elif name in carried:
            continue
        seen[name] = seen.get(name, 0) + 1
    return seen


#: why a podcast: tag is not imported (IMP050), and what to do
_NO_SETTING = "mediafeed has no setting for it"
_UNPLACED_HINT = "if the new feed needs it, add it by hand after the move (docs/feeds.md lists what mediafeed writes)"


def not_carried(element: Any, carried: frozenset[str], where: str, source: str, guid: str = "") -> list[Problem]:
    """IMP050 for each podcast: tag of ``element`` that the import has no place for (:func:`unplaced`): it was left
    out without a word."""
    return [warning("IMP050", source, f"{where}: podcast:{name}{f' (×{count})' if count > 1 else ''} is not imported: "
                    f"{_NO_SETTING}", field=f"podcast:{name.split()[0]}", episode=guid,
                    hint=_UNPLACED_HINT) for name, count in unplaced(element, carried).items()]


#: how many of the items holding a tag the import has no place for its one problem names
NAMED_ITEMS = 3


def subtitle_not_carried(element: Any, said: str) -> str:
    """The text of ``element``'s itunes:subtitle when it says what ``said`` (the description, summary and notes the
    import carries) does not: mediafeed writes no itunes:subtitle (Apple's guide no longer lists it), so it is lost."""
    subtitle = " ".join((element.findtext(f"{ITUNES}subtitle") or "").split())
    if not subtitle or subtitle in " ".join(said.split()):
        return ""
    from ..notes import plain_text

    # the notes' words as a reader sees them ('&amp;' is '&', a word in <b> a word), and a subtitle a host cut from the
    # description's start ('… the marsh at da…') the words before its ellipsis
    cut = _ELLIPSIS.sub("", subtitle).rstrip()
    if len(cut) < len(subtitle) * 2 // 3:  # ('Wait…', 'A b…': too little left to say the notes hold it)
        cut = subtitle
    return "" if cut in " ".join(plain_text(said).split()) else subtitle


#: an ellipsis that ends a text cut short ('…', '...', '[…]'), and the part word before it
_ELLIPSIS = re.compile(r"\S*\s*(?:\[?(?:…|\.\.\.)\]?)$")


#: why an item's itunes:subtitle is not imported (IMP051), and what to do
_SUBTITLE_WHY = ("mediafeed writes no itunes:subtitle (Apple's guide no longer lists it), and the description does not "
                 "say it")
_SUBTITLE_HINT = "if it says something the notes do not, add it to the episode's notes (episode.md)"


def items_not_carried(found: dict[str, list[tuple[str, str, int]]], source: str) -> list[Problem]:
    """IMP050 for each podcast: tag items hold that the import has no place for, IMP051 for an itunes:subtitle
    (``found``: tag → (GUID, title, count) of each item holding it): one problem per tag, naming a few of the items
    and how many hold it (a host writing podcast:images in each of 300 items made 300 problems of one finding); a
    tag of one item is named there."""
    problems = []
    for name, holders in found.items():
        tag = name if name.startswith("itunes:") else f"podcast:{name}"
        code, why, hint = ("IMP051", _SUBTITLE_WHY, _SUBTITLE_HINT) if tag == "itunes:subtitle" else \
            ("IMP050", _NO_SETTING, _UNPLACED_HINT)
        if len(holders) == 1:
            guid, title, count = holders[0]
            label = f"episode {quoted(title)}" if title else f"the item with GUID {quoted(guid)}"
            problems.append(warning(code, source, f"{label}: {tag}{f' (×{count})' if count > 1 else ''} is not "
                                    f"imported: {why}", field=tag.split()[0], episode=guid, hint=hint))
            continue
        named = ", ".join(f"{quoted(title, 60)} ({quoted(guid, 60)})" if title else quoted(guid, 60)
                          for guid, title, _ in holders[:NAMED_ITEMS])
        more = f" and {len(holders) - NAMED_ITEMS:,} more" if len(holders) > NAMED_ITEMS else ""
        problems.append(warning(code, source, f"{tag} is not imported from the {len(holders):,} items that hold it "
                                f"({named}{more}): {why}", field=tag.split()[0], hint=hint))
    return problems


def _chat(element: Any) -> dict[str, Any] | None:
    found = element.find(f"{PODCAST}chat")
    if found is None:
        return None
    return _attributes(found, {"server": "server", "protocol": "protocol", "accountId": "account_id", "space": "space"})


def _remote(element: Any) -> dict[str, Any]:
    return _attributes(element, {"feedGuid": "feed_guid", "feedUrl": "feed_url", "itemGuid": "item_guid",
                                 "medium": "medium", "title": "title"})


def _txt(element: Any) -> list[Any]:
    out: list[Any] = []
    for found in element.findall(f"{PODCAST}txt"):
        value, purpose = _own_text(found), (found.get("purpose") or "").strip()
        if value:
            out.append({"purpose": purpose, "value": value} if purpose else value)
    return out


def _locations(element: Any) -> list[dict[str, Any]]:
    out = []
    for found in element.findall(f"{PODCAST}location"):
        name = _own_text(found)
        if name:
            out.append({"name": name, **_attributes(found, {"geo": "geo", "osm": "osm", "rel": "rel",
                                                            "country": "country"})})
    return out


def _license(element: Any) -> dict[str, str] | None:
    lic = element.find(f"{PODCAST}license")
    if lic is None or not _own_text(lic):
        return None
    return {"name": _own_text(lic), **({"url": lic.get("url").strip()} if (lic.get("url") or "").strip() else {})}


def _image_alt(element: Any) -> str:
    """The alt text of the element's artwork ``podcast:image`` (purpose "artwork", or none given)."""
    for image in element.findall(f"{PODCAST}image"):
        purposes = (image.get("purpose") or "artwork").lower().split()
        if "artwork" in purposes and (image.get("alt") or "").strip():
            return " ".join(image.get("alt").split())
    return ""


def _channel_extra(channel: Any) -> dict[str, Any]:
    """show.yml's keys for the channel's chat, publisher, artwork alt, txt, podroll, location and update frequency,
    as typed (the build checks them as it checks a producer's)."""
    extra: dict[str, Any] = {}
    chat = _chat(channel)
    if chat:
        extra["chat"] = chat
    publisher = channel.find(f"{PODCAST}publisher/{PODCAST}remoteItem")
    if publisher is not None:
        extra["publisher"] = {k: v for k, v in _remote(publisher).items() if k in ("feed_guid", "feed_url")}
    alt = _image_alt(channel)
    if alt:
        extra["artwork_alt"] = alt
    txt = _txt(channel)
    if txt:
        extra["txt"] = txt
    roll = [_remote(r) for r in channel.findall(f"{PODCAST}podroll/{PODCAST}remoteItem")]
    if roll:
        extra["podroll"] = roll
    places = _locations(channel)
    if places:
        extra["location"] = places[0] if len(places) == 1 else places
    frequency = channel.find(f"{PODCAST}updateFrequency")
    if frequency is not None:
        said = {"text": _own_text(frequency), **_attributes(frequency, {"rrule": "rrule", "dtstart": "dtstart"})}
        if said["text"] or len(said) > 1:
            extra["update_frequency"] = {k: v for k, v in said.items() if v}
    return extra


def _alternates(item: Any, enclosure: str, where: str, source: str, guid: str
                ) -> tuple[list[dict[str, Any]], list[Problem]]:
    """``podcast:alternateEnclosure`` as ``alternate_enclosures:`` entries: the first https ``podcast:source`` as its
    ``url``, the others as its ``sources`` (IPFS, magnet, a torrent, an onion mirror), bitrate as written (a decimal
    number too). The old feed's copy of the main enclosure itself is left out: the build lists the new main file as
    the default. What cannot be carried is named (IMP050)."""
    out: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for element in item.findall(f"{PODCAST}alternateEnclosure"):
        sources = [((s.get("uri") or "").strip(), (s.get("contentType") or "").strip())
                   for s in element.findall(f"{PODCAST}source") if (s.get("uri") or "").strip()]
        main = next((uri for uri, _ in sources if re.match(r"^https://", uri, re.I)), "")
        title = (element.get("title") or "").strip()
        named = f"podcast:alternateEnclosure{f' {quoted(title)}' if title else ''}"
        if enclosure and any(uri == enclosure for uri, _ in sources):
            others = [uri for uri, _ in sources if uri != enclosure]
            if others:
                problems.append(warning("IMP050", source, f"{where}: {named} is the main audio, also at "
                                        f"{', '.join(others[:3])}; those addresses are not imported: the new feed's "
                                        "main file is the tagged copy the build publishes, not those bytes",
                                        field="podcast:alternateEnclosure", episode=guid,
                                        hint="put the new file's copies there after the move, and list them as an "
                                        "alternate enclosure's sources in episode.md"))
            continue
        if not main:
            problems.append(warning("IMP050", source, f"{where}: {named} has no https podcast:source (it has "
                                    f"{', '.join(uri for uri, _ in sources[:3]) or 'none'}); not imported: an "
                                    "alternate enclosure needs an https address", field="podcast:alternateEnclosure",
                                    episode=guid, hint="copy the file into the episode folder and list it as "
                                    "'alternate_enclosures: [{file: …}]' in episode.md"))
            continue
        entry: dict[str, Any] = {"url": main}
        entry.update(_attributes(element, {"type": "type", "title": "title", "lang": "lang", "rel": "rel",
                                           "codecs": "codecs"}))
        for attribute in ("length", "bitrate", "height"):
            value = (element.get(attribute) or "").strip()
            if value and DECIMAL.match(value):
                number = whole(value)
                entry[attribute] = number if number is not None else float(value)
            elif value:
                entry[attribute] = value  # as written: the build names it
        if (element.get("default") or "").strip().lower() == "true":
            entry["default"] = True
        rest = [{"uri": uri, "type": kind} if kind else uri for uri, kind in sources if uri != main]
        if rest:
            entry["sources"] = rest
        if element.find(f"{PODCAST}integrity") is not None:
            problems.append(warning("IMP050", source, f"{where}: {named}'s podcast:integrity is not imported: the "
                                    "build writes one only for a file in the episode folder", field="podcast:integrity",
                                    episode=guid, hint="to keep it, copy the file into the episode folder and list "
                                    "it as 'file:' instead of 'url:'"))
        out.append(entry)
    return out, problems


def _item_extra(item: Any, enclosure: str, where: str, source: str, guid: str) -> tuple[dict[str, Any], list[Problem]]:
    """Front matter's keys for the item's chat, content links, soundbites, location, licence, funding, txt and
    alternate enclosures, as typed (the build checks them as it checks a producer's)."""
    extra: dict[str, Any] = {}
    chat = _chat(item)
    if chat:
        extra["chat"] = chat
    # (the text one line, as apps show it and the build takes it: a feed may wrap it)
    links = [{"url": (c.get("href") or "").strip(), "text": " ".join(_own_text(c).split())}
             for c in item.findall(f"{PODCAST}contentLink") if (c.get("href") or "").strip()]
    if links:
        extra["content_links"] = links
    bites = []
    for bite in item.findall(f"{PODCAST}soundbite"):
        entry: dict[str, Any] = {}
        for attribute, key in (("startTime", "start"), ("duration", "duration")):
            value = (bite.get(attribute) or "").strip()
            number = whole(value) if value else None
            entry[key] = number if number is not None else float(value) if DECIMAL.match(value) else value
        if _own_text(bite):
            entry["title"] = _own_text(bite)
        bites.append(entry)
    if bites:
        extra["soundbites"] = bites
    places = _locations(item)
    if places:
        extra["location"] = places[0] if len(places) == 1 else places
    lic = _license(item)
    if lic:
        extra["license"] = lic
    funding = [{"url": (f.get("url") or "").strip(), "text": _own_text(f) or "Support the show"}
               for f in item.findall(f"{PODCAST}funding") if (f.get("url") or "").strip()]
    if funding:
        extra["funding"] = funding
    txt = _txt(item)
    if txt:
        extra["txt"] = txt
    alternates, problems = _alternates(item, enclosure, where, source, guid)
    if alternates:
        extra["alternate_enclosures"] = alternates
    return extra, problems




def as_plain_text(value: str) -> str:
    """A show's description or an episode's summary, which mediafeed keeps as plain text, from a feed that wrote it as
    HTML (hosts put it in CDATA): the text, a link's address after its words. Kept as HTML, the pages and the feed
    showed '<p>…&amp;…' as typed."""
    if HTML_TAG.search(value):
        from ..notes import plain_paragraphs

        return plain_paragraphs(value)
    if HTML_ENTITY.search(value):  # references in text without tags: read, its line breaks kept (HTML's are spaces)
        import html

        return html.unescape(value)
    return value


def show_record(channel: Any, source: str) -> ShowRecord:
    show = ShowRecord()
    show.title = text(channel, "title") or text(channel, f"{ITUNES}title")
    show.description = as_plain_text(text(channel, "description") or text(channel, f"{ITUNES}summary"))
    show.link = text(channel, "link")
    show.language = text(channel, "language").lower()
    show.author = text(channel, f"{ITUNES}author") or text(channel, f"{GOOGLEPLAY}author")
    show.owner_name = text(channel, f"{ITUNES}owner/{ITUNES}name")
    show.owner_email = text(channel, f"{ITUNES}owner/{ITUNES}email") or text(channel, f"{GOOGLEPLAY}email")
    category = channel.find(f"{ITUNES}category")
    if category is not None:
        show.category = category.get("text", "").strip()
        sub = category.find(f"{ITUNES}category")
        show.subcategory = sub.get("text", "").strip() if sub is not None else ""
    show.explicit = _bool(text(channel, f"{ITUNES}explicit"))
    show.show_type = text(channel, f"{ITUNES}type").lower()
    image = channel.find(f"{ITUNES}image")
    show.image = (image.get("href", "").strip() if image is not None else "") or text(channel, "image/url")
    show.image = join(show.link or source, show.image) if show.image else ""
    show.copyright = text(channel, "copyright")
    show.podcast_guid = text(channel, f"{PODCAST}guid")
    for link in channel.findall(f"{ATOM}link"):
        if link.get("rel") == "self" and link.get("href"):
            show.self_url = link.get("href").strip()
            break
    show.new_feed_url = text(channel, f"{ITUNES}new-feed-url")
    locked = channel.find(f"{PODCAST}locked")
    if locked is not None:
        show.locked = _bool("".join(locked.itertext()))
        show.locked_owner = locked.get("owner", "").strip()
    show.keywords = tuple(k.strip() for k in text(channel, f"{ITUNES}keywords").split(",") if k.strip())
    show.persons = _persons(channel)
    show.value, show.social = _values(channel), _social(channel)
    show.funding = tuple((f.get("url", "").strip(), "".join(f.itertext()).strip())
                         for f in channel.findall(f"{PODCAST}funding") if f.get("url"))
    lic = _license(channel)
    if lic:
        show.license = (lic["name"], lic.get("url", ""))
    show.medium = text(channel, f"{PODCAST}medium")
    show.complete = text(channel, f"{ITUNES}complete") == APPLE_YES
    show.block = _block(channel)
    show.extra = _channel_extra(channel)
    if (frequency := channel.find(f"{PODCAST}updateFrequency")) is not None \
            and (frequency.get("complete") or "").strip().lower() == "true":
        show.complete = True
    show.trailers = tuple(((t.get("url") or "").strip(), _own_text(t)) for t in channel.findall(f"{PODCAST}trailer"))
    return show


def _block(channel: Any) -> bool | tuple[str, ...]:
    """Where the old feed hides the show: True for every service (``podcast:block`` without ``id``), else the
    services' slugs (``podcast:block id=…`` and, for Apple, ``itunes:block Yes``): a private show stays out of the
    directories that follow the redirect to the new feed."""
    services: list[str] = ["apple"] if text(channel, f"{ITUNES}block") == APPLE_YES else []
    everywhere, allowed = False, set()
    for element in channel.findall(f"{PODCAST}block"):
        said, service = "".join(element.itertext()).strip().lower(), (element.get("id") or "").strip().lower()
        if said == "yes":
            everywhere = everywhere or not service
            services.append(service)
        elif said == "no" and service:
            allowed.add(service)
    if not everywhere:
        return tuple(dict.fromkeys(s for s in services if s))
    if not allowed:
        return True
    from ..config import SERVICE_SLUGS  # hidden from all but some: from every other service the namespace lists

    return tuple(sorted(SERVICE_SLUGS - allowed))


#: zone names feeds write that email.utils does not know (it knows UT, GMT and the US ones)
_ZONES = {"UTC": "+0000", "WET": "+0000", "BST": "+0100", "CET": "+0100", "CEST": "+0200", "EET": "+0200",
          "EEST": "+0300", "MSK": "+0300", "JST": "+0900", "KST": "+0900", "AEST": "+1000",
          "AEDT": "+1100", "NZST": "+1200", "NZDT": "+1300"}


#: zone names email.utils reads itself (RFC 822's, and Z)
_KNOWN_ZONES = {"UT", "UTC", "GMT", "Z", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"}


def unknown_zone(value: str) -> str:
    """The zone name ending a date that neither email.utils nor :data:`_ZONES` knows (``IST``: India, Israel or
    Ireland?); "" when the zone is an offset or a known name. Such a date is read as UTC, as apps read it."""
    zone = re.search(r"\d\s+([A-Za-z]{1,5})$", " ".join(value.split()))
    name = zone.group(1).upper() if zone else ""
    return "" if name in _KNOWN_ZONES or name in _ZONES else name


def parse_date(value: str) -> datetime | None:
    """RFC 2822 as feeds write it (also without a zone, which is read as UTC), or ISO 8601."""
    value = " ".join(value.split())
    if not value:
        return None
    # email.utils reads a zone it does not know (+01:00, CEST, GMT+0100 as JavaScript writes it) as UTC: hours off,
    # sometimes a day
    value = re.sub(r"\s(?:GMT|UTC|UT)\s?([+-])(\d\d?):?(\d\d)?$",
                   lambda m: f" {m.group(1)}{int(m.group(2)):02d}{m.group(3) or '00'}", value)
    value = re.sub(r"\s([+-]\d\d):(\d\d)$", r" \1\2", value)
    value = re.sub(r"\b(Sept)\b\.?", "Sep", value, flags=re.I)  # 'Sept': the one long month email.utils does not know
    zone = re.search(r"\s([A-Z]{3,5})$", value)
    if zone and zone.group(1) in _ZONES:
        value = value[:zone.start(1)] + _ZONES[zone.group(1)]
    day = re.fullmatch(r"(?:[A-Za-z]+,\s*)?(\d{1,2}) ([A-Za-z]{3})[A-Za-z]* (\d{4})", value)
    if day:  # a date without a time: midnight UTC (it was skipped)
        value = f"{day.group(1)} {day.group(2)} {day.group(3)} 00:00:00 +0000"
    parsed: datetime | None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: a year or zone of 20 digits
        parsed = parse_datetime(value)
        if parsed is None:
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except (ValueError, OverflowError):
                return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def episode_record(item: Any, base: str, source: str, position: int, feed_url: str = ""
                   ) -> tuple[EpisodeRecord | None, list[Problem]]:
    """The item at ``position``. ``feed_url`` is where apps read the feed (the address it came from, else its
    ``atom:link rel="self"``): what a relative enclosure URL is resolved against, as apps resolve it."""
    problems: list[Problem] = []
    title = text(item, "title") or text(item, f"{ITUNES}title")
    guid = guid_text(item)
    where = f"item {position + 1}" + (f" ({quoted(title)})" if title else "")
    # what a relative enclosure, transcript, chapters or image URL is read against: the feed's own address, as apps
    # resolve it (podcastparser, feedparser: RSS has no xml:base); for a file without a self link, the site's address
    address = source if re.match(r"^https?://", source, re.I) else feed_url or base
    enclosure_el = item.find("enclosure")
    enclosure = None
    if enclosure_el is not None and enclosure_el.get("url", "").strip():
        length_text = (enclosure_el.get("length") or "").strip()
        written = enclosure_el.get("url").strip()
        enclosure = RemoteFile(url=join(address, written),
                               mime=(enclosure_el.get("type") or "").strip(),
                               length=whole(length_text) or 0)
        problems += _relative_enclosure(written, enclosure.url, where, source, guid)
    forbidden = xml_forbidden(guid)
    if forbidden:  # (a character reference lxml's recovery kept: '&#1;'; a raw control byte it drops unseen)
        kept = XML_FORBIDDEN.sub("", guid)
        problems.append(error(
            "IMP035", source, f"{where}: the GUID {quoted(guid, 200)} holds U+{ord(forbidden.group()):04X}, a control "
            "character XML forbids: the old feed was not well-formed there (podcastparser refused the whole feed, "
            "feedparser read the character) and no feed can publish it; imported as it is, and the build refuses it "
            "(SRC061) until you choose", field="guid", episode=guid,
            hint=f"write '{guid_line(kept)}' in its episode.md (the GUID without it: another GUID to apps that read the "
            "character, which list the episode again once)"))
    if not guid:
        # Apple falls back to the enclosure URL as the identity (podcastparser too, made absolute; gPodder takes the
        # <link> first): keep what most apps already know.
        if enclosure is None:
            problems.append(error("IMP010", source, f"{where} has neither a GUID nor an enclosure: apps cannot tell it "
                                  "from any other episode, and there is no audio to import; skipped", field="guid",
                                  hint="if it is an episode, add it by hand with 'mediafeed add' (its audio, and a new "
                                  "GUID)"))
            return None, problems
        guid = enclosure.url
        problems.append(warning("IMP011", source, f"{where} has no GUID; apps identify it by its enclosure URL, kept as its GUID",
                                field="guid", episode=guid, hint="this keeps subscribers from re-downloading it"))
    if enclosure is None:
        problems.append(error("IMP013", source, f"{where} has no enclosure (no audio); skipped", field="enclosure",
                              episode=guid))
        return None, problems
    if not re.match(r"^https?://", enclosure.url, re.I):  # javascript:, data:, file:, ftp:, or a relative one in a file
        problems.append(warning("IMP017", source, f"{where}: the enclosure's address is {quoted(enclosure.url, 200)}, not "
                                "http(s): no app can play it and --download cannot fetch it; imported without its audio",
                                field="enclosure@url", episode=guid,
                                hint="copy the episode's audio file into its folder (and check the old feed: apps "
                                "skipped this episode)"))
    date_text = text(item, "pubDate") or text(item, "{http://purl.org/dc/elements/1.1/}date")
    date = parse_date(date_text)
    if date is None:
        problems.append(error("IMP014", source, f"{where}: unreadable date {quoted(date_text)}; skipped", field="pubDate",
                              episode=guid, hint="add it by hand with 'mediafeed add' and this GUID"))
        return None, problems
    year = re.search(r"\b\d{1,2}\s+[A-Za-z]{3,9}\.?\s+(\d{1,4})\b", date_text)
    if year and (len(year.group(1)) != 4 or year.group(1).startswith("0")):
        # RFC 2822 wants four digits: 'Jan 26' or 'Jan 0026' is read as email.utils reads it (2026; 99 is 1999)
        problems.append(warning("IMP016", source, f"{where}: the date {quoted(date_text.strip())} gives the year as {quoted(year.group(1))}; "
                                f"read as {date.year}", field="pubDate", episode=guid,
                                hint="check the episode's date in its episode.md"))
    zone = unknown_zone(date_text)
    if zone:
        problems.append(warning("IMP024", source, f"{where}: the date {quoted(date_text.strip())} ends in the zone name {quoted(zone)}, "
                                "which is no UTC offset and no name mediafeed knows; read as UTC, as apps read it",
                                field="pubDate", episode=guid,
                                hint="if the episode came out at another time, write its offset in the date in its "
                                "episode.md (e.g. +05:30); the GUID is what apps know it by, so changing the date is safe"))
    link = text(item, "link")
    link = join(base, link) if link else ""
    notes = text(item, f"{CONTENT}encoded") or text(item, "description") or text(item, f"{ITUNES}summary")
    notes = absolute_links(notes, link or base)
    duration_text = text(item, f"{ITUNES}duration")
    duration = parse_time(duration_text) if duration_text else None
    season_el = item.find(f"{PODCAST}season")
    episode_el = item.find(f"{PODCAST}episode")
    episode_type = text(item, f"{ITUNES}episodeType").lower()
    image_el = item.find(f"{ITUNES}image")
    transcripts = tuple(
        RemoteFile(url=join(address, t.get("url").strip()), mime=(t.get("type") or "").strip().lower(),
                   language=(t.get("language") or "").strip())
        for t in item.findall(f"{PODCAST}transcript") if (t.get("url") or "").strip())
    chapters_el = item.find(f"{PODCAST}chapters")
    chapters = None
    if chapters_el is not None and (chapters_el.get("url") or "").strip():
        chapters = RemoteFile(url=join(address, chapters_el.get("url").strip()),
                              mime=(chapters_el.get("type") or "").strip())
    episode = EpisodeRecord(
        guid=guid,
        title=title,
        date=date,
        notes_html=notes,
        summary=(as_plain_text(text(item, f"{ITUNES}summary")) if text(item, f"{CONTENT}encoded") or text(item, "description")
                 else ""),
        link=link,
        enclosure=enclosure,
        duration=duration,
        season=_int(text(item, f"{ITUNES}season")) or (_int("".join(season_el.itertext())) if season_el is not None else None),
        season_name=(season_el.get("name") or "").strip() if season_el is not None else "",
        number=_int(text(item, f"{ITUNES}episode")) or (_int("".join(episode_el.itertext())) if episode_el is not None else None),
        decimal_number=(_decimal("".join(episode_el.itertext())) if episode_el is not None
                        and not _int(text(item, f"{ITUNES}episode")) else None),
        episode_display=(episode_el.get("display") or "").strip() if episode_el is not None else "",
        episode_type=episode_type if episode_type in ("full", "trailer", "bonus") else "full",
        explicit=_bool(text(item, f"{ITUNES}explicit")),
        itunes_title=text(item, f"{ITUNES}title") if text(item, f"{ITUNES}title") != title else "",
        image=join(address, image_el.get("href", "").strip()) if image_el is not None and image_el.get("href") else "",
        keywords=tuple(k.strip() for k in text(item, f"{ITUNES}keywords").split(",") if k.strip()),
        block=text(item, f"{ITUNES}block") == APPLE_YES,
        persons=_persons(item),
        value=_values(item),
        social=_social(item),
        transcripts=transcripts,
        chapters=chapters,
        inline_chapters=_simple_chapters(item, link or base),
        artwork_alt=_image_alt(item),
        position=position,
    )
    episode.extra, carried = _item_extra(item, enclosure.url, where, source, guid)
    problems += carried
    problems += _unread_numbers(item, episode, where, source)
    problems += ignored_by_apple(item, where, source, guid)
    guid_el = item.find("guid")
    episode.guid_permalink = bool(guid_el is not None and guid_text(item) == guid and re.match(r"^https?://\S+$", guid)
                                  and (guid_el.get("isPermaLink") or "true").strip().lower() != "false")
    if not title:
        problems.append(warning("IMP015", source, f"{where} has no title; named after its date", field="title", episode=guid))
        episode.title = f"Episode of {date.date().isoformat()}"
    return episode, problems


def _relative_enclosure(written: str, resolved: str, where: str, source: str, guid: str) -> list[Problem]:
    """IMP028 for an enclosure URL written relative (``media/ep1.mp3``, ``/media/ep1.mp3``): apps resolve it against
    the feed's address (no app reads RSS's ``xml:base``), and so does the import; the producer should know which
    address that was, since a feed moved elsewhere resolves it somewhere else."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", written) or not re.match(r"^https?://", resolved, re.I):
        return []  # absolute already, or nothing to resolve it against (IMP017 says so)
    return [warning("IMP028", source, f"{where}: the enclosure's address {quoted(written, 200)} is relative; read as "
                    f"{resolved[:300]}, against the feed's own address, as apps resolve it", field="enclosure@url",
                    episode=guid or resolved, hint="check that this address plays the episode (--download fetches it "
                    "from there); the new feed gives every enclosure a full address")]


def _simple_chapters(item: Any, base: str) -> tuple[dict[str, Any], ...]:
    """``psc:chapter`` elements as JSON chapters (``start`` in normal play time, ``title``, ``href``, ``image``); a
    start that is no time is kept as written, for the chapters check to name."""
    out = []
    for chapter in item.findall(f"{PSC}chapters/{PSC}chapter"):
        start = (chapter.get("start") or "").strip()
        seconds = npt_seconds(start) if start else None  # as apps read it (podlove.py)
        entry: dict[str, Any] = {"startTime": (int(seconds) if seconds.is_integer() else seconds)
                                 if seconds is not None else start, "title": (chapter.get("title") or "").strip()}
        for attribute, key in (("href", "url"), ("image", "img")):
            if (chapter.get(attribute) or "").strip():
                entry[key] = join(base, chapter.get(attribute).strip())
        out.append(entry)
    return tuple(out)


#: the one value of itunes:block and itunes:complete that counts (Apple's guide: "Specifying any value other than Yes has
#: no effect"): an old feed's 'yes' kept the show (or episode) in Apple Podcasts, so the import does not hide it
APPLE_YES = "Yes"


def ignored_by_apple(element: Any, where: str, source: str, guid: str | None = None) -> list[Problem]:
    """IMP034 for an itunes:block or itunes:complete of the channel or an item (``element``) written 'yes' or 'true' in
    another form than Apple's 'Yes' (``guid``: the item's; None for the channel): Apple ignores it, so the old feed lists the show, the episode or its new episodes,
    and the import keeps that (it made such a show vanish from Apple Podcasts on the move); the producer may have meant
    it, so the import says how to."""
    problems = []
    for tag in ("block", "complete") if guid is None else ("block",):
        written = text(element, f"{ITUNES}{tag}")
        if written == APPLE_YES or written.lower() not in ("yes", "true"):
            continue
        what = ("the show stays in Apple Podcasts" if guid is None else "the episode stays in Apple Podcasts") \
            if tag == "block" else "Apple does not take the show for complete"
        meant = ("if no episode will follow" if tag == "complete" else
                 f"to keep {'the show' if guid is None else 'the episode'} out of Apple Podcasts")
        key = f"'{tag}: true' in " + ("show.yml" if guid is None else "its episode.md")
        problems.append(warning("IMP034", source, f"{where}: itunes:{tag} is {quoted(written, 40)}, which Apple ignores "
                                f"(only 'Yes' has an effect): {what} with the old feed, and with the new one; not imported",
                                field=f"itunes:{tag}", episode=guid or "",
                                hint=f"{meant}, write {key} (the new feed then says Yes)"))
    return problems


def _unread_numbers(item: Any, episode: EpisodeRecord, where: str, source: str) -> list[Problem]:
    """IMP025 for an ``itunes:episode`` or ``itunes:season`` given but not imported: Apple takes a non-zero whole
    number, and ``0`` (a host's "no number"), ``-1`` or ``S2`` used to vanish from the import without a word."""
    problems = []
    for tag, key, kept in (("episode", "episode", episode.number or episode.decimal_number),
                           ("season", "season", episode.season)):
        written = text(item, f"{ITUNES}{tag}")
        if not written or _int(written) or kept:  # read, or the podcast: tag gave the number
            continue
        numbers = re.findall(r"(?<![-0-9])[0-9]+", written)  # 'Season 2', 'Ep. 5', 'S2': apps read no number from it
        found = whole(numbers[0]) if len(numbers) == 1 else None
        example = f"{key}: {found if found else 1}"
        problems.append(warning(
            "IMP025", source, f"{where}: itunes:{tag} is {quoted(written, 40)}, not a whole number above 0 (Apple's rule); "
            "not imported", field=f"itunes:{tag}", episode=episode.guid,
            hint=f"if the episode has a {tag} number, write it in its episode.md ({example}); a trailer or bonus "
                 "needs none (type: trailer)" if tag == "episode" else
                 f"if the episode belongs to a season, write it in its episode.md ({example})"))
    return problems


_LINK_ATTR = re.compile(r"""(?P<attr>\b(?:href|src)\s*=\s*)(?P<q>["'])(?P<url>[^"']*)(?P=q)""", re.I)


def absolute_links(html: str, base: str) -> str:
    """Relative ``href``/``src`` in notes made absolute (they would point into the new site otherwise)."""
    if not base or ("href" not in html and "src" not in html):
        return html

    def fix(match: re.Match[str]) -> str:
        url = match.group("url").strip()
        if not url or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith("#"):
            return match.group(0)
        return f"{match.group('attr')}{match.group('q')}{join(base, url)}{match.group('q')}"

    return _LINK_ATTR.sub(fix, html)
