"""Each episode's part of the feeds, kept between builds: its ``<item>`` in feed.xml, its item in feed.json.

The feeds list every published episode, so a change to one episode used to render all of them again
(feedgen, and absolute URLs in every episode's notes): most of a one-edit rebuild. A feed document is
its channel (rendered every time, it is small) and its items' bytes in feed order (see
``feed.render_feed`` and ``jsonfeed.render_json_feed``), and an item's bytes depend on the item alone.

So an item's bytes are stored in the cache's ``fragment`` table under its episode, tagged with the
episode's input key, the same key its pages are kept by (``project.Project.fingerprints``: its folder,
``show.yml`` as parsed, its media's identity and, once tagged, its tagged copy's identity), and reused
while that key is the same. An item without a key is rendered every time. The feed rules
(``checks.showfeed``) keep their results under the same key, so they render only new or changed items,
with a store that keeps nothing (``Cache(None)``).

The channel around the items (``feed.render_frame``: the bytes before the first ``<item>`` and after the last) is
kept too, in the ``frame`` table (:class:`FeedFrames`), under a key of every input it is made from
(``feed.frame_key``): feedgen's generator makes it only when that changes, so a rebuild after a notes edit does
not import it (nor dateutil behind it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial

from .cache import Cache
from .model import Item, Show
from .streams import Piece

TABLE = "fragment"
#: part of every tag: a change to how items are rendered must not reuse older bytes (4: keywords ", "; 5: a time
#: within half a millisecond of a whole second without a trailing point, "7" not "7.")
FORMAT = 5


class FeedItems:
    """The feeds' item bytes of one build, rendered only where an episode's key changed."""

    #: characters of the items made elsewhere (:meth:`store`: a cold build's, by the page workers) held in memory for
    #: the feeds, written after the last episode, while they add up to no more: they are not read back from the cache
    #: then (a cold build of 1,000 episodes: ~18 M characters, ~20 ms of the build's own CPU with both cores idle);
    #: a bigger show's are read back as before
    HOLD = 32_000_000

    def __init__(self, cache: Cache, keys: Mapping[str, str]):
        self.cache = cache
        self.keys = keys  #: slug → input key
        self.held: dict[str, tuple[str, str]] = {}  #: row → (key, text) of items stored by :meth:`store`
        self.held_size = 0

    def rss(self, items: list[Item]) -> list[bytes]:
        """Each item's ``<item>`` element as in feed.xml (``feed.render_items``'s bytes)."""
        if self.cache.db is None and not self.held:  # nothing kept, nothing to keep (the feed rules'): the bytes as made
            from .feed import render_items

            return render_items(items)
        return [text.encode("utf-8") for text in self._fragments("rss", items, self._render_rss)]

    def json(self, items: list[Item], show: Show) -> list[str]:
        """Each item's text in feed.json (``jsonfeed.render_items``'s text)."""
        from .jsonfeed import render_items

        return self._fragments("json", items, partial(render_items, show=show))

    def rss_pieces(self, items: list[Item], spans: Mapping[str, object]) -> list[bytes | Piece]:
        """:meth:`rss` as :class:`streams.Piece` s, for a file whose ``spans`` are what ``output.Site.pieces``
        gave (see :meth:`_pieces`)."""
        return [p.encode("utf-8") if isinstance(p, str) else p for p in self._pieces("rss", items, self._render_rss, spans)]

    def json_pieces(self, items: list[Item], spans: Mapping[str, object], show: Show) -> list[str | Piece]:
        """:meth:`json` as :class:`streams.Piece` s, as :meth:`rss_pieces`."""
        from .jsonfeed import render_items

        return self._pieces("json", items, partial(render_items, show=show), spans)

    @staticmethod
    def _render_rss(todo: list[Item]) -> list[str]:
        from .feed import render_items

        return [data.decode("utf-8") for data in render_items(todo)]

    def missing(self, items: list[Item]) -> set[str]:
        """The slugs of ``items`` with a key whose rss or json bytes are not kept under it (one query; none
        without a cache database, which could not keep them)."""
        if self.cache.db is None:
            return set()
        wanted = {self._row(kind, item): self.key(item) for item in items if self.key(item) for kind in ("rss", "json")}
        kept = self.cache.present(TABLE, wanted)
        return {item.episode.slug for item in items if self.key(item)
                and not {self._row("rss", item), self._row("json", item)} <= kept}

    @staticmethod
    def render_one(item: Item, show: Show) -> tuple[str, str]:
        """``item``'s rss and json text as :meth:`rss` and :meth:`json` make them (for a worker process: no cache)."""
        from .feed import render_items as rss_items
        from .jsonfeed import render_items as json_items

        return rss_items([item])[0].decode("utf-8"), json_items([item], show=show)[0]

    def store(self, item: Item, rss: str, json: str) -> None:
        """Keep ``item``'s texts made elsewhere (:meth:`render_one`) under its key, for :meth:`rss` and :meth:`json`."""
        tag = self.key(item)
        if tag and self.cache.db is not None:
            self.cache.put_text(TABLE, self._row("rss", item), tag, rss)
            self.cache.put_text(TABLE, self._row("json", item), tag, json)
            if self.held_size + len(rss) + len(json) <= self.HOLD:  # (the same texts the cache gives back, unread)
                self.held[self._row("rss", item)] = (tag, rss)
                self.held[self._row("json", item)] = (tag, json)
                self.held_size += len(rss) + len(json)

    def keep_only(self, items: list[Item]) -> None:
        """Forget the rows of episodes that are no longer published (call with every item)."""
        live = {self._row(kind, item) for item in items for kind in ("rss", "json")}
        stale = [k for k in self.cache.keys(TABLE) if k not in live]
        if stale:
            self.cache.delete(TABLE, stale)

    def _row(self, kind: str, item: Item) -> str:
        return f"{kind}/{item.episode.slug}"

    def key(self, item: Item) -> str:
        """What the item's bytes are kept under ("" when they are not kept)."""
        key = self.keys.get(item.episode.slug, "")
        return f"{FORMAT}:{key}" if key else ""

    def _pieces(self, kind: str, items: list[Item], render: Callable[[list[Item]], list[str]],
                spans: Mapping[str, object]) -> list[str | Piece]:
        """Each item as a :class:`streams.Piece` keyed by its row and key: without its bytes where ``spans``
        says the file being replaced holds them (they are copied from there, never read here), else with them
        (from the cache or rendered). An item without a key is its text (never kept)."""
        pieces: list[str | Piece | None] = []
        todo = []
        for item in items:
            tag = self.key(item)
            name = f"{self._row(kind, item)}\0{tag}" if tag else ""
            if name and name in spans:
                pieces.append(Piece(name, None, partial(self._one, kind, item, render)))
            else:
                pieces.append(None)
                todo.append(len(pieces) - 1)
        made = self._fragments(kind, [items[i] for i in todo], render)
        for index, text in zip(todo, made, strict=True):
            tag = self.key(items[index])
            pieces[index] = Piece(f"{self._row(kind, items[index])}\0{tag}", text.encode("utf-8")) if tag else text
        return [piece for piece in pieces if piece is not None]

    def _one(self, kind: str, item: Item, render: Callable[[list[Item]], list[str]]) -> bytes:
        return self._fragments(kind, [item], render)[0].encode("utf-8")

    def _fragments(self, kind: str, items: list[Item], render: Callable[[list[Item]], list[str]]) -> list[str]:
        wanted = {self._row(kind, item): self.key(item) for item in items if self.key(item)}
        found = {}
        if self.held:
            for row, tag in list(wanted.items()):
                kept = self.held.get(row)
                if kept is not None and kept[0] == tag:
                    found[row] = kept[1]
                    del wanted[row]
        found.update(self.cache.get_many(TABLE, wanted, text=True))
        out: list[str | None] = [found.get(self._row(kind, item)) for item in items]
        todo = [index for index, value in enumerate(out) if value is None]
        for index, text in zip(todo, render([items[i] for i in todo]), strict=True):
            out[index] = text
            tag = self.key(items[index])
            if tag:
                self.cache.put_text(TABLE, self._row(kind, items[index]), tag, text)
        return [text or "" for text in out]


