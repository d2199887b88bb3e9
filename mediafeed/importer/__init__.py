"""``mediafeed import``: move a show from another host without losing a subscriber.

Reads the old feed (a file or an http(s) URL), writes ``show.yml`` and one
``episodes/<slug>/episode.md`` per item with its GUID unchanged, fetches the
artwork, transcripts and chapters, and with ``download`` the media too
(resumable, size-checked, past failures). A second run skips every GUID that is
already there and only retries what is missing.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from ..addresses import written_url
from ..atomicfiles import atomic_write
from ..checks.http import NOT_ENCODED_AS_SAID
from ..config import SHOW_FILE, load_show, podcast_guid, safe_relative
from ..dates import source_date
from ..episodes import EPISODE_FILE, EPISODES_DIR
from ..errors import InputError, Problem, error, info, warning
from ..model import UNNUMBERED_TYPES
from ..records import mutable
from ..scaffold import existing_episodes, slugify
from ..site import url_path as site_path
from ..source import quoted
from .carried import carried
from .document import parse
from .download import (
    SMALL_LIMIT,
    DownloadError,
    Fetched,
    NotMedia,
    PrivateAddress,
    PrivateRedirect,
    TooSlow,
    fetch,
    get_small,
    session,
)
from .feedread import EpisodeRecord, PersonRecord, ShowRecord, url_path
from .pages import older_episodes
from .sidefiles import image_extension, side_files
from .tracking import without_tracking

Progress = Callable[[str, int, int], None]

MEDIA_EXTENSIONS = {"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/x-m4a": ".m4a", "audio/mp4": ".m4a",
                    "audio/m4a": ".m4a", "audio/aac": ".m4a", "video/mp4": ".mp4", "video/x-m4v": ".m4v",
                    "video/quicktime": ".mov", "audio/ogg": ".ogg", "audio/opus": ".opus", "audio/flac": ".flac",
                    "audio/wav": ".wav", "audio/x-wav": ".wav"}
#: files in a row one media host sends too slowly to finish before its other files are not tried in this run
SLOW_HOST_LIMIT = 3
#: the fewest bytes a second of an episode takes (8 kbit/s: below any podcast's encoding) and the fewest an episode's file
#: takes: an enclosure length under either is a placeholder (Anchor wrote length="1"; others 0), not the file's size
MIN_BYTES_PER_SECOND, MIN_MEDIA_BYTES = 1000, 1024
KNOWN_MEDIA = {".mp3", ".m4a", ".m4b", ".mp4", ".m4v", ".mov", ".ogg", ".oga", ".opus", ".flac", ".wav", ".aac"}
_HEADING = re.compile(r"<(/?)h([1-6])(\b[^>]*)>", re.I)
_BLOCK_START = re.compile(r"^\s*<(?:p|div|ul|ol|h[1-6]|blockquote|table|section|article|figure|hr|pre|dl)[\s/>]", re.I)


@mutable
class ImportReport:
    show: Path
    feed: str  #: where the feed was read from
    old_feed_url: str = ""
    new_feed_url: str = ""
    podcast_guid: str = ""
    show_written: bool = False
    artwork: str = ""
    imported: list[str] = field(default_factory=list)  #: slugs created in this run
    skipped: list[str] = field(default_factory=list)  #: slugs already there (same GUID)
    downloaded: list[str] = field(default_factory=list)  #: media files fetched (relative paths)
    missing_media: list[str] = field(default_factory=list)  #: episodes whose media is still to be fetched
    #: each imported episode's enclosure: {guid, slug, old_url (as the old feed wrote it), new_url}
    media: list[dict[str, str]] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)  #: {guid, title, slug, reason}
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"show": str(self.show), "feed": self.feed, "old_feed_url": self.old_feed_url,
                "new_feed_url": self.new_feed_url, "podcast_guid": self.podcast_guid, "show_written": self.show_written,
                "artwork": self.artwork, "imported": self.imported, "skipped": self.skipped,
                "downloaded": self.downloaded, "missing_media": self.missing_media, "failed": self.failed,
                "media": self.media,
                "problems": [p.to_dict() for p in self.problems], "steps": migration_steps(self)}


def is_remote(source: str) -> bool:
    return bool(re.match(r"^https?://", source, re.I))


def read_source(source: str, origin: str = "") -> tuple[bytes, str]:
    """The feed's bytes and the URL it came from ("" for a local file). ``origin``: the address of the feed that
    names ``source`` (an older page of it), from which ``source`` is judged (:func:`.download.check_url`)."""
    if is_remote(source):
        try:
            data, _ = get_small(session(origin), source)
        except DownloadError as exc:
            said = str(exc).startswith(NOT_ENCODED_AS_SAID)  # a feed sent as it is under Content-Encoding: gzip
            raise InputError(error("IMP001", source, f"cannot {'read' if said else 'fetch'} the feed: {exc}",
                                   field="Content-Encoding" if said else "",
                                   hint="the old host should send Content-Encoding only with a body compressed that "
                                   f"way; meanwhile save the feed as it is ('curl -o feed.xml {source}': curl "
                                   "decodes nothing unless told to) and import that file" if said else
                                   "check the address, or save the feed to a file and import that")) from None
        return data, source
    path = Path(source)
    try:
        if path.exists() and not path.is_file():  # a folder, /dev/zero, a named pipe: never read without end
            raise InputError(error("IMP001", source, "not a feed file (a folder, a device or a pipe)",
                                   hint="give a feed file or an http(s) address"))
        with path.open("rb") as handle:
            data = handle.read(SMALL_LIMIT + 1)
        if len(data) > SMALL_LIMIT:
            raise InputError(error("IMP001", source, f"the file is larger than {SMALL_LIMIT // (1024 * 1024)} MB; "
                                   "feeds are far smaller", hint="is this really the podcast's feed?"))
        return data, ""
    except OSError as exc:
        raise InputError(error("IMP001", source, f"cannot read the feed: {exc.strerror}",
                               hint="give a feed file or an http(s) address")) from None


def import_feed(source: str, root: Path, *, url: str = "", download: bool = False,
                progress: Progress | None = None) -> ImportReport:
    """Import the feed at ``source`` into the show folder ``root`` (created if needed)."""
    data, fetched_from = read_source(source)
    record, problems = parse(data, source)
    read_guids = {episode.guid for episode in record.episodes}
    for older in older_episodes(data, source, lambda page: read_source(page, fetched_from), problems):  # a paged or archived feed's back catalogue
        if older.guid not in read_guids:  # (a paged feed's pages overlap when episodes arrive between two reads)
            read_guids.add(older.guid)
            record.episodes.append(older)
    root = root.resolve()
    report = ImportReport(show=root, feed=source, problems=problems)
    report.old_feed_url = record.self_url or fetched_from
    root.mkdir(parents=True, exist_ok=True)
    http = session(fetched_from)  # (every address the feed names is judged from where it was read)

    show_path = root / SHOW_FILE
    if show_path.exists():
        report.problems.append(info("IMP020", SHOW_FILE, "show.yml already exists and was kept as it is",
                                    hint="delete it and import again to rewrite it from the feed"))
    else:
        report.artwork = _artwork(http, record, root, report)
        record.value = _without_time_splits(record.value, report)
        record.extra, refused = carried(record.extra, SHOW_FILE, "the channel")
        report.problems += refused
        terms, refused = carried(channel_terms(record), SHOW_FILE, "the channel")
        report.problems += refused
        text = show_yaml(record, url, report.old_feed_url, report.artwork, terms)
        atomic_write(show_path, text.encode("utf-8"))
        report.show_written = True

    existing = existing_episodes(root)
    by_guid = {str(e.get("guid")): e for e in existing if e.get("guid")}
    taken = {e["_slug"] for e in existing} | _names_in(root / EPISODES_DIR)
    suffixes: dict[str, int] = {}
    #: media host → files in a row it sent too slowly to finish: after SLOW_HOST_LIMIT the rest are not tried (a
    #: show of 300 episodes on a host sending a byte a second would hold the import a minute each, for five hours)
    slow: dict[str, int] = {}
    episodes = record.episodes
    shared = shared_media_names(episodes)
    now = source_date() or datetime.now(UTC)  # (as the build decides what is published: a later date is scheduled)
    unnumbered: list[str] = []  #: imported full episodes without a whole itunes:episode (a serial show needs one: EP010)
    for index, episode in enumerate(episodes):
        if progress:
            progress("import", index, len(episodes))
        # (an import before session 30 wrote the GUID stripped of white space at either end: the same episode)
        known = by_guid.get(episode.guid) or by_guid.get(episode.guid.strip())
        if known is not None:
            slug = known["_slug"]
            report.skipped.append(slug)
            audio_name = str(known.get("audio") or "")
            if not safe_relative(audio_name) or "/" in audio_name:  # never download to a path outside the folder
                audio_name = ""
        else:
            slug = _next_slug(_slug(episode), taken, suffixes)
            taken.add(slug)
            audio_name = _write_episode(http, root, slug, episode, record, report, shared)
            report.imported.append(slug)
            assert episode.date is not None
            if episode.date > now:
                report.problems.append(_dated_ahead(episode, slug))
            if not episode.number and episode.episode_type not in UNNUMBERED_TYPES:  # (a show trailer has none)
                unnumbered.append(slug)
        # every episode of the feed, also one an earlier run wrote: the old host's redirects are made from the last
        # run's list, and a run that finishes an interrupted import or retries downloads writes few or none
        report.media.append({"guid": episode.guid, "slug": slug, "old_url": episode.enclosure.url if episode.enclosure
                             else "", "new_url": f"{EPISODES_DIR}/{slug}/{audio_name}" if audio_name else ""})
        target = root / EPISODES_DIR / slug / audio_name
        if not audio_name or target.exists():
            continue
        assert episode.enclosure is not None
        placeholder = _placeholder_length(episode)
        if not download:
            report.missing_media.append(slug)
            if placeholder:
                report.problems.append(warning(
                    "IMP029", f"{EPISODES_DIR}/{slug}/{audio_name}", f"the old feed gives the enclosure's length as "
                    f"{episode.enclosure.length} byte(s){_for_duration(episode)}: not the file's size (a placeholder, "
                    "as hosts such as Anchor wrote), so nothing tells whether a copy of the file is whole",
                    field="enclosure@length", episode=episode.guid, hint="run the import again with --download (the server's own size is "
                    "checked and the new feed gives it), or copy the file into its folder and play it to its end"))
            continue
        size = 0 if placeholder else episode.enclosure.length  # a placeholder says nothing of the file

        def step(done: int, total: int, name: str = f"{index + 1}/{len(episodes)} {slug}/{audio_name}") -> None:
            if progress:
                progress(f"download {name}", done, total)

        host = _host(without_tracking(episode.enclosure.url))
        try:
            if slow.get(host, 0) >= SLOW_HOST_LIMIT:
                raise TooSlow(f"not tried: {host} sent the last {SLOW_HOST_LIMIT} files too slowly to finish")
            got = _fetch_media(http, episode.enclosure.url, target, size, step)
        except DownloadError as exc:
            if isinstance(exc, TooSlow):
                slow[host] = slow.get(host, 0) + 1
            report.failed.append({"guid": episode.guid, "title": episode.title, "slug": slug, "reason": str(exc),
                                  "url": episode.enclosure.url})
            report.missing_media.append(slug)
            report.problems.append(error("IMP030", f"{EPISODES_DIR}/{slug}/{audio_name}",
                                         f"cannot download {episode.enclosure.url}: {exc}", field="enclosure",
                                         episode=episode.guid, hint=_retry_hint(episode.enclosure.url, audio_name,
                                                                                host, exc)))
            continue
        slow.pop(host, None)
        report.downloaded.append(f"{EPISODES_DIR}/{slug}/{audio_name}")
        if got.announced and got.size != episode.enclosure.length and (size or placeholder):
            said = f"a placeholder length ({episode.enclosure.length} byte(s))" if placeholder else f"{size} bytes"
            report.problems.append(info("IMP031", f"{EPISODES_DIR}/{slug}/{audio_name}",
                                        f"the old feed said {said}, the server sent {got.size} (all it announced)",
                                        field="enclosure", episode=episode.guid,
                                        hint="nothing to do: the new feed uses the real size"))
        elif not got.announced and (not size or got.size < size):  # the same end twice is all that says it is whole
            report.problems.append(warning("IMP031", f"{EPISODES_DIR}/{slug}/{audio_name}",
                                           f"the old feed said {size if size else 'no size (a placeholder)'}"
                                           f"{' bytes' if size else ''}; the server announced no length and "
                                           f"closed the connection after {got.size} bytes on two tries: taken as the "
                                           "whole file", field="enclosure", episode=episode.guid,
                                           hint="play the file to its end; if it stops early, delete it and run the "
                                           "import again"))
    if progress:
        progress("import", len(episodes), len(episodes))
    show, show_problems = load_show(root)  # (as kept or written: the new site's addresses, type and GUID)
    report.new_feed_url = show.feed_url if show else ""
    moved = _moved_elsewhere(record.new_feed_url, report, fetched_from)
    if moved:
        report.problems.append(moved)
    media_url = show.media_url if show else ""
    for move in report.media:  # the address the first build gives the file (show.yml's media_url, else url)
        move["new_url"] = media_url + site_path(move["new_url"]) if media_url and move["new_url"] else ""
    report.podcast_guid = (show.podcast_guid if show else "") or record.podcast_guid
    if unnumbered and show and show.type == "serial":
        report.problems.append(_serial_unnumbered(unnumbered))
    if report.show_written:
        for p in show_problems:
            report.problems.append(warning("IMP021", p.file, f"{p.message} (the old feed did not give it)",
                                           field=p.field, hint=p.hint))
    return report


def _dated_ahead(episode: EpisodeRecord, slug: str) -> Problem:
    """IMP032 for an episode the old feed dates in the future: apps list it now (the old feed has it), but the build
    keeps an episode dated ahead out of the feed until its date (a scheduled episode), so it would leave the feed."""
    assert episode.date is not None
    return warning("IMP032", f"{EPISODES_DIR}/{slug}/{EPISODE_FILE}", f"the old feed lists this episode, dated "
                   f"{episode.date.strftime('%Y-%m-%d %H:%M %z')}, which is still to come: apps show it already, but "
                   "mediafeed takes an episode dated in the future for a scheduled one, so it is left out of the new "
                   "feed until then", field="date", episode=episode.guid,
                   hint="if the date is wrong (a mistyped year, a time zone written wrong), correct it in episode.md "
                   "before the first build (apps know the episode by its GUID, so the date may change); if the "
                   "episode is to come out then, nothing to do")


def _placeholder_length(episode: EpisodeRecord) -> bool:
    """Whether the enclosure's length is no size at all: missing, 0, 1, or far below what the duration takes."""
    assert episode.enclosure is not None
    return episode.enclosure.length < max(MIN_MEDIA_BYTES, (episode.duration or 0) * MIN_BYTES_PER_SECOND)


