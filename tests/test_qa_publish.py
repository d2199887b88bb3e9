"""`mediafeed publish` attacked the way a producer meets it over a show's life: real folders, rsync and a real
S3 API (moto's server on 127.0.0.1); what reaches subscribers and what the show keeps must never change by surprise."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import boto3
import pytest
import requests
from helpers import add_episode, mounted_tmpfs
from moto.server import ThreadedMotoServer

from mediafeed.build import BuildFailed, build
from mediafeed.publish import PublishError, publish
from mediafeed.publish.manifest import MANIFEST


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` → its SHA-256 (what a before/after comparison needs)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def directory_target(show: Path, web: Path) -> None:
    web.mkdir(exist_ok=True)
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    web:\n      type: directory\n      path: {web}\n")


NEW = "title: Something new\ndate: 2026-03-20T08:00:00+00:00\nguid: 7d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0006\naudio: new.mp3\n"


def test_a_dry_run_records_no_episode_as_published(show: Path, tmp_path: Path) -> None:
    """published.json says what subscribers have seen: a dry run shows nobody anything, so it must not grow."""
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    ledger, target = (show / "published.json").read_bytes(), tree(web)
    report = publish(show, notify=False, dry_run=True)
    assert "episodes/006-new/new.mp3" in {u.rel for u in report.uploads}
    assert (show / "published.json").read_bytes() == ledger
    assert tree(web) == target
    # the new episode was never published, so renaming its file before the real publish is not refused
    (show / "episodes/006-new/new.mp3").rename(show / "episodes/006-new/renamed.mp3")
    episode = show / "episodes/006-new/episode.md"
    episode.write_text(episode.read_text().replace("audio: new.mp3", "audio: renamed.mp3"))
    done = publish(show, notify=False)
    assert "episodes/006-new/renamed.mp3" in {u.rel for u in done.uploads}
    assert b"006-new/renamed.mp3" in (show / "published.json").read_bytes()


def test_moving_the_media_in_show_yml_is_refused_naming_the_key_and_the_old_base(show: Path, tmp_path: Path) -> None:
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    target = tree(web)
    text = (show / "show.yml").read_text()
    (show / "show.yml").write_text(text.replace("language: en-gb\n", "language: en-gb\nmedia_url: https://media.example.org/sts/\n"))
    with pytest.raises(BuildFailed) as refused:
        publish(show, notify=False)
    (moved,) = [p for p in refused.value.problems if p.code == "LED002"]  # one for the six episodes (test_ledger)
    assert tree(web) == target and len(moved.episodes) == 6 and "001-ipv-and-substance-use" in moved.episodes
    assert (moved.file, moved.field) == ("show.yml", "media_url")
    assert "from https://podcast.example.org/safe-to-say/ to https://media.example.org/sts/" in moved.message
    assert "set 'media_url: https://podcast.example.org/safe-to-say/' in show.yml again" in moved.hint
    assert "--accept-changes" in moved.hint
    # a renamed audio file still points at the episode's own field
    folder = show / "episodes/003-capabilities-framework"
    (show / "show.yml").write_text(text)
    (folder / "capabilities-framework.mp3").rename(folder / "capabilities.mp3")
    (folder / "episode.md").write_text((folder / "episode.md").read_text().replace("capabilities-framework.mp3", "capabilities.mp3"))
    with pytest.raises(BuildFailed) as renamed:
        publish(show, notify=False)
    (problem,) = [p for p in renamed.value.problems if p.code == "LED002"]
    assert (problem.file, problem.field) == ("episodes/003-capabilities-framework/episode.md", "audio")
    assert tree(web) == target


# -- S3 through a proxy that can make the store misbehave ------------------------------------------------

SECRET = "s3cr3t-qa-never-printed-9876543210"
Rule = Callable[[str, str], "tuple[int, str] | None"]


def s3_error(code: str, message: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{message}</Message>'
            "<RequestId>qa</RequestId></Error>")


class FaultyS3:
    """moto's S3 server behind a real HTTP proxy on 127.0.0.1; ``rules`` answer some requests with an S3 error instead."""

    def __init__(self) -> None:
        self.moto = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
        self.moto.start()
        self.upstream = f"http://127.0.0.1:{self.moto.get_host_and_port()[1]}"
        self.rules: list[Rule] = []
        self.requests: list[tuple[str, str]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                proxy.requests.append((self.command, self.path))
                for rule in proxy.rules:
                    hit = rule(self.command, self.path)
                    if hit:
                        self._answer(hit[0], {"Content-Type": "application/xml"}, hit[1].encode())
                        return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in {"content-length", "transfer-encoding"}}
                answer = requests.request(self.command, proxy.upstream + self.path, data=body, headers=headers,
                                          allow_redirects=False, timeout=30)
                skip = {"content-length", "transfer-encoding", "connection", "content-encoding", "server", "date"}
                self._answer(answer.status_code, {k: v for k, v in answer.headers.items() if k.lower() not in skip},
                             answer.content)

            def _answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

            def log_message(self, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.moto.stop()


@pytest.fixture(scope="module")
def faulty() -> object:
    running = FaultyS3()
    yield running
    running.stop()


@pytest.fixture
def s3(faulty: FaultyS3, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A fresh bucket behind the proxy, no rules, and test credentials in the environment only."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDQATESTING")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_DEFAULT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    faulty.rules.clear()
    faulty.requests.clear()
    bucket = "qa-" + request.node.name.replace("_", "-")[:40].strip("-").lower()
    client = boto3.client("s3", endpoint_url=faulty.upstream, region_name="us-east-1")
    client.create_bucket(Bucket=bucket)
    yield faulty, bucket, client
    faulty.rules.clear()


def s3_target(show: Path, url: str, bucket: str, extra: str = "", timeout: int = 5) -> None:
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    cdn:\n      type: s3\n      bucket: {bucket}\n      endpoint_url: {url}\n"
                     f"      region: us-east-1\n      addressing: path\n      retries: 2\n      timeout: {timeout}\n{extra}")


