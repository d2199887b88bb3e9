"""Episode GUIDs: assigned once, stored in the front matter, never derived from a URL or title."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from .config import SHOW_FILE
from .episodes import EPISODE_FILE, EPISODES_DIR, discover
from .errors import InputError, error
from .output import atomic_write
from .source import FRONT_MATTER, load_yaml


def new_guid() -> str:
    return str(uuid.uuid4())


def assign_missing(root: Path, write: bool) -> list[tuple[str, str]]:
    """Episodes whose front matter has no ``guid``; with ``write``, insert one (the rest of the file untouched)."""
    if not (root / SHOW_FILE).is_file():  # not a show: saying "0 episodes without a GUID" would mislead
        raise InputError(error("SRC020", SHOW_FILE, f"no {SHOW_FILE} in {root}",
                               hint="pass --show DIR pointing at the show folder"))
    folders, _ = discover(root)
    done = []
    for folder in folders:
        path = folder.path / EPISODE_FILE
        rel = f"{EPISODES_DIR}/{folder.slug}/{EPISODE_FILE}"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # `mediafeed check` reports it (SRC021); never rewrite such a file
            continue
        match = FRONT_MATTER.match(text.lstrip("\ufeff"))
        if not match:
            continue
        data, problems = load_yaml(match.group(1), rel)
        if problems or not isinstance(data, dict) or data.get("guid"):
            continue
        guid = new_guid()
        if write:
            if "guid" in data:  # "guid:" present but empty: fill it in place
                updated = re.sub(r"(?m)^guid:[ \t]*(?:''|\"\")?[ \t]*$", f"guid: {guid}", text, count=1)
            else:
                updated = re.sub(r"\A(\ufeff?---[ \t]*\r?\n)", f"\\g<1>guid: {guid}\n", text, count=1)
            atomic_write(path, updated.encode("utf-8"))
        done.append((rel, guid if write else ""))
    return done
