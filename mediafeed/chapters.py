"""Chapters from one source into every encoding.

Producers write chapters once: a list in the front matter, a ``chapters.txt``
(``00:01:30 Title`` lines, optionally followed by a URL) or a Podcasting 2.0
``chapters.json``. This module parses all three into :class:`Chapter` tuples and
writes the JSON chapters document and Podlove Simple Chapters times.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .characters import without_bom
from .errors import Problem, error, warning
from .lazypattern import lazy
from .model import Chapter
from .source import (
    JSON_SPACE,
    RepeatedKey,
    as_text,
    close_directions,
    is_url,
    load_json,
    parse_time,
    quoted,
    repeated_problems,
    scrub_values,
    what_arrived,
)

CHAPTER_FILES = ("chapters.json", "chapters.txt")
#: the most chapters an audio file's own list holds: an ID3 CTOC counts its chapters in one byte, and so does the Nero
#: ``chpl`` box ffmpeg writes into an M4A beside its chapter track (which mutagen reads). The audio gets the first ones.
AUDIO_CHAPTERS = 255
#: the most chapters an episode may have: one every five seconds of a ten-hour episode is 7,200. Each is a
#: ``psc:chapter`` in the feed: a file of a million held a check 100 s and 1.6 GB, then failed as "the feed has about
#: 1,000,088 elements" at feed.xml, naming neither the chapters file nor its episode
MAX_CHAPTERS = 10_000
_LINE = lazy(r"^\s*(?P<time>\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?|\d+(?:\.\d+)?)\s+[-–—]?\s*(?P<rest>.+?)\s*$")
_URL_TAIL = lazy(r"\s+<?(?P<url>https?://\S+?)>?$")
#: a line of an Audacity label track export (File > Export > Export Labels): start and end in seconds and the label,
#: separated by tabs; a point label has its end equal to its start. Read as "00:01:30 Title", the end was taken for the
#: title's first word: every chapter was published as "0.000000\tWelcome", without a word.
_AUDACITY = lazy(r"^(?P<start>\d+(?:\.\d+)?)\t(?P<end>\d+(?:\.\d+)?)(?:\t(?P<title>.*))?$")
#: the line under a label in Audacity's extended export (spectral selection): '\', a tab, the low and high frequency
_AUDACITY_SPECTRAL = lazy(r"^\\\t")
#: (how the file's first line starts, what wrote it, the fix): chapter lists from tools whose own format is not
#: chapters.txt's; each line was refused as "expected 'HH:MM:SS Title'", a problem per line and no word of the tool
_FOREIGN = (
    (";FFMETADATA", "an ffmpeg metadata file (ffmetadata)",
     "write chapters.txt lines instead, one per [CHAPTER]: its START in seconds (START × TIMEBASE) and its title, "
     "e.g. '00:01:30 Title'"),
    ("#,Name,Start", "a REAPER marker list (Region/Marker Manager export)",
     "in REAPER set the ruler to Minutes:Seconds (View > Time unit for ruler), export again, and write each marker as "
     "'Start Name' in chapters.txt: awk -F, 'NR>1 && $1 ~ /^M/ {print $3, $2}' markers.csv > chapters.txt"),
    ("Name\tStart\tDuration", "an Adobe Audition marker list (Markers panel > Export Markers)",
     "export the markers with the time format 'Decimal (mm:ss.ddd)' and write each as 'Start Name' in chapters.txt: "
     "awk -F'\\t' 'NR>1 {print $2, $1}' markers.csv > chapters.txt"),
)


def parse_text(text: str, file: str, episode: str = "") -> tuple[tuple[Chapter, ...], list[Problem]]:
    """``00:01:30 Title [https://…]`` lines (or an Audacity label export's); blank lines and ``#`` comments skipped."""
    chapters: list[Chapter] = []
    problems: list[Problem] = []
    text = without_bom(text)
    foreign = next((found for found in _FOREIGN if text.lstrip().startswith(found[0])), None)
    if foreign:
        return (), [error("CHP001", file, f"this is {foreign[1]}, not chapters.txt lines ('00:01:30 Title')",
                          field="line 1", hint=foreign[2], episode=episode)]
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#") or _AUDACITY_SPECTRAL.match(line):
            continue
        if len(chapters) == MAX_CHAPTERS:
            return (), [_too_many(f"more than {MAX_CHAPTERS:,}", file, episode, f"line {number}")]
        label = _AUDACITY.match(line)
        if label:
            begins, ends = float(label.group("start")), float(label.group("end"))
            chapters.append(Chapter(start=begins, title=close_directions((label.group("title") or "").strip()),
                                    end=ends if ends > begins else None, origin=f"line {number}"))
            continue
        match = _LINE.match(line)
        start = parse_time(match.group("time")) if match else None
        if not match or start is None:
            problems.append(error("CHP001", file, f"expected 'HH:MM:SS Title', got {quoted(line.strip())}",
                                  field=f"line {number}", hint="start each line with a time such as 00:01:30, then the title",
                                  episode=episode))
            continue
        rest = match.group("rest")
        url = ""
        tail = _URL_TAIL.search(rest)
        if tail:
            url, rest = tail.group("url"), rest[: tail.start()].strip()
        chapters.append(Chapter(start=start, title=close_directions(rest), url=url, origin=f"line {number}"))
    return tuple(chapters), problems or _none(chapters, file, episode)


def parse_json(text: str, file: str, episode: str = "", fix: str = "fix the JSON, or write chapters.txt lines instead"
               ) -> tuple[tuple[Chapter, ...], list[Problem]]:
    """A Podcasting 2.0 JSON chapters document; ``fix`` is the hint for one that is not JSON (a show's own file may
    become chapters.txt; a feed's, fetched by ``check --online``, is fixed where it is published)."""
    repeated: list[RepeatedKey] = []  # ('"chapters": [...], "chapters": []' was read as no chapters, without a word)
    try:
        data = load_json(text, repeated)
    except json.JSONDecodeError as exc:
        return (), [error("CHP002", file, f"not valid JSON: {exc.msg} (line {exc.lineno})",
                          hint=fix, episode=episode)]
    twice = repeated_problems(repeated, "CHP002", file, episode)
    if not isinstance(data, dict) or not isinstance(data.get("chapters"), list):
        return (), twice + [error("CHP003", file, "expected an object with a 'chapters' list", field="chapters",
                          hint='write {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}]}',
                          episode=episode)]
    if len(data["chapters"]) > MAX_CHAPTERS:
        return (), twice + [_too_many(f"{len(data['chapters']):,}", file, episode, "chapters")]
    # the file's text was scrubbed of what XML forbids, but JSON spells such characters as escapes ("\u0001", a
    # lone "\ud800"), which only parsing makes characters: a lone surrogate cannot even be written as UTF-8
    chapters, scrubbed = scrub_values(data["chapters"], file, episode)
    found, problems = from_items(chapters, file, episode, json_keys=True, lines=_item_lines(without_bom(text)))
    return found, twice + scrubbed + (problems or _none(found, file, episode))


def _too_many(count: str, file: str, episode: str, field: str) -> Problem:
    """CHP003 for a chapters file (or front matter) of more than :data:`MAX_CHAPTERS` chapters."""
    return error("CHP003", file, f"holds {count} chapters; an episode has at most {MAX_CHAPTERS:,} (one every five "
                 "seconds of a ten-hour episode is 7,200)", field=field, episode=episode,
                 hint="is this the episode's chapters file? Apps list every chapter: merge them into at most a few "
                 "hundred")


def _none(chapters: Any, file: str, episode: str) -> list[Problem]:
    """CHP005 for a chapters file that holds no chapter (and no problem): an empty chapters.txt, or one of comments
    and blank lines, said nothing, and the producer who saved it before writing it was not told."""
    if chapters:
        return []
    return [warning("CHP005", file, "the chapters file holds no chapters: the episode is published without chapters",
                    hint="write its chapters ('00:01:30 Title' lines in chapters.txt), or remove the file", episode=episode)]


def _item_lines(text: str) -> list[int]:
    """The line each member of the "chapters" list of a JSON document (already read without an error) starts on, as
    json counts lines: CHP010-CHP012 named "chapters[40]", and the producer counted objects in the file by hand."""
    decoder, line, counted = json.JSONDecoder(), 1, 0
    lines: list[int] = []

    def skip(at: int) -> int:
        return JSON_SPACE.match(text, at).end()  # type: ignore[union-attr]  # (it matches the empty string)

    at = skip(skip(0) + 1)  # past '{'
    while text[at:at + 1] == '"':
        key, at = decoder.raw_decode(text, at)
        at = skip(skip(at) + 1)  # past ':'
        if key == "chapters" and text[at] == "[":  # (json keeps the last of two "chapters")
            lines, at = [], skip(at + 1)
            while text[at] != "]":
                line, counted = line + text.count("\n", counted, at), at
                lines.append(line)
                at = skip(decoder.raw_decode(text, at)[1])
                at = skip(at + 1) if text[at] == "," else at
            at += 1
        else:
            at = decoder.raw_decode(text, at)[1]
        at = skip(at)
        at = skip(at + 1) if text[at:at + 1] == "," else at
    return lines


def from_items(items: list[Any], file: str, episode: str = "", json_keys: bool = False,
               lines: list[int] | None = None) -> tuple[tuple[Chapter, ...], list[Problem]]:
    """Chapters from a list of mappings (front matter ``start``/``title`` or JSON ``startTime``/``title``); ``lines``:
    the line of the file each mapping starts on, for the problems of the chapters found to name."""
    if len(items) > MAX_CHAPTERS:
        return (), [_too_many(f"{len(items):,}", file, episode, "chapters")]
    chapters, problems = [], []
    start_key = "startTime" if json_keys else "start"
    for index, item in enumerate(items):
        where = f"chapters[{index}]"
        if not isinstance(item, dict):
            problems.append(error("CHP003", file, f"expected a mapping with {start_key} and title, got {what_arrived(item)}",
                                  field=where, episode=episode))
            continue
        start = parse_time(item.get(start_key, item.get("start", item.get("startTime"))))
        if start is None:
            problems.append(error("CHP004", file, f"missing or invalid {start_key}: {what_arrived(item.get(start_key))}",
                                  field=f"{where}.{start_key}", hint="give seconds (90) or a time ('00:01:30')", episode=episode))
            continue
        end_key = next((key for key in ("endTime", "end") if item.get(key) is not None), "endTime")
        given = item.get(end_key)
        end = parse_time(given) if given is not None else None
        # an end that is no time, or not after the start, was dropped or published as it was without a word: apps
        # that honour endTime then showed a chapter that ends before it starts
        if given is not None and (end is None or end <= start):
            problems.append(error("CHP004", file, f"invalid {end_key}: {what_arrived(given)}" if end is None else
                                  f"{end_key} {clock(end, True)} is not after the chapter's start {clock(start, True)}",
                                  field=f"{where}.{end_key}", hint="give a time after the start, or leave the end out "
                                  "(the chapter then ends where the next starts)", episode=episode))
            continue
        if item.get("toc") is not None and not isinstance(item["toc"], bool):  # "toc": "false" was read as true, and listed
            problems.append(error("CHP003", file, f"toc must be true or false, got {what_arrived(item['toc'])}", field=f"{where}.toc",
                                  hint="write toc: false without quotes, or leave it out", episode=episode))
            continue
        title = item.get("title", "")
        if title is not None and (isinstance(title, bool) or not isinstance(title, (str, int, float, date))):
            # (binary data or a set was published as Python writes it: "b'hello'")
            problems.append(error("CHP003", file, f"a chapter title must be text, got {what_arrived(title)}", field=f"{where}.title",
                                  hint='write the title in quotes, e.g. "title": "Introduction"', episode=episode))
            continue
        links = {key: item.get(key) for key in ("url", "img") if item.get(key) not in (None, "")}
        wrong = {key: value for key, value in links.items() if not isinstance(value, str) or not is_url(value.strip())}
        for key, value in wrong.items():  # a javascript: link would be live on the episode page and in apps
            problems.append(error("CHP003", file, f"expected an absolute http(s) URL, got {what_arrived(value)}", field=f"{where}.{key}",
                                  hint="write the full address, e.g. 'https://example.org/…', or leave it out",
                                  episode=episode))
        if wrong:
            continue
        place = _location(item.get("location"), file, f"{where}.location", episode)
        if isinstance(place, Problem):  # (a chapter's location was dropped from chapters.json without a word)
            problems.append(place)
            if place.severity.value == "error":
                continue
            place = ("", "")  # (CHP014: a place without its geo URI stays out of chapters.json, the chapter stays)
        # a direction control left open runs on past the title in an app's list ("Intro ‮ (12:00)"): closed, as
        # front-matter text is
        chapters.append(Chapter(start=start, title=close_directions(as_text(title)) if title is not None else "",
                                url=str(links.get("url", "")).strip(), img=str(links.get("img", "")).strip(),
                                toc=item.get("toc", True) is not False, end=end, location=place[0], geo=place[1],
                                origin=f"line {lines[index]} ({where})" if lines and index < len(lines) else ""))
    return tuple(chapters), problems


def _location(value: Any, file: str, field: str, episode: str) -> tuple[str, str] | Problem:
    """(name, geo) of a JSON chapter's ``location`` (``{"name": "Austin, TX", "geo": "geo:30.2672,-97.7431"}``, the
    Podcasting 2.0 location object), ("", "") without one, or the problem with it (a warning, CHP014, for a name
    without its geo: the chapter is kept without the location)."""
    if value is None:
        return "", ""
    name = value.get("name") if isinstance(value, dict) else None
    geo = value.get("geo", "") if isinstance(value, dict) else ""
    if not isinstance(name, str) or not name.strip() or not isinstance(geo, str) \
            or (geo.strip() and not geo.strip().lower().startswith("geo:")):
        return error("CHP003", file, f"expected a location with a name and a 'geo:' URI, got {what_arrived(value)}",
                     field=field, hint='write "location": {"name": "Austin, TX", "geo": "geo:30.2672,-97.7431"}, or '
                     "leave it out", episode=episode)
    geo = "geo:" + geo.strip()[4:] if geo.strip() else ""  # (the scheme's name is case-insensitive: 'GEO:' is one)
    from .config import GEO_URI, on_earth

    # 'geo:1e400,5' (a latitude of infinity), 'geo:91,5' and 'geo:x,y' were published in chapters.json as written,
    # while the show's podcast:location refused them: RFC 5870 has numbers in degrees, latitudes to 90, longitudes to 180
    if geo and not (GEO_URI.match(geo) and on_earth(geo)):
        return error("CHP003", file, f"{quoted(geo)} is not a place: a geo URI (RFC 5870) is 'geo:' and the latitude and "
                     "longitude in degrees, latitude from -90 to 90, longitude from -180 to 180", field=f"{field}.geo",
                     hint='write e.g. "geo": "geo:30.2672,-97.7431" (latitude first, north positive), or leave "geo" '
                     "out", episode=episode)
    name = close_directions(as_text(name).strip())
    if not geo:
        # the chapters format requires both name and geo (jsonChapters.md, "The Location Object": "There are two required
        # attributes"): apps put a chapter's place on a map, and a name alone has no place there. It was published as
        # {"name": …}, a chapters.json that does not follow the format; a chapters file that built before still builds
        return warning("CHP014", file, f"the location {quoted(name)} has no 'geo' URI, which the chapters format requires with "
                       "the name (apps show a chapter's place on a map): it is left out of the published chapters.json, "
                       "the chapter itself is kept", field=f"{field}.geo",
                       hint=f'add its latitude and longitude: "location": {{"name": {json.dumps(name, ensure_ascii=False)}, '
                       '"geo": "geo:30.2672,-97.7431"}} (latitude first, north and east positive), or remove "location"',
                       episode=episode)
    return name, geo


def validate(chapters: tuple[Chapter, ...], file: str, duration: float | None, episode: str = "") -> list[Problem]:
    """Sorted, titled (each listed one), inside the audio's duration."""
    problems = []
    previous = -1.0
    for index, chapter in enumerate(chapters):
        where = _where(chapter, index)
        if chapter.start <= previous:
            problems.append(error("CHP010", file, f"chapter {index + 1} starts at {clock(chapter.start)}, not after the one before",
                                  field=where, hint="list chapters in order of start time, each starting later", episode=episode))
        # the namespace's chapters need only a startTime: a silent chapter (toc false: art, a location, a link, listed
        # nowhere) may go untitled, as in its own example file; a listed one is an unlabelled line in every app's list
        if chapter.toc and not chapter.title.strip():
            problems.append(error("CHP011", file, f"chapter {index + 1} has no title", field=where, episode=episode,
                                  hint="give it a title, or mark it toc: false (a silent chapter: its art, link or "
                                  "location without a place in the chapter list)"))
        previous = chapter.start
    # the first chapter past the end, with the count of the rest: one problem a chapter printed 99,950 lines for a
    # chapters.json of 100,000 chapters on a 50 s episode
    late = [index for index, chapter in enumerate(chapters) if duration is not None and 0 < duration <= chapter.start]
    if late:
        first = late[0]
        more = f" (and {len(late) - 1} more after it)" if len(late) > 1 else ""
        problems.append(error("CHP012", file, f"chapter {first + 1} starts at {clock(chapters[first].start)}, after the "
                              f"audio ends ({clock(duration or 0)}){more}", field=_where(chapters[first], first),
                              hint="fix the time or the audio file", episode=episode))
    return problems


def _where(chapter: Chapter, index: int) -> str:
    """The field a problem of ``chapter`` (the ``index``-th) names: its line in a chapters file, or its front-matter
    index."""
    return chapter.origin or f"chapters[{index}]"


def audio_limit(chapters: tuple[Chapter, ...], kind: str, file: str, episode: str = "") -> list[Problem]:
    """CHP013 when there are more chapters than the audio file of ``kind`` can hold: 500 chapters made the MP3's
    tagging an internal error (mutagen: "bytes must be in range(0, 256)") and the M4A's a TAG001 "bug" report."""
    from .audio.formats import TAGGABLE

    if len(chapters) <= AUDIO_CHAPTERS or kind not in TAGGABLE:
        return []
    return [warning("CHP013", file, f"{len(chapters)} chapters: the audio file's own chapter list holds at most "
                    f"{AUDIO_CHAPTERS}, so it gets the first {AUDIO_CHAPTERS} (up to {clock(chapters[AUDIO_CHAPTERS - 1].start)}); "
                    "chapters.json, psc:chapters and the page have them all",
                    field=_where(chapters[AUDIO_CHAPTERS], AUDIO_CHAPTERS),
                    hint=f"merge chapters to at most {AUDIO_CHAPTERS} if apps that read the audio's chapters (Apple "
                    "Podcasts) should show them all", episode=episode)]


def to_json(chapters: tuple[Chapter, ...], title: str = "", podcast: str = "") -> bytes:
    """The Podcasting 2.0 JSON chapters document (version 1.2.0), deterministic bytes."""
    items = []
    for c in chapters:
        item: dict[str, Any] = {"startTime": _number(c.start)}
        if c.title or c.toc:  # (an untitled silent chapter has no title: the namespace's is optional, not "")
            item["title"] = c.title
        if c.end is not None:
            item["endTime"] = _number(c.end)
        if c.img:
            item["img"] = c.img
        if c.url:
            item["url"] = c.url
        if not c.toc:
            item["toc"] = False
        if c.location:
            item["location"] = {"name": c.location, **({"geo": c.geo} if c.geo else {})}
        items.append(item)
    doc: dict[str, Any] = {"version": "1.2.0"}
    if podcast:
        doc["podcastName"] = podcast
    if title:
        doc["title"] = title
    doc["chapters"] = items
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 3)


def clock(seconds: float, millis: bool = False) -> str:
    """``HH:MM:SS`` (or ``HH:MM:SS.mmm`` for Podlove Simple Chapters)."""
    total_ms = int(round(seconds * 1000))
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    text = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return f"{text}.{ms:03d}" if millis else text
