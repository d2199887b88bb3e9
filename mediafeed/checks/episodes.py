"""Episode rules: uniqueness, numbering, titles, what apps accept."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import islice
from shlex import quote

from ..audio import APP_FORMATS
from ..episodes import EPISODES_DIR
from ..errors import Problem, error, info, warning
from ..lazypattern import lazy
from ..model import UNNUMBERED_TYPES, Episode, Item, Show
from ..site import url_path
from ..source import quoted
from .titles import numbered, repeats_show_name


def duplicates(episodes: list[Episode]) -> list[Problem]:
    problems = []
    by_guid: dict[str, list[Episode]] = defaultdict(list)
    by_slug: dict[str, list[Episode]] = defaultdict(list)
    for episode in episodes:
        if episode.guid:
            by_guid[episode.guid].append(episode)
        by_slug[episode.slug.lower()].append(episode)
    for guid, group in sorted(by_guid.items()):
        if len(group) > 1:
            for episode in group[1:]:
                problems.append(error("EP001", episode.source, f"GUID {quoted(guid, 200)} is also used by {group[0].source}",
                                      field="guid", episode=episode.slug,
                                      hint="give the newer episode its own GUID: remove the 'guid:' line from its episode.md and run "
                                           "'mediafeed guid --assign'"))
    problems += _same_but_white_space(by_guid)
    for _slug, group in sorted(by_slug.items()):
        if len(group) > 1:
            problems.append(error("EP002", group[1].source, f"folder name collides with {group[0].source} (differs only in case)",
                                  field="slug", episode=group[1].slug, hint="rename one of the folders"))
    return problems


#: white space at either end of a GUID, as the apps' readers strip it: Python's (feedparser, podcastparser) and
#: JavaScript's trim (podcast-partytime, Podcast Index's parser), which takes U+FEFF too
_ENDS = lazy(r"^[\s\ufeff]+|[\s\ufeff]+$")


def _same_but_white_space(by_guid: dict[str, list[Episode]]) -> list[Problem]:
    """EP001 for GUIDs that differ only in white space at either end ('ep-7' and 'ep-7 ', an NBSP, a tab, a line
    break): published as written since session 30, they are two GUIDs in the feed, but feedparser, podcastparser and
    podcast-partytime strip them and take both for one episode (one of them disappears). Before, the source reader
    stripped them and EP001 said so."""
    by_stripped: dict[str, list[str]] = defaultdict(list)
    for guid in by_guid:
        by_stripped[guid.strip() if guid.isascii() else _ENDS.sub("", guid)].append(guid)  # (ASCII: its white space is \s)
    problems = []
    for _stripped, guids in sorted(by_stripped.items()):
        if len(guids) < 2:
            continue
        group = sorted((episode for guid in guids for episode in by_guid[guid]), key=lambda e: (e.date, e.slug))
        first = group[0]
        for episode in group[1:]:
            if episode.guid == first.guid:
                continue  # (the same GUID: said above)
            problems.append(error(
                "EP001", episode.source, f"GUID {quoted(episode.guid, 200)} differs from {quoted(first.guid, 200)} of "
                f"{first.source} only in white space at either end: apps that strip it (feedparser, podcastparser, "
                "podcast-partytime) take both for one episode", field="guid", episode=episode.slug,
                hint="give the newer episode its own GUID: remove the 'guid:' line from its episode.md and run "
                     "'mediafeed guid --assign'"))
    return problems


def unaccepted_format(slug: str, audio_name: str, mime: str, codec: str = "") -> Problem:
    """MED010, for a format Apple and Spotify do not take (WAV, FLAC, Ogg); `mediafeed add` says it too. ``codec``
    "mp3": a WAV whose audio is MP3 (a "RIFF MP3"), which comes out of its wrapper as it is. The command names the
    episode's own file and the one to make, from the show folder (where ``mediafeed`` runs), ready to paste (it was
    ``ffmpeg -i in.wav … out.mp3, then name it …``, with the file names to put in by hand)."""
    rel = f"episodes/{slug}/{audio_name}"
    stem = audio_name.rpartition(".")[0] or audio_name

    def command(options: str, ext: str) -> str:
        made = f"{stem}.{ext}" if f"{stem}.{ext}" != audio_name else f"{stem}-{ext}.{ext}"
        return (f"ffmpeg -i {quote(rel)} {options} {quote(f'episodes/{slug}/{made}')}, then write 'audio: {made}' in "
                "episode.md")

    if mime == "audio/wav" and codec == "mp3":
        return warning("MED010", rel, f"{mime} is not accepted by Apple Podcasts (MP3 and M4A/MP4 are), and the audio in "
                                      "this WAV is MP3 already (a 'RIFF MP3', as some recorders and broadcast tools write)",
                       field="audio", episode=slug,
                       hint="take the MP3 out of its WAV wrapper (the audio frames are copied as they are): "
                            + command("-c:a copy -f mp3", "mp3"))
    # the command that makes the file apps take (it said "publish an MP3 or M4A", and no more): raw AAC is put into an
    # M4A container as it is; the rest is encoded as MP3 (from a lossy Ogg, exporting again from the recording is better)
    if mime == "audio/aac":
        make = "put the AAC audio in an M4A container (the audio is copied as it is): " + \
            command("-c:a copy -movflags +faststart", "m4a")
    else:
        make = "publish an MP3 (or M4A): export one, or encode this file: " + command("-c:a libmp3lame -b:a 128k", "mp3")
    return warning("MED010", rel, f"{mime} is not accepted by Apple Podcasts (MP3 and M4A/MP4 are)", field="audio",
                   episode=slug, hint=f"{make}; this file may stay as an alternate_enclosure")


#: an HTML comment in Markdown (``mediafeed add`` writes one where the notes go): no notes for a reader
_COMMENT = lazy(r"<!--.*?(?:-->|$)", re.S)


def has_notes(markdown: str) -> bool:
    """Whether an episode.md body holds show notes: anything but white space and HTML comments."""
    body = markdown.strip()
    return bool(body) and (not body.startswith("<!--") or bool(_COMMENT.sub("", body).strip()))


def check_items(show: Show, items: list[Item]) -> list[Problem]:
    problems: list[Problem] = []
    numbers: dict[tuple[int, float], Item] = {}
    enclosures: dict[str, Item] = {}
    for item in items:
        episode = item.episode
        src, slug = episode.source, episode.slug
        if item.media.kind not in APP_FORMATS:
            problems.append(unaccepted_format(slug, episode.audio, item.media.mime, item.media.codec))
        # (a trailer or bonus without a number is the show's own, in Apple's guide: numbered full episodes only)
        numbered_in_order = show.type == "serial" and episode.episode_type not in UNNUMBERED_TYPES
        if numbered_in_order and not episode.number and episode.decimal_number:
            problems.append(error("EP010", src, f"episode {episode.podcast_number} is not a whole number: Apple's "
                                  "itunes:episode takes whole numbers only, and a serial show needs one on every full episode",
                                  field="episode", episode=slug, hint="give it a whole number ('episode: N') and show "
                                  f"{episode.podcast_number} with 'episode_display: \"{episode.podcast_number}\"', "
                                  "or make the show episodic"))
        elif numbered_in_order and not episode.number:
            problems.append(error("EP010", src, "a serial show needs an episode number on every full episode",
                                  field="episode", episode=slug, hint="add 'episode: N'"))
        # a number between two others (4.5) places a mini-episode in order (the namespace's episode.md): two 4.5s
        # sort as ambiguously as two 4s
        if number := episode.number or episode.decimal_number:
            key = (episode.season.number if episode.season else 0, number)
            if key in numbers and episode.episode_type == "full" and numbers[key].episode.episode_type == "full":
                problems.append(warning("EP011", src, f"episode number {episode.podcast_number} is also used by {numbers[key].episode.source}"
                                        + (f" in season {key[0]}" if key[0] else ""), field="episode", episode=slug,
                                        hint="number each full episode of a season once"))
            numbers.setdefault(key, item)
        if item.enclosure_url in enclosures:
            problems.append(error("EP012", src, f"enclosure URL is also used by {enclosures[item.enclosure_url].episode.source}",
                                  field="audio", episode=slug, hint="each episode needs its own audio file"))
        enclosures.setdefault(item.enclosure_url, item)
        if not episode.summary and not has_notes(episode.notes_markdown):
            problems.append(warning("EP113", src, "the episode has no show notes: apps would show its title again as the "
                                    "description", field="notes", episode=slug,
                                    hint="write what the episode is about below the front matter (its sources, links, "
                                    "people), or at least give a 'summary:'"))
        # the same rules as a feed's <title> and <itunes:title> (checks.titles), in the front matter's words
        for name, title in (("title", episode.title), ("itunes_title", episode.itunes_title)):
            if title and repeats_show_name(show.title, title):
                problems.append(info("EP020", src, f"{name} {quoted(title, 200)} repeats the show's name; Apple asks for the "
                                     "episode title alone", field=name, episode=slug,
                                     hint="remove the show's name from the title: apps show it beside the title"))
            if title and numbered(title):
                problems.append(info("EP021", src, f"{name} {quoted(title, 200)} holds an episode or season number; apps show "
                                     "the numbers from 'episode' and 'season' beside the title", field=name,
                                     episode=slug, hint="remove the number from the title and write it as "
                                     "'episode: N' (and 'season: N')"))
    return problems


#: what EP013 says of the apps it is about
_ONE_FILE = ("apps that save a download under the last part of its URL (podboat, wget scripts, car and MP3-player "
             "sync tools) keep one file for")


def shared_file_names(items: list[Item], published: set[str], show: Show | None = None,
                      held: Sequence[tuple[Episode, bool]] = ()) -> list[Problem]:
    """EP013 (info) for media files of different episodes with one file name (``final.mp3``, ``audio.mp3``).

    The enclosure and the alternate enclosures hosted in the show count, names compared case-blind (a FAT-formatted
    player keeps one ``Audio.mp3`` for an ``audio.mp3``). ``published``: every media URL subscribers were given
    (``ledger.published_urls``). An unpublished file gets a problem of its own saying to rename it; published ones
    must keep their names (a new enclosure URL makes every app download the episode again), so two or more of them
    get one problem together saying so; one published file beside unpublished ones needs none (renaming those ends
    the clash).

    ``held``: the episodes not in the feed, each with whether it is a draft (with ``show``, for their files' URLs).
    The build that publishes an episode records its files' names for good, so the only time to rename one is
    before: a scheduled episode goes out at its date by itself and counts as the feed's do; a draft may never go
    out, so it is told of a name it shares with any other episode's file, but no other episode is told to rename for
    a draft's sake."""
    by_name: dict[str, list[tuple[str, str, str, str, bool]]] = defaultdict(list)  # name → [(slug, file, key, URL, draft)]
    for item in items:
        files = [(item.episode.audio, "audio", item.enclosure_url)]
        files += [(alt.file, "alternate_enclosures", url) for alt, url in item.alternates  # (not the enclosure as
                  if alt.file and url != item.enclosure_url]                         # the default alternate)
        for name, key, url in files:
            by_name[name.casefold()].append((item.episode.slug, name, key, url, False))
    for episode, draft in held:
        assert show is not None
        for name, key in [(episode.audio, "audio")] + [(alt.file, "alternate_enclosures")
                                                       for alt in episode.alternate_enclosures
                                                       if alt.file and alt.file != episode.audio]:
            if name:
                url = show.media_absolute(url_path(f"{EPISODES_DIR}/{episode.slug}/{name}"))
                by_name[name.casefold()].append((episode.slug, name, key, url, draft))
    problems: list[Problem] = []
    for _name, group in sorted(by_name.items()):
        if len({slug for slug, *_ in group}) < 2:
            continue
        group.sort()
        # a draft hears of every other file of its name; the others hear of the episodes that go out (not drafts).
        # The first few others and how many, not a list of all the others for each: 10,000 episodes' audio.mp3 made
        # 10,000 lists of 9,999 paths, 7 s of a first build
        going = [entry for entry in group if not entry[4]]
        every, undrafted = Counter(s for s, *_ in group), Counter(s for s, *_ in going)
        for slug, name, key, url, draft in group:
            pool, own = (group, every[slug]) if draft else (going, undrafted[slug])
            count = len(pool) - own
            if url not in published and count:
                others = list(islice((f"episodes/{s}/{n}" for s, n, *_ in pool if s != slug), _SHOWN))
                problems.append(_rename(slug, name, key, others, count))
        kept = [entry for entry in group if entry[3] in published]
        if len(kept) > 1:
            slug, name, key, *_ = kept[0]
            problems.append(replace(info(
                "EP013", f"episodes/{slug}/{name}", f"{len(kept)} published episodes' files are named {quoted(name)} "
                f"({_listed([f'episodes/{s}/{n}' for s, n, *_ in kept])}): {_ONE_FILE} them", field=key, episode=slug,
                hint="keep the names: they are published, and a new enclosure URL makes every subscriber's app download "
                "the episode again; most apps name downloads by episode and are not affected. Name new episodes' files "
                "after the episode (012-title.mp3)"), episodes=tuple(s for s, *_ in kept)))
    return problems


#: a file name :func:`site.url_path` leaves as it is (quote's always-safe characters and its ``safe``, "/")
_URL_SAFE = lazy(r"[A-Za-z0-9_.~/-]*")


def encoded_file_names(items: list[Item], published: set[str], show: Show | None = None,
                       held: Sequence[tuple[Episode, bool]] = ()) -> list[Problem]:
    """EP014: a media file (``audio``, or the ``file`` of an alternate enclosure) not published yet whose name its URL
    must percent-encode (a space, an apostrophe, an accent: ``Les Fraises d'été.mp3`` is published as
    ``Les%20Fraises%20d%27%C3%A9t%C3%A9.mp3``). It works in apps that decode it, but some save or show the download
    under the encoded name, and a URL once published never changes: said while a rename still costs nothing, with the
    name ``mediafeed add`` would give the copy. A published file's name is kept (renaming it is LED002) and not told of.
    ``published``, ``show`` and ``held`` as for :func:`shared_file_names`."""
    plain = _URL_SAFE.fullmatch  # (a name its URL holds as it is: most of them, looked at no further, at every build)
    files = []
    for item in items:
        episode = item.episode
        if not plain(episode.audio):
            files.append((episode.slug, episode.audio, "audio", item.enclosure_url))
        files += [(episode.slug, alt.file, "alternate_enclosures", url) for alt, url in item.alternates
                  if alt.file and not plain(alt.file)]
    for episode, _draft in held:
        assert show is not None
        files += [(episode.slug, name, key, show.media_absolute(url_path(f"{EPISODES_DIR}/{episode.slug}/{name}")))
                  for name, key in [(episode.audio, "audio")] + [(alt.file, "alternate_enclosures")
                                                                 for alt in episode.alternate_enclosures if alt.file]
                  if name and not plain(name)]
    problems = []
    for slug, name, key, url in sorted(set(files)):
        encoded = url_path(name)
        if encoded == name or url in published:
            continue
        from ..scaffold import slugify  # (only here: anyascii's tables are loaded for such a name alone)

        stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
        new = (slugify(stem) or slug) + dot + ext.lower()
        where = f"'audio: {new}'" if key == "audio" else f"'file: {new}' under 'alternate_enclosures'"
        problems.append(warning("EP014", f"{EPISODES_DIR}/{slug}/{name}", f"the file name {quoted(name)} is published "
                                f"percent-encoded, as {encoded}", field=key, episode=slug,
                                hint=f"not published yet, so it can still change: rename the file to {new} and write "
                                f"{where} in episode.md ('mediafeed add' names a copy so); some apps and download tools "
                                "save or show the encoded name, and a published address never changes"))
    return problems


def _rename(slug: str, name: str, key: str, others: list[str], count: int) -> Problem:
    """EP013 for an unpublished file that shares its name with ``count`` others, of which ``others`` are the first."""
    ext = name[name.rfind("."):].lower() if "." in name else ""
    new = slug + ext if (slug + ext).casefold() != name.casefold() else f"{slug}-2{ext}"  # (not the name it has)
    where = f"'audio: {new}'" if key == "audio" else f"'file: {new}' under 'alternate_enclosures'"
    return info("EP013", f"episodes/{slug}/{name}", f"the file name {quoted(name)} is also that of {_listed(others, count)}: "
                f"{_ONE_FILE} these episodes", field=key, episode=slug,
                hint=f"not published yet, so it can still change: rename the file to {new} and write {where} in "
                "episode.md")


#: how many of the files sharing a name EP013 names (the rest are counted)
_SHOWN = 3


def _listed(files: list[str], count: int | None = None) -> str:
    """A few of ``files``, and how many more (sixty episodes' audio.mp3 is one line each, not sixty names each).
    ``count``: how many files there are in all, when ``files`` holds only the first few of them."""
    count = len(files) if count is None else count
    return ", ".join(files[:_SHOWN]) + (f" and {count - _SHOWN} more" if count > _SHOWN else "")
