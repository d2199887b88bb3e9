"""The recipe: read the config → build → scan → compare with the target → upload in safe order → notify.

``publish`` builds the site first (the same checks and incremental build as
``mediafeed build``; nothing goes up when the show has errors), unless
``build=False`` publishes an output folder built earlier. Then it reads the
target's manifest, uploads only what changed (media, artwork, pages, feeds,
in that order), records each phase in the manifest so an interrupted publish
resumes, records the episodes in ``published.json`` once the feed naming them
is live, deletes (only with ``delete=True``, never the media of a published
episode) and finally tells the apps.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shlex
import time
from collections.abc import Callable
from dataclasses import field
from datetime import datetime
from pathlib import Path

import requests

from .. import build as build_lib
from .. import fastpath
from .. import ledger as ledger_io
from ..cache import CACHE_DIR
from ..config import SHOW_FILE, load_show
from ..episodes import EPISODES_DIR
from ..errors import InputError, MediafeedError, Problem, error, has_errors, warning
from ..model import Show
from ..records import mutable
from . import config as config_io
from . import notify as notify_io
from .manifest import Manifest
from .plan import HASH_CACHE, PHASES, LocalFile, Plan, Upload, is_protected, make_plan, published_media, scan
from .store import Cors, PublishError, Store, Transfer


class NoTransfer:
    def start(self, total: int) -> None:
        return None

    def begin(self, upload: Upload) -> None:
        return None

    def advance(self, nbytes: int) -> None:
        return None

    def end(self, upload: Upload) -> None:
        return None


@mutable
class PublishReport:
    target: str
    where: str
    output: Path
    dry_run: bool = False
    uploads: list[Upload] = field(default_factory=list)  #: planned (dry run) or done, in order
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    protected: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    cors: Cors = field(default_factory=lambda: Cors("off"))
    notifications: list[notify_io.Notice] = field(default_factory=list)
    planned_notifications: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    swept: list[str] = field(default_factory=list)  #: leftovers of a killed publish removed from the target
    built: bool = False
    ledger_updated: bool = False  #: published.json recorded episodes that went out with this publish's feed
    seconds: float = 0.0

    @property
    def bytes(self) -> int:
        return sum(u.size for u in self.uploads)

    def to_dict(self) -> dict[str, object]:
        return {
            "target": self.target,
            "where": self.where,
            "output": str(self.output),
            "dry_run": self.dry_run,
            "uploads": [{"path": u.rel, "size": u.size, "phase": u.phase, "content_type": u.type, "cache_control": u.cache,
                         "replaces": u.replaces} for u in self.uploads],
            "bytes": self.bytes,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "protected": self.protected,
            "stale": self.stale,
            "cors": {"status": self.cors.status, "instructions": self.cors.instructions},
            "notifications": [n.to_dict() for n in self.notifications] if not self.dry_run else
            [{"service": s, "url": u} for s, u in self.planned_notifications],
            "swept": self.swept,
            "built": self.built,
            "ledger_updated": self.ledger_updated,
            "seconds": round(self.seconds, 3),
            "problems": [p.to_dict() for p in self.problems],
        }


class _Recorder:
    """Forwards progress and remembers which uploads finished, in order."""

    def __init__(self, transfer: Transfer):
        self.transfer = transfer
        self.done: list[Upload] = []
        self.begun: set[str] = set()

    def start(self, total: int) -> None:
        self.transfer.start(total)

    def begin(self, upload: Upload) -> None:
        self.begun.add(upload.rel)
        self.transfer.begin(upload)

    def advance(self, nbytes: int) -> None:
        self.transfer.advance(nbytes)

    def end(self, upload: Upload) -> None:
        self.done.append(upload)
        self.transfer.end(upload)


def load_config(root: Path) -> tuple[Show, config_io.PublishConfig]:
    """The show and its publish config; raises with every problem when either is unusable."""
    show, problems = load_show(root)
    if show is None:
        raise InputError(problems)
    if not show.publish:
        raise InputError(error("PUB001", SHOW_FILE, "no publish targets configured", field="publish",
                               hint="add e.g. 'publish: {targets: {web: {type: directory, path: /var/www/podcast}}}' for a web server's "
                               "folder, or {type: s3, bucket: NAME} (see docs/publish.md)"))
    config, config_problems = config_io.parse(show.publish, root)
    if has_errors(config_problems):
        raise InputError(config_problems)
    return show, config


def choose(config: config_io.PublishConfig, name: str | None) -> config_io.Target:
    names = ", ".join(sorted(config.targets))
    if name:
        if name not in config.targets:
            raise InputError(error("PUB002", SHOW_FILE, f"no publish target named {name!r}", field="publish.targets",
                                   hint=f"use one of: {names}"))
        return config.targets[name]
    if config.default:
        return config.targets[config.default]
    if len(config.targets) == 1:
        return next(iter(config.targets.values()))
    raise InputError(error("PUB003", SHOW_FILE, f"several publish targets ({names}) and no default", field="publish.target",
                           hint="name one: 'mediafeed publish TARGET', or set 'publish.target: NAME'"))


def open_store(target: config_io.Target) -> Store:
    if isinstance(target, config_io.S3Target):
        from .s3 import S3Store

        return S3Store(target)
    from .directory import DirectoryStore
    from .rsync import RsyncStore

    if isinstance(target, config_io.DirectoryTarget):
        return DirectoryStore(target)
    return RsyncStore(target)


def _refuse_overlap(target: config_io.Target, root: Path, out: Path) -> None:
    path = target.path if isinstance(target, config_io.DirectoryTarget) else \
        Path(target.destination) if isinstance(target, config_io.RsyncTarget) and target.destination.startswith("/") else None
    if path is None:
        return
    path = path.resolve()
    if path == out or out in path.parents or path in out.parents or path == root or root in path.parents:
        raise InputError(error("PUB006", SHOW_FILE, f"the target {path} overlaps the show folder or the built site",
                               field=f"publish.targets.{target.name}", hint="publish to a folder outside the show, e.g. /var/www/podcast"))


class PublishInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM once the new feed was on the target (``feed_live``): the run stopped in what follows it
    (files after the feed, deletions, notifications). Any other interruption of a publish is a KeyboardInterrupt, and
    the target still has the old feed."""

    def __init__(self, feed_live: bool):
        super().__init__()
        self.feed_live = feed_live


