from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import build as build_lib
from ..cache import CACHE_DIR, Cache
from ..errors import InputError, has_errors
from ..terminal import boundary, print_json, print_problems
from .options import format_option, show_option, verbosity_options


@click.command()
@verbosity_options
@show_option
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--select", multiple=True, help="Only these codes or prefixes (repeatable), e.g. --select ART.")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes (repeatable), e.g. --ignore EP020.")
@format_option
@boundary
def check(show_dir: Path, strict: bool, select: tuple[str, ...], ignore: tuple[str, ...], fmt: str) -> None:
    """Check the show in this folder against Apple, Spotify and Podcast Index rules.

    Writes nothing but the cache. Exit 0 when clean, 1 on errors (or warnings
    with --strict), 2 when the show cannot be read.

    \b
    Example:
      mediafeed check
      mediafeed check --format json --ignore EP020
    """
    root = show_dir.resolve()
    cache = Cache(root / CACHE_DIR / "cache.sqlite")
    try:
        project = build_lib.load_project(root, cache)
        if project.show is None:
            raise InputError(project.problems)
        _, problems = build_lib.inspect(project, cache, select=select, ignore=ignore)
        cache.commit()
    finally:
        cache.close()
    failed = has_errors(problems, strict=strict)
    if fmt == "json":
        print_json({"ok": not failed, "problems": [p.to_dict() for p in problems]})
    else:
        print_problems(problems)
    sys.exit(1 if failed else 0)