def cli(show: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), *args], capture_output=True,
                          text=True, env={**os.environ, "NO_COLOR": "1"})


def test_cors_off_written_as_the_docs_write_it_is_accepted(show: Path, s3) -> None:
    faulty, bucket, _ = s3
    s3_target(show, faulty.url, bucket, "      cors: off\n")  # YAML reads an unquoted off as false
    report = publish(show, notify=False)
    assert report.cors.status == "off" and not any(p.code == "PUB031" for p in report.problems)
    assert not any(path.endswith("?cors") for _, path in faulty.requests)


def test_a_wrong_clock_says_to_set_the_clock_not_to_run_again(show: Path, s3) -> None:
    faulty, bucket, _ = s3
    s3_target(show, faulty.url, bucket)
    faulty.rules.append(lambda method, path: (403, s3_error(
        "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.")))
    result = cli(show, "--format", "json")
    assert result.returncode == 1
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["code"] == "PUB020" and "clock" in problem["message"] and "NTP" in problem["hint"]
    assert SECRET not in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_an_unknown_access_key_names_the_variables_to_check(show: Path, s3) -> None:
    faulty, bucket, _ = s3
    s3_target(show, faulty.url, bucket)
    faulty.rules.append(lambda method, path: (403, s3_error(
        "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")))
    result = cli(show, "-v")
    assert result.returncode == 1 and "[PUB021]" in result.stderr and "AWS_ACCESS_KEY_ID" in result.stderr
    assert SECRET not in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_an_acl_on_a_bucket_that_takes_none_says_to_remove_acl_not_to_run_again(show: Path, s3) -> None:
    """New AWS buckets enforce bucket-owner object ownership and refuse every ACL (AccessControlListNotSupported): with
    'acl: public-read' each upload failed with 'run the same command again to finish', which fails the same way."""
    faulty, bucket, client = s3
    s3_target(show, faulty.url, bucket, "      acl: public-read\n      cors: 'off'\n")
    faulty.rules.append(lambda method, path: (400, s3_error("AccessControlListNotSupported", "The bucket does not allow ACLs"))
                        if method == "PUT" and MANIFEST not in path else None)
    result = cli(show, "--format", "json")
    assert result.returncode == 1
    (problem,) = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["field"]) == ("PUB020", "publish.targets.cdn.acl")
    assert "does not allow ACLs" in problem["message"] and "remove 'acl:'" in problem["hint"]
    assert "run the same command again" not in problem["hint"]
    assert "feed.xml" not in {o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])}


def test_a_server_error_on_one_page_keeps_the_old_feed_and_the_rerun_finishes(show: Path, s3) -> None:
    faulty, bucket, client = s3
    s3_target(show, faulty.url, bucket, "      cors: 'off'\n")
    publish(show, notify=False)
    old_feed = client.get_object(Bucket=bucket, Key="feed.xml")["Body"].read()
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    faulty.rules.append(lambda method, path: (500, s3_error("InternalError", "We encountered an internal error."))
                        if method == "PUT" and path.startswith(f"/{bucket}/episodes/006-new/index.html") else None)
    result = cli(show)
    assert result.returncode == 1 and "[PUB020]" in result.stderr and "episodes/006-new/index.html" in result.stderr
    assert client.get_object(Bucket=bucket, Key="feed.xml")["Body"].read() == old_feed
    faulty.rules.clear()
    faulty.requests.clear()
    rerun = publish(show, notify=False)
    assert "episodes/006-new/new.mp3" not in {u.rel for u in rerun.uploads}  # went up before the failure
    assert [u.rel for u in rerun.uploads][-2:] == ["feed.json", "feed.xml"]
    assert client.get_object(Bucket=bucket, Key="feed.xml")["Body"].read() == (show / "public/feed.xml").read_bytes()
    assert publish(show, notify=False).uploads == []


def test_a_new_summary_re_tags_a_published_file_and_the_warning_does_not_say_rename_it(show: Path, tmp_path: Path) -> None:
    """PUB030 must not advise a new file name for an episode's own file: the ledger refuses that (LED002). A
    correction to the notes is not in the audio's tags: it uploads the page and the feeds, no audio, no warning."""
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    episode = show / "episodes/003-capabilities-framework/episode.md"
    episode.write_text(episode.read_text() + "\nA correction to the notes.\n")
    corrected = publish(show, notify=False)
    uploaded = {u.rel for u in corrected.uploads}
    assert "episodes/003-capabilities-framework/index.html" in uploaded and "feed.xml" in uploaded
    assert not [rel for rel in uploaded if rel.endswith((".mp3", ".m4a"))]
    assert not [p for p in corrected.problems if p.code == "PUB030"]
    episode.write_text(episode.read_text().replace("for working safely with men", "for working safely and well with men"))
    report = publish(show, notify=False)
    media = "episodes/003-capabilities-framework/capabilities-framework.mp3"
    assert media in {u.rel for u in report.uploads}
    (warned,) = [p for p in report.problems if p.code == "PUB030"]
    assert warned.file == media and "tags" in warned.message
    assert warned.episode == "003-capabilities-framework"  # listed under its episode, not under "show:"
    assert "new name" not in warned.hint and "keep its name" in warned.hint
    assert (web / media).read_bytes() == (show / "public" / media).read_bytes()


