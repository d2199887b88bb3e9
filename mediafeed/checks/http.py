"""HTTP for the linter: bounded in time, bytes and concurrency, so no server can hang or flood it.

Every request has a connect and a read timeout and a deadline for the whole
exchange; bodies are read in chunks up to a cap; redirects are followed by hand
(each hop recorded, loops and downgrades caught); connection errors, 429 and
5xx answers are retried a few times with a short backoff. ``run_bounded`` runs
checks on at most ``workers`` daemon threads and abandons one that overruns its
deadline (a server dribbling its headers a byte at a time), so the linter
always finishes.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import field
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin

if TYPE_CHECKING:
    import ipaddress

    import requests

from .. import __version__
from ..addresses import loopback_host
from ..lazypattern import lazy
from ..records import frozen, mutable

T = TypeVar("T")
USER_AGENT = f"mediafeed/{__version__} (podcast linter; +https://github.com/mediafeed)"
REDIRECTS = {301, 302, 303, 307, 308}
#: Redirects followed for one URL, by ``check`` and ``import`` alike (they followed 5 and requests' 30). Apple documents
#: no number; Safari and Apple's URL loading stop after 16, Chrome after 21, Firefox, curl, wget and OkHttp (Android
#: apps) after 20, as OkHttp's authors measured: a chain ``check`` accepts plays in every app.
MAX_REDIRECTS = 16


def too_many_redirects(limit: int, count: int, last: str) -> str:
    """Why a chain was not followed further: the limit, and where the hop past it led."""
    return f"more than {limit} redirects (redirect {count} leads to {last})"


def private_hop(start: str, target: str) -> str:
    """What kind of address a redirect leads to when podcast apps cannot reach it from where ``start`` is (a public
    host redirecting to 127.0.0.1, to 10.0.0.5, to the cloud's metadata service at 169.254.169.254), "" when they can.

    Apple's, Spotify's and the Podcast Index's fetchers are on the internet: a file behind such a redirect plays
    nowhere, which is a publishing error; and ``check --online`` may run in CI, next to a metadata service that
    hands out credentials, so the hop is not followed. An address is judged by its literal IP or the name
    ``localhost`` (a host name is taken as public: it is not resolved here); a start that is itself of that kind (a
    test server on 127.0.0.1 redirecting to another port) may go on to addresses of its own kind.

    A literal IP is read as the system's resolver reads it before connecting (:func:`_literal_ip`): ``0``,
    ``127.1``, ``2852039166`` and ``0251.0376.0251.0376`` are 0.0.0.0, 127.0.0.1 and 169.254.169.254 to requests, and
    were taken for host names (public). An address that is not global is not public: the shared space 100.64.0.0/10
    (carrier-grade NAT; Alibaba Cloud's metadata service is 100.100.100.200) was neither private nor reserved. The
    host is the one requests connects to as well as Python's (:func:`_hosts`), and the address is judged by the less
    public of the two.
    """
    def kind(url: str) -> str:
        return next(filter(None, map(host_kind, _hosts(url))), "")

    def host_kind(host: str) -> str:
        if loopback_host(host):
            return "a loopback address (this computer)"
        address = _literal_ip(host)
        if address is None:
            return ""  # a host name
        if address.is_loopback:
            return "a loopback address (this computer)"
        if address.is_link_local:
            return "a link-local address (this network segment; 169.254.169.254 is a cloud's metadata service)"
        if (address.is_private or address.is_reserved or address.is_unspecified or address.is_multicast
                or not address.is_global):
            return "a private address (a local network)"
        return ""

    where = kind(target)
    return where if where and where != kind(start) else ""


def _hosts(url: str) -> list[str]:
    """``url``'s host (lower case, without brackets or a final dot) as Python's ``urlsplit`` reads it and as requests
    does (urllib3's ``parse_url``, whose host it connects to): they differ where a backslash comes before an ``@``.
    ``http://169.254.169.254\\@cdn.example.net/`` is cdn.example.net to ``urlsplit`` (the backslash is in the user
    name) and 169.254.169.254 to requests (the backslash starts the path, as in browsers): it was judged public and
    asked."""
    from urllib.parse import urlsplit

    from urllib3.exceptions import LocationParseError
    from urllib3.util import parse_url  # (requests' own dependency: only HTTP checks and imports judge an address)

    hosts = []
    try:
        hosts.append(urlsplit(url).hostname or "")
    except ValueError:
        pass
    try:
        hosts.append((parse_url(url).host or "").strip("[]"))
    except LocationParseError:
        pass
    return [host.rstrip(".").lower() for host in hosts]


#: what the C library's inet_aton reads as an IPv4 address (which getaddrinfo, and so requests, connects to): one to
#: four parts, each decimal, octal (a leading 0) or hexadecimal (0x), the last filling the bytes left
_INET_ATON = lazy(r"(?:(?:0x[0-9a-f]*|[0-9]+)\.){0,3}(?:0x[0-9a-f]*|[0-9]+)\.?")


def _literal_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address ``host`` (a URL's host, lower case, without brackets) is to the resolver requests connects
    through, None for a host name. IPv6's mapped IPv4 addresses (``::ffff:169.254.169.254``) are the IPv4 address."""
    import ipaddress
    import socket

    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if not _INET_ATON.fullmatch(host):
            return None
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except OSError:  # a part too large (256.1.1.1): no address, and no host either
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def refused_hop(start: str, target: str) -> str:
    """Why a redirect from a chain that began at ``start`` is not followed to ``target`` (:func:`private_hop`), in
    the words ``check --online`` (ONL007) and ``import --download`` (IMP030) both say it; "" when it is followed."""
    hidden = private_hop(start, target)
    return f"redirects to {target}: {hidden}, which podcast apps cannot reach" if hidden else ""


def refused_address(start: str, target: str) -> str:
    """Why ``target``, an address a document read from ``start`` names (a feed's enclosure, artwork, transcript or
    older page), is not asked: :func:`private_hop`'s judgement of a redirect, for the address as the document gives
    it; "" when it is asked (and always when ``start`` is no http(s) address: a file on this computer, or "" for the
    address typed)."""
    hidden = private_hop(start, target) if start.lower().startswith(("http://", "https://")) else ""
    return f"{hidden}, which podcast apps cannot reach (the feed was read from {start})" if hidden else ""


@frozen
class Limits:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 30.0  #: seconds for one URL's whole check, redirects and retries included
    retries: int = 2  #: extra attempts after a connection error, 429 or 5xx
    backoff: float = 0.5  #: seconds before the first retry (doubling)
    workers: int = 8  #: URLs checked at the same time
    max_redirects: int = MAX_REDIRECTS
    max_feed_bytes: int = 64 * 1024 * 1024
    max_file_bytes: int = 16 * 1024 * 1024  #: artwork, transcripts, chapters
    probe_bytes: int = 64 * 1024  #: read at most this much of a media file (a server ignoring Range)


@mutable
class Answer:
    url: str  #: the URL asked for
    final_url: str = ""
    status: int = 0  #: 0 when no answer arrived
    headers: dict[str, str] = field(default_factory=dict)  #: lower-case names
    body: bytes = b""
    truncated: bool = False  #: the body was longer than the cap
    redirects: list[tuple[int, str]] = field(default_factory=list)  #: (status, Location) per hop
    error: str = ""  #: why there is no usable answer
    timed_out: bool = False

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    @property
    def ok(self) -> bool:
        return not self.error and 200 <= self.status < 300


def session() -> requests.Session:
    import requests  # here: only a run that fetches URLs (--online, a feed URL) pays for it

    s = requests.Session()
    s.headers["User-Agent"] = USER_AGENT
    s.headers["Accept-Encoding"] = "identity"  # lengths must be the file's, not a compressed stream's
    s.trust_env = False  # no proxies or .netrc credentials picked up from the environment
    return s


def request(http: requests.Session, method: str, url: str, limits: Limits, headers: dict[str, str] | None = None,
            max_bytes: int = 0, started: float | None = None) -> Answer:
    """One exchange, following redirects by hand, retrying transient failures, within ``limits.deadline``."""
    started = time.monotonic() if started is None else started
    answer = Answer(url=url)
    current = url
    seen = {url}
    while True:
        attempt = _attempt(http, method, current, limits, headers, max_bytes, started)
        answer.final_url, answer.status, answer.headers = current, attempt.status, attempt.headers
        answer.body, answer.truncated, answer.error, answer.timed_out = attempt.body, attempt.truncated, attempt.error, attempt.timed_out
        if attempt.error or attempt.status not in REDIRECTS:
            return answer
        location = attempt.header("location")
        if not location:
            answer.error = f"HTTP {attempt.status} redirect without a Location header"
            return answer
        target = urljoin(current, location)
        answer.redirects.append((attempt.status, target))
        if target in seen:
            answer.error = "redirect loop back to " + target
            return answer
        if len(answer.redirects) > limits.max_redirects:
            answer.error = too_many_redirects(limits.max_redirects, len(answer.redirects), target)
            return answer
        seen.add(target)
        answer.error = refused_hop(url, target)
        if answer.error:  # not followed: apps cannot follow it either, and this may run where such an address answers
            return answer
        current = target


def request_within(http: requests.Session, method: str, url: str, limits: Limits, headers: dict[str, str] | None = None,
                   max_bytes: int = 0) -> Answer:
    """:func:`request`, given up on at ``limits.deadline`` even while a server dribbles its status line and headers:
    each byte restarts the read timeout and nothing bounds the headers as a whole (a header line every 0.5 s kept
    ``check URL`` 52 s past its 30 s deadline, and one every 9 s would keep it for a quarter of an hour)."""
    grace = 0.5  # request's own deadline fires first when it can, with its more precise message
    [answer] = run_bounded([lambda: request(http, method, url, limits, headers=headers, max_bytes=max_bytes)], 1,
                           limits.deadline + grace, lambda _: Answer(url=url, timed_out=True, error=(
                               f"no complete answer within {limits.deadline:g} s (the server sends its headers very "
                               "slowly)")))
    return answer


#: the Content-Encodings urllib3 decodes without optional packages (brotli, zstandard are not dependencies)
DECODED = {"gzip", "x-gzip", "deflate", "identity", ""}


def undecodable(content_encoding: str) -> str:
    """The Content-Encoding of an answer that arrived compressed in a way mediafeed cannot undo (``br``, ``zstd``,
    ``compress``); "" when it can read it. Its bytes would otherwise be parsed as they are: "not XML at all"."""
    codings = [c.strip().lower() for c in content_encoding.split(",")]
    return content_encoding.strip() if any(c not in DECODED for c in codings) else ""


def _attempt(http: requests.Session, method: str, url: str, limits: Limits, headers: dict[str, str] | None,
             max_bytes: int, started: float) -> Answer:
    import requests

    answer = Answer(url=url)
    delay = limits.backoff
    for attempt in range(limits.retries + 1):
        left = limits.deadline - (time.monotonic() - started)
        if left <= 0:
            answer.error, answer.timed_out = f"no complete answer within {limits.deadline:g} s", True
            return answer
        wait = min(limits.read_timeout, left)
        try:
            with http.request(method, url, headers=headers, allow_redirects=False, stream=True,
                              timeout=(min(limits.connect_timeout, left), wait)) as response:
                answer = Answer(url=url, status=response.status_code,
                                headers={k.lower(): v for k, v in response.headers.items()})
                if method != "HEAD" and max_bytes and response.status_code not in REDIRECTS:
                    _read(response, answer, max_bytes, limits, started)
        except requests.exceptions.Timeout:
            answer = Answer(url=url, error=f"no answer within {round(wait, 1):g} s", timed_out=True)  # --timeout 3: not 10 s
        except requests.exceptions.TooManyRedirects:  # pragma: no cover - redirects are followed by hand
            answer = Answer(url=url, error="too many redirects")
        except requests.exceptions.RequestException as exc:
            answer = Answer(url=url, error=_reason(exc))
        except ValueError as exc:  # requests reads a redirect's Location even when not following it: ``http://[::1``
            answer = Answer(url=url, error=f"the answer redirects to an address that is not a valid URL ({exc})")
        transient = ((answer.error and not answer.timed_out and not answer.error.startswith((NOT_ENCODED_AS_SAID, DAMAGED)))
                     or answer.status == 429 or answer.status >= 500)
        if not transient or attempt == limits.retries:
            return answer
        time.sleep(min(delay, max(0.0, limits.deadline - (time.monotonic() - started))))
        delay *= 2
    return answer  # pragma: no cover


def _read(response: requests.Response, answer: Answer, max_bytes: int, limits: Limits, started: float) -> None:
    import requests
    import urllib3

    # one buffer, cut to the cap: chunks joined and then sliced held the body three times (237 MB at the 64 MB cap)
    buffer = bytearray()
    try:
        # read1: what has arrived, so the deadline is looked at while a server dribbles its body (iter_content
        # waits for a whole chunk: a byte a second kept `check URL --timeout 5` busy for an hour)
        while chunk := response.raw.read1(16384, decode_content=True):
            buffer += chunk
            if len(buffer) > max_bytes:
                answer.truncated = True
                break
            if time.monotonic() - started > limits.deadline:
                answer.error, answer.timed_out = f"the body did not arrive within {limits.deadline:g} s", True
                break
    except requests.exceptions.RequestException as exc:
        answer.error = _reason(exc)
        answer.timed_out = isinstance(exc, requests.exceptions.ConnectionError) and "timed out" in str(exc).lower()
    except urllib3.exceptions.DecodeError as exc:
        answer.error = undecodable_body(exc, answer.header("content-encoding").strip(), bool(buffer))
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        answer.error = _reason(exc)
        answer.timed_out = "timed out" in str(exc).lower()
    del buffer[max_bytes:]
    answer.body = bytes(buffer)


#: how an answer's error starts when its body is not what its Content-Encoding says (never retried: it is the server's
#: doing, the same every time)
NOT_ENCODED_AS_SAID = "the server says Content-Encoding: "
DAMAGED = "the server's compressed answer is damaged (Content-Encoding)"


def undecodable_body(exc: Exception, encoding: str, decoded_any: bool) -> str:
    """Why urllib3 could not decode a body. Nothing decoded and a header that is not gzip's (or a deflate stream
    that is neither zlib nor raw deflate): the body was never compressed so, most often a feed sent as it is under
    ``Content-Encoding: gzip`` (a CDN compressing a copy it believes compressed, a stored feed.xml.gz mislabelled the
    other way): every app and browser fails on it as mediafeed does. This was "damaged ... check the URL and your
    connection", after two retries."""
    reason = str(exc.args[1]) if len(exc.args) > 1 else str(exc)
    if not decoded_any and ("incorrect header check" in reason or "Not a gzipped file" in reason
                            or "deflate" in encoding.lower()):
        return (f"{NOT_ENCODED_AS_SAID}{encoding}, but the answer is not {encoding} data (sent as it is, or compressed "
                "another way): podcast apps and browsers cannot read it either")
    return DAMAGED


def _reason(exc: Exception) -> str:
    text = str(exc)
    for marker, reason in (("Name or service not known", "the host name does not resolve"),
                           ("nodename nor servname", "the host name does not resolve"),
                           ("Connection refused", "connection refused"),
                           ("CERTIFICATE_VERIFY_FAILED", "the TLS certificate is not valid"),
                           ("SSLError", "the https (TLS) connection failed: the server does not speak TLS there, or "
                                        "not a version or cipher it shares"),
                           ("No connection adapters", "it leads to an address that is not http(s) ("
                                                      + text.rpartition("for ")[2].strip("'\" ") + ")"),
                           ("LineTooLong", "the server sent a header line over 64 KB"),
                           ("got more than 100 headers", "the server sent more than 100 headers"),
                           ("BadStatusLine", "the server's answer is not HTTP (no status line)"),
                           ("timed out", "the connection timed out"),
                           ("Connection reset", "the connection was reset"),
                           ("Connection broken", "the connection broke before the whole answer arrived"),
                           ("RemoteDisconnected", "the server closed the connection without answering")):
        if marker in text:
            return reason
    return exc.__class__.__name__ + (": " + text[:120] if text else "")


def run_bounded(tasks: list[Callable[[], T]], workers: int, limit: float, on_timeout: Callable[[int], T]) -> list[T]:
    """Run ``tasks`` on at most ``workers`` daemon threads; a task still running after ``limit`` s is abandoned."""
    results: list[Any] = [None] * len(tasks)
    finished: queue.Queue[tuple[int, Any]] = queue.Queue()
    pending = list(range(len(tasks)))
    running: dict[int, float] = {}

    def work(index: int) -> None:
        try:
            finished.put((index, tasks[index]()))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
            finished.put((index, exc))

    while pending or running:
        while pending and len(running) < max(1, workers):
            index = pending.pop(0)
            running[index] = time.monotonic()
            threading.Thread(target=work, args=(index,), daemon=True, name=f"mediafeed-check-{index}").start()
        wait = min(start + limit for start in running.values()) - time.monotonic()
        try:
            index, result = finished.get(timeout=max(0.01, wait))
        except queue.Empty:
            now = time.monotonic()
            for index, start in list(running.items()):
                if now - start >= limit:
                    results[index] = on_timeout(index)
                    del running[index]
            continue
        if index in running:
            del running[index]
            if isinstance(result, BaseException):
                raise result
            results[index] = result
    return results