FRAME_TABLE = "frame"
#: part of every frame's tag, as :data:`FORMAT` for the items: a change to how the channel is made (``feed.render_frame``,
#: ``feed.frame_key``, the extensions' ``extend_rss``) must not reuse older bytes
FRAME_FORMAT = 1
_FRAME_START = "<?xml version='1.0' encoding='UTF-8'?>\n<rss "
_FRAME_END = "  </channel>\n</rss>\n"


class FeedFrames:
    """Each feed document's channel (``feed.render_frame``'s head and tail), kept under ``feed.frame_key``.

    ``name`` heads the rows' keys: the feed rules, which see the trailers before they are tagged (a trailer's length
    in ``podcast:trailer`` is its source's), keep theirs apart from the build's, so neither makes the other's again."""

    def __init__(self, cache: Cache, name: str = "rss"):
        self.cache = cache
        self.name = name

    def frame(self, rel: str, key: str, make: Callable[[], tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
        """The head and tail of the feed document ``rel`` (feed.xml, an archive's file): kept ones while ``key`` is the
        same, else ``make()``'s, then kept ("" key: made every time, kept never). A row that is not two texts as
        ``render_frame`` makes them (an XML declaration and ``<rss``; ``</channel></rss>``) is not trusted."""
        tag, row_key = f"{FRAME_FORMAT}:{key}", f"{self.name}/{rel}"
        if key:
            row = self.cache.get(FRAME_TABLE, row_key, tag)
            if (row.__class__ is list and len(row) == 2 and all(part.__class__ is str for part in row)
                    and row[0].startswith(_FRAME_START) and row[1] == _FRAME_END):
                return row[0].encode("utf-8"), row[1].encode("utf-8")
        head, tail = make()
        if key:
            self.cache.put(FRAME_TABLE, row_key, tag, [head.decode("utf-8"), tail.decode("utf-8")])
        return head, tail

    def keep_only(self, rels: Iterable[str]) -> None:
        """Forget the frames of documents the feeds no longer have (an archive page gone: call with every page)."""
        live = {f"{self.name}/{rel}" for rel in rels}
        stale = [k for k in self.cache.keys(FRAME_TABLE, f"{self.name}/") if k not in live]
        if stale:
            self.cache.delete(FRAME_TABLE, stale)
