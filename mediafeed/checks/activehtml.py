"""Active content in show notes: what Apple Podcasts and apps strip from the HTML they show, so it never reaches a
listener.

Show notes (``description``, ``content:encoded``, ``itunes:summary``) are HTML that apps render in a web view with
scripts off or through a sanitiser, and Apple keeps only a few formatting tags and ``http(s)``/``mailto`` links: a
``<script>``, an embedded player in an ``<iframe>``, an ``onclick=`` handler or a ``javascript:`` link is removed
without a word, and whatever it was meant to do (play a video, sign up to a newsletter) is lost. A producer who
pastes a web page's embed code into the notes should hear that before publishing. mediafeed's own notes are
sanitised (nh3), so only feeds from elsewhere meet this.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..errors import Problem
from .feedxml import FeedDoc, text
from .rules import problem

#: elements that run, embed, submit or redirect: never shown by an app (a pasted <meta charset> is harmless)
ACTIVE_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base"})
#: attributes that hold an address a browser would open
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster"})
_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
#: what every piece of active content holds (in lower case): notes without any are not parsed. html.parser reads
#: about 6 MB/s and ``build`` lints every episode's notes; these three looks take 25 us for 5 KB of notes, a
#: case-insensitive pattern 80 us. 'script' also finds javascript: and vbscript: links, even with 'java' written as
#: character references
_ACTIVE_TAG = re.compile(r"<\s*(?:script|i?frame|object|embed|applet|form|base)\b")
#: an event handler (``on[a-z]+\s*=``: ``onclick=``), looked for in the text reversed, as ``=\s*[a-z]+no``: the same
#: matches, read from their other end, which starts with a character notes hold a few times (``href="…"``), where
#: ``on`` starts hundreds of their words ("information", "question"), each tried and given up letter by letter
_EVENT_REVERSED = re.compile(r"=\s*[a-z]+no")
#: what browsers drop from an address before reading its scheme ('java\tscript:' is 'javascript:')
_IGNORED = {ord(c): None for c in "\t\n\r"}


@functools.cache
def _finder() -> Any:
    """The parser class that finds active content (made at its first use: notes without any never import
    html.parser, ~9 M instructions of a cold build)."""
    from html.parser import HTMLParser

    class _Finder(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[str] = []

        def _add(self, what: str) -> None:
            if what not in self.found:
                self.found.append(what)

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ACTIVE_TAGS:
                self._add(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on") and len(name) > 2:
                    self._add(f"an {name}= attribute")
                elif name in _URL_ATTRIBUTES and value:
                    scheme = value.translate(_IGNORED).lstrip("\x00 \x0b\x0c").lower()
                    for prefix in _SCHEMES:
                        if scheme.startswith(prefix):
                            self._add(f"a {prefix.rstrip(':')}: link")

        handle_startendtag = handle_starttag

    return _Finder


def active_content(html: str) -> list[str]:
    """What in ``html`` apps strip as active content, in order of appearance: ``<script>``, ``an onclick= attribute``,
    ``a javascript: link``; [] when there is none."""
    low = html.lower()
    if "script" not in low and "data:" not in low and not _ACTIVE_TAG.search(low) and not _EVENT_REVERSED.search(low[::-1]):
        return []
    finder = _finder()()
    finder.feed(html)
    finder.close()
    return finder.found


def describe(found: list[str]) -> str:
    """'<script>, <iframe> and an onclick= attribute'."""
    return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]


def check_active(doc: FeedDoc, parent: Any, names: tuple[str, ...], code: str, episode: str = "") -> list[Problem]:
    """One problem (``code``: EP133 for an item, SHOW031 for the channel) for each element of ``names`` whose HTML
    holds active content."""
    out = []
    for name in names:
        found = active_content(text(doc, parent, name) or "")
        if found:
            out.append(problem(code, doc.source, f"{name} holds {describe(found)}: Apple Podcasts and apps remove scripts, "
                               "embedded frames, event handlers and javascript: links, so listeners never see what they "
                               "do", field=name, episode=episode,
                               hint="remove them; link to the page, player or sign-up form instead (<a href=\"https://…\">)"))
    return out
