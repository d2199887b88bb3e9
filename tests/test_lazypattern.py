"""lazy(): a pattern compiled at its first use answers as re.compile's would."""

from __future__ import annotations

import re
import subprocess
import sys

from mediafeed.lazypattern import LazyPattern, lazy


def test_a_lazy_pattern_is_compiled_at_first_use_and_answers_as_the_compiled_one() -> None:
    source, flags = r"(?P<word>[a-z]+)-(\d+)", re.I
    pattern = lazy(source, flags)
    real = re.compile(source, flags)
    assert isinstance(pattern, LazyPattern) and pattern._compiled is None  # nothing compiled at import
    text = "Alpha-1 beta-22 GAMMA-333"
    assert pattern.search(text).group("word") == real.search(text).group("word") == "Alpha"  # type: ignore[union-attr]
    assert pattern._compiled is not None
    assert pattern.sub(r"\2", text) == real.sub(r"\2", text) == "1 22 333"
    assert pattern.subn("x", text) == real.subn("x", text)
    assert pattern.findall(text) == real.findall(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert pattern.split(text) == real.split(text)
    assert pattern.match("beta-2") and not pattern.match(" beta-2")
    assert pattern.fullmatch("beta-2") and not pattern.fullmatch("beta-2 ")
    assert (pattern.pattern, pattern.flags, pattern.groupindex, pattern.groups) == \
        (real.pattern, real.flags, real.groupindex, real.groups)
    assert "search" in vars(pattern)  # bound once: later calls do not go through __getattr__


def test_a_bad_lazy_pattern_fails_at_first_use_with_res_own_error() -> None:
    pattern = lazy(r"(unclosed")
    try:
        pattern.search("x")
    except re.error as exc:
        assert "missing )" in str(exc)
    else:
        raise AssertionError("re.error expected")


def test_importing_the_notes_and_source_readers_compiles_none_of_their_lazy_patterns() -> None:
    """The point of lazy(): a process that imports these modules and uses no pattern compiles none of them."""
    probe = ("import re, sys\n"
             "import mediafeed.notes, mediafeed.episodes, mediafeed.transcripts, mediafeed.chapters, mediafeed.value, "
             "mediafeed.config, mediafeed.source\n"
             "from mediafeed.lazypattern import LazyPattern\n"
             "found = [(name, value) for module in list(sys.modules.values()) if (module.__name__ or '').startswith('mediafeed')"
             " for name, value in vars(module).items() if isinstance(value, LazyPattern)]\n"
             "assert len(found) >= 40, len(found)\n"
             "print(sum(value._compiled is not None for _, value in found))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0", done.stdout + done.stderr


def test_the_feed_checks_patterns_a_one_edit_build_does_not_use_are_lazy() -> None:
    """A one-edit rebuild imports the feed checks and never uses these patterns (their tags and forms are not in its
    feed): compiled at import they were ~0.5% of its instructions (bench/RESULTS-2026-11-28-s26edit.txt)."""
    probe = ("import mediafeed.checks.channel as channel, mediafeed.checks.namespace as namespace, "
             "mediafeed.checks.podlove as podlove, mediafeed.checks.value as value, mediafeed.notes as notes\n"
             "from mediafeed.lazypattern import LazyPattern\n"
             "patterns = [channel._OTHER_ZONE, channel._SCHEME, namespace._YES_NO, namespace._BOOLEAN, namespace._RFC2822,"
             " podlove._FIELDS, value.SECONDS, notes._BLOCK_END]\n"
             "patterns += [namespace.FORMS[key][0] for key in (('location', 'rel'), ('location', 'geo'), ('location', 'osm'),"
             " ('location', 'country'), ('integrity', 'type'), ('liveItem', 'status'), ('remoteItem', 'medium'))]\n"
             "assert all(isinstance(p, LazyPattern) for p in patterns), [p for p in patterns if not isinstance(p, LazyPattern)]\n"
             "print(sum(p._compiled is not None for p in patterns))\n"
             "assert namespace.FORMS[('location', 'geo')][0].match('GEO:30.26,-97.74') and not value.SECONDS.match('1e3')\n"
             "assert channel._OTHER_ZONE.match('Mon, 01 Jan 2024 10:00:00 CEST').group('zone') == 'CEST'\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "0", done.stdout + done.stderr


def test_a_caseless_pattern_matches_what_the_pattern_matches_ignoring_case() -> None:
    """caseless() drops re.IGNORECASE (slow: every compared character lowercased) for classes of each letter's cases,
    Unicode's folds too: under the flag "s" matches "ſ", "k" the Kelvin sign, "i" the dotted and dotless I."""
    import random

    from mediafeed.lazypattern import caseless

    source = r"</?(?:a(?:ddress|side)|d(?:iv|t)|h(?:[1-6]|r)|li|p(?:re)?|section|track)(?![\w:-])[^>]*>|<hr\s*/?>"
    flagged, plain = re.compile(source, re.I), re.compile(caseless(source))
    assert not plain.flags & re.I
    rng = random.Random(7)
    pieces = ["<", "</", ">", "/>", " ", "\n", "-", ":", "x", "1", "7", "a", "A", "ddress", "DDRESS", "side", "iv", "IV", "t",
              "T", "h", "H", "r", "li", "LI", "p", "P", "re", "RE", "section", "ſection", "ſECTİON", "ıı", "track",
              "trac\u212a", "TRACK", "é", '"<P>"']
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in flagged.finditer(text)], text
    for bad in (r"[a-z]+", r"(?i)x", r"(?P<name>x)"):
        try:
            caseless(bad)
        except ValueError:
            continue
        raise AssertionError(f"caseless({bad!r}) should refuse")