def test_delete_names_what_it_removed_and_what_it_kept_and_leaves_foreign_files(show: Path, tmp_path: Path) -> None:
    web = tmp_path / "www"
    directory_target(show, web)
    (web / "hand-made.html").write_text("<p>not mediafeed's</p>\n")
    (web / "episodes/000-trailer").mkdir(parents=True)
    (web / "episodes/000-trailer/notes-by-hand.txt").write_text("mine\n")
    publish(show, notify=False)
    for path in sorted((show / "episodes/000-trailer").iterdir()):
        path.unlink()
    (show / "episodes/000-trailer").rmdir()
    before = tree(web)
    dry = cli(show, "--delete", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert tree(web) == before
    assert "delete  episodes/000-trailer/index.html" in dry.stdout
    assert "keep    episodes/000-trailer/safe-to-say-trailer.mp3" in dry.stdout
    result = cli(show, "--delete")
    assert result.returncode == 0, result.stderr
    assert "deleted episodes/000-trailer/index.html" in result.stderr
    assert "kept    episodes/000-trailer/safe-to-say-trailer.mp3" in result.stderr
    assert "hand-made" not in result.stderr + dry.stdout and "notes-by-hand" not in result.stderr + dry.stdout
    left = tree(web)
    assert {"hand-made.html", "episodes/000-trailer/notes-by-hand.txt", "episodes/000-trailer/safe-to-say-trailer.mp3"} <= set(left)
    assert "episodes/000-trailer/index.html" not in left


def test_publish_says_what_its_build_says_infos_too(show: Path, tmp_path: Path) -> None:
    """'publish --accept-changes' recorded a withdrawal in published.json without a word: it dropped the build's info
    lines (LED005 as an info, which 'build --accept-changes' prints). It lists them now, in text and in JSON."""
    directory_target(show, tmp_path / "www")
    publish(show, notify=False)
    shutil.move(show / "episodes/003-capabilities-framework", tmp_path / "kept")
    result = cli(show, "--no-notify", "--accept-changes")
    assert result.returncode == 0, result.stderr
    assert json.loads((show / "published.json").read_text())["episodes"]["5c6c255d-36b2-45da-ab07-e62a01932dcf"]["withdrawn"]
    assert "[LED005]" in result.stderr and "1 info." in result.stderr
    shutil.move(tmp_path / "kept", show / "episodes/003-capabilities-framework")
    publish(show, notify=False)  # back, then withdrawn again: the JSON report names it too
    shutil.move(show / "episodes/003-capabilities-framework", tmp_path / "kept")
    as_json = cli(show, "--no-notify", "--accept-changes", "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    assert [(p["code"], p["severity"]) for p in json.loads(as_json.stdout)["problems"]] == [("LED005", "info")]


def test_a_notifier_that_never_finishes_answering_does_not_hold_up_the_publish(show: Path, tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from hosts import Host, Route

    web = tmp_path / "www"
    with Host() as host:
        host.routes["/endless"] = Route(endless=True, type="text/plain")  # 200, then zeros forever
        host.routes["/drip"] = Route(drip=0.2)  # the status line a byte every 0.2 s (about 45 s in all)
        host.routes["/escape"] = Route(body=b"\x1b]0;pwned\x07\x1b[2Jrejected", status=400, type="text/plain")
        directory_target(show, web)
        with open(show / "show.yml", "a", encoding="utf-8") as handle:
            handle.write(f"  notify:\n    websub: []\n    podcastindex: {host.url}/endless\n    podping: {host.url}/drip\n"
                         "    timeout: 2\n")
        monkeypatch.setenv("PODPING_TOKEN", "qa-token")
        result = cli(show, "--format", "json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["uploads"][-1]["path"] == "feed.xml" and (web / "feed.xml").is_file()
        notices = {n["service"]: n for n in data["notifications"]}
        assert notices["podping"]["ok"] is False and "within 2 s" in notices["podping"]["message"]
        assert len(notices["podcastindex"]["message"]) <= 200
        assert "qa-token" not in result.stdout + result.stderr
        # a hostile answer cannot put terminal escapes into the output
        text = (show / "show.yml").read_text().replace(f"{host.url}/endless", f"{host.url}/escape")
        (show / "show.yml").write_text(text)
        episode = show / "episodes/000-trailer/episode.md"
        episode.write_text(episode.read_text() + "\nMore.\n")
        again = cli(show)
        assert again.returncode == 0, again.stderr
        assert "rejected" in again.stderr and "\x1b" not in again.stderr + again.stdout


def killed_publish(source_ends: str, cut: int = 0) -> str:
    """A script (``python -c``, show folder as its argument) that publishes and is SIGKILLed as the folder target copies
    the file whose path ends with ``source_ends``: the power goes; with ``cut``, once that many bytes are in the temp file."""
    written = (f"        with open(source, 'rb') as src, open(target, 'wb') as dst:\n"
               f"            dst.write(src.read()[:{cut}])\n") if cut else ""
    return ("import os, shutil, signal, sys\n"
            "from pathlib import Path\n"
            "real = shutil.copy2\n"
            "def copy2(source, target, **kwargs):\n"
            f"    if str(source).endswith({source_ends!r}):\n"
            f"{written}"
            "        os.kill(os.getpid(), signal.SIGKILL)\n"
            "    return real(source, target, **kwargs)\n"
            "shutil.copy2 = copy2\n"
            "from mediafeed.publish import publish\n"
            "publish(Path(sys.argv[1]), notify=False)\n")


#: half the file is in the temp file when the power goes
KILL_DURING_COPY = killed_publish("new.mp3", cut=4096)


def test_a_publish_killed_mid_copy_leaves_the_old_feed_and_the_rerun_leaves_no_partial_file(show: Path, tmp_path: Path) -> None:
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    old_feed = (web / "feed.xml").read_bytes()
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_COPY, str(show)], capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    assert (web / "feed.xml").read_bytes() == old_feed and not (web / "episodes/006-new/new.mp3").exists()
    assert any(p.name.endswith(".tmp") for p in (web / "episodes/006-new").iterdir())  # what the kill left behind
    publish(show, notify=False)
    assert (web / "episodes/006-new/new.mp3").read_bytes() == (show / "public/episodes/006-new/new.mp3").read_bytes()
    assert not [p.name for p in web.rglob("*") if p.name.endswith(".tmp")]
    assert b"006-new/new.mp3" in (web / "feed.xml").read_bytes()


def test_the_rerun_after_a_kill_removes_leftovers_of_a_file_renamed_since_and_only_those(show: Path, tmp_path: Path) -> None:
    """A copy killed mid-way left ``.new.mp3.PID-0.tmp``; the producer then renamed the file (the killed run's build
    had recorded it: --accept-changes), so no copy of that name ever replaces the leftover, which a web server would
    serve for good: the next publish removes it anyway, leaving other people's files."""
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_COPY, str(show)], capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    leftover = [p for p in (web / "episodes/006-new").iterdir() if p.name.endswith(".tmp")]
    assert [p.name.split(".")[1] for p in leftover] == ["new"], leftover
    (show / "episodes/006-new/new.mp3").rename(show / "episodes/006-new/renamed.mp3")
    episode = show / "episodes/006-new/episode.md"
    episode.write_text(episode.read_text().replace("audio: new.mp3", "audio: renamed.mp3"))
    build(show, show / "public", accept_changes=True)
    theirs = {"notes.tmp": b"an editor's", ".draft.tmp": b"an editor's", ".index.html.swp": b"vim's",
              f".live.mp3.{os.getpid()}-0.tmp": b"a copy still being made by a running process"}
    for name, data in theirs.items():
        (web / name).write_bytes(data)
    publish(show, notify=False)
    assert sorted(p.relative_to(web).as_posix() for p in web.rglob("*tmp")) == sorted(n for n in theirs if "tmp" in n)
    assert all((web / name).read_bytes() == data for name, data in theirs.items())
    assert not (web / "episodes/006-new/new.mp3").exists()
    assert (web / "episodes/006-new/renamed.mp3").read_bytes() == (show / "public/episodes/006-new/renamed.mp3").read_bytes()


def test_a_first_publish_into_a_web_root_with_files_of_its_own_stops_before_copying_anything(show: Path,
                                                                                               tmp_path: Path) -> None:
    """The web root a university's IT hands over already has a hand-made index.html and another site's feed.xml:
    the first publish used to replace both without a word. It names them and the flag that replaces them."""
    web = tmp_path / "www"
    directory_target(show, web)
    (web / "index.html").write_text("<h1>Department of Social Work</h1>\n")
    (web / "feed.xml").write_text("<rss version=\"2.0\"><channel><title>Department news</title></channel></rss>\n")
    build(show, show / "public")
    (web / "robots.txt").write_bytes((show / "public/robots.txt").read_bytes())  # the same bytes: nothing is lost
    (web / "CNAME").write_text("podcast.example.org\n")  # a file the site does not make: left alone
    before = tree(web)
    with pytest.raises(PublishError) as refused:
        publish(show, notify=False)
    problem = refused.value.problems[0]
    assert problem.code == "PUB007" and str(web) in problem.file
    assert problem.message.endswith("would overwrite: feed.xml, index.html") and "--overwrite" in problem.hint
    assert tree(web) == before  # not even the media went up
    dry = cli(show, "--dry-run", "--no-notify")
    assert dry.returncode == 1 and "PUB007" in dry.stderr and "index.html" in dry.stderr and "Traceback" not in dry.stderr
    done = cli(show, "--overwrite", "--no-notify")
    assert done.returncode == 0, done.stderr
    assert (web / "index.html").read_bytes() == (show / "public/index.html").read_bytes()
    assert (web / "CNAME").read_text() == "podcast.example.org\n"
    # from now on the folder is the site's: a publish with nothing new needs no flag
    assert publish(show, notify=False).uploads == []
    # a hand-made page later put where the site's next page goes is not replaced silently either
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    (web / "episodes/006-new").mkdir(parents=True)
    (web / "episodes/006-new/index.html").write_text("<p>coming soon</p>\n")
    with pytest.raises(PublishError) as again:
        publish(show, notify=False)
    assert again.value.problems[0].message.endswith("overwrite: episodes/006-new/index.html")


def test_a_web_root_holding_a_site_of_ours_whose_manifest_was_lost_is_published_to(show: Path, tmp_path: Path) -> None:
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    (web / ".mediafeed-publish.json").unlink()
    episode = show / "episodes/002-learning-alliances/episode.md"
    episode.write_text(episode.read_text().replace("Priya Natarajan", "Priya Natarajan-Hill", 1))
    report = publish(show, notify=False)
    assert "feed.xml" in {u.rel for u in report.uploads}
    assert (web / "feed.xml").read_bytes() == (show / "public/feed.xml").read_bytes()


def test_a_publish_from_a_umask_077_session_leaves_every_folder_and_file_readable_by_the_web_server(show: Path,
                                                                                                  tmp_path: Path) -> None:
    """cron jobs and services hardened with umask 077 made the episode folders 0700: nginx, as www-data, answered
    403 for every page and file below them, though the files were 644. rsync targets already sent D755,F644."""
    web = tmp_path / "www"
    directory_target(show, web)
    (web / "by-hand").mkdir(mode=0o750)  # the producer's own folder: left as it is
    (web / "by-hand").chmod(0o750)
    done = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--no-notify", "-q"],
                          capture_output=True, text=True, preexec_fn=lambda: os.umask(0o077))
    assert done.returncode == 0, done.stderr
    modes = {p.relative_to(web).as_posix(): oct(p.stat().st_mode & 0o777) for p in web.rglob("*")}
    folders = {rel: mode for rel, mode in modes.items() if (web / rel).is_dir() and rel != "by-hand"}
    assert "episodes/000-trailer" in folders and set(folders.values()) == {"0o755"}, folders
    assert {mode for rel, mode in modes.items() if (web / rel).is_file()} == {"0o644"}
    assert modes["by-hand"] == "0o750"


def test_a_build_from_a_umask_077_session_makes_a_site_a_web_server_can_read(show: Path, tmp_path: Path) -> None:
    """'mediafeed build --output /var/www/podcast' from cron or a service with umask 077: the files were 0644, but every
    folder the build made (the site itself, episodes/, each episode's) was 0700, and the web server answered 403."""
    site = tmp_path / "www" / "podcast"
    done = subprocess.run([sys.executable, "-m", "mediafeed", "build", "--show", str(show), "--output", str(site), "-q"],
                          capture_output=True, text=True, preexec_fn=lambda: os.umask(0o077))
    assert done.returncode == 0, done.stderr
    folders = {p.relative_to(tmp_path).as_posix(): oct(p.stat().st_mode & 0o777) for p in [site.parent, *site.rglob("*")]
               if p.is_dir()}
    assert "www/podcast/episodes/000-trailer/embed" in folders and set(folders.values()) == {"0o755"}, folders
    assert {oct(p.stat().st_mode & 0o777) for p in site.rglob("*") if p.is_file()} == {"0o644"}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 300 KB file system (tmpfs; root only, as on CI): the web root's disk fills up mid-publish."""
    with mounted_tmpfs(tmp_path / "small-disk", "300k") as disk:
        yield disk


def test_a_full_disk_is_named_as_such_and_leaves_the_old_feed_and_no_partial_file(show: Path, small_disk: Path) -> None:
    directory_target(show, small_disk)
    with pytest.raises(PublishError) as full:
        publish(show, notify=False)
    problem = full.value.problems[0]
    assert problem.code == "PUB020" and "No space left on device" in problem.message
    assert problem.hint.startswith("free space on that disk") and "run the same command again" in problem.hint
    assert not (small_disk / "feed.xml").exists()
    assert not [p.name for p in small_disk.rglob("*.tmp")]
    assert json.loads((small_disk / ".mediafeed-publish.json").read_text())["files"]  # what did go up is recorded


def test_a_show_without_its_published_json_cannot_change_a_guid_that_the_live_feed_promised(show: Path,
                                                                                          tmp_path: Path) -> None:
    """published.json not committed, the show cloned on a new laptop, one GUID retyped: the build had nothing to
    compare with and recorded the new GUID, and the publish sent it to every subscriber (each app downloads the
    episode again). The feed on the target is the record subscribers have: the publish compares with it."""
    import re
    import shutil

    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    (show / "published.json").unlink()
    shutil.rmtree(show / ".mediafeed")
    shutil.rmtree(show / "public")  # (a new clone: with the last build's feed there, the build itself stops it, LED001)
    episode = show / "episodes/001-ipv-and-substance-use/episode.md"
    text = episode.read_text()
    old_guid = re.search(r"(?m)^guid: (\S+)", text)[1]  # type: ignore[index]
    episode.write_text(text.replace(old_guid, "11111111-2222-4333-8444-555555555555"))
    before = tree(web)
    with pytest.raises(PublishError) as refused:
        publish(show, notify=False)
    [problem] = refused.value.problems
    assert problem.code == "LED001" and old_guid in problem.message and problem.file == "feed.xml"
    assert "published.json" in problem.hint and "--accept-changes" in problem.hint
    assert tree(web) == before  # not even the media went up
    done = cli(show, "--accept-changes", "--no-notify")
    assert done.returncode == 0, done.stderr
    assert "11111111-2222-4333-8444-555555555555" in (web / "feed.xml").read_text()


def test_a_publish_refused_by_the_live_feed_leaves_no_feed_that_the_next_build_takes_for_the_last_one(
        show: Path, tmp_path: Path) -> None:
    """The publish refused by the feed on the target (LED001: a GUID retyped on a clone without published.json) had
    built its feed into the output folder first. With published.json still missing, the next build took that feed,
    which nobody received, for the one the last build wrote: restoring the GUID, as the hint says, stopped on LED001
    ("changed from the retyped GUID to the published one") and asked for --accept-changes."""
    import re
    import shutil

    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    (show / "published.json").unlink()
    shutil.rmtree(show / ".mediafeed")
    shutil.rmtree(show / "public")
    episode = show / "episodes/001-ipv-and-substance-use/episode.md"
    text = episode.read_text()
    old_guid = re.search(r"(?m)^guid: (\S+)", text)[1]  # type: ignore[index]
    episode.write_text(text.replace(old_guid, "11111111-2222-4333-8444-555555555555"))
    with pytest.raises(PublishError) as refused:
        publish(show, notify=False)
    assert [p.code for p in refused.value.problems] == ["LED001"]
    episode.write_text(text)  # the old value restored, as the hint says
    publish(show, notify=False)
    assert old_guid in (web / "feed.xml").read_text()


def test_a_show_without_its_published_json_cannot_change_the_podcast_guid_the_live_feed_has(show: Path,
                                                                                          tmp_path: Path) -> None:
    """A new laptop's clone without published.json, the site moved (no podcast_guid in show.yml: the new url derives
    another). 'publish --accept-changes', which the move's LED002 asks for, compared nothing with the feed on the
    target, so the new podcast:guid went live (the Podcast Index knows the show by it), though --accept-changes never
    changes it against published.json. It now stops on LED004, naming the podcast_guid line; nothing goes up."""
    import re
    import shutil

    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    old = re.search(r"<podcast:guid>([^<]+)", (web / "feed.xml").read_text())[1]  # type: ignore[index]
    (show / "published.json").unlink()
    shutil.rmtree(show / ".mediafeed")
    shutil.rmtree(show / "public")
    yml = (show / "show.yml").read_text()
    assert "podcast_guid" not in yml
    (show / "show.yml").write_text(yml.replace("url: https://podcast.example.org/safe-to-say/",
                                               "url: https://new.example.org/podcast/"))
    before = tree(web)
    with pytest.raises(PublishError) as refused:
        publish(show, notify=False, accept_changes=True)
    [problem] = refused.value.problems
    assert problem.code == "LED004" and f"set 'podcast_guid: {old}' in show.yml" in problem.hint, problem
    assert tree(web) == before  # nothing went up
    with (show / "show.yml").open("a") as file:
        file.write(f"podcast_guid: {old}\n")  # the hint, followed
    publish(show, notify=False, accept_changes=True)
    assert f"<podcast:guid>{old}</podcast:guid>" in (web / "feed.xml").read_text()


def test_the_media_and_pages_are_on_the_disk_before_the_new_feed_is_renamed_into_place(show: Path, tmp_path: Path) -> None:
    """The copies are not fsynced one by one, and a file system may write the new feed's rename before a new file's
    data: after a power cut the feed named an empty mp3. The system calls, as strace sees them: every media file and
    page renamed into place, then the file system flushed, then the feeds."""
    web = tmp_path / "www"
    directory_target(show, web)
    log = tmp_path / "strace.log"
    done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=syncfs,sync,rename,renameat,renameat2", "-o", str(log),
                           sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--no-notify", "-q"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    calls = [line.split(None, 1)[1] for line in log.read_text().splitlines() if " = 0" in line]
    into_web = [i for i, call in enumerate(calls) if call.startswith("rename") and f'"{web}/' in call.split(", ", 1)[-1]]
    placed = [calls[i].rsplit(f"{web}/", 1)[1].split('"', 1)[0] for i in into_web]
    flushed = [i for i, call in enumerate(calls) if call.startswith(("syncfs", "sync("))]
    feed = into_web[placed.index("feed.json")]
    assert flushed and max(i for i, rel in zip(into_web, placed) if rel not in ("feed.json", "feed.xml", MANIFEST)) \
        < flushed[-1] < feed, [calls[i] for i in [*into_web, *flushed]][-8:]
    assert placed[-3:] == ["feed.json", "feed.xml", MANIFEST], placed[-4:]


def test_files_that_went_up_before_an_interruption_are_not_uploaded_again(show: Path, tmp_path: Path) -> None:
    """docs/publish.md: 'Run the same command again: the files already uploaded are skipped' - also inside a phase."""
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    old_feed = (web / "feed.xml").read_bytes()
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    add_episode(show, "007-newer", NEW.replace("0006", "0007").replace("new.mp3", "newer.mp3"), audio_name="newer.mp3")

    class CtrlC:
        def start(self, total: int) -> None: ...
        def advance(self, nbytes: int) -> None: ...
        def end(self, upload) -> None: ...

        def begin(self, upload) -> None:
            if upload.rel == "episodes/007-newer/newer.mp3":
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish(show, notify=False, transfer=CtrlC())
    assert (web / "episodes/006-new/new.mp3").is_file() and (web / "feed.xml").read_bytes() == old_feed
    rerun = publish(show, notify=False)
    sent = [u.rel for u in rerun.uploads]
    assert "episodes/006-new/new.mp3" not in sent and "episodes/007-newer/newer.mp3" in sent and sent[-1] == "feed.xml"


def test_rsync_records_only_files_that_really_arrived_when_a_run_fails(show: Path, tmp_path: Path) -> None:
    dest = tmp_path / "rsync-dest"
    dest.mkdir()
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    host:\n      type: rsync\n      destination: {dest}/\n")
    publish(show, notify=False)
    old_feed = (dest / "feed.xml").read_bytes()
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    add_episode(show, "007-newer", NEW.replace("0006", "0007").replace("new.mp3", "newer.mp3"), audio_name="newer.mp3")
    blocker = dest / "episodes/007-newer/newer.mp3"
    (blocker / "by-hand").mkdir(parents=True)  # a folder in the way: the far side cannot put this one file in place
    with pytest.raises(PublishError) as failed:
        publish(show, notify=False)
    assert failed.value.problems[0].code == "PUB023"
    assert (dest / "feed.xml").read_bytes() == old_feed and not blocker.is_file()
    (blocker / "by-hand").rmdir()
    blocker.rmdir()
    rerun = publish(show, notify=False)
    sent = [u.rel for u in rerun.uploads]
    assert "episodes/007-newer/newer.mp3" in sent and sent[-1] == "feed.xml"
    assert blocker.read_bytes() == (show / "public/episodes/007-newer/newer.mp3").read_bytes()


def test_a_publish_hash_cache_holding_other_values_is_a_miss(show: Path, tmp_path: Path) -> None:
    # a value other than [size, mtime, sha256] (valid JSON, so not thrown away whole) stopped the publish with
    # "Internal error: TypeError: 'int' object is not subscriptable"
    from mediafeed.publish.plan import HASH_CACHE

    web = tmp_path / "web"
    web.mkdir()
    directory_target(show, web)
    publish(show, notify=False)
    hashes = show / ".mediafeed" / HASH_CACHE
    known = json.loads(hashes.read_text(encoding="utf-8"))
    feed, page = (str((show / "public" / rel).resolve()) for rel in ("feed.xml", "index.html"))
    assert {feed, page} <= set(known)
    hashes.write_text(json.dumps({**known, feed: 5, page: known[page][:2]}))
    report = publish(show, notify=False)
    assert report.uploads == []  # each hash made again, from the file: the same as on the target
    assert {rel: data for rel, data in tree(web).items() if rel != MANIFEST} == tree(show / "public")


# -- rsync and signals --------------------------------------------------------------------------------------------

def rsync_target(show: Path, dest: Path, options: str = "") -> None:
    dest.mkdir(exist_ok=True)
    text = (show / "show.yml").read_text(encoding="utf-8").split("\npublish:\n")[0]
    extra = f"      options: [{options}]\n" if options else ""
    (show / "show.yml").write_text(f"{text}\npublish:\n  targets:\n    host:\n      type: rsync\n      destination: {dest}/\n{extra}",
                                   encoding="utf-8")


def descendants(pid: int) -> dict[int, str]:
    """Every process below ``pid`` (Linux /proc), by pid → its command line."""
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except FileNotFoundError:
            continue
        for task in tasks:
            try:
                children = Path(f"/proc/{parent}/task/{task}/children").read_text().split()
            except FileNotFoundError:
                continue
            for child in map(int, children):
                try:
                    found[child] = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                except FileNotFoundError:
                    continue
                todo.append(child)
    return found


def running(pid: int) -> bool:
    """Whether ``pid`` is a live process (not gone, not a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_for(condition: Callable[[], object], what: str, deadline: float = 60.0) -> object:
    """Poll until ``condition()`` is true (no assertion on how long it took: the deadline only ends a hung test)."""
    import time

    end = time.monotonic() + deadline
    while time.monotonic() < end:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def work_folders(temp: Path) -> list[str]:
    """The rsync target's work folders in a temp folder (:data:`mediafeed.publish.rsync.WORK_PREFIX`)."""
    return sorted(p.name for p in temp.glob("mediafeed-rsync-*"))


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_stopped_publish_during_an_rsync_upload_ends_rsync_too_and_leaves_the_old_feed(show: Path, tmp_path: Path,
                                                                                          stop: signal.Signals,
                                                                                          monkeypatch) -> None:
    # `mediafeed publish` ended on SIGTERM (exit 130) while its rsync child went on uploading on its own; killed
    # outright (SIGKILL, the OOM killer: no handler runs), its rsync went on with the whole batch alone, and its
    # work folder stayed in /tmp for good (47 on a test machine in a day): the next publish removes it now
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # this process's publishes; TMPDIR for the one killed
    dest = tmp_path / "rsync-dest"
    rsync_target(show, dest)
    publish(show, notify=False)
    assert work_folders(temp) == []
    old_feed = (dest / "feed.xml").read_bytes()
    add_episode(show, "006-new", NEW, audio_name="new.mp3", seconds=60.0)  # ~240 KB at 4 KB/s: a minute of upload
    rsync_target(show, dest, "--bwlimit=4")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "NO_COLOR": "1", "TMPDIR": str(temp)}
    process = subprocess.Popen([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--no-notify"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        uploading = wait_for(lambda: {pid: cmd for pid, cmd in descendants(process.pid).items()
                                      if "--files-from=" in cmd and "%b %n" in cmd}, "rsync uploading the new media")
        wait_for(lambda: any(p.name.startswith(".new.mp3.") for p in (dest / "episodes/006-new").glob(".*")),
                 "the first bytes of new.mp3 on the far side")
        rsync_processes = descendants(process.pid)  # the rsync we started and the processes it forked
        assert set(uploading) <= set(rsync_processes)
        process.send_signal(stop)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    if stop == signal.SIGTERM:
        assert process.returncode == 130, err
        assert "Interrupted; nothing half-written was left behind." in err
        assert work_folders(temp) == []
    else:
        assert process.returncode == -signal.SIGKILL, err
        assert len(work_folders(temp)) == 1  # no finally ran: left for the next run
    wait_for(lambda: not any(running(pid) for pid in rsync_processes), "every rsync process to end", deadline=30.0)
    assert (dest / "feed.xml").read_bytes() == old_feed
    assert not (dest / "episodes/006-new/new.mp3").exists()
    assert not [p.name for p in (dest / "episodes/006-new").iterdir() if p.name.startswith(".new.mp3.")]  # rsync's partial file
    rsync_target(show, dest)
    rerun = publish(show, notify=False)
    sent = [u.rel for u in rerun.uploads]
    assert "episodes/006-new/new.mp3" in sent and sent[-1] == "feed.xml"
    assert (dest / "episodes/006-new/new.mp3").read_bytes() == (show / "public/episodes/006-new/new.mp3").read_bytes()
    assert work_folders(temp) == []


