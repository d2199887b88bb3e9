"""Show notes: Markdown (GitHub Flavored, CommonMark) → sanitised HTML.

Rendering uses cmarkgfm, the C CommonMark/GFM engine the PyPA uses for PyPI's
READMEs (~0.2 ms an episode, ~40x Python-Markdown). Raw HTML in the Markdown is
allowed through the renderer and then sanitised by nh3 (the Rust ``ammonia``
sanitiser): scripts, event handlers, ``javascript:`` URLs, styles and iframes
never reach a page or the feed as live code.

Two outputs:

* ``html``: the full notes for pages and ``content:encoded`` (headings shifted
  down one level so the page's ``<h1>`` stays the episode title);
* ``description``: the subset Apple allows in ``<description>``
  (``p ol ul li a b i strong em``), cut at a block boundary to fit 4000 bytes.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .characters import HTML_FORBIDDEN_CLASS, WINDOWS_1252
from .lazypattern import caseless, lazy
from .records import frozen

DESCRIPTION_LIMIT = 4000
_EXTENSIONS = ["table", "autolink", "strikethrough", "tasklist"]
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_PAGE_ATTRIBUTES = {
    # a quotation's language and direction (WCAG 3.1.2): values checked by _tidied; ``title`` is nh3's own default
    "*": {"lang", "dir", "title"},
    "a": {"href", "hreflang", "title", "id"},
    "img": {"src", "alt", "width", "height", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "time": {"datetime"},
    "li": {"id"},
    "sup": {"id"},
    "section": {"class"},
    "input": {"checked", "disabled"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "code": {"class"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
}


class _Engines:
    """cmarkgfm and nh3 set up for show notes, made when notes are first rendered (:func:`_engines`): ``list``,
    ``check`` and a build whose notes are all in its cache do not load them (nor ctypes)."""

    def __init__(self) -> None:
        import cmarkgfm
        import nh3
        from cmarkgfm import _cmark
        from cmarkgfm.cmark import Options

        self.cmarkgfm, self.cmark = cmarkgfm, _cmark
        self.options = (Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_SMART
                        | Options.CMARK_OPT_VALIDATE_UTF8)
        self.page = nh3.Cleaner(
            tags=set(nh3.ALLOWED_TAGS) - {"area", "map", "center", "acronym", "tt", "strike"} | {"section", "input"},
            attributes=_PAGE_ATTRIBUTES,
            url_schemes=_URL_SCHEMES,
            link_rel="noopener noreferrer",
            clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select", "svg", "math"},
            tag_attribute_values={"input": {"type": {"checkbox"}}},
            set_tag_attribute_values={"input": {"disabled": ""}},
        )
        self.description = nh3.Cleaner(
            tags={"p", "ol", "ul", "li", "a", "b", "i", "strong", "em"},
            attributes={"a": {"href"}},
            url_schemes=_URL_SCHEMES,
            link_rel=None,
            clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select", "svg", "math"},
        )
        self.native = _native(_cmark)
        cmarkgfm.cmark.core_extensions_ensure_registered()
        #: the GFM extensions each parser attaches, looked up once (they are cmark's, for the life of the process)
        self.extensions = [cmarkgfm.cmark.find_syntax_extension(name) for name in _EXTENSIONS]


@functools.cache
def _engines() -> _Engines:
    return _Engines()

_HEADING = re.compile(r"<(/?)h([1-6])([^>]*)>")
_HEADING_BLOCK = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
#: a table holding no other table (sanitised HTML: every tag closed), its caption, rows and cells
_TABLE = lazy(r"<table\b[^>]*>((?:(?!<table\b).)*?)</table>", re.S)
_CAPTION = lazy(r"<caption\b[^>]*>(.*?)</caption>", re.S)
_THEAD = lazy(r"<thead\b[^>]*>(.*?)</thead>", re.S)
_ROW = lazy(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = lazy(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.S)
_TAGS = re.compile(r"<[^>]+>")


@frozen
class Notes:
    html: str  #: full, sanitised notes for pages and content:encoded
    description: str  #: Apple-safe subset for <description>, ≤ 4000 bytes
    text: str  #: plain text (for meta descriptions and JSON Feed summaries)


def render(markdown: str, link: str = "") -> Notes:
    """Render and sanitise one episode's notes. ``link`` is the page a cut description points to."""
    # GFM without its "tagfilter": nh3 below removes <script>/<style> with their content
    # instead of leaving them on the page as escaped text.
    raw = _nesting_bounded(_to_html(markdown))
    if "<" in markdown:
        raw = _raw_text_kept(raw)
    shifted = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}{m.group(3)}>", raw)
    cleaner = _engines().page
    clean = _cleaned(cleaner, shifted).strip()
    kept = forbidden_dropped(clean)
    if kept is not clean:
        # Dropping a character joins what was around it, and in an attribute that can make the address the sanitiser
        # judged: it took "java\x01script:alert(1)" (from "java&#1;script:") for a relative address and kept it, and
        # without the \x01 it was a live javascript: link on the page and in the feeds (a dialog in Chromium on click).
        # Only notes holding a reference to such a character (&#1;, &#xFFFE;, &#x7F;) are sanitised twice.
        clean = _cleaned(cleaner, kept).strip()
    # (what cdata_safe does, its characters dropped above: one scan for them, 0.1 ms on 5 KB of notes beyond ASCII)
    html = _tidied(_page_ids_removed(clean)).replace("]]>", "]]&gt;")
    description = _describe(html, link)
    return Notes(html=html, description=description, text=plain_text(html))


