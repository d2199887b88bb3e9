"""A publish that fails or is killed part-way, and the run after it: published.json records only what went out with a
live feed, and the files the stopped run wrote are still known to be mediafeed's. Real targets: moto's S3 server behind
the misbehaving proxy of test_qa_publish, a tmpfs folder remounted read-only mid-publish, a subprocess killed with
SIGKILL mid-upload."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import add_episode, mounted_tmpfs
from test_qa_publish import (
    KILL_DURING_COPY,
    NEW,
    directory_target,
    faulty,
    killed_publish,
    s3,
    s3_error,
    s3_target,
    tree,
    wait_for,
)

from mediafeed.publish import PublishError, publish
from mediafeed.publish.manifest import MANIFEST

__all__ = ["faulty", "s3"]  # (the fixtures, shared with test_qa_publish)

NEW_GUID = "7d4c8e0a-41d5-4e5c-9d0e-0a8b2a1f0006"
ROOT = Path(__file__).resolve().parent.parent


def rename_audio(show: Path, slug: str, old: str, new: str) -> None:
    """The producer renames an episode's file (its enclosure URL changes with it)."""
    folder = show / "episodes" / slug
    (folder / old).rename(folder / new)
    (folder / "episode.md").write_text((folder / "episode.md").read_text().replace(f"audio: {old}", f"audio: {new}"))


def recorded(show: Path) -> dict[str, dict]:
    return json.loads((show / "published.json").read_text())["episodes"]


def server_error(bucket: str, key: str):
    """A proxy rule: 500 for every PUT of ``key`` (retries included)."""
    return lambda method, path: (500, s3_error("InternalError", "We encountered an internal error.")) \
        if method == "PUT" and path.split("?")[0] == f"/{bucket}/{key}" else None


def test_an_episode_whose_feed_never_went_up_is_not_recorded_and_its_file_may_still_be_renamed(show: Path, s3) -> None:
    # The build recorded the new episode in published.json before anything went up: the store then refused the feed,
    # no subscriber ever saw the episode, and renaming its file before trying again was refused (LED002) as if it had
    # gone out
    faulty, bucket, client = s3
    s3_target(show, faulty.url, bucket, "      cors: 'off'\n")
    publish(show, notify=False)
    old_feed, ledger = client.get_object(Bucket=bucket, Key="feed.xml")["Body"].read(), (show / "published.json").read_bytes()
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    faulty.rules.append(server_error(bucket, "feed.xml"))
    with pytest.raises(PublishError) as failed:
        publish(show, notify=False)
    assert failed.value.problems[0].code == "PUB020" and failed.value.problems[0].file == "feed.xml"
    assert client.get_object(Bucket=bucket, Key="feed.xml")["Body"].read() == old_feed
    assert client.get_object(Bucket=bucket, Key="episodes/006-new/new.mp3")  # the media did go up
    assert (show / "published.json").read_bytes() == ledger
    faulty.rules.clear()
    rename_audio(show, "006-new", "new.mp3", "renamed.mp3")
    done = publish(show, notify=False)
    assert done.ledger_updated and [u.rel for u in done.uploads][-1] == "feed.xml"
    assert recorded(show)[NEW_GUID]["enclosure"].endswith("/episodes/006-new/renamed.mp3")


def test_an_episode_is_recorded_once_its_feed_is_live_even_when_the_publish_fails_after_it(show: Path, s3) -> None:
    faulty, bucket, client = s3
    s3_target(show, faulty.url, bucket, "      cors: 'off'\n")
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    faulty.requests.clear()
    feed_sent = lambda: any(m == "PUT" and p.split("?")[0] == f"/{bucket}/feed.xml" for m, p in faulty.requests)  # noqa: E731
    refuse_manifest = server_error(bucket, MANIFEST)
    faulty.rules.append(lambda method, path: refuse_manifest(method, path) if feed_sent() else None)
    with pytest.raises(PublishError) as failed:
        publish(show, notify=False)
    assert failed.value.problems[0].file == MANIFEST
    assert b"006-new/new.mp3" in client.get_object(Bucket=bucket, Key="feed.xml")["Body"].read()  # subscribers have it
    assert recorded(show)[NEW_GUID]["enclosure"].endswith("/episodes/006-new/new.mp3")


@pytest.fixture
def remountable(tmp_path: Path) -> Iterator[Path]:
    """A real tmpfs (root only, as on CI) that a test can remount read-only while a publish writes to it."""
    with mounted_tmpfs(tmp_path / "web-disk", "20m") as disk:
        yield disk


