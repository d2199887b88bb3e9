"""Chapter files as producers' tools write them, from the episode folder to chapters.json, psc:chapters and the audio.

Each input either gives the chapters it means in every encoding, or a problem naming the file and the line or
field (the inputs come from Windows editors, spreadsheets and chapter tools; the audio is real, made with ffmpeg).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import add_episode
from mutagen.id3 import ID3

from mediafeed.build import BuildFailed, build

GUID = "b1f3c0de-22aa-4c5e-9d1e-0c0ffee00022"
FRONT = f"title: Chapters\ndate: 2026-03-20T08:00:00+00:00\nguid: {GUID}\naudio: audio.mp3\n"


def _published(show: Path, slug: str) -> list[tuple[float, str]]:
    doc = json.loads((show / "public" / "episodes" / slug / "chapters.json").read_text(encoding="utf-8"))
    return [(c["startTime"], c["title"]) for c in doc["chapters"]]


@pytest.mark.parametrize("name,data", [
    ("chapters.txt", "\ufeff00:00:00 Welcome\r\n00:00:01.5 Next\r\n".encode()),
    ("chapters.json", ("\ufeff" + json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Welcome"}, {"startTime": 1.5, "title": "Next"}]})).encode()),
], ids=["txt", "json"])
def test_a_chapters_file_saved_with_a_byte_order_mark_gives_its_chapters(show: Path, name: str, data: bytes) -> None:
    """Notepad's "UTF-8" (and Excel's CSV export) starts the file with U+FEFF: the first line of chapters.txt was
    refused (CHP001 "expected 'HH:MM:SS Title', got '\\ufeff00:00:00 Welcome'") and chapters.json was "not valid
    JSON: Unexpected UTF-8 BOM"; the build failed on a file that looks right in every editor."""
    folder = add_episode(show, "006-bom", FRONT, seconds=3.0)
    (folder / name).write_bytes(data)
    build(show)
    assert _published(show, "006-bom") == [(0, "Welcome"), (1.5, "Next")]


def _refused(show: Path) -> list:
    with pytest.raises(BuildFailed) as info:
        build(show)
    return [p for p in info.value.problems if p.severity.value == "error"]


@pytest.mark.parametrize("chapter,field,words", [
    ({"startTime": 1, "endTime": "soon", "title": "b"}, "chapters[1].endTime", "invalid endTime: 'soon'"),
    ({"startTime": 2, "endTime": 1, "title": "b"}, "chapters[1].endTime", "endTime 00:00:01.000 is not after"),
    ({"startTime": 1, "title": "b", "toc": "false"}, "chapters[1].toc", "toc must be true or false, got 'false'"),
], ids=["end-not-a-time", "end-before-start", "toc-as-text"])
def test_a_json_chapter_end_or_toc_of_the_wrong_kind_is_refused_naming_the_field(show: Path, chapter: dict,
                                                                               field: str, words: str) -> None:
    """An endTime that was no time was dropped, one before its start published as it was (apps that honour endTime
    showed a chapter ending before it began), and "toc": "false" (a string) was read as true: the chapter the
    producer hid was listed. Each is now an error naming chapters.json and the field."""
    folder = add_episode(show, "006-ends", FRONT, seconds=3.0)
    (folder / "chapters.json").write_text(json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "a"}, chapter]}))
    [problem] = _refused(show)
    assert (problem.file, problem.field) == ("episodes/006-ends/chapters.json", field)
    assert words in problem.message


def test_the_mp3s_chapters_are_in_time_order_for_ffprobe_as_in_chapters_json(show: Path) -> None:
    """The ID3 CHAP frames were saved in mutagen's order, by size: ffprobe (ffmpeg 5.1, and the players built on it)
    listed 0:02 (short title), 0:03, then 0:00 (a URL) and 0:01 (a long title). Now the tag holds CTOC, then the
    CHAP frames by start, and ffprobe reads the chapters of chapters.json in their order."""
    folder = add_episode(show, "006-order", FRONT, seconds=4.0)
    (folder / "chapters.txt").write_text("00:00:00 Welcome https://example.org/welcome\n00:00:01 " + "Long " * 60
                                         + "\n00:00:02 ‏שלום\n00:00:03 Close 🎉\n", encoding="utf-8")
    build(show)
    audio = show / "public" / "episodes" / "006-order" / "audio.mp3"
    out = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(audio)],
                         capture_output=True, text=True, check=True)
    read = [(float(c["start_time"]), c["tags"]["title"]) for c in json.loads(out.stdout)["chapters"]]
    assert read == [(float(start), title) for start, title in _published(show, "006-order")]
    tags = ID3(audio)
    assert tags["CTOC:toc"].child_element_ids == ["chp0", "chp1", "chp2", "chp3"]
    assert [tags[f"CHAP:chp{n}"].start_time for n in range(4)] == [0, 1000, 2000, 3000]
    assert str(tags["CHAP:chp0"].sub_frames["WXXX:"].url) == "https://example.org/welcome"


