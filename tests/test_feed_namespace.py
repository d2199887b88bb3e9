"""The richest feed: Podcasting 2.0, chapters and transcripts from one source, JSON Feed, paged archives.

Feeds are read back with real parsers (podcastparser, feedparser, lxml) and every
``podcast:`` element is checked against the namespace's rules (podcast_rules.py).
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime
from pathlib import Path

import feedparser
import lxml.html
import podcastparser
import pytest
from click.testing import CliRunner
from helpers import GOLDEN_DIR, GOLDEN_FILES, GOLDEN_NOW, add_episode, build_golden, make_media
from lxml import etree
from podcast_rules import NS, violations

from mediafeed.build import BuildFailed, build
from mediafeed.cli import main
from mediafeed.config import podcast_guid
from mediafeed.lint import lint_feed

NOW = datetime.fromisoformat(GOLDEN_NOW)
FEED_URL = "https://podcast.example.org/safe-to-say/feed.xml"
LEGACY_NS = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
P = "{%s}" % NS


def podcastparser_read(data: bytes, url: str = FEED_URL) -> dict:
    """podcastparser 0.6.11 knows the namespace only by its older URI, which the namespace declares identical
    ("clients which recognize this namespace must also recognize …"): read it under that alias."""
    import io

    return podcastparser.parse(url, io.BytesIO(data.replace(NS.encode(), LEGACY_NS.encode())))


def site_of(show: Path, **kwargs) -> Path:
    return build(show, now=NOW, **kwargs).output


def items_by_guid(feed: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(feed)
    return {item.findtext("guid"): item for item in root.iter("item")}


# -- golden -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_fresh_build_of_the_sample_show_matches_the_golden_file(tmp_path: Path, name: str) -> None:
    site = build_golden(tmp_path)
    fresh, golden = (site / name).read_text(encoding="utf-8"), (GOLDEN_DIR / name).read_text(encoding="utf-8")
    assert fresh == golden, f"{name} changed; if deliberate, run: PYTHONPATH=. python scripts/update_golden.py"


def test_golden_feed_shows_every_feature_of_the_sample_show() -> None:
    feed = (GOLDEN_DIR / "feed.xml").read_bytes()
    root = etree.fromstring(feed)
    channel = root.find("channel")
    for tag in ("guid", "locked", "funding", "person", "license", "updateFrequency", "trailer", "image", "medium"):
        assert channel.find(P + tag) is not None, tag
    items = list(root.iter("item"))
    for tag in ("transcript", "chapters", "person", "season", "episode", "soundbite", "location"):
        assert any(item.find(P + tag) is not None for item in items), tag
    assert any(item.find("{http://podlove.org/simple-chapters}chapters") is not None for item in items)
    assert {s.get("name") for s in root.iter(P + "season")} == {"Foundations"}
    assert violations(feed) == []


# -- every podcast: element follows the namespace rules ------------------------------------------------------

def test_every_podcast_element_follows_the_namespace_rules(show: Path) -> None:
    (show / "show.yml").write_text((show / "show.yml").read_text() + """
txt:
  - {purpose: applepodcastsverify, value: "05124"}
  - {purpose: ai-content, value: false}
podroll:
  - {feed_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810, feed_url: "https://feeds.podcastindex.org/pc20.xml", title: Podcasting 2.0}
block: [google, amazon]
location: {name: London, rel: creator, geo: "geo:51.5072,-0.1276", osm: R65606, country: gb}
""".replace("update_frequency:\n  text: Monthly\n  rrule: FREQ=MONTHLY\n", ""), encoding="utf-8")
    text = (show / "show.yml").read_text().replace("update_frequency:\n  text: Monthly\n  rrule: FREQ=MONTHLY\n",
                                                   "update_frequency:\n  text: Ten episodes\n  rrule: FREQ=MONTHLY;COUNT=10\n"
                                                   "  dtstart: 2026-01-01T00:00:00Z\n")
    (show / "show.yml").write_text(text, encoding="utf-8")
    folder = show / "episodes/005-european-review"
    make_media(folder / "european-review.opus", "opus", 19.0)
    md = (folder / "episode.md").read_text().replace("audio: european-review.mp3\n", """audio: european-review.mp3
txt: [{purpose: ai-content, value: false}]
episode_display: Five
alternate_enclosures:
  - {file: european-review.opus, title: Small download}
  - {url: "https://cdn.example.net/european-review.m3u8", type: application/x-mpegURL, title: Stream}
