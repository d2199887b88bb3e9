"""A feed's bytes → the tree of its RSS, read strictly or, for the mistakes of hand-built feeds, leniently.

The XML parser never resolves entities, loads a DTD or touches the network (no XXE, no billion laughs). What cannot
be read at all is one IMP002 with check's line and fix; what is read leniently (a bare '&', '&nbsp;', Windows-1252
quotes in UTF-8, near misses of the namespaces) is a warning. :mod:`.feedread` turns the tree into records.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..checks.feedxml import (
    declared_encoding,
    near_itunes,
    near_podcast,
    refuse_too_many_elements,
    refuse_too_many_items,
    utf8_declared_otherwise,
)
from ..checks.xmlhints import syntax_hint
from ..errors import InputError, Problem, error, warning
from ..source import quoted
from .feedread import (
    CHANNEL_TAGS,
    ITEM_TAGS,
    ITUNES,
    PODCAST,
    PODCAST_ALIASES,
    ShowRecord,
    episode_record,
    ignored_by_apple,
    items_not_carried,
    local_name,
    not_carried,
    show_record,
    subtitle_not_carried,
    unplaced,
)


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True, recover=False)


def parse(data: bytes, source: str) -> tuple[ShowRecord, list[Problem]]:
    """A feed's bytes → :class:`ShowRecord` and every problem found. ``source`` is how messages name it."""
    problems: list[Problem] = []
    refuse_too_many_elements(data, source, "IMP002")  # (check FEED's cap: a hostile feed's tree would take gigabytes)
    broken = "a character that is not UTF-8"
    declared = utf8_declared_otherwise(data) or _ascii_declared_utf8(data)
    if declared:  # what the producer wrote, not the 'CafÃ©' every app showed
        data = re.sub(rb"""(encoding\s*=\s*["'])[A-Za-z0-9_.:-]+""", rb"\1UTF-8", data, count=1)
        problems.append(warning("IMP003", source, f"the feed is declared as {declared} but its text is UTF-8; read as "
                                "UTF-8 (" + ("feedparser reads it so; strict XML readers refuse the feed"
                                             if _ASCII.match(declared) else
                                             "apps showed its accented letters as two odd characters each") + ")",
                                field="encoding", hint="nothing to do: the new feed is UTF-8 and declares it"))
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        _refuse_web_page(data, source)
        # one line (libxml2 ends some messages in "\n"), without lxml's "(<string>, line 41)" after its own position
        broken = re.sub(r"\s*\(<string>, line \d+\)$", "", re.sub(r"\s+,", ",", " ".join(str(exc).split())))
        line = exc.lineno or 0
        repaired = _windows_1252(data) if re.search(r"Invalid bytes in character encoding|not proper UTF-8", broken) else None
        if repaired is not None:
            problems.append(warning("IMP003", source, f"the feed is declared as UTF-8 but {repaired[1]} of its bytes are "
                                    f"not ({broken}); read them as Windows-1252 (curly quotes, dashes, accents)",
                                    field=f"line {line}", hint="check the imported titles and notes; the new feed is UTF-8"))
            return _read(repaired[0], source, problems)
        # Hand-built feeds often carry HTML entities (&nbsp;) outside CDATA: read what can be read, and say so.
        recovering = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True,
                                     remove_comments=True, remove_pis=True)
        try:
            root = etree.fromstring(data, recovering)
        except etree.XMLSyntaxError:
            root = None
        if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
            raise InputError(error("IMP002", source, "not an RSS feed: this is JSON (a JSON Feed?)",
                                   hint="give the podcast's RSS feed: mediafeed imports RSS 2.0")) from None
        if root is None or local_name(root.tag) != "rss":
            if not data.strip():
                raise InputError(error("IMP002", source, "the feed is empty", hint="check the address or the file")) from None
            said, hint = syntax_hint(data, broken, line)  # what check FEED says of it: gzip, UTF-16, an image…
            raise InputError(error("IMP002", source, f"not an RSS feed: {said}", field=f"line {line}",
                                   hint=hint if hint != "fix the XML syntax at that line" else
                                   "check the address: it must be the podcast's RSS feed, not its web page")) from None
        refusal = _unrecoverable(data, broken) or _items_lost(data, root)
        if refusal:
            raise InputError(error("IMP002", source, f"{refusal[0]} ({broken})", field=f"line {line}",
                                   hint=refusal[1])) from None
        problems.append(warning("IMP003", source, f"the feed is not well-formed XML ({broken}); read it leniently",
                                field=f"line {line}", hint="compare the imported notes with the old site"))
    try:
        return _read(root, source, problems)
    except UnicodeDecodeError:
        # lxml's recovery keeps a broken character reference (&#xD800;) as bytes that are not UTF-8; its text
        # cannot be read at all
        raise InputError(error("IMP002", source, f"the feed is not well-formed XML and cannot be read even leniently: "
                               f"{broken}",
                               hint="fix the XML at that line (a character reference such as &#xD800; names no "
                               "character), save the feed to a file and import that")) from None


