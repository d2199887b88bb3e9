"""The foundation: the sample show builds into a feed real parsers read back exactly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import feedparser
import podcastparser
import pytest
from click.testing import CliRunner
from helpers import add_episode
from mutagen import File as MutagenFile

from mediafeed.build import BuildFailed, build
from mediafeed.cli import main
from mediafeed.config import podcast_guid
from mediafeed.errors import OutputError


def _read_feed(site: Path) -> tuple[dict, object]:
    with open(site / "feed.xml", "rb") as handle:
        pp = podcastparser.parse("https://podcast.example.org/safe-to-say/feed.xml", handle)
    fp = feedparser.parse((site / "feed.xml").read_bytes())
    return pp, fp


def test_sample_show_feed_reads_back_in_podcastparser_and_feedparser(show: Path) -> None:
    report = build(show)
    site = report.output
    pp, fp = _read_feed(site)
    assert not fp.bozo, fp.get("bozo_exception")
    episodes = sorted((show / "episodes").iterdir())
    assert len(pp["episodes"]) == len(episodes) == len(fp.entries) == report.episodes
    for entry in pp["episodes"]:
        enclosure = entry["enclosures"][0]
        rel = enclosure["url"].split("/safe-to-say/", 1)[1]
        published = site / rel
        assert enclosure["file_size"] == published.stat().st_size > 0
        real = MutagenFile(published).info.length
        assert entry["total_time"] == round(real)
        assert enclosure["mime_type"] in {"audio/mpeg", "audio/x-m4a"}
        assert entry["explicit"] is False
    guids = {e["guid"] for e in pp["episodes"]}
    fronts = {line.split(":", 1)[1].strip() for path in (show / "episodes").glob("*/episode.md")
              for line in path.read_text().splitlines() if line.startswith("guid:")}
    assert guids == fronts
    # dates: newest first, RFC 2822 with a numeric zone
    dates = [e["published"] for e in pp["episodes"]]
    assert dates == sorted(dates, reverse=True)
    raw = (site / "feed.xml").read_text()
    assert "<pubDate>Mon, 16 Mar 2026 08:00:00 +0000</pubDate>" in raw
    assert "<itunes:explicit>false</itunes:explicit>" in raw
    assert f"<podcast:guid>{podcast_guid('https://podcast.example.org/safe-to-say/feed.xml')}</podcast:guid>" in raw
    assert fp.feed.title == "Safe to Say"
    assert fp.feed.link == "https://podcast.example.org/safe-to-say/"
    # keywords: gPodder's podcastparser splits itunes:keywords on ", " alone (it read "a,b,c" as one keyword),
    # feedparser on "," (stripping the spaces)
    keywords = ["intimate partner violence", "domestic abuse", "substance use", "addiction", "research"]
    assert pp["itunes_keywords"] == keywords
    assert set(keywords) <= {tag.term for tag in fp.feed.tags}  # (beside the category, which it files there too)


def test_podcast_guid_known_answers() -> None:
    assert podcast_guid("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert podcast_guid("http://mp3s.nashownotes.com/pc20rss.xml/") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"


def test_podcast_guid_and_plain_uuid_answer_as_the_uuid_module_does() -> None:
    """config computes the UUIDv5 and reads a given UUID without importing uuid (~3 ms of a start): held to it here."""
    import uuid

    from mediafeed.config import plain_uuid

    namespace = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
    for url in ("https://podnews.net/rss", "example.org/ü/feed.xml", "", "a" * 3000, "https://x.example/f?p=1&q=é#x"):
        bare = url.split("://", 1)[-1].rstrip("/")
        assert podcast_guid(url) == str(uuid.uuid5(namespace, bare)), url
    given = uuid.uuid4()
    for written in (str(given), str(given).upper(), "{%s}" % given, f"urn:uuid:{given}", given.hex):
        assert plain_uuid(written) == str(given)
    for bad in ("", "not-a-uuid", str(given)[:-1], str(given) + "0"):
        with pytest.raises(ValueError):
            plain_uuid(bad)


def test_two_builds_are_byte_identical(show: Path, tmp_path: Path) -> None:
    build(show, tmp_path / "a", clean=True)
    build(show, tmp_path / "b", clean=True)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_source_date_epoch_sets_last_build_date(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    report = build(show)
    assert "<lastBuildDate>Thu, 01 Jan 2026 00:00:00 +0000</lastBuildDate>" in (report.output / "feed.xml").read_text()


def test_rebuild_with_nothing_changed_rewrites_nothing(show: Path) -> None:
    first = build(show)
    second = build(show)
    assert first.written and first.probed == 6
    assert not second.written and second.probed == 0 and second.unchanged == len(first.written)


def test_show_notes_are_sanitised_in_pages_and_feed(show: Path) -> None:
    add_episode(show, "900-hostile", """