""")
    (folder / "episode.md").write_text(md, encoding="utf-8")
    feed = (site_of(show) / "feed.xml").read_bytes()
    assert violations(feed) == []
    channel = etree.fromstring(feed).find("channel")
    assert [(b.get("id"), b.text) for b in channel.findall(P + "block")] == [("google", "yes"), ("amazon", "yes")]
    assert channel.find("{http://www.itunes.com/dtds/podcast-1.0.dtd}block") is None  # Apple not blocked
    location = channel.find(P + "location")
    assert (location.text, location.get("rel"), location.get("country"), location.get("osm")) == ("London", "creator", "GB", "R65606")
    assert [(t.get("purpose"), t.text) for t in channel.findall(P + "txt")] == [("applepodcastsverify", "05124"), ("ai-content", "false")]
    update = channel.find(P + "updateFrequency")
    assert update.get("rrule") == "FREQ=MONTHLY;COUNT=10" and update.get("dtstart") == "2026-01-01T00:00:00+00:00"
    remote = channel.find(P + "podroll").find(P + "remoteItem")
    assert remote.get("feedGuid") == "917393e3-1b1e-5cef-ace4-edaa54e1f810" and remote.get("title") == "Podcasting 2.0"
    item = items_by_guid(feed)["67b066fe-1897-47c0-9ff7-1c41b8378515"]
    assert item.find(P + "episode").get("display") == "Five"
    assert item.find(P + "block") is None  # podcast:block is a channel tag only
    assert item.find(P + "txt").text == "false"


def test_checker_catches_broken_elements() -> None:
    """The rules can fail: a hand-made feed with typical mistakes is caught on every one."""
    bad = f"""<rss xmlns:podcast="{NS}" version="2.0"><channel>
      <podcast:locked>true</podcast:locked><podcast:block>yes</podcast:block>
      <item><podcast:block>yes</podcast:block><podcast:transcript url="transcript.vtt"/>
        <podcast:alternateEnclosure type="audio/opus"/><podcast:location/>
        <podcast:remoteItem feedGuid="x" name="y"/></item>
      <podcast:location geo="geo:97.74,30.27">Austin</podcast:location><podcast:txt purpose="ai-content">yes</podcast:txt>
      </channel></rss>""".encode()
    found = "\n".join(violations(bad))
    assert "podcast:locked in channel: node value 'true' has the wrong form" in found
    assert "podcast:block in item: parent must be one of" in found
    assert "podcast:transcript in item: missing required attribute type" in found
    assert "url='transcript.vtt' has the wrong form" in found
    assert "needs at least one podcast:source" in found
    assert "podcast:location in item: node value must not be blank" in found
    assert "attribute name is not defined" in found
    assert "geo='geo:97.74,30.27' is off the earth" in found and "an ai-content txt is true or false" in found


# -- read back with real parsers -------------------------------------------------------------------------------

def test_podcastparser_reads_transcripts_chapters_and_persons(show: Path) -> None:
    site = site_of(show)
    parsed = podcastparser_read((site / "feed.xml").read_bytes())
    episodes = {e["guid"]: e for e in parsed["episodes"]}
    first = episodes["012780e6-d0de-4a11-88cf-d5e6df48880d"]
    # podcastparser keeps one transcript URL (the last of the two formats); both are published
    assert first["transcript_url"].rsplit("/", 2)[1:] in (["001-ipv-and-substance-use", "transcript.vtt"],
                                                          ["001-ipv-and-substance-use", "transcript.srt"])
    assert (site / first["transcript_url"].split("/safe-to-say/", 1)[1]).is_file()
    assert [(c["start"], c["title"]) for c in first["chapters"]] == [(0, "Welcome"), (7, "Myths"), (15, "Prevalence"),
                                                                       (28, "Barriers to help")]
    assert first["chapters_json_url"].endswith("/episodes/001-ipv-and-substance-use/chapters.json")
    assert [(p["name"], p["role"]) for p in first["persons"]] == [("Dr Maya Okafor", "host"), ("Prof. Lena Hart", "guest")]
    assert first["persons"][1]["href"] == "https://example.org/people/lena-hart"
    assert parsed["import_prohibited"] is True and parsed["funding_url"] == "https://example.org/safe-to-say/support"
    # the three chapter encodings agree: psc:chapters, chapters.json and the source file
    chapters_json = json.loads((site / "episodes/001-ipv-and-substance-use/chapters.json").read_bytes())
    assert chapters_json["version"] == "1.2.0"
    assert [(c["startTime"], c["title"]) for c in chapters_json["chapters"]] == [(c["start"], c["title"]) for c in first["chapters"]]
    from_json = episodes["67b066fe-1897-47c0-9ff7-1c41b8378515"]  # chapters.json as the source
    # podcastparser reads psc:chapter start times in whole seconds
    assert [(c["start"], c["title"]) for c in from_json["chapters"]] == [(0, "Sixty evaluations"), (6, "What they found"),
                                                                           (13, "A common model")]
    assert from_json["chapters"][2]["href"] == "https://doi.org/10.1177/0306624X16673853"


def test_what_gpodders_podcastparser_reads_from_the_feed_as_published(show: Path) -> None:
    """gPodder's podcastparser (0.6.11, and its main branch) knows the namespace only by the URI it had before
    December 2020, so from feed.xml as published it reads the itunes: tags, the enclosure, psc:chapters (in whole
    seconds) and the RFC 5005 links, and none of podcast:transcript, podcast:chapters, podcast:person,
    podcast:funding or podcast:locked: what docs/feeds.md says gPodder gets. Declaring the old URI as well would
    make an app that knows both (as the namespace asks) read every podcast: tag twice, so the feed keeps the one
    URI; this test fails when a podcastparser release learns it, to update the docs."""
    import io

    site = site_of(show)
    parsed = podcastparser.parse(FEED_URL, io.BytesIO((site / "feed.xml").read_bytes()))
    first = next(e for e in parsed["episodes"] if e["guid"] == "012780e6-d0de-4a11-88cf-d5e6df48880d")
    assert [(c["start"], c["title"]) for c in first["chapters"]] == [(0, "Welcome"), (7, "Myths"), (15, "Prevalence"),
                                                                       (28, "Barriers to help")]
    assert first["total_time"] == 40 and first["enclosures"][0]["file_size"] == (
        site / "episodes/001-ipv-and-substance-use/ipv-and-substance-use.mp3").stat().st_size
    assert [key for key in ("transcript_url", "chapters_json_url", "persons") if first.get(key)] == []
    assert [key for key in ("funding_url", "import_prohibited") if key in parsed] == []


def test_feedparser_reads_the_feed_cleanly(show: Path) -> None:
    site = site_of(show)
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 6
    assert parsed.feed.get("podcast_guid") == "82f71d59-a1ba-56e5-a889-1449c80b48d3"
    assert all(e.enclosures[0].href.startswith("https://podcast.example.org/") for e in parsed.entries)


def _java_length(text: str) -> int:
    """``text``'s length as Java's String.length() counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def test_content_encoded_is_the_longest_of_an_items_descriptions_which_antennapod_shows(show: Path) -> None:
    """AntennaPod shows an episode whichever of description, content:encoded and itunes:summary is longest (its
    FeedItem.setDescriptionIfLonger), and Apple's description, its headings bold paragraphs (11 characters longer
    each), came out longer than the full notes: three of the sample show's six episodes showed in AntennaPod without
    their headings, and notes of four headings and an image without the image. content:encoded is now longer than
    every other text of its item that differs from it; what apps show of it is the notes as they were."""
    add_episode(show, "006-image", "title: Headings and an image\ndate: 2026-04-01T08:00:00+00:00\n"
                "guid: 9d7c0b7e-1111-4b7a-8a5e-000000000006\naudio: image.mp3\nsummary: A short summary.\n",
                body="## What we asked\n\nA question.\n\n## What we found\n\nAn answer.\n\n"
                "![Study sites](https://example.org/map.jpg)\n\n## What it means 🎧\n\nMeaning.\n\n## Reference\n\nA paper.\n",
                audio_name="image.mp3")
    feed = (site_of(show) / "feed.xml").read_bytes()
    items = list(etree.fromstring(feed).iter("item"))
    assert len(items) == 7
    for item in items:
        content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
        for other in (item.findtext("description"), item.findtext("{http://www.itunes.com/dtds/podcast-1.0.dtd}summary")):
            if other is not None and other != content:
                assert _java_length(content) > _java_length(other), item.findtext("guid")
    entries = {e.id: e for e in feedparser.parse(feed).entries}
    shown = entries["9d7c0b7e-1111-4b7a-8a5e-000000000006"].content[0].value
    page = lxml.html.fragment_fromstring(shown, create_parent="div")  # (the comment is one, which no app shows)
    assert [h.text for h in page.iter("h3")] == ["What we asked", "What we found", "What it means 🎧", "Reference"]
    assert [(i.get("src"), i.get("alt")) for i in page.iter("img")] == [("https://example.org/map.jpg", "Study sites")]
    sample = lxml.html.fragment_fromstring(entries["67b066fe-1897-47c0-9ff7-1c41b8378515"].content[0].value, create_parent="div")
    assert [h.text for h in sample.iter("h3")] == ["The proposal", "Reference"]


def test_chapters_show_on_the_page_and_hidden_ones_stay_out_of_psc(show: Path) -> None:
    folder = show / "episodes/003-capabilities-framework"
    md = (folder / "episode.md").read_text().replace("  - start: 15\n    title: Safety first\n",
                                                     "  - start: 15\n    title: Safety first\n  - start: 18\n    title: Sponsor art\n    toc: false\n")
    (folder / "episode.md").write_text(md)
    site = site_of(show)
    page = lxml.html.fromstring((site / "episodes/003-capabilities-framework/index.html").read_bytes())
    chapters = page.xpath("//section[@class='chapters']//a")
    assert [(a.xpath("string(time)"), a.xpath("string(span)")) for a in chapters] == [
        ("0:00", "The question"), ("0:07", "The framework"), ("0:15", "Safety first")]
    item = items_by_guid((site / "feed.xml").read_bytes())["5c6c255d-36b2-45da-ab07-e62a01932dcf"]
    psc = item.find("{http://podlove.org/simple-chapters}chapters")
    assert [c.get("title") for c in psc] == ["The question", "The framework", "Safety first"]
    doc = json.loads((site / "episodes/003-capabilities-framework/chapters.json").read_bytes())
    assert doc["chapters"][-1] == {"startTime": 18, "title": "Sponsor art", "toc": False}


# -- transcripts ------------------------------------------------------------------------------------------------

def test_vtt_transcript_gets_a_generated_srt_and_the_page_names_the_speakers(show: Path) -> None:
    site = site_of(show)
    folder = site / "episodes/001-ipv-and-substance-use"
    item = items_by_guid((site / "feed.xml").read_bytes())["012780e6-d0de-4a11-88cf-d5e6df48880d"]
    links = [(t.get("type"), t.get("url").rsplit("/", 1)[1], t.get("rel"), t.get("language")) for t in item.findall(P + "transcript")]
    assert links == [("text/vtt", "transcript.vtt", "captions", "en-gb"), ("application/x-subrip", "transcript.srt", "captions", "en-gb")]
    srt = (folder / "transcript.srt").read_text()
    assert srt.startswith("1\n00:00:00,000 --> 00:00:06,845\nDr Maya Okafor: Welcome to Safe to Say.")
    assert srt.count(" --> ") == (folder / "transcript.vtt").read_text().count(" --> ") == 6
    page = (folder / "index.html").read_text()
    assert "<strong>Prof. Lena Hart:</strong> The first myth is that alcohol or drugs cause abuse." in page
    assert 'href="https://podcast.example.org/safe-to-say/episodes/001-ipv-and-substance-use/transcript.srt"' in page


