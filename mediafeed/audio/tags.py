"""Reading and writing :class:`Tags` with mutagen, one pair of functions per tag format.

ID3 (MP3) is written as ID3v2.3: it is the version every player, car stereo and
operating system reads (Windows Explorer and many hardware players ignore v2.4),
and it holds everything podcasts use (CHAP/CTOC chapters are defined for v2.3
and v2.4 alike). Text is written as UTF-16 (the only Unicode encoding v2.3 has);
an existing ID3v1 tag at the end is updated, never added.

Only the frames/atoms/comments mediafeed manages are replaced; every other tag
the producer set (encoder, ReplayGain, lyrics…) is kept.
"""

from __future__ import annotations

import base64
import copy
import importlib
import io
import mmap
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, BinaryIO, TypeVar, cast

import mutagen
from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    PCST,
    TALB,
    TCON,
    TDAT,
    TDES,
    TDRC,
    TGID,
    TIT2,
    TPE1,
    TPE2,
    TPOS,
    TRCK,
    TYER,
    WXXX,
    CTOCFlags,
    Encoding,
    Frame,
    Frames,
    Frames_2_2,
    ID3FileType,
    PictureType,
    TextFrame,
)

from . import id3text, qtmeta
from .id3read import QuickID3

try:  # mutagen's ID3v1 reader and writer (what ``save(v1=1)`` writes over an existing ID3v1 tag): not public API
    from mutagen.id3._id3v1 import MakeID3v1, find_id3v1
except ImportError:  # pragma: no cover - depends on the installed mutagen
    MakeID3v1 = find_id3v1 = None  # type: ignore[assignment]
try:  # mutagen's frame serialiser (what ``ID3Tags._write`` uses): not public API either
    from mutagen.id3._tags import save_frame
except ImportError:  # pragma: no cover - depends on the installed mutagen
    save_frame = None  # type: ignore[assignment]
from ..lazypattern import lazy
from .tagset import SEVERAL, SHORT_DESCRIPTION, Cover, TagChapter, Tags


class WFED(TextFrame):
    """iTunes' podcast feed URL frame. iTunes and TagLib write and read it as a text frame (an encoding
    byte, then the URL); mutagen's own WFED is a URL frame without that byte, which they misread."""


#: mutagen's frame classes with WFED read as iTunes writes it, and UTF-16 text read in one step
#: (:mod:`.id3text`); pass to every ID3 load (``load``). Given a table, mutagen uses it for ID3v2.2 tags too
#: (three-letter frame IDs, as old iTunes wrote them), so mutagen's own v2.2 classes are in it, unchanged: it
#: upgrades a v2.2 frame to its v2.3 class through the class's base (``Frame._upgrade_frame``).
KNOWN_FRAMES = {**Frames_2_2, **id3text.frames({**Frames, "WFED": WFED})}

_ID3_TEXT = {"title": "TIT2", "artist": "TPE1", "album_artist": "TPE2", "album": "TALB", "genre": "TCON",
             "description": "TDES", "guid": "TGID"}
_ID3_CLASSES = {"TIT2": TIT2, "TPE1": TPE1, "TPE2": TPE2, "TALB": TALB, "TCON": TCON, "TDES": TDES, "TGID": TGID}
_MP4_TEXT = {"title": "\xa9nam", "artist": "\xa9ART", "album_artist": "aART", "album": "\xa9alb", "date": "\xa9day",
             "genre": "\xa9gen", "comment": "\xa9cmt", "description": "ldes", "guid": "egid", "feed_url": "purl"}
_VORBIS_TEXT = {"title": "TITLE", "artist": "ARTIST", "album_artist": "ALBUMARTIST", "album": "ALBUM",
                "date": "DATE", "genre": "GENRE", "comment": "COMMENT", "description": "PODCASTDESC",
                "guid": "PODCASTID", "feed_url": "PODCASTURL"}
