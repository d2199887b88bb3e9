"""Small copies of artwork for pages: a 3000 px cover is for apps, not for a 48 px icon.

Pages show artwork at a few fixed sizes; each size is a JPEG made once per
distinct image and named by a hash of the source bytes, so two episodes with the
same cover share the files and a new cover gets a new URL (browsers cache by URL).
Same input, same bytes: no metadata, fixed quality and encoder settings.
Scaling a 3000 px PNG takes most of a second, so the copies are kept in the
show's build cache (``.mediafeed/images/``), keyed by the source's hash and the
encoder settings; deleting that folder only costs time. They are also kept in the
user's cache (``~/.cache/mediafeed/images/``, as the default theme's compiled
templates are), so a show's first build (or one after ``--clean``) takes them from
there: scaling the sample artwork at the three sizes cost ~50 ms of every cold build.
The user's cache keeps a copy while builds use it: see :func:`prune`.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import io
import os
import time
from pathlib import Path
from typing import BinaryIO

from .atomicfiles import atomic_write, enter_versioned, read_checked, sweep_temp_files, write_checked
from .lazypattern import lazy

#: Pixel sizes made for every image: 96 (icons, lists at 2x), 240 (the embed player at 2x), 480 (the show cover at 2x).
SIZES = (96, 240, 480)
FOLDER = "images"
QUALITY = 82
#: Part of every cache key: a change of settings or of Pillow makes new copies.

#: The user's cache keeps an artwork's copies while a build used them in the last PRUNE_DAYS days, and the least
#: recently used go while the copies take more than PRUNE_BYTES; it is looked at once a day at most (:func:`prune`).
PRUNE_DAYS = 90
PRUNE_BYTES = 256 << 20
DAY = 86400
#: the file in the user cache's folder whose mtime says when it was last pruned
PRUNED = ".pruned"
#: a copy in the user's cache: ``<SHA-256 of the image>-<size>.jpg``
_COPY = lazy(r"(?P<key>[0-9a-f]{64})-[0-9]{1,5}\.jpg")


@functools.lru_cache(maxsize=1)
def settings() -> str:
    """What the scaled copies depend on besides the image: our JPEG settings and Pillow's version (read without
    importing Pillow: a rebuild that finds its copies made does not need it)."""
    return hashlib.sha256(f"jpeg-q{QUALITY}-progressive-lanczos-oriented-icc-on-white-{pillow_version()}".encode()).hexdigest()[:8]


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


def scaled(path: Path | BinaryIO, sizes: tuple[int, ...] = SIZES) -> dict[int, bytes]:
    """JPEG bytes of the image (a file, or its bytes in a file object) at each size (longest side), never larger
    than the source.

    Raises ``OSError`` for an unreadable image (the artwork checks report it before rendering).
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    out: dict[int, bytes] = {}
    try:
        with Image.open(path) as source:
            largest = max(sizes)
            source.draft("RGB", (largest, largest))  # JPEG: decode at a reduced scale, much faster
            # a phone's photo is stored sideways with an EXIF orientation, which browsers honour in the artwork itself;
            # the copies, saved without EXIF, showed it sideways on the pages
            image = ImageOps.exif_transpose(source)
            if image.mode in ("RGBA", "LA", "PA", "La") or "transparency" in image.info:
                # a transparent artwork (ART008) laid on white, as a page shows it: converted as it was, its see-through
                # pixels showed whatever colour they stored (red, black: what the editor left under them)
                layer = image.convert("RGBA")
                image = Image.new("RGBA", layer.size, (255, 255, 255, 255))
                image.alpha_composite(layer)
            image = image.convert("RGB")
            profile = source.info.get("icc_profile") or b""
    except UnidentifiedImageError as exc:
        raise OSError(str(exc)) from None
    # a Display P3 picture (an iPhone's, a Mac's export) keeps its colour profile in the copies, which without it were
    # shown as sRGB: duller than the artwork itself. Only an RGB profile fits the copies' RGB pixels.
    extra = {"icc_profile": profile} if profile[16:20] == b"RGB " else {}
    for size in sorted(sizes, reverse=True):
        copy = image.copy()
        copy.thumbnail((size, size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True, **extra)
        out[size] = buffer.getvalue()
        image = copy  # the next, smaller size scales from this one
    return out


def scaled_cached(path: Path, cache_dir: Path | None, sizes: tuple[int, ...] = SIZES,
                  user_dir: Path | None = None) -> dict[int, bytes]:
    """:func:`scaled`, reusing the copies in ``cache_dir`` (the show's) or else in ``user_dir`` (the user's cache,
    shared by every show) made from the same bytes with the same settings."""
    if cache_dir is None:
        return scaled(path, sizes)
    try:
        source = path.read_bytes()
    except OSError:
        return scaled(path, sizes)  # (raises the error the artwork checks reported)
    digest = hashlib.sha256(source).hexdigest()
    key = f"{digest[:12]}-{settings()}"
    try:
        return {size: (cache_dir / f"{key}-{size}.jpg").read_bytes() for size in sizes}
    except OSError:
        pass
    shared = user_dir / settings() if user_dir is not None else None  # (named by the settings: see _keep)
    made = _from_user_cache(shared, digest, sizes) if shared is not None else None
    if made is None:
        made = scaled(io.BytesIO(source), sizes)  # the bytes hashed: a file replaced meanwhile is not kept as this
        if shared is not None:
            _keep(shared, digest, made, checked=True)
    _keep(cache_dir, key, made, checked=False)
    return made


def _from_user_cache(folder: Path, key: str, sizes: tuple[int, ...]) -> dict[int, bytes] | None:
    """The copies kept in the user's cache, or None when one is missing or damaged: each file there is checked
    (:func:`atomicfiles.read_checked`: the folder outlives every show and ``--clean``, so a torn file would otherwise
    be published by every show with that artwork until someone cleared it by hand)."""
    found = {}
    for size in sizes:
        data = read_checked(folder / f"{key}-{size}.jpg")
        if data is None:
            return None
        found[size] = data
    _used([folder / f"{key}-{size}.jpg" for size in sizes])
    return found


def _used(paths: list[Path]) -> None:
    """Say that a build used these copies (their mtime, what :func:`prune` goes by), once a day at most: the clock of
    a file read is not kept (``noatime``, ``relatime``)."""
    now = time.time()
    for path in paths:
        try:
            if os.stat(path).st_mtime < now - DAY:
                os.utime(path)
        except OSError:
            pass  # a read-only user cache: its copies may go in a prune, and are made again then


def _keep(folder: Path, key: str, made: dict[int, bytes], checked: bool) -> None:
    """Write the copies into ``folder``; with ``checked`` (the user's cache, a folder per settings), each checked,
    and the folders of other settings (an older Pillow's copies: never read again) are removed first.

    A build killed while it wrote a copy left its temp file (``.KEY-480.jpg.PID-N.tmp``) beside the copies, where
    no later write replaces it (the next build writes its own temp file): the temp files of writers no longer
    running are swept each time copies are written, as they are in the site's folder."""
    try:
        if checked:
            enter_versioned(folder)
        if folder.is_dir():
            sweep_temp_files(folder)
        for size, data in made.items():
            if checked:
                write_checked(folder / f"{key}-{size}.jpg", data)
            else:
                atomic_write(folder / f"{key}-{size}.jpg", data, durable=False)
        if checked:
            prune(folder, keep=key)
    except OSError:
        pass  # a read-only show folder (or user cache) still builds, just more slowly


def prune(folder: Path, keep: str = "") -> list[str]:
    """Remove from the user cache's ``folder`` the copies no build used for :data:`PRUNE_DAYS` days, then, while the
    copies left take more than :data:`PRUNE_BYTES`, the least recently used (each artwork's copies together; never
    ``keep``'s, just made); the keys removed. At most once a day (:data:`PRUNED`'s mtime): called when a build writes
    new copies there (it has just scaled artwork, so Pillow's ~50 ms dwarf a look at the folder), never by a build
    that finds its copies, so the cache grows only with new artwork, and that growth is bounded.

    Safe beside other builds: a copy removed while one reads it fails its check (:func:`atomicfiles.read_checked`)
    and is made again; names other than copies (temp files, this marker) are left alone."""
    now = time.time()
    marker = folder / PRUNED
    try:
        if now - DAY < marker.stat().st_mtime <= now:  # (one from the future, touched while the clock was ahead, is stale:
            return []                                   # else no prune ran until that date came)
    except FileNotFoundError:
        pass
    marker.touch()  # (first: another build writing copies meanwhile does not look too)
    keys: dict[str, tuple[float, int, list[str]]] = {}  # key → (when last used, bytes, names)
    with os.scandir(folder) as entries:
        for entry in entries:
            found = _COPY.fullmatch(entry.name)
            if found is None or not entry.is_file(follow_symlinks=False):
                continue
            st = entry.stat(follow_symlinks=False)
            used, size, names = keys.get(found["key"], (0.0, 0, []))
            keys[found["key"]] = (max(used, st.st_mtime), size + st.st_size, [*names, entry.name])
    total = sum(size for _, size, _ in keys.values())
    removed = []
    for key, (used, size, names) in sorted(keys.items(), key=lambda kv: (kv[1][0], kv[0])):  # least recently used first
        if key == keep:
            continue
        if used > now - PRUNE_DAYS * DAY and total <= PRUNE_BYTES:
            break
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / name)
        total -= size
        removed.append(key)
    return sorted(removed)
