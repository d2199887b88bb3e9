from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..characters import terminal_safe
from ..errors import Severity
from ..terminal import ProgressBar, boundary, echo, info, print_json, print_problems, settings
from .options import format_option, verbosity_options

if TYPE_CHECKING:  # (the importer is loaded only when the command runs: the CLI starts faster)
    from ..importer import ImportReport


@click.command(name="import")
@verbosity_options
@click.argument("feed")
@click.option("-s", "--show", "show_dir", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="The show folder to import into (created if needed).")
@click.option("--url", default="", help="The new site's public address (default: the old feed's <link>; set it before publishing).")
@click.option("--download", is_flag=True, help="Also download every episode's media (resumable; keeps going past failures).")
@format_option
@boundary
def import_(feed: str, show_dir: Path, url: str, download: bool, fmt: str) -> None:
    """Move a show from another host: read its feed (a file or an http(s) URL).

    Writes show.yml (keeping podcast:guid), the artwork and one episode folder
    per item with its GUID (and isPermaLink, for a URL), date, title, notes
    (HTML kept, sanitised at build), season, number, type, explicit, persons,
    artwork, transcripts and chapters, and the Podcasting 2.0 tags mediafeed
    publishes (value, social, chat, content links, publisher, soundbites,
    location, licence, txt, podroll, alternate enclosures); a podcast: tag it
    cannot carry is named (IMP050), never dropped without a word. With
    --download it fetches the media too, past measurement prefixes (Podtrac,
    Chartable, OP3), resuming interrupted downloads and checking sizes.
    Running it again skips every episode already imported and only retries
    what is missing. It ends with the steps left to move the feed.

    \b
    Exit codes: 0 imported, 1 some episodes or downloads failed (listed; run
    again to retry), 2 the feed cannot be read, 130 interrupted (run again to go on).

    \b
    Example:
      mediafeed import https://old-host.example.com/feed.rss --show my-show \\
          --url https://example.org/my-show/ --download
      mediafeed import saved-feed.xml --show my-show --format json
    """
    from ..importer import import_feed, migration_steps

    with ProgressBar() as bar:
        report = import_feed(feed, show_dir, url=url, download=download,
                             progress=None if fmt != "text" else bar if bar.enabled else DownloadLines())
    failed = bool(report.failed) or any(p.severity is Severity.ERROR for p in report.problems)
    if fmt == "json":
        print_json({"ok": not failed, **report.to_dict()})
        sys.exit(1 if failed else 0)
    shown = [p for p in report.problems if p.severity is not Severity.INFO or settings().verbose]
    if shown:
        print_problems(shown, err=True)
    info(outcome(report))
    if report.failed:
        echo(f"{len(report.failed)} episode(s) failed; run the same command again to retry:", err=True, fg="red")
        for item in report.failed:
            # (one line whatever the feed's title and address hold: an override left open reversed the rest)
            echo(terminal_safe(f"  {item['slug']}: {item['title']}: {item['reason']} ({item['url']})", directions=True),
                 err=True)
    echo("Steps left to move the feed:")
    for number, step in enumerate(migration_steps(report), 1):
        echo(f"  {number}. {step}")
    sys.exit(1 if failed else 0)


class DownloadLines:
    """Progress where stderr is no terminal (a log file, CI, ``nohup``): a line as each media file starts, with its
    place in the feed. A --download of a big back catalogue runs for hours, and it printed nothing at all until the
    end; a deadline for the whole run would cut short a healthy migration (each file has its own limits, and a run
    stopped with Ctrl-C resumes), so what a producer needs is to see it advance."""

    def __init__(self) -> None:
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage.startswith("download ") and stage != self.stage:
            info(f"{stage[:1].upper()}{stage[1:]}" + (f" ({total:,} bytes)" if total else ""))
        self.stage = stage


def outcome(report: ImportReport) -> str:
    """The import's result in a sentence. A second import of the same feed says plainly that it added nothing: the
    line "Imported 0 episode(s), skipped 6 already there" read like a failed import."""
    skipped = sorted(report.skipped)
    names = ", ".join(skipped[:3]) + (f" and {len(skipped) - 3} more" if len(skipped) > 3 else "")
    fetched = f"downloaded {len(report.downloaded)} media file(s)"
    if skipped and not report.imported:
        return (f"Nothing new to import: all {len(skipped)} episode(s) of this feed are already in {report.show} "
                f"(the same GUIDs: {names}), so none was added or changed; {fetched}.")
    text = f"Imported {len(report.imported)} episode(s) into {report.show}; {fetched}."
    if skipped:
        text += f" {len(skipped)} were already there (the same GUIDs: {names}) and were left as they are."
    return text
