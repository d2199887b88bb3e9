"""Numbers written in a feed, read without letting one stop the check.

A feed is anyone's text: ``str.isdigit`` is true for '²' (``int`` refuses it: "Internal error" and exit 3 for
``split="²"``) and for '١' (which ``int`` reads as 1, and no app does); ``int`` refuses 5,000 digits (Python's 4,300
digit limit), and 400 digits overflow a float. Seen in ``check FEED`` on an enclosure length, itunes:season,
itunes:episode, a value split, a customKey, a Podlove chapter start and a value time split; each stopped the check.
"""

from __future__ import annotations

#: the most digits a number in a feed may have: 10^18 is below the 2^63 of the 64-bit integers apps read them into
MAX_DIGITS = 18


def whole(value: str | None, digits: int = MAX_DIGITS) -> int | None:
    """``value`` as a whole number when it is ASCII digits only (surrounding spaces allowed) and at most ``digits``
    long after leading zeros; None otherwise."""
    text = (value or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > digits:
        return None
    return int(text)


def shown(value: str | None, limit: int = 40) -> str:
    """``repr(value)`` for a message, or its start and length when longer than ``limit``: a 5,000-digit season was
    echoed whole, a 5,000-character line of text output."""
    if value is None or len(value) <= limit:
        return repr(value)
    return f"{value[:12]!r}… ({len(value):,} characters)"
