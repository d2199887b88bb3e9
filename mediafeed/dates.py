"""Dates the way feeds want them, without touching the process locale."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .errors import MediafeedError, error

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def rfc2822(moment: datetime) -> str:
    """``Sat, 15 Jun 2019 19:00:00 +0000``: English names, numeric zone, any locale.

    The same text as ``email.utils.format_datetime`` (a test compares them), without importing the email
    package and the socket module behind it (~10 ms of every build's start-up)."""
    zone = moment.strftime("%z") if moment.tzinfo is not None else "-0000"
    return (f"{_DAYS[moment.weekday()]}, {moment.day:02d} {_MONTHS[moment.month - 1]} {moment.year:04d} "
            f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} {zone}")


def source_date(default: datetime | None = None) -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as an aware UTC datetime (reproducible builds), else ``default``."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return default
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise MediafeedError(error("SRC090", "SOURCE_DATE_EPOCH", f"expected a Unix time in seconds, got {value!r}",
                                   hint="unset it, or set it to e.g. $(git log -1 --format=%ct)")) from None
