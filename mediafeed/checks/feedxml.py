"""Reading any podcast feed safely: lxml without entity expansion, DTDs or network access.

A feed from the web is untrusted input. The parser never resolves entities
(no "billion laughs", no XXE file reads), never loads a DTD and never fetches
anything; a document that is not well-formed becomes one XML001 problem with
its line, column and a hint for the classic hand-built-XML mistakes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import field
from typing import Any

from lxml import etree

from ..errors import InputError, Problem, error, warning
from ..lazypattern import lazy
from ..records import mutable
from ..source import quoted
from .expat import expat_encoding
from .xmlhints import syntax_hint

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
#: The namespace URL the Podcast Index used before 2021; apps still read it.
PODCAST_LEGACY = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
PSC = "http://podlove.org/simple-chapters"
PREFIXES = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM, "content": CONTENT, "psc": PSC}

@mutable
class FeedDoc:
    """A parsed RSS feed: where it came from and its ``<channel>``."""

    source: str  #: path or URL, used as Problem.file
    root: Any
    channel: Any
    itunes: str = ITUNES  #: the namespace the feed really uses for itunes: elements
    podcast: str = PODCAST
    names: dict[str, str] = field(default_factory=dict, repr=False)  #: q's answers: ``prefix:local`` → Clark name
    #: the elements :func:`children_by_tag` listed last (a few), with their children by tag (the rules look up
    #: a dozen children of one item after another: one pass over its children, not a dozen ``find`` calls)
    listed: dict[Any, dict[str, list[Any]]] = field(default_factory=dict, repr=False)
    #: enclosure URL → GUID of the feed's items, where this document holds only some of them (a build lints its feed in
    #: documents of LINT_BATCH items): the channel's podcast:trailer names its episode by URL, which may be in another
    elsewhere: dict[str, str] = field(default_factory=dict, repr=False)

    def items(self) -> list[Any]:
        return list(self.channel.iterchildren("item"))


def parser() -> etree.XMLParser:
    # remove_blank_text: the line breaks and indents between elements are a text node each in libxml2 (a fifth of a
    # big feed's tree: 519 → 415 MB for 50,000 items); no rule reads them (an element's own blank text is kept)
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=False, recover=False, remove_blank_text=True)


#: the most elements a feed may have: each costs a parser ~130 bytes, so a feed of a few million ``<x/>`` (60 MB, under
#: the size limit) took 3 GB and 15 s to read, and eight million ``<item/>`` over 12 GB; real feeds have ~30 an episode
MAX_ELEMENTS = 1_000_000
#: the most items checked: every item rule runs on each (~40 µs and a few problems for an empty ``<item/>``: a million
#: of them, within MAX_ELEMENTS, took minutes and gigabytes)
MAX_ITEMS = 50_000
_CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>", re.S)


def element_estimate(data: bytes) -> int:
    """How many elements ``data`` has at most (start and empty-element tags), counted on the bytes before parsing.
    Markup inside CDATA (HTML show notes) is left out only when the first count is over the limit (it costs a pass)."""
    estimate = data.count(b"<") - data.count(b"</")
    if estimate > MAX_ELEMENTS:
        estimate -= sum(m.group().count(b"<") - m.group().count(b"</") for m in _CDATA.finditer(data))
    return estimate


def refuse_too_many_elements(data: bytes, source: str, code: str = "XML000") -> None:
    """``code`` (an error) before parsing a feed of more than :data:`MAX_ELEMENTS` elements: its tree alone would take
    gigabytes. For every command that reads a feed's XML (``check FEED``, ``import``), one cap."""
    if data.count(b"<") <= MAX_ELEMENTS:  # the estimate is at most this (the count of "</" only past it: ~1 ms a 2.6 MB)
        return
    elements = element_estimate(data)
    if elements > MAX_ELEMENTS:
        raise InputError(error(code, source, f"the feed has about {elements:,} elements; mediafeed reads feeds of up to "
                               f"{MAX_ELEMENTS:,} (a feed of 20,000 episodes has about 600,000)",
                               hint="is this really a feed? Its tree would take gigabytes of memory to read"))


