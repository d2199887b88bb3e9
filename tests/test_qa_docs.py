"""The README and docs/ describe every command and every option `--help` shows (so they cannot drift)."""

from __future__ import annotations

import re

from click.testing import CliRunner
from helpers import ROOT, with_an_info

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


def test_every_commands_help_says_what_its_exit_codes_mean() -> None:
    """build, tag and publish said nothing of them (check did, another way); the others had an 'Exit codes:' line."""
    for command in COMMANDS:
        help_text = " ".join(CliRunner().invoke(main, [command.name, "--help"]).output.split())
        assert re.search(r"Exit codes: 0 .+, 2 ", help_text), command.name


def test_every_option_of_every_command_is_documented() -> None:
    docs = _docs()
    missing = []
    for command in [main, *COMMANDS]:  # main: --version
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

    with_an_info(show)  # a problem to colour
    forced = CliRunner().invoke(main, ["--color", "check", "--show", str(show)])
    assert "EP020" in forced.output
    assert "\x1b[" in forced.output
    for args in (["--color", "check", "--no-color"], ["check", "--no-color"]):
        result = CliRunner().invoke(main, [*args, "--show", str(show)], color=True)
        assert result.exit_code == 0 and "\x1b[" not in result.output, args


def _command_lines() -> list[tuple[str, str, bool]]:
    """(where, command line, whole) for every `mediafeed COMMAND …` the docs and the --help examples show: the lines
    of code blocks and examples (whole: their arguments are complete) and inline `mediafeed …` spans in the text
    (a command named with some of its options: `mediafeed build --accept-changes`)."""
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        fenced, joined = False, ""
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            if line.lstrip().startswith("```"):
                fenced, joined = not fenced, ""
            elif fenced:
                joined += line
                if joined.endswith("\\"):  # a command continued on the next line
                    joined = joined[:-1] + " "
                    continue
                if re.match(r"\s*(\$ )?mediafeed [-a-z]", joined):
                    found.append((where, joined.strip().removeprefix("$ "), True))
                joined = ""
            else:
                found += [(where, span, False) for span in re.findall(r"`(mediafeed [a-z][^`]*)`", line)]
    for command in [main, *COMMANDS]:
        example = (command.help or "").partition("Example:")[2]
        for line in example.replace("\\\n", " ").splitlines():
            if line.strip().startswith("mediafeed "):
                name = "" if command is main else f" {command.name}"
                found.append((f"mediafeed{name} --help", line.strip(), True))
    return found


def test_every_command_line_in_the_docs_and_the_help_examples_parses() -> None:
    """Each option a reader copies from the README, docs/ or an `Example:` exists, takes the value shown (a choice, a
    number) and the command gets the arguments it needs; paths are not looked at (the examples' files are not here)."""
    import copy
    import shlex

    import click

    commands = {command.name: command for command in COMMANDS}
    wrong = []
    for where, line, whole in _command_lines():
        words = shlex.split(line, comments=True)
        for stop in ("|", ">", "&&", ";"):
            words = words[: words.index(stop)] if stop in words else words
        globals_, rest = [], words[1:]
        while rest and rest[0].startswith("-"):  # `mediafeed -q build`
            globals_.append(rest.pop(0))
        if not rest or rest[0] not in commands:
            if whole or (rest and "." not in rest[0]):  # not `mediafeed X.Y.Z` (the version)
                wrong.append(f"{where}: {line}: no such command")
            continue
        command = commands[rest[0]]
        params = []
        for param in command.params:
            params.append(copy.copy(param))
            if isinstance(param.type, click.Path):
                params[-1].type = click.STRING
        probe = click.Command(command.name, params=params, context_settings={"help_option_names": ["-h", "--help"]})
        try:
            probe.make_context(command.name, [*globals_, *rest[1:]])
        except click.exceptions.Exit:  # --help
            pass
        except click.UsageError as exc:
            if whole or not isinstance(exc, click.MissingParameter):  # the text may name a command without its AUDIO
                wrong.append(f"{where}: {line}: {exc.format_message()}")
    assert not wrong, "\n".join(wrong)


