"""Regular expressions compiled when first used, not when their module is imported.

A one-edit rebuild imports ~100 of mediafeed's module-level patterns and uses about a third of them (the rest
check things that are not there: a task list, a table, an SRT transcript, a Lightning address…); compiling
the unused ones took ~6 ms of its ~330 ms (bench/, issue #9). ``lazy(r"…")`` stands where ``re.compile(r"…")``
stood: the first call of a method (``search``, ``sub``…) compiles the pattern and puts the compiled pattern's
bound methods on the object, so later calls cost what a compiled pattern's own do.

Only for patterns used through their methods: ``re.sub(PATTERN, …)`` and ``isinstance(…, re.Pattern)`` want
the real thing (:meth:`LazyPattern.compiled`).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing's constant without importing typing
if TYPE_CHECKING:
    from typing import Any

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "scanner")


class LazyPattern:
    """A pattern and flags, compiled at the first use of a method or attribute of ``re.Pattern``."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compiled = re.compile(self._source, self._flags)
            for name in _METHODS:  # instance attributes from now on: __getattr__ is not asked again
                setattr(self, name, getattr(compiled, name))
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # only for names the instance does not have yet
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done at the pattern's first use (see the module docstring)."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]  # it answers as the Pattern it compiles to


#: what ``re.IGNORECASE`` matches for an ASCII letter beyond its two cases (Python's Unicode case folding)
_FOLDED = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def caseless(pattern: str) -> str:
    """``pattern`` (of literal letters, escapes such as ``\\s`` and classes without letters, such as ``[^>]``) written so
    that it matches, without ``re.IGNORECASE``, exactly what it matches with it: each literal letter a class of what
    the flag lets it match (``p`` → ``[pP]``, ``s`` → ``[sSſ]``). Under the flag the matcher lowercases each character
    it compares; a class is looked up at once: plain_text's search for a tag of ~40 names took three times as long."""
    out = []
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":  # an escape: as it is
            out.append(pattern[at:at + 2])
            at += 2
            continue
        if char == "[":  # a class: as it is, when it holds no letter (else its cases would be wanted too)
            end = pattern.index("]", at + 2)
            if any(c.isascii() and c.isalpha() for c in re.sub(r"\\.", "", pattern[at:end])):  # (\w, \s: as they are)
                raise ValueError(f"caseless: a class with a letter in {pattern!r}")
            out.append(pattern[at:end + 1])
            at = end + 1
            continue
        if char == "(" and pattern[at + 1:at + 2] == "?" and pattern[at + 2:at + 3].isalpha():
            raise ValueError(f"caseless: a group with a name or flags in {pattern!r}")
        if char.isascii() and char.isalpha():
            lower = char.lower()
            out.append(f"[{lower}{lower.upper()}{_FOLDED.get(lower, '')}]")
        else:
            out.append(char)
        at += 1
    return "".join(out)
