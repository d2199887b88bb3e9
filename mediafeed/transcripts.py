"""Transcripts: WebVTT and SRT parsed into cues, converted into each other, shown as text.

A timed transcript (``transcript.vtt`` or ``transcript.srt``) next to the episode
is published and linked with ``podcast:transcript``; the other timed format is
generated from it, and the page shows the cues grouped by speaker (``<v Name>``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .characters import without_bom
from .errors import Problem, error, warning
from .lazypattern import lazy
from .model import Link, Transcript
from .records import frozen
from .source import quoted

TRANSCRIPT_TYPES = {
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    ".html": "text/html",
    ".json": "application/json",
    ".txt": "text/plain",
}
TIMED = {"text/vtt", "application/x-subrip"}

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})"
#: the spaces around '-->' are optional in WebVTT: its parser (so Chromium) takes ``00:00:01.000-->00:00:02.000``,
#: which some subtitle tools write, as a cue; in SRT they are not (see :data:`_SRT_ARROW`)
_CUE_TIMES = lazy(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
#: WebVTT's own timestamps, as browsers read them: minutes and seconds of two digits, '.' before the milliseconds
_VTT_TIME = r"(?:\d+:)?\d{2}:\d{2}\.\d{3}"
_VTT_CUE_TIMES = lazy(rf"^\s*{_VTT_TIME}\s*-->\s*{_VTT_TIME}(?:\s+.*)?$")
#: an SRT timing line's arrow with a space each side: ffmpeg's SRT probe does not recognise a file without them
#: (``Invalid data found when processing input``), so neither do the players built on it
_SRT_ARROW = lazy(r"\s-->\s")
#: a line that is two timestamps joined by something other than '-->' ('->', '—>', '- ->'): meant as a cue's timing
_NEAR_TIMES = lazy(rf"^\s*{_TIME}\s*[^\s\d]{{1,4}}\s*{_TIME}\s*$")
#: the first line of a WebVTT comment block: "NOTE" alone or followed by a space or tab
_NOTE = lazy(r"^NOTE(?:[ \t]|$)")
_VOICE = lazy(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG = lazy(r"<[^>]+>")
#: a tag's name as cue text holds it (``<b>``, ``</i>``, ``<c.yellow>``, ``<v Ana>``; not a WebVTT timestamp ``<00:01.000>``)
_TAG_NAME = lazy(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)")
#: the markup each format's players render in cue text (WebVTT's cue text tags; the SRT tags players honour)
CUE_TAGS = {True: frozenset({"b", "i", "u", "c", "v", "lang", "ruby", "rt"}), False: frozenset({"b", "i", "u", "font"})}


@frozen
class Cue:
    start: float
    end: float
    text: str  #: plain text, tags removed, entities decoded
    speaker: str = ""


def _seconds(h: str | None, m: str, s: str, ms: str) -> float:
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse(text: str, mime: str, file: str, episode: str = "") -> tuple[list[Cue], list[Problem]]:
    """Cues of a WebVTT or SRT document, with a problem per malformed block."""
    text = without_bom(text)
    problems: list[Problem] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if mime == "text/vtt":
        if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
            return [], [error("TRN001", file, "a WebVTT file must start with the line 'WEBVTT'",
                              hint="add 'WEBVTT' and a blank line at the top", episode=episode)]
    vtt = mime == "text/vtt"
    cues: list[Cue] = []
    foreign: list[tuple[str, str]] = []  #: (where, tag) of each cue whose text holds markup its players do not render
    first = 1  # the line number of the block's first line
    for block in "\n".join(lines).split("\n\n"):
        numbered = [(first + n, r) for n, r in enumerate(block.split("\n")) if r.strip() != ""]
        first += block.count("\n") + 2
        rows = [r for _, r in numbered]
        if not rows:
            continue
        arrows = [i for i, row in enumerate(rows) if "-->" in row]
        if vtt and arrows and _NOTE.match(rows[0]):
            problems.append(_arrow_in_note(rows, arrows[0], f"line {numbered[arrows[0]][0]}", file, episode))
            continue
        if not arrows:
            near = next((i for i, row in enumerate(rows[:2]) if _NEAR_TIMES.match(row)), None)
            if near is not None:  # players take it for text, and drop the cue
                problems.append(error("TRN002", file, f"cue timing {quoted(rows[near].strip())} has no '-->': browsers read it as text and drop the cue",
                                      field=f"line {numbered[near][0]}", hint="join the two times with ' --> '",
                                      episode=episode))
            continue  # header, NOTE, STYLE, REGION or a cue number alone
        # a timing line ends the cue before it, blank line or not (WebVTT's parser, and so browsers, read it so)
        for k, index in enumerate(arrows):
            text_rows = rows[index + 1:arrows[k + 1] if k + 1 < len(arrows) else len(rows)]
            if k + 1 < len(arrows) and not vtt and text_rows and text_rows[-1].strip().isdigit():
                text_rows = text_rows[:-1]  # the next cue's number (SRT)
            cue, found = _cue(rows[index], f"line {numbered[index][0]}", text_rows, vtt, file, episode)
            problems += found
            tag = _foreign_tag(text_rows, vtt)
            if tag:
                foreign.append((f"line {numbered[index][0]}", tag))
            if cue is not None:
                cues.append(cue)
    if foreign:
        where, tag = foreign[0]
        more = f" (and {len(foreign) - 1} more cue(s))" if len(foreign) > 1 else ""
        problems.append(warning("TRN007", file, f"this cue holds <{tag}>{more}: the file is published as it is, "
                                f"and {'WebVTT' if vtt else 'SRT'} players show no such markup (they drop it or show it "
                                "as text; one that builds HTML from cues would run a script)", field=where,
                                hint=f"keep to {', '.join(f'<{t}>' for t in sorted(CUE_TAGS[vtt]))} in cue text"
                                + (" and write '&lt;' for a '<' that is text" if vtt else ""), episode=episode))
    if not cues and not problems:  # (a cue that is wrong is reported as such, not as a missing one)
        problems.append(warning("TRN006", file, "the transcript has no cues: apps would offer a transcript that shows "
                                "nothing", hint="write its cues, or remove the file until it has them", episode=episode))
    return cues, problems


def check_json(text: str, file: str, duration: float | None, episode: str = "") -> list[Problem]:
    """The problems of a Podcast Index JSON transcript (``{"version": "1.0.0", "segments": [{"startTime": 0,
    "endTime": 1.5, "body": "…", "speaker": "…"}]}``): it was published as it was, unread, so a file apps cannot
    show (not JSON, no segments, a time that is text) went out as the episode's transcript without a word."""
    import json

    from .source import RepeatedKey, load_json, parse_time, repeated_problems

    def wrong(message: str, field: str = "", hint: str = "") -> list[Problem]:
        return [error("TRN008", file, message, field=field, episode=episode, hint=hint or
                      'write {"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1.5, "body": "…"}]}')]

    repeated: list[RepeatedKey] = []  # (a second "segments" list hid the first from every app, without a word)
    try:
        data = load_json(text, repeated)
    except json.JSONDecodeError as exc:
        return wrong(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
    twice = repeated_problems(repeated, "TRN008", file, episode)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        return twice + wrong("expected an object with a 'segments' list (the Podcast Index JSON transcript format)", "segments")
    first = data["segments"][0] if data["segments"] else None
    if isinstance(first, dict) and "startTime" not in first and {"start", "end", "text"} <= first.keys():
        # (Whisper's own JSON: every segment was refused as "startTime must be a number of seconds, got None")
        return twice + wrong("this is Whisper's JSON output (segments of start, end and text), not a Podcast Index JSON "
                             "transcript: apps cannot read it", "segments[0]",
                             "publish the WebVTT Whisper writes instead, as transcript.vtt, and remove transcript.json: "
                             "whisper AUDIO --output_format vtt (whisper.cpp: whisper-cli -f AUDIO -ovtt)")
    problems: list[Problem] = twice
    previous = 0.0
    for index, segment in enumerate(data["segments"]):
        if len(problems) >= 10:  # (a file that is wrong throughout says so in its first segments)
            break
        where = f"segments[{index}]"
        if not isinstance(segment, dict):
            problems += wrong(f"expected an object with startTime, endTime and body, got {segment!r}", where)
            continue
        times = {key: segment.get(key) for key in ("startTime", "endTime")}
        bad = [key for key, value in times.items() if isinstance(value, (str, bool)) or parse_time(value) is None]
        if bad:  # (apps read numbers of seconds: "12.5" is text to them)
            problems += wrong(f"{bad[0]} must be a number of seconds, got {times[bad[0]]!r}", f"{where}.{bad[0]}")
            continue
        start, end = float(times["startTime"]), float(times["endTime"])  # type: ignore[arg-type]
        if not isinstance(segment.get("body"), str):
            problems += wrong(f"body must be text, got {segment.get('body')!r}", f"{where}.body")
        elif end < start or start < previous - 0.001:
            problems += wrong(f"segment {index + 1} ({start:g}–{end:g} s) ends before it starts or starts before the "
                              "one above it", where, "list segments in order, each ending after it starts")
        else:
            previous = start
            if duration and end > duration + 1.0:
                problems += [error("TRN005", file, f"segment {index + 1} ends at {_stamp(end, '.')}, after "
                                   f"the audio ({_stamp(duration, '.')})", field=f"{where}.endTime", episode=episode,
                                   hint="the transcript belongs to another cut of the audio?")]
    blank = [index for index, segment in enumerate(data["segments"])
             if isinstance(segment, dict) and isinstance(segment.get("body"), str) and not segment["body"].strip()]
    if blank:  # (AntennaPod reads the first character of the next segment's body: "" ends its reading of the file)
        more = f" (and {len(blank) - 1} more)" if len(blank) > 1 else ""
        problems.append(warning("TRN011", file, f"segment {blank[0] + 1}{more} has no text in its body: it shows "
                                "nothing, and AntennaPod, which reads a JSON transcript before any other, fails on the "
                                "whole file after such a segment", field=f"segments[{blank[0]}].body", episode=episode,
                                hint="remove the segment (a pause needs none), or write its words"))
    return problems


def _arrow_in_note(rows: list[str], index: int, where: str, file: str, episode: str) -> Problem:
    """TRN009 for a NOTE block whose line ``index`` holds '-->', which the WebVTT spec forbids in a comment. It was
    reported as "bad cue timing", as if a cue were wrong; browsers read such a line as a cue's timing (Chromium: on
    the note's first or second line with the note's first line as the cue's id, on a later one as a new cue)."""
    if _VTT_CUE_TIMES.match(rows[index]):
        what = "browsers read it as a cue's timing and show the note's lines after it as a caption"
    else:
        what = "browsers take the line for a cue's timing, find none and drop the note"
    return error("TRN009", file, f"a NOTE cannot contain '-->': {what}", field=where, episode=episode,
                 hint="write the arrow another way in the note ('->', '→'), or end the note with a blank line before it")


def _foreign_tag(rows: list[str], vtt: bool) -> str:
    """The first tag in a cue's text that the format's players do not render (``script``, ``img``), or ''."""
    for row in rows:
        if "<" in row:
            for match in _TAG_NAME.finditer(row):
                if match.group(1).lower() not in CUE_TAGS[vtt]:
                    return match.group(1).lower()
    return ""


def _cue(timing: str, where: str, text_rows: list[str], vtt: bool, file: str, episode: str) -> tuple[Cue | None, list[Problem]]:
    """One cue from its timing line and text; None (and the problem) when players would drop it."""
    match = _CUE_TIMES.match(timing)
    if not match:
        return None, [error("TRN002", file, f"bad cue timing {quoted(timing.strip())}", field=where,
                            hint="write 'HH:MM:SS.mmm --> HH:MM:SS.mmm'", episode=episode)]
    if not vtt and not _SRT_ARROW.search(timing):
        return None, [error("TRN002", file, f"cue timing {quoted(timing.strip())} has no space each side of '-->': ffmpeg, "
                            "and the players built on it, do not take the file for SRT", field=where,
                            hint="write 'HH:MM:SS,mmm --> HH:MM:SS,mmm'", episode=episode)]
    if vtt and not _VTT_CUE_TIMES.match(timing):
        comma = "," in timing.split("-->")[0] + timing.split("-->")[1].split()[0]
        return None, [error(
            "TRN002", file, f"cue timing {quoted(timing.strip())} has ',' before the milliseconds (SRT's way): "
            "browsers drop the cue" if comma else f"bad cue timing {quoted(timing.strip())}", field=where,
            hint="WebVTT writes '.' before the milliseconds: 00:01:02.500" if comma
            else "write 'HH:MM:SS.mmm --> HH:MM:SS.mmm' (two digits for minutes and seconds)", episode=episode)]
    g = match.groups()
    start, end = _seconds(*g[:4]), _seconds(*g[4:])
    raw = "\n".join(text_rows)
    voice = _VOICE.search(raw)
    speaker = html.unescape(voice.group(1).strip()) if voice else ""
    plain = html.unescape(_TAG.sub("", raw)).strip()
    problems = []
    if end < start:
        problems.append(error("TRN003", file, f"cue at {quoted(timing.strip())} ends before it starts", field=where,
                              hint="swap the two times, or correct the end", episode=episode))
    return Cue(start, end, plain, speaker), problems


def validate(cues: list[Cue], file: str, duration: float | None, episode: str = "") -> list[Problem]:
    problems = []
    previous = 0.0
    for cue in cues:
        if cue.start < previous - 0.001:
            problems.append(error("TRN004", file, f"cue at {_stamp(cue.start, '.')} starts before the previous cue",
                                  hint="order cues by start time", episode=episode))
            break
        previous = cue.start
    if duration and cues and cues[-1].end > duration + 1.0:
        problems.append(error("TRN005", file, f"last cue ends at {_stamp(cues[-1].end, '.')}, after the audio ({_stamp(duration, '.')})",
                              hint="the transcript belongs to another cut of the audio?", episode=episode))
    return problems


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


#: A "<" that SRT readers may take for the start of a tag: players honour <b>, <i>, <u>, <font …> in SRT text and
#: drop other tags (ffmpeg's reader, hence mpv's, drops "<script>" and even "<3 you>", keeping what is between).
_SRT_TAG_START = lazy(r"<(?=\S)")
#: U+2060 WORD JOINER: invisible, no line break; after that "<" no reader sees a tag (nor does HTML's tokenizer).
_WORD_JOINER = "\u2060"


def _srt_text(text: str) -> str:
    """Cue text as SRT shows it literally. SRT has no escaping (``&lt;`` is shown as those four characters), so
    a "<" that was text in the WebVTT file (``&lt;b&gt;``) is kept from starting a tag by a word joiner after it."""
    return _SRT_TAG_START.sub("<" + _WORD_JOINER, text)


def to_srt(cues: list[Cue]) -> bytes:
    out = []
    for n, cue in enumerate(cues, 1):
        text = _srt_text(f"{cue.speaker}: {cue.text}" if cue.speaker else cue.text)
        out.append(f"{n}\n{_stamp(cue.start, ',')} --> {_stamp(cue.end, ',')}\n{text}\n")
    return "\n".join(out).encode("utf-8")


def to_vtt(cues: list[Cue]) -> bytes:
    out = ["WEBVTT\n"]
    for cue in cues:
        text = html.escape(cue.text, quote=False)
        if cue.speaker:
            text = f"<v {html.escape(cue.speaker, quote=False)}>{text}"
        out.append(f"{_stamp(cue.start, '.')} --> {_stamp(cue.end, '.')}\n{text}\n")
    return "\n".join(out).encode("utf-8")


@frozen
class Paragraph:
    """Consecutive cues of one speaker, for reading on the page."""

    speaker: str
    start: float
    text: str


#: a speaker's paragraph on the page ends at the first sentence's end after this many characters, and at a cue's end
#: after PARAGRAPH_MOST: an hour of one voice (a transcript without speakers, a monologue) was one paragraph of
#: 370,000 characters with one time stamp, a wall of text whose every line was "the line being spoken" (a few
#: sentences a paragraph: a place to play from every half minute or so of speech)
PARAGRAPH_SOME, PARAGRAPH_MOST = 400, 1200
_SENTENCE_END = (".", "?", "!", "…", "。", "？", "！", "؟", "۔")
_CLOSING = " \"'”’»)]"


def unrolled(cues: list[Cue]) -> list[Cue]:
    """The cues of roll-up captions without the lines each repeats. YouTube's automatic captions (and other roll-up
    captions) show two lines, the one before again above the new one, with a cue of a few milliseconds holding the
    finished line between them: read as a page, each sentence was there two or three times ("welcome to safe to say
    welcome to safe to say welcome to safe to say today the link"). A cue's leading lines that end the cue before it
    are left out, when most cues repeat so: in other transcripts a line said twice ("Yes." "Yes.") is kept."""
    lines = [[line.strip() for line in cue.text.split("\n")] for cue in cues]
    repeats = sum(1 for before, now in zip(lines, lines[1:]) if now[0] == before[-1])
    if len(cues) < 3 or repeats * 2 < len(cues) - 1:
        return cues
    out = [cues[0]]
    for before, now, cue in zip(lines, lines[1:], cues[1:]):
        keep = now[1:] if now[0] == before[-1] else now
        if keep:
            out.append(Cue(cue.start, cue.end, "\n".join(keep), cue.speaker))
    return out


#: a speaker's label in brackets before the cue's text, as transcription tools write them in SRT (which has no voices):
#: "[Speaker 1] Hello" (Sonix, Happy Scribe), "[SPEAKER_00]: Hello" (WhisperX's diarization). A label without a colon
#: is a speaker only when it says so ("Speaker 2"): "[Music] Welcome" and "[Laughter]" are sounds, not people
_BRACKETED = lazy(r"\s*\[([^\[\]\n]{1,40})\](\s*:)?\s*")
_NUMBERED_SPEAKER = lazy(r"(?i)speaker[ _-]*\d{1,3}")


def labelled(cue: Cue) -> tuple[str, str]:
    """The cue's speaker and its text without the label: a WebVTT voice, or in SRT (which has no voices) the label
    transcription tools write before the text, "Name: text" (the namespace's SRT convention), "[Speaker 1] text" or
    "[SPEAKER_00]: text"; ``("", text)`` when there is none."""
    if cue.speaker:
        return cue.speaker, cue.text
    label = _BRACKETED.match(cue.text) if cue.text[:1] in "[ " else None
    if label and (label[2] or _NUMBERED_SPEAKER.fullmatch(label[1].strip())) and len(label[1].split()) <= 4:
        return label[1].strip(), cue.text[label.end():]
    if ":" in cue.text[:40]:
        head, _, tail = cue.text.partition(":")
        # (not a time, "At 10:30 we met", nor a bracketed note, "[inaudible 00:01:02]": they were speakers "At 10"
        # and "[inaudible 00")
        if head and len(head.split()) <= 4 and not tail[:1].isdigit() and "[" not in head:
            return head.strip(), tail.strip()
    return "", cue.text


def paragraphs(cues: list[Cue]) -> list[Paragraph]:
    """Consecutive cues of one speaker as paragraphs of readable length, each with the time it starts at. The texts
    are joined once a paragraph (each appended to the one before, 50,000 cues of one voice took 45 s)."""
    cues = unrolled(cues)
    out: list[Paragraph] = []
    texts: list[str] = []
    size = 0
    for cue in cues:
        speaker, text = labelled(cue)
        text = text.replace("\n", " ")
        if out and out[-1].speaker == speaker and not (
                size >= PARAGRAPH_MOST or (size >= PARAGRAPH_SOME and texts[-1].rstrip(_CLOSING).endswith(_SENTENCE_END))):
            texts.append(text)
            size += len(text) + 1
            continue
        if out:
            out[-1] = Paragraph(out[-1].speaker, out[-1].start, " ".join(texts).strip())
        out.append(Paragraph(speaker, cue.start, text))
        texts, size = [text], len(text)
    if out:
        out[-1] = Paragraph(out[-1].speaker, out[-1].start, " ".join(texts).strip())
    return out


#: the other timed format, generated when only one is published
_COUNTERPART = {"text/vtt": ("application/x-subrip", ".srt"), "application/x-subrip": ("text/vtt", ".vtt")}
_PREFERENCE = ("text/vtt", "application/x-subrip", "application/json", "text/html", "text/plain")


def links(found: tuple[Transcript, ...], page_path: str, absolute: Callable[[str], str]) -> tuple[Link, ...]:
    """``podcast:transcript`` links: every published file, plus the other timed format generated from each
    WebVTT or SRT file that has no counterpart of the same name. WebVTT first (Apple reads it)."""
    if not found:  # most episodes (and every kept one is asked again on each build)
        return ()
    from .site import url_path

    names = {t.path for t in found}
    out: list[Link] = []
    for transcript in found:
        timed = transcript.mime in TIMED
        out.append(Link(url=absolute(page_path + url_path(transcript.path)), mime=transcript.mime,
                        rel=page_path + transcript.path, language=transcript.language, captions=timed))
        if timed:
            mime, ext = _COUNTERPART[transcript.mime]
            name = transcript.path.rsplit(".", 1)[0] + ext
            if name not in names:
                names.add(name)
                out.append(Link(url=absolute(page_path + url_path(name)), mime=mime, rel=page_path + name,
                                language=transcript.language, captions=True, source=transcript.path))
    order = {mime: index for index, mime in enumerate(_PREFERENCE)}
    return tuple(sorted(out, key=lambda link: order.get(link.mime, len(order))))


def convert(cues: list[Cue], mime: str) -> bytes:
    """The cues in ``mime`` (WebVTT or SRT). An SRT's speaker labels (:func:`labelled`: "Name:", "[Speaker 1]",
    "[SPEAKER_00]:") become WebVTT voices, ``<v Speaker 1>``, which name the speaker in Apple Podcasts and in
    Podcasting 2.0 apps (the namespace's transcripts.md); the page reads them so too."""
    if mime != "text/vtt":
        return to_srt(cues)
    return to_vtt([Cue(cue.start, cue.end, text, speaker) for cue in cues for speaker, text in (labelled(cue),)])
