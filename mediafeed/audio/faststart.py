"""An MP4 copied "fast start": its index (``moov``) in front of the media data, as ``ffmpeg -movflags +faststart`` writes.

ffmpeg without that flag, and so many editors' exports, write the index after the media (it is known only once
the media is written): a player must fetch the end of the file before it can play a sample (MED027). The build's
tagged copy of such a file is written with the index first, in one pass and without ffmpeg:

1. :func:`mp4.fast_start_plan <.mp4.fast_start_plan>` checks the file is a plain one (one ``moov`` after the
   media, no fragments, no other absolute offsets: ``saio``, ``iloc``, external data references);
2. the boxes before the first ``mdat`` and the ``moov`` with its chunk offsets (``stco``/``co64``) moved by the
   ``moov``'s size (:func:`mp4.moved_index <.mp4.moved_index>`) are put in memory, where mutagen tags them (its
   save moves the chunk offsets again by what the tags add: they all point after the ``moov`` now);
3. the copy is those bytes, then the media and anything after the old ``moov``, copied by the kernel.

The copy is then verified like every tagged copy (same format, duration, tags and payload digest) and must no
longer read as "index last"; the tagger falls back to a plain copy otherwise. The size is the one the plain copy
would have: the same boxes, in another order.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from . import mp4

#: what ``os.sendfile`` says where it cannot copy between two files (other errors, such as a full disk, are raised)
NO_SENDFILE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSOCK}


def copy(source: Path, target: Path, tag: Callable[[io.BytesIO, int], None]) -> str:
    """Write ``source`` to ``target`` with its index first; ``tag(head, rest)`` tags the in-memory head (the boxes
    before the media and the moved ``moov``), ``rest`` being how many bytes follow it in the copy.

    Returns "" when done, else why the index is not moved (``target`` is then untouched).
    """
    with open(source, "rb") as original:
        size = os.fstat(original.fileno()).st_size
        plan = mp4.fast_start_plan(original, size)
        if isinstance(plan, str):
            return plan
        original.seek(0)
        head = io.BytesIO(original.read(plan.at) + mp4.moved_index(original, plan))
        tag(head, size - (plan.moov.end - plan.moov.start) - plan.at)
        with open(target, "wb") as out:
            out.write(head.getbuffer())
            out.flush()
            send(out, original, plan.at, plan.moov.start)
            send(out, original, plan.moov.end, size)
    return ""


def send(out: BinaryIO, original: BinaryIO, offset: int, end: int) -> None:
    """Append ``original[offset:end]`` to ``out`` (flushed), copied by the kernel (``os.sendfile``) where it can."""
    try:
        while offset < end:
            sent = os.sendfile(out.fileno(), original.fileno(), offset, end - offset)
            if sent == 0:  # the source got shorter meanwhile: verification refuses the copy (TAG002)
                return
            offset += sent
    except OSError as exc:
        if exc.errno not in NO_SENDFILE:
            raise
        original.seek(offset)  # no sendfile between files here (not Linux): copied through a buffer
        left = end - offset
        while left > 0:
            chunk = original.read(min(left, 1 << 20))
            if not chunk:
                return
            out.write(chunk)
            left -= len(chunk)
        out.flush()
