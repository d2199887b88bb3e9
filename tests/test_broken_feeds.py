"""The catalogue of deliberately broken feeds: one defect each, as Apple Podcasts Connect, Spotify, the Podcast
Index's validator, the W3C feed validator or a podcast app would see it.

Each case is good.xml with one change. ``mediafeed check FEED --format json`` must answer with exactly the listed
problems (code, severity, element, and the item's GUID where the defect is in an item: ``#1`` is the first item),
each with a hint, and exit 1 when a platform rejects the feed, 0 when it takes it but mis-reads it (warnings), 2
when the input is not a feed at all; never a traceback.
"""

from __future__ import annotations

import functools
import gzip
import json
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediafeed.cli import main

GOOD = Path(__file__).parent / "data" / "feeds" / "good.xml"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
GOOD_TEXT = GOOD.read_text()
GUIDS = {f"#{n}": f"7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a0{n}" for n in (1, 2, 3)}
ENC1 = '<enclosure url="https://media.example.com/tidewater/salt-marsh.mp3" length="28734512" type="audio/mpeg"/>'
ITEM1_END = '<podcast:person role="host" href="https://example.com/ana">Ana Sousa</podcast:person>'
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
PUBLISHER = "<podcast:publisher>{}</podcast:publisher>"
REMOTE = '<podcast:remoteItem medium="{}" feedGuid="003af0a0-6a45-55cf-b765-68e3d349551a"{}/>'
CHANNEL_END = '<podcast:funding url="https://podcast.example.com/support">Support the show</podcast:funding>'
RSS_IMAGE = "<image><url>{}</url><title>Tidewater Notes</title><link>https://podcast.example.com/</link></image>"
PSC = '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">{}</psc:chapters>'
LIVE = ('<podcast:liveItem status="live" {}><title>Live from the marsh</title><guid isPermaLink="false">'
        'e32b4890-983b-4ce5-8b46-f2d6bc1d8819</guid><enclosure url="https://media.example.com/live?format=.mp3" '
        'type="audio/mpeg" length="312"/>{}</podcast:liveItem>')
CONTENT_LINK = '<podcast:contentLink href="https://podcast.example.com/live">Listen live</podcast:contentLink>'
ALTERNATE = ('<podcast:alternateEnclosure type="audio/opus" length="9821345"><podcast:source '
             'uri="https://media.example.com/tidewater/salt-marsh.opus"/><podcast:source uri="{}"/></podcast:alternateEnclosure>')


