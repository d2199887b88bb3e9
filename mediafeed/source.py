"""Reading YAML safely and turning loose values into typed ones, collecting every problem.

``FieldReader`` reads one mapping (show.yml or an episode's front matter); each
``get_*`` returns a typed value or a default and records a :class:`Problem`
naming the file and key when the value is wrong. ``unknown()`` reports keys
nobody asked for, with a did-you-mean hint, so a typo is never silently ignored.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import json
import math
import os
import re
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from .addresses import URL_ENCODED, percent_encoded
from .characters import HTML_FORBIDDEN, WINDOWS_1252, html_safe, without_bom
from .errors import Problem, error, warning
from .lazypattern import lazy
from .numbers import whole

if TYPE_CHECKING:
    import yaml

def _make_loader() -> type:
    """The loader class, made at the first YAML text this process parses: importing PyYAML costs ~89 M instructions
    (5% of a one-edit rebuild of 1,000 episodes), which a build that finds every text it reads in the cache
    (:class:`ParsedYaml`) never pays."""
    import yaml

    try:  # the C loader is ~6x faster; both are safe loaders
        safe_loader: type = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - libyaml missing
        safe_loader = yaml.SafeLoader

    class Loader(safe_loader):  # type: ignore[misc, valid-type]
        """The safe loader, refusing a key written twice in one mapping (YAML forbids it; PyYAML would keep the
        last value silently: a second ``title:`` line replaced the first without a word). Keys merged in with
        ``<<: *anchor`` may still be overridden, as YAML intends."""

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            seen: dict[tuple[str, str], yaml.Node] = {}
            for key, _ in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                    continue
                first = seen.setdefault((key.tag, key.value), key)
                if first is not key:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {quoted(key.value)} appears twice (first on line {first.start_mark.line + 1})",
                        key.start_mark)
            return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

        def construct_document(self, node: yaml.Node) -> Any:
            """A mapping of text keys to scalars (most front matter: ``title: …``, ``episode: 4``) is made here in one
            loop, each text value the node's own text as PyYAML's str constructor gives it and any other scalar by its
            constructor; anything else (a list, a nested mapping, a merge key, a key not text, another tag) as PyYAML
            makes it. The same dict, in the same order, and the same errors (a key written twice, a bad scalar); ~2.5 us
            for a front matter of 7 keys, where PyYAML's generic walk (construct_object, a generator for the mapping,
            three calls a text) took ~12.5 us, more than a third of parsing it."""
            if node.tag != _MAP or not isinstance(node, yaml.MappingNode) \
                    or not all(key.tag == _STR and value.__class__ is yaml.ScalarNode and key.__class__ is yaml.ScalarNode
                               for key, value in node.value):
                return super().construct_document(node)
            if len({key.value for key, _ in node.value}) < len(node.value):
                self.construct_mapping(node)  # (which says which key is written twice)
            data = {key.value: value.value if value.tag == _STR else self.construct_object(value)
                    for key, value in node.value}
            state: Any = self  # (PyYAML's constructor state, untyped)
            while state.state_generators:  # (what the scalars' constructors left to finish: as PyYAML's own)
                generators, state.state_generators = state.state_generators, []
                for generator in generators:
                    for _ in generator:
                        pass
            state.constructed_objects, state.recursive_objects, state.deep_construct = {}, {}, False
            return data

    for tag, kind in (("timestamp", None), ("bool", None), ("int", _Int), ("float", _Float)):
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", _scalar(Loader, f"tag:yaml.org,2002:{tag}", kind))
    Loader.add_constructor("tag:yaml.org,2002:null", _null)
    return Loader


_MAP, _STR = "tag:yaml.org,2002:map", "tag:yaml.org,2002:str"
_LOADER: list[type] = []  #: the loader class, once made (:func:`_loader`)


def _loader() -> type:
    if not _LOADER:
        _LOADER.append(_make_loader())
    return _LOADER[0]


class _Int(int):
    """A whole number read from YAML that was written otherwise than Python prints it (``007``, ``1:20``, a
    base-60 number in YAML 1.1, ``1_000``, ``0x1F``): ``text`` keeps what was written, for a title or a GUID."""

    text = ""


class _Float(float):
    """A number with a point read from YAML, written otherwise than Python prints it (``1.10``, ``1_000.5``)."""

    text = ""


def _scalar(cls: type, tag: str, kind: type | None = None) -> Callable[[Any, yaml.ScalarNode], Any]:
    """PyYAML's constructor for ``tag``, with a value it cannot make (``2026-02-30T08:00:00Z``, ``!!int abc``) a
    problem at its line instead of the ValueError it lets through; numbers of ``kind`` keep their text."""
    import yaml

    make = cls.yaml_constructors[tag]  # type: ignore[attr-defined]  # (inherited from the safe loader: not yet replaced)

    def construct(loader: Any, node: yaml.ScalarNode) -> Any:
        try:
            value = make(loader, node)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            shown = f"{quoted(node.value)} " if isinstance(node, yaml.ScalarNode) else ""
            # IndexError: PyYAML reads the sign of a number it has not checked has a character ('!!int', '!!int +',
            # '!!float _': empty once its '+' and '_' are dropped), which was "Internal error" and exit code 3
            why = "it has no digits" if isinstance(exc, IndexError) else _WHY.get(type(exc), str(exc))
            if "invalid literal" in why or "could not convert" in why:  # (Python's words: "… for int() with base 10")
                why = "it is not written in digits"
            offset = re.search(r"([+-]\d{1,2}(?::?\d{2})?)\s*$", str(node.value)) if "offset must be" in why else None
            if offset:  # Python's words: "offset must be a timedelta strictly between -timedelta(hours=24) and …"
                why = f"the offset {offset[1]} is not a time zone (offsets run from -23:59 to +23:59)"
            raise yaml.constructor.ConstructorError(None, None, f"{shown}is not {_KINDS[tag]}: {why}",
                                                    node.start_mark) from None
        if kind is None or str(value) == node.value:
            return value
        kept = kind(value)
        kept.text = node.value
        return kept

    return construct


#: what PyYAML's constructors raise, in words: a timestamp that does not match its pattern ("'NoneType' object has no
#: attribute 'groupdict'"), a truth value that is none of YAML's (the KeyError of the value)
_WHY = {AttributeError: "it is not written as a date (2026-03-04, or 2026-03-04T09:00:00+00:00)",
        KeyError: "YAML's are true, false, yes, no, on and off"}
_KINDS = {"tag:yaml.org,2002:timestamp": "a real date and time", "tag:yaml.org,2002:int": "a whole number",
          "tag:yaml.org,2002:float": "a number", "tag:yaml.org,2002:bool": "true or false"}


#: how YAML writes nothing; PyYAML's '!!null' makes nothing of any text, so 'season: !!null 3' read as no season
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


def _null(loader: Any, node: yaml.Node) -> None:
    """Nothing, from YAML's ways of writing it; a value written after ``!!null`` is refused (load_yaml names its key
    and line through :func:`yamltags.tag_slip`), not dropped."""
    import yaml

    if not isinstance(node, yaml.ScalarNode) or node.value not in _NULLS:
        raise yaml.constructor.ConstructorError(None, None, "a value written after '!!null'", node.start_mark)


def as_text(value: Any) -> str:
    """A YAML scalar as text: a number as it was written (``title: 1.10`` is "1.10", not "1.1")."""
    return getattr(value, "text", "") or str(value)


#: the longest text a value or an episode's notes may be: XML parsers (libxml2, in many podcast apps) refuse a text
#: over 10 MB in a feed, and 1,000,000 characters is five times a three-hour transcript
MAX_TEXT = 1_000_000
#: the largest chapters or transcript file read, as much as ``check --online`` reads of a published one (16 MB): a
#: word-level JSON transcript of a ten-hour episode is some 7 MB. A chapters.json of a million chapters (44 MB) held a
#: check 100 s and 1.6 GB, then failed as "the feed has about 1,000,088 elements" at feed.xml; a transcript of a
#: million cues (39 MB), a build 100 s and 650 MB
MAX_SIDE_FILE = 16 * 1024 * 1024


class TooLarge(ValueError):
    """A chapters or transcript file over :data:`MAX_SIDE_FILE`: ``reason`` says its size and the limit."""

    def __init__(self, size: int):
        self.reason = (f"is {size / (1024 * 1024):,.0f} MB; mediafeed reads chapters and transcript files of up to "
                       f"{MAX_SIDE_FILE // (1024 * 1024)} MB (a word-level transcript of a ten-hour episode is some 7 MB)")
        super().__init__(self.reason)


def side_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """A chapters or transcript file's bytes, read no further than :data:`MAX_SIDE_FILE` (:class:`TooLarge` beyond;
    OSError when it cannot be read)."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_SIDE_FILE + 1)
        if len(data) > MAX_SIDE_FILE:
            raise TooLarge(os.fstat(handle.fileno()).st_size)
    return data


