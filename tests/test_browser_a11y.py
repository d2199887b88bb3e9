"""The built sample site operated the way people without a mouse, or without sight of the screen, operate it.

Keyboard only (Tab order, skip link, focus that stays visible, the player from the keyboard, the embed inside a
blog), what a screen reader is given (Chromium's own accessibility tree through CDP), display settings (forced
colours, reduced motion, 200% text, 320 px reflow, a dark preference) and no JavaScript. axe-core, the HTML
validator and contrast are test_browser.py's; this file checks what those tools cannot.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from siteserver import CHROMIUM, SiteServer, chromium, sample_site
from test_browser import axe_script, axe_violations

EP1 = "episodes/001-ipv-and-substance-use/"
EMBED = EP1 + "embed/"
PAGES = ["", EP1, "episodes/002-learning-alliances/", "missing/"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The sample show built for http://127.0.0.1:PORT/safe-to-say/ and served from there."""
    with sample_site(tmp_path_factory.mktemp("a11y")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium("--autoplay-policy=no-user-gesture-required") as launched:
        yield launched


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(url, width=1100, height=900, **context options)`` → a tab that records script errors."""
    contexts: list[Any] = []

    def opener(url: str, width: int = 1100, height: int = 900, **options: Any) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        tab = context.new_page()
        tab.errors = []
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        tab.goto(url)
        tab.wait_for_load_state("networkidle")
        return tab

    yield opener
    for context in contexts:
        context.close()


def wait_metadata(tab: Any) -> None:
    tab.wait_for_function("() => document.querySelector('[data-player] audio').readyState >= 1")


def audio_time(tab: Any) -> float:
    return float(tab.eval_on_selector("[data-player] audio", "a => a.currentTime"))


#: what the focused element is, and why its focus ring cannot be seen ('' when it can): no outline, no size,
#: outside the window, or cut off by an ancestor that clips its overflow
_FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return {tag: 'BODY', name: '', problem: ''};
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    const name = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    const out = {tag: el.tagName, name: name, problem: ''};
    if (r.width < 1 || r.height < 1 || s.visibility !== 'visible') { out.problem = 'not visible'; return out; }
    if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) { out.problem = 'no outline'; return out; }
    const grow = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
    const ring = {l: r.left - grow, t: r.top - grow, r: r.right + grow, b: r.bottom + grow};
    // Chromium scrolls a text box only until its caret shows: its first line, not its whole ring, must be in view
    const caret = r.top + el.clientTop + parseFloat(s.paddingTop) + parseFloat(s.lineHeight);
    const bottom = el.tagName === 'TEXTAREA' ? Math.min(ring.b, caret) : ring.b;
    if (ring.l < -0.5 || ring.t < -0.5 || ring.r > innerWidth + 0.5 || bottom > innerHeight + 0.5) {
        out.problem = `outside the window (${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight})`; return out;
    }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const as = getComputedStyle(a);
        if (as.overflowX === 'visible' && as.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect(), left = c.left + a.clientLeft, top = c.top + a.clientTop;
        if (ring.l < left - 0.5 || ring.t < top - 0.5 || ring.r > left + a.clientWidth + 0.5 || ring.b > top + a.clientHeight + 0.5) {
            out.problem = 'clipped by ' + a.tagName.toLowerCase() + '.' + a.className; return out;
        }
    }
    return out;
}"""

#: every element the Tab key should reach, in document order (visible, enabled, not tabindex=-1)
_TABBABLE = """() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
    .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length && getComputedStyle(e).visibility === 'visible')
    .map(e => (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 50))"""


def text_size(tab: Any, size: str) -> None:
    """The browser's text size setting (Chromium's "Font size"), which rem, em and em media queries follow."""
    scale = {"100%": 1, "200%": 2}[size]
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * scale, "fixed": 13 * scale}})
    cdp.detach()


def tab_through(tab: Any, frame: Any = None, limit: int = 80) -> list[dict[str, str]]:
    """Press Tab until focus leaves the document; every stop with the reason its focus ring is hidden, if any."""
    stops = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        stop = (frame or tab).evaluate(_FOCUS)
        if stop["tag"] == "BODY":
            return stops
        stops.append(stop)
    raise AssertionError(f"focus never left the page after {limit} Tabs (a trap?): {stops[-5:]}")


# -- 1. keyboard only ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path,width", [(p, w) for p in ["", EP1, "missing/"] for w in (1100, 320)])
def test_tab_visits_every_control_in_reading_order_with_a_visible_focus_ring(
        server: SiteServer, open_page: Any, path: str, width: int) -> None:
    tab = open_page(server.url + path, width=width, height=700)
    expected = tab.evaluate(_TABBABLE)
    stops = tab_through(tab)
    assert [s["name"] for s in stops] == expected  # document order, nothing skipped, nothing hidden reached
    assert stops[0]["name"] == "Skip to content"
    assert [s for s in stops if s["problem"]] == []
    # and back again with Shift+Tab, no trap either way
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate(_FOCUS)["name"] == expected[-1]
    assert tab.errors == []


def test_the_skip_link_moves_focus_past_the_header_to_the_content(server: SiteServer, open_page: Any) -> None:
    tab = open_page(server.url + EP1)
    tab.keyboard.press("Tab")
    assert tab.evaluate(_FOCUS) == {"tag": "A", "name": "Skip to content", "problem": ""}
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"
    tab.keyboard.press("Tab")  # the first control after the header: the content note's first link
    first = tab.evaluate("document.activeElement.closest('main') !== null && !document.activeElement.closest('header.site-header')")
    assert first is True


@pytest.mark.parametrize("width", [300, 600, 800])
def test_the_embed_shows_its_focus_ring_on_every_control_at_every_width(
        server: SiteServer, open_page: Any, width: int) -> None:
    """The embed's title is cut to one line (two when narrow) by clipping its overflow: that clipped its link's
    focus ring too, so a keyboard user in the iframe could not see where they were."""
    tab = open_page(server.url + EMBED, width=width, height=180)
    expected = tab.evaluate(_TABBABLE)
    stops = tab_through(tab)
    assert [s["name"] for s in stops] == expected
    assert [s for s in stops if s["problem"]] == []


