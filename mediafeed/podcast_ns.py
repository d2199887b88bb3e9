"""The Podcasting 2.0 ``podcast:`` namespace: a feedgen extension (``register_extension``) for the channel,
:func:`item_elements` for an item.

Attribute rules follow the namespace docs (podcastindex.org/namespace/1.0):
URLs absolute, ``podcast:guid`` a UUIDv5, ``podcast:locked`` yes/no with an
``owner``, persons with role/group/img/href, transcripts with ``type``,
``language`` and ``rel="captions"`` for timed formats, and so on. Also writes
Podlove Simple Chapters (``psc:chapters``) inline for items with chapters.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from feedgen.ext.base import BaseExtension
from lxml.etree import SubElement

from .chapters import clock
from .dates import rfc2822
from .model import Chat, Funding, Item, License, Location, Person, Show, SocialInteract, Value, ValueRecipient
from .source import is_url
from .value import seconds_text as _number

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PSC_NS = "http://podlove.org/simple-chapters"
_P = "{%s}" % PODCAST_NS
_PSC = "{%s}" % PSC_NS


def _el(parent: Any, tag: str, text: str = "", **attrs: str) -> Any:
    element = SubElement(parent, _P + tag)
    for key, value in attrs.items():
        if value not in ("", None):
            element.set(key, value)
    if text:
        element.text = text
    return element


def _persons(parent: Any, persons: tuple[Person, ...]) -> None:
    for person in persons:
        _el(parent, "person", person.name, role=person.role, group=person.group, img=person.img, href=person.href)


def _funding(parent: Any, funding: tuple[Funding, ...]) -> None:
    for fund in funding:
        _el(parent, "funding", fund.text, url=fund.url)


def _value(parent: Any, values: tuple[Value, ...]) -> None:
    for value in values:
        block = _el(parent, "value", type=value.type, method=value.method, suggested=value.suggested)
        _recipients(block, value.recipients)
        for split in value.time_splits:  # after the block's own recipients, as in the namespace's examples
            stretch = _el(block, "valueTimeSplit", startTime=_number(split.start), duration=_number(split.duration),
                          remoteStartTime="" if split.remote_start is None else _number(split.remote_start),
                          remotePercentage="" if split.remote_percentage is None else _number(split.remote_percentage))
            remote = split.remote_item
            if remote is not None:
                _el(stretch, "remoteItem", feedGuid=remote.feed_guid, feedUrl=remote.feed_url, itemGuid=remote.item_guid,
                    medium=remote.medium, title=remote.title)
            _recipients(stretch, split.recipients)


def _recipients(parent: Any, recipients: tuple[ValueRecipient, ...]) -> None:
    for payee in recipients:
        _el(parent, "valueRecipient", name=payee.name, type=payee.type, address=payee.address,
            customKey=payee.custom_key, customValue=payee.custom_value, split=str(payee.split),
            fee="true" if payee.fee else "")


def _social(parent: Any, social: tuple[SocialInteract, ...]) -> None:
    for post in social:
        _el(parent, "socialInteract", protocol=post.protocol, uri=post.uri, accountId=post.account_id,
            accountUrl=post.account_url, priority="" if post.priority is None else str(post.priority))


def _chat(parent: Any, chat: Chat | None) -> None:
    if chat:
        _el(parent, "chat", server=chat.server, protocol=chat.protocol, accountId=chat.account_id, space=chat.space)


def _license(parent: Any, license_: License | None) -> None:
    if license_:
        _el(parent, "license", license_.name, url=license_.url)


def _location(parent: Any, places: tuple[Location, ...]) -> None:
    for location in places:
        _el(parent, "location", location.name, rel=location.rel, geo=location.geo, osm=location.osm,
            country=location.country)


def _txt(parent: Any, txt: tuple[tuple[str, str], ...]) -> None:
    for purpose, value in txt:
        _el(parent, "txt", value, purpose=purpose)


def _complete_text(show: Show) -> str:
    """What apps show of a complete show's schedule when show.yml gives no text: in the show's language (the theme's
    ``show_complete`` word, which ``words:`` may change), not English in a French feed."""
    from .words import words_for

    return words_for(show.language, show.words)["show_complete"]


def _image_type(url: str) -> str:
    lower = url.lower().split("?", 1)[0]
    if lower.endswith((".jpg", ".jpeg")):
        return "image/jpeg"
    return "image/png" if lower.endswith(".png") else ""


def uses_podping(show: Show) -> bool:
    """Whether ``publish`` sends podping notifications (show.yml ``publish.notify.podping``: true or an endpoint URL),
    which the feed says with ``<podcast:podping usesPodping="true"/>`` so aggregators can poll it less often."""
    notify = show.publish.get("notify") if isinstance(show.publish, dict) else None
    podping = notify.get("podping") if isinstance(notify, dict) else None
    return podping is True or (isinstance(podping, str) and is_url(podping))


class PodcastExtension(BaseExtension):  # type: ignore[misc]
    show: Show | None = None
    image_url: str = ""
    image_size: int = 0
    trailers: tuple[Item, ...] = ()

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "psc": PSC_NS}

    def extend_rss(self, feed: Any) -> Any:
        show = self.show
        if show is None:
            return feed
        channel = feed[0]
        _el(channel, "guid", show.podcast_guid)
        _el(channel, "locked", "yes" if show.locked else "no", owner=show.locked_owner)
        _el(channel, "medium", show.medium)
        if uses_podping(show):
            _el(channel, "podping", usesPodping="true")
        _funding(channel, show.funding)
        _value(channel, show.value)
        _social(channel, show.social)
        _chat(channel, show.chat)
        _persons(channel, show.persons)
        _license(channel, show.license)
        _location(channel, show.location)
        if show.update_frequency or show.update_rrule or show.complete:
            text = show.update_frequency or show.update_rrule or (_complete_text(show) if show.complete else "")
            _el(channel, "updateFrequency", text, complete="true" if show.complete else "",
                dtstart=show.update_dtstart, rrule=show.update_rrule)
        _txt(channel, show.txt)
        if show.podroll:
            roll = _el(channel, "podroll")
            for remote in show.podroll:
                _el(roll, "remoteItem", feedGuid=remote.feed_guid, feedUrl=remote.feed_url, itemGuid=remote.item_guid,
                    medium=remote.medium, title=remote.title)
        if show.publisher:  # one remoteItem, medium="publisher" (publisher.md)
            remote = show.publisher
            _el(_el(channel, "publisher"), "remoteItem", feedGuid=remote.feed_guid, feedUrl=remote.feed_url,
                medium="publisher")
        for trailer in self.trailers:
            text, attrs = trailer_element(trailer)
            _el(channel, "trailer", text, **attrs)
        if self.image_url:
            size = str(self.image_size) if self.image_size else ""
            _el(channel, "image", href=self.image_url, alt=show.artwork_alt, **{"aspect-ratio": "1/1"}, width=size,
                height=size, type=_image_type(self.image_url), purpose="artwork")
        if show.block:
            _el(channel, "block", "yes")
        for service in show.block_services:
            _el(channel, "block", "yes", id=service)
        return feed


def trailer_element(trailer: Item) -> tuple[str, dict[str, str]]:
    """A ``podcast:trailer``'s text and attributes: all that the channel reads of a trailer's item (the channel is
    kept under them, ``feed.frame_key``)."""
    season = trailer.episode.season
    return trailer.episode.title, {"pubdate": rfc2822(trailer.episode.date), "url": trailer.enclosure_url,
                                   "length": str(trailer.media.size), "type": trailer.media.mime,
                                   "season": str(season.number) if season else ""}


def item_elements(entry: Any, item: Item) -> None:
    """An item's ``podcast:`` and ``psc:`` elements, appended to ``entry`` (its ``<item>``)."""
    episode = item.episode
    if episode.season:
        _el(entry, "season", str(episode.season.number), name=episode.season.name)
    if episode.number or episode.decimal_number:  # (a decimal one alone: itunes:episode takes whole numbers)
        _el(entry, "episode", episode.podcast_number, display=episode.episode_display)
    for link in item.transcripts:
        _el(entry, "transcript", url=link.url, type=link.mime, language=link.language,
            rel="captions" if link.captions else "")
    if item.chapters_url:
        _el(entry, "chapters", url=item.chapters_url, type="application/json+chapters")
    for bite in episode.soundbites:
        _el(entry, "soundbite", bite.title, startTime=_number(bite.start), duration=_number(bite.duration))
    _persons(entry, episode.persons)
    _funding(entry, episode.funding)
    _value(entry, episode.value)  # an item's value block replaces the channel's for that episode
    _social(entry, episode.social)
    _chat(entry, episode.chat)  # (an episode's replaces the show's)
    for content in episode.content_links:
        _el(entry, "contentLink", content.text, href=content.url)
    _license(entry, episode.license)
    _location(entry, episode.location)
    _txt(entry, episode.txt)
    if item.image_path and item.image_url:
        width, height = item.image_size
        _el(entry, "image", href=item.image_url, alt=episode.artwork_alt, **{"aspect-ratio": "1/1"},
            width=str(width) if width else "",
            height=str(height) if height else "", type=_image_type(item.image_url), purpose="artwork")
    for alternate, url in item.alternates:
        if url == item.enclosure_url and item.media_file:
            # the main file is published as its tagged copy: the source's size and hash are not what apps download
            alternate = replace(alternate, length=item.media.size, integrity="")
        alt = _el(entry, "alternateEnclosure", type=alternate.mime, length=str(alternate.length) if alternate.length else "",
                  bitrate=_number(alternate.bitrate) if alternate.bitrate else "",
                  height=str(alternate.height) if alternate.height else "", lang=alternate.lang,
                  title=alternate.title, rel=alternate.rel, codecs=alternate.codecs,
                  default="true" if alternate.default else "")
        _el(alt, "source", uri=url)
        for uri, content_type in alternate.sources:  # the same file elsewhere: IPFS, a torrent, an onion mirror
            _el(alt, "source", uri=uri, contentType=content_type)
        if alternate.integrity:
            _el(alt, "integrity", type="sri", value=alternate.integrity)
    # podcast:block belongs to the channel only; an episode's block is itunes:block (itunes_ns)
    shown = [c for c in episode.chapters if c.toc]
    if shown:
        # Podlove Simple Chapters has no hidden chapters: toc=false ones stay in chapters.json only
        psc = SubElement(entry, _PSC + "chapters", version="1.2")
        for chapter in shown:
            attrs = {"start": clock(chapter.start, millis=True), "title": chapter.title}
            if chapter.url:
                attrs["href"] = chapter.url
            if chapter.img:
                attrs["image"] = chapter.img
            SubElement(psc, _PSC + "chapter", **attrs)
