"""What a listener expects of a podcast player on the web (Castopod's and Podlove's do it), with real audio in Chromium.

Timestamp links (``#t=1:23``, ``?t=83``) that start the player there, on the page and in the embed on a blog; a
transcript that follows the audio; the phone's lock screen (the Media Session API: title, show, artwork, chapters,
and its buttons); a link to share that starts where the listener is; and a page that prints without its player.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from siteserver import CHROMIUM, SiteServer, chromium, sample_site
from test_browser import _strict_blog_post
from test_browser_a11y import contrast_violations

EP1 = "episodes/001-ipv-and-substance-use/"
AUDIO = "[data-player] audio"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

#: records the handlers the page gives the Media Session API (a phone's lock screen calls them) and its position
#: state, so a test can press the lock screen's buttons; the real API still gets every call
RECORD_SESSION = """
window.lockScreen = {actions: {}, position: null};
const session = navigator.mediaSession;
const setAction = session.setActionHandler.bind(session), setPosition = session.setPositionState.bind(session);
session.setActionHandler = (name, handler) => { window.lockScreen.actions[name] = handler; setAction(name, handler); };
session.setPositionState = state => { window.lockScreen.position = state; setPosition(state); };
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, Any]]:
    """The sample show built and served on 127.0.0.1, and a Chromium that may play without a click."""
    with sample_site(tmp_path_factory.mktemp("listening")) as running, \
            chromium("--autoplay-policy=no-user-gesture-required") as browser:
        yield running, browser


@pytest.fixture
def tab(site: tuple[SiteServer, Any]) -> Iterator[Any]:
    """A fresh tab (its own context: no history) that records script errors in ``tab.errors``."""
    context = site[1].new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def at(frame: Any) -> float:
    frame.wait_for_function(f"() => document.querySelector('{AUDIO}').readyState >= 1")
    return float(frame.eval_on_selector(AUDIO, "a => a.currentTime"))


def plays_on_from(frame: Any, seconds: float) -> None:
    """The player stands at ``seconds`` and, played, goes on from there (real audio, not a number in a field)."""
    frame.wait_for_function(f"() => Math.abs(document.querySelector('{AUDIO}').currentTime - {seconds}) < 0.5")
    frame.evaluate(f"() => {{ const a = document.querySelector('{AUDIO}'); a.muted = true; return a.play() }}")
    frame.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > {seconds + 0.5}")


@pytest.mark.parametrize("address", ["#t=20", "#t=0:20", "#t=0:00:20", "?t=20", "#t=20s", "#t=npt:20,30", "embed/?t=0:20",
                                     "embed/?theme=dark&t=20", "embed/#t=0:20"])
def test_a_timestamp_link_starts_the_player_there(site: tuple[SiteServer, Any], tab: Any, address: str) -> None:
    """Before, only ``#t=20`` (seconds) worked: a listener's ``#t=0:20`` (Castopod's and YouTube's form), a blogger's
    ``?t=20`` (Podlove's) and a media fragment's ``#t=20,30`` all started at 0:00."""
    tab.goto(site[0].url + EP1 + address)
    plays_on_from(tab, 20)
    assert tab.errors == []


@pytest.mark.parametrize("address", ["#t=abc", "#t=", "#t=1:xx", "#transcript", "?t=%E0%A4%A"])
def test_a_link_without_a_time_leaves_the_player_at_the_start(site: tuple[SiteServer, Any], tab: Any, address: str) -> None:
    tab.goto(site[0].url + EP1 + address)
    assert at(tab) == 0 and tab.errors == []


def _link_in_the_notes(tab: Any, time: str) -> None:
    """A link to ``#t=<time>`` as show notes write it ("at [0:25](#t=0:25)"), with the player muted."""
    tab.evaluate(f"""() => {{ const a = document.createElement('a'); a.href = '#t={time}'; a.textContent = 'at {time}';
        document.querySelector('.notes').append(a); document.querySelector('audio').muted = true; }}""")


def test_a_time_link_in_the_page_plays_from_there(site: tuple[SiteServer, Any], tab: Any) -> None:
    """Show notes may say "at [1:23](#t=1:23)": a click moves the player and plays (before, only a fresh load did)."""
    tab.goto(site[0].url + EP1)
    at(tab)
    _link_in_the_notes(tab, "0:25")
    tab.click("text=at 0:25")
    tab.wait_for_function(f"() => !document.querySelector('{AUDIO}').paused")
    assert 25 <= at(tab) < 28