#: what breaks a value written in one line (an attribute, a link's words): line breaks, Unicode's line and paragraph
#: separators, and the control characters XML keeps (tab; the others are taken out of every value, SRC022)
LINE_BREAKING = re.compile("[\t\n\v\f\r\x85\u2028\u2029]")

#: how deep values may nest, and how many values anchors and aliases may expand to: more is an attack (libyaml
#: crashes the interpreter on some 20,000 nested lists; nine aliases of nine aliases … make a billion values)
MAX_DEPTH = 100
MAX_VALUES = 100_000
#: how many characters of text anchors and aliases may expand to, beyond the file's own: an anchored text of a
#: million characters and 20,000 aliases of it (60 KB of YAML) are 20 GB of keywords, though only 20,001 values
MAX_EXPANDED_TEXT = 10 * MAX_TEXT
_BLOCK_PREFIX = re.compile(r"(?m)^(?:[ \t]|[-?:](?=[ \t]|$))*")

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def load_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse YAML with a safe loader; a syntax error becomes one problem with its line."""
    hint = "fix the YAML syntax; quote values that contain ': ' or start with a special character"
    if _nests_too_deep(text):
        return None, [error("SRC002", file, f"malformed YAML: lists or mappings nest more than {MAX_DEPTH} levels deep",
                            hint="write the values out flat; quote text that starts with '[', '{' or '- '")]
    memo = remembered()
    digest = ""
    if memo is not None:  # parsed before: its values, made again from the cache (PyYAML is not even imported)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        known = memo.recall(digest)
        if known is not MISSING:
            return known, []
    import yaml

    crowded = _line_of_too_many_values(text)
    if crowded:
        return None, [error("SRC002", file, f"malformed YAML: more than {MAX_VALUES:,} values (keys, texts and list "
                            f"items): the one past the limit is on line {crowded:,}",
                            hint="keep long material out of the metadata: in the show notes, a transcript or a "
                                 "chapters file")]
    field = ""
    try:
        data = yaml.load(text, Loader=_loader())
    except (yaml.YAMLError, ValueError, TypeError, KeyError, AttributeError) as exc:  # (the others: a tag on the
        # wrong kind of node, '!!map x': "not enough values to unpack (expected 2, got 1)", without a line)
        from .yamltags import tag_slip

        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        slip = _slip(exc, text) if isinstance(exc, yaml.YAMLError) else None
        tagged = None if slip or "appears twice" in reason or isinstance(exc, yaml.MarkedYAMLError) and \
            not isinstance(exc, yaml.constructor.ConstructorError) else tag_slip(text, _loader(), reason)
        if slip:
            mark, reason, hint = slip
        elif "appears twice" in reason:
            hint = "delete one of the two lines (the later one used to win silently)"
        elif tagged:  # '!!bool' with no value was "'' is not true or false: ''", and the line did not say whose
            mark, field, reason, hint = tagged
        elif "invalid Unicode character escape code" in reason:
            hint = _escape_hint(text, mark)
        elif "a real date and time" in reason:
            hint = "write a date that exists, e.g. 2026-03-04T09:00:00+00:00 (hours 0–23, offset under 24 hours)"
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return None, [error("SRC002", file, f"malformed YAML{where}: {reason}", field=field, hint=hint)]
    too_big = _oversized(data, len(text)) if "*" in text else ""  # without an alias, the text's own size and depth bound it
    if too_big:
        return None, [error("SRC002", file, f"malformed YAML: {too_big}",
                            hint="write the values out instead of repeating aliases ('*name') of anchors ('&name')")]
    if memo is not None:
        memo.keep(digest, data)
    return data, []


class ParsedYaml:
    """YAML texts parsed before, for :func:`load_yaml` while :func:`remembering` it: a rebuild after an edit to an
    episode's notes reads show.yml and that episode's front matter, texts it parsed before, and takes their values
    from the cache instead of importing PyYAML (~89 M instructions) and parsing them.

    ``known``: a text's SHA-256 → its values as :func:`encode_yaml` wrote them, or None (a worker process has no
    cache: it only collects). ``made``: the texts parsed meanwhile, SHA-256 → encoded values, for the caller to keep.
    A text's values are kept only when they come back exactly (see :func:`encode_yaml`), and only for a text that
    parsed without a problem: one with problems is parsed again, for its messages."""

    def __init__(self, known: Callable[[str], str | None] | None = None) -> None:
        self.known = known
        self.made: dict[str, str] = {}

    def recall(self, digest: str) -> Any:
        """The values of the text whose SHA-256 is ``digest``, made afresh (the caller may change them), or MISSING
        (not known, or a row that is not exactly what :func:`encode_yaml` writes for the values it gives)."""
        text = self.known(digest) if self.known is not None else None
        if text is None:
            return MISSING
        try:
            data = decode_yaml(json.loads(text))
            return data if _dumps(data) == text else MISSING
        except (_Unkept, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            return MISSING

    def keep(self, digest: str, data: Any) -> None:
        encoded = encode_yaml(data)
        if encoded is not None:
            self.made[digest] = encoded


class _Memos(threading.local):
    stack: list[ParsedYaml]

    def __init__(self) -> None:
        self.stack = []


#: the memos :func:`load_yaml` uses (the last one given to :func:`remembering`), each thread its own (serve builds in
#: one thread while another may check: a memo reads its build's cache, whose connection belongs to that thread)
_MEMOS = _Memos()


@contextlib.contextmanager
def remembering(memo: ParsedYaml) -> Iterator[ParsedYaml]:
    """:func:`load_yaml` recalls and keeps parsed texts in ``memo`` within this block (in this thread)."""
    stack = _MEMOS.stack
    stack.append(memo)
    try:
        yield memo
    finally:
        stack.remove(memo)


def remembered() -> ParsedYaml | None:
    """The memo :func:`load_yaml` uses now in this thread, if any."""
    stack = _MEMOS.stack
    return stack[-1] if stack else None


class _Unkept(Exception):
    """A value :func:`encode_yaml` does not keep."""


def encode_yaml(data: Any) -> str | None:
    """What :func:`load_yaml` made of a text, as compact JSON from which :func:`decode_yaml` makes it again: the
    same types (a number as it was written: ``_Int``, ``_Float``), the same values, the keys in the same order. JSON's
    own values are themselves; anything else is a one-key object: a mapping ``{"m": [[key, value], …]}``, a number
    with its text ``{"i"|"f": [value, text]}``, a date and time ``{"t": ISO}``, a date ``{"d": ISO}``. None for values
    it cannot make again (an infinite number, a value YAML tags otherwise, a list or mapping that appears twice
    through an alias): those texts are parsed every time. Distinct values have distinct encodings (JSON tells true
    from 1 from 1.0, and writes a float as Python reads it back), so a row is checked when it is read
    (:meth:`ParsedYaml.recall`): what it decodes to must encode to the row itself."""
    try:
        return _dumps(data)
    except (_Unkept, ValueError, TypeError, RecursionError):
        return None


def _dumps(data: Any) -> str:
    return json.dumps(_encode(data, set()), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _encode(value: Any, seen: set[int]) -> Any:
    kind = value.__class__
    if kind is str or kind is bool or kind is int or value is None:
        return value
    if kind is float:
        if value - value != 0:  # an infinity or NaN (JSON has neither)
            raise _Unkept
        return value
    if kind is list or kind is dict:
        if id(value) in seen:  # an alias: the same list or mapping twice
            raise _Unkept
        seen.add(id(value))
        if kind is list:
            return [_encode(item, seen) for item in value]
        return {"m": [[_encode(key, seen), _encode(item, seen)] for key, item in value.items()]}
    if kind is _Int:
        return {"i": [int(value), value.text]}
    if kind is _Float:
        if value - value != 0:
            raise _Unkept
        return {"f": [float(value), value.text]}
    if kind is datetime:
        return {"t": value.isoformat()}
    if kind is date:
        return {"d": value.isoformat()}
    raise _Unkept


def decode_yaml(value: Any) -> Any:
    """The values :func:`encode_yaml` encoded (given as decoded JSON)."""
    kind = value.__class__
    if kind is list:
        return [decode_yaml(item) for item in value]
    if kind is not dict:
        return value
    ((tag, inner),) = value.items()
    if tag == "m":
        return {decode_yaml(key): decode_yaml(item) for key, item in inner}
    if tag == "i" or tag == "f":
        number, text = inner
        made = _Int(number) if tag == "i" else _Float(number)
        if text.__class__ is not str or text == str(made):  # (the loader keeps the text only when it differs)
            raise ValueError(f"not a number's text: {text!r}")
        made.text = text
        return made
    if tag == "t":
        return datetime.fromisoformat(inner)
    if tag == "d":
        return date.fromisoformat(inner)
    raise ValueError(f"not a YAML value: {tag!r}")


def _slip(exc: yaml.YAMLError, text: str) -> tuple[Any, str, str] | None:
    """(where, what, fix) for the slips of a hand-typed YAML file that the parser reports far from where they
    are or in its own words: a quote or bracket left open (found at the end of the text), a tab used to
    indent and a value starting with a character YAML reserves ('found character that cannot start any
    token'). None for anything else."""
    problem, context = getattr(exc, "problem", None) or "", getattr(exc, "context", None) or ""
    start, mark = getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None)
    if start is not None and context == "while scanning a quoted scalar":
        quote = _char_at(text, start)
        return start, "the quoted value that starts here is never closed", \
            f"end the value with {quote} on the same line ({_QUOTE_INSIDE.get(quote, '')})"
    if start is not None and context in ("while parsing a flow sequence", "while parsing a flow mapping") \
            and problem.startswith("did not find expected ','"):
        opened, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return start, f"the '{opened}' here is never closed", \
            f"add '{closing}' at the end of the list, or quote the value if the '{opened}' is part of the text"
    if mark is None:
        return None
    found = _char_at(text, mark)
    if found == "\t" or "tab character" in problem:
        return mark, "a tab; YAML allows only spaces to indent", \
            "indent with spaces (two per level), never tabs: most editors can convert them"
    if found and problem.startswith("found character") and "cannot start any token" in problem:
        line = text.split("\n")[mark.line].rstrip("\r")
        key, _, value = line.partition(": ")
        example = f"{key.strip()}: \"{value.strip()}\"" if value.strip().startswith(found) and key.strip() \
            else f"\"{found}…\""
        return mark, f"a value cannot start with '{found}' (YAML reserves it)", f"quote the value: {example}"
    return None