def _table_keys(text: str) -> set[str]:
    """The `key`s named in the first column of a Markdown table."""
    return {key for cell in re.findall(r"^\| (.+?) \|", text, re.M) for key in re.findall(r"`([a-z_]+)`", cell)}


def test_the_readme_key_tables_are_the_keys_show_yml_and_front_matter_take() -> None:
    """Unknown keys are errors, so a key the README lists must be accepted, and one the code accepts must be listed
    (an episode's `txt` was not)."""
    from mediafeed.config import SHOW_KEYS
    from mediafeed.episodes import EPISODE_KEYS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    show = readme.partition("### `show.yml`")[2].partition("### `episodes/")[0]
    episode = readme.partition("### `episodes/<slug>/episode.md`")[2].partition("**GUIDs**")[0]
    assert _table_keys(show) == SHOW_KEYS
    assert _table_keys(episode) == EPISODE_KEYS


def test_every_code_family_is_in_the_readme_and_every_commands_code_in_its_guide() -> None:
    """`--explain` explains the rules' codes (docs/checks.md lists each); the commands' own codes must be in the guide
    `--explain` names for them, one by one or in a range such as `ADD001`–`ADD006`."""
    from mediafeed.checks import RULES
    from mediafeed.commands.check import COMMAND_CODES

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "mediafeed").rglob("*.py"))
    codes = set(re.findall(r'"([A-Z]{2,4}\d{3})\b', source))
    table = (ROOT / "README.md").read_text(encoding="utf-8").partition("## Problems and codes")[2].partition("## ")[0]
    families = {re.match(r"[A-Z]+", code).group() for code in codes | set(RULES)}  # type: ignore[union-attr]
    assert {f for f in families if f"`{f}`" not in table} == set()
    missing = []
    for code in sorted(codes - set(RULES)):
        family = re.match(r"[A-Z]+", code).group()  # type: ignore[union-attr]
        assert family in COMMAND_CODES, code
        guide = (ROOT / COMMAND_CODES[family][1]).read_text(encoding="utf-8")
        ranges = re.findall(rf"`?{family}(\d{{3}})`?[–-]`?{family}(\d{{3}})", guide)
        if code not in guide and not any(int(a) <= int(code[len(family):]) <= int(b) for a, b in ranges):
            missing.append(code)
    assert not missing


def test_the_rule_table_in_checks_md_gives_each_codes_severity_and_rule_sets() -> None:
    from mediafeed.checks import RULES

    rows = re.findall(r"^\| `([A-Z]+\d{3})` \| ([a-z]+)[^|]* \| ([a-z0-9, ]+) \|",
                      (ROOT / "docs" / "checks.md").read_text(encoding="utf-8"), re.M)
    assert {code for code, _, _ in rows} == set(RULES)
    wrong = [code for code, severity, sets in rows
             if (severity, {s.strip() for s in sets.split(",")}) != (RULES[code].severity.value, set(RULES[code].sets))]
    assert not wrong


def test_the_template_context_in_templates_md_is_what_the_pages_receive() -> None:
    """docs/templates.md is the contract for people who override templates: every name of `PageContext` and of
    `site` is documented, and nothing documented is missing from them."""
    from typing import get_type_hints

    from mediafeed.site import PageContext, SiteInfo

    text = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    context = text.partition("## The context")[2].partition("`Item` fields")[0]
    names = _table_keys(context)
    site = set(re.findall(r"^\| `site\.([a-z_]+)`", context, re.M))
    assert site == set(get_type_hints(SiteInfo))
    assert names - {"site"} == set(get_type_hints(PageContext)) - {"site"}


