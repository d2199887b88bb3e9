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


MEDIA = bytes(range(256)) * 16  #: 4 KB: what the import downloads is bytes, not audio it reads


def feed(items: list[tuple[str, str]]) -> bytes:
    """A feed whose items (GUID, enclosure URL) are in this order (the order the import downloads them in)."""
    entries = "".join(f"<item><title>Episode {guid}</title><guid isPermaLink=\"false\">{guid}</guid>"
                      f"<pubDate>Mon, 0{1 + n % 9} Jan 2024 10:00:00 +0000</pubDate>"
                      f"<enclosure url=\"{url}\" length=\"{len(MEDIA)}\" type=\"audio/mpeg\"/></item>"
                      for n, (guid, url) in enumerate(items))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Slow host</title>'
            f"<link>https://example.org/</link><description>d</description>{entries}</channel></rss>").encode()


def test_import_download_gives_up_on_media_too_slow_to_finish_and_goes_on_with_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`import --download` had no deadline for a media file: a server sending its headers, or its body, a byte at a
    time never tripped the 60 s read timeout (a byte a second held one file past 150 s; a show of 300 such episodes,
    days). Now each is given up (IMP030, named and why), the next run resumes the bytes that came, and after three
    files in a row too slow from one host its other files are not tried in this run."""
    from mediafeed.importer import download

    monkeypatch.setattr(download, "HEADERS_DEADLINE", 1.0)
    monkeypatch.setattr(download, "STALL_SECONDS", 1.0)
    with Host() as server:
        other = server.url.replace("127.0.0.1", "localhost")  # the same server as another host
        for n in range(1, 6):
            server.routes[f"/slow-{n}.mp3"] = Route(drip=0.05)
        server.routes["/good.mp3"] = Route(body=MEDIA, type="audio/mpeg")
        server.routes["/trickle.mp3"] = Route(body=MEDIA, type="audio/mpeg", trickle=0.01)  # ~100 bytes a second
        items = [(f"slow-{n}", f"{server.url}/slow-{n}.mp3") for n in range(1, 6)]
        items += [("good", f"{other}/good.mp3"), ("trickle", f"{other}/trickle.mp3")]
        server.routes["/feed.xml"] = Route(body=feed(items), type="application/rss+xml")
        show = tmp_path / "show"
        code, report = run("import", server.url + "/feed.xml", "--show", str(show), "--download")
        assert code == 1
        failed = {f["guid"]: f["reason"] for f in report["failed"]}
        assert set(failed) == {"slow-1", "slow-2", "slow-3", "slow-4", "slow-5", "trickle"}
        for n in (1, 2, 3):
            assert "within 1 s (the server is silent, or sends its headers very slowly)" in failed[f"slow-{n}"]
        host = server.url.removeprefix("http://")
        for n in (4, 5):
            assert failed[f"slow-{n}"] == f"not tried: {host} sent the last 3 files too slowly to finish"
            assert server.routes[f"/slow-{n}.mp3"].hits == []
        assert "it sends the file very slowly" in failed["trickle"]
        hints = {p["episode"]: p["hint"] for p in report["problems"] if p["code"] == "IMP030"}
        assert "is too slow now: run the import again later" in hints["slow-1"] and "slow-1.mp3" in hints["slow-1"]
        assert report["downloaded"] == ["episodes/episode-good/good.mp3"]
        kept = (show / "episodes/episode-trickle/.trickle.mp3.part").stat().st_size
        assert 0 < kept < len(MEDIA)

        for n in range(1, 6):
            server.routes[f"/slow-{n}.mp3"] = Route(body=MEDIA, type="audio/mpeg")
        server.routes["/trickle.mp3"].trickle = 0
        code, report = run("import", server.url + "/feed.xml", "--show", str(show), "--download")
        assert (code, report["failed"]) == (0, [])
        assert server.routes["/trickle.mp3"].hits[-1] == f"GET bytes={kept}-"  # resumed, not fetched again
        assert (show / "episodes/episode-trickle/trickle.mp3").read_bytes() == MEDIA
        assert (show / "episodes/episode-slow-5/slow-5.mp3").read_bytes() == MEDIA


@pytest.mark.parametrize("hops", [16, 17], ids=["at the limit", "one past it"])
def test_check_and_import_follow_the_same_16_redirects_and_name_the_hop_past_them(host: Host, tmp_path: Path,
                                                                                   hops: int) -> None:
    """`check URL` followed 5 redirects and `import URL` requests' 30: a feed behind 6 hops was imported but 'could
    not be fetched' by check. Both follow 16 now (Safari's and Apple's URL loading's limit, the smallest of the apps')."""
    for n in range(hops):
        host.routes[f"/hop-{hops}-{n}"] = Route(redirect=f"{host.url}/hop-{hops}-{n + 1}")
    host.routes[f"/hop-{hops}-{hops}"] = Route(body=GOOD, type="application/rss+xml")
    start = f"{host.url}/hop-{hops}-0"
    checked, check_report = run("check", start)
    imported, import_report = run("import", start, "--show", str(tmp_path / "show"))
    if hops == 16:
        assert checked == 0 and check_report["episodes"] == 3
        assert imported in (0, 1) and len(import_report["imported"]) == 3
        return
    said = f"more than 16 redirects (redirect 17 leads to {host.url}/hop-17-17)"
    [problem] = check_report["problems"]
    assert (checked, problem["code"]) == (2, "XML000") and said in problem["message"], problem
    [problem] = import_report["problems"]
    assert (imported, problem["code"]) == (2, "IMP001") and said in problem["message"], problem


