"""A player whose file cannot be played, in Chromium: the host answers 404, or holds a file of a type the browser
cannot play. Play did nothing and nothing said why; now the bar gives way to a message with the file's link, said
once by a status region, on the episode page and in the embed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import make_media
from siteserver import CHROMIUM, SiteServer, chromium, sample_site
from test_browser import axe_violations
from test_browser_a11y import _FOCUS, ax_node, tab_through

#: the file of episode 1 is gone from the host (a 404); episode 2's is an AIFF under its .m4a name (Chromium plays
#: no AIFF); episode 3 plays
GONE, AIFF, FINE = "episodes/001-ipv-and-substance-use/", "episodes/002-learning-alliances/", "episodes/003-capabilities-framework/"
AUDIO = "[data-player] audio"
#: each text the status line is given, in order (a MutationObserver set before the page's own script runs)
_RECORD = """() => { window.said = [];
    new MutationObserver(() => { const s = document.querySelector('p[data-error]');
        if (s && s.textContent && s.textContent !== window.said[window.said.length - 1]) window.said.push(s.textContent); })
    .observe(document, {subtree: true, childList: true, characterData: true}); }"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, Any]]:
    """The sample show served with episode 1's file missing and episode 2's an AIFF; and a Chromium."""
    work = tmp_path_factory.mktemp("unplayable")
    with sample_site(work) as running, chromium() as browser:
        assert running.root is not None
        next((running.root / GONE).glob("*.mp3")).unlink()
        aiff = make_media(work / "tone.aiff", "aiff")
        next((running.root / AIFF).glob("*.m4a")).write_bytes(aiff.read_bytes())
        yield running, browser


@pytest.fixture
def open_page(site: tuple[SiteServer, Any]) -> Iterator[Any]:
    """``open_page(path, width=1100, height=900, **context options)`` → a tab recording script errors and what the
    player's status line said."""
    contexts: list[Any] = []

    def opener(path: str, width: int = 1100, height: int = 900, **options: Any) -> Any:
        context = site[1].new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        tab = context.new_page()
        tab.errors = []
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        tab.add_init_script(f"({_RECORD})()")
        tab.goto(site[0].url + path)
        tab.wait_for_load_state("networkidle")
        return tab

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("path", [GONE, AIFF, GONE + "embed/", AIFF + "embed/"])
def test_a_file_that_cannot_be_played_says_so_once_with_its_link(
        site: tuple[SiteServer, Any], open_page: Any, path: str) -> None:
    embed = path.endswith("embed/")
    tab = open_page(path, *((600, 180) if embed else (1100, 900)))
    tab.wait_for_function("() => document.querySelector('p[data-error]').textContent !== ''")
    assert tab.eval_on_selector(AUDIO, "a => a.error && a.error.code") == 4  # MEDIA_ERR_SRC_NOT_SUPPORTED, both
    status = tab.query_selector("p[data-error]")
    assert ax_node(tab, "p[data-error]")["role"] == "status"
    assert status.inner_text().startswith("This episode cannot be played here.") and status.is_visible()
    link = tab.eval_on_selector("p[data-error] a", "a => [a.href, a.hasAttribute('download'), a.target, a.textContent]")
    source = tab.eval_on_selector(AUDIO, "a => a.currentSrc || a.src")
    if embed:  # out of the blog's frame: a sandboxed frame may not download
        assert link == [source, False, "_blank", "Open the file (opens in a new tab)"]
        assert status.inner_text().endswith(" MB).")  # short: it fits a 300 px frame
    else:
        assert link == [source, True, "", "Download the episode"]
    # the bar whose Play did nothing is gone (and the embed's chapter menu with it); the link is reached with Tab
    assert not tab.is_visible(".player-bar") and not tab.is_visible("[data-chapters]")
    names = [stop["name"] for stop in tab_through(tab)]
    assert "Play" not in names and link[3] in names
    # said once: a second failure of the same file (a reload of the media) says nothing new
    tab.eval_on_selector(AUDIO, "a => a.load()")
    tab.wait_for_function("() => document.querySelector('[data-player] audio').networkState === 3")
    assert tab.evaluate("window.said") == [status.text_content()]
    assert tab.errors == []