_SURROGATE_PAIR = lazy(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.I)


def _escape_hint(text: str, mark: Any) -> str:
    """The fix for ``"\\ud83d\\ude00"``: JSON's way of writing a character beyond U+FFFF (an emoji), as a pair of
    halves, which YAML does not read."""
    line = text.split("\n")[mark.line] if mark is not None and mark.line < len(text.split("\n")) else ""
    pair = _SURROGATE_PAIR.search(line)
    if pair:
        char = chr(0x10000 + ((int(pair.group(1), 16) - 0xD800) << 10) + int(pair.group(2), 16) - 0xDC00)
        return (f"write the character itself ({char}) or \\U{ord(char):08X}: YAML does not read {pair.group(0)}, "
                "JSON's two halves of one character")
    return "write the character itself, or \\uXXXX (four hex digits) or \\UXXXXXXXX (eight) for its code point"


_QUOTE_INSIDE = {'"': "a \" inside it is written \\\"", "'": "a ' inside it is written twice: ''"}


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


#: what comes before each value of YAML but the first: a line break, a comma, a key's ':', a list item's '-', an
#: explicit key's '?', a list's or mapping's opening bracket (a value follows at most two of them: 'a: b' on a line)
_BEFORE_A_VALUE = ("\n", ",", ":", "-", "?", "[", "{")


def _line_of_too_many_values(text: str) -> int:
    """The line of the value past :data:`MAX_VALUES` in ``text`` (keys, texts, lists and mappings as written, before any
    alias is expanded), or 0 when there are not so many. Without aliases only the text's size bounded them: 400,000
    keywords (4.8 MB of front matter) took 3.5 s and 230 MB to check, a million in a flow list (2 MB) 8 s to parse.
    Each of :data:`_BEFORE_A_VALUE` brings at most two values: a text too short to hold that many is not counted, a
    longer one is judged by a count of those characters, and only one that may hold that many values is parsed, to
    its value past the limit (~0.2 s)."""
    if 2 * len(text) + 1 <= MAX_VALUES or 2 * sum(map(text.count, _BEFORE_A_VALUE)) + 1 <= MAX_VALUES:
        return 0
    import yaml

    values = 0
    try:
        for event in yaml.parse(text, Loader=_loader()):
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                values += 1
                if values > MAX_VALUES:
                    return int(getattr(event.start_mark, "line", 0)) + 1  # (libyaml marks every event)
    except yaml.YAMLError:  # malformed before the limit: loading names where
        return 0
    return 0


def _nests_too_deep(text: str) -> bool:
    """Whether the text may nest more than :data:`MAX_DEPTH` levels, judged before parsing (libyaml's parser is
    recursive: tens of thousands of ``[`` or ``- `` end the interpreter with a segmentation fault). Brackets
    inside quoted text count too: an over-estimate that no hand-written file comes near."""
    if _may_nest_brackets_too_deep(text):
        return True
    return len(text) > 2 * MAX_DEPTH and max(map(len, _BLOCK_PREFIX.findall(text))) > 2 * MAX_DEPTH


