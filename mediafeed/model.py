"""The domain model in the podcaster's words: frozen dataclasses, no I/O.

Each field's docstring-comment names the RSS element it becomes (``RSS:``), so a
reader can go from a front-matter key to the feed and back.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from .records import frozen


def whole_seconds(seconds: float) -> int:
    """A duration in whole seconds, as the feed gives it: at least 1 for any audio (apps read 0 as "length unknown"),
    so that a 0.3 s file is not "0:00" in one place (``mediafeed list``) and 1 s in another (the feed). Half a second
    rounds up, as the player's ``whole`` (player.js) does: Python's ``round`` made 4.5 s "0:04" and 5.5 s "0:06"."""
    return max(math.floor(seconds + 0.5), 1 if seconds > 0 else 0)


@frozen
class Person:
    """RSS: podcast:person (text = name)."""

    name: str
    role: str = "host"  #: RSS: podcast:person@role (namespace taxonomy, lower case)
    group: str = "cast"  #: RSS: podcast:person@group
    img: str = ""  #: RSS: podcast:person@img (absolute https URL)
    href: str = ""  #: RSS: podcast:person@href


@frozen
class Funding:
    """RSS: podcast:funding url=… (text = call to action, ≤ 128 characters)."""

    url: str
    text: str


@frozen
class Chapter:
    """One chapter. RSS: chapters.json entry, psc:chapter, ID3 CHAP."""

    start: float  #: seconds from the start of the audio
    title: str
    url: str = ""
    img: str = ""
    toc: bool = True  #: false hides it from the table of contents (Podcasting 2.0 ``toc``)
    end: float | None = None
    location: str = ""  #: the place the chapter is about (``location.name`` of the JSON chapters), kept for chapters.json
    geo: str = ""  #: its ``geo:`` URI (``location.geo``)
    #: where the chapter is written in its chapters file ("line 12 (chapters[2])" of a chapters.json, "line 5" of a
    #: chapters.txt; "" in the front matter), for problems to name; not published, not compared (a blank line added
    #: above it changes no chapter)
    origin: str = field(default="", compare=False)


#: the length of a soundbite the namespace recommends, in seconds (docs/tags/soundbite.md: "recommended between 15
#: and 120 seconds"); outside it, PI026
SOUNDBITE_SECONDS = (15.0, 120.0)
#: itunes:episodeType values Apple's guide defines without an episode number: "No season or episode number: a show
#: trailer" (and "a show bonus"); a serial show numbers its full episodes only (EP010)
UNNUMBERED_TYPES = ("trailer", "bonus")


@frozen
class Soundbite:
    """RSS: podcast:soundbite startTime duration (text = title)."""

    start: float
    duration: float
    title: str = ""


@frozen
class Location:
    """RSS: podcast:location geo osm (text = name)."""

    name: str
    geo: str = ""  #: RSS: podcast:location@geo (RFC 5870 "geo:lat,lon")
    osm: str = ""  #: RSS: podcast:location@osm (e.g. "R113314")
    rel: str = ""  #: RSS: podcast:location@rel: "subject" (what it is about) or "creator" (where it was made)
    country: str = ""  #: RSS: podcast:location@country (ISO 3166-1 alpha-2)


@frozen
class License:
    """RSS: podcast:license url? (text = SPDX identifier or a custom name)."""

    name: str
    url: str = ""


@frozen
class RemoteItem:
    """RSS: podcast:remoteItem inside podcast:podroll or podcast:valueTimeSplit."""

    feed_guid: str
    feed_url: str = ""
    title: str = ""
    item_guid: str = ""  #: RSS: podcast:remoteItem@itemGuid
    medium: str = ""  #: RSS: podcast:remoteItem@medium (when not "podcast")


@frozen
class ValueRecipient:
    """RSS: podcast:valueRecipient inside podcast:value: one payee and their share of each payment."""

    address: str  #: RSS: @address (Lightning: a node's 66-hex public key, or a Lightning address user@domain)
    type: str  #: RSS: @type ("node" or "lnaddress" for Lightning)
    split: int  #: RSS: @split: shares of what is left after fees (a fee recipient's split is a percentage)
    name: str = ""  #: RSS: @name (who this is, shown by apps)
    fee: bool = False  #: RSS: @fee="true": ``split`` percent off the top of each payment (apps, hosts)
    custom_key: str = ""  #: RSS: @customKey (Lightning: a TLV record type ≥ 65536, to route inside a shared node)
    custom_value: str = ""  #: RSS: @customValue


@frozen
class ValueTimeSplit:
    """RSS: podcast:valueTimeSplit inside an item's podcast:value: other payees for a stretch of the episode (a
    guest's segment, a song, a clip of another show). Either ``recipients`` or ``remote_item``, never both."""

    start: float  #: RSS: @startTime: seconds from the start of the audio
    duration: float  #: RSS: @duration: seconds, after which the block's own recipients are paid again
    recipients: tuple[ValueRecipient, ...] = ()  #: RSS: podcast:valueRecipient children: the payees for the stretch
    remote_item: RemoteItem | None = None  #: RSS: podcast:remoteItem: pay the other feed's (or episode's) value block
    remote_start: float | None = None  #: RSS: @remoteStartTime: where the stretch starts in the remote item (default 0)
    remote_percentage: float | None = None  #: RSS: @remotePercentage: the remote block's share, 0-100 (default 100)


