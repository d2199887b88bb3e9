"""Discover episode folders and turn each ``episode.md`` into an :class:`Episode`.

Layout: ``episodes/<slug>/episode.md`` beside the audio file and, optionally,
artwork, ``transcript.vtt``/``.srt`` and ``chapters.json``/``chapters.txt``. The
folder name is the slug: it becomes the URL path and must never change once
published. Every problem is collected, never raised.
"""

from __future__ import annotations

import html
import math
import os
import re
import stat
import time
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import chapters as chapter_io
from . import sourcelinks
from .characters import HTML_FORBIDDEN, NotUtf8, source_text
from .config import (
    parse_funding,
    parse_license,
    parse_locations,
    parse_person,
    parse_txt,
    read_artwork_alt,
    read_language,
    safe_relative,
)
from .errors import Problem, error, warning
from .filenames import WINDOWS_HINT, reordering, windows_fix, windows_trouble
from .htmlblocks import html_block_problems, too_big
from .lazypattern import lazy
from .model import SOUNDBITE_SECONDS, AlternateEnclosure, Chapter, Episode, Season, Show, Soundbite, Transcript
from .numbers import whole
from .records import frozen
from .social import parse_chat, parse_content_links, parse_social
from .source import (
    HTML_ENTITY,
    HTML_TAG,
    MAX_TEXT,
    MISSING,
    XML_FORBIDDEN,
    FieldReader,
    TooLarge,
    as_text,
    guid_line,
    is_url,
    parse_time,
    quoted,
    scrub_text,
    scrub_values,
    shown,
    side_file_bytes,
    split_front_matter,
    unheld_characters,
    what_arrived,
    xml_forbidden,
)
from .transcripts import TRANSCRIPT_TYPES
from .value import parse_values, seconds_text

if TYPE_CHECKING:
    from .fastpath import Sweep

EPISODES_DIR = "episodes"
EPISODE_FILE = "episode.md"
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
EPISODE_TYPES = ("full", "trailer", "bonus")
EPISODE_KEYS = frozenset({
    "title", "date", "guid", "season", "season_name", "episode", "episode_display", "type", "explicit",
    "summary", "audio", "artwork", "transcript", "transcripts", "chapters", "persons", "soundbites", "location",
    "license", "funding", "alternate_enclosures", "keywords", "content_note", "block", "draft", "itunes_title",
    "updated", "txt", "value", "social", "guid_permalink", "artwork_alt", "chat", "content_links",
})
#: media types of alternate enclosure files by extension (``type:`` in the front matter overrides)
ALTERNATE_TYPES = {
    ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".m4b": "audio/mp4", ".aac": "audio/aac", ".opus": "audio/opus",
    ".ogg": "audio/ogg", ".oga": "audio/ogg", ".flac": "audio/flac", ".wav": "audio/wav", ".mp4": "video/mp4",
    ".m4v": "video/x-m4v", ".mov": "video/quicktime", ".webm": "video/webm", ".m3u8": "application/x-mpegURL",
}
#: a file changed less than this long before it was listed may change again without a new mtime or ctime (file
#: system clocks tick every few milliseconds; some file systems keep whole seconds): see Folder.racy
RACY_NS = 2_000_000_000
GUID_HINT = "run 'mediafeed guid --assign' to give every episode without one a new, permanent GUID"


@frozen
class Folder:
    """One episode folder as found on disk: what the cache keys on."""

    slug: str
    where: str  #: the folder's path, as text (a rebuild lists a thousand folders: no Path made for each)
    #: (name, size, "mtime_ns:ctime_ns:inode"), sorted: the episode's cache key. The ctime and inode are in it because
    #: a transcript, chapters file or picture written over in place at its size with its mtime put back (``cp -p``,
    #: ``rsync --inplace -t``) kept size and mtime, and the rebuild kept the page and the copy of the old one
    files: tuple[tuple[str, int, str], ...]
    #: ``episode.md``'s identity as listed: "size:mtime_ns:ctime_ns:inode" ("" when unknown); any write changes it
    identity: str = ""
    #: True when ``episode.md`` was written so recently (within :data:`RACY_NS` of the listing) that a second write
    #: in the same clock tick could keep its identity: its identity then proves nothing about its bytes
    racy: bool = True
    #: (name, lstat mode, :func:`sourcelinks.stamp`) of each entry that is neither a regular file nor a folder (a
    #: link, a pipe…), hidden ones aside: never published nor read, named in a problem when mediafeed would have used it
    others: tuple[tuple[str, int, str], ...] = ()

    @property
    def path(self) -> Path:
        return Path(self.where)

    def has(self, name: str) -> bool:
        return any(f[0] == name for f in self.files)

    def other(self, name: str) -> int:
        """The ``lstat`` mode of the entry ``name`` when it is a link, a pipe…; 0 when it is not one."""
        return next((mode for other, mode, _ in self.others if other == name), 0)


def _slug_fix(name: str, taken: set[str]) -> str:
    """SRC052's fix for the folder ``name``: the command that renames it to a slug the way ``mediafeed add`` makes one
    (``My Episode`` → ``my-episode``, ``Épisode 2`` → ``episode-2``; ``Ep_01`` → ``ep_01``), one no other folder has.
    The hint said only which characters a slug may hold, and left the producer to spell one."""
    import shlex

    from .scaffold import slugify, unique_slug  # (only here: a show with such a folder is not built)

    lowered = name.lower()
    slug = lowered if SLUG.match(lowered) else (slugify(name) or "episode")
    slug = unique_slug(slug, taken - {lowered})
    return (f"rename it to a slug (lower-case letters, digits, '-', '.' and '_': it becomes the page URL), e.g. in the show folder: "
            f"mv {shlex.quote(f'{EPISODES_DIR}/{name}')} {EPISODES_DIR}/{slug}")