def test_srt_transcript_gets_a_generated_vtt(show: Path) -> None:
    folder = show / "episodes/004-combined-programme-outcomes"
    (folder / "transcript.srt").write_text("1\n00:00:00,500 --> 00:00:04,000\nThirty men & 3 < 4 took part.\n\n"
                                           "2\n00:00:04,500 --> 00:00:09,000\nEighty seven percent started.\n", encoding="utf-8")
    site = site_of(show)
    item = items_by_guid((site / "feed.xml").read_bytes())["a03dcd32-50bc-4227-bd4f-adf79b624346"]
    assert [t.get("type") for t in item.findall(P + "transcript")] == ["text/vtt", "application/x-subrip"]
    vtt = (site / "episodes/004-combined-programme-outcomes/transcript.vtt").read_text()
    assert vtt == ("WEBVTT\n\n00:00:00.500 --> 00:00:04.000\nThirty men &amp; 3 &lt; 4 took part.\n\n"
                   "00:00:04.500 --> 00:00:09.000\nEighty seven percent started.\n")
    assert (site / "episodes/004-combined-programme-outcomes/transcript.srt").read_bytes() == (folder / "transcript.srt").read_bytes()


def test_both_timed_formats_present_means_nothing_is_generated(show: Path) -> None:
    folder = show / "episodes/002-learning-alliances"
    (folder / "transcript.srt").write_text("1\n00:00:00,000 --> 00:00:02,000\nHand made.\n", encoding="utf-8")
    site = site_of(show)
    assert (site / "episodes/002-learning-alliances/transcript.srt").read_text() == "1\n00:00:00,000 --> 00:00:02,000\nHand made.\n"


# -- alternate enclosures -----------------------------------------------------------------------------------------

def test_alternate_enclosure_is_published_with_length_bitrate_and_sri_integrity(show: Path) -> None:
    folder = show / "episodes/003-capabilities-framework"
    make_media(folder / "capabilities-framework.opus", "opus", 20.0)
    md = (folder / "episode.md").read_text().replace("audio: capabilities-framework.mp3\n",
                                                     "audio: capabilities-framework.mp3\nalternate_enclosures:\n"
                                                     "  - {file: capabilities-framework.opus, title: Small download, lang: en-GB}\n")
    (folder / "episode.md").write_text(md)
    site = site_of(show)
    feed = (site / "feed.xml").read_bytes()
    item = items_by_guid(feed)["5c6c255d-36b2-45da-ab07-e62a01932dcf"]
    main, alternate = item.findall(P + "alternateEnclosure")
    assert main.get("default") == "true" and main.find(P + "source").get("uri") == item.find("enclosure").get("url")
    published = site / "episodes/003-capabilities-framework/capabilities-framework.opus"
    data = published.read_bytes()
    assert data == (folder / "capabilities-framework.opus").read_bytes()
    assert alternate.get("type") == "audio/opus" and alternate.get("length") == str(len(data))
    assert alternate.get("title") == "Small download" and alternate.get("lang") == "en-GB"
    assert 15000 <= float(alternate.get("bitrate")) <= 40000
    assert alternate.find(P + "source").get("uri") == \
        "https://podcast.example.org/safe-to-say/episodes/003-capabilities-framework/capabilities-framework.opus"
    integrity = alternate.find(P + "integrity")
    assert integrity.get("type") == "sri"
    assert integrity.get("value") == "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()
    assert violations(feed) == []
    doc = json.loads((site / "feed.json").read_bytes())
    entry = next(i for i in doc["items"] if i["id"] == "5c6c255d-36b2-45da-ab07-e62a01932dcf")
    assert [(a["mime_type"], a["title"]) for a in entry["attachments"]] == [("audio/mpeg", "What Practitioners Need to Know"),
                                                                            ("audio/opus", "What Practitioners Need to Know")]


def test_video_alternate_enclosures_carry_the_probed_height(show: Path) -> None:
    """The namespace defines height for video alternates ("Height of the media asset for video formats"): the
    picture's height comes from the probe (the track header), for the producer's video and for a video main file."""
    folder = show / "episodes/003-capabilities-framework"
    make_media(folder / "capabilities-framework.mp4", "mp4", 2.0)  # 160x90
    md = (folder / "episode.md").read_text().replace("audio: capabilities-framework.mp3\n",
                                                     "audio: capabilities-framework.mp3\nalternate_enclosures:\n"
                                                     "  - {file: capabilities-framework.mp4, title: Video}\n")
    (folder / "episode.md").write_text(md)
    video = show / "episodes/004-combined-programme-outcomes"
    md = (video / "episode.md").read_text()
    audio = next(line.split(": ", 1)[1] for line in md.splitlines() if line.startswith("audio: "))
    make_media(video / "measuring.m4v", "m4v", 2.0)
    make_media(video / "measuring-small.mp3", "mp3", 2.0)
    (video / "episode.md").write_text(md.replace(f"audio: {audio}\n", "audio: measuring.m4v\nalternate_enclosures:\n"
                                                 "  - {file: measuring-small.mp3, title: Audio only}\n"))
    (video / audio).unlink()
    feed = (site_of(show, accept_changes=True) / "feed.xml").read_bytes()
    items = items_by_guid(feed)
    main, alternate = items["5c6c255d-36b2-45da-ab07-e62a01932dcf"].findall(P + "alternateEnclosure")
    assert (main.get("type"), main.get("height")) == ("audio/mpeg", None)
    assert (alternate.get("type"), alternate.get("height")) == ("video/mp4", "90")
    video_item = next(i for i in items.values() if i.find("enclosure").get("url").endswith("measuring.m4v"))
    main, alternate = video_item.findall(P + "alternateEnclosure")
    assert (main.get("type"), main.get("height"), main.get("default")) == ("video/x-m4v", "90", "true")
    assert (alternate.get("type"), alternate.get("height")) == ("audio/mpeg", None)
    assert violations(feed) == []


def test_episode_artwork_podcast_image_gives_the_images_width_and_height(show: Path) -> None:
    """The namespace recommends width on podcast:image (and offers height): the episode's own artwork says its size,
    as the show's does; a new picture under the same name says the new size on the next build."""
    from PIL import Image

    folder = show / "episodes/003-capabilities-framework"
    Image.new("RGB", (1500, 1500), (20, 90, 160)).save(folder / "cover.jpg", quality=70)
    md = folder / "episode.md"
    md.write_text(md.read_text().replace("audio: capabilities-framework.mp3\n",
                                         "audio: capabilities-framework.mp3\nartwork: cover.jpg\n"))
    feed = (site_of(show) / "feed.xml").read_bytes()
    channel = etree.fromstring(feed).find("channel").find(P + "image")
    assert (channel.get("width"), channel.get("height")) == ("1400", "1400")
    image = items_by_guid(feed)["5c6c255d-36b2-45da-ab07-e62a01932dcf"].find(P + "image")
    assert image.get("href").endswith("/episodes/003-capabilities-framework/cover.jpg")
    assert (image.get("width"), image.get("height"), image.get("type")) == ("1500", "1500", "image/jpeg")
    assert violations(feed) == []
    Image.new("RGB", (1600, 1600), (160, 90, 20)).save(folder / "cover.jpg", quality=70)
    image = items_by_guid((site_of(show) / "feed.xml").read_bytes())["5c6c255d-36b2-45da-ab07-e62a01932dcf"].find(P + "image")
    assert (image.get("width"), image.get("height")) == ("1600", "1600")


ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def test_a_decimal_episode_number_is_podcast_episode_alone(show: Path) -> None:
    """podcast:episode is "a decimal number" (``315.5``: a mini-episode between two others); Apple's itunes:episode is
    "a non-zero integer". So ``episode: 4.5`` writes podcast:episode 4.5 and no itunes:episode, and every reader
    agrees: feedparser and podcastparser find no itunes episode number, lxml finds 4.5 in podcast:episode."""
    folder = show / "episodes/003-capabilities-framework"
    md = folder / "episode.md"
    text = md.read_text()
    assert "\nepisode: 3\n" in text
    md.write_text(text.replace("\nepisode: 3\n", "\nepisode: 4.5\nepisode_display: Extra\n"))
    site = site_of(show)
    feed = (site / "feed.xml").read_bytes()
    guid = "5c6c255d-36b2-45da-ab07-e62a01932dcf"
    item = items_by_guid(feed)[guid]
    assert (item.findtext(P + "episode"), item.find(P + "episode").get("display")) == ("4.5", "Extra")
    assert item.find(ITUNES + "episode") is None
    assert items_by_guid(feed)["a03dcd32-50bc-4227-bd4f-adf79b624346"].findtext(ITUNES + "episode") == "4"  # others as before
    assert violations(feed) == []
    entry = next(e for e in feedparser.parse(feed).entries if e.id == guid)
    assert "itunes_episode" not in entry
    episode = next(e for e in podcastparser_read(feed)["episodes"] if e["guid"] == guid)
    assert episode.get("number") is None
    result = CliRunner().invoke(main, ["check", str(site / "feed.xml"), "--format", "json"])
    assert not [p for p in json.loads(result.stdout)["problems"] if p["field"] in ("itunes:episode", "podcast:episode")]
    page = lxml.html.parse(str(site / "episodes/003-capabilities-framework/index.html"))
    data = json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["episodeNumber"] == "4.5"  # schema.org: Integer or Text


