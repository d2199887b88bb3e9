"""The RSS feed (the only module that imports feedgen's generator, when a channel is made: see :func:`frame_key`).

feedgen's quirks are wrapped here, once (see PODCAST-RULES.md):

* ``add_entry`` prepends by default: items are added with ``order="append"`` in
  the order given (newest first);
* ``lastBuildDate`` defaults to now and every date goes through a helper that
  switches the process locale: feedgen is given no dates at all; ``pubDate`` and
  ``lastBuildDate`` are written by our extension with :func:`dates.rfc2822`;
* ``itunes:`` tags come from :mod:`itunes_ns`, not feedgen's podcast extension;
* ``description`` and ``content:encoded`` are written as CDATA by us, so an item
  never gets its full notes as ``<description>`` by accident.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from feedgen.ext.base import BaseExtension
from lxml.etree import CDATA, Element, SubElement, tostring

from . import __version__, codec, incremental, itunes_ns, podcast_ns
from .dates import rfc2822
from .itunes_ns import ItunesExtension
from .model import Item, Show
from .notes import absolute_urls, forbidden_dropped
from .podcast_ns import PodcastExtension
from .records import frozen
from .source import is_url

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

#: what an item function gives for each item: its bytes, or (a build's writer) a ``streams.Piece``
Chunk = TypeVar("Chunk")

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
ATOM_NS = "http://www.w3.org/2005/Atom"
HISTORY_NS = "http://purl.org/syndication/history/1.0"  #: RFC 5005 feed history


@frozen
class Paging:
    """RFC 5005 links for a paged or archived feed (see :mod:`archives`)."""

    next_url: str = ""  #: paged feeds (section 3): the next, older page
    prev_archive_url: str = ""  #: archived feeds (section 4): the next older archive document
    current_url: str = ""  #: the subscription feed (feed.xml), from an archive document
    complete: bool = False  #: fh:complete: this document holds every entry
    first_url: str = ""  #: paged feeds: the newest page (feed.xml)
    last_url: str = ""  #: paged feeds: the oldest page
    previous_url: str = ""  #: paged feeds: the next, newer page
    next_archive_url: str = ""  #: archived feeds: the next newer archive document
    archive: bool = False  #: fh:archive: this is an archive document, its entries do not change


class _CoreExtension(BaseExtension):  # type: ignore[misc]
    """Channel dates and RFC 5005 links."""

    build_date: datetime | None = None
    pub_date: datetime | None = None
    paging: Paging | None = None
    hubs: tuple[str, ...] = ()

    def extend_ns(self) -> dict[str, str]:
        return {"atom": ATOM_NS, "content": CONTENT_NS, **({"fh": HISTORY_NS} if self.paging else {})}

    def extend_rss(self, feed: Any) -> Any:
        channel = feed[0]
        for hub in self.hubs:  # WebSub discovery: subscribers learn the hub that publish pings
            SubElement(channel, "{%s}link" % ATOM_NS, rel="hub", href=hub)
        if self.pub_date:
            SubElement(channel, "pubDate").text = rfc2822(self.pub_date)
        if self.build_date:
            SubElement(channel, "lastBuildDate").text = rfc2822(self.build_date)
        paging = self.paging
        if paging:
            if paging.archive:
                SubElement(channel, "{%s}archive" % HISTORY_NS)
            if paging.complete:
                SubElement(channel, "{%s}complete" % HISTORY_NS)
            for rel, href in (("current", paging.current_url), ("first", paging.first_url),
                              ("previous", paging.previous_url), ("next", paging.next_url), ("last", paging.last_url),
                              ("next-archive", paging.next_archive_url), ("prev-archive", paging.prev_archive_url)):
                if href:
                    SubElement(channel, "{%s}link" % ATOM_NS, rel=rel, href=href, type="application/rss+xml")
        return feed


def _core_elements(entry: Any, item: Item, cdata: Callable[[str], Any] = CDATA) -> None:
    """An item's ``description``, ``content:encoded`` and ``pubDate`` (after title, link, guid and enclosure);
    ``cdata`` makes the two CDATA sections (see :func:`render_items`)."""
    description = SubElement(entry, "description")
    short = (absolute_urls(item.description_html, item.page_url)
             or f"<p>{_escape(item.episode.summary or item.episode.title)}</p>")
    description.text = cdata(short)
    if item.notes_html:
        full = absolute_urls(item.notes_html, item.page_url)
        SubElement(entry, _CONTENT_ENCODED).text = cdata(longest(full, short, item.episode.summary or ""))
    SubElement(entry, "pubDate").text = rfc2822(item.episode.date)


#: what lengthens content:encoded where :func:`longest` must (an HTML comment: no app or page shows it)
_LONGER = "\n<!-- the full show notes{} -->"


def longest(full: str, *others: str) -> str:
    """``full`` (the notes for ``content:encoded``), longer than each of ``others`` (the item's ``description`` and
    ``itunes:summary``) that differs from it. AntennaPod shows an episode whichever of the three is longest (in
    UTF-16 units, as Java counts), and Apple's description, written with headings as bold paragraphs, can come out
    longer than the notes it shortens: it showed three of the sample show's six episodes without their headings, and
    notes with four headings and an image without the image. Where it would, ``full`` ends with an HTML comment long
    enough; otherwise it is returned as it is."""
    need = max((_units(other) for other in others if other != full), default=0) - _units(full)
    if need < 0:
        return full
    return full + _LONGER.format(" " * max(need + 1 - _units(_LONGER.format("")), 0))


def _units(text: str) -> int:
    """``text``'s length in UTF-16 code units (Java's ``String.length()``: a character beyond U+FFFF is two, a lone
    surrogate one). Counted by the codec, in C: a Python look at each character of the notes, the description and the
    summary cost ~1 M instructions an item, each render (a cold build renders each item twice: +29% of its total)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


