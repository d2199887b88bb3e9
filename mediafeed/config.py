"""``show.yml`` → :class:`Show`, collecting every problem at once."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from . import credentials, sourcelinks
from .addresses import ascii_url, plain_http
from .categories import APPLE_CATEGORIES, closest_category, is_category, parent_category
from .characters import NotUtf8, source_text
from .errors import Problem, error
from .filenames import WINDOWS_HINT, reordering, windows_fix, windows_trouble
from .lazypattern import lazy
from .model import Funding, License, Location, Owner, Person, RemoteItem, Season, Show
from .social import parse_chat, parse_social
from .source import (
    HTML_TAG,
    MISSING,
    FieldReader,
    as_text,
    close_directions,
    is_url,
    load_yaml,
    quoted,
    scrub_text,
    scrub_values,
    what_arrived,
)
from .taxonomy import default_group
from .value import parse_values, read_remote_item

SHOW_FILE = "show.yml"
#: the Podcast Index's namespace for podcast:guid (a UUID's 16 bytes: ``uuid`` itself is not imported, see podcast_guid)
PODCAST_NAMESPACE = bytes.fromhex("ead4c236bf5858c6a2c6a6b28d128cb6")
#: a UUID as the namespace and apps write it: lower case, 8-4-4-4-12 hex digits
PLAIN_UUID = lazy(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

SHOW_KEYS = frozenset({
    "title", "description", "url", "feed_url", "media_url", "language", "author", "owner", "category",
    "subcategory", "explicit", "type", "artwork", "copyright", "podcast_guid", "locked", "locked_owner",
    "funding", "persons", "license", "medium", "location", "keywords", "update_frequency", "txt", "podroll",
    "new_feed_url", "block", "complete", "links", "support", "seasons", "feed_limit", "page_size", "checks",
    "tag_on_build", "publish", "value", "social", "words", "artwork_alt", "chat", "publisher",
})
#: podcast:medium (medium.md): the mediums of a feed of items, then the "list" mediums of a feed that holds only
#: podcast:remoteItem (each medium with L, and mixed). Any is right in another feed or a remoteItem's medium; a show's
#: feed is its episodes, so show.yml takes the first nine (LIST_MEDIUMS tells a list feed's apps to expect no items)
MEDIUMS = ("podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course",
           "podcastL", "musicL", "videoL", "filmL", "audiobookL", "newsletterL", "blogL", "publisherL", "courseL", "mixed")
LIST_MEDIUMS = MEDIUMS[9:]
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def podcast_guid(feed_url: str) -> str:
    """The Podcasting 2.0 ``podcast:guid``: UUIDv5 of the feed URL without scheme and trailing slashes."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url.strip()).rstrip("/")
    # uuid.uuid5's own recipe (SHA-1 of namespace and name, version 5, RFC 4122 variant) without importing uuid,
    # which imports platform: ~3 ms of every build's start (tests hold it to uuid.uuid5)
    digest = bytearray(hashlib.sha1(PODCAST_NAMESPACE + bare.encode()).digest()[:16])
    digest[6] = digest[6] & 0x0F | 0x50
    digest[8] = digest[8] & 0x3F | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def plain_uuid(text: str) -> str:
    """``str(uuid.UUID(text))``: the UUID in lower case, 8-4-4-4-12 (from braces, ``urn:uuid:``, no hyphens…); raises
    ValueError for what is not a UUID. A plain one is answered without importing ``uuid``."""
    if PLAIN_UUID.fullmatch(text):
        return text
    import uuid

    return str(uuid.UUID(text))


def no_show(root: Path) -> Problem:
    """SRC020 for a folder without show.yml. Run from inside a show (its episodes/) or from the folder above one
    ('mediafeed init my-show', then no 'cd'), the hint names that show's folder as --show takes it from here."""
    import shlex

    root = Path(os.path.abspath(root))
    above = next((folder for folder in root.parents if (folder / SHOW_FILE).is_file()), None)
    inside = [] if above else _shows_inside(root)
    hint = "run 'mediafeed init' to create one, or pass --show DIR pointing at the show folder"
    if above or inside:
        where = [shlex.quote(_from_here(folder)) for folder in ([above] if above else inside)]
        if above:
            hint = f"this folder is inside the show in {where[0]}: run the command there (cd {where[0]}), or pass --show {where[0]}"
        elif len(where) == 1:
            hint = f"the show is in {where[0]}: cd {where[0]} first, or pass --show {where[0]}"
        else:
            hint = f"the shows here are {', '.join(where[:5])}{', …' if len(where) > 5 else ''}: pass --show with one of them"
    return error("SRC020", SHOW_FILE, f"no {SHOW_FILE} in {root}", hint=hint)


def _shows_inside(root: Path) -> list[Path]:
    """The show folders right inside ``root``, sorted."""
    try:
        with os.scandir(root) as entries:
            return sorted(Path(entry.path) for entry in entries if entry.is_dir() and not entry.name.startswith(".")
                          and os.path.isfile(os.path.join(entry.path, SHOW_FILE)))
    except OSError:
        return []


def _from_here(folder: Path) -> str:
    """``folder`` as the user would type it here: relative to the current folder, unless that climbs three levels."""
    try:
        relative = os.path.relpath(folder)
    except ValueError:  # another drive (Windows)
        return str(folder)
    return str(folder) if relative.startswith(os.path.join(os.pardir, os.pardir, os.pardir)) else relative