def test_a_publish_beside_another_leaves_its_work_folder_and_removes_only_a_dead_ones(tmp_path: Path, monkeypatch) -> None:
    from mediafeed.publish.config import RsyncTarget
    from mediafeed.publish.rsync import OWNER, RsyncStore

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    dead = temp / "mediafeed-rsync-dead1234"  # what a killed publish leaves: marked, and no process holds it
    (dead / "read").mkdir(parents=True)
    (dead / OWNER).write_text("pid 999999\n")
    older = temp / "mediafeed-rsync-old12345"  # an older mediafeed's (no mark): it may be at work, and is left
    older.mkdir()
    target = RsyncTarget(name="host", destination=f"{tmp_path}/dest/")
    running_one = RsyncStore(target)
    assert not dead.exists() and older.is_dir()
    beside = RsyncStore(target)
    assert running_one.tmp.is_dir() and beside.tmp.is_dir()  # each holds its own
    beside.close()
    running_one.close()
    assert work_folders(temp) == [older.name]


def test_rsync_counts_a_file_as_uploaded_only_once_it_is_in_place_on_the_far_side(show: Path, tmp_path: Path) -> None:
    # A file "ended" is recorded as published (a failure or Ctrl-C writes the manifest with the ended files, and the
    # next run skips them). rsync's --out-format=%n names a file before sending it, and each name was ended at once:
    # a file was counted while its bytes were still on the way (seconds, over a slow line).
    dest = tmp_path / "rsync-dest"
    rsync_target(show, dest)
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3", seconds=10.0)
    rsync_target(show, dest, "--bwlimit=64")  # a slow line: the media file takes most of a second after its first bytes
    ended: dict[str, bool] = {}

    class Watcher:
        """A progress display that looks at the far side each time a file is said to be done."""

        def start(self, total: int) -> None: ...
        def begin(self, upload) -> None: ...
        def advance(self, nbytes: int) -> None: ...

        def end(self, upload) -> None:
            there = dest / upload.rel
            ended[upload.rel] = there.is_file() and there.read_bytes() == upload.path.read_bytes()

    report = publish(show, notify=False, transfer=Watcher())
    assert "episodes/006-new/new.mp3" in ended and (show / "public/episodes/006-new/new.mp3").stat().st_size > 40_000
    assert [rel for rel, arrived in ended.items() if not arrived] == []
    assert list(ended) == [u.rel for u in report.uploads]


