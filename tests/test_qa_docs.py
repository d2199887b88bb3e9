"""The README and docs/ describe every command and every option `--help` shows (so they cannot drift)."""

from __future__ import annotations

import re

from click.testing import CliRunner
from helpers import ROOT

from mediafeed.cli import main
from mediafeed.commands import COMMANDS

SHARED = {"--help", "--quiet", "--verbose", "--color", "--format", "--show"}  # the global options (README)


def _docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def test_every_command_is_in_the_readme_table_and_its_help_has_an_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"| `mediafeed {command.name}" in readme, command.name
        result = CliRunner().invoke(main, [command.name, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, command.name


def test_every_option_of_every_command_is_documented() -> None:
    docs = _docs()
    missing = []
    for command in COMMANDS:
        for param in command.params:
            for name in [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]:
                if name.startswith("--") and name not in SHARED and not re.search(re.escape(name) + r"\b", docs):
                    missing.append(f"{command.name} {name}")
    assert not missing


def test_every_command_takes_quiet_and_verbose_after_its_name() -> None:
    for command in COMMANDS:
        names = {n for p in command.params for n in getattr(p, "opts", [])}
        assert {"-q", "-v", "--color"} <= names, command.name


def test_no_color_after_the_command_name_turns_colour_off_even_when_forced(show) -> None:
    from click.testing import CliRunner

    forced = CliRunner().invoke(main, ["--color", "check", "--show", str(show)])
    assert "\x1b[" in forced.output
    for args in (["--color", "check", "--no-color"], ["check", "--no-color"]):
        result = CliRunner().invoke(main, [*args, "--show", str(show)], color=True)
        assert result.exit_code == 0 and "\x1b[" not in result.output, args