def publish(root: Path, target_name: str | None = None, *, output: Path | None = None, build: bool = True, strict: bool = False,
            dry_run: bool = False, delete: bool = False, verify: bool = False, notify: bool = True, overwrite: bool = False,
            accept_changes: bool = False,
            transfer: Transfer | None = None, build_progress: build_lib.Progress | None = None,
            session: requests.Session | None = None, now: datetime | None = None, wait: float = 0.0,
            waiting: Callable[[str], None] | None = None) -> PublishReport:
    """Publish the show in ``root`` to a target from ``show.yml: publish``. Raises :class:`PublishError` on failure.

    ``overwrite``: replace files on the target that mediafeed did not put there (else PUB007, before any upload).
    ``accept_changes``: build with ``--accept-changes`` and publish a feed that changes a GUID, an enclosure URL or
    the podcast:guid of the feed on the target (else LED001, LED002, LED004, before any upload). ``wait``, ``waiting``:
    as :func:`build_lib.build`'s, for a build while another run holds the show (a ``serve`` rebuild: it stopped at once
    with OUT005, whose hint named a ``--wait`` that publish did not have)."""
    started = time.perf_counter()
    root = root.resolve()
    show, config = load_config(root)
    target = choose(config, target_name)
    out = (output or root / "public").resolve()
    _refuse_overlap(target, root, out)
    if isinstance(target, (config_io.DirectoryTarget, config_io.RsyncTarget)):
        from .directory import require_folder

        require_folder(target)  # before building, which a missing folder would make a wait for nothing
    report = PublishReport(target=target.name, where=target.describe(), output=out, dry_run=dry_run)
    live: ledger_io.Ledger | None = None  # what published.json records once the new feed is live
    stamp: fastpath.Pending | None = None  # the build's, saved once published.json records what the build would
    if build:
        # published.json says what subscribers have seen: it is written once the feed naming the episodes is on the
        # target (_execute), not by the build (a publish that failed before the feed recorded episodes no one saw)
        sweep = fastpath.Sweep(root)
        # Nothing changed since a build whose stamp was saved (saved only once published.json records what that build
        # would: by 'mediafeed build', or by a publish once its feed was live): the site in ``out`` is what a build
        # would make, and published.json what it would record, so there is nothing to build (as 'mediafeed build'
        # answers; it took ~90 ms of a no-change publish of the 6-episode sample show, reading every episode)
        same = None if accept_changes else fastpath.check(root, out, strict, now, sweep=sweep)
        # the build's hints name the command the producer ran ('mediafeed publish web --accept-changes'), not a build
        accept = " ".join(["mediafeed publish", *([shlex.quote(target_name)] if target_name else []), "--accept-changes"])
        if same is not None:
            report.problems.extend(ledger_io.for_command(map(Problem.from_dict, same["problems"]), accept))
        else:
            sweep.tree()  # the episodes and templates looked at before the build reads them, for its stamp (_record)
            try:
                built = build_lib.build(root, out, strict=strict, accept_changes=accept_changes, progress=build_progress,
                                        now=now, record=False, sweep=sweep, wait=wait, waiting=waiting)
            except MediafeedError as exc:
                exc.problems = ledger_io.for_command(exc.problems, accept)
                raise
            report.problems.extend(ledger_io.for_command(built.problems, accept))  # infos too, as 'build' lists them (LED005)
            live = None if dry_run else built.ledger
            stamp = built.stamp
        report.built = True
    elif not (out / "feed.xml").is_file():
        raise InputError(error("PUB010", str(out), "no built site here (feed.xml is missing)",
                               hint="run 'mediafeed build' first, or leave out --no-build"))
    local = scan(out, root / CACHE_DIR / HASH_CACHE)
    store = open_store(target)
    try:
        remote, found = store.read_manifest()
        report.problems.extend(found)
        had_manifest = remote is not None
        rebuilt = remote is None or verify
        if rebuilt:
            remote = Manifest(store.reconcile(local, remote).files, remote.writing if remote else set())
        assert remote is not None
        if remote.writing:  # after a publish that was stopped: the target says which of its files went up whole
            remote, rebuilt = _recheck(store, local, remote), True
        ledger, unread = ledger_io.load(root)
        if has_errors(unread):  # (an unreadable record protected no media from --delete: --no-build skips the build's check)
            raise PublishError(unread)
        enclosures = published_media([str(e.get("enclosure", "")) for e in ledger.episodes.values()])
        kept = published_media(ledger_io.published_urls(ledger))  # enclosures, alternate files, URLs moved from
        plan = make_plan(local, remote, config.cache, sets_headers=store.sets_headers, delete=delete, enclosure_paths=kept)
        report.unchanged, report.protected, report.stale = len(plan.unchanged), plan.protected, plan.stale
        if not overwrite:
            _refuse_foreign(store.foreign(plan.uploads, remote, found=had_manifest), target)
        if any(u.rel == "feed.xml" for u in plan.uploads):  # (--accept-changes: LED004 alone, which it never accepts)
            _refuse_changes_to_subscribers(store.read("feed.xml"), out / "feed.xml", target, ledger,
                                           accepting=accept_changes)
        report.problems.extend(_warnings(plan, target, enclosures))
        report.cors = store.cors(getattr(target, "cors", "off"), dry_run)
        if report.cors.status in {"missing", "unknown"}:
            report.problems.append(warning("PUB031", SHOW_FILE, f"CORS on {target.describe()} does not let browser players "
                                           "read transcripts and chapters" if report.cors.status == "missing" else
                                           f"cannot read the CORS settings of {target.describe()}",
                                           field=f"publish.targets.{target.name}.cors",
                                           hint="set 'cors: apply', or apply the rule printed with --format json / docs/publish.md"))
        feed_changes = any(u.phase == "feeds" for u in plan.uploads)
        report.planned_notifications = notify_io.planned(config.notify) if notify and feed_changes else []
        if dry_run:
            report.uploads, report.deleted = plan.uploads, plan.deletions
            report.swept = store.sweep(_ours(plan, remote), remove=False)  # what the real run would remove first
            if stamp is not None and built.ledger == ledger and (root / ledger_io.LEDGER_FILE).exists():
                stamp.save()  # published.json already records this build: 'mediafeed build' would do nothing more
            return _finish(report, started)

        def feed_live() -> None:
            went_live.append(True)  # (first: the feed is on the target when this is called)
            _record(root, live, ledger, report, stamp)

        went_live: list[bool] = []
        try:
            _execute(store, plan, remote, rebuilt, report, transfer or NoTransfer(), feed_live)
        except KeyboardInterrupt as exc:
            if went_live:
                raise PublishInterrupted(feed_live=True) from exc
            raise
    finally:
        store.close()
    if report.planned_notifications:
        try:
            report.notifications = notify_io.send(config.notify, show.feed_url, show.medium, session)
        except KeyboardInterrupt as exc:
            raise PublishInterrupted(feed_live=True) from exc
        for notice in report.notifications:
            if not notice.ok:
                report.problems.append(warning("PUB040", notice.url, f"{notice.service} notification failed: "
                                               f"{notice.status} {notice.message}" if notice.status else notice.message,
                                               field="publish.notify",
                                               hint="the publish is complete; apps will see the new feed at their next check"))
    return _finish(report, started)


