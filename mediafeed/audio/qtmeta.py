"""QuickTime's keyed metadata directly under ``moov`` (``moov/meta``, handler ``mdta``), which mutagen neither reads
nor writes.

Apple's apps (Voice Memos, QuickTime Player, Final Cut, an iPhone's camera) put their metadata in a ``meta`` box
right under ``moov``: a ``hdlr`` of type ``mdta``, a ``keys`` box naming each item (``com.apple.quicktime.title``)
and an ``ilst`` whose items are named by the key's 1-based index. mutagen reads and writes ``moov/udta/meta/ilst``
only, so tagging wrote the new title there and ffmpeg, which reads both, kept showing the producer's old title from
``moov/meta`` (ffprobe, VLC, ffmpeg-based players). Keyed metadata under ``moov/udta/meta`` is mutagen's own ilst:
see ``tags._keyed``.

Here the items under a key that names a managed field are read, and given the new text in a tagged copy: the new
``moov/meta`` takes its place, and the padding mutagen leaves after its ``ilst`` (a ``free`` box) gives or takes
the difference, so ``moov`` keeps its size and no chunk offset moves. The box is a full box (version and flags,
as ISO's) in some files and not in QuickTime's own: both are read.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from . import mp4

#: A ``data`` box's type for UTF-8 text (QuickTime's well-known types).
_UTF8 = 1


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int, int]]:
    """(name, start, body, end) of the boxes of ``data[start:end]``; stops at one that does not fit."""
    pos = start
    while pos + 8 <= end:
        size, name = struct.unpack(">I4s", data[pos:pos + 8])
        body = pos + 8
        if size == 1 and pos + 16 <= end:
            size, body = struct.unpack(">Q", data[pos + 8:pos + 16])[0], pos + 16
        elif size == 0:
            size = end - pos
        if size < body - pos or pos + size > end:
            return
        yield name, pos, body, pos + size
        pos += size


def _children(data: bytes, body: int, end: int) -> int:
    """Where a ``meta`` box's children start: after its version and flags when it is a full box (ISO), else at once."""
    return body + 4 if data[body:body + 4] == b"\0\0\0\0" else body


def _find(data: bytes, start: int, end: int, name: bytes) -> tuple[bytes, int, int, int] | None:
    return next((box for box in _boxes(data, start, end) if box[0] == name), None)


def _keys(data: bytes, start: int, end: int) -> dict[int, str]:
    keys = _find(data, start, end, b"keys")
    if keys is None:
        return {}
    body, stop = keys[2] + 8, keys[3]  # after version, flags and the count
    found, index = {}, 1
    for _, _, key_body, key_end in _boxes(data, body, stop):  # each key: size, namespace ('mdta'), name
        found[index] = data[key_body:key_end].decode("utf-8", "replace")
        index += 1
    return found


def _meta(moov: bytes) -> tuple[int, int, int] | None:
    """(start, children, end) of the ``moov/meta`` box of a ``moov`` box's bytes, or None."""
    found = _find(moov, 8, len(moov), b"meta")
    if found is None:
        return None
    _, start, body, end = found
    return start, _children(moov, body, end), end


def read(handle: BinaryIO, size: int, wanted: frozenset[str]) -> dict[str, list[str]]:
    """The texts of ``moov/meta``'s items whose key's name (lower case) is in ``wanted``, by that name. Only that box
    is read (``moov`` holds the sample tables too: hundreds of KB for an hour of AAC), on every load of an MP4."""
    for top in mp4.boxes(handle, 0, size):
        if top.name != b"moov":
            continue
        for box in mp4.boxes(handle, top.body, top.end):
            if box.name == b"meta":
                handle.seek(box.start)
                meta = handle.read(box.end - box.start)
                return _items(meta, box.body - box.start, len(meta), wanted)
        return {}
    return {}


def _items(data: bytes, body: int, end: int, wanted: frozenset[str]) -> dict[str, list[str]]:
    children = _children(data, body, end)
    keys = _keys(data, children, end)
    ilst = _find(data, children, end, b"ilst")
    found: dict[str, list[str]] = {}
    if ilst is None:
        return found
    for name, _, item_body, stop in _boxes(data, ilst[2], ilst[3]):
        key = keys.get(int.from_bytes(name, "big"), "").lower()
        if key not in wanted:
            continue
        for data_name, _, data_body, data_end in _boxes(data, item_body, stop):
            if data_name == b"data" and data_end - data_body >= 8:
                kind = int.from_bytes(data[data_body:data_body + 4], "big") & 0xFFFFFF
                raw = data[data_body + 8:data_end]
                found.setdefault(key, []).append(raw.decode("utf-16-be" if kind == 2 else "utf-8", "replace"))
    return found


