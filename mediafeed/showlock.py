"""One writer per show at a time: ``.mediafeed/lock``, held by a build or a tag run while it works.

Two builds of one show at once would share the cache database, the tagged copies' store and the output
folder; the second one used to stop with SQLite's "database is locked" after five seconds, as an internal
error. Now it waits for the first one (up to ``wait`` seconds, saying whom it waits for, as cargo does), or,
with no time to wait or when the time is up, stops with OUT005, naming the process that holds the show, and
nothing is written. ``check`` and ``list`` do not wait: while a build holds the show, they read it without the cache
(:func:`reading`).

The lock is an advisory ``flock`` on the file: the kernel releases it when its holder exits, however it
exits, so a crashed build never leaves the show locked (the file staying behind means nothing). Where
``fcntl`` does not exist (Windows), runs are not serialised.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .cache import CACHE_DIR, Cache, is_show, show_cache
from .errors import OutputError, error

LOCK = "lock"
POLL = 0.1  #: seconds between looks at a busy lock while waiting (a thread may wait: no signals, no blocking flock)


@contextlib.contextmanager
def hold(root: Path, doing: str = "build", *, wait: float = 0.0,
         waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the show in ``root`` for this process while the block runs.

    When another process holds it: wait up to ``wait`` seconds for it to finish (``waiting`` is told once whom
    it waits for, e.g. ``"build, pid 4242"``), then raise OUT005 if it still holds the show.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    if not is_show(root):  # no show to protect: the run stops at SRC020, leaving no .mediafeed/ behind
        yield
        return
    folder = root / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        if not _take(fcntl, fd):
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            if wait > 0 and waiting is not None:
                waiting(holder)
            deadline = time.monotonic() + wait
            while not _take(fcntl, fd):
                if time.monotonic() >= deadline:
                    waited = f" after waiting {wait:g} s" if wait > 0 else ""
                    raise OutputError(error(
                        "OUT005", f"{CACHE_DIR}/{LOCK}", f"the show is in use by another mediafeed run ({holder}); "
                                                         f"this {doing} did not start{waited} and changed nothing",
                        hint="wait for the other build, tag or serve rebuild to finish, then run the command again "
                             "(or give it time: --wait SECONDS)"))
                time.sleep(min(POLL, max(0.0, deadline - time.monotonic())))
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{doing}, pid {os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextlib.contextmanager
def reading(root: Path, doing: str) -> Iterator[Cache]:
    """The show's cache for a run that only reads the show (``check``, ``list``), held while the block runs as a
    build holds it; while a build holds the show (a ``serve`` rebuild in another terminal), or where the show folder
    cannot be written (a read-only checkout or share), a cache that keeps nothing: the same answers, slower. (A
    ``list`` that opened the cache a rebuild was writing stopped with "database is locked" as an internal error.)"""
    with contextlib.ExitStack() as holding:
        try:
            holding.enter_context(hold(root, doing))
            cache = show_cache(root)
        except (OutputError, OSError):  # another run holds the show; the folder cannot be written
            cache = Cache(None)
        yield cache


def _take(fcntl: object, fd: int) -> bool:
    """Take the lock if it is free; False when another process holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[attr-defined]
    except BlockingIOError:
        return False
    return True
