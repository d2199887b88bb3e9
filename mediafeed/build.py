"""The recipe: load → probe → check → render → write, returning a report.

``load_project`` gathers everything from disk (show, episodes, probed media)
and every problem; ``render_site`` turns a loaded project into output files;
``build`` runs both, and renders (writing each file as soon as it is rendered)
only when nothing is wrong. The cache (``.mediafeed/``) makes a rebuild with nothing
changed cheap: no re-parsing, no re-probing, no rendering of unchanged notes,
no rewriting of unchanged files.
"""

from __future__ import annotations

import collections
import collections.abc
import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import time
from collections.abc import Callable
from dataclasses import field, fields, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, overload

from . import __version__, audio, checks, codec, fastpath, incremental, output, parallel, showlock, site, tagging, transcripts
from . import alternates as alternates_io
from . import cache as cache_io
from . import chapters as chapter_io
from . import ledger as ledger_io
from . import notes as notes_io
from . import value as value_io
from .cache import CACHE_DIR, Cache
from .config import load_show
from .dates import source_date
from .episodes import EPISODE_FILE, EPISODES_DIR, Folder, discover, read_episode
from .errors import InputError, MediaError, MediafeedError, Problem, Severity, has_errors
from .model import Episode, Item, Media, RenderedNotes, Show
from .records import mutable
from .render import Renderer, read_cues
from .site import theme_fingerprint as site_theme_fingerprint
from .site import url_path

Progress = Callable[[str, int, int], None]
NOTES_FORMAT = "2"  #: tag of the notes rows (see _notes_from): a new layout must not read older rows


@mutable
class Project:
    """Everything read from a show folder, before rendering."""

    root: Path
    show: Show | None
    episodes: list[Episode] = field(default_factory=list)  #: all parsed episodes, drafts included
    media: dict[str, Media] = field(default_factory=dict)  #: slug → probed source media
    problems: list[Problem] = field(default_factory=list)
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    artwork_size: tuple[int, int] = (0, 0)
    #: an episode's own artwork (path from the show root) → its (width, height) and problems, remembered as the
    #: show artwork's are (:func:`episode_artwork`)
    episode_artwork: dict[str, tuple[tuple[int, int], list[Problem]]] = field(default_factory=dict)
    show_key: str = ""  #: hash of show.yml as parsed (incremental builds)
    fingerprints: dict[str, str] = field(default_factory=dict)  #: slug → hash of everything its outputs read
    #: slug → the key of its rendered notes (:func:`_notes_key`), kept in the episode's cache row: a rebuild does
    #: not hash every episode's Markdown again
    notes_keys: dict[str, str] = field(default_factory=dict)
    #: the slugs of the episodes read from their cache row, not parsed: the build that parsed one also rendered and
    #: kept its notes (when it was published), so a rebuild does not ask the cache whether a thousand notes are there
    cached: set[str] = field(default_factory=set)

    def status(self, episode: Episode) -> str:
        """"published", "draft" or "scheduled"."""
        if episode.draft:
            return "draft"
        if episode.date > self.now:
            return "scheduled"
        return "published"

    def published(self) -> list[Episode]:
        """Episodes in the feed, newest first (ties broken by slug for stable output)."""
        live = [e for e in self.episodes if self.status(e) == "published" and e.slug in self.media]
        return sorted(live, key=lambda e: (e.date, e.slug), reverse=True)


@mutable
class BuildReport:
    output: Path
    episodes: int = 0
    drafts: int = 0
    scheduled: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    probed: int = 0
    rendered: int = 0  #: output units rendered (an episode's pages, the indexes, the feeds…)
    kept: int = 0  #: output units kept from the last build without rendering (unchanged inputs)
    seconds: float = 0.0
    ledger_updated: bool = False
    tagged: list[str] = field(default_factory=list)  #: media files tagged (into the published copy) by this build
    #: published.json as this build's feed has it (saved here unless ``record=False``; publish saves it once that feed is live)
    ledger: ledger_io.Ledger | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": str(self.output),
            "episodes": self.episodes,
            "drafts": self.drafts,
            "scheduled": self.scheduled,
            "written": self.written,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "probed": self.probed,
            "rendered": self.rendered,
            "kept": self.kept,
            "seconds": round(self.seconds, 3),
            "ledger_updated": self.ledger_updated,
            "tagged": self.tagged,
            "problems": [p.to_dict() for p in self.problems],
        }


class BuildFailed(MediafeedError):
    """The show has errors; nothing was written."""


def folder_keys(folders: list[Folder], cache: Cache) -> dict[str, str]:
    """slug → a folder's key: the SHA-256 of its ``episode.md`` and the name, size and mtime of every file in it.

    ``episode.md`` is read only when the cache does not know its bytes' hash under its identity (size, mtime,
    ctime, inode: any write changes its ctime), so a rebuild reads the files that changed, not all of them.
    A file written within :data:`episodes.RACY_NS` of the listing is read every time and its hash not kept:
    a second write in the same clock tick could leave its identity as it was."""
    known = cache.get_many(CONTENT_TABLE, {f.slug: f.identity for f in folders if f.identity and not f.racy},
                           text=True, scan=len(folders) > 100)
    keys = {}
    for folder in folders:
        content = known.get(folder.slug)
        if content is None or len(content) != 64:
            content = hashlib.sha256(Path(folder.where, EPISODE_FILE).read_bytes()).hexdigest()
            cache.stats["hashed"] += 1
            if folder.identity and not folder.racy:
                cache.put_text(CONTENT_TABLE, folder.slug, folder.identity, content)
        listing = "".join(f"\0{name}\0{size}\0{mtime}" for name, size, mtime in folder.files)
        keys[folder.slug] = hashlib.sha256(f"{content}{listing}".encode()).hexdigest()
    return keys


