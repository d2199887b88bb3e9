"""``records.record`` makes the classes ``dataclass(frozen=True)`` makes, from code compiled ahead."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import pickle
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

import pytest

from mediafeed import model, recordcode, records

MODEL = [cls for cls in vars(model).values() if isinstance(cls, type) and cls.__module__ == model.__name__
         and dataclasses.is_dataclass(cls)]
EVERY = [cls for name in records.PRECOMPILED for cls in vars(importlib.import_module(name)).values()
         if isinstance(cls, type) and cls.__module__ == name and dataclasses.is_dataclass(cls)]
MADE = records._MADE  # the six methods


def twin(cls: type) -> type:
    """``cls`` as the standard library's ``dataclass`` makes it from the same class body and options."""
    body: dict[str, Any] = {k: v for k, v in vars(cls).items()
                            if k not in (*MADE, "__dataclass_fields__", "__dataclass_params__", "__match_args__",
                                         "__dict__", "__weakref__", "__doc__")}
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        body["__doc__"] = cls.__doc__
    for f in dataclasses.fields(cls):
        body[f.name] = dataclasses.field(default=f.default, default_factory=f.default_factory, init=f.init,
                                         repr=f.repr, hash=f.hash, compare=f.compare, metadata=dict(f.metadata) or None)
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    return dataclasses.dataclass(frozen=params.frozen, order=params.order)(type(cls.__name__, (), body))


def code_of(owner: type, function: Any) -> tuple[Any, ...]:
    function = getattr(function, "__wrapped__", function)
    c = function.__code__
    return (c.co_code, c.co_consts, c.co_names, c.co_varnames, c.co_freevars, c.co_argcount, c.co_flags,
            c.co_qualname, function.__qualname__, function.__name__, function.__defaults__, function.__kwdefaults__,
            function.__annotations__,
            ["cls" if cell.cell_contents is owner else cell.cell_contents for cell in function.__closure__ or ()])


def samples(cls: type) -> list[Any]:
    """Two instances of ``cls`` that differ in every field but the defaults' kinds, made from plain values."""
    values: list[dict[str, Any]] = [{}, {}]
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            continue
        kind = str(f.type)
        for index, instance in enumerate(values):
            if "datetime" in kind:
                instance[f.name] = datetime(2026, 1, 1 + index, tzinfo=UTC)
            elif kind in ("int", "float"):
                instance[f.name] = 7 + index
            elif kind == "Path":
                instance[f.name] = Path(f"/show/{index}")
            elif kind == "Owner":
                instance[f.name] = model.Owner(f"n{index}", "e@example.org")
            elif kind in ("Episode", "Media"):
                instance[f.name] = samples(getattr(model, kind))[index]
            else:
                instance[f.name] = f"text {index}"
    if not values[1]:  # every field has a default: the second differs in its first field
        values[1][dataclasses.fields(cls)[0].name] = "other"
    return [cls(**v) for v in values]