def _for_duration(episode: EpisodeRecord) -> str:
    """' for an episode of 60 minutes' when the old feed gave a duration (what the placeholder falls short of)."""
    if not episode.duration:
        return ""
    minutes = episode.duration / 60
    return f" for an episode of {minutes:.0f} minutes" if minutes >= 1 else f" for an episode of {episode.duration:.0f} s"


def _moved_elsewhere(moved_to: str, report: ImportReport, fetched_from: str) -> Problem | None:
    """IMP026 for a feed whose ``itunes:new-feed-url`` names another address: the show has already moved, apps read
    that feed instead of this one, and it may list newer episodes (read before, and dropped without a word). Nothing
    when it names this very feed or the new one being set up (the producer redirected the old feed here first)."""
    moved_to = moved_to.strip()
    same = {u.rstrip("/").lower() for u in (report.old_feed_url, fetched_from, report.new_feed_url) if u}
    if not moved_to or moved_to.rstrip("/").lower() in same:
        return None
    return warning("IMP026", report.feed, f"the feed says the show has moved to {moved_to} (itunes:new-feed-url): apps "
                   "that follow it read that feed now, not this one", field="itunes:new-feed-url",
                   hint=f"import {moved_to} instead (it may list newer episodes) unless that is the new site you are "
                   "moving to; the migration steps below assume this feed is the one apps read")


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return url


