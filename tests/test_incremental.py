"""Incremental builds: after any kind of change, the output is byte-identical to a clean build of the same input."""

from __future__ import annotations

import base64
import datetime
import hashlib
import html
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import add_episode, copy_show, make_media

from mediafeed.build import build
from mediafeed.cache import CACHE_DIR, Cache
from mediafeed.project import load_project

NOTES = "episodes/003-capabilities-framework/episode.md"
NEW_EPISODE = """
title: A new finding
date: 2026-05-04T08:00:00+00:00
guid: 4a0f9a43-0d55-4d6e-9a7e-2b8e3c0c1b01
audio: audio.mp3
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_as_clean(show: Path, built: Path, tmp_path: Path, **options: object) -> None:
    clean = build(show, tmp_path / "clean", clean=True, **options)  # type: ignore[arg-type]
    got, want = tree(built), tree(clean.output)
    assert sorted(got) == sorted(want)
    different = [rel for rel in want if got[rel] != want[rel]]
    assert not different


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def change_notes(show: Path) -> None:
    edit(show / NOTES, "staff have described concerns", "staff have reported concerns")


def change_front_matter(show: Path) -> None:
    edit(show / NOTES, "title: What Practitioners Need to Know", "title: What Practitioners Must Know")


def replace_audio(show: Path) -> None:
    # Same length, new bytes (a different bit rate): the ledger allows it, the enclosure length changes.
    target = show / "episodes/000-trailer/safe-to-say-trailer.mp3"
    from mutagen.mp3 import MP3

    seconds = MP3(target).info.length
    fresh = make_media(show.parent / "fresh.mp3", "mp3", seconds, extra=("-b:a", "48k"))
    shutil.copyfile(fresh, target)


def add_one(show: Path) -> None:
    add_episode(show, "006-new-finding", NEW_EPISODE)


def remove_one(show: Path) -> None:
    shutil.rmtree(show / "episodes/005-european-review")


def change_template(show: Path) -> None:
    (show / "templates").mkdir(exist_ok=True)
    (show / "templates/episode.html").write_text(
        '{% extends "default/episode.html" %}{% block title %}Listen: {{ super() }}{% endblock %}', encoding="utf-8")


def change_show(show: Path) -> None:
    edit(show / "show.yml", "title: Safe to Say", "title: Safe to Say Again")


def change_language(show: Path) -> None:
    edit(show / "show.yml", "language: en-gb", "language: fr")


def change_word(show: Path) -> None:
    edit(show / "show.yml", "language: en-gb", "language: fr\nwords:\n  subscribe: Abonnez-vous")
    build(show)
    edit(show / "show.yml", "subscribe: Abonnez-vous", "subscribe: Suivre l’émission")


CHANGES: dict[str, Callable[[Path], None]] = {
    "notes": change_notes,
    "front matter": change_front_matter,
    "audio replaced": replace_audio,
    "episode added": add_one,
    "episode removed": remove_one,
    "template changed": change_template,
    "show.yml changed": change_show,
    "language changed": change_language,
    "a word of the theme changed": change_word,
}


@pytest.mark.parametrize("kind", list(CHANGES))
def test_incremental_build_equals_clean_build(show: Path, tmp_path: Path, kind: str) -> None:
    build(show)
    CHANGES[kind](show)
    second = build(show)
    assert second.written, "the change must show in the output"
    assert second.kept or kind in {"template changed", "show.yml changed", "language changed", "a word of the theme changed"}
    assert_same_as_clean(show, second.output, tmp_path)


def test_package_version_change_renders_everything_again(show: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = build(show)
    for name, module in list(sys.modules.items()):
        if name.startswith("mediafeed") and getattr(module, "__version__", None):
            monkeypatch.setattr(module, "__version__", "99.0.0")
    second = build(show)
    assert second.kept == 0 and second.rendered == first.rendered
    assert b"mediafeed 99.0.0" in (second.output / "feed.xml").read_bytes()
    assert_same_as_clean(show, second.output, tmp_path)


def test_no_change_rebuild_probes_renders_and_writes_nothing(show: Path) -> None:
    first = build(show)
    second = build(show)
    assert first.probed == 6 and first.kept == 0
    assert second.probed == 0 and second.rendered == 0 and not second.written and not second.removed
    assert second.kept == first.rendered == 6 + 3  # six episodes, the indexes, the extras, the feeds


def test_one_edit_renders_that_episode_and_the_listings_only(show: Path) -> None:
    build(show)
    change_notes(show)
    report = build(show)
    assert report.rendered == 4 and report.probed == 0
    assert set(report.written) <= {"episodes/003-capabilities-framework/index.html",
                                   "episodes/003-capabilities-framework/player.html",
                                   "episodes/003-capabilities-framework/embed/index.html",
                                   "index.html", "feed.xml", "feed.json", "sitemap.xml"}
    assert "episodes/003-capabilities-framework/index.html" in report.written and "feed.xml" in report.written


MEDIA = "episodes/003-capabilities-framework/capabilities-framework.mp3"


def description_tags(mp3: Path) -> tuple[str, str]:
    from mutagen.id3 import ID3

    tags = ID3(mp3)
    (comment,) = tags.getall("COMM")
    return str(comment), str(tags["TDES"])


def test_a_correction_to_the_notes_leaves_the_published_audio_as_it_was(show: Path) -> None:
    """The audio carries the summary, not the notes: correcting the notes re-tags nothing, so the file's bytes (and
    what `publish` uploads) stay; a new summary re-tags it."""
    first = build(show)
    before = (first.output / MEDIA).read_bytes()
    summary = ("A capabilities framework for working safely with men who perpetrate intimate partner violence while "
               "they are in substance use treatment.")
    assert description_tags(first.output / MEDIA) == (summary, summary)
    change_notes(show)
    second = build(show)
    assert "episodes/003-capabilities-framework/index.html" in second.written
    assert MEDIA not in second.written and second.tagged == [] and (second.output / MEDIA).read_bytes() == before
    edit(show / NOTES, "working safely with men", "working safely and well with men")
    third = build(show)
    assert third.tagged == [MEDIA] and MEDIA in third.written
    assert description_tags(third.output / MEDIA) == (summary.replace("safely", "safely and well"),) * 2


def test_without_a_summary_the_audio_carries_the_notes_opening_and_only_an_edit_there_re_tags_it(show: Path) -> None:
    path = show / NOTES
    text = path.read_text(encoding="utf-8")
    start = text.index("summary: >-\n")
    end = text.index("content_note:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    first = build(show)
    comment, description = description_tags(first.output / MEDIA)
    assert comment == description and comment.startswith("Substance use treatment services see many men who use abuse")
    assert comment.endswith("…") and 200 < len(comment) <= 301 and "**" not in comment  # the plain text, cut at a word
    page = first.output.joinpath("episodes/003-capabilities-framework/index.html").read_text(encoding="utf-8")
    assert comment == html.unescape(page.split('<meta name="description" content="', 1)[1].split('"', 1)[0])
    before = (first.output / MEDIA).read_bytes()
    path.write_text(path.read_text(encoding="utf-8") + "\nA correction at the end of the notes.\n", encoding="utf-8")
    second = build(show)
    assert second.tagged == [] and (second.output / MEDIA).read_bytes() == before
    edit(path, "Substance use treatment services see", "Drug and alcohol services see")
    third = build(show)
    assert third.tagged == [MEDIA]
    assert description_tags(third.output / MEDIA)[0].startswith("Drug and alcohol services see many men")


def paged(show: Path) -> None:
    """Two episodes an index page: 005+004, 003+002, 001+000."""
    (show / "show.yml").write_text((show / "show.yml").read_text(encoding="utf-8") + "page_size: 2\n", encoding="utf-8")


@pytest.mark.parametrize("kind", ["notes", "episode added", "episode removed"])
def test_paged_index_incremental_build_equals_clean_build(show: Path, tmp_path: Path, kind: str) -> None:
    paged(show)
    build(show)
    CHANGES[kind](show)
    second = build(show)
    assert_same_as_clean(show, second.output, tmp_path)


def test_one_edit_renders_only_the_index_page_that_lists_it(show: Path) -> None:
    paged(show)
    first = build(show)
    change_front_matter(show)  # a new title: its index page shows it
    report = build(show)
    assert first.rendered == 6 + 3 + 2  # six episodes, three index pages, the extras, the feeds
    assert report.rendered == 4  # the episode, its index page, the extras, the feeds
    assert "page/2/index.html" in report.written
    assert "index.html" not in report.written and "page/3/index.html" not in report.written


def mark_kept_items(show: Path) -> None:
    """Mark every kept ``<item>`` in the cache: a build that takes an item from there shows the mark."""
    with sqlite3.connect(show / CACHE_DIR / "cache.sqlite") as db:
        marked = db.execute("UPDATE fragment SET v = replace(v, '<title>', '<title>KEPT ') WHERE k LIKE 'rss/%'")
        assert marked.rowcount == 6


def test_one_edit_copies_the_other_feed_items_from_the_feed_on_disk(show: Path, tmp_path: Path) -> None:
    build(show)
    mark_kept_items(show)
    change_notes(show)
    second = build(show)
    feed = (second.output / "feed.xml").read_text(encoding="utf-8")
    assert "staff have reported concerns" in feed  # the edited episode's item is new
    assert "KEPT" not in feed  # the five others came from the feed.xml the last build wrote, not the cache
    assert_same_as_clean(show, second.output, tmp_path)


def test_one_edit_takes_the_other_feed_items_from_the_cache_when_the_feed_was_touched(show: Path, tmp_path: Path) -> None:
    import os

    first = build(show)
    feed_path = first.output / "feed.xml"
    # Edited by hand, same size and mtime: only its ctime tells. Its bytes must not be copied into the next feed.
    before = feed_path.stat()
    data = feed_path.read_bytes()
    assert data.count(b"<title>One study at a time</title>") == 1
    feed_path.write_bytes(data.replace(b"<title>One study at a time</title>", b"<title>ONE STUDY AT A TIME</title>"))
    os.utime(feed_path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert feed_path.stat().st_size == before.st_size and feed_path.stat().st_mtime_ns == before.st_mtime_ns
    mark_kept_items(show)
    change_notes(show)
    feed = (build(show).output / "feed.xml").read_text(encoding="utf-8")
    assert "INTRODUCING" not in feed
    assert "<title>KEPT One study at a time</title>" in feed  # from the cache's kept items instead
    assert "staff have reported concerns" in feed
    assert feed.count("KEPT") == 5


@pytest.mark.parametrize("damage", ["overlapping", "not numbers", "negative"])
def test_a_malformed_record_of_the_feeds_is_not_trusted(show: Path, tmp_path: Path, damage: str) -> None:
    build(show)
    with sqlite3.connect(show / CACHE_DIR / "cache.sqlite") as db:
        rows = db.execute("SELECT k, tag, v FROM stream").fetchall()
        assert len(rows) == 1
        record = json.loads(rows[0][2])
        assert sorted(record) == ["feed.json", "feed.xml"]
        identity, pieces = record["feed.xml"]
        assert len(pieces) == 6 and all(offset + length <= identity[1] for _, offset, length in pieces)
        if damage == "overlapping":  # every item said to be where the first one is: copied as told, a wrong feed
            record["feed.xml"][1] = [[key, pieces[0][1], pieces[0][2]] for key, _, _ in pieces]
        elif damage == "not numbers":
            record["feed.xml"][1] = [[key, str(offset), length] for key, offset, length in pieces]
        else:
            record["feed.xml"][1] = [[key, offset + length, -length] for key, offset, length in pieces]
        record["feed.json"] = "nonsense"
        db.execute("UPDATE stream SET v = ?", (json.dumps(record),))
    change_notes(show)
    second = build(show)
    assert_same_as_clean(show, second.output, tmp_path)


def test_new_audio_file_probes_exactly_one_file(show: Path) -> None:
    build(show)
    add_one(show)
    report = build(show)
    assert report.probed == 1


def test_deleted_output_file_is_written_again(show: Path, tmp_path: Path) -> None:
    first = build(show)
    (first.output / "episodes/001-ipv-and-substance-use/index.html").unlink()
    second = build(show)
    assert second.written == ["episodes/001-ipv-and-substance-use/index.html"]
    assert_same_as_clean(show, second.output, tmp_path)


def test_corrupt_cache_file_is_discarded(show: Path, tmp_path: Path) -> None:
    build(show)
    (show / CACHE_DIR / "cache.sqlite").write_bytes(b"this is not a database" * 100)
    for side in ("cache.sqlite-wal", "cache.sqlite-shm"):
        (show / CACHE_DIR / side).unlink(missing_ok=True)
    change_notes(show)
    report = build(show)
    assert report.probed == 6 and report.kept == 0
    assert_same_as_clean(show, report.output, tmp_path)


def test_malformed_cache_rows_are_not_trusted(show: Path, tmp_path: Path) -> None:
    build(show)
    db = sqlite3.connect(show / CACHE_DIR / "cache.sqlite")
    db.execute("UPDATE output SET v = '{\"files\": \"nonsense\"}'")
    db.execute("UPDATE probe SET v = '{\"size\": \"big\"}'")
    db.execute("UPDATE notes SET v = '99999:0:<p>cut short</p>'")  # lengths that do not add up
    # episode rows: a head longer than the row, a head that is not JSON, fields of another count or type,
    # Markdown inside the head (the row is "<length of head>:" + head + Markdown)
    rows = dict(db.execute("SELECT k, v FROM episode").fetchall())
    keys = sorted(rows)
    bad = ["99999:[null,[]]", "5:[nul]x", "12:[[1,2],[]]text", "3:[1]", "x" + rows[keys[4]], '18:[["x"],[]]' + rows[keys[5]]]
    for key, damage in zip(keys, bad, strict=True):
        db.execute("UPDATE episode SET v = ? WHERE k = ?", (damage, key))
    db.commit()
    db.close()
    change_notes(show)
    report = build(show)
    assert report.kept == 0 and report.probed == 6
    assert_same_as_clean(show, report.output, tmp_path)


def test_an_episode_row_that_is_not_what_mediafeed_wrote_is_parsed_again(show: Path, tmp_path: Path) -> None:
    build(show)
    db = sqlite3.connect(show / CACHE_DIR / "cache.sqlite")
    (key, row), = db.execute("SELECT k, v FROM episode ORDER BY k LIMIT 1").fetchall()
    length, _, rest = row.partition(":")
    head = json.loads(rest[:int(length)])
    head[0][2] = 5  # the title: a number
    text = json.dumps(head)
    db.execute("UPDATE episode SET v = ? WHERE k = ?", (f"{len(text)}:{text}{rest[int(length):]}", key))
    db.commit()
    db.close()
    cache = Cache(show / CACHE_DIR / "cache.sqlite")
    try:
        project = load_project(show, cache)
        assert cache.stats["parsed"] == 1  # that episode alone
    finally:
        cache.close()
    assert all(isinstance(e.title, str) for e in project.episodes)
    assert_same_as_clean(show, build(show).output, tmp_path)


#: front matter with every kind of value PyYAML's safe loader makes (and mediafeed's own: numbers that keep their text)
ODD_YAML = """
title: 1.10
date: 2026-01-05 08:00:00.5-05:30
published: 2026-01-05
plain: 2026-01-05T08:00:00Z
episode: 007
season: 0x1F
big: 123456789012345678901234567890
half: 0.5
tiny: 1.0e-300
yes: yes
none: ~
empty: ""
keywords: [a, 2, 3.0, true, null, {x: 1}]
nested: {list: [[1, 2], []], map: {a: {b: c}}}
1: a number as a key
2026-01-05: a date as a key
text: |
  two lines,
  the second \u00e9 \U0001F600
