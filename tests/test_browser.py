"""The built sample site in headless Chromium: players, chapters, embeds in a sandboxed iframe, oEmbed, axe-core.

The site is served on 127.0.0.1 by ``siteserver.SiteServer`` (Range support, like a podcast host) and built
with its ``url`` pointing there. Screenshots land in ``tests/artifacts/`` (git-ignored) for a person to look at.
axe-core comes from the npm registry (``npm install axe-core``) into a cache outside the repository.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import copy_show, npm_package
from mutagen import File as MutagenFile
from siteserver import CHROMIUM, SiteServer, chromium, sample_site

AXE_VERSION = "4.14.1"
ARTIFACTS = Path(__file__).parent / "artifacts"
EP1 = "episodes/001-ipv-and-substance-use/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def axe_script() -> str:
    """axe.min.js from the npm package, installed once into a cache folder outside the repository."""
    return (npm_package("axe-core", AXE_VERSION) / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The sample show built for http://127.0.0.1:PORT/safe-to-say/ and served from there."""
    with sample_site(tmp_path_factory.mktemp("browser")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium("--autoplay-policy=no-user-gesture-required") as launched:
        yield launched


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()


def wait_metadata(tab: object, selector: str = "[data-player] audio") -> None:
    tab.wait_for_function(f"() => document.querySelector('{selector}').readyState >= 1")  # type: ignore[attr-defined]


def test_player_loads_the_right_audio_and_plays(server: SiteServer, page: object) -> None:
    page.goto(server.url + EP1)
    wait_metadata(page)
    src = page.eval_on_selector("[data-player] audio", "a => a.currentSrc")
    assert src == server.url + EP1 + "ipv-and-substance-use.mp3"
    real = MutagenFile(server.root / EP1 / "ipv-and-substance-use.mp3").info.length
    duration = page.eval_on_selector("[data-player] audio", "a => a.duration")
    assert abs(duration - real) < 0.5
    # enhanced: the native controls give way to the labelled bar
    assert page.eval_on_selector("[data-player] audio", "a => a.controls") is False
    assert page.is_visible(".player-bar")
    play = page.get_by_role("button", name="Play")
    play.click()
    page.wait_for_function("() => !document.querySelector('[data-player] audio').paused")
    page.get_by_role("button", name="Pause").wait_for(timeout=10_000)  # the label follows with the "play" event
    page.get_by_role("button", name="Pause").click()
    page.wait_for_function("() => document.querySelector('[data-player] audio').paused")
    page.select_option("[data-rate]", "1.5")
    assert page.eval_on_selector("[data-player] audio", "a => a.playbackRate") == 1.5
    assert page.errors == []


def test_chapter_click_seeks_the_player(server: SiteServer, page: object) -> None:
    page.goto(server.url + EP1)
    wait_metadata(page)
    page.get_by_role("link", name=re.compile("Prevalence")).click()
    page.wait_for_function("() => document.querySelector('[data-player] audio').currentTime >= 15")
    at = page.eval_on_selector("[data-player] audio", "a => a.currentTime")
    assert 15 <= at < 25
    page.wait_for_selector("a.chapter-link[aria-current] >> text=Prevalence")
    assert page.url == server.url + EP1  # the page stayed; the player moved
    # the keyboard: focus a chapter and press Enter
    page.focus("a.chapter-link[data-start='28.0']")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-player] audio').currentTime >= 28")
    # a transcript time stamp seeks too
    page.get_by_role("link", name="Play from 0:07").click()
    page.wait_for_function("() => { const t = document.querySelector('[data-player] audio').currentTime; return t >= 7 && t < 14; }")
    assert page.errors == []