class _HeldSections:
    """The items' CDATA sections (their description and notes) held out of lxml's tree: each element gets a
    stand-in section, and the serialised document gets each text in place of its stand-in (:meth:`put_back`).

    lxml checks every character of a section's text as it is given (an XML character? a ``]]>``?) and copies it
    into libxml2's tree, which copies it out again: for ~10 KB of notes an item, rendered twice a cold build (the
    feed rules', the feed's), a tenth of an episode's feed work. A text is held only when it is plain: no ``]]>``
    and no character XML or HTML forbids (``notes.forbidden_dropped`` leaves it as it is, as ``notes.render``
    leaves every episode's notes), so lxml would have taken it and libxml2 written it as it is (a CDATA section's
    text is never escaped). One that is not makes :func:`render_items` render the items again without stand-ins,
    all of it lxml's (its error, or its bytes, as before)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.plain = True

    def __call__(self, text: str) -> Any:
        if "]]>" in text or forbidden_dropped(text) is not text:
            self.plain = False
        self.texts.append(text)
        return CDATA(_STAND_IN)

    def put_back(self, document: bytes) -> bytes:
        """``document`` with each stand-in section holding its text (in the order the sections were made). The
        document's only CDATA sections are the stand-ins, and "<" in any text or attribute value is escaped: each
        ``<![CDATA[`` it holds starts one."""
        pieces = document.split(_STAND_IN_SECTION)
        if len(pieces) != len(self.texts) + 1:
            raise AssertionError("feed items' CDATA sections could not be told apart")  # pragma: no cover - see above
        out = [pieces[0]]
        for text, piece in zip(self.texts, pieces[1:]):  # (strict: the lengths are checked above)
            out += (_CDATA_START, text.encode("utf-8"), _CDATA_END, piece)
        return b"".join(out)


_STAND_IN = "mediafeed"
_CDATA_START, _CDATA_END = b"<![CDATA[", b"]]>"
_STAND_IN_SECTION = _CDATA_START + _STAND_IN.encode() + _CDATA_END


_CONTENT_ENCODED = "{%s}encoded" % CONTENT_NS


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def websub_hubs(show: Show) -> tuple[str, ...]:
    """The WebSub hubs ``publish`` pings (show.yml ``publish.notify.websub``), advertised in the feed."""
    notify = show.publish.get("notify") if isinstance(show.publish, dict) else None
    hubs = notify.get("websub") if isinstance(notify, dict) else None
    if isinstance(hubs, str):
        hubs = [hubs]
    if not isinstance(hubs, list):
        return ()
    return tuple(h for h in hubs if isinstance(h, str) and is_url(h))


def render_feed(show: Show, items: list[Item], *, image_url: str, build_date: datetime | None,
                self_url: str = "", paging: Paging | None = None, image_size: int = 0,
                trailers: tuple[Item, ...] = (), item_xml: ItemXml | None = None) -> bytes:
    """The feed's bytes: ``items`` newest first; same input, same bytes.

    ``item_xml`` gives each item's ``<item>`` element (default :func:`render_items`); a build passes one
    that reuses the elements of unchanged episodes (:mod:`feeditems`).
    """
    head, tail = render_frame(show, items, image_url=image_url, build_date=build_date, self_url=self_url,
                              paging=paging, image_size=image_size, trailers=trailers)
    return b"".join(feed_chunks(head, tail, items, item_xml or render_items))


def feed_chunks(head: bytes, tail: bytes, items: list[Item],
                item_xml: Callable[[list[Item]], Sequence[Chunk]]) -> Iterator[bytes | Chunk]:
    """A feed document's bytes in pieces: ``head``, the items' elements (asked of ``item_xml``
    :data:`BATCH` items at a time, so a feed of any length is never whole in memory), ``tail``."""
    yield head
    for start in range(0, len(items), BATCH):
        yield from item_xml(items[start:start + BATCH])
    yield tail


def render_frame(show: Show, items: list[Item], *, image_url: str, build_date: datetime | None,
                 self_url: str = "", paging: Paging | None = None, image_size: int = 0,
                 trailers: tuple[Item, ...] = ()) -> tuple[bytes, bytes]:
    """The feed document around its items: the bytes before the first ``<item>`` and after the last."""
    fg = _generator()
    fg.title(show.title)
    # feedgen takes the *last* link as RSS <link>: the self link goes first.
    fg.link(href=self_url or show.feed_url, rel="self", type="application/rss+xml")
    fg.link(href=show.url, rel="alternate")
    fg.description(show.description)
    fg.language(show.language)
    if show.copyright:
        fg.copyright(show.copyright)
    fg.generator(f"mediafeed {__version__}")
    if image_url:
        fg.image(url=image_url, title=show.title, link=show.url)
    core: Any = fg.mfcore
    core.build_date = build_date
    core.pub_date = items[0].episode.date if items else build_date
    core.paging = paging
    core.hubs = websub_hubs(show)
    fg.itunes.show = show
    fg.itunes.image_url = image_url
    fg.podcastindex.show = show
    fg.podcastindex.image_url = image_url
    fg.podcastindex.image_size = image_size
    fg.podcastindex.trailers = trailers
    # feedgen appends the items at the end of <channel>, after every channel element: the channel without
    # items, with the items' elements put before its end tag, is the same bytes as feedgen's whole document.
    head, end, tail = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True).rpartition(_CHANNEL_END)
    return head, end + tail


def frame_key(show_key: str, items: list[Item], *, image_url: str, build_date: datetime | None, self_url: str = "",
              paging: Paging | None = None, image_size: int = 0, trailers: tuple[Item, ...] = ()) -> str:
    """What :func:`render_frame`'s bytes are kept under (``feeditems.FeedFrames``): every input it reads, with
    ``show_key`` for the show (:func:`project.key_of_show`: its fields as parsed, the WebSub hubs of ``publish``
    among them), and of each trailer what its ``podcast:trailer`` is made of (``podcast_ns.trailer_element``). The
    channel's code and feedgen's version are in every cache row's tag (``cache.Cache.version``). A frame is made
    only when this changes, so a rebuild with the same channel never imports feedgen's generator (nor dateutil)."""
    pub_date = items[0].episode.date if items else build_date  # (render_frame's pubDate: the newest item's date)
    return incremental.digest(__version__, show_key, image_url, image_size, build_date.isoformat() if build_date else "",
                              pub_date.isoformat() if pub_date else "", self_url, repr(codec.dump(paging)),
                              repr([podcast_ns.trailer_element(trailer) for trailer in trailers]))


ItemXml = Callable[[list[Item]], list[bytes]]
_CHANNEL_END = b"  </channel>\n"
BATCH = 200  #: items rendered (or read from the cache) at a time
_ITEM_START = b"    <item>\n"
_ITEM_END = b"    </item>\n"


#: feedgen extensions of a feed, in registration order, with what each writes in an item (in that order, after
#: title, link, guid and enclosure): (name, channel extension, item elements), used by the feed
#: (:func:`_generator`) and its items (:func:`render_items`)
_EXTENSIONS: tuple[tuple[str, type[BaseExtension], Callable[[Any, Item], None]], ...] = (
    ("mfcore", _CoreExtension, _core_elements), ("itunes", ItunesExtension, itunes_ns.item_elements),
    ("podcastindex", PodcastExtension, podcast_ns.item_elements))


def _generator() -> FeedGenerator:
    from feedgen.feed import FeedGenerator  # (here: a rebuild whose channel is kept never imports it, nor dateutil)

    fg = FeedGenerator()
    # feedgen sets lastBuildDate to now() in its constructor; we write dates ourselves.
    fg._FeedGenerator__rss_lastBuildDate = None  # noqa: SLF001 - the one place feedgen is patched
    for name, extension, _ in _EXTENSIONS:
        fg.register_extension(name, extension, atom=False)
    return fg


def render_items(items: list[Item]) -> list[bytes]:
    """Each item's ``<item>`` element, indented as in a feed document: its bytes in feed.xml.

    An item's element depends on the item alone (the channel's settings do not reach it, and every
    namespace is declared on ``<rss>``), so it is the same in any feed document. The elements are made
    in a bare ``<rss><channel>`` that declares the same namespaces as a feed, with the elements, in the
    order, that feedgen's ``FeedEntry.rss_entry`` gives an entry with a title, a link, a guid and an
    enclosure (and nothing else), followed by our extensions' (:data:`_EXTENSIONS`). They used to be
    made by feedgen's entries, whose setup (a ``FeedEntry`` with three extensions registered, its
    fields checked one call at a time) was a third of an item's cost; ``tests/golden/feed.xml`` holds
    the bytes they made, and still make.
    """
    if not items:
        return []
    held = _HeldSections()
    document = _items_document(items, held)
    if held.plain:
        document = held.put_back(document)
    else:  # a text lxml may refuse or must have its way with: every section lxml's own
        document = _items_document(items, None)
    body = document[document.index(_ITEM_START):document.rindex(_CHANNEL_END)]
    # "    </item>\n" only ever ends an item: in text and attributes "<" is escaped, and the notes in
    # CDATA are sanitised HTML, which has no <item> tags.
    parts = [part + _ITEM_END for part in body.split(_ITEM_END)[:-1]]
    if len(parts) != len(items) or not all(part.startswith(_ITEM_START) for part in parts):
        raise AssertionError("feed items could not be told apart")  # pragma: no cover - see above
    return parts


def _items_document(items: list[Item], held: _HeldSections | None) -> bytes:
    """A bare ``<rss><channel>`` of ``items`` (see :func:`render_items`), serialised; ``held``: their CDATA sections'
    texts are held there, stand-ins in the document (see :class:`_HeldSections`)."""
    rss = Element("rss", version="2.0", nsmap=_ITEM_NAMESPACES)
    channel = SubElement(rss, "channel")
    for item in items:
        entry = SubElement(channel, "item")
        episode = item.episode
        if episode.title:
            SubElement(entry, "title").text = episode.title
        if item.page_url:
            SubElement(entry, "link").text = item.page_url
        if episode.guid:
            SubElement(entry, "guid", isPermaLink="true" if episode.guid_permalink else "false").text = episode.guid
        SubElement(entry, "enclosure", url=item.enclosure_url, length=str(item.media.size), type=item.media.mime)
        for _, _, elements in _EXTENSIONS:
            if elements is _core_elements and held is not None:
                _core_elements(entry, item, held)
            else:
                elements(entry, item)
    return tostring(rss, pretty_print=True, encoding="UTF-8")


#: the namespaces a feed document declares on ``<rss>`` (feedgen: every extension's, then atom and content)
_ITEM_NAMESPACES = {**{prefix: uri for _, extension, _ in _EXTENSIONS for prefix, uri in extension().extend_ns().items()},
                    "atom": ATOM_NS, "content": CONTENT_NS}
