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
    assert f"{name}: malformed YAML (line " in said and "has no digits" in said and "[SRC002]" in said
