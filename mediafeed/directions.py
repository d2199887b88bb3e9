"""Which way a language is written: ``dir`` on the pages of a show in Arabic, Hebrew, Persian, Urdu, …

A page without ``dir="rtl"`` lays an Arabic show out left to right: its headings and paragraphs start at the left,
lists indent on the wrong side, the player's play button comes last as the eye reads, and a time after Arabic words
("0:00 مرحبا") is read in the wrong order. ``lang`` alone changes none of it.
"""

from __future__ import annotations

#: languages (ISO 639 codes, as show.yml and BCP 47 write them) written right to left in their usual script (CLDR's
#: likely script is Arabic, Hebrew, Thaana, Syriac, N'Ko or Adlam)
RTL_LANGUAGES = frozenset({
    "ar", "arc", "arz", "apc", "acm", "ary", "aeb", "ajp", "afb", "ayl", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk",
    "he", "iw", "ji", "yi", "ks", "lrc", "mzn", "nqo", "pnb", "prs", "ps", "sd", "skr", "syr", "ug", "ur", "ydd", "yid",
})
#: script subtags (ISO 15924) written right to left: ``az-Arab``, ``pa-Arab`` are, ``ku-Latn`` or ``sd-Deva`` are not
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr", "mend", "yezi"})


def direction(language: str) -> str:
    """``"rtl"`` for a language tag written right to left (``ar``, ``he-IL``, ``az-Arab``), else ``"ltr"``. A script
    subtag decides when there is one (``ug-Latn`` is left to right)."""
    parts = language.lower().replace("_", "-").split("-")
    script = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), "")
    if script:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0] in RTL_LANGUAGES else "ltr"
