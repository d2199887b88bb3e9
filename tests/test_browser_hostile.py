"""Hostile show text in real headless Chromium: nothing a producer (or a pasted web page) writes runs as code.

A show whose title, episode title, summary, content note, notes, chapters and transcript carry the usual XSS
vectors is built and served on 127.0.0.1; a second server is the canary every vector would call. The episode
page, its embed, the player fragment and the show page are loaded: no dialog, no console output from the
vectors, no request to the canary but the one plain image the notes are allowed to show (proof the canary
listens), no page error, no live handler or script URL in the DOM, and the page's own structure intact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import add_episode, copy_show
from siteserver import CHROMIUM, SiteServer, chromium, kept_guid
from test_browser import axe_script

from mediafeed.build import build

SLUG = "006-hostile"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

TITLE = ("</title></textarea></script><script>alert('title')</script>\" onmouseover=\"alert('attr') {{ 7*7 }} {% raw %}"
         " <!--<script> ]]>")


def _notes(canary: str) -> str:
    return f"""Hostile notes {{{{ 7*7 }}}} {{% if true %}}jinja{{% endif %}}.

<script>alert('script');console.log('pwned script')</script><style>body{{display:none}}</style>
<iframe src="{canary}iframe"></iframe><iframe srcdoc="<script>parent.alert('srcdoc')</script>"></iframe>
<object data="{canary}object"></object><embed src="{canary}embed"><script src="{canary}script.js"></script>
<svg onload="alert('svg')"><image href="{canary}svg-image"/><script>alert('svg-script')</script></svg>
<math><mtext><img src=x onerror="alert('math')"></mtext></math>
<img src="x" onerror="alert('img')"> <img src="{canary}allowed.png" alt="allowed">
<img srcset="{canary}srcset.png 1x" src="y"> <input type="image" src="{canary}input-image">
<video poster="{canary}poster.png" src="{canary}video"></video> <audio src="{canary}audio" autoplay></audio>
<a href="JaVaScRiPt:alert('case')">case</a> <a href=" javascript:alert('space')">space</a>
<a href="jav&#x09;ascript:alert('tab')">tab</a> <a href="jav&#x0A;ascript:alert('lf')">lf</a>
<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('entities')">entities</a>
<a href="vbscript:msgbox('vb')">vb</a> <a href="data:text/html,<script>alert('data')</script>">data</a>
<a href="https://example.org/" ping="{canary}ping">ping</a>
<div style="background:url({canary}style)" onclick="alert('div')">styled</div>
<form action="{canary}form"><input autofocus onfocus="alert('focus')"><button formaction="{canary}button">b</button></form>
<details open ontoggle="alert('toggle')">details</details> <blockquote cite="javascript:alert('cite')">cited</blockquote>
<a href="{canary}blank" target="_blank">a new tab without rel</a> [md-tab](jav&#x09;ascript&#58;alert('md-tab'))
<img src="javascript:alert('img-src')" alt="img-src"> <q cite="jav&#x0A;ascript:alert('q')">q</q>
<base href="{canary}base/"><meta http-equiv="refresh" content="0;url={canary}refresh">
<link rel="stylesheet" href="{canary}link.css"><link rel="prefetch" href="{canary}prefetch">

[markdown](javascript:alert('md')) [markdown2](<javascript:alert('md2')>) ![image](javascript:alert('md-img'))
<javascript:alert('autolink')> [reference][ref]

[ref]: javascript:alert('ref')

<!-- <script>alert('comment')</script> --> <!--> <script>alert('short-comment')</script> -->
</section></article></main><script>alert('breakout')</script>
<svg><a xlink:href="javascript:alert('xlink')"><text x="0" y="15">xlink</text></a></svg>
<math><maction actiontype="statusline" xlink:href="javascript:alert('maction')">maction</maction></math>
<template><img src="x" onerror="alert('template')"></template><link rel="import" href="{canary}import.html">
<style>@import url({canary}import.css); p {{ background-image: url({canary}style-bg) }}</style>
<p style="background-image:url({canary}attr-bg)">styled paragraph</p>
<a href="java&#0000115;cript:alert('padded')">padded</a> <img src="&#x6A;avascript:alert('img-entity')">
<a href="&#x20;&#14;javascript:alert('c0')">c0</a> <noscript><p title="</noscript><img src=x onerror=alert('ns')>"></noscript>
<javascript:alert('autolink-2')> <VBSCRIPT:msgbox('vb-2')> <data:text/html,<script>alert('data-2')</script>>
[ref2][] [ref3][] ![svg image](data:image/svg+xml,<svg onload=alert('svg-data')>)

[ref2]: jav&#x09;ascript:alert('ref-tab')
[ref3]: <data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>

<section class="visually-hidden">cloaked words</section> <section class="content-note skip">dressed words</section>
<code class="player-bar language-js">code</code>

<textarea>unclosed textarea
<table><tr><td>unclosed table
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, SiteServer]]:
    work = tmp_path_factory.mktemp("hostile-browser")
    show = copy_show(work / "show")
    with SiteServer() as canary, SiteServer(prefix="/show/") as site:
        config = show / "show.yml"
        text = re.sub(r"(?m)^url: .*$", f"url: {site.url}", config.read_text()) + kept_guid(show)
        config.write_text(text.replace("title: Safe to Say", "title: \"</title><script>alert('show')</script>\"", 1))
        folder = add_episode(show, SLUG, f"""
title: '{TITLE.replace("'", "''")}'
date: 2026-03-20T08:00:00+00:00
guid: 6a3c0c2e-5a0e-4b8e-9a7e-1b2c3d4e5f60
audio: audio.mp3
summary: "</textarea><img src=x onerror=alert('summary')>"
content_note: "<script>alert('note')</script> [x](javascript:alert('note-link'))"
chapters:
  - {{start: 0, title: "<img src=x onerror=alert('chapter')></option></select><script>alert('option')</script>"}}
  - {{start: 1, title: "{{{{ 7*7 }}}}"}}
""", _notes(canary.url), seconds=3.0)
        (folder / "transcript.vtt").write_text(
            "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v <b>Ann</b>>&lt;img src=x onerror=alert('cue')&gt; "
            "<c.x><script>alert('cue-script')</script></c>\n\n00:00:01.000 --> 00:00:02.000\n"
            "<v Bob>&lt;/section&gt;&lt;script&gt;alert('cue-2')&lt;/script&gt;\n")
        # an HTML transcript, as a transcription service delivers it: published as a page of the site's own origin
        (folder / "transcript.html").write_text(
            "<!doctype html><html><head><title>Transcript</title><base href='" + canary.url + "'>"
            "<meta http-equiv='refresh' content='0;url=" + canary.url + "refresh'><script>alert('transcript')</script>"
            "<link rel='stylesheet' href='" + canary.url + "transcript.css'></head><body onload=\"alert('body')\">"
            "<p><b>Ann:</b> Hello <img src=x onerror=\"alert('transcript-img')\"> <a href=\"javascript:alert('a')\">x</a>"
            "</p><iframe src='" + canary.url + "transcript-frame'></iframe><p>Bob: the end.</p></body></html>")
        site.root = build(show, work / "site", accept_changes=True).output
        yield site, canary


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as launched:
        yield launched


