"""Small copies of artwork for pages: a 3000 px cover is for apps, not for a 48 px icon.

Pages show artwork at a few fixed sizes; each size is a JPEG made once per
distinct image and named by a hash of the source bytes, so two episodes with the
same cover share the files and a new cover gets a new URL (browsers cache by URL).
Same input, same bytes: no metadata, fixed quality and encoder settings.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

#: Pixel sizes made for every image: 96 (icons, lists at 2x), 240 (the embed player at 2x), 480 (the show cover at 2x).
SIZES = (96, 240, 480)
FOLDER = "images"


def name(path: Path, size: int) -> str:
    """The site path of ``path`` scaled to ``size`` px: ``images/<hash>-<size>.jpg``."""
    return f"{FOLDER}/{fingerprint(path)}-{size}.jpg"


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def scaled(path: Path, sizes: tuple[int, ...] = SIZES) -> dict[int, bytes]:
    """JPEG bytes of the image at each size (longest side), never larger than the source.

    Raises ``OSError`` for an unreadable image (the artwork checks report it before rendering).
    """
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
        copy.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
        out[size] = buffer.getvalue()
        image = copy  # the next, smaller size scales from this one
    return out
