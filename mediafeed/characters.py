"""Characters HTML forbids that XML allows, and what a page shows instead; the byte order mark a source file may
start with. No imports beyond ``lazypattern``: the source readers (``source``, ``chapters``, ``transcripts``) and the
notes' renderer (``notes``) all use it, and neither loads the other."""

from __future__ import annotations

from .lazypattern import lazy

#: what HTML forbids beyond XML: the C1 control characters and DEL, and the noncharacters U+FDD0–U+FDEF (the Nu Html
#: Checker's "Forbidden code point"; XML allows them; U+FFFE and U+FFFF XML forbids too, and those of the other planes
#: are left to the validator: a text that holds one is no producer's). C1 controls in text are mostly Windows-1252
#: read as Latin-1 (U+0092 for ’)
HTML_FORBIDDEN_CLASS = "\x7f-\x9f\ufdd0-\ufdef"
HTML_FORBIDDEN = lazy(f"[{HTML_FORBIDDEN_CLASS}]")
#: a C1 control character → the Windows-1252 character of that byte, as browsers read ``&#x92;`` (none for the five
#: bytes Windows-1252 leaves undefined)
WINDOWS_1252 = {0x80 + i: char for i, char in enumerate("€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ") if char != " "}


def html_safe(text: str) -> str:
    """``text`` with each C1 control character read as the Windows-1252 character it stands for (U+0092 → ’,
    U+0085 → …) and the other characters HTML forbids (DEL, noncharacters) removed."""
    return HTML_FORBIDDEN.sub(lambda m: WINDOWS_1252.get(ord(m.group()), ""), text)


def without_bom(text: str) -> str:
    """``text`` without the byte order mark (U+FEFF) Windows editors (Notepad, Excel's "UTF-8" export) put at the
    start of a UTF-8 file, read as text: it stuck to the first line, so a chapters.txt's first time did not parse
    (CHP001 on a line that looks right), a JSON file was invalid ("Unexpected UTF-8 BOM"), a WebVTT file did not
    start with "WEBVTT" and an episode.md had no front matter. One mark only, as a browser's UTF-8 decoder drops it:
    a second is text."""
    return text[1:] if text.startswith("\ufeff") else text


#: what a terminal acts on instead of showing: the C0 control characters but tab and line feed, DEL and the C1
#: controls. ESC (and CSI, its C1 form) starts the sequences that clear the screen or recolour what follows; OSC
#: those that write the clipboard (OSC 52) or hide a link behind other text (OSC 8); a carriage return lets the
#: rest of a line overwrite its start
_TERMINAL_CONTROL = lazy("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: the same, the line feed, and Unicode's direction controls (an override left open reverses the rest of the
#: terminal's line; a line feed in a feed's GUID or title started a line of its own, which could pass for the report's)
_TERMINAL_ACTIVE = lazy("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: the control characters and the line feed, for a value shown in one line of its own (a cell of ``list``'s table)
_TERMINAL_LINE = lazy("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def terminal_safe(text: str, directions: bool = False, one_line: bool = False) -> str:
    """``text`` to print on a terminal: each control character written out as Python writes it (``\\x1b``), so the
    reader sees it and the terminal does not act on it; with ``directions``, the line feed and the direction controls
    too (for a diagnostic line, one line whatever it quotes, where they are a finding, not a name's own right-to-left
    text); with ``one_line``, the line feed and not the direction controls (a title in a table's row)."""
    if text.isprintable():  # no control, format or separator character: almost every line
        return text
    pattern = _TERMINAL_ACTIVE if directions else _TERMINAL_LINE if one_line else _TERMINAL_CONTROL
    return pattern.sub(lambda m: repr(m.group())[1:-1], text)
