"""The ``podcast:`` namespace's structure, for any feed: where each tag may stand, how often, which attributes it
defines (spelled as the namespace spells them), which it requires, and how long its text may be.

The tags' own rules (a transcript's type, a value block's splits, …) are the other ``PI``, ``VAL`` and ``SOC``
codes; these are the ones every tag shares, from each tag's page of the namespace (docs/tags/*.md of
Podcastindex-org/podcast-namespace: "Parent", "Count", "Attributes", "Node value"). XML names are case-sensitive,
so an app looking for ``startTime`` never sees ``starttime``, and one reading an item's ``podcast:transcript``
never sees one in the channel: such a tag is as good as absent, and nothing else says so.
"""

from __future__ import annotations

import re
from typing import Any

from ..config import GEO_URI, MEDIUMS, is_dtstart, on_earth, rrule_problem
from ..countries import COUNTRIES, MEANT
from ..errors import Problem, Severity
from ..lazypattern import lazy
from ..records import frozen
from ..source import quoted
from .feedxml import FeedDoc
from .rules import problem

_ITEM = ("item", "liveItem")  #: a liveItem takes every tag an item takes


@frozen
class Tag:
    parents: tuple[str, ...]  #: local names: channel, item, liveItem, or a podcast: tag
    attributes: tuple[str, ...] = ()  #: every attribute the tag defines
    required: tuple[str, ...] = ()  #: required attributes that no tag-specific code (PI007, PI016, VAL…) reports
    single: bool = False  #: "Count: Single"
    text_max: int = 0  #: "Please do not exceed N characters for the node value"
    text_required: bool = False  #: "This value cannot be blank" / "It is required" (where no other code says so)
    limits: tuple[tuple[str, int], ...] = ()  #: attributes with a length limit


TAGS: dict[str, Tag] = {
    "guid": Tag(("channel",), single=True),
    "locked": Tag(("channel",), ("owner",), single=True),
    "medium": Tag(("channel",), single=True),
    "funding": Tag(("channel", *_ITEM), ("url",)),
    "person": Tag(("channel", *_ITEM), ("role", "group", "img", "href"), text_max=128),
    "license": Tag(("channel", *_ITEM), ("url",), single=True, text_max=128),
    "location": Tag(("channel", *_ITEM), ("rel", "geo", "osm", "country"), text_max=128, text_required=True),
    "updateFrequency": Tag(("channel",), ("complete", "dtstart", "rrule"), single=True, text_max=128),
    "txt": Tag(("channel", *_ITEM), ("purpose",), text_max=4000, limits=(("purpose", 128),)),
    "podroll": Tag(("channel",), single=True),
    "remoteItem": Tag(("channel", "podroll", "valueTimeSplit", "publisher"),
                      ("feedGuid", "feedUrl", "itemGuid", "medium", "title"), ("feedGuid",)),
    "trailer": Tag(("channel",), ("url", "pubdate", "length", "type", "season"), ("url", "pubdate"), text_max=128,
                   text_required=True),
    "image": Tag(("channel", *_ITEM), ("href", "alt", "aspect-ratio", "width", "height", "type", "purpose"), ("href",),
                 limits=(("purpose", 128),)),
    "images": Tag(("channel", *_ITEM), ("srcset",), ("srcset",), single=True),  # deprecated for podcast:image
    "block": Tag(("channel",), ("id",), text_required=True),
    "transcript": Tag(_ITEM, ("url", "type", "language", "rel")),
    "chapters": Tag(_ITEM, ("url", "type"), single=True),
    "soundbite": Tag(_ITEM, ("startTime", "duration"), text_max=128),
    "season": Tag(_ITEM, ("name",), single=True, limits=(("name", 128),)),
    "episode": Tag(_ITEM, ("display",), single=True, limits=(("display", 32),)),
    "alternateEnclosure": Tag(_ITEM, ("type", "length", "bitrate", "height", "lang", "title", "rel", "codecs", "default"),
                              limits=(("title", 32), ("rel", 32))),
    "source": Tag(("alternateEnclosure",), ("uri", "contentType"), ("uri",)),
    "integrity": Tag(("alternateEnclosure",), ("type", "value"), ("type", "value"), single=True),
    "value": Tag(("channel", *_ITEM), ("type", "method", "suggested")),
    "valueRecipient": Tag(("value", "valueTimeSplit"), ("name", "customKey", "customValue", "type", "address", "split", "fee")),
    "valueTimeSplit": Tag(("value",), ("startTime", "duration", "remoteStartTime", "remotePercentage")),
    "socialInteract": Tag(("channel", *_ITEM), ("protocol", "uri", "accountId", "accountUrl", "priority")),
    "liveItem": Tag(("channel",), ("status", "start", "end"), ("status", "start")),
    "contentLink": Tag(_ITEM, ("href",), ("href",)),
    "chat": Tag(("channel", *_ITEM), ("server", "protocol", "accountId", "space"), ("server", "protocol"), single=True),
    "publisher": Tag(("channel",), single=True),
    "podping": Tag(("channel",), ("usesPodping",), single=True),
}

