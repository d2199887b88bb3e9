"""What the page templates receive beyond the model: share links, structured data, links, pagination.

Pure functions of the model (no I/O), so a theme can rely on them and tests can
check them without a browser. ``render.Renderer`` puts their results into the
template context documented in ``site.PageContext`` and ``docs/templates.md``.
"""

from __future__ import annotations

from string import ascii_letters, digits
from typing import Any

from .model import AlternateEnclosure, Item, Show
from .words import ENGLISH_WORDS, Words, fill

#: The oEmbed/iframe size of the embed player (PODCAST-RULES.md: integers; the player works from 240 to 800 px).
EMBED_WIDTH, EMBED_HEIGHT = 600, 180
#: A video embed's frame around the picture, in CSS px of the default theme at 100% text (style.css's embed rules):
#: the card's border and padding (2 + 24: the picture is the frame's width less these), the show's name and the title
#: above the picture (51), and the row of the chapter menu and the transcript link (32) when the embed has one.
VIDEO_EMBED_CARD, VIDEO_EMBED_TITLE, VIDEO_EMBED_MORE = 26, 51, 32
#: The tallest picture in a video embed: an upright phone video (9:16) is letterboxed 270 px wide, not 1,020 px high.
VIDEO_EMBED_PICTURE_MAX = 480


def embed_size(item: Item, more: bool) -> tuple[int, int]:
    """The embed's iframe size (width, height) in the embed code, oembed.json and ``twitter:player``: 600×180 for
    audio; for a video, 600 wide and as high as the title above it (and the chapter and transcript row when ``more``)
    plus the picture at the column's 574 px width (its probed shape; 16:9 when not probed), at most
    :data:`VIDEO_EMBED_PICTURE_MAX` high. Every episode's was 600×180: a 16:9 video showed 183×103 px under its
    title."""
    if not item.media.video:
        return EMBED_WIDTH, EMBED_HEIGHT
    return EMBED_WIDTH, VIDEO_EMBED_CARD + VIDEO_EMBED_TITLE + (VIDEO_EMBED_MORE if more else 0) + embed_picture(item)


def embed_picture(item: Item) -> int:
    """A video's picture height in its embed at :data:`EMBED_WIDTH` (0 for audio): the card's column (574 px) at the
    picture's probed shape (16:9 when not probed), at most :data:`VIDEO_EMBED_PICTURE_MAX`."""
    media = item.media
    if not media.video:
        return 0
    shape = media.height / media.width if media.width and media.height else 9 / 16
    return min(round((EMBED_WIDTH - VIDEO_EMBED_CARD) * shape), VIDEO_EMBED_PICTURE_MAX)


#: MP4 picture codecs (sample entries) most browsers decode: H.264, VP9, AV1. A video in another (HEVC, which Firefox
#: and Chromium without hardware decoding do not play; ProRes; MPEG-4 Part 2) offers its WebM alternate first.
WEB_PICTURES = frozenset({"avc1", "avc3", "vp09", "av01"})


def same_content(alternate: AlternateEnclosure, language: str) -> bool:
    """Whether an alternate enclosure is the episode itself in another file, not other content the front matter marks
    as such: a ``rel:`` of its own (the namespace groups such media apart from the enclosure: a sign-language version,
    a trailer) or a ``lang:`` other than the show's ``language`` (a dubbed or translated version). MED036 compares the
    length of the former only, and the page's ``<video>`` offers the former only (:func:`video_sources`)."""
    if alternate.rel not in ("", "default"):
        return False
    return not alternate.lang or alternate.lang.split("-")[0].lower() == language.split("-")[0].lower()


def video_sources(item: Item, language: str = "") -> list[tuple[str, str]]:
    """(URL, type) of each ``<source>`` of a video episode's ``<video>`` (page, embed, HTML fragment) when it has a
    WebM alternate (``video/webm``) of the same content (:func:`same_content`, ``language`` the show's): the main file
    first, unless its picture is not in :data:`WEB_PICTURES`, then the WebM, whose type carries its ``codecs``
    (``video/webm; codecs="vp9,opus"``, read from the file) so a browser that cannot decode it skips it without a
    download. [] without one: the ``<video>`` keeps its ``src``. A page offered only the MP4: a browser without HEVC
    played an HEVC episode's sound under a black picture. (A dubbed WebM, ``lang: de`` on an English show, was offered
    too, first for an HEVC episode: the English page played the German version.)"""
    media = item.media
    if not media.video:
        return []
    webm = [(url, alternate.mime + (f'; codecs="{alternate.codecs}"' if alternate.codecs else ""))
            for alternate, url in item.alternates
            if alternate.mime == "video/webm" and url and same_content(alternate, language)]
    if not webm:
        return []
    main = (item.enclosure_url, media.mime)
    return [*webm, main] if media.picture_codec and media.picture_codec not in WEB_PICTURES else [main, *webm]


def share_links(item: Item, show: Show, words: Words = ENGLISH_WORDS) -> list[tuple[str, str]]:
    """(label, URL) pairs to share an episode page. Plain links: nothing loads from these sites until clicked."""
    url, title = item.page_url, f"{item.episode.title} – {show.title}"
    # each value percent-encoded once, as urlencode(…, quote_via=quote) encodes it, for every link that sends it
    url_q, title_q, text_q = _quoted(url), _quoted(title), _quoted(f"{title} {url}")
    return [
        (words["email"], f"mailto:?subject={title_q}&body={text_q}"),
        ("Bluesky", f"https://bsky.app/intent/compose?text={text_q}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={url_q}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url_q}"),
        ("X", f"https://twitter.com/intent/tweet?text={title_q}&url={url_q}"),
        ("WhatsApp", f"https://wa.me/?text={text_q}"),
    ]


