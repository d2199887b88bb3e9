"""`mediafeed publish` to a directory and over rsync, its notifications, and its show.yml checks."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner
from helpers import make_media

from mediafeed.cli import main
from mediafeed.errors import MediafeedError
from mediafeed.publish import publish
from mediafeed.publish.manifest import MANIFEST
from mediafeed.publish.plan import scan

FEED_URL = "https://podcast.example.org/safe-to-say/feed.xml"


def configure(show: Path, body: str) -> None:
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write("\npublish:\n" + body)


def site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def remove_episode(show: Path, slug: str) -> None:
    shutil.rmtree(show / "episodes" / slug)


# -- directory ----------------------------------------------------------------

def test_directory_target_mirrors_the_site_in_safe_order_and_converges(show: Path, tmp_path: Path) -> None:
    web = tmp_path / "www"
    web.mkdir()
    configure(show, f"  targets:\n    web:\n      type: directory\n      path: {web}\n")
    first = publish(show, notify=False)
    order = [u.rel for u in first.uploads]
    assert order[-1] == "feed.xml" and order.index("artwork.png") < order.index("index.html")
    assert [u.phase for u in first.uploads] == sorted((u.phase for u in first.uploads),
                                                      key=["media", "images", "pages", "feeds"].index)
    published = site_files(web)
    assert {k: v for k, v in published.items() if k != MANIFEST} == site_files(show / "public")
    assert stat.S_IMODE((web / "feed.xml").stat().st_mode) == 0o644
    assert publish(show, notify=False).uploads == []
    # an episode removed from the show: its pages go with --delete, its published media stays
    remove_episode(show, "005-european-review")
    report = publish(show, notify=False, delete=True)
    assert (web / "episodes/005-european-review/european-review.mp3").exists()
    assert not (web / "episodes/005-european-review/index.html").exists()
    assert not (web / "episodes/005-european-review/embed").exists()  # emptied folders pruned
    assert report.protected == ["episodes/005-european-review/european-review.mp3"]
    manifest = json.loads((web / MANIFEST).read_text())
    assert "episodes/005-european-review/index.html" not in manifest["files"]


def test_delete_keeps_the_alternate_enclosures_of_a_published_episode(show: Path, tmp_path: Path) -> None:
    # subscribers who read the earlier feed may fetch the podcast:alternateEnclosure file as well as the enclosure
    folder = show / "episodes/005-european-review"
    make_media(folder / "european-review.opus", "opus", 3.0)
    md = (folder / "episode.md").read_text().replace(
        "audio: european-review.mp3\n", "audio: european-review.mp3\nalternate_enclosures:\n"
        "  - {file: european-review.opus, title: Small download}\n"
        "  - {url: \"https://cdn.example.net/european-review.m3u8\", type: application/x-mpegURL, title: Stream}\n")
    (folder / "episode.md").write_text(md)
    web = tmp_path / "www"
    web.mkdir()
    configure(show, f"  targets:\n    web:\n      type: directory\n      path: {web}\n")
    publish(show, notify=False)
    records = json.loads((show / "published.json").read_text())["episodes"].values()
    record = next(r for r in records if r["slug"] == "005-european-review")
    assert record["alternates"] == ["https://podcast.example.org/safe-to-say/episodes/005-european-review/european-review.opus"]
    remove_episode(show, "005-european-review")
    report = publish(show, notify=False, delete=True)
    assert (web / "episodes/005-european-review/european-review.opus").exists()
    assert report.protected == ["episodes/005-european-review/european-review.mp3",
                                "episodes/005-european-review/european-review.opus"]
    assert not (web / "episodes/005-european-review/index.html").exists()


def test_a_directory_inside_the_show_is_refused(show: Path) -> None:
    configure(show, "  targets:\n    web:\n      type: directory\n      path: public/mirror\n")
    with pytest.raises(MediafeedError) as failed:
        publish(show, notify=False)
    assert failed.value.problems[0].code == "PUB006"


# -- rsync --------------------------------------------------------------------

def test_rsync_to_a_folder_uploads_only_changes_and_deletes_safely(show: Path, tmp_path: Path) -> None:
    dest = tmp_path / "rsync-dest"
    dest.mkdir()
    configure(show, f"  targets:\n    host:\n      type: rsync\n      destination: {dest}/\n")
    first = publish(show, notify=False)
    assert [u.rel for u in first.uploads][-1] == "feed.xml"
    assert {k: v for k, v in site_files(dest).items() if k != MANIFEST} == site_files(show / "public")
    assert publish(show, notify=False).uploads == []
    episode = show / "episodes/002-learning-alliances/episode.md"
    # a guest's name: in the feed and the page, but not in the audio's tags (a new title re-tags the media)
    episode.write_text(episode.read_text().replace("Priya Natarajan", "Priya Natarajan-Hill", 1))
    changed = publish(show, notify=False)
    assert "feed.xml" == changed.uploads[-1].rel and not any(u.phase == "media" for u in changed.uploads)
    assert site_files(dest)["feed.xml"] == (show / "public/feed.xml").read_bytes()
    remove_episode(show, "000-trailer")
    publish(show, notify=False, delete=True)
    assert (dest / "episodes/000-trailer/safe-to-say-trailer.mp3").exists()
    assert not (dest / "episodes/000-trailer/index.html").exists()


def test_rsync_over_a_remote_shell_with_a_lost_manifest(show: Path, tmp_path: Path) -> None:
    """``host:/path`` goes through the remote shell; a stand-in for ssh runs the far side here (no sshd needed)."""
    dest = tmp_path / "remote"
    dest.mkdir()
    calls = tmp_path / "calls.log"
    fake_ssh = tmp_path / "fake-ssh"
    fake_ssh.write_text(f"#!/bin/sh\necho \"$1\" >> {calls}\nshift\nexec sh -c \"$*\"\n")
    fake_ssh.chmod(0o755)
    configure(show, f"  targets:\n    host:\n      type: rsync\n      destination: podcast.example.org:{dest}\n"
                    f"      ssh: {fake_ssh}\n")
    publish(show, notify=False)
    assert set(calls.read_text().split()) == {"podcast.example.org"}
    assert (dest / "feed.xml").read_bytes() == (show / "public/feed.xml").read_bytes()
    (dest / MANIFEST).unlink()
    (dest / "robots.txt").write_text("changed by hand\n")
    report = publish(show, notify=False)  # rsync compares checksums: only the changed file goes up again
    assert [u.rel for u in report.uploads] == ["robots.txt"]
    assert (dest / "robots.txt").read_bytes() == (show / "public/robots.txt").read_bytes()


def test_rsync_over_ssh_says_which_folder_is_missing_on_the_server_and_that_ssh_could_not_log_in(show: Path,
                                                                                                  tmp_path: Path) -> None:
    """A destination folder missing on the server was 'rsync could not list …: rsync: [sender] change_dir … failed'
    with 'check the destination and ssh access (try: ssh HOST true)'; a key ssh could not use showed only ssh's
    first line, its warning ("Warning: Identity file … not accessible"), not "Permission denied (publickey)" after
    it. (What real ssh and sshd print; the stand-in runs the far side here.)"""
    fake_ssh = tmp_path / "fake-ssh"
    # called as ssh is: [-p PORT] [-l USER] HOST COMMAND
    fake_ssh.write_text("#!/bin/sh\nwhile [ \"$1\" = -p ] || [ \"$1\" = -l ]; do shift 2; done\nshift\nexec sh -c \"$*\"\n")
    fake_ssh.chmod(0o755)
    missing = tmp_path / "srv" / "podcast"
    configure(show, f"  targets:\n    host:\n      type: rsync\n      destination: deploy@podcast.example.org:{missing}/\n"
                    f"      ssh: {fake_ssh} -p 2222\n")
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--format", "json", "--no-notify"])
    assert result.exit_code == 1
    (problem,) = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert (problem["code"], problem["file"], problem["field"]) == ("PUB022", "show.yml", "publish.targets.host.destination")
    assert problem["message"] == f"the target folder {missing} does not exist on deploy@podcast.example.org"
    assert f"create it ({fake_ssh} -p 2222 deploy@podcast.example.org mkdir -p {missing})" in problem["hint"]
    missing.mkdir(parents=True)
    refused = tmp_path / "refused-ssh"
    refused.write_text("#!/bin/sh\necho 'Warning: Identity file /home/me/.ssh/podcast not accessible: No such file or "
                       "directory.' >&2\necho 'deploy@podcast.example.org: Permission denied (publickey).' >&2\nexit 255\n")
    refused.chmod(0o755)
    (show / "show.yml").write_text((show / "show.yml").read_text().replace(str(fake_ssh), str(refused)))
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--format", "json", "--no-notify"])
    assert result.exit_code == 1
    (problem,) = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert problem["code"] == "PUB021" and "Permission denied (publickey)" in problem["message"]
    assert "ssh could not log in to deploy@podcast.example.org" in problem["message"]
    assert "check the key and port in 'ssh:'" in problem["hint"] and list(missing.iterdir()) == []


def test_rsync_into_a_web_root_with_its_own_index_html_stops_before_sending_anything(show: Path, tmp_path: Path) -> None:
    dest = tmp_path / "rsync-dest"
    dest.mkdir()
    (dest / "index.html").write_text("<h1>Department of Social Work</h1>\n")
    configure(show, f"  targets:\n    host:\n      type: rsync\n      destination: {dest}/\n")
    with pytest.raises(MediafeedError) as refused:
        publish(show, notify=False)
    assert refused.value.problems[0].code == "PUB007" and refused.value.problems[0].message.endswith(": index.html")
    assert sorted(p.name for p in dest.iterdir()) == ["index.html"]
    assert publish(show, notify=False, overwrite=True).uploads[-1].rel == "feed.xml"
    assert (dest / "index.html").read_bytes() == (show / "public/index.html").read_bytes()


# -- notifications ---------------------------------------------------------------

class Hub(BaseHTTPRequestHandler):
    log: list[dict] = []
    status = 204

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        url = urlparse(self.path)
        self.log.append({"method": self.command, "path": url.path, "query": parse_qs(url.query), "body": parse_qs(body),
                         "auth": self.headers.get("Authorization"), "agent": self.headers.get("User-Agent")})
        status = 500 if url.path == "/broken" else self.status
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = _record

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def hub():
    Hub.log = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", Hub.log
    server.shutdown()
    server.server_close()


def test_apps_are_told_after_a_publish_that_changed_the_feed(show: Path, tmp_path: Path, hub, monkeypatch) -> None:
    base, log = hub
    monkeypatch.setenv("PODPING_TOKEN", "podping-token-xyz")
    (tmp_path / "www").mkdir()
    configure(show, f"  targets:\n    web:\n      type: directory\n      path: {tmp_path / 'www'}\n"
                    f"  notify:\n    websub: [{base}/hub, {base}/broken]\n    podcastindex: {base}/pubnotify\n"
                    f"    podping: {base}/podping\n")
    report = publish(show)
    by_path = {entry["path"]: entry for entry in log}
    assert by_path["/hub"]["method"] == "POST"
    assert by_path["/hub"]["body"] == {"hub.mode": ["publish"], "hub.url": [FEED_URL]}
    assert by_path["/pubnotify"]["query"] == {"url": [FEED_URL]}
    assert by_path["/podping"]["query"] == {"url": [FEED_URL], "reason": ["update"], "medium": ["podcast"]}
    assert by_path["/podping"]["auth"] == "podping-token-xyz" and by_path["/podping"]["agent"].startswith("mediafeed/")
    # the broken hub is reported; the publish stands
    assert [(n.service, n.ok) for n in report.notifications] == [("websub", True), ("websub", False),
                                                                  ("podcastindex", True), ("podping", True)]
    failed = [p for p in report.problems if p.code == "PUB040"]
    assert len(failed) == 1 and "500" in failed[0].message and failed[0].severity.value == "warning"
    assert (tmp_path / "www/feed.xml").exists()
    assert "podping-token-xyz" not in json.dumps(report.to_dict())
    log.clear()
    assert publish(show).notifications == [] and log == []  # nothing changed, nobody is bothered


def test_a_missing_podping_token_is_reported_not_sent(show: Path, tmp_path: Path, hub, monkeypatch) -> None:
    base, log = hub
    monkeypatch.delenv("PODPING_TOKEN", raising=False)
    (tmp_path / "www").mkdir()
    configure(show, f"  targets:\n    web:\n      type: directory\n      path: {tmp_path / 'www'}\n"
                    f"  notify:\n    podping: {base}/podping\n")
    report = publish(show)
    assert log == [] and not report.notifications[0].ok and "PODPING_TOKEN" in report.notifications[0].message


def test_dry_run_names_the_notifications_and_sends_none(show: Path, tmp_path: Path, hub) -> None:
    base, log = hub
    (tmp_path / "www").mkdir()
    configure(show, f"  targets:\n    web:\n      type: directory\n      path: {tmp_path / 'www'}\n"
                    f"  notify:\n    websub: [{base}/hub]\n")
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"notify  websub  {base}/hub" in result.stdout and log == []
    assert list((tmp_path / "www").iterdir()) == []


# -- show.yml ---------------------------------------------------------------------

@pytest.mark.parametrize(("body", "code", "field"), [
    ("  targets:\n    cdn:\n      type: s3\n      bucket: b-1\n      aws_secret_access_key: abc\n", "PUB004",
     "publish.targets.cdn.aws_secret_access_key"),
    ("  targets:\n    cdn:\n      type: s3\n      bukcet: b-1\n", "SRC011", "publish.targets.cdn.bucket"),
    ("  targets:\n    cdn:\n      type: s3\n      bucket: b-1\n      adressing: path\n", "SRC012", "publish.targets.cdn.adressing"),
    ("  targets:\n    cdn:\n      type: ftp\n", "SRC010", "publish.targets.cdn.type"),
    ("  targets:\n    cdn:\n      type: s3\n      bucket: https://s3.example.org/b\n", "SRC010", "publish.targets.cdn.bucket"),
    ("  targets:\n    cdn:\n      type: s3\n      bucket: b-1\n      addressing: sideways\n", "SRC010", "publish.targets.cdn.addressing"),
    ("  target: nowhere\n  targets:\n    cdn:\n      type: s3\n      bucket: b-1\n", "SRC010", "publish.target"),
    ("  targets:\n    host:\n      type: rsync\n      destination: h:/srv/\n      options: [--delete]\n", "SRC010",
     "publish.targets.host.options"),
    ("  targets:\n    host:\n      type: rsync\n      destination: h:/srv/\n      options: [--inplace]\n", "SRC010",
     "publish.targets.host.options"),
    ("  targets:\n    host:\n      type: rsync\n      destination: h:/srv/\n      options: [--bwlimit=2000, -vP]\n", "SRC010",
     "publish.targets.host.options"),
    ("  targets: {}\n", "SRC011", "publish.targets"),
])
def test_bad_publish_settings_name_the_key_and_stop_before_building(show: Path, body: str, code: str, field: str) -> None:
    configure(show, body)
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--format", "json"])
    assert result.exit_code == 2
    problems = json.loads(result.stdout)["problems"]
    assert any(p["code"] == code and p["field"] == field and p["file"] == "show.yml" for p in problems), problems
    assert not (show / "public").exists()


PASSWORD = "hub-pa55word-never-printed"


@pytest.mark.parametrize("where", ["notify.websub", "targets.cdn.endpoint_url"])
def test_a_url_with_a_password_in_show_yml_is_refused_never_printed_and_never_put_in_the_feed(show: Path, where: str) -> None:
    """A hub behind basic auth went into the feed every subscriber reads (atom:link rel="hub"); an endpoint's was
    printed with every error naming the target, in text and JSON. Both are credentials in a committed file."""
    hub = f"https://pod:{PASSWORD}@hub.example.org/" if where == "notify.websub" else "https://hub.example.org/"
    endpoint = f"https://key:{PASSWORD}@s3.example.org" if where != "notify.websub" else "https://s3.example.org"
    configure(show, f"  targets:\n    cdn:\n      type: s3\n      bucket: b-1\n      endpoint_url: {endpoint}\n"
                    f"  notify:\n    websub: [{hub}]\n")
    built = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json"])
    assert built.exit_code == 1 and PASSWORD not in built.output
    (refused,) = [p for p in json.loads(built.stdout)["problems"] if p["code"] == "PUB004"]
    assert refused["field"] == f"publish.{where}" and "USER:PASSWORD@" in refused["hint"]
    assert not (show / "public" / "feed.xml").exists()
    for form in ("text", "json"):
        result = CliRunner().invoke(main, ["publish", "--show", str(show), "--format", form])
        assert result.exit_code == 2 and "PUB004" in result.output and PASSWORD not in result.output


def test_no_publish_section_says_how_to_add_one(show: Path) -> None:
    result = CliRunner().invoke(main, ["publish", "--show", str(show)])
    assert result.exit_code == 2 and "no publish targets configured" in result.output and "[PUB001]" in result.output


def test_no_build_requires_a_built_site(show: Path, tmp_path: Path) -> None:
    (tmp_path / "www").mkdir()
    configure(show, f"  targets:\n    web:\n      type: directory\n      path: {tmp_path / 'www'}\n")
    with pytest.raises(MediafeedError) as failed:
        publish(show, build=False)
    assert failed.value.problems[0].code == "PUB010"


def test_hashes_are_reused_for_unchanged_files(show: Path, tmp_path: Path) -> None:
    (tmp_path / "www").mkdir()
    configure(show, f"  targets:\n    web:\n      type: directory\n      path: {tmp_path / 'www'}\n")
    publish(show, notify=False)
    cache = show / ".mediafeed/publish-hashes.json"
    remembered = json.loads(cache.read_text())
    assert len(remembered) == len(scan(show / "public"))
    # a stale remembered hash for an unchanged file is trusted (size and mtime match); a touched file is re-hashed
    key = str(show / "public/robots.txt")
    remembered[key][2] = "0" * 64
    cache.write_text(json.dumps(remembered))
    assert scan(show / "public", cache)["robots.txt"].sha256 == "0" * 64
    (show / "public/robots.txt").touch()
    assert scan(show / "public", cache)["robots.txt"].sha256 != "0" * 64


def test_without_boto3_an_s3_target_says_how_to_install_it(show: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "no-boto3" / "boto3"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('boto3 is not installed here')\n")
    configure(show, "  targets:\n    cdn:\n      type: s3\n      bucket: b-1\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker.parent), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show)], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 1 and "pip install 'mediafeed[s3]'" in result.stderr and "[PUB005]" in result.stderr


def test_archives_go_up_before_the_feed_that_links_to_them_with_feed_types(show: Path, tmp_path: Path) -> None:
    (tmp_path / "www").mkdir()
    text = (show / "show.yml").read_text() + "feed_limit: 2\n"
    (show / "show.yml").write_text(text)
    configure(show, f"  targets:\n    web:\n      type: directory\n      path: {tmp_path / 'www'}\n")
    report = publish(show, notify=False, dry_run=True)
    order = [u.rel for u in report.uploads]
    archives = [u for u in report.uploads if u.rel.startswith("archive/")]
    assert archives and all(order.index(a.rel) < order.index("feed.json") for a in archives)
    assert order[-2:] == ["feed.json", "feed.xml"]
    types = {a.rel.rsplit(".", 1)[1]: (a.type, a.cache) for a in archives}
    assert types["xml"] == ("application/rss+xml; charset=utf-8", "public, max-age=300")
    assert types["json"] == ("application/feed+json; charset=utf-8", "public, max-age=300")
    assert list((tmp_path / "www").iterdir()) == []


def test_websub_hubs_are_advertised_in_the_feed(show: Path) -> None:
    import feedparser

    from mediafeed.build import build

    text = (show / "show.yml").read_text()
    (show / "show.yml").write_text(text + "publish:\n  target: {type: directory, path: /tmp/never-used}\n"
                                          "  notify:\n    websub: [https://hub.example.org/]\n")
    report = build(show)
    raw = (report.output / "feed.xml").read_text()
    assert '<atom:link rel="hub" href="https://hub.example.org/"/>' in raw
    parsed = feedparser.parse(raw)
    assert any(link.get("rel") == "hub" and link["href"] == "https://hub.example.org/" for link in parsed.feed.links)


@pytest.mark.parametrize("setting,expected", [("true", True), ("https://podping.example.org/", True), ("false", False),
                                              (None, False)])
def test_a_feed_whose_publish_sends_podpings_says_so_to_aggregators(show: Path, setting: str | None,
                                                                   expected: bool) -> None:
    """<podcast:podping usesPodping="true"/> (the namespace's podping tag) tells aggregators they need not poll the
    feed often: written exactly when show.yml has publish.notify.podping on, and the feed's own check passes."""
    from lxml import etree
    from podcast_rules import NS, violations

    from mediafeed.build import build

    text = (show / "show.yml").read_text()
    notify = "    websub: [https://hub.example.org/]\n" + (f"    podping: {setting}\n" if setting else "")
    (show / "show.yml").write_text(text + "publish:\n  target: {type: directory, path: /tmp/never-used}\n"
                                          "  notify:\n" + notify)
    report = build(show)
    assert report.problems == [] or all(p.severity.value != "error" for p in report.problems)
    raw = (report.output / "feed.xml").read_bytes()
    found = etree.fromstring(raw).find("channel").findall("{%s}podping" % NS)
    assert [e.get("usesPodping") for e in found] == (["true"] if expected else [])
    assert violations(raw) == []


@pytest.mark.parametrize("manifest", ["lost", "kept"])
def test_rsync_in_the_c_locale_uploads_and_records_a_file_with_a_non_ascii_name(show: Path, tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch,
                                                                              manifest: str) -> None:
    """cron, systemd units, CI images and 'ssh host mediafeed publish' often run in the C locale, where rsync escapes
    the name bande-annonce-é.mp3 as bande-annonce-\\#303\\#251.mp3 in what it prints. With no manifest on the target,
    the file was taken for one already there and never uploaded, and the feed pointed at nothing; with a manifest it
    went up but was never recorded, so every publish sent it again."""
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "C")
    (show / "published.json").unlink()  # a new show: the trailer's file may still be renamed
    trailer = show / "episodes/000-trailer"
    (trailer / "safe-to-say-trailer.mp3").rename(trailer / "bande-annonce-é.mp3")
    episode = trailer / "episode.md"
    episode.write_text(episode.read_text().replace("audio: safe-to-say-trailer.mp3", "audio: bande-annonce-é.mp3"))
    dest = tmp_path / "rsync-dest"
    dest.mkdir()
    configure(show, f"  targets:\n    host:\n      type: rsync\n      destination: {dest}/\n")
    if manifest == "kept":
        (dest / MANIFEST).write_text('{"version": 1, "files": {}}')
    first = publish(show, notify=False)
    assert "episodes/000-trailer/bande-annonce-é.mp3" in [u.rel for u in first.uploads]
    assert (dest / "episodes/000-trailer/bande-annonce-é.mp3").read_bytes() == \
        (show / "public/episodes/000-trailer/bande-annonce-é.mp3").read_bytes()
    recorded = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert "episodes/000-trailer/bande-annonce-é.mp3" in recorded
    assert publish(show, notify=False).uploads == []


