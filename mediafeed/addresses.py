"""URLs written so every client can fetch them: what keeps an app from fetching a URL that looks whole (characters
a URL may not hold as they are, a port that does not exist, spaces around it), and the same URL in ASCII.

``check FEED`` took ``https://media.example.com/tidewater/salé.mp3``, ``https://host\\audio\\ep.mp3`` and
``https://host:99999/ep.mp3`` as enclosure URLs without a word. Browsers mend the first two; Foundation's
``URL(string:)`` (before iOS 17, which many podcast apps still run on or target) returns nil for each, and an
app built on it cannot play the episode; a port above 65535 reaches no server anywhere.
"""

from __future__ import annotations

import re
from typing import NamedTuple, overload
from urllib.parse import quote, urlsplit, urlunsplit

#: the user information of a URL (``https://USER:PASSWORD@host/``), wherever one stands in a text: the scheme, the
#: user and password (any character but those that end them), the "@"
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/?#@\s\"'<>]*)@")


def has_password(text: str) -> bool:
    """Whether ``text`` holds a URL with a password in it (``https://user:secret@host/``)."""
    return any(":" in m.group(2) for m in _USERINFO.finditer(text))


def without_credentials(text: str) -> str:
    """``text`` with the user and password of every URL in it masked (``https://***@host/``), as botocore masks a
    proxy's: an error quoting a URL (an endpoint from ``AWS_ENDPOINT_URL``, a server's answer) never prints them."""
    return _USERINFO.sub(lambda m: f"{m.group(1)}***@" if m.group(2) else m.group(0), text)


#: a password given to sshpass on its command line (``sshpass -p SECRET ssh …``, ``-pSECRET``, after its other options):
#: sshpass's options before the command, then ``-p`` and the password (quoted or a word)
_SSHPASS = re.compile(r"""(\bsshpass(?:\s+-[fdP]\s*\S+|\s+-[evV])*\s+-p)\s*('[^']*'|"[^"]*"|\S+)""")


def without_shell_password(command: str) -> str:
    """``command`` (a remote shell, as rsync's ``--rsh`` takes it) with a password on its command line masked:
    ``sshpass -p *** ssh -p 2222``. A hint that shows the command to try prints it."""
    return _SSHPASS.sub(lambda m: f"{m.group(1)} ***", command)


def shell_password(command: str) -> bool:
    """Whether ``command`` gives a password on its command line (``sshpass -p``)."""
    return bool(_SSHPASS.search(command))


class Fault(NamedTuple):
    """Why apps cannot fetch a URL, and how to write it so they can."""

    reason: str  #: "holds characters a URL may not hold as they are ('é')"
    hint: str
    blocking: bool = True  #: False: some apps cope (spaces around the URL)


def loopback(url: str) -> bool:
    """A development address (localhost, a name under .localhost, 127.x, ::1): previews there are not published
    feeds."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # not a URL at all (``http://[::1``): reported as not https, like any other
        return False
    return loopback_host(host)


def loopback_host(host: str) -> bool:
    """``host`` names this computer: ``localhost`` or a name under it (``podcast.localhost``: RFC 6761 reserves them
    for loopback, and browsers resolve them so and give their pages a secure context), or a loopback IP (127.x,
    ``::1``, 127.x mapped into IPv6). Judged by the text alone: a name is not resolved."""
    host = host.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    if not host[:1].isdigit() and ":" not in host:  # a name (most hosts): ipaddress is not loaded for it
        return False
    import ipaddress

    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


#: a Tor onion service over http (Tor encrypts the connection end to end: the namespace's source.md example)
ONION = re.compile(r"^http://[^/?#@\s]+\.onion(:\d+)?([/?#]\S*)?$", re.I | re.ASCII)


def plain_http(url: str) -> bool:
    """``url`` is fetched over plain http from a published host (not a loopback preview, not an onion service)."""
    return url.lower().startswith("http://") and not loopback(url) and not ONION.match(url)


def url_fault(raw: str) -> Fault | None:
    """The first fault of ``raw`` (an ``http(s)://`` URL as written in the feed, unstripped), or None."""
    url = raw.strip()
    if "\\" in url:
        return Fault("holds a backslash ('\\'), which is no part of a URL: browsers read it as '/', Apple's URL parser "
                     "refuses it", "write '/' between folders: " + url.replace("\\", "/"))
    beyond = [] if url.isascii() else sorted({c for c in url if ord(c) > 127})
    if beyond:
        return Fault(f"holds characters a URL may not hold as they are ({', '.join(repr(c) for c in beyond[:5])}): "
                     "iOS apps built on Foundation's URL parser cannot fetch it", "write it encoded: " + ascii_url(url))
    try:
        port = urlsplit(url).port
    except ValueError:
        port = -1
    if port is not None and not 0 < port <= 65535:
        return Fault("has a port that does not exist (ports run from 1 to 65535)",
                     "write the server's real port, or none (https uses 443)")
    if raw != url:
        return Fault("has spaces or line breaks around it: some apps (iOS's URL parser) refuse it, others trim them",
                     "write the URL alone between the quotes", blocking=False)
    return None


#: what a URL may not hold as it is inside an otherwise absolute URL (RFC 3986), which show.yml and episode.md refuse
#: (SRC010: '"', '<' and '>' end an attribute or a tag where an app writes the URL into HTML; iOS refuses them and
#: '\\'), and how each is written percent-encoded
URL_ENCODED = {'"': "%22", "<": "%3C", ">": "%3E", "\\": "%5C", " ": "%20"}


def percent_encoded(url: str) -> str:
    """``url`` with what :data:`URL_ENCODED` lists percent-encoded, and nothing else changed."""
    return "".join(URL_ENCODED.get(c, c) for c in url)


def written_url(url: str) -> str:
    """``url`` as show.yml and episode.md take it: :func:`ascii_url`, then :func:`percent_encoded`. The same address
    as clients send it; what an old feed wrote (``https://example.org/a"b``) becomes one the build accepts."""
    try:
        url = ascii_url(url)
    except ValueError:  # not a URL urllib can split (``http://[::1``): the build names it
        pass
    return percent_encoded(url)


@overload
def ascii_url(url: str) -> str: ...
@overload
def ascii_url(url: None) -> None: ...
def ascii_url(url: str | None) -> str | None:
    """``url`` as ID3's URL frames can hold it (Latin-1, and ASCII by RFC 3986): a host in IDNA, other text percent-encoded.

    ``https://例え.jp/フィード.xml`` → ``https://xn--r8jz45g.jp/%E3%83%95%E3%82%A3%E3%83%BC%E3%83%89.xml``: the
    same address, written the way every client sends it. An ASCII address is left exactly as it is.
    """
    if url is None or url.isascii():
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if host else ""
    except UnicodeError:
        ascii_host = quote(host, safe="")
    netloc = parts.netloc
    if host:
        start = netloc.lower().rfind(host.lower())
        netloc = netloc[:start] + ascii_host + netloc[start + len(host):] if start >= 0 else netloc
    safe = "!#$%&'()*+,/:;=?@[]~"  # reserved characters and '%' keep their meaning; only other text is encoded
    return urlunsplit((parts.scheme, quote(netloc, safe=safe), quote(parts.path, safe=safe),
                       quote(parts.query, safe=safe), quote(parts.fragment, safe=safe)))
