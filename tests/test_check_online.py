"""`check --online` against real HTTP servers on 127.0.0.1: ranges, sizes, types, CORS, redirects, slow hosts."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import make_media
from hosts import Host, Route
from PIL import Image

from mediafeed import lint
from mediafeed.checks.http import Limits
from mediafeed.cli import main
from mediafeed.errors import InputError

GOOD = Path(__file__).parent / "data" / "feeds" / "good.xml"
FAST = Limits(connect_timeout=1.0, read_timeout=1.0, deadline=3.0, retries=1, backoff=0.05, workers=4)
HOSTING = ("ONL", "ART", "TRN", "CHP")


def jpeg(size: int = 1400) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), (20, 90, 120)).save(out, "JPEG", quality=60)
    return out.getvalue()


VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ana>Hello.\n\n00:00:01.500 --> 00:00:02.500\nWelcome.\n"
CHAPTERS = b'{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Start"}, {"startTime": 1.5, "title": "Marsh"}]}'


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Host]:
    audio = make_media(tmp_path / "salt-marsh.mp3", "mp3", 3.0).read_bytes()
    m4a = make_media(tmp_path / "seagrass.m4a", "m4a", 3.0).read_bytes()  # an M4A's own bytes: they are checked
    with Host() as server:
        server.routes = {
            "/artwork.jpg": Route(jpeg(), "image/jpeg"),
            "/salt-marsh.mp3": Route(audio, "audio/mpeg"),
            "/seagrass.m4a": Route(m4a, "audio/x-m4a"),
            "/welcome.mp3": Route(audio, "audio/mpeg"),
            "/transcript.vtt": Route(VTT, "text/vtt", cors=True),
            "/chapters.json": Route(CHAPTERS, "application/json+chapters", cors=True),
        }
        server.audio = audio  # type: ignore[attr-defined]
        server.m4a = m4a  # type: ignore[attr-defined]
        yield server


def feed(host: Host, tmp_path: Path) -> Path:
    """The good feed, pointing at the local host, with every enclosure length the real size."""
    text = GOOD.read_text()
    text = text.replace("https://media.example.com/tidewater", host.url)
    text = text.replace("https://podcast.example.com/episodes/salt-marsh", host.url)
    text = text.replace("https://podcast.example.com/artwork.jpg", f"{host.url}/artwork.jpg")
    text = text.replace('length="21455002"', f'length="{len(host.m4a)}"')  # type: ignore[attr-defined]
    size = str(len(host.audio))  # type: ignore[attr-defined]
    for length in ("28734512", "21455002", "1843201"):
        text = text.replace(f'length="{length}"', f'length="{size}"')
    for duration in ("1795", "1502", "115"):
        text = text.replace(f"<itunes:duration>{duration}<", "<itunes:duration>3<")
    path = tmp_path / "feed.xml"
    path.write_text(text)
    return path


def online(path: Path | str, limits: Limits = FAST) -> list:
    report = lint.lint_feed(str(path), online=True, limits=limits)
    return [p for p in report.problems if p.code.startswith(HOSTING)]


def test_a_well_behaved_host_passes(host: Host, tmp_path: Path) -> None:
    assert online(feed(host, tmp_path)) == []
    assert host.routes["/salt-marsh.mp3"].hits == ["HEAD", "GET bytes=0-1"]  # Apple's first request


def test_host_without_range_support(host: Host, tmp_path: Path) -> None:
    host.routes["/seagrass.m4a"].ranges = False
    [problem] = online(feed(host, tmp_path))
    assert problem.code == "ONL002" and "HTTP 200, not 206" in problem.message
    assert problem.episode.endswith("9a02") and problem.field == "enclosure@url"


def test_hostile_host_streaming_forever_is_cut_off(host: Host, tmp_path: Path) -> None:
    host.routes["/seagrass.m4a"].endless = True
    found = {p.code for p in online(feed(host, tmp_path), Limits(deadline=5.0, retries=0, probe_bytes=256 * 1024))}
    assert "ONL002" in found  # reported, after reading at most probe_bytes


def test_wrong_length_and_content_type(host: Host, tmp_path: Path) -> None:
    path = feed(host, tmp_path)
    path.write_text(path.read_text().replace(f'length="{len(host.m4a)}" type="audio/x-m4a"',  # type: ignore[attr-defined]
                                             'length="999" type="audio/x-m4a"'))
    host.routes["/seagrass.m4a"].type = "application/octet-stream"
    found = {p.code: p for p in online(path)}
    assert set(found) == {"ONL003", "ONL004"}
    assert str(len(host.m4a)) in found["ONL003"].message and "999" in found["ONL003"].message  # type: ignore[attr-defined]


def test_an_empty_media_file_is_named_as_empty(host: Host, tmp_path: Path) -> None:
    """An upload that failed leaves a file of no bytes: the host answers Apple's 'Range: bytes=0-1' with 416. It was
    ONL001 'HTTP 416: check the URL', and nothing said the size is not the enclosure length."""
    host.routes["/welcome.mp3"] = Route(b"", "audio/mpeg")
    [said] = online(feed(host, tmp_path))
    assert (said.code, said.severity.value, said.field, said.episode[-4:]) == ("ONL003", "error", "enclosure@length", "9a03")
    assert "is empty (0 bytes" in said.message and str(len(host.audio)) in said.message  # type: ignore[attr-defined]
    assert "upload the media file again" in said.hint


@pytest.mark.parametrize(("route", "body", "says"), [
    ("/seagrass.m4a", "audio", "starts with the bytes of an MP3"),  # an MP3 renamed .m4a: name, type and host agree
    ("/welcome.mp3", "m4a", "starts with the bytes of an MP4/M4A file"),
])
def test_an_enclosure_whose_bytes_are_another_format_than_its_type_is_named(host: Host, tmp_path: Path, route: str,
                                                                             body: str, says: str) -> None:
    """The feed's type, the file name and the host's Content-Type all say M4A, the bytes are an MP3's: passed, since
    only the headers were compared. Apple's 'Range: bytes=0-1' answer holds the two bytes that tell them apart."""
    path = feed(host, tmp_path)
    data = getattr(host, body)
    old = len(host.m4a) if route == "/seagrass.m4a" else len(host.audio)  # type: ignore[attr-defined]
    url = f"{host.url}{route}"
    text = path.read_text()
    at = text.index(url)
    path.write_text(text[:at] + text[at:].replace(f'length="{old}"', f'length="{len(data)}"', 1))
    host.routes[route].body = data
    [said] = online(path)
    assert (said.code, said.severity.value, said.field) == ("ONL004", "warning", "enclosure@type")
    assert says in said.message and "export the file" in said.hint


