"""Episodes' rendered notes, kept in the cache (``notes`` table) while the Markdown and the page URL are the same.

:class:`NotesReader` hands each item its notes when a page or a feed item needs them, without holding a big
show's notes (~150 MB) in memory; the notes the cache does not have are rendered on every core.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import partial

from . import notes as notes_io
from . import parallel
from .cache import Cache

NOTES_FORMAT = "2"  #: tag of the notes rows (see _notes_from): a new layout must not read older rows


def render_notes(markdown: str, link: str, cache: Cache) -> notes_io.Notes:
    """Rendered notes, from the cache while the Markdown and page URL are the same."""
    key = notes_key(markdown, link)
    found = _notes_from(cache.get_text("notes", key, NOTES_FORMAT))
    if found is not None:
        return found
    cache.stats["rendered_notes"] += 1
    notes = notes_io.render(markdown, link)
    _store_notes(cache, key, notes)
    return notes


def _store_notes(cache: Cache, key: str, notes: notes_io.Notes) -> str:
    """Keep rendered notes in the cache (see :func:`_notes_from`); returns the row as stored."""
    row = f"{len(notes.html)}:{len(notes.description)}:{notes.html}{notes.description}{notes.text}"
    cache.put_text("notes", key, NOTES_FORMAT, row)
    return row


def _notes_from(row: object) -> notes_io.Notes | None:
    """Notes kept as ``"<len html>:<len description>:" + html + description + text``: sliced, not parsed (a
    thousand rows of JSON-escaped HTML cost tens of milliseconds per build). A row that does not add up is
    not trusted."""
    if not isinstance(row, str):
        return None
    try:
        html, description, rest = row.split(":", 2)
        cut, end = int(html), int(html) + int(description)
    except ValueError:
        return None
    if not 0 <= cut <= end <= len(rest) or not (html.isdigit() and description.isdigit()):
        return None
    return notes_io.Notes(rest[:cut], rest[cut:end], rest[end:])


class NotesReader:
    """Each item's rendered notes, read from the cache when a page or a feed item needs them.

    The notes of a 10,000-episode show are ~150 MB of text: :meth:`prepare` renders (and caches) the
    ones that are not cached yet and keeps none; :meth:`read` reads one from the cache, remembering
    the last few (a unit reads its item's notes several times). The build reads the notes in item order
    (the checks, tagging, the feed rules, the pages), so a read that misses also reads the next items' notes, all
    in one query. Without a cache database, it keeps them all; with one, it keeps the notes it rendered itself
    while they add up to at most :data:`HOLD` characters (a cold build of up to ~2,000 episodes: all of them).
    """

    RECENT = 128
    BATCH = 64  #: notes read in one query (see read)
    #: rendered notes kept in memory when they add up to no more (characters of html, description and text): a cold
    #: build read each episode's notes back from the cache four times (the checks, tagging, the feed rules, the
    #: pages), 77 ms of the build's CPU at 1,000 episodes (~15 MB of notes); 10,000 episodes' (~150 MB) are not kept
    HOLD = 32_000_000

    def __init__(self, cache: Cache):
        self.cache = cache
        self.held: dict[str, notes_io.Notes] = {}  #: every item's notes, when there is no cache database
        self.recent: dict[str, notes_io.Notes] = {}
        self.order: list[str] = []  #: the keys as prepared (item order)
        self.at: dict[str, int] = {}  #: key → its first place in ``order``

    def prepare(self, pages: list[tuple[str, str]], known: list[str | None] | None = None,
                kept: list[bool] | None = None) -> list[Callable[[], notes_io.Notes]]:
        """A reader for each (Markdown, page URL) pair; renders and caches the notes not cached yet. ``known``: the
        pages' keys where already known (:attr:`Project.notes_keys`), else None. ``kept``: True for the pages whose
        notes the cache had when their episode's row was written (:attr:`Project.cached`): they are not looked up
        here (one that is missing after all is rendered when it is read)."""
        keys = [key or notes_key(markdown, link)
                for (markdown, link), key in zip(pages, known or [None] * len(pages), strict=True)]
        trusted = {key for key, sure in zip(keys, kept or [False] * len(keys), strict=True) if sure}
        # which of the others are there, without reading them
        cached = trusted | self.cache.present("notes", dict.fromkeys([key for key in keys if key not in trusted],
                                                                     NOTES_FORMAT))
        # the others (a cold build: all of them) are rendered on every core, each stored as it comes
        misses = list({key: page for page, key in zip(pages, keys, strict=True)
                       if key not in cached and key not in self.held}.items())
        rendered = parallel.imap_ordered(_render_notes, None, [page for _, page in misses], share=True)
        fresh: dict[str, notes_io.Notes] | None = {}
        size = 0
        for (key, _), notes in zip(misses, rendered, strict=True):
            if isinstance(notes, notes_io.Notes):
                self.cache.stats["rendered_notes"] += 1
                size += len(_store_notes(self.cache, key, notes))
                if self.cache.db is None:
                    self.held[key] = notes
                elif fresh is not None:
                    fresh[key] = notes
                    if size > self.HOLD:
                        fresh = None  # (a big show's: read back when needed, as the others)
        if fresh is not None:
            self.held.update(fresh)
        self.order = keys
        self.at = {}
        for index, key in enumerate(keys):
            self.at.setdefault(key, index)
        return [partial(self.read, key, markdown, link) for (markdown, link), key in zip(pages, keys, strict=True)]

    def read(self, key: str, markdown: str, link: str) -> notes_io.Notes:
        found = self.held.get(key) or self.recent.get(key)
        if found is None and key in self.at:
            self._read_ahead(self.at[key])
            found = self.recent.get(key)
        if found is None:
            found = render_notes(markdown, link, self.cache)
            self._remember(key, found)
        return found

    def _read_ahead(self, index: int) -> None:
        """The notes of the items from ``index`` on (:data:`BATCH` of them) into :attr:`recent`, in one query."""
        batch = [key for key in dict.fromkeys(self.order[index:index + self.BATCH])
                 if key not in self.recent and key not in self.held]
        rows = self.cache.get_many("notes", dict.fromkeys(batch, NOTES_FORMAT), text=True)
        for key in batch:
            notes = _notes_from(rows.get(key))
            if notes is not None:  # (a row that does not add up is rendered again by read)
                self._remember(key, notes)

    def _remember(self, key: str, notes: notes_io.Notes) -> None:
        self.recent[key] = notes
        if len(self.recent) > self.RECENT:
            del self.recent[next(iter(self.recent))]


def _render_notes(_: None, page: tuple[str, str]) -> notes_io.Notes:
    return notes_io.render(*page)


def notes_key(markdown: str, link: str) -> str:
    return hashlib.sha256(f"{link}\0{markdown}".encode()).hexdigest()
