"""Hostile text inside a show: YAML typed by hand or crafted, chapters with impossible values or live links.

Each case either refuses with a problem naming the file, the field and the fix (exit 1 or 2, never 3 or a
crash), or builds output that is inert and valid.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, add_episode

from mediafeed.build import BuildFailed, build
from mediafeed.errors import InputError

GUID = "6a3c0c2e-5a0e-4b8e-9a7e-1b2c3d4e5f60"
FRONT = f"title: Hostile\ndate: 2026-03-20T08:00:00+00:00\nguid: {GUID}\naudio: audio.mp3\n"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediafeed", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, timeout=120)


def _refused(show: Path) -> list:
    with pytest.raises(BuildFailed) as info:
        build(show, accept_changes=True)
    return [p for p in info.value.problems if p.severity.value == "error"]


# -- YAML ---------------------------------------------------------------------------------------------------


def test_a_key_written_twice_in_front_matter_is_refused_with_both_lines_of_the_file(show: Path) -> None:
    """PyYAML keeps the second value silently: the title a producer corrected higher up was lost."""
    add_episode(show, "006-twice", FRONT + "summary: x\ntitle: Second thoughts\n")
    [problem] = _refused(show)
    assert (problem.code, problem.file) == ("SRC002", "episodes/006-twice/episode.md")
    # the file's own line numbers: '---' is line 1, the first title line 2
    assert "line 7, column 1): the key 'title' appears twice (first on line 2)" in problem.message
    assert "delete one" in problem.hint


def test_a_key_written_twice_in_show_yml_is_refused(show: Path) -> None:
    config = show / "show.yml"
    config.write_text(config.read_text() + "title: Another title\n")
    with pytest.raises(InputError) as info:
        build(show)
    [problem] = info.value.problems
    assert problem.code == "SRC002" and "the key 'title' appears twice (first on line 3)" in problem.message


def test_keys_merged_from_an_anchor_may_still_be_overridden(show: Path) -> None:
    config = show / "show.yml"
    config.write_text(config.read_text().replace("owner:\n", "owner: &owner\n") + "x-owner: &o {name: A, email: a@example.org}\n")
    add_episode(show, "006-merge", FRONT + "persons:\n  - &p {name: Ann, role: host}\n  - <<: *p\n    name: Bob\n")
    problems = _refused(show)  # only the unknown key of show.yml, nothing about the merge
    assert [(p.code, p.field) for p in problems] == [("SRC012", "x-owner")]


@pytest.mark.parametrize("yaml,reason", [
    ("keywords: " + "[" * 150 + "]" * 150, "nest more than 100 levels deep"),
    ("keywords:\n  " + "- " * 150 + "x", "nest more than 100 levels deep"),
    ("keywords: &k [a, *k]", "refers to a value that contains it"),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi")) + "keywords: *i",
     "expand to more than 100,000 values"),
    # few values, but one long text many times: 110 aliases of 100,000 characters are 11 million, from 100 KB of YAML
    # (20,000 aliases of a million characters, 60 KB, were 20 GB of keywords: 200 took 1.3 GB and 24 s to check)
    ("summary: &s '" + "word " * 20_000 + "'\nkeywords: [" + ", ".join(["*s"] * 110) + "]",
     "expand to more than 10,000,000 characters of text"),
], ids=["flow", "block", "loop", "billion-laughs", "long-text-laughs"])
def test_front_matter_that_nests_or_expands_without_end_is_refused(show: Path, yaml: str, reason: str) -> None:
    add_episode(show, "006-bomb", FRONT + yaml + "\n")
    [problem] = _refused(show)
    assert problem.code == "SRC002" and reason in problem.message, problem


@pytest.mark.parametrize("values", [
    "keywords: [" + ",".join(["a"] * 150_000) + "]",  # 300 KB on one line (a million of them, 2 MB, took 8 s to parse)
    "keywords:\n" + "".join(f"  - k{n:06d}\n" for n in range(150_000)),  # 400,000 (4.8 MB) took 3.5 s and 230 MB
], ids=["flow", "block"])
def test_front_matter_of_too_many_values_is_refused_without_aliases(show: Path, values: str) -> None:
    """Only values that aliases made were counted: without an alias nothing bounded them but the file's size."""
    add_episode(show, "006-many", FRONT + values, audio_name="")
    [problem] = _refused(show)
    assert (problem.code, problem.file) == ("SRC002", "episodes/006-many/episode.md")
    # the file's own lines ('---' is line 1); eleven values come before the list's items (the document, four keys and
    # their values, 'keywords' and its list), whose first is on line 7
    line = 6 if values.startswith("keywords: [") else 7 + 100_000 - 11
    assert problem.message == ("malformed YAML: more than 100,000 values (keys, texts and list items): the one past "
                               f"the limit is on line {line:,}"), problem.message
    config = show / "show.yml"  # the same for show.yml (and an ordinary file's size is no trouble)
    config.write_text(config.read_text() + values.replace("keywords", "x-keywords", 1))
    with pytest.raises(InputError) as info:
        build(show)
    assert [p.code for p in info.value.problems] == ["SRC002"] and "more than 100,000 values" in \
        info.value.problems[0].message


@pytest.mark.parametrize("value,said", [
    ('!!python/object/apply:os.system ["touch pwned"]', "'!!python/object/apply:os.system' would make a Python object, "
     "which mediafeed never does: it reads YAML safely, and nothing in it runs"),
    ("!!python/name:os.system", "'!!python/name:os.system' would make a Python object"),
    ("!!custom x", "'!!custom' is none of YAML's own tags (!!str, !!int, …)"),
])
def test_a_python_tag_is_refused_as_such_not_hinted_as_a_value_to_write(show: Path, value: str, said: str) -> None:
    """'!!python/object/apply:os.system [...]' was "needs its kind of value, got a list — write its kind of value
    after the tag, e.g. 'summary: !!python/object/apply:os.system'": the fix kept the tag (and nothing ran)."""
    add_episode(show, "006-tag", FRONT + f"summary: {value}\n", audio_name="")
    [problem] = _refused(show)
    assert (problem.code, problem.field) == ("SRC002", "summary") and said in problem.message, problem.message
    tag = value.split()[0]
    assert problem.hint == f"leave '{tag}' out and write the value itself"
    assert not (show / "pwned").exists() and not Path("pwned").exists()