PARKED = b"<!DOCTYPE html><html><head><title>This domain is for sale</title></head><body>...</body></html>"


@pytest.mark.parametrize("served_as", ["text/html; charset=utf-8", "audio/mpeg"])
def test_an_enclosure_that_answers_with_a_web_page_is_an_error(host: Host, tmp_path: Path, served_as: str) -> None:
    """A parked domain or a sign-in page answering 200 at the media URL: only 'served as text/html' (a warning) was said,
    and nothing when the page came as audio/mpeg with the feed's length; no app can play it."""
    path = feed(host, tmp_path)
    path.write_text(path.read_text().replace(f'length="{len(host.audio)}" type="audio/mpeg"',  # type: ignore[attr-defined]
                                             f'length="{len(PARKED)}" type="audio/mpeg"', 1))
    host.routes["/salt-marsh.mp3"] = Route(PARKED, served_as)
    [said] = online(path)
    assert (said.code, said.severity.value, said.field) == ("ONL004", "error", "enclosure@url")
    assert said.episode.endswith("9a01") and "answers with a web page" in said.message and "no app can play" in said.message


def test_head_refused_redirects_and_loops(host: Host, tmp_path: Path) -> None:
    host.routes["/welcome.mp3"].head = False
    host.routes["/seagrass.m4a"] = Route(redirect=f"{host.url}/cdn/seagrass.m4a")
    host.routes["/cdn/seagrass.m4a"] = Route(host.m4a, "audio/x-m4a")  # type: ignore[attr-defined]
    host.routes["/artwork.jpg"] = Route(redirect=f"{host.url}/artwork.jpg")
    found = {p.code: p for p in online(feed(host, tmp_path))}
    assert found["ONL005"].episode.endswith("9a03")
    assert "/cdn/seagrass.m4a" in found["ONL006"].message and found["ONL006"].severity.value == "info"
    assert "loop" in found["ONL007"].message


