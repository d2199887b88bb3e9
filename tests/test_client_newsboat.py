"""Our feeds read by Newsboat (Debian's ``newsboat``; podboat, its podcast downloader, queues what it reads), a
terminal feed reader people use for podcasts: it fetches the feed by URL from a server on 127.0.0.1 with
``newsboat -x reload`` (no terminal needed) and we read what it kept from its SQLite cache.

Newsboat keeps an item's title, GUID, link, date, notes and the enclosure's URL and type; it keeps no enclosure
length, duration, artwork or explicit flag (its cache has no column for them: docs/feeds.md, "What apps and validators say about the feed").
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import ROOT, copy_show, make_media
from podcast_clients import SHOWS, feed_episodes, served

pytestmark = pytest.mark.skipif(shutil.which("newsboat") is None, reason="needs newsboat (apt-get install newsboat)")


@pytest.fixture(scope="module", params=sorted(SHOWS))
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return SHOWS[request.param](tmp_path_factory.mktemp(request.param))


def newsboat_read(url: str, home: Path, config: str = "") -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
    """Newsboat's cache after one ``reload`` of ``url`` with ``config``: (feeds, items newest first, as its list shows
    them). ``home`` is its HOME (its podcast queue is ``home/.newsboat/queue``)."""
    home.mkdir()
    (home / "urls").write_text(url + "\n", encoding="utf-8")
    (home / "config").write_text(config, encoding="utf-8")
    done = subprocess.run(["newsboat", "-u", str(home / "urls"), "-c", str(home / "cache.db"), "-C", str(home / "config"),
                           "-x", "reload"], capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home)})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    with sqlite3.connect(home / "cache.db") as db:
        db.row_factory = sqlite3.Row
        feeds = db.execute("SELECT * FROM rss_feed").fetchall()
        items = db.execute("SELECT * FROM rss_item ORDER BY pubDate DESC, id DESC").fetchall()
    return feeds, items


def test_newsboat_reads_every_episode_in_order_with_its_title_notes_guid_date_and_enclosure(site: Path,
                                                                                           tmp_path: Path) -> None:
    with served(site) as url:
        feeds, items = newsboat_read(url, tmp_path / "newsboat")
    expected = feed_episodes(site / "feed.xml")
    assert [f["rssurl"] for f in feeds] == [url] and feeds[0]["title"] == "Safe to Say"
    assert [i["guid"] for i in items] == [e.guid for e in expected]  # none lost, none added, in the feed's order
    for item, episode in zip(items, expected, strict=True):
        assert item["title"] == episode.title
        assert item["content"] == episode.content  # content:encoded, the full notes, as text
        assert item["url"] == f"https://podcast.example.org/safe-to-say/episodes/{episode.url.split('/')[-2]}/"
        assert (item["enclosure_url"], item["enclosure_type"]) == (episode.url, episode.type)
        assert item["pubDate"] == int(episode.published.timestamp())  # the same instant, whatever the zone
        assert item["feedurl"] == url and item["deleted"] == 0


def test_newsboat_keeps_no_length_duration_artwork_explicit_flag_or_author_of_an_episode(tmp_path: Path) -> None:
    """What Newsboat 2.21 leaves out, not a fault of the feed: its cache has no column for the enclosure's length,
    the duration, the artwork or the explicit flag, and it takes an item's author from ``author``/``dc:creator`` only
    (we write the show's author once, as the channel's ``itunes:author``, as Apple asks). A Newsboat that starts
    keeping one of them fails this test: then assert the value."""
    site = SHOWS["sample"](tmp_path / "show")
    with served(site) as url:
        _, items = newsboat_read(url, tmp_path / "newsboat")
    columns = set(items[0].keys())
    assert columns >= {"guid", "title", "url", "pubDate", "content", "enclosure_url", "enclosure_type"}
    assert not {c for c in columns if c.startswith(("enclosure_len", "duration", "image", "explicit", "itunes"))}
    assert {i["author"] for i in items} == {""}


def test_podboats_queue_saves_every_episode_whose_file_is_named_audio_mp3_to_one_path(tmp_path: Path) -> None:
    """Newsboat's quirk, and a reason to name each episode's file for the episode: with ``podcast-auto-enqueue`` it
    queues each enclosure for podboat under ``download-path`` + the URL's last segment, so the hard show's six
    episodes whose file is ``audio.mp3`` (each in its own folder, six different URLs) all queue to one path and
    podboat keeps one file for six episodes. ``mediafeed check`` says so (EP013, an info: the six are published, so
    the hint is to keep their names), and ``mediafeed add`` names a new copy after the episode (the test below)."""
    site = SHOWS["hard"](tmp_path / "show")
    home = tmp_path / "newsboat"
    with served(site) as url:
        newsboat_read(url, home, f'podcast-auto-enqueue yes\ndownload-path "{home}/podcasts/%n"\n')
    queue = [line.split(" ", 1) for line in (home / ".newsboat" / "queue").read_text(encoding="utf-8").splitlines()]
    expected = feed_episodes(site / "feed.xml")
    assert sorted(u for u, _ in queue) == sorted(e.url for e in expected)  # every enclosure queued, once
    paths: dict[str, list[str]] = {}
    for enclosure, path in queue:
        paths.setdefault(path.strip('"'), []).append(enclosure)
    shared = paths[f"{home}/podcasts/Safe to Say/audio.mp3"]
    assert len(shared) == 6 and len(set(shared)) == 6 and len(paths) == len(expected) - 5
    from click.testing import CliRunner

    from mediafeed.cli import main

    checked = CliRunner().invoke(main, ["check", "--show", str(tmp_path / "show" / "show"), "--format", "json"])
    [said] = [p for p in json.loads(checked.stdout)["problems"] if p["code"] == "EP013"]
    assert len(said["episodes"]) == 6 and said["hint"].startswith("keep the names: they are published")


def test_episodes_added_from_exports_all_named_final_mp3_each_queue_to_their_own_podboat_path(tmp_path: Path) -> None:
    """Before, ``mediafeed add`` kept the export's name: three episodes exported as final.mp3 were published as
    .../<slug>/final.mp3 each, and podboat queued all three to one path ("Safe to Say/final.mp3"). A generic name
    (final, episode, audio, master…) is now the episode's slug."""
    from click.testing import CliRunner

    from mediafeed.build import build
    from mediafeed.cli import main

    show = copy_show(tmp_path / "show")
    for n, title in enumerate(("Night buses", "Trams", "Ferries"), 1):
        export = make_media(tmp_path / f"export-{n}" / "final.mp3", "mp3", 1.0 + n / 4)
        added = CliRunner().invoke(main, ["add", str(export), "--show", str(show), "--title", title,
                                          "--date", f"2026-04-0{n}T08:00:00+00:00"])
        assert added.exit_code == 0 and "not final.mp3" in added.output, added.output
    site = build(show, tmp_path / "site", now=datetime(2026, 6, 1, tzinfo=UTC)).output
    home = tmp_path / "newsboat"
    with served(site) as url:
        newsboat_read(url, home, f'podcast-auto-enqueue yes\ndownload-path "{home}/podcasts/%n"\n')
    queue = [line.split(" ", 1)[1] for line in (home / ".newsboat" / "queue").read_text(encoding="utf-8").splitlines()]
    assert len(queue) == 9 and len(set(queue)) == 9, queue  # the sample's six and the three added: nine files
    assert sorted(q for q in queue if "-night-buses" in q or "-trams" in q or "-ferries" in q) == [
        f'"{home}/podcasts/Safe to Say/{name}"' for name in ("006-night-buses.mp3", "007-trams.mp3", "008-ferries.mp3")]


