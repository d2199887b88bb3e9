"""The default theme's words in the show's language: the table for ``show.yml``'s ``language`` (its base language
for a regional tag: ``pt-BR`` → ``pt``; English for a language the theme has no table for), with the show's own
``words:`` over it. Templates read them as ``words`` (``{{ words.subscribe }}``); dates and spoken durations use
them too (``longdate``, ``spoken``), and ``player.js`` gets the few it needs from a JSON script in the page.

A table, not Babel or the C library's locales: Babel's import and locale data cost more start-up than the whole
build of a small show, and ``locale.setlocale`` is process-global state. Month names, a date pattern and plural forms
of three units are all the pages need. The tables are in :mod:`translations`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from .model import whole_seconds
from .source import quoted
from .translations import ENGLISH, TABLES

#: the plural categories (CLDR's) each table's forms are written in, in that order; other languages: English's
PLURAL_CATEGORIES: dict[str, tuple[str, ...]] = {
    "en": ("one", "other"), "fr": ("one", "other"), "de": ("one", "other"), "es": ("one", "other"),
    "pt": ("one", "other"), "it": ("one", "other"), "nl": ("one", "other"),
    "ar": ("zero", "one", "two", "few", "many", "other"), "he": ("one", "two", "other"), "ja": ("other",),
}
#: words with several forms, and how many: months one per month, units one per plural category (None)
FORMS: dict[str, int | None] = {"months": 12, "hours": None, "minutes": None, "seconds": None}
#: the words player.js uses (the rest are in the pages already)
SCRIPT_KEYS = ("play", "pause", "time_of", "copied", "copy_by_hand", "hours", "minutes", "seconds", "join")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")


class Words:
    """The theme's words for one show: ``words["subscribe"]``, and ``words.subscribe`` in a template (Jinja looks an
    attribute up first, then the item: a ``dict`` here gave its method for ``words.copy``). ``language``: the language
    tag whose plural rules the unit forms follow (the show's, or ``en`` when the theme has no table for it);
    ``table``: that table's base language."""

    def __init__(self, words: dict[str, str], language: str = "en", table: str = "en"):
        # Each word is an attribute too, so that Jinja's ``words.subscribe`` finds it at once: it tried the
        # attribute first, and the AttributeError it raised (a formatted message, ~90 a default episode page)
        # before it looked the item up cost about a tenth of the page's CPU. The three attributes below are
        # set after the words and keep their meaning (no word is named like them, or starts with "_").
        self.__dict__.update(words)
        self.words, self.language, self.table = words, language, table

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def __contains__(self, key: object) -> bool:
        return key in self.words

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Words) and (self.words, self.language) == (other.words, other.language)

    __hash__ = None  # type: ignore[assignment]


def base_language(language: str) -> str:
    """The table a language tag uses: ``pt-BR`` → ``pt``, ``FR`` → ``fr``, ``sv`` (no table) → ``en``."""
    base = language.split("-")[0].split("_")[0].lower()
    return base if base in TABLES else "en"


def words_for(language: str, overrides: Iterable[tuple[str, str]] = ()) -> Words:
    """The words of the default theme for a show in ``language``, with the show's ``overrides`` (``words:``)."""
    table = base_language(language)
    return Words({**TABLES[table], **dict(overrides)}, language if table != "en" else "en", table)


ENGLISH_WORDS = words_for("en")


def plural_category(language: str, n: int) -> str:
    """CLDR's plural category of the whole number ``n`` in ``language`` (the tables' languages; English's rule for any
    other). The browser's ``Intl.PluralRules`` gives player.js the same categories."""
    base = base_language(language)
    if base == "ja":
        return "other"
    if base == "ar":
        if n in (0, 1, 2):
            return ("zero", "one", "two")[n]
        return "few" if 3 <= n % 100 <= 10 else "many" if 11 <= n % 100 <= 99 else "other"
    if base == "he" and n == 2:
        return "two"
    if base == "fr" or (base == "pt" and language.lower().replace("_", "-") != "pt-pt"):
        return "one" if n in (0, 1) else "other"
    return "one" if n == 1 else "other"


def counted(words: Words, key: str, n: int) -> str:
    """``n`` with the unit ``key`` (``hours``, ``minutes``, ``seconds``) in its plural form: "1 minute", "ثانيتان"."""
    forms = words[key].split("|")
    categories = PLURAL_CATEGORIES.get(words.table, PLURAL_CATEGORIES["en"])
    wanted = plural_category(words.language, n)
    form = forms[categories.index(wanted)] if wanted in categories and categories.index(wanted) < len(forms) else forms[-1]
    return form.replace("{n}", str(n))


