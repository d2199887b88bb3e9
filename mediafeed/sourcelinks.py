"""Symbolic links, named pipes, sockets and device files under ``episodes/``: never published, always said so.

A link in a show folder could publish any file on the producer's computer (``transcript.vtt`` → ``~/.ssh/id_rsa``),
so mediafeed publishes and reads only regular files in ``episodes/``: a link is not followed, wherever it points,
even inside the show. Beyond safety, the build's shortcut (:mod:`fastpath`) and the episode cache key on what a
folder's listing says of each entry (``lstat``), not on a link's target: a followed link's target could change with
no trace in the listing, and the next build would replay a stale report. A pipe or a device is never read at all
(reading one may never end).

Refusing is not enough: each entry mediafeed leaves out that it would otherwise have used gets one problem naming
it, saying why and how to fix it (SRC053 when ``episode.md`` itself is one, SRC054 for the rest; a front-matter
reference to one keeps its SRC040). Only ``os`` and ``stat`` here: this runs in every build's discovery.
"""

from __future__ import annotations

import errno
import os
import stat

from .errors import Problem, error, warning

#: what each kind of entry that is neither a regular file nor a folder is called in a message
_KINDS = {stat.S_IFLNK: "a symbolic link", stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket",
          stat.S_IFCHR: "a device file", stat.S_IFBLK: "a device file"}


def special(mode: int) -> bool:
    """Whether an entry's ``lstat`` mode is neither a regular file nor a folder (a link, pipe, socket, device)."""
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def stamp(path: str, st: os.stat_result) -> str:
    """What the caches key a special entry on: its ``lstat`` and, for a link, its target's text (``ln -sfn`` to another
    target can reuse the inode number, the size and, within a clock tick, the mtime) and what is there (the problem
    says "(a file)", "which does not exist" or "a loop of links")."""
    target = ""
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.readlink(path)
            target += f":{stat.S_IFMT(os.stat(path).st_mode)}"
        except OSError as exc:
            target += f":{exc.errno}"
    return f"{stat.S_IFMT(st.st_mode)}:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{target}"


def what(path: str, mode: int) -> str:
    """``mode``'s kind in words, a link's target named with what is there: "a symbolic link to /mnt/b/007 (a folder)"."""
    if not stat.S_ISLNK(mode):
        return _KINDS.get(stat.S_IFMT(mode), "not a regular file")
    try:
        target = os.readlink(path)
    except OSError:
        return "a symbolic link"
    target = target if len(target) <= 120 else target[:120] + "…"
    try:
        there = os.stat(path)
    except OSError as exc:
        return f"a symbolic link to {target}, " + ("a loop of links" if exc.errno == errno.ELOOP else "which does not exist")
    return f"a symbolic link to {target} ({'a folder' if stat.S_ISDIR(there.st_mode) else 'a file'})"


def episode_entry(rel: str, path: str, mode: int) -> Problem:
    """SRC054 for an entry of ``episodes/`` that is not a folder (a link to a folder on another drive, most often)."""
    kind = what(path, mode)
    if stat.S_ISLNK(mode) and os.path.isdir(path):
        hint = (f"replace the link with the folder itself (remove the link, then copy the folder to {rel}); if the whole "
                "show is kept on that drive, build it there with --show pointing at the real show folder")
    elif stat.S_ISLNK(mode):
        hint = f"an episode is a folder: put the real folder at {rel}, or remove the link"
    else:
        hint = f"remove {rel}: an episode is a folder holding episode.md"
    return warning("SRC054", rel, f"is {kind}: mediafeed does not follow links or read special files in episodes/, "
                   "so nothing here is published", hint=hint)


def episode_file(rel: str, path: str, mode: int, slug: str) -> Problem:
    """SRC053: the folder's ``episode.md`` is a link (or a pipe…): the episode cannot be built."""
    return error("SRC053", rel, f"is {what(path, mode)}: mediafeed reads only real files in an episode folder, so this "
                 "episode is not built", hint=_copy_hint(path, mode, rel), episode=slug)


def left_out(rel: str, path: str, mode: int, slug: str, role: str) -> Problem:
    """SRC054 for a file of an episode's folder that mediafeed would have used by its name (``role``: "transcript")
    but does not, since it is a link (or a pipe…)."""
    return warning("SRC054", rel, f"is {what(path, mode)}: only real files in an episode folder are published, so "
                   f"the episode goes out without its {role}", hint=_copy_hint(path, mode, rel), episode=slug)


def _copy_hint(path: str, mode: int, rel: str) -> str:
    if stat.S_ISLNK(mode) and os.path.isfile(path):
        return f"remove the link and copy the file itself to {rel} (from {os.path.realpath(path)})"
    if stat.S_ISLNK(mode):
        return f"remove the link and put the file itself at {rel}"
    return f"replace {rel} with a regular file"


def holds(target: str, folder: str | os.PathLike[str]) -> bool:
    """Whether the real folder ``target`` is ``folder`` or holds it: a link there from inside ``folder`` loops back up
    (the theme's walk and the shortcut's look follow links to folders under ``templates/``, never back up)."""
    real = os.path.realpath(folder)
    return real == target or real.startswith(os.path.join(target, ""))
