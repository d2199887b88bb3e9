"""Runs stopped at awkward moments (SIGKILL: no handler runs; a full disk) and the run after them: the producer's
files as they were, no half-written or temp file left in the site, the next run right and byte-identical to a clean
build, the show free for the next run."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import copy_show

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}


def mediafeed(show: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediafeed", *args, "--show", str(show)], capture_output=True,
                          text=True, timeout=300, env=ENV)


def files(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (hidden ones too), by relative path → SHA-256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(show: Path) -> None:
    """A new line in one episode's notes (the feed and the episode's page change)."""
    notes = show / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")


def clean_build(tmp_path: Path, edited: bool = False) -> dict[str, str]:
    """The site a clean build of a copy of the sample show makes (``edited``: see :func:`edit`)."""
    show = copy_show(tmp_path / "reference")
    if edited:
        edit(show)
    done = mediafeed(show, "build")
    assert done.returncode == 0, done.stderr
    return files(show / "public")


#: ``python -c`` with the show folder as its argument: a build SIGKILLed (the power goes) once ``cut`` bytes of
#: the file whose name ends with argv[2] are in its temp file
KILLED_BUILD = """
import os, signal, sys
from pathlib import Path
from mediafeed import output
real = output.place_stream
def place_stream(chunks, target, *args, **kwargs):
    if str(target).endswith(sys.argv[2]):
        fd = os.open(f"{target.parent}/.{target.name}.{os.getpid()}-0.tmp", os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, b"".join(c if type(c) is bytes else c.bytes() for c in chunks)[:200])
        os.kill(os.getpid(), signal.SIGKILL)
    return real(chunks, target, *args, **kwargs)
