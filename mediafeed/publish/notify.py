"""Telling the apps that the feed changed: WebSub hubs, Podcast Index, podping.

Sent only after a publish that changed a feed, and only then. A failure is
reported (a warning with the service's answer) and never undoes the publish:
the apps will still find the new feed at their next poll.

* WebSub (W3C): ``POST hub`` with ``hub.mode=publish&hub.url=FEED``; hubs answer 204.
* Podcast Index: ``GET …/api/1.0/hub/pubnotify?url=FEED`` (no API key).
* podping.cloud: ``GET /?url=FEED&reason=update&medium=podcast`` with the
  token from ``PODPING_TOKEN`` in the ``Authorization`` header (never printed).
"""

from __future__ import annotations

import os
import threading
from typing import Any

import requests

from .. import __version__
from ..records import frozen
from .config import NotifyConfig

USER_AGENT = f"mediafeed/{__version__} (podcast publisher)"
MAX_ANSWER = 4096  #: bytes of a service's answer read (for the message)


@frozen
class Notice:
    service: str  #: websub | podcastindex | podping
    url: str  #: the endpoint (no credentials in it)
    ok: bool
    status: int = 0  #: HTTP status; 0 when no answer came
    message: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"service": self.service, "url": self.url, "ok": self.ok, "status": self.status, "message": self.message}


def planned(config: NotifyConfig) -> list[tuple[str, str]]:
    """(service, endpoint) for every notification a publish would send."""
    out = [("websub", hub) for hub in config.websub]
    if config.podcastindex:
        out.append(("podcastindex", config.podcastindex))
    if config.podping:
        out.append(("podping", config.podping))
    return out


def send(config: NotifyConfig, feed_url: str, medium: str = "podcast", session: requests.Session | None = None) -> list[Notice]:
    """Send every configured notification for ``feed_url``; never raises for a failed one."""
    http = session or requests.Session()
    http.headers["User-Agent"] = USER_AGENT
    notices = []
    for service, endpoint in planned(config):
        if service == "websub":
            notices.append(_request(http, service, endpoint, "POST", config.timeout,
                                    data={"hub.mode": "publish", "hub.url": feed_url}))
        elif service == "podcastindex":
            notices.append(_request(http, service, endpoint, "GET", config.timeout, params={"url": feed_url}))
        else:
            token = os.environ.get("PODPING_TOKEN", "").strip()
            if not token:
                notices.append(Notice(service, endpoint, False, 0, "skipped: set PODPING_TOKEN to the token podping.cloud gave you"))
                continue
            notices.append(_request(http, service, endpoint, "GET", config.timeout,
                                    params={"url": feed_url, "reason": "update", "medium": medium.removesuffix("L") or "podcast"},
                                    headers={"Authorization": token}))
    if session is None:
        http.close()
    return notices


def _request(http: requests.Session, service: str, endpoint: str, method: str, timeout: int, **kwargs: Any) -> Notice:
    """One notification within ``timeout`` seconds in all: a service that answers a byte at a time, or sends an
    endless body, is left behind (on a daemon thread) and reported, so it never holds up the finished publish."""
    done: list[Notice] = []
    worker = threading.Thread(target=lambda: done.append(_exchange(http, service, endpoint, method, timeout, **kwargs)),
                              daemon=True)
    worker.start()
    worker.join(timeout)
    return done[0] if done else Notice(service, endpoint, False, 0, f"no complete answer within {timeout} s")


def _exchange(http: requests.Session, service: str, endpoint: str, method: str, timeout: int, **kwargs: Any) -> Notice:
    try:
        with http.request(method, endpoint, timeout=timeout, allow_redirects=True, stream=True,
                          **kwargs) as answer:
            body = b""
            for chunk in answer.iter_content(1024):
                body += chunk
                if len(body) >= MAX_ANSWER:  # only the start is shown; never read an endless answer
                    break
            status, reason = answer.status_code, answer.reason
    except requests.RequestException as exc:
        return Notice(service, endpoint, False, 0, f"no answer: {exc.__class__.__name__}")
    # the service's words, printable only (no terminal escapes from a hostile answer)
    text = " ".join("".join(c if c.isprintable() else " " for c in body[:MAX_ANSWER].decode("utf-8", "replace")).split())[:200]
    if 200 <= status < 300:
        return Notice(service, endpoint, True, status, text)
    return Notice(service, endpoint, False, status, text or reason)
