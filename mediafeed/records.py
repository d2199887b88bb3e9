"""``@dataclass`` at a third of its import cost: the decorators every record class of mediafeed uses.

Python 3.11's ``dataclass`` writes each method it adds as source text and compiles it (``exec``): six
functions for a frozen class (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``,
``__delattr__``), three for a plain one. Every command imports about forty of these classes before it does
anything, and compiling their ~240 functions was the largest single item of a rebuild's start-up (17.5 ms of
a one-edit rebuild of 1,000 episodes, ~5%; ``bench/``).

:func:`frozen` and :func:`mutable` let ``dataclass`` write only what must be compiled per class (``__init__``,
and for a frozen class its ``__setattr__``/``__delattr__``) and give ``__eq__``, ``__hash__`` and ``__repr__``
as closures over an :func:`operator.attrgetter` of the class's fields. They behave as ``dataclass``'s own:

* ``__eq__``: instances of the very same class compare their ``compare`` fields as a tuple, else
  ``NotImplemented``;
* ``__hash__`` (frozen): the hash of the tuple of the fields ``hash`` (default: ``compare``) selects; a plain
  class is unhashable (``__hash__ = None``), as a ``dataclass`` with ``eq`` is;
* ``__repr__``: ``Name(field=value, …)`` over the ``repr`` fields, with ``...`` for a recursive reference;
* a method the class body defines itself is kept, as ``dataclass`` keeps it.

``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work as before (the classes are dataclasses;
only ``__dataclass_params__`` says ``eq=False, repr=False``). ``tests/test_records.py`` holds them to
``dataclass``'s behaviour class by class.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from reprlib import recursive_repr
from typing import TYPE_CHECKING, Any, TypeVar

from .precompiled import dataclass

T = TypeVar("T")


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function returning the tuple of ``names``' values of an object (``attrgetter`` returns a bare value
    for one name)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return lambda self: ()


def _finish(cls: type[T], frozen: bool) -> type[T]:
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    own = cls.__dict__
    key = _getter([f.name for f in fields if f.compare])
    if "__eq__" not in own:
        def __eq__(self: Any, other: Any) -> Any:
            if other.__class__ is self.__class__:
                return key(self) == key(other)
            return NotImplemented

        _attach(cls, __eq__)
    # dataclass's rule: a __hash__ the body sets is kept; Python's own None beside a body's __eq__ is not one
    own_hash = own.get("__hash__", dataclasses.MISSING)
    if own_hash is dataclasses.MISSING or (own_hash is None and "__eq__" in own):
        if frozen:
            hashed = _getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)])

            def __hash__(self: Any) -> int:
                return hash(hashed(self))

            _attach(cls, __hash__)
        else:
            cls.__hash__ = None  # type: ignore[assignment]
    if "__repr__" not in own:
        shown = [f.name for f in fields if f.repr]

        @recursive_repr()
        def __repr__(self: Any) -> str:
            return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"

        _attach(cls, __repr__)
    return cls


def _attach(cls: type, method: Callable[..., Any]) -> None:
    method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
    method.__module__ = cls.__module__
    setattr(cls, method.__name__, method)


if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @dataclass_transform(frozen_default=True)
    def frozen(cls: type[T], /) -> type[T]: ...

    @dataclass_transform()
    def mutable(cls: type[T], /) -> type[T]: ...
else:
    def frozen(cls):
        """``@dataclass(frozen=True)``."""
        return _finish(dataclass(cls, frozen=True, eq=False, repr=False), frozen=True)

    def mutable(cls):
        """``@dataclass``."""
        return _finish(dataclass(cls, eq=False, repr=False), frozen=False)
