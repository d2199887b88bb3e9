"""Episode GUIDs: assigned once, stored in the front matter, never derived from a URL or title."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from . import ledger as ledger_io
from .atomicfiles import atomic_write
from .config import SHOW_FILE, no_show
from .episodes import EPISODE_FILE, EPISODES_DIR, discover
from .errors import InputError, has_errors
from .source import FRONT_MATTER, load_yaml


def new_guid() -> str:
    return str(uuid.uuid4())


#: A ``guid:`` line whose value is empty: nothing, ``~``, ``null``, quotes around blanks, then maybe a comment.
_EMPTY_GUID_LINE = re.compile(r"(?m)^guid:[ \t]*(?:~|null|Null|NULL|'[ \t]*'|\"[ \t]*\")?[ \t]*(?:#[^\r\n]*)?(?=\r?$)")


def _missing(data: dict[object, object]) -> bool:
    """No GUID: the key absent, null, or blank text (what `mediafeed check` reports as SRC060). A value of another
    kind (a number, a list, a boolean) is the producer's to correct (SRC010), never replaced here."""
    value = data.get("guid")
    return value is None or (isinstance(value, str) and not value.strip())


def _published_guids(root: Path) -> dict[str, str]:
    """Folder name → the GUID ``published.json`` recorded for it, for folders recorded with exactly one."""
    ledger, problems = ledger_io.load(root)
    found: dict[str, list[str]] = {}
    for guid, record in ledger.episodes.items():
        found.setdefault(str(record.get("slug", "")), []).append(guid)
    return {} if has_errors(problems) else {slug: guids[0] for slug, guids in found.items() if len(guids) == 1}


def assign_missing(root: Path, write: bool) -> tuple[list[tuple[str, str]], list[str]]:
    """Episodes whose front matter has no ``guid``; with ``write``, insert one: the GUID ``published.json`` recorded
    for the folder when it was published, else a new UUID (the rest of the file untouched,
    its line endings too). An episode whose empty ``guid`` cannot be filled in where it is (written over several
    lines, say) comes back with an empty GUID, and nothing is written to it.

    Second: the episode files that could not be read (not UTF-8, front matter never closed, not YAML), whose GUID
    nobody can tell; they are never written to (`mediafeed check` says what is wrong with each)."""
    if not (root / SHOW_FILE).is_file():  # not a show: saying "0 episodes without a GUID" would mislead
        raise InputError(no_show(root))
    folders, _ = discover(root)
    missing = []
    unread = []
    used = set()
    for folder in folders:
        path = folder.path / EPISODE_FILE
        rel = f"{EPISODES_DIR}/{folder.slug}/{EPISODE_FILE}"
        try:
            text = path.read_bytes().decode("utf-8")  # not read_text: its newline translation would rewrite CRLF
        except (OSError, UnicodeDecodeError):  # `mediafeed check` reports it (SRC021); never rewrite such a file
            unread.append(rel)
            continue
        match = FRONT_MATTER.match(text.lstrip("\ufeff"))
        if not match:
            unread.append(rel)
            continue
        data, problems = load_yaml(match.group(1), rel)
        if problems or not isinstance(data, dict):
            unread.append(rel)
            continue
        if _missing(data):
            missing.append((folder.slug, path, rel, text, match, "guid" in data))
        else:
            used.add(str(data.get("guid")).strip())
    published = _published_guids(root)
    done = []
    for slug, path, rel, text, match, has_key in missing:
        # a folder that was published gets its GUID back: a new one would be a new episode to every app (LED001)
        recorded = published.get(slug, "")
        guid = recorded if recorded and recorded not in used else new_guid()
        if has_key:  # "guid:" present but empty: fill it in place, in the front matter only (never the notes)
            start = len(text) - len(text.lstrip("\ufeff")) + match.start(1)
            end = start + len(match.group(1))
            updated = text[:start] + _EMPTY_GUID_LINE.sub(f"guid: {guid}", text[start:end], count=1) + text[end:]
        else:
            newline = "\r\n" if "\r\n" in text else "\n"
            updated = re.sub(r"\A(\ufeff?---[ \t]*\r?\n)", f"\\g<1>guid: {guid}{newline}", text, count=1)
        if updated == text:  # not a line we can fill in safely: say so rather than claim a GUID that is not there
            guid = ""
        elif write:
            atomic_write(path, updated.encode("utf-8"))
        done.append((rel, guid if write else ""))
    return done, unread
