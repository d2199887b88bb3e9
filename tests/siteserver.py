"""A static file server for browser tests: the built site under its URL path, on 127.0.0.1, with Range support.

Like a real podcast host (PODCAST-RULES.md, "Media hosting"): HEAD and ``Range: bytes=…``
answered with ``206 Partial Content``; missing files get the site's ``404.html``.
"""

from __future__ import annotations

import contextlib
import mimetypes
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

#: Debian's chromium, which scripts/test.sh installs (playwright drives it; no browser download)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--mute-audio")

TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "video/mp4", ".vtt": "text/vtt", ".json": "application/json",
         ".js": "text/javascript", ".css": "text/css", ".html": "text/html; charset=utf-8", ".xml": "application/xml"}


class SiteServer:
    """``with SiteServer(prefix="/safe-to-say/") as server: server.url`` → ``http://127.0.0.1:PORT/safe-to-say/``.

    ``extra`` maps absolute URL paths to (content type, bytes) for test pages outside the site (a blog).
    Every request path is recorded in ``requests``.
    """

    def __init__(self, root: Path | None = None, prefix: str = "/"):
        self.root, self.prefix = root, prefix
        self.extra: dict[str, tuple[str, bytes]] = {}
        self.requests: list[str] = []
        handler = type("Handler", (_Handler,), {"server_state": self})
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.url = self.origin + prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up before the body (an importer that stops at a 404) is no server error; its traceback
        would land in the output CliRunner captures of the command under test."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_state: SiteServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        state = self.server_state
        path = unquote(urlsplit(self.path).path)
        state.requests.append(path)
        if path in state.extra:
            ctype, body = state.extra[path]
            return self._send(200, ctype, body, head)
        target = self._resolve(path)
        if target is None:
            page = state.root / "404.html" if state.root else None
            body = page.read_bytes() if page and page.is_file() else b"not found"
            return self._send(404, "text/html; charset=utf-8", body, head)
        ctype = TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        size = target.stat().st_size
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", "").strip())
        if match and (match.group(1) or match.group(2)):
            if match.group(1):
                start = int(match.group(1))
                end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
            else:
                start, end = max(0, size - int(match.group(2))), size - 1
            if start >= size or start > end:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with open(target, "rb") as handle:
                handle.seek(start)
                body = handle.read(end - start + 1)
            return self._send(206, ctype, body, head, {"Content-Range": f"bytes {start}-{end}/{size}"})
        return self._send(200, ctype, target.read_bytes(), head)

    def _resolve(self, path: str) -> Path | None:
        state = self.server_state
        if state.root is None or not path.startswith(state.prefix):
            return None
        rel = path[len(state.prefix):]
        target = (state.root / rel).resolve()
        if state.root.resolve() not in (target, *target.parents):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _send(self, status: int, ctype: str, body: bytes, head: bool, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)


@contextlib.contextmanager
def chromium(*args: str) -> Iterator[Any]:
    """A headless :data:`CHROMIUM` driven by playwright (``args`` after :data:`CHROMIUM_ARGS`), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *args])
        try:
            yield browser
        finally:
            browser.close()


def kept_guid(show: Path) -> str:
    """The ``podcast_guid:`` line a show moved to another address needs (LED004, which ``--accept-changes`` no longer
    accepts): the one its ``published.json`` records, when show.yml gives none."""
    import json

    published = show / "published.json"
    if "podcast_guid:" in (show / "show.yml").read_text() or not published.is_file():
        return ""
    guid = json.loads(published.read_text()).get("podcast_guid", "")
    return f"\npodcast_guid: {guid}\n" if guid else ""


@contextlib.contextmanager
def sample_site(work: Path, prepare: Callable[[Path], object] | None = None) -> Iterator[SiteServer]:
    """The sample show, copied into ``work`` (then given to ``prepare``: an episode added, say), built for
    http://127.0.0.1:PORT/safe-to-say/ and served from there."""
    from helpers import copy_show

    from mediafeed.build import build

    root = copy_show(work / "show")
    if prepare is not None:
        prepare(root)
    with SiteServer(prefix="/safe-to-say/") as running:
        config = root / "show.yml"
        config.write_text(re.sub(r"(?m)^url: .*$", f"url: {running.url}", config.read_text()) + kept_guid(root))
        running.root = build(root, work / "site", accept_changes=True).output
        yield running


@contextlib.contextmanager
def old_host(show: Path, site: Path, **options: Any) -> Iterator[str]:
    """``show`` published at a real server on 127.0.0.1: its addresses (``https://podcast.example.org/safe-to-say/``)
    rewritten to the server's, built into ``site`` (``options`` go to ``build``) and served from there, as the old host
    ``mediafeed import`` reads a feed from. Yields the base URL."""
    from mediafeed.build import build

    site.mkdir(parents=True, exist_ok=True)
    with SiteServer(site) as server:
        config = show / "show.yml"
        config.write_text(config.read_text().replace("https://podcast.example.org/safe-to-say/", server.url)
                          + kept_guid(show))
        build(show, site, accept_changes=True, **options)
        yield server.url