@contextlib.contextmanager
def _blog_post(browser: Any, body: str) -> Iterator[tuple[Any, Any, Any]]:
    """A blog post holding ``body`` (an embed code), served from another origin and open at 800 px: (its browser
    context, its page, the embed's frame once the player shows)."""
    blog = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Blog</title><link rel='icon' href='data:,'>"
            "</head><body><main><h1>Post</h1>" + body + "</main></body></html>")
    with SiteServer() as other:
        other.extra["/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context(viewport={"width": 800, "height": 600})
        tab = context.new_page()
        tab.goto(other.url + "post.html")
        frame = tab.query_selector("iframe").content_frame()
        frame.wait_for_selector(".player-bar", state="visible")
        try:
            yield context, tab, frame
        finally:
            context.close()


def test_the_embed_on_a_blog_is_entered_and_left_with_tab(server: SiteServer, browser: Any) -> None:
    """Tab goes from the blog's text into the iframe, through the player, and on to the blog's next link."""
    oembed = (server.root / EP1 / "oembed.json").read_text()
    iframe = re.search(r'"html": "(<iframe.*?</iframe>)"', oembed).group(1).replace('\\"', '"')  # type: ignore[union-attr]
    assert re.search(r' title="[^"]+"', iframe)  # the frame has a name for the list of frames
    with _blog_post(browser, "<p><a href='#before'>Before</a></p>" + iframe + "<p><a href='#after'>After</a></p>") \
            as (context, tab, frame):
        tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.textContent") == "Before"
        inside = []
        for _ in range(20):
            tab.keyboard.press("Tab")
            if not frame.evaluate("document.hasFocus()"):  # (the blog's activeElement follows a moment later)
                break
            inside.append(frame.evaluate(_FOCUS))
        tab.wait_for_function("document.activeElement.textContent === 'After'")
        assert [s["name"] for s in inside] == frame.evaluate(_TABBABLE)
        assert "Play" in [s["name"] for s in inside]
        assert [s for s in inside if s["problem"]] == []


def test_the_embed_on_a_blog_links_the_transcript_and_opens_it_in_a_new_tab(server: SiteServer, browser: Any) -> None:
    """The transcript is the audio's text alternative (WCAG 1.2.1). The episode page shows it, but the embed on a blog
    had no way to it: a deaf reader saw a player and a title. Its "Transcript" link, reached with Tab and opened with
    Enter, opens the episode page at the transcript in a new tab; the blog's frame stays the player."""
    oembed = json.loads((server.root / EP1 / "oembed.json").read_text())
    with _blog_post(browser, oembed["html"]) as (context, tab, frame):
        for _ in range(12):
            tab.keyboard.press("Tab")
            if frame.evaluate("document.activeElement.className") == "embed-transcript":
                break
        assert frame.evaluate("document.activeElement.textContent") == "Transcript (opens in a new tab)"
        with context.expect_page() as opened:
            tab.keyboard.press("Enter")
        page = opened.value
        page.wait_for_load_state()
        assert page.url == server.url + EP1 + "#transcript"
        assert page.evaluate("document.getElementById('transcript').getBoundingClientRect().top") < 100  # scrolled to it
        assert frame.url == server.url + EMBED  # the blog's frame did not navigate
    # an episode without a transcript has no such link
    tab = browser.new_page()
    tab.goto(server.url + "episodes/000-trailer/embed/")
    assert tab.query_selector(".embed-transcript") is None
    tab.close()


#: records every change inside a live region (``window.spoken``): what a screen reader would say unasked
_LISTEN = """() => { window.spoken = [];
    const seen = new MutationObserver(records => records.forEach(r => window.spoken.push(r.target.textContent)));
    document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')
        .forEach(e => seen.observe(e, {subtree: true, childList: true, characterData: true})); }"""


def test_the_whole_player_works_from_the_keyboard(server: SiteServer, open_page: Any) -> None:
    """Every control from the keyboard alone; and none of it puts anything in a live region (playing, pausing,
    skipping, the slider, the speed, a chapter link, a time stamp): the episode itself says it plays, and a screen
    reader would talk over it."""
    tab = open_page(server.url + EP1)
    wait_metadata(tab)
    tab.evaluate(_LISTEN)
    tab.focus("[data-play]")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => !document.querySelector('[data-player] audio').paused")
    tab.keyboard.press("Space")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').paused")
    # +30 and −15 buttons
    start = audio_time(tab)
    tab.focus("[data-skip='30']")
    tab.keyboard.press("Enter")
    tab.wait_for_function(f"() => document.querySelector('[data-player] audio').currentTime >= {start + 29}")
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Back 15 seconds"
    tab.keyboard.press("Space")
    tab.wait_for_function(f"() => document.querySelector('[data-player] audio').currentTime <= {start + 16}")
    # the slider: Home, End, arrows
    tab.keyboard.press("Tab")
    tab.keyboard.press("Home")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').currentTime < 0.5")
    tab.keyboard.press("ArrowRight")
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').currentTime >= 1.9")
    assert tab.evaluate("document.activeElement.getAttribute('aria-valuetext')") == "2 seconds of 40 seconds"
    # Space on the slider plays and pauses, as on the Play button (and as in the browser's own controls and other
    # players): it did nothing, and a listener who had moved there with the arrow keys had to Shift+Tab back twice
    tab.keyboard.press("Space")
    tab.wait_for_function("() => !document.querySelector('[data-player] audio').paused")
    tab.keyboard.press("Space")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').paused")
    assert tab.evaluate("[document.activeElement.getAttribute('aria-label'), scrollY]") == ["Position", 0]
    # the speed: arrow keys on the closed menu
    tab.focus("[data-rate]")
    tab.keyboard.press("ArrowDown")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').playbackRate === 1.25")
    # a chapter link and a transcript time stamp, with Enter
    tab.focus("a.chapter-link[data-start='15.0']")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => { const t = document.querySelector('[data-player] audio').currentTime; return t >= 15 && t < 20; }")
    tab.focus("a.stamp[data-start^='28.']")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => { const t = document.querySelector('[data-player] audio').currentTime; return t >= 28 && t < 33; }")
    assert tab.url == server.url + EP1
    assert tab.evaluate("window.spoken") == []
    assert tab.errors == []


def test_the_embed_chapter_menu_works_from_the_keyboard(server: SiteServer, open_page: Any) -> None:
    """Arrow keys on the closed chapter menu change its value, and the browser fires ``change`` at each: a keyboard
    user looking through the list for a chapter jumped the audio (and started it) at every chapter on the way. Keys
    only look through the menu now; Enter goes to the chapter shown (as does a pick from the open list), and leaving
    the menu without going shows the chapter playing again."""
    tab = open_page(server.url + EMBED, width=600, height=180)
    wait_metadata(tab)
    tab.evaluate("document.querySelector('[data-player] audio').muted = true")
    tab.focus("[data-chapters]")
    for key in ("ArrowDown", "ArrowDown", "End", "ArrowUp"):
        tab.keyboard.press(key)
    assert tab.input_value("[data-chapters]") == "15.0"
    tab.wait_for_timeout(300)
    assert tab.evaluate("[document.querySelector('[data-player] audio').currentTime, "
                        "document.querySelector('[data-player] audio').paused]") == [0, True]
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => { const a = document.querySelector('[data-player] audio'); "
                          "return a.currentTime >= 15.3 && a.currentTime < 20 && !a.paused; }")  # (seeked: it plays on)
    tab.keyboard.press("ArrowDown")  # looking on, then leaving: the menu shows the chapter playing
    assert tab.input_value("[data-chapters]") == "28.0"
    tab.keyboard.press("Tab")
    assert tab.input_value("[data-chapters]") == "15.0"
    assert audio_time(tab) < 20
    tab.select_option("[data-chapters]", "7.0")  # a pick from the open list (a pointer's, or Enter in the list)
    tab.wait_for_function("() => { const t = document.querySelector('[data-player] audio').currentTime; return t >= 7 && t < 12; }")
    # while it has focus, the menu is not moved when the next chapter starts (a screen reader would say it, as a
    # focused slider's moves); leaving it brings it up to date
    tab.focus("[data-chapters]")
    tab.evaluate("document.querySelector('[data-player] audio').currentTime = 14.5")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').currentTime > 15.3")
    assert tab.input_value("[data-chapters]") == "7.0"
    tab.keyboard.press("Tab")
    assert tab.input_value("[data-chapters]") == "15.0"
    tab.evaluate("document.querySelector('[data-player] audio').pause()")
    assert tab.errors == []


# -- 2. what a screen reader is given ---------------------------------------------------------------------------


def ax_tree(tab: Any) -> list[dict[str, Any]]:
    """Chromium's accessibility tree (CDP ``Accessibility.getFullAXTree``), nodes a screen reader would see."""
    cdp = tab.context.new_cdp_session(tab)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    cdp.detach()
    out = []
    for node in nodes:
        if node.get("ignored"):
            continue
        props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        out.append({"role": node.get("role", {}).get("value", ""), "name": node.get("name", {}).get("value", ""),
                    "value": node.get("value", {}).get("value"), **props})
    return out


def ax_node(tab: Any, selector: str) -> dict[str, Any]:
    """The accessibility node of one element: its role, name, description, value and properties."""
    cdp = tab.context.new_cdp_session(tab)
    handle = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector({selector!r})"})
    backend = cdp.send("DOM.describeNode", {"objectId": handle["result"]["objectId"]})["node"]["backendNodeId"]
    node = cdp.send("Accessibility.getPartialAXTree", {"backendNodeId": backend, "fetchRelatives": False})["nodes"][0]
    cdp.detach()
    props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
    return {"role": node["role"]["value"], "name": node.get("name", {}).get("value", ""),
            "description": node.get("description", {}).get("value", ""), "value": node.get("value", {}).get("value"),
            **props}


def test_fragments_on_one_blog_page_say_which_episode_each_player_and_link_is(server: SiteServer, browser: Any) -> None:
    """A blog's page of episodes, each pasted as the HTML fragment: a screen reader met players with no name and a row
    of "Download" and "Show notes and transcript" links that did not say which episode (WCAG 2.4.4: the title is in
    another paragraph). The players are named by the episode and the links carry its title after their words."""
    parts = [(server.root / path / "player.html").read_text(encoding="utf-8") for path in (EP1, "episodes/002-learning-alliances/")]
    blog = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Blog</title><link rel='icon' href='data:,'>"
            "</head><body><main><h1>Our episodes</h1>" + "".join(parts) + "</main></body></html>")
    with SiteServer() as other:
        other.extra["/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context(viewport={"width": 800, "height": 900})
        tab = context.new_page()
        tab.goto(other.url + "post.html")
        tab.wait_for_load_state("networkidle")
        nodes = ax_tree(tab)
        players = [n["name"] for n in nodes if n["role"] in ("Audio", "Video")]
        assert players == ["Not the Cause, Not a Coincidence", "Everyone at One Table"]
        links = [n["name"] for n in nodes if n["role"] == "link"]
        downloads = [name for name in links if name.startswith("Download")]
        assert downloads == ["Download: Not the Cause, Not a Coincidence", "Download: Everyone at One Table"]
        notes = [name for name in links if name.startswith("Show notes")]
        assert len(notes) == 2 and all(name.endswith(title) for name, title in zip(notes, players)), notes
        context.close()


@pytest.mark.parametrize("path", PAGES + [EMBED])
def test_every_control_has_a_role_and_a_name_and_the_outline_makes_sense(
        server: SiteServer, open_page: Any, path: str) -> None:
    tab = open_page(server.url + path, width=600 if path == EMBED else 1100, height=180 if path == EMBED else 900)
    nodes = ax_tree(tab)
    unnamed = [n for n in nodes if n.get("focusable") and n["role"] not in ("RootWebArea", "main", "option")
               and not n["name"].strip()]
    assert unnamed == []
    generic = [n for n in nodes if n.get("focusable") and n["role"] in ("generic", "none", "StaticText")]
    assert generic == []
    roles = {n["role"] for n in nodes}
    assert "main" in roles
    if path != EMBED:
        assert {"banner", "navigation", "contentinfo"} <= roles
    # headings: one h1, and no level skipped on the way down (document order)
    levels = tab.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    assert sorted(n["level"] for n in nodes if n["role"] == "heading") == sorted(levels)
    # the page language, and every other language marked, is a real language tag
    langs = tab.evaluate("[...document.querySelectorAll('[lang]')].map(e => e.lang)")
    assert langs[0] == "en-gb" and all(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang) for lang in langs)
    # images: every one has alt; the artwork that is the only content of its kind says what it is
    alts = tab.evaluate("[...document.querySelectorAll('img')].map(i => i.getAttribute('alt'))")
    assert None not in alts
    # nothing announces by itself at load, and the clock is not a live region (it would speak every second)
    assert tab.evaluate("[...document.querySelectorAll('[aria-live],[role=status],[role=alert]')].every(e => !e.textContent.trim())")
    assert tab.evaluate("!document.querySelector('[aria-live] [data-current], [data-current][aria-live]')")


