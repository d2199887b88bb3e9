from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..terminal import (
    ProgressBar,
    TransferBar,
    boundary,
    echo,
    file_name,
    human_bytes,
    info,
    interrupted,
    print_json,
    print_problems,
)
from .options import format_option, show_option, verbosity_options, wait_option, waiting_message

if TYPE_CHECKING:
    from .. import publish as publish_lib


@click.command()
@verbosity_options
@click.argument("target", required=False)
@show_option
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The built site to publish (default: public/ in the show folder).")
@click.option("--no-build", is_flag=True, help="Publish the output folder as it is, without building first.")
@click.option("--strict", is_flag=True, help="Treat warnings in the show as errors (nothing is published).")
@click.option("-n", "--dry-run", is_flag=True, help="List every upload, header and deletion; change nothing on the target.")
@click.option("--delete", is_flag=True,
              help="Remove files mediafeed published earlier that the site no longer has (never the media of a published episode).")
@click.option("--verify", is_flag=True, help="Check the target's real contents instead of trusting its manifest.")
@click.option("--no-notify", is_flag=True, help="Do not ping WebSub hubs, Podcast Index or podping.")
@click.option("--accept-changes", is_flag=True,
              help="Publish a deliberate change of a published GUID or enclosure URL (build with --accept-changes, and "
                   "replace a feed on the target that says otherwise).")
@click.option("--overwrite", is_flag=True,
              help="Replace files on the target that mediafeed did not put there (a web root's own index.html, say); "
                   "without it such files stop the publish before anything is uploaded.")
@wait_option
@format_option
@boundary
def publish(target: str | None, show_dir: Path, output: Path | None, no_build: bool, strict: bool, dry_run: bool,
            delete: bool, verify: bool, no_notify: bool, accept_changes: bool, overwrite: bool, wait: float,
            fmt: str) -> None:
    """Build the site and put it on a target from show.yml (S3, R2, B2, MinIO, a folder, rsync).

    Only changed files are uploaded, in an order that keeps subscribers safe:
    media and artwork first, then pages and side files, the feeds last. An
    interrupted publish leaves the old feed in place; run it again to finish.
    Credentials come from the environment or AWS profiles, never show.yml.
    After a publish that changed the feed, the configured WebSub hubs,
    Podcast Index and podping are told.

    \b
    Exit codes: 0 published, 1 the show has errors or the target failed (the old feed is still in
    place), 2 bad publish: settings in show.yml or a bad option, 130 interrupted.

    \b
    Example:
      mediafeed publish --dry-run        # what would change, with headers
      mediafeed publish                  # the default target
      mediafeed publish backup --delete  # another target; prune old files
    """
    from .. import publish as publish_lib

    try:
        with ProgressBar() as progress, TransferBar() as transfer:
            report = publish_lib.publish(show_dir, target, output=output, build=not no_build, strict=strict,
                                         dry_run=dry_run, delete=delete, verify=verify, notify=not no_notify,
                                         overwrite=overwrite, accept_changes=accept_changes, transfer=transfer,
                                         build_progress=progress, wait=wait, waiting=waiting_message)
    except KeyboardInterrupt as exc:
        if dry_run or isinstance(exc, publish_lib.PublishInterrupted) and exc.feed_live:
            raise
        # the new media and pages may be up, the feed is not: a producer must know the run is not finished
        interrupted("The target still has the old feed: run the same 'mediafeed publish' again to finish "
                    "(what went up already is not sent again).")
    if fmt == "json":
        print_json({"ok": True, **report.to_dict()})
        return
    if report.dry_run:
        _print_plan(report)
    else:  # what --delete removed and what it kept, by name (the dry run lists them on stdout)
        for rel in report.deleted:
            info(f"deleted {file_name(rel)}")
        for rel in report.protected:
            info(f"kept    {file_name(rel)}  (media of a published episode)")
    if report.cors.status in {"missing", "unknown"} and report.cors.instructions:
        info(report.cors.instructions)
    if report.problems:
        print_problems(report.problems, err=True)
    for notice in report.notifications:
        if notice.ok:
            info(f"Notified {notice.service} ({notice.url}): {notice.status}")
    verb = "Would upload" if report.dry_run else "Uploaded"
    removed = f", {'would delete' if report.dry_run else 'deleted'} {len(report.deleted)}" if report.deleted or delete else ""
    kept = f", kept {len(report.protected)} published media" if report.protected else ""
    stale = f", {len(report.stale)} no longer in the site (use --delete)" if report.stale else ""
    info(f"{verb} {len(report.uploads)} file(s), {human_bytes(report.bytes)}, to {report.where} "
         f"({report.unchanged} unchanged{removed}{kept}{stale}) in {report.seconds:.2f} s.")


def _print_plan(report: publish_lib.PublishReport) -> None:
    for rel in report.swept:
        echo(f"sweep   {file_name(rel)}  (left by a publish that was killed)")
    for upload in report.uploads:
        echo(f"upload  {file_name(upload.rel)}  {human_bytes(upload.size)}  Content-Type: {upload.type}  Cache-Control: {upload.cache}")
    for rel in report.deleted:
        echo(f"delete  {file_name(rel)}")
    for rel in report.protected:
        echo(f"keep    {file_name(rel)}  (media of a published episode)")
    for rel in report.stale:
        echo(f"stale   {file_name(rel)}  (not in the site; --delete removes it)")
    if report.cors.status == "would-apply":
        echo("cors    apply the mediafeed rule (GET, HEAD from any origin)")
    for service, url in report.planned_notifications:
        echo(f"notify  {service}  {url}")
