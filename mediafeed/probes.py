"""What a build measures in a file, remembered in the cache while the file's identity is the same.

A media file's probe (``probe`` table) and an artwork's size (``meta`` table) are keyed on
:func:`media_identity`: size, mtime, ctime and inode, so a rebuild neither opens an unchanged file nor imports
the library that reads it (mutagen, Pillow). Files the cache does not know are probed on every core.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from . import audio, checks, codec, fastpath, parallel
from .cache import Cache
from .errors import MediaError, Problem, Severity
from .model import Media


def artwork_size(root: Path, rel: str, cache: Cache) -> tuple[tuple[int, int], list[Problem]]:
    """:func:`checks.image_size` of the show artwork, remembered while the file's identity is the same (a rebuild
    neither opens the image nor imports Pillow)."""
    try:
        identity = media_identity(root / rel)
    except OSError:
        return checks.image_size(root / rel, rel)
    cached = cache.get("meta", f"artwork:{rel}", identity)
    if isinstance(cached, dict):
        try:
            width, height = cached["size"]
            return (int(width), int(height)), [Problem.from_dict(p) for p in cached["problems"]]
        except (TypeError, KeyError, ValueError):
            pass
    size, problems = checks.image_size(root / rel, rel)
    cache.put("meta", f"artwork:{rel}", identity, {"size": list(size), "problems": [p.to_dict() for p in problems]})
    return size, problems


def episode_artwork(root: Path, wanted: dict[str, str], cache: Cache,
                    known: dict[str, str] | None = None) -> dict[str, tuple[tuple[int, int], list[Problem]]]:
    """:func:`checks.image_size` of each episode's own artwork (``wanted``: path from the show root → slug), kept in
    the ``meta`` table under the file's identity like the show artwork's (:func:`artwork_size`): the known ones are
    read in one query, and a rebuild neither opens an unchanged image nor imports Pillow. ``known``: identities
    already taken (the shortcut's listing)."""
    found: dict[str, tuple[tuple[int, int], list[Problem]]] = {}
    identities: dict[str, str] = {}
    known = known or {}
    for rel, slug in wanted.items():
        try:
            identities[rel] = known.get(rel) or media_identity(root / rel)
        except OSError:  # (a missing file: SRC041 says so; ART001 too, as before)
            found[rel] = checks.image_size(root / rel, rel, episode=slug)
    cached = cache.get_many("meta", {f"artwork:{rel}": identity for rel, identity in identities.items()},
                            scan=len(identities) > 100)
    for rel, identity in identities.items():
        row = cached.get(f"artwork:{rel}")
        if isinstance(row, dict):
            try:
                width, height = row["size"]
                found[rel] = (int(width), int(height)), [Problem.from_dict(p) for p in row["problems"]]
                continue
            except (TypeError, KeyError, ValueError):
                pass
        size, problems = checks.image_size(root / rel, rel, episode=wanted[rel])
        cache.put("meta", f"artwork:{rel}", identity, {"size": list(size), "problems": [p.to_dict() for p in problems]})
        found[rel] = size, problems
    return found


def media_identity(path: Path | str) -> str:
    """What a media file's cached probe is keyed on: size, mtime, ctime (any write changes it) and inode."""
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def known_identities(sweep: fastpath.Sweep | None, root: Path, rels: list[str]) -> dict[str, str]:
    """rel → :func:`media_identity` of the files that the shortcut's look (``sweep``) found as regular files
    (not links: their identity is their target's), so that a rebuild does not stat them again."""
    if sweep is None or sweep.root != root:
        return {}
    found: dict[str, str] = {}
    folders: dict[str, dict[str, os.stat_result | None]] = {}
    for rel in rels:
        folder, _, name = rel.rpartition("/")
        if folder not in folders:
            folders[folder] = dict(sweep.listing(folder) or ())
        st = folders[folder].get(name)
        if st is not None and stat.S_ISREG(st.st_mode):
            found[rel] = sweep.identity(rel) or f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
    return found


def probe_all(root: Path, rels: list[str], cache: Cache,
              known: dict[str, str] | None = None) -> dict[str, tuple[str, Media | list[Problem]]]:
    """rel → (identity, probe) for the files whose probe is cached or was made here: the cached ones read in one
    query, the others probed on every core (a cold build: all of them). Files left out (unreadable ones, or
    too few to be worth a pool) are for :func:`probe_cached`. ``known``: identities already taken (rel → identity)."""
    identities: dict[str, str] = {}
    known = known or {}
    for rel in rels:
        try:
            identities[rel] = known.get(rel) or media_identity(root / rel)
        except OSError:
            continue  # probe_cached reports it
    cached = cache.get_many("probe", identities, scan=len(identities) > 100)
    found: dict[str, tuple[str, Media | list[Problem]]] = {}
    for rel, identity in identities.items():
        probe = _cached_probe(cached.get(rel))
        if probe is not None:
            found[rel] = (identity, probe)
    missing = [(rel, identity) for rel, identity in identities.items() if rel not in found]
    if len(missing) < parallel.MIN_ITEMS:
        return found  # not worth a pool: probe_cached probes them one by one
    probes = parallel.imap_ordered(_probe, root, [rel for rel, _ in missing], share=True)
    for (rel, identity), made in zip(missing, probes, strict=True):
        cache.stats["probed"] += 1
        if isinstance(made, parallel.Failed):
            cache.put("probe", rel, identity, {"problems": [p.to_dict() for p in made.problems]})
            found[rel] = (identity, made.problems)
        else:
            cache.put("probe", rel, identity, codec.dump_fields(made))
            found[rel] = (identity, made)
    return found


def _probe(root: Path, rel: str) -> Media:
    return audio.probe(root / rel, rel)


def _cached_probe(cached: object) -> Media | list[Problem] | None:
    """A cached probe result, or None when there is none or it is not what mediafeed wrote."""
    try:
        if isinstance(cached, list):  # (codec.dump_fields: a row without the names of the fields)
            media: Media = codec.load_fields(Media, cached)
            return media
        if isinstance(cached, dict) and "problems" in cached:
            return [Problem.from_dict(p) for p in cached["problems"]]
    except (TypeError, KeyError, ValueError, AttributeError):
        return None
    return None


def probe_cached(root: Path, rel: str, cache: Cache, webm: bool = False) -> Media | list[Problem]:
    """Probe a media file, or reuse the cached result while its identity (:func:`media_identity`) is unchanged.
    ``webm``: read it as a WebM alternate (:func:`audio.webm.probe`; mutagen has no Matroska reader)."""
    path = root / rel
    try:
        identity = media_identity(path)
    except OSError as exc:
        return [Problem(rel, "MED001", Severity.ERROR, f"cannot read the media file: {exc.strerror}", field="audio")]
    key = f"webm:{rel}" if webm else rel
    cached = _cached_probe(cache.get("probe", key, identity))
    if cached is not None:
        return cached
    cache.stats["probed"] += 1
    try:
        media = audio.webm.probe(path, rel) if webm else audio.probe(path, rel)
    except MediaError as exc:
        cache.put("probe", key, identity, {"problems": [p.to_dict() for p in exc.problems]})
        return exc.problems
    cache.put("probe", key, identity, codec.dump_fields(media))
    return media