#: show notes quoting other languages, marked as WCAG 3.1.2 asks (and an Arabic quote's direction): a paragraph, a
#: quote, a phrase in a sentence; a value that is no language tag and a direction that is none are left out
FOREIGN_NOTES = """
As the French say, <span lang="fr">l’union fait la force</span>.

<blockquote lang="de">

Gewalt in Paarbeziehungen ist kein privates Problem.

</blockquote>

<p lang="es-419">La violencia no es un asunto privado.</p>

<p lang="ar" dir="rtl">العنف ليس شأنا خاصا.</p>

<p lang="not a language" dir="sideways">Still English.</p>
"""


def test_show_notes_quoting_another_language_keep_its_lang_for_screen_readers(tmp_path: Path, browser: Any) -> None:
    """A producer who marked a quotation's language (``<span lang="fr">``) lost the mark: the sanitiser kept no
    ``lang`` (nor ``dir``), so a screen reader read the French, German or Arabic in the English voice (WCAG 3.1.2,
    language of parts), and the Arabic ran left to right. The marks are kept; a value that is no language tag (or
    no direction) is left out, so the page's own ``lang`` holds there."""
    def foreign(root: Path) -> None:
        notes = root / "episodes" / "002-learning-alliances" / "episode.md"
        notes.write_text(notes.read_text(encoding="utf-8") + FOREIGN_NOTES, encoding="utf-8")

    with sample_site(tmp_path, foreign) as running:
        tab = browser.new_page()
        tab.goto(running.url + "episodes/002-learning-alliances/")
        said = tab.evaluate("""() => ['l’union', 'Gewalt', 'La violencia', 'العنف', 'Still English'].map(words => {
            const at = [...document.querySelectorAll('.notes *')].filter(e => e.textContent.trim().startsWith(words)).pop();
            return [at.closest('[lang]').lang, getComputedStyle(at).direction]; })""")
        assert said == [["fr", "ltr"], ["de", "ltr"], ["es-419", "ltr"], ["ar", "rtl"], ["en-gb", "ltr"]]
        langs = tab.evaluate("[...document.querySelectorAll('[lang]')].map(e => e.lang)")
        assert all(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang) for lang in langs), langs
        tab.close()


