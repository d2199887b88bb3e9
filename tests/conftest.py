"""Shared fixtures: a copy of the sample show, real media made with ffmpeg."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import copy_show, make_media


@pytest.fixture(autouse=True, scope="session")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's cache (the default theme's compiled templates, ``site.user_cache_dir``): the tests' own."""
    folder = tmp_path_factory.mktemp("user-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


#: the folder made for hypothesis by :func:`pytest_configure`, removed by :func:`pytest_unconfigure`
_HYPOTHESIS_HOME: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """hypothesis' own folder (its constants and character caches; test_fuzz_parsers keeps no database) in a temp
    folder of its own: by default it is ``.hypothesis/`` in the folder pytest runs in, and a test run left one in the
    checkout. Set here, before the tests are collected: hypothesis reads the variable once, when it first needs the
    folder, and a test module's ``settings(...)`` asks for it as it is imported. One the caller set is kept."""
    if "HYPOTHESIS_STORAGE_DIRECTORY" not in os.environ:
        import tempfile

        _HYPOTHESIS_HOME.append(tempfile.mkdtemp(prefix="mediafeed-tests-hypothesis-"))
        os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = _HYPOTHESIS_HOME[0]


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    for folder in _HYPOTHESIS_HOME:
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY") == folder:
            del os.environ["HYPOTHESIS_STORAGE_DIRECTORY"]
    _HYPOTHESIS_HOME.clear()


#: what decides colour (mediafeed/colour.py) besides a terminal: a developer's shell or a CI service that sets one
#: (GitHub Actions users often set FORCE_COLOR) would change what the tests' commands print
COLOUR_SETTINGS = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR")


@pytest.fixture(autouse=True, scope="session")
def no_colour_settings() -> Iterator[None]:
    """The tests run without the caller's colour settings; a test that wants one sets it for its command."""
    before = {name: os.environ.pop(name) for name in COLOUR_SETTINGS if name in os.environ}
    yield
    os.environ.update(before)


@pytest.fixture
def show(tmp_path: Path) -> Path:
    """A private copy of the sample show (tests never write to the repository's)."""
    return copy_show(tmp_path / "show")


@pytest.fixture
def media(tmp_path: Path):
    """``media("mp3", seconds=3, name="x.mp3")`` → a fresh real file in tmp_path."""

    def factory(kind: str = "mp3", seconds: float = 3.0, name: str | None = None) -> Path:
        ext = {"mp3-vbr": "mp3", "opus": "opus", "ogg": "ogg"}.get(kind, kind)
        return make_media(tmp_path / "media" / (name or f"tone.{ext}"), kind, seconds)

    return factory
