"""Pages: the Jinja2 environment, the template contract and page rendering.

Templates are found through a search path: the show's own ``templates/`` first,
then the default theme shipped inside the package. A show's template can extend
a default one without copying it: ``{% extends "default/episode.html" %}``.
Autoescaping is on for every HTML and XML template.

The context each template receives is the contract below (:class:`PageContext`
and friends). It is documented in the README and stays stable: add, never rename.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from . import __version__, pages
from .chapters import clock
from .dates import rfc2822
from .directions import direction
from .errors import MediafeedError, Problem, error, warning
from .jsontext import indented
from .model import Item, Person, Show, whole_seconds
from .transcripts import Paragraph

if TYPE_CHECKING:
    import jinja2

    from .jinjaenv import TemplateCache
    from .words import Words

THEME_DIR_NAME = "templates"
ASSETS = "assets"


def default_theme() -> Path:
    """The default theme: inside the installed package, or ``templates/`` of a source checkout."""
    packaged = Path(__file__).parent / THEME_DIR_NAME
    if (packaged / "base.html").is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / THEME_DIR_NAME


class SiteInfo(TypedDict):
    """``site`` in every template."""

    base_url: str  #: absolute URL of the site root, ending in "/"
    feed_url: str  #: the RSS feed's URL
    json_feed_url: str  #: the JSON Feed's URL
    image_url: str  #: show artwork (absolute)
    image_size: tuple[int, int]  #: its (width, height) in pixels, (0, 0) when it cannot be read (og:image:width)
    image_path: str  #: show artwork inside the site
    generator: str  #: "mediafeed X.Y.Z"
    build_date: str  #: ISO 8601 of the newest episode (never "now": builds are reproducible)
    subscribe: list[tuple[str, str]]  #: (label, URL) pairs: RSS first, then show.yml ``links``
    support: list[tuple[str, str]]  #: (label, URL) support services for content notes
    asset_version: str  #: a hash of the theme's assets, appended as ``?v=`` so browsers fetch changed CSS/JS
    image_small: str  #: show artwork inside the site, 96 px (see ``artwork()`` for any size)


class PageContext(TypedDict, total=False):
    """What every page template receives. ``root`` is the relative path to the site root ("", "../../")."""

    show: Show
    site: SiteInfo
    root: str
    page_url: str  #: this page's absolute URL (canonical)
    # index.html
    items: list[Item]
    page: int
    pages: int
    prev_page: str  #: relative URL of the newer page, or ""
    next_page: str  #: relative URL of the older page, or ""
    page_links: list[tuple[int, str]]  #: (number, relative URL) of every index page
    structured_data: dict[str, Any]  #: schema.org JSON-LD (PodcastSeries on the index, PodcastEpisode on episodes)
    # episode.html / embed.html / fragment.html
    item: Item
    transcript: list[Paragraph]  #: the readable transcript, grouped by speaker
    transcript_language: str  #: its language (the show's when the episode has a transcript in it)
    embed_code: str  #: the <iframe> snippet to paste into a blog
    fragment_code: str  #: the HTML fragment (no scripts, no styles) for blogs that paste markup
    share: list[tuple[str, str]]  #: (label, URL) links to share the episode page
    links: list[tuple[str, str]]  #: (label, URL) of chapter links, chapters JSON, licence
    comments: list[tuple[str, str]]  #: (label, URL) of the posts where the comments live (``social:``), main thread first
    persons: tuple[Person, ...]  #: the episode's people (or the show's when the episode names none)
    embed_width: int  #: the iframe's width in the embed code and oembed.json
    embed_height: int  #: the iframe's height
    video_sources: list[tuple[str, str]]  #: (URL, type) of a video's <source>s when it has a WebM alternate, else []


def user_cache_dir() -> Path | None:
    """mediafeed's folder in the user's cache: ``$XDG_CACHE_HOME/mediafeed``, else ``$HOME/.cache/mediafeed``;
    None when neither is set to an absolute path (a service without a home keeps nothing there)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        base = os.path.join(home, ".cache") if os.path.isabs(home) else ""
    return Path(base) / "mediafeed" if base else None


def template_cache(cache_path: Path | None) -> TemplateCache | None:
    """The compiled-template cache beside the build cache at ``cache_path`` (None: no cache, compile each time)."""
    if cache_path is None:
        return None
    from .fastpath import code_fingerprint
    from .jinjaenv import TemplateCache

    return TemplateCache(cache_path.parent, code_fingerprint(), user_cache_dir())