@pytest.mark.parametrize("value, number, podcast", [("4.0", "4", "4"), ('"4.5"', None, "4.5"), ("0.5", None, "0.5")])
def test_a_whole_decimal_is_a_whole_number_and_a_decimal_may_be_quoted(show: Path, value: str, number: str | None,
                                                                         podcast: str) -> None:
    md = show / "episodes/003-capabilities-framework/episode.md"
    md.write_text(md.read_text().replace("\nepisode: 3\n", f"\nepisode: {value}\n"))
    item = items_by_guid((site_of(show) / "feed.xml").read_bytes())["5c6c255d-36b2-45da-ab07-e62a01932dcf"]
    assert (item.findtext(ITUNES + "episode"), item.findtext(P + "episode")) == (number, podcast)


@pytest.mark.parametrize("value, message", [("0", "must be more than 0"), ("-1.5", "must be more than 0"),
                                            ("four", "expected a number"), ("true", "expected a number")])
def test_an_episode_number_that_is_no_positive_number_is_an_error_naming_the_field(show: Path, value: str,
                                                                                     message: str) -> None:
    md = show / "episodes/003-capabilities-framework/episode.md"
    md.write_text(md.read_text().replace("\nepisode: 3\n", f"\nepisode: {value}\n"))
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    [problem] = [p for p in info.value.problems if p.field == "episode"]
    assert problem.code == "SRC010" and problem.file == "episodes/003-capabilities-framework/episode.md"
    assert message in problem.message and problem.hint


def test_a_serial_show_needs_whole_episode_numbers_for_apple(show: Path) -> None:
    config = show / "show.yml"
    config.write_text(config.read_text().replace("type: episodic", "type: serial") if "type: episodic" in config.read_text()
                      else config.read_text() + "type: serial\n")
    md = show / "episodes/003-capabilities-framework/episode.md"
    md.write_text(md.read_text().replace("\nepisode: 3\n", "\nepisode: 4.5\n"))
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    [problem] = [p for p in info.value.problems if p.code == "EP010" and p.episode == "003-capabilities-framework"]
    assert "4.5" in problem.message and "whole" in problem.message and "episode_display" in problem.hint


@pytest.mark.parametrize("kind", ["trailer", "bonus"])
def test_a_serial_shows_trailer_or_bonus_needs_no_episode_number(show: Path, kind: str) -> None:
    """Apple's guide (itunes:episodeType): a trailer or bonus with "no season or episode number" is the show's own;
    one with a number is tied to that episode. A serial show's trailer without a number was EP010, an error that
    stopped the build (and a number would have made it an episode's teaser); a full episode still needs one."""
    config = show / "show.yml"
    config.write_text(config.read_text().replace("type: episodic", "type: serial"))
    md = show / "episodes/000-trailer/episode.md"
    md.write_text(md.read_text().replace("type: trailer", f"type: {kind}"))
    report = build(show, now=NOW)
    assert not [p for p in report.problems if p.code == "EP010"]
    md = show / "episodes/003-capabilities-framework/episode.md"
    md.write_text(md.read_text().replace("\nepisode: 3\n", "\n"))
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    assert [p.episode for p in info.value.problems if p.code == "EP010"] == ["003-capabilities-framework"]


def test_corrupt_alternate_enclosure_is_an_error_naming_the_file(show: Path) -> None:
    folder = show / "episodes/003-capabilities-framework"
    (folder / "capabilities-framework.opus").write_bytes(b"not audio at all" * 100)
    md = (folder / "episode.md").read_text().replace("audio: capabilities-framework.mp3\n",
                                                     "audio: capabilities-framework.mp3\nalternate_enclosures:\n"
                                                     "  - {file: capabilities-framework.opus}\n")
    (folder / "episode.md").write_text(md)
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    assert any("capabilities-framework.opus" in p.file and p.severity.value == "error" for p in info.value.problems)
    assert not (show / "public").exists()


@pytest.mark.parametrize("front, expected", [
    ("alternate_enclosures: [{file: audio.xyz}]", "alternate_enclosures[0].file: file not found: audio.xyz"),
    ("location: {name: Leeds, geo: '53.8, -1.5'}", "location.geo: expected a geo URI"),
    ("location: {name: Leeds, rel: about}", "location.rel: expected one of subject, creator"),
    ("txt: [[1, 2]]", "txt: expected text or {purpose: …, value: …}"),
    # what the namespace's tag pages ask for, which earlier builds wrote into the feed as given:
    # license.md "Custom licenses must always include a url attribute"
    ("license: my-own-licence", "license: 'my-own-licence' is not an SPDX licence identifier"),
    ("license: {name: All mine}", "license: 'All mine' is not an SPDX licence identifier"),
    ("license: CC BY 4.0", "license: 'CC BY 4.0' is not written as a licence identifier; apps look up 'CC-BY-4.0'"),
    # location.md: geo is an RFC 5870 geo URI (latitude -90…90, longitude -180…180)
    ("location: {name: Austin, geo: 'geo:97.7431,30.2672'}", "location.geo: 'geo:97.7431,30.2672' is not a place"),
    # transcript.md and alternate-enclosure.md: a language code (BCP 47)
    ("transcript: {file: audio.mp3, language: Welsh please}", "transcript.language: expected a language code"),
    ("alternate_enclosures: [{url: 'https://cdn.example.net/a.m3u8', type: application/x-mpegURL, lang: english}]",
     "alternate_enclosures[0].lang: expected a language code such as 'en', 'en-gb' or 'cy' for "
     "podcast:alternateEnclosure@lang, got 'english' — write 'lang: en'"),
    # alternate-enclosure.md: codecs is an RFC 6381 list (players skip a version whose codecs they cannot read)
    ('alternate_enclosures: [{url: "https://cdn.example.net/a.mp3", type: audio/mpeg, codecs: \'codecs="mp3"\'}]',
     "alternate_enclosures[0].codecs: expected an RFC 6381 codecs list"),
    ("alternate_enclosures: [{url: 'https://cdn.example.net/a.m4a', type: audio/mp4, codecs: 'AAC LC / 128k'}]",
     "alternate_enclosures[0].codecs: expected an RFC 6381 codecs list"),
    # alternate-enclosure.md: default marks *the* preferred copy of the enclosure
    ("alternate_enclosures: [{url: 'https://cdn.example.net/a.mp3', type: audio/mpeg, default: true},"
     " {url: 'https://cdn.example.net/b.mp3', type: audio/mpeg, default: true}]",
     "alternate_enclosures: 2 alternate enclosures say 'default: true'"),
    # txt.md: the ai-content purpose holds true or false; an empty podcast:txt says nothing
    ("txt: [{purpose: ai-content, value: some}]", "txt: a podcast:txt with purpose 'ai-content' says true or false"),
    ("txt: ['']", "txt: a podcast:txt entry has no value"),
    # soundbite.md: a stretch of the item's enclosure (the audio here is 2 seconds long)
    ("soundbites: [{start: 5, duration: 20}]", "soundbites[0].start: soundbite 1 starts at 00:00:05, when the audio has ended"),
])
def test_bad_namespace_input_is_named_with_file_and_field(show: Path, front: str, expected: str) -> None:
    add_episode(show, "900-bad", f"title: Bad\ndate: 2026-04-01T08:00:00+00:00\nguid: bad-1\naudio: audio.mp3\n{front}")
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    lines = [p.line() for p in info.value.problems]
    assert any(line.startswith("episodes/900-bad/episode.md: " + expected.split(":")[0]) and expected in line for line in lines), lines


