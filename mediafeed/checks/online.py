"""``--online``: how the files a feed points at are really served.

For each enclosure: HEAD, then ``GET`` with ``Range: bytes=0-1`` (Apple's first
request), expecting ``206 Partial Content`` with a ``Content-Range`` total equal
to the enclosure length and a Content-Type matching the feed. Artwork is fetched
and checked with Pillow; transcripts and chapters are fetched with an ``Origin``
header (browser players need CORS) and parsed, and their times are checked
against the episode's duration. Redirects, unreachable hosts and slow servers
are reported; :mod:`.http` bounds time, bytes and concurrency.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable

import requests

from .. import chapters as chapter_io
from .. import transcripts as transcript_io
from ..errors import Problem, Severity
from ..records import frozen
from ..source import quoted
from .artwork import inspect_bytes
from .feedxml import FeedDoc, child, children, text
from .http import Answer, Limits, refused_address, request, run_bounded, session
from .items import duration_seconds, item_label
from .rules import problem

ORIGIN = "https://embed.mediafeed.invalid"
_SAME_TYPES = [
    {"audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg"},
    {"audio/x-m4a", "audio/mp4", "audio/m4a", "audio/aac", "audio/x-m4b", "audio/mp4a-latm"},
    {"video/mp4", "video/x-m4v"},
    {"video/quicktime"},
    {"audio/ogg", "audio/opus", "application/ogg"},
]
TRANSCRIPT_SERVED = {
    "text/vtt": {"text/vtt"},
    "application/x-subrip": {"application/x-subrip", "application/srt", "text/srt", "text/plain"},
    "application/srt": {"application/x-subrip", "application/srt", "text/srt", "text/plain"},
    "text/html": {"text/html"},
    "application/json": {"application/json"},
    "text/plain": {"text/plain"},
}
CHAPTERS_SERVED = {"application/json+chapters", "application/json"}


@frozen
class Target:
    kind: str  #: "enclosure", "artwork", "transcript", "chapters"
    url: str
    field: str
    episode: str = ""
    length: str = ""
    mime: str = ""
    duration: float | None = None


def targets(doc: FeedDoc) -> list[Target]:
    """Every URL the feed asks apps to fetch, once each, in feed order."""
    found: list[Target] = []
    image = child(doc, doc.channel, "itunes:image")
    if image is not None and image.get("href"):
        found.append(Target("artwork", image.get("href").strip(), "itunes:image@href"))
    for index, item in enumerate(doc.items()):
        label = item_label(doc, item, index)
        raw_duration = text(doc, item, "itunes:duration")
        duration = duration_seconds(raw_duration) if raw_duration else None
        enclosure = child(doc, item, "enclosure")
        if enclosure is not None and (enclosure.get("url") or "").startswith(("http://", "https://")):
            found.append(Target("enclosure", enclosure.get("url").strip(), "enclosure@url", label,
                                (enclosure.get("length") or "").strip(), (enclosure.get("type") or "").strip().lower()))
        image = child(doc, item, "itunes:image")
        if image is not None and image.get("href"):
            found.append(Target("artwork", image.get("href").strip(), "itunes:image@href", label))
        for transcript in children(doc, item, "podcast:transcript"):
            if transcript.get("url"):
                found.append(Target("transcript", transcript.get("url").strip(), "podcast:transcript@url", label,
                                    mime=(transcript.get("type") or "").strip().lower(), duration=duration))
        for chapters in children(doc, item, "podcast:chapters"):
            if chapters.get("url"):
                found.append(Target("chapters", chapters.get("url").strip(), "podcast:chapters@url", label, duration=duration))
    seen: set[tuple[str, str]] = set()
    unique = []
    for target in found:
        if (target.kind, target.url) not in seen and target.url.startswith(("http://", "https://")):
            seen.add((target.kind, target.url))
            unique.append(target)
    return unique


def check_online(doc: FeedDoc, limits: Limits | None = None) -> list[Problem]:
    limits = limits or Limits()
    found = targets(doc)
    tasks: list[Callable[[], list[Problem]]] = [functools.partial(check_target, doc.source, t, limits) for t in found]

    def late(index: int) -> list[Problem]:
        t = found[index]
        return [problem("ONL009", doc.source, f"{t.url} did not answer within {limits.deadline:g} s", field=t.field,
                        episode=t.episode, hint="a slow host delays every listener; check the server or CDN")]

    out: list[Problem] = []
    for result in run_bounded(tasks, limits.workers, limits.deadline + 2.0, late):
        out.extend(result)
    return out


def check_target(src: str, target: Target, limits: Limits) -> list[Problem]:
    named = refused_address(src, target.url)  # a feed read from a public address naming 169.254.169.254: never asked
    if named:
        return [problem("ONL007", src, f"{target.url}: {named}", field=target.field, episode=target.episode,
                        hint="point the feed at the file's public URL")]
    with session() as http:
        if target.kind == "enclosure":
            return _enclosure(http, src, target, limits)
        return _file(http, src, target, limits)


def _unreachable(src: str, target: Target, answer: Answer, what: str = "") -> Problem:
    if answer.timed_out:
        return problem("ONL009", src, f"{target.url}: {answer.error}", field=target.field, episode=target.episode,
                       hint="a slow host delays every listener; check the server or CDN")
    if answer.error and ("redirect" in answer.error):
        hint = ("the server (or its CDN) redirects to an address only its own network reaches: fix that redirect, "
                "or point the feed at the file's public URL") if "podcast apps cannot reach" in answer.error else \
            "point the feed at the file's final URL"
        return problem("ONL007", src, f"{target.url}: {answer.error}", field=target.field, episode=target.episode,
                       hint=hint)
    reason = answer.error or f"HTTP {answer.status}"
    return problem("ONL001", src, f"{target.url}{what}: {reason}", field=target.field, episode=target.episode,
                   hint="check the URL and that the file is uploaded and public")


def _redirects(src: str, target: Target, answer: Answer) -> list[Problem]:
    if not answer.redirects:
        return []
    previous = target.url
    for _status, location in answer.redirects:
        if previous.startswith("https://") and location.startswith("http://"):
            return [problem("ONL007", src, f"{target.url} redirects from https to plain http ({location})", field=target.field,
                            episode=target.episode, hint="serve the file over https all the way; apps refuse the downgrade")]
        previous = location
    chain = " → ".join(f"{status} {location}" for status, location in answer.redirects)
    return [problem("ONL006", src, f"{target.url} redirects {len(answer.redirects)}×: {chain}", field=target.field,
                    episode=target.episode, hint="fine for tracking prefixes; otherwise put the final URL in the feed")]


#: what a web page is served as (ONL004 as an error for an enclosure)
_PAGE_TYPES = {"text/html", "application/xhtml+xml"}


def _mime(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def _same_type(declared: str, served: str) -> bool:
    return declared == served or any(declared in group and served in group for group in _SAME_TYPES)


def _head_refused(head: Answer) -> bool:
    """A HEAD answered with an error (405, 501, or the 403 or 404 of a host or signed-URL CDN that allows only GET)
    or not at all, for a file GET serves: Apple and directories check media and artwork with HEAD. Was only 405 and
    501: a 403 to HEAD beside a 200 to GET passed as a well-served file."""
    return head.status >= 400 or bool(head.error and "redirect" not in head.error)


def _empty(ranged: Answer, head: Answer) -> bool:
    """The host says the file has no bytes: 'Content-Range: bytes */0' on its 416, or a HEAD's Content-Length 0."""
    total = re.match(r"^\s*bytes\s+\*/(\d+)\s*$", ranged.header("content-range"))
    if total:
        return int(total.group(1)) == 0
    return head.ok and head.header("content-length").strip() == "0"


