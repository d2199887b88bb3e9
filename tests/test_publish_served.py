"""A published site as podcast apps and browsers get it over HTTP: a client polling the served folder while a real
publish runs (and is killed outright, then run again), and the headers a real nginx sends with docs/publish.md's
configuration."""

from __future__ import annotations

import functools
import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from helpers import make_media

from mediafeed.mediatypes import BY_NAME, IMAGES, MEDIA, OTHER, TEXT, content_type
from mediafeed.publish import publish
from mediafeed.publish.config import CachePolicy
from mediafeed.publish.plan import cache_control

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://podcast.example.org/safe-to-say/"  #: the sample show's url
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")


def directory_target(show: Path, web: Path) -> None:
    web.mkdir(parents=True, exist_ok=True)
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    web:\n      type: directory\n      path: {web}\n")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- a client polling the site during a publish ------------------------------------------------------------------

class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A web root on a real HTTP server on 127.0.0.1; the site goes in its ``safe-to-say/`` (the show's path)."""
    root = tmp_path / "htdocs"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root / "safe-to-say", f"http://127.0.0.1:{server.server_address[1]}/safe-to-say/"
    server.shutdown()
    server.server_close()


def site_urls(feed: bytes, json_feed: bool) -> tuple[set[str], dict[str, int]]:
    """Every URL of the site a feed names (enclosures, artwork, transcripts, chapters, pages, archives…), and the
    length each enclosure claims."""
    if json_feed:
        found: set[str] = set()

        def walk(value: object) -> None:
            if isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, str) and value.startswith(BASE):
                found.add(value)

        walk(json.loads(feed))
        return found, {}
    text = feed.decode("utf-8")
    found = {html.unescape(m.group()) for m in re.finditer(re.escape(BASE) + r"[^\"'<>\s]*", text)}
    lengths = {html.unescape(m.group(1)): int(m.group(2))
               for m in re.finditer(r'<enclosure url="([^"]+)" length="(\d+)"', text)}
    return found, lengths


class Subscriber(threading.Thread):
    """Polls feed.xml and feed.json as fast as it can, and fetches every URL of the site each one names: what an app
    (or a browser player) that polled at that moment would find missing, or of another length than the feed says."""

    def __init__(self, served: str) -> None:
        super().__init__(daemon=True)
        self.served = served
        self.http = requests.Session()
        self.seen: dict[str, list[bytes]] = {"feed.xml": [], "feed.json": []}
        self.broken: list[str] = []
        self.polls = 0
        self.halt = threading.Event()
        self.lock = threading.Lock()

    def local(self, url: str) -> str:
        rel = url[len(BASE):]
        return self.served + (rel + "index.html" if rel.endswith("/") or not rel else rel)

    def check(self) -> None:
        with self.lock:
            self.polls += 1
            for name in ("feed.xml", "feed.json"):
                answer = self.http.get(self.served + name, timeout=30)
                if answer.status_code != 200:
                    self.broken.append(f"{name}: {answer.status_code}")
                    continue
                feed = answer.content
                if not self.seen[name] or self.seen[name][-1] != feed:
                    self.seen[name].append(feed)
                urls, lengths = site_urls(feed, name == "feed.json")
                found = []
                for url in sorted(urls):
                    got = self.http.head(self.local(url), timeout=30)
                    if got.status_code != 200:
                        found.append(f"{name} #{len(self.seen[name])} names {url}: {got.status_code}")
                    elif url in lengths and int(got.headers["Content-Length"]) != lengths[url]:
                        found.append(f"{name} #{len(self.seen[name])} says {url} has {lengths[url]} bytes, "
                                     f"the server sends {got.headers['Content-Length']}")
                # a file may go once the feed that drops it is live: one this client read just before then is stale
                # by the time it asks; a fault only if the feed it read is still the live one after the answer
                if found and self.http.get(self.served + name, timeout=30).content == feed:
                    self.broken.extend(found)

    def run(self) -> None:
        while not self.halt.is_set():
            self.check()

    def stop(self) -> None:
        self.halt.set()
        self.join()
        self.check()  # the end state too