def test_a_file_that_fails_while_play_has_focus_moves_focus_to_the_link(open_page: Any) -> None:
    """The bar hides: focus on its Play button would have fallen to the page's start."""
    tab = open_page(FINE)
    tab.wait_for_function("() => document.querySelector('[data-player] audio').readyState >= 1")
    assert tab.evaluate("document.querySelector('p[data-error]').textContent") == ""  # a file that plays: no message
    tab.focus("[data-play]")
    tab.eval_on_selector(AUDIO, "a => { a.src = a.src.replace(/[^/]+$/, 'gone.mp3'); a.play().catch(() => {}); }")
    tab.wait_for_function("() => document.activeElement.closest('p[data-error]') !== null")
    assert tab.evaluate(_FOCUS) == {"tag": "A", "name": "Download the episode", "problem": ""}  # its ring shows


def test_sources_fail_only_when_the_last_one_does_and_a_caption_track_is_not_the_audio(open_page: Any) -> None:
    """A player template with <source> elements: the media element has no error event of its own then, each source
    has one. The first failing of two is no failure (the browser tries the next); the last one is."""
    tab = open_page(FINE)
    tab.wait_for_function("() => document.querySelector('[data-player] audio').readyState >= 1")
    sources = """(a, names) => { const file = a.src; a.removeAttribute('src');
        for (const name of names) { const s = document.createElement('source');
            s.src = name === 'fine' ? file : file.replace(/[^/]+$/, name); a.appendChild(s); }
        const t = document.createElement('track'); t.src = 'no-captions.vtt'; t.default = true; a.appendChild(t);
        a.load(); }"""
    tab.eval_on_selector(AUDIO, sources, ["gone.ogg", "fine"])
    tab.wait_for_function("() => document.querySelector('[data-player] audio').readyState >= 1")
    tab.wait_for_function("() => document.querySelector('track').readyState === 3")  # the track failed: ERROR
    assert tab.evaluate("document.querySelector('p[data-error]').textContent") == ""
    assert tab.is_visible(".player-bar")
    tab.eval_on_selector(AUDIO, "a => a.querySelectorAll('source, track').forEach(s => s.remove())")
    tab.eval_on_selector(AUDIO, sources, ["gone.ogg", "gone.mp3"])
    tab.wait_for_function("() => document.querySelector('p[data-error]').textContent !== ''")
    assert tab.eval_on_selector(AUDIO, "a => [a.error, a.networkState]") == [None, 3]  # no error of the element's own
    assert not tab.is_visible(".player-bar")


def test_a_player_whose_file_has_not_started_loading_is_not_taken_for_failed(
        site: tuple[SiteServer, Any], open_page: Any) -> None:
    """Until the browser starts on the file, Chromium's networkState is NETWORK_NO_SOURCE, as after every source has
    failed: the embed in a blog's frame under load ran the script in that moment and showed the message for a file
    that plays. Here the script runs inline, right after the player is parsed, before the browser starts on it."""
    server = site[0]
    assert server.root is not None
    html = (server.root / FINE / "embed/index.html").read_text()
    script = (server.root / "assets/player.js").read_text()
    inline = re.sub(r'<script src="[^"]*player\.js[^"]*" defer></script>', lambda m: "", html)
    # the stylesheet after the script: before it, the script waited for the sheet, and the browser could start on
    # the file meanwhile (a race the precondition below lost about one run in two with the smaller sheet of session 21)
    sheet = re.search(r'<link rel="stylesheet"[^>]*>', inline).group(0)  # type: ignore[union-attr]
    inline = inline.replace(sheet, "").replace(
        "</main>", "</main><script>window.early = document.querySelector('audio').networkState;" + script + "</script>" + sheet)
    server.extra[server.prefix + FINE + "embed/inline.html"] = ("text/html; charset=utf-8", inline.encode())
    # the moment the script sees is the browser's to choose: under load the parser may yield between the player
    # and the script, and the browser starts on the file first (networkState 1); a few loads find the moment
    for _ in range(5):
        tab = open_page(FINE + "embed/inline.html", 600, 180)
        tab.wait_for_function("() => document.querySelector('[data-player] audio').readyState >= 1")
        if tab.evaluate("window.early") == 3:
            break
    assert tab.evaluate("window.early") == 3  # the moment the script saw
    assert tab.evaluate("document.querySelector('p[data-error]').textContent") == ""
    assert tab.is_visible(".player-bar") and tab.errors == []


