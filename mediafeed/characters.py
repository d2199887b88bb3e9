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


#: what JSON text written with ``ensure_ascii=False`` holds as it is and a terminal acts on: DEL and the C1 controls
#: (U+009B is CSI, as ESC [ is: ``\u009b2J`` clears the screen in xterm; JSON escapes only the C0 controls), the
#: direction controls (an override reverses the rest of the line) and the line and paragraph separators
_JSON_ACTIVE = lazy("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_inert(text: str) -> str:
    """JSON text to print on a terminal: each character of :data:`_JSON_ACTIVE` (they can only be in its strings)
    written as JSON's ``\\uXXXX`` escape, which every JSON reader reads as that character, so the document means the
    same and the terminal acts on nothing; a text without one is returned as it is."""
    return _JSON_ACTIVE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class NotUtf8(ValueError):
    """A source file that is not UTF-8 text: ``reason`` says what it is and where (``is saved as UTF-16 …``,
    ``byte 0x93 on line 3 …``), ``convert`` names the encoding to convert from (for ``iconv -f``)."""

    def __init__(self, reason: str, convert: str):
        super().__init__(reason)
        self.reason, self.convert = reason, convert

    def hint(self, file: str) -> str:
        """The fix for ``file``: save it as UTF-8, with the command that converts it."""
        source = f"-f {self.convert} " if self.convert else ""
        return (f"save it as UTF-8 (an editor's 'Save As' has the choice of encoding), or convert it: "
                f"iconv {source}-t UTF-8 {file} > {file}.new && mv {file}.new {file}")


#: the byte order marks of the encodings a Windows tool may save text in instead of UTF-8 (UTF-32's first: its
#: little-endian mark starts with UTF-16's)
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32", "UTF-32"),
         (b"\xff\xfe", "UTF-16", "UTF-16"), (b"\xfe\xff", "UTF-16", "UTF-16"))


def source_text(data: bytes) -> str:
    """A source file's bytes (show.yml, episode.md, a chapters file, a transcript) as text, its line ends read as
    ``open()`` reads them (CRLF and a lone CR, as classic Mac OS and some exporters end lines, are line feeds). Raises
    :class:`NotUtf8` naming what the file is instead: UTF-16 or UTF-32 (Notepad's "Unicode", Excel's "Unicode
    text"), with or without a byte order mark, or bytes of another encoding, by line and column, with the character
    the byte is in Windows-1252 (a Word export's curly quotes, 0x93 and 0x94). UTF-16 without a mark decodes as UTF-8
    when it is ASCII: read so, it was a NUL between every two characters, removed with a warning about "control
    characters" that named no cause, and any other character broke it."""
    for mark, name, convert in _BOMS:
        if data.startswith(mark):
            raise NotUtf8(f"is saved as {name} (it starts with {name}'s byte order mark, "
                          f"{' '.join(f'{b:02X}' for b in mark)}), not as UTF-8", convert)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, exc.start) from None
    if "\x00" in text:
        wide = _utf16_without_mark(data)
        if wide:
            raise NotUtf8(f"is saved as {wide} without a byte order mark (a zero byte beside every ASCII character), "
                          "not as UTF-8", wide)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _utf16_without_mark(data: bytes) -> str:
    """"UTF-16LE" or "UTF-16BE" when the start of ``data`` has a zero byte at every other place (ASCII text in
    UTF-16), else ""; a stray NUL or two in UTF-8 text is no such pattern."""
    head = data[:4096]
    if len(head) < 4:
        return ""
    even, odd = head[0::2], head[1::2]
    for zeros, others, name in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
        if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) <= 0.1 * len(others):
            return name
    return ""


def _not_utf8(data: bytes, start: int) -> NotUtf8:
    """What the byte at ``start`` (not UTF-8) is, by line and column, and the encoding the file was most likely
    saved in."""
    newline = b"\n" if b"\n" in data else b"\r"
    line_start = data.rfind(newline, 0, start) + 1
    line = data.count(newline, 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    byte = data[start]
    end = data.find(newline, start)
    shown = data[line_start:end if end >= 0 else len(data)].decode("cp1252", "replace").strip()
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    as_1252 = bytes([byte]).decode("cp1252", "replace")
    if as_1252 == "\ufffd" or not as_1252.isprintable():
        return NotUtf8(f"is not UTF-8 text: byte 0x{byte:02X} on line {line}, column {column}", "")
    return NotUtf8(f"is not UTF-8 text: byte 0x{byte:02X} on line {line}, column {column} is {as_1252} in Windows-1252, "
                   f"so the file was most likely saved in Windows-1252 or Latin-1 (as Word's and older Windows editors' "
                   f"plain text is); read so, the line is {terminal_safe(shown, directions=True)!r}", "WINDOWS-1252")
