"""Runs stopped at awkward moments (SIGKILL: no handler runs; a full disk) and the run after them: the producer's
files as they were, no half-written or temp file left in the site, the next run right and byte-identical to a clean
build, the show free for the next run."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
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