def load_show(root: Path) -> tuple[Show | None, list[Problem]]:
    """Read ``root/show.yml``; return the show (None when unusable) and every problem found."""
    path = root / SHOW_FILE
    if not path.is_file():
        if path.is_symlink():  # a link to a file that is gone, or a loop: "no show.yml" would mislead
            return None, [error("SRC021", SHOW_FILE, f"cannot read: is {sourcelinks.what(os.fspath(path), stat.S_IFLNK)}",
                                hint="point the link at the show's real show.yml, or put the file itself here")]
        return None, [no_show(root)]
    try:
        text = source_text(path.read_bytes())
    except NotUtf8 as exc:
        return None, [error("SRC021", SHOW_FILE, exc.reason, hint=exc.hint(SHOW_FILE))]
    except OSError as exc:
        return None, [error("SRC021", SHOW_FILE, f"cannot read: {exc}", hint="save it as UTF-8 text")]
    text, scrubbed = scrub_text(text, SHOW_FILE)
    data, problems = load_yaml(text, SHOW_FILE)
    if problems:
        return None, scrubbed + problems
    if not isinstance(data, dict):
        return None, [error("SRC003", SHOW_FILE, "must be a mapping of keys to values", hint="write 'title: …' lines")]
    data, escaped = scrub_values(data, SHOW_FILE)
    show, problems = parse_show(root, data)
    return show, scrubbed + escaped + problems


#: languages people write by name in show.yml, and their ISO 639-1 codes
_LANGUAGE_NAMES = {
    "english": "en", "french": "fr", "français": "fr", "francais": "fr", "german": "de", "deutsch": "de",
    "spanish": "es", "español": "es", "espanol": "es", "italian": "it", "italiano": "it", "portuguese": "pt",
    "português": "pt", "dutch": "nl", "nederlands": "nl", "swedish": "sv", "svenska": "sv", "norwegian": "no",
    "norsk": "no", "danish": "da", "dansk": "da", "finnish": "fi", "suomi": "fi", "polish": "pl", "polski": "pl",
    "russian": "ru", "japanese": "ja", "chinese": "zh", "korean": "ko", "arabic": "ar", "hindi": "hi",
    "turkish": "tr", "greek": "el", "czech": "cs", "hebrew": "he", "irish": "ga", "welsh": "cy", "catalan": "ca",
    "català": "ca",
}


def language_guess(written: str) -> tuple[str, bool]:
    """The code a language written another way most likely means (``English`` → en, ``en_US`` → en-us), "" when
    none; and whether it was a language's name (then a regional code may be meant)."""
    spelled = written.strip().lower().replace("_", "-")
    if LANGUAGE.match(spelled):
        return spelled, False
    name = spelled.split("(")[0].split(",")[0].strip()
    return _LANGUAGE_NAMES.get(name, ""), name in _LANGUAGE_NAMES


def _language_hint(written: str, key: str = "language") -> str:
    code, named = language_guess(written)
    if code:
        return f"write '{key}: {code}'" + (" (or a regional code such as en-gb, pt-br, fr-ca)" if named else "")
    return "write the ISO 639 code: en, en-gb, de, fr, es, pt-br …"


#: the longest ``artwork_alt``: podcast:image's alt is "a clear and concise accessibility focused text replacement for
#: the image's content" (the namespace's image.md); a screen reader reads it whole, in one breath, each time the
#: artwork comes by, and about 40 words say what a square of artwork shows, its words included (Apple caps its
#: own alt texts at 150 characters). What needs more belongs in the show's description or the notes.
ARTWORK_ALT_LIMIT = 250


def read_artwork_alt(r: FieldReader) -> str:
    """``artwork_alt`` (show.yml or front matter: podcast:image@alt, the pages' img alt): one line, at most
    :data:`ARTWORK_ALT_LIMIT` characters."""
    alt = r.str("artwork_alt", line="an image's description")
    if len(alt) > ARTWORK_ALT_LIMIT:  # a warning: a show that built before the limit still builds, its alt as written
        r.warn("artwork_alt", "SRC058", f"is {len(alt):,} characters, more than {ARTWORK_ALT_LIMIT:,}: a screen reader "
               "reads all of it each time the artwork comes by (published as written)",
               "describe what the artwork shows in a sentence or two, its words included; more belongs in the "
               "description")
    return alt


def read_language(r: FieldReader, key: str, tag: str) -> str:
    """An optional language code (a transcript's ``language``, an alternate enclosure's ``lang``: ``tag`` names the
    attribute), refused unless it is a language tag as ``language:`` is: apps match it against the listener's
    languages, and the namespace asks for an ISO 639 / BCP 47 code there."""
    value = r.str(key)
    if value and not LANGUAGE.match(value.strip()):
        r.fail(key, f"expected a language code such as 'en', 'en-gb' or 'cy' for {tag}, got {quoted(value)}",
               hint=_language_hint(value, key))
        return ""
    return value.strip()


