"""The metadata mediafeed writes into media files, in one shape for every format (no mutagen here).

:class:`Tags` is both what a file holds now (read by ``tags.read_state``) and
what it should hold (built from the show and the episode by
``tagging.metadata_for``). A field left ``None`` in the wanted tags is not
managed: whatever the file has there is kept. :func:`diff` lists what would
change, field by field, in words a producer understands.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import field, fields
from functools import cached_property
from typing import cast

from .. import codec
from ..records import frozen


@frozen
class Cover:
    """Embedded artwork (ID3 APIC front cover, MP4 covr, FLAC/Vorbis picture)."""

    mime: str  #: image/jpeg or image/png
    data: bytes = field(repr=False)

    @cached_property
    def digest(self) -> str:  # computed once per cover: the build shares one Cover between every episode
        return hashlib.sha256(self.data).hexdigest()

    def describe(self) -> str:
        return f"{self.mime}, {len(self.data)} bytes, sha256 {self.digest[:12]}"


@frozen
class TagChapter:
    """A chapter as a media file stores it (times in milliseconds, the unit of ID3 CHAP)."""

    start: int
    title: str
    end: int | None = None
    url: str = ""
    toc: bool = True  #: listed in the table of contents (ID3 CTOC); hidden chapters still get a CHAP frame

    def describe(self) -> str:
        text = f"{clock(self.start)} {self.title}"
        if self.url:
            text += f" <{self.url}>"
        if not self.toc:
            text += " (hidden)"
        return text


@frozen
class Tags:
    """Tags in the podcaster's words; each field names the ID3 frame / MP4 atom / Vorbis comment it becomes."""

    title: str | None = None  #: TIT2 · ©nam · TITLE
    artist: str | None = None  #: TPE1 · ©ART · ARTIST (the show's author)
    album_artist: str | None = None  #: TPE2 · aART · ALBUMARTIST
    album: str | None = None  #: TALB · ©alb · ALBUM (the show's title)
    track: int | None = None  #: TRCK · trkn · TRACKNUMBER (the episode number)
    disc: int | None = None  #: TPOS · disk · DISCNUMBER (the season number)
    date: str | None = None  #: TYER+TDAT (ID3v2.3; v2.4 says TDRC) · ©day · DATE, "YYYY-MM-DD"
    genre: str | None = None  #: TCON · ©gen · GENRE ("Podcast")
    comment: str | None = None  #: COMM · ©cmt · COMMENT (the summary)
    #: MP4 only: desc (iTunes' short description), the summary's first 255 characters (:func:`for_format` derives it)
    short_description: str | None = None
    description: str | None = None  #: TDES · ldes · PODCASTDESC (the build and `tag` write the summary here, not the notes)
    podcast: bool | None = None  #: PCST · pcst · PODCAST
    guid: str | None = None  #: TGID · egid · PODCASTID (the episode's GUID)
    feed_url: str | None = None  #: WFED · purl · PODCASTURL
    cover: Cover | None = None  #: APIC (front cover) · covr · METADATA_BLOCK_PICTURE / FLAC PICTURE
    chapters: tuple[TagChapter, ...] | None = None  #: CHAP + CTOC · MP4 chapter track (via ffmpeg) · CHAPTERnnn
    #: "2.3" (what mediafeed writes), "2.4", "1" (ID3v1 only), "" (no tag); read from a file, :data:`STALE_TAGS`
    #: appended when further ID3v2 tags follow the first (tagging drops them)
    id3_version: str | None = None
    #: FLAC only: the ID3 tags some taggers put around a FLAC stream: an ID3v2 tag in front ("2.3", "2.4"), an ID3v1 tag
    #: at the end ("1"), or both ("2.3+1"); "" for none. FLAC players read the Vorbis comments, but some read those tags
    #: first and show what they say: tagging removes them (wanted: "")
    leading_id3: str | None = None

    def summary(self) -> dict[str, str]:
        """The plain text tags for :class:`~mediafeed.model.Media` (what ``probe`` reports)."""
        out = {}
        for name in ("title", "artist", "album_artist", "album", "track", "disc", "date", "genre", "comment",
                     "description", "guid", "feed_url"):
            value = getattr(self, name)
            if isinstance(value, str) and SEVERAL in value:  # several values: all of them, as ffmpeg shows a Vorbis field's
                value = "; ".join(part for part in value.split(SEVERAL) if part)
            if value not in (None, ""):
                out[name] = str(value)
        if self.podcast:
            out["podcast"] = "yes"
        return dict(sorted(out.items()))


FIELDS = tuple(f.name for f in fields(Tags))
#: How a text field read from a file holding several values for it (a Vorbis comment given twice, an ID3v2.4
#: frame's NUL-separated list, an MP4 atom with several data items, several ID3 comments) joins them: what a
#: player shows of such a field varies (ffmpeg the first, or all joined by ';'), so it never equals the one value
#: mediafeed writes (source text holds no NUL), and tagging replaces them with that one value.
SEVERAL = "\x00"
#: MP4's desc atom holds at most this many characters (iTunes' limit for the short description).
SHORT_DESCRIPTION = 255
#: What ``id3_version`` ends with for an MP3 whose first ID3v2 tag is followed by another (a tool prepended its tag
#: without removing the old one): mutagen reads the first; the second is stale, and tagging drops it.
STALE_TAGS = "+"
#: What ``id3_version`` ends with (after any :data:`STALE_TAGS`) for an MP3 whose ID3v1 tag at the end is not the one
#: tagging writes over it (a tool updated the ID3v2 tag alone): players reading ID3v1 show it; tagging updates it.
STALE_V1 = "~"
#: What ``id3_version`` ends with (after the others) for an MP3 whose APEv2 tag at the end says otherwise than the
#: wanted tags in an item they share (a title an earlier tagger left there): players that read APEv2 first show it;
#: tagging updates those items (``apetag``).
STALE_APE = "^"
#: What ``id3_version`` ends with (after any :data:`STALE_TAGS`) for an MP3 with an ID3v2 tag appended after its audio
#: (``mpeg.appended_id3``): mutagen does not read it, players that look at the end may; tagging leaves it out of the copy.
STALE_APPENDED = "@"