def _enclosure(http: requests.Session, src: str, target: Target, limits: Limits) -> list[Problem]:
    started = time.monotonic()
    out: list[Problem] = []
    head = request(http, "HEAD", target.url, limits, started=started)
    if head.timed_out:
        return [_unreachable(src, target, head)]
    ranged = request(http, "GET", target.url, limits, headers={"Range": "bytes=0-1"}, max_bytes=limits.probe_bytes,
                     started=started)
    if ranged.status == 416 and not ranged.error and _empty(ranged, head):
        # 'Range Not Satisfiable' to bytes=0-1 is a file of no bytes (an upload that failed): was ONL001 'HTTP 416,
        # check the URL', beside nothing about the enclosure length
        return out + [problem("ONL003", src, f"{target.url} is empty (0 bytes: HTTP 416 to 'Range: bytes=0-1'); the "
                              f"enclosure length says {target.length or 'nothing'}", field="enclosure@length",
                              episode=target.episode, hint="upload the media file again (the copy on the host has no "
                              "bytes), then check that its size is the enclosure length")]
    if ranged.error or ranged.status >= 400 or not ranged.status:
        return out + [_unreachable(src, target, ranged)]
    if _head_refused(head):
        out.append(problem("ONL005", src, f"{target.url} does not answer HEAD ({head.error or f'HTTP {head.status}'}), "
                           "though it serves the file to GET", field=target.field, episode=target.episode,
                           hint="let the host answer HEAD as it answers GET; apps and directories use it"))
    out += _redirects(src, target, ranged)
    served_length = ""
    if ranged.status == 206:
        match = re.match(r"^\s*bytes\s+\d+-\d+/(\d+)\s*$", ranged.header("content-range"))
        served_length = match.group(1) if match else ""
        if not match:
            out.append(problem("ONL002", src, f"{target.url} answered 206 without a valid Content-Range "
                               f"({ranged.header('content-range') or 'none'})", field=target.field, episode=target.episode,
                               hint="the host must send 'Content-Range: bytes 0-1/TOTAL'"))
    else:
        out.append(problem("ONL002", src, f"{target.url} ignores 'Range: bytes=0-1' (HTTP {ranged.status}, not 206)",
                           field=target.field, episode=target.episode,
                           hint="host the media where byte ranges work (most CDNs and object stores do); Apple requires it"))
        served_length = ranged.header("content-length")
    if not served_length and head.ok:
        served_length = head.header("content-length")
    if served_length and target.length.isdigit() and served_length != target.length:
        out.append(problem("ONL003", src, f"{target.url} is {served_length} bytes; the enclosure length says {target.length}",
                           field="enclosure@length", episode=target.episode,
                           hint=f"set length=\"{served_length}\" (or re-upload the file the feed describes)"))
    served_type = _mime(ranged.header("content-type") or head.header("content-type"))
    if served_type in _PAGE_TYPES or ranged.body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        # a parked domain, a login or an error page answered 200: no media file starts with '<' (MP3: ID3 or a frame
        # sync, M4A: a box size). Was only the Content-Type warning, beside a length mismatch when there was one
        out.append(problem("ONL004", src, f"{target.url} answers with a web page ({served_type or 'starting with <'}), not "
                           "the media: no app can play the episode", field="enclosure@url", episode=target.episode,
                           severity=Severity.ERROR, hint="give the URL of the media file itself, and check that the host "
                           "still serves it (an expired host or a sign-in page answers like this)"))
    elif target.mime and served_type and not _same_type(target.mime, served_type):
        out.append(problem("ONL004", src, f"{target.url} is served as {served_type}; the feed says {target.mime}",
                           field="enclosure@type", episode=target.episode,
                           hint="make the host's Content-Type and the enclosure type agree with the file's real format"))
    elif (real := _real_format(ranged.body)) and (family := _declared_family(target.mime)) and real[0] not in family:
        # an MP3 renamed .m4a, served and typed as the name says: headers and feed agree, the bytes do not
        out.append(problem("ONL004", src, f"{target.url} starts with the bytes of {real[1]}, but the feed says "
                           f"{target.mime}{f' and the host serves it as {served_type}' if served_type else ''}",
                           field="enclosure@type", episode=target.episode,
                           hint="apps that trust the type may not play it: export the file in the format the type "
                           "names, or publish it under its real format's type and extension (a new file name)"))
    return out


