"""Podcasting 2.0 tags a show could not express before session 28: podcast:chat, podcast:contentLink,
podcast:publisher, podcast:image's alt, and alternate enclosures' decimal bitrates and further sources (IPFS, a
torrent, an onion mirror); and podcast:updateFrequency's text for a complete show in the show's language.

Each feed is read back with feedparser and podcastparser and checked against the namespace's rules
(podcast_rules.py) and with ``mediafeed check``'s own (lint_feed).
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import feedparser
import podcastparser
import pytest
from helpers import GOLDEN_NOW, make_media
from lxml import etree
from podcast_rules import NS, violations

from mediafeed.build import BuildFailed, build
from mediafeed.lint import lint_feed

NOW = datetime.fromisoformat(GOLDEN_NOW)
P = "{%s}" % NS
EPISODE = "episodes/005-european-review"
GUID = "67b066fe-1897-47c0-9ff7-1c41b8378515"  # 005-european-review's
PUBLISHER_GUID = "003af0a0-6a45-55cf-b765-68e3d349551a"
IPFS = "ipfs://QmdwGqd3d2gFPGeJNLLCshdiPert45fMu84552Y4XHTy4y"

SHOW_TAGS = f"""
artwork_alt: Two overlapping speech bubbles, teal and amber, above the words Safe to Say
chat:
  server: irc.libera.chat
  protocol: irc
  account_id: safetosay
  space: "#safetosay"
publisher:
  feed_guid: {PUBLISHER_GUID}
  feed_url: https://research.example.org/publisher.xml
"""


def _every_new_tag(show: Path) -> None:
    """The sample show with every tag of this file: the show's chat, publisher and artwork's alt; one episode's own
    artwork and its alt, its own chat room, two content links and an alternate with a decimal bitrate and three more
    sources."""
    from PIL import Image

    with (show / "show.yml").open("a", encoding="utf-8") as out:
        out.write(SHOW_TAGS)
    folder = show / EPISODE
    Image.new("RGB", (1400, 1400), (20, 90, 160)).save(folder / "cover.jpg", quality=70)
    make_media(folder / "european-review.opus", "opus", 19.0)
    md = folder / "episode.md"
    md.write_text(md.read_text(encoding="utf-8").replace("audio: european-review.mp3\n", """audio: european-review.mp3
artwork: cover.jpg
artwork_alt: A map of Europe with the review's twelve countries shaded
chat: {server: matrix.example.org, protocol: matrix, account_id: "@safetosay:example.org", space: "#review:example.org"}
content_links:
  - {url: "https://video.example.org/w/european-review", text: Watch this episode on PeerTube}
  - {url: "https://doi.org/10.1177/0306624X16673853", text: Read the review}
alternate_enclosures:
  - file: european-review.opus
    title: Small download
    bitrate: 160707.74
    sources:
      - ipfs://QmdwGqd3d2gFPGeJNLLCshdiPert45fMu84552Y4XHTy4y
      - {uri: "https://podcast.example.org/torrents/european-review.torrent", type: application/x-bittorrent}
      - http://safetosayexample.onion/european-review.opus
