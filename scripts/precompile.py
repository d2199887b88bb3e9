"""Write mediafeed/precompiled_table.py: the sources mediafeed hands to ``exec`` at run time, compiled ahead.

    python scripts/precompile.py            # after changing a record class or codec's generated code
    python scripts/precompile.py --check    # exit 1 when the table misses a source (tests/test_precompiled.py)

It imports every module of the package and builds the sample show (a cold build, then a rebuild after an edit,
in one process), recording each source ``precompiled.exec_source`` is given: dataclass's methods of every record
class and codec's dump and load functions. Each becomes a function of the table, under a name of its own; the
sources are the keys, so a source that changed is never matched by its old code (see mediafeed/precompiled.py).
The table belongs to the Python that made it (``exec``'s sources are the same from 3.11.0 to 3.11.x; another
version compiles them at run time, as before).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import os
import pkgutil
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "mediafeed" / "precompiled_table.py"
SHOW_FILES = ("show.yml", "artwork.png", "episodes", "published.json")


class Recorder(dict):  # type: ignore[type-arg]
    """An empty table that remembers what it was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: dict[str, None] = {}

    def get(self, key, default=None):  # type: ignore[no-untyped-def]
        if isinstance(key, str):
            self.asked.setdefault(key)
        return default


def record() -> list[str]:
    sys.path.insert(0, str(ROOT))
    os.environ["MEDIAFEED_JOBS"] = "1"  # every class and function made in this process
    from mediafeed import precompiled

    recorder = Recorder()
    precompiled._table = recorder
    import mediafeed

    for module in pkgutil.walk_packages(mediafeed.__path__, "mediafeed."):
        if module.name not in ("mediafeed.precompiled_table", "mediafeed.__main__"):
            importlib.import_module(module.name)
    from mediafeed.build import build

    with tempfile.TemporaryDirectory() as scratch:
        show = Path(scratch) / "show"
        show.mkdir()
        for name in SHOW_FILES:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, show / name)
        build(show, show / "public")
        notes = sorted(show.glob("episodes/*/episode.md"))[-1]
        notes.write_text(notes.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
        build(show, show / "public")
    return sorted(recorder.asked)


def entry(index: int, source: str) -> tuple[str, str]:
    """(the function's definition under its table name, its name in ``source``)."""
    tree = ast.parse(source)
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.FunctionDef):
        raise SystemExit(f"not one function definition: {source[:80]!r}")
    name = tree.body[0].name
    head = f"def {name}("
    if not source.startswith(head):
        raise SystemExit(f"does not start with {head!r}: {source[:80]!r}")
    return f"def _{index}(" + source[len(head):], name


def render(sources: list[str]) -> str:
    version = ".".join(map(str, sys.version_info[:2]))
    lines = [
        f'"""Made by scripts/precompile.py with Python {version}: the sources mediafeed gives ``exec`` at run time,',
        "compiled with the package (see mediafeed/precompiled.py). Do not edit: run ``python scripts/precompile.py``.",
        '"""',
        "# ruff: noqa",
        "# mypy: ignore-errors",
        "",
        f"VERSION = {tuple(sys.version_info[:2])!r}",
        "",
    ]
    table = []
    for index, source in enumerate(sources):
        definition, name = entry(index, source)
        lines += [definition, ""]
        table.append(f"    {source!r}: (_{index}, {name!r}),")
    lines += ["SOURCES = {", *table, "}", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only say whether the table has every source")
    args = parser.parse_args()
    sources = record()
    if args.check:
        from mediafeed.precompiled_table import SOURCES, VERSION

        missing = [s for s in sources if s not in SOURCES]
        if VERSION != tuple(sys.version_info[:2]):
            print(f"the table was made with Python {VERSION}, this is {sys.version_info[:2]}: not checked")
            return 0
        for source in missing:
            print(f"missing: {source.splitlines()[0][:100]}")
        print(f"{len(sources)} sources, {len(missing)} missing" + (": run python scripts/precompile.py" if missing else ""))
        return 1 if missing else 0
    text = render(sources)
    tmp = TABLE.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, TABLE)
    print(f"{TABLE.relative_to(ROOT)}: {len(sources)} sources, {len(text):,} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
