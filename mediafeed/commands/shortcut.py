"""``mediafeed build`` answered without click.

A rebuild with nothing changed is a stamp check (:mod:`mediafeed.fastpath`) and a
replayed report; importing click, the command modules and the terminal helpers
for it costs about as much as the check itself. ``main`` (the console script and
``python -m mediafeed``) reads the command line itself when it is a ``build`` it
understands, and when the stamp says nothing changed prints what the click
command would print, byte for byte, with the same exit code.

A build the stamp does not cover, with such a command line, runs here too when
stderr is not a terminal (no progress bars to draw) and without ``-v``: the same
call of :func:`mediafeed.build.build`, its report printed as the command prints it
(click is loaded only to report what went wrong, through the command's own error
boundary). That saves loading click and the commands (~3% of a one-edit rebuild
of 1,000 episodes). Everything else (another command, ``--help``, ``--clean``,
``--wait``, an option written another way, a build at a terminal or with ``-v``,
an output that cannot be written as text) goes to :data:`mediafeed.cli.main`
untouched, with the look at the show already taken handed over so a real build
does not take it twice.

The text below mirrors ``commands/build.py`` and ``terminal.print_problems``;
``tests/test_shortcut.py`` runs both paths and compares stdout, stderr and exit
codes, so a change to one that is not made to the other fails there.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import sys
import time
from pathlib import Path

TYPE_CHECKING = False  # typing's constant without importing typing (see fastpath)
if TYPE_CHECKING:
    from typing import Any, NoReturn

#: Options of ``mediafeed`` itself and of ``mediafeed build``, spelled exactly as click accepts them.
_FLAGS = {"-q": "quiet", "--quiet": "quiet", "-v": "verbose", "--verbose": "verbose",
          "--color": "color", "--no-color": "no-color"}
_VALUES = {"-s": "show", "--show": "show", "-o": "output", "--output": "output", "--format": "format"}
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")  # click's strip_ansi
_COLOURS = {"error": "31", "warning": "33", "info": "36"}  # click.style's red, yellow, cyan


#: The cyclic garbage collector's thresholds while the command runs (Python's: 700, 10, 10). A build makes
#: millions of objects and almost no garbage cycles: with Python's thresholds a one-edit rebuild of 1,000 episodes
#: spent ~2.5% of its instructions in collections that found nothing (mypy raises its threshold for the same reason).
GC_THRESHOLDS = (100_000, 20, 10)


def main(args: list[str] | None = None, prog_name: str = "mediafeed") -> None:
    """The console script: the shortcut when it applies, click otherwise."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    if args is None:  # the program itself: a SIGTERM (a service manager, `timeout`, CI) ends it as Ctrl-C does
        signal.signal(signal.SIGTERM, _interrupt)
        _fill_standard_descriptors()
        _escape_unwritable()
    try:
        _main(args, prog_name)
    except KeyboardInterrupt:  # before a command's own boundary (imports, the stamp check): as terminal.interrupted
        if args is not None:
            raise
        from ..__main__ import interrupted

        interrupted()
    finally:
        gc.set_threshold(*thresholds)
        if args is None:
            # The program itself (not a caller in the same process) is about to end: Python's last collection at
            # exit (~3% of a rebuild's instructions) would only look for cycles among objects the exit frees anyway.
            gc.freeze()


