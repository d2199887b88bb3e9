"""``records.frozen`` and ``records.mutable`` behave as ``dataclass(frozen=True)`` and ``dataclass`` do."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from mediafeed import model, records


def _pair(decorator_ours, decorator_theirs, body):  # type: ignore[no-untyped-def]
    """The same class body under our decorator and under dataclass's."""
    return decorator_ours(type("Rec", (), dict(body))), decorator_theirs(type("Rec", (), dict(body)))


BODY = {
    "__annotations__": {"a": "int", "b": "str", "c": "list[int]", "hidden": "int", "loose": "int"},
    "b": "x",
    "c": field(default_factory=list),
    "hidden": field(default=0, repr=False),
    "loose": field(default=0, compare=False),
}


@pytest.mark.parametrize(("ours", "theirs"), [
    (records.frozen, dataclass(frozen=True)),
    (records.mutable, dataclass),
])
def test_the_records_compare_hash_and_show_as_dataclasses_do(ours, theirs) -> None:  # type: ignore[no-untyped-def]
    mine, reference = _pair(ours, theirs, BODY)
    for cls in (mine, reference):
        assert dataclasses.is_dataclass(cls)
    one, other = mine(1, "y", [2], hidden=3, loose=4), reference(1, "y", [2], hidden=3, loose=4)
    assert repr(one) == repr(other) == "Rec(a=1, b='y', c=[2], loose=4)"
    assert one == mine(1, "y", [2], hidden=3, loose=99)  # ``loose`` is not compared
    assert one != mine(2, "y", [2], hidden=3)
    assert one != other  # another class, even with the same fields (dataclass says NotImplemented too)
    assert (one == other) is (reference(1, "y", [2], hidden=3) == mine(1, "y", [2], hidden=3)) is False
    assert one.__eq__(object()) is NotImplemented
    assert [f.name for f in dataclasses.fields(one)] == [f.name for f in dataclasses.fields(other)]
    assert dataclasses.replace(one, a=5) == mine(5, "y", [2], hidden=3)
    assert dataclasses.asdict(one) == dataclasses.asdict(other)
    assert mine.__eq__.__qualname__ == "Rec.__eq__"


def test_a_frozen_record_refuses_changes_and_hashes_its_compared_fields() -> None:
    body = {"__annotations__": {"a": "int", "b": "tuple[int, ...]", "note": "str"}, "b": (),
            "note": field(default="", compare=False)}
    mine, reference = _pair(records.frozen, dataclass(frozen=True), body)
    one = mine(1, (2, 3), note="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.a = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del one.a  # type: ignore[misc]
    assert hash(one) == hash(mine(1, (2, 3), note="other")) == hash(reference(1, (2, 3)))
    assert len({one, mine(1, (2, 3)), mine(2)}) == 2
    # a field may opt out of the hash (and into it) as in dataclass
    opted = {"__annotations__": {"a": "int", "b": "int"}, "b": field(default=0, hash=False)}
    m2, r2 = _pair(records.frozen, dataclass(frozen=True), opted)
    assert hash(m2(1, 2)) == hash(m2(1, 3)) == hash(r2(1, 9))


def test_a_mutable_record_is_unhashable_and_changeable_as_a_dataclass_is() -> None:
    mine, _ = _pair(records.mutable, dataclass, {"__annotations__": {"a": "int"}})
    one = mine(1)
    one.a = 2
    assert one == mine(2)
    with pytest.raises(TypeError, match="unhashable"):
        hash(one)


def test_methods_a_class_defines_itself_are_kept() -> None:
    def __eq__(self, other):  # type: ignore[no-untyped-def]  # noqa: N807
        return "mine"

    def __repr__(self):  # type: ignore[no-untyped-def]  # noqa: N807
        return "shown my way"

    def __hash__(self):  # type: ignore[no-untyped-def]  # noqa: N807
        return 7

    cls = records.frozen(type("Rec", (), {"__annotations__": {"a": "int"}, "__eq__": __eq__, "__repr__": __repr__,
                                           "__hash__": __hash__}))
    assert (cls(1) == cls(2)) == "mine" and repr(cls(1)) == "shown my way" and hash(cls(1)) == 7
    plain = records.mutable(type("Rec", (), {"__annotations__": {"a": "int"}, "__hash__": __hash__}))
    assert hash(plain(1)) == 7  # an explicit __hash__ survives eq, as dataclass leaves it
    # a body's own __eq__ without a __hash__: dataclass still hashes a frozen class by its fields
    body = {"__annotations__": {"a": "int"}, "__eq__": __eq__}
    mine, reference = _pair(records.frozen, dataclass(frozen=True), body)
    assert hash(mine(1)) == hash(reference(1)) == hash((1,))
    mine, reference = _pair(records.mutable, dataclass, body)
    assert mine.__hash__ is None and reference.__hash__ is None


def test_a_recursive_record_shows_dots_not_a_recursion_error() -> None:
    cls = records.mutable(type("Node", (), {"__annotations__": {"child": "object"}, "child": None}))
    node = cls()
    node.child = node
    assert repr(node) == "Node(child=...)"


def test_the_model_classes_are_records_with_the_dataclass_behaviour() -> None:
    person = model.Person(name="Ada")
    assert person == model.Person(name="Ada") and hash(person) == hash(model.Person(name="Ada"))
    assert repr(person).startswith("Person(name='Ada'")
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.name = "Grace"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(person)) == person  # (the build's worker processes send them pickled)
