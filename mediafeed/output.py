"""The only writer of the site: atomic files, unchanged files left alone, stale files pruned.

Every output goes through a :class:`Site`. ``Site.add`` refuses two outputs for one
path (two episodes mapping to one URL). :class:`Writer`, the Site a build renders
into, writes each file as soon as it is planned (a build never holds the whole site
in memory), through a temporary file in the same folder and ``os.replace``, so a
reader (or an interrupted build) only ever sees the old file or the new one.
``Site.stream`` writes a file from chunks (the feeds, which are the size of the
whole back catalogue), comparing them with the file on disk as they go. A file
whose bytes are already on disk is not rewritten (its mtime stays, so rsync and
CDNs see no change). The build renders in an order that keeps the site whole at
every moment: show artwork and assets, then each episode's media before its pages,
then the index pages, and the feeds (archives, feed.json, feed.xml: ``LAST``)
after everything else, fsynced, so a feed never points at a page or a file that is
not there yet. Files the previous build made and this one did not are removed at
the end (:meth:`Writer.finish`).

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
through a temp name and a rename otherwise. :func:`write_new` creates a file
straight into its name, only for files trusted through a record made after it
returns (the tagged copies).
A producer's own file in ``episodes/`` is always copied, never linked.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import field
from pathlib import Path
from typing import TypeVar

from .errors import OutputError, Problem, error
from .records import mutable

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
        data = b"".join(_resolved(chunks))
        self.add(rel, data, origin)
        return len(data)

    def pieces(self, rel: str) -> dict[str, tuple[int, int]] | None:
        """The pieces (key → offset, length) that the file at ``rel`` holds as the last build wrote it: a
        :class:`Piece` with one of these keys may come without its data. None: this site takes no pieces
        (pass plain bytes); empty: pass every piece with its data (it is recorded for the next build)."""
        return None

    def placed(self, rel: str, size: int, origin: str = "") -> None:
        """Declare an output that a worker process has already written (see :func:`write_fresh`)."""
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
        self._io(lambda: make_folders(os.fspath(out)))  # -o in a folder not ours: OUT003, not a bare OSError

    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        self._claim(rel, origin)
        try:  # (inline, not through _io: this runs for every page of the site)
            changed = _place_bytes(data, f"{self._base}/{rel}", durable=rel in LAST, new=self._new(rel))
        except OSError as exc:
            raise self._failed(exc) from None
        self._done(rel, changed)

    def copy(self, rel: str, source: Path, origin: str = "", link: bool = False) -> None:
        self._claim(rel, origin)
        self._done(rel, self._io(lambda: _place_copy(source, f"{self._base}/{rel}", link=link, new=self._new(rel))))

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
        changed, size, record = self._io(lambda: _place_stream(chunks, self.out / rel, durable=rel in LAST,
                                                               known=self.streams.get(rel)))
        if record is not None:
            self.streamed[rel] = record
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

    def placed(self, rel: str, size: int, origin: str = "") -> None:
        self._claim(rel, origin)
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

    def _io(self, work: Callable[[], T]) -> T:
        try:
            return work()
        except OSError as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> OutputError:
        return OutputError(error("OUT003", _shown(exc.filename) or str(self.out), f"cannot write the site: {exc.strerror}",
                                 hint=f"check free disk space and permissions on the output folder {self.out}"))

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
            _prune_empty(self.out, (self.out / rel).parent)
        return self.report


def is_safe_output(rel: str) -> bool:
    """A relative path below the output folder: no empty, ``.`` or ``..`` part (looked for as ``//``, ``/./``,
    ``/../`` in ``/rel/``: a rebuild asks this for every file of the site, twice)."""
    if not rel or rel[0] == "/" or "\\" in rel or "\x00" in rel:
        return False
    framed = f"/{rel}/"
    return "//" not in framed and "/./" not in framed and "/../" not in framed


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


def write_fresh(out: str, folder: str, files: list[tuple[str, bytes]]) -> list[str] | None:
    """Write ``files`` (relative paths inside ``folder``, itself relative to ``out``) into a folder made here, for
    a worker process that renders pages ahead of the build's writer. None (nothing made) when ``folder`` exists
    already: the writer compares and writes those files itself. Else the folders made, ``folder`` first; each
    file goes through a temp file and a rename (:func:`atomic_write`), as the writer's own."""
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
            atomic_write(f"{out}/{rel}", data, durable=False)
    except BaseException:  # the folder was made here: take it back whole, so the writer finds no half of it
        shutil.rmtree(f"{out}/{folder}", ignore_errors=True)
        raise
    return made