def _recheck(store: Store, local: dict[str, LocalFile], manifest: Manifest) -> Manifest:
    """The paths a stopped publish was writing, checked on the target by content (SHA-256 of the file, an object's
    x-amz-meta-sha256, rsync's checksums), never trusted from the manifest: each may hold the old file, the new one or
    nothing. Those holding the site's very file are recorded as such (not sent again); the others stay ``writing``
    (sent again, and never taken for someone else's)."""
    doubt = {rel: local[rel] for rel in sorted(manifest.writing) if rel in local}
    found = store.reconcile(doubt, None).files if doubt else {}
    same = {rel: entry for rel, entry in found.items() if rel in doubt and entry.sha256 == doubt[rel].sha256}
    return Manifest({**manifest.files, **same}, manifest.writing - set(same))


def _ours(plan: Plan, remote: Manifest) -> set[str]:
    """The paths whose leftovers (an unfinished multipart upload) ``sweep`` may remove: the site's and mediafeed's."""
    return {u.rel for u in plan.uploads} | set(remote.files) | remote.writing


def _record(root: Path, live: ledger_io.Ledger | None, loaded: ledger_io.Ledger, report: PublishReport,
            stamp: fastpath.Pending | None) -> None:
    """published.json records the episodes of the feed now live; then the build's stamp is true (published.json
    holds what ``mediafeed build`` would write into it), and saved: the next build with nothing changed does nothing."""
    if live is not None:
        report.ledger_updated = ledger_io.save(root, live, loaded=loaded) or report.ledger_updated
        if stamp is not None:
            stamp.save(rewritten=ledger_io.LEDGER_FILE)


