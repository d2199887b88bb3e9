"""Our feeds read by podcast-partytime, the Podcasting 2.0 parser behind Podverse and other apps (JavaScript, run
with Node): a third real client beside feedparser and podcastparser, and the one that reads the whole ``podcast:``
namespace. Every value it reads is compared with the feed's own XML (read with lxml), and it must log no warning
(it logs one for an item it skips, a category it does not know, a feed it cannot read).

podcast-partytime comes from the npm registry into a cache outside the repository (``helpers.npm_package``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from helpers import build_golden, npm_package
from lxml import etree
from podcast_rules import NS
from test_feed_namespace import add_everything
from test_value import add_value
from test_value_time_split import add_splits

from mediafeed.build import build

PARTYTIME_VERSION = "5.0.0"
P = "{%s}" % NS
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
NOW = datetime.fromisoformat("2026-06-01T00:00:00+00:00")
#: the transcript type partytime reports for the one we write (the namespace's application/x-subrip; partytime, like
#: AntennaPod and Pocket Casts, files SRT under application/srt)
SRT = {"application/x-subrip": "application/srt"}
#: parse argv[2] with partytime and write what it read to argv[3] as JSON; its log (pino, JSON lines) is the output
SCRIPT = """
const fs = require("fs");
const { parseFeed } = require("podcast-partytime");
const feed = parseFeed(fs.readFileSync(process.argv[2], "utf8"));
fs.writeFileSync(process.argv[3], JSON.stringify(feed, (key, value) => (value instanceof Set ? [...value] : value)));
"""

pytestmark = pytest.mark.skipif(shutil.which("node") is None and shutil.which("npm") is None,
                                reason="needs Node.js and npm (apt-get install npm)")


@pytest.fixture(scope="module")
def partytime(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], dict[str, Any]]:
    modules = npm_package("podcast-partytime", PARTYTIME_VERSION)
    script = modules.parent / "read-feed.js"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path_factory.mktemp("partytime") / "feed.json"

    def read(feed: Path) -> dict[str, Any]:
        env = {**os.environ, "PARTYTIME_LOG": "warn", "NODE_ENV": "production"}
        done = subprocess.run(["node", str(script), str(feed), str(out)], capture_output=True, text=True, env=env,
                              timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "" and done.stderr.strip() == "", "partytime warned:\n" + done.stdout + done.stderr
        parsed = json.loads(out.read_text(encoding="utf-8"))
        assert parsed, "partytime could not read the feed"
        return parsed

    return read


def iso(date: str) -> str:
    """An RFC 822 date as JavaScript's Date.toJSON writes it (UTC, milliseconds)."""
    return parsedate_to_datetime(date).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_partytime_reads_every_episode_and_the_show_as_the_sample_feed_says(tmp_path: Path, partytime) -> None:
    site = build_golden(tmp_path)
    read = partytime(site / "feed.xml")
    channel = etree.parse(str(site / "feed.xml")).getroot().find("channel")
    items = channel.findall("item")
    assert len(read["items"]) == len(items) == 6  # none skipped
    assert read["title"] == channel.findtext("title")
    assert read["guid"] == channel.findtext(P + "guid")
    assert read["itunesType"] == channel.findtext(ITUNES + "type")
    assert read["language"] == channel.findtext("language")
    assert read["explicit"] is (channel.findtext(ITUNES + "explicit") == "true")
    assert read["pubsub"]["self"] == channel.find("{http://www.w3.org/2005/Atom}link").get("href")
    assert read["itunesCategory"] == ["Science > Social Sciences"]
    assert read["owner"] == {"name": channel.findtext(f"{ITUNES}owner/{ITUNES}name"),
                             "email": channel.findtext(f"{ITUNES}owner/{ITUNES}email")}
    locked = channel.find(P + "locked")
    assert read["locked"] is (locked.text == "yes") and read["podcastOwner"] == locked.get("owner")
    assert read["podcastFunding"] == [{"message": f.text, "url": f.get("url")} for f in channel.findall(P + "funding")]
    assert read["medium"] == channel.findtext(P + "medium")
    trailers = channel.findall(P + "trailer")
    assert [(t["title"], t["url"], t["length"], t["type"]) for t in read["trailers"]] == [
        (t.text, t.get("url"), int(t.get("length")), t.get("type")) for t in trailers] and trailers
    by_guid = {item["guid"]: item for item in read["items"]}
    for element in items:
        item = by_guid[element.findtext("guid")]
        enclosure = element.find("enclosure")
        assert item["title"] == element.findtext("title")
        assert item["enclosure"] == {"url": enclosure.get("url"), "length": int(enclosure.get("length")),
                                     "type": enclosure.get("type")}
        assert item["duration"] == int(element.findtext(ITUNES + "duration"))
        assert item["pubDate"] == iso(element.findtext("pubDate"))
        assert item["itunesEpisodeType"] == element.findtext(ITUNES + "episodeType")
        assert item.get("itunesSeason") == int(element.findtext(ITUNES + "season"))
        assert item.get("itunesEpisode") == (int(element.findtext(ITUNES + "episode"))
                                             if element.find(ITUNES + "episode") is not None else None)
        assert item["podcastSeason"]["number"] == int(element.findtext(P + "season"))
        chapters = element.find(P + "chapters")
        assert item.get("podcastChapters") == (None if chapters is None else
                                               {"url": chapters.get("url"), "type": chapters.get("type")})
        assert [(t["url"], t["type"]) for t in item.get("podcastTranscripts", [])] == [
            (t.get("url"), SRT.get(t.get("type"), t.get("type"))) for t in element.findall(P + "transcript")]
        assert [p["name"] for p in item.get("podcastPeople", [])] == [p.text for p in element.findall(P + "person")]
        assert item["link"] == element.findtext("link")
        assert item["itunesImage"] == element.find(ITUNES + "image").get("href")


