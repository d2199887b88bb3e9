from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import has_errors
from ..terminal import boundary, echo, info, print_json, print_problems, settings
from .options import format_option, show_option, verbosity_options, wait_option, waiting_message


@click.command()
@verbosity_options
@show_option
@click.argument("episodes", nargs=-1, metavar="[EPISODE]...")
@click.option("-n", "--dry-run", is_flag=True, help="Show what would change, per file and per tag; write nothing.")
@wait_option
@format_option
@boundary
def tag(show_dir: Path, episodes: tuple[str, ...], dry_run: bool, wait: float, fmt: str) -> None:
    """Write each episode's metadata into its media file in episodes/ (your master files).

    Title, author, show, episode and season numbers, date, genre Podcast, summary
    and notes, GUID, feed URL, artwork and chapters go into ID3v2.3 (MP3), MP4
    atoms (M4A/M4B/MP4/M4V/MOV; chapters need ffmpeg) or Vorbis comments (Ogg,
    FLAC). Each file is tagged in a copy, re-read, checked to have the same audio
    bytes, then swapped in atomically; a file that already says all this is not
    touched, nor is a read-only one. `mediafeed build` never changes these
    files: it tags the copy it publishes. EPISODE is a folder name in episodes/ (default: every episode
    that is not a draft). With -q only the files tagged are listed, one line each, and problems.

    \b
    Exit codes: 0 tagged (or nothing to change), 1 a file could not be tagged or an episode could
    not be read (the others are done), 2 no show here or an unknown EPISODE, 130 interrupted.

    \b
    Example:
      mediafeed tag --dry-run                  # what would change, tag by tag
      mediafeed tag 003-capabilities-framework
    """
    from ..tagging import tag_sources

    report = tag_sources(show_dir, episodes, dry_run=dry_run, wait=wait, waiting=waiting_message)
    failed = has_errors(report.problems)
    if fmt == "json":
        print_json({"ok": not failed, **report.to_dict()})
        sys.exit(1 if failed else 0)
    changed = 0
    quiet = settings().quiet  # -q: the files tagged (or that would be), one line each; not each tag, nor the others
    for result in report.results:
        if result.skipped:
            if not quiet:
                echo(f"{result.file}: skipped: {result.skipped}")
            continue
        if not result.changes:
            if not quiet:
                echo(f"{result.file}: unchanged")
            continue
        changed += 1
        verb = "would change" if dry_run else "tagged"
        echo(f"{result.file}: {verb} ({len(result.changes)} tag{'s' if len(result.changes) != 1 else ''})", bold=True)
        for change in result.changes if not quiet else ():
            echo(f"  {change.field}: {_short(change.old) or '(none)'} → {_short(change.new) or '(none)'}")
    if report.problems:
        print_problems(report.problems, err=True)
    info(f"{changed} file(s) {'would change' if dry_run else 'tagged'}, "
         f"{sum(1 for r in report.results if not r.changes and not r.skipped)} unchanged.")
    sys.exit(1 if failed else 0)


def _short(text: str, limit: int = 90) -> str:
    """A tag's value on one line of the terminal. The old values are the media file's own (from whoever made it): a
    direction control in one, or one the cut leaves open, is closed at its end, so it cannot reverse the arrow and
    the new value after it (``echo`` writes control characters out)."""
    from ..source import close_directions

    text = text.replace("\n", " ⏎ ")
    return close_directions(text if len(text) <= limit else text[: limit - 1] + "…")
