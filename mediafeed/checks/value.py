"""``podcast:value`` / ``podcast:valueRecipient`` and ``podcast:socialInteract`` in any feed.

The same codes as the show's sources (``value.py``, ``social.py``), here for a feed read from disk or the web;
for a show, the source rules report them with the show.yml or episode.md key (see ``showfeed.COVERED``).
A non-https ``uri`` or ``accountUrl`` is PI004's, as for every ``podcast:`` URL.
"""

from __future__ import annotations

import math
from typing import Any

from ..chapters import clock
from ..errors import Problem
from ..lazypattern import lazy
from ..numbers import shown, whole
from ..social import SOCIAL_PROTOCOLS
from ..source import parse_time, quoted
from ..value import (
    DECIMAL,
    FEED_GUID,
    LIGHTNING_METHODS,
    LIGHTNING_RECIPIENTS,
    LNADDRESS,
    NODE,
    TLV_MAX,
    TLV_MIN,
    VALUE_TYPES,
    payee_key,
)
from .feedxml import FeedDoc, children, text
from .rules import problem


def check_value_and_social(doc: FeedDoc, parent: Any, episode: str) -> list[Problem]:
    """The value blocks and comment threads that are children of ``parent`` (the channel or an item)."""
    namespace = "{%s}" % doc.podcast
    out: list[Problem] = []
    blocks = children(doc, parent, "podcast:value")
    if blocks:  # (the duration only for a feed that has value blocks: parsing it for every item of 50,000 cost 0.7 s)
        itunes_duration = text(doc, parent, "itunes:duration") if parent is not doc.channel else None
        duration = parse_time(itunes_duration) if itunes_duration else None
        for block in blocks:
            out += _value(doc.source, block, namespace, episode)
            out += _time_splits(doc.source, block, namespace, episode, duration, channel=parent is doc.channel)
    threads = children(doc, parent, "podcast:socialInteract")
    for thread in threads:
        out += _social(doc.source, thread, episode)
    protocols = [t.get("protocol") for t in threads]
    if len(threads) > 1 and "disabled" in protocols:
        out.append(problem("SOC003", doc.source, "podcast:socialInteract protocol=\"disabled\" beside other threads",
                           field="podcast:socialInteract", episode=episode,
                           hint="keep either the disabled one alone, or the threads where comments live"))
    elif len(threads) > 1 and any(t.get("priority") is None for t in threads):
        out.append(problem("SOC004", doc.source, f"{len(threads)} podcast:socialInteract threads without a priority each",
                           field="podcast:socialInteract@priority", episode=episode,
                           hint="give each a priority (1 for the main thread, …)"))
    return out


def _value(src: str, block: Any, namespace: str, episode: str) -> list[Problem]:
    out: list[Problem] = []
    kind, method, suggested = block.get("type"), block.get("method"), block.get("suggested")

    def add(code: str, field: str, message: str, hint: str) -> None:
        out.append(problem(code, src, message, field=field, hint=hint, episode=episode))

    if not kind or not method:
        add("VAL002", "podcast:value", "podcast:value without " + ("type" if not kind else "method"),
            'write type="lightning" method="keysend"')
    elif kind not in VALUE_TYPES:
        add("VAL003", "podcast:value@type", f"podcast:value type {quoted(kind, 200)} is not in the namespace's value slug list",
            "apps that do not know it skip the block")
    elif kind == "lightning" and method not in LIGHTNING_METHODS:
        add("VAL002", "podcast:value@method", f"Lightning has no method {quoted(method, 200)}", "use keysend, amp or lnaddress")
    if suggested is not None and not DECIMAL.match(suggested.strip()):
        add("VAL009", "podcast:value@suggested", f"suggested={quoted(suggested, 200)} is not a decimal amount",
            'write e.g. suggested="0.00000005000" (5 sats)')
    payees = block.findall(namespace + "valueRecipient")
    if not payees:
        add("VAL001", "podcast:value", "podcast:value without a podcast:valueRecipient", "add one per payee")
    out += _payees(src, block, namespace, kind, episode)
    return out