def test_a_folder_that_turns_read_only_mid_publish_records_no_episode(show: Path, remountable: Path) -> None:
    directory_target(show, remountable)
    publish(show, notify=False)
    ledger, old_feed = (show / "published.json").read_bytes(), (remountable / "feed.xml").read_bytes()
    add_episode(show, "006-new", NEW, audio_name="new.mp3")

    class GoesReadOnly:
        """The web root's file system is remounted read-only as the first page is about to be copied."""

        def start(self, total: int) -> None: ...
        def advance(self, nbytes: int) -> None: ...
        def end(self, upload) -> None: ...

        def begin(self, upload) -> None:
            if upload.phase == "pages":
                subprocess.run(["mount", "-o", "remount,ro", str(remountable)], check=True)

    with pytest.raises(PublishError) as failed:
        publish(show, notify=False, transfer=GoesReadOnly())
    assert failed.value.problems[0].code == "PUB020" and "read-only" in failed.value.problems[0].message.lower()
    assert (remountable / "episodes/006-new/new.mp3").is_file() and (remountable / "feed.xml").read_bytes() == old_feed
    assert (show / "published.json").read_bytes() == ledger
    subprocess.run(["mount", "-o", "remount,rw", str(remountable)], check=True)
    rename_audio(show, "006-new", "new.mp3", "renamed.mp3")
    publish(show, notify=False)
    assert recorded(show)[NEW_GUID]["enclosure"].endswith("/episodes/006-new/renamed.mp3")
    assert b"006-new/renamed.mp3" in (remountable / "feed.xml").read_bytes()


# -- killed outright (SIGKILL: no handler runs, nothing is recorded on the way out) ------------------------------


def retitle(show: Path, slug: str) -> None:
    """A new title: the episode's page changes and its mp3 is tagged again (other bytes at the same path)."""
    episode = next((show / "episodes").glob(f"{slug}*")) / "episode.md"
    text = episode.read_text()
    episode.write_text(text.replace("title: ", "title: Corrected ", 1))