#: other spellings of ALBUMARTIST (the convention mediafeed writes) that taggers use: foobar2000 and Mp3tag write
#: "ALBUM ARTIST", old ffmpeg "album_artist". Read as the album artist too, and removed when it is written, so that a
#: file never carries a stale name under one spelling beside the show's author under another.
_VORBIS_ALBUM_ARTIST_VARIANTS = ("ALBUM ARTIST", "ALBUM_ARTIST")
#: kind → (mutagen's module, its class) that reads and writes it; the module is imported when a file of that kind is
#: opened (a show of MP3s does not import mutagen's MP4, FLAC, Ogg, AAC and WAVE readers: ~15 M instructions)
READERS: dict[str, tuple[str, str]] = {"mp3": ("mutagen.mp3", "MP3"), "mp4": ("mutagen.mp4", "MP4"),
                                       "aac": ("mutagen.aac", "AAC"), "ogg-opus": ("mutagen.oggopus", "OggOpus"),
                                       "ogg-vorbis": ("mutagen.oggvorbis", "OggVorbis"), "flac": ("mutagen.flac", "FLAC"),
                                       "wav": ("mutagen.wave", "WAVE")}


def readers_for(names: Iterable[str]) -> list[str]:
    """The modules of :data:`READERS` that read files of these names (by their extension): what a pool's workers will
    open, imported by the build before it forks them (:func:`parallel.preload`), as when this module imported them all."""
    from .formats import EXTENSIONS

    suffixes = {os.path.splitext(name)[1].lower() for name in names}
    return sorted({READERS[kind][0] for kind, extensions in EXTENSIONS.items() if kind in READERS and extensions & suffixes})


def reader(kind: str) -> type[mutagen.FileType]:
    """The mutagen class for ``kind`` (a key of :data:`READERS`)."""
    module, name = READERS[kind]
    found: type[mutagen.FileType] = getattr(importlib.import_module(module), name)
    return found


def _text(values: list[Any]) -> str | None:
    """A text field's values as :class:`Tags` holds them: one value as it is, several joined by :data:`SEVERAL`
    (never equal to the one value tagging writes, so such a field is replaced), None for none."""
    texts = [value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value) for value in values]
    return SEVERAL.join(texts) if texts else None


def _number(text: object) -> int | None:
    head = str(text).split("/", 1)[0].strip()
    return int(head) if head.isdigit() else None


def _mime_of(data: bytes, fallback: str = "") -> str:
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    return fallback or "application/octet-stream"


#: What mutagen reads a file from: its path, or a file object (``io.BytesIO``, a read-only ``mmap``).
Source = Path | IO[bytes] | mmap.mmap


#: mutagen's frame order (``ID3Tags._write``): these first, in this order, then the rest (by size), then the pictures
#: (as they came); mediafeed puts the chapters, CTOC then each CHAP by its start, between the rest and the pictures.
_ID3_FIRST = {frame_id: index for index, frame_id in enumerate(("TIT2", "TPE1", "TRCK", "TALB", "TPOS", "TDRC", "TCON"))}
_ID3_REST, _ID3_CHAPTERS, _ID3_PICTURES = len(_ID3_FIRST), len(_ID3_FIRST) + 1, len(_ID3_FIRST) + 2


def id3_frame_key(frame_id: str, hash_key: str, size: int, index: int, start: int = 0) -> tuple[int, int, str]:
    """Where a frame goes in the ID3 tags mediafeed writes (its ``size`` in bytes, its ``index`` among the tag's frames,
    a CHAP's ``start`` in milliseconds): the sort key of mutagen's save, but with the CHAP frames in time order.

    mutagen orders the frames it does not rank by size, so the chapters came in the order of their lengths (a
    chapter with a URL or a long title last): ffmpeg (5.1) and the players built on it list the CHAP frames in the
    order they are in the file, and showed chapter 2 first."""
    if frame_id == "CHAP":
        return _ID3_CHAPTERS, start, hash_key
    if frame_id == "CTOC":
        return _ID3_CHAPTERS, -1, hash_key
    if frame_id == "APIC":
        return _ID3_PICTURES, index, hash_key
    return _ID3_FIRST.get(frame_id, _ID3_REST), size, hash_key


class _ChaptersInOrder(QuickID3):
    """mutagen's ID3 tag (read as :class:`.id3read.QuickID3` reads it), saved with its chapters in time order
    (:func:`id3_frame_key`)."""

    def _write(self, config: Any) -> bytearray:
        if save_frame is None:  # pragma: no cover - depends on the installed mutagen
            return cast(bytearray, super()._write(config))
        frames = [(frame, save_frame(frame, config=config)) for frame in self.values()]
        keys = [id3_frame_key(frame.FrameID, frame.HashKey, len(data), index, getattr(frame, "start_time", 0))
                for index, (frame, data) in enumerate(frames)]
        ordered = [data for _, (_, data) in sorted(zip(keys, frames), key=lambda pair: pair[0])]
        if self._unknown_v2_version == config.v2_version:  # (as mutagen: unknown frames only in the version they came in)
            ordered += [data for data in self.unknown_frames if len(data) > 10]
        return bytearray().join(ordered)


