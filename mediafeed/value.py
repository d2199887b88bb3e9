"""``value:`` (show.yml or front matter) → :class:`Value` blocks: Podcasting 2.0 ``podcast:value`` with its
``podcast:valueRecipient`` payees ("Value for Value": apps stream a payment per minute listened, or a boost).

The rules are the namespace's (Podcastindex-org/podcast-namespace ``docs/tags/value.md``,
``docs/tags/value-recipient.md``, ``docs/examples/value/value.md`` and ``valueslugs.txt``): ``type`` and
``method`` are required (we default them to Lightning keysend, the only type in active use); Lightning takes
``keysend``, ``amp`` or ``lnaddress`` and recipients of type ``node`` (a node's public key: 66 hex digits
starting 02 or 03) or ``lnaddress`` (a Lightning address, user@domain); ``split`` is a whole number of shares,
or for ``fee: true`` recipients a percentage off the top (fees together at most 100); a ``customKey`` is a
TLV record type of at least 2^16 and goes with a ``customValue``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .model import Value, ValueRecipient
from .source import MISSING, FieldReader, as_text

#: the namespace's value slug list (docs/examples/value/valueslugs.txt): currencies or layers, methods and
#: recipient types in one list
VALUE_SLUGS = ("bitcoin", "lightning", "keysend", "lnaddress", "amp", "wallet", "node")
VALUE_TYPES = ("lightning", "bitcoin")
LIGHTNING_METHODS = ("keysend", "amp", "lnaddress")
LIGHTNING_RECIPIENTS = ("node", "lnaddress")
VALUE_KEYS = frozenset({"type", "method", "suggested", "recipients"})
RECIPIENT_KEYS = frozenset({"name", "type", "address", "split", "fee", "custom_key", "custom_value"})

NODE = re.compile(r"^0[23][0-9a-fA-F]{64}$")
#: LUD-16: a user name of a-z 0-9 - _ . + and a domain
LNADDRESS = re.compile(r"^[a-zA-Z0-9._+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$")
DECIMAL = re.compile(r"^\d+(\.\d+)?$")
TLV_MIN, TLV_MAX = 2 ** 16, 2 ** 64



def parse_values(r: FieldReader, key: str = "value") -> tuple[Value, ...]:
    """``value:`` as one block (a mapping) or several (a list of mappings, e.g. two currencies)."""
    raw = r.raw(key)
    if raw is MISSING:
        return ()
    if isinstance(raw, dict):
        found = _value(r, raw, key)
        return (found,) if found else ()
    if not isinstance(raw, list):
        r.fail(key, f"expected a mapping with 'recipients', got {raw!r}",
               hint=f"write '{key}:' then 'recipients:' with one '- {{name: …, address: …, split: …}}' per payee")
        return ()
    blocks = (_value(r, item, f"{key}[{index}]") for index, item in enumerate(raw))
    return tuple(block for block in blocks if block)


def _value(r: FieldReader, item: Any, key: str) -> Value | None:
    sub = r.sub(item, key)
    if not sub:
        return None
    kind = sub.str("type", "lightning").lower()
    method = sub.str("method", "keysend").lower()
    if not kind:
        sub.fail("type", "a value block needs a type", hint="write 'type: lightning'", code="VAL002")
    elif kind not in VALUE_TYPES:
        sub.warn("type", "VAL003", f"{kind!r} is not in the namespace's value slug list ({', '.join(VALUE_TYPES)}); "
              "apps that do not know it skip the block", "use 'type: lightning' unless your listeners' apps support it")
    if not method:
        sub.fail("method", "a value block needs a method", hint="write 'method: keysend'", code="VAL002")
    elif kind == "lightning" and method not in LIGHTNING_METHODS:
        sub.fail("method", f"Lightning payments are sent by {', '.join(LIGHTNING_METHODS)}, not {method!r}",
                 hint="write 'method: keysend' (or amp, or lnaddress for Lightning address recipients)", code="VAL002")
    elif kind != "lightning" and method not in VALUE_SLUGS + ("default",):
        sub.warn("method", "VAL003", f"{method!r} is not in the namespace's value slug list",
              "use 'default' when the currency has no particular method")
    suggested = _suggested(sub)
    recipients = []
    entries = sub.list("recipients")
    if not entries:
        sub.fail("recipients", "a value block needs at least one recipient",
                 hint="add 'recipients:' with '- {name: …, type: node, address: …, split: 100}'", code="VAL001")
    for index, entry in enumerate(entries):
        recipient = _recipient(sub, entry, f"recipients[{index}]", kind)
        if recipient:
            recipients.append(recipient)
    fees = sum(p.split for p in recipients if p.fee)
    if fees > 100:
        sub.fail("recipients", f"the fee recipients' splits add up to {fees} percent; they are percentages of each "
                 "payment, at most 100 together", hint="lower the fee splits, or make a payee a share holder (fee: false)",
                 code="VAL008")
    elif recipients and all(p.fee for p in recipients):
        sub.warn("recipients", "VAL012", "every recipient is a fee: what the fees leave goes to nobody",
              "add the podcast's own recipient with 'fee: false' (the default)")
    sub.unknown(VALUE_KEYS)
    r.adopt(sub)
    return Value(tuple(recipients), kind, method, suggested) if recipients and kind and method else None


def _suggested(sub: FieldReader) -> str:
    raw = sub.raw("suggested")
    if raw is MISSING:
        return ""
    text = as_text(raw).strip() if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) else ""
    try:
        amount = Decimal(text)
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0:
        sub.fail("suggested", f"expected an amount of the currency such as 0.00000005 (5 sats), got {raw!r}",
                 hint="write 'suggested: 0.00000005000' (bitcoin per minute; listeners can change it)", code="VAL009")
        return ""
    return text if DECIMAL.match(text) else format(amount.normalize(), "f")  # 5.0e-08 → 0.00000005, the namespace's form


def _recipient(r: FieldReader, item: Any, key: str, kind: str) -> ValueRecipient | None:
    sub = r.sub(item, key)
    if not sub:
        return None
    address = sub.str("address")
    given = sub.str("type").lower()
    rtype = given or ("node" if NODE.match(address) else "lnaddress" if LNADDRESS.match(address) else "")
    ok = True
    if not address:
        sub.fail("address", "a recipient needs an address", code="VAL004",
                 hint="give the node's public key (66 hex digits) or a Lightning address (name@wallet.example)")
        ok = False
    elif not rtype:
        sub.fail("type", f"cannot tell what kind of address {address!r} is", code="VAL004",
                 hint="add 'type: node' (a node's public key) or 'type: lnaddress' (name@wallet.example)")
        ok = False
    elif kind == "lightning" and rtype not in LIGHTNING_RECIPIENTS:
        sub.fail("type", f"a Lightning recipient is a 'node' or an 'lnaddress', not {rtype!r}", code="VAL004",
                 hint="write 'type: node' for a public key, 'type: lnaddress' for name@wallet.example")
        ok = False
    elif kind != "lightning" and rtype not in VALUE_SLUGS:
        sub.warn("type", "VAL003", f"{rtype!r} is not in the namespace's value slug list",
              f"use one of {', '.join(VALUE_SLUGS)}")
    if ok and rtype == "node" and not NODE.match(address):
        sub.fail("address", f"a Lightning node address is the node's public key, 66 hex digits starting 02 or 03; "
                 f"got {address!r} ({len(address)} characters)", code="VAL005",
                 hint="copy the node's pubkey from your wallet or node (a Lightning address name@domain needs 'type: lnaddress')")
        ok = False
    elif ok and rtype == "lnaddress" and not LNADDRESS.match(address):
        sub.fail("address", f"a Lightning address looks like an e-mail address, name@wallet.example; got {address!r}",
                 code="VAL006", hint="copy it from your wallet (Alby, Fountain, …)")
        ok = False
    split = _split(sub)
    fee = bool(sub.bool("fee", False))
    custom_key, custom_value = sub.str("custom_key"), sub.str("custom_value")
    if bool(custom_key) != bool(custom_value):
        sub.fail("custom_key" if custom_value else "custom_value", "custom_key and custom_value go together",
                 hint="give both (your wallet provider names them), or neither", code="VAL010")
        ok = False
    elif custom_key and kind == "lightning" and not (custom_key.isdigit() and TLV_MIN <= int(custom_key) < TLV_MAX):
        sub.fail("custom_key", f"a Lightning custom_key is a TLV record type, a whole number from 65536 up; got {custom_key!r}",
                 hint="copy it from your wallet provider (e.g. 696969 for Fountain and Alby wallets)", code="VAL010")
        ok = False
    name = sub.str("name")
    if not name and address:
        sub.warn("name", "VAL011", "a recipient without a name: apps show listeners who gets each share",
              "add 'name: …', e.g. 'name: Maya (host)'")
    sub.unknown(RECIPIENT_KEYS)
    r.adopt(sub)
    if not (ok and split):
        return None
    return ValueRecipient(address.lower() if rtype == "node" else address, rtype, split, name, fee, custom_key, custom_value)


def _split(sub: FieldReader) -> int:
    raw = sub.raw("split")
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw.strip())
    if raw is MISSING or isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        got = "nothing" if raw is MISSING else repr(raw)
        sub.fail("split", f"expected a whole number of shares, 1 or more; got {got}", code="VAL007",
                 hint="write e.g. 'split: 90' (shares are ratios: 90 and 10 give 90 % and 10 %; a fee's split is a percentage)")
        return 0
    return int(raw)