#: slug → the SHA-256 of its ``episode.md``, kept under the file's identity (see :func:`folder_keys`)
CONTENT_TABLE = "content"


def load_project(root: Path, cache: Cache, progress: Progress | None = None, now: datetime | None = None,
                 sweep: fastpath.Sweep | None = None) -> Project:
    """Read show.yml, every episode and every media file, collecting all problems. ``sweep``: the look
    :func:`fastpath.check` took at the show just before (its listing of the episode folders is reused)."""
    root = root.resolve()
    show, problems = load_show(root)
    project = Project(root=root, show=show, problems=list(problems))
    project.now = now or source_date() or datetime.now(UTC)
    if show is None:
        return project
    if show.artwork:
        project.artwork_size, art_problems = artwork_size(root, show.artwork, cache)
        project.problems.extend(art_problems)
    folders, found = discover(root, sweep if sweep is not None and sweep.root == root else None)
    project.problems.extend(found)
    show_key = hashlib.sha256(repr(codec.dump(show)).encode()).hexdigest()
    project.show_key = show_key
    keys = folder_keys(folders, cache)
    tags = {slug: f"{key}:{show_key}" for slug, key in keys.items()}
    # The rows the cache has are read (500 a query: not all at once) and decoded first; the episodes it does not
    # know (a cold build: all of them) are then parsed on every core.
    loaded: dict[str, tuple[Episode | None, list[Problem], str]] = {}
    for start in range(0, len(folders), 500):
        chunk = folders[start:start + 500]
        rows = cache.get_many("episode", {f.slug: tags[f.slug] for f in chunk}, text=True)
        for folder in chunk:
            row = _episode_from(rows.get(folder.slug))
            if row is not None:
                loaded[folder.slug] = row
    misses = [folder for folder in folders if folder.slug not in loaded]
    results = parallel.map_ordered(_read_episode, show, misses, share=True)
    fresh = dict(zip([folder.slug for folder in misses], results, strict=True))
    for index, folder in enumerate(folders):
        cached = loaded.pop(folder.slug, None)
        if cached is None:
            cache.stats["parsed"] += 1
            parsed = fresh.pop(folder.slug, None)
            episode, episode_problems = parsed if isinstance(parsed, tuple) else read_episode(folder, show)
            notes_key = _notes_key(episode.notes_markdown, show.absolute(f"{EPISODES_DIR}/{episode.slug}/")) \
                if episode is not None else ""
            cache.put_text("episode", folder.slug, tags[folder.slug], _episode_row(episode, episode_problems, notes_key))
        else:
            episode, episode_problems, notes_key = cached
            project.cached.add(folder.slug)
        project.problems.extend(episode_problems)
        if episode is not None:
            project.episodes.append(episode)
            project.notes_keys[episode.slug] = notes_key
        if progress:
            progress("read", index + 1, len(folders))
    project.problems.extend(checks.duplicates(project.episodes))
    live = [e for e in project.episodes if project.status(e) == "published"]
    rels = [f"{EPISODES_DIR}/{e.slug}/{e.audio}" for e in live]
    probed = probe_all(root, rels, cache, _identities(sweep, root, rels))
    art = {f"{EPISODES_DIR}/{e.slug}/{e.artwork}": e.slug for e in live if e.artwork}
    art_identities = _identities(sweep, root, list(art))
    project.episode_artwork = episode_artwork(root, art, cache, art_identities)
    for index, episode in enumerate(live):
        rel = f"{EPISODES_DIR}/{episode.slug}/{episode.audio}"
        identity, media = probed.get(rel) or ("", probe_cached(root, rel, cache))
        if isinstance(media, Media):
            project.media[episode.slug] = media
            # the artwork's identity too: its size is in the feed item and the oEmbed file
            picture = (art_identities.get(f"{EPISODES_DIR}/{episode.slug}/{episode.artwork}", "artwork"),) \
                if episode.artwork else ()
            project.fingerprints[episode.slug] = incremental.digest(keys[episode.slug], show_key,
                                                                    identity or media_identity(root / rel), *picture)
        else:  # the probe knows the file, not the episode: group its problems under the episode
            project.problems.extend(p if p.episode else replace(p, episode=episode.slug) for p in media)
        if progress:
            progress("probe", index + 1, len(live))
    return project


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
            return (int(width), int(height)), _problems(cached["problems"])
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
                found[rel] = (int(width), int(height)), _problems(row["problems"])
                continue
            except (TypeError, KeyError, ValueError):
                pass
        size, problems = checks.image_size(root / rel, rel, episode=wanted[rel])
        cache.put("meta", f"artwork:{rel}", identity, {"size": list(size), "problems": [p.to_dict() for p in problems]})
        found[rel] = size, problems
    return found


def _read_episode(show: Show, folder: Folder) -> tuple[Episode | None, list[Problem]]:
    return read_episode(folder, show)


#: where an episode's Markdown is among its fields (see _episode_row)
_MARKDOWN = [f.name for f in fields(Episode)].index("notes_markdown")


