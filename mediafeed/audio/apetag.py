"""An MP3's APEv2 tag at the end (foobar2000, mp3gain, old Winamp plug-ins write one), kept in step with the ID3 tag.

Players that read APEv2 before ID3v2 (foobar2000, and taggers that prefer it) show what it says: a title left there
by an earlier tagger stays on screen after mediafeed wrote the episode's into the ID3 tag. The tag is not removed:
mp3gain keeps its ReplayGain figures and its undo record in it (``MP3GAIN_UNDO``), which the producer may need.
Its items that name a field mediafeed manages (:data:`ITEMS`, the APEv2 spec's standard keys, matched in any case as
the spec says) are given the wanted value; items it does not hold are not added (as an ID3v1 tag is updated, never
added), and every other item is kept. The tag sits after the audio, before any Lyrics3 block and ID3v1 tag
(:func:`mpeg.trailer_start`), outside the audio payload the tagger verifies, which stays byte for byte the same.
"""

from __future__ import annotations

import io
import mmap

from mutagen.apev2 import TEXT, APEv2

from .mpeg import ape_span
from .tagset import Tags

#: APEv2 item keys (the spec's standard ones; any case) for each field mediafeed writes, and the text they get.
ITEMS = {"title": ("Title",), "artist": ("Artist",), "album_artist": ("Album Artist", "AlbumArtist"), "album": ("Album",),
         "track": ("Track",), "disc": ("Disc",), "date": ("Year",), "genre": ("Genre",), "comment": ("Comment",)}


def span(data: bytes | mmap.mmap) -> tuple[int, int]:
    """Where the APEv2 tag at the end of an MP3 starts and ends (its header, if any, to its footer), or ``(0, 0)``."""
    start, end = ape_span(data)
    return (start, end) if 0 <= start < end else (0, 0)


def update(data: bytes | mmap.mmap, wanted: Tags) -> tuple[int, int, bytes] | None:
    """The APEv2 tag of ``data`` with its managed items saying what ``wanted`` says: ``(start, end, new tag)`` to put
    in place of ``data[start:end]``, or None when there is no such tag or it says nothing else."""
    start, end = span(data)
    if start == end:
        return None
    try:
        tag = APEv2(io.BytesIO(bytes(32) + bytes(data[start:end])))  # (mutagen looks 32 bytes before a tag's header)
    except Exception:  # noqa: BLE001 - mutagen raises its own errors, struct's and Unicode's: a tag it cannot read is left
        return None
    changed = False
    for name, keys in ITEMS.items():
        value = getattr(wanted, name)
        if value is None:
            continue
        text = str(value)
        for key in keys:
            found = next((k for k in tag.keys() if k.lower() == key.lower()), None)  # as the file spells it
            if found is not None and (tag[found].kind != TEXT or str(tag[found]) != text):  # several values: "A\0B"
                tag[found] = text
                changed = True
    if not changed:
        return None
    out = io.BytesIO()
    tag.save(out)
    return start, end, out.getvalue()


def holds(data: bytes | mmap.mmap, wanted: Tags) -> bool:
    """Whether the APEv2 tag at the end of ``data`` (if any) says what ``wanted`` says (a tagged copy's read-back)."""
    return update(data, wanted) is None