#: a JSON string (its brackets are text) or a bracket
_JSON_NESTING = lazy(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class RepeatedKey(NamedTuple):
    """A key written twice in one JSON object: ``field`` its path (``chapters[2].title``), ``line`` where it is
    written again, ``first`` where first; ``same`` when both values are equal (nothing is lost)."""

    key: str
    field: str
    line: int
    first: int
    same: bool


def load_json(text: str, repeated: list[RepeatedKey] | None = None) -> Any:
    """``json.loads`` of a chapters or transcript file, its byte order mark left out (Windows editors write one),
    refusing arrays and objects nested more than :data:`MAX_DEPTH` deep before parsing, with json's own error:
    its decoder is recursive, so a file of a thousand ``[`` stopped check and build with "Internal error:
    RecursionError" (exit code 3), and five hundred passed it only to break the walk that scrubs the values.

    The depth is judged before parsing, not by catching RecursionError: in a thread with a small stack (64 KiB;
    musl's default is 128 KiB) json's C recursion ends the interpreter with a segmentation fault first.

    With ``repeated``, the keys written twice in one object are added to it: json keeps the last value without a
    word (``{"chapters": [...], "chapters": []}`` read as no chapters), where YAML's are refused. Counting each
    object's keys costs 2.4 ms over json's 8 ms on a published.json of 10,000 episodes (1.7 ms of it json's own,
    for handing any hook the pairs; counting the keys after parsing instead, with a walk of the result and a count
    of the text's, costs more); the lines are looked for only when a key was repeated."""
    text = without_bom(text)
    # counting every bracket over-estimates (some are text, in strings) but is cheap: strings are told apart only then
    if _may_nest_brackets_too_deep(text):
        depth = 0
        for match in _JSON_NESTING.finditer(text):
            if match.group() in "[{":  # (a string is never one of these: it has its quotes)
                depth += 1
                if depth > MAX_DEPTH:
                    raise json.JSONDecodeError(f"arrays and objects nest more than {MAX_DEPTH} levels deep", text,
                                               match.start())
            elif match.group() in "]}":
                depth -= 1
    if repeated is None:
        return json.loads(text)
    clash = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal clash
        made = dict(items)
        clash = clash or len(made) < len(items)
        return made

    data = json.loads(text, object_pairs_hook=pairs)
    if clash:
        repeated.extend(_repeated_keys(text))
    return data


#: a JSON string, with the ':' after it when it is a key, or a bracket or comma; white space
_JSON_TOKENS = lazy(r'"(?:[^"\\]|\\.)*"(?:[ \t\n\r]*:)?|[\[\]{},]')
#: JSON's white space (also chapters' scan of where each chapter starts)
JSON_SPACE = lazy(r"[ \t\n\r]*")


def _repeated_keys(text: str) -> list[RepeatedKey]:
    """The keys written twice in one object of ``text`` (valid JSON), in the order of the file."""
    decoder = json.JSONDecoder()
    found: list[RepeatedKey] = []
    # per open object or array: the keys seen so far ({key: (line, value)}; None for an array) and its current
    # key or index, for the path of what is inside
    open_: list[tuple[dict[str, tuple[int, Any]] | None, list[str | int]]] = []
    line, counted = 1, 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "{[":
            open_.append(({}, [""]) if token == "{" else (None, [0]))
        elif token in "}]":
            open_.pop()
        elif token == ",":
            if open_ and open_[-1][0] is None:
                open_[-1][1][0] = int(open_[-1][1][0]) + 1
        elif token.endswith(":") and open_ and (seen := open_[-1][0]) is not None:
            place = open_[-1][1]
            key = json.loads(token[:-1].rstrip())
            place[0] = key
            line, counted = line + text.count("\n", counted, match.start()), match.start()
            value = decoder.raw_decode(text, JSON_SPACE.match(text, match.end()).end())[0]  # type: ignore[union-attr]
            if key in seen:
                path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for _, (part,) in open_)
                found.append(RepeatedKey(key, path.lstrip("."), line, seen[key][0], seen[key][1] == value))
            else:
                seen[key] = (line, value)
    return found


def repeated_problems(repeated: list[RepeatedKey], code: str, file: str, episode: str = "") -> list[Problem]:
    """``code``'s problems for keys written twice in a JSON file: an error when the two values differ (every JSON
    reader, apps' too, keeps the later one: the first is lost), a warning when they are the same (nothing is
    lost, but one of the two was not meant)."""
    problems = []
    for index, key in enumerate(repeated[:10]):  # (a file that repeats a key in every object says so in ten)
        lines = f"both on line {key.line}" if key.first == key.line else f"lines {key.first} and {key.line}"
        more = f" (and {len(repeated) - 10} more keys written twice after it)" if index == 9 < len(repeated) - 1 else ""
        if key.same:
            problems.append(warning(code, file, f"'{key.key}' is written twice with the same value ({lines}){more}",
                                    field=key.field, hint=f"delete the second '{key.key}'", episode=episode))
        else:
            problems.append(error(code, file, f"'{key.key}' is written twice with different values ({lines}): JSON "
                                  f"readers, apps' too, keep the later one, and the first is lost{more}",
                                  field=key.field, hint=f"merge the two into one '{key.key}', or delete the one not meant",
                                  episode=episode))
    return problems


def _may_nest_brackets_too_deep(text: str) -> bool:
    """Whether the brackets of ``text``, every one counted (those in quoted text too), nest more than
    :data:`MAX_DEPTH` deep (a closing one without its opening one is passed over).

    Most files are answered without a Python loop over their brackets: the brackets are picked out of the UTF-8
    bytes (no other character's bytes look like one) and the innermost pairs removed, a level per round; brackets
    that pair up and are gone within :data:`MAX_DEPTH` rounds nest no deeper. Only the others are counted one by
    one. (Counting them all was 8.9 ms of load_json's 18.6 ms on a published.json of 10,000 episodes, where
    json.loads takes 8.0 ms; this takes ~3 ms.)"""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    for _ in range(MAX_DEPTH):
        inner = _INNERMOST.sub(b"", brackets)
        if not inner:
            return False
        if len(inner) == len(brackets):  # (brackets left that do not pair up: counted below)
            break
        brackets = inner
    return _deepest(re.findall(r"[\[\]{}]", text)) > MAX_DEPTH


#: every byte but the brackets' (for bytes.translate)
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
#: an opening bracket with its closing one right after it (of either kind: depth is what counts)
_INNERMOST = re.compile(rb"[\[{][\]}]")


