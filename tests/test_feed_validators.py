"""What third-party validators hold the feed to, asserted as properties of the feed and of ``mediafeed check``.

The W3C feed validator (validator.w3.org/feed; Cast Feed Validator runs its RSS checks) is not on PyPI or Debian, so
it does not run here: each test asserts the property it checks. docs/feeds.md ("What apps and validators say about
the feed") lists what it still says and why that is the validator's, not the feed's.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import feedparser
from helpers import GOLDEN_NOW
from lxml import etree

from mediafeed.build import build

NOW = datetime.fromisoformat(GOLDEN_NOW)
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
P = "{https://podcastindex.org/namespace/1.0}"


def test_the_channel_has_no_itunes_title_repeating_its_title(show: Path) -> None:
    """A channel's itunes:title only repeated <title> (Apple reads <title> without it), and the W3C feed validator
    calls every feed with one invalid ("Undefined channel element: itunes:title", an error). An episode's
    itunes:title (front matter ``itunes_title``) stays: Apple shows it in place of the item's title."""
    site = build(show, now=NOW).output
    channel = etree.parse(str(site / "feed.xml")).getroot().find("channel")
    assert channel.find(ITUNES + "title") is None
    assert channel.findtext("title") == "Safe to Say"
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert parsed.feed.title == "Safe to Say" and not parsed.bozo


def _persons(site: Path) -> list[tuple[str, str, str]]:
    channel = etree.parse(str(site / "feed.xml")).getroot().find("channel")
    return [(p.text, p.get("role"), p.get("group")) for p in channel.findall(P + "person")]


def test_a_person_without_a_group_is_written_in_the_taxonomy_group_of_their_role(show: Path) -> None:
    """persons: [{name, role: producer}] was written group="cast" (the default for every role), so apps that list
    credits by group put the producer, the cover art designer and the sound designer among the cast. A role's group
    is the one the Podcast Taxonomy puts it in; a group written in show.yml is kept; an unknown role stays in cast."""
    config = show / "show.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("persons:")
    end = text.index("update_frequency:")
    config.write_text(text[:start] + """persons:
  - {name: Dr Maya Okafor}
  - {name: Sam Reid, role: Producer}
  - {name: Ade Bello, role: cover art designer}
  - {name: Kim Lee, role: sound designer}
  - {name: Ola Nowak, role: editor}
  - {name: Jo Park, role: producer, group: creative direction}
  - {name: Max Field, role: wizard}
""" + text[end:], encoding="utf-8")
    report = build(show, now=NOW)
    assert _persons(report.output) == [
        ("Dr Maya Okafor", "host", "cast"), ("Sam Reid", "producer", "creative direction"),
        ("Ade Bello", "cover art designer", "visuals"), ("Kim Lee", "sound designer", "audio post-production"),
        ("Ola Nowak", "editor", "writing"), ("Jo Park", "producer", "creative direction"), ("Max Field", "wizard", "cast")]
    assert [(p.code, p.field) for p in report.problems if p.code.startswith("PI")] == [("PI017", "persons")]


def test_a_role_given_a_group_the_taxonomy_does_not_put_it_in_is_a_warning_naming_both(show: Path) -> None:
    """role: producer with group: cast is published as written, with PI017 naming the role's own group."""
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("group: creative direction", "group: cast"),
                      encoding="utf-8")
    report = build(show, now=NOW)
    found = [p for p in report.problems if p.code == "PI017"]
    assert [(p.severity.value, p.file, p.field) for p in found] == [("warning", "show.yml", "persons")]
    assert "'producer'" in found[0].message and "creative direction" in found[0].hint
    assert ("Sam Reid", "producer", "cast") in _persons(report.output)


def test_a_location_country_that_iso_gives_no_country_is_a_warning_naming_the_code_meant(show: Path) -> None:
    """country: UK passed (two capital letters), but ISO 3166-1 reserves UK and gives the United Kingdom GB: apps that
    show or map the country found none. It is published as written, with PI027 naming show.yml, the field and GB."""
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8") + "location: {name: Bristol, country: uk}\n", encoding="utf-8")
    report = build(show, now=NOW)
    found = [p for p in report.problems if p.code == "PI027"]
    assert [(p.severity.value, p.file, p.field) for p in found] == [("warning", "show.yml", "location")]
    assert "'UK'" in found[0].message and 'country="GB"' in found[0].hint
    config.write_text(config.read_text(encoding="utf-8").replace("country: uk", "country: GB"), encoding="utf-8")
    assert [p for p in build(show, now=NOW).problems if p.code == "PI027"] == []
