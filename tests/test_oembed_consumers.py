"""Real oEmbed consumers read an episode page of the sample site served on 127.0.0.1, and the player each hands a blog
works there: pyoembed (PyPI, a Python consumer), unfurl.js and @extractus/oembed-extractor (npm; unfurl.js reads a
page's Open Graph and Twitter card too, as link previews do).

Each finds the oEmbed answer by discovery, the `<link rel="alternate" type="application/json+oembed">` of the page (a
static site has no endpoint taking `?url=`, so a consumer that knows providers only from a list of endpoints, such as
micawber, has nothing to ask), asks it with `maxwidth` where it can, and gets the static answer, 600 × 180 (a static
host cannot read the query). The `html` it returns is put into a blog post whose stylesheet fits media to the column
(`img,video,iframe{max-width:100%;height:auto}`) in headless Chromium: docs/pages.md, "Paste the episode page's URL".
npm packages come from the registry into a cache outside the repository (``helpers.npm_package``, pinned versions).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import npm_package
from siteserver import CHROMIUM, SiteServer
from test_browser import BLOG_IFRAME_RULES, CUT_OR_SCROLLED, EP1, _blog, browser, server  # noqa: F401 - fixtures too

UNFURL_VERSION = "6.4.0"
OEMBED_EXTRACTOR_VERSION = "6.0.0"
#: read argv[2] with unfurl.js (oEmbed by discovery, Open Graph, Twitter card) and print what it found as JSON
UNFURL = """
const { unfurl } = require("unfurl.js");
unfurl(process.argv[2]).then((found) => process.stdout.write(JSON.stringify(found)),
  (error) => { process.stderr.write(String(error)); process.exit(1); });
"""
#: read argv[2] with @extractus/oembed-extractor, asking for at most 320 px, and print the answer as JSON
OEMBED_EXTRACTOR = """
const { extract } = require("@extractus/oembed-extractor");
extract(process.argv[2], { maxwidth: 320 }).then((found) => process.stdout.write(JSON.stringify(found)),
  (error) => { process.stderr.write(String(error)); process.exit(1); });
"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
    pytest.mark.skipif(shutil.which("node") is None or shutil.which("npm") is None,
                       reason="needs Node.js and npm (apt-get install npm)"),
]


def _node(name: str, version: str, script: str, url: str) -> dict[str, Any]:
    """What the npm package ``name`` read at ``url`` with ``script`` (run by Node beside its ``node_modules``)."""
    path = npm_package(name, version).parent / "read-episode.js"
    path.write_text(script, encoding="utf-8")
    done = subprocess.run(["node", str(path), url], capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, "NODE_ENV": "production"})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def _pyoembed(url: str, answer: dict[str, Any]) -> str:
    import pyoembed

    data = pyoembed.oEmbed(url, maxwidth=320)  # discovery, then the answer with ?maxwidth=320
    assert data == answer  # the static answer, whatever it was asked
    return str(data["html"])


def _unfurl(url: str, answer: dict[str, Any]) -> str:
    found = _node("unfurl.js", UNFURL_VERSION, UNFURL, url)
    assert found["open_graph"]["audio"] == [{"url": url + "ipv-and-substance-use.mp3", "type": "audio/mpeg"}]
    assert found["twitter_card"]["players"][0]["url"] == url + "embed/"
    assert (found["twitter_card"]["players"][0]["width"], found["twitter_card"]["players"][0]["height"]) == (600, 180)
    oembed = found["oEmbed"]
    assert {key: oembed[key] for key in ("type", "html", "width", "height", "title")} == {
        key: answer[key] for key in ("type", "html", "width", "height", "title")}
    return str(oembed["html"])


def _oembed_extractor(url: str, answer: dict[str, Any]) -> str:
    found = _node("@extractus/oembed-extractor", OEMBED_EXTRACTOR_VERSION, OEMBED_EXTRACTOR, url)
    assert found.pop("method") == "auto-discovery"
    assert found == answer
    return str(found["html"])


CONSUMERS: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "pyoembed": _pyoembed, "unfurl.js": _unfurl, "oembed-extractor": _oembed_extractor}


@pytest.mark.parametrize("consumer", CONSUMERS.values(), ids=CONSUMERS.keys())
def test_a_consumer_finds_the_episodes_player_and_it_keeps_its_size_on_a_blog(
        server: SiteServer, browser: object, consumer: Callable[[str, dict[str, Any]], str]) -> None:  # noqa: F811
    """The consumer reads the episode page's URL as a blogger pastes it. The player it hands back, in a 320 px column of
    a blog whose stylesheet fits media to the column, was 150 px high (the browser's default for an iframe whose height
    is only an attribute: `height:auto` beats it), the player's chapter menu and the card's foot cut off and the frame
    scrolling. It keeps its 180 px now, with nothing cut and nothing to scroll."""
    answer = json.loads((server.root / EP1 / "oembed.json").read_text(encoding="utf-8"))
    html = consumer(server.url + EP1, answer)
    body = (f"<style>{BLOG_IFRAME_RULES['fit media']}</style><main style='width:320px'><p>Listen:</p>{html}"
            "<p>After the player.</p></main>")
    with _blog(browser, body, 400, 700) as (tab, errors):
        handle = tab.query_selector("iframe")
        frame = handle.content_frame()
        frame.wait_for_selector(".player-bar", state="visible")
        box = handle.bounding_box()
        assert (round(box["width"]), round(box["height"])) == (320, 180), box
        assert frame.evaluate(CUT_OR_SCROLLED) == []
        frame.click("[data-play]")
        frame.wait_for_function("() => !document.querySelector('audio').paused")
    assert errors == []