def test_front_matter_of_a_comment_with_an_asterisk_is_named_not_an_internal_error(show: Path) -> None:
    """Front matter commented out whole ("# title: *Draft*"): the size check of values aliases make ran on the
    empty document and stopped check and build with "Internal error: TypeError" (exit 3)."""
    add_episode(show, "006-comment", "# title: *Draft*, guid and date to come\n", audio_name="")
    done = _run("check", cwd=show)
    assert done.returncode == 1 and "Internal error" not in done.stdout + done.stderr, done.stdout + done.stderr
    assert "episodes/006-comment/episode.md: title: required but missing" in done.stdout, done.stdout


def test_deeply_nested_yaml_does_not_crash_the_interpreter(show: Path) -> None:
    """libyaml's parser recurses: 100,000 nested lists ended the process with a segmentation fault (exit -11)."""
    for name, nested in (("006-flow", "[" * 100_000 + "]" * 100_000), ("006-block", "\n  " + "- " * 100_000 + "x")):
        add_episode(show, name, FRONT.replace(GUID, GUID[:-2] + name[-2:]) + "keywords: " + nested + "\n", audio_name="")
    done = _run("check", cwd=show)
    assert done.returncode == 1, done.stderr
    assert done.stdout.count("nest more than 100 levels deep") == 2, done.stdout


@pytest.mark.parametrize("date,reason", [("2026-02-30T08:00:00+00:00", "day is out of range for month"),
                                         ("2026-13-01T08:00:00+00:00", "month must be in 1..12"),
                                         ("2026-03-01T24:00:00Z", "hour must be in 0..23"), ("2026-02-29", "day is out")])
def test_a_date_that_does_not_exist_is_refused_at_its_line(show: Path, date: str, reason: str) -> None:
    """PyYAML's timestamp constructor raised ValueError through the loader: an internal error (exit 3)."""
    add_episode(show, "006-date", FRONT.replace("2026-03-20T08:00:00+00:00", date))
    [problem] = _refused(show)
    assert problem.code == "SRC002" and problem.file == "episodes/006-date/episode.md"
    assert problem.message.startswith(f"malformed YAML (line 3, column 7): '{date}' is not a real date and time: {reason}")
    assert problem.hint.startswith("write a date that exists")
    done = _run("check", cwd=show)
    assert done.returncode == 1 and "Internal error" not in done.stderr + done.stdout


# -- chapters ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name,text", [
    ("chapters.json", '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "a"}, {"startTime": 1e999, "title": "b"}]}'),
    ("chapters.json", '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "a"}, {"startTime": Infinity, "title": "b"}]}'),
    ("episode.md", "chapters:\n  - {start: 0, title: a}\n  - {start: .inf, title: b}"),
    ("episode.md", "chapters:\n  - {start: 0, title: a}\n  - {start: 'inf', title: b}"),
    ("episode.md", "chapters:\n  - {start: 0, title: a}\n  - {start: 'nan', title: b}"),
], ids=["json-1e999", "json-Infinity", "yaml-.inf", "text-inf", "text-nan"])
def test_a_chapter_start_that_is_not_a_finite_time_is_refused(show: Path, name: str, text: str) -> None:
    """float('inf') reached int(round(…)) when the time was printed: an internal error (exit 3)."""
    folder = add_episode(show, "006-chapters", FRONT + (text if name == "episode.md" else ""))
    if name != "episode.md":
        (folder / name).write_text(text)
    [problem] = _refused(show)
    assert (problem.code, problem.field) == ("CHP004", "chapters[1].start" + ("Time" if name != "episode.md" else ""))
    assert problem.file == f"episodes/006-chapters/{name}"


def test_a_soundbite_of_endless_duration_is_refused_where_it_is_written(show: Path) -> None:
    add_episode(show, "006-bite", FRONT + "soundbites:\n  - {start: 0, duration: .inf}\n  - {start: nan, duration: 1}")
    problems = _refused(show)
    assert [(p.code, p.field) for p in problems] == [("SRC010", "soundbites[0].start"), ("SRC010", "soundbites[1].start")]


def test_chapter_links_that_are_not_http_are_refused_and_published_nowhere(show: Path) -> None:
    """A javascript: chapter URL became a live link on the episode page and an href in the feed."""
    folder = add_episode(show, "006-links", FRONT)
    (folder / "chapters.json").write_text(
        '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "a", "url": "javascript:alert(1)",'
        ' "img": " JaVaScRiPt:alert(2)"}, {"startTime": 1, "title": ["b"]}, {"startTime": 1.5, "title": "c", "url": 7},'
        ' {"startTime": 2, "title": "d", "url": "https://example.org/d", "img": "https://example.org/d.png"}]}')
    problems = _refused(show)
    assert [(p.code, p.field) for p in problems] == [
        ("CHP003", "chapters[0].img"), ("CHP003", "chapters[0].url"), ("CHP003", "chapters[1].title"),
        ("CHP003", "chapters[2].url")]
    assert "expected an absolute http(s) URL, got 'javascript:alert(1)'" in problems[1].message
    assert not (show / "public" / "episodes" / "006-links").exists()


def test_chapter_links_over_http_are_published(show: Path) -> None:
    folder = add_episode(show, "006-links", FRONT)
    (folder / "chapters.json").write_text(
        '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "d", "url": " https://example.org/d",'
        ' "img": "https://example.org/d.png"}]}')
    site = build(show, accept_changes=True).output
    assert '<a href="https://example.org/d">d</a>' in (site / "episodes/006-links/index.html").read_text()
    assert 'href="https://example.org/d" image="https://example.org/d.png"' in (site / "feed.xml").read_text()