def discover(root: Path, sweep: Sweep | None = None) -> tuple[list[Folder], list[Problem]]:
    """Every ``episodes/*/episode.md`` folder, sorted by slug, with its file listing. ``sweep``: the look the
    build's shortcut took at the show (:class:`fastpath.Sweep`), reused instead of listing the folders again.
    Links, pipes and the like are not followed nor read (:mod:`sourcelinks`): one in ``episodes/`` is SRC054, an
    ``episode.md`` that is one SRC053."""
    base = root / EPISODES_DIR
    listed = sweep.listing(EPISODES_DIR) if sweep is not None else None
    if listed is not None and sweep is not None:
        taken = sweep.taken_ns
        entries = [(name, os.path.join(base, name), st) for name, st in listed]
        dirs = [(name, path, sweep.listing(f"{EPISODES_DIR}/{name}")) for name, path, st in entries if st is None]
        known = sweep.identity
    else:
        if not base.is_dir():
            if base.is_symlink():  # a link to a folder that is gone, or a loop
                return [], [error("SRC050", EPISODES_DIR, f"is {sourcelinks.what(os.fspath(base), stat.S_IFLNK)}",
                                  hint="point the link at the real episodes folder, or put the folder itself here")]
            return [], [error("SRC050", EPISODES_DIR, "no episodes folder", hint="create episodes/<slug>/episode.md, or run 'mediafeed add AUDIO'")]
        taken = time.time_ns()
        with os.scandir(base) as scanned:
            entries = [(e.name, e.path, None if e.is_dir(follow_symlinks=False) else e.stat(follow_symlinks=False))
                       for e in sorted(scanned, key=lambda e: e.name)]
        dirs = [(name, path, None) for name, path, st in entries if st is None]
        known = _unknown
    folders, problems = [], []
    for name, path, st in entries:
        if st is not None and sourcelinks.special(st.st_mode) and not name.startswith((".", "_")):
            problems.append(sourcelinks.episode_entry(f"{EPISODES_DIR}/{name}", path, st.st_mode))
    for name, path, inner in dirs:
        if name.startswith((".", "_")):
            continue
        if inner is None:
            inner = _list(path)
            looked = _unknown
        else:
            looked = known
        files, others = [], []
        identity, racy = "", True
        for file_name, st in inner:
            if st is None:
                continue
            if stat.S_ISREG(st.st_mode):
                # (the look's text of the numbers when it has them: see fastpath.Sweep.identity)
                seen = looked(f"{EPISODES_DIR}/{name}/{file_name}") or \
                    f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
                files.append((file_name, st.st_size, seen.partition(":")[2]))
                if file_name == EPISODE_FILE:
                    identity = seen
                    racy = max(st.st_mtime_ns, st.st_ctime_ns) > taken - RACY_NS
            elif not file_name.startswith("."):  # (a hidden file is never published: nothing is left out)
                others.append((file_name, st.st_mode, sourcelinks.stamp(os.path.join(path, file_name), st)))
        files.sort()
        others.sort()
        folder = Folder(name, os.fspath(path), tuple(files), identity, racy, tuple(others))
        if not folder.has(EPISODE_FILE):
            mode = folder.other(EPISODE_FILE)
            if mode:
                problems.append(sourcelinks.episode_file(f"{EPISODES_DIR}/{name}/{EPISODE_FILE}",
                                                         os.path.join(path, EPISODE_FILE), mode, name))
                continue
            problems.append(warning("SRC051", f"{EPISODES_DIR}/{name}", f"folder has no {EPISODE_FILE}; skipped",
                                    hint=f"add {EPISODE_FILE}, or move the folder out of {EPISODES_DIR}/"))
            continue
        if not SLUG.match(name):
            problems.append(error("SRC052", f"{EPISODES_DIR}/{name}", f"folder name {quoted(name)} is not a safe URL slug",
                                  hint=_slug_fix(name, {other.lower() for other, *_ in entries})))
            continue
        trouble = windows_trouble(name)
        if trouble:
            problems.append(warning("SRC049", f"{EPISODES_DIR}/{name}", f"folder name {quoted(name)}: {trouble}",
                                    hint=WINDOWS_HINT.format(what="the folder", fix=windows_fix(name), then=""),
                                    episode=name))
        folders.append(folder)
    return folders, problems


def _unknown(rel: str) -> str | None:
    """No look taken: each file's identity is made from its ``lstat`` (see :meth:`fastpath.Sweep.identity`)."""
    return None


def _list(path: str) -> list[tuple[str, os.stat_result | None]]:
    """A folder's entries as :meth:`fastpath.Sweep.listing` gives them: (name, lstat; None for a folder)."""
    with os.scandir(path) as inner:
        return [(f.name, None if f.is_dir(follow_symlinks=False) else f.stat(follow_symlinks=False)) for f in inner]


def read_episode(folder: Folder, show: Show, raw: bytes | None = None) -> tuple[Episode | None, list[Problem]]:
    """Parse one folder's ``episode.md`` (``raw``: its bytes, when already read); None when it cannot become an
    episode."""
    rel = f"{EPISODES_DIR}/{folder.slug}/{EPISODE_FILE}"
    try:
        text = source_text(raw if raw is not None else (folder.path / EPISODE_FILE).read_bytes())
    except NotUtf8 as exc:
        return None, [error("SRC021", rel, exc.reason, hint=exc.hint(rel), episode=folder.slug)]
    except OSError as exc:
        return None, [error("SRC021", rel, f"cannot read: {exc.strerror}", episode=folder.slug)]
    written = text
    text, scrubbed = scrub_text(text, rel, folder.slug)
    data, body, problems = split_front_matter(text, rel)
    if scrubbed and data is not None:
        scrubbed += _typed_in_guid(written, data, rel, folder.slug)
    if data is None:
        # the episode's own problems (SRC001-SRC003: its front matter unreadable) name it: `tag` skipped such an
        # episode without a word (exit 0), `list` counted them as the show's, and JSON said "episode": ""
        return None, scrubbed + [replace(p, episode=folder.slug) if not p.episode else p for p in problems]
    data, escaped = scrub_values(data, rel, folder.slug, keep=("guid",))
    # the line of episode.md the notes start on, for problems that name a line of them
    body_line = text.count("\n", 0, len(text) - len(body)) + 1 if text.endswith(body) else 1
    episode, problems = parse_episode(folder, show, data, body, rel, body_line)
    return episode, scrubbed + escaped + problems


_DECIMAL = lazy(r"-?\d+(\.\d+)?", re.ASCII)


def _episode_number(r: FieldReader) -> tuple[int | None, float | None]:
    """``episode``: (a whole number, for itunes:episode and podcast:episode; or None, a number that is not whole,
    for podcast:episode alone). The namespace's podcast:episode is "a decimal number" (``315.5``: a mini-episode
    between two others); Apple's itunes:episode is "a non-zero integer"."""
    value = r.raw("episode")
    if value is MISSING:
        return None, None
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        value = float(value.strip()) if "." in value else int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):  # (YAML's .nan, .inf)
        r.fail("episode", f"expected a number such as 12 (or 12.5 for an episode between 12 and 13), got {what_arrived(value)}",
               hint="write e.g. 'episode: 12'")
        return None, None
    if value <= 0:
        r.fail("episode", f"must be more than 0, got {value}", hint="number the episodes from 1 (apps read 0 as no number)")
        return None, None
    if float(value).is_integer():
        return int(value), None
    return None, float(value)


#: the front matter's ``guid:`` line (a GUID on one line: as import, add and every host write it)
_GUID_LINE = lazy(r"(?m)^guid:[^\r\n]*")


