"""mediafeed serve: real HTTP requests against the preview server (Range, HEAD, types, CORS, traversal)."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from mediafeed.build import build
from mediafeed.preview import make_server, parse_range

MP3 = "episodes/001-ipv-and-substance-use/ipv-and-substance-use.mp3"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from helpers import copy_show

    root = copy_show(tmp_path_factory.mktemp("serve") / "show")
    out = build(root, root.parent / "site").output
    (root.parent / "secret.txt").write_text("outside the site\n")
    server = make_server(out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", out
    server.shutdown()
    server.server_close()


def raw_get(base: str, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """A request with the path exactly as given (requests would normalise '..')."""
    host, port = base.split("//")[1].rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        conn.putheader(name, value)
    conn.endheaders()
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def test_apple_first_request_range_0_1(site: tuple[str, Path]) -> None:
    base, out = site
    size = (out / MP3).stat().st_size
    data = (out / MP3).read_bytes()
    r = requests.get(base + MP3, headers={"Range": "bytes=0-1"}, timeout=10)
    assert r.status_code == 206
    assert r.headers["Content-Range"] == f"bytes 0-1/{size}"
    assert r.headers["Content-Length"] == "2" and r.content == data[:2]
    assert r.headers["Accept-Ranges"] == "bytes" and r.headers["Content-Type"] == "audio/mpeg"
    tail = requests.get(base + MP3, headers={"Range": "bytes=-100"}, timeout=10)
    assert tail.status_code == 206 and tail.content == data[-100:]
    assert tail.headers["Content-Range"] == f"bytes {size - 100}-{size - 1}/{size}"
    rest = requests.get(base + MP3, headers={"Range": f"bytes={size - 10}-"}, timeout=10)
    assert rest.content == data[-10:]
    past = requests.get(base + MP3, headers={"Range": f"bytes={size}-"}, timeout=10)
    assert past.status_code == 416 and past.headers["Content-Range"] == f"bytes */{size}"
    whole = requests.get(base + MP3, timeout=10)
    assert whole.status_code == 200 and whole.content == data


def test_head_has_length_and_no_body(site: tuple[str, Path]) -> None:
    base, out = site
    r = requests.head(base + MP3, timeout=10)
    assert r.status_code == 200 and r.content == b""
    assert int(r.headers["Content-Length"]) == (out / MP3).stat().st_size
    ranged = requests.head(base + MP3, headers={"Range": "bytes=0-1"}, timeout=10)
    assert ranged.status_code == 206 and ranged.headers["Content-Length"] == "2"


@pytest.mark.parametrize(("path", "kind"), [
    ("feed.xml", "application/rss+xml"),
    ("episodes/001-ipv-and-substance-use/chapters.json", "application/json+chapters"),
    ("episodes/001-ipv-and-substance-use/transcript.vtt", "text/vtt"),
    # oEmbed 1.0 (section 2.3.4): the response is application/json; application/json+oembed is only the type of
    # the discovery link in the page, and the published site (publish targets) sends application/json
    ("episodes/001-ipv-and-substance-use/oembed.json", "application/json"),
    ("episodes/002-learning-alliances/learning-alliances.m4a", "audio/x-m4a"),
    ("artwork.png", "image/png"),
    ("", "text/html"),
    ("sitemap.xml", "application/xml"),
])
def test_content_types_and_cors(site: tuple[str, Path], path: str, kind: str) -> None:
    base, _ = site
    r = requests.get(base + path, headers={"Origin": "https://blog.example.com"}, timeout=10)
    assert r.status_code == 200, path
    assert r.headers["Content-Type"].split(";")[0] == kind
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_serve_sends_each_built_file_with_the_type_publish_gives_it(site: tuple[str, Path]) -> None:
    """The preview is where a producer tries the embeds: it answers as the published site will. It sent oembed.json as
    application/json+oembed (the discovery link's type), while publish uploads it as application/json, oEmbed's own."""
    from mediafeed.publish.plan import content_type as published_type

    base, out = site
    for path in ("feed.xml", "feed.json", "sitemap.xml", "index.html", "episodes/001-ipv-and-substance-use/oembed.json",
                 "episodes/001-ipv-and-substance-use/chapters.json", "episodes/001-ipv-and-substance-use/transcript.vtt"):
        assert (out / path).is_file(), path
        served = requests.head(base + path, timeout=10).headers["Content-Type"]
        assert served.replace(" ", "").lower() == published_type(path).replace(" ", "").lower(), path


def test_cors_preflight_and_folder_redirect(site: tuple[str, Path]) -> None:
    base, _ = site
    r = requests.options(base + "episodes/001-ipv-and-substance-use/transcript.vtt", timeout=10,
                         headers={"Origin": "https://x.example", "Access-Control-Request-Headers": "range"})
    assert r.status_code == 204 and "Range" in r.headers["Access-Control-Allow-Headers"]
    page = requests.get(base + "episodes/001-ipv-and-substance-use", allow_redirects=False, timeout=10)
    assert page.status_code == 301 and page.headers["Location"].endswith("/001-ipv-and-substance-use/")
    asked = requests.get(base + "episodes/001-ipv-and-substance-use?utm_source=blog", allow_redirects=False, timeout=10)
    assert asked.headers["Location"].endswith("/001-ipv-and-substance-use/?utm_source=blog")


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/episodes/..%2f..%2fsecret.txt",
                                  "/..%5csecret.txt", "/.mediafeed/", "/%00", "//etc/passwd"])
def test_paths_outside_the_site_are_refused(site: tuple[str, Path], path: str) -> None:
    base, _ = site
    response = raw_get(base, path)
    assert response.status == 404


def test_symlink_out_of_the_site_is_refused(site: tuple[str, Path]) -> None:
    base, out = site
    link = out / "leak.txt"
    link.symlink_to(out.parent / "secret.txt")
    try:
        assert raw_get(base, "/leak.txt").status == 404
    finally:
        link.unlink()


def test_serve_subprocess_rebuilds_when_a_source_changes(show: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "mediafeed", "serve", "--port", "0", "--interval", "0.2",
                             "--show", str(show)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        page = url + "episodes/000-trailer/"
        assert "One study at a time" in requests.get(page, timeout=10).text
        episode = show / "episodes" / "000-trailer" / "episode.md"
        episode.write_text(episode.read_text().replace("title: One study at a time", "title: Meet the hosts"))
        for _ in range(300):  # wait for the rebuild (not a speed test: up to a minute on a busy machine)
            if "Meet the hosts" in requests.get(page, timeout=10).text:
                break
            time.sleep(0.2)
        else:
            pytest.fail("the page was not rebuilt after episode.md changed")
        assert "Meet the hosts" in requests.get(url + "feed.xml", timeout=10).text
        assert not (show / "public").exists()
        assert b"Meet the hosts" not in (show / "published.json").read_bytes()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize("path", ["/" + "a" * 300, "/episodes/" + "b" * 256 + "/index.html", "/" + "c/" * 3000],
                         ids=["name", "folder", "path"])
def test_a_name_too_long_for_the_file_system_is_a_404_not_a_dropped_connection(site: tuple[str, Path],
                                                                              path: str) -> None:
    base, _ = site
    assert raw_get(base, path).status == 404


def test_text_files_are_served_with_the_preview_address_in_place_of_the_public_one(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "episodes/x").mkdir(parents=True)
    page = b'<a href="https://example.org/show/episodes/x/">x</a> <audio src="https://cdn.example.net/episodes/x/a.mp3">'
    (site / "episodes/x/index.html").write_bytes(page)
    audio = b"ID3 https://example.org/show/ stays as it is"
    (site / "episodes/x/a.mp3").write_bytes(audio)
    server = make_server(site, 0, public=lambda: ("https://example.org/show/", "https://cdn.example.net/"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    here = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        r = requests.get(here + "episodes/x/", timeout=10)
        expected = f'<a href="{here}episodes/x/">x</a> <audio src="{here}episodes/x/a.mp3">'.encode()
        assert r.content == expected and r.headers["Content-Length"] == str(len(expected))
        r = requests.get(here + "episodes/x/", headers={"Range": "bytes=0-8"}, timeout=10)
        assert r.status_code == 206 and r.content == expected[:9]
        assert r.headers["Content-Range"] == f"bytes 0-8/{len(expected)}"
        assert requests.get(here + "episodes/x/a.mp3", timeout=10).content == audio  # media: byte for byte
        # opened as http://localhost:PORT/: links stay on that origin (a video's caption track loads only from it)
        local = requests.get(here.replace("127.0.0.1", "localhost") + "episodes/x/", timeout=10).content
        assert local == expected.replace(here.encode(), here.replace("127.0.0.1", "localhost").encode())
        other = requests.get(here + "episodes/x/", headers={"Host": "evil.example:80"}, timeout=10).content
        assert other == expected  # any other Host: the address the server printed
        assert (site / "episodes/x/index.html").read_bytes() == page  # the built site is untouched
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("header, size, expected", [
    ("bytes=0-1", 100, (0, 1)), ("bytes=-10", 100, (90, 99)), ("bytes=-1000", 100, (0, 99)), ("bytes=90-", 100, (90, 99)),
    ("bytes=0-999", 100, (0, 99)), ("bytes=100-", 100, "unsatisfiable"), ("bytes=5-2", 100, "unsatisfiable"),
    ("bytes=-0", 100, "unsatisfiable"), ("bytes=-5", 0, "unsatisfiable"), ("bytes=0-", 0, "unsatisfiable"),
    ("bytes=0-1,4-5", 100, None), ("items=0-1", 100, None), ("bytes=-", 100, None),
])
def test_range_header_to_bytes(header: str, size: int, expected: object) -> None:
    # RFC 9110 14.1.2: a suffix range of an empty file selects nothing (416), never "bytes 0--1/0"
    assert parse_range(header, size) == expected


def test_a_port_in_use_is_reported_before_the_site_is_built(show: Path) -> None:
    """serve built the whole site (a big show takes a while), then said the port was taken."""
    import socket

    from click.testing import CliRunner

    from mediafeed.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--show", str(show), "--port", str(port), "--no-watch"])
    assert result.exit_code == 2, result.output
    assert f"127.0.0.1:{port}: --port: cannot listen" in result.stderr and "--port 0" in result.stderr
    assert "Built" not in result.stderr
    assert not (show / ".mediafeed" / "preview").exists()


@pytest.fixture()
def small_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A site of its own, so a test can change a file under the running server (as a rebuild does)."""
    site = tmp_path / "site"
    site.mkdir()
    server = make_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()
    server.server_close()


def test_a_resume_after_the_file_changed_gets_the_whole_new_file_not_a_splice(small_site: tuple[str, Path]) -> None:
    """A player resuming a download sends If-Range with the validator of what it has. A rebuild that re-tags an episode
    keeps its length (docs/audio.md), so only the validator tells the copies apart: serve ignored If-Range and sent
    206 with the new file's bytes 100-199, which the player spliced onto the old file's first 100."""
    base, site = small_site
    audio = site / "a.mp3"
    audio.write_bytes(b"A" * 1000)
    first = requests.get(base + "a.mp3", headers={"Range": "bytes=0-99"}, timeout=10)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert first.status_code == 206 and etag.startswith('"')
    same = requests.get(base + "a.mp3", headers={"Range": "bytes=100-199", "If-Range": etag}, timeout=10)
    assert same.status_code == 206 and same.content == b"A" * 100
    by_date = requests.get(base + "a.mp3", headers={"Range": "bytes=100-199", "If-Range": modified}, timeout=10)
    assert by_date.status_code == 206
    audio.write_bytes(b"B" * 1000)  # re-tagged: same length, other bytes
    os.utime(audio, (time.time() + 5, time.time() + 5))
    resumed = requests.get(base + "a.mp3", headers={"Range": "bytes=100-199", "If-Range": etag}, timeout=10)
    assert resumed.status_code == 200 and resumed.content == b"B" * 1000
    assert resumed.headers["ETag"] != etag
    by_old_date = requests.get(base + "a.mp3", headers={"Range": "bytes=100-199", "If-Range": modified}, timeout=10)
    assert by_old_date.status_code == 200 and by_old_date.content == b"B" * 1000
    weak = requests.get(base + "a.mp3", headers={"Range": "bytes=100-199", "If-Range": "W/" + resumed.headers["ETag"]},
                        timeout=10)
    assert weak.status_code == 200  # RFC 9110 13.1.5: a weak validator never matches If-Range


@pytest.mark.parametrize("path", ["feed.xml", MP3, "episodes/001-ipv-and-substance-use/transcript.vtt", "artwork.png"])
def test_an_unchanged_file_is_answered_304_to_a_conditional_request(site: tuple[str, Path], path: str) -> None:
    """Apps poll the feed with If-None-Match / If-Modified-Since; serve sent no ETag and answered every poll with the
    whole file, so a preview could not show that the feed is cacheable as a host serves it."""
    base, _ = site
    whole = requests.get(base + path, timeout=10)
    etag, modified = whole.headers["ETag"], whole.headers["Last-Modified"]
    assert "ETag" in whole.headers["Access-Control-Expose-Headers"]  # a browser player on another origin reads it
    for headers in ({"If-None-Match": etag}, {"If-None-Match": f'"other", {etag}'}, {"If-None-Match": "*"},
                    {"If-None-Match": "W/" + etag},  # If-None-Match compares weakly
                    {"If-Modified-Since": modified}):
        for method in (requests.get, requests.head):
            again = method(base + path, headers=headers, timeout=10)
            assert again.status_code == 304, (headers, method)
            assert again.content == b"" and again.headers["ETag"] == etag
    changed = requests.get(base + path, headers={"If-None-Match": '"other"', "If-Modified-Since": modified}, timeout=10)
    assert changed.status_code == 200 and changed.content == whole.content  # If-None-Match wins over the date
    older = requests.get(base + path, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}, timeout=10)
    assert older.status_code == 200 and older.content == whole.content
    junk = requests.get(base + path, headers={"If-Modified-Since": "yesterday"}, timeout=10)
    assert junk.status_code == 200


