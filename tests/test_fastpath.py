"""A rebuild with nothing changed reads nothing and writes nothing, but never misses a change."""

from __future__ import annotations

import json
import os
import shutil
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


def _gone_from_the_feed(show: Path, how: str) -> None:
    """Episode 003 (in the sample show's published.json) leaves the feed: its folder removed, made a draft or dated
    in the future."""
    folder = show / "episodes/003-capabilities-framework"
    path = folder / "episode.md"
    if how == "removed":
        shutil.rmtree(folder)
    elif how == "draft":
        path.write_text(path.read_text().replace("\n---\n", "\ndraft: true\n---\n", 1))
    else:
        text = path.read_text()
        date = next(line for line in text.splitlines() if line.startswith("date: "))
        path.write_text(text.replace(date, "date: 2099-01-01T08:00:00+00:00", 1))


def _codes(report: dict) -> list[str]:
    return [p["code"] for p in report["problems"]]


def _check(show: Path) -> list[str]:
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [p["code"] for p in json.loads(result.output)["problems"]]


@pytest.mark.parametrize("how", ["removed", "draft", "scheduled"])
def test_a_withdrawal_accepted_is_not_warned_again_by_a_build_its_replay_a_clean_build_or_check(
        show: Path, tmp_path: Path, how: str) -> None:
    # LED005 repeated on every build for good after a deliberate withdrawal (and after 'publish --delete'): nothing
    # recorded that it was meant. --accept-changes records it (the GUID stays in published.json), says so once (an
    # info), and every later build, its replayed report, a clean build of a copy and check agree: no LED005.
    _build(show)
    _gone_from_the_feed(show, how)
    assert "LED005" in _codes(_build(show)) and "LED005" in _check(show)
    accepted = _build(show, "--accept-changes")
    assert [(p["severity"], p["episode"]) for p in accepted["problems"] if p["code"] == "LED005"] == [
        ("info", "003-capabilities-framework")]
    record = json.loads((show / "published.json").read_text())["episodes"]["5c6c255d-36b2-45da-ab07-e62a01932dcf"]
    assert record["withdrawn"] is True and record["slug"] == "003-capabilities-framework"
    after = _build(show)
    assert not after.get("up_to_date") and "LED005" not in _codes(after)
    replayed = _build(show)
    assert replayed.get("up_to_date") is True and replayed["problems"] == after["problems"]
    assert "LED005" not in _check(show)
    clean = show.parent / "clean"
    shutil.copytree(show, clean, ignore=shutil.ignore_patterns(".mediafeed", "public"))
    assert _build(clean, "--clean")["problems"] == json.loads(json.dumps(after["problems"]).replace(str(show), str(clean)))


def test_a_build_after_a_publish_that_accepted_changes_warns_as_a_clean_build(show: Path, tmp_path: Path) -> None:
    """publish --accept-changes builds with --accept-changes, and records its published.json (a withdrawal too) once
    its feed is live."""
    from mediafeed.publish import publish

    _publishing(show, tmp_path)
    publish(show, notify=False)
    _gone_from_the_feed(show, "removed")
    assert "LED005" in _codes(_build(show))
    # (publish says what its build says: the withdrawal it records is an info, no longer the warning)
    said = [(p.code, p.severity.name.lower()) for p in publish(show, notify=False, accept_changes=True).problems
            if p.code == "LED005"]
    assert said == [("LED005", "info")]
    after = _build(show)
    assert not after.get("up_to_date") and "LED005" not in _codes(after)
    clean = show.parent / "clean"
    shutil.copytree(show, clean, ignore=shutil.ignore_patterns(".mediafeed", "public"))
    assert _build(clean, "--clean")["problems"] == json.loads(json.dumps(after["problems"]).replace(str(show), str(clean)))


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


