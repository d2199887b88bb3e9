"""Per-file work on every core, results in input order.

A cold build of a large show probes and tags every episode's media, one file
after another, each a few milliseconds of Python. :func:`map_ordered` runs such
a function over a list in forked worker processes, in chunks, and returns the
results in the order of the input, so the build's output does not depend on
which worker finished first.

Only pure work goes through here: a function that reads its arguments' files
and writes only the file it was given, and returns picklable data (never the
cache, the terminal or the output writer, which stay in the parent). A
:class:`MediaError` raised in a worker comes back as :class:`Failed` with its
problems, so the caller decides what to do with it in order.

Small batches, one-core machines and platforms without ``fork`` run in the
calling process: the same results, without a pool.
"""

from __future__ import annotations

import collections
import itertools
import os
import threading
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .errors import MediaError, Problem

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")

#: Below this many items, a pool costs more than it saves (forking, pickling the results).
MIN_ITEMS = 16
#: Chunks given out per worker ahead of the caller (see imap_ordered)
AHEAD = 4


@dataclass(frozen=True)
class Failed:
    """What a :class:`MediaError` raised for one item said."""

    problems: list[Problem]


def workers() -> int:
    """How many processes to use: the cores this process may run on (``MEDIAFEED_JOBS`` overrides)."""
    wanted = os.environ.get("MEDIAFEED_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


#: Set in each worker by :func:`_start` (inherited through fork, never pickled): the batch's ``context``.
_context: object = None


def _start(context: object, parent: int) -> None:
    global _context
    _context = context
    _die_with(parent)


def _die_with(parent: int) -> None:
    """End this worker when the process that forked it ends, however it ends (a SIGTERM or SIGKILL to a build
    would otherwise leave its workers running as orphans, waiting for work that never comes). Linux only:
    ``prctl(PR_SET_PDEATHSIG, SIGKILL)``; the work is pure (see the module docstring), so nothing is left
    half-done that the next build trusts."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: orphans end when their pipe to the parent breaks
        return
    if os.getppid() != parent:  # the parent ended before the line above ran
        os._exit(1)


def _call(fn: Callable[[C, T], R], context: C, item: T) -> R | Failed:
    try:
        return fn(context, item)
    except MediaError as exc:
        return Failed(exc.problems)


def _chunk(fn: Callable[[C, T], R], items: Sequence[T]) -> list[R | Failed]:
    return [_call(fn, _context, item) for item in items]  # type: ignore[arg-type]


def map_ordered(fn: Callable[[C, T], R], context: C, items: Sequence[T], *,
                progress: Callable[[int], None] | None = None) -> list[R | Failed]:
    """``[fn(context, item) for item in items]`` on every core; a :class:`MediaError` becomes :class:`Failed`.

    ``fn`` must be a module-level function (it is sent to the workers by name). ``context`` is what
    every call shares (large things such as the cover art): the workers inherit it when they are
    forked, so it is not copied per item. ``progress(done)`` is called in this process, in order.
    """
    return list(imap_ordered(fn, context, items, progress=progress))


def pooled(count: int) -> bool:
    """Whether :func:`imap_ordered` runs ``count`` items in worker processes (else in the calling process)."""
    if not (workers() >= 2 and count >= MIN_ITEMS and threading.active_count() == 1):  # forking threads is unsafe (serve)
        return False
    import multiprocessing  # only when a pool may be used: a rebuild that tags one file does not pay for it

    return "fork" in multiprocessing.get_all_start_methods()


def imap_ordered(fn: Callable[[C, T], R], context: C, items: Sequence[T], *,
                 progress: Callable[[int], None] | None = None, chunk: int = 0) -> Generator[R | Failed, None, None]:
    """:func:`map_ordered`, each result given as soon as it (and every one before it) is there: a caller that
    uses each result and lets it go never holds them all (a big show's tag results are ~100 MB).

    ``chunk``: items sent to a worker at a time (0: chosen here). At most :data:`AHEAD` chunks per worker are
    given out ahead of the caller, so big items (each already a batch) are best sent one at a time."""
    jobs = workers()
    pool_ok = pooled(len(items))
    if pool_ok:
        import multiprocessing
        from concurrent.futures import Future, ProcessPoolExecutor
    if not pool_ok:
        for index, item in enumerate(items):
            yield _call(fn, context, item)
            if progress:
                progress(index + 1)
        return
    # Several chunks per worker keep both busy when some files take longer; chunks keep pickling cheap.
    size = chunk or max(1, min(64, len(items) // (jobs * 4)))
    starts = range(0, len(items), size)
    done = 0
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start, initargs=(context, os.getpid())) as pool:
        # At most AHEAD chunks per worker are given out before the caller has taken the first one's results:
        # the results of a long batch never pile up in memory when the caller is slower than the workers.
        waiting: collections.deque[Future[list[R | Failed]]] = collections.deque()
        ahead = iter(starts)
        try:
            for start in itertools.islice(ahead, jobs * AHEAD):
                waiting.append(pool.submit(_chunk, fn, items[start:start + size]))
            while waiting:
                result = waiting.popleft().result()
                following = next(ahead, None)
                if following is not None:
                    waiting.append(pool.submit(_chunk, fn, items[following:following + size]))
                yield from result
                done += len(result)
                if progress:
                    progress(done)
        except BaseException:  # Ctrl-C, SIGTERM, an error in the caller: the chunks not started yet are dropped
            pool.shutdown(wait=False, cancel_futures=True)
            raise