def test_the_index_pages_links_say_where_they_go_without_arrows_and_alike(tmp_path: Path, browser: Any) -> None:
    """The index's page links were read "left-pointing arrow, Newer episodes" and "Older episodes, right-pointing
    arrow" (the arrows, which point where the links are, are for eyes), and the current page's link was "2" between
    "Page 1" and "Page 3". Now "Newer episodes", "Page 1", "Page 2" (the current page), "Page 3", "Older episodes"."""
    def small_pages(root: Path) -> None:
        config = root / "show.yml"
        config.write_text(config.read_text() + "page_size: 2\n")

    with sample_site(tmp_path, small_pages) as running:
        tab = browser.new_page()
        tab.goto(running.url + "page/2/")
        links = tab.evaluate("document.querySelectorAll('.pagination a').length")
        said = [ax_node(tab, selector) for selector in (".pagination > a[rel=prev]", ".pagination li:nth-child(1) a",
                                                        ".pagination li:nth-child(2) a", ".pagination li:nth-child(3) a",
                                                        ".pagination > a[rel=next]")]
        assert links == 5
        assert [node["name"] for node in said] == ["Newer episodes", "Page 1", "Page 2", "Page 3", "Older episodes"]
        assert tab.get_attribute(".pagination li:nth-child(2) a", "aria-current") == "page"
        assert tab.text_content(".pagination > a[rel=prev]").strip() == "← Newer episodes"  # on screen as before
        tab.close()


def test_find_in_page_and_a_copy_of_the_transcript_hold_only_what_is_on_screen(server: SiteServer, open_page: Any) -> None:
    """Each transcript time stamp said "Play from" to screen readers in a visually hidden span: find in page matched it
    in every paragraph (Chromium's find, here ``window.find``: 6 matches in the sample's transcript, an hour's 1,500,
    none of them to be seen, the page scrolled to each), and a copy of the transcript held "Play from 0:07" at every
    paragraph. The words are the link's aria-label now: the same name for a screen reader, nothing but the time on the
    page."""
    tab = open_page(server.url + EP1)
    found = tab.evaluate("""() => { const seen = []; getSelection().removeAllRanges();
        while (seen.length < 50 && window.find('Play from', false, false, false)) {
            const box = getSelection().getRangeAt(0).getBoundingClientRect(); seen.push([box.width, box.height]); }
        return seen; }""")
    assert found == []
    copied = tab.evaluate("""() => { const range = document.createRange(), stamp = document.querySelector('#transcript a.stamp[data-start^="7."]');
        range.selectNodeContents(stamp.parentNode); getSelection().removeAllRanges(); getSelection().addRange(range);
        return getSelection().toString(); }""")
    assert copied.startswith("0:07 ") and "Play from" not in copied, copied
    stamp = ax_node(tab, '#transcript a.stamp[data-start^="7."]')
    assert (stamp["role"], stamp["name"]) == ("link", "Play from 0:07")
    tab.get_by_role("link", name="Play from 0:07").press("Enter")  # and it plays from there
    tab.wait_for_function("() => { const t = document.querySelector('[data-player] audio').currentTime; return t >= 7 && t < 12; }")
    tab.evaluate("document.querySelector('[data-player] audio').pause()")
    assert tab.errors == []


#: an HTML transcript as a transcription service delivers it: no heading, no landmark, a table
SERVICE_TRANSCRIPT = ("<!doctype html><html><head><title>Transcript</title></head><body><p><b>Maya:</b> Welcome to "
                      "<a href='https://example.org/'>Safe to Say</a>.</p><p><b>Priya:</b> Thank you.</p><table><tr>"
                      "<th>Who</th><th>Said</th></tr><tr><td>Maya</td><td>Hello</td></tr></table></body></html>")


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
def test_an_html_transcript_page_has_a_heading_a_main_landmark_and_focus_rings(
        tmp_path: Path, browser: Any, colour_scheme: str) -> None:
    """An HTML transcript (``transcript.html``) is published as a page of the site's own, linked from the episode page,
    with none of the theme: a screen reader found no heading and no main landmark to jump to (axe-core's
    page-has-heading-one, landmark-one-main and region), and its links and the table, which takes focus to scroll,
    showed only Chromium's thin default ring. Its text is in a ``<main>`` under the page's title as its ``<h1>``,
    and every focusable element has the theme's 3 px ring in its own colour, light or dark."""
    def html_transcript(root: Path) -> None:
        (root / "episodes" / "002-learning-alliances" / "transcript.html").write_text(SERVICE_TRANSCRIPT, encoding="utf-8")

    with sample_site(tmp_path, html_transcript) as running:
        context = browser.new_context(viewport={"width": 320, "height": 600}, color_scheme=colour_scheme)
        tab = context.new_page()
        tab.goto(running.url + "episodes/002-learning-alliances/transcript.html")
        tab.wait_for_load_state("networkidle")
        assert axe_violations(tab) == []
        assert tab.text_content("main h1") == "Transcript: Everyone at One Table – Safe to Say"
        stops = tab_through(tab)
        assert [s["tag"] for s in stops] == ["A", "TABLE"] and [s for s in stops if s["problem"]] == []
        tab.evaluate("document.activeElement.blur()")
        for _ in stops:
            tab.keyboard.press("Tab")
            assert tab.evaluate(_RING_CONTRAST)["ratio"] >= 3
        context.close()


