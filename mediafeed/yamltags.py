"""What went wrong with a YAML tag (``!!bool``, ``!!seq``, …) written on a value it cannot make, in the producer's words.

PyYAML reports such a value in its own terms, often without a line: ``season: !!map x`` was "not enough values to
unpack (expected 2, got 1)", ``explicit: !!bool`` "'' is not true or false: ''", ``date: !!timestamp`` "'NoneType'
object has no attribute 'groupdict'". Only read when loading failed: the text is composed again (parsed, not
constructed) to find the first tagged value that cannot be made, and the key it belongs to.
"""

from __future__ import annotations

from typing import Any

import yaml

_CORE = "tag:yaml.org,2002:"

#: what each core tag needs, and an example of it
NEEDS = {
    "str": ("text", '"…"'), "int": ("a whole number", "2"), "float": ("a number", "1.5"),
    "bool": ("true or false", "true"), "null": ("nothing", ""), "timestamp": ("a date and time", "2026-03-04T09:00:00+00:00"),
    "binary": ("base64 text", "aGVsbG8="), "seq": ("a list", "[one, two]"), "map": ("a mapping", "{name: value}"),
    "set": ("a mapping of keys without values", "{one, two}"), "omap": ("a list of one-key mappings", "[one: 1, two: 2]"),
    "pairs": ("a list of one-key mappings", "[one: 1, two: 2]"),
}


def tag_slip(text: str, loader: type, reason: str) -> tuple[Any, str, str, str] | None:
    """(where, field, what, fix) for the first value of ``text`` with a core tag written on it that ``loader`` cannot
    make; ``reason``: what loading said, kept when it is already in words (``'1.5' is not a whole number: …``).
    None when no tagged value fails (the error is elsewhere)."""
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, field = stack.pop()
        if text.startswith("!", node.start_mark.index) and node.tag.startswith(_CORE) and not _makes(node, loader):
            return node.start_mark, field, _what(node, reason), _fix(node, field)
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, f"{field}.{key.value}".lstrip(".") if isinstance(key, yaml.ScalarNode) else field)
                         for key, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{field}[{index}]") for index, item in reversed(list(enumerate(node.value))))
    return None


def _makes(node: yaml.Node, loader: type) -> bool:
    """Whether ``loader`` makes a value of ``node`` (and of everything inside it)."""
    try:
        loader("").construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return False
    return True


def _what(node: yaml.Node, reason: str) -> str:
    short = node.tag[len(_CORE):]
    if short not in NEEDS:  # '!!python/object/apply:os.system' was told to "write its kind of value after the tag"
        return (f"'!!{short}' would make a Python object, which mediafeed never does: it reads YAML safely, and nothing "
                "in it runs" if short.startswith("python/") else f"'!!{short}' is none of YAML's own tags (!!str, !!int, …)")
    if isinstance(node, yaml.ScalarNode) and node.value and f"{node.value!r} is not" in reason:
        return reason  # (the number, truth value or date constructors' own words, with the value)
    need = NEEDS[short][0]
    if isinstance(node, yaml.ScalarNode):
        got = f"{node.value!r}" if node.value else "nothing"
    else:
        got = "a mapping" if isinstance(node, yaml.MappingNode) else "a list" if short not in ("omap", "pairs") \
            else "a list holding other values"
    return f"'!!{short}' needs {need}, got {got}"


def _fix(node: yaml.Node, field: str) -> str:
    short = node.tag[len(_CORE):]
    if short not in NEEDS:
        return f"leave '!!{short}' out and write the value itself"
    need, example = NEEDS[short]
    key = field.rsplit(".", 1)[-1]
    written = f"{key}: !!{short} {example}" if key and not key.endswith("]") else f"!!{short} {example}"
    return f"write {need} after the tag, e.g. '{written.rstrip()}', or leave '!!{short}' out"
