"""Fetching feeds and files over http(s) with ``requests``: resumable, size-checked, atomic.

A download goes to a hidden ``.NAME.part`` file beside the target. When the
connection drops, the next attempt (in this run or the next) asks for the rest
with ``Range: bytes=N-``; a server that ignores it (``200``) starts the file
afresh. The file is renamed into place only when its size matches what the
server announced, so a half-downloaded episode never looks complete. A server that announces no length (no
Content-Length, no chunked framing: the body ends when it closes the connection) cannot say whether it closed early;
its file is taken when it is at least as long as the old feed's ``length`` (when that is a size, not a
placeholder), or when two answers from the start end at the same byte (see :func:`fetch`).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import requests
import urllib3

from .. import __version__
from ..checks.http import (
    DAMAGED,
    MAX_REDIRECTS,
    refused_address,
    refused_hop,
    run_bounded,
    too_many_redirects,
    undecodable,
    undecodable_body,
)
from ..records import frozen

USER_AGENT = f"mediafeed/{__version__} (podcast import)"
TIMEOUT = (10, 60)  #: connect, read (seconds)
CHUNK = 256 * 1024
#: The largest feed or side file (transcript, chapters, artwork) read into memory.
SMALL_LIMIT = 64 * 1024 * 1024
#: Seconds to read a feed or side file in full.
SMALL_DEADLINE = 300.0
#: Seconds for a media file's status line and headers: each byte restarts the read timeout, so a server sending one a
#: second never trips it (one header line a second held an import 100 s a try; one long header line, hours).
HEADERS_DEADLINE = 60.0
#: A media body bringing less than STALL_BYTES in any STALL_SECONDS is given up (curl's --speed-limit/--speed-time):
#: a byte a second never trips the read timeout either, and a 50 MB episode would take 19 months.
STALL_BYTES, STALL_SECONDS = 16 * 1024, 60.0

Progress = Callable[[int, int], None]  #: (bytes so far, total or 0)


class DownloadError(Exception):
    """One file could not be fetched; the message says why in a few words."""


class NotMedia(DownloadError):
    """The server answered with something other than the file (a web page): not tried again in this run."""


class TooSlow(DownloadError):
    """The server answers, but too slowly to ever finish: not tried again in this run (it would be as slow in a
    second); the bytes that arrived are kept for the next run to resume."""


class PrivateAddress(DownloadError):
    """The feed, read from a public address, names a file at a loopback, private or link-local address (what
    ``check --online``'s ONL007 says of a redirect there): not asked, and not tried again in this run."""


class PrivateRedirect(PrivateAddress):
    """The server redirected to a loopback, private or link-local address (``check --online``'s ONL007): not
    followed, and not tried again in this run (it would redirect there again)."""


@frozen
class Fetched:
    path: Path
    size: int
    resumed: bool  #: whether an earlier partial download was continued
    #: the server announced the file's length (Content-Length, Content-Range, or chunked framing) and sent all of it;
    #: False: it announced none, and the file was taken because two tries ended at the same byte (or it is not
    #: shorter than the old feed said)
    announced: bool = True


class Session(requests.Session):
    """requests' session for one import. ``origin``: the address the feed was read from ("" for a feed file or the
    feed itself), from which every address the feed names is judged before it is asked (:func:`check_url`)."""

    def __init__(self, origin: str = "") -> None:
        super().__init__()
        self.origin = origin


def session(origin: str = "") -> Session:
    s = Session(origin)
    s.headers["User-Agent"] = USER_AGENT
    s.max_redirects = MAX_REDIRECTS  # check's limit, not requests' 30
    return s


def judged_hops(start: str) -> dict[str, Any]:
    """requests' hooks for a GET that began at ``start``: each redirect is judged before it is followed, as ``check
    --online`` judges it (:func:`..checks.http.refused_hop`). requests followed them all itself: a feed, artwork or
    episode redirecting to 127.0.0.1, 10.0.0.5 or a cloud's metadata service at 169.254.169.254 was fetched from
    there, and its answer saved into the show as the episode's audio or the artwork."""
    def judge(response: requests.Response, *args: object, **kwargs: object) -> requests.Response:
        if response.is_redirect:
            why = refused_hop(start, urljoin(response.url, response.headers.get("Location", "")))
            if why:
                response.close()
                raise PrivateRedirect(why)
        return response
    return {"response": [judge]}


def check_url(url: str, http: requests.Session) -> None:
    """Refuse ``url`` when it is not http(s), or when a feed read from a public address names it at a loopback,
    private or link-local one (as a redirect there is refused, :func:`judged_hops`): a hostile feed's enclosure,
    artwork, transcript or older page at ``http://169.254.169.254/…`` (a cloud's metadata service, where the import
    runs in CI) or ``http://10.0.0.5/…`` was asked for, and its answer saved into the show."""
    if not re.match(r"^https?://", url, re.I):
        raise DownloadError(f"not an http(s) address: {url!r}")
    why = refused_address(getattr(http, "origin", ""), url)
    if why:
        raise PrivateAddress(why)


def get_small(http: requests.Session, url: str, limit: int = SMALL_LIMIT, deadline: float = SMALL_DEADLINE,
              ) -> tuple[bytes, str]:
    """The body and Content-Type of a small resource (feed, transcript, chapters, artwork), whole within
    ``deadline`` seconds: a server that sends a byte now and then never trips the read timeout, in its body or in
    its headers (which requests reads without any deadline: on a thread given up on at the deadline)."""
    check_url(url, http)

    def late(_: int) -> tuple[bytes, str]:
        raise DownloadError(f"not complete after {deadline:g} s (the server sends it very slowly)")

    [got] = run_bounded([lambda: _get_small(http, url, limit, deadline)], 1, deadline + 0.5, late)
    return got


def _get_small(http: requests.Session, url: str, limit: int, deadline: float) -> tuple[bytes, str]:
    started = time.monotonic()
    try:
        with http.get(url, stream=True, timeout=TIMEOUT, hooks=judged_hops(url)) as response:
            if response.status_code != 200:
                raise DownloadError(f"HTTP {response.status_code} {response.reason}" + _retry_after(response))
            compressed = undecodable(response.headers.get("Content-Encoding", ""))
            if compressed:
                raise DownloadError(f"the server compressed its answer with Content-Encoding: {compressed}, which "
                                    "mediafeed cannot undo (it asks for gzip or deflate)")
            chunks, total = [], 0
            try:
                # read1: what has arrived, so the deadline is looked at even while a server dribbles
                while chunk := response.raw.read1(CHUNK, decode_content=True):
                    total += len(chunk)
                    if total > limit:
                        raise DownloadError(f"larger than {limit // (1024 * 1024)} MB")
                    if time.monotonic() - started > deadline:
                        raise DownloadError(f"not complete after {deadline:g} s (the server sends it very slowly)")
                    chunks.append(chunk)
            except urllib3.exceptions.DecodeError as exc:  # check FEED's words: a feed sent as it is, labelled gzip
                raise DownloadError(undecodable_body(exc, response.headers.get("Content-Encoding", "").strip(),
                                                     bool(total))) from None
            return b"".join(chunks), response.headers.get("Content-Type", "")
    except requests.RequestException as exc:
        raise DownloadError(_reason(exc)) from None
    except urllib3.exceptions.DecodeError:
        raise DownloadError(DAMAGED) from None
    except urllib3.exceptions.ReadTimeoutError:
        raise DownloadError(f"timed out: nothing arrived for {TIMEOUT[1]} s") from None
    except (urllib3.exceptions.HTTPError, ConnectionError, TimeoutError):
        raise DownloadError("the connection dropped during the download") from None
    except ValueError:  # requests follows a Location that urllib cannot split (``http://[::1``)
        raise DownloadError("the server redirected to an address that is not a valid URL") from None


def _retry_after(response: requests.Response) -> str:
    wait = response.headers.get("Retry-After", "").strip()
    return f" (the server asks to wait {wait + ' s' if wait.isdigit() else 'until ' + wait} before asking again)" if wait else ""


def fetch(http: requests.Session, url: str, target: Path, expected: int = 0, progress: Progress | None = None,
          attempts: int = 3) -> Fetched:
    """Download ``url`` to ``target``, resuming a ``.part`` file; retried ``attempts`` times on a dropped connection.

    ``expected`` is the old feed's length, 0 when it gave none (or a placeholder: ``length="1"``). A server that
    announces no length and closes the connection before that many bytes may have closed early (a proxy's time limit,
    a worker restarted): it was saved as the whole episode, short, and IMP031 called it "the whole file". Such a body
    is tried again (resumed with ``Range``); it is taken when a server ignoring ``Range`` ends at the same byte twice
    (the old feed's length was stale), else it fails. Without ``expected`` nothing says the first end was the file's:
    the same is asked of it (a placeholder length let a first early close through as the whole file)."""
    check_url(url, http)
    part = target.with_name(f".{target.name}.part")
    resumed = part.exists() and part.stat().st_size > 0
    last = "no attempt"
    unannounced: list[int] = []  #: sizes of whole answers that announced no length and ended before ``expected``
    for _ in range(attempts):
        try:
            size, announced = _attempt(http, url, part, progress)
        except (TooSlow, NotMedia, PrivateAddress):
            raise  # a trickle now is a trickle in a second (the next run resumes it); a web page stays one; so does a
            # redirect
        except DownloadError as exc:
            last = str(exc)
            if "HTTP 4" in last:  # not found, forbidden: retrying will not help
                break
            continue
        if not announced and (not expected or size < expected) and size not in unannounced:
            unannounced.append(size)
            last = (f"incomplete: the server announced no length and closed the connection after {size} bytes; the "
                    f"old feed says {expected if expected else 'no size'}")
            continue
        # A stale length in the old feed is normal; the server's own Content-Length was met, so the file is whole.
        os.replace(part, target)
        return Fetched(target, size, resumed, announced)
    raise DownloadError(last)


def _attempt(http: requests.Session, url: str, part: Path, progress: Progress | None) -> tuple[int, bool]:
    """The size of ``part`` once this answer is written to it, and whether the server announced its length."""
    have = part.stat().st_size if part.exists() else 0
    # identity: the bytes on disk are the bytes the server counts (no transparent gunzip)
    headers = {"Accept-Encoding": "identity", **({"Range": f"bytes={have}-"} if have else {})}
    try:
        with _opened(http, url, headers) as response:
            if response.status_code == 416 and have:
                total = _total(response.headers.get("Content-Range", ""))
                if total == have:
                    return have, True  # already complete
                part.unlink()
                raise DownloadError("the server refused to resume; starting again")
            if response.status_code == 206 and have:
                total = _total(response.headers.get("Content-Range", ""))
                mode = "ab"
            elif response.status_code == 200:
                have = 0
                total = int(response.headers.get("Content-Length", "0") or 0)
                mode = "wb"
            else:
                raise DownloadError(f"HTTP {response.status_code} {response.reason}")
            # a body ended by closing the connection: urllib3 cannot tell a close after the last byte from an early one
            # (a Content-Length is enforced by urllib3: a body short of it raises, and is resumed)
            framed = bool(response.headers.get("Content-Length")) or \
                "chunked" in response.headers.get("Transfer-Encoding", "").lower()
            done = have
            window, arrived = time.monotonic(), 0
            # read1: whatever has arrived, so a dropped connection keeps every byte received for the resume, and a
            # trickle is measured as it comes
            chunk = response.raw.read1(CHUNK)
            refuse_web_page(response.headers.get("Content-Type", ""), chunk if mode == "wb" else b"")
            with open(part, mode) as handle:
                if progress:
                    progress(done, total)
                try:
                    while chunk:
                        handle.write(chunk)
                        done += len(chunk)
                        arrived += len(chunk)
                        if progress:
                            progress(done, total)
                        if time.monotonic() - window >= STALL_SECONDS:
                            if arrived < STALL_BYTES:
                                raise TooSlow(f"the server sent {arrived} bytes in {STALL_SECONDS:g} s (it sends the "
                                              f"file very slowly; {done} bytes kept for the next run to resume)")
                            window, arrived = time.monotonic(), 0
                        chunk = response.raw.read1(CHUNK)
                finally:
                    handle.flush()
                    os.fsync(handle.fileno())
    except requests.RequestException as exc:
        raise DownloadError(_reason(exc)) from None
    except (urllib3.exceptions.HTTPError, ConnectionError, TimeoutError):
        raise DownloadError("the connection dropped during the download") from None
    except ValueError:  # a redirect to ``http://[::1``
        raise DownloadError("the server redirected to an address that is not a valid URL") from None
    size = part.stat().st_size
    if total and size != total:
        raise DownloadError(f"incomplete: {size} of {total} bytes")
    if size == 0:
        raise DownloadError("the server sent an empty file")
    return size, framed


def refuse_web_page(content_type: str, start: bytes, what: str = "the media file") -> None:
    """:class:`NotMedia` when the answer is a web page: a host's "episode not available" or a login page, an expired
    signed address, sent with 200 (it was saved as the episode's .mp3 and the import said it had downloaded it; a
    transcript's was saved as its .vtt, and the imported show did not build)."""
    kind = content_type.split(";", 1)[0].strip().lower()
    head = start.lstrip(b"\xef\xbb\xbf \t\r\n")[:14].lower()
    # by the bytes: no media file starts with '<', and a server may label a real mp3 text/html
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and "html" in kind):
        raise NotMedia(f"the server sent a web page ({kind or 'HTML'}), not {what}")