def _stamp_as_version_2_wrote_it(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rewrite the show's stamp as mediafeed with stamp version 2 saved it for this very show: its outputs' list a
    JSON list of [path, size, mtime], its digest made with version 2 (as valid as that version's stamp was)."""
    path = fastpath.stamp_path(show, show / "public")
    text = path.read_text(encoding="utf-8", errors="surrogatepass")
    header, end = json.JSONDecoder().raw_decode(text)
    body = text[end + 1:]
    if body.startswith("["):
        listed = json.loads(body)
    else:
        parts = body.split("\0")
        listed = [[rel, int(size), int(mtime)] for rel, size, mtime in zip(parts[0::3], parts[1::3], parts[2::3])]
    with monkeypatch.context() as patch:
        patch.setattr(fastpath, "STAMP_VERSION", 2)
        header["version"] = 2
        header["digest"] = fastpath.inputs_digest(show.resolve(), fastpath.options(show / "public", False),
                                                  list(header["extra"]))
    path.write_text(f"{json.dumps(header, separators=(',', ':'))}\n{json.dumps(listed, separators=(',', ':'))}",
                    encoding="utf-8")


def test_a_stamp_of_an_older_version_is_not_read_and_the_build_runs(show: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Version 3 keeps the outputs' list as NUL-separated text: a stamp that version 2 saved (a JSON list after its
    header) is never read as one, nor trusted: the build runs, writes what a clean build writes, and saves a stamp of
    its own version that the next build replays."""
    first = _build(show)
    before = _mtimes(show / "public")
    _stamp_as_version_2_wrote_it(show, monkeypatch)
    assert fastpath.check(show, show / "public", False) is None
    again = _build(show)
    assert not again.get("up_to_date") and again["written"] == [] and again["problems"] == first["problems"]
    assert _mtimes(show / "public") == before
    clean = tmp_path / "clean"
    shutil.copytree(show, clean, ignore=shutil.ignore_patterns("public", ".mediafeed", "published.json"))
    _build(clean)
    assert {rel: (show / "public" / rel).read_bytes() for rel in before} == \
        {str(p.relative_to(clean / "public")): p.read_bytes() for p in (clean / "public").rglob("*") if p.is_file()}
    header = json.JSONDecoder().raw_decode(fastpath.stamp_path(show, show / "public").read_text())[0]
    assert header["version"] == fastpath.STAMP_VERSION == 3
    assert _build(show)["up_to_date"] is True


def test_the_stamp_keeps_any_name_an_output_file_has(tmp_path: Path) -> None:
    """The outputs' list is text, not JSON: a name with a newline, a space, a letter beyond ASCII or a byte that is
    not UTF-8 (Python holds it as a lone surrogate) comes back from the stamp as it was, and a file changed since is
    still seen."""
    root, out = tmp_path / "show", tmp_path / "show" / "public"
    (out / "x y").mkdir(parents=True)
    (root / ".mediafeed").mkdir()
    names = ["index.html", "a\nb.mp3", os.fsdecode(b"caf\xe9.mp3"), "x y/\u00fc.html"]
    for number, name in enumerate(names):
        (out / name).write_bytes(b"x" * number)
    pending = fastpath.prepare(root, out, False, names, {"episodes": 1, "written": names}, [], None)
    assert pending is not None
    pending.save()
    replayed = fastpath.check(root, out, False)
    assert replayed is not None and replayed["unchanged"] == replayed["kept"] == len(names)
    assert replayed["episodes"] == 1 and replayed["written"] == []
    os.utime(out / names[2], ns=(0, (out / names[2]).stat().st_mtime_ns + 1))
    assert fastpath.check(root, out, False) is None


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


# -- after `mediafeed publish`, which builds without recording published.json until its feed is live ---------------

class _During:
    """A publish's transfer that calls ``act`` as the first file of ``phase`` is about to go up (the show edited, or
    Ctrl-C, while a publish uploads)."""

    def __init__(self, phase: str, act) -> None:
        self.phase, self.act, self.done = phase, act, False

    def start(self, total: int) -> None: ...
    def advance(self, nbytes: int) -> None: ...
    def end(self, upload) -> None: ...

    def begin(self, upload) -> None:
        if upload.phase == self.phase and not self.done:
            self.done = True
            self.act()


def _publishing(show: Path, tmp_path: Path) -> None:
    from test_qa_publish import directory_target

    directory_target(show, tmp_path / "www")


def test_a_build_after_a_publish_with_nothing_changed_is_up_to_date(show: Path, tmp_path: Path) -> None:
    """publish stopped saving the stamp when it stopped writing published.json during its build: the next build ran
    the incremental path once (36 files of the show opened, not 11)."""
    from mediafeed.publish import publish

    _publishing(show, tmp_path)
    first = publish(show, notify=False)
    assert first.built and not first.ledger_updated  # the sample show's published.json already records every episode
    report = _build(show)
    assert report.get("up_to_date") is True and report["kept"] == report["unchanged"]
    notes = show / "episodes/003-capabilities-framework/episode.md"
    notes.write_text(notes.read_text().replace("Three levels", "Three tiers"))
    publish(show, notify=False, dry_run=True)  # a dry run builds as well: with published.json as it is, that is true
    assert _build(show).get("up_to_date") is True
    assert "Three tiers" in (show / "public/episodes/003-capabilities-framework/index.html").read_text()


def test_a_publish_that_records_a_new_episode_saves_the_stamp_once_its_feed_is_live(show: Path, tmp_path: Path) -> None:
    from helpers import add_episode
    from test_qa_publish import NEW

    from mediafeed.publish import publish

    _publishing(show, tmp_path)
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    ledger = (show / "published.json").read_bytes()
    publish(show, notify=False, dry_run=True)
    assert (show / "published.json").read_bytes() == ledger
    after_dry_run = _build(show)  # a build records the new episode: the dry run's build was not what a build does
    assert not after_dry_run.get("up_to_date") and after_dry_run["ledger_updated"] is True
    (show / "published.json").write_bytes(ledger)
    assert publish(show, notify=False).ledger_updated is True
    assert _build(show).get("up_to_date") is True


def test_a_publish_stopped_before_its_feed_went_up_leaves_no_stamp(show: Path, tmp_path: Path) -> None:
    """Its build did not record the new episode in published.json: the next build must, so it cannot be skipped."""
    from helpers import add_episode
    from test_qa_publish import NEW

    from mediafeed.publish import publish

    _publishing(show, tmp_path)
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")

    def interrupt() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish(show, notify=False, transfer=_During("feeds", interrupt))
    assert "006-new" not in (show / "published.json").read_text()
    report = _build(show)
    assert not report.get("up_to_date") and report["ledger_updated"] is True
    assert "006-new" in (show / "published.json").read_text()


@pytest.mark.parametrize("edited", ["show.yml", "episode.md"])
def test_an_edit_made_while_a_publish_uploads_is_built_by_the_next_build(show: Path, tmp_path: Path, edited: str) -> None:
    """The stamp is saved once the feed is live, well after the build: what changed meanwhile is not taken as built."""
    from mediafeed.publish import publish

    _publishing(show, tmp_path)
    path = show / ("show.yml" if edited == "show.yml" else "episodes/003-capabilities-framework/episode.md")
    old, new = ("title: Safe to Say", "title: Safe to Say Again") if edited == "show.yml" else ("Three levels", "Three tiers")
    assert old in path.read_text()
    (show / "published.json").unlink()  # the publish records every episode: its stamp is saved after the upload

    def edit() -> None:
        path.write_text(path.read_text().replace(old, new, 1))

    assert publish(show, notify=False, transfer=_During("pages", edit)).ledger_updated is True
    report = _build(show)
    assert not report.get("up_to_date") and report["rendered"] > 0
    page = "index.html" if edited == "show.yml" else "episodes/003-capabilities-framework/index.html"
    assert new.split(": ")[-1] in (show / "public" / page).read_text()


def _write_over(path: Path, data: bytes) -> None:
    """Write ``data`` over the file in place and restore its mtime, as ``cp -p``, ``rsync --inplace -t`` or an editor
    that keeps the file's date do: the same size gives the same size, mtime and inode; only the ctime changes."""
    before = path.stat()
    assert len(data) == before.st_size and data != path.read_bytes()
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)


