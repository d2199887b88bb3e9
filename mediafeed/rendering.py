"""The render phase of a build: :func:`render_site` turns a loaded show's items into the site's files.

It calls the :class:`render.Renderer` unit by unit (:mod:`incremental`: a unit whose inputs are unchanged is
kept, not rendered), in an order that keeps the site whole at every moment, and has worker processes make the
episodes' pages ahead of the writer (:class:`_PagesAhead`).
"""

from __future__ import annotations

import collections
import collections.abc
import os
from dataclasses import field
from datetime import datetime
from functools import partial
from pathlib import Path

from . import codec, incremental, output, parallel, site
from .cache import Cache
from .errors import MediaError
from .model import Item, RenderedNotes
from .project import Project
from .records import mutable
from .render import Renderer


def render_site(project: Project, items: list[Item], build_date: datetime,
                plan: incremental.Plan | None = None, out: output.Site | None = None) -> output.Site:
    """Every output file of the site, into ``out``: an :class:`output.Writer` writes each unit's files as
    soon as they are rendered; by default, a :class:`output.Site` keeps them in memory.

    The units come in an order that keeps the site whole at every moment: the show's artwork and
    assets, each episode (media before pages), the index pages, the extras, the feeds last.
    With a ``plan`` (incremental builds), a unit whose inputs are unchanged since
    the last build is kept instead of rendered; see :mod:`incremental`.
    """
    if out is None:
        out = output.Site()
    if plan is None:
        plan = incremental.Plan(Cache(None), Path(), "")
    renderer = Renderer(project, build_date, plan.cache)
    site.load_templates(renderer.env)
    # A new newest episode moves the build date; episode pages depend on it only if a template reads it.
    dated = incremental.theme_mentions(project.root, "build_date")
    units = []
    for item in items:
        key = project.fingerprints.get(item.episode.slug, "")
        units.append((f"episode/{item.episode.slug}", f"{key}:{build_date.isoformat()}" if dated else key, item))

    def keys(listed: list[Item]) -> list[str]:
        return [f"{i.episode.slug}={project.fingerprints.get(i.episode.slug, '')}" for i in listed]

    listing = incremental.digest(build_date.isoformat(), *keys(items))
    pages = renderer.index_pages(items)
    # An index page is kept while the episodes it lists are unchanged.
    indexes = [(f"index/{number}", incremental.digest(build_date.isoformat(), pages, number,
                                                      *keys(renderer.index_chunk(items, number))))
               for number in range(1, pages + 1)]
    plan.forget_changed([(name, key) for name, key, _ in units] + indexes + [("extras", listing), ("feeds", listing)])
    renderer.static(out)
    by_slug = {item.episode.slug: item for item in items}
    # The pages of the episodes that will certainly be rendered (a cold build: all) are made on every core
    # in the background, in order, by one pool (a few chunks ahead of the writer: see parallel.imap_ordered);
    # the files are written here, one unit after another, as before.
    # The first is rendered here, before the pool forks at the second: the workers inherit compiled templates.
    fresh = [item for name, key, item in units if plan.fresh(name, key)]
    # Into an output folder that held no site of ours, the workers write the pages of the episode folders
    # they make themselves (most of a cold build's file creation, off this process); else they hand them here.
    direct = os.fspath(out.out) if isinstance(out, output.Writer) and out.fresh and parallel.pooled(len(fresh) - 1) else ""
    # The index pages that will certainly be rendered (a cold build: all) are rendered here while this process waits
    # for the page workers' next results, and written in their turn, after the episodes, as before.
    index_ahead = _IndexAhead(renderer, items, [number for number, (name, key) in enumerate(indexes, start=1)
                                                if plan.fresh(name, key)])
    ahead = _PagesAhead(renderer, by_slug, fresh[1:], renderer.feed_items.missing(fresh[1:]) if fresh[1:] else set(),
                        direct, idle=index_ahead.step)
    try:
        _render_episodes(plan, out, renderer, units, ahead)
    finally:
        ahead.close()
    # The page workers have ended and no more are forked: a new cache file (a cold build's) starts going to disk now,
    # while the index pages and the feeds are made, not at the build's end (see Cache.start_sync)
    plan.cache.start_sync()

    for number, (name, key) in enumerate(indexes, start=1):
        plan.unit(out, name, key, partial(index_ahead.page, number=number))
    plan.unit(out, "extras", listing, lambda site: renderer.extras(site, items))
    plan.unit(out, "feeds", listing, lambda site: renderer.feeds(site, items))
    return out


