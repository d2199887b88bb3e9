"""Foreign and deliberately broken feeds against `mediafeed check FEED` and `mediafeed import`.

Each test is a feed a checker or a real host produced that once crashed (exit 3, a
traceback) or lost data; every one must end in problems naming the feed, item and
field, exit 0, 1 or 2, and valid JSON with ``--format json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediafeed.cli import main
from mediafeed.source import split_front_matter

GOOD = Path(__file__).parent / "data" / "feeds" / "good.xml"
FIRST_ENCLOSURE = "https://media.example.com/tidewater/salt-marsh.mp3"


def good_with(old: str = "", new: str = "", count: int = 1) -> str:
    """good.xml with one change; its artwork, transcripts and chapters at a closed port on 127.0.0.1 (import
    fetches them: never the network)."""
    text = GOOD.read_text()
    assert old in text
    return text.replace(old, new, count).replace("https://podcast.example.com/", "http://127.0.0.1:9/")


def run(*args: str) -> tuple[int, str]:
    """Exit code and stdout (all output when not JSON); never an exception or a traceback."""
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout if "json" in args else result.output


def check_json(feed: Path) -> tuple[int, dict]:
    code, out = run("check", str(feed), "--format", "json")
    return code, json.loads(out)


def import_json(feed: Path, show: Path) -> tuple[int, dict]:
    code, out = run("import", str(feed), "--show", str(show), "--format", "json")
    return code, json.loads(out)


def front(show: Path, slug: str) -> dict:
    meta = split_front_matter((show / "episodes" / slug / "episode.md").read_text(), "episode.md")[0]
    assert meta is not None
    return meta


# -- URLs urllib cannot split -------------------------------------------------------------------


@pytest.mark.parametrize("where", ["enclosure", "transcript", "alternate", "image", "link"])
def test_a_url_urllib_cannot_parse_is_a_problem_not_a_crash(tmp_path: Path, where: str) -> None:
    bad = "http://[::1/episode.mp3"  # an unclosed IPv6 bracket: urlsplit raises ValueError
    feed = tmp_path / "feed.xml"
    feed.write_text({
        "enclosure": lambda: good_with(FIRST_ENCLOSURE, bad),
        "transcript": lambda: good_with("https://podcast.example.com/episodes/salt-marsh/transcript.vtt", bad),
        "alternate": lambda: good_with("<itunes:episodeType>full</itunes:episodeType>",
                                       '<itunes:episodeType>full</itunes:episodeType><podcast:alternateEnclosure '
                                       f'type="audio/mpeg" length="1"><podcast:source uri="{bad}"/></podcast:alternateEnclosure>'),
        "image": lambda: good_with('href="https://podcast.example.com/artwork.jpg"', f'href="{bad}"'),
        "link": lambda: good_with("<link>https://podcast.example.com/</link>", "<link>http://[::1</link>"),
    }[where]())
    code, report = check_json(feed)
    assert code in (0, 1) and report["episodes"] == 3
    found = {(p["code"], p["field"]) for p in report["problems"]}
    if where == "enclosure":
        assert ("EP103", "enclosure@url") in found
    if where in ("transcript", "alternate"):
        assert any(c == "PI004" for c, _ in found), found
    code, imported = import_json(feed, tmp_path / "show")
    assert code in (0, 1) and len(imported["imported"]) == 3
    guids = {front(tmp_path / "show", slug)["guid"] for slug in imported["imported"]}
    assert "7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a01" in guids


# -- numbers that str.isdigit accepts and int() refuses -------------------------------------------


@pytest.mark.parametrize("element,value", [("itunes:episode", "³"), ("itunes:season", "²"), ("enclosure", "¹²")])
def test_superscript_and_other_script_digits_are_not_numbers(tmp_path: Path, element: str, value: str) -> None:
    if element == "enclosure":
        text = good_with('length="28734512"', f'length="{value}"')
        code_expected = "EP104"
    else:
        text = good_with(f"<{element}>{'3' if element == 'itunes:episode' else '1'}</{element}>",
                         f"<{element}>{value}</{element}>")
        code_expected = "EP121"
    feed = tmp_path / "feed.xml"
    feed.write_text(text)
    code, report = check_json(feed)
    assert code == 1
    assert code_expected in {p["code"] for p in report["problems"]}
    code, imported = import_json(feed, tmp_path / "show")
    assert len(imported["imported"]) == 3
    first = next(s for s in imported["imported"] if "salt-marsh" in s)
    meta = front(tmp_path / "show", first)
    assert "episode" not in meta or meta["episode"] == 3
    assert "season" not in meta or meta["season"] == 1


# -- lxml's recovery mode ---------------------------------------------------------------------------


def test_a_character_reference_to_no_character_stops_the_import_cleanly(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(good_with("<title>Salt Marsh Carbon</title>", "<title>Salt &#xD800; Marsh</title>"))
    code, report = check_json(feed)
    assert code == 1 and [p["code"] for p in report["problems"]] == ["XML001"]
    code, out = run("import", str(feed), "--show", str(tmp_path / "show"))
    assert code == 2 and "IMP002" in out and "line 26" in out
    assert not (tmp_path / "show").exists()


def test_a_feed_cut_short_is_refused_not_half_imported(tmp_path: Path) -> None:
    text = good_with()
    feed = tmp_path / "feed.xml"
    feed.write_text(text[: text.index('length="1843201"') + 12])  # an interrupted download: inside the last item
    code, out = run("import", str(feed), "--show", str(tmp_path / "show"))
    assert code == 2 and "IMP002" in out and "cut short" in out
    assert not (tmp_path / "show").exists()
    code, report = check_json(feed)
    assert code == 1 and [p["code"] for p in report["problems"]] == ["XML001"]


def test_entity_amplification_is_refused_by_import_without_writing(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">'
                     for i in range(1, 10))
    feed = tmp_path / "feed.xml"
    feed.write_text(good_with('<rss version="2.0"', f'<!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]>\n<rss version="2.0"')
                    .replace("<title>Tidewater Notes</title>", "<title>&l9;</title>", 1))
    code, out = run("import", str(feed), "--show", str(tmp_path / "show"))
    assert code == 2 and "IMP002" in out and "safety limits" in out
    assert not (tmp_path / "show").exists()


def test_windows_1252_quotes_in_a_utf8_feed_are_imported_as_the_quotes(tmp_path: Path) -> None:
    text = good_with("<title>Salt Marsh Carbon</title>", "<title>Salt \u201cMarsh\u201d Carbon \u2013 Part 1</title>")
    feed = tmp_path / "feed.xml"
    # UTF-8 everywhere except the one title, pasted from a word processor in Windows-1252
    feed.write_bytes(text.replace("Salt \u201cMarsh\u201d Carbon \u2013 Part 1", "@@").encode("utf-8")
                     .replace(b"@@", "Salt \u201cMarsh\u201d Carbon \u2013 Part 1".encode("cp1252"))
                     .replace(b"Seagrass", "Seagr\u00e4ss".encode("utf-8")))
    code, report = check_json(feed)
    assert code == 1 and [p["code"] for p in report["problems"]] == ["XML001"]
    code, imported = import_json(feed, tmp_path / "show")
    titles = {front(tmp_path / "show", slug)["title"] for slug in imported["imported"]}
    assert titles == {"Salt \u201cMarsh\u201d Carbon \u2013 Part 1", "Seagr\u00e4ss Meadows", "Welcome to the Shore"}
    assert any(p["code"] == "IMP003" and "Windows-1252" in p["message"] for p in imported["problems"])


def test_a_sloppy_html_page_is_still_not_a_feed(tmp_path: Path) -> None:
    page = tmp_path / "page.xml"
    page.write_text("<!DOCTYPE html><html><head><meta charset=utf-8><title>Shop</title></head><body><p>Buy")
    code, out = run("import", str(page), "--show", str(tmp_path / "show"))
    assert code == 2 and "not an RSS feed" in out
