"""Probe what a media file really is: format from its content, duration, tags, chapters.

``probe`` sniffs the container from the file's first bytes (never the
extension), reads it with the matching mutagen class and returns a
:class:`Media`. What mutagen does not check is checked here: the real duration
of an MP3 without a Xing/VBRI header (every frame is counted), cut-off files
(an MP3 shorter than its Xing header says, an MP4 box running past the end, an
Ogg stream without its last page, a FLAC or WAV shorter than its header), and
the MIME type of MP4-family files from their brand and tracks. Every failure is
a :class:`MediaError` naming the file, the format found and what is supported.
"""

from __future__ import annotations

import errno
import io
import mmap
import os
import stat
import struct
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

import mutagen
from mutagen.mp3 import BitrateMode, MPEGInfo

from .. import codec
from ..errors import MediaError, error
from ..model import Chapter, Media
from . import adts, mp4, mpeg, payload, unfilled
from .formats import APP_FORMATS, EXTENSIONS, LAYER_NAMES, MIME, NAMES, SUPPORTED  # noqa: F401 - also importable from here
from .mp4chapters import track_chapters
from .tags import flac_stray_id3, load, load_tags, read_state
from .tagset import Tags

#: MP4 major brands of video files (ISO/IEC 14496-12 registry; Apple's M4V and QuickTime).
#: the enclosure type of an MP4-family file without video, by its extension (else audio/x-m4a, as for .m4a)
SOUND_ONLY = {".mp4": "audio/mp4", ".mov": "video/quicktime", ".m4v": "video/x-m4v"}
VIDEO_BRANDS = {"qt  ": "video/quicktime", "M4V ": "video/x-m4v", "M4VH": "video/x-m4v", "M4VP": "video/x-m4v"}
#: MP3 files up to this size are read into memory for probing; bigger ones are mapped.
_READ_LIMIT = 1024 * 1024
#: More missing than this (bytes) from what an MP3's Xing/VBRI header declares is a cut-off file.
_MP3_SHORTFALL = 4096
#: MPEG audio of an older layer than MP3's (Layer III): the same frames, other codecs (Media.codec; "" for MP3).
_OLDER_LAYERS = {2: "mp2", 1: "mp1"}
#: An MP3 holding this many seconds (and 1%) more audio than its Xing/VBRI header declares gets its frames' duration.
_MP3_BEYOND = 1.0
#: A video whose picture runs this many seconds past its sound is told (MED031): apps show the movie's length.
_PICTURE_BEYOND = 1.0
#: … and one missing more than this many seconds of what its header declares is a cut-off file, however few the bytes
#: (the header's duration would be the feed's, longer than what plays by more than Apple's one-second tolerance).
_MP3_MISSING = 1.0


def sniff(head: bytes) -> str:
    """The container named by a file's first bytes (after any ID3v2 tag), or "" when unknown."""
    if head.startswith(b"ID3"):
        return "mp3"
    if len(head) >= 12 and head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip"):
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
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xF6) == 0xF0:
        return "aac"  # an ADTS header: layer bits 00
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] & 0x06) != 0:
        return "mp3"  # an MPEG audio frame without an ID3 tag (or with only an ID3v1 tag at the end)
    return ""


#: Containers an MP3 tagger's ID3v2 tag in front of the file hides (see :func:`_sniff_file`): ffmpeg skips the tag,
#: the apps that read these formats do not.
_UNDER_ID3 = {"mp4": "MP4/M4A", "ogg-opus": "Ogg Opus", "ogg-vorbis": "Ogg Vorbis", "ogg": "Ogg", "wav": "WAV"}


def _sniff_file(handle, size: int) -> tuple[str, bytes, str]:  # type: ignore[no-untyped-def]
    """Sniff, looking past an ID3v2 tag: FLAC and AAC files sometimes carry one in front. The third value names
    another container found after such a tag (:data:`_UNDER_ID3`: an MP3 tagger run over every file wrote it), else ""."""
    head = handle.read(4096)
    if head.startswith(b"ID3") and len(head) >= 10:
        end = _id3_end(head)
        handle.seek(end)
        after = handle.read(64)
        inner = sniff(after)
        if inner in ("flac", "aac"):
            return inner, head, ""
        if inner == "wav" and _wav_format(after) in _WAV_CODECS:  # MP3 in a WAV under the tag: its frames play (MED024)
            inner = ""
        return "mp3", head, inner if inner in _UNDER_ID3 else ""
    kind = sniff(head)
    if not kind and describe(head) in _NOT_A_FORMAT:
        # Neither a tag nor a frame first: an MP3 with unknown bytes in front (an encoder's or a bad cut's leftovers,
        # a download saved with its HTTP header), which players and mutagen play, is still an MP3 when frames follow
        # within the first 64 KB (mpeg.audio_start). A file that starts as another format (a PDF, an image) is not.
        handle.seek(mpeg.zeros_end(handle, 0, min(size, mpeg.ZERO_LIMIT)))  # zeros first: skipped, as players do
        if mpeg.audio_start(handle.read(mpeg.LEAD_LIMIT)) >= 0:
            kind = "mp3"
    return kind, head, ""


