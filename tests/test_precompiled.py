"""precompiled: the sources mediafeed gives exec at run time, compiled ahead, give the very code exec would."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
import subprocess
import sys
import types
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from mediafeed import precompiled
from mediafeed.errors import Problem, Severity
from mediafeed.model import Episode
from mediafeed.precompiled_table import SOURCES, VERSION

ROOT = Path(__file__).resolve().parent.parent
SAME_PYTHON = VERSION == tuple(sys.version_info[:2])


def _shape(code: types.CodeType) -> tuple[object, ...]:
    """What a code object does, without where it was written (file, line numbers, its own and its parents' names)."""
    consts = tuple(_shape(c) if isinstance(c, types.CodeType) else (type(c), c) for c in code.co_consts)
    return (code.co_code, consts, code.co_names, code.co_varnames, code.co_freevars, code.co_cellvars,
            code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_flags, code.co_stacksize,
            code.co_exceptiontable)


def test_every_function_of_the_table_is_its_source_compiled() -> None:
    """On every Python, not only the one that made the table: a source the table has (the codec's, some of 3.12's
    dataclass methods) must give there too the very code exec would (3.12.1 and 3.13.0: all 231 do)."""
    assert len(SOURCES) > 100
    for source, (made, name) in SOURCES.items():
        module = compile(source, "<string>", "exec", dont_inherit=True)  # as dataclasses compiles it: no future import
        (own,) = [c for c in module.co_consts if isinstance(c, types.CodeType)]
        assert own.co_name == name
        assert _shape(made.__code__) == _shape(own), source[:120]


@pytest.mark.skipif(not SAME_PYTHON, reason=f"the table was made with Python {VERSION}")
def test_the_table_has_every_source_a_build_and_every_module_hand_to_exec() -> None:
    """Fails after a record class or codec's code generation changed until ``python scripts/precompile.py`` is run."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "precompile.py"), "--check"],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 missing" in done.stdout


def test_a_record_class_gets_the_tables_methods_and_behaves_as_a_dataclass() -> None:
    init = Episode.__init__
    assert init.__qualname__ == "Episode.__init__"
    assert init.__annotations__["slug"] == dataclasses.fields(Episode)[0].type  # as dataclass's own exec gives them
    if SAME_PYTHON:
        assert init.__code__.co_filename.endswith("precompiled_table.py")
    one = Problem(file="a", code="X001", severity=Severity.ERROR, message="m")
    assert one == Problem(file="a", code="X001", severity=Severity.ERROR, message="m")
    assert one < Problem(file="b", code="X001", severity=Severity.ERROR, message="m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.file = "b"  # type: ignore[misc]
    assert "exec" not in vars(dataclasses)  # the hook lasts for the call only


def test_a_source_the_table_lacks_is_compiled_as_exec_would_with_the_callers_globals() -> None:
    scope = {"factor": 3, "number": int}
    precompiled.exec_source("def triple(x: number):\n    return x * factor", scope)
    assert scope["triple"](2) == 6  # type: ignore[operator]
    assert scope["triple"].__annotations__ == {"x": int}  # type: ignore[attr-defined]  # not the future's strings
    made: dict[str, object] = {}
    precompiled.exec_source("def named():\n    return __name__", None, made)
    assert made["named"]() == __name__  # type: ignore[operator]  # exec's default globals: the caller's


def test_a_source_the_table_has_is_bound_to_the_globals_it_is_given() -> None:
    source = next(s for s in SOURCES if s.startswith("def dump_one("))
    scope: dict[str, object] = {"plain": frozenset({str}), "dump": lambda value: f"<{value}>"}
    precompiled.exec_source(source, scope)
    function = scope["dump_one"]
    assert isinstance(function, types.FunctionType)
    assert function.__globals__ is scope and function.__name__ == "dump_one" and function.__code__.co_name == "dump_one"


def _made_by(decorate: Callable[..., Any], **options: Any) -> type:
    @decorate(**options)
    class Made:
        number: int
        items: list[int] = dataclasses.field(default_factory=list)
        label: str = "x"
        hidden: int = dataclasses.field(default=5, init=False, repr=False, compare=False)
        _: dataclasses.KW_ONLY
        keyword: int = 2

    return Made


def _described(cls: type) -> list[object]:
    """What dataclass gave ``cls``: each method's names, signature, defaults and annotations, and the class's
    match arguments, slots and fields."""
    methods = [(name, f.__qualname__, f.__name__, str(inspect.signature(f)), f.__defaults__, f.__kwdefaults__,
                f.__annotations__) for name, f in sorted(vars(cls).items()) if inspect.isfunction(f)]
    return [methods, cls.__match_args__, vars(cls).get("__slots__"), str(inspect.signature(cls)),  # type: ignore[attr-defined]
            [(f.name, f.type, f.default, f.default_factory, f.init, f.kw_only) for f in dataclasses.fields(cls)]]


def _behaviour(cls: type) -> list[object]:
    one = cls(1, keyword=3)
    seen: list[object] = [repr(one), one == cls(1, keyword=3), one == cls(2), repr(dataclasses.replace(one, label="y"))]
    for attempt in (lambda: hash(one), lambda: setattr(one, "number", 9), lambda: delattr(one, "label"), lambda: cls(),
                    lambda: cls(1, [], "x", 4), lambda: one < cls(2)):
        try:
            seen.append(attempt())
        except Exception as exc:  # the very error dataclass's own methods raise
            seen.append((type(exc), str(exc).replace(cls.__qualname__, "Made")))
    return seen


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"order": True}, {"slots": True},
                                     {"frozen": True, "slots": True}, {"unsafe_hash": True}])
def test_a_class_the_table_lacks_gets_what_dataclass_gives(options: dict[str, Any]) -> None:
    """The fall-back (a source the table lacks, any class on another Python: 3.13 writes all of a class's methods
    as one source) compiles it with the caller's globals, as dataclasses does."""
    ours, theirs = _made_by(precompiled.dataclass, **options), _made_by(dataclasses.dataclass, **options)
    assert _described(ours) == _described(theirs)
    assert _behaviour(ours) == _behaviour(theirs)
    assert "exec" not in vars(dataclasses)


def test_a_frozen_class_stores_its_fields_in_the_instances_dict_as_dataclass_does() -> None:
    """precompiled.direct_init: a frozen class's __init__ writes each field into the instance's dict itself, not through
    object.__setattr__ (a third of the instructions), and leaves the very dict dataclass's own __init__ leaves."""
    ours, theirs = _made_by(precompiled.dataclass, frozen=True), _made_by(dataclasses.dataclass, frozen=True)
    for args, kwargs in (((1,), {}), ((2, [3], "y"), {"keyword": 4}), ((0,), {"items": [], "label": ""})):
        made, own = ours(*args, **kwargs), theirs(*args, **kwargs)
        assert list(vars(made).items()) == list(vars(own).items())
    assert "__setattr__" not in ours.__init__.__code__.co_names
    assert "__setattr__" in theirs.__init__.__code__.co_names
    for cls in (Episode, Problem):  # the package's records: from the table (same Python), stored directly
        assert "__setattr__" not in cls.__init__.__code__.co_names  # type: ignore[misc]
    episode = Episode(slug="a", source="episodes/a/episode.md", title="A", date=datetime(2024, 1, 2, tzinfo=UTC),
                      guid="g", audio="a.mp3")
    assert [name for name in vars(episode)] == [f.name for f in dataclasses.fields(Episode)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        episode.title = "B"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(episode)) == episode and hash(dataclasses.replace(episode)) == hash(episode)


class _Doubled:
    """A data descriptor: object.__setattr__ calls its __set__, which a store into the instance's dict would skip."""

    def __get__(self, obj: Any, owner: Any = None) -> int:
        return 7 if obj is None else int(vars(obj).get("_doubled", 0))

    def __set__(self, obj: Any, value: int) -> None:
        vars(obj)["_doubled"] = value * 2


class _WithProperty:
    @property
    def size(self) -> int:
        return int(vars(self).get("_size", -1))

    @size.setter
    def size(self, value: int) -> None:
        vars(self)["_size"] = value + 1


@pytest.mark.parametrize("kind", ["descriptor", "inherited property"])
def test_a_frozen_class_with_a_descriptor_for_a_field_keeps_dataclasss_init(kind: str) -> None:
    """A field whose name is a data descriptor's in the class or a base (precompiled._plain_fields): dataclass's own
    __init__, whose object.__setattr__ goes through the descriptor."""
    def made(decorate: Callable[..., Any]) -> type:
        if kind == "descriptor":
            @decorate(frozen=True)
            class Made:
                number: int
                value: int = _Doubled()  # type: ignore[assignment]
            return Made

        @decorate(frozen=True)
        class Sized(_WithProperty):  # (the base's property, not a default of the class's own, is what 'size' finds)
            number: int
            size: int
        return Sized

    ours, theirs = made(precompiled.dataclass), made(dataclasses.dataclass)
    one, other = ours(1, 5), theirs(1, 5)
    assert list(vars(one).items()) == list(vars(other).items())
    assert dataclasses.astuple(one) == dataclasses.astuple(other)
    assert "__setattr__" in ours.__init__.__code__.co_names


def test_direct_init_leaves_any_other_source_as_it_is() -> None:
    store = "  __dataclass_builtins_object__.__setattr__(self,'a',a)"
    head = "def __create_fn__(a):\n def __init__(self,a):\n"
    assert precompiled.direct_init(head + store + "\n return __init__") == \
        head + "  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['a']=a\n return __init__"
    for source in (head.replace("__init__", "__eq__") + store + "\n return __eq__",  # not an __init__
                   head + "  __dataclass_builtins_object__.__setattr__(self, 'a', a)\n return __init__",  # another shape
                   head + store + "\n  __dataclass_builtins_object__.__setattr__(other,'b',a)\n return __init__",
                   head + "  self.a=a\n return __init__"):
        assert precompiled.direct_init(source) == source
