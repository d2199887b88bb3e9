"""Moving a show from each big host: its feed, written the way that host writes it, is served from 127.0.0.1,
imported with the real CLI (``--download``), built, and the new feed compared with the old one item by item
with feedparser and podcastparser (tests/feedcompare.py): no subscriber may notice the move.

The quirks are the ones these hosts' feeds show: GUIDs that are URLs (isPermaLink="true" or no attribute, which
means true), GUIDs in CDATA or padded with whitespace, a GUID shared by two items, enclosures behind Podtrac,
Chartable, pdst.fm and OP3 prefixes, RFC 822 dates in GMT, UT, +0000, EST, -0800, notes in content:encoded CDATA or
only in itunes:summary, seasons, bonus episodes, per-episode artwork, transcripts, chapters and persons.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from click.testing import CliRunner
from feedcompare import differences
from feedparser.datetimes import _parse_date
from helpers import ROOT, make_media
from hosts import Host, Route
from lxml import etree

from mediafeed.build import BuildFailed, build
from mediafeed.cli import main
from mediafeed.importer import media_name
from mediafeed.importer.feedread import parse_date
from mediafeed.importer.tracking import without_tracking
from mediafeed.source import split_front_matter

NAMESPACES = ('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" '
              'xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')
CHANNEL = """<title>{title}</title><link>{base}/site/</link><language>en-us</language>
<description>A show that moves.</description><itunes:author>Ana</itunes:author>
<itunes:owner><itunes:name>Ana</itunes:name><itunes:email>ana@example.org</itunes:email></itunes:owner>
<itunes:image href="{base}/art.png"/><itunes:category text="Arts"/><itunes:explicit>{explicit}</itunes:explicit>
<atom:link href="{base}/feed.rss" rel="self" type="application/rss+xml"/>
<podcast:guid>{podcast_guid}</podcast:guid>"""

#: each host's items: {base} is the server, {size} the media's length, {media} the path of a media file on it
HOSTS: dict[str, tuple[str, str]] = {
    # Anchor / Spotify for Creators: CDATA everywhere, UUID GUIDs not permalinks, GMT dates, HH:MM:SS durations
    "anchor": ("no", """
<item><title><![CDATA[Episode 2: Night buses]]></title><description><![CDATA[<p>Notes with <a href="https://x.example/">a link</a></p>]]></description>
<link>https://podcasters.spotify.com/pod/show/x/episodes/2</link><guid isPermaLink="false">d1a8b2e4-4a8e-4f9b-9a0e-3c2f1f0e5b72</guid>
<dc:creator><![CDATA[Ana]]></dc:creator><pubDate>Tue, 02 Jan 2024 10:30:00 GMT</pubDate>
<enclosure url="{base}/anchor/{media}/2.mp3" length="{size}" type="audio/mpeg"/>
<itunes:summary>&lt;p&gt;Notes&lt;/p&gt;</itunes:summary><itunes:explicit>No</itunes:explicit><itunes:duration>00:00:02</itunes:duration>
<itunes:image href="{base}/art.png"/><itunes:season>1</itunes:season><itunes:episode>2</itunes:episode><itunes:episodeType>full</itunes:episodeType></item>
<item><title><![CDATA[Trailer]]></title><description><![CDATA[Coming soon]]></description>
<guid isPermaLink="false">0b7c3c1e-9f43-4f4e-8c55-7f1b51c3e0aa</guid><pubDate>Mon, 01 Jan 2024 08:00:00 GMT</pubDate>
<enclosure url="{base}/anchor/{media}/t.mp3" length="{size}" type="audio/mpeg"/><itunes:duration>00:00:02</itunes:duration>
<itunes:episodeType>trailer</itunes:episodeType></item>"""),
    # Libsyn: GUIDs in CDATA with whitespace around, dates in +0000, a Podtrac prefix, seasons, bonus
    "libsyn": ("clean", """
