"""``show.yml: publish`` → typed targets, cache policy and notifications, collecting every problem.

Credentials never live here: show.yml is committed with the show. S3 keys come
from the environment or the standard AWS config and profiles (``profile:`` names
one); a podping token from ``PODPING_TOKEN``. A key that looks like a secret is
refused (PUB004) rather than ignored, so it is noticed and rotated.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import Any

from ..config import SHOW_FILE
from ..credentials import in_settings
from ..errors import Problem
from ..records import frozen
from ..source import FieldReader, quoted

TARGET_TYPES = ("s3", "directory", "rsync")
PUBLISH_KEYS = {"target", "targets", "cache_control", "notify"}
S3_KEYS = {"type", "bucket", "prefix", "region", "endpoint_url", "addressing", "profile", "acl", "cors",
           "cors_origins", "multipart_threshold_mb", "multipart_chunk_mb", "concurrency", "retries", "timeout",
           "checksums"}
DIRECTORY_KEYS = {"type", "path"}
RSYNC_KEYS = {"type", "destination", "ssh", "options"}
#: rsync options that give up its temp file and rename (-P is --partial --progress): a subscriber would fetch a torn or
#: partial file at a live URL
IN_PLACE = {"--inplace", "--append", "--append-verify", "--partial"}
CACHE_KEYS = {"feed", "pages", "images", "media"}

PODCASTINDEX_URL = "https://api.podcastindex.org/api/1.0/hub/pubnotify"
PODPING_URL = "https://podping.cloud/"
DAY = 86_400
YEAR = 365 * DAY


@frozen
class CachePolicy:
    """Seconds of ``Cache-Control: max-age`` per kind of file."""

    feed: int = 300  #: feed.xml, feed.json: apps and the CDN see a new episode within minutes
    pages: int = 300  #: HTML, chapters, transcripts, oEmbed, sitemap, theme assets
    images: int = DAY  #: artwork keeps its name when replaced (a new image should get a new name)
    media: int = YEAR  #: audio and video never change at a published URL (LED003), so ``immutable``


@frozen
class S3Target:
    name: str
    bucket: str
    prefix: str = ""  #: key prefix ending in "/" ("" = bucket root)
    region: str = ""
    endpoint_url: str = ""  #: R2, B2, MinIO, Ceph…; "" = AWS
    addressing: str = "auto"  #: auto | path | virtual
    profile: str = ""  #: a profile in ~/.aws/config; "" = environment / default chain
    acl: str = ""  #: e.g. public-read; "" = bucket policy decides (R2 and new AWS buckets have no ACLs)
    cors: str = "check"  #: check (print instructions) | apply | off
    cors_origins: tuple[str, ...] = ("*",)
    multipart_threshold: int = 16 * 1024 * 1024
    multipart_chunk: int = 16 * 1024 * 1024
    concurrency: int = 4
    retries: int = 5
    timeout: int = 60
    checksums: str = "when_supported"  #: when_required for stores that reject boto3's default CRC checksums
    type: str = "s3"

    def describe(self) -> str:
        where = f" at {self.endpoint_url}" if self.endpoint_url else ""
        return f"s3://{self.bucket}/{self.prefix}{where}"


@frozen
class DirectoryTarget:
    name: str
    path: Path
    type: str = "directory"

    def describe(self) -> str:
        return str(self.path)


@frozen
class RsyncTarget:
    name: str
    destination: str  #: "host:/path/" or "user@host:/path/" (over ssh) or a local folder
    ssh: str = ""  #: the remote shell, e.g. "ssh -p 2222 -i ~/.ssh/podcast"
    options: tuple[str, ...] = ()  #: extra rsync options
    type: str = "rsync"

    def describe(self) -> str:
        return self.destination

    @property
    def local(self) -> bool:
        """A folder on this computer (made absolute when read), not ``host:/path/``."""
        return self.destination.startswith("/")


Target = S3Target | DirectoryTarget | RsyncTarget


@frozen
class NotifyConfig:
    websub: tuple[str, ...] = ()  #: WebSub hubs to ping (hub.mode=publish)
    podcastindex: str = ""  #: Podcast Index pubnotify endpoint ("" = off)
    podping: str = ""  #: podping.cloud endpoint ("" = off); token from PODPING_TOKEN
    timeout: int = 15


@frozen
class PublishConfig:
    targets: dict[str, Target] = field(default_factory=dict)
    default: str = ""
    cache: CachePolicy = CachePolicy()
    notify: NotifyConfig = NotifyConfig()


def parse(data: dict[str, Any], root: Path) -> tuple[PublishConfig, list[Problem]]:
    """The ``publish:`` mapping of show.yml (already known to be a mapping)."""
    problems = in_settings(data, "publish")
    r = FieldReader(data, SHOW_FILE, prefix="publish.")
    targets: dict[str, Target] = {}
    raw_targets = r.mapping("targets")
    if not raw_targets:
        r.missing("targets", "add 'targets:' with at least one target, e.g. 'site: {type: s3, bucket: my-podcast}'")
    for name, value in raw_targets.items():
        sub = r.sub(value, f"targets.{name}")
        if sub is None:
            continue
        target = _target(sub, str(name), root)
        r.adopt(sub)
        if target is not None:
            targets[str(name)] = target
    default = r.str("target")
    if default and raw_targets and default not in raw_targets:
        r.fail("target", f"names no target: {quoted(default)}", hint=f"use one of: {', '.join(map(str, raw_targets))}")
        default = ""
    cache = CachePolicy()
    raw_cache = r.mapping("cache_control")
    if raw_cache:
        c = r.sub(raw_cache, "cache_control")
        if c:
            cache = CachePolicy(**{k: c.int(k, getattr(cache, k), minimum=0) or 0 for k in sorted(CACHE_KEYS)})
            c.unknown(CACHE_KEYS)
            r.adopt(c)
    notify = NotifyConfig()
    raw_notify = r.mapping("notify")
    if raw_notify:
        n = r.sub(raw_notify, "notify")
        if n:
            notify = _notify(n)
            r.adopt(n)
    r.unknown(PUBLISH_KEYS)
    problems.extend(r.problems)
    return PublishConfig(targets, default, cache, notify), problems


def _target(r: FieldReader, name: str, root: Path) -> Target | None:
    kind = r.str("type", required=True, hint=f"add 'type: s3' (or {', '.join(TARGET_TYPES[1:])})")
    if not kind:
        return None
    if kind not in TARGET_TYPES:
        r.fail("type", f"expected one of {', '.join(TARGET_TYPES)}, got {quoted(kind)}", hint="write 'type: s3'")
        return None
    if kind == "s3":
        bucket = r.str("bucket", required=True, hint="add 'bucket: NAME' (the bucket's name, not its URL)")
        if bucket and not re.match(r"^[a-z0-9][a-z0-9.\-_]{1,62}$", bucket):
            r.fail("bucket", f"expected a bucket name such as 'my-podcast', got {quoted(bucket)}",
                   hint="give the name alone; put the host in 'endpoint_url'")
        prefix = r.str("prefix").strip("/")
        endpoint = r.url("endpoint_url")
        mb = 1024 * 1024
        target = S3Target(
            name=name, bucket=bucket, prefix=prefix + "/" if prefix else "", region=r.str("region"),
            endpoint_url=endpoint, addressing=r.choice("addressing", ("auto", "path", "virtual"), "auto"),
            profile=r.str("profile"), acl=r.str("acl"), cors=_cors(r),
            cors_origins=r.str_list("cors_origins") or ("*",),
            multipart_threshold=(r.int("multipart_threshold_mb", 16, minimum=5) or 16) * mb,
            multipart_chunk=(r.int("multipart_chunk_mb", 16, minimum=5) or 16) * mb,
            concurrency=r.int("concurrency", 4, minimum=1) or 4,
            retries=r.int("retries", 5, minimum=1) or 5,
            timeout=r.int("timeout", 60, minimum=1) or 60,
            checksums=r.choice("checksums", ("when_supported", "when_required"), "when_supported"),
        )
        r.unknown(S3_KEYS)
        return target if bucket else None
    if kind == "directory":
        raw = r.str("path", required=True, hint="add 'path: /var/www/podcast'")
        r.unknown(DIRECTORY_KEYS)
        if not raw:
            return None
        path = Path(raw).expanduser()
        return DirectoryTarget(name=name, path=(path if path.is_absolute() else root / path).resolve())
    destination = r.str("destination", required=True, hint="add 'destination: user@host:/var/www/podcast/'")
    options = r.str_list("options")
    for option in options:
        if option.startswith("--delete") or option in {"--remove-source-files"}:
            r.fail("options", f"{option} is not allowed here", hint="use 'mediafeed publish --delete', which protects published media")
        elif option.split("=", 1)[0] in IN_PLACE or (re.fullmatch(r"-[A-Za-z0-9]+", option) and "P" in option):
            r.fail("options", f"{option} is not allowed here: rsync would write into the live file, or leave a partial one "
                   "under its name when stopped (a re-tagged episode cut short at the URL the live feed names)",
                   hint="leave it out (a publish sends only what changed, and a stopped one is finished by running it "
                        "again); to keep partial transfers of large files, use --partial-dir=.rsync-partial")
    r.unknown(RSYNC_KEYS)
    if not destination:
        return None
    if ":" not in destination.split("/", 1)[0]:
        destination = str((root / Path(destination).expanduser()).resolve())
    return RsyncTarget(name=name, destination=destination.rstrip("/") + "/", ssh=r.str("ssh"), options=options)


def _cors(r: FieldReader) -> str:
    """``cors: off`` as docs/publish.md writes it: YAML reads an unquoted ``off`` as false, which means off here too."""
    if r.data.get("cors") is False:
        r.used.add("cors")
        return "off"
    return r.choice("cors", ("check", "apply", "off"), "check")


def _notify(r: FieldReader) -> NotifyConfig:
    hubs = []
    for hub in r.str_list("websub"):
        if re.match(r"^https?://\S+$", hub):
            hubs.append(hub)
        else:
            r.fail("websub", f"expected hub URLs, got {hub!r}", hint="write 'websub: [https://pubsubhubbub.appspot.com/]'")
    return NotifyConfig(websub=tuple(hubs), podcastindex=_endpoint(r, "podcastindex", PODCASTINDEX_URL),
                        podping=_endpoint(r, "podping", PODPING_URL), timeout=r.int("timeout", 15, minimum=1) or 15)


def _endpoint(r: FieldReader, key: str, default: str) -> str:
    """``key: true`` → the public service, ``key: URL`` → another endpoint, ``false``/absent → off."""
    value = r.data.get(key)
    if value is None or value is False:
        r.used.add(key)
        return ""
    if value is True:
        r.used.add(key)
        return default
    return r.url(key)
