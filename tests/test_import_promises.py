"""What a move promises subscribers, checked on the new feed after the import and its first build: every episode
the old feed listed is in the new one under the GUID apps know it by (also a GUID no host should have written, but
one did), and what the import cannot keep as it was is told to the producer, not found later.

The old feeds are served from 127.0.0.1 (tests/hosts.py), imported with the real CLI (``--download``), built, and
read back with podcastparser and feedparser.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import feedparser
import podcastparser
import pytest
from click.testing import CliRunner
from helpers import ROOT, make_media
from hosts import Host, Route
from lxml import etree

from mediafeed.build import BuildFailed, BuildReport, build
from mediafeed.cli import main

ITUNES, PODCAST = "{http://www.itunes.com/dtds/podcast-1.0.dtd}", "{https://podcastindex.org/namespace/1.0}"
HEAD = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom">'
        "<channel><title>Promises</title><link>{base}/site/</link><language>en</language><description>d</description>"
        "<itunes:author>Ana</itunes:author><itunes:owner><itunes:name>Ana</itunes:name>"
        "<itunes:email>ana@example.org</itunes:email></itunes:owner><itunes:image href=\"{base}/art.png\"/>"
        "<itunes:category text=\"Arts\"/><itunes:explicit>false</itunes:explicit>"
        "<atom:link href=\"{base}/feed.rss\" rel=\"self\" type=\"application/rss+xml\"/>")


@pytest.fixture(scope="module")
def tone(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_media(tmp_path_factory.mktemp("tone") / "tone.mp3", "mp3", 2.0).read_bytes()


def item(base: str, size: int, name: str, guid: str | None, day: int = 1, year: int = 2024) -> str:
    """An item with notes and a real file at /m/NAME.mp3; ``guid`` None for an item without one."""
    written = "" if guid is None else f'<guid isPermaLink="false">{guid}</guid>'
    return (f"<item><title>{name.title()}</title>{written}<pubDate>Mon, {day:02d} Jan {year} 10:00:00 +0000</pubDate>"
            f"<description>Notes of {name}.</description>"
            f'<enclosure url="{base}/m/{name}.mp3{{query}}" length="{size}" type="audio/mpeg"/></item>')


def serve(host: Host, tone: bytes, items: str) -> str:
    host.routes["/feed.rss"] = Route(body=(HEAD.format(base=host.url) + items + "</channel></rss>").encode(),
                                     type="application/rss+xml")
    host.routes["/art.png"] = Route(body=(ROOT / "artwork.png").read_bytes(), type="image/png")
    return f"{host.url}/feed.rss"


def media(host: Host, tone: bytes, *names: str) -> None:
    for name in names:
        host.routes[f"/m/{name}.mp3"] = Route(body=tone, type="audio/mpeg")


def move(feed: str, show: Path, *more: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["import", feed, "--show", str(show), "--download",
                                       "--url", "https://new.example.org/show/", "--format", "json", *more])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, json.loads(result.stdout)


def guids(feed: bytes) -> tuple[set[str], set[str]]:
    """The episodes' GUIDs as podcastparser and feedparser read them (feedparser gives an item without one none)."""
    return ({e["guid"] for e in podcastparser.parse("https://x/feed", io.BytesIO(feed))["episodes"]},
            {e.id for e in feedparser.parse(feed).entries if e.get("id")})


