"""Characters HTML forbids that XML allows, and what a page shows instead. No imports beyond ``lazypattern``: the
source readers (``source``) and the notes' renderer (``notes``) both use it, and neither loads the other."""

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
