from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from ..terminal import ProgressBar, boundary, echo, info, print_json, print_problems, settings
from .options import format_option, show_option, verbosity_options, wait_option, waiting_message


@click.command()
@verbosity_options
@show_option
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site (default: public/ in the show folder).")
@click.option("--clean", is_flag=True, help="Ignore the build cache: re-read, re-probe and re-render everything.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--accept-changes", is_flag=True,
              help="Record deliberate changes to published GUIDs or enclosure URLs in published.json instead of failing.")
@wait_option
@format_option
@boundary
def build(show_dir: Path, output: Path | None, clean: bool, strict: bool, accept_changes: bool, wait: float,
          fmt: str) -> None:
    """Check the show and build the static site: feed.xml, pages, players.

    Nothing is written when the show has errors; files are replaced atomically,
    unchanged files are left alone, and the feeds are written last. When no
    source file changed since the last build, nothing is read at all. Set
    SOURCE_DATE_EPOCH for a fixed lastBuildDate; the same input always gives the
    same bytes. One build, tag run or serve rebuild works on a show at a time;
    another one waits for it (see --wait).

    \b
    Exit codes: 0 built (or nothing changed), 1 the show has errors (with --strict, warnings too:
    nothing is written), the site cannot be written or another run holds the show, 2 no show here,
    unreadable input or a bad option, 130 interrupted.

    \b
    Example:
      mediafeed build
      mediafeed build --show ~/shows/whats-the-crack --output /var/www/podcast
    """
    started = time.perf_counter()
    out = output or show_dir / "public"
    report: dict[str, Any] | None = None
    sweep = None
    if not (clean or accept_changes):
        from ..fastpath import Sweep
        from ..fastpath import check as up_to_date

        sweep = settings().sweep  # the look commands.shortcut took, when it handed this build over
        if not isinstance(sweep, Sweep) or sweep.root != show_dir.resolve():
            sweep = Sweep(show_dir)
        report = up_to_date(show_dir, out, strict, sweep=sweep)
    if report is not None:
        report["seconds"] = round(time.perf_counter() - started, 3)
    else:
        from .. import build as build_lib

        with ProgressBar() as progress:
            result = build_lib.build(show_dir, output, clean=clean, strict=strict, accept_changes=accept_changes,
                                     progress=progress, sweep=sweep, wait=wait, waiting=waiting_message)
        report = result.to_dict()
    show_report(report, fmt)


def show_report(report: dict[str, Any], fmt: str) -> None:
    """What ``mediafeed build`` prints for a finished build's report (``commands.shortcut`` prints the same)."""
    if fmt == "json":
        print_json({"ok": True, **report})
        return
    if report["problems"]:
        from ..errors import Problem

        print_problems([Problem.from_dict(p) for p in report["problems"]], err=True)
    episodes = report["episodes"]
    if report.get("up_to_date"):
        info(f"Nothing changed since the last build: {episodes} episode{'s' if episodes != 1 else ''} in "
             f"{report['output']} are up to date ({report['seconds']:.2f} s).")
    else:
        info(f"Built {episodes} episode{'s' if episodes != 1 else ''} into {report['output']} "
             f"({len(report['written'])} written, {report['unchanged']} unchanged, {len(report['removed'])} removed) "
             f"in {report['seconds']:.2f} s.")
    if report["drafts"] or report["scheduled"]:
        info(f"Not published yet: {report['drafts']} draft(s), {report['scheduled']} scheduled.")
    echo(str(Path(report["output"]) / "feed.xml"))