def test_player_and_chapters_work_from_the_keyboard_with_visible_focus(server: SiteServer, page: object) -> None:
    page.goto(server.url + EP1)
    wait_metadata(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    order = []
    for _ in range(40):
        page.keyboard.press("Tab")
        order.append(page.evaluate("(document.activeElement.getAttribute('aria-label') || document.activeElement.textContent).trim()"))
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", order[-1]  # a visible focus indicator on every stop
        if order[-1] == "Play":
            break
    assert order[-1] == "Play", order
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('[data-player] audio').paused")
    page.keyboard.press("Space")  # the same button, now "Pause"
    page.wait_for_function("() => document.querySelector('[data-player] audio').paused")
    for _ in range(2):
        page.keyboard.press("Tab")  # back 15 s, then the position slider
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Position"
    start = page.eval_on_selector("[data-player] audio", "a => a.currentTime")
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => document.querySelector('[data-player] audio').currentTime >= {start + 9}")
    assert "of 40 seconds" in page.evaluate("document.activeElement.getAttribute('aria-valuetext')")


def test_without_javascript_the_player_is_plain_audio_controls(server: SiteServer, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(server.url + EP1)
    assert tab.eval_on_selector("[data-player] audio", "a => a.hasAttribute('controls')") is True
    assert not tab.is_visible(".player-bar")
    assert tab.is_visible("[data-player] audio")
    href = tab.get_attribute("a.chapter-link[data-start='15.0']", "href")
    assert href == server.url + EP1 + "ipv-and-substance-use.mp3#t=15.0"
    context.close()


def test_embed_plays_inside_a_sandboxed_iframe_on_a_blog(server: SiteServer, browser: object) -> None:
    oembed = json.loads((server.root / EP1 / "oembed.json").read_text())
    # WordPress keeps only the iframe and sandboxes it with allow-scripts alone
    iframe = re.sub(r'sandbox="[^"]*"', 'sandbox="allow-scripts"', oembed["html"])
    blog = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Programme news</title><link rel='icon' href='data:,'></head><body>"
            "<main><h1>New research</h1><p>Listen to the whole thing here:</p>" + iframe +
            "<div style='width:300px'>" + iframe.replace('title="', 'id="narrow" title="') + "</div></main></body></html>")
    with SiteServer() as other:  # another origin, like a partner's blog
        other.extra["/news/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context(viewport={"width": 1000, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        tab.on("response", lambda response: errors.append(f"{response.status} {response.url}") if response.status >= 400 else None)
        tab.goto(other.url + "news/post.html")
        handles = tab.query_selector_all("iframe")
        assert [h.get_attribute("sandbox") for h in handles] == ["allow-scripts", "allow-scripts"]
        for handle, width in zip(handles, (600, 300)):
            frame = handle.content_frame()
            # (the iframes load lazily, after the page's load event: under load a frame may still be about:blank here)
            frame.wait_for_url(server.url + EP1 + "embed/")
            assert frame.url == server.url + EP1 + "embed/"
            frame.wait_for_selector(".player-bar", state="visible")  # the script ran in the sandbox
            frame.wait_for_function("() => document.querySelector('audio').readyState >= 1")
            assert frame.eval_on_selector("audio", "a => a.currentSrc") == server.url + EP1 + "ipv-and-substance-use.mp3"
            box = handle.bounding_box()
            assert round(box["width"]) == width and round(box["height"]) == oembed["height"]
            # nothing overflows: the card fits the frame at this width
            assert frame.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
            play = frame.query_selector("[data-play]").bounding_box()
            assert play["x"] + play["width"] <= box["x"] + width and play["y"] + play["height"] <= box["y"] + box["height"]
            frame.click("[data-play]")
            frame.wait_for_function("() => !document.querySelector('audio').paused")
            frame.select_option("[data-chapters]", "28.0")
            frame.wait_for_function("() => document.querySelector('audio').currentTime >= 28")
            frame.click("[data-play]")
            assert frame.evaluate("origin") == "null"  # an opaque origin: no cookies or storage to be had
        tab.screenshot(path=str(ARTIFACTS / "blog-with-embeds.png"))
        context.close()
    assert errors == []


@contextlib.contextmanager
def _blog(browser: object, body: str, width: int, height: int) -> Iterator[tuple[Any, list[str]]]:
    """``body`` in a blog post served from another origin, open in a new tab: (the tab, the console's errors)."""
    post = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Programme news</title>"
            f"<link rel='icon' href='data:,'></head><body>{body}</body></html>")
    with SiteServer() as other:
        other.extra["/news/post.html"] = ("text/html; charset=utf-8", post.encode())
        context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(other.url + "news/post.html")
        try:
            yield tab, errors
        finally:
            context.close()


#: (for frame.evaluate) what of an embed's card and controls lies outside its frame, and whether the frame scrolls:
#: [] when it all fits
CUT_OR_SCROLLED = """() => {
    const d = document.documentElement, out = [];
    if (d.scrollHeight > d.clientHeight || d.scrollWidth > d.clientWidth) out.push(['scrolls', d.scrollHeight]);
    document.querySelectorAll('a, button, input, select, video, .embed-card').forEach(e => {
        const r = e.getBoundingClientRect();
        if (r.width && !e.closest('.visually-hidden') && (r.bottom > d.clientHeight + .5 || r.right > d.clientWidth + .5))
            out.push([e.className || e.tagName, Math.round(r.bottom)]);
    });
    return out; }"""


def test_several_embeds_on_one_blog_page_play_one_at_a_time(server: SiteServer, browser: object) -> None:
    """A blog post with the embed codes of three episodes, as the oEmbed answers give them (each frame sandboxed, so
    an opaque origin of its own), beside a frame of someone else's that reads every message as JSON. Before, pressing
    Play in the second embed left the first playing: two episodes talking over each other. Starting one pauses the
    others now, by a message through the blog's page (each embed sees nothing else of its neighbours); nothing else
    on the page is touched, and the stranger's frame sees JSON it can read."""
    episodes = ["001-ipv-and-substance-use", "002-learning-alliances", "003-capabilities-framework"]
    codes = [json.loads((server.root / "episodes" / slug / "oembed.json").read_text())["html"] for slug in episodes]
    stranger = ("<iframe title='Newsletter' srcdoc=\"<script>addEventListener('message', e => "
                "{ try { JSON.parse(e.data) } catch (x) { parent.postMessage('broken', '*') } })</script>\"></iframe>")
    body = ("<main style='max-width:560px'><h1>Three episodes</h1>"
            + "".join(f"<p>Episode {n}:</p>{code}" for n, code in enumerate(codes, 1)) + stranger + "</main>"
            "<script>var heard = []; addEventListener('message', e => heard.push(String(e.data)))</script>")
    with _blog(browser, body, 800, 1400) as (tab, errors):
        frames = [handle.content_frame() for handle in tab.query_selector_all("iframe[sandbox]")]
        for frame, slug in zip(frames, episodes):
            frame.wait_for_url(server.url + f"episodes/{slug}/embed/")
            frame.wait_for_selector(".player-bar", state="visible")
        playing = "() => !document.querySelector('audio').paused"
        frames[0].click("[data-play]")
        frames[0].wait_for_function(playing)
        frames[1].click("[data-play]")
        frames[1].wait_for_function(playing)
        frames[0].wait_for_function("() => document.querySelector('audio').paused")
        assert [frame.evaluate(playing) for frame in frames] == [False, True, False]
        assert frames[0].get_attribute("[data-play]", "aria-label") == "Play"  # its button says so
        frames[2].select_option("[data-chapters]", "7.0")  # a chapter plays too, so it is a start like Play
        frames[2].wait_for_function(playing)
        frames[1].wait_for_function("() => document.querySelector('audio').paused")
        assert [frame.evaluate(playing) for frame in frames] == [False, False, True]
        assert tab.evaluate("heard") == []  # the blog's own page is told nothing
    assert errors == []


def test_the_embed_fits_its_frame_in_a_phones_column_without_scrolling(server: SiteServer, browser: object) -> None:
    """The embed codes of the two episodes with the longest titles and both a chapter menu and a transcript link, in
    blog columns from 240 to 800 px (a 320 px phone whose blog keeps 16 px each side gives 288; a 430 px one, 398).
    Below 300 px the player's controls took two rows, and from 381 to about 430 px the title's two lines beside the
    artwork did not leave room: the chapter menu and the card's foot were cut off by the 180 px frame (by 12 to 79
    px), which scrolled. Every control now shows whole in the frame, which does not scroll, at every such width."""
    codes = [json.loads((server.root / "episodes" / slug / "oembed.json").read_text())["html"]
             for slug in ("001-ipv-and-substance-use", "003-capabilities-framework")]
    widths = (240, 250, 264, 280, 288, 299, 300, 340, 381, 398, 412, 430, 480, 520, 600, 800)
    body = "".join(f"<div style='width:{w}px'>{code}</div>" for w in widths for code in codes)
    with _blog(browser, body, 1000, 200 * len(widths) * len(codes)) as (tab, errors):
        cut = []
        for handle in tab.query_selector_all("iframe"):
            frame = handle.content_frame()
            frame.wait_for_selector(".player-bar", state="visible")
            width = round(handle.bounding_box()["width"])
            cut += [(width, frame.url.split("/")[-3], *c) for c in frame.evaluate(CUT_OR_SCROLLED)]
        assert cut == []
    assert errors == []


#: Blog stylesheets' rules about iframes, as themes and resets in public repositories write them (each alone on a blog page
#: whose post is `<div class="entry-content elementor">` in `<div id="main">`)
BLOG_IFRAME_RULES = {
    "fit media": "img,video,iframe{max-width:100%;height:auto}",  # a common reset (WordPress and Bootstrap themes too)
    "bootstrap blog": (".entry-content img, .entry-content video, .entry-content iframe { max-width: 100%; height: auto; "
                       "border-radius: .25rem; margin-bottom: .5rem; background-color: #eee; display: block; }"),
    "full width": "iframe { width: 100% !important; }",
    "border-box": "*, *::before, *::after { box-sizing: border-box; }",  # Bootstrap's reboot, Tailwind's preflight
    "16:9": (".entry-content iframe { display: block; width: 100%; max-width: 100%; aspect-ratio: 16 / 9; height: auto; "
             "border: 0; }"),  # Tailwind's aspect-video on a post's iframes
    "16:9 important": (".entry-content iframe { width: 100% !important; max-width: 100% !important; aspect-ratio: 16 / 9; "
                       "height: auto !important; display: block; }"),
    "elementor": (".elementor embed, .elementor iframe, .elementor object, .elementor video { max-width: 100%; width: 100%; "
                  "margin: 0; line-height: 1; border: none; }"),  # Elementor's frontend.css
    "fixed height": ".entry-content iframe { max-width: 100%; height: 400px; }",
    "fixed height important": "embed, iframe, object, video { height: 400px !important; width: 100% !important; }",
    "rem height important": "#main .entry-content iframe { height: 40rem !important; border: 1px solid #CCC; }",
    "max-height": ".entry-content iframe { max-height: 150px; }",
    "padded": ("*{box-sizing:border-box} .entry-content iframe{padding:8px;border:3px solid #d6336c !important;"
               "display:block;max-width:100%;margin:1em auto}"),
}


def test_the_embed_code_keeps_its_size_under_a_blogs_iframe_rules(video_site: SiteServer, browser: object) -> None:
    """The embed codes of an audio and a video episode (what the episode page offers to copy, and oEmbed's `html`),
    in blog columns from 240 to 800 px under each of :data:`BLOG_IFRAME_RULES`. The audio frame's height was an
    attribute, which any stylesheet beats: `iframe{height:auto}` made it the browser's 150 px default, a 16:9 aspect
    ratio 135 px in a 240 px column, a `max-height` less; the player was cut off and scrolled in its frame. An
    !important height left an empty 400 or 640 px box, and shrank a video's picture inside a frame taller or shorter
    than the box the code keeps for it (running over the post below it). Each frame now has its size, nothing of the
    player is cut and nothing scrolls. (Three of the rules did no harm before either: kept, so none starts to.)"""
    audio, _ = _codes(browser, video_site.url + EP1)
    video, _ = _codes(browser, video_site.url + "episodes/006-video/")
    assert audio == json.loads((video_site.root / EP1 / "oembed.json").read_text())["html"]
    assert video == json.loads((video_site.root / "episodes/006-video/oembed.json").read_text())["html"]
    widths = (240, 320, 398, 600, 800)
    post = "".join(f"<div style='width:{w}px'>{code}<p>After the player.</p></div>" for w in widths for code in (audio, video))
    wrong: dict[str, list[object]] = {}
    for name, rules in BLOG_IFRAME_RULES.items():
        body = f"<style>{rules}</style><div id='main'><div class='entry-content elementor'>{post}</div></div>"
        with _blog(browser, body, 1000, 6000) as (tab, errors):
            for handle in tab.query_selector_all("iframe"):
                frame = handle.content_frame()
                is_video = "006-video" in (handle.get_attribute("src") or "")
                frame.wait_for_selector("video" if is_video else ".player-bar", state="visible")
                box = handle.bounding_box()
                column = handle.evaluate("f => f.closest('[style^=width]').getBoundingClientRect().width")
                # a video's frame fills the box its code keeps (its picture's share of the column plus the title), and
                # the text after it starts below that box
                held = handle.evaluate("f => f.parentElement.getBoundingClientRect().height") if is_video else 180
                after = handle.evaluate("f => f.closest('[style^=width]').querySelector('p').getBoundingClientRect().top")
                problems = frame.evaluate(CUT_OR_SCROLLED)
                if (problems or abs(box["height"] - held) > .5 or held < 180 or box["width"] > min(column, 600) + .5
                        or after < box["y"] + box["height"]):
                    wrong.setdefault(name, []).append((round(column), "video" if is_video else "audio", round(box["width"]),
                                                       round(box["height"]), round(held), problems))
        assert errors == [], name
    assert wrong == {}


def test_the_embed_fits_a_frame_cut_to_150_px_where_a_blog_drops_its_style(server: SiteServer, browser: object) -> None:
    """The oEmbed answer as WordPress shows it for a site it does not list (wp_filter_oembed_result: the iframe's src,
    width, height, frameborder and title kept, its style dropped, `sandbox="allow-scripts"` and `#?secret=` added), on
    a theme whose stylesheet fits media to the column (`iframe{max-width:100%;height:auto}`): the frame takes the
    browser's default 150 px, and no style of ours can say otherwise there. The card was 159 to 180 px high: its foot,
    and with a title of two lines or a 600 px frame the chapter menu and the Transcript link, were cut off, and the
    frame scrolled. In a frame that short the embed leaves out the show's name and keeps the title to one line: every
    control shows whole, from 240 to 800 px, and plays."""
    slugs = ("001-ipv-and-substance-use", "003-capabilities-framework", "002-learning-alliances")
    frames = []
    for slug in slugs:
        answer = json.loads((server.root / "episodes" / slug / "oembed.json").read_text())
        src, title = (re.search(f'{name}="([^"]+)"', answer["html"]).group(1) for name in ("src", "title"))  # type: ignore[union-attr]
        frames.append(f'<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" '
                      f'src="{src}#?secret=Ab3dE6gH9k" data-secret="Ab3dE6gH9k" title="{title}" width="100%" '
                      f'height="{answer["height"]}" frameborder="0"></iframe>')
    widths = (240, 264, 288, 300, 340, 381, 398, 430, 480, 520, 600, 800)
    body = ("<style>img,video,iframe{max-width:100%;height:auto}</style>"
            + "".join(f"<div style='width:{w}px'>{code}</div>" for w in widths for code in frames))
    with _blog(browser, body, 1000, 200 * len(widths) * len(slugs)) as (tab, errors):
        cut = []
        for handle in tab.query_selector_all("iframe"):
            frame = handle.content_frame()
            frame.wait_for_selector(".player-bar", state="visible")
            box = handle.bounding_box()
            assert round(box["height"]) == 150, box  # (the theme's rule is in force)
            cut += [(round(box["width"]), frame.url.split("/")[-3], *c) for c in frame.evaluate(CUT_OR_SCROLLED)]
        assert cut == []
        frame = tab.query_selector("iframe").content_frame()
        assert frame.url.endswith("/embed/#?secret=Ab3dE6gH9k")
        frame.wait_for_function("() => document.querySelector('audio').readyState >= 1")
        assert frame.evaluate("document.querySelector('audio').currentTime") == 0  # WordPress's #?secret= is no time link
        frame.click("[data-play]")
        frame.wait_for_function("() => !document.querySelector('audio').paused")
    assert errors == []


def _codes(browser: object, page_url: str) -> tuple[str, str]:
    """The embed code and the HTML fragment an episode page offers a blogger to copy (read at 1100 px)."""
    page = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()  # type: ignore[attr-defined]
    page.goto(page_url)
    codes = page.input_value("#embed-code"), page.input_value("#fragment-code")
    page.context.close()
    return codes


def _strict_blog_post(site: SiteServer, main: str, scripts: bool = False) -> str:
    """A blog post holding ``main``, whose Content-Security-Policy allows no inline styles (as WordPress's oEmbed
    filter drops them) and loads images, media and frames from ``site`` only (scripts from its own origin with
    ``scripts``, else none)."""
    script = "script-src 'self'; " if scripts else ""
    csp = (f"default-src 'none'; style-src 'self'; {script}img-src {site.origin}; media-src {site.origin}; "
           f"frame-src {site.origin}")
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{csp}\"><title>Programme news</title></head><body>"
            f"<main>{main}</main></body></html>")


