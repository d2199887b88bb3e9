"""The command line: click commands only. Each parses, calls one library function, prints.

Commands live one per module in ``mediafeed/commands/``; this file assembles the
group and the options every command shares.
"""

from __future__ import annotations

import click

from . import __version__
from .commands import LAZY, load
from .terminal import Settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class LazyGroup(click.Group):
    """A group whose commands are imported when first used (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(LAZY)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY and cmd_name not in self.commands:
            self.add_command(load(cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # click suggests among the commands loaded so far: none, with lazy loading
            name = args[0] if args else ""
            if name in LAZY or name.startswith("-"):
                raise
            meant = _meant(name)
            guess = f" Did you mean {' or '.join(map(repr, meant))}?" if meant else ""
            raise _NoSuchCommand(f"No such command {name!r}.{guess}", exc.ctx) from None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[_ARGS] = list(args)  # the whole command line, for a usage error found later (in the command's own)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:  # `mediafeed --bogus check --format json`
            told = _dashed_file(exc, args)
            _usage_json(told, args)
            if told is exc:
                raise
            raise told from None

    def invoke(self, ctx: click.Context) -> object:
        # A Ctrl-C outside a command's own boundary (while the command is imported) is an interruption, exit 130,
        # not click's "Aborted!" with exit code 1.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from .terminal import interrupted

            interrupted()
        except click.UsageError as exc:  # an unknown option, a missing argument, a bad choice or value
            told = _dashed_file(exc, ctx.meta.get(_ARGS, []))
            _usage_json(told, ctx.meta.get(_ARGS, []))
            if told is exc:
                raise  # click says it on stderr, as always, and exits with 2
            raise told from None


_ARGS = "mediafeed.args"


class _NoSuchCommand(click.UsageError):
    option_name = "COMMAND"  #: what --format json names as the field (terminal.print_usage_error)

#: what other tools call a command (a command line typed from habit): the command of mediafeed's that does it
SYNONYMS = {"lint": "check", "validate": "check", "preview": "serve", "deploy": "publish", "upload": "publish",
            "new": "init", "create": "init", "tags": "tag", "ls": "list"}


def _meant(name: str) -> list[str]:
    """The commands a mistyped or borrowed command name probably meant."""
    if name.lower() in LAZY:
        return [name.lower()]
    if name.lower() in SYNONYMS:
        return [SYNONYMS[name.lower()]]
    import difflib

    return difflib.get_close_matches(name.lower(), list(LAZY), n=2)


def _dashed_file(exc: click.UsageError, args: list[str]) -> click.UsageError:
    """An unknown option that is a file's name (an export called ``-final.mp3``) gets the spelling that works: click
    reads it as options and says only "No such option: -f". Returns the error to raise: ``exc``, or the same error
    with that sentence added (a new one: click 8.2 made an error's ``message`` final)."""
    if not isinstance(exc, click.NoSuchOption):
        return exc
    import os

    for arg in args:
        if arg == "--":
            return exc
        if arg.startswith("-") and arg != "-" and os.path.exists(arg):
            return click.NoSuchOption(exc.option_name, message=exc.message + f"\n'{arg}' is a file here: write ./{arg} "
                                      "(or put -- before it) so that it is not read as options.",
                                      possibilities=exc.possibilities, ctx=exc.ctx)
    return exc


def _usage_json(exc: click.UsageError, args: list[str]) -> None:
    """A usage error as JSON on stdout too, when the command offers ``--format json`` and asks for it on the command
    line (a script reads stdout and expects JSON there, whatever went wrong); click's text on stderr is unchanged."""
    name = next((arg for arg in args if arg in LAZY), None)  # the group's own options are flags: no value to skip
    if name is None:  # no command, or a mistyped one (`mediafeed biuld --format json`): JSON all the same
        if _last_format(args) == "json":
            from .terminal import print_usage_error

            print_usage_error(exc, "mediafeed")
        return
    if _last_format(args[args.index(name) + 1:]) != "json" or not _offers_json(load(name)):
        return
    from .terminal import print_usage_error

    print_usage_error(exc, f"mediafeed {name}")


def _last_format(args: list[str]) -> str:
    """The value of the last ``--format`` among a command's arguments (the one click uses), "" when there is none."""
    chosen = ""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--format" and index + 1 < len(args):
            chosen = args[index + 1]
        elif arg.startswith("--format="):
            chosen = arg.removeprefix("--format=")
    return chosen


def _offers_json(command: click.Command) -> bool:
    return any(isinstance(p, click.Option) and "--format" in p.opts and isinstance(p.type, click.Choice)
               and "json" in p.type.choices for p in command.params)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="mediafeed")
@click.option("-q", "--quiet", is_flag=True, help="Print only results, errors and warnings: no progress, no notes (infos).")
@click.option("-v", "--verbose", is_flag=True, help="Print more detail, and tracebacks for unexpected errors.")
@click.option("--color/--no-color", default=None, help="Force colour on or off (default: on for terminals, off when NO_COLOR is set, on when FORCE_COLOR is).")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool, color: bool | None) -> None:
    """Publish a podcast from a folder of episodes.

    A show is a folder with show.yml and episodes/<slug>/episode.md beside each
    episode's audio. mediafeed checks it against what Apple Podcasts, Spotify
    and the Podcast Index require and builds a static site: feed.xml, show-notes
    pages and embeddable players.

    \b
    Exit codes: 0 success, 1 the show or feed has errors, 2 usage error or
    unreadable input, 3 internal error (a bug: please report it), 130 interrupted.

    \b
    Example:
      mediafeed init my-show     # start a show: asks for its title, address, category…
      cd my-show && mediafeed add ~/Recordings/episode-1.mp3
      mediafeed serve            # preview it on http://127.0.0.1:8000/
      mediafeed build            # build ./public from the show in this folder
      mediafeed check --strict   # fail on warnings too
    """
    handed = ctx.obj.sweep if isinstance(ctx.obj, Settings) else None  # from commands.shortcut
    ctx.obj = Settings(quiet=quiet, verbose=verbose, color=color, sweep=handed)


if __name__ == "__main__":  # pragma: no cover
    main()
