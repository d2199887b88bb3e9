"""Channel rules for any RSS feed: Apple, Spotify, PSP-1 and the ``podcast:`` namespace.

Each function takes a parsed :class:`FeedDoc` and returns problems whose
``file`` is the feed's path or URL and whose ``field`` names the element
(``itunes:category@text``), so the same rules serve shows and feeds from the web.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from ..addresses import ONION, loopback, url_fault
from ..categories import APPLE_CATEGORIES, closest_category, is_category
from ..config import MEDIUMS, plain_uuid, podcast_guid
from ..errors import Problem, Severity
from ..lazypattern import lazy
from ..numbers import shown
from ..social import OWN_SCHEMES
from ..source import HTML_TAG, TAG_LIKE, quoted
from ..taxonomy import PERSON_GROUPS, PERSON_ROLES, role_groups
from .activehtml import check_active
from .feedxml import ATOM, FeedDoc, child, children, children_by_tag, q, text
from .namespace import check_itunes_names, check_namespace
from .podlove import check_psc
from .rules import problem
from .value import check_value_and_social

DESCRIPTION_LIMIT = 4000
LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[A-Za-z0-9]{1,8})*$")
#: ISO 639-1 (the two-letter codes Apple asks for; from the iso-codes package's ISO 639-2 table), and the withdrawn
#: iw, in, ji, jw and mo that older feeds and Java still write for he, id, yi, jv and ro
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es
et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj
kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti
tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu iw in ji jw mo""".split())
URL = re.compile(r"^https?://[^\s/]+\S*$", re.I)
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png")
#: the channel's elements that hold one value (SHOW030; itunes:image is SHOW028)
CHANNEL_SINGLES = ("title", "link", "language", "itunes:author", "itunes:explicit", "itunes:type", "itunes:block",
                   "itunes:complete", "itunes:new-feed-url", "podcast:guid", "podcast:locked", "podcast:medium",
                   "description", "itunes:summary", "itunes:subtitle", "copyright")
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
RFC2822 = re.compile(rf"^(?:(?P<day>Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?\d{{1,2}}\s+(?:{_MONTHS})\s+(?P<year>\d{{4}})\s+"
                     r"\d{2}:\d{2}(?::\d{2})?\s+(?P<zone>[+-]\d{4}|UT|GMT|Z|[ECMP][SD]T)$", re.ASCII)
#: RFC 2822's date-time ends in [CFWS]: a comment after the zone (``+0000 (UTC)``, as mail programs write it)
_COMMENT_AFTER = re.compile(r"\s*\((?P<comment>[^()\\]*)\)\s*$")
#: an RFC 2822 date but for its zone: the zone apps may not read
_OTHER_ZONE = lazy(RFC2822.pattern.replace(r"(?P<zone>[+-]\d{4}|UT|GMT|Z|[ECMP][SD]T)", r"(?P<zone>\S+)"), re.ASCII)
_DOUBLE_ESCAPED = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-fA-F]+);")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
#: what mail providers accept as an address, roughly: one '@', no spaces, a dot in the domain
EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}$")


#: the form mediafeed writes (:func:`dates.rfc2822`): day, date, a year from 1000 (email.utils moves two-digit
#: years), time with seconds, numeric zone, single spaces
_CANONICAL = re.compile(rf"^({'|'.join(_DAYS)}), (\d\d) ({_MONTHS}) ([1-9]\d{{3}}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$", re.ASCII)
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}


def _canonical_date(value: str) -> datetime | None:
    """``email.utils.parsedate_to_datetime(value)`` for a date in the form mediafeed writes (raising the same
    ``ValueError`` for a date that does not exist), without importing the email package and the socket module
    behind it (~10 ms of every build's start-up, which lints its own feed's dates); None for any other form."""
    match = _CANONICAL.match(value.strip())
    if not match:
        return None
    _, day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
    offset = int(zone_hours) * 3600 + int(zone_minutes) * 60
    moment = datetime(int(year), _MONTH_NUMBERS[month], int(day), int(hour), int(minute), int(second))
    if offset == 0 and sign == "-":  # "-0000": a local time in an unknown zone, naive as email.utils makes it
        return moment
    return moment.replace(tzinfo=timezone(timedelta(seconds=-offset if sign == "-" else offset)))


def _parse_date(value: str) -> datetime | None:
    moment = _canonical_date(value)
    if moment is not None:
        return moment
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime(value)


def check_date(value: str) -> tuple[str, Severity | None]:
    """("", None) when ``value`` is a correct RFC 2822 date, else (what is wrong, severity)."""
    wrong, severity, _ = read_date(value)
    return wrong, severity


