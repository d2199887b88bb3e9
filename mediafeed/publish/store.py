"""The interface every target implements, and the error a failed transfer raises."""

from __future__ import annotations

from dataclasses import field
from typing import Protocol

from ..errors import MediafeedError, Problem
from ..records import mutable
from .manifest import Manifest
from .plan import LocalFile, Upload


class PublishError(MediafeedError):
    """The target could not be reached or refused a file; what subscribers see has not changed unless the feed went up."""


class Transfer(Protocol):
    """Progress of the uploads: ``start`` with the total bytes, ``begin`` and ``end`` per file, ``advance`` per chunk (may be called from threads)."""

    def start(self, total: int) -> None: ...

    def begin(self, upload: Upload) -> None: ...

    def advance(self, nbytes: int) -> None: ...

    def end(self, upload: Upload) -> None: ...


@mutable
class Cors:
    """What the target's CORS settings allow, and what to do about it."""

    status: str  #: ok | applied | missing | unknown | not-applicable | would-apply
    instructions: str = ""
    rules: list[dict[str, object]] = field(default_factory=list)


class Store(Protocol):
    #: True when the target stores Content-Type and Cache-Control per file (object storage)
    sets_headers: bool

    def read_manifest(self) -> tuple[Manifest | None, list[Problem]]: ...

    def reconcile(self, local: dict[str, LocalFile], manifest: Manifest | None) -> Manifest:
        """The manifest checked against what is really on the target (files gone or of another size dropped;
        identical files not listed adopted)."""
        ...

    def foreign(self, uploads: list[Upload], manifest: Manifest, found: bool) -> list[str]:
        """Paths among ``uploads`` where the target holds something mediafeed did not put there (not in
        ``manifest``) that this publish would overwrite; ``found``: the target had a manifest."""
        ...

    def read(self, rel: str) -> bytes | None:
        """The bytes of the target's file at ``rel`` (the feed subscribers have), None when there is none."""
        ...

    def sweep(self, rels: set[str], remove: bool = True) -> list[str]:
        """Remove what an earlier publish, killed mid-upload, left on the target (temp files in a folder, unfinished
        multipart uploads of ``rels`` in a bucket); what it removed. Called once, before the first upload; with
        ``remove=False`` (a dry run) it only says what it would remove."""
        ...

    def upload(self, uploads: list[Upload], transfer: Transfer) -> None: ...

    def delete(self, rels: list[str]) -> None: ...

    def write_manifest(self, manifest: Manifest) -> None: ...

    def cors(self, mode: str, dry_run: bool) -> Cors: ...

    def close(self) -> None: ...
