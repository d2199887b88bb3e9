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
def _dumper(cls: type) -> Callable[[Any], dict[str, Any]]:
    """``dump`` of one dataclass, as a function made once per class: the fields in order, plain values copied
    (a thousand episodes are dumped on a cold build, so a loop over ``dataclasses.fields`` shows)."""
    lines = ["def dump_one(value):", "    return {"]
    for index, f in enumerate(dataclasses.fields(cls)):
        lines.append(f"        {f.name!r}: (v{index} if (v{index} := value.{f.name}).__class__ in plain else dump(v{index})),")
    lines.append("    }")
    scope: dict[str, Any] = {"plain": _PLAIN, "dump": dump}
    exec("\n".join(lines), scope)  # noqa: S102 (source made here from field names, not from data)
    made: Callable[[Any], dict[str, Any]] = scope["dump_one"]
    return made


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
            return lambda data: tuple(each(v) for v in data)
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
    for index, name in enumerate(names):
        hint = hints.get(name)
        plain = hint if hint in (str, bool) else None  # int and float: bool is an int, an int is loaded as a float
        scope[f"f{index}"] = fields[name]
        if plain is not None:
            scope[f"t{index}"] = plain
            lines.append(f"    if v{index}.__class__ is not t{index}:")
            lines.append(f"        v{index} = f{index}(v{index})")
        else:
            lines.append(f"    v{index} = f{index}(v{index})")
    lines.append(f"    return cls({''.join(f'v{i}, ' for i in range(len(names)))})")
    exec("\n".join(lines), scope)  # noqa: S102 (source made here from field names, not from data)
    made: Callable[[Any], Any] = scope["load_one"]
    return made


def _primitive(cls: type, data: Any) -> Any:
    if cls is float and isinstance(data, int):
        return float(data)
    if not isinstance(data, cls):
        raise TypeError(f"expected {cls.__name__}, got {type(data).__name__}")
    return data


def _same(data: Any) -> Any:
    return data
