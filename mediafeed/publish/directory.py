"""A target for self-hosters: a plain directory (a web root, a mounted share).

It stores no HTTP headers: the web server sets Content-Type, Cache-Control and
CORS (docs/publish.md has nginx and Apache snippets; ``--dry-run`` lists the
headers each file should get). Every file is put in place atomically (a temp
file and a rename), in the safe order.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import stat
import sys
from pathlib import Path

from ..atomicfiles import atomic_copy, atomic_write, prune_empty, sweep_temp_files
from ..errors import Problem, error
from ..outputfolder import is_our_site
from .config import DirectoryTarget, RsyncTarget
from .manifest import MANIFEST, Entry, Manifest, parse
from .plan import LocalFile, Upload, file_sha256
from .store import Cors, PublishError, Transfer

SELF_HOSTED = ("set Content-Type, Cache-Control and Access-Control-Allow-Origin in the web server "
                "(see docs/publish.md for nginx and Apache)")


def require_folder(target: DirectoryTarget | RsyncTarget) -> None:
    """PUB022 when the target folder is not there (checked before the build too: no build to wait for first); for
    rsync, when its destination is a folder on this computer (rsync said "change_dir … failed", with a hint on ssh)."""
    if isinstance(target, RsyncTarget):
        if not target.local:
            return
        path, key = Path(target.destination), "destination"
    else:
        path, key = target.path, "path"
    if not path.is_dir():
        import shlex

        raise PublishError(error("PUB022", "show.yml", f"the target folder {path} does not exist",
                                 field=f"publish.targets.{target.name}.{key}",
                                 hint=f"create it (mkdir -p {shlex.quote(str(path))}), or correct '{key}'"))


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
        require_folder(self.target)
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
            if manifest.owns(item.rel):
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
            prune_empty(self.root, path.parent)

    def write_manifest(self, manifest: Manifest) -> None:
        try:
            atomic_write(self.root / MANIFEST, manifest.to_json())
        except OSError as exc:
            raise self._fail(exc, MANIFEST, "write") from None

    def cors(self, mode: str, dry_run: bool) -> Cors:
        return Cors("not-applicable", SELF_HOSTED)

    def close(self) -> None:
        return None


    def sweep(self, rels: set[str] | None = None, remove: bool = True) -> list[str]:
        """Remove the temp files an earlier publish (or build) left in the folder when it was killed mid-copy: a web
        server would serve them, and a file renamed or dropped since is never copied again to replace them. Only
        names of mediafeed's writer (``.NAME.PID-N.tmp``) whose process is not running on this computer (a publish
        running beside this one keeps its own); hidden folders but ``.well-known`` are not looked in. Folders left
        empty are removed. Returns what it removed (``remove=False``, a dry run: what it would remove)."""
        return sweep_temp_files(self.root, remove)

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