def environment(show_root: Path | None, bytecode: TemplateCache | None = None,
                words: Words | None = None) -> jinja2.Environment:
    """The template environment; ``bytecode`` keeps compiled templates between builds; ``words``: the theme's words in
    the show's language (``words.words_for``; English by default), a global of every template and what the
    ``longdate``, ``spoken`` and ``megabytes`` filters write in."""
    import jinja2  # here: list, check and a build that renders no page do not load Jinja

    from . import words as theme_words
    from .jinjaenv import Environment, ShowLoader
    if words is None:
        words = theme_words.ENGLISH_WORDS
    default = default_theme()
    search: list[jinja2.BaseLoader] = []
    if show_root is not None and (show_root / THEME_DIR_NAME).is_dir() and (show_root / THEME_DIR_NAME).resolve() != default.resolve():
        search.append(ShowLoader(str(show_root / THEME_DIR_NAME)))
    search.append(jinja2.FileSystemLoader(str(default)))
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(default))}),
        *search,
    ])
    env = Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "xml", "htm"), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=bytecode,
        auto_reload=False,  # an environment lives for one build: no stat of each template at each page
    )
    # the filters that write a number or a language tag as words are pure: each value written once a build (an
    # episode's pages wrote its duration four times, "0 seconds" three times, its size in MB three times)
    env.filters["duration"] = _remembered(human_duration)
    env.filters["spoken"] = _in_words(_remembered(partial(theme_words.spoken, words)))
    env.filters["clock"] = clock
    env.filters["isodate"] = lambda d: d.isoformat() if isinstance(d, datetime) else ""
    env.filters["rfc2822"] = rfc2822
    env.filters["longdate"] = _in_words(partial(theme_words.long_date, words))
    env.filters["megabytes"] = _in_words(_remembered(partial(theme_words.megabytes, words)))
    env.filters["fill"] = theme_words.fill
    env.filters["role"] = _in_words(_remembered(partial(theme_words.role_name, words)))
    env.filters["iso_duration"] = iso_duration
    env.filters["scrollable_tables"] = scrollable_tables
    env.filters["truncate"] = _directions_closed(env.filters["truncate"])
    env.filters["breakable"] = breakable
    env.filters["pasted"] = pasted
    env.filters["direction"] = _remembered(direction)
    env.globals["mediafeed_version"] = __version__
    env.globals["words"] = words
    from markupsafe import Markup

    env.globals["script_words"] = Markup(theme_words.script_words(words))  # JSON, escaped for a <script> already
    return env


def theme_fingerprint(show_root: Path | None) -> str:
    """A hash of every template and asset in the search path: a change invalidates rendered pages."""
    digest = hashlib.sha256(__version__.encode())
    folders = [default_theme()]
    if show_root is not None and (show_root / THEME_DIR_NAME).is_dir():
        folders.append(show_root / THEME_DIR_NAME)
    for folder in folders:
        for path in theme_files(folder):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def theme_files(folder: Path) -> list[Path]:
    """Every file below a theme folder, sorted, through links to folders as Jinja's loader goes through them
    (``templates/partials`` linked to a folder shared by several shows): ``rglob`` does not follow them, so an edit
    of a template in there left every page as it was. A folder met twice (a loop of links) is walked once, and a link
    back up to the theme folder or one holding it (the show folder, with public/ in it) is not followed."""
    from .sourcelinks import holds

    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for top, dirs, files in os.walk(folder, followlinks=True):
        try:
            st = os.stat(top)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen or (top != os.fspath(folder) and holds(os.path.realpath(top), folder)):
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        found.extend(path for name in files if (path := Path(top, name)).is_file())
    return sorted(found)


def assets(show_root: Path | None) -> dict[str, Path]:
    """Theme assets (CSS, JS) to copy: ``assets/…`` from the default theme, overridden by the show's (but for a link
    to a file outside the show's theme folder: :func:`linked_out_assets`)."""
    out: dict[str, Path] = {}
    folders = [default_theme() / ASSETS]
    if show_root is not None:
        folders.append(show_root / THEME_DIR_NAME / ASSETS)
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    out[f"{ASSETS}/{path.relative_to(folder).as_posix()}"] = path
    if show_root is not None:
        for rel in linked_out_assets(show_root):
            out.pop(rel[len(THEME_DIR_NAME) + 1:], None)
    return out


