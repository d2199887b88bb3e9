"""Media files: probe what they really are (the only module that imports mutagen).

``probe`` sniffs the format from the file's first bytes (never the extension),
reads it with the matching mutagen class and returns a :class:`Media`. Every
failure is a :class:`MediaError` naming the file, the format found and what is
supported.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import mutagen
from mutagen.flac import FLAC
from mutagen.mp3 import MP3, BitrateMode
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from .errors import MediaError, error
from .model import Chapter, Media

SUPPORTED = "MP3, M4A/M4B/AAC, MP4/M4V/MOV video, Ogg Opus, Ogg Vorbis, FLAC, WAV"
#: Formats Apple Podcasts and Spotify accept as an enclosure.
APP_FORMATS = {"mp3", "mp4"}
MIME = {
    "mp3": "audio/mpeg",
    "ogg-opus": "audio/ogg",
    "ogg-vorbis": "audio/ogg",
    "flac": "audio/flac",
    "wav": "audio/wav",
}
VIDEO_MIME = {".mov": "video/quicktime", ".m4v": "video/x-m4v"}
EXTENSIONS = {
    "mp3": {".mp3"},
    "mp4": {".m4a", ".m4b", ".mp4", ".m4v", ".mov", ".aac"},
    "ogg-opus": {".opus", ".ogg", ".oga"},
    "ogg-vorbis": {".ogg", ".oga"},
    "flac": {".flac"},
    "wav": {".wav"},
}


def sniff(head: bytes) -> str:
    """The container named by a file's first bytes, or "" when unknown."""
    if head.startswith(b"ID3"):
        return "mp3"
    if len(head) >= 12 and head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free"):
        return "mp4"
    if head.startswith(b"OggS"):
        if b"OpusHead" in head[:200]:
            return "ogg-opus"
        if b"\x01vorbis" in head[:200]:
            return "ogg-vorbis"
        return "ogg"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] & 0x06) != 0:
        return "mp3"  # an MPEG audio frame without an ID3 tag
    return ""