def test_import_download_refuses_a_web_page_sent_instead_of_the_episode(tmp_path: Path) -> None:
    """A host's "this episode is no longer available" page, sent with 200, was saved as the episode's .mp3 and the
    import said it had downloaded it (exit 0). A real mp3 labelled text/html is still taken: the bytes decide."""
    page = b"\n<!DOCTYPE html><html><body>This episode is no longer available</body></html>"
    with Host() as server:
        server.routes["/gone.mp3"] = Route(body=page, type="text/html; charset=utf-8")
        server.routes["/unlabelled.mp3"] = Route(body=page, type="audio/mpeg")
        server.routes["/mislabelled.mp3"] = Route(body=MEDIA, type="text/html")
        items = [(name, f"{server.url}/{name}.mp3") for name in ("gone", "unlabelled", "mislabelled")]
        server.routes["/feed.xml"] = Route(body=feed(items), type="application/rss+xml")
        show = tmp_path / "show"
        code, report = run("import", server.url + "/feed.xml", "--show", str(show), "--download")
        assert code == 1
        assert {f["guid"]: f["reason"] for f in report["failed"]} == {
            "gone": "the server sent a web page (text/html), not the media file",
            "unlabelled": "the server sent a web page (audio/mpeg), not the media file"}
        assert server.routes["/gone.mp3"].hits == ["GET"]  # not asked again: it would say the same
        hints = {p["episode"]: p["hint"] for p in report["problems"] if p["code"] == "IMP030"}
        assert f"open {server.url}/gone.mp3 in a browser" in hints["gone"] and "as gone.mp3" in hints["gone"]
        assert not list((show / "episodes").rglob("*gone.mp3*")) and not list((show / "episodes").rglob("*unlabelled.mp3*"))
        assert (show / "episodes/episode-mislabelled/mislabelled.mp3").read_bytes() == MEDIA


def test_import_names_the_address_a_redirect_to_another_scheme_leads_to(host: Host, tmp_path: Path) -> None:
    host.routes["/to-file.xml"] = Route(redirect="file:///etc/passwd")
    code, report = run("import", host.url + "/to-file.xml", "--show", str(tmp_path / "show"))
    [problem] = report["problems"]
    assert (code, problem["code"]) == (2, "IMP001")
    assert problem["message"].endswith("redirected to an address that is not http(s) (file:///etc/passwd)"), problem
