from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..terminal import boundary, info, out, print_json, use_color
from .options import format_option, show_option, verbosity_options

if TYPE_CHECKING:
    from ..catalogue import Row

_STATUS_COLOUR = {"published": "green", "scheduled": "cyan", "draft": "yellow", "unreadable": "red"}
STATUSES = tuple(_STATUS_COLOUR)


@click.command(name="list")
@verbosity_options
@show_option
@click.option("--status", "only", type=click.Choice(STATUSES), multiple=True,
              help="Only episodes with this status (repeatable).")
@format_option
@boundary
def list_(show_dir: Path, only: tuple[str, ...], fmt: str) -> None:
    """List the episodes, newest first: number, date, title, length, status, problems.

    Status is "published" (in the feed), "scheduled" (a date in the future: a
    build after that date publishes it), "draft" (draft: true) or "unreadable"
    (its episode.md cannot be read: listed first, with the problem's code). The
    problem count is errors/warnings from the same checks as 'mediafeed check'.
    A last line names the published episodes withdrawn on purpose ('build
    --accept-changes' recorded them out of the feed: LED005 no longer warns).

    \b
    Exit codes: 0 listed, 2 the show cannot be read, 130 interrupted.

    \b
    Example:
      mediafeed list
      mediafeed list --status draft --status scheduled
      mediafeed list --format json | jq '.episodes[] | select(.errors > 0) | .slug'
    """
    from ..catalogue import episode_list, withdrawn

    rows, show_problems = episode_list(show_dir)
    gone = withdrawn(show_dir)
    if only:
        rows = [r for r in rows if r.status in only]
    if fmt == "json":
        print_json({"ok": True, "episodes": [r.to_dict() for r in rows], "show_problems": [p.to_dict() for p in show_problems],
                    "withdrawn": [{"slug": slug, "guid": guid} for slug, guid in gone]})
        return
    colour = use_color()
    for line in table(rows, colour=colour):  # its cells styled and made safe for a terminal already: not echo's
        out(line, color=colour)
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUSES}
    info(f"{len(rows)} episode(s): {counts['published']} published, {counts['scheduled']} scheduled, "
         f"{counts['draft']} draft(s)" + (f", {counts['unreadable']} unreadable" if counts["unreadable"] else "")
         + (f"; {len(show_problems)} show-level problem(s)" if show_problems else ""))
    if gone:  # (LED005 no longer warns of them: 'build --accept-changes' recorded them out of the feed on purpose)
        from ..characters import terminal_safe

        info(f"Withdrawn on purpose (published.json): {', '.join(terminal_safe(slug, one_line=True) for slug, _ in gone)}.")


def _shown(title: str) -> str:
    """A title cut to its column, as a terminal may show it: a control character written out (an escape sequence
    would clear the screen or write the clipboard), and a direction control the cut leaves open closed (an override
    cut off from its end reversed the rest of the line: length, status and problems). A line feed (an imported feed's
    title) is written out too: it broke the row in two, its second line passing for a row of its own."""
    from ..characters import terminal_safe
    from ..source import close_directions

    return close_directions(terminal_safe(title if len(title) <= 48 else title[:47] + "…", one_line=True))


def table(rows: list[Row], colour: bool = False) -> list[str]:
    from ..site import human_duration

    head = ("#", "DATE", "TITLE", "LENGTH", "STATUS", "PROBLEMS")
    body = []
    for r in rows:
        number = (f"S{r.season}E{r.number}" if r.season and r.number else str(r.number or "")) or r.episode_type or "?"
        problems = f"{r.errors} error(s)" if r.errors else (f"{r.warnings} warning(s)" if r.warnings else "-")
        if r.unreadable:  # no title or date to show: the folder, what is wrong, and the code 'check --explain' takes
            title, problems = _shown(f"{r.slug}: {r.reason}"), f"{problems} [{r.unreadable}]"
        else:
            title = _shown(r.title)
        length = human_duration(r.duration) if r.duration is not None else "?"
        date = r.date.strftime("%Y-%m-%d %H:%M") if r.date else "?"
        body.append((number, date, title, length, r.status, problems))
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip()]
    for row, r in zip(body, rows):
        cells = [c.ljust(w) for c, w in zip(row, widths)]
        if colour:
            cells[4] = click.style(cells[4], fg=_STATUS_COLOUR[r.status])
            if r.errors:
                cells[5] = click.style(cells[5], fg="red")
        lines.append("  ".join(cells).rstrip())
    return lines