def parse_show(root: Path, data: dict[str, Any]) -> tuple[Show | None, list[Problem]]:
    r = FieldReader(data, SHOW_FILE)
    title = r.title("title", required=True)
    description = r.str("description", required=True, hint="add 'description: …' (what the show is about, ≤ 4000 bytes)")
    if tag := HTML_TAG.search(description):
        r.warn("description", "SRC057", f"holds HTML ({tag.group(0)}), but the show's description is plain text: the site's "
               "pages (and apps that read the description as text) show the tags and an entity such as &amp; as typed",
               "write it as plain text, a blank line between paragraphs and a link's address as it is")
    # the site's addresses as every client sends them (ascii_url: a host in IDNA, other text percent-encoded): every
    # URL of the feed and the pages is made from them, and an enclosure URL holding 'ä' is one iOS apps built on
    # Foundation's URL parser cannot fetch (EP103: a show at https://podcast.exämple.org/ failed with an error an episode)
    url = ascii_url(r.url("url", required=True))
    if url and not url.endswith("/"):
        url += "/"
    feed_url = ascii_url(r.url("feed_url")) or (url + "feed.xml" if url else "")
    media_url = ascii_url(r.url("media_url")) or url
    if media_url and not media_url.endswith("/"):
        media_url += "/"
    if plain_http(media_url):  # once, here: the feed rule (EP137) would say it of every episode, naming `audio`
        key = "media_url" if data.get("media_url") else "url"
        r.warn(key, "EP137", f"is {media_url}, over plain http: every enclosure URL is http://, which the episode pages' "
               "players (on https) upgrade to https or block (mixed content), apps that allow only https cannot fetch, "
               "and a network can swap (a captive portal's page saved as the episode)",
               f"serve the media over https and write '{key}: https://…' (published episodes keep their GUIDs; "
               "redirect the old addresses to the new ones)")
    if plain_http(url):  # once, here: the feed rules would say it of the artwork and of every transcript and chapters file
        r.fail("url", f"is {url}, over plain http: the addresses of the artwork, the transcripts and the chapters "
               "files (and the trailer's, without media_url) in the feed (podcast:image, podcast:transcript, podcast:chapters, "
               "podcast:trailer) are made from it, and the "
               "podcast: namespace takes https addresses only",
               "serve the site over https and write 'url: https://…' (a preview needs no address: mediafeed serve)",
               code="PI004")
    language = r.str("language", required=True, hint="add 'language: en' (ISO 639 code, e.g. en, en-gb)")
    if language and not LANGUAGE.match(language):
        r.fail("language", f"expected an ISO 639 language code such as 'en' or 'en-gb', got {quoted(language)}",
               hint=_language_hint(language))
    author = r.str("author", required=True, hint="add 'author: …' (Spotify requires an author)")

    owner_data = r.mapping("owner")
    owner = Owner("", "")
    if not owner_data:
        r.missing("owner", "add 'owner: {name: …, email: …}' (Apple writes to this address)")
    else:
        o = r.sub(owner_data, "owner")
        if o:
            owner = Owner(o.str("name", required=True), o.str("email", required=True))
            if owner.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", owner.email):
                o.fail("email", f"expected an e-mail address, got {quoted(owner.email)}")
            o.unknown({"name", "email"})
            r.adopt(o)

    category = r.str("category", required=True, hint="add 'category: …' from Apple's list, e.g. 'Science'")
    subcategory = r.str("subcategory")
    if category and category not in APPLE_CATEGORIES:
        close, (parent, its_sub) = closest_category(category), parent_category(category)
        r.fail("category", f"{quoted(category)} is not an Apple Podcasts category"
               + (f": it is a subcategory of {quoted(parent)}" if parent else ""),
               hint=f"write 'category: {parent}' and 'subcategory: {its_sub}'" if parent else
               f"did you mean '{close}'?" if close else f"use one of Apple's categories: {', '.join(APPLE_CATEGORIES)}",
               code="SRC030")
    elif category and subcategory and not is_category(category, subcategory):
        subs = APPLE_CATEGORIES[category]
        r.fail("subcategory", f"{quoted(subcategory)} is not a subcategory of {quoted(category)}",
               hint=f"use one of: {', '.join(subs)}" if subs else f"{quoted(category)} has no subcategories: remove it",
               code="SRC030")

    explicit = r.bool("explicit", None)
    if explicit is None and "explicit" not in data:
        r.missing("explicit", "add 'explicit: false' (or true)")
    show_type = r.choice("type", ("episodic", "serial"), "episodic")
    artwork = r.str("artwork", required=True, hint="add 'artwork: artwork.png' (square, 1400–3000 px, JPEG or PNG)",
                    exact=True)
    if artwork:
        artwork = _local_file(r, root, "artwork", artwork)

    given_guid = r.str("podcast_guid")
    if given_guid:
        try:
            given_guid = plain_uuid(given_guid)
        except ValueError:
            r.fail("podcast_guid", f"expected a UUID, got {quoted(given_guid)}", hint="remove it to use the UUIDv5 of the feed URL")
            given_guid = ""
    guid = given_guid or (podcast_guid(feed_url) if feed_url else "")

    persons = tuple(p for p in (parse_person(r, v, "persons") for v in r.list("persons")) if p)
    funding = tuple(f for f in (parse_funding(r, v, "funding") for v in r.list("funding")) if f)
    license_ = parse_license(r, r.raw("license"), "license")
    location = parse_locations(r, r.raw("location"), "location")
    medium = r.str("medium", "podcast")
    if medium in LIST_MEDIUMS:
        r.fail("medium", f"{quoted(medium)} is a list medium: it tells apps the feed holds only podcast:remoteItem links to "
               "other feeds, and no episodes of its own, but this show's feed is its episodes",
               hint=f"write 'medium: {medium.removesuffix('L') if medium != 'mixed' else 'podcast'}'")
        medium = "podcast"
    elif medium not in MEDIUMS:
        r.fail("medium", f"expected one of {', '.join(MEDIUMS[:9])}, got {quoted(medium)}")
        medium = "podcast"

    update = r.mapping("update_frequency") if isinstance(data.get("update_frequency"), dict) else {}
    update_text = update.get("text", "") if update else r.str("update_frequency")
    update_rrule = update.get("rrule", "") if update else ""
    update_dtstart = ""
    if update:
        u = r.sub(update, "update_frequency")
        if u:
            update_text, update_rrule = u.str("text"), u.str("rrule")
            dtstart = u.raw("dtstart")
            if dtstart is not MISSING:
                update_dtstart = dtstart.isoformat() if isinstance(dtstart, date) else str(dtstart).strip()
                if not is_dtstart(update_dtstart):
                    u.fail("dtstart", f"expected an ISO 8601 date or date-time, got {what_arrived(dtstart)}", hint=DTSTART_HINT)
                    update_dtstart = ""  # (reported here: not published, nor reported again by the feed's own check)
            if re.search(r"(^|;)COUNT=", update_rrule or "") and dtstart is MISSING:
                u.fail("dtstart", "an rrule with COUNT needs a dtstart (podcast:updateFrequency)",
                       hint="add 'dtstart: …' with the date of the first episode it counts")
            if update_rrule and not update_text:
                # (the node value is what apps show, "displayed alongside other information": not the rule's code)
                u.missing("text", "add 'text: …', the schedule in words apps show, e.g. 'text: Every Monday'")
            wrong = rrule_problem(update_rrule, update_dtstart) if isinstance(update_rrule, str) and update_rrule else None
            if wrong:
                u.fail("rrule", wrong[0], hint=wrong[1])
                update_rrule = ""  # (reported here: not again by the feed's own check)
            u.unknown({"text", "rrule", "dtstart"})
            r.adopt(u)

    txt = parse_txt(r, "txt")

    podroll = []
    for item in r.list("podroll"):
        sub = r.sub(item, "podroll")
        if sub:
            # (the feedGuid as apps look it up: a podroll entry of another form is one no app can follow)
            remote = read_remote_item(sub, "SRC010")
            if remote:
                podroll.append(remote)
            r.adopt(sub)

    links = _pairs(r, "links")
    support = _pairs(r, "support")
    seasons: list[Season] = []
    for number, name in r.mapping("seasons").items():
        if isinstance(number, int) and isinstance(name, str):
            seasons.append(Season(number, name))
        else:
            r.fail("seasons", f"expected 'NUMBER: name' lines, got {what_arrived(number)}: {what_arrived(name)}", hint="write e.g. '1: Foundations'")

    checks = r.mapping("checks")
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    if checks:
        c = r.sub(checks, "checks")
        if c:
            select, ignore = c.str_list("select"), c.str_list("ignore")
            c.unknown({"select", "ignore"})
            r.adopt(c)
    publish = r.mapping("publish")
    # a credential there (PUB004) is refused by the build too: a hub's USER:PASSWORD@ went into the feed it wrote
    r.problems.extend(credentials.in_settings(publish, "publish"))
    block, block_services = parse_block(r)
    publisher = _publisher(r)

    show = Show(
        root=root,
        title=title,
        description=description,
        url=url,
        feed_url=feed_url,
        media_url=media_url,
        language=language,
        author=author,
        owner=owner,
        category=category,
        subcategory=subcategory,
        explicit=bool(explicit),
        type=show_type,
        artwork=artwork,
        artwork_alt=read_artwork_alt(r),
        copyright=r.str("copyright"),
        podcast_guid=guid,
        locked=bool(r.bool("locked", True)),
        locked_owner=r.str("locked_owner") or owner.email,
        funding=funding,
        persons=persons,
        license=license_,
        medium=medium,
        location=location,
        keywords=r.str_list("keywords"),
        update_frequency=update_text if isinstance(update_text, str) else "",
        update_rrule=update_rrule if isinstance(update_rrule, str) else "",
        update_dtstart=update_dtstart,
        txt=tuple(txt),
        podroll=tuple(podroll),
        value=parse_values(r, "value", time_splits=False),
        social=parse_social(r, "social"),
        chat=parse_chat(r, "chat"),
        publisher=publisher,
        new_feed_url=r.url("new_feed_url"),
        block=block,
        block_services=block_services,
        complete=bool(r.bool("complete", False)),
        links=links,
        support=support,
        seasons=tuple(sorted(seasons, key=lambda s: s.number)),
        feed_limit=r.int("feed_limit", 0, minimum=0) or 0,
        page_size=r.int("page_size", 20, minimum=1) or 20,
        checks_select=select,
        checks_ignore=ignore,
        tag_on_build=bool(r.bool("tag_on_build", True)),
        publish=publish,
        words=_words(r),
    )
    r.unknown(SHOW_KEYS)
    if not url:
        return None, r.problems
    return show, r.problems


