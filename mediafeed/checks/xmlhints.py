"""What to change when a feed is not well-formed XML: libxml2's message, read for the mistakes of hand-built feeds.

One place for ``check FEED`` (XML001) and ``import`` (IMP002), so both name the same fix: a bare '&', an HTML entity,
']]>' inside CDATA, an undeclared prefix, a control character, a gzip or UTF-16 file, a feed cut short.
"""

from __future__ import annotations

import functools
import re

#: libxml2's messages for a text, name or CDATA section over its 10 MB
_HUGE = re.compile(r"Resource limit exceeded|too big|huge text|Buffer size limit", re.I)
_CDATA_HINT = "a ']]>' inside the show notes ends the CDATA section early: write it as ']]]]><![CDATA[>'"
#: (pattern, hint) for libxml2's messages, case-insensitive: compiled when a feed fails to parse (:func:`_hints`),
#: not at every start-up (a rebuild parses its own good feeds)
_HINT_PATTERNS = [
    (r"amplification|entity.*loop|Detected an entity reference loop",
     "the feed's DOCTYPE declares entities that expand enormously; remove the <!DOCTYPE …> declaration"),
    (r"EntityRef: expecting ';'|xmlParseEntityRef: no name",
     "escape a bare '&' as '&amp;', or put the text inside <![CDATA[ … ]]>"),
    (r"Entity '(\w+)' not defined",
     "HTML entities such as &nbsp; are not XML: put HTML inside <![CDATA[ … ]]> or write the character itself"),
    (r"Sequence '\]\]>' not allowed|CData section not finished", "CDATA"),
    (r"Opening and ending tag mismatch|Premature end of data|EndTag",
     "an element is not closed; put HTML show notes inside <![CDATA[ … ]]>"),
    (r"Unescaped '<' not allowed in attributes? values?",
     "an attribute's value holds '<' (a <![CDATA[ … ]]> or HTML inside quotes: CDATA works only between tags): give the "
     "plain value, and write a '<' in it as '&lt;'"),
    (r"StartTag: invalid element name",
     "a bare '<' in text starts no tag: write it as '&lt;', or put the text inside <![CDATA[ … ]]>"),
    (r"Extra content at the end of the document",
     "something follows </rss> (a second feed, an HTML comment or script a server or plugin appended): the feed must "
     "end with </rss>; remove what comes after it"),
    (r"Namespace prefix (\w+)", "PREFIX"),
    (r"XML declaration allowed only at the start",
     "remove what comes before <?xml …?> (spaces, blank lines, a second byte order mark): the declaration must be "
     "the very first characters of the feed"),
    (r"Start tag expected, '<' not found|Document is empty",
     "the file does not begin with '<': it is not XML at all (an image, audio, a compressed or binary file?); give "
     "the feed's own file or URL"),
    (r"Excessive depth in document",
     "elements are nested more than 256 deep, which no feed needs (an unclosed tag repeated, or HTML show notes "
     "outside CDATA): close the elements, and put HTML inside <![CDATA[ … ]]>"),
    (_HUGE.pattern,
     "one text, name or CDATA section is over 10 MB, far beyond any feed (notes belong on a page, media in files): "
     "shorten it"),
    (r"invalid Char value (\d+)|Char 0x([0-9A-F]+) out of allowed range|invalid xmlChar value (\d+)",
     "CONTROL"),
    (r"encoding|Input is not proper UTF-8", "NOT_UTF8"),
]
_NOT_UTF8 = "save the feed as UTF-8 and declare <?xml version=\"1.0\" encoding=\"UTF-8\"?>"
#: the encoding a feed's XML declaration names
_DECLARED = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


_BOM = b"\xef\xbb\xbf"
#: the control characters XML 1.0 does not allow, as raw bytes in an ASCII-compatible encoding
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _control_hint(code: int) -> str:
    if code < 0x20:
        return (f"remove the control character U+{code:04X} (or its &#{code}; reference) at that place: XML 1.0 "
                "allows no control characters but tab, line feed and carriage return, even inside CDATA, and apps "
                "refuse the whole feed")
    return (f"remove the character U+{code:04X} (or its &#{code}; reference) at that place: XML 1.0 allows no "
            "surrogate halves (U+D800–U+DFFF) and no U+FFFE or U+FFFF, and apps refuse the whole feed")


