"""An S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO, Ceph) through boto3.

boto3 is an optional extra (``pip install 'mediafeed[s3]'``): imported here only,
when an s3 target is used. Credentials come from boto3's own chain (environment,
``~/.aws/credentials``, the named ``profile``, instance roles); mediafeed never
reads or prints them. Large files go up in parts (``TransferConfig``) with
boto3's standard retries; each object carries its SHA-256 in ``x-amz-meta-sha256``
so a lost manifest can be rebuilt without uploading again.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from .. import __version__
from ..addresses import without_credentials
from ..checks.http import run_bounded
from ..errors import Problem, error
from ..mediatypes import CORS_EXPOSED_HEADERS, CORS_REQUEST_HEADERS
from .config import S3Target
from .manifest import MANIFEST, Entry, Manifest, parse
from .plan import LocalFile, Upload
from .store import Cors, PublishError, Transfer

_BOTO_MISSING = error("PUB005", "show.yml", "publishing to S3 needs boto3, which is not installed", field="publish.targets",
                      hint="pip install 'mediafeed[s3]'")
_HEADERS = list(CORS_REQUEST_HEADERS)
_EXPOSE = list(CORS_EXPOSED_HEADERS)


#: Seconds the manifest write after a Ctrl-C may take before the publish stops without it.
STOP_GRACE = 5.0


class DaemonExecutor:
    """s3transfer's executor on daemon threads (``concurrent.futures``' are joined when Python exits, so a request
    stalled in one held up the end of the process for the whole read timeout, whatever the main thread did)."""

    def __init__(self, max_workers: int | None = None) -> None:
        self.tasks: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...], dict[str, Any]] | None] = \
            queue.SimpleQueue()
        self.threads = [threading.Thread(target=self._work, daemon=True, name=f"mediafeed-s3-{n}")
                        for n in range(max(1, max_workers or 1))]
        for thread in self.threads:
            thread.start()

    def _work(self) -> None:
        while (task := self.tasks.get()) is not None:
            future, fn, args, kwargs = task
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on the future
                    future.set_exception(exc)

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.tasks.put((future, fn, args, kwargs))
        return future

    def shutdown(self, wait: bool = True) -> None:
        for _ in self.threads:
            self.tasks.put(None)
        if wait:
            for thread in self.threads:
                thread.join()


def _boto() -> Any:
    try:
        import boto3
        import botocore
        from boto3.s3.transfer import TransferConfig  # noqa: F401
    except ImportError:
        raise PublishError(_BOTO_MISSING) from None
    return boto3, botocore


class S3Store:
    sets_headers = True

    def __init__(self, target: S3Target):
        boto3, botocore = _boto()
        from boto3.s3.transfer import TransferConfig
        from botocore.config import Config

        self.target = target
        self.errors = botocore.exceptions
        self.listed: dict[str, int] | None = None  #: every object under the prefix, once ``reconcile`` has listed them
        self.stopping = False  #: an upload was interrupted (Ctrl-C, SIGTERM): the publish is ending
        try:
            session = boto3.session.Session(profile_name=target.profile or None, region_name=target.region or None)
        except self.errors.ProfileNotFound:
            raise PublishError(error("PUB021", "show.yml", f"no AWS profile named {target.profile!r}",
                                     field=f"publish.targets.{target.name}.profile",
                                     hint="add it to ~/.aws/config (aws configure --profile NAME) or remove 'profile'")) from None
        config = Config(retries={"max_attempts": target.retries, "mode": "standard"}, connect_timeout=target.timeout,
                        read_timeout=target.timeout, s3={"addressing_style": target.addressing},
                        user_agent_extra=f"mediafeed/{__version__}", request_checksum_calculation=target.checksums,
                        response_checksum_validation=target.checksums)
        self.client = session.client("s3", endpoint_url=target.endpoint_url or None, config=config)
        self.transfer = TransferConfig(multipart_threshold=target.multipart_threshold, multipart_chunksize=target.multipart_chunk,
                                       max_concurrency=target.concurrency, use_threads=target.concurrency > 1)

    def key(self, rel: str) -> str:
        return self.target.prefix + rel

    # -- errors ----------------------------------------------------------
    def _fail(self, exc: Exception, rel: str, action: str) -> PublishError:
        target = self.target
        field = f"publish.targets.{target.name}"
        where = target.describe()
        if isinstance(exc, (self.errors.NoCredentialsError, self.errors.PartialCredentialsError)):
            return PublishError(error("PUB021", "show.yml", f"no credentials for {where}", field=field,
                                      hint="set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or 'profile:' in the target"))
        code = ""
        if isinstance(exc, self.errors.ClientError):
            code = str(exc.response.get("Error", {}).get("Code", ""))
        if code == "NoSuchBucket":
            return PublishError(error("PUB022", "show.yml", f"bucket {target.bucket!r} does not exist at {where}",
                                      field=f"{field}.bucket", hint="create it first, or correct 'bucket' / 'endpoint_url'"))
        if code in {"RequestTimeTooSkewed", "RequestExpired"}:
            return PublishError(error("PUB020", rel, f"{where} refused to {action} {rel}: {code} (this computer's clock "
                                      "differs from the server's by more than the 15 minutes S3 allows)", field=field,
                                      hint="set the clock right (turn on automatic time / NTP, e.g. 'timedatectl set-ntp true'), "
                                           "then run the same command again; the old feed is still in place"))
        if code in {"InvalidAccessKeyId", "SignatureDoesNotMatch"}:
            return PublishError(error("PUB021", "show.yml", f"{where} refused to {action} {rel}: {code} (the access key "
                                      "or its secret is not valid there)", field=field,
                                      hint="check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE / 'profile:') "
                                           "belong to this store and 'endpoint_url'"))
        if code == "AccessControlListNotSupported":  # acl: set, on a bucket that takes none (the default for new ones)
            return PublishError(error("PUB020", rel, f"{where} refused to {action} {rel}: the bucket does not allow ACLs "
                                      f"('acl: {target.acl}')", field=f"{field}.acl",
                                      hint="remove 'acl:' from the target and make the site public with a bucket policy "
                                           "(new AWS buckets enforce bucket-owner object ownership, which refuses every ACL; "
                                           "R2 has none); the old feed is still in place"))
        if code in {"AccessDenied", "403"}:
            return PublishError(error("PUB021", "show.yml", f"{where} refused to {action} {rel}: {code}", field=field,
                                      hint="check that the credentials in use may write to this bucket (and the region)"))
        reason = code or exc.__class__.__name__
        # (botocore quotes the endpoint, which AWS_ENDPOINT_URL may give with USER:PASSWORD@; a proxy's it masks itself)
        detail = without_credentials(str(exc).split("\n", 1)[0])
        if isinstance(exc, self.errors.ConnectionError):  # no answer at all: the network, a proxy, or the endpoint
            return PublishError(error("PUB020", rel, f"cannot reach {where} to {action} {rel}: {reason} ({detail})",
                                      field=field, hint="check this computer's network connection (and proxy), and that "
                                      "'endpoint_url' (or AWS_ENDPOINT_URL) names the store; nothing more was uploaded, and "
                                      "the feed goes last, so subscribers still see the previous one; run the same command "
                                      "again to finish"))
        return PublishError(error("PUB020", rel, f"cannot {action} on {where}: {reason} ({detail})", field=field,
                                  hint="the feed is uploaded last, so subscribers still see the previous one; "
                                       "run the same command again to finish"))

    def _call(self, rel: str, action: str, func: Any, **kwargs: Any) -> Any:
        try:
            return func(**kwargs)
        except (self.errors.BotoCoreError, self.errors.ClientError) as exc:
            raise self._fail(exc, rel, action) from None

    # -- manifest --------------------------------------------------------
    def read_manifest(self) -> tuple[Manifest | None, list[Problem]]:
        try:
            body = self.client.get_object(Bucket=self.target.bucket, Key=self.key(MANIFEST))["Body"].read()
        except self.errors.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                return None, []
            raise self._fail(exc, MANIFEST, "read") from None
        except self.errors.BotoCoreError as exc:
            raise self._fail(exc, MANIFEST, "read") from None
        return parse(body, self.key(MANIFEST))

    def write_manifest(self, manifest: Manifest) -> None:
        def write() -> None:
            self._call(MANIFEST, "write", self.client.put_object, Bucket=self.target.bucket, Key=self.key(MANIFEST),
                       Body=manifest.to_json(), ContentType="application/json; charset=utf-8", CacheControl="no-store")

        if not self.stopping:
            write()
            return
        # after Ctrl-C: the files that went up, recorded if the store answers within seconds; otherwise the manifest
        # written before the first byte stands (every path of this run in 'writing': the next run checks them)
        run_bounded([write], 1, STOP_GRACE, lambda _: None)

    def listing(self) -> dict[str, int]:
        """Every object under the prefix: site path → size."""
        found: dict[str, int] = {}
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.target.bucket, Prefix=self.target.prefix):
                for obj in page.get("Contents", []):
                    found[obj["Key"][len(self.target.prefix):]] = int(obj["Size"])
        except (self.errors.BotoCoreError, self.errors.ClientError) as exc:
            raise self._fail(exc, self.target.prefix or "/", "list") from None
        return found

    def reconcile(self, local: dict[str, LocalFile], manifest: Manifest | None) -> Manifest:
        listing = self.listed = self.listing()
        known = manifest.files if manifest else {}
        files = {rel: e for rel, e in known.items() if listing.get(rel) == e.size}
        for rel, file in local.items():
            if rel in files or listing.get(rel) != file.size:
                continue
            head = self._call(rel, "inspect", self.client.head_object, Bucket=self.target.bucket, Key=self.key(rel))
            if head.get("Metadata", {}).get("sha256") == file.sha256:
                files[rel] = Entry(file.sha256, file.size, head.get("ContentType", ""), head.get("CacheControl", ""))
        return Manifest(files)

    def read(self, rel: str) -> bytes | None:
        try:
            return bytes(self.client.get_object(Bucket=self.target.bucket, Key=self.key(rel))["Body"].read())
        except self.errors.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                return None
            raise self._fail(exc, rel, "read") from None
        except self.errors.BotoCoreError as exc:
            raise self._fail(exc, rel, "read") from None

    def foreign(self, uploads: list[Upload], manifest: Manifest, found: bool) -> list[str]:
        """On a first publish (no manifest; ``reconcile`` listed the bucket): objects at the site's paths that are
        not the site's files, unless the bucket holds a site of ours whose manifest was lost. (With a manifest,
        objects put beside it by hand are not looked for: that would list the whole bucket on every publish.)"""
        listed = self.listed
        if found or listed is None:
            return []
        clash = [u.rel for u in uploads if not manifest.owns(u.rel) and u.rel in listed]
        if clash and "feed.xml" in listed and b"<generator>mediafeed" in (self.read("feed.xml") or b"")[:65536]:
            return []
        return clash

    def sweep(self, rels: set[str], remove: bool = True) -> list[str]:
        """Abort the unfinished multipart uploads of the site's files under the prefix, which a publish killed
        mid-upload (SIGKILL, a power cut) leaves behind: the store keeps, and bills, their parts until they are
        aborted, and nothing lists them. Only keys of ``rels``; others are left (a lifecycle rule catches them)."""
        aborted = []
        paginator = self.client.get_paginator("list_multipart_uploads")
        try:
            for page in paginator.paginate(Bucket=self.target.bucket, Prefix=self.target.prefix):
                for upload in page.get("Uploads", []):
                    rel = str(upload["Key"])[len(self.target.prefix):]
                    if rel not in rels:
                        continue
                    if remove:  # (a dry run only names them)
                        self.client.abort_multipart_upload(Bucket=self.target.bucket, Key=upload["Key"],
                                                           UploadId=upload["UploadId"])
                    aborted.append(rel)
        except self.errors.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"AccessDenied", "NotImplemented", "403", "501"}:
                return aborted  # a store or a key that may not list them: nothing lost but the old parts' storage
            raise self._fail(exc, self.target.prefix or "/", "list unfinished uploads") from None
        except self.errors.BotoCoreError as exc:
            raise self._fail(exc, self.target.prefix or "/", "list unfinished uploads") from None
        return sorted(aborted)

    # -- transfers -------------------------------------------------------
    def upload(self, uploads: list[Upload], transfer: Transfer) -> None:
        """Each file through s3transfer (parts in parallel), on daemon threads: a Ctrl-C stops the publish at once.
        boto3's own ``upload_file`` waited, on Ctrl-C, for the request in flight to end, which against a store that
        had stalled meant the whole read timeout (59 s of the default 60); the request left behind is cut off when
        the process ends, and the file stays in the manifest's ``writing`` list, checked by content next time."""
        from boto3.s3.transfer import ProgressCallbackInvoker
        from s3transfer.manager import TransferManager

        manager = TransferManager(self.client, self.transfer, executor_cls=DaemonExecutor)
        try:
            for item in uploads:
                self._upload(manager, item, transfer, ProgressCallbackInvoker(transfer.advance))
        except BaseException as exc:
            if not isinstance(exc, Exception):  # Ctrl-C, SIGTERM: no waiting for the request in flight
                self.stopping = True
                raise
            manager.shutdown(cancel=True)
            raise
        manager.shutdown()

    def _upload(self, manager: Any, item: Upload, transfer: Transfer, progress: Any) -> None:
        extra: dict[str, Any] = {"ContentType": item.type, "CacheControl": item.cache, "Metadata": {"sha256": item.sha256}}
        if self.target.acl:
            extra["ACL"] = self.target.acl
        transfer.begin(item)
        try:
            manager.upload(str(item.path), self.target.bucket, self.key(item.rel), extra_args=extra,
                           subscribers=[progress]).result()
        except (self.errors.BotoCoreError, self.errors.ClientError) as exc:
            raise self._fail(exc, item.rel, "upload") from None
        except Exception as exc:  # noqa: BLE001 - s3transfer wraps network errors in its own types
            cause = exc.__cause__ or exc.__context__
            if isinstance(cause, (self.errors.BotoCoreError, self.errors.ClientError)):
                raise self._fail(cause, item.rel, "upload") from None
            if exc.__class__.__module__.startswith(("s3transfer", "boto3")):
                raise self._fail(exc, item.rel, "upload") from None
            raise
        transfer.end(item)

    def delete(self, rels: list[str]) -> None:
        for start in range(0, len(rels), 1000):
            chunk = rels[start:start + 1000]
            answer = self._call(chunk[0], "delete", self.client.delete_objects, Bucket=self.target.bucket,
                                Delete={"Objects": [{"Key": self.key(rel)} for rel in chunk], "Quiet": True})
            failed = answer.get("Errors", [])
            if failed:
                first = failed[0]
                raise PublishError(error("PUB020", str(first.get("Key", "")), f"cannot delete on {self.target.describe()}: "
                                         f"{first.get('Code', '')} {first.get('Message', '')}".strip(),
                                         hint="check the credentials may delete objects; nothing else was affected"))

    # -- CORS ------------------------------------------------------------
    def rule(self) -> dict[str, Any]:
        return {"ID": "mediafeed", "AllowedMethods": ["GET", "HEAD"], "AllowedOrigins": list(self.target.cors_origins),
                "AllowedHeaders": _HEADERS, "ExposeHeaders": _EXPOSE, "MaxAgeSeconds": 86400}

    def instructions(self) -> str:
        endpoint = f" --endpoint-url {self.target.endpoint_url}" if self.target.endpoint_url else ""
        config = json.dumps({"CORSRules": [self.rule()]}, indent=2)
        return (f"Browser players need CORS to read transcripts, chapters and oEmbed JSON. Save this as cors.json:\n{config}\n"
                f"then run: aws s3api put-bucket-cors --bucket {self.target.bucket} --cors-configuration file://cors.json{endpoint}\n"
                "(or set 'cors: apply' on the target and mediafeed adds this rule, keeping any others)")

    def cors(self, mode: str, dry_run: bool) -> Cors:
        if mode == "off":
            return Cors("off")
        try:
            rules = self.client.get_bucket_cors(Bucket=self.target.bucket).get("CORSRules", [])
        except self.errors.ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code == "NoSuchBucket":
                raise self._fail(exc, "", "read CORS") from None
            if code != "NoSuchCORSConfiguration":
                return Cors("unknown", self.instructions())
            rules = []
        except self.errors.BotoCoreError as exc:
            raise self._fail(exc, "", "read CORS") from None
        if _allows(rules, self.target.cors_origins):
            return Cors("ok", rules=rules)
        if mode == "check":
            return Cors("missing", self.instructions(), rules)
        merged = [r for r in rules if r.get("ID") != "mediafeed"] + [self.rule()]
        if dry_run:
            return Cors("would-apply", rules=merged)
        self._call("", "apply CORS", self.client.put_bucket_cors, Bucket=self.target.bucket,
                   CORSConfiguration={"CORSRules": merged})
        return Cors("applied", rules=merged)

    def close(self) -> None:
        self.client.close()


def _allows(rules: list[dict[str, Any]], origins: tuple[str, ...]) -> bool:
    """Whether one rule lets a player on ``origins`` GET with the headers players send (a rule of GET alone,
    or of Range alone, as an older mediafeed applied, answers a preflight for If-None-Match with no CORS headers)."""
    wanted = {h.lower() for h in _HEADERS}
    for rule in rules:
        allowed = set(rule.get("AllowedOrigins", []))
        headers = {h.lower() for h in rule.get("AllowedHeaders", [])}
        if "GET" in rule.get("AllowedMethods", []) and ("*" in allowed or set(origins) <= allowed) \
                and ("*" in headers or wanted <= headers):
            return True
    return False
