"""Issue #3 follow-up: tagging never changes a published file's length by accident.

Apple's player loops on a file that changed length at the same URL. The build pads each tagged copy to
the length it was published with (``published.json``), warns with LED007 when new tags no longer fit,
hard-links the copies into the site without ever letting an edit there corrupt them, and ``mediafeed tag``
cleans up the temp files an interrupted run left.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from media_fixtures import TAGGABLE, build_fixtures
from mutagen import File as MutagenFile
from mutagen.id3 import ID3

from mediafeed import audio
from mediafeed.audio import Tags
from mediafeed.audio.tagger import BLOCK, MIN_FREE, STALE_AFTER
from mediafeed.build import BuildFailed, build
from mediafeed.cli import main
from mediafeed.ledger import LEDGER_FILE
from mediafeed.tagging import tag_sources

MP3 = "episodes/003-capabilities-framework/capabilities-framework.mp3"
M4A = "episodes/002-learning-alliances/learning-alliances.m4a"
GUIDS = {MP3: "5c6c255d-36b2-45da-ab07-e62a01932dcf", M4A: "02b4bc83-dfb9-4fdf-84a9-4d5f7f6e5242"}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _feed_length(site: Path, rel: str) -> int:
    feed = (site / "feed.xml").read_text()
    found = re.search(r'<enclosure url="[^"]*/' + re.escape(rel) + r'" length="(\d+)"', feed)
    assert found, rel
    return int(found.group(1))


def _ledger_length(show: Path, rel: str) -> int:
    return json.loads((show / LEDGER_FILE).read_text())["episodes"][GUIDS[rel]]["length"]


def _store_copy(show: Path, rel: str) -> Path:
    slug = rel.split("/")[1]
    [copy] = (show / ".mediafeed/tagged").glob(f"{slug}-{'[0-9a-f]' * 24}{Path(rel).suffix}")
    return copy


# -- the padding itself ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixtures(tmp_path_factory.mktemp("media"))


def test_a_tagged_file_is_a_whole_number_of_blocks_with_room_to_spare() -> None:
    assert audio.padded_size(1) == BLOCK
    assert audio.padded_size(BLOCK - MIN_FREE) == BLOCK
    assert audio.padded_size(BLOCK - MIN_FREE + 1) == 2 * BLOCK
    assert audio.padded_size(5000, length=9000) == 9000  # the published length, when the tags fit
    assert audio.padded_size(9001, length=9000) == 2 * BLOCK  # else the next block


@pytest.mark.parametrize("name", TAGGABLE)
def test_every_format_keeps_its_published_length_when_the_title_changes(fixtures: Path, tmp_path: Path, name: str) -> None:
    source = fixtures / name
    first, second, grown = tmp_path / f"first-{name}", tmp_path / f"second-{name}", tmp_path / f"grown-{name}"
    audio.tag_copy(source, first, Tags(title="Hello", description="Short notes."), rel=name)
    length = first.stat().st_size
    assert length % BLOCK == 0
    result = audio.tag_copy(source, second, Tags(title="Hello, with a much longer title", description="Longer notes. " * 80),
                            rel=name, length=length)
    assert result.written and second.stat().st_size == length == result.size
    assert audio.probe(second, name).tags["title"] == "Hello, with a much longer title"
    assert audio.payload_digest(second, result.media.kind) == audio.payload_digest(source, result.media.kind)
    result = audio.tag_copy(source, grown, Tags(title="Hello", description="Very long notes. " * 2000), rel=name, length=length)
    assert grown.stat().st_size > length and grown.stat().st_size % BLOCK == 0  # did not fit: the next block


def test_tagging_a_master_in_place_keeps_its_size_when_the_tags_fit(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.mp3"
    shutil.copyfile(fixtures / "vbr-xing.mp3", path)
    audio.tag(path, Tags(title="One"), rel="x.mp3")
    size = path.stat().st_size
    audio.tag(path, Tags(title="One, two, three, four"), rel="x.mp3")
    assert path.stat().st_size == size and str(ID3(path)["TIT2"]) == "One, two, three, four"
    before = path.read_bytes()
    assert not audio.tag(path, Tags(title="One, two, three, four"), rel="x.mp3").written  # same tags: no byte changes
    assert path.read_bytes() == before



def _with_a_big_cover(path: Path, megabytes: int) -> None:
    """The master as an editor exported it: its own ID3 tag holding a cover of ``megabytes`` MB (some tools embed a
    full-size picture), which mediafeed replaces by the show's artwork."""
    from mutagen.id3 import APIC

    tags = ID3(path) if path.read_bytes()[:3] == b"ID3" else ID3()
    tags.delall("APIC")
    tags.add(APIC(encoding=0, mime="image/jpeg", type=3, desc="", data=b"\xff\xd8\xff\xe0" + os.urandom(megabytes << 20)))
    tags.save(path, v2_version=3)