@frozen
class Value:
    """RSS: podcast:value type method suggested? ("Value for Value" payments while listening, and boosts)."""

    recipients: tuple[ValueRecipient, ...]
    #: RSS: podcast:valueTimeSplit children (episodes only), in the producer's order. No default, on purpose: a cached
    #: block without this field (a row of another layout) fails to load and the episode is read again, never loaded
    #: without the splits its episode.md gives
    time_splits: tuple[ValueTimeSplit, ...]
    type: str = "lightning"  #: RSS: @type (value slug: "lightning", "bitcoin", …)
    method: str = "keysend"  #: RSS: @method ("keysend", "amp" or "lnaddress" for Lightning)
    suggested: str = ""  #: RSS: @suggested: a decimal amount of the currency per minute ("0.00000005000" is 5 sats)


@frozen
class SocialInteract:
    """RSS: podcast:socialInteract: where the comments on the episode or show live (its root post)."""

    protocol: str  #: RSS: @protocol (activitypub, twitter, atproto, nostr, …; "disabled" turns comments off)
    uri: str = ""  #: RSS: @uri: the root post
    account_id: str = ""  #: RSS: @accountId (e.g. "@team@scholar.social")
    account_url: str = ""  #: RSS: @accountUrl
    priority: int | None = None  #: RSS: @priority (lower first, when there are several)


@frozen
class Chat:
    """RSS: podcast:chat: where the show's (or an episode's) live chat room is, as ``socialInteract`` is for comments."""

    server: str  #: RSS: @server: the chat server's host name (irc.libera.chat), no scheme
    protocol: str  #: RSS: @protocol (the namespace's chatprotocols.txt: irc, xmpp, nostr, matrix)
    account_id: str = ""  #: RSS: @accountId: the podcaster's account there (recommended)
    space: str = ""  #: RSS: @space: the room, channel or topic (#safetosay)


@frozen
class ContentLink:
    """RSS: podcast:contentLink href (text = what the link is, shown by apps): the episode elsewhere (a video of it,
    the paper it explains), for apps that cannot play or show it themselves."""

    url: str  #: RSS: @href
    text: str