def test_links_that_open_a_new_tab_say_so_to_a_screen_reader(server: SiteServer, open_page: Any) -> None:
    """The embed's links leave the blog's iframe for a new tab (WCAG technique G201): a screen reader user heard
    only the title, then found themselves somewhere else. Sighted users see nothing new."""
    tab = open_page(server.url + EMBED, width=600, height=180)
    links = tab.evaluate("[...document.querySelectorAll('a[target=_blank]')].length")
    assert links == 3  # the show, the episode and its transcript
    for selector in ("a[target=_blank]", ".embed-title a"):
        node = ax_node(tab, selector)
        assert node["role"] == "link" and node["name"].lower().endswith("(opens in a new tab)"), node  # (CSS caps)
    # not on screen: each hint is a 1 px clipped box, so the title line looks as it did
    boxes = tab.evaluate("[...document.querySelectorAll('a[target=_blank] .visually-hidden')]"
                         ".map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })")
    assert len(boxes) == 3 and all(w <= 1 and h <= 1 for w, h in boxes), boxes


def test_the_play_button_says_what_it_will_do_and_the_slider_where_the_audio_is(
        server: SiteServer, open_page: Any) -> None:
    tab = open_page(server.url + EP1)
    wait_metadata(tab)
    assert ax_node(tab, "[data-play]")["role"] == "button" and ax_node(tab, "[data-play]")["name"] == "Play"
    slider = ax_node(tab, "[data-seek]")
    assert (slider["role"], slider["name"], slider["valuemin"]) == ("slider", "Position", 0)
    assert slider["valuemax"] in (40, 41)  # the page's 0:40, then the audio's own 40.4 s rounded up
    tab.focus("[data-play]")
    tab.keyboard.press("Enter")
    # `paused` turns false at once, the label with the "play" event a task later: wait for both (under load the
    # check ran in between: it failed once in a full run on a busy machine)
    tab.wait_for_function("() => !document.querySelector('[data-player] audio').paused && "
                          "document.querySelector('[data-play]').getAttribute('aria-label') === 'Pause'")
    assert ax_node(tab, "[data-play]")["name"] == "Pause"
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').paused && "
                          "document.querySelector('[data-play]').getAttribute('aria-label') === 'Play'")
    assert ax_node(tab, "[data-play]")["name"] == "Play"
    assert ax_node(tab, "[data-rate]")["name"] == "Playback speed"


def _slider_says(tab: Any, words: str) -> None:
    """The slider's aria-valuetext comes to be ``words`` (it follows the audio's events, a moment after its
    currentTime moves): waited for up to 10 s, then compared, so that a failure shows what it says instead."""
    from playwright.sync_api import TimeoutError as Timeout

    with contextlib.suppress(Timeout):
        tab.wait_for_function("words => document.querySelector('[data-seek]').getAttribute('aria-valuetext') === words",
                              arg=words, timeout=10_000)
    assert tab.get_attribute("[data-seek]", "aria-valuetext") == words


def test_the_slider_says_where_the_audio_is_in_words_not_clock_times(tmp_path: Path, browser: Any) -> None:
    """aria-valuetext was "2:05 of 12:00", which screen readers read as clock times ("two oh five of twelve"): it is
    "2 minutes 5 seconds of 12 minutes", from the page as built, while it plays and after a key moves it."""
    from helpers import add_episode

    def add_long_read(root: Path) -> None:
        add_episode(root, "006-long-read", """
title: The Long Read
date: 2026-03-20T08:00:00+00:00
guid: 8c4d1a52-93f5-4a36-9a57-52b6f0a4f7c1
audio: long.mp3
""", audio_name="long.mp3", seconds=720)

    with sample_site(tmp_path, add_long_read) as running:
        for path in ("episodes/006-long-read/", "episodes/006-long-read/embed/"):
            context = browser.new_context(viewport={"width": 600, "height": 180} if "embed" in path else None)
            tab = context.new_page()
            tab.goto(running.url + path)
            assert tab.get_attribute("[data-seek]", "aria-valuetext") == "0 seconds of 12 minutes"
            tab.wait_for_function("() => document.querySelector('[data-player] audio').readyState >= 1")
            tab.evaluate("() => { const a = document.querySelector('[data-player] audio'); a.muted = true; a.currentTime = 125; }")
            tab.wait_for_function("() => document.querySelector('[data-seek]').valueAsNumber === 125")
            _slider_says(tab, "2 minutes 5 seconds of 12 minutes")
            tab.focus("[data-seek]")
            tab.keyboard.press("ArrowLeft")
            _slider_says(tab, "2 minutes 4 seconds of 12 minutes")
            tab.keyboard.press("End")
            # at the end, the words' last second is the browser's estimate of an MP3's length (720 s, or 721 s while
            # it reads the file's end under load): words still, minutes and seconds, never "12:00"
            tab.wait_for_function("() => /^12 minutes/.test(document.querySelector('[data-seek]')"
                                  ".getAttribute('aria-valuetext'))")
            assert re.fullmatch(r"12 minutes( [0-9] seconds?)? of 12 minutes( [0-9] seconds?)?",
                                tab.get_attribute("[data-seek]", "aria-valuetext"))
            context.close()


def test_a_focused_slider_is_not_moved_every_second_while_it_plays(server: SiteServer, open_page: Any) -> None:
    """A screen reader speaks every change of the slider that has focus: moving it with the audio read out the
    time every second over the episode. While it has focus and plays it stays put; a key moves it from where the
    audio is, and leaving it brings it up to date."""
    tab = open_page(server.url + EP1)
    wait_metadata(tab)
    tab.focus("[data-seek]")
    tab.evaluate("document.querySelector('[data-player] audio').play()")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').currentTime > 2.5")
    assert ax_node(tab, "[data-seek]")["value"] == 0
    assert tab.get_attribute("[data-seek]", "aria-valuetext") == "0 seconds of 40 seconds"
    assert tab.text_content("[data-current]") != "0:00"  # the clock on screen still runs
    tab.keyboard.press("ArrowRight")  # one step forward from where the audio is, not from 0
    tab.wait_for_function("() => document.querySelector('[data-seek]').valueAsNumber >= 3")
    step = tab.eval_on_selector("[data-seek]", "r => [r.valueAsNumber, r.getAttribute('aria-valuetext')]")
    assert step[1] == f"{step[0]} seconds of 40 seconds"
    tab.wait_for_function("() => document.querySelector('[data-player] audio').currentTime >= 3")
    tab.keyboard.press("Tab")  # leaving it: the slider catches up
    tab.wait_for_function("() => document.querySelector('[data-seek]').valueAsNumber >= 4")
    # a mouse click focuses the slider too, but no screen reader is following the keyboard: it keeps moving
    box = tab.query_selector("[data-seek]").bounding_box()
    tab.mouse.click(box["x"] + box["width"] / 4, box["y"] + box["height"] / 2)
    clicked = tab.eval_on_selector("[data-seek]", "r => r.valueAsNumber")
    assert tab.evaluate("document.activeElement.dataset.seek") == ""
    tab.wait_for_function(f"() => document.querySelector('[data-seek]').valueAsNumber >= {clicked + 2}")
    tab.evaluate("document.querySelector('[data-player] audio').pause()")
    assert tab.errors == []