def test_the_timestamp_link_works_in_the_embed_on_a_strict_blog_at_320_px(site: tuple[SiteServer, Any]) -> None:
    """A blogger points the iframe at ``…/embed/#t=0:28`` in a 320 px post whose policy allows no inline style, in the
    sandbox WordPress gives it (scripts only): the player starts at 0:28."""
    server, browser = site
    iframe = (f'<iframe src="{server.url}{EP1}embed/#t=0:28" title="Episode" width="100%" height="180" '
              'sandbox="allow-scripts"></iframe>')
    with SiteServer() as blog:
        blog.extra["/post.html"] = ("text/html; charset=utf-8", _strict_blog_post(server, f"<h1>Post</h1>{iframe}").encode())
        context = browser.new_context(viewport={"width": 320, "height": 700})
        page = context.new_page()
        page.goto(blog.url + "post.html")
        frame = page.query_selector("iframe").content_frame()
        frame.wait_for_selector(".player-bar", state="visible")
        frame.wait_for_function("() => document.querySelector('[data-chapters]').selectedOptions[0].value === '28.0'")
        plays_on_from(frame, 28)
        assert frame.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        context.close()


def _current_line(tab: Any) -> list[str]:
    return tab.evaluate("""() => [...document.querySelectorAll('#transcript p.is-current')].map(p =>
        p.querySelector('.stamp[aria-current="true"]') ? p.querySelector('.stamp').textContent : 'unmarked stamp')""")


def test_the_transcript_follows_the_audio(site: tuple[SiteServer, Any], tab: Any) -> None:
    """The paragraph being spoken is marked (for eyes, and aria-current for a screen reader), one at a time; before,
    nothing on the transcript moved with the audio."""
    tab.goto(site[0].url + EP1)
    at(tab)
    assert _current_line(tab) == [] and not tab.query_selector("[aria-current]")  # nothing plays yet
    tab.get_by_role("link", name="Play from 0:15").click()
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 15.5")  # playing, not just moved
    assert _current_line(tab) == ["0:15"]
    tab.evaluate(f"() => {{ document.querySelector('{AUDIO}').currentTime = 19.5 }}")
    tab.wait_for_function("() => document.querySelector('#transcript p.is-current .stamp')?.textContent.endsWith('0:19')")
    assert _current_line(tab) == ["0:19"]
    # while one paragraph is spoken its marks are left alone (no attribute rewritten at every timeupdate, 4 a second,
    # for a screen reader to notice)
    tab.evaluate("""() => { window.changes = 0; new MutationObserver(r => { window.changes += r.length })
        .observe(document.querySelector('#transcript'), {attributes: true, subtree: true}) }""")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 21")
    assert tab.evaluate("window.changes") == 0
    colour = tab.eval_on_selector("#transcript p.is-current", "p => getComputedStyle(p).backgroundColor")
    assert colour != tab.eval_on_selector("#transcript p:not(.is-current)", "p => getComputedStyle(p).backgroundColor")