def _episode_row(episode: Episode | None, problems: list[Problem], notes_key: str) -> str:
    """An episode's row in the cache (table ``episode``): ``"<length of head>:" + head + Markdown``, the head being
    the JSON of [the episode's fields in order (:func:`codec.dump_fields`, its Markdown left out), its problems,
    the key of its notes (:func:`_notes_key`: the row's tag covers show.yml, hence the page URL in it)].
    The Markdown, most of the row, is sliced off, not parsed, and the fields are read without their names: a
    rebuild reads a thousand of these rows in about half the time JSON objects took."""
    values = codec.dump_fields(episode) if episode is not None else None
    markdown = ""
    if values is not None:
        markdown, values[_MARKDOWN] = values[_MARKDOWN], ""
    head = json.dumps([values, [p.to_dict() for p in problems], notes_key], separators=(",", ":"), ensure_ascii=False)
    return f"{len(head)}:{head}{markdown}"


def _episode_from(row: object) -> tuple[Episode | None, list[Problem], str] | None:
    """The episode, problems and notes key of a row written by :func:`_episode_row`; None when there is no row, or
    it is not what mediafeed wrote (then the episode is parsed again)."""
    if not isinstance(row, str):
        return None
    length, _, rest = row.partition(":")
    if not length.isdigit() or int(length) > len(rest):
        return None
    cut = int(length)
    try:
        values, problems, notes_key = cache_io.loads(rest[:cut])
        if values is None:
            return (None, _problems(problems), "") if cut == len(rest) and notes_key == "" else None
        if values[_MARKDOWN] != "" or notes_key.__class__ is not str or len(notes_key) != 64:
            return None
        values[_MARKDOWN] = rest[cut:]
        episode: Episode = codec.load_fields(Episode, values)
        return episode, _problems(problems), notes_key
    except (TypeError, KeyError, ValueError, IndexError, AttributeError):
        return None


def _problems(data: list[dict[str, str]]) -> list[Problem]:
    return [Problem.from_dict(p) for p in data]


def media_identity(path: Path) -> str:
    """What a media file's cached probe is keyed on: size, mtime, ctime (any write changes it) and inode."""
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def _identities(sweep: fastpath.Sweep | None, root: Path, rels: list[str]) -> dict[str, str]:
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
            found[rel] = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
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
            return _problems(cached["problems"])
    except (TypeError, KeyError, ValueError, AttributeError):
        return None
    return None


def probe_cached(root: Path, rel: str, cache: Cache) -> Media | list[Problem]:
    """Probe a media file, or reuse the cached result while its identity (:func:`media_identity`) is unchanged."""
    path = root / rel
    try:
        identity = media_identity(path)
    except OSError as exc:
        return [Problem(rel, "MED001", Severity.ERROR, f"cannot read the media file: {exc.strerror}", field="audio")]
    cached = _cached_probe(cache.get("probe", rel, identity))
    if cached is not None:
        return cached
    cache.stats["probed"] += 1
    try:
        media = audio.probe(path, rel)
    except MediaError as exc:
        cache.put("probe", rel, identity, {"problems": [p.to_dict() for p in exc.problems]})
        return exc.problems
    cache.put("probe", rel, identity, codec.dump_fields(media))
    return media


#: what url_path leaves as it is: a slug made of these is its own URL path
_URL_SAFE = re.compile(r"[a-z0-9._-]+")


def make_items(project: Project, cache: Cache) -> list[Item]:
    """Published episodes with their URLs, rendered notes and side files, newest first."""
    show = project.show
    assert show is not None
    items = []
    published = project.published()
    reader = NotesReader(cache)
    rendered = reader.prepare([(e.notes_markdown, show.absolute(f"{EPISODES_DIR}/{e.slug}/")) for e in published],
                              [project.notes_keys.get(e.slug) for e in published],
                              [e.slug in project.cached for e in published])
    # A slug is URL-safe (episodes.SLUG, checked again by _URL_SAFE), so a file's URL path is its page's path + its
    # quoted name, and a show's episodes share a few names (audio.mp3, artwork.jpg): each is quoted once.
    quoted: dict[str, str] = {}
    show_art = url_path(show.artwork) if show.artwork else ""
    for episode, notes in zip(published, rendered, strict=True):
        media = project.media[episode.slug]
        page_path = f"{EPISODES_DIR}/{episode.slug}/"
        page_url = show.absolute(page_path)
        enclosure_path = page_path + episode.audio
        image_path = page_path + episode.artwork if episode.artwork else ""
        if _URL_SAFE.fullmatch(episode.slug):
            audio_url = page_path + (quoted.get(episode.audio) or quoted.setdefault(episode.audio, url_path(episode.audio)))
            image_url = page_path + (quoted.get(episode.artwork) or quoted.setdefault(episode.artwork,
                                                                                      url_path(episode.artwork))) \
                if image_path else show_art
        else:  # (SLUG's "$" lets a name end with a newline)
            audio_url, image_url = url_path(enclosure_path), url_path(image_path or show.artwork)
        links = transcripts.links(episode.transcripts, page_path, show.absolute)
        alternates = alternates_io.resolve(project.root, show, episode, media, page_path, cache,
                                           lambda rel: probe_cached(project.root, rel, cache))
        items.append(Item(
            episode=episode,
            media=media,
            notes=notes,
            page_path=page_path,
            page_url=page_url,
            enclosure_path=enclosure_path,
            enclosure_url=show.media_absolute(audio_url),
            image_url=show.absolute(image_url) if image_url else "",  # no artwork file: no image (SRC041 says why)
            image_path=image_path,
            image_size=project.episode_artwork[image_path][0] if image_path in project.episode_artwork else (0, 0),
            chapters_url=show.absolute(page_path + "chapters.json") if episode.chapters else "",
            transcripts=links,
            alternates=alternates,
            embed_url=show.absolute(page_path + "embed/"),
            oembed_url=show.absolute(page_path + "oembed.json"),
        ))
    return items


