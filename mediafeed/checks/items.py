"""Item (episode) rules for any RSS feed: enclosure, GUID, dates, descriptions, numbering.

Problems name the item by its GUID (``episode``), or ``item N`` (its position,
from 1) when it has none, and the element in ``field``.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from ..addresses import plain_http, url_fault
from ..errors import Problem, Severity
from ..model import SOUNDBITE_SECONDS, UNNUMBERED_TYPES, whole_seconds
from ..numbers import MAX_DIGITS, shown, whole
from ..source import named_characters, quoted, unseen
from .activehtml import ACTIVE_TAGS, check_active
from .channel import (
    DESCRIPTION_LIMIT,
    HTML_TAG,
    IMAGE_EXTENSIONS,
    LONG_TITLE,
    URL,
    _explicit,
    bracketed_title,
    conflicting,
    date_hint,
    double_escaped,
    insecure_image,
    long_itunes_texts,
    long_title,
    podcast_common,
    read_date,
)
from .feedxml import FeedDoc, child, children, children_by_tag, text
from .namespace import check_itunes_names
from .podlove import check_psc
from .rules import problem
from .titles import numbered, repeats_show_name

#: enclosure types Apple Podcasts and Spotify accept
#: (Apple's list: audio/x-m4a, audio/mpeg, video/quicktime, video/mp4, video/x-m4v; audio/mp4 is M4A's registered type.
#: audio/m4a, which some hosts write, is no media type at all: EP106, with audio/x-m4a as the fix)
#: audio/aac is not on Apple's list: the type of raw ADTS AAC (.aac), a format Apple does not take (its guide: "Supported
#: file formats include M4A, MP3, MOV, MP4, M4V, and PDF"); an EP106 or MED010 warning (see _aac)
ACCEPTED_TYPES = {"audio/mpeg", "audio/x-m4a", "audio/mp4", "video/mp4", "video/quicktime", "video/x-m4v"}
#: real media types that apps do not accept as the enclosure
OTHER_TYPES = {"audio/ogg", "audio/opus", "audio/flac", "audio/x-flac", "audio/wav", "audio/x-wav", "audio/wave",
               "audio/webm", "video/webm", "audio/x-aiff", "audio/aiff", "application/pdf", "video/ogg"}
#: the types a file of each extension may be given, the one to write first (Apple's where it lists one)
EXTENSION_TYPES = {
    ".mp3": ("audio/mpeg",),
    ".m4a": ("audio/x-m4a", "audio/mp4", "audio/m4a", "audio/aac"),
    ".m4b": ("audio/x-m4a", "audio/mp4", "audio/m4a", "audio/x-m4b"),
    ".aac": ("audio/aac", "audio/x-m4a", "audio/mp4"),
    ".mp4": ("video/mp4", "audio/mp4"),
    ".m4v": ("video/x-m4v", "video/mp4"),
    ".mov": ("video/quicktime",),
    ".ogg": ("audio/ogg", "video/ogg"), ".oga": ("audio/ogg",), ".opus": ("audio/ogg", "audio/opus"),
    ".flac": ("audio/flac", "audio/x-flac"), ".wav": ("audio/wav", "audio/x-wav", "audio/wave"),
}
#: GUIDs shorter than this ('1', '0123', 'ep-12') are hand-made counters (EP134, info): hosts write UUIDs (36),
#: prefixed numbers ('Buzzsprout-14151617') or URLs. The W3C feed validator calls them "not sufficiently unique"
SHORT_GUID = 8
#: GUIDs longer than this, or with a line break, tab or other space than ' ' in them (EP135): kept as published, but
#: hosts write UUIDs and URLs, and an item without a GUID is known by its enclosure URL (a signed one runs past 512)
LONG_GUID = 512
#: extensions of media files (besides EXTENSION_TYPES') that another check judges by their type (MED010: Apple's PDF,
#: formats it does not take): an enclosure URL ending in none of these names no media file (EP107)
MEDIA_EXTENSIONS = {".pdf", ".epub", ".webm", ".weba", ".mka", ".mkv", ".aif", ".aiff", ".ogv", ".3gp", ".avi", ".wma"}
#: extensions of what is given as an enclosure by mistake: the episode's page, its artwork, the feed itself
NOT_MEDIA = {".html": "a web page", ".htm": "a web page", ".jpg": "an image", ".jpeg": "an image", ".png": "an image",
             ".gif": "an image", ".webp": "an image", ".xml": "a feed or XML file", ".rss": "a feed", ".txt": "text"}
ALLOWED_DESCRIPTION_TAGS = {"p", "ol", "ul", "li", "a", "b", "i", "strong", "em"}
TRANSCRIPT_TYPES = {"text/vtt", "application/x-subrip", "application/srt", "text/srt", "text/html", "application/json",
                    "text/plain"}
#: the types a transcript file of each extension may be given (the first is the one to write): a .srt read as WebVTT
#: has no WEBVTT line and ',' in its times, and apps show nothing (PI007 warning)
TRANSCRIPT_EXTENSIONS = {".vtt": ("text/vtt",), ".srt": ("application/x-subrip", "application/srt", "text/srt"),
                         ".html": ("text/html",), ".htm": ("text/html",), ".json": ("application/json",),
                         ".txt": ("text/plain",)}
_TAG = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9]*)")
#: an enclosure URL as apps take it; a GUID that is a permalink; a pubDate's numeric zone
_ENCLOSURE_URL = re.compile(r"^https?://[^\s/]+\S*$")
_URL_GUID = re.compile(r"^https?://\S+$")
_ZONE_OFFSET = re.compile(r"^[+-]\d{4}$", re.ASCII)
_DURATION_SECONDS = re.compile(r"^\d+$", re.ASCII)  # ASCII: '٣٧٢٣' is no duration apps read
_DURATION_OTHER = re.compile(r"^(?:\d+(?:\.\d+)?|(?:\d+:)?[0-5]?\d:[0-5]\d(?:\.\d+)?)$", re.ASCII)
#: the longest itunes:duration taken for a real one: a week (day-long live marathons exist; a length written in
#: milliseconds instead of seconds, or a number that overflows the apps reading it, is beyond it)
MAX_DURATION = 7 * 24 * 3600
#: the largest enclosure length taken for a real file: 1 TB, ten times a day of 4K video at 10 MB/s (apps store the
#: length in a 64-bit integer at most: 10^26 bytes overflows it)
MAX_LENGTH = 10**12


def _decimal(value: str) -> str:
    """podcast:episode's decimal number as one text for one number (``4.50`` and ``4.5``); "" when not a number."""
    try:
        number = float(value)
    except ValueError:
        return ""
    return f"{number:g}" if math.isfinite(number) and number > 0 else ""


