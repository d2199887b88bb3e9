"""``value:`` (show.yml or front matter) → :class:`Value` blocks: Podcasting 2.0 ``podcast:value`` with its
``podcast:valueRecipient`` payees ("Value for Value": apps stream a payment per minute listened, or a boost).

The rules are the namespace's (Podcastindex-org/podcast-namespace ``docs/tags/value.md``,
``docs/tags/value-recipient.md``, ``docs/examples/value/value.md`` and ``valueslugs.txt``): ``type`` and
``method`` are required (we default them to Lightning keysend, the only type in active use); Lightning takes
``keysend``, ``amp`` or ``lnaddress`` and recipients of type ``node`` (a node's public key: 66 hex digits
starting 02 or 03) or ``lnaddress`` (a Lightning address, user@domain); ``split`` is a whole number of shares,
or for ``fee: true`` recipients a percentage off the top (fees together at most 100); a ``customKey`` is a
TLV record type of at least 2^16 and goes with a ``customValue``.

An episode's block may also hold ``time_splits:`` (``podcast:valueTimeSplit``, ``docs/tags/value-time-split.md``):
other payees for a stretch of the audio, given as ``recipients:`` of their own or as a ``remote_item:`` (another
feed's or episode's value block, paid ``remote_percentage`` of each payment). The times are positions in one
episode's audio, so show.yml's block (every episode's) takes none.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Any

from .chapters import clock
from .errors import Problem, error, warning
from .lazypattern import lazy
from .model import RemoteItem, Value, ValueRecipient, ValueTimeSplit
from .numbers import MAX_DIGITS, whole
from .source import MISSING, FieldReader, as_text, is_url, parse_time, quoted, what_arrived

#: the namespace's value slug list (docs/examples/value/valueslugs.txt): currencies or layers, methods and
#: recipient types in one list
VALUE_SLUGS = ("bitcoin", "lightning", "keysend", "lnaddress", "amp", "wallet", "node")
VALUE_TYPES = ("lightning", "bitcoin")
LIGHTNING_METHODS = ("keysend", "amp", "lnaddress")
LIGHTNING_RECIPIENTS = ("node", "lnaddress")
VALUE_KEYS = frozenset({"type", "method", "suggested", "recipients", "time_splits"})
RECIPIENT_KEYS = frozenset({"name", "type", "address", "split", "fee", "custom_key", "custom_value"})
SPLIT_KEYS = frozenset({"start", "duration", "remote_start", "remote_percentage", "remote_item", "recipients"})
REMOTE_ITEM_KEYS = frozenset({"feed_guid", "feed_url", "item_guid", "medium", "title"})

NODE = lazy(r"^0[23][0-9a-fA-F]{64}$")
#: LUD-16: a user name of a-z 0-9 - _ . + and a domain
LNADDRESS = lazy(r"^[a-zA-Z0-9._+-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$")
DECIMAL = lazy(r"^\d+(\.\d+)?$")
#: an amount in decimal digits, as a decimal or in exponent form (5.0e-08); not YAML's 0x10, 1:30 or 1_000
WRITTEN_DECIMAL = lazy(r"^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
#: every bitcoin there will be, and a millisatoshi's place (Lightning's smallest amount: 10^-11 bitcoin)
MAX_BITCOIN, MSAT_EXPONENT = Decimal(21_000_000), -11
TLV_MIN, TLV_MAX = 2 ** 16, 2 ** 64
#: a podcast:guid (remoteItem@feedGuid): a UUID as apps compare it, lower-case hex in 8-4-4-4-12
#: how far past the probed end of the audio a time split may run unreported: an editor's timeline and the probe
#: disagree by a few hundred milliseconds (and itunes:duration is whole seconds), and a split running past the end
#: is only cut short; the warning is for a wrong duration or start, not for rounding
END_SLACK = 1.0
FEED_GUID = lazy(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def parse_values(r: FieldReader, key: str = "value", time_splits: bool = True) -> tuple[Value, ...]:
    """``value:`` as one block (a mapping) or several (a list of mappings, e.g. two currencies). ``time_splits``:
    whether the blocks may hold them (an episode's do; show.yml's, every episode's, do not)."""
    raw = r.raw(key)
    if raw is MISSING:
        return ()
    if isinstance(raw, dict):
        found = _value(r, raw, key, time_splits)
        return (found,) if found else ()
    if not isinstance(raw, list):
        r.fail(key, f"expected a mapping with 'recipients', got {what_arrived(raw)}",
               hint=f"write '{key}:' then 'recipients:' with one '- {{name: …, address: …, split: …}}' per payee")
        return ()
    blocks = (_value(r, item, f"{key}[{index}]", time_splits) for index, item in enumerate(raw))
    return tuple(block for block in blocks if block)


def _value(r: FieldReader, item: Any, key: str, time_splits: bool) -> Value | None:
    sub = r.sub(item, key)
    if not sub:
        return None
    kind = sub.str("type", "lightning").lower()
    method = sub.str("method", "keysend").lower()
    if not kind:
        sub.fail("type", "a value block needs a type", hint="write 'type: lightning'", code="VAL002")
    elif kind not in VALUE_TYPES:
        sub.warn("type", "VAL003", f"{quoted(kind)} is not in the namespace's value slug list ({', '.join(VALUE_TYPES)}); "
              "apps that do not know it skip the block", "use 'type: lightning' unless your listeners' apps support it")
    if not method:
        sub.fail("method", "a value block needs a method", hint="write 'method: keysend'", code="VAL002")
    elif kind == "lightning" and method not in LIGHTNING_METHODS:
        sub.fail("method", f"Lightning payments are sent by {', '.join(LIGHTNING_METHODS)}, not {quoted(method)}",
                 hint="write 'method: keysend' (or amp, or lnaddress for Lightning address recipients)", code="VAL002")
    elif kind != "lightning" and method not in VALUE_SLUGS + ("default",):
        sub.warn("method", "VAL003", f"{quoted(method)} is not in the namespace's value slug list",
              "use 'default' when the currency has no particular method")
    suggested = _suggested(sub, kind)
    if not sub.list("recipients"):
        sub.fail("recipients", "a value block needs at least one recipient",
                 hint="add 'recipients:' with '- {name: …, type: node, address: …, split: 100}'", code="VAL001")
    recipients = _recipients(sub, kind)
    splits: tuple[ValueTimeSplit, ...] = ()
    if not time_splits and sub.raw("time_splits") is not MISSING:
        sub.fail("time_splits", "time splits are positions in one episode's audio; show.yml's value block is every "
                 "episode's", hint="move 'time_splits:' into the value: block of the episode's front matter (with the "
                 "episode's own recipients)")
    elif time_splits:
        splits = _time_splits(sub, kind)
    sub.unknown(VALUE_KEYS)
    r.adopt(sub)
    return Value(recipients, splits, kind, method, suggested) if recipients and kind and method else None


def _recipients(sub: FieldReader, kind: str) -> tuple[ValueRecipient, ...]:
    """``recipients:`` of a block or of a time split, each checked, and their fees and duplicates together."""
    recipients = []
    seen: dict[tuple[str, str, str], int] = {}
    for index, entry in enumerate(sub.list("recipients")):
        recipient = _recipient(sub, entry, f"recipients[{index}]", kind)
        if not recipient:
            continue
        payee = payee_key(recipient.address, recipient.custom_key, recipient.custom_value)
        if payee in seen:
            sub.warn(f"recipients[{index}]", "VAL020", f"pays {recipient.address} "
                     f"{'with the same custom_key/custom_value ' if recipient.custom_key else ''}as recipients[{seen[payee]}]: "
                     "apps pay it twice or drop one", "give the payee one entry with the two splits added up")
        else:
            seen[payee] = index
        recipients.append(recipient)
    fees = sum(p.split for p in recipients if p.fee)
    if fees > 100:
        sub.fail("recipients", f"the fee recipients' splits add up to {fees} percent; they are percentages of each "
                 "payment, at most 100 together", hint="lower the fee splits, or make a payee a share holder (fee: false)",
                 code="VAL008")
    elif recipients and all(p.fee for p in recipients):
        sub.warn("recipients", "VAL012", "every recipient is a fee: what the fees leave goes to nobody",
                 "add the podcast's own recipient with 'fee: false' (the default)")
    return tuple(recipients)


def payee_key(address: str, custom_key: str | None, custom_value: str | None) -> tuple[str, str, str]:
    """Who a payment reaches: the address (a node key in any case) and the custom record routing it inside the node."""
    return address.strip().lower(), (custom_key or "").strip(), (custom_value or "").strip()


def _time_splits(r: FieldReader, kind: str) -> tuple[ValueTimeSplit, ...]:
    """``time_splits:`` in the producer's order; overlapping stretches are VAL016 (apps would pay one of them)."""
    found: list[tuple[int, ValueTimeSplit]] = []
    for index, entry in enumerate(r.list("time_splits")):
        split = _time_split(r, entry, f"time_splits[{index}]", kind)
        if split:
            found.append((index, split))
    ordered = sorted(found, key=lambda pair: (pair[1].start, pair[0]))
    reach: tuple[int, ValueTimeSplit] | None = None  # of the splits before, the one that ends last
    for index, after in ordered:
        if reach is not None and after.start < reach[1].start + reach[1].duration:
            first, before = reach
            r.fail(f"time_splits[{index}]", f"starts at {clock(after.start)}, inside time_splits[{first}] "
                   f"({clock(before.start)} to {clock(before.start + before.duration)}); apps pay one split at a time",
                   hint="end the earlier split where the next begins (shorten its 'duration'), or move this one's 'start'",
                   code="VAL016")
        if reach is None or after.start + after.duration > reach[1].start + reach[1].duration:
            reach = (index, after)
    return tuple(split for _, split in found)


def _time_split(r: FieldReader, item: Any, key: str, kind: str) -> ValueTimeSplit | None:
    sub = r.sub(item, key)
    if not sub:
        return None
    ok = True
    start, duration = _seconds(sub, "start", required=True), _seconds(sub, "duration", required=True)
    if duration == 0:
        sub.fail("duration", "a time split's duration is 0 seconds: it pays nobody", code="VAL013",
                 hint="give the stretch's length, e.g. 'duration: 237' or 'duration: \"3:57\"'")
    remote_start = _seconds(sub, "remote_start", required=False)
    percentage = _percentage(sub)
    remote = _remote_item(sub)
    has_recipients = bool(sub.list("recipients"))  # ('recipients: []' is none)
    recipients = _recipients(sub, kind) if has_recipients else ()
    if has_recipients and sub.raw("remote_item") is not MISSING:
        sub.fail("remote_item", "a time split pays either its own recipients or a remote item's value block, not both",
                 hint="keep 'remote_item:' for another show's episode or a song, 'recipients:' for people paid directly",
                 code="VAL019")
        ok = False
    elif not has_recipients and sub.raw("remote_item") is MISSING:
        sub.fail("recipients", "a time split needs 'recipients:' or a 'remote_item:' to pay", code="VAL019",
                 hint="add 'recipients:' (e.g. the host and the guest, with their splits) or 'remote_item: {feed_guid: …}'")
        ok = False
    elif has_recipients and (remote_start is not None or percentage is not None):
        sub.fail("remote_percentage" if percentage is not None else "remote_start", "remote_start and "
                 "remote_percentage describe a remote_item; this split pays its own recipients", code="VAL019",
                 hint="remove it (the recipients' splits share the whole payment for the stretch)")
    sub.unknown(SPLIT_KEYS)
    r.adopt(sub)
    if not ok or start is None or not duration or not (recipients or remote):
        return None
    return ValueTimeSplit(start, duration, recipients, remote, remote_start, percentage)


def _seconds(sub: FieldReader, key: str, required: bool) -> float | None:
    raw = sub.raw(key)
    if raw is MISSING and not required:
        return None
    seconds = parse_time(raw)
    if seconds is None:
        got = "nothing" if raw is MISSING else repr(raw)
        sub.fail(key, f"expected seconds (90, 90.5) or a time (01:30, 00:01:30.500), got {got}", code="VAL013",
                 hint=f"write e.g. '{key}: 754.5' or '{key}: \"00:12:34.5\"' (quote a time with colons)")
    return seconds


def _percentage(sub: FieldReader) -> float | None:
    raw = sub.raw("remote_percentage")
    if raw is MISSING:
        return None
    if isinstance(raw, str):
        try:
            raw = float(raw.strip().removesuffix("%"))
        except ValueError:
            pass
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0 <= raw <= 100:
        sub.fail("remote_percentage", f"expected a percentage from 0 to 100, got {what_arrived(raw)}", code="VAL017",
                 hint="write e.g. 'remote_percentage: 95' (the remote value block gets 95 % of each payment for the "
                 "stretch; 100 when left out)")
        return None
    return float(raw)


def _remote_item(r: FieldReader) -> RemoteItem | None:
    raw = r.raw("remote_item")
    if raw is MISSING:
        return None
    sub = r.sub(raw, "remote_item")
    if not sub:
        return None
    item = read_remote_item(sub, "VAL018")
    r.adopt(sub)
    return item


def read_remote_item(sub: FieldReader, code: str) -> RemoteItem | None:
    """A ``podcast:remoteItem`` (a time split's ``remote_item:``, a ``podroll:`` entry): its ``feedGuid`` is required and
    is the other feed's ``podcast:guid`` (remote-item.md), which apps look up as written; ``code`` names the problem."""
    guid = sub.str("feed_guid")
    url = sub.str("feed_url")
    ok = True
    if not FEED_GUID.match(guid.lower()):
        got = repr(guid) if guid else "nothing"
        sub.fail("feed_guid", f"expected the other feed's podcast:guid, a UUID such as "
                 f"917393e3-1b1e-5cef-ace4-edaa54e1f810; got {got}", code=code,
                 hint="copy the <podcast:guid> from the other feed (podcastindex.org shows it on the podcast's page)")
        ok = False
    if url and not is_url(url, https=True):
        sub.fail("feed_url", f"expected an https:// URL, got {quoted(url, 200)}", hint="the other feed's address, e.g. "
                 "'https://feeds.example.org/show/rss.xml'")
        url = ""
    item = RemoteItem(guid.lower(), url, sub.str("title"), item_guid=sub.str("item_guid"), medium=sub.str("medium"))
    sub.unknown(REMOTE_ITEM_KEYS)
    return item if ok else None


def check_time_splits(values: tuple[Value, ...], file: str, duration: float | None, episode: str = "") -> list[Problem]:
    """An episode's time splits against its audio's duration (probed when the show is built): a split starting at or
    after the end is never paid (VAL014), one running past it is cut short (VAL015)."""
    if not duration or duration <= 0:
        return []
    problems = []
    for number, value in enumerate(values):
        prefix = "value." if len(values) == 1 else f"value[{number}]."
        for index, split in enumerate(value.time_splits):
            field = f"{prefix}time_splits[{index}]"
            end = split.start + split.duration
            if split.start >= duration:
                problems.append(error("VAL014", file, f"time split {index + 1} starts at {clock(split.start)}, when the "
                                      f"audio has ended ({clock(duration)}): it is never paid", field=f"{field}.start",
                                      hint="fix its 'start' (seconds or HH:MM:SS from the start of this episode's audio)",
                                      episode=episode))
            elif end > duration + END_SLACK:
                problems.append(warning("VAL015", file, f"time split {index + 1} runs to {clock(end)}, past the end of "
                                        f"the audio ({clock(duration)})", field=f"{field}.duration",
                                        hint=f"shorten its 'duration' to {seconds_text(duration - split.start)} or fix "
                                        "its 'start'", episode=episode))
    return problems


def seconds_text(seconds: float) -> str:
    """A time (or a percentage, a bitrate) as the feed writes it: to the millisecond, without trailing zeros, and
    without the point when nothing follows it (``7.0004`` is ``7``, not ``7.``: no number in the namespace's or XML
    Schema's sense, refused by PI013 and the value rules), nor a minus sign on nothing (``-0.0001`` is ``0``)."""
    text = f"{seconds:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _suggested(sub: FieldReader, kind: str) -> str:
    """The namespace's suggested amount: a decimal ("[payment amount(float)]"), written in decimal digits (``5.0e-08``
    too: published as 0.00000005). ``0x10``, ``1:30`` and ``1_000`` were YAML's numbers (16, 90, 1000) or published
    as Python read them; ``1e400`` and ``1e-400`` were published as 401 digits and 400 decimals: no float holds them,
    and no Lightning payment is finer than a millisatoshi (0.00000000001 bitcoin)."""
    raw = sub.raw("suggested")
    if raw is MISSING:
        return ""
    text = as_text(raw).strip() if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) else ""
    try:
        amount = Decimal(text) if WRITTEN_DECIMAL.match(text) else Decimal("NaN")
    except InvalidOperation:
        amount = Decimal("NaN")
    hint = "write 'suggested: 0.00000005000' (bitcoin per minute; listeners can change it)"
    if not amount.is_finite() or amount < 0:  # (what was written: 0x10, not YAML's 16)
        sub.fail("suggested", "expected an amount of the currency in decimal digits, such as 0.00000005 (5 sats); got "
                 + (_shown(text) if text else what_arrived(raw)), hint=hint, code="VAL009")
        return ""
    if kind == "lightning" and (amount > MAX_BITCOIN or int(amount.normalize().as_tuple().exponent) < MSAT_EXPONENT):
        too = "more bitcoin than there will ever be (21,000,000)" if amount > MAX_BITCOIN else \
            "finer than a millisatoshi (0.00000000001 bitcoin), the smallest amount Lightning pays"
        sub.fail("suggested", f"{_shown(text)} is {too}", hint=hint, code="VAL009")
        return ""
    if kind != "lightning" and not math.isfinite(float(amount)):
        sub.fail("suggested", f"{_shown(text)} is more than apps' numbers hold", hint=hint, code="VAL009")
        return ""
    return text if DECIMAL.match(text) else format(amount.normalize(), "f")  # 5.0e-08 → 0.00000005, the namespace's form


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 40 else f"{text[:12]!r}… ({len(text):,} characters)"


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
        sub.fail("type", f"cannot tell what kind of address {quoted(address, 200)} is", code="VAL004",
                 hint="add 'type: node' (a node's public key) or 'type: lnaddress' (name@wallet.example)")
        ok = False
    elif kind == "lightning" and rtype not in LIGHTNING_RECIPIENTS:
        sub.fail("type", f"a Lightning recipient is a 'node' or an 'lnaddress', not {quoted(rtype)}", code="VAL004",
                 hint="write 'type: node' for a public key, 'type: lnaddress' for name@wallet.example")
        ok = False
    elif kind != "lightning" and rtype not in VALUE_SLUGS:
        sub.warn("type", "VAL003", f"{quoted(rtype)} is not in the namespace's value slug list",
              f"use one of {', '.join(VALUE_SLUGS)}")
    if ok and rtype == "node" and not NODE.match(address):
        sub.fail("address", f"a Lightning node address is the node's public key, 66 hex digits starting 02 or 03; "
                 f"got {quoted(address, 200)} ({len(address)} characters)", code="VAL005",
                 hint="copy the node's pubkey from your wallet or node (a Lightning address name@domain needs 'type: lnaddress')")
        ok = False
    elif ok and rtype == "lnaddress" and not LNADDRESS.match(address):
        sub.fail("address", f"a Lightning address looks like an e-mail address, name@wallet.example; got {quoted(address, 200)}",
                 code="VAL006", hint="copy it from your wallet (Alby, Fountain, …)")
        ok = False
    split = _split(sub)
    fee = bool(sub.bool("fee", False))
    custom_key, custom_value = sub.str("custom_key"), sub.str("custom_value")
    if bool(custom_key) != bool(custom_value):
        sub.fail("custom_key" if custom_value else "custom_value", "custom_key and custom_value go together",
                 hint="give both (your wallet provider names them), or neither", code="VAL010")
        ok = False
    elif custom_key and kind == "lightning" and not TLV_MIN <= (whole(custom_key, digits=20) or 0) < TLV_MAX:
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
    """A whole number of shares ("[share count(int)]"), in decimal digits: YAML read ``0x10`` as 16, ``0b101`` as 5,
    ``1:30`` as 90 (base 60) and ``1_000`` as 1000, and a number of 23 digits was published though no app's 64-bit
    integer holds it."""
    raw = sub.raw("split")
    text = as_text(raw).strip() if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) else ""
    number = whole(text.removeprefix("+"))  # not '²' (isdigit, and int refuses it: Internal error); at most 18 digits
    if number is not None and isinstance(raw, int) and not isinstance(raw, bool) and int(raw) != number:
        # 'split: 050' (a leading zero): YAML 1.1 reads an octal 40, which was published; read as digits it is 50.
        # Either, without a word, moves a share of every payment: the producer says which
        sub.fail("split", f"expected a whole number of shares in decimal digits; got {text}, which YAML reads as "
                 f"{int(raw)} (a leading zero makes an octal number) and the digits say {number}", code="VAL007",
                 hint=f"write the number without its leading zero: 'split: {number}' (or 'split: {int(raw)}', the "
                 "share mediafeed published before session 26)")
        return 0
    if number is None or number < 1:
        hint = "write e.g. 'split: 90' (shares are ratios: 90 and 10 give 90 % and 10 %; a fee's split is a percentage)"
        if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw < 10 ** MAX_DIGITS:
            hint = f"write it in decimal digits: 'split: {int(raw)}' (YAML reads {text} as {int(raw)})"
        got = "nothing" if raw is MISSING else (text if isinstance(raw, (int, float)) else _shown(text)) if text \
            else what_arrived(raw)
        what = f"a whole number of shares of at most {MAX_DIGITS} digits (no app's 64-bit integer holds more)" \
            if text.isascii() and text.isdigit() and number is None else "a whole number of shares in decimal digits, 1 or more"
        sub.fail("split", f"expected {what}; got {got}", code="VAL007", hint=hint)
        return 0
    return number
