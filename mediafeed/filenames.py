"""File and folder names a show can hold on Linux and macOS but not on Windows (SRC049): a device name, a name ending in
a dot or a space, a character Windows refuses. Such a show cannot be cloned, copied or synced there, nor published to a
Windows host; ``mediafeed add`` and ``import`` never make such names (:func:`scaffold.slugify`)."""

from __future__ import annotations

from .lazypattern import lazy
from .source import quoted

#: names Windows refuses for a file or folder, whatever follows their first dot (``aux.mp3``, ``con.tar.gz``), in
#: any case; COM and LPT with a superscript digit too
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt") for n in "0123456789¹²³")})
#: the characters Windows refuses in a name (beside '/' and '\\', which no name here holds)
_WINDOWS_FORBIDDEN = lazy(r'[<>:"|?*\x00-\x1f]')
#: SRC049's hint: {what} "the folder" or "the file", {fix} :func:`windows_fix`'s, {then} what else to write where
WINDOWS_HINT = ("rename {what} ({fix}){then} before it is first published; once it is, keep the name (it is part of "
                "URLs, which must not change) and add SRC049 to 'checks: ignore' in show.yml")


#: a direction control that orders the characters after it (an embedding, override or isolate; a mark, LRM or RLM,
#: only sets the direction of what is around it, and was always found: a name holding one is published as before)
_DIRECTION_CONTROL = lazy("[\u202a-\u202e\u2066-\u2069]")


def reordering(name: str) -> str:
    """What is wrong with a file name holding a direction control, "" when it holds none. 'x\u202e3pm.exe.mp3' shows
    as another name (the "Trojan Source" trick, in a download or a file manager), and the front matter's value had a
    closing mark added at its end as a title has, so the file was "not found" beside a listing naming it."""
    import unicodedata

    found = _DIRECTION_CONTROL.search(name)
    if not found:
        return ""
    char = found.group()
    return (f"the file name {quoted(name, 200)} holds U+{ord(char):04X} {unicodedata.name(char)}, which shows the characters after "
            "it in another order: the name passes for another one (in a download, a file manager or an app)")


def windows_trouble(name: str) -> str:
    """Why Windows (or a host, a share or a sync service on it) cannot hold a file or folder of this name; "" when it
    can. Such a show cannot be cloned, copied or synced there (Git for Windows refuses the path), and a copy made
    anyway has another name, so another URL: an episode folder ``006-notes.`` is ``006-notes`` there."""
    if name.endswith((".", " ")):
        return ("it ends in a dot or a space, which Windows leaves out of a name: a copy of the show there (a clone, "
                "a synced folder, a Windows host) has it under another name, so another URL")
    device = name.split(".", 1)[0].rstrip(" ").lower()
    if device in WINDOWS_DEVICES:
        return (f"{device.upper()} is a device name on Windows, with any extension: the show cannot be cloned, copied "
                "or synced there (Git for Windows refuses the path), nor published to a Windows host")
    forbidden = _WINDOWS_FORBIDDEN.search(name)
    if forbidden:
        return (f"Windows does not allow {quoted(forbidden.group(), 200)} in a name: the show cannot be cloned, copied or synced "
                "there, nor published to a Windows host")
    return ""


def windows_fix(name: str) -> str:
    """A name for ``name`` that Windows holds, as ``mediafeed add`` would have made it: ``aux.mp3`` → ``aux-episode.mp3``."""
    stem, dot, rest = name.rstrip(". ").partition(".")
    fixed = _WINDOWS_FORBIDDEN.sub("-", (f"{stem}-episode" if stem.rstrip(" ").lower() in WINDOWS_DEVICES else stem)
                                   + dot + rest)
    return f"e.g. to {fixed}" if fixed and fixed != name else "give it a name of letters, digits and '-'"