@pytest.mark.parametrize("width", [320, 1280])
def test_the_embed_code_and_the_fragment_fit_a_phone_and_a_wide_screen_on_a_blog_with_a_strict_csp(
        server: SiteServer, browser: object, width: int) -> None:
    """A blogger copies both codes from the episode page into a post whose Content-Security-Policy allows no inline
    styles (so the iframe's style attribute is dropped, as WordPress's oEmbed filter drops it too). Before, the
    iframe fell back to its width="600" and a 2 px border, and the fragment's <figure> to its 40 px margins: both ran
    off a 320 px phone screen, and the post scrolled sideways."""
    embed, fragment = _codes(browser, server.url + EP1)
    blog = _strict_blog_post(server, f"<h1>New research</h1><p>Listen here:</p>{embed}<p>Or here:</p>{fragment}",
                             scripts=True)
    with SiteServer() as other:
        other.extra["/news/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        tab = context.new_page()
        blocked: list[str] = []
        tab.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None)
        tab.goto(other.url + "news/post.html")
        handle = tab.query_selector("iframe")
        frame = handle.content_frame()
        frame.wait_for_url(server.url + EP1 + "embed/")
        frame.wait_for_function("() => document.querySelector('audio').readyState >= 1")
        assert blocked and all("inline style" in text for text in blocked)  # the CSP is in force: only the style went
        assert tab.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling on the blog
        box = handle.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width and round(box["height"]) == 180, box
        assert frame.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        assert handle.evaluate("f => getComputedStyle(f).borderTopWidth") == "0px"
        frame.evaluate("() => { document.querySelector('audio').muted = true }")
        frame.click("[data-play]")
        frame.wait_for_function("() => document.querySelector('audio').currentTime > 0.5")
        frame.click("[data-play]")
        tab.evaluate("() => { const a = document.querySelector('main > div audio'); a.muted = true; return a.play() }")
        tab.wait_for_function("() => document.querySelector('main > div audio').currentTime > 0.5")
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"blog-strict-csp-{width}.png"), full_page=True)
        context.close()