@pytest.mark.parametrize("kind,name", [("mp3", "audio.mp3"), ("m4a", "audio.m4a")])
def test_more_chapters_than_the_audio_holds_go_to_the_feed_and_the_first_255_into_the_audio(
        show: Path, kind: str, name: str) -> None:
    """300 chapters: the MP3's tagging was an internal error (mutagen's CTOC counts its chapters in one byte:
    "bytes must be in range(0, 256)", exit 3) and the M4A's a TAG001 "bug in mediafeed or mutagen" that quoted
    all 300 chapters twice (ffmpeg's Nero chpl box, which mutagen reads back, holds 255). Now the audio gets the
    first 255, with a warning (CHP013) saying so; chapters.json keeps all 300."""
    folder = add_episode(show, "006-many", FRONT.replace("audio.mp3", name), audio_kind=kind, audio_name=name,
                         seconds=4.0)
    (folder / "chapters.txt").write_text("".join(f"00:00:{n / 100:06.3f} Part {n}\n" for n in range(300)))
    report = build(show)
    [problem] = [p for p in report.problems if p.code == "CHP013"]
    assert (problem.file, problem.field, problem.severity.value) == ("episodes/006-many/chapters.txt", "line 256",
                                                                      "warning")
    assert len(_published(show, "006-many")) == 300
    out = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json",
                          str(show / "public" / "episodes" / "006-many" / name)], capture_output=True, text=True, check=True)
    read = [(float(c["start_time"]), c["tags"]["title"]) for c in json.loads(out.stdout)["chapters"]]
    assert read == [(n / 100, f"Part {n}") for n in range(255)]


def test_a_json_chapters_location_is_published_and_a_malformed_one_refused(show: Path) -> None:
    """The Podcasting 2.0 chapter's "location" ({"name", "geo"}) was dropped from the published chapters.json
    without a word (0 problems): apps that show where a chapter is about had nothing. It is kept now, and one
    without a name (or a geo that is no 'geo:' URI) is CHP003 naming the field; one without a geo, which the format
    requires too, is left out with a warning (CHP014)."""
    folder = add_episode(show, "006-place", FRONT, seconds=3.0)
    place = {"name": "Austin, TX", "geo": "geo:30.2672,-97.7431"}
    (folder / "chapters.json").write_text(json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Intro"}, {"startTime": 1, "title": "On the road", "location": place},
        {"startTime": 2, "title": "Home", "location": {"name": "Home"}}]}))
    report = build(show)
    doc = json.loads((show / "public" / "episodes" / "006-place" / "chapters.json").read_text(encoding="utf-8"))
    assert [c.get("location") for c in doc["chapters"]] == [None, place, None]
    # a name without its geo: the format requires both, so {"name": "Home"} was a chapters.json off the format; the
    # chapter is kept and the location left out, with a warning saying how to complete it (the show still builds)
    [home] = [p for p in report.problems if p.code == "CHP014"]
    assert (home.file, home.field, home.severity.value) == ("episodes/006-place/chapters.json",
                                                            "chapters[2].location.geo", "warning")
    assert "'Home'" in home.message and '"geo": "geo:' in home.hint
    assert [c["title"] for c in doc["chapters"]] == ["Intro", "On the road", "Home"]
    (folder / "chapters.json").write_text(json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Intro", "location": {"geo": "geo:1,2"}},
        {"startTime": 1, "title": "Road", "location": {"name": "Road", "geo": "30.2,-97.7"}}]}))
    assert [(p.field, p.code) for p in _refused(show)] == [("chapters[0].location", "CHP003"),
                                                           ("chapters[1].location", "CHP003")]


