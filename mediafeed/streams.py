"""Streamed files: a big file (a feed, the size of the whole back catalogue) written from chunks.

:func:`place_stream` compares the chunks with the file already there as they go and replaces it only when its
bytes differ. A :class:`Piece` is a part that may already be in the old file: where the last build's record of
that file (:data:`StreamRecord`) says where, it is copied from there in the kernel, not made again. The old
file is closed in the background (:func:`settle` waits).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .atomicfiles import fill, make_folders, temp_file, umask_strips_644


class Piece:
    """A part of a streamed file that may already be in the file it replaces: ``key`` names its bytes (equal
    keys, equal bytes: a feed item's key is its episode's input key). ``data`` is the bytes, or None when the
    caller was told (:meth:`output.Writer.pieces`) that the file on disk holds them; ``fetch`` makes them then if that
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
#: its pieces is in it: key → (offset, length). See :meth:`output.Writer.pieces`.
StreamRecord = tuple[tuple[int, int, int, int], dict[str, tuple[int, int]]]


def identity(st: os.stat_result) -> tuple[int, int, int, int]:
    """What tells that a file is still the one written: no tool rewrites a file keeping its ctime."""
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def resolved(chunks: Iterable[bytes | Piece]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk if type(chunk) is bytes else chunk.bytes()  # type: ignore[union-attr]


#: a streamed file's bytes are written in writes of about this size
_WRITE = 1 << 20
#: bytes between two pieces copied from the old file (a separator) that are there too join the copy
_JOIN = 64


def place_stream(chunks: Iterable[bytes | Piece], target: Path, durable: bool = False,
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
            fill(fd, b"".join(part if type(part) is bytes else part.bytes() for part in run), mode=False)  # type: ignore[union-attr]
            same = False
        run.clear()

    fd, tmp = temp_file(os.fspath(target))
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
                                fill(fd, b"".join(pending), mode=False)
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
                    fill(fd, b"".join(pending), mode=False)
                    pending, waiting = [], 0
            if copying:
                copy_run()
            if pending:
                fill(fd, b"".join(pending), mode=False)
            same = same and os.fstat(old).st_size == size
            if not same:
                if durable:
                    os.fsync(fd)
                if umask_strips_644():
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
            fill(dst, data, mode=False)
            copied = len(data)
        elif copied == 0:
            return False
        offset += copied
        length -= copied
    return True
