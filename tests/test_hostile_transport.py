"""A feed served in ways no decoder can read, or too slowly to ever finish: `check URL` and `import URL` say what the
server did, within their deadlines, through a real HTTP server on 127.0.0.1 (tests/hosts.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hosts import Host, Route

from mediafeed.cli import main

GOOD = (Path(__file__).parent / "data" / "feeds" / "good.xml").read_bytes()


@pytest.fixture(scope="module")
def host() -> Iterator[Host]:
    with Host() as server:
        server.routes["/feed.xml"] = Route(body=GOOD, type="application/rss+xml")
        # br and zstd: what a CDN sends when it ignores Accept-Encoding (urllib3 decodes neither without extra packages)
        server.routes["/br.xml"] = Route(body=b"\x1b\xff\x00" + GOOD[:200], type="application/rss+xml",
                                         headers={"Content-Encoding": "br"})
        server.routes["/zstd.xml"] = Route(body=b"\x28\xb5\x2f\xfd" + GOOD[:200], type="application/rss+xml",
                                           headers={"Content-Encoding": "zstd"})
        # the status line and a header a byte every 0.05 s: every read is quick, the headers take 10 s
        server.routes["/slow-headers.xml"] = Route(drip=0.05)
        yield server


def run(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("path,coding", [("/br.xml", "br"), ("/zstd.xml", "zstd")])
def test_a_feed_compressed_in_a_way_mediafeed_cannot_undo_is_named_not_called_not_xml(
        host: Host, tmp_path: Path, path: str, coding: str) -> None:
    code, report = run("check", host.url + path)
    [problem] = report["problems"]
    assert (code, problem["code"], problem["field"]) == (2, "XML000", "Content-Encoding")
    assert f"Content-Encoding: {coding}" in problem["message"] and "not XML" not in problem["hint"]
    code, report = run("import", host.url + path, "--show", str(tmp_path / "show"))
    [problem] = report["problems"]
    assert (code, problem["code"]) == (2, "IMP001")
    assert f"Content-Encoding: {coding}" in problem["message"], problem
    assert not (tmp_path / "show").exists()


def test_the_same_feed_uncompressed_is_read(host: Host) -> None:
    code, report = run("check", host.url + "/feed.xml")
    assert code == 0 and report["episodes"] == 3


def test_a_server_dribbling_its_headers_is_given_up_at_the_deadline(host: Host, tmp_path: Path) -> None:
    """requests reads the status line and headers with a read timeout per byte and no deadline: before, `check URL
    --timeout 1` waited the whole 10 s and then said the server closed the connection."""
    code, report = run("check", host.url + "/slow-headers.xml", "--timeout", "1")
    [problem] = report["problems"]
    assert (code, problem["code"]) == (2, "XML000")
    assert "within 1 s (the server sends its headers very slowly)" in problem["message"], problem


def test_import_gives_up_on_a_server_dribbling_its_headers_at_the_deadline(host: Host) -> None:
    from mediafeed.importer import download

    with pytest.raises(download.DownloadError, match="not complete after 1 s"):
        download.get_small(download.session(), host.url + "/slow-headers.xml", deadline=1)
