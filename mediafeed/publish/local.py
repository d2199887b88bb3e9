"""Targets for self-hosters: a plain directory (a web root, a mounted share) and rsync (over ssh or to a folder).

Neither stores HTTP headers: the web server sets Content-Type, Cache-Control and
CORS (docs/publish.md has nginx and Apache snippets; ``--dry-run`` lists the
headers each file should get). Every file is put in place atomically (a temp
file and a rename; rsync does the same), in the safe order.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import Problem, error
from ..output import TEMP_NAME, atomic_copy, atomic_write, is_our_site
from .config import DirectoryTarget, RsyncTarget
from .manifest import MANIFEST, Entry, Manifest, parse
from .plan import LocalFile, Upload, file_sha256
from .store import Cors, PublishError, Transfer

_SELF_HOSTED = ("set Content-Type, Cache-Control and Access-Control-Allow-Origin in the web server "
                "(see docs/publish.md for nginx and Apache)")


class DirectoryStore:
    sets_headers = False

    def __init__(self, target: DirectoryTarget):
        self.target = target
        self.root = target.path

    def _fail(self, exc: OSError, rel: str, action: str) -> PublishError:
        first = {errno.ENOSPC: "free space on that disk (or publish to another)", errno.EDQUOT: "free space in your quota",
                 errno.EROFS: "the folder is on a read-only file system: remount it read-write, or publish elsewhere",
                 errno.EACCES: f"let this user write in {self.root} (e.g. chown or a group the web server shares)",
                 errno.EPERM: f"let this user write in {self.root} (e.g. chown or a group the web server shares)",
                 }.get(exc.errno or 0, "check the folder exists and is writable")
        return PublishError(error("PUB020", rel, f"cannot {action} in {self.root}: {exc.strerror or exc}",
                                  field=f"publish.targets.{self.target.name}.path",
                                  hint=f"{first}; the feed goes last, so subscribers still see the previous one; "
                                       "run the same command again to finish"))

    def read_manifest(self) -> tuple[Manifest | None, list[Problem]]:
        if not self.root.is_dir():
            raise PublishError(error("PUB022", "show.yml", f"the target folder {self.root} does not exist",
                                     field=f"publish.targets.{self.target.name}.path", hint="create it, or correct 'path'"))
        try:
            data = (self.root / MANIFEST).read_bytes()
        except FileNotFoundError:
            return None, []
        except OSError as exc:
            raise self._fail(exc, MANIFEST, "read") from None
        return parse(data, str(self.root / MANIFEST))

    def reconcile(self, local: dict[str, LocalFile], manifest: Manifest | None) -> Manifest:
        files: dict[str, Entry] = {}
        known = manifest.files if manifest else {}
        for rel in sorted(set(known) | set(local)):
            path = self.root / rel
            try:
                size = path.stat().st_size
            except OSError:
                continue
            if rel in known and known[rel].size == size:
                files[rel] = known[rel]
            elif rel in local and local[rel].size == size and file_sha256(path) == local[rel].sha256:
                files[rel] = Entry(local[rel].sha256, size)
        return Manifest(files)

    def read(self, rel: str) -> bytes | None:
        try:
            return (self.root / rel).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._fail(exc, rel, "read") from None

    def foreign(self, uploads: list[Upload], manifest: Manifest, found: bool) -> list[str]:
        """The paths of ``uploads`` where the folder holds a file (or folder) that mediafeed did not put there (its
        manifest does not list it) and that differs from the site's: a hand-made index.html in a web root, another
        site's feed.xml. None when the manifest was lost (not ``found``) from a site of ours (its feed.xml is ours)."""
        if not found and is_our_site(self.root):
            return []
        clash = []
        for item in uploads:
            if item.rel in manifest.files:
                continue
            path = self.root / item.rel
            try:
                st = path.lstat()
            except FileNotFoundError:
                continue
            except OSError:  # (a file in place of a folder on the way: the copy will say so)
                continue
            if stat.S_ISREG(st.st_mode) and st.st_size == item.size and file_sha256(path) == item.sha256:
                continue  # the same bytes (a copy that went in just before a kill): nothing is lost
            clash.append(item.rel)
        return clash

    def upload(self, uploads: list[Upload], transfer: Transfer) -> None:
        feeds = bool(uploads) and uploads[0].phase == "feeds"
        if feeds:
            self._flush()
        for item in uploads:
            transfer.begin(item)
            target = self.root / item.rel
            try:
                self._folder(target.parent)
                atomic_copy(item.path, target, durable=feeds)
            except OSError as exc:
                raise self._fail(exc, item.rel, "write") from None
            transfer.advance(item.size)
            transfer.end(item)

    def delete(self, rels: list[str]) -> None:
        for rel in rels:
            path = self.root / rel
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise self._fail(exc, rel, "delete") from None
            self._prune(path.parent)

    def write_manifest(self, manifest: Manifest) -> None:
        try:
            atomic_write(self.root / MANIFEST, manifest.to_json())
        except OSError as exc:
            raise self._fail(exc, MANIFEST, "write") from None

    def cors(self, mode: str, dry_run: bool) -> Cors:
        return Cors("not-applicable", _SELF_HOSTED)

    def close(self) -> None:
        return None


    def sweep(self, rels: set[str] | None = None) -> list[str]:
        """Remove the temp files an earlier publish (or build) left in the folder when it was killed mid-copy: a web
        server would serve them, and a file renamed or dropped since is never copied again to replace them. Only
        names of mediafeed's writer (``.NAME.PID-N.tmp``) whose process is not running on this computer (a publish
        running beside this one keeps its own); hidden folders but ``.well-known`` are not looked in. Folders left
        empty are removed. Returns what it removed."""
        removed = []
        for folder, dirs, files in os.walk(self.root):
            base = Path(folder)
            dirs[:] = [d for d in dirs if not d.startswith(".") or (base == self.root and d == ".well-known")]
            for name in files:
                found = TEMP_NAME.fullmatch(name)
                if found is None or _running(int(found["pid"])):
                    continue
                with contextlib.suppress(OSError):
                    (base / name).unlink()
                    removed.append((base / name).relative_to(self.root).as_posix())
                    self._prune(base)
        return sorted(removed)

    def _flush(self) -> None:
        """Before the feeds go in: what the earlier phases copied (media, artwork, pages) onto the disk. The copies are
        not fsynced one by one (thousands of pages), and a file system may write a new feed's rename before the data of
        a new file: after a power cut the feed would name an empty mp3. One syncfs of the target's file system (all of
        ``sync`` where there is none); the feeds are then fsynced each."""
        try:
            fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:
            raise self._fail(exc, "feed.xml", "write") from None
        try:
            done = -1
            if sys.platform.startswith("linux"):
                with contextlib.suppress(OSError, AttributeError):
                    done = ctypes.CDLL(None, use_errno=True).syncfs(fd)
            if done != 0:
                os.sync()
        finally:
            os.close(fd)

    def _folder(self, folder: Path) -> None:
        """Make ``folder`` and any missing parents with mode 755, whatever the umask: a web server runs as another
        user, and a publish from cron or a service with umask 077 made folders it could not enter (403 for every
        episode, its files being 644). Folders already there are left as they are."""
        if folder.is_dir():
            return
        self._folder(folder.parent)
        try:
            folder.mkdir()
        except FileExistsError:
            return  # (made meanwhile, or a file in the way: the copy says so)
        folder.chmod(0o755)

    def _prune(self, folder: Path) -> None:
        while folder != self.root and self.root in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent


def _running(pid: int) -> bool:
    """Whether a process with this id runs on this computer (one of another user's counts)."""
    if pid <= 0:  # (0 and -1 would ask about process groups)
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    return True


#: rsync's output read as the UTF-8 the site's names are, whatever the locale
_TEXT: dict[str, Any] = {"text": True, "encoding": "utf-8", "errors": "surrogateescape"}

#: Seconds rsync is given to end after SIGTERM (it removes its partial temp file, tells the far side, exits) before SIGKILL.
STOP_WAIT = 5.0


def _stop(process: subprocess.Popen[str]) -> None:
    """End a child rsync: SIGTERM, a short wait, then SIGKILL; reaped either way, its pipes closed."""
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    try:
        process.wait(timeout=STOP_WAIT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def _ended_with_us() -> Callable[[], None] | None:
    """For a child rsync, on Linux: SIGTERM when mediafeed is gone, even killed outright (SIGKILL, the OOM killer),
    which no handler of ours sees: rsync otherwise went on uploading the batch alone for as long as it took."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here: the child between fork and exec only calls it
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def arm() -> None:  # in the child, before rsync starts
        prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
        if os.getppid() != parent:  # gone already, before the line above
            os.kill(os.getpid(), signal.SIGTERM)

    return arm


class RsyncStore:
    """rsync to ``host:/path/`` over ssh (``ssh:`` sets the remote shell) or to a local folder."""

    sets_headers = False

    def __init__(self, target: RsyncTarget, rsync: str = "rsync"):
        self.target = target
        self.dest = target.destination
        self.rsync = rsync
        self.work = tempfile.TemporaryDirectory(prefix="mediafeed-rsync-")
        self.tmp = Path(self.work.name)

    def _base(self) -> list[str]:
        # --8-bit-output: names as they are (UTF-8); in the C locale (cron, CI, ssh) rsync prints é as \#303\#251,
        # and a name printed otherwise than the site has it is a file taken for unchanged, or never recorded as sent
        cmd = [self.rsync, "--protect-args", "--8-bit-output"]
        if self.target.ssh:
            cmd += ["--rsh", self.target.ssh]
        return cmd + list(self.target.options)

    def _run(self, args: list[str], rel: str, action: str, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
        try:
            done = subprocess.run(self._base() + args, capture_output=True, check=False, **_TEXT)
        except FileNotFoundError:
            raise PublishError(error("PUB023", "show.yml", "rsync is not installed", field=f"publish.targets.{self.target.name}",
                                     hint="install it (apt-get install rsync; brew install rsync)")) from None
        if done.returncode not in ok:
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            reason = lines[0] if lines else f"exit status {done.returncode}"
            raise PublishError(error("PUB023", rel, f"rsync could not {action} {self.dest}: {reason}",
                                     field=f"publish.targets.{self.target.name}.destination",
                                     hint="check the destination and ssh access (try: ssh HOST true); "
                                          "the feed goes last, so subscribers still see the previous one; run again to finish"))
        return done

    def _list_file(self, rels: list[str]) -> str:
        fd, path = tempfile.mkstemp(dir=self.tmp, suffix=".list")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("".join(rel + "\0" for rel in rels))
        return path

    def read_manifest(self) -> tuple[Manifest | None, list[Problem]]:
        got = self.tmp / "remote-manifest"
        # 23: "some files could not be transferred" - here, no manifest yet
        done = self._run([self.dest + MANIFEST, str(got)], MANIFEST, "read from", ok=(0, 23))
        if done.returncode == 23 or not got.exists():
            return None, []
        return parse(got.read_bytes(), self.dest + MANIFEST)

    def reconcile(self, local: dict[str, LocalFile], manifest: Manifest | None) -> Manifest:
        """Ask rsync (by checksum, without transferring) which local files differ from the destination."""
        root = self._site_root(local)
        files: dict[str, Entry] = {}
        if root is None:
            return Manifest()
        rels = sorted(local)
        done = self._run(["--dry-run", "--checksum", "--from0", f"--files-from={self._list_file(rels)}",
                          "--out-format=%n", str(root) + "/", self.dest], "", "compare with")
        differ = {line.strip() for line in done.stdout.splitlines()}
        for rel in rels:
            if rel not in differ:
                files[rel] = Entry(local[rel].sha256, local[rel].size)
        if manifest:  # files mediafeed put there that the site no longer has: still known, so --delete can remove them
            present = self._remote_files()
            for rel, entry in manifest.files.items():
                if rel not in local and rel in present:
                    files[rel] = entry
        return Manifest(files)

    def read(self, rel: str) -> bytes | None:
        got = self.tmp / "read"
        got.mkdir(exist_ok=True)
        # 23: "some files could not be transferred" - here, no such file
        done = self._run([self.dest + rel, str(got) + "/"], rel, "read from", ok=(0, 23))
        name = got / rel.rsplit("/", 1)[-1]
        if done.returncode == 23 or not name.is_file():
            return None
        return name.read_bytes()

    def foreign(self, uploads: list[Upload], manifest: Manifest, found: bool) -> list[str]:
        """On a first publish (no manifest): files at the site's paths on the far side that differ from the site's
        (``reconcile`` adopted the identical ones), unless the far side holds a site of ours whose manifest was
        lost. (With a manifest, files put beside it by hand are not looked for: one more listing every publish.)"""
        if found:
            return []
        present = self._remote_files()
        clash = [u.rel for u in uploads if u.rel not in manifest.files and u.rel in present]
        if clash and "feed.xml" in present and self.read("feed.xml") is not None and is_our_site(self.tmp / "read"):
            return []
        return clash

    def sweep(self, rels: set[str]) -> list[str]:
        """Nothing: rsync removes its temp file when it is stopped (SIGTERM, as a stopped publish does)."""
        return []

    def _remote_files(self) -> set[str]:
        done = self._run(["--recursive", "--list-only", "--no-human-readable", self.dest], "", "list")
        found = set()
        for line in done.stdout.splitlines():
            parts = line.split(None, 4)
            if len(parts) == 5 and line.startswith("-"):
                found.add(parts[4])
        return found

    @staticmethod
    def _site_root(local: dict[str, LocalFile]) -> Path | None:
        for rel, file in local.items():
            root = file.path
            for _ in rel.split("/"):
                root = root.parent
            return root
        return None

    def upload(self, uploads: list[Upload], transfer: Transfer) -> None:
        if not uploads:
            return
        root = self._site_root({u.rel: LocalFile(u.rel, u.path, u.size, u.sha256) for u in uploads})
        assert root is not None
        by_rel = {u.rel: u for u in uploads}
        for item in uploads:
            transfer.begin(item)
        # --ignore-times: the manifest already says these differ; rsync still sends only changed blocks.
        # "%b %n": with %b rsync names a file after sending it (with %n alone, before)
        args = ["--recursive", "--times", "--ignore-times", "--chmod=D755,F644", "--from0",
                f"--files-from={self._list_file([u.rel for u in uploads])}", "--out-format=%b %n", str(root) + "/", self.dest]
        try:
            process = subprocess.Popen(self._base() + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       preexec_fn=_ended_with_us(), **_TEXT)
        except FileNotFoundError:
            self._run(["--version"], "", "start")  # raises the "not installed" problem
            raise
        assert process.stdout is not None and process.stderr is not None
        sent_files = []
        try:
            for line in process.stdout:
                sent = by_rel.get(line.rstrip("\n").partition(" ")[2])
                if sent is not None:
                    transfer.advance(sent.size)
                    sent_files.append(sent)
            stderr = process.stderr.read()
            process.wait()
        except BaseException:  # Ctrl-C, SIGTERM (raised as KeyboardInterrupt), a failing progress bar
            _stop(process)  # rsync must not go on uploading after we have gone
            raise
        if process.returncode == 0:
            # only now is each file known to be in place on the far side (a file is ended = recorded as published)
            for sent in sent_files:
                transfer.end(sent)
        else:
            lines = [line for line in stderr.splitlines() if line.strip()]
            raise PublishError(error("PUB023", uploads[0].rel, f"rsync could not copy to {self.dest}: "
                                     f"{lines[0] if lines else 'exit status %d' % process.returncode}",
                                     field=f"publish.targets.{self.target.name}.destination",
                                     hint="the feed goes last, so subscribers still see the previous one; run again to finish"))

    def delete(self, rels: list[str]) -> None:
        if not rels:
            return
        # rsync deletes what --files-from names but the sender lacks; the sender needs the parent folders
        empty = self.tmp / "empty"
        for rel in rels:
            (empty / rel).parent.mkdir(parents=True, exist_ok=True)
        self._run(["--recursive", "--delete-missing-args", "--from0", f"--files-from={self._list_file(rels)}",
                   str(empty) + "/", self.dest], rels[0], "delete on")

    def write_manifest(self, manifest: Manifest) -> None:
        folder = self.tmp / "manifest"
        folder.mkdir(exist_ok=True)
        atomic_write(folder / MANIFEST, manifest.to_json(), durable=False)
        self._run(["--chmod=F644", str(folder / MANIFEST), self.dest + MANIFEST], MANIFEST, "write to")

    def cors(self, mode: str, dry_run: bool) -> Cors:
        return Cors("not-applicable", _SELF_HOSTED)

    def close(self) -> None:
        self.work.cleanup()