def test_the_start_at_box_keeps_its_name_while_the_episode_plays(server: SiteServer, open_page: Any) -> None:
    """The "Start at 1:23" box had the time in its label, so its accessible name changed every second while the
    episode played ("Start at 0:00", "Start at 0:01", …): a screen reader on it said it again, and the accessibility
    tree churned. Its name is "Start at" now; the time, on screen beside it, is its description, in words ("4 seconds":
    "0:04" is read as a clock time), and no live region."""
    tab = open_page(server.url + EP1)
    wait_metadata(tab)
    box = ax_node(tab, "[data-share-at]")
    assert (box["role"], box["name"]) == ("checkbox", "Start at")
    tab.evaluate("() => { const a = document.querySelector('[data-player] audio'); a.muted = true; a.play(); }")
    names, described = set(), set()
    for second in (2, 4):
        tab.wait_for_function(f"() => document.querySelector('[data-share-time]').textContent === '0:0{second}'")
        node = ax_node(tab, "[data-share-at]")
        names.add(node["name"])
        described.add(node["description"])
    tab.evaluate("document.querySelector('[data-player] audio').pause()")
    assert names == {"Start at"} and described == {"2 seconds", "4 seconds"}
    assert tab.is_visible("text=Start at") and tab.is_visible("[data-share-time]")  # what a sighted listener sees
    assert tab.evaluate("!document.querySelector('.share-at').closest('[aria-live],[role=status],[role=alert]')")
    tab.check("[data-share-at]")  # and the box still does its work
    assert re.search(r"#t=[4-9]$", tab.input_value("#page-link"))
    assert tab.errors == []


def test_the_start_at_box_keeps_its_description_while_it_has_focus(server: SiteServer, open_page: Any) -> None:
    """The box's description (the time, in words) changed every second while the episode played, with the box
    focused too: a screen reader that reports a focused control's new description (NVDA does) said "5 seconds",
    "6 seconds", … or read a value already gone. Focused, the box keeps the time it had when focus arrived; leaving
    it brings the description up to date (as the slider does), and the time on screen runs on."""
    tab = open_page(server.url + EP1)
    wait_metadata(tab)
    tab.evaluate("() => { const a = document.querySelector('[data-player] audio'); a.muted = true; a.play(); }")
    tab.wait_for_function("() => document.querySelector('[data-share-time]').textContent === '0:02'")
    tab.focus("[data-share-at]")
    described = ax_node(tab, "[data-share-at]")["description"]
    assert described in ("2 seconds", "3 seconds")
    tab.wait_for_function("() => document.querySelector('[data-share-time]').textContent === '0:05'")  # on screen
    tab.keyboard.press("Space")  # ticked: the link starts where the listener is, the description stays calm
    tab.wait_for_function("() => document.querySelector('[data-share-time]').textContent === '0:06'")
    assert ax_node(tab, "[data-share-at]")["description"] == described
    assert re.search(r"#t=[5-9]$", tab.input_value("#page-link"))
    tab.focus("#page-link")
    now = tab.evaluate("Math.floor(document.querySelector('[data-player] audio').currentTime)")
    assert ax_node(tab, "[data-share-at]")["description"] in (f"{now} seconds", f"{now + 1} seconds")
    tab.evaluate("document.querySelector('[data-player] audio').pause()")
    assert tab.errors == []


# -- 3. display settings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", EP1, EMBED])
def test_forced_colours_keep_the_controls_and_the_focus_ring_visible(
        server: SiteServer, browser: Any, path: str) -> None:
    """Windows high contrast (forced-colors: active): backgrounds go, so nothing may rely on them."""
    context = browser.new_context(viewport={"width": 600 if path == EMBED else 1100, "height": 180 if path == EMBED else 900})
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
    tab.goto(server.url + path)
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("matchMedia('(forced-colors: active)').matches")
    stops = tab_through(tab)
    assert stops and [s for s in stops if s["problem"]] == []
    if path != "":
        # the play icon is drawn in the text colour, which forced colours keep different from the background
        colours = tab.eval_on_selector("[data-play]", """b => { const s = getComputedStyle(b), i = getComputedStyle(b.querySelector('.icon-play'));
            return [i.fill, s.color, s.backgroundColor, i.display] }""")
        assert colours[0] == colours[1] != colours[2] and colours[3] != "none"
        # buttons keep a border in forced colours: the player's controls are outlined shapes
        assert tab.eval_on_selector("[data-skip='30']", "b => getComputedStyle(b).borderStyle") == "solid"
        # the theme's slider track keeps its edge and its part played, in the system's colours (the browser's own
        # track drew the part played in Highlight; forced colours took the theme's accent away)
        wait_metadata(tab)
        tab.evaluate("document.querySelector('[data-player] audio').currentTime = 15")
        tab.wait_for_function("() => document.querySelector('[data-seek]').valueAsNumber === 15")
        seen = track_contrast(tab)
        assert seen["played"] >= 3 and seen["to come"] >= 3, seen
    context.close()


@pytest.mark.parametrize("path", ["", EP1, EMBED])
def test_nothing_moves_for_people_who_ask_for_reduced_motion(server: SiteServer, open_page: Any, path: str) -> None:
    tab = open_page(server.url + path, reduced_motion="reduce")
    moving = tab.evaluate("""() => [...document.querySelectorAll('*')].filter(e => e.getClientRects().length).filter(e => {
        const s = getComputedStyle(e);
        return s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0) || s.scrollBehavior === 'smooth';
    }).map(e => e.tagName + '.' + e.className)""")
    assert moving == [] and tab.evaluate("document.getAnimations().length") == 0


#: every box that hides its overflow and has more than it shows: text cut off (text fields, which scroll inside
#: themselves, and the embed's title, shortened with an ellipsis by design, left out)
_CLIPPED = """() => [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length).filter(e => {
    const s = getComputedStyle(e), hides = v => v === 'hidden' || v === 'clip';
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName) || e.matches('.visually-hidden, .embed-title a')) return false;
    return (hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
}).map(e => `${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}`)"""

#: WCAG 1.4.12's text spacing (the W3C's test bookmarklet): line height 1.5, letter 0.12 em, word 0.16 em,
#: paragraphs 2 em apart, over the page's own styles
TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }"
                " p { margin-bottom: 2em !important; }")


@pytest.mark.parametrize("path", ["", EP1, "missing/"])
@pytest.mark.parametrize("width,text", [(320, "100%"), (320, "200%"), (640, "200%"), (1100, "200%")])
def test_pages_reflow_without_sideways_scrolling_at_320_px_and_with_text_at_200_percent(
        server: SiteServer, open_page: Any, path: str, width: int, text: str) -> None:
    """320 px with text at 200% (a phone with large text): the site menu ran 78 px off the screen (its list did not
    wrap: 398 px of 320), the skip link's ring ran off its right edge, and the chapter titles ran out of their list's
    rounded box, which cut them off. (There a content note's support link is 856 px tall: a taller window shows its
    whole focus ring.)"""
    tab = open_page(server.url + path, width=width, height=1000 if (width, text) == (320, "200%") else 800)
    text_size(tab, text)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    assert tab.evaluate(_CLIPPED) == []
    stops = tab_through(tab)
    assert [s for s in stops if s["problem"]] == []