@pytest.mark.parametrize("cls", EVERY, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_a_record_is_the_dataclass_the_standard_library_makes(cls: type) -> None:
    """The same signature, fields, parameters and methods (the same code, constants, names and defaults)."""
    other = twin(cls)
    assert str(inspect.signature(cls)) == str(inspect.signature(other))
    assert cls.__doc__ == other.__doc__
    assert cls.__match_args__ == other.__match_args__  # type: ignore[attr-defined]
    assert repr(cls.__dataclass_params__) == repr(other.__dataclass_params__)  # type: ignore[attr-defined]
    assert [repr(f) for f in dataclasses.fields(cls)] == [repr(f) for f in dataclasses.fields(other)]
    assert [n for n in MADE if n in vars(cls)] == [n for n in MADE if n in vars(other)]
    assert (cls.__hash__ is None) == (other.__hash__ is None)  # a mutable record: unhashable
    same_python = sys.version_info[:2] == (3, 11)  # records write Python 3.11's text
    for name in (n for n in MADE if same_python and vars(other).get(n) is not None):
        mine, theirs = code_of(cls, getattr(cls, name)), code_of(other, getattr(other, name))
        if name == "__init__":  # our default for a default_factory is another object with the same repr
            mine, theirs = repr(mine).replace(repr(records._HAS_DEFAULT_FACTORY), "F"), repr(theirs).replace(
                repr(dataclasses._HAS_DEFAULT_FACTORY), "F")  # type: ignore[attr-defined]
        assert mine == theirs, name
    assert cls.__init__.__code__.co_filename == recordcode.__file__, "run: python -m mediafeed.records"


@pytest.mark.parametrize("cls", MODEL, ids=lambda c: c.__name__)
def test_a_model_record_behaves_as_the_frozen_dataclass(cls: type) -> None:
    other = twin(cls)
    first, second = samples(cls)
    same = copy.copy(first)
    assert (first == same, first == second, first != second, hash(first) == hash(same)) == (True, False, True, True)
    assert first.__eq__(object()) is NotImplemented
    twin_first = other(**{f.name: getattr(first, f.name) for f in dataclasses.fields(cls)})
    assert repr(first).replace(cls.__qualname__, "X") == repr(twin_first).replace(other.__qualname__, "X")
    assert hash(first) == hash(twin_first)
    assert dataclasses.replace(first) == first and dataclasses.asdict(first) == dataclasses.asdict(twin_first)
    name = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot assign to field '{name}'"):
        setattr(first, name, None)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'anything'"):
        delattr(first, "anything")
    if cls is not model.Item:  # an Item holds a function (its notes), which pickle does not take
        assert pickle.loads(pickle.dumps(first)) == first


def test_the_compiled_methods_are_those_of_the_model_as_it_is() -> None:
    """recordcode.py is what the generator writes now (after an edit to the model, run the command below)."""
    assert Path(recordcode.__file__).read_text(encoding="utf-8") == records.generate(), \
        "run: python -m mediafeed.records"


def test_a_record_not_compiled_ahead_is_compiled_when_made() -> None:
    @records.record
    class Point:
        x: int
        y: int = 0
        tags: dict[str, str] = dataclasses.field(default_factory=dict, compare=False)
        label: str = dataclasses.field(default="", repr=False)

    other = twin(Point)
    assert Point.__init__.__code__.co_filename == "<string>"
    assert str(inspect.signature(Point)) == str(inspect.signature(other))
    assert Point.__doc__ == other.__doc__ == "Point(x: 'int', y: 'int' = 0, tags: 'dict[str, str]' = <factory>, label: 'str' = '')"
    p = Point(1, 2, {"a": "b"}, "hidden")
    assert repr(p) == "test_a_record_not_compiled_ahead_is_compiled_when_made.<locals>.Point(x=1, y=2, tags={'a': 'b'})"
    assert p == Point(1, 2, {}, "hidden") and p != Point(1, 2, {}, "other") and hash(p) == hash((1, 2, "hidden"))
    assert Point(1).tags == {} and Point(1).tags is not Point(1).tags


def test_what_a_record_cannot_make_exactly_is_left_to_dataclasses() -> None:
    @records.record
    class Base:
        x: int

    @records.record
    class Child(Base):
        y: int = 0

        def __post_init__(self) -> None:
            pass

    assert Child.__init__.__code__.co_filename == "<string>" and Child(1, 2) == Child(1, 2)

    @records.record
    class Counted:
        total: ClassVar[int] = 0
        x: int = dataclasses.field(default=0, kw_only=True)

    assert [f.name for f in dataclasses.fields(Counted)] == ["x"] and Counted(x=2) == Counted(x=2)
    with pytest.raises(TypeError):
        Counted(2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="non-default argument 'y' follows default argument"):
        @records.record
        class Wrong:
            x: int = 0
            y: int


def test_a_recursive_repr_stops() -> None:
    @records.record
    class Box:
        items: list[Any]

    box = Box([])
    box.items.append(box)
    assert repr(box) == "test_a_recursive_repr_stops.<locals>.Box(items=[...])"