def read_date(value: str) -> tuple[str, Severity | None, datetime | None]:
    """:func:`check_date`, and the moment ``value`` names when it is a real date (also when only its day name is
    wrong); None otherwise."""
    match = RFC2822.match(value.strip())
    comment = None if match else _COMMENT_AFTER.search(value.strip())
    if comment and RFC2822.match(value.strip()[:comment.start()]):
        # RFC 2822 allows it, and feedparser, podcastparser and partytime read the date; the W3C feed validator
        # (and the validators built on it) calls it "problematical": a warning, not the error an unread date is
        wrong, severity, moment = read_date(value.strip()[:comment.start()])
        return wrong or (f"{quoted(value, 200)}: a comment ({quoted(comment.group('comment'), 200)}) after the time zone, which RFC 2822 "
                         "allows and the usual parsers read past, but the W3C feed validator calls problematical"), \
            severity or Severity.WARNING, moment
    if not match:
        zone = _OTHER_ZONE.match(value.strip())
        if zone:  # 'UTC', 'GMT+1', '+01:00', 'CET': the date was right, the message named nothing to change
            return (f"{quoted(value, 200)} is not an RFC 2822 date: its time zone {quoted(zone.group('zone'), 200)} is not one RFC 2822 "
                    "knows (a numeric offset such as +0000 or +0100, or GMT)", Severity.ERROR, None)
        return (f"{quoted(value, 200)} is not an RFC 2822 date", Severity.ERROR, None)
    if match.group("year") < "1000":  # '0026': email.utils reads it as 2026, other parsers as the year 26
        return (f"{quoted(value, 200)}: the year {match.group('year')} is not a real publication year (apps read it as the year "
                f"{int(match.group('year'))} or as {2000 + int(match.group('year')) if int(match.group('year')) < 69 else 1900 + int(match.group('year'))})",
                Severity.ERROR, None)
    try:
        moment = _parse_date(value)
    except (TypeError, ValueError, IndexError):
        return (f"{quoted(value, 200)} is not a real date", Severity.ERROR, None)
    if moment is None:
        return (f"{quoted(value, 200)} is not a real date", Severity.ERROR, None)
    offset = match.group("zone")
    if offset[0] in "+-" and (int(offset[3:]) > 59 or int(offset[1:]) > (1400 if offset[0] == "+" else 1200)):
        return (f"{quoted(value, 200)}: the time zone {offset} is no zone on earth (they run from -1200 to +1400, minutes below 60), "
                f"and apps read it as an offset all the same, moving the episode by it", Severity.WARNING, moment)
    day = match.group("day")
    if day and value.strip()[4:5] not in (" ", "\t", "\n", "\r"):  # 'Mon,04 Mar …': RFC 2822 allows it; feedparser
        return (f"{quoted(value, 200)}: no space after the day name's comma, and feedparser (and the apps and aggregators built "
                "on it) then reads no date at all", Severity.WARNING, moment)
    if day and _DAYS[moment.weekday()] != day:
        return (f"{quoted(value, 200)}: the day name says {day} but the date is a {_DAYS[moment.weekday()]}", Severity.WARNING, moment)
    return "", None, moment


def date_hint() -> str:
    return "write e.g. 'Sat, 15 Jun 2019 19:00:00 +0000' (English names, numeric time zone)"


def self_url(doc: FeedDoc) -> str:
    for link in doc.channel.iterchildren("{%s}link" % ATOM):
        if (link.get("rel") or "") == "self" and link.get("href"):
            return link.get("href").strip()
    return ""


def double_escaped(doc: FeedDoc, element: Any, where: str, episode: str = "") -> list[Problem]:
    if element is None or not element.text:
        return []
    found = _DOUBLE_ESCAPED.search(element.text)
    if not found:
        return []
    return [problem("XML005", doc.source, f"the text contains {quoted(found.group(0), 200)}, which apps show literally",
                    field=where, episode=episode, hint="escape '&' once; write the character itself")]


#: the longest titles the Podcast Index keeps, in characters: its database's columns (Podcastindex-org/database,
#: pcapi_schema.sql: newsfeeds.title varchar(768), nfitems.title varchar(1024)); what is longer is cut there. Apple
#: and Spotify publish no figure (Apple's guide: a title stuffed with keywords can get a show removed)
LONG_SHOW_TITLE, LONG_TITLE = 768, 1024


def long_title(code: str, src: str, title: str, episode: str) -> Problem:
    """SHOW033 or EP136: a title longer than the Podcast Index keeps."""
    limit = LONG_TITLE if episode else LONG_SHOW_TITLE
    whose = "an episode's" if episode else "a show's"
    return problem(code, src, f"the title {shown(title, 40)} is longer than the {limit:,} characters the Podcast Index "
                   f"keeps of {whose} title: it cuts the rest, and apps show a line or two", field="title",
                   episode=episode, hint="shorten it to a few words (say what it is about in the description or the "
                   "notes); Apple's guide warns that a title stuffed with keywords can get a show removed")