def _deepest(brackets: list[str]) -> int:
    """How deep the brackets (``[``, ``]``, ``{``, ``}``, in their order) nest."""
    depth = deepest = 0
    for char in brackets:
        depth = depth + 1 if char in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _oversized(data: Any, length: int) -> str:
    """Why the parsed value is too big to walk (a loop, too deep, too many values or characters of text after
    aliases), or "". ``length``: the file's own size in characters, which its text may fill without an alias."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    chars: dict[int, int] = {}  #: the characters of text (keys and values) each list or mapping holds, aliases expanded
    open_: set[int] = set()  # started and not finished: the ancestors of the value being looked at
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, finished = stack.pop()
        if not isinstance(value, (list, dict)):  # the document itself a text: its own size bounds it
            return ""
        children = list(value.values()) if isinstance(value, dict) else value
        key = id(value)
        if finished:
            sizes[key] = 1 + sum(sizes.get(id(child), 1) for child in children)
            depths[key] = 1 + max((depths.get(id(child), 0) for child in children), default=0)
            chars[key] = sum(chars.get(id(child), 0) if isinstance(child, (list, dict)) else _text_size(child)
                             for child in children) + (sum(map(_text_size, value)) if isinstance(value, dict) else 0)
            open_.discard(key)
            if depths[key] > MAX_DEPTH:
                return f"lists or mappings nest more than {MAX_DEPTH} levels deep"
            if sizes[key] > MAX_VALUES:
                return f"anchors and aliases expand to more than {MAX_VALUES:,} values"
            if chars[key] > length + MAX_EXPANDED_TEXT:
                return f"anchors and aliases expand to more than {MAX_EXPANDED_TEXT:,} characters of text"
            continue
        if key in sizes:
            continue
        if key in open_:
            return "an alias ('*name') refers to a value that contains it, a loop without end"
        open_.add(key)
        stack.append((value, True))
        stack.extend((child, False) for child in children if isinstance(child, (list, dict)) and id(child) not in sizes)
    return ""


def _text_size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes)) else 0


def split_front_matter(text: str, file: str) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """Split ``---`` YAML front matter from the Markdown body."""
    text = without_bom(text)
    match = FRONT_MATTER.match(text)
    if not match:
        if re.match(r"---[ \t]*\r?\n", text):
            return None, text, [error("SRC001", file, "the front matter that starts on line 1 is never closed",
                                      hint="add a line '---' after the metadata, before the show notes")]
        return None, text, [error("SRC001", file, "no YAML front matter found",
                                  hint="start the file with a line '---', the metadata, and another line '---'")]
    # one line break before the YAML for the '---' line above it: problems then give the file's line numbers
    data, problems = load_yaml("\n" + match.group(1), file)
    body = text[match.end():]
    if problems:
        return None, body, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, body, [error("SRC003", file, f"front matter must be a mapping of keys to values, got {type(data).__name__}",
                                  hint="write 'key: value' lines between the '---' lines")]
    return data, body, []


#: the names of HTML's elements (the living standard's, and the old ones hosts still write: font, center, tt)
HTML_ELEMENTS = frozenset(
    "a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite "
    "code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font "
    "footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main "
    "map mark menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt "
    "ruby s samp script search section select slot small source span strike strong style sub summary sup svg table "
    "tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr".split())
_ANY_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")


class _HtmlTag:
    """An HTML tag in text apps show as plain text (titles, the show's description, a summary): '<b>', '</i>',
    '<br/>', '<span class="x">': an element's name (:data:`HTML_ELEMENTS`, in either case), as a browser reads it.
    'Vec<String>', 'Press <Enter>' and '<insert name here>' are text (import took them for tags and dropped them
    from a summary, with its paragraphs; SRC057 named them). A set, not the names in the pattern: that pattern took
    1 to 8 ms to compile, in each build that lints its feed's titles."""

    def search(self, text: str) -> re.Match[str] | None:
        """The first tag in ``text``, as ``re.Pattern.search`` answers (``group(0)`` is the tag)."""
        if "<" not in text:
            return None
        return next((found for found in _ANY_TAG.finditer(text) if found[1].lower() in HTML_ELEMENTS), None)


HTML_TAG = _HtmlTag()
#: '<Enter>', 'Vec<String>', '<insert name here>': text in angle brackets that begins as a tag does, which AntennaPod,
#: reading a title as HTML (Android's Html.fromHtml), takes for one and leaves out with its brackets
TAG_LIKE = _ANY_TAG
#: an HTML character reference: '&amp;', '&#8230;', '&#x2019;' (in a plain-text field it is shown as typed)
HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
#: What XML 1.0 forbids (C0 controls but tab, LF and CR; surrogates; U+FFFE/U+FFFF): lxml refuses to
#: write them, and a feed holding one is rejected by every strict parser.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: the characters of XML_FORBIDDEN an ASCII text can hold (C0 controls but tab, LF and CR)
_ASCII_XML_FORBIDDEN = tuple(chr(code) for code in range(0x20) if code not in (0x09, 0x0A, 0x0D))


def xml_forbidden(text: str) -> re.Match[str] | None:
    """``XML_FORBIDDEN.search(text)``. An ASCII text (most episode.md files) is first looked through for each of the 29
    characters of it that it can hold, a memchr each (as :func:`notes.forbidden_dropped` does): ~2 us for 5 KB, where
    the pattern's scan, a character-class test at each character, took ~16 us (~70 K instructions), and scrub_text
    makes it on every episode.md of a cold build, which holds none."""
    if text.isascii() and not any(char in text for char in _ASCII_XML_FORBIDDEN):
        return None
    return XML_FORBIDDEN.search(text)


_FORBIDDEN_HINT = "delete them (they often come from pasting out of a word processor or a terminal)"


def scrub_text(text: str, file: str, episode: str = "") -> tuple[str, list[Problem]]:
    """``text`` without characters XML 1.0 forbids, and a warning naming the first one's line; then without those
    HTML forbids (:func:`html_safe`), with a warning of its own."""
    found = xml_forbidden(text)
    problems: list[Problem] = []
    if found:
        count = len(XML_FORBIDDEN.findall(text))
        line = text.count("\n", 0, found.start()) + 1
        text = XML_FORBIDDEN.sub("", text)
        problems.append(warning(
            "SRC022", file, f"{count} control character{'s' if count != 1 else ''} that XML forbids "
            f"(first: U+{ord(found.group()):04X} on line {line}); removed", field=f"line {line}",
            hint=_FORBIDDEN_HINT, episode=episode))

    found = HTML_FORBIDDEN.search(text) if not text.isascii() or "\x7f" in text else None
    if found:
        count, char = len(HTML_FORBIDDEN.findall(text)), found.group()
        line = text.count("\n", 0, found.start()) + 1
        text = html_safe(text)
        problems.append(warning(
            "SRC023", file, f"{count} character{'s' if count != 1 else ''} that HTML forbids (first: "
            f"U+{ord(char):04X} on line {line}); " + _html_fixed(char), field=f"line {line}", hint=_HTML_HINT,
            episode=episode))
    return text, problems


_HTML_HINT = ("type the characters themselves (C1 control characters come from text saved in Windows-1252 and read "
              "as Latin-1: U+0092 is ’ there)")


def _html_fixed(char: str) -> str:
    stands = WINDOWS_1252.get(ord(char))
    return (f"C1 control characters read as the Windows-1252 characters they stand for (U+{ord(char):04X} as {stands}), "
            "others removed" if stands else "removed")


def scrub_values(data: Any, file: str, episode: str = "", keep: tuple[str, ...] = ()) -> tuple[Any, list[Problem]]:
    """Parsed YAML with forbidden characters (e.g. from a ``"\\x01"`` escape) removed from every string. ``keep``:
    top-level keys whose text is left exactly as written (an episode's ``guid``: apps compare it character for
    character, and an old host's feed published its C1 controls as they are; its reader judges it)."""
    found: list[str] = []  #: the values that held characters XML forbids (SRC022)
    html: list[str] = []  #: the values that held characters HTML forbids (SRC023), after those were removed

    def clean(value: Any) -> Any:  # one walk for both: every string, list item, key and value
        if isinstance(value, str):
            if XML_FORBIDDEN.search(value):
                found.append(value)
                value = XML_FORBIDDEN.sub("", value)
            if (not value.isascii() or "\x7f" in value) and HTML_FORBIDDEN.search(value):
                html.append(value)
                value = html_safe(value)
            return value
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        return value

    if keep and isinstance(data, dict):
        data = {clean(k): v if k in keep and isinstance(v, str) else clean(v) for k, v in data.items()}
    else:
        data = clean(data)
    problems: list[Problem] = []
    if found:
        char = XML_FORBIDDEN.search(found[0]).group()  # type: ignore[union-attr]
        problems.append(warning("SRC022", file, f"{len(found)} value{'s' if len(found) != 1 else ''} held control "
                                f"characters that XML forbids (first: U+{ord(char):04X} in {quoted(found[0])}); removed",
                                hint=_FORBIDDEN_HINT, episode=episode))
    if html:
        char = HTML_FORBIDDEN.search(html[0]).group()  # type: ignore[union-attr]
        problems.append(warning(
            "SRC023", file, f"{len(html)} value{'s' if len(html) != 1 else ''} held characters that HTML forbids "
            f"(first: U+{ord(char):04X} in {quoted(html[0])}); " + _html_fixed(char), hint=_HTML_HINT, episode=episode))
    return data, problems


#: Unicode's explicit direction controls: embeddings and overrides (LRE RLE LRO RLO, closed by PDF) and isolates
#: (LRI RLI FSI, closed by PDI). One left open runs to the end of the paragraph it sits in: in a page's <title>,
#: an app's episode list or a share preview that is the text after the value too (an RLO in an episode title
#: showed "wohS ehT – …" for the show's name: a spoofing vector).
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
            "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_DIRECTION_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def close_directions(value: str) -> str:
    """``value`` with every direction control it leaves open closed at its end, as the Unicode Bidirectional
    Algorithm pairs them (UAX #9, X6a and X7: a PDI closes its isolate and the embeddings inside it; a PDF
    closes an embedding, never an isolate), so the value's direction cannot leak into the text around it.
    Balanced pairs (an RLI … PDI around a Hebrew name) and the visible text are kept as written."""
    if not _DIRECTION_CONTROL.search(value):
        return value
    open_: list[str] = []
    for char in _DIRECTION_CONTROL.findall(value):
        if char in _OPENERS:
            open_.append(char)
        elif char == "\u2069":  # PDI: closes the innermost open isolate and everything opened inside it
            if any(_OPENERS[c] == "\u2069" for c in open_):
                while _OPENERS[open_.pop()] != "\u2069":
                    pass
        elif open_ and _OPENERS[open_[-1]] == "\u202c":  # PDF: only an embedding or override directly open
            open_.pop()
    return value + "".join(_OPENERS[char] for char in reversed(open_))


#: characters drawn as nothing that are no format character (Unicode's Cf: zero-width spaces and joiners, the
#: soft hyphen, direction controls) nor a space: Hangul fillers and the blank Braille pattern, the usual "invisible name"
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _visible(char: str) -> bool:
    import unicodedata

    return not (char.isspace() or char in _BLANK or unicodedata.category(char) in ("Cf", "Cc", "Mn", "Me", "Zs", "Zl",
                                                                                     "Zp", "Co", "Cn"))


def unseen(text: str) -> list[str]:
    """The characters of ``text`` drawn as nothing, each once in order of appearance: Unicode's format characters (Cf:
    zero-width spaces and joiners, direction controls, the soft hyphen, the byte order mark) and the blank fillers.
    Two texts that differ only in them look the same (a GUID holding one, EP135)."""
    if text.isascii():
        return []
    import unicodedata

    return [char for char in dict.fromkeys(text) if char in _BLANK or unicodedata.category(char) == "Cf"]


def guid_line(guid: str) -> str:
    """The front-matter line that gives back ``guid`` exactly, for a hint to copy: ``guid: GUID``, or the GUID in
    double quotes with YAML's escapes (JSON's are YAML's) when plain YAML would read another text, or it holds a
    character the terminal shows as an escape: a direction control (published exactly as written since session 26), a
    line break or tab (an imported GUID kept on two lines), a leading '#', ': ', a number YAML reads otherwise. Typed
    as shown without the quotes, ``guid: \\u202e…`` was a GUID holding a backslash, and LED001 again."""
    import json
    import unicodedata

    import yaml

    plain = guid.isprintable() and not any(unicodedata.category(char) == "Cf" for char in guid)
    try:
        plain = plain and yaml.safe_load(f"guid: {guid}") == {"guid": guid}
    except yaml.YAMLError:
        plain = False
    if plain:
        return f"guid: {guid}"
    # (JSON escapes the C0 controls; a character that shows as nothing or another, a C1 control, an NBSP, a zero-width
    # or direction character, is written as its escape too: typed or pasted, the line gives back the GUID exactly)
    # (beyond U+FFFF, a tag character U+E0001, a private-use plane one: YAML's \\U and eight digits; \\u takes four,
    # and "\\ue0001" read back as U+E000 then '1', another GUID)
    return "guid: " + "".join(char if char.isprintable() else f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF
                              else f"\\U{ord(char):08x}" for char in json.dumps(guid, ensure_ascii=False))


def named_characters(chars: list[str]) -> str:
    """``U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER``: characters that show as nothing, named for a message."""
    import unicodedata

    return ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, 'format character')}" for char in chars)


