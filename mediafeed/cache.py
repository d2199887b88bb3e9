"""The build cache in ``<show>/.mediafeed/cache.sqlite``: never trusted blindly, always disposable.

What it remembers, and what a hit is keyed on:

* ``probe``: a media file's :class:`Media`, keyed by the file's identity
  (path, size, mtime in ns, inode). Any change to the file re-probes it;
* ``content``: the SHA-256 of each ``episode.md``, keyed by the file's identity (size,
  mtime, ctime, inode), so a rebuild reads only the files that changed;
* ``episode``: a parsed episode, keyed by the SHA-256 of ``episode.md`` and its
  folder's listing (names, sizes, mtimes) so added/removed side files count;
* ``notes``: rendered show notes, keyed by the SHA-256 of the Markdown;
* ``output``: for each file the last build wrote, the key of its inputs, so an
  unchanged page is neither rendered nor compared (incremental builds);
* ``fragment``: each episode's ``<item>`` in feed.xml and item in feed.json,
  keyed like its pages (see :mod:`feeditems`);
* ``feedlint``: the feed rules' problems with each ``<item>``, keyed by its bytes;
* ``frame``: each feed document's channel (the bytes around its items), keyed by every input it is made from
  (see ``feeditems.FeedFrames`` and ``feed.frame_key``);
* ``tagname``: the name of each episode's tagged copy (a hash of its wanted tags),
  keyed by the episode's input key and its artwork's identity (see :mod:`tagging`);
* ``meta``: the show artwork's and each episode artwork's size and problems, and each timed transcript's problems,
  keyed by the file's identity (a transcript's also by its type and the audio's duration);
* ``tagmade``: the size and mtime each tagged copy had when it was made (or that the
  source needed no copy), keyed by the copy's name: the copies' only record (read in one query).

Every value carries the mediafeed version in its key. A corrupt or unreadable
database is deleted and rebuilt; ``--clean`` ignores it. SQLite commits are
atomic, so a crash mid-build leaves the previous cache usable.

A new database is written without a journal until its first commit, and trusted only after it: see
:mod:`cachefile`.

Writes are buffered: :meth:`Cache.put` keeps the row in memory and a table's rows go to SQLite in one
``executemany`` when the buffer is full, before anything reads or deletes in that table, and at
:meth:`Cache.commit` (a cold build of 1,000 episodes makes ~10,000 puts: one statement each cost more
than the rows). A buffered row is as durable as a written one that is not committed yet: a build that
stops before its commit leaves neither.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, cachefile
from .errors import OutputError, error

if TYPE_CHECKING:
    import threading

CACHE_DIR = ".mediafeed"
#: buffered rows are written once a table holds this many, or all tables this many characters
_BUFFER_ROWS = 512
_BUFFER_CHARS = 4 << 20

_scan = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # the decoder's own (C) scanner (set in __init__)


def loads(text: str) -> Any:
    """``json.loads`` of a value as :meth:`Cache.put` writes it (compact JSON, nothing around it), without
    ``json.loads``'s Python layers (a rebuild decodes five thousand rows). Raises ValueError on anything else."""
    if text.__class__ is not str:  # (a value SQLite holds as a blob: not what put wrote)
        raise ValueError("not text")
    try:
        value, end = _scan(text, 0)
    except StopIteration:  # (what raw_decode turns into "Expecting value")
        raise ValueError("not a JSON value") from None
    if end != len(text):
        raise ValueError("extra data")
    return value