def test_the_quick_start_makes_a_virtual_environment_before_pip_install() -> None:
    """The quick start began with `python3 -m pip install -e .`, which Debian 12 and Ubuntu 23.04+ refuse outside a
    virtual environment (`error: externally-managed-environment`, PEP 668): a new producer's first command failed."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert len(commands) == 2  # the quick start is two commands: install and build, then the tests
    first = commands[0]
    assert first.index("-m venv .venv") < first.index(". .venv/bin/activate") < first.index("pip install -e .") \
        < first.index("mediafeed build")
    assert ".venv/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()  # the clone stays clean


#: options of other programs the docs show beside mediafeed's (rsync, LAME, curl, jq, mp3val, the benchmark)
OTHER_PROGRAMS_OPTIONS = {"--append", "--bwlimit", "--decode", "--delete-missing-args", "--freeformat",
                          "--ignore-times", "--inplace", "--minutes", "--mp3input", "--partial", "--partial-dir",
                          "--preallocate", "--rounds", "--speed-limit", "--unbuffered"}


def _doc_files() -> list:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_every_option_the_docs_name_is_an_option_of_a_command() -> None:
    """The reverse of the test above: an option a guide names in its text (`--no-input`, `--accept-changes`) must be one
    mediafeed takes, so a renamed or removed option cannot stay in a sentence a reader follows (the command lines are
    parsed by the test before; prose was not looked at)."""
    ours = {"--help"}
    for command in [main, *COMMANDS]:
        for param in command.params:
            ours |= {*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])}
    named = {}
    for path in _doc_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for option in re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", line):
                named.setdefault(option, f"{path.relative_to(ROOT)}:{number}")
    assert {option: where for option, where in named.items() if option not in ours | OTHER_PROGRAMS_OPTIONS} == {}
    assert not OTHER_PROGRAMS_OPTIONS & ours  # an option of ours is checked as ours
    assert OTHER_PROGRAMS_OPTIONS <= set(named)  # one no guide names any more leaves the list


def test_every_code_the_docs_help_and_changelog_name_exists() -> None:
    """A code a reader looks up (`--explain`, the tables) must be one mediafeed reports: one renamed, merged or
    mistyped in a guide, a command's --help or the Unreleased changelog sends them nowhere."""
    from mediafeed.checks import RULES

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "mediafeed").rglob("*.py"))
    known = set(RULES) | set(re.findall(r'"([A-Z]{2,4}\d{3})\b', source))
    unreleased = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").partition("## [Unreleased]")[2].partition("\n## [")[0]
    texts = {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8") for path in _doc_files()}
    texts["CHANGELOG.md (Unreleased)"] = unreleased
    for command in [main, *COMMANDS]:
        texts[f"mediafeed {command.name} --help"] = CliRunner().invoke(main, [*([command.name] if command is not main
                                                                                else []), "--help"]).output
    prefixes = {re.match(r"[A-Z]+", code).group() for code in known}  # type: ignore[union-attr]
    unknown = {f"{where}: {code}" for where, text in texts.items()
               for code in re.findall(r"\b([A-Z]{2,4}\d{3})\b", text)
               if code not in known and re.match(r"[A-Z]+", code).group() in prefixes}  # type: ignore[union-attr]
    assert unknown == set()


def _heading_anchor(heading: str) -> str:
    """GitHub's anchor of a Markdown heading: lower case, punctuation out, spaces as '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_link_between_the_docs_reaches_its_file_and_heading() -> None:
    """A link such as docs/feeds.md#value-for-value-and-comments breaks silently when a heading is reworded."""
    broken = []
    for path in _doc_files():
        text = re.sub(r"`[^`\n]*`", "", path.read_text(encoding="utf-8"))  # `![map](map.jpg)` is an example
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            linked = (path.parent / file).resolve() if file else path
            if not linked.exists():
                broken.append(f"{path.relative_to(ROOT)}: {target}")
            elif anchor and linked.suffix == ".md" and anchor not in {
                    _heading_anchor(h) for h in re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)}:
                broken.append(f"{path.relative_to(ROOT)}: {target}")
    assert broken == []
