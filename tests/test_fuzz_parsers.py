"""A bounded, deterministic fuzz of the parsers that read what a producer writes by hand.

Session 23 fuzzed the command line for hours' worth of cases (its findings are the regression tests in
test_fuzzed_inputs.py). This keeps the cheap half running in CI: each parser is given a few hundred inputs
made of the pieces that broke parsers before (numeric references, number tags, brackets, time stamps, control
characters), always the same ones (``derandomize``), and must answer with problems, never an exception.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediafeed import chapters, notes, source, transcripts

FUZZ = settings(max_examples=150, derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))

TIMED = ["00:00:00", "0:00", "99:99:99", "-1", "1e400", "nan", " ", "\t", "\n", "\r\n", "\r", "-->",
         "00:00:01.000 --> 00:00:02.000", "00:00:01,000 --> 00:00:02,000", "WEBVTT", "<v A>", "</v>", "<b>",
         "<00:00:01.000>", "NOTE", "1", "&#0;", "&#xFFFE;", "\x00", "\ufeff", "\u202e", "x", "https://x/", "(", ")"]
MARKDOWN = ["&#x%X;" % code for code in (0, 1, 0x7F, 0x92, 0xD800, 0xFDD0, 0xFFFE, 0xFFFF, 0x10FFFF, 0x110000)] + [
    "# ", "> ", "- ", "1. ", "```", "`", "*", "_", "[", "](", ")", "<", ">", "&", "|", "---", "\n", "\n\n", "    ",
    "<script>", "<img src=x onerror=y>", "[x](javascript:x)", "![a](b)", "<!--", "<table>", "<td>", "[^1]: x",
    "- [ ] ", "www.x.y", "\x01", "\u2028", "\ufffe", "a\u0301"]
YAML = ["title: x", "a: [", "b: {", "- ", "? ", ": ", "&a ", "*a", "!!binary ", "!!timestamp ", "!!int ", "!!float ",
        "!!bool ", "<<: ", "\n", "  ", "'", '"', "\\x00", "\\uD800", "2026-01-01", "T25:00:00", "+99:00", "1e400",
        ".nan", "0x1F", "1_0", "_", "+", "---\n", "|", ">", "#", "\t", "~", "yes", "[]", "{}", ","]
KEYS = ["startTime", "endTime", "title", "url", "img", "toc", "location", "name", "geo", "body", "speaker"]


def joined(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces) | st.text(max_size=3), max_size=40).map("".join)


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(TIMED),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4),
    max_leaves=12)


@FUZZ
@given(joined(TIMED))
def test_chapters_txt(text: str) -> None:
    found, _ = chapters.parse_text(text, "chapters.txt")
    chapters.validate(found, "chapters.txt", 30.0)


@FUZZ
@given(json_values)
def test_chapters_json(value: Any) -> None:
    found, _ = chapters.parse_json(json.dumps({"version": "1.2.0", "chapters": value}), "chapters.json")
    chapters.validate(found, "chapters.json", 30.0)
    chapters.to_json(found, "An episode", "A show")


@FUZZ
@given(joined(TIMED), st.sampled_from(["text/vtt", "application/x-subrip"]))
def test_transcripts(text: str, mime: str) -> None:
    cues, _ = transcripts.parse(text, mime, "transcript")
    transcripts.validate(cues, "transcript", 30.0)
    transcripts.to_srt(cues), transcripts.to_vtt(cues), transcripts.paragraphs(cues)


@FUZZ
@given(json_values)
def test_transcript_json(value: Any) -> None:
    transcripts.check_json(json.dumps({"version": "1.0.0", "segments": value}), "transcript.json", 30.0)


@FUZZ
@given(joined(MARKDOWN))
def test_notes(markdown: str) -> None:
    html = notes.render(markdown, "https://example.org/show/episodes/x/").html
    assert "\ufffe" not in html and "<script" not in html and "onerror" not in html


@FUZZ
@given(joined(YAML))
def test_yaml(text: str) -> None:
    data, _ = source.load_yaml(text, "show.yml")
    if data is not None:
        source.scrub_values(data, "show.yml")


def test_running_the_fuzz_leaves_the_folder_it_runs_in_as_it_was(tmp_path: Path) -> None:
    """pytest run from the checkout (or anywhere): hypothesis wrote its caches to ``.hypothesis/`` there, ~100 files
    of ``constants/`` in the repository root after every run; now they go under the tests' temp folder."""
    here = tmp_path / "checkout"
    here.mkdir()
    before = sorted(path.name for path in ROOT.iterdir())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("HYPOTHESIS_STORAGE_DIRECTORY", None)  # (the outer run's own fixture set it)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp",
                           str(tmp_path / "inner"), "-k", "not leaves_the_folder", str(Path(__file__))],
                          cwd=here, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "passed" in done.stdout
    assert list(here.iterdir()) == []  # was [.hypothesis]
    assert sorted(path.name for path in ROOT.iterdir()) == before