def transcript_page(html: str, title: str, language: str) -> bytes:
    """An HTML transcript as published: a producer's file (often a transcription service's) that becomes a page of the
    site's own origin, where its scripts would run. Its text and plain markup, sanitised as the notes are, in a
    document of our own (the file's head, with its scripts, styles, base, refresh and links, is left out), in the
    transcript's language and its direction (an Arabic transcript ran left to right)."""
    from html import escape

    from .directions import direction

    head = html.lower().find("</head")
    body = _tidied(_cleaned(_engines().page, _nesting_bounded(html[head:] if head >= 0 else html)).strip())
    body = body.replace("<table>", '<table tabindex="0">')  # it may scroll inside itself: the keyboard must reach it
    # a screen reader jumps to the main landmark and the first heading: a service's file often has neither
    heading = "" if "<h1" in body else f"<h1>{escape(title)}</h1>\n"
    return (f'<!doctype html>\n<html lang="{escape(language)}" dir="{direction(language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'<style>{_TRANSCRIPT_STYLE}</style>\n</head>\n<body>\n<main>\n{heading}{body}\n</main>\n</body>\n</html>\n').encode()


#: the transcript page's own few rules (it has none of the theme's): a long word, a wide table or a long line of
#: code ran a 320 px phone's page 69,026 px wide (WCAG 1.4.10, reflow); a focus ring as the theme's (3 px, in the
#: colour of the text or link), not Chromium's thin default (outline: auto, 1 px); the scheme's colours named, so a
#: contrast checker (axe-core's) reads the dark page's background as dark, not as white
_TRANSCRIPT_STYLE = ("html{color-scheme:light dark;background:Canvas;color:CanvasText}body{max-width:48rem;margin:0 auto;"
                     "padding:0 1rem;font:1.0625rem/1.6 system-ui,sans-serif;overflow-wrap:anywhere}"
                     "img{max-width:100%;height:auto}table{display:block;max-width:100%;overflow-x:auto}"
                     "pre{white-space:pre-wrap}:focus-visible{outline:3px solid;outline-offset:2px}")


#: how many ampersands and no-break spaces the HTML given to nh3 may hold as they are (more are handed over as stand-ins)
_FEW_ESCAPES = 1000
#: characters of the Private Use Area to stand in for "&amp;" and a no-break space: two the text does not hold
_STAND_INS = tuple(map(chr, range(0xE000, 0xE010)))


def _cleaned(cleaner: Any, html: str) -> str:
    """``cleaner.clean(html)``. nh3 writes each "&" and no-break space of its output as a character reference
    (``&amp;``, ``&nbsp;``) in time growing with the square of their number: notes of 200,000 "&" (200 KB) took 2.9 s
    to render, a million characters of "& & …" (under the notes' limit) 42 s, a cold build stalled that long. HTML
    holding many of them gets them (``&amp;``, ``&nbsp;`` or the character) as characters of the Private Use Area,
    which nh3 writes as they are, and they are written back after it: the same output (an "&" or a no-break space is
    text, or part of an attribute's value, on either side of the sanitiser; none can make markup; in the raw text of
    an ``<xmp>`` a literal "&amp;" now reads "&"). Other references to them in raw HTML (``&#38;``, ``&#160;``) are
    nh3's to read and stay slower: a million characters of them take a few seconds."""
    free = [] if ("&" not in html or html.count("&") < _FEW_ESCAPES) and html.count("\xa0") < _FEW_ESCAPES else \
        [char for char in _STAND_INS if char not in html]
    if len(free) < 2:  # (few of them; or a text holding all sixteen stand-ins, sanitised as it is)
        return str(cleaner.clean(html))
    amp, nbsp = free[:2]
    cleaned = str(cleaner.clean(html.replace("&amp;", amp).replace("&nbsp;", nbsp).replace("\xa0", nbsp)))
    return cleaned.replace(amp, "&amp;").replace(nbsp, "&nbsp;")


#: how deep elements nest in the HTML given to nh3. Its HTML parser (html5ever) walks its stack of open elements at
#: many tags (a block's start looks for an open <p>, an unmatched end tag for its element), so the time grew with the
#: square of the depth: 40,000 nested quotes (80 KB of Markdown) took 13 s. Chromium stops nesting at 512 anyway.
NESTING_LIMIT = 256
#: notes with fewer tags than this are given to nh3 as they are: at most a few milliseconds however they nest
_FEW_TAGS = 4096
_ANY_TAG = lazy(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
#: elements a start tag of their own name closes (<li>a<li>b are siblings, not nested)
_SIBLINGS = frozenset({"li", "p", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "rb",
                       "rt", "rp", "colgroup"})


def _nesting_bounded(html: str) -> str:
    """``html`` without the start tags (and their end tags) of elements nested deeper than :data:`NESTING_LIMIT`:
    their content stays, one level up. Only for notes with many tags (:data:`_FEW_TAGS`); nh3 sanitises what this
    returns, so a tag this misreads (one inside a comment, an attribute holding ">") costs fidelity, never safety."""
    if html.count("<") <= _FEW_TAGS:
        return html
    open_tags: list[str] = []
    dropped: dict[str, int] = {}

    def tag(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        if match.group(1):  # an end tag
            if dropped.get(name):
                dropped[name] -= 1
                return ""
            if name in open_tags:
                while open_tags.pop() != name:
                    pass
            return match.group(0)
        if name in _VOID or match.group(0).endswith("/>"):
            return match.group(0)
        if open_tags and open_tags[-1] == name and name in _SIBLINGS:
            open_tags.pop()
        if len(open_tags) >= NESTING_LIMIT:
            dropped[name] = dropped.get(name, 0) + 1
            return ""
        open_tags.append(name)
        return match.group(0)

    return _ANY_TAG.sub(tag, html)


#: an autolink (<https://…>, <name@example.org>) that cmark left as it was written, inside a block of raw HTML; of
#: the schemes the notes keep only (a word processor's <st1:place> is a tag, which the sanitiser removes)
_AUTOLINK = lazy(r"<((?:https?|mailto|tel):[^\s<>]*)>|<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]"
                 r"(?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>", re.I)
#: a "<" that starts no tag (as CommonMark defines one: a name, attributes, ">"; the name may hold a word processor's
#: ":", <o:p>), comment or declaration ("a<b then", "ages <18", "<https:", "x <y" at the end of a line): the
#: sanitiser's HTML parser reads one followed by a letter as the start of a tag, and drops it with the text up to the
#: next ">". At most 40 attributes (a quoted value may hold "<": unbounded, the look ahead from each "<" of
#: '<a title="' written 20,000 times ran to the end of the notes)
_STRAY_LESS_THAN = lazy(r"<(?![A-Za-z][A-Za-z0-9:-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'"
                        r"|\"[^\"]*\"))?){0,40}\s*/?>|/[A-Za-z][A-Za-z0-9:-]*\s*>|!|\?)")


def _raw_text_kept(html: str) -> str:
    """cmark's HTML with the text of its raw HTML blocks kept from the sanitiser. Markdown after an HTML tag, up to
    the next blank line, is raw HTML to CommonMark (SRC046 says so to the producer): there an autolink
    (``<https://example.org/>``) or a "<" in words ("ages <18", "a<b") was read as a tag and lost with the text after
    it. An autolink becomes the link it is everywhere else in the notes, any other such "<" an ``&lt;``. Only raw
    HTML can hold them: cmark writes every "<" of Markdown text as ``&lt;``."""
    from html import escape

    def link(match: re.Match[str]) -> str:
        address = match.group(1) or match.group(2)
        href = address if match.group(1) else "mailto:" + address
        return f'<a href="{escape(href)}">{escape(address)}</a>'

    if "@" in html or ":" in html:
        html = _AUTOLINK.sub(link, html)
    return _STRAY_LESS_THAN.sub("&lt;", html)


#: the ids the default theme gives its own elements: the same id in pasted notes would be a duplicate that
#: the skip link, the copy buttons (``getElementById``) and ``aria-labelledby`` find first, in the notes
PAGE_IDS = frozenset({
    "main", "episode-title", "content-note-title", "chapters-title", "notes-title", "persons-title", "comments-title", "links-title",
    "transcript", "transcript-title", "share-title", "page-link", "share-time", "embed-code", "fragment-code", "show-title",
    "episodes-title", "subscribe", "subscribe-title", "feed-url", "not-found-title", "mediafeed-words",
})
_ID = lazy(r' id="([^"]*)"')


def _page_ids_removed(html: str) -> str:
    if ' id="' not in html:
        return html
    return _ID.sub(lambda m: "" if m.group(1) in PAGE_IDS else m.group(0), html)


_REL = ' rel="noopener noreferrer"'
#: an <a> without href, as the sanitiser leaves it (a javascript: link removed, an <a name>): it adds the rel anyway
_A_WITHOUT_HREF = lazy(r'<a((?: (?!href=)[a-z-]+="[^"]*")*)' + _REL + ">")
_CITE = lazy(r' cite="([^"]*)"')
#: an <input> that is not a task list's checkbox (the sanitiser keeps the element, without its type, for those)
_OTHER_INPUT = lazy(r'<input(?![^>]*\btype="checkbox")[^>]*>')
#: a task list's checkbox and the text of its item that follows it, up to the next block (a nested list, a paragraph)
_LABELLED = lazy(r'(<input type="checkbox"(?: checked="")? disabled="">(?:[^<]|<(?!/?(?:li|p|ul|ol|div|dl|dt|dd|'
                       r'blockquote|h[1-6]|pre|table|figure|details|summary|section|label|input|br|hr)\b))+)')
#: a loose list's item: the checkbox comes before the paragraph of its text
_CHECKBOX_BEFORE_PARAGRAPH = lazy(r'(<input type="checkbox"(?: checked="")? disabled="">)\s*<p>')


def _labelled(match: re.Match[str]) -> str:
    """A task list's checkbox with its item's text, as the checkbox's label (none where no text follows it)."""
    item = match.group(1)
    return item if item[item.index(">") + 1:].isspace() else f"<label>{item}</label>"


#: a tag with a ``lang`` or ``dir`` (the sanitiser's output: every value quoted, ``<`` and ``"`` escaped in it), and
#: one such attribute; a language tag as BCP 47 writes one (``fr``, ``es-419``, ``zh-Hant-TW``, ``x-klingon``)
_LANG_OR_DIR_TAG = lazy(r'<[a-z][a-z0-9]*(?: [a-z-]+="[^"]*")* (?:lang|dir)="[^>]*>')
_LANG_OR_DIR = lazy(r' (lang|dir)="([^"]*)"')
_LANGUAGE_TAG = lazy(r"(?:[A-Za-z]{2,3}|[xXiI])(?:-[A-Za-z0-9]{1,8})*")
_DIRECTIONS = {"ltr", "rtl", "auto"}


def _language_and_direction(tag: re.Match[str]) -> str:
    """A tag's ``lang`` and ``dir`` as a browser and a screen reader can use them, or left out: ``lang="French"`` or
    ``lang="not a language"`` made a screen reader switch to no voice it has (axe-core's ``valid-lang``), where the
    page's own language is right; ``dir`` other than ``ltr``, ``rtl`` or ``auto`` does nothing."""

    def kept(attribute: re.Match[str]) -> str:
        name, value = attribute.groups()
        if name == "lang":
            return attribute.group(0) if _LANGUAGE_TAG.fullmatch(value) else ""
        return f' dir="{value.lower()}"' if value.lower() in _DIRECTIONS else ""

    return _LANG_OR_DIR.sub(kept, tag.group(0))


#: an <img> whose address the sanitiser removed (javascript:, data:): its text alternative stands in for it
_IMG = lazy(r'<img((?: [a-z-]+="[^"]*")*)>')
_ALT = lazy(r' alt="([^"]*)"')


def _tidied(html: str) -> str:
    """What the sanitiser leaves that a page should not have. An ``<a>`` whose link it removed keeps the ``rel`` it
    adds to every ``<a>``, which HTML allows only with an ``href`` (the validator's error). ``cite`` (of a quote)
    is no URL attribute to it, so ``cite="javascript:…"`` stayed, for a feed reader or a script to follow. An
    ``<input>`` other than a task list's checkbox (``<input type="text">``) was kept as a text box without a label
    (and a task list's checkbox had none either: its item's text, up to the next block, is its ``<label>`` now),
    and an ``<img>`` whose ``javascript:`` or ``data:`` address it removed as an image of nothing (its ``alt`` text
    stays, as text). A ``lang`` that is no language tag, or a ``dir`` that is no direction, is left out."""
    if html.count("<a ") > html.count(' href="'):
        html = _A_WITHOUT_HREF.sub(r"<a\1>", html)
    if " cite=" in html:
        html = _CITE.sub(lambda m: m.group(0) if _safe_url(m.group(1)) else "", html)
    if "<input" in html:
        html = _OTHER_INPUT.sub("", html)
        if 'type="checkbox"' in html:
            html = _LABELLED.sub(_labelled, _CHECKBOX_BEFORE_PARAGRAPH.sub(r"<p>\1 ", html))
    if "<img" in html and html.count("<img") > html.count(' src="'):  # (a search: most notes have no image)
        html = _IMG.sub(_image_or_its_alt, html)
    if ' lang="' in html or ' dir="' in html:
        html = _LANG_OR_DIR_TAG.sub(_language_and_direction, html)
    if ' class="' in html:
        html = _CLASSED.sub(_own_class, html)
    return html


#: a ``<section>`` or ``<code>`` with a ``class`` (the only elements the sanitiser leaves one on), and the class the
#: Markdown itself gives it: the footnotes' section, a fenced block's language (``language-python``, for a theme's
#: highlighter)
_CLASSED = lazy(r'<(section|code)((?: [a-z-]+="[^"]*")*?) class="([^"]*)"')
_OWN_CLASS = {"section": lazy(r"footnotes"), "code": lazy(r"language-\S+")}


def _own_class(match: re.Match[str]) -> str:
    """The tag with only the class Markdown gives it. Any other was the theme's, for the notes to borrow: a
    ``<section class="visually-hidden">`` hid its words from sight while a screen reader read them, ``class="content-note"``
    dressed them as the page's own content note (where its support services are), ``class="skip"`` took them off the
    page."""
    tag, before, classes = match.groups()
    own = next((name for name in classes.split() if _OWN_CLASS[tag].fullmatch(name)), "")
    return f'<{tag}{before} class="{own}"' if own else f"<{tag}{before}"


def _image_or_its_alt(match: re.Match[str]) -> str:
    """The ``<img>`` as it is when it has a ``src``, else its ``alt`` as text. The value is escaped as an attribute's
    (nh3 0.3.0–0.3.6 write ``<`` and ``>`` in one as they are: ``alt="<script>…"``), which is not text's escaping: it
    is read and escaped again, where it was written into the page as it was and ran as markup."""
    if ' src="' in match.group(1):
        return match.group(0)
    alt = _ALT.search(match.group(1))
    if not alt:
        return ""
    import html as html_lib

    return escape_text(html_lib.unescape(alt.group(1)))


def _safe_url(value: str) -> bool:
    """Whether an attribute's URL is relative or of a scheme the notes keep, read as a browser reads it."""
    import html as html_lib

    scheme = _HAS_SCHEME.match(html_lib.unescape(value).translate(_URL_IGNORED).lstrip(_URL_STRIPPED))
    return scheme is None or scheme.group(0)[:-1].lower() in _URL_SCHEMES


_URL_IGNORED = str.maketrans("", "", "\t\n\r")
_URL_STRIPPED = "".join(map(chr, range(0x21)))


def _native(cmark: Any) -> tuple[Any, Any] | None:
    """cmark's ``cmark_node_free`` and the C library's ``free``, or None where they cannot be found."""
    import ctypes

    try:
        engine, libc = ctypes.CDLL(cmark.__file__), ctypes.CDLL(None)
        engine.cmark_node_free.argtypes, engine.cmark_node_free.restype = [ctypes.c_void_p], None
        libc.free.argtypes, libc.free.restype = [ctypes.c_void_p], None
    except (OSError, AttributeError):
        return None
    return engine, libc



def _utf8(html: bytes) -> str:
    """cmark's HTML as text. cmark writes the noncharacters U+FFFE and U+FFFF, from a ``&#xFFFE;`` or ``&#65535;``
    reference, as the single bytes 0xFE and 0xFF (its UTF-8 encoder's mistake: the literal characters pass through
    as UTF-8), which are never part of UTF-8: read back as the characters they stand for, they are dropped like the
    literal ones (``cdata_safe``), where the note "&#xFFFE;" stopped check and build with "Internal error:
    UnicodeDecodeError" (exit code 3)."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.replace(b"\xfe", "\ufffe".encode()).replace(b"\xff", "\uffff".encode()).decode("utf-8", "replace")


def _to_html(markdown: str) -> str:
    """cmarkgfm's ``markdown_to_html_with_extensions``, without its leak.

    cmarkgfm (2025.10.22) never frees a document's syntax tree nor the HTML string cmark returns:
    about 40 KB of C memory an episode, never given back (400 MB over a 10,000-episode show). The
    same calls, with the tree and the string freed (cmark's default allocator is the C library's).
    """
    engines = _engines()
    cmarkgfm, options = engines.cmarkgfm, engines.options
    if engines.native is None:  # pragma: no cover - a cmarkgfm build without the symbols: leak, but work
        return str(cmarkgfm.markdown_to_html_with_extensions(markdown, options=options, extensions=_EXTENSIONS))
    engine, libc = engines.native
    ffi, lib = engines.cmark.ffi, engines.cmark.lib
    parser = lib.cmark_parser_new(options)
    try:
        for extension in engines.extensions:
            lib.cmark_parser_attach_syntax_extension(parser, extension)
        data = markdown.encode("utf-8")
        lib.cmark_parser_feed(parser, data, len(data))
        root = lib.cmark_parser_finish(parser)
        try:
            html = lib.cmark_render_html(root, options, lib.cmark_parser_get_syntax_extensions(parser))
            try:
                return _utf8(ffi.string(html))
            finally:
                libc.free(int(ffi.cast("uintptr_t", html)))
        finally:
            engine.cmark_node_free(int(ffi.cast("uintptr_t", root)))
    finally:
        lib.cmark_parser_free(parser)


def _describe(html: str, link: str) -> str:
    blocks = _HEADING_BLOCK.sub(lambda m: f"<p><strong>{m.group(1)}</strong></p>", html)
    # every innermost table at once, then those that held them (a table inside a cell): a pass per level of nesting,
    # not a rewrite of the whole text per table (20,000 tables took 6 s)
    while "<table" in blocks:
        blocks, count = _TABLE.subn(lambda table: _table_as_list(table.group(1)), blocks)
        if not count:
            break
    strict = cdata_safe(re.sub(r"\n\s*\n+", "\n", _cleaned(_engines().description, blocks)).strip())
    if len(strict.encode("utf-8")) <= DESCRIPTION_LIMIT:
        return strict
    more = f'<p><a href="{link}">Full show notes</a></p>' if link else ""
    budget = DESCRIPTION_LIMIT - len(more.encode("utf-8"))
    kept, used = [], 0
    position = 0
    #: the lists and items open where the text is cut (an inner list ends inside an item of the outer one): closed
    #: after the cut, so the link to the full notes, and whatever an app shows next, is not inside the last item
    open_lists: list[str] = []
    closers = ""
    before: list[str] = []  #: the closers each kept chunk found (to step back over a heading left last)
    ascii_only = strict.isascii()  # (a character a byte: most notes)
    for match in _BLOCK_END.finditer(strict):
        chunk = strict[position:match.end()]
        size = len(chunk) if ascii_only else len(chunk.encode("utf-8"))
        now_open = open_lists.copy()
        for closing, name in _LIST_TAG.findall(chunk):
            if not closing:
                now_open.append(name)
            elif now_open and now_open[-1] == name:
                now_open.pop()
        now_closers = "".join(f"</{name}>" for name in reversed(now_open))
        if used + size + len(now_closers) > budget:
            break
        kept.append(chunk)
        before.append(closers)
        used += size
        position = match.end()
        open_lists, closers = now_open, now_closers
    # a heading cut off from its section ("Part 4", then "Full show notes") reads as if the link were the section:
    # the cut steps back over it
    if len(kept) > 1 and _HEADING_PARAGRAPH.fullmatch(kept[-1]):
        kept.pop()
        closers = before.pop()
    if not kept:  # a single huge block: fall back to plain text
        return f"<p>{_cut_escaped(plain_text(strict), budget - len('<p>…</p>'.encode()))}…</p>{more}"
    return "".join(kept).strip() + closers + more


_LIST_TAG = re.compile(r"<(/?)(ul|ol|li)\b[^>]*>")
#: a heading as the description writes it (a bold paragraph: _describe), alone in its chunk
_HEADING_PARAGRAPH = re.compile(r"\s*<p><strong>(?:(?!</?p\b).)*</strong></p>\s*", re.S)


def _cut_escaped(text: str, budget: int) -> str:
    """``text`` escaped for HTML and cut at a word so that it takes at most ``budget`` bytes of UTF-8. The cut is
    measured after escaping: each ``&``, ``<`` or ``>`` grows by 3–4 bytes, and a paragraph of "R&D" and "Q&A" cut
    to the budget first and escaped after ran past Apple's 4,000 bytes (EP114 stopped the build)."""
    cut = text.encode("utf-8")[:budget].decode("utf-8", "ignore")
    while True:
        escaped = escape_text(cut)
        over = len(escaped.encode("utf-8")) - budget
        if over <= 0:
            break
        cut = cut[: len(cut) - max(1, over // 5)]  # an escape is at most 5 bytes: never cut more than needed
    if len(cut) < len(text):  # at a word, where there is one
        word = cut.rsplit(" ", 1)[0]
        escaped = escape_text(word) if word else escaped
    return escaped


def _table_as_list(table: str) -> str:
    """A table for the description, where apps take no table (Apple: p, ol, ul, li, a): its caption as a paragraph
    and a list item per row, each cell after its column's heading ("Level: 1 · Who: All staff · …"), where the table
    would otherwise run all its cells together as one line of text."""
    caption = _CAPTION.search(table)
    head = _THEAD.search(table)
    headings = [cell.strip() for cell in _CELL.findall(head.group(1))] if head else []
    body = table[:head.start()] + table[head.end():] if head else table
    rows = []
    for row in _ROW.findall(_CAPTION.sub("", body)):
        cells = [cell.strip() for cell in _CELL.findall(row)]
        shown = [f"{headings[i]}: {cell}" if i < len(headings) and plain_text(headings[i]) else cell
                 for i, cell in enumerate(cells) if plain_text(cell)]
        if shown:
            rows.append(f"<li>{' · '.join(shown)}</li>")
    if not rows and headings:  # a table of headings only
        rows = [f"<li>{' · '.join(h for h in headings if plain_text(h))}</li>"]
    return (f"<p>{caption.group(1).strip()}</p>" if caption and plain_text(caption.group(1)) else "") + \
        (f"<ul>{''.join(rows)}</ul>" if rows else "")


_URL_ATTRIBUTE = lazy(r'(\s(?:href|src)=")([^"]*)(")')
#: every href="…" and src="…" value, found by two searches for a literal (ten times faster than _URL_ATTRIBUTE,
#: whose first character, any space, starts a match attempt at every space of the text)
_HREF_VALUE = lazy(r'href="([^"]*)"')
_SRC_VALUE = lazy(r'src="([^"]*)"')
_HAS_SCHEME = lazy(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: an href="…" or src="…" value that may be relative (or may become so when unescaped)
_MAYBE_RELATIVE_HREF = re.compile(r'href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|")')
_MAYBE_RELATIVE_SRC = re.compile(r'src="(?![a-zA-Z][a-zA-Z0-9+.-]*:|")')


#: the notes :func:`absolute_urls` was last given, their base and what it made of them: an episode's notes go into its
#: RSS item and then its JSON Feed item (the same text, looked at once)
_last_absolute: tuple[str, str, str] = ("", "", "")


def absolute_urls(html: str, base: str) -> str:
    """:func:`_absolute_urls`, once for the same notes (the same text object) and base given twice in a row."""
    global _last_absolute
    last = _last_absolute  # (one tuple, replaced whole: a thread never sees half of it)
    if html is last[0] and base == last[1]:
        return last[2]
    made = _absolute_urls(html, base)
    _last_absolute = (html, base, made)
    return made


def _absolute_urls(html: str, base: str) -> str:
    """Relative ``href``/``src`` in sanitised notes made absolute against ``base`` (the episode page).

    A page resolves ``../other-episode/`` itself; a feed has no base URL, so podcast
    apps and feed readers would resolve it against nothing (or their own origin).
    Fragment links (``#fn-1``, footnotes) too: ``{base}#fn-1``, the footnote on the episode's page, which has the
    notes with the same ids. Left relative, an app resolved them against the feed's address or its own document
    (the W3C feed validator's ContainsRelRef), and the feed's ``description`` (the notes' summary, without the
    footnotes) pointed at footnotes it does not hold.
    """
    import html as html_lib
    from urllib.parse import urljoin

    def kept(value: str) -> bool:
        value = html_lib.unescape(value)
        return not value or bool(_HAS_SCHEME.match(value))

    def fix(match: re.Match[str]) -> str:
        if kept(match.group(2)):
            return match.group(0)
        value = html_lib.unescape(match.group(2))
        return f"{match.group(1)}{html_lib.escape(urljoin(base, value), quote=True)}{match.group(3)}"

    if not base:
        return html
    # A value the two searches below cannot find starts with a scheme, or is empty, before and after
    # unescaping (no "&" comes before its ":"): kept. Most notes have only such links (the check that
    # follows would unescape each of them, a third of the cost of an item in the feeds).
    if not _MAYBE_RELATIVE_HREF.search(html) and not _MAYBE_RELATIVE_SRC.search(html):
        return html
    # Every value _URL_ATTRIBUTE can match follows one of these: when none needs fixing (notes with absolute
    # links only, the common case), nothing would change, and the slow scan is skipped
    if all(kept(value) for pattern in (_HREF_VALUE, _SRC_VALUE) for value in pattern.findall(html)):
        return html
    return _URL_ATTRIBUTE.sub(fix, html)


def excerpt(text: str, limit: int = 300) -> str:
    """``text`` cut at the last word boundary within ``limit`` characters, with an ellipsis: an episode's summary
    where its front matter gives none (the page's description, the audio's comment)."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    if cut.isascii() or _DIRECTION_CONTROL.search(cut) is None:
        return cut + "…"
    from .source import close_directions  # one the cut leaves open would run on past the excerpt (an app's list)

    return close_directions(cut + "…")


_DIRECTION_CONTROL = lazy("[\u202a-\u202e\u2066-\u2069]")


#: tags that part the words on either side (a block, a cell, a line break, an image or a control): a space in plain
#: text; any other tag (a link, emphasis, code, sub- and superscript) is inside a word or a sentence and leaves
#: nothing, as a browser shows it ("See the recipe." was "See the recipe .", "Boldly" "Bold ly"). The names grouped
#: by their first letter and matched without re.IGNORECASE (:func:`lazypattern.caseless`), the same tags as
#: ``</?(?:address|article|…|video)(?![\w:-])[^>]*>`` with the flag, in less than half the time (a fifth of the notes')
_PARTING_TAG = lazy(caseless(r"</?(?:a(?:ddress|rticle|side|udio)|b(?:lockquote|ody|r)|caption|d(?:d|etails|ialog|iv|l|t)|"
                             r"f(?:ieldset|igcaption|igure|ooter|orm)|h(?:[1-6]|eader|r)|i(?:frame|mg|nput)|li|main|nav|"
                             r"ol|p(?:re)?|s(?:ection|ummary)|t(?:able|body|d|foot|h|head|r)|ul|video)(?![\w:-])[^>]*>"))


def plain_text(html: str) -> str:
    import html as html_lib

    return squeeze(html_lib.unescape(_TAGS.sub("", _PARTING_TAG.sub(" ", html))))


#: what ends a paragraph of HTML (a blank line in plain text), a line break (a new line), and what shows no text
_BLOCK_END = lazy(caseless(r"</(?:p|div|li|h[1-6]|blockquote|pre|tr|ul|ol|table)\s*>|<hr\s*/?>"))
_LINE_BREAK = lazy(r"<br\s*/?>", re.I)
#: (each searched forward from the last: a lazy ".*?" up to the closing tag made an old feed's description of
#: unclosed '<script>' or '<a href>' tags quadratic, 360 KB of them 48 s of 'mediafeed import')
#: (ASCII's cases alone, as a browser reads a tag's name: under Unicode's, '<ſcript>' was found and its name, lowered,
#: was no key of _UNSHOWN_END: an Internal error importing a feed whose description or summary held it)
_UNSHOWN = lazy(r"<(script|style|template|noscript)\b", re.I | re.ASCII)
_UNSHOWN_END = {name: lazy(rf"</{name}\s*>", re.I | re.ASCII) for name in ("script", "style", "template", "noscript")}
#: a link, its words up to its '</a>' and never past the next '<a' (links do not nest: a browser ends one there)
_LINK = lazy(r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>((?:[^<]|<(?!/?a[\s>]))*)</a\s*>""", re.I)


def plain_paragraphs(html: str) -> str:
    """``html`` as the plain text a show.yml description takes: its paragraphs (and list items, headings) apart by a
    blank line, ``<br>`` a new line, each link's address in brackets after its words (plain text has no links),
    what a browser never shows (scripts, styles) left out, entities read."""
    import html as html_lib

    def link(found: re.Match[str]) -> str:
        url, words = html_lib.unescape(found[1] or found[2] or "").strip(), found[3]
        shown = plain_text(words)
        return words if not url.lower().startswith(("http://", "https://")) or url in shown else f"{words} ({url})"

    html = _LINK.sub(link, _shown_only(html))
    paragraphs = ("\n".join(filter(None, map(plain_text, _LINE_BREAK.split(block)))) for block in _BLOCK_END.split(html))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _shown_only(html: str) -> str:
    """``html`` without its scripts, styles, templates and noscripts, each to its closing tag (one never closed hides
    the rest, as in a browser)."""
    kept, at = [], 0
    while found := _UNSHOWN.search(html, at):
        kept.append(html[at:found.start()])
        end = _UNSHOWN_END[found[1].lower()].search(html, found.end())
        if end is None:
            return "".join(kept)
        at = end.end()
    return "".join(kept) + html[at:]


#: what ``str.split()`` splits on (``str.isspace``): the ASCII characters, and the others
_ASCII_SPACES = ("\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f")
_OTHER_SPACES = ("\x85", "\xa0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f", "\u205f",
                 "\u3000")


def squeeze(text: str) -> str:
    """``" ".join(text.split())``: every run of whitespace one space, none at either end.

    Without a split into words (a thousand strings for an episode's notes, then joined): the whitespace
    characters become spaces and runs of spaces are halved until none is left, a third less work.
    """
    if not text.isascii() and any(char in text for char in _OTHER_SPACES):
        return " ".join(text.split())
    for char in _ASCII_SPACES:
        if char in text:
            text = text.replace(char, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: what XML forbids (dropped), and what HTML forbids beyond it (``characters.html_safe``), in one scan
_FORBIDDEN = lazy(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff{HTML_FORBIDDEN_CLASS}]")
#: the characters of _FORBIDDEN an ASCII text can hold
_ASCII_FORBIDDEN = (*(chr(code) for code in range(0x20) if code not in (0x09, 0x0A, 0x0D)), "\x7f")


def cdata_safe(html: str) -> str:
    """``]]>`` would end a CDATA section early (``]]&gt;`` means the same in HTML); characters
    XML forbids (e.g. from a ``&#x1;`` reference in the Markdown) are dropped, first, so that dropping
    one never leaves a ``]]>``. A C1 control character (from ``&#x92;``) becomes the Windows-1252 character a browser
    reads that reference as (’), and the other characters HTML forbids (DEL, noncharacters) are dropped too."""
    return forbidden_dropped(html).replace("]]>", "]]&gt;")


def forbidden_dropped(html: str) -> str:
    """``html`` without the characters XML forbids and with those HTML forbids read or dropped (:func:`cdata_safe`); the
    same object when it holds none."""
    # An ASCII text is scanned for each of its 30 possible forbidden characters (a memchr each): a
    # fifth of the regular expression's time on a typical episode's notes, which have none.
    if html.isascii() and not any(char in html for char in _ASCII_FORBIDDEN):
        return html
    dropped = _FORBIDDEN.sub(_allowed, html)
    return html if dropped == html else dropped


def _allowed(match: re.Match[str]) -> str:
    return WINDOWS_1252.get(ord(match.group()), "")