output.place_stream = place_stream
from mediafeed.build import build
build(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("first", [True, False], ids=["first-build", "rebuild"])
def test_a_build_killed_as_it_writes_the_feed_is_finished_by_the_next_build(show: Path, tmp_path: Path, first: bool) -> None:
    # A first build: every page and file was in public/ but the feed, and no record of them yet: the next build took
    # them for another site's and stopped (OUT006, "move those files away first"), every build after it too. Either
    # build: the feed's temp file stayed in the site for good (one more a kill, served from a web root given to -o)
    if not first:
        assert mediafeed(show, "build").returncode == 0
        edit(show)
    episodes = files(show / "episodes")
    killed = subprocess.run([sys.executable, "-c", KILLED_BUILD, str(show), "feed.xml"], capture_output=True, text=True,
                            env=ENV)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (show / "public/index.html").is_file() and (show / "public/feed.xml").exists() is not first
    assert [p.name for p in (show / "public").glob(".feed.xml.*.tmp")]  # what the kill left
    again = mediafeed(show, "build")
    assert again.returncode == 0, again.stderr
    assert files(show / "public") == clean_build(tmp_path, edited=not first)  # no temp file left, nothing missing
    assert files(show / "episodes") == episodes



def count_files(folder: Path) -> int:
    return sum(len(names) for _, _, names in os.walk(folder))


@pytest.mark.parametrize("written", [1, 25, 45])
def test_a_first_build_killed_once_it_has_written_some_files_leaves_what_the_next_build_finishes(
        show: Path, tmp_path: Path, written: int) -> None:
    """Wherever the kill lands (the sample's site is 50 files): the producer's files as they were, the show free, and
    the next build right, with no temp file left."""
    episodes = files(show / "episodes")
    build = subprocess.Popen([sys.executable, "-m", "mediafeed", "build", "--show", str(show)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    try:
        while build.poll() is None and count_files(show / "public") < written:
            time.sleep(0.001)
        build.kill()
    finally:
        build.wait()
    assert files(show / "episodes") == episodes
    again = mediafeed(show, "build", "--wait", "0")  # OUT005 if the show were still held
    assert again.returncode == 0, again.stderr
    assert files(show / "public") == clean_build(tmp_path)
    assert not [p for p in show.rglob("*.tmp")]


def test_a_temp_file_of_scaled_artwork_left_by_a_killed_build_is_swept(show: Path) -> None:
    """A build killed while it wrote a scaled copy of the artwork into .mediafeed/images/ left
    '.<key>-480.jpg.<pid>-0.tmp' there for good (CI's run of the test above landed its kill there once the copies came
    from the user's cache): the next build wrote the copy through a temp file of its own. Now the temp files of writers
    no longer running go whenever copies are written."""
    assert mediafeed(show, "build").returncode == 0
    folder = show / ".mediafeed" / "images"
    copies = sorted(folder.glob("*.jpg"))
    assert copies
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = folder / f".{copies[-1].name}.{int(gone.stdout)}-0.tmp"  # a writer no longer running
    stale.write_bytes(copies[-1].read_bytes()[:100])
    for copy in copies:
        copy.unlink()  # the kill came before the renames: the next build writes them again
    assert mediafeed(show, "build", "--clean").returncode == 0
    assert sorted(folder.glob("*.jpg")) == copies and not stale.exists()

#: ``python -c`` with the show folder as its argument: a build SIGKILLed once it has done argv[2] ("ledger": written
#: published.json; "cache": committed the cache, about to save its stamp)
KILLED_AT = """
import os, signal, sys
from pathlib import Path
from mediafeed import fastpath, ledger
def killed(real):
    def call(*args, **kwargs):
        done = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
        return done
    return call
if sys.argv[2] == "ledger":
    ledger.save = killed(ledger.save)
else:
    fastpath.prepare = killed(fastpath.prepare)
from mediafeed.build import build
build(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("point", ["ledger", "cache"])
def test_a_build_killed_before_its_stamp_leaves_the_next_build_to_report_as_a_clean_build(
        show: Path, tmp_path: Path, point: str) -> None:
    # The last build's stamp is still there, the site and published.json are this build's: the next build must not
    # replay that stamp's report (it knew neither the new episode nor the one gone: LED005), nor trust a cache whose
    # commit the kill may have cut off
    import shutil

    from helpers import add_episode

    def report(root: Path, *args: str) -> dict[str, object]:
        done = mediafeed(root, "build", "--format", "json", *args)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.replace(str(root), "<show>"))

    report(show)
    shutil.rmtree(show / "episodes/003-capabilities-framework")
    add_episode(show, "006-new", "title: Something new\ndate: 2026-03-20T08:00:00+00:00\n"
                "guid: 7d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0006\naudio: new.mp3\n", audio_name="new.mp3")
    killed = subprocess.run([sys.executable, "-c", KILLED_AT, str(show), point], capture_output=True, text=True, env=ENV)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "7d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0006" in (show / "published.json").read_text()  # recorded by the killed one
    copy = tmp_path / "copy"
    shutil.copytree(show, copy, ignore=shutil.ignore_patterns(".mediafeed", "public"))
    after, clean = report(show), report(copy, "--clean")
    assert not after.get("up_to_date")
    assert after["problems"] == clean["problems"] and "LED005" in [p["code"] for p in clean["problems"]]
    assert files(show / "public") == files(copy / "public")
    assert (show / "published.json").read_bytes() == (copy / "published.json").read_bytes()


#: ``python -c`` with the show folder as its argument: a build SIGKILLed as it renames into place the file whose name
#: starts with argv[2] (its temp file written whole: "stamp-", the stamp; "published.json")
KILLED_RENAMING = """
import os, signal, sys
from pathlib import Path
real = os.replace
def replace(source, target, *args, **kwargs):
    if os.path.basename(target).startswith(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(source, target, *args, **kwargs)
os.replace = replace
from mediafeed.build import build
build(Path(sys.argv[1]))
"""


@pytest.mark.parametrize(("name", "folder"), [("stamp-", ".mediafeed"), ("published.json", ".")])
def test_a_temp_file_of_a_build_killed_after_it_wrote_the_site_is_swept(show: Path, tmp_path: Path, name: str,
                                                                       folder: str) -> None:
    """A build killed while it saved its stamp (or published.json), after it had said its writing into the site was
    done, left '.stamp-<key>.json.<pid>-0.tmp' in .mediafeed/ (or '.published.json.<pid>-0.tmp' in the show folder,
    where git sees it) for good: only a build stopped mid-write swept temp files, and the next build wrote its own.
    Now every build sweeps those of writers no longer running from .mediafeed/ and the top of the show folder."""
    edit(show)
    if name == "published.json":
        (show / "published.json").unlink()  # the build has a record to write
    killed = subprocess.run([sys.executable, "-c", KILLED_RENAMING, str(show), name], capture_output=True, text=True,
                            env=ENV)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    [left] = [p for p in (show / folder).iterdir() if p.name.endswith(".tmp")]
    assert left.name.startswith(f".{name}")
    again = mediafeed(show, "build")
    assert again.returncode == 0, again.stderr
    assert not [p for p in show.rglob("*.tmp")]
    assert files(show / "public") == clean_build(tmp_path, edited=True)
    assert "Nothing changed since the last build" in mediafeed(show, "build").stderr  # (the stamp it saved holds)


# -- writes that find no room (a full disk; a file past the size limit, as ``ulimit -f`` sets) ---------------------

def file_size_limit(limit: int) -> Callable[[], None]:
    """For ``preexec_fn``: no file of the child may grow past ``limit`` bytes (RLIMIT_FSIZE); SIGXFSZ ignored, so the
    write fails with EFBIG, as a write to a full disk fails with ENOSPC, instead of killing the process."""
    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_files


def test_a_cache_that_cannot_be_written_is_named_and_the_next_build_is_right(show: Path, tmp_path: Path) -> None:
    # SQLite's "database or disk is full" (a full disk) or "disk I/O error" (past the limit) was "Internal error:
    # OperationalError ... (this is a bug in mediafeed)", exit code 3
    episodes = files(show / "episodes")
    failed = subprocess.run([sys.executable, "-m", "mediafeed", "build", "--show", str(show)], capture_output=True,
                            text=True, env=ENV, preexec_fn=file_size_limit(60_000))
    assert failed.returncode == 1, failed.stderr
    assert "cache.sqlite: cannot write the build cache" in failed.stderr and "[OUT007]" in failed.stderr
    assert "Internal error" not in failed.stderr
    assert files(show / "episodes") == episodes
    again = mediafeed(show, "build")
    assert again.returncode == 0, again.stderr
    assert files(show / "public") == clean_build(tmp_path)


TAG_ONE = """
import sys
from pathlib import Path
from mediafeed import audio
from mediafeed.audio.tagset import Tags
from mediafeed.errors import MediaError
try:
    audio.tag(Path(sys.argv[1]), Tags(title="A new title"), rel="x.mp3")
except MediaError as exc:
    print(exc.problems[0].code, exc.problems[0].message)
"""


def test_no_room_beside_a_master_for_its_tagged_copy_is_named_and_leaves_it_as_it_was(show: Path) -> None:
    # was an OSError naming the master ("Error: episodes/...mp3: No space left on device"), exit code 2, or naming
    # no file at all
    master = show / "episodes/003-capabilities-framework/capabilities-framework.mp3"
    before = master.read_bytes()
    done = subprocess.run([sys.executable, "-c", TAG_ONE, str(master)], capture_output=True, text=True, env=ENV,
                          preexec_fn=file_size_limit(len(before) // 2))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("TAG007 no room beside it for the tagged copy: File too large"), done.stdout
    assert master.read_bytes() == before
    assert sorted(p.name for p in master.parent.iterdir()) == ["capabilities-framework.mp3", "episode.md"]


# -- damaged caches: discarded, never trusted ----------------------------------------------------------------------

def test_a_compiled_template_whose_bytes_were_damaged_is_compiled_again(show: Path, tmp_path: Path) -> None:
    # Jinja checks the template source's checksum, not the compiled file's own bytes: damage inside its marshalled
    # code was run as it was. Here a changed text (every page said </mXin>); 64 random bytes a tenth of the way into
    # one file made every build of the sample show end with SIGSEGV (exit code -11) until the folder was deleted
    assert mediafeed(show, "build").returncode == 0
    damaged = []
    for compiled in (show / ".mediafeed/jinja").rglob("*.cache"):
        data = compiled.read_bytes()
        if b"</main>" in data:
            compiled.write_bytes(data.replace(b"</main>", b"</mXin>"))
            damaged.append(compiled)
    assert damaged
    edit(show)  # the pages are rendered again
    again = mediafeed(show, "build")
    assert again.returncode == 0, again.stderr
    assert files(show / "public") == clean_build(tmp_path, edited=True)