#: a media file's format by its first two bytes (what Apple's 'Range: bytes=0-1' returns): (family, words)
def _real_format(body: bytes) -> tuple[str, str] | None:
    first = body[:2]
    if len(first) < 2:
        return None
    if first == b"ID":
        return ("mpeg", "an MP3 (an ID3 tag)")
    if first[0] == 0xFF and first[1] & 0xE0 == 0xE0:
        return ("adts", "raw AAC (ADTS)") if first[1] & 0x06 == 0 else ("mpeg", "an MP3 (an MPEG audio frame)")
    return {b"\x00\x00": ("mp4", "an MP4/M4A file (an ISO box)"), b"Og": ("ogg", "an Ogg file"),
            b"RI": ("wav", "a WAV file (RIFF)"), b"fL": ("flac", "a FLAC file"),
            b"\x1aE": ("webm", "a WebM/Matroska file")}.get(first)


def _declared_family(mime: str) -> tuple[str, ...]:
    """The formats whose bytes an enclosure of type ``mime`` may start with; () for a type this does not judge."""
    if mime in _SAME_TYPES[0]:
        return ("mpeg",)
    if mime == "audio/aac":
        return ("mp4", "adts")  # written for M4A files (Apple lists by extension) and for raw AAC alike
    if mime in _SAME_TYPES[1] | _SAME_TYPES[2] | _SAME_TYPES[3]:
        return ("mp4",)
    if mime in _SAME_TYPES[4]:
        return ("ogg",)
    return ()