#: three items of an Acast show: every enclosure is .../e/<episode>/media.mp3, as Acast writes them (Simplecast's end
#: in .../default.mp3 the same way)
ACAST_ITEMS = "".join(f"""
<item><title>Storm {n}</title><pubDate>Mon, 0{n} Jan 2024 05:00:00 GMT</pubDate>
<guid isPermaLink="false">659b1c2d3e4f5a6b7c8d9e0{n}</guid><itunes:duration>00:00:02</itunes:duration>
<enclosure url="{{base}}/acast/e/65a0{n}/media.mp3" length="{{size}}" type="audio/mpeg"/></item>""" for n in (3, 2, 1))


def test_an_imported_acast_shows_episodes_each_queue_to_their_own_podboat_path(tmp_path: Path) -> None:
    """Before, ``mediafeed import`` kept the old enclosure's file name, so the three episodes of a show moved from Acast
    were published as .../<slug>/media.mp3 each, and podboat queued all three to one path ("Storms/media.mp3") and kept
    one file for three episodes. A name the old feed gives more than one episode is now the episode's slug."""
    from click.testing import CliRunner
    from hosts import Host, Route
    from test_import_hosts import CHANNEL, NAMESPACES

    from mediafeed.build import build
    from mediafeed.cli import main

    tone = make_media(tmp_path / "tone.mp3", "mp3", 2.0).read_bytes()
    with Host() as host:
        channel = CHANNEL.format(title="Storms", base=host.url, explicit="no",
                                 podcast_guid="8c8e9b0a-2b1f-5d7e-9a3c-1e2f3a4b5c6d")
        host.routes["/acast.rss"] = Route(body=f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" {NAMESPACES}>'
                                          f'<channel>{channel}{ACAST_ITEMS.format(base=host.url, size=len(tone))}'
                                          '</channel></rss>'.encode(), type="application/rss+xml")
        host.routes["/art.png"] = Route(body=(ROOT / "artwork.png").read_bytes(), type="image/png")
        for n in (1, 2, 3):
            host.routes[f"/acast/e/65a0{n}/media.mp3"] = Route(body=tone, type="audio/mpeg")
        result = CliRunner().invoke(main, ["import", f"{host.url}/acast.rss", "--show", str(tmp_path / "show"),
                                           "--download", "--url", "https://new.example.org/show/", "--format", "json"])
    assert result.exit_code == 0 and not json.loads(result.output)["failed"], result.output
    site = build(tmp_path / "show", tmp_path / "site").output
    home = tmp_path / "newsboat"
    with served(site) as url:
        newsboat_read(url, home, f'podcast-auto-enqueue yes\ndownload-path "{home}/podcasts/%n"\n')
    queue = dict(line.split(" ", 1) for line in (home / ".newsboat" / "queue").read_text(encoding="utf-8").splitlines())
    assert len(queue) == 3 and len(set(queue.values())) == 3, queue  # three episodes, three files
    assert sorted(u.rsplit("/", 2)[1:] for u in queue) == [
        ["storm-1", "storm-1.mp3"], ["storm-2", "storm-2.mp3"], ["storm-3", "storm-3.mp3"]]