def test_numbers_in_text_fields_keep_the_digits_as_written(show: Path) -> None:
    """YAML 1.1 reads 9:30 as 570 (base 60), 007 as 7, 1.10 as 1.1: a title, GUID or txt value lost its text."""
    add_episode(show, "006-numbers", FRONT.replace("title: Hostile", "title: 9:30").replace(GUID, "0123")
                + "episode_display: 1.10\nkeywords: [007, 1_000]\ntxt: [{purpose: verify, value: 0123456}]\n"
                + "chapters:\n  - {start: 0, title: 24:7}\n  - {start: 1, title: 2.50}\nepisode: 007\n")
    report = build(show, accept_changes=True)
    feed = (report.output / "feed.xml").read_text()
    assert "<title>9:30</title>" in feed and '<guid isPermaLink="false">0123</guid>' in feed
    assert '<podcast:txt purpose="verify">0123456</podcast:txt>' in feed
    assert 'title="24:7"' in feed and 'title="2.50"' in feed
    assert "<itunes:episode>7</itunes:episode>" in feed and "<itunes:keywords>007, 1_000<" in feed
    page = (report.output / "episodes/006-numbers/index.html").read_text()
    assert "Episode 1.10" in page


# -- transcripts and chapter files ------------------------------------------------------------------------


@pytest.mark.parametrize("name,code,what", [("transcript.vtt", "TRN000", "transcript"), ("chapters.txt", "CHP002", "chapters file")])
def test_a_utf16_transcript_or_chapters_file_is_refused_with_the_fix(show: Path, name: str, code: str, what: str) -> None:
    """Windows tools export UTF-16: the problem was Python's decoder message, with no fix."""
    folder = add_episode(show, "006-utf16", FRONT)
    text = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi\n" if name.endswith(".vtt") else "00:00:00 Hi\n"
    (folder / name).write_text(text, encoding="utf-16")
    [problem] = _refused(show)
    assert (problem.code, problem.file) == (code, f"episodes/006-utf16/{name}")
    assert problem.message == "is saved as UTF-16 (it starts with UTF-16's byte order mark, FF FE), not as UTF-8"
    assert f"iconv -f UTF-16 -t UTF-8 episodes/006-utf16/{name} > " in problem.hint


_SHOW_TEXT = (ROOT / "show.yml").read_text(encoding="utf-8")
#: show.yml, an episode.md, a chapters file and a transcript, each with a line of curly quotes on line 3
_SOURCES = {
    "show.yml": _SHOW_TEXT.replace("title: Safe to Say", "title: \u201cSafe\u201d to Say"),
    "episodes/006-saved/episode.md": "---\nsummary: One\n" + FRONT.replace("title: Hostile", "title: \u201cHostile\u201d") + "---\n",
    "episodes/006-saved/chapters.txt": "00:00:00 Start\n00:00:01 Middle\n00:00:02 \u201cEnd\u201d\n",
    "episodes/006-saved/transcript.vtt": "WEBVTT\n\n\u201cHi\u201d\n00:00:00.000 --> 00:00:01.000\nHi\n",
}


def _problems(show: Path) -> list:
    """The errors a build of ``show`` stops with (show.yml's stop it before the episodes are read)."""
    with pytest.raises((BuildFailed, InputError)) as info:
        build(show, accept_changes=True)
    return [p for p in info.value.problems if p.severity.value == "error"]


@pytest.mark.parametrize("file", list(_SOURCES), ids=["show.yml", "episode.md", "chapters.txt", "transcript.vtt"])
@pytest.mark.parametrize("encoding,said,source", [
    ("utf-16", "is saved as UTF-16 (it starts with UTF-16's byte order mark, FF FE), not as UTF-8", "UTF-16"),
    # without its mark, ASCII text decodes as UTF-8 with a NUL between every two characters: show.yml and episode.md
    # were built with a warning about "control characters" naming no cause, and any other character broke them
    ("utf-16-le", "is saved as UTF-16LE without a byte order mark (a zero byte beside every ASCII character), not as "
     "UTF-8", "UTF-16LE"),
    ("utf-16-be", "is saved as UTF-16BE without a byte order mark (a zero byte beside every ASCII character), not as "
     "UTF-8", "UTF-16BE"),
    # a Word export's curly quotes: the message was Python's ("can't decode byte 0x93 in position 169"), a byte
    # offset, or nothing at all (episode.md's "is not UTF-8 text")
    ("cp1252", "is not UTF-8 text: byte 0x93 on line 3, column ", "WINDOWS-1252"),
], ids=["utf16-bom", "utf16le", "utf16be", "windows-1252"])
def test_a_source_file_in_another_encoding_is_named_with_its_encoding_line_and_fix(
        show: Path, file: str, encoding: str, said: str, source: str) -> None:
    add_episode(show, "006-saved", FRONT)
    text = _SOURCES[file]
    if encoding.startswith("utf-16"):  # (the curly quotes in ASCII text: they are no zero byte's neighbour)
        text = text.replace("\u201c", '"').replace("\u201d", '"')
    (show / file).write_bytes(text.encode(encoding))
    [problem] = _problems(show)
    assert problem.file == file and problem.code in ("SRC021", "CHP002", "TRN000"), problem
    assert problem.message.startswith(said), problem.message
    if encoding == "cp1252":
        assert "is \u201c in Windows-1252" in problem.message and "\u201c" in problem.message.split("the line is ")[1]
    assert f"iconv -f {source} -t UTF-8 {file} > {file}.new && mv {file}.new {file}" in problem.hint


def test_a_source_file_with_lines_ended_by_a_lone_carriage_return_is_read_line_by_line(show: Path) -> None:
    """Classic Mac OS and some exporters end lines with CR alone: every file is read with its line ends as open()
    reads them, as before the encodings were told apart."""
    folder = add_episode(show, "006-cr", FRONT, body="Notes.\n\nMore notes.\n")
    for name in ("episode.md", "../../show.yml"):
        (folder / name).write_bytes((folder / name).read_bytes().replace(b"\n", b"\r"))
    (folder / "chapters.txt").write_bytes(b"00:00:00 Start\r00:00:01 End\r")
    report = build(show, accept_changes=True)
    feed = (report.output / "feed.xml").read_text()
    assert "<p>More notes.</p>" in feed and 'title="End"' in feed


