"""Helpers for tests: copies of the sample show and real media files made with ffmpeg."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOW_FILES = ("show.yml", "artwork.png", "episodes", "published.json")


def copy_show(target: Path) -> Path:
    """A private copy of the sample show in this repository (never write to the original)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SHOW_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


def with_an_info(show_root: Path) -> Path:
    """The sample show with one info problem (EP020: the trailer's title repeats the show's name), for tests of how
    problems are printed; the sample show itself has none. Returns the trailer's episode.md."""
    trailer = show_root / "episodes" / "000-trailer" / "episode.md"
    text = trailer.read_text(encoding="utf-8")
    assert "title: One study at a time" in text
    trailer.write_text(text.replace("title: One study at a time", "title: Introducing Safe to Say"), encoding="utf-8")
    return trailer


def make_media(path: Path, kind: str = "mp3", seconds: float = 3.0, extra: tuple[str, ...] = ()) -> Path:
    """A real, short media file of the given kind (a sine tone), made with ffmpeg."""
    path.parent.mkdir(parents=True, exist_ok=True)
    codecs = {
        "mp3": ["-c:a", "libmp3lame", "-b:a", "32k"],
        "mp3-vbr": ["-c:a", "libmp3lame", "-q:a", "7"],
        "m4a": ["-c:a", "aac", "-b:a", "32k"],
        "opus": ["-c:a", "libopus", "-b:a", "24k"],
        "ogg": ["-c:a", "libvorbis", "-q:a", "0"],
        "flac": ["-c:a", "flac"],
        "wav": ["-c:a", "pcm_s16le"],
        "aiff": ["-c:a", "pcm_s16be"],  # a type Chromium does not play
    }
    if kind in ("mp4", "m4v", "mov"):
        cmd = ["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"testsrc=size=160x90:rate=10:duration={seconds}",
               "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-c:v", "libx264", "-preset", "ultrafast",
               "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "32k", "-shortest", *extra, str(path)]
    else:
        cmd = ["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
               "-ac", "1", "-ar", "22050" if kind not in ("opus",) else "48000", *codecs[kind], "-fflags", "+bitexact",
               *extra, str(path)]
    subprocess.run(cmd, check=True, capture_output=True)
    return path


def add_episode(show_root: Path, slug: str, front: str, body: str = "Notes.\n", audio_kind: str = "mp3",
                audio_name: str = "audio.mp3", seconds: float = 2.0) -> Path:
    """Write a minimal episode folder with a real audio file."""
    folder = show_root / "episodes" / slug
    folder.mkdir(parents=True, exist_ok=True)
    if audio_name:
        make_media(folder / audio_name, audio_kind, seconds)
    (folder / "episode.md").write_text(f"---\n{front.strip()}\n---\n{body}", encoding="utf-8")
    return folder



#: the moment golden builds run at: after every sample episode's date, so none is "scheduled"
GOLDEN_NOW = "2026-06-01T00:00:00+00:00"
GOLDEN_DIR = ROOT / "tests" / "golden"
GOLDEN_FILES = ("feed.xml", "feed.json")


def build_golden(target: Path) -> Path:
    """Build a fresh copy of the sample show the way the golden files were made; return the site folder."""
    import os
    from datetime import datetime

    from mediafeed.build import build

    os.environ.pop("SOURCE_DATE_EPOCH", None)  # the build date is then the newest episode's date
    show = copy_show(target / "show")
    return build(show, target / "site", clean=True, now=datetime.fromisoformat(GOLDEN_NOW)).output


def npm_package(name: str, version: str) -> Path:
    """``node_modules`` holding the npm package ``name@version`` (and its dependencies), installed from the npm
    registry once into a cache folder outside the repository ($MEDIAFEED_TEST_CACHE, else ~/.cache/mediafeed-tests)."""
    cache = Path(os.environ.get("MEDIAFEED_TEST_CACHE", Path.home() / ".cache" / "mediafeed-tests"))
    folder = cache / f"{name}-{version}"
    modules = folder / "node_modules"
    if not (modules / name / "package.json").is_file():
        npm = shutil.which("npm")
        assert npm, f"{name} is installed from the npm registry: install npm (apt-get install npm)"
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--no-save", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder),
                        f"{name}@{version}"], check=True, capture_output=True, timeout=300)
    return modules


#: the Nu Html Checker (the W3C's validator, as validator.w3.org/nu runs it), from the npm registry
VNU_VERSION = "26.9.27"


def html_errors(*pages: Path) -> list[str]:
    """The Nu Html Checker's errors in ``pages`` (warnings left out), one line each: "name:line.column: message".
    Needs Java (scripts/test.sh installs default-jre-headless) and npm for the checker itself."""
    import json

    java = shutil.which("java")
    assert java, "the Nu Html Checker runs on Java: install default-jre-headless"
    jar = npm_package("vnu-jar", VNU_VERSION) / "vnu-jar" / "build" / "dist" / "vnu.jar"
    run = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [f"{m['url'].removeprefix('file:')}:{m.get('lastLine')}.{m.get('firstColumn')}: {m['message']}"
            for m in messages if m["type"] == "error"]


@contextlib.contextmanager
def mounted_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of ``size`` (``mount -o size=…``) at ``folder`` (made here), unmounted afterwards; a test that cannot
    mount one (not root) is skipped. Root only, as on CI."""
    import pytest

    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True,
                             text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def alone_in_process(seconds: float = 60) -> None:
    """Wait for the threads an earlier test left behind (an online check abandons a URL at its deadline; its thread
    ends when the server answers): a build uses no pool while another thread runs in its process (forking it would be
    unsafe), so a test of what the workers do would otherwise see the one-process build."""
    deadline = time.monotonic() + seconds
    while threading.active_count() > 1 and time.monotonic() < deadline:
        for thread in threading.enumerate():
            if thread is not threading.current_thread():
                thread.join(timeout=0.2)
    assert threading.active_count() == 1, [thread.name for thread in threading.enumerate()]