def test_guids_the_old_host_wrote_long_or_on_two_lines_are_kept_and_the_show_builds(tmp_path: Path, tone: bytes) -> None:
    """An item without a GUID is known by its enclosure URL, and a host's signed media address runs past 512
    characters; a hand-written feed broke a GUID over two lines, or held a tab in one. Apps compare the text as it
    is, so the import kept each, and then the build refused them all ('GUID must be one line of at most 512
    characters': SRC010, an error), with a hint that asked the producer to change the GUID. The build now writes
    each as published, and says (EP135, a warning) why it must stay as it is."""
    signed = "?Expires=1735689600&Signature=" + "A1b2C3d4" * 70 + "&Key-Pair-Id=K2ABCDEF"
    with Host() as host:
        items = (item(host.url, len(tone), "signed", None, day=1).replace("{query}", signed.replace("&", "&amp;"))
                 + item(host.url, len(tone), "broken", "show-42\nfinal", day=2)
                 + item(host.url, len(tone), "tabbed", "show-43\tfinal", day=3)).replace("{query}", "")
        feed = serve(host, tone, items)
        media(host, tone, "signed", "broken", "tabbed")
        code, report = move(feed, tmp_path / "show")
        old = host.routes["/feed.rss"].body
    assert code == 0, report["problems"]
    assert [p["code"] for p in report["problems"] if p["code"] == "IMP011"] == ["IMP011"]
    built: BuildReport = build(tmp_path / "show", tmp_path / "site")
    new = (built.output / "feed.xml").read_bytes()
    was = guids(old)
    assert len(was[0]) == 3 and any(len(g) > 512 for g in was[0]) and "show-42\nfinal" in was[0]
    now = guids(new)
    assert now[0] == was[0] and was[1] < now[1]
    said = {p.episode: p for p in built.problems if p.code == "EP135"}
    assert set(said) == {"broken", "signed", "tabbed"}
    assert "keep it exactly as it is" in said["broken"].hint


def test_an_episode_the_old_feed_dates_in_the_future_is_named_before_it_leaves_the_feed(tmp_path: Path,
                                                                                        tone: bytes) -> None:
    """The old feed lists an episode dated ahead (a host's clock or zone written wrong, a year mistyped): apps show
    it now. The import kept the date, and the build leaves an episode dated in the future out of the feed until then
    (a scheduled episode): the episode vanished from the new feed without a word. IMP032 names it now."""
    with Host() as host:
        items = (item(host.url, len(tone), "today", "a1b2c3d4-0000-4000-8000-000000000001", day=1)
                 + item(host.url, len(tone), "ahead", "a1b2c3d4-0000-4000-8000-000000000002", day=2, year=2091)
                 ).replace("{query}", "")
        feed = serve(host, tone, items)
        media(host, tone, "today", "ahead")
        code, report = move(feed, tmp_path / "show")
    assert code == 0
    [said] = [p for p in report["problems"] if p["code"] == "IMP032"]
    assert said["severity"] == "warning" and said["episode"] == "a1b2c3d4-0000-4000-8000-000000000002"
    assert said["file"] == "episodes/ahead/episode.md" and said["field"] == "date"
    assert "2091-01-02 10:00" in said["message"] and "left out of the new feed until then" in said["message"]
    new = (build(tmp_path / "show", tmp_path / "site").output / "feed.xml").read_bytes()
    assert guids(new)[0] == {"a1b2c3d4-0000-4000-8000-000000000001"}  # what the producer was told


def test_every_run_lists_the_whole_feeds_media_moves_for_the_old_hosts_redirects(tmp_path: Path, tone: bytes) -> None:
    """``media`` (--format json) is the map the old host's 301 redirects are made from, and the last step counts the
    moved enclosures. A producer runs the import again and again (to finish an interrupted one, to retry failed
    downloads, to bring in what the old host published since): each run listed only the episodes it wrote, so the
    last run's map lacked the rest (empty when nothing was new) and its steps said nothing of the media move."""
    with Host() as host:
        first = item(host.url, len(tone), "first", "b1b2c3d4-0000-4000-8000-000000000001", day=1).replace("{query}", "")
        feed = serve(host, tone, first)
        media(host, tone, "first", "second")
        code, before = move(feed, tmp_path / "show")
        serve(host, tone, first + item(host.url, len(tone), "second", "b1b2c3d4-0000-4000-8000-000000000002",
                                        day=2).replace("{query}", "?src=rss"))
        code, after = move(feed, tmp_path / "show")
        _, again = move(feed, tmp_path / "show")
    assert code == 0 and after["imported"] == ["second"] and after["skipped"] == ["first"]
    new = (build(tmp_path / "show", tmp_path / "site").output / "feed.xml").read_bytes()
    enclosures = {e["guid"]: e["enclosures"][0]["url"] for e in podcastparser.parse("https://x/f", io.BytesIO(new))["episodes"]}
    for report in (after, again):
        assert {m["guid"]: m["new_url"] for m in report["media"]} == enclosures
        assert {m["old_url"] for m in report["media"]} == {f"{host.url}/m/first.mp3", f"{host.url}/m/second.mp3?src=rss"}
        assert "2 enclosure URL(s) now point at the new site" in " ".join(report["steps"])
    assert before["media"] == [m for m in after["media"] if m["slug"] == "first"]