def refuse_too_many_items(items: int, source: str, code: str = "XML000") -> None:
    """``code`` (an error) for a feed of more than :data:`MAX_ITEMS` items, before any is read one by one."""
    if items > MAX_ITEMS:
        raise InputError(error(code, source, f"the feed has {items:,} items; mediafeed reads feeds of up to "
                               f"{MAX_ITEMS:,} episodes", hint="is this really a feed? (the largest podcasts have a "
                               "few thousand episodes; apps and directories read only the newest ones)"))


def parse(data: bytes, source: str) -> tuple[FeedDoc | None, list[Problem]]:
    """A :class:`FeedDoc`, or None with the XML001 problem that stops linting.

    Raises :class:`InputError` when the document is XML but not an RSS feed
    (an HTML page, an Atom feed): that is the wrong input, not a broken feed.
    """
    if not data.strip():
        raise InputError(error("XML000", source, "the feed is empty", hint="check the path or URL"))
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        what = "a JSON Feed" if b"jsonfeed.org/version" in data[:4096] else "JSON"
        raise InputError(error("XML002", source, f"not an RSS 2.0 podcast feed: this is {what}",
                               hint="podcast apps read RSS 2.0 (<rss><channel>…); give the RSS feed's URL"))
    refuse_too_many_elements(data, source)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        root = _through_python_codec(data, exc)
        if root is None:
            return None, _not_well_formed(data, source, exc)
    refuse_too_many_items(sum(1 for _ in root.iterfind("channel/item")), source)
    problems: list[Problem] = []
    tag = etree.QName(root).localname if isinstance(root.tag, str) else ""
    if tag == "rss" and root.find("channel") is None:
        problems.extend(_default_namespace(root, source))
    if tag != "rss" or root.find("channel") is None:
        # an <rss> without its <channel> (or a <channel> without its <rss>) is a broken RSS feed, not another format:
        # the W3C validator's MissingElement and "Undefined root element", named as what to write
        what = {"feed": "an Atom feed", "entry": "an Atom entry (one post, not a feed)", "html": "an HTML page",
                "RDF": "an RSS 1.0 (RDF) feed", "opml": "an OPML list of feeds (give one feed's xmlUrl)",
                "rss": "an <rss> without a <channel> inside it", "channel": "a <channel> without <rss> around it",
                }.get(tag, f"a <{tag}> document")
        raise InputError(error("XML002", source, f"not an RSS 2.0 podcast feed: this is {what}",
                               hint="podcast apps read RSS 2.0: <rss version=\"2.0\"><channel>…the show and its "
                               "<item>s…</channel></rss>" if tag in ("rss", "channel") else
                               "podcast apps read RSS 2.0 (<rss><channel>…); give the RSS feed's URL"))
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or (tree.docinfo.doctype or "").strip():
        problems.append(warning("XML003", source, "the feed declares a DOCTYPE; its entities are not expanded and some apps refuse it",
                                field="DOCTYPE", hint="remove the <!DOCTYPE …> declaration; RSS needs none"))
    version = root.get("version")
    if version is None or version.strip() != "2.0":
        problems.append((warning if version else error)(
            "XML008", source, f"<rss version=\"{version}\">: podcast feeds are RSS 2.0" if version else
            "<rss> has no version attribute (the W3C validator rejects it; apps guess the format)", field="rss@version",
            hint="write <rss version=\"2.0\" …>"))
    encoding = _declared_encoding(data, source) + _bom_conflict(data, source) + expat_encoding(data, source)
    problems.extend(encoding or _not_utf8(data, source) + _c1_controls(data, source))
    problems.extend(_entities(root, source))
    doc = FeedDoc(source, root, root.find("channel"))
    problems.extend(_namespaces(doc))
    return doc, problems



def _not_well_formed(data: bytes, source: str, exc: etree.XMLSyntaxError) -> list[Problem]:
    """The XML001 problem for libxml2's complaint, with its line, column and a hint; an HTML page is XML002."""
    message = str(exc.msg if hasattr(exc, "msg") else exc)
    line, column = (exc.position if getattr(exc, "position", None) else (exc.lineno, 0))
    message = re.sub(r"\s*,? line \d+, column \d+\s*$", "", " ".join(message.split()))  # libxml2 ends some in "\n"
    message, hint = syntax_hint(data, message, line)
    if line == 1 and data.lstrip()[:1] == b"<" and b"<html" in data[:2048].lower():
        raise InputError(error("XML002", source, "this is an HTML page, not a feed",
                               hint="give the feed's own URL (look for an RSS link on the page)")) from None
    return [error("XML001", source, f"not well-formed XML at line {line}, column {column}: {message}",
                  field=f"line {line}", hint=hint)]