def test_the_transcript_scrolls_along_only_for_someone_reading_it(site: tuple[SiteServer, Any]) -> None:
    """A reader whose transcript line is on screen keeps the spoken line on screen; a reader elsewhere on the page is
    not moved. Reduced motion: the scroll is instant (the test would otherwise wait for a smooth one)."""
    context = site[1].new_context(viewport={"width": 1100, "height": 160}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(site[0].url + EP1)
    at(page)
    page.eval_on_selector("#transcript p", "p => p.scrollIntoView({block: 'start'})")  # reading the first line
    page.eval_on_selector(AUDIO, "a => { a.currentTime = 33.5 }")
    page.wait_for_function("() => document.querySelector('#transcript p.is-current .stamp')?.textContent.endsWith('0:33')")
    box = page.eval_on_selector("#transcript p.is-current", "p => { const r = p.getBoundingClientRect(); return [r.top, r.bottom] }")
    assert box[0] >= -1 and box[1] <= 161, box  # followed (within the pixel a scroll offset is rounded to)
    page.evaluate("window.scrollTo(0, 0)")  # now reading the title
    page.eval_on_selector(AUDIO, "a => { a.currentTime = 7.5 }")
    page.wait_for_function("() => document.querySelector('#transcript p.is-current .stamp')?.textContent.endsWith('0:07')")
    assert page.evaluate("window.scrollY") == 0  # left where they were
    context.close()


@pytest.mark.parametrize("path", [EP1, EP1 + "embed/"])
def test_the_lock_screen_shows_the_episode_and_its_buttons_move_the_audio(
        site: tuple[SiteServer, Any], tab: Any, path: str) -> None:
    """The Media Session API: before, a phone's lock screen showed the page's <title> and no artwork, and its
    previous/next buttons did nothing. Now: title, show, 480 px artwork, the chapter playing, and buttons that play,
    pause, skip and go to the previous or next chapter."""
    server = site[0]
    tab.add_init_script(RECORD_SESSION)
    tab.goto(server.url + path)
    at(tab)
    meta = tab.evaluate("""() => { const m = navigator.mediaSession.metadata;
        return {title: m.title, artist: m.artist, album: m.album, art: m.artwork.map(a => [a.src, a.sizes, a.type]),
                chapters: (m.chapterInfo || []).map(c => [c.title, c.startTime])} }""")
    assert meta["title"] == "Not the Cause, Not a Coincidence" and meta["artist"] == "Safe to Say"
    assert meta["album"] == "Welcome"
    [(src, sizes, kind)] = meta["art"]
    assert src.startswith(server.url + "images/") and sizes == "480x480" and kind == "image/jpeg"
    with urllib.request.urlopen(src, timeout=10) as response:
        assert response.status == 200 and response.read(3) == b"\xff\xd8\xff"  # a real JPEG at that address
    if meta["chapters"]:  # Chromium versions that know chapterInfo get the chapters with their starts
        assert meta["chapters"] == [["Welcome", 0], ["Myths", 7], ["Prevalence", 15], ["Barriers to help", 28]]
    assert set(tab.evaluate("Object.keys(lockScreen.actions)")) >= {
        "play", "pause", "seekbackward", "seekforward", "seekto", "previoustrack", "nexttrack"}
    tab.evaluate(f"() => {{ document.querySelector('{AUDIO}').muted = true; lockScreen.actions.play({{action: 'play'}}) }}")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 0.3")
    assert tab.evaluate("navigator.mediaSession.playbackState") == "playing"
    tab.evaluate("lockScreen.actions.nexttrack({action: 'nexttrack'})")
    tab.wait_for_function("() => navigator.mediaSession.metadata.album === 'Myths'")
    assert 7 <= at(tab) < 9
    tab.evaluate("lockScreen.actions.seekto({action: 'seekto', seekTime: 20})")
    tab.wait_for_function("() => navigator.mediaSession.metadata.album === 'Prevalence'")
    tab.wait_for_function("() => lockScreen.position && Math.abs(lockScreen.position.position - 20) < 1")
    assert abs(tab.evaluate("lockScreen.position.duration") - tab.eval_on_selector(AUDIO, "a => a.duration")) < 0.01
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 20.3")  # it plays on from there
    tab.evaluate("lockScreen.actions.previoustrack({action: 'previoustrack'})")  # 5 s in: back to the chapter's start
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime < 16")
    assert at(tab) >= 15
    tab.evaluate("lockScreen.actions.seekbackward({action: 'seekbackward'})")  # 15 s back, as the page's button
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime < 5")
    tab.evaluate("lockScreen.actions.seekforward({action: 'seekforward'})")  # 30 s on
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime >= 30")
    tab.evaluate("lockScreen.actions.pause({action: 'pause'})")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').paused")
    assert tab.evaluate("navigator.mediaSession.playbackState") == "paused" and tab.errors == []


def test_the_link_to_share_can_start_where_the_listener_is(site: tuple[SiteServer, Any], tab: Any) -> None:
    """Podlove's and Castopod's "share from the current position": before, every link shared started at 0:00."""
    server = site[0]
    tab.goto(server.url + EP1)
    at(tab)
    tab.eval_on_selector(AUDIO, "a => { a.currentTime = 21.4 }")
    tab.wait_for_function("() => document.querySelector('[data-share-time]').textContent === '0:21'")
    box = tab.get_by_role("checkbox", name="Start at", exact=True)  # the time is its description (test_browser_a11y)
    box.check()
    link = tab.input_value("#page-link")
    assert link == server.url + EP1 + "#t=21"
    bluesky = tab.get_attribute(".share-links a[href^='https://bsky.app/']", "href")
    assert bluesky.endswith("%2F%23t%3D21")
    box.uncheck()
    assert tab.input_value("#page-link") == server.url + EP1
    assert not tab.get_attribute(".share-links a[href^='https://bsky.app/']", "href").endswith("%23t%3D21")
    shared = tab.context.new_page()  # the friend opens the shared link
    shared.goto(link)
    plays_on_from(shared, 21)


def test_a_reload_picks_up_where_the_listener_was_and_a_new_visit_starts_at_the_beginning(
        site: tuple[SiteServer, Any], tab: Any) -> None:
    """A reload (or Back to the page) started the episode at 0:00 again, at 1x. The position and speed are kept in the page's history
    entry, not in storage: a new visit starts at the beginning, and a time link still wins on it."""
    tab.goto(site[0].url + EP1 + "#t=0:10")
    plays_on_from(tab, 10)
    tab.select_option("[data-rate]", "1.5")
    tab.eval_on_selector(AUDIO, "a => { a.currentTime = 31.6; a.pause() }")
    tab.wait_for_function("() => history.state && history.state.mediafeedAt === 31")
    tab.reload()
    plays_on_from(tab, 31)
    assert tab.eval_on_selector(AUDIO, "a => a.playbackRate") == 1.5 and tab.input_value("[data-rate]") == "1.5"
    assert tab.evaluate("localStorage.length + sessionStorage.length") == 0 and tab.context.cookies() == []
    fresh = tab.context.new_page()
    fresh.goto(site[0].url + EP1)
    assert at(fresh) == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_marked_line_and_the_start_at_box_keep_aa_contrast(site: tuple[SiteServer, Any], scheme: str) -> None:
    context = site[1].new_context(viewport={"width": 1100, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site[0].url + EP1 + "#t=0:15")
    page.wait_for_selector("#transcript p.is-current >> text=How common")
    page.wait_for_selector("a.chapter-link[aria-current] >> text=Prevalence")
    page.check("[data-share-at]")
    assert contrast_violations(page) == []
    context.close()


def test_without_javascript_the_share_link_offers_no_time(site: tuple[SiteServer, Any]) -> None:
    context = site[1].new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site[0].url + EP1)
    assert not page.is_visible("[data-share-at]") and page.is_visible("#page-link")
    context.close()


def test_a_printed_episode_has_no_player_and_keeps_chapters_transcript_and_link_addresses(
        site: tuple[SiteServer, Any], tab: Any) -> None:
    """Paper cannot play: before, the printout of a page without JavaScript had an empty audio bar (with it, a blank
    space), and its links in the notes printed as words with nowhere to go."""
    tab.goto(site[0].url + EP1)
    tab.emulate_media(media="print")
    assert not tab.is_visible("[data-player]") and not tab.is_visible(".share")
    assert tab.is_visible("a.chapter-link >> text=Prevalence") and tab.is_visible("#transcript a.stamp >> nth=5")
    after = tab.eval_on_selector(".notes a[href^='https://www.who.int/']", "a => getComputedStyle(a, '::after').content")
    assert after.startswith('" (https://www.who.int/')


def test_a_page_printed_from_a_dark_system_prints_dark_text_on_the_paper(site: tuple[SiteServer, Any], tab: Any) -> None:
    """Printed with the system in dark mode, the page kept the dark theme's light text for white paper (the browser
    leaves backgrounds out): in Chromium's PDF the notes came out #939291 (after its own darkening, about 3:1 on
    white), the links #f49ab5 and the times and names #b5aea8 (about 2:1). Paper gets the light theme's colours."""
    tab.goto(site[0].url + EP1)
    colours = "() => ['body', '.notes a', 'a.chapter-link', '.chapter-link time', '.meta'].map(s => getComputedStyle(document.querySelector(s)).color)"
    tab.emulate_media(media="print", color_scheme="light")
    light = tab.evaluate(colours)
    tab.emulate_media(media="print", color_scheme="dark")
    assert tab.evaluate(colours) == light and light[0] == "rgb(28, 25, 23)"
    tab.emulate_media(media="screen", color_scheme="dark")
    assert tab.evaluate(colours)[0] == "rgb(231, 229, 228)"  # the screen keeps the dark theme


@pytest.mark.parametrize("system", ["light", "dark"])
def test_an_embed_pinned_dark_prints_dark_text_on_the_paper(site: tuple[SiteServer, Any], tab: Any, system: str) -> None:
    """An embed pinned to a dark blog's scheme (``?theme=dark``) printed with the dark theme's colours whatever the
    system: its title #e7e5e4 and show name #b5aea8 on white paper (about 1.2:1 and 2:1). Paper gets the light
    theme's colours, as it does from a page whose system is dark; the screen keeps the pin."""
    colours = "() => ['body', '.embed-title a', '.embed-show a'].map(s => getComputedStyle(document.querySelector(s)).color)"
    tab.goto(site[0].url + EP1 + "embed/")
    tab.emulate_media(media="print", color_scheme="light")
    light = tab.evaluate(colours)
    tab.goto(site[0].url + EP1 + "embed/?theme=dark")
    tab.emulate_media(media="print", color_scheme=system)
    assert tab.evaluate(colours) == light and light[0] == "rgb(28, 25, 23)"
    assert tab.evaluate("getComputedStyle(document.documentElement).colorScheme") == "light"
    tab.emulate_media(media="screen", color_scheme="light")
    assert tab.evaluate(colours)[0] == "rgb(231, 229, 228)"  # the screen keeps the blog's dark scheme


@pytest.mark.parametrize("field", ["embed-code", "fragment-code"])
def test_a_code_field_reached_with_tab_comes_wholly_into_view(site: tuple[SiteServer, Any], tab: Any, field: str) -> None:
    """Chromium scrolls a textarea that takes focus only as far as its caret's line: with the field at the foot of
    the window, its lower part and focus ring stayed below it (what axe cannot see; the forced-colours Tab walk
    found it when the page grew by one line)."""
    tab.goto(site[0].url + EP1)
    tab.eval_on_selector(f"#{field}", """f => { const before = [...document.querySelectorAll('a[href], button, input, textarea')]
        .filter(e => e.getClientRects().length && e.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
        before.focus(); window.scrollBy(0, f.getBoundingClientRect().top - innerHeight + 30); }""")
    assert tab.eval_on_selector(f"#{field}", "f => f.getBoundingClientRect().bottom > innerHeight")  # half hidden
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == field
    box = tab.eval_on_selector(f"#{field}", "f => { const r = f.getBoundingClientRect(); return [r.top, r.bottom, innerHeight] }")
    assert box[0] >= 0 and box[1] + 5 <= box[2], box  # the field and its 3 px ring (2 px off) inside the window


def test_the_marked_chapter_says_playing_only_while_it_plays(site: tuple[SiteServer, Any], tab: Any) -> None:
    """A paused episode's chapter link read "Prevalence (playing)" (the mark's words, for eyes and screen readers)."""
    tab.goto(site[0].url + EP1)
    at(tab)
    tab.evaluate(f"() => {{ document.querySelector('{AUDIO}').muted = true }}")
    tab.get_by_role("link", name="0:15 Prevalence").click()
    tab.get_by_role("link", name="0:15 Prevalence (playing)").wait_for()
    tab.get_by_role("button", name="Pause").click()
    tab.get_by_role("link", name="0:15 Prevalence", exact=True).wait_for()
    assert tab.get_attribute("a.chapter-link[data-start='15.0']", "aria-current") == "true"  # still the current one


def test_a_skip_link_on_a_page_opened_at_a_time_leaves_the_player_alone(site: tuple[SiteServer, Any], tab: Any) -> None:
    """Opened from a ``?t=20`` link, the page went back to 0:20 and played at every change of the hash: "Skip to
    content" (``#main``) moved a listener at 0:05 to 0:21 and started the audio."""
    tab.goto(site[0].url + EP1 + "?t=20")
    plays_on_from(tab, 20)
    tab.eval_on_selector(AUDIO, "a => { a.pause(); a.currentTime = 5 }")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime === 5")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")  # the skip link
    tab.wait_for_function("() => location.hash === '#main'")
    tab.evaluate("() => new Promise(done => setTimeout(done, 300))")  # a hashchange handler has run by then
    assert tab.eval_on_selector(AUDIO, "a => [a.currentTime, a.paused]") == [5, True]


