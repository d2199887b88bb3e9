"""``mediafeed serve``: build the site and serve it on 127.0.0.1, rebuilding when a source changes.

The server behaves like a good podcast host so players can be tried for real:
HEAD and single ``Range`` requests (``206 Partial Content`` with
``Content-Range``; Apple's first request is ``bytes=0-1``), ``ETag`` and
``Last-Modified`` with ``304 Not Modified`` for a poll of an unchanged file,
``If-Range`` (a resume of a file a rebuild changed gets the whole new file,
never a splice of two), the types apps
expect (``application/json+chapters``, ``text/vtt``, ``application/rss+xml``),
CORS headers on everything (transcripts, chapters and oEmbed are read by
browser players on other origins), and no path outside the site is ever served.

Pages and feeds carry the show's public addresses (``url``, ``media_url``); the
server rewrites them in every text file it sends to its own address, so the
preview's players, chapters, transcripts and embeds load the preview's files
(not the live site's, which may not exist yet). The built files are untouched.

The watcher polls modification times (no extra dependency); a rebuild that
fails keeps serving the last good site and reports the problems.
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import os
import re
import threading
from collections.abc import Callable
from dataclasses import field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

from . import build as build_lib
from .cache import CACHE_DIR
from .config import SHOW_FILE, load_show
from .episodes import EPISODES_DIR
from .errors import MediafeedError, Problem
from .mediatypes import CORS_EXPOSED_HEADERS, CORS_REQUEST_HEADERS, content_type
from .records import mutable
from .site import THEME_DIR_NAME

_ALLOWED = ", ".join(CORS_REQUEST_HEADERS)  #: what a player on another origin may send (the preflight's answer)
_EXPOSED = ", ".join(CORS_EXPOSED_HEADERS)

PREVIEW_DIR = f"{CACHE_DIR}/preview"
CHUNK = 64 * 1024

#: Files whose text may hold the show's public addresses (pages, feeds, oEmbed, chapters, transcripts, scripts).
TEXT_SUFFIXES = frozenset({".html", ".htm", ".xml", ".json", ".vtt", ".srt", ".txt", ".css", ".js"})
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def resolve(site: Path, url_path: str) -> Path | None:
    """The file for a request path inside ``site``, or None (missing, or outside the site)."""
    path = unquote(urlsplit(url_path).path)
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") or p.startswith(".") for p in parts):
        return None
    target = site.joinpath(*parts) if parts else site
    try:
        real = target.resolve()
        if real != site and site not in real.parents:
            return None  # a symlink pointing out of the site
        if real.is_dir():
            real = real / "index.html"
        return real if real.is_file() else None
    except OSError:  # e.g. a name longer than the file system allows: not found, not a dropped connection
        return None


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match: ``*`` or any listed tag, compared weakly (``W/`` ignored), RFC 9110 13.1.2."""
    if header.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in header.split(","))


def _http_date(text: str) -> float | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.timestamp() if parsed is not None and parsed.tzinfo is not None else None


def not_modified(headers: Any, etag: str, mtime: float) -> bool:
    """True when a conditional GET/HEAD may be answered 304: If-None-Match when sent, else If-Modified-Since."""
    if (match := headers.get("If-None-Match")) is not None:
        return _etag_matches(match, etag)
    since = headers.get("If-Modified-Since")
    date = _http_date(since) if since else None
    return date is not None and int(mtime) <= date


def range_applies(headers: Any, etag: str, last_modified: str) -> bool:
    """If-Range (RFC 9110 13.1.5): the range only when the validator is this file's strong ETag or its exact
    Last-Modified date; otherwise the client's copy is of another file, and it gets the whole new one."""
    validator = headers.get("If-Range")
    if validator is None:
        return True
    validator = validator.strip()
    if validator.startswith(('"', "W/")):
        return validator == etag  # a weak tag never matches
    return validator == last_modified


def parse_range(header: str, size: int) -> tuple[int, int] | None | str:
    """``(first, last)`` for one satisfiable byte range; None to send the whole file; "unsatisfiable"."""
    match = _RANGE.match(header.strip().replace(" ", ""))
    if not match:
        return None  # multiple ranges or another unit: a 200 with the whole body is always allowed
    first_text, last_text = match.groups()
    if not first_text and not last_text:
        return None
    if not first_text:  # the last N bytes
        length = int(last_text)
        if length == 0 or size == 0:  # an empty file has no last byte to send
            return "unsatisfiable"
        return max(0, size - length), size - 1
    first = int(first_text)
    last = int(last_text) if last_text else size - 1
    if first >= size or last < first:
        return "unsatisfiable"
    return first, min(last, size - 1)