def _retry_hint(url: str, audio_name: str, host: str, exc: DownloadError) -> str:
    """IMP030's fix: another run resumes a dropped download; a file that is no http(s) address is copied by hand; a
    server too slow to finish (:class:`.download.TooSlow`) may be quicker later, or the file fetched another way; a
    web page instead of the file (:class:`.download.NotMedia`) says what the host did with it."""
    if not url.lower().startswith(("http://", "https://")):
        return f"copy the episode's audio file into its folder as {audio_name}"
    if isinstance(exc, TooSlow):
        return (f"{host} is too slow now: run the import again later (it resumes what arrived), or fetch the "
                f"file another way and copy it into its folder as {audio_name}")
    if isinstance(exc, PrivateRedirect):
        return (f"the host sends the file on to an address podcast apps cannot reach: ask it for the file's public "
                f"address, or copy the episode's audio file into its folder as {audio_name}")
    if isinstance(exc, PrivateAddress):
        return (f"the feed names an address podcast apps cannot reach: ask the host for the file's public address, "
                f"or copy the episode's audio file into its folder as {audio_name}")
    if isinstance(exc, NotMedia):
        return (f"open {url} in a browser to see what the host says (an expired address, a removed episode, a login); "
                f"then copy the episode's audio file into its folder as {audio_name}")
    return "run the import again to resume it"


