"""The Podcasting 2.0 namespace rules (docs/tags/*.md of Podcastindex-org/podcast-namespace) as data.

``violations(feed_bytes)`` walks every ``podcast:`` element of a feed and returns
one line per broken rule: wrong parent, a missing required attribute, an attribute
the tag does not define, a value of the wrong form, a blank or over-long node
value, or a single-count element given twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

NS = "https://podcastindex.org/namespace/1.0"
P = "{%s}" % NS

URL = re.compile(r"^https?://\S+$")
HTTPS = re.compile(r"^https://\S+$")
NUMBER = re.compile(r"^\d+(\.\d+)?$")
INTEGER = re.compile(r"^\d+$")
BOOLEAN = re.compile(r"^(true|false)$")
YES_NO = re.compile(r"^(yes|no)$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
RFC2822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
MIME = re.compile(r"^[a-z]+/[A-Za-z0-9.+-]+$")
GEO = re.compile(r"^geo:-?\d+(\.\d+)?,-?\d+(\.\d+)?")
#: value slugs (docs/examples/value/valueslugs.txt) and social protocols (socialprotocols.txt)
VALUE_TYPES = {"lightning", "bitcoin"}
LIGHTNING_METHODS = {"keysend", "amp", "lnaddress"}
NODE_KEY = re.compile(r"^0[23][0-9a-f]{64}$")
LN_ADDRESS = re.compile(r"^[a-zA-Z0-9._+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$")
SOCIAL_PROTOCOLS = {"disabled", "activitypub", "twitter", "lightning", "atproto", "hive", "matrix", "nostr"}
POST_URI = re.compile(r"^(https://|at://|nostr:|matrix:)\S+$")
MEDIUMS = {"podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course"}


@dataclass(frozen=True)
class Rule:
    parents: tuple[str, ...]
    required: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    optional: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    single: bool = False
    text: re.Pattern[str] | None = None  #: the node value must match (None: anything)
    text_required: bool = False
    text_max: int = 0
    children: bool = False  #: the node value is child elements


RULES: dict[str, Rule] = {
    "guid": Rule(("channel",), single=True, text=UUID, text_required=True),
    "locked": Rule(("channel",), optional={"owner": re.compile(r"^[^@\s]+@[^@\s]+$")}, single=True, text=YES_NO,
                   text_required=True),
    "medium": Rule(("channel",), single=True, text=re.compile(r"^((%s)L?|mixed)$" % "|".join(MEDIUMS)), text_required=True),
    "funding": Rule(("channel", "item"), {"url": URL}, text_max=128),
    "person": Rule(("channel", "item"), optional={"role": re.compile(r"^[a-z][a-z -]*$"), "group": re.compile(r"^[a-z][a-z -]*$"),
                                                   "img": URL, "href": URL}, text_required=True, text_max=128),
    "license": Rule(("channel", "item"), optional={"url": URL}, single=True, text_required=True),
    "location": Rule(("channel", "item"), optional={"rel": re.compile(r"^(subject|creator)$"), "geo": GEO,
                                                     "osm": re.compile(r"^[NWR]\d+"), "country": re.compile(r"^[A-Z]{2}$")},
                     text_required=True, text_max=128),
    "updateFrequency": Rule(("channel",), optional={"complete": BOOLEAN, "dtstart": re.compile(r"^\d{4}-\d{2}-\d{2}"),
                                                     "rrule": re.compile(r"^FREQ=")}, single=True, text_max=128),
    "txt": Rule(("channel", "item"), optional={"purpose": re.compile(r"^.{1,128}$")}, text_required=True, text_max=4000),
    "podroll": Rule(("channel",), single=True, children=True),
    "remoteItem": Rule(("podroll", "channel", "valueTimeSplit", "publisher"), {"feedGuid": re.compile(r"^[0-9a-f-]{36}$")},
                       {"feedUrl": URL, "itemGuid": None, "medium": None, "title": None}),
    "trailer": Rule(("channel",), {"url": URL, "pubdate": RFC2822}, {"length": INTEGER, "type": MIME, "season": INTEGER},
                    text_required=True, text_max=128),
    "image": Rule(("channel", "item"), {"href": URL}, {"alt": None, "aspect-ratio": re.compile(r"^\d+/\d+$"), "width": INTEGER,
                                                       "height": INTEGER, "type": MIME, "purpose": re.compile(r"^.{1,128}$")}),
    "podping": Rule(("channel",), {"usesPodping": BOOLEAN}, single=True),
    # chat.md (protocols: chatprotocols.txt), content-link.md, publisher.md (one remoteItem medium="publisher": below)
    "chat": Rule(("channel", "item"), {"server": re.compile(r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$"),
                                       "protocol": re.compile(r"^(irc|xmpp|nostr|matrix)$")},
                 {"accountId": None, "space": None}, single=True),
    "contentLink": Rule(("item",), {"href": URL}, text_required=True),
    "publisher": Rule(("channel",), single=True, children=True),
    "block": Rule(("channel",), optional={"id": re.compile(r"^[a-z0-9-]+$")}, text=YES_NO, text_required=True),
    "transcript": Rule(("item",), {"url": URL, "type": MIME}, {"language": re.compile(r"^[a-zA-Z]{2,3}(-[A-Za-z0-9]+)*$"),
                                                                "rel": re.compile(r"^captions$")}),
    "chapters": Rule(("item",), {"url": URL, "type": re.compile(r"^application/json\+chapters$")}, single=True),
    "soundbite": Rule(("item",), {"startTime": NUMBER, "duration": NUMBER}, text_max=128),
    "season": Rule(("item",), optional={"name": re.compile(r"^.{1,128}$")}, single=True, text=INTEGER, text_required=True),
    "episode": Rule(("item",), optional={"display": re.compile(r"^.{1,32}$")}, single=True, text=NUMBER, text_required=True),
    "alternateEnclosure": Rule(("item",), {"type": MIME}, {"length": INTEGER, "bitrate": NUMBER, "height": INTEGER, "lang": None,
                                                           "title": re.compile(r"^.{1,32}$"), "rel": None, "codecs": None,
                                                           "default": BOOLEAN}, children=True),
    "value": Rule(("channel", "item"), {"type": re.compile(r"^[a-z0-9-]+$"), "method": re.compile(r"^[a-z0-9-]+$")},
                  {"suggested": NUMBER}, children=True),
    "valueRecipient": Rule(("value", "valueTimeSplit"), {"type": re.compile(r"^[a-z0-9-]+$"), "address": re.compile(r"^\S+$"),
                                        "split": re.compile(r"^[1-9]\d*$")},
                           {"name": None, "customKey": None, "customValue": None, "fee": BOOLEAN}),
    "valueTimeSplit": Rule(("value",), {"startTime": NUMBER, "duration": NUMBER},
                           {"remoteStartTime": NUMBER, "remotePercentage": NUMBER}, children=True),
    "socialInteract": Rule(("channel", "item"), {"protocol": re.compile(r"^(%s)$" % "|".join(sorted(SOCIAL_PROTOCOLS)))},
                           {"uri": POST_URI, "accountId": None, "accountUrl": HTTPS, "priority": INTEGER}),
    "source": Rule(("alternateEnclosure",), {"uri": re.compile(r"^[a-z][a-z0-9+.-]*:\S+$")}, {"contentType": MIME}),
    "integrity": Rule(("alternateEnclosure",), {"type": re.compile(r"^(sri|pgp-signature)$"),
                                                "value": re.compile(r"^(sha256|sha384|sha512)-[A-Za-z0-9+/]+=*$|^[A-Za-z0-9+/=]+$")},
                      single=True),
}


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def violations(feed: bytes) -> list[str]:
    root = etree.fromstring(feed)
    found: list[str] = []
    for element in root.iter(P + "*"):
        tag = _local(element)
        where = f"podcast:{tag} in {_local(element.getparent())}"
        rule = RULES.get(tag)
        if rule is None:
            found.append(f"{where}: not a tag this checker knows")
            continue
        parent = element.getparent()
        if _local(parent) not in rule.parents:
            found.append(f"{where}: parent must be one of {rule.parents}")
        if rule.single and len(parent.findall(P + tag)) > 1:
            found.append(f"{where}: only one allowed")
        for name, pattern in rule.required.items():
            value = element.get(name)
            if value is None:
                found.append(f"{where}: missing required attribute {name}")
            elif pattern is not None and not pattern.match(value):
                found.append(f"{where}: {name}={value!r} has the wrong form")
        for name, value in element.attrib.items():
            if name in rule.required:
                continue
            if name not in rule.optional:
                found.append(f"{where}: attribute {name} is not defined for this tag")
            elif rule.optional[name] is not None and not rule.optional[name].match(value):  # type: ignore[union-attr]
                found.append(f"{where}: {name}={value!r} has the wrong form")
        found += _value_forms(element, tag, where)
        text = (element.text or "").strip()
        if rule.children:
            if tag == "value" and element.find(P + "valueRecipient") is None:
                found.append(f"{where}: needs at least one podcast:valueRecipient")
            if tag == "valueTimeSplit":
                remotes, payees = element.findall(P + "remoteItem"), element.findall(P + "valueRecipient")
                if bool(remotes) == bool(payees) or len(remotes) > 1:
                    found.append(f"{where}: needs exactly one podcast:remoteItem or one or more podcast:valueRecipient")
            if tag == "alternateEnclosure" and element.find(P + "source") is None:
                found.append(f"{where}: needs at least one podcast:source")
            if tag == "publisher" and [r.get("medium") for r in element.findall(P + "remoteItem")] != ["publisher"]:
                found.append(f"{where}: needs exactly one podcast:remoteItem, medium='publisher'")
            continue
        if rule.text_required and not text:
            found.append(f"{where}: node value must not be blank")
        if text and rule.text is not None and not rule.text.match(text):
            found.append(f"{where}: node value {text!r} has the wrong form")
        if rule.text_max and len(text) > rule.text_max:
            found.append(f"{where}: node value longer than {rule.text_max} characters")
    return found


def _value_forms(element: etree._Element, tag: str, where: str) -> list[str]:
    """What the value and socialInteract docs add to the attribute forms: the value slugs, Lightning's methods and
    address forms, fee percentages within 100, and a 'disabled' socialInteract standing alone."""
    found: list[str] = []
    if tag == "value":
        kind, method = element.get("type"), element.get("method")
        if kind not in VALUE_TYPES:
            found.append(f"{where}: type={kind!r} is not in the value slug list")
        if kind == "lightning" and method not in LIGHTNING_METHODS:
            found.append(f"{where}: method={method!r} is not a Lightning method")
        fees = sum(int(r.get("split") or 0) for r in element.findall(P + "valueRecipient") if r.get("fee") == "true")
        if fees > 100:
            found.append(f"{where}: fee splits add up to {fees} percent")
    elif tag == "valueTimeSplit":
        if element.getparent().getparent().tag != "item":
            found.append(f"{where}: times are positions in one item's audio (a valueTimeSplit in the channel's block)")
        percentage = element.get("remotePercentage")
        if percentage is not None and NUMBER.match(percentage) and float(percentage) > 100:
            found.append(f"{where}: remotePercentage={percentage!r} is over 100")
    elif tag == "valueRecipient":
        kind, address = element.get("type"), element.get("address") or ""
        block = element.getparent() if _local(element.getparent()) == "value" else element.getparent().getparent()
        if block.get("type") == "lightning" and kind not in ("node", "lnaddress"):
            found.append(f"{where}: type={kind!r} is not a Lightning recipient type")
        if kind == "node" and not NODE_KEY.match(address):
            found.append(f"{where}: address={address!r} is not a node public key")
        if kind == "lnaddress" and not LN_ADDRESS.match(address):
            found.append(f"{where}: address={address!r} is not a Lightning address")
        if (element.get("customKey") is None) != (element.get("customValue") is None):
            found.append(f"{where}: customKey and customValue go together")
    elif tag == "location" and GEO.match(element.get("geo") or ""):
        latitude, longitude = (float(n) for n in element.get("geo")[4:].split(";")[0].split(",")[:2])
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            found.append(f"{where}: geo={element.get('geo')!r} is off the earth (RFC 5870)")
    elif tag == "txt" and element.get("purpose") == "ai-content" and (element.text or "").strip() not in ("true", "false"):
        found.append(f"{where}: an ai-content txt is true or false")
    elif tag == "socialInteract":
        if element.get("protocol") == "disabled":
            if len(element.attrib) > 1 or (element.text or "").strip():
                found.append(f"{where}: protocol='disabled' must stand alone")
        elif element.get("uri") is None:
            found.append(f"{where}: missing required attribute uri")
    return found
