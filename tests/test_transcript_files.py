"""Transcript files as transcription services and subtitle tools write them, published and shown on the page.

Each input is either published (as it is, with the other timed format generated) and shown readably on the
episode page, or refused with a problem naming the file and the line. Read back with lxml; the audio is real.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from helpers import add_episode

from mediafeed.build import BuildFailed, build

GUID = "c2e4d1af-33bb-4d6f-8e2f-1d1ceb00c022"
FRONT = f"title: Transcript\ndate: 2026-03-20T08:00:00+00:00\nguid: {GUID}\naudio: audio.mp3\n"
SLUG = "006-transcript"


def _stamp(seconds: float, sep: str) -> str:
    return f"00:00:{int(seconds):02d}{sep}{round(seconds % 1 * 1000):03d}"


def _page_paragraphs(show: Path) -> list[tuple[str, str]]:
    """(data-start, text) of each paragraph of the episode page's transcript."""
    main = lxml.html.fromstring((show / "public" / "episodes" / SLUG / "index.html").read_bytes())
    return [(p.xpath("./a/@data-start")[0], " ".join(p.text_content().split()))
            for p in main.xpath("//section[@id='transcript']/p[a[@data-start]]")]


def test_a_transcript_without_speakers_is_shown_in_paragraphs_each_with_its_time(show: Path) -> None:
    """An SRT without names (what most machine transcription writes) became one paragraph of the whole episode:
    3,600 characters behind one time stamp, so the page had one place to seek to and the player nothing to follow.
    Now a paragraph ends with the sentence that takes it past 400 characters."""
    sentences = [f"Sentence number {n} says a little more about the study and what it found." for n in range(48)]
    cues = [f"{n + 1}\n{_stamp(n * 0.1, ',')} --> {_stamp(n * 0.1 + 0.1, ',')}\n{text}\n"
            for n, text in enumerate(sentences)]
    folder = add_episode(show, SLUG, FRONT, seconds=6.0)
    (folder / "transcript.srt").write_text("\n".join(cues), encoding="utf-8")
    build(show)
    shown = _page_paragraphs(show)
    assert len(shown) == 8, [len(text) for _, text in shown]
    assert all(400 <= len(text) < 500 for _, text in shown[:-1])
    assert [start for start, _ in shown] == ["0.0", "0.6", "1.2", "1.8", "2.4", "3.0", "3.6", "4.2"]
    assert " ".join(text.split(" ", 1)[1] for _, text in shown) == " ".join(sentences)  # (after "0:00")


def test_a_webvtt_cue_timing_without_spaces_round_its_arrow_is_published_as_browsers_read_it(show: Path) -> None:
    """Chromium's WebVTT parser takes '00:00:00.000-->00:00:01.000' as a cue (the spaces are optional there); the
    build refused the file (TRN002 "bad cue timing"). Now it is published, and the cues are on the page."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.vtt").write_text("WEBVTT\n\n00:00:00.000-->00:00:01.000\n<v Ana>Hello.\n\n"
                                           "00:00:01.000 -->00:00:02.000 align:start\n<v Bob>Hi there.\n",
                                           encoding="utf-8")
    build(show)
    assert [text for _, text in _page_paragraphs(show)] == ["0:00 Ana: Hello.", "0:01 Bob: Hi there."]
    srt = (show / "public" / "episodes" / SLUG / "transcript.srt").read_text(encoding="utf-8")
    assert "00:00:01,000 --> 00:00:02,000\nBob: Hi there." in srt


def test_an_srt_cue_timing_without_spaces_round_its_arrow_is_refused_saying_why(show: Path) -> None:
    """ffmpeg's SRT probe does not recognise '00:00:01,000-->00:00:02,000' ("Invalid data found when processing
    input"): it stays an error, but one that says what is wrong instead of "bad cue timing"."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nA\n\n2\n00:00:01,000-->00:00:02,000\nB\n")
    with pytest.raises(BuildFailed) as info:
        build(show)
    [problem] = [p for p in info.value.problems if p.code == "TRN002"]
    assert (problem.file, problem.field) == (f"episodes/{SLUG}/transcript.srt", "line 6")
    assert "has no space each side of '-->'" in problem.message


