"""A show moved with every Podcasting 2.0 tag its old host wrote: what mediafeed can publish is carried into show.yml
and front matter, and the new feed says it again; what it cannot publish is named (IMP050), never dropped without a
word. The old feed is served from 127.0.0.1, imported with the real CLI (``--download``), built, and read back with
podcastparser, feedparser and lxml.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import feedparser
import podcastparser
import pytest
import yaml
from click.testing import CliRunner
from feedcompare import differences
from helpers import ROOT, make_media
from hosts import Host, Route
from lxml import etree

from mediafeed.build import build
from mediafeed.cli import main

PODCAST = "{https://podcastindex.org/namespace/1.0}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
NODE = "02" + "d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52"
GUID = "917393e3-1b1e-5cef-ace4-edaa54e1f810"

#: what Castopod, Buzzsprout and Podbean write, each tag of the namespace a show can carry, and a few mediafeed
#: cannot (podcast:podping, podcast:images, podcast:integrity of a remote file)
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
 xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Every Tag</title><link>{base}/site/</link><language>en</language><description>All of it.</description>
<atom:link href="{base}/feed.rss" rel="self" type="application/rss+xml"/>
<itunes:author>Ana</itunes:author><itunes:owner><itunes:name>Ana</itunes:name><itunes:email>ana@example.org</itunes:email>
</itunes:owner><itunes:image href="{base}/art.png"/><itunes:category text="Science"/><itunes:explicit>false</itunes:explicit>
<itunes:type>episodic</itunes:type>
<podcast:guid>{guid}</podcast:guid>
<podcast:locked owner="ana@example.org">yes</podcast:locked>
<podcast:chat server="irc.libera.chat" protocol="irc" accountId="everytag" space="#everytag"/>
<podcast:publisher><podcast:remoteItem medium="publisher" feedGuid="003af0a0-6a45-55cf-b765-68e3d349551a"
 feedUrl="https://research.example.org/publisher.xml"/></podcast:publisher>
<podcast:image href="{base}/art.png" alt="A heron on one leg in a salt marsh" purpose="artwork"/>
<podcast:image href="{base}/banner.png" purpose="banner"/>
<podcast:txt purpose="ai-content">false</podcast:txt>
<podcast:txt purpose="verify">S6lpp-7ZCn8-dZfGc-OoyaG</podcast:txt>
<podcast:podroll><podcast:remoteItem feedGuid="21a9c5b5-5c43-5c9a-8f5d-3c0e4b2a1d77"
 feedUrl="https://friends.example.org/feed.xml"/></podcast:podroll>
<podcast:location geo="geo:30.2672,-97.7431" osm="R113314" country="US" rel="subject">Austin, TX</podcast:location>
<podcast:license>CC-BY-4.0</podcast:license>
<podcast:updateFrequency rrule="FREQ=WEEKLY;BYDAY=MO">Every Monday</podcast:updateFrequency>
<podcast:trailer pubdate="Mon, 01 Jan 2024 10:00:00 +0000" url="{base}/m/trailer.mp3" length="{size}"
 type="audio/mpeg">Meet Every Tag</podcast:trailer>
<podcast:podping usesPodping="true"/>
<podcast:funding url="https://example.org/support">Support us</podcast:funding>
<podcast:value type="lightning" method="keysend" suggested="0.00000005000">
<podcast:valueRecipient name="Ana" type="node" address="{node}" split="100"/></podcast:value>
<podcast:socialInteract protocol="activitypub" uri="https://mastodon.example.org/@everytag" priority="1"/>
<podcast:person role="host" group="cast">Ana</podcast:person>
<item><title>Trailer</title><guid isPermaLink="false">castopod-trailer-1</guid>
<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate><description>Meet the show.</description>
<enclosure url="{base}/m/trailer.mp3" length="{size}" type="audio/mpeg"/>
<itunes:episodeType>trailer</itunes:episodeType></item>
<item><title>Salt Marshes</title><guid isPermaLink="false">Buzzsprout-14151617</guid>
<pubDate>Mon, 08 Jan 2024 10:00:00 +0000</pubDate><description>Notes of the marsh.</description>
<enclosure url="{base}/m/marsh.mp3" length="{size}" type="audio/mpeg"/>
<itunes:image href="{base}/ep-art.png"/>
<podcast:image href="{base}/ep-art.png" alt="Cordgrass at low tide"/>
<podcast:images srcset="{base}/ep-art.png 1500w"/>
<itunes:season>2</itunes:season><podcast:season name="Wetlands">2</podcast:season>
<itunes:episode>5</itunes:episode><podcast:episode display="Ch. 5">5</podcast:episode>
<itunes:episodeType>full</itunes:episodeType><itunes:block>Yes</itunes:block>
<podcast:person role="host" group="cast" href="https://example.org/ana">Ana</podcast:person>
<podcast:person role="Cover Art Designer" group="Visuals">Bo</podcast:person>
<podcast:soundbite startTime="0.5" duration="1.0">The heron</podcast:soundbite>
<podcast:transcript url="{base}/t/marsh.vtt" type="text/vtt" language="en"/>
<podcast:transcript url="{base}/t/marsh.srt" type="application/x-subrip" language="en"/>
<podcast:transcript url="{base}/t/marsh.json" type="application/json" language="en"/>
<podcast:transcript url="{base}/t/marsh.html" type="text/html" language="en"/>
<podcast:chapters url="{base}/t/marsh-chapters.json" type="application/json+chapters"/>
<podcast:contentLink href="https://video.example.org/w/salt-marshes">Watch on PeerTube</podcast:contentLink>
<podcast:chat server="matrix.example.org" protocol="matrix" space="#marsh-live:example.org"/>
<podcast:location geo="geo:29.95,-93.9" country="US" rel="creator">Sabine Pass</podcast:location>
<podcast:license url="https://example.org/licence">Marsh Licence</podcast:license>
<podcast:funding url="https://example.org/marsh-fund">Save the marsh</podcast:funding>
<podcast:txt>Recorded on location</podcast:txt>
<podcast:value type="lightning" method="keysend">
<podcast:valueRecipient name="Bo" type="node" address="{node}" split="100"/></podcast:value>
<podcast:socialInteract protocol="activitypub" uri="https://mastodon.example.org/@everytag/1"/>
<podcast:alternateEnclosure type="audio/mpeg" length="{size}" default="true">
<podcast:source uri="{base}/m/marsh.mp3"/></podcast:alternateEnclosure>
<podcast:alternateEnclosure type="audio/opus" length="31000" bitrate="160707.74" title="Small download" lang="en-GB"
 codecs="opus" rel="small">
<podcast:source uri="https://cdn.example.net/marsh.opus"/>
<podcast:source uri="ipfs://QmdwGqd3d2gFPGeJNLLCshdiPert45fMu84552Y4XHTy4y"/>
<podcast:source uri="https://cdn.example.net/marsh.torrent" contentType="application/x-bittorrent"/>
<podcast:integrity type="sri" value="sha384-ExVqijgYHm15PqQqdXfW95x+Rs6C+d6E/ICxyQOeFevnxNLR/wtJNrNYTjIysUBo"/>
</podcast:alternateEnclosure>
</item></channel></rss>"""


