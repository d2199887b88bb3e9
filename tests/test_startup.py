"""What a rebuild imports: only what the work in front of it needs (start-up is most of a small rebuild)."""

from __future__ import annotations

import email.utils
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from mediafeed.dates import rfc2822

ROOT = Path(__file__).resolve().parent.parent
#: the modules loaded when the program ends, printed at exit (a build the shortcut answers ends with os._exit after
#: running what was registered with atexit: see shortcut._done)
LOADED = ("import sys, atexit\natexit.register(lambda: print('loaded:', *sorted(m for m in {names} if m in sys.modules)))"
          "\n{stmt}")


def _loaded(stmt: str, names: tuple[str, ...], cwd: Path | None = None) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", LOADED.format(stmt=stmt, names=names)], capture_output=True,
                            text=True, env=env, cwd=cwd, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()[1:]


@pytest.mark.parametrize("moment", [
    datetime(2019, 6, 15, 19, 0, tzinfo=UTC),
    datetime(2026, 2, 29 - 1, 23, 59, 59, tzinfo=timezone(timedelta(hours=-5))),
    datetime(1999, 12, 31, 0, 0, 1, 500, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    datetime(2024, 1, 1, 8, 5, 9, tzinfo=timezone(timedelta(hours=1, seconds=7))),
    datetime(2024, 7, 4, 12, 0),
])
def test_rfc2822_is_what_the_email_package_writes(moment: datetime) -> None:
    assert rfc2822(moment) == email.utils.format_datetime(moment)


def _parsed(parse: object, value: str) -> tuple[str, object, object]:
    try:
        moment = parse(value)  # type: ignore[operator]
    except (TypeError, ValueError, IndexError):
        return ("not a real date", None, None)
    return ("ok", moment, moment.utcoffset() if moment is not None else None)


def test_the_feed_rules_read_dates_as_the_email_package_reads_them() -> None:
    """Dates in the form mediafeed writes are read without the email package, to the same datetime (or the
    same error); any other form still goes to it (None here)."""
    import random

    from mediafeed.checks.channel import _canonical_date, check_date

    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    rng = random.Random(9)
    values = [f"{rng.choice(days)}, {rng.randint(0, 39):02d} {rng.choice(months)} {rng.randint(0, 9999):04d} "
              f"{rng.randint(0, 29):02d}:{rng.randint(0, 69):02d}:{rng.randint(0, 69):02d} "
              f"{rng.choice('+-')}{rng.randint(0, 30):02d}{rng.randint(0, 99):02d}" for _ in range(20000)]
    values += ["Thu, 26 Nov 2026 12:00:00 -0000", " Sat, 29 Feb 2020 23:59:59 +2359\n", "Fri, 29 Feb 2019 00:00:00 +0000",
               "Thu, 26 Nov 2026 12:00:00 +2400", "Thu, 26 Nov 2026 24:00:00 +0000", "Thu, 26 Nov 2026 12:60:00 +0000"]
    canonical = 0
    for value in values:
        ours = _parsed(_canonical_date, value)
        if ours[0] == "ok" and ours[1] is None:  # a year before 1000 (email.utils moves two-digit years): its job
            assert value.split()[3].startswith("0"), value
            continue
        canonical += 1
        assert ours == _parsed(email.utils.parsedate_to_datetime, value), value
    assert canonical > 15000
    for value in ("26 Nov 2026 12:00 GMT", "Thu,  26 Nov 2026 12:00:00 +0000", "Fri, 6 Nov 2026 12:00:00 EST"):
        assert _canonical_date(value) is None and check_date(value) == ("", None)
    assert check_date("Wed, 26 Nov 2026 12:00:00 +0000")[0].endswith("the day name says Wed but the date is a Thu")
    assert check_date("Thu, 31 Feb 2026 12:00:00 +0000")[0].endswith("is not a real date")


def test_importing_the_build_loads_neither_the_tagger_nor_the_terminal() -> None:
    heavy = ("mutagen", "mediafeed.audio.probe", "mediafeed.audio.tagger", "click", "email.utils", "PIL",
             "requests", "boto3", "jinja2", "mediafeed.jinjaenv", "difflib")
    assert _loaded("import mediafeed.build", heavy) == []


def test_the_audio_package_gives_every_name_it_lists() -> None:
    from mediafeed import audio
    from mediafeed.audio import tagger  # the submodule named like nothing exported

    assert callable(audio.probe) and audio.probe.__module__ == "mediafeed.audio.probe"
    assert audio.tagset.FIELDS and tagger.TAGGABLE is audio.TAGGABLE
    for name in audio.__all__:
        assert getattr(audio, name) is not None, name
    assert not hasattr(audio, "no_such_name")


def test_the_probe_function_survives_its_module_being_imported_first() -> None:
    stmt = ("import mediafeed.audio.tagger, mediafeed.audio.probe; from mediafeed import audio; "
            "assert callable(audio.probe), audio.probe")
    assert _loaded(stmt, ("mutagen",)) == ["mutagen"]


def test_a_no_change_build_loads_neither_click_nor_the_build(show: Path) -> None:
    stmt = ("import runpy; sys.argv = ['mediafeed', 'build', '-q']\n"
            "try:\n    runpy.run_module('mediafeed', run_name='__main__', alter_sys=True)\nexcept SystemExit:\n    pass")
    # no stamp yet: a build, and (stderr is not a terminal) still without click
    assert _loaded(stmt, ("click", "mediafeed.build"), cwd=show) == ["mediafeed.build"]
    assert _loaded(stmt, ("click", "mediafeed.build", "jinja2", "yaml", "json"), cwd=show) == ["json"]


def test_a_one_edit_rebuild_loads_no_difflib(show: Path) -> None:
    """difflib (~3 M instructions to import) only says which known key an unknown one resembles: published.json as
    mediafeed writes it has none, and every build reads it (ledger._shape imported difflib for each one)."""
    stmt = ("import runpy; sys.argv = ['mediafeed', 'build', '-q']\n"
            "try:\n    runpy.run_module('mediafeed', run_name='__main__', alter_sys=True)\nexcept SystemExit:\n    pass")
    assert _loaded(stmt, ("difflib",), cwd=show) == []  # a first build: published.json written
    with open(show / "episodes/003-capabilities-framework/episode.md", "a", encoding="utf-8") as notes:
        notes.write("\n\nOne more sentence.\n")
    assert (show / "published.json").exists()
    assert _loaded(stmt + "\nassert 'mediafeed.ledger' in sys.modules", ("difflib",), cwd=show) == []


def test_an_edit_that_leaves_the_tags_alone_does_not_load_the_tagger(show: Path) -> None:
    """A page re-rendered, its media's tags unchanged: probing and tagging code (and mutagen) stay unloaded, and
    so does the email package (the feed rules read the feed's own dates without it)."""
    from click.testing import CliRunner

    from mediafeed.cli import main

    assert CliRunner().invoke(main, ["build", "--show", str(show), "-q"]).exit_code == 0
    with open(show / "episodes/003-capabilities-framework/episode.md", "a", encoding="utf-8") as notes:
        notes.write("\n\n")
    stmt = ("import json; from mediafeed.cli import main; from click.testing import CliRunner\n"
            "r = CliRunner().invoke(main, ['build', '--format', 'json'])\n"
            "assert r.exit_code == 0 and json.loads(r.output)['rendered'] > 0, r.output")
    assert _loaded(stmt, ("mutagen", "mediafeed.audio.tagger", "mediafeed.audio.probe", "email.utils"), cwd=show) == []


def test_pillow_version_is_read_without_importing_it() -> None:
    from importlib import metadata

    from mediafeed.images import pillow_version

    assert pillow_version() == metadata.version("pillow")
    assert _loaded("from mediafeed.images import settings; settings()", ("PIL", "importlib.metadata", "email")) == []


RUN_CLI = ("import runpy; sys.argv = ['mediafeed', {args}]\n"
           "try:\n    runpy.run_module('mediafeed', run_name='__main__', alter_sys=True)\nexcept SystemExit:\n    pass")
#: what no command's help needs: the libraries behind the work, and mediafeed's own model and readers
NOT_FOR_HELP = ("jinja2", "yaml", "lxml", "requests", "mutagen", "PIL", "feedgen", "cmarkgfm", "nh3", "sqlite3",
                "mediafeed.model", "mediafeed.build", "mediafeed.episodes", "mediafeed.checks.showfeed",
                "mediafeed.site", "mediafeed.lint", "mediafeed.publish")


@pytest.mark.parametrize("command", ["", "init", "add", "list", "tag", "check", "build", "serve", "publish", "import",
                                     "guid"])
def test_help_loads_only_the_command_line(command: str) -> None:
    """``mediafeed --help`` and each command's help import click and the command modules, not the libraries
    the commands call (they are imported in the command's body)."""
    args = ", ".join(repr(a) for a in [*command.split(), "--help"])
    assert _loaded(RUN_CLI.format(args=args), ("click", *NOT_FOR_HELP)) == ["click"]


def test_the_add_command_offers_the_episode_types_the_reader_accepts() -> None:
    from mediafeed.commands.add import EPISODE_TYPES, add
    from mediafeed.episodes import EPISODE_TYPES as READ

    assert EPISODE_TYPES == READ
    choice = next(p for p in add.params if p.name == "episode_type").type
    assert tuple(choice.choices) == READ


def test_checking_a_show_offline_does_not_load_the_http_client(show: Path) -> None:
    stmt = RUN_CLI.format(args="'check', '-q'")
    assert _loaded(stmt, ("requests", "urllib3", "mediafeed.checks.online"), cwd=show) == []


@pytest.mark.parametrize("command", ["list", "check"])
def test_listing_and_checking_a_show_do_not_load_the_template_engine(show: Path, command: str) -> None:
    """They run the same checks as a build (the feed rules too) but render no page: no Jinja, and once the notes
    are in the cache, neither the Markdown engine nor the sanitiser."""
    stmt = RUN_CLI.format(args=f"{command!r}, '-q'")
    assert _loaded(stmt, ("jinja2", "mediafeed.jinjaenv", "mediafeed.templatecode", "requests"), cwd=show) == []
    assert _loaded(stmt, ("cmarkgfm", "nh3", "ctypes"), cwd=show) == []


def test_a_no_change_build_does_not_load_typing(show: Path) -> None:
    """typing costs a no-change build ~3.5 ms. Run without ``site`` (``-S``, the libraries on the path by hand): this
    machine's site-packages has a ``.pth`` file that imports typing before any of mediafeed's code runs."""
    import site

    # the build that stamps
    assert _loaded(RUN_CLI.format(args="'build', '-q'"), ("mediafeed.build",), cwd=show) == ["mediafeed.build"]
    paths = [str(ROOT), *site.getsitepackages(), site.getusersitepackages()]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    stmt = LOADED.format(stmt=RUN_CLI.format(args="'build', '-q'"), names=("typing", "click", "mediafeed.build"))
    result = subprocess.run([sys.executable, "-S", "-c", stmt], capture_output=True, text=True, env=env, cwd=show,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split()[1:] == []


def test_a_cold_build_of_a_show_of_mp3s_loads_only_what_its_files_need(show: Path) -> None:
    """A cold build (no .mediafeed, no output; the user's cache of scaled artwork kept, as bench's) of a show of MP3s
    with a plain PNG artwork imported Pillow to read the artwork's size, mutagen's MP4, FLAC, Ogg, AAC and WAVE
    readers, subprocess (for commands tagging an MP3 never runs) and the HTTP checks (to read an old feed.xml there
    was none of): ~100 M instructions of a 10-episode show's 1.2 G."""
    import shutil

    for folder in ("002-learning-alliances", "004-combined-programme-outcomes"):  # (the sample's two M4A episodes)
        shutil.rmtree(show / "episodes" / folder)
    stmt = RUN_CLI.format(args="'build', '-q'")
    names = ("PIL", "mutagen.mp4", "mutagen.flac", "mutagen.wave", "mutagen.oggopus", "mutagen.oggvorbis",
             "mutagen.aac", "subprocess", "mediafeed.checks.http", "mutagen.mp3", "mediafeed.audio.tagger")
    for _ in range(2):  # (the first build may scale the artwork for the pages with Pillow, into the user's cache)
        shutil.rmtree(show / ".mediafeed", ignore_errors=True)
        shutil.rmtree(show / "public", ignore_errors=True)
        (show / "published.json").unlink(missing_ok=True)
        loaded = _loaded(stmt, names, cwd=show)
    assert loaded == ["mediafeed.audio.tagger", "mutagen.mp3"]  # (it probed and tagged)