def fill(text: str, **values: Any) -> str:
    """The ``fill`` filter: each ``{name}`` of a word replaced by its value (``{{ words.season | fill(number=2) }}``).
    Plain replacement, not ``str.format``: a word written in ``show.yml`` cannot reach the values' attributes."""
    if "{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


def long_date(words: Words, value: object) -> str:
    """"3 March 2026", "3 mars 2026", "3. März 2026", "2026年3月3日"; "" for what is not a datetime."""
    if not isinstance(value, datetime):
        return ""
    month = words["months"].split("|")[value.month - 1]
    day = words["day_one"] if value.day == 1 else str(value.day)
    return fill(words["date"], day=day, month=month, year=value.year)


def spoken(words: Words, seconds: float | int) -> str:
    """What a screen reader should say for a time: "12 minutes 5 seconds", "12 minutes 5 secondes" ("12:05" is read as
    "twelve oh five", a clock time). Whole parts only, none left out but a zero; player.js's ``spoken`` is the same."""
    total = whole_seconds(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [counted(words, unit, n) for n, unit in ((hours, "hours"), (minutes, "minutes")) if n]
    if secs or not parts:
        parts.append(counted(words, "seconds", secs))
    return words["join"].join(parts)


def megabytes(words: Words, size: int) -> str:
    """A file's size in MB to one decimal: "1.2 MB", "1,2 Mo"."""
    return fill(words["megabytes"], size=str(round(size / 1048576, 1)).replace(".", words["decimal"]))


def role_name(words: Words, role: str) -> str:
    """A person's role as a page shows it: the show's language for the roles the tables have (``co-host`` →
    ``role_co_host``: "Coanimation"), the taxonomy's name for the others ("Foley artist"). The feed keeps the
    taxonomy's value: apps translate it themselves."""
    key = "role_" + _NOT_LETTERS.sub("_", role.lower()).strip("_")
    return words[key] if key in words else role.capitalize()


def script_words(words: Words) -> str:
    """The words player.js needs, as the JSON text of a ``<script type="application/json">`` in the page; "" when they
    are its own (English): an English page carries nothing more. UTF-8 as it is, not ``\\uXXXX`` (Jinja's ``tojson``):
    an Arabic page's words took three times the bytes; only ``<``, ``>``, ``&`` and ``'`` are escaped, as ``tojson``
    does, so the text cannot close the script."""
    wanted = {key: words[key] for key in SCRIPT_KEYS}
    if wanted == {key: ENGLISH[key] for key in SCRIPT_KEYS} and words.table == "en":
        return ""
    import json

    data = {"lang": words.language, "categories": list(PLURAL_CATEGORIES.get(words.table, PLURAL_CATEGORIES["en"])),
            **wanted}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


def parse_words(r: Any, key: str) -> tuple[tuple[str, str], ...]:
    """``words:`` in show.yml: the show's own text for words of the default theme (``subscribe: Abonnez-vous``).
    A key that is no word of the theme is SRC055 (a warning: it changes nothing); a value that is not text, or whose
    ``{placeholders}`` or ``|`` forms do not fit the word, is SRC056."""
    out = []
    for name, text in r.mapping(key).items():
        where = f"{key}.{name}"
        if name not in ENGLISH:
            from difflib import get_close_matches

            close = get_close_matches(str(name), ENGLISH, n=1)
            r.warn(where, "SRC055", f"{quoted(name, 200)} is not a word of the default theme: it changes nothing",
                   hint=f"did you mean {quoted(close[0], 200)}?" if close else "see docs/templates.md for the words' names")
            continue
        if not isinstance(text, str):
            from .source import what_arrived  # (config, which reads show.yml, has it loaded already)

            r.fail(where, f"expected text, got {what_arrived(text)}", code="SRC056",
                   hint=f"write the word in quotes, e.g. '{name}: \"{ENGLISH[name]}\"'")
            continue
        problem = _misfit(name, text)
        if problem:
            r.fail(where, problem, code="SRC056", hint=f"the default theme's English is {quoted(ENGLISH[name], 200)}")
            continue
        out.append((name, text))
    return tuple(sorted(out))


def _misfit(name: str, text: str) -> str:
    """What does not fit in the show's ``text`` for the word ``name``, or ""."""
    allowed = set(_PLACEHOLDER.findall(ENGLISH[name]))
    unknown = sorted(set(_PLACEHOLDER.findall(text)) - allowed)
    if unknown:
        return (f"{{{unknown[0]}}} is not a value of this word" +
                (f" (it has {', '.join('{' + a + '}' for a in sorted(allowed))})" if allowed else " (it has none)"))
    if name == "months" and len(text.split("|")) != 12:
        return f"expected the 12 month names separated by '|', got {len(text.split('|'))}"
    return ""