@pytest.mark.parametrize("published", ["no", "yes", "unknown"])
def test_mediafeed_tag_leaves_no_megabytes_of_zeros_where_a_big_cover_was(show: Path, published: str) -> None:
    """A master whose own cover is far bigger than the show's artwork kept its size when `mediafeed tag` replaced the
    cover (the tags "fit in its padding"): 8 s of audio and 59 MB of zeros, which the build then published as it was.
    A master keeps the length its episode was published with, and one not published gets a first build's padding;
    where published.json cannot be read, it keeps its own size, as before."""
    rel = MP3
    path = show / rel
    if published == "no":
        (show / LEDGER_FILE).unlink()
    _with_a_big_cover(path, 4)
    big = path.stat().st_size
    if published == "unknown":
        (show / LEDGER_FILE).write_text("{")
        assert tag_sources(show, ("003-capabilities-framework",)).results[0].written and path.stat().st_size == big
        return
    report = tag_sources(show, ("003-capabilities-framework",))
    assert not report.problems and report.results[0].written
    size = path.stat().st_size
    assert size == (114688 if published == "yes" else audio.padded_size(size - MIN_FREE)) < big // 30
    assert ID3(path).getall("APIC")[0].data == (show / "artwork.png").read_bytes()
    before = path.read_bytes()
    assert not tag_sources(show, ("003-capabilities-framework",)).results[0].written  # the second run changes nothing
    assert path.read_bytes() == before
    site = build(show).output
    assert (site / rel).stat().st_size == size == _feed_length(site, rel)

# -- the build ---------------------------------------------------------------------------------------------

def test_a_title_edit_after_publication_keeps_the_published_length(show: Path) -> None:
    first = build(show)
    site = first.output
    lengths = {rel: (site / rel).stat().st_size for rel in (MP3, M4A)}
    assert all(_ledger_length(show, rel) == lengths[rel] == _feed_length(site, rel) for rel in lengths)
    _edit(show / "episodes/003-capabilities-framework/episode.md", "title: What Practitioners Need to Know",
          "title: What Every Practitioner Needs to Know About Capabilities")
    _edit(show / "episodes/002-learning-alliances/episode.md", "title: Everyone at One Table",
          "title: Everyone Around One Big Table, Together")
    report = build(show)
    assert sorted(report.tagged) == sorted([MP3, M4A])
    assert str(ID3(site / MP3)["TIT2"]) == "What Every Practitioner Needs to Know About Capabilities"
    assert MutagenFile(site / M4A).tags["\xa9nam"] == ["Everyone Around One Big Table, Together"]
    for rel, length in lengths.items():
        assert (site / rel).stat().st_size == length == _feed_length(site, rel) == _ledger_length(show, rel)
    assert not [p for p in report.problems if p.code == "LED007"]