class _Pages(output.Site):
    """The pages an episode's unit adds, captured in a worker process (sent back to be written)."""

    def __init__(self) -> None:
        super().__init__()
        self.added: list[tuple[str, bytes, str]] = []

    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        self.added.append((rel, data, origin))


def _render_episodes(plan: incremental.Plan, out: output.Site, renderer: Renderer,
                     units: list[tuple[str, str, Item]], ahead: _PagesAhead) -> None:
    """Each episode's unit of ``units``, in order: its pages from ``ahead`` when made there, else rendered here."""
    for name, key, item in units:
        def episode(site: output.Site, item: Item = item) -> None:
            # A worker that writes the episode's folder itself is done with it before anything else is written
            # there (the files are still declared in the same order: media, side files, pages).
            pages = ahead.take(item) if ahead.direct else None
            if pages is not None and pages.folders:
                assert isinstance(out, output.Writer)
                out.adopt(pages.folders)
            renderer.media(site, item)
            renderer.side_files(site, item)
            if not ahead.direct:
                pages = ahead.take(item)
            if pages is None:
                renderer.episode_pages(site, item)
            else:
                for index, (rel, data, origin) in enumerate(pages.files):
                    if isinstance(data, int):
                        site.placed(rel, data, origin, pages.mtimes[index] if index < len(pages.mtimes) else None)
                    else:
                        site.add(rel, data, origin)

        plan.unit(out, name, key, episode)


class _PagesAhead:
    """Episode pages made in worker processes ahead of the writer, handed over in episode order. The workers
    also make the feeds' items of the episodes in ``items_too`` (slugs), kept in the cache as they are handed
    over, so that the feeds, rendered last in this process, find them there."""

    def __init__(self, renderer: Renderer, by_slug: dict[str, Item], fresh: list[Item], items_too: set[str],
                 direct: str = "", idle: collections.abc.Callable[[], bool] | None = None):
        self.renderer = renderer
        self.direct = direct  #: the output folder the workers write new episode folders into ("": none)
        self.waiting = collections.deque(item.episode.slug for item in fresh)
        # (the build's last stage on every core: its workers end while the last pages, the indexes and feeds are written)
        self.made = parallel.imap_ordered(_episode_pages, (renderer, by_slug, direct), _PageJobs(fresh, items_too),
                                          idle=idle, release=True)

    def take(self, item: Item) -> _Made | None:
        """``item``'s pages when they were made ahead (None: render them here)."""
        if not self.waiting or self.waiting[0] != item.episode.slug:
            return None
        self.waiting.popleft()
        made = next(self.made)
        if isinstance(made, parallel.Failed):
            raise MediaError(made.problems)
        pages, feed_texts = made
        if feed_texts is not None:
            self.renderer.feed_items.store(item, *feed_texts)
        return pages

    def close(self) -> None:
        self.made.close()  # a pool's workers end with it


#: how many bytes of index pages :class:`_IndexAhead` holds at most (a show of 10,000 episodes has 500 pages of ~50 KB)
INDEX_AHEAD_BYTES = 8 << 20