@pytest.mark.parametrize("how", ["shortcut", "tagged copy", "tag_on_build: false"])
def test_a_master_written_over_at_its_size_and_mtime_is_published_anew(show: Path, how: str) -> None:
    """Before, a re-exported master of the same size whose mtime was kept was "Nothing changed" (the shortcut's stamp
    had no ctime), and without a stamp the build published the old tagged copy (its name hashed size, mtime and inode),
    or with tag_on_build off kept the old copy in the site (same size and mtime): the old audio under a new probe."""
    import subprocess

    from mediafeed.audio import payload_digest

    if how == "tag_on_build: false":
        (show / "show.yml").write_text((show / "show.yml").read_text() + "tag_on_build: false\n")
    master = show / "episodes/000-trailer/safe-to-say-trailer.mp3"
    published = show / "public/episodes/000-trailer/safe-to-say-trailer.mp3"
    # The episode exported twice, the second time quieter: a CBR MP3 of the same length has the same size.
    exports = [show.parent / f"export-{n}.mp3" for n in (1, 2)]
    for export, volume in zip(exports, ("0.5", "0.25"), strict=True):
        subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-i", str(master), "-map", "0:a", "-af",
                        f"volume={volume}", "-c:a", "libmp3lame", "-b:a", "16k", str(export)], check=True)
    master.write_bytes(exports[0].read_bytes())
    _build(show)
    assert fastpath.check(show, show / "public", False) is not None  # the stamp holds while nothing changed
    old = payload_digest(master, "mp3")
    assert payload_digest(published, "mp3") == old
    _write_over(master, exports[1].read_bytes())
    new = payload_digest(master, "mp3")
    assert new != old
    if how != "shortcut":
        for stamp in (show / ".mediafeed").glob("stamp-*.json"):
            stamp.unlink()
    else:
        assert fastpath.check(show, show / "public", False) is None
    report = _build(show)
    assert not report.get("up_to_date")
    assert payload_digest(published, "mp3") == new
    if how == "tag_on_build: false":
        assert published.read_bytes() == master.read_bytes()