def describe(head: bytes) -> str:
    """A few words on what a non-media file looks like, for error messages."""
    signatures = [(b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                  (b"PK\x03\x04", "a ZIP archive"), (b"<", "text or HTML"), (b"{", "JSON or text"),
                  (b"GIF8", "a GIF image")]
    for magic, name in signatures:
        if head.lstrip()[:len(magic)] == magic:
            return name
    if head and all(32 <= b < 127 or b in (9, 10, 13) for b in head[:64]):
        return "plain text"
    return "an unknown format"


def probe(path: Path, rel: str) -> Media:
    """Probe one media file. ``rel`` is how messages name it."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise MediaError(error("MED001", rel, f"cannot read the media file: {exc.strerror}", field="audio")) from None
    if size == 0:
        raise MediaError(error("MED002", rel, "the media file is empty (0 bytes)", field="audio",
                               hint="export the episode again; the copy was probably interrupted"))
    kind = sniff(head)
    if not kind or kind == "ogg":
        found = "an Ogg stream that is neither Opus nor Vorbis" if kind == "ogg" else describe(head)
        raise MediaError(error("MED003", rel, f"not a supported media file: its content looks like {found}", field="audio",
                               hint=f"supported: {SUPPORTED}"))
    ext = os.path.splitext(rel)[1].lower()
    try:
        media = _read(path, rel, kind, size, ext)
    except MediaError:
        raise
    except (mutagen.MutagenError, struct.error, ValueError, EOFError, IndexError, KeyError, OverflowError) as exc:
        raise MediaError(error("MED004", rel, f"the {_name(kind)} file is truncated or corrupt ({exc})", field="audio",
                               hint="export it again from your editor; check it plays to the end")) from None
    if ext not in EXTENSIONS[kind]:
        raise MediaError(error("MED005", rel, f"the file's content is {_name(kind)}, but its name ends in {ext or 'nothing'}",
                               field="audio", hint=f"rename it to end in {sorted(EXTENSIONS[kind])[0]} (a new file name also keeps apps happy)"))
    return media


def _name(kind: str) -> str:
    return {"mp3": "MP3", "mp4": "MP4/M4A", "ogg-opus": "Ogg Opus", "ogg-vorbis": "Ogg Vorbis", "flac": "FLAC", "wav": "WAV"}.get(kind, kind)


def _read(path: Path, rel: str, kind: str, size: int, ext: str) -> Media:
    reader = {"mp3": MP3, "mp4": MP4, "ogg-opus": OggOpus, "ogg-vorbis": OggVorbis, "flac": FLAC, "wav": WAVE}[kind]
    audio = reader(path)
    info = audio.info
    duration = float(getattr(info, "length", 0.0) or 0.0)
    if duration <= 0:
        raise MediaError(error("MED006", rel, f"the {_name(kind)} file has no playable audio (duration 0)", field="audio",
                               hint="export the episode again"))
    tags = _tags(audio, kind)
    mode = ""
    if kind == "mp3":
        mode = {BitrateMode.CBR: "CBR", BitrateMode.VBR: "VBR", BitrateMode.ABR: "ABR"}.get(info.bitrate_mode, "")
        if not mode:
            mode = "VBR" if getattr(info, "sketchy", False) is False and info.bitrate % 1000 else "CBR"
    video = False
    mime = MIME.get(kind, "")
    if kind == "mp4":
        video = _mp4_has_video(path)
        if video:
            mime = VIDEO_MIME.get(ext, "video/mp4")
        else:
            mime = "audio/x-m4a"
    chapters = _chapters(audio, kind)
    return Media(
        path=rel,
        size=size,
        mime=mime,
        kind=kind,
        duration=duration,
        bitrate=int(getattr(info, "bitrate", 0) or 0),
        bitrate_mode=mode,
        sample_rate=int(getattr(info, "sample_rate", 0) or 0),
        channels=int(getattr(info, "channels", 0) or 0),
        video=video,
        tags=tags,
        chapters=chapters,
        has_cover=_has_cover(audio, kind),
    )


def _tags(audio: mutagen.FileType, kind: str) -> dict[str, str]:
    tags = audio.tags
    if not tags:
        return {}
    out: dict[str, str] = {}
    if kind == "mp3":
        names = {"TIT2": "title", "TPE1": "artist", "TALB": "album", "TRCK": "track", "TDRC": "date", "TCON": "genre"}
        for frame, name in names.items():
            if frame in tags:
                out[name] = str(tags[frame].text[0]) if tags[frame].text else ""
        comments = tags.getall("COMM")
        if comments and comments[0].text:
            out["comment"] = str(comments[0].text[0])
    elif kind == "mp4":
        names = {"\xa9nam": "title", "\xa9ART": "artist", "\xa9alb": "album", "\xa9day": "date", "\xa9cmt": "comment",
                 "\xa9gen": "genre", "desc": "comment"}
        for atom, name in names.items():
            if atom in tags and name not in out:
                out[name] = str(tags[atom][0])
        if "trkn" in tags:
            out["track"] = str(tags["trkn"][0][0])
    else:
        names = {"title": "title", "artist": "artist", "album": "album", "tracknumber": "track", "date": "date",
                 "comment": "comment", "description": "comment", "genre": "genre"}
        for key, name in names.items():
            if key in tags and name not in out:
                out[name] = str(tags[key][0])
    return dict(sorted(out.items()))


def _has_cover(audio: mutagen.FileType, kind: str) -> bool:
    tags = audio.tags
    if kind == "mp3":
        return bool(tags and tags.getall("APIC"))
    if kind == "mp4":
        return bool(tags and "covr" in tags)
    if kind == "flac":
        return bool(audio.pictures)  # type: ignore[attr-defined]
    return bool(tags and "metadata_block_picture" in tags)


def _chapters(audio: mutagen.FileType, kind: str) -> tuple[Chapter, ...]:
    if kind == "mp3" and audio.tags:
        found = []
        for chap in audio.tags.getall("CHAP"):
            title = ""
            for sub in chap.sub_frames.values():
                if sub.FrameID == "TIT2" and sub.text:
                    title = str(sub.text[0])
            found.append(Chapter(start=chap.start_time / 1000, title=title, end=chap.end_time / 1000))
        return tuple(sorted(found, key=lambda c: c.start))
    if kind == "mp4":
        chapters = getattr(audio, "chapters", None)
        if chapters:
            return tuple(Chapter(start=float(c.start), title=c.title or "") for c in chapters)
    return ()


def _mp4_has_video(path: Path) -> bool:
    """Whether any track's handler is 'vide' (walks moov/trak/mdia/hdlr)."""
    try:
        with open(path, "rb") as handle:
            return _walk_for_video(handle, 0, os.fstat(handle.fileno()).st_size, depth=0)
    except OSError:
        return False


def _walk_for_video(handle, start: int, end: int, depth: int) -> bool:  # type: ignore[no-untyped-def]
    position = start
    while position + 8 <= end and depth < 6:
        handle.seek(position)
        header = handle.read(8)
        if len(header) < 8:
            return False
        size, name = struct.unpack(">I4s", header)
        offset = 8
        if size == 1:
            size = struct.unpack(">Q", handle.read(8))[0]
            offset = 16
        elif size == 0:
            size = end - position
        if size < offset:
            return False
        if name in (b"moov", b"trak", b"mdia"):
            if _walk_for_video(handle, position + offset, position + size, depth + 1):
                return True
        elif name == b"hdlr":
            handle.seek(position + offset + 8)
            if handle.read(4) == b"vide":
                return True
        position += size
    return False
