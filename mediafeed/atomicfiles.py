"""Atomic file operations: every file mediafeed writes goes through a temp file beside it and ``os.replace``.

A reader (or an interrupted write) only ever sees the old file or the new one. Temp files are named
``.NAME.PID-N.tmp`` (:data:`TEMP_NAME`), so an error names the file meant, not its temp file (:func:`target_of`).
Files and folders are made 0644 and 0755 whatever the umask: a web server runs as another user.

:func:`atomic_link` puts a hard link in place (the site's media from mediafeed's own store: see :mod:`output`);
:func:`write_new` creates a file straight into its name, only for files trusted through a record made after it
returns (the tagged copies).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import tempfile
from collections.abc import Collection
from pathlib import Path

from .lazypattern import lazy


def target_of(filename: object) -> str:
    """The file a failed write was for: the target, not the temp file beside it (``.NAME.PID-N.tmp``)."""
    if not isinstance(filename, str) or not filename:
        return ""
    folder, name = os.path.split(filename)
    if name.startswith(".") and name.endswith(".tmp") and name.count(".") >= 3:
        return os.path.join(folder, name[1:-4].rsplit(".", 1)[0])
    return filename


#: the name of a temp file the writer makes beside its target (:func:`temp_file`, :func:`atomic_link`): ``.NAME.PID-N.tmp``
TEMP_NAME = lazy(r"\.(?P<name>.+)\.(?P<pid>[0-9]{1,10})-(?P<attempt>[0-9]{1,2})\.tmp")


def temp_file(target: str) -> tuple[int, str]:
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


def atomic_write(target: Path | str, data: bytes, durable: bool = True) -> int:
    """Write through a temp file in the same folder, then rename over ``target``; the file's mtime (ns) as written
    (a rename keeps it: the build's stamp lists it without looking at the file again, see ``fastpath.prepare``).

    On the bare descriptor: a Python file object would add an fstat, an ioctl and an lseek per file (a cold
    build writes thousands); the mode is set only when the umask would not give 0644 anyway.
    """
    target = os.fspath(target)
    fd, tmp = temp_file(target)
    try:
        try:
            fill(fd, data)
            if durable:
                os.fsync(fd)
            mtime = os.fstat(fd).st_mtime_ns
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return mtime


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
            fill(fd, data)
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


def fill(fd: int, data: bytes, mode: bool = True) -> None:
    """Write all of ``data`` into a new file (opened with mode 0644) and (``mode``) make sure its mode is 0644."""
    written = os.write(fd, data)  # all of it at once, but for a signal or a full disk
    if written < len(data):
        view = memoryview(data)[written:]
        while view:
            view = view[os.write(fd, view):]
    if mode and umask_strips_644():
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
def umask_strips_644() -> bool:
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
    fd, tmp = temp_file(os.fspath(target))
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


def write_checked(target: Path | str, data: bytes) -> None:
    """``data`` after its SHA-256, written atomically (not synced): a file of the user's cache, which outlives every
    show and ``--clean``, so a torn or altered one must be told from a good one (:func:`read_checked`)."""
    atomic_write(target, hashlib.sha256(data).digest() + data, durable=False)


def read_checked(path: Path | str) -> bytes | None:
    """What :func:`write_checked` wrote, or None when the file is missing, unreadable, torn or altered."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    body = memoryview(data)[_CHECK:]
    return bytes(body) if hashlib.sha256(body).digest() == data[:_CHECK] else None


def enter_versioned(folder: Path) -> None:
    """Make ``folder``, one of its parent's folders named by a version or by settings (compiled templates, scaled
    artwork); when it is new, the parent's other folders go first: another version's files are never read again."""
    if not folder.is_dir():
        for old in folder.parent.glob("*"):
            shutil.rmtree(old, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)


_CHECK = 32  #: the SHA-256 before a checked file's data


def sweep_temp_files(root: Path, remove: bool = True, *, deep: bool = True,
                     of: Collection[str] | None = None) -> list[str]:
    """Remove the temp files (``.NAME.PID-N.tmp``) that a writer killed mid-copy left below ``root`` (a build's output
    folder, a publish's target folder): a web server would serve them, and a file renamed or dropped since is never
    written again to replace them. Only names of this writer whose process is not running on this computer (a run
    beside this one keeps its own); hidden folders but ``.well-known`` are not looked in. Folders left empty are
    removed. Returns what it removed, relative to ``root`` (``remove=False``, a dry run: what it would remove).
    ``deep=False``: the files in ``root`` itself only (one look at one folder: the show cache's stamps and records);
    ``of``: only the temp files of these names (``published.json`` in the show folder, whose other files are the
    producer's)."""
    removed = []
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".") or (base == root and d == ".well-known")] if deep else []
        for name in files:
            found = TEMP_NAME.fullmatch(name)
            if found is None or (of is not None and found["name"] not in of) or _running(int(found["pid"])):
                continue
            if not remove:
                removed.append((base / name).relative_to(root).as_posix())
                continue
            with contextlib.suppress(OSError):
                (base / name).unlink()
                removed.append((base / name).relative_to(root).as_posix())
                prune_empty(root, base)
    return sorted(removed)


def prune_empty(root: Path, folder: Path) -> None:
    """Remove ``folder`` if empty, then each parent left empty, up to ``root`` (kept)."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent


def _running(pid: int) -> bool:
    """Whether a process with this id runs on this computer (one of another user's counts)."""
    if pid <= 0:  # (0 and -1 would ask about process groups)
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    return True
