"""Frozen dataclasses ⇄ plain JSON values, for the build cache (never pickle: a cache is data, not code)."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from functools import cache
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
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(cls) if a is not type(None)]
        if data is None:
            return None
        return load(args[0], data)
    if dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        return cls(**{name: load(hints[name], value) for name, value in data.items()})
    if origin is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(load(args[0], v) for v in data)
        return tuple(load(a, v) for a, v in zip(args, data))
    if origin is list:
        return [load(typing.get_args(cls)[0], v) for v in data]
    if origin is dict:
        return dict(data)
    if cls is datetime:
        return datetime.fromisoformat(data)
    if cls is Path:
        return Path(data)
    if cls is float and isinstance(data, int):
        return float(data)
    if cls in (str, int, float, bool) and not isinstance(data, cls):
        raise TypeError(f"expected {cls.__name__}, got {type(data).__name__}")
    return data
