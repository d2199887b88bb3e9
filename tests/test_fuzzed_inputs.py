"""Inputs that a fuzzer found to break a promise, each cut down to the few characters that did it.

Session 23 ran ``check`` and ``build`` (the real command line, in a copy of the sample show) on random front
matter, notes, show.yml, chapter and transcript files and damaged feeds. The promises: a problem names its file,
field and fix and the exit code is 0, 1 or 2, never 3 ("this is a bug"); a built feed is well-formed XML; pages
carry no live code from the input. Each case below broke one of them before its fix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from helpers import ROOT
from lxml import etree

from mediafeed.notes import render

EPISODE = "episodes/001-ipv-and-substance-use/episode.md"


def mediafeed(show: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediafeed", *args], capture_output=True, text=True, cwd=show,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


def add_to_notes(show: Path, text: str) -> None:
    path = show / EPISODE
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("reference", ["&#xFFFE;", "&#xffff;", "&#65534;", "&#65535;"])
def test_a_reference_to_a_noncharacter_in_the_notes_is_dropped_like_the_character(reference: str) -> None:
    # cmark wrote these two as the lone bytes 0xFE and 0xFF: "Internal error: UnicodeDecodeError", exit code 3
    assert render(f"a{reference}b \ufffe c").html == render("ab \ufffe c").html == "<p>ab  c</p>"
    assert "\ufffe" not in render(f"![x{reference}](https://example.org/x.png)").html


def test_check_and_build_take_notes_with_a_noncharacter_reference(show: Path) -> None:
    add_to_notes(show, "\nA stray &#xFFFE; reference.\n")
    for command in ("check", "build"):
        done = mediafeed(show, command)
        assert done.returncode == 0, done.stderr
        assert "Internal error" not in done.stderr
    data = (show / "public" / "feed.xml").read_bytes()
    etree.fromstring(data, etree.XMLParser(recover=False))
    assert feedparser.parse(data).bozo == 0
    assert b"A stray  reference." in data


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(("name", "text", "code"), [
    ("episodes/005-european-review/chapters.json", '{"version": "1.2.0", "chapters": %s}', "CHP002"),
    ("episodes/003-capabilities-framework/transcript.json", '{"version": "1.0.0", "segments": %s}', "TRN008"),
    ("published.json", '{"episodes": %s}', "LED000"),
])
@pytest.mark.parametrize("depth", [600, 100_000])
def test_json_nested_a_thousand_deep_is_a_problem_not_a_recursion_error(show: Path, name: str, text: str, code: str,
                                                                        depth: int) -> None:
    # json's decoder is recursive: 100,000 "[" was "Internal error: RecursionError" (exit code 3), and 600 passed it
    # only to break the walk that scrubs a chapters file's values
    (show / name).write_text(text % nested(depth), encoding="utf-8")
    done = mediafeed(show, "check")
    assert done.returncode == 1, done.stderr
    assert f"{name}: " in done.stdout + done.stderr and f"[{code}]" in done.stdout + done.stderr
    assert "nest more than 100 levels deep" in done.stdout + done.stderr


def test_load_json_counts_brackets_in_strings_as_text() -> None:
    from mediafeed.source import load_json

    deep_text = ["[" * 500 + '\\"' + "{" * 500]
    assert load_json(json.dumps(deep_text)) == deep_text
    assert load_json("\ufeff" + json.dumps([nested(99)])) == [nested(99)]
    with pytest.raises(json.JSONDecodeError, match="nest more than 100 levels deep"):
        load_json(nested(101))


def test_json_nested_deep_is_refused_before_parsing_in_a_small_stack_and_under_a_low_recursion_limit() -> None:
    # json's decoder recurses in C: 100,000 "[" parsed in a thread with a 64 KiB stack (musl's default is 128 KiB)
    # ends the interpreter with a segmentation fault before Python's recursion limit is reached; the depth is
    # therefore judged before parsing (not by catching RecursionError), in a thread as in the main one
    import mediafeed

    code = """if True:
        import json, sys, threading
        from mediafeed.source import load_json
        said = []
        def read(text):
            try:
                load_json(text, [])
            except json.JSONDecodeError as exc:
                said.append(exc.msg)
        threading.stack_size(64 * 1024)
        for text in ("[" * 100_000 + "]" * 100_000, '{"a": ' * 101 + "1" + "}" * 101):
            thread = threading.Thread(target=read, args=(text,))
            thread.start()
            thread.join()
        sys.setrecursionlimit(120)
        read("[" * 100_000)
        print(said)
    """
    env = {**os.environ, "PYTHONPATH": str(Path(mediafeed.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(["arrays and objects nest more than 100 levels deep"] * 3)


@pytest.mark.parametrize(("name", "old", "new"), [
    (EPISODE, "season: 1\n", "season: !!int\n"),
    (EPISODE, "episode: 1\n", "episode: !!float\n"),
    ("show.yml", "explicit: false\n", "explicit: false\nfeed_limit: !!int _\n"),
])
def test_a_number_tag_on_a_value_without_digits_is_malformed_yaml_at_its_line(show: Path, name: str, old: str,
                                                                              new: str) -> None:
    # PyYAML's int and float constructors read the sign of a value it never checked has a character: IndexError,
    # which was "Internal error: IndexError: string index out of range" (exit code 3)
    path = show / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    done = mediafeed(show, "check")
    said = done.stdout + done.stderr
    assert done.returncode in (1, 2), said
    field = new.strip().splitlines()[-1].split(":")[0]
    assert f"{name}: {field}: malformed YAML (line " in said and "[SRC002]" in said
    assert "has no digits" in said or "number, got nothing" in said


CHAPTERS = "episodes/005-european-review/chapters.json"
TRANSCRIPT = "episodes/003-capabilities-framework/transcript.json"


@pytest.mark.parametrize(("name", "text", "code", "key", "lines"), [
    (CHAPTERS, '{"version": "1.2.0",\n "chapters": [{"startTime": 0, "title": "Sixty evaluations"}],\n "chapters": []}',
     "CHP002", "chapters", "lines 2 and 3"),
    (CHAPTERS, '{"version": "1.2.0", "chapters": [\n {"startTime": 0, "title": "Sixty", "title": "evaluations"}]}',
     "CHP002", "chapters[0].title", "both on line 2"),
    (TRANSCRIPT, '{"version": "1.0.0",\n "segments": [{"startTime": 0, "endTime": 1.5, "body": "Hello"}],\n'
     ' "segments": []}', "TRN008", "segments", "lines 2 and 3"),
    ("published.json", None, "LED000", "episodes.012780e6-d0de-4a11-88cf-d5e6df48880d", ""),
])
def test_a_key_written_twice_with_another_value_in_a_json_file_is_an_error_at_its_lines(
        show: Path, name: str, text: str | None, code: str, key: str, lines: str) -> None:
    # json keeps the last of two keys without a word: a second, empty "chapters" list published the episode without
    # chapters, and a GUID written twice in published.json (a merge) dropped its first record, while YAML refuses both
    if text is None:  # the first episode's record again, at the end of "episodes", with another enclosure URL
        ledger = (show / name).read_text(encoding="utf-8")
        record = ledger[ledger.index('    "012780e6'):ledger.index("    },", ledger.index('    "012780e6')) + 5]
        text = ledger.replace("\n  }\n}", ",\n" + record.replace(".mp3", "-v2.mp3").rstrip() + "\n  }\n}")
        assert json.loads(text)["episodes"]["012780e6-d0de-4a11-88cf-d5e6df48880d"]["enclosure"].endswith("-v2.mp3")
        lines = f"lines 9 and {text[:text.rindex(record[:15])].count(chr(10)) + 1}"
    (show / name).write_text(text, encoding="utf-8")
    done = mediafeed(show, "check")
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    [line] = [line for line in said.splitlines() if f"[{code}]" in line and "written twice" in line]
    assert line.lstrip().startswith(f"error {name}: {key}: ")
    assert f"with different values ({lines})" in line and "the first is lost" in line and "merge the two" in line


def test_a_key_written_twice_with_the_same_value_is_a_warning_and_the_file_is_used(show: Path) -> None:
    path = show / CHAPTERS
    path.write_text(path.read_text(encoding="utf-8").replace('"chapters"', '"version": "1.2.0",\n  "chapters"'),
                    encoding="utf-8")
    done = mediafeed(show, "build")
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert f"warning {CHAPTERS}: version: 'version' is written twice with the same value (lines 2 and 3)" in said
    published = json.loads((show / "public" / "episodes" / "005-european-review" / "chapters.json").read_text())
    assert [c["title"] for c in published["chapters"]][0] == "Sixty evaluations"


def test_load_json_finds_repeated_keys_only_when_asked_and_names_their_place() -> None:
    from mediafeed.source import RepeatedKey, load_json

    text = ('{"a": [1, {"b": "x\\"y,[", "c": {}, "b": "z"}],\n "d": {"e": 1, "e": 1},\n'
            ' "https://example.org/a.png": 1, "https://example.org/a.png": 2}')
    assert load_json(text) == {"a": [1, {"b": "z", "c": {}}], "d": {"e": 1}, "https://example.org/a.png": 2}
    repeated: list[RepeatedKey] = []
    assert load_json(text, repeated) == load_json(text)
    assert repeated == [RepeatedKey("b", "a[1].b", 1, 1, False), RepeatedKey("e", "d.e", 2, 2, True),
                        RepeatedKey("https://example.org/a.png", "https://example.org/a.png", 3, 3, False)]
    clean: list[RepeatedKey] = []
    load_json('{"a": {"b": 1}, "c": {"b": 1}}', clean)  # the same key in two objects is no repetition
    assert clean == []


@pytest.mark.parametrize(("name", "old", "new", "field", "said"), [
    (EPISODE, "explicit: false\n", "explicit: !!bool\n", "explicit", "'!!bool' needs true or false, got nothing"),
    (EPISODE, "explicit: false\n", "explicit: !!bool maybe\n", "explicit",
     "'maybe' is not true or false: YAML's are true, false, yes, no, on and off"),
    (EPISODE, "date: 2026-01-19T08:00:00+00:00\n", "date: !!timestamp\n", "date",
     "'!!timestamp' needs a date and time, got nothing"),
    (EPISODE, "date: 2026-01-19T08:00:00+00:00\n", "date: !!timestamp soon\n", "date",
     "'soon' is not a real date and time: it is not written as a date"),
    (EPISODE, "season: 1\n", "season: !!int x\n", "season", "'x' is not a whole number: it is not written in digits"),
    (EPISODE, "season: 1\n", "season: !!map x\n", "season", "'!!map' needs a mapping, got 'x'"),
    # 'season: !!null 3' read as no season without a word (PyYAML's '!!null' makes nothing of any text)
    (EPISODE, "season: 1\n", "season: !!null 3\n", "season", "'!!null' needs nothing, got '3'"),
    ("show.yml", "category: Science\n", "category: !!null Science\n", "category", "'!!null' needs nothing, got 'Science'"),
    (EPISODE, "guid: 012780e6", "guid: !!set x\nx: 012780e6", "guid", "'!!set' needs a mapping of keys without values"),
    (EPISODE, "episode: 1\n", "episode: !!omap [1]\n", "episode", "'!!omap' needs a list of one-key mappings, got a list"),
    ("show.yml", "explicit: false\n", "explicit: !!bool\n", "explicit", "'!!bool' needs true or false, got nothing"),
    ("show.yml", "  name: Safe to Say research team\n", "  name: !!seq\n", "owner.name", "'!!seq' needs a list, got nothing"),
    ("show.yml", "title: Safe to Say\n", "title: !!str [1]\n", "title", "'!!str' needs text, got a list"),
])
def test_a_yaml_tag_on_a_value_it_cannot_make_names_the_field_its_line_and_the_fix(
        show: Path, name: str, old: str, new: str, field: str, said: str) -> None:
    # '!!bool' with no value said "'' is not true or false: ''", '!!timestamp' "'NoneType' object has no attribute
    # 'groupdict'" and '!!map x' "not enough values to unpack (expected 2, got 1)", with no line: none named the key
    path = show / name
    text = path.read_text(encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = mediafeed(show, "check")
    output = done.stdout + done.stderr
    assert done.returncode in (1, 2), output  # (2: show.yml unreadable, nothing else checked)
    [problem] = [row for row in output.splitlines() if "[SRC002]" in row]
    assert f"{name}: {field}: malformed YAML (line {line}, column " in problem and said in problem
    assert "after the tag, e.g. '" in problem and "' out" in problem
    assert not any(word in output for word in ("NoneType", "attribute", "unpack", "Node", "invalid literal", "int()"))


@pytest.mark.parametrize(("key", "value", "said"), [
    ("explicit", "!!binary aGVsbG8=", "expected true or false, got binary data (a '!!binary' value)"),
    ("explicit", "2026-01-01", "expected true or false, got 2026-01-01"),
    ("explicit", "!!set {a, b}", "expected true or false, got a set (a '!!set' value)"),
    ("date", "!!binary ''", "expected a date with time and time zone, got binary data (a '!!binary' value)"),
])
def test_a_value_of_another_kind_is_named_in_words_not_as_python_writes_it(show: Path, key: str, value: str,
                                                                           said: str) -> None:
    # "got b'hello'", "got datetime.date(2026, 1, 1)", "got {'a', 'b'}", "got b''": Python's spelling of what YAML made
    path = show / EPISODE
    text = path.read_text(encoding="utf-8")
    start = text.index(f"\n{key}: ") + 1
    path.write_text(text[:start] + f"{key}: {value}" + text[text.index("\n", start):], encoding="utf-8")
    done = mediafeed(show, "check")
    output = done.stdout + done.stderr
    assert f"{EPISODE}: {key}: {said} " in output, output
    assert "b'" not in output and "datetime" not in output


@pytest.mark.parametrize(("name", "old", "new", "said"), [
    ("show.yml", "seasons:\n  1: Foundations\n", "seasons:\n  1: [Foundations, Basics]\n",
     "seasons: expected 'NUMBER: name' lines, got 1: a list"),
    ("show.yml", "links:\n", "links:\n  Mastodon: [https://a.example/, https://b.example/]\n",
     "links: expected 'Label: https://…' lines, got 'Mastodon': a list"),
    ("show.yml", "  rrule: FREQ=MONTHLY\n", "  rrule: FREQ=MONTHLY\n  dtstart: [2026-09-01]\n",
     "update_frequency.dtstart: expected an ISO 8601 date or date-time, got a list"),
    ("show.yml", "locked: true\n", "locked: true\ntxt:\n  - {purpose: [verify], value: abc123}\n",
     "txt: expected text or {purpose: …, value: …}, got a mapping whose purpose is a list"),
    (EPISODE, "season: 1\n", "season: !!bool true\n", "season: expected a whole number, got true"),
    (EPISODE, "explicit: false\n", "explicit: false\nvalue: !!timestamp 2026-01-01\n",
     "value: expected a mapping with 'recipients', got 2026-01-01"),
    (EPISODE, "explicit: false\n", "explicit: false\nchapters:\n  - {start: 0, title: !!binary aGVsbG8=}\n",
     "chapters[0].title: a chapter title must be text, got binary data (a '!!binary' value)"),
    (EPISODE, "explicit: false\n", "explicit: false\nchapters:\n  - {start: !!set {a}, title: Start}\n",
     "chapters[0].start: missing or invalid start: a set (a '!!set' value)"),
])
def test_messages_name_values_in_words_not_as_python_writes_them(show: Path, name: str, old: str, new: str,
                                                                 said: str) -> None:
    # "got 1: ['Foundations', 'Basics']", "got ['2026-09-01']", "got True", "got datetime.date(2026, 1, 1)",
    # "got b'hello'"; a txt purpose that was a list was published as "['verify']", a chapter title of binary data as
    # "b'hello'"
    path = show / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = mediafeed(show, "check")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert f"{name}: {said}" in output, output
    assert not any(python in output for python in ("['", "b'", "datetime", "True", "{'"))


def test_add_names_the_title_in_the_quotes_of_the_other_messages(show: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner
    from helpers import make_media

    from mediafeed.cli import main

    audio = make_media(tmp_path / "take.mp3", "mp3", 1.0)
    result = CliRunner().invoke(main, ["add", str(audio), "--show", str(show), "--title", "Don't panic", "--date",
                                       "2026-04-01"])
    assert result.exit_code == 0, result.output
    assert "Added 'Don't panic' (published on next build)" in result.output  # not Python's "Don't panic"


@pytest.mark.parametrize(("line", "field", "said"), [
    ("license: !!timestamp 2026-01-01", "license",
     "expected a licence identifier such as CC-BY-4.0 or {name: …, url: https://…}, got 2026-01-01"),
    ("license: true", "license", "expected a licence identifier such as CC-BY-4.0 or {name: …, url: https://…}, got"),
    ("location: [Manchester, !!binary aGVsbG8=]", "location[1]",
     "expected a place name or a mapping {name, geo, osm, rel, country}, got binary data (a '!!binary' value)"),
    ("location: !!omap [a: 1]", "location[0]", "expected a place name or a mapping {name, geo, osm, rel, country}, got a pair"),
    ("transcript: !!binary aGVsbG8=", "transcript",
     "expected a file name or {file: …, language: …}, got binary data (a '!!binary' value)"),
    ("transcript: !!set {a.vtt}", "transcript", "expected a file name or {file: …, language: …}, got a set"),
])
def test_a_tagged_value_of_another_kind_is_an_error_naming_the_field_never_dropped(show: Path, line: str, field: str,
                                                                                   said: str) -> None:
    # a licence that was a date or true, a place in a list that was binary data or an '!!omap' pair: dropped without a
    # word (no podcast:license, one podcast:location fewer); a transcript of another kind: "file not found: b'hello'"
    path = show / EPISODE
    path.write_text(path.read_text(encoding="utf-8").replace("\nkeywords:", f"\n{line}\nkeywords:", 1), encoding="utf-8")
    done = mediafeed(show, "check")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert f"{EPISODE}: {field}: {said}" in output, output
    assert "b'" not in output and "{'" not in output and "('" not in output


def test_numbers_tagged_or_not_are_a_place_and_a_licence_as_written(show: Path) -> None:
    path = show / EPISODE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "\nkeywords:", "\nlicense: !!int 0BSD\nlocation: [!!int 10115, Berlin]\nkeywords:", 1), encoding="utf-8")
    done = mediafeed(show, "check")
    assert "'0BSD' is not a whole number" in done.stdout + done.stderr  # (an identifier tagged as a number)
    path.write_text(path.read_text(encoding="utf-8").replace("!!int 0BSD", "!!str 0BSD"), encoding="utf-8")
    done = mediafeed(show, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    feed = (show / "public/feed.xml").read_text(encoding="utf-8")
    assert "<podcast:license>0BSD</podcast:license>" in feed and "<podcast:location>10115</podcast:location>" in feed


@pytest.mark.parametrize("geo", ["geo:1e400,5", "geo:91,5", "geo:5,-181", "geo:nan,1", "geo:north,south"])
def test_a_chapter_location_that_is_no_place_on_earth_is_refused(show: Path, geo: str) -> None:
    # 'geo:1e400,5' (a latitude of infinity) was published in chapters.json as written, while the show's own
    # podcast:location refused it
    path = show / CHAPTERS
    path.write_text(path.read_text(encoding="utf-8").replace(
        '"title": "Sixty evaluations"}', f'"title": "Sixty evaluations", "location": {{"name": "Here", "geo": "{geo}"}}}}'),
        encoding="utf-8")
    done = mediafeed(show, "check")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert f"error {CHAPTERS}: chapters[0].location.geo: '{geo}' is not a place: a geo URI (RFC 5870)" in output
    assert "[CHP003]" in output


def test_a_chapter_location_on_earth_is_published_with_its_geo_uri(show: Path) -> None:
    path = show / CHAPTERS
    path.write_text(path.read_text(encoding="utf-8").replace('"title": "Sixty evaluations"}', '"title": "Sixty '
                    'evaluations", "location": {"name": "Austin, TX", "geo": "GEO:30.2672,-97.7431;u=10"}}'),
                    encoding="utf-8")
    done = mediafeed(show, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    published = json.loads((show / "public" / "episodes" / "005-european-review" / "chapters.json").read_text())
    assert published["chapters"][0]["location"] == {"name": "Austin, TX", "geo": "geo:30.2672,-97.7431;u=10"}


@pytest.mark.parametrize(("line", "field", "said"), [
    ("~: x", "null", "unknown key"),
    ("null: x", "null", "unknown key"),
    ("!!binary aGk=: x", "!!binary aGk=", "unknown key"),
    ("yes: x", "true", "unknown key"),
    ("0x1F: x", "0x1F", "unknown key"),
    ("explicit: \"it's\"", "explicit", "expected true or false, got 'it's'"),
    ("explicit: 'a\\b'", "explicit", "expected true or false, got 'a\\b'"),
    ("explicit: 007", "explicit", "expected true or false, got 007"),
    ("explicit: .inf", "explicit", "expected true or false, got .inf"),
    ("explicit: -.INF", "explicit", "expected true or false, got -.INF"),
    ("explicit: 1.50", "explicit", "expected true or false, got 1.50"),
])
def test_keys_and_values_in_messages_are_shown_as_yaml_writes_them(show: Path, line: str, field: str, said: str) -> None:
    """SRC012 named a null key `None` and a binary one `b'hi'` (Python's spelling), and what arrived was quoted with
    Python's repr: `"it's"`, `'a\\\\b'`, `7` for the 007 written, `inf` (text, in YAML) for `.inf`."""
    from mediafeed import lint

    path = show / EPISODE
    text = path.read_text(encoding="utf-8")
    if line.startswith("explicit:"):
        text = text.replace("explicit: false\n", "")
    path.write_text(text.replace("\n---\n", f"\n{line}\n---\n", 1), encoding="utf-8")
    said_there = [(p.field, p.message) for p in lint.lint_show(show).problems if p.file.endswith("episode.md")]
    assert (field, said) in said_there, said_there