class _IndexAhead:
    """Index pages rendered ahead, one at a time while the build waits for the page workers (``idle`` of
    :func:`parallel.imap_ordered`), held until their units write them in their turn, after the episodes (an index
    page reads its own items and the number of pages, nothing an episode's unit makes). A page it did not render
    (none was waited for, or :data:`INDEX_AHEAD_BYTES` are held, or rendering it failed: the error is raised in its
    turn, as before) is rendered in its turn."""

    def __init__(self, renderer: Renderer, items: list[Item], numbers: list[int]):
        self.renderer = renderer
        self.items = items
        self.todo = collections.deque(numbers)
        self.made: dict[int, list[tuple[str, bytes, str]]] = {}
        self.size = 0

    def step(self) -> bool:
        """Render the next index page into memory; False when there is nothing more to do."""
        if not self.todo or self.size >= INDEX_AHEAD_BYTES:
            return False
        number = self.todo.popleft()
        pages = _Pages()
        try:
            self.renderer.index_page(pages, self.items, number)
        except Exception:  # (a template error: raised again when the page is rendered in its turn)
            self.todo.clear()
            return False
        self.made[number] = pages.added
        self.size += sum(len(data) for _, data, _ in pages.added)
        return bool(self.todo)

    def page(self, site: output.Site, number: int) -> None:
        """Index page ``number`` into ``site``: as rendered ahead, else rendered now."""
        made = self.made.pop(number, None)
        if made is None:
            self.renderer.index_page(site, self.items, number)
            return
        for rel, data, origin in made:
            site.add(rel, data, origin)


class _PageJobs(parallel.Jobs[tuple[str, RenderedNotes, bool]]):
    """The jobs of :class:`_PagesAhead`, each made when the pool gives it out: an episode's notes are read from
    the cache then, a few chunks ahead of the writer, not all at once (a big show's notes are ~150 MB)."""

    def __init__(self, fresh: list[Item], items_too: set[str]):
        self.fresh = fresh
        self.items_too = items_too

    def __len__(self) -> int:
        return len(self.fresh)

    def made(self, index: int) -> tuple[str, RenderedNotes, bool]:
        item = self.fresh[index]
        return item.episode.slug, item.notes(), item.episode.slug in self.items_too


@mutable
class _Made:
    """An episode's pages made ahead: (path, bytes to write, origin), or (path, size, origin) when the worker
    wrote the file itself into ``folders``, which it made (see :func:`output.write_fresh`), each file's mtime as
    written in ``mtimes`` (the build's stamp lists them without looking at the files again)."""

    files: list[tuple[str, bytes | int, str]]
    folders: list[str]
    mtimes: list[int] = field(default_factory=list)


def _episode_pages(context: tuple[Renderer, dict[str, Item], str], job: tuple[str, RenderedNotes, bool],
                   ) -> tuple[_Made, tuple[str, str] | None]:
    """An episode's pages (``Renderer.episode_pages``) and, when asked, its items in the feeds
    (``FeedItems.render_one``), made in a worker from its notes as read by the build (a worker never opens
    the cache). With ``direct`` (the output folder, which held no site of ours), the worker writes the pages
    itself when the episode's folder is not there yet, and sends back their sizes."""
    renderer, by_slug, direct = context
    slug, notes, items_too = job
    item = codec.replacer(Item, "notes")(by_slug[slug], lambda: notes)
    pages = _Pages()
    renderer.episode_pages(pages, item)
    assert renderer.project.show is not None
    feed_texts = renderer.feed_items.render_one(item, renderer.project.show) if items_too else None
    made = _Made([(rel, data, origin) for rel, data, origin in pages.added], [])
    folder = item.page_path.rstrip("/")
    if direct and all(rel.startswith(item.page_path) for rel, _, _ in pages.added):
        mtimes: list[int] = []
        try:
            folders = output.write_fresh(direct, folder, [(rel, data) for rel, data, _ in pages.added], mtimes)
        except OSError:
            folders = None  # the writer tries again, and reports what is wrong (OUT003)
        if folders is not None:
            made = _Made([(rel, len(data), origin) for rel, data, origin in pages.added], folders, mtimes)
    return made, feed_texts
