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

from .cache import Cache
from .errors import Problem, error
from .model import AlternateEnclosure, Episode, Media, Show
from .site import url_path

Probe = Callable[[str], "Media | list[Problem]"]
#: Alternate types the probe does not read: WebM (VP8/VP9/AV1 with Opus or Vorbis), what browsers and Podcasting 2.0
#: apps play and no Apple or Spotify enclosure takes. Such a file is published with its length and integrity (no
#: probed bitrate or height: give ``height:`` in the front matter) after :func:`unread_problems` checks it is WebM.
UNREAD_TYPES = frozenset({"video/webm", "audio/webm"})


def probed(mime: str) -> bool:
    """Whether an alternate of this type is probed (its bitrate, height, and problems)."""
    return mime.startswith(("audio/", "video/")) and mime not in UNREAD_TYPES


def unread_problems(path: Path, rel: str, slug: str) -> list[Problem]:
    """An alternate of a type in :data:`UNREAD_TYPES` whose bytes are no WebM (a renamed MP4, an empty file)."""
    from .audio.probe import EBML, describe  # (mutagen's import is kept off builds without such an alternate)

    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError as exc:
        return [error("MED001", rel, f"cannot read the media file: {exc.strerror}", field="alternate_enclosures",
                      episode=slug)]
    if head[:4] == EBML:
        return []
    found = describe(head) if head else "nothing (0 bytes)"
    return [error("MED005", rel, f"its type says WebM, but its content looks like {found}", field="alternate_enclosures",
                  episode=slug, hint="list the WebM file itself, or give this file's own 'type:' (video/mp4 for an MP4)")]


def sri(path: Path, algorithm: str = "sha256") -> str:
    """The W3C Subresource Integrity value of a file: ``sha256-<base64 digest>``."""
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return f"{algorithm}-{base64.b64encode(digest.digest()).decode('ascii')}"


def sri_cached(root: Path, rel: str, cache: Cache) -> str:
    """:func:`sri`, reused while the file's size, mtime and inode are unchanged."""
    path = root / rel
    st = path.stat()
    identity = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"
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
        found = probe(rel) if probed(alternate.mime) else []
        bitrate = alternate.bitrate or (float(found.bitrate) if isinstance(found, Media) and found.bitrate else 0.0)
        # the namespace defines height for video only: the producer's figure, else the probe's
        height = alternate.height or (found.height if isinstance(found, Media) and found.video else 0)
        resolved = replace(alternate, length=path.stat().st_size, bitrate=bitrate, height=height,
                           integrity=sri_cached(root, rel, cache))
        out.append((resolved, show.media_absolute(url_path(rel))))
    if out and not any(a.default for a, _ in out):
        main = AlternateEnclosure(file=episode.audio, mime=media.mime, length=media.size, default=True,
                                  bitrate=float(media.bitrate) if media.bitrate else 0.0,
                                  height=media.height if media.video else 0)
        out.insert(0, (main, show.media_absolute(url_path(page_path + episode.audio))))
    return tuple(out)