@pytest.mark.parametrize("text,field,words", [
    ('{"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1, "body": "Hi"},]}', "",
     "not valid JSON: Expecting value (line 1, column 80)"),
    ('{"version": "1.0.0", "transcript": []}', "segments", "expected an object with a 'segments' list"),
    ('{"version": "1.0.0", "segments": [{"startTime": "0.5", "endTime": 1, "body": "Hi"}]}', "segments[0].startTime",
     "startTime must be a number of seconds, got '0.5'"),
    ('{"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1, "body": ["Hi"]}]}', "segments[0].body",
     "body must be text"),
    ('{"version": "1.0.0", "segments": [{"startTime": 1, "endTime": 2, "body": "b"}, {"startTime": 0, "endTime": 1, '
     '"body": "a"}]}', "segments[1]", "starts before the one above it"),
], ids=["not-json", "no-segments", "time-as-text", "body-not-text", "out-of-order"])
def test_a_json_transcript_apps_cannot_read_is_refused_naming_the_field(show: Path, text: str, field: str,
                                                                        words: str) -> None:
    """transcript.json was published and linked (podcast:transcript type="application/json") unread: a file that
    is no JSON, or not the Podcast Index format, went out as the episode's transcript without a word (0 problems)."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.json").write_text(text, encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(show)
    [problem] = [p for p in info.value.problems if p.code == "TRN008"]
    assert (problem.file, problem.field) == (f"episodes/{SLUG}/transcript.json", field)
    assert words in problem.message


#: what ``whisper audio.mp3 --output_format json`` writes (openai-whisper; whisper.cpp's -oj is its own shape)
_WHISPER_JSON = ('{"text": " Welcome. Today, the link.", "segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 1.2, '
                 '"text": " Welcome.", "tokens": [50364, 5369], "temperature": 0.0, "avg_logprob": -0.25, '
                 '"compression_ratio": 1.1, "no_speech_prob": 0.01}, {"id": 1, "seek": 0, "start": 1.2, "end": 2.5, '
                 '"text": " Today, the link.", "tokens": [50524], "temperature": 0.0, "avg_logprob": -0.2, '
                 '"compression_ratio": 1.1, "no_speech_prob": 0.01}], "language": "en"}')


def test_whispers_json_output_as_the_transcript_is_one_problem_naming_whisper_and_its_vtt_option(show: Path) -> None:
    """Whisper's JSON (segments of start, end, text) saved as transcript.json was refused a segment at a time,
    "startTime must be a number of seconds, got None", with the Podcast Index format as the only hint: the producer
    was not told the file is Whisper's own, nor that Whisper writes the WebVTT apps read. Now one TRN008 says so."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.json").write_text(_WHISPER_JSON, encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(show)
    [problem] = [p for p in info.value.problems if p.code == "TRN008"]
    assert "Whisper's JSON output" in problem.message
    assert "--output_format vtt" in problem.hint and "-ovtt" in problem.hint

def test_a_json_transcript_in_the_podcast_index_format_is_published_and_linked(show: Path) -> None:
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    text = ('\ufeff{"version": "1.0.0", "segments": [{"speaker": "Ana", "startTime": 0, "endTime": 1.5, "body": "Hi."},'
            ' {"startTime": 1.5, "endTime": 2.75, "body": "Bye."}]}')
    (folder / "transcript.json").write_text(text, encoding="utf-8")
    build(show)
    assert (show / "public" / "episodes" / SLUG / "transcript.json").read_text(encoding="utf-8") == text
    feed = (show / "public" / "feed.xml").read_text(encoding="utf-8")
    assert f'episodes/{SLUG}/transcript.json" type="application/json" language="en-gb"/>' in feed