def render_notes(markdown: str, link: str, cache: Cache) -> notes_io.Notes:
    """Rendered notes, from the cache while the Markdown and page URL are the same."""
    key = _notes_key(markdown, link)
    found = _notes_from(cache.get_text("notes", key, NOTES_FORMAT))
    if found is not None:
        return found
    cache.stats["rendered_notes"] += 1
    notes = notes_io.render(markdown, link)
    _store_notes(cache, key, notes)
    return notes


def _store_notes(cache: Cache, key: str, notes: notes_io.Notes) -> str:
    """Keep rendered notes in the cache (see :func:`_notes_from`); returns the row as stored."""
    row = f"{len(notes.html)}:{len(notes.description)}:{notes.html}{notes.description}{notes.text}"
    cache.put_text("notes", key, NOTES_FORMAT, row)
    return row


def _notes_from(row: object) -> notes_io.Notes | None:
    """Notes kept as ``"<len html>:<len description>:" + html + description + text``: sliced, not parsed (a
    thousand rows of JSON-escaped HTML cost tens of milliseconds per build). A row that does not add up is
    not trusted."""
    if not isinstance(row, str):
        return None
    try:
        html, description, rest = row.split(":", 2)
        cut, end = int(html), int(html) + int(description)
    except ValueError:
        return None
    if not 0 <= cut <= end <= len(rest) or not (html.isdigit() and description.isdigit()):
        return None
    return notes_io.Notes(rest[:cut], rest[cut:end], rest[end:])


class NotesReader:
    """Each item's rendered notes, read from the cache when a page or a feed item needs them.

    The notes of a 10,000-episode show are ~150 MB of text: :meth:`prepare` renders (and caches) the
    ones that are not cached yet and keeps none; :meth:`read` reads one from the cache, remembering
    the last few (a unit reads its item's notes several times). The build reads the notes in item order
    (tagging, the feed rules, the pages), so a read that misses also reads the next items' notes, all in
    one query. Without a cache database, it keeps them all.
    """

    RECENT = 128
    BATCH = 64  #: notes read in one query (see read)

    def __init__(self, cache: Cache):
        self.cache = cache
        self.held: dict[str, notes_io.Notes] = {}  #: every item's notes, when there is no cache database
        self.recent: dict[str, notes_io.Notes] = {}
        self.order: list[str] = []  #: the keys as prepared (item order)
        self.at: dict[str, int] = {}  #: key → its first place in ``order``

    def prepare(self, pages: list[tuple[str, str]], known: list[str | None] | None = None,
                kept: list[bool] | None = None) -> list[Callable[[], notes_io.Notes]]:
        """A reader for each (Markdown, page URL) pair; renders and caches the notes not cached yet. ``known``: the
        pages' keys where already known (:attr:`Project.notes_keys`), else None. ``kept``: True for the pages whose
        notes the cache had when their episode's row was written (:attr:`Project.cached`): they are not looked up
        here (one that is missing after all is rendered when it is read)."""
        keys = [key or _notes_key(markdown, link)
                for (markdown, link), key in zip(pages, known or [None] * len(pages), strict=True)]
        trusted = {key for key, sure in zip(keys, kept or [False] * len(keys), strict=True) if sure}
        # which of the others are there, without reading them
        cached = trusted | self.cache.present("notes", dict.fromkeys([key for key in keys if key not in trusted],
                                                                     NOTES_FORMAT))
        # the others (a cold build: all of them) are rendered on every core, each stored as it comes
        misses = list({key: page for page, key in zip(pages, keys, strict=True)
                       if key not in cached and key not in self.held}.items())
        rendered = parallel.imap_ordered(_render_notes, None, [page for _, page in misses], share=True)
        for (key, _), notes in zip(misses, rendered, strict=True):
            if isinstance(notes, notes_io.Notes):
                self.cache.stats["rendered_notes"] += 1
                _store_notes(self.cache, key, notes)
                if self.cache.db is None:
                    self.held[key] = notes
        self.order = keys
        self.at = {}
        for index, key in enumerate(keys):
            self.at.setdefault(key, index)
        return [partial(self.read, key, markdown, link) for (markdown, link), key in zip(pages, keys, strict=True)]

    def read(self, key: str, markdown: str, link: str) -> notes_io.Notes:
        found = self.held.get(key) or self.recent.get(key)
        if found is None and key in self.at:
            self._read_ahead(self.at[key])
            found = self.recent.get(key)
        if found is None:
            found = render_notes(markdown, link, self.cache)
            self._remember(key, found)
        return found

    def _read_ahead(self, index: int) -> None:
        """The notes of the items from ``index`` on (:data:`BATCH` of them) into :attr:`recent`, in one query."""
        batch = [key for key in dict.fromkeys(self.order[index:index + self.BATCH]) if key not in self.recent]
        rows = self.cache.get_many("notes", dict.fromkeys(batch, NOTES_FORMAT), text=True)
        for key in batch:
            notes = _notes_from(rows.get(key))
            if notes is not None:  # (a row that does not add up is rendered again by read)
                self._remember(key, notes)

    def _remember(self, key: str, notes: notes_io.Notes) -> None:
        self.recent[key] = notes
        if len(self.recent) > self.RECENT:
            del self.recent[next(iter(self.recent))]