def _fill_standard_descriptors() -> None:
    """/dev/null on a standard descriptor (0, 1, 2) that is closed (``mediafeed build >&-``): else the first file the
    program opens (the show's lock, its cache) takes that number, and ffmpeg, ffprobe or an editor, which inherit it
    as their stdout, would write into that file. Python found it closed and left ``sys.stdout`` None: the results
    still fail to be written, and say so (``terminal.out``)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


def _escape_unwritable() -> None:
    """Text that stdout's or stderr's encoding cannot hold (an em dash, a Japanese title under Latin-1 or cp1252: a
    legacy locale, a Windows pipe) written as Python writes it in its own tracebacks, ``\\u2014``, not raised: it was
    "Internal error: UnicodeEncodeError", exit code 3, from ``mediafeed list``. (JSON is escaped its own way first:
    ``terminal.print_json``. A UTF-8 stream, or an ASCII one, which click writes UTF-8 to, is left alone.)"""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or getattr(stream, "errors", "strict") != "strict":
            continue
        try:
            name = codecs.lookup(stream.encoding).name  # type: ignore[union-attr]
        except (LookupError, TypeError):
            continue
        if not name.startswith("utf") and name != "ascii":
            reconfigure(errors="backslashreplace")


def _interrupt(_signum: int, _frame: object) -> None:
    """SIGTERM → KeyboardInterrupt: temp files are removed, the lock released, "Interrupted" said, exit 130."""
    raise KeyboardInterrupt


def _main(args: list[str] | None, prog_name: str) -> None:
    started = time.perf_counter()
    argv = sys.argv[1:] if args is None else list(args)
    options = parse(argv)
    sweep = None
    if options is not None:
        from ..fastpath import Sweep, check

        show = Path(options["show"])
        output = Path(options["output"]) if options["output"] is not None else None
        sweep = Sweep(show)
        report = check(show, output or show / "public", options["strict"], sweep=sweep)
        if report is not None:
            report["seconds"] = round(time.perf_counter() - started, 3)
            lines = _lines(report, options)
            if lines is not None:
                _write(lines, options)
                _done(own=args is None)
        if not options["verbose"] and sys.stderr is not None and not sys.stderr.isatty():
            _build(show, output, options, sweep, own=args is None)
    from ..cli import main as click_main
    from ..terminal import Settings

    if args is None and sys.stdout is None:  # Python found stdout closed (`>&-`): see _ClosedStdout
        sys.stdout = _ClosedStdout()
    try:
        click_main(argv, prog_name=prog_name, obj=Settings(sweep=sweep))
    except OSError as exc:  # click's own writing (--help, --version), outside every command's boundary: a traceback
        from ..terminal import stdout_failed

        stdout_failed(OSError(exc.errno, exc.strerror))


class _ClosedStdout:
    """``sys.stdout`` for click when stdout was closed when the program started (``mediafeed --help >&-``): a write
    fails as writing to a full disk fails, so click's own output (--help, --version) ends as every command's does,
    with "could not be written to standard output: it is closed" and exit code 2 (``terminal.stdout_failed``). With
    ``sys.stdout`` None, click.echo wrote nothing, without a word, and the run ended 0. A command that writes
    nothing to stdout still ends as it would."""

    encoding, errors = "utf-8", "strict"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "it is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def parse(argv: list[str]) -> dict[str, Any] | None:
    """The options of a ``build`` the shortcut may answer, or None (then click decides)."""
    options: dict[str, Any] = {"quiet": False, "verbose": False, "color": None, "show": ".", "output": None,
                               "strict": False, "format": "text"}
    seen: set[str] = set()
    args = iter(argv)
    command = False
    for arg in args:
        if arg == "build" and not command:
            command = True
        elif arg in _FLAGS:
            name = _FLAGS[arg]
            if name in ("color", "no-color"):
                options["color"] = name == "color"
            else:
                options[name] = True
        elif command and arg == "--strict":
            options["strict"] = True
        elif command and (arg in _VALUES or arg.split("=", 1)[0] in _VALUES and arg.startswith("--")):
            name, value = (_VALUES[arg], next(args, None)) if arg in _VALUES else (
                _VALUES[arg.split("=", 1)[0]], arg.split("=", 1)[1])
            if not value or value.startswith("-") or name in seen:
                return None
            seen.add(name)
            options[name] = value
        else:
            return None  # another command, --help, --clean, -qv, -sDIR, a stray argument: click's business
    if not command or options["format"] not in ("text", "json"):
        return None
    for folder in (options["show"], options["output"]):  # what click.Path(file_okay=False) accepts, and a site
        if folder is not None and not (os.path.isdir(folder) and os.access(folder, os.R_OK)):
            return None
    return options


def _build(show: Path, output: Path | None, options: dict[str, Any], sweep: Any, own: bool = False) -> None:
    """The build the stamp did not cover, run here as ``commands/build.py`` runs it, without its progress bars
    (stderr is not a terminal) and without loading click; click prints only what goes wrong (the command's
    ``terminal.boundary``: problems, exit codes) and a report this module cannot write as text. Exits."""
    from .. import build as build_lib
    from . import WAIT, WAITING

    def waiting(holder: str) -> None:
        if not options["quiet"]:
            sys.stderr.write(WAITING.format(holder=holder) + "\n")
            sys.stderr.flush()

    try:
        result = build_lib.build(show, output, strict=options["strict"], sweep=sweep, wait=WAIT, waiting=waiting)
    except (Exception, KeyboardInterrupt) as exc:
        _with_click(options, sweep, _reraise, exc)
    report = result.to_dict()
    lines = _lines(report, options)
    if lines is None:
        from .build import show_report

        _with_click(options, sweep, show_report, report)
        sys.exit(0)
    _write(lines, options)
    _done(own)


def _done(own: bool) -> NoReturn:
    """Exit 0 once the report is written (``_write`` flushed each line). ``own``: this is the program itself (the
    console script, not ``main(args)`` in a caller's process), which ends at once, without the interpreter's
    teardown: freeing every module and object that the exit frees anyway took ~9 ms of a one-edit rebuild's
    ~330 (and of an up-to-date answer's ~70). Nothing is left to close by then: the build has closed its cache,
    released its lock, ended its workers and settled its files before it returned. What the program registered to
    run at exit still runs (``atexit``: coverage.py saving its data, the tests' own probes). The normal exit instead
    when a thread still runs (none should: the exit waits for it), or when a profiler, tracer or debugger watches
    (``python -m cProfile -o … -m mediafeed`` writes its file after the program's code returns)."""
    import threading

    if own and threading.active_count() == 1 and not _watched():
        import atexit

        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            sys.exit(0)
        os._exit(0)
    sys.exit(0)


def _watched() -> bool:
    """Whether a profiler, tracer, debugger or coverage tool watches this process: the old hooks
    (``sys.setprofile``/``settrace``) or, from Python 3.12, a tool of ``sys.monitoring``, which is what 3.12's
    cProfile uses (``sys.getprofile()`` is None under ``python -m cProfile -o``, whose file was never written)."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)  # Python >= 3.12
    return monitoring is not None and any(monitoring.get_tool(tool) is not None for tool in range(6))


def _reraise(exc: BaseException, fmt: str) -> None:
    raise exc


def _with_click(options: dict[str, Any], sweep: Any, func: Any, value: Any) -> None:
    """``func(value, fmt=…)`` inside the build command's context and error boundary, as click would run it."""
    import click

    from ..terminal import Settings, boundary
    from .build import build as command

    settings = Settings(quiet=options["quiet"], verbose=options["verbose"], color=options["color"], sweep=sweep)
    with click.Context(command, obj=settings):
        boundary(func)(value, fmt=options["format"])


def _colour(options: dict[str, Any], stream: Any) -> bool:
    """``terminal.use_color``."""
    from ..colour import wanted

    return wanted(options["color"], stream)


def _style(text: str, colour: str = "", bold: bool = True) -> str:
    """``click.style(text, fg=..., bold=...)``."""
    return (f"\033[{colour}m" if colour else "") + ("\033[1m" if bold else "") + f"{text}\033[0m"


def _lines(report: dict[str, Any], options: dict[str, Any]) -> list[tuple[bool, str]] | None:
    """What ``commands/build.py`` prints for a build's report (up to date or built): (to stderr?, text) per line,
    ANSI stripped where click.echo would strip it; None when a line cannot be written to its stream (click
    reports that)."""
    if sys.stdout is None or sys.stderr is None:
        return None
    out: list[tuple[bool, str]] = []
    if options["format"] == "json":
        import json

        from ..characters import json_inert

        text = json_inert(json.dumps({"ok": True, **report}, indent=2, ensure_ascii=False, sort_keys=False))
        out.append((False, text if sys.stdout.isatty() else _ANSI.sub("", text)))
    else:
        err_colour = _colour(options, sys.stderr)
        if report["problems"]:
            out += [(True, line if err_colour else _ANSI.sub("", line))
                    for line in _problem_lines(report["problems"], options["quiet"], err_colour)]
        episodes = report["episodes"]
        if report.get("up_to_date"):
            info = [f"Nothing changed since the last build: {episodes} episode{'s' if episodes != 1 else ''} in "
                    f"{report['output']} are up to date ({report['seconds']:.2f} s)."]
        else:
            info = [f"Built {episodes} episode{'s' if episodes != 1 else ''} into {report['output']} "
                    f"({len(report['written'])} written, {report['unchanged']} unchanged, "
                    f"{len(report['removed'])} removed) in {report['seconds']:.2f} s."]
        if report["drafts"] or report["scheduled"]:
            info.append(f"Not published yet: {report['drafts']} draft(s), {report['scheduled']} scheduled.")
        if not options["quiet"]:
            out += [(True, line if err_colour else _ANSI.sub("", line)) for line in info]
        line = str(Path(report["output"]) / "feed.xml")
        out.append((False, line if _colour(options, sys.stdout) else _ANSI.sub("", line)))
    for err, line in out:
        stream = sys.stderr if err else sys.stdout
        try:
            line.encode(stream.encoding, "strict" if options["format"] == "json" else stream.errors or "strict")
        except (AttributeError, LookupError, UnicodeError, TypeError):
            return None
    return out


def _problem_lines(problems: list[dict[str, str]], quiet: bool, colour: bool) -> list[str]:
    """``terminal.print_problems(..., err=True)`` as lines."""
    from ..characters import terminal_safe
    from ..errors import Problem
    from ..problemlines import groups, summary

    found = [Problem.from_dict(p) for p in problems]
    listed = groups(found, quiet)
    if not listed:
        return []
    lines = []
    for episode, shown in listed:
        if len(listed) > 1 or episode:
            header = f"{terminal_safe(episode, directions=True) or 'show'}:"
            lines.append(_style(header) if colour else header)
        for problem in shown:
            label = f"{problem.severity.value:>7}"
            prefix = _style(label, _COLOURS[problem.severity.value]) if colour else label
            lines.append(f"{prefix} {problem.line()}")
    lines.append(summary(found))
    return lines


def _write(lines: list[tuple[bool, str]], options: dict[str, Any]) -> None:
    """Write and flush line by line, as click.echo does; a write error ends as ``terminal.boundary`` ends it."""
    try:
        for err, line in lines:
            stream = sys.stderr if err else sys.stdout
            stream.write(line + "\n")
            stream.flush()
    except OSError as exc:
        if options["verbose"]:
            raise
        if err:  # stderr failed: nothing is left to say it with
            sys.exit(2)
        from ..terminal import STDOUT

        # as the command's boundary ends it: a reader that left (`| head -1`) quietly, else the error on stderr (it
        # was "Error: : Broken pipe", and "Error: : No space left on device", with no word of standard output)
        failed = exc if isinstance(exc, BrokenPipeError) else OSError(exc.errno, exc.strerror, STDOUT)
        _with_click(options, None, _reraise, failed)
