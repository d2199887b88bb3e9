from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import click

from ..terminal import boundary, echo, info, print_json
from .options import format_option, verbosity_options


@click.command()
@verbosity_options
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--title", default="", help="The show's name.")
@click.option("--description", default="", help="What the show is about (plain text).")
@click.option("--url", default="", help="The public address of the site, e.g. https://example.org/podcast/.")
@click.option("--author", default="", help="Who makes the show (also the owner's name).")
@click.option("--email", default="", help="The owner's e-mail address (Apple writes to it).")
@click.option("--language", default="en", show_default=True, help="ISO 639 language code, e.g. en, en-gb.")
@click.option("--category", default="", help="One of Apple's categories, e.g. Leisure (no default: asked in a terminal, "
              "required otherwise).")
@click.option("--subcategory", default="", help="One of Apple's subcategories of --category.")
@click.option("--explicit/--clean", default=False, show_default=True, help="Whether the show is explicit.")
@click.option("--no-input", is_flag=True, help="Never ask; fail on missing answers (the default when not in a terminal).")
@format_option
@boundary
def init(directory: Path, title: str, description: str, url: str, author: str, email: str, language: str,
         category: str, subcategory: str, explicit: bool, no_input: bool, fmt: str) -> None:
    """Start a new show in DIRECTORY (default: here).

    Writes show.yml with every key explained, an episodes/ folder and a
    templates/ folder with a README on overriding the theme. In a terminal it
    asks for whatever the options did not give (language, category,
    subcategory and explicit too); otherwise every essential (--title
    --description --url --author --email --category) must be given. Never
    overwrites an existing show.yml.

    \b
    Exit codes: 0 created, 2 a missing or invalid answer, or a show already exists, 130 interrupted
    (nothing written).

    \b
    Example:
      mediafeed init my-show
      mediafeed init my-show --title "Night Shift" --description "Stories from the late shift" \\
          --url https://example.org/night-shift/ --author "Ana Diaz" --email ana@example.org --category Fiction
    """
    from ..scaffold import ShowAnswers, init_show, refuse_existing

    refuse_existing(directory)
    if not no_input and sys.stdin.isatty() and fmt == "text":
        title = title or click.prompt("Show title", err=True)
        description = description or click.prompt("One or two sentences on what it is about", err=True)
        url = url or click.prompt("Public address of the site (https://…/)", err=True, value_proc=_checked("url"))
        author = author or click.prompt("Author (you or your team)", err=True)
        email = email or click.prompt("Owner e-mail (Apple writes here)", err=True, value_proc=_checked("email"))
        # the rest have defaults, which were taken without a word (a show about bread filed under Technology)
        given = _given(click.get_current_context())
        if "language" not in given:
            language = click.prompt("Language (ISO 639: en, en-gb, de, fr-ca …)", default=language, err=True,
                                    value_proc=_checked("language"))
        if "category" not in given:
            from ..categories import APPLE_CATEGORIES

            info("Apple's categories: " + ", ".join(APPLE_CATEGORIES))
            category = click.prompt("Category", err=True, value_proc=_checked("category"))
        if "subcategory" not in given and _subcategories(category):
            subcategory = click.prompt(f"Subcategory ({', '.join(_subcategories(category))}; Enter for none)",
                                       default="", show_default=False, err=True,
                                       value_proc=_checked("subcategory", category))
        if "explicit" not in given:
            explicit = click.confirm("Explicit content (Apple marks the show 'E')?", default=explicit, err=True)
    answers = ShowAnswers(title=title, description=description, url=url, author=author, email=email,
                          language=language, category=category, subcategory=subcategory, explicit=explicit)
    created = init_show(directory, answers)
    if fmt == "json":
        print_json({"ok": True, "show": str(directory.resolve()), "created": created})
        return
    for rel in created:
        echo(str(directory / rel))
    # quoted as a shell needs it, so that the command runs as written for a folder named "My Show" too
    info(f"Next: put square artwork (JPEG or PNG, 1400 to 3000 pixels a side: Apple's rule) at "
         f"{directory / 'artwork.jpg'}, then run: mediafeed add EPISODE.mp3 --show "
         f"{shlex.quote(str(directory))}")


def _given(ctx: click.Context) -> set[str]:
    """The options given on the command line (not asked for)."""
    return {name for name in ctx.params if ctx.get_parameter_source(name) != click.core.ParameterSource.DEFAULT}


def _subcategories(category: str) -> tuple[str, ...]:
    from ..categories import APPLE_CATEGORIES

    return APPLE_CATEGORIES.get(category, ())


def _checked(name: str, category: str = "") -> Callable[[str], str]:
    """A prompt's check: a wrong answer is said at once, with its fix, and asked for again (click re-asks)."""
    def check(value: str) -> str:
        from ..scaffold import answer_problem

        value = value.strip()
        if name == "subcategory" and not value:
            return value
        problem = answer_problem(name, value, category)
        if problem:
            message, fix = problem
            raise click.BadParameter(f"{message} — {fix.replace(f'--{name} ', '').replace(' --subcategory ', ', then the subcategory ')}")
        return value
    return check
