"""The episode list behind ``mediafeed list``: every episode with its status and problem count."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from . import build as build_lib
from . import showlock
from .cache import Cache
from .episodes import EPISODES_DIR
from .errors import InputError, Problem, Severity
from .model import Media
from .probes import probe_cached
from .project import load_project
from .records import frozen


@frozen
class Row:
    slug: str
    number: int | float | None  #: a decimal one (4.5) too
    season: int | None
    date: datetime | None  #: None for an unreadable episode
    title: str
    duration: float | None  #: seconds; None when the media cannot be read
    status: str  #: "published", "scheduled", "draft" or "unreadable" (its episode.md cannot become an episode)
    errors: int
    warnings: int
    guid: str
    episode_type: str
    #: an unreadable episode's first error: its code (SRC001) and message; "" for an episode that was read
    unreadable: str = ""
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "season": self.season, "episode": self.number, "type": self.episode_type or None,
                "date": self.date.isoformat() if self.date else None, "title": self.title,
                "duration": None if self.duration is None else round(self.duration, 3), "status": self.status,
                "errors": self.errors, "warnings": self.warnings, "guid": self.guid,
                "unreadable": self.unreadable or None}


def episode_list(root: Path, now: datetime | None = None) -> tuple[list[Row], list[Problem]]:
    """Rows newest first (drafts and scheduled episodes included), and the show-level problems."""
    root = root.resolve()
    with showlock.reading(root, "list") as cache:
        return _listed(root, cache, now)


def _listed(root: Path, cache: Cache, now: datetime | None) -> tuple[list[Row], list[Problem]]:
    try:
        project = load_project(root, cache, now=now)
        if project.show is None:
            raise InputError(project.problems)
        _, problems = build_lib.inspect(project, cache)
        rows = []
        for episode in project.episodes:
            media = project.media.get(episode.slug)
            if media is None:  # drafts and scheduled episodes are not probed by the build; list shows them anyway
                found = probe_cached(root, f"{EPISODES_DIR}/{episode.slug}/{episode.audio}", cache)
                media = found if isinstance(found, Media) else None
            mine = [p for p in problems if _belongs(p, episode.slug, episode.guid)]
            rows.append(Row(slug=episode.slug, number=episode.number if episode.number else episode.decimal_number,
                            season=episode.season.number if episode.season else None, date=episode.date,
                            title=episode.title, duration=media.duration if media else None,
                            status=project.status(episode),
                            errors=sum(1 for p in mine if p.severity is Severity.ERROR),
                            warnings=sum(1 for p in mine if p.severity is Severity.WARNING),
                            guid=episode.guid, episode_type=episode.episode_type))
        cache.commit()
    finally:
        cache.close()
    rows.sort(key=lambda r: (r.date, r.slug), reverse=True)
    rows = _unreadable(problems, {r.slug for r in rows}) + rows
    show_level = [p for p in problems if not any(_belongs(p, r.slug, r.guid) for r in rows)]
    return rows, show_level


def withdrawn(root: Path) -> list[tuple[str, str]]:
    """(slug, GUID) of the published episodes withdrawn on purpose, as published.json records them (none when it
    cannot be read: LED000 says so)."""
    from . import ledger as ledger_io

    return ledger_io.withdrawn(ledger_io.load(root.resolve())[0])


def _unreadable(problems: list[Problem], read: set[str]) -> list[Row]:
    """A row for each episode folder whose episode.md could not become an episode (SRC001-SRC003: no front matter or
    malformed YAML, SRC021: not UTF-8, SRC053: a link…), first, by slug: such an episode is in no feed, and before it
    was missing from the list too, counted only among the "show-level problem(s)" of the summary line."""
    broken: dict[str, list[Problem]] = {}
    for p in problems:
        if p.episode and p.episode not in read and p.file.startswith(f"{EPISODES_DIR}/{p.episode}/"):
            broken.setdefault(p.episode, []).append(p)
    rows = []
    for slug, mine in sorted(broken.items()):
        errors = [p for p in mine if p.severity is Severity.ERROR]
        if not errors:
            continue
        rows.append(Row(slug=slug, number=None, season=None, date=None, title="", duration=None, status="unreadable",
                        errors=len(errors), warnings=sum(1 for p in mine if p.severity is Severity.WARNING), guid="",
                        episode_type="", unreadable=errors[0].code, reason=errors[0].message))
    return rows


def _belongs(problem: Problem, slug: str, guid: str) -> bool:
    return bool(problem.episode and problem.episode in (slug, guid)) or problem.file.startswith(f"{EPISODES_DIR}/{slug}/")
