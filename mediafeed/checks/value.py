"""``podcast:value`` / ``podcast:valueRecipient`` and ``podcast:socialInteract`` in any feed.

The same codes as the show's sources (``value.py``, ``social.py``), here for a feed read from disk or the web;
for a show, the source rules report them with the show.yml or episode.md key (see ``showfeed.COVERED``).
A non-https ``uri`` or ``accountUrl`` is PI004's, as for every ``podcast:`` URL.
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..social import SOCIAL_PROTOCOLS
from ..value import DECIMAL, LIGHTNING_METHODS, LIGHTNING_RECIPIENTS, LNADDRESS, NODE, TLV_MAX, TLV_MIN, VALUE_TYPES
from .feedxml import FeedDoc
from .rules import problem


def check_value_and_social(doc: FeedDoc, parent: Any, episode: str) -> list[Problem]:
    """The value blocks and comment threads that are children of ``parent`` (the channel or an item)."""
    namespace = "{%s}" % doc.podcast
    out: list[Problem] = []
    for block in parent.findall(namespace + "value"):
        out += _value(doc.source, block, namespace, episode)
    threads = parent.findall(namespace + "socialInteract")
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
        add("VAL003", "podcast:value@type", f"podcast:value type {kind!r} is not in the namespace's value slug list",
            "apps that do not know it skip the block")
    elif kind == "lightning" and method not in LIGHTNING_METHODS:
        add("VAL002", "podcast:value@method", f"Lightning has no method {method!r}", "use keysend, amp or lnaddress")
    if suggested is not None and not DECIMAL.match(suggested.strip()):
        add("VAL009", "podcast:value@suggested", f"suggested={suggested!r} is not a decimal amount",
            'write e.g. suggested="0.00000005000" (5 sats)')
    payees = block.findall(namespace + "valueRecipient")
    if not payees:
        add("VAL001", "podcast:value", "podcast:value without a podcast:valueRecipient", "add one per payee")
    fees, fee_count = 0, 0
    for payee in payees:
        out += _recipient(src, payee, kind, episode)
        split = (payee.get("split") or "").strip()
        if payee.get("fee") == "true" and split.isdigit():
            fees, fee_count = fees + int(split), fee_count + 1
    if fees > 100:
        add("VAL008", "podcast:valueRecipient@split", f"the fee recipients' splits add up to {fees} percent",
            "fee splits are percentages of each payment: at most 100 together")
    elif payees and fee_count == len(payees):
        add("VAL012", "podcast:valueRecipient@fee", "every podcast:valueRecipient is a fee",
            "add the podcast's own recipient without fee=\"true\"")
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
        add("VAL004", "type", f"a Lightning recipient of type {rtype!r}", 'use type="node" or type="lnaddress"')
    elif rtype == "node" and not NODE.match(address):
        add("VAL005", "address", f"{address!r} is not a node public key (66 hex digits starting 02 or 03)",
            "copy the pubkey from the node or wallet")
    elif rtype == "lnaddress" and not LNADDRESS.match(address):
        add("VAL006", "address", f"{address!r} is not a Lightning address (name@domain)", "copy it from the wallet")
    split = (payee.get("split") or "").strip()
    if not split.isdigit() or int(split) < 1:
        add("VAL007", "split", f"split={payee.get('split')!r} is not a whole number of 1 or more", 'write e.g. split="90"')
    key, value = payee.get("customKey"), payee.get("customValue")
    if (key is None) != (value is None):
        add("VAL010", "customKey", "customKey and customValue go together", "give both, or neither")
    elif key is not None and kind == "lightning" and not (key.isdigit() and TLV_MIN <= int(key) < TLV_MAX):
        add("VAL010", "customKey", f"customKey={key!r} is not a TLV record type (a whole number from 65536)",
            "copy it from the wallet provider")
    if not (payee.get("name") or "").strip():
        add("VAL011", "name", "podcast:valueRecipient without a name", "apps show listeners who gets each share")
    return out


def _social(src: str, thread: Any, episode: str) -> list[Problem]:
    protocol = thread.get("protocol")

    def add(code: str, field: str, message: str, hint: str) -> list[Problem]:
        return [problem(code, src, message, field=f"podcast:socialInteract{field}", hint=hint, episode=episode)]

    if protocol not in SOCIAL_PROTOCOLS:
        return add("SOC001", "@protocol", f"podcast:socialInteract protocol {protocol!r} is not in the namespace's list",
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
