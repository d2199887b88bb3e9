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

A frozen class's ``__init__`` stores its fields straight into the instance's ``__dict__`` (:func:`direct_init`) where
``dataclass`` writes one ``object.__setattr__(self, name, value)`` call per field: the same values in the same dict in
the same order, at about a third of the instructions (a one-edit rebuild of 1,000 episodes makes ~6,000 records of
16-34 fields: 1,000 episodes and 2,000 probes read from the cache, 2,000 feed items, ~1,000 folders).
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
    plain = options.get("frozen") and not options.get("slots") and _plain_fields(cls)  # (slots: made after __init__)
    own_init = "__init__" in vars(cls) or not options.get("init", True)
    namespace["exec"] = _frozen_exec if plain else exec_source
    try:
        made = dataclasses.dataclass(cls, **options)
    finally:
        namespace.pop("exec", None)
    if plain and not own_init and made is cls and not hasattr(cls, "__post_init__"):
        STORED_INIT.add(cls)
    return made


#: Frozen classes made by :func:`dataclass` whose ``__init__`` (``dataclass``'s own) does nothing but store each
#: argument in the instance's ``__dict__`` under its field's name, in field order (plain fields, no ``__post_init__``):
#: ``cls(*values)`` of such a class is an instance whose ``__dict__`` holds exactly its fields (``codec.replacer``)
STORED_INIT: "set[type]" = set()


#: one line of a frozen class's ``__init__`` as ``dataclass`` writes it (3.11-3.13: ``_field_assign``), for a field
#: whose value is a plain expression of the arguments: ``  __dataclass_builtins_object__.__setattr__(self,'name',value)``
_FROZEN_STORE = "  __dataclass_builtins_object__.__setattr__("
#: the instance's ``__dict__`` in :func:`direct_init`'s code (a name no field can take: dataclass's own are alike)
_DICT = "__dataclass_self_dict__"


def direct_init(source: str) -> str:
    """A frozen class's ``__init__`` source as ``dataclass`` wrote it, each ``object.__setattr__(self, 'name', value)``
    made ``self.__dict__['name'] = value``: for a class whose fields are plain attributes of its instances (no slots,
    no descriptor among them: see :func:`_plain_fields`) ``object.__setattr__`` does exactly that, through a slot
    wrapper's checks and a generic attribute lookup per field (~1,400 instructions a field, against ~300). The
    instance's dict is asked for once (Python 3.11 makes it then: instances of classes of up to 30 fields keep their
    values inline until something asks). Any other source (not an ``__init__``, no such line, a line of another
    shape) is returned as it is."""
    lines = source.split("\n")
    if len(lines) < 3 or not lines[1].startswith(" def __init__("):
        return source
    made, self_name = [], None
    for line in lines:
        if line.startswith(_FROZEN_STORE) and line.endswith(")"):
            target, sep, rest = line[len(_FROZEN_STORE):-1].partition(",")
            name, sep2, value = rest.partition(",")
            if not (sep and sep2 and target.isidentifier() and len(name) > 2 and name[0] == name[-1] == "'"
                    and name[1:-1].isidentifier() and value) or self_name not in (None, target):
                return source
            if self_name is None:
                self_name = target
                made.append(f"  {_DICT}={target}.__dict__")
            made.append(f"  {_DICT}[{name}]={value}")
        elif "__dataclass_builtins_object__.__setattr__" in line:  # (a shape not known here)
            return source
        else:
            made.append(line)
    return "\n".join(made)


def _frozen_exec(source: "Any", globals: "dict[str, Any] | None" = None, locals: "dict[str, Any] | None" = None, /) -> None:
    """:func:`exec_source` for ``dataclass(frozen=True)``: its ``__init__`` as :func:`direct_init` makes it."""
    if globals is None:
        globals = sys._getframe(1).f_globals
    exec_source(direct_init(source) if isinstance(source, str) else source, globals, locals)


def _plain_fields(cls: "Any") -> bool:
    """Whether every attribute ``cls``'s instances could be given lives in their ``__dict__``: no class of its MRO
    has ``__slots__`` or a data descriptor (a property, a slot) under a name it annotates, so that
    ``object.__setattr__`` would store each field's value in the instance's dict, as :func:`direct_init` does."""
    mro = [k for k in getattr(cls, "__mro__", ()) if k is not object]
    if not mro or any("__slots__" in vars(k) for k in mro):
        return False
    for k in mro:
        for name in vars(k).get("__annotations__", {}):
            for owner in mro:
                if name in vars(owner):
                    found = type(vars(owner)[name])
                    if hasattr(found, "__set__") or hasattr(found, "__delete__"):
                        return False
                    break
    return True
