"""The cache's SQLite file: opened, made new, marked complete, discarded (the rows in it: :mod:`cache`).

A new database (a first build, ``--clean``, a discarded file) is written without a journal until its first
commit (a cold build: until the build ends): SQLite's write-ahead log would write each of its pages twice and
sync them at every checkpoint (a cold build of 1,000 episodes stores ~58 MB: on an ext4 disk here 0.6–1.9 s in
WAL mode, 0.2 s without a journal). Such a file is not trusted until that commit: its ``user_version`` stays
0 while it is written, and the commit syncs the file to disk, then sets ``user_version`` and switches the file
to the write-ahead log for good. A build killed before that leaves a file that the next one discards (as any
file whose ``user_version`` is not :data:`SCHEMA`), never a half-written cache that it trusts.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SCHEMA = 1
_TABLES = ("probe", "content", "episode", "notes", "output", "meta", "fragment", "feedlint", "tagname", "tagmade", "stream", "yaml", "frame")
#: SQLite page size of a new cache file: values are rows of a few KB (notes, feed items, parsed episodes), which
#: fill a few 4 KB overflow pages each; 16 KB pages need a quarter of the page writes and reads
PAGE_SIZE = 16384
#: SQLITE_BUSY, SQLITE_LOCKED: the file is held by another process, which is not damage
BUSY = (5, 6)
#: SQLITE_IOERR, SQLITE_FULL: a write failed (a full disk: SQLITE_FULL; a file past the size limit, ulimit -f: an I/O
#: error), which is not damage either
NO_ROOM = (10, 13)


def no_room(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite failed to write for want of room (see :data:`NO_ROOM`)."""
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in NO_ROOM

try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None  # type: ignore[assignment]


def _create_tables(db: sqlite3.Connection) -> None:
    for table in _TABLES:
        db.execute(f"CREATE TABLE IF NOT EXISTS {table} (k TEXT PRIMARY KEY, tag TEXT NOT NULL, v TEXT NOT NULL)")


def _being_written(path: Path) -> bool:
    """Whether another process holds the flock of a new cache file it is writing (see :func:`new_database`)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def discard(path: Path) -> None:
    """Delete the cache database (and SQLite's side files)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def open_database(path: Path) -> tuple[sqlite3.Connection | None, int | None]:
    """A connection in a transaction (None: another process is writing a new file there now), and, for a new
    file written without a journal, this process's descriptor of it, locked (see :func:`new_database`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    gitignore = path.parent / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("*\n", encoding="utf-8")
    if path.exists():
        db = sqlite3.connect(path, isolation_level=None)
        if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            _create_tables(db)  # (tables added since the file was made)
            # No "PRAGMA quick_check" here: it reads the whole file (50 ms for a show of 1,000 episodes, every
            # build). A damaged page shows when it is read (a miss: the value is made again) or written (see cache.Cache._damaged).
            db.execute("BEGIN")
            return db, None
        db.close()
        if _being_written(path):
            return None, None
        discard(path)  # another layout, or a new file whose build never got to its first commit
    return new_database(path)


def new_database(path: Path) -> tuple[sqlite3.Connection | None, int | None]:
    """A new file, written without a journal and unmarked (``user_version`` 0) until its first commit. This
    process holds an exclusive ``flock`` on it until then, so that another process finding it unmarked can
    tell a file being written (it works without the cache) from one a killed build left (it discards it)."""
    if fcntl is None:  # (not POSIX: no flock; every new file uses the write-ahead log from the start)
        db = sqlite3.connect(path, isolation_level=None)
        db.execute(f"PRAGMA page_size={PAGE_SIZE}")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(f"PRAGMA user_version={SCHEMA}")
        _create_tables(db)
        db.execute("BEGIN")
        return db, None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    except FileExistsError:  # another process made it just now
        return None, None
    fcntl.flock(fd, fcntl.LOCK_EX)
    db = sqlite3.connect(path, isolation_level=None)
    if os.fstat(fd).st_ino != os.stat(path).st_ino:  # discarded by another process in between: leave it to it
        db.close()
        os.close(fd)
        return None, None
    try:
        db.execute(f"PRAGMA page_size={PAGE_SIZE}")
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        _create_tables(db)
        db.execute("BEGIN")
    except BaseException:  # (a full disk) an unmarked file: the next run discards it
        db.close()
        os.close(fd)
        raise
    return db, fd


def mark_complete(db: sqlite3.Connection, fd: int) -> bool:
    """After a new file's first commit: sync it to disk, then switch it to the write-ahead log and mark it
    complete, and let go of its flock (see the module docstring). False, with ``db`` closed, when it could not
    switch (another process reading the file now: it stays unmarked, for the next build)."""
    assert fcntl is not None
    os.fsync(fd)
    try:  # (needs the file to itself: another process reading it now leaves it unmarked, for the next build)
        db.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError:
        db.close()
        return False
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"PRAGMA user_version={SCHEMA}")
    fcntl.flock(fd, fcntl.LOCK_UN)
    return True