#: publishes (the show folder is its argument) and stops for good as the folder target copies the file whose path
#: ends with STOP, after telling the test so (the test then looks at the site and kills it outright)
STOPPED_PUBLISH = """\
import shutil, sys, time
from pathlib import Path
real = shutil.copy2
def copy2(source, target, **kwargs):
    if str(source).endswith(sys.argv[2]):
        Path(sys.argv[3]).write_text("stopped")
        while True:
            time.sleep(1)
    return real(source, target, **kwargs)
shutil.copy2 = copy2
from mediafeed.publish import publish
publish(Path(sys.argv[1]), notify=False, delete=True)
"""


def next_episode(show: Path) -> None:
    """A new episode with everything a feed can name (audio, artwork, transcript, chapters), a transcript dropped
    from a published episode (its files go with --delete) and a new title for another (its audio is re-tagged at
    the same URL)."""
    folder = show / "episodes/006-new"
    make_media(folder / "new.mp3", "mp3", 60.0)
    shutil.copy(show / "episodes/001-ipv-and-substance-use/transcript.vtt", folder / "transcript.vtt")
    shutil.copy(show / "episodes/005-european-review/chapters.json", folder / "chapters.json")
    shutil.copy(show / "artwork.png", folder / "cover.png")
    (folder / "episode.md").write_text("---\ntitle: Something new\ndate: 2026-03-20T08:00:00+00:00\n"
                                       "guid: 7d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0006\naudio: new.mp3\nartwork: cover.png\n"
                                       "---\nNotes.\n", encoding="utf-8")
    (show / "episodes/002-learning-alliances/transcript.vtt").unlink()
    episode = show / "episodes/003-capabilities-framework/episode.md"
    text = episode.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, re.M)
    assert title is not None
    episode.write_text(text.replace(title.group(0), "title: The Capabilities Framework, Retitled"), encoding="utf-8")


def test_a_subscriber_polling_during_a_publish_killed_outright_and_its_rerun_never_finds_a_file_missing(
        show: Path, tmp_path: Path, served: tuple[Path, str]) -> None:
    """At no moment may the live feed name an enclosure, artwork, transcript, chapters file or page that is not on
    the server yet (media first, feeds last), nor one already removed (--delete removes only after the feed that
    drops it is live), nor claim another length than the server sends; the publish is SIGKILLed between the two
    feeds (feed.json new, feed.xml not yet), then run again."""
    web, url = served
    directory_target(show, web)
    publish(show, notify=False)
    old_feed = (web / "feed.xml").read_bytes()
    next_episode(show)
    subscriber = Subscriber(url)
    subscriber.start()
    try:
        marker = tmp_path / "stopped"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        process = subprocess.Popen([sys.executable, "-c", STOPPED_PUBLISH, str(show), "public/feed.xml", str(marker)],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 120
            while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            assert marker.exists(), process.communicate()[1] if process.poll() is not None else "it never got there"
            subscriber.check()  # everything but feed.xml is up: the old feed.xml and the new feed.json are served
            assert (web / "feed.xml").read_bytes() == old_feed
            assert (web / "episodes/002-learning-alliances/transcript.vtt").is_file()  # the old feed.xml names it
        finally:
            process.send_signal(signal.SIGKILL)
            process.communicate()
        assert process.returncode == -signal.SIGKILL
        rerun = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--delete",
                                "--no-notify", "--format", "json"], env=env, capture_output=True, text=True, cwd=tmp_path)
    finally:
        subscriber.stop()
    assert rerun.returncode == 0, rerun.stderr
    assert subscriber.broken == [], subscriber.broken[:10]
    assert "episodes/002-learning-alliances/transcript.vtt" in json.loads(rerun.stdout)["deleted"]
    assert not (web / "episodes/002-learning-alliances/transcript.vtt").exists()
    assert subscriber.seen["feed.xml"][0] == old_feed and len(subscriber.seen["feed.xml"]) == 2
    assert b"006-new/new.mp3" in subscriber.seen["feed.xml"][-1] and len(subscriber.seen["feed.json"]) == 2
    assert subscriber.polls >= 2


# -- the headers nginx sends with the documented configuration --------------------------------------------------

