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


def dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
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
        fields = {name: _loader(hint) for name, hint in _hints(cls).items()}
        return lambda data: cls(**{name: fields[name](value) for name, value in data.items()})
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


def _primitive(cls: type, data: Any) -> Any:
    if cls is float and isinstance(data, int):
        return float(data)
    if not isinstance(data, cls):
        raise TypeError(f"expected {cls.__name__}, got {type(data).__name__}")
    return data


def _same(data: Any) -> Any:
    return data
