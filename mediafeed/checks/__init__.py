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

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import Problem, error
from ..source import quoted
from .rules import RULE_SETS, RULES, in_sets, known_pattern

if TYPE_CHECKING:
    from ..model import Item, Show
    from ..project import Project
    from .artwork import image_size
    from .episodes import duplicates
    from .showfeed import feed_rules, unrepeated

#: names given from the rule modules, imported when first used: ``mediafeed check --help`` needs only the
#: rule table (``.rules``), not the feed rules' YAML, XML and model code
_LAZY = {"image_size": "artwork", "duplicates": "episodes", "feed_rules": "showfeed", "unrepeated": "showfeed"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value

__all__ = ["RULE_SETS", "run", "image_size", "duplicates", "filter_problems", "feed_rules", "unrepeated", "check_selection", "selected", "ignored", "unknown_patterns", "RULES"]


def run(project: Project, items: list[Item]) -> list[Problem]:
    """Every rule that needs the whole, probed show."""
    from .artwork import image_size
    from .episodes import check_items
    from .media import check_media

    show = project.show
    assert show is not None
    problems: list[Problem] = []
    problems.extend(check_items(show, items))
    problems.extend(check_media(show, items))
    for item in items:
        if item.episode.artwork:
            rel = f"episodes/{item.episode.slug}/{item.episode.artwork}"
            # (remembered by the build under the file's identity: a rebuild does not open the image)
            _, found = project.episode_artwork.get(rel) or image_size(project.root / rel, rel, episode=item.episode.slug)
            problems.extend(found)
    return problems


def filter_problems(problems: Iterable[Problem], show: Show | None, select: Iterable[str] = (),
                    ignore: Iterable[str] = ()) -> list[Problem]:
    """Keep what ``select`` names (everything when empty) minus what ``ignore`` names.

    A pattern is a rule set (``apple``, ``spotify``, ``psp1``, ``podcastindex``,
    ``mediafeed``), a code (``EP020``) or a code prefix (``ART``). A code in several
    rule sets is selected when any of them is selected, and ignored only when all
    of them are ignored (``--ignore spotify`` keeps a rule Apple shares). The
    command line's ``select`` replaces show.yml's; ``ignore`` adds to it.
    """
    chosen = tuple(select) or (show.checks_select if show else ())
    dropped = tuple(ignore) + (show.checks_ignore if show else ())
    return [p for p in problems if selected(p.code, chosen) and not ignored(p.code, dropped)]


def _split(patterns: Iterable[str]) -> tuple[set[str], tuple[str, ...]]:
    sets, codes = set(), []
    for pattern in patterns:
        for part in str(pattern).split(","):
            part = part.strip()
            if part.lower() in RULE_SETS:
                sets.add(part.lower())
            elif part:
                codes.append(part.upper())
    return sets, tuple(codes)


def selected(code: str, patterns: Iterable[str]) -> bool:
    sets, codes = _split(patterns)
    if not sets and not codes:
        return True
    return any(code.startswith(c) for c in codes) or bool(sets and in_sets(code, sets))


def ignored(code: str, patterns: Iterable[str]) -> bool:
    sets, codes = _split(patterns)
    if any(code.startswith(c) for c in codes):
        return True
    rule = RULES.get(code)
    return bool(sets and rule is not None and set(rule.sets) <= sets)


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    """The patterns that name no rule set and no code (typos)."""
    out = []
    for pattern in patterns:
        for part in str(pattern).split(","):
            if part.strip() and not known_pattern(part):
                out.append(part.strip())
    return out


def check_selection(show: Show | None) -> list[Problem]:
    """CHK001 for unknown names in show.yml's ``checks: {select, ignore}``."""
    if show is None:
        return []
    problems = []
    for key, patterns in (("select", show.checks_select), ("ignore", show.checks_ignore)):
        for bad in unknown_patterns(patterns):
            problems.append(error("CHK001", "show.yml", f"{quoted(bad, 200)} is neither a rule set nor a problem code",
                                  field=f"checks.{key}",
                                  hint=f"{meant(bad)}rule sets: {', '.join(RULE_SETS)}; codes: 'mediafeed check --explain CODE'"))
    return problems


def meant(bad: str) -> str:
    """"did you mean 'apple'? " for a misspelt rule set or code in a selection, else ""."""
    import difflib

    close = difflib.get_close_matches(bad.lower(), list(RULE_SETS), n=1) or \
        difflib.get_close_matches(bad.upper(), list(RULES), n=1)
    return f"did you mean {quoted(close[0], 200)}? " if close else ""