def test_control_characters_in_a_transcript_stay_off_the_page_with_a_warning(show: Path) -> None:
    folder = add_episode(show, "006-control", FRONT)
    (folder / "transcript.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ann>Hi \x01\x1b[0m there\n")
    report = build(show, accept_changes=True)
    [warning] = [p for p in report.problems if p.episode == "006-control"]
    assert (warning.code, warning.file, warning.field) == ("SRC022", "episodes/006-control/transcript.vtt", "line 4")
    for name in ("index.html", "transcript.srt"):
        text = (report.output / "episodes/006-control" / name).read_text()
        assert "Hi [0m there" in text and "\x01" not in text and "\x1b" not in text, name


def test_text_that_was_literal_markup_in_the_vtt_is_no_markup_in_the_generated_srt(show: Path, tmp_path: Path) -> None:
    """WebVTT writes a literal "<" as &lt;; the SRT made from it had a bare "<b>", which players render as bold (and
    "<script>…</script>" vanished: ffmpeg's reader drops unknown tags). SRT has no escaping: a word joiner after "<"."""
    folder = add_episode(show, "006-markup", FRONT)
    (folder / "transcript.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ann &amp; Bo>Type &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
        "&lt;b&gt;not bold&lt;/b&gt; but <i>x</i>\n")
    srt = build(show, accept_changes=True).output / "episodes/006-markup/transcript.srt"
    shown = "Ann & Bo: Type <script>alert(1)</script> & <b>not bold</b> but x"
    assert srt.read_text().split("\n")[2].replace("\u2060", "") == shown
    # read by a real SRT reader: ffmpeg's (mpv's, and every player built on libavcodec), into ASS
    ass = tmp_path / "read.ass"
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(srt), str(ass)], check=True)
    [dialogue] = [line for line in ass.read_text().splitlines() if line.startswith("Dialogue:")]
    assert dialogue.split(",", 9)[9].replace("\u2060", "") == shown  # no {\\b1}: no bold, no tag lost


def test_a_ten_megabyte_title_or_notes_is_refused_where_it_is_written(show: Path) -> None:
    """The build wrote them, then its own strict parse of feed.xml failed: 'feed.xml: line 49: … try
    XML_PARSE_HUGE', naming neither the episode nor the field (libxml2 refuses a text over 10 MB)."""
    add_episode(show, "006-huge", FRONT.replace("title: Hostile", "title: " + "Tom & Jerry " * 900_000),
                body="word & word " * 900_000)
    problems = _refused(show)
    assert [(p.code, p.file, p.field) for p in problems] == [
        ("SRC010", "episodes/006-huge/episode.md", "notes"), ("SRC010", "episodes/006-huge/episode.md", "title")]
    assert problems[1].message == "is 10,799,999 characters; at most 1,000,000 are published"


@pytest.mark.parametrize("body,line,said", [
    # GFM fills each row up to the header's columns: 150 rows of "|x" under a header of 1,000 columns (5 KB) were
    # 150,000 cells; eight tables of 1,000 rows (56 KB) took 75 s and 1.9 GB, then feed.xml was refused (XML001
    # "CData section too big" at its line 1001005, naming no episode); a hundred took the machine's memory
    ("Intro.\n\n|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n" + "|x\n" * 150,
     9, "the tables in the notes make more than 100,000 cells (the one on this line has 1,000 columns and 150 rows "
        "under its header: 150,000 cells, as every row is filled up to the header's columns)"),
    # each reference is a link and a link back under the footnote: 240,000 of them (960 KB) were 68 MB of HTML
    ("Intro.\n\nSee" + "[^1]" * 12_000 + "\n\n[^1]: The source.\n", 9, "the notes hold 12,000 footnote references; "
     "at most 10,000 are rendered"),
], ids=["wide-table", "footnote-references"])
def test_notes_that_render_to_far_more_html_than_their_size_are_refused_at_their_line(
        show: Path, body: str, line: int, said: str) -> None:
    add_episode(show, "006-costly", FRONT, body=body)
    [problem] = _refused(show)
    assert (problem.code, problem.file, problem.field) == ("SRC010", f"episodes/006-costly/episode.md:{line}", "notes")
    assert problem.message.startswith(said), problem.message


def test_notes_over_the_10_mb_apps_read_in_the_feed_are_named_at_their_episode(show: Path) -> None:
    """Relative links are absolute in the feed: 5,000 of "[](a)" (25 KB) under a long site address are 10.5 MB of
    content:encoded. The build said "feed.xml: line 231, column 9998420: CData section too big" (of a file it never
    wrote), naming no episode, with the hint to look for a ']]>' in the notes."""
    config = show / "show.yml"
    config.write_text(config.read_text().replace("url: https://podcast.example.org/safe-to-say/",
                                                  "url: https://podcast.example.org/" + "a" * 2000 + "/"))
    add_episode(show, "006-links", FRONT, body="[](a)" * 5000 + "\n")
    [problem] = [p for p in _refused(show) if p.code == "XML001"]
    assert (problem.file, problem.field, problem.episode) == ("episodes/006-links/episode.md", "notes", "006-links")
    # (libxml2 says "CData section too big" or "Buffer size limit exceeded, try XML_PARSE_HUGE" by where its limit
    # falls: the channel's size moves it)
    assert problem.message.startswith("in the feed (content:encoded): not well-formed XML: "), problem.message
    assert problem.hint.startswith("one text, name or CDATA section is over 10 MB")


@pytest.mark.parametrize("markdown", [
    "|a|b|\n|-|-|\n" + "|1|2|\n" * 40_000,  # 80,002 cells: a big table, but its cells are written
    # the README's and the CHANGELOG's example of a table that fits: 100 columns and 1,000 rows (it was refused, its
    # header counted as a 1,001st row: 100,100 cells)
    "Intro.\n\n|" + "h|" * 100 + "\n|" + "-|" * 100 + "\n" + ("|" + "x|" * 100 + "\n") * 1000 + "\nAfter.\n",
    "> |a|b|\n> |-|-|\n" + "> |1|2|\n" * 20_000 + "\n" + "- |a|b|\n  |-|-|\n" + "  |1|2|\n" * 20_000,  # in a quote, a list
    "x[^1]" * 10_000 + "\n\n[^1]: y\n",
    "- - -\n" * 100_000 + "[^" * 100_000 + "|" * 100_000,  # thematic breaks, no table; "[^" that end no reference
], ids=["80000-cells", "100-columns-1000-rows", "in-a-quote-and-a-list", "10000-references", "no-table"])
def test_tables_and_footnotes_up_to_the_limits_are_rendered(markdown: str) -> None:
    from mediafeed.htmlblocks import too_big

    assert too_big(markdown) is None