def _new_episode_artwork(show: Path) -> None:
    """The producer gives an episode its own artwork, a picture far bigger than the tag's padding can take in."""
    from PIL import Image

    folder = show / "episodes/003-capabilities-framework"
    Image.effect_noise((1400, 1400), 15).convert("RGB").save(folder / "cover.jpg", quality=50)  # ~280 KB
    _edit(folder / "episode.md", "audio: capabilities-framework.mp3", "audio: capabilities-framework.mp3\nartwork: cover.jpg")


def test_tags_that_no_longer_fit_warn_led007_and_the_feed_says_the_real_length(show: Path) -> None:
    site = build(show).output
    old = (site / MP3).stat().st_size
    _new_episode_artwork(show)
    report = build(show)
    new = (site / MP3).stat().st_size
    assert new > old and new % BLOCK == 0
    assert _feed_length(site, MP3) == new
    [warning] = [p for p in report.problems if p.code == "LED007"]
    assert warning.severity.value == "warning" and warning.episode == "003-capabilities-framework"
    assert f"from {old} to {new} bytes" in warning.message and "new file name" in warning.hint
    # the feed now says the new length: it is recorded, the next build neither warns nor re-tags
    assert _ledger_length(show, MP3) == new
    again = build(show)
    assert again.tagged == [] and not [p for p in again.problems if p.code == "LED007"]
    assert not [w for w in again.written if w.endswith(".mp3")]


def test_led007_fails_a_strict_build_before_anything_is_written(show: Path) -> None:
    site = build(show).output
    feed = (site / "feed.xml").read_bytes()
    _new_episode_artwork(show)
    with pytest.raises(BuildFailed) as info:
        build(show, strict=True)
    assert "LED007" in {p.code for p in info.value.problems}
    assert (site / "feed.xml").read_bytes() == feed


def test_a_ledger_without_lengths_is_read_and_the_last_built_file_keeps_its_length(show: Path) -> None:
    site = build(show).output
    old = (site / MP3).stat().st_size
    data = json.loads((show / LEDGER_FILE).read_text())
    for record in data["episodes"].values():
        del record["length"]  # as written before mediafeed recorded lengths
    (show / LEDGER_FILE).write_text(json.dumps(data, indent=2))
    _edit(show / "episodes/003-capabilities-framework/episode.md", "title: What Practitioners Need to Know",
          "title: What Practitioners Need to Know Today")
    report = build(show)
    assert report.tagged == [MP3] and (site / MP3).stat().st_size == old == _ledger_length(show, MP3)


# -- hard links --------------------------------------------------------------------------------------------

def test_the_site_hard_links_the_tagged_copy_instead_of_storing_it_twice(show: Path) -> None:
    site = build(show).output
    for rel in (MP3, M4A):
        published, copy = os.stat(site / rel), os.stat(_store_copy(show, rel))
        assert (published.st_ino, published.st_dev) == (copy.st_ino, copy.st_dev) and published.st_nlink == 2
    # the producer's master is never linked: an edit in the site must not reach it
    (show / "show.yml").write_text((show / "show.yml").read_text() + "tag_on_build: false\n")
    build(show)
    assert os.stat(site / MP3).st_nlink == 1 and os.stat(show / MP3).st_nlink == 1


def test_replacing_the_published_file_leaves_the_stored_copy_intact(show: Path) -> None:
    site = build(show).output
    copy = _store_copy(show, MP3)
    kept = copy.read_bytes()
    (site / MP3).unlink()
    (site / MP3).write_bytes(b"not audio at all")  # a new file at the published path
    assert copy.read_bytes() == kept
    report = build(show)
    assert report.tagged == [] and MP3 in report.written  # the intact copy is linked back
    assert (site / MP3).read_bytes() == kept and os.stat(site / MP3).st_ino == os.stat(copy).st_ino