class _MP3Tags(ID3FileType):
    """An MP3's ID3 tag alone (no stream info), saved with :class:`_ChaptersInOrder`."""

    ID3 = _ChaptersInOrder


def load(path: Source, kind: str) -> mutagen.FileType:
    """Open a media file with the mutagen class for ``kind``."""
    opener = reader(kind)
    if kind == "mp3":
        return opener(path, known_frames=KNOWN_FRAMES)
    audio = opener(path)
    if kind == "mp4":
        setattr(audio, _KEYS, _metadata_keys(path))
        setattr(audio, _QUICKTIME, _with_handle(path, lambda handle, size: qtmeta.read(handle, size, frozenset(_MP4_KEYED))))
    return audio


#: The attribute of a loaded MP4 holding its keyed metadata's names (``mp4.metadata_keys``): mutagen keeps the items,
#: not the ``keys`` box that names them.
_KEYS = "mediafeed_keys"
#: QuickTime metadata keys (ffmpeg's names, written with ``-movflags use_metadata_tags``, and Apple's) of the fields
#: tagging manages. ffmpeg reads such an item after the iTunes atoms (``©nam``), so it is what ffprobe and
#: ffmpeg-based players show; tagging gives it the new value too.
_MP4_KEYED = {"title": "title", "com.apple.quicktime.title": "title", "artist": "artist",
              "com.apple.quicktime.artist": "artist", "album_artist": "album_artist", "album": "album",
              "com.apple.quicktime.album": "album", "date": "date", "genre": "genre", "com.apple.quicktime.genre": "genre",
              "comment": "comment", "com.apple.quicktime.comment": "comment", "description": "description",
              "com.apple.quicktime.description": "description"}


_T = TypeVar("_T")
#: The attribute of a loaded MP4 holding the texts of its ``moov/meta`` items under managed keys (:mod:`.qtmeta`).
_QUICKTIME = "mediafeed_quicktime"


def _metadata_keys(path: Source) -> dict[str, str]:
    from . import mp4

    return _with_handle(path, mp4.metadata_keys)


def _with_handle(path: Source, read: Callable[[BinaryIO, int], _T]) -> _T:
    """``read(handle, size)`` of a file on disk, in memory or mapped."""
    if isinstance(path, Path):
        with open(path, "rb") as handle:
            return read(handle, os.fstat(handle.fileno()).st_size)
    size = len(path) if isinstance(path, mmap.mmap) else path.seek(0, os.SEEK_END)
    return read(cast(BinaryIO, path), size)


def quicktime_values(audio: mutagen.FileType, wanted: Tags) -> dict[str, str]:
    """The new text of each ``moov/meta`` item under a managed key (:mod:`.qtmeta`): key name → ``wanted``'s value."""
    found: dict[str, list[str]] = getattr(audio, _QUICKTIME, {})
    values = {key: getattr(wanted, _MP4_KEYED[key]) for key in found}
    return {key: str(value) for key, value in values.items() if value is not None}


def _keyed(audio: mutagen.FileType) -> dict[str, str]:
    """Item name → the managed field it holds, for an MP4's keyed metadata (empty for iTunes-style metadata)."""
    names: dict[str, str] = getattr(audio, _KEYS, {})
    return {item: _MP4_KEYED[name.lower()] for item, name in names.items() if name.lower() in _MP4_KEYED}


def load_tags(path: Source, kind: str) -> mutagen.FileType:
    """:func:`load` for reading and writing tags only: an MP3's ID3 tags without its MPEG stream info.

    The tags read, apply and save exactly as :func:`load`'s; ``info`` says nothing (no duration, no
    bitrate), which saves parsing the first frames of the audio when only the tags are wanted.
    """
    if kind == "mp3":
        return _MP3Tags(path, known_frames=KNOWN_FRAMES)
    return load(path, kind)


