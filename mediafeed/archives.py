"""Splitting a big back catalogue: the newest ``feed_limit`` episodes in feed.xml, the rest in archives.

RFC 5005 describes two ways for a client to find entries that are no longer in
the subscription feed, and the archive documents written here serve both:

* *archived feeds* (section 4): ``feed.xml`` links ``rel="prev-archive"`` to the
  newest archive; each archive carries ``<fh:archive/>``, ``rel="current"`` (back
  to feed.xml), ``rel="prev-archive"`` (older) and ``rel="next-archive"`` (newer);
* *paged feeds* (section 3, read by podcastparser/gPodder and AntennaPod):
  ``rel="first"``, ``"next"`` (older), ``"previous"`` (newer) and ``"last"``.

Archives are numbered from the oldest episode, ``archive/feed-1.xml`` first, and
hold ``feed_limit`` episodes each, so an archive's contents stay the same as new
episodes arrive: only the newest archive fills up (then a new one starts). The
trade-off: Apple Podcasts and Spotify read only feed.xml, so older episodes
leave their listings; apps that follow the links still find them.
"""

from __future__ import annotations

from .feed import Paging
from .model import Item, Show
from .records import frozen

ARCHIVE_DIR = "archive"


@frozen
class FeedPage:
    """One feed document: the items in it (newest first) and its RFC 5005 links."""

    stem: str  #: "feed" or "archive/feed-3"; the RSS is stem + ".xml", the JSON Feed stem + ".json"
    items: list[Item]
    paging: Paging | None
    number: int = 0  #: archive number (1 = oldest); 0 for the subscription feed

    def path(self, ext: str) -> str:
        return f"{self.stem}.{ext}"


def plan(show: Show, items: list[Item], ext: str = "xml") -> list[FeedPage]:
    """feed.xml first, then the archives from newest to oldest; one page when ``feed_limit`` is 0 or not reached."""
    limit = show.feed_limit
    if not limit or len(items) <= limit:
        return [FeedPage("feed", items, None)]
    main, rest = items[:limit], items[limit:]
    oldest_first = rest[::-1]
    chunks = [oldest_first[i:i + limit][::-1] for i in range(0, len(oldest_first), limit)]
    count = len(chunks)

    def url(number: int) -> str:
        if not number:  # the subscription feed: feed.xml at show.yml's feed_url, the address subscribers have
            return show.feed_url if ext == "xml" and show.feed_url else show.absolute(f"feed.{ext}")
        return show.absolute(f"{ARCHIVE_DIR}/feed-{number}.{ext}")

    current = url(0)
    pages = [FeedPage("feed", main, Paging(first_url=current, next_url=url(count), last_url=url(1),
                                           prev_archive_url=url(count)))]
    for number in range(count, 0, -1):
        older = url(number - 1) if number > 1 else ""
        newer_archive = url(number + 1) if number < count else ""
        pages.append(FeedPage(f"{ARCHIVE_DIR}/feed-{number}", chunks[number - 1], Paging(
            archive=True, current_url=current, first_url=current, last_url=url(1),
            previous_url=newer_archive or current, next_url=older,
            prev_archive_url=older, next_archive_url=newer_archive), number=number))
    return pages