def _png_of_size(image: object, size: int) -> bytes:
    """``image`` as PNG bytes padded to exactly ``size`` bytes with a tEXt chunk (two different pictures, one size)."""
    import io
    import struct
    import zlib

    out = io.BytesIO()
    image.save(out, "PNG")  # type: ignore[attr-defined]
    data = out.getvalue()
    body = b"Comment\0" + b"x" * (size - len(data) - 12 - 8)
    assert len(body) >= 8, "pick a larger size"
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(">I", zlib.crc32(b"tEXt" + body))
    padded = data[:-12] + chunk + data[-12:]  # before IEND
    assert len(padded) == size
    return padded


def test_show_artwork_written_over_at_its_size_and_mtime_is_embedded_anew(show: Path) -> None:
    """The tagged copy's name was remembered under the show artwork's size, mtime and inode (tagging.identity, no
    ctime): new artwork of the same size written over the old in place with its mtime kept (``cp -p``, ``rsync
    --inplace -t``) was found under the old name, and every episode went on embedding the old cover. The artwork's
    identity now has the ctime, as the media's has (probes.media_identity)."""
    import io
    import subprocess
    import sys

    from helpers import ROOT
    from mutagen.id3 import ID3
    from PIL import Image, ImageOps

    artwork = show / "artwork.png"
    picture = Image.open(io.BytesIO(artwork.read_bytes())).convert("RGB")
    size = len(artwork.read_bytes()) * 2
    old, new = _png_of_size(picture, size), _png_of_size(ImageOps.invert(picture), size)
    artwork.write_bytes(old)

    def build() -> None:
        done = subprocess.run([sys.executable, "-m", "mediafeed", "build", "--show", str(show)], capture_output=True,
                              text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, done.stdout + done.stderr

    def covers() -> set[bytes]:
        return {ID3(path).getall("APIC")[0].data for path in (show / "public/episodes").glob("*/*.mp3")
                if ID3(path).getall("APIC")}

    build()
    assert covers() == {old}
    _write_over(artwork, new)
    for stamp in (show / ".mediafeed").glob("stamp-*.json"):
        stamp.unlink()  # the shortcut's stamp is another test's: this one is the tagged copy's name
    build()
    assert covers() == {new}  # was {old}: the old cover, under the new artwork's feed and pages