def test_text_over_the_namespaces_length_advice_is_published_with_a_warning_naming_the_field(show: Path) -> None:
    """The namespace asks that a funding call to action or a location name not exceed 128 characters, a txt 4000 and
    its purpose 128, an alternate enclosure's title 32, "or it may be truncated by aggregators" (funding.md,
    location.md, txt.md; alternate-enclosure.md: "should be limited to 32 characters for UX"): the same words as for a
    person's name or a soundbite's title, which are published with a warning (PI022). These five refused the build
    (and check FEED called a long funding text an error, PI009). Now each is a warning naming the key, and published
    as written."""
    long_text, long_place, long_title = "Support us " * 13, "Somewhere " * 13 + "Town", "Low bandwidth version for phones"
    add_episode(show, "900-long", "title: Long\ndate: 2026-04-01T08:00:00+00:00\nguid: 5b1c0de2-22aa-4c5e-9d1e-0c0ffee00900\n"
                f"audio: audio.mp3\nfunding: [{{url: 'https://example.org/give', text: '{long_text.strip()}'}}]\n"
                f"location: {{name: '{long_place}'}}\n"
                f"txt: [{{purpose: '{'p' * 130}', value: '{'x' * 4100}'}}]\n"
                f"alternate_enclosures: [{{url: 'https://cdn.example.net/a.m3u8', type: application/x-mpegURL, "
                f"title: '{long_title} (HLS)'}}]\n")
    report = build(show, now=NOW)
    found = sorted((p.code, p.severity.value, p.field) for p in report.problems if p.episode == "900-long"
                   and p.code in ("PI009", "PI022"))
    assert found == [("PI009", "warning", "funding"), ("PI022", "warning", "alternate_enclosures"),
                     ("PI022", "warning", "location"), ("PI022", "warning", "txt"), ("PI022", "warning", "txt")]
    item = items_by_guid((report.output / "feed.xml").read_bytes())["5b1c0de2-22aa-4c5e-9d1e-0c0ffee00900"]
    assert item.find(P + "funding").text == long_text.strip() and item.find(P + "location").text == long_place
    assert item.find(P + "txt").text == "x" * 4100
    assert item.findall(P + "alternateEnclosure")[-1].get("title") == f"{long_title} (HLS)"  # (after the main file)


def test_an_episode_teaser_is_no_trailer_of_the_show_or_a_season(show: Path) -> None:
    """Apple's episode types: a trailer without an episode number is the show's (or with a season number, that
    season's) trailer; one with an episode number is a teaser for that episode. podcast:trailer is the trailer "for the
    entire podcast or a specific season", and apps play the newest one as the show's preview (trailer.md). A teaser
    for episode 6 was written as a podcast:trailer too, so apps previewed the show with it, after the episode was out
    as well. Now the channel's podcast:trailer lists the show's and seasons' trailers only; the teaser stays an item
    with itunes:episodeType trailer."""
    add_episode(show, "006-teaser", "title: A taste of episode six\ndate: 2026-05-01T08:00:00+00:00\n"
                "guid: 5b1c0de2-22aa-4c5e-9d1e-0c0ffee00906\naudio: audio.mp3\ntype: trailer\nseason: 1\nepisode: 6\n")
    feed = (site_of(show) / "feed.xml").read_bytes()
    channel = etree.fromstring(feed).find("channel")
    assert [t.text for t in channel.findall(P + "trailer")] == ["One study at a time"]
    teaser = items_by_guid(feed)["5b1c0de2-22aa-4c5e-9d1e-0c0ffee00906"]
    assert teaser.findtext("{http://www.itunes.com/dtds/podcast-1.0.dtd}episodeType") == "trailer"
    assert violations(feed) == []


def set_show_key(show: Path, key: str, value: str) -> None:
    """show.yml with ``key: value`` in place of the key's own lines (the sample's update_frequency is a block)."""
    config, kept, inside = show / "show.yml", [], False
    for line in config.read_text().splitlines():
        inside = line.startswith(f"{key}:") or (inside and line.startswith(" "))
        if not inside:
            kept.append(line)
    config.write_text("\n".join(kept) + f"\n{key}: {value}\n")


@pytest.mark.parametrize("key, value, expected", [
    # remote-item.md: feedGuid (required) is the other feed's podcast:guid, which apps look the show up by
    ("podroll", "[{feed_guid: buzzcast, title: Buzzcast}]",
     "podroll.feed_guid: expected the other feed's podcast:guid, a UUID"),
    # medium.md: a list medium (podcastL, mixed…) is a feed of podcast:remoteItem only, "not expected to have regular
    # <item>'s"; this feed is its episodes
    ("medium", "podcastL", "medium: 'podcastL' is a list medium"),
    ("medium", "mixed", "medium: 'mixed' is a list medium"),
    # update-frequency.md: rrule is an RFC 5545 recurrence rule; with UNTIL, dtstart in the same date/date-time form
    ("update_frequency", "{text: Weekly, rrule: every monday}", "update_frequency.rrule: 'every monday' is not an iCalendar"),
    ("update_frequency", "{text: Fortnightly, rrule: FREQ=FORTNIGHTLY}", "update_frequency.rrule: 'FREQ=FORTNIGHTLY': FREQ"),
    ("update_frequency", "{text: Ten, rrule: 'FREQ=WEEKLY;COUNT=10;UNTIL=20261231', dtstart: 2026-01-05}",
     "has both UNTIL and COUNT"),
    ("update_frequency", "{text: Weekly, rrule: 'FREQ=WEEKLY;UNTIL=20261231T090000Z', dtstart: 2026-01-05}",
     "update_frequency.rrule: UNTIL=20261231T090000Z and dtstart '2026-01-05' are not the same kind"),
    # a part's value outside RFC 5545's forms: iCalendar libraries (rrule.js, dateutil) refuse the whole rule
    ("update_frequency", "{text: Weekly, rrule: 'FREQ=WEEKLY;BYDAY=MONDAY'}", "BYDAY=MONDAY is not"),
    ("update_frequency", "{text: Weekly, rrule: 'FREQ=WEEKLY;INTERVAL=0'}", "INTERVAL=0 is not"),
    ("update_frequency", "{text: Ten, rrule: 'FREQ=WEEKLY;COUNT=ten', dtstart: 2026-01-05}", "COUNT=ten is not"),
    ("update_frequency", "{text: Monthly, rrule: 'FREQ=MONTHLY;BYMONTHDAY=32'}", "BYMONTHDAY=32 is not"),
    ("update_frequency", "{text: Summer, rrule: 'FREQ=YEARLY;BYMONTH=6,13'}", "BYMONTH=6,13 is not"),
    # dtstart: an ISO 8601 date or date-time (what JavaScript's Date.toISOString writes), a real one
    ("update_frequency", "{text: Weekly, rrule: FREQ=WEEKLY, dtstart: '2026-13-45'}",
     "update_frequency.dtstart: expected an ISO 8601 date or date-time"),
    ("update_frequency", "{text: Weekly, rrule: FREQ=WEEKLY, dtstart: '2026-01-05 09:00'}",
     "update_frequency.dtstart: expected an ISO 8601 date or date-time"),
    # the node value is the free-form text apps display: without text: the feed showed listeners "FREQ=WEEKLY"
    ("update_frequency", "{rrule: FREQ=WEEKLY}", "update_frequency.text: required but missing — add 'text: …'"),
])
def test_show_values_the_namespace_does_not_allow_are_refused_naming_the_key(show: Path, key: str, value: str,
                                                                             expected: str) -> None:
    set_show_key(show, key, value)
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    lines = [p.line() for p in info.value.problems]
    assert any(line.startswith("show.yml: " + key) and expected in line for line in lines), lines