def test_a_silent_chapter_may_go_untitled_as_the_namespaces_own_example_does(show: Path) -> None:
    """The namespace's JSON chapters need only a startTime, and its own "more complex example" has a silent chapter
    (``"toc": false``) with art and a location and no title: such a chapters.json was refused (CHP011 "has no title").
    Now it is published as given (no "title", not an empty one); it stays out of psc:chapters, the page's list and the
    audio's table of contents, as every silent chapter does. A listed chapter without a title is still CHP011."""
    folder = add_episode(show, "006-silent", FRONT, seconds=3.0)
    silent = {"startTime": 1, "img": "https://example.com/images/parisfrance.jpg", "toc": False,
              "location": {"name": "Eiffel Tower, Paris", "geo": "geo:48.858093,2.294694"}}
    (folder / "chapters.json").write_text(json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Intro"}, silent, {"startTime": 2, "title": "Outro"}]}), encoding="utf-8")
    build(show)
    site = show / "public"
    doc = json.loads((site / "episodes" / "006-silent" / "chapters.json").read_text(encoding="utf-8"))
    assert doc["chapters"] == [{"startTime": 0, "title": "Intro"}, silent, {"startTime": 2, "title": "Outro"}]
    feed = (site / "feed.xml").read_text(encoding="utf-8").split(GUID)[1].split("</item>")[0]
    assert 'title="Intro"' in feed and 'title="Outro"' in feed and feed.count("<psc:chapter ") == 2
    tags = ID3(site / "episodes" / "006-silent" / "audio.mp3")
    assert [(f.start_time, [s.text[0] for s in f.sub_frames.getall("TIT2")]) for f in tags.getall("CHAP")] == [
        (0, ["Intro"]), (1000, []), (2000, ["Outro"])]
    assert tags.getall("CTOC")[0].child_element_ids == ["chp0", "chp2"]
    del silent["toc"]
    (folder / "chapters.json").write_text(json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Intro"}, silent]}), encoding="utf-8")
    assert [(p.code, p.field) for p in _refused(show)] == [("CHP011", "line 1 (chapters[1])")]


def test_chapters_past_the_end_of_the_audio_are_one_problem_with_their_count(show: Path) -> None:
    """Each chapter past the end was a problem of its own: 219 error lines for a 500-chapter file on a 40 s episode
    (99,950 for a 13 MB chapters.json of 100,000). Now the first is named, with the count of the rest."""
    folder = add_episode(show, "006-late", FRONT, seconds=3.0)
    (folder / "chapters.txt").write_text("".join(f"00:00:{n:02d} Part {n}\n" for n in range(40)))
    problems = _refused(show)
    assert [(p.code, p.field) for p in problems] == [("CHP012", "line 5")]
    assert "chapter 5 starts at 00:00:04, after the audio ends (00:00:03) (and 35 more after it)" in problems[0].message


#: a chapters.json as chapter tools write it (indented): chapter 3 (line 5) starts before chapter 2, chapter 4
#: (line 6) has no title, chapter 5 (line 7) starts after the 3-second audio
_JSON_CHAPTERS = """{"version": "1.2.0",
 "chapters": [
  {"startTime": 0, "title": "Intro"},
  {"startTime": 2, "title": "Two"},
  {"startTime": 1, "title": "One"},
  {"startTime": 2.5, "title": ""},
  {"startTime": 9, "title": "Late"}
 ]}
"""
_TXT_CHAPTERS = "# chapters\n00:00:00 Intro\n00:00:02 Two\n\n00:00:01 One\n00:00:02.5 \u3000\n00:00:09 Late\n"


@pytest.mark.parametrize("name,text,fields", [
    ("chapters.json", _JSON_CHAPTERS, ["line 5 (chapters[2])", "line 6 (chapters[3])", "line 7 (chapters[4])"]),
    ("chapters.txt", _TXT_CHAPTERS, ["line 5", "line 6", "line 7"]),
], ids=["json", "txt"])
def test_chapters_out_of_order_untitled_or_past_the_end_name_the_line_of_the_chapters_file(
        show: Path, name: str, text: str, fields: list[str]) -> None:
    """CHP010-CHP012 named 'chapters[2]', a list index, where every other problem of a chapters file (CHP001,
    CHP002) names its line: the producer counted chapters by hand in a file of hundreds (and in chapters.txt the index
    skipped its comments and blank lines). Now the line, and for chapters.json the index as well."""
    folder = add_episode(show, "006-lines", FRONT, seconds=3.0)
    (folder / name).write_text(text, encoding="utf-8")
    problems = _refused(show)
    assert [(p.code, p.file, p.field) for p in problems] == [
        (code, f"episodes/006-lines/{name}", field) for code, field in zip(("CHP010", "CHP011", "CHP012"), fields)]


def test_chapters_in_the_front_matter_keep_their_index(show: Path) -> None:
    """Front-matter chapters are named by their index in episode.md's 'chapters' list, as before."""
    add_episode(show, "006-front", FRONT + "chapters:\n  - {start: 2, title: Two}\n  - {start: 1, title: One}\n",
                seconds=3.0)
    assert [(p.code, p.field) for p in _refused(show)] == [("CHP010", "chapters[1]")]


@pytest.mark.parametrize("name,text", [
    ("chapters.txt", ""),
    ("chapters.txt", "\ufeff# chapters: to do\n\n   \n"),
    ("chapters.json", '{"version": "1.2.0", "chapters": []}'),
], ids=["empty-txt", "comments-only-txt", "empty-json"])
def test_a_chapters_file_without_chapters_is_a_warning_naming_it_and_publishes_no_chapters(show: Path, name: str,
                                                                                          text: str) -> None:
    """An empty chapters.txt (or one of comments and blank lines) said nothing: the producer who saved the file before
    writing it, or saved it empty, was not told the episode has no chapters. Now a warning (CHP005) names the file,
    and no chapters list (chapters.json, podcast:chapters) goes out."""
    folder = add_episode(show, "006-none", FRONT, seconds=3.0)
    (folder / name).write_text(text, encoding="utf-8")
    report = build(show)
    [problem] = [p for p in report.problems if p.code == "CHP005"]
    assert (problem.severity.value, problem.file, problem.episode) == ("warning", f"episodes/006-none/{name}", "006-none")
    assert "no chapters" in problem.message
    assert not (show / "public" / "episodes" / "006-none" / "chapters.json").exists()
    feed = (show / "public" / "feed.xml").read_text(encoding="utf-8")
    assert "006-none/chapters.json" not in feed and "psc:chapters" not in feed.split(GUID)[1].split("</item>")[0]


def test_an_audacity_label_export_gives_its_labels_as_chapters_and_a_regions_end(show: Path) -> None:
    """Audacity's File > Export > Export Labels writes 'start<TAB>end<TAB>label' in seconds (a point label's end is its
    start; a spectral selection adds a '\\<TAB>low<TAB>high' line). Saved as chapters.txt it was read as '0.000000
    Welcome' lines: every chapter was titled "0.000000\\tWelcome" in chapters.json, the feed, the page and the MP3, and
    check said nothing. Now the label is the title, and a region's end its endTime."""
    folder = add_episode(show, "006-audacity", FRONT, seconds=3.0)
    (folder / "chapters.txt").write_bytes(b"0.000000\t0.000000\tWelcome\n\\\t6928.456055\t6928.456055\n"
                                          b"1.250000\t2.000000\tThe region\n2.500000\t2.500000\tLast\n")
    build(show)
    doc = json.loads((show / "public" / "episodes" / "006-audacity" / "chapters.json").read_text(encoding="utf-8"))
    assert doc["chapters"] == [{"startTime": 0, "title": "Welcome"}, {"startTime": 1.25, "title": "The region", "endTime": 2},
                               {"startTime": 2.5, "title": "Last"}]
    titles = ID3(show / "public" / "episodes" / "006-audacity" / "audio.mp3").getall("CHAP")
    assert sorted(str(c.sub_frames["TIT2"]) for c in titles) == ["Last", "The region", "Welcome"]


@pytest.mark.parametrize("text,tool,command", [
    ("#,Name,Start,End,Length\nM1,Welcome,0:00.000,,\nR1,A region,0:01.000,0:02.000,0:01.000\n", "REAPER",
     "awk -F, 'NR>1 && $1 ~ /^M/ {print $3, $2}' markers.csv > chapters.txt"),
    ("Name\tStart\tDuration\tTime Format\tType\tDescription\nMarker 01\t0:00.000\t0:00.000\tdecimal\tCue\t\n",
     "Adobe Audition", "awk -F'\\t' 'NR>1 {print $2, $1}' markers.csv > chapters.txt"),
    (";FFMETADATA1\ntitle=Show\n\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=Welcome\n", "ffmpeg", "START"),
], ids=["reaper-csv", "audition-csv", "ffmetadata"])
def test_another_tools_marker_list_is_one_problem_naming_the_tool_and_the_conversion(show: Path, text: str, tool: str,
                                                                                    command: str) -> None:
    """A REAPER or Audition marker export, or an ffmetadata file, named as the chapters file was refused a line at a
    time ("expected 'HH:MM:SS Title', got 'M1,Welcome,0:00.000,,'"; REAPER's header was skipped as a comment), with no
    word of what the file is. Now one CHP001 names the tool, and the hint the way to chapters.txt."""
    folder = add_episode(show, "006-markers", FRONT + "chapters: markers.csv\n", seconds=3.0)
    (folder / "markers.csv").write_text(text, encoding="utf-8")
    [problem] = _refused(show)
    assert (problem.code, problem.field) == ("CHP001", "line 1")
    assert tool in problem.message and command in problem.hint


@pytest.mark.parametrize("where", ["chapters.txt", "chapters.json", "episode.md"])
def test_more_chapters_than_an_episode_has_are_one_error_naming_the_file_and_nothing_is_written(show: Path,
                                                                                               where: str) -> None:
    """Every chapter is a psc:chapter in the feed: a chapters file of a million (44 MB) held a check 100 s and 1.6 GB
    and then failed as "the feed has about 1,000,088 elements … is this really a feed?" at feed.xml, naming neither
    the file nor the episode; 10,001 chapters went out in the feed without a word. More than MAX_CHAPTERS is one
    CHP003 naming the file and how many it holds."""
    from mediafeed.chapters import MAX_CHAPTERS

    folder = add_episode(show, "006-many", FRONT, seconds=3.0)
    starts = [i * 0.00025 for i in range(MAX_CHAPTERS + 1)]  # (all inside the audio's three seconds)
    if where == "chapters.txt":
        (folder / where).write_text("".join(f"{start:.5f} Part {i}\n" for i, start in enumerate(starts)))
        field = f"line {MAX_CHAPTERS + 1}"
    elif where == "chapters.json":
        (folder / where).write_text(json.dumps({"version": "1.2.0", "chapters": [
            {"startTime": start, "title": f"Part {i}"} for i, start in enumerate(starts)]}))
        field = "chapters"
    else:
        text = (folder / "episode.md").read_text()
        listed = "".join(f"  - {{start: {start:.5f}, title: Part {i}}}\n" for i, start in enumerate(starts))
        (folder / "episode.md").write_text(text.replace("---\n", f"chapters:\n{listed}---\n", 2).replace(
            f"chapters:\n{listed}", "", 1))
        field = "chapters"
    [problem] = _refused(show)  # was: built, 10,001 psc:chapter in the feed (and CHP013 for the audio's 255)
    rel = "episode.md" if where == "episode.md" else where
    assert (problem.code, problem.file, problem.field) == ("CHP003", f"episodes/006-many/{rel}", field), problem
    assert "more than 10,000 chapters" in problem.message or "holds 10,001 chapters" in problem.message
    assert not (show / "public").exists()


def test_a_chapters_file_over_16_mb_is_refused_unread_naming_its_size(show: Path) -> None:
    """A chapters file is read whole (and, JSON, parsed whole): a hostile or mistaken one of hundreds of megabytes
    was, before any check. Over 16 MB (what ``check --online`` reads of a published one) is CHP002 with its size."""
    folder = add_episode(show, "006-huge", FRONT, seconds=3.0)
    (folder / "chapters.json").write_text(json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 0, "title": "Welcome " + "x" * (17 * 1024 * 1024)}]}))
    [problem] = _refused(show)  # was: the 17 MB title published in chapters.json and the feed
    assert (problem.code, problem.file) == ("CHP002", "episodes/006-huge/chapters.json"), problem
    assert problem.message.startswith("is 17 MB; mediafeed reads chapters and transcript files of up to 16 MB")
    assert not (show / "public").exists()
