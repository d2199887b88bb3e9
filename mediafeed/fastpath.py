"""The whole-build shortcut: when no input changed since the last successful build, do nothing.

A rebuild with nothing changed should cost almost nothing, not a reload of every
episode. After each successful build, ``prepare`` and ``Pending.save`` write a *stamp* to
``.mediafeed/stamp-<output>.json``: a digest of everything a build reads, the
list of files it left in the output folder with their sizes and mtimes, and the
report it printed. ``check`` recomputes the digest (stat calls only: no file is
read or parsed, no heavy module imported) and, when it matches and every output
file is still as the build left it, returns that report for the CLI to replay.

The digest covers: the options that change the output (output folder,
``--strict``, ``SOURCE_DATE_EPOCH``); mediafeed's own code (size and mtime of
every file of the installed package) and the versions of the libraries whose
output ends up in the site; every file at the top of the show folder (show.yml,
artwork, published.json); every file under ``episodes/`` and ``templates/``;
and any other file the build read (artwork elsewhere). Time matters too: a
stamp is valid only until the first scheduled episode is due.

``mediafeed publish`` builds without writing published.json (it records the
episodes once the feed naming them is live): its build's stamp is saved then
(:class:`Pending`), and never when the publish stopped before, since the next
build has published.json to write.

Anything unusual (no stamp, unreadable stamp, a missing output file, a changed
size or mtime, ``--clean``) simply means "build": this is an optimisation, never
a source of truth. A build with ``--accept-changes`` saves no stamp (:func:`build.build`): its
report is not what a plain build reports (no comparison with published.json), and a
plain build with nothing changed would replay it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import time
from functools import lru_cache
from pathlib import Path

TYPE_CHECKING = False  # typing's constant without importing typing (~3.5 ms of a no-change build's start-up)
if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import datetime
    from typing import Any

try:  # CPython's own SHA-256: the same digest as hashlib's, without loading OpenSSL (~6 ms of start-up)
    from _sha2 import sha256  # type: ignore[import-not-found]  # Python >= 3.12
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found, no-redef]  # Python 3.11
    except ImportError:  # pragma: no cover - a Python built without them
        from hashlib import sha256  # type: ignore[no-redef]

#: 2: the outputs' list after the header, so that a build that must run does not parse it; 3: that list as text, each
#: file's path, size and mtime (ns) in decimal, all separated by NUL (a JSON list of 5,062 [path, size, mtime] was 28 M
#: instructions to write, ~1.7 % of a one-edit rebuild at 1,000 episodes, and 17 M to read): an older stamp is not read
STAMP_VERSION = 3
CACHE_DIR = ".mediafeed"
#: Libraries whose behaviour shapes the output bytes.
#: The libraries whose code shapes the output, by import name (an upgrade changes their files' size and mtime).
LIBRARIES = ("feedgen", "mutagen", "jinja2", "cmarkgfm", "nh3", "PIL", "lxml", "yaml", "click")
_PACKAGE = Path(__file__).resolve().parent


#: Lists of the report that :func:`check` replays empty (a cold build's ``written`` names every file): stored empty.
_REPLAYED_EMPTY = ("written", "removed", "tagged")


def stamp_path(root: Path, out: Path) -> Path:
    key = sha256(str(out.resolve()).encode()).hexdigest()[:16]
    return root / CACHE_DIR / f"stamp-{key}.json"


def options(out: Path, strict: bool) -> dict[str, Any]:
    return {"out": str(out.resolve()), "strict": strict, "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH", "")}


def code_fingerprint() -> str:
    """A short hash of mediafeed's own files (size and mtime of each) and the output-shaping libraries'
    versions: caches keyed on it are invalidated by an upgrade *or* by editing the code in a checkout."""
    return _code_digest(_PACKAGE, LIBRARIES)[:16]


@lru_cache(maxsize=4)
def _code_digest(package: Path, libraries: tuple[str, ...]) -> str:
    """Computed once per process (the stamp and the cache both need it)."""
    digest = sha256()
    _code_fingerprint(digest, package, libraries)
    return digest.hexdigest()


def _code_fingerprint(digest: Any, package: Path, libraries: tuple[str, ...]) -> None:
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            st = os.stat(os.path.join(folder, name))
            digest.update(f"{os.path.relpath(os.path.join(folder, name), package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    for name in libraries:  # found without importing them (importlib.metadata alone costs ~20 ms of start-up)
        found: os.stat_result | None = None
        try:
            spec = importlib.util.find_spec(name)
            found = os.stat(spec.origin) if spec and spec.origin else None
        except (ImportError, ValueError, OSError):
            found = None
        digest.update(f"{name}={found.st_size if found else '-'}:{found.st_mtime_ns if found else '-'}\n".encode())


_NUL = "\0"  #: (a backslash is not allowed inside an f-string's braces before Python 3.12)

Listing = dict[str, list[tuple[str, "os.stat_result | None"]]]  #: folder → (name, lstat; None for a folder), sorted


def _tree(lines: list[str], base: str, rel: str, found: Listing | None = None,
          linked: set[tuple[int, int]] | None = None, identities: dict[str, str] | None = None) -> None:
    """One line per file below ``base`` (strings, not pathlib: this runs for every file of a big show);
    ``found`` gets each folder's entries, for the build to reuse (see :meth:`Sweep.listing`), ``identities`` each
    file's identity as text (see :meth:`Sweep.identity`). ``linked`` (the
    theme: None for episodes/, whose links are never followed): the folders a link to a folder led into so far;
    such a folder's files are looked at too, as the theme's fingerprint and Jinja's loader go through it (an edit in
    ``templates/partials`` linked to a shared folder was "Nothing changed"), each folder once (a loop of links)."""
    try:
        with os.scandir(base) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:  # absent, not a folder, a link to nowhere or a loop of links (ELOOP), unreadable
        lines.append(f"{rel}\0absent\0{exc.errno}")
        return
    listed: list[tuple[str, os.stat_result | None]] = []
    for entry in entries:
        path = f"{rel}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            listed.append((entry.name, None))
            _tree(lines, entry.path, path, found, linked, identities)
        else:
            st = entry.stat(follow_symlinks=False)
            listed.append((entry.name, st))
            # (each number turned into text once, for the identity and the line: a rebuild's build keys its cache rows
            # on the identities of the files this look found, ~1 % of a one-edit rebuild if made again from ``st``)
            identity = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
            # (ctime too: a file written over in place at its size, its mtime restored, keeps the rest)
            lines.append(f"{path}\0{identity.replace(':', _NUL)}\0{entry.is_symlink()}"
                         + (_target(entry.path) if entry.is_symlink() else ""))
            if identities is not None:
                identities[path] = identity
            if linked is not None and entry.is_symlink() and entry.is_dir():
                try:
                    there = os.stat(entry.path)
                except OSError:
                    continue
                from .sourcelinks import holds  # (here: a look at a show without such a link loads no more)

                # (a link back up to the theme or the show folder holding it is not followed: see site.theme_files)
                if (there.st_dev, there.st_ino) not in linked and not holds(os.path.realpath(entry.path), base):
                    linked.add((there.st_dev, there.st_ino))
                    _tree(lines, entry.path, path, None, linked, None)  # (not a listing the build reuses)
    if found is not None:
        found[rel] = listed


def _target(path: str) -> str:
    """A link's digest: its target's text (``ln -sfn`` can keep the link's inode, size and mtime tick) and what is
    there (a template of the show's theme may be a link, followed: an edit of the file it points to is a change)."""
    try:
        target = os.readlink(path)
        st = os.stat(path)
    except OSError as exc:
        return f"\0{exc.errno}"
    return f"\0{target}\0{st.st_mode}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}"


class Sweep:
    """One look, by ``stat`` calls only, at mediafeed's code and at the show's ``episodes/`` and ``templates/``.

    A build the shortcut could not skip reuses the look :func:`check` took instead of taking it again: it was
    taken before the build read anything, so a file edited while the build ran differs from the stamp and the
    next build runs. The top-level files (published.json is written by the build) are always looked at anew."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._code: str | None = None
        self._tree: bytes | None = None
        self._found: Listing = {}
        self._identities: dict[str, str] = {}
        #: (options, top-level lines, other files' lines) → the inputs' digest made of them and this look: the stamp
        #: a build saves is the digest its check made, unless published.json (or another input) changed meanwhile
        self._digests: dict[tuple[str, tuple[str, ...], tuple[str, ...]], str] = {}
        self.taken_ns = 0  #: when the look was taken (time.time_ns())
        #: (output folder, strict) that :func:`check` already answered "build" for with this look: a build handed
        #: over from ``commands.shortcut`` does not read and compare the stamp a second time
        self.declined: set[tuple[str, bool]] = set()

    def code(self) -> str:
        if self._code is None:
            self._code = _code_digest(_PACKAGE, LIBRARIES)
        return self._code

    def tree(self) -> bytes:
        if self._tree is None:
            lines: list[str] = []
            self.taken_ns = time.time_ns()
            for folder in ("episodes", "templates"):
                _tree(lines, os.path.join(self.root, folder), folder, self._found,
                      set() if folder == "templates" else None, self._identities)
            self._tree = "\n".join(lines).encode()
        return self._tree

    def listing(self, rel: str) -> list[tuple[str, os.stat_result | None]] | None:
        """The entries of the folder ``rel`` (e.g. "episodes/001-first") as the look found them, sorted by name:
        (name, its ``lstat``, None for a folder). None when the look was not taken or found no such folder."""
        return self._found.get(rel) if self._tree is not None else None

    def identity(self, rel: str) -> str | None:
        """``size:mtime_ns:ctime_ns:inode`` of the file ``rel`` (e.g. "episodes/001-first/audio.mp3") as the look
        found it (its ``lstat``: for a link, the link's own), in the form :func:`probes.media_identity` gives; None
        when the look was not taken or did not list that file."""
        return self._identities.get(rel) if self._tree is not None else None


def inputs_digest(root: Path, opts: dict[str, Any], extra: list[str], sweep: Sweep | None = None,
                  top: list[tuple[str, str]] | None = None) -> str:
    """A digest of everything a build reads, from ``stat`` calls only (``sweep``: a look already taken; ``top``:
    the files at the top of the show folder as :func:`_top` found them, None: look now)."""
    sweep = sweep or Sweep(root)
    head = json.dumps(opts, sort_keys=True)
    tops = tuple(line for _, line in (_top(root) if top is None else top))
    others = tuple(_extra(root, extra))
    made = sweep._digests.get((head, tops, others))
    if made is not None:  # (the same look at the same inputs: hashed once, not again for the stamp a build saves)
        return made
    digest = sha256(f"stamp {STAMP_VERSION}\n{head}\n{sweep.code()}\n".encode())
    for line in tops:
        digest.update(line.encode())
    digest.update(sweep.tree())
    for line in others:
        digest.update(line.encode())
    made = sweep._digests[head, tops, others] = digest.hexdigest()
    return made


def _top(root: Path) -> list[tuple[str, str]]:
    """(name, its line of the digest) for each file at the top of the show folder (show.yml, artwork,
    published.json), sorted by name."""
    lines = []
    with os.scandir(root) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            try:
                if not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:  # a loop of links: DirEntry raises ELOOP (it crashed the build once the site was written)
                continue
            lines.append((entry.name, f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n"))
    return lines


def _extra(root: Path, extra: list[str]) -> list[str]:
    """The digest's line of each other file the build read (artwork outside the top of the show folder)."""
    lines = []
    for rel in sorted(extra):
        try:
            st = (root / rel).stat()
            lines.append(f"extra {rel}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n")
        except OSError:
            lines.append(f"extra {rel}\0absent\n")
    return lines


def check(root: Path, out: Path, strict: bool, now: datetime | None = None,
          sweep: Sweep | None = None) -> dict[str, Any] | None:
    """The last build's report when nothing it depends on changed; None means "build" (then hand ``sweep``,
    filled by this call, to the build: its :func:`save` does not look at the show again)."""
    root, out = root.resolve(), out.resolve()
    if sweep is not None:
        if (str(out), strict) in sweep.declined:
            return None  # this look was already found to need a build (the stamp was read once)
        sweep.tree()  # taken now, before the build reads anything, even when the stamp below is unusable
    report = _check(root, out, strict, now, sweep)
    if report is None and sweep is not None:
        sweep.declined.add((str(out), strict))
    return report


def _check(root: Path, out: Path, strict: bool, now: datetime | None, sweep: Sweep | None) -> dict[str, Any] | None:
    try:
        # (surrogatepass: a file name that is not UTF-8, kept by Python as lone surrogates, comes back as it was saved)
        text = stamp_path(root, out).read_text(encoding="utf-8", errors="surrogatepass")
        stamp, end = json.JSONDecoder().raw_decode(text)  # the header; the outputs' list follows (see save)
        if stamp.get("version") != STAMP_VERSION:
            return None
        valid_until = stamp.get("valid_until")
        if valid_until:
            from datetime import UTC, datetime

            if (now or datetime.now(UTC)) >= datetime.fromisoformat(valid_until):
                return None
        if stamp["digest"] != inputs_digest(root, options(out, strict), list(stamp.get("extra", [])), sweep):
            return None
        if text[end:end + 1] != "\n":
            return None
        outputs = text[end + 1:].split("\0") if len(text) > end + 1 else []
        if len(outputs) % 3 or not _outputs_unchanged(out, outputs):
            return None
        report = dict(stamp["report"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    report["unchanged"] = len(outputs) // 3
    report["written"], report["removed"], report["probed"], report["rendered"] = [], [], 0, 0
    report["kept"] = len(outputs) // 3
    report["tagged"] = []
    report["ledger_updated"] = False
    report["up_to_date"] = True
    return report


def _outputs_unchanged(out: Path, outputs: list[str]) -> bool:
    """Every file the build left in ``out`` still has its size and mtime (relative to the folder's descriptor:
    the kernel walks two or three path components, not the whole absolute path, for each of thousands).
    ``outputs``: path, size, mtime, path, size, mtime… as the stamp holds them (the numbers as text: compared as
    the text :meth:`Pending.save` made of them, not parsed)."""
    folder = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        stat = os.stat
        each = iter(outputs)
        for rel, size, mtime in zip(each, each, each):
            st = stat(rel, dir_fd=folder)
            if str(st.st_size) != size or str(st.st_mtime_ns) != mtime:
                return False
    finally:
        os.close(folder)
    return True


def prepare(root: Path, out: Path, strict: bool, outputs: Collection[str], report: dict[str, Any], extra: list[str],
            valid_until: datetime | None, sweep: Sweep | None = None, known: dict[str, tuple[int, int]] | None = None,
            ) -> Pending | None:
    """The stamp of a successful build (after every file is written), to :meth:`Pending.save` now or later; None
    when an output file vanished already (no stamp: the next build runs in full). ``sweep``: the look :func:`check`
    took before this build (None: look when saving). ``known``: output files the build left alone, with the size
    and mtime it saw, and those it wrote, with the size and mtime they had as written (``output.Writer.written_as``:
    a cold build's pages, index pages and feeds), not stat'ed again."""
    root, out = root.resolve(), out.resolve()
    listed = []
    known = known or {}
    # each file looked at relative to the folder's descriptor, as _outputs_unchanged does (a cold build: all of them;
    # 5,062 files at 1,000 episodes, 26 ms by absolute path, 18 ms so)
    folder: int | None = None
    try:
        stat = os.stat
        for rel in sorted(outputs):
            if rel in known:
                size, mtime = known[rel]
                listed.append(f"{rel}\0{size}\0{mtime}")
                continue
            try:
                if folder is None:
                    folder = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
                st = stat(rel, dir_fd=folder)
            except OSError:
                return None
            listed.append(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}")
    finally:
        if folder is not None:
            os.close(folder)
    return Pending(root, out, strict, listed, report, extra, valid_until, sweep)


class Pending:
    """A build's stamp, its output files looked at when the build ended, saved by :meth:`save`.

    ``mediafeed publish`` builds without writing published.json (it records the episodes once the feed naming
    them is on the target), so its stamp is true only from then on: it saves it then, and a ``mediafeed build``
    that follows replays the report instead of running again. Until then the show may change: the episodes and
    templates were looked at before the build (``sweep``), the output files when it ended, and the files at the top
    of the show folder are looked at here too, and again by :meth:`save`, which saves nothing if any of them
    (published.json aside, when the caller wrote it) changed meanwhile."""

    def __init__(self, root: Path, out: Path, strict: bool, listed: list[str], report: dict[str, Any],
                 extra: list[str], valid_until: datetime | None, sweep: Sweep | None):
        self.root, self.out, self.strict, self.listed, self.extra = root, out, strict, listed, extra
        self.report = {k: [] if k in _REPLAYED_EMPTY else v for k, v in report.items()}  # same keys, same order
        self.valid_until, self.sweep = valid_until, sweep
        self.top, self.others = _top(root), _extra(root, extra)

    def save(self, rewritten: str = "") -> None:
        """Write the stamp, unless an input at the top of the show folder (or artwork elsewhere) changed since
        the build ended; ``rewritten``: a top-level file written since then on purpose (published.json)."""
        from .atomicfiles import atomic_write

        top = _top(self.root)
        if [t for t in top if t[0] != rewritten] != [t for t in self.top if t[0] != rewritten] \
                or _extra(self.root, self.extra) != self.others:
            return  # the show changed under a publish: the next build runs
        stamp = {
            "version": STAMP_VERSION,
            "digest": inputs_digest(self.root, options(self.out, self.strict), self.extra, self.sweep, top),
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "extra": self.extra,
            "report": self.report,
        }
        # The header, then the outputs' list (each file "path NUL size NUL mtime", NUL between files: a path holds
        # no NUL): check reads the list only when the header's digest matches.
        files = "\0".join(self.listed)
        text = f"{json.dumps(stamp, separators=(',', ':'))}\n{files}"
        atomic_write(stamp_path(self.root, self.out), text.encode("utf-8", "surrogatepass"), durable=False)