def _fetch_media(http: Any, url: str, target: Path, size: int, step: Callable[[int, int], None]) -> Fetched:
    """The media at ``url``, fetched past its measurement prefixes (see :mod:`.tracking`); through them only
    when the file itself cannot be reached that way."""
    direct = without_tracking(url)
    try:
        return fetch(http, direct, target, size, progress=step)
    except DownloadError:
        if direct == url:
            raise
    return fetch(http, url, target, size, progress=step)


def _next_slug(base: str, taken: set[str], suffixes: dict[str, int]) -> str:
    """:func:`unique_slug`, remembering the next suffix to try for each base: a daily show whose 20,000 items
    are all "Daily Update" took minutes (each item tried every suffix before it). ``taken`` only grows, so
    every smaller suffix is still taken and the answer is the same."""
    base = base or "episode"
    if base not in taken:
        return base
    n = suffixes.get(base, 2)
    while f"{base}-{n}" in taken:
        n += 1
    suffixes[base] = n + 1
    return f"{base}-{n}"


def _names_in(folder: Path) -> set[str]:
    """Every name in ``folder``, also in lower case: a new episode folder is renamed into place, and a file or link of
    its name (episodes/notes, a broken link) stopped the import midway (NotADirectoryError); on a
    case-insensitive disk (macOS, Windows) a hand-made ``Cafe`` folder is ``cafe``."""
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except OSError:
        return set()
    return names | {name.lower() for name in names}