def test_feedparser_polling_the_preview_gets_304_the_second_time(site: tuple[str, Path]) -> None:
    import feedparser

    base, _ = site
    first = feedparser.parse(base + "feed.xml")
    assert first.status == 200 and len(first.entries) >= 5 and first.etag
    second = feedparser.parse(base + "feed.xml", etag=first.etag, modified=first.modified)
    assert second.status == 304 and not second.entries


def test_text_files_carry_an_etag_of_what_was_sent(tmp_path: Path) -> None:
    """Text files are sent with the preview's address in place of the public one, so their ETag follows the bytes
    sent: the same page opened as localhost and as 127.0.0.1 differs and must not validate the other's copy."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b'<a href="https://example.org/show/x/">x</a>')
    server = make_server(site, 0, public=lambda: ("https://example.org/show/",))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    here = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        numeric = requests.get(here, timeout=10).headers["ETag"]
        named = requests.get(here.replace("127.0.0.1", "localhost"), timeout=10).headers["ETag"]
        assert numeric != named
        assert requests.get(here, headers={"If-None-Match": named}, timeout=10).status_code == 200
        assert requests.get(here, headers={"If-None-Match": numeric}, timeout=10).status_code == 304
    finally:
        server.shutdown()
        server.server_close()


def test_clients_that_hang_up_leave_no_traceback(small_site: tuple[str, Path], capfd: pytest.CaptureFixture[str]) -> None:
    """Players drop connections all the time (seeking, skipping, a phone leaving Wi-Fi). A client that reset the
    connection before the headers went out printed a 'Connection reset by peer' traceback in serve's terminal,
    about one in two, burying the rebuild reports."""
    import socket
    import struct

    base, site = small_site
    (site / "a.mp3").write_bytes(b"A" * 200_000)
    (site / "feed.xml").write_bytes(b"<rss/>")
    port = int(base.rstrip("/").rsplit(":", 1)[1])
    for number in range(120):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = RST
            path = ("/a.mp3", "/feed.xml", "/missing")[number % 3]
            client.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nRange: bytes=0-\r\n\r\n".encode())
            if number % 2:
                client.recv(1)
    assert requests.get(base + "feed.xml", timeout=10).content == b"<rss/>"  # still serving
    time.sleep(0.5)  # the last handler threads finish
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Exception occurred" not in err


@pytest.mark.parametrize("path", [
    "book.m4b", "assets/font.woff2", "assets/feed.xsl", "site.webmanifest", "archive/feed-2.xml", "archive/feed-2.json",
    "assets/data.xml", "icon.svg", "episodes/x/chapters.json", "feed.xml", "feed.json", "sitemap.xml", "a.opus",
    "episodes/x/alt.webm",  # a WebM alternate enclosure (session 24: it was application/octet-stream)
])
def test_serve_and_publish_give_every_kind_of_file_one_type(tmp_path: Path, path: str) -> None:
    """Two tables had drifted: an .m4b audiobook episode (its enclosure says audio/x-m4a) went up as audio/x-m4b, an RFC
    5005 archive page archive/feed-2.json was previewed as application/json, any other .xml as an RSS feed, a theme's
    .woff2 font uploaded as application/octet-stream, .xsl and .webmanifest previewed as octet-stream."""
    from mediafeed.publish.plan import content_type as published_type

    site = tmp_path / "site"
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_bytes(b"x")
    server = make_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        served = requests.head(f"http://127.0.0.1:{server.server_address[1]}/{path}", timeout=10).headers["Content-Type"]
    finally:
        server.shutdown()
        server.server_close()
    assert served.replace(" ", "") == published_type(path).replace(" ", "")
    assert "octet-stream" not in served
    if path.endswith(".webm"):
        assert served == "video/webm"  # the type the feed's podcast:alternateEnclosure gives it
    if path.endswith(".m4b"):
        assert served == "audio/x-m4a"  # the enclosure type the feed gives an .m4b (audio/probe.py), one of Apple's


#: a web player on a blog's origin, as hls.js, wavesurfer.js and podcast web players fetch: the media by Range (and
#: If-Range when resuming), the feed and chapters revalidated with the validators a player keeps (If-None-Match,
#: If-Modified-Since), asked for with a long Accept; each request names its headers, then what the browser got
PLAYER = """
<!doctype html><meta charset="utf-8"><title>blog</title><script>
window.results = (async () => {
  const base = new URLSearchParams(location.search).get("site");
  const asks = [
    ["media by Range", "%(mp3)s", {Range: "bytes=0-1"}],
    ["media resumed (If-Range)", "%(mp3)s", {Range: "bytes=2-3", "If-Range": %(etag)s}],
    ["feed revalidated (If-None-Match)", "feed.xml", {"If-None-Match": %(feed_etag)s}],
    ["chapters revalidated (If-Modified-Since)", "%(chapters)s", {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}],
    ["feed with a long Accept", "feed.xml", {Accept: "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, "
       + "application/atom+xml;q=0.7, application/feed+json;q=0.6, application/json;q=0.5, */*;q=0.1"}],
    ["transcript, no cache (Cache-Control, Pragma)", "%(vtt)s", {"Cache-Control": "no-cache", Pragma: "no-cache"}],
  ];
  const got = {};
  for (const [what, path, headers] of asks) {
    try {
      const answer = await fetch(base + path, {headers, cache: "no-store"});
      got[what] = answer.status + " " + (answer.headers.get("ETag") ? "etag" : "no etag");
    } catch (failed) {
      got[what] = "blocked: " + failed.message;
    }
  }
  return got;
})();
</script>
"""


def test_a_web_player_on_another_origin_can_send_the_headers_players_send(site: tuple[str, Path]) -> None:
    """The preflight allowed Range alone: a player revalidating the feed with the ETag it kept (If-None-Match), or
    resuming with If-Range, was blocked by Chromium before the request was even sent."""
    from siteserver import SiteServer, chromium

    base, out = site
    chapters, vtt = "episodes/001-ipv-and-substance-use/chapters.json", "episodes/001-ipv-and-substance-use/transcript.vtt"
    etag = requests.head(base + MP3, timeout=10).headers["ETag"]
    feed_etag = requests.head(base + "feed.xml", timeout=10).headers["ETag"]
    page = PLAYER % {"mp3": MP3, "etag": json.dumps(etag), "feed_etag": json.dumps(feed_etag), "chapters": chapters, "vtt": vtt}
    with SiteServer() as blog, chromium() as browser:
        blog.extra["/player.html"] = ("text/html; charset=utf-8", page.encode())
        tab = browser.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(f"{blog.url}player.html?site={base}")
        got = tab.evaluate("() => window.results")
    assert errors == []
    assert got == {"media by Range": "206 etag", "media resumed (If-Range)": "206 etag",
                   "feed revalidated (If-None-Match)": "304 etag",
                   "chapters revalidated (If-Modified-Since)": "200 etag", "feed with a long Accept": "200 etag",
                   "transcript, no cache (Cache-Control, Pragma)": "200 etag"}, got


def test_the_watcher_goes_on_after_a_rebuild_raises(tmp_path: Path) -> None:
    """An exception out of a rebuild (list's 'database is locked' did it, a full disk would) ended serve's watcher
    thread with a traceback, and the preview went stale without a word: every later edit was ignored. The watcher
    now tells ``failed`` and rebuilds on the next change."""
    from mediafeed.preview import Watcher

    (tmp_path / "show.yml").write_text("title: A\n", encoding="utf-8")
    calls: list[int] = []
    told: list[BaseException] = []
    again = threading.Event()

    def rebuild() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        again.set()

    watcher = Watcher(tmp_path, rebuild, interval=0.02, failed=told.append)
    watcher.state = watcher.snapshot()
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        (tmp_path / "show.yml").write_text("title: AB\n", encoding="utf-8")
        deadline = 200
        while not told and deadline:
            again.wait(0.05)
            deadline -= 1
        (tmp_path / "show.yml").write_text("title: ABC\n", encoding="utf-8")
        assert again.wait(30), (calls, told)
    finally:
        watcher.stop.set()
        thread.join(5)
    assert [str(exc) for exc in told] == ["database is locked"]
    assert len(calls) == 2


def test_a_rebuild_repeats_the_warnings_but_not_the_notes_already_shown(show: Path) -> None:
    """Each rebuild of `serve` printed every problem again, the infos too: an M4A published 'fast start' (MED027, an
    info with "nothing to do") or a title's note was printed again after every edit, noise around what the edit did.
    A rebuild prints a note (info) only when the last report did not hold it; warnings and errors every time, as
    they are still to fix."""
    from helpers import with_an_info

    with_an_info(show)  # EP020, an info: the trailer's title repeats the show's name
    episode = show / "episodes" / "001-ipv-and-substance-use" / "episode.md"
    text = episode.read_text(encoding="utf-8")
    episode.write_text(text.replace("title: Not the Cause", 'title: "\\ufeffNot the Cause'  # SRC059, a warning
                                    ).replace(", Not a Coincidence\n", ', Not a Coincidence"\n', 1), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mediafeed", "serve", "--port", "0", "--interval", "0.2",
                             "--show", str(show)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    lines: list[str] = []
    try:
        assert proc.stdout is not None and proc.stderr is not None
        reader = threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, "")), daemon=True)
        reader.start()
        assert proc.stdout.readline().startswith("http://127.0.0.1:")
        edited = show / "episodes" / "002-learning-alliances" / "episode.md"
        before = edited.read_text(encoding="utf-8")
        for builds, name in ((2, "Working together"), (3, "Working together again")):  # two edits, two rebuilds
            edited.write_text(before.replace("date:", f"season_name: {name}\ndate:", 1), encoding="utf-8")
            for _ in range(600):  # wait for the rebuild's report (not a speed test)
                if sum(line.startswith("Built ") for line in lines) == builds:
                    break
                time.sleep(0.1)
            else:
                pytest.fail("no rebuild was reported: " + "".join(lines))
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    said = "".join(lines)
    assert said.count("[EP020]") == 1, said
    assert said.count("[SRC059]") == 3, said
    assert said.count("Found 0 errors, 1 warning, 0 infos (1 info shown before, not repeated).") == 2, said