def test_partytime_reads_every_podcasting_feature_of_one_episode_and_of_the_show(show: Path, partytime) -> None:
    add_everything(show)
    site = build(show, now=NOW, accept_changes=True).output
    read = partytime(site / "feed.xml")
    root = etree.parse(str(site / "feed.xml")).getroot()
    channel = root.find("channel")
    element = next(i for i in channel.iter("item") if i.findtext("guid") == "3f0c1c52-8b8e-4a43-9a57-8b0b6e7a1c01")
    item = next(i for i in read["items"] if i["guid"] == "3f0c1c52-8b8e-4a43-9a57-8b0b6e7a1c01")
    assert item["title"] == 'Q&A <live> "special" — ünïcode 🎧' == element.findtext("title")
    assert item["explicit"] is True and item["itunesEpisodeType"] == "bonus"
    assert item["podcastEpisode"] == {"number": 1, "display": "Bonus 1"} and item["podcastSeason"] == {"number": 2}
    # an SPDX identifier needs no url (the namespace): partytime links the SPDX page itself
    assert element.find(P + "license").text == "CC0-1.0" and element.find(P + "license").get("url") is None
    assert item["license"] == {"identifier": "CC0-1.0", "url": "https://spdx.org/licenses/CC0-1.0.html"}
    assert item["podcastLocation"] == {"name": "Cardiff & Newport", "geo": "geo:51.48,-3.18"}
    assert item["podcastSoundbites"] == [{"startTime": 0.5, "duration": 15, "title": 'A "quote" & more'}]
    assert [(t["url"], t["type"], t["language"], t["rel"]) for t in item["podcastTranscripts"]] == [
        (t.get("url"), SRT.get(t.get("type"), t.get("type")), t.get("language"), t.get("rel"))
        for t in element.findall(P + "transcript")]
    assert {t["language"] for t in item["podcastTranscripts"]} == {"en-gb", "cy"}
    assert [(p["name"], p["role"].lower(), p.get("img")) for p in item["podcastPeople"]] == [
        ("Dr Maya Okafor", "host", None), ("Zoë O'Brien", "guest", "https://example.org/zoe.jpg")]
    # (the episode's podcast:funding, which the namespace allows in an item, partytime 5 reads only in the channel)
    alternates = element.findall(P + "alternateEnclosure")
    assert [(a["type"], a["length"], a["default"], [s["uri"] for s in a["source"]])
            for a in item["alternativeEnclosures"]] == [
        (a.get("type"), int(a.get("length")), a.get("default") == "true", [s.get("uri") for s in a.findall(P + "source")])
        for a in alternates] and len(alternates) == 2
    opus = item["alternativeEnclosures"][1]
    integrity = alternates[1].find(P + "integrity")
    assert opus["title"] == "Small download" and opus["lang"] == "en-GB"
    assert opus["integrity"] == {"type": integrity.get("type"), "value": integrity.get("value")}
    assert item["itunesImage"].endswith("/006-everything/cover.jpg")
    assert read["podroll"] == [{"feedGuid": "917393e3-1b1e-5cef-ace4-edaa54e1f810",
                                "feedUrl": "https://mp3s.nashownotes.com/pc20rss.xml", "title": "A & B"}]
    assert read["podcastTxt"] == [{"value": "S6lpp-7ZCn8", "purpose": "verify"}, {"value": "just a note"}]
    assert read["podcastBlockedPlatforms"] == {"google": True, "amazon": True}
    assert read["podcastLocation"] == {"name": "Bristol", "osm": "R5746659", "geo": "geo:51.4545,-2.5879"}
    # the channel's persons (partytime writes taxonomy roles and groups capitalised), licence, trailers and season names
    assert [(p["name"], p["role"].lower(), p["group"].lower(), p.get("href"), p.get("img")) for p in read["podcastPeople"]] == [
        (p.text, p.get("role"), p.get("group"), p.get("href"), p.get("img")) for p in channel.findall(P + "person")]
    assert read["license"] == {"identifier": "CC-BY-4.0", "url": channel.find(P + "license").get("url")}
    assert [(t["title"], t["pubdate"], t.get("season")) for t in read["trailers"]] == [
        (t.text, iso(t.get("pubdate")), int(t.get("season")) if t.get("season") else None)
        for t in channel.findall(P + "trailer")]
    seasons = {s.text: s.get("name") for s in channel.iter(P + "season")}
    assert read["podcastSeasons"] == {n: {"number": int(n), **({"name": name} if name else {})} for n, name in seasons.items()}
    assert seasons == {"1": "Foundations", "2": None}


