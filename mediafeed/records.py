"""``@record``: ``@dataclass``, with the generated methods compiled ahead instead of at every start.

Start-up is most of a small rebuild, and every run makes the same classes: the standard library compiles each
generated method of a dataclass on its own (``__init__``, ``__repr__``, ``__eq__``; ``__lt__``… with ``order``;
``__hash__``, ``__setattr__`` and ``__delattr__`` when frozen), about 0.15 ms of fixed cost each, and the
model alone has seventeen classes. ``record`` writes the same methods, with the same text (Python 3.11's, the
version mediafeed runs on), into one function per class; ``recordcode.py`` holds those functions compiled with
the package (``python -m mediafeed.records`` writes it), and a class whose text is not there, or not the same,
has it compiled when made. ``dataclasses`` itself still collects the fields (so ``fields``, ``replace``,
``asdict`` and ``is_dataclass`` work as before) and its parameters say what the class is.

``@record`` is ``@dataclass(frozen=True)``; ``@record(frozen=False)`` and ``@record(order=True)`` are
``dataclass``'s own options. A class ``record`` does not make exactly as ``dataclass`` would (a base class,
``ClassVar``, ``InitVar`` or keyword-only fields, ``__post_init__``, a generated method of its own) is handed to
``dataclass`` unchanged. ``tests/test_records.py`` compares each class with its twin made by ``dataclass``.
"""

from __future__ import annotations

import _thread
import functools
import inspect
import sys
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields

TYPE_CHECKING = False  # typing's constant without importing typing (~3.5 ms of a no-change build that lists problems)
if TYPE_CHECKING:
    from typing import Any, TypeVar, dataclass_transform

    T = TypeVar("T")
else:  # what it does at run time (nothing that matters here), without typing
    def dataclass_transform(**_kwargs: Any) -> Any:
        return lambda function: function

_ORDER = ("__lt__", "__le__", "__gt__", "__ge__")
_MADE = ("__init__", "__repr__", "__eq__", *_ORDER, "__hash__", "__setattr__", "__delattr__")


class _Factory:
    """The default an ``__init__`` parameter shows when its field has a ``default_factory`` (as in dataclasses)."""

    def __repr__(self) -> str:
        return "<factory>"


_HAS_DEFAULT_FACTORY = _Factory()


def _recursive_repr(user_function: Any) -> Any:
    """``...`` for an object met again while its own repr is made (dataclasses' guard, in the same words)."""
    repr_running: set[tuple[int, int]] = set()

    @functools.wraps(user_function)
    def wrapper(self: Any) -> str:
        key = id(self), _thread.get_ident()
        if key in repr_running:
            return "..."
        repr_running.add(key)
        try:
            result = user_function(self)
        finally:
            repr_running.discard(key)
        return result
    return wrapper


def _plain(cls: type) -> bool:
    """Whether ``record`` makes ``cls`` exactly: no base class, none of the generated methods or ``__post_init__``
    of its own, only plain fields (no ``ClassVar``, ``InitVar`` or keyword-only ones, none called ``self``)."""
    notes = cls.__dict__.get("__annotations__", {})
    return (cls.__bases__ == (object,) and not any(name in cls.__dict__ for name in (*_MADE, "__post_init__"))
            and "self" not in notes
            and not any(word in str(note) for note in notes.values() for word in ("ClassVar", "InitVar", "KW_ONLY"))
            and not any(isinstance(value, Field) and value.kw_only is True for value in cls.__dict__.values()))


@dataclass_transform(frozen_default=True, field_specifiers=(field,))  # type checkers: as dataclass(frozen=True)
def record(cls: Any = None, /, *, frozen: bool = True, order: bool = False) -> Any:
    """``@dataclass(frozen=True)`` (or with these options), its methods compiled ahead (see the module's text)."""
    if cls is None:
        return functools.partial(_make, frozen=frozen, order=order)
    return _make(cls, frozen=frozen, order=order)


def _make(cls: type[T], *, frozen: bool, order: bool) -> type[T]:
    if not _plain(cls):
        return dataclass(frozen=frozen, order=order)(cls)
    documented = bool(cls.__doc__)
    if not documented:  # dataclasses would describe it by the signature it has before its __init__ (object's)
        cls.__doc__ = cls.__name__
    made: Any = dataclass(init=False, repr=False, eq=False)(cls)
    flds = fields(made)
    if len(flds) != len(made.__dataclass_fields__) or any(f.kw_only for f in flds):  # pragma: no cover
        raise TypeError(f"{cls.__qualname__}: a field record cannot make (see records._plain)")
    _add_methods(made, flds, frozen, order)
    params = made.__dataclass_params__
    params.init = params.repr = params.eq = True
    params.frozen, params.order = frozen, order
    if not documented:
        made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
    return made


def _add_methods(cls: type, flds: tuple[Any, ...], frozen: bool, order: bool) -> None:
    text, scope, names = source(cls, flds, frozen, order)
    factory = _precompiled(cls, text)
    if factory is None:
        module = sys.modules.get(cls.__module__)
        namespace: dict[str, Any] = {}
        code = compile(text, "<string>", "exec", dont_inherit=True)  # not this module's `annotations` future
        exec(code, module.__dict__ if module is not None else {}, namespace)  # noqa: S102 - our text, as dataclasses does
        factory = namespace["__create_fn__"]
    for name, function in zip(names, factory(**scope)):
        if name == "__repr__":
            function = _recursive_repr(function)
        function.__qualname__ = f"{cls.__qualname__}.{function.__name__}"
        setattr(cls, name, function)
    if not frozen:
        cls.__hash__ = None  # type: ignore[assignment]  # as dataclasses does for a mutable class with __eq__


