"""CPU of ``rendering.render_site`` in a cold build, in one process (issue #9, s5pages).

Usage (a show built once before, so its cache holds the probes, the notes and the tagged copies)::

    MEDIAFEED_JOBS=1 PYTHONPATH=$PWD python bench/render_bench.py /dev/shm/show --repeat 5 [--digest]

Loads the show as a build does (load_project, inspect, tag_published: from the cache), then renders the
whole site ``--repeat`` times into a new, empty output folder on the same file system as the show
(a cold build's render_site: every page rendered, every file written, the feeds' items rendered again),
and prints the process CPU time (``time.process_time``) of each run and the minimum. ``--digest`` prints a
sha256 of every output file (path and bytes), to compare two versions of the code.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from mediafeed import build, output, tagging
from mediafeed.cache import CACHE_DIR, Cache
from mediafeed.project import load_project
from mediafeed.rendering import render_site


def digest(folder: Path) -> str:
    total = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        total.update(path.relative_to(folder).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return total.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("show", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--digest", action="store_true")
    args = parser.parse_args()
    root = args.show.resolve()
    cache = Cache(root / CACHE_DIR / "cache.sqlite")
    project = load_project(root, cache)
    items, _ = build.inspect(project, cache)
    assert project.show is not None
    if project.show.tag_on_build:
        items, _, _, _ = tagging.tag_published(project, items, cache)
    build_date = items[0].episode.date if items else datetime(1970, 1, 1, tzinfo=UTC)
    work = Path(tempfile.mkdtemp(prefix="render-bench-", dir=root.parent))
    times = []
    try:
        for run in range(args.repeat):
            out = work / str(run)
            started = time.process_time()
            writer = output.Writer(out)
            render_site(project, items, build_date, None, writer)
            writer.finish()
            times.append(time.process_time() - started)
            if args.digest and run == 0:
                print("digest", digest(out))
            shutil.rmtree(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        cache.close()
    print(f"{len(items)} episodes, render_site CPU s:", " ".join(f"{t:.3f}" for t in times), f"min {min(times):.3f}",
          f"(jobs {os.environ.get('MEDIAFEED_JOBS', 'default')})")


if __name__ == "__main__":
    main()