def test_a_table_in_a_quote_or_a_list_counts_its_cells_too() -> None:
    from mediafeed.htmlblocks import too_big

    for prefix in ("> ", "- ", "1. ", "  > "):
        table = f"{prefix}|a|" + "b|" * 999 + f"\n{prefix}|" + "-|" * 1000 + "\n" + f"{prefix}|x\n" * 200
        assert too_big("Intro.\n\n" + table) is not None, prefix


# -- notes on the page ------------------------------------------------------------------------------------


def test_ids_the_page_uses_are_taken_out_of_pasted_notes(show: Path) -> None:
    """Notes pasted from a web page brought id="main" and id="transcript": the skip link and the copy buttons
    (getElementById) found the notes' element first, and axe reports the duplicates."""
    add_episode(show, "006-ids", FRONT, body='<h2 id="main">Main</h2> <a id="embed-code">x</a> <sup id="transcript">1</sup>'
                ' <a id="own-anchor" href="#own-anchor">kept</a>\n\nA note.[^1]\n\n[^1]: The footnote.\n')
    site = build(show, accept_changes=True).output
    page = (site / "episodes/006-ids/index.html").read_text()
    counts = {name: len(re.findall(f'id="{name}"', page)) for name in ("main", "embed-code", "transcript", "own-anchor")}
    assert counts == {"main": 1, "embed-code": 1, "transcript": 0, "own-anchor": 1}  # no transcript here: none
    assert 'href="#fn-1"' in page and 'id="fn-1"' in page  # footnotes keep theirs
    assert '<a href="#own-anchor" id="own-anchor"' in page or '<a id="own-anchor" href="#own-anchor"' in page
    # the feeds link each fragment to the page, where it is (an app has no base to resolve "#fn-1" against)
    feed = (site / "feed.xml").read_text()
    url = "https://podcast.example.org/safe-to-say/episodes/006-ids/"
    assert f'href="{url}#fn-1"' in feed and f'href="{url}#own-anchor"' in feed and 'href="#' not in feed


def test_the_reserved_ids_are_every_id_the_default_theme_uses() -> None:
    from mediafeed.notes import PAGE_IDS

    used = {m for path in (ROOT / "templates").glob("*.html") for m in re.findall(r'\bid="([^"{]+)"', path.read_text())}
    assert used == PAGE_IDS


# -- direction controls ---------------------------------------------------------------------------------------

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"


def _page_title(page: str) -> str:
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1)  # type: ignore[union-attr]


def test_an_unclosed_right_to_left_override_stays_inside_the_title_it_is_in(show: Path) -> None:
    """An RLO left open in an episode title reversed the show's name after it in the page's and the embed's
    <title> (a spoofing vector): the override is closed at the value's end, where it was typed."""
    config = show / "show.yml"
    config.write_text(re.sub(r"(?m)^author: .*$", f'author: "{LRI}Ann"', config.read_text()))
    add_episode(show, "006-rlo", FRONT.replace("title: Hostile", f'title: "Hostile {RLO}3pm.exe"'))
    site = build(show, accept_changes=True).output
    show_title = re.search(r"(?m)^title: (.*)$", config.read_text()).group(1).strip().strip('"')  # type: ignore[union-attr]
    for name in ("index.html", "embed/index.html"):
        title = _page_title((site / "episodes/006-rlo" / name).read_text())
        assert title.startswith(f"Hostile {RLO}3pm.exe{PDF} – "), (name, title)
        assert title.endswith(show_title)
    feed = (site / "feed.xml").read_text()
    assert f"<title>Hostile {RLO}3pm.exe{PDF}</title>" in feed
    assert f"<itunes:author>{LRI}Ann{PDI}</itunes:author>" in feed
    # a balanced pair is kept as written
    assert "\u2067" not in feed


def test_direction_controls_close_as_the_bidirectional_algorithm_pairs_them() -> None:
    from mediafeed.source import close_directions

    assert close_directions("plain") == "plain"
    assert close_directions(f"{RLO}evil") == f"{RLO}evil{PDF}"
    assert close_directions(f"\u2067שלום{PDI} ok") == f"\u2067שלום{PDI} ok"  # balanced: unchanged
    assert close_directions(f"{LRI}{RLO}x{PDI}") == f"{LRI}{RLO}x{PDI}"  # a PDI closes the override inside it
    assert close_directions(f"{LRI}{RLO}x{PDF}") == f"{LRI}{RLO}x{PDF}{PDI}"
    assert close_directions(f"{RLO}{PDI}x") == f"{RLO}{PDI}x{PDF}"  # a PDI without an isolate closes nothing
    assert close_directions(f"{LRI}{PDF}x") == f"{LRI}{PDF}x{PDI}"  # a PDF never closes an isolate


def test_an_override_in_the_notes_cut_off_by_the_excerpt_is_closed(show: Path) -> None:
    """An episode without a summary is described by its notes' first 300 characters (the page's meta description and
    share cards, the JSON-LD, the audio's comment tag). An RLO before the cut whose PDF came after it was left open:
    the text after the excerpt in an app's list ran right to left. The excerpt closes what it cuts off, and so does the
    template filter ``truncate`` (the index's cards)."""
    import html

    from mutagen.id3 import ID3

    notes = "Intro " + "word " * 40 + RLO + "reversed " * 30 + PDF + " and more.\n"
    add_episode(show, "006-rlo-notes", "title: Plain\ndate: 2026-03-20T08:00:00+00:00\n"
                "guid: 6a3c0c2e-5a0e-4b8e-9a7e-1b2c3d4e5f5a\naudio: audio.mp3", notes)
    site = build(show, accept_changes=True).output
    page = (site / "episodes/006-rlo-notes/index.html").read_text(encoding="utf-8")
    description = html.unescape(re.search(r'<meta property="og:description" content="([^"]*)"', page).group(1))
    assert RLO in description and description.endswith(f"…{PDF}"), description[-40:]
    comment = str(ID3(site / "episodes/006-rlo-notes/audio.mp3").getall("COMM")[0])
    assert comment.endswith(f"…{PDF}"), comment[-40:]
    # the index's card (Jinja's truncate, 240 characters, in any theme) left it open before its paragraph's end
    card = re.search(r'href="episodes/006-rlo-notes/".*?<p class="summary">(.*?)</p>', (site / "index.html").read_text(
        encoding="utf-8"), re.S).group(1)  # type: ignore[union-attr]
    assert RLO in card and card.endswith(f"...{PDF}"), card[-40:]


