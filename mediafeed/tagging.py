"""Episode metadata into media files: what to write (from show.yml and episode.md) and where.

Two entry points:

* :func:`tag_published` (the build, when ``tag_on_build`` is on, the default): each episode's media is
  tagged into a copy in ``.mediafeed/tagged/`` and that copy is published, so the producer's master in
  ``episodes/`` is never modified. The copy's name is a hash of the source file's identity (size, mtime,
  inode), the wanted tags and the mediafeed version, so a rebuild with nothing changed reuses it: no
  re-tagging, and the output writer sees the same size and mtime and leaves the published file alone.
  An M4A/MP4 whose index comes after its media is copied with the index first ("fast start", MED027).
  The feed's enclosure length is the tagged copy's size. Given the size an episode's file was published
  with, the copy is padded to exactly that size when the new tags fit (``audio.padded_size``), so editing a
  title or the notes after publication does not change the file's length at the same URL.
  The output links these copies (a hard link where it can): nothing ever writes into a copy in place
  (re-tagging makes a new file), and a copy is reused only while its size and modification time are
  those the cache recorded when it was made (table ``tagmade``), so a published file edited in place is
  never trusted, and a copy the cache does not know (a lost cache, a crash before the record) is made again.
  The store is flat: ``<slug>-<key><ext>`` (slugs are validated ``[a-z0-9][a-z0-9._-]*`` and keys are 24 hex
  digits, so names never clash, and never start with a dot as temp files do): one file per episode, no folder.
* :func:`tag_sources` (``mediafeed tag``): tags the files in ``episodes/`` themselves, on request.

Both go through ``audio.tag_copy``: copy, tag, re-read, verify the audio payload, replace atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
from collections.abc import Callable
from dataclasses import field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, audio, codec, parallel, showlock
from . import chapters as chapter_io
from . import ledger as ledger_io
from .addresses import ascii_url
from .audio import Cover, TagChapter, Tags
from .cache import CACHE_DIR, Cache, show_cache
from .episodes import EPISODES_DIR
from .errors import InputError, MediaError, Problem, Severity, error, has_errors, info
from .model import Episode, Item, Media, Show
from .notes import excerpt
from .probes import media_identity
from .records import frozen, mutable

if TYPE_CHECKING:
    from .audio import TagResult  # not at run time: it would load the tagger (and mutagen) on every build
    from .project import Project

STORE = "tagged"  #: folder inside .mediafeed/ holding the tagged copies the build publishes
NAMES = "tagname"  #: cache table: slug → the name of its tagged copy, under the episode's input key
NAMES_FORMAT = 1
#: cache table: slug → (tag: its copy's name) the size and mtime the copy had when made (and, for an MP4 whose index
#: comes last that the copy could not move to the front, why: MED027), or SAME: the source already says all the
#: wanted tags (published as it is; no copy)
MADE = "tagmade"
SAME = "same"
#: Artwork above this size is embedded as a 1400×1400 JPEG instead (it is copied into every file).
COVER_LIMIT = 512 * 1024
COVER_SIZE = 1400

Progress = Callable[[str, int, int], None]


def cover_for(path: Path) -> Cover | None:
    """The artwork to embed: the file itself when it is a small JPEG/PNG, else a 1400×1400 JPEG of it."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    mime = "image/jpeg" if data[:3] == b"\xff\xd8\xff" else "image/png" if data[:8] == b"\x89PNG\r\n\x1a\n" else ""
    if mime and len(data) <= COVER_LIMIT:
        return Cover(mime, data)
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as opened:
            image = opened.convert("RGB")
            if max(image.size) > COVER_SIZE:
                image = image.resize((COVER_SIZE, round(COVER_SIZE * image.size[1] / image.size[0])),
                                     Image.Resampling.LANCZOS)
            out = io.BytesIO()
            image.save(out, "JPEG", quality=88, optimize=False, progressive=False)
            return Cover("image/jpeg", out.getvalue())
    except (OSError, ValueError, Image.DecompressionBombError):  # not an image Pillow reads (the artwork checks say so)
        return None