def read_id3(source: IO[bytes] | mmap.mmap) -> Tags:
    """The tags of an MP3's ID3 tag, read by mutagen's ``ID3`` alone (:class:`.id3read.QuickID3`): what ``read_state(load_tags(source, "mp3"), "mp3")``
    says of a file that has an ID3 tag, without the file-type wrapper around it.

    Raises ``mutagen.id3.ID3NoHeaderError`` (a ``MutagenError`` and a ``ValueError``) when there is no ID3 tag at all.
    """
    return _read_id3(QuickID3(source, known_frames=KNOWN_FRAMES))


def id3v23_date_frames(date: str) -> list[TextFrame]:
    """The ID3v2.3 frames for a date: TYER (``2026``) and TDAT (``3003``, day and month) for ``2026-03-30``.

    ID3v2.3 has no TDRC frame (v2.4 made it of TYER, TDAT and TIME), and mutagen's save writes the frames it is
    given as they are (a v2.3 tag holding TDRC: ffmpeg reads it, players that keep to v2.3 show no year). A date
    those frames cannot hold exactly (``2026-03``, a time) is written as TDRC, which mutagen reads back as it is.
    """
    year, _, rest = date.partition("-")
    if len(year) != 4 or not year.isdigit() or rest and not _MONTH_DAY.fullmatch(rest):
        return [TDRC(encoding=Encoding.LATIN1, text=[date])]
    frames: list[TextFrame] = [TYER(encoding=Encoding.LATIN1, text=[year])]
    if rest:
        month, day = rest.split("-")
        frames.append(TDAT(encoding=Encoding.LATIN1, text=[day + month]))
    return frames