def _publisher(r: FieldReader) -> RemoteItem | None:
    """``publisher: {feed_guid, feed_url}``: podcast:publisher, the publisher feed (``medium: publisher``) of the
    organisation that makes the show; its ``podcast:guid`` is required, its address highly recommended (publisher.md)."""
    raw = r.raw("publisher")
    sub = r.sub(raw, "publisher") if raw is not MISSING else None
    if not sub:
        return None
    medium = sub.str("medium")
    remote = read_remote_item(sub, "SRC010")
    r.adopt(sub)
    if medium and medium != "publisher":
        r.fail("publisher.medium", f"a publisher feed's medium is 'publisher', got {quoted(medium)}",
               hint="leave 'medium' out (it is written medium=\"publisher\")")
        return None
    if remote and (remote.item_guid or remote.title):
        r.fail("publisher", "a publisher reference names a feed, not an episode or a title: it takes feed_guid and "
               "feed_url", hint="remove 'item_guid' and 'title'")
        return None
    # (without feed_url: PI028, a warning from the feed's own rules, named at publisher)
    return replace(remote, medium="publisher") if remote else None


#: RFC 5545 3.3.10: the parts of a recurrence rule, and FREQ's values
RRULE_PARTS = frozenset({"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
                         "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"})
FREQUENCIES = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")
RRULE_DATE = lazy(r"^\d{8}$")
RRULE_DATE_TIME = lazy(r"^\d{8}T\d{6}Z?$")
_WEEKDAY = r"(SU|MO|TU|WE|TH|FR|SA)"


