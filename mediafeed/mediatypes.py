"""The Content-Type of each file of the built site, by its path: one table for ``serve`` and ``publish``.

The preview answers as the published site will, so a player, an embed or ``mediafeed check --online`` tried
against ``mediafeed serve`` sees the types the bucket will send. Media types agree with the enclosure types
the feed writes (an ``.m4b`` is ``audio/x-m4a``, one of Apple's types, as in audio/probe.py).
"""

from __future__ import annotations

import os
import re

MEDIA = {".mp3": "audio/mpeg", ".m4a": "audio/x-m4a", ".m4b": "audio/x-m4a", ".aac": "audio/aac", ".mp4": "video/mp4",
         ".m4v": "video/x-m4v", ".mov": "video/quicktime", ".webm": "video/webm", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg",
         ".flac": "audio/flac", ".wav": "audio/wav"}
IMAGES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp", ".gif": "image/gif",
          ".svg": "image/svg+xml", ".ico": "image/x-icon"}
TEXT = {".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "text/javascript", ".vtt": "text/vtt",
        ".srt": "application/x-subrip", ".txt": "text/plain", ".xml": "application/xml", ".json": "application/json",
        ".xsl": "application/xslt+xml", ".webmanifest": "application/manifest+json"}
OTHER = {".woff2": "font/woff2", ".woff": "font/woff"}  #: a theme's fonts
#: Types fixed by name, whatever the extension says.
BY_NAME = {"feed.xml": "application/rss+xml", "feed.json": "application/feed+json", "chapters.json": "application/json+chapters"}
#: feed.xml / feed.json and their RFC 5005 archive pages
ARCHIVE = re.compile(r"^(?:archive/)?feed(?:-\d+)?\.(xml|json)$")
_TEXTUAL = frozenset({"application/rss+xml", "application/feed+json", "application/json+chapters", "application/json",
                      "application/xml", "application/x-subrip", "application/xslt+xml", "application/manifest+json",
                      "image/svg+xml"})

#: CORS, one table too: the request headers a web player on another origin may send (the preflight's
#: Access-Control-Allow-Headers; a bucket's AllowedHeaders), and the answer's headers it may read. Players send
#: Range (and If-Range when resuming), revalidate the feed and chapters with the validators they kept
#: (If-None-Match, If-Modified-Since), and ask with Accept or Cache-Control/Pragma values a browser lets through
#: only after a preflight (an Accept over 128 bytes, say).
CORS_REQUEST_HEADERS = ("Range", "If-Range", "If-None-Match", "If-Modified-Since", "Accept", "Accept-Language",
                        "Cache-Control", "Pragma")
CORS_EXPOSED_HEADERS = ("Accept-Ranges", "Content-Length", "Content-Range", "ETag")


def feed_document(rel: str) -> str:
    """"feed.xml"/"feed.json" for the feeds and their RFC 5005 archives (``archive/feed-N.xml``), else ""."""
    match = ARCHIVE.match(rel)
    return f"feed.{match.group(1)}" if match else ""


def content_type(rel: str) -> str:
    """The Content-Type of the site's file at ``rel`` (a path relative to the site's top, with ``/``)."""
    name = rel.rsplit("/", 1)[-1]
    ext = os.path.splitext(name)[1].lower()
    mime = (BY_NAME.get(feed_document(rel) or name) or MEDIA.get(ext) or IMAGES.get(ext) or TEXT.get(ext) or OTHER.get(ext)
            or "application/octet-stream")
    textual = mime.startswith("text/") or mime in _TEXTUAL
    return f"{mime}; charset=utf-8" if textual else mime