@pytest.mark.parametrize(("written", "itunes_block", "podcast_blocks"), [
    ("<itunes:block>Yes</itunes:block>", "Yes", [("apple", "yes")]),  # Apple only
    ("<podcast:block>yes</podcast:block>", "Yes", [(None, "yes")]),  # every service, Apple too
    ('<podcast:block id="spotify">yes</podcast:block><podcast:block id="google">no</podcast:block>', None,
     [("spotify", "yes")]),
    # every service but Apple: from each other one the namespace's service list names
    ('<podcast:block>yes</podcast:block><podcast:block id="apple">no</podcast:block>', None, "all but apple"),
])
def test_a_show_the_old_feed_hid_from_directories_stays_hidden(tmp_path: Path, tone: bytes, written: str,
                                                                itunes_block: str | None,
                                                                podcast_blocks: list[tuple[str | None, str]] | str) -> None:
    """A show kept out of Apple Podcasts (a private or internal show: itunes:block Yes in the channel) or out of
    some services (podcast:block) was imported without it: Apple follows the 301 to the new feed, which said nothing,
    and listed the show. show.yml's block now says what the old feed said."""
    with Host() as host:
        feed = serve(host, tone, item(host.url, len(tone), "hidden", "c1b2c3d4-0000-4000-8000-000000000001"
                                      ).replace("{query}", ""))
        body = host.routes["/feed.rss"].body.decode()
        body = body.replace("<channel>", f"<channel>{written}").replace(
            "<rss ", '<rss xmlns:podcast="https://podcastindex.org/namespace/1.0" ')
        host.routes["/feed.rss"].body = body.encode()
        media(host, tone, "hidden")
        code, report = move(feed, tmp_path / "show")
    assert code == 0, report["problems"]
    new = (build(tmp_path / "show", tmp_path / "site").output / "feed.xml").read_bytes()
    channel = etree.fromstring(new).find("channel")
    assert channel.findtext(f"{ITUNES}block") == itunes_block
    found = [(b.get("id"), b.text) for b in channel.findall(f"{PODCAST}block")]
    if podcast_blocks == "all but apple":
        assert ("spotify", "yes") in found and len(found) > 20 and not any(i in (None, "apple") for i, _ in found)
    else:
        assert found == podcast_blocks


def test_a_serial_show_whose_old_feed_numbers_no_episode_is_told_before_the_build_refuses_it(tmp_path: Path,
                                                                                           tone: bytes) -> None:
    """Apple's rule: a serial show numbers every episode, and the build refuses one without (EP010). An old feed of
    itunes:type serial without itunes:episode imported without a word, and the first build failed on every episode.
    IMP033 says so at the import, naming the episodes, with both ways out."""
    with Host() as host:
        feed = serve(host, tone, (item(host.url, len(tone), "opening", "d1b2c3d4-0000-4000-8000-000000000001", day=1)
                                  + item(host.url, len(tone), "middle", "d1b2c3d4-0000-4000-8000-000000000002", day=2)
                                  ).replace("{query}", "").replace("<title>Middle</title>",
                                                                   "<title>Middle</title><itunes:episode>2</itunes:episode>"))
        host.routes["/feed.rss"].body = host.routes["/feed.rss"].body.replace(
            b"<channel>", b"<channel><itunes:type>serial</itunes:type>")
        media(host, tone, "opening", "middle")
        code, report = move(feed, tmp_path / "show")
    [said] = [p for p in report["problems"] if p["code"] == "IMP033"]
    assert said["severity"] == "warning" and said["file"] == "show.yml" and said["field"] == "type"
    assert "1 of its episodes: opening" in said["message"] and "EP010" in said["message"]
    assert "episode: N" in said["hint"] and "type: episodic" in said["hint"]