def _quoted(text: str) -> str:
    """``urllib.parse.quote(text, safe="")`` in one ``str.translate`` (quote looks up each byte in Python)."""
    return text.encode("utf-8").decode("latin-1").translate(_PERCENT)


#: byte (as a Latin-1 character) → itself when quote leaves it alone, else %XX
_PERCENT = {byte: chr(byte) if chr(byte) in ascii_letters + digits + "_.-~" else f"%{byte:02X}" for byte in range(256)}


def episode_links(item: Item, words: Words = ENGLISH_WORDS) -> list[tuple[str, str]]:
    """(label, URL) pairs of the episode's own resources: chapter links, chapters JSON, licence.

    Transcript files are linked from the transcript on the page (or listed by the template when there is none).
    """
    links: list[tuple[str, str]] = []
    for chapter in item.episode.chapters:
        if chapter.url:
            links.append((chapter.title or chapter.url, chapter.url))  # (a silent chapter may have no title)
    if item.chapters_url:
        links.append((words["chapters_json"], item.chapters_url))
    licence = item.episode.license
    if licence is not None and licence.url:
        links.append((fill(words["licence"], name=licence.name), licence.url))
    return links


#: how a comment thread's protocol is named on the page (``social:``, podcast:socialInteract)
_PROTOCOL_NAMES = {"atproto": "Bluesky", "twitter": "X", "nostr": "Nostr",
                   "matrix": "Matrix", "hive": "Hive", "lightning": "Lightning"}


def comment_links(item: Item, show: Show, words: Words = ENGLISH_WORDS) -> list[tuple[str, str]]:
    """(label, URL) of the posts where the episode's comments live (its ``social:``, else the show's), main thread
    first: podcast apps show them from the feed, and a reader of the page gets the same place to reply. A thread
    whose post has no web address (``at://``, ``nostr:``) links its account's page when that is given; comments
    turned off (``disabled``) list nothing."""
    threads = item.episode.social or show.social
    if any(thread.protocol == "disabled" for thread in threads):
        return []
    links = []
    for thread in sorted(threads, key=lambda t: (t.priority is None, t.priority or 0)):
        url = next((u for u in (thread.uri, thread.account_url) if u.startswith("https://")), "")
        if url:
            who = f" ({thread.account_id})" if thread.account_id else ""
            place = words["fediverse"] if thread.protocol == "activitypub" else _PROTOCOL_NAMES.get(thread.protocol, thread.protocol)
            links.append((fill(words["comment_on"], place=place) + who, url))
    return links


def page_links(page: int, pages: int, root: str) -> list[tuple[int, str]]:
    """(number, relative URL) of every index page, as seen from page ``page`` (whose ``root`` is given)."""
    return [(number, root or "./") if number == 1 else (number, f"{root}page/{number}/") for number in range(1, pages + 1)]


def series_data(show: Show, image_url: str) -> dict[str, Any]:
    """schema.org ``PodcastSeries`` JSON-LD for the index."""
    return {
        "@context": "https://schema.org",
        "@type": "PodcastSeries",
        "name": show.title,
        "description": show.description,
        "url": show.url,
        "webFeed": show.feed_url,
        "image": image_url,
        "inLanguage": show.language,
        "author": {"@type": "Organization", "name": show.author},
    }


def episode_data(item: Item, show: Show, image_url: str) -> dict[str, Any]:
    """schema.org ``PodcastEpisode`` JSON-LD (with its ``PodcastSeries``) for an episode page."""
    episode = item.episode
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "url": item.page_url,
        "name": episode.title,
        "datePublished": episode.date.isoformat(),
        "duration": _iso_duration(item.duration),  # schema.org: duration (Episode, MediaObject); not timeRequired
        "description": item.summary_text,
        "image": item.image_url,
        "inLanguage": show.language,
        "associatedMedia": {
            "@type": "VideoObject" if item.media.video else "AudioObject",
            "contentUrl": item.enclosure_url,
            "encodingFormat": item.media.mime,
            "contentSize": str(item.media.size),
            "duration": _iso_duration(item.duration),
            "embedUrl": item.embed_url,
        },
        "partOfSeries": {"@type": "PodcastSeries", "name": show.title, "url": show.url, "webFeed": show.feed_url,
                         "image": image_url},
    }
    if episode.number is not None:
        data["episodeNumber"] = episode.number
    elif episode.decimal_number is not None:  # schema.org: Integer or Text
        data["episodeNumber"] = episode.podcast_number
    if episode.season is not None:
        data["partOfSeason"] = {"@type": "PodcastSeason", "seasonNumber": episode.season.number,
                                **({"name": episode.season.name} if episode.season.name else {})}
    persons = episode.persons or show.persons
    if persons:
        data["actor"] = [{"@type": "Person", "name": p.name, **({"url": p.href} if p.href else {})} for p in persons]
    if episode.keywords:
        data["keywords"] = ", ".join(episode.keywords)
    if episode.updated is not None:
        data["dateModified"] = episode.updated.isoformat()
    return data


def _iso_duration(seconds: int) -> str:
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