def test_a_json_transcript_segment_without_words_is_named_as_antennapod_reads_no_transcript_after_it(show: Path) -> None:
    """AntennaPod reads transcript.json before the WebVTT beside it, and its reader takes the first character of the
    next segment's body once five seconds of text are gathered: a segment with "body": "" there ended its reading of
    the file (StringIndexOutOfBoundsException), and listeners got no transcript. The build published it without a
    word; now TRN011 (a warning: the file is still published) names the first such segment, and counts the others."""
    folder = add_episode(show, SLUG, FRONT, seconds=9.0)
    segments = [(0, 5.5, "Hello there."), (5.5, 6, ""), (6, 7.5, "Bye."), (7.5, 8, "  ")]
    (folder / "transcript.json").write_text(json.dumps({"version": "1.0.0", "segments": [
        {"startTime": start, "endTime": end, "body": body, "speaker": "Maya"} for start, end, body in segments]}),
        encoding="utf-8")
    report = build(show)
    [problem] = [p for p in report.problems if p.code == "TRN011"]
    assert (problem.severity, problem.file, problem.field) == ("warning", f"episodes/{SLUG}/transcript.json",
                                                               "segments[1].body")
    assert "segment 2 (and 1 more) has no text" in problem.message and "AntennaPod" in problem.message
    assert (show / "public" / "episodes" / SLUG / "transcript.json").exists()


