"""A French and an Arabic show in real headless Chromium: the page and the embed say the theme's words in the show's
language, and the player still plays, its script saying "Pause", the slider's time and the copy message in that
language too (before, every word was English under ``<html lang="fr">``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from siteserver import CHROMIUM, SiteServer, chromium, sample_site
from test_browser_a11y import open_page  # noqa: F401 - a fixture: a tab that records script errors

EP1 = "episodes/001-ipv-and-substance-use/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

#: language → what its episode page and player say: (skip link, the play button, its label while playing, the
#: slider's words after a seek to 5 s (a pattern), the copy button's message (either outcome), the embed's
#: transcript link, the chapters menu's label)
SAID = {
    "fr": ("Aller au contenu", "Lecture", "Pause", r"^5 secondes sur \d+ secondes$",
           ("Copié dans le presse-papiers.", "Appuyez sur Ctrl+C (⌘C) pour copier."), "Transcription", "Chapitre"),
    "ar": ("انتقل إلى المحتوى", "تشغيل", "إيقاف مؤقت", r"^5 ثوانٍ من [\d\u0600-\u06ff ]+$",
           ("نُسخ إلى الحافظة.", "اضغط Ctrl+C (⌘C) للنسخ."), "نص الحلقة", "الفصل"),
}

SPEEDS = {"fr": ["0,75×", "1×", "1,25×", "1,5×", "1,75×", "2×"], "ar": ["0.75×", "1×", "1.25×", "1.5×", "1.75×", "2×"]}
#: the first person's role (the host; "Host" before)
ROLE = {"fr": "Animation", "ar": "تقديم"}


def _in(language: str) -> Callable[[Path], None]:
    def prepare(root: Path) -> None:
        config = root / "show.yml"
        config.write_text(config.read_text().replace("language: en-gb", f"language: {language}"))
    return prepare


@pytest.fixture(scope="module", params=sorted(SAID))
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, SiteServer]]:
    with sample_site(tmp_path_factory.mktemp(f"words-{request.param}"), _in(request.param)) as running:
        yield request.param, running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def test_the_episode_page_speaks_the_shows_language_and_its_player_plays(
        server: tuple[str, SiteServer], open_page: Any) -> None:  # noqa: F811
    language, site = server
    skip, play, pause, slider, copied, _, _ = SAID[language]
    tab = open_page(site.url + EP1)
    tab.wait_for_selector(".player-bar", state="visible")
    assert tab.text_content("a.skip") == skip
    # the speeds as the page wrote them and the script left them: "0,75×" in French (it said "0.75×")
    assert tab.eval_on_selector("[data-rate]", "s => [...s.options].map(o => o.text)") == SPEEDS[language]
    assert tab.text_content(".persons .role") == ROLE[language]
    button = tab.get_by_role("button", name=play, exact=True)
    button.click()
    tab.wait_for_function("() => !document.querySelector('[data-player] audio').paused")
    tab.get_by_role("button", name=pause, exact=True).wait_for(timeout=10_000)  # player.js's word, from the page
    tab.get_by_role("button", name=pause, exact=True).click()
    tab.wait_for_function("() => document.querySelector('[data-player] audio').paused")
    tab.eval_on_selector("[data-player] audio", "a => { a.currentTime = 5; }")
    tab.wait_for_function("() => /^5/.test(document.querySelector('[data-seek]').getAttribute('aria-valuetext'))")
    assert re.match(slider, tab.get_attribute("[data-seek]", "aria-valuetext")), tab.get_attribute("[data-seek]", "aria-valuetext")
    tab.click("button[data-copy='page-link']")
    tab.wait_for_function("() => document.querySelector('.copy-status').textContent !== ''")
    assert tab.text_content(".copy-status") in copied
    assert tab.errors == []


def test_the_embed_speaks_the_shows_language_and_plays(server: tuple[str, SiteServer], open_page: Any) -> None:  # noqa: F811
    language, site = server
    _, play, pause, _, _, transcript, chapter = SAID[language]
    tab = open_page(site.url + EP1 + "embed/")
    tab.wait_for_selector(".player-bar", state="visible")
    assert tab.evaluate("document.documentElement.lang") == language
    assert tab.text_content(".embed-transcript").startswith(transcript)
    assert tab.get_attribute("[data-chapters]", "aria-label") == chapter
    tab.get_by_role("button", name=play, exact=True).click()
    tab.wait_for_function("() => !document.querySelector('audio').paused")
    tab.get_by_role("button", name=pause, exact=True).wait_for(timeout=10_000)
    tab.select_option("[data-chapters]", "28.0")
    tab.wait_for_function("() => document.querySelector('audio').currentTime >= 28")
    assert tab.errors == []


#: language → how the chapter being played is marked, after its title (on screen and in the link's name)
PLAYING = {"fr": "(en lecture)", "ar": "(قيد التشغيل)"}


def test_the_chapter_being_played_is_marked_in_the_shows_language(
        server: tuple[str, SiteServer], open_page: Any) -> None:  # noqa: F811
    """The chapter being played added "(playing)" to its title, in English on every page (the stylesheet's words,
    shared by every show): a French page's screen reader read "Prévalence (playing)" with a French voice. The word
    is the page's now, like the theme's others."""
    language, site = server
    tab = open_page(site.url + EP1)
    tab.wait_for_selector(".player-bar", state="visible")
    tab.evaluate("() => { document.querySelector('[data-player] audio').muted = true }")
    tab.click("a.chapter-link[data-start='15.0']")
    tab.wait_for_function("() => document.body.classList.contains('media-playing')")
    title = tab.text_content("a.chapter-link[data-start='15.0'] span")
    link = tab.get_by_role("link", name=f"0:15 {title} {PLAYING[language]}", exact=True)
    link.wait_for(timeout=10_000)
    assert "playing" not in tab.eval_on_selector(
        "a.chapter-link[aria-current] span", "s => getComputedStyle(s, '::after').content")
    tab.evaluate("() => document.querySelector('[data-player] audio').pause()")
    assert tab.errors == []
