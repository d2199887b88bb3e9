"""Rendering a loaded show into planned output files, one concern per method.

:class:`Renderer` holds what every page shares (the Jinja2 environment, the
``site`` context); ``rendering.render_site`` calls its methods in order. Each method
hands its files to an :class:`output.Site` (in a build, the :class:`output.Writer`,
which writes each one at once, atomically) and touches nothing on disk itself
except reading inputs.

* ``static``: show artwork and theme assets
* ``media``: the published copy of each episode's media and artwork
* ``side_files``: chapters.json, transcripts (and generated formats)
* ``episode_pages``: episode page, embed page, HTML fragment, oEmbed JSON
* ``indexes``: the paginated episode index
* ``extras``: 404, sitemap.xml, robots.txt
* ``feeds``: feed.xml (and any other feed format), written last by ``output``
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, images, site, transcripts
from . import chapters as chapter_io
from . import pages as page_data
from .cache import CACHE_DIR, Cache
from .characters import NotUtf8, source_text
from .episodes import EPISODES_DIR
from .errors import Problem, Severity
from .feeditems import FeedFrames, FeedItems
from .model import Item
from .site import url_path
from .source import TooLarge, scrub_text, side_file_bytes

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import jinja2

    from .archives import FeedPage
    from .feed import ItemXml
    from .output import Site
    from .project import Project
    from .streams import Piece
    from .words import Words


def _mime_of(name: str) -> str:
    return transcripts.TRANSCRIPT_TYPES.get(os.path.splitext(name)[1].lower(), "")


def read_text(path: Path, rel: str, slug: str) -> tuple[str | None, list[Problem]]:
    """A transcript's text (None, and TRN000, when it is not UTF-8 or cannot be read)."""
    try:
        return source_text(side_file_bytes(path)), []
    except NotUtf8 as exc:  # a UTF-16 export from a Windows tool, or Latin-1
        return None, [Problem(rel, "TRN000", Severity.ERROR, exc.reason, hint=f"WebVTT must be UTF-8: {exc.hint(rel)}",
                              episode=slug)]
    except TooLarge as exc:
        return None, [Problem(rel, "TRN000", Severity.ERROR, exc.reason, hint="is this the episode's transcript? "
                              "Export it again from the transcription tool, a cue per sentence", episode=slug)]
    except OSError as exc:
        return None, [Problem(rel, "TRN000", Severity.ERROR, f"cannot read the transcript: {exc.strerror}", episode=slug)]


def read_cues(path: Path, mime: str, rel: str, slug: str) -> tuple[list[transcripts.Cue], list[Problem]]:
    text, unread = read_text(path, rel, slug)
    if text is None:
        return [], unread
    # characters XML forbids are no text either: off the page and the generated transcript, with a warning
    text, scrubbed = scrub_text(text, rel, slug)
    cues, problems = transcripts.parse(text, mime, rel, slug)
    return cues, scrubbed + problems