def _listed(low: int, high: int, signed: bool = False) -> Callable[[str], bool]:
    """A value of comma-separated whole numbers from ``low`` to ``high`` (and their negatives when ``signed``)."""
    def fits(value: str) -> bool:
        numbers = value.split(",")
        return all(re.match(r"^[+-]?\d{1,3}$" if signed else r"^\d{1,3}$", n) and low <= abs(int(n)) <= high
                   for n in numbers)
    return fits


#: RFC 5545 3.3.10: the form of each part's value (UNTIL and FREQ are checked apart)
RRULE_VALUES: dict[str, tuple[Callable[[str], bool], str]] = {
    # (RFC 5545's values are digits, a leading zero allowed: "INTERVAL=02", "+01MO", as iCalendar libraries read them)
    "COUNT": (lambda v: bool(re.match(r"^0*[1-9]\d*$", v)), "a whole number of 1 or more"),
    "INTERVAL": (lambda v: bool(re.match(r"^0*[1-9]\d*$", v)), "a whole number of 1 or more"),
    "BYSECOND": (_listed(0, 60), "seconds from 0 to 60"),
    "BYMINUTE": (_listed(0, 59), "minutes from 0 to 59"),
    "BYHOUR": (_listed(0, 23), "hours from 0 to 23"),
    "BYDAY": (lambda v: all(re.match(rf"^([+-]?(0?[1-9]|[1-4]\d|5[0-3]))?{_WEEKDAY}$", d) for d in v.split(",")),
              "weekdays MO, TU, WE, TH, FR, SA, SU, each with an optional position (2TU, -1FR)"),
    "BYMONTHDAY": (_listed(1, 31, signed=True), "days of the month from 1 to 31 (or -1 to -31 from the end)"),
    "BYYEARDAY": (_listed(1, 366, signed=True), "days of the year from 1 to 366 (or negative)"),
    "BYWEEKNO": (_listed(1, 53, signed=True), "weeks from 1 to 53 (or negative)"),
    "BYMONTH": (_listed(1, 12), "months from 1 to 12"),
    "BYSETPOS": (_listed(1, 366, signed=True), "positions from 1 to 366 (or negative)"),
    "WKST": (lambda v: bool(re.match(rf"^{_WEEKDAY}$", v)), "a weekday: MO, TU, WE, TH, FR, SA or SU"),
}
#: podcast:updateFrequency@dtstart: "an ISO8601-formatted string" as JavaScript's Date.toISOString writes it
DTSTART = lazy(r"^(\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$")
DTSTART_HINT = "write a date, 'dtstart: 2026-09-07', or a date and time, 'dtstart: 2026-09-07T09:00:00Z'"


def is_dtstart(value: str) -> bool:
    """Whether ``value`` is an ISO 8601 date or date-time of a real day and time (not 2026-13-45, nor '2026-01-05
    09:00': a space for the T, which JavaScript's Date.parse reads in some browsers and not in others)."""
    found = DTSTART.match(value)
    if not found:
        return False
    try:
        date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return False
    return not found[4] or (int(found[5]) < 24 and int(found[6]) < 60 and int(found[8] or 0) < 61)


