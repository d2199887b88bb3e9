"""Measurement prefixes on old enclosure URLs (Podtrac, Chartable, Podsights, OP3 …), seen through when fetching.

Hosts put an analytics service's redirect in front of every enclosure:
``https://dts.podtrac.com/redirect.mp3/traffic.libsyn.com/show/ep.mp3``. The import fetches the file the prefix
points at, never through the prefix: the import is no listener (it would count as a download in the old show's
statistics), and a prefix whose service has closed (Chartable, June 2024) would fail every download. The new feed
points at the new host's files without any prefix: the producer adds one there on purpose, if at all.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

#: prefixes that redirect to the URL written after them (without its scheme, or with it); they may be chained
_PREFIX = re.compile(
    r"^(?P<scheme>https?)://(?:"
    r"(?:dts|www)\.podtrac\.com/(?:pts/)?redirect\.[a-z0-9]+/"
    r"|(?:chtbl\.com|chrt\.fm)/track/[^/]+/"
    r"|pdst\.fm/e/"
    r"|op3\.dev/e(?:,[^/]*)?/"
    r"|pfx\.vpixl\.com/[^/]+/"
    r"|mgln\.ai/e/[^/]+/"
    r"|arttrk\.com/p/[^/]+/"
    r"|verifi\.podscribe\.com/rss/p/"
    r"|pscrb\.fm/rss/p/"
    r"|prfx\.byspotify\.com/e/"
    r"|(?:www\.)?claritaspod\.com/measure/"
    r"|clrtpod\.com/m/"
    r"|tracking\.swap\.fm/track/[^/]+/"
    r"|anchor\.fm/s/[^/]+/podcast/play/[^/]+/"  # Anchor / Spotify for Creators: the file's own URL, percent-encoded
    r")(?P<rest>.+)$", re.I)


def without_tracking(url: str) -> str:
    """``url`` with every measurement prefix in front of it removed; the rest keeps the prefix's scheme unless it
    names its own (``op3.dev/e/https://…``)."""
    while True:
        match = _PREFIX.match(url)
        if not match:
            return url
        rest = match.group("rest")
        if re.match(r"^https?%3A%2F%2F", rest, re.I):  # https%3A%2F%2Fd3ctxlq1ktw2nl.cloudfront.net%2F…
            rest = unquote(rest)
        url = rest if re.match(r"^https?://", rest, re.I) else f"{match.group('scheme')}://{rest}"