def _precompiled(cls: type, text: str) -> Any:
    """The factory compiled ahead in ``recordcode`` from exactly ``text``, or None (then ``text`` is compiled)."""
    try:
        from . import recordcode
    except ImportError:  # pragma: no cover - a package without it still works, at the old start-up cost
        return None
    key = f"{cls.__module__}.{cls.__qualname__}"
    return recordcode.FACTORIES.get(key) if recordcode.TEXTS.get(key) == text else None


def source(cls: type, flds: tuple[Any, ...], frozen: bool = True,
           order: bool = False) -> tuple[str, dict[str, Any], tuple[str, ...]]:
    """The text of a function that makes the methods of ``cls``, the arguments to call it with and the names of
    the methods it returns: the same text, line for line, as ``dataclasses`` compiles for each method."""
    scope: dict[str, Any] = {"cls": cls, "FrozenInstanceError": FrozenInstanceError} if frozen else {}
    scope.update({"__dataclass_builtins_object__": object, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
                  "_return_type": None})
    params, body = [], []
    seen_default = False
    for f in flds:
        scope[f"_type_{f.name}"] = f.type
        value = f.name
        if f.default_factory is not MISSING:
            scope[f"_dflt_{f.name}"] = f.default_factory
            value = f"_dflt_{f.name}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}"
            params.append(f"{f.name}:_type_{f.name}=_HAS_DEFAULT_FACTORY")
            seen_default = True
        elif f.default is not MISSING:
            scope[f"_dflt_{f.name}"] = f.default
            params.append(f"{f.name}:_type_{f.name}=_dflt_{f.name}")
            seen_default = True
        else:
            if seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
            params.append(f"{f.name}:_type_{f.name}")
        body.append(f"  __dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})" if frozen
                    else f"  self.{f.name}={value}")
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in flds if f.repr)
    compared = [f.name for f in flds if f.compare]
    hashed = [f.name for f in flds if (f.compare if f.hash is None else f.hash)]
    every = "(" + ",".join(repr(f.name) for f in flds) + ",)" if flds else "()"
    lines = [
        f"def __create_fn__({', '.join(scope)}):",
        f" def __init__({','.join(['self', *params])})->_return_type:",
        *(body or ["  pass"]),
        " def __repr__(self):",
        f'  return self.__class__.__qualname__ + f"({shown})"',
    ]
    names = ["__init__", "__repr__"]
    for name, op in [("__eq__", "=="), *(zip(_ORDER, ("<", "<=", ">", ">=")) if order else ())]:
        lines += [f" def {name}(self, other):",
                  "  if other.__class__ is self.__class__:",
                  f"   return {_tuple('self', compared)}{op}{_tuple('other', compared)}",
                  "  return NotImplemented"]
        names.append(name)
    if frozen:
        lines += [
            " def __hash__(self):",
            f"  return hash({_tuple('self', hashed)})",
            " def __setattr__(self, name, value):",
            f"  if type(self) is cls or name in {every}:",
            '   raise FrozenInstanceError(f"cannot assign to field {name!r}")',
            "  super(cls, self).__setattr__(name, value)",
            " def __delattr__(self, name):",
            f"  if type(self) is cls or name in {every}:",
            '   raise FrozenInstanceError(f"cannot delete field {name!r}")',
            "  super(cls, self).__delattr__(name)",
        ]
        names += ["__hash__", "__setattr__", "__delattr__"]
    lines += [f" return {', '.join(names)}", ""]
    return "\n".join(lines), scope, tuple(names)


def _tuple(obj: str, names: list[str]) -> str:
    return f"({','.join(f'{obj}.{name}' for name in names)},)" if names else "()"


#: the modules whose records are compiled ahead into ``recordcode.py``
PRECOMPILED = tuple(f"mediafeed.{name}" for name in (
    "model", "errors", "episodes", "tagging", "transcripts", "notes", "feed", "archives", "parallel", "output", "build",
    "ledger", "catalogue", "lint", "checks.rules", "checks.feedxml", "checks.http", "checks.history", "checks.online",
    "audio.tagset", "audio.tagger", "audio.mpeg", "audio.mp4"))
HEADER = '''"""Generated by ``python -m mediafeed.records`` from the records in {modules}: do not edit.

The methods of each record (dataclass) there, compiled with the package rather than at every start: ``records.record``
uses a factory only while its text is exactly the one ``records.source`` makes for the class now (a class edited
since compiles its own, as before, until this file is written again; ``tests/test_records.py`` says when).
"""
# ruff: noqa
# mypy: ignore-errors

TEXTS = {{}}  # "module.Class" -> the text compiled below
FACTORIES = {{}}  # "module.Class" -> its compiled factory
'''


def generate() -> str:
    """The text of ``recordcode.py`` for the records in :data:`PRECOMPILED` as they are now."""
    import importlib

    parts = [HEADER.format(modules=", ".join(PRECOMPILED))]
    for name in PRECOMPILED:
        module = importlib.import_module(name)
        for cls in vars(module).values():
            params = getattr(cls, "__dataclass_params__", None)
            if isinstance(cls, type) and cls.__module__ == name and params is not None and cls.__bases__ == (object,):
                key = f"{name}.{cls.__qualname__}"
                text, _, _ = source(cls, fields(cls), params.frozen, params.order)
                parts.append(f"\nTEXTS[{key!r}] = {text!r}\n{text}FACTORIES[{key!r}] = __create_fn__\n")
    return "".join(parts)


def main() -> None:
    from pathlib import Path

    target = Path(__file__).with_name("recordcode.py")
    target.write_text(generate(), encoding="utf-8")
    print(target)


if __name__ == "__main__":
    from mediafeed.records import main as run  # the package's module, not a second copy of it

    run()