#: counts the page's history writes
COUNT_HISTORY = """window.historyWrites = 0; const replace = history.replaceState.bind(history);
history.replaceState = (...args) => { window.historyWrites++; return replace(...args); };"""


def test_keeping_the_position_writes_history_seldom_and_a_reload_still_finds_it(site: tuple[SiteServer, Any], tab: Any) -> None:
    """Chromium ignores a page's history calls past 200 in 10 s (and its #links with them), Safari throws past 100 in
    30 s. Before, every new second was written: 4 a second while playing fast, and one per arrow key on the slider
    (30 presses in 2 s: 6 to 20 writes, as fast as the seeks end). Now at most one every 5 s, and the last position as
    the page goes."""
    tab.add_init_script(COUNT_HISTORY)
    tab.goto(site[0].url + EP1)
    at(tab)
    started = tab.evaluate("performance.now()")
    tab.eval_on_selector(AUDIO, "a => { a.muted = true; a.playbackRate = 2; return a.play() }")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 3")
    tab.eval_on_selector(AUDIO, "a => a.pause()")  # (headless Chromium's audio can stall after many seeks in play)
    tab.focus("[data-seek]")
    for _ in range(30):  # a key held on the slider
        tab.keyboard.press("ArrowRight")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 30")
    tab.eval_on_selector(AUDIO, "a => { a.currentTime = 17.4 }")
    writes, elapsed = tab.evaluate(f"[historyWrites, performance.now() - {started}]")
    assert writes <= 1 + elapsed / 5000 + 1, (writes, elapsed)
    tab.reload()  # within 5 s of the last move: written as the page went
    plays_on_from(tab, 17)
    assert tab.errors == []