MISSING = object()


#: The names FieldReader's methods hide inside its class body (its annotations say builtins.str and so on).
_datetime = datetime


_NAIVE = lazy(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*")


def _completed(value: Any) -> str:
    """A date written without its time or zone (``2026-03-20``, ``2026-03-20 08:30``), completed as the example of
    the fix: the producer's own day and time, 09:00 when there is none, and UTC's offset; "" for anything else."""
    if isinstance(value, datetime):
        value = value.isoformat()
    elif isinstance(value, date):
        value = value.isoformat()
    match = _NAIVE.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return ""
    day, hour, minute, second = match.groups()
    if hour is None:
        return f"{day}T09:00:00+00:00"
    return f"{day}T{int(hour):02d}:{minute}:{second or '00'}+00:00"


class FieldReader:
    """Typed access to one mapping with problems collected, not raised."""

    def __init__(self, data: dict[str, Any], file: str, episode: str = "", prefix: str = ""):
        self.data = data
        self.file = file
        self.episode = episode
        self.prefix = prefix
        self.problems: list[Problem] = []
        self.used: set[str] = set()

    # -- plumbing -------------------------------------------------------
    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, message: str, hint: str = "", code: str = "SRC010") -> None:
        self.problems.append(error(code, self.file, message, field=self.name(key), hint=hint, episode=self.episode))

    def warn(self, key: str, code: str, message: str, hint: str) -> None:
        """:meth:`fail`'s warning: the value is used as it is, and the producer is told what apps make of it."""
        self.problems.append(warning(code, self.file, message, field=self.name(key), hint=hint, episode=self.episode))

    def raw(self, key: str) -> Any:
        self.used.add(key)
        value = self.data.get(key, MISSING)
        return MISSING if value is None else value

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def missing(self, key: str, hint: str) -> None:
        self.fail(key, "required but missing", hint=hint, code="SRC011")

    # -- typed getters ----------------------------------------------------
    def str(self, key: str, default: str = "", required: bool = False, hint: str = "", exact: bool = False,
            line: builtins.str = "", limit: int = 0) -> str:
        """Text, stripped. ``line``: what the value is, when it must be one line (an attribute, a link's words):
        a line break or a tab in it is refused, naming it; ``limit``: at most so many characters (with ``hint``)."""
        value = self.raw(key)
        if value is MISSING:
            if required:
                self.missing(key, hint or f"add '{key}: …'")
            return default
        if isinstance(value, bool):
            self.fail(key, f"expected text, got the YAML boolean {str(value).lower()}",
                      hint=f"quote the value: {key}: \"{'yes' if value else 'no'}\"")
            return default
        if isinstance(value, (int, float)):
            return as_text(value)
        if not isinstance(value, str):
            self.fail(key, f"expected text, got {_kind(value)}", hint=hint)
            return default
        value = value.strip()
        if required and not value:
            self.missing(key, hint or f"give '{key}' a value")
        elif required and not value.isascii() and not any(_visible(char) for char in value):
            unseen = " ".join(f"U+{ord(char):04X}" for char in dict.fromkeys(value))[:80]
            self.fail(key, f"has no character that shows, only {unseen}: apps and pages would show it empty",
                      hint=hint or f"give '{key}' a value in words")
        if len(value) > MAX_TEXT:
            self.fail(key, f"is {len(value):,} characters; at most {MAX_TEXT:,} are published",
                      hint="shorten it (long material belongs in the show notes or a transcript)")
            return default
        if line and (broken := LINE_BREAKING.search(value)):
            what = "a tab" if broken.group() == "\t" else f"a line break ({shown(broken.group())})"
            self.fail(key, f"holds {what}: {quoted(value)}; {line} is one line of text, as apps show it",
                      hint=f"write it on one line: {key}: {yaml_quoted(_one_line(value))}")
            return default
        if limit and len(value) > limit:
            self.fail(key, f"is {len(value):,} characters; the limit is {limit:,}", hint=hint)
            return default
        return value if exact else close_directions(value)

    def title(self, key: builtins.str, required: builtins.bool = False) -> builtins.str:
        """A title (the show's, an episode's, its ``itunes_title``): :meth:`str`, published as one line without a byte
        order mark, with a warning (SRC059). Apps list a title in one line: a line break in it was a space in
        podcastparser (gPodder), a line break in feedparser, a box or nothing elsewhere; a U+FEFF (a byte order mark
        pasted along with a file's first line, or Unicode's old zero-width no-break space) is drawn as nothing or as
        a box, and a list sorted by title sorted the episode apart. A warning, not an error: the fix is unambiguous,
        and a show that built before still builds."""
        value = self.str(key, required=required)
        if value.isprintable():  # no line break, tab or format character: almost every title
            return value
        held = ["U+FEFF (a byte order mark, pasted along with a file's first line: drawn as nothing or as a box, and "
                "apps sort the title by it)"] if "\ufeff" in value else []
        if broken := LINE_BREAKING.search(value):
            held.append("a tab" if broken.group() == "\t" else f"a line break ({shown(broken.group())}: apps show a "
                        "title in one line, some with the break, others with a space or a box)")
        if not held:
            return value
        published = _one_line(value.replace("\ufeff", ""))
        self.warn(key, "SRC059", f"holds {' and '.join(held)}: {quoted(value)}; published as {quoted(published)}",
                  f"write it so: {key}: {yaml_quoted(published)}")
        return published

    def bool(self, key: builtins.str, default: builtins.bool | None = None) -> builtins.bool | None:
        value = self.raw(key)
        if value is MISSING:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {"true", "false", "yes", "no"}:
            return value.strip().lower() in {"true", "yes"}
        self.fail(key, f"expected true or false, got {what_arrived(value)}", hint=f"write '{key}: true' or '{key}: false'")
        return default

    def int(self, key: builtins.str, default: builtins.int | None = None, minimum: builtins.int | None = None,
            maximum: builtins.int | None = None, unit: builtins.str = "") -> builtins.int | None:
        value = self.raw(key)
        if value is MISSING:
            return default
        if isinstance(value, str) and whole(value) is not None:  # not '²': isdigit, and int() refuses it
            value = whole(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"expected a whole number, got {what_arrived(value)}", hint=f"write e.g. '{key}: 1'")
            return default
        if minimum is not None and value < minimum:
            self.fail(key, f"must be {minimum} or more, got {value}", hint=f"use a number from {minimum} up")
            return default
        if maximum is not None and value > maximum:  # (a number no app's 64-bit integer or float holds, written as such)
            shown = f"{value:,}" if value < 10**30 else f"a number of {len(builtins.str(value)):,} digits"
            self.fail(key, f"must be at most {maximum:,}{unit}, got {shown}", hint=f"use a number from {minimum or 0} to {maximum:,}")
            return default
        return int(value)

    def choice(self, key: builtins.str, choices: tuple[builtins.str, ...], default: builtins.str) -> builtins.str:
        value = self.str(key, default)
        if value not in choices:
            self.fail(key, f"expected one of {', '.join(choices)}, got {quoted(value)}", hint=f"write '{key}: {choices[0]}'")
            return default
        return value

    def list(self, key: builtins.str) -> builtins.list[Any]:
        value = self.raw(key)
        if value is MISSING:
            return []
        if isinstance(value, list):
            return value
        return [value]

    def str_list(self, key: builtins.str) -> tuple[builtins.str, ...]:
        out = []
        value = self.raw(key)
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",")]
        if value is MISSING:
            return ()
        if not isinstance(value, list):
            self.fail(key, f"expected a list of words, got {_kind(value)}", hint=f"write '{key}: [one, two]'")
            return ()
        for item in value:
            if isinstance(item, (str, int, float)) and not isinstance(item, bool) and as_text(item).strip():
                out.append(close_directions(as_text(item).strip()))
            else:
                self.fail(key, f"expected text in the list, got {what_arrived(item)}")
        return tuple(out)

    def mapping(self, key: builtins.str) -> dict[builtins.str, Any]:
        value = self.raw(key)
        if value is MISSING:
            return {}
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping of keys to values, got {_kind(value)}")
            return {}
        return value

    def datetime(self, key: builtins.str, required: builtins.bool = False) -> _datetime | None:
        value = self.raw(key)
        example = "2026-03-04T09:00:00+00:00"
        if value is MISSING:
            if required:
                self.missing(key, f"add '{key}: {example}' (date, time and time zone)")
            return None
        parsed = parse_datetime(value)
        if parsed is None:
            self.fail(key, f"expected a date with time and time zone, got {what_arrived(value)}",
                      hint=f"write '{key}: {_completed(value) or example}' (ISO 8601, with an offset such as +00:00 or Z)")
        elif odd_offset(parsed):
            self.fail(key, f"the UTC offset of {parsed.isoformat()} is not a whole number of minutes: a feed's dates "
                      "(RFC 2822 in feed.xml, RFC 3339 in feed.json) cannot hold it, and apps misread it (feedparser "
                      "reads +01:00:30 as +01:30, podcastparser as 100 hours)",
                      hint=f"write the offset of the zone on that day, e.g. '{key}: {parsed.replace(tzinfo=None).isoformat()}"
                      "+01:00' (an offset in seconds, such as +00:53:28, is a zone's local mean time from the 1800s: "
                      "what pytz gives a datetime made with tzinfo=)")
            return None
        return parsed

    def url(self, key: builtins.str, required: builtins.bool = False, https: builtins.bool = False) -> builtins.str:
        value = self.str(key, required=required, exact=True)  # (a direction control is refused below, not closed)
        if value and not is_url(value, https=https):
            need = "an https:// URL" if https else "an absolute http(s) URL"
            message, hint = unheld_characters(value, need, https) or \
                (f"expected {need}, got {quoted(value, 200)}", "write the full address, e.g. 'https://example.org/…'")
            self.fail(key, message, hint=hint)
            return ""
        return value

    def unknown(self, known: tuple[builtins.str, ...] | frozenset[builtins.str] | set[builtins.str]) -> None:
        """SRC012 for each key not in ``known``, with the known key it may be a slip for: at most
        :data:`UNKNOWN_KEYS_SHOWN` a mapping, the rest counted in one more, and each key shown to :data:`KEY_SHOWN`
        characters. A front matter of 200,000 unknown keys (2 MB) took 20 s and 620 MB to say so in 200,000 lines, a
        did-you-mean search each; a key of 900,000 characters was a problem line of 900 KB."""
        unknown = sorted(key for key in (key_written(k) for k in self.data) if key not in known)
        if not unknown:
            return
        import difflib  # here: only a misspelt key pays for it

        everything = f"known keys: {', '.join(sorted(known))}"
        for key in unknown[:UNKNOWN_KEYS_SHOWN]:
            close = difflib.get_close_matches(key, sorted(known), n=1) if len(key) <= KEY_SHOWN else []
            hint = f"did you mean '{close[0]}'?" if close else f"remove it; {everything}"
            self.problems.append(error("SRC012", self.file, "unknown key", field=self.name(_key_shown(key)), hint=hint,
                                       episode=self.episode))
        if len(unknown) > UNKNOWN_KEYS_SHOWN:
            rest = len(unknown) - UNKNOWN_KEYS_SHOWN
            self.problems.append(error("SRC012", self.file, f"{rest} more unknown keys, from "
                                       f"'{_key_shown(unknown[UNKNOWN_KEYS_SHOWN])}' on", field=self.prefix.rstrip("."),
                                       hint=f"remove them; {everything}", episode=self.episode))

    def sub(self, value: Any, key: builtins.str) -> FieldReader | None:
        """A reader for a nested mapping (e.g. one person), reporting under ``key``."""
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping, got {_kind(value)}")
            return None
        reader = FieldReader(value, self.file, self.episode, prefix=f"{self.name(key)}.")
        return reader

    def adopt(self, other: FieldReader) -> None:
        self.problems.extend(other.problems)