def _typed_in_guid(written: str, data: dict[str, Any], rel: str, slug: str) -> list[Problem]:
    """SRC062 when episode.md's ``guid:`` line holds, typed as itself, a character the whole file's read removed or
    replaced (:func:`source.scrub_text`: YAML cannot read a C1 control, XML not a C0 one): the GUID read is not the
    one written, and only YAML's escape (``"post-it\\x92s-1"``) gives it exactly, as `mediafeed import` writes it."""
    line = _GUID_LINE.search(written.split("\n---", 1)[0])
    if line is None or not isinstance(data.get("guid"), str):
        return []
    control = xml_forbidden(line.group())
    found = control or HTML_FORBIDDEN.search(line.group())
    if found is None:
        return []
    typed = line.group()[len("guid:"):].strip().strip("'\"")
    why, fix = (("XML cannot hold", f"the GUID without it ('{guid_line(XML_FORBIDDEN.sub('', typed))}') is what a feed can "
                 "publish") if control else
                ("YAML cannot read", f"write '{guid_line(typed)}' (YAML's escape: the GUID exactly as typed, as 'mediafeed "
                 "import' writes it)"))
    return [warning("SRC062", rel, f"the guid line holds U+{ord(found.group()):04X} typed as itself, which {why}: the "
                    f"GUID was read as {quoted(data['guid'], 200)}, not as written", field="guid", episode=slug,
                    hint=f"{fix}, or, if apps know the episode by the GUID as read, write that one")]


def _guid(r: FieldReader) -> str:
    """``guid`` exactly as written: apps compare it character for character, and an imported show's old feed
    published it as it is. Not stripped (a quoted value's space at either end, an NBSP: gone, it was another GUID to
    an app that kept it), C1 controls kept (U+0092 read as ’ was a new episode to every app), a direction control not
    closed. Blank text is no GUID (SRC060); a character XML cannot write is SRC061 (an error: the GUID without it is
    another GUID), unless published.json records that form (:func:`ledger.keep_published_guids`)."""
    value = r.raw("guid")
    if not isinstance(value, str):
        return r.str("guid", exact=True)  # (a number as written; a boolean or a list: SRC010)
    if not value.strip():
        return ""
    forbidden = xml_forbidden(value)
    if forbidden:
        kept = XML_FORBIDDEN.sub("", value)
        r.fail("guid", f"the GUID {quoted(value, 200)} holds U+{ord(forbidden.group()):04X}, a control character XML "
               "forbids: no feed can publish it as written", code="SRC061",
               hint=f"write it without: '{guid_line(kept)}' (the GUID without it is another GUID to every app: if an "
               "older mediafeed published this episode, published.json records the form to keep)")
        return kept  # (never published: the error stops the build; the checks read the rest of the episode)
    return value


def parse_episode(folder: Folder, show: Show, data: dict[str, Any], body: str, rel: str,
                  body_line: int = 1) -> tuple[Episode | None, list[Problem]]:
    r = FieldReader(data, rel, episode=folder.slug)
    title = r.title("title", required=True)
    date = r.datetime("date", required=True)
    guid = _guid(r)
    if not guid and not any(p.field == "guid" for p in r.problems):  # a wrong kind of value: SRC010 says so
        r.problems.append(error("SRC060", rel, "episode has no GUID", field="guid", hint=GUID_HINT, episode=folder.slug))
    # (a GUID of more than one line or over 512 characters is written as it is: an imported show's old feed may have
    # published it so, and apps compare the text exactly; EP135 says why it must stay)
    guid_permalink = bool(r.bool("guid_permalink", False))
    if guid_permalink and not re.match(r"^https?://\S+$", guid):  # RSS 2.0: a permalink is a URL (EP125)
        r.fail("guid_permalink", f"guid_permalink: true needs a GUID that is an http(s) URL, got {quoted(guid, 200)}",
               hint="remove guid_permalink (the GUID is then written with isPermaLink=\"false\"); never change the guid")

    audio = r.str("audio", required=True, hint="add 'audio: FILE' naming the audio file in this folder", exact=True)
    audio = _file_in_folder(r, folder, "audio", audio)

    season_number = r.int("season", None, minimum=1)
    season_name = r.str("season_name") or next((s.name for s in show.seasons if s.number == season_number), "")
    season = Season(season_number, season_name) if season_number else None
    number, decimal_number = _episode_number(r)
    episode_type = r.choice("type", EPISODE_TYPES, "full")

    artwork = _file_in_folder(r, folder, "artwork", r.str("artwork", exact=True))
    transcripts = _transcripts(r, folder, show)
    chapters, chapters_source = _chapters(r, folder, rel)

    persons = tuple(p for p in (parse_person(r, v, "persons") for v in r.list("persons")) if p)
    funding = tuple(f for f in (parse_funding(r, v, "funding") for v in r.list("funding")) if f)
    soundbites = [bite for index, item in enumerate(r.list("soundbites"))
                  if (bite := read_soundbite(r, item, index)) is not None]
    alternates = [alternate for index, item in enumerate(r.list("alternate_enclosures"))
                  if (alternate := read_alternate(r, item, index, folder)) is not None]

    defaults = [a for a in alternates if a.default]
    if len(defaults) > 1:
        # (alternate-enclosure.md: `default` marks the one preferred media, the enclosure's own file at another address)
        r.fail("alternate_enclosures", f"{len(defaults)} alternate enclosures say 'default: true'; the namespace's default is "
               "the one preferred copy of the main audio", hint="keep 'default: true' on one of them (or on none: the main "
               "file is then listed as the default)")
    summary = r.str("summary")
    if found := HTML_TAG.search(summary) or HTML_ENTITY.search(summary):
        r.warn("summary", "SRC057", f"holds HTML ({found.group(0)}), but the summary is plain text: the site's pages and "
               "the feed show it as typed", "write it as plain text ('&' as it is, a link's address as it is)")
    if len(body) > MAX_TEXT:
        r.problems.append(error("SRC010", rel, f"the show notes are {len(body):,} characters; at most {MAX_TEXT:,} are "
                                "published (podcast apps' XML parsers refuse a text over 10 MB)", field="notes",
                                hint="shorten them; a transcript belongs in transcript.vtt next to episode.md",
                                episode=folder.slug))
        body = ""
    big = too_big(body)
    if big:
        line, message, hint = big
        r.problems.append(error("SRC010", f"{rel}:{body_line + line}", message, field="notes", hint=hint, episode=folder.slug))
        body = ""
    episode = Episode(
        slug=folder.slug,
        source=rel,
        title=title,
        date=date or datetime(1970, 1, 1).astimezone(),
        guid=guid,
        audio=audio,
        notes_markdown=body.strip("\n") + "\n" if body.strip() else "",
        summary=summary,
        season=season,
        number=number,
        decimal_number=decimal_number,
        episode_display=r.str("episode_display"),
        episode_type=episode_type,
        explicit=r.bool("explicit", None),
        itunes_title=r.title("itunes_title"),
        artwork=artwork,
        artwork_alt=_artwork_alt(r, artwork),
        chat=parse_chat(r, "chat"),
        content_links=parse_content_links(r, "content_links"),
        transcripts=transcripts,
        chapters=chapters,
        chapters_source=chapters_source,
        persons=persons,
        soundbites=tuple(soundbites),
        location=parse_locations(r, r.raw("location"), "location"),
        license=parse_license(r, r.raw("license"), "license"),
        funding=funding,
        alternate_enclosures=tuple(alternates),
        keywords=r.str_list("keywords"),
        txt=parse_txt(r, "txt"),
        value=parse_values(r, "value"),
        social=parse_social(r, "social"),
        content_note=r.str("content_note"),
        block=bool(r.bool("block", False)),
        guid_permalink=guid_permalink,
        draft=bool(r.bool("draft", False)),
        updated=r.datetime("updated"),
    )
    r.unknown(EPISODE_KEYS)
    published = {audio, artwork, *(t.path for t in transcripts), *(a.file for a in alternates), *_PAGE_FILES}
    published |= {t.path.rsplit(".", 1)[0] + (".srt" if t.mime == "text/vtt" else ".vtt") for t in transcripts
                  if t.mime in ("text/vtt", "application/x-subrip")}
    if chapters:
        published.add("chapters.json")
    named = _made_name_problems(r, transcripts, alternates, artwork, chapters_source if chapters else "")
    _alternates_not_media(r, alternates, named)
    _case_twins(r, [("audio", audio), ("artwork", artwork), *(("transcript", t.path) for t in transcripts),
                    *(("alternate_enclosures", a.file) for a in alternates)], named)
    left_out = _left_out(folder, data)
    r.problems.extend(left_out)
    said = {p.file.rsplit("/", 1)[1] for p in left_out} | _named_files(data)  # (SRC040 for a named one)
    r.problems.extend(_unpublished_links(body, folder, rel, published, said))
    r.problems.extend(_images_without_alt(body, rel, folder.slug))
    r.problems.extend(html_block_problems(body, rel, folder.slug, body_line))
    fatal = not (title and date and audio)
    return (None if fatal else episode), r.problems


