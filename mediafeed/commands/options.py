"""Option bundles shared by commands (decorators, as sqlite-utils does)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def show_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-s", "--show", "show_dir", type=click.Path(file_okay=False, path_type=Path), default=".",
                        show_default=True, help="The show folder (where show.yml is).")(func)


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
                        help="Output format; json is for scripts and CI.")(func)
