"""The recipe: load → probe → check → render → write, returning a report.

``load_project`` (:mod:`project`) gathers everything from disk (show, episodes, probed media: :mod:`probes`)
and every problem; :func:`inspect` makes the items (:mod:`items`) and runs every check; ``render_site``
(:mod:`rendering`) turns a loaded project into output files; ``build`` runs them all, and renders (writing each
file as soon as it is rendered) only when nothing is wrong. The cache (``.mediafeed/``) makes a rebuild with nothing
changed cheap: no re-parsing, no re-probing, no rendering of unchanged notes (:mod:`notestore`),
no rewriting of unchanged files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import __version__, cachefile, checks, fastpath, incremental, output, outputfolder, parallel, showlock, streams, tagging
from . import ledger as ledger_io
from .atomicfiles import sweep_temp_files
from .cache import CACHE_DIR, Cache, is_show
from .dates import source_date
from .errors import InputError, MediafeedError, Problem, has_errors, info
from .items import check_items, make_items
from .model import Episode, Item, Show
from .probes import media_identity
from .project import Progress, Project, load_project
from .records import mutable
from .rendering import render_site
from .site import theme_fingerprint as site_theme_fingerprint
from .source import quoted


@mutable
class BuildReport:
    output: Path
    episodes: int = 0
    drafts: int = 0
    scheduled: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    probed: int = 0
    rendered: int = 0  #: output units rendered (an episode's pages, the indexes, the feeds…)
    kept: int = 0  #: output units kept from the last build without rendering (unchanged inputs)
    seconds: float = 0.0
    ledger_updated: bool = False
    tagged: list[str] = field(default_factory=list)  #: media files tagged (into the published copy) by this build
    #: published.json as this build's feed has it (saved here unless ``record=False``; publish saves it once that feed is live)
    ledger: ledger_io.Ledger | None = None
    #: this build's stamp (:mod:`fastpath`) when ``record=False`` left it unsaved: publish saves it once published.json
    #: records ``ledger``, from when on a ``mediafeed build`` with nothing changed would do nothing
    stamp: fastpath.Pending | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": str(self.output),
            "episodes": self.episodes,
            "drafts": self.drafts,
            "scheduled": self.scheduled,
            "written": self.written,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "probed": self.probed,
            "rendered": self.rendered,
            "kept": self.kept,
            "seconds": round(self.seconds, 3),
            "ledger_updated": self.ledger_updated,
            "tagged": self.tagged,
            "problems": [p.to_dict() for p in self.problems],
            "up_to_date": False,  # (true when nothing changed since the last build: fastpath's report, the same keys)
        }


class BuildFailed(MediafeedError):
    """The show has errors (built with ``strict``, warnings count); nothing was written."""

    def __init__(self, problems: Problem | list[Problem], strict: bool = False):
        super().__init__(problems)
        self.strict = strict  #: the summary line says that --strict made the warnings fail the build

    def __reduce__(self) -> tuple[type, tuple[list[Problem], bool]]:  # type: ignore[override]
        return (type(self), (self.problems, self.strict))


def site_key(project: Project, out_dir: Path) -> str:
    """What every output depends on: version, theme, show.yml, show artwork, output folder (the build date: see rendering.render_site)."""
    show = project.show
    assert show is not None
    try:
        artwork = media_identity(project.root / show.artwork) if show.artwork else ""
    except OSError:
        artwork = ""
    return incremental.digest(__version__, fastpath.code_fingerprint(), site_theme_fingerprint(project.root), project.show_key, artwork,
                              project.artwork_size, out_dir)


def inspect(project: Project, cache: Cache, *, accept_changes: bool = False, select: tuple[str, ...] = (),
            ignore: tuple[str, ...] = (), ledger: tuple[ledger_io.Ledger, list[Problem]] | None = None,
            ) -> tuple[list[Item], list[Problem]]:
    """Every problem of a loaded project (the same checks for ``check`` and ``build``), sorted. ``ledger``:
    ``published.json`` as :func:`ledger_io.load` read it (None: read it here)."""
    problems = list(project.problems)
    show = project.show
    items: list[Item] = []
    if show is not None:
        published, ledger_problems = ledger if ledger is not None else ledger_io.load(project.root)
        if not accept_changes:  # (a GUID an older mediafeed published scrubbed stays published so: LED010)
            problems = _published_guids_kept(project, published, problems)
        # Episodes that failed to load are left out of ``items``; the checks still run on the rest,
        # so one build reports everything. The ledger needs the whole show to compare against.
        source_ok = not has_errors(problems)
        items = make_items(project, cache)
        problems.extend(check_items(project, items, cache))
        problems.extend(checks.run(project, items))
        problems.extend(checks.unrepeated(checks.feed_rules(project, items, cache), problems))
        problems.extend(ledger_problems)
        problems = ledger_io.restore_guid_hints(published, problems, project.episodes)
        problems.extend(file_name_problems(items, published, show, project))  # (here: it needs published.json)
        if source_ok and not accept_changes:
            held = {e.guid: (e, project.status(e)) for e in project.episodes if project.status(e) != "published"}
            problems.extend(ledger_io.compare(published, show, items, held,
                                                ledger_io.artwork_files(project.root, show, items)))
        elif source_ok:  # (what --accept-changes never records: the show's podcast:guid)
            problems.extend(ledger_io.podcast_guid_changed(published, show))
    problems.extend(checks.check_selection(show))
    problems = checks.filter_problems(problems, show, select, ignore)
    return items, sorted(set(problems), key=_problem_order)


def _published_guids_kept(project: Project, published: ledger_io.Ledger, problems: list[Problem]) -> list[Problem]:
    """:func:`ledger_io.keep_published_guids` on the project's episodes: each kept GUID goes into its episode's input
    key too, so that no output kept under the key of its episode.md alone holds the other GUID."""
    episodes, problems, kept = ledger_io.keep_published_guids(published, project.episodes, problems)
    if kept:
        project.episodes = episodes
        for slug, guid in kept.items():
            if slug in project.fingerprints:
                project.fingerprints[slug] = incremental.digest(project.fingerprints[slug], "published guid", guid)
    return problems


def held_files(project: Project) -> list[tuple[Episode, bool]]:
    """The episodes not in the feed (scheduled ones, drafts), each with whether it is a draft: EP013 judges their
    files' names too (``checks.episodes.shared_file_names``)."""
    return [(e, status == "draft") for e in project.episodes if (status := project.status(e)) != "published"]