# -- a table in the feed's description ------------------------------------------------------------------------

def test_a_table_in_the_notes_reaches_the_feed_description_as_one_list_item_per_row(tmp_path: Path) -> None:
    """Apps take no table in <description> (Apple: p, ol, ul, li, a): the sample's "Three levels" table ran its
    nine cells together ("Level Who Example capability 1 All staff Ask routinely…"). Each row is now a list item,
    each cell after its column's heading; the page and content:encoded keep the table."""
    from helpers import build_golden
    from lxml import etree

    site = build_golden(tmp_path)
    item = next(i for i in etree.parse(str(site / "feed.xml")).iter("item")
                if i.findtext("title") == "What Practitioners Need to Know")
    description = item.findtext("description")
    assert "<table" not in description and "Level Who" not in description
    assert ("<ul><li>Level: 1 · Who: All staff · Example capability: Ask routinely about abuse, and know where to "
            "refer</li><li>Level: 2 · Who: Key workers · Example capability: Assess risk; share") in description
    assert "<table>" in item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    # on the page the table can take focus (it scrolls inside itself when wider than the column)
    assert '<table tabindex="0">' in (site / "episodes/003-capabilities-framework/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("markdown,expected", [
    # inline markup and links in cells survive; an empty row and empty cells are left out
    ("| A | B |\n|---|:-:|\n| **x** | [y](https://example.org/?a=1&b=2) |\n| | |\n| z | |\n",
     '<ul><li>A: <strong>x</strong> · B: <a href="https://example.org/?a=1&amp;b=2">y</a></li><li>A: z</li></ul>'),
    # a raw HTML table: caption, no head, a table inside a cell (innermost first), an <img> the description drops
    ('<table><caption>Raw <em>one</em></caption><tr><td>a</td><td>b<table><tr><th>in</th></tr></table></td></tr>'
     '<tr><td><img src="https://example.org/x.png" alt=""></td></tr></table>',
     "<p>Raw <em>one</em></p><ul><li>a · b<ul><li>in</li></ul></li></ul>"),
    # a head without a body, and hostile text in a cell that stays text
    ("| Only &lt;script&gt;alert(1)&lt;/script&gt; |\n|---|\n", "<ul><li>Only &lt;script&gt;alert(1)&lt;/script&gt;</li></ul>"),
    ('<table><tr><td><script>alert(1)</script></td><td onclick="x()">ok</td></tr></table>', "<ul><li>ok</li></ul>"),
])
def test_tables_of_every_shape_become_lists_in_the_description(markdown: str, expected: str) -> None:
    from mediafeed.notes import render

    assert render(markdown).description == expected


@pytest.mark.parametrize("markdown,expected", [
    # Markdown taken in by a block of raw HTML (SRC046): its autolinks and "<" in words were read as tags and lost
    ("<div>\nSee <https://example.org/x>, <tel:+441234567890> or <team@example.org>\n</div>\n",
     '<div>\nSee <a href="https://example.org/x" rel="noopener noreferrer">https://example.org/x</a>, '
     '<a href="tel:+441234567890" rel="noopener noreferrer">tel:+441234567890</a> or '
     '<a href="mailto:team@example.org" rel="noopener noreferrer">team@example.org</a>\n</div>'),
    ("<div>\nKids <10, a<b then x <y\n</div>\n", "<div>\nKids &lt;10, a&lt;b then x &lt;y\n</div>"),
    ("<pre>\nif a<b then\n</pre>\n", "<pre>if a&lt;b then\n</pre>"),
    # what is a tag stays one: a word processor's <st1:place> and <o:p> are removed, their words kept; a quoted "<"
    ('<div>\n<st1:place>London</st1:place><o:p></o:p> <a href="https://example.org/" title="a<b">x</a>\n</div>\n',
     '<div>\nLondon <a href="https://example.org/" title="a&lt;b" rel="noopener noreferrer">x</a>\n</div>'),
    # an autolink of a scheme the notes leave out is text, never a link
    ("<div>\n<javascript:alert(1)>\n</div>\n", "<div>\n&lt;javascript:alert(1)&gt;\n</div>"),
])
def test_the_text_of_raw_html_is_kept_whatever_it_holds(markdown: str, expected: str) -> None:
    from mediafeed.notes import render

    assert render(markdown).html == expected


@pytest.mark.parametrize("line,message,hint", [
    ('title: "Night buses\n', "malformed YAML (line 6, column 8): the quoted value that starts here is never closed",
     'end the value with "'),
    ("title: 'Night buses\n", "malformed YAML (line 6, column 8): the quoted value that starts here is never closed",
     "end the value with '"),
    ("keywords: [buses, night\n", "malformed YAML (line 6, column 11): the '[' here is never closed", "add ']'"),
    ("keywords: {a: b\n", "malformed YAML (line 6, column 11): the '{' here is never closed", "add '}'"),
    ("\tkeywords: [buses]\n", "malformed YAML (line 6, column 1): a tab", "indent with spaces"),
    ("persons:\n\t- Ann\n", "malformed YAML (line 7, column 1): a tab", "indent with spaces"),
    ("summary: @home\n", "malformed YAML (line 6, column 10): a value cannot start with '@'",
     "quote the value: summary: \"@home\""),
    ("summary: `code`\n", "malformed YAML (line 6, column 10): a value cannot start with '`'",
     "quote the value: summary: \"`code`\""),
    # JSON's escapes of an emoji (a pair of halves) are no YAML: the hint gave the character and YAML's escape
    ('summary: "Party \\ud83c\\udf89 time"\n', "malformed YAML (line 6, column 19): found invalid Unicode character",
     "write the character itself (\U0001f389) or \\U0001F389: YAML does not read \\ud83c\\udf89"),
], ids=["double-quote", "single-quote", "bracket", "brace", "tab", "tab-in-list", "at-sign", "backtick", "json-pair"])
def test_a_yaml_slip_is_named_where_it_starts_with_its_own_fix(show: Path, line: str, message: str, hint: str) -> None:
    """An unclosed quote was reported at the end of the front matter ('found unexpected end of stream'), a tab
    or an '@' as 'found character that cannot start any token', all with one hint about ': '."""
    add_episode(show, "006-slip", FRONT + line)
    [problem] = _refused(show)
    assert problem.code == "SRC002" and problem.file == "episodes/006-slip/episode.md"
    assert problem.message.startswith(message), problem.message
    assert hint in problem.hint, problem.hint