class Cache:
    def __init__(self, path: Path | None):
        from .fastpath import code_fingerprint

        self.path = path
        #: every value is tagged with mediafeed's version and a hash of its code, so an upgrade or an edited
        #: checkout never reuses what older code produced
        self.version = f"{__version__}+{code_fingerprint()}"
        self.db: sqlite3.Connection | None = None
        self.stats: dict[str, int] = {"probed": 0, "parsed": 0, "rendered_notes": 0, "hashed": 0}
        self._preloaded: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {}  #: table → (prefix, key → (tag, v))
        self._pending: dict[str, dict[str, tuple[str, str]]] = {}  #: table → key → (tag, value) not written yet
        self._pending_chars = 0
        #: SQL statements run (reads, writes, commits): what the cache costs a build, for tests and the bench
        self.statements = 0
        #: this process's descriptor of a new file it writes without a journal (see :meth:`_new`); kept open
        #: until the connection is closed (closing another descriptor of the file would drop SQLite's own locks)
        self._owned: int | None = None
        #: True while this is a new database written without a journal (see the module docstring)
        self.unjournaled = False
        #: a thread writing such a file out to disk ahead of its first commit (:meth:`start_sync`)
        self._syncing: threading.Thread | None = None
        if path is None:
            return
        try:
            self.db, self._owned = cachefile.open_database(path)
        except sqlite3.DatabaseError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in cachefile.BUSY:  # another process writes it: work without it
                return
            if cachefile.no_room(exc):
                raise self._no_room(exc) from None
            cachefile.discard(path)
            self.db, self._owned = cachefile.open_database(path)
        self.unjournaled = self._owned is not None

    def start_sync(self) -> None:
        """Have a new database's file (written without a journal until its first commit, see :mod:`cachefile`) written
        out to disk from now on, by an fsync in a thread: the fsync that commit makes before it marks the file complete,
        which the build waits for at its very end, then finds little left to write (a cold build of 1,000 episodes
        stores ~58 MB: 35-60 ms of that wait, with no other work left to do, on this machine's disk). The commit's
        own fsync still comes after every write, so the file is trusted only once it is all on disk, as before.
        Call it only where no worker process is forked any more (a thread must not run at a fork; ``parallel.pooled``
        sees it and runs in this process). Nothing for a file in use already (its commits sync a small log)."""
        if self._owned is None or self._syncing is not None or self.db is None:
            return
        self._flush()  # the buffered rows go to SQLite (and most of its pages to the file) first
        if self.db is None:  # (the flush found the file damaged)
            return
        import threading  # (here: a rebuild that makes no new file does not load it)

        self._syncing = threading.Thread(target=_sync_quietly, args=(self._owned,), name="mediafeed cache sync",
                                         daemon=True)
        self._syncing.start()

    def _synced(self) -> None:
        """Wait for :meth:`start_sync`'s fsync (before the first commit's own, and before the file is let go)."""
        if self._syncing is not None:
            self._syncing.join()
            self._syncing = None

    def _journal(self) -> None:
        """After a new file's first commit: mark it complete (:func:`cachefile.mark_complete`)."""
        assert self.db is not None and self._owned is not None
        self._synced()
        if cachefile.mark_complete(self.db, self._owned):
            self.unjournaled = False
        else:
            self.db = None

    def _no_room(self, exc: sqlite3.DatabaseError) -> OutputError:
        """OUT007: the cache file cannot be written (a full disk): said as such, naming it, not as a bug (exit 3)."""
        return OutputError(error("OUT007", os.fspath(self.path or CACHE_DIR), f"cannot write the build cache: {exc}",
                                 hint="free space on the disk that holds the show folder, then run again (nothing in "
                                      "episodes/ was changed; the cache may be deleted: it is made again)"))

    def _damaged(self, exc: sqlite3.DatabaseError) -> None:
        """A write found the file damaged: this build goes on without a cache, the next starts a new one.
        (Errors such as a locked or read-only database are not damage and go up as before.)"""
        if cachefile.no_room(exc) and self.db is not None:  # a full disk is not damage: the cache is as last committed
            self._let_go()
            raise self._no_room(exc) from None
        if type(exc) is not sqlite3.DatabaseError or self.db is None or self.path is None:  # corrupt / not a database
            raise exc
        self._let_go()
        assert self.path is not None
        cachefile.discard(self.path)

    def _let_go(self) -> None:
        """Close the file (what was not committed is dropped) and forget the rows read or not written yet."""
        assert self.db is not None
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self.db = None
        self._preloaded.clear()
        self._pending.clear()
        self._pending_chars = 0

    def _execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        if self.db is None:  # a flush just before found the file damaged (see _damaged): read as a miss
            raise sqlite3.OperationalError("the cache was discarded")
        self.statements += 1
        return self.db.execute(sql, parameters)

    def _flush(self, table: str | None = None) -> None:
        """Write the buffered rows of ``table`` (None: of every table), one statement per table."""
        for name in [table] if table is not None else list(self._pending):
            rows = self._pending.pop(name, None)
            if not rows or self.db is None:
                continue
            self._pending_chars -= sum(len(value) for _, value in rows.values())
            try:
                self.statements += 1
                self.db.executemany(f"INSERT OR REPLACE INTO {name} (k, tag, v) VALUES (?, ?, ?)",
                                    [(key, tag, value) for key, (tag, value) in rows.items()])
            except sqlite3.DatabaseError as exc:
                self._damaged(exc)
                return
        if table is None:
            self._pending_chars = 0

    # -- generic key/value with a validity tag ----------------------------
    def preload(self, table: str, prefix: str = "") -> None:
        """Read the rows of ``table`` whose key starts with ``prefix`` in one query: :meth:`get` answers
        those keys from memory (a thousand lookups cost one query, not a thousand)."""
        if self.db is None:
            return
        self._flush(table)
        if self.db is None:
            return
        try:
            rows = self._execute(f"SELECT k, tag, v FROM {table}").fetchall()
        except sqlite3.DatabaseError:
            return
        self._preloaded[table] = (prefix, {k: (tag, v) for k, tag, v in rows if k.startswith(prefix)})

    def _memory(self, table: str, key: str) -> dict[str, tuple[str, str]] | None:
        loaded = self._preloaded.get(table)
        return loaded[1] if loaded is not None and key.startswith(loaded[0]) else None

    def get(self, table: str, key: str, tag: str) -> Any | None:
        if self.db is None:
            return None
        memory = self._memory(table, key)
        if memory is not None:
            row = memory.get(key)
        else:
            row = self._row(table, key)
        if row is None or row[0] != f"{self.version}:{tag}":
            return None
        try:
            return loads(row[1])
        except ValueError:
            return None

    def _row(self, table: str, key: str) -> tuple[str, str] | None:
        """(tag, value) of ``key`` as buffered or stored, None when there is none (or it cannot be read)."""
        pending = self._pending.get(table)
        if pending is not None and key in pending:
            return pending[key]
        if self.db is None:
            return None
        try:
            row: tuple[str, str] | None = self._execute(f"SELECT tag, v FROM {table} WHERE k = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return row

    def get_text(self, table: str, key: str, tag: str) -> str | None:
        """A value stored with :meth:`put_text`, as it is, while its tag matches."""
        if self.db is None:
            return None
        row = self._row(table, key)
        if row is None or row[0] != f"{self.version}:{tag}" or not isinstance(row[1], str):
            return None
        return str(row[1])

    def get_many(self, table: str, wanted: dict[str, str], *, text: bool = False, scan: bool = False) -> dict[str, Any]:
        """:meth:`get` for many keys (key → tag) in one query: the keys whose tag matches, with their values
        (``text``: values stored with :meth:`put_text`, returned as they are). ``scan``: ``wanted`` is about every
        row of a table of small rows (one per episode): one pass over the table costs half the lookups of its keys."""
        if self.db is None or not wanted:
            return {}
        self._flush(table)
        found = {}
        keys = list(wanted)
        try:
            for start in range(0, len(keys), 500) if not scan else [0]:  # at most 999 parameters (older SQLite)
                chunk = keys[start:start + 500]
                for key, tag, value in self._execute(f"SELECT k, tag, v FROM {table}") if scan else self._execute(
                        f"SELECT k, tag, v FROM {table} WHERE k IN ({','.join('?' * len(chunk))})", chunk):
                    if key not in wanted or tag != f"{self.version}:{wanted[key]}":
                        continue
                    if text:
                        if isinstance(value, str):
                            found[key] = value
                        continue
                    try:
                        found[key] = loads(value)
                    except ValueError:
                        continue
        except sqlite3.DatabaseError:
            return {}
        return found

    def present(self, table: str, wanted: dict[str, str]) -> set[str]:
        """The keys of ``wanted`` (key → tag) whose stored tag matches, without reading their values."""
        return {key for key, tag in self._tags(table, list(wanted)) if tag == f"{self.version}:{wanted[key]}"}

    def stale(self, table: str, wanted: dict[str, str]) -> list[str]:
        """The keys of ``wanted`` (key → tag) stored under another tag."""
        return sorted(key for key, tag in self._tags(table, list(wanted)) if tag != f"{self.version}:{wanted[key]}")

    def _tags(self, table: str, keys: list[str]) -> list[tuple[str, str]]:
        """(key, stored tag) of the ``keys`` that have a row, without reading their values."""
        if self.db is None or not keys:
            return []
        loaded = self._preloaded.get(table)
        if loaded is not None and all(key.startswith(loaded[0]) for key in keys):  # answered from memory (preload)
            memory = loaded[1]
            return [(key, memory[key][0]) for key in keys if key in memory]
        self._flush(table)
        wanted, found = set(keys), []
        try:
            for start in range(0, len(keys), 500):  # SQLite allows 999 parameters in a query (older versions)
                chunk = keys[start:start + 500]
                found += [(key, tag) for key, tag in self._execute(
                    f"SELECT k, tag FROM {table} WHERE k IN ({','.join('?' * len(chunk))})", chunk) if key in wanted]
        except sqlite3.DatabaseError:
            return []
        return found

    def put(self, table: str, key: str, tag: str, value: Any) -> None:
        if self.db is not None:
            self.put_text(table, key, tag, json.dumps(value, separators=(",", ":"), ensure_ascii=False))

    def put_text(self, table: str, key: str, tag: str, value: str) -> None:
        """Store text as it is (no JSON: big text is read back many times faster); read it with ``get_many(text=True)``."""
        if self.db is None:
            return
        row = (f"{self.version}:{tag}", value)
        pending = self._pending.setdefault(table, {})
        old = pending.get(key)
        pending[key] = row
        self._pending_chars += len(value) - (len(old[1]) if old is not None else 0)
        memory = self._memory(table, key)
        if memory is not None:
            memory[key] = row
        if len(pending) >= _BUFFER_ROWS:
            self._flush(table)
        elif self._pending_chars >= _BUFFER_CHARS:
            self._flush()

    def all(self, table: str) -> dict[str, tuple[str, Any]]:
        if self.db is None:
            return {}
        self._flush(table)
        out = {}
        try:
            rows = self._execute(f"SELECT k, tag, v FROM {table}").fetchall()
        except sqlite3.DatabaseError:
            return {}
        for key, tag, value in rows:
            try:
                out[key] = (tag, loads(value))
            except ValueError:
                continue
        return out

    def keys(self, table: str, prefix: str = "") -> list[str]:
        """Every key of ``table`` starting with ``prefix``."""
        if self.db is None:
            return []
        loaded = self._preloaded.get(table)
        if loaded is not None and prefix.startswith(loaded[0]):  # answered from memory (see preload)
            return [k for k in loaded[1] if k.startswith(prefix)]
        self._flush(table)
        try:
            rows = self._execute(f"SELECT k FROM {table}").fetchall()
        except sqlite3.DatabaseError:
            return []
        return [k for (k,) in rows if k.startswith(prefix)]

    def delete(self, table: str, keys: list[str]) -> None:
        if self.db is None or not keys:
            return
        self._flush(table)
        if self.db is None:
            return
        try:
            self.statements += 1
            self.db.executemany(f"DELETE FROM {table} WHERE k = ?", [(k,) for k in keys])
        except sqlite3.DatabaseError as exc:
            self._damaged(exc)
            return
        for key in keys:
            memory = self._memory(table, key)
            if memory is not None:
                memory.pop(key, None)

    def commit(self) -> None:
        self._flush()
        if self.db is not None:  # (None: the flush found the file damaged, see _damaged)
            try:
                self._execute("COMMIT")
                if self.unjournaled:
                    self._journal()
                if self.db is not None:
                    self._execute("BEGIN")
            except sqlite3.DatabaseError as exc:
                self._damaged(exc)

    def close(self) -> None:
        self._flush()
        if self.db is not None:
            try:
                self._execute("COMMIT")
                if self.unjournaled:
                    self._journal()
            except sqlite3.DatabaseError:  # (a damaged file: the next build finds it out and starts again)
                pass
            if self.db is not None:
                self.db.close()
                self.db = None
        if self._owned is not None:
            self._synced()
            os.close(self._owned)
            self._owned = None


def _sync_quietly(fd: int) -> None:
    """:meth:`Cache.start_sync`'s fsync: a failure is the commit's to find (its own fsync raises it)."""
    with contextlib.suppress(OSError):
        os.fsync(fd)


def show_cache(root: Path) -> Cache:
    """The cache of the show in ``root`` (``.mediafeed/cache.sqlite``); one that keeps nothing where ``root`` holds no
    show yet (no show.yml, no .mediafeed/): ``mediafeed build`` or ``check`` run in the wrong folder (a home folder) left
    a 376 KB ``.mediafeed/`` there behind its SRC020, for the next run to find."""
    return Cache(root / CACHE_DIR / "cache.sqlite" if is_show(root) else None)


def is_show(root: Path) -> bool:
    """Whether ``root`` is a show's folder that mediafeed may keep its ``.mediafeed/`` in: it has show.yml (or has a
    ``.mediafeed/`` already)."""
    return (root / "show.yml").is_file() or (root / CACHE_DIR).is_dir()
