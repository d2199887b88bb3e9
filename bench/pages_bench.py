"""CPU of rendering a show's pages and feed items, in one process (issue #9).

Usage (a show built once before, so its cache holds the probes and rendered notes)::

    PYTHONPATH=$PWD python bench/pages_bench.py /dev/shm/show --repeat 5

Prints, per 1,000 episodes, the process CPU time (``time.process_time``, min of ``--repeat`` runs) of:
compiling the theme's templates (a fresh environment without a bytecode cache, as a cold build), the
episode pages (``Renderer.episode_pages``: episode page, embed page, player fragment, oEmbed), the feed
items (``FeedItems.render_one``: RSS and JSON item, one episode at a time as a worker makes them) and
the index pages (``Renderer.index_page``, every page).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from mediafeed import build, jinjaenv, output, site
from mediafeed.archives import plan
from mediafeed.cache import CACHE_DIR, Cache
from mediafeed.fastpath import code_fingerprint
from mediafeed.project import load_project
from mediafeed.render import Renderer


def _kept(notes: object):
    return lambda: notes


class _Discard(output.Site):
    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        pass


class _Hash(output.Site):
    def __init__(self) -> None:
        super().__init__()
        self.hash = hashlib.sha256()

    def add(self, rel: str, data: bytes, origin: str = "") -> None:
        self.hash.update(rel.encode() + b"\0" + data)


def _digest(renderer: Renderer, items: list, show) -> str:
    sink = _Hash()
    for item in items:
        renderer.episode_pages(sink, item)
        rss, json = renderer.feed_items.render_one(item, show)
        sink.hash.update(rss.encode() + json.encode())
    for number in range(1, renderer.index_pages(items) + 1):
        renderer.index_page(sink, items, number)
    sink.hash.update(renderer.rss(plan(show, items)[0], items))
    return sink.hash.hexdigest()


def _best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("show", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--digest", action="store_true", help="print a hash of every rendered byte (to compare two versions)")
    args = parser.parse_args()
    root = args.show.resolve()
    cache = Cache(root / CACHE_DIR / "cache.sqlite")
    project = load_project(root, cache)
    items, _ = build.inspect(project, cache)
    items = [replace(item, notes=_kept(item.notes())) for item in items]  # notes in memory: reading them is not measured
    build_date = items[0].episode.date if items else datetime(1970, 1, 1, tzinfo=UTC)
    renderer = Renderer(project, build_date, None)
    assert project.show is not None
    show = project.show
    per = 1000 / max(1, len(items))
    sink = _Discard()

    def compile_theme() -> None:
        site.load_templates(site.environment(root, None))

    user_cache = Path(tempfile.mkdtemp(prefix="pages-bench-"))
    fingerprint = code_fingerprint()

    def theme_from_user_cache() -> None:  # a show's first build: its own .mediafeed/ empty, the user's cache not
        show_cache = Path(tempfile.mkdtemp(dir=user_cache))
        site.load_templates(site.environment(root, jinjaenv.TemplateCache(show_cache, fingerprint, user_cache)))

    def pages() -> None:
        for item in items:
            renderer.episode_pages(sink, item)

    def feed_items() -> None:
        for item in items:
            renderer.feed_items.render_one(item, show)

    def indexes() -> None:
        for number in range(1, renderer.index_pages(items) + 1):
            renderer.index_page(sink, items, number)

    pages()  # artwork fingerprints, first-use imports
    if args.digest:
        print("digest", _digest(renderer, items, show))
    print(f"{len(items)} episodes; CPU seconds per 1,000 episodes, min of {args.repeat}")
    print(f"  compile templates  {_best(args.repeat, compile_theme):.3f} (per build, not per episode)")
    theme_from_user_cache()
    print(f"  ... from the user cache {_best(args.repeat, theme_from_user_cache):.3f}")
    shutil.rmtree(user_cache)
    print(f"  episode pages      {_best(args.repeat, pages) * per:.3f}")
    print(f"  feed items         {_best(args.repeat, feed_items) * per:.3f}")
    print(f"  index pages        {_best(args.repeat, indexes) * per:.3f}")
    cache.close()


if __name__ == "__main__":
    main()
