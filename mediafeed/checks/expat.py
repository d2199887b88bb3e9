"""XML014: an encoding libxml2 reads but expat refuses, so gPodder (podcastparser) and other Python-based apps do not.

Expat knows UTF-8, UTF-16 (LE, BE), ISO-8859-1 and US-ASCII by those names; for any other name Python's pyexpat asks
the codec to decode the 256 byte values one by one (``PyUnknownEncodingHandler``), and refuses the whole document
when that does not give 256 characters ("multi-byte encodings are not supported": Shift_JIS, EUC-JP, GBK, Big5) or
when a byte it decodes to U+FFFD occurs ("not well-formed (invalid token)": ``encoding="utf8"``, an alias that
reaches the handler, with any character beyond ASCII). A UTF-32 byte order mark reads as UTF-16's and fails too.
Measured with podcastparser 0.6 on the sample feed with "Café" in a title: every case above refused, and
windows-1252, ISO-8859-15, KOI8-R and the native names read.
"""

from __future__ import annotations

import codecs
import re

from ..errors import Problem, error
from ..source import quoted

#: the names expat decodes itself (compared without case)
NATIVE = {"utf-8", "utf-16", "utf-16le", "utf-16be", "iso-8859-1", "us-ascii"}
_DECLARED = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def expat_refuses(data: bytes) -> tuple[str, str]:
    """(the encoding, why expat refuses it) for a feed libxml2 has read; ("", "") when expat reads it too."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32", "expat reads UTF-32's byte order mark as UTF-16's and then finds no XML"
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return "", ""  # the mark decides (a declaration that disagrees with it is XML012)
    declared = _DECLARED.match(data[:300])
    name = declared.group(1).decode("ascii") if declared else ""
    if not name or name.lower() in NATIVE:
        return "", ""
    try:
        table = bytes(range(256)).decode(name, "replace")
    except LookupError:
        return name, "Python's XML parser does not know this encoding name"
    if len(table) != 256:
        return name, "expat reads only single-byte encodings besides UTF-8 and UTF-16 (\"multi-byte encodings are not supported\")"
    unmapped = {index for index, char in enumerate(table) if char == "\ufffd"}
    if unmapped and any(byte in unmapped for byte in set(data)):
        spelling = " (expat knows it as \"UTF-8\" only)" if codecs.lookup(name).name == "utf-8" else ""
        return name, f"expat reads this name byte by byte and finds characters it cannot decode{spelling}"
    return "", ""


def expat_encoding(data: bytes, source: str) -> list[Problem]:
    """XML014: see the module's docstring."""
    name, why = expat_refuses(data)
    if not name:
        return []
    return [error("XML014", source, f"the feed is encoded as {quoted(name, 200)}, which expat-based readers refuse (Python's XML "
                  f"parser: podcastparser and so gPodder): {why}", field="encoding",
                  hint="save the feed as UTF-8 and declare <?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