#: every element attribute that is an event handler or a URL a script could hide in, as the browser sees them
_LIVE = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
            if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
            if (['href', 'src', 'action', 'formaction', 'data', 'poster', 'srcdoc', 'xlink:href', 'ping', 'cite'].includes(attr.name)
                && /^(javascript|vbscript|data):/.test(value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
        }
        if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FORM', 'STYLE', 'LINK', 'META'].includes(el.tagName)
            && !(el.tagName === 'LINK' && el.closest('head') && !/canary|127\\.0\\.0\\.1:%d/.test(el.href))
            && !(el.tagName === 'META' && el.closest('head') && !el.httpEquiv)
            && !(el.tagName === 'STYLE' && el.closest('head') && !/url\\(|@import/.test(el.textContent)))  // ours, loads nothing
            found.push(el.outerHTML.slice(0, 120));
        if (el.tagName === 'SCRIPT' && !(el.type === 'application/ld+json' || /\\/assets\\/(player|theme)\\.js\\?v=/.test(el.src)))
            found.push(el.outerHTML.slice(0, 120));
    }
    return found;
}"""


@pytest.mark.parametrize("path", ["", f"episodes/{SLUG}/", f"episodes/{SLUG}/embed/", f"episodes/{SLUG}/player.html",
                                  f"episodes/{SLUG}/transcript.html"])
def test_no_hostile_text_runs_in_chromium(sites: tuple[SiteServer, SiteServer], browser: object, path: str) -> None:
    site, canary = sites
    canary.requests.clear()
    context = browser.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    dialogs: list[str] = []
    messages: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # the notes' broken images (src="x") fail to load: a 404 from the site, not code that ran
    tab.on("console", lambda message: None if message.text.startswith("Failed to load resource") else messages.append(message.text))
    tab.on("pageerror", lambda exc: messages.append(f"page error: {exc}"))
    elsewhere: list[str] = []  # any request that leaves the site, whatever its origin
    tab.on("request", lambda request: None if request.url.startswith(site.origin + "/") else elsewhere.append(request.url))
    navigations: list[str] = []
    tab.on("framenavigated", lambda frame: navigations.append(frame.url))
    tab.goto(site.url + path)
    tab.wait_for_load_state("networkidle")
    tab.mouse.move(300, 300)
    live = tab.evaluate(_LIVE.replace("%d", str(canary.port)))
    assert dialogs == [] and messages == [] and live == [], (dialogs, messages, live)
    hits = sorted(set(canary.requests))
    assert hits == (["/allowed.png"] if path == f"episodes/{SLUG}/" else []), hits  # the notes' one plain image
    assert elsewhere == ([canary.url + "allowed.png"] if path == f"episodes/{SLUG}/" else []), elsewhere
    assert navigations == [site.url + path], navigations  # no refresh, no base, no form took the page anywhere
    if path == f"episodes/{SLUG}/":
        # the page kept its shape: the notes did not swallow the sections after them, the title is text
        assert tab.title().startswith("</title></textarea></script><script>alert('title')</script>")
        assert tab.evaluate("document.querySelector('section.share') && !document.querySelector('.notes section.share')")
        assert tab.eval_on_selector("#embed-code", "t => t.value").startswith("<iframe src=")
        assert tab.eval_on_selector("#embed-code", "t => t.value").endswith("</iframe>")
        # the JSON-LD is still one script holding JSON, the title in it whole ("<!--<script>" changes how HTML reads a
        # script's end; "</script>" ends it)
        assert tab.evaluate("[...document.scripts].filter(s => s.type === 'application/ld+json')"
                            ".map(s => JSON.parse(s.textContent).name)") == [TITLE]
        # a link to another site opens in this tab, without window.opener for it (target went, rel stayed)
        assert tab.evaluate("[...document.querySelectorAll('.notes a[href*=blank]')].map(a => [a.target, a.rel])") == [
            ["", "noopener noreferrer"]]
        # the notes borrow none of the theme's classes: words "visually-hidden" were for a screen reader alone, and
        # "content-note" dressed them as the page's own content note
        assert tab.evaluate("[...document.querySelectorAll('.notes [class]')].map(e => e.className)") == ["language-js"]
        assert tab.evaluate("[...document.querySelectorAll('.notes section')].map(s => s.getBoundingClientRect().width"
                            " > 100 && getComputedStyle(s).position)") == ["static", "static"]
        notes = tab.inner_text(".notes")
        assert "Hostile notes {{ 7*7 }} {% if true %}jinja{% endif %}." in notes  # never evaluated by Jinja
        assert "<img src=x onerror=alert('cue')>" in tab.inner_text(".transcript")
    context.close()


#: vectors that swallow what follows them (a <style> inside <svg> or <math>, a comment never closed): each is
#: rendered alone, so that none hides the next from the test (in one document the first mutation-XSS vector took every
#: later one into a removed <svg>)
ALONE = [
    "<svg><style><img src=x onerror=alert('svg-style')></style></svg>",
    "<math><mi><style><img src=x onerror=alert('math-style')></style></mi></math>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert('svg-p')>\">",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert('mglyph')>",
    "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;"
    "onerror=alert('mglyph-2')&gt;\">",
    "<noscript><style></noscript><img src=x onerror=alert('noscript-style')></style></noscript>",
    "<template><style></template><img src=x onerror=alert('template-style')></style></template>",
    "<select><template><style><!--</style><a rel=\"--></style></template></select><img src=x onerror=alert('select')>\">",
    "<svg><foreignObject><img src=x onerror=alert('foreign')></foreignObject></svg>",
    "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert('annotation')></annotation-xml></math>",
    "<!---><img src=x onerror=alert('comment-2')>-->", "<!-- --!><img src=x onerror=alert('comment-3')>-->",
    "<![CDATA[><img src=x onerror=alert('cdata-section')>]]>", "<? ><img src=x onerror=alert('pi')> ?>",
    "<xmp><img src=x onerror=alert('xmp')></xmp>", "<noembed><img src=x onerror=alert('noembed')></noembed>",
    "<img alt=\"<img src=x onerror=alert('alt')>\">", "<img src=\"javascript:x\" alt=\"<script>alert('alt-2')</script>\">",
    "<img src=\"data:image/svg+xml,<svg onload=alert('svg-data')>\" alt=\"&lt;script&gt;alert('alt-3')&lt;/script&gt;\">",
    "<table><tr><td><abbr title=\"</td></tr></table><img src=x onerror=alert('cell')>\">cell</abbr></td></tr></table>",
    "<h2 id=\"</h2><img src=x onerror=alert('heading')>\">heading</h2>",
    "- [ ] task <abbr title=\"</label><img src=x onerror=alert('task')>\">t</abbr>",
    "<div>raw <https://example.org/\"onmouseover=\"alert('raw-autolink')> x</div>",
    "<a href=\"&#x01;javascript:alert('control')\">c</a> <a href=\"javascript&colon;alert('colon')\">c</a>",
    # a character dropped after sanitising (XML forbids it) joined the scheme the sanitiser had taken for a relative path
    "<a href=\"java&#1;script:alert('c0-inside')\">c</a> <a href=\"jav&#xFFFE;ascript:alert('nonchar-inside')\">n</a>"
    " <a href=\"java&#x7F;script:alert('del-inside')\">d</a> <a href=\"javas&#x0B;cript:alert('vt-inside')\">v</a>",
    "[md](javascript&#58;alert('md-entity')) [md2](&#x6a;avascript:alert('md-hex'))",
    "[ref]\n\n[ref]: &#x6a;avascript:alert('ref-hex')",
    "text[^n]\n\n[^n]: <a href=\"javascript:alert('footnote')\">fn</a> <img src=x onerror=alert('footnote-2')>",
]


def test_each_swallowing_vector_alone_stays_inert_in_chromium(browser: object) -> None:
    """Each vector's notes (the page's, the feed's description and content:encoded) in Chromium: no dialog, no
    handler, no script, nothing that leaves the page."""
    from mediafeed.notes import absolute_urls, render

    context = browser.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    events: list[str] = []
    tab.on("dialog", lambda dialog: (events.append(dialog.message), dialog.dismiss()))
    tab.on("request", lambda request: events.append(request.url))
    try:
        for vector in ALONE:
            notes = render(vector, "https://example.org/show/episodes/x/")
            for html in (notes.html, notes.description, absolute_urls(notes.html, "https://example.org/show/")):
                tab.set_content(f"<!doctype html><meta charset=utf-8><main>{html}</main><p id=after>after</p>")
                tab.mouse.move(10, 10)
                tab.mouse.move(200, 100)
                live = tab.evaluate("""() => [...document.querySelectorAll('main *')].flatMap(el => [
                    ...[...el.attributes].filter(a => a.name.startsWith('on')
                        || /^(javascript|vbscript|data):/i.test(a.value.replace(/[\\s\\u0000-\\u001f]/g, '')))
                        .map(a => el.tagName + ' ' + a.name),
                    ...(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'svg', 'math', 'TEMPLATE'].includes(el.tagName)
                        ? [el.tagName] : [])]).concat(document.getElementById('after') ? [] : ['page swallowed'])""")
                assert events == [] and live == [], (vector, html, events, live)
    finally:
        context.close()


#: where each character of the show's name lands when the page's title is laid out as one line (as a tab or a
#: window list shows it): x positions from Chromium's own bidi layout
_NAME_POSITIONS = """(name) => {
    const line = document.createElement('div');
    line.dir = 'ltr';
    line.style.cssText = 'position:absolute;white-space:pre;font:16px monospace';
    line.textContent = document.title;
    document.body.append(line);
    const text = line.firstChild, start = document.title.lastIndexOf(name), range = document.createRange();
    return [...name].map((_, i) => { range.setStart(text, start + i); range.setEnd(text, start + i + 1);
                                     return range.getBoundingClientRect().left; });
}"""


def test_an_override_left_open_in_a_title_does_not_reverse_the_show_name_in_chromium(
        tmp_path: Path, browser: object) -> None:
    """An RLO left open in an episode title laid the show's name after it out right to left in the <title>
    ("yaS ot efaS"): a title could pass itself off as another show's."""
    show = copy_show(tmp_path / "show")
    with SiteServer(prefix="/show/") as site:
        config = show / "show.yml"
        config.write_text(re.sub(r"(?m)^url: .*$", f"url: {site.url}", config.read_text()) + kept_guid(show))
        add_episode(show, "006-rlo", "title: \"Invoice \u202e3pm.exe\"\ndate: 2026-03-20T08:00:00+00:00\n"
                    "guid: 6a3c0c2e-5a0e-4b8e-9a7e-1b2c3d4e5f61\naudio: audio.mp3\n")
        site.root = build(show, tmp_path / "site", accept_changes=True).output
        context = browser.new_context()  # type: ignore[attr-defined]
        try:
            for path in ("episodes/006-rlo/", "episodes/006-rlo/embed/"):
                page = context.new_page()
                page.goto(site.url + path)
                assert page.title().endswith("\u202c – Safe to Say"), page.title()
                lefts = page.evaluate(_NAME_POSITIONS, "Safe to Say")
                assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), (path, lefts)  # read left to right
        finally:
            context.close()


WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 220  # a 9,900-character word
#: notes that are too long, too wide or too deep for a phone, each in its own episode
SHAPES = {
    "007-word": f"One word: {WORD}, and [a link text that is one word: {WORD[:3000]}](https://example.org/).\n",
    "008-table": "|" + "|".join(f"Column {i}" for i in range(500)) + "|\n|" + "---|" * 500 + "\n|"
                 + "|".join(f"cell {i}" for i in range(500)) + "|\n",
    "009-code": f"`{WORD[:3000]}`\n\n```\n{WORD[:3000]} {'x ' * 40}\n```\n",
    "010-deep": "- " * 1000 + "deep list\n\n" + "> " * 1000 + "deep quote\n\n" + "<div>" * 1000 + "deep divs\n",
    "011-open": "Before.\n\n<!-- a comment that never closes\n\n<div><p>after\n",
    "012-figures": "<figure>" * 30 + "deep figures" + "</figure>" * 30 + "\n\n" + "<dl><dt>t</dt><dd>" * 300 + "deep dd\n",
    "013-tasks": f"- [ ] read the paper\n- [x] ask {WORD[:300]}\n  - [ ] a step\n\nLoose:\n\n- [ ] one [link](https://example.org/)"
                 "\n\n  more\n- [x] two\n",
}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    work = tmp_path_factory.mktemp("hostile-shapes")
    show = copy_show(work / "show")
    with SiteServer(prefix="/show/") as site:
        config = show / "show.yml"
        text = re.sub(r"(?m)^url: .*$", f"url: {site.url}", config.read_text()) + kept_guid(show)
        # the show's name and author as one long word too: in the header of every page and the index's introduction
        text = re.sub(r"(?m)^author: .*$", f"author: A{WORD[:300]}", text.replace("title: Safe to Say",
                                                                                  f"title: Safe to Say {WORD[:300]}", 1))
        config.write_text(text.replace("  Apple Podcasts:", f"  Apple{WORD[:300]}:", 1))  # a subscribe link's label
        for number, (slug, notes) in enumerate(SHAPES.items()):
            title = f"T{WORD[:400]}" if slug == "007-word" else slug
            more = (f"chapters:\n  - {{start: 0, title: C{WORD[:300]}}}\n  - {{start: 1, title: D{WORD[:300]}}}\n"
                    f"persons:\n  - {{name: P{WORD[:200]}, href: 'https://example.org/{WORD[:300]}'}}\n"
                    if slug == "007-word" else "")
            add_episode(show, slug, f"title: {title}\ndate: 2026-03-2{number}T08:00:00+00:00\n"
                        f"guid: 6a3c0c2e-5a0e-4b8e-9a7e-1b2c3d4e5f7{number}\naudio: audio.mp3\n"
                        f"summary: S{WORD[:400]}\ncontent_note: N{WORD[:400]}\n{more}", notes)
        # a transcription service's HTML transcript, published as a page of its own (without the theme)
        (show / "episodes/007-word/transcript.html").write_text(
            f"<html><body><p>Ann: {WORD}</p><pre>{WORD[:2000]}</pre>" + SHAPES["008-table"].join(("<table><tr>", ""))
            .replace("|", "<td>") + "</tr></table></body></html>", encoding="utf-8")
        site.root = build(show, work / "site", accept_changes=True).output
        yield site