#: the month and day of a date (``03-30``), which an ID3v2.3 TDAT frame holds (as ``3003``)
_MONTH_DAY = lazy(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")


def id3v23_date(tag: bytes) -> str | None:
    """The date players read in an ID3v2.3 tag (``tag``: its bytes, header first): its TYER, TDAT and TIME frames.

    mutagen reads them as one TDRC frame (ID3v2.4's), and where the v2.3 tag also holds a TDRC frame (a tool
    that wrote v2.4 frames into a v2.3 tag) it keeps that one and drops them: v2.3 players (ffmpeg, Windows)
    ignore the TDRC and show the year of TYER. Tagging writes TDRC as TYER and TDAT, so it compares those.
    """
    raw = ID3(io.BytesIO(tag), translate=False, load_v1=False, known_frames=KNOWN_FRAMES)
    old = ID3()
    for frame_id in ("TYER", "TDAT", "TIME"):
        for frame in raw.getall(frame_id):
            old.add(frame)
    old.update_to_v24()  # mutagen's own reading of them (TYER 2026 and TDAT 3003: 2026-03-30)
    frame = old.get("TDRC")
    return _text(frame.text) if frame is not None and frame.text else None


def stale_id3v1(source: IO[bytes] | mmap.mmap, tags: ID3, wanted: Tags) -> bool:
    """Whether an MP3 ends in an ID3v1 tag other than the one tagging with ``wanted`` writes over it.

    mutagen reads an ID3v1 tag only for what the ID3v2 tag lacks, and tagging updates an existing one only when
    it writes: so an ID3v1 tag left saying an old title (a tool that updated the ID3v2 tag alone) was never
    compared, and players that read ID3v1 (car stereos, old devices) kept showing it. ``tags`` is not changed.
    """
    if find_id3v1 is None:
        return False
    try:
        found, offset = find_id3v1(source)
    except (ValueError, OSError):  # shorter than an ID3v1 tag
        return False
    if found is None:
        return False
    made = copy.deepcopy(tags)
    _apply_id3(made, wanted)
    source.seek(offset, 2)
    return bytes(source.read(-offset)) != MakeID3v1(made)


def flac_id3(path: Path) -> tuple[str, int]:
    """The version of the ID3v2 tag in front of a FLAC file and where the FLAC stream starts after it (its ``fLaC``
    marker): ``("", 0)`` without one. mutagen reads past such a tag, and players that read it first show what it says
    (see ``Tags.leading_id3``)."""
    with open(path, "rb") as handle:
        head = handle.read(10)
        if len(head) < 10 or head[:3] != b"ID3" or any(b & 0x80 for b in head[6:10]):
            return "", 0
        start = 10 + ((head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9])
        handle.seek(start)
        return (f"2.{head[3]}", start) if handle.read(4) == b"fLaC" else ("", 0)


def flac_stray_id3(path: Path) -> tuple[str, int, int]:
    """The ID3 tags around a FLAC stream (``Tags.leading_id3``: "2.3" in front, "1" at the end, "2.3+1" both, ""
    none), where the stream starts and where its audio ends: the copy tagging makes is that span alone."""
    from .payload import ID3V1_SIZE, flac_audio_end, flac_blocks

    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        head = handle.read(3)
        handle.seek(max(0, size - ID3V1_SIZE))
        end = size
        if handle.read(3) == b"TAG":  # (most files: no more than these two reads)
            try:
                blocks, frames = flac_blocks(handle)
                end = flac_audio_end(handle, blocks, frames, size)
            except ValueError:  # no stream to speak of: the probe says so (MED004)
                pass
    version, start = flac_id3(path) if head == b"ID3" else ("", 0)
    return "+".join(part for part in (version, "1" if end < size else "") if part), start, end


# -- reading ----------------------------------------------------------------------------------

#: ID3 TXXX descriptions (any case) that hold a comment where a tool wrote none in COMM, in the order they are read:
#: ffmpeg writes ``-metadata comment=…`` as ``TXXX:comment`` and ``-metadata description=…`` as ``TXXX:description``.
_TXXX_COMMENTS = ("comment", "description")


def read_comment(path: Path, kind: str) -> str:
    """The comment a producer's tool left in a file ("" when none), for ``mediafeed add``'s summary.

    What :func:`read_state` reads as ``comment`` (ID3 ``COMM``, MP4 ``©cmt``, Vorbis ``COMMENT``; the first of
    several values) and, where that is empty, where other tools put a comment: MP4 ``desc``, Vorbis ``DESCRIPTION``
    (ffmpeg writes ``-metadata comment=…`` there), ID3 :data:`_TXXX_COMMENTS`. Those stay out of ``Tags.comment``:
    it says what the comment tagging writes holds (``COMM``, ``©cmt``, ``COMMENT``), which tagging compares
    with the summary, so a file holding the summary in ``desc`` alone still gets its ``©cmt``.
    """
    try:
        audio = load_tags(path, kind)
    except (mutagen.MutagenError, OSError):
        return ""
    state = read_state(audio, kind)
    candidates = [state.comment or ""]
    if isinstance(audio.tags, ID3):
        frames = {frame.desc.strip().lower(): frame for frame in reversed(audio.tags.getall("TXXX")) if frame.text}
        candidates += [str(frames[key].text[0]) for key in _TXXX_COMMENTS if key in frames]
    elif kind == "mp4":
        candidates.append(state.short_description or "")
    elif kind in ("flac", "ogg-opus", "ogg-vorbis") and audio.tags is not None:
        candidates.append(_text(audio.tags.get("DESCRIPTION", [])) or "")
    for candidate in candidates:
        text = next((part for part in candidate.split(SEVERAL) if part.strip()), "")
        if text:
            return text
    return ""


def read_state(audio: mutagen.FileType, kind: str) -> Tags:
    """The tags a loaded file holds now, normalised to :class:`Tags`."""
    if kind == "mp3" or (kind in ("wav", "aac") and isinstance(audio.tags, ID3)):
        return _read_id3(audio.tags)
    if kind == "mp4":
        return _read_mp4(audio)
    if kind in ("flac", "ogg-opus", "ogg-vorbis"):
        return _read_vorbis(audio, kind)
    return Tags()


def _read_id3(tags: ID3 | None) -> Tags:
    if tags is None:
        return Tags(id3_version="")
    values: dict[str, Any] = {}
    # every frame by its ID, in the tag's order (what ``tags.getall`` gives, in one pass instead of one per ID)
    found: dict[str, list[Any]] = {}
    for frame in tags.values():
        found.setdefault(frame.FrameID, []).append(frame)
    for name, frame_id in _ID3_TEXT.items():
        frame = found.get(frame_id, [None])[0]
        if frame is not None and frame.text:
            values[name] = _text(frame.text)
    for name, frame_id in (("track", "TRCK"), ("disc", "TPOS")):
        frame = found.get(frame_id, [None])[0]
        if frame is not None and frame.text:
            values[name] = _number(frame.text[0])
    frame = found.get("TDRC", [None])[0]
    if frame is not None and frame.text:
        values["date"] = _text(frame.text)
    # every comment without a description (one per language, each possibly of several values): tagging leaves one
    values["comment"] = _text([text for c in found.get("COMM", ()) if c.desc == "" for text in c.text])
    if found.get("PCST"):
        values["podcast"] = True
    feeds = found.get("WFED", [])
    if feeds:
        frame = feeds[0]
        text = getattr(frame, "text", None) if isinstance(frame, TextFrame) else None
        values["feed_url"] = str(text[0]) if text else str(getattr(frame, "url", ""))
    pictures = found.get("APIC", [])
    if len(pictures) == 1 and pictures[0].type == PictureType.COVER_FRONT:
        values["cover"] = Cover(_mime_of(pictures[0].data, pictures[0].mime), pictures[0].data)
    elif pictures:  # several, or not marked as the front cover: not what mediafeed writes
        first = pictures[0]
        values["cover"] = Cover(f"{len(pictures)} picture(s), first {first.mime} type {int(first.type)}", first.data)
    values["chapters"] = _read_chap(found.get("CHAP", []), found.get("CTOC", []))
    major = tags.version[1] if tags.version[0] == 2 else 0
    values["id3_version"] = f"2.{major}" if tags.version[0] == 2 else "1"
    return Tags(**values)


#: A CHAP frame's sub-frames that tagging writes from the episode's chapter: its title and its link
CHAPTER_MANAGED = frozenset({"TIT2", "WXXX"})


def chapter_extras(chaps: list[Any]) -> dict[int, list[Any]]:
    """The sub-frames of each of an MP3's CHAP frames that tagging does not write (a chapter's image, ``APIC``, as
    Forecast, Hindenburg and Auphonic embed it; a description, ``TIT3``), by the chapter's start in milliseconds: they
    go with the new chapter that starts there (before, rewriting the chapters dropped them, and the producer's
    chapter images went from the master and the published file)."""
    found: dict[int, list[Any]] = {}
    for chap in chaps:
        extras = [sub for sub in chap.sub_frames.values() if sub.FrameID not in CHAPTER_MANAGED]
        if extras:
            found.setdefault(int(chap.start_time), extras)
    return found


def _read_chap(chaps: list[Any], tocs: list[Any]) -> tuple[TagChapter, ...]:  # CHAP and CTOC frames (untyped attributes)
    listed: set[str] = set()
    for toc in tocs:
        listed.update(toc.child_element_ids)
    found = []
    for chap in chaps:
        title = url = ""
        for sub in chap.sub_frames.values():
            if sub.FrameID == "TIT2" and sub.text:
                title = str(sub.text[0])
            elif sub.FrameID == "WXXX" and sub.url:
                url = str(sub.url)
        found.append(TagChapter(start=int(chap.start_time), title=title, end=int(chap.end_time), url=url,
                                toc=chap.element_id in listed))
    return tuple(sorted(found, key=lambda c: (c.start, c.title)))


def _read_mp4(audio: mutagen.FileType) -> Tags:
    tags: Any = audio.tags or {}
    values: dict[str, Any] = {}
    for name, atom in {**_MP4_TEXT, "short_description": "desc"}.items():
        if atom in tags and tags[atom]:
            values[name] = _text(tags[atom])
    for item, name in _keyed(audio).items():  # a keyed item saying otherwise: what players read is two values
        if tags.get(item) and _text(tags[item]) != values.get(name):
            values[name] = _text([*(tags.get(_MP4_TEXT[name]) or []), *tags[item]])
    for key, texts in getattr(audio, _QUICKTIME, {}).items():  # and so is one under moov/meta (QuickTime's place)
        name = _MP4_KEYED[key]
        if texts and _text(texts) != values.get(name):
            values[name] = _text([*(tags.get(_MP4_TEXT[name]) or []), *texts])
    for name, atom in (("track", "trkn"), ("disc", "disk")):
        if atom in tags and tags[atom] and tags[atom][0][0]:
            values[name] = int(tags[atom][0][0])
    if tags.get("pcst"):
        values["podcast"] = bool(tags["pcst"])
    covers = tags.get("covr") or []
    if covers:
        data = bytes(covers[0])
        values["cover"] = Cover(_mime_of(data) if len(covers) == 1 else f"{len(covers)} pictures", data)
    chapters = getattr(audio, "chapters", None)
    values["chapters"] = tuple(TagChapter(start=int(round(c.start * 1000)), title=c.title or "") for c in (chapters or ()))
    return Tags(**values)


def _read_vorbis(audio: mutagen.FileType, kind: str) -> Tags:
    tags = audio.tags
    if tags is None:
        return Tags()
    values: dict[str, Any] = {}
    for name, key in _VORBIS_TEXT.items():  # mutagen matches the keys in any case (TITLE, Title, title)
        if key in tags and tags[key]:
            values[name] = _text(tags[key])
    variants = [value for key in _VORBIS_ALBUM_ARTIST_VARIANTS if key in tags for value in tags[key]]
    if variants:  # several values in all: never equal to the one tagging writes, so the field is rewritten
        values["album_artist"] = _text([*(tags["ALBUMARTIST"] if "ALBUMARTIST" in tags else []), *variants])
    for name, key in (("track", "TRACKNUMBER"), ("disc", "DISCNUMBER")):
        if key in tags and tags[key]:
            values[name] = _number(tags[key][0])
    if "PODCAST" in tags:
        values["podcast"] = str(tags["PODCAST"][0]).strip().lower() in ("1", "true", "yes")
    from mutagen.flac import Picture

    pictures = list(audio.pictures) if kind == "flac" else []
    if kind != "flac":
        for raw in tags.get("METADATA_BLOCK_PICTURE", []):
            try:
                pictures.append(Picture(base64.b64decode(raw)))
            except (ValueError, mutagen.MutagenError):
                continue
    if len(pictures) == 1 and pictures[0].type == PictureType.COVER_FRONT:
        values["cover"] = Cover(_mime_of(pictures[0].data, pictures[0].mime), pictures[0].data)
    elif pictures:
        values["cover"] = Cover(f"{len(pictures)} picture(s), first type {int(pictures[0].type)}", pictures[0].data)
    values["chapters"] = _read_vorbis_chapters(tags)
    return Tags(**values)


def _read_vorbis_chapters(tags: Any) -> tuple[TagChapter, ...]:
    """``CHAPTER001=00:01:30.000``, ``CHAPTER001NAME=…``, ``CHAPTER001URL=…`` (the Matroska/Ogg convention)."""
    found = []
    for number in range(1, 1000):
        key = f"CHAPTER{number:03d}"
        if key not in tags:
            break
        start = _parse_clock(str(tags[key][0]))
        if start is None:
            continue
        name = str(tags[key + "NAME"][0]) if key + "NAME" in tags else ""
        url = str(tags[key + "URL"][0]) if key + "URL" in tags else ""
        found.append(TagChapter(start=start, title=name, url=url))
    return tuple(found)


def _parse_clock(text: str) -> int | None:
    try:
        hours, minutes, seconds = text.strip().split(":")
        return int(round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000))
    except ValueError:
        return None