def test_the_fragments_audio_keeps_inside_a_narrow_column(server: SiteServer, browser: object) -> None:
    """The HTML fragment in a phone's blog columns of 240 to 320 px: the browser draws `<audio controls>` 300 px wide,
    and in a 240 px column (a 320 px phone whose blog keeps 40 px each side) it ran 60 px out of the column and the post
    scrolled sideways. It is as wide as the column at most now, and plays."""
    fragment = (server.root / EP1 / "player.html").read_text(encoding="utf-8")
    body = "".join(f"<div class='column' style='width:{w}px'>{fragment}</div>" for w in (240, 280, 320))
    with _blog(browser, f"<main style='margin:0 40px'>{body}</main>", 400, 900) as (tab, errors):
        over = tab.evaluate("""() => [...document.querySelectorAll('.column')].map(c =>
            Math.round(c.querySelector('audio').getBoundingClientRect().right - c.getBoundingClientRect().right))""")
        assert all(pixels <= 0 for pixels in over), over
        assert tab.evaluate("document.documentElement.scrollWidth") <= 400
        tab.evaluate("() => { const a = document.querySelector('audio'); a.muted = true; return a.play() }")
        tab.wait_for_function("() => document.querySelector('audio').currentTime > 0")
    assert errors == []


def test_the_fragment_on_a_right_to_left_blog_keeps_its_own_language_and_direction(server: SiteServer, browser: object) -> None:
    """The HTML fragment pasted into an Arabic blog post (``<html lang="ar" dir="rtl">``) took the blog's language and
    direction: a screen reader read the English episode with the Arabic voice, and each chapter link "0:00 Welcome"
    showed as "Welcome 0:00" (the time, a number, after the title in a right-to-left line). It carries the show's
    language and takes its direction from its own text now; the blog around it keeps its own."""
    fragment = (server.root / EP1 / "player.html").read_text(encoding="utf-8")
    blog = ("<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>مدونة</title></head><body>"
            f"<main><h1>حلقة جديدة</h1><p>استمع هنا:</p>{fragment}</main></body></html>")
    with SiteServer() as other:
        other.extra["/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context(viewport={"width": 600, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(other.url + "post.html")
        chapter = tab.evaluate("""() => {
            const link = document.querySelector('.mediafeed-episode ol a'), text = link.firstChild, range = document.createRange();
            const box = (from, to) => { range.setStart(text, from); range.setEnd(text, to); return range.getBoundingClientRect().left; };
            const at = text.data.indexOf(' ');
            return {text: text.data, time: box(0, at), title: box(at + 1, text.data.length),
                    lang: link.closest('[lang]').lang, direction: getComputedStyle(link).direction};
        }""")
        assert chapter["text"] == "0:00 Welcome" and chapter["time"] < chapter["title"], chapter
        assert (chapter["lang"], chapter["direction"]) == ("en-gb", "ltr")  # show.yml's language
        assert tab.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "rtl"  # the blog's own
        context.close()


def test_oembed_discovery_link_resolves_to_json_with_an_iframe_to_the_embed(server: SiteServer, page: object) -> None:
    page.goto(server.url + EP1)
    href = page.get_attribute("head link[rel='alternate'][type='application/json+oembed']", "href")
    # consumers fetch it with query arguments: a static host ignores them
    with urllib.request.urlopen(href + "?url=" + server.url + EP1 + "&maxwidth=600", timeout=10) as response:
        assert response.status == 200
        data = json.loads(response.read())
    assert data["type"] == "rich" and isinstance(data["width"], int) and isinstance(data["height"], int)
    src = re.fullmatch(r'<iframe src="([^"]+)"[^>]*></iframe>', data["html"]).group(1)
    assert src == server.url + EP1 + "embed/"
    response = page.goto(src)
    assert response.status == 200 and page.title().startswith("Not the Cause, Not a Coincidence")


@pytest.mark.parametrize("path,name", [("", "index"), (EP1, "episode"), (EP1 + "embed/", "embed"),
                                       ("episodes/002-learning-alliances/", "episode-m4a"), ("missing/", "404")])
def test_axe_core_finds_no_accessibility_violations(server: SiteServer, browser: object, path: str, name: str) -> None:
    """WCAG 2.1 A and AA plus axe's best practices: zero violations. Screenshots for a person to look at."""
    width, height = (600, 180) if name == "embed" else (1100, 900)
    context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(server.url + path)
    tab.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=name != "embed")
    if name == "embed":
        for narrow in (300, 800):
            tab.set_viewport_size({"width": narrow, "height": 180})
            tab.screenshot(path=str(ARTIFACTS / f"embed-{narrow}.png"))
    assert axe_violations(tab) == []
    # no third-party requests: every request stays on the site's host
    assert requests and all(url.startswith(server.origin + "/") for url in requests), requests
    context.close()


