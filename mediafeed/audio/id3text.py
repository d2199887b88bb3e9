"""ID3 text frames that read UTF-16 text in one step instead of one byte at a time.

mutagen finds the end of a UTF-16 string by feeding an incremental decoder one
byte after another (``mutagen._util.decode_terminated``, its "slow path"). A
podcast's ID3v2.3 tag holds the show notes as UTF-16 (TDES and COMM: several
thousand characters), so each read of a tagged file made tens of thousands of
codec calls: about 35 ms per file, most of a cold build's time.

:func:`frames` returns mutagen's frame classes with every ``EncodedTextSpec``
swapped for :class:`FastTextSpec`, which finds the terminator (two zero bytes at
an even offset) with ``bytes.find`` and decodes the string at once. It reads the
same values and raises on the same malformed input; anything it is not sure of
goes to mutagen's own code. The classes are subclasses with the same names, so
``isinstance`` and frame IDs are unchanged; nothing of mutagen's is modified
(the table is passed to each load as ``known_frames``).

Every class in the table also skips a step of mutagen's that reads nothing: a frame
read from a file is made as ``cls()``, which sets each field to its default through
validation, and then ``_readData`` sets every one of them from the frame's bytes
(or the frame is dropped as junk). :func:`_made_to_be_read` leaves a frame made
without arguments empty for ``_readData`` to fill (a fifth of a tag's parse).
"""

from __future__ import annotations

import codecs
import copy

from mutagen._util import decode_terminated
from mutagen.id3 import Frame
from mutagen.id3._specs import EncodedTextSpec, MultiSpec, Spec, SpecError, iter_text_fixups

_UTF16 = {"utf-16", "utf-16-be"}
_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_until_zero(data: bytes, encoding: str) -> tuple[str, bytes]:
    """``decode_terminated(data, encoding, strict=False)``, without its byte-by-byte UTF-16 loop."""
    name = codecs.lookup(encoding).name
    if name not in _UTF16 or (name == "utf-16" and data[:2] not in _BOMS):
        # mutagen's fast path already (Latin-1, UTF-8), or UTF-16 without a BOM, which its decoder refuses at once
        return decode_terminated(data, encoding, strict=False)
    index = data.find(b"\x00\x00")
    while index != -1 and index % 2:
        index = data.find(b"\x00\x00", index + 1)
    if index == -1:
        if len(data) % 2:  # a dangling byte: let mutagen raise exactly as it does
            return decode_terminated(data, encoding, strict=False)
        return data.decode(name), b""
    return data[:index].decode(name), data[index + 2:]


class FastTextSpec(EncodedTextSpec):
    """mutagen's ``EncodedTextSpec`` with :func:`decode_until_zero` (same fix-ups, same errors)."""

    def read(self, header, frame, data):  # type: ignore[no-untyped-def]
        enc, _ = self._encodings[frame.encoding]
        err: Exception | None = None
        for attempt in iter_text_fixups(data, frame.encoding):
            try:
                value, rest = decode_until_zero(attempt, enc)
            except ValueError as exc:
                err = exc
            else:
                if header.version < header._V24 and not rest.strip(b"\x00"):
                    rest = b""
                return value, rest
        raise SpecError(err)


def _fast(spec: Spec) -> Spec:
    if type(spec) is EncodedTextSpec:
        fast = copy.copy(spec)
        fast.__class__ = FastTextSpec
        return fast
    if type(spec) is MultiSpec:
        multi = copy.copy(spec)
        multi.specs = tuple(_fast(s) for s in spec.specs)
        return multi
    return spec


def _specs(specs: list[Spec]) -> tuple[list[Spec], bool]:
    swapped = [_fast(s) for s in specs]
    return swapped, any(a is not b for a, b in zip(swapped, specs, strict=True))


def _made_to_be_read(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """``Frame.__init__``, except that ``cls()`` leaves the frame empty: mutagen makes a frame it reads so
    (``Frame._fromData``), and ``_readData`` then sets every field of ``_framespec`` from the bytes, and
    of ``_optionalspec`` those present (no default is set for those either), or raises."""
    if args or kwargs:
        Frame.__init__(self, *args, **kwargs)


def frames(known: dict[str, type[Frame]]) -> dict[str, type[Frame]]:
    """``known`` with each frame class replaced by a subclass that reads faster (see the module docstring)."""
    out: dict[str, type[Frame]] = {}
    for frame_id, cls in known.items():
        body = {"__init__": _made_to_be_read, "__module__": cls.__module__, "__doc__": cls.__doc__}
        framespec, changed = _specs(list(getattr(cls, "_framespec", [])))
        optional, changed_optional = _specs(list(getattr(cls, "_optionalspec", [])))
        if changed or changed_optional:
            body.update(_framespec=framespec, _optionalspec=optional)
        out[frame_id] = type(cls.__name__, (cls,), body)
    return out