title: Hostile notes
date: 2026-04-01T08:00:00+00:00
guid: hostile-1
audio: audio.mp3
""", body="Hi <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)> ]]> end\n")
    report = build(show)
    page = (report.output / "episodes/900-hostile/index.html").read_text()
    feed = (report.output / "feed.xml").read_text()
    for text in (page, feed):
        assert "alert('x')" not in text and "javascript:" not in text and "onerror" not in text
    assert "]]&gt; end" in feed
    pp, fp = _read_feed(report.output)
    assert not fp.bozo


@pytest.mark.parametrize("front, expected", [
    ("title: T\ndate: 2026-04-01T08:00:00+00:00\nguid: g1\naudio: missing.mp3", "missing.mp3"),
    ("title: T\ndate: 2026-04-01\nguid: g1\naudio: audio.mp3", "date: expected a date with time and time zone, got 2026-04-01"),
    # an offset in seconds (pytz's local mean time): RFC 2822 cannot write it, podcastparser read "+005328" as 53 hours
    ("title: T\ndate: '2026-04-01T08:00:00+00:53:28'\nguid: g1\naudio: audio.mp3",
     "date: the UTC offset of 2026-04-01T08:00:00+00:53:28 is not a whole number of minutes"),
    ("title: T\ndate: 2026-04-01T08:00:00+00:00\naudio: audio.mp3", "guid"),
    ("title: T\ndate: 2026-04-01T08:00:00+00:00\nguid: g1\naudio: ../../show.yml", "must name a file in this episode's folder"),
    ("title: [unclosed\ndate: x", "malformed YAML"),
    ("title: T\ndate: 2026-04-01T08:00:00+00:00\nguid: g1\naudio: audio.mp3\nexplict: true", "did you mean 'explicit'"),
    ("title: T\ndate: 2026-04-01T08:00:00+00:00\nguid: 012780e6-d0de-4a11-88cf-d5e6df48880d\naudio: audio.mp3", "also used by"),
])
def test_bad_episode_gets_one_clear_line_and_nothing_is_written(show: Path, front: str, expected: str) -> None:
    add_episode(show, "901-bad", front)
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--show", str(show)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "episodes/901-bad/episode.md" in result.output and expected in result.output
    assert not (show / "public").exists()


def test_unknown_category_is_named(show: Path) -> None:
    text = (show / "show.yml").read_text().replace("category: Science", "category: Sciense")
    (show / "show.yml").write_text(text)
    with pytest.raises(BuildFailed) as info:
        build(show)
    lines = [p.line() for p in info.value.problems]
    assert any("show.yml: category" in line and "did you mean 'Science'" in line for line in lines)


def test_corrupt_audio_is_an_error_naming_the_file(show: Path) -> None:
    target = show / "episodes/005-european-review/european-review.mp3"
    target.write_bytes(b"<html>not audio</html>" * 50)
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert any(p.code == "MED003" and "european-review.mp3" in p.file for p in info.value.problems)


def test_interrupted_feed_write_keeps_previous_feed(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = build(show)
    before = (report.output / "feed.xml").read_bytes()
    (show / "episodes/005-european-review/episode.md").write_text(
        (show / "episodes/005-european-review/episode.md").read_text().replace("Sixty Evaluations", "Sixty Studies"))
    import mediafeed.output as output

    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:
        if str(dst).endswith("feed.xml"):
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", failing_replace)
    with pytest.raises(OutputError):
        build(show)
    assert (report.output / "feed.xml").read_bytes() == before
    assert not [p for p in report.output.iterdir() if p.name.startswith(".feed.xml")]


def test_cli_build_runs_as_a_real_subprocess(show: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mediafeed", "build", "--show", str(show), "--format", "json"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert '"ok": true' in result.stdout
    assert (show / "public" / "feed.xml").is_file()


def test_templates_ship_inside_the_wheel(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(root)],
                   check=True, capture_output=True)
    import zipfile

    wheel = next(tmp_path.glob("mediafeed-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("base.html", "index.html", "episode.html", "embed.html", "assets/style.css"):
        assert f"mediafeed/templates/{template}" in names


# -- an output folder that holds another site ---------------------------------------------------------------------

def test_a_first_build_into_a_folder_of_another_site_overwrites_nothing(show: Path, tmp_path: Path) -> None:
    """`build --output DIR` where DIR holds another site's index.html (a Hugo public/, a web root) replaced it
    silently; now OUT006 names it and nothing is written. Files the site does not make stay as they are."""
    from mediafeed.errors import OutputError

    site = tmp_path / "www"
    (site / "episodes" / "001-ipv-and-substance-use").mkdir(parents=True)
    (site / "index.html").write_text("<h1>My own site</h1>", encoding="utf-8")
    (site / "episodes" / "001-ipv-and-substance-use" / "index.html").write_text("mine", encoding="utf-8")
    (site / "CNAME").write_text("podcast.example.org\n", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        build(show, site)
    [problem] = info.value.problems
    assert problem.code == "OUT006" and "index.html" in problem.message
    assert "episodes/001-ipv-and-substance-use/index.html" in problem.message and problem.hint
    assert (site / "index.html").read_text(encoding="utf-8") == "<h1>My own site</h1>"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        "CNAME", "episodes", "episodes/001-ipv-and-substance-use", "episodes/001-ipv-and-substance-use/index.html",
        "index.html"]


def test_a_folder_holding_only_files_the_site_does_not_make_is_built_into_and_keeps_them(show: Path, tmp_path: Path) -> None:
    site = tmp_path / "gh-pages"
    (site / ".git").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / "CNAME").write_text("podcast.example.org\n", encoding="utf-8")
    (site / "README.md").write_text("The podcast's site.\n", encoding="utf-8")
    build(show, site)
    assert (site / "feed.xml").is_file() and (site / "index.html").is_file()
    assert (site / "CNAME").read_text(encoding="utf-8") == "podcast.example.org\n"
    assert (site / ".git" / "HEAD").is_file() and (site / "README.md").is_file()


def test_our_own_site_is_rebuilt_after_the_cache_is_lost(show: Path) -> None:
    """Without .mediafeed/ (deleted, or a fresh clone next to a kept public/) the folder has no record of ours,
    but its feed.xml says mediafeed made it: the build goes on, and the result is the same."""
    import shutil

    site = build(show).output
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    shutil.rmtree(show / ".mediafeed")
    build(show)
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after.keys() == before.keys() and after["feed.xml"] == before["feed.xml"]


def test_a_site_address_in_another_script_is_written_as_clients_send_it(show: Path) -> None:
    """show.yml's ``url: https://podcast.exämple.org/für-alle/`` made every enclosure URL hold 'ä' and 'ü', which iOS
    apps built on Foundation's URL parser cannot fetch (the feed rules' EP103: an error an episode, the build
    refused). The site's addresses are now written as clients send them: the host in IDNA, the path percent-encoded."""
    (show / "published.json").unlink()  # a new show (the sample's published URLs are at podcast.example.org)
    yml = show / "show.yml"
    yml.write_text(yml.read_text().replace("url: https://podcast.example.org/safe-to-say/",
                                           "url: https://podcast.exämple.org/für-alle/"), encoding="utf-8")
    report = build(show)
    assert not [p for p in report.problems if p.code in ("EP103", "EP129", "SHOW007")]
    parsed = feedparser.parse((show / "public" / "feed.xml").read_bytes())
    base = "https://podcast.xn--exmple-cua.org/f%C3%BCr-alle/"
    assert parsed.feed.link == base
    urls = [e.enclosures[0].href for e in parsed.entries]
    assert urls and all(u.startswith(base + "episodes/") and u.isascii() for u in urls), urls
    assert f'<link rel="canonical" href="{base}' in (show / "public" / "index.html").read_text(encoding="utf-8")