def test_partytime_reads_value_blocks_time_splits_and_an_episodes_comment_thread(show: Path, partytime) -> None:
    add_value(show)
    add_splits(show)
    thread = show / "episodes/002-learning-alliances/episode.md"
    text = thread.read_text(encoding="utf-8")
    thread.write_text(text.replace("\n---\n", '\nsocial: [{protocol: activitypub, uri: "https://scholar.example/@safetosay/2",'
                                   ' account_id: "@safetosay@scholar.example", priority: 1}]\n---\n', 1), encoding="utf-8")
    site = build(show, now=NOW).output
    read = partytime(site / "feed.xml")
    channel = etree.parse(str(site / "feed.xml")).getroot().find("channel")

    def recipients(parent: etree._Element) -> list[dict[str, Any]]:
        return [{"name": r.get("name"), "type": r.get("type"), "address": r.get("address"), "split": int(r.get("split")),
                 "fee": r.get("fee") == "true",
                 **({"customKey": r.get("customKey"), "customValue": r.get("customValue")} if r.get("customKey") else {})}
                for r in parent.findall(P + "valueRecipient")]

    value = channel.find(P + "value")
    assert read["value"]["type"] == value.get("type") and read["value"]["method"] == value.get("method")
    assert read["value"]["suggested"] == float(value.get("suggested"))
    assert read["value"]["recipients"] == recipients(value) and len(recipients(value)) == 2
    element = next(i for i in channel.iter("item") if i.findtext("title") == "What Practitioners Need to Know")
    item = next(i for i in read["items"] if i["title"] == "What Practitioners Need to Know")
    item_value = element.find(P + "value")
    assert item["value"]["recipients"] == recipients(item_value)
    splits = item_value.findall(P + "valueTimeSplit")
    guest, song = item["value"]["valueTimeSplits"]
    assert (guest["type"], guest["startTime"], guest["duration"]) == (
        "recipients", float(splits[0].get("startTime")), float(splits[0].get("duration"))) == ("recipients", 2, 8.5)
    assert guest["recipients"] == recipients(splits[0])
    remote = splits[1].find(P + "remoteItem")
    assert song == {"type": "remoteItem", "startTime": 12, "duration": 6, "remoteStartTime": 30, "remotePercentage": 95,
                    "remoteItem": {"feedGuid": remote.get("feedGuid"), "itemGuid": remote.get("itemGuid"),
                                   "title": "Tide Song", "medium": "music"}}
    assert remote.get("feedGuid") == "a94f5cc9-8c58-55fc-91fe-a324087a655b"
    commented = next(i for i in read["items"] if i["title"] == "Everyone at One Table")
    assert commented["podcastSocialInteraction"] == [{"platform": "activitypub", "id": "@safetosay@scholar.example",
                                                      "url": "https://scholar.example/@safetosay/2", "priority": 1}]