#: how many unknown keys of one mapping get a problem each; the rest are counted in one more (FieldReader.unknown)
UNKNOWN_KEYS_SHOWN = 10
#: how much of an unknown key a problem shows
KEY_SHOWN = 80


def _key_shown(key: str) -> str:
    return key if len(key) <= KEY_SHOWN else key[:KEY_SHOWN] + "…"


def parse_datetime(value: Any) -> datetime | None:
    """An aware datetime from YAML's timestamp or an ISO 8601 string; None when not one."""
    if isinstance(value, datetime):
        return value if value.tzinfo else None
    if isinstance(value, date):
        return None
    if isinstance(value, str):
        text = value.strip().replace(" ", "T", 1)
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return None
        return parsed if parsed.tzinfo else None
    return None


def odd_offset(moment: datetime) -> bool:
    """Whether ``moment``'s UTC offset has seconds (``+00:53:28``), which neither RFC 2822 nor RFC 3339 can write."""
    offset = moment.utcoffset()
    return offset is not None and offset.total_seconds() % 60 != 0


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


#: the format characters (Unicode's Cf: direction controls, zero-width spaces and joiners, the soft hyphen, the byte
#: order mark) and the line and paragraph separators, which no address holds as they are
_UNSEEN_IN_URL = "\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
#: a zero-width non-joiner or joiner between two characters beyond ASCII, as words hold them: Persian writes a plural
#: with one ("پادکست‌ها", as fa.wikipedia.org's addresses have it), Indic scripts and emoji sequences ("👨‍👩‍👧") too.
#: Allowed in a path, query or fragment only: between ASCII letters ("pay\u200dpal") it only makes an address look
#: like another, and in a host IDNA 2003 (Python's, so the feed's) drops it
_JOINED = "(?<=[^\x00-\x7f%s])[\u200c\u200d](?=[^\x00-\x7f%s])" % ((_UNSEEN_IN_URL,) * 2)
#: a character of _UNSEEN_IN_URL an address may not hold where it is (not one of _JOINED's, after the host)
_UNSEEN_URL_CHAR = lazy(f"^https?://[^/?#]*?([{_UNSEEN_IN_URL}])|(?!{_JOINED})([{_UNSEEN_IN_URL}])", re.I)
#: an absolute http(s) URL without the characters a URL may not hold as they are (RFC 3986): white space, and '"',
#: '<', '>' and '\\', which end an attribute or a tag where a page or an app writes the URL into HTML as text
#: (ours escape it; an app that pastes strings together would not), and which iOS's URL parser refuses
#: (and no character that is drawn as nothing or turns the text around: an RLO in "https://evil.example/\u202egpj.x//:sptth"
#: shows the rest of the address reversed, a zero-width space makes an address that looks like another)
_URL = re.compile(r'^https?://[^\s/?#"<>\\%s]+[^\s"<>\\%s]*$' % ((_UNSEEN_IN_URL,) * 2), re.I)
#: the same with _JOINED's joiners after the host (tried only for an address holding one: _URL is the fast path)
_URL_JOINED = lazy(r'^https?://[^\s/?#"<>\\%s]+(?:[/?#](?:[^\s"<>\\%s]|%s)*)?$' % (_UNSEEN_IN_URL, _UNSEEN_IN_URL,
                                                                                      _JOINED), re.I)