def test_a_published_file_edited_in_place_is_not_trusted_and_is_tagged_again(show: Path) -> None:
    site = build(show).output
    good = (site / MP3).read_bytes()
    with open(site / MP3, "r+b") as handle:  # a tag editor writing into the published file: the same inode
        handle.seek(0)
        handle.write(b"\0" * 64)
    report = build(show)
    assert report.tagged == [MP3]
    assert "TAG012" in {p.code for p in report.problems}
    assert (site / MP3).read_bytes() == good
    assert os.stat(site / MP3).st_ino == os.stat(_store_copy(show, MP3)).st_ino


def test_a_lost_build_cache_tags_again_but_rewrites_no_media(show: Path) -> None:
    """The cache is the copies' only record: without it they are tagged again, and a copy that comes out with the
    very bytes already in the store is kept, so the site's media files are not rewritten (rsync sees no change)."""
    site = build(show).output
    inodes = {rel: os.stat(site / rel).st_ino for rel in (MP3, M4A)}
    (show / ".mediafeed/cache.sqlite").unlink()
    report = build(show)
    assert MP3 in report.tagged and M4A in report.tagged and "TAG012" not in {p.code for p in report.problems}
    assert not [w for w in report.written if w.endswith((".mp3", ".m4a"))]
    for rel, inode in inodes.items():
        assert os.stat(site / rel).st_ino == inode == os.stat(_store_copy(show, rel)).st_ino
    assert build(show).tagged == []  # and the cache knows them again


def test_an_output_folder_on_another_file_system_gets_copies(show: Path) -> None:
    if not Path("/dev/shm").is_dir() or os.stat("/dev/shm").st_dev == os.stat(show).st_dev:
        pytest.skip("needs /dev/shm on another file system than the show")
    out = Path(tempfile.mkdtemp(dir="/dev/shm", prefix="mediafeed-test-"))
    try:
        site = build(show, out).output
        assert os.stat(site / MP3).st_nlink == 1
        assert (site / MP3).read_bytes() == _store_copy(show, MP3).read_bytes()
        assert _feed_length(site, MP3) == (site / MP3).stat().st_size
    finally:
        shutil.rmtree(out)


# -- temp files of an interrupted `mediafeed tag` -----------------------------------------------------------

def test_mediafeed_tag_removes_the_stale_temp_files_of_an_interrupted_run_and_says_so(show: Path) -> None:
    folder = show / "episodes/003-capabilities-framework"
    stale = [folder / ".capabilities-framework.mp3.k2j_x9qa.tmp.mp3", folder / ".capabilities-framework.mp3.ab12cd34.src.mp3",
             folder / ".chapters.zz9_0abc.txt"]
    young = folder / ".capabilities-framework.mp3.q1w2e3r4.tmp.mp3"  # may belong to a run in progress
    others = [folder / ".capabilities-framework.mp3.notes.tmp", folder / ".other.mp3.k2j_x9qa.tmp.ogg",
              folder / "k2j_x9qa.tmp.mp3"]  # not our names: never touched
    old = os.stat(folder / "episode.md").st_mtime - STALE_AFTER - 60
    for path in [*stale, young, *others]:
        path.write_bytes(b"partial")
        os.utime(path, (old, old))
    os.utime(young, None)
    result = CliRunner().invoke(main, ["tag", "--show", str(show), "003-capabilities-framework"])
    assert result.exit_code == 0, result.output
    assert not any(p.exists() for p in stale)
    assert young.exists() and all(p.exists() for p in others)
    assert "removed a temp file left by an interrupted run" in result.output
    assert ".capabilities-framework.mp3.k2j_x9qa.tmp.mp3" in result.output


def test_a_dry_run_removes_nothing(show: Path) -> None:
    stale = show / "episodes/003-capabilities-framework/.capabilities-framework.mp3.k2j_x9qa.tmp.mp3"
    stale.write_bytes(b"partial")
    os.utime(stale, (0, 0))
    report = tag_sources(show, ("003-capabilities-framework",), dry_run=True)
    assert stale.exists() and "TAG011" not in {p.code for p in report.problems}
