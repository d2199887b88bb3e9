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
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .errors import OutputError, Problem, error

T = TypeVar("T")

#: Written after everything else, in this order.
LAST = ("feed.json", "feed.xml")


@dataclass
class Planned:
    data: bytes | None = None
    source: Path | None = None  #: copy this file (media, artwork) instead of ``data``
    origin: str = ""  #: which input asked for this output (for collision messages)
    link: bool = False  #: hard-link ``source`` where possible (only for files no one writes into in place)


@dataclass
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

    def stream(self, rel: str, chunks: Iterable[bytes], origin: str = "") -> int:
        """A file made of ``chunks`` (a big one, e.g. a feed); returns its size."""
        data = b"".join(chunks)
        self.add(rel, data, origin)
        return len(data)

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

    def __init__(self, out: Path, previous: set[str] | None = None):
        super().__init__()
        self.out = out
        self._base = os.fspath(out)  #: ``out`` as text: each file's path is joined as a str, not a Path (thousands)
        self.previous = previous or set()
        self.report = WriteReport()
        self.origins: dict[str, str] = {}  #: every output of this build → which input asked for it
        #: folders (relative, "" for ``out``) known to exist: True when this build made them, so that nothing
        #: but this build's own files can be in them (a cold build skips looking for old files there)
        self.folders: dict[str, bool] = {}
        self._io(lambda: out.mkdir(parents=True, exist_ok=True))  # -o in a folder not ours: OUT003, not a bare OSError

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
                    os.mkdir(f"{self._base}/{folder}")
                    made = True
                except FileExistsError:
                    if fresh_parent:
                        raise
            self.folders[folder] = made
        return made

    def stream(self, rel: str, chunks: Iterable[bytes], origin: str = "") -> int:
        self._claim(rel, origin)
        changed, size = self._io(lambda: _place_stream(chunks, self.out / rel, durable=rel in LAST))
        self._done(rel, changed)
        return size

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
        """Remove the files the previous build made and this one did not; the report of the whole write."""
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
    return writer.finish()


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
        os.mkdir(f"{out}/{folder}")
    except FileExistsError:
        return None
    except FileNotFoundError:  # its parent is not there yet: made here too (not adopted: the writer looks in it)
        os.makedirs(os.path.dirname(f"{out}/{folder}"), exist_ok=True)
        try:
            os.mkdir(f"{out}/{folder}")
        except FileExistsError:
            return None
    made = [folder]
    try:
        for rel, data in files:
            parent = rel.rpartition("/")[0]
            if parent not in made:
                os.makedirs(f"{out}/{parent}", exist_ok=True)
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


def _place_stream(chunks: Iterable[bytes], target: Path, durable: bool = False) -> tuple[bool, int]:
    """Write ``chunks`` through a temp file, comparing them with the file already there as they go: the
    file is replaced only when its bytes differ. Whether it was replaced, and its size."""
    try:
        old = open(target, "rb")  # noqa: SIM115 - closed below, after the whole stream
    except (FileNotFoundError, NotADirectoryError):
        old = None
        target.parent.mkdir(parents=True, exist_ok=True)
    same, size = old is not None, 0
    fd, tmp = _temp(os.fspath(target))
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
                size += len(chunk)
                if same:
                    same = old is not None and old.read(len(chunk)) == chunk
            same = same and old is not None and old.read(1) == b""
            if not same:
                if durable:
                    handle.flush()
                    os.fsync(handle.fileno())
                if _umask_strips_644():
                    os.fchmod(handle.fileno(), 0o644)
        if same:
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        if old is not None:
            old.close()
    return not same, size


def _shown(filename: object) -> str:
    """The file a failed write was for: the target, not the temp file beside it (``.NAME.PID-N.tmp``)."""
    if not isinstance(filename, str) or not filename:
        return ""
    folder, name = os.path.split(filename)
    if name.startswith(".") and name.endswith(".tmp") and name.count(".") >= 3:
        return os.path.join(folder, name[1:-4].rsplit(".", 1)[0])
    return filename


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
            os.makedirs(folder, exist_ok=True)
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


def _fill(fd: int, data: bytes) -> None:
    """Write all of ``data`` into a new file (opened with mode 0644) and make sure its mode is 0644."""
    written = os.write(fd, data)  # all of it at once, but for a signal or a full disk
    if written < len(data):
        view = memoryview(data)[written:]
        while view:
            view = view[os.write(fd, view):]
    if _umask_strips_644():
        os.fchmod(fd, 0o644)


@functools.cache
def _umask_strips_644() -> bool:
    """Whether the process's umask takes bits from 0644 (then a new file needs an fchmod to be readable by a web
    server). Read from /proc (setting the umask to read it would race with other threads); True when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return bool(int(line.split()[1], 8) & 0o644)
    except (OSError, ValueError):
        pass
    return True


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
            os.makedirs(os.path.dirname(target), exist_ok=True)
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
