"""Incremental builds: which outputs the last build already wrote, so they are neither rendered nor compared.

``rendering.render_site`` groups the :class:`render.Renderer` calls into *units*
(one per episode, one per index page, the extras, the feeds) and asks
:class:`Plan` for each one. A unit has an *input key*: a hash of everything its
bytes can depend on.

* every unit: the mediafeed version, the theme (every template and asset, see
  :func:`site.theme_fingerprint`), ``show.yml`` as parsed, the show artwork's
  identity and the output folder;
* an episode's unit (page, embed page, player fragment, oEmbed JSON, chapters,
  transcripts, media): its folder's key (the SHA-256 of ``episode.md`` and the
  name, size, mtime, ctime and inode of every file beside it) and its audio's identity (and
  that of its tagged copy, whose size is the enclosure length), plus the build
  date when a template mentions ``build_date``;
* an index page: its number, the number of index pages, the keys of the
  episodes it lists and the build date;
* the extras (sitemap, 404, robots.txt) and the feeds: the keys of all
  published episodes, in feed order, and the build date (inside the feeds,
  each episode's item is kept by its own key, see :mod:`feeditems`).

When a unit's key matches the one stored in the cache's ``output`` table for
the same output folder, and every file it made is still there with the size it
was written with, its files are declared unchanged with ``Site.keep`` and the
renderer is not called. Otherwise the unit is rendered as in a clean build and
its files go to the :class:`output.Writer` as they are rendered, which compares bytes. Keys are recorded only after the site has been
written, so an interrupted build never claims an output it did not write.

Anything a renderer method starts to read must be added to its unit's key
here: that is the whole contract that keeps incremental output byte-identical
to a clean build (``tests/test_incremental.py`` checks it change by change).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .cache import Cache
from .output import Site
from .streams import Piece

#: outputs several units may make, named by their content (:mod:`images`' scaled artwork: ``images/<hash>-<size>.jpg``)
SHARED = "images/"

TABLE = "output"


def digest(*parts: object) -> str:
    """SHA-256 over ``parts`` (each turned into text), separated so that ("ab", "c") ≠ ("a", "bc")."""
    # (the bytes of each part then a NUL, hashed in one piece: a rebuild makes three thousand of these)
    text = "\0".join(map(str, parts)) + "\0" if parts else ""
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def theme_mentions(show_root: Path, word: str) -> bool:
    """Whether any template in the search path (the show's, the default theme) contains ``word``."""
    from .site import THEME_DIR_NAME, default_theme, theme_files

    needle = word.encode()
    for folder in (show_root / THEME_DIR_NAME, default_theme()):
        if folder.is_dir():
            for path in theme_files(folder):
                if needle in path.read_bytes():
                    return True
    return False


class _Recording(Site):
    """Passes every planned output on to ``site`` and remembers its path and expected size."""

    def __init__(self, site: Site):
        super().__init__()
        self.site = site
        self.made: list[tuple[str, int]] = []

    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        self.site.add(rel, data, origin)
        self.made.append((rel, len(data)))

    def copy(self, rel: str, source: Path, origin: str = "", link: bool = False) -> None:
        self.site.copy(rel, source, origin, link)
        self.made.append((rel, os.stat(source).st_size))

    def stream(self, rel: str, chunks: Iterable[bytes | Piece], origin: str = "") -> int:
        size = self.site.stream(rel, chunks, origin)
        self.made.append((rel, size))
        return size

    def pieces(self, rel: str) -> dict[str, tuple[int, int]] | None:
        return self.site.pieces(rel)

    def keep(self, rel: str, origin: str = "") -> None:
        self.site.keep(rel, origin)
        self.made.append((rel, -1))

    def placed(self, rel: str, size: int, origin: str = "", mtime: int | None = None) -> None:
        self.site.placed(rel, size, origin, mtime)
        self.made.append((rel, size))

    def has(self, rel: str) -> bool:
        # Renderer methods may look at what is already planned (e.g. one scaled copy of shared artwork).
        return self.site.has(rel)

    def paths(self) -> set[str]:
        return {rel for rel, _ in self.made}


class Plan:
    """Decides, unit by unit, whether to render or keep; remembers what to record after writing."""

    def __init__(self, cache: Cache, out_dir: Path, base: str, trust: bool = True):
        self.cache = cache
        self.trust = trust  #: False: render every unit (but still record the keys for the next build)
        self.out_dir = out_dir
        self.base = base
        self.prefix = f"{out_dir}\0"
        self.pending: dict[str, tuple[str, list[tuple[str, int]]]] = {}
        self.rendered: list[str] = []  #: units rendered this build (for reports and tests)
        self.kept: list[str] = []  #: units kept from the last build
        #: size and mtime (ns) of the kept units' files, as stat'ed here: the build's stamp reuses them (fastpath.prepare)
        self.seen: dict[str, tuple[int, int]] = {}
        #: unit → (key, its tag, files) as fresh() read them
        self.looked: dict[str, tuple[str, str, list[tuple[str, int]] | None]] = {}
        self._tags: dict[str, tuple[str, str]] = {}  #: unit → (key, its tag) as forget_changed made them
        self.root = os.fspath(out_dir)
        self._base = os.path.join(self.root, "")  # a kept unit's files are stat'ed as base + rel (no join per file)
        if trust:
            cache.preload(TABLE, self.prefix)  # one query for the thousand units of a big show

    def forget_changed(self, units: list[tuple[str, str]]) -> None:
        """Before any file is written: forget (and commit) the kept records of the ``(name, key)`` units whose key
        changed, so that a build stopped part-way, even killed, never leaves a record beside files it rewrote."""
        self._tags = {name: (key, digest(self.base, key)) for name, key in units}
        stale = self.cache.stale(TABLE, {self.prefix + name: tag for name, (_, tag) in self._tags.items()})
        if stale:
            self.cache.delete(TABLE, stale)
            self.cache.commit()

    def fresh(self, name: str, key: str) -> bool:
        """True when ``name`` will certainly be rendered: the last build left nothing valid under ``key``
        (what :meth:`unit` looks up first; it may still render a unit this calls stale, if its files changed)."""
        if not self.trust:
            return True
        tag = self._tag(name, key)
        made = _files(self.cache.get(TABLE, self.prefix + name, tag))
        self.looked[name] = (key, tag, made)
        return made is None

    def unit(self, out: Site, name: str, key: str, render: Callable[[Site], None]) -> bool:
        """Render ``name`` into ``out`` unless its files from the last build are still valid. True when rendered."""
        looked = self.looked.pop(name, None)
        if looked is not None and looked[0] == key:  # fresh() read it already
            _, tag, made = looked
        else:
            tag = self._tag(name, key)
            made = _files(self.cache.get(TABLE, self.prefix + name, tag)) if self.trust else None
        if made is not None and self._intact(made):
            for rel, _ in made:
                # a scaled copy of artwork two episodes share (named by the picture's hash: the same bytes) that an
                # episode rendered before this one has made already: two kept claims on it were OUT002, and the build
                # failed where a clean one, which makes it once, did not
                if not (rel.startswith(SHARED) and out.has(rel)):
                    out.keep(rel, name)
            self.kept.append(name)
            return False
        recording = _Recording(out)
        render(recording)
        self.pending[name] = (tag, recording.made)
        self.rendered.append(name)
        return True

    def _tag(self, name: str, key: str) -> str:
        """What a unit's row is tagged with: its key and everything every unit depends on (made once a unit)."""
        known = self._tags.get(name)
        return known[1] if known is not None and known[0] == key else digest(self.base, key)

    def _intact(self, made: list[tuple[str, int]]) -> bool:
        seen = []
        base, stat = self._base, os.stat
        for rel, size in made:
            try:
                st = stat(base + rel)
            except OSError:
                return False
            if size >= 0 and st.st_size != size:
                return False
            seen.append((rel, (st.st_size, st.st_mtime_ns)))
        self.seen.update(seen)  # only a kept unit's: the others' files are about to be written
        return True

    def record(self, units: Iterable[str]) -> None:
        """After a successful write: store the keys of rendered units and forget units that are gone."""
        for name, (tag, made) in self.pending.items():
            self.cache.put(TABLE, self.prefix + name, tag, {"files": made})
        live = {self.prefix + u for u in units}
        stale = [k for k in self.cache.keys(TABLE, self.prefix) if k not in live]
        if stale:
            self.cache.delete(TABLE, stale)


def _files(row: object) -> list[tuple[str, int]] | None:
    """The ``files`` of a cached row, or None when the row is missing or malformed (never trusted blindly)."""
    if type(row) is not dict or type(files := row.get("files")) is not list:
        return None
    out = []
    for entry in files:  # (JSON gives exact types: ``type() is`` is isinstance here, only cheaper)
        if type(entry) is not list or len(entry) != 2:
            return None
        rel, size = entry
        if type(rel) is not str or type(size) is not int:
            return None
        out.append((rel, size))
    return out