def _render_notes(_: None, page: tuple[str, str]) -> notes_io.Notes:
    return notes_io.render(*page)


def _notes_key(markdown: str, link: str) -> str:
    return hashlib.sha256(f"{link}\0{markdown}".encode()).hexdigest()


def check_items(project: Project, items: list[Item], cache: Cache | None = None) -> list[Problem]:
    """Problems that need the probed media: chapters, transcripts and value time splits against the duration,
    alternate files."""
    problems: list[Problem] = []
    cache = cache or Cache(None)
    for item in items:
        episode = item.episode
        if episode.chapters:
            source = episode.source if episode.chapters_source == "front matter" else \
                f"{EPISODES_DIR}/{episode.slug}/{episode.chapters_source}"
            problems.extend(chapter_io.validate(episode.chapters, source, item.media.duration, episode.slug))
        if any(value.time_splits for value in episode.value):
            problems.extend(value_io.check_time_splits(episode.value, episode.source, item.media.duration, episode.slug))
        for alternate, _ in item.alternates:
            if alternate.file and alternate.file != episode.audio and alternate.mime.startswith(("audio/", "video/")):
                found = probe_cached(project.root, f"{EPISODES_DIR}/{episode.slug}/{alternate.file}", cache)
                if not isinstance(found, Media):
                    problems.extend(replace(p, field="alternate_enclosures", episode=episode.slug) for p in found)
        for transcript in episode.transcripts:
            if transcript.mime in transcripts.TIMED:
                problems.extend(_transcript_problems(project.root, episode.slug, transcript.path, transcript.mime,
                                                     item.media.duration, cache))
    return problems


def _transcript_problems(root: Path, slug: str, name: str, mime: str, duration: float, cache: Cache) -> list[Problem]:
    """A timed transcript's problems (its syntax, its cues against the audio's duration), remembered while the
    file's identity (:func:`media_identity`), its type and the duration are the same: a rebuild does not read
    and parse every transcript of the show again."""
    rel = f"{EPISODES_DIR}/{slug}/{name}"
    try:
        tag = f"{media_identity(root / rel)}:{mime}:{duration!r}:{slug}"
    except OSError:
        tag = ""
    if tag:
        cached = cache.get("meta", f"cues:{rel}", tag)
        if isinstance(cached, list):
            try:
                return _problems(cached)
            except (TypeError, KeyError, ValueError):
                pass
    cues, problems = read_cues(root / rel, mime, rel, slug)
    problems = problems + transcripts.validate(cues, rel, duration, slug)
    if tag:
        cache.put("meta", f"cues:{rel}", tag, [p.to_dict() for p in problems])
    return problems


def render_site(project: Project, items: list[Item], build_date: datetime,
                plan: incremental.Plan | None = None, out: output.Site | None = None) -> output.Site:
    """Every output file of the site, into ``out``: an :class:`output.Writer` writes each unit's files as
    soon as they are rendered; by default, a :class:`output.Site` keeps them in memory.

    The units come in an order that keeps the site whole at every moment: the show's artwork and
    assets, each episode (media before pages), the index pages, the extras, the feeds last.
    With a ``plan`` (incremental builds), a unit whose inputs are unchanged since
    the last build is kept instead of rendered; see :mod:`incremental`.
    """
    if out is None:
        out = output.Site()
    if plan is None:
        plan = incremental.Plan(Cache(None), Path(), "")
    renderer = Renderer(project, build_date, plan.cache)
    site.load_templates(renderer.env)
    # A new newest episode moves the build date; episode pages depend on it only if a template reads it.
    dated = incremental.theme_mentions(project.root, "build_date")
    units = []
    for item in items:
        key = project.fingerprints.get(item.episode.slug, "")
        units.append((f"episode/{item.episode.slug}", f"{key}:{build_date.isoformat()}" if dated else key, item))

    def keys(listed: list[Item]) -> list[str]:
        return [f"{i.episode.slug}={project.fingerprints.get(i.episode.slug, '')}" for i in listed]

    listing = incremental.digest(build_date.isoformat(), *keys(items))
    pages = renderer.index_pages(items)
    # An index page is kept while the episodes it lists are unchanged.
    indexes = [(f"index/{number}", incremental.digest(build_date.isoformat(), pages, number,
                                                      *keys(renderer.index_chunk(items, number))))
               for number in range(1, pages + 1)]
    plan.forget_changed([(name, key) for name, key, _ in units] + indexes + [("extras", listing), ("feeds", listing)])
    renderer.static(out)
    by_slug = {item.episode.slug: item for item in items}
    # The pages of the episodes that will certainly be rendered (a cold build: all) are made on every core
    # in the background, in order, by one pool (a few chunks ahead of the writer: see parallel.imap_ordered);
    # the files are written here, one unit after another, as before.
    # The first is rendered here, before the pool forks at the second: the workers inherit compiled templates.
    fresh = [item for name, key, item in units if plan.fresh(name, key)]
    # Into an output folder that held no site of ours, the workers write the pages of the episode folders
    # they make themselves (most of a cold build's file creation, off this process); else they hand them here.
    direct = os.fspath(out.out) if isinstance(out, output.Writer) and out.fresh and parallel.pooled(len(fresh) - 1) else ""
    ahead = _PagesAhead(renderer, by_slug, fresh[1:], renderer.feed_items.missing(fresh[1:]) if fresh[1:] else set(),
                        direct)
    try:
        _render_episodes(plan, out, renderer, units, ahead)
    finally:
        ahead.close()

    for number, (name, key) in enumerate(indexes, start=1):
        plan.unit(out, name, key, partial(renderer.index_page, items=items, number=number))
    plan.unit(out, "extras", listing, lambda site: renderer.extras(site, items))
    plan.unit(out, "feeds", listing, lambda site: renderer.feeds(site, items))
    return out


