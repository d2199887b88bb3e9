"""Frozen dataclasses ⇄ plain JSON values, for the build cache (never pickle: a cache is data, not code)."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from typing import Any

from .precompiled import STORED_INIT, exec_source

_PLAIN = frozenset({str, int, float, bool, type(None)})  #: values that dump as they are


def dump(value: Any) -> Any:
    kind = value.__class__
    if kind in _PLAIN:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _dumper(kind)(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): dump(v) for k, v in value.items()}
    return value


@cache
def _dumper(cls: type, named: bool = True) -> Callable[[Any], Any]:
    """``dump`` of one dataclass, as a function made once per class: the fields in order, plain values copied
    (a thousand episodes are dumped on a cold build, so a loop over ``dataclasses.fields`` shows). ``named``:
    a dict of the fields by name; else the list of their values (:func:`dump_fields`)."""
    lines = ["def dump_one(value):", "    return {" if named else "    return ["]
    for index, f in enumerate(dataclasses.fields(cls)):
        key = f"{f.name!r}: " if named else ""
        lines.append(f"        {key}(v{index} if (v{index} := value.{f.name}).__class__ in plain else dump(v{index})),")
    lines.append("    }" if named else "    ]")
    scope: dict[str, Any] = {"plain": _PLAIN, "dump": dump}
    exec_source("\n".join(lines), scope)  # (source made here from field names, not from data)
    made: Callable[[Any], Any] = scope["dump_one"]
    return made


def dump_fields(value: Any) -> list[Any]:
    """:func:`dump` of a dataclass as the list of its fields' values in their declared order, without their names:
    the build cache's rows of episodes and probes (a thousand of each are read on every rebuild) parse in about half
    the time. Read it back with :func:`load_fields`."""
    return _dumper(value.__class__, named=False)(value)  # type: ignore[no-any-return]


def load_fields(cls: Any, data: Any) -> Any:
    """Rebuild a dataclass from :func:`dump_fields`'s output; raises on any mismatch (another number of values,
    a value of another type), never returns a wrong value."""
    return _fields_loader(cls)(data)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def load(cls: Any, data: Any) -> Any:
    """Rebuild a value of type ``cls`` from :func:`dump`'s output; raises on any mismatch."""
    return _loader(cls)(data)


@cache
def _loader(cls: Any) -> Callable[[Any], Any]:
    """A function loading ``cls``, built once per type (a cache hit must cost microseconds, not type lookups)."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        inner = _loader([a for a in typing.get_args(cls) if a is not type(None)][0])
        return lambda data: None if data is None else inner(data)
    if dataclasses.is_dataclass(cls):
        return _dataclass_loader(cls)
    if origin is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            each = _loader(args[0])

            def load_tuple(data: Any) -> tuple[Any, ...]:
                if data.__class__ is list and not data:  # most of an episode's tuples (chapters, persons…)
                    return ()
                return tuple(each(v) for v in data)
            return load_tuple
        loaders = [_loader(a) for a in args]
        return lambda data: tuple(f(v) for f, v in zip(loaders, data))
    if origin is list:
        each = _loader(typing.get_args(cls)[0])
        return lambda data: [each(v) for v in data]
    if origin is dict:
        return dict
    if cls is datetime:
        return datetime.fromisoformat
    if cls is Path:
        return Path
    if cls in (str, int, float, bool):
        return partial(_primitive, cls)
    return _same


def _dataclass_loader(cls: Any) -> Callable[[Any], Any]:
    """Loads ``cls`` from a dict of its fields, as ``cls(**{name: load(value)})`` would, made once per class.

    The common case, a dict with every field in order (what :func:`dump` writes), runs as generated code
    that checks plain values inline; anything else (missing or extra keys, other order) takes the general
    path, which raises the same errors as calling ``cls`` would."""
    hints = _hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    fields = {name: _loader(hint) for name, hint in hints.items()}

    def general(data: Any) -> Any:
        return cls(**{name: fields[name](value) for name, value in data.items()})

    scope: dict[str, Any] = {"cls": cls, "general": general, "dict": dict, "tuple": tuple}
    lines = ["def load_one(data):",
             f"    if data.__class__ is not dict or len(data) != {len(names)} or tuple(data) != {tuple(names)!r}:",
             "        return general(data)",
             f"    ({''.join(f'v{i}, ' for i in range(len(names)))}) = data.values()"]
    return _generated(cls, "load_one", lines, scope)


@cache
def _fields_loader(cls: Any) -> Callable[[Any], Any]:
    """Loads ``cls`` from the list of its fields' values (:func:`dump_fields`), made once per class."""
    if not dataclasses.is_dataclass(cls) or not all(f.init for f in dataclasses.fields(cls)):
        raise TypeError(f"{cls!r}: only dataclasses whose fields are all set by __init__ dump as rows")
    count = len(dataclasses.fields(cls))
    scope: dict[str, Any] = {"cls": cls, "list": list, "Mismatch": TypeError}
    lines = ["def load_row(data):",
             f"    if data.__class__ is not list or len(data) != {count}:",
             f"        raise Mismatch('expected a list of {count} values')",
             f"    ({''.join(f'v{i}, ' for i in range(count))}) = data"]
    return _generated(cls, "load_row", lines, scope)


