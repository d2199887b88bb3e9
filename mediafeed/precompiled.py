"""The Python that mediafeed writes at run time, compiled ahead of time.

``dataclass`` writes each method it adds (``__init__``, a frozen class's ``__setattr__``…) as source text and
compiles it with ``exec``, and :mod:`.codec` does the same for its dump and load functions: a one-edit rebuild
of 1,000 episodes compiled ~140 such sources, ~83,000 characters, 12-13% of its instructions (callgrind; ~40 ms),
every time, to the same code. :mod:`.precompiled_table` holds that code, made by ``scripts/precompile.py`` and
compiled to bytecode when the package is installed, as any module is; :func:`exec_source` takes a source's
function from there when the table has that very source, and compiles it as ``exec`` would otherwise (another
Python, a record class changed since the table was made: slower, never different).

:func:`dataclass` is ``dataclasses.dataclass`` with its ``exec`` answered by :func:`exec_source` while it works:
``dataclass`` looks ``exec`` up in its module's namespace, where a name set for the duration of the call shadows
the builtin. Any other class made meanwhile (another thread) gets the same code either way.
"""

# No ``from __future__ import annotations`` here: ``exec`` compiles with the future flags of the module that calls it,
# and the sources this module compiles must be compiled as dataclass's own module compiles them (annotations
# evaluated). The annotations below are strings instead.
import builtins
import dataclasses
import sys
import types

TYPE_CHECKING = False  # typing's constant without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

_table: "dict[str, tuple[Callable[..., Any], str]] | None" = None


def table() -> "dict[str, tuple[Callable[..., Any], str]]":
    """source text → (its function as compiled ahead, the name the source gives it); empty when the table
    cannot be loaded."""
    global _table
    found = _table
    if found is None:
        try:
            from .precompiled_table import SOURCES
        except ImportError:  # pragma: no cover - a package without it
            SOURCES = {}  # noqa: N806
        found = _table = SOURCES  # type: ignore[assignment]  # (the table's module is not type-checked)
    assert found is not None
    return found


def exec_source(source: "Any", globals: "dict[str, Any] | None" = None, locals: "dict[str, Any] | None" = None, /) -> None:
    """``exec(source, globals, locals)`` for a source that defines one function at its top level (what
    ``dataclass`` and :mod:`.codec` write): the function compiled ahead when the table has this source, bound
    to ``globals`` as ``exec`` would bind it."""
    if globals is None:  # exec's default: the caller's
        globals = sys._getframe(1).f_globals
    found = table().get(source) if isinstance(source, str) else None
    if found is None:
        builtins.exec(source, globals, locals)  # noqa: S102 (the caller's own source, as it asked)
        return
    made, name = found
    code = made.__code__.replace(co_name=name, co_qualname=name)
    (globals if locals is None else locals)[name] = types.FunctionType(code, globals, name)


def dataclass(cls: "Any" = None, /, **options: "Any") -> "Any":
    """``dataclasses.dataclass(cls, **options)`` (or the decorator it returns), its methods from the table."""
    if cls is None:
        return lambda later: dataclass(later, **options)
    namespace = vars(dataclasses)
    if "exec" in namespace:  # someone else's: left alone
        return dataclasses.dataclass(cls, **options)
    namespace["exec"] = exec_source
    try:
        return dataclasses.dataclass(cls, **options)
    finally:
        namespace.pop("exec", None)
