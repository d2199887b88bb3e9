"""Value time splits (``podcast:valueTimeSplit``): other payees for a stretch of an episode, a guest's segment paid to
the guest, a song paid through its own feed's value block (``podcast:remoteItem``), from front matter to the feed,
every mistake a problem naming file, key and fix, in the show's sources and in any feed; and one payee twice.

The sample show has no Lightning wallet: these tests add value blocks to a private copy of it. Episode 003's audio
lasts 20.58 s, so the stretches here are seconds long. Node keys are made up (the form of a key).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from pathlib import Path

import feedparser
import pytest
import yaml
from click.testing import CliRunner
from helpers import copy_show
from lxml import etree
from podcast_rules import NS, violations
from siteserver import SiteServer, old_host
from test_feed_namespace import podcastparser_read
from test_incremental import assert_same_as_clean, edit
from test_value import EPISODE, EPISODE_GUID_LINE, GUEST_KEY, HOST_KEY, NOW

from mediafeed import codec, lint
from mediafeed.build import BuildFailed, build
from mediafeed.cache import CACHE_DIR
from mediafeed.cli import main
from mediafeed.config import load_show
from mediafeed.errors import Severity
from mediafeed.model import Episode
from mediafeed.source import FieldReader
from mediafeed.value import parse_values

P = "{%s}" % NS
SONG_FEED = "a94f5cc9-8c58-55fc-91fe-a324087a655b"
SONG_ITEM = "https://podcastindex.org/podcast/4148683#1"
SPLITS = f"""{EPISODE_GUID_LINE}
value:
  suggested: 0.00000005
  recipients:
    - {{name: Safe to Say team, address: {HOST_KEY}, split: 95}}
    - {{name: Hosting app, address: app@wallet.example, split: 5, fee: true}}
  time_splits:
    - start: 2
      duration: "00:00:08.5"
      recipients:
        - {{name: Safe to Say team, address: {HOST_KEY}, split: 50}}
        - {{name: Prof. Lena Hart (guest), type: lnaddress, address: lena@wallet.example, split: 50}}
    - start: "0:12"
      duration: 6
      remote_start: 30
      remote_percentage: 95
      remote_item: {{feed_guid: {SONG_FEED.upper()}, item_guid: "{SONG_ITEM}", medium: music, title: Tide Song}}"""


def add_splits(show: Path, text: str = SPLITS) -> None:
    edit(show / EPISODE, EPISODE_GUID_LINE, text)


def item_value(feed: bytes) -> etree._Element:
    channel = etree.fromstring(feed).find("channel")
    item = next(i for i in channel.iter("item") if i.findtext("title") == "What Practitioners Need to Know")
    (value,) = item.findall(P + "value")
    return value


def test_a_guest_segment_and_a_song_reach_the_feed_as_the_namespace_writes_them(show: Path) -> None:
    add_splits(show)
    report = build(show, now=NOW)
    assert not [p for p in report.problems if p.code.startswith("VAL")]
    feed = (report.output / "feed.xml").read_bytes()
    assert violations(feed) == []
    value = item_value(feed)
    # the block's own recipients first, then the splits in the producer's order, as in the namespace's examples
    assert [etree.QName(child).localname for child in value] == ["valueRecipient"] * 2 + ["valueTimeSplit"] * 2
    guest, song = value.findall(P + "valueTimeSplit")
    assert dict(guest.attrib) == {"startTime": "2", "duration": "8.5"}
    assert [(r.get("name"), r.get("type"), r.get("split")) for r in guest] == [
        ("Safe to Say team", "node", "50"), ("Prof. Lena Hart (guest)", "lnaddress", "50")]
    assert dict(song.attrib) == {"startTime": "12", "duration": "6", "remoteStartTime": "30", "remotePercentage": "95"}
    (remote,) = song
    assert dict(remote.attrib) == {"feedGuid": SONG_FEED, "itemGuid": SONG_ITEM, "medium": "music", "title": "Tide Song"}
    channel_value = etree.fromstring(feed).find("channel").find(P + "value")
    assert channel_value is None  # the show has no block of its own: the split lives in the item only


def test_times_finer_than_a_millisecond_are_written_as_numbers_apps_read(show: Path) -> None:
    """Times are written to the millisecond; one within half a millisecond of a whole second (an Audacity label's
    ``7.000408``, a ``59.9999``) was written with a trailing point, ``startTime="7."`` and ``duration="60."``: no
    number in the namespace's (or XML Schema's decimal) sense, and the build refused its own feed (PI013). Now
    such a time is the whole second, ``7`` and ``60``."""
    add_splits(show, f"""{EPISODE_GUID_LINE}