def test_a_chapter_title_of_one_long_word_wraps_instead_of_being_cut_off(tmp_path: Path, browser: Any) -> None:
    """A chapter list hides its overflow (for its rounded corners), and a flex item is no narrower than its longest
    word: at 320 px a chapter called "Wissenschaftskommunikationsforschung" ran past the list and lost its end."""

    def long_chapter(root: Path) -> None:
        chapters = root / "episodes" / "001-ipv-and-substance-use" / "chapters.txt"
        chapters.write_text(chapters.read_text() + "00:00:35 Wissenschaftskommunikationsforschung\n")

    with sample_site(tmp_path, long_chapter) as running:
        context = browser.new_context(viewport={"width": 320, "height": 800})
        tab = context.new_page()
        tab.goto(running.url + EP1)
        tab.wait_for_load_state("networkidle")
        assert tab.text_content(".chapter-link[data-start='35.0'] span") == "Wissenschaftskommunikationsforschung"
        assert tab.evaluate(_CLIPPED) == []
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320
        context.close()


@pytest.mark.parametrize("path,width,height", [("", 320, 800), (EP1, 320, 800), (EP1, 1100, 900), ("missing/", 320, 800),
                                               (EMBED, 300, 180), (EMBED, 600, 180), (EMBED, 800, 180)])
def test_text_spacing_cuts_nothing_off(server: SiteServer, open_page: Any, path: str, width: int, height: int) -> None:
    """WCAG 1.4.12: a reader's own line, letter, word and paragraph spacing loses no text and no control. The embed's
    frame stays 180 px high: it scrolls (the focus ring of every control still comes into view)."""
    tab = open_page(server.url + path, width=width, height=height)
    tab.add_style_tag(content=TEXT_SPACING)
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= width
    assert tab.evaluate(_CLIPPED) == []
    stops = tab_through(tab)
    assert stops and [s for s in stops if s["problem"]] == []


#: the player's controls that can be seen, with their size in CSS px
_CONTROLS = """() => [...document.querySelectorAll('.player-bar :is(button, input, select), .embed-more > *, .player-error a, .share-at input')]
    .filter(e => e.getClientRects().length && getComputedStyle(e).visibility === 'visible')
    .map(e => { const r = e.getBoundingClientRect();
                return [(e.getAttribute('aria-label') || e.textContent).trim(), Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10]; })"""


@pytest.mark.parametrize("path,width,text", [(EMBED, 300, "100%"), (EMBED, 600, "100%"), (EMBED, 800, "100%"),
                                             (EMBED, 300, "200%"), (EP1, 320, "100%"), (EP1, 320, "200%"), (EP1, 1100, "100%")])
def test_the_player_controls_are_at_least_24_px_square(
        server: SiteServer, open_page: Any, path: str, width: int, text: str) -> None:
    """WCAG 2.5.8 (target size, minimum): every control of the player takes a 24 × 24 CSS px pointer at least, at
    every width of the embed and with large text (a flex row shrinks its items: the play button is 40 px wide at 300);
    the "Start at" box too, which was 18 × 18 (a target only the spacing exception let pass)."""
    tab = open_page(server.url + path, width=width, height=180 if path == EMBED else 800)
    text_size(tab, text)
    controls = tab.evaluate(_CONTROLS)
    assert {c[0] for c in controls} >= {"Play", "Position", "Playback speed"}
    assert [c for c in controls if c[1] < 24 or c[2] < 24] == []


@pytest.mark.parametrize("width", [300, 600, 800])
def test_the_embed_with_text_at_200_percent_keeps_every_control_reachable(
        server: SiteServer, open_page: Any, width: int) -> None:
    """The iframe stays 180 px high whatever the text size: with large text the player wrapped below the frame
    and the frame refused to scroll (overflow: hidden), so its controls could not be seen or reached."""
    tab = open_page(server.url + EMBED, width=width, height=180)
    text_size(tab, "200%")
    assert tab.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    stops = tab_through(tab)
    assert "Play" in [s["name"] for s in stops] and [s for s in stops if s["problem"]] == []
    # and a mouse or touch user can scroll to each control too (the wheel: a script may scroll what hides its overflow)
    tab.evaluate("scrollTo(0, 0)")
    tab.mouse.move(width / 2, 90)
    tab.mouse.wheel(0, 2000)
    tab.wait_for_function("() => scrollY > 0 && scrollY + innerHeight >= document.documentElement.scrollHeight - 1")
    # at the normal text size the embed still fits its frame without a scroll bar
    text_size(tab, "100%")
    assert tab.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]") == [180, width]


def contrast_violations(tab: Any) -> list[Any]:
    """axe-core's colour-contrast rule (WCAG AA) on the page as it is now."""
    tab.add_script_tag(content=axe_script())
    return tab.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}});
        return r.violations.map(v => v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary));
    }""")


def scheme(tab: Any) -> tuple[str, float]:
    """The page's colour scheme and the relative luminance of its background (0 black … 1 white)."""
    found = tab.evaluate("""() => {
        const bg = getComputedStyle(document.body).backgroundColor.match(/[0-9.]+/g).slice(0, 3).map(Number);
        const lin = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return [getComputedStyle(document.documentElement).colorScheme,
                0.2126 * lin(bg[0]) + 0.7152 * lin(bg[1]) + 0.0722 * lin(bg[2])];
    }""")
    return found[0], found[1]


@pytest.mark.parametrize("path", PAGES + [EMBED])
def test_the_theme_turns_dark_when_the_system_prefers_dark_with_aa_contrast(
        server: SiteServer, open_page: Any, path: str) -> None:
    """A reader whose system is dark got a white page (and a white card in a dark blog's iframe). Now the theme's
    dark colours: axe's contrast rule finds nothing, and the focus ring stands out 3:1 from the page."""
    tab = open_page(server.url + path, color_scheme="dark")
    assert tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    kind, luminance = scheme(tab)
    assert kind == "dark" and luminance < 0.05
    assert contrast_violations(tab) == []
    ring = tab.evaluate("""() => {
        const lin = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        const lum = s => { const v = s.match(/[0-9.]+/g).slice(0, 3).map(Number);
                           return 0.2126 * lin(v[0]) + 0.7152 * lin(v[1]) + 0.0722 * lin(v[2]); };
        const a = lum(getComputedStyle(document.documentElement).getPropertyValue('--focus').trim()
                      .replace(/^#(..)(..)(..)$/, (m, r, g, b) => `rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`));
        const b = lum(getComputedStyle(document.body).backgroundColor);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }""")
    assert ring >= 3.0, ring