"""


def _exactly(a: object, b: object) -> bool:
    """The same values of the same types (a number's ``text``, a time's offset, the keys' order too)."""
    if type(a) is not type(b) or getattr(a, "text", None) != getattr(b, "text", None):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return list(a) == list(b) and all(_exactly(k, j) and _exactly(a[k], b[j]) for k, j in zip(a, b, strict=True))
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(_exactly(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, datetime.datetime):
        assert isinstance(b, datetime.datetime)
        return a == b and a.utcoffset() == b.utcoffset() and a.isoformat() == b.isoformat()
    return a == b


def test_yaml_values_come_back_from_the_cache_exactly() -> None:
    from mediafeed import source

    parsed, problems = source.load_yaml(ODD_YAML, "x.yml")
    assert not problems and parsed["title"].text == "1.10" and parsed["episode"].text == "007"
    first = source.ParsedYaml()
    with source.remembering(first):
        data, problems = source.load_yaml(ODD_YAML, "x.yml")
    assert not problems and len(first.made) == 1
    assert _exactly(data, parsed)
    again = source.ParsedYaml(first.made.get)
    with source.remembering(again):
        recalled, problems = source.load_yaml(ODD_YAML, "x.yml")
        twice, _ = source.load_yaml(ODD_YAML, "x.yml")
    assert not problems and not again.made  # recalled, not parsed
    assert _exactly(recalled, parsed) and recalled is not twice and recalled["keywords"] is not twice["keywords"]


@pytest.mark.parametrize("text", ["a: &x [1]\nb: *x\n", "a: .inf\n", "a: !!binary aGk=\n", "a: !!set {x}\n",
                                  "a: [1, 2\n", "a: 1\na: 2\n"])
def test_yaml_the_cache_cannot_give_back_exactly_is_parsed_every_time(text: str) -> None:
    from mediafeed import source

    memo = source.ParsedYaml()
    with source.remembering(memo):
        source.load_yaml(text, "x.yml")
    assert memo.made == {}  # an alias (the same list twice), an infinity, bytes, a set; problems: parsed for their words


def test_a_yaml_memo_is_used_only_by_the_thread_that_set_it() -> None:
    """``serve`` builds in a thread: a memo reads that build's cache, whose SQLite connection belongs to that thread."""
    import threading

    from mediafeed import source

    asked: list[str] = []
    memo = source.ParsedYaml(lambda digest: asked.append(digest))  # type: ignore[func-returns-value]
    seen: list[object] = []
    with source.remembering(memo):
        source.load_yaml("a: 1\n", "x.yml")
        other = threading.Thread(target=lambda: seen.append((source.remembered(), source.load_yaml("b: 2\n", "y.yml"))))
        other.start()
        other.join()
    assert len(asked) == 1 and seen[0] == (None, ({"b": 2}, [])) and len(memo.made) == 1


def test_a_notes_edit_takes_the_yaml_it_reads_from_the_cache(show: Path, tmp_path: Path) -> None:
    """show.yml and the edited episode's front matter were parsed by the build before: the rebuild does not
    import PyYAML, and its site is a clean build's, byte for byte (also with odd values in the front matter)."""
    odd = show / "episodes/002-learning-alliances/episode.md"
    text = odd.read_text(encoding="utf-8")
    odd.write_text(text.replace("\n---\n", "\nkeywords: [1.10, 007, 0x1F, plain text]\n---\n", 1), encoding="utf-8")
    build(show)
    change_notes(show)
    edit(odd, "\n---\n", "\n---\nA sentence added to the notes.\n")
    code = ("import sys; from pathlib import Path; from mediafeed.build import build; r = build(Path(sys.argv[1]));"
            "print(r.kept, 'yaml' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(show)], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "MEDIAFEED_JOBS": "1"})
    kept, imported = done.stdout.split()
    assert int(kept) > 0 and imported == "False"
    assert_same_as_clean(show, show / "public", tmp_path)


@pytest.mark.parametrize("damage", ["not json", '{"x":1}', '{"m":[["title",NaN]]}', '{"m":[["title","a"]]} ', '[1,2',
                                    '{"m":[["title",{"i":[1,"1"]}]]}', '{"m":[["title",{"t":"yesterday"}]]}', '{"m":5}'])
def test_a_yaml_row_that_is_not_what_mediafeed_wrote_is_parsed_again(show: Path, tmp_path: Path, damage: str) -> None:
    build(show)
    db = sqlite3.connect(show / CACHE_DIR / "cache.sqlite")
    assert db.execute("SELECT count(*) FROM yaml").fetchone()[0] == 7  # show.yml and each episode's front matter
    db.execute("UPDATE yaml SET v = ?", (damage,))
    db.commit()
    db.close()
    change_notes(show)
    report = build(show)
    assert report.kept > 0
    assert_same_as_clean(show, report.output, tmp_path)


def test_notes_the_cache_lost_are_rendered_again_when_a_page_reads_them(show: Path, tmp_path: Path) -> None:
    # A rebuild does not ask whether the notes of an episode read from its cache row are there (the build that
    # wrote the row kept them): notes missing after all are rendered when they are read.
    build(show)
    db = sqlite3.connect(show / CACHE_DIR / "cache.sqlite")
    db.execute("DELETE FROM notes")
    db.commit()
    db.close()
    change_template(show)  # every page is rendered again: every episode's notes are read
    report = build(show)
    assert report.kept == 0
    assert_same_as_clean(show, report.output, tmp_path)


def test_clean_ignores_the_cache(show: Path, tmp_path: Path) -> None:
    first = build(show)
    # Poison the cache: rendered notes with a valid key but other text, and every output claimed unchanged.
    db = sqlite3.connect(show / CACHE_DIR / "cache.sqlite")
    db.execute("UPDATE notes SET v = '13:0:<p>POISON</p>'")
    db.commit()
    db.close()
    (first.output / "episodes/003-capabilities-framework/index.html").write_text("stale")
    clean = build(show, clean=True)
    page = (clean.output / "episodes/003-capabilities-framework/index.html").read_text()
    assert "POISON" not in page and "capabilities framework" in page
    assert clean.probed == 6 and clean.kept == 0
    assert_same_as_clean(show, clean.output, tmp_path)


def compiled_templates(show: Path) -> list[Path]:
    return sorted((show / CACHE_DIR / "jinja").rglob("*.cache"))


def test_compiled_templates_are_kept_and_a_torn_one_is_compiled_again(show: Path, tmp_path: Path) -> None:
    build(show)
    compiled = compiled_templates(show)
    assert compiled, "the first build keeps its compiled templates"
    for index, path in enumerate(compiled):  # torn after the magic, garbage, or empty
        path.write_bytes([path.read_bytes()[:20], b"not a template" * 10, b""][index % 3])
    change_notes(show)
    report = build(show)
    assert report.written
    assert_same_as_clean(show, report.output, tmp_path)
    assert all(path.stat().st_size > 100 for path in compiled_templates(show)), "torn files are written again"


def test_an_edited_template_is_compiled_again(show: Path) -> None:
    (show / "templates").mkdir(exist_ok=True)
    template = show / "templates/episode.html"
    template.write_text('{% extends "default/episode.html" %}{% block title %}First: {{ super() }}{% endblock %}')
    build(show)
    template.write_text('{% extends "default/episode.html" %}{% block title %}Again: {{ super() }}{% endblock %}')
    page = (build(show).output / "episodes/003-capabilities-framework/index.html").read_text()
    assert "Again: " in page and "First: " not in page


def test_clean_ignores_the_compiled_templates(show: Path) -> None:
    build(show)
    poisoned = compiled_templates(show)
    for path in poisoned:
        path.write_bytes(b"poison")
    build(show, clean=True)
    assert compiled_templates(show) and all(p.read_bytes() != b"poison" for p in compiled_templates(show))


def compiled_default_theme(user_cache: Path) -> list[Path]:
    return sorted((user_cache / "mediafeed" / "jinja").rglob("*.cache"))


def test_a_first_build_takes_the_default_theme_compiled_from_the_user_cache(
        show: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    first = build(show)
    assert compiled_default_theme(tmp_path / "user-cache"), "the default theme is kept in the user's cache"
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kw: object) -> object:
        compiled.append(name)
        return original(self, source, name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    other = copy_show(tmp_path / "other")
    second = build(other)  # an empty .mediafeed/: the theme comes from the user's cache
    assert compiled == []
    assert compiled_templates(other), "and is kept in the show's own cache too"
    assert tree(second.output) == tree(first.output)


def test_a_torn_file_in_the_user_cache_is_compiled_again(show: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    first = build(show)
    for index, path in enumerate(compiled_default_theme(tmp_path / "user-cache")):
        path.write_bytes([path.read_bytes()[:20], b"not a template" * 10, b""][index % 3])
    second = build(copy_show(tmp_path / "other"))
    assert tree(second.output) == tree(first.output)
    rewritten = compiled_default_theme(tmp_path / "user-cache")
    assert rewritten and all(path.stat().st_size > 100 for path in rewritten)


def test_a_temp_file_of_a_compiled_template_in_the_user_cache_is_swept(show: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A build killed while it wrote a compiled template into the user's cache left its temp file there
    ('.<key>.cache.<pid>-0.tmp') until mediafeed's code changed: no later write replaces it (each writes its own),
    and no build swept that folder, which every show shares. Now the first write of a build into it sweeps the temp
    files of writers no longer running, as the scaled artwork's folder is swept."""
    import subprocess

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    build(show)
    compiled = compiled_default_theme(tmp_path / "user-cache")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = compiled[0].parent / f".{compiled[0].name}.{int(gone.stdout)}-0.tmp"  # a writer no longer running
    stale.write_bytes(compiled[0].read_bytes()[:100])
    compiled[0].unlink()  # the kill came before the rename: the next first build compiles that template again
    build(copy_show(tmp_path / "other"))
    assert compiled[0].exists() and not stale.exists()


def test_a_user_cache_that_cannot_be_written_costs_only_the_compile(show: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    report = build(show)
    assert report.written and compiled_templates(show)
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)  # no home at all: nothing kept outside the show
    assert_same_as_clean(show, report.output, tmp_path)


def test_a_shows_own_templates_are_not_kept_in_the_user_cache(show: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    (show / "templates").mkdir()
    (show / "templates/fragment.html").write_text("<p>{{ item.episode.title }}</p>\n")
    build(show)
    assert len(compiled_default_theme(tmp_path / "user-cache")) == len(compiled_templates(show)) - 1


def test_a_cold_build_keeps_the_notes_it_rendered_instead_of_reading_them_back(show: Path, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # the checks, tagging, the feed rules and the pages each read every episode's notes back from the cache:
    # 77 ms of a cold build's CPU at 1,000 episodes (issue #9); notes that add up to NotesReader.HOLD are kept
    from mediafeed import cache as cache_io
    from mediafeed.notestore import NotesReader

    tables: list[str] = []
    original = cache_io.Cache.get_many

    def counting(self: Cache, table: str, *args: object, **kw: object) -> object:
        tables.append(table)
        return original(self, table, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_io.Cache, "get_many", counting)
    kept = build(show, clean=True)
    assert "notes" not in tables
    monkeypatch.setattr(NotesReader, "HOLD", 100)  # a big show's notes: read back when needed
    other = copy_show(tmp_path / "other")
    read_back = build(other, clean=True)
    assert "notes" in tables
    assert tree(read_back.output) == tree(kept.output)


def kept_artwork(user_cache: Path) -> list[Path]:
    return sorted((user_cache / "mediafeed" / "images").rglob("*.jpg"))


def test_a_first_build_takes_the_scaled_artwork_from_the_user_cache(show: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # scaling the artwork to the pages' three sizes was ~50 ms of every cold build (issue #9): like the default
    # theme's compiled templates, the copies are kept in the user's cache, keyed by the image's bytes
    from mediafeed import images

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    first = build(show)
    assert len(kept_artwork(tmp_path / "user-cache")) == len(images.SIZES)
    scaled: list[object] = []
    original = images.scaled
    monkeypatch.setattr(images, "scaled", lambda *args: scaled.append(args) or original(*args))
    other = copy_show(tmp_path / "other")
    second = build(other)  # an empty .mediafeed/: the copies come from the user's cache
    assert scaled == []
    assert tree(second.output) == tree(first.output)
    assert sorted(p.name for p in (other / CACHE_DIR / "images").iterdir()) == \
        sorted(p.name for p in (show / CACHE_DIR / "images").iterdir()), "and are kept in the show's own cache too"


def test_a_torn_or_altered_artwork_copy_in_the_user_cache_is_made_again(show: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    first = build(show)
    kept = kept_artwork(tmp_path / "user-cache")
    good = {path: path.read_bytes() for path in kept}
    kept[0].write_bytes(good[kept[0]][:100])  # torn
    kept[1].write_bytes(good[kept[1]][:-1] + b"x")  # one byte changed, its checksum not
    second = build(copy_show(tmp_path / "other"))
    assert tree(second.output) == tree(first.output)
    assert {path: path.read_bytes() for path in kept_artwork(tmp_path / "user-cache")} == good


def test_another_pillows_artwork_copies_are_removed_from_the_user_cache(show: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    old = tmp_path / "user-cache/mediafeed/images/0ld5e771"
    old.mkdir(parents=True)
    (old / "x-96.jpg").write_bytes(b"an older Pillow's copy")
    build(show)
    assert not old.exists() and kept_artwork(tmp_path / "user-cache")


def new_artwork(show: Path, shade: int) -> None:
    """The show's artwork, one pixel changed: other bytes, so new scaled copies (a new key in the user's cache)."""
    from PIL import Image

    with Image.open(show / "artwork.png") as image:
        changed = image.convert("RGB")
    changed.putpixel((0, 0), (shade, shade, shade))
    changed.save(show / "artwork.png")


def plant(folder: Path, key: str, days: float, size: int = 1000) -> list[Path]:
    """The three copies of an artwork some build made ``days`` ago (``key``: 64 hex digits), ``size`` bytes each."""
    from mediafeed import images
    from mediafeed.atomicfiles import write_checked

    made = []
    for px in images.SIZES:
        path = folder / f"{key}-{px}.jpg"
        write_checked(path, b"\xff" * size)
        when = time.time() - days * 86400
        os.utime(path, (when, when))
        made.append(path)
    return made


def test_artwork_copies_no_build_used_for_months_are_pruned_from_the_user_cache(show: Path, tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, the user's cache kept every scaled copy of every artwork any show ever had (removed only with another
    Pillow or other JPEG settings): it grew with each new cover, for good. Now, when a build writes new copies there
    (it has just scaled artwork: never a rebuild that finds its copies), at most once a day, the copies no build used
    for PRUNE_DAYS days go, then the least recently used while the folder holds more than PRUNE_BYTES."""
    from mediafeed import images

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    first = build(show)
    folder = tmp_path / "user-cache/mediafeed/images" / images.settings()
    sample = kept_artwork(tmp_path / "user-cache")
    marker = folder / ".pruned"  # when the build that wrote them last looked at the folder: just now

    def a_day_since_the_last_prune() -> None:
        os.utime(marker, (time.time() - images.DAY - 60,) * 2)

    stale = plant(folder, "a" * 64, days=images.PRUNE_DAYS + 1)
    recent = plant(folder, "b" * 64, days=images.PRUNE_DAYS - 1)
    for path in sample:  # made long ago, and used by the build below (a first build of another copy of the show)
        os.utime(path, (time.time() - 200 * 86400,) * 2)
    assert tree(build(copy_show(tmp_path / "again")).output) == tree(first.output)
    assert all(path.stat().st_mtime > time.time() - 3600 for path in sample), "used: the copies say so"
    other = copy_show(tmp_path / "other")
    new_artwork(other, 1)
    a_day_since_the_last_prune()
    build(other)  # new copies written: the user's cache is pruned
    assert not [path for path in stale if path.exists()]
    assert all(path.exists() for path in recent + sample)
    assert len(kept_artwork(tmp_path / "user-cache")) == 3 * len(images.SIZES)  # the sample's, recent, other's
    # at most once a day: another stale artwork stays until a day after that prune
    stale = plant(folder, "c" * 64, days=images.PRUNE_DAYS + 1)
    new_artwork(other, 2)
    build(other)
    assert all(path.exists() for path in stale)
    a_day_since_the_last_prune()

    # and at most PRUNE_BYTES: the least recently used go first, never the copies just made
    def key() -> str:
        return hashlib.sha256((other / "artwork.png").read_bytes()).hexdigest()

    second = key()
    new_artwork(other, 3)
    third = key()
    room = sum(p.stat().st_size for p in folder.glob(f"{second}-*.jpg"))
    room += sum(32 + len(data) for data in images.scaled(other / "artwork.png").values())
    monkeypatch.setattr(images, "PRUNE_BYTES", room)
    build(other)
    assert not [path for path in stale if path.exists()]
    assert sorted(path.name.split("-")[0] for path in kept_artwork(tmp_path / "user-cache")) == \
        sorted([second, third] * len(images.SIZES))  # not the sample's (used before the second), nor recent's
    monkeypatch.setattr(images, "PRUNE_BYTES", 0)
    new_artwork(other, 4)
    a_day_since_the_last_prune()
    build(other)
    assert [path.name.split("-")[0] for path in kept_artwork(tmp_path / "user-cache")] == [key()] * len(images.SIZES)


def test_a_prune_marker_dated_in_the_future_does_not_stop_pruning(tmp_path: Path) -> None:
    """The user cache's prune ran when its marker was more than a day old: one a build touched while the clock was
    wrong ahead (a VM restored, a clock set a year on and back) stopped every prune until that date came, and the
    copies grew for good meanwhile. A marker from the future is stale: the next build that writes copies prunes."""
    from mediafeed import images

    folder = tmp_path / "images"
    folder.mkdir()
    stale = plant(folder, "a" * 64, days=images.PRUNE_DAYS + 1)
    (folder / images.PRUNED).touch()
    ahead = time.time() + 365 * 86400
    os.utime(folder / images.PRUNED, (ahead, ahead))
    assert images.prune(folder) == ["a" * 64]
    assert not [path for path in stale if path.exists()]
    assert (folder / images.PRUNED).stat().st_mtime <= time.time()  # the marker is now's again
    stale = plant(folder, "b" * 64, days=images.PRUNE_DAYS + 1)
    assert images.prune(folder) == []  # once a day still


def test_one_edit_rebuild_imports_neither_pillow_nor_a_process_pool(show: Path) -> None:
    """Start-up cost: what a one-edit rebuild does not use, it does not import (the artwork's size is remembered; the
    notes are not in the audio's tags, so nothing is tagged)."""
    import os
    import subprocess

    import mediafeed

    build(show)
    change_notes(show)
    code = ("import sys; from pathlib import Path; from mediafeed.build import build; build(Path(sys.argv[1])); "
            "print(sorted(m for m in ('PIL', 'multiprocessing', 'concurrent.futures', 'xml.sax.saxutils', 'mutagen') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(Path(mediafeed.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", code, str(show)], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_rebuild_never_opens_an_episodes_artwork_that_did_not_change(show: Path) -> None:
    """An episode's own artwork: its size (podcast:image width and height, the oEmbed thumbnail's) and its problems are
    remembered by the file's identity, as the show artwork's are: a rebuild for an edit to that very episode's notes
    (its pages and feed item rendered again) neither opens the image nor imports Pillow."""
    import os
    import subprocess

    from PIL import Image

    import mediafeed

    Image.new("RGB", (1500, 1500), (20, 90, 160)).save(show / "episodes/003-capabilities-framework/cover.jpg", quality=70)
    edit(show / NOTES, "audio: capabilities-framework.mp3\n", "audio: capabilities-framework.mp3\nartwork: cover.jpg\n")
    build(show)
    change_notes(show)
    code = ("import sys; from pathlib import Path; from mediafeed.build import build; report = build(Path(sys.argv[1])); "
            "print(sorted(m for m in ('PIL',) if m in sys.modules), len(report.written) > 0)")
    env = {**os.environ, "PYTHONPATH": str(Path(mediafeed.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", code, str(show)], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] True"
    feed = (show / "public/feed.xml").read_text(encoding="utf-8")
    assert 'cover.jpg" aspect-ratio="1/1" width="1500" height="1500" type="image/jpeg"' in feed
    oembed = json.loads((show / "public/episodes/003-capabilities-framework/oembed.json").read_text())
    assert (oembed["thumbnail_width"], oembed["thumbnail_height"]) == (1500, 1500)


def test_an_episodes_artwork_problem_is_reported_again_from_the_cache(show: Path) -> None:
    """The remembered size comes with the artwork's problems: the rebuild after a notes edit reports a cover's alpha
    channel (ART008, a warning) as the first build did, naming the file and the episode, without opening it."""
    import os
    import subprocess

    from PIL import Image

    import mediafeed

    Image.new("RGBA", (1400, 1400), (20, 90, 160, 128)).save(show / "episodes/003-capabilities-framework/cover.png")
    edit(show / NOTES, "audio: capabilities-framework.mp3\n", "audio: capabilities-framework.mp3\nartwork: cover.png\n")
    first = [(p.code, p.file, p.episode) for p in build(show).problems if p.code.startswith("ART")]
    assert first == [("ART008", "episodes/003-capabilities-framework/cover.png", "003-capabilities-framework")]
    change_notes(show)
    code = ("import sys; from pathlib import Path; from mediafeed.build import build; report = build(Path(sys.argv[1])); "
            "print(sorted(m for m in ('PIL',) if m in sys.modules), "
            "[(p.code, p.file, p.episode) for p in report.problems if p.code.startswith('ART')])")
    env = {**os.environ, "PYTHONPATH": str(Path(mediafeed.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", code, str(show)], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"[] {first}"


@pytest.mark.parametrize("where", [0.3, 0.6, 0.9])
def test_a_cache_damaged_inside_is_never_trusted(show: Path, tmp_path: Path, where: float) -> None:
    """Damage past the header (a bad disk, a stray write): the build never fails for it, never uses a wrong value."""
    build(show)
    path = show / CACHE_DIR / "cache.sqlite"
    data = bytearray(path.read_bytes())
    start = int(len(data) * where) // 4096 * 4096
    data[start:start + 8192] = bytes(range(256)) * 32
    path.write_bytes(bytes(data))
    change_notes(show)
    report = build(show)
    assert report.written
    assert_same_as_clean(show, report.output, tmp_path)
    build(show)
    again = build(show)
    assert again.written == [] and again.rendered == 0, "the cache works again after it"


def test_a_unit_whose_key_changed_is_forgotten_before_its_files_are_rewritten(tmp_path: Path) -> None:
    """A build that rewrites a unit's files and then stops (an error, a kill) must not leave the old record: a later
    build with the old key again would keep files that no longer match it."""
    from mediafeed import output
    from mediafeed.cache import Cache
    from mediafeed.incremental import Plan

    out, db = tmp_path / "site", tmp_path / "cache.sqlite"

    def page(text: str) -> Callable[[output.Site], None]:
        return lambda site: site.add("page.html", text.encode())

    cache = Cache(db)
    writer = output.Writer(out)
    plan = Plan(cache, out, "base")
    plan.unit(writer, "u", "key-1", page("one"))
    plan.record(["u"])
    cache.close()

    cache = Cache(db)
    plan = Plan(cache, out, "base")
    assert not plan.fresh("u", "key-1")
    plan.forget_changed([("u", "key-2")])
    plan.unit(output.Writer(out), "u", "key-2", page("two"))  # written, then the build stops: no record()
    del cache  # not even closed: what was forgotten was committed before the files changed

    plan = Plan(Cache(db), out, "base")
    assert plan.fresh("u", "key-1") and plan.fresh("u", "key-2")
    assert (out / "page.html").read_bytes() == b"two"


def _listed_long_ago(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if every file had been written long before the build (a test's files are seconds old: racy)."""
    from mediafeed import episodes

    monkeypatch.setattr(episodes, "RACY_NS", 0)


def test_a_rebuild_reads_only_the_episode_files_whose_identity_changed(show: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from mediafeed import project as project_module
    from mediafeed.cache import Cache
    from mediafeed.episodes import discover

    _listed_long_ago(monkeypatch)
    build(show)
    cache = Cache(show / CACHE_DIR / "cache.sqlite")
    try:
        folders = discover(show)[0]
        project_module.folder_keys(folders, cache)
        assert cache.stats["hashed"] == 0  # every episode.md is known by its identity: none is read
        # same size, same words but one: only its identity (mtime, ctime) says it changed
        edit(show / NOTES, "confidence, competence and", "confidence, capability and")
        keys = project_module.folder_keys(discover(show)[0], cache)
        assert cache.stats["hashed"] == 1
    finally:
        cache.close()
    assert keys != project_module.folder_keys(folders, Cache(None))
    second = build(show)
    assert "episodes/003-capabilities-framework/index.html" in second.written
    assert b"confidence, capability and" in (second.output / "episodes/003-capabilities-framework/index.html").read_bytes()
    assert_same_as_clean(show, second.output, tmp_path)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_cold_build_reads_each_episode_file_once_and_keys_it_as_a_rebuild_does(
        show: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    """A new cache knows no episode: each episode.md is read once, by whoever parses it (the workers, on two cores),
    which hashes the bytes it parsed for the folder's key; the build's own process used to read and hash every one
    of them first, while the workers waited. A rebuild then finds each episode's row and its file's hash under the
    same keys, reading and parsing nothing."""
    from collections import Counter

    from helpers import add_episode, alone_in_process

    from mediafeed import project as project_module
    from mediafeed.episodes import EPISODE_FILE, discover

    if jobs == "2":  # (a thread an earlier test left would make the build parse in this process: CI at e575b01)
        alone_in_process()

    for number in range(20):  # (enough for a pool: parallel.MIN_ITEMS)
        add_episode(show, f"{100 + number:03d}-extra", f"title: Extra {number}\ndate: 2026-01-{1 + number:02d}T08:00:00+00:00\n"
                    f"guid: 00000000-0000-4000-8000-{number:012d}\naudio: audio.mp3\n", body=f"Notes {number}.\n")
    _listed_long_ago(monkeypatch)
    monkeypatch.setenv("MEDIAFEED_JOBS", jobs)
    reads: Counter[str] = Counter()  #: in this process
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == EPISODE_FILE:
            reads[self.parent.name] += 1
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    cache = Cache(show / CACHE_DIR / "cache.sqlite")
    try:
        assert cache.unjournaled  # a new cache file
        project = load_project(show, cache)
        cache.commit()
    finally:
        cache.close()
    folders = discover(show)[0]
    assert len(project.episodes) == len(folders) > 20
    assert reads == ({} if jobs == "2" else {folder.slug: 1 for folder in folders})
    cache = Cache(show / CACHE_DIR / "cache.sqlite")
    try:
        assert project_module.folder_keys(folders, cache) == project_module.folder_keys(folders, Cache(None))
        assert cache.stats["hashed"] == 0  # each file's hash was kept under its identity
        reads.clear()
        again = load_project(show, cache)
        assert cache.stats["parsed"] == 0 and cache.stats["hashed"] == 0 and not reads
    finally:
        cache.close()
    assert again.episodes == project.episodes and again.fingerprints == project.fingerprints


def test_an_episode_file_written_just_before_the_build_is_read_every_time(show: Path) -> None:
    from mediafeed import project as project_module
    from mediafeed.cache import Cache
    from mediafeed.episodes import discover

    build(show)
    folders = discover(show)[0]
    assert all(folder.racy for folder in folders)  # written seconds ago: a second write could keep its identity
    cache = Cache(show / CACHE_DIR / "cache.sqlite")
    try:
        project_module.folder_keys(folders, cache)
        assert cache.stats["hashed"] == len(folders)
    finally:
        cache.close()


def test_the_build_reuses_the_shortcuts_look_at_the_episode_folders(show: Path) -> None:
    import os

    from mediafeed.episodes import discover
    from mediafeed.fastpath import Sweep

    (show / "episodes" / "_draft-ideas").mkdir()
    (show / "episodes" / "no-episode-file").mkdir()
    (show / "episodes" / "Bad Slug").mkdir()
    (show / "episodes" / "Bad Slug" / "episode.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (show / "episodes" / "003-capabilities-framework" / "extras").mkdir()
    os.symlink(show / "show.yml", show / "episodes" / "003-capabilities-framework" / "linked.txt")
    sweep = Sweep(show)
    sweep.tree()
    assert discover(show.resolve(), sweep) == discover(show.resolve())
    assert discover(show.resolve(), Sweep(show)) == discover(show.resolve())  # a look not taken is not used
    from mediafeed.probes import known_identities, media_identity

    rels = [f"episodes/{p.parent.name}/{p.name}" for p in sorted(show.glob("episodes/*/*.m*"))]
    rels.append("episodes/003-capabilities-framework/linked.txt")  # a link: its identity is its target's
    assert known_identities(sweep, show.resolve(), rels) == {rel: media_identity(show / rel) for rel in rels[:-1]}


def test_a_rebuild_checks_a_transcript_again_only_when_it_changed(show: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mediafeed import items as items_module
    from mediafeed.build import BuildFailed

    build(show)
    read: list[str] = []
    real = items_module.read_cues

    def spy(path, mime, rel, slug):  # type: ignore[no-untyped-def]
        read.append(rel)
        return real(path, mime, rel, slug)

    monkeypatch.setattr(items_module, "read_cues", spy)
    build(show)
    assert read == []  # each transcript's problems are known by its identity, type and the audio's duration
    transcript = show / "episodes" / "001-ipv-and-substance-use" / "transcript.vtt"
    edit(transcript, "WEBVTT", "WEBVTX")
    with pytest.raises(BuildFailed) as failed:
        build(show)
    assert read == ["episodes/001-ipv-and-substance-use/transcript.vtt"]
    assert [p.code for p in failed.value.problems if p.file.endswith("transcript.vtt")] == ["TRN001"]


def rewrite_in_place_keeping_size_and_mtime(path: Path, old: bytes, new: bytes) -> None:
    """What ``cp -p`` or ``rsync --inplace -t`` does with a re-exported file: other bytes, same size, same inode, the
    mtime put back; only the ctime (which no program can set) tells."""
    assert len(old) == len(new)
    before = path.stat()
    data = path.read_bytes()
    assert data.count(old) == 1
    with open(path, "r+b") as handle:
        handle.write(data.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)


@pytest.mark.parametrize("rel, old, new", [
    ("episodes/001-ipv-and-substance-use/transcript.vtt", b"sort out the drinking", b"sort out tha drinking"),
    ("episodes/001-ipv-and-substance-use/chapters.txt", b"00:00:07 Myths", b"00:00:07 Facts"),
    ("episodes/005-european-review/chapters.json", b'"What they found"', b'"What they saw?!"'),
])
def test_a_file_beside_episode_md_rewritten_at_its_size_and_mtime_is_built_again(
        show: Path, tmp_path: Path, rel: str, old: bytes, new: bytes) -> None:
    """Found by the model-based test (test_incremental_model.py): the episode's key had only the name, size and mtime
    of the files in its folder, so the rebuild kept the page, the transcript's copies and the chapters as they were
    (a clean build had the new words)."""
    build(show)
    rewrite_in_place_keeping_size_and_mtime(show / rel, old, new)
    second = build(show)
    assert second.written
    assert_same_as_clean(show, second.output, tmp_path)


def test_a_second_episode_given_the_artwork_another_one_has_builds(show: Path, tmp_path: Path) -> None:
    """Found by the model-based test: episode 001 given the picture episode 000 already had was rendered first and
    made the shared scaled copies (``images/<hash>-<size>.jpg``); episode 000's kept unit then claimed them too, and
    the build failed with OUT002 ("two outputs for one path") where a clean build of the same show succeeded."""
    from PIL import Image

    picture = tmp_path / "cover.png"
    Image.new("RGB", (1400, 1400), (30, 30, 200)).save(picture)
    build(show)
    for slug in ("000-trailer", "001-ipv-and-substance-use"):
        shutil.copyfile(picture, show / "episodes" / slug / "cover.png")
        edit(show / "episodes" / slug / "episode.md", "\naudio: ", "\nartwork: cover.png\naudio: ")
        report = build(show)
        assert not [p for p in report.problems if p.severity == "error"]
    assert list((report.output / "images").glob("*.jpg"))  # the shared scaled copies
    assert_same_as_clean(show, report.output, tmp_path)


def test_an_alternate_rewritten_at_its_size_and_mtime_gets_its_new_integrity(show: Path, tmp_path: Path) -> None:
    """The alternate's SRI integrity was cached on its size, mtime and inode: bytes rewritten in place with the mtime
    put back (``rsync --inplace -t`` of a re-export, a repaired byte) changed the probe's identity (its ctime) and not
    the integrity's, so the feed kept the old file's hash, which an app that checks it refuses (a clean build had the
    new one)."""
    folder = show / "episodes/003-capabilities-framework"
    make_media(folder / "small.mp3", "mp3", 20.0)
    edit(folder / "episode.md", "audio: capabilities-framework.mp3\n",
         "audio: capabilities-framework.mp3\nalternate_enclosures:\n  - {file: small.mp3, title: Small download}\n")
    build(show)
    path = folder / "small.mp3"
    data = bytearray(path.read_bytes())
    at = len(data) // 2
    rewrite_in_place_keeping_size_and_mtime(path, bytes(data[at - 8:at + 8]), bytes(data[at - 8:at]) + bytes(
        b ^ 0x55 for b in data[at:at + 8]))
    second = build(show)
    integrity = "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()
    assert integrity in (second.output / "feed.xml").read_text(encoding="utf-8")
    assert_same_as_clean(show, second.output, tmp_path)