#: the largest length (1 TB, as an enclosure's: checks.items.MAX_LENGTH), bitrate (10 Gbit/s) and height (a 16K
#: picture is 8,640 px) an alternate enclosure may say it has: a bitrate of 10^400 stopped check and build with
#: "Internal error: OverflowError", and a length of 10^26 bytes was published, which no app's 64-bit integer holds
_ALTERNATE_LENGTH, _ALTERNATE_BITRATE, _ALTERNATE_HEIGHT = 10**12, 10**10, 100_000
#: the addresses an alternate enclosure's further ``sources:`` may have (source.md's examples): the web, IPFS, a
#: magnet link (WebTorrent), and plain http only to a Tor onion service (whose connection is encrypted end to end)
_MIME_TYPE = lazy(r"^[a-z]+/[a-z0-9][a-z0-9.+-]*$", re.I | re.ASCII)
_SOURCE = lazy(r"^(https://\S+|ipfs://\S+|magnet:\?\S+|http://[^/?#\s]+\.onion(/\S*)?)$", re.I)
_SOURCE_KINDS = "an https://, ipfs:// or magnet: address (or http:// to an .onion host)"


def read_soundbite(r: FieldReader, item: Any, index: int) -> Soundbite | None:
    """``soundbites[index]``: a start and a positive duration (seconds or HH:MM:SS) and an optional title; also what
    ``mediafeed import`` holds an old feed's podcast:soundbite to (importer.carried)."""
    sub = r.sub(item, f"soundbites[{index}]")
    if not sub:
        return None
    start = parse_time(sub.raw("start"))
    length = parse_time(sub.raw("duration"))
    bite = None
    if start is None or length is None or length <= 0:
        sub.fail("start", "a soundbite needs 'start' and a positive 'duration' (seconds or HH:MM:SS)")
    else:
        bite = Soundbite(start, length, sub.str("title"))
        if not SOUNDBITE_SECONDS[0] <= length <= SOUNDBITE_SECONDS[1]:  # (published as it is)
            sub.warn("duration", "PI026", f"soundbite {index + 1} lasts {seconds_text(length)} s: the Podcast "
                     "Index namespace recommends 15 to 120 seconds (apps play soundbites as previews)",
                     hint="give it a 'duration' from 15 to 120 (seconds or HH:MM:SS)")
    sub.unknown({"start", "duration", "title"})
    r.adopt(sub)
    return bite


def read_alternate(r: FieldReader, item: Any, index: int, folder: Folder | None) -> AlternateEnclosure | None:
    """``alternate_enclosures[index]``: a ``file`` in ``folder`` or an https ``url``, its type, codecs, numbers, language
    and further ``sources``. ``folder`` None (``mediafeed import`` holding an old feed's alternate to the build's
    rules: importer.carried): by ``url`` only."""
    sub = r.sub(item, f"alternate_enclosures[{index}]")
    if not sub:
        return None
    name = sub.str("file", exact=True)
    file = _file_in_folder(sub, folder, "file", name) if folder is not None else ""
    url = sub.url("url", https=True)
    if not file and not url:
        sub.fail("file", "an alternate enclosure needs a 'file' in this folder or an https 'url'")
    alt_mime = sub.str("type")
    if not alt_mime and file:
        alt_mime = ALTERNATE_TYPES.get(os.path.splitext(file)[1].lower(), "")
    if not alt_mime and (file or url):
        sub.fail("type", f"cannot tell the media type of {quoted(file or url, 200)}", hint="add 'type: audio/…' (the MIME type)")
    alt_title = sub.str("title")  # (over 32 characters, "should be limited … for UX": the feed rules' PI022)
    codecs = sub.str("codecs")
    if codecs and not CODECS.match(codecs):
        sub.fail("codecs", f"expected an RFC 6381 codecs list such as 'opus' or 'avc1.4d401e, mp4a.40.2', got "
                 f"{quoted(codecs)}: players that check it before playing (a browser's canPlayType) skip this version",
                 hint="write the codec names alone, separated by commas (no 'codecs=', no quotes), or leave "
                 "'codecs:' out")
    if not (file or url):
        r.adopt(sub)
        return None
    alternate = AlternateEnclosure(file=file, url=url, mime=alt_mime, title=alt_title,
                                   default=bool(sub.bool("default", False)),
                                   length=sub.int("length", 0, minimum=0, maximum=_ALTERNATE_LENGTH, unit=" bytes") or 0,
                                   bitrate=_bitrate(sub),
                                   height=sub.int("height", 0, minimum=0, maximum=_ALTERNATE_HEIGHT, unit=" pixels") or 0,
                                   lang=read_language(sub, "lang", "podcast:alternateEnclosure@lang"),
                                   rel=sub.str("rel"), codecs=codecs, sources=_sources(sub))
    sub.unknown({"file", "url", "type", "title", "default", "length", "bitrate", "height", "lang", "rel", "codecs",
                 "sources"})
    r.adopt(sub)
    return alternate


def _bitrate(sub: FieldReader) -> float:
    """An alternate's ``bitrate`` in bits a second, a whole or a decimal number (the namespace's examples write
    ``bitrate="160707.74"``: an average), 0 without one."""
    value = sub.raw("bitrate")
    if value is MISSING:
        return 0.0
    if (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, str) and whole(value) is not None):
        # a whole number as whole numbers are read (10^400 is no float: it stopped the build with an OverflowError)
        return float(sub.int("bitrate", 0, minimum=0, maximum=_ALTERNATE_BITRATE, unit=" bits a second") or 0)
    number = _decimal(value)
    if number is None or not 0 <= number <= _ALTERNATE_BITRATE:
        sub.fail("bitrate", f"expected the average bitrate in bits a second, a number from 0 to {_ALTERNATE_BITRATE:,}, "
                 f"got {what_arrived(value)}", hint="write e.g. 'bitrate: 128000' or 'bitrate: 160707.74', or leave it out "
                 "for a local file (it is probed)")
        return 0.0
    return number