@pytest.mark.parametrize("status", [403, 404])
def test_a_host_that_refuses_head_but_serves_get_is_named(host: Host, tmp_path: Path, status: int) -> None:
    """A CDN or signed-URL host that answers HEAD with 403 (or 404) and GET with the file: Apple checks media and
    artwork with HEAD. Only 405 and 501 were reported; this passed as well served."""
    host.routes["/welcome.mp3"].head = False
    host.routes["/welcome.mp3"].head_status = status
    host.routes["/artwork.jpg"].head = False
    host.routes["/artwork.jpg"].head_status = status
    found = sorted((p.code, p.field, p.episode[-4:]) for p in online(feed(host, tmp_path)))
    assert found == [("ONL005", "enclosure@url", "9a03"), ("ONL005", "itunes:image@href", "")]
    said = [p for p in online(feed(host, tmp_path)) if p.field == "enclosure@url"][0]
    assert f"HTTP {status}" in said.message and "serves the file to GET" in said.message and "HEAD" in said.hint


def test_missing_cors_and_bad_timed_files(host: Host, tmp_path: Path) -> None:
    host.routes["/transcript.vtt"] = Route(VTT + b"\n00:09:00.000 --> 00:09:01.000\nFrom another cut.\n", "text/vtt")
    host.routes["/chapters.json"] = Route(b'{"version": "1.2.0", "chapters": [{"startTime": 2}, {"startTime": 1, "title": "x"}]}',
                                          "application/json", cors=True)
    found = sorted(p.code for p in online(feed(host, tmp_path)))
    assert found == ["CHP010", "CHP011", "ONL008", "TRN005"]


@pytest.mark.parametrize(("body", "says"), [
    (b"<!DOCTYPE html><html><body>Sign in</body></html>", "answers with a web page"),
    ('{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Caf\xe9"}]}'.encode("latin-1"), "not UTF-8"),
    (b'{"version": "1.2.0", "chapters": [{"startTime": 0,}]}', "not valid JSON"),
], ids=["a-page", "latin-1", "broken-json"])
def test_a_feeds_chapters_that_are_not_json_get_a_fix_for_the_published_file(host: Host, tmp_path: Path, body: bytes,
                                                                               says: str) -> None:
    """A feed's chapters URL answering with a page, Latin-1 or broken JSON: the hint was the show's own ('write
    chapters.txt lines instead', which a feed's publisher has not), or none at all."""
    host.routes["/chapters.json"] = Route(body, "application/json+chapters", cors=True)
    [said] = online(feed(host, tmp_path))
    assert said.code == "CHP002" and says in said.message and said.episode.endswith("9a01")
    assert said.hint and "chapters.txt" not in said.hint


def test_a_feeds_transcript_url_that_answers_with_a_page_is_named(host: Host, tmp_path: Path) -> None:
    """A sign-in or error page at the transcript URL: was TRN001 'add WEBVTT and a blank line at the top', a fix for a
    file the producer does not have."""
    host.routes["/transcript.vtt"] = Route(b"<!DOCTYPE html><html><body>Sign in</body></html>", "text/vtt", cors=True)
    [said] = online(feed(host, tmp_path))
    assert (said.code, said.field) == ("TRN000", "podcast:transcript@url") and "answers with a web page" in said.message
    assert "WEBVTT" not in said.hint and "upload the transcript" in said.hint


def test_artwork_fetched_and_checked_with_pillow(host: Host, tmp_path: Path) -> None:
    host.routes["/artwork.jpg"] = Route(jpeg(600), "image/jpeg")
    [problem] = online(feed(host, tmp_path))
    assert problem.code == "ART006" and problem.file == f"{host.url}/artwork.jpg" and "600×600" in problem.message


def test_unreachable_missing_and_too_large(host: Host, tmp_path: Path) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{closed.getsockname()[1]}"
    path = feed(host, tmp_path)
    path.write_text(path.read_text().replace(f"{host.url}/welcome.mp3", f"{dead}/welcome.mp3"))
    del host.routes["/seagrass.m4a"]
    host.routes["/artwork.jpg"] = Route(jpeg(), "image/jpeg")
    found = online(path, Limits(deadline=3.0, retries=0, max_file_bytes=1024))
    by_code = sorted((p.code, p.episode[-4:] if p.episode else "") for p in found)
    assert by_code == [("ONL001", "9a02"), ("ONL001", "9a03"), ("ONL010", "")]
    assert any("connection refused" in p.message for p in found) and any("HTTP 404" in p.message for p in found)


