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