def _place_bytes(data: bytes, target: str, durable: bool = False, new: bool = False) -> bool:
    """Write ``data`` at ``target`` unless the same bytes are there (``new``: nothing can be there yet)."""
    if not new and holds(target, data):
        return False
    atomic_write(target, data, durable=durable)  # its temp file makes a missing folder
    return True


class Piece:
    """A part of a streamed file that may already be in the file it replaces: ``key`` names its bytes (equal
    keys, equal bytes: a feed item's key is its episode's input key). ``data`` is the bytes, or None when the
    caller was told (:meth:`Writer.pieces`) that the file on disk holds them; ``fetch`` makes them then if that
    file turns out to have changed since."""

    __slots__ = ("data", "fetch", "key")

    def __init__(self, key: str, data: bytes | None, fetch: Callable[[], bytes] | None = None):
        self.key = key
        self.data = data
        self.fetch = fetch

    def bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.fetch is not None, self.key
        return self.fetch()


#: A streamed file's record: its identity (inode, size, mtime and ctime in ns) once written, and where each of
#: its pieces is in it: key → (offset, length). See :meth:`Writer.pieces`.
StreamRecord = tuple[tuple[int, int, int, int], dict[str, tuple[int, int]]]


def identity(st: os.stat_result) -> tuple[int, int, int, int]:
    """What tells that a file is still the one written: no tool rewrites a file keeping its ctime."""
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _resolved(chunks: Iterable[bytes | Piece]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk if type(chunk) is bytes else chunk.bytes()  # type: ignore[union-attr]


#: a streamed file's bytes are written in writes of about this size
_WRITE = 1 << 20
#: bytes between two pieces copied from the old file (a separator) that are there too join the copy
_JOIN = 64


def _place_stream(chunks: Iterable[bytes | Piece], target: Path, durable: bool = False,
                  known: StreamRecord | None = None) -> tuple[bool, int, StreamRecord | None]:
    """Write ``chunks`` through a temp file, comparing them with the file already there as they go: the
    file is replaced only when its bytes differ. Whether it was replaced, its size, and its record when the
    chunks had pieces (else None).

    A :class:`Piece` without data is copied from the file being replaced, from where ``known`` (the record of
    that file as the last build wrote it) puts its key, in the kernel (``copy_file_range``): a feed whose one
    item changed is written without reading its thousand others into Python. That is trusted only while the
    file is the one recorded (:func:`identity`); else each such piece's ``fetch`` makes its bytes.
    """
    try:
        old = os.open(target, os.O_RDONLY | os.O_CLOEXEC)
    except (FileNotFoundError, NotADirectoryError):
        old = -1
        make_folders(os.fspath(target.parent))
    spans = known[1] if known is not None and old >= 0 and identity(os.fstat(old)) == known[0] else {}
    same, size = old >= 0, 0
    pieces: dict[str, tuple[int, int]] | None = None
    pending: list[bytes] = []  # bytes not written yet (written about _WRITE at a time)
    waiting = 0
    # the run of pieces (and separators) to copy next from the old file: they follow on there from copy_from
    run: list[bytes | Piece] = []
    copy_from, copying = 0, 0

    def copy_run() -> None:
        nonlocal same
        if not _copy_span(old, fd, copy_from, copying):  # the old file changed after all: make the run's bytes
            os.ftruncate(fd, os.lseek(fd, size - copying, os.SEEK_SET))
            _fill(fd, b"".join(part if type(part) is bytes else part.bytes() for part in run), mode=False)  # type: ignore[union-attr]
            same = False
        run.clear()

    fd, tmp = _temp(os.fspath(target))
    try:
        try:
            for chunk in chunks:
                if type(chunk) is bytes:
                    data = chunk
                    if copying and len(data) <= _JOIN and _pread(old, len(data), copy_from + copying) == data:
                        same = same and copy_from == size - copying  # (a separator between two copied pieces)
                        run.append(data)
                        copying += len(data)
                        size += len(data)
                        continue
                else:
                    if pieces is None:
                        pieces = {}
                    span = spans.get(chunk.key) if chunk.data is None else None  # type: ignore[union-attr]
                    if span is not None:
                        if copying and span[0] != copy_from + copying:
                            copy_run()
                            copying = 0
                        if not copying:
                            if pending:
                                _fill(fd, b"".join(pending), mode=False)
                                pending, waiting = [], 0
                            copy_from = span[0]
                        pieces[chunk.key] = (size, span[1])  # type: ignore[union-attr]
                        same = same and span[0] == size  # the same bytes at the same place
                        run.append(chunk)  # type: ignore[arg-type]
                        copying += span[1]
                        size += span[1]
                        continue
                    data = chunk.bytes()  # type: ignore[union-attr]
                    pieces[chunk.key] = (size, len(data))  # type: ignore[union-attr]
                if copying:
                    copy_run()
                    copying = 0
                if same:
                    same = _pread(old, len(data), size) == data
                pending.append(data)
                waiting += len(data)
                size += len(data)
                if waiting >= _WRITE:
                    _fill(fd, b"".join(pending), mode=False)
                    pending, waiting = [], 0
            if copying:
                copy_run()
            if pending:
                _fill(fd, b"".join(pending), mode=False)
            same = same and os.fstat(old).st_size == size
            if not same:
                if durable:
                    os.fsync(fd)
                if _umask_strips_644():
                    os.fchmod(fd, 0o644)
        finally:
            os.close(fd)
        if same:
            os.unlink(tmp)
            record_of = os.fstat(old)
        else:
            os.replace(tmp, target)
            record_of = os.stat(target)  # (a rename changes the ctime)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        if old >= 0:
            if same:
                os.close(old)
            else:
                _close_later(old)
    return not same, size, (identity(record_of), pieces) if pieces is not None else None


#: descriptors being closed in the background (see _close_later), waited for by :func:`settle`
_closing: list[threading.Thread] = []


def _close_later(fd: int) -> None:
    """Close ``fd`` in a thread: it is the last hold on a replaced feed, so closing it frees the file's blocks
    (tens of milliseconds for a feed of 10 MB where the file system discards them), which need not wait."""
    thread = threading.Thread(target=os.close, args=(fd,), name="mediafeed-close", daemon=True)
    thread.start()
    _closing.append(thread)


def settle() -> None:
    """Wait for the background closes (:func:`_close_later`)."""
    while _closing:
        _closing.pop().join()


def _pread(fd: int, size: int, offset: int) -> bytes:
    """``os.pread`` where there is one (POSIX), else a seek and a read (the descriptor is this module's own)."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)


def _copy_span(src: int, dst: int, offset: int, length: int) -> bool:
    """Append ``length`` bytes of ``src`` from ``offset`` to ``dst`` (at its position); False when ``src`` has
    fewer (it changed: the caller makes those bytes itself)."""
    while length:
        try:
            copied = os.copy_file_range(src, dst, min(length, 1 << 30), offset)
        except (AttributeError, OSError):  # not Linux, or a file system that cannot: through Python
            copied = -1
        if copied < 0:
            data = _pread(src, min(length, _WRITE), offset)
            if not data:
                return False
            _fill(dst, data, mode=False)
            copied = len(data)
        elif copied == 0:
            return False
        offset += copied
        length -= copied
    return True


def _shown(filename: object) -> str:
    """The file a failed write was for: the target, not the temp file beside it (``.NAME.PID-N.tmp``)."""
    if not isinstance(filename, str) or not filename:
        return ""
    folder, name = os.path.split(filename)
    if name.startswith(".") and name.endswith(".tmp") and name.count(".") >= 3:
        return os.path.join(folder, name[1:-4].rsplit(".", 1)[0])
    return filename


#: the name of a temp file the writer makes beside its target (:func:`_temp`, :func:`atomic_link`): ``.NAME.PID-N.tmp``
TEMP_NAME = re.compile(r"\.(?P<name>.+)\.(?P<pid>[0-9]{1,10})-(?P<attempt>[0-9]{1,2})\.tmp")


def _temp(target: str) -> tuple[int, str]:
    """A new temp file beside ``target`` (its folder made when missing); cheaper than ``tempfile.mkstemp``.
    ``target`` as text ("folder/name"), not a Path: a build makes thousands."""
    folder, name = _split(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    for attempt in range(100):
        tmp = f"{folder}/.{name}.{os.getpid()}-{attempt}.tmp"
        try:
            return os.open(tmp, flags, 0o644), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            make_folders(folder)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    return fd, tmp


def _split(target: str) -> tuple[str, str]:
    """(folder, name) of a path as text: ``os.path.split`` for the paths the writer makes ("." for a bare name)."""
    folder, slash, name = target.rpartition("/")
    return (folder or ("/" if slash else ".")), name


def atomic_write(target: Path | str, data: bytes, durable: bool = True) -> None:
    """Write through a temp file in the same folder, then rename over ``target``.

    On the bare descriptor: a Python file object would add an fstat, an ioctl and an lseek per file (a cold
    build writes thousands); the mode is set only when the umask would not give 0644 anyway.
    """
    target = os.fspath(target)
    fd, tmp = _temp(target)
    try:
        try:
            _fill(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_new(target: Path | str, data: bytes) -> bool:
    """Create ``target`` holding ``data`` if no file has that name, straight into its name (no temp file, no
    rename); False, with nothing done, when the name is taken.

    Only for a file its caller trusts through a record made after this returns (the build's tagged copies,
    see docs/audio.md): a crash can leave it cut short under its final name, and ``O_EXCL`` makes sure the
    inode is new, so no other name (a hard link in the site) ever sees it half written.
    """
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    except FileExistsError:
        return False
    try:
        try:
            _fill(fd, data)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    return True


def claim_new(target: Path | str) -> bool:
    """Create ``target`` empty (mode 0644) if no file has that name, for a caller that fills it in place and trusts
    it only through a record made afterwards (see :func:`write_new`); False, with nothing done, when taken."""
    return write_new(target, b"")


def holds(path: Path | str, data: bytes) -> bool:
    """Whether the file at ``path`` has exactly the bytes ``data`` (False when there is none)."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size != len(data):
                return False
            return handle.read(len(data) + 1) == data
    except OSError:
        return False


def same_bytes(path: Path | str, other: Path | str) -> bool:
    """Whether two files have the same bytes (False when either is missing); read a MiB at a time."""
    try:
        with open(path, "rb") as one, open(other, "rb") as two:
            if os.fstat(one.fileno()).st_size != os.fstat(two.fileno()).st_size:
                return False
            while True:
                chunk = one.read(1 << 20)
                if chunk != two.read(1 << 20):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False


def _fill(fd: int, data: bytes, mode: bool = True) -> None:
    """Write all of ``data`` into a new file (opened with mode 0644) and (``mode``) make sure its mode is 0644."""
    written = os.write(fd, data)  # all of it at once, but for a signal or a full disk
    if written < len(data):
        view = memoryview(data)[written:]
        while view:
            view = view[os.write(fd, view):]
    if mode and _umask_strips_644():
        os.fchmod(fd, 0o644)


@functools.cache
def _umask() -> int | None:
    """The process's umask, read from /proc (setting the umask to read it would race with other threads); None when
    unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return None


@functools.cache
def _umask_strips_644() -> bool:
    """Whether the umask takes bits from 0644 (then a new file needs an fchmod to be readable by a web server);
    True when unknown."""
    mask = _umask()
    return mask is None or bool(mask & 0o644)


def make_folder(path: str) -> None:
    """``os.mkdir`` with mode 0755 whatever the umask: a web server runs as another user, and a build from cron or a
    service with umask 077 made folders it could not enter (403 for every file below them, each 0644). The chmod
    is made only when the umask would not give 0755 anyway. Raises as ``os.mkdir`` does."""
    os.mkdir(path, 0o755)
    mask = _umask()
    if mask is None or mask & 0o755:
        os.chmod(path, 0o755)


def make_folders(path: str) -> None:
    """``os.makedirs(path, exist_ok=True)``, each folder it makes 0755 (:func:`make_folder`)."""
    if os.path.isdir(path):
        return
    parent = os.path.dirname(path)
    if parent and parent != path and not os.path.lexists(parent):  # (a file there: mkdir below names ``path``)
        make_folders(parent)
    try:
        make_folder(path)
    except FileExistsError:
        if not os.path.isdir(path):
            raise


def _place_copy(source: Path, target: str, link: bool = False, new: bool = False) -> bool:
    """Copy (or link) a media file unless an identical one (same size and mtime, or the same file) is there
    (``new``: nothing can be there yet)."""
    if not new:
        src = os.stat(source)
        try:
            dst = os.stat(target)
            if dst.st_size == src.st_size and (dst.st_mtime_ns == src.st_mtime_ns or dst.st_ino == src.st_ino):
                return False
        except FileNotFoundError:
            make_folders(os.path.dirname(target))
    if not (link and atomic_link(source, target)):
        atomic_copy(source, target)
    return True


def atomic_link(source: Path | str, target: Path | str) -> bool:
    """Put a hard link to ``source`` at ``target`` (a temp name, then a rename); False when the file system
    cannot (another device, no hard links, no permission): the caller copies instead."""
    try:
        os.link(source, target)  # a link appears whole: where the name is free, no temp name is needed
        return True
    except FileExistsError:
        pass  # replace the file there through a temp name
    except OSError:
        return False
    folder, name = _split(os.fspath(target))
    for attempt in range(100):
        tmp = f"{folder}/.{name}.{os.getpid()}-{attempt}.tmp"
        try:
            os.link(source, tmp)
            break
        except FileExistsError:
            continue
        except OSError:
            return False
    else:
        return False
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def atomic_copy(source: Path | str, target: Path | str, durable: bool = False) -> None:
    """Copy through a temp file (keeping the source's mtime), then rename over ``target``.

    Not fsynced by default, like pages (an fsync per file costs about 1 ms; a build
    copies thousands): a crash leaves each file whole, old or new, never half
    written; only the feeds, written last, are fsynced.
    """
    fd, tmp = _temp(os.fspath(target))
    os.close(fd)
    try:
        shutil.copy2(source, tmp)
        if durable:
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _prune_empty(out: Path, folder: Path) -> None:
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent



def refuse_unsafe_output(root: Path, out: Path) -> None:
    """The output folder must not be the show folder, contain it, or sit inside its sources."""
    root, out = root.resolve(), out.resolve()
    if out == root or out in root.parents or root / "episodes" in (out, *out.parents) \
            or root / "templates" in (out, *out.parents):
        raise OutputError(error("OUT004", str(out), "the output folder would overwrite the show's own files",
                                hint="write the site to a folder of its own, e.g. --output public"))


#: the files at the top of every site mediafeed builds (the episodes' folders are looked at one by one)
SITE_FILES = ("index.html", "404.html", "feed.xml", "feed.json", "robots.txt", "sitemap.xml")


def is_our_site(folder: Path) -> bool:
    """Whether ``folder`` holds a site mediafeed built: its feed.xml says ``<generator>mediafeed`` (in the channel,
    before the first item). How a build, and a publish to a folder, know a site of ours whose record was lost."""
    try:
        with open(folder / "feed.xml", "rb") as handle:
            return b"<generator>mediafeed" in handle.read(65536)
    except OSError:
        return False


def refuse_foreign_files(out: Path, slugs: Collection[str]) -> None:
    """OUT006 when a first build into ``out`` (no manifest of ours) would overwrite files mediafeed did not write:
    an ``index.html`` of another site in the folder given to ``--output``, say. A site of ours whose record was
    lost (``.mediafeed/`` deleted: its feed.xml says ``<generator>mediafeed``) is rebuilt; files the site does not
    make (``.git``, ``CNAME``, a README of a GitHub Pages folder) are left alone, as every build leaves them."""
    if not out.is_dir() or is_our_site(out):  # a new folder (the usual first build): nothing to look at
        return
    clash = [name for name in SITE_FILES if os.path.isfile(out / name)]
    if os.path.isdir(out / "episodes"):
        clash += [f"episodes/{slug}/index.html" for slug in sorted(slugs)
                  if os.path.exists(out / "episodes" / slug / "index.html")]
    if clash:
        shown = ", ".join(clash[:5]) + (f" and {len(clash) - 5} more" if len(clash) > 5 else "")
        raise OutputError(error("OUT006", str(out), f"the output folder holds files mediafeed did not write, which this "
                                f"build would overwrite: {shown}",
                                hint="build into an empty folder (--output), or move those files away first; "
                                     "nothing was written"))


def _manifest_path(cache_dir: Path, out: Path) -> Path:
    return cache_dir / f"outputs-{hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]}.txt"


def read_manifest(cache_dir: Path, out: Path) -> set[str]:
    """The files the previous build wrote into ``out`` (to remove those no longer made)."""
    try:
        text = _manifest_path(cache_dir, out).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in text.splitlines() if is_safe_output(line)}


def write_manifest(cache_dir: Path, out: Path, paths: Collection[str]) -> None:
    atomic_write(_manifest_path(cache_dir, out), ("\n".join(sorted(paths)) + "\n").encode("utf-8"), durable=False)