class _Pages(output.Site):
    """The pages an episode's unit adds, captured in a worker process (sent back to be written)."""

    def __init__(self) -> None:
        super().__init__()
        self.added: list[tuple[str, bytes, str]] = []

    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        self.added.append((rel, data, origin))


def _render_episodes(plan: incremental.Plan, out: output.Site, renderer: Renderer,
                     units: list[tuple[str, str, Item]], ahead: _PagesAhead) -> None:
    """Each episode's unit of ``units``, in order: its pages from ``ahead`` when made there, else rendered here."""
    for name, key, item in units:
        def episode(site: output.Site, item: Item = item) -> None:
            # A worker that writes the episode's folder itself is done with it before anything else is written
            # there (the files are still declared in the same order: media, side files, pages).
            pages = ahead.take(item) if ahead.direct else None
            if pages is not None and pages.folders:
                assert isinstance(out, output.Writer)
                out.adopt(pages.folders)
            renderer.media(site, item)
            renderer.side_files(site, item)
            if not ahead.direct:
                pages = ahead.take(item)
            if pages is None:
                renderer.episode_pages(site, item)
            else:
                for rel, data, origin in pages.files:
                    if isinstance(data, int):
                        site.placed(rel, data, origin)
                    else:
                        site.add(rel, data, origin)

        plan.unit(out, name, key, episode)


class _PagesAhead:
    """Episode pages made in worker processes ahead of the writer, handed over in episode order. The workers
    also make the feeds' items of the episodes in ``items_too`` (slugs), kept in the cache as they are handed
    over, so that the feeds, rendered last in this process, find them there."""

    def __init__(self, renderer: Renderer, by_slug: dict[str, Item], fresh: list[Item], items_too: set[str],
                 direct: str = ""):
        self.renderer = renderer
        self.direct = direct  #: the output folder the workers write new episode folders into ("": none)
        self.waiting = collections.deque(item.episode.slug for item in fresh)
        self.made = parallel.imap_ordered(_episode_pages, (renderer, by_slug, direct), _PageJobs(fresh, items_too))

    def take(self, item: Item) -> _Made | None:
        """``item``'s pages when they were made ahead (None: render them here)."""
        if not self.waiting or self.waiting[0] != item.episode.slug:
            return None
        self.waiting.popleft()
        made = next(self.made)
        if isinstance(made, parallel.Failed):
            raise MediaError(made.problems)
        pages, feed_texts = made
        if feed_texts is not None:
            self.renderer.feed_items.store(item, *feed_texts)
        return pages

    def close(self) -> None:
        self.made.close()  # a pool's workers end with it


class _PageJobs(collections.abc.Sequence[tuple[str, RenderedNotes, bool]]):
    """The jobs of :class:`_PagesAhead`, each made when the pool gives it out: an episode's notes are read from
    the cache then, a few chunks ahead of the writer, not all at once (a big show's notes are ~150 MB)."""

    def __init__(self, fresh: list[Item], items_too: set[str]):
        self.fresh = fresh
        self.items_too = items_too

    def __len__(self) -> int:
        return len(self.fresh)

    def _job(self, item: Item) -> tuple[str, RenderedNotes, bool]:
        return item.episode.slug, item.notes(), item.episode.slug in self.items_too

    @overload
    def __getitem__(self, index: int) -> tuple[str, RenderedNotes, bool]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, RenderedNotes, bool]]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, RenderedNotes, bool] | list[tuple[str, RenderedNotes, bool]]:
        if isinstance(index, slice):
            return [self._job(item) for item in self.fresh[index]]
        return self._job(self.fresh[index])


@mutable
class _Made:
    """An episode's pages made ahead: (path, bytes to write, origin), or (path, size, origin) when the worker
    wrote the file itself into ``folders``, which it made (see :func:`output.write_fresh`)."""

    files: list[tuple[str, bytes | int, str]]
    folders: list[str]


def _episode_pages(context: tuple[Renderer, dict[str, Item], str], job: tuple[str, RenderedNotes, bool],
                   ) -> tuple[_Made, tuple[str, str] | None]:
    """An episode's pages (``Renderer.episode_pages``) and, when asked, its items in the feeds
    (``FeedItems.render_one``), made in a worker from its notes as read by the build (a worker never opens
    the cache). With ``direct`` (the output folder, which held no site of ours), the worker writes the pages
    itself when the episode's folder is not there yet, and sends back their sizes."""
    renderer, by_slug, direct = context
    slug, notes, items_too = job
    item = replace(by_slug[slug], notes=lambda: notes)
    pages = _Pages()
    renderer.episode_pages(pages, item)
    assert renderer.project.show is not None
    feed_texts = renderer.feed_items.render_one(item, renderer.project.show) if items_too else None
    made = _Made([(rel, data, origin) for rel, data, origin in pages.added], [])
    folder = item.page_path.rstrip("/")
    if direct and all(rel.startswith(item.page_path) for rel, _, _ in pages.added):
        try:
            folders = output.write_fresh(direct, folder, [(rel, data) for rel, data, _ in pages.added])
        except OSError:
            folders = None  # the writer tries again, and reports what is wrong (OUT003)
        if folders is not None:
            made = _Made([(rel, len(data), origin) for rel, data, origin in pages.added], folders)
    return made, feed_texts