class Handler(BaseHTTPRequestHandler):
    server_version = "mediafeed-preview"
    site: Path  # set on the subclass made by make_server
    log: Callable[[str], None]
    public: Callable[[], tuple[str, ...]]  #: the show's public base URLs, served as this server's own address
    here: str  #: this server's address, http://127.0.0.1:PORT/

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        self.log(format % args)

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:  # the client hung up (a player seeking or skipping): nothing to report
            self.close_connection = True

    def _headers(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", _EXPOSED)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()

    def do_OPTIONS(self) -> None:  # noqa: N802 - the stdlib's naming
        self._headers(HTTPStatus.NO_CONTENT, {"Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
                                              "Access-Control-Allow-Headers": _ALLOWED, "Access-Control-Max-Age": "86400",
                                              "Content-Length": "0"})

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._serve(body=True)

    def _not_found(self, body: bool) -> None:
        page = self.site / "404.html"
        data = self._localised(page.read_bytes()) if page.is_file() else b"Not found\n"
        self._headers(HTTPStatus.NOT_FOUND, {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(data))})
        if body:
            self.wfile.write(data)

    def _localised(self, data: bytes) -> bytes:
        """A text file's bytes with the show's public addresses made this server's."""
        bases = sorted({b for b in self.public() if b}, key=len, reverse=True)
        if not bases:
            return data
        pattern = re.compile(b"|".join(re.escape(b.encode("utf-8")) for b in bases))
        here = self.here
        port = here.rsplit(":", 1)[1].rstrip("/")
        if self.headers.get("Host", "").lower() == f"localhost:{port}":  # opened as localhost: stay on that origin
            here = f"http://localhost:{port}/"
        return pattern.sub(here.encode(), data)

    def _serve(self, body: bool) -> None:
        path = resolve(self.site, self.path)
        if path is None:
            self._not_found(body)
            return
        asked = urlsplit(self.path).path
        if path.name == "index.html" and not asked.endswith(("/", "index.html")):
            # a folder asked for without its slash: relative links in the page need it
            query = urlsplit(self.path).query  # kept for the page (campaign tags, its own parameters)
            self._headers(HTTPStatus.MOVED_PERMANENTLY, {"Location": asked + "/" + ("?" + query if query else ""),
                                                         "Content-Length": "0"})
            return
        try:
            handle = open(path, "rb")
        except OSError:
            self._not_found(body)
            return
        with handle:
            st = os.fstat(handle.fileno())
            size, mtime = st.st_size, st.st_mtime
            source: BinaryIO = handle
            # media: size and modification time (a rebuild replaces the file, so either changes; a re-tag at the
            # same length changes the time); text: a digest of the bytes sent, which depend on the Host asked for
            etag = f'"{size:x}-{st.st_mtime_ns:x}"'
            if path.suffix.lower() in TEXT_SUFFIXES:
                source = io.BytesIO(self._localised(handle.read()))
                size = len(source.getbuffer())
                etag = f'"{hashlib.blake2b(source.getbuffer(), digest_size=12).hexdigest()}"'
            last_modified = email.utils.formatdate(mtime, usegmt=True)
            headers = {"Content-Type": content_type(path.relative_to(self.site).as_posix()), "Accept-Ranges": "bytes", "ETag": etag,
                       "Last-Modified": last_modified}
            if not_modified(self.headers, etag, mtime):
                self._headers(HTTPStatus.NOT_MODIFIED, {"ETag": etag, "Last-Modified": last_modified})
                return
            asked_range = self.headers.get("Range")
            use_range = bool(asked_range) and range_applies(self.headers, etag, last_modified)
            wanted = parse_range(asked_range or "", size) if use_range else None
            if wanted == "unsatisfiable":
                self._headers(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                              {**headers, "Content-Range": f"bytes */{size}", "Content-Length": "0"})
                return
            if isinstance(wanted, tuple):
                first, last = wanted
                self._headers(HTTPStatus.PARTIAL_CONTENT, {**headers, "Content-Range": f"bytes {first}-{last}/{size}",
                                                           "Content-Length": str(last - first + 1)})
            else:
                first, last = 0, size - 1
                self._headers(HTTPStatus.OK, {**headers, "Content-Length": str(size)})
            if not body:
                return
            source.seek(first)
            left = last - first + 1
            try:
                while left > 0:
                    chunk = source.read(min(CHUNK, left))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    left -= len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                return  # the player moved on (seeking closes connections all the time)