def _decimal(value: object) -> float | None:
    """A finite number written as a YAML int or float, or as text of digits with one optional decimal point."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value.strip(), re.ASCII):
        return float(value.strip())
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    return None


def _sources(sub: FieldReader) -> tuple[tuple[str, str], ...]:
    """An alternate's further addresses of the same file (``sources:``, each a URI or ``{uri, type}``): its IPFS copy,
    a torrent of it (``type: application/x-bittorrent``, source.md's contentType), an onion mirror."""
    found = []
    for index, entry in enumerate(sub.list("sources")):
        key = f"sources[{index}]"
        if isinstance(entry, str):
            entry = {"uri": entry}
        one = sub.sub(entry, key)
        if not one:
            continue
        uri = one.str("uri", required=True, exact=True)
        kind = one.str("type")
        # (the characters no address holds as it is, as every other address is held to: an RLO or a '"' was published)
        unheld = unheld_characters(uri, _SOURCE_KINDS, schemes="https?://|ipfs://|magnet:") if uri else None
        if unheld:
            one.fail("uri", unheld[0], hint=unheld[1])
        elif uri and not (_SOURCE.match(uri) and (is_url(uri) or not uri.lower().startswith("http"))):
            one.fail("uri", f"expected {_SOURCE_KINDS}, got "
                     f"{quoted(uri)}: apps fetch the media from it", hint="write e.g. 'ipfs://Qm…' or "
                     "'https://example.org/episode.torrent' with 'type: application/x-bittorrent'")
        elif kind and not _MIME_TYPE.match(kind):
            one.fail("type", f"expected a media type such as application/x-bittorrent, got {quoted(kind)}",
                     hint="write the MIME type of what the address serves, or leave 'type' out")
        elif uri:
            found.append((uri, kind))
        one.unknown({"uri", "type"})
        sub.adopt(one)
    return tuple(found)


def _artwork_alt(r: FieldReader, artwork: str) -> str:
    """``artwork_alt``: the episode's artwork described (podcast:image@alt); it needs the episode's own artwork."""
    alt = read_artwork_alt(r)
    if alt and not artwork and not r.has("artwork"):
        r.fail("artwork_alt", "describes the episode's own artwork, but the episode has none (it shows the show's, "
               "described by show.yml's artwork_alt)", hint="add 'artwork: FILE', or remove 'artwork_alt'")
        return ""
    return alt
#: podcast:alternateEnclosure@codecs: an RFC 6381 list, codec ids (dot-separated parts) apart by commas
CODECS = lazy(r"^[A-Za-z0-9][A-Za-z0-9._+-]*(\s*,\s*[A-Za-z0-9][A-Za-z0-9._+-]*)*$")
#: what the build writes in an episode's page folder besides the files the front matter names, and what each is
_PAGE_FILES = {"index.html": "page", "player.html": "player", "oembed.json": "oEmbed answer"}
_CODE = lazy(r"(?ms)^[ ]{0,3}(`{3,}|~{3,}).*?^[ ]{0,3}\1|`+[^`\n]*`+|<!--.*?-->")
#: the link targets of Markdown notes, each form on its own, looked for only when its literal is in the text (one
#: pattern of the three alternatives, case-insensitive, took ~250 µs an episode of ~700 words: 0.25 s of a cold build
#: of 1,000 episodes): (the literal that must be in the text, whether it is an HTML attribute (then src or href
#: must be there too, in any case), the pattern); matches are taken in the order of the text
_TARGET_FORMS = (
    # [text](target), ![alt](target); a target may hold balanced parentheses (javascript:alert(1)); its characters
    # taken a run at a time, not one a repetition of the group (half the time: ~4 us an episode of ~7 links)
    ("](", False, re.compile(r"\]\(\s*<?(?P<target>(?:[^()\s<>]+|\([^()\s]*\))+)")),
    # [label]: target, not a footnote's text ([^1]: See Smith, 2020.)
    ("]:", False, lazy(r"^[ ]{0,3}\[(?!\^)[^\]]+\]:\s*<?(?P<target>[^\s>]+)", re.M)),
    # <img src="…">, <a href='…'>: to the quote that opened it (a value may hold the other one)
    ("=", True, lazy(r"\b(?:src|href)\s*=\s*([\"'])(?P<target>(?:(?!\1)[^\n])+)\1", re.I)),
)


#: a Markdown image with nothing in its brackets (![](map.jpg), ![ ][map]), and an <img> without an alt attribute
_IMAGE_WITHOUT_ALT = lazy(r"!\[\s*\][(\[]\s*<?(?P<md>[^)\]\s>]*)|<img\b(?![^>]*\balt\s*=)(?P<tag>[^>]*)>", re.I)
_SRC = lazy(r"""\bsrc\s*=\s*["']?([^"'\s>]+)""", re.I)


def _images_without_alt(body: str, rel: str, slug: str) -> list[Problem]:
    """SRC045, once an episode, for the images in the notes without a text alternative (WCAG 1.1.1): counted, the
    first one named. ``alt=""`` written on an <img> is decoration, as HTML means it; empty Markdown brackets are not."""
    if "![" not in body and "<i" not in body and "<I" not in body:  # (<img, <IMG, <Img: a browser reads any case)
        return []
    if "`" in body or "~~~" in body or "<!--" in body:
        body = _CODE.sub("", body)
    found = [match.group("md") if match.group("md") is not None else
             next(iter(_SRC.findall(match.group("tag"))), "<img>") for match in _IMAGE_WITHOUT_ALT.finditer(body)]
    if not found:
        return []
    first = shown(found[0] or "an image", 60)
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    return [warning("SRC045", rel, f"an image in the notes has no alt text ({first}{more}): screen readers announce "
                    "it as 'image' or read its file name", field="notes", episode=slug,
                    hint="describe each image in its brackets: ![A map of the study's three sites](…), or alt=\"…\" on "
                         "an <img> (alt=\"\" for one that is only decoration)")]


def _left_out(folder: Folder, data: dict[str, Any]) -> list[Problem]:
    """SRC054 for each link (or pipe…) in the folder that the build would have used by its name, the front matter
    naming none: a transcript.*, chapters.json or chapters.txt. Silently dropped, the episode lost its transcript
    with "0 errors, 0 warnings"."""
    out = []
    for name, mode, _ in folder.others:
        role = ""
        if name.startswith("transcript.") and os.path.splitext(name)[1].lower() in TRANSCRIPT_TYPES \
                and not data.get("transcript") and not data.get("transcripts"):
            role = "transcript"
        elif name in chapter_io.CHAPTER_FILES and data.get("chapters") is None:
            role = "chapters"
        if role:
            out.append(sourcelinks.left_out(f"{EPISODES_DIR}/{folder.slug}/{name}", os.path.join(folder.where, name),
                                            mode, folder.slug, role))
    return out


def _named_files(data: dict[str, Any]) -> set[str]:
    """The file names the front matter gives (audio, artwork, transcripts, chapters, alternate enclosures)."""
    values = [data.get("audio"), data.get("artwork"), data.get("chapters")]
    for key in ("transcript", "transcripts", "alternate_enclosures"):
        items = data.get(key)
        for item in items if isinstance(items, list) else [items]:
            values.append(item.get("file") if isinstance(item, dict) else item)
    return {value for value in values if isinstance(value, str)}


def _unpublished_links(body: str, folder: Folder, rel: str, published: set[str], said: set[str]) -> list[Problem]:
    """SRC042 for each file of the episode's folder that the notes link to or show (``![map](map.jpg)``) but the
    build does not publish: the page and the apps would link to a missing file. Only plain names are looked at
    (a link into the episode's own folder of the site); other pages' addresses are the producer's business.
    ``said``: the names of the links (and pipes…) another problem names already (SRC040, SRC054)."""
    if "](" not in body and "]:" not in body and "=" not in body:
        return []
    from urllib.parse import unquote

    if "`" in body or "~~~" in body or "<!--" in body:
        body = _CODE.sub("", body)
    lower = body.lower() if "=" in body else ""
    found = sorted((match.start(), match.group("target")) for literal, attribute, form in _TARGET_FORMS
                   if literal in body and (not attribute or "src" in lower or "href" in lower)
                   for match in form.finditer(body))
    out: list[Problem] = []
    names: list[str] = []  #: what each problem of ``out`` names, as shown
    seen: set[str] = set()
    for _, target in found:
        if "&" in target:  # a character reference is the character, to Markdown and HTML alike
            target = html.unescape(target)
        scheme = _SCHEME.match(target.translate(_URL_IGNORED).lstrip(_URL_STRIPPED))
        if scheme:
            kind = scheme.group(1).lower()
            if kind not in _KEPT_SCHEMES and target not in seen:
                seen.add(target)
                names.append(shown(target))
                local = kind == "file" or len(kind) == 1  # file:///…, C:\Users\…
                out.append(warning("SRC044", rel, f"the notes link to {names[-1]}" + (
                    ", a file on this computer: listeners cannot open it, and the pages and feeds leave the link out"
                    if local else f": {kind}: links are left out of the pages and feeds (only http, https, mailto and "
                    "tel links are kept)"),
                    field="notes", episode=folder.slug, hint=(
                        "put the file on the web and link its full https:// address" if local
                        else "link a web page by its full https:// address, or remove the link")))
            continue
        name = unquote(target.split("#", 1)[0].split("?", 1)[0]).removeprefix("./")
        if not name or "/" in name or "\\" in name or ":" in name or name in seen or name in published:
            continue
        seen.add(name)
        mode = folder.other(name)
        if mode and name in said:
            continue
        names.append(shown(name))
        there = folder.has(name)
        if mode:
            out.append(warning("SRC042", rel, f"the notes link to {names[-1]}, which is "
                               f"{sourcelinks.what(os.path.join(folder.where, name), mode)}: only real files in the "
                               "episode folder are published", field="notes", episode=folder.slug,
                               hint=f"copy the file itself into {EPISODES_DIR}/{folder.slug}/ in place of the link"))
            continue
        if not there and _DOMAIN.match(name) and name.rsplit(".", 1)[1].lower() not in _FILE_TYPES:
            hint = f"a web address needs its scheme: write https://{name}"
        else:
            hint = "put the file on the web and link its full https:// address" + ("" if there else ", or correct the name")
        out.append(warning("SRC042", rel, f"the notes link to {names[-1]}, " + (
            "which is in the episode's folder but is not published (only the audio, artwork, transcripts, chapters "
            "and alternate enclosures are)" if there else "which is not in the episode's folder"),
            field="notes", episode=folder.slug, hint=hint))
    return _at_most(out, names) if len(out) > LINK_PROBLEMS else out


#: how many SRC042 (and SRC044) an episode's notes get, one a link: the rest are counted in one more
LINK_PROBLEMS = 10


def _at_most(problems: list[Problem], names: list[str]) -> list[Problem]:
    """The first :data:`LINK_PROBLEMS` of each code, and one for the rest (``names``: what each problem names):
    notes pasted from a page with 10,000 relative links gave 20,000 warnings, a line each, burying the rest."""
    if all(sum(p.code == code for p in problems) <= LINK_PROBLEMS + 1 for code in ("SRC042", "SRC044")):
        return problems  # (one more is named rather than counted)
    kept: list[Problem] = []
    for code in ("SRC042", "SRC044"):
        mine = [(p, name) for p, name in zip(problems, names, strict=True) if p.code == code]
        kept += [p for p, _ in mine[:LINK_PROBLEMS]] if len(mine) > LINK_PROBLEMS + 1 else [p for p, _ in mine]
        if len(mine) > LINK_PROBLEMS + 1:
            first, name = mine[LINK_PROBLEMS]
            what = "files that are not published" if code == "SRC042" else "addresses that are left out"
            kept.append(warning(code, first.file, f"the notes link to {len(mine) - LINK_PROBLEMS} more {what}, from "
                                f"{name} on", field="notes", episode=first.episode, hint=first.hint))
    return kept


#: a URL's scheme, as a browser reads it: after the tabs and line breaks it ignores anywhere in a URL
#: (jav&#x09;ascript:) and the spaces and control characters it strips from the start
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_IGNORED = str.maketrans("", "", "\t\n\r")
_URL_STRIPPED = "".join(map(chr, range(0x21)))
#: the schemes the notes' sanitiser keeps (``notes._URL_SCHEMES``)
_KEPT_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_DOMAIN = lazy(r"(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+")
_FILE_TYPES = frozenset("jpg jpeg png gif webp svg avif heic pdf mp3 m4a m4b mp4 m4v mov ogg opus oga flac wav aac txt md "
                        "html htm json vtt srt csv zip doc docx odt xls xlsx ppt pptx epub".split())


def _made_name_problems(r: FieldReader, transcripts: tuple[Transcript, ...], alternates: list[AlternateEnclosure],
                        artwork: str, chapters_source: str) -> set[str]:
    """SRC043 for a file the front matter names that has the name of one the build makes from another in the same
    folder: the other timed format of a transcript (``transcript.vtt`` makes ``transcript.srt``) or the chapters
    file (``chapters.json``, made from ``chapters.txt`` or the front matter's list). ``check`` said nothing, and the
    build wrote part of the site and stopped with OUT002 ("give the two episodes different folder names").
    Returns the names it gave a problem."""
    names = {t.path.casefold() for t in transcripts}
    said: set[str] = set()
    made: dict[str, str] = {}
    for transcript in transcripts:
        if transcript.mime in ("text/vtt", "application/x-subrip"):
            twin = transcript.path.rsplit(".", 1)[0] + (".srt" if transcript.mime == "text/vtt" else ".vtt")
            if twin.casefold() not in names:
                made[twin.casefold()] = f"the {twin[-3:].upper()} copy the build makes of {transcript.path}"
    if chapters_source and chapters_source != "chapters.json":
        made["chapters.json"] = f"the chapters file the build makes from {'the front matter' if chapters_source == 'front matter' else chapters_source}"
    for alternate in alternates:  # the transcript published twice: two outputs for one path (OUT002 half-way)
        if alternate.file and alternate.file.casefold() in names:
            said.add(alternate.file)
            r.fail("alternate_enclosures", f"{alternate.file} is the episode's transcript, published as one already: "
                   "an alternate enclosure is another version of the episode's audio or video",
                   hint="remove it from 'alternate_enclosures' (the transcript is found by its name)", code="SRC043")
    if not made:
        return said
    named = [("transcript", t.path) for t in transcripts] + [("alternate_enclosures", a.file) for a in alternates if a.file]
    named += [("artwork", artwork)] if artwork else []
    for key, name in named:
        if name.casefold() in made:
            ext = os.path.splitext(name)[1].lower()
            r.fail(key, f"{name} has the name of {made[name.casefold()]}: the two would have one URL",
                   hint=f"rename the file, e.g. to {'alternate' if key == 'alternate_enclosures' else key}{ext}, and "
                        "write its new name in episode.md", code="SRC043")
            said.add(name)
    return said


def _case_twins(r: FieldReader, named: list[tuple[str, str]], said: set[str]) -> None:
    """SRC049 for a file the episode publishes whose name differs from another's only in case (``Audio.mp3`` and an
    alternate ``audio.mp3``): a disk that does not tell case apart (Windows, macOS; a folder or share published to)
    holds one file for the two, so one URL serves the other's bytes. ``said``: the names SRC043 names already."""
    first: dict[str, str] = {}
    for key, name in named:
        if not name or name in said:
            continue
        other = first.setdefault(name.casefold(), name)
        if other != name:
            r.warn(key, "SRC049", f"{name} and {other} differ only in case: on a disk that does not tell case apart "
                   "(Windows, macOS, a share or a folder the site is published to) they are one file, and one of the "
                   "two URLs serves the other's bytes",
                   hint=f"rename one of them (e.g. {os.path.splitext(name)[0]}-2{os.path.splitext(name)[1]}) before the "
                        "episode is first published, and write its new name in episode.md")


#: a BitTorrent file of the episode, the other kind of local alternate SRC048 takes: the namespace's own
#: alternateEnclosure example lists one as a source (contentType="application/x-bittorrent"), hosts serve it as that type
#: or as bytes to download, and no browser opens one as a page
_TORRENT = frozenset({".torrent"})


def _alternates_not_media(r: FieldReader, alternates: list[AlternateEnclosure], said: set[str]) -> None:
    """SRC048 for a local alternate enclosure that is no audio, video, HLS playlist or torrent by its name. The build publishes
    it as it is, in the episode's folder of the site, and a host serves it by its extension: a web page, an SVG drawing
    or an XML file there is a page of the site's own origin, whose scripts ran (``file: extra.html, type: text/html``
    opened a dialog in Chromium), and a ``.php`` file runs on a host that runs PHP. Audio and video are probed, so
    their content must match their extension (MED005); other types were published unread. ``said``: the files
    another problem names already (SRC043)."""
    for alternate in alternates:
        name = alternate.file
        ext = os.path.splitext(name)[1].lower()
        if not name or name in said or ext in ALTERNATE_TYPES or ext in _TORRENT:
            continue
        r.fail("alternate_enclosures", f"{name} is not an audio or video file (nor an .m3u8 playlist or a .torrent), and an alternate "
               "enclosure file is published as it is, beside the episode's page: a web page, an SVG drawing or an XML "
               "file there would open as a page of the site and run its scripts",
               hint="an alternate enclosure is another version of the episode's audio or video ("
                    + ", ".join(sorted(ALTERNATE_TYPES)) + ", or its .torrent): name such a file, or put this one on the web elsewhere "
                    "and give its address as 'url:'", code="SRC048")


def _file_in_folder(r: FieldReader, folder: Folder, key: str, name: str) -> str:
    if not name:
        return ""
    if not safe_relative(name) or "/" in name:
        r.fail(key, f"file reference {quoted(name)} must name a file in this episode's folder",
               hint="put the file next to episode.md and give its plain name (no '/', no '..')", code="SRC040")
        return ""
    spoofed = reordering(name)
    if spoofed:
        r.fail(key, spoofed, hint="rename the file without it, and write its new name here")
        return ""
    if name.startswith("."):  # published at that name, a hidden file: publish skips it, and so do many hosts
        r.fail(key, f"{name} is a hidden file (its name starts with '.'): `mediafeed publish` leaves hidden files out, "
                    "and so do many hosts, so its URL would not be found",
               hint=f"rename it without the leading '.' and write '{key}: {_unhidden(name)}'", code="SRC043")
        return ""
    if key != "chapters" and name.casefold() in _PAGE_FILES:  # (a chapters file is read; chapters.json is written)
        # published at that name, it and the episode's page, player or oEmbed answer would be one file: build wrote one
        # over the other and stopped half way (OUT002, "give the two episodes different folder names")
        own = ("alternate" if key == "file" else key) + os.path.splitext(name)[1].lower()
        r.fail(key, f"{name} is the name of a file the build writes in the episode's folder (its {_PAGE_FILES[name.casefold()]}): "
                    "the two would have one URL",
               hint=f"rename the file, e.g. to {own}, and write '{key}: {own}'", code="SRC043")
        return ""
    if not folder.has(name):
        twins = [f for f, _, _ in folder.files if unicodedata.normalize("NFC", f) == unicodedata.normalize("NFC", name)]
        if len(twins) == 1 and folder.has(twins[0]):
            # The same name in another Unicode form: accents stored apart from their letters (NFD, as macOS, some sync
            # tools and archives write file names) where episode.md has them composed (NFC, as editors type them), or
            # the other way round. They look the same, and were "file not found: Épisode.mp3 — the folder has
            # 'Épisode.mp3': rename it back to 'Épisode.mp3'": the file is published under its own name (its URL).
            return twins[0]
        mode = folder.other(name)
        if mode:  # (never followed, wherever it points: see sourcelinks)
            r.fail(key, f"{name} is {sourcelinks.what(os.path.join(folder.where, name), mode)}; only real files in the "
                   "episode folder are published",
                   hint=f"copy the file itself into {EPISODES_DIR}/{folder.slug}/ instead of linking to it", code="SRC040")
            return ""
        r.fail(key, f"file not found: {name}", hint=_missing_hint(folder, key, name), code="SRC041")
        return ""
    trouble = windows_trouble(name)
    if trouble:
        r.warn(key, "SRC049", f"{name}: {trouble}", hint=WINDOWS_HINT.format(what="the file", fix=windows_fix(name),
                                                              then=" and write its new name in episode.md"))
    return name


def _unhidden(name: str) -> str:
    """A name for a hidden file without its leading dots: ``.take2.mp3`` → ``take2.mp3``, ``.mp3`` → ``episode.mp3``."""
    plain = name.lstrip(".")
    return plain if "." in plain else f"episode.{plain}"


def _missing_hint(folder: Folder, key: str, name: str) -> str:
    """How to fix a reference to a file the folder lacks: most often the file was renamed (an export under a
    new name, a case change), so the folder's files that could be it are named, with the fix that keeps a
    published enclosure URL (the old name)."""
    ext = os.path.splitext(name)[1].lower()
    others = [f for f, _, _ in folder.files if f != EPISODE_FILE and not f.startswith(".")
              and (os.path.splitext(f)[1].lower() == ext or f.lower() == name.lower()
                   or key == "audio" and os.path.splitext(f)[1].lower() in ALTERNATE_TYPES)]
    if len(others) == 1 and os.path.splitext(others[0])[1].lower() != ext:  # renaming across types: MED005
        return f"the folder has '{others[0]}': if that is this file, write '{key}: {others[0]}'"
    if len(others) == 1:
        return f"the folder has '{others[0]}': if that is this file, rename it back to '{name}', or write '{key}: {others[0]}'"
    if others:
        listed = ", ".join(f"'{f}'" for f in others[:5]) + (" …" if len(others) > 5 else "")
        return f"the folder has {listed}: name one of them, or put '{name}' there"
    return f"put {name} in {EPISODES_DIR}/{folder.slug}/ or correct the name"


#: How a message says what a Unicode normalisation form does to accented letters
ACCENTS = {"NFC": "accents composed with their letters (NFC)",
           "NFD": "accents stored apart from their letters (NFD), as macOS writes file names"}


def unicode_form(name: str) -> str:
    """"NFC" or "NFD": the form a name with accented letters is written in (NFC when it is both: no accents)."""
    return "NFC" if unicodedata.is_normalized("NFC", name) else "NFD"


def unicode_rename(slug: str, form: str) -> str:
    """A command (run in the show folder) that renames the files of an episode folder to the Unicode form ``form``:
    not a ``mv`` of the names, which look the same and which a terminal's copy and paste may normalise."""
    return (f"python3 -c \"import os, unicodedata as u; d = '{EPISODES_DIR}/{slug}'; "
            f"[os.rename(f'{{d}}/{{f}}', f'{{d}}/' + u.normalize('{form}', f)) for f in os.listdir(d)]\"")


#: TRN010: a TSV of start, end and text (Whisper's --output_format tsv, times in milliseconds), which no app reads
_WHISPER_TSV = ("a TSV transcript (start, end and text, as Whisper writes one) is no transcript type apps read "
                "(podcast:transcript takes WebVTT, SRT, JSON, HTML or text): it is not published")
_WHISPER_TSV_HINT = ("publish the WebVTT Whisper writes beside it (its default --output_format all writes AUDIO.vtt too; "
                     "else whisper AUDIO --output_format vtt, or whisper.cpp's whisper-cli -f AUDIO -ovtt) as "
                     "transcript.vtt (or name it in 'transcript:'), and remove the TSV")


def _transcripts(r: FieldReader, folder: Folder, show: Show) -> tuple[Transcript, ...]:
    entries: list[Any] = r.list("transcript") + r.list("transcripts")
    if not entries:
        entries = [name for name, _, _ in folder.files if name.startswith("transcript.")
                   and os.path.splitext(name)[1].lower() in TRANSCRIPT_TYPES]
        tsv = next((name for name, _, _ in folder.files if name.lower() == "transcript.tsv"), "") if not entries else ""
        if tsv:  # (it was left out without a word: the episode had no transcript, and "0 problems")
            r.problems.append(warning("TRN010", f"{EPISODES_DIR}/{folder.slug}/{tsv}", _WHISPER_TSV, field="transcript",
                                      hint=_WHISPER_TSV_HINT, episode=folder.slug))
    out = []
    for item in entries:
        language = ""
        if isinstance(item, dict):
            sub = r.sub(item, "transcript")
            if not sub:
                continue
            name = sub.str("file", required=True, exact=True)
            language = read_language(sub, "language", "podcast:transcript@language")
            sub.unknown({"file", "language"})
            r.adopt(sub)
        elif isinstance(item, (str, int, float)) and not isinstance(item, bool):
            name = as_text(item)
        else:  # (a date, true, binary data: was "file not found: b'hello'", Python's spelling of the value)
            r.fail("transcript", f"expected a file name or {{file: …, language: …}}, got {what_arrived(item)}",
                   hint="write e.g. 'transcript: transcript.vtt'")
            continue
        name = _file_in_folder(r, folder, "transcript", name)
        if not name:
            continue
        mime = TRANSCRIPT_TYPES.get(os.path.splitext(name)[1].lower())
        if not mime and name.lower().endswith(".tsv"):
            r.fail("transcript", f"{name}: {_WHISPER_TSV}", hint=_WHISPER_TSV_HINT, code="TRN010")
            continue
        if not mime:
            r.fail("transcript", f"{name}: unknown transcript type", hint=f"use one of {', '.join(TRANSCRIPT_TYPES)}")
            continue
        out.append(Transcript(path=name, mime=mime, language=language or show.language))
    return tuple(out)


def _chapters(r: FieldReader, folder: Folder, rel: str) -> tuple[tuple[Chapter, ...], str]:
    value = r.raw("chapters")
    base = f"{EPISODES_DIR}/{folder.slug}"
    if isinstance(value, list):
        found, problems = chapter_io.from_items(value, rel, folder.slug)
        r.problems.extend(problems)
        return found, "front matter"
    name = ""
    if isinstance(value, str):
        name = _file_in_folder(r, folder, "chapters", value)
        if not name:
            return (), ""
    elif value is not MISSING:
        r.fail("chapters", "expected a list of {start, title} or the name of a chapters file")
        return (), ""
    if not name:
        name = next((n for n in chapter_io.CHAPTER_FILES if folder.has(n)), "")
    if not name:
        return (), ""
    file = f"{base}/{name}"
    try:
        text = source_text(side_file_bytes(folder.path / name))
    except NotUtf8 as exc:
        r.problems.append(error("CHP002", file, exc.reason, hint=exc.hint(file), episode=folder.slug))
        return (), ""
    except TooLarge as exc:
        r.problems.append(error("CHP002", file, exc.reason, hint="is this the episode's chapters file? Apps list every "
                                "chapter: merge them into at most a few hundred", episode=folder.slug))
        return (), ""
    except OSError as exc:
        r.problems.append(error("CHP002", file, f"cannot read: {exc.strerror}", episode=folder.slug))
        return (), ""
    text, scrubbed = scrub_text(text, file, folder.slug)
    r.problems.extend(scrubbed)
    parser = chapter_io.parse_json if name.endswith(".json") else chapter_io.parse_text
    found, problems = parser(text, file, folder.slug)
    r.problems.extend(problems)
    return found, name