#: the longest value of an itunes: tag but itunes:summary, in characters: Apple's podcast specification for iTunes
#: ("Values are limited to 255 characters, except for itunes:summary which can be up to 4000 characters"); its
#: present guide gives no other figure for these tags
ITUNES_TEXT_LIMIT = 255
#: the itunes: tags holding text apps show, and how to shorten each
_ITUNES_TEXTS = {"itunes:title": "the title alone, without the show's name or numbers",
                 "itunes:subtitle": "a line of a few words; the description says the rest",
                 "itunes:author": "the person, group or company alone"}


def long_itunes_texts(doc: FeedDoc, element: Any, code: str, episode: str = "") -> list[Problem]:
    """SHOW034 or EP138: an itunes:title, itunes:subtitle or itunes:author of ``element`` (the channel, an item)
    longer than Apple's 255 characters."""
    out = []
    for name, fix in _ITUNES_TEXTS.items():
        value = text(doc, element, name) or ""
        if len(value) > ITUNES_TEXT_LIMIT:
            out.append(problem(code, doc.source, f"{name} {quoted(value, 40)} is {len(value):,} characters; Apple's "
                               f"podcast specification takes at most {ITUNES_TEXT_LIMIT} in its tags (itunes:summary "
                               "excepted)", field=name, episode=episode, hint=f"shorten it to {fix}"))
    return out


