"""The only writer of the site: atomic files, unchanged files left alone, stale files pruned.

Every output goes through :class:`Site`: a planned map of relative path → bytes
(or a media file to copy). ``Site.add`` refuses two outputs for one path (two
episodes mapping to one URL). ``write`` then puts each file in place through a
temporary file in the same folder and ``os.replace``, so a reader (or an
interrupted build) only ever sees the old file or the new one; the feeds are
written last and fsynced, so a feed never points at a page or a file that is
not there yet. A file whose bytes are already on disk is not rewritten (its
mtime stays, so rsync and CDNs see no change).

Media from mediafeed's own store (the tagged copies in ``.mediafeed/tagged/``) is
hard-linked instead of copied where the file system allows (else copied), so it is
not stored twice. That is safe because nothing writes into either name in place:
this writer and the tagger always put a new file (a new inode) in place, and the
tagger trusts a stored copy only while its size and mtime are as it left them.
A producer's own file in ``episodes/`` is always copied, never linked.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError, error

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
    def __init__(self) -> None:
        self.files: dict[str, Planned] = {}
        self.kept: set[str] = set()  #: outputs known unchanged without rendering them (incremental builds)

    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        self._plan(rel, Planned(data=data, origin=origin))

    def copy(self, rel: str, source: Path, origin: str = "", link: bool = False) -> None:
        """Publish the file ``source``; ``link``: as a hard link where possible (mediafeed's own stored copies only)."""
        self._plan(rel, Planned(source=source, origin=origin, link=link))

    def keep(self, rel: str, origin: str = "") -> None:
        """Declare an output that is already correct on disk (not re-rendered)."""
        self._check(rel, origin)
        self.kept.add(rel)

    def _plan(self, rel: str, planned: Planned) -> None:
        self._check(rel, planned.origin)
        self.files[rel] = planned

    def _check(self, rel: str, origin: str) -> None:
        if not is_safe_output(rel):
            raise OutputError(error("OUT001", origin or rel, f"refusing to write outside the site: {rel!r}"))
        if rel in self.files or rel in self.kept:
            first = self.files[rel].origin if rel in self.files else "an earlier output"
            raise OutputError(error("OUT002", origin or rel, f"two outputs for one path: {rel} (also from {first})",
                                    hint="give the two episodes different folder names (slugs) or file names"))

    def paths(self) -> set[str]:
        return set(self.files) | self.kept


def is_safe_output(rel: str) -> bool:
    if not rel or rel.startswith("/") or "\\" in rel or "\x00" in rel:
        return False
    return all(part not in ("", ".", "..") for part in rel.split("/"))


def write(site: Site, out: Path, previous: set[str] | None = None) -> WriteReport:
    """Write ``site`` into ``out``; remove files that ``previous`` listed and this build no longer makes."""
    report = WriteReport()
    out.mkdir(parents=True, exist_ok=True)
    last = [rel for rel in LAST if rel in site.files]
    ordered = [rel for rel in sorted(site.files, key=_media_first) if rel not in last] + last
    try:
        for rel in ordered:
            planned = site.files[rel]
            target = out / rel
            if planned.source is not None:
                changed = _place_copy(planned.source, target, link=planned.link)
            else:
                assert planned.data is not None
                changed = _place_bytes(planned.data, target, durable=rel in LAST)
            if changed:
                report.written.append(rel)
            else:
                report.unchanged += 1
    except OSError as exc:
        raise OutputError(error("OUT003", str(exc.filename or out), f"cannot write the site: {exc.strerror}",
                                hint="check free disk space and permissions on the output folder")) from None
    report.unchanged += len(site.kept)
    if previous:
        keep = site.paths()
        for rel in sorted(previous - keep):
            if not is_safe_output(rel):
                continue
            try:
                (out / rel).unlink()
                report.removed.append(rel)
            except FileNotFoundError:
                continue
            _prune_empty(out, (out / rel).parent)
    return report


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


def _place_bytes(data: bytes, target: Path, durable: bool = False) -> bool:
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except (FileNotFoundError, NotADirectoryError):
        target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data, durable=durable)
    return True


def _temp(target: Path) -> tuple[int, str]:
    """A new temp file beside ``target`` (its folder made when missing); cheaper than ``tempfile.mkstemp``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    for attempt in range(100):
        tmp = f"{target.parent}/.{target.name}.{os.getpid()}-{attempt}.tmp"
        try:
            return os.open(tmp, flags, 0o644), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    return fd, tmp


def atomic_write(target: Path, data: bytes, durable: bool = True) -> None:
    """Write through a temp file in the same folder, then rename over ``target``."""
    fd, tmp = _temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _place_copy(source: Path, target: Path, link: bool = False) -> bool:
    """Copy (or link) a media file unless an identical one (same size and mtime, or the same file) is there."""
    src = source.stat()
    try:
        dst = target.stat()
        if dst.st_size == src.st_size and (dst.st_mtime_ns == src.st_mtime_ns or dst.st_ino == src.st_ino):
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    if not (link and atomic_link(source, target)):
        atomic_copy(source, target)
    return True


def atomic_link(source: Path, target: Path) -> bool:
    """Put a hard link to ``source`` at ``target`` (a temp name, then a rename); False when the file system
    cannot (another device, no hard links, no permission): the caller copies instead."""
    for attempt in range(100):
        tmp = f"{target.parent}/.{target.name}.{os.getpid()}-{attempt}.tmp"
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


def atomic_copy(source: Path, target: Path, durable: bool = False) -> None:
    """Copy through a temp file (keeping the source's mtime), then rename over ``target``.

    Not fsynced by default, like pages (an fsync per file costs about 1 ms; a build
    copies thousands): a crash leaves each file whole, old or new, never half
    written; only the feeds, written last, are fsynced.
    """
    fd, tmp = _temp(target)
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


def write_manifest(cache_dir: Path, out: Path, paths: set[str]) -> None:
    atomic_write(_manifest_path(cache_dir, out), ("\n".join(sorted(paths)) + "\n").encode("utf-8"), durable=False)
