"""What is wrong with a producer's file that tagging's payload check tripped on (TAG002 would blame mediafeed).

The tagged copy is refused when its audio payload differs from the original's. mediafeed's own writers keep every
payload byte, so a difference almost always comes from the original: an MP4 whose sample table points at bytes
outside its media data (a tag editor grew ``moov`` in front of ``mdat`` without moving the chunk offsets, so a chunk
"starts" inside the tags that tagging rewrites), or audio that does not decode. :func:`diagnose` looks at the
original again, on that failure path only (it walks every chunk, and may decode the whole file with ffmpeg), and
says what is wrong, so the message names the producer's file and the fix (export it again) instead of a bug.
"""

from __future__ import annotations

import bisect
import os
from pathlib import Path

from . import mp4
from .formats import ffmpeg_path

#: How long the decode may take (an hour of audio decodes in about 10 s here): past it, nothing is claimed.
_DECODE_TIMEOUT = 120


def diagnose(path: Path, kind: str) -> str:
    """What is damaged in the file at ``path`` (a ``kind`` as the probe names it), or "" when nothing is found."""
    try:
        found = _outside_media(path) if kind == "mp4" else ""
    except (OSError, ValueError):
        found = ""
    return found or _decode_errors(path)


def _outside_media(path: Path) -> str:
    """How a chunk of a sound or video track lies outside every ``mdat`` box, or ""."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        media = mp4.media_spans(handle, size)
        starts = [start for start, _ in media]
        for track in mp4.tracks(handle, size):
            if track.handler not in ("soun", "vide"):
                continue
            for number, (offset, length) in enumerate(mp4.chunk_spans(track), 1):
                at = bisect.bisect_right(starts, offset) - 1
                if at >= 0 and offset + length <= media[at][1]:
                    continue
                box = next((b.name.decode("latin-1") for b in mp4.boxes(handle, 0, size) if b.start <= offset < b.end),
                           "")
                where = f"in its '{box}' box" if box else "past the end of the file"
                kind = "sound" if track.handler == "soun" else "video"
                return (f"chunk {number} of its {kind} track ({length:,} bytes at offset {offset:,}) lies outside its "
                        f"media data ('mdat'), {where}: its sample table points at the wrong bytes (a tag editor that "
                        "grew the index in front of the media without moving the chunk offsets leaves this; players "
                        "play noise or stop there)")
    return ""


def _decode_errors(path: Path) -> str:
    """ffmpeg's first complaint decoding the file's audio, or "" (none, or no ffmpeg to ask)."""
    ffmpeg = ffmpeg_path()
    if not ffmpeg:
        return ""
    import subprocess  # here: the tagger imports this module, and tagging an MP3 runs no command

    try:
        done = subprocess.run([ffmpeg, "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a", "-f", "null", "-"],
                              capture_output=True, text=True, errors="replace", timeout=_DECODE_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    if not lines:
        return ""
    return f"ffmpeg cannot decode it cleanly ({len(lines)} error line(s), the first: {lines[0][:200]})"
