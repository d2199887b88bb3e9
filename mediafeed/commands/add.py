from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from ..errors import InputError, error
from ..terminal import boundary, echo, file_name, info, print_json
from .options import format_option, show_option, verbosity_options

#: episodes.EPISODE_TYPES, written out so that help does not import the episode reader (a test keeps them equal)
EPISODE_TYPES = ("full", "trailer", "bonus")


@click.command()
@verbosity_options
@click.argument("audio_file", metavar="AUDIO", type=click.Path(dir_okay=False, path_type=Path))
@show_option
@click.option("--title", default="", help="Episode title (default: the file's title tag, else its name).")
@click.option("--date", "date_text", default="", help="Publication date and time, ISO 8601, e.g. 2026-03-04T09:00+00:00 "
              "(default: now, or SOURCE_DATE_EPOCH when set; a bare date is midnight UTC). A date in the future "
              "schedules the episode.")
@click.option("--season", type=click.IntRange(min=1), default=None, help="Season number (default: the latest season).")
@click.option("--episode", "number", type=click.IntRange(min=1), default=None,
              help="Episode number (default: the next one in the season; none for trailers and bonus episodes).")
@click.option("--type", "episode_type", type=click.Choice(EPISODE_TYPES), default="full", show_default=True,
              help="Episode type.")
@click.option("--draft", is_flag=True, help="Keep it out of the feed and pages until you remove 'draft: true'.")
@click.option("--slug", default="", help="Folder name (default: NNN-title-words, made unique).")
@click.option("--move", is_flag=True, help="Move the audio into the episode folder instead of copying it.")
@click.option("--edit", is_flag=True, help="Open $EDITOR on the new episode.md.")
@format_option
@boundary
def add(audio_file: Path, show_dir: Path, title: str, date_text: str, season: int | None, number: int | None,
        episode_type: str, draft: bool, slug: str, move: bool, edit: bool, fmt: str) -> None:
    """Add an episode from an audio file: episodes/<slug>/ with the audio and episode.md.

    The front matter is pre-filled from the file's own tags (title, comment)
    with a new GUID, the next episode number and the date; chapters inside the
    file go to chapters.txt; the audio is copied (the original is never
    changed) under its own name, unless that is generic (final.mp3) or
    another episode's: then under the episode's (012-night-buses.mp3), so
    that apps saving downloads by file name keep each one. An existing episode is never overwritten; audio that is already
    another episode's is added with a warning naming it (ADD007).

    \b
    Exit codes: 0 added, 1 the audio cannot be used, 2 no such AUDIO file (or a named pipe or device: ADD001
    says which), a bad option or no show here, 130 interrupted.

    \b
    Example:
      mediafeed add ~/exports/ep12.mp3 --title "Night buses" --edit
      mediafeed add promo.mp3 --type trailer --draft
      mediafeed add ep13.mp3 --date 2026-05-01T07:00:00+01:00   # scheduled
    """
    from ..dates import source_date
    from ..scaffold import SPELT_FOR_URLS, add_episode
    from ..source import odd_offset, parse_datetime, quoted

    when = datetime.now(UTC).replace(microsecond=0)
    if date_text:
        parsed = parse_datetime(date_text)
        if parsed is None and len(date_text.strip()) == 10:
            parsed = parse_datetime(date_text.strip() + "T00:00:00+00:00")
        if parsed is None:
            message, hint = _date_problem(date_text)
            raise InputError(error("ADD006", str(audio_file), message, field="--date", hint=hint))
        if odd_offset(parsed):  # e.g. +00:53:28, which RFC 2822 and RFC 3339 cannot write (the build refuses it: SRC010)
            raise InputError(error("ADD006", str(audio_file), f"the UTC offset of {quoted(date_text, 200)} is not a whole number of "
                                   "minutes", field="--date", hint="write the zone's offset on that day, e.g. "
                                   "2026-03-04T09:00:00+01:00"))
        when = parsed
    else:
        when = source_date() or when
    new = add_episode(show_dir, audio_file, title=title, date=when, season=season, number=number,
                      episode_type=episode_type, draft=draft, move=move, slug=slug)
    # episode.md under the show folder as given (--show), as init names what it wrote and as --format json's "file"
    # names it under the show: it was the absolute path
    episode_md = show_dir / new.to_dict()["file"]
    if edit:
        try:
            click.edit(filename=str(new.path))
        except click.ClickException as exc:  # no such editor, or it failed: the episode is added all the same
            echo(f"Could not open the editor ({exc.format_message()}); the episode was added: edit {episode_md} "
                 "yourself, or set $EDITOR (or $VISUAL) to an editor that works.", err=True, fg="yellow")
    if fmt == "json":
        print_json({"ok": True, **new.to_dict()})
        return
    status = "draft" if draft else ("scheduled" if when > datetime.now(UTC) else "published on next build")
    info(f"Added '{new.title}' ({status}); GUID {new.guid}.")
    if new.renamed_because == SPELT_FOR_URLS:  # said, or the producer looks for "My Episode (final).mp3"
        info(f"The audio is saved as {new.audio}, not {file_name(new.renamed)} ({new.renamed_because}).")
    elif new.renamed:  # said, or the producer looks for final.mp3 in the episode's folder
        info(f"The audio is saved as {new.audio}, not {file_name(new.renamed)} ({new.renamed_because}): apps that save a "
             "download under the last part of its URL (podboat, wget scripts, car and MP3-player sync tools) would "
             "keep one file for every episode whose file has that name.")
    if new.chapters:
        info(f"{new.chapters} chapter(s) found in the audio file: written to {episode_md.parent / 'chapters.txt'} (edit them there).")
    if new.problems:  # said now, as check will: the producer still has the recording's other exports at hand
        from ..terminal import print_problems

        print_problems(list(new.problems), err=True)
    echo(str(episode_md))


def _date_problem(text: str) -> tuple[str, str]:
    """What is wrong with a ``--date`` that is not one, and the fix: a day or an hour that does not exist, a time
    without its zone, or no date at all (each was "expected a date with time and zone", also for a bare date,
    which is taken)."""
    from datetime import datetime

    from ..source import quoted

    example = "write e.g. 2026-03-04T09:00:00+00:00 (or just 2026-03-04 for midnight UTC)"
    try:
        naive = datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError as exc:
        if str(exc).startswith("Invalid isoformat"):
            return f"expected a date with time and zone, got {quoted(text, 200)}", example
        return f"{quoted(text, 200)} is not a real date: {exc}", f"write a date that exists; {example[len('write '):]}"
    return (f"{quoted(text, 200)} has no time zone",
            f"write its UTC offset: {naive.isoformat(timespec='minutes')}+00:00 for UTC, or the zone's offset on that day")