def start_publish(show: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--no-notify"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def stopped_mid_upload(show: Path, faulty, bucket: str, stop: signal.Signals, whole_store: bool = False) -> tuple[int, str]:
    """``mediafeed publish`` in a subprocess, sent ``stop`` while the store does not answer the upload of new.mp3 (nor,
    with ``whole_store``, any upload after it): its exit code and stderr. The store stays silent until the process
    has ended (the wait only ends a hung test)."""
    arrived, release = threading.Event(), threading.Event()

    def stall(method: str, path: str) -> tuple[int, str] | None:
        if method == "PUT" and (path.split("?")[0] == f"/{bucket}/episodes/006-new/new.mp3" or whole_store and arrived.is_set()):
            arrived.set()
            release.wait(300)
            return 500, s3_error("InternalError", "gone")
        return None

    faulty.rules.append(stall)
    process = start_publish(show)
    try:
        wait_for(arrived.is_set, "the upload of new.mp3 to reach the store")
        process.send_signal(stop)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        release.set()
    return process.returncode, err


def test_a_first_publish_killed_mid_upload_is_not_taken_for_someone_elses_files_after_an_edit(show: Path, s3) -> None:
    # The first publish to a bucket was killed outright during the media (no manifest yet), the producer corrected a
    # title (the page and the tags of the mp3 changed), and the next run stopped with PUB007 on mediafeed's own files
    # ("the target holds files mediafeed did not put there ... use --overwrite")
    faulty, bucket, client = s3
    s3_target(show, faulty.url, bucket, "      cors: 'off'\n")
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    returncode, _ = stopped_mid_upload(show, faulty, bucket, signal.SIGKILL)  # a slow line: new.mp3 never finishes
    assert returncode == -signal.SIGKILL
    keys = {obj["Key"] for obj in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert "episodes/001-ipv-and-substance-use/index.html" not in keys and "feed.xml" not in keys
    faulty.rules.clear()
    retitle(show, "001")
    media = next(k for k in keys if k.startswith("episodes/001-") and k.endswith(".mp3"))  # went up before the kill
    done = publish(show, notify=False)
    sent = [u.rel for u in done.uploads]
    assert media in sent and "episodes/006-new/new.mp3" in sent and sent[-1] == "feed.xml"
    arrived = [k for k in keys if k.endswith((".mp3", ".m4a"))]
    assert len(arrived) == 6 and [k for k in arrived if k != media and k in sent] == []  # the same bytes: not sent again
    assert client.get_object(Bucket=bucket, Key=media)["Body"].read() == (show / "public" / media).read_bytes()
    assert "writing" not in json.loads(client.get_object(Bucket=bucket, Key=MANIFEST)["Body"].read())
    assert publish(show, notify=False).uploads == []


#: the power goes while the pages are being copied
KILL_AT_PAGE = killed_publish("006-new/index.html")


def test_a_publish_killed_mid_phase_then_edited_is_not_taken_for_someone_elses_files(show: Path, tmp_path: Path) -> None:
    # killed after the new episode's mp3 was copied and before any manifest of that run: the producer then corrected
    # the episode's title (new tags, another page), and the next run refused its own mp3 as foreign (PUB007)
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    old_feed = (web / "feed.xml").read_bytes()
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", KILL_AT_PAGE, str(show)], capture_output=True, text=True, env=env)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    copied = (web / "episodes/006-new/new.mp3").read_bytes()
    assert (web / "feed.xml").read_bytes() == old_feed
    retitle(show, "006")
    before = tree(web)
    done = publish(show, notify=False)
    assert "episodes/006-new/new.mp3" in [u.rel for u in done.uploads]
    assert (web / "episodes/006-new/new.mp3").read_bytes() != copied  # the corrected tags went up
    assert b"Corrected Something new" in (web / "feed.xml").read_bytes() and tree(web) != before
    assert "writing" not in json.loads((web / MANIFEST).read_text())


def documented_json_keys() -> tuple[set[str], set[str]]:
    """The keys docs/publish.md's table gives for `publish --format json`, and those of each upload."""
    import re

    text = (ROOT / "docs/publish.md").read_text(encoding="utf-8")
    table = text.split("| Key | Value |", 1)[1].split("\n\n", 1)[0]
    keys = {key for row in table.splitlines()[2:] for key in re.findall(r"`([a-z_]+)`", row.split("|")[1])}
    upload = re.search(r"each `\{([a-z_, ]+)\}`", table)
    assert upload, "the uploads row names the keys of an upload"
    return keys, {key.strip() for key in upload[1].split(",")}


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "publish"])
def test_the_json_report_has_exactly_the_keys_the_docs_list(show: Path, tmp_path: Path, dry_run: bool) -> None:
    directory_target(show, tmp_path / "www")
    args = ["--dry-run"] if dry_run else []
    done = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--no-notify", "--format",
                           "json", *args], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    keys, upload_keys = documented_json_keys()
    assert set(report) == keys and report["dry_run"] is dry_run
    assert report["uploads"] and all(set(upload) == upload_keys for upload in report["uploads"])
    assert report["ledger_updated"] is False  # the sample show's published.json already records its six episodes


def test_after_a_failed_upload_only_the_file_in_flight_is_in_doubt(show: Path, s3) -> None:
    # the paths a publish announced but never began are as they were: the next run need not check them on the target
    faulty, bucket, client = s3
    s3_target(show, faulty.url, bucket, "      cors: 'off'\n")
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    faulty.rules.append(server_error(bucket, "episodes/006-new/index.html"))
    with pytest.raises(PublishError):
        publish(show, notify=False)
    manifest = json.loads(client.get_object(Bucket=bucket, Key=MANIFEST)["Body"].read())
    assert manifest["writing"] == ["episodes/006-new/index.html"] and "episodes/006-new/new.mp3" in manifest["files"]
    faulty.rules.clear()
    rerun = publish(show, notify=False)
    sent = [u.rel for u in rerun.uploads]
    assert "episodes/006-new/index.html" in sent and "episodes/006-new/new.mp3" not in sent and sent[-1] == "feed.xml"
    assert "writing" not in json.loads(client.get_object(Bucket=bucket, Key=MANIFEST)["Body"].read())