#: the focused element's ring colour and the colour it is drawn on (its own background for a ring inside it, a
#: negative offset; otherwise the nearest background behind it), as contrast ratio and names
_RING_CONTRAST = r"""() => {
    const lin = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    const lum = s => { const v = s.match(/[0-9.]+/g).slice(0, 3).map(Number);
                       return 0.2126 * lin(v[0]) + 0.7152 * lin(v[1]) + 0.0722 * lin(v[2]); };
    const opaque = e => { const c = getComputedStyle(e).backgroundColor; return /rgba\(.*, 0\)$|transparent/.test(c) ? null : c; };
    const el = document.activeElement, s = getComputedStyle(el);
    let under = parseFloat(s.outlineOffset) < 0 ? opaque(el) : null;
    for (let a = el.parentElement; !under && a; a = a.parentElement) under = opaque(a);
    under = under || getComputedStyle(document.documentElement).backgroundColor;
    const x = lum(s.outlineColor), y = lum(under);
    return {name: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30), ring: s.outlineColor, under: under,
            ratio: Math.round((Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05) * 100) / 100};
}"""


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES + [EMBED])
def test_every_focus_ring_stands_out_3_to_1_from_what_it_is_drawn_on(
        server: SiteServer, open_page: Any, path: str, colour_scheme: str) -> None:
    """WCAG 1.4.11 for the focus indicator, in both themes: at every Tab stop the ring against the colour right
    behind it (the player bar's, a marked chapter's, the page's), not only against the page."""
    tab = open_page(server.url + path, width=600 if path == EMBED else 1100, height=180 if path == EMBED else 900,
                    color_scheme=colour_scheme)
    rings = []
    for _ in range(80):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement === document.body"):
            break
        rings.append(tab.evaluate(_RING_CONTRAST))
    assert len(rings) > 3 and [r for r in rings if r["ratio"] < 3] == []


def _luminance(rgb: tuple[int, ...]) -> float:
    def lin(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])


def track_contrast(tab: Any) -> dict[str, float]:
    """What the slider's track shows on screen against the player bar's colour, a tenth of its width in from its start
    (time starts on the left, on the right in a right-to-left page): the part played, its middle's contrast; and from
    its end, the part to come, the greatest contrast on a line across it (its edge). Set the audio a third in first
    (the thumb is then between the two)."""
    from PIL import Image

    bar = tab.eval_on_selector(".player-bar", "b => getComputedStyle(b).backgroundColor.match(/[0-9.]+/g).slice(0, 3).map(Number)")
    rtl = tab.eval_on_selector("[data-seek]", "e => getComputedStyle(e).direction") == "rtl"
    image = Image.open(io.BytesIO(tab.query_selector("[data-seek]").screenshot())).convert("RGB")
    width, height = image.size
    under = _luminance(tuple(bar))

    def ratio(x: int, y: int) -> float:
        a = _luminance(image.getpixel((x, y)))
        return round((max(a, under) + 0.05) / (min(a, under) + 0.05), 2)

    start, end = width // 10, width - 1 - width // 10
    if rtl:
        start, end = end, start
    return {"played": ratio(start, height // 2), "to come": max(ratio(end, y) for y in range(height))}


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [EP1, EMBED])
def test_the_sliders_track_stands_out_3_to_1_from_the_player_bar(
        server: SiteServer, open_page: Any, path: str, colour_scheme: str) -> None:
    """WCAG 1.4.11 (non-text contrast): the slider's track, which shows how long the episode is and how much is
    left, was the browser's own, with a grey edge of 1.95:1 on the light player bar. The theme draws it: an edge of
    the controls' colour, the part played in the accent, each at least 3:1 in the light and the dark theme."""
    tab = open_page(server.url + path, width=600 if path == EMBED else 1100, height=180 if path == EMBED else 900,
                    color_scheme=colour_scheme)
    wait_metadata(tab)
    tab.evaluate("document.querySelector('[data-player] audio').currentTime = 15")
    tab.wait_for_function("() => document.querySelector('[data-seek]').valueAsNumber === 15")
    seen = track_contrast(tab)
    assert seen["played"] >= 3 and seen["to come"] >= 3, seen
    assert tab.errors == []


@pytest.mark.parametrize(("system", "query", "expected"), [
    ("dark", "?theme=light", "light"),   # a light blog, a reader on a dark system
    ("light", "?theme=dark", "dark"),    # a dark blog, a reader on a light system
    ("light", "?theme=dark&t=1", "dark"),
    ("dark", "?theme=nonsense", "dark"),  # anything else: the system decides
    ("light", "", "light"),
])
def test_an_embed_can_be_pinned_to_the_blogs_scheme(
        server: SiteServer, open_page: Any, system: str, query: str, expected: str) -> None:
    tab = open_page(server.url + EMBED + query, width=600, height=180, color_scheme=system)
    kind, luminance = scheme(tab)
    assert kind == expected and (luminance < 0.05 if expected == "dark" else luminance > 0.9)
    assert contrast_violations(tab) == []
    assert tab.errors == []


# -- 4. no JavaScript -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [EP1, EMBED])
def test_without_javascript_the_audio_plays_and_chapters_and_transcript_can_be_read(
        server: SiteServer, open_page: Any, path: str) -> None:
    tab = open_page(server.url + path, width=600 if path == EMBED else 1100, height=180 if path == EMBED else 900,
                    java_script_enabled=False)
    assert tab.eval_on_selector("[data-player] audio", "a => a.controls") is True
    assert tab.is_visible("[data-player] audio") and not tab.is_visible(".player-bar")
    audio = tab.query_selector("[data-player] audio").bounding_box()
    assert audio["height"] >= 30 and audio["y"] + audio["height"] <= (180 if path == EMBED else 10_000)
    for width in (240, 300, 320, 400, 800) if path == EMBED else ():  # the card keeps inside the 180 px frame: it
        tab.set_viewport_size({"width": width, "height": 180})  # scrolled 3 px in a phone's column (its foot cut off)
        assert tab.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]") == [180, width]
    tab.wait_for_function("() => document.querySelector('[data-player] audio').readyState >= 1")  # and it loads
    # no button that needs the script is on show, nor reachable with Tab
    assert tab.evaluate("[...document.querySelectorAll('button, [data-chapters]')].every(e => !e.getClientRects().length)")
    if path == EP1:
        assert tab.is_visible("a.chapter-link >> text=Prevalence")
        assert tab.is_visible("#transcript a.stamp[data-start^='7.']")
        assert tab.evaluate("[...document.querySelectorAll('#transcript p')].filter(p => p.getClientRects().length).length") >= 6