@pytest.mark.parametrize("slug", SHAPES)
def test_long_wide_and_deep_notes_fit_a_320_px_phone(shapes: SiteServer, browser: object, slug: str) -> None:
    """A 10,000-character word, a 500-column table, a long code line, lists and quotes nested 1,000 deep (figures 30
    deep, definitions 300 deep), task lists (whose checkboxes had no name), the show's name and author as one long
    word (the header's brand and the index's introduction ran 41,782 px wide), a subscribe link's label too: the
    episode page scrolled sideways by up to 30,000 px at 320 px (WCAG 1.4.10, reflow), and a long word in a title or summary
    pushed the index and the episode header off the screen too. Now each fits; a table or code too wide for the
    column scrolls inside itself, and the page's own content after the notes is still laid out."""
    context = browser.new_context(viewport={"width": 320, "height": 800})  # type: ignore[attr-defined]
    try:
        for path in (f"episodes/{slug}/", f"episodes/{slug}/embed/", "",
                     *(["episodes/007-word/transcript.html", "404.html"] if slug == "007-word" else [])):
            tab = context.new_page()
            tab.goto(shapes.url + path)
            wide = tab.evaluate("""() => [...document.querySelectorAll('body *')].filter(e =>
                e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.notes table, .notes pre')
                && getComputedStyle(e).position !== 'absolute').slice(0, 3).map(e => e.tagName + '.' + e.className)""")
            assert tab.evaluate("document.documentElement.scrollWidth") <= 320, (path, wide)
            if path == f"episodes/{slug}/":
                assert tab.is_visible("section.share") and tab.is_visible("#embed-code"), path
            if path == "episodes/007-word/":  # the long words are in the chapters and people too
                assert tab.locator(".chapter-link").count() == 2 and tab.is_visible(".persons a")
            if path == "episodes/008-table/":  # still a table to a screen reader, and the keyboard can scroll it
                assert tab.get_by_role("table").count() == 1 and tab.get_by_role("columnheader").count() == 500
                tab.focus(".notes table")
                tab.keyboard.press("ArrowRight")
                tab.wait_for_function("document.querySelector('.notes table').scrollLeft > 0")
            if path == "episodes/013-tasks/":  # a task list's checkbox is named by its item (WCAG 4.1.2)
                names = tab.eval_on_selector_all(".notes input", "boxes => boxes.map(b => b.labels[0].textContent.trim())")
                assert names == ["read the paper", f"ask {WORD[:300]}", "a step", "one link", "two"], names
                assert tab.get_by_role("checkbox", name="read the paper").is_disabled()
                assert tab.get_by_role("checkbox", name="two").is_checked()
                tab.add_script_tag(content=axe_script())
                assert tab.evaluate("""async () => (await axe.run('.notes', {runOnly: {type: 'rule',
                    values: ['label']}})).violations.length""") == 0
            if path.startswith("episodes") and slug in ("008-table", "009-code"):  # axe-core agrees (WCAG 2.1.1)
                tab.add_script_tag(content=axe_script())
                assert tab.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'rule',
                    values: ['scrollable-region-focusable']}})).violations.length""") == 0
            tab.close()
    finally:
        context.close()


def test_the_html_fragment_with_a_long_word_fits_a_phone_on_a_blog_without_our_styles(
        shapes: SiteServer, browser: object) -> None:
    """The "Plain HTML" fragment is pasted into a blog that has none of the theme's CSS (here a strict CSP forbids
    inline styles too) and no ``overflow-wrap``: a 400-character word in the episode's title and 300-character ones in
    its chapters ran thousands of pixels off a 320 px phone. Titles now carry line break opportunities (``<wbr>``),
    which need no CSS and add no text."""
    fragment = (shapes.root / "episodes/007-word/player.html").read_text(encoding="utf-8")
    blog = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' content='width=device-width'>"
            "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'none'\">"
            f"<title>Blog</title></head><body><h1>A post</h1>{fragment}</body></html>")
    with SiteServer() as blog_host:
        blog_host.extra["/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context(viewport={"width": 320, "height": 800})  # type: ignore[attr-defined]
        try:
            tab = context.new_page()
            tab.goto(blog_host.url + "post.html")
            assert tab.evaluate("document.documentElement.scrollWidth") <= 320
            links = tab.eval_on_selector_all(".mediafeed-episode > p:first-child a, .mediafeed-episode ol a",
                                             "links => links.map(a => a.textContent)")
            assert links == [f"T{WORD[:400]}", f"0:00 C{WORD[:300]}", f"0:01 D{WORD[:300]}"]
        finally:
            context.close()


ANGULARJS_VERSION, VUE_VERSION = "1.8.3", "3.5.13"
#: an expression AngularJS and Vue both run, in words no longer than `breakable` leaves whole (its <wbr> in a long word
#: parted the braces of "{{''.constructor.constructor('alert(1)')()}}" by chance)
EXPRESSION = "{{ '' [ 'constructor' ] [ 'constructor' ] ( 'alert(%d)' ) ( ) }}"
TEMPLATED_TITLE = "Q&A " + EXPRESSION % 1 + " {% raw %} {{< youtube x >}}"


@pytest.fixture(scope="module")
def templated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("templated")
    show = copy_show(work / "show")
    # the theme's words a show gives (show.yml's words:) are in the fragment too, as its links' text and names
    with (show / "show.yml").open("a", encoding="utf-8") as config:
        config.write(f"words:\n  download: \"{EXPRESSION % 3}\"\n  show_notes: \"Notes {{% raw %}}\"\n"
                     f"  download_episode: \"{EXPRESSION % 4}\"\n")
    add_episode(show, "006-braces", f"""
