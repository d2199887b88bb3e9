"""Checks: rules as small functions returning :class:`Problem` records.

Codes are stable and grouped by prefix (the README lists them all):

========  ===============================================================
SRC       the show's source files (show.yml, front matter, folders)
MED       media files (format, size, duration, what apps accept)
ART       artwork (square, 1400–3000 px, JPEG/PNG, RGB)
CHP, TRN  chapters and transcripts
SHOW      show-level rules (Apple, Spotify, PSP-1)
EP        episode-level rules (uniqueness, numbering, titles)
LED       subscriber safety against ``published.json``
OUT       writing the site
========  ===============================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import Problem
from .artwork import check_artwork, image_size
from .episodes import check_items, duplicates

if TYPE_CHECKING:
    from ..build import Project
    from ..model import Item, Show

__all__ = ["run", "image_size", "duplicates", "filter_problems"]


def run(project: Project, items: list[Item]) -> list[Problem]:
    """Every rule that needs the whole, probed show."""
    show = project.show
    assert show is not None
    problems: list[Problem] = []
    problems.extend(check_items(show, items))
    for item in items:
        if item.episode.artwork:
            rel = f"episodes/{item.episode.slug}/{item.episode.artwork}"
            _, found = image_size(project.root / rel, rel, episode=item.episode.slug)
            problems.extend(found)
    return problems


def filter_problems(problems: Iterable[Problem], show: Show | None, select: Iterable[str] = (),
                    ignore: Iterable[str] = ()) -> list[Problem]:
    """Keep problems whose code matches ``select`` (all when empty) and not ``ignore``; prefixes match."""
    chosen = tuple(select) or (show.checks_select if show else ())
    dropped = tuple(ignore) + (show.checks_ignore if show else ())

    def matches(code: str, patterns: tuple[str, ...]) -> bool:
        return any(code == p or code.startswith(p) for p in patterns)

    return [p for p in problems
            if (not chosen or matches(p.code, chosen)) and not matches(p.code, dropped)]


_ = check_artwork