def check_channel(doc: FeedDoc) -> list[Problem]:
    ch, src = doc.channel, doc.source
    out: list[Problem] = []

    title = text(doc, ch, "title")
    if not title:
        out.append(problem("SHOW001", src, "the channel has no <title>", field="title", hint="add <title>Show name</title>"))
    elif HTML_TAG.search(title):
        out.append(problem("SHOW026", src, f"the title {shown(title, 120)} contains HTML ({HTML_TAG.search(title).group(0)}); apps show "  # type: ignore[union-attr]
                           "titles as plain text, tags and all", field="title", hint="write the title as plain text"))
    elif found := bracketed_title("SHOW035", src, title, ""):
        out.append(found)
    if len(title or "") > LONG_SHOW_TITLE:
        out.append(long_title("SHOW033", src, title or "", ""))
    out += double_escaped(doc, ch.find("title"), "title")

    description = text(doc, ch, "description")
    if not description:
        summary = text(doc, ch, "itunes:summary")
        out.append(problem("SHOW002", src, "the channel has no <description>" + (" (itunes:summary is not enough)" if summary else ""),
                           field="description", hint="describe the show in <description> (up to 4000 bytes)"))
    elif len(description.encode("utf-8")) > DESCRIPTION_LIMIT:
        out.append(problem("SHOW003", src, f"the description is {len(description.encode('utf-8'))} bytes; the limit is 4000",
                           field="description", hint="shorten it; put the long text on the website"))
    summary = text(doc, ch, "itunes:summary")
    if summary and summary != description and len(summary.encode("utf-8")) > DESCRIPTION_LIMIT:
        out.append(problem("SHOW003", src, f"itunes:summary is {len(summary.encode('utf-8'))} bytes; the limit is 4000",
                           field="itunes:summary", hint="shorten it, or remove it: Apple reads <description>"))

    out += check_active(doc, ch, ("description", "itunes:summary"), "SHOW031")

    link = text(doc, ch, "link")
    if not link:
        out.append(problem("SHOW004", src, "the channel has no <link> to the show's website", field="link",
                           hint="add <link>https://…</link>"))
    elif not URL.match(link):
        out.append(problem("SHOW004", src, f"the channel <link> {quoted(link, 200)} is not an absolute http(s) URL", field="link",
                           hint="write the website's full address, e.g. <link>https://example.org/</link>"))

    language = text(doc, ch, "language")
    if not language:
        out.append(problem("SHOW005", src, "the channel has no <language>", field="language", hint="add <language>en</language>"))
    elif not LANGUAGE.match(language) or (len(language.split("-")[0]) == 2 and language.split("-")[0].lower() not in ISO_639_1):
        out.append(problem("SHOW006", src, f"{quoted(language, 200)} is not an ISO 639 language code", field="language",
                           hint="write e.g. 'en', 'en-gb' or 'de'"))

    out += _image(doc)
    from .rssimage import check_rss_image  # here: it builds on this module's URL and insecure_image

    out += check_rss_image(doc)
    out += _category(doc)
    out += _explicit(doc, ch, "itunes:explicit", "SHOW011", "SHOW012")

    if not self_url(doc):
        out.append(problem("SHOW013", src, "no <atom:link rel=\"self\"> with the feed's own URL", field="atom:link",
                           hint='add <atom:link href="https://…/feed.xml" rel="self" type="application/rss+xml"/>'))
    elif not URL.match(self_url(doc)):
        out.append(problem("SHOW013", src, f"atom:link rel=\"self\" is {quoted(self_url(doc), 200)}, not the feed's full URL",
                           field="atom:link", hint='write href="https://…/feed.xml": apps and the Podcast Index use it as the feed\'s address'))

    out += long_itunes_texts(doc, ch, "SHOW034")
    if not text(doc, ch, "itunes:author"):
        out.append(problem("SHOW014", src, "the channel has no <itunes:author>", field="itunes:author",
                           hint="add <itunes:author>Your name or organisation</itunes:author>"))
    owner = child(doc, ch, "itunes:owner")
    email = text(doc, owner, "itunes:email") if owner is not None else None
    if not email:
        out.append(problem("SHOW015", src, "no <itunes:owner> with an <itunes:email>", field="itunes:owner",
                           hint="add <itunes:owner><itunes:name>…</itunes:name><itunes:email>…</itunes:email></itunes:owner>"))
    elif not EMAIL.match(email):
        out.append(problem("SHOW015", src, f"itunes:email {quoted(email, 200)} is not an e-mail address", field="itunes:owner/itunes:email",
                           hint="write the address alone, e.g. <itunes:email>you@example.org</itunes:email>: "
                           "Apple and Spotify send ownership verification there"))

    show_type = text(doc, ch, "itunes:type")
    if show_type is not None and show_type not in ("episodic", "serial"):
        out.append(problem("SHOW016", src, f"itunes:type is {quoted(show_type, 200)}; expected 'episodic' or 'serial'", field="itunes:type",
                           hint="write <itunes:type>episodic</itunes:type> (newest first) or serial (in order)"))

    copyright_ = text(doc, ch, "copyright")
    if copyright_ and ("©" in copyright_ or "copyright" in copyright_.lower() or "(c)" in copyright_.lower()
                       or _YEAR.search(copyright_)):
        out.append(problem("SHOW018", src, f"copyright {quoted(copyright_, 200)} contains '©', 'Copyright' or a year", field="copyright",
                           hint="PSP-1: give just the holder, e.g. 'Jane Doe'"))

    for name in ("itunes:block", "itunes:complete"):
        value = text(doc, ch, name)
        if value is not None and value != "Yes":
            out.append(problem("SHOW019", src, f"{name} is {quoted(value, 200)}; only 'Yes' has an effect", field=name,
                               hint=f"write <{name}>Yes</{name}>, or remove the element"))

    new_url = text(doc, ch, "itunes:new-feed-url")
    if new_url is not None and not re.match(r"^https?://\S+$", new_url):
        out.append(problem("SHOW020", src, f"itunes:new-feed-url is {quoted(new_url, 200)}, not an absolute URL", field="itunes:new-feed-url",
                           hint="give the full new feed URL, and answer the old URL with a 301"))

    for name in ("pubDate", "lastBuildDate"):
        value = text(doc, ch, name)
        if value:
            wrong, _ = check_date(value)
            if wrong:
                out.append(problem("SHOW021", src, wrong, field=name, hint=date_hint()))

    out += conflicting(doc, ch, CHANNEL_SINGLES, "SHOW030")
    channels = [element for element in doc.root if element.tag == "channel"]
    if len(channels) > 1:  # RSS 2.0 has one; apps read the first and never see the others' episodes
        lost = sum(1 for extra in channels[1:] for element in extra if element.tag == "item")
        out.append(problem("SHOW029", src, f"the feed has {len(channels)} <channel> elements; apps read the first "
                           f"({len(doc.items())} episodes) and never see the rest ({lost} more episodes)", field="channel",
                           hint="merge them into one <channel>: the show's elements once, then every <item>"))
    if not doc.items():
        stray = sum(1 for element in doc.root.iter("item") if element.getparent() is not ch)
        if stray:  # <rss><channel>…</channel><item>…: every app sees a show without episodes
            out.append(problem("SHOW022", src, f"the feed has {stray} <item> element{'s' if stray > 1 else ''} outside "
                               "<channel>, where apps do not look: they see no episodes", field="item", severity=Severity.ERROR,
                               hint="move every <item> inside <channel>, after the channel's own elements"))
        else:
            out.append(problem("SHOW022", src, "the feed has no episodes (<item>)", field="item",
                               hint="Apple accepts a show only with at least one episode"))
    out += check_podcast_channel(doc)
    out += check_psc(doc, ch, "")
    out += check_itunes_names(doc, ch, "")
    return out