def _file(http: requests.Session, src: str, target: Target, limits: Limits) -> list[Problem]:
    started = time.monotonic()
    out: list[Problem] = []
    headers = {"Origin": ORIGIN} if target.kind in ("transcript", "chapters") else {}
    answer = request(http, "GET", target.url, limits, headers=headers, max_bytes=limits.max_file_bytes, started=started)
    if answer.error or not answer.ok:
        return [_unreachable(src, target, answer)]
    out += _redirects(src, target, answer)
    served = _mime(answer.header("content-type"))
    where = target.url.split("?", 1)[0].split("#", 1)[0]
    if answer.truncated:
        return out + [problem("ONL010", src, f"{target.url} is larger than {limits.max_file_bytes // (1024 * 1024)} MB; not checked",
                              field=target.field, episode=target.episode, hint="is this really the right file?")]
    if target.kind == "artwork":
        head = request(http, "HEAD", target.url, limits, started=started)
        if _head_refused(head) and not head.timed_out:
            out.append(problem("ONL005", src, f"{target.url} does not answer HEAD ({head.error or f'HTTP {head.status}'}), "
                               "though it serves the file to GET", field=target.field, episode=target.episode,
                               hint="let the host answer HEAD as it answers GET: Apple checks artwork with HEAD"))
        if served and served not in ("image/jpeg", "image/png"):
            out.append(problem("ONL004", src, f"{target.url} is served as {served}, not image/jpeg or image/png",
                               field=target.field, episode=target.episode, hint="serve JPEG or PNG with the matching Content-Type"))
        out += inspect_bytes(answer.body, where, target.episode, field=target.field)
        return out
    allow = answer.header("access-control-allow-origin").strip()
    if allow not in ("*", ORIGIN):
        out.append(problem("ONL008", src, f"{target.url} has no Access-Control-Allow-Origin header"
                           + (f" for other sites (it says {quoted(allow, 200)})" if allow else ""), field=target.field,
                           episode=target.episode, hint="send 'Access-Control-Allow-Origin: *' for transcripts and chapters"))
    if target.kind == "transcript":
        expected = TRANSCRIPT_SERVED.get(target.mime, set())
        if served and expected and served not in expected:
            out.append(problem("ONL004", src, f"{target.url} is served as {served}; the feed says {target.mime}",
                               field="podcast:transcript@type", episode=target.episode,
                               severity=Severity.WARNING, hint=f"serve it as {target.mime}"))
        if target.mime in transcript_io.TIMED or target.mime == "application/srt":
            mime = "text/vtt" if target.mime == "text/vtt" else "application/x-subrip"
            try:
                body = answer.body.decode("utf-8")
            except UnicodeDecodeError:
                return out + [problem("TRN000", where, "the transcript is not UTF-8 text", episode=target.episode,
                                      hint="save it as UTF-8")]
            if body.lstrip("\ufeff \t\r\n")[:1] == "<":
                # an error or sign-in page answered 200: was TRN001 'add WEBVTT at the top' (or SRT's cue problems)
                return out + [problem("TRN000", where, f"the transcript URL answers with a web page or XML, not {target.mime}",
                                      field="podcast:transcript@url", episode=target.episode,
                                      hint="upload the transcript file and give its own URL in <podcast:transcript url=…>")]
            cues, found = transcript_io.parse(body, mime, where, target.episode)
            out += found
            out += transcript_io.validate(cues, where, target.duration, target.episode)
        return out
    if served and served not in CHAPTERS_SERVED:
        out.append(problem("ONL004", src, f"{target.url} is served as {served}, not application/json+chapters",
                           field="podcast:chapters@url", episode=target.episode, hint="serve it as application/json+chapters"))
    try:
        body = answer.body.decode("utf-8")
    except UnicodeDecodeError:
        return out + [problem("CHP002", where, "the chapters file is not UTF-8 text", episode=target.episode,
                              field="podcast:chapters@url", hint="save it as UTF-8 (JSON is UTF-8) and upload it again")]
    if body.lstrip("\ufeff \t\r\n")[:1] == "<":
        # an error or sign-in page answered 200: was 'not valid JSON: Expecting value', and the show's hint
        return out + [problem("CHP002", where, "the chapters URL answers with a web page or XML, not JSON chapters",
                              episode=target.episode, field="podcast:chapters@url",
                              hint="upload the chapters JSON file and give its own URL in <podcast:chapters url=…>")]
    chapters, found = chapter_io.parse_json(body, where, target.episode,
                                            fix="fix the JSON where the file is published (a JSON validator names the "
                                                "place), or remove <podcast:chapters> until it is fixed")
    out += found
    out += chapter_io.validate(chapters, where, target.duration, target.episode)
    return out