@pytest.mark.parametrize("key, value, written", [
    ("license", "cc0-1.0", "<podcast:license>cc0-1.0</podcast:license>"),  # an SPDX identifier in any case: no url
    ("license", "POD-V4V-1.0", "<podcast:license>POD-V4V-1.0</podcast:license>"),  # one of the namespace's slugs
    ("update_frequency", "{text: Weekly until Christmas, rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261221', dtstart: 2026-01-05}",
     '<podcast:updateFrequency dtstart="2026-01-05" rrule="FREQ=WEEKLY;BYDAY=MO;UNTIL=20261221">Weekly until Christmas<'),
    ("txt", "[{purpose: ai-content, value: false}]", '<podcast:txt purpose="ai-content">false</podcast:txt>'),
    # every RFC 5545 part in its forms (lower case too: RFC 5545 names and values are case-insensitive)
    ("update_frequency", "{text: Second Tuesday, rrule: 'FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU,-1FR;BYMONTH=1,12;"
     "BYHOUR=9;BYMINUTE=0;BYSECOND=0;BYSETPOS=-1;WKST=mo;COUNT=12', dtstart: '2026-01-13T09:00:00.000Z'}",
     'dtstart="2026-01-13T09:00:00.000Z" rrule="FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU,-1FR;BYMONTH=1,12;'),
    # RFC 5545's values are digits, a leading zero allowed (dateutil, rrule.js and ical.js read them): refused in
    # session 26 as "not a whole number of 1 or more"
    ("update_frequency", "{text: Every other month, rrule: 'FREQ=MONTHLY;INTERVAL=02;BYDAY=+01MO;COUNT=06', "
     "dtstart: 2026-01-05}", 'rrule="FREQ=MONTHLY;INTERVAL=02;BYDAY=+01MO;COUNT=06"'),
    ("podroll", "[{feed_guid: 917393E3-1B1E-5CEF-ACE4-EDAA54E1F810, medium: mixed}]",
     '<podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810" medium="mixed"/>'),
])
def test_show_values_in_the_namespaces_forms_are_written_as_given(show: Path, key: str, value: str, written: str) -> None:
    set_show_key(show, key, value)
    feed = (site_of(show) / "feed.xml").read_bytes()
    assert written.encode() in feed and violations(feed) == []


def test_a_block_id_outside_the_service_slug_list_is_a_warning_naming_the_slug_meant(show: Path) -> None:
    """block.md: id is an entry of the namespace's serviceslugs.txt; each service reads its own, so 'spotfy' blocks no one."""
    set_show_key(show, "block", "[spotfy, google]")
    report = build(show, now=NOW)
    found = [p.line() for p in report.problems if p.code == "PI025"]
    assert found == ["show.yml: block: 'spotfy' is not in the namespace's service slug list: no service reads "
                     "podcast:block id='spotfy', so it blocks no one — did you mean 'spotify'? [PI025]"]
    assert b'<podcast:block id="google">yes</podcast:block>' in (report.output / "feed.xml").read_bytes()


def test_rrule_with_count_needs_dtstart(show: Path) -> None:
    text = (show / "show.yml").read_text().replace("rrule: FREQ=MONTHLY", "rrule: FREQ=MONTHLY;COUNT=10")
    (show / "show.yml").write_text(text)
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    assert any(p.file == "show.yml" and p.field == "update_frequency.dtstart" for p in info.value.problems)


# -- JSON Feed ---------------------------------------------------------------------------------------------------

def test_json_feed_1_1_lists_every_episode_with_attachments(show: Path) -> None:
    site = site_of(show)
    doc = json.loads((site / "feed.json").read_bytes())
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["feed_url"] == "https://podcast.example.org/safe-to-say/feed.json"
    assert doc["home_page_url"] == "https://podcast.example.org/safe-to-say/"
    rss = podcastparser_read((site / "feed.xml").read_bytes())["episodes"]
    assert [i["id"] for i in doc["items"]] == [e["guid"] for e in rss]
    for item, episode in zip(doc["items"], rss):
        assert isinstance(item["id"], str) and item["title"] == episode["title"]
        datetime.fromisoformat(item["date_published"])
        attachment = item["attachments"][0]
        assert attachment["url"] == episode["enclosures"][0]["url"]
        assert attachment["size_in_bytes"] == episode["enclosures"][0]["file_size"]
        assert attachment["mime_type"] == episode["enclosures"][0]["mime_type"]
        assert attachment["duration_in_seconds"] == episode["total_time"]
    page = (site / "index.html").read_text()
    assert '<link rel="alternate" type="application/feed+json"' in page


# -- paged archives (RFC 5005) ---------------------------------------------------------------------------------------

def _follow_pages(site: Path, start: str) -> list[dict]:
    pages, url = [], start
    while url:
        rel = url.split("/safe-to-say/", 1)[1]
        parsed = podcastparser_read((site / rel).read_bytes(), url)
        pages.append(parsed)
        url = parsed.get("paged_feed_next")
    return pages