def axe_violations(tab: Any) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA rules and best practices on the page as it is now: "rule: element, …" each."""
    tab.add_script_tag(content=axe_script())
    result = tab.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
        return {violations: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')), passes: r.passes.length};
    }""")
    assert result["passes"] > 10  # axe really ran its rules
    return list(result["violations"])


#: how a page is seen or left, beyond the first look at 1100 px in a light scheme
_SETTINGS = {
    "dark": {"color_scheme": "dark"},  # every rule, not only contrast, under the dark theme
    "320px": {"viewport": {"width": 320, "height": 256}},  # 1280 × 1024 at 400% zoom: the narrow layout
    "played": {},  # after playing from 0:16: chapter and transcript line marked, "Start at" ticked, paused
}


@pytest.mark.parametrize("path,setting", [(path, setting) for path in ("", EP1, EP1 + "embed/", "missing/")
                                          for setting in _SETTINGS if setting != "played" or path.startswith("episodes/")])
def test_axe_core_finds_nothing_in_the_dark_at_400_percent_zoom_or_once_played(
        server: SiteServer, browser: Any, path: str, setting: str) -> None:
    """The axe test above looks once, at load, at 1100 px in the light: the dark theme (only its contrast was
    checked), the narrow layout and the page a listener has used were never looked at."""
    size = {"width": 600, "height": 180} if path.endswith("embed/") else {"width": 1100, "height": 900}
    context = browser.new_context(**{"viewport": size, **_SETTINGS[setting]})
    tab = context.new_page()
    tab.goto(server.url + path)
    tab.wait_for_load_state("networkidle")
    if setting == "played":
        tab.eval_on_selector("[data-player] audio", "a => { a.muted = true; a.currentTime = 16; return a.play(); }")
        tab.wait_for_function("() => document.querySelector('[data-player] audio').currentTime > 16.5")
        tab.eval_on_selector("[data-player] audio", "a => a.pause()")
        if tab.query_selector("[data-share-at]"):
            tab.check("[data-share-at]")
        assert tab.query_selector("[aria-current], .embed-chapters") is not None
    assert axe_violations(tab) == []
    context.close()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[str]:
    """``mediafeed serve`` on a copy of the sample show, whose url is still https://podcast.example.org/…"""
    import sys

    root = copy_show(tmp_path / "show")
    proc = subprocess.Popen([sys.executable, "-m", "mediafeed", "serve", "--port", "0", "--no-watch", "-q",
                             "--show", str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), (url, proc.stderr.read() if proc.poll() is not None else "")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_preview_of_a_show_not_yet_online_plays_its_own_files_in_an_embed_on_another_origin(
        preview: str, browser: object) -> None:
    """What a producer does before the site exists: `mediafeed serve`, open the episode and the embed code."""
    with urllib.request.urlopen(preview + EP1 + "oembed.json", timeout=10) as response:
        oembed = json.loads(response.read())
    src = re.search(r'<iframe src="([^"]+)"', oembed["html"]).group(1)
    assert src == preview + EP1 + "embed/"  # the preview's own address, not the live site's
    blog = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Blog</title>"
            "<link rel='icon' href='data:,'></head><body><main><h1>Post</h1>" + oembed["html"] + "</main></body></html>")
    with SiteServer() as other:  # a blog on another origin, pasting the embed code exactly as published
        other.extra["/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context(viewport={"width": 1000, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        errors: list[str] = []
        media: list[tuple[int, str]] = []
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.on("response", lambda r: media.append((r.status, r.request.headers.get("range", "")))
               if r.url.endswith(".mp3") else None)
        tab.goto(other.url + "post.html")
        frame = tab.query_selector("iframe").content_frame()
        # (the iframe loads lazily, after the page's load event: under load it may still be about:blank here, where
        # querySelector('audio') is null and the wait threw instead of waiting)
        frame.wait_for_function("() => document.querySelector('audio')?.readyState >= 1")
        assert frame.eval_on_selector("audio", "a => a.currentSrc") == preview + EP1 + "ipv-and-substance-use.mp3"
        assert frame.eval_on_selector("audio", "a => a.duration") > 30
        frame.evaluate("() => { document.querySelector('audio').muted = true }")
        frame.click("[data-play]")
        frame.wait_for_function("() => !document.querySelector('audio').paused")
        frame.select_option("[data-chapters]", "28.0")
        frame.wait_for_function("() => document.querySelector('audio').currentTime >= 28")
        frame.click("[data-play]")
        context.close()
    assert media and all(status == 206 for status, _ in media) and media[0][1].startswith("bytes=")
    assert errors == []


def _video_episode(guid: str) -> Callable[[Path], None]:
    """What adds the episode "006-video" (an MP4, GUID ``guid``) to a copy of the sample show."""
    from helpers import add_episode

    def add(root: Path) -> None:
        add_episode(root, "006-video", f"""
title: A Video Explainer
date: 2026-03-20T08:00:00+00:00
guid: {guid}
audio: clip.mp4
""", audio_kind="mp4", audio_name="clip.mp4")

    return add


def test_a_video_embed_keeps_the_whole_video_and_its_controls_inside_the_frame(tmp_path: Path, browser: object) -> None:
    """In a 180 px frame (every embed's height before a video's was its picture's; a blog may keep that code): a 4:3
    or square video 440 px wide was cut off below its title, its native controls (the only ones a video has) outside
    the frame, where nobody can reach them."""
    with sample_site(tmp_path, _video_episode("3f0e3a37-7d0c-4a8e-9d39-4d1c1d7d8b04")) as running:
        for width in (300, 600, 800):
            context = browser.new_context(viewport={"width": width, "height": 180})  # type: ignore[attr-defined]
            tab = context.new_page()
            tab.goto(running.url + "episodes/006-video/embed/")
            tab.wait_for_function("() => document.querySelector('video').readyState >= 1")
            video = tab.eval_on_selector("video", "v => { const r = v.getBoundingClientRect(); return [r.top, r.bottom] }")
            title = tab.eval_on_selector(".embed-title", "h => h.getBoundingClientRect().bottom")
            assert title <= video[0] and video[1] <= 180 and video[1] - video[0] >= 60, (width, title, video)
            tab.evaluate("() => { const v = document.querySelector('video'); v.muted = true; return v.play() }")
            tab.wait_for_function("() => document.querySelector('video').currentTime > 0")
            context.close()


@pytest.fixture(scope="module")
def video_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The sample show with a video episode (its poster: the show's 1400 px artwork), built and served."""
    work = tmp_path_factory.mktemp("video-blog")
    with sample_site(work, _video_episode("3f0e3a37-7d0c-4a8e-9d39-4d1c1d7d8b05")) as running:
        yield running


@pytest.mark.parametrize("width", [320, 1280])
def test_a_video_fragment_and_embed_stay_inside_a_blog_column(video_site: SiteServer, browser: object, width: int) -> None:
    """The fragment's <video> took its size from its poster, the show's full-size artwork (1400 px): it ran 1,400 px
    across a 320 px phone's blog post, which scrolled sideways. It fills the column at most (an attribute, not a
    style: the blog's Content-Security-Policy here drops inline styles), with the artwork scaled for pages as poster."""
    embed, fragment = _codes(browser, video_site.url + "episodes/006-video/")
    blog = _strict_blog_post(video_site, f"<h1>New video</h1>{fragment}<p>Or:</p>{embed}")
    with SiteServer() as other:  # another origin
        other.extra["/news/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.goto(other.url + "news/post.html")
        tab.wait_for_function("() => document.querySelector('main > div video').poster")
        tab.wait_for_load_state("networkidle")
        column = tab.eval_on_selector("main", "m => m.getBoundingClientRect().right")
        video = tab.eval_on_selector("main > div video", "v => { const r = v.getBoundingClientRect(); "
                                     "return {left: r.left, right: r.right, height: r.height} }")
        assert tab.evaluate("document.documentElement.scrollWidth") <= width, video  # no sideways scrolling
        assert video["left"] >= 0 and video["right"] <= column and video["height"] >= 100, (width, column, video)
        poster = tab.eval_on_selector("main > div video", "v => v.poster")
        assert poster.startswith(video_site.url + "images/") and poster.endswith("-480.jpg"), poster
        frame = tab.query_selector("iframe")
        box = frame.bounding_box()
        high = int(re.search(r' height="(\d+)"', embed).group(1))  # type: ignore[union-attr]
        assert high > 180  # a video's frame is its picture's shape plus the title (test_video_episodes)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width and round(box["height"]) == high, box
        inner = frame.content_frame()
        inner.wait_for_function("() => document.querySelector('video')?.readyState >= 1")  # (a lazy iframe: see above)
        assert inner.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        bottom = inner.eval_on_selector("video", "v => v.getBoundingClientRect().bottom")
        assert bottom <= high
        tab.evaluate("() => { const v = document.querySelector('main > div video'); v.muted = true; return v.play() }")
        tab.wait_for_function("() => document.querySelector('main > div video').currentTime > 0")
        video = tab.eval_on_selector("main > div video", "v => v.getBoundingClientRect().right")
        assert video <= column and tab.evaluate("document.documentElement.scrollWidth") <= width  # playing, too
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"blog-video-{width}.png"), full_page=True)
        context.close()


def test_a_video_embed_goes_full_screen_on_a_blog_and_an_audio_embed_code_does_not_ask_for_it(
        video_site: SiteServer, browser: object) -> None:
    """The embed code of a video episode, pasted as given into a blog post on another origin: its frame did not allow
    full screen (no `allowfullscreen`), so the video's own full-screen button was greyed out and a request for it
    failed ("fullscreen is not allowed in this document" in the console). A video's frame allows it now; an audio
    episode's code, which has nothing to show full screen, does not (its single iframe: test_video_episodes)."""
    oembed = json.loads((video_site.root / "episodes/006-video/oembed.json").read_text())
    with _blog(browser, f"<main style='max-width:600px'>{oembed['html']}</main>", 800, 700) as (tab, errors):
        frame = tab.query_selector("iframe").content_frame()
        frame.wait_for_function("() => document.querySelector('video')?.readyState >= 1")
        assert frame.evaluate("document.fullscreenEnabled")  # (the native controls' button is live)
        assert frame.evaluate("document.querySelector('video').requestFullscreen().then(() => 'full', e => String(e))") == "full"
        frame.wait_for_function("() => document.fullscreenElement === document.querySelector('video')")
        frame.evaluate("document.exitFullscreen()")
    assert errors == []
    audio = json.loads((video_site.root / EP1 / "oembed.json").read_text())["html"]
    assert "allowfullscreen" not in audio and audio.count("<iframe ") == 1 and audio.endswith(
        'max-height:none!important" loading="lazy" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>')