def test_transient_failures_are_retried(host: Host, tmp_path: Path) -> None:
    host.routes["/welcome.mp3"].fail_first = 2  # the first two requests see 503
    assert online(feed(host, tmp_path), Limits(retries=2, backoff=0.01)) == []
    assert host.routes["/welcome.mp3"].hits == ["HEAD", "HEAD", "HEAD", "GET bytes=0-1"]


def test_slow_and_dribbling_hosts_cannot_hang_the_check(host: Host, tmp_path: Path) -> None:
    host.routes["/seagrass.m4a"].delay = 5.0  # longer than the read timeout
    host.routes["/welcome.mp3"].drip = 0.2  # headers a byte at a time: each read is quick, the whole never ends
    limits = Limits(connect_timeout=1.0, read_timeout=1.0, deadline=2.0, retries=0, workers=4)
    found = {(p.code, p.episode[-4:]) for p in online(feed(host, tmp_path), limits)}
    assert ("ONL009", "9a02") in found and ("ONL009", "9a03") in found


def test_feed_over_http_with_redirect_and_errors(host: Host, tmp_path: Path) -> None:
    host.routes["/feed.xml"] = Route(feed(host, tmp_path).read_bytes(), "application/rss+xml")
    host.routes["/old-feed"] = Route(redirect=f"{host.url}/feed.xml")
    report = lint.lint_feed(f"{host.url}/old-feed", limits=FAST)
    [moved] = [p for p in report.problems if p.code == "ONL006"]
    assert moved.severity.value == "warning" and "302" in moved.message and report.episodes == 3
    with pytest.raises(InputError) as caught:
        lint.lint_feed(f"{host.url}/missing.xml", limits=FAST)
    assert "HTTP 404" in caught.value.problems[0].message
    result = CliRunner().invoke(main, ["check", f"{host.url}/feed.xml", "--online", "--timeout", "5", "--format", "json",
                                       "--select", "ONL"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["urls_checked"] == 6


def test_a_redirect_to_a_private_address_is_a_publishing_error_and_not_followed(host: Host, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from helpers import ROOT

    metadata = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"  # a cloud's credentials, in CI
    host.routes["/seagrass.m4a"] = Route(redirect=metadata)
    done = subprocess.run([sys.executable, "-m", "mediafeed", "check", str(feed(host, tmp_path)), "--online",
                           "--timeout", "5", "--format", "json"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stderr
    found = [p for p in json.loads(done.stdout)["problems"] if p["code"] == "ONL007"]
    # was: followed, then ONL001/ONL009 "did not answer" (or, where a metadata service answers, its answer read)
    assert len(found) == 1 and metadata in found[0]["message"], found
    assert "link-local address" in found[0]["message"] and "podcast apps cannot reach" in found[0]["message"]
    assert "public URL" in found[0]["hint"]


@pytest.mark.parametrize(("start", "target", "kind"), [
    ("https://podcast.example.org/a.mp3", "http://127.0.0.1/a.mp3", "loopback"),
    ("https://podcast.example.org/a.mp3", "http://localhost:8080/a.mp3", "loopback"),
    ("https://podcast.example.org/a.mp3", "http://10.0.0.5/a.mp3", "private"),
    ("https://podcast.example.org/a.mp3", "http://[::ffff:192.168.1.2]/a.mp3", "private"),
    ("https://podcast.example.org/a.mp3", "http://169.254.169.254/latest/", "link-local"),
    ("http://127.0.0.1:8000/a.mp3", "http://169.254.169.254/latest/", "link-local"),
    ("https://podcast.example.org/a.mp3", "https://cdn.example.net/a.mp3", ""),
    ("https://podcast.example.org/a.mp3", "https://93.184.215.14/a.mp3", ""),
    ("http://127.0.0.1:8000/a.mp3", "http://127.0.0.1:9000/cdn/a.mp3", ""),  # a local server's own redirects
    # the spellings the system's resolver reads as an address (inet_aton), which requests connects to: were public
    ("https://podcast.example.org/a.mp3", "http://0:8000/a.mp3", "private"),  # 0.0.0.0: this computer's servers
    ("https://podcast.example.org/a.mp3", "http://127.1/a.mp3", "loopback"),
    ("https://podcast.example.org/a.mp3", "http://0x7f000001/a.mp3", "loopback"),
    ("https://podcast.example.org/a.mp3", "http://2852039166/latest/", "link-local"),
    ("https://podcast.example.org/a.mp3", "http://0251.0376.0251.0376/latest/", "link-local"),
    ("https://podcast.example.org/a.mp3", "http://169.254.43518/latest/", "link-local"),
    ("https://podcast.example.org/a.mp3", "http://10.1/a.mp3", "private"),
    # not global, though neither private nor reserved: carrier-grade NAT's shared space, Alibaba Cloud's metadata
    ("https://podcast.example.org/a.mp3", "http://100.100.100.200/latest/meta-data/", "private"),
    ("https://podcast.example.org/a.mp3", "https://8.8.8.8/a.mp3", ""),
    ("https://podcast.example.org/a.mp3", "https://1e100.net/a.mp3", ""),  # a host name of digits and letters
    ("https://podcast.example.org/a.mp3", "https://256.1.1.1/a.mp3", ""),  # no address, and no host either
    # a backslash before "@": the user name to urlsplit, the path's start to requests (which connects to the address)
    ("https://podcast.example.org/a.mp3", "http://169.254.169.254\\@cdn.example.net/latest/", "link-local"),
    ("https://podcast.example.org/a.mp3", "http://127.0.0.1:8000\\@cdn.example.net/a.mp3", "loopback"),
    ("https://podcast.example.org/a.mp3", "http://cdn.example.net\\@10.0.0.5/a.mp3", "private"),
])
def test_which_redirects_lead_where_podcast_apps_cannot_go(start: str, target: str, kind: str) -> None:
    from mediafeed.checks.http import private_hop

    found = private_hop(start, target)
    assert (kind in found) if kind else found == "", found


def test_an_address_is_judged_by_the_host_requests_connects_to(host: Host) -> None:
    """``http://127.0.0.1:PORT\\@cdn.example.net/`` reaches the server on 127.0.0.1 through requests (the backslash
    starts the path), though Python's urlsplit reads cdn.example.net: it was judged public, so a hostile feed read
    from a public address could have import and ``check --online`` ask 169.254.169.254 this way."""
    import requests

    from mediafeed.checks.http import private_hop

    url = f"{host.url}\\@cdn.example.net/latest/meta-data/"
    assert requests.get(url, timeout=5).url.startswith(host.url)  # where requests really went: this computer
    assert "a loopback address" in private_hop("https://podcast.example.org/feed.xml", url)  # main: ""


def test_a_feed_at_a_public_address_naming_a_private_one_is_a_publishing_error_and_never_asked(host: Host,
                                                                                            tmp_path: Path) -> None:
    """A feed read from a URL whose enclosure, artwork, transcript or chapters are at an address podcast apps cannot
    reach (here 0.0.0.0, which reaches this computer's own server from a feed on 127.0.0.1, as 169.254.169.254 would
    reach a cloud's metadata service from a public feed): each was asked, as only redirects there were refused."""
    port = host.server.server_address[1]
    hidden = f"http://0.0.0.0:{port}"
    text = feed(host, tmp_path).read_text().replace(host.url, hidden)
    host.routes["/feed.xml"] = Route(text.encode(), "application/rss+xml")
    found = [p for p in online(f"{host.url}/feed.xml") if p.code == "ONL007"]
    asked = {path: route.hits for path, route in host.routes.items() if path != "/feed.xml" and route.hits}
    assert asked == {}  # was: every file asked at 0.0.0.0, and checked as the feed's own
    assert {p.field for p in found} >= {"enclosure@url", "itunes:image@href", "podcast:transcript@url",
                                        "podcast:chapters@url"}, found
    assert all("a private address (a local network), which podcast apps cannot reach" in p.message and
               f"(the feed was read from {host.url}/feed.xml)" in p.message for p in found), found
    # the same feed read from a file is the producer's own choice of addresses: asked
    (tmp_path / "hidden.xml").write_text(text)
    assert not [p for p in online(tmp_path / "hidden.xml") if p.code == "ONL007"]
    assert host.routes["/salt-marsh.mp3"].hits
