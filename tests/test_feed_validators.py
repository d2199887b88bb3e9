"""What third-party validators hold the feed to, asserted as properties of the feed and of ``mediafeed check``.

The W3C feed validator (validator.w3.org/feed; Cast Feed Validator runs its RSS checks) is not on PyPI or Debian, so
it does not run here: each test asserts the property it checks. docs/feeds.md ("What apps and validators say about
the feed") lists what it still says and why that is the validator's, not the feed's.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from helpers import GOLDEN_NOW
from lxml import etree

from mediafeed import lint
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


HTML_DESCRIPTION = ('<p>A show about <b>soil</b> &amp; <a href="https://x.example/more">more</a>.</p>'
                    '<script>alert(1)</script><p>Second<br>paragraph.</p>')


def test_an_imported_html_show_description_becomes_the_plain_text_show_yml_takes(tmp_path: Path) -> None:
    """Hosts write the channel's description as HTML in CDATA; the import copied it into show.yml, whose description
    is plain text, so the new site's home page showed visitors '<p>A show about <b>soil</b> &amp; <a href=…>' (in
    its text, its meta and Open Graph descriptions and its JSON-LD), as did apps that read the description as text,
    and the W3C validator warned "description should not contain HTML". Now show.yml gets its text in paragraphs,
    each link's address after its words, no script."""
    import yaml
    from click.testing import CliRunner

    from mediafeed.cli import main

    old = tmp_path / "old.xml"
    old.write_text(f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Soil Talk</title>
<link>https://old.example/</link><description><![CDATA[{HTML_DESCRIPTION}]]></description><item><title>Loam</title>
<guid isPermaLink="false">loam-1</guid><pubDate>Mon, 08 Jan 2024 05:00:00 GMT</pubDate>
<enclosure url="https://old.example/loam.mp3" length="1000" type="audio/mpeg"/></item></channel></rss>""")
    result = CliRunner().invoke(main, ["import", str(old), "--show", str(tmp_path / "show"), "--url",
                                       "https://new.example/soil/"])
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((tmp_path / "show" / "show.yml").read_text(encoding="utf-8"))
    assert config["description"] == "A show about soil & more (https://x.example/more).\n\nSecond\nparagraph."
    old.write_text(old.read_text().replace(HTML_DESCRIPTION, "Soil &amp; more &#8230; a < b"))
    assert CliRunner().invoke(main, ["import", str(old), "--show", str(tmp_path / "again"), "--url",
                                     "https://new.example/soil/"]).exit_code == 0
    assert yaml.safe_load((tmp_path / "again" / "show.yml").read_text(encoding="utf-8"))["description"] == \
        "Soil & more … a < b"


def test_an_old_feeds_description_of_unclosed_links_and_scripts_becomes_text_as_a_browser_shows_it() -> None:
    """Each '<a href>' or '<script>' was matched up to a closing tag searched for to the end of the description: one
    never closed made the next link's words and address the first's ('one two (https://one.example/)'), a script
    never closed was shown as text, and a description of such tags took the import quadratic time (360 KB of
    unclosed links, from a broken or hostile feed, held 'mediafeed import' 48 s; 3 MB, hours). A link ends at the
    next one (links do not nest), and a script never closed hides the rest, as in a browser."""
    from mediafeed.notes import plain_paragraphs

    assert plain_paragraphs('<a href="https://one.example/">one <a href="https://two.example/">two</a>') == \
        "one two (https://two.example/)"
    assert plain_paragraphs("<p>Kept.</p><p>Also<SCRIPT>var hidden = 1;") == "Kept.\n\nAlso"
    assert plain_paragraphs("a<style>p{}</style >b<noscript>c</NOSCRIPT>d") == "abd"
    hostile = '<a href="https://x.example/">x' * 100_000 + "<script>x" * 100_000  # 3.9 MB
    assert plain_paragraphs(hostile) == "x" * 100_000  # (the links' words side by side, as a browser shows them)


def test_html_in_the_show_descriptions_plain_text_is_a_warning(show: Path) -> None:
    """A show.yml description holding tags (as the import wrote it before) is published as text: the site's pages
    show the tags as typed. SRC057 says so, naming show.yml, description and the tag."""
    config = show / "show.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("description: >-"), text.index("url: https://")
    config.write_text(text[:start] + f"description: '{HTML_DESCRIPTION}'\n" + text[end:], encoding="utf-8")
    report = build(show, now=NOW)
    found = [p for p in report.problems if p.code == "SRC057"]
    assert [(p.severity.value, p.file, p.field) for p in found] == [("warning", "show.yml", "description")]
    assert "<p>" in found[0].message


def test_words_in_angle_brackets_in_a_summary_are_no_html(show: Path) -> None:
    """SRC057 named any '<word>' as an HTML tag: a programming show's summary ('Vec<String>'), 'Press <Enter>' or
    '<insert name here>' was warned about (and failed --strict); a tag is an HTML element's name, as a browser reads
    it. A real one ('<b>') is still named."""
    episode = sorted((show / "episodes").glob("*/episode.md"))[0]
    text = episode.read_text(encoding="utf-8")
    for summary, expected in (("Vec<String> vs Box<dyn Error>; press <Enter> for <insert name here>", []),
                              ("A <b>bold</b> claim", ["<b>"])):
        episode.write_text(re.sub(r"(?m)^summary: .*$", f"summary: '{summary}'", text, count=1), encoding="utf-8")
        found = [p for p in build(show, now=NOW).problems if p.code == "SRC057"]
        assert [p.message.split("(")[1].split(")")[0] for p in found] == expected, found


def test_html_in_a_summary_or_description_typed_by_hand_is_told_the_fix_alone(show: Path) -> None:
    """A producer who typed `<b>` into show.yml or `<i>` into a summary was told, in the fix, "(mediafeed import now
    does so with a feed's HTML description)": the history of a command they never ran."""
    config = show / "show.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("description: >-"), text.index("url: https://")
    config.write_text(text[:start] + "description: Short stories <b>read aloud</b> at night.\n" + text[end:], encoding="utf-8")
    notes = sorted((show / "episodes").glob("*/episode.md"))[0]
    notes.write_text(notes.read_text(encoding="utf-8").replace("\nsummary: ", "\nsummary: A <i>letter</i>. ", 1),
                     encoding="utf-8")
    found = [p for p in lint.lint_show(show).problems if p.code == "SRC057"]
    assert sorted(p.field for p in found) == ["description", "summary"]
    assert all("write it as plain text" in p.hint and "import" not in p.hint for p in found), [p.hint for p in found]


def test_a_trailer_title_too_long_for_podcast_trailer_is_reported_at_the_trailers_episode_md(show: Path) -> None:
    """podcast:trailer's text (the trailer episode's title) may be 128 characters. A longer title was reported at
    feed.xml, field podcast:trailer, which names nothing the podcaster wrote; it is reported at the trailer's
    episode.md, field title, and `mediafeed check FEED` names the trailer's item."""
    import json

    from click.testing import CliRunner

    from mediafeed.cli import main

    trailer = show / "episodes/000-trailer/episode.md"
    long_title = "One study at a time, " * 7
    trailer.write_text(trailer.read_text(encoding="utf-8").replace("title: One study at a time",
                                                                   f"title: {long_title.strip(', ')}"), encoding="utf-8")
    report = build(show, now=NOW)
    found = [(p.code, p.severity.value, p.file, p.field) for p in report.problems if p.code == "PI022"]
    assert found == [("PI022", "warning", "episodes/000-trailer/episode.md", "title")]
    result = CliRunner().invoke(main, ["check", str(report.output / "feed.xml"), "--format", "json"])
    [problem] = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "PI022"]
    assert problem["episode"] == "b2a025c6-45c6-4796-a49a-7c90e06f5fda"


def test_a_trailer_in_a_later_lint_document_is_still_reported_at_its_episode_md(show: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A build lints its feed in documents of LINT_BATCH (200) items, the channel with the first: a show of more than
    200 episodes whose trailer came first (the oldest item, last in the feed) had its trailer's title reported at
    feed.xml, field podcast:trailer, again, as the trailer's item was in another document. Two items a document
    here: the sample show's trailer is its sixth."""
    from mediafeed.checks import showfeed

    monkeypatch.setattr(showfeed, "LINT_BATCH", 2)
    trailer = show / "episodes/000-trailer/episode.md"
    trailer.write_text(trailer.read_text(encoding="utf-8").replace(
        "title: One study at a time", "title: " + ("One study at a time, " * 7).strip(", ")), encoding="utf-8")
    found = [(p.file, p.field) for p in build(show, now=NOW).problems if p.code == "PI022"]
    assert found == [("episodes/000-trailer/episode.md", "title")]