def rrule_problem(rrule: str, dtstart: str) -> tuple[str, str] | None:
    """What is wrong with ``update_frequency.rrule`` as podcast:updateFrequency asks for it (an iCalendar RFC 5545
    RRULE, and a ``dtstart`` written in the form of its UNTIL: a date with a date, a date-time with a date-time), as
    (message, hint); None when nothing is. Apps hand the rule to an iCalendar library, which refuses the whole rule."""
    example = "write e.g. 'rrule: FREQ=WEEKLY;BYDAY=MO' (RFC 5545: NAME=VALUE parts joined by ';', FREQ among them)"
    parts: dict[str, str] = {}
    for part in rrule.strip().split(";"):
        name, equals, value = part.partition("=")
        if not equals or not value or name.upper() not in RRULE_PARTS:
            return f"{quoted(rrule)} is not an iCalendar recurrence rule: {quoted(part)} is not one of its NAME=VALUE parts", example
        if name.upper() in parts:
            return f"{quoted(rrule)} gives {name.upper()} twice", "give each part once"
        parts[name.upper()] = value
    for name, value in parts.items():
        fits, form = RRULE_VALUES.get(name, (None, ""))
        if fits is not None and not fits(value.upper()):
            return f"{quoted(rrule)}: {name}={value} is not {form}", example
    if parts.get("FREQ", "").upper() not in FREQUENCIES:
        return (f"{quoted(rrule)} has no FREQ (one of {', '.join(FREQUENCIES)})" if "FREQ" not in parts else
                f"{quoted(rrule)}: FREQ={parts['FREQ']} is not one of {', '.join(FREQUENCIES)}"), example
    if "UNTIL" in parts and "COUNT" in parts:
        return f"{quoted(rrule)} has both UNTIL and COUNT; a rule ends one way", "keep UNTIL (the last date) or COUNT (how many)"
    until = parts.get("UNTIL", "")
    if until and not (RRULE_DATE.match(until) or RRULE_DATE_TIME.match(until)):
        return (f"{quoted(rrule)}: UNTIL={until} is not an iCalendar date (20261231) or date-time (20261231T090000Z)",
                "write UNTIL=YYYYMMDD, or YYYYMMDDTHHMMSSZ with a dtstart that has a time")
    if until and dtstart and bool(RRULE_DATE.match(until)) != ("T" not in dtstart):
        given = "a date" if "T" not in dtstart else "a date and time"
        return (f"UNTIL={until} and dtstart {quoted(dtstart)} are not the same kind: the namespace asks for dtstart in "
                f"UNTIL's form (a date with a date, a date-time with a date-time), and dtstart is {given}",
                "write both as dates (UNTIL=20261231, dtstart: 2026-01-05) or both with a time")
    return None


def _words(r: FieldReader) -> tuple[tuple[str, str], ...]:
    """``words:``, the show's own text for words of the default theme (read by :mod:`words`, loaded only then)."""
    if not r.has("words"):
        r.raw("words")
        return ()
    from .words import parse_words

    return parse_words(r, "words")


def _pairs(r: FieldReader, key: str) -> tuple[tuple[str, str], ...]:
    out = []
    for label, link in r.mapping(key).items():
        if isinstance(link, str) and is_url(link):
            out.append((str(label), link))
        else:
            r.fail(key, f"expected 'Label: https://…' lines, got {what_arrived(label)}: {what_arrived(link)}")
    return tuple(out)


def _local_file(r: FieldReader, base: Path, key: str, name: str) -> str:
    """A file reference that must stay inside ``base``: no absolute paths, no '..'."""
    spoofed = reordering(name)
    if spoofed:
        r.fail(key, spoofed, hint=f"rename the file without it, and write its new name in {SHOW_FILE}")
        return ""
    if not safe_relative(name):
        r.fail(key, f"file reference {quoted(name)} leaves the show folder", hint="use a path inside the folder, without '..' or a leading '/'",
               code="SRC040")
        return ""
    if not (base / name).is_file() and not (base / name).is_symlink():
        name = _unicode_twin(base, name)
    if not (base / name).is_file():
        if (base / name).is_symlink():
            r.fail(key, f"{name} is {sourcelinks.what(os.fspath(base / name), stat.S_IFLNK)}",
                   hint=f"put the file itself at {name} in place of the link", code="SRC041")
            return ""
        r.fail(key, f"file not found: {name}", hint=_missing_hint(base, key, name), code="SRC041")
        return ""
    if not (base / name).resolve().is_relative_to(base.resolve()):  # a symbolic link out of the show
        r.fail(key, f"{name} is a symbolic link to a file outside the show folder; it would be published",
               hint=f"copy the file itself to {name} instead of linking to it", code="SRC040")
        return ""
    trouble = next(filter(None, map(windows_trouble, name.split("/"))), "")
    if trouble:
        r.warn(key, "SRC049", f"{name}: {trouble}", hint=WINDOWS_HINT.format(
            what="the file", fix=windows_fix(name.rpartition("/")[2]), then=f" and write its new name in {SHOW_FILE}"))
    return name


def _unicode_twin(base: Path, name: str) -> str:
    """``name`` as the show's folder spells it when its file's name is the same in another Unicode form (accents stored
    apart from their letters, NFD, as macOS and archives may write names, where show.yml has them composed, NFC, or the
    reverse), else ``name``. The two look the same: "file not found: Épisode.png — the folder has Épisode.png: write
    'artwork: Épisode.png', or rename it to Épisode.png" stopped the build. The file is published under its own name,
    as an episode's are."""
    import unicodedata

    if name.isascii():
        return name
    there, _, file_name = name.rpartition("/")
    wanted = unicodedata.normalize("NFC", file_name)
    try:
        twins = [entry.name for entry in os.scandir(base / there) if unicodedata.normalize("NFC", entry.name) == wanted]
    except OSError:
        return name
    return f"{there}/{twins[0]}" if len(twins) == 1 and there else twins[0] if len(twins) == 1 else name


_IMAGE_TYPES = (".jpg", ".jpeg", ".png")


def _missing_hint(base: Path, key: str, name: str) -> str:
    """The fix for a show file that is not there: the images beside show.yml that could be it (artwork.png saved
    where show.yml says artwork.jpg, as 'mediafeed init' writes), else where to put it."""
    folder = (base / name).parent
    try:
        found = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _IMAGE_TYPES
                       and not p.name.startswith(".")) if folder.is_dir() else []
    except OSError:
        found = []
    if os.path.splitext(name)[1].lower() in _IMAGE_TYPES and found:
        there = name.rpartition("/")[0]
        named = [f"{there}/{f}" if there else f for f in found]
        if len(named) == 1:
            same_type = os.path.splitext(named[0])[1].lower() == os.path.splitext(name)[1].lower()
            # (not 'rename it' across types: a PNG named .jpg is ART004)
            return f"the folder has {named[0]}: write '{key}: {named[0]}'" + (f", or rename it to {name}" if same_type else "")
        return f"the folder has {', '.join(named[:5])}: name one of them, or put the file at {name}"
    return f"put the file at {name} or correct the name"