#: counts what following the transcript does to its time stamps, and the geometry read during a timeupdate
COUNT_FOLLOWING = """window.following = {marked: 0, unmarked: 0, readsAtTimeupdate: 0};
const set = Element.prototype.setAttribute, remove = Element.prototype.removeAttribute;
const box = Element.prototype.getBoundingClientRect;
Element.prototype.setAttribute = function (name, value) {
  if (name === 'aria-current' && this.matches('.stamp')) { window.following.marked++; } return set.call(this, name, value); };
Element.prototype.removeAttribute = function (name) {
  if (name === 'aria-current' && this.matches('.stamp')) { window.following.unmarked++; } return remove.call(this, name); };
Element.prototype.getBoundingClientRect = function () {
  if (window.event && window.event.type === 'timeupdate') { window.following.readsAtTimeupdate++; } return box.call(this); };"""


def test_following_the_transcript_touches_two_lines_and_forces_no_layout_at_timeupdate(site: tuple[SiteServer, Any], tab: Any) -> None:
    """Each new line went over every paragraph (1,500 in a 1-hour transcript) and read the page's geometry right after
    the clock's new text, forcing a layout at timeupdate: 6 ms a timeupdate on average, 16-20 ms at worst at 16x, against
    0.2 ms now (measured in the page with performance.now). Now only the line that was marked and the new one are
    touched, and the reads wait for the next frame."""
    tab.add_init_script(COUNT_FOLLOWING)
    tab.set_viewport_size({"width": 1100, "height": 300})
    tab.goto(site[0].url + EP1)
    at(tab)
    tab.eval_on_selector("#transcript p", "p => p.scrollIntoView({block: 'start'})")  # reading along
    tab.evaluate(f"() => {{ const a = document.querySelector('{AUDIO}'); a.muted = true; a.playbackRate = 2; return a.play() }}")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').ended", timeout=60_000)
    following = tab.evaluate("window.following")
    assert following["marked"] >= 5, following  # the lines were marked one after the other
    assert following["unmarked"] <= following["marked"] and following["readsAtTimeupdate"] == 0, following
    last = tab.eval_on_selector("#transcript p.is-current", "p => { const r = p.getBoundingClientRect(); return [r.top, r.bottom] }")
    assert last[0] < 300 and last[1] > 0, last  # and the reader was taken along to the last line
    assert tab.errors == []


