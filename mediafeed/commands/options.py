"""Option bundles shared by commands (decorators, as sqlite-utils does)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..terminal import Settings
from . import WAIT, WAITING  # (WAIT: what the commands' --wait defaults to)


def show_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-s", "--show", "show_dir", type=click.Path(file_okay=False, path_type=Path), default=".",
                        show_default=True, help="The show folder (where show.yml is).")(func)


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
                        help="Output format; json is for scripts and CI.")(func)


def _not_negative(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    if value < 0:
        raise click.BadParameter("give 0 (stop at once) or a number of seconds")
    return value


def wait_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--wait", "wait", type=float, default=int(WAIT), show_default=True, metavar="SECONDS",
                        callback=_not_negative,
                        help="When another build, tag run or serve rebuild is working on this show, wait this long "
                             "for it to finish, then stop with OUT005 (0: stop at once).")(func)


def waiting_message(holder: str) -> None:
    """Say whom a run waits for (on stderr; not with -q)."""
    from ..terminal import info

    info(WAITING.format(holder=holder))


def _quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Settings).quiet = True


def _verbose(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(Settings).verbose = True


def _color(ctx: click.Context, _param: click.Parameter, value: bool | None) -> None:
    if value is not None:
        ctx.ensure_object(Settings).color = value


def verbosity_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``-q``/``-v``/``--no-color`` after the command name too (``mediafeed build -q``), same meaning as before it."""
    func = click.option("--color/--no-color", default=None, expose_value=False, callback=_color, is_eager=True,
                        help="Force colour on or off (default: on for terminals, off when NO_COLOR is set, on when FORCE_COLOR is).")(func)
    func = click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=_verbose, is_eager=True,
                        help="Print more detail, and tracebacks for unexpected errors.")(func)
    return click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_quiet, is_eager=True,
                        help="Print only results, errors and warnings: no progress, no notes (infos).")(func)