def unheld_characters(value: str, need: str, https: bool = False, schemes: str = "https?://") -> tuple[str, str] | None:
    """The message and hint for an address (``need`` says which kind) holding a character no address holds as it is:
    one drawn as nothing or turning the text around (:data:`_UNSEEN_URL_CHAR`), or one of :data:`URL_ENCODED`'s
    (``"``, ``<``, ``>``, ``\\``, a space); None for one without them. FieldReader.url's, and an alternate's
    ``sources:`` (``schemes``: ipfs:// and magnet: too), which no http(s) pattern reads."""
    found = _UNSEEN_URL_CHAR.search(value)
    if found:
        unseen = found[1] or found[2]
        what = ("a direction control: an app or page shows the address after it reversed"
                if "\u202a" <= unseen <= "\u202e" or "\u2066" <= unseen <= "\u2069" else
                "a character drawn as nothing: the address is not the one it looks like")
        return (f"expected {need}, got {quoted(value, 200)}, which holds U+{ord(unseen):04X} ({what})",
                "delete it (retype the address, or paste it from the browser's address bar)")
    bad = sorted({c for c in value if c in URL_ENCODED})
    if bad and re.match(f"^(?:{schemes})", value, re.I):  # an address, but with characters a URL does not hold
        written = percent_encoded(value)
        return (f"expected {need}, got {quoted(value, 200)}, which holds {' and '.join(quoted(c) for c in bad)}: a URL may not hold "
                "these as they are (apps refuse it, or it breaks out of the page's HTML)",
                f"write them percent-encoded: '{written}'" if not written.lower().startswith("http")
                or is_url(written, https=https) else "write the full address, e.g. 'https://example.org/…'")
    return None


def is_url(value: str, https: bool = False) -> bool:
    if not _URL.match(value) and not (("\u200c" in value or "\u200d" in value) and _URL_JOINED.match(value)):
        return False
    return value.lower().startswith("https://") if https else True


#: characters a message shows as escapes: controls, and those that are invisible or turn the text around
_UNSEEN = lazy("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff\ufffe\uffff]")


def _one_line(text: str) -> str:
    """``text`` with its line breaks and tabs (and the spaces around them) made one space each."""
    return " ".join(part.strip(" ") for part in LINE_BREAKING.split(text) if part.strip(" "))


def shown(text: str, limit: int = 80) -> str:
    """``text`` as a message shows what the producer wrote: controls, invisible and direction characters, lone
    surrogates (which no UTF-8 holds: a message with one could not be written) as escapes (``\\t``, ``\\u202e``),
    and at most ``limit`` characters (a link can be a megabyte of ``data:``)."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return _UNSEEN.sub(lambda m: repr(m.group(0))[1:-1] if m.group(0) in "\t\n\r" else f"\\u{ord(m.group(0)):04x}", cut)


def quoted(text: str, limit: int = 80) -> str:
    """``'text'``: a value in a message in the house's quotes, as written (Python's ``repr`` doubled a backslash and
    changed to double quotes for a value with an apostrophe: ``"Kids' Stories"``), with :func:`shown`'s escapes."""
    return f"'{shown(text, limit)}'"


def yaml_quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar, for a hint's ``key: value`` the producer copies into ``show.yml`` or
    front matter: YAML reads it back as ``text``, whole. :func:`quoted`'s single quotes are no YAML to copy: an
    apostrophe ended the value (``title: 'Kids' Stories'`` does not load), a value was cut at 80 characters, and an
    escape such as ``\\u202e`` is its six characters between single quotes. Between double quotes YAML reads JSON's
    escapes, and the characters :func:`shown` escapes are written as ``\\uXXXX`` too: the hint stays inert on a
    terminal and means the character."""
    written = json.dumps(text, ensure_ascii=False)
    return _UNSEEN.sub(lambda m: f"\\u{ord(m.group(0)):04x}", written)


def _kind(value: Any) -> str:
    kind = {_Int: int, _Float: float}.get(type(value), type(value))
    # (what YAML's other tags make: "got bytes", "got set" named Python's classes to the producer)
    return {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false",
            bytes: "binary data (a '!!binary' value)", set: "a set (a '!!set' value)", date: "a date",
            datetime: "a date and time", tuple: "a pair"}.get(kind, "a value of another kind")


def what_arrived(value: Any) -> str:
    """A value as a problem's message shows what arrived: text in the house's quotes (:func:`quoted`) and numbers as
    written (``007``, ``.inf``), others by their kind (not Python's spelling: ``'it\\'s'``, ``inf``, ``b''``,
    ``datetime.date(2026, 1, 1)``)."""
    if isinstance(value, bool) or value is None:  # (a bool is an int: it was "got True")
        return "nothing" if value is None else str(value).lower()
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, (int, float)):
        return _number_written(value)
    return value.isoformat() if isinstance(value, date) else _kind(value)  # (a datetime is a date too)


def _number_written(value: int | float) -> str:
    """A YAML number as the producer wrote it (its text, kept when Python prints it otherwise), or in YAML's own
    spelling (``.inf``, ``-.inf``, ``.nan``: Python's ``inf`` and ``nan`` are text in YAML)."""
    if getattr(value, "text", ""):
        return shown(value.text)  # type: ignore[union-attr]
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    return str(int(value)) if isinstance(value, int) else repr(float(value))


def key_written(key: Any) -> str:
    """A mapping's key as the producer wrote it, for a field's name in a message: text as it is; YAML's null, true,
    false, numbers and dates in YAML's spelling; a ``!!binary`` key with its tag (Python printed ``None``, ``True``,
    ``b'hi'``)."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool):
        return "null" if key is None else str(key).lower()
    if isinstance(key, (int, float)):
        return _number_written(key)
    if isinstance(key, bytes):
        import base64

        return "!!binary " + base64.b64encode(key).decode("ascii")
    return key.isoformat() if isinstance(key, date) else _kind(key)


#: a time longer than any recording (a thousand years): "inf", 1e999 and 1e300 are typing slips, not times
MAX_SECONDS = 1000 * 365.25 * 86400


def parse_time(value: Any) -> float | None:
    """Seconds from ``90``, ``"90.5"``, ``"1:30"``, ``"00:01:30.250"``; None when not a time."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if 0 <= value < MAX_SECONDS else None
    if not isinstance(value, str):
        return None
    text = value.strip().replace(",", ".")
    parts = text.split(":")
    if not 1 <= len(parts) <= 3:
        return None
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        return None
    if not all(0 <= n < MAX_SECONDS for n in numbers) or any(n >= 60 for n in numbers[1:]):
        return None  # negative, over a thousand years, or not a number at all ("nan", "inf")
    seconds = 0.0
    for n in numbers:
        seconds = seconds * 60 + n
    return seconds


Converter = Callable[[Any], Any]