def _single_byte_text(data: bytes, text_line: bytes, message: str, hint: str) -> tuple[str, str]:
    """A feed declared UTF-8 (or undeclared, so UTF-8) whose line holds bytes UTF-8 cannot read: mostly a feed written
    in windows-1252 (a CMS, an export from a Windows tool). libxml2 says "Invalid bytes in character encoding", and the
    hint was to save the feed as UTF-8, with nothing to say which bytes, what they were meant as, or how to convert
    them. feedparser guesses windows-1252 and reads it (with a warning); expat, so podcastparser and gPodder, and Apple
    refuse the feed."""
    declared = _DECLARED.match(data[:200].removeprefix(_BOM))
    name = declared.group(1).decode("ascii", "replace") if declared else ""
    if name and name.lower().replace("-", "").replace("_", "") != "utf8":
        return message, hint  # (another encoding declared: its own problems, not this one's)
    try:
        text_line.decode("utf-8")
        return message, hint  # (the line is UTF-8: the bad bytes are elsewhere, libxml2 counted another way)
    except UnicodeDecodeError as exc:
        bad, start = text_line[exc.start:exc.end], exc.start
    which = f"{'byte' if len(bad) == 1 else 'bytes'} {bad.hex(' ').upper()}"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:  # not windows-1252 either (bytes it leaves undefined): say which bytes, no guess
        return f"{message} ({which} {'is' if len(bad) == 1 else 'are'} not UTF-8)", hint
    around = text_line[max(0, start - 30):start + 30].decode("cp1252").strip()
    said = "declares UTF-8" if name else "declares no encoding, which means UTF-8"
    return (f"{message} ({which} {'is' if len(bad) == 1 else 'are'} not UTF-8; read as windows-1252 the line says "
            f"'{around}')",
            f"the feed is written in windows-1252 (or Latin-1) but {said}: feedparser guesses and reads it, but Apple "
            "and expat-based apps (gPodder) refuse it; convert the file (iconv -f windows-1252 -t utf-8 feed.xml > "
            "feed-utf8.xml) or make whatever writes the feed write UTF-8")


@functools.cache
def _hints() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern, re.I), hint) for pattern, hint in _HINT_PATTERNS]


def syntax_hint(data: bytes, message: str, line: int) -> tuple[str, str]:
    """libxml2's ``message`` about ``data`` at ``line`` (with what the bytes are, when that explains it) and what to
    change: the classic mistakes of hand-built XML, a compressed or UTF-16 file, a feed cut short. For ``check FEED``
    (XML001) and ``import`` (IMP002) alike."""
    hint = next((h for pattern, h in _hints() if pattern.search(message)), "fix the XML syntax at that line")
    hint = _CDATA_HINT if hint == "CDATA" else hint
    hint = _NOT_UTF8 if hint == "NOT_UTF8" else hint
    lines = data.splitlines()
    text_line = lines[line - 1] if 0 < line <= len(lines) else b""
    control = _CONTROL_BYTE.search(text_line) if data[:2] not in (b"\xff\xfe", b"\xfe\xff") else None
    if hint == "CONTROL":
        found = re.search(r"invalid Char value (\d+)|Char 0x([0-9A-F]+) out|invalid xmlChar value (\d+)", message, re.I)
        code = int(found[1] or found[3]) if found and (found[1] or found[3]) else int(found[2], 16) if found else 0
        hint = _control_hint(code)
    elif control and hint != "PREFIX":
        # a control character inside CDATA notes: libxml2 says 'CData section not finished', and the ']]>' hint sent
        # producers looking for a ']]>' the notes do not hold
        hint = _control_hint(control[0][0])
        message += f" (the line holds the control character U+{control[0][0]:04X})"
    if data.startswith(_BOM * 2):
        hint = ("the feed starts with two UTF-8 byte order marks (EF BB BF EF BB BF: a file saved twice by an editor or "
                "template that adds one): remove them, or keep one, so that the feed begins with <?xml")
    elif data[:2] == b"\x1f\x8b":
        message += " (the bytes are gzip-compressed)"
        hint = ("the feed is gzip-compressed: serve it uncompressed, or compressed with a Content-Encoding: gzip "
                "header (apps read these bytes as they arrive); a file: decompress it (gunzip)")
    elif data.lstrip(b"\x00 \t\r\n")[:1] == b"<" and data[:4] in (b"<\x00?\x00", b"\x00<\x00?", b"<\x00r\x00", b"\x00<\x00r"):
        hint = ("the feed looks like UTF-16 without a byte order mark, which XML requires for UTF-16: save it as UTF-8 "
                "with <?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    if hint == "PREFIX":
        prefix = re.search(r"Namespace prefix (\w+)", message, re.I).group(1)  # type: ignore[union-attr]
        from .feedxml import PREFIXES  # (feedxml reads this module: its table, once a hint needs it)

        uri = PREFIXES.get(prefix)
        hint = (f"declare the prefix on the root element: <rss version=\"2.0\" xmlns:{prefix}=\"{uri}\" …>" if uri else
                f"declare xmlns:{prefix}=\"…\" on the root element, or remove the {prefix}: elements")
    if text_line.count(b"]]>") > text_line.count(b"<![CDATA[") and not _HUGE.search(message):
        hint = _CDATA_HINT  # (not for a CDATA section over 10 MB: libxml2 stops inside it, before its own ']]>')
    if (line >= len(lines) and b"<rss" in data[:4096].replace(b"\x00", b"")
            and b"</rss>" not in data.rstrip()[-64:].replace(b"\x00", b"").lower()):
        hint = ("the feed ends before </rss>: it was cut short (an interrupted download, a wrong Content-Length, "
                "or a size limit where it is generated); fetch it again or look at how it is written")
    if hint == _NOT_UTF8 and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        message, hint = _single_byte_text(data, text_line, message, hint)
    wide = re.match(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["'](utf-?(?:16|32)[^"']*)""", data[:200], re.I)
    if wide and line <= 1:  # its bytes are ASCII's, as the '<?xml' they were just read from shows
        name = wide.group(1).decode("ascii")
        hint = (f"the feed declares encoding=\"{name}\" but its bytes are not {name} (they read as UTF-8 or ASCII): "
                "declare encoding=\"UTF-8\"")
    return message, hint
