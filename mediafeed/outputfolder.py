"""The output folder: which paths may be written in it, whether it holds a site of ours, and the record of the
files the last build made there (the manifest, in ``.mediafeed/``), so that a build removes the ones it no longer
makes and never overwrites another site's files.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
from collections.abc import Collection
from pathlib import Path

from .atomicfiles import atomic_write
from .errors import OutputError, error


def is_safe_output(rel: str) -> bool:
    """A relative path below the output folder: no empty, ``.`` or ``..`` part (looked for as ``//``, ``/./``,
    ``/../`` in ``/rel/``: a rebuild asks this for every file of the site, twice)."""
    if not rel or rel[0] == "/" or "\\" in rel or "\x00" in rel:
        return False
    framed = f"/{rel}/"
    return "//" not in framed and "/./" not in framed and "/../" not in framed


def refuse_unsafe_output(root: Path, out: Path) -> None:
    """The output folder must not be the show folder, contain it, or sit inside its sources."""
    root, out = root.resolve(), out.resolve()
    if out == root or out in root.parents or root / "episodes" in (out, *out.parents) \
            or root / "templates" in (out, *out.parents):
        raise OutputError(error("OUT004", str(out), "the output folder would overwrite the show's own files",
                                hint="write the site to a folder of its own, e.g. --output public"))


#: the files at the top of every site mediafeed builds (the episodes' folders are looked at one by one)
SITE_FILES = ("index.html", "404.html", "feed.xml", "feed.json", "robots.txt", "sitemap.xml")


def is_our_site(folder: Path) -> bool:
    """Whether ``folder`` holds a site mediafeed built: its feed.xml says ``<generator>mediafeed`` (in the channel,
    before the first item). How a build, and a publish to a folder, know a site of ours whose record was lost."""
    try:
        with open(folder / "feed.xml", "rb") as handle:
            return b"<generator>mediafeed" in handle.read(65536)
    except OSError:
        return False


def refuse_foreign_files(out: Path, slugs: Collection[str]) -> None:
    """OUT006 when a first build into ``out`` (no manifest of ours) would overwrite files mediafeed did not write:
    an ``index.html`` of another site in the folder given to ``--output``, say. A site of ours whose record was
    lost (``.mediafeed/`` deleted: its feed.xml says ``<generator>mediafeed``) is rebuilt; files the site does not
    make (``.git``, ``CNAME``, a README of a GitHub Pages folder) are left alone, as every build leaves them."""
    if not os.path.isdir(out) or is_our_site(out):  # a new folder (the usual first build): nothing to look at
        # (os.path, not Path.is_dir: a path too long raises there; the writer names it, OUT003)
        return
    clash = [name for name in SITE_FILES if os.path.isfile(out / name)]
    if os.path.isdir(out / "episodes"):
        clash += [f"episodes/{slug}/index.html" for slug in sorted(slugs)
                  if os.path.exists(out / "episodes" / slug / "index.html")]
    if clash:
        shown = ", ".join(clash[:5]) + (f" and {len(clash) - 5} more" if len(clash) > 5 else "")
        raise OutputError(error("OUT006", str(out), f"the output folder holds files mediafeed did not write, which this "
                                f"build would overwrite: {shown}",
                                hint="build into an empty folder (--output), or move those files away first; "
                                     "nothing was written"))


def _manifest_path(cache_dir: Path, out: Path) -> Path:
    return cache_dir / f"outputs-{hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]}.txt"


def read_manifest(cache_dir: Path, out: Path) -> set[str]:
    """The files the previous build wrote into ``out`` (to remove those no longer made)."""
    try:
        text = _manifest_path(cache_dir, out).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    if _all_safe(text):
        return set(text.splitlines())
    return {line for line in text.splitlines() if is_safe_output(line)}


#: what splitlines() ends a line at besides "\n": a manifest holding one is looked at line by line
_OTHER_LINE_ENDS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
#: in "\n" + the manifest: a line :func:`is_safe_output` refuses holds one of these (an empty line, an absolute path,
#: a path ending in "/", an empty, "." or ".." part at its start, inside or at its end, a backslash, a NUL)
_UNSAFE_IN_TEXT = ("\n\n", "\n/", "/\n", "//", "\n./", "/./", "/.\n", "\n.\n", "\n../", "/../", "/..\n", "\n..\n", "\\", "\x00")
#: each of those with a "." holds one of these: a manifest with neither (no dot-file or dot-folder among its paths, as
#: a built site's) is looked through for the six others alone (the eight with a "." were ~3.7 M of the ~10 M
#: instructions that looking through a rebuild's 5,000 lines took at 1,000 episodes)
_DOTTED = ("/.", "\n.")
_UNDOTTED = tuple(bad for bad in _UNSAFE_IN_TEXT if "." not in bad)


def _all_safe(text: str) -> bool:
    """Whether every line of a manifest (each path on a line of its own, as :func:`write_manifest` writes them) is
    safe, looked for in the whole text at once: a rebuild of 1,000 episodes reads 5,000 lines (2.7 ms one by one).
    False means only "look line by line"."""
    if not text.endswith("\n") or any(end in text for end in _OTHER_LINE_ENDS):
        return False
    framed = "\n" + text
    unsafe = _UNSAFE_IN_TEXT if any(dot in framed for dot in _DOTTED) else _UNDOTTED
    return not any(bad in framed for bad in unsafe)


def write_manifest(cache_dir: Path, out: Path, paths: Collection[str]) -> None:
    atomic_write(_manifest_path(cache_dir, out), ("\n".join(sorted(paths)) + "\n").encode("utf-8"), durable=False)


def _writing_path(cache_dir: Path, out: Path) -> Path:
    return _manifest_path(cache_dir, out).with_suffix(".writing")


def begin_writing(cache_dir: Path, out: Path) -> None:
    """Say, before a build's first write into ``out``, that a build is writing there (removed by :func:`end_writing`
    once its record is made): the next build knows from it that the last one was stopped mid-write."""
    atomic_write(_writing_path(cache_dir, out), b"a build was writing into this output folder\n", durable=False)


def end_writing(cache_dir: Path, out: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        _writing_path(cache_dir, out).unlink()


def stopped_writing(cache_dir: Path, out: Path) -> bool:
    """Whether the last build into ``out`` stopped mid-write (killed outright, a full disk, Ctrl-C): the files there
    are of ours even without a record (a first build killed before its record), and its temp files may be there."""
    return _writing_path(cache_dir, out).exists()


def cannot_write(exc: OSError, target: str, out: Path) -> OutputError:
    """OUT003 for a file of the site that could not be written, naming that file (an error from reading a folder in
    its place, ``EISDIR``, carries no name at all) and the fix for what stands in its way: a file where a folder
    should be, a folder where the file goes and a path too long are no matter of disk space or permissions."""
    reason = exc.strerror or str(exc)
    hint = f"check free disk space and permissions on the output folder {out}"
    if exc.errno == errno.ENOTDIR:
        blocker = _file_on_the_way(target)
        if blocker:
            reason = f"{blocker} is a file where the site needs a folder"
            hint = "move that file away (or delete it), or build into another folder (--output)"
    elif exc.errno == errno.EISDIR:
        reason = "there is a folder where the site writes this file"
        hint = "move that folder away (or delete it), or build into another folder (--output)"
    elif exc.errno == errno.ENAMETOOLONG:
        longest = max((os.fsencode(part) for part in Path(target).parts), key=len)
        reason = (f"the path is too long for the file system ({len(os.fsencode(target)):,} bytes, its longest name "
                  f"{len(longest):,})")
        hint = ("file systems take names of up to 255 bytes and paths of up to 4,096: build into a folder with a "
                "shorter path (--output), or shorten the episode's folder or file name")
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = f"free some space on the disk that holds {out} (or build onto another disk with --output)"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = (f"make {os.path.dirname(target) or out} writable (its owner and permissions, or a read-only mount), "
                "or build into another folder (--output)")
    return OutputError(error("OUT003", target, f"cannot write the site: {reason}", hint=hint))


def _file_on_the_way(target: str) -> str:
    """The folder on ``target``'s path that is a file instead (or a link to one), "" when there is none."""
    for folder in reversed(Path(target).parents):
        if not os.path.isdir(folder):
            return str(folder) if os.path.lexists(folder) else ""
    return ""
