from __future__ import annotations

import sys
from pathlib import Path

import click

from ..checks.rules import RULE_SETS
from ..errors import InputError, error
from ..terminal import boundary, echo, info, print_json, print_problems
from .options import format_option, verbosity_options


@click.command()
@verbosity_options
@click.argument("target", required=False, metavar="[FEED | SHOW_DIR]")
@click.option("-s", "--show", "show_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The show folder (where show.yml is); the default when no FEED is given is the current folder.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--select", multiple=True, metavar="SET|CODE",
              help=f"Only these rule sets ({', '.join(RULE_SETS)}), codes or code prefixes; repeatable.")
@click.option("--ignore", multiple=True, metavar="SET|CODE", help="Skip these rule sets, codes or code prefixes; repeatable.")
@click.option("--online", is_flag=True,
              help="Also fetch every enclosure, artwork, transcript and chapters URL: ranges, sizes, types, CORS, redirects.")
@click.option("--previous", metavar="OLD_FEED", default="",
              help="A copy (file or URL) of the feed subscribers already have: report changed GUIDs, URLs and files.")
@click.option("--timeout", type=click.FloatRange(1, 600), default=30.0, show_default=True,
              help="Seconds allowed for each URL with --online (retries included).")
@click.option("--jobs", type=click.IntRange(1, 32), default=8, show_default=True, help="URLs checked at the same time.")
@click.option("--explain", "explain_code", metavar="CODE", default=None,
              help="Explain a problem code (or 'all' to list every code) and exit.")
@format_option
@boundary
def check(target: str | None, show_dir: Path | None, strict: bool, select: tuple[str, ...], ignore: tuple[str, ...],
          online: bool, previous: str, timeout: float, jobs: int, explain_code: str | None, fmt: str) -> None:
    """Lint a show, or any podcast feed, against Apple, Spotify, PSP-1 and Podcast Index rules.

    Without FEED, checks the show in this folder (or --show DIR), exactly as
    'build' does before writing. FEED is a feed file or an http(s) URL of any
    podcast. Rule sets and codes can be chosen with --select and --ignore, or in
    show.yml ('checks: {select: [...], ignore: [...]}').

    --format json prints the 'mediafeed.check/1' schema described in
    docs/checks.md.

    \b
    Exit codes: 0 no errors, 1 errors (with --strict, warnings too), 2 the input cannot be read or an
    option is wrong, 130 interrupted.

    \b
    Example:
      mediafeed check
      mediafeed check https://feeds.example.org/show.xml --online
      mediafeed check feed.xml --previous yesterday.xml --ignore spotify
      mediafeed check --format json --strict --select apple
      mediafeed check --explain EP104
    """
    from .. import lint
    from ..checks.http import Limits

    if explain_code is not None:
        _explain(explain_code, fmt)
        return
    limits = Limits(deadline=timeout, workers=jobs)
    if target and show_dir is not None:
        raise InputError(error("CHK002", "command line", "give either FEED or --show, not both",
                               hint="mediafeed check FEED, or mediafeed check --show DIR"))
    if target and (lint.is_url(target) or Path(target).is_file()):
        report = lint.lint_feed(target, previous=previous, online=online, select=select, ignore=ignore, limits=limits)
    else:
        folder = Path(target) if target else (show_dir or Path("."))
        if target and folder.exists() and not folder.is_dir():
            raise InputError(lint.not_a_feed_file(target))
        if target and not folder.is_dir():
            raise InputError(error("XML000", target, "no such file, folder or URL",
                                   hint="give a feed file, an http(s) URL, or a show folder"))
        report = lint.lint_show(folder, previous=previous, online=online, select=select, ignore=ignore, limits=limits)
    failed = report.failed(strict)
    if fmt == "json":
        print_json(report.to_dict(strict))
    else:
        print_problems(report.problems, strict=strict)
        what = f"{report.episodes} episode{'s' if report.episodes != 1 else ''}"
        info(f"Checked {report.kind} {report.target}: {what}"
             + (f", {report.urls_checked} URLs fetched" if online else "") + ".")
    sys.exit(1 if failed else 0)


#: the prefixes of the commands' own codes (not rules of check: --explain knows only those), and the guide that
#: lists each family; the README's table of prefixes names them too
COMMAND_CODES = {
    "INI": ("mediafeed init", "docs/cli.md"),
    "ADD": ("mediafeed add", "docs/cli.md"),
    "IMP": ("mediafeed import", "docs/cli.md"),
    "SRV": ("mediafeed serve", "docs/cli.md"),
    "CLI": ("the command line (--format json)", "docs/cli.md"),
    "IO": ("the command line (--format json)", "docs/cli.md"),
    "TAG": ("tagging (mediafeed tag, and build's published copies)", "docs/audio.md"),
    "PUB": ("mediafeed publish", "docs/publish.md"),
    "OUT": ("writing the site (build, serve, publish)", "docs/incremental.md"),
    "THM": ("the templates (build)", "docs/templates.md"),
}


def _explain(code: str, fmt: str) -> None:
    from ..checks.rules import RULES, explain

    if code.lower() == "all":
        rules = list(RULES.values())
    else:
        rule = explain(code)
        if rule is None:
            import difflib
            import re

            own = re.fullmatch(r"([A-Z]{2,3})\d{3}", code.strip().upper())
            if own and own.group(1) in COMMAND_CODES:
                command, guide = COMMAND_CODES[own.group(1)]
                raise InputError(error("CHK001", "command line", f"{code!r} is a code of {command}, not one that "
                                       "check reports", field="--explain",
                                       hint=f"{guide} explains it; '--explain all' lists the codes check reports"))
            close = difflib.get_close_matches(code.upper(), list(RULES), n=1)
            raise InputError(error("CHK001", "command line", f"{code!r} is not a problem code", field="--explain",
                                   hint=(f"did you mean {close[0]}? " if close else "") + "'--explain all' lists every code"))
        rules = [rule]
    if fmt == "json":
        print_json([{"code": r.code, "severity": r.severity.value, "rule_sets": list(r.sets), "title": r.title,
                     "explanation": r.explain} for r in rules])
        return
    if len(rules) > 1:
        for r in rules:
            echo(f"{r.code:<8} {r.severity.value:<8} {','.join(r.sets):<28} {r.title}")
        return
    r = rules[0]
    echo(f"{r.code}: {r.title}", bold=True)
    echo(f"severity: {r.severity.value}    rule sets: {', '.join(r.sets)}")
    echo()
    echo(r.explain)
