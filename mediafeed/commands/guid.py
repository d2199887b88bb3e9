from __future__ import annotations

from pathlib import Path

import click

from ..terminal import boundary, echo, info, print_json
from .options import format_option, show_option, verbosity_options


@click.command()
@verbosity_options
@show_option
@click.option("--assign", is_flag=True, help="Write a GUID into every episode.md that has none: the one published.json "
              "recorded for its folder, else a new UUID.")
@format_option
@boundary
def guid(show_dir: Path, assign: bool, fmt: str) -> None:
    """List episodes without a GUID, or give them one with --assign.

    A GUID is how every podcast app knows an episode: it is written once into
    the front matter and must never change. Existing GUIDs are never touched.

    \b
    Exit codes: 0 done, 1 an empty guid could not be filled in (written over
    several lines: write it yourself) or an episode.md could not be read
    (run mediafeed check), 2 no show here, 130 interrupted.

    \b
    Example:
      mediafeed guid            # which episodes have none?
      mediafeed guid --assign   # give each one: its published GUID, else a new UUID
    """
    from ..guids import assign_missing

    changed, unread = assign_missing(show_dir.resolve(), write=assign)
    left = [file for file, new in changed if assign and not new]  # an empty guid written in a way we cannot fill in
    if fmt == "json":
        print_json({"ok": not left and not unread,
                    "assigned" if assign else "missing": [{"file": f, "guid": g} for f, g in changed], "unread": unread})
        if left or unread:
            raise SystemExit(1)
        return
    for file, new in changed:
        echo(f"{file}: {'guid: ' + new if new else 'no guid'}")
    for file in left:
        echo(f"{file}: its empty 'guid' cannot be filled in where it is; nothing was changed: write "
             "'guid: ' and a new UUID on one line there (python3 -c 'import uuid; print(uuid.uuid4())')", err=True)
    for file in unread:  # its GUID cannot be told: "0 without a GUID" would say all is well
        echo(f"{file}: could not be read, so whether it has a GUID is unknown; nothing was changed: run "
             "'mediafeed check' for what is wrong with it", err=True)
    info(f"{len(changed) - len(left)} episode(s) {'given a GUID' if assign else 'without a GUID'}"
         + ("" if assign or not changed else "; run 'mediafeed guid --assign' to fix")
         + (f"; {len(unread)} could not be read" if unread else ""))
    if left or unread:
        raise SystemExit(1)
