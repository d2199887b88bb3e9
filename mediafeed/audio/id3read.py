"""mutagen's ID3 tag, read with less copying: the same frames, read by the same frame classes.

A tagged copy's ID3v2.3 tag is parsed twice per episode in a cold build (the probe reads the master's, tagging
verifies the copy's), and once more per episode for a master already tagged. Two parts of mutagen's read cost
more than they need for a podcast's tag (a dozen frames, a 60 KB cover, 8-16 KB of padding):

* ``read_frames`` walks the frames by slicing the rest of the tag after each one (``data = data[10 + size:]``):
  a dozen frames before the cover (mutagen writes pictures last) copy the cover and the padding a dozen times,
  about 1 MB per read of an 80 KB tag. :meth:`QuickID3._read` walks them by offset instead, for ID3v2.3 and v2.4
  tags without unsynchronisation (what mediafeed writes and most tools write); every frame is still made by
  mutagen's frame class from the same bytes (``Frame._fromData``), with mutagen's own rules for what is skipped
  (empty frames, frame IDs that are not ASCII), kept as unknown (``unknown_frames``) or dropped as junk. Other
  tags (ID3v2.2, unsynchronised v2.3) go to mutagen's ``read_frames`` as they are.
* The tag is a ``DictMixin`` over a ``DictProxy``: every ``key in tags``, ``tags.values()`` or ``tags.getall``
  goes through ``__getitem__`` one key at a time (a miss raising ``KeyError`` inside ``__contains__``), some
  seventy calls per read (``update_to_v24`` looks for a dozen frame IDs). mutagen's docstring invites it:
  "I recommend you override some of these functions if speed is required". :class:`QuickID3` keeps its frames
  in a plain dict and answers those from it; the dict behaves as before (insertion order, ``TypeError`` for a
  value that is no frame), so a save writes the same bytes.

* A picture (``APIC``) is read by mutagen's specs one field at a time, each returning the rest of the frame as a new
  bytes object (``ByteSpec``: ``bytearray(data)[0], data[1:]``; the MIME type by ``split``; the description by a
  slice): the 60 KB cover was copied seven times per read. :func:`_picture` lets the same specs read the frame's
  first :data:`PICTURE_HEAD` bytes (its encoding, MIME type, picture type and description) and takes the picture
  data from where they end, one slice; where those fields do not end inside the head (a description longer than
  it, a frame with flags), mutagen reads the whole frame as before.

Nothing of mutagen's is modified: the class is a subclass, used where mediafeed reads MP3 tags
(``tags.load_tags``, ``tags.read_id3``). tests/test_id3read.py reads every MP3 of the test data both ways and
compares the frames, the unknown frames and the padding.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import Any

from mutagen.id3 import APIC, ID3, Frame

#: the mutagen releases whose frame walk :func:`walk_frames` repeats (tests/test_id3read.py compares the two readings);
#: under any other, QuickID3 reads the frames with mutagen's own walk (its plain dict is kept)
WALKS_LIKE = ((1, 47), (1, 48))

try:  # mutagen's own frame walk and helpers (private names: without them, mutagen's read is used as it is)
    from mutagen import version as _mutagen_version
    from mutagen.id3._frames import Frames_2_2
    from mutagen.id3._tags import ID3Header, determine_bpi, read_frames
    from mutagen.id3._util import ID3JunkFrameError, is_valid_frame_id
except ImportError:  # pragma: no cover - depends on the installed mutagen
    read_frames = None  # type: ignore[assignment]
    _mutagen_version = (0, 0, 0)
#: whether this mutagen is one of WALKS_LIKE (else its own walk reads the frames: a later release may change it)
QUICK_WALK = read_frames is not None and tuple(_mutagen_version[:2]) in WALKS_LIKE

_FRAME_HEADER = struct.Struct(">4sLH")  #: a v2.3/v2.4 frame header: ID, size, flags (as mutagen unpacks it)
#: the bytes of a picture frame its specs read before the picture data (see :func:`_picture`): the encoding, MIME
#: type, picture type and description of any picture a tool writes ("image/jpeg", "Cover (front)")
PICTURE_HEAD = 512


def walk_frames(header: Any, data: bytes, frames: dict[str, type[Frame]]) -> tuple[list[Frame], list[bytes], bytes]:
    """``read_frames(header, data, frames)`` of mutagen (1.47-1.48), walking the frames by offset: the same frames,
    unknown frames and rest (the padding), without a copy of the rest of the tag after every frame."""
    if header.version < ID3Header._V23 or (header.f_unsynch and header.version < ID3Header._V24):
        return read_frames(header, data, frames)  # type: ignore[no-any-return]  # v2.2, or unsynchronised: mutagen's own
    bpi = int if header.version < ID3Header._V24 else determine_bpi(data, frames)
    result: list[Frame] = []
    unknown: list[bytes] = []
    pos, end, unpack = 0, len(data), _FRAME_HEADER.unpack_from
    while end - pos >= 10:  # (mutagen: a header it cannot unpack ends the walk)
        name, size, flags = unpack(data, pos)
        if name.strip(b"\x00") == b"":
            break  # the padding
        size = bpi(size)
        start, pos = pos, pos + 10 + size
        if size == 0:
            continue  # empty frames are dropped
        try:
            frame_id = name.decode("ascii")
        except UnicodeDecodeError:
            continue
        try:
            if frame_id[-1] == "\x00":  # someone writes 2.3 frames with 2.2 names
                frame_id = Frames_2_2[frame_id[:-1]].__base__.__name__  # type: ignore[union-attr]  # (mutagen's own line)
            cls = frames[frame_id]
        except KeyError:
            if is_valid_frame_id(frame_id):
                unknown.append(data[start:pos])
        else:
            try:
                if not flags and issubclass(cls, APIC) and not header.f_unsynch and min(pos, end) - start - 10 > PICTURE_HEAD:
                    result.append(_picture(cls, header, data, start + 10, min(pos, end)))
                else:
                    result.append(cls._fromData(header, flags, data[start + 10:pos]))
            except NotImplementedError:
                unknown.append(data[start:pos])
            except ID3JunkFrameError:
                pass
    return result, unknown, data[pos:] if pos < end else b""


def _picture(cls: type[Frame], header: Any, data: bytes, start: int, stop: int) -> Frame:
    """``cls._fromData(header, 0, data[start:stop])`` for a picture (``APIC``) frame without flags, longer than :data:`PICTURE_HEAD`: its
    picture data sliced once: the specs read the head, and the rest of the frame from where they stopped is the data.

    The head's fields are the whole frame's when the specs leave some of the head unread: every field before the
    data ends at a terminator (a NUL after the MIME type and the description) or is one byte, and a spec that found
    its terminator read the same bytes either way. Where they read it all (no terminator inside the head, or only
    zeros after it, which ID3v2.3's reading drops) or refuse it, the whole frame is read by mutagen as before."""
    head = data[start:start + PICTURE_HEAD]
    try:
        frame = cls._fromData(header, 0, head)
    except Exception:  # noqa: BLE001 - a head the specs refuse: the whole frame is read (and refused) as before
        frame = None
    if frame is None or not frame.data:
        return cls._fromData(header, 0, data[start:stop])  # type: ignore[no-any-return]
    frame._setattr("data", data[start + len(head) - len(frame.data):stop])
    return frame


class QuickID3(ID3):
    """mutagen's ``ID3``, its frames in a plain dict and walked by offset (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._frames: dict[str, Frame] = {}  # before mutagen's __init__, which loads the tag
        super().__init__(*args, **kwargs)

    def _read(self, header: Any, data: bytes) -> bytes:
        if not QUICK_WALK:  # pragma: no cover - depends on the installed mutagen
            return super()._read(header, data)  # type: ignore[no-any-return]
        frames, unknown, rest = walk_frames(header, data, header.known_frames)
        for frame in frames:
            self._add(frame, False)
        self.unknown_frames = unknown
        self._unknown_v2_version = header.version[1]
        return rest

    # the dict (DictProxy's four methods and DictMixin's that would call them key by key)
    def __getitem__(self, key: str) -> Frame:
        return self._frames[key]

    def __setitem__(self, key: str, tag: Frame) -> None:
        if not isinstance(tag, Frame):
            raise TypeError(f"{tag!r} not a Frame instance")
        self._frames[key] = tag

    def __delitem__(self, key: str) -> None:
        del self._frames[key]

    def __contains__(self, key: object) -> bool:
        return key in self._frames

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)

    def keys(self) -> Any:
        return self._frames.keys()

    def values(self) -> list[Frame]:
        return list(self._frames.values())

    def items(self) -> list[tuple[str, Frame]]:
        return list(self._frames.items())

    def get(self, key: str, default: Any = None) -> Any:
        return self._frames.get(key, default)

    def pop(self, key: str, *default: Any) -> Any:
        return self._frames.pop(key, *default)

    def getall(self, key: str) -> list[Frame]:
        frames = self._frames
        if key in frames:
            return [frames[key]]
        key += ":"
        return [frame for hash_key, frame in frames.items() if hash_key.startswith(key)]