def _refuse_web_page(data: bytes, source: str) -> None:
    """IMP002 for a web page given instead of a feed (the show's address pasted from the browser), with the
    feeds the page links to (``<link rel="alternate" type="application/rss+xml">``): the command that imports them."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if not head.startswith((b"<!doctype html", b"<html")):
        return
    from lxml import html as lxml_html

    feeds: list[str] = []
    try:
        page = lxml_html.document_fromstring(data[:2_000_000])
    except (etree.ParserError, ValueError):
        page = None
    for link in page.iter("link") if page is not None else ():
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind == "application/rss+xml" and href:
            url = urljoin(source, href) if urlsplit(source).scheme in ("http", "https") else href
            if urlsplit(url).scheme in ("http", "https") and url not in feeds:
                feeds.append(url)
    if feeds:
        hint = f"it links to its feed: mediafeed import {feeds[0]}" if len(feeds) == 1 else \
            "it links to these feeds; import the podcast's: " + ", ".join(feeds[:5])
    else:
        hint = ("give the podcast's RSS feed, not its web page: look for 'RSS' on the page, or in the host's "
                "settings (often called 'RSS feed' or 'feed URL')")
    raise InputError(error("IMP002", source, "not an RSS feed: this is a web page (HTML)", hint=hint))


def _read(root: Any, source: str, problems: list[Problem]) -> tuple[ShowRecord, list[Problem]]:
    if local_name(root.tag).lower() == "html":
        _refuse_web_page(etree.tostring(root), source)
    if local_name(root.tag) != "rss":
        raise InputError(error("IMP002", source, f"not an RSS feed (the document is <{local_name(root.tag)}>)",
                               hint="give the podcast's RSS feed; Atom feeds are not podcast feeds"))
    channel = root.find("channel")
    if channel is None:
        raise InputError(error("IMP002", source, "the RSS feed has no <channel>"))
    _normalise_namespaces(root, source, problems)
    show = show_record(channel, source)
    problems += not_carried(channel, CHANNEL_TAGS, "the channel", source)
    problems += ignored_by_apple(channel, "the channel", source)
    subtitle = subtitle_not_carried(channel, show.description)
    if subtitle:
        problems.append(warning("IMP051", source, f"the channel: itunes:subtitle {quoted(subtitle)} is not imported: "
                                "mediafeed writes no itunes:subtitle (Apple's guide no longer lists it), and the "
                                "description does not say it", field="itunes:subtitle",
                                hint="if it says something the description does not, add it to 'description' in show.yml"))
    base = show.link or source
    seen: set[str] = set()
    items = channel.findall("item")
    if not items and any(True for _ in root.iter("item")):
        items = list(root.iter("item"))  # what the producer meant: apps see no episodes, the importer keeps them
        problems.append(warning("IMP003", source, f"the feed's {len(items)} <item> element{'s are' if len(items) > 1 else ' is'} "
                                "outside <channel>, where apps do not look; read as its episodes", field="item",
                                hint="nothing to do: the new feed puts them inside <channel>"))
    refuse_too_many_items(len(items), source, "IMP002")
    if not items and channel.find("{http://www.w3.org/2005/Atom}link[@rel='next']") is None:
        problems.append(warning("IMP018", source, "the feed has no <item>: no episode to import", field="item",
                                hint="if the show has episodes, the old host served an empty or partial feed: import "
                                "it again when it lists them, and do not publish the new feed before (it would tell "
                                "every app the show has none)"))
    unplaced_tags: dict[str, list[tuple[str, str, int]]] = {}  #: tag → (GUID, title, count) of each item holding it
    for position, element in enumerate(items):
        episode, made = episode_record(element, base, source, position, feed_url=show.self_url)
        problems.extend(made)
        if episode is None:
            continue
        if episode.guid in seen:
            problems.append(error("IMP012", source, f"two items share the GUID {quoted(episode.guid, 200)}; the second was skipped",
                                  field="guid", episode=episode.guid,
                                  hint="apps treat them as one episode; import the other by hand with a new GUID"))
            continue
        seen.add(episode.guid)
        show.episodes.append(episode)
        for name, count in unplaced(element, ITEM_TAGS).items():
            unplaced_tags.setdefault(name, []).append((episode.guid, episode.title, count))
        if subtitle_not_carried(element, " ".join((episode.summary, episode.notes_html))):
            unplaced_tags.setdefault("itunes:subtitle", []).append((episode.guid, episode.title, 1))
    problems += items_not_carried(unplaced_tags, source)
    problems += _trailers_not_carried(show, source)
    return show, problems


def _trailers_not_carried(show: ShowRecord, source: str) -> list[Problem]:
    """IMP050 for a channel ``podcast:trailer`` the new feed will not have: the build writes one for each episode of
    ``type: trailer`` without a number, so a trailer whose file is no such item of the feed would be gone."""
    problems = []
    for url, title in show.trailers:
        match = next((e for e in show.episodes if e.enclosure is not None and e.enclosure.url == url), None)
        if match is not None and match.episode_type == "trailer" and not match.number:
            continue
        why = ("its file is no item of the feed" if match is None else
               f"its item {quoted(match.title)} is not a trailer without an episode number (itunes:episodeType trailer), "
               "which is what the build writes podcast:trailer for")
        problems.append(warning("IMP050", source, f"the channel: podcast:trailer {quoted(title)} ({url[:200]}) is not "
                                f"imported: {why}", field="podcast:trailer", episode=match.guid if match else "",
                                hint="to keep the trailer, add it as an episode of its own with 'type: trailer' and no "
                                "'episode:' number ('mediafeed add')" if match is None else "write 'type: trailer' "
                                "and no 'episode:' number in its episode.md if it is the show's trailer"))
    return problems


def _normalise_namespaces(root: Any, source: str, problems: list[Problem]) -> None:
    """Near misses of the itunes and podcast namespace URIs read as the real ones: what the old feed meant
    (categories, explicit, numbers, durations) is kept, and the new feed declares the namespaces exactly."""
    aliases = {alias: PODCAST for alias in PODCAST_ALIASES}
    # the itunes: prefix bound to the podcast namespace (or the reverse): its tags told apart by the prefix written
    crossed: dict[tuple[str, str], str] = {}
    for _, (prefix, uri) in etree.iterwalk(root, events=("start-ns",)):
        clark = "{%s}" % uri
        if (prefix, clark) in (("itunes", PODCAST), ("podcast", ITUNES)) and (prefix, clark) not in crossed:
            crossed[(prefix, clark)] = ITUNES if prefix == "itunes" else PODCAST
            problems.append(warning("IMP004", source, f"the feed declares {prefix} as {quoted(uri, 200)}, the "
                                    f"{'podcast' if prefix == 'itunes' else 'itunes'} namespace; its {prefix}: tags read as "
                                    f"{quoted(crossed[(prefix, clark)][1:-1], 200)}", field=f"xmlns:{prefix}",
                                    hint="nothing to do: the new feed declares it exactly (apps did not see these tags "
                                    "in the old feed)"))
            continue
        if clark in (ITUNES, PODCAST) or clark in aliases:
            continue
        if near_itunes(uri) or prefix == "itunes":  # a near miss, or a misspelling under the usual prefix
            aliases[clark] = ITUNES
        elif near_podcast(uri) or prefix == "podcast":
            aliases[clark] = PODCAST
        else:
            continue
        problems.append(warning("IMP004", source, f"the feed declares {'itunes' if aliases[clark] == ITUNES else 'podcast'} "
                                f"as {quoted(uri, 200)}; read as {quoted(aliases[clark][1:-1], 200)}", field=f"xmlns:{prefix}" if prefix else "xmlns",
                                hint="nothing to do: the new feed declares it exactly (apps that compare exactly "
                                "did not see these tags in the old feed)"))
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            namespace = element.tag[:element.tag.index("}") + 1]
            if (element.prefix, namespace) in crossed:
                element.tag = crossed[(element.prefix, namespace)] + element.tag[len(namespace):]
                continue
            for alias, real in aliases.items():
                if element.tag.startswith(alias):
                    element.tag = real + element.tag[len(alias):]
                    break


#: the names of US-ASCII, which UTF-8 text beyond it breaks: lenient reading stopped at the first 'é', and a feed declared
#: encoding="us-ascii" (old Perl and .NET generators) imported its title up to there and none of its episodes
_ASCII = re.compile(r"^(?:us-?ascii|ascii|ansi_x3\.4-1968|iso646-us)$", re.I)


def _ascii_declared_utf8(data: bytes) -> str:
    """The US-ASCII name ``data`` declares although it holds UTF-8 text beyond ASCII; "" otherwise."""
    name = declared_encoding(data)
    if not _ASCII.match(name) or data.isascii():
        return ""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return name


def _windows_1252(data: bytes) -> tuple[Any, int] | None:
    """``data`` parsed with every byte that is not part of a UTF-8 character read as Windows-1252, and how many
    there were; None when the feed declares another encoding, or is still not well-formed after that.

    Hosts that paste from word processors write Windows-1252 curly quotes and dashes into a feed declared
    UTF-8; lenient reading would turn each into U+FFFD in the imported titles and notes."""
    head = data[:200].lower()
    declared = re.search(rb"""encoding\s*=\s*["']([a-z0-9_.-]+)""", head)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (declared and declared.group(1) not in (b"utf-8", b"utf8")):
        return None
    text = data.decode("utf-8", "surrogateescape")
    count = 0

    def one(match: re.Match[str]) -> str:
        nonlocal count
        count += len(match.group(0))
        raw = match.group(0).encode("utf-8", "surrogateescape")
        return raw.decode("cp1252", "replace") if raw else ""

    fixed = re.sub("[\udc80-\udcff]+", one, text).encode("utf-8")
    try:
        return etree.fromstring(fixed, parser()), count
    except etree.XMLSyntaxError:
        return None