def _opened(http: requests.Session, url: str, headers: dict[str, str]) -> requests.Response:
    """The streamed answer to GET ``url``, given up on when its status line and headers have not all arrived within
    ``HEADERS_DEADLINE`` (requests reads them without any deadline: on a thread given up on, as :func:`get_small`'s)."""
    given_up = threading.Event()
    slow = f"no complete answer within {HEADERS_DEADLINE:g} s (the server is silent, or sends its headers very slowly)"

    def get() -> requests.Response:
        try:
            response = http.get(url, stream=True, timeout=TIMEOUT, headers=headers, hooks=judged_hops(url))
        except requests.exceptions.ReadTimeout:  # silent as long: the same, whichever of the two ends first
            raise TooSlow(slow) from None
        if given_up.is_set():  # arrived after all, to nobody: its connection goes back
            response.close()
        return response

    def late(_: int) -> requests.Response:
        given_up.set()
        raise TooSlow(slow)

    [response] = run_bounded([get], 1, HEADERS_DEADLINE, late)
    return response


def _total(content_range: str) -> int:
    match = re.match(r"^bytes\s+(?:\d+-\d+|\*)/(\d+)$", content_range.strip())
    return int(match.group(1)) if match else 0


def _reason(exc: requests.RequestException) -> str:
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "the connection dropped during the download"
    if isinstance(exc, requests.exceptions.ConnectionError):
        text = str(exc)
        if "IncompleteRead" in text or "Connection broken" in text:
            return "the connection dropped during the download"
        if "timed out" in text.lower():  # a read timeout while streaming arrives as a ConnectionError
            return f"timed out: nothing arrived for {TIMEOUT[1]} s"
        return "cannot connect"
    if isinstance(exc, requests.exceptions.Timeout):
        return "timed out"
    if isinstance(exc, requests.exceptions.TooManyRedirects) and exc.response is not None:
        last = exc.response  # the answer that redirected once more than allowed
        target = urljoin(last.url, last.headers.get("Location", ""))
        if target in {r.url for r in [*last.history, last]}:
            return f"redirect loop back to {target}"
        return too_many_redirects(MAX_REDIRECTS, len(last.history) + 1, target)
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return "too many redirects"
    if isinstance(exc, requests.exceptions.InvalidSchema):  # "No connection adapters were found for 'file:///…'"
        where = str(exc).rpartition("for ")[2].strip("'\" ")
        return f"redirected to an address that is not http(s) ({where})"
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return DAMAGED
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema)):
        return "not a valid http(s) address"
    return exc.__class__.__name__