def documented_nginx() -> str:
    """The nginx configuration docs/publish.md gives for a directory or rsync target (its first nginx block)."""
    text = (ROOT / "docs/publish.md").read_text(encoding="utf-8")
    section = text[text.index("### Directory and rsync targets"):]
    match = re.search(r"```nginx\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A real nginx on 127.0.0.1 serving a web root with the documented configuration in its server block; the site
    goes in the root's ``safe-to-say/`` (under a prefix, as the docs say works as it is)."""
    root = tmp_path / "htdocs"
    conf = tmp_path / "nginx"
    root.mkdir()
    conf.mkdir()
    (conf / "mime.types").symlink_to(MIME_TYPES)  # Debian's stock list, where the documented 'include mime.types' finds it
    port = free_port()
    (conf / "nginx.conf").write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {conf}/nginx.pid;
error_log {conf}/error.log;
events {{ worker_connections 64; }}
http {{
  include mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {conf}/body; proxy_temp_path {conf}/proxy; fastcgi_temp_path {conf}/fastcgi;
  uwsgi_temp_path {conf}/uwsgi; scgi_temp_path {conf}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
{documented_nginx()}
  }}
}}
""", encoding="utf-8")
    test = subprocess.run([NGINX, "-t", "-p", str(conf), "-e", str(conf / "error.log"), "-c", str(conf / "nginx.conf")],
                          capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    assert "[warn]" not in test.stderr, test.stderr  # (a duplicate type would warn at every reload)
    process = subprocess.Popen([NGINX, "-p", str(conf), "-e", str(conf / "error.log"), "-c", str(conf / "nginx.conf")])
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, (conf / "error.log").read_text()
                time.sleep(0.05)
        yield root / "safe-to-say", f"http://127.0.0.1:{port}/safe-to-say/"
    finally:
        process.terminate()
        process.wait(timeout=30)


#: what nginx calls by another name (its stock mime.types): the same type to every client
NGINX_NAMES = {"text/javascript": "application/javascript", "application/xml": "text/xml"}


@pytest.mark.skipif(not Path(NGINX).exists() or not MIME_TYPES.exists(), reason="needs Debian's nginx (scripts/test.sh installs it)")
def test_nginx_with_the_documented_configuration_sends_each_file_as_a_bucket_would(show: Path, nginx: tuple[Path, str]) -> None:
    """A folder target stores no headers; with the nginx configuration of docs/publish.md a transcript went out as
    application/octet-stream (stock mime.types has no vtt, srt, opus, m4b, flac, wav; browsers refuse such a
    <track>), archives and artwork without their Cache-Control, .m4b and .webm media without theirs. Every file of a
    published site, and one of every type mediafeed knows, must get the Content-Type (charset included) and the
    Cache-Control an S3 upload gets (docs/publish.md's table)."""
    web, url = nginx
    directory_target(show, web)
    publish(show, notify=False)
    kinds = sorted({*MEDIA, *IMAGES, *TEXT, *OTHER})
    extra = [f"every-type/file{ext}" for ext in kinds] + [f"every-type/{name}" for name in BY_NAME] + \
        ["archive/feed-1.xml", "archive/feed-1.json"]
    for rel in extra:
        (web / rel).parent.mkdir(parents=True, exist_ok=True)
        (web / rel).write_bytes(b"x")
    site = sorted(p.relative_to(web).as_posix() for p in web.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert len(site) > 60
    wrong = []
    http = requests.Session()
    for rel in site:
        got = http.head(url + rel, timeout=30)
        mime, _, charset = content_type(rel).partition(";")
        expected = (NGINX_NAMES.get(mime, mime) + (";" + charset if charset else ""), cache_control(rel, CachePolicy()))
        if got.status_code != 200 or (got.headers.get("Content-Type"), got.headers.get("Cache-Control")) != expected:
            wrong.append(f"{rel}: {got.status_code} {got.headers.get('Content-Type')!r} {got.headers.get('Cache-Control')!r}, "
                         f"expected {expected}")
        if rel.endswith((".vtt", ".srt", ".json")) and got.headers.get("Access-Control-Allow-Origin") != "*":
            wrong.append(f"{rel}: no Access-Control-Allow-Origin for browser players")
    assert wrong == [], "\n".join(wrong)
    audio = http.get(url + "episodes/001-ipv-and-substance-use/ipv-and-substance-use.mp3", headers={"Range": "bytes=0-99"})
    assert audio.status_code == 206 and len(audio.content) == 100  # Apple requires byte ranges
    assert "Content-Disposition" not in audio.headers