def _slug(episode: EpisodeRecord) -> str:
    """The new folder's name from the title's words: not the markup a CDATA title carries as text (hosts write
    ``<![CDATA[Q&amp;A with <b>Ana</b>]]>``, which made ``q-amp-a-with-b-ana-b``); the title itself is kept as
    the old feed gave it."""
    words = slugify(html.unescape(re.sub(r"<[^<>]*>", " ", episode.title)))
    if episode.number:
        return f"{episode.number:03d}-{words}" if words else f"{episode.number:03d}-episode"
    return words or (f"episode-{episode.date.date().isoformat()}" if episode.date else "episode")


def _serial_unnumbered(slugs: list[str]) -> Problem:
    """IMP033: the show is serial, and the old feed numbers some episodes not: the build refuses them (EP010)."""
    named = ", ".join(slugs[:3]) + (f" and {len(slugs) - 3} more" if len(slugs) > 3 else "")
    return warning("IMP033", SHOW_FILE, f"the show is serial, and a serial show numbers every full episode (Apple's rule: "
                   f"the build refuses one without, EP010), but the old feed gives no itunes:episode to "
                   f"{len(slugs)} of its episodes: {named}", field="type",
                   hint="number them in their episode.md ('episode: N', in the order they are meant to be heard; a "
                   "number changes nothing apps know an episode by), or write 'type: episodic' in show.yml if the "
                   "order does not matter")


def _artwork(http: Any, record: ShowRecord, root: Path, report: ImportReport) -> str:
    for name in ("artwork.jpg", "artwork.png"):
        if (root / name).exists():
            return name
    if not record.image:
        report.problems.append(warning("IMP022", SHOW_FILE, "the old feed has no show artwork", field="artwork",
                                       hint="add square artwork (1400–3000 px) as artwork.jpg"))
        return ""
    try:
        data, _ = get_small(http, record.image)
    except DownloadError as exc:
        report.problems.append(warning("IMP022", SHOW_FILE, f"cannot download the artwork {record.image}: {exc}",
                                       field="artwork", hint="save it as artwork.jpg next to show.yml"))
        return ""
    ext = image_extension(data)
    if not ext:
        report.problems.append(warning("IMP022", SHOW_FILE, f"the artwork at {record.image} is neither JPEG nor PNG",
                                       field="artwork", hint="convert it to a square JPEG and save it as artwork.jpg"))
        return ""
    atomic_write(root / f"artwork{ext}", data)
    return f"artwork{ext}"


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _without_time_splits(blocks: tuple[dict[str, Any], ...], report: ImportReport) -> tuple[dict[str, Any], ...]:
    """The channel's value blocks without their time splits, which show.yml does not take (their times are
    positions in one episode's audio): IMP023 says how many were left out."""
    dropped = sum(len(block.get("time_splits", ())) for block in blocks)
    if not dropped:
        return blocks
    report.problems.append(warning("IMP023", SHOW_FILE, f"the channel's podcast:value held {dropped} "
                                   "podcast:valueTimeSplit; not imported: show.yml's value block is every episode's",
                                   field="value", hint="add each split to the value: block of the episode it is for "
                                   "(time_splits: in its front matter)"))
    return tuple({key: item for key, item in block.items() if key != "time_splits"} for block in blocks)


def channel_terms(record: ShowRecord) -> dict[str, Any]:
    """show.yml's ``license`` and ``funding`` for the channel's podcast:license and podcast:funding, as the old feed
    wrote them (:func:`carried` then holds each entry to the build's rules, as the items' are)."""
    terms: dict[str, Any] = {}
    if record.license:
        terms["license"] = {"name": record.license[0],
                            **({"url": written_url(record.license[1])} if record.license[1] else {})}
    # (the text whole, as an item's: over the namespace's 128 characters the build publishes it with a warning, PI009,
    # as the old feed did; cutting it here changed the show's words without a word)
    funding = [{"url": written_url(u), "text": t or "Support the show"} for u, t in record.funding]
    if funding:
        terms["funding"] = funding
    return terms


def show_yaml(record: ShowRecord, url: str, old_feed_url: str, artwork: str, terms: dict[str, Any]) -> str:
    """``show.yml``'s text from the old feed's channel; ``terms``: its license and funding, as :func:`channel_terms`
    gives them after the build's rules (:func:`carried`). The podcast GUID is kept: it identifies the show everywhere."""
    site = written_url(url or record.link)  # as the build takes it: no '"', '<', '>' or '\\' (SRC010)
    if site and not site.endswith("/"):
        site += "/"
    guid = record.podcast_guid or (podcast_guid(old_feed_url) if old_feed_url else "")
    data: dict[str, Any] = {
        "title": record.title,
        "description": record.description,
        "url": site,
        "language": record.language or "en",
        "author": record.author or record.owner_name,
        "owner": {"name": record.owner_name or record.author, "email": record.owner_email},
        "category": record.category,
    }
    if record.subcategory:
        data["subcategory"] = record.subcategory
    data["explicit"] = bool(record.explicit)
    if record.show_type in ("episodic", "serial"):
        data["type"] = record.show_type
    data["artwork"] = artwork or "artwork.jpg"
    if record.copyright:
        data["copyright"] = record.copyright
    if guid:
        data["podcast_guid"] = guid
    if record.keywords:
        data["keywords"] = list(record.keywords)
    if record.locked is not None:
        data["locked"] = record.locked
    if record.medium:
        data["medium"] = record.medium
    data.update(terms)
    persons = [_person(p) for p in record.persons]
    if persons:
        data["persons"] = persons
    if record.value:  # the payees keep being paid after the move
        data["value"] = list(record.value)
    if record.social:
        data["social"] = _social(record.social)
    if record.block:  # a show hidden from Apple (or every service) stays hidden after the move
        data["block"] = record.block if isinstance(record.block, bool) else list(record.block)
    if record.complete:
        data["complete"] = True
    data.update(record.extra)  # chat, publisher, artwork_alt, txt, podroll, location, update_frequency
    head = (f"# Imported by mediafeed from {old_feed_url or 'a feed file'}.\n"
            "# podcast_guid is the show's identity in Podcasting 2.0 apps: keep it forever, even after the move.\n")
    return head + _dump(data)