soundbites: [{{start: 0.0004, duration: 14.99996}}]
value:
  recipients: [{{name: Team, address: {HOST_KEY}, split: 1}}]
  time_splits:
    - start: 2.0004
      duration: 2.9999
      remote_percentage: 89.99999
      remote_item: {{feed_guid: {SONG_FEED}}}""")
    report = build(show, now=NOW)
    feed = (report.output / "feed.xml").read_bytes()
    assert violations(feed) == []
    (split,) = item_value(feed).findall(P + "valueTimeSplit")
    assert dict(split.attrib) == {"startTime": "2", "duration": "3", "remotePercentage": "90"}
    item = next(i for i in etree.fromstring(feed).iter("item") if i.findtext("title") == "What Practitioners Need to Know")
    assert dict(item.find(P + "soundbite").attrib) == {"startTime": "0", "duration": "15"}


def test_a_feed_with_time_splits_still_reads_cleanly_with_feedparser_and_podcastparser(show: Path) -> None:
    add_splits(show)
    feed = (build(show, now=NOW).output / "feed.xml").read_bytes()
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 6
    read = podcastparser_read(feed)
    assert len(read["episodes"]) == 6


# -- every mistake is a problem with a code, the key and the fix ---------------------------------------------

def split_problems(show: Path, splits: str, recipients: str = f"[{{name: Team, address: {HOST_KEY}, split: 1}}]"):
    add_splits(show, f"{EPISODE_GUID_LINE}\nvalue:\n  recipients: {recipients}\n  time_splits:\n{splits}")
    try:
        problems = build(show, now=NOW).problems
    except BuildFailed as failed:
        problems = failed.problems
    return [p for p in problems if p.code.startswith(("VAL", "SRC"))]


GUEST = f"recipients: [{{name: Guest, address: {GUEST_KEY}, split: 1}}]"
REMOTE = f"remote_item: {{feed_guid: {SONG_FEED}}}"
F = "value.time_splits[0]."
BAD_SPLITS = [
    # (what, time_splits entries, code, field, severity, words of the message or hint)
    ("no start", f"    - {{duration: 5, {GUEST}}}\n", "VAL013", F + "start", "error", "got nothing"),
    ("start not a time", f"    - {{start: soon, duration: 5, {GUEST}}}\n", "VAL013", F + "start", "error", "'soon'"),
    ("no duration", f"    - {{start: 1, {GUEST}}}\n", "VAL013", F + "duration", "error", "got nothing"),
    ("zero duration", f"    - {{start: 1, duration: 0, {GUEST}}}\n", "VAL013", F + "duration", "error", "0 seconds"),
    ("negative remote start", f"    - {{start: 1, duration: 5, remote_start: -3, {REMOTE}}}\n", "VAL013",
     F + "remote_start", "error", "-3"),
    ("starts after the audio", f"    - {{start: '00:00:25', duration: 5, {GUEST}}}\n", "VAL014", F + "start", "error",
     "never paid"),
    ("starts at the end", f"    - {{start: 30, duration: 5, {GUEST}}}\n", "VAL014", F + "start", "error", "has ended"),
    ("runs past the end", f"    - {{start: 15, duration: 10, {GUEST}}}\n", "VAL015", F + "duration", "warning",
     "shorten its 'duration' to 5.584"),
    ("overlap", f"    - {{start: 1, duration: 5, {GUEST}}}\n    - {{start: 4, duration: 2, {REMOTE}}}\n", "VAL016",
     "value.time_splits[1]", "error", "inside time_splits[0]"),
    ("percentage over 100", f"    - {{start: 1, duration: 5, remote_percentage: 150, {REMOTE}}}\n", "VAL017",
     F + "remote_percentage", "error", "0 to 100"),
    ("percentage negative", f"    - {{start: 1, duration: 5, remote_percentage: -5, {REMOTE}}}\n", "VAL017",
     F + "remote_percentage", "error", "-5"),
    ("feed guid not a uuid", "    - {start: 1, duration: 5, remote_item: {feed_guid: metal-showcase}}\n", "VAL018",
     F + "remote_item.feed_guid", "error", "'metal-showcase'"),
    ("feed guid missing", f"    - {{start: 1, duration: 5, remote_item: {{item_guid: '{SONG_ITEM}'}}}}\n", "VAL018",
     F + "remote_item.feed_guid", "error", "got nothing"),
    ("both", f"    - {{start: 1, duration: 5, {GUEST}, {REMOTE}}}\n", "VAL019", F + "remote_item", "error", "not both"),
    ("neither", "    - {start: 1, duration: 5}\n", "VAL019", F + "recipients", "error", "needs 'recipients:'"),
    ("empty recipients", "    - {start: 1, duration: 5, recipients: []}\n", "VAL019", F + "recipients", "error",
     "needs 'recipients:'"),
    ("percentage with recipients", f"    - {{start: 1, duration: 5, remote_percentage: 50, {GUEST}}}\n", "VAL019",
     F + "remote_percentage", "error", "describe a remote_item"),
    ("fractional split", f"    - {{start: 1, duration: 5, recipients: [{{name: G, address: {GUEST_KEY}, split: 2.5}}]}}\n",
     "VAL007", F + "recipients[0].split", "error", "got 2.5"),
    ("payee twice in a split", f"    - {{start: 1, duration: 5, recipients: [{{name: G, address: {GUEST_KEY}, split: 1}}, "
     f"{{name: G again, address: '{GUEST_KEY.upper()}', split: 2}}]}}\n", "VAL020", F + "recipients[1]", "warning",
     "twice"),
    ("misspelt key", f"    - {{start: 1, duration: 5, remote_precentage: 5, {REMOTE}}}\n", "SRC012",
     F + "remote_precentage", "error", "remote_percentage"),
]


@pytest.mark.parametrize(("what", "splits", "code", "field", "severity", "words"), BAD_SPLITS,
                         ids=[c[0] for c in BAD_SPLITS])
def test_each_mistake_in_a_time_split_is_one_problem_naming_key_and_fix(show: Path, what: str, splits: str, code: str,
                                                                        field: str, severity: str, words: str) -> None:
    problems = split_problems(show, splits)
    assert [(p.code, p.field, p.severity.value) for p in problems] == [(code, field, severity)], [p.line() for p in problems]
    (problem,) = problems
    assert problem.file == EPISODE and problem.episode == "003-capabilities-framework"
    assert words in problem.message + problem.hint and problem.hint


@pytest.mark.parametrize(("duration", "reported"), [(6, False), (7, True)])
def test_a_split_ending_a_fraction_of_a_second_past_the_audio_is_not_reported(show: Path, duration: int,
                                                                              reported: bool) -> None:
    """The 003 audio is 20.584 s; a split written to the end of the editor's timeline (21 s) is rounding, not a
    mistake: VAL015 is for a split that runs on past the end by more than a second (22 s)."""
    problems = split_problems(show, f"    - {{start: 15, duration: {duration}, {GUEST}}}\n")
    assert [(p.code, p.severity.value) for p in problems] == ([("VAL015", "warning")] if reported else [])
    assert not reported or "5.584" in problems[0].hint


def test_every_split_inside_a_long_one_overlaps_it(show: Path, tmp_path: Path) -> None:
    """Not only the next one: a clip and a song both inside a twelve-second interview are two overlaps."""
    problems = split_problems(show, f"    - {{start: 1, duration: 12, {GUEST}}}\n    - {{start: 3, duration: 1, {REMOTE}}}\n"
                                    f"    - {{start: 6, duration: 2, {REMOTE}}}\n    - {{start: 13, duration: 2, {REMOTE}}}\n")
    assert [(p.code, p.field) for p in problems] == [("VAL016", "value.time_splits[1]"), ("VAL016", "value.time_splits[2]")]
    feed = with_value(f'<{S} startTime="60" duration="600">{GUEST_XML}</{S}><{S} startTime="120" duration="60">'
                      f'{REMOTE_XML}</{S}><{S} startTime="300" duration="60">{REMOTE_XML}</{S}>'
                      f'<{S} startTime="660" duration="60">{REMOTE_XML}</{S}>')
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    found = [(p.code, p.message) for p in lint.lint_feed(str(tmp_path / "feed.xml")).problems if p.code.startswith("VAL")]
    assert [code for code, _ in found] == ["VAL016", "VAL016"]
    assert all("inside time split 1" in message for _, message in found)


def test_the_same_payee_twice_in_a_block_is_a_warning(show: Path) -> None:
    """The s12value leftover: one address (with the same custom record) given twice; apps pay it twice or drop one.
    The same node with another customKey/customValue is another wallet inside a shared node: not a duplicate."""
    twice = (f"[{{name: A, address: {HOST_KEY}, split: 1}}, {{name: B, address: {HOST_KEY}, split: 1}}, "
             f"{{name: C, address: {HOST_KEY}, split: 1, custom_key: 696969, custom_value: c}}]")
    problems = split_problems(show, f"    - {{start: 1, duration: 5, {REMOTE}}}\n", recipients=twice)
    assert [(p.code, p.field, p.severity) for p in problems] == [("VAL020", "value.recipients[1]", Severity.WARNING)]


def test_show_yml_takes_no_time_splits(show: Path) -> None:
    (show / "show.yml").write_text((show / "show.yml").read_text() + f"""
