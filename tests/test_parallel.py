"""Builds on every core: the same bytes as one process, failures reported in episode order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import add_episode
from test_incremental import tree

from mediafeed import parallel
from mediafeed.build import BuildFailed, _probe, build
from mediafeed.cache import CACHE_DIR

MANY = parallel.MIN_ITEMS + 4  #: enough episodes for the build to use a pool


def add_many(show: Path) -> None:
    for number in range(MANY):
        add_episode(show, f"{100 + number:03d}-extra", f"""
title: Extra episode {number}
date: 2026-01-{1 + number % 28:02d}T08:00:00+00:00
guid: 00000000-0000-4000-8000-{number:012d}
audio: audio.mp3
""", body=f"Notes for extra episode {number} — with ünïcode.\n")


def test_a_pool_returns_results_and_failures_in_input_order(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    audio = sorted(p.relative_to(show).as_posix() for p in show.glob("episodes/*/*.mp3"))
    rels = [audio[i % len(audio)] if i % 5 else "episodes/missing.mp3" for i in range(MANY)]
    results = parallel.map_ordered(_probe, show, rels)
    assert len(results) == MANY
    for rel, result in zip(rels, results, strict=True):
        if rel == "episodes/missing.mp3":
            assert isinstance(result, parallel.Failed) and result.problems[0].code == "MED001"
        else:
            assert result.path == rel  # type: ignore[union-attr]


def test_a_build_on_two_cores_writes_the_same_bytes_as_on_one(show: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    add_many(show)
    monkeypatch.setenv("MEDIAFEED_JOBS", "2")
    pooled = build(show, tmp_path / "pooled", clean=True)
    assert pooled.probed >= MANY and len(pooled.tagged) >= MANY
    pooled_tree = tree(pooled.output)
    shutil.rmtree(show / CACHE_DIR)
    monkeypatch.setenv("MEDIAFEED_JOBS", "1")
    single = build(show, tmp_path / "single", clean=True)
    assert tree(single.output) == pooled_tree


def test_episodes_parsed_on_two_cores_report_the_same_problems_as_on_one(show: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    add_many(show)
    broken = show / "episodes" / "105-extra" / "episode.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("title: Extra episode 5", "title: [unclosed"),
                      encoding="utf-8")
    (show / "episodes" / "107-extra" / "episode.md").write_text("---\ntitle: No date\n---\nBody\n", encoding="utf-8")
    found = {}
    for jobs in ("2", "1"):
        monkeypatch.setenv("MEDIAFEED_JOBS", jobs)
        with pytest.raises(BuildFailed) as info:
            build(show, tmp_path / f"out{jobs}", clean=True)
        found[jobs] = [p.to_dict() for p in info.value.problems]
    assert found["2"] == found["1"]
    assert {p["file"] for p in found["2"] if p["severity"] == "error"} >= {
        "episodes/105-extra/episode.md", "episodes/107-extra/episode.md"}
    assert not (tmp_path / "out2").exists() and not (tmp_path / "out1").exists()


def test_a_tagged_copy_cut_short_is_made_again_not_published(show: Path) -> None:
    first = build(show)
    assert first.tagged
    copy = sorted((show / CACHE_DIR / "tagged").glob("*.mp3"))[0]
    whole = copy.read_bytes()
    copy.write_bytes(whole[: len(whole) // 2])  # what a crash before the data reached the disk can leave
    again = build(show)
    assert len(again.tagged) == 1
    assert copy.read_bytes() == whole