@pytest.mark.parametrize("date,hint", [
    ("2026-03-20", "write 'date: 2026-03-20T09:00:00+00:00'"),
    ("2026-03-20 08:30", "write 'date: 2026-03-20T08:30:00+00:00'"),
    ("2026-03-20T08:30:00", "write 'date: 2026-03-20T08:30:00+00:00'"),
], ids=["date-only", "no-zone-no-seconds", "no-zone"])
def test_a_date_without_time_or_zone_gets_its_own_date_in_the_fix(show: Path, date: str, hint: str) -> None:
    """The hint was always 'write date: 2026-03-04T09:00:00+00:00': another day, to be retyped by hand."""
    add_episode(show, "006-date", FRONT.replace("2026-03-20T08:00:00+00:00", date))
    [problem] = _refused(show)
    assert (problem.code, problem.field) == ("SRC010", "date")
    assert problem.hint.startswith(hint), problem.hint


def test_a_time_zone_offset_of_a_day_or_more_is_said_plainly(show: Path) -> None:
    """It said 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not
    datetime.timedelta(days=1, seconds=3600).'"""
    add_episode(show, "006-date", FRONT.replace("2026-03-20T08:00:00+00:00", "2026-03-20T08:00:00+25:00"))
    [problem] = _refused(show)
    assert problem.message == ("malformed YAML (line 3, column 7): '2026-03-20T08:00:00+25:00' is not a real date and "
                               "time: the offset +25:00 is not a time zone (offsets run from -23:59 to +23:59)")
    assert "timedelta" not in problem.message + problem.hint


def test_front_matter_without_its_closing_line_says_so(show: Path) -> None:
    """'no YAML front matter found' for a file that starts with '---' and the metadata, but never closes them."""
    folder = show / "episodes" / "006-open"
    folder.mkdir()
    (folder / "episode.md").write_text("---\n" + FRONT + "\nThe notes, with no '---' line above them.\n")
    [problem] = [p for p in _refused(show) if p.file == "episodes/006-open/episode.md"]
    assert problem.code == "SRC001"
    assert problem.message == "the front matter that starts on line 1 is never closed", problem.message
    assert problem.hint == "add a line '---' after the metadata, before the show notes"


@pytest.mark.parametrize("url,char,what", [
    # shown in an app as "https://evil.example/https://google.jpg": the rest of the address reversed (Trojan source)
    ("https://evil.example/\\u202egpj.elgoog//:sptth", "U+202E", "a direction control"),
    ("https://example.org/people/\\u200bmaya-okafor", "U+200B", "a character drawn as nothing"),
    ("https://example.org/\\u2066x", "U+2066", "a direction control"),
], ids=["rlo", "zero-width-space", "lri"])
def test_an_address_holding_a_direction_control_or_an_invisible_character_is_refused(
        show: Path, url: str, char: str, what: str) -> None:
    """Such an address was published as it was in the feed (podcast:funding url, podcast:person href), an RLO with a
    PDF added at its end."""
    config = show / "show.yml"
    config.write_text(config.read_text().replace("  - url: https://example.org/safe-to-say/support", f'  - url: "{url}"'))
    [problem] = _problems(show)
    assert (problem.code, problem.file, problem.field) == ("SRC010", "show.yml", "funding.url")
    assert f"which holds {char} ({what}" in problem.message and problem.hint.startswith("delete it")


@pytest.mark.parametrize("url", [
    "https://fa.wikipedia.org/wiki/\u067e\u0627\u062f\u06a9\u0633\u062a\u200c\u0647\u0627",  # Persian "podcasts"
    "https://example.org/people/\U0001f468\u200d\U0001f469\u200d\U0001f467",  # an emoji family, one glyph
], ids=["persian-zwnj", "emoji-zwj"])
def test_a_joiner_inside_a_word_of_an_address_is_kept(show: Path, url: str) -> None:
    """A zero-width non-joiner is how Persian writes a plural (fa.wikipedia.org's page "پادکست‌ها" has one in its
    address), and a joiner makes an emoji sequence one picture: refused as "a character drawn as nothing", the show
    could not link the page at all (deleting it, as the hint said, makes another address)."""
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("href: https://example.org/people/maya-okafor",
                                                                 f'href: "{url}"'), encoding="utf-8")
    assert f'href="{url}"' in (build(show).output / "feed.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("url", ["https://pay\u200dpal.example/", "https://example.org/pay\u200dpal",
                                 "https://\u067e\u0627\u062f\u200c\u06a9\u0633\u062a.example/",
                                 "https://example.org/\u200c\u0647\u0627"],
                         ids=["ascii-host", "ascii-path", "host", "word-start"])
def test_a_joiner_between_ascii_letters_in_a_host_or_at_a_words_edge_is_still_refused(show: Path, url: str) -> None:
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("href: https://example.org/people/maya-okafor",
                                                                 f'href: "{url}"'), encoding="utf-8")
    [problem] = _problems(show)
    assert (problem.code, problem.field) == ("SRC010", "persons.href")
    assert "(a character drawn as nothing" in problem.message