def _image(doc: FeedDoc) -> list[Problem]:
    images = children(doc, doc.channel, "itunes:image")
    image = images[0] if images else None
    href = (image.get("href") or "").strip() if image is not None else ""
    if not href:
        misplaced = next((name for name in ("url", "src") if image is not None and image.get(name)), "")
        return [problem("SHOW007", doc.source, "no <itunes:image href=…> (show artwork)"
                        + (f": the URL is in a {misplaced}= attribute, which apps do not read" if misplaced else ""),
                        field="itunes:image@href" if image is not None else "itunes:image",
                        hint='add <itunes:image href="https://…/artwork.jpg"/> (square JPEG/PNG, 1400–3000 px)')]
    if not URL.match(href):
        return [problem("SHOW007", doc.source, f"the show artwork URL {quoted(href, 200)} is not an absolute http(s) URL: apps do not "
                        "resolve it against the feed's address, and show no artwork", field="itunes:image@href",
                        hint='write the full address, e.g. <itunes:image href="https://…/artwork.jpg"/>')]
    fault = url_fault(image.get("href") or "")  # type: ignore[union-attr]
    if fault:
        return [problem("SHOW007", doc.source, f"the show artwork URL {quoted(href, 200)} {fault.reason}", field="itunes:image@href",
                        hint=fault.hint, severity=None if fault.blocking else Severity.WARNING)]
    out = []
    others = sorted({(i.get("href") or "").strip() for i in images[1:]} - {href})
    if others:
        out.append(problem("SHOW028", doc.source, f"{len(images)} <itunes:image> elements ({href}, {', '.join(others)}); "
                           "apps pick different ones", field="itunes:image", hint="keep one <itunes:image> in the channel"))
    if not href.split("?", 1)[0].lower().endswith(IMAGE_EXTENSIONS):
        out.append(problem("SHOW008", doc.source, f"artwork URL {href} does not end in .jpg or .png", field="itunes:image@href",
                           hint="publish the artwork under a name ending in .jpg or .png"))
    out += insecure_image(doc, href, "SHOW027")
    return out


def insecure_image(doc: FeedDoc, href: str, code: str, episode: str = "") -> list[Problem]:
    """SHOW027/EP127: artwork over plain http: web players on https pages block it (mixed content), and apps
    that allow only https (iOS App Transport Security) show no artwork."""
    if not href.lower().startswith("http://") or loopback(href):
        return []
    return [problem(code, doc.source, f"artwork URL {href} is http://, not https://: web players and apps that load only "
                    "https show no artwork", field="itunes:image@href",
                    episode=episode, hint="serve the artwork over https and use the https:// URL")]


def _category(doc: FeedDoc) -> list[Problem]:
    first = child(doc, doc.channel, "itunes:category")
    if first is None:
        return [problem("SHOW009", doc.source, "no <itunes:category>", field="itunes:category",
                        hint='add <itunes:category text="…"/> from Apple\'s list, e.g. "Technology"')]
    name = (first.get("text") or "").strip()
    if not name:
        content = (first.text or "").strip()
        return [problem("SHOW010", doc.source, "itunes:category has no text attribute" + (
            f" ({quoted(content, 200)} is its content, which apps do not read)" if content else ""), field="itunes:category@text",
            hint=f'write <itunes:category text="{content or "Technology"}"/>: the name goes in the text attribute')]
    if name not in APPLE_CATEGORIES:
        return [problem("SHOW010", doc.source, f"{quoted(name, 200)} is not an Apple Podcasts category", field="itunes:category@text",
                        hint=_category_hint(name))]
    out = [_further_category(doc, name, other) for other in children(doc, doc.channel, "itunes:category")[1:]]
    return _spaced(doc, first, "itunes:category@text") + [p for p in out if p] + _subcategory(doc, first, name)


def _spaced(doc: FeedDoc, element: Any, field: str) -> list[Problem]:
    """SHOW010 as a warning: a category name with spaces around it in text="…" ('Science '). The W3C validator (so
    Cast Feed Validator) compares it exactly and calls it invalid, feedparser keeps the spaces; partytime trims."""
    raw = element.get("text") or ""
    if raw == raw.strip():
        return []
    return [problem("SHOW010", doc.source, f"the category {quoted(raw, 200)} has spaces around it: Apple's list is matched exactly "
                    "(the W3C validator calls it invalid; feedparser keeps the spaces)", field=field,
                    severity=Severity.WARNING, hint=f'write text="{raw.strip()}"'.replace("&", "&amp;"))]