def _vorbis_clock(ms: int) -> str:
    seconds, ms = divmod(ms, 1000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{ms:03d}"


# -- writing ----------------------------------------------------------------------------------

def apply(audio: mutagen.FileType, kind: str, wanted: Tags) -> None:
    """Set every managed field of ``wanted`` on a loaded file (in memory; the caller saves)."""
    if kind == "mp3":
        if audio.tags is None:
            audio.add_tags()
        _apply_id3(cast(ID3, audio.tags), wanted)
    elif kind == "mp4":
        if audio.tags is None:
            audio.add_tags()
        _apply_mp4(audio.tags, wanted, _keyed(audio))
    elif kind in ("flac", "ogg-opus", "ogg-vorbis"):
        if audio.tags is None:
            audio.add_tags()
        _apply_vorbis(audio, kind, wanted)
    else:
        raise ValueError(f"cannot tag {kind}")


def _apply_id3(tags: ID3, wanted: Tags) -> None:
    for name, frame_id in _ID3_TEXT.items():
        value = getattr(wanted, name)
        if value is not None:
            tags.setall(frame_id, [_ID3_CLASSES[frame_id](encoding=Encoding.UTF8, text=[value])])
    if wanted.track is not None:
        tags.setall("TRCK", [TRCK(encoding=Encoding.LATIN1, text=[str(wanted.track)])])
    if wanted.disc is not None:
        tags.setall("TPOS", [TPOS(encoding=Encoding.LATIN1, text=[str(wanted.disc)])])
    if wanted.date is not None:
        for old in ("TDRC", "TYER", "TDAT", "TIME", "TRDA"):
            tags.delall(old)
        for frame in id3v23_date_frames(wanted.date):
            tags.add(frame)
    if wanted.comment is not None:
        kept = [c for c in tags.getall("COMM") if c.desc != ""]
        tags.setall("COMM", kept + [COMM(encoding=Encoding.UTF8, lang="eng", desc="", text=[wanted.comment])])
    if wanted.podcast is not None:
        tags.setall("PCST", [PCST(value=1)] if wanted.podcast else [])
    if wanted.feed_url is not None:
        tags.delall("WFED")
        tags.add(WFED(encoding=Encoding.LATIN1, text=[wanted.feed_url]))
    if wanted.cover is not None:
        tags.setall("APIC", [APIC(encoding=Encoding.LATIN1, mime=wanted.cover.mime, type=PictureType.COVER_FRONT,
                                  desc="", data=wanted.cover.data)])
    if wanted.chapters is not None:
        extras = chapter_extras(tags.getall("CHAP"))
        tags.delall("CHAP")
        tags.delall("CTOC")
        ids = []
        for index, chapter in enumerate(wanted.chapters):
            element = f"chp{index}"
            # (an untitled silent chapter has no TIT2, as id3write writes it)
            subs: list[Frame] = [TIT2(encoding=Encoding.UTF8, text=[chapter.title])] if chapter.title else []
            if chapter.url:
                subs.append(WXXX(encoding=Encoding.LATIN1, desc="", url=chapter.url))
            subs += extras.get(chapter.start, [])
            tags.add(CHAP(element_id=element, start_time=chapter.start, end_time=chapter.end or chapter.start,
                          start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF, sub_frames=subs))
            if chapter.toc:
                ids.append(element)
        if wanted.chapters:
            tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                          sub_frames=[TIT2(encoding=Encoding.UTF8, text=["Chapters"])]))