def item_label(doc: FeedDoc, item: Any, index: int) -> str:
    """The item's GUID as the feed writes it (a space at either end kept: mediafeed publishes a GUID as written, and
    a build puts each item's problems on the episode of that GUID), or its place."""
    element = child(doc, item, "guid")
    guid = element.text or "" if element is not None else ""
    return guid if guid.strip() else f"item {index + 1}"


def duration_seconds(value: str) -> float | None:
    """itunes:duration in seconds (``3600``, ``1:00:00``, ``59:59``); None when malformed."""
    value = value.strip()
    if not _DURATION_OTHER.match(value):
        return None
    seconds = 0.0
    for part in value.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


#: how far ahead of the clock a pubDate may be before it is reported (time zones, a clock running slow)
FUTURE_SLACK = 24 * 3600
#: a pubDate before this year is implausible (the W3C feed validator's ImplausibleDate takes the same year): most often
#: a missing date written as zero, 1 January 1970
EARLIEST_YEAR = 1990


def check_items(doc: FeedDoc, now: float | None = None) -> list[Problem]:
    """Every item rule; with ``now`` (a Unix time: checking a feed someone published), pubDates after it too."""
    out: list[Problem] = []
    show_title = (text(doc, doc.channel, "title") or "").strip()
    serial = text(doc, doc.channel, "itunes:type") == "serial"
    guids: dict[str, int] = {}
    enclosures: dict[str, int] = {}
    numbers: dict[tuple[str, str], int] = {}
    for index, item in enumerate(doc.items()):
        label = item_label(doc, item, index)
        out += check_item(doc, item, label, show_title, now)
        guid = text(doc, item, "guid")
        if guid:
            if guid in guids:
                out.append(problem("EP001", doc.source, f"GUID is also used by item {guids[guid] + 1}", field="guid", episode=label,
                                   hint="give every episode its own permanent GUID"))
            guids.setdefault(guid, index)
        enclosure = child(doc, item, "enclosure")
        url = (enclosure.get("url") or "").strip() if enclosure is not None else ""
        if url:
            if url in enclosures:
                out.append(problem("EP012", doc.source, f"enclosure URL is also used by item {enclosures[url] + 1}",
                                   field="enclosure@url", episode=label, hint="each episode needs its own media file"))
            enclosures.setdefault(url, index)
        number = text(doc, item, "itunes:episode")
        episode_type = text(doc, item, "itunes:episodeType") or "full"
        if serial and not number and episode_type not in UNNUMBERED_TYPES:
            out.append(problem("EP010", doc.source, "a serial show needs <itunes:episode> on every full episode",
                               field="itunes:episode", episode=label, hint="number the episodes in listening order"))
        decimal = "" if number else _decimal(text(doc, item, "podcast:episode") or "")
        if (number or decimal) and episode_type == "full":
            # podcast:episode alone (4.5, a mini-episode between two others: itunes:episode takes whole numbers) places
            # the episode in order (the namespace's episode.md), so two 4.5s sort as ambiguously as two 4s
            where = "itunes:episode" if number else "podcast:episode"
            number = number or decimal
            key = (text(doc, item, "itunes:season") or text(doc, item, "podcast:season") or "", number)
            if key in numbers:
                out.append(problem("EP011", doc.source, f"episode number {number} is also used by item {numbers[key] + 1}"
                                   + (f" in season {key[0]}" if key[0] else ""), field=where, episode=label,
                                   hint="number each full episode of a season once"))
            numbers.setdefault(key, index)
    return out


