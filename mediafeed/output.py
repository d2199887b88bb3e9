"""The only writer of the site: atomic files, unchanged files left alone, stale files pruned.

Every output goes through a :class:`Site`. ``Site.add`` refuses two outputs for one
path (two episodes mapping to one URL). :class:`Writer`, the Site a build renders
into, writes each file as soon as it is planned (a build never holds the whole site
in memory), through a temporary file in the same folder and ``os.replace``
(:mod:`atomicfiles`), so a reader (or an interrupted build) only ever sees the old
file or the new one. ``Site.stream`` writes a file from chunks (the feeds, which are
the size of the whole back catalogue), comparing them with the file on disk as they
go (:mod:`streams`). A file whose bytes are already on disk is not rewritten (its
mtime stays, so rsync and CDNs see no change). The build renders in an order that
keeps the site whole at every moment: show artwork and assets, then each episode's
media before its pages, then the index pages, and the feeds (archives, feed.json,
feed.xml: ``LAST``) after everything else, fsynced, so a feed never points at a page
or a file that is not there yet. Files the previous build made and this one did not
are removed at the end (:meth:`Writer.finish`; the list of what it made is
:func:`outputfolder.read_manifest`).

In a first build into a folder with no site of ours, worker processes write the
pages of the episode folders they make themselves (:func:`write_fresh`, the same
temp file and rename) and the writer only records them (:meth:`Writer.placed`).

A plain :class:`Site` keeps the planned bytes in memory instead (the feed rules
render the feed this way, and tests compare plans).

Media from mediafeed's own store (the tagged copies in ``.mediafeed/tagged/``) is
hard-linked instead of copied where the file system allows (else copied), so it is
not stored twice. That is safe because nothing writes into either name in place:
this writer and the tagger always put a new file (a new inode) in place, and the
tagger trusts a stored copy only while its size and mtime are as it left them.
A link is made straight into its name when the name is free (a link appears whole),
through a temp name and a rename otherwise (:func:`atomicfiles.atomic_link`).
:func:`atomicfiles.write_new` creates a file straight into its name, only for files
trusted through a record made after it returns (the tagged copies).
A producer's own file in ``episodes/`` is always copied, never linked.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import field
from pathlib import Path
from typing import TypeVar

from .atomicfiles import atomic_copy, atomic_link, atomic_write, holds, make_folder, make_folders, prune_empty, target_of
from .errors import OutputError, Problem, error
from .outputfolder import cannot_write, is_safe_output
from .records import mutable
from .streams import Piece, StreamRecord, identity, place_stream, resolved, settle

T = TypeVar("T")

#: Written after everything else, in this order.
LAST = ("feed.json", "feed.xml")


@mutable
class Planned:
    data: bytes | None = None
    source: Path | None = None  #: copy this file (media, artwork) instead of ``data``
    origin: str = ""  #: which input asked for this output (for collision messages)
    link: bool = False  #: hard-link ``source`` where possible (only for files no one writes into in place)


@mutable
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


class Site:
    """Planned outputs, kept in memory: relative path → bytes or a file to copy."""

    def __init__(self) -> None:
        self.files: dict[str, Planned] = {}
        self.kept: set[str] = set()  #: outputs known unchanged without rendering them (incremental builds)

    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        self._plan(rel, Planned(data=data, origin=origin))

    def copy(self, rel: str, source: Path, origin: str = "", link: bool = False) -> None:
        """Publish the file ``source``; ``link``: as a hard link where possible (mediafeed's own stored copies only)."""
        self._plan(rel, Planned(source=source, origin=origin, link=link))

    def stream(self, rel: str, chunks: Iterable[bytes | Piece], origin: str = "") -> int:
        """A file made of ``chunks`` (a big one, e.g. a feed); returns its size."""
        data = b"".join(resolved(chunks))
        self.add(rel, data, origin)
        return len(data)

    def pieces(self, rel: str) -> dict[str, tuple[int, int]] | None:
        """The pieces (key → offset, length) that the file at ``rel`` holds as the last build wrote it: a
        :class:`Piece` with one of these keys may come without its data. None: this site takes no pieces
        (pass plain bytes); empty: pass every piece with its data (it is recorded for the next build)."""
        return None

    def placed(self, rel: str, size: int, origin: str = "", mtime: int | None = None) -> None:
        """Declare an output that a worker process has already written (see :func:`write_fresh`), with its mtime
        when known."""
        raise TypeError(f"{rel}: only a Writer takes files written by another process")

    def keep(self, rel: str, origin: str = "") -> None:
        """Declare an output that is already correct on disk (not re-rendered)."""
        self._check(rel, origin)
        self.kept.add(rel)

    def has(self, rel: str) -> bool:
        """Whether an output for ``rel`` is already planned (or kept)."""
        return rel in self.files or rel in self.kept

    def _plan(self, rel: str, planned: Planned) -> None:
        self._check(rel, planned.origin)
        self.files[rel] = planned

    def _check(self, rel: str, origin: str) -> None:
        if not is_safe_output(rel):
            raise OutputError(error("OUT001", origin or rel, f"refusing to write outside the site: {rel!r}"))
        if self.has(rel):
            first = self.files[rel].origin if rel in self.files else "an earlier output"
            raise OutputError(_collision(rel, origin, first))

    def paths(self) -> set[str]:
        return set(self.files) | self.kept


def _collision(rel: str, origin: str, first: str) -> Problem:
    return error("OUT002", origin or rel, f"two outputs for one path: {rel} (also from {first})",
                 hint="give the two episodes different folder names (slugs) or file names")


class Writer(Site):
    """A :class:`Site` that writes each file into ``out`` as soon as it is planned, keeping only its path.

    Call :meth:`finish` after the last file: it removes what ``previous`` (the files the last build
    made) lists and this build did not make, and returns the :class:`WriteReport`.
    """

    def __init__(self, out: Path, previous: set[str] | None = None, streams: dict[str, StreamRecord] | None = None):
        super().__init__()
        self.out = out
        #: the last build's record of each file it streamed (see :meth:`pieces`), and this build's
        self.streams = streams or {}
        self.streamed: dict[str, StreamRecord] = {}
        self._base = os.fspath(out)  #: ``out`` as text: each file's path is joined as a str, not a Path (thousands)
        self.previous = previous or set()
        self.report = WriteReport()
        self.origins: dict[str, str] = {}  #: every output of this build → which input asked for it
        #: folders (relative, "" for ``out``) known to exist: True when this build made them, so that nothing
        #: but this build's own files can be in them (a cold build skips looking for old files there)
        self.folders: dict[str, bool] = {}
        #: (size, mtime) of the files this build wrote, as written: the stamp lists them without a stat each
        self.written_as: dict[str, tuple[int, int]] = {}
        self._io(lambda: make_folders(os.fspath(out)), "")  # -o in a folder not ours: OUT003, not a bare OSError

    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        self._claim(rel, origin)
        try:  # (inline, not through _io: this runs for every page of the site)
            mtime = _place_bytes(data, f"{self._base}/{rel}", durable=rel in LAST, new=self._new(rel))
        except OSError as exc:
            raise self._failed(exc, rel) from None
        if mtime is not None:
            self.written_as[rel] = (len(data), mtime)
        self._done(rel, mtime is not None)

    def copy(self, rel: str, source: Path, origin: str = "", link: bool = False) -> None:
        self._claim(rel, origin)
        self._done(rel, self._io(lambda: _place_copy(source, f"{self._base}/{rel}", link=link, new=self._new(rel)), rel))

    def _new(self, rel: str) -> bool:
        """Make ``rel``'s folder if it is missing; True when this build made it (so ``rel`` cannot exist yet)."""
        return self._folder(rel.rpartition("/")[0])

    def _folder(self, folder: str) -> bool:
        made = self.folders.get(folder)
        if made is None:
            made = False
            if folder:  # "" is ``out`` itself: it may hold the last build's files
                fresh_parent = self._folder(folder.rpartition("/")[0])
                try:
                    make_folder(f"{self._base}/{folder}")
                    made = True
                except FileExistsError:
                    if fresh_parent:
                        raise
            self.folders[folder] = made
        return made

    def stream(self, rel: str, chunks: Iterable[bytes | Piece], origin: str = "") -> int:
        self._claim(rel, origin)
        changed, size, record = self._io(lambda: place_stream(chunks, self.out / rel, durable=rel in LAST,
                                                               known=self.streams.get(rel)), rel)
        if record is not None:
            self.streamed[rel] = record
            if changed:
                self.written_as[rel] = (record[0][1], record[0][2])  # (streams.identity: ino, size, mtime, ctime)
        self._done(rel, changed)
        return size

    def pieces(self, rel: str) -> dict[str, tuple[int, int]]:
        known = self.streams.get(rel)
        if known is None:
            return {}
        try:
            st = os.stat(f"{self._base}/{rel}")
        except OSError:
            return {}
        return known[1] if identity(st) == known[0] else {}

    def stream_records(self) -> dict[str, StreamRecord]:
        """After :meth:`finish`: the record of every streamed file of the site as it now is (this build's, or
        the last build's for a file it kept), for the next build's :meth:`pieces`."""
        records = {rel: record for rel, record in self.streams.items() if rel in self.origins}
        records.update(self.streamed)
        return records

    def keep(self, rel: str, origin: str = "") -> None:
        self._claim(rel, origin)
        self.report.unchanged += 1

    def placed(self, rel: str, size: int, origin: str = "", mtime: int | None = None) -> None:
        self._claim(rel, origin)
        if mtime is not None:
            self.written_as[rel] = (size, mtime)
        self._done(rel, True)

    def adopt(self, folders: Iterable[str]) -> None:
        """Folders (relative) that a worker process made for this build (:func:`write_fresh`): nothing else is in them."""
        for folder in folders:
            self.folders[folder] = True

    @property
    def fresh(self) -> bool:
        """Whether the folder held no site of ours when this build began (no manifest): workers may then write
        new episode folders themselves (:func:`write_fresh`)."""
        return not self.previous

    def has(self, rel: str) -> bool:
        return rel in self.origins

    def paths(self) -> set[str]:
        return set(self.origins)

    def _claim(self, rel: str, origin: str) -> None:
        if not is_safe_output(rel):
            raise OutputError(error("OUT001", origin or rel, f"refusing to write outside the site: {rel!r}"))
        if rel in self.origins:
            raise OutputError(_collision(rel, origin, self.origins[rel] or "an earlier output"))
        self.origins[rel] = origin

    def _done(self, rel: str, changed: bool) -> None:
        if changed:
            self.report.written.append(rel)
        else:
            self.report.unchanged += 1

    def _io(self, work: Callable[[], T], rel: str) -> T:
        try:
            return work()
        except OSError as exc:
            raise self._failed(exc, rel) from None

    def _failed(self, exc: OSError, rel: str) -> OutputError:
        """OUT003 naming the file ``rel`` of the site (not its temp file, nor only the output folder), or the file
        outside the site the error is about (a source that could not be read for its copy)."""
        named = target_of(exc.filename)
        if not named or named.startswith(os.path.join(self._base, "")) or named == self._base:
            named = f"{self._base}/{rel}" if rel else self._base
        return cannot_write(exc, named, self.out)

    def finish(self) -> WriteReport:
        """Remove the files the previous build made and this one did not; the report of the whole write.
        (A feed this build replaced may still be being freed in the background: :func:`settle` waits.)"""
        for rel in sorted(self.previous - self.origins.keys()):
            if not is_safe_output(rel):
                continue
            try:
                (self.out / rel).unlink()
                self.report.removed.append(rel)
            except FileNotFoundError:
                continue
            prune_empty(self.out, (self.out / rel).parent)
        return self.report


def write(site: Site, out: Path, previous: set[str] | None = None) -> WriteReport:
    """Write a planned ``site`` into ``out`` (media first, the feeds last); remove files that ``previous``
    listed and this site does not have."""
    writer = Writer(out, previous)
    last = [rel for rel in LAST if rel in site.files]
    for rel in [rel for rel in sorted(site.files, key=_media_first) if rel not in last] + last:
        planned = site.files[rel]
        if planned.source is not None:
            writer.copy(rel, planned.source, planned.origin, planned.link)
        else:
            assert planned.data is not None
            writer.add(rel, planned.data, planned.origin)
    for rel in sorted(site.kept):
        writer.keep(rel)
    try:
        return writer.finish()
    finally:
        settle()


def _media_first(rel: str) -> tuple[int, str]:
    """Media and artwork first, then side files, then pages; feeds come after all (see ``LAST``)."""
    ext = os.path.splitext(rel)[1].lower()
    if ext in {".mp3", ".m4a", ".m4b", ".mp4", ".m4v", ".mov", ".ogg", ".opus", ".oga", ".flac", ".wav", ".aac"}:
        return (0, rel)
    if ext in {".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg"}:
        return (1, rel)
    if ext in {".html", ".htm"}:
        return (3, rel)
    return (2, rel)


def write_fresh(out: str, folder: str, files: list[tuple[str, bytes]], mtimes: list[int] | None = None,
                ) -> list[str] | None:
    """Write ``files`` (relative paths inside ``folder``, itself relative to ``out``) into a folder made here, for
    a worker process that renders pages ahead of the build's writer. None (nothing made) when ``folder`` exists
    already: the writer compares and writes those files itself. Else the folders made, ``folder`` first; each
    file goes through a temp file and a rename (:func:`atomic_write`), as the writer's own, and its mtime as written
    is appended to ``mtimes`` (when given)."""
    try:
        make_folder(f"{out}/{folder}")
    except FileExistsError:
        return None
    except FileNotFoundError:  # its parent is not there yet: made here too (not adopted: the writer looks in it)
        make_folders(os.path.dirname(f"{out}/{folder}"))
        try:
            make_folder(f"{out}/{folder}")
        except FileExistsError:
            return None
    made = [folder]
    try:
        for rel, data in files:
            parent = rel.rpartition("/")[0]
            if parent not in made:
                make_folders(f"{out}/{parent}")
                made.append(parent)
            mtime = atomic_write(f"{out}/{rel}", data, durable=False)
            if mtimes is not None:
                mtimes.append(mtime)
    except BaseException:  # the folder was made here: take it back whole, so the writer finds no half of it
        shutil.rmtree(f"{out}/{folder}", ignore_errors=True)
        raise
    return made


def _place_bytes(data: bytes, target: str, durable: bool = False, new: bool = False) -> int | None:
    """Write ``data`` at ``target`` unless the same bytes are there (``new``: nothing can be there yet): the new
    file's mtime, None when it was left alone."""
    if not new and holds(target, data):
        return None
    return atomic_write(target, data, durable=durable)  # its temp file makes a missing folder


def _place_copy(source: Path, target: str, link: bool = False, new: bool = False) -> bool:
    """Copy (or link) a media file unless an identical one (the same file, or same size and mtime and a source not
    written since the copy was made: its ctime no later than the copy's) is there (``new``: nothing can be there yet).
    A master written over in place at its size with its mtime restored (``cp -p``, ``rsync --inplace -t``) kept size
    and mtime: its old bytes stayed published under ``tag_on_build: false``."""
    if not new:
        src = os.stat(source)
        try:
            dst = os.stat(target)
            if dst.st_size == src.st_size and (dst.st_ino == src.st_ino or (dst.st_mtime_ns == src.st_mtime_ns
                                                                            and src.st_ctime_ns <= dst.st_ctime_ns)):
                return False
        except FileNotFoundError:
            make_folders(os.path.dirname(target))
    if not (link and atomic_link(source, target)):
        atomic_copy(source, target)
    return True