def _execute(store: Store, plan: Plan, remote: Manifest, rebuilt: bool, report: PublishReport, transfer: Transfer,
             feed_live: Callable[[], None]) -> None:
    """Upload the plan phase by phase, recording each in the target's manifest; ``feed_live`` is called once the new
    feed.xml is on the target (or was already: unchanged), before anything else can fail."""
    files, writing = dict(remote.files), set(remote.writing)
    recorder = _Recorder(transfer)
    recorder.start(plan.bytes)
    # what a publish killed mid-upload left (temp files, unfinished multipart uploads), even when nothing is new
    report.swept = store.sweep(_ours(plan, remote))
    feed = next((u for u in plan.uploads if u.rel == "feed.xml"), None)
    added = {u.rel for u in plan.uploads} - writing
    try:
        if plan.uploads:
            # before the first byte: the paths about to be written are mediafeed's, even if it is then killed outright
            # (no handler runs to record what went up; the next run would take them for someone else's, PUB007)
            writing |= added
            store.write_manifest(Manifest(files, set(writing)))
        if feed is None:
            feed_live()  # the feed on the target is already this one
        for name in PHASES:
            batch = plan.phase(name)
            if not batch:
                continue
            store.upload(batch, recorder)
            if feed in batch:
                feed_live()
            files.update({u.rel: u.entry() for u in batch})
            writing -= {u.rel for u in batch}
            store.write_manifest(Manifest(files, set(writing)))
        if plan.deletions:
            store.delete(plan.deletions)
            for rel in plan.deletions:
                files.pop(rel, None)
                writing.discard(rel)
            store.write_manifest(Manifest(files, set(writing)))
            report.deleted = list(plan.deletions)
        elif rebuilt and not plan.uploads:
            store.write_manifest(Manifest(files, set(writing)))
    except BaseException:
        if feed is not None and feed in recorder.done:
            with contextlib.suppress(OSError):  # the feed went up before the failure: it is live all the same
                feed_live()
        # record the files that did go up before the failure or Ctrl-C, so the next run skips them
        finished = {u.rel: u.entry() for u in recorder.done if files.get(u.rel) != u.entry()}
        # what this run never began is as it was; the file it was sending when it failed stays in doubt
        untouched = added - recorder.begun
        if finished or untouched & writing:
            files.update(finished)
            with contextlib.suppress(Exception):
                store.write_manifest(Manifest(files, writing - set(finished) - untouched))
        raise
    finally:
        report.uploads = list(recorder.done)


