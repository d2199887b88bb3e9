"""A target for self-hosters: rsync, over ssh or to a folder.

Like a directory it stores no HTTP headers (the web server sets them, see
:mod:`.directory`); rsync puts every file in place atomically (its own temp
file and a rename), in the safe order.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..addresses import without_credentials, without_shell_password
from ..atomicfiles import atomic_write
from ..errors import Problem, error
from ..outputfolder import is_our_site
from .config import RsyncTarget
from .directory import SELF_HOSTED
from .manifest import MANIFEST, Entry, Manifest, parse
from .plan import LocalFile, Upload
from .store import Cors, PublishError, Transfer

#: rsync's output read as the UTF-8 the site's names are, whatever the locale
_TEXT: dict[str, Any] = {"text": True, "encoding": "utf-8", "errors": "surrogateescape"}

#: The start of each publish's work folder in the temp folder (the far side's manifest, rsync's file lists, files read back)
WORK_PREFIX = "mediafeed-rsync-"
#: In a work folder: written once its publish holds the folder (flock), so a folder that has it and is free is a dead one's
OWNER = "owner"

#: What ssh and rsync print around the reason for a failure (lower case): ssh's warnings before it, rsync's summary after
_NOISE = ("warning:", "rsync error:", "rsync: connection unexpectedly closed", "rsync: [receiver] write error",
          "rsync: [sender] write error", "rsync: [generator] write error")
#: The far side's folder is not there (rsync's words, the folder quoted)
_MISSING_FOLDER = re.compile(r'(?:change_dir|mkdir) "([^"]+)" failed: No such file or directory')
#: ssh was refused: no key it accepts, or a host key that does not match
_LOGIN_REFUSED = re.compile(r"Permission denied \((?:publickey|password|keyboard)|Host key verification failed")

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


def _hold(folder: Path) -> int | None:
    """Hold ``folder`` for this process (an advisory flock on the folder itself, released by the kernel however the
    process ends), then mark it :data:`OWNER`; the descriptor to close when done (None where there is no fcntl)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a new folder: no one else holds it
        (folder / OWNER).write_text(f"pid {os.getpid()}\n", encoding="ascii")
    except BaseException:
        os.close(fd)
        raise
    return fd


def sweep_work_folders(temp: str | None = None) -> list[str]:
    """Remove the work folders of publishes that ended without removing theirs: killed outright (SIGKILL, the OOM
    killer, a power cut), no ``finally`` runs, and each left a folder in /tmp, one more a killed run (47 on a test
    machine in a day). Only folders of this user marked :data:`OWNER` whose lock is free: a publish running beside
    this one holds its own (a folder without the mark is being made, or an older mediafeed's: left). Returns what
    it removed."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return []
    temp = temp or tempfile.gettempdir()
    removed = []
    try:
        entries = [e for e in os.scandir(temp) if e.name.startswith(WORK_PREFIX)]
    except OSError:
        return []
    for entry in entries:
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_uid != os.getuid() \
                    or not os.path.isfile(os.path.join(entry.path, OWNER)):
                continue
            fd = os.open(entry.path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held: a publish at work
            os.close(fd)
            continue
        try:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.path)
        finally:
            os.close(fd)
    return removed


class RsyncStore:
    """rsync to ``host:/path/`` over ssh (``ssh:`` sets the remote shell) or to a local folder."""

    sets_headers = False

    def __init__(self, target: RsyncTarget, rsync: str = "rsync"):
        self.target = target
        self.dest = target.destination
        self.rsync = rsync
        sweep_work_folders()
        self.tmp = Path(tempfile.mkdtemp(prefix=WORK_PREFIX))
        try:
            self._held = _hold(self.tmp)
        except BaseException:
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise

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
            raise self._failure(done.stderr, done.returncode, rel, action)
        return done

    def _failure(self, stderr: str, code: int, rel: str, action: str) -> PublishError:
        """The error of a failed rsync: the line of its output that says why (not ssh's warnings before it, nor rsync's
        summary after it: "Warning: Identity file … not accessible" hid "Permission denied (publickey)"), and what to
        do about that reason."""
        lines = [line.strip() for line in stderr.splitlines() if line.strip()]
        telling = [line for line in lines if not line.lower().startswith(_NOISE)]
        reason = without_shell_password(without_credentials((telling or lines or [f"exit status {code}"])[0]))
        field = f"publish.targets.{self.target.name}.destination"
        host = self.dest.split(":", 1)[0] if not self.target.local else ""
        # (never the password of an 'sshpass -p PASSWORD ssh' remote shell: the hint is printed, logged, pasted)
        # (show.yml's settings refuse one, PUB004; a target made in code is not read from there)
        ssh = f"{without_shell_password(self.target.ssh) or 'ssh'} {host}"
        missing = _MISSING_FOLDER.search(stderr)
        if missing and host:
            import shlex

            folder = missing.group(1)
            return PublishError(error("PUB022", "show.yml", f"the target folder {folder} does not exist on {host}",
                                      field=field, hint=f"create it ({ssh} mkdir -p {shlex.quote(folder)}), or correct "
                                      "'destination'; nothing was uploaded"))
        if host and _LOGIN_REFUSED.search(stderr):
            return PublishError(error("PUB021", "show.yml", f"rsync could not {action} {self.dest}: ssh could not log in "
                                      f"to {host} ({reason})", field=f"publish.targets.{self.target.name}",
                                      hint=f"check the key and port in 'ssh:' and the user in 'destination' (try: {ssh} true); "
                                      "the feed goes last, so subscribers still see the previous one"))
        return PublishError(error("PUB023", rel, f"rsync could not {action} {self.dest}: {reason}", field=field,
                                  hint=(f"check the destination and ssh access (try: {ssh} true); " if host else
                                        "check the destination; ") +
                                  "the feed goes last, so subscribers still see the previous one; run again to finish"))

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
        clash = [u.rel for u in uploads if not manifest.owns(u.rel) and u.rel in present]
        if clash and "feed.xml" in present and self.read("feed.xml") is not None and is_our_site(self.tmp / "read"):
            return []
        return clash

    def sweep(self, rels: set[str], remove: bool = True) -> list[str]:
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
            raise self._failure(stderr, process.returncode, uploads[0].rel, "copy to")

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
        return Cors("not-applicable", SELF_HOSTED)

    def close(self) -> None:
        """Remove the work folder (a publish killed before this leaves it to the next one: :func:`sweep_work_folders`)."""
        shutil.rmtree(self.tmp, ignore_errors=True)
        if self._held is not None:
            os.close(self._held)
            self._held = None