def test_a_guid_is_published_as_written_even_with_a_direction_control_in_it(show: Path) -> None:
    """A title's open RLO is closed at its end (a PDF added); a GUID's was too, so the feed's GUID was not the one in
    episode.md (nor an imported feed's: every app would download the episode again)."""
    add_episode(show, "006-rlo", FRONT.replace(f"guid: {GUID}", f'guid: "\\u202e{GUID}"'))
    feed = (build(show, accept_changes=True).output / "feed.xml").read_text()
    assert f'<guid isPermaLink="false">\u202e{GUID}</guid>' in feed


@pytest.mark.parametrize("published,changed", [
    ('"\\u202e{guid}\\u202c"', '"\\u202e{guid}"'),  # as session 25 published it (a PDF added): LED001 since then
    ('"{guid}\\nold-host"', '"{guid} old-host"'),  # an imported GUID the old feed wrote on two lines
    ('"{guid}\\U000e0001"', '"{guid}"'),  # a character beyond U+FFFF that shows as nothing: "\\ue0001" was U+E000, '1'
], ids=["direction-control", "two-lines", "beyond-ffff"])
def test_the_guid_line_led001_gives_back_is_the_published_guid_when_typed_as_shown(
        show: Path, published: str, changed: str) -> None:
    """LED001's hint said "restore 'guid: \\u202e…\\u202c'" (the terminal's escapes of the GUID): typed as shown, YAML
    reads a backslash, a 'u' and digits, another GUID, and LED001 again. The hint writes the line in double quotes
    with YAML's escapes when plain YAML would read another text."""
    from mediafeed.characters import terminal_safe

    folder = add_episode(show, "006-guid", FRONT.replace(f"guid: {GUID}", "guid: " + published.format(guid=GUID)))
    build(show, accept_changes=True)
    episode = folder / "episode.md"
    episode.write_text(episode.read_text(encoding="utf-8").replace(published.format(guid=GUID), changed.format(guid=GUID)),
                       encoding="utf-8")
    with pytest.raises(BuildFailed) as refused:
        build(show)
    [problem] = [p for p in refused.value.problems if p.code == "LED001"]
    assert {p.code for p in refused.value.problems} <= {"LED001", "EP135"}  # (EP135: a GUID holding a direction control)
    line = re.search(r"^restore '(.*)'; ", terminal_safe(problem.hint, directions=True))[1]  # as the terminal shows it
    assert line.startswith('guid: "')
    text = episode.read_text(encoding="utf-8")
    episode.write_text(re.sub(r"(?m)^guid: .*$", lambda _: line, text), encoding="utf-8")
    assert not [p for p in build(show).problems if p.code.startswith("LED")]


def test_an_override_left_open_in_a_chapter_title_or_a_persons_name_is_closed(show: Path) -> None:
    """Front-matter text had its open direction controls closed at its end, but chapter titles (chapters.txt,
    chapters.json, the front matter's list) and a person given by name alone did not: an app listing "Intro {RLO}x
    (12:00)" showed the time and whatever followed right to left, in the page, the feed and the audio's CHAP frames."""
    import json

    from mutagen.id3 import ID3

    folder = add_episode(show, "006-rlo-chapters", FRONT.replace("title: Hostile", "title: Chapters")
                         + f'\npersons: ["Ann {RLO}nna"]', seconds=3.0)
    (folder / "chapters.txt").write_text(f"00:00:00 Intro {RLO}3pm.exe\n00:00:01 Balanced {LRI}x{PDI} kept\n",
                                         encoding="utf-8")
    site = build(show, accept_changes=True).output
    published = json.loads((site / "episodes/006-rlo-chapters/chapters.json").read_text(encoding="utf-8"))
    assert [c["title"] for c in published["chapters"]] == [f"Intro {RLO}3pm.exe{PDF}", f"Balanced {LRI}x{PDI} kept"]
    frames = ID3(site / "episodes/006-rlo-chapters/audio.mp3").getall("CHAP")
    assert sorted(str(frame.sub_frames["TIT2"]) for frame in frames)[1] == f"Intro {RLO}3pm.exe{PDF}"
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert f'title="Intro {RLO}3pm.exe{PDF}"' in feed and f">Ann {RLO}nna{PDF}</podcast:person>" in feed


@pytest.mark.parametrize("title", ["\\u200b\\u200c\\u2060", "\\u3164", "\\u202e\\u00ad", "\\u2800 \\u200b"])
def test_a_title_of_characters_that_show_nothing_is_refused(show: Path, title: str) -> None:
    """A title of zero-width characters, a soft hyphen, a direction control or a Hangul filler (an "invisible name")
    passed as a title: the feed's <title>, the page's <h1> and an app's list showed nothing."""
    add_episode(show, "006-blank", FRONT.replace("title: Hostile", f'title: "{title}"'))
    [problem] = _refused(show)
    assert (problem.code, problem.field) == ("SRC010", "title"), problem
    assert problem.message.startswith("has no character that shows, only U+") and problem.message.endswith(
        "apps and pages would show it empty"), problem.message


@pytest.mark.parametrize("field,value,said", [
    ("bitrate", "1" + "0" * 400, "must be at most 10,000,000,000 bits a second, got a number of 401 digits"),
    ("length", "99999999999999999999999999", "must be at most 1,000,000,000,000 bytes, got 99,999,999,999,999,999,999,999,999"),
    ("height", "1" + "0" * 30, "must be at most 100,000 pixels, got a number of 31 digits"),
], ids=["bitrate", "length", "height"])
def test_an_alternate_enclosure_number_no_app_holds_is_refused_at_its_field(show: Path, field: str, value: str,
                                                                            said: str) -> None:
    """A bitrate of 10^400 stopped check and build with "Internal error: OverflowError" (exit 3); a length of 10^26
    bytes (no app's 64-bit integer holds it) or a height of 10^30 pixels was published without a word."""
    add_episode(show, "006-alternate", FRONT + "alternate_enclosures:\n  - {url: 'https://cdn.example.org/a.opus', "
                f"type: audio/opus, {field}: {value}}}\n")
    [problem] = _refused(show)
    assert (problem.code, problem.field) == ("SRC010", f"alternate_enclosures[0].{field}") and said in problem.message, problem
    done = _run("check", cwd=show)
    assert done.returncode == 1 and "Internal error" not in done.stdout + done.stderr, done.stdout + done.stderr