def _refuse_foreign(clash: list[str], target: config_io.Target) -> None:
    """PUB007, before anything is uploaded: the target holds files of someone else's at the site's paths."""
    if not clash:
        return
    clash = sorted(clash)
    shown = ", ".join(clash[:5]) + (f" and {len(clash) - 5} more" if len(clash) > 5 else "")
    raise PublishError(error("PUB007", target.describe(), f"the target holds files mediafeed did not put there, which this "
                             f"publish would overwrite: {shown}", field=f"publish.targets.{target.name}",
                             hint="move them away (or publish to a folder of the site's own), or run 'mediafeed publish "
                                  "--overwrite' to replace them; nothing was uploaded"))


#: what the feed on the target (the one subscribers have) must not see changed without --accept-changes (not LED003, a
#: new length at the same URL: new tags that outgrew the file's padding do that too, which the build allows, LED007)
_SUBSCRIBERS = ("LED001", "LED002", "LED004")


def _refuse_changes_to_subscribers(live: bytes | None, built: Path, target: config_io.Target,
                                   ledger: ledger_io.Ledger, *, accepting: bool = False) -> None:
    """LED001, LED002, LED004, before anything is uploaded, when the new feed changes what the feed on the target promised
    subscribers. The build's own check (published.json) misses it when that file is lost or from another copy of the
    show (not committed, a new laptop, a CI clone): it then records the new GUIDs as if they had always been. An
    enclosure move that published.json records (``moved_from``: only 'mediafeed build --accept-changes' writes it) was
    accepted already: after that build, the publish said "published.json did not stop it (lost, or from another copy of
    the show?)" and asked for --accept-changes a second time. ``accepting`` (``--accept-changes``): LED004 alone, which
    it does not accept (``ledger.podcast_guid_changed``); it was not compared then, and its hint asked for
    --accept-changes: a new laptop's build of a moved show published a new podcast:guid."""
    if not live or b"<generator>mediafeed" not in live[:65536]:
        return  # no feed there yet, or not ours (PUB007 has spoken)
    from ..checks.feedxml import parse, text
    from ..checks.history import compare, entries

    try:
        old, _ = parse(live, "feed.xml")
        new, _ = parse(built.read_bytes(), "feed.xml")
    except (InputError, OSError):
        return
    if old is None or new is None:
        return
    accepted = {e.guid for e in entries(old)
                if e.guid and e.url in (ledger.episodes.get(e.guid) or {}).get("moved_from", ())}  # type: ignore[operator]
    found = [p for p in compare(old, new) if p.code in (("LED004",) if accepting else _SUBSCRIBERS)
             and not (p.code == "LED002" and set(p.episodes or (p.episode,)) <= accepted)]
    if found:
        hint = (f"the feed on {target.describe()} (what subscribers have) says otherwise, and published.json did not stop it (lost, or "
                "from another copy of the show?): restore the old value, or publish with --accept-changes if this is "
                "deliberate; nothing was uploaded")
        guid_hint = (f"the feed on {target.describe()} (what subscribers have) has the show's podcast:guid, and published.json "
                     f"did not stop it (lost, or from another copy of the show?): set 'podcast_guid: "
                     f"{text(old, old.channel, 'podcast:guid')}' in {SHOW_FILE} (keep it when the feed moves: the Podcast "
                     "Index knows the show by it; --accept-changes does not change it); nothing was uploaded")
        # the feed just built went to nobody: with published.json missing, the next build took it for the one the
        # last build wrote (ledger.lost_ledger), and the old value restored, as the hint says, was "changed" back
        built.unlink(missing_ok=True)
        raise PublishError([dataclasses.replace(p, file="feed.xml", hint=guid_hint if p.code == "LED004" else hint)
                            for p in found])