def make_server(site: Path, port: int, log: Callable[[str], None] = lambda _line: None,
                public: Callable[[], tuple[str, ...]] = tuple) -> ThreadingHTTPServer:
    """A threaded server for ``site`` on 127.0.0.1 (port 0 picks a free one).

    ``public``: the show's public base URLs (read at each request: a rebuild may change them), which text files
    are served with this server's address in their place.
    """
    handler: type[Handler] = type("SiteHandler", (Handler,), {"site": site.resolve(), "log": staticmethod(log),
                                                                "public": staticmethod(public)})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    handler.here = f"http://127.0.0.1:{server.server_address[1]}/"
    server.daemon_threads = True
    return server


@mutable
class Watcher:
    """Polls the show's sources; calls ``rebuild`` when any file was added, removed or changed."""

    root: Path
    rebuild: Callable[[], object]  #: its result is not used (Preview.rebuild says whether the build passed)
    interval: float = 1.0
    stop: threading.Event = field(default_factory=threading.Event)
    state: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: told of an exception a rebuild raised (a bug, a full disk): the watcher goes on, and the next change rebuilds
    #: (it ended with a traceback, and the preview went stale without a word)
    failed: Callable[[BaseException], object] = lambda exc: None

    def snapshot(self) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        for name in (SHOW_FILE, "published.json"):
            self._stat(self.root / name, found)
        for folder in (EPISODES_DIR, THEME_DIR_NAME):
            base = self.root / folder
            if base.is_dir():
                for path in base.rglob("*"):
                    if not any(part.startswith(".") for part in path.relative_to(base).parts):
                        self._stat(path, found)
        for path in self.root.iterdir() if self.root.is_dir() else ():  # no show folder: the build says so (SRC020)
            if path.is_file() and path.suffix.lower() in (".png", ".jpg", ".jpeg"):
                self._stat(path, found)
        return found

    @staticmethod
    def _stat(path: Path, found: dict[str, tuple[int, int]]) -> None:
        try:
            st = path.stat()
        except OSError:
            return
        if path.is_file():
            found[str(path)] = (st.st_size, st.st_mtime_ns)

    def changed(self) -> bool:
        now = self.snapshot()
        if now != self.state:
            self.state = now
            return True
        return False

    def run(self) -> None:
        if not self.state:
            self.state = self.snapshot()
        while not self.stop.wait(self.interval):
            if self.changed():
                try:
                    self.rebuild()
                except Exception as exc:  # noqa: BLE001 - the watcher outlives one rebuild: it says so and goes on
                    self.failed(exc)


@mutable
class Preview:
    """The build half of ``serve``: builds into ``out`` and reports each rebuild through ``report``."""

    root: Path
    out: Path
    report: Callable[[build_lib.BuildReport | None, list[Problem]], None]
    waiting: Callable[[str], None] | None = None  #: told whom a rebuild waits for (a build already at work)
    wait: float = 600.0  #: seconds a rebuild waits for another run working on the show
    lock: threading.Lock = field(default_factory=threading.Lock)
    builds: int = 0
    bases: tuple[str, ...] = ()  #: the built show's public base URLs (url, media_url), for Handler.public
    exit_code: int = 0  #: the last failed build's (1: the show has errors; 2: no show, unreadable input)

    def public(self) -> tuple[str, ...]:
        return self.bases

    def rebuild(self) -> bool:
        with self.lock:
            try:
                result = build_lib.build(self.root, self.out, record=False, wait=self.wait, waiting=self.waiting)
            except MediafeedError as exc:
                self.exit_code = exc.exit_code
                self.report(None, exc.problems)
                return False
            self.builds += 1
            show, _ = load_show(self.root)
            if show is not None:
                self.bases = (show.url, show.media_url)
            self.report(result, result.problems)
            return True