def metadata_for(show: Show, episode: Episode, notes_text: str, root: Path, cover: Cover | None = None) -> Tags:
    """What an episode's media file should say about itself."""
    if cover is None:
        art = root / EPISODES_DIR / episode.slug / episode.artwork if episode.artwork else root / show.artwork
        cover = cover_for(art) if (episode.artwork or show.artwork) else None
    chapters = None
    if episode.chapters:
        chapters = tuple(TagChapter(start=int(round(c.start * 1000)), title=c.title, url=ascii_url(c.url), toc=c.toc,
                                    end=None if c.end is None else int(round(c.end * 1000)))
                         for c in episode.chapters[:chapter_io.AUDIO_CHAPTERS])  # (CHP013 says so)
    # The file carries the summary, not the whole notes (without a summary: the notes' first 300 characters, the
    # page's description): a correction to the notes below those (anywhere, when the front matter has a summary)
    # changes no byte of the published audio, so `publish` uploads no audio again and no CDN purge is needed.
    summary = episode.summary or excerpt(notes_text)  # = Item.summary_text
    return Tags(
        title=episode.title,
        artist=show.author,
        album_artist=show.author,
        album=show.title,
        track=episode.number,
        disc=episode.season.number if episode.season else None,
        date=episode.date.date().isoformat(),  # the day in the date's own zone, as the feed's pubDate and the page say
        genre="Podcast",
        comment=summary,
        description=summary,
        podcast=True,
        guid=episode.guid,
        feed_url=ascii_url(show.feed_url),
        cover=cover,
        chapters=chapters,
        id3_version="2.3",
    )


