"""Media files: probe what they really are, and tag them without ever damaging them.

This package is the only place that imports mutagen. Its public surface:

* :func:`probe` → :class:`~mediafeed.model.Media` (format from content, real duration, tags, chapters);
* :class:`Tags` (what to write, in one shape for every format) and :func:`tag` / :func:`tag_copy`
  (copy, tag, re-read, verify the audio payload, replace atomically; padded to a stable size);
* :func:`payload_digest`: a hash of the audio alone, unchanged by tagging.
"""

from __future__ import annotations

from .payload import digest as payload_digest
from .probe import APP_FORMATS, EXTENSIONS, MIME, NAMES, SUPPORTED, describe, probe, sniff
from .tagger import BLOCK, TAGGABLE, TagResult, ffmpeg_path, padded_size, stale_temp_files, tag, tag_copy
from .tagset import Change, Cover, TagChapter, Tags, diff

__all__ = ["APP_FORMATS", "BLOCK", "EXTENSIONS", "MIME", "NAMES", "SUPPORTED", "TAGGABLE", "Change", "Cover", "TagChapter",
           "TagResult", "Tags", "describe", "diff", "ffmpeg_path", "padded_size", "payload_digest", "probe", "sniff",
           "stale_temp_files", "tag", "tag_copy"]