def site_key(project: Project, out_dir: Path) -> str:
    """What every output depends on: version, theme, show.yml, show artwork, output folder (the build date: see render_site)."""
    show = project.show
    assert show is not None
    try:
        artwork = media_identity(project.root / show.artwork) if show.artwork else ""
    except OSError:
        artwork = ""
    return incremental.digest(__version__, fastpath.code_fingerprint(), site_theme_fingerprint(project.root), project.show_key, artwork,
                              project.artwork_size, out_dir)


def inspect(project: Project, cache: Cache, *, accept_changes: bool = False, select: tuple[str, ...] = (),
            ignore: tuple[str, ...] = (), ledger: tuple[ledger_io.Ledger, list[Problem]] | None = None,
            ) -> tuple[list[Item], list[Problem]]:
    """Every problem of a loaded project (the same checks for ``check`` and ``build``), sorted. ``ledger``:
    ``published.json`` as :func:`ledger_io.load` read it (None: read it here)."""
    problems = list(project.problems)
    show = project.show
    items: list[Item] = []
    if show is not None:
        # Episodes that failed to load are left out of ``items``; the checks still run on the rest,
        # so one build reports everything. The ledger needs the whole show to compare against.
        source_ok = not has_errors(problems)
        items = make_items(project, cache)
        problems.extend(check_items(project, items, cache))
        problems.extend(checks.run(project, items))
        problems.extend(checks.unrepeated(checks.feed_rules(project, items, cache), problems))
        published, ledger_problems = ledger if ledger is not None else ledger_io.load(project.root)
        problems.extend(ledger_problems)
        problems = ledger_io.restore_guid_hints(published, problems)
        if source_ok and not accept_changes:
            problems.extend(ledger_io.compare(published, show, items))
    problems.extend(checks.check_selection(show))
    problems = checks.filter_problems(problems, show, select, ignore)
    return items, sorted(set(problems), key=_problem_order)


def build(root: Path, output_dir: Path | None = None, *, clean: bool = False, strict: bool = False,
          accept_changes: bool = False, progress: Progress | None = None, now: datetime | None = None,
          record: bool = True, sweep: fastpath.Sweep | None = None, wait: float = 0.0,
          waiting: Callable[[str], None] | None = None) -> BuildReport:
    """Build the site of the show in ``root``. Raises :class:`BuildFailed` (writing nothing) on errors.

    ``record=False`` (a preview) leaves ``published.json`` alone. ``sweep``: the look at the show that
    :func:`fastpath.check` took before this build, reused for the stamp. One build (or tag run) at a time
    works on a show: this one waits up to ``wait`` seconds for another one at work (``waiting`` is told whom it
    waits for), then stops with OUT005 (:mod:`showlock`).
    """
    started = time.perf_counter()
    root = root.resolve()
    out_dir = (output_dir or root / "public").resolve()
    output.refuse_unsafe_output(root, out_dir)
    # one set of worker processes serves the build's stages that run on every core (see parallel.shared)
    with showlock.hold(root, "build", wait=wait, waiting=waiting), parallel.shared():
        return _build(root, out_dir, started, clean=clean, strict=strict, accept_changes=accept_changes,
                      progress=progress, now=now, record=record, sweep=sweep)


