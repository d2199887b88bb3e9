"""Active content in show notes (checks.activehtml): notes are parsed only when they may hold some, and the look that
decides it finds an event handler (``on…=``) wherever the pattern ``on[a-z]+\\s*=`` does (it looks in the text read
backwards: the same matches, found from their ``=``)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from mediafeed.checks import activehtml
from mediafeed.checks.activehtml import active_content

#: the rule as written forwards (what the reversed look must agree with)
EVENT = re.compile(r"on[a-z]+\s*=")
TEXTS = [
    "", "on", "on=", "on =", "onx=", "onx =", "onx\t\n =", "onx\u2003=", "onx\u00a0 =", "xonclick=", "ONCLICK=", "onClick=",
    "on1=", "on-x=", "onä=", "onxä=", "on x=", "conference=", "question = answer", "information=", "mention\n=",
    "<a href=\"https://example.org/?on=1&onion=2\">link</a>", "<p>No event here: information, question, onion.</p>",
    "<img src=x onerror=alert(1)>", "<div onmouseover = 'x'>", "onon=", "oon=", "no=", "=on", "= onx", "ono=", "onn=",
    "<p>" + "relationship intervention question on one " * 200 + "</p><a href=\"x\">y</a>",
]


@pytest.mark.parametrize("text", TEXTS, ids=[repr(t[:24]) for t in TEXTS])
def test_an_event_handler_is_found_where_the_pattern_finds_one(text: str) -> None:
    low = text.lower()
    assert bool(activehtml._EVENT_REVERSED.search(low[::-1])) == bool(EVENT.search(low))


def test_notes_with_an_event_handler_are_parsed_and_others_are_not(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = activehtml._finder().feed
    monkeypatch.setattr(activehtml._finder(), "feed", lambda self, html: parsed.append(html) or real(self, html))
    assert active_content("<p>Our conference on information, <a href=\"https://example.org/\">notes</a>.</p>") == []
    assert parsed == []
    assert active_content("<p onclick = \"go()\">Play</p>") == ["an onclick= attribute"]
    assert active_content("<p xonclick=\"go()\">Play</p>") == []  # looked at (the pattern finds it), not active
    assert len(parsed) == 2


def test_notes_without_active_content_are_looked_at_without_importing_html_parser() -> None:
    """The lint of a show whose notes hold no active content imported html.parser (~9 M instructions of a cold build)
    with the checks; it is imported when notes hold something to parse, and finds the same."""
    from helpers import ROOT

    code = ("import sys; from mediafeed.checks.activehtml import active_content; "
            "print(active_content('<p>Notes with a <a href=\"https://example.org/\">link</a>.</p>'), 'html.parser' in sys.modules, "
            "active_content('<p onclick=\"x()\">Hi</p><script>x()</script>'), 'html.parser' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "[] False ['an onclick= attribute', '<script>'] True", done.stderr