def safe_relative(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return False
    parts = name.split("/")
    return all(p not in ("", ".", "..") for p in parts)


PERSON_KEYS = {"name", "role", "group", "img", "href"}


def parse_person(r: FieldReader, value: Any, key: str) -> Person | None:
    if isinstance(value, str):
        return Person(name=close_directions(value.strip()))  # as a name given as name: is
    sub = r.sub(value, key)
    if not sub:
        return None
    role = sub.str("role", "host").lower()
    person = Person(
        name=sub.str("name", required=True),
        role=role,
        group=sub.str("group", default_group(role)).lower(),  # a producer is no member of the cast
        img=sub.url("img", https=True),
        href=sub.url("href"),
    )
    sub.unknown(PERSON_KEYS)
    r.adopt(sub)
    return person if person.name else None


def parse_funding(r: FieldReader, value: Any, key: str) -> Funding | None:
    sub = r.sub(value, key)
    if not sub:
        return None
    # (over 128 characters: "may be truncated by aggregators", a warning of the feed rules, PI009, as for a person's name)
    funding = Funding(url=sub.url("url", required=True), text=sub.str("text", required=True))
    sub.unknown({"url", "text"})
    r.adopt(sub)
    return funding if funding.url else None


def parse_license(r: FieldReader, value: Any, key: str) -> License | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = as_text(value)  # (as written: 'license: 0BSD' is an identifier; a number is looked up as one)
    if value is MISSING:
        return None
    if isinstance(value, str):
        lic: License | None = License(value.strip())
    elif not isinstance(value, dict):  # a date, true, binary data, a list: was no licence, without a word
        r.fail(key, f"expected a licence identifier such as CC-BY-4.0 or {{name: …, url: https://…}}, got "
               f"{what_arrived(value)}", hint=f"write e.g. '{key}: CC-BY-4.0'")
        return None
    elif not (sub := r.sub(value, key)):
        return None
    else:
        lic = License(sub.str("name", required=True), sub.url("url"))
        sub.unknown({"name", "url"})
        r.adopt(sub)
    if not lic or not lic.name:
        return None
    if not lic.url:
        from .licences import known_licence

        known = known_licence(lic.name)
        if not known:
            # license.md: "Custom licenses must always include a url attribute"; apps link a known one's own page
            r.fail(key, f"{quoted(lic.name)} is not an SPDX licence identifier or one of the namespace's licence slugs, and "
                   "a custom licence needs the address of its full text",
                   hint=f"write '{key}: {{name: {lic.name}, url: https://…}}', or an identifier such as CC-BY-4.0 or CC0-1.0")
            return None
        if known.lower() != lic.name.lower():
            r.fail(key, f"{quoted(lic.name)} is not written as a licence identifier; apps look up {quoted(known)}",
                   hint=f"write '{key}: {known}'")
            return None
    return lic


def parse_locations(r: FieldReader, value: Any, key: str) -> tuple[Location, ...]:
    """The places of ``key``: a name, a mapping, or a list of them. The namespace allows several podcast:location
    (docs/tags/location.md: "Count: Multiple"; where it was made, rel creator, and what it is about, rel subject); a
    list was dropped without a word."""
    if value is MISSING or value is None:
        return ()
    if not isinstance(value, list):
        found = parse_location(r, value, key, alone=True)
        return (found,) if found else ()
    places = (parse_location(r, item, f"{key}[{index}]") for index, item in enumerate(value))
    return tuple(place for place in places if place)


def parse_location(r: FieldReader, value: Any, key: str, alone: bool = False) -> Location | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = as_text(value)  # a place called by its number (a postcode), as written
    if isinstance(value, str):
        return Location(value.strip())
    if not isinstance(value, dict):  # (one in a list, a pair of an '!!omap', was dropped without a word)
        what = "a place name, a mapping {name, geo, osm, rel, country} or a list of them" if alone else \
            "a place name or a mapping {name, geo, osm, rel, country}"
        r.fail(key, f"expected {what}, got {what_arrived(value)}")
        return None
    sub = r.sub(value, key)
    if not sub:
        return None
    loc = Location(sub.str("name", required=True), sub.str("geo"), sub.str("osm"),
                   rel=sub.choice("rel", ("subject", "creator"), "subject") if sub.has("rel") else "",
                   country=sub.str("country").upper())
    # (a name over 128 characters "may be truncated by aggregators": the feed rules' warning, PI022)
    if loc.geo and not GEO_URI.match(loc.geo):
        sub.fail("geo", f"expected a geo URI such as 'geo:53.48,-2.24', got {quoted(loc.geo)}", hint="write 'geo:LATITUDE,LONGITUDE' (RFC 5870)")
    elif loc.geo and not on_earth(loc.geo):
        sub.fail("geo", f"{quoted(loc.geo)} is not a place: RFC 5870 has latitudes from -90 to 90 and longitudes from -180 to 180",
                 hint="write 'geo:LATITUDE,LONGITUDE', latitude first (north positive), e.g. 'geo:51.4545,-2.5879' for Bristol")
        loc = replace(loc, geo="")  # (reported here: not again by the feed's own check)
    if loc.osm and not re.match(r"^[NWR]\d+(#\d+)?$", loc.osm):
        sub.fail("osm", f"expected an OpenStreetMap id such as 'R113314', got {quoted(loc.osm)}",
                 hint="N, W or R (node, way, relation) followed by the number")
    if loc.country and not re.match(r"^[A-Z]{2}$", loc.country):
        sub.fail("country", f"expected a two-letter ISO 3166-1 country code such as 'GB', got {quoted(loc.country)}")
    sub.unknown({"name", "geo", "osm", "rel", "country"})
    r.adopt(sub)
    return loc if loc.name else None


def on_earth(geo: str) -> bool:
    """Whether a geo URI's latitude and longitude are within RFC 5870's ranges (a swapped pair often is not)."""
    latitude, longitude = (float(n) for n in geo[4:].split(";")[0].split(",")[:2])
    return -90 <= latitude <= 90 and -180 <= longitude <= 180


GEO_URI = lazy(r"^geo:-?\d+(\.\d+)?,-?\d+(\.\d+)?(,-?\d+(\.\d+)?)?(;[^\s]*)?$")
SERVICE_SLUG = lazy(r"^[a-z0-9][a-z0-9-]*$")
#: the namespace's service slug list (serviceslugs.txt), which podcast:block's id takes an entry of (block.md): a
#: service reads only its own slug, so a slug outside the list blocks no one
SERVICE_SLUGS = frozenset("""acast amazon anchor apple audible audioboom backtracks bitcoin blubrry buzzsprout captivate
    castos castopod facebook fireside fyyd google gpodder hypercatcher kasts libsyn mastodon megafono megaphone omnystudio
    overcast paypal pinecast podbean podcastaddict podcastguru podcastindex podcasts podchaser podcloud podfriend podiant
    podigee podnews podomatic podserve podverse redcircle relay resonaterecordings rss shoutengine simplecast slack
    soundcloud spotify spreaker tiktok transistor twitter whooshkaa youtube zencast""".split())


def parse_txt(r: FieldReader, key: str) -> tuple[tuple[str, str], ...]:
    """``txt``: free text, or ``{purpose: …, value: …}`` entries (podcast:txt)."""
    out: list[tuple[str, str]] = []
    for item in r.list(key):
        if isinstance(item, str):
            purpose, value = "", item
        elif isinstance(item, dict) and isinstance(item.get("value"), (str, bool, int)) \
                and (item.get("purpose") is None or isinstance(item["purpose"], (str, int, float))):
            raw = item["value"]
            purpose, value = as_text(item.get("purpose") or ""), (str(raw).lower() if isinstance(raw, bool) else as_text(raw))
        else:
            r.fail(key, f"expected text or {{purpose: …, value: …}}, got {_entry(item)}", hint="write e.g. '- {purpose: verify, value: abc123}'")
            continue
        if not value.strip():
            r.fail(key, "a podcast:txt entry has no value: it would be an empty tag", hint="give its text, or remove it")
            continue
        if purpose == "ai-content" and value.strip() not in ("true", "false"):
            # (txt.md: the ai-content purpose holds a boolean, read "exactly like itunes:explicit")
            r.fail(key, f"a podcast:txt with purpose 'ai-content' says true or false, got {quoted(value.strip())}",
                   hint="write '{purpose: ai-content, value: true}' if AI-generated content was used, else false")
        # (a value over 4000 characters, a purpose over 128, "may be truncated": the feed rules' warning, PI022)
        out.append((purpose, value.strip()))
    return tuple(out)


def _entry(item: Any) -> str:
    """What a txt entry of another form holds, in words: the value of a mapping (its purpose is text already)."""
    if isinstance(item, dict):  # (a purpose that is a list was published as Python writes it: "['a']")
        wrong = "value" if not isinstance(item.get("value"), (str, bool, int)) else "purpose"
        return f"a mapping whose {wrong} is {what_arrived(item.get(wrong))}"
    return what_arrived(item)


def parse_block(r: FieldReader) -> tuple[bool, tuple[str, ...]]:
    """``block: true`` hides the show everywhere; ``block: [google, amazon]`` only from those services."""
    value = r.raw("block")
    if value is MISSING or isinstance(value, bool) or isinstance(value, str) and value.lower() in {"true", "false", "yes", "no"}:
        return bool(r.bool("block", False)), ()
    services = r.str_list("block")
    bad = [s for s in services if not SERVICE_SLUG.match(s)]
    if bad:
        r.fail("block", f"expected true, false or a list of service slugs (apple, spotify, google, …), got {quoted(bad[0])}",
               hint="use slugs from the Podcast Index service slug list, lower case")
    for slug in (s for s in services if SERVICE_SLUG.match(s) and s not in SERVICE_SLUGS):
        import difflib

        close = difflib.get_close_matches(slug, sorted(SERVICE_SLUGS), n=1)
        r.warn("block", "PI025", f"{quoted(slug)} is not in the namespace's service slug list: no service reads "
               f"podcast:block id={quoted(slug)}, so it blocks no one",
               hint=f"did you mean '{close[0]}'?" if close else "use a slug from the Podcast Index's serviceslugs.txt "
               "(a service not yet listed there reads no block of its own)")
    return False, tuple(s for s in services if SERVICE_SLUG.match(s))
