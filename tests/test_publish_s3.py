"""`mediafeed publish` to a real S3 API (moto's server on 127.0.0.1), read back with boto3 and plain HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
import requests
from click.testing import CliRunner
from helpers import add_episode, make_media
from moto.core import DEFAULT_ACCOUNT_ID
from moto.s3.models import s3_backends
from moto.server import ThreadedMotoServer

from mediafeed.cli import main
from mediafeed.errors import MediafeedError
from mediafeed.publish import PublishError, publish
from mediafeed.publish.manifest import MANIFEST
from mediafeed.publish.plan import scan

SECRET = "s3cr3t-never-printed-0123456789"


class Server:
    """moto's S3 server in this process; ``stop``/``start`` keep the buckets (they live in moto's backend)."""

    def __init__(self) -> None:
        self.port = 0
        self.start()

    def start(self) -> None:
        self.server = ThreadedMotoServer("127.0.0.1", self.port, verbose=False)
        self.server.start()
        self.port = self.server.get_host_and_port()[1]

    def stop(self) -> None:
        self.server.stop()
        self.server._server.server_close()  # stop listening too, so clients are refused at once

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="module")
def server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDTESTING")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_DEFAULT_PROFILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def bucket(server: Server, request: pytest.FixtureRequest) -> str:
    name = "pod-" + request.node.name.replace("_", "-")[:40].strip("-").lower()
    client(server).create_bucket(Bucket=name)
    return name


def client(server: Server):
    return boto3.client("s3", endpoint_url=server.url, region_name="us-east-1")


def configure(show: Path, server: Server, bucket: str, extra: str = "") -> None:
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"""
publish:
  targets:
    cdn:
      type: s3
      bucket: {bucket}
      prefix: safe-to-say
      endpoint_url: {server.url}
      region: us-east-1
      addressing: path
      acl: public-read
      retries: 1
      timeout: 5
{extra}""")


def objects(server: Server, bucket: str) -> dict[str, dict]:
    """Every object in the bucket as the server stores it: key → {size, modified, etag}."""
    stored = s3_backends[DEFAULT_ACCOUNT_ID]["aws"].buckets[bucket].keys
    return {key: {"size": obj.size, "modified": obj.last_modified, "etag": obj.etag} for key, obj in stored.items()}


def upload_order(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """Keys written between two snapshots, in the order the server received them."""
    changed = [k for k, v in after.items() if k not in before or before[k]["modified"] != v["modified"]]
    return sorted(changed, key=lambda k: after[k]["modified"])


def test_every_object_is_on_s3_with_its_type_and_cache_headers(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    report = publish(show, notify=False)
    site = scan(show / "public")
    assert {u.rel for u in report.uploads} == set(site)
    s3 = client(server)
    for rel, local in site.items():
        head = s3.head_object(Bucket=bucket, Key=f"safe-to-say/{rel}")
        assert head["ContentLength"] == local.size
        assert head["Metadata"]["sha256"] == local.sha256
        over_http = requests.get(f"{server.url}/{bucket}/safe-to-say/{rel}", timeout=10)
        assert over_http.status_code == 200, rel
        assert over_http.content == local.path.read_bytes()
        assert over_http.headers["Content-Type"] == head["ContentType"]
        assert over_http.headers["Cache-Control"] == head["CacheControl"]
    def header(rel: str, name: str) -> str:
        return s3.head_object(Bucket=bucket, Key=f"safe-to-say/{rel}")[name]
    assert header("feed.xml", "ContentType") == "application/rss+xml; charset=utf-8"
    assert header("feed.xml", "CacheControl") == "public, max-age=300"
    mp3 = "episodes/001-ipv-and-substance-use/ipv-and-substance-use.mp3"
    assert header(mp3, "ContentType") == "audio/mpeg"
    assert header(mp3, "CacheControl") == "public, max-age=31536000, immutable"
    assert header("episodes/002-learning-alliances/learning-alliances.m4a", "ContentType") == "audio/x-m4a"
    assert header("episodes/001-ipv-and-substance-use/chapters.json", "ContentType") == "application/json+chapters; charset=utf-8"
    assert header("episodes/001-ipv-and-substance-use/transcript.vtt", "ContentType") == "text/vtt; charset=utf-8"
    assert header("episodes/001-ipv-and-substance-use/index.html", "ContentType") == "text/html; charset=utf-8"
    assert header("artwork.png", "ContentType") == "image/png"
    assert header("feed.json", "ContentType") == "application/feed+json; charset=utf-8"
    # the server received media first, the feed last
    order = upload_order({}, {k: v for k, v in objects(server, bucket).items() if not k.endswith(MANIFEST)})
    assert order[-2:] == ["safe-to-say/feed.json", "safe-to-say/feed.xml"]
    first_page = min(i for i, key in enumerate(order) if key.endswith(".html"))
    assert all(key.endswith((".mp3", ".m4a")) for key in order[:6]) and first_page > 6


def test_a_second_publish_uploads_nothing(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    publish(show, notify=False)
    before = objects(server, bucket)
    again = publish(show, notify=False)
    assert again.uploads == [] and again.unchanged == len(before) - 1
    assert objects(server, bucket) == before


def test_one_changed_episode_uploads_only_what_changed_and_the_feed_last(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    publish(show, notify=False)
    old = {rel: f.sha256 for rel, f in scan(show / "public").items()}
    episode = show / "episodes/003-capabilities-framework/episode.md"
    # a guest's name: in the feed and the page, but not in the audio's tags (a new title re-tags the media)
    episode.write_text(episode.read_text().replace("Jordan Ellis", "Jordan Ellis-Smith", 1))
    before = objects(server, bucket)
    report = publish(show, notify=False)
    new = {rel: f.sha256 for rel, f in scan(show / "public").items()}
    changed = {rel for rel in new if old.get(rel) != new[rel]}
    assert "feed.xml" in changed and "episodes/003-capabilities-framework/index.html" in changed
    assert [u.rel for u in report.uploads][-1] == "feed.xml"
    assert {u.rel for u in report.uploads} == changed
    assert not any(u.phase == "media" for u in report.uploads)
    order = [k.removeprefix("safe-to-say/") for k in upload_order(before, objects(server, bucket)) if not k.endswith(MANIFEST)]
    assert order == [u.rel for u in report.uploads]


def test_a_publish_cut_off_midway_keeps_the_old_feed_and_a_rerun_converges(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    publish(show, notify=False)
    s3 = client(server)
    old_feed = s3.get_object(Bucket=bucket, Key="safe-to-say/feed.xml")["Body"].read()
    add_episode(show, "006-new", "title: Something new\ndate: 2026-03-20T08:00:00+00:00\n"
                "guid: 7d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0006\naudio: new.mp3\n", audio_name="new.mp3")

    class CutOff:
        def start(self, total: int) -> None: ...
        def advance(self, nbytes: int) -> None: ...
        def end(self, upload) -> None: ...

        def begin(self, upload) -> None:
            if upload.phase == "pages":
                server.stop()

    with pytest.raises(PublishError) as failed:
        publish(show, notify=False, transfer=CutOff())
    assert failed.value.problems[0].code == "PUB020"
    assert "run the same command again" in failed.value.problems[0].hint
    server.start()
    assert s3.get_object(Bucket=bucket, Key="safe-to-say/feed.xml")["Body"].read() == old_feed
    # the media went up first, so the new feed will point at a file that is there
    assert s3.head_object(Bucket=bucket, Key="safe-to-say/episodes/006-new/new.mp3")["ContentLength"] > 0
    rerun = publish(show, notify=False)
    assert "episodes/006-new/new.mp3" not in {u.rel for u in rerun.uploads}  # recorded after the media phase
    assert [u.rel for u in rerun.uploads][-1] == "feed.xml"
    new_feed = s3.get_object(Bucket=bucket, Key="safe-to-say/feed.xml")["Body"].read()
    assert new_feed == (show / "public/feed.xml").read_bytes() and b"006-new/new.mp3" in new_feed
    assert publish(show, notify=False).uploads == []


def test_dry_run_lists_uploads_with_headers_and_changes_nothing(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket, "      cors: apply\n")
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--dry-run", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["dry_run"] is True and len(data["uploads"]) == len(scan(show / "public"))
    feed = data["uploads"][-1]
    assert feed == {"path": "feed.xml", "size": (show / "public/feed.xml").stat().st_size, "phase": "feeds",
                    "content_type": "application/rss+xml; charset=utf-8", "cache_control": "public, max-age=300", "replaces": False}
    assert data["cors"]["status"] == "would-apply"
    assert objects(server, bucket) == {}
    assert "NoSuchCORSConfiguration" in str(_cors_error(server, bucket))
    text = CliRunner().invoke(main, ["publish", "--show", str(show), "-n"])
    published = (show / "public/episodes/000-trailer/safe-to-say-trailer.mp3").stat().st_size  # the tagged copy
    assert f"upload  episodes/000-trailer/safe-to-say-trailer.mp3  {published / 1000:.1f} KB  Content-Type: audio/mpeg  " \
           "Cache-Control: public, max-age=31536000, immutable" in text.stdout


def _cors_error(server: Server, bucket: str) -> Exception | None:
    try:
        client(server).get_bucket_cors(Bucket=bucket)
    except Exception as exc:  # noqa: BLE001
        return exc
    return None


def test_cors_is_checked_by_default_and_applied_when_asked(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    report = publish(show, notify=False)
    assert report.cors.status == "missing"
    assert "aws s3api put-bucket-cors --bucket " + bucket in report.cors.instructions
    assert any(p.code == "PUB031" for p in report.problems)
    s3 = client(server)
    s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [
        {"ID": "other-site", "AllowedMethods": ["PUT"], "AllowedOrigins": ["https://admin.example.org"]}]})
    text = (show / "show.yml").read_text().replace("      timeout: 5\n", "      timeout: 5\n      cors: apply\n")
    (show / "show.yml").write_text(text)
    report = publish(show, notify=False)
    assert report.cors.status == "applied"
    rules = {r.get("ID"): r for r in s3.get_bucket_cors(Bucket=bucket)["CORSRules"]}
    assert set(rules) == {"other-site", "mediafeed"}  # someone else's rule is kept
    assert rules["mediafeed"]["AllowedOrigins"] == ["*"] and set(rules["mediafeed"]["AllowedMethods"]) == {"GET", "HEAD"}
    assert publish(show, notify=False).cors.status == "ok"


def test_a_cors_rule_that_allows_range_alone_is_reported_and_replaced(show: Path, server: Server, bucket: str) -> None:
    """The rule an older mediafeed applied (or a host's default) allowed Range alone: a player revalidating the feed
    with If-None-Match gets a preflight without CORS headers, and 'check' called it fine."""
    from mediafeed.mediatypes import CORS_REQUEST_HEADERS

    s3 = client(server)
    s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [
        {"ID": "mediafeed", "AllowedMethods": ["GET", "HEAD"], "AllowedOrigins": ["*"], "AllowedHeaders": ["Range"]}]})
    configure(show, server, bucket)
    report = publish(show, notify=False)
    assert report.cors.status == "missing" and any(p.code == "PUB031" for p in report.problems)
    assert '"If-None-Match"' in report.cors.instructions
    (show / "show.yml").write_text((show / "show.yml").read_text().replace("      timeout: 5\n", "      timeout: 5\n      cors: apply\n"))
    assert publish(show, notify=False).cors.status == "applied"
    [rule] = s3.get_bucket_cors(Bucket=bucket)["CORSRules"]
    assert rule["AllowedHeaders"] == list(CORS_REQUEST_HEADERS)
    assert publish(show, notify=False).cors.status == "ok"


def test_delete_removes_old_pages_but_never_published_media_or_foreign_files(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    publish(show, notify=False)
    s3 = client(server)
    s3.put_object(Bucket=bucket, Key="safe-to-say/hand-made.txt", Body=b"not mediafeed's")
    for path in sorted((show / "episodes/005-european-review").iterdir()):
        path.unlink()
    (show / "episodes/005-european-review").rmdir()
    kept = publish(show, notify=False)
    assert kept.deleted == [] and "episodes/005-european-review/index.html" in kept.stale
    report = publish(show, notify=False, delete=True)
    assert "episodes/005-european-review/index.html" in report.deleted
    assert report.protected == ["episodes/005-european-review/european-review.mp3"]
    keys = set(objects(server, bucket))
    assert "safe-to-say/episodes/005-european-review/european-review.mp3" in keys
    assert "safe-to-say/episodes/005-european-review/index.html" not in keys
    assert "safe-to-say/hand-made.txt" in keys


def test_a_lost_manifest_is_rebuilt_from_the_bucket_without_uploading_again(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    publish(show, notify=False)
    s3 = client(server)
    s3.delete_object(Bucket=bucket, Key=f"safe-to-say/{MANIFEST}")
    s3.delete_object(Bucket=bucket, Key="safe-to-say/episodes/000-trailer/index.html")
    report = publish(show, notify=False)
    assert [u.rel for u in report.uploads] == ["episodes/000-trailer/index.html"]
    s3.delete_object(Bucket=bucket, Key="safe-to-say/robots.txt")  # behind the manifest's back
    assert publish(show, notify=False).uploads == []
    assert [u.rel for u in publish(show, notify=False, verify=True).uploads] == ["robots.txt"]


def test_a_bucket_with_another_sites_index_html_under_the_prefix_is_not_overwritten_silently(show: Path, server: Server,
                                                                                             bucket: str) -> None:
    configure(show, server, bucket)
    s3 = client(server)
    s3.put_object(Bucket=bucket, Key="safe-to-say/index.html", Body=b"<h1>Our old site</h1>", ContentType="text/html")
    with pytest.raises(PublishError) as refused:
        publish(show, notify=False)
    assert refused.value.problems[0].code == "PUB007" and refused.value.problems[0].message.endswith(": index.html")
    assert set(objects(server, bucket)) == {"safe-to-say/index.html"}
    publish(show, notify=False, overwrite=True)
    assert s3.get_object(Bucket=bucket, Key="safe-to-say/index.html")["Body"].read() == (show / "public/index.html").read_bytes()


def test_large_media_goes_up_in_parts(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket, "      multipart_threshold_mb: 5\n      multipart_chunk_mb: 5\n")
    folder = add_episode(show, "006-long", "title: A long one\ndate: 2026-03-20T08:00:00+00:00\n"
                         "guid: 7d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0106\naudio: long.mp3\n", audio_name="")
    make_media(folder / "long.mp3", "mp3", seconds=360, extra=("-b:a", "160k"))
    size = (show / "episodes/006-long/long.mp3").stat().st_size
    assert size > 6 * 1024 * 1024
    publish(show, notify=False)
    stored = objects(server, bucket)["safe-to-say/episodes/006-long/long.mp3"]
    assert stored["size"] == (show / "public/episodes/006-long/long.mp3").stat().st_size >= size and stored["etag"].strip('"').endswith("-2")  # two parts
    body = client(server).get_object(Bucket=bucket, Key="safe-to-say/episodes/006-long/long.mp3")["Body"].read()
    assert body == (show / "public/episodes/006-long/long.mp3").read_bytes()


def test_the_unfinished_multipart_upload_of_a_killed_publish_is_aborted_and_no_one_elses(show: Path, server: Server,
                                                                                          bucket: str) -> None:
    """A publish killed mid-upload of a large file (SIGKILL, a laptop's battery) leaves a multipart upload that no
    listing of objects shows, and whose parts the store keeps and bills until it is aborted."""
    configure(show, server, bucket)
    s3 = client(server)
    left = {}
    for key in ("safe-to-say/episodes/000-trailer/safe-to-say-trailer.mp3", "safe-to-say/other-tool/archive.bin",
                "elsewhere/episodes/000-trailer/safe-to-say-trailer.mp3"):
        started = s3.create_multipart_upload(Bucket=bucket, Key=key)
        s3.upload_part(Bucket=bucket, Key=key, UploadId=started["UploadId"], PartNumber=1, Body=b"x" * 1024)
        left[key] = started["UploadId"]
    report = publish(show, notify=False)
    assert report.swept == ["episodes/000-trailer/safe-to-say-trailer.mp3"]
    remaining = {u["Key"]: u["UploadId"] for u in s3.list_multipart_uploads(Bucket=bucket).get("Uploads", [])}
    assert remaining == {k: v for k, v in left.items() if "other-tool" in k or k.startswith("elsewhere/")}
    assert publish(show, notify=False).swept == []


def test_credentials_are_never_printed_and_errors_are_one_line(show: Path, server: Server) -> None:
    configure(show, server, "no-such-bucket")
    result = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show)], capture_output=True,
                            text=True, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 1
    assert "bucket 'no-such-bucket' does not exist" in result.stderr and "[PUB022]" in result.stderr
    assert "Traceback" not in result.stderr and SECRET not in result.stdout + result.stderr
    del_env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_ACCESS") and not k.startswith("AWS_SECRET")}
    del_env["AWS_EC2_METADATA_DISABLED"] = "true"  # no instance-metadata lookups for credentials on this machine
    result = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--no-build"],
                            capture_output=True, text=True, env=del_env)
    assert result.returncode == 1 and "[PUB021]" in result.stderr and "AWS_ACCESS_KEY_ID" in result.stderr


def test_a_store_that_cannot_be_reached_says_so_and_never_prints_the_endpoints_password(show: Path, tmp_path: Path) -> None:
    """boto3 takes the endpoint from AWS_ENDPOINT_URL too, where a MinIO or Ceph user may keep USER:PASSWORD@; botocore
    quotes it whole in its error ("Could not connect to the endpoint URL: ..."), which mediafeed printed in text and
    JSON. With the network down the hint said only "run again"."""
    import socket

    with socket.socket() as probe:  # a port nothing listens on: the store is down
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write("\npublish:\n  targets:\n    cdn:\n      type: s3\n      bucket: pod\n      region: us-east-1\n"
                     "      addressing: path\n      cors: off\n      retries: 1\n      timeout: 2\n")
    password = "endp0int-pa55word-never-printed"
    env = {**os.environ, "NO_COLOR": "1", "AWS_ENDPOINT_URL": f"http://minio:{password}@127.0.0.1:{port}"}
    for form in ("text", "json"):
        result = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--format", form],
                                capture_output=True, text=True, env=env)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and ("[PUB020]" in output or '"PUB020"' in output), output
        assert password not in output and SECRET not in output and "Traceback" not in output
        assert "cannot reach s3://pod/" in output and "network connection" in output and "AWS_ENDPOINT_URL" in output
    assert "minio:" not in (show / "public" / "feed.xml").read_text()


def test_the_cli_publishes_and_reports_json(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    result = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--format", "json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] and data["target"] == "cdn" and data["uploads"][-1]["path"] == "feed.xml"
    assert "uploaded feed.xml" in result.stderr  # progress on stderr, one line per file when not a terminal


def test_an_unknown_target_is_an_error_naming_the_choices(show: Path, server: Server, bucket: str) -> None:
    configure(show, server, bucket)
    with pytest.raises(MediafeedError) as failed:
        publish(show, "backup")
    assert failed.value.problems[0].code == "PUB002" and "cdn" in failed.value.problems[0].hint