#: an item's elements that hold one value: written twice with different values, apps disagree on which counts
#: (podcast-partytime keeps the first; podcastparser and AntennaPod the last; feedparser the first title, the last guid,
#: pubDate and duration); two different show notes (``description``, ``content:encoded``) are one app's notes and
#: another's
ITEM_SINGLES = ("title", "link", "pubDate", "guid", "itunes:title", "itunes:duration", "itunes:explicit", "itunes:episode",
                "itunes:season", "itunes:episodeType", "itunes:block", "description", "content:encoded", "itunes:summary",
                "itunes:subtitle")


def check_item(doc: FeedDoc, item: Any, label: str, show_title: str, now: float | None = None) -> list[Problem]:
    """The rules about one item on its own (``show_title``: the channel's title, stripped; ``now``: see
    :func:`check_items`)."""
    src = doc.source
    out: list[Problem] = []
    title = text(doc, item, "title") or text(doc, item, "itunes:title")
    if not title:
        out.append(problem("EP101", src, "the episode has no <title>", field="title", episode=label,
                           hint="add <title>…</title>: apps list episodes by title"))
    elif not text(doc, item, "title"):  # was passed: Apple and Spotify require <title>; itunes:title is Apple's alone
        out.append(problem("EP101", src, f"the episode has no <title>, only <itunes:title> {quoted(title, 200)}: Apple and Spotify "
                           "require <title>, and apps that do not read itunes:title list the episode without a name",
                           field="title", episode=label, hint=f"add <title>{_escaped(title)}</title>"))
    out += long_itunes_texts(doc, item, "EP138", label)
    if title:
        if len(title) > LONG_TITLE:
            out.append(long_title("EP136", src, title, label))
        if HTML_TAG.search(title):
            out.append(problem("EP126", src, f"the title {shown(title, 120)} contains HTML ({HTML_TAG.search(title).group(0)}); apps show "  # type: ignore[union-attr]
                               "titles as plain text, tags and all", field="title", episode=label,
                               hint="write the title as plain text"))
        elif found := bracketed_title("EP139", src, title, label):
            out.append(found)
    # Apple asks the same of <itunes:title>, the title it shows in place of <title>
    for name in ("title", "itunes:title"):
        shown_title = text(doc, item, name)
        if shown_title and repeats_show_name(show_title, shown_title):
            out.append(problem("EP020", src, f"{name} {shown(shown_title, 120)} repeats the show's name", field=name, episode=label,
                               hint="remove the show's name: Apple asks for the episode title alone, and apps show "
                               "the show's name beside it"))
        if shown_title and numbered(shown_title):
            out.append(problem("EP021", src, f"{name} {shown(shown_title, 120)} holds an episode or season number", field=name,
                               episode=label, hint="remove the number from the title and put it in <itunes:episode> "
                               "(and <itunes:season>): apps show it themselves"))
    out += double_escaped(doc, child(doc, item, "title"), "title", label)
    out += _enclosure(doc, item, label)
    out += _guid(doc, item, label)
    out += check_psc(doc, item, label)
    out += check_itunes_names(doc, item, label)
    out += _date(doc, item, label, now)
    out += _description(doc, item, label)
    out += check_active(doc, item, ("description", "content:encoded", "itunes:summary"), "EP133", label)
    out += _duration(doc, item, label)
    out += _explicit(doc, item, "itunes:explicit", "", "EP119", label)
    episode_type = text(doc, item, "itunes:episodeType")
    if episode_type is not None and episode_type not in ("full", "trailer", "bonus"):
        # 'Trailer' means trailer: the hint must not turn a trailer into a full episode
        meant = episode_type.strip().lower() if episode_type.strip().lower() in ("trailer", "bonus") else "full"
        out.append(problem("EP120", src, f"itunes:episodeType is {quoted(episode_type, 200)}; expected full, trailer or bonus",
                           field="itunes:episodeType", episode=label,
                           hint=f"write <itunes:episodeType>{meant}</itunes:episodeType>"))
    for name in ("itunes:season", "itunes:episode"):
        value = text(doc, item, name)
        if value is not None and not whole(value):  # None, or 0
            out.append(problem("EP121", src, f"{name} is {shown(value)}; expected a whole number from 1", field=name, episode=label,
                               hint=f"write <{name}>1</{name}>, or leave it out"))
    out += conflicting(doc, item, ITEM_SINGLES, "EP131", label)
    block = text(doc, item, "itunes:block")
    if block is not None and block != "Yes":
        out.append(problem("EP130", src, f"itunes:block is {quoted(block, 200)}; only 'Yes' keeps the episode out of Apple Podcasts",
                           field="itunes:block", episode=label,
                           hint="write <itunes:block>Yes</itunes:block>, or remove the element"))
    image = child(doc, item, "itunes:image")
    href = (image.get("href") or "").strip() if image is not None else ""
    if href and not URL.match(href):
        out.append(problem("EP129", src, f"episode artwork URL {quoted(href, 200)} is not an absolute http(s) URL: apps do not resolve "
                           "it against the feed's address, and show the show's artwork or none", field="itunes:image@href",
                           episode=label, hint='write the full address, e.g. <itunes:image href="https://…/episode.jpg"/>'))
    elif href and (fault := url_fault(image.get("href"))):
        out.append(problem("EP129", src, f"episode artwork URL {quoted(href, 200)} {fault.reason}", field="itunes:image@href",
                           episode=label, hint=fault.hint))
    if image is not None and not href:
        misplaced = next((name for name in ("url", "src") if image.get(name)), "")
        out.append(problem("EP129", src, "an <itunes:image> without href= (episode artwork)"
                           + (f": the URL is in a {misplaced}= attribute, which apps do not read" if misplaced else ""),
                           field="itunes:image@href", episode=label,
                           hint='write <itunes:image href="https://…/episode.jpg"/>, or remove the element (apps then '
                           "show the show's artwork)"))
    if href and not href.split("?", 1)[0].lower().endswith(IMAGE_EXTENSIONS):
        out.append(problem("EP122", src, f"episode artwork URL {href} does not end in .jpg or .png", field="itunes:image@href",
                           episode=label, hint="publish the artwork under a name ending in .jpg or .png"))
    out += insecure_image(doc, href, "EP127", label)
    link = text(doc, item, "link")
    if not link:
        out.append(problem("EP124", src, "the episode has no <link> to its page", field="link", episode=label,
                           hint="link the episode's show-notes page"))
    elif not URL.match(link):
        out.append(problem("EP124", src, f"the episode <link> {quoted(link, 200)} is not an absolute http(s) URL; apps cannot open it",
                           field="link", episode=label, hint="write the page's full address, e.g. https://example.org/episodes/1/"))
    out += _podcast_item(doc, item, label)
    return out


