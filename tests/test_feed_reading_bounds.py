"""A FEED or ``--previous`` that is not a regular file (a device, a pipe): read with a bound, or refused by name.

``mediafeed check feed.xml --previous /dev/zero`` read the device to a MemoryError (exit 3, "a bug in mediafeed"; on a
machine without a memory limit the OOM killer came first), and ``mediafeed check <(curl -s URL)`` (a pipe) said "no
such file, folder or URL" of a file that exists.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from mediafeed import lint
from mediafeed.checks.http import Limits
from mediafeed.cli import main
from mediafeed.errors import InputError

GOOD = ROOT / "tests" / "data" / "feeds" / "good.xml"


def _one_gigabyte() -> None:  # (in the child: a read without end stops at 1 GB, not at the machine's memory)
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("where", ["previous-of-a-feed", "previous-of-a-show", "feed"])
def test_a_device_that_never_ends_is_refused_by_name_not_read_to_a_memory_error(tmp_path: Path, where: str) -> None:
    args = {"previous-of-a-feed": [str(GOOD), "--previous", "/dev/zero"],
            "previous-of-a-show": ["--show", str(ROOT), "--previous", "/dev/zero"],
            "feed": ["/dev/zero"]}[where]
    result = subprocess.run([sys.executable, "-m", "mediafeed", "check", *args, "--format", "json"], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120,
                            preexec_fn=_one_gigabyte)
    assert "Traceback" not in result.stderr and "Internal error" not in result.stderr, result.stderr[-500:]
    [problem] = json.loads(result.stdout)["problems"]
    assert (result.returncode, problem["code"], problem["file"]) == (2, "XML000", "/dev/zero"), result.stdout
    assert "not a feed file (a device or a pipe)" in problem["message"]


def _pipe(tmp_path: Path, data: bytes) -> Path:
    """A named pipe with a writer that sends ``data`` and closes (what ``<(curl -s URL)`` gives a command)."""
    fifo = tmp_path / "feed.pipe"
    os.mkfifo(fifo)

    def write() -> None:
        try:
            with open(fifo, "wb") as writer:
                writer.write(data)
        except OSError:  # (no reader came: the test failed elsewhere)
            pass

    threading.Thread(target=write, daemon=True).start()
    return fifo


def test_a_pipe_given_as_feed_is_named_as_a_pipe_not_as_missing(tmp_path: Path) -> None:
    fifo = _pipe(tmp_path, GOOD.read_bytes())
    result = CliRunner().invoke(main, ["check", str(fifo), "--format", "json"])
    [problem] = json.loads(result.stdout)["problems"]
    assert (result.exit_code, problem["code"]) == (2, "XML000")
    assert problem["message"] == "not a feed file (a device or a pipe)", problem
    assert "curl -o feed.xml" in problem["hint"]
    with open(fifo, "rb") as drain:  # (lets the writer finish)
        drain.read()


def test_a_pipe_given_as_previous_is_refused_before_it_is_read(tmp_path: Path) -> None:
    fifo = _pipe(tmp_path, GOOD.read_bytes() + b" " * 4096)
    with pytest.raises(InputError) as raised:
        lint.read_feed(str(fifo), Limits(max_feed_bytes=1024))
    assert "not a feed file" in str(raised.value.problems[0].message)
    with open(fifo, "rb") as drain:
        drain.read()


# -- a feed written in windows-1252 that says (or, without a declaration, means) UTF-8 ------------------------------

WINDOWS_1252 = [
    ("declared-utf8", GOOD.read_bytes(), "declares UTF-8"),
    ("undeclared", GOOD.read_bytes().replace(b'<?xml version="1.0" encoding="UTF-8"?>\n', b""),
     "declares no encoding, which means UTF-8"),
]


@pytest.mark.parametrize("case,good,said", WINDOWS_1252, ids=[c[0] for c in WINDOWS_1252])
def test_a_windows_1252_feed_that_says_utf8_names_the_bytes_what_they_meant_and_the_conversion(
        case: str, good: bytes, said: str) -> None:
    """The hint was "save the feed as UTF-8", naming no byte, no encoding and no way to convert. feedparser guesses
    windows-1252 and reads the feed; podcastparser (expat) refuses it, as Apple does: it is an error all the same."""
    import io

    import feedparser
    import podcastparser
    from hosts import Host, Route

    body = good.replace(b"<title>Salt Marsh Carbon</title>", "<title>Salt Marsh \u201cCarb\u00f3n\u201d</title>".encode("cp1252"))
    assert feedparser.parse(body).entries[0].title == "Salt Marsh \u201cCarb\u00f3n\u201d"
    with pytest.raises(podcastparser.FeedParseError):
        podcastparser.parse("https://podcast.example.com/feed.xml", io.BytesIO(body))
    with Host() as server:
        server.routes["/feed.xml"] = Route(body=body, type="application/rss+xml")
        result = CliRunner().invoke(main, ["check", server.url + "/feed.xml", "--format", "json"])
    [problem] = json.loads(result.stdout)["problems"]
    assert (result.exit_code, problem["code"]) == (1, "XML001")
    assert "(byte 93 is not UTF-8; read as windows-1252 the line says '<title>Salt Marsh \u201cCarb\u00f3n\u201d</title>')" \
        in problem["message"], problem
    assert f"the feed is written in windows-1252 (or Latin-1) but {said}" in problem["hint"]
    assert "iconv -f windows-1252 -t utf-8 feed.xml > feed-utf8.xml" in problem["hint"]


def test_bytes_that_are_not_windows_1252_either_are_named_without_a_guess(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(GOOD.read_bytes().replace(b"<title>Salt Marsh Carbon</title>", b"<title>Salt \x81\x8d Carbon</title>"))
    result = CliRunner().invoke(main, ["check", str(feed), "--format", "json"])
    [problem] = json.loads(result.stdout)["problems"]
    assert "(byte 81 is not UTF-8)" in problem["message"] and "windows-1252" not in problem["hint"], problem


STATUSES = [
    (401, "HTTP 401 Unauthorized", "a private feed"),
    (403, "HTTP 403 Forbidden", "a private feed"),
    (404, "HTTP 404 Not Found", "there is no feed at this address"),
    (410, "HTTP 410 Gone", "the feed was removed for good"),
    (503, "HTTP 503 Service Unavailable", "try again later"),
]


@pytest.mark.parametrize("status,says,hint", STATUSES, ids=[str(s[0]) for s in STATUSES])
def test_a_feed_url_answered_with_an_error_status_is_told_what_the_status_means(status: int, says: str,
                                                                                 hint: str) -> None:
    """Every status was "HTTP 401 — check the URL and your connection", the connection being the one thing that
    worked."""
    from hosts import Host, Route

    with Host() as server:
        server.routes["/feed.xml"] = Route(status=status, body=b"<html><body>Nope</body></html>", type="text/html")
        result = CliRunner().invoke(main, ["check", server.url + "/feed.xml", "--format", "json"])
    [problem] = json.loads(result.stdout)["problems"]
    assert (result.exit_code, problem["code"]) == (2, "XML000")
    assert problem["message"] == f"cannot fetch the feed: {says}", problem
    assert hint in problem["hint"] and "connection" not in problem["hint"]