def _person(p: PersonRecord) -> dict[str, str]:
    out = {"name": p.name}
    if p.role:
        out["role"] = p.role
    if p.group:
        out["group"] = p.group
    if p.img.lower().startswith("https://"):
        out["img"] = written_url(p.img)
    if re.match(r"^https?://", p.href, re.I):
        out["href"] = written_url(p.href)
    return out


def _social(entries: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """``social:`` entries with their addresses written as the build takes them (:func:`written_url`)."""
    return [{key: written_url(value) if key in ("uri", "account_url") and isinstance(value, str) else value
             for key, value in entry.items()} for entry in entries]


def notes_markdown(notes: str) -> str:
    """Notes for episode.md: HTML kept (one raw HTML block, sanitised at build), plain text as paragraphs.

    HTML comments are left out: no page shows them (the build's sanitiser drops them), and they were litter in
    episode.md (WordPress's ``<!-- wp:paragraph -->`` around every paragraph, the comment our own feeds end
    ``content:encoded`` with where the description would be longer: :func:`mediafeed.feed.longest`)."""
    notes = _comments_removed(notes).strip()
    if not notes:
        return ""
    if not re.search(r"<[a-zA-Z/][^>]*>", notes):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", notes) if p.strip()]
        notes = "\n".join(f"<p>{html.escape(p).replace(chr(10), '<br>' + chr(10))}</p>" for p in paragraphs)
    # The build shifts headings down one level (the page's <h1> is the title): undo it so levels survive a round trip.
    notes = _HEADING.sub(lambda m: f"<{m.group(1)}h{max(int(m.group(2)) - 1, 1)}{m.group(3)}>", notes)
    lines = [line for line in notes.splitlines() if line.strip()]  # a blank line would end the HTML block
    body = "\n".join(lines)
    if not _BLOCK_START.match(body):
        body = f"<div>\n{body}\n</div>"
    return body + "\n"


def _comments_removed(notes: str) -> str:
    """``notes`` without their HTML comments, in one pass (an unclosed ``<!--`` and what follows it are left as they
    are: a pattern would search the rest of the text again from each of 20,000 of them)."""
    kept, position = [], 0
    while (start := notes.find("<!--", position)) >= 0 and (end := notes.find("-->", start + 4)) >= 0:
        kept.append(notes[position:start])
        position = end + 3
    return "".join(kept) + notes[position:] if kept else notes


#: what hosts' notes embed that the sanitiser removes with its content (players, video, scripts): a paired tag with
#: what it holds, or a void <embed>. Neither the attributes nor what is inside run past the next '<' or the next
#: such tag: 20,000 unclosed '<script' in one item's notes took 12 s (each start searched to the end)
_EMBED = re.compile(r"<(?P<tag>iframe|video|audio|object|script)\b(?P<attrs>[^<>]*)>"
                    r"(?P<inner>(?:(?!<(?:iframe|video|audio|object|script|embed)\b).)*?)</(?P=tag)\s*>"
                    r"|<(?P<void>embed)\b(?P<vattrs>[^<>]*)/?>", re.I | re.S)
_EMBED_URL = re.compile(r"""\b(?:src|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
_EMBED_TITLE = re.compile(r"""\b(?:title|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def embeds_as_links(notes: str) -> tuple[str, list[str]]:
    """``notes`` with each embedded player (iframe, video, audio, object, embed) that names an http(s) address turned
    into a link to it, and what was changed, in words. The build's sanitiser removes them with everything inside: a
    WordPress episode's "Watch: <iframe src=youtube…>" imported as "Watch:" and nothing, without a word. Scripts
    are left out (nothing a listener reads), and named."""
    if "<" not in notes or not re.search(r"<(?:iframe|video|audio|object|embed|script)\b", notes, re.I):
        return notes, []
    said: list[str] = []

    def link(match: re.Match[str]) -> str:
        tag = (match.group("tag") or match.group("void")).lower()
        attrs = match.group("attrs") or match.group("vattrs") or ""
        if tag == "script":
            said.append("a script left out")
            return ""
        found = _EMBED_URL.search(attrs) or _EMBED_URL.search(match.group("inner") or "")  # <video><source src=…>
        url = html.unescape(next((g for g in found.groups() if g is not None), "")).strip() if found else ""
        if not re.match(r"^https?://", url, re.I):
            said.append(f"an <{tag}> without an http(s) address left out")
            return ""
        named = _EMBED_TITLE.search(attrs)
        label = html.unescape(next(g for g in named.groups() if g is not None)).strip() if named else ""
        said.append(f"<{tag}> {url} kept as a link")
        return f'<a href="{html.escape(url)}">{html.escape(label or url)}</a>'

    return _EMBED.sub(link, notes), said


def media_name(url: str, mime: str, slug: str) -> str:
    # the last segment once decoded: a redirector's path may end in the file's own URL, percent-encoded
    name = os.path.basename(unquote(os.path.basename(url_path(url))))
    stem, ext = os.path.splitext(name)
    ext = ext.lower()
    if ext not in KNOWN_MEDIA:
        ext = MEDIA_EXTENSIONS.get(mime.lower().split(";")[0].strip(), ".mp3")
    return (slugify(stem) or slug) + ext


def shared_media_names(episodes: list[EpisodeRecord]) -> set[str]:
    """The media file names (:func:`media_name`) the old feed gives more than one file: Acast ends every enclosure
    in ``…/e/<episode>/media.mp3``, Simplecast in ``…/default.mp3``. Kept, each episode's folder would hold a
    ``media.mp3`` and the new enclosures would differ only in the folder, and podcast apps that save a download under
    the URL's last segment (podboat queues ``<show>/media.mp3`` for every episode) keep one file for all of them."""
    urls: dict[str, set[str]] = {}  # (two items with one URL are one file: a repeated item, not a clash)
    for episode in episodes:
        if episode.enclosure is not None:
            url = without_tracking(episode.enclosure.url)
            urls.setdefault(media_name(url, episode.enclosure.mime, ""), set()).add(url)
    return {name for name, found in urls.items() if len(found) > 1}


def _write_episode(http: Any, root: Path, slug: str, episode: EpisodeRecord, record: ShowRecord,
                   report: ImportReport, shared: set[str]) -> str:
    # Written in a hidden folder (the build skips it) and renamed into place whole: an import killed midway
    # leaves no episode folder without episode.md, so the rerun gives the episode the same slug.
    folder = root / EPISODES_DIR / f".{slug}.import"
    if folder.is_dir():
        shutil.rmtree(folder)  # what an interrupted run left
    folder.mkdir(parents=True)
    assert episode.enclosure is not None and episode.date is not None
    audio_name = media_name(without_tracking(episode.enclosure.url), episode.enclosure.mime, slug)
    if audio_name in shared:  # a name the old feed gives other episodes too: the episode's own
        audio_name = slug + os.path.splitext(audio_name)[1]
    rel = f"{EPISODES_DIR}/{slug}"
    data: dict[str, Any] = {"title": episode.title, "date": episode.date.isoformat(), "guid": episode.guid}
    if episode.guid_permalink:
        data["guid_permalink"] = True
    if episode.season:
        data["season"] = episode.season
        if episode.season_name:
            data["season_name"] = episode.season_name
    if episode.number:
        data["episode"] = episode.number
    elif episode.decimal_number:
        data["episode"] = episode.decimal_number  # podcast:episode alone, as the build writes it back
    if episode.episode_display:
        data["episode_display"] = episode.episode_display
    data["type"] = episode.episode_type
    if episode.explicit is not None and episode.explicit != bool(record.explicit):
        data["explicit"] = episode.explicit
    if episode.itunes_title:
        data["itunes_title"] = episode.itunes_title
    data["audio"] = audio_name
    if episode.summary:
        data["summary"] = episode.summary
    if episode.keywords:
        data["keywords"] = list(episode.keywords)
    if episode.block:
        data["block"] = True
    if episode.persons:
        data["persons"] = [_person(p) for p in episode.persons]
    if episode.value:
        data["value"] = list(episode.value)
    if episode.social:
        data["social"] = _social(episode.social)
    extra, refused = carried(episode.extra, rel, f"episode {quoted(episode.title)}", episode.guid)
    report.problems += refused
    data.update(extra)  # chat, content links, soundbites, location, licence, funding, txt, alternates
    data.update(side_files(http, episode, record.image, folder, rel, report.problems))
    if episode.artwork_alt:
        data.update(_artwork_alt(episode, record, "artwork" in data, rel, report))
    front = _dump(data)
    notes, embeds = embeds_as_links(episode.notes_html)
    if embeds:
        report.problems.append(warning("IMP027", rel, f"the notes embed what pages and feeds never show (the build "
                                       f"removes players and scripts): {'; '.join(embeds)}", field="notes",
                                       episode=episode.guid, hint="check the notes in episode.md; a player of the "
                                       "episode's own audio can go: the page has one"))
    body_text = notes_markdown(notes)
    text = f"---\n{front}---\n{body_text}"
    atomic_write(folder / EPISODE_FILE, text.encode("utf-8"))
    os.rename(folder, root / EPISODES_DIR / slug)
    return audio_name


def _artwork_alt(episode: EpisodeRecord, record: ShowRecord, own_artwork: bool, rel: str,
                 report: ImportReport) -> dict[str, Any]:
    """The item's podcast:image alt as the episode's ``artwork_alt``, held to the build's rules (:func:`carried`):
    it describes the episode's own artwork, so without one (the item shows the show's, or its own could not be
    fetched) it is left out, and named unless it is the show's own description repeated."""
    where = f"episode {quoted(episode.title)}"
    if own_artwork:
        kept, refused = carried({"artwork_alt": episode.artwork_alt}, rel, where, episode.guid)
        report.problems += refused
        return kept
    if episode.artwork_alt != record.extra.get("artwork_alt"):
        why = ("its artwork could not be imported (IMP022)" if episode.image and episode.image != record.image
               else "the item's itunes:image is the show's artwork" if episode.image
               else "the item has no itunes:image: the episode shows the show's artwork")
        report.problems.append(warning(
            "IMP050", rel, f"{where}: podcast:image alt {quoted(episode.artwork_alt)} is not imported: it describes "
            f"the episode's own artwork, and {why}", field="podcast:image alt", episode=episode.guid,
            hint="if the episode has artwork of its own, save it in the folder and add 'artwork: FILE' and "
                 "'artwork_alt: …' to episode.md"))
    return {}


def migration_steps(report: ImportReport) -> list[str]:
    """What is left to move the feed, in order."""
    old = report.old_feed_url or "the old feed's address"
    new = report.new_feed_url or "the new feed's address (url + feed.xml)"
    steps = []
    if report.missing_media:
        steps.append(f"Fetch the media of {len(report.missing_media)} episode(s): run the import again with --download "
                     "(it resumes and skips what is there), or copy the files into their episode folders.")
    steps.append("Check the show: 'mediafeed check', then fix what it reports (artwork, categories, owner e-mail).")
    # No --url, and the old <link> gave the old address back: "redirect X to X" would be a redirect loop.
    same = bool(report.old_feed_url) and report.old_feed_url.rstrip("/") == report.new_feed_url.rstrip("/")
    if same:
        steps += [
            f"The feed keeps its address, {new}: nothing to redirect. If the show is moving to another address, set "
            "url in show.yml to it before the first build; then the old address needs an HTTP 301 redirect to the "
            "new one, or <itunes:new-feed-url> in the old feed.",
            f"Publish: 'mediafeed build' and upload public/ so that {new} answers from the new host.",
        ]
    else:
        steps += [
            f"Publish: 'mediafeed build' and upload public/ so that {new} answers.",
            f"On the old host, redirect {old} to {new} with HTTP 301 (permanent), and keep the redirect for good.",
            f"If the old host cannot redirect, add <itunes:new-feed-url>{new}</itunes:new-feed-url> to the old feed "
            "(most hosts call this 'redirect feed' or 'move podcast') and keep it published until the apps have "
            "followed it.",
        ]
    steps += [
        f"Keep podcast:guid {report.podcast_guid or '(from show.yml)'} in show.yml forever: Podcasting 2.0 apps "
        "know the show by it, even at a new address.",
        "Never change an episode's guid or folder name: apps know episodes by their GUID (the import kept every one).",
        _media_step(report),
    ]
    if not same:
        steps.append("Tell Apple Podcasts Connect and Spotify for Creators nothing: they follow the 301; check both a "
                     "day later.")
    return steps


def _media_step(report: ImportReport) -> str:
    """The media move, said plainly: every enclosure URL changes (the files now live with the show), which apps
    accept because they know episodes by GUID; the old files are what queued downloads still fetch."""
    moved = [m for m in report.media if m["old_url"] and m["old_url"] != m["new_url"]]
    step = "Keep the old media addresses working for a few weeks: apps may have downloads queued."
    if moved:
        step = (f"The media move too: {len(moved)} enclosure URL(s) now point at the new site (apps know episodes by "
                "their GUID, so nobody downloads them again). Keep the old media addresses working for a few weeks, "
                "or have the old host 301-redirect each to its new address (--format json lists them: media, "
                "old_url -> new_url): apps may have downloads queued.")
    tracked = sorted({urlsplit(m["old_url"]).hostname or "" for m in moved if without_tracking(m["old_url"]) != m["old_url"]})
    if tracked:
        step += (f" The old enclosures went through measurement prefixes ({', '.join(tracked)}); the new feed has none, "
                 "so those services stop counting downloads at the move.")
    return step


def dumps(report: ImportReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