def _build(root: Path, out_dir: Path, started: float, *, clean: bool, strict: bool, accept_changes: bool,
           progress: Progress | None, now: datetime | None, record: bool, sweep: fastpath.Sweep | None) -> BuildReport:
    cache_path = root / CACHE_DIR / "cache.sqlite"
    if clean:  # ignore what the cache says, and start a new one from this build
        Cache.discard(cache_path)
        shutil.rmtree(root / CACHE_DIR / "jinja", ignore_errors=True)  # compiled templates (jinjaenv.TemplateCache)
    cache = Cache(cache_path)
    try:
        project = load_project(root, cache, progress, now, sweep)
        report = BuildReport(output=out_dir)
        loaded = ledger_io.load(root)  # once: the checks and the recording read the same file
        items, problems = inspect(project, cache, accept_changes=accept_changes, ledger=loaded)
        show = project.show
        ledger = loaded[0]
        report.problems = problems
        if show is None:
            raise InputError(report.problems)
        if has_errors(report.problems, strict=strict):
            raise BuildFailed(report.problems)
        report.episodes = len(items)
        report.drafts = sum(1 for e in project.episodes if project.status(e) == "draft")
        report.scheduled = sum(1 for e in project.episodes if project.status(e) == "scheduled")
        previous = output.read_manifest(root / CACHE_DIR, out_dir)
        if not previous:  # a first build into this folder: never over another site's files
            output.refuse_foreign_files(out_dir, [item.episode.slug for item in items])
        if show.tag_on_build:
            lengths = published_lengths(ledger, items, out_dir, previous)
            items, notes, report.tagged, copies = tagging.tag_published(project, items, cache, reuse=not clean,
                                                                        progress=progress, lengths=lengths)
            notes = checks.filter_problems(notes, show, (), ())
            # MED027: a file the checks expected the build to publish fast start, which it could not (the warning
            # says why) is reported once, as that warning
            kept = {p.file for p in notes if p.code == "MED027"}
            report.problems = sorted(set([p for p in report.problems if not (p.code == "MED027" and p.file in kept)] + notes),
                                     key=_problem_order)
            if has_errors(notes, strict=strict):
                cache.commit()  # keep the tagged copies' records: the next build reuses them
                raise BuildFailed(report.problems)
            base = os.path.join(root, "")  # text, not pathlib: this runs for every episode of a rebuild
            for item in items:  # a re-tagged copy (another size in the feed) renews the outputs that show it
                if item.media_file:
                    slug = item.episode.slug
                    copy = copies.get(slug) or tagging.identity(base + item.media_file)  # (as tag_published saw it)
                    project.fingerprints[slug] = incremental.digest(project.fingerprints.get(slug, ""), copy)
        if not accept_changes:
            changed = checks.filter_problems(ledger_io.length_changes(ledger, items), show, (), ())
            report.problems = sorted(set(report.problems + changed), key=_problem_order)
            if has_errors(changed, strict=strict):
                cache.commit()  # keep the tagged copies' records: the next build reuses them
                raise BuildFailed(report.problems)
        build_date = source_date() or (items[0].episode.date if items else datetime(1970, 1, 1, tzinfo=UTC))
        # Without a manifest the output folder is not known to be ours as last built: render everything.
        plan = incremental.Plan(cache, out_dir, site_key(project, out_dir), trust=bool(previous))
        # Every check has run: from here on, each unit's files are written as soon as they are rendered.
        had_output = out_dir.exists()
        writer = output.Writer(out_dir, previous, streams=_streams(cache, out_dir) if previous else None)
        try:
            render_site(project, items, build_date, plan, writer)
        except BaseException:  # the next build must know these files are ours, to remove any it no longer makes
            if not had_output and not writer.paths():
                with contextlib.suppress(OSError):
                    out_dir.rmdir()  # stopped before writing anything (a template error): leave no empty site behind
                raise
            with contextlib.suppress(OSError):
                output.write_manifest(root / CACHE_DIR, out_dir, previous | writer.paths())
            raise
        written = writer.finish()
        rewritten = set(written.written)
        made = sorted(writer.paths())  # once, for the manifest and the stamp (sorting a sorted list is one pass)
        output.write_manifest(root / CACHE_DIR, out_dir, made)
        plan.record(plan.rendered + plan.kept)
        cache.put(STREAMS, os.fspath(out_dir), "1", {rel: [list(ident), [[key, *span] for key, span in pieces.items()]]
                                                      for rel, (ident, pieces) in sorted(writer.stream_records().items())})
        report.rendered, report.kept = len(plan.rendered), len(plan.kept)
        report.written, report.unchanged, report.removed = written.written, written.unchanged, written.removed
        report.ledger = ledger_io.record(ledger, show, items, replace=accept_changes)
        if record:
            report.ledger_updated = ledger_io.save(root, report.ledger, loaded=ledger)
        cache.commit()
        report.probed = cache.stats["probed"]
        report.seconds = time.perf_counter() - started
        if record:
            scheduled = [e.date for e in project.episodes if project.status(e) == "scheduled"]
            fastpath.save(root, out_dir, strict, made, report.to_dict(),
                          extra=[show.artwork] if show.artwork else [], valid_until=min(scheduled, default=None),
                          sweep=sweep, known={rel: seen for rel, seen in plan.seen.items() if rel not in rewritten})
        return report
    finally:
        output.settle()  # (a replaced feed freed in the background: done before the build returns, or forks again)
        cache.close()


#: the cache table of the streamed files' records (``output.Writer.pieces``), one row per output folder
STREAMS = "stream"


def _streams(cache: Cache, out_dir: Path) -> dict[str, output.StreamRecord]:
    """The records of the files the last build streamed into ``out_dir`` (the feeds); a malformed row is
    worth nothing (each record is checked against its file before use, see ``output.Writer.pieces``)."""
    row = cache.get(STREAMS, os.fspath(out_dir), "1")
    records: dict[str, output.StreamRecord] = {}
    if type(row) is not dict:
        return records
    for rel, record in row.items():
        try:
            (ino, size, mtime, ctime), pieces = record
            spans = {key: (offset, length) for key, offset, length in pieces}
        except (TypeError, ValueError):
            continue
        if all(type(n) is int for n in (ino, size, mtime, ctime)) and _laid_out(spans, size):
            records[rel] = ((ino, size, mtime, ctime), spans)
    return records


def _laid_out(spans: dict[str, tuple[int, int]], size: int) -> bool:
    """Whether ``spans`` (key → offset, length) can be the pieces of a file of ``size`` bytes: one after
    another, none overlapping another or past the end."""
    if not all(type(key) is str and type(offset) is int and type(length) is int for key, (offset, length) in spans.items()):
        return False
    end = 0
    for offset, length in sorted(spans.values()):
        if offset < end or length < 0:
            return False
        end = offset + length
    return end <= size


def published_lengths(ledger: ledger_io.Ledger, items: list[Item], out_dir: Path, previous: set[str]) -> dict[str, int]:
    """Slug → the size each episode's file was published with: from ``published.json``, else (a ledger from
    before it recorded lengths) the file the last build wrote into the output folder."""
    lengths = {}
    for item in items:
        length = ledger_io.published_length(ledger, item)
        if length is None and item.enclosure_path in previous:
            try:
                length = (out_dir / item.enclosure_path).stat().st_size
            except OSError:
                length = None
        if length is not None:
            lengths[item.episode.slug] = length
    return lengths


def _problem_order(problem: Problem) -> tuple[int, str, str, str]:
    return (-problem.severity.rank, problem.file, problem.field, problem.code)