#: episodes named in the message of one PUB030 for many re-tagged files (all of them are in its ``episodes``)
_NAMED = 3
_RETAG_HINT = ("keep {its} name{s} (a new one changes the published URL, LED002); apps keep the copy they downloaded, and a "
               "CDN may serve the old tags until you purge {this}")


def _warnings(plan: Plan, target: config_io.Target, enclosures: set[str]) -> list[Problem]:
    found, retagged = [], []
    for upload in plan.uploads:
        if upload.replaces and upload.phase == "media":
            # the episode whose folder it is: listed under it, not under "show:" (as the build's own problems are)
            parts = upload.rel.split("/")
            slug = parts[1] if len(parts) > 2 and parts[0] == EPISODES_DIR else ""
            if is_protected(upload.rel, enclosures):
                # an episode's own file: the build refused a re-cut (LED003), so only its tags changed (title, notes…)
                retagged.append(warning("PUB030", upload.rel, "the tags of a published media file changed (same audio, same URL)",
                                        episode=slug, hint=_RETAG_HINT.format(its="its", s="", this="this URL")))
                continue
            found.append(warning("PUB030", upload.rel, "replaces a different media file at a published URL", episode=slug,
                                 hint="apps and CDNs cache media by URL for up to a year (immutable); give a changed file a new "
                                      "name, or purge it from the CDN"))
    return _retagged(retagged) + found


def _retagged(warned: list[Problem]) -> list[Problem]:
    """One PUB030 for many files re-tagged at once: a new show artwork (embedded in every episode without its own) or
    a new show title or author re-tags every published file, and a show of 300 episodes got 300 lines saying the same,
    none saying why."""
    if len(warned) < 2:
        return warned
    slugs = tuple(sorted({p.episode for p in warned if p.episode}))
    named = ", ".join(slugs[:_NAMED]) + (f" and {len(slugs) - _NAMED} more" if len(slugs) > _NAMED else "")
    return [warning("PUB030", EPISODES_DIR, f"the tags of {len(warned)} published media files changed (same audio, same "
                    f"URLs), so they are uploaded again: {named}", episodes=slugs,
                    hint="what the tags carry changed: the show's artwork (embedded in every episode without its own), "
                         "the show's title or author, or the episodes' titles, numbers or summaries; "
                         + _RETAG_HINT.format(its="their", s="s", this="these URLs")
                         + " ('--format json' lists every episode)")]


def _finish(report: PublishReport, started: float) -> PublishReport:
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["PublishError", "PublishReport", "choose", "load_config", "publish"]
