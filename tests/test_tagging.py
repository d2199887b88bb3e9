"""Tagging: every format reads back in mutagen and ffprobe, the audio never changes, nothing is ever half-written."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import add_episode
from lxml import etree
from media_fixtures import GOOD, TAGGABLE, build_fixtures
from mutagen import File as MutagenFile
from mutagen.id3 import ID3

from mediafeed import audio
from mediafeed.audio import Cover, TagChapter, Tags, tagger
from mediafeed.audio.tags import load_tags, read_state
from mediafeed.build import build
from mediafeed.cli import main
from mediafeed.errors import MediaError
from mediafeed.tagging import tag_sources

ART = (Path(__file__).resolve().parent.parent / "artwork.png").read_bytes()
WANTED = Tags(
    title="Ünïcode — what practitioners need", artist="Safe to Say team", album_artist="Safe to Say team",
    album="Safe to Say", track=3, disc=1, date="2026-02-16", genre="Podcast", comment="A short summary.",
    description="Full notes.\nSecond line.", podcast=True, guid="5c6c255d-36b2-45da-ab07-e62a01932dcf",
    feed_url="https://podcast.example.org/safe-to-say/feed.xml", cover=Cover("image/png", ART),
    chapters=(TagChapter(0, "The question"), TagChapter(1500, "The framework", url="https://example.org/framework"),
              TagChapter(3250, "Safety = first; always")),
    id3_version="2.3",
)


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixtures(tmp_path_factory.mktemp("media"))


@pytest.fixture
def copy_of(fixtures: Path, tmp_path: Path):
    def factory(name: str) -> Path:
        target = tmp_path / name
        shutil.copyfile(fixtures / name, target)
        return target

    return factory


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def decoded_md5(path: Path) -> str:
    """ffmpeg decodes the first audio stream to PCM: an independent check that the sound is unchanged."""
    out = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a:0", "-f", "md5", "-"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def ffprobe(path: Path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-show_format", "-show_streams", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def ffprobe_tags(data: dict) -> dict[str, str]:
    tags = {k.lower(): v for k, v in data["format"].get("tags", {}).items()}
    for stream in data["streams"]:  # Ogg keeps its comments on the stream
        tags.update({k.lower(): v for k, v in stream.get("tags", {}).items()})
    return tags


@pytest.mark.parametrize("name", TAGGABLE)
def test_every_format_is_tagged_and_reads_back_in_mutagen_and_ffprobe(copy_of, fixtures: Path, name: str) -> None:
    path = copy_of(name)
    kind = GOOD[name][0]
    payload_before, sound_before = audio.payload_digest(path, kind), decoded_md5(path)
    if name == "lead-zeros.mp3":  # the copy leaves the zeros out, and ffmpeg then reads the LAME header's encoder delay
        sound_before = decoded_md5(fixtures / "bare.mp3")  # and trims it, as for the frames alone (132,300 samples)
    result = audio.tag(path, WANTED, rel=name)
    assert result.written and result.changes and not result.notes
    # mutagen (through mediafeed's reader) reads back every tag
    media = audio.probe(path, name)
    assert media.tags["title"] == WANTED.title and media.tags["album"] == "Safe to Say"
    assert media.tags["artist"] == "Safe to Say team" and media.tags["track"] == "3" and media.tags["disc"] == "1"
    assert media.tags["album_artist"] == "Safe to Say team"
    assert media.tags["date"] == "2026-02-16" and media.tags["genre"] == "Podcast" and media.tags["podcast"] == "yes"
    assert media.tags["guid"] == WANTED.guid and media.tags["feed_url"] == WANTED.feed_url
    assert media.tags["comment"] == "A short summary." and media.tags["description"] == WANTED.description
    assert media.has_cover
    assert [(round(c.start, 3), c.title) for c in media.chapters] == [(0, "The question"), (1.5, "The framework"),
                                                                      (3.25, "Safety = first; always")]
    # ffprobe, a second reader, agrees
    data = ffprobe(path)
    tags = ffprobe_tags(data)
    assert tags["title"] == WANTED.title and tags["album"] == "Safe to Say" and tags["artist"] == "Safe to Say team"
    assert tags["genre"] == "Podcast" and tags["date"].startswith("2026")
    assert tags["album_artist"] == "Safe to Say team"  # TPE2, aART, ALBUMARTIST: the key ffmpeg reads as album artist
    chapters = sorted((float(c["start_time"]), c["tags"]["title"]) for c in data["chapters"])
    assert chapters == [(0.0, "The question"), (1.5, "The framework"), (3.25, "Safety = first; always")]
    # only the tags changed: the payload hash, and the decoded sound, are the same
    assert audio.payload_digest(path, kind) == payload_before
    assert decoded_md5(path) == sound_before


def test_quicktime_keyed_metadata_gets_the_new_title_ffmpeg_reads(copy_of, fixtures: Path, show: Path) -> None:
    """An M4A whose metadata is QuickTime's keyed kind (a 'keys' box naming the ilst's items by index, as Apple's tools
    and ffmpeg -movflags use_metadata_tags write it) read back as tagged in mutagen (©nam), while ffprobe and
    ffmpeg-based players still showed the old title: ffmpeg reads the keyed 'title' after ©nam."""
    path = copy_of("keyed-metadata.m4a")
    assert ffprobe_tags(ffprobe(path))["title"] == "Voice memo"
    media = audio.probe(path, "keyed-metadata.m4a")
    assert media.tags["title"] == "Voice memo" and media.tags["comment"] == "Old comment"  # add takes its title from it
    result = audio.tag(path, replace(WANTED, chapters=None), rel="keyed-metadata.m4a")
    assert ("title", "Voice memo", WANTED.title) in {(c.field, c.old, c.new) for c in result.changes}
    tags = ffprobe_tags(ffprobe(path))
    assert (tags["title"], tags["artist"], tags["comment"]) == (WANTED.title, WANTED.artist, WANTED.comment)
    assert tags["custom_key"] == "keep me"  # the producer's own keys are kept
    assert not audio.tag(path, replace(WANTED, chapters=None), rel="keyed-metadata.m4a").written  # and stay tagged
    # the build's copy says so too
    folder = show / "episodes/002-learning-alliances"
    shutil.copyfile(fixtures / "keyed-metadata.m4a", folder / "learning-alliances.m4a")
    (folder / "transcript.vtt").unlink()  # (it runs past the 6 s fixture)
    site = build(show, accept_changes=True).output
    assert ffprobe_tags(ffprobe(site / "episodes/002-learning-alliances/learning-alliances.m4a"))["title"] == \
        "Everyone at One Table"


@pytest.mark.parametrize("name", ["opus.opus", "vorbis.ogg", "lossless.flac"])
@pytest.mark.parametrize("spelling", ["ALBUM ARTIST", "album_artist"])
def test_vorbis_comments_get_albumartist_and_lose_the_other_spellings(copy_of, name: str, spelling: str) -> None:
    """Ogg and FLAC name the album artist ALBUMARTIST (what ffmpeg, mutagen's users and most players read); foobar2000
    and Mp3tag write "ALBUM ARTIST", old ffmpeg "album_artist". A producer's file with one of those kept its old name
    beside the show's author under ALBUMARTIST: two album artists, the stale one first for players that read it."""
    path = copy_of(name)
    before = MutagenFile(path)
    before.tags[spelling] = ["Old Name"]
    before.save()
    assert audio.probe(path, name).tags["album_artist"] == "Old Name"  # read under either spelling
    assert audio.tag(path, WANTED, rel=name).written
    comments = MutagenFile(path).tags
    assert comments["ALBUMARTIST"] == [WANTED.album_artist]
    assert sorted(key.upper() for key in comments.keys() if "ARTIST" in key.upper()) == ["ALBUMARTIST", "ARTIST"]
    assert b"ALBUMARTIST=" + WANTED.album_artist.encode() in path.read_bytes()  # spelt so on disk, not lower-cased
    tags = ffprobe_tags(ffprobe(path))
    assert {k: v for k, v in tags.items() if "album" in k and "artist" in k} == {"album_artist": WANTED.album_artist}
    assert not audio.tag(path, WANTED, rel=name).written  # and the next run finds nothing to change


def test_mp3_is_id3v23_with_podcast_frames_cover_and_chapters_at_the_right_times(copy_of) -> None:
    path = copy_of("vbr-xing.mp3")
    audio.tag(path, WANTED, rel="x.mp3")
    tags = ID3(path)
    assert tags.version[:2] == (2, 3)
    assert tags.getall("PCST") and str(tags["TGID"]) == WANTED.guid and str(tags["TDES"]) == WANTED.description
    raw = path.read_bytes()
    assert b"WFED" in raw and b"\x00" + WANTED.feed_url.encode() in raw  # a text frame: encoding byte, then the URL
    cover = tags.getall("APIC")[0]
    assert cover.type == 3 and cover.mime == "image/png" and cover.data == ART
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [(c.start_time, c.end_time) for c in chaps] == [(0, 1500), (1500, 3250), (3250, 20000)]  # LAME gapless length
    assert chaps[1].sub_frames.getall("WXXX")[0].url == "https://example.org/framework"
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == [c.element_id for c in chaps] and toc.flags & 3 == 3  # top level, ordered


def test_mp3_keeps_the_producers_other_frames_and_updates_an_existing_id3v1_tag(copy_of) -> None:
    path = copy_of("id3v24.mp3")
    audio.tag(path, WANTED, rel="x.mp3")
    assert str(ID3(path)["TPUB"]) == "Keep Me Records"
    path = copy_of("id3v1-only.mp3")
    audio.tag(path, WANTED, rel="x.mp3")
    v1 = path.read_bytes()[-128:]
    assert v1[:3] == b"TAG" and v1[3:33].decode("latin-1").startswith("Ünïcode")  # updated, in Latin-1


def test_m4a_atoms(copy_of) -> None:
    path = copy_of("aac.m4a")
    audio.tag(path, WANTED, rel="x.m4a")
    tags = MutagenFile(path).tags
    assert tags["pcst"] and tags["egid"] == [WANTED.guid] and tags["purl"] == [WANTED.feed_url]
    assert tags["trkn"] == [(3, 0)] and tags["disk"] == [(1, 0)] and bytes(tags["covr"][0]) == ART
    assert tags["desc"] == ["A short summary."] and tags["ldes"] == [WANTED.description]


@pytest.mark.parametrize("name", TAGGABLE)
def test_tagging_again_with_the_same_metadata_changes_no_byte(copy_of, name: str) -> None:
    path = copy_of(name)
    audio.tag(path, WANTED, rel=name)
    digest, mtime = sha(path), path.stat().st_mtime_ns
    again = audio.tag(path, WANTED, rel=name)
    assert not again.written and again.changes == []
    assert sha(path) == digest and path.stat().st_mtime_ns == mtime


def test_dry_run_lists_each_change_and_writes_nothing(copy_of) -> None:
    path = copy_of("id3v23.mp3")
    before = sha(path)
    result = audio.tag(path, WANTED, rel="x.mp3", dry_run=True)
    assert not result.written and sha(path) == before
    changes = {c.field: c for c in result.changes}
    assert changes["title"].old == "Old v2.3 title" and changes["title"].new == WANTED.title
    assert changes["artist"].old == "Producer"
    assert "id3_version" not in changes  # already ID3v2.3
    assert "00:00:01.500 The framework <https://example.org/framework>" in changes["chapters"].new


def test_empty_texts_are_not_written(copy_of) -> None:
    from dataclasses import replace

    path = copy_of("vbr-xing.mp3")
    result = audio.tag(path, replace(WANTED, comment="", description=""), rel="x.mp3")
    assert result.written and not {"comment", "description"} & {c.field for c in result.changes}


def test_m4a_chapters_without_ffmpeg_are_reported_not_silently_dropped(copy_of) -> None:
    path = copy_of("aac.m4a")
    result = audio.tag(path, WANTED, rel="x.m4a", ffmpeg="")
    assert result.written
    assert result.notes == ["M4A/MP4 chapters are not written: ffmpeg was not found on PATH (install ffmpeg to write them)"]
    assert "chapters" not in {c.field for c in result.changes}
    assert audio.probe(path, "x.m4a").chapters == ()


# -- safety ------------------------------------------------------------------------------------------------

def _fail(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


#: the steps of tag_copy on disk: an MP3's new tag is written by id3write, then its audio copied by os.sendfile
#: (mutagen's copy-and-save is taken only when that copy does not verify); an M4A is copied, then saved by mutagen
_STEPS = {"mp3": ("id3write.new_tag", "os.sendfile", "_flush", "_verify", "os.replace"),
          "m4a": ("shutil.copyfile", "_remux_with_chapters", "_write_tags", "_flush", "_verify", "os.replace")}


@pytest.mark.parametrize("name, step", [(name, step) for name in ("vbr-xing.mp3", "aac.m4a")
                                        for step in _STEPS[name.rsplit(".", 1)[1]]])
def test_a_failure_at_any_step_leaves_the_original_intact_and_no_temp_file(copy_of, monkeypatch: pytest.MonkeyPatch,
                                                                           step: str, name: str) -> None:
    path = copy_of(name)
    before = sha(path)
    if "." in step:
        module, attr = step.split(".")
        monkeypatch.setattr(getattr(tagger, module), attr, _fail)
    else:
        monkeypatch.setattr(tagger, step, _fail)
    try:
        audio.tag(path, WANTED, rel=name)
    except MediaError as exc:  # (an OSError naming no file before) a full disk, said as such
        assert [p.code for p in exc.problems] == ["TAG007"]
    assert sha(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [name]


def _damage(target: Path) -> None:
    data = bytearray(target.read_bytes())
    data[-500] ^= 0xFF  # one bit of sound
    target.write_bytes(bytes(data))


def test_tagging_that_would_change_the_audio_is_refused(copy_of, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ways of writing the copy are checked: id3write's (its copy refused, mutagen makes it again) and
    mutagen's (refused: TAG002)."""
    path = copy_of("vbr-xing.mp3")
    before = sha(path)
    real_write, real_direct = tagger._write_tags, tagger._direct_copy
    damaged = []

    def write_and_damage(target: Path, *args: object) -> None:
        real_write(target, *args)
        _damage(target)
        damaged.append("mutagen")

    def direct_and_damage(source: Path, target: Path, *args: object) -> bool:
        assert real_direct(source, target, *args)  # type: ignore[arg-type]
        _damage(target)
        damaged.append("id3write")
        return True

    monkeypatch.setattr(tagger, "_write_tags", write_and_damage)
    monkeypatch.setattr(tagger, "_direct_copy", direct_and_damage)
    with pytest.raises(MediaError) as info:
        audio.tag(path, WANTED, rel="x.mp3")
    assert info.value.problems[0].code == "TAG002" and damaged == ["id3write", "mutagen"]
    assert sha(path) == before and sorted(p.name for p in path.parent.iterdir()) == ["vbr-xing.mp3"]


def test_a_direct_copy_that_does_not_verify_is_made_again_by_mutagen(copy_of, monkeypatch: pytest.MonkeyPatch) -> None:
    """An MP3 on disk is tagged by id3write's tag and a kernel copy of its audio; a copy of those that fails
    verification is made again by mutagen's copy-and-save, and that one is published."""
    path = copy_of("vbr-xing.mp3")
    expected = path.with_name("expected.mp3")  # mutagen's own bytes, for comparison
    wanted = tagger._complete(tagger.for_format(WANTED, "mp3"), "mp3", audio.probe(path, "x.mp3").duration)
    tagger._copy_and_tag(path, expected, "mp3", wanted, None, path.stat().st_size, False, "", 0.0, "x.mp3")
    real_direct = tagger._direct_copy

    def direct_and_damage(source: Path, target: Path, *args: object) -> bool:
        assert real_direct(source, target, *args)  # type: ignore[arg-type]
        _damage(target)
        return True

    monkeypatch.setattr(tagger, "_direct_copy", direct_and_damage)
    assert audio.tag(path, WANTED, rel="x.mp3").written
    assert path.read_bytes() == expected.read_bytes()


KILLER = """
import os, sys, time
from pathlib import Path
from mediafeed.audio import tagger
from test_tagging import WANTED
step = sys.argv[2]
real = getattr(tagger, step)
def pause(*args, **kwargs):
    result = real(*args, **kwargs)
    if step == "_direct_copy":
        # stop half-way through writing the tagged copy
        target = Path(args[1])
        data = target.read_bytes()
        with open(target, "r+b") as handle:
            handle.truncate(len(data) // 2)
    print("paused", flush=True)
    time.sleep(60)
    return result
setattr(tagger, step, pause)
tagger.tag(Path(sys.argv[1]), WANTED, rel="x.mp3")
"""


@pytest.mark.parametrize("step", ["_direct_copy", "_flush", "_verify", "_sync_folder"])
def test_killing_the_tagger_mid_write_leaves_the_original_or_the_new_file_never_a_broken_one(copy_of, step: str) -> None:
    path = copy_of("vbr-xing.mp3")
    before = sha(path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(path), step], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "paused"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if step == "_sync_folder":  # killed after the rename: the new file, complete
        assert sha(path) != before
        assert audio.probe(path, "x.mp3").tags["title"] == WANTED.title
    else:
        assert sha(path) == before
    leftovers = [p for p in path.parent.iterdir() if p != path]
    assert all(p.name.startswith(".vbr-xing.mp3.") for p in leftovers)  # at most a hidden temp file


# -- build and command -------------------------------------------------------------------------------------

def _masters(show: Path) -> list[Path]:
    return sorted(p for p in (show / "episodes").glob("*/*") if p.suffix in (".mp3", ".m4a"))


def test_build_tags_the_published_copy_and_leaves_the_master_untouched(show: Path) -> None:
    masters = {p: sha(p) for p in _masters(show)}
    report = build(show)
    assert {sha(p) for p in masters} == set(masters.values())
    assert sorted(report.tagged) == sorted(str(p.relative_to(show)) for p in masters)
    site = report.output
    published = site / "episodes/003-capabilities-framework/capabilities-framework.mp3"
    tags = ID3(published)
    assert str(tags["TIT2"]) == "What Practitioners Need to Know" and str(tags["TGID"]) == "5c6c255d-36b2-45da-ab07-e62a01932dcf"
    assert [c.start_time for c in sorted(tags.getall("CHAP"), key=lambda c: c.start_time)] == [0, 7000, 15000]
    feed = (site / "feed.xml").read_text()
    assert f'length="{published.stat().st_size}"' in feed
    m4a = site / "episodes/002-learning-alliances/learning-alliances.m4a"
    assert MutagenFile(m4a).tags["\xa9nam"] == ["Everyone at One Table"]
    assert audio.payload_digest(m4a, "mp4") == audio.payload_digest(show / "episodes/002-learning-alliances/learning-alliances.m4a", "mp4")


@pytest.mark.parametrize("date, day", [("2026-07-15T00:30:00+01:00", "2026-07-15"),   # London, summer time
                                       ("2026-01-15T21:00:00-05:00", "2026-01-15")])  # New York, winter
def test_the_audio_files_date_is_the_day_the_feed_and_the_page_give(show: Path, date: str, day: str) -> None:
    """An episode published half an hour after midnight in London's summer time (23:30 UTC the day before) was tagged
    with the UTC day, 2026-07-14, while its pubDate and its page said 15 July."""
    add_episode(show, "006-summer", f"title: Summer\ndate: {date}\nguid: 6c1f4a52-0d0e-4b8e-9a7e-1b2c3d4e5f61\n"
                "audio: audio.mp3\n")
    site = build(show, now=datetime.fromisoformat("2027-01-01T00:00:00+00:00"), accept_changes=True).output
    assert str(ID3(site / "episodes/006-summer/audio.mp3")["TDRC"]) == day
    pub_date = etree.fromstring((site / "feed.xml").read_bytes()).xpath("//item[title='Summer']/pubDate")[0].text
    assert parsedate_to_datetime(pub_date).date().isoformat() == day
    page = (site / "episodes/006-summer/index.html").read_text(encoding="utf-8")
    assert f'<time datetime="{date}">{int(day[-2:])} ' in page


def test_rebuild_retags_only_the_episode_that_changed(show: Path) -> None:
    build(show)
    md = show / "episodes/005-european-review/episode.md"
    md.write_text(md.read_text().replace("Sixty Evaluations, One Lesson", "Sixty Studies, One Lesson"))
    report = build(show)
    assert report.tagged == ["episodes/005-european-review/european-review.mp3"]
    published = report.output / "episodes/005-european-review/european-review.mp3"
    assert str(ID3(published)["TIT2"]) == "Sixty Studies, One Lesson"
    assert "episodes/005-european-review/european-review.mp3" in report.written
    assert not [w for w in report.written if w.endswith((".mp3", ".m4a")) and "005" not in w]
    stored = list((show / ".mediafeed/tagged").iterdir())
    assert len(stored) == 6  # the old copy was pruned


def test_the_store_is_one_flat_folder_of_copies_named_by_episode_and_hash(show: Path) -> None:
    """No folder, stamp or marker per episode: the copies' records are in the cache (a cold build makes fewer files)."""
    import re

    build(show)
    names = sorted(p.name for p in (show / ".mediafeed/tagged").iterdir())
    slugs = sorted(p.name for p in (show / "episodes").iterdir() if p.is_dir())
    assert [re.sub(r"-[0-9a-f]{24}\.(mp3|m4a)$", "", name) for name in names] == slugs, names
    assert all((show / ".mediafeed/tagged" / name).is_file() for name in names)


def test_copies_are_trusted_from_the_cache_alone_and_never_when_edited_in_place(show: Path) -> None:
    """The cache is the only record of a copy: without it the copies are made again; with it, an edited copy is
    noticed (TAG012), made again and published whole."""
    import sqlite3

    site = build(show).output
    db = sqlite3.connect(show / ".mediafeed/cache.sqlite")
    assert db.execute("SELECT count(*) FROM tagmade").fetchone()[0] == 6
    db.execute("DELETE FROM tagmade")
    db.commit()
    report = build(show)
    assert sorted(report.tagged) == sorted(str(p.relative_to(show)) for p in _masters(show))
    assert "TAG012" not in {p.code for p in report.problems}  # the cache knew nothing about the copies
    assert db.execute("SELECT count(*) FROM tagmade").fetchone()[0] == 6, "the cache learnt the copies again"
    db.close()
    assert build(show).tagged == []
    rel = "episodes/003-capabilities-framework/capabilities-framework.mp3"
    good = (site / rel).read_bytes()
    [copy] = (show / ".mediafeed/tagged").glob("003-capabilities-framework-*.mp3")
    assert os.stat(copy).st_ino == os.stat(site / rel).st_ino
    with open(copy, "r+b") as handle:  # a published file edited in place (the same inode): size kept
        handle.seek(200)
        handle.write(b"X")
    report = build(show)
    assert report.tagged == [rel]
    assert [p.file for p in report.problems if p.code == "TAG012"] == [copy.relative_to(show).as_posix()]
    assert (site / rel).read_bytes() == good and copy.read_bytes() == good


def test_a_store_in_the_old_layout_is_pruned_and_the_build_goes_on(show: Path) -> None:
    """The previous version kept a folder per episode with `.made` and `.same` files beside each copy."""
    site = build(show).output
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    store = show / ".mediafeed/tagged"
    for copy in sorted(store.iterdir()):  # the layout of mediafeed 0.x: <slug>/<key><ext> + <key><ext>.made
        slug, key = copy.stem[:-25], copy.name[-28:]
        (store / slug).mkdir()
        copy.rename(store / slug / key)
        st = os.stat(store / slug / key)
        (store / slug / f"{key}.made").write_text(f"{st.st_size} {st.st_mtime_ns}\n")
    (store / "001-ipv-and-substance-use" / "0123456789abcdef01234567.same").write_bytes(b"")
    (show / ".mediafeed/cache.sqlite").unlink()  # an older version's cache is never trusted anyway
    report = build(show)
    assert sorted(report.tagged) == sorted(str(p.relative_to(show)) for p in _masters(show))
    assert all(p.is_file() for p in store.iterdir()) and len(list(store.iterdir())) == 6  # old folders gone
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


KILL_MID_COPY = """
import os, sys, time
from pathlib import Path
from mediafeed.audio import tagger
from mediafeed.build import build

def torn_mp3(target, data):  # an MP3 tagged in memory, being written straight into its name: stop half way
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.write(fd, data[: len(data) // 2])
    os.close(fd)
    print(target, flush=True)
    time.sleep(60)

def torn_m4a(path, *args):  # a file tagged on disk: stop half way through writing its tags
    with open(path, "r+b") as handle:
        handle.truncate(os.path.getsize(path) // 2)
    print(path, flush=True)
    time.sleep(60)

if sys.argv[2] == "mp3":
    tagger.write_new = torn_mp3
else:
    tagger._write_tags = torn_m4a
build(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("kind", ["mp3", "m4a"])
def test_a_copy_cut_short_by_a_crash_in_its_final_name_is_made_again(show: Path, kind: str) -> None:
    """A new copy is made straight in its name (no temp file and rename): a crash can leave it cut short
    there, but the cache records a copy only once it is whole, so the next build makes it again."""
    env = {**os.environ, "MEDIAFEED_JOBS": "1"}
    proc = subprocess.Popen([sys.executable, "-c", KILL_MID_COPY, str(show), kind], stdout=subprocess.PIPE, text=True,
                            env=env)
    assert proc.stdout is not None
    torn = Path(proc.stdout.readline().strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    half = torn.stat().st_size
    assert torn.parent == show / ".mediafeed/tagged" and torn.suffix == f".{kind}" and half > 0
    assert not torn.name.startswith(".")  # its final name, not a temp file
    report = build(show)
    slug = torn.name[:-29]
    rel = next(str(p.relative_to(show)) for p in _masters(show) if p.parent.name == slug)
    assert rel in report.tagged and "TAG012" not in {p.code for p in report.problems}
    published = report.output / rel
    assert torn.stat().st_size > half and published.read_bytes() == torn.read_bytes()
    assert os.stat(published).st_ino == os.stat(torn).st_ino
    assert audio.probe(published, rel).tags["title"]
    container = "mp3" if kind == "mp3" else "mp4"
    assert audio.payload_digest(published, container) == audio.payload_digest(show / rel, container)


def test_new_show_artwork_under_the_same_name_retags_every_episode(show: Path) -> None:
    """The tagged copies' names are remembered per episode; the embedded artwork's identity is part of that key."""
    from PIL import Image

    build(show)
    Image.new("RGB", (1400, 1400), (200, 40, 90)).save(show / "artwork.png")
    report = build(show)
    assert sorted(report.tagged) == sorted(str(p.relative_to(show)) for p in _masters(show))
    published = report.output / "episodes/003-capabilities-framework/capabilities-framework.mp3"
    assert ID3(published).getall("APIC")[0].data == (show / "artwork.png").read_bytes()


def test_build_without_tag_on_build_publishes_the_master_as_it_is(show: Path) -> None:
    (show / "show.yml").write_text((show / "show.yml").read_text() + "tag_on_build: false\n")
    report = build(show)
    for master in _masters(show):
        assert sha(report.output / master.relative_to(show)) == sha(master)
    assert report.tagged == []


def test_tag_command_dry_run_then_tag_then_nothing_left(show: Path) -> None:
    runner = CliRunner()
    master = show / "episodes/003-capabilities-framework/capabilities-framework.mp3"
    before = sha(master)
    result = runner.invoke(main, ["tag", "--show", str(show), "--dry-run", "003-capabilities-framework"])
    assert result.exit_code == 0, result.output
    assert "capabilities-framework.mp3: would change" in result.output
    assert "title: (none) → What Practitioners Need to Know" in result.output
    assert sha(master) == before
    result = runner.invoke(main, ["tag", "--show", str(show), "--format", "json"])
    data = json.loads(result.output)
    assert result.exit_code == 0 and data["ok"] and len(data["files"]) == 6 and all(f["written"] for f in data["files"])
    assert sha(master) != before
    report = tag_sources(show, dry_run=True)
    assert all(not r.changes for r in report.results)
    assert build(show).tagged == []  # the masters already say it all: published as they are


def test_tag_command_names_an_unknown_episode(show: Path) -> None:
    result = CliRunner().invoke(main, ["tag", "--show", str(show), "999-nope"])
    assert result.exit_code == 2 and "no episode folder named '999-nope'" in result.output and "Traceback" not in result.output


def test_a_read_only_master_is_not_replaced_and_the_error_says_how_to_tag_it(show: Path) -> None:
    """A producer who made a master read-only (chmod a-w) had it replaced all the same: the tagged copy is renamed over
    it, which asks only the folder's permission (and root writes anywhere)."""
    master = show / "episodes/003-capabilities-framework/capabilities-framework.mp3"
    before = master.read_bytes()
    master.chmod(0o444)
    result = CliRunner().invoke(main, ["tag", "--show", str(show), "003-capabilities-framework"])
    assert result.exit_code == 1, result.output
    assert "capabilities-framework.mp3: audio: the file is read-only (mode -r--r--r--), so its new tags (title, " \
           in result.output and "[TAG006]" in result.output
    assert "chmod u+w 'episodes/003-capabilities-framework/capabilities-framework.mp3'" in result.output
    assert master.read_bytes() == before and master.stat().st_mode & 0o777 == 0o444
    dry = CliRunner().invoke(main, ["tag", "--show", str(show), "--dry-run", "003-capabilities-framework"])
    assert dry.exit_code == 1 and "[TAG006]" in dry.output  # the dry run says what the run will do
    master.chmod(0o644)
    assert CliRunner().invoke(main, ["tag", "--show", str(show), "003-capabilities-framework"]).exit_code == 0
    master.chmod(0o444)  # read-only and already tagged: nothing to write, nothing to refuse
    result = CliRunner().invoke(main, ["tag", "--show", str(show), "003-capabilities-framework"])
    assert result.exit_code == 0 and "capabilities-framework.mp3: unchanged" in result.output


@pytest.mark.parametrize("front_matter", ["date: 2026-01-01\ndate: 2026-01-19T08:00:00+00:00\n", "title: [unclosed\n"],
                         ids=["a-key-twice", "broken-yaml"])
def test_an_episode_whose_front_matter_cannot_be_read_is_named_not_skipped(show: Path, front_matter: str) -> None:
    """Its SRC002 said "episode": "": `tag` (which reports the episodes it could not load by that field) left it out
    without a word, "5 file(s) would change", exit 0, against its documented exit code 1."""
    slug = "001-ipv-and-substance-use"
    episode = show / "episodes" / slug / "episode.md"
    episode.write_text(episode.read_text(encoding="utf-8").replace("---\n", "---\n" + front_matter, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", "--show", str(show), "--dry-run", "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert [(p["code"], p["episode"]) for p in data["problems"]] == [("SRC002", slug)]
    checked = json.loads(CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"]).stdout)
    assert [p["episode"] for p in checked["problems"] if p["code"] == "SRC002"] == [slug]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_a_tagged_master_keeps_its_owner_group_and_mode(show: Path) -> None:
    """A tag run as root (sudo, a container, CI) replaced each master with a copy owned by root: the producer who owns
    the file could no longer edit it. The copy now takes the master's owner and group, then its mode."""
    import pwd

    nobody = pwd.getpwnam("nobody")
    masters = {"003-capabilities-framework": 0o664, "002-learning-alliances": 0o600, "005-european-review": 0o2640}
    for slug, mode in masters.items():
        master = next(p for p in (show / "episodes" / slug).iterdir() if p.suffix in (".mp3", ".m4a"))
        os.chown(master, nobody.pw_uid, nobody.pw_gid)
        master.chmod(mode)
    before = {slug: next(p for p in (show / "episodes" / slug).iterdir() if p.suffix in (".mp3", ".m4a")).stat()
              for slug in masters}
    result = CliRunner().invoke(main, ["tag", "--show", str(show), "--format", "json", *masters])
    assert result.exit_code == 0, result.output
    assert all(f["written"] for f in json.loads(result.stdout)["files"])
    for slug, mode in masters.items():
        master = next(p for p in (show / "episodes" / slug).iterdir() if p.suffix in (".mp3", ".m4a"))
        st = master.stat()
        assert st.st_ino != before[slug].st_ino  # replaced (a new file), as a tag run replaces it
        assert (st.st_uid, st.st_gid) == (nobody.pw_uid, nobody.pw_gid), slug  # was root:root
        assert st.st_mode & 0o7777 == mode, (slug, oct(st.st_mode))  # the set-group-ID bit too (a chown clears it)


@pytest.mark.parametrize("ignored", [False, True])
def test_a_summary_the_build_refuses_as_too_long_is_not_written_into_the_file(show: Path, ignored: bool) -> None:
    """`mediafeed tag` wrote a 5,000-byte summary into the master's comment tags, which the build then refused (EP114)."""
    episode = show / "episodes/003-capabilities-framework/episode.md"
    text = episode.read_text(encoding="utf-8")
    start = text.index("summary: >-")
    end = text.index("\n", text.index("violence while", start))
    episode.write_text(text[:start] + "summary: " + "Café au lait. " * 360 + text[end:], encoding="utf-8")
    if ignored:  # a show that leaves EP114 out builds with it, so tagging writes it
        config = show / "show.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("ignore: [MED020]", "ignore: [MED020, EP114]"),
                          encoding="utf-8")
    master = show / "episodes/003-capabilities-framework/capabilities-framework.mp3"
    before = master.read_bytes()
    result = CliRunner().invoke(main, ["tag", "--show", str(show), "--format", "json"])
    data = json.loads(result.output)
    tagged = {f["file"].split("/")[1] for f in data["files"] if f["written"]}
    if ignored:
        assert result.exit_code == 0 and "003-capabilities-framework" in tagged
        assert str(ID3(master).getall("COMM")[0]).startswith("Café au lait.")
        return
    assert result.exit_code == 1 and master.read_bytes() == before
    [problem] = data["problems"]
    assert (problem["code"], problem["file"], problem["field"]) == ("EP114", "episodes/003-capabilities-framework/episode.md",
                                                                   "summary")
    assert problem["message"].startswith("the summary is 5,399 bytes; the limit is 4,000") and "one or two sentences" in problem["hint"]
    assert len(tagged) == 5 and "003-capabilities-framework" not in tagged  # the others are tagged


def test_a_master_replaced_while_it_is_tagged_keeps_the_new_file(copy_of, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor's new export renamed over the master while `mediafeed tag` worked on the old one (same length, as a
    re-cut CBR file of the same duration has, and the old mtime, as `cp -p` or `rsync -t` give) was replaced by the
    tagged copy of the old one: the new export was lost. The file's inode is compared too now."""
    path = copy_of("cbr-info.mp3")
    old = path.stat()
    new = bytearray(path.read_bytes())
    new[len(new) // 2] ^= 0x55  # another cut of the same length
    real = tagger._verify

    def verify(*args, **kwargs):  # type: ignore[no-untyped-def]
        checked = real(*args, **kwargs)
        incoming = path.with_name("export.mp3")
        incoming.write_bytes(bytes(new))
        os.utime(incoming, ns=(old.st_atime_ns, old.st_mtime_ns))
        os.replace(incoming, path)  # the editor's export lands once the copy of the old file is checked
        return checked

    monkeypatch.setattr(tagger, "_verify", verify)
    with pytest.raises(MediaError) as info:
        audio.tag(path, WANTED, rel="cbr-info.mp3")
    assert info.value.problems[0].code == "TAG003"
    assert path.read_bytes() == bytes(new) and sorted(p.name for p in path.parent.iterdir()) == ["cbr-info.mp3"]


def test_a_chapter_change_only_in_where_a_chapter_ends_shows_the_ends(tmp_path: Path) -> None:
    """An export whose last chapter ends before the audio does (ffmpeg writes the end it is given) was listed as
    "chapters: 00:00:00 One; 00:00:02 Two → 00:00:00 One; 00:00:02 Two": a change that looked like none."""
    meta = tmp_path / "chapters.ffmeta"
    meta.write_text(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=2000\ntitle=One\n"
                    "[CHAPTER]\nTIMEBASE=1/1000\nSTART=2000\nEND=2500\ntitle=Two\n")
    path = tmp_path / "chapters.mp3"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "sine=duration=3", "-i", str(meta),
                    "-map", "0", "-map_chapters", "1", "-c:a", "libmp3lame", "-b:a", "32k", str(path)], check=True)
    wanted = Tags(chapters=(TagChapter(0, "One"), TagChapter(2000, "Two")), id3_version="2.3")
    [change] = [c for c in audio.tag(path, wanted, rel="chapters.mp3", dry_run=True).changes if c.field == "chapters"]
    assert change.old == "00:00:00 One (to 00:00:02); 00:00:02 Two (to 00:00:02.500)"
    assert change.new.startswith("00:00:00 One (to 00:00:02); 00:00:02 Two (to 00:00:03") and change.old != change.new


def test_tag_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(main, ["tag", "--help"])
    assert "Example:" in result.output and "mediafeed tag --dry-run" in result.output


@pytest.mark.parametrize("data", [
    "Notes — with “quotes”, emoji 🎙️ and ü".encode("utf-16") + b"\x00\x00rest",  # BOM, terminated, more after
    "plain".encode("utf-16-le") + b"\x00\x00",  # no BOM (a fix-up mutagen reads as little-endian)
    "\u0100\u0200".encode("utf-16-le") + b"\x00\x00",  # zero bytes inside characters, at odd offsets
    "unterminated".encode("utf-16"),
    "odd".encode("utf-16") + b"\x01",  # a dangling byte: mutagen raises, and so do we
    "\ud800".encode("utf-16", "surrogatepass") + b"\x00\x00",  # a lone surrogate
    b"",
])
@pytest.mark.parametrize("encoding", ["utf16", "utf_16_be", "latin1", "utf8"])
def test_fast_id3_text_decoding_matches_mutagens_byte_by_byte_decoder(data: bytes, encoding: str) -> None:
    from mutagen._util import decode_terminated

    from mediafeed.audio.id3text import decode_until_zero

    def outcome(decode):
        try:
            return decode()
        except ValueError as exc:  # UnicodeDecodeError included
            return type(exc)

    assert outcome(lambda: decode_until_zero(data, encoding)) == \
        outcome(lambda: decode_terminated(data, encoding, strict=False))


@pytest.mark.parametrize("name", ["id3v24.mp3", "vbr-xing.mp3", "id3v1-only.mp3"])
def test_the_fast_text_frames_read_a_tagged_file_as_mutagen_does(copy_of, name: str) -> None:
    from mutagen.id3 import Frames

    path = copy_of(name)
    long_notes = "Full notes — “quoted”, ünïcode and 🎙️.\n" * 200  # UTF-16 in ID3v2.3: the slow case
    audio.tag(path, Tags(**{**WANTED.__dict__, "description": long_notes, "comment": long_notes[:500]}), rel="x.mp3")
    fast = ID3(path, known_frames=audio.tags.KNOWN_FRAMES)
    plain = ID3(path, known_frames={**Frames, "WFED": audio.tags.WFED})
    assert sorted(fast.keys()) == sorted(plain.keys())
    assert [repr(fast[k]) for k in sorted(fast.keys())] == [repr(plain[k]) for k in sorted(plain.keys())]
    assert str(fast["TDES"]) == long_notes


def test_addresses_id3_cannot_hold_are_written_as_the_ascii_uri_clients_send(show: Path) -> None:
    """ID3's URL frames are Latin-1: an IRI feed address (an IDN host, a non-ASCII path) is tagged as its URI."""
    config = show / "show.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nfeed_url:" not in text
    config.write_text(text.replace("\nurl:", "\nfeed_url: https://例え.jp/フィード.xml\npodcast_guid: 82f71d59-a1ba-56e5-a889-1449c80b48d3\nurl:", 1), encoding="utf-8")
    report = build(show, accept_changes=True)  # the feed moves from the URL published.json records (LED008)
    published = report.output / "episodes/005-european-review/european-review.mp3"
    uri = b"https://xn--r8jz45g.jp/%E3%83%95%E3%82%A3%E3%83%BC%E3%83%89.xml"
    assert b"\x00" + uri + b"\x00" in published.read_bytes()  # WFED: a text frame (encoding byte, then the URL)
    assert read_state(load_tags(published, "mp3"), "mp3").feed_url == uri.decode()


def _moofs_and_index(path: Path) -> tuple[set[int], list[int]]:
    """Where the file's movie fragments start, and where its random-access index (mfra/tfra) says they do."""
    from mediafeed.audio import mp4

    with open(path, "rb") as handle:
        size = path.stat().st_size
        moofs, indexed = set(), []
        for top in mp4.boxes(handle, 0, size):
            if top.name == b"moof":
                moofs.add(top.start)
            elif top.name == b"mfra":
                for box in mp4.boxes(handle, top.body, top.end):
                    if box.name == b"tfra":
                        handle.seek(box.body)
                        data = handle.read(box.end - box.body)
                        wide, count = data[0] == 1, int.from_bytes(data[12:16], "big")
                        rest = sum(((data[11] >> shift) & 3) + 1 for shift in (4, 2, 0))
                        step = (16 if wide else 8) + rest
                        width = 8 if wide else 4
                        for index in range(count):
                            at = 16 + index * step + width
                            indexed.append(int.from_bytes(data[at:at + width], "big"))
    return moofs, indexed


def frames_md5(path: Path) -> str:
    """Every coded audio and video packet with its timing (ffmpeg's framemd5), the artwork stream left out."""
    out = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a", "-map", "0:V?", "-c", "copy",
                          "-f", "framemd5", "-"], capture_output=True, text=True, check=True)
    return hashlib.sha256("".join(line for line in out.stdout.splitlines() if not line.startswith("#")).encode()).hexdigest()


@pytest.mark.parametrize("name", ["fragmented.m4a", "fragmented-video.mp4"])
def test_a_fragmented_mp4_is_tagged_with_every_fragment_and_its_index_moved_along(copy_of, name: str) -> None:
    """mutagen moves only the first fragment's base offset when moov grows; later fragments and the mfra index
    would point into the wrong bytes (a broken video, seeking to the wrong place) unless mediafeed moves them."""
    path = copy_of(name)
    kind = GOOD[name][0]
    moofs, indexed = _moofs_and_index(path)
    assert len(moofs) >= (1 if name.endswith(".m4a") else 5) and indexed and set(indexed) <= moofs
    payload_before, frames_before, sound_before = audio.payload_digest(path, kind), frames_md5(path), decoded_md5(path)
    result = audio.tag(path, replace(WANTED, chapters=()), rel=name)  # no chapters: tagged by mutagen, not re-muxed
    assert result.written and result.changes
    moved, indexed_after = _moofs_and_index(path)
    assert moved != moofs and set(indexed_after) <= moved and len(indexed_after) == len(indexed)
    assert audio.payload_digest(path, kind) == payload_before
    assert frames_md5(path) == frames_before and decoded_md5(path) == sound_before
    media = audio.probe(path, name)
    assert media.tags["title"] == WANTED.title and media.has_cover
    assert abs(media.duration - float(ffprobe(path)["format"]["duration"])) < 0.1


def test_an_id3v22_tag_is_read_and_rewritten_as_v23_keeping_the_producers_frames(copy_of) -> None:
    """Old iTunes wrote ID3v2.2 (TT2, TP1…). Its frames are upgraded, not dropped as unknown ones."""
    path = copy_of("id3v22.mp3")
    media = audio.probe(path, "id3v22.mp3")
    assert media.tags["title"] == "Old v2.2 title" and media.tags["artist"] == "Someone"
    sound = decoded_md5(path)
    result = audio.tag(path, Tags(title="New title", comment="A summary."), rel="id3v22.mp3")
    assert result.written and not result.notes  # nothing dropped
    tags = ID3(path)
    assert tags.version == (2, 3, 0)
    assert str(tags["TIT2"]) == "New title" and str(tags["TPE1"]) == "Someone" and str(tags["TALB"]) == "Old album"
    assert decoded_md5(path) == sound


def test_a_file_without_chapters_says_none_as_every_other_tag_does(show: Path) -> None:
    """`tag --dry-run` said "title: (none) → …" for a tag the file lacks but "chapters: none → …", and its JSON gave
    "" for an absent tag but "none" for absent chapters (a chapter titled "none" read the same)."""
    folder = add_episode(show, "006-chaptered", "title: Chaptered\ndate: 2026-04-01T08:00:00+00:00\n"
                                                 "guid: 6d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0042\naudio: audio.mp3\n", seconds=4.0)
    (folder / "chapters.txt").write_text("00:00:00 One\n00:00:02 Two\n", encoding="utf-8")
    text = CliRunner().invoke(main, ["tag", "--show", str(show), "--dry-run", "006-chaptered"])
    assert "  chapters: (none) → 00:00:00 One; 00:00:02 Two" in text.output, text.output
    data = json.loads(CliRunner().invoke(main, ["tag", "--show", str(show), "--dry-run", "006-chaptered",
                                                "--format", "json"]).stdout)
    changes = [c for f in data["files"] for c in f["changes"] if c["field"] == "chapters"]
    assert changes == [{"field": "chapters", "old": "", "new": "00:00:00 One; 00:00:02 Two"}]