@pytest.fixture(scope="module")
def tone(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_media(tmp_path_factory.mktemp("tone") / "tone.mp3", "mp3", 2.0).read_bytes()


@pytest.fixture
def old_host(tone: bytes) -> Iterator[Host]:
    with Host() as host:
        host.routes["/feed.rss"] = Route(body=FEED.format(base=host.url, size=len(tone), node=NODE, guid=GUID).encode(),
                                         type="application/rss+xml")
        for art in ("/art.png", "/ep-art.png"):
            host.routes[art] = Route(body=(ROOT / "artwork.png").read_bytes(), type="image/png")
        for name in ("trailer", "marsh"):
            host.routes[f"/m/{name}.mp3"] = Route(body=tone, type="audio/mpeg")
        host.routes["/t/marsh.vtt"] = Route(body=b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", type="text/vtt")
        host.routes["/t/marsh.srt"] = Route(body=b"1\n00:00:00,000 --> 00:00:01,000\nHello\n", type="application/x-subrip")
        host.routes["/t/marsh.json"] = Route(body=b'{"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1, '
                                             b'"body": "Hello"}]}', type="application/json")
        host.routes["/t/marsh.html"] = Route(body=b"<cite>Ana:</cite><time>0:00</time><p>Hello</p>", type="text/html")
        host.routes["/t/marsh-chapters.json"] = Route(
            body=b'{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Start"}]}', type="application/json")
        yield host


def _moved(host: Host, tmp_path: Path) -> tuple[dict, bytes, bytes]:
    result = CliRunner().invoke(main, ["import", f"{host.url}/feed.rss", "--show", str(tmp_path / "show"),
                                       "--download", "--url", "https://new.example.org/show/", "--format", "json"])
    assert "Traceback" not in result.output, result.output
    report = json.loads(result.stdout)
    assert not report["failed"], report["failed"]
    site = build(tmp_path / "show", tmp_path / "site").output
    return report, host.routes["/feed.rss"].body, (site / "feed.xml").read_bytes()


def _moved_with(host: Host, tmp_path: Path, changes: tuple[tuple[bytes, bytes], ...]) -> tuple[dict, bytes, bytes]:
    """:func:`_moved` of the old feed with each (was, now) of ``changes`` made (each ``was`` in it)."""
    body = host.routes["/feed.rss"].body
    for was, now in changes:
        assert was in body
        body = body.replace(was, now)
    host.routes["/feed.rss"].body = body
    return _moved(host, tmp_path)


def _refused(report: dict) -> list[tuple[str, str]]:
    """(field, episode) of each IMP050 for an entry the build would refuse."""
    return sorted((p["field"], p["episode"]) for p in report["problems"] if p["code"] == "IMP050"
                  and "refuse" in p["message"])


def _attrs(element: etree._Element | None) -> dict[str, str]:
    assert element is not None
    return dict(element.attrib)


def test_every_tag_a_show_can_carry_survives_the_move_and_every_guid_and_enclosure_is_kept(
        old_host: Host, tmp_path: Path) -> None:
    """Before, the import wrote none of the channel's podcast:chat, podcast:publisher, podcast:image alt,
    podcast:txt, podcast:podroll, podcast:location, podcast:updateFrequency, nor an item's podcast:contentLink,
    podcast:chat, podcast:soundbite, podcast:location, podcast:license, podcast:funding, podcast:txt,
    podcast:alternateEnclosure or podcast:image alt, and said nothing: the new feed lost them all."""
    report, old, new = _moved(old_host, tmp_path)
    assert not differences(old, new), differences(old, new)
    # subscriber safety: every GUID, and each enclosure where the import said it would be
    moved = {m["guid"]: m["new_url"] for m in report["media"]}
    assert set(moved) == {"castopod-trailer-1", "Buzzsprout-14151617"}
    parsed = podcastparser.parse("https://new.example.org/show/feed.xml", io.BytesIO(new))["episodes"]
    assert {e["guid"]: e["enclosures"][0]["url"] for e in parsed} == moved
    assert {e.id: e.enclosures[0].href for e in feedparser.parse(new).entries} == moved

    channel = etree.fromstring(new).find("channel")
    assert _attrs(channel.find(f"{PODCAST}chat")) == {"server": "irc.libera.chat", "protocol": "irc",
                                                       "accountId": "everytag", "space": "#everytag"}
    assert _attrs(channel.find(f"{PODCAST}publisher/{PODCAST}remoteItem")) == {
        "feedGuid": "003af0a0-6a45-55cf-b765-68e3d349551a", "feedUrl": "https://research.example.org/publisher.xml",
        "medium": "publisher"}
    assert channel.find(f"{PODCAST}image").get("alt") == "A heron on one leg in a salt marsh"
    assert [(t.get("purpose"), t.text) for t in channel.findall(f"{PODCAST}txt")] == [
        ("ai-content", "false"), ("verify", "S6lpp-7ZCn8-dZfGc-OoyaG")]
    assert channel.find(f"{PODCAST}podroll/{PODCAST}remoteItem").get("feedUrl") == "https://friends.example.org/feed.xml"
    location = channel.find(f"{PODCAST}location")
    assert (location.text, location.get("geo"), location.get("osm"), location.get("country"), location.get("rel")) == (
        "Austin, TX", "geo:30.2672,-97.7431", "R113314", "US", "subject")
    assert channel.find(f"{PODCAST}license").text == "CC-BY-4.0"
    frequency = channel.find(f"{PODCAST}updateFrequency")
    assert (frequency.text, frequency.get("rrule")) == ("Every Monday", "FREQ=WEEKLY;BYDAY=MO")
    assert [t.get("url") for t in channel.findall(f"{PODCAST}trailer")] == [moved["castopod-trailer-1"]]

    item = next(i for i in channel.findall("item") if i.findtext("guid") == "Buzzsprout-14151617")
    assert item.find(f"{PODCAST}season").get("name") == "Wetlands"
    assert item.findtext(f"{ITUNES}block") == "Yes"
    assert [(p.text, p.get("role"), p.get("group")) for p in item.findall(f"{PODCAST}person")] == [
        ("Ana", "host", "cast"), ("Bo", "cover art designer", "visuals")]
    bite = item.find(f"{PODCAST}soundbite")
    assert (bite.text, float(bite.get("startTime")), float(bite.get("duration"))) == ("The heron", 0.5, 1.0)
    assert {t.get("type") for t in item.findall(f"{PODCAST}transcript")} >= {
        "text/vtt", "application/x-subrip", "application/json", "text/html"}
    assert item.find(f"{PODCAST}chapters") is not None
    link = item.find(f"{PODCAST}contentLink")
    assert (link.get("href"), link.text) == ("https://video.example.org/w/salt-marshes", "Watch on PeerTube")
    assert _attrs(item.find(f"{PODCAST}chat")) == {"server": "matrix.example.org", "protocol": "matrix",
                                                    "space": "#marsh-live:example.org"}
    assert (item.findtext(f"{PODCAST}location"), item.find(f"{PODCAST}location").get("rel")) == ("Sabine Pass", "creator")
    assert (item.findtext(f"{PODCAST}license"), item.find(f"{PODCAST}license").get("url")) == (
        "Marsh Licence", "https://example.org/licence")
    assert item.find(f"{PODCAST}funding").get("url") == "https://example.org/marsh-fund"
    assert item.findtext(f"{PODCAST}txt") == "Recorded on location"
    assert item.find(f"{PODCAST}value/{PODCAST}valueRecipient").get("name") == "Bo"
    assert item.find(f"{PODCAST}socialInteract").get("uri") == "https://mastodon.example.org/@everytag/1"
    assert item.find(f"{PODCAST}image").get("alt") == "Cordgrass at low tide"
    small = next(a for a in item.findall(f"{PODCAST}alternateEnclosure") if a.get("type") == "audio/opus")
    assert (small.get("bitrate"), small.get("title"), small.get("lang"), small.get("codecs"), small.get("rel")) == (
        "160707.74", "Small download", "en-GB", "opus", "small")
    assert [(s.get("uri"), s.get("contentType")) for s in small.findall(f"{PODCAST}source")] == [
        ("https://cdn.example.net/marsh.opus", None), ("ipfs://QmdwGqd3d2gFPGeJNLLCshdiPert45fMu84552Y4XHTy4y", None),
        ("https://cdn.example.net/marsh.torrent", "application/x-bittorrent")]
    # the old feed's own copy of the main file is the new main file, not the old host's address
    sources = [s.get("uri") for a in item.findall(f"{PODCAST}alternateEnclosure") for s in a.findall(f"{PODCAST}source")]
    assert not any(old_host.url in uri for uri in sources), sources


def test_what_the_import_cannot_carry_is_named_with_its_tag_and_episode(old_host: Host, tmp_path: Path) -> None:
    """podcast:podping, podcast:images, a banner's podcast:image and a remote alternate's podcast:integrity have no
    setting in mediafeed: they were dropped without a word; each is now IMP050, naming the tag and the episode."""
    report, _, _ = _moved(old_host, tmp_path)
    named = {(p["field"], p.get("episode", "")) for p in report["problems"] if p["code"] == "IMP050"}
    assert named == {("podcast:podping", ""), ("podcast:image", ""), ("podcast:images", "Buzzsprout-14151617"),
                     ("podcast:integrity", "Buzzsprout-14151617")}, report["problems"]
    banner = next(p for p in report["problems"] if p["field"] == "podcast:image")
    assert 'podcast:image purpose="banner"' in banner["message"]


def test_a_trailer_the_new_feed_would_not_have_is_named(old_host: Host, tmp_path: Path, tone: bytes) -> None:
    """A channel podcast:trailer whose file is no trailer item of the feed: the build writes podcast:trailer only for
    an episode of type trailer without a number, so it was gone after the move, without a word."""
    old_host.routes["/feed.rss"].body = old_host.routes["/feed.rss"].body.replace(
        b"<itunes:episodeType>trailer</itunes:episodeType>", b"")
    report, _, new = _moved(old_host, tmp_path)
    assert etree.fromstring(new).find(f"channel/{PODCAST}trailer") is None
    assert [(p["field"], p["episode"]) for p in report["problems"] if p["code"] == "IMP050"
            and "trailer" in p["field"]] == [("podcast:trailer", "castopod-trailer-1")]


def test_a_second_transcript_of_one_type_and_language_is_named(old_host: Host, tmp_path: Path) -> None:
    """Two transcripts of one type and language: the second was left out without a word."""
    old_host.routes["/t/other.vtt"] = Route(body=b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", type="text/vtt")
    old_host.routes["/feed.rss"].body = old_host.routes["/feed.rss"].body.replace(
        b'<podcast:chapters', f'<podcast:transcript url="{old_host.url}/t/other.vtt" type="text/vtt" '
        'language="en"/><podcast:chapters'.encode())
    report, _, _ = _moved(old_host, tmp_path)
    said = [p for p in report["problems"] if p["code"] == "IMP040"]
    assert len(said) == 1 and said[0]["episode"] == "Buzzsprout-14151617" and "other.vtt" in said[0]["message"]


def test_a_tag_the_build_would_refuse_is_named_and_the_show_still_builds(old_host: Host, tmp_path: Path) -> None:
    """A real feed's tags as its host wrote them, which mediafeed's rules refuse (a chat server written as an address,
    a content link over http, a podroll entry without its feed's GUID, a soundbite without a duration, an
    ai-content txt of 'yes'): carried as typed they would stop the first build of the moved show. Each is left out
    and named (IMP050, with the build's reason); the rest of the tag's entries are carried."""
    report, _, new = _moved_with(old_host, tmp_path, (
        (b'server="irc.libera.chat"', b'server="https://irc.libera.chat/"'),
        (b'<podcast:contentLink href="https://video', b'<podcast:contentLink href="http://old.example.org/v">Old'
         b'</podcast:contentLink><podcast:contentLink href="https://video'),
        (b'<podcast:podroll>', b'<podcast:podroll><podcast:remoteItem feedUrl="https://nobody.example.org/f.xml"/>'),
        (b'duration="1.0"', b'duration="soon"'),
        (b'<podcast:txt purpose="ai-content">false', b'<podcast:txt purpose="ai-content">yes')))
    assert _refused(report) == [("podcast:chat", ""), ("podcast:contentLink", "Buzzsprout-14151617"),
                                ("podcast:podroll", ""), ("podcast:soundbite", "Buzzsprout-14151617"),
                                ("podcast:txt", "")], report["problems"]
    channel = etree.fromstring(new).find("channel")
    assert channel.find(f"{PODCAST}chat") is None and channel.find(f"{PODCAST}podroll/{PODCAST}remoteItem") is not None
    assert [t.get("purpose") for t in channel.findall(f"{PODCAST}txt")] == ["verify"]
    item = channel.find("item[guid='Buzzsprout-14151617']")
    assert [c.get("href") for c in item.findall(f"{PODCAST}contentLink")] == ["https://video.example.org/w/salt-marshes"]


def test_an_alternates_source_no_address_holds_is_named_not_carried(old_host: Host, tmp_path: Path) -> None:
    """An old feed's podcast:source holding what no address holds as it is (an RLO, which shows the address reversed;
    a magnet link's '"><script>') was carried into the front matter and published as written: the build held a
    source to '\\S+' alone. The build now refuses it as it refuses such an address anywhere, so the import names the
    source (IMP050, with the build's reason) and the moved show builds without it. (The whole alternate was left
    out for one bad source, its https file and torrent with it: it is now kept with its good sources.)"""
    body = old_host.routes["/feed.rss"].body
    was = b'<podcast:source uri="ipfs://QmdwGqd3d2gFPGeJNLLCshdiPert45fMu84552Y4XHTy4y"/>'
    assert was in body
    for bad in ('ipfs://Qmdw&#x202E;3pm.lio', 'magnet:?xt=urn:btih:c12fe1&amp;dn=&quot;&gt;&lt;script&gt;alert(1)'
                '&lt;/script&gt;'):
        old_host.routes["/feed.rss"].body = body.replace(was, f'<podcast:source uri="{bad}"/>'.encode())
        report, _, new = _moved(old_host, tmp_path / bad[:4])
        [named] = [p for p in report["problems"] if p["code"] == "IMP050" and p["field"] == "podcast:source"]
        assert named["episode"] == "Buzzsprout-14151617"
        assert ("U+202E" if bad.startswith("ipfs") else "percent-encoded") in named["message"] + named["hint"]
        assert "of podcast:alternateEnclosure 'Small download' not imported" in named["message"]
        assert "the alternate is imported with its other addresses" in named["message"]
        assert not [p for p in report["problems"] if p["field"] == "podcast:alternateEnclosure"]
        assert b"Qmdw" not in new and b"c12fe1" not in new
        front = (tmp_path / bad[:4] / "show" / "episodes" / "005-salt-marshes" / "episode.md").read_text(encoding="utf-8")
        assert "alternate_enclosures" in front and "content_links" in front
        small = next(a for a in etree.fromstring(new).iter(f"{PODCAST}alternateEnclosure") if a.get("type") == "audio/opus")
        assert [s.get("uri") for s in small.findall(f"{PODCAST}source")] == [
            "https://cdn.example.net/marsh.opus", "https://cdn.example.net/marsh.torrent"]


def test_an_artwork_alt_with_no_place_is_named_and_a_long_one_carried(old_host: Host, tmp_path: Path) -> None:
    """An item's alt whose item has no artwork of its own (no itunes:image: the episode shows the show's) was dropped
    without a word: now named (IMP050). A channel alt longer than the 250 characters the build warns about (SRC058) is
    carried as it was, and the show builds."""
    long_alt = "A heron on one leg in a salt marsh, " * 8
    report, _, new = _moved_with(old_host, tmp_path, (
        (b'alt="A heron on one leg in a salt marsh"', f'alt="{long_alt}"'.encode()),
        (b'<itunes:image href="' + old_host.url.encode() + b'/ep-art.png"/>', b"")))
    named = {p["episode"]: p for p in report["problems"] if p["field"] == "podcast:image alt"}
    assert set(named) == {"Buzzsprout-14151617"}, report["problems"]
    assert named["Buzzsprout-14151617"]["code"] == "IMP050"
    assert "'Cordgrass at low tide' is not imported" in named["Buzzsprout-14151617"]["message"]
    assert "no itunes:image" in named["Buzzsprout-14151617"]["message"]
    channel = etree.fromstring(new).find("channel")
    assert channel.find(f"{PODCAST}image").get("alt") == long_alt.strip()
    assert channel.find(f"item[guid='Buzzsprout-14151617']/{PODCAST}image") is None


def test_a_tag_every_item_holds_is_named_once_with_how_many_items_hold_it() -> None:
    """A host writing podcast:images in each of 300 items made 300 IMP050 warnings of one finding; now one, naming the
    tag, how many items hold it and the first three (title and GUID). A tag of a single item is named at it, as before."""
    from mediafeed.importer.document import parse

    items = "".join(f'<item><title>Episode {n}</title><guid isPermaLink="false">ep-{n}</guid>'
                    f"<pubDate>Mon, {n % 28 + 1:02d} Jan 2024 10:00:00 +0000</pubDate>"
                    f'<enclosure url="https://old.example.org/{n}.mp3" length="1000" type="audio/mpeg"/>'
                    f'<podcast:images srcset="https://old.example.org/{n}.png 1500w"/>'
                    + ('<podcast:liveValue uri="https://old.example.org/live" protocol="lnurl"/>' if n == 7 else "")
                    + "</item>" for n in range(1, 301))
    feed = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/'
            f'namespace/1.0"><channel><title>Many</title><link>https://old.example.org/</link>{items}</channel></rss>')
    _, problems = parse(feed.encode(), "feed.rss")
    unplaced = [p for p in problems if p.code == "IMP050"]
    assert len(unplaced) == 2, [p.message for p in unplaced]
    images = next(p for p in unplaced if p.field == "podcast:images")
    assert images.episode == "" and images.severity.value == "warning"
    assert images.message.startswith("podcast:images is not imported from the 300 items that hold it ('Episode 1' "
                                     "('ep-1'), 'Episode 2' ('ep-2'), 'Episode 3' ('ep-3') and 297 more)")
    live = next(p for p in unplaced if p.field == "podcast:liveValue")
    assert (live.episode, live.message) == ("ep-7", "episode 'Episode 7': podcast:liveValue is not imported: "
                                                    "mediafeed has no setting for it")


def test_a_channel_licence_or_funding_the_build_refuses_is_named_and_the_show_still_builds(
        old_host: Host, tmp_path: Path) -> None:
    """The channel's podcast:license and podcast:funding went into show.yml as the old feed wrote them, never read by
    the build's own parser as the items' are: a licence without its text's address ('All rights reserved') stopped
    the moved show's first build (SRC010), and funding at another address than http(s) was left out without a word.
    Each is now left out and named (IMP050, with the build's reason); the other funding entry is carried."""
    report, _, new = _moved_with(old_host, tmp_path, (
        (b"<podcast:license>CC-BY-4.0</podcast:license>", b"<podcast:license>All rights reserved</podcast:license>"),
        (b'<podcast:funding url="https://example.org/support">Support us</podcast:funding>',
         b'<podcast:funding url="https://example.org/support">Support us</podcast:funding>'
         b'<podcast:funding url="ftp://example.org/give">Give</podcast:funding>')))
    assert _refused(report) == [("podcast:funding", ""), ("podcast:license", "")], report["problems"]
    licence = next(p for p in report["problems"] if p["field"] == "podcast:license")
    assert "'All rights reserved' is not an SPDX licence identifier" in licence["message"]
    channel = etree.fromstring(new).find("channel")
    assert channel.find(f"{PODCAST}license") is None
    assert [f.get("url") for f in channel.findall(f"{PODCAST}funding")] == ["https://example.org/support"]


@pytest.mark.parametrize("description, subtitle", [
    # the notes as HTML: a character reference, a tag inside the words (WordPress writes &#8217; for an apostrophe)
    ("<![CDATA[<p>Tom &amp; Jerry&#8217;s <b>marsh</b> walk, at dawn.</p>]]>", "Tom & Jerry’s marsh walk"),
    # a subtitle the host made of the description's start, cut with an ellipsis (PowerPress, Libsyn)
    ("Notes of the episode: the marsh at dawn, the herons and the tide.", "Notes of the episode: the marsh at da…"),
    ("Notes of the episode: the marsh at dawn, the herons and the tide.", "Notes of the episode: the marsh at dawn..."),
])
def test_an_itunes_subtitle_the_notes_say_is_not_named(description: str, subtitle: str) -> None:
    """IMP051 compared the subtitle with the notes' HTML as written, so one the notes say in other markup ('&' as
    '&amp;', '’' as '&#8217;', a word in <b>), or a host's subtitle cut from the description's start with an
    ellipsis, was named as lost, though the description says it."""
    from xml.sax.saxutils import escape

    from mediafeed.importer.document import parse

    feed = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/'
            'podcast-1.0.dtd"><channel><title>Marsh</title><link>https://old.example.org/</link><description>A show.'
            '</description><item><title>Episode 1</title><guid isPermaLink="false">ep-1</guid><pubDate>Mon, 01 Jan '
            f"2024 10:00:00 +0000</pubDate><description>{description}</description><itunes:subtitle>{escape(subtitle)}"
            '</itunes:subtitle><enclosure url="https://old.example.org/1.mp3" length="1000" type="audio/mpeg"/></item>'
            "</channel></rss>")
    _, problems = parse(feed.encode(), "feed.rss")
    assert [p.message for p in problems if p.code == "IMP051"] == []


def test_an_itunes_subtitle_the_new_feed_would_lose_is_named() -> None:
    """mediafeed writes no itunes:subtitle (Apple's guide no longer lists it), and the import dropped the old feed's
    without a word. One that says what the description or notes do not is now named (IMP051): the channel's, and the
    items' as one problem (a host writes one on every item); one the description already says is left quietly."""
    from mediafeed.importer.document import parse

    items = "".join(f'<item><title>Episode {n}</title><guid isPermaLink="false">ep-{n}</guid>'
                    f"<pubDate>Mon, {n:02d} Jan 2024 10:00:00 +0000</pubDate>"
                    f"<description>Notes of episode {n}: the marsh at dawn.</description>"
                    f"<itunes:subtitle>{'Recorded live' if n < 5 else 'the marsh at  dawn'}</itunes:subtitle>"
                    f'<enclosure url="https://old.example.org/{n}.mp3" length="1000" type="audio/mpeg"/></item>'
                    for n in range(1, 6))
    feed = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/'
            'podcast-1.0.dtd"><channel><title>Marsh</title><link>https://old.example.org/</link><description>A show.'
            f"</description><itunes:subtitle>Weekly from the salt marsh</itunes:subtitle>{items}</channel></rss>")
    _, problems = parse(feed.encode(), "feed.rss")
    named = [(p.episode, p.message) for p in problems if p.code == "IMP051"]
    assert named == [
        ("", "the channel: itunes:subtitle 'Weekly from the salt marsh' is not imported: mediafeed writes no "
             "itunes:subtitle (Apple's guide no longer lists it), and the description does not say it"),
        ("", "itunes:subtitle is not imported from the 4 items that hold it ('Episode 1' ('ep-1'), 'Episode 2' ('ep-2'), "
             "'Episode 3' ('ep-3') and 1 more): mediafeed writes no itunes:subtitle (Apple's guide no longer lists "
             "it), and the description does not say it")], problems


def test_a_long_funding_text_is_carried_whole_on_the_channel_as_on_an_item(old_host: Host, tmp_path: Path) -> None:
    """An item's podcast:funding text longer than the namespace's 128 characters was carried whole (the build
    publishes it with a PI009 warning: "may be truncated by aggregators"), while the channel's was cut at 128 without
    a word. Both are carried whole now, as the old feed published them."""
    long = "Keep the marsh recordings coming: every pledge pays for a night of field recording, " * 3
    report, _, new = _moved_with(old_host, tmp_path, (
        (b">Support us</podcast:funding>", f">{long}</podcast:funding>".encode()),
        (b">Save the marsh</podcast:funding>", f">{long}</podcast:funding>".encode())))
    assert not _refused(report), report["problems"]
    root = etree.fromstring(new).find("channel")
    assert root.find(f"{PODCAST}funding").text == long.strip()
    assert root.find(f"item/{PODCAST}funding").text == long.strip()
    config = yaml.safe_load((tmp_path / "show" / "show.yml").read_text(encoding="utf-8"))
    assert config["funding"] == [{"url": "https://example.org/support", "text": long.strip()}]