def tags_key(tags: Tags) -> str:
    """A stable hash of the wanted tags (the cover by its digest)."""
    parts = []
    for name in audio.tagset.FIELDS:
        value = getattr(tags, name)
        parts.append(f"{name}={value.digest if isinstance(value, Cover) else value!r}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _art(root: str, show: Show, episode: Episode) -> str:
    """The artwork embedded in an episode's file (a path as text: a rebuild asks this for every episode)."""
    return f"{root}/{EPISODES_DIR}/{episode.slug}/{episode.artwork}" if episode.artwork else f"{root}/{show.artwork}"


def _memo(fingerprint: str, art: str, arts: dict[str, str], ffmpeg: str) -> str:
    """What an episode's copy name is remembered under ("" when it has no input key: not remembered)."""
    if not fingerprint:
        return ""
    if art not in arts:
        try:  # with its ctime: new artwork of the same size written over the old with its mtime kept (cp -p) is new
            arts[art] = media_identity(Path(art))
        except OSError:
            arts[art] = "-"
    return hashlib.sha256(f"{NAMES_FORMAT}\0{fingerprint}\0{arts[art]}\0{bool(ffmpeg)}".encode()).hexdigest()


def identity(path: Path | str) -> str:
    """Size, mtime and inode: what a file is known by (not ctime: linking a file changes it)."""
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def tag_published(project: Project, items: list[Item], cache: Cache, *, reuse: bool = True,
                  progress: Progress | None = None, lengths: dict[str, int] | None = None,
                  ) -> tuple[list[Item], list[Problem], list[str], dict[str, str]]:
    """Tag a copy of each published episode's media; items point at the copies (and carry their sizes).

    ``lengths``: slug → the size the episode's file was published with (kept when the new tags fit).
    Returns the new items, notes (info problems such as M4A chapters without ffmpeg), the files
    tagged by this run and, slug → :func:`identity`, each published copy as this run stat'ed it (the build's
    output keys include it: it need not stat a thousand copies again). Raises :class:`MediaError` if a file
    cannot be tagged safely.
    """
    show = project.show
    assert show is not None
    root = project.root
    store = root / CACHE_DIR / STORE
    ffmpeg = audio.ffmpeg_path()
    used: set[str] = set()  #: names of the store's files this build publishes or relies on
    out: list[Item] = []
    notes: list[Problem] = []
    tagged: list[str] = []
    copies: dict[str, str] = {}  #: slug → identity of the copy it publishes
    covers: dict[str, Cover | None] = {}
    jobs: list[_Job | Callable[[], _Job]] = []
    forget: list[str] = []  #: episodes whose recorded copy is made again
    lengths = lengths or {}
    arts: dict[str, str] = {}
    exts: dict[str, str] = {}  #: audio file name → the extension of its copy (a show's episodes share a few names)
    root_text = os.fspath(root)
    # An episode's copy name hashes its wanted tags; building them (notes, chapters, cover digest) for every
    # episode is most of a rebuild's tagging time, so the name is remembered under the episode's input key
    # (its folder, show.yml and source media: all the tags are made of) and the artwork's identity.
    memos = {item.episode.slug: _memo(project.fingerprints.get(item.episode.slug, ""), _art(root_text, show, item.episode),
                                      arts, ffmpeg) for item in items}
    names = cache.get_many(NAMES, {slug: memo for slug, memo in memos.items() if memo}, scan=len(memos) > 100)
    cache.delete(NAMES, [slug for slug in cache.keys(NAMES) if slug not in memos])
    cache.preload(MADE)  # the copies' records in one query
    recorded = set(cache.keys(MADE))  #: the episodes with a record of a copy (of any name)
    cache.delete(MADE, [slug for slug in recorded if slug not in memos])
    store_text = f"{root_text}/{CACHE_DIR}/{STORE}"

    def cover(episode: Episode, art: str) -> None:
        if art not in covers:
            covers[art] = cover_for(Path(art)) if (episode.artwork or show.artwork) else None

    def wanted_tags(episode: Episode, notes_text: str, art: str) -> Tags:
        cover(episode, art)
        return metadata_for(show, episode, notes_text, root, covers[art])

    def copy_name(episode: Episode, wanted: Tags, source: str) -> str:
        """The copy's name: a hash of the wanted tags and of the source as it is now, remembered under its memo."""
        # The source's identity with its ctime (probes.media_identity), as its probe is cached: a master written
        # over in place at the same size with its mtime restored (cp -p, rsync --inplace -t, an editor keeping
        # the date) kept size, mtime and inode, and the old copy, old audio, was published with the new probe.
        key = hashlib.sha256(f"{__version__}\0{media_identity(source)}\0{tags_key(wanted)}\0{bool(ffmpeg)}"
                             .encode()).hexdigest()[:24]
        if memos[episode.slug]:
            cache.put(NAMES, episode.slug, memos[episode.slug], key)
        ext = exts.get(episode.audio) or exts.setdefault(episode.audio, os.path.splitext(episode.audio)[1].lower())
        return f"{episode.slug}-{key}{ext}"

    def make_job(index: int, source: str, source_rel: str, art: str, length: int | None, name: str = "",
            wanted: Tags | None = None) -> _Job:
        """The job of the episode at ``index`` (its wanted tags and copy name made now when not given)."""
        item = items[index]
        if wanted is None:
            wanted = wanted_tags(item.episode, item.notes_text, art)
        if not name:
            name = copy_name(item.episode, wanted, source)
            used.add(name)
        return _Job(index, source, f"{store_text}/{name}", f"{CACHE_DIR}/{STORE}/{name}",
                    codec.replacer(Tags, "cover")(wanted, None), art, source_rel, item.media, ffmpeg, length)

    for index, item in enumerate(items):
        episode = item.episode
        source_rel = f"{EPISODES_DIR}/{episode.slug}/{episode.audio}"
        out.append(item)
        if item.media.kind not in audio.TAGGABLE:
            continue
        art = _art(root_text, show, episode)
        source = f"{root_text}/{source_rel}"
        wanted: Tags | None = None
        key = names.get(episode.slug)
        length = lengths.get(episode.slug)
        if not isinstance(key, str) and episode.slug not in recorded:
            # Neither its name nor a copy recorded (a cold build: every episode): it is tagged, and its wanted tags
            # and copy name (~55 us of this process's time an episode) are made as the workers take its chunk, while
            # they tag the chunks before it, not all before the first worker starts (see parallel.imap_ordered)
            cover(episode, art)  # (the covers go to the workers with the first chunk)
            jobs.append(partial(make_job, index, source, source_rel, art, length))
            continue
        if not isinstance(key, str):
            wanted = wanted_tags(episode, item.notes_text, art)
            name = copy_name(episode, wanted, source)
        else:  # Paths as text on this path: a rebuild goes through it for every episode.
            ext = exts.get(episode.audio) or exts.setdefault(episode.audio, os.path.splitext(episode.audio)[1].lower())
            name = f"{episode.slug}-{key}{ext}"
        media_file = f"{CACHE_DIR}/{STORE}/{name}"
        copy_text = f"{store_text}/{name}"
        used.add(name)
        # The cache is the only record of a copy: without one (a cold build, a lost cache) nothing is looked at.
        made = cache.get(MADE, episode.slug, name) if reuse else None
        if made == SAME and (length is None or item.media.size == length):
            continue  # the source already says all this: publish it as it is
        if isinstance(made, list):
            try:
                st = os.stat(copy_text)
            except OSError:
                st = None
            if st is not None and [st.st_size, st.st_mtime_ns] == made[:2] and (length is None or st.st_size == length):
                out[index] = _published(item, media_file, st.st_size)
                copies[episode.slug] = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"
                if len(made) > 2 and made[2]:  # its index stayed last when it was made: said again, as then
                    notes.append(_index_problem(episode, source_rel, item.media.video, str(made[2])))
                elif item.media.index_blocker:  # moved all the same: the chapters' re-mux (see below)
                    notes.append(_index_problem(episode, source_rel, item.media.video, "", by_chapters=True))
                if len(made) > 4:  # the walk made with the copy found damage between its frames: said again
                    notes.append(_damage_problem(source_rel, int(made[3]), float(made[4]), episode.slug))
                continue
            if st is not None and [st.st_size, st.st_mtime_ns] != made[:2]:
                notes.append(info("TAG012", media_file,
                                  "the tagged copy was changed after it was made (a published file edited in place?); "
                                  "tagged it again", field="audio", episode=episode.slug,
                                  hint="edit the files in episodes/, never the built site: the build overwrites it"))
        if made is not None:
            forget.append(episode.slug)
        jobs.append(make_job(index, source, source_rel, art, length, name, wanted))
    cache.delete(MADE, forget)  # a record exists only for a copy made whole: none while its copy is remade
    if jobs:
        os.makedirs(store_text, exist_ok=True)
    # The tagging itself (copy, tag, re-read, verify) on every core; results are taken in episode order.
    step = (lambda done: progress("tag", done, len(jobs))) if progress else None
    # (the next stage on every core, the episode pages, forks its own workers: these end as the last copies are taken)
    results = parallel.imap_ordered(_tag_job, covers, _Jobs(jobs), progress=step, share=True, release=True)
    for job, result in zip(_Jobs(jobs), results, strict=True):  # (each job made by the time its result is here)
        if isinstance(result, parallel.Failed):
            raise MediaError(result.problems)
        slug = items[job.index].episode.slug
        notes.extend(_notes(result, slug))
        if result.index_kept:
            notes.append(_index_problem(items[job.index].episode, job.rel, job.media.video, result.index_kept))
        elif job.media.index_blocker and result.written:
            # the master's layout blocks the move, yet the copy has its index first: the tagger re-muxed it with ffmpeg
            # for its chapters (a new file) and moved that one's index (verified: it refuses a copy still index last)
            notes.append(_index_problem(items[job.index].episode, job.rel, job.media.video, "", by_chapters=True))
        name = job.media_file.rpartition("/")[2]
        if not result.written:
            cache.put(MADE, slug, name, SAME)
            continue
        # Recorded only now that the copy is whole and verified: a copy cut short is never trusted.
        st = os.stat(job.copy)
        # (its index kept last, and damage between an MP3's frames: said again while the copy is reused)
        extra = [result.index_kept, *result.gap] if result.gap[0] else [result.index_kept] if result.index_kept else []
        cache.put(MADE, slug, name, [st.st_size, st.st_mtime_ns, *extra])
        copies[slug] = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"
        tagged.append(job.rel)
        out[job.index] = _published(items[job.index], job.media_file, result.size)
    _prune(store, used)
    return out, notes, tagged, copies


class _Jobs(parallel.Jobs["_Job"]):
    """The tag jobs, each made (when it was left to be made, a callable) as the pool gives it out, and kept."""

    def __init__(self, jobs: list[_Job | Callable[[], _Job]]):
        self.jobs = jobs

    def __len__(self) -> int:
        return len(self.jobs)

    def made(self, index: int) -> _Job:
        found = self.jobs[index]
        if not isinstance(found, _Job):
            found = self.jobs[index] = found()
        return found


@frozen
class _Job:
    """One media file to tag into the store (sent to a worker process: no cover bytes, see ``covers``)."""

    index: int
    source: str  #: paths as text: a thousand jobs are sent to the workers
    copy: str
    media_file: str  #: the copy relative to the show
    wanted: Tags
    art: str  #: which of the build's covers to embed (see ``covers``)
    rel: str
    media: Media
    ffmpeg: str
    length: int | None  #: the size it was published with (kept when the tags fit)


def _tag_job(covers: dict[str, Cover | None], job: _Job) -> TagResult:
    """Tag one copy into the store (in a worker process)."""
    wanted = codec.replacer(Tags, "cover")(job.wanted, covers.get(job.art))
    # fresh: the copy is trusted only through the record made after this returns, so a new name is written
    # directly, without a temp file and a rename (see docs/audio.md)
    # fast_start: an M4A/MP4 whose index comes last is published with it first (MED027)
    result = audio.tag_copy(Path(job.source), Path(job.copy), wanted, rel=job.rel, ffmpeg=job.ffmpeg, length=job.length,
                            probed=job.media, durable=False, fresh=True, fast_start=True)
    # The build reads only whether it wrote, the size and the notes: the changes (every tag's old and new value,
    # the notes' text among them) and the re-read media would be sent back for nothing.
    result.changes, result.media = [], None  # this job's own result: emptied in place (no copy of it)
    return result


def _published(item: Item, media_file: str, size: int) -> Item:
    """``item`` publishing its tagged copy ``media_file`` (relative to the show)."""
    # The copy was verified when it was made (same format, duration and audio payload): only its size differs.
    # (codec.replacer: dataclasses.replace's look at every field, twice per episode, showed in a rebuild's profile)
    return codec.replacer(Item, "media", "media_file")(item, codec.replacer(Media, "size")(item.media, size), media_file)


def _index_problem(episode: Episode, rel: str, video: bool, reason: str, by_chapters: bool = False) -> Problem:
    """MED027 as the build made the copy: its index kept last (``reason``), or moved after the chapters' re-mux."""
    from .checks.media import BY_CHAPTERS, index_last

    return index_last(rel, episode.audio, episode.slug, video, BY_CHAPTERS if by_chapters else reason)


def _damage_problem(rel: str, gap: int, at: float, slug: str) -> Problem:
    from .checks.media import damaged_audio  # (the checks are not imported by a rebuild that tags nothing)

    return damaged_audio(rel, gap, at, slug)


def _notes(result: TagResult, slug: str) -> list[Problem]:
    """What tagging a file had to say: what it could not write (TAG010), and damage the walk made with the copy found
    (MED033: the probe of an MP3 whose header counts its frames does not walk them)."""
    found = [info("TAG010", result.file, note, field="audio", episode=slug) for note in result.notes]
    return found + ([_damage_problem(result.file, *result.gap, slug)] if result.gap[0] else [])


def _prune(store: Path, used: set[str]) -> None:
    """Remove the store's files no published episode uses any more (temp files an interrupted build left
    too), and the folders of the old layout (``<slug>/<key>.mp3`` beside ``.made``/``.same`` markers)."""
    try:
        entries = list(os.scandir(store))
    except OSError:
        return
    for entry in entries:
        if entry.name in used:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def remove_stale_temp_files(root: Path, slug: str) -> list[Problem]:
    """Delete the temp files an interrupted ``mediafeed tag`` left in an episode folder (our names only)."""
    notes = []
    for path in audio.stale_temp_files(root / EPISODES_DIR / slug):
        rel = path.relative_to(root).as_posix()
        try:
            path.unlink()
        except OSError as exc:
            notes.append(info("TAG011", rel, f"cannot remove a temp file left by an interrupted run: {exc.strerror}",
                              field="audio", episode=slug, hint="delete it by hand"))
            continue
        notes.append(info("TAG011", rel, "removed a temp file left by an interrupted run", field="audio", episode=slug))
    return notes


def _summary_too_long(episode: Episode, show: Show) -> list[Problem]:
    """EP114 for a ``summary`` over Apple's 4,000 bytes, which the build refuses (unless show.yml's ``checks`` leave
    EP114 out), so it is not written into the file."""
    from .checks import filter_problems
    from .notes import DESCRIPTION_LIMIT

    size = len(episode.summary.encode("utf-8")) if episode.summary else 0
    if size <= DESCRIPTION_LIMIT:
        return []
    return filter_problems([error("EP114", episode.source, f"the summary is {size:,} bytes; the limit is {DESCRIPTION_LIMIT:,} (Apple's, for "
                                          "the feed's itunes:summary, and the file's comment tag): the file was not tagged",
                 field="summary", episode=episode.slug,
                 hint="shorten it to one or two sentences; the full show notes go below the front matter")], show)


def _master_length(published: ledger_io.Ledger | None, show: Show, episode: Episode) -> int | None:
    """The size ``mediafeed tag`` keeps for an episode's master: the length it was published with at its URL (so the
    build can publish the master as it is), the file's own size where the record does not say (an old
    ``published.json``: as before), or None for an episode not published there, which gets the padding of a first
    build: a master that kept its own size after its tags shrank (a 60 MB cover a tool embedded, replaced by the
    show's artwork) would be published as megabytes of zeros."""
    from .site import url_path

    url = show.media_absolute(url_path(f"{EPISODES_DIR}/{episode.slug}/{episode.audio}"))
    length = ledger_io.length_at(published, episode.guid, url) if published is not None else 0
    return audio.tagger.OWN_SIZE if length == 0 else length


@mutable
class SourceReport:
    """What ``mediafeed tag`` did to the files in episodes/."""

    dry_run: bool
    results: list[TagResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"dry_run": self.dry_run, "files": [r.to_dict() for r in self.results],
                "problems": [p.to_dict() for p in self.problems]}


def tag_sources(root: Path, slugs: tuple[str, ...] = (), *, dry_run: bool = False, ffmpeg: str | None = None,
                wait: float = 0.0, waiting: Callable[[str], None] | None = None) -> SourceReport:
    """Tag the media files in ``episodes/`` in place (safely). Drafts are included only when named.

    Not while a build or another tag run works on the show: waits up to ``wait`` seconds for it, then OUT005
    (see :mod:`showlock`).
    """
    root = root.resolve()
    with showlock.hold(root, "tag run", wait=wait, waiting=waiting):
        return _tag_sources(root, slugs, dry_run, ffmpeg)


def _tag_sources(root: Path, slugs: tuple[str, ...], dry_run: bool, ffmpeg: str | None) -> SourceReport:
    from .notestore import render_notes
    from .probes import probe_cached
    from .project import load_project

    cache = show_cache(root)
    report = SourceReport(dry_run=dry_run)
    try:
        project = load_project(root, cache)
        show = project.show
        if show is None:
            raise InputError(project.problems)
        known = {e.slug: e for e in project.episodes}
        # an episode whose front matter or files have errors is not loaded, so not tagged: its errors say why (it was
        # skipped without a word, "0 file(s) tagged", exit 0; and named, it was "no episode folder named …")
        broken: dict[str, list[Problem]] = {}
        for problem in project.problems:
            if problem.episode and problem.episode not in known and problem.severity is Severity.ERROR:
                broken.setdefault(problem.episode, []).append(problem)
        report.problems.extend(p for slug in sorted(broken) if not slugs or slug in slugs for p in broken[slug])
        unknown = [s for s in slugs if s not in known and s not in broken]
        if unknown:
            raise InputError(error("TAG005", f"{EPISODES_DIR}/{unknown[0]}", f"no episode folder named {unknown[0]!r}",
                                   hint="give folder names from episodes/, e.g. " + ", ".join(sorted(known)[:3])))
        chosen = [known[s] for s in slugs if s in known] if slugs else [e for e in project.episodes if not e.draft]
        # what was published, and at what length (a record it cannot read, LED000 in check and build: none, and every
        # master keeps its own size, as before)
        record, unread = ledger_io.load(root) if chosen else (None, [])
        published = None if has_errors(unread) else record  # (an unknown key, a warning: read as it is)
        for episode in sorted(chosen, key=lambda e: e.slug):
            rel = f"{EPISODES_DIR}/{episode.slug}/{episode.audio}"
            if not dry_run:
                report.problems.extend(remove_stale_temp_files(root, episode.slug))
            too_long = _summary_too_long(episode, show)
            if too_long:  # the build refuses it (EP114): the file would carry what the feed may not
                report.problems.extend(too_long)
                continue
            media = probe_cached(root, rel, cache)
            if not isinstance(media, Media):
                report.problems.extend(media)
                continue
            notes = render_notes(episode.notes_markdown, show.absolute(f"{EPISODES_DIR}/{episode.slug}/"), cache)
            wanted = metadata_for(show, episode, notes.text, root)
            try:
                result = audio.tag(root / rel, wanted, rel=rel, dry_run=dry_run, ffmpeg=ffmpeg,
                                   length=_master_length(published, show, episode))
            except MediaError as exc:
                report.problems.extend(exc.problems)
                continue
            report.results.append(result)
            report.problems.extend(_notes(result, episode.slug))
        cache.commit()
    finally:
        cache.close()
    return report