@pytest.mark.parametrize("path", [GONE, GONE + "embed/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_message_passes_axe_core(open_page: Any, path: str, scheme: str) -> None:
    embed = path.endswith("embed/")
    tab = open_page(path, *((600, 180) if embed else (1100, 900)), color_scheme=scheme)
    tab.wait_for_function("() => document.querySelector('p[data-error]').textContent !== ''")
    assert axe_violations(tab) == []
    for width in (300, 600, 800) if embed else ():  # the message fits the 180 px frame without a scroll bar
        tab.set_viewport_size({"width": width, "height": 180})
        assert tab.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]") == [180, width]


def test_without_javascript_a_missing_file_keeps_the_native_player_and_no_message(open_page: Any) -> None:
    tab = open_page(GONE, java_script_enabled=False)
    assert tab.eval_on_selector(AUDIO, "a => a.controls") is True and tab.is_visible(AUDIO)
    assert tab.evaluate("document.querySelector('p[data-error]').textContent") == ""


#: what the player's clock shows on the screen: the text of its parts that are drawn (not the words for screen readers)
_CLOCK = """() => { const walk = document.createTreeWalker(document.querySelector('.player-time'), NodeFilter.SHOW_TEXT);
    let seen = ''; while (walk.nextNode()) { const part = walk.currentNode.parentElement;
        if (part.getClientRects().length && !part.closest('.visually-hidden')) seen += walk.currentNode.textContent; }
    return seen.trim(); }"""


def hold_the_audio(tab: Any) -> Callable[[], int]:
    """A host slow to send the file: ``tab``'s requests for an MP3 wait until the function returned is called (it lets
    them and every later one come, and says how many waited)."""
    held: list[Any] = []

    def hold(route: Any) -> None:
        if held and held[0] is None:
            route.continue_()
        else:
            held.append(route)

    def let_come() -> int:
        waited, held[:] = list(held), [None]
        for route in waited:
            route.continue_()
        return len(waited)

    tab.route(re.compile(r".*\.mp3$"), hold)
    return let_come


@pytest.mark.parametrize("path", [FINE, FINE + "embed/"])
def test_a_file_slow_to_come_says_loading_until_it_plays(site: tuple[SiteServer, Any], path: str) -> None:
    """A host that is slow to send the file (here: it sends nothing until the test lets it). Play turned into Pause
    and the clock stood at 0:00 for as long as the file took, the same as a player that had hung: the native
    controls, which the bar replaces, show that they are loading. Now the clock gives way to "Loading…" (no live
    region: a screen reader is not talked over at every wait) until the sound comes, and the time is back."""
    embed = path.endswith("embed/")
    context = site[1].new_context(viewport={"width": 300 if embed else 1100, "height": 180 if embed else 900})
    try:
        tab = context.new_page()
        let_come = hold_the_audio(tab)
        tab.goto(site[0].url + path)
        tab.wait_for_function("() => document.querySelector('.player-bar') && !document.querySelector('.player-bar').hidden")
        assert re.fullmatch(r"0:00( / \d:\d\d)?", tab.evaluate(_CLOCK))  # (the embed's 300 px leaves out the length)
        tab.focus("[data-play]")
        tab.keyboard.press("Space")
        tab.wait_for_function(f"() => ({_CLOCK})() === 'Loading…'")
        assert tab.evaluate("document.querySelector('[data-play]').getAttribute('aria-label')") == "Pause"
        # the word fits, whole (the slider gives way; in a 240 px frame it is cut short, "Lo…")
        assert tab.evaluate("document.documentElement.scrollWidth") <= (300 if embed else 1100)
        assert tab.eval_on_selector(".player-time", "t => t.scrollWidth <= t.clientWidth")
        assert axe_violations(tab) == []  # the word's contrast, the narrower slider's size
        assert tab.evaluate("document.documentElement.scrollHeight") <= (180 if embed else 10_000)
        assert let_come(), "the file was asked for"
        tab.wait_for_function("() => document.querySelector('[data-player] audio').currentTime > 0.3")
        tab.wait_for_function(f"() => /^0:0\\d/.test(({_CLOCK})())")
        tab.eval_on_selector(AUDIO, "a => a.pause()")
        assert "Loading" not in tab.evaluate(_CLOCK)
    finally:
        context.close()


@pytest.mark.parametrize("path,width", [(FINE, 1100), (FINE + "embed/", 240), (FINE + "embed/", 600)])
def test_a_long_wait_offers_the_files_link(site: tuple[SiteServer, Any], path: str, width: int) -> None:
    """A listener on a slow link saw "Loading…" for as long as the file took, with no way to the file itself (the embed
    has no download link; the episode page's is far below). Past 5 s of waiting the file's link shows below the bar,
    as the message for a file that cannot play gives it (a download on the page; in the embed a new tab, in place of
    the chapter menu and transcript link, inside the 180 px frame), reached with Tab after the bar, not spoken by a
    live region; it goes when the sound comes."""
    embed = path.endswith("embed/")
    context = site[1].new_context(viewport={"width": width, "height": 180 if embed else 900})
    try:
        tab = context.new_page()
        tab.errors = []
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        let_come = hold_the_audio(tab)
        tab.goto(site[0].url + path)
        tab.wait_for_function("() => document.querySelector('.player-bar') && !document.querySelector('.player-bar').hidden")
        assert not tab.is_visible(".player-slow")
        tab.focus("[data-play]")
        tab.keyboard.press("Space")
        tab.wait_for_function(f"() => ({_CLOCK})() === 'Loading…'")
        tab.wait_for_selector(".player-slow a", state="visible", timeout=15_000)
        link = tab.eval_on_selector(".player-slow a", "a => [a.getAttribute('href'), a.hasAttribute('download'), a.target]")
        assert link[0].endswith(".mp3") and link[1:] == ([False, "_blank"] if embed else [True, ""])
        assert re.fullmatch((r"Open the file \(opens in a new tab\) \(MP3, 0\.\d MB\)\." if embed else
                             r"Download the episode \(MP3, 0\.\d MB\) to play it in another app\."),
                            tab.text_content(".player-slow"))
        assert not tab.evaluate("document.querySelector('.player-slow').closest('[aria-live],[role=status],[role=alert]')")
        if embed:  # in place of the chapter menu and the transcript link: the card still fits its frame
            assert not tab.is_visible(".embed-more")
            assert tab.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]") == [180, width]
        assert axe_violations(tab) == []
        tab.keyboard.press("Tab")
        tab.keyboard.press("Tab")  # (the slider, the speed menu; in a wider frame the skip buttons too)
        for _ in range(4):
            if tab.evaluate("document.activeElement.closest('.player-slow') !== null"):
                break
            tab.keyboard.press("Tab")
        assert tab.evaluate(_FOCUS)["problem"] == "" and tab.evaluate("document.activeElement.closest('.player-slow') !== null")
        tab.keyboard.press("Shift+Tab")  # (the embed's row stays away while focus is not in it)
        assert let_come()
        tab.wait_for_function("() => document.querySelector('[data-player] audio').currentTime > 0.3")
        assert not tab.is_visible(".player-slow") and (not embed or tab.is_visible(".embed-more"))
        tab.eval_on_selector(AUDIO, "a => a.pause()")
        assert tab.errors == []
    finally:
        context.close()
