"""Everything that talks to the terminal: problem lists, JSON, colour, progress, the error boundary.

Results go to stdout; progress bars and diagnostics go to stderr, so
``--format json`` output stays clean. Colour follows click: off for pipes, and
off when ``NO_COLOR`` is set or ``--no-color`` is given.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn, TypeVar

import click

from . import colour, problemlines
from .__main__ import INTERRUPTED  # the line __main__ writes when Ctrl-C comes while the program loads
from .characters import json_inert, terminal_safe
from .errors import MediafeedError, Problem, Severity

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class Settings:
    """Global options (``-q``, ``-v``, ``--no-color``), passed down through click's context object.

    ``sweep``: the look at the show (``fastpath.Sweep``) that ``commands.shortcut`` took before handing a
    build to click, so the build reuses it instead of looking again."""

    def __init__(self, quiet: bool = False, verbose: bool = False, color: bool | None = None, sweep: Any = None):
        self.quiet = quiet
        self.verbose = verbose
        self.color = color
        self.sweep = sweep


def settings() -> Settings:
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(Settings) if ctx else None
    return obj or Settings()


def use_color(stream: Any = None) -> bool:
    return colour.wanted(settings().color, stream or sys.stdout)


def echo(text: str = "", err: bool = False, **style: Any) -> None:
    """``text`` on stdout (stderr with ``err``), styled when colour is on; a control character in it (from a file's
    name, a media file's tag, an exception's message) is written out, not acted on (:func:`terminal_safe`)."""
    stream = sys.stderr if err else sys.stdout
    text = terminal_safe(text)
    if style and use_color(stream):
        text = click.style(text, **style)
    out(text, err=err, color=use_color(stream))


#: the ``filename`` of an OSError raised by writing the results (stdout): :func:`boundary` says so, in its own words
STDOUT = "<stdout>"


def out(text: str, err: bool = False, color: bool | None = None, nl: bool = True) -> None:
    """``click.echo``, for every line of results: a failed write to stdout (a full disk under ``> results.json``,
    ``/dev/full``, stdout closed with ``>&-``) is raised with :data:`STDOUT` as its file name, for :func:`boundary`
    to say so. Before, a closed stdout (``sys.stdout`` None) swallowed the results and the run ended 0, and a full disk
    under ``--format json`` ended in a traceback and exit 1 (the boundary's JSON failed to write in turn)."""
    if err:
        click.echo(text, err=True, color=color, nl=nl)
        return
    if sys.stdout is None:
        raise OSError(errno.EBADF, "it is closed", STDOUT)  # (Python found it closed when it started: ``>&-``)
    try:
        click.echo(text, color=color, nl=nl)
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror, STDOUT) from None


def file_name(rel: str) -> str:
    """A file's name (a path in the site) in a line of its own kind (``upload  NAME  …``): every control character,
    the line feed and the direction controls written out (:func:`terminal_safe`), so that a name can neither act on
    the terminal, nor start a line that passes for the next file's, nor reverse the rest of its line."""
    return terminal_safe(rel, directions=True)


def info(text: str) -> None:
    """A progress or status line on stderr, silenced by ``-q``."""
    if not settings().quiet:
        echo(text, err=True)


def print_json(data: Any) -> None:
    """``json.dumps(data, indent=2, ensure_ascii=False)``'s text, without its pure-Python indenting encoder (a report
    of 100,000 problems, ``check`` on a badly broken feed, spent a third of its time there), written a list member at
    a time, so that the text of a huge report is never held whole."""
    from .jsontext import pieces

    fit = _json_fit(sys.stdout)
    batch: list[str] = []
    size = 0
    for piece in pieces(data):
        batch.append(piece)
        size += len(piece)
        if size > 1 << 20:
            out(fit("".join(batch)), nl=False)
            batch, size = [], 0
    out(fit("".join(batch)))


def print_json_line(data: Any) -> None:
    """``data`` as JSON on one line of stdout, flushed (``click.echo`` flushes): for ``serve``, whose run goes on after
    it, so that a script reads the line (``readline``, ``jq --unbuffered``) without waiting for an end."""
    import json

    out(_json_fit(sys.stdout)(json.dumps(data, ensure_ascii=False)))


def _json_fit(stream: Any) -> Callable[[str], str]:
    """What makes JSON text writable to ``stream``: for a UTF-8 stream (or one click writes UTF-8 to, an ASCII one)
    the characters a terminal acts on escaped (:func:`.characters.json_inert`), else each character beyond ASCII
    written as JSON's ``\\uXXXX`` escape, which any JSON reader reads as
    that character (outside strings, JSON has none). A stdout in Latin-1 or cp1252 (a legacy locale, a Windows pipe)
    could not take an em dash in a title: "Internal error: UnicodeEncodeError", exit 3."""
    import codecs

    try:
        name = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        name = "ascii"
    if name.startswith("utf") or name == "ascii":  # (click writes UTF-8 to an ASCII stream: a C locale's)
        return json_inert  # (a C1 control or a direction override from a feed's GUID is written as its escape)
    return _escape_beyond_ascii