def linked_out_assets(show_root: Path) -> list[str]:
    """The show's theme assets (``templates/assets/…``, sorted) that are links to a file outside its theme folder:
    an asset is published as it is, and such a link could publish any file on the computer (``templates/`` itself
    may be a link, to a theme shared by several shows: its own files are its theme). The default's file of that
    name, if any, is published instead."""
    theme = show_root / THEME_DIR_NAME
    folder = theme / ASSETS
    if not folder.is_dir():
        return []
    real = theme.resolve()
    return [f"{THEME_DIR_NAME}/{ASSETS}/{path.relative_to(folder).as_posix()}" for path in sorted(folder.rglob("*"))
            if path.is_symlink() and path.is_file() and not path.resolve().is_relative_to(real)]


def asset_problems(show_root: Path) -> list[Problem]:
    """SRC054 for each asset :func:`linked_out_assets` leaves out."""
    return [warning("SRC054", rel, f"is a symbolic link to {os.path.realpath(show_root / rel)}, outside the show's theme "
                    "folder: it is not published", hint=f"copy the file itself to {rel} in place of the link")
            for rel in linked_out_assets(show_root)]


#: the types of value :func:`_remembered` keeps a filter's text for (a datetime is not one: two that are equal can be
#: in different time zones, and written as different days)
_REMEMBERED_TYPES = frozenset({str, int, float})


def _remembered(write: Callable[[Any], str]) -> Callable[[Any], str]:
    """``write`` (a filter of one value that depends on nothing else), computed once for each value of a plain type
    (:data:`_REMEMBERED_TYPES`, the type part of the key: ``1`` and ``1.0`` are equal) in the environment's life, one
    build; any other value is written every time, as before."""
    made: dict[tuple[type, Any], str] = {}

    def remembered(value: Any) -> str:
        kind = type(value)
        if kind not in _REMEMBERED_TYPES:
            return write(value)
        key = (kind, value)
        text = made.get(key)
        if text is None:
            text = made[key] = write(value)
        return text

    return remembered


def _in_words(write: Callable[[Any], str]) -> Any:
    """A filter that writes in the show's language, never run by Jinja as it compiles: Jinja works out a filter of a
    constant (``{{ 0 | spoken }}``) then, and the compiled template, kept for every show in the user's cache, said
    "0 seconds" on a French show's page after an English show's build. A filter that takes the context is left to
    the render."""
    import jinja2

    @jinja2.pass_context
    def in_words(context: Any, value: Any) -> str:
        return write(value)

    return in_words


def _directions_closed(truncate: Any) -> Any:
    """Jinja's ``truncate`` filter, closing the direction controls its cut leaves open (``source.close_directions``):
    an index card's summary (the notes' first 240 characters) cut between an RLO and its PDF laid its "..." and,
    on a page that shows more after it, that text out right to left, as the notes' excerpt once did."""
    import jinja2

    from .source import close_directions

    @jinja2.pass_environment
    def truncate_closed(env: jinja2.Environment, value: Any, *args: Any, **kwargs: Any) -> str:
        cut = truncate(env, value, *args, **kwargs)
        return cut if cut.isascii() else close_directions(cut)

    return truncate_closed


def scrollable_tables(html: str) -> str:
    """The ``scrollable_tables`` filter: every ``<table>`` of sanitised notes (which keep no attribute of a table)
    made keyboard-focusable. The theme lets a table wider than the column scroll inside itself, and a scrolling
    region must be reachable from the keyboard (WCAG 2.1.1; axe-core's ``scrollable-region-focusable``)."""
    return html.replace("<table>", '<table tabindex="0">') if "<table>" in html else html


#: a word longer than this gets a line break opportunity (``<wbr>``) every :data:`_BREAK_EVERY` characters
_LONG_WORD_LENGTH, _BREAK_EVERY = 20, 10


def breakable(text: str) -> Any:
    """The ``breakable`` filter: ``text`` with a ``<wbr>`` every ten characters of a word longer than twenty, escaped
    (as markup, then; text without such a word is returned as it is, for autoescape). For markup shown where the theme's styles are not (the HTML fragment pasted into a blog, which may
    drop ``style`` attributes or forbid them by its Content-Security-Policy): a 10,000-character word in a title
    ran 60,000 px off a 320 px phone. ``<wbr>`` needs no CSS and adds no text (copying or a screen reader reads the
    word whole); no break goes inside a character sequence drawn as one (an emoji with its modifiers or joiners,
    a flag, a letter and its accents)."""
    if len(text) <= _LONG_WORD_LENGTH or not _LONG_WORD.search(text):
        return text  # as it is: autoescape escapes it
    from unicodedata import category

    from markupsafe import Markup, escape

    out: list[str] = []
    run = 0  # characters since the last space or break
    previous = ""
    flags = 0  # regional indicators in a row: two make a flag
    for char in text:
        if char.isspace():
            run = 0
        elif (run >= _BREAK_EVERY and category(previous)[0] in "LNPSM" and category(char)[0] in "LNPS"
              and category(char) != "Sk" and flags % 2 == 0):
            # not after a joiner, nor before a mark, a joiner or a modifier (a skin tone), nor inside a flag
            out.append("<wbr>")
            run = 0
        flags = flags + 1 if "\U0001f1e6" <= char <= "\U0001f1ff" else 0
        out.append(str(escape(char)))
        run += not char.isspace()
        previous = char
    return Markup("".join(out))