def _apply_mp4(tags: Any, wanted: Tags, keyed: dict[str, str]) -> None:
    for name, atom in _MP4_TEXT.items():
        value = getattr(wanted, name)
        if value is not None:
            tags[atom] = [value]
    for item, name in keyed.items():
        value = getattr(wanted, name)
        if value is not None and item in tags:
            tags[item] = [value]
    short = wanted.short_description
    if short is None and wanted.comment is not None:
        short = wanted.comment[:SHORT_DESCRIPTION]
    if short is not None:
        tags["desc"] = [short]  # iTunes' short description
    if wanted.track is not None:
        tags["trkn"] = [(wanted.track, 0)]
    if wanted.disc is not None:
        tags["disk"] = [(wanted.disc, 0)]
    if wanted.podcast is not None:
        tags["pcst"] = wanted.podcast
    if wanted.cover is not None:
        from mutagen.mp4 import MP4Cover

        image = MP4Cover.FORMAT_PNG if wanted.cover.mime == "image/png" else MP4Cover.FORMAT_JPEG
        tags["covr"] = [MP4Cover(wanted.cover.data, imageformat=image)]


def _apply_vorbis(audio: Any, kind: str, wanted: Tags) -> None:
    tags: Any = audio.tags
    for name, key in _VORBIS_TEXT.items():
        value = getattr(wanted, name)
        if value is not None:
            tags[key] = [value]
    if wanted.album_artist is not None:
        for key in _VORBIS_ALBUM_ARTIST_VARIANTS:
            if key in tags:
                del tags[key]
    if wanted.track is not None:
        tags["TRACKNUMBER"] = [str(wanted.track)]
    if wanted.disc is not None:
        tags["DISCNUMBER"] = [str(wanted.disc)]
    if wanted.podcast is not None:
        tags["PODCAST"] = ["1" if wanted.podcast else "0"]
    if wanted.cover is not None:
        from mutagen.flac import Picture

        picture = Picture()
        picture.type = PictureType.COVER_FRONT
        picture.mime = wanted.cover.mime
        picture.desc = ""
        picture.data = wanted.cover.data
        if kind == "flac":
            audio.clear_pictures()
            audio.add_picture(picture)
        else:
            tags["METADATA_BLOCK_PICTURE"] = [base64.b64encode(picture.write()).decode("ascii")]
    if wanted.chapters is not None:
        for key in [k for k in tags.keys() if k.upper().startswith("CHAPTER")]:
            del tags[key]
        for number, chapter in enumerate(wanted.chapters, 1):
            key = f"CHAPTER{number:03d}"
            tags[key] = [_vorbis_clock(chapter.start)]
            tags[key + "NAME"] = [chapter.title]
            if chapter.url:
                tags[key + "URL"] = [chapter.url]
