from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError, Problem, Severity, error, has_errors
from ..terminal import boundary, echo, info, print_json_line, print_problems, settings
from .options import format_option, show_option, verbosity_options, waiting_message

if TYPE_CHECKING:
    from ..build import BuildReport


@click.command()
@verbosity_options
@show_option
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--no-watch", is_flag=True, help="Build once; do not rebuild when sources change.")
@click.option("--interval", type=click.FloatRange(0.1, 60), default=1.0, show_default=True,
              help="Seconds between checks for changed sources.")
@format_option
@boundary
def serve(show_dir: Path, port: int, no_watch: bool, interval: float, fmt: str) -> None:
    """Build the site and serve it on 127.0.0.1 for a preview; rebuild on changes.

    The site is built into .mediafeed/preview/ (published.json is not touched)
    and served like a podcast host: HEAD, Range requests (206 with
    Content-Range, If-Range), ETag and 304 for an unchanged file, podcast
    content types and CORS, so players, transcripts and chapters work. Text files are served with the show's public address
    (url, media_url) replaced by the preview's, so players and embeds play
    the preview's files. Only 127.0.0.1 is bound. Stop it with Ctrl-C.

    With --format json, one line of JSON on stdout once the site is served
    ({"ok": true, "url", "port", "output", "episodes", "problems"}: the first
    build's), or {"ok": false, "problems": [...]} when nothing is served; the
    rebuilds' reports go to stderr as text.

    \b
    Exit codes: 0 stopped with Ctrl-C (or SIGTERM) once serving, 1 the first build failed, 2 no show here or
    the port is taken, 130 interrupted during the first build (nothing half-written).

    \b
    Example:
      mediafeed serve                 # then open http://127.0.0.1:8000/
      mediafeed serve --port 0 -q     # any free port; print only the address
      mediafeed serve --port 0 --format json | jq -r --unbuffered .url
    """
    from ..preview import PREVIEW_DIR, Preview, Watcher, make_server

    root = show_dir.resolve()
    out = root / PREVIEW_DIR

    first: list[Problem] = []  # --format json: the first build's problems and report, for its line of JSON
    built: list[BuildReport] = []
    serving: list[bool] = []

    # the notes (infos) the last report held: a rebuild prints them only when new (an M4A published 'fast start',
    # MED027, said "nothing to do" again after every edit); warnings and errors every time, as they are still to fix
    told: set[Problem] = set()

    def report(result: BuildReport | None, problems: list[Problem]) -> None:
        notes = {p for p in problems if p.severity is Severity.INFO}
        fresh = [p for p in problems if p not in told or p.severity is not Severity.INFO]
        told.clear()
        told.update(notes)
        if fmt == "json" and not serving:  # the first build: said in the line of JSON (the rebuilds' on stderr)
            first.extend(problems)
            built.extend([result] if result is not None else [])
            return
        if fresh and (has_errors(fresh) or not settings().quiet):
            print_problems(fresh, err=True, repeated=len(problems) - len(fresh))
        if result is not None:
            info(f"Built {result.episodes} episode(s): {len(result.written)} file(s) written in {result.seconds:.2f} s.")
        elif preview.builds:
            info("Build failed; still serving the last good site.")
        else:
            info("The first build failed, so there is nothing to serve: fix the problems above and run "
                 "'mediafeed serve' again.")

    preview = Preview(root, out, report, waiting=waiting_message)
    # The sources as they are before the first build: an edit made while it runs triggers a rebuild.
    watcher = Watcher(root, preview.rebuild, interval=interval, failed=lambda exc: echo(
        f"Internal error while rebuilding: {exc.__class__.__name__}: {exc} (this is a bug in mediafeed: please report "
        "it). Still serving the last good site; the next change rebuilds.", err=True))
    watcher.state = watcher.snapshot()
    # the port first: a taken port is known at once, not after the first build (minutes, for a big show);
    # requests wait in the socket's queue until the site is there
    try:
        server = make_server(out, port, log=lambda line: info(line) if settings().verbose else None,
                             public=preview.public)
    except OSError as exc:
        raise InputError(error("SRV001", f"127.0.0.1:{port}", f"cannot listen: {exc.strerror}",
                               field="--port", hint="choose another --port, or --port 0 for any free one")) from None
    try:
        if not preview.rebuild():
            if fmt == "json":
                print_json_line({"ok": False, "problems": [p.to_dict() for p in first]})
            raise SystemExit(preview.exit_code)
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        if fmt == "json":  # one line, flushed: a script reads it while the server runs on (the document never ends)
            print_json_line({"ok": True, "url": url, "port": server.server_address[1],
                             "output": str(out), "episodes": built[0].episodes,
                             "problems": [p.to_dict() for p in first]})
            serving.append(True)
        else:
            echo(url)
        info("Serving the preview; Ctrl-C stops it.")
        if not no_watch:
            threading.Thread(target=watcher.run, name="mediafeed-watch", daemon=True).start()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            info("Stopped.")
    finally:
        watcher.stop.set()
        server.server_close()