def test_feed_json_items_are_indented_as_json_dumps_indents_them() -> None:
    import json

    from mediafeed.jsonfeed import indented

    nasty = {"a": "\"quotes\", \\ back, </script>, \u2028, \u00e9, \U0001f600, \x00\x1f\n\t", "n": [1, -2, 2**70, 0.5, 1e-7],
             "empty": {}, "none": [], "flags": [True, False, None], "nested": [{"x": [[], {}]}, ("t", 3)], "": ""}
    for value in (nasty, [], {}, "text", 3, None, [nasty, nasty]):
        assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
    assert indented(nasty, "\n    ") == json.dumps(nasty, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def test_json_reports_written_in_pieces_are_json_dumps_text() -> None:
    """``--format json`` reports are written a list member at a time (a broken feed's million problems are never one
    text): the pieces joined are json.dumps's text, for every shape, a key that is not a string included."""
    import json

    from mediafeed.jsontext import pieces

    nasty = {"a": "\"quotes\", \\ back, </script>, \u2028, \u00e9, \U0001f600, \x00\x1f\n\t", "n": [1, -2, 2**70, 0.5],
             "empty": {}, "none": [], "flags": [True, False, None], "nested": [{"x": [[], {}]}, ("t", 3)], "": ""}
    shapes = [nasty, [], {}, "text", 3, None, [nasty, nasty], {"problems": [nasty] * 3, "ok": False},
              {"numbered": {1: "an int key"}}, {"list": [{2: "x"}, "y"]}, [[1, [2]], {}]]
    for value in shapes:
        made = list(pieces(value))
        assert "".join(made) == json.dumps(value, ensure_ascii=False, indent=2), value
    assert len(list(pieces({"problems": [nasty] * 3}))) == 7  # "{", the key, one piece a member, "]", "}"


def test_feed_limit_keeps_the_newest_episodes_and_archives_the_rest(show: Path) -> None:
    (show / "show.yml").write_text((show / "show.yml").read_text() + "feed_limit: 2\n")
    site = site_of(show)
    pages = _follow_pages(site, FEED_URL)
    assert [len(p["episodes"]) for p in pages] == [2, 2, 2]
    guids = [e["guid"] for p in pages for e in p["episodes"]]
    assert len(guids) == len(set(guids)) == 6
    dates = [e["published"] for p in pages for e in p["episodes"]]
    assert dates == sorted(dates, reverse=True)
    main = etree.fromstring((site / "feed.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}link"
    links = {link.get("rel"): link.get("href") for link in main.find("channel").findall(atom)}
    assert links["prev-archive"] == "https://podcast.example.org/safe-to-say/archive/feed-2.xml"
    assert main.find("channel").find("{http://purl.org/syndication/history/1.0}archive") is None
    oldest = etree.fromstring((site / "archive/feed-1.xml").read_bytes()).find("channel")
    assert oldest.find("{http://purl.org/syndication/history/1.0}archive") is not None
    links = {link.get("rel"): link.get("href") for link in oldest.findall(atom)}
    assert links["current"] == FEED_URL and "prev-archive" not in links
    assert links["next-archive"] == "https://podcast.example.org/safe-to-say/archive/feed-2.xml"
    assert feedparser.parse((site / "archive/feed-1.xml").read_bytes()).bozo == 0
    assert violations((site / "archive/feed-1.xml").read_bytes()) == []
    assert etree.fromstring((site / "archive/feed-1.xml").read_bytes()).find("channel").find(P + "trailer") is None
    # JSON Feed pages the same way
    doc = json.loads((site / "feed.json").read_bytes())
    assert len(doc["items"]) == 2 and doc["next_url"] == "https://podcast.example.org/safe-to-say/archive/feed-2.json"
    assert json.loads((site / "archive/feed-2.json").read_bytes())["next_url"].endswith("/archive/feed-1.json")


def test_archives_do_not_change_when_a_new_episode_arrives(show: Path) -> None:
    (show / "show.yml").write_text((show / "show.yml").read_text() + "feed_limit: 2\n")
    site = site_of(show)
    before = {p.name: p.read_bytes() for p in (site / "archive").iterdir()}
    add_episode(show, "006-new", "title: Something New\ndate: 2026-04-01T08:00:00+00:00\nguid: new-1\naudio: audio.mp3")
    site = site_of(show)
    after = {p.name: p.read_bytes() for p in (site / "archive").iterdir()}
    assert after["feed-1.xml"] == before["feed-1.xml"] and after["feed-1.json"] == before["feed-1.json"]
    # the archive that was the newest keeps its episodes and only gains links to the new one
    assert items_by_guid(after["feed-2.xml"]).keys() == items_by_guid(before["feed-2.xml"]).keys()
    assert b'rel="next-archive"' in after["feed-2.xml"] and b'rel="next-archive"' not in before["feed-2.xml"]
    assert "feed-3.xml" in after and len(podcastparser_read(after["feed-3.xml"])["episodes"]) == 1


@pytest.mark.parametrize("limit", ["", "feed_limit: 2\n"], ids=["one-feed", "archived"])
def test_a_feed_url_of_its_own_is_the_self_link_apps_and_archives_point_at(show: Path, limit: str) -> None:
    # show.yml's feed_url is the address subscribers have (the pages link it, podcast:guid is made from it, publish
    # pings it): feed.xml's atom:link rel="self" and the archives' way back must say the same, not url + feed.xml
    moved = "https://feeds.example.org/safe-to-say.rss"
    (show / "published.json").unlink()  # a show published at that address from the start
    config = show / "show.yml"
    config.write_text(config.read_text().replace("\nlanguage:", f"\nfeed_url: {moved}\nlanguage:", 1) + limit)
    site = site_of(show)
    feed = (site / "feed.xml").read_bytes()
    atom = "{http://www.w3.org/2005/Atom}link"
    channel = etree.fromstring(feed).find("channel")
    assert [link.get("href") for link in channel.findall(atom) if link.get("rel") == "self"] == [moved]
    assert channel.findtext(P + "guid") == podcast_guid(moved)
    assert next(link.href for link in feedparser.parse(feed).feed.links if link.rel == "self") == moved
    result = CliRunner().invoke(main, ["check", str(site / "feed.xml"), "--format", "json"])
    assert not [p for p in json.loads(result.stdout)["problems"] if p["code"] in ("PI003", "SHOW013")], result.stdout
    if limit:
        oldest = etree.fromstring((site / "archive/feed-1.xml").read_bytes()).find("channel")
        links = {link.get("rel"): link.get("href") for link in oldest.findall(atom)}
        assert links["current"] == links["first"] == moved
        assert links["self"] == "https://podcast.example.org/safe-to-say/archive/feed-1.xml"


def test_no_feed_limit_means_one_feed_without_paging_links(show: Path) -> None:
    site = site_of(show)
    assert not (site / "archive").exists()
    assert b'rel="next"' not in (site / "feed.xml").read_bytes()
    assert b"syndication/history" not in (site / "feed.xml").read_bytes()


@pytest.mark.parametrize("listed", ["", "  - {file: capabilities-framework.mp3, default: true}\n"],
                         ids=["main-added-as-default", "main-listed-by-the-producer"])
def test_the_main_file_as_an_alternate_has_the_length_of_the_published_tagged_copy(show: Path, listed: str) -> None:
    # tag_on_build publishes a tagged copy (another size, other bytes): the alternate naming the enclosure's URL
    # must say what apps download, as the enclosure does, and carry no hash of the untagged source
    folder = show / "episodes/003-capabilities-framework"
    make_media(folder / "capabilities-framework.opus", "opus", 20.0)
    md = (folder / "episode.md").read_text().replace("audio: capabilities-framework.mp3\n",
                                                     "audio: capabilities-framework.mp3\nalternate_enclosures:\n"
                                                     f"{listed}  - {{file: capabilities-framework.opus}}\n")
    (folder / "episode.md").write_text(md)
    site = site_of(show)
    feed = (site / "feed.xml").read_bytes()
    item = items_by_guid(feed)["5c6c255d-36b2-45da-ab07-e62a01932dcf"]
    enclosure = item.find("enclosure")
    published = site / "episodes/003-capabilities-framework/capabilities-framework.mp3"
    assert published.stat().st_size != (folder / "capabilities-framework.mp3").stat().st_size  # it was tagged
    main = next(a for a in item.findall(P + "alternateEnclosure")
                if a.find(P + "source").get("uri") == enclosure.get("url"))
    assert main.get("default") == "true"
    assert main.get("length") == enclosure.get("length") == str(published.stat().st_size)
    assert main.find(P + "integrity") is None
    assert violations(feed) == []


EVERYTHING = """
title: Q&A <live> "special" — ünïcode 🎧
date: 2026-03-20T10:30:00+01:00
guid: 3f0c1c52-8b8e-4a43-9a57-8b0b6e7a1c01
season: 2
episode: 1
episode_display: "Bonus 1"
type: bonus
explicit: true
block: true
audio: audio.mp3
artwork: cover.jpg
summary: A bonus Q&A with listeners' questions & answers.
itunes_title: Q&A special
persons:
  - {name: Dr Maya Okafor, role: host}
  - {name: Zoë O'Brien, role: guest, img: "https://example.org/zoe.jpg"}
location: {name: "Cardiff & Newport", geo: "geo:51.48,-3.18"}
license: CC0-1.0
funding: [{url: "https://example.org/donate?a=1&b=2", text: Donate & support}]
transcripts: [transcript.srt, {file: transcript-cy.vtt, language: cy}]
chapters:
  - {start: 0, title: Hello & welcome, img: "https://example.org/ch1.jpg"}
  - {start: 1.5, title: 'Questions "one" <two>', url: "https://example.org/q?x=1&y=2"}
  - {start: 2.5, title: Hidden sponsor, toc: false}
soundbites: [{start: 0.5, duration: 15, title: 'A "quote" & more'}]
alternate_enclosures: [{file: small.opus, title: Small download, lang: en-GB}]
"""


def add_everything(show: Path) -> None:
    """Episode 006-everything (:data:`EVERYTHING`: every front-matter feature, hostile characters) and show-level
    txt, podroll, location and a block list (test_partytime.py reads the same show)."""
    from PIL import Image

    folder = add_episode(show, "006-everything", EVERYTHING, body="Notes with a [link](https://example.org/?a=1&b=2) "
                         "and `code` & <b>bold</b>.\n\n]]> ends CDATA.\n", seconds=16.0)
    make_media(folder / "small.opus", "opus", 3.0)
    Image.new("RGB", (1400, 1400), (200, 30, 30)).save(folder / "cover.jpg", quality=80)
    (folder / "transcript.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nMaya: Hello & <welcome>.\n", encoding="utf-8")
    (folder / "transcript-cy.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Maya>Croeso.\n", encoding="utf-8")
    config = show / "show.yml"
    config.write_text(config.read_text() + """
location: {name: Bristol, geo: "geo:51.4545,-2.5879", osm: R5746659}
txt: [{purpose: verify, value: S6lpp-7ZCn8}, just a note]
podroll: [{feed_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810, feed_url: "https://mp3s.nashownotes.com/pc20rss.xml", title: A & B}]
block: [google, amazon]
""")


def test_an_episode_using_every_feature_at_once_reads_cleanly_in_every_parser(show: Path) -> None:
    """Every front-matter feature and hostile characters in one item, next to show-level txt, podroll, location and
    a block list: lxml (strict), feedparser (bozo 0), podcastparser, the namespace rules, JSON Feed, oEmbed."""
    add_everything(show)
    site = build(show, now=datetime.fromisoformat("2026-06-01T00:00:00+00:00"), accept_changes=True).output
    feed = (site / "feed.xml").read_bytes()
    etree.fromstring(feed, etree.XMLParser(resolve_entities=False, no_network=True))  # strict: raises on any error
    assert violations(feed) == []
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = next(e for e in parsed.entries if e.id == "3f0c1c52-8b8e-4a43-9a57-8b0b6e7a1c01")
    assert entry.title == 'Q&A <live> "special" — ünïcode 🎧'  # (feedparser reads explicit true/false as None)
    episode = next(e for e in podcastparser_read(feed)["episodes"] if e["guid"] == "3f0c1c52-8b8e-4a43-9a57-8b0b6e7a1c01")
    assert [c["title"] for c in episode["chapters"]] == ["Hello & welcome", 'Questions "one" <two>']
    assert episode["episode_art_url"].endswith("/006-everything/cover.jpg") and episode["explicit"] is True
    item = items_by_guid(feed)["3f0c1c52-8b8e-4a43-9a57-8b0b6e7a1c01"]
    enclosure = item.find("enclosure")
    assert int(enclosure.get("length")) == (site / "episodes/006-everything/audio.mp3").stat().st_size
    for alternate in item.findall(P + "alternateEnclosure"):  # each names a file of exactly that length
        uri = alternate.find(P + "source").get("uri")
        assert int(alternate.get("length")) == (site / uri.split("/safe-to-say/", 1)[1]).stat().st_size
    doc = json.loads((site / "feed.json").read_bytes())
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert all(i["id"] and i["url"] and (i.get("content_html") or i.get("content_text")) for i in doc["items"])
    oembed = json.loads((site / "episodes/006-everything/oembed.json").read_bytes())
    assert oembed["title"] == entry.title and type(oembed["width"]) is int and type(oembed["height"]) is int
    assert lxml.html.fromstring(oembed["html"]).get("title").startswith('Q&A <live> "special"')
    chapters = json.loads((site / "episodes/006-everything/chapters.json").read_bytes())
    assert [c["startTime"] for c in chapters["chapters"]] == [0, 1.5, 2.5] and chapters["chapters"][2]["toc"] is False
    # check FEED holds every podcast: tag to the namespace's structure (PI018-PI022): our richest feed passes it
    result = CliRunner().invoke(main, ["check", str(site / "feed.xml"), "--format", "json", "--select", "podcastindex"])
    assert result.exit_code == 0 and json.loads(result.stdout)["problems"] == [], result.stdout


def test_every_feed_json_document_is_json_feed_1_1(show: Path) -> None:
    """feed.json and its archive pages hold only JSON Feed 1.1's keys with its types: attachments with a mime_type and
    numbers for size_in_bytes and duration_in_seconds, RFC 3339 dates, absolute URLs (jsonfeed_rules.py), for the
    richest episode and hostile titles too, with date_modified and an offset other than UTC."""
    from jsonfeed_rules import violations as json_feed_violations

    add_everything(show)
    episode = show / "episodes/006-everything/episode.md"
    episode.write_text(episode.read_text(encoding="utf-8").replace("audio: audio.mp3", "audio: audio.mp3\n"
                       "updated: 2026-04-02T09:15:30.250+02:00\nkeywords: [Q&A, listeners]"), encoding="utf-8")
    (show / "show.yml").write_text((show / "show.yml").read_text() + "feed_limit: 3\ncomplete: true\n")
    site = build(show, now=NOW, accept_changes=True).output
    documents = sorted(site.glob("feed.json")) + sorted(site.glob("archive/feed-*.json"))
    assert len(documents) == 3
    for document in documents:
        assert json_feed_violations(json.loads(document.read_bytes())) == [], document
    items = [i for d in documents for i in json.loads(d.read_bytes())["items"]]
    everything = next(i for i in items if i["id"] == "3f0c1c52-8b8e-4a43-9a57-8b0b6e7a1c01")
    assert everything["date_published"] == "2026-03-20T10:30:00+01:00" and everything["tags"] == ["Q&A", "listeners"]
    assert [(a["mime_type"], a["duration_in_seconds"]) for a in everything["attachments"]] == [("audio/mpeg", 16),
                                                                                               ("audio/opus", 16)]


def test_the_json_feed_rules_find_each_kind_of_mistake() -> None:
    from jsonfeed_rules import violations as json_feed_violations

    good = json.loads((GOLDEN_DIR / "feed.json").read_bytes())
    assert json_feed_violations(good) == []
    bad = json.loads((GOLDEN_DIR / "feed.json").read_bytes())
    bad["icon"] = "artwork.png"
    bad["itunes"] = {}
    item = bad["items"][0]
    item["date_published"] = "2026-03-16 08:00:00"
    item["attachments"][0]["size_in_bytes"] = "114688"
    del item["attachments"][0]["mime_type"]
    del item["content_html"]
    assert json_feed_violations(bad) == [
        "feed.icon: expected an absolute http(s) URL, got 'artwork.png'",
        "feed.itunes: not a JSON Feed 1.1 key (extensions start with '_')",
        "items[0].date_published: expected an RFC 3339 date-time, got '2026-03-16 08:00:00'",
        "items[0]: needs content_html or content_text",
        "items[0].attachments[0]: missing 'mime_type'",
        "items[0].attachments[0].size_in_bytes: expected a number of 0 or more, got '114688'",
        "items[0].attachments[0].mime_type: expected a type such as audio/mpeg, got None"]


@pytest.mark.parametrize("duration,said", [(5, "5 s"), (150, "150 s"), (15, ""), (120, "")])
def test_a_soundbite_outside_the_namespaces_15_to_120_seconds_is_a_warning_naming_its_duration(
        show: Path, duration: float, said: str) -> None:
    """The namespace recommends soundbites of 15 to 120 seconds (docs/tags/soundbite.md); one of 5 s or of 150 s
    was published without a word. It still is (a warning, PI026, not an error), naming episode.md and the field."""
    front = ("title: Bite\ndate: 2026-03-20T08:00:00+00:00\nguid: 5b1c0de2-22aa-4c5e-9d1e-0c0ffee00026\n"
             f"audio: audio.mp3\nsoundbites: [{{start: 0, duration: {duration}}}]\n")
    add_episode(show, "010-bite", front, seconds=160.0)
    report = build(show)
    found = [p for p in report.problems if p.code == "PI026"]
    assert [(p.severity.value, p.file, p.field) for p in found] == (
        [("warning", "episodes/010-bite/episode.md", "soundbites[0].duration")] if said else [])
    assert all(said in p.message for p in found)
    assert f'duration="{duration}"' in (show / "public" / "feed.xml").read_text(encoding="utf-8")


def test_check_feed_warns_of_a_soundbite_outside_15_to_120_seconds(tmp_path: Path) -> None:
    """``check FEED`` holds any feed's soundbites to the same recommendation."""
    feed = build_golden(tmp_path) / "feed.xml"
    assert not [p for p in lint_feed(str(feed)).problems if p.code == "PI026"]
    xml = feed.read_text(encoding="utf-8")
    feed.write_text(xml.replace('<podcast:soundbite startTime="7.2" duration="15">',
                                '<podcast:soundbite startTime="7.2" duration="14.5">'), encoding="utf-8")
    found = [(p.code, p.severity.value, p.field) for p in lint_feed(str(feed)).problems if p.code == "PI026"]
    assert found == [("PI026", "warning", "podcast:soundbite@duration")]


def test_an_episode_about_several_places_lists_them_as_podcast_locations(show: Path) -> None:
    """The namespace allows several podcast:location per item and channel (docs/tags/location.md: "Count: Multiple",
    e.g. where it was recorded, rel="creator", and what it is about, rel="subject"); a list under 'location' was
    dropped without a word (no podcast:location at all). Now each is published, in order, and a
    wrong one is named by its index."""
    folder = show / "episodes" / "003-capabilities-framework"
    md = folder / "episode.md"
    places = ('location:\n  - {name: "Austin, TX", rel: creator, geo: "geo:30.2672,-97.7431", osm: R113314}\n'
              '  - {name: Dreamworld (Queensland), rel: subject, geo: "geo:-27.86159,153.3169", country: au}\n'
              '  - Eiffel Tower, Paris\n')
    md.write_text(md.read_text(encoding="utf-8").replace("---\n", "---\n" + places, 1), encoding="utf-8")
    site = site_of(show)
    feed = (site / "feed.xml").read_bytes()
    guid = "5c6c255d-36b2-45da-ab07-e62a01932dcf"
    found = [(p.text, p.get("rel"), p.get("geo"), p.get("country")) for p in items_by_guid(feed)[guid].findall(P + "location")]
    assert found == [("Austin, TX", "creator", "geo:30.2672,-97.7431", None),
                     ("Dreamworld (Queensland)", "subject", "geo:-27.86159,153.3169", "AU"),
                     ("Eiffel Tower, Paris", None, None, None)]
    assert violations(feed) == []
    result = CliRunner().invoke(main, ["check", str(site / "feed.xml"), "--format", "json", "--select", "podcastindex"])
    assert json.loads(result.stdout)["problems"] == [], result.stdout
    md.write_text(md.read_text(encoding="utf-8").replace("geo:-27.86159,153.3169", "-27.86,153.31"), encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert [(p.code, p.field) for p in info.value.problems if p.code.startswith("SRC")] == [("SRC010", "location[1].geo")]