def _new_meta(moov: bytes, values: dict[str, str]) -> tuple[int, int, bytes] | None:
    """``moov/meta`` with its items under the keys ``values`` names holding the new text: (start, end, new box), or
    None when it has no such item or each already says it."""
    meta = _meta(moov)
    if meta is None:
        return None
    start, children, end = meta
    keys = _keys(moov, children, end)
    ilst = _find(moov, children, end, b"ilst")
    if ilst is None:
        return None
    out, changed = b"", False
    for name, item_start, _, item_end in _boxes(moov, ilst[2], ilst[3]):
        value = values.get(keys.get(int.from_bytes(name, "big"), "").lower())
        if value is None:
            out += moov[item_start:item_end]
            continue
        data = struct.pack(">II", _UTF8, 0) + value.encode("utf-8")
        item = struct.pack(">I4s", 8 + 8 + len(data), name) + struct.pack(">I4s", 8 + len(data), b"data") + data
        changed |= item != moov[item_start:item_end]
        out += item
    if not changed:
        return None
    new_ilst = struct.pack(">I4s", 8 + len(out), b"ilst") + out
    body = moov[start + 8:ilst[1]] + new_ilst + moov[ilst[3]:end]
    if moov[start:start + 4] == b"\0\0\0\1":
        raise ValueError("a 64-bit moov/meta box")  # (no writer makes one: a few KB of text)
    return start, end, struct.pack(">I4s", 8 + len(body), b"meta") + body


def growth(handle: BinaryIO, size: int, values: dict[str, str]) -> int:
    """How many bytes :func:`rewrite` will take from the padding (negative: give back) for ``values``."""
    moov = _moov(handle, size)
    new = _new_meta(moov[1], values) if moov else None
    return 0 if new is None else len(new[2]) - (new[1] - new[0])


def rewrite(handle: BinaryIO, size: int, values: dict[str, str]) -> None:
    """Give ``moov/meta``'s items under the keys ``values`` names (lower case) their new text, in place: the
    ``free`` box after ``moov/udta/meta/ilst`` (mutagen's padding) takes the difference, so ``moov`` keeps its
    size. ValueError when the padding is too small (the caller's padding makes room: see :func:`growth`)."""
    found = _moov(handle, size)
    if found is None:
        return
    at, moov = found
    new = _new_meta(moov, values)
    if new is None:
        return
    start, end, box = new
    delta = len(box) - (end - start)
    udta = _find(moov, 8, len(moov), b"udta")
    meta = _find(moov, udta[2], udta[3], b"meta") if udta else None
    free = _find(moov, _children(moov, meta[2], meta[3]), meta[3], b"free") if meta else None
    if udta is None or meta is None or free is None or free[3] - free[2] < delta:
        raise ValueError("no room in the padding for QuickTime's moov/meta")
    shrunk = struct.pack(">I4s", free[3] - free[1] - delta, b"free") + bytes(free[3] - free[2] - delta)
    sizes = {udta[1]: udta[3] - udta[1] - delta, meta[1]: meta[3] - meta[1] - delta}
    parts = sorted([(start, end, box), (free[1], free[3], shrunk)])
    out, pos = b"", 0
    for part_start, part_end, part in parts:
        out += _resized(moov, pos, part_start, sizes) + part
        pos = part_end
    out += _resized(moov, pos, len(moov), sizes)
    assert len(out) == len(moov)
    handle.seek(at)
    handle.write(out)


def _resized(moov: bytes, start: int, end: int, sizes: dict[int, int]) -> bytes:
    """``moov[start:end]`` with the sizes of the boxes that start in it and are in ``sizes`` set anew."""
    chunk = bytearray(moov[start:end])
    for offset, size in sizes.items():
        if start <= offset < end:
            chunk[offset - start:offset - start + 4] = size.to_bytes(4, "big")
    return bytes(chunk)


def _moov(handle: BinaryIO, size: int) -> tuple[int, bytes] | None:
    """Where the ``moov`` box starts, and its bytes (the index and tags: a few hundred KB at most)."""
    for box in mp4.boxes(handle, 0, size):
        if box.name == b"moov":
            if box.body != box.start + 8:
                return None  # a 64-bit moov: not written by any tool that writes moov/meta
            handle.seek(box.start)
            return box.start, handle.read(box.end - box.start)
    return None