def test_guids_holding_c1_controls_and_white_space_are_built_as_the_old_feed_wrote_them(tmp_path: Path,
                                                                                    tone: bytes) -> None:
    """Feeds moved from old hosts hold Windows-1252 text read as Latin-1 (U+0092 for ’), which XML 1.0 allows, and
    GUIDs with white space at an end (an NBSP, a space, a tab). The import stripped the white space, and the build's
    source reader read U+0092 as ’: every such episode came out of the first build under another GUID, a new episode
    to every app that stored the old one. Import then build now gives each GUID byte for byte."""
    written = {"quote": "post-it\x92s-1", "nbsp": "ep\xa0one\xa0", "space": "ep-two ", "tab": "ep-three\t",
               "amp": "q&amp;a-4", "lead": " \x85ep-five"}
    with Host() as host:
        items = "".join(item(host.url, len(tone), name, guid, day=day).replace("{query}", "")
                        for day, (name, guid) in enumerate(written.items(), 1))
        feed = serve(host, tone, items)
        media(host, tone, *written)
        code, report = move(feed, tmp_path / "show")
        old = host.routes["/feed.rss"].body
    assert code == 0, report["problems"]
    built: BuildReport = build(tmp_path / "show", tmp_path / "site")
    new = (built.output / "feed.xml").read_bytes()

    def texts(feed: bytes) -> set[str]:
        return {guid.text for guid in etree.fromstring(feed).iter("guid")}

    assert texts(old) == {"post-it\x92s-1", "ep\xa0one\xa0", "ep-two ", "ep-three\t", "q&a-4", " \x85ep-five"}
    assert texts(new) == texts(old)
    assert guids(new) == guids(old)
    assert "post-it\x92s-1" in guids(new)[0]  # (podcastparser keeps U+0092; feedparser reads it as ’, in both feeds)
    items_json = json.loads((built.output / "feed.json").read_text(encoding="utf-8"))["items"]
    assert {entry["id"] for entry in items_json} == texts(old)
    assert not [p for p in built.problems if p.code in ("SRC022", "SRC023", "LED001", "LED010")]


def test_a_guid_holding_a_control_character_xml_forbids_is_an_import_error_and_a_build_error(tmp_path: Path,
                                                                                          tone: bytes) -> None:
    """'&#1;' in an old feed's GUID: lenient parsers (feedparser) read U+0001, strict ones refuse the feed, and XML
    cannot write it. The import said only that the feed was read leniently, and the build published the GUID without
    it, another GUID. Now the import names the item (IMP035, an error), and the build refuses it (SRC061) until the
    producer writes the line both give."""
    with Host() as host:
        feed = serve(host, tone, item(host.url, len(tone), "ctrl", "ep&#1;-7").replace("{query}", ""))
        media(host, tone, "ctrl")
        code, report = move(feed, tmp_path / "show")
    said = [p for p in report["problems"] if p["code"] == "IMP035"]
    assert code == 1 and len(said) == 1 and said[0]["field"] == "guid" and "'guid: ep-7'" in said[0]["hint"]
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path / "show", tmp_path / "site")
    refused = [p for p in failed.value.problems if p.code == "SRC061"]
    assert len(refused) == 1 and refused[0].field == "guid" and refused[0].file.endswith("/episode.md")
    md = tmp_path / "show" / refused[0].file
    md.write_text(md.read_text(encoding="utf-8").replace('guid: "ep\\x01-7"', "guid: ep-7"), encoding="utf-8")
    assert guids((build(tmp_path / "show", tmp_path / "site").output / "feed.xml").read_bytes())[0] == {"ep-7"}
