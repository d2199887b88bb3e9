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

A build runs several such stages one after another. Inside :func:`shared`, they
use one set of workers, kept from stage to stage and ended when the ``with``
block ends, instead of a pool per stage forked from the grown build. A stage
whose context can be pickled cheaply (``share=True``: the show, the cover art)
sends it to the workers there (pickled once, unpickled by each worker at its
first chunk of the stage). A stage whose context is the build's own objects (a
Jinja renderer, a thousand items: pickling those costs more than a fork) ends
the workers and forks the next set with that context, which they inherit; the
stages after it use that set in turn. (A process is never forked while the
workers' threads run in it.)
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import os
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar, overload

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

from .errors import MediaError, Problem
from .records import frozen

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")

#: Below this many items, a pool costs more than it saves (forking, pickling the results).
MIN_ITEMS = 16
#: Chunks given out per worker ahead of the caller (see imap_ordered)
AHEAD = 4


@frozen
class Failed:
    """What a :class:`MediaError` raised for one item said."""

    problems: list[Problem]


class Jobs(Sequence[T]):
    """Jobs for :func:`imap_ordered` made when they are asked for (:meth:`made`): as the pool gives out their chunk,
    a few chunks ahead of the caller, while the workers run the chunks before (never all before the first worker
    starts, nor all in memory at once)."""

    def made(self, index: int) -> T:
        """Job ``index`` (``0 <= index < len(self)``)."""
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self.made(number) for number in range(*index.indices(len(self)))]
        number = index if index >= 0 else len(self) + index
        if not 0 <= number < len(self):
            raise IndexError(index)
        return self.made(number)