def sniff_data(data: bytes | mmap.mmap) -> str:
    """The container of a whole file in memory or mapped, looking past an ID3v2 tag as :func:`probe` does."""
    return _sniff_file(data if isinstance(data, mmap.mmap) else io.BytesIO(data), len(data))[0]


#: What :func:`describe` says of a start of zero bytes only (MP3 frames may still follow: see :func:`_sniff_file`).
_ZEROS = "zero bytes only (a copy or download that wrote nothing into it)"


#: What :func:`describe` says of a start that is no known file format.
_NOT_A_FORMAT = ("an unknown format", "plain text", "text or HTML", "JSON or text", _ZEROS)


#: The first bytes of a Matroska or WebM file (its EBML header).
EBML = b"\x1aE\xdf\xa3"
#: What :func:`describe` says of an MPEG transport stream (a broadcast or HLS recording, a camcorder's .m2ts/.mts)
TRANSPORT_STREAM = "an MPEG transport stream (.ts, .m2ts: a broadcast, HLS or camcorder recording)"


def describe(head: bytes) -> str:
    """A few words on what a non-media file looks like, for error messages."""
    signatures = [(b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                  (b"PK\x03\x04", "a ZIP archive"), (b"<", "text or HTML"), (b"{", "JSON or text"),
                  (b"GIF8", "a GIF image"), (EBML, "a Matroska/WebM file"), (b"RIFF", "a RIFF file that is not WAV"),
                  (b"#!AMR", "an AMR recording"), (b"FORM", "an AIFF file"), (b"RF64", "an RF64 file (WAV over 4 GB)"),
                  (b"BW64", "a BW64 file (broadcast WAV over 4 GB)"),
                  (b"caff", "a Core Audio (CAF) file"), (b"0&\xb2u\x8ef\xcf\x11", "a Windows Media (WMA/ASF) file"),
                  (b"MThd", "a MIDI file")]
    for magic, name in signatures:
        if head.lstrip()[:len(magic)] == magic:
            return name
    if len(head) > 376 and head[0] == head[188] == head[376] == 0x47:  # 188-byte packets, each starting with 0x47
        return TRANSPORT_STREAM
    if len(head) > 388 and head[4] == head[196] == head[388] == 0x47:  # the same with a 4-byte time code each
        return TRANSPORT_STREAM
    if head and not any(head):  # (the sniffer skips up to 16 MB of them before an MP3's first frame)
        return _ZEROS
    if head and all(32 <= b < 127 or b in (9, 10, 13) for b in head[:64]):
        return "plain text"
    return "an unknown format"


def probe(path: Path, rel: str) -> Media:
    """Probe one media file. ``rel`` is how messages name it."""
    return probe_with_tags(path, rel)[0]


def probe_with_tags(path: Path, rel: str) -> tuple[Media, Tags]:
    """:func:`probe`, and every tag the file holds (one read of the file's tags, not two)."""
    try:
        data: bytes | mmap.mmap = b""
        # (without O_NONBLOCK a named pipe's open waits for a writer: the probe hung for good)
        with _opened(path) as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise MediaError(error("MED001", rel, "cannot read the media file: it is "
                                                      f"{_NOT_FILES.get(stat.S_IFMT(mode), 'no file')}, not a file",
                                       field="audio", hint="put the audio file itself in its place"))
            size = os.fstat(handle.fileno()).st_size
            kind, head, hidden = _sniff_file(handle, size)
            if hidden:  # not an MP3: another format an MP3 tagger put its tag in front of
                ext = os.path.splitext(rel)[1] or ".m4a"
                raise MediaError(error("MED004", rel, f"the file is {_UNDER_ID3[hidden]} with an ID3v2 tag in front of it, "
                                                      "as an MP3 tagger run over every file writes one: apps that play "
                                                      f"{_UNDER_ID3[hidden]} files do not read it", field="audio",
                                       hint=f"take the tag out (the audio is copied as it is): ffmpeg -i in{ext} -c copy "
                                            f"out{ext}, then put out{ext} in place under the same name"))
            if kind and kind != "wav":  # (a WAV's silence is zero bytes: see unfilled)
                lead = _id3_end(head) + mpeg.ZERO_LIMIT if kind == "mp3" else 0
                run = unfilled.find(handle, size, lead)
                if kind == "mp4" and run[1] and run[2] != "hole" and mp4.free_tail(handle, size) <= run[0]:
                    run = (0, 0, "")  # zeros in a 'free' box that ends the file: room reserved, the file is whole
                _refuse_unfilled(rel, kind, size, run)
            elif kind == "wav":  # zeros after its last chunk are no sound, however long
                _refuse_wav_zeros(rel, size, payload.wav_end(handle, size), handle)
            if kind == "mp3" and size:  # one read (or map) of the file for its tags and its frames
                handle.seek(0)
                data = handle.read() if size <= _READ_LIMIT else mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except OSError as exc:
        hint = _UNREADABLE.get(exc.errno or 0, "").replace("FILE", rel)
        raise MediaError(error("MED001", rel, f"cannot read the media file: {exc.strerror}", field="audio",
                               hint=hint)) from None
    if size == 0:
        raise MediaError(error("MED002", rel, "the media file is empty (0 bytes)", field="audio",
                               hint="export the episode again; the copy was probably interrupted"))
    if not kind or kind == "ogg":
        found = "an Ogg stream that is neither Opus nor Vorbis" if kind == "ogg" else describe(head)
        hint = f"supported: {SUPPORTED}"
        if kind == "ogg" or found in _OTHER_SOUND:  # sound in a format mediafeed does not read: the encode into one apps take
            hint = f"{hint}; {_encode_hint(rel)}"
        elif found == TRANSPORT_STREAM:  # its sound (and picture) are what M4A and MP4 hold: a remux, nothing encoded
            hint = f"{_transport_hint(rel)}; {hint}"
        elif head[:4] == EBML and (sound := _webm_sound_only(path, rel)):  # an Opus or Vorbis recording
            found = f"a WebM (Matroska) file of sound only ({sound.capitalize()})"
            stem, ext = os.path.splitext(os.path.basename(rel))
            ogg = ".opus" if sound == "opus" else ".ogg"
            place = (f"put out{ogg} in place under the same name" if ext.lower() == ogg else
                     f"name it {stem}{ogg} and write 'audio: {stem}{ogg}' in episode.md")
            hint = f"{_encode_hint(rel)}; {hint}"
            if sound in ("opus", "vorbis"):
                hint = (f"{_encode_hint(rel)}; or put its sound in an Ogg file as it is: ffmpeg -i in{ext} -vn -c:a copy "
                        f"out{ogg}, then {place} (published with warning MED010: Apple Podcasts takes "
                        f"no Ogg); supported: {SUPPORTED}")
        elif head[:4] == EBML:  # a WebM video (a browser's or a screen recorder's): no Apple or Spotify enclosure takes it
            hint = ("encode it as MP4 (H.264 and AAC, which Apple and Spotify take): ffmpeg -i in.webm -c:v libx264 "
                    "-pix_fmt yuv420p -c:a aac -movflags +faststart out.mp4; the WebM may stay as an alternate_enclosure "
                    f"(type video/webm); {hint}")
        raise MediaError(error("MED003", rel, f"not a supported media file: its content looks like {found}", field="audio",
                               hint=hint))
    ext = os.path.splitext(rel)[1].lower()
    try:
        if kind == "mp3":
            try:
                media, state = _read_mp3(data, rel, size)
            finally:
                if isinstance(data, mmap.mmap):
                    data.close()
        else:
            cut = payload.truncation(path, kind, size)
            if cut:
                raise MediaError(error("MED004", rel, f"the {NAMES[kind]} file is truncated: {cut}", field="audio",
                                       hint="copy or export it again; check it plays to the end"))
            media, state = _read(path, rel, kind, size, head)
    except MediaError:
        raise
    except (mutagen.MutagenError, struct.error, ValueError, EOFError, IndexError, KeyError, OverflowError) as exc:
        raise MediaError(error("MED004", rel, f"the {NAMES[kind]} file is truncated or corrupt" + (f" ({exc})" if str(exc) else ""), field="audio",
                               hint="export it again from your editor; check it plays to the end")) from None
    if kind == "mp3" and media.codec and ext != ".mp3":  # an .mp2 file: renaming it would not make it an MP3
        stem = os.path.splitext(os.path.basename(rel))[0]
        raise MediaError(error("MED005", rel, f"the file's content is {LAYER_NAMES[media.codec]}, not MP3", field="audio",
                               hint=f"encode it as MP3, which apps take: ffmpeg -i in{ext} -c:a libmp3lame -b:a 128k "
                                    f"out.mp3, then name it {stem}.mp3 and write 'audio: {stem}.mp3'"))
    if kind == "wav" and ext == ".mp3" and _wav_format(head) in (0x0050, 0x0055):  # an MPEG audio stream in a WAV
        raise MediaError(error("MED005", rel, "the file is MP3 audio inside a WAV container (a 'RIFF MP3', as some "
                                              "recorders and broadcast tools write): many apps that play MP3 files do not "
                                              "read it", field="audio",
                               hint="take the MP3 out of its WAV wrapper (the audio frames are copied as they are): "
                                    "ffmpeg -i in.mp3 -c:a copy -f mp3 out.mp3, then put out.mp3 in place under the "
                                    "same name"))
    if ext not in EXTENSIONS[kind]:
        raise MediaError(error("MED005", rel, f"the file's content is {NAMES[kind]}, but its name ends in {ext or 'nothing'}",
                               field="audio", hint=_extension_hint(kind, ext, media)))
    return media, state


def _opened(path: Path) -> BinaryIO:
    """``path`` open for reading, without waiting for a writer when it is a named pipe (O_NONBLOCK). A folder's
    descriptor is closed when ``open`` refuses it (IsADirectoryError): it left one descriptor open a probe."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        return open(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


#: What a media file's name may stand for that is no file (MED001).
_NOT_FILES = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
              stat.S_IFBLK: "a device"}
#: MED001's fix by the error that opening the file gave (FILE: its name).
_UNREADABLE = {errno.EACCES: "give yourself permission to read it: chmod u+r FILE (or ask its owner)",
               errno.EPERM: "give yourself permission to read it: chmod u+r FILE (or ask its owner)",
               errno.ELOOP: "the name is a symbolic link in a loop of links: put the audio file itself in its place",
               errno.EISDIR: "it is a folder: name the audio file itself",
               errno.ENOENT: "check the file's name (and that a symbolic link's target is there)"}


def _id3_end(head: bytes) -> int:
    """Where an ID3v2 tag at the start of ``head`` ends (0 without one)."""
    if head[:3] != b"ID3" or len(head) < 10:
        return 0
    raw = head[6:10]
    return 10 + ((raw[0] << 21) | (raw[1] << 14) | (raw[2] << 7) | raw[3]) + (10 if head[5] & 0x10 else 0)


def _refuse_unfilled(rel: str, kind: str, size: int, run: tuple[int, int, str]) -> None:
    """MED004 for a file a copy or download did not fill in (see :mod:`.unfilled`)."""
    start, length, what = run
    if not length:
        return
    where = {"hole": f"{_bytes(length)} from byte {start:,} on were never written (a hole in the file)",
             "end": f"everything from byte {start:,} of its {size:,} on ({_bytes(length)}) is zero bytes",
             "end+": f"its last {_bytes(length)} (of {size:,} bytes), at least, are zero bytes"}[what]
    raise MediaError(error("MED004", rel, f"the {NAMES[kind]} file was not filled in: {where}, no audio: what a copy or "
                                          "download that did not finish leaves (the file is made at its full size first, "
                                          "then filled in as the bytes arrive)", field="audio",
                           hint="copy or download it again from the original; check it plays to the end"))


def _refuse_wav_zeros(rel: str, size: int, end: int, handle: BinaryIO) -> None:
    """MED004 for a WAV whose last chunk ends :data:`unfilled.UNFILLED` bytes or more before zero bytes that run to the
    end of the file: no chunk holds them, so no player plays them, and the enclosure was all of them (30 s of audio
    and 3 GB of zeros, a copy made at full size or a recorder's file allocated ahead, were published as a 3 GB file
    with only MED010's warning)."""
    unsized = payload.wav_unsized(handle, size)
    if unsized:  # audio after a data chunk that says 0 bytes: a recording its writer did not finish
        raise MediaError(error("MED004", rel, f"the WAV file's data chunk says it holds 0 bytes, but {unsized:,} bytes "
                                              "follow it: a recording stopped before its writer filled in the sizes (a "
                                              "crash, a full disk, a recorder switched off): its length reads as 0 s "
                                              "(ffmpeg plays the bytes)", field="audio",
                               hint="write the sizes, the audio copied as it is: ffmpeg -i in.wav -c copy out.wav, then "
                                    "put out.wav in place under the same name; check it plays to the end"))
    if size - end < unfilled.UNFILLED:
        return
    start, length, at_least = unfilled.zero_tail(handle, size, end)
    if length < unfilled.UNFILLED or (start > end and not at_least):  # (zeros that end audio outside every chunk:
        return  # a data chunk that says too little, which is another matter)
    where = (f"its last {_bytes(length)} (of {size:,} bytes), at least, are" if at_least else
             f"the {_bytes(length)} from byte {start:,} to its end ({size:,} bytes) are")
    raise MediaError(error("MED004", rel, f"the WAV file's last chunk ends at byte {end:,}, and {where} zero bytes in no "
                                          "chunk: no audio, but every listener would download them (a copy made at full "
                                          "size first, or a recorder's file allocated ahead)", field="audio",
                           hint="keep the audio alone (copied as it is): ffmpeg -i in.wav -c copy out.wav, then put "
                                "out.wav in place under the same name; or copy it again from the original"))


def _bytes(count: int) -> str:
    return f"{count / 1e9:.1f} GB" if count >= 10**9 else f"{count / 1e6:.1f} MB"


#: What a hint makes of a file whose name says MP3 or M4A but whose content is a format Apple Podcasts does not take
#: (a WAV, FLAC or Ogg export saved under the wrong name): renaming it to its content's extension gives a file the
#: build publishes with MED010 and Apple refuses, so the hint encodes it into the format its name promises instead.
_ENCODE_AS = {".mp3": ("MP3", "-c:a libmp3lame -b:a 128k"), ".m4a": ("AAC", "-c:a aac -b:a 128k -movflags +faststart"),
              ".m4b": ("AAC", "-c:a aac -b:a 128k -movflags +faststart")}


#: What :func:`describe` calls sound in a format mediafeed does not read (GarageBand's and Logic's AIFF export, a phone's
#: CAF or AMR recording, WMA, a WAV over 4 GB): MED003's hint encodes it into a format apps take (:func:`_encode_hint`).
_OTHER_SOUND = frozenset({"an AIFF file", "a Core Audio (CAF) file", "an AMR recording", "a Windows Media (WMA/ASF) file",
                          "an RF64 file (WAV over 4 GB)", "a BW64 file (broadcast WAV over 4 GB)"})


def _encode_hint(rel: str) -> str:
    """MED003's fix for sound in a format mediafeed does not read: encoded as MP3 under the episode's name (``audio:``
    changed with it; ``mediafeed add`` says to add that file), or, for a file whose name says .mp3 or .m4a (an AIFF
    export named .m4a), as the format its name promises and put in its place (the enclosure URL stays)."""
    stem, ext = os.path.splitext(os.path.basename(rel))
    if ext.lower() in _ENCODE_AS:
        codec, options = _ENCODE_AS[ext.lower()]
        return (f"encode it as {codec}, which apps take: ffmpeg -i in{ext} {options} out{ext}, then put out{ext} in place "
                "under the same name")
    return (f"encode it as MP3, which apps take: ffmpeg -i in{ext} -c:a libmp3lame -b:a 128k out.mp3, then name it "
            f"{stem}.mp3 and write 'audio: {stem}.mp3' in episode.md")


def _transport_hint(rel: str) -> str:
    """MED003's fix for an MPEG transport stream: its AAC sound copied into an M4A (its picture too, into an MP4, for a
    video episode), kept under the same name where that is already .m4a or .mp4 (the enclosure URL stays)."""
    stem, ext = os.path.splitext(os.path.basename(rel))
    sound = f"ffmpeg -i in{ext or '.ts'} -map 0:a:0 -c:a copy -movflags +faststart out.m4a"
    video = f"ffmpeg -i in{ext or '.ts'} -c copy -movflags +faststart out.mp4"
    if ext.lower() in (".m4a", ".m4b", ".mp4"):
        place = f"then put out{ext.lower() if ext.lower() != '.m4b' else '.m4a'} in place under the same name"
    else:
        place = f"then name it {stem}.m4a ({stem}.mp4) and write 'audio: {stem}.m4a' in episode.md"
    return (f"copy its AAC sound into an M4A as it is (nothing is encoded again): {sound}, or a video episode's sound "
            f"and picture into an MP4: {video}; {place} (sound that is not AAC, as in a DVB broadcast, is encoded: "
            f"-c:a aac -b:a 128k in place of -c:a copy)")


def _webm_sound_only(path: Path, rel: str) -> str:
    """The sound track's codec ("opus", "vorbis", …) of a WebM or Matroska file without video (its bounded EBML reader
    says so), else ""."""
    from . import webm

    try:
        media = webm.probe(path, rel, field="audio")
    except (MediaError, OSError, ValueError):
        return ""
    return "" if media.video else media.codec


def _extension_hint(kind: str, ext: str, media: Media) -> str:
    """MED005's fix, one that leads to a file the next build takes (see :data:`_ENCODE_AS`): the encode into the
    format the name promises, kept under the same name (so ``audio:`` and the enclosure URL stay), where the content
    is a format apps do not take; else the rename to the content's own extension."""
    if kind not in APP_FORMATS and ext in _ENCODE_AS:
        codec, options = _ENCODE_AS[ext]
        if kind == "aac" and codec == "AAC":  # raw AAC: the same audio, put in an M4A container
            return (f"put the AAC audio in an M4A container (the audio is copied as it is): ffmpeg -i in{ext} -c:a copy "
                    f"-movflags +faststart out{ext}, then put out{ext} in place under the same name")
        return (f"encode it as {codec}, which apps take: ffmpeg -i in{ext} {options} out{ext}, then put out{ext} in place "
                f"under the same name (renamed {_best_extension(kind, media)}, it would be {NAMES[kind]}, which Apple "
                "Podcasts does not take)")
    best = _best_extension(kind, media)
    return f"rename it to end in {best} (and write 'audio: …{best}' in episode.md)"


#: WAV format tags of MPEG audio (``Media.codec``): MP3, and MPEG Layer I or II
_WAV_CODECS = {0x0055: "mp3", 0x0050: "mp2"}


def _wav_format(head: bytes) -> int:
    """A WAV file's format tag (1 PCM, 0x55 MP3, …) when its ``fmt `` chunk is the first, as encoders write it; else 0."""
    if head[12:16] == b"fmt " and len(head) >= 22:
        return int(struct.unpack("<H", head[20:22])[0])
    return 0


def _best_extension(kind: str, media: Media) -> str:
    if kind == "mp4":
        return {"video/quicktime": ".mov", "video/x-m4v": ".m4v", "video/mp4": ".mp4"}.get(media.mime, ".m4a")
    return {"ogg-opus": ".opus", "ogg-vorbis": ".ogg"}.get(kind, sorted(EXTENSIONS[kind])[0])


def _read(path: Path, rel: str, kind: str, size: int, head: bytes) -> tuple[Media, Tags]:
    audio = load(path, kind)
    info = audio.info
    duration = float(getattr(info, "length", 0.0) or 0.0)
    bitrate = int(getattr(info, "bitrate", 0) or 0)
    found: list[mp4.Track] = []
    if kind == "mp4":  # a fragmented MP4: mutagen reads no length, or the moov's samples' alone; its fragments say it
        with open(path, "rb") as handle:
            found = mp4.tracks(handle, size)
        duration = mp4.duration(found) or duration
        sounds = [track for track in found if track.handler == "soun"]
        played = next((track for track in sounds if track.enabled), None)
        if played is not None and played is not sounds[0] and played.timescale:  # (MED037) mutagen read the first's
            duration = (played.ticks + played.fragment_ticks) / played.timescale or duration
        if sounds:  # the edit list's length: the encoder's priming and padding left out, as players present it
            duration = mp4.edited_duration(played or sounds[0]) or duration
    rate = int(getattr(info, "sample_rate", None) or 0)
    if duration <= 0 and kind == "flac" and rate:  # written to a pipe: no length in STREAMINFO
        duration = payload.flac_samples(path, size) / rate
    if kind == "wav":  # compressed audio in a WAV (MP3, ADPCM): mutagen reads a length of a few milliseconds
        duration = payload.wav_seconds(path, size) or duration
    cut = False
    if kind == "aac" and (counted := adts.frames(path))[0]:  # mutagen estimates it from the first frames' bitrate
        (duration, cut), bitrate = counted, int(size * 8 / counted[0])
    chained, first_end = payload.ogg_chained(path, size) if kind in ("ogg-opus", "ogg-vorbis") else (False, -1)
    if first_end > 0:  # a chain whose parts share a serial number: mutagen read the last part's length
        duration = _ogg_seconds(path, kind, first_end, int(getattr(info, "sample_rate", 0) or 0)) or duration
        bitrate = int(size * 8 / duration) if duration > 0 else bitrate
    if duration <= 0:
        raise MediaError(error("MED006", rel, f"the {NAMES[kind]} file has no playable audio (duration 0)", field="audio",
                               hint="export the episode again"))
    if not bitrate:  # MOV and some MP4s: the file's average, so players and checks have a figure
        bitrate = int(size * 8 / duration)
    video = index_last = False
    width = height = 0
    picture_codec = ""
    movie_length = 0.0
    location = ""
    blocker = ""
    mime = MIME.get(kind, "")
    if kind == "mp4":
        with open(path, "rb") as handle:
            spans = mp4.media_spans(handle, size)
            misplaced = mp4.misplaced_run(found, spans) if any(t.runs for t in found) else ""
            shift = mp4.sidx_shift(handle, size, found, spans) if misplaced else 0
            if shift:  # ffmpeg's +empty_moov+global_sidx: the index written in front of fragments whose offsets were set
                raise MediaError(error("MED004", rel, f"the {NAMES[kind]} file is corrupt: {misplaced}: the fragments' "
                                       f"offsets point {shift:,} bytes before their data, the size of the 'sidx' index "
                                       "written in front of them after the offsets were set (what ffmpeg 5.1 writes for "
                                       "-movflags +empty_moov+global_sidx; players stop or play noise there)",
                                       field="audio", hint="make the file again from the one it was made from, without "
                                       "'+global_sidx' (e.g. ffmpeg -i source.m4a -c copy -movflags +faststart "
                                       "episode.m4a); a remux of this file copies the wrong offsets"))
            if misplaced:  # a fragmented recording saved by a tag editor that does not know fragments
                raise MediaError(error("MED004", rel, f"the {NAMES[kind]} file is corrupt: {misplaced}: the fragments' "
                                       "offsets are wrong, as a tag editor that does not move them leaves a fragmented MP4 "
                                       "(players stop or play noise there)", field="audio",
                                       hint="use the recording as it was before a tag editor saved it, or export it again "
                                            "(mediafeed writes the tags itself, moving the fragments' offsets); a remux "
                                            "cannot mend it"))
            broken = mp4.damage(found, size, spans)
            if broken:  # tagging would stop at it (MED004 in the build); check sees it too
                raise MediaError(error("MED004", rel, f"the {NAMES[kind]} file is corrupt: {broken}", field="audio",
                                       hint="export it again from your editor (or remux it: ffmpeg -i in.m4a -c copy "
                                            "out.m4a); check it plays to the end"))
            handlers = {t.handler for t in found}
            picture = mp4.main_picture(found)
            video = picture is not None
            width, height = (picture.width, picture.height) if picture else (0, 0)
            picture_codec = picture.sample_entry if picture else ""
            if not video and "soun" not in handlers:  # captions or chapters alone: the export dropped the sound
                raise MediaError(error("MED006", rel, f"the {NAMES[kind]} file has no sound track (and no video): "
                                                      "nothing to play", field="audio",
                                       hint="export the episode again with its audio (check the preset includes it)"))
            index_last = mp4.index_last(handle, size)
            location = mp4.recorded_at(handle, size)
            if video and "soun" in handlers:
                movie = mp4.movie_duration(handle, size)
                movie_length = movie if movie - duration > _PICTURE_BEYOND else 0.0
            if index_last:
                plan = mp4.fast_start_plan(handle, size)
                blocker = plan if isinstance(plan, str) else ""
        if video:
            mime = VIDEO_BRANDS.get(mp4.brand(head), "video/mp4")
            # mutagen's bitrate is the sound track's: a 1080p and a 240p video with the same sound both said 69 kbit/s
            # (podcast:alternateEnclosure@bitrate, by which apps choose a version); the file's average counts the picture
            bitrate = int(size * 8 / duration)
        else:  # sound only: the type apps and feed checkers expect of the file's name (Apple maps each extension to
            # one type: .mov is video/quicktime, .m4v video/x-m4v, whatever the tracks; .mp4 is audio/mp4 by RFC 4337)
            mime = SOUND_ONLY.get(os.path.splitext(rel)[1].lower(), "audio/x-m4a")
    sound = [track for track in found if track.handler == "soun"]
    state = read_state(audio, kind)
    if kind == "mp4" and (listed := track_chapters(path, size)) is not None:  # Apple's list, where mutagen read Nero's
        state = replace(state, chapters=listed)
    if kind == "flac":
        state = replace(state, leading_id3=flac_stray_id3(path)[0])
    media = Media(
        path=rel,
        size=size,
        mime=mime,
        kind=kind,
        duration=duration,
        bitrate=bitrate,
        sample_rate=48000 if kind == "ogg-opus" else int(getattr(info, "sample_rate", 0) or 0),  # Opus always decodes at 48 kHz
        channels=next((t.declared_channels for t in sound if t.declared_channels), int(getattr(info, "channels", 0) or 0)),
        video=video,
        width=width,
        height=height,
        picture_codec=picture_codec,
        codec=str(getattr(info, "codec", "") or "") if kind == "mp4" else _WAV_CODECS.get(_wav_format(head), "")
        if kind == "wav" else "",
        chained=chained,
        cut=cut,
        index_last=index_last,
        index_blocker=blocker,
        movie_length=movie_length,
        location=location,
        sound_tracks=len(sound),
        enabled_sound=next((index for index, track in enumerate(sound) if track.enabled), -1) if sound else 0,
        **_tag_fields(state),
    )
    return media, state


def _ogg_seconds(path: Path, kind: str, granule: int, rate: int) -> float:
    """The seconds of an Ogg stream's audio up to ``granule``: Opus's at 48 kHz after its pre-skip (OpusHead, RFC
    7845 5.1), Vorbis's at its rate; 0 when unknown."""
    if kind == "ogg-vorbis":
        return granule / rate if rate else 0.0
    with open(path, "rb") as handle:
        head = handle.read(512)
    at = head.find(b"OpusHead")
    if at < 0 or at + 12 > len(head):
        return 0.0
    return max(0, granule - struct.unpack("<H", head[at + 10:at + 12])[0]) / 48000


def retagged(media: Media, state: Tags, size: int) -> Media:
    """``media`` with the tags of ``state`` and a new size: what a probe says of a file whose tags alone changed."""
    fields = _tag_fields(state)  # (codec.replacer: dataclasses.replace looks at Media's 27 fields on every call)
    return codec.replacer(Media, "size", *fields)(media, size, *fields.values())


def _tag_fields(state: Tags) -> dict[str, Any]:
    """The fields of a :class:`Media` that say what its tags hold (its tags, cover and chapters)."""
    return {"tags": state.summary(), "has_cover": state.cover is not None,
            "chapters": tuple(Chapter(start=c.start / 1000, title=c.title, url=c.url, toc=c.toc,
                                      end=None if c.end is None else c.end / 1000) for c in state.chapters or ())}


def _read_mp3(data: bytes | mmap.mmap, rel: str, size: int) -> tuple[Media, Tags]:
    """An MP3 from its bytes: the ID3 tags, and the frames (walked, or counted by a Xing/VBRI header).

    mutagen reads only the tags; its stream info (the first frames and the Xing/VBRI header) is read only
    when a header counts the frames, for the figures it takes from it (LAME's encoder delay and padding,
    the bitrate mode). Without such a header the frame walk is the truth and mutagen would only guess.
    """
    if data[:3] == b"ID3" and size >= 10 and not any(b & 0x80 for b in data[6:10]):
        raw = data[6:10]
        claimed = 10 + ((raw[0] << 21) | (raw[1] << 14) | (raw[2] << 7) | raw[3])
        if claimed > size:  # mutagen fails on it without a word; ffmpeg and players find no audio either
            raise MediaError(error("MED004", rel, f"the MP3 file is truncated or corrupt: its ID3v2 tag declares {claimed:,} "
                                                  f"bytes, more than the whole file ({size:,} bytes), so no audio follows it",
                                   field="audio", hint="copy or export it again; check it plays to the end"))
    if data[:3] == b"ID3" and size >= 10 and data[3] not in (2, 3, 4):  # no such version: mutagen refuses the tag
        raise MediaError(error("MED004", rel, f"the MP3 file's ID3 tag says it is ID3v2.{data[3]}, a version that does "
                                              "not exist (there are 2.2, 2.3 and 2.4): its tags cannot be read, nor "
                                              "replaced by the episode's (ffmpeg skips the tag and plays the audio)",
                               field="audio", hint="take the tag out (the audio frames are copied as they are): "
                                                   "ffmpeg -i in.mp3 -map 0:a -c copy -map_metadata -1 out.mp3, then put "
                                                   "out.mp3 in place under the same name (mediafeed writes the tags)"))
    if data[:3] == b"ID3" and size >= 10 and any(b & 0x80 for b in data[6:10]):  # mutagen: "Header size not synchsafe"
        raise MediaError(error("MED004", rel, "the MP3 file's ID3 tag is damaged: its header gives its size with bytes "
                                              "ID3 does not allow (a 'synchsafe' number, whose bytes are all below 0x80, "
                                              f"reads {data[6:10].hex(' ')}), so where the tag ends and the audio begins "
                                              "is unknown: its tags cannot be read, nor replaced by the episode's "
                                              "(ffmpeg skips the tag and plays the audio)",
                               field="audio", hint="take the tag out (the audio frames are copied as they are): "
                                                   "ffmpeg -i in.mp3 -map 0:a -c copy -map_metadata -1 out.mp3, then put "
                                                   "out.mp3 in place under the same name (mediafeed writes the tags)"))
    audio = load_tags(data if isinstance(data, mmap.mmap) else io.BytesIO(data), "mp3")
    scan = mpeg.scan_data(data, full=False)
    if scan is None or scan.lead:
        start = mpeg.id3v2_end(data)
        # frame headers with bitrate index 0, "free format": none found, or three chained by chance in a frame's data
        # (a 5 s file was published as 24 ms of audio after 23,719 bytes of unknown data, MED024)
        if scan is None and data[start:start + 1] == b"\xff" and len(data) > start + 2 and data[start + 1] & 0xE0 == 0xE0 \
                and data[start + 2] >> 4 == 0 or scan is not None and mpeg.free_format(data, start):
            raise MediaError(error("MED004", rel, "the MP3 file is free-format (its frame headers give no bitrate, as "
                                                  "'lame --freeformat' writes): ffmpeg and many players cannot play it",
                                   field="audio", hint="encode it again at a standard bitrate, from its recording "
                                                       "(ffmpeg -i recording.wav -c:a libmp3lame -b:a 128k out.mp3) or "
                                                       "from this file with LAME, which reads free format (lame "
                                                       "--mp3input -b 128 in.mp3 out.mp3), then put out.mp3 in place "
                                                       "under the same name"))
    if scan is None:
        raise MediaError(error("MED004", rel, "the MP3 file is truncated or corrupt: it has no MPEG audio frames",
                               field="audio", hint="export it again from your editor"))
    header = scan.header
    beyond = shortfall = 0  # bytes of audio after (before: missing) what the header declares

    def truncated() -> MediaError:
        assert header is not None
        return MediaError(error("MED004", rel, f"the MP3 file is truncated: its {header.kind} header declares {header.bytes} "
                                               f"bytes of audio, the file has {scan.end - scan.start}", field="audio",
                                hint="copy or export it again; check it plays to the end"))

    if header is not None and header.bytes:
        shortfall = header.bytes - (scan.end - scan.start)
        if shortfall > _MP3_SHORTFALL:
            raise truncated()
        beyond = -shortfall
    declared = 0.0
    switch = scan.switch
    # -1: not walked (the tagging pass walks it once). A header that counts its bytes, and counts exactly the bytes
    # there are, is the stream as the encoder wrote it: nothing was spliced in or cut out, and nothing is walked
    # (a walk is 6 ms per 10 minutes: it doubled a real-size cold build's tagging). Bytes overwritten in place,
    # which keep the count, are not found (docs/audio.md, Known limits).
    exact = header is not None and bool(header.bytes) and shortfall == 0 and header.sound
    gap = (scan.gap, scan.gap_at) if header is None or not header.frames else (0, 0.0) if exact else (-1, 0.0)
    if header is None or not header.frames:
        duration, bitrate, mode = scan.duration, scan.bitrate, scan.mode
        sample_rate, channels = scan.sample_rate, scan.channels
    else:
        info = MPEGInfo(data if isinstance(data, mmap.mmap) else io.BytesIO(data), scan.start)
        duration, bitrate, sample_rate, channels = float(info.length), int(info.bitrate), info.sample_rate, info.channels
        mode = {BitrateMode.CBR: "CBR", BitrateMode.VBR: "VBR", BitrateMode.ABR: "ABR"}.get(info.bitrate_mode, "")
        if not mode:
            mode = "CBR" if header.kind == "Info" else "VBR"
        if shortfall > 0 and header.bytes and shortfall / header.bytes * duration > _MP3_MISSING:
            raise truncated()  # a few KB are seconds at a low bitrate: 3,000 bytes of an 8 kbit/s file are 3 s
        # A constant bitrate says how long the bytes play: an Info header whose frame count says otherwise (a tool
        # that rewrote the bytes, not the count) is checked by counting the frames, as is more audio than declared
        # (files joined with cat, say). Both are rare: every other MP3 with a header is not walked.
        bytes_say = (scan.end - scan.start) * 8 / scan.bitrate if header.kind == "Info" and scan.bitrate else 0.0
        if beyond > _MP3_SHORTFALL or not header.sound \
                or (bytes_say and abs(bytes_say - duration) > max(_MP3_BEYOND, duration * 0.01)):
            walked = mpeg.scan_data(data, full=True)
            gap = (walked.gap, walked.gap_at) if walked is not None else gap
            if walked is not None and abs(walked.duration - duration) > max(_MP3_BEYOND, duration * 0.01):
                declared = duration
                duration, bitrate, mode, switch = walked.duration, walked.bitrate, walked.mode, walked.switch
    if duration <= 0:
        raise MediaError(error("MED006", rel, "the MP3 file has no playable audio (duration 0)", field="audio",
                               hint="export the episode again"))
    state = read_state(audio, "mp3")
    media = Media(path=rel, size=size, mime=MIME["mp3"], kind="mp3", duration=duration, bitrate=bitrate or int(size * 8 / duration),
                  bitrate_mode=mode, sample_rate=int(sample_rate), channels=int(channels), video=False, lead=scan.lead,
                  declared=declared, codec=_OLDER_LAYERS.get(scan.layer, ""), rate_switch=switch[0], switch_at=switch[1],
                  cut=scan.cut and (header is None or not header.frames), gap=gap[0], gap_at=gap[1],
                  **_tag_fields(state))
    return media, state
