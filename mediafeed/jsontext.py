"""JSON text indented as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, without its pure-Python
encoder: feed.json items, oembed.json, and every ``--format json`` report. No imports beyond ``json``, so
the commands that print JSON do not load the feed code for it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def indented(value: Any, newline: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``'s text, for values made of dicts (string keys), lists,
    tuples, strings, integers, booleans and None; ``newline``: a line break and the indent of the value's own line.

    json.dumps indents with its pure-Python encoder (a generator per dict and list); this joins the lines
    itself and writes strings with json's own C function: a quarter less CPU for a feed item (issue #9).
    """
    inner = newline + "  "
    if type(value) is dict:
        return "{" + inner + ("," + inner).join([f"{_string(key)}: {indented(member, inner)}"
                                                 for key, member in value.items()]) + newline + "}" if value else "{}"
    if type(value) in (list, tuple):
        return "[" + inner + ("," + inner).join([indented(member, inner) for member in value]) + newline + "]" \
            if value else "[]"
    if type(value) is str:
        return _string(value)
    if type(value) is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)  # None, booleans, anything else: json.dumps's own spelling


def pieces(value: Any) -> Iterator[str]:
    """:func:`indented`'s text of ``value`` in pieces, a member of a top-level list (or of a list that is a value of a
    top-level dict) at a time, so a report of a million problems is written as it is made, never held as one text."""
    if type(value) is dict and value:
        yield "{"
        for index, (key, member) in enumerate(value.items()):
            yield f"{',' if index else ''}\n  {_string(key)}: "
            yield from _members(member, "\n  ")
        yield "\n}"
    else:
        yield from _members(value, "\n")


def _members(value: Any, newline: str) -> Iterator[str]:
    if type(value) not in (list, tuple) or not value:
        yield _text(value, newline)
        return
    inner = newline + "  "
    for index, member in enumerate(value):
        yield ("[" if not index else ",") + inner + _text(member, inner)
    yield newline + "]"


def _text(value: Any, newline: str) -> str:
    try:
        return indented(value, newline)
    except TypeError:  # a key that is not a string: json.dumps's own spelling of it
        return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", newline)


_string = json.encoder.encode_basestring  # type: ignore[attr-defined]  # json.dumps's, with ensure_ascii=False