def test_a_password_given_to_sshpass_in_the_ssh_setting_is_refused_and_never_printed(show: Path, tmp_path: Path) -> None:
    """`ssh: sshpass -p PASSWORD ssh -p 2222` was taken, and PUB022's and PUB021's hints, which give the command to
    try, printed the password with it (to the terminal, a CI log, a bug report). It is a credential in show.yml,
    which is committed: refused (PUB004) without quoting it, as a key named 'password' is. 'sshpass -e' (the password
    in SSHPASS) is taken, and the hints show it as it is."""
    fake_ssh = tmp_path / "fake-ssh"
    fake_ssh.write_text("#!/bin/sh\nwhile [ \"$1\" = -p ] || [ \"$1\" = -l ]; do shift 2; done\nshift\nexec sh -c \"$*\"\n")
    sshpass = tmp_path / "sshpass"  # a stand-in: takes -p PASSWORD or -e and runs the rest, as sshpass does
    sshpass.write_text("#!/bin/sh\n[ \"$1\" = -p ] && shift\nshift\nexec \"$@\"\n")
    for script in (fake_ssh, sshpass):
        script.chmod(0o755)
    missing = tmp_path / "srv" / "podcast"
    for given in ("-p hunter2-s3cret", "-phunter2-s3cret", "-v -p 'hunter2 s3cret'"):
        configure(show, f"  targets:\n    host:\n      type: rsync\n      destination: deploy@podcast.example.org:{missing}/\n"
                        f"      ssh: {sshpass} {given} {fake_ssh} -p 2222\n")
        for command in (["publish", "--no-notify"], ["build"]):
            result = CliRunner().invoke(main, [*command, "--show", str(show), "--format", "json"])
            assert result.exit_code in (1, 2) and "hunter2" not in result.output, result.output
            (problem,) = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
            assert (problem["code"], problem["field"]) == ("PUB004", "publish.targets.host.ssh")
            assert "SSHPASS environment variable" in problem["hint"]
        (show / "show.yml").write_text((show / "show.yml").read_text().split("publish:")[0])
    configure(show, f"  targets:\n    host:\n      type: rsync\n      destination: deploy@podcast.example.org:{missing}/\n"
                    f"      ssh: {sshpass} -e {fake_ssh} -p 2222\n")
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--format", "json", "--no-notify"])
    (problem,) = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert problem["code"] == "PUB022"
    assert f"create it ({sshpass} -e {fake_ssh} -p 2222 deploy@podcast.example.org mkdir -p {missing})" in problem["hint"]


def test_a_remote_shell_made_in_code_with_a_password_is_shown_without_it(tmp_path: Path) -> None:
    """A target made in code (not read from show.yml, so not refused): the hint shows the command to try, masked."""
    from mediafeed.publish.config import RsyncTarget
    from mediafeed.publish.rsync import RsyncStore

    store = RsyncStore(RsyncTarget(name="host", destination="deploy@podcast.example.org:/srv/podcast/",
                                   ssh="sshpass -p hunter2 ssh -p 2222"))
    try:
        said = store._failure('rsync: [sender] change_dir "/srv/podcast" failed: No such file or directory (2)\n', 23,
                              "", "list").problems[0]
        refused = store._failure("deploy@podcast.example.org: Permission denied (password).\n", 255, "", "list").problems[0]
    finally:
        store.close()
    assert (said.code, refused.code) == ("PUB022", "PUB021")
    assert "(sshpass -p *** ssh -p 2222 deploy@podcast.example.org mkdir -p /srv/podcast)" in said.hint
    assert "hunter2" not in said.hint + said.message + refused.hint + refused.message
