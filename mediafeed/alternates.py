"""Alternate enclosures (``podcast:alternateEnclosure``): URLs, sizes, bitrates and SRI hashes.

A producer lists other encodings of an episode in the front matter
(``alternate_enclosures``: a file in the episode folder, or an https URL
elsewhere). A local file is published next to the main enclosure; its size, its
bitrate (probed) and a ``sha256-…`` Subresource Integrity value of its exact
bytes go into the feed, so an app can check what it downloaded. Hashes are cached
by file identity, like probes: a rebuild with nothing changed reads no media.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from . import audio
from .cache import Cache
from .chapters import clock
from .errors import Problem, warning
from .model import AlternateEnclosure, Episode, Media, Show
from .pages import same_content
from .probes import media_identity, probe_cached
from .site import url_path

Probe = Callable[[str], "Media | list[Problem]"]
#: WebM (VP8/VP9/AV1 with Opus or Vorbis), what browsers and Podcasting 2.0 apps play and no Apple or Spotify
#: enclosure takes: read by :func:`audio.webm.probe` (an EBML reader of its own: mutagen has none for Matroska), not
#: by mutagen's probe; its length, picture size and codecs go into the feed and the page's ``<source>``.
WEBM_TYPES = frozenset({"video/webm", "audio/webm"})
#: An alternate whose length differs from the main file's by more than this (seconds) is another recording (MED036).
LENGTH_SLACK = 1.0


def probed(mime: str) -> bool:
    """Whether an alternate of this type is probed by mutagen's probe (its bitrate, height, and problems)."""
    return mime.startswith(("audio/", "video/")) and mime not in WEBM_TYPES


def read(root: Path, rel: str, mime: str, cache: Cache, probe: Probe) -> Media | list[Problem]:
    """A local alternate's probe (``probe`` for the types mutagen reads, the WebM reader for WebM; both cached), or
    [] for a type that is not read (a PDF, an HLS playlist)."""
    if mime in WEBM_TYPES:
        return probe_cached(root, rel, cache, webm=True)
    return probe(rel) if probed(mime) else []


def length_problems(found: Media, main: Media, rel: str, slug: str, alternate: AlternateEnclosure | None = None,
                    language: str = "") -> list[Problem]:
    """An alternate whose duration differs from the main file's by more than :data:`LENGTH_SLACK`: apps that switch
    between the versions (or a reader's browser, given the WebM) get another length, or another cut, of the episode.
    A file that does not say its length (a browser's MediaRecorder WebM) is not compared, nor one the front matter
    says is other content: a ``rel:`` of its own (the namespace groups such media apart from the enclosure) or a
    ``lang:`` other than the episode's ``language`` (a dubbed or translated version runs its own length)."""
    if not found.duration or not main.duration or abs(found.duration - main.duration) <= LENGTH_SLACK:
        return []
    if alternate is not None and not same_content(alternate, language):
        return []
    return [warning("MED036", rel, f"this alternate is {clock(found.duration)} long, the episode's file "
                    f"{clock(main.duration)}: another cut or a damaged copy", field="alternate_enclosures", episode=slug,
                    hint="export the alternate again from the same master as the main file (or list the right file)")]


def sri(path: Path, algorithm: str = "sha256") -> str:
    """The W3C Subresource Integrity value of a file: ``sha256-<base64 digest>``."""
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return f"{algorithm}-{base64.b64encode(digest.digest()).decode('ascii')}"


def sri_cached(root: Path, rel: str, cache: Cache) -> str:
    """:func:`sri`, reused while the file's :func:`~mediafeed.probes.media_identity` (size, mtime, ctime, inode) is
    unchanged: bytes rewritten in place at the same size with the mtime put back (``rsync --inplace -t``, a repaired
    byte) change the ctime alone, and the feed kept the old file's integrity, which apps that check it refuse."""
    path = root / rel
    identity = media_identity(path)
    key = f"sri:{rel}"  # kept in the probe table: same identity rule, no new table
    cached = cache.get("probe", key, identity)
    if isinstance(cached, str):
        return cached
    value = sri(path)
    cache.put("probe", key, identity, value)
    return value


def resolve(root: Path, show: Show, episode: Episode, media: Media, page_path: str, cache: Cache,
            probe: Probe) -> tuple[tuple[AlternateEnclosure, str], ...]:
    """Each alternate enclosure with its public URL; local files get length, bitrate and integrity.

    When the producer marks none as ``default``, the main enclosure is listed first
    as the default alternate (as the namespace's examples do), so apps that offer a
    choice of versions show the standard one too.
    """
    out: list[tuple[AlternateEnclosure, str]] = []
    for alternate in episode.alternate_enclosures:
        if not alternate.file:
            out.append((alternate, alternate.url))
            continue
        rel = f"{page_path}{alternate.file}"
        path = root / rel
        found = read(root, rel, alternate.mime, cache, probe)
        codecs = alternate.codecs or (audio.webm.codecs(found) if isinstance(found, Media) and found.kind == "webm" else "")
        bitrate = alternate.bitrate or (float(found.bitrate) if isinstance(found, Media) and found.bitrate else 0.0)
        # the namespace defines height for video only: the producer's figure, else the probe's
        height = alternate.height or (found.height if isinstance(found, Media) and found.video else 0)
        resolved = replace(alternate, length=path.stat().st_size, bitrate=bitrate, height=height,
                           codecs=codecs, integrity=sri_cached(root, rel, cache))
        out.append((resolved, show.media_absolute(url_path(rel))))
    if out and not any(a.default for a, _ in out):
        main = AlternateEnclosure(file=episode.audio, mime=media.mime, length=media.size, default=True,
                                  bitrate=float(media.bitrate) if media.bitrate else 0.0,
                                  height=media.height if media.video else 0)
        out.insert(0, (main, show.media_absolute(url_path(page_path + episode.audio))))
    return tuple(out)
