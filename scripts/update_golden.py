#!/usr/bin/env python3
"""Regenerate tests/golden/ (feed.xml, feed.json) from a fresh build of the sample show.

Run it after a deliberate change to the feeds or to the sample show, then review
the diff before committing:

    PYTHONPATH=. python scripts/update_golden.py && git diff tests/golden
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers import GOLDEN_DIR, GOLDEN_FILES, build_golden  # noqa: E402


def main() -> None:
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build_golden(Path(tmp))
        for name in GOLDEN_FILES:
            shutil.copyfile(site / name, GOLDEN_DIR / name)
            print(GOLDEN_DIR / name)


if __name__ == "__main__":
    main()