#: attribute values the namespace limits to a list or a form (where no tag-specific code checks them)
_YES_NO = lazy(r"^(yes|no)$")
_BOOLEAN = lazy(r"^(true|false)$")
_WHOLE = re.compile(r"^\d+$", re.ASCII)
_LANGUAGE = lazy(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", re.ASCII)  #: a BCP 47 tag's form ('en', 'en-GB', 'zh-Hant-TW')
_RFC2822 = lazy(r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                r"\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|UT|GMT|Z|[ECMP][SD]T)$", re.ASCII)
FORMS: dict[tuple[str, str], tuple[re.Pattern[str], str, str]] = {  #: (tag, attribute or "" for the text): form, what, e.g.
    ("block", ""): (_YES_NO, "yes or no", "<podcast:block>yes</podcast:block>"),
    ("location", "rel"): (lazy(r"^(subject|creator)$"), "subject or creator",
                          'rel="subject" (what it is about) or rel="creator" (where it was made)'),
    ("location", "geo"): (lazy(r"^geo:-?\d+(\.\d+)?,-?\d+(\.\d+)?(,-?\d+(\.\d+)?)?(;\S*)?$", re.I | re.ASCII),
                          "a geo: URI (RFC 5870)", 'geo="geo:30.2672,-97.7431" (latitude, longitude)'),
    ("location", "osm"): (lazy(r"^[NWR]\d+(#\d+)?$", re.ASCII), "N, W or R and an OpenStreetMap id", 'osm="R113314"'),
    ("location", "country"): (lazy(r"^[A-Z]{2}$", re.ASCII), "a two-letter ISO 3166-1 code", 'country="US"'),
    ("trailer", "pubdate"): (_RFC2822, "an RFC 2822 date", 'pubdate="Thu, 01 Apr 2021 08:00:00 -0500"'),
    ("trailer", "length"): (_WHOLE, "the file's size in bytes", 'length="12345678"'),
    ("trailer", "season"): (_WHOLE, "a season number", 'season="4"'),
    ("updateFrequency", "complete"): (_BOOLEAN, "true or false", 'complete="true", or leave it out'),
    ("alternateEnclosure", "default"): (_BOOLEAN, "true or false", 'default="true", or leave it out'),
    # transcript.md: rel="captions" makes a file captions (its only value: "caption" makes none); language and an
    # alternate enclosure's lang are language codes as <language> writes them (apps offer the file by them)
    ("transcript", "rel"): (lazy(r"^captions$"), "captions, the one rel the namespace defines",
                            'rel="captions" (a timed file shown as closed captions), or leave it out'),
    ("transcript", "language"): (_LANGUAGE, "a language code", 'language="en" (or en-gb, es, …), as <language> writes it'),
    ("alternateEnclosure", "lang"): (_LANGUAGE, "a language code", 'lang="en" (or en-gb, es, …), as <language> writes it'),
    # value-recipient.md: fee is true or false (false when absent); apps differ on 'yes' or 'True' (partytime reads a
    # fee, an app comparing with "true" a share of the payment), so the payment is split differently from app to app
    ("valueRecipient", "fee"): (_BOOLEAN, "true or false", 'fee="true" (a fee: a percentage taken first), or leave it out'),
    ("alternateEnclosure", "length"): (_WHOLE, "the file's size in bytes", 'length="12345678"'),
    ("image", "width"): (_WHOLE, "a width in pixels", 'width="1400"'),
    ("image", "height"): (_WHOLE, "a height in pixels", 'height="1400"'),
    ("image", "aspect-ratio"): (re.compile(r"^\s*\d+(\.\d+)?\s*(/\s*\d+(\.\d+)?\s*)?$", re.ASCII), "a ratio",
                                'aspect-ratio="1/1" (or 16/9, …)'),
    ("integrity", "type"): (lazy(r"^(sri|pgp-signature)$"), "sri or pgp-signature", 'type="sri" value="sha256-…"'),
    ("liveItem", "status"): (lazy(r"^(pending|live|ended)$"), "pending, live or ended", 'status="live"'),
    ("podping", "usesPodping"): (_BOOLEAN, "true or false", 'usesPodping="true"'),
    ("chat", "protocol"): (lazy(r"^(irc|xmpp|nostr|matrix)$"), "a protocol of the namespace's chatprotocols.txt (irc, xmpp, "
                           "nostr, matrix)", 'protocol="matrix"'),
    ("chat", "server"): (lazy(r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$", re.I | re.ASCII),
                         "the chat server's host name (no scheme, port or path)", 'server="irc.libera.chat"'),
    # remote-item.md: "The podcast:guid of the remote feed", which apps look up as written (a time split's: VAL018)
    ("remoteItem", "feedGuid"): (lazy(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I | re.ASCII),
                                 "the other feed's podcast:guid, a UUID",
                                 'feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810" (the other feed\'s <podcast:guid>)'),
    # the other feed's medium (podcast:medium's list): an app shows a song as a podcast, or leaves it out of a podroll
    ("remoteItem", "medium"): (lazy(r"^(%s)$" % "|".join(MEDIUMS)), "a podcast:medium value", 'medium="music"'),
}

_FORMS_BY_TAG: dict[str, list[tuple[str, tuple[re.Pattern[str], str, str]]]] = {}
for (_tag, _attribute), _form in FORMS.items():
    _FORMS_BY_TAG.setdefault(_tag, []).append((_attribute, _form))


def check_namespace(doc: FeedDoc, parent: Any, episode: str) -> list[Problem]:
    """PI018–PI022 for the ``podcast:`` elements under ``parent`` (the channel, without its items, or an item)."""
    namespace = "{%s}" % doc.podcast
    out: list[Problem] = []
    _walk(doc, parent, "channel" if parent is doc.channel else "item", namespace, episode, out)
    return out


def _walk(doc: FeedDoc, parent: Any, where: str, namespace: str, episode: str, out: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for element in parent.iterchildren():
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag.startswith(namespace):
            continue
        local = tag[len(namespace):]
        seen[local] = seen.get(local, 0) + 1
        rule = TAGS.get(local)
        if rule is None:
            import difflib  # (only for a tag the namespace does not have: not loaded by every build)

            close = difflib.get_close_matches(local, list(TAGS), n=1, cutoff=0.75) or \
                [name for name in TAGS if name.lower() == local.lower()]
            out.append(problem("PI020", doc.source, f"podcast:{local} is not a tag of the podcast namespace"
                               + ("; XML names are case-sensitive" if close and close[0].lower() == local.lower() else "")
                               + ": apps ignore it", field=f"podcast:{local}", episode=episode,
                               hint=f"write podcast:{close[0]}" if close else
                               "see the namespace's tags at https://podcastindex.org/namespace/1.0"))
            continue
        if where not in rule.parents:
            out.append(problem("PI018", doc.source, f"podcast:{local} in {_name(where)}, where the namespace does not "
                               "define it: apps ignore it there", field=f"podcast:{local}", episode=episode,
                               hint=f"move it into {' or '.join(_name(p) for p in rule.parents)}"))
        if rule.single and seen[local] == 2:
            out.append(problem("PI019", doc.source, f"more than one podcast:{local} in {_name(where)}; the namespace "
                               "allows one, and apps read only one of them", field=f"podcast:{local}", episode=episode,
                               hint=f"keep one podcast:{local}"))
        # a time split's remote item without feedGuid is VAL018's (with the value block's other rules); a channel's
        # trailer is reported at the episode it plays (its title is the trailer's text), when the feed has it
        at = _trailer_episode(doc, element) if local == "trailer" and where == "channel" else ""
        _attributes(doc, element, local, rule, at or episode, out, required=where != "valueTimeSplit")
        if local in ("podroll", "value", "valueTimeSplit", "alternateEnclosure", "liveItem", "publisher"):
            _walk(doc, element, local, namespace, episode, out)


def _attributes(doc: FeedDoc, element: Any, local: str, rule: Tag, episode: str, out: list[Problem],
                required: bool = True) -> None:
    name = f"podcast:{local}"
    for attribute in element.attrib:
        if attribute in rule.attributes or attribute.startswith("{"):  # another namespace's attribute (xml:lang)
            continue
        import difflib  # (as above)

        close = [a for a in rule.attributes if a.lower() == attribute.lower()] or \
            difflib.get_close_matches(attribute, list(rule.attributes), n=1, cutoff=0.75)
        out.append(problem("PI020", doc.source, f"{name} has an attribute {quoted(attribute, 200)} the namespace does not define"
                           + ("; XML names are case-sensitive" if close and close[0].lower() == attribute.lower() else "")
                           + ": apps ignore it", field=f"{name}@{attribute}", episode=episode,
                           hint=f"write {close[0]}=\"…\"" if close else
                           f"{name} takes {', '.join(rule.attributes) if rule.attributes else 'no attributes'}"))
    for attribute in rule.required if required else ():
        if not (element.get(attribute) or "").strip():
            out.append(problem("PI021", doc.source, f"{name} has no {attribute}, which the namespace requires",
                               field=f"{name}@{attribute}", episode=episode,
                               hint=_REQUIRED_HINTS.get((local, attribute), f'add {attribute}="…" (see the tag\'s page of the namespace)')))
    for attribute, (form, expected, example) in _FORMS_BY_TAG.get(local, ()):
        if not required and attribute in rule.required:  # (a time split's remote item: VAL018 judges its feedGuid)
            continue
        value = (element.text or "").strip() if not attribute else (element.get(attribute) or "").strip()
        if value and not form.match(value):
            field = f"{name}@{attribute}" if attribute else name
            out.append(problem("PI021", doc.source, f"{field} is {quoted(value, 200)}; the namespace expects {expected}",
                               field=field, episode=episode, hint=f"write {example}"))
    out.extend(_spec_values(doc, element, local, episode))
    text = (element.text or "").strip()
    if rule.text_required and not text:
        out.append(problem("PI022", doc.source, f"{name} has no text; the namespace requires it", field=name,
                           episode=episode, severity=Severity.ERROR, hint=_TEXT_HINTS.get(local, "")))
    if rule.text_max and len(text) > rule.text_max:
        out.append(problem("PI022", doc.source, f"{name}'s text is {len(text)} characters; the namespace's limit is "
                           f"{rule.text_max} (aggregators may cut it)", field=name, episode=episode,
                           hint=f"shorten it to {rule.text_max} characters or fewer"))
    for attribute, limit in rule.limits:
        value = (element.get(attribute) or "").strip()
        if len(value) > limit:
            out.append(problem("PI022", doc.source, f"{name}@{attribute} is {len(value)} characters; the namespace's "
                               f"limit is {limit} (apps may cut it)", field=f"{name}@{attribute}", episode=episode,
                               hint=f"shorten it to {limit} characters or fewer"))


def _spec_values(doc: FeedDoc, element: Any, local: str, episode: str) -> list[Problem]:
    """PI021 for what a pattern cannot say, as show.yml is held to it (config): a geo URI off the earth, an rrule that
    is not RFC 5545 (or an UNTIL in another form than dtstart), an ai-content txt that is not true/false, a custom
    licence without its url."""
    found: list[tuple[str, str, str]] = []  # (field, message, hint)
    text = (element.text or "").strip()
    if local == "location" and GEO_URI.match(geo := (element.get("geo") or "").strip()) and not on_earth(geo):
        found.append(("podcast:location@geo", f"podcast:location@geo is {quoted(geo, 200)}, off the earth's latitudes (-90 to 90) "
                      "and longitudes (-180 to 180)", 'write geo="geo:LATITUDE,LONGITUDE", latitude first'))
    elif local == "updateFrequency":
        dtstart = (element.get("dtstart") or "").strip()
        if dtstart and not is_dtstart(dtstart):
            found.append(("podcast:updateFrequency@dtstart", f"podcast:updateFrequency@dtstart is {quoted(dtstart, 200)}, not an "
                          "ISO 8601 date or date-time", 'write dtstart="2026-09-07" or dtstart="2026-09-07T09:00:00Z"'))
        wrong = rrule_problem(rrule, dtstart) if (rrule := (element.get("rrule") or "").strip()) else None
        if wrong:
            found.append(("podcast:updateFrequency@rrule", f"podcast:updateFrequency@rrule: {wrong[0]}", wrong[1]))
    elif local == "txt" and element.get("purpose") == "ai-content" and text not in ("true", "false"):
        found.append(("podcast:txt", f"podcast:txt purpose=\"ai-content\" is {quoted(text, 200)}; the namespace expects true or false",
                      'write <podcast:txt purpose="ai-content">true</podcast:txt> (or false)'))
    elif local == "license" and text and not (element.get("url") or "").strip():
        from ..licences import known_licence

        if known_licence(text).lower() != text.lower():  # (a custom licence's is "")
            found.append(("podcast:license@url", f"podcast:license {quoted(text, 200)} is not an SPDX identifier or a namespace "
                          "licence slug, and a custom licence needs a url", 'add url="https://…" (the licence\'s full text)'))
    elif local == "publisher":
        found += _publisher(element, "{%s}" % doc.podcast)
    elif local == "images" and (srcset := (element.get("srcset") or "").strip()):
        found += _srcset(srcset)
    elif local == "liveItem":
        found += _live_item(element, "{%s}" % doc.podcast)
    elif local == "podroll" and element.find("{%s}remoteItem" % doc.podcast) is None:
        found.append(("podcast:podroll", "podcast:podroll holds no podcast:remoteItem; the namespace requires one or "
                      "more, the shows it recommends", '<podcast:podroll><podcast:remoteItem feedGuid="…" feedUrl="https://…" '
                      'title="…"/></podcast:podroll>, or leave the podroll out'))
    out = [problem("PI021", doc.source, message, field=field, episode=episode, hint=hint) for field, message, hint in found]
    if local == "publisher" and len(remotes := element.findall("{%s}remoteItem" % doc.podcast)) == 1 \
            and not (remotes[0].get("feedUrl") or "").strip():
        out.append(problem("PI028", doc.source, "podcast:publisher's remoteItem has no feedUrl: most apps cannot look "
                           "a feedGuid up, so they find no publisher feed", field="podcast:publisher/podcast:remoteItem@feedUrl",
                           episode=episode, hint='add feedUrl="https://…" (the publisher feed\'s address; in show.yml: '
                           "publisher's feed_url)"))
    if local == "location" and re.match(r"^[A-Z]{2}$", country := (element.get("country") or "").strip()) \
            and country not in COUNTRIES:
        meant = MEANT.get(country)
        out.append(problem("PI027", doc.source, f"podcast:location@country is {quoted(country, 200)}, which ISO 3166-1 gives no "
                           "country" + (f" (a reserved code: the country meant is {meant})" if meant else "")
                           + ", so apps that show or map the country show none", field="podcast:location@country",
                           episode=episode, hint=f'write country="{meant}"' if meant else
                           "write the country's ISO 3166-1 alpha-2 code, e.g. GB, US, DE"))
    return out


def _publisher(element: Any, namespace: str) -> list[tuple[str, str, str]]:
    """publisher.md: "This element must contain exactly one <podcast:remoteItem medium="publisher"> element"."""
    remotes = element.findall(namespace + "remoteItem")
    if len(remotes) != 1:
        return [("podcast:publisher", f"podcast:publisher holds {len(remotes)} podcast:remoteItem; the namespace "
                 "requires exactly one, the publisher feed", '<podcast:publisher><podcast:remoteItem medium="publisher" '
                 'feedGuid="…" feedUrl="https://…"/></podcast:publisher>')]
    medium = (remotes[0].get("medium") or "").strip()
    if medium != "publisher":
        return [("podcast:publisher/podcast:remoteItem@medium", f"podcast:publisher's remoteItem has medium {quoted(medium, 200)}; it points to a "
                 "publisher feed, medium=\"publisher\"", 'write medium="publisher"')]
    return []


#: one candidate of podcast:images' srcset: an absolute URL, white space, a width descriptor (HTML's srcset, whose
#: candidates a comma ends where white space or the next URL follows)
_CANDIDATE = lazy(r"^(?P<url>\S+)\s+\d+w$", re.ASCII)
_CANDIDATES = lazy(r",(?=\s|[a-zA-Z][a-zA-Z0-9+.-]*://)")


def _srcset(srcset: str) -> list[tuple[str, str, str]]:
    """images-(deprecated).md: srcset is "each image url followed by a space and the pixel width, with each one separated
    by a comma", and "absolute urls are required in this tag" (the feed's address is no base for them), https as every
    podcast: URL (a loopback preview excepted). One problem, for the first candidate that is not so."""
    from ..addresses import loopback

    for candidate in (c.strip() for c in _CANDIDATES.split(srcset)):
        found = _CANDIDATE.match(candidate)
        url = found.group("url") if found else ""
        if not found or not (url.lower().startswith("https://") or url.lower().startswith("http://") and loopback(url)):
            what = (f"names {quoted(url, 200)}, not an absolute https URL" if found else
                    f"has {quoted(candidate)}, not an image's absolute URL, a space and its width")
            return [("podcast:images@srcset", f"podcast:images@srcset {what}; the namespace expects "
                     "'https://…/1500.jpg 1500w, https://…/600.jpg 600w'",
                     'write srcset="https://example.com/art-1500.jpg 1500w, https://example.com/art-600.jpg 600w", '
                     "or better the podcast:image tag that replaces podcast:images (one per size)")]
    return []


def _live_item(element: Any, namespace: str) -> list[tuple[str, str, str]]:
    """live-item.md: start and end are "an ISO8601 timestamp" (apps count down to start, and end the stream at end),
    and "The podcast:contentLink tag is also required to be present" (where a listener whose app cannot play the
    stream listens)."""
    found = []
    for attribute in ("start", "end"):
        value = (element.get(attribute) or "").strip()
        if value and not ("T" in value and is_dtstart(value)):
            found.append((f"podcast:liveItem@{attribute}", f"podcast:liveItem@{attribute} is {quoted(value, 200)}; the namespace "
                          "expects an ISO 8601 date and time", f'write {attribute}="2026-09-07T19:00:00.000-05:00" (the '
                          "date, T, the time and its offset from UTC)"))
    if element.find(namespace + "contentLink") is None:
        found.append(("podcast:liveItem/podcast:contentLink", "podcast:liveItem has no podcast:contentLink, which the namespace requires: "
                      "listeners whose app cannot play the stream have nowhere else to go", '<podcast:contentLink '
                      'href="https://…">Listen live on our website</podcast:contentLink> (a page that plays the stream)'))
    return found


def _trailer_episode(doc: FeedDoc, trailer: Any) -> str:
    """The GUID of the item whose enclosure a channel's podcast:trailer plays (its url), or ""."""
    url = (trailer.get("url") or "").strip()
    for item in doc.items() if url else ():
        enclosure = item.find("enclosure")
        if enclosure is not None and (enclosure.get("url") or "").strip() == url:
            return (item.findtext("guid") or "").strip()
    return doc.elsewhere.get(url, "") if url else ""  # (a trailer outside the build's first document: a big show's first episode)


def _name(where: str) -> str:
    return f"<{where}>" if where in ("channel", "item") else f"podcast:{where}"


_REQUIRED_HINTS = {
    ("trailer", "url"): 'give the trailer\'s media URL: url="https://…/trailer.mp3"',
    ("trailer", "pubdate"): 'give the date it was published: pubdate="Thu, 01 Apr 2021 08:00:00 -0500"',
    ("image", "href"): 'give the image\'s URL in href="https://…"',
    ("remoteItem", "feedGuid"): "give the other feed's podcast:guid in feedGuid",
    ("source", "uri"): 'give the media\'s address in uri="https://…"',
    ("integrity", "type"): 'type="sri" (with value="sha256-…") or type="pgp-signature"',
    ("integrity", "value"): "the SRI hash (sha256-…) or the base64 PGP signature",
}
_TEXT_HINTS = {
    "location": "write the place's name, e.g. <podcast:location geo=\"geo:30.2672,-97.7431\">Austin, TX</podcast:location>",
    "trailer": "write the trailer's title as its text",
    "block": "write yes (or no) as its text",
}


#: the itunes: tags Apple documents (A Podcaster's Guide to RSS) and the older ones apps still read, as spelt there
ITUNES_TAGS = ("title", "author", "summary", "subtitle", "type", "owner", "name", "email", "image", "category", "explicit",
               "keywords", "new-feed-url", "block", "complete", "duration", "episodeType", "season", "episode", "order",
               "isClosedCaptioned")
_ITUNES_BY_KEY = {name.lower().replace("-", ""): name for name in ITUNES_TAGS}


def check_itunes_names(doc: FeedDoc, parent: Any, episode: str) -> list[Problem]:
    """XML011 for an ``itunes:`` child of ``parent`` (and of its itunes:owner) spelt like an Apple tag in another case
    or with '_' for '-' (``itunes:episodetype``, ``itunes:new_feed_url``): Apple and apps read names exactly."""
    namespace = "{%s}" % doc.itunes
    out: list[Problem] = []
    for element in parent.iterchildren():
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag.startswith(namespace):
            continue
        local = tag[len(namespace):]
        meant = _ITUNES_BY_KEY.get(local.lower().replace("-", "").replace("_", ""))
        if meant and meant != local:
            out.append(problem("XML011", doc.source, f"itunes:{local} is not a tag Apple reads; it is spelt itunes:{meant} "
                               "(XML names are case-sensitive), so apps ignore it", field=f"itunes:{local}",
                               episode=episode, hint=f"write <itunes:{meant}>"))
        if local in ("owner", "Owner"):
            out += check_itunes_names(doc, element, episode)
    return out