def build(root: Path, output_dir: Path | None = None, *, clean: bool = False, strict: bool = False,
          accept_changes: bool = False, progress: Progress | None = None, now: datetime | None = None,
          record: bool = True, sweep: fastpath.Sweep | None = None, wait: float = 0.0,
          waiting: Callable[[str], None] | None = None) -> BuildReport:
    """Build the site of the show in ``root``. Raises :class:`BuildFailed` (writing nothing) on errors.

    ``record=False`` (a preview) leaves ``published.json`` alone. ``sweep``: the look at the show that
    :func:`fastpath.check` took before this build, reused for the stamp. One build (or tag run) at a time
    works on a show: this one waits up to ``wait`` seconds for another one at work (``waiting`` is told whom it
    waits for), then stops with OUT005 (:mod:`showlock`).
    """
    started = time.perf_counter()
    root = root.resolve()
    out_dir = (output_dir or root / "public").resolve()
    outputfolder.refuse_unsafe_output(root, out_dir)
    # one set of worker processes serves the build's stages that run on every core (see parallel.shared)
    with showlock.hold(root, "build", wait=wait, waiting=waiting), parallel.shared():
        return _build(root, out_dir, started, clean=clean, strict=strict, accept_changes=accept_changes,
                      progress=progress, now=now, record=record, sweep=sweep)