value:
  recipients: [{{name: Team, address: {HOST_KEY}, split: 1}}]
  time_splits: [{{start: 1, duration: 5, {REMOTE}}}]
""", encoding="utf-8")
    _, problems = load_show(show)
    (problem,) = [p for p in problems if p.severity is Severity.ERROR]
    assert (problem.code, problem.file, problem.field) == ("SRC010", "show.yml", "value.time_splits")
    assert "front matter" in problem.hint


# -- any feed: mediafeed check FEED ----------------------------------------------------------------------

GOOD = (Path(__file__).parent / "data" / "feeds" / "good.xml").read_text(encoding="utf-8")
ITEM1_GUID = '<guid isPermaLink="false">7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01</guid>'  # itunes:duration 1795


HOST_XML = f'<podcast:valueRecipient name="Host" type="node" address="{HOST_KEY}" split="1"/>'


def with_value(splits: str, recipients: str = HOST_XML, channel: bool = False) -> str:
    block = f'<podcast:value type="lightning" method="keysend">{recipients}{splits}</podcast:value>'
    if channel:
        return GOOD.replace("<item>", block + "<item>", 1)
    return GOOD.replace(ITEM1_GUID, ITEM1_GUID + block)


GUEST_XML = f'<podcast:valueRecipient name="Guest" type="node" address="{GUEST_KEY}" split="1"/>'
REMOTE_XML = f'<podcast:remoteItem feedGuid="{SONG_FEED}"/>'
S = "podcast:valueTimeSplit"
BAD_FEEDS = [
    # (what, feed text, [(code, severity, field)])
    ("no startTime", with_value(f'<{S} duration="60">{GUEST_XML}</{S}>'), [("VAL013", "error", S + "@startTime")]),
    ("duration in minutes", with_value(f'<{S} startTime="60" duration="3:00">{GUEST_XML}</{S}>'),
     [("VAL013", "error", S + "@duration")]),
    ("after the end", with_value(f'<{S} startTime="1800" duration="60">{GUEST_XML}</{S}>'),
     [("VAL014", "error", S + "@startTime")]),
    ("past the end", with_value(f'<{S} startTime="1700" duration="600">{GUEST_XML}</{S}>'),
     [("VAL015", "warning", S + "@duration")]),
    ("overlap", with_value(f'<{S} startTime="60" duration="600">{GUEST_XML}</{S}>'
                           f'<{S} startTime="120" duration="60">{REMOTE_XML}</{S}>'), [("VAL016", "error", S + "@startTime")]),
    ("percent over 100", with_value(f'<{S} startTime="60" duration="60" remotePercentage="150">{REMOTE_XML}</{S}>'),
     [("VAL017", "error", S + "@remotePercentage")]),
    ("feedGuid a url", with_value(f'<{S} startTime="60" duration="60"><podcast:remoteItem '
                                  f'feedGuid="https://example.org/feed.xml"/></{S}>'),
     [("VAL018", "error", S + "/podcast:remoteItem@feedGuid")]),
    ("both", with_value(f'<{S} startTime="60" duration="60">{REMOTE_XML}{GUEST_XML}</{S}>'), [("VAL019", "error", S)]),
    ("empty", with_value(f'<{S} startTime="60" duration="60"/>'), [("VAL019", "error", S)]),
    ("two remote items", with_value(f'<{S} startTime="60" duration="60">{REMOTE_XML}{REMOTE_XML}</{S}>'),
     [("VAL019", "error", S)]),
    ("payee twice", with_value(f'<{S} startTime="60" duration="60">{GUEST_XML}{GUEST_XML}</{S}>'),
     [("VAL020", "warning", "podcast:valueRecipient@address")]),
    ("split in the channel", with_value(f'<{S} startTime="60" duration="60">{REMOTE_XML}</{S}>', channel=True),
     [("VAL021", "warning", S)]),
]


@pytest.mark.parametrize(("what", "text", "expected"), BAD_FEEDS, ids=[c[0] for c in BAD_FEEDS])
def test_check_feed_reports_each_broken_time_split_of_a_served_feed(tmp_path: Path, what: str, text: str,
                                                                    expected: list[tuple[str, str, str]]) -> None:
    (tmp_path / "feed.xml").write_text(text, encoding="utf-8")
    with SiteServer(tmp_path) as server:
        result = CliRunner().invoke(main, ["check", server.url + "feed.xml", "--format", "json"])
    assert "Traceback" not in result.output
    found = [(p["code"], p["severity"], p["field"]) for p in json.loads(result.stdout)["problems"] if p["code"].startswith("VAL")]
    assert found == expected
    assert result.exit_code == (1 if any(severity == "error" for _, severity, _ in expected) else 0)


def test_check_feed_reads_numbers_written_without_a_leading_or_trailing_digit_as_apps_do(tmp_path: Path) -> None:
    """Apps read the times with JavaScript's Number or Swift's Double: ".5" and "5." are numbers there, and were
    VAL013 errors here."""
    feed = with_value(f'<{S} startTime=".5" duration="5." remoteStartTime="2.">{REMOTE_XML}</{S}>'
                      f'<{S} startTime="6" duration="2.5" remotePercentage=".5">{REMOTE_XML}</{S}>')
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "feed.xml"), "--format", "json"])
    assert [p["code"] for p in json.loads(result.stdout)["problems"] if p["code"].startswith("VAL")] == []
    (tmp_path / "feed.xml").write_text(feed.replace('startTime=".5"', 'startTime="."'), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "feed.xml"), "--format", "json"])
    assert [p["code"] for p in json.loads(result.stdout)["problems"] if p["code"].startswith("VAL")] == ["VAL013"]


def test_check_feed_is_silent_on_the_namespace_examples_and_not_on_one_overlap(tmp_path: Path) -> None:
    good = with_value(f'<{S} startTime="60" duration="237" remotePercentage="95"><podcast:remoteItem itemGuid="{SONG_ITEM}" '
                      f'feedGuid="{SONG_FEED}" medium="music"/></{S}>'
                      f'<{S} startTime="330" duration="53.5" remoteStartTime="174">{REMOTE_XML}</{S}>'
                      f'<{S} startTime="400" duration="20"><podcast:valueRecipient name="Host" type="node" '
                      f'address="{HOST_KEY}" split="85"/>{GUEST_XML}</{S}>')
    (tmp_path / "feed.xml").write_text(good, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "feed.xml"), "--format", "json"])
    assert [p for p in json.loads(result.stdout)["problems"] if p["code"].startswith("VAL")] == []
    assert violations(good.encode()) == []
    (tmp_path / "feed.xml").write_text(good.replace('startTime="400"', 'startTime="350"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "feed.xml"), "--format", "json"])
    assert [(p["code"], p["message"]) for p in json.loads(result.stdout)["problems"] if p["code"].startswith("VAL")] == [
        ("VAL016", "time split 3 starts at 00:05:50, inside time split 2 (00:05:30 to 00:06:23)")]


def test_the_namespace_rules_catch_broken_time_splits(tmp_path: Path) -> None:
    """podcast_rules can fail on each valueTimeSplit rule the feed tests rely on."""
    bad = with_value(f'<{S} duration="x" remotePercentage="150">{REMOTE_XML}{GUEST_XML}</{S}>'
                     f'<{S} startTime="1" duration="2" colour="red"/>', channel=True).encode()
    found = "\n".join(violations(bad))
    for expected in ("missing required attribute startTime", "duration='x' has the wrong form",
                     "remotePercentage='150' is over 100", "attribute colour is not defined",
                     "needs exactly one podcast:remoteItem or one or more podcast:valueRecipient",
                     "a valueTimeSplit in the channel's block"):
        assert expected in found, expected
    (tmp_path / "feed.xml").write_bytes(bad)  # mediafeed's own check agrees
    assert {p.code for p in lint.lint_feed(str(tmp_path / "feed.xml")).problems if p.code.startswith("VAL")} == {
        "VAL013", "VAL017", "VAL019", "VAL021"}
    stray = GOOD.replace(ITEM1_GUID, ITEM1_GUID + f'<{S} startTime="1" duration="2">{REMOTE_XML}</{S}>').encode()
    assert "podcast:valueTimeSplit in item: parent must be one of ('value',)" in violations(stray)


# -- incremental builds, old caches, import --------------------------------------------------------------

def no_change(show: Path) -> None:
    pass


@pytest.mark.parametrize(("before", "change"), [
    (no_change, add_splits),
    (add_splits, lambda show: edit(show / EPISODE, 'duration: "00:00:08.5"', "duration: 9")),
    (add_splits, lambda show: edit(show / EPISODE, "remote_percentage: 95", "remote_percentage: 90")),
], ids=["add splits", "change a duration", "change a percentage"])
def test_adding_or_changing_a_split_incrementally_gives_the_clean_builds_bytes(show: Path, tmp_path: Path, before,
                                                                                change) -> None:
    before(show)
    first = (build(show, now=NOW).output / "feed.xml").read_bytes()
    change(show)
    second = build(show, now=NOW)
    feed = (second.output / "feed.xml").read_bytes()
    assert feed != first and b"podcast:valueTimeSplit" in feed
    assert_same_as_clean(show, second.output, tmp_path, now=NOW)


def test_import_keeps_an_episodes_time_splits_and_says_what_the_channel_lost(tmp_path: Path) -> None:
    old = copy_show(tmp_path / "old")
    add_splits(old)
    site = tmp_path / "old-site"
    with old_host(old, site, now=NOW) as base:
        feed = site / "feed.xml"  # a channel-level block with a split, which show.yml does not take
        channel_block = (f'<podcast:value type="lightning" method="keysend"><podcast:valueRecipient name="Team" type="node" '
                         f'address="{HOST_KEY}" split="1"/><podcast:valueTimeSplit startTime="1" duration="2">'
                         f'<podcast:remoteItem feedGuid="{SONG_FEED}"/></podcast:valueTimeSplit></podcast:value>')
        text = feed.read_text(encoding="utf-8")
        feed.write_text(text.replace("<item>", channel_block + "<item>", 1), encoding="utf-8")
        result = CliRunner().invoke(main, ["import", base + "feed.xml", "--show", str(tmp_path / "new"), "--download",
                                           "--url", "https://podcast.example.org/safe-to-say/"])
        assert result.exit_code == 0, result.output
    assert "IMP023" in result.output
    report = build(tmp_path / "new", tmp_path / "new-site", now=NOW)
    assert not any(p.code.startswith("VAL") for p in report.problems)
    old_value = etree.tostring(item_value(feed.read_bytes()), with_tail=False)
    new_feed = (report.output / "feed.xml").read_bytes()
    assert etree.tostring(item_value(new_feed), with_tail=False) == old_value
    new_channel = etree.fromstring(new_feed).find("channel").find(P + "value")
    assert new_channel is not None and new_channel.find(P + "valueTimeSplit") is None


def test_a_cached_value_block_without_time_splits_is_read_again(show: Path, tmp_path: Path) -> None:
    """A cached value block without the time_splits field (a row of another layout; the cache's code fingerprint
    keeps other versions' rows out) does not load: the episode is read again, never loaded without its splits."""
    add_splits(show)
    build(show, now=NOW)
    index = [f.name for f in fields(Episode)].index("value")
    db = sqlite3.connect(show / CACHE_DIR / "cache.sqlite")
    changed = 0
    for key, row in db.execute("SELECT k, v FROM episode").fetchall():
        length, _, rest = row.partition(":")
        head = json.loads(rest[:int(length)])
        for block in head[0][index] if head[0] else []:
            del block["time_splits"]
            changed += 1
            with pytest.raises(TypeError):  # refused, not loaded with no splits
                codec.load_fields(Episode, head[0])
        text = json.dumps(head, separators=(",", ":"), ensure_ascii=False)
        db.execute("UPDATE episode SET v = ? WHERE k = ?", (f"{len(text)}:{text}{rest[int(length):]}", key))
    db.commit()
    db.close()
    assert changed == 1
    edit(show / "episodes/001-ipv-and-substance-use/episode.md", "title: Not the Cause", "title: Never the Cause")
    report = build(show, now=NOW)
    feed = (report.output / "feed.xml").read_bytes()  # written again, with the episode read from its source again
    assert b"Never the Cause" in feed and feed.count(b"<podcast:valueTimeSplit ") == 2
    assert_same_as_clean(show, report.output, tmp_path, now=NOW)


def test_the_time_split_example_in_the_docs_is_read_without_a_problem() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "feeds.md").read_text(encoding="utf-8")
    section = docs.split("### Paying others for a stretch of an episode", 1)[1]
    example = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
    reader = FieldReader(example, EPISODE, "003-capabilities-framework")
    (value,) = parse_values(reader)
    assert reader.problems == []
    guest, song = value.time_splits
    assert (guest.start, guest.duration, [r.split for r in guest.recipients]) == (250, 1290, [50, 50])
    assert (song.start, song.duration, song.remote_start, song.remote_percentage) == (1620, 237.5, 0, 90)
    assert song.remote_item is not None and song.remote_item.medium == "music" and not song.recipients
    xml = section.split("```xml\n", 1)[1].split("```", 1)[0]
    assert 'startTime="250" duration="1290"' in xml and 'remoteStartTime="0" remotePercentage="90"' in xml


@pytest.mark.parametrize("seconds,text", [(-0.0001, "0"), (-0.0, "0"), (0.0004, "0"), (-1.5, "-1.5"), (7.0004, "7"),
                                          (59.9999, "60"), (0.25, "0.25")])
def test_a_time_within_half_a_millisecond_of_zero_is_written_without_a_sign(seconds: float, text: str) -> None:
    """``seconds_text(-0.0001)`` (a hint's "shorten its 'duration' to …" computed a hair under zero) wrote ``-0``."""
    from mediafeed.value import seconds_text

    assert seconds_text(seconds) == text