title: "{TEMPLATED_TITLE}"
date: 2026-03-20T08:00:00+00:00
guid: 6a3c0c2e-5a0e-4b8e-9a7e-1b2c3d4e5f60
audio: audio.mp3
chapters:
  - {{start: 0, title: "{EXPRESSION % 2}"}}
  - {{start: 1, title: "Second"}}
""", seconds=3.0)
    return build(show, work / "site", accept_changes=True).output / "episodes/006-braces"


@pytest.mark.parametrize("engine", ["angularjs", "vue"])
def test_pasted_code_holds_no_template_a_blog_would_run(templated: Path, browser: object, engine: str) -> None:
    """The HTML fragment and the iframe's code, pasted into a blog run by AngularJS or a Vue app: a title or chapter
    holding "{{ … }}" ran as a script of the blog's origin (AngularJS: 12 dialogs, from the iframe's title and the
    players' names; Vue: from the text). Now nothing runs, and the reader sees the titles as written. For engines that
    read the blog's source (Jekyll's Liquid, Hugo), the code holds no brace at all."""
    from html import unescape

    from helpers import npm_package

    fragment = (templated / "player.html").read_text(encoding="utf-8")
    page = (templated / "index.html").read_text(encoding="utf-8")
    iframe = unescape(re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page, re.S)[1])
    assert "{" not in fragment + iframe and "}" not in fragment + iframe
    if engine == "angularjs":
        script = npm_package("angular", ANGULARJS_VERSION) / "angular" / "angular.min.js"
        body, start = f"<body ng-app><h1>Blog {{{{ 1 + 1 }}}}</h1>{fragment}{iframe}", ""
    else:
        script = npm_package("vue", VUE_VERSION) / "vue" / "dist" / "vue.global.prod.js"
        body, start = (f"<body><div id='app'><h1>Blog {{{{ 1 + 1 }}}}</h1>{fragment}{iframe}</div>",
                       "<script>Vue.createApp({}).mount('#app')</script>")
    blog = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Blog</title><script src='/engine.js'>"
            f"</script></head>{body}{start}</body></html>")
    with SiteServer() as blog_host:
        blog_host.extra["/engine.js"] = ("text/javascript", script.read_bytes())
        blog_host.extra["/post.html"] = ("text/html; charset=utf-8", blog.encode())
        context = browser.new_context()  # type: ignore[attr-defined]
        try:
            tab = context.new_page()
            dialogs: list[str] = []
            tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            tab.goto(blog_host.url + "post.html")
            tab.wait_for_function("document.querySelector('h1').textContent === 'Blog 2'")  # the engine has run
            assert dialogs == []
            shown = tab.eval_on_selector_all(".mediafeed-episode > p:first-child a, .mediafeed-episode ol a",
                                             "links => links.map(a => a.textContent)")
            assert shown[:2] == [TEMPLATED_TITLE, "0:00 " + EXPRESSION % 2], shown
            # (in an attribute two braces are parted by a word joiner, drawn as nothing and not read)
            names = tab.eval_on_selector_all("[aria-label], iframe", "all => all.map(e => e.ariaLabel || e.title)")
            names = [name.replace("\u2060", "") for name in names]
            assert names[0] == TEMPLATED_TITLE and names[-1] == TEMPLATED_TITLE + " – Safe to Say", names
            assert names[1:3] == ["Notes {% raw %}: " + TEMPLATED_TITLE, EXPRESSION % 3 + ": " + TEMPLATED_TITLE], names
            assert tab.eval_on_selector_all(".mediafeed-episode p:last-child a, .mediafeed-episode audio a",
                                            "links => links.map(a => a.textContent)") == [
                EXPRESSION % 4, "Notes {% raw %}", EXPRESSION % 3]
        finally:
            context.close()