def _payees(src: str, block: Any, namespace: str, kind: str | None, episode: str) -> list[Problem]:
    """The podcast:valueRecipient children of a value block or a time split: each, their fees, and one payee twice."""
    out: list[Problem] = []

    def add(code: str, field: str, message: str, hint: str) -> None:
        out.append(problem(code, src, message, field=field, hint=hint, episode=episode))

    payees = block.findall(namespace + "valueRecipient")
    fees, fee_count = 0, 0
    seen: set[tuple[str, str, str]] = set()
    for payee in payees:
        out += _recipient(src, payee, kind, episode)
        key = payee_key(payee.get("address") or "", payee.get("customKey"), payee.get("customValue"))
        if key[0] and key in seen:
            add("VAL020", "podcast:valueRecipient@address", f"{key[0]} is paid by two podcast:valueRecipient elements of "
                f"one {'podcast:valueTimeSplit' if block.tag.endswith('valueTimeSplit') else 'podcast:value'}"
                f"{' with the same customKey/customValue' if key[1] else ''}",
                "apps pay it twice or drop one: give the payee one recipient with the splits added up")
        seen.add(key)
        split = whole(payee.get("split"))
        if payee.get("fee") == "true" and split is not None:
            fees, fee_count = fees + split, fee_count + 1
    if fees > 100:
        add("VAL008", "podcast:valueRecipient@split", f"the fee recipients' splits add up to {fees} percent",
            "fee splits are percentages of each payment: at most 100 together")
    elif payees and fee_count == len(payees):
        add("VAL012", "podcast:valueRecipient@fee", "every podcast:valueRecipient is a fee",
            "add the podcast's own recipient without fee=\"true\"")
    return out


#: a time split's number as apps read it (JavaScript's Number, Swift's Double): "754.5", "0.5", ".5" and "5." alike
SECONDS = lazy(r"^(\d+(\.\d*)?|\.\d+)$")


def _time_splits(src: str, block: Any, namespace: str, episode: str, duration: float | None,
                 channel: bool) -> list[Problem]:
    """The podcast:valueTimeSplit children of a value block (docs/tags/value-time-split.md)."""
    out: list[Problem] = []
    stretches: list[tuple[float, float, int]] = []
    splits = block.findall(namespace + "valueTimeSplit")

    def add(code: str, field: str, message: str, hint: str) -> None:
        out.append(problem(code, src, message, field=f"podcast:valueTimeSplit{field}", hint=hint, episode=episode))

    if splits and channel:
        add("VAL021", "", f"{len(splits)} podcast:valueTimeSplit in the channel's podcast:value: its times apply to "
            "every episode without a value block of its own", "move the splits into the podcast:value of the item they are for")
    for number, split in enumerate(splits, 1):
        times = {}
        for name in ("startTime", "duration", "remoteStartTime"):
            given = split.get(name)
            if given is None and name == "remoteStartTime":
                continue
            if given is None or not SECONDS.match(given.strip()) or not math.isfinite(float(given)):
                add("VAL013", f"@{name}", f"time split {number}: {name}={shown(given)} is not a number of seconds"
                    if given is not None else f"time split {number} has no {name} (required)",
                    f'write seconds, decimals allowed, e.g. {name}="754.5"')
            else:
                times[name] = float(given)
        if times.get("duration") == 0:
            add("VAL013", "@duration", f"time split {number} lasts 0 seconds", "give the stretch's length in seconds")
        percentage = split.get("remotePercentage")
        if percentage is not None and not (SECONDS.match(percentage.strip()) and float(percentage) <= 100):
            add("VAL017", "@remotePercentage", f"time split {number}: remotePercentage={quoted(percentage, 200)} is not a "
                "percentage from 0 to 100", "apps read anything below 0 as 0 and above 100 as 100; write what you mean")
        remotes = split.findall(namespace + "remoteItem")
        payees = split.findall(namespace + "valueRecipient")
        if bool(remotes) == bool(payees) or len(remotes) > 1:
            add("VAL019", "", f"time split {number} has " + (
                "neither a podcast:remoteItem nor a podcast:valueRecipient" if not remotes and not payees else
                f"{len(remotes)} podcast:remoteItem" + (" and podcast:valueRecipient elements" if payees else "")),
                "give it one podcast:remoteItem, or one or more podcast:valueRecipient, not both")
        elif payees and (split.get("remotePercentage") is not None or split.get("remoteStartTime") is not None):
            add("VAL019", "", f"time split {number} pays podcast:valueRecipient elements but has remoteStartTime or "
                "remotePercentage", "those describe a podcast:remoteItem; remove them")
        for remote in remotes:
            guid = (remote.get("feedGuid") or "").strip()
            if not FEED_GUID.match(guid.lower()):
                add("VAL018", "/podcast:remoteItem@feedGuid", f"time split {number}: " + (
                    f"feedGuid={quoted(guid, 200)} is not a UUID" if guid else "podcast:remoteItem without feedGuid (required)"),
                    "the other feed's podcast:guid, e.g. feedGuid=\"917393e3-1b1e-5cef-ace4-edaa54e1f810\"")
        out += _payees(src, split, namespace, block.get("type"), episode)
        if "startTime" in times and "duration" in times:
            start, length = times["startTime"], times["duration"]
            stretches.append((start, length, number))
            if duration and start >= duration:
                add("VAL014", "@startTime", f"time split {number} starts at {clock(start)}, when the audio has ended "
                    f"({clock(duration)} by itunes:duration)", "fix startTime, or itunes:duration")
            elif duration and start + length > duration + 1:  # itunes:duration is whole seconds
                add("VAL015", "@duration", f"time split {number} runs to {clock(start + length)}, past the end of the "
                    f"audio ({clock(duration)} by itunes:duration)", "shorten its duration, or fix startTime")
    stretches.sort()
    reach: tuple[float, float, int] | None = None  # of the splits before, the one that ends last
    for after, after_length, number in stretches:
        if reach is not None and after < reach[0] + reach[1]:
            start, length, first = reach
            add("VAL016", "@startTime", f"time split {number} starts at {clock(after)}, inside time split {first} "
                f"({clock(start)} to {clock(start + length)})", "end the earlier split where the next begins")
        if reach is None or after + after_length > reach[0] + reach[1]:
            reach = (after, after_length, number)
    return out