def _further_category(doc: FeedDoc, first: str, element: Any) -> Problem | None:
    """A second (third, …) top-level itunes:category: Apple reads only the first, other directories all of them. A
    subcategory written beside its category instead of inside it (Science, then Earth Sciences: Apple lists the show
    under Science alone) or a name off Apple's list was passed without a word."""
    name = (element.get("text") or "").strip()
    if name in APPLE_CATEGORIES:
        return None
    parents = [category for category, subs in APPLE_CATEGORIES.items() if name in subs]
    if parents:
        parent = first if first in parents else parents[0]
        return problem("SHOW010", doc.source, f"{quoted(name, 200)} is a subcategory of {quoted(parent, 200)} but stands beside the categories, "
                       "not inside one: Apple lists the show without it", field="itunes:category@text",
                       severity=Severity.WARNING, hint=f'nest it: <itunes:category text="{parent}"><itunes:category '
                       f'text="{name}"/></itunes:category>'.replace("&", "&amp;"))
    return problem("SHOW010", doc.source, f"{quoted(name, 200)} (a further itunes:category) is not an Apple Podcasts category: "
                   "directories that read every category ignore it", field="itunes:category@text",
                   severity=Severity.WARNING, hint=_category_hint(name, ", or remove it"))


def _category_hint(name: str, tail: str = "") -> str:
    meant = closest_category(name)
    if meant:
        return f'write <itunes:category text="{meant}"/>'.replace("&", "&amp;") + tail
    return "use a category from Apple's list (mind '&amp;' and capitals)" + tail


def _subcategory(doc: FeedDoc, first: Any, name: str) -> list[Problem]:
    sub = child(doc, first, "itunes:category")
    if sub is not None:
        sub_name = (sub.get("text") or "").strip()
        if not is_category(name, sub_name):
            options = ", ".join(APPLE_CATEGORIES[name]) or "none"
            return [problem("SHOW010", doc.source, f"{quoted(sub_name, 200)} is not a subcategory of {quoted(name, 200)}",
                            field="itunes:category/itunes:category@text", hint=f"subcategories of {name}: {options}")]
        return _spaced(doc, sub, "itunes:category/itunes:category@text")
    return []


def _explicit(doc: FeedDoc, parent: Any, name: str, missing: str, wrong: str, episode: str = "") -> list[Problem]:
    value = text(doc, parent, name)
    if value is None:
        if not missing:
            return []
        return [problem(missing, doc.source, f"no <{name}>", field=name, episode=episode,
                        hint=f"add <{name}>false</{name}> (or true)")]
    if value in ("true", "false"):
        return []
    if value.lower() in ("yes", "no", "clean", "true", "false"):
        return [problem(wrong, doc.source, f"{name} is {quoted(value, 200)}; Apple and PSP-1 now use 'true' or 'false'", field=name,
                        episode=episode, severity=Severity.WARNING,
                        hint=f"write <{name}>{'true' if value.lower() in ('yes', 'true') else 'false'}</{name}>")]
    return [problem(wrong, doc.source, f"{name} is {quoted(value, 200)}; expected 'true' or 'false'", field=name, episode=episode,
                    hint=f"write <{name}>false</{name}> (or true)")]


# -- podcast: namespace ------------------------------------------------------------------------------