@pytest.mark.parametrize("address", ["#t=99999", "#t=40:00", "?t=999999999999999999999"])
def test_a_time_past_the_end_leaves_the_player_at_the_start(site: tuple[SiteServer, Any], tab: Any, address: str) -> None:
    """A link past the end of a 40 s episode (a typo, another episode's time) put the player at its end, where the
    first press of Play only ended it again: the listener pressed Play and nothing played."""
    tab.goto(site[0].url + EP1 + address)
    at(tab)
    tab.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 200)))")  # any seek is made
    assert at(tab) == 0 and tab.text_content("[data-current]") == "0:00"
    tab.eval_on_selector(AUDIO, "a => { a.muted = true }")
    tab.get_by_role("button", name="Play").click()
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 0.5")
    assert tab.eval_on_selector(AUDIO, "a => [a.ended, a.paused]") == [False, False] and tab.errors == []


def test_the_same_time_link_again_plays_from_there_again(site: tuple[SiteServer, Any], tab: Any) -> None:
    """Show notes saying "at [0:25](#t=0:25)": the second click on it (the hash already #t=0:25, so no hashchange)
    left the listener at 0:35."""
    tab.goto(site[0].url + EP1)
    at(tab)
    _link_in_the_notes(tab, "0:25")
    tab.click("text=at 0:25")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 25.3")
    tab.eval_on_selector(AUDIO, "a => { a.currentTime = 35 }")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime >= 35")
    tab.click("text=at 0:25")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime < 30")
    assert 25 <= at(tab) < 28