def _build(root: Path, out_dir: Path, started: float, *, clean: bool, strict: bool, accept_changes: bool,
           progress: Progress | None, now: datetime | None, record: bool, sweep: fastpath.Sweep | None) -> BuildReport:
    cache_path = root / CACHE_DIR / "cache.sqlite"
    # the temp files of a run killed as it put its stamp, a record or published.json in place, once it had said its
    # writing into the site was done (those of a run stopped mid-write are swept with the site's, below)
    sweep_temp_files(root / CACHE_DIR, deep=False)
    sweep_temp_files(root, deep=False, of=(ledger_io.LEDGER_FILE,))
    if clean:  # ignore what the cache says, and start a new one from this build
        cachefile.discard(cache_path)
        shutil.rmtree(root / CACHE_DIR / "jinja", ignore_errors=True)  # compiled templates (jinjaenv.TemplateCache)
    cache = Cache(cache_path if is_show(root) else None)  # (no show here: SRC020, and no .mediafeed/ left)
    try:
        project = load_project(root, cache, progress, now, sweep)
        if project.show is not None and project.show.tag_on_build and parallel.pooled(cache.stats["probed"]):
            # the media just probed on every core (a cold build: all of it) is tagged next, by the workers the feed
            # lint forks: they inherit the tagger (and mutagen), which each imported for itself (~20 ms of CPU each)
            parallel.preload("mediafeed.audio.tagger")
        report = BuildReport(output=out_dir)
        loaded = ledger_io.load(root)  # once: the checks and the recording read the same file
        items, problems = inspect(project, cache, accept_changes=accept_changes, ledger=loaded)
        show = project.show
        ledger = loaded[0]
        if show is not None and not has_errors(problems):  # (--accept-changes: LED004 alone, which it never accepts)
            problems = sorted(set(problems + ledger_io.lost_ledger(root, loaded[0], project, items, out_dir,
                                                                   accepting=accept_changes)), key=_problem_order)
        report.problems = problems
        if show is None:
            raise InputError(report.problems)
        if has_errors(report.problems, strict=strict):
            raise BuildFailed(report.problems, strict)
        report.episodes = len(items)
        report.drafts = sum(1 for e in project.episodes if project.status(e) == "draft")
        report.scheduled = sum(1 for e in project.episodes if project.status(e) == "scheduled")
        previous = outputfolder.read_manifest(root / CACHE_DIR, out_dir)
        # a build stopped mid-write (killed outright: no handler wrote its record) left files of ours, maybe temp files
        stopped = outputfolder.stopped_writing(root / CACHE_DIR, out_dir)
        if not previous and not stopped:  # a first build into this folder: never over another site's files
            outputfolder.refuse_foreign_files(out_dir, [item.episode.slug for item in items])
        if show.tag_on_build:
            lengths = published_lengths(ledger, items, out_dir, previous)
            items, notes, report.tagged, copies = tagging.tag_published(project, items, cache, reuse=not clean,
                                                                        progress=progress, lengths=lengths)
            notes = checks.filter_problems(notes, show, (), ())
            # MED027: a file the checks expected the build to publish fast start, which it could not (the warning
            # says why) is reported once, as that warning
            kept = {p.file for p in notes if p.code == "MED027"}
            report.problems = sorted(set([p for p in report.problems if not (p.code == "MED027" and p.file in kept)] + notes),
                                     key=_problem_order)
            if has_errors(notes, strict=strict):
                cache.commit()  # keep the tagged copies' records: the next build reuses them
                raise BuildFailed(report.problems, strict)
            base = os.path.join(root, "")  # text, not pathlib: this runs for every episode of a rebuild
            for item in items:  # a re-tagged copy (another size in the feed) renews the outputs that show it
                if item.media_file:
                    slug = item.episode.slug
                    copy = copies.get(slug) or tagging.identity(base + item.media_file)  # (as tag_published saw it)
                    project.fingerprints[slug] = incremental.digest(project.fingerprints.get(slug, ""), copy)
        if not accept_changes:
            changed = checks.filter_problems(ledger_io.length_changes(ledger, items), show, (), ())
            report.problems = sorted(set(report.problems + changed), key=_problem_order)
            if has_errors(changed, strict=strict):
                cache.commit()  # keep the tagged copies' records: the next build reuses them
                raise BuildFailed(report.problems, strict)
        build_date = source_date() or (items[0].episode.date if items else datetime(1970, 1, 1, tzinfo=UTC))
        # Without a manifest the output folder is not known to be ours as last built: render everything.
        plan = incremental.Plan(cache, out_dir, site_key(project, out_dir), trust=bool(previous))
        # Every check has run: from here on, each unit's files are written as soon as they are rendered.
        had_output = os.path.exists(out_dir)  # (not Path.exists: a path too long raises there; OUT003 below)
        if stopped:  # (and in the show's cache: a stamp, a manifest or a scaled copy of artwork being written)
            sweep_temp_files(out_dir)
            sweep_temp_files(root / CACHE_DIR)
        outputfolder.begin_writing(root / CACHE_DIR, out_dir)
        writer = output.Writer(out_dir, previous, streams=_streams(cache, out_dir) if previous else None)
        try:
            render_site(project, items, build_date, plan, writer)
        except BaseException:  # the next build must know these files are ours, to remove any it no longer makes
            if not had_output and not writer.paths():
                with contextlib.suppress(OSError):
                    out_dir.rmdir()  # stopped before writing anything (a template error): leave no empty site behind
                    outputfolder.end_writing(root / CACHE_DIR, out_dir)
                raise
            with contextlib.suppress(OSError):
                outputfolder.write_manifest(root / CACHE_DIR, out_dir, previous | writer.paths())
            raise
        written = writer.finish()
        rewritten = set(written.written)
        made = sorted(writer.paths())  # once, for the manifest and the stamp (sorting a sorted list is one pass)
        outputfolder.write_manifest(root / CACHE_DIR, out_dir, made)
        outputfolder.end_writing(root / CACHE_DIR, out_dir)
        plan.record(plan.rendered + plan.kept)
        cache.put(STREAMS, os.fspath(out_dir), "1", {rel: [list(ident), [[key, *span] for key, span in pieces.items()]]
                                                      for rel, (ident, pieces) in sorted(writer.stream_records().items())})
        report.rendered, report.kept = len(plan.rendered), len(plan.kept)
        report.written, report.unchanged, report.removed = written.written, written.unchanged, written.removed
        report.ledger = ledger_io.record(ledger, show, items, replace=accept_changes,
                                         artwork=ledger_io.artwork_files(project.root, show, items))
        if accept_changes:  # say what was recorded as withdrawn (LED005 is not repeated for it from now on)
            report.problems = sorted(set(report.problems + _withdrawals(ledger, report.ledger) + _moves(ledger, report.ledger)),
                                     key=_problem_order)
        # EP013 as published.json is once this build is recorded: the stamp's report is replayed (fastpath), and a
        # stamp is saved only once published.json records this build, here or by publish when its feed is live (a
        # publish's build records nothing itself); a preview (serve) saves no stamp and records nothing, so its
        # episodes can still be renamed
        recorded = report.problems if report.ledger == ledger else \
            _shared_names_as_recorded(report.problems, project, items, report.ledger, show)
        if record:
            report.problems = recorded
            report.ledger_updated = ledger_io.save(root, report.ledger, loaded=ledger)
        cache.commit()
        report.probed = cache.stats["probed"]
        report.seconds = time.perf_counter() - started
        scheduled = [e.date for e in project.episodes if project.status(e) == "scheduled"]
        # No stamp for --accept-changes: its report is not a plain build's (it compares nothing with published.json,
        # and names the withdrawals it records), and the stamp is replayed by a plain 'mediafeed build' (its options
        # are not in the digest); a plain build after it runs, and reports as a clean build does
        stamp = None
        if not accept_changes:
            stamped = report.to_dict()
            if recorded is not report.problems:  # (a publish's build: see above)
                stamped["problems"] = [p.to_dict() for p in recorded]
            stamp = fastpath.prepare(root, out_dir, strict, made, stamped, extra=[show.artwork] if show.artwork else [],
                                     valid_until=min(scheduled, default=None), sweep=sweep,
                                     known={**{rel: seen for rel, seen in plan.seen.items() if rel not in rewritten},
                                            **writer.written_as})
        if record and stamp is not None:
            stamp.save()
        else:  # true once published.json records this build's feed: publish saves it then (see publish.run)
            report.stamp = stamp
        return report
    finally:
        streams.settle()  # (a replaced feed freed in the background: done before the build returns, or forks again)
        cache.close()


