"""The items of a loaded show, and the problems that need them.

:func:`make_items` turns each published episode of a :class:`project.Project` into an :class:`Item`: its URLs,
its rendered notes (read when needed, :mod:`notestore`), its side files. :func:`check_items` checks what needs the
probed media: chapters, transcripts and value time splits against the duration, alternate files.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import alternates as alternates_io
from . import chapters as chapter_io
from . import transcripts
from . import value as value_io
from .cache import Cache
from .chapters import clock
from .episodes import EPISODES_DIR
from .errors import Problem, error, warning
from .model import Episode, Item, Media
from .notestore import NotesReader
from .probes import media_identity, probe_cached
from .project import Project
from .render import read_cues, read_text
from .site import url_path

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


def check_items(project: Project, items: list[Item], cache: Cache | None = None) -> list[Problem]:
    """Problems that need the probed media: chapters, transcripts and value time splits against the duration,
    alternate files."""
    problems: list[Problem] = []
    cache = cache or Cache(None)
    language = project.show.language if project.show else ""
    for item in items:
        episode = item.episode
        if episode.chapters:
            source = episode.source if episode.chapters_source == "front matter" else \
                f"{EPISODES_DIR}/{episode.slug}/{episode.chapters_source}"
            problems.extend(chapter_io.validate(episode.chapters, source, item.media.duration, episode.slug))
            problems.extend(chapter_io.audio_limit(episode.chapters, item.media.kind, source, episode.slug))
        if episode.soundbites:
            problems.extend(soundbite_problems(episode, item.media.duration))
        if any(value.time_splits for value in episode.value):
            problems.extend(value_io.check_time_splits(episode.value, episode.source, item.media.duration, episode.slug))
        for alternate, _ in item.alternates:
            if not alternate.file or alternate.file == episode.audio:  # a URL elsewhere, or the enclosure itself
                continue
            rel = f"{EPISODES_DIR}/{episode.slug}/{alternate.file}"
            found = alternates_io.read(project.root, rel, alternate.mime, cache,
                                       lambda rel: probe_cached(project.root, rel, cache))
            if isinstance(found, Media):
                problems.extend(alternates_io.length_problems(found, item.media, rel, episode.slug, alternate,
                                                                language))
            else:
                problems.extend(replace(p, field="alternate_enclosures", episode=episode.slug) for p in found)
        for transcript in episode.transcripts:
            if transcript.mime in transcripts.TIMED or transcript.mime == "application/json":
                problems.extend(_transcript_problems(project.root, episode.slug, transcript.path, transcript.mime,
                                                     item.media.duration, cache))
    return problems


def soundbite_problems(episode: Episode, duration: float | None) -> list[Problem]:
    """An episode's soundbites against its audio's duration: the namespace's soundbite is a stretch of the item's
    enclosure (soundbite.md), so one starting at or after its end plays nothing (PI023) and one running past it
    is cut short (PI024, with value_io.END_SLACK for an editor's rounding)."""
    if not duration or duration <= 0:
        return []
    problems = []
    for index, bite in enumerate(episode.soundbites):
        field, end = f"soundbites[{index}]", bite.start + bite.duration
        if bite.start >= duration:
            problems.append(error("PI023", episode.source, f"soundbite {index + 1} starts at {clock(bite.start)}, when "
                                  f"the audio has ended ({clock(duration)}): apps have nothing to play",
                                  field=f"{field}.start", episode=episode.slug,
                                  hint="fix its 'start' (seconds or HH:MM:SS from the start of this episode's audio)"))
        elif end > duration + value_io.END_SLACK:
            problems.append(warning("PI024", episode.source, f"soundbite {index + 1} runs to {clock(end)}, past the end "
                                    f"of the audio ({clock(duration)})", field=f"{field}.duration", episode=episode.slug,
                                    hint=f"shorten its 'duration' to {value_io.seconds_text(duration - bite.start)} or "
                                    "fix its 'start'"))
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
                return [Problem.from_dict(p) for p in cached]
            except (TypeError, KeyError, ValueError):
                pass
    if mime == "application/json":  # (Podcast Index JSON segments)
        text, problems = read_text(root / rel, rel, slug)
        problems = problems + (transcripts.check_json(text, rel, duration, slug) if text is not None else [])
    else:
        cues, problems = read_cues(root / rel, mime, rel, slug)
        problems = problems + transcripts.validate(cues, rel, duration, slug)
    if tag:
        cache.put("meta", f"cues:{rel}", tag, [p.to_dict() for p in problems])
    return problems
