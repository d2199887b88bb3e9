"""Value for Value (``podcast:value`` with ``podcast:valueRecipient``) and comments (``podcast:socialInteract``):
from show.yml and front matter to the feed, every mistake a problem naming file, key and fix.

The sample show (a university research team) has no Lightning wallet: these tests add value blocks to a private
copy of it. The node keys below are made up for the tests (66 hex digits, the form of a key); the Lightning
addresses are at example domains.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from helpers import add_episode, copy_show
from lxml import etree
from podcast_rules import NS, violations
from siteserver import old_host
from test_feed_namespace import podcastparser_read
from test_incremental import assert_same_as_clean, edit

from mediafeed import lint
from mediafeed.build import BuildFailed, build
from mediafeed.cache import CACHE_DIR
from mediafeed.cli import main
from mediafeed.config import load_show
from mediafeed.errors import Severity
from mediafeed.model import Episode

P = "{%s}" % NS
NOW = datetime.fromisoformat("2026-06-01T00:00:00+00:00")
HOST_KEY = "02" + "1a" * 32
GUEST_KEY = "03" + "2b" * 32
EPISODE = "episodes/003-capabilities-framework/episode.md"
EPISODE_GUID_LINE = "title: What Practitioners Need to Know"

SHOW_VALUE = f"""
value:
  type: lightning
  method: keysend
  suggested: 0.00000005000
  recipients:
    - name: Safe to Say team
      type: node
      address: {HOST_KEY}
      split: 95
    - name: Hosting app
      address: app@wallet.example
      split: 5
      fee: true
      custom_key: 696969
      custom_value: safetosay
social:
  - {{protocol: activitypub, uri: "https://scholar.example/@safetosay/1", account_id: "@safetosay@scholar.example",
      account_url: "https://scholar.example/@safetosay", priority: 1}}
  - {{protocol: atproto, uri: "at://did:plc:abc123/app.bsky.feed.post/3kxyz", account_id: safetosay.example, priority: 2}}
"""
EPISODE_VALUE = f"""{EPISODE_GUID_LINE}
value:
  suggested: 0.00000010
  recipients:
    - {{name: Safe to Say team, address: {HOST_KEY}, split: 50}}
    - {{name: Prof. Lena Hart (guest), type: lnaddress, address: lena@wallet.example, split: 50}}