_LIMITS = re.compile(r"amplification|entity reference loop|Resource limit|Excessive depth|XML_PARSE_HUGE|Huge input", re.I)


_HIDDEN = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.S)  #: where '<item>' is text, not an item


def _items_lost(data: bytes, root: Any) -> tuple[str, str] | None:
    """Why lenient reading is refused when it reads fewer items, enclosures or GUIDs than the feed holds: libxml2's
    recovery stops at an error it cannot step over (a byte the declared encoding does not have) and drops what
    follows in that element, episodes or their audio included, without a word."""
    shown = _HIDDEN.sub(b"", data)
    for tag in ("item", "enclosure", "guid"):
        written = len(re.findall(rb"<" + tag.encode() + rb"[\s>/]", shown))
        read = sum(1 for _ in root.iter(tag))
        if read < written:
            return (f"the feed is not well-formed XML, and reading it leniently finds {read} of its {written} <{tag}> "
                    "elements: the episodes after that line would be lost", "fix the XML at that line (save the feed "
                    "to a file, correct it, and import the file), or ask the old host for a well-formed feed")
    return None


def _unrecoverable(data: bytes, message: str) -> tuple[str, str] | None:
    """Why reading ``data`` leniently would lose episodes without saying so, with the fix; None when it is
    one of the hand-built mistakes recovery is for (``&nbsp;``, a bare ``&``, unclosed HTML in notes).

    lxml's recovery stops where the parser stopped: a feed cut short, or one over the parser's safety limits
    (entity amplification, nesting, a 10 MB text), would import its first items and report the one it
    stopped in as having no enclosure."""
    if _LIMITS.search(message):
        return ("the feed goes beyond the XML parser's safety limits (entities that expand enormously, very deep "
                "nesting or a text over 10 MB) and is not imported",
                "a podcast feed needs none of these: ask the old host for the plain RSS feed, or remove the "
                "<!DOCTYPE …> declaration from a saved copy and import that")
    tail = data.rstrip(b" \t\r\n\x00")
    if not (tail.endswith(b">") and b"</rss>" in tail[-64:].replace(b"\x00", b"").lower()):
        return ("the feed ends before </rss>: it was cut short (an interrupted download or a size limit on the "
                "old host), so its last items are missing",
                "fetch the feed again (or save the whole feed to a file) and import that")
    return None
