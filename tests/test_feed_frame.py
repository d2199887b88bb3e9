"""The feed's channel (``feed.render_frame``) is the document feedgen's generator made, byte for byte.

``render_frame`` used feedgen's ``FeedGenerator`` (and, through it, feedgen.feed and dateutil: ~30 M instructions
of every build's start-up); since session 27 it makes the same elements with lxml itself, as ``render_items`` does
for the items. The generator stays the oracle here: each variant of the channel (with and without artwork,
copyright, language, trailers, WebSub hubs, RFC 5005 paging, items) must come out the same bytes.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from feedgen.feed import FeedGenerator

from mediafeed import __version__, feed
from mediafeed.build import inspect
from mediafeed.cache import Cache
from mediafeed.model import Item, Show
from mediafeed.project import load_project


def _feedgen_frame(show: Show, items: list[Item], *, image_url: str, build_date: datetime | None,
                   self_url: str = "", paging: feed.Paging | None = None, image_size: int = 0,
                   trailers: tuple[Item, ...] = ()) -> tuple[bytes, bytes]:
    """``render_frame`` as sessions 1 to 26 wrote it, with feedgen's generator."""
    fg = FeedGenerator()
    fg._FeedGenerator__rss_lastBuildDate = None  # noqa: SLF001
    for name, extension, _ in feed._EXTENSIONS:  # noqa: SLF001
        fg.register_extension(name, extension, atom=False)
    fg.title(show.title)
    fg.link(href=self_url or show.feed_url, rel="self", type="application/rss+xml")
    fg.link(href=show.url, rel="alternate")
    fg.description(show.description)
    fg.language(show.language)
    if show.copyright:
        fg.copyright(show.copyright)
    fg.generator(f"mediafeed {__version__}")
    if image_url:
        fg.image(url=image_url, title=show.title, link=show.url)
    core: Any = fg.mfcore
    core.build_date = build_date
    core.pub_date = items[0].episode.date if items else build_date
    core.paging = paging
    core.hubs = feed.websub_hubs(show)
    fg.itunes.show = show
    fg.itunes.image_url = image_url
    fg.podcastindex.show = show
    fg.podcastindex.image_url = image_url
    fg.podcastindex.image_size = image_size
    fg.podcastindex.trailers = trailers
    head, end, tail = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True).rpartition(b"  </channel>\n")
    return head, end + tail


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Show, list[Item]]:
    from helpers import copy_show

    root = copy_show(tmp_path_factory.mktemp("frame") / "show")
    cache = Cache(None)
    project = load_project(root, cache, now=datetime(2030, 1, 1, tzinfo=UTC))
    items, _ = inspect(project, cache)
    assert project.show is not None and len(items) >= 2
    return project.show, items


BUILT = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
VARIANTS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    # name: (changes to the show, arguments of render_frame)
    "the sample show": ({}, {}),
    "no artwork": ({}, {"image_url": ""}),
    "no copyright, no language": ({"copyright": "", "language": ""}, {}),
    "no build date, no items": ({}, {"build_date": None, "items": []}),
    "a self link of its own, an image size": ({}, {"self_url": "https://cdn.example.org/feed-2.xml", "image_size": 3000}),
    "an archive document": ({}, {"paging": feed.Paging(prev_archive_url="https://x.example/a1.xml", current_url="https://x.example/feed.xml",
                                                        next_archive_url="https://x.example/a3.xml", archive=True)}),
    "a paged feed": ({}, {"paging": feed.Paging(next_url="https://x.example/p2.xml", first_url="https://x.example/feed.xml",
                                                last_url="https://x.example/p9.xml", previous_url="https://x.example/p0.xml")}),
    "a complete feed": ({}, {"paging": feed.Paging(complete=True)}),
    "WebSub hubs": ({"publish": {"notify": {"websub": ["https://hub.example.org/", "https://pubsub.example.com/hub"]}}}, {}),
    "trailers": ({}, {"trailers": "items"}),
    "text to escape": ({"title": "Tom & Jerry's <show>", "description": "a \"quoted\" <b>text</b> & more",
                        "copyright": "© 2026 <us>"}, {}),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_channel_is_the_document_feedgens_generator_made(loaded: tuple[Show, list[Item]], variant: str) -> None:
    show, items = loaded
    changes, arguments = VARIANTS[variant]
    show = dataclasses.replace(show, **changes)
    arguments = {"items": items, "image_url": "https://podcast.example.org/safe-to-say/artwork.png",
                 "build_date": BUILT, **arguments}
    if arguments.get("trailers") == "items":
        arguments["trailers"] = tuple(items[:2])
    made = feed.render_frame(show, **arguments)
    assert made == _feedgen_frame(show, **arguments)
    assert made[0].startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<rss ") and made[1] == b"  </channel>\n</rss>\n"


@pytest.mark.parametrize("missing", ["title", "url", "description"])
def test_a_channel_without_a_required_element_is_refused_as_feedgen_refused_it(loaded: tuple[Show, list[Item]],
                                                                                 missing: str) -> None:
    show = dataclasses.replace(loaded[0], **{missing: ""})
    arguments: dict[str, Any] = {"items": loaded[1], "image_url": "", "build_date": BUILT}
    with pytest.raises(ValueError) as theirs:
        _feedgen_frame(show, **arguments)
    with pytest.raises(ValueError) as ours:
        feed.render_frame(show, **arguments)
    assert str(ours.value) == str(theirs.value)


def test_a_build_does_not_import_feedgens_generator(tmp_path: Path) -> None:
    import subprocess
    import sys

    from helpers import ROOT, copy_show

    root = copy_show(tmp_path / "show")
    code = ("import sys; from pathlib import Path; from mediafeed.build import build; build(Path(sys.argv[1]));"
            "print(sorted(m for m in sys.modules if m.startswith(('feedgen.feed', 'dateutil'))))")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT), "MEDIAFEED_JOBS": "1"})
    assert done.stdout.strip().splitlines()[-1] == "[]"
