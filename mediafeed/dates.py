"""Dates the way feeds want them, without touching the process locale."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from email.utils import format_datetime

from .errors import MediafeedError, error


def rfc2822(moment: datetime) -> str:
    """``Wed, 15 Jun 2019 19:00:00 +0000``: English names, numeric zone, any locale."""
    return format_datetime(moment)


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