@frozen
class Media:
    """What probing a media file found. Built by ``audio.probe``; cached by file identity.

    ``size`` becomes RSS enclosure@length, ``mime`` enclosure@type and
    ``duration`` itunes:duration (rounded to whole seconds).
    """

    path: str  #: path relative to the show root
    size: int
    mime: str
    kind: str  #: "mp3", "mp4", "ogg-opus", "ogg-vorbis", "flac", "wav"
    duration: float
    bitrate: int = 0  #: bits per second
    bitrate_mode: str = ""  #: "CBR", "VBR", "ABR" or ""
    sample_rate: int = 0
    channels: int = 0
    video: bool = False
    height: int = 0  #: video: the picture's height in pixels (MP4 track header); RSS: podcast:alternateEnclosure@height
    #: video: the picture's width in pixels, as ``height`` (after the track's matrix); pages: the page <video>'s
    #: aspect-ratio, so its box has the picture's shape before it plays (not the poster's)
    width: int = 0
    #: video: the picture track's sample entry (``stsd``): "avc1"/"avc3" H.264, "hvc1"/"hev1" HEVC, "av01" AV1, …
    picture_codec: str = ""
    tags: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    chapters: tuple[Chapter, ...] = ()
    has_cover: bool = False
    lead: int = 0  #: MP3: bytes of unknown data before the first audio frame (0 when none, or only zero padding)
    declared: float = 0.0  #: MP3: the duration its Xing/VBRI header declares when the file holds more audio (else 0)
    #: MP4 family: the audio track's codec as mutagen names it ("mp4a.40.2" is AAC LC; "alac", "Opus"); an MP3 of an
    #: older layer: "mp2", "mp1"; a WAV of MPEG audio: "mp3", "mp2" ("" for PCM and the rest)
    codec: str = ""
    chained: bool = False  #: Ogg: more than one logical stream one after another (files joined); ``duration`` is the first's
    index_last: bool = False  #: MP4 family: the index (``moov``) comes after the media data (not "fast start")
    #: ``index_last``: why the build cannot publish a copy with the index first ("" when it can; see audio.faststart)
    index_blocker: str = ""
    #: MP3: the sample rate later frames switch to (files of different exports joined with cat; ``duration`` counts them
    #: at their own rate), and where, in seconds; 0 when every frame has the first one's rate
    rate_switch: int = 0
    switch_at: float = 0.0
    cut: bool = False  #: MP3 without a Xing/VBRI header: its last frame runs past the end of the file (cut off)
    #: MP4 family with video: the movie's length (``mvhd``, what players show) when it runs more than a second past the
    #: sound (a still picture held after it, as ``ffmpeg -loop 1 -shortest`` overshoots); 0.0 otherwise
    movie_length: float = 0.0
    #: MP4 family: where the file says it was recorded (a phone's ``©xyz`` or ``loci`` box, a location key), as found;
    #: "" when it does not say
    location: str = ""
    #: MP3: bytes between its frames that are no audio (a broken join, a disk error: players skip them with a click or
    #: a gap) and where the first such run lies, in seconds; -1 where the probe did not walk the frames (a Xing/VBRI
    #: header counts them: tagging walks them, see audio.tagger), 0 when there are none (or the header counts exactly
    #: the bytes there are: not walked, see audio.probe)
    gap: int = 0
    gap_at: float = 0.0
    #: MP4 family: how many sound tracks the file has (1 as a rule; a multi-track recording as OBS writes it, a
    #: commentary track: more), and which of them, counted from 0, is the first marked enabled (``tkhd``: the one
    #: Apple's players play), -1 when none is (players that follow the standard play no sound)
    sound_tracks: int = 0
    enabled_sound: int = 0


@frozen
class Transcript:
    """A transcript file next to the episode. RSS: podcast:transcript."""

    path: str  #: file name inside the episode folder
    mime: str  #: text/vtt, application/x-subrip, text/html, application/json, text/plain
    language: str = ""
    generated: bool = False  #: produced by mediafeed from another timed format


@frozen
class AlternateEnclosure:
    """RSS: podcast:alternateEnclosure with one podcast:source."""

    file: str  #: file name inside the episode folder (or an absolute URL in ``url``)
    mime: str = ""
    url: str = ""
    title: str = ""
    default: bool = False
    length: int = 0
    bitrate: float = 0.0
    integrity: str = ""  #: "sha256-…" SRI value, computed when the file is local
    height: int = 0  #: RSS: @height (video)
    lang: str = ""  #: RSS: @lang (BCP 47)
    rel: str = ""  #: RSS: @rel (groups alternates of the same content)
    codecs: str = ""  #: RSS: @codecs (RFC 6381)
    #: more addresses of the same file (RSS: further podcast:source uri, contentType): an IPFS copy, a torrent, an onion
    #: mirror, as (uri, content type or "")
    sources: tuple[tuple[str, str], ...] = ()


@frozen
class Season:
    number: int
    name: str = ""  #: RSS: podcast:season@name