def _enclosure(doc: FeedDoc, item: Any, label: str) -> list[Problem]:
    src = doc.source
    found = children_by_tag(doc, item).get("enclosure", ())
    if not found:
        return [problem("EP102", src, "the episode has no <enclosure>", field="enclosure", episode=label,
                        hint='add <enclosure url="https://…/episode.mp3" length="BYTES" type="audio/mpeg"/>')]
    out: list[Problem] = []
    if len(found) > 1:
        out.append(problem("EP123", src, f"the episode has {len(found)} enclosures; apps use only the first", field="enclosure",
                           episode=label, hint="offer the others as <podcast:alternateEnclosure>"))
    enclosure = found[0]
    url = (enclosure.get("url") or "").strip()
    path = _url_path(url)
    if not _ENCLOSURE_URL.match(url) or path is None:
        out.append(problem("EP103", src, f"enclosure url is {quoted(url, 200)}; expected an absolute http(s) URL" if url else
                           "the enclosure has no url", field="enclosure@url", episode=label,
                           hint="write each space in the URL as %20 (or rename the file without spaces)"
                           if re.match(r"^https?://\S", url) and re.search(r"\s", url) else "give the media file's full URL"))
    elif fault := url_fault(enclosure.get("url") or ""):
        out.append(problem("EP103", src, f"the enclosure url {quoted(url, 200)} {fault.reason}", field="enclosure@url", episode=label,
                           hint=fault.hint, severity=None if fault.blocking else Severity.WARNING))
    elif plain_http(url):  # artwork over http is SHOW027/EP127; the media are what the pages' players play
        out.append(problem("EP137", src, f"the enclosure url {quoted(url, 200)} is http://, not https://: the episode's web players "
                           "(on https pages) upgrade it to https or block it (mixed content), and over http a network "
                           "can swap the file (a captive portal's sign-in page saved as the episode)",
                           field="enclosure@url", episode=label,
                           hint="serve the media over https and write the https:// URL (a published episode keeps its "
                           "GUID; redirect the old URL to the new one)"))
    length = (enclosure.get("length") or "").strip()
    # float() past 18 digits: int() refuses 5,000 digits (an Internal error before), and 400 and more are inf
    size = (whole(length) if len(length.lstrip("0")) <= MAX_DIGITS else float(length)) if _whole(length) else None
    if not size:
        out.append(problem("EP104", src, f"enclosure length is {quoted(length, 200)}; expected the file's size in bytes (> 0)" if length else
                           "the enclosure has no length", field="enclosure@length", episode=label,
                           hint="set length to the media file's exact size in bytes"))
    elif size > MAX_LENGTH:
        shown = length if len(length) <= 40 else f"a {len(length):,}-digit number of"
        out.append(problem("EP104", src, f"enclosure length is {shown} bytes ({_magnitude(size, MAX_LENGTH, 'TB')}); "
                           "no episode's file is over 1 TB", field="enclosure@length", episode=label,
                           hint="set length to the media file's exact size in bytes"))
    mime = (enclosure.get("type") or "").strip().lower()
    if not mime:
        out.append(problem("EP105", src, "the enclosure has no type", field="enclosure@type", episode=label,
                           hint="set type, e.g. audio/mpeg for MP3 or audio/x-m4a for M4A"))
    elif mime == "audio/aac":
        out.append(_aac(src, label, path or ""))
    elif mime in OTHER_TYPES:
        out.append(problem("MED010", src, f"enclosure type {mime} is not accepted by Apple Podcasts or Spotify",
                           field="enclosure@type", episode=label, hint="publish an MP3 or M4A; offer this one as an alternate enclosure"))
    elif mime not in ACCEPTED_TYPES:
        suggestion = {"audio/mp3": "audio/mpeg", "audio/mpeg3": "audio/mpeg", "audio/x-mp3": "audio/mpeg",
                      "audio/x-mpeg": "audio/mpeg", "audio/mpg": "audio/mpeg", "audio/m4a": "audio/x-m4a"}.get(mime)
        out.append(problem("EP106", src, f"enclosure type {quoted(mime, 200)} is not a media type apps accept", field="enclosure@type",
                           episode=label, hint=f"write type=\"{suggestion}\"" if suggestion else
                           "use audio/mpeg, audio/x-m4a, video/mp4, video/quicktime or video/x-m4v"))
    if url and mime and path is not None:
        ext = _extension(path)
        expected = EXTENSION_TYPES.get(ext)
        if expected and mime not in expected:
            if mime.startswith("video/") and not expected[0].startswith("video/"):  # video in a file named as audio
                hint = (f"a file with video is published as .mp4 (video/mp4) or .m4v (video/x-m4v): rename it; if it "
                        f"holds audio only, write type=\"{expected[0]}\"")
            else:
                hint = f"a {ext} file is {expected[0]}; check which format the file really is"
            out.append(problem("EP107", src, f"enclosure type {mime} does not match a {ext} file", field="enclosure@type",
                               episode=label, hint=hint))
        elif ext in NOT_MEDIA:  # was passed: the episode's page or artwork given as its audio
            out.append(problem("EP107", src, f"the enclosure url names a {ext} file ({NOT_MEDIA[ext]}), not the episode's "
                               "audio or video: apps download it and cannot play it", field="enclosure@url",
                               episode=label, hint="give the URL of the media file itself (…/episode.mp3)"))
        # was passed: get.php?ep=3, a download-counting URL, …/episodes/3/audio (a URL EP103 refuses is not judged)
        elif not expected and ext not in MEDIA_EXTENSIONS and not any(p.code == "EP103" for p in out):
            ends = f"ends in {ext}" if ext else "has no extension"
            out.append(problem("EP107", src, f"the enclosure url's path {quoted(_tail(path), 200)} {ends}, not a media file's (.mp3, "
                               ".m4a, .mov, .mp4, .m4v): Apple's guide says this extension decides whether the episode "
                               "appears in its directory, and the W3C validator warns", field="enclosure@url",
                               episode=label, hint="end the URL's path in the media file's name (a download-counting URL "
                               "too: …/track/123/episode.mp3); for a published episode, keep its GUID and redirect the "
                               "old URL to the new one"))
    return out


