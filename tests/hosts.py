"""A real HTTP server on 127.0.0.1 for online checks: each path behaves like some podcast host does."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    type: str = "application/octet-stream"
    ranges: bool = True  #: answer Range requests with 206
    cors: bool = False
    head: bool = True  #: answer HEAD (else head_status)
    head_status: int = 405  #: the answer to a HEAD when ``head`` is off (403: a CDN or signed URL that allows only GET)
    delay: float = 0.0  #: seconds before the status line
    drip: float = 0.0  #: seconds between header bytes (a hostile, slow server)
    trickle: float = 0.0  #: seconds between body bytes (a GET's body, after headers sent at once)
    endless: bool = False  #: ignore Range and stream forever
    redirect: str = ""  #: Location for a 302
    status: int = 200
    fail_first: int = 0  #: answer 503 this many times first
    length: int | None = None  #: Content-Length to claim instead of the real one
    headers: dict[str, str] = field(default_factory=dict)  #: more headers (a Content-Encoding the body does not have)
    #: a GET's answer without Content-Length, Range ignored, ended by closing the connection after this many bytes
    #: (one number per GET, in turn; the whole body once they are used up): a server that closes early
    unframed: list[int] | None = None
    hits: list[str] = field(default_factory=list)


class Host:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:  # noqa: N802
                self.answer(head=True)

            def do_GET(self) -> None:  # noqa: N802
                self.answer(head=False)

            def answer(self, head: bool) -> None:
                route = host.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self.send_error(404)
                    return
                route.hits.append(f"{self.command} {self.headers.get('Range', '')}".strip())
                if route.delay:
                    time.sleep(route.delay)
                if route.fail_first > 0:
                    route.fail_first -= 1
                    self.simple(503, b"busy")
                    return
                if route.redirect:
                    self.send_response(302)
                    self.send_header("Location", route.redirect)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if head and not route.head:
                    self.simple(route.head_status, b"")
                    return
                if route.drip:
                    try:
                        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(route.drip)
                    except OSError:
                        pass
                    return
                body, status = route.body, route.status
                headers = {"Content-Type": route.type}
                match = re.match(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
                if route.unframed is not None and not head:
                    self.send_response(200)
                    self.send_header("Content-Type", route.type)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body[:route.unframed.pop(0)] if route.unframed else body)
                    self.close_connection = True
                    return
                if route.endless and not head:
                    self.send_response(200)
                    self.send_header("Content-Type", route.type)
                    self.end_headers()
                    try:
                        while True:
                            self.wfile.write(b"\0" * 65536)
                    except OSError:
                        return
                if match and route.ranges and status == 200 and int(match.group(1)) >= len(body):
                    # as nginx, Apache and S3 answer a range past the end (of an empty file: any range)
                    headers["Content-Range"] = f"bytes */{len(body)}"
                    body, status = b"", 416
                elif match and route.ranges and status == 200:
                    start = int(match.group(1))
                    end = int(match.group(2) or len(body) - 1)
                    headers["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
                    headers["Accept-Ranges"] = "bytes"
                    body, status = body[start:end + 1], 206
                if route.cors:
                    headers["Access-Control-Allow-Origin"] = "*"
                headers.update(route.headers)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(route.length if route.length is not None else len(body)))
                self.end_headers()
                if not head:
                    try:
                        for piece in [body[i:i + 1] for i in range(len(body))] if route.trickle else [body]:
                            self.wfile.write(piece)
                            self.wfile.flush()
                            time.sleep(route.trickle)
                    except OSError:
                        pass

            def simple(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # clients hanging up early is what these tests do on purpose

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Host:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