def _generated(cls: Any, function: str, lines: list[str], scope: dict[str, Any]) -> Callable[[Any], Any]:
    """``lines`` (a function's head, which binds v0, v1… to the values of ``cls``'s fields in order) completed
    with each field's check or conversion and the call of ``cls``, compiled."""
    hints = _hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    fields = {name: _loader(hint) for name, hint in hints.items()}
    for index, name in enumerate(names):
        hint = hints.get(name)
        # The common values are checked inline, each with the very result its loader gives (a rebuild loads a
        # thousand episodes and probes, most of whose optional fields are None and tuples empty): a value of
        # the exact type (an int may not stand for a float, and bool is an int: those go to the loader), None for
        # an optional field, an empty list for a tuple of any length.
        plain = hint if hint in (str, bool, int, float) else None
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        optional = origin in (typing.Union, types.UnionType) and type(None) in args
        scope[f"f{index}"] = fields[name]
        if plain is not None:
            scope[f"t{index}"] = plain
            lines.append(f"    if v{index}.__class__ is not t{index}:")
            lines.append(f"        v{index} = f{index}(v{index})")
        elif optional:
            lines.append(f"    if v{index} is not None:")
            lines.append(f"        v{index} = f{index}(v{index})")
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            lines.append(f"    v{index} = () if v{index}.__class__ is list and not v{index} else f{index}(v{index})")
        else:
            lines.append(f"    v{index} = f{index}(v{index})")
    lines.append(f"    return cls({''.join(f'v{i}, ' for i in range(len(names)))})")
    exec_source("\n".join(lines), scope)  # (source made here from field names, not from data)
    made: Callable[[Any], Any] = scope[function]
    return made


@cache
def replacer(cls: Any, *names: str) -> Callable[..., Any]:
    """``dataclasses.replace(value, **dict(zip(names, values)))`` as a function of ``(value, *values)``, made once per
    class and names: the other fields are passed on positionally. ``dataclasses.replace`` looks at every field on
    every call; a rebuild replaces each episode's item and media (a thousand of each) to point at its tagged copy."""
    every = [f.name for f in dataclasses.fields(cls)]
    if not all(f.init for f in dataclasses.fields(cls)) or not set(names) <= set(every):
        raise TypeError(f"{cls!r}: cannot replace {names!r}")
    arguments = ", ".join(name if name in names else f"value.{name}" for name in every)
    scope: dict[str, Any] = {"cls": cls}
    lines = [f"def replace_one(value, {', '.join(names)}):"]
    if cls in STORED_INIT and cls.__new__ is object.__new__:
        # cls(...) would store each field in the new instance's __dict__, in field order: a copy of the old instance's
        # dict (same keys, same order) with the changed fields stored over it is that dict, at ~40% of the
        # instructions for Item's 16 fields and Media's 31 (a rebuild copies an item and its media for each episode
        # to point at its tagged copy, and each item again for the feed's checks). An instance of another class (a
        # subclass) or whose dict holds more than the fields goes through cls(...).
        scope["__replace_new__"], scope["__replace_set__"] = object.__new__, object.__setattr__
        lines += ["    __replace_old__ = value.__dict__",
                  f"    if value.__class__ is cls and len(__replace_old__) == {len(every)}:",
                  "        __replace_state__ = __replace_old__.copy()",
                  *(f"        __replace_state__[{name!r}] = {name}" for name in names),
                  "        __replace_made__ = __replace_new__(cls)",
                  "        __replace_set__(__replace_made__, '__dict__', __replace_state__)",
                  "        return __replace_made__"]
    lines.append(f"    return cls({arguments})")
    exec_source("\n".join(lines), scope)  # (field names)
    made: Callable[..., Any] = scope["replace_one"]
    return made


def _primitive(cls: type, data: Any) -> Any:
    if cls is float and isinstance(data, int):
        return float(data)
    if not isinstance(data, cls):
        raise TypeError(f"expected {cls.__name__}, got {type(data).__name__}")
    return data


def _same(data: Any) -> Any:
    return data