"""), encoding="utf-8")


def _feed(show: Path) -> bytes:
    return (build(show, now=NOW).output / "feed.xml").read_bytes()


def test_a_show_using_every_new_tag_writes_each_as_the_namespace_defines_it(show: Path) -> None:
    """None of these could be written: show.yml and the front matter had no key for podcast:chat, contentLink or
    publisher, podcast:image had no alt, an alternate's bitrate had to be a whole number and its only source an
    https URL (SRC012 "unknown key", SRC010 "expected a whole number, got 160707.74")."""
    _every_new_tag(show)
    feed = _feed(show)
    assert violations(feed) == []
    channel = etree.fromstring(feed).find("channel")
    chat = channel.find(P + "chat")
    assert dict(chat.attrib) == {"server": "irc.libera.chat", "protocol": "irc", "accountId": "safetosay",
                                 "space": "#safetosay"}
    [remote] = list(channel.find(P + "publisher"))
    assert dict(remote.attrib) == {"feedGuid": PUBLISHER_GUID, "feedUrl": "https://research.example.org/publisher.xml",
                                   "medium": "publisher"}
    assert channel.find(P + "image").get("alt").startswith("Two overlapping speech bubbles")
    item = next(i for i in channel.iter("item") if i.findtext("guid") == GUID)
    assert item.find(P + "image").get("alt") == "A map of Europe with the review's twelve countries shaded"
    assert item.find(P + "chat").get("server") == "matrix.example.org"  # the episode's room replaces the show's
    assert [(link.get("href"), link.text) for link in item.findall(P + "contentLink")] == [
        ("https://video.example.org/w/european-review", "Watch this episode on PeerTube"),
        ("https://doi.org/10.1177/0306624X16673853", "Read the review")]
    opus = next(a for a in item.findall(P + "alternateEnclosure") if a.get("type") == "audio/opus")
    assert opus.get("bitrate") == "160707.74"
    assert [(s.get("uri"), s.get("contentType")) for s in opus.findall(P + "source")] == [
        ("https://podcast.example.org/safe-to-say/episodes/005-european-review/european-review.opus", None),
        (IPFS, None), ("https://podcast.example.org/torrents/european-review.torrent", "application/x-bittorrent"),
        ("http://safetosayexample.onion/european-review.opus", None)]
    assert opus.find(P + "integrity") is not None  # (after the sources, as in integrity.md)
    # mediafeed check reads the same feed without a podcast: problem
    (show / "copy.xml").write_bytes(feed)
    assert [p.code for p in lint_feed(str(show / "copy.xml")).problems if p.code.startswith(("PI", "XML"))] == []
    # the home page describes the show's artwork with the producer's words, not "Cover art of Safe to Say"
    page = (show / "public" / "index.html").read_text(encoding="utf-8")
    assert 'class="show-art"' in page and 'alt="Two overlapping speech bubbles, teal and amber' in page
    # … and so do the episode pages and players (they wrote alt=""): the episode's own words for its own artwork
    for name in ("index.html", "embed/index.html"):
        own = (show / "public" / EPISODE / name).read_text(encoding="utf-8")
        assert 'alt="A map of Europe with the review&#39;s twelve countries shaded"' in own, name
        other_page = (show / "public" / "episodes/001-ipv-and-substance-use" / name).read_text(encoding="utf-8")
        assert 'alt="Two overlapping speech bubbles, teal and amber, above the words Safe to Say"' in other_page, name
    # the other episodes are as they were: no show-level tag leaks into an item
    other = next(i for i in channel.iter("item") if i.findtext("guid") != GUID)
    assert [other.find(P + tag) for tag in ("chat", "contentLink", "publisher")] == [None, None, None]


def test_the_feed_with_every_new_tag_reads_in_feedparser_and_podcastparser(show: Path) -> None:
    """The new tags break no reader: feedparser reads the feed without an error and podcastparser (under the
    namespace's older URI, the one it knows) gets every episode with its enclosure and the show's persons."""
    _every_new_tag(show)
    feed = _feed(show)
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 6 and parsed.feed.get("podcast_guid")
    entry = next(e for e in parsed.entries if e.id == GUID)
    assert entry.enclosures[0].href.endswith("/european-review.mp3")
    old = b"https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
    read = podcastparser.parse("https://podcast.example.org/safe-to-say/feed.xml",
                               io.BytesIO(feed.replace(NS.encode(), old)))
    episode = next(e for e in read["episodes"] if e["guid"] == GUID)
    assert episode["enclosures"][0]["url"].endswith("/european-review.mp3")
    assert episode["episode_art_url"].endswith("/005-european-review/cover.jpg")
    assert len(read["episodes"]) == 6


@pytest.mark.parametrize("where,front,field,words", [
    ("show", "chat: {server: 'https://matrix.example.org/', protocol: matrix}", "chat.server",
     "write 'server: matrix.example.org'"),
    ("show", "chat: {server: irc.libera.chat, protocol: discord}", "chat.protocol", "not a protocol of the namespace"),
    ("show", "chat: {protocol: irc}", "chat.server", ""),
    ("show", f"publisher: {{feed_guid: {PUBLISHER_GUID}, feed_url: 'https://r.example/p.xml', medium: podcast}}",
     "publisher.medium", "medium is 'publisher'"),
    ("show", "publisher: {feed_guid: not-a-guid, feed_url: 'https://r.example/p.xml'}", "publisher.feed_guid", ""),
    ("episode", "content_links: [{url: 'https://video.example.org/w/1'}]", "content_links[0].text", ""),
    ("episode", "content_links: [{url: 'javascript:alert(1)', text: Watch}]", "content_links[0].url", "https://"),
    ("episode", "artwork_alt: A map", "artwork_alt", "the episode has none"),
    ("episode", "alternate_enclosures: [{url: 'https://cdn.example.net/a.opus', type: audio/opus, bitrate: fast}]",
     "alternate_enclosures[0].bitrate", "expected the average bitrate"),
    ("episode", "alternate_enclosures: [{url: 'https://cdn.example.net/a.opus', type: audio/opus, sources: "
     "['ftp://cdn.example.net/a.opus']}]", "alternate_enclosures[0].sources[0].uri", "ipfs://"),
    ("episode", "alternate_enclosures: [{url: 'https://cdn.example.net/a.opus', type: audio/opus, sources: "
     "['http://cdn.example.net/a.opus']}]", "alternate_enclosures[0].sources[0].uri", ".onion"),
    # a source was held to '\\S+' alone: what no other address may hold was published (an RLO showing the address
    # reversed, a magnet link's '"><script>', an https:// without a host, an onion host only in the query)
    ("episode", "alternate_enclosures: [{url: 'https://cdn.example.net/a.opus', type: audio/opus, sources: "
     "[\"ipfs://Qm\\u202egpj.3pm\"]}]", "alternate_enclosures[0].sources[0].uri", "U+202E (a direction control"),
    ("episode", "alternate_enclosures: [{url: 'https://cdn.example.net/a.opus', type: audio/opus, sources: "
     "['magnet:?xt=urn:btih:c12fe1&dn=\"><script>alert(1)</script>']}]", "alternate_enclosures[0].sources[0].uri",
     "percent-encoded: 'magnet:?xt=urn:btih:c12fe1&dn=%22%3E%3Cscript%3Ealert(1)%3C/script%3E'"),
    ("episode", "alternate_enclosures: [{url: 'https://cdn.example.net/a.opus', type: audio/opus, sources: "
     "['https://?']}]", "alternate_enclosures[0].sources[0].uri", "ipfs://"),
    ("episode", "alternate_enclosures: [{url: 'https://cdn.example.net/a.opus', type: audio/opus, sources: "
     "['http://cdn.example.net?.onion/a.opus']}]", "alternate_enclosures[0].sources[0].uri", ".onion"),
    # one-line values written with a line break or a tab (published as they were: an attribute holding a line break)
    ("show", 'chat: {server: irc.libera.chat, protocol: irc, account_id: "safe\\nto say"}', "chat.account_id",
     'write it on one line: account_id: "safe to say"'),
    ("episode", 'chat: {server: matrix.example.org, protocol: matrix, space: "#review\\t2"}', "chat.space", "a tab"),
    ("episode", "content_links:\n  - url: https://video.example.org/w/1\n    text: |\n      Watch it\n      on PeerTube",
     "content_links[0].text", "'Watch it\\non PeerTube'"),
    ("episode", 'content_links: [{url: "https://video.example.org/w/1", text: "Watch\\u2028it"}]', "content_links[0].text",
     "line break (\\u2028)"),
    ("show", 'artwork_alt: "Two speech\\nbubbles"', "artwork_alt", 'artwork_alt: "Two speech bubbles"'),
    # a value shown as the producer wrote it, not as Python's repr ("jack's\\irc": other quotes, a doubled backslash)
    ("show", "chat: {server: irc.libera.chat, protocol: 'jack''s\\irc'}", "chat.protocol",
     "'jack's\\irc' is not a protocol"),
], ids=["chat-url", "chat-protocol", "chat-no-server", "publisher-medium", "publisher-guid", "link-no-text",
        "link-script", "alt-without-artwork", "bitrate-word", "source-ftp", "source-http", "source-rlo",
        "source-markup", "source-no-host", "source-onion-in-query", "chat-account-newline", "chat-space-tab",
        "link-text-block", "link-text-line-separator", "alt-newline", "chat-protocol-as-written"])
def test_a_new_tags_mistake_is_an_error_naming_the_field(show: Path, where: str, front: str, field: str,
                                                         words: str) -> None:
    if where == "show":
        with (show / "show.yml").open("a", encoding="utf-8") as out:
            out.write(front + "\n")
        file = "show.yml"
    else:
        md = show / EPISODE / "episode.md"
        md.write_text(md.read_text(encoding="utf-8").replace("audio: european-review.mp3\n",
                                                             f"audio: european-review.mp3\n{front}\n"), encoding="utf-8")
        file = f"{EPISODE}/episode.md"
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    [problem] = [p for p in info.value.problems if p.severity.value == "error"]
    assert (problem.file, problem.field) == (file, field), problem
    assert words in problem.message + " " + problem.hint
    assert not (show / "public" / "feed.xml").exists()


def test_an_artwork_alt_over_250_characters_is_published_with_a_warning(show: Path) -> None:
    """An artwork_alt of any length was published without a word (a screen reader reads all of it each time the
    artwork comes by); then, for a while, it stopped the build. It is a warning (SRC058) naming the file, the key and
    the limit, and the alt is published as written: a show that built before still builds."""
    alt = ("Two speech bubbles " * 14).strip()
    with (show / "show.yml").open("a", encoding="utf-8") as out:
        out.write(f"artwork_alt: {alt}\n")
    report = build(show, now=NOW)
    [warned] = [p for p in report.problems if p.code == "SRC058"]
    assert (warned.file, warned.field, warned.severity.value) == ("show.yml", "artwork_alt", "warning")
    assert "265 characters, more than 250" in warned.message
    feed = (report.output / "feed.xml").read_bytes()
    assert etree.fromstring(feed).find("channel").find(P + "image").get("alt") == alt


def test_a_publisher_without_its_feed_url_is_published_with_a_warning(show: Path) -> None:
    with (show / "show.yml").open("a", encoding="utf-8") as out:
        out.write(f"publisher: {{feed_guid: {PUBLISHER_GUID}}}\n")
    report = build(show, now=NOW)
    [warned] = [p for p in report.problems if p.code == "PI028"]
    assert (warned.file, warned.field, warned.severity.value) == ("show.yml", "publisher", "warning")
    assert "feedUrl" in warned.message and "feed_url" in warned.hint
    feed = (report.output / "feed.xml").read_bytes()
    [remote] = list(etree.fromstring(feed).find("channel").find(P + "publisher"))
    assert dict(remote.attrib) == {"feedGuid": PUBLISHER_GUID, "medium": "publisher"}
    assert violations(feed) == []


@pytest.mark.parametrize("language,words,said", [
    ("fr", "", "Terminé"), ("de-at", "", "Abgeschlossen"), ("en-gb", "", "Complete"), ("sv", "", "Complete"),
    ("fr", "words: {show_complete: C'est fini}\n", "C'est fini"),
])
def test_a_complete_shows_update_frequency_is_in_its_language(show: Path, language: str, words: str, said: str) -> None:
    """A complete show without a schedule text of its own had <podcast:updateFrequency complete="true">Complete in
    every language: apps show that text as the schedule, so a French show said "Complete" to French listeners. It is
    now the theme's ``show_complete`` word in the show's language (English where the theme has no table), and
    ``words:`` changes it as any other word."""
    text = (show / "show.yml").read_text(encoding="utf-8")
    text = text.replace("language: en-gb\n", f"language: {language}\n")
    text = text.replace("update_frequency:\n  text: Monthly\n  rrule: FREQ=MONTHLY\n", "complete: true\n" + words)
    (show / "show.yml").write_text(text, encoding="utf-8")
    feed = _feed(show)
    update = etree.fromstring(feed).find("channel").find(P + "updateFrequency")
    assert (update.text, update.get("complete")) == (said, "true")
    assert violations(feed) == []


def test_the_chapters_location_rule_matches_the_format(show: Path) -> None:
    """chapters.json as published follows the JSON chapters format's location object: name and geo, both."""
    folder = show / EPISODE
    (folder / "chapters.json").write_text(json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Sixty evaluations", "location": {"name": "Brussels"}},
        {"startTime": 6, "title": "What they found", "location": {"name": "Brussels", "geo": "geo:50.8467,4.3525"}}]}))
    report = build(show, now=NOW)
    doc = json.loads((report.output / EPISODE / "chapters.json").read_text(encoding="utf-8"))
    assert all(set(c.get("location", {"name": 1, "geo": 1})) == {"name", "geo"} for c in doc["chapters"])
    assert [p.field for p in report.problems if p.code == "CHP014"] == ["line 3 (chapters[0]).location.geo"] or \
        [p.field for p in report.problems if p.code == "CHP014"] == ["chapters[0].location.geo"]