def _through_python_codec(data: bytes, exc: etree.XMLSyntaxError) -> Any:
    """The feed's root when libxml2 refused only the encoding's name and Python knows it (``mac-cyrillic``: libxml2
    says "Unsupported encoding", while expat, so podcastparser and feedparser, reads it through Python's codec):
    the text is decoded by Python and read as UTF-8. XML015 says what the name costs; None for any other error."""
    if "Unsupported encoding" not in str(exc):
        return None
    name = declared_encoding(data)
    try:
        text = data.decode(name) if name else ""
    except (LookupError, UnicodeDecodeError):
        return None
    if not text:
        return None
    head = re.sub(r"""(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""", r"\g<1>UTF-8", text[:300], count=1)
    try:
        return etree.fromstring((head + text[300:]).encode("utf-8"), parser())
    except etree.XMLSyntaxError:
        return None

#: single-byte encodings in which any byte sequence decodes (so UTF-8 bytes become "Ã©" without an error)
_SINGLE_BYTE = lazy(r"^(iso-?8859-?\d+|latin-?\d|l\d|windows-125\d|cp125\d|iso_8859-\d+)$", re.I)


_DECLARATION = re.compile(rb"""\s*(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def declared_encoding(data: bytes) -> str:
    """The encoding the XML declaration names (after a UTF-8 byte order mark too); "" without one."""
    declared = _DECLARATION.match(data[:300])
    return declared.group(1).decode("ascii") if declared else ""


def _not_utf8(data: bytes, source: str) -> list[Problem]:
    """XML015: a feed in another encoding than UTF-8 (ISO-8859-1, windows-1252, UTF-16). Apple's requirements
    name the declaration ``<?xml version="1.0" encoding="UTF-8"?>``; every app decodes other encodings by what the
    feed says, and one that libxml2 does not know by its name (``mac-cyrillic``) is refused by readers built on it
    (mediafeed reads it through Python's codec, as expat does). US-ASCII is UTF-8's subset."""
    # UTF-16 with its mark, or without it (the XML spec requires the mark; every reader finds '<?' all the same)
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00?\x00", b"\x00<\x00?"))
    name = "UTF-16" if utf16 else declared_encoding(data)
    try:
        canonical = codecs.lookup(name).name if name else "utf-8"
    except LookupError:
        return []  # a name nobody knows is XML001 (libxml2) or XML014 (expat)
    if canonical in ("utf-8", "ascii"):
        return []
    unknown = ""
    if not utf16:
        try:
            etree.fromstring(b'<?xml version="1.0" encoding="%s"?><x/>' % name.encode("ascii"))
        except etree.XMLSyntaxError:
            unknown = f"; libxml2 does not know the name {quoted(name, 200)}, so readers built on it refuse the whole feed"
    return [warning("XML015", source, f"the feed is encoded as {quoted(name, 200)}, not UTF-8: Apple's requirements ask for "
                    f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{unknown}", field="encoding",
                    hint="save the feed as UTF-8 and declare <?xml version=\"1.0\" encoding=\"UTF-8\"?>")]


#: a character reference to U+0080–U+009F (``&#147;``, ``&#x93;``)
_C1_REFERENCE = re.compile(rb"&#(?:0*(12[89]|1[3-5][0-9])|[xX]0*([89][0-9a-fA-F]));")


def _c1_controls(data: bytes, source: str) -> list[Problem]:
    """XML016: text with the control characters U+0080–U+009F, which no one writes on purpose: they are
    windows-1252's curly quotes, dashes and ellipsis (bytes 0x80–0x9F) read as ISO-8859-1, either by this feed's
    own declaration or once before and saved as UTF-8 (``\\xc2\\x93``), or written as ``&#147;``. Apps show a box or
    nothing: 'This is a test.' for '“test.”'. References inside CDATA (HTML show notes) are left out: the
    browser that shows the notes reads ``&#147;`` as windows-1252's character."""
    name = declared_encoding(data)
    try:
        canonical = codecs.lookup(name).name if name else "utf-8"
    except LookupError:
        return []
    found: set[int] = set()
    if canonical.startswith("iso8859"):  # every ISO-8859 part reads bytes 0x80–0x9F as C1 controls
        found.update(byte for byte in set(data) if 0x80 <= byte <= 0x9F)
    elif canonical == "utf-8" and b"\xc2" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # (the search for the lead byte first: a scan by the pattern cost 0.39 ms for each 340 KB document the
        # build's own lint reads, a memchr a few µs)
        found.update(pair[1] for pair in re.findall(rb"\xc2[\x80-\x9f]", data))
    if _holds_reference(data):
        outside = _CDATA.sub(b"", data)
        found.update(int(decimal) if decimal else int(hexa, 16) for decimal, hexa in _C1_REFERENCE.findall(outside))
    if not found:
        return []
    codes = sorted(found)
    meant = "".join(bytes([c]).decode("cp1252", "replace") for c in codes[:8])
    return [warning("XML016", source, f"the text has the control characters {', '.join(f'U+{c:04X}' for c in codes[:8])}"
                    f"{' …' if len(codes) > 8 else ''} where windows-1252 has {quoted(meant, 200)}: windows-1252 text read as "
                    "ISO-8859-1, so apps show boxes or nothing for those quotes and dashes", field="encoding",
                    hint="convert the text from windows-1252 (iconv -f windows-1252 -t utf-8) and declare "
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")]

def _holds_reference(data: bytes) -> bool:
    """``b"&#" in data``, found from the "&"s (a memchr each: the two-byte search reads ~1 ns a byte, 2 ms for each
    document of a build's lint, which most often holds no "&" at all); past a few dozen "&"s, by the search."""
    at = data.find(b"&")
    for _ in range(_AMPERSANDS):
        if at < 0:
            return False
        if data.startswith(b"&#", at):
            return True
        at = data.find(b"&", at + 1)
    return at >= 0 and data.find(b"&#", at) >= 0


_AMPERSANDS = 64


def utf8_declared_otherwise(data: bytes) -> str:
    """The single-byte encoding (ISO-8859-1, windows-1252) ``data`` declares although its text is UTF-8 with
    characters beyond ASCII; "" when it does not. Any byte sequence decodes in such an encoding, so every app
    reads it as declared and shows 'CafÃ©' for 'Café', without an error anywhere."""
    name = declared_encoding(data)
    if not _SINGLE_BYTE.match(name) or data.isascii():
        return ""
    try:
        codecs.lookup(name)
        data.decode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return ""  # an encoding Python does not know, or really single-byte text
    return name


def _declared_encoding(data: bytes, source: str) -> list[Problem]:
    """XML009: see :func:`utf8_declared_otherwise`."""
    declared = utf8_declared_otherwise(data)
    if not declared:
        return []
    text = data.decode("utf-8").lstrip("\ufeff")  # a byte order mark is no text apps show
    sample = next((word for word in re.findall(r"[^\s<>&\"]*[^\x00-\x7f][^\s<>&\"]*", text)), "")[:40]
    return [warning("XML009", source, f"the feed declares encoding=\"{declared}\" but its text is UTF-8: apps show "
                    f"{quoted(sample.encode('utf-8').decode(declared, 'replace'), 200)} for {quoted(sample, 200)}", field="encoding",
                    hint="declare <?xml version=\"1.0\" encoding=\"UTF-8\"?> (the bytes are UTF-8 already)")]


def _default_namespace(root: Any, source: str) -> list[Problem]:
    """XML013: ``<rss xmlns="…">`` (or ``<channel xmlns="…">``) puts ``channel``, ``item``, ``title``… in a namespace,
    where RSS has none. feedparser guesses; podcastparser refuses the feed ("Unsupported feed type"), and a strict
    reader finds no channel. The elements are read without it, so the rest of the feed is checked too."""
    where = root if etree.QName(root).namespace else next(
        (e for e in root.iterchildren() if isinstance(e.tag, str) and etree.QName(e).localname == "channel"), None)
    if where is None or where.prefix is not None:
        return []
    uri = etree.QName(where).namespace
    for element in where.iter():
        if isinstance(element.tag, str) and element.prefix is None and element.tag.startswith("{%s}" % uri):
            element.tag = element.tag[len(uri) + 2:]
    name = etree.QName(where).localname
    return [error("XML013", source, f"<{name}> declares xmlns=\"{uri}\", which puts <channel>, <item> and every RSS element "
                  "in that namespace (RSS 2.0's have none): strict readers find no channel (podcastparser: \"Unsupported "
                  "feed type\"); read here without it", field="xmlns",
                  hint=f"remove xmlns=\"{uri}\" from <{name}>" + (" (declare it as xmlns:itunes=\"…\" if the itunes: "
                                                                    "tags need it)" if near_itunes(uri) else ""))]


_BOMS = ((b"\xef\xbb\xbf", "UTF-8", "utf-8"), (b"\xff\xfe", "UTF-16", "utf-16-le"), (b"\xfe\xff", "UTF-16", "utf-16-be"))


def _bom_conflict(data: bytes, source: str) -> list[Problem]:
    """XML012: a byte order mark of UTF-8 and a declaration of UTF-16, or the reverse. libxml2 and feedparser follow
    the mark; expat (Python's XML, podcastparser and so gPodder) refuses the document: "encoding specified in XML
    declaration is incorrect". So it does a UTF-8 mark before a US-ASCII declaration once the text goes beyond ASCII
    (the W3C validator's xml_utf-8_bom_with_ascii_declaration.xml): "not well-formed (invalid token)". (A single-byte
    declaration after a UTF-8 mark is XML009: expat reads 'CafÃ©'.) And a UTF-16 mark without a declared encoding,
    which the XML spec allows and feedparser (6.0) reads as UTF-8: no episode at all."""
    for mark, name, codec in _BOMS:
        if data.startswith(mark):
            head = data[len(mark):len(mark) + 600].decode(codec, "replace")
            declared = re.match(r"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", head)
            if not declared and name == "UTF-16" and not data.startswith(b"\xff\xfe\x00\x00"):  # (UTF-32's: XML014)
                return [error("XML012", source, "the feed starts with a UTF-16 byte order mark but declares no encoding "
                              "(the XML spec allows it): feedparser decodes a feed by its declaration, else as UTF-8, "
                              "before it looks at the mark, so it reads no episode at all", field="encoding",
                              hint="save the feed as UTF-8 with <?xml version=\"1.0\" encoding=\"UTF-8\"?> (or at "
                              "least declare encoding=\"UTF-16\")")]
            if not declared:
                return []
            try:
                found = codecs.lookup(declared.group(1)).name
            except LookupError:
                return []
            if found == "ascii" and name == "UTF-8" and not data[len(mark):].isascii():
                return [error("XML012", source, f"the feed starts with a UTF-8 byte order mark but declares "
                              f"encoding=\"{declared.group(1)}\" and has text beyond ASCII; some readers follow the "
                              "mark, others refuse the feed (expat: Python's XML parser, podcastparser and so gPodder: "
                              "\"not well-formed (invalid token)\")", field="encoding",
                              hint="declare <?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
            if found.startswith("utf-16") != (name == "UTF-16"):
                return [error("XML012", source, f"the feed starts with a {name} byte order mark but declares "
                              f"encoding=\"{declared.group(1)}\"; some readers follow the mark, others refuse the feed "
                              "(expat: Python's XML parser, podcastparser and so gPodder)", field="encoding",
                              hint=f"declare encoding=\"{name}\", or better save the feed as UTF-8 with "
                              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
            return []
    return []


def _entities(root: Any, source: str) -> list[Problem]:
    """XML003 as an error where the feed uses an entity its DOCTYPE declares: mediafeed never expands it (an
    external one reads a file or a URL: XXE), and neither do careful apps, so the text is lost for them."""
    out = []
    for entity in root.iter(etree.Entity):
        parent = entity.getparent()
        where = etree.QName(parent).localname if parent is not None and isinstance(parent.tag, str) else "rss"
        item = next((e for e in entity.iterancestors("item")), None)
        label = ""
        if item is not None:  # named as the item rules name it (items.item_label): its GUID, or its position
            guid = item.find("guid")
            label = (guid.text or "").strip() if guid is not None and guid.text else ""
            label = label or f"item {list(item.getparent().iterchildren('item')).index(item) + 1}"
        out.append(error("XML003", source, f"<{where}> uses the entity {entity.text}, which only the DOCTYPE defines; "
                         "mediafeed does not expand it (an external entity would read a file or a URL) and careful apps "
                         "do not either, so that text is lost",
                         field=where, episode=label,
                         hint=f"write the text itself instead of {entity.text}, and remove the <!DOCTYPE …>"))
        if len(out) >= 10:
            break
    return out


def _namespaces(doc: FeedDoc) -> list[Problem]:
    """The itunes namespace is compared byte for byte by Apple; a near miss hides every itunes: tag."""
    problems = []
    seen: dict[str, str] = {}
    declared: set[tuple[str, str]] = set()
    # every declaration in document order, as the first element to have each namespace in scope declares it
    # (the same as reading every element's nsmap, which is rebuilt from its ancestors on each read)
    for _, (prefix, uri) in etree.iterwalk(doc.root, events=("start-ns",)):
        seen.setdefault(uri, prefix or "")
        declared.add((prefix or "", uri))
    problems.extend(_rebound(doc, declared, seen))
    for uri, prefix in sorted(seen.items()):
        if uri != ITUNES and (near_itunes(uri) or (prefix == "itunes" and ITUNES not in seen)):
            doc.itunes = uri
            problems.append(error("XML004", doc.source, f"the itunes namespace is declared as {quoted(uri, 200)}",
                                  field=f"xmlns:{prefix}",
                                  hint=f"declare exactly xmlns:itunes=\"{ITUNES}\" (Apple compares it case-sensitively)"))
        if uri == PODCAST_LEGACY and PODCAST not in seen:
            doc.podcast = uri
            problems.append(warning("XML006", doc.source, "the podcast namespace is declared with its old GitHub URL",
                                    field=f"xmlns:{prefix}",
                                    hint=f"declare xmlns:podcast=\"{PODCAST}\": apps that match the namespace exactly "
                                    "see no podcast: element under the old URL"))
        elif uri != PODCAST and (near_podcast(uri) or prefix == "podcast") and PODCAST not in seen:
            doc.podcast = uri
            problems.append(error("XML006", doc.source, f"the podcast namespace is declared as {quoted(uri, 200)}",
                                    field=f"xmlns:{prefix}",
                                    hint=f"declare exactly xmlns:podcast=\"{PODCAST}\" (apps compare it exactly)"))
        problems.extend(_near_other(doc, uri, prefix, seen))
    return problems


#: the other namespaces podcast apps read, by the prefix feeds give them (XML017)
_OTHERS = {"content": (CONTENT, "content:encoded, the full show notes"), "atom": (ATOM, "atom:link rel=\"self\", the feed's own "
           "address"), "psc": (PSC, "psc:chapters")}


def _near_other(doc: FeedDoc, uri: str, prefix: str, seen: dict[str, str]) -> list[Problem]:
    """XML017: the content, atom or psc namespace declared with a near miss of its URI (no trailing slash on content's,
    https for atom's, another case). Apps match namespaces exactly and read none of its elements: the content one
    passed without a word while every episode's content:encoded went unread."""
    for name, (right, what) in _OTHERS.items():
        if uri != right and right not in seen and _bare(uri) == _bare(right):
            return [warning("XML017", doc.source, f"the {name} namespace is declared as {quoted(uri, 200)}, not {quoted(right, 200)}: apps match "
                            f"it exactly and do not read {what}", field=f"xmlns:{prefix}",
                            hint=f"declare exactly xmlns:{name}=\"{right}\"")]
    return []


def _bare(uri: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", uri.strip().lower()).rstrip("/")


def _rebound(doc: FeedDoc, declared: set[tuple[str, str]], seen: dict[str, str]) -> list[Problem]:
    """XML004/XML006 where the prefix ``itunes:`` (``podcast:``) is bound to another URI while the right one is declared
    too: on an item (a template's snippet) or beside a second prefix for the real one. The tags written with that prefix
    there are in the other namespace, so apps read no itunes: tag: the rules only said "no <itunes:duration>"."""
    wrong = {(prefix, uri) for prefix, uri in declared
             if prefix in ("itunes", "podcast") and uri != (right := ITUNES if prefix == "itunes" else PODCAST)
             and right in seen and not (near_itunes(uri) or near_podcast(uri) or uri == PODCAST_LEGACY)}
    if not wrong:
        return []  # (the second walk, to find where, only for a feed that has it)
    out = []
    pending: list[tuple[str, str]] = []
    for event, found in etree.iterwalk(doc.root, events=("start-ns", "start")):
        if event == "start-ns":
            pending.append(found)
            continue
        for prefix, uri in pending:
            if (prefix, uri) in wrong:
                where = etree.QName(found).localname
                right = ITUNES if prefix == "itunes" else PODCAST
                out.append(error("XML004" if prefix == "itunes" else "XML006", doc.source,
                                 f"<{where}> at line {found.sourceline} declares xmlns:{prefix}=\"{uri}\", although the "
                                 f"feed declares {right} too: every {prefix}: tag written there is in that other namespace, "
                                 f"and apps read none of them", field=f"xmlns:{prefix}",
                                 hint=f"remove xmlns:{prefix}=\"{uri}\" from <{where}>, or make it exactly {right}"))
        pending = []
        if len(out) >= 10:
            break
    return out


def near_itunes(uri: str) -> bool:
    """A near miss of the itunes namespace URI: another case (``DTDs/PodCast-1.0.dtd``, the spelling in Apple's
    own old examples), https, no ``www.``, a trailing slash. Apps that compare exactly see no itunes: tag."""
    return re.sub(r"^https?://(www\.)?", "", uri.strip().lower()).rstrip("/") == "itunes.com/dtds/podcast-1.0.dtd"


def near_podcast(uri: str) -> bool:
    """A near miss of the podcast namespace URI: http://, another case, a trailing slash."""
    return re.sub(r"^https?://", "", uri.strip().lower()).rstrip("/") == "podcastindex.org/namespace/1.0"


def q(doc: FeedDoc, name: str) -> str:
    """Clark notation for ``prefix:local`` names as the feed spells its namespaces."""
    found = doc.names.get(name)
    if found is None:
        found = name
        if ":" in name:
            prefix, local = name.split(":", 1)
            uri = {"itunes": doc.itunes, "podcast": doc.podcast}.get(prefix) or PREFIXES[prefix]
            found = "{%s}%s" % (uri, local)
        doc.names[name] = found
    return found


def children_by_tag(doc: FeedDoc, parent: Any) -> dict[str, list[Any]]:
    """``parent``'s child elements by tag (Clark notation), in document order. The checks never change a
    feed's tree, so the answers for the last few elements are kept (keyed by the element itself, which
    they keep alive: a key is never another element's)."""
    by_tag = doc.listed.get(parent)
    if by_tag is None:
        if len(doc.listed) >= _LISTED:
            doc.listed.clear()
        by_tag = doc.listed[parent] = {}
        for element in parent.iterchildren():
            by_tag.setdefault(element.tag, []).append(element)  # (a comment's tag is a function: never looked up)
    return by_tag


_LISTED = 8  #: elements whose children :func:`children_by_tag` keeps (an item, the channel and a few nested ones)


def child(doc: FeedDoc, parent: Any, name: str) -> Any:
    """The first ``name`` child of ``parent`` (``parent.find``), or None."""
    found = children_by_tag(doc, parent).get(q(doc, name))
    return found[0] if found else None


def children(doc: FeedDoc, parent: Any, name: str) -> list[Any]:
    """Every ``name`` child of ``parent`` (``parent.findall``)."""
    return list(children_by_tag(doc, parent).get(q(doc, name), ()))


def text(doc: FeedDoc, parent: Any, name: str) -> str | None:
    """The stripped text of the first ``name`` child; None when absent."""
    element = child(doc, parent, name)
    if element is None:
        return None
    return (element.text or "").strip()