def _aac(src: str, label: str, path: str) -> Problem:
    """``type="audio/aac"``: Apple's guide lists audio/x-m4a, audio/mpeg, video/quicktime, video/mp4, video/x-m4v and
    application/pdf. A warning, not an error: Apple lists episodes by the URL's extension, and apps play AAC; but an
    .m4a labelled audio/aac is mislabelled, and a raw .aac file is a format Apple does not list."""
    if path.lower().endswith((".m4a", ".m4b", ".mp4")):
        return problem("EP106", src, "enclosure type 'audio/aac' is not in Apple's list of enclosure types (audio/x-m4a, "
                       "audio/mpeg, video/quicktime, video/mp4, video/x-m4v); it names raw AAC, not an M4A file",
                       field="enclosure@type", episode=label, severity=Severity.WARNING, hint='write type="audio/x-m4a"')
    return problem("MED010", src, "enclosure type audio/aac (raw AAC, .aac) is not among Apple's formats (M4A, MP3, MOV, "
                   "MP4, M4V, PDF)", field="enclosure@type", episode=label,
                   hint="publish the same AAC audio as M4A (ffmpeg -i episode.aac -c copy episode.m4a) with "
                   "type=\"audio/x-m4a\"")


def _tail(path: str) -> str:
    """The URL path's last part for a message ('…/get.php'); the whole of a short path."""
    return path if len(path) <= 40 else "…/" + path.rstrip("/").rsplit("/", 1)[-1][-60:]


def _extension(path: str) -> str:
    """'.mp3' for '/shows/a/ep.MP3'; '' without one."""
    name = path.rsplit("/", 1)[-1]
    return "." + name.rpartition(".")[2].lower() if "." in name else ""