@pytest.mark.parametrize("note,line,words", [
    ("NOTE the old intro --> the new one\n", 3, "browsers take the line for a cue's timing, find none and drop the note"),
    ("NOTE\nwas: intro --> now: outro\n", 4, "browsers take the line for a cue's timing, find none and drop the note"),
    ("NOTE\n00:00:00.000 --> 00:00:01.000\nfor the editor only\n", 4,
     "browsers read it as a cue's timing and show the note's lines after it as a caption"),
])
def test_a_webvtt_note_holding_an_arrow_is_refused_as_a_note_not_as_a_cue_timing(show: Path, note: str, line: int,
                                                                                  words: str) -> None:
    """The WebVTT spec lets no NOTE (comment) block hold '-->': it was refused as "bad cue timing 'NOTE the old intro
    --> the new one'" (TRN002), as if a cue were wrong. Chromium drops such a note, or, when the arrow line is a
    timing, shows the note's text as a caption (cue id 'NOTE'): now TRN009 names the note's line and says so."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.vtt").write_text(f"WEBVTT\n\n{note}\n00:00:01.000 --> 00:00:02.000\nHello.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(show)
    [problem] = [p for p in info.value.problems if p.code.startswith("TRN")]
    assert (problem.code, problem.file, problem.field) == ("TRN009", f"episodes/{SLUG}/transcript.vtt", f"line {line}")
    assert problem.message.startswith("a NOTE cannot contain '-->': ") and words in problem.message
    assert "cue timing" not in problem.message


def test_one_byte_order_mark_is_dropped_from_every_source_file_and_a_second_is_text(show: Path) -> None:
    """Notepad's "UTF-8" starts a file with U+FEFF. episode.md, chapters.txt and the transcript each drop one (one
    helper does it for every reader, characters.without_bom); a second mark is text, as a browser reads it: the
    WebVTT file then does not start with 'WEBVTT' (TRN001)."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "episode.md").write_text("\ufeff" + (folder / "episode.md").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "chapters.txt").write_text("\ufeff00:00:00 Welcome\n", encoding="utf-8")
    (folder / "transcript.vtt").write_text("\ufeffWEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ana>Hello.\n", encoding="utf-8")
    build(show)
    assert [text for _, text in _page_paragraphs(show)] == ["0:00 Ana: Hello."]
    (folder / "transcript.vtt").write_text("\ufeff\ufeffWEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert [p.code for p in info.value.problems] == ["TRN001"]


#: YouTube's automatic captions as its "Download .vtt" (and yt-dlp --write-auto-subs) writes them: roll-up cues whose
#: first line repeats the line before, word times in <c> tags, cue settings, and 10 ms cues holding the finished line
_YOUTUBE_VTT = ("WEBVTT\nKind: captions\nLanguage: en\n\n"
                "00:00:00.240 --> 00:00:01.000 align:start position:0%\n \n"
                "welcome<00:00:00.560><c> to</c><00:00:00.800><c> safe</c><00:00:00.900><c> harbour</c>\n\n"
                "00:00:01.000 --> 00:00:01.010 align:start position:0%\nwelcome to safe harbour\n \n\n"
                "00:00:01.010 --> 00:00:02.000 align:start position:0%\nwelcome to safe harbour\n"
                "today<00:00:01.300><c> the</c><00:00:01.600><c> link</c>\n\n"
                "00:00:02.000 --> 00:00:02.010 align:start position:0%\ntoday the link\n \n\n"
                "00:00:02.010 --> 00:00:02.900 align:start position:0%\ntoday the link\nand<c> more</c>\n")


def test_youtubes_roll_up_captions_read_on_the_page_once(show: Path) -> None:
    """Each line of YouTube's automatic captions is in three cues (new, finished, above the next): the page's transcript
    read "welcome to safe harbour welcome to safe harbour welcome to safe harbour today the link today the link …".
    Now each line is there once; the file itself is published as it is."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.vtt").write_text(_YOUTUBE_VTT, encoding="utf-8")
    build(show)
    page = (show / "public" / "episodes" / SLUG / "index.html").read_text(encoding="utf-8")
    assert page.count("safe harbour") == 1 and page.count("today the link") == 1 and "and more" in page
    assert (show / "public" / "episodes" / SLUG / "transcript.vtt").read_text(encoding="utf-8") == _YOUTUBE_VTT


def test_a_line_said_twice_in_an_ordinary_transcript_stays_twice_on_the_page(show: Path) -> None:
    """Roll-up captions are told by most cues repeating the line before: one repeat in a transcript is speech."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:00.500\nIs it linked?\n\n"
                                           "00:00:00.500 --> 00:00:01.000\nYes.\n\n00:00:01.000 --> 00:00:01.500\nYes.\n\n"
                                           "00:00:01.500 --> 00:00:02.000\nIt is.\n", encoding="utf-8")
    build(show)
    page = (show / "public" / "episodes" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "Yes. Yes. It is." in page


_WHISPER_TSV = "start\tend\ttext\n0\t1500\tWelcome to the show.\n1500\t2800\tToday: the review.\n"


def test_whispers_tsv_output_as_the_transcript_is_named_not_left_out_without_a_word(show: Path) -> None:
    """Whisper's TSV (start, end, text in milliseconds) saved as transcript.tsv was left out: the episode had no
    transcript, and check said "No problems found". TRN010 names it, and Whisper's WebVTT; named in the front matter,
    it was "unknown transcript type" and is TRN010 too."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.tsv").write_text(_WHISPER_TSV, encoding="utf-8")
    report = build(show)
    [problem] = [p for p in report.problems if p.code == "TRN010"]
    assert (problem.severity.value, problem.file, problem.field) == ("warning", f"episodes/{SLUG}/transcript.tsv",
                                                                     "transcript")
    assert "as Whisper writes one" in problem.message and "it is not published" in problem.message
    assert "--output_format vtt" in problem.hint and "-ovtt" in problem.hint and "transcript.vtt" in problem.hint
    (folder / "transcript.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nWelcome to the show.\n")
    assert not [p for p in build(show).problems if p.code == "TRN010"]  # (the WebVTT is published; the TSV is not needed)
    (folder / "transcript.vtt").unlink()
    (folder / "episode.md").write_text((folder / "episode.md").read_text().replace("audio:", "transcript: transcript.tsv\naudio:"))
    with pytest.raises(BuildFailed) as info:
        build(show)
    [problem] = [p for p in info.value.problems if p.code == "TRN010"]
    assert (problem.severity.value, problem.file) == ("error", f"episodes/{SLUG}/episode.md")
    assert problem.message.startswith("transcript.tsv: a TSV transcript")


def _built_with_srt(show: Path, lines: list[str]) -> None:
    """The show built with an episode whose transcript.srt has a half-second cue for each of ``lines``."""
    cues = [f"{n + 1}\n{_stamp(n * 0.5, ',')} --> {_stamp(n * 0.5 + 0.5, ',')}\n{text}\n" for n, text in enumerate(lines)]
    folder = add_episode(show, SLUG, FRONT, seconds=4.0)
    (folder / "transcript.srt").write_text("\n".join(cues), encoding="utf-8")
    build(show)


def test_srt_speaker_labels_in_brackets_are_read_as_speakers_and_sounds_are_not(show: Path) -> None:
    """SRT has no voices: tools write the speaker before the text. "Name: text" was read, "[Speaker 1] text" (Sonix,
    Happy Scribe) and WhisperX's "[SPEAKER_00]: text" were not: the page showed the labels inside the text (or
    "[SPEAKER_00]" with its brackets as a name). A sound in brackets stays text, and so do a time and a note that hold
    a colon ("At 10:30", "[inaudible 00:01:02]" were the speakers "At 10" and "[inaudible 00")."""
    _built_with_srt(show, ["[Speaker 1] Welcome to the show.", "[Speaker 2]\nThanks for having me.", "[Music]",
                           "[SPEAKER_00]: Let us begin.", "[inaudible 00:01:02] at the start", "At 10:30 we met."])
    main = lxml.html.fromstring((show / "public" / "episodes" / SLUG / "index.html").read_bytes())
    said = [(" ".join(p.xpath("./strong/text()")), " ".join(p.xpath("./text()")).split())
            for p in main.xpath("//section[@id='transcript']/p[a[@data-start]]")]
    assert [(speaker, " ".join(words)) for speaker, words in said] == [
        ("Speaker 1:", "Welcome to the show."), ("Speaker 2:", "Thanks for having me."), ("", "[Music]"),
        ("SPEAKER_00:", "Let us begin."), ("", "[inaudible 00:01:02] at the start At 10:30 we met.")]


def test_the_webvtt_made_from_an_srt_names_its_speakers_in_voices(show: Path) -> None:
    """The SRT's speaker labels were read on the page, but the transcript.vtt made from it kept them as text
    ("[Speaker 1] Welcome", "Maya: Thanks"): Apple Podcasts and Podcasting 2.0 apps name a WebVTT speaker by its voice
    span, <v Name> (the namespace's transcripts.md), and showed none. Sounds, times and notes stay text."""
    from mediafeed.transcripts import parse

    _built_with_srt(show, ["[Speaker 1] Welcome to the show.", "[Speaker 2]\nThanks for having me.", "[Music]",
                           "[SPEAKER_00]: Let us begin.", "Maya: Fish & chips <3", "At 10:30 we met."])
    vtt = (show / "public" / "episodes" / SLUG / "transcript.vtt").read_text(encoding="utf-8")
    read, problems = parse(vtt, "text/vtt", "transcript.vtt")
    assert problems == [] and [(cue.speaker, cue.text) for cue in read] == [
        ("Speaker 1", "Welcome to the show."), ("Speaker 2", "Thanks for having me."), ("", "[Music]"),
        ("SPEAKER_00", "Let us begin."), ("Maya", "Fish & chips <3"), ("", "At 10:30 we met.")]
    assert "\n<v Speaker 1>Welcome to the show.\n" in vtt and "\n<v Maya>Fish &amp; chips &lt;3\n" in vtt


def test_a_transcript_over_16_mb_is_refused_unread_naming_its_size(show: Path) -> None:
    """A transcript is read whole, parsed and shown on the episode page: one cue of 17 MB was published and made the
    page 17 MB; a million cues (39 MB) held a build 100 s and 650 MB. Over 16 MB (what ``check --online`` reads of a
    published one; a word-level transcript of a ten-hour episode is some 7 MB) is TRN000 with its size."""
    folder = add_episode(show, SLUG, FRONT, seconds=3.0)
    (folder / "transcript.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n" + "word " * (17 * 1024 * 1024 // 5 + 1))
    with pytest.raises(BuildFailed) as info:
        build(show)
    [problem] = [p for p in info.value.problems if p.severity.value == "error"]
    assert (problem.code, problem.file) == ("TRN000", f"episodes/{SLUG}/transcript.vtt"), problem
    assert problem.message.startswith("is 17 MB; mediafeed reads chapters and transcript files of up to 16 MB")
    assert not (show / "public").exists()