def _moves(before: ledger_io.Ledger, after: ledger_io.Ledger) -> list[Problem]:
    """LED008 and LED002 (infos), in the report of a build with ``--accept-changes``: the feed's move and the enclosure
    URLs it records. The build that recorded a new domain said nothing of it, and the errors that had said what the
    subscribers' apps still ask for (the old addresses: keep them answering) were gone with it."""
    found = []
    if before.feed_url and after.feed_url and before.feed_url != after.feed_url:
        found.append(info("LED008", ledger_io.LEDGER_FILE, f"the feed's move from {before.feed_url} to {after.feed_url} "
                          "recorded", field="feed_url",
                          hint=f"subscribers' apps still poll {before.feed_url}: keep it answering with a 301 redirect "
                               f"to {after.feed_url} for good (or a last feed there with 'new_feed_url: "
                               f"{after.feed_url}'); apps that follow it then ask the new address"))
    moved = sorted((str(record.get("slug", "")), str(before.episodes[guid].get("enclosure")))
                   for guid, record in after.episodes.items()
                   if guid in before.episodes and before.episodes[guid].get("enclosure") != record.get("enclosure"))
    if moved:
        slugs = tuple(slug for slug, _ in moved)
        named = ", ".join(slugs[:3]) + (f" and {len(slugs) - 3} more" if len(slugs) > 3 else "")
        found.append(info("LED002", ledger_io.LEDGER_FILE, f"the new enclosure URL of {len(moved)} published episode(s) "
                          f"recorded: {named}", field="enclosure", episode=slugs[0] if len(slugs) == 1 else "",
                          episodes=slugs if len(slugs) > 1 else (),
                          hint=f"apps with a download queued still fetch the old address ({moved[0][1]}"
                               f"{', …' if len(moved) > 1 else ''}): keep the old files answering there, or 301-"
                               "redirect each to its new address"))
    return found


