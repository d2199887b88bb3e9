"""Small copies of artwork for pages: a 3000 px cover is for apps, not for a 48 px icon.

Pages show artwork at a few fixed sizes; each size is a JPEG made once per
distinct image and named by a hash of the source bytes, so two episodes with the
same cover share the files and a new cover gets a new URL (browsers cache by URL).
Same input, same bytes: no metadata, fixed quality and encoder settings.
Scaling a 3000 px PNG takes most of a second, so the copies are kept in the
show's build cache (``.mediafeed/images/``), keyed by the source's hash and the
encoder settings; deleting that folder only costs time.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import os
from pathlib import Path

from .atomicfiles import atomic_write

#: Pixel sizes made for every image: 96 (icons, lists at 2x), 240 (the embed player at 2x), 480 (the show cover at 2x).
SIZES = (96, 240, 480)
FOLDER = "images"
QUALITY = 82
#: Part of every cache key: a change of settings or of Pillow makes new copies.


@functools.lru_cache(maxsize=1)
def settings() -> str:
    """What the scaled copies depend on besides the image: our JPEG settings and Pillow's version (read without
    importing Pillow: a rebuild that finds its copies made does not need it)."""
    return hashlib.sha256(f"jpeg-q{QUALITY}-progressive-lanczos-{pillow_version()}".encode()).hexdigest()[:8]


def pillow_version() -> str:
    """Pillow's version, from ``PIL/_version.py`` (a stat and a 100-byte read); ``importlib.metadata`` only when
    that file cannot be read, as importing it loads the email package (~15 ms of every rebuild's start-up)."""
    try:
        spec = importlib.util.find_spec("PIL")
        if spec is not None and spec.origin:
            with open(os.path.join(os.path.dirname(spec.origin), "_version.py"), encoding="utf-8") as source:
                for line in source:
                    if line.startswith("__version__ = "):
                        return line.split("=", 1)[1].strip().strip("\"'")
    except (ImportError, ValueError, OSError):
        pass
    from importlib import metadata

    return metadata.version("pillow")


def name(path: Path, size: int) -> str:
    """The site path of ``path`` scaled to ``size`` px: ``images/<hash>-<size>.jpg``."""
    return f"{FOLDER}/{fingerprint(path)}-{size}.jpg"


def fingerprint(path: Path) -> str:
    """The hash part of the scaled copies' names; a missing or unreadable image (already reported
    by the artwork checks, e.g. while ``check`` renders the feed of a broken show) gets a fixed one."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return "0" * 12


def scaled(path: Path, sizes: tuple[int, ...] = SIZES) -> dict[int, bytes]:
    """JPEG bytes of the image at each size (longest side), never larger than the source.

    Raises ``OSError`` for an unreadable image (the artwork checks report it before rendering).
    """
    from PIL import Image, UnidentifiedImageError

    out: dict[int, bytes] = {}
    try:
        with Image.open(path) as source:
            largest = max(sizes)
            source.draft("RGB", (largest, largest))  # JPEG: decode at a reduced scale, much faster
            image = source.convert("RGB")
    except UnidentifiedImageError as exc:
        raise OSError(str(exc)) from None
    for size in sorted(sizes, reverse=True):
        copy = image.copy()
        copy.thumbnail((size, size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True)
        out[size] = buffer.getvalue()
        image = copy  # the next, smaller size scales from this one
    return out


def scaled_cached(path: Path, cache_dir: Path | None, sizes: tuple[int, ...] = SIZES) -> dict[int, bytes]:
    """:func:`scaled`, reusing the copies in ``cache_dir`` made from the same bytes with the same settings."""
    if cache_dir is None:
        return scaled(path, sizes)
    key = f"{fingerprint(path)}-{settings()}"
    try:
        return {size: (cache_dir / f"{key}-{size}.jpg").read_bytes() for size in sizes}
    except OSError:
        pass
    made = scaled(path, sizes)
    try:
        for size, data in made.items():
            atomic_write(cache_dir / f"{key}-{size}.jpg", data, durable=False)
    except OSError:
        pass  # a read-only show folder still builds, just more slowly
    return made
