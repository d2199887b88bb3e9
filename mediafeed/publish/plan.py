"""What a publish will do: the local site, the headers of each file, and the ordered uploads and deletions.

Pure decisions, no network: ``scan`` hashes the built site (reusing hashes of
files whose size and mtime did not change), ``headers`` says how each file is
served, and ``make_plan`` compares the site with the target's manifest.

Order keeps subscribers safe: media first, then artwork, then side files and
pages, the feeds last (feed.json, then feed.xml), deletions after the feeds. A
feed therefore never points at a file that is not there yet, and an interrupted
publish leaves the old feed in place.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import field
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..mediatypes import IMAGES, MEDIA, content_type, feed_document
from ..output import LAST, atomic_write, is_safe_output
from ..records import frozen, mutable
from .config import CachePolicy
from .manifest import MANIFEST, Entry, Manifest

PHASES = ("media", "images", "pages", "feeds")
HASH_CACHE = "publish-hashes.json"


@frozen
class LocalFile:
    rel: str
    path: Path
    size: int
    sha256: str


@frozen
class Upload:
    rel: str
    path: Path
    size: int
    sha256: str
    type: str
    cache: str
    phase: str
    replaces: bool = False  #: a different file is on the target at this path

    def entry(self) -> Entry:
        return Entry(self.sha256, self.size, self.type, self.cache)


@mutable
class Plan:
    uploads: list[Upload] = field(default_factory=list)  #: in upload order
    deletions: list[str] = field(default_factory=list)  #: after the feeds
    protected: list[str] = field(default_factory=list)  #: gone from the site but kept: media of published episodes
    stale: list[str] = field(default_factory=list)  #: gone from the site, kept because --delete was not given
    unchanged: list[str] = field(default_factory=list)
    manifest: Manifest = field(default_factory=Manifest)  #: what the target holds before publishing

    @property
    def bytes(self) -> int:
        return sum(u.size for u in self.uploads)

    def phase(self, name: str) -> list[Upload]:
        return [u for u in self.uploads if u.phase == name]


def phase(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    ext = os.path.splitext(name)[1].lower()
    if rel in LAST:
        return "feeds"
    if ext in MEDIA:
        return "media"
    if ext in IMAGES:
        return "images"
    return "pages"


def cache_control(rel: str, policy: CachePolicy) -> str:
    kind = phase(rel)
    if kind == "media":
        # the ledger refuses a re-cut file at a published URL, so a media URL's bytes never change
        return f"public, max-age={policy.media}, immutable"
    seconds = {"images": policy.images, "feeds": policy.feed}.get(kind, policy.pages)
    if feed_document(rel):
        seconds = policy.feed
    return f"public, max-age={seconds}" if seconds else "no-cache"


def scan(site: Path, hash_cache: Path | None = None) -> dict[str, LocalFile]:
    """Every file of the built site (hidden files skipped, ``.well-known/`` kept), hashed."""
    cached = _read_hashes(hash_cache)
    found: dict[str, LocalFile] = {}
    fresh: dict[str, list[object]] = {}
    for folder, dirs, files in os.walk(site):
        base = Path(folder)
        rel_dir = base.relative_to(site).as_posix()
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") or (rel_dir == "." and d == ".well-known"))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = base / name
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            if not is_safe_output(rel) or not path.is_file():
                continue
            st = path.stat()
            key = str(path)
            hit = cached.get(key)
            if type(hit) is list and len(hit) == 3 and hit[0] == st.st_size and hit[1] == st.st_mtime_ns \
                    and type(hit[2]) is str and len(hit[2]) == 64:  # (anything else in the file is a miss)
                digest = hit[2]
            else:
                digest = file_sha256(path)
            fresh[key] = [st.st_size, st.st_mtime_ns, digest]
            found[rel] = LocalFile(rel, path, st.st_size, digest)
    if hash_cache is not None and fresh != cached:
        atomic_write(hash_cache, json.dumps(fresh, sort_keys=True).encode(), durable=False)
    return found


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_hashes(path: Path | None) -> dict[str, list[object]]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def published_media(enclosures: list[str]) -> set[str]:
    """URL paths (unquoted) of every enclosure in published.json."""
    return {unquote(urlparse(url).path) for url in enclosures}


def is_protected(rel: str, enclosure_paths: set[str]) -> bool:
    return any(path == "/" + rel or path.endswith("/" + rel) for path in enclosure_paths)


def make_plan(local: dict[str, LocalFile], remote: Manifest, policy: CachePolicy, *, sets_headers: bool,
              delete: bool, enclosure_paths: set[str]) -> Plan:
    plan = Plan(manifest=remote)
    order = {name: index for index, name in enumerate(PHASES)}
    last = {name: index for index, name in enumerate(LAST)}
    for rel in sorted(local, key=lambda r: (order[phase(r)], last.get(r, -1), r)):
        if rel == MANIFEST:
            continue
        file = local[rel]
        mime, cache = content_type(rel), cache_control(rel, policy)
        have = remote.files.get(rel)
        # a path a killed publish was writing may hold either version: written again
        same = have is not None and have.sha256 == file.sha256 and have.size == file.size and rel not in remote.writing
        if same and sets_headers:
            same = have is not None and have.type == mime and have.cache == cache
        if same:
            plan.unchanged.append(rel)
            continue
        replaces = have is not None and (have.sha256 != file.sha256 or have.size != file.size)
        plan.uploads.append(Upload(rel, file.path, file.size, file.sha256, mime, cache, phase(rel), replaces))
    for rel in sorted((set(remote.files) | remote.writing) - set(local)):
        if rel == MANIFEST:
            continue
        if is_protected(rel, enclosure_paths):
            plan.protected.append(rel)
        elif delete:
            plan.deletions.append(rel)
        else:
            plan.stale.append(rel)
    return plan