def _withdrawals(before: ledger_io.Ledger, after: ledger_io.Ledger) -> list[Problem]:
    """LED005 (info), in the report of a build with ``--accept-changes``: each published episode it records as
    withdrawn, so that an episode that left the feed by mistake is seen once more before its warning stops."""
    was = set(ledger_io.withdrawn(before))
    return [info("LED005", ledger_io.LEDGER_FILE, f"published episode {quoted(guid, 200)} recorded as withdrawn: it is no longer "
                 "in the feed, and no longer warned about", field="guid", episode=slug,
                 hint="its GUID stays recorded; to bring it back, restore its folder (or take out 'draft: true', or "
                      "correct 'date:') with that GUID")
            for slug, guid in ledger_io.withdrawn(after) if (slug, guid) not in was]


def _shared_names_as_recorded(problems: list[Problem], project: Project, items: list[Item], ledger: ledger_io.Ledger,
                              show: Show) -> list[Problem]:
    """``problems`` with EP013 judged against the ledger this build recorded: :func:`inspect` judged it against
    published.json before the build, so the build that published two ``final.mp3`` told to rename them (its report
    is kept in the stamp and replayed by every rebuild with nothing changed, where ``check`` says to keep them)."""
    now = checks.filter_problems(file_name_problems(items, ledger, show, project), show, (), ())
    return sorted(set([p for p in problems if p.code not in FILE_NAME_CODES] + now), key=_problem_order)


#: the codes of :func:`file_name_problems`, judged against what published.json records
FILE_NAME_CODES = ("EP013", "EP014")


def file_name_problems(items: list[Item], ledger: ledger_io.Ledger, show: Show, project: Project) -> list[Problem]:
    """EP013 (media files of two episodes share a name) and EP014 (a name the URL percent-encodes) for the files not
    published yet, as ``ledger`` (published.json) records what is."""
    from .checks.episodes import encoded_file_names, shared_file_names

    published, held = set(ledger_io.published_urls(ledger)), held_files(project)
    return shared_file_names(items, published, show, held) + encoded_file_names(items, published, show, held)


#: the cache table of the streamed files' records (``output.Writer.pieces``), one row per output folder
STREAMS = "stream"


def _streams(cache: Cache, out_dir: Path) -> dict[str, streams.StreamRecord]:
    """The records of the files the last build streamed into ``out_dir`` (the feeds); a malformed row is
    worth nothing (each record is checked against its file before use, see ``output.Writer.pieces``)."""
    row = cache.get(STREAMS, os.fspath(out_dir), "1")
    records: dict[str, streams.StreamRecord] = {}
    if type(row) is not dict:
        return records
    for rel, record in row.items():
        try:
            (ino, size, mtime, ctime), pieces = record
            spans = {key: (offset, length) for key, offset, length in pieces}
        except (TypeError, ValueError):
            continue
        if all(type(n) is int for n in (ino, size, mtime, ctime)) and _laid_out(spans, size):
            records[rel] = ((ino, size, mtime, ctime), spans)
    return records


def _laid_out(spans: dict[str, tuple[int, int]], size: int) -> bool:
    """Whether ``spans`` (key → offset, length) can be the pieces of a file of ``size`` bytes: one after
    another, none overlapping another or past the end."""
    if not all(type(key) is str and type(offset) is int and type(length) is int for key, (offset, length) in spans.items()):
        return False
    end = 0
    for offset, length in sorted(spans.values()):
        if offset < end or length < 0:
            return False
        end = offset + length
    return end <= size


def published_lengths(ledger: ledger_io.Ledger, items: list[Item], out_dir: Path, previous: set[str]) -> dict[str, int]:
    """Slug → the size each episode's file was published with: from ``published.json``, else (a ledger from
    before it recorded lengths) the file the last build wrote into the output folder."""
    lengths = {}
    for item in items:
        length = ledger_io.published_length(ledger, item)
        if length is None and item.enclosure_path in previous:
            try:
                length = (out_dir / item.enclosure_path).stat().st_size
            except OSError:
                length = None
        if length is not None:
            lengths[item.episode.slug] = length
    return lengths


def _problem_order(problem: Problem) -> tuple[int, str, str, str]:
    return (-problem.severity.rank, problem.file, problem.field, problem.code)