@frozen
class Episode:
    """One episode folder: ``episodes/<slug>/episode.md``."""

    slug: str  #: folder name; URL path ``episodes/<slug>/``; never changes once published
    source: str  #: ``episodes/<slug>/episode.md`` relative to the show root
    title: str  #: RSS: title (no show name, no numbers in it)
    date: datetime  #: RSS: pubDate (timezone-aware)
    guid: str  #: RSS: guid isPermaLink="false". Never changes: a new GUID makes every app re-download it
    audio: str  #: file name inside the episode folder; RSS: enclosure
    notes_markdown: str = ""  #: the body of episode.md
    summary: str = ""  #: RSS: itunes:summary / description fallback, plain text
    season: Season | None = None  #: RSS: itunes:season, podcast:season
    number: int | None = None  #: RSS: itunes:episode, podcast:episode
    #: a number that is not whole (``episode: 4.5``): RSS: podcast:episode alone (itunes:episode takes whole numbers)
    decimal_number: float | None = None
    episode_display: str = ""  #: RSS: podcast:episode@display
    episode_type: str = "full"  #: RSS: itunes:episodeType (full | trailer | bonus)
    explicit: bool | None = None  #: RSS: itunes:explicit (None = the show's value)
    itunes_title: str = ""  #: RSS: itunes:title
    artwork: str = ""  #: file name inside the episode folder; RSS: itunes:image, podcast:image
    artwork_alt: str = ""  #: RSS: podcast:image@alt: the artwork described for screen readers
    chat: Chat | None = None  #: RSS: podcast:chat in the item (replaces the show's for this episode)
    content_links: tuple[ContentLink, ...] = ()  #: RSS: podcast:contentLink
    transcripts: tuple[Transcript, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    chapters_source: str = ""  #: file the chapters came from (``chapters.json``/``chapters.txt``) or "front matter"
    persons: tuple[Person, ...] = ()  #: RSS: podcast:person (replaces the show's persons)
    soundbites: tuple[Soundbite, ...] = ()
    location: tuple[Location, ...] = ()  #: RSS: podcast:location, one a place (the namespace allows several)
    license: License | None = None
    funding: tuple[Funding, ...] = ()
    alternate_enclosures: tuple[AlternateEnclosure, ...] = ()
    keywords: tuple[str, ...] = ()
    txt: tuple[tuple[str, str], ...] = ()  #: RSS: podcast:txt (purpose, value)
    value: tuple[Value, ...] = ()  #: RSS: podcast:value in the item (replaces the show's for this episode)
    social: tuple[SocialInteract, ...] = ()  #: RSS: podcast:socialInteract in the item
    content_note: str = ""  #: shown above the notes, with the show's support links
    block: bool = False  #: RSS: itunes:block (podcast:block exists only for the whole show)
    #: RSS: guid isPermaLink="true": a GUID that is the episode's URL and was published as a permalink by the old host
    #: (``mediafeed import`` keeps it: apps that compare the whole GUID would see a new episode otherwise)
    guid_permalink: bool = False
    draft: bool = False  #: kept out of feed and pages
    updated: datetime | None = None

    @property
    def podcast_number(self) -> str:
        """The text of podcast:episode ("4", "4.5"), "" without a number."""
        if self.number:
            return str(self.number)
        return decimal_text(self.decimal_number) if self.decimal_number else ""


def decimal_text(value: float) -> str:
    """A decimal number as written, never in exponent form: 4.5 → "4.5", 0.00001 → "0.00001"."""
    return f"{Decimal(repr(value)):f}"


@frozen
class Owner:
    name: str
    email: str


@frozen
class Show:
    """``show.yml`` at the show root."""

    root: Path  #: the show folder (not part of the output)
    title: str  #: RSS: title
    description: str  #: RSS: description, itunes:summary (≤ 4000 bytes, plain text)
    url: str  #: the site's base URL, ending in "/"; RSS: link. Every absolute URL starts here
    feed_url: str  #: RSS: atom:link rel="self"; defaults to url + "feed.xml"
    media_url: str  #: base for enclosure URLs; defaults to ``url``
    language: str  #: RSS: language (e.g. "en-gb")
    author: str  #: RSS: itunes:author
    owner: Owner  #: RSS: itunes:owner
    category: str  #: RSS: itunes:category (Apple's list)
    subcategory: str = ""  #: RSS: nested itunes:category
    explicit: bool = False  #: RSS: itunes:explicit true|false
    type: str = "episodic"  #: RSS: itunes:type episodic|serial
    artwork: str = ""  #: path relative to the show root; RSS: itunes:image, image, podcast:image
    artwork_alt: str = ""  #: RSS: podcast:image@alt: the artwork described for screen readers
    copyright: str = ""  #: RSS: copyright (no ©, no year words per PSP-1 advice)
    podcast_guid: str = ""  #: RSS: podcast:guid (UUIDv5 of the feed URL, kept forever)
    locked: bool = True  #: RSS: podcast:locked
    locked_owner: str = ""  #: RSS: podcast:locked@owner (defaults to owner e-mail)
    funding: tuple[Funding, ...] = ()
    persons: tuple[Person, ...] = ()
    license: License | None = None
    medium: str = "podcast"  #: RSS: podcast:medium
    location: tuple[Location, ...] = ()  #: RSS: podcast:location, one a place (the namespace allows several)
    keywords: tuple[str, ...] = ()
    update_frequency: str = ""  #: RSS: podcast:updateFrequency (text) with rrule in ``update_rrule``
    update_rrule: str = ""
    update_dtstart: str = ""  #: RSS: podcast:updateFrequency@dtstart (ISO 8601)
    txt: tuple[tuple[str, str], ...] = ()  #: RSS: podcast:txt (purpose, value)
    podroll: tuple[RemoteItem, ...] = ()
    value: tuple[Value, ...] = ()  #: RSS: podcast:value in the channel
    social: tuple[SocialInteract, ...] = ()  #: RSS: podcast:socialInteract in the channel
    chat: Chat | None = None  #: RSS: podcast:chat in the channel (an always-on chat room)
    #: RSS: podcast:publisher / podcast:remoteItem medium="publisher": the publisher feed this show belongs to
    publisher: RemoteItem | None = None
    new_feed_url: str = ""  #: RSS: itunes:new-feed-url
    block: bool = False  #: RSS: itunes:block Yes, podcast:block yes
    block_services: tuple[str, ...] = ()  #: RSS: podcast:block id=… yes, one per service slug ("apple" also itunes:block)
    complete: bool = False  #: RSS: itunes:complete Yes
    links: tuple[tuple[str, str], ...] = ()  #: subscribe links (label, URL) for pages
    support: tuple[tuple[str, str], ...] = ()  #: support services (label, URL) for content notes
    seasons: tuple[Season, ...] = ()  #: season names
    feed_limit: int = 0  #: newest N items in feed.xml; older in paged archives (0 = all)
    page_size: int = 20  #: episodes per index page
    checks_select: tuple[str, ...] = ()
    checks_ignore: tuple[str, ...] = ()
    tag_on_build: bool = True  #: write tags into the published copy of each audio file
    words: tuple[tuple[str, str], ...] = ()  #: the show's own text for words of the default theme (name, text), sorted
    publish: dict[str, object] = field(default_factory=dict, hash=False, compare=False)

    def absolute(self, rel: str) -> str:
        """The public URL of a path in the site."""
        return self.url + rel.lstrip("/")

    def media_absolute(self, rel: str) -> str:
        return self.media_url + rel.lstrip("/")


@frozen
class Link:
    """A published side file of an episode: its URL and type."""

    url: str
    mime: str
    rel: str = ""  #: path inside the site
    language: str = ""
    captions: bool = False  #: timed transcript (rel="captions")
    source: str = ""  #: generated by mediafeed from this file in the episode folder ("" = published as is)


class RenderedNotes(Protocol):
    """An episode's notes as HTML, an Apple-safe description and plain text (see ``notes.Notes``)."""

    @property
    def html(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def text(self) -> str: ...


@frozen
class _NoNotes:
    html: str = ""
    description: str = ""
    text: str = ""


_NO_NOTES = _NoNotes()


@frozen
class Item:
    """An episode ready to publish: the source episode with everything derived from it.

    Templates and the feed read this; it is what the template contract documents.
    """

    episode: Episode
    media: Media  #: the published file (after tagging: its real size)
    page_path: str  #: "episodes/<slug>/" inside the site
    page_url: str  #: RSS: link
    enclosure_path: str  #: path of the media inside the site
    enclosure_url: str  #: RSS: enclosure@url; never changes once published
    image_url: str  #: episode artwork (or the show's)
    image_path: str = ""
    #: the episode's own artwork's (width, height) in pixels, (0, 0) without one; RSS: podcast:image@width, @height
    image_size: tuple[int, int] = (0, 0)
    chapters_url: str = ""  #: RSS: podcast:chapters (chapters.json)
    transcripts: tuple[Link, ...] = ()  #: RSS: podcast:transcript, one per format
    alternates: tuple[tuple[AlternateEnclosure, str], ...] = ()  #: (enclosure, URL)
    embed_url: str = ""  #: the iframe player page
    oembed_url: str = ""
    media_file: str = ""  #: the file to publish, relative to the show root, when not the source (the tagged copy)
    #: reads the rendered notes when they are needed: a big show's notes are not all held in memory at once
    notes: Callable[[], RenderedNotes] = field(default=lambda: _NO_NOTES, compare=False, repr=False)

    @property
    def notes_html(self) -> str:
        """Sanitised full notes (content:encoded, pages)."""
        return self.notes().html

    @property
    def description_html(self) -> str:
        """Apple-safe subset, ≤ 4000 bytes (<description>)."""
        return self.notes().description

    @property
    def notes_text(self) -> str:
        """Plain text of the notes."""
        return self.notes().text

    @property
    def summary_text(self) -> str:
        """The front matter's summary, else the notes' first 300 characters: the page's description, and what the
        audio's comment and description tags hold (``tagging.metadata_for``)."""
        from .notes import excerpt

        return self.episode.summary or excerpt(self.notes_text)

    @property
    def duration(self) -> int:
        """Whole seconds, as itunes:duration wants (:func:`whole_seconds`)."""
        return whole_seconds(self.media.duration)

    @property
    def explicit(self) -> bool | None:
        return self.episode.explicit
