"""What mediafeed knows about media formats, without reading any file (and without importing mutagen).

A rebuild that probes and tags nothing still asks which formats apps accept and which it can tag; these
answers live here so that asking does not load the probing and tagging code.
"""

from __future__ import annotations

import shutil

SUPPORTED = "MP3, M4A/M4B (AAC), MP4/M4V/MOV video, Ogg Opus, Ogg Vorbis, FLAC, WAV"
#: Formats Apple Podcasts and Spotify accept as an enclosure.
APP_FORMATS = {"mp3", "mp4"}
MIME = {
    "mp3": "audio/mpeg",
    "aac": "audio/aac",
    "ogg-opus": "audio/ogg",
    "ogg-vorbis": "audio/ogg",
    "flac": "audio/flac",
    "wav": "audio/wav",
}
EXTENSIONS = {
    "mp3": {".mp3"},
    "mp4": {".m4a", ".m4b", ".mp4", ".m4v", ".mov"},
    "aac": {".aac"},
    "ogg-opus": {".opus", ".ogg", ".oga"},
    "ogg-vorbis": {".ogg", ".oga"},
    "flac": {".flac"},
    "wav": {".wav"},
}
NAMES = {"mp3": "MP3", "mp4": "MP4/M4A", "aac": "raw AAC (ADTS)", "ogg-opus": "Ogg Opus", "ogg-vorbis": "Ogg Vorbis",
         "flac": "FLAC", "wav": "WAV"}
#: MPEG audio of an older layer than MP3's, as a probed MP3's ``codec`` names it ("" for MP3 itself), and how messages name it.
LAYER_NAMES = {"mp2": "MPEG audio Layer II (MP2)", "mp1": "MPEG audio Layer I (MP1)"}
#: Formats mediafeed writes tags into. WAV and raw AAC have no tag format podcast apps read.
TAGGABLE = {"mp3", "mp4", "flac", "ogg-opus", "ogg-vorbis"}


def ffmpeg_path() -> str:
    """The ffmpeg that writes MP4 chapters, or "" when none is on PATH."""
    return shutil.which("ffmpeg") or ""