social: disabled"""


def add_value(show: Path) -> None:
    (show / "show.yml").write_text((show / "show.yml").read_text(encoding="utf-8") + SHOW_VALUE, encoding="utf-8")


def add_episode_value(show: Path) -> None:
    edit(show / EPISODE, EPISODE_GUID_LINE, EPISODE_VALUE)


def feed_of(show: Path) -> bytes:
    return (build(show, now=NOW).output / "feed.xml").read_bytes()


def recipients(value: etree._Element) -> list[dict[str, str]]:
    return [dict(r.attrib) for r in value.findall(P + "valueRecipient")]


# -- into the feed ---------------------------------------------------------------------------------------

def test_show_and_episode_value_and_social_reach_the_feed_as_the_namespace_writes_them(show: Path) -> None:
    add_value(show)
    add_episode_value(show)
    feed = feed_of(show)
    assert violations(feed) == []
    channel = etree.fromstring(feed).find("channel")
    (value,) = channel.findall(P + "value")
    assert dict(value.attrib) == {"type": "lightning", "method": "keysend", "suggested": "0.00000005000"}
    assert recipients(value) == [
        {"name": "Safe to Say team", "type": "node", "address": HOST_KEY, "split": "95"},
        {"name": "Hosting app", "type": "lnaddress", "address": "app@wallet.example", "customKey": "696969",
         "customValue": "safetosay", "split": "5", "fee": "true"}]
    assert [dict(s.attrib) for s in channel.findall(P + "socialInteract")] == [
        {"protocol": "activitypub", "uri": "https://scholar.example/@safetosay/1", "accountId": "@safetosay@scholar.example",
         "accountUrl": "https://scholar.example/@safetosay", "priority": "1"},
        {"protocol": "atproto", "uri": "at://did:plc:abc123/app.bsky.feed.post/3kxyz", "accountId": "safetosay.example",
         "priority": "2"}]
    items = {item.findtext("title"): item for item in channel.iter("item")}
    overridden = items["What Practitioners Need to Know"]
    (own,) = overridden.findall(P + "value")  # the item's block replaces the channel's for this episode
    assert dict(own.attrib) == {"type": "lightning", "method": "keysend", "suggested": "0.00000010"}
    assert [(r["name"], r["type"], r["split"]) for r in recipients(own)] == [
        ("Safe to Say team", "node", "50"), ("Prof. Lena Hart (guest)", "lnaddress", "50")]
    assert [dict(s.attrib) for s in overridden.findall(P + "socialInteract")] == [{"protocol": "disabled"}]
    others = [item for title, item in items.items() if title != "What Practitioners Need to Know"]
    assert others and all(item.find(P + "value") is None and item.find(P + "socialInteract") is None for item in others)


def test_a_feed_with_value_blocks_still_reads_cleanly_with_feedparser_and_podcastparser(show: Path) -> None:
    add_value(show)
    add_episode_value(show)
    feed = feed_of(show)
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 6
    read = podcastparser_read(feed)
    assert len(read["episodes"]) == 6 and read["title"] == "Safe to Say"


def test_the_episode_page_links_where_the_comments_live_and_nothing_when_they_are_off(show: Path) -> None:
    """Apps show the thread from the feed; a reader of the episode page had no way to it. The show's threads,
    main first, link the post (https) or, for a post without a web address (at://), the account's page when given;
    an episode with 'social: disabled' has no Comments section."""
    add_value(show)
    add_episode_value(show)
    out = build(show, now=NOW).output
    page = etree.parse(str(out / "episodes/001-ipv-and-substance-use/index.html"), etree.HTMLParser())
    section = page.xpath("//section[@class='comments']")
    assert len(section) == 1 and section[0].xpath("string(h2)") == "Comments"
    links = [(a.text, a.get("href")) for a in section[0].xpath(".//a")]
    # the Bluesky thread has only an at:// URI and no account page: not a link a browser can open
    assert links == [("Comment on the fediverse (Mastodon) (@safetosay@scholar.example)", "https://scholar.example/@safetosay/1")]
    off = etree.parse(str(out / "episodes/003-capabilities-framework/index.html"), etree.HTMLParser())
    assert off.xpath("//section[@class='comments']") == [] and off.xpath("//h2[.='Comments']") == []


def test_a_show_builds_and_checks_clean_with_value_and_social(show: Path) -> None:
    add_value(show)
    report = build(show, now=NOW)
    codes = {p.code for p in report.problems}
    assert not codes & {"PI004", "SRC012", "SRC010"}, codes
    assert not any(p.code.startswith(("VAL", "SOC")) for p in report.problems)
    checked = lint.lint_feed(str(report.output / "feed.xml"))  # the feed rules any feed is held to
    assert not any(p.code == "PI004" for p in checked.problems)  # at:// is the atproto post's own URI
    assert not any(p.code.startswith(("VAL", "SOC")) for p in checked.problems)


def test_a_warning_about_the_source_is_reported_once_with_its_key(show: Path) -> None:
    """The show's feed is held to the feed rules too; what the source rules already said is not said again."""
    (show / "show.yml").write_text((show / "show.yml").read_text() + one_recipient(name=None), encoding="utf-8")
    report = build(show, now=NOW)
    assert [(p.code, p.file, p.field) for p in report.problems if p.code.startswith("VAL")] == [
        ("VAL011", "show.yml", "value.recipients[0].name")]
    checked = lint.lint_feed(str(report.output / "feed.xml"))
    assert [(p.code, p.field) for p in checked.problems if p.code.startswith("VAL")] == [
        ("VAL011", "podcast:valueRecipient@name")]


def test_an_episode_without_value_keeps_none_and_a_show_without_value_writes_none(show: Path) -> None:
    feed = feed_of(show)
    assert b"podcast:value" not in feed and b"socialInteract" not in feed


def test_several_value_blocks_and_a_scientific_suggested_amount(show: Path) -> None:
    (show / "show.yml").write_text((show / "show.yml").read_text() + f"""
value:
  - {{method: amp, suggested: 5.0e-08, recipients: [{{name: Team, address: {HOST_KEY}, split: 1}}]}}
  - {{type: bitcoin, method: default, recipients: [{{name: Team, type: wallet, address: bc1qexample, split: 1}}]}}
""", encoding="utf-8")
    feed = feed_of(show)
    values = etree.fromstring(feed).find("channel").findall(P + "value")
    assert [(v.get("type"), v.get("method"), v.get("suggested")) for v in values] == [
        ("lightning", "amp", "0.00000005"), ("bitcoin", "default", None)]
    assert violations(feed) == []


# -- every mistake is a problem with a code, the key and the fix ---------------------------------------------

def show_problems(show: Path, yaml: str) -> list:
    (show / "show.yml").write_text((show / "show.yml").read_text(encoding="utf-8") + yaml, encoding="utf-8")
    loaded, problems = load_show(show)
    assert loaded is not None
    return [p for p in problems if p.code.startswith(("VAL", "SOC", "SRC"))]


def one_recipient(**fields_: object) -> str:
    entry = {"name": "Team", "type": "node", "address": HOST_KEY, "split": 100, **fields_}
    return "\nvalue:\n  recipients:\n    - " + json.dumps({k: v for k, v in entry.items() if v is not None}) + "\n"


#: one recipient whose split is written as it is (unquoted: YAML's own reading of it)
RAW_SPLIT = "\nvalue:\n  recipients:\n    - {name: Team, type: node, address: %s, split: %%s}\n" % HOST_KEY

BAD_SHOWS = [
    # (what, show.yml addition, code, field, severity, words of the message)
    ("no recipients", "\nvalue: {type: lightning, method: keysend}\n", "VAL001", "value.recipients", "error", "at least one recipient"),
    ("empty recipients", "\nvalue: {recipients: []}\n", "VAL001", "value.recipients", "error", "at least one recipient"),
    ("value is text", "\nvalue: lots\n", "SRC010", "value", "error", "expected a mapping"),
    ("lightning by paypal", "\nvalue: {method: paypal, recipients: [{name: A, address: %s, split: 1}]}\n" % HOST_KEY,
     "VAL002", "value.method", "error", "not 'paypal'"),
    ("empty type", "\nvalue: {type: '', recipients: [{name: A, address: %s, split: 1}]}\n" % HOST_KEY,
     "VAL002", "value.type", "error", "needs a type"),
    ("unknown type", "\nvalue: {type: dogecoin, method: default, recipients: [{name: A, type: wallet, address: D1, split: 1}]}\n",
     "VAL003", "value.type", "warning", "value slug list"),
    ("short node key", one_recipient(address=HOST_KEY[:-2]), "VAL005", "value.recipients[0].address", "error", "64 characters"),
    ("node key starting 04", one_recipient(address="04" + HOST_KEY[2:]), "VAL005", "value.recipients[0].address", "error",
     "starting 02 or 03"),
    ("node key not hex", one_recipient(address=HOST_KEY[:-1] + "g"), "VAL005", "value.recipients[0].address", "error", "hex"),
    ("lnaddress without domain", one_recipient(type="lnaddress", address="maya@"), "VAL006", "value.recipients[0].address",
     "error", "name@wallet.example"),
    ("address of no known form", one_recipient(type=None, address="maya"), "VAL004", "value.recipients[0].type", "error",
     "cannot tell"),
    ("no address", one_recipient(address=None), "VAL004", "value.recipients[0].address", "error", "needs an address"),
    ("wallet in lightning", one_recipient(type="wallet"), "VAL004", "value.recipients[0].type", "error", "'node' or an 'lnaddress'"),
    ("split zero", one_recipient(split=0), "VAL007", "value.recipients[0].split", "error", "got 0"),
    ("split fraction", one_recipient(split=12.5), "VAL007", "value.recipients[0].split", "error", "got 12.5"),
    ("split missing", one_recipient(split=None), "VAL007", "value.recipients[0].split", "error", "got nothing"),
    ("split text", one_recipient(split="half"), "VAL007", "value.recipients[0].split", "error", "got 'half'"),
    # YAML's other ways of writing a number were read as it reads them (0x10 as 16 shares, 1:30 as 90), and a split of
    # 23 digits was published though no app's integer holds it
    ("split in hex", RAW_SPLIT % "0x10", "VAL007", "value.recipients[0].split", "error",
     "in decimal digits, 1 or more; got 0x10"),
    ("split in base 60", RAW_SPLIT % "1:30", "VAL007", "value.recipients[0].split", "error", "got 1:30"),
    ("split with underscores", RAW_SPLIT % "1_000", "VAL007", "value.recipients[0].split", "error", "got 1_000"),
    ("split of 23 digits", RAW_SPLIT % ("9" * 23), "VAL007", "value.recipients[0].split", "error", "at most 18 digits"),
    # YAML 1.1 reads 050 as octal 40 (published until session 26), the digits say 50: read as 50 since, without a word
    ("split with a leading zero", RAW_SPLIT % "050", "VAL007", "value.recipients[0].split", "error",
     "got 050, which YAML reads as 40 (a leading zero makes an octal number) and the digits say 50"),
    ("split in exponent form", RAW_SPLIT % "'1e3'", "VAL007", "value.recipients[0].split", "error", "got '1e3'"),
    ("fee not boolean", one_recipient(fee="sometimes"), "SRC010", "value.recipients[0].fee", "error", "true or false"),
    ("fees over 100", "\nvalue:\n  recipients:\n    - {name: A, address: %s, split: 1}\n"
     "    - {name: B, address: b@wallet.example, split: 60, fee: true}\n"
     "    - {name: C, address: c@wallet.example, split: 41, fee: true}\n" % HOST_KEY,
     "VAL008", "value.recipients", "error", "add up to 101 percent"),
    ("only fees", "\nvalue:\n  recipients:\n    - {name: B, address: b@wallet.example, split: 5, fee: true}\n",
     "VAL012", "value.recipients", "warning", "goes to nobody"),
    ("suggested words", "\nvalue: {suggested: five sats, recipients: [{name: A, address: %s, split: 1}]}\n" % HOST_KEY,
     "VAL009", "value.suggested", "error", "0.00000005"),
    ("suggested negative", "\nvalue: {suggested: -1, recipients: [{name: A, address: %s, split: 1}]}\n" % HOST_KEY,
     "VAL009", "value.suggested", "error", "-1"),
    # published as 401 digits, 400 decimals, and YAML's 16 and 1000
    ("suggested 1e400", "\nvalue: {suggested: 1e400, recipients: [{name: A, address: %s, split: 1}]}\n" % HOST_KEY,
     "VAL009", "value.suggested", "error", "'1e400' is more bitcoin than there will ever be"),
    ("suggested 1e-400", "\nvalue: {suggested: 1e-400, recipients: [{name: A, address: %s, split: 1}]}\n" % HOST_KEY,
     "VAL009", "value.suggested", "error", "'1e-400' is finer than a millisatoshi"),
    ("suggested in hex", "\nvalue: {suggested: 0x10, recipients: [{name: A, address: %s, split: 1}]}\n" % HOST_KEY,
     "VAL009", "value.suggested", "error", "in decimal digits, such as 0.00000005 (5 sats); got '0x10'"),
    ("suggested with underscores", "\nvalue: {suggested: 0.000_000_05, recipients: [{name: A, address: %s, split: 1}]}\n"
     % HOST_KEY, "VAL009", "value.suggested", "error", "got '0.000_000_05'"),
    ("custom key alone", one_recipient(custom_key=696969), "VAL010", "value.recipients[0].custom_value", "error", "go together"),
    ("custom key small", one_recipient(custom_key=7, custom_value="x"), "VAL010", "value.recipients[0].custom_key", "error",
     "65536"),
    ("recipient without name", one_recipient(name=None), "VAL011", "value.recipients[0].name", "warning", "without a name"),
    ("recipient key misspelt", one_recipient(adress="x"), "SRC012", "value.recipients[0].adress", "error", "unknown key"),
    ("social without protocol", "\nsocial: [{uri: 'https://scholar.example/@a/1', account_id: '@a'}]\n",
     "SOC001", "social[0].protocol", "error", "required"),
    ("social bluesky", "\nsocial: [{protocol: bluesky, uri: 'https://bsky.app/profile/a/post/1', account_id: a}]\n",
     "SOC001", "social[0].protocol", "error", "'bluesky' is not a protocol"),
    ("social without uri", "\nsocial: [{protocol: activitypub, account_id: '@a'}]\n", "SOC002", "social[0].uri", "error",
     "required but missing"),
    ("social over http", "\nsocial: [{protocol: activitypub, uri: 'http://scholar.example/@a/1', account_id: '@a'}]\n",
     "SOC002", "social[0].uri", "error", "https"),
    ("social at:// for activitypub", "\nsocial: [{protocol: activitypub, uri: 'at://did:plc:a/post/1', account_id: '@a'}]\n",
     "SOC002", "social[0].uri", "error", "https"),
    ("account url over http", "\nsocial: [{protocol: activitypub, uri: 'https://s.example/@a/1', account_id: '@a', "
     "account_url: 'http://s.example/@a'}]\n", "SOC002", "social[0].account_url", "error", "https"),
    ("disabled with a uri", "\nsocial: [{protocol: disabled, uri: 'https://s.example/@a/1'}]\n", "SOC003", "social[0]",
     "error", "stands alone"),
    ("disabled beside a thread", "\nsocial: [disabled, {protocol: activitypub, uri: 'https://s.example/@a/1', "
     "account_id: '@a'}]\n", "SOC003", "social", "error", "at once"),
    ("two threads without priority", "\nsocial:\n  - {protocol: activitypub, uri: 'https://s.example/@a/1', account_id: '@a'}\n"
     "  - {protocol: nostr, uri: 'nostr:nevent1abc', account_id: npub1abc}\n", "SOC004", "social", "warning", "priority"),
    ("thread without account", "\nsocial: [{protocol: activitypub, uri: 'https://s.example/@a/1'}]\n", "SOC005",
     "social[0].account_id", "warning", "no account_id"),
    ("priority negative", "\nsocial: [{protocol: activitypub, uri: 'https://s.example/@a/1', account_id: '@a', priority: -1}]\n",
     "SRC010", "social[0].priority", "error", "0 or more"),
]


@pytest.mark.parametrize(("what", "yaml", "code", "field", "severity", "words"), BAD_SHOWS, ids=[c[0] for c in BAD_SHOWS])
def test_each_mistake_in_show_yml_is_one_problem_naming_key_and_fix(show: Path, what: str, yaml: str, code: str,
                                                                    field: str, severity: str, words: str) -> None:
    problems = show_problems(show, yaml)
    assert [(p.code, p.field, p.severity.value) for p in problems] == [(code, field, severity)], [p.line() for p in problems]
    (problem,) = problems
    assert problem.file == "show.yml" and words in problem.message + problem.hint
    assert problem.hint or problem.code == "SRC012"


@pytest.mark.parametrize("yaml", [
    SHOW_VALUE,
    one_recipient(address=HOST_KEY.upper()),  # upper-case hex: the same key
    "\nsocial: disabled\n",
    "\nsocial: [{protocol: nostr, uri: 'nostr:nevent1qqs8example', account_id: npub1example}]\n",
    "\nvalue: {type: lightning, method: lnaddress, recipients: [{name: A, address: a@wallet.example, split: 3},"
    " {name: B, address: %s, split: 1, fee: true}]}\n" % GUEST_KEY,
], ids=["full example", "upper-case key", "comments off", "nostr", "lnaddress method"])
def test_correct_blocks_raise_nothing(show: Path, yaml: str) -> None:
    assert show_problems(show, yaml) == []


def test_an_upper_case_node_key_is_written_in_lower_case(show: Path) -> None:
    show_problems(show, one_recipient(address=HOST_KEY.upper()))
    loaded, _ = load_show(show)
    assert loaded is not None and loaded.value[0].recipients[0].address == HOST_KEY


def test_mistakes_in_the_front_matter_name_the_episode_file_and_stop_the_build(show: Path) -> None:
    add_episode(show, "950-value", f"""
title: A value test
date: 2026-04-01T08:00:00+00:00
guid: 5d0c2f40-9a55-4c4a-8a57-0f8a3e3b9a01
audio: audio.mp3
value:
  recipients:
    - {{name: Guest, address: "{GUEST_KEY[:40]}", split: 1}}
social:
  - {{protocol: mastodon, uri: "https://scholar.example/@a/1", account_id: "@a"}}
""")
    with pytest.raises(BuildFailed) as info:
        build(show, now=NOW)
    found = {(p.code, p.file, p.field, p.episode) for p in info.value.problems if p.severity is Severity.ERROR}
    rel = "episodes/950-value/episode.md"
    assert ("VAL004", rel, "value.recipients[0].type", "950-value") in found  # 40 hex digits: no kind of address
    assert ("SOC001", rel, "social[0].protocol", "950-value") in found
    assert any("write 'protocol: activitypub'" in p.hint for p in info.value.problems)


# -- incremental builds ------------------------------------------------------------------------------------

@pytest.mark.parametrize("change", [add_value, add_episode_value], ids=["show.yml", "front matter"])
def test_adding_value_incrementally_gives_the_clean_builds_bytes(show: Path, tmp_path: Path, change) -> None:
    build(show, now=NOW)
    change(show)
    second = build(show, now=NOW)
    assert second.written and b"podcast:value" in (second.output / "feed.xml").read_bytes()
    assert_same_as_clean(show, second.output, tmp_path, now=NOW)


def test_an_episode_row_cached_before_value_and_social_existed_is_read_again(show: Path, tmp_path: Path) -> None:
    """A cache written by a mediafeed without the two new Episode fields holds shorter rows: they are parsed again,
    never loaded into the wrong fields, and the build is the clean build's."""
    add_episode_value(show)
    build(show, now=NOW)
    names = [f.name for f in fields(Episode)]
    drop = sorted((names.index("value"), names.index("social")), reverse=True)
    db = sqlite3.connect(show / CACHE_DIR / "cache.sqlite")
    for key, row in db.execute("SELECT k, v FROM episode").fetchall():
        length, _, rest = row.partition(":")
        head = json.loads(rest[:int(length)])
        for index in drop:
            del head[0][index]
        text = json.dumps(head, separators=(",", ":"), ensure_ascii=False)
        db.execute("UPDATE episode SET v = ? WHERE k = ?", (f"{len(text)}:{text}{rest[int(length):]}", key))
    db.commit()
    db.close()
    edit(show / "episodes/001-ipv-and-substance-use/episode.md", "title: Not the Cause", "title: Never the Cause")
    report = build(show, now=NOW)
    feed = (report.output / "feed.xml").read_bytes()  # the episode with a value block came from its source again
    assert b'suggested="0.00000010"' in feed and b'protocol="disabled"' in feed and b"Never the Cause" in feed
    assert_same_as_clean(show, report.output, tmp_path, now=NOW)


def test_the_example_in_the_docs_is_read_without_a_problem(show: Path) -> None:
    docs = (Path(__file__).parent.parent / "docs" / "feeds.md").read_text(encoding="utf-8")
    section = docs.split("## Value for Value and comments", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert show_problems(show, "\n" + example) == []
    loaded, _ = load_show(show)
    assert loaded is not None
    assert [(r.type, r.split, r.fee) for r in loaded.value[0].recipients] == [
        ("node", 90, False), ("lnaddress", 10, False), ("lnaddress", 2, True)]
    assert loaded.social[0].priority == 1


def test_import_keeps_the_value_blocks_and_comment_threads_of_the_old_feed(tmp_path: Path) -> None:
    """A show moving to mediafeed keeps being paid: import writes the feed's value blocks and threads as keys,
    and the new build writes the same elements."""
    old = copy_show(tmp_path / "old")
    add_value(old)
    add_episode_value(old)
    site = tmp_path / "old-site"
    with old_host(old, site, now=NOW) as base:
        result = CliRunner().invoke(main, ["import", base + "feed.xml", "--show", str(tmp_path / "new"), "--download",
                                           "--url", "https://podcast.example.org/safe-to-say/"])
        assert result.exit_code == 0, result.output
    report = build(tmp_path / "new", tmp_path / "new-site", now=NOW)
    assert not any(p.code.startswith(("VAL", "SOC")) for p in report.problems)

    def elements(feed: Path) -> list[tuple[str, str, str]]:
        root = etree.parse(str(feed)).getroot()
        found = []
        for parent in [root.find("channel"), *root.iter("item")]:
            where = parent.findtext("guid") or "channel"
            for element in parent:
                if element.tag in (P + "value", P + "socialInteract"):
                    found.append((where, element.tag, etree.tostring(element, with_tail=False).decode()))
        return found

    old_elements = elements(site / "feed.xml")
    assert len(old_elements) == 5  # the show's value block and two threads, an episode's block and 'disabled'
    assert elements(report.output / "feed.xml") == old_elements


def test_the_namespace_rules_catch_broken_value_and_social_elements() -> None:
    """podcast_rules can fail on every value and socialInteract rule the feed tests rely on."""
    bad = f"""<rss xmlns:podcast="{NS}" version="2.0"><channel>
      <podcast:value type="lightning" method="paypal" suggested="5 sats">
        <podcast:valueRecipient type="node" address="{HOST_KEY[:-2]}" split="0"/>
        <podcast:valueRecipient type="lnaddress" address="maya@" split="60" fee="yes" customKey="696969"/>
        <podcast:valueRecipient type="wallet" address="x" split="50" fee="true"/>
        <podcast:valueRecipient type="node" address="{HOST_KEY}" split="51" fee="true"/>
      </podcast:value>
      <podcast:value type="dogecoin" method="default"/>
      <podcast:socialInteract protocol="disabled" uri="https://s.example/@a/1"/>
      <podcast:socialInteract protocol="mastodon" uri="http://s.example/@a/1" accountUrl="http://s.example/@a" priority="one"/>
      <podcast:socialInteract protocol="activitypub"/>
      <item><podcast:valueRecipient type="node" address="{HOST_KEY}" split="1"/></item></channel></rss>""".encode()
    found = "\n".join(violations(bad))
    for expected in ("method='paypal' is not a Lightning method", "suggested='5 sats' has the wrong form",
                     "is not a node public key", "split='0' has the wrong form", "fee='yes' has the wrong form",
                     "address='maya@' is not a Lightning address", "customKey and customValue go together",
                     "type='wallet' is not a Lightning recipient type", "fee splits add up to 101 percent",
                     "type='dogecoin' is not in the value slug list", "needs at least one podcast:valueRecipient",
                     "protocol='disabled' must stand alone", "protocol='mastodon' has the wrong form",
                     "uri='http://s.example/@a/1' has the wrong form", "accountUrl='http://s.example/@a' has the wrong form",
                     "priority='one' has the wrong form", "podcast:socialInteract in channel: missing required attribute uri",
                     "podcast:valueRecipient in item: parent must be one of"):
        assert expected in found, expected