def test_a_deliberately_moved_episode_keeps_its_old_file_through_every_later_delete(show: Path, tmp_path: Path) -> None:
    # `publish --accept-changes --delete` after renaming a published episode's folder deleted its old mp3 in the very
    # publish that moved the URL (the build had already replaced the ledger's record): apps holding the older feed
    # streamed a 404. The old URL is now recorded as moved_from, and every --delete keeps its file.
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    old = web / "episodes/003-capabilities-framework/capabilities-framework.mp3"
    (show / "episodes/003-capabilities-framework").rename(show / "episodes/003-capabilities")
    moved = publish(show, notify=False, accept_changes=True, delete=True)
    assert "episodes/003-capabilities-framework/capabilities-framework.mp3" in moved.protected and old.is_file()
    assert "episodes/003-capabilities-framework/index.html" in moved.deleted
    guid = next(g for g, e in recorded(show).items() if e["slug"] == "003-capabilities")
    assert recorded(show)[guid]["moved_from"] == [
        "https://podcast.example.org/safe-to-say/episodes/003-capabilities-framework/capabilities-framework.mp3"]
    again = publish(show, notify=False, delete=True)
    assert again.protected == ["episodes/003-capabilities-framework/capabilities-framework.mp3"] and old.is_file()
    publish(show, notify=False, accept_changes=True)  # a later deliberate change of another kind keeps the record
    assert recorded(show)[guid]["moved_from"] and old.is_file()


def test_a_dry_run_names_the_leftovers_of_a_killed_publish_and_removes_nothing(show: Path, tmp_path: Path) -> None:
    # the real run removes them first (a web server would serve them); the dry run said nothing of them
    web = tmp_path / "www"
    directory_target(show, web)
    publish(show, notify=False)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_COPY, str(show)], capture_output=True, text=True, env=env)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (leftover,) = [p.relative_to(web).as_posix() for p in web.rglob("*.tmp")]
    before = tree(web)
    dry = subprocess.run([sys.executable, "-m", "mediafeed", "publish", "--show", str(show), "--dry-run", "--no-notify"],
                         capture_output=True, text=True, env=env)
    assert dry.returncode == 0, dry.stderr
    assert f"sweep   {leftover}  (left by a publish that was killed)" in dry.stdout.splitlines()
    assert tree(web) == before
    done = publish(show, notify=False)
    assert done.swept == [leftover] and not list(web.rglob("*.tmp"))


def test_ctrl_c_while_an_upload_stalls_stops_at_once_and_the_next_publish_resumes(show: Path, s3) -> None:
    ctrl_c_while_the_store_stalls(show, s3, "the upload")


def test_ctrl_c_while_the_whole_store_stalls_stops_within_seconds_and_the_next_publish_resumes(show: Path, s3) -> None:
    # the manifest of what went up cannot be written either: it is given up after a few seconds, and the one written
    # before the first byte (every path of the run in doubt) is what the next publish goes by
    ctrl_c_while_the_store_stalls(show, s3, "the whole store")


def ctrl_c_while_the_store_stalls(show: Path, s3: tuple, stalled: str) -> None:
    # Ctrl-C while the store had stopped answering an upload waited for the request's whole read timeout (59 s of
    # the default 60) before it stopped: boto3's upload_file waits for the requests in flight on Ctrl-C. The target's
    # timeout here is 600 s: the publish must stop long before it, the store still silent.
    faulty, bucket, client = s3
    s3_target(show, faulty.url, bucket, "      cors: 'off'\n", timeout=600)
    add_episode(show, "006-new", NEW, audio_name="new.mp3")
    returncode, err = stopped_mid_upload(show, faulty, bucket, signal.SIGINT, whole_store=stalled != "the upload")
    assert returncode == 130 and "Interrupted; nothing half-written was left behind." in err, err
    manifest = json.loads(client.get_object(Bucket=bucket, Key=MANIFEST)["Body"].read())
    media = sorted(k for k in manifest["files"] | dict.fromkeys(manifest["writing"]) if k.endswith((".mp3", ".m4a")))
    assert len(media) == 7 and "episodes/006-new/new.mp3" in manifest["writing"]  # in doubt: checked next time
    if stalled == "the upload":  # the five that went up are recorded as such
        assert [k for k in media if k in manifest["writing"]] == ["episodes/006-new/new.mp3"]
    else:  # the manifest written before the first byte: every path of the run in doubt
        assert set(media) <= set(manifest["writing"])
    assert "feed.xml" not in {o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    faulty.rules.clear()
    done = publish(show, notify=False)
    sent = [u.rel for u in done.uploads]
    assert [k for k in media if k in sent] == ["episodes/006-new/new.mp3"] and sent[-1] == "feed.xml"  # no file twice
    assert client.get_object(Bucket=bucket, Key="episodes/006-new/new.mp3")["Body"].read() == \
        (show / "public/episodes/006-new/new.mp3").read_bytes()
    assert "writing" not in json.loads(client.get_object(Bucket=bucket, Key=MANIFEST)["Body"].read())