@frozen
class Change:
    """One tag that differs: ``old`` is what the file has ("" when absent), ``new`` what it gets."""

    field: str
    old: str
    new: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "old": self.old, "new": self.new}


def display(name: str, value: object) -> str:
    if name == "leading_id3" and value is not None:
        return " and ".join(f"an ID3v{part} tag " + ("at the end of the file" if part == "1" else "in front of the FLAC stream")
                            for part in str(value).split("+")) if value else "none"
    if value is None or value == "":
        return ""
    if isinstance(value, Cover):
        return value.describe()
    if name == "chapters":
        chapters = value  # type: ignore[assignment]
        return "; ".join(c.describe() for c in chapters)  # type: ignore[attr-defined]  # none: "", as every field
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and SEVERAL in value:
        return " + ".join(repr(part) for part in value.split(SEVERAL))
    if name == "id3_version":
        text, extras = str(value), []
        if text.endswith(STALE_APE):
            text = text.removesuffix(STALE_APE)
            extras.append("an APEv2 tag at the end that says otherwise")
        if text.endswith(STALE_V1):
            text = text.removesuffix(STALE_V1)
            extras.insert(0, "an ID3v1 tag at the end that says otherwise")
        if text.endswith(STALE_APPENDED):
            text = text.removesuffix(STALE_APPENDED)
            extras.insert(0, "an ID3v2 tag appended after the audio")
        if text.endswith(STALE_TAGS):
            text = text.removesuffix(STALE_TAGS)
            extras.insert(0, "a second, stale ID3v2 tag after it")
        return " and ".join([{"1": "ID3v1 only", "": "no ID3v2 tag"}.get(text, f"ID3v{text}"), *extras])
    return str(value)


def diff(current: Tags, wanted: Tags) -> list[Change]:
    """The fields ``wanted`` manages whose value in ``current`` differs."""
    changes = []
    for name in FIELDS:
        new = getattr(wanted, name)
        if new is None:
            continue
        old = getattr(current, name)
        if _same(name, old, new):
            continue
        before, after = display(name, old), display(name, new)
        if name == "chapters" and before == after:  # they differ where the list does not look: a chapter's end
            before, after = _with_ends(old), _with_ends(new)
        changes.append(Change(name, before, after))
    return changes


def _with_ends(chapters: object) -> str:
    return "; ".join(c.describe() + (f" (to {clock(c.end)})" if c.end is not None else "")
                     for c in cast(Iterable[TagChapter], chapters or ()))


def _same(name: str, old: object, new: object) -> bool:
    if isinstance(new, Cover):
        return isinstance(old, Cover) and (old.mime, old.data) == (new.mime, new.data)
    if name == "chapters":
        return tuple(cast(Iterable[TagChapter], old or ())) == tuple(cast(Iterable[TagChapter], new or ()))
    return old == new


def clock(ms: int) -> str:
    seconds, ms = divmod(ms, 1000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}" + (f".{ms:03d}" if ms else "")


#: What each format can hold: MP4 chapters keep no URL or end (QuickTime chapter tracks via ffmpeg);
#: Vorbis comments keep start, title and URL; ID3 keeps everything.
def for_format(tags: Tags, kind: str) -> Tags:
    """``tags`` reduced to what ``kind`` can store, so a read-back compares equal."""
    # An empty text is "nothing to say": formats store no empty tags, so it is not managed.
    changes: dict[str, object] = {name: None for name in FIELDS if getattr(tags, name) == "" and name != "id3_version"}
    if kind != "mp3":
        changes["id3_version"] = None
    # a FLAC file's ID3v2 tag in front is removed where the ID3 layout is managed (the build and `tag` manage it)
    changes["leading_id3"] = "" if kind == "flac" and tags.id3_version is not None else None
    # MP4 writes the summary twice (©cmt whole, desc cut to 255 characters): both are compared, as both are written
    comment = tags.comment or None
    changes["short_description"] = comment[:SHORT_DESCRIPTION] if kind == "mp4" and comment is not None else None
    if tags.chapters is not None:
        if kind == "mp4":  # (the chapter track's first chapter starts the track: ffmpeg writes one at 1 s from 0)
            listed = [TagChapter(start=c.start if n else 0, title=c.title)
                      for n, c in enumerate(c for c in tags.chapters if c.toc)]
            changes["chapters"] = tuple(listed)
        elif kind != "mp3":
            changes["chapters"] = tuple(TagChapter(start=c.start, title=c.title, url=c.url) for c in tags.chapters if c.toc)
    return codec.replacer(Tags, *changes)(tags, *changes.values())  # (a function per set of names: a few in all)
