"""One writer per show at a time: ``.mediafeed/lock``, held by a build or a tag run while it works.

Two builds of one show at once would share the cache database, the tagged copies' store and the output
folder; the second one used to stop with SQLite's "database is locked" after five seconds, as an internal
error. Now it stops at once with OUT005, naming the process that holds the show, and nothing is written.

The lock is an advisory ``flock`` on the file: the kernel releases it when its holder exits, however it
exits, so a crashed build never leaves the show locked (the file staying behind means nothing). Where
``fcntl`` does not exist (Windows), runs are not serialised.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from .cache import CACHE_DIR
from .errors import OutputError, error

LOCK = "lock"


@contextlib.contextmanager
def hold(root: Path, doing: str = "build") -> Iterator[None]:
    """Hold the show in ``root`` for this process while the block runs, or raise OUT005 if another one holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    folder = root / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise OutputError(error(
                "OUT005", f"{CACHE_DIR}/{LOCK}", f"the show is in use by another mediafeed run ({holder}); "
                                                 f"this {doing} did not start and changed nothing",
                hint="wait for the other build, tag or serve rebuild to finish, then run the command again")) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{doing}, pid {os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