def _escape_beyond_ascii(text: str) -> str:
    if text.isascii():
        return text
    import json
    import re

    return re.sub(r"[^\x00-\x7f]", lambda found: json.dumps(found.group())[1:-1], text)


def print_problems(problems: Iterable[Problem], err: bool = False, strict: bool = False, repeated: int = 0) -> None:
    """Problems grouped by episode (show-level first), one line each, then a summary line (``strict``: it says that
    the warnings count as errors; ``repeated``: how many notes shown before were left out, as serve's rebuilds do).

    With ``-q`` only errors and warnings are listed (the summary still counts everything);
    as diagnostics on stderr (``err=True``) nothing at all is printed when only infos remain.
    """
    problems = list(problems)
    listed = problemlines.groups(problems, settings().quiet)
    if err and not listed:
        return
    color = use_color(sys.stderr if err else sys.stdout)  # once: a broken feed can list a million problems
    prefixes = {severity: click.style(f"{severity.value:>7}", fg=_COLOURS[severity], bold=True) if color
                else f"{severity.value:>7}" for severity in Severity}
    for episode, found in listed:
        if len(listed) > 1 or episode:
            echo(f"{terminal_safe(episode, directions=True) or 'show'}:", err=err, bold=True)
        for start in range(0, len(found), 1000):  # a thousand lines a write, not one each
            lines = "\n".join(f"{prefixes[p.severity]} {p.line()}" for p in found[start:start + 1000])
            out(lines, err=err, color=color)
    said = summary(problems, strict)
    echo(said if not repeated else f"{said[:-1]} ({repeated} info{'s' if repeated != 1 else ''} shown before, not repeated).", err=err)


summary = problemlines.summary


def print_usage_error(exc: click.UsageError, command: str) -> None:
    """A click usage error as ``--format json`` prints any error: ``{"ok": false, "problems": [...]}`` (code CLI001),
    naming the option or argument it concerns; ``command`` (``mediafeed add``) when click does not say which."""
    from .errors import error

    param = getattr(exc, "param", None)
    field = getattr(exc, "option_name", None) or (param.opts[0] if param is not None and param.opts else "")
    if param is not None and not isinstance(param, click.Option):
        field = param.human_readable_name  # an argument: AUDIO, SHOW_DIR
    command = exc.ctx.command_path if exc.ctx is not None else command
    found = error("CLI001", "", exc.format_message(), field=field, hint=f"see '{command} --help'")
    print_json({"ok": False, "problems": [found.to_dict()]})




def interrupted(then: str = "") -> NoReturn:
    """Ctrl-C (or SIGTERM): one line on stderr (and ``then``, what the command leaves to do), exit code 130."""
    echo(INTERRUPTED, err=True)
    if then:
        echo(then, err=True)
    sys.exit(130)