_SCHEME = lazy(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S")  #: an absolute URI (RFC 3986 scheme)
_URL_ATTRIBUTES = ("url", "href", "img", "uri", "feedUrl", "image", "accountUrl")


def _guid_hint(url: str, verb: str) -> str:
    """What to write in podcast:guid, with the value itself when the feed's URL is known (the producer of a feed
    made by another tool cannot easily compute a UUIDv5)."""
    if not url:
        return f"{verb} the UUIDv5 of the feed URL (namespace ead4c236-bf58-58c6-a2c6-a6b28d128cb6, over the URL without " \
               "its scheme and trailing slashes)"
    return f"{verb} <podcast:guid>{podcast_guid(url)}</podcast:guid>, the UUIDv5 of {url}; keep it even if the feed moves"


def check_podcast_channel(doc: FeedDoc) -> list[Problem]:
    ch, src = doc.channel, doc.source
    out: list[Problem] = []
    guid = text(doc, ch, "podcast:guid")
    url = self_url(doc) if URL.match(self_url(doc)) else ""  # a relative one is SHOW013, not a GUID question
    url = url or (src if src.startswith(("http://", "https://")) else "")
    if guid is None:
        out.append(problem("SHOW025", src, "no <podcast:guid>", field="podcast:guid", hint=_guid_hint(url, "add")))
    else:
        try:
            value = plain_uuid(guid)  # (uuid itself is imported only for a UUID not written plainly)
        except ValueError:
            out.append(problem("PI001", src, f"podcast:guid {quoted(guid, 200)} is not a UUID", field="podcast:guid",
                               hint=_guid_hint(url, "write")))
        else:
            if guid.lower() != value:  # braces, 'urn:uuid:', no hyphens: Python reads them, apps compare text
                out.append(problem("PI001", src, f"podcast:guid {quoted(guid, 200)} is not written as a plain UUID", field="podcast:guid",
                                   hint=f"write {value} (lower case, 8-4-4-4-12 digits, no braces or prefix)"))
            # uuid.UUID(value).version: the 13th digit, for the RFC 4122 variant (10xx in the 17th digit) only
            version = int(value[14], 16) if int(value[19], 16) & 0xC == 0x8 else None
            if version != 5:
                out.append(problem("PI002", src, f"podcast:guid {guid} is a version {version} UUID, not version 5",
                                   field="podcast:guid",
                                   hint="if the Podcast Index already lists the show under it, keep it (the GUID is kept "
                                   "forever); otherwise " + _guid_hint(url, "write")))
            elif url and value != podcast_guid(url):
                out.append(problem("PI003", src, f"podcast:guid {guid} is not the UUIDv5 of {url} ({podcast_guid(url)})",
                                   field="podcast:guid", hint="fine if the feed moved; otherwise compute it from the feed URL"))
    locked = child(doc, ch, "podcast:locked")
    if locked is None:
        out.append(problem("SHOW024", src, "no <podcast:locked>", field="podcast:locked",
                           hint='add <podcast:locked owner="you@example.org">yes</podcast:locked>'))
    else:
        written = (locked.text or "").strip()
        state = written.lower()
        if state not in ("yes", "no"):
            out.append(problem("PI005", src, f"podcast:locked is {quoted(locked.text or '', 200)}; expected 'yes' or 'no'", field="podcast:locked",
                               hint="write <podcast:locked>yes</podcast:locked> (other platforms may not import the feed) or no"))
        elif written != state:
            # the namespace: "The node value must be "yes" or "no""; partytime (Podverse's parser) lower-cases it before
            # comparing, a strict reader need not
            out.append(problem("PI005", src, f"podcast:locked is {quoted(written, 200)}; the namespace writes it in lower case, {quoted(state, 200)}",
                               field="podcast:locked", severity=Severity.WARNING, hint=f"write <podcast:locked>{state}</podcast:locked>"))
        if state == "yes" and not (locked.get("owner") or "").strip():
            out.append(problem("PI006", src, "podcast:locked has no owner e-mail", field="podcast:locked@owner",
                               hint="add owner=\"you@example.org\" so platforms can verify you"))
        elif state in ("yes", "no") and (locked.get("owner") or "").strip() and not EMAIL.match(locked.get("owner").strip()):
            out.append(problem("PI006", src, f"podcast:locked owner {quoted(locked.get('owner').strip(), 200)} is not an e-mail address",
                               field="podcast:locked@owner", hint="write owner=\"you@example.org\" so platforms can verify you"))
    medium = text(doc, ch, "podcast:medium")
    if medium is not None and medium not in MEDIUMS:
        out.append(problem("PI011", src, f"podcast:medium {quoted(medium, 200)} is not in the namespace's list", field="podcast:medium",
                           hint="use e.g. podcast, music, video, audiobook, newsletter, blog"))
    out += podcast_common(doc, ch, "")
    return out




def _own_scheme(node: Any, attribute: str, value: str) -> bool:
    """A socialInteract root post in its protocol's own scheme (a Bluesky post's at://…, a nostr: event), or an
    alternate enclosure's source over another transport than the web (the namespace's examples give ipfs://…; a
    magnet: link), or to a Tor onion service (source.md's example: http://example.onion/…, whose connection Tor
    encrypts end to end): only a source over plain http:// to another host is an insecure copy of an https one."""
    if attribute == "uri" and node.tag.endswith("}source"):
        return bool(_SCHEME.match(value)) and (not value.lower().startswith("http:") or bool(ONION.match(value)))
    scheme = OWN_SCHEMES.get(node.get("protocol") or "", "")
    return attribute == "uri" and node.tag.endswith("}socialInteract") and bool(scheme) and value.startswith(scheme)


def podcast_common(doc: FeedDoc, parent: Any, episode: str) -> list[Problem]:
    """Rules shared by channel and items: https URLs, funding, persons, licenses."""
    src = doc.source
    out: list[Problem] = []
    namespace = "{%s}" % doc.podcast
    for element in parent.iterchildren():
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag.startswith(namespace):
            continue
        local = tag[len(namespace):]
        for node in element.iter():
            for attribute in _URL_ATTRIBUTES:
                value = (node.get(attribute) or "").strip() if isinstance(node.tag, str) else ""
                if value and not value.lower().startswith("https://") and not loopback(value) \
                        and not _own_scheme(node, attribute, value):
                    node_name = node.tag.split("}", 1)[-1]
                    out.append(problem("PI004", src, f"podcast:{node_name}@{attribute} is {quoted(value, 200)}, not an https URL",
                                       field=f"podcast:{node_name}@{attribute}", episode=episode,
                                       hint="serve it over https and use the https:// URL"))
        if local == "funding" and len((element.text or "").strip()) > 128:
            out.append(problem("PI009", src, f"podcast:funding text is {len((element.text or '').strip())} characters; the limit is 128",
                               field="podcast:funding", episode=episode, hint="shorten the call to action"))
        if local == "funding" and not (element.get("url") or "").strip():
            out.append(problem("PI016", src, "podcast:funding has no url", field="podcast:funding@url", episode=episode,
                               hint='write <podcast:funding url="https://…">Support the show</podcast:funding>: apps link the url'))
        if local == "person":
            for attribute, known in (("role", PERSON_ROLES), ("group", PERSON_GROUPS)):
                value = " ".join((element.get(attribute) or "").split())
                if value and value.lower() not in known:
                    out.append(problem("PI017", src, f"podcast:person {attribute} {quoted(value, 200)} is not in the Podcast Taxonomy "
                                       "Project's list, which apps use to label people",
                                       field=f"podcast:person@{attribute}", episode=episode,
                                       hint="use a taxonomy " + ("role, e.g. host, co-host, guest, producer, editor" if attribute == "role"
                                                                 else "group, e.g. cast, writing, audio production")))
            role, group = (" ".join((element.get(name) or "").lower().split()) for name in ("role", "group"))
            groups = role_groups(role or "host")
            # no group= is cast (person.md: "If group is not present, then 'cast' is assumed"; the Podcast Index's
            # parser, partytime, reads it so): a producer written without one is listed among the cast
            if (group or "cast") in PERSON_GROUPS and groups and (group or "cast") not in groups:
                given = repr(group) if group else "'cast' (no group= is read as cast)"
                out.append(problem("PI017", src, f"podcast:person role {quoted(role or 'host', 200)} is in the Podcast Taxonomy's "
                                   f"group {quoted(groups[0], 200)}, not {given}: apps that list people by group show "
                                   f"{quoted((element.text or '').strip(), 200)} among the {group or 'cast'}",
                                   field="podcast:person@group", episode=episode,
                                   hint=f"write the role's own group: group=\"{groups[0]}\""
                                   + "".join(f' (or "{g}")' for g in groups[1:])))
        if local in ("person", "license") and not (element.text or "").strip():
            out.append(problem("PI015", src, f"podcast:{local} has no text", field=f"podcast:{local}", episode=episode,
                               hint='write the name inside it, <podcast:person role="host">Maya Okafor</podcast:person>, '
                               "or remove the empty element" if local == "person" else
                               "write the license inside it, an SPDX identifier (<podcast:license>cc-by-4.0"
                               "</podcast:license>) or a name with url=, or remove the empty element"))
    return out + check_namespace(doc, parent, episode) + check_value_and_social(doc, parent, episode)


def conflicting(doc: FeedDoc, parent: Any, names: tuple[str, ...], code: str, label: str = "") -> list[Problem]:
    """EP131/SHOW030: an element that holds one value, written more than once with different values
    (``<itunes:explicit>no</itunes:explicit><itunes:explicit>yes</itunes:explicit>``: the W3C validator's
    DuplicateElement). The same value twice is harmless and not reported."""
    out = []
    by_tag = children_by_tag(doc, parent)
    for name in names:
        found = by_tag.get(q(doc, name), ())
        if len(found) < 2:
            continue
        values = list(dict.fromkeys((element.text or "").strip() for element in found))
        if len(values) > 1:
            out.append(problem(code, doc.source, f"{len(found)} <{name}> elements with different values ("
                               + ", ".join(repr(v if len(v) <= 60 else v[:59] + "…") for v in values[:4])
                               + (", …" if len(values) > 4 else "")
                               + "): apps disagree on which counts", field=name, episode=label,
                               hint=f"keep one <{name}> with the value you mean"))
    return out


def bracketed_title(code: str, src: str, title: str, episode: str) -> Problem | None:
    """SHOW035 or EP139 for a title holding text in angle brackets that no HTML element is named by ('Press <Enter>',
    'Vec<String>'): feedparser, podcastparser and Apple show it as typed, and AntennaPod, which reads <title> as HTML,
    drops it, brackets and all ('Press  to start'). Nothing in the feed can be written for both: a warning."""
    found = TAG_LIKE.search(title) if "<" in title else None
    if found is None:
        return None
    word = found.group(0).strip("</>")
    return problem(code, src, f"the title {shown(title, 120)} holds {found.group(0)}: AntennaPod reads a title as HTML "
                   "and shows it without that, brackets and all (other apps show it as typed)", field="title",
                   episode=episode, hint=f"write it without angle brackets: “{word}”, [{word}] or ‹{word}›")