_LONG_WORD = re.compile(r"\S{%d}" % (_LONG_WORD_LENGTH + 1))


def pasted(value: Any, attribute: bool = False) -> Any:
    """The ``pasted`` filter: text (or ``breakable``'s markup) in code a blog pastes into its own pages (the HTML
    fragment, the iframe's ``title``), where a template engine may read it as its own. A title "Why {{ x }} matters"
    or "{% raw %}" was a Liquid tag to Jekyll (a build error, or a site variable shown) and "{{< youtube … >}}" a Hugo
    shortcode; on a page run by AngularJS "{{''.constructor.constructor('alert(1)')()}}" in a title or chapter ran as
    a script of the blog's origin (dialogs in Chromium, from the iframe's title and the players' names), and in a Vue
    app so did a title's text. Each brace is a character reference (the same character on the page; no engine that
    reads the page's source sees it), and where two meet they are parted, for the engines that read the page itself
    (AngularJS, Vue): in text by a ``<wbr>`` (no character: a copy or a screen reader has the title as written), in an
    attribute's value (``attribute``), which holds no markup, by a word joiner (U+2060, drawn as nothing and not
    read; as the SRT transcript parts "<"). Text without a brace is as it was."""
    if "{" not in value and "}" not in value:
        return value
    from markupsafe import Markup, escape

    html = str(escape(value)).replace("{", "&#123;").replace("}", "&#125;")
    return Markup(_BRACES_MEETING.sub(r"\1&#8288;" if attribute else r"\1<wbr>", html))


#: a brace (as :func:`pasted` writes it) followed by another
_BRACES_MEETING = re.compile(r"(&#12[35];)(?=&#12[35];)")