def test_the_link_to_share_keeps_a_listeners_selection_while_it_plays(site: tuple[SiteServer, Any], tab: Any) -> None:
    """With "Start at" ticked, the link field was rewritten every second of playback: the text a listener had selected
    to copy (or the Copy button's own "Press Ctrl+C" fallback had selected) was unselected before they pressed Ctrl+C.
    The field follows the player again when they leave it."""
    tab.goto(site[0].url + EP1)
    at(tab)
    tab.check("[data-share-at]")
    tab.eval_on_selector(AUDIO, "a => { a.muted = true; return a.play() }")
    tab.focus("#page-link")
    tab.eval_on_selector("#page-link", "f => f.select()")
    length = len(tab.input_value("#page-link"))
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').currentTime > 2.5")  # two new seconds
    assert tab.eval_on_selector("#page-link", "f => [f.selectionStart, f.selectionEnd]") == [0, length]
    tab.keyboard.press("Tab")
    tab.wait_for_function("() => document.querySelector('#page-link').value.match(/#t=([3-9]|\\d\\d)$/)")


def test_the_line_being_spoken_is_marked_under_forced_colours(site: tuple[SiteServer, Any]) -> None:
    """Forced colours (Windows high contrast) drop backgrounds and shadows: the transcript's marked line looked like
    every other (white on white), so only a screen reader knew where the audio was. Now it is outlined there."""
    context = site[1].new_context(forced_colors="active")
    page = context.new_page()
    page.goto(site[0].url + EP1 + "#t=0:15")
    page.wait_for_selector("#transcript p.is-current")
    marked, plain = (page.eval_on_selector(selector, """p => { const s = getComputedStyle(p);
        return [s.backgroundColor, s.outlineStyle === 'none' ? 'none' : s.outlineColor] }""")
                     for selector in ("#transcript p.is-current", "#transcript p:not(.is-current)"))
    assert marked[1] not in ("none", marked[0], "rgba(0, 0, 0, 0)") and plain[1] == "none", (marked, plain)
    context.close()


def test_the_player_gives_the_length_the_page_gives(site: tuple[SiteServer, Any], tab: Any) -> None:
    """An episode of 18.965 s read "0:19" in the page's header (itunes:duration's whole seconds: rounded) and "0:18"
    in the player once the audio's own length arrived (cut down). The player now rounds by the same rule, and says
    the same length to a screen reader; the clock still counts whole seconds played, and stands at the length at
    the end."""
    tab.goto(site[0].url + "episodes/005-european-review/")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').duration > 18.5")
    header = tab.inner_text(".meta span:last-child").split()[-1]
    assert header == "0:19" and tab.inner_text("[data-total]") == header
    assert tab.get_attribute("[data-seek]", "aria-valuetext").endswith("of 19 seconds")
    tab.eval_on_selector(AUDIO, "a => { a.currentTime = 18.6 }")
    tab.wait_for_function("() => document.querySelector('[data-current]').textContent === '0:18'")
    tab.eval_on_selector(AUDIO, "a => { a.muted = true; return a.play() }")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').ended")
    tab.wait_for_function("() => document.querySelector('[data-current]').textContent === '0:19'")
    assert tab.errors == []