def workers() -> int:
    """How many processes to use: the cores this process may run on (``MEDIAFEED_JOBS`` overrides)."""
    wanted = os.environ.get("MEDIAFEED_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


#: Set in each worker by :func:`_start` (inherited through fork, never pickled): the batch's ``context``; in a
#: shared worker, the context of the stage whose chunk it runs (unpickled at its first chunk of the stage).
_context: object = None
#: In a shared worker: which stage :data:`_context` belongs to.
_stage = 0


def _start(context: object, parent: int, stage: int = 0) -> None:
    import signal

    # Ctrl-C is the build's to handle: it ends the workers (each finishes its chunk). A worker interrupted while
    # it waits for work (shared workers wait between stages) would print a traceback. A SIGTERM ends a worker
    # at once (not the build's handler, inherited through fork, which would raise in the worker).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked by _fork (a Ctrl-C then is dropped here)
    global _context, _stage
    _context, _stage = context, stage
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


def _shared_chunk(stage: int, context: bytes, fn: Callable[[C, T], R], items: Sequence[T]) -> list[R | Failed]:
    """:func:`_chunk` in a shared worker: ``context`` is the stage's, pickled once by the build (bytes cost the
    pipe a copy, not a pickling), unpickled here only at this worker's first chunk of the stage."""
    global _context, _stage
    if _stage != stage:
        import pickle

        _context, _stage = pickle.loads(context), stage
    return _chunk(fn, items)


def _ready() -> int:
    return os.getpid()


def _fork(pool: ProcessPoolExecutor) -> None:
    """Start ``pool``'s workers now (its first call forks them all) and wait until one has run: a Ctrl-C is held
    back meanwhile (blocked, not lost: it reaches this process after the fork), so that no worker gets one before
    it ignores it (see :func:`_start`)."""
    import ctypes  # noqa: F401 - for _die_with: imported once here and inherited, not once by every worker
    import signal

    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool.submit(_ready).result()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def preload(*modules: str) -> None:
    """Import ``modules`` (names) in this process before the next set of workers is forked, when that set will run
    them: each worker then inherits them, where it would import its own copy at its first job (the tagger with
    mutagen: ~20 ms of CPU a worker, paid again by each set a build forks)."""
    import importlib

    for name in modules:
        importlib.import_module(name)


class _Workers:
    """The workers :func:`shared` keeps for a build (forked when a stage needs them and there are none)."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.threads: set[threading.Thread] = set()  #: the pool's own threads in this process
        self.pids: list[int] = []
        self.stages = itertools.count(1)
        self.inherited = 0  #: the stage whose context the workers inherited when they were forked
        #: the threads of a set let go by :meth:`release`, ending with it: joined before the next fork and at the end
        self.leaving: set[threading.Thread] = set()

    def start(self, jobs: int, context: object = None, stage: int = 0) -> ProcessPoolExecutor:
        """The workers, forked now if there are none (inheriting ``context`` as ``stage``'s)."""
        if self.pool is None:
            self._join_leaving()  # (no threads of ours at the fork)
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_start, initargs=(context, os.getpid(), stage))
            self.pool = pool
            _fork(pool)  # (its threads start here too, so that they are known: see pooled)
            self.threads = {t for t in threading.enumerate() if t is not threading.main_thread()}
            self.pids = sorted(getattr(pool, "_processes", None) or ())  # (a private field: there is no documented way)
            self.inherited = stage
        return self.pool

    def end(self, *, cancel: bool = False) -> None:
        if self.pool is not None:
            pool, self.pool = self.pool, None
            pool.shutdown(wait=True, cancel_futures=cancel)
            self.threads, self.pids = set(), []
        self._join_leaving()

    def release(self) -> None:
        """Let the workers go now, without waiting for them to end (their exit overlaps the caller's work): the
        pool's threads, which reap them, are joined before the next set is forked or by :meth:`end`."""
        if self.pool is not None:
            pool, self.pool = self.pool, None
            pool.shutdown(wait=False)
            self.leaving |= self.threads
            self.threads, self.pids = set(), []

    def _join_leaving(self) -> None:
        while self.leaving:
            self.leaving.pop().join()


#: The build's workers while :func:`shared` is open (None: every stage forks its own pool).
_shared: _Workers | None = None


@contextlib.contextmanager
def shared() -> Iterator[None]:
    """One set of workers at a time for the stages run inside, kept from stage to stage (see the module docstring)
    and ended when the block ends, however it ends (an error, Ctrl-C, SIGTERM as Ctrl-C; a SIGKILL: see
    :func:`_die_with`). Nested: the outer block's workers."""
    global _shared
    if _shared is not None:
        yield
        return
    _shared = workers_ = _Workers()
    try:
        yield
    except BaseException:
        _shared = None
        workers_.end(cancel=True)
        raise
    _shared = None
    workers_.end()


def release() -> None:
    """Say that no stage run on the workers of :func:`shared` follows before the next set is forked (a stage
    without ``share``) or the build ends: they are let go now, and end while this process works on, instead of
    being waited for then with both cores idle (a set's exit: 10-50 ms of wall). Only a hint: a stage that needs
    workers after all forks a new set."""
    if _shared is not None:
        _shared.release()


def shared_pids() -> list[int]:
    """The process ids of the shared workers running now (none: no :func:`shared` block, or no stage forked them)."""
    return list(_shared.pids) if _shared is not None else []


def map_ordered(fn: Callable[[C, T], R], context: C, items: Sequence[T], *,
                progress: Callable[[int], None] | None = None, share: bool = False) -> list[R | Failed]:
    """``[fn(context, item) for item in items]`` on every core; a :class:`MediaError` becomes :class:`Failed`.

    ``fn`` must be a module-level function (it is sent to the workers by name). ``context`` is what
    every call shares (large things such as the cover art): the workers inherit it when they are
    forked, so it is not copied per item; with ``share`` (``context`` can be pickled), the workers of
    :func:`shared` run it, each given ``context`` once. ``progress(done)`` is called in this process, in order.
    """
    return list(imap_ordered(fn, context, items, progress=progress, share=share))


def pooled(count: int) -> bool:
    """Whether :func:`imap_ordered` runs ``count`` items in worker processes (else in the calling process)."""
    own = _shared.threads | _shared.leaving if _shared is not None else set()
    alone = all(t is threading.main_thread() or t in own for t in threading.enumerate())
    if not (workers() >= 2 and count >= MIN_ITEMS and alone):  # forking threads is unsafe (serve)
        return False
    import multiprocessing  # only when a pool may be used: a rebuild that tags one file does not pay for it

    return "fork" in multiprocessing.get_all_start_methods()


def imap_ordered(fn: Callable[[C, T], R], context: C, items: Sequence[T], *,
                 progress: Callable[[int], None] | None = None, chunk: int = 0,
                 share: bool = False, idle: Callable[[], bool] | None = None,
                 release: bool = False) -> Generator[R | Failed, None, None]:
    """:func:`map_ordered`, each result given as soon as it (and every one before it) is there: a caller that
    uses each result and lets it go never holds them all (a big show's tag results are ~100 MB).

    ``chunk``: items sent to a worker at a time (0: chosen here). At most :data:`AHEAD` chunks per worker are
    given out ahead of the caller, so big items (each already a batch) are best sent one at a time.

    ``share``: ``context`` is cheap to pickle, so the workers of :func:`shared` (when open) are sent it; else they
    are forked again, inheriting it (see the module docstring).

    ``idle``: work of the caller's own, done a step at a time while the next result is not there yet (the workers'
    chunks run on): called again while it returns True (more to do) and the result is still not there.

    ``release``: no stage run on the shared workers follows this one before the next set is forked or the build
    ends: they are let go (:func:`release`) as soon as this stage's last chunk is done, while the caller takes its
    results."""
    jobs = workers()
    pool_ok = pooled(len(items))
    if pool_ok and _shared is not None:
        stage = next(_shared.stages)
        if share:
            pool = _shared.start(jobs)
        else:
            _shared.end()  # (no threads of ours at the fork)
            pool = _shared.start(jobs, context, stage)
        yield from _ordered(pool, jobs, fn, context, items, progress, chunk, stage, idle,
                            _shared.release if release else None)
        return
    if not pool_ok:
        for index, item in enumerate(items):
            yield _call(fn, context, item)
            if progress:
                progress(index + 1)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start, initargs=(context, os.getpid())) as pool:
        _fork(pool)
        try:
            yield from _ordered(pool, jobs, fn, context, items, progress, chunk, 0, idle)
        except BaseException:  # Ctrl-C, SIGTERM, an error in the caller: the chunks not started yet are dropped
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _ordered(pool: ProcessPoolExecutor, jobs: int, fn: Callable[[C, T], R], context: C, items: Sequence[T],
             progress: Callable[[int], None] | None, chunk: int, stage: int,
             idle: Callable[[], bool] | None = None,
             done_all: Callable[[], None] | None = None) -> Generator[R | Failed, None, None]:
    """``items`` run by ``pool`` in chunks, results in order. ``stage`` 0: the workers inherited ``context``
    (a pool of this batch), else the shared workers run it as that stage's: sent with each chunk, pickled once
    (a worker forked for the stage inherited it, and unpickles nothing). ``done_all``: called once every chunk
    is done, before the last one's results are given."""
    # Several chunks per worker keep both busy when some files take longer; chunks keep pickling cheap.
    size = chunk or max(1, min(64, len(items) // (jobs * 4)))
    starts = range(0, len(items), size)
    done = 0
    shared_context = b""
    if stage and not (_shared is not None and _shared.inherited == stage):
        import pickle

        shared_context = pickle.dumps(context, pickle.HIGHEST_PROTOCOL)

    def submit(start: int) -> Future[list[R | Failed]]:
        if stage:
            return pool.submit(_shared_chunk, stage, shared_context, fn, items[start:start + size])
        return pool.submit(_chunk, fn, items[start:start + size])

    # At most AHEAD chunks per worker are given out before the caller has taken the first one's results:
    # the results of a long batch never pile up in memory when the caller is slower than the workers.
    waiting: collections.deque[Future[list[R | Failed]]] = collections.deque()
    ahead = iter(starts)
    try:
        for start in itertools.islice(ahead, jobs * AHEAD):
            waiting.append(submit(start))
        while waiting:
            while idle is not None and not waiting[0].done():
                if not idle():
                    idle = None
            result = waiting.popleft().result()
            following = next(ahead, None)
            if following is not None:
                waiting.append(submit(following))
            elif not waiting and done_all is not None:
                done_all()
            yield from result
            done += len(result)
            if progress:
                progress(done)
    finally:  # stopped early (an error, the caller done): this batch's chunks not started yet are dropped
        for future in waiting:
            future.cancel()