def _recipient(src: str, payee: Any, kind: str | None, episode: str) -> list[Problem]:
    out: list[Problem] = []
    rtype, address = payee.get("type") or "", (payee.get("address") or "").strip()

    def add(code: str, field: str, message: str, hint: str) -> None:
        out.append(problem(code, src, message, field=f"podcast:valueRecipient@{field}", hint=hint, episode=episode))

    if not address or not rtype:
        add("VAL004", "address" if not address else "type", f"podcast:valueRecipient without {'address' if not address else 'type'}",
            'give type="node" with the node\'s public key, or type="lnaddress" with name@domain')
    elif kind == "lightning" and rtype not in LIGHTNING_RECIPIENTS:
        add("VAL004", "type", f"a Lightning recipient of type {quoted(rtype, 200)}", 'use type="node" or type="lnaddress"')
    elif rtype == "node" and not NODE.match(address):
        add("VAL005", "address", f"{quoted(address, 200)} is not a node public key (66 hex digits starting 02 or 03)",
            "copy the pubkey from the node or wallet")
    elif rtype == "lnaddress" and not LNADDRESS.match(address):
        add("VAL006", "address", f"{quoted(address, 200)} is not a Lightning address (name@domain)", "copy it from the wallet")
    if not whole(payee.get("split")):  # None (not ASCII digits: '²', '١'; 19 digits or more) or 0
        add("VAL007", "split", f"split={shown(payee.get('split'))} is not a whole number of 1 or more", 'write e.g. split="90"')
    key, value = payee.get("customKey"), payee.get("customValue")
    if (key is None) != (value is None):
        add("VAL010", "customKey", "customKey and customValue go together", "give both, or neither")
    elif key is not None and kind == "lightning" and not TLV_MIN <= (whole(key, digits=20) or 0) < TLV_MAX:
        add("VAL010", "customKey", f"customKey={shown(key)} is not a TLV record type (a whole number from 65536)",
            "copy it from the wallet provider")
    if not (payee.get("name") or "").strip():
        add("VAL011", "name", "podcast:valueRecipient without a name", "apps show listeners who gets each share")
    return out


def _social(src: str, thread: Any, episode: str) -> list[Problem]:
    protocol = thread.get("protocol")

    def add(code: str, field: str, message: str, hint: str) -> list[Problem]:
        return [problem(code, src, message, field=f"podcast:socialInteract{field}", hint=hint, episode=episode)]

    if protocol not in SOCIAL_PROTOCOLS:
        return add("SOC001", "@protocol", f"podcast:socialInteract protocol {quoted(protocol, 200)} is not in the namespace's list",
                   f"use one of {', '.join(SOCIAL_PROTOCOLS)}")
    if protocol == "disabled":
        extra = sorted(name for name in thread.attrib if name != "protocol")
        if extra or (thread.text or "").strip():
            return add("SOC003", "", f"protocol=\"disabled\" with {', '.join(extra) or 'a node value'}",
                       "disabled stands alone: no other attribute")
        return []
    if not (thread.get("uri") or "").strip():
        return add("SOC002", "@uri", "podcast:socialInteract without uri", "the address of the post whose replies are the comments")
    if not (thread.get("accountId") or "").strip():
        return add("SOC005", "@accountId", "podcast:socialInteract without accountId (recommended)",
                   "the account that wrote the post, e.g. @team@example.social")
    return []
