"""Problems as the terminal lists them: grouped by episode (the show's own first) and a summary line.

No click here: ``terminal.print_problems`` styles these lines, and the no-change shortcut
(``commands/shortcut.py``) prints the same lines without loading click.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .errors import Problem, Severity


def groups(problems: Iterable[Problem], quiet: bool) -> list[tuple[str, list[Problem]]]:
    """(episode, its problems) in the order they are listed; "" is the show. ``quiet`` leaves infos out."""
    found: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        if not (quiet and problem.severity is Severity.INFO):
            found[problem.episode].append(problem)
    return [(episode, found[episode]) for episode in sorted(found, key=lambda e: (e != "", e))]


def summary(problems: list[Problem], strict: bool = False) -> str:
    """"Found 1 error, 2 warnings, 0 infos." With ``strict`` (``--strict``) and warnings, it says that they are what
    failed the run: "Found 0 errors, 1 warning" and exit code 1, with nothing built, read as a bug."""
    counts = {s: sum(1 for p in problems if p.severity is s) for s in Severity}
    parts = [f"{counts[s]} {s.value}{'' if counts[s] == 1 else 's'}" for s in Severity]
    if not problems:
        return "No problems found."
    return "Found " + ", ".join(parts) + ("; --strict counts the warnings as errors" if strict and counts[Severity.WARNING]
                                          else "") + "."
