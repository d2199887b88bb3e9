"""The load phase of a build: ``show.yml``, every episode and every media file, with every problem.

:func:`load_project` gathers a :class:`Project` from disk. A rebuild reads little: each episode comes from its
row in the cache (``episode`` table) while its folder's key (:func:`folder_keys`) and show.yml are the same, and
each media file's probe from the ``probe`` table while its identity is (:mod:`probes`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from dataclasses import field, fields, replace
from datetime import UTC, datetime
from pathlib import Path

from . import cache as cache_io
from . import checks, codec, fastpath, incremental, notestore, parallel, site
from .cache import Cache
from .config import load_show
from .dates import source_date
from .episodes import EPISODE_FILE, EPISODES_DIR, Folder, discover, read_episode
from .errors import Problem
from .model import Episode, Media, Show
from .probes import artwork_size, episode_artwork, known_identities, media_identity, probe_all, probe_cached
from .records import mutable
from .source import ParsedYaml, remembered, remembering

Progress = Callable[[str, int, int], None]


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
    #: show artwork's are (:func:`probes.episode_artwork`)
    episode_artwork: dict[str, tuple[tuple[int, int], list[Problem]]] = field(default_factory=dict)
    show_key: str = ""  #: hash of show.yml as parsed (incremental builds)
    fingerprints: dict[str, str] = field(default_factory=dict)  #: slug → hash of everything its outputs read
    #: slug → the key of its rendered notes (:func:`notestore.notes_key`), kept in the episode's cache row: a rebuild does
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


def folder_keys(folders: list[Folder], cache: Cache, contents: dict[str, str] | None = None) -> dict[str, str]:
    """slug → a folder's key: the SHA-256 of its ``episode.md``, the name, size, mtime, ctime and inode of every file
    in it and the :func:`sourcelinks.stamp` of each link (or pipe…).

    ``episode.md`` is read only when the cache does not know its bytes' hash under its identity (size, mtime,
    ctime, inode: any write changes its ctime), so a rebuild reads the files that changed, not all of them.
    A file written within :data:`episodes.RACY_NS` of the listing is read every time and its hash not kept:
    a second write in the same clock tick could leave its identity as it was.

    ``contents``: slug → the SHA-256 of the ``episode.md`` bytes the episode was just parsed from (a new cache's cold
    build: by the read workers, see :func:`load_project`), not read again here."""
    contents = contents or {}
    known = cache.get_many(CONTENT_TABLE, {f.slug: f.identity for f in folders
                                           if f.identity and not f.racy and f.slug not in contents},
                           text=True, scan=len(folders) > 100) if len(contents) < len(folders) else {}
    keys = {}
    for folder in folders:
        content = known.get(folder.slug)
        if content is None or len(content) != 64:
            content = contents.get(folder.slug)
            if content is None:
                content = hashlib.sha256(Path(folder.where, EPISODE_FILE).read_bytes()).hexdigest()
                cache.stats["hashed"] += 1
            if folder.identity and not folder.racy:
                cache.put_text(CONTENT_TABLE, folder.slug, folder.identity, content)
        listing = "".join(f"\0{name}\0{size}\0{stamp}" for name, size, stamp in folder.files)
        if folder.others:  # a link added, removed or pointed elsewhere changes the problems the episode has
            listing += "".join(f"\1{name}\0{key}" for name, _, key in folder.others)
        keys[folder.slug] = hashlib.sha256(f"{content}{listing}".encode()).hexdigest()
    return keys


#: slug → the SHA-256 of its ``episode.md``, kept under the file's identity (see :func:`folder_keys`)
CONTENT_TABLE = "content"


def load_project(root: Path, cache: Cache, progress: Progress | None = None, now: datetime | None = None,
                 sweep: fastpath.Sweep | None = None) -> Project:
    """Read show.yml, every episode and every media file, collecting all problems. ``sweep``: the look
    :func:`fastpath.check` took at the show just before (its listing of the episode folders is reused)."""
    root = root.resolve()
    # YAML texts parsed before (show.yml, an edited episode's front matter) come from the cache (source.ParsedYaml);
    # a new cache file (a first build, --clean) has none to give
    parsed = ParsedYaml(None if cache.unjournaled else lambda digest: cache.get_text(YAML_TABLE, digest, ""))
    with remembering(parsed):
        show, problems = load_show(root)
    _keep_yaml(cache, parsed.made)
    project = Project(root=root, show=show, problems=list(problems))
    project.now = now or source_date() or datetime.now(UTC)
    if show is None:
        return project
    art_at = len(project.problems)  # (the show artwork's problems go here: see below)
    project.problems.extend(site.asset_problems(root))
    folders, found = discover(root, sweep if sweep is not None and sweep.root == root else None)
    project.problems.extend(found)
    project.show_key = show_key = key_of_show(show)
    # The rows the cache has are read (500 a query: not all at once) and decoded first; the episodes it does not
    # know (a cold build: all of them) are then parsed on every core. A new cache file (a first build, --clean) has
    # no rows: the workers start at once, and hash each episode.md as they parse it (the folders' keys are made
    # after them, not by this process reading every episode.md first while they wait).
    loaded: dict[str, tuple[Episode | None, list[Problem], str]] = {}
    keys: dict[str, str] = {}
    if not cache.unjournaled:
        keys = folder_keys(folders, cache)
        for start in range(0, len(folders), 500):
            chunk = folders[start:start + 500]
            rows = cache.get_many("episode", {f.slug: f"{keys[f.slug]}:{show_key}" for f in chunk}, text=True)
            for folder in chunk:
                row = _episode_from(rows.get(folder.slug))
                if row is not None:
                    loaded[folder.slug] = row
    misses = [folder for folder in folders if folder.slug not in loaded]
    pooled = parallel.pooled(len(misses))
    if cache.unjournaled and pooled:
        # a new cache (a first build, --clean): the media is probed next by the workers forked now, which inherit
        # the prober (and mutagen) instead of each importing it (~17 ms of CPU a worker)
        from .audio.tags import readers_for  # (and mutagen's reader of each kind of media file the folders hold)

        parallel.preload("mediafeed.audio.probe", *readers_for(name for folder in misses for name, _, _ in folder.files))
    artwork_found: list[tuple[tuple[int, int], list[Problem]]] = []
    artwork = show.artwork

    def show_artwork() -> bool:  # (Pillow's import and the image's look: while the workers parse, when they do)
        artwork_found.append(artwork_size(root, artwork, cache))
        return False

    # (workers have no cache: they parse, and send back what they parsed for this process to keep)
    with remembering(parsed) if not pooled else contextlib.nullcontext():
        results = list(parallel.imap_ordered(_read_episode, (show, cache.unjournaled), misses, share=True,
                                             idle=show_artwork if artwork else None))
    if artwork:
        if not artwork_found:
            show_artwork()
        project.artwork_size, art_problems = artwork_found[0]
        project.problems[art_at:art_at] = art_problems
    fresh = dict(zip([folder.slug for folder in misses], results, strict=True))
    if cache.unjournaled:
        keys = folder_keys(folders, cache, {slug: read[5] for slug, read in fresh.items()
                                            if isinstance(read, tuple) and read[5]})
    tags = {slug: f"{key}:{show_key}" for slug, key in keys.items()}
    for index, folder in enumerate(folders):
        cached = loaded.pop(folder.slug, None)
        if cached is None:
            cache.stats["parsed"] += 1
            read = fresh.pop(folder.slug, None)
            if isinstance(read, tuple):
                episode, episode_problems, notes_key, head, made, _ = read
                _keep_yaml(cache, made)
            else:
                episode, episode_problems = read_episode(folder, show)
                notes_key = notestore.notes_key(episode.notes_markdown, show.absolute(f"{EPISODES_DIR}/{episode.slug}/")) \
                    if episode is not None else ""
                head = _row_head(episode, episode_problems, notes_key)
            cache.put_text("episode", folder.slug, tags[folder.slug], head + (episode.notes_markdown if episode is not None else ""))
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
    probed = probe_all(root, rels, cache, known_identities(sweep, root, rels))
    art = {f"{EPISODES_DIR}/{e.slug}/{e.artwork}": e.slug for e in live if e.artwork}
    art_identities = known_identities(sweep, root, list(art))
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


def key_of_show(show: Show) -> str:
    """The hash of ``show`` (show.yml as parsed) that episodes' keys and the feeds' channels are kept under."""
    return hashlib.sha256(repr(codec.dump(show)).encode()).hexdigest()


def _read_episode(context: tuple[Show, bool], folder: Folder,
                  ) -> tuple[Episode | None, list[Problem], str, str, dict[str, str], str]:
    """:func:`read_episode` (in a worker, on a cold build), with the key of the episode's notes, the head of its cache
    row (:func:`_row_head`), its front matter's values when parsed (:class:`source.ParsedYaml`: SHA-256 → encoded
    values) and, when ``context`` asks (show, hash), the SHA-256 of the ``episode.md`` bytes parsed ("" when
    unreadable) for :func:`folder_keys`: made by the workers, not by the build's own process one episode after
    another while they wait (~22 ms at 1,000 episodes: the fields dumped, their JSON, the Markdown hashed; ~15 ms
    more for reading and hashing every episode.md before them)."""
    show, hashed = context
    data = content = None
    if hashed:
        with contextlib.suppress(OSError):  # (read_episode says why it cannot read it)
            data = Path(folder.where, EPISODE_FILE).read_bytes()
            content = hashlib.sha256(data).hexdigest()
    outer = remembered()  # (the build's own memo, when this runs in its process: it recalls from the cache)
    with remembering(ParsedYaml(outer.known if outer is not None else None)) as memo:
        episode, problems = read_episode(folder, show, data)
    notes_key = notestore.notes_key(episode.notes_markdown, show.absolute(f"{EPISODES_DIR}/{episode.slug}/")) \
        if episode is not None else ""
    return episode, problems, notes_key, _row_head(episode, problems, notes_key), memo.made, content or ""


#: a YAML text's SHA-256 → its values (:func:`source.encode_yaml`)
YAML_TABLE = "yaml"


def _keep_yaml(cache: Cache, made: dict[str, str]) -> None:
    for digest, encoded in made.items():
        cache.put_text(YAML_TABLE, digest, "", encoded)


#: where an episode's Markdown is among its fields (see _row_head)
_MARKDOWN = [f.name for f in fields(Episode)].index("notes_markdown")


def _row_head(episode: Episode | None, problems: list[Problem], notes_key: str) -> str:
    """An episode's row in the cache (table ``episode``) without its Markdown, which follows it: the row is
    ``"<length of head>:" + head + Markdown``, the head being the JSON of [the episode's fields in order
    (:func:`codec.dump_fields`, its Markdown left out), its problems, the key of its notes (:func:`notestore.notes_key`:
    the row's tag covers show.yml, hence the page URL in it)]. The Markdown, most of the row, is sliced off, not
    parsed, and the fields are read without their names: a rebuild reads a thousand of these rows in about half the
    time JSON objects took. (Without the Markdown, which the episode brings: a worker sends it back once.)"""
    values = codec.dump_fields(episode) if episode is not None else None
    if values is not None:
        values[_MARKDOWN] = ""
    head = json.dumps([values, [p.to_dict() for p in problems], notes_key], separators=(",", ":"), ensure_ascii=False)
    return f"{len(head)}:{head}"


def _episode_from(row: object) -> tuple[Episode | None, list[Problem], str] | None:
    """The episode, problems and notes key of a row (:func:`_row_head`, then the Markdown); None when there is no row, or
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
            return (None, [Problem.from_dict(p) for p in problems], "") if cut == len(rest) and notes_key == "" else None
        if values[_MARKDOWN] != "" or notes_key.__class__ is not str or len(notes_key) != 64:
            return None
        values[_MARKDOWN] = rest[cut:]
        episode: Episode = codec.load_fields(Episode, values)
        return episode, [Problem.from_dict(p) for p in problems], notes_key
    except (TypeError, KeyError, ValueError, IndexError, AttributeError):
        return None