def _escaped(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;")


def _magnitude(value: float, unit: float, name: str) -> str:
    """``value`` in ``unit``s for a message: "41.7 days", "about 10^14 TB", "more than 10^300 TB" (an itunes:duration
    of 400 digits is an infinite float: int() of it stopped the check with an OverflowError)."""
    amount = value / unit
    if amount < 10**6:
        return f"{amount:,.1f} {name}"
    return f"about 10^{math.floor(math.log10(amount))} {name}" if math.isfinite(amount) else f"more than 10^300 {name}"


def _whole(value: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts '³' and '١', which ``int`` refuses or apps do not read."""
    return value.isascii() and value.isdigit()


def _url_path(url: str) -> str | None:
    """The URL's path; None when it cannot be parsed at all (``http://[::1``: a broken IPv6 host)."""
    try:
        return urlsplit(url).path
    except ValueError:
        return None


def _words(value: str) -> str:
    """``value`` in lower case without spaces and punctuation: a title and a GUID made from it ('Salt Marsh Carbon',
    'salt-marsh-carbon') are one."""
    return re.sub(r"[\W_]+", "", value.lower())


def _guid(doc: FeedDoc, item: Any, label: str) -> list[Problem]:
    guid_element = child(doc, item, "guid")
    guid = (guid_element.text or "").strip() if guid_element is not None else ""
    if not guid:
        return [problem("EP108", doc.source, "the episode has no <guid>", field="guid", episode=label,
                        hint='add <guid isPermaLink="false">a UUID</guid>, assigned once and never changed')]
    enclosure = child(doc, item, "enclosure")
    url = (enclosure.get("url") or "").strip() if enclosure is not None else ""
    if url and guid == url:
        return [problem("EP109", doc.source, "the GUID is the enclosure URL; it changes whenever the file moves", field="guid",
                        episode=label, hint="keep this GUID as it is now (changing it re-downloads the episode); "
                        "never derive new GUIDs from URLs")]
    title = text(doc, item, "title")
    if title and (words := _words(guid)) and words == _words(title):
        # PSP-1: "not the title"; a GUID made from the title ('salt-marsh-carbon') changes with a corrected typo, and
        # two episodes of one name ('Mailbag') share it
        return [problem("EP109", doc.source, f"the GUID {quoted(guid, 200)} is the episode's title; it changes whenever the title "
                        "is corrected, and two episodes of the same name would share it", field="guid", episode=label,
                        hint="keep this GUID as it is now (changing it re-downloads the episode); give new episodes "
                        "a UUID (mediafeed add writes one), never one made from the title")]
    if (guid_element.get("isPermaLink") or "true").strip().lower() != "false" and not _URL_GUID.match(guid):
        # isPermalink="false" (the W3C validator's UnexpectedAttribute): XML attributes are case-sensitive, so the
        # GUID is still a permalink for every reader
        misspelt = next((name for name in guid_element.keys() if name.lower() == "ispermalink" and name != "isPermaLink"), "")
        return [problem("EP125", doc.source, f"the GUID {quoted(guid, 200)} is not a URL, but isPermaLink is not \"false\""
                        + (f" ({misspelt}= is another attribute: the name is isPermaLink, with a capital L)" if misspelt else ""),
                        field="guid@isPermaLink", episode=label,
                        hint='write <guid isPermaLink="false">…</guid> and keep the GUID text exactly as it is '
                        "(RSS 2.0 reads a GUID without the attribute as the episode's web address)")]
    hidden = unseen(guid)
    if hidden:
        # a zero-width space pasted from a web page or a chat, a BOM from a file: the GUID shows as another, and one
        # typed or copied without the character is another GUID to every app
        kept = "".join(ch for ch in guid if ch not in hidden)
        return [problem("EP135", doc.source, f"the GUID {shown(guid, 80)} holds {'a character' if len(hidden) == 1 else 'characters'} "
                        f"drawn as nothing ({named_characters(hidden)}): apps compare GUIDs character for character, and "
                        f"the GUID shows as {quoted(kept)}, which is another GUID to them", field="guid", episode=label,
                        hint="if the episode was published with this GUID (an imported show's old feed), keep it exactly "
                        "as it is (a changed GUID makes apps list the episode again); otherwise write it without "
                        f"{'it' if len(hidden) == 1 else 'them'}: <guid isPermaLink=\"false\">{kept}</guid>")]
    # (a printable text holds no white space but " ": Unicode's other spaces are separators or controls)
    if len(guid) > LONG_GUID or (not guid.isprintable() and any(ch.isspace() and ch != " " for ch in guid)):
        what = (f"is {len(guid):,} characters long" if len(guid) > LONG_GUID else
                "holds a line break or a tab" if any(ch in "\r\n\t" for ch in guid) else "holds a space other than ' '")
        return [problem("EP135", doc.source, f"the GUID {quoted(guid)} {what}: apps compare "
                        "GUIDs character for character, and such a GUID is easily changed by a copy, an editor that "
                        "joins lines or a form with a length limit", field="guid", episode=label,
                        hint="if the episode was published with this GUID (an imported show's old feed), keep it "
                        "exactly as it is (a changed GUID makes apps list the episode again); otherwise give it a "
                        "UUID (mediafeed add writes one)")]
    if len(guid) < SHORT_GUID:
        return [problem("EP134", doc.source, f"the GUID {quoted(guid, 200)} is {len(guid)} character{'s' if len(guid) > 1 else ''}: "
                        "unique in this feed, but not the globally unique identifier Apple and RSS ask for; numbers "
                        "written by hand get reused (a new season counting from 1 again, a show merged into another) "
                        "and apps then take a new episode for one they already have", field="guid", episode=label,
                        hint="keep every GUID already published exactly as it is (a changed GUID makes apps list the "
                        "episode again); give new episodes a UUID (mediafeed add writes one)")]
    return []


def _date(doc: FeedDoc, item: Any, label: str, now: float | None) -> list[Problem]:
    value = text(doc, item, "pubDate")
    if not value:
        return [problem("EP110", doc.source, "the episode has no <pubDate>", field="pubDate", episode=label,
                        hint="add <pubDate>Sat, 15 Jun 2019 19:00:00 +0000</pubDate>")]
    wrong, severity, moment = read_date(value)
    if wrong:
        return [problem("EP111", doc.source, wrong, field="pubDate", episode=label, hint=date_hint(), severity=severity)]
    if moment is not None and moment.year < EARLIEST_YEAR:
        return [problem("EP132", doc.source, f"pubDate {quoted(value, 200)} is before {EARLIEST_YEAR}, before podcasts (and RSS) "
                        "existed: apps list the episode last" + (", and 1 January 1970 is a missing date written as zero"
                                                                if (moment.year, moment.month, moment.day) == (1970, 1, 1)
                                                                else ""), field="pubDate", episode=label,
                        hint="write the date the episode was published")]
    if now is not None and moment is not None:
        ahead = _future(doc, value, moment, label, now)
        if ahead:
            return ahead
    zone = value.strip().rsplit(" ", 1)[-1]
    if not _ZONE_OFFSET.match(zone) and zone not in ("GMT", "UT", "Z"):
        return [problem("EP112", doc.source, f"pubDate uses the zone name {quoted(zone, 200)}", field="pubDate", episode=label,
                        hint="write a numeric offset such as +0000 or -0500")]
    return []


def _description(doc: FeedDoc, item: Any, label: str) -> list[Problem]:
    value = text(doc, item, "description")
    if not value:
        if text(doc, item, "itunes:summary") or text(doc, item, "content:encoded"):
            return _summary(doc, item, label)
        return [problem("EP113", doc.source, "the episode has no <description>", field="description", episode=label,
                        hint="add show notes in <description><![CDATA[ … ]]></description>")]
    out = _summary(doc, item, label)
    size = len(value.encode("utf-8"))
    if size > DESCRIPTION_LIMIT:
        out.append(problem("EP114", doc.source, f"the description is {size} bytes; the limit is 4000", field="description",
                           episode=label, hint="shorten it; put the full notes in <content:encoded> and on the page"))
    tags = sorted(set(map(str.lower, _TAG.findall(value))) - ALLOWED_DESCRIPTION_TAGS - ACTIVE_TAGS)  # those: EP133
    if tags:
        out.append(problem("EP115", doc.source, f"the description uses <{'>, <'.join(tags)}>; apps show only "
                           "p, ol, ul, li, a, b, i, strong, em", field="description", episode=label,
                           hint="keep other HTML for <content:encoded>"))
    return out


def _summary(doc: FeedDoc, item: Any, label: str) -> list[Problem]:
    summary = text(doc, item, "itunes:summary")
    if not summary or len(summary.encode("utf-8")) <= DESCRIPTION_LIMIT:
        return []
    return [problem("EP114", doc.source, f"itunes:summary is {len(summary.encode('utf-8'))} bytes; the limit is 4000",
                    field="itunes:summary", episode=label, hint="shorten it, or remove it: apps read <description>")]


def _future(doc: FeedDoc, value: str, moment: datetime, label: str, now: float) -> list[Problem]:
    if moment.tzinfo is None:  # "-0000": a local time in an unknown zone
        moment = moment.replace(tzinfo=UTC)
    if moment.timestamp() <= now + FUTURE_SLACK:
        return []
    today = datetime.fromtimestamp(now, UTC).date().isoformat()
    return [problem("EP128", doc.source, f"pubDate {quoted(value, 200)} is in the future (today is {today}): apps disagree, some hold "
                    "the episode back until then, others list it at once, first", field="pubDate", episode=label,
                    hint="publish the episode on its date, or write the real publication date")]


def _duration(doc: FeedDoc, item: Any, label: str) -> list[Problem]:
    value = text(doc, item, "itunes:duration")
    if value is None or value == "":
        return [problem("EP116", doc.source, "the episode has no <itunes:duration>", field="itunes:duration", episode=label,
                        hint="add the length in whole seconds, e.g. <itunes:duration>1834</itunes:duration>")]
    seconds = duration_seconds(value)
    if seconds == 0:  # apps read 0 as "length unknown" (some list the episode as 0:00): no better than no duration
        return [problem("EP116", doc.source, f"itunes:duration is {quoted(value, 200)}: apps read a length of 0 as unknown",
                        field="itunes:duration", episode=label,
                        hint="write the episode's length in whole seconds, e.g. <itunes:duration>1834</itunes:duration>")]
    if seconds is None:
        return [problem("EP117", doc.source, f"itunes:duration is {shown(value)}; expected seconds or HH:MM:SS",
                        field="itunes:duration", episode=label, hint="write the length in whole seconds, e.g. 1834")]
    if seconds > MAX_DURATION:
        return [problem("EP117", doc.source, f"itunes:duration is {shown(value)} ({_magnitude(seconds, 24 * 3600, 'days')}); "
                        "no episode runs longer than a week", field="itunes:duration", episode=label,
                        hint="write the length in whole seconds, e.g. 1834 (a length in milliseconds is 1000 times too large)")]
    if _DURATION_SECONDS.match(value):
        return []
    return [problem("EP118", doc.source, f"itunes:duration is {quoted(value, 200)}; Apple prefers whole seconds",
                    field="itunes:duration", episode=label, hint=f"write {whole_seconds(duration_seconds(value) or 0)}")]


def _podcast_item(doc: FeedDoc, item: Any, label: str) -> list[Problem]:
    src = doc.source
    out = podcast_common(doc, item, label)
    for transcript in children(doc, item, "podcast:transcript"):
        url, mime = (transcript.get("url") or "").strip(), (transcript.get("type") or "").strip().lower()
        if not url or mime not in TRANSCRIPT_TYPES:
            out.append(problem("PI007", src, f"podcast:transcript url={url or '(none)'} type={mime or '(none)'}",
                               field="podcast:transcript", episode=label,
                               hint="give url and a type: text/vtt, application/x-subrip, text/html, application/json or text/plain"))
        elif (named := TRANSCRIPT_EXTENSIONS.get(_extension(_url_path(url) or ""))) and mime not in named:
            out.append(problem("PI007", src, f"podcast:transcript type is {mime} but the file's name ends in "
                               f"{_extension(_url_path(url) or '')}: apps read it as {mime} and show no transcript",
                               field="podcast:transcript@type", episode=label, severity=Severity.WARNING,
                               hint=f'write type="{named[0]}", or publish the file in the format the type names'))
    for chapters in children(doc, item, "podcast:chapters"):
        url, mime = (chapters.get("url") or "").strip(), (chapters.get("type") or "").strip().lower()
        if url and mime == "application/json":
            # the namespace's own example feed (example.xml) writes this, and apps read the file as JSON chapters
            # all the same; docs/tags/chapters.md names application/json+chapters
            out.append(problem("PI008", src, f"podcast:chapters type is {mime}; the namespace's type for JSON chapters is "
                               "application/json+chapters", field="podcast:chapters", episode=label,
                               severity=Severity.WARNING, hint='write type="application/json+chapters"'))
        elif not url or mime != "application/json+chapters":
            out.append(problem("PI008", src, f"podcast:chapters url={url or '(none)'} type={mime or '(none)'}",
                               field="podcast:chapters", episode=label,
                               hint='write <podcast:chapters url="https://…/chapters.json" type="application/json+chapters"/>'))
    # the namespace: a season is an integer (season.md), an episode a number that may be decimal (episode.md); a
    # decimal season passed, and neither said what to write
    for name, form, expected, example in (
            ("podcast:season", r"^\d+$", "a whole number", '<podcast:season name="The second year">2</podcast:season>'),
            ("podcast:episode", r"^\d+(\.\d+)?$", "a number", '<podcast:episode display="Part 5a">5</podcast:episode>')):
        value = text(doc, item, name)
        if value is not None and not re.match(form, value, re.ASCII):
            out.append(problem("PI012", src, f"{name} is {quoted(value, 200)}; expected {expected}", field=name, episode=label,
                               hint=f"write the number alone, and any label in the attribute: {example}"))
    for bite in children(doc, item, "podcast:soundbite"):
        if not (re.match(r"^\d+(\.\d+)?$", bite.get("startTime") or "", re.ASCII)
                and re.match(r"^\d+(\.\d+)?$", bite.get("duration") or "", re.ASCII)):
            out.append(problem("PI013", src, f"podcast:soundbite startTime={quoted(bite.get('startTime') or '')} duration={quoted(bite.get('duration') or '')}",
                               field="podcast:soundbite", episode=label, hint="give both in seconds, e.g. startTime=\"73.0\" duration=\"60.0\""))
        elif not SOUNDBITE_SECONDS[0] <= float(bite.get("duration") or 0) <= SOUNDBITE_SECONDS[1]:
            out.append(problem("PI026", src, f"podcast:soundbite duration={quoted(bite.get('duration') or '')}: the namespace "
                               "recommends 15 to 120 seconds", field="podcast:soundbite@duration", episode=label,
                               hint="give it a duration from 15 to 120 seconds"))
    for alternate in children(doc, item, "podcast:alternateEnclosure"):
        if not alternate.get("type") or child(doc, alternate, "podcast:source") is None:
            out.append(problem("PI014", src, "podcast:alternateEnclosure needs a type and at least one <podcast:source uri=…>",
                               field="podcast:alternateEnclosure", episode=label,
                               hint='write <podcast:alternateEnclosure type="audio/opus" length="BYTES"><podcast:source '
                                    'uri="https://…/episode.opus"/></podcast:alternateEnclosure>'))
    return out