def check(target: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", target, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def found(report: dict) -> list[str]:
    """'CODE severity field #N' per problem, as the catalogue lists them."""
    names = {guid: label for label, guid in GUIDS.items()}
    return sorted({f"{p['code']} {p['severity']} {p['field']} {names.get(p['episode'], p['episode'])}".rstrip()
                   for p in report["problems"]})


def write(tmp_path: Path, text: str | bytes) -> str:
    feed = tmp_path / "feed.xml"
    if isinstance(text, bytes):
        feed.write_bytes(text)
    else:
        feed.write_text(text, encoding="utf-8")
    return str(feed)


# (case, text in good.xml, its replacement, exit code, the problems)
CATALOGUE = [
    ('ch-no-title', "<title>Tidewater Notes</title>", "", 1, ['SHOW001 error title']),
    ('ch-empty-title', "<title>Tidewater Notes</title>", "<title>  </title>", 1, ['SHOW001 error title']),
    ('ch-language-zz', "<language>en-gb</language>", "<language>zz</language>", 1, ['SHOW006 error language']),
    ('ch-language-legacy-iw', "<language>en-gb</language>", "<language>iw</language>", 0, []),
    ('ch-language-three-letters', "<language>en-gb</language>", "<language>fil</language>", 0, []),
    ('ch-link-without-scheme', "<link>https://podcast.example.com/</link>", "<link>podcast.example.com</link>", 1, ['SHOW004 error link']),
    ('ch-self-link-relative', 'href="https://podcast.example.com/feed.xml"', 'href="/feed.xml"', 1, ['SHOW013 error atom:link']),
    # spaces inside text="…": the W3C validator (so Cast Feed Validator) compares the name exactly and calls it an
    # invalid category, feedparser keeps 'Science ' (partytime trims it); was passed
    ('ch-category-spaces-around', '<itunes:category text="Science">', '<itunes:category text="Science ">', 0,
     ['SHOW010 warning itunes:category@text']),
    ('ch-subcategory-spaces-around', '<itunes:category text="Earth Sciences"/>', '<itunes:category text=" Earth Sciences"/>', 0,
     ['SHOW010 warning itunes:category/itunes:category@text']),
    ('ch-category-old-list', '<itunes:category text="Science">\n      <itunes:category text="Earth Sciences"/>\n    </itunes:category>', '<itunes:category text="Science &amp; Medicine"/>', 1, ['SHOW010 error itunes:category@text']),
    # the RSS 2.0 <image> (the Podcast Index's "image", gPodder's fallback artwork): url, title and link required
    ('rss-image-complete', CHANNEL_END, CHANNEL_END + RSS_IMAGE.format("https://podcast.example.com/artwork.jpg"), 0, []),
    ('rss-image-no-url', CHANNEL_END, CHANNEL_END + RSS_IMAGE.format("").replace("<url></url>", ""), 0, ['SHOW032 warning image/url']),
    ('rss-image-href-attribute', CHANNEL_END, CHANNEL_END + '<image href="https://podcast.example.com/artwork.jpg"/>', 0,
     ['SHOW032 warning image/url']),
    ('rss-image-relative', CHANNEL_END, CHANNEL_END + RSS_IMAGE.format("/artwork.jpg"), 0, ['SHOW032 warning image/url']),
    ('rss-image-http', CHANNEL_END, CHANNEL_END + RSS_IMAGE.format("http://podcast.example.com/artwork.jpg"), 0, ['SHOW032 warning image/url']),
    ('rss-image-a-page', CHANNEL_END, CHANNEL_END + RSS_IMAGE.format("https://podcast.example.com/about/"), 0, ['SHOW032 warning image/url']),
    ('rss-image-gif', CHANNEL_END, CHANNEL_END + RSS_IMAGE.format("https://podcast.example.com/logo.gif"), 0, []),
    ('rss-image-without-title-link', CHANNEL_END, CHANNEL_END + "<image><url>https://podcast.example.com/artwork.jpg</url></image>", 0,
     ['SHOW032 info image/title']),
    # the same http:// address as itunes:image: said once, by SHOW027
    ('rss-image-http-as-itunes-image', '<itunes:image href="https://podcast.example.com/artwork.jpg"/>',
     '<itunes:image href="http://podcast.example.com/artwork.jpg"/>' + RSS_IMAGE.format("http://podcast.example.com/artwork.jpg"), 0,
     ['SHOW027 warning itunes:image@href']),
    ('ch-category-sub-of-leaf', '<itunes:category text="Science">\n      <itunes:category text="Earth Sciences"/>', '<itunes:category text="Technology">\n      <itunes:category text="Podcasting"/>', 1, ['SHOW010 error itunes:category/itunes:category@text']),
    ('ch-explicit-capital-true', "<itunes:explicit>false</itunes:explicit>\n    <itunes:type>", "<itunes:explicit>True</itunes:explicit>\n    <itunes:type>", 0, ['SHOW012 warning itunes:explicit']),
    ('item-link-relative', "<link>https://podcast.example.com/episodes/salt-marsh/</link>", "<link>/episodes/salt-marsh/</link>", 0, ['EP124 info link #1']),
    # Apple's types for the formats it takes: audio/x-m4a, audio/mpeg, video/quicktime, video/mp4, video/x-m4v (and
    # audio/mp4, the registered one); audio/m4a is neither
    ('enc-type-audio-m4a', ENC1, ENC1.replace("salt-marsh.mp3", "salt-marsh.m4a").replace("audio/mpeg", "audio/m4a"), 1,
     ['EP106 error enclosure@type #1']),
    ('enc-type-audio-x-m4a', ENC1, ENC1.replace("salt-marsh.mp3", "salt-marsh.m4a").replace("audio/mpeg", "audio/x-m4a"), 0, []),
    # audio/aac is not on Apple's list (A Podcaster's Guide to RSS: "audio/x-m4a, audio/mpeg, video/quicktime, video/mp4,
    # video/x-m4v, and application/pdf"); apps play it, Apple lists by the URL's extension: a warning, with the fix
    ('enc-type-audio-aac-on-m4a', ENC1, ENC1.replace("salt-marsh.mp3", "salt-marsh.m4a").replace("audio/mpeg", "audio/aac"), 0,
     ['EP106 warning enclosure@type #1']),
    ('enc-type-audio-aac-raw', ENC1, ENC1.replace("salt-marsh.mp3", "salt-marsh.aac").replace("audio/mpeg", "audio/aac"), 0,
     ['MED010 warning enclosure@type #1']),
    ('enc-type-audio-mp4', ENC1, ENC1.replace("salt-marsh.mp3", "salt-marsh.m4a").replace("audio/mpeg", "audio/mp4"), 0, []),
    ('enc-length-with-spaces', 'length="28734512"', 'length="28 734 512"', 1, ['EP104 error enclosure@length #1']),
    ('dur-single-digit-fields', "<itunes:duration>1795</itunes:duration>", "<itunes:duration>1:2:3</itunes:duration>", 1, ['EP117 error itunes:duration #1']),
    ('dur-minutes-seconds', "<itunes:duration>1795</itunes:duration>", "<itunes:duration>29:55</itunes:duration>", 0, ['EP118 info itunes:duration #1']),
    # RFC 2822 allows no space after the day name's comma; feedparser then reads no date at all (was passed)
    ('date-no-space-after-comma', "Mon, 04 Mar 2024", "Mon,04 Mar 2024", 0, ['EP111 warning pubDate #1']),
    ('date-two-spaces-after-comma', "Mon, 04 Mar 2024", "Mon,  04 Mar 2024", 0, []),
    # a zone no place has (they run from -1200 to +1400, minutes below 60): every app reads it as an offset all the
    # same and moves the episode by it (a template writing the time where the offset goes); was passed
    ('date-zone-off-the-earth', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 +1900", 0, ['EP111 warning pubDate #1']),
    ('date-zone-minutes-60', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 +0960", 0, ['EP111 warning pubDate #1']),
    ('date-zone-kiribati', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 +1400", 0, []),
    ('date-zone-baker-island', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 -1200", 0, []),
    ('date-colon-in-zone', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 +00:00", 1, ['EP111 error pubDate #1']),
    ('date-zone-utc', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 UTC", 1, ['EP111 error pubDate #1']),
    ('date-zone-gmt-plus-1', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 GMT+1", 1, ['EP111 error pubDate #1']),
    # RFC 2822's date-time ends in [CFWS]: a comment after the zone is part of the grammar, feedparser, podcastparser
    # and partytime read the date, the W3C validator warns (ProblematicalRFC822Date); it was an error. A one-digit
    # hour is outside RFC 2822 (hour = 2DIGIT) and an error to the W3C validator (InvalidRFC2822Date): still an error
    ('date-comment-after-zone', "09:00:00 +0000", "09:00:00 +0000 (UTC)", 0, ['EP111 warning pubDate #1']),
    ('date-comment-after-zone-wrong-day', "Mon, 04 Mar 2024 09:00:00 +0000", "Tue, 04 Mar 2024 09:00:00 +0000 (UTC)", 0,
     ['EP111 warning pubDate #1']),
    ('date-comment-for-a-zone', "09:00:00 +0000", "09:00:00 (UTC)", 1, ['EP111 error pubDate #1']),
    ('date-one-digit-hour', "09:00:00 +0000", "9:00:00 +0000", 1, ['EP111 error pubDate #1']),
    # a missing date written as zero (the W3C validator's ImplausibleDate, before 1990): apps list the episode last
    ('date-epoch-zero', "Mon, 04 Mar 2024 09:00:00 +0000", "Thu, 01 Jan 1970 00:00:00 +0000", 0, ['EP132 warning pubDate #1']),
    ('date-1989', "Mon, 04 Mar 2024 09:00:00 +0000", "Sun, 31 Dec 1989 23:00:00 +0000", 0, ['EP132 warning pubDate #1']),
    ('date-1990', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 01 Jan 1990 09:00:00 +0000", 0, []),
    ('ch-no-link', "<link>https://podcast.example.com/</link>", "", 1, ['SHOW004 error link']),
    ('ch-no-description', "<description>Short conversations about coastal ecology, recorded on the shore.</description>", "", 1, ['SHOW002 error description']),
    ('ch-no-image', '<itunes:image href="https://podcast.example.com/artwork.jpg"/>', "", 1, ['SHOW007 error itunes:image']),
    ('ch-no-language', "<language>en-gb</language>", "", 1, ['SHOW005 error language']),
    ('ch-language-english', "<language>en-gb</language>", "<language>English</language>", 1, ['SHOW006 error language']),
    ('ch-language-underscore', "<language>en-gb</language>", "<language>en_GB</language>", 1, ['SHOW006 error language']),
    ('ch-no-category', '<itunes:category text="Science">\n      <itunes:category text="Earth Sciences"/>\n    </itunes:category>', "", 1, ['SHOW009 error itunes:category']),
    ('ch-category-unknown', '<itunes:category text="Science">', '<itunes:category text="Podcasts">', 1, ['SHOW010 error itunes:category@text']),
    ('ch-category-as-text', '<itunes:category text="Science">\n      <itunes:category text="Earth Sciences"/>\n    </itunes:category>', "<itunes:category>Science</itunes:category>", 1, ['SHOW010 error itunes:category@text']),
    # Apple reads the first itunes:category (and its first subcategory); a subcategory beside it is lost
    ('ch-subcategory-beside-its-category', '<itunes:category text="Science">\n      <itunes:category text="Earth Sciences"/>\n    </itunes:category>',
     '<itunes:category text="Science"/><itunes:category text="Earth Sciences"/>', 0, ['SHOW010 warning itunes:category@text']),
    ('ch-second-category-off-the-list', '</itunes:category>', '</itunes:category><itunes:category text="Podcasting"/>', 0,
     ['SHOW010 warning itunes:category@text']),
    ('ch-second-category', '</itunes:category>', '</itunes:category><itunes:category text="Education"><itunes:category '
     'text="Courses"/></itunes:category>', 0, []),
    ('ch-subcategory-wrong-parent', '<itunes:category text="Earth Sciences"/>', '<itunes:category text="Tech News"/>', 1, ['SHOW010 error itunes:category/itunes:category@text']),
    ('ch-no-explicit', "<itunes:explicit>false</itunes:explicit>\n    <itunes:type>", "<itunes:type>", 1, ['SHOW011 error itunes:explicit']),
    ('ch-explicit-dirty', "<itunes:explicit>false</itunes:explicit>\n    <itunes:type>", "<itunes:explicit>dirty</itunes:explicit>\n    <itunes:type>", 1, ['SHOW012 error itunes:explicit']),
    ('ch-explicit-yes', "<itunes:explicit>false</itunes:explicit>\n    <itunes:type>", "<itunes:explicit>yes</itunes:explicit>\n    <itunes:type>", 0, ['SHOW012 warning itunes:explicit']),
    ('ch-type-daily', "<itunes:type>episodic</itunes:type>", "<itunes:type>daily</itunes:type>", 1, ['SHOW016 error itunes:type']),
    ('ch-image-http', 'href="https://podcast.example.com/artwork.jpg"', 'href="http://podcast.example.com/artwork.jpg"', 0, ['SHOW027 warning itunes:image@href']),
    ('ch-image-gif', 'href="https://podcast.example.com/artwork.jpg"', 'href="https://podcast.example.com/artwork.gif"', 0, ['SHOW008 warning itunes:image@href']),
    ('ch-image-twice', '<itunes:image href="https://podcast.example.com/artwork.jpg"/>', '<itunes:image href="https://podcast.example.com/artwork.jpg"/><itunes:image href="https://podcast.example.com/artwork-old.jpg"/>', 0, ['SHOW028 warning itunes:image']),
    # a relative href is resolved by no app (the W3C validator's InvalidLink): they show no artwork
    ('ch-image-relative', '<itunes:image href="https://podcast.example.com/artwork.jpg"/>', '<itunes:image href="/artwork.jpg"/>', 1,
     ['SHOW007 error itunes:image@href']),
    # one value written twice with different values (the W3C validator's DuplicateElement): apps disagree on which counts
    ('ch-explicit-twice', "<itunes:explicit>false</itunes:explicit>\n    <itunes:type>",
     "<itunes:explicit>false</itunes:explicit><itunes:explicit>true</itunes:explicit>\n    <itunes:type>", 0, ['SHOW030 warning itunes:explicit']),
    ('ch-language-twice', "<language>en-gb</language>", "<language>en-gb</language><language>fr</language>", 0, ['SHOW030 warning language']),
    ('ch-image-accent', 'href="https://podcast.example.com/artwork.jpg"', 'href="https://podcast.example.com/artwörk.jpg"', 1,
     ['SHOW007 error itunes:image@href']),
    ('ch-image-spaces-around', 'href="https://podcast.example.com/artwork.jpg"', 'href=" https://podcast.example.com/artwork.jpg"', 0,
     ['SHOW007 warning itunes:image@href']),
    ('item-image-accent', ITEM1_END, ITEM1_END + '<itunes:image href="https://podcast.example.com/salé.jpg"/>', 0,
     ['EP129 warning itunes:image@href #1']),
    ('ch-image-url-attr', '<itunes:image href="https://podcast.example.com/artwork.jpg"/>', '<itunes:image url="https://podcast.example.com/artwork.jpg"/>', 1, ['SHOW007 error itunes:image@href']),
    ('ch-owner-no-email', "<itunes:email>podcast@example.com</itunes:email>", "", 0, ['SHOW015 warning itunes:owner']),
    ('ch-owner-bad-email', "<itunes:email>podcast@example.com</itunes:email>", "<itunes:email>podcast at example dot com</itunes:email>", 0, ['SHOW015 warning itunes:owner/itunes:email']),
    ('ch-no-author', "<itunes:author>Tidewater Collective</itunes:author>", "", 1, ['SHOW014 error itunes:author']),
    ('ch-summary-html-long', "<itunes:type>", "<itunes:summary><![CDATA[<div><script>x</script>" + "long " * 900 + "</div>]]></itunes:summary>\n    <itunes:type>", 1, ['SHOW003 error itunes:summary', 'SHOW031 warning itunes:summary']),
    ('ch-description-4001', "Short conversations about coastal ecology, recorded on the shore.", "x" * 4001, 1, ['SHOW003 error description']),
    ('ch-title-html', "<title>Tidewater Notes</title>", "<title><![CDATA[<b>Tidewater</b> Notes]]></title>", 0, ['SHOW026 warning title']),
    # AntennaPod reads <title> as HTML (Html.fromHtml) and leaves out a bracketed word no HTML element is named by
    ('ch-title-bracketed', "<title>Tidewater Notes</title>", "<title>Tidewater Notes &lt;Beta&gt;</title>", 0, ['SHOW035 warning title']),
    ('ch-new-feed-url-relative', "<itunes:type>", "<itunes:new-feed-url>/feed2.xml</itunes:new-feed-url><itunes:type>", 1, ['SHOW020 error itunes:new-feed-url']),
    ('rss-no-version', '<rss version="2.0" ', "<rss ", 1, ['XML008 error rss@version']),
    ('rss-version-091', '<rss version="2.0" ', '<rss version="0.91" ', 0, ['XML008 warning rss@version']),
    ('ns-itunes-undeclared', ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"', "", 1, ['XML001 error line 10']),
    ('ns-itunes-https', 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"', 'xmlns:itunes="https://www.itunes.com/dtds/podcast-1.0.dtd"', 1, ['XML004 error xmlns:itunes']),
    ('ns-itunes-caps', 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"', 'xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"', 1, ['XML004 error xmlns:itunes']),
    ('ns-itunes-misspelt', 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"', 'xmlns:itunes="http://www.itunes.com/dtds/podcasts-1.0.dtd"', 1, ['XML004 error xmlns:itunes']),
    # content's URI ends in '/': without it no app reads content:encoded (the show notes of every episode)
    ('ns-content-without-trailing-slash', 'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
     'xmlns:content="http://purl.org/rss/1.0/modules/content"', 0, ['XML017 warning xmlns:content']),
    ('ns-atom-https', 'xmlns:atom="http://www.w3.org/2005/Atom"', 'xmlns:atom="https://www.w3.org/2005/Atom"', 1,
     ['SHOW013 error atom:link', 'XML017 warning xmlns:atom']),
    ('ns-podcast-github', 'xmlns:podcast="https://podcastindex.org/namespace/1.0"', 'xmlns:podcast="https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"', 0, ['XML006 warning xmlns:podcast']),
    ('ns-podcast-http', 'xmlns:podcast="https://podcastindex.org/namespace/1.0"', 'xmlns:podcast="http://podcastindex.org/namespace/1.0"', 1, ['XML006 error xmlns:podcast']),
    # a prefix bound again to another URI on an item, the right one declared on <rss>: its tags are in no namespace
    # apps read (before, the podcast: one passed without a problem, the itunes: one was only 'no <itunes:duration>')
    ('ns-itunes-rebound-on-an-item', '<item>', '<item xmlns:itunes="http://example.com/not-itunes">', 1,
     ['EP116 warning itunes:duration #1', 'XML004 error xmlns:itunes']),
    ('ns-podcast-rebound-on-an-item', '<item>', '<item xmlns:podcast="urn:other">', 1, ['XML006 error xmlns:podcast']),
    ('item-no-enclosure', ENC1, "", 1, ['EP102 error enclosure #1']),
    ('enc-no-length', 'length="28734512" ', "", 1, ['EP104 error enclosure@length #1']),
    ('enc-no-type', ' type="audio/mpeg"/>', "/>", 1, ['EP105 error enclosure@type #1']),
    ('enc-length-0', 'length="28734512"', 'length="0"', 1, ['EP104 error enclosure@length #1']),
    ('enc-length-negative', 'length="28734512"', 'length="-28734512"', 1, ['EP104 error enclosure@length #1']),
    ('enc-length-abc', 'length="28734512"', 'length="abc"', 1, ['EP104 error enclosure@length #1']),
    ('enc-length-decimal', 'length="28734512"', 'length="28.7MB"', 1, ['EP104 error enclosure@length #1']),
    ('enc-type-html', 'length="28734512" type="audio/mpeg"', 'length="28734512" type="text/html"', 1, ['EP106 error enclosure@type #1', 'EP107 warning enclosure@type #1']),
    ('enc-type-mp3', 'length="28734512" type="audio/mpeg"', 'length="28734512" type="audio/mp3"', 1, ['EP106 error enclosure@type #1', 'EP107 warning enclosure@type #1']),
    ('enc-url-relative', "https://media.example.com/tidewater/salt-marsh.mp3", "/tidewater/salt-marsh.mp3", 1, ['EP103 error enclosure@url #1']),
    ('enc-url-ftp', "https://media.example.com/tidewater/salt-marsh.mp3", "ftp://media.example.com/tidewater/salt-marsh.mp3", 1, ['EP103 error enclosure@url #1']),
    ('enc-url-file', "https://media.example.com/tidewater/salt-marsh.mp3", "file:///home/me/salt-marsh.mp3", 1, ['EP103 error enclosure@url #1']),
    ('enc-url-spaces', "https://media.example.com/tidewater/salt-marsh.mp3", "https://media.example.com/tidewater/salt marsh.mp3", 1, ['EP103 error enclosure@url #1']),
    # what iOS's URL(string:) (before iOS 17) refuses and browsers mend: the episode does not play in apps built on it
    ('enc-url-accent', "tidewater/salt-marsh.mp3", "tidewater/salé-marsh.mp3", 1, ['EP103 error enclosure@url #1']),
    ('enc-url-accented-host', "media.example.com/tidewater/salt-marsh.mp3", "médias.example.com/tidewater/salt-marsh.mp3", 1,
     ['EP103 error enclosure@url #1']),
    ('enc-url-backslashes', "https://media.example.com/tidewater/salt-marsh.mp3", "https://media.example.com\\tidewater\\salt-marsh.mp3", 1,
     ['EP103 error enclosure@url #1']),
    ('enc-url-port-99999', "media.example.com/tidewater", "media.example.com:99999/tidewater", 1, ['EP103 error enclosure@url #1']),
    ('enc-url-spaces-around', 'url="https://media.example.com/tidewater/salt-marsh.mp3"', 'url=" https://media.example.com/tidewater/salt-marsh.mp3 "', 0,
     ['EP103 warning enclosure@url #1']),
    ('enc-url-encoded-accent', "tidewater/salt-marsh.mp3", "tidewater/sal%C3%A9-marsh.mp3", 0, []),
    ('enc-url-port-8443', "media.example.com/tidewater", "media.example.com:8443/tidewater", 0, []),
    # the episode's page or its artwork given as the enclosure
    ('enc-url-a-page', "https://media.example.com/tidewater/salt-marsh.mp3", "https://podcast.example.com/episodes/salt-marsh/index.html", 0,
     ['EP107 warning enclosure@url #1']),
    ('enc-url-an-image', "https://media.example.com/tidewater/salt-marsh.mp3", "https://podcast.example.com/artwork.jpg", 0,
     ['EP107 warning enclosure@url #1']),
    # Apple's guide: "The file extension specified within the URL attribute determines whether or not content appears
    # in the podcast directory" (the W3C validator's UnsupportedItunesFormat); a download-counting URL without one made
    # a WordPress-style plugin's episodes vanish from Apple Podcasts (Proclaim 10.5.4's release notes). Was passed
    ('enc-url-download-script', "https://media.example.com/tidewater/salt-marsh.mp3", "https://media.example.com/get.php?ep=3", 0,
     ['EP107 warning enclosure@url #1']),
    ('enc-url-tracking-without-extension', "https://media.example.com/tidewater/salt-marsh.mp3",
     "https://podcast.example.com/index.php?option=com_proclaim&amp;task=cwmpodcast.track&amp;media_id=123", 0, ['EP107 warning enclosure@url #1']),
    ('enc-url-no-extension', "https://media.example.com/tidewater/salt-marsh.mp3", "https://media.example.com/episodes/3/audio", 0,
     ['EP107 warning enclosure@url #1']),
    # media over plain http: the episode page's player (an https page) upgrades it or blocks it (mixed content), a
    # captive portal's page is saved as the episode; artwork over http was SHOW027/EP127 already (was passed)
    ('enc-url-http', "https://media.example.com/tidewater/salt-marsh.mp3", "http://media.example.com/tidewater/salt-marsh.mp3", 0,
     ['EP137 warning enclosure@url #1']),
    ('enc-url-http-loopback', "https://media.example.com/tidewater/salt-marsh.mp3", "http://127.0.0.1:8000/salt-marsh.mp3", 0, []),
    ('enc-url-http-onion', "https://media.example.com/tidewater/salt-marsh.mp3", "http://marsh.onion/salt-marsh.mp3", 0, []),
    # a name under .localhost is this computer (RFC 6761; browsers resolve it so and treat its pages as secure, and
    # check --online's redirect rule already called it loopback): a local preview, as 127.0.0.1 is; it was EP137,
    # SHOW027, PI004. A public name that starts with "127." was taken for 127.x and passed
    ('enc-url-http-localhost-subdomain', "https://media.example.com/tidewater/salt-marsh.mp3",
     "http://tidewater.localhost:8000/salt-marsh.mp3", 0, []),
    ('enc-url-http-localhost-dot', "https://media.example.com/tidewater/salt-marsh.mp3", "http://localhost.:8000/salt-marsh.mp3", 0, []),
    ('enc-url-http-ipv4-mapped-loopback', "https://media.example.com/tidewater/salt-marsh.mp3",
     "http://[::ffff:127.0.0.1]:8000/salt-marsh.mp3", 0, []),
    ('art-url-http-localhost-subdomain', '<itunes:image href="https://podcast.example.com/artwork.jpg"/>',
     '<itunes:image href="http://tidewater.localhost:8000/artwork.jpg"/>', 0, []),
    ('ns-url-http-localhost-subdomain', 'url="https://podcast.example.com/episodes/salt-marsh/transcript.vtt"',
     'url="http://tidewater.localhost:8000/episodes/salt-marsh/transcript.vtt"', 0, []),
    ('enc-url-http-127-name', "https://media.example.com/tidewater/salt-marsh.mp3", "http://127.media.example.com/salt-marsh.mp3", 0,
     ['EP137 warning enclosure@url #1']),
    ('enc-url-http-localhost-lookalike', "https://media.example.com/tidewater/salt-marsh.mp3",
     "http://localhost.media.example.com/salt-marsh.mp3", 0, ['EP137 warning enclosure@url #1']),
    # what hosts write: a measurement prefix, a query after the name, the media URL encoded into the path (Anchor)
    ('enc-url-prefix-redirect', "https://media.example.com/tidewater/salt-marsh.mp3",
     "https://dts.podtrac.com/redirect.mp3/media.example.com/tidewater/salt-marsh.mp3", 0, []),
    ('enc-url-query-after-extension', "salt-marsh.mp3", "salt-marsh.mp3?dest-id=12345&amp;updated=1709542800", 0, []),
    ('enc-url-encoded-media-url', "https://media.example.com/tidewater/salt-marsh.mp3", "https://anchor.fm/s/1a2b3c/podcast/play/"
     "8123/https%3A%2F%2Fd3ctxlq1ktw2nl.cloudfront.net%2Fstaging%2F2024-2-4%2Fsalt-marsh.mp3", 0, []),
    ('enc-url-duplicate', "https://media.example.com/tidewater/welcome.mp3", "https://media.example.com/tidewater/salt-marsh.mp3", 1, ['EP012 error enclosure@url #3']),
    ('guid-duplicate', "7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a02", "7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01", 1, ['EP001 error guid #1']),
    # a hand-made counter (the W3C validator: "not sufficiently unique"): info, keep it, use UUIDs from now on
    ('guid-short', "7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01", "0123", 0, ['EP134 info guid 0123']),
    ('guid-one', "7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01", "1", 0, ['EP134 info guid 1']),
    ('guid-host-prefixed-number', "7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01", "Buzzsprout-14151617", 0, []),
    ('guid-empty', '<guid isPermaLink="false">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>', '<guid isPermaLink="false"></guid>', 1, ['EP108 error guid item 1']),
    ('guid-missing', '<guid isPermaLink="false">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>', '', 1, ['EP108 error guid item 1']),
    ('guid-permalink-nonurl', '<guid isPermaLink="false">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>', '<guid isPermaLink="true">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>', 0, ['EP125 warning guid@isPermaLink #1']),
    ('date-iso8601', "Mon, 04 Mar 2024 09:00:00 +0000", "2024-03-04T09:00:00Z", 1, ['EP111 error pubDate #1']),
    ('date-yesterday', "Mon, 04 Mar 2024 09:00:00 +0000", "yesterday", 1, ['EP111 error pubDate #1']),
    ('date-bad-dayname', "Mon, 04 Mar 2024 09:00:00 +0000", "Fun, 04 Mar 2024 09:00:00 +0000", 1, ['EP111 error pubDate #1']),
    ('date-german', "Mon, 04 Mar 2024 09:00:00 +0000", "Mo, 04 Mär 2024 09:00:00 +0000", 1, ['EP111 error pubDate #1']),
    ('date-wrong-weekday', "Mon, 04 Mar 2024 09:00:00 +0000", "Tue, 04 Mar 2024 09:00:00 +0000", 0, ['EP111 warning pubDate #1']),
    ('date-year-0026', "Mon, 04 Mar 2024 09:00:00 +0000", "Thu, 04 Mar 0026 09:00:00 +0000", 1, ['EP111 error pubDate #1']),
    ('date-2-digit-year', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 24 09:00:00 +0000", 1, ['EP111 error pubDate #1']),
    ('date-feb-30', "Mon, 04 Mar 2024 09:00:00 +0000", "30 Feb 2024 09:00:00 +0000", 1, ['EP111 error pubDate #1']),
    ('date-future', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2999 09:00:00 +0000", 0, ['EP128 warning pubDate #1']),
    ('date-no-zone', "Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00", 1, ['EP111 error pubDate #1']),
    ('dur-1:2:3:4', "<itunes:duration>1795</itunes:duration>", "<itunes:duration>1:2:3:4</itunes:duration>", 1, ['EP117 error itunes:duration #1']),
    ('dur-negative', "<itunes:duration>1795</itunes:duration>", "<itunes:duration>-5</itunes:duration>", 1, ['EP117 error itunes:duration #1']),
    ('dur-abc', "<itunes:duration>1795</itunes:duration>", "<itunes:duration>abc</itunes:duration>", 1, ['EP117 error itunes:duration #1']),
    ('dur-01:75:00', "<itunes:duration>1795</itunes:duration>", "<itunes:duration>01:75:00</itunes:duration>", 1, ['EP117 error itunes:duration #1']),
    # apps read a length of 0 as "unknown" (and some list the episode as 0:00): as good as no itunes:duration
    ('dur-zero', "<itunes:duration>1795</itunes:duration>", "<itunes:duration>0</itunes:duration>", 0, ['EP116 warning itunes:duration #1']),
    ('dur-zero-clock', "<itunes:duration>1795</itunes:duration>", "<itunes:duration>00:00:00</itunes:duration>", 0,
     ['EP116 warning itunes:duration #1']),
    ('dur-empty', "<itunes:duration>1795</itunes:duration>", "<itunes:duration></itunes:duration>", 0, ['EP116 warning itunes:duration #1']),
    ('ep-0', "<itunes:episode>3</itunes:episode>", "<itunes:episode>0</itunes:episode>", 1, ['EP121 error itunes:episode #1']),
    ('ep-negative', "<itunes:episode>3</itunes:episode>", "<itunes:episode>-1</itunes:episode>", 1, ['EP121 error itunes:episode #1']),
    ('ep-two', "<itunes:episode>3</itunes:episode>", "<itunes:episode>two</itunes:episode>", 1, ['EP121 error itunes:episode #1']),
    ('season-0', "<itunes:season>1</itunes:season>", "<itunes:season>0</itunes:season>", 1, ['EP121 error itunes:season #1']),
    ('eptype-bonus2', "<itunes:episodeType>full</itunes:episodeType>", "<itunes:episodeType>bonus2</itunes:episodeType>", 1, ['EP120 error itunes:episodeType #1']),
    ('item-explicit-dirty', "<itunes:explicit>false</itunes:explicit>\n      <itunes:season>", "<itunes:explicit>dirty</itunes:explicit>\n      <itunes:season>", 1, ['EP119 error itunes:explicit #1']),
    ('item-image-http', ITEM1_END, ITEM1_END + '<itunes:image href="http://podcast.example.com/ep.jpg"/>', 0, ['EP127 warning itunes:image@href #1']),
    ('item-image-relative', ITEM1_END, ITEM1_END + '<itunes:image href="/art/salt-marsh.jpg"/>', 0, ['EP129 warning itunes:image@href #1']),
    ('item-explicit-twice', "<itunes:explicit>false</itunes:explicit>\n      <itunes:season>",
     "<itunes:explicit>false</itunes:explicit><itunes:explicit>true</itunes:explicit>\n      <itunes:season>", 0,
     ['EP131 warning itunes:explicit #1']),
    # the W3C validator's UnexpectedAttribute: attribute names are case-sensitive, the GUID stays a permalink
    ('guid-ispermalink-misspelt', '<guid isPermaLink="false">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>',
     '<guid isPermalink="false">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>', 0, ['EP125 warning guid@isPermaLink #1']),
    ('item-guid-twice', ITEM1_END, ITEM1_END + '<guid isPermaLink="false">salt-marsh-carbon</guid>', 0, ['EP131 warning guid #1']),
    # two different show notes or channel descriptions (the W3C validator's DuplicateElement): one app shows the first,
    # another the last
    ('item-description-twice', ITEM1_END, ITEM1_END + '<description>Older notes</description>', 0,
     ['EP131 warning description #1']),
    ('item-content-encoded-twice', ITEM1_END, ITEM1_END + '<content:encoded>Other notes</content:encoded>', 0,
     ['EP131 warning content:encoded #1']),
    ('item-same-description-twice', ITEM1_END, ITEM1_END + '<description><![CDATA[<p>How marshes store carbon, with <a '
     'href="https://example.com/paper">the paper</a> and <strong>three</strong> field sites.</p>]]></description>', 0, []),
    ('ch-description-twice', "<language>en-gb</language>", "<language>en-gb</language><description>A show.</description>",
     0, ['SHOW030 warning description']),
    ('ch-copyright-twice', "<language>en-gb</language>", "<language>en-gb</language><copyright>Ana Sousa</copyright>",
     0, ['SHOW030 warning copyright']),
    # only 'Yes' keeps an episode out of Apple's directory (as for the channel's, SHOW019)
    ('item-block-lowercase', ITEM1_END, ITEM1_END + '<itunes:block>yes</itunes:block>', 0, ['EP130 warning itunes:block #1']),
    ('item-block-empty', ITEM1_END, ITEM1_END + '<itunes:block/>', 0, ['EP130 warning itunes:block #1']),
    ('item-image-empty', ITEM1_END, ITEM1_END + '<itunes:image/>', 0, ['EP129 warning itunes:image@href #1']),
    ('item-image-url-attr', ITEM1_END, ITEM1_END + '<itunes:image url="https://podcast.example.com/ep.jpg"/>', 0,
     ['EP129 warning itunes:image@href #1']),
    ('item-image-webp', ITEM1_END, ITEM1_END + '<itunes:image href="https://podcast.example.com/ep.webp"/>', 0, ['EP122 warning itunes:image@href #1']),
    ('item-no-title', "<title>Salt Marsh Carbon</title>", "", 1, ['EP101 error title #1']),
    # itunes:title is Apple's display title, beside <title>, not instead of it (Apple, Spotify and PSP-1 require <title>)
    ('item-only-itunes-title', "<title>Salt Marsh Carbon</title>", "<title></title><itunes:title>Salt Marsh Carbon</itunes:title>", 1,
     ['EP101 error title #1']),
    ('item-title-html', "<title>Salt Marsh Carbon</title>", "<title>&lt;b&gt;Salt&lt;/b&gt; Marsh Carbon</title>", 0, ['EP126 warning title #1']),
    ('item-title-bracketed', "<title>Salt Marsh Carbon</title>", "<title>Press &lt;Enter&gt;: Salt Marsh Carbon</title>", 0, ['EP139 warning title #1']),
    ('item-title-heart', "<title>Salt Marsh Carbon</title>", "<title>We &lt;3 Salt Marsh Carbon, a &lt; b &gt; c</title>", 0, []),
    ('item-description-4001', "How marshes store carbon,", "x" * 4001, 1, ['EP114 error description #1']),
    ('item-summary-4001', ITEM1_END, ITEM1_END + "<itunes:summary>" + "y" * 4001 + "</itunes:summary>", 1, ['EP114 error itunes:summary #1']),
    # a script or a frame is active content (EP133), not a tag apps merely show as text (EP115): one problem, not two
    ('item-description-script', "<p>What this show is about.</p>", "<p>What</p><script>alert(1)</script><iframe src=x></iframe>", 0, ['EP133 warning description #3']),
    ('item-description-video-tag', "<p>What this show is about.</p>", "<p>What</p><video src=x></video>", 0, ['EP115 warning description #3']),
    # active content in show notes (an embed code, a tracking handler, a javascript: link): apps and Apple strip it
    ('notes-script', "<h2>Notes</h2><p>Full notes.</p>", "<h2>Notes</h2><script src=\"https://w.example/embed.js\"></script><p>Full notes.</p>", 0,
     ['EP133 warning content:encoded #1']),
    ('notes-iframe-player', "<h2>Notes</h2><p>Full notes.</p>", '<iframe src="https://www.youtube.com/embed/abc"></iframe><p>Full notes.</p>', 0,
     ['EP133 warning content:encoded #1']),
    ('notes-onclick', "<h2>Notes</h2><p>Full notes.</p>", '<p onclick="track()">Full notes.</p>', 0, ['EP133 warning content:encoded #1']),
    ('notes-javascript-link', 'href="https://example.com/paper"', 'href=" JavaScript:openPaper()"', 0, ['EP133 warning description #1']),
    ('notes-javascript-link-escaped', 'href="https://example.com/paper"', 'href="java&#x09;script:openPaper()"', 0, ['EP133 warning description #1']),
    ('notes-summary-form', ITEM1_END, ITEM1_END + '<itunes:summary><![CDATA[<form action="https://x.example/s"><input name=e></form>]]></itunes:summary>', 0,
     ['EP133 warning itunes:summary #1']),
    ('notes-the-word-script-is-fine', "<h2>Notes</h2><p>Full notes.</p>", "<p>The transcript and the script of the play: on=off.</p>", 0, []),
    ('ch-description-script', "<description>Short conversations", "<description><![CDATA[<script>alert(1)</script>]]>Short conversations", 0,
     ['SHOW031 warning description']),
    ('pguid-not-uuid', "d8582db3-a7c6-50a5-a509-a29f7ddd6cec", "tidewater-notes", 1, ['PI001 error podcast:guid']),
    ('pguid-no-hyphens', "d8582db3-a7c6-50a5-a509-a29f7ddd6cec", "d8582db3a7c650a5a509a29f7ddd6cec", 1, ['PI001 error podcast:guid']),
    ('pguid-braces', "d8582db3-a7c6-50a5-a509-a29f7ddd6cec", "{d8582db3-a7c6-50a5-a509-a29f7ddd6cec}", 1, ['PI001 error podcast:guid']),
    ('pguid-urn', "d8582db3-a7c6-50a5-a509-a29f7ddd6cec", "urn:uuid:d8582db3-a7c6-50a5-a509-a29f7ddd6cec", 1, ['PI001 error podcast:guid']),
    ('pguid-v4', "d8582db3-a7c6-50a5-a509-a29f7ddd6cec", "5b0a7a3e-2b7e-4c1d-9a57-3f0b7f6c2d11", 0, ['PI002 warning podcast:guid']),
    ('pguid-wrong-url', "d8582db3-a7c6-50a5-a509-a29f7ddd6cec", "9b024349-ccf0-5f69-a609-6b82873eab3c", 0, ['PI003 info podcast:guid']),
    ('locked-maybe', 'owner="podcast@example.com">yes</podcast:locked>', 'owner="podcast@example.com">maybe</podcast:locked>', 1, ['PI005 error podcast:locked']),
    # the namespace: "The node value must be "yes" or "no"" (docs/tags/locked.md); partytime and others lower-case it
    ('locked-capital-yes', '>yes</podcast:locked>', '>Yes</podcast:locked>', 0, ['PI005 warning podcast:locked']),
    ('locked-capital-no', '>yes</podcast:locked>', '>NO</podcast:locked>', 0, ['PI005 warning podcast:locked']),
    ('locked-capital-yes-no-owner', 'owner="podcast@example.com">yes</podcast:locked>', '>YES</podcast:locked>', 0,
     ['PI005 warning podcast:locked', 'PI006 warning podcast:locked@owner']),
    ('locked-bad-owner', 'owner="podcast@example.com">yes', 'owner="the owner">yes', 0, ['PI006 warning podcast:locked@owner']),
    ('transcript-no-type', ' type="text/vtt" rel="captions"', ' rel="captions"', 1, ['PI007 error podcast:transcript #1']),
    ('transcript-bad-type', 'type="text/vtt"', 'type="text/x-transcript"', 1, ['PI007 error podcast:transcript #1']),
    # a transcript whose type does not fit its file: apps parse an SRT file as WebVTT and show nothing
    ('transcript-srt-typed-vtt', 'transcript.vtt" type="text/vtt"', 'transcript.srt" type="text/vtt"', 0,
     ['PI007 warning podcast:transcript@type #1']),
    ('transcript-srt-typed-subrip', 'transcript.vtt" type="text/vtt"', 'transcript.srt" type="application/x-subrip"', 0, []),
    ('transcript-without-extension', 'transcript.vtt" type="text/vtt"', 'transcript?format=vtt" type="text/vtt"', 0, []),
    ('chapters-nonjson-type', 'type="application/json+chapters"', 'type="text/plain"', 1, ['PI008 error podcast:chapters #1']),
    # the namespace's own example feed (example.xml) writes type="application/json": apps read the chapters all the same
    ('chapters-json-type', 'type="application/json+chapters"', 'type="application/json"', 0, ['PI008 warning podcast:chapters #1']),
    ('chapters-json-type-no-url', '<podcast:chapters url="https://podcast.example.com/episodes/salt-marsh/chapters.json" '
     'type="application/json+chapters"/>', '<podcast:chapters type="application/json"/>', 1,
     ['PI008 error podcast:chapters #1']),
    ('funding-no-url', '<podcast:funding url="https://podcast.example.com/support">', "<podcast:funding>", 1, ['PI016 error podcast:funding@url']),
    ('person-bad-role', 'role="host"', 'role="wizard"', 0, ['PI017 warning podcast:person@role #1']),
    ('person-role-caps', 'role="host"', 'role="Host"', 0, []),
    # each taxonomy role belongs to a group (taxonomy.json): apps list a producer filed under cast among the cast
    ('person-role-in-another-group', 'role="host"', 'role="producer" group="cast"', 0, ['PI017 warning podcast:person@group #1']),
    ('person-role-in-its-group-caps', 'role="host"', 'role="Cover Art Designer" group="Visuals"', 0, []),
    ('person-editor-in-either-group', 'role="host"', 'role="editor" group="video post-production"', 0, []),
    # without a group the namespace assumes cast (person.md; partytime, the Podcast Index's parser, reads it so): a
    # producer written alone is listed among the cast, as with group="cast" (this was not reported); a cast role alone is
    ('person-role-without-group', 'role="host"', 'role="producer"', 0, ['PI017 warning podcast:person@group #1']),
    ('person-cast-role-without-group', 'role="host"', 'role="guest"', 0, []),
    ('person-group-without-role', 'role="host"', 'group="writing"', 0, ['PI017 warning podcast:person@group #1']),
    ('medium-tv', "<podcast:medium>podcast</podcast:medium>", "<podcast:medium>tv</podcast:medium>", 1, ['PI011 error podcast:medium']),
    # the namespace's structure (docs/tags/*.md: Parent, Count, Attributes, Node value): a tag where apps do not look
    # for it, twice where apps read one, spelled in another case, without what it requires, or too long
    ('ns-transcript-in-channel', CHANNEL_END, CHANNEL_END + '<podcast:transcript url="https://podcast.example.com/t.vtt" '
     'type="text/vtt"/>', 0, ['PI018 warning podcast:transcript']),
    ('ns-guid-in-item', ITEM1_END, ITEM1_END + "<podcast:guid>d8582db3-a7c6-50a5-a509-a29f7ddd6cec</podcast:guid>", 0,
     ['PI018 warning podcast:guid #1']),
    ('ns-chapters-twice', ITEM1_END, ITEM1_END + '<podcast:chapters url="https://podcast.example.com/c2.json" '
     'type="application/json+chapters"/>', 0, ['PI019 warning podcast:chapters #1']),
    ('ns-tag-in-another-case', ITEM1_END, ITEM1_END + '<podcast:Transcript url="https://podcast.example.com/t.vtt" '
     'type="text/vtt"/>', 0, ['PI020 warning podcast:Transcript #1']),
    ('ns-attribute-in-another-case', ITEM1_END, ITEM1_END + '<podcast:soundbite startTime="5" Duration="30">Why</podcast:soundbite>',
     1, ['PI013 error podcast:soundbite #1', 'PI020 warning podcast:soundbite@Duration #1']),
    ('ns-remote-item-medium', CHANNEL_END, CHANNEL_END + '<podcast:podroll><podcast:remoteItem '
     'feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810" medium="song"/></podcast:podroll>', 1,
     ['PI021 error podcast:remoteItem@medium']),
    # remote-item.md: feedGuid is the other feed's podcast:guid (a UUID apps look up); podroll.md: "one or more"
    # remoteItem. Both passed (a time split's remote item was VAL018 already); show.yml refused them
    ('ns-podroll-feed-guid-not-a-uuid', CHANNEL_END, CHANNEL_END + '<podcast:podroll><podcast:remoteItem '
     'feedGuid="https://feeds.example.org/other.xml"/></podcast:podroll>', 1, ['PI021 error podcast:remoteItem@feedGuid']),
    ('ns-podroll-feed-guid-upper-case', CHANNEL_END, CHANNEL_END + '<podcast:podroll><podcast:remoteItem '
     'feedGuid="917393E3-1B1E-5CEF-ACE4-EDAA54E1F810"/></podcast:podroll>', 0, []),
    ('ns-publisher-feed-guid-not-a-uuid', CHANNEL_END, CHANNEL_END + PUBLISHER.format(
        REMOTE.format("publisher", ' feedUrl="https://a.example/p.xml"').replace("003af0a0-6a45-55cf-b765-68e3d349551a", "acme")),
     1, ['PI021 error podcast:remoteItem@feedGuid']),
    ('ns-podroll-empty', CHANNEL_END, CHANNEL_END + '<podcast:podroll></podcast:podroll>', 1, ['PI021 error podcast:podroll']),
    ('ns-time-split-feed-guid-not-a-uuid-once', CHANNEL_END, CHANNEL_END + '<podcast:value type="lightning" method="keysend">'
     '<podcast:valueRecipient name="Ana" type="node" split="100" '
     'address="02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52"/>'
     '<podcast:valueTimeSplit startTime="60" duration="30" remotePercentage="90"><podcast:remoteItem feedGuid="nope"/>'
     '</podcast:valueTimeSplit></podcast:value>', 1,
     ['VAL018 error podcast:valueTimeSplit/podcast:remoteItem@feedGuid', 'VAL021 warning podcast:valueTimeSplit']),
    ('ns-trailer-without-url', CHANNEL_END, CHANNEL_END + '<podcast:trailer pubdate="Thu, 01 Feb 2024 08:00:00 +0000">'
     'Coming soon</podcast:trailer>', 1, ['PI021 error podcast:trailer@url']),
    ('ns-trailer-iso-date', CHANNEL_END, CHANNEL_END + '<podcast:trailer pubdate="2024-02-01" '
     'url="https://media.example.com/tidewater/trailer.mp3">Coming soon</podcast:trailer>', 1, ['PI021 error podcast:trailer@pubdate']),
    ('ns-location-geo-without-scheme', CHANNEL_END, CHANNEL_END + '<podcast:location geo="50.37,-4.14">Plymouth</podcast:location>',
     1, ['PI021 error podcast:location@geo']),
    # what a pattern cannot say (show.yml is held to the same): a geo URI off the earth (RFC 5870: latitude first), an
    # rrule that is not RFC 5545 or whose UNTIL is a date-time beside a date dtstart (update-frequency.md), an
    # ai-content txt that is not a boolean (txt.md), a custom licence without its url (license.md)
    ('ns-location-geo-swapped', CHANNEL_END, CHANNEL_END + '<podcast:location geo="geo:-4.14,150.37">Plymouth</podcast:location>',
     0, []),
    ('ns-location-geo-off-the-earth', CHANNEL_END, CHANNEL_END + '<podcast:location geo="geo:97.74,30.27">Austin</podcast:location>',
     1, ['PI021 error podcast:location@geo']),
    # country: ISO 3166-1 alpha-2 (location.md); UK is reserved, not the United Kingdom's code (GB)
    ('ns-location-country-uk', CHANNEL_END, CHANNEL_END + '<podcast:location country="UK">Plymouth</podcast:location>', 0,
     ['PI027 warning podcast:location@country']),
    ('ns-location-country-gb', CHANNEL_END, CHANNEL_END + '<podcast:location country="GB">Plymouth</podcast:location>', 0, []),
    ('ns-rrule-words', CHANNEL_END, CHANNEL_END + '<podcast:updateFrequency rrule="every monday">Weekly</podcast:updateFrequency>',
     1, ['PI021 error podcast:updateFrequency@rrule']),
    ('ns-rrule-byday-word', CHANNEL_END, CHANNEL_END + '<podcast:updateFrequency rrule="FREQ=WEEKLY;BYDAY=Monday">Weekly'
     '</podcast:updateFrequency>', 1, ['PI021 error podcast:updateFrequency@rrule']),
    ('ns-dtstart-not-a-date', CHANNEL_END, CHANNEL_END + '<podcast:updateFrequency dtstart="next monday" rrule="FREQ=WEEKLY">'
     'Weekly</podcast:updateFrequency>', 1, ['PI021 error podcast:updateFrequency@dtstart']),
    ('ns-rrule-until-kinds', CHANNEL_END, CHANNEL_END + '<podcast:updateFrequency dtstart="2024-01-01" '
     'rrule="FREQ=WEEKLY;UNTIL=20241231T090000Z">Weekly</podcast:updateFrequency>', 1, ['PI021 error podcast:updateFrequency@rrule']),
    ('ns-rrule-until-same-kind', CHANNEL_END, CHANNEL_END + '<podcast:updateFrequency dtstart="2024-01-01T09:00:00Z" '
     'rrule="FREQ=WEEKLY;BYDAY=MO;UNTIL=20241231T090000Z">Weekly</podcast:updateFrequency>', 0, []),
    ('ns-txt-ai-content-yes', CHANNEL_END, CHANNEL_END + '<podcast:txt purpose="ai-content">yes</podcast:txt>', 1,
     ['PI021 error podcast:txt']),
    # chat.md (protocol from chatprotocols.txt, server a host name) and publisher.md (exactly one remoteItem
    # medium="publisher", feedUrl highly recommended): mediafeed check said nothing of any of these before session 28
    ('ns-chat-discord', CHANNEL_END, CHANNEL_END + '<podcast:chat server="discord.gg" protocol="discord" accountId="x"/>', 1,
     ['PI021 error podcast:chat@protocol']),
    ('ns-chat-server-url', CHANNEL_END, CHANNEL_END + '<podcast:chat server="https://matrix.example.org/" protocol="matrix"/>',
     1, ['PI021 error podcast:chat@server']),
    ('ns-chat-good', CHANNEL_END, CHANNEL_END + '<podcast:chat server="irc.libera.chat" protocol="irc" space="#marsh"/>', 0, []),
    ('ns-publisher-two', CHANNEL_END, CHANNEL_END + PUBLISHER.format(
        REMOTE.format("publisher", ' feedUrl="https://a.example/p.xml"')
        + REMOTE.format("publisher", ' feedUrl="https://b.example/p.xml"')), 1, ['PI021 error podcast:publisher']),
    ('ns-publisher-medium-podcast', CHANNEL_END, CHANNEL_END + PUBLISHER.format(
        REMOTE.format("podcast", ' feedUrl="https://a.example/p.xml"')), 1,
     ['PI021 error podcast:publisher/podcast:remoteItem@medium']),
    ('ns-publisher-no-feed-url', CHANNEL_END, CHANNEL_END + PUBLISHER.format(REMOTE.format("publisher", "")), 0,
     ['PI028 warning podcast:publisher/podcast:remoteItem@feedUrl']),
    ('ns-publisher-good', CHANNEL_END, CHANNEL_END + PUBLISHER.format(
        REMOTE.format("publisher", ' feedUrl="https://a.example/p.xml"')), 0, []),
    ('ns-license-custom-without-url', CHANNEL_END, CHANNEL_END + '<podcast:license>my-podcast-license-v1</podcast:license>', 1,
     ['PI021 error podcast:license@url']),
    ('ns-license-spdx-lower-case', CHANNEL_END, CHANNEL_END + '<podcast:license>cc-by-4.0</podcast:license>', 0, []),
    ('ns-medium-mixed-list', "<podcast:medium>podcast</podcast:medium>", "<podcast:medium>mixed</podcast:medium>", 0, []),
    ('ns-block-true', CHANNEL_END, CHANNEL_END + "<podcast:block>true</podcast:block>", 1, ['PI021 error podcast:block']),
    ('ns-location-without-name', CHANNEL_END, CHANNEL_END + '<podcast:location geo="geo:50.37,-4.14"/>', 1,
     ['PI022 error podcast:location']),
    ('ns-live-item-status', CHANNEL_END, CHANNEL_END + '<podcast:liveItem status="on" start="2024-03-10T19:00:00Z">'
     '<title>Live from the marsh</title><guid isPermaLink="false">live-1</guid><podcast:contentLink>Watch</podcast:contentLink>'
     '</podcast:liveItem>', 1, ['PI021 error podcast:contentLink@href', 'PI021 error podcast:liveItem@status']),
    # live-item.md: start and end are ISO 8601 timestamps, and a podcast:contentLink "is also required to be present";
    # a start of 'Sunday 7:30' and a live item without a contentLink passed (its own example: good)
    ('ns-live-item-good', CHANNEL_END, CHANNEL_END + LIVE.format(
        'start="2021-09-26T07:30:00.000-0600" end="2021-09-26T09:30:00.000-0600"', CONTENT_LINK), 0, []),
    ('ns-live-item-start-in-words', CHANNEL_END, CHANNEL_END + LIVE.format('start="Sunday 7:30"', CONTENT_LINK), 1,
     ['PI021 error podcast:liveItem@start']),
    ('ns-live-item-end-a-date-alone', CHANNEL_END, CHANNEL_END + LIVE.format('start="2021-09-26T07:30:00Z" end="26/09/2021"',
                                                                              CONTENT_LINK), 1, ['PI021 error podcast:liveItem@end']),
    ('ns-live-item-without-content-link', CHANNEL_END, CHANNEL_END + LIVE.format('start="2021-09-26T07:30:00Z"', ""), 1,
     ['PI021 error podcast:liveItem/podcast:contentLink']),
    # value-recipient.md: fee is true or false; partytime reads 'yes' and 'True' as a fee, an app comparing with "true"
    # as a share, so the payment splits differently from app to app (passed). transcript.md: rel="captions" is the one
    # rel, and language a language code (both passed; show.yml refused them)
    ('ns-value-fee-yes', CHANNEL_END, CHANNEL_END + '<podcast:value type="lightning" method="keysend"><podcast:valueRecipient '
     'name="Ana" type="node" split="95" address="02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52"/>'
     '<podcast:valueRecipient name="Host" type="node" split="5" fee="yes" '
     'address="032f4ffbbafffbe51726ad3c164a3d0d37ec27bc67b29a159b0f49ae8ac21b8508"/></podcast:value>', 1,
     ['PI021 error podcast:valueRecipient@fee']),
    ('ns-transcript-rel-caption', 'rel="captions"', 'rel="caption"', 1, ['PI021 error podcast:transcript@rel #1']),
    ('ns-transcript-language-name', 'type="text/vtt" rel="captions"', 'type="text/vtt" language="English" rel="captions"', 1,
     ['PI021 error podcast:transcript@language #1']),
    ('ns-transcript-language-region', 'type="text/vtt" rel="captions"', 'type="text/vtt" language="pt-BR" rel="captions"', 0, []),
    ('ns-alternate-lang-underscore', ITEM1_END, ITEM1_END + ALTERNATE.format("https://media.example.com/tidewater/b.opus")
     .replace('length="9821345"', 'length="9821345" lang="en_GB"'), 1, ['PI021 error podcast:alternateEnclosure@lang #1']),
    # images-(deprecated).md: srcset is absolute URLs each followed by a space and a width ("1500w"); a relative, an
    # http or a bare URL passed (its own example: good)
    ('ns-images-srcset-good', CHANNEL_END, CHANNEL_END + '<podcast:images srcset="https://example.com/a-1500.jpg 1500w,\n'
     '    https://example.com/a-600.jpg 600w"/>', 0, []),
    ('ns-images-srcset-without-width', CHANNEL_END, CHANNEL_END + '<podcast:images srcset="https://example.com/a-1500.jpg '
     '1500w, https://example.com/a-600.jpg"/>', 1, ['PI021 error podcast:images@srcset']),
    ('ns-images-srcset-relative', CHANNEL_END, CHANNEL_END + '<podcast:images srcset="/a-1500.jpg 1500w"/>', 1,
     ['PI021 error podcast:images@srcset']),
    ('ns-images-srcset-http', CHANNEL_END, CHANNEL_END + '<podcast:images srcset="http://example.com/a-1500.jpg 1500w"/>', 1,
     ['PI021 error podcast:images@srcset']),
    ('ns-display-over-32', ITEM1_END, ITEM1_END + '<podcast:episode display="The one where we finally visit the estuary">3'
     '</podcast:episode>', 0, ['PI022 warning podcast:episode@display #1']),
    # a source over another transport than the web is what the namespace's own examples give; over http it is not
    ('ns-source-ipfs', ITEM1_END, ITEM1_END + ALTERNATE.format("ipfs://QmX33FYehk6ckGQ6g1D9D3FqZPix5JpKstKQKbaS8quUFb"), 0, []),
    ('ns-source-http', ITEM1_END, ITEM1_END + ALTERNATE.format("http://media.example.com/tidewater/salt-marsh.opus"), 1,
     ['PI004 error podcast:source@uri #1']),
    # source.md's own example: http to a Tor onion service (Tor encrypts it end to end) was PI004, an error
    ('ns-source-onion', ITEM1_END, ITEM1_END + ALTERNATE.format("http://example.onion/file-720.mp4"), 0, []),
    ('ns-source-onion-lookalike', ITEM1_END, ITEM1_END + ALTERNATE.format("http://example.onion.evil.example/a.mp4"), 1,
     ['PI004 error podcast:source@uri #1']),
    # the namespace: a season is an integer (season.md; a decimal one passed), an episode may be decimal; each said
    # 'expected a number' without a hint, as did an alternate enclosure without its source
    ('ns-season-decimal', ITEM1_END, ITEM1_END + '<podcast:season>1.5</podcast:season>', 1, ['PI012 error podcast:season #1']),
    ('ns-season-word', ITEM1_END, ITEM1_END + '<podcast:season>two</podcast:season>', 1, ['PI012 error podcast:season #1']),
    ('ns-episode-decimal', ITEM1_END, ITEM1_END + '<podcast:episode>3.5</podcast:episode>', 0, []),
    ('ns-episode-word', ITEM1_END, ITEM1_END + '<podcast:episode>5a</podcast:episode>', 1, ['PI012 error podcast:episode #1']),
    ('person-without-name', ITEM1_END, ITEM1_END.replace("Ana Sousa", ""), 1, ['PI015 error podcast:person #1']),
    ('license-empty', CHANNEL_END, CHANNEL_END + '<podcast:license></podcast:license>', 1, ['PI015 error podcast:license']),
    ('ns-alternate-without-source', ITEM1_END, ITEM1_END + '<podcast:alternateEnclosure type="audio/opus" length="9821345"/>',
     1, ['PI014 error podcast:alternateEnclosure #1']),
    # Podlove Simple Chapters 1.2: start (Normal Play Time) and title mandatory, in time order, one list per item
    ('psc-every-npt-form', ITEM1_END, ITEM1_END + PSC.format('<psc:chapter start="0" title="Welcome"/><psc:chapter '
     'start="7:48" title="Mud"/><psc:chapter start="35:12.250" title="Roots"/><psc:chapter start="01:35:52" title="Tide"/>'), 0, []),
    ('psc-start-not-npt', ITEM1_END, ITEM1_END + PSC.format('<psc:chapter start="0" title="Welcome"/><psc:chapter '
     'start="1m30s" title="Mud"/>'), 1, ['CHP020 error psc:chapter@start #1']),
    ('psc-comma-fraction', ITEM1_END, ITEM1_END + PSC.format('<psc:chapter start="00:01:30,500" title="Mud"/>'), 1,
     ['CHP020 error psc:chapter@start #1']),
    ('psc-without-title', ITEM1_END, ITEM1_END + PSC.format('<psc:chapter start="0"/>'), 1, ['CHP020 error psc:chapter@title #1']),
    ('psc-out-of-order', ITEM1_END, ITEM1_END + PSC.format('<psc:chapter start="5:00" title="Mud"/><psc:chapter '
     'start="90" title="Roots"/>'), 0, ['CHP021 warning psc:chapter@start #1']),
    ('psc-in-channel', CHANNEL_END, CHANNEL_END + PSC.format('<psc:chapter start="0" title="Welcome"/>'), 0,
     ['CHP021 warning psc:chapters']),
    # itunes: names are read exactly: a tag in another case, or with '_' for '-', is ignored
    ('itunes-episodetype-lower-case', "<itunes:episodeType>full</itunes:episodeType>",
     "<itunes:episodetype>bonus</itunes:episodetype>", 0, ['XML011 warning itunes:episodetype #1']),
    ('itunes-new-feed-url-underscores', CHANNEL_END, CHANNEL_END + "<itunes:new_feed_url>https://new.example.com/feed.xml"
     "</itunes:new_feed_url>", 0, ['XML011 warning itunes:new_feed_url']),
    ('itunes-owner-email-capital', "<itunes:email>podcast@example.com</itunes:email>",
     "<itunes:email>podcast@example.com</itunes:email><itunes:Email>x@example.com</itunes:Email>", 0,
     ['XML011 warning itunes:Email']),
]


@pytest.mark.parametrize("case,old,new,exit_code,expected", CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_each_broken_feed_gets_exactly_its_problems(tmp_path: Path, case: str, old: str, new: str, exit_code: int,
                                                    expected: list[str]) -> None:
    assert GOOD_TEXT.count(old) >= 1, "the catalogue's change must apply to good.xml"
    code, report = check(write(tmp_path, GOOD_TEXT.replace(old, new, 1)))
    assert found(report) == expected
    assert code == exit_code
    assert all(p["hint"] and p["message"] for p in report["problems"]), report["problems"]


VALUE = ('<podcast:value type="lightning" method="keysend"><podcast:valueRecipient name="Ana" type="node" address="02'
         + "a" * 64 + '" {}/>{}</podcast:value>')
NINES = "9" * 5000  # int() refuses it (Python's 4,300-digit limit); 400 digits overflow a float
# numbers no int or float can hold, and digits int() refuses ('²') or reads where apps do not ('١'): each stopped the
# check with "Internal error" (exit 3), or passed
NUMBERS = [
    ('length-5000-digits', 'length="28734512"', f'length="{NINES}"', ['EP104 error enclosure@length #1']),
    ('length-400-digits', 'length="28734512"', f'length="{NINES[:400]}"', ['EP104 error enclosure@length #1']),
    ('duration-400-digits', "<itunes:duration>1795</itunes:duration>", f"<itunes:duration>{NINES[:400]}</itunes:duration>",
     ['EP117 error itunes:duration #1']),
    ('season-5000-digits', "<itunes:season>1</itunes:season>", f"<itunes:season>{NINES}</itunes:season>", ['EP121 error itunes:season #1']),
    ('episode-beyond-64-bits', "<itunes:episode>3</itunes:episode>", "<itunes:episode>99999999999999999999</itunes:episode>",
     ['EP121 error itunes:episode #1']),
    ('psc-start-5000-digits', ITEM1_END, ITEM1_END + PSC.format(f'<psc:chapter start="0" title="Welcome"/><psc:chapter start="{NINES}" '
     'title="Mud"/>'), []),
    ('split-superscript-two', CHANNEL_END, CHANNEL_END + VALUE.format('split="²"', ""), ['VAL007 error podcast:valueRecipient@split']),
    ('split-arabic-indic-one', CHANNEL_END, CHANNEL_END + VALUE.format('split="١"', ""), ['VAL007 error podcast:valueRecipient@split']),
    ('fee-split-5000-digits', CHANNEL_END, CHANNEL_END + VALUE.format('split="90"', '<podcast:valueRecipient name="Host" type="node" '
     f'address="03{"b" * 64}" split="{NINES}" fee="true"/>'), ['VAL007 error podcast:valueRecipient@split']),
    ('custom-key-5000-digits', CHANNEL_END, CHANNEL_END + VALUE.format(f'split="90" customKey="{NINES}" customValue="x"', ""),
     ['VAL010 error podcast:valueRecipient@customKey']),
    ('custom-key-largest', CHANNEL_END, CHANNEL_END + VALUE.format('split="90" customKey="18446744073709551615" customValue="x"', ""), []),
    ('time-split-start-400-digits', ITEM1_END, ITEM1_END + VALUE.format('split="1"', f'<podcast:valueTimeSplit startTime="{NINES[:400]}" '
     'duration="60"><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810" itemGuid="x"/></podcast:valueTimeSplit>'),
     ['VAL013 error podcast:valueTimeSplit@startTime #1']),
]


@pytest.mark.parametrize("case,old,new,expected", NUMBERS, ids=[c[0] for c in NUMBERS])
def test_a_number_no_integer_holds_is_reported_not_a_crash(tmp_path: Path, case: str, old: str, new: str,
                                                           expected: list[str]) -> None:
    assert GOOD_TEXT.count(old) >= 1
    code, report = check(write(tmp_path, GOOD_TEXT.replace(old, new, 1)))
    assert found(report) == expected
    assert code == (1 if any(" error " in e for e in expected) else 0)
    assert all(len(p["message"]) < 300 for p in report["problems"])  # the number's start and length, not all of it


def test_the_catalogue_has_no_false_positive_on_good_xml() -> None:
    code, report = check(str(GOOD))
    assert (code, report["problems"], report["episodes"]) == (0, [], 3)


# -- whole-document cases ----------------------------------------------------------------------------

CHANNEL_ONLY = GOOD_TEXT[:GOOD_TEXT.index("<item>")] + "</channel>\n</rss>\n"
LAUGHS = "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
DOCUMENTS = [
    ("zero-items", CHANNEL_ONLY, 0, ["SHOW022 warning item"]),
    # a second <channel> (two feeds pasted into one): apps read the first; its 3 episodes are there, the other's lost
    ("two-channels", GOOD_TEXT.replace("</channel>", "</channel>\n" + GOOD_TEXT[GOOD_TEXT.index("<channel>"):
     GOOD_TEXT.index("</channel>")] + "</channel>", 1), 1, ["SHOW029 error channel"]),
    ("items-outside-channel", CHANNEL_ONLY.replace("</channel>\n</rss>", "</channel>" + GOOD_TEXT[GOOD_TEXT.index("<item>"):
     GOOD_TEXT.index("</channel>")] + "</rss>"), 1, ["SHOW022 error item"]),
    ("bom-then-whitespace-before-declaration", "\ufeff \n" + GOOD_TEXT, 1, ["XML001 error line 2"]),
    ("bom-alone", "\ufeff" + GOOD_TEXT, 0, []),
    ("internal-entity", GOOD_TEXT.replace(DECLARATION, DECLARATION + '\n<!DOCTYPE rss [<!ENTITY show "Tidewater">]>')
     .replace("<title>Tidewater Notes</title>", "<title>&show;</title>"), 1,
     ["SHOW001 error title", "XML003 error title", "XML003 warning DOCTYPE"]),
    ("entity-from-an-external-dtd", GOOD_TEXT.replace(DECLARATION, DECLARATION + '\n<!DOCTYPE rss PUBLIC "-//Netscape '
     'Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss-0.91.dtd">').replace("Salt Marsh Carbon", "Salt Marsh Carb&oacute;n"),
     1, ["XML003 error title #1", "XML003 warning DOCTYPE"]),
    ("billion-laughs", GOOD_TEXT.replace(DECLARATION, f'{DECLARATION}\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">{LAUGHS}]>')
     .replace("<title>Tidewater Notes</title>", "<title>&j;</title>"), 1, ["XML001 error line 1"]),
    ("html-page", "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Our podcast</p></body></html>\n", 2,
     ["XML002 error"]),
    ("atom-feed", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 2,
     ["XML002 error"]),
    # an <rss> without its <channel>, a <channel> without its <rss> (the W3C validator's MissingElement and undefined
    # root element): said so, not "a <rss> document"
    ("rss-without-channel", '<?xml version="1.0"?><rss version="2.0"><title>x</title></rss>', 2, ["XML002 error"]),
    ("channel-without-rss", '<?xml version="1.0"?><channel><title>x</title><item><title>y</title></item></channel>', 2,
     ["XML002 error"]),
    ("atom-entry", '<?xml version="1.0"?><entry xmlns="http://www.w3.org/2005/Atom"><title>x</title></entry>', 2,
     ["XML002 error"]),
    ("empty-file", "", 2, ["XML000 error"]),
    # podcast:episode alone (not whole: itunes:episode takes whole numbers) orders a mini-episode between two others
    ("decimal-episode-number-twice", GOOD_TEXT.replace("<itunes:episode>3</itunes:episode>", "<podcast:episode>2.5</podcast:episode>")
     .replace("<itunes:episode>2</itunes:episode>", "<podcast:episode>2.50</podcast:episode>"), 0,
     ["EP011 warning podcast:episode #2"]),
    ("decimal-episode-numbers-differ", GOOD_TEXT.replace("<itunes:episode>3</itunes:episode>", "<podcast:episode>2.5</podcast:episode>"),
     0, []),
    # a byte order mark and a declaration that disagree: libxml2 and feedparser follow the mark, expat (podcastparser,
    # so gPodder) refuses the feed; a UTF-16 feed with its mark is fine
    ("utf8-bom-declares-utf16", b"\xef\xbb\xbf" + GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(), 1,
     ["XML012 error encoding"]),
    ("utf16-bom-declares-utf8", b"\xff\xfe" + GOOD_TEXT.encode("utf-16-le"), 1, ["XML012 error encoding"]),
    # read everywhere, but Apple's requirements name encoding="UTF-8" (the W3C validator's NotUTF8)
    # a UTF-8 mark before encoding="US-ASCII" (the W3C validator's UnicodeError): expat refuses it once a character
    # goes beyond ASCII; an all-ASCII feed is read by everyone
    ("utf8-bom-declares-ascii-with-an-accent", b"\xef\xbb\xbf" + GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="US-ASCII"')
     .replace("Salt Marsh Carbon", "Salt Marsh Carbón").encode(), 1, ["XML012 error encoding"]),
    ("utf8-bom-declares-ascii", b"\xef\xbb\xbf" + GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="US-ASCII"').encode(), 0, []),
    ("utf16-with-bom", b"\xff\xfe" + GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"), 0,
     ["XML015 warning encoding"]),
    ("utf16-without-bom-or-declaration", GOOD_TEXT.replace(DECLARATION, "").lstrip().encode("utf-16-le"), 1,
     ["XML001 error line 1"]),
    # a UTF-16 mark and no encoding declaration (or none at all), as the XML spec allows: feedparser tries UTF-8 first,
    # which an ASCII text in UTF-16 passes (NUL is a character), and reads no episode at all; was only XML015
    ("utf16-bom-without-declared-encoding", b"\xff\xfe" + GOOD_TEXT.replace(' encoding="UTF-8"', "").encode("utf-16-le"),
     1, ["XML012 error encoding"]),
    ("utf16-bom-without-declaration", b"\xff\xfe" + GOOD_TEXT.replace(DECLARATION, "").lstrip().encode("utf-16-le"), 1,
     ["XML012 error encoding"]),
    ("utf16be-bom-without-declared-encoding", b"\xfe\xff" + GOOD_TEXT.replace(' encoding="UTF-8"', "")
     .encode("utf-16-be"), 1, ["XML012 error encoding"]),
    # declared UTF-16 without the mark the XML spec requires of it: read everywhere, but not UTF-8 (said nothing)
    ("utf16-without-bom-declared", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"), 0,
     ["XML015 warning encoding"]),
    ("utf16be-without-bom-declared", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"), 0,
     ["XML015 warning encoding"]),
    ("utf8-bom-declares-latin1", b"\xef\xbb\xbf" + GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
     .replace("Salt Marsh Carbon", "Salt Marsh Carbón").encode(), 0, ["XML009 warning encoding"]),
    # xmlns="…" on <rss> or <channel>: podcastparser says "Unsupported feed type"; the rest is checked all the same
    ("default-namespace-on-rss", GOOD_TEXT.replace('<rss version="2.0"', '<rss xmlns="http://backend.userland.com/rss2" '
     'version="2.0"').replace("<title>Tidewater Notes</title>", ""), 1, ["SHOW001 error title", "XML013 error xmlns"]),
    ("itunes-default-namespace-on-channel", GOOD_TEXT.replace("<channel>", f'<channel xmlns="{ITUNES}">'), 1,
     ["XML013 error xmlns"]),
    ("rss-1.0-rdf", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
     'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>x</title></channel></rdf:RDF>', 2, ["XML002 error"]),
    ("opml", '<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body><outline '
     'type="rss" xmlUrl="https://podcast.example.com/feed.xml"/></body></opml>', 2, ["XML002 error"]),
    ("gzip-compressed", gzip.compress(GOOD_TEXT.encode()), 1, ["XML001 error line 1"]),
    ("an-image", b"\x89PNG\r\n\x1a\n" + bytes(64), 1, ["XML001 error line 1"]),
    ("vertical-tab-in-a-title", GOOD_TEXT.replace("Salt Marsh Carbon", "Salt\x0bMarsh"), 1, ["XML001 error line 26"]),
    ("nul-reference-in-a-title", GOOD_TEXT.replace("Salt Marsh Carbon", "Salt&#0;Marsh"), 1, ["XML001 error line 26"]),
    ("nested-20000-deep", GOOD_TEXT.replace("</channel>", "<x>" * 20000 + "</x>" * 20000 + "</channel>"), 1,
     ["XML001 error line 65"]),
    ("eleven-mb-in-one-text", GOOD_TEXT.replace("How marshes store carbon,", "y" * 11_000_000), 1, ["XML001 error line 30"]),
    # the notes' CDATA opened on a line before and closed on this one: the hint was to look for a ']]>' in the notes
    ("eleven-mb-on-a-later-line-of-the-notes", GOOD_TEXT.replace("<h2>Notes</h2><p>Full notes.</p>",
                                                                 "<h2>Notes</h2>\n<p>" + "y" * 11_000_000 + "</p>"),
     1, ["XML001 error line 32"]),
    ("latin1-declared-utf8-bytes", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
     .replace("Salt Marsh Carbon", "Salt Marsh Carbón").encode("utf-8"), 0, ["XML009 warning encoding"]),
    ("utf8-declared-latin1-bytes", GOOD_TEXT.replace("Salt Marsh Carbon", "Salt Marsh Carbón").encode("latin-1"), 1,
     ["XML001 error line 26"]),
    # encodings libxml2 reads and expat refuses (XML014; podcastparser's own refusal is test_xml014_is_what_...)
    ("utf8-spelt-utf8-with-an-accent", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="utf8"')
     .replace("Salt Marsh Carbon", "Salt Marsh Carbón").encode(), 1, ["XML014 error encoding"]),
    ("shift-jis", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="Shift_JIS"')
     .replace("Salt Marsh Carbon", "塩性湿地").encode("shift_jis", "xmlcharrefreplace"), 1, ["XML014 error encoding"]),
    ("utf32-with-bom", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="UTF-32"').encode("utf-32"), 1,
     ["XML014 error encoding"]),
    ("windows-1252", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="windows-1252"')
     .replace("Salt Marsh Carbon", "Salt Marsh Carbón").encode("cp1252"), 0, ["XML015 warning encoding"]),
    # the W3C validator's NotUTF8, ObscureEncoding and BadCharacters (testcases ext/itunes/non_utf8.xml,
    # rss/should/xml_obscure_encoding.xml, rss/should/xml_bad_encoding_declaration.xml), each made here anew
    ("latin1", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
     .replace("Salt Marsh Carbon", "Salt Marsh Carbón").encode("latin-1"), 0, ["XML015 warning encoding"]),
    ("us-ascii", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="US-ASCII"'), 0, []),
    # libxml2 knows no "mac-cyrillic" ("Unsupported encoding": was XML001, not well-formed); expat reads it through
    # Python's codec, and so does check now: the rest of the feed is checked
    ("mac-cyrillic", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="mac-cyrillic"')
     .replace("Salt Marsh Carbon", "Солончак").encode("mac-cyrillic"), 0, ["XML015 warning encoding"]),
    # windows-1252's curly quotes (0x93, 0x94) in a feed declared ISO-8859-1: U+0093 and U+0094, controls apps show
    # as boxes or not at all; the same controls saved as UTF-8 after such a reading, or written as references
    ("latin1-declared-windows-1252-quotes", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
     .replace("Salt Marsh Carbon", "Salt Marsh \u201cCarbon\u201d").encode("cp1252"), 0,
     ["XML015 warning encoding", "XML016 warning encoding"]),
    ("c1-controls-saved-as-utf8", GOOD_TEXT.replace("Salt Marsh Carbon", "Salt Marsh \x93Carbon\x94"), 0,
     ["XML016 warning encoding"]),
    ("c1-character-references", GOOD_TEXT.replace("Salt Marsh Carbon", "Salt Marsh &#147;Carbon&#x94;"), 0,
     ["XML016 warning encoding"]),
    # inside CDATA the reference is HTML's, which browsers read as windows-1252's quote: no control character
    ("c1-reference-in-cdata-notes", GOOD_TEXT.replace("How marshes store carbon,", "How &#147;marshes&#148; store carbon,"),
     0, []),
    ("declares-utf16-bytes-utf8", GOOD_TEXT.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(), 1,
     ["XML001 error line 1"]),
    # libxml2 says 'CData section not finished': the hint was the one for a ']]>' inside the notes, which hold none
    ("control-character-in-cdata-notes", GOOD_TEXT.replace("How marshes store carbon,", "How marshes\x01 store carbon,"), 1,
     ["XML001 error line 30"]),
    ("two-byte-order-marks", "\ufeff\ufeff" + GOOD_TEXT, 1, ["XML001 error line 1"]),  # was 'not XML at all (an image…)'
    ("cdata-in-an-attribute", GOOD_TEXT.replace('href="https://podcast.example.com/artwork.jpg"',
                                                'href="<![CDATA[https://podcast.example.com/artwork.jpg]]>"'), 1,
     ["XML001 error line 15"]),
    ("bare-less-than-in-a-title", GOOD_TEXT.replace("Salt Marsh Carbon", "Salt < Marsh"), 1, ["XML001 error line 26"]),
    ("a-script-after-the-feed", GOOD_TEXT + "<!-- cache: hit --><script>track()</script>\n", 1, ["XML001 error line 67"]),
    ("surrogate-reference-in-a-title", GOOD_TEXT.replace("Salt Marsh Carbon", "Salt&#xD800;Marsh"), 1,
     ["XML001 error line 26"]),
]


DOCUMENT = {case: text for case, text, _, _ in DOCUMENTS}


@pytest.mark.parametrize("case,text,exit_code,expected", DOCUMENTS, ids=[c[0] for c in DOCUMENTS])
def test_each_broken_document_gets_exactly_its_problems(tmp_path: Path, case: str, text: str | bytes, exit_code: int,
                                                        expected: list[str]) -> None:
    code, report = check(write(tmp_path, text))
    assert found(report) == expected
    assert code == exit_code
    assert all(p["hint"] for p in report["problems"])


DOCUMENT_HINTS = [
    ("declares-utf16-bytes-utf8", 'declares encoding="UTF-16" but its bytes are not UTF-16'),
    ("utf8-spelt-utf8-with-an-accent", 'declare <?xml version="1.0" encoding="UTF-8"?>'),
    ("utf8-bom-declares-utf16", 'declare encoding="UTF-8"'),
    ("utf16-without-bom-or-declaration", "UTF-16 without a byte order mark"),
    ("default-namespace-on-rss", 'remove xmlns="http://backend.userland.com/rss2" from <rss>'),
    ("itunes-default-namespace-on-channel", "xmlns:itunes"),
    ("rss-1.0-rdf", "RSS 1.0 (RDF)"),
    ("rss-without-channel", "an <rss> without a <channel> inside it"),
    ("channel-without-rss", "a <channel> without <rss> around it"),
    ("atom-entry", "an Atom entry"),
    ("opml", "OPML"),
    ("gzip-compressed", "gzip"),
    ("an-image", "not XML at all"),
    ("vertical-tab-in-a-title", "U+000B"),
    ("nul-reference-in-a-title", "&#0;"),
    ("nested-20000-deep", "nested more than 256 deep"),
    ("eleven-mb-in-one-text", "over 10 MB"),
    ("eleven-mb-on-a-later-line-of-the-notes", "over 10 MB"),
    ("mac-cyrillic", "libxml2 does not know the name 'mac-cyrillic'"),
    ("latin1", 'declare <?xml version="1.0" encoding="UTF-8"?>'),
    ("latin1-declared-windows-1252-quotes", "U+0093, U+0094 where windows-1252 has '\u201c\u201d'"),
    ("latin1-declared-windows-1252-quotes", "iconv -f windows-1252"),
    ("control-character-in-cdata-notes", "remove the control character U+0001"),
    ("control-character-in-cdata-notes", "even inside CDATA"),
    ("two-byte-order-marks", "two UTF-8 byte order marks"),
    ("cdata-in-an-attribute", "CDATA works only between tags"),
    ("bare-less-than-in-a-title", "write it as '&lt;'"),
    ("a-script-after-the-feed", "something follows </rss>"),
    ("surrogate-reference-in-a-title", "remove the character U+D800"),
]


@pytest.mark.parametrize("case,says", DOCUMENT_HINTS, ids=[h[0] for h in DOCUMENT_HINTS])
def test_a_broken_document_is_told_what_to_change(tmp_path: Path, case: str, says: str) -> None:
    """libxml2's own words ("Start tag expected", "use XML_PARSE_HUGE option") name no fix; the hint does."""
    _, report = check(write(tmp_path, DOCUMENT[case]))
    assert any(says in p["message"] + p["hint"] for p in report["problems"]), report["problems"]
    if case == "control-character-in-cdata-notes":  # the notes hold no ']]>' to look for
        assert not any("]]>" in p["hint"] for p in report["problems"]), report["problems"]


@pytest.mark.parametrize("enclosure,says", [
    ('salt-marsh.m4a" length="28734512" type="audio/mpeg"', 'a .m4a file is audio/x-m4a'),  # Apple's, not audio/aac
    ('salt-marsh.m4a" length="28734512" type="video/mp4"', 'published as .mp4 (video/mp4) or .m4v'),
    ('salt-marsh.mp4" length="28734512" type="audio/mpeg"', 'a .mp4 file is video/mp4'),
])
def test_an_enclosure_type_that_does_not_match_its_file_is_told_the_type_to_write(tmp_path: Path, enclosure: str,
                                                                                  says: str) -> None:
    """EP107's hint named the alphabetically first type of the extension (a .m4a file "is audio/aac", a type Apple does
    not list), and told a video in a .m4a file to be audio."""
    text = GOOD_TEXT.replace('salt-marsh.mp3" length="28734512" type="audio/mpeg"', enclosure)
    assert text != GOOD_TEXT
    _, report = check(write(tmp_path, text))
    hints = [p["hint"] for p in report["problems"] if p["code"] == "EP107"]
    assert len(hints) == 1 and says in hints[0], report["problems"]


@pytest.mark.parametrize("case", ["utf8-bom-declares-ascii-with-an-accent", "utf8-bom-declares-ascii"])
def test_xml012_for_an_ascii_declaration_is_what_podcastparser_refuses(tmp_path: Path, case: str) -> None:
    """libxml2 follows the UTF-8 mark and reads 'Carbón'; podcastparser (expat) refuses the same bytes once the text
    goes beyond ASCII, and check says so exactly then."""
    import io

    import podcastparser

    _, report = check(write(tmp_path, DOCUMENT[case]))
    named = "XML012" in {p["code"] for p in report["problems"]}
    try:
        podcastparser.parse("https://podcast.example.com/feed.xml", io.BytesIO(DOCUMENT[case]))  # type: ignore[arg-type]
        refused = False
    except Exception:  # noqa: BLE001 - expat's ExpatError, wrapped or not: a refusal
        refused = True
    assert named == refused, (named, refused)


@pytest.mark.parametrize("kind, expected", [("trailer", []), ("bonus", []), ("full", ["EP010 error itunes:episode #3"])])
def test_a_serial_show_numbers_its_full_episodes(tmp_path: Path, kind: str, expected: list[str]) -> None:
    """Apple's guide: a trailer or bonus "with no season or episode number" is the show's trailer or bonus, in a serial
    show too; good.xml's trailer without itunes:episode was EP010, an error, once the show was serial."""
    text = GOOD_TEXT.replace("<itunes:type>episodic</itunes:type>", "<itunes:type>serial</itunes:type>")
    text = text.replace("<itunes:episodeType>trailer</itunes:episodeType>", f"<itunes:episodeType>{kind}</itunes:episodeType>")
    code, report = check(write(tmp_path, text))
    assert found(report) == expected and code == (1 if expected else 0)


@pytest.mark.parametrize("date", ["Mon,04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 +0000",
                                  "Mon,  04 Mar 2024 09:00 +0000", "4 Mar 2024 09:00:00 GMT", "Mon, 4 Mar 2024 09:00:00 EST"])
def test_a_date_check_passes_is_one_feedparser_reads(tmp_path: Path, date: str) -> None:
    """Measured: EP111 (here a warning, as RFC 2822 allows each form) exactly for the dates feedparser reads none of."""
    import feedparser

    text = GOOD_TEXT.replace("Mon, 04 Mar 2024 09:00:00 +0000", date)
    _, report = check(write(tmp_path, text))
    named = "EP111" in {p["code"] for p in report["problems"]}
    entry = feedparser.parse(text.encode()).entries[0]
    assert named == (entry.get("published_parsed") is None), (date, report["problems"])


@pytest.mark.parametrize("case", ["utf16-bom-without-declared-encoding", "utf16-bom-without-declaration",
                                  "utf16be-bom-without-declared-encoding", "utf16-with-bom", "utf16-without-bom-declared"])
def test_xml012_for_a_utf16_mark_is_what_feedparser_reads_no_episodes_of(tmp_path: Path, case: str) -> None:
    """feedparser (6.0) decodes a feed by its declaration, else as UTF-8, before it looks at the mark: a UTF-16 feed
    that declares no encoding decodes as UTF-8 without an error and is no XML then. Measured: XML012 exactly for the
    feeds feedparser reads no episode of."""
    import feedparser

    _, report = check(write(tmp_path, DOCUMENT[case]))
    named = "XML012" in {p["code"] for p in report["problems"]}
    assert named == (not feedparser.parse(DOCUMENT[case]).entries), case


@pytest.mark.parametrize("case", ["utf8-spelt-utf8-with-an-accent", "shift-jis", "utf32-with-bom", "windows-1252",
                                  "latin1-declared-utf8-bytes"])
def test_xml014_is_what_podcastparser_refuses(tmp_path: Path, case: str) -> None:
    """The rule follows expat, measured: each feed XML014 names is one podcastparser (gPodder) refuses, and the
    single-byte ones it reads get no XML014."""
    import io

    import podcastparser

    _, report = check(write(tmp_path, DOCUMENT[case]))
    named = "XML014" in {p["code"] for p in report["problems"]}
    try:
        podcastparser.parse("https://podcast.example.com/feed.xml", io.BytesIO(DOCUMENT[case]))  # type: ignore[arg-type]
        refused = False
    except Exception:  # noqa: BLE001 - FeedParseError, ValueError, LookupError: each a refusal
        refused = True
    assert named == refused, (named, refused)


def test_the_encoding_warning_after_a_byte_order_mark_shows_a_word_not_the_mark(tmp_path: Path) -> None:
    _, report = check(write(tmp_path, DOCUMENT["utf8-bom-declares-latin1"]))
    assert "'CarbÃ³n' for 'Carbón'" in report["problems"][0]["message"]


def test_the_encoding_warning_shows_what_apps_display(tmp_path: Path) -> None:
    _, report = check(write(tmp_path, DOCUMENT["latin1-declared-utf8-bytes"]))
    assert "'CarbÃ³n' for 'Carbón'" in report["problems"][0]["message"]


# -- what a feed may cost: bounded before the tree is built ------------------------------------------------------


def test_a_feed_of_a_million_tiny_elements_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """1.1 million ``<x/>`` are 4.4 MB, far under the size limit; 15 million (60 MB) took 3 GB and 15 s to read."""
    code, report = check(write(tmp_path, GOOD_TEXT.replace("</channel>", "<x/>" * 1_100_000 + "</channel>")))
    assert (code, found(report)) == (2, ["XML000 error"])
    assert "1,100,0" in report["problems"][0]["message"] and "1,000,000" in report["problems"][0]["message"]


def test_a_feed_of_too_many_items_is_refused(tmp_path: Path) -> None:
    """Every item rule runs on each item: eight million ``<item/>`` (56 MB) took over 12 GB before it was stopped."""
    code, report = check(write(tmp_path, GOOD_TEXT.replace("</channel>", "<item/>" * 60_000 + "</channel>")))
    assert (code, found(report)) == (2, ["XML000 error"])
    assert "60,003 items" in report["problems"][0]["message"]


def test_the_tree_keeps_no_whitespace_between_elements_but_an_elements_own_blank_text(tmp_path: Path) -> None:
    """A 50,000-item feed (66 MB) took 555 MB to check, a fifth of it text nodes holding the line breaks and indents
    between elements, which no rule reads (449 MB without them). A title of spaces is still a title of nothing."""
    from mediafeed.checks.feedxml import parse

    text = GOOD_TEXT.replace("<title>Salt Marsh Carbon</title>", "<title>   </title>", 1)
    doc, _ = parse(text.encode(), "feed.xml")
    assert doc is not None
    tails = [e.tag for e in doc.channel.iter() if e.tail is not None]
    assert tails == [], tails
    assert [e.text for e in doc.items()[0].iterfind("title")] == ["   "]
    _, report = check(write(tmp_path, text))
    assert "EP101 error title #1" in found(report)


def test_html_show_notes_do_not_count_as_elements(tmp_path: Path) -> None:
    """Markup inside CDATA is text: a long HTML description is checked, not refused as too many elements."""
    notes = "<![CDATA[" + "<b>x</b>" * 1_100_000 + "]]>"
    code, report = check(write(tmp_path, GOOD_TEXT.replace("<description>Short conversations", f"<description>{notes}Short", 1)))
    assert "XML000" not in {p["code"] for p in report["problems"]} and code == 1  # SHOW003: over 4000 bytes


def test_a_document_is_refused_for_its_elements_only_when_its_less_than_signs_are_too_many() -> None:
    """The count of "</" (a slow two-byte count of the whole document: ~1 ms for each of a build's lint documents) is
    made only when the "<"s alone are past the cap; a document just under it, or over it but for its end tags, is read."""
    from mediafeed.checks import feedxml
    from mediafeed.errors import InputError

    cap = feedxml.MAX_ELEMENTS
    feedxml.refuse_too_many_elements(b"<a/>" * cap, "feed.xml")  # exactly the cap: read
    feedxml.refuse_too_many_elements(b"<a>" * (cap // 2 + 1) + b"</a>" * (cap // 2 + 1), "feed.xml")
    with pytest.raises(InputError, match="1,000,001 elements"):
        feedxml.refuse_too_many_elements(b"<a/>" * (cap + 1), "feed.xml")


def test_a_character_reference_is_looked_for_from_the_ampersands() -> None:
    """``b"&#" in data`` reads ~1 ns a byte (2 ms for each of a build's lint documents); the "&"s are found by memchr,
    and past a few dozen of them the search takes over: the same answer for any text."""
    import random

    from mediafeed.checks.feedxml import _AMPERSANDS, _holds_reference

    draw = random.Random(16)
    texts = [b"", b"&", b"#", b"&#", b"#&", b"a&", b"&&#", b"&a&#", b"&" * (_AMPERSANDS + 3) + b"#",
             b"&a" * _AMPERSANDS + b"&#", b"&a" * (_AMPERSANDS - 1) + b"&#", b"&a" * (_AMPERSANDS + 1)]
    texts += [bytes(draw.choice(b"&#a") for _ in range(draw.randrange(200))) for _ in range(20_000)]
    for text in texts:
        assert _holds_reference(text) == (b"&#" in text), text


def test_a_c1_reference_after_many_ampersands_is_xml016(tmp_path: Path) -> None:
    """A control character's reference after more "&"s than are looked at one by one is found all the same."""
    _, report = check(write(tmp_path, GOOD_TEXT.replace("Salt Marsh Carbon", "Salt &amp; " * 80 + "&#147;Carbon&#x94;")))
    assert "XML016 warning encoding" in found(report)


def test_a_feed_that_moved_host_gets_one_led002_listing_every_episode(tmp_path: Path) -> None:
    """--previous: every enclosure moved from one host to another; one problem, as a show's build reports it."""
    old = write(tmp_path, GOOD_TEXT.replace("https://media.example.com/tidewater/", "https://old-host.example.net/tw/"))
    result = CliRunner().invoke(main, ["check", str(GOOD), "--previous", old, "--format", "json"])
    [moved] = json.loads(result.stdout)["problems"]
    assert (moved["code"], moved["severity"], moved["field"], result.exit_code) == ("LED002", "error", "enclosure@url", 1)
    assert moved["episodes"] == [GUIDS["#1"], GUIDS["#2"], GUIDS["#3"]]
    assert "https://old-host.example.net/tw/… to https://media.example.com/tidewater/…" in moved["message"]
    assert "301" in moved["hint"]


def test_one_renamed_file_is_still_its_own_led002(tmp_path: Path) -> None:
    old = write(tmp_path, GOOD_TEXT.replace("salt-marsh.mp3", "salt-marsh-v1.mp3"))
    result = CliRunner().invoke(main, ["check", str(GOOD), "--previous", old, "--format", "json"])
    [moved] = json.loads(result.stdout)["problems"]
    assert (moved["code"], moved["episode"], "episodes" in moved) == ("LED002", GUIDS["#1"], False)


# -- over HTTP, from a real server on 127.0.0.1 -------------------------------------------------------


@functools.cache
def gzip_bomb() -> bytes:
    """80 MB of zeros in 80 KB: over the 64 MB a feed may have once decompressed."""
    return gzip.compress(bytes(80 * 1024 * 1024), compresslevel=9)


def raw_deflate(data: bytes) -> bytes:
    """A deflate stream without zlib's header, as IIS sends Content-Encoding: deflate."""
    packer = zlib.compressobj(wbits=-15)
    return packer.compress(data) + packer.flush()


class Host(ThreadingHTTPServer):
    """Serves good.xml in the ways hosts get wrong; records every path asked for."""

    asked: list[str]


class Handler(BaseHTTPRequestHandler):
    server: Host

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.server.asked.append(self.path)
        good = GOOD_TEXT.encode()
        page = b"<!DOCTYPE html>\n<html><head><title>T</title></head><body>Listen</body></html>"
        answers: dict[str, tuple[int, dict[str, str], bytes]] = {
            "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, good),
            "/gzip.xml": (200, {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}, gzip.compress(good)),
            "/as-html.xml": (200, {"Content-Type": "text/html; charset=utf-8"}, good),
            "/page.html": (200, {"Content-Type": "text/html"}, page),
            "/loop.xml": (302, {"Location": "/loop.xml"}, b""),
            "/moved.xml": (301, {"Location": "/feed.xml"}, b""),
            "/gone.xml": (404, {}, b""),
            "/broken.xml": (500, {}, b""),
            "/secret": (200, {"Content-Type": "text/plain"}, b"LEAKED"),
            "/gzip-without-encoding.xml": (200, {"Content-Type": "application/rss+xml"}, gzip.compress(good)),
            "/gzip-bomb.xml": (200, {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}, gzip_bomb()),
            # the header without the compression, and gzip labelled deflate: apps and browsers fail on both
            "/plain-labelled-gzip.xml": (200, {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}, good),
            "/gzip-labelled-deflate.xml": (200, {"Content-Type": "application/rss+xml", "Content-Encoding": "deflate"},
                                           gzip.compress(good)),
            # IIS's raw deflate (no zlib header) is what browsers read too
            "/raw-deflate.xml": (200, {"Content-Type": "application/rss+xml", "Content-Encoding": "deflate"}, raw_deflate(good)),
            "/to-https.xml": (301, {"Location": f"https://127.0.0.1:{self.server.server_address[1]}/feed.xml"}, b""),
            "/to-a-file.xml": (302, {"Location": "file:///etc/passwd"}, b""),
            "/gone-for-good.xml": (410, {}, b""),
            "/xxe.xml": (200, {"Content-Type": "application/rss+xml"}, GOOD_TEXT.replace(
                DECLARATION, f'{DECLARATION}\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:{self.server.server_address[1]}/secret">'
                '<!ENTITY file SYSTEM "file:///etc/hostname">]>').replace(
                "<title>Tidewater Notes</title>", "<title>&xxe;</title>").replace(
                "<title>Salt Marsh Carbon</title>", "<title>&file;</title>").encode()),
        }
        status, headers, body = answers.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def host() -> Iterator[Host]:
    server = Host(("127.0.0.1", 0), Handler)
    server.asked = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


SERVED = [
    ("/feed.xml", 0, []),
    ("/gzip.xml", 0, []),
    ("/as-html.xml", 0, ["XML010 warning Content-Type"]),
    ("/page.html", 2, ["XML002 error"]),
    ("/loop.xml", 2, ["XML000 error"]),
    ("/moved.xml", 0, ["ONL006 info feed URL"]),
    ("/gone.xml", 2, ["XML000 error"]),
    ("/broken.xml", 2, ["XML000 error"]),
    ("/gone-for-good.xml", 2, ["XML000 error"]),
    ("/gzip-without-encoding.xml", 1, ["XML001 error line 1"]),
    ("/gzip-bomb.xml", 2, ["XML000 error"]),
    ("/plain-labelled-gzip.xml", 2, ["XML000 error Content-Encoding"]),
    ("/gzip-labelled-deflate.xml", 2, ["XML000 error Content-Encoding"]),
    ("/raw-deflate.xml", 0, []),
    ("/to-https.xml", 2, ["XML000 error"]),
    ("/to-a-file.xml", 2, ["XML000 error"]),
]

SERVED_SAYS = [
    ("/gzip-without-encoding.xml", "Content-Encoding: gzip"),
    ("/gzip-bomb.xml", "larger than 64 MB"),
    ("/plain-labelled-gzip.xml", "the server says Content-Encoding: gzip, but the answer is not gzip data"),
    ("/gzip-labelled-deflate.xml", "Content-Encoding: deflate, but the answer is not deflate data"),
    ("/to-https.xml", "the https (TLS) connection failed"),
    ("/to-https.xml", "(after 301 https://127.0.0.1:"),
    ("/to-a-file.xml", "not http(s) (file:///etc/passwd)"),
]


@pytest.mark.parametrize("path,says", SERVED_SAYS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(SERVED_SAYS)])
def test_a_feed_served_wrongly_is_told_what_happened(host: Host, path: str, says: str) -> None:
    _, report = check(f"http://127.0.0.1:{host.server_address[1]}{path}")
    assert any(says in p["message"] + p["hint"] for p in report["problems"]), report["problems"]


def test_a_server_that_never_answers_is_left_after_the_timeout(tmp_path: Path) -> None:
    """A listening socket that never accepts: the check gives up after --timeout, and says after how long."""
    import socket
    import time

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(0)
        started = time.monotonic()
        result = CliRunner().invoke(main, ["check", f"http://127.0.0.1:{silent.getsockname()[1]}/feed.xml", "--timeout", "2",
                                           "--format", "json"])
        took = time.monotonic() - started
    [problem] = json.loads(result.stdout)["problems"]
    assert (result.exit_code, problem["code"]) == (2, "XML000") and took < 10
    assert "within 2 s" in problem["message"], problem["message"]


@pytest.mark.parametrize("path,exit_code,expected", SERVED, ids=[s[0] for s in SERVED])
def test_each_way_of_serving_a_feed_gets_exactly_its_problems(host: Host, path: str, exit_code: int,
                                                               expected: list[str]) -> None:
    code, report = check(f"http://127.0.0.1:{host.server_address[1]}{path}")
    assert found(report) == expected
    assert code == exit_code


def test_external_entities_are_never_fetched_or_read(host: Host) -> None:
    code, report = check(f"http://127.0.0.1:{host.server_address[1]}/xxe.xml")
    assert code == 1
    assert "/secret" not in host.asked
    text = json.dumps(report)
    assert "LEAKED" not in text and Path("/etc/hostname").read_text().strip() not in text.replace("/etc/hostname", "")
    assert found(report) == ["EP101 error title #1", "SHOW001 error title", "XML003 error title",
                             "XML003 error title #1", "XML003 warning DOCTYPE"]


# -- messages that say what to do ------------------------------------------------------------------------

HINTS = [
    ("ns-itunes-undeclared", 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'),
    ("enc-url-spaces", "%20"),
    ("guid-short", "keep every GUID already published exactly as it is"),
    ("item-only-itunes-title", "add <title>Salt Marsh Carbon</title>"),
    ("ch-subcategory-beside-its-category", '<itunes:category text="Science"><itunes:category text="Earth Sciences"/></itunes:category>'),
    ("enc-url-accent", "write it encoded: https://media.example.com/tidewater/sal%C3%A9-marsh.mp3"),
    ("enc-url-accented-host", "write it encoded: https://xn--mdias-bsa.example.com/tidewater/salt-marsh.mp3"),
    ("enc-url-backslashes", "https://media.example.com/tidewater/salt-marsh.mp3"),
    ("notes-iframe-player", "<iframe>"),
    ("notes-onclick", "an onclick= attribute"),
    ("rss-image-href-attribute", "href= attribute"),
    ("ch-category-as-text", '<itunes:category text="Science"/>'),
    ("ch-image-url-attr", "url= attribute"),
    ("date-year-0026", "2026"),
    ("date-epoch-zero", "a missing date written as zero"),
    ("guid-ispermalink-misspelt", "isPermalink= is another attribute"),
    # the date was right but for its zone; 'is not an RFC 2822 date' named nothing to change
    ("date-colon-in-zone", "its time zone '+00:00' is not one RFC 2822 knows"),
    ("date-zone-utc", "its time zone 'UTC' is not one RFC 2822 knows"),
    # was one hint for both: "the person's name, or the license's SPDX identifier"
    ("person-without-name", '<podcast:person role="host">Maya Okafor</podcast:person>'),
    ("license-empty", "<podcast:license>cc-by-4.0</podcast:license>"),
    ("date-zone-gmt-plus-1", "its time zone 'GMT+1'"),
]


@pytest.mark.parametrize("case,says", HINTS, ids=[h[0] for h in HINTS])
def test_the_message_or_hint_names_the_fix(tmp_path: Path, case: str, says: str) -> None:
    _, old, new, _, _ = next(c for c in CATALOGUE if c[0] == case)
    _, report = check(write(tmp_path, GOOD_TEXT.replace(old, new, 1)))
    assert any(says in p["message"] + p["hint"] for p in report["problems"]), report["problems"]


def test_text_before_the_xml_declaration_is_named(tmp_path: Path) -> None:
    _, report = check(write(tmp_path, DOCUMENT["bom-then-whitespace-before-declaration"]))
    assert "remove what comes before <?xml" in report["problems"][0]["hint"]


# -- import reads what the producer meant ---------------------------------------------------------------------


def import_feed(tmp_path: Path, text: str | bytes) -> tuple[dict, Path]:
    """``mediafeed import`` of a catalogue feed; its artwork, transcripts and chapters at a closed port on 127.0.0.1."""
    local = (text.encode("utf-8") if isinstance(text, str) else text).replace(b"https://podcast.example.com/", b"http://127.0.0.1:9/")
    show = tmp_path / "show"
    result = CliRunner().invoke(main, ["import", write(tmp_path, local), "--show", str(show), "--format", "json"])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    return json.loads(result.stdout), show


def test_import_reads_itunes_tags_under_a_misspelt_namespace(tmp_path: Path) -> None:
    case = next(c for c in CATALOGUE if c[0] == "ns-itunes-misspelt")
    report, show = import_feed(tmp_path, GOOD_TEXT.replace(case[1], case[2]))
    assert "IMP004" in {p["code"] for p in report["problems"]}
    settings = (show / "show.yml").read_text()
    assert "category: Science" in settings and "subcategory: Earth Sciences" in settings


def test_import_reads_itunes_tags_under_a_prefix_bound_to_the_podcast_namespace(tmp_path: Path) -> None:
    """xmlns:itunes="https://podcastindex.org/namespace/1.0": check says XML004; import lost the category, explicit,
    summaries, season names and keywords without a word."""
    report, show = import_feed(tmp_path, GOOD_TEXT.replace(f'xmlns:itunes="{ITUNES}"',
                                                           'xmlns:itunes="https://podcastindex.org/namespace/1.0"'))
    [said] = [p for p in report["problems"] if p["code"] == "IMP004"]
    assert said["field"] == "xmlns:itunes" and "podcast namespace" in said["message"]
    settings = (show / "show.yml").read_text()
    assert "category: Science" in settings and "subcategory: Earth Sciences" in settings


def test_import_reads_utf8_text_declared_as_latin1_as_utf8(tmp_path: Path) -> None:
    report, show = import_feed(tmp_path, DOCUMENT["latin1-declared-utf8-bytes"])
    assert any(p["code"] == "IMP003" and "ISO-8859-1" in p["message"] for p in report["problems"])
    notes = "".join(p.read_text() for p in (show / "episodes").glob("*/episode.md"))
    assert "Salt Marsh Carbón" in notes and "Ã" not in notes


def test_import_writes_an_html_itunes_summary_as_the_plain_text_summary_is(tmp_path: Path) -> None:
    """Hosts write itunes:summary as HTML in CDATA (Libsyn, Podbean); import copied it into `summary:`, which is plain
    text, so the moved show's pages and feed showed '<p>Marshes &amp; carbon, with <a href=…>' as typed. It is read as
    the show's description is (session 26): text, a link's address after its words."""
    import yaml

    from mediafeed.source import split_front_matter

    summary = ('<itunes:summary><![CDATA[<p>Marshes &amp; carbon, with <a href="https://example.com/paper">the paper'
               '</a>.</p>]]></itunes:summary>')
    _, show = import_feed(tmp_path, GOOD_TEXT.replace(ITEM1_END, ITEM1_END + summary))
    [episode] = [p for p in (show / "episodes").glob("*/episode.md") if "Salt Marsh Carbon" in p.read_text()]
    data, _, _ = split_front_matter(episode.read_text(encoding="utf-8"), str(episode))
    assert data is not None
    assert data["summary"] == "Marshes & carbon, with the paper (https://example.com/paper).", yaml.safe_dump(data)


@pytest.mark.parametrize("written, summary", [
    # plain text whose words are in angle brackets: not HTML (import dropped '<String>' and '<Enter>', and made the
    # paragraphs one)
    ("We compare Vec&lt;String&gt; and Box&lt;dyn Error&gt;.\n\nPress &lt;Enter&gt; to skip.",
     "We compare Vec<String> and Box<dyn Error>.\n\nPress <Enter> to skip."),
    # a character reference without tags: read, the paragraphs kept (they were run into one line)
    ("Marshes &amp;amp; carbon.\n\nSecond part.", "Marshes & carbon.\n\nSecond part."),
])
def test_import_keeps_a_plain_text_itunes_summary_that_looks_like_html(tmp_path: Path, written: str, summary: str) -> None:
    _, show = import_feed(tmp_path, GOOD_TEXT.replace(ITEM1_END, ITEM1_END + f"<itunes:summary>{written}</itunes:summary>"))
    assert _imported_front_matter(show)["summary"] == summary


def _imported_front_matter(show: Path) -> dict:
    """The front matter import wrote into the first episode's episode.md (Salt Marsh Carbon)."""
    from mediafeed.source import split_front_matter

    [episode] = [p for p in (show / "episodes").glob("*/episode.md") if "Salt Marsh Carbon" in p.read_text()]
    data, _, _ = split_front_matter(episode.read_text(encoding="utf-8"), str(episode))
    assert data is not None
    return data


def test_import_of_a_description_with_a_script_tag_spelt_with_a_long_s_is_no_internal_error(tmp_path: Path) -> None:
    # '<ſcript>' (U+017F): the search for scripts matched it under Unicode's cases, and its name, lowered, was looked
    # up as 'ſcript': KeyError, "Internal error" and no show. A browser reads no script there: it is text
    report, show = import_feed(tmp_path, GOOD_TEXT.replace(ITEM1_END, ITEM1_END + "<itunes:summary><![CDATA[<p>Marshes"
                                                            "</p><ſcript>x</ſcript>]]></itunes:summary>"))
    assert report["imported"]
    assert _imported_front_matter(show)["summary"] == "Marshes\n\nx"


def test_import_keeps_a_content_links_words_written_over_two_lines(tmp_path: Path) -> None:
    # A content link's text is one line (the build refuses a line break since session 29); a feed's element text
    # wrapped over two lines was left out of the import (IMP050, "the build would refuse it"), where apps show it as
    # one line: its words are joined as they are for podcast:image alt
    link = '<podcast:contentLink href="https://video.example.org/w/salt">Watch this episode\n    on PeerTube</podcast:contentLink>'
    report, show = import_feed(tmp_path, GOOD_TEXT.replace(ITEM1_END, ITEM1_END + link))
    assert [p for p in report["problems"] if p["code"] == "IMP050"] == []
    assert _imported_front_matter(show)["content_links"] == [{"url": "https://video.example.org/w/salt", "text": "Watch this episode on PeerTube"}]


def test_import_reads_items_outside_the_channel_as_the_episodes(tmp_path: Path) -> None:
    report, show = import_feed(tmp_path, DOCUMENT["items-outside-channel"])
    assert len(report["imported"]) == 3
    assert any(p["code"] == "IMP003" and "outside <channel>" in p["message"] for p in report["problems"])


@pytest.mark.parametrize("year", ["0026", "26"])
def test_import_says_when_it_guesses_a_year_written_short(tmp_path: Path, year: str) -> None:
    """'Jan 0026' (check: EP111, an error) was imported as 2026 without a word; so was 'Jan 26'."""
    first = GOOD_TEXT[GOOD_TEXT.index("<pubDate>"):GOOD_TEXT.index("</pubDate>")]
    short = first.replace(" 2024 ", f" {year} ")
    assert short != first
    report, show = import_feed(tmp_path, GOOD_TEXT.replace(first, short, 1))
    [said] = [p for p in report["problems"] if p["code"] == "IMP016"]
    assert said["severity"] == "warning" and repr(year) in said["message"] and "read as 2026" in said["message"]
    assert said["episode"] == GUIDS["#1"] and said["hint"]
    assert len(report["imported"]) == 3  # imported all the same, dated 2026
    (tmp_path / "clean").mkdir()
    clean, _ = import_feed(tmp_path / "clean", GOOD_TEXT)
    assert "IMP016" not in {p["code"] for p in clean["problems"]}


@pytest.mark.parametrize(("zone", "warned", "hour"), [("IST", True, "10:30:00+00:00"), ("CEST", False, "10:30:00+02:00"),
                                                      ("EST", False, "10:30:00-05:00"), ("+0530", False, "10:30:00+05:30")])
def test_import_says_when_a_dates_zone_name_is_unknown_and_reads_it_as_utc(tmp_path: Path, zone: str, warned: bool,
                                                                           hour: str) -> None:
    """'IST' (India, Israel, Ireland?) was read as UTC without a word: the episode's time could be 5:30 hours off."""
    first = GOOD_TEXT[GOOD_TEXT.index("<pubDate>"):GOOD_TEXT.index("</pubDate>")]
    dated = "<pubDate>Tue, 02 Jan 2024 10:30:00 " + zone
    report, show = import_feed(tmp_path, GOOD_TEXT.replace(first, dated, 1))
    said = [p for p in report["problems"] if p["code"] == "IMP024"]
    assert bool(said) == warned
    if said:
        assert said[0]["severity"] == "warning" and repr(zone) in said[0]["message"] and said[0]["episode"] == GUIDS["#1"]
    dates = "".join(p.read_text() for p in (show / "episodes").glob("*/episode.md"))
    assert f"date: '2024-01-02T{hour}'" in dates


def test_import_keeps_a_decimal_podcast_episode_number(tmp_path: Path) -> None:
    """podcast:episode 315.5 (no itunes:episode: Apple's takes whole numbers) becomes 'episode: 315.5', which the build
    writes back as podcast:episode alone; it was dropped."""
    feed = GOOD_TEXT.replace("<itunes:episode>3</itunes:episode>", '<podcast:episode display="Extra">315.5</podcast:episode>')
    report, show = import_feed(tmp_path, feed)
    [notes] = [p.read_text() for p in (show / "episodes").glob("*/episode.md") if "Salt Marsh Carbon" in p.read_text()]
    assert "\nepisode: 315.5\n" in notes and "episode_display: Extra" in notes


@pytest.mark.parametrize("written, hidden", [("yes", False), ("true", False), ("Yes", True)])
def test_import_hides_a_show_or_episode_only_where_apple_did(tmp_path: Path, written: str, hidden: bool) -> None:
    """Apple's guide: itunes:block and itunes:complete with "any value other than Yes has no effect". An old feed's
    'yes' listed the show in Apple Podcasts; the import read it as Yes, wrote 'block: [apple]' and the new feed's
    itunes:block Yes took the show out of Apple's directory on the move (the same for an episode, and 'complete').
    It now keeps what Apple did and says how to hide it (IMP034)."""
    feed = GOOD_TEXT.replace("<itunes:type>episodic</itunes:type>", f"<itunes:type>episodic</itunes:type><itunes:block>{written}"
                             f"</itunes:block><itunes:complete>{written}</itunes:complete>")
    feed = feed.replace("<itunes:episode>3</itunes:episode>", f"<itunes:episode>3</itunes:episode><itunes:block>{written}</itunes:block>")
    report, show = import_feed(tmp_path, feed)
    import yaml

    config = yaml.safe_load((show / "show.yml").read_text(encoding="utf-8"))
    episode = _imported_front_matter(show)
    assert (config.get("block"), config.get("complete"), episode.get("block")) == ((["apple"], True, True) if hidden else (None, None, None))
    said = sorted((p["field"], p["episode"]) for p in report["problems"] if p["code"] == "IMP034")
    assert said == ([] if hidden else [("itunes:block", ""), ("itunes:block", GUIDS["#1"]), ("itunes:complete", "")])
    if not hidden:
        [block] = [p for p in report["problems"] if p["code"] == "IMP034" and p["field"] == "itunes:block" and not p["episode"]]
        assert repr(written) in block["message"] and "'block: true' in show.yml" in block["hint"]


def test_import_of_a_serial_show_asks_numbers_for_its_full_episodes_only(tmp_path: Path) -> None:
    """IMP033 (the build will refuse unnumbered episodes: EP010) named the show's trailer too, which Apple's guide
    leaves without a number; it names the full episodes without one."""
    feed = GOOD_TEXT.replace("<itunes:type>episodic</itunes:type>", "<itunes:type>serial</itunes:type>")
    report, _ = import_feed(tmp_path, feed)
    assert not [p for p in report["problems"] if p["code"] == "IMP033"]
    (tmp_path / "again").mkdir()
    report, _ = import_feed(tmp_path / "again", feed.replace("<itunes:episode>2</itunes:episode>", ""))
    [said] = [p for p in report["problems"] if p["code"] == "IMP033"]
    assert "1 of its episodes: seagrass-meadows" in said["message"], said["message"]


@pytest.mark.parametrize("date", ["Mon, 01 Jan 99999999999 10:00:00 GMT", "Mon, 01 Jan 2024 10:00:00 +99999999999999999999"])
def test_import_skips_a_date_too_large_for_any_calendar(tmp_path: Path, date: str) -> None:
    """A 20-digit year or zone stopped the import with 'Internal error: OverflowError' (exit 3) and nothing written."""
    first = GOOD_TEXT[GOOD_TEXT.index("<pubDate>") + 9:GOOD_TEXT.index("</pubDate>")]
    report, _ = import_feed(tmp_path, GOOD_TEXT.replace(first, date, 1))
    [said] = [p for p in report["problems"] if p["code"] == "IMP014"]
    assert said["episode"] == GUIDS["#1"] and date in said["message"]
    assert len(report["imported"]) == 2


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:audio/mpeg;base64,AAAA", "file:///etc/passwd"])
def test_import_names_an_enclosure_address_no_app_can_fetch(tmp_path: Path, url: str) -> None:
    """It was imported without a word (and --download then said 'run the import again to resume it')."""
    report, _ = import_feed(tmp_path, GOOD_TEXT.replace(ENC1, ENC1.replace(ENC1.split('"')[1], url)))
    [said] = [p for p in report["problems"] if p["code"] == "IMP017"]
    assert (said["severity"], said["field"], said["episode"]) == ("warning", "enclosure@url", GUIDS["#1"])
    assert repr(url) in said["message"] and "copy the episode's audio file" in said["hint"]
    (tmp_path / "clean").mkdir()
    clean, _ = import_feed(tmp_path / "clean", GOOD_TEXT)
    assert "IMP017" not in {p["code"] for p in clean["problems"]}


@pytest.mark.parametrize("case", ["gzip-compressed", "utf16-without-bom-or-declaration", "an-image"])
def test_import_refuses_a_document_with_the_line_and_fix_check_gives(tmp_path: Path, case: str) -> None:
    """import said 'not an RSS feed: Start tag expected, '<' not found, line 1, column 1 (<string>, line 1)' and
    'check the address' for a gzip file, UTF-16 without a byte order mark or an image, where check names each."""
    feed = write(tmp_path, DOCUMENT[case])
    result = CliRunner().invoke(main, ["import", feed, "--show", str(tmp_path / "show"), "--format", "json"])
    [said] = json.loads(result.stdout)["problems"]
    _, checked = check(feed)
    [xml001] = checked["problems"]
    assert (result.exit_code, said["code"], said["field"]) == (2, "IMP002", xml001["field"])
    assert said["hint"] == xml001["hint"] and "(<string>" not in said["message"]
    assert not (tmp_path / "show").exists()


def test_import_of_a_feed_without_items_says_there_is_nothing_to_import(tmp_path: Path) -> None:
    """It said 'Imported 0 episode(s)' and, as its last step, to publish: a new feed that tells every app the show has
    no episodes."""
    report, _ = import_feed(tmp_path, CHANNEL_ONLY)
    [said] = [p for p in report["problems"] if p["code"] == "IMP018"]
    assert said["severity"] == "warning" and "do not publish" in said["hint"] and report["imported"] == []


@pytest.mark.parametrize(("tag", "written", "number"), [("episode", "0", 1), ("episode", "-3", 1), ("season", "0", 1),
                                                  ("season", "S2", 2)])
def test_import_says_when_an_episode_or_season_number_is_not_one_apple_takes(tmp_path: Path, tag: str, written: str,
                                                                             number: int) -> None:
    """<itunes:episode>0</itunes:episode> (a host's "no number"; Apple: a non-zero integer) vanished from the import
    without a word: the producer never learnt that episode 3 of the old feed had lost its number."""
    feed = GOOD_TEXT.replace(f"<itunes:{tag}>{'3' if tag == 'episode' else '1'}</itunes:{tag}>",
                             f"<itunes:{tag}>{written}</itunes:{tag}>", 1)
    assert feed != GOOD_TEXT
    report, show = import_feed(tmp_path, feed)
    [said] = [p for p in report["problems"] if p["code"] == "IMP025"]
    assert said["severity"] == "warning" and said["field"] == f"itunes:{tag}" and said["episode"] == GUIDS["#1"]
    assert repr(written) in said["message"] and "not imported" in said["message"]
    assert f"({tag}: {number})" in said["hint"]  # what to write in the episode.md: the number 'S2' holds (session 22)
    assert len(report["imported"]) == 3  # the episode is imported all the same
    (tmp_path / "clean").mkdir()
    clean, _ = import_feed(tmp_path / "clean", GOOD_TEXT)
    assert "IMP025" not in {p["code"] for p in clean["problems"]}


def test_a_podcast_episode_number_beside_an_itunes_episode_0_is_imported_without_a_warning(tmp_path: Path) -> None:
    feed = GOOD_TEXT.replace("<itunes:episode>3</itunes:episode>",
                             "<itunes:episode>0</itunes:episode><podcast:episode>3</podcast:episode>")
    report, show = import_feed(tmp_path, feed)
    assert "IMP025" not in {p["code"] for p in report["problems"]}
    assert "episode: 3" in "".join(p.read_text() for p in (show / "episodes").glob("*/episode.md"))


def test_import_reads_numbers_no_integer_holds_without_stopping(tmp_path: Path) -> None:
    """A 5,000-digit enclosure length stopped the import with 'Internal error: ValueError' (exit 3), as did a value
    split of '²' (when the imported value block was read back)."""
    feed = (GOOD_TEXT.replace('length="28734512"', f'length="{NINES}"', 1)
            .replace("<itunes:season>1</itunes:season>", f"<itunes:season>{NINES}</itunes:season>", 1)
            .replace(CHANNEL_END, CHANNEL_END + VALUE.format('split="²"', "")))
    report, show = import_feed(tmp_path, feed)
    assert len(report["imported"]) == 3
    said = {(p["code"], p["field"]) for p in report["problems"]}
    assert ("IMP025", "itunes:season") in said
    assert any(p["code"] == "IMP021" and "'²'" in p["message"] for p in report["problems"]), report["problems"]