def human_duration(seconds: float | int) -> str:
    total = whole_seconds(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def iso_duration(seconds: float | int) -> str:
    total = whole_seconds(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def relative_root(page_path: str) -> str:
    """"episodes/x/" → "../../"; "" → ""."""
    depth = page_path.strip("/").count("/") + 1 if page_path.strip("/") else 0
    return "../" * depth


def render(env: jinja2.Environment, template: str, context: PageContext) -> bytes:
    """``template`` rendered; a mistake in a theme's template is an error naming its file and line (THM001)."""
    return render_text(env, template, context).encode("utf-8")


def render_text(env: jinja2.Environment, template: str, context: PageContext) -> str:
    """``template`` rendered, as text (see :func:`render`)."""
    import jinja2

    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateError as exc:
        raise MediafeedError(_template_problem(exc, template)) from None
    except MediafeedError:
        raise
    except Exception as exc:  # (RecursionError too)
        # Python's own error in a show's template ({{ 1 // 0 }}, {{ "a" + none }}, a template that includes
        # itself) came out as "Internal error: … this is a bug in mediafeed". It is the template's, at its line; an
        # error whose innermost template line is the default theme's stays a bug.
        problem = _raised_in_show_template(exc)
        if problem is None:
            raise
        raise MediafeedError(problem) from None


def load_templates(env: jinja2.Environment) -> None:
    """Compile every template (the pages and what they extend or include) before anything is written: a syntax
    error stops the build first (THM001). The ``default/`` names are the packaged theme under a second name
    (for a show's template that extends it): compiled when first used, not twice up front (~0.1 s a cold build)."""
    import jinja2

    for name in env.list_templates(extensions=["html", "htm", "xml"]):
        if name.startswith("default/"):
            continue
        try:
            env.get_template(name)
        except jinja2.TemplateError as exc:
            raise MediafeedError(_template_problem(exc, name)) from None


_HINT = "fix the template (see docs/templates.md for the variables each page gets), or delete it to use the default theme's"


def _template_problem(exc: jinja2.TemplateError, template: str) -> Problem:
    """Where the template went wrong: the syntax error's file and line, or the innermost template frame."""
    import jinja2

    where, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not where:
        where, line = _innermost_template_line(exc)
    shown = _shown_path(where) if where else f"template {template}"
    message, hint = f"the template cannot be rendered: {type(exc).__name__}: {exc.message or exc}", _HINT
    if hasattr(exc, "hint"):  # jinjaenv.ThemeFileError: a link to nothing, a file that is not UTF-8
        message, hint = str(exc), exc.hint
    elif isinstance(exc, jinja2.TemplateNotFound) and not isinstance(exc, jinja2.TemplatesNotFound):
        wanted = str(exc.name)
        in_default = wanted.startswith("default/")
        message = (f'the template asks for "{wanted}", which the default theme does not have' if in_default
                   else f'the template asks for "{wanted}", which is neither in {THEME_DIR_NAME}/ nor in the default theme')
        hint = ("correct the name (the default theme's templates are listed in docs/templates.md)" if in_default
                else f"create {THEME_DIR_NAME}/{wanted}, or correct the name")
    return error("THM001", f"{shown}:{line}" if line else shown, message, hint=hint)


def _innermost_template_line(exc: BaseException, show_only: bool = False) -> tuple[str | None, int | None]:
    """The file and line of the innermost template frame of ``exc``'s traceback (Jinja maps its code's lines to
    the template's), or (None, None); ``show_only``: the innermost frame of a show's own template."""
    import traceback  # (only when a template fails: ~1.5 ms of every build's start otherwise)

    theme = os.path.join(os.path.abspath(default_theme()), "")
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(_TEMPLATE_SUFFIXES)
              and not (show_only and os.path.abspath(f.filename).startswith(theme))]
    return (frames[-1].filename, frames[-1].lineno) if frames else (None, None)


def _raised_in_show_template(exc: BaseException) -> Problem | None:
    """THM001 for ``exc`` when the innermost template line it passed is in a show's own template, else None (a bug
    of the default theme or of mediafeed). A RecursionError (a template that includes itself) may end anywhere in
    the loop, the default theme's lines too: the show's innermost line in it is named."""
    recursion = isinstance(exc, RecursionError)
    where, line = _innermost_template_line(exc, show_only=recursion)
    if where is None or _innermost_template_line(exc, show_only=True) != (where, line):
        return None
    message = "RecursionError: the template includes or extends itself" if recursion else f"{type(exc).__name__}: {exc}"
    return error("THM001", f"{_shown_path(where)}:{line}", f"the template cannot be rendered: {message}", hint=_HINT)


_TEMPLATE_SUFFIXES = (".html", ".htm", ".xml", ".json", ".txt", ".j2")


def _shown_path(path: str) -> str:
    """A template's path as a producer knows it: from ``templates/`` on (the show's or the default theme's)."""
    parts = Path(path).parts
    if THEME_DIR_NAME in parts:
        index = len(parts) - 1 - parts[::-1].index(THEME_DIR_NAME)
        return "/".join(parts[index:])
    return path


def embed_code(item: Item, show: Show, width: int = 600, height: int = 180, picture: int = 0) -> str:
    """The ``<iframe>`` to paste into a blog, ``width`` × ``height`` at most. ``picture``: a video's picture height in
    it at ``width`` (``pages.embed_picture``), which makes the frame keep the picture's shape at any column width."""
    from html import escape

    title = escape(f"{item.episode.title} – {show.title}", quote=True)
    if "{" in title or "}" in title:  # a blog's template engines (see `pasted`): escape() left the braces as they are
        title = _BRACES_MEETING.sub(r"\1&#8288;", title.replace("{", "&#123;").replace("}", "&#125;"))
    # The size is in attributes as well as in `style`: a blog whose Content-Security-Policy has no 'unsafe-inline'
    # for styles drops the style attribute (so does WordPress's filter for oEmbed HTML), and a 600 px iframe with
    # its 2 px border then ran off a phone's screen. width="100%" and frameborder="0" (what Spotify's, SoundCloud's
    # and YouTube's embed codes carry, though HTML calls them non-conforming) keep it inside the column.
    attributes = (f'src="{escape(item.embed_url, quote=True)}" title="{title}" width="100%" height="{height}" '
                  'frameborder="0"')
    tail = 'loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
    if not picture:
        # The frame's whole box is in `style`, each declaration !important: a blog's stylesheet beats the attributes,
        # and its own !important beats a plain style attribute. `iframe{max-width:100%;height:auto}` (WordPress and
        # Bootstrap themes, a "fit media" reset) shrank the frame to its 150 px default and `aspect-ratio:16/9` to
        # 135 px in a 240 px column, both cutting off the player (the frame scrolled); `height:400px!important` left
        # an empty box; `max-height`, and padding under `box-sizing:border-box`, cut it too.
        return f'<iframe {attributes} style="{_important(_frame_box(width, height))}" {tail}'
    # A video: the frame's height is the title's and the card's fixed pixels plus the picture, which scales with the
    # column. A fixed height letterboxed it in a narrower column (a 16:9 video 274 × 154 in a 274 × 323 box at 300 px),
    # and CSS aspect-ratio alone cannot add the fixed part: a box whose padding is a share of the column's width plus
    # those pixels (at most ``height``: the column is ``width`` wide at most) holds the iframe. Without styles it is
    # a plain block around the iframe, sized by its attributes as before. The fixed padding first: a browser without
    # CSS min() (Safari before 11.1, Chrome before 79, Firefox before 75) or a filter that drops a value it does not
    # know skips the second and keeps the frame of before; without it the padding was 0 and the iframe 0 px high.
    percent = round(picture / (width - pages.VIDEO_EMBED_CARD) * 100, 4)  # the picture's height per 100 px of column
    fixed = math.ceil((height - percent * width / 100) * 1000) / 1000  # (rounded up: at ``width`` the cap decides)
    # `allowfullscreen`: a frame without it greys out the video's own full-screen button (an audio frame has nothing
    # to show full screen, and its code stays as published)
    # The iframe's box !important, as an audio frame's: `iframe{height:auto!important;aspect-ratio:16/9}` left a 16:9
    # video's frame 338 px high in its 400 px box, its controls cut off; `iframe{height:400px!important}` ran it 169 px
    # over the post below in a 300 px column.
    box = _important(f"position:absolute;top:0;left:0;margin:0;{_frame_box(0, 0)}")
    return (f'<div style="position:relative;max-width:{width}px;padding-top:{height}px;padding-top:min(calc({percent:g}% '
            f'+ {fixed:g}px),{height}px)"><iframe {attributes} allowfullscreen style="{box}" {tail}</div>')


def _frame_box(width: int, height: int) -> str:
    """The embed frame's box in CSS: ``width`` px wide at most and ``height`` px high (0, 0: the whole of its holder)."""
    size = f"max-width:{width}px;height:{height}px" if width else "max-width:none;height:100%"
    return f"border:0;padding:0;width:100%;{size};min-height:0;max-height:none"


def _important(css: str) -> str:
    """``css``'s declarations (``a:b;c:d``), each !important."""
    return ";".join(declaration + "!important" for declaration in css.split(";"))


def oembed(item: Item, show: Show, image_url: str, image_size: tuple[int, int], width: int = 600, height: int = 180,
           html: str = "") -> bytes:
    """oembed.json; ``image_url`` and ``image_size`` (width, height): the thumbnail; ``html``: the embed code when
    the caller has made it already (else made here). A video episode's type is "video" (oEmbed 1.0 section 2.3.4: "used for
    representing playable videos", with the same html, width and height as "rich"), so a consumer that sorts embeds
    by type (a blog's video block, a link preview) treats it as a video; WordPress shows both types' html alike."""
    data: dict[str, str | int] = {
        "version": "1.0",
        "type": "video" if item.media.video else "rich",
        "title": item.episode.title,
        "author_name": show.author,
        "author_url": show.url,
        "provider_name": show.title,
        "provider_url": show.url,
        "html": html or embed_code(item, show, width, height, pages.embed_picture(item)),
        "width": width,
        "height": height,
        "thumbnail_url": image_url,
        "thumbnail_width": image_size[0],
        "thumbnail_height": image_size[1],
        "cache_age": 86400,
    }
    return (indented(data) + "\n").encode("utf-8")  # json.dumps(indent=2)'s text (jsonfeed.indented)


def sitemap(urls: list[tuple[str, str]]) -> bytes:
    """``sitemap.xml`` from (absolute URL, ISO date) pairs."""
    from html import escape  # & < > as XML wants them (xml.sax.saxutils would import urllib.request and ssl)

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, lastmod in urls:
        lines.append(f"  <url><loc>{escape(url, quote=False)}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def url_path(name: str) -> str:
    """Percent-encode a file name for a URL path (spaces and non-ASCII are allowed in file names)."""
    from urllib.parse import quote

    return quote(name, safe="/-._~")