<item><title>S2E5 - Compost</title><itunes:title>Compost</itunes:title><pubDate>Fri, 05 Jan 2024 06:00:00 +0000</pubDate>
<guid isPermaLink="false"><![CDATA[  9f2b1c9a-1d2e-4f7a-b0c1-0e9a8b7c6d5e
 ]]></guid><link><![CDATA[https://show.libsyn.com/compost]]></link>
<description><![CDATA[<p>Heat &amp; time</p>]]></description><content:encoded><![CDATA[<p>Heat &amp; <b>time</b></p>]]></content:encoded>
<enclosure length="{size}" type="audio/mpeg" url="http://dts.podtrac.com/redirect.mp3/{host}/libsyn/{media}/compost.mp3?dest-id=123"/>
<itunes:duration>00:00:02</itunes:duration><itunes:explicit>false</itunes:explicit><itunes:keywords>garden,soil</itunes:keywords>
<itunes:subtitle><![CDATA[Heat & time]]></itunes:subtitle><itunes:episode>5</itunes:episode><itunes:season>2</itunes:season>
<itunes:episodeType>full</itunes:episodeType></item>
<item><title>Bonus: Q&amp;A</title><pubDate>Wed, 03 Jan 2024 18:15:30 -0800</pubDate>
<guid isPermaLink="false"><![CDATA[bonus-qa-2024]]></guid>
<enclosure length="{size}" type="audio/mpeg" url="http://dts.podtrac.com/redirect.mp3/{host}/libsyn/{media}/qa.mp3"/>
<itunes:duration>2</itunes:duration><itunes:explicit>true</itunes:explicit><itunes:season>2</itunes:season>
<itunes:episodeType>bonus</itunes:episodeType></item>"""),
    # WordPress + PowerPress: GUIDs that are URLs without isPermaLink (so: permalinks), EST and -0500, Chartable
    "powerpress": ("no", """
<item><title>Tomatoes &#8211; and basil</title><link>{base}/site/tomatoes/</link>
<pubDate>Thu, 04 Jan 2024 09:00:00 EST</pubDate><dc:creator><![CDATA[ana]]></dc:creator>
<guid>{base}/site/?p=123</guid>
<description><![CDATA[Companion planting [&#8230;]]]></description>
<content:encoded><![CDATA[<p>Companion planting, <em>with</em> basil.</p>
<h2>Links</h2><ul><li><a href="/site/basil/">Basil</a></li></ul>]]></content:encoded>
<enclosure url="http://chtbl.com/track/ABC12/{host}/powerpress/{media}/tomatoes.mp3" length="{size}" type="audio/mpeg" />
<itunes:subtitle>Companion planting</itunes:subtitle><itunes:summary>Companion planting, with basil.</itunes:summary>
<itunes:author>Ana</itunes:author><itunes:explicit>no</itunes:explicit><itunes:duration>0:02</itunes:duration></item>
<item><title>Permalink on purpose</title><link>{base}/site/permalink/</link>
<pubDate>Wed, 03 Jan 2024 09:00:00 -0500</pubDate><guid isPermaLink="true">{base}/site/permalink/</guid>
<description>Only a description.</description>
<enclosure url="{base}/powerpress/{media}/permalink.mp3" length="{size}" type="audio/mpeg" />
<itunes:duration>2</itunes:duration></item>
<item><title>An old plugin's GUID</title><pubDate>Tue, 2 Jan 24 09:00:00 -0500</pubDate><guid>ssp-episode-88</guid>
<description>No isPermaLink, and no URL.</description>
<enclosure url="{base}/powerpress/{media}/88.mp3" length="{size}" type="audio/mpeg" /></item>"""),
    # Buzzsprout: "Buzzsprout-NNN" GUIDs, pdst.fm prefix, transcripts, chapters, persons, seasons
    "buzzsprout": ("false", """
<item><itunes:title>Soil</itunes:title><title>Soil</title><itunes:episodeType>full</itunes:episodeType>
<itunes:season>3</itunes:season><itunes:episode>12</itunes:episode><podcast:season>3</podcast:season><podcast:episode>12</podcast:episode>
<description><![CDATA[<p>All about soil.</p>]]></description><content:encoded><![CDATA[<p>All about <strong>soil</strong>.</p>]]></content:encoded>
<itunes:image href="{base}/art.png"/>
<guid isPermaLink='false'>Buzzsprout-14151617</guid><pubDate>Sat, 06 Jan 2024 05:00:00 -0500</pubDate>
<podcast:person role="guest" href="https://example.org/lena">Lena</podcast:person>
<enclosure url="http://pdst.fm/e/{host}/buzzsprout/{media}/14151617.mp3" length="{size}" type="audio/mpeg" />
<podcast:transcript url="{base}/buzzsprout/transcript.vtt" type="text/vtt" />
<podcast:chapters url="{base}/buzzsprout/chapters.json" type="application/json+chapters" />
<itunes:duration>2</itunes:duration><itunes:explicit>false</itunes:explicit></item>"""),
    # Transistor / Captivate / Simplecast / Acast / Megaphone / Castopod: UUIDs, OP3 prefix, zones, blocks
    "transistor": ("false", """
<item><title>Mushrooms</title><itunes:episode>7</itunes:episode><podcast:episode>7</podcast:episode>
<itunes:title>Mushrooms</itunes:title><itunes:episodeType>full</itunes:episodeType>
<guid isPermaLink="false">a3f2e1d0-1111-4222-8333-944455556666</guid><link>https://share.transistor.fm/s/abc</link>
<description>  Plain text notes.

Second paragraph.  </description>
<pubDate>Sun, 07 Jan 2024 21:45:09 +0100</pubDate><author>ana@example.org (Ana)</author>
<enclosure url="https://op3.dev/e/{base}/transistor/{media}/mushrooms.mp3" length="{size}" type="audio/mpeg"/>
<itunes:duration>2</itunes:duration><itunes:author>Ana</itunes:author><itunes:explicit>No</itunes:explicit>
<itunes:block>Yes</itunes:block></item>
<item><title>Megaphone style</title><itunes:episodeType>bonus</itunes:episodeType>
<guid isPermaLink="false"><![CDATA[ABCD1234567890]]></guid><pubDate>Mon, 08 Jan 2024 08:00:00 -0000</pubDate>
<itunes:summary><![CDATA[<p>Only itunes:summary holds the notes.</p>]]></itunes:summary>
<enclosure url="{base}/transistor/{media}/ABCD1234567890.mp3?updated=1704700800" length="{size}" type="audio/mpeg"/>
<itunes:duration>2</itunes:duration></item>
<item><title>Duplicate of Mushrooms</title><guid isPermaLink="false">a3f2e1d0-1111-4222-8333-944455556666</guid>
<pubDate>Sun, 07 Jan 2024 20:00:00 +0000</pubDate>
<enclosure url="{base}/transistor/{media}/dup.mp3" length="{size}" type="audio/mpeg"/></item>"""),
    # Podbean: "show-abc123" GUIDs, per-episode artwork, PDT, a single-digit day and hour, "007" numbers
    "podbean": ("false", """
<item><title>Seeds</title><itunes:title>Seeds</itunes:title><link>https://x.podbean.com/e/seeds/</link>
<comments>https://x.podbean.com/e/seeds/#comments</comments><pubDate>Tue, 2 Jan 2024 3:05:07 PDT</pubDate>
<guid isPermaLink="false">x.podbean.com/seeds-a1b2c3</guid>
<description><![CDATA[<p>Seeds &amp; <em>sprouts</em></p>]]></description>
<content:encoded><![CDATA[<p>Seeds &amp; <em>sprouts</em></p>]]></content:encoded>
<enclosure url="{base}/podbean/{media}/seeds.mp3" length="{size}" type="audio/mpeg"/>
<itunes:summary><![CDATA[Seeds & sprouts]]></itunes:summary><itunes:author>Ana</itunes:author>
<itunes:explicit>false</itunes:explicit><itunes:image href="{base}/ep-art.png"/><itunes:duration>00:00:02</itunes:duration>
<itunes:season>1</itunes:season><itunes:episode>007</itunes:episode><itunes:episodeType>full</itunes:episodeType></item>"""),
    # Acast: GUIDs of 24 hex digits, GMT, notes only in itunes:summary and description, explicit "yes" on an item
    "acast": ("no", """
<item><title>Rain</title><itunes:title>Rain</itunes:title><pubDate>Mon, 08 Jan 2024 05:00:00 GMT</pubDate>
<guid isPermaLink="false">659b1c2d3e4f5a6b7c8d9e0f</guid><itunes:image href="{base}/ep-art.png"/>
<description><![CDATA[<p>Rain, <a href="https://example.org/">more</a>.</p><hr><p style='color:grey;font-size:0.75em;'> Hosted on Acast. See <a style='color:grey;' target='_blank' rel='noopener noreferrer' href='https://acast.com/privacy'>acast.com/privacy</a> for more information.</p>]]></description>
<itunes:summary><![CDATA[<p>Rain.</p>]]></itunes:summary><itunes:explicit>yes</itunes:explicit>
<itunes:duration>00:00:02</itunes:duration><itunes:episodeType>full</itunes:episodeType><itunes:season>4</itunes:season>
<enclosure url="{base}/acast/{media}/media.mp3" length="{size}" type="audio/mpeg"/></item>"""),
    # Simplecast: UUIDs, +0000, HTML in description CDATA, content:encoded with the same, keywords
    "simplecast": ("false", """
<item><guid isPermaLink="false">5e9c6a1b-7f2d-4c3e-8a9b-0c1d2e3f4a5b</guid><title>Wind</title>
<description><![CDATA[<p>Wind</p>]]></description><content:encoded><![CDATA[<p>Wind, <strong>gusts</strong></p>]]></content:encoded>
<pubDate>Tue, 09 Jan 2024 10:00:00 +0000</pubDate><author>ana@example.org (Ana)</author>
<link>https://wind.simplecast.com/episodes/wind</link>
<enclosure length="{size}" type="audio/mpeg" url="{base}/simplecast/{media}/wind.mp3?aid=rss_feed&amp;feed=abc"/>
<itunes:title>Wind</itunes:title><itunes:author>Ana</itunes:author><itunes:duration>00:00:02</itunes:duration>
<itunes:summary>Wind, gusts</itunes:summary><itunes:explicit>false</itunes:explicit><itunes:episodeType>full</itunes:episodeType>
<itunes:season>1</itunes:season><itunes:episode>3</itunes:episode><itunes:keywords>wind, weather</itunes:keywords></item>"""),
    # Captivate: UUIDs, transcripts in two forms, a trailer with a season and no number, -0000
    "captivate": ("false", """
<item><title><![CDATA[Welcome]]></title><itunes:title><![CDATA[Welcome]]></itunes:title>
<description><![CDATA[<p>Welcome!</p>]]></description><content:encoded><![CDATA[<p>Welcome!</p>]]></content:encoded>
<link>https://show.captivate.fm/episode/welcome</link><guid isPermaLink="false">2d3b9c0e-61f0-4a7e-bd0c-54b0d7e0e3f1</guid>
<dc:creator><![CDATA[Ana]]></dc:creator><pubDate>Wed, 10 Jan 2024 07:00:00 -0000</pubDate>
<enclosure url="{base}/captivate/{media}/welcome.mp3" length="{size}" type="audio/mpeg"/>
<itunes:duration>2</itunes:duration><itunes:summary><![CDATA[Welcome!]]></itunes:summary>
<itunes:season>2</itunes:season><itunes:episodeType>trailer</itunes:episodeType><itunes:explicit>no</itunes:explicit>
<podcast:transcript url="{base}/buzzsprout/transcript.vtt" type="text/vtt" language="en"/></item>"""),
    # Castopod: UUIDs, podcast:person with an https image, chapters, an SRT transcript, podcast:season with a name
    "castopod": ("false", """
<item><title>Frost</title><enclosure url="{base}/castopod/{media}/frost.mp3" length="{size}" type="audio/mpeg"/>
<itunes:title>Frost</itunes:title><guid isPermaLink="false">0f1e2d3c-4b5a-6978-8a9b-acbdcedf0011</guid>
<pubDate>Thu, 11 Jan 2024 18:30:00 +0100</pubDate><description><![CDATA[<p>Frost.</p>]]></description>
<itunes:duration>2</itunes:duration><link>https://castopod.example.org/@show/episodes/frost</link>
<itunes:episode>1</itunes:episode><itunes:season>5</itunes:season><podcast:season name="Winter">5</podcast:season>
<podcast:episode>1</podcast:episode><itunes:episodeType>full</itunes:episodeType><itunes:explicit>false</itunes:explicit>
<podcast:chapters url="{base}/buzzsprout/chapters.json" type="application/json+chapters"/>
<podcast:person role="host" img="https://castopod.example.org/ana.jpg" href="https://castopod.example.org/@ana">Ana</podcast:person>
<podcast:person role="guest" group="cast">Bo</podcast:person>
<podcast:transcript url="{base}/castopod/transcript.srt" type="application/x-subrip" language="en"/></item>"""),
}


@pytest.fixture(scope="module")
def tone(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_media(tmp_path_factory.mktemp("tone") / "tone.mp3", "mp3", 2.0).read_bytes()


def old_feed(name: str, base: str, size: int) -> bytes:
    explicit, items = HOSTS[name]
    channel = CHANNEL.format(title=name.title(), base=base, explicit=explicit,
                             podcast_guid="8c8e9b0a-2b1f-5d7e-9a3c-1e2f3a4b5c6d")
    items = items.format(base=base, host=base.split("//", 1)[1], size=size, media="media")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" {NAMESPACES}><channel>{channel}{items}' \
           '</channel></rss>'.encode()


@pytest.fixture
def old_host(tone: bytes) -> Iterator[Host]:
    """Serves every host's feed at /NAME.rss and its media under /NAME/media/. The measurement prefixes
    (dts.podtrac.com …) are not reachable from here: the import must fetch the media without them."""
    with Host() as host:
        for art in ("/art.png", "/ep-art.png"):
            host.routes[art] = Route(body=(ROOT / "artwork.png").read_bytes(), type="image/png")
        for name in HOSTS:
            host.routes[f"/{name}.rss"] = Route(body=old_feed(name, host.url, len(tone)), type="application/rss+xml")
        for name in HOSTS:
            for file in ("2.mp3", "t.mp3", "compost.mp3", "qa.mp3", "tomatoes.mp3", "permalink.mp3", "14151617.mp3",
                         "mushrooms.mp3", "ABCD1234567890.mp3", "dup.mp3", "seeds.mp3", "media.mp3", "wind.mp3",
                         "welcome.mp3", "frost.mp3", "88.mp3"):
                host.routes[f"/{name}/media/{file}"] = Route(body=tone, type="audio/mpeg")
        host.routes["/buzzsprout/transcript.vtt"] = Route(body=b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", type="text/vtt")
        host.routes["/castopod/transcript.srt"] = Route(body=b"1\n00:00:00,000 --> 00:00:01,000\nHello\n",
                                                        type="application/x-subrip")
        host.routes["/buzzsprout/chapters.json"] = Route(
            body=b'{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Start"}]}', type="application/json")
        yield host


def move(host: Host, name: str, tmp_path: Path) -> tuple[bytes, bytes, dict]:
    """Import /NAME.rss with the real CLI, build, and return the old feed, the new one and the import's report."""
    show = tmp_path / name
    result = CliRunner().invoke(main, ["import", f"{host.url}/{name}.rss", "--show", str(show), "--download",
                                       "--url", "https://new.example.org/show/", "--format", "json"])
    report = json.loads(result.output)
    assert not report["failed"], report["failed"]
    site = build(show, tmp_path / f"{name}-site").output
    return host.routes[f"/{name}.rss"].body, (site / "feed.xml").read_bytes(), report


@pytest.mark.parametrize("name", sorted(HOSTS))
def test_subscribers_do_not_notice_the_move(old_host: Host, name: str, tmp_path: Path) -> None:
    old, new, report = move(old_host, name, tmp_path)
    found = differences(old, new)
    assert not found, "\n".join(found)


def _front(path: Path) -> dict:
    data, _, problems = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    assert not problems and data is not None
    return data


def test_a_url_guid_published_as_a_permalink_stays_one_and_only_a_url_can(old_host: Host, tmp_path: Path) -> None:
    _, new, _ = move(old_host, "powerpress", tmp_path)
    guids = {g.text: g.get("isPermaLink") for g in etree.fromstring(new).iter("guid")}
    assert guids == {f"{old_host.url}/site/?p=123": "true", f"{old_host.url}/site/permalink/": "true",
                     "ssp-episode-88": "false"}  # no attribute in the old feed, but no URL either: see docs/cli.md
    folder = tmp_path / "powerpress" / "episodes" / "an-old-plugins-guid"
    text = (folder / "episode.md").read_text()
    (folder / "episode.md").write_text(text.replace("guid: ssp-episode-88\n", "guid: ssp-episode-88\nguid_permalink: true\n"))
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path / "powerpress", tmp_path / "again")
    assert any(p.field == "guid_permalink" and "ssp-episode-88" in p.message for p in failed.value.problems)


def test_media_are_fetched_past_measurement_prefixes_and_the_move_is_spelt_out(old_host: Host, tmp_path: Path) -> None:
    _, new, report = move(old_host, "libsyn", tmp_path)
    enclosures = {i.findtext("guid"): i.find("enclosure").get("url") for i in etree.fromstring(new).iter("item")}
    # (the GUID as the old feed holds it, in its CDATA: "  9f2b…\n ", published so)
    compost = next(m for m in report["media"] if m["guid"].strip() == "9f2b1c9a-1d2e-4f7a-b0c1-0e9a8b7c6d5e")
    assert compost["old_url"].startswith("http://dts.podtrac.com/redirect.mp3/127.0.0.1:")
    assert compost["new_url"] == enclosures[compost["guid"]] == \
        "https://new.example.org/show/episodes/005-s2e5-compost/compost.mp3"
    assert old_host.routes["/libsyn/media/compost.mp3"].hits == ["GET"]  # straight from the file, once
    steps = " ".join(report["steps"])
    assert "2 enclosure URL(s) now point at the new site" in steps and "(dts.podtrac.com)" in steps


@pytest.mark.parametrize(("url", "real"), [
    ("https://dts.podtrac.com/redirect.mp3/traffic.libsyn.com/show/ep.mp3?dest-id=1",
     "https://traffic.libsyn.com/show/ep.mp3?dest-id=1"),
    ("https://www.podtrac.com/pts/redirect.mp3/pdst.fm/e/chtbl.com/track/A1B2/traffic.megaphone.fm/X.mp3?updated=1",
     "https://traffic.megaphone.fm/X.mp3?updated=1"),
    ("https://op3.dev/e,pg=0f1e/https://media.transistor.fm/abc/ep.mp3", "https://media.transistor.fm/abc/ep.mp3"),
    ("http://op3.dev/e/media.example.org/ep.mp3", "http://media.example.org/ep.mp3"),
    ("https://media.example.org/op3.dev/e/ep.mp3", "https://media.example.org/op3.dev/e/ep.mp3"),
])
def test_measurement_prefixes_are_seen_through_even_chained(url: str, real: str) -> None:
    assert without_tracking(url) == real


def test_an_episodes_own_artwork_moves_with_it_and_the_shows_is_not_copied(old_host: Host, tmp_path: Path) -> None:
    move(old_host, "podbean", tmp_path)
    move(old_host, "anchor", tmp_path)
    seeds = tmp_path / "podbean" / "episodes" / "007-seeds"
    assert _front(seeds / "episode.md")["artwork"] == "artwork.png"
    assert (seeds / "artwork.png").read_bytes() == (ROOT / "artwork.png").read_bytes()
    night = tmp_path / "anchor" / "episodes" / "002-episode-2-night-buses"
    assert "artwork" not in _front(night / "episode.md") and not (night / "artwork.png").exists()


def test_anchors_play_address_is_seen_through_to_the_file() -> None:
    """Anchor / Spotify for Creators enclosures are anchor.fm's redirect with the file's own address percent-encoded
    after it: the import fetched through it and named the file 'https-d3ctxlq1ktw2nl-cloudfront-net-…-abc.mp3'."""
    url = ("https://anchor.fm/s/1a2b3c4d/podcast/play/87654321/https%3A%2F%2Fd3ctxlq1ktw2nl.cloudfront.net%2Fstaging"
           "%2F2024-0-2%2F371234567-44100-2-abcdef.mp3")
    assert without_tracking(url) == "https://d3ctxlq1ktw2nl.cloudfront.net/staging/2024-0-2/371234567-44100-2-abcdef.mp3"
    assert media_name(url, "audio/mpeg", "x") == "371234567-44100-2-abcdef.mp3"


def _one_show(host: Host, tmp_path: Path, items: str, prolog: bytes = b'<?xml version="1.0" encoding="UTF-8"?>',
              encoding: str = "utf-8", download: bool = True) -> tuple[int, dict, Path]:
    """Serve one feed of ``items`` (in CHANNEL's show) at /one.rss and import it; the exit code, report and show."""
    channel = CHANNEL.format(title="One", base=host.url, explicit="no", podcast_guid="8c8e9b0a-2b1f-5d7e-9a3c-1e2f3a4b5c6d")
    text = f'<rss version="2.0" {NAMESPACES} xmlns:psc="http://podlove.org/simple-chapters"><channel>{channel}{items}' \
           "</channel></rss>"
    host.routes["/one.rss"] = Route(body=prolog + b"\n" + text.format(base=host.url).encode(encoding),
                                    type="application/rss+xml")
    show = tmp_path / "one"
    result = CliRunner().invoke(main, ["import", f"{host.url}/one.rss", "--show", str(show), "--format", "json",
                                       "--url", "https://new.example.org/show/", *(["--download"] if download else [])])
    return result.exit_code, json.loads(result.output), show


ONE = ("<item><title>{title}</title><guid isPermaLink=\"false\">{guid}</guid><pubDate>{date}</pubDate>{extra}"
       "<enclosure url=\"{{base}}/podbean/media/seeds.mp3\" length=\"{size}\" type=\"audio/mpeg\"/></item>")


def test_a_feed_declared_us_ascii_that_holds_utf8_keeps_its_episodes(old_host: Host, tmp_path: Path, tone: bytes) -> None:
    """Old Perl and .NET generators declare encoding="us-ascii" and write UTF-8: lenient reading stopped at the first
    'é', so the show was imported as 'Caf' with none of its episodes (IMP018 "the feed has no <item>"). feedparser
    reads it as UTF-8; so does the import now, with IMP003 saying so."""
    items = ONE.format(title="Café", guid="a-1", date="Mon, 01 Jan 2024 10:00:00 +0000", extra="", size=len(tone))
    code, report, show = _one_show(old_host, tmp_path, items.replace("One", "Café"),
                                   prolog=b'<?xml version="1.0" encoding="us-ascii"?>')
    assert code == 0 and report["imported"] == ["cafe"], report["problems"]
    [said] = [p for p in report["problems"] if p["code"] == "IMP003"]
    assert said["message"].startswith("the feed is declared as us-ascii but its text is UTF-8; read as UTF-8")
    assert "title: Café\n" in (show / "episodes/cafe/episode.md").read_text(encoding="utf-8")
    build(show, tmp_path / "site")


def test_lenient_reading_that_would_lose_an_episode_is_refused(old_host: Host, tmp_path: Path, tone: bytes) -> None:
    """A byte the declared encoding does not have (Shift_JIS here) stops libxml2's recovery: what followed in the
    feed was dropped, and the item it was in was reported as having "neither a GUID nor an enclosure". Now the
    import refuses the feed (IMP002, nothing written), as it refuses one cut short."""
    items = "".join(ONE.format(title=f"第{n}回", guid=f"g{n}", date=f"Mon, 0{n} Jan 2024 10:00:00 +0000", extra="",
                               size=len(tone)) for n in (2, 1))
    feed = (b'<?xml version="1.0" encoding="Shift_JIS"?>\n' + f'<rss version="2.0" {NAMESPACES}><channel>'
            f'<title>One</title>{items}</channel></rss>'.format(base=old_host.url).encode("shift_jis"))
    old_host.routes["/broken.rss"] = Route(body=feed.replace("第1回".encode("shift_jis"), b"\x82\xff"),
                                           type="application/rss+xml")
    result = CliRunner().invoke(main, ["import", f"{old_host.url}/broken.rss", "--show", str(tmp_path / "show"),
                                       "--format", "json"])
    report = json.loads(result.output)
    assert result.exit_code == 2 and [p["code"] for p in report["problems"]] == ["IMP002"]
    assert "reading it leniently finds 1 of its 2 <enclosure> elements" in report["problems"][0]["message"]
    assert not (tmp_path / "show" / "episodes").exists()


@pytest.mark.parametrize(("written", "moment", "feedparser_says"), [
    ("Tue, 05 Sept 2023 10:00:00 +0000", "2023-09-05T10:00:00+00:00", "same"),  # was unreadable: the episode left out
    ("Mon, 01 Jan 2024 10:00:00 GMT+0100", "2024-01-01T10:00:00+01:00", "same"),  # JavaScript's Date: was read as UTC
    ("Mon, 01 Jan 2024 10:00:00 UTC-05:00", "2024-01-01T10:00:00-05:00", "UTC"),  # the same, 5 hours off before
    ("Mon, 01 Jan 2024 10:00:00 GMT+1", "2024-01-01T10:00:00+01:00", "nothing"),
])
def test_dates_in_odd_rfc822_variants_are_read_as_written(written: str, moment: str, feedparser_says: str) -> None:
    """The moment the producer wrote; feedparser reads the first two the same, the third as UTC, the last not at all."""
    read = parse_date(written)
    assert read is not None and read.isoformat() == moment
    parsed = _parse_date(written)
    said = "nothing" if parsed is None else "same" if calendar.timegm(parsed) == read.timestamp() else \
        "UTC" if calendar.timegm(parsed) == read.replace(tzinfo=UTC).timestamp() else "other"
    assert said == feedparser_says


def test_podlove_simple_chapters_written_in_the_item_are_imported(old_host: Host, tmp_path: Path, tone: bytes) -> None:
    """PowerPress, Podlove and Podigee write chapters in the item (psc:chapters); the import read only
    podcast:chapters links, and every chapter was lost in the move without a word. Now they become chapters.json,
    which the new feed links."""
    chapters = ('<psc:chapters version="1.2"><psc:chapter start="00:00:00.000" title="Intro"/>'
                '<psc:chapter start="00:00:01.500" title="Main" href="/main/" image="https://example.org/c.jpg"/>'
                "</psc:chapters><itunes:duration>2</itunes:duration>")
    items = ONE.format(title="Chapters", guid="c-1", date="Mon, 01 Jan 2024 10:00:00 +0000", extra=chapters,
                       size=len(tone))
    code, report, show = _one_show(old_host, tmp_path, items.replace("<guid", "<link>https://example.org/ep/</link><guid"))
    assert code == 0, report["problems"]
    folder = show / "episodes/chapters"
    assert _front(folder / "episode.md")["chapters"] == "chapters.json"
    assert json.loads((folder / "chapters.json").read_text())["chapters"] == [
        {"startTime": 0, "title": "Intro"},
        {"startTime": 1.5, "title": "Main", "url": "https://example.org/main/", "img": "https://example.org/c.jpg"}]
    site = build(show, tmp_path / "site").output
    [linked] = etree.fromstring((site / "feed.xml").read_bytes()).iter("{https://podcastindex.org/namespace/1.0}chapters")
    assert linked.get("url") == "https://new.example.org/show/episodes/chapters/chapters.json"


def test_a_season_or_number_written_as_words_is_named_with_the_number_to_write(old_host: Host, tmp_path: Path,
                                                                                 tone: bytes) -> None:
    numbers = "<itunes:season>Season 2</itunes:season><itunes:episode>Ep. 5</itunes:episode>"
    items = ONE.format(title="Words", guid="w-1", date="Mon, 01 Jan 2024 10:00:00 +0000", extra=numbers, size=len(tone))
    code, report, show = _one_show(old_host, tmp_path, items, download=False)
    said = {p["field"]: p for p in report["problems"] if p["code"] == "IMP025"}
    assert "(season: 2)" in said["itunes:season"]["hint"] and "(episode: 5)" in said["itunes:episode"]["hint"]
    assert said["itunes:season"]["message"].startswith("item 1 ('Words'): itunes:season is 'Season 2'")


def test_relative_side_files_are_read_against_the_feeds_address_as_apps_read_them(old_host: Host, tmp_path: Path,
                                                                                   tone: bytes) -> None:
    """A relative podcast:transcript, podcast:chapters or itunes:image URL in an item with a <link> to the host's
    episode page was read against that page (https://show.captivate.fm/episode/t/1.vtt: IMP041, IMP042, IMP022, and
    the side files were lost); apps read it against the feed's address, as the enclosure. Now the import does too."""
    old_host.routes["/side/1.vtt"] = Route(body=b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", type="text/vtt")
    old_host.routes["/side/1.json"] = Route(body=b'{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "A"}]}',
                                            type="application/json")
    side = ('<link>https://show.example.invalid/episode/side</link><itunes:image href="/ep-art.png"/>'
            '<podcast:transcript url="side/1.vtt" type="text/vtt"/><podcast:chapters url="side/1.json" '
            'type="application/json+chapters"/><itunes:duration>2</itunes:duration>')
    items = ONE.format(title="Side", guid="s-1", date="Mon, 01 Jan 2024 10:00:00 +0000", extra=side, size=len(tone))
    code, report, show = _one_show(old_host, tmp_path, items)
    assert code == 0 and not [p for p in report["problems"] if p["code"] in ("IMP022", "IMP041", "IMP042")], \
        report["problems"]
    front = _front(show / "episodes/side/episode.md")
    assert (front["transcripts"], front["chapters"], front["artwork"]) == ([{"file": "transcript.vtt"}], "chapters.json",
                                                                          "artwork.png")
    build(show, tmp_path / "site")


def test_side_files_the_build_would_refuse_are_named_and_left_out(old_host: Host, tmp_path: Path, tone: bytes) -> None:
    """A transcript address answering with a login page (200, text/html) was saved as transcript.en.vtt, and one
    without its WEBVTT line was kept as it came: the imported show did not build (TRN001). An SRT in Windows-1252
    (older subtitle tools) was dropped with "'utf-8' codec can't decode byte 0xe9". Now a web page is named as one,
    a transcript the build cannot read is left out with the build's reason, and a Windows-1252 one is converted."""
    old_host.routes["/side/login.vtt"] = Route(body=b"<!DOCTYPE html><html><body>Log in</body></html>", type="text/html")
    old_host.routes["/side/bare.vtt"] = Route(body=b"00:00.000 --> 00:01.000\nHello\n", type="text/vtt")
    old_host.routes["/side/latin.srt"] = Route(body="1\n00:00:00,000 --> 00:00:01,000\nCafé\n".encode("cp1252"),
                                               type="application/x-subrip")
    old_host.routes["/side/login.json"] = Route(body=b"<html><body>Log in</body></html>", type="text/html")
    side = ('<podcast:transcript url="{base}/side/login.vtt" type="text/vtt" language="en"/>'
            '<podcast:transcript url="{base}/side/bare.vtt" type="text/vtt" language="de"/>'
            '<podcast:transcript url="{base}/side/latin.srt" type="application/x-subrip" language="fr"/>'
            '<podcast:chapters url="{base}/side/login.json" type="application/json+chapters"/>')
    items = ONE.format(title="Side", guid="s-2", date="Mon, 01 Jan 2024 10:00:00 +0000", extra=side, size=len(tone))
    code, report, show = _one_show(old_host, tmp_path, items)
    said = [p["message"].replace(old_host.url, "") for p in report["problems"] if p["code"] in ("IMP041", "IMP042")]
    assert said == ["cannot fetch the transcript /side/login.vtt: the server sent a web page (text/html), not the "
                    "transcript",
                    "transcript /side/bare.vtt not imported: a WebVTT file must start with the line 'WEBVTT'",
                    "the transcript /side/latin.srt is not UTF-8; read as Windows-1252 and written as UTF-8",
                    "chapters not imported: cannot fetch the chapters /side/login.json: the server sent a web page "
                    "(text/html), not the chapters"]
    front = _front(show / "episodes/side/episode.md")
    assert front["transcripts"] == [{"file": "transcript.fr.srt", "language": "fr"}] and "chapters" not in front
    assert "Café" in (show / "episodes/side/transcript.fr.srt").read_text(encoding="utf-8")
    build(show, tmp_path / "site")