def test_rsync_to_a_local_folder_that_is_not_there_says_to_create_it_as_a_folder_target_does(show: Path,
                                                                                           tmp_path: Path) -> None:
    """rsync to a folder on this computer that does not exist stopped with PUB023 'rsync could not list …: rsync:
    [sender] change_dir "…" failed: No such file or directory (2)' and the hint 'check the destination and ssh access
    (try: ssh HOST true)', with no file; a directory target says PUB022, show.yml, and the mkdir to run."""
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write("\npublish:\n  targets:\n    mirror:\n      type: rsync\n      destination: ../mirror/\n")
    result = cli(show, "--format", "json")
    assert result.returncode == 1, result.stderr
    (problem,) = json.loads(result.stdout)["problems"]
    mirror = (show.parent / "mirror").resolve()
    assert problem["code"] == "PUB022" and (problem["file"], problem["field"]) == ("show.yml", "publish.targets.mirror.destination")
    assert problem["message"] == f"the target folder {mirror} does not exist"
    assert problem["hint"] == f"create it (mkdir -p {mirror}), or correct 'destination'"
    assert not (show / "public").exists()  # said before building
    mirror.mkdir()
    assert cli(show).returncode == 0 and (mirror / "feed.xml").is_file()


def test_a_move_build_accept_changes_recorded_is_not_refused_again_by_the_publish(show: Path, tmp_path: Path) -> None:
    """The show's url moved; 'mediafeed build --accept-changes' recorded it (published.json: moved_from). The publish
    then stopped: LED002 '… published.json did not stop it (lost, or from another copy of the show?): restore the old
    value, or publish with --accept-changes', which was false. A move published.json does not record still stops it."""
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    text = (show / "show.yml").read_text()
    guid = "podcast_guid: " + json.loads((show / "published.json").read_text())["podcast_guid"]
    (show / "show.yml").write_text(text.replace("url: https://podcast.example.org/safe-to-say/",
                                                f"url: https://sts.example.net/\n{guid}", 1))
    before = (show / "published.json").read_bytes()
    build(show, accept_changes=True)
    publish(show, notify=False)
    assert b"https://sts.example.net/episodes/" in (web / "feed.xml").read_bytes()
    # published.json from before the move (lost, another copy): the feed on the target still stops it
    (show / "show.yml").write_text(text.replace("url: https://podcast.example.org/safe-to-say/",
                                                f"url: https://sts2.example.net/\n{guid}", 1))
    (show / "published.json").write_bytes(before.replace(b"https://podcast.example.org/safe-to-say/", b"https://sts2.example.net/"))
    with pytest.raises(PublishError) as refused:
        publish(show, notify=False)
    assert [p.code for p in refused.value.problems] == ["LED002"]


def test_taking_an_episode_down_as_the_docs_say_and_what_the_warning_says_after(show: Path, tmp_path: Path) -> None:
    """docs/cli.md 'Taking an episode down': 'draft: true', then 'mediafeed publish --delete'. LED005 then said, on every
    build, that 'its page stays on the published site until mediafeed publish --delete', after that had removed it."""
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    episode = show / "episodes/005-european-review/episode.md"
    episode.write_text(episode.read_text().replace("guid:", "draft: true\nguid:", 1))
    publish(show, notify=False, delete=True)
    assert not (web / "episodes/005-european-review/index.html").exists()
    assert (web / "episodes/005-european-review/european-review.mp3").exists()  # subscribers still stream it
    [gone] = [p for p in build(show).problems if p.code == "LED005"]
    assert "stays on the published site" not in gone.hint
    assert gone.hint.startswith("subscribers keep their copy; 'mediafeed publish --delete' takes its page off the site "
                                "(its media stay, for them)"), gone.hint
    docs = (Path(__file__).parent.parent / "docs/cli.md").read_text(encoding="utf-8")
    assert "## Taking an episode down" in docs