class Renderer:
    def __init__(self, project: Project, build_date: datetime, cache: Cache | None = None,
                 frames: FeedFrames | None = None):
        assert project.show is not None
        self.project = project
        #: each episode's part of the feeds, reused while its input key is the same (see :mod:`feeditems`)
        self.feed_items = FeedItems(cache or Cache(None), project.fingerprints)
        #: each feed document's channel, reused while its inputs are the same (the feed rules, which keep no item,
        #: keep their channel in rows of their own)
        self.frames = frames or FeedFrames(cache or Cache(None))
        self.show = project.show
        self.root = project.root
        self.build_date = build_date
        self.cache_path = cache.path if cache else None
        self.image_url = self.show.absolute(url_path(self.show.artwork)) if self.show.artwork else ""
        self.image_size = project.artwork_size[0]
        self.scaled: dict[Path, str] = {}  #: source image → hash part of its scaled copies' names
        self.artwork_paths: dict[tuple[str, int], str] = {}  #: (image_path or "", size) → ``artwork()``
        self.info: site.SiteInfo = {
            "base_url": self.show.url,
            "feed_url": self.show.feed_url,
            "json_feed_url": self.show.absolute("feed.json"),
            "image_url": self.image_url,
            "image_size": self.project.artwork_size,
            "image_path": self.show.artwork,
            "generator": f"mediafeed {__version__}",
            "build_date": build_date.isoformat(),
            "subscribe": [("RSS", self.show.feed_url), *self.show.links],
            "support": list(self.show.support),
            "asset_version": _asset_version(site.assets(self.root)),
            "image_small": self.artwork(None, 96),
        }

    @cached_property
    def env(self) -> jinja2.Environment:
        """The template environment, made when first needed: ``check``, ``list`` and the feed rules render no
        page and do not load Jinja."""
        env = site.environment(self.root, site.template_cache(self.cache_path), self.words)
        env.globals["artwork"] = self.artwork
        env.globals["artwork_alt"] = self.artwork_alt
        return env

    @cached_property
    def words(self) -> Words:
        """The default theme's words in the show's language, with the show's own (``words:`` in show.yml)."""
        from .words import words_for

        return words_for(self.show.language, self.show.words)

    def artwork(self, item: Item | None = None, size: int = 240) -> str:
        """Template global ``artwork(item, size)``: the site path of the episode's (or show's) artwork at least
        ``size`` px wide (one of ``images.SIZES``; the largest when ``size`` is bigger)."""
        key = (item.image_path if item is not None else "", size)  # image_path: the episode's own artwork, or ""
        if key not in self.artwork_paths:
            self.artwork_paths[key] = self._artwork(item, size)
        return self.artwork_paths[key]

    def artwork_alt(self, item: Item | None = None) -> str:
        """Template global ``artwork_alt(item)``: the words describing what ``artwork(item, …)`` shows: the episode's
        ``artwork_alt`` for its own artwork, show.yml's for the show's (``none``: the show's); "" when not given."""
        return item.episode.artwork_alt if item is not None and item.image_path else self.show.artwork_alt

    def _artwork(self, item: Item | None, size: int) -> str:
        if item is not None and item.image_path:
            source = self.folder(item) / item.episode.artwork
        else:
            source = self.root / self.show.artwork
        if source not in self.scaled:
            self.scaled[source] = images.fingerprint(source)
        fitting = [s for s in images.SIZES if s >= size]
        return f"{images.FOLDER}/{self.scaled[source]}-{fitting[0] if fitting else images.SIZES[-1]}.jpg"

    def scaled_images(self, out: Site, source: Path, origin: str) -> None:
        """Add the page-sized copies of one image (once, however many episodes share it)."""
        first = self.artwork_path(source, images.SIZES[0])
        if out.has(first):
            return
        user = site.user_cache_dir()  # (shared by every show, as the default theme's compiled templates are)
        try:
            made = images.scaled_cached(source, self.root / CACHE_DIR / images.FOLDER,
                                        user_dir=user / images.FOLDER if user is not None else None)
        except OSError:
            return  # the artwork checks have already reported it
        for size, data in made.items():
            out.add(self.artwork_path(source, size), data, origin)

    def artwork_path(self, source: Path, size: int) -> str:
        if source not in self.scaled:
            self.scaled[source] = images.fingerprint(source)
        return f"{images.FOLDER}/{self.scaled[source]}-{size}.jpg"

    def folder(self, item: Item) -> Path:
        return self.root / EPISODES_DIR / item.episode.slug

    def static(self, out: Site) -> None:
        out.copy(self.show.artwork, self.root / self.show.artwork, "show.yml: artwork")
        self.scaled_images(out, self.root / self.show.artwork, "show.yml: artwork")
        for rel, path in site.assets(self.root).items():
            out.copy(rel, path, "theme")

    def media(self, out: Site, item: Item) -> None:
        episode = item.episode
        if item.media_file:  # the tagged copy in mediafeed's store: hard-linked where possible
            out.copy(item.enclosure_path, self.root / item.media_file, episode.source, link=True)
        else:  # the producer's own file: always a copy (an edit in the site must never reach it)
            out.copy(item.enclosure_path, self.folder(item) / episode.audio, episode.source)
        if item.image_path:
            folder = self.folder(item)
            out.copy(item.image_path, folder / episode.artwork, episode.source)
            self.scaled_images(out, folder / episode.artwork, episode.source)

    def side_files(self, out: Site, item: Item) -> None:
        episode = item.episode
        if not (item.transcripts or item.alternates or episode.chapters):
            return  # (most episodes: no Path made for their folder)
        folder = self.folder(item)
        for link in item.transcripts:
            if link.source:
                cues, _ = read_cues(folder / link.source, _mime_of(link.source), link.rel, episode.slug)
                out.add(link.rel, transcripts.convert(cues, link.mime), episode.source)
            elif link.mime == "text/html":  # a page of the site's own origin: never published as it came
                from .notes import transcript_page

                text = (folder / os.path.basename(link.rel)).read_text(encoding="utf-8", errors="replace")
                out.add(link.rel, transcript_page(text, f"{self.words['transcript']}{self.words['colon']}{episode.title} – {self.show.title}",
                                                  link.language or self.show.language), episode.source)
            else:
                out.copy(link.rel, folder / os.path.basename(link.rel), episode.source)
        for alternate, _ in item.alternates:
            if alternate.file and alternate.file != episode.audio:
                out.copy(item.page_path + alternate.file, folder / alternate.file, episode.source)
        if episode.chapters:
            out.add(item.page_path + "chapters.json",
                    chapter_io.to_json(episode.chapters, episode.title, self.show.title), episode.source)

    def transcript_paragraphs(self, item: Item) -> tuple[list[transcripts.Paragraph], str]:
        """The page's transcript and its language: the producer's own timed file, in the show's language if one is."""
        timed = [link for link in item.transcripts if link.mime in transcripts.TIMED and not link.source]
        same = [link for link in timed if link.language.lower() == self.show.language.lower()]
        for link in same[:1] or timed[:1]:
            cues, _ = read_cues(self.folder(item) / os.path.basename(link.rel), link.mime, link.rel, item.episode.slug)
            return transcripts.paragraphs(cues), link.language
        return [], ""

    def episode_pages(self, out: Site, item: Item) -> None:
        show, origin = self.show, item.episode.source
        transcript, transcript_language = self.transcript_paragraphs(item)
        more = bool(transcript) or any(chapter.toc for chapter in item.episode.chapters)  # embed.html's second row
        width, height = page_data.embed_size(item, more)
        embed_code = site.embed_code(item, show, width, height, page_data.embed_picture(item))
        context: site.PageContext = {
            "show": show, "site": self.info, "root": "../../", "page_url": item.page_url, "item": item,
            "transcript": transcript, "transcript_language": transcript_language, "embed_code": embed_code,
            "fragment_code": "", "share": page_data.share_links(item, show, self.words),
            "links": page_data.episode_links(item, self.words), "comments": page_data.comment_links(item, show, self.words),
            "persons": item.episode.persons or show.persons, "embed_width": width, "embed_height": height,
            "video_sources": page_data.video_sources(item, show.language),
            "structured_data": page_data.episode_data(item, show, self.image_url),
        }
        fragment = site.render_text(self.env, "fragment.html", context)
        context["fragment_code"] = fragment.strip()
        out.add(item.page_path + "index.html", site.render(self.env, "episode.html", context), origin)
        embed_context: site.PageContext = {**context, "root": "../../../", "page_url": item.embed_url}
        out.add(item.page_path + "embed/index.html", site.render(self.env, "embed.html", embed_context), origin)
        out.add(item.page_path + "player.html", fragment.encode("utf-8"), origin)
        out.add(item.page_path + "oembed.json",
                site.oembed(item, show, *self.thumbnail(item), width, height, embed_code), origin)

    def thumbnail(self, item: Item) -> tuple[str, tuple[int, int]]:
        """The oEmbed thumbnail: the episode's own artwork (as og:image and the JSON-LD name it) with its real
        width and height, else the show's."""
        if item.image_path and item.image_size != (0, 0):  # (its size as the build remembered it: no image opened)
            return item.image_url, item.image_size
        return self.image_url, self.project.artwork_size

    def indexes(self, out: Site, items: list[Item]) -> None:
        for number in range(1, self.index_pages(items) + 1):
            self.index_page(out, items, number)

    def index_pages(self, items: list[Item]) -> int:
        """How many pages the episode index has."""
        return max(1, -(-len(items) // self.show.page_size))

    def index_chunk(self, items: list[Item], number: int) -> list[Item]:
        """The items that index page ``number`` (from 1) lists."""
        return items[(number - 1) * self.show.page_size: number * self.show.page_size]

    def index_page(self, out: Site, items: list[Item], number: int) -> None:
        """Index page ``number``: it reads its own items and the number of pages, nothing else of ``items``."""
        show = self.show
        pages = self.index_pages(items)
        path = "" if number == 1 else f"page/{number}/"
        page_root = site.relative_root(path)
        context: site.PageContext = {
            "show": show, "site": self.info, "root": page_root, "page_url": show.absolute(path),
            "items": self.index_chunk(items, number), "page": number, "pages": pages,
            "prev_page": "" if number == 1 else (page_root if number == 2 else f"{page_root}page/{number - 1}/"),
            "next_page": f"{page_root}page/{number + 1}/" if number < pages else "",
            "page_links": page_data.page_links(number, pages, page_root),
            "structured_data": page_data.series_data(show, self.image_url),
        }
        out.add(path + "index.html", site.render(self.env, "index.html", context), "index")

    def extras(self, out: Site, items: list[Item]) -> None:
        show = self.show
        out.add("404.html", site.render(self.env, "404.html", {"show": show, "site": self.info, "root": show.url,
                                                               "page_url": show.absolute("404.html")}), "404")
        urls = [(show.url, items[0].episode.date.date().isoformat() if items else "")]
        index_pages = max(1, -(-len(items) // show.page_size))
        urls += [(show.absolute(f"page/{n}/"), items[(n - 1) * show.page_size].episode.date.date().isoformat())
                 for n in range(2, index_pages + 1)]
        urls += [(item.page_url, (item.episode.updated or item.episode.date).date().isoformat()) for item in items]
        out.add("sitemap.xml", site.sitemap(urls), "sitemap")
        out.add("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {show.absolute('sitemap.xml')}\n".encode(), "robots")

    def feeds(self, out: Site, items: list[Item]) -> None:
        """Every feed document, streamed: the archives, then feed.json, then feed.xml (``output.LAST``)."""
        from .archives import plan
        from .feed import feed_chunks
        from .jsonfeed import json_feed_chunks

        show = self.show
        pages = plan(show, items)
        for page in pages[1:] + pages[:1]:
            next_json = page.paging.next_url.removesuffix(".xml") + ".json" if page.paging and page.paging.next_url else ""
            # Each item as a piece (streams.Piece): the items that the feed file on disk holds unchanged are
            # copied from it, not read from the cache (see output.Writer.pieces).
            json_chunks = json_feed_chunks(show, page.items, image_url=self.image_url, feed_url=show.absolute(page.path("json")),
                                           next_url=next_json, item_json=self._json_items(out, page.path("json")))
            head, tail = self.rss_frame(page, items)
            xml_chunks = feed_chunks(head, tail, page.items, self._rss_items(out, page.path("xml")))
            if page.number:
                out.stream(page.path("xml"), xml_chunks, "feed")
                out.stream(page.path("json"), json_chunks, "feed")
            else:  # the subscription feeds last, feed.xml the very last (output.LAST)
                out.stream(page.path("json"), json_chunks, "feed")
                out.stream(page.path("xml"), xml_chunks, "feed")
        self.feed_items.keep_only(items)
        self.frames.keep_only(page.path("xml") for page in pages)

    def _rss_items(self, out: Site, rel: str) -> Callable[[list[Item]], Sequence[bytes | Piece]]:
        spans = out.pieces(rel)
        return self.feed_items.rss if spans is None else partial(self.feed_items.rss_pieces, spans=spans)

    def _json_items(self, out: Site, rel: str) -> Callable[[list[Item]], Sequence[str | Piece]]:
        spans = out.pieces(rel)
        if spans is None:
            return partial(self.feed_items.json, show=self.show)
        return partial(self.feed_items.json_pieces, spans=spans, show=self.show)

    def rss(self, page: FeedPage, items: list[Item], item_xml: ItemXml | None = None) -> bytes:
        """One RSS document of the feeds (``items``: every published item); ``item_xml`` as in ``feed.render_feed``."""
        from .feed import feed_chunks

        head, tail = self.rss_frame(page, items)
        return b"".join(feed_chunks(head, tail, page.items, item_xml or self.feed_items.rss))

    def rss_frame(self, page: FeedPage, items: list[Item]) -> tuple[bytes, bytes]:
        """The RSS document ``page`` around its items (``feed.render_frame``; kept ones while ``feed.frame_key`` is the same)."""
        from .feed import frame_key, render_frame
        from .project import key_of_show

        show = self.show
        # podcast:trailer is the show's or a season's trailer (trailer.md): Apple's trailer with an episode number is a
        # teaser for that episode, which apps would otherwise play as the show's preview
        trailers = tuple(i for i in items if i.episode.episode_type == "trailer" and not i.episode.number
                         and not i.episode.decimal_number) if not page.number else ()
        # an archive's dates come from its own episodes, so its bytes stay the same as new episodes arrive
        built = max((i.episode.updated or i.episode.date for i in page.items), default=self.build_date) \
            if page.number else self.build_date
        # the subscription feed's self link is the address subscribers have (show.yml's feed_url, which the pages link,
        # podcast:guid is made from and publish pings), wherever the file is served from; an archive's is its own
        self_url = show.absolute(page.path("xml")) if page.number else show.feed_url
        key = frame_key(key_of_show(show), page.items, image_url=self.image_url, build_date=built, self_url=self_url,
                        paging=page.paging, image_size=self.image_size, trailers=trailers)
        return self.frames.frame(page.path("xml"), key, partial(
            render_frame, show, page.items, image_url=self.image_url, build_date=built, self_url=self_url,
            paging=page.paging, image_size=self.image_size, trailers=trailers))


def _asset_version(files: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for rel, path in sorted(files.items()):
        digest.update(rel.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]