def boundary(func: F) -> F:
    """Turn library errors into clean output and exit codes; a traceback only with ``-v``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MediafeedError as exc:
            fmt = kwargs.get("fmt") or kwargs.get("format")
            if fmt == "json":
                _failure_json({"ok": False, "problems": [p.to_dict() for p in exc.problems]})
            else:
                print_problems(exc.problems, err=True, strict=getattr(exc, "strict", False))
            sys.exit(exc.exit_code)
        except (KeyboardInterrupt, click.exceptions.Abort):  # Abort: Ctrl-C or Ctrl-D at a click prompt (init)
            interrupted()
        except click.ClickException:
            raise  # click's own errors (a bad value, a failed editor) say what went wrong: click prints them
        except BrokenPipeError:  # the reader left (`mediafeed list | head -1`): stop quietly, as cat and git do
            _stdout_to_devnull()
            sys.exit(EXIT_USAGE)
        except OSError as exc:
            if settings().verbose:
                raise
            if exc.filename == STDOUT:
                stdout_failed(exc)
            where = f"{exc.filename}: " if exc.filename else ""
            hint = _io_hint(exc)
            if (kwargs.get("fmt") or kwargs.get("format")) == "json":  # a script still gets JSON: {"ok": false, …}
                from .errors import error

                found = error("IO001", str(exc.filename or ""), f"{exc.strerror or exc}", hint=hint)
                _failure_json({"ok": False, "problems": [found.to_dict()]})
            echo(f"Error: {where}{exc.strerror or exc} — {hint}", err=True, fg="red")
            sys.exit(EXIT_USAGE)
        except Exception as exc:  # noqa: BLE001 - the boundary: one line, not a traceback
            if settings().verbose:
                raise
            echo(f"Internal error: {exc.__class__.__name__}: {exc} (this is a bug in mediafeed; "
                 "run with -v for the traceback and report it)", err=True, fg="red")
            sys.exit(EXIT_INTERNAL)

    return wrapper  # type: ignore[return-value]


def _failure_json(data: Any) -> None:
    """:func:`print_json` for the boundary, which has no boundary around it: stdout failing in turn ends as stdout
    failing ends (it was a traceback and exit 1, "the show has problems")."""
    try:
        print_json(data)
    except BrokenPipeError:
        _stdout_to_devnull()
        sys.exit(EXIT_USAGE)
    except OSError as exc:
        stdout_failed(exc)


def stdout_failed(exc: OSError) -> NoReturn:
    """The results could not be written (:data:`STDOUT`): said on stderr (no JSON: stdout is what failed), exit code 2,
    stdout pointed at /dev/null so that Python's flush at exit does not fail again. What was done is done: a build's
    site was written before its report, as ``cat`` has read what it could not write."""
    _stdout_to_devnull()
    with contextlib.suppress(OSError):  # stderr failing too: nothing is left to say it with
        echo(f"Error: the results could not be written to standard output: {exc.strerror or exc} — "
             f"{_STDOUT_HINTS.get(exc.errno or 0, 'check where the output goes')}", err=True, fg="red")
    sys.exit(EXIT_USAGE)


#: what to do when writing stdout failed, by errno (ENOSPC, EDQUOT, EFBIG, EBADF, EIO)
_STDOUT_HINTS = {errno.ENOSPC: "free space where the output goes, or send it to another disk",
                 errno.EDQUOT: "free space in your quota, or send the output to another disk",
                 errno.EFBIG: "the output file is too large for its file system (or ulimit -f): send it elsewhere",
                 errno.EBADF: "send it to a file ('> results.txt'), or to /dev/null to discard it",
                 errno.EIO: "the terminal or disk it goes to failed: send it to a file"}


def _io_hint(exc: OSError) -> str:
    """The fix for a file or folder that could not be read or written (IO001), said in text mode too. A show folder
    that cannot be written (a read-only checkout or share) stops build and tag at ``.mediafeed/``, where mediafeed
    keeps its cache and the lock of the show: that folder is named, and what works without it."""
    import errno

    name = str(exc.filename or "")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and ".mediafeed" in name.replace("\\", "/").split("/"):
        return ("mediafeed keeps its cache and the show's lock in .mediafeed/ beside show.yml: make the show folder "
                "writable, or work on a copy ('check' and 'list' need no writing)")
    return "check that the path exists, is the right kind (file or folder) and can be written"


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null, so that Python's flush at exit does not fail again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner's buffer)
        pass


class ProgressBar:
    """A progress callback ``(stage, done, total)`` drawing a click bar on stderr when it is a terminal."""

    def __init__(self) -> None:
        self.stage = ""
        self.bar: Any = None
        self.enabled = not settings().quiet and colour.animated(sys.stderr)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total < 20:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            label = {"read": "Reading episodes", "probe": "Probing media", "tag": "Tagging media",
                     "import": "Importing episodes"}.get(stage, stage)  # ("tag" was shown as it is)
            self.bar = click.progressbar(length=total, label=f"{label:<18}", file=sys.stderr, show_pos=True)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def human_bytes(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"  # pragma: no cover


class TransferBar:
    """Upload progress on stderr: a bar with bytes, speed and ETA on a terminal, one line per file otherwise.

    ``begin``/``end`` per file and ``advance`` per chunk (boto3 calls it from its threads).
    """

    def __init__(self, total: int = 0) -> None:
        import threading
        import time

        self.total = total
        self.done = 0
        self.clock = time.monotonic
        self.started = self.clock()
        self.current = ""
        self.lock = threading.Lock()
        self.quiet = settings().quiet
        self.tty = colour.animated(sys.stderr) and not self.quiet  # (else a line per file, as in a log)
        self.drawn = 0.0

    def start(self, total: int) -> None:
        self.total, self.done, self.started = total, 0, self.clock()

    def begin(self, upload: Any) -> None:
        self.current = file_name(upload.rel)
        self._draw(force=True)

    def advance(self, nbytes: int) -> None:
        with self.lock:
            self.done += nbytes
        self._draw()

    def end(self, upload: Any) -> None:
        if not self.tty and not self.quiet:
            click.echo(f"  uploaded {file_name(upload.rel)} ({human_bytes(upload.size)})", err=True)
        self._draw(force=True)

    def _draw(self, force: bool = False) -> None:
        if not self.tty:
            return
        now = self.clock()
        if not force and now - self.drawn < 0.1:
            return
        self.drawn = now
        elapsed = max(now - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        eta = f"{int(left // 60)}:{int(left % 60):02d}" if rate > 0 else "-:--"
        name = self.current if len(self.current) <= 40 else "…" + self.current[-39:]
        line = (f"\r[{'#' * filled}{' ' * (width - filled)}] {human_bytes(self.done)}/{human_bytes(self.total)} "
                f"{human_bytes(rate)}/s ETA {eta} {name}")
        click.echo(line.ljust(110)[:110], err=True, nl=False)

    def close(self) -> None:
        if self.tty:
            click.echo("", err=True)

    def __enter__(self) -> TransferBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
