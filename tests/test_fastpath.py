"""A rebuild with nothing changed reads nothing and writes nothing, but never misses a change."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediafeed import fastpath
from mediafeed.cli import main


def _build(show: Path, *args: str) -> dict:
    result = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _mtimes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def test_second_build_is_up_to_date_and_touches_nothing(show: Path) -> None:
    first = _build(show)
    assert not first.get("up_to_date") and first["written"]
    before = _mtimes(show / "public")
    ledger = (show / "published.json").read_bytes()
    second = _build(show)
    assert second["up_to_date"] is True and second["written"] == [] and second["probed"] == 0
    assert second["episodes"] == first["episodes"] and second["unchanged"] == len(before)
    assert second["problems"] == first["problems"]
    assert _mtimes(show / "public") == before and (show / "published.json").read_bytes() == ledger


def test_text_output_says_nothing_changed(show: Path) -> None:
    _build(show)
    result = CliRunner().invoke(main, ["build", "--show", str(show)])
    assert result.exit_code == 0
    assert "Nothing changed since the last build: 6 episodes" in result.output


@pytest.mark.parametrize("change", ["notes", "new file", "show.yml", "template", "deleted output", "edited output"])
def test_any_change_makes_a_real_build(show: Path, change: str) -> None:
    _build(show)
    site = show / "public"
    if change == "notes":
        path = show / "episodes/003-capabilities-framework/episode.md"
        path.write_text(path.read_text().replace("Three levels", "Three tiers"))
    elif change == "new file":
        (show / "episodes/003-capabilities-framework/transcript.srt").write_text("1\n00:00:00,000 --> 00:00:02,000\nHello\n")
    elif change == "show.yml":
        path = show / "show.yml"
        path.write_text(path.read_text().replace("page_size", "page_size") + "\npage_size: 2\n")
    elif change == "template":
        (show / "templates").mkdir(exist_ok=True)
        (show / "templates/404.html").write_text("{% extends 'default/404.html' %}{% block title %}Lost{% endblock %}")
    elif change == "deleted output":
        (site / "episodes/003-capabilities-framework/index.html").unlink()
    elif change == "edited output":
        (site / "feed.xml").write_text("<rss/>")
    report = _build(show)
    assert not report.get("up_to_date")
    assert report["written"]
    if change == "deleted output":
        assert (site / "episodes/003-capabilities-framework/index.html").is_file()
    if change == "edited output":
        assert (site / "feed.xml").read_text().startswith("<?xml")


def test_strict_and_output_folder_are_part_of_the_stamp(show: Path, tmp_path: Path) -> None:
    _build(show)
    assert not _build(show, "--strict").get("up_to_date")
    assert _build(show, "--strict").get("up_to_date")
    assert not _build(show, "--output", str(tmp_path / "elsewhere")).get("up_to_date")
    assert not _build(show, "--clean").get("up_to_date")


def test_stamp_expires_when_a_scheduled_episode_is_due(show: Path) -> None:
    path = show / "episodes/005-european-review/episode.md"
    path.write_text(path.read_text().replace("date: 2026-03-16T08:00:00+00:00", "date: 2099-03-16T08:00:00+00:00"))
    _build(show)
    assert fastpath.check(show, show / "public", False, now=datetime(2099, 3, 16, 7, 59, tzinfo=UTC)) is not None
    assert fastpath.check(show, show / "public", False, now=datetime(2099, 3, 16, 8, 0, tzinfo=UTC)) is None


def test_code_and_library_changes_invalidate_the_stamp(show: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(show)
    assert fastpath.check(show, show / "public", False) is not None
    fake = tmp_path / "package"
    fake.mkdir()
    (fake / "module.py").write_text("x = 1\n")
    monkeypatch.setattr(fastpath, "_PACKAGE", fake)
    assert fastpath.check(show, show / "public", False) is None
    monkeypatch.undo()
    monkeypatch.setattr(fastpath, "LIBRARIES", (*fastpath.LIBRARIES, "requests"))
    assert fastpath.check(show, show / "public", False) is None


def test_unreadable_stamp_means_build(show: Path) -> None:
    _build(show)
    fastpath.stamp_path(show, show / "public").write_text("{not json")
    assert fastpath.check(show, show / "public", False) is None
    assert not _build(show).get("up_to_date")
    assert os.path.exists(fastpath.stamp_path(show, show / "public"))


def test_cache_values_from_other_code_are_not_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mediafeed.cache import Cache

    db = tmp_path / "cache.sqlite"
    cache = Cache(db)
    cache.put("notes", "k", "1", {"html": "old"})
    cache.close()
    assert Cache(db).get("notes", "k", "1") == {"html": "old"}
    monkeypatch.setattr(fastpath, "code_fingerprint", lambda: "edited-code")
    assert Cache(db).get("notes", "k", "1") is None


def test_a_build_reuses_the_look_its_check_took_so_an_edit_during_the_build_is_not_missed(show: Path) -> None:
    from mediafeed.build import build

    _build(show)
    notes = show / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text().replace("Three levels", "Three tiers"))
    sweep = fastpath.Sweep(show)
    assert fastpath.check(show, show / "public", False, sweep=sweep) is None
    notes.write_text(notes.read_text().replace("Three tiers", "Three layers"))  # while the build runs (after the look)
    build(show, sweep=sweep)
    assert fastpath.check(show, show / "public", False) is None, "the stamp describes what the build looked at"
    assert not _build(show).get("up_to_date")
    assert _build(show)["up_to_date"] is True


def test_the_stamp_of_an_incremental_build_holds_the_kept_files_as_they_are(show: Path) -> None:
    """The stamp reuses the sizes and mtimes the build saw for kept files; a kept file touched later still counts."""
    _build(show)
    notes = show / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text().replace("Three levels", "Three tiers"))
    assert _build(show)["kept"] > 0
    assert _build(show)["up_to_date"] is True
    kept = show / "public/episodes/000-trailer/index.html"
    os.utime(kept, ns=(kept.stat().st_atime_ns, kept.stat().st_mtime_ns + 1_000_000))
    assert not _build(show).get("up_to_date")


def test_the_look_is_taken_at_the_check_even_when_there_is_no_stamp_yet(show: Path) -> None:
    from mediafeed.build import build

    sweep = fastpath.Sweep(show)
    assert fastpath.check(show, show / "public", False, sweep=sweep) is None  # a first build: no stamp at all
    notes = show / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text().replace("Three levels", "Three layers"))  # while the build runs
    build(show, sweep=sweep)
    assert fastpath.check(show, show / "public", False) is None, "the edit made during the first build is seen"
