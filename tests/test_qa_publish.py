"""`mediafeed publish` attacked the way a producer meets it over a show's life: real folders, rsync and a real
S3 API (moto's server on 127.0.0.1); what reaches subscribers and what the show keeps must never change by surprise."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from helpers import add_episode

from mediafeed.build import BuildFailed
from mediafeed.publish import publish


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` → its SHA-256 (what a before/after comparison needs)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def directory_target(show: Path, web: Path) -> None:
    web.mkdir(exist_ok=True)
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    web:\n      type: directory\n      path: {web}\n")


NEW = "title: Something new\ndate: 2026-03-20T08:00:00+00:00\nguid: 7d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0006\naudio: new.mp3\n"


def test_a_dry_run_records_no_episode_as_published(show: Path, tmp_path: Path) -> None:
    """published.json says what subscribers have seen: a dry run shows nobody anything, so it must not grow."""
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    ledger, target = (show / "published.json").read_bytes(), tree(web)
    report = publish(show, notify=False, dry_run=True)
    assert "episodes/006-new/new.mp3" in {u.rel for u in report.uploads}
    assert (show / "published.json").read_bytes() == ledger
    assert tree(web) == target
    # the new episode was never published, so renaming its file before the real publish is not refused
    (show / "episodes/006-new/new.mp3").rename(show / "episodes/006-new/renamed.mp3")
    episode = show / "episodes/006-new/episode.md"
    episode.write_text(episode.read_text().replace("audio: new.mp3", "audio: renamed.mp3"))
    done = publish(show, notify=False)
    assert "episodes/006-new/renamed.mp3" in {u.rel for u in done.uploads}
    assert b"006-new/renamed.mp3" in (show / "published.json").read_bytes()


def test_moving_the_media_in_show_yml_is_refused_naming_the_key_and_the_old_base(show: Path, tmp_path: Path) -> None:
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    target = tree(web)
    text = (show / "show.yml").read_text()
    (show / "show.yml").write_text(text.replace("language: en-gb\n", "language: en-gb\nmedia_url: https://media.example.org/sts/\n"))
    with pytest.raises(BuildFailed) as refused:
        publish(show, notify=False)
    moved = [p for p in refused.value.problems if p.code == "LED002"]
    assert len(moved) == 6 and tree(web) == target
    first = next(p for p in moved if p.episode == "001-ipv-and-substance-use")
    assert (first.file, first.field) == ("show.yml", "media_url")
    assert "https://podcast.example.org/safe-to-say/episodes/001-ipv-and-substance-use/ipv-and-substance-use.mp3" in first.message
    assert "set 'media_url: https://podcast.example.org/safe-to-say/' in show.yml again" in first.hint
    assert "--accept-changes" in first.hint
    # a renamed audio file still points at the episode's own field
    folder = show / "episodes/003-capabilities-framework"
    (show / "show.yml").write_text(text)
    (folder / "capabilities-framework.mp3").rename(folder / "capabilities.mp3")
    (folder / "episode.md").write_text((folder / "episode.md").read_text().replace("capabilities-framework.mp3", "capabilities.mp3"))
    with pytest.raises(BuildFailed) as renamed:
        publish(show, notify=False)
    (problem,) = [p for p in renamed.value.problems if p.code == "LED002"]
    assert (problem.file, problem.field) == ("episodes/003-capabilities-framework/episode.md", "audio")
    assert tree(web) == target
