"""Foreign and deliberately broken feeds against `mediafeed check FEED` and `mediafeed import`.

Each test is a feed a checker or a real host produced that once crashed (exit 3, a
traceback) or lost data; every one must end in problems naming the feed, item and
field, exit 0, 1 or 2, and valid JSON with ``--format json``.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mediafeed.cli import main
from mediafeed.importer import download
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
    assert "cut short" in report["problems"][0]["hint"]


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


# -- feeds over HTTP from a real server on 127.0.0.1 ---------------------------------------------------


RELATIVE_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Relative</title><link>http://127.0.0.1:9/site/</link><description>d</description>
<item><title>One</title><guid isPermaLink="false">rel-1</guid><pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate>
<enclosure url="media/one.mp3" length="1000" type="audio/mpeg"/></item></channel></rss>"""


class OldHost:
    """Answers each path as some broken or hostile host does."""

    def __init__(self) -> None:
        self.feed = good_with().encode()
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?", 1)[0]
                if path == "/redirect-not-a-url":
                    self.answer(307, b"", {"Location": "http://[::1/feed.xml"})
                elif path == "/redirect-to-file":
                    self.answer(301, b"", {"Location": "file:///etc/passwd"})
                elif path == "/busy":
                    self.answer(429, b"slow down", {"Retry-After": "3600"})
                elif path == "/damaged-gzip":
                    self.answer(200, b"\x1f\x8b\x08\x00garbage" * 20, {"Content-Encoding": "gzip"})
                elif path == "/latin1":  # no XML declaration: only the header names the encoding
                    body = host.feed.decode().split("?>", 1)[1].replace("Salt Marsh", "Salt Mar\u00e9").encode("latin-1")
                    self.answer(200, body, {"Content-Type": "application/rss+xml; charset=ISO-8859-1"})
                elif path == "/feeds/show/feed.xml":  # the old host's feed: relative enclosure, site elsewhere
                    self.answer(200, RELATIVE_FEED.encode(), {"Content-Type": "application/rss+xml"})
                elif path == "/feeds/show/media/one.mp3":
                    self.answer(200, b"ID3" + b"\0" * 997, {"Content-Type": "audio/mpeg"})
                elif path == "/dribble":  # a byte every 10 ms: never a read timeout, 30 s for the whole feed
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(host.feed)))
                    self.end_headers()
                    try:
                        for byte in host.feed[:3000]:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(0.01)
                    except OSError:
                        pass
                else:
                    self.answer(404, b"")

            def answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # the client hanging up on the dribble is the point

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def old_host() -> Iterator[OldHost]:
    host = OldHost()
    yield host
    host.server.shutdown()
    host.server.server_close()


@pytest.mark.parametrize("path,check_says,import_says", [
    ("/redirect-not-a-url", "not a valid URL", "not a valid URL"),
    ("/redirect-to-file", "file:///etc/passwd", "not http(s)"),
    ("/busy", "wait 3600 s", "wait 3600 s"),
    ("/damaged-gzip", "compressed answer is damaged", "compressed answer is damaged"),
])
def test_a_feed_url_that_cannot_be_fetched_says_why(tmp_path: Path, old_host: OldHost, path: str, check_says: str,
                                                    import_says: str) -> None:
    code, out = run("check", old_host.url + path)
    assert code == 2 and "XML000" in out and check_says in out, out
    assert "root:" not in out
    code, out = run("check", old_host.url + path, "--format", "json")
    assert code == 2 and json.loads(out)["ok"] is False
    code, out = run("import", old_host.url + path, "--show", str(tmp_path / "show"))
    assert code == 2 and "IMP001" in out and import_says in out, out
    assert not (tmp_path / "show").exists()


def test_a_server_dribbling_the_feed_is_abandoned_at_the_deadline(old_host: OldHost) -> None:
    code, out = run("check", old_host.url + "/dribble", "--timeout", "1")
    assert code == 2 and "did not arrive within 1 s" in out, out
    with pytest.raises(download.DownloadError, match="not complete after 1 s"):
        download.get_small(download.session(), old_host.url + "/dribble", deadline=1)


# -- namespaces ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("declared", ["http://www.itunes.com/DTDs/PodCast-1.0.dtd",  # Apple's own old examples
                                      "https://www.itunes.com/dtds/podcast-1.0.dtd"])
def test_a_near_miss_of_the_itunes_namespace_is_named_and_its_tags_are_imported(tmp_path: Path, declared: str) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(good_with('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"', f'xmlns:itunes="{declared}"'))
    code, report = check_json(feed)
    assert code == 1 and [p["code"] for p in report["problems"] if p["severity"] == "error"] == ["XML004"]
    code, imported = import_json(feed, tmp_path / "show")
    assert "IMP004" in {p["code"] for p in imported["problems"]}
    show = yaml.safe_load((tmp_path / "show" / "show.yml").read_text())
    assert (show["category"], show["subcategory"], show["author"]) == ("Science", "Earth Sciences", "Tidewater Collective")
    first = front(tmp_path / "show", "003-salt-marsh-carbon")
    assert (first["season"], first["episode"]) == (1, 3)


def test_the_podcast_namespace_over_http_is_named_and_imported(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(good_with('xmlns:podcast="https://podcastindex.org/namespace/1.0"',
                              'xmlns:podcast="http://podcastindex.org/namespace/1.0"'))
    code, report = check_json(feed)
    assert code == 1 and [p["code"] for p in report["problems"] if p["severity"] != "info"] == ["XML006"]
    code, imported = import_json(feed, tmp_path / "show")
    show = yaml.safe_load((tmp_path / "show" / "show.yml").read_text())
    assert show["podcast_guid"] == "d8582db3-a7c6-50a5-a509-a29f7ddd6cec" and show["locked"] is True


@pytest.mark.parametrize("old,new,code", [
    ("<itunes:duration>1795</itunes:duration>", "<itunes:duration>\u0661\u0667\u0669\u0665</itunes:duration>", "EP117"),
    ("Mon, 04 Mar 2024 09:00:00 +0000", "Mon, \u0660\u0664 Mar \u0662\u0660\u0662\u0664 09:00:00 +0000", "EP111"),
])
def test_digits_of_other_scripts_are_not_durations_or_dates(tmp_path: Path, old: str, new: str, code: str) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(good_with(old, new))
    assert code in {p["code"] for p in check_json(feed)[1]["problems"]}


@pytest.mark.parametrize("old,new,code,words", [
    ("<itunes:duration>1795</itunes:duration>", "<itunes:duration>100000000000000000000</itunes:duration>", "EP117",
     "(about 10^15 days); no episode runs longer than a week"),
    ("<itunes:duration>1795</itunes:duration>", "<itunes:duration>1795000</itunes:duration>", "EP117",  # milliseconds
     "(20.8 days)"),
    ("<itunes:duration>1795</itunes:duration>", "<itunes:duration>200:00:00</itunes:duration>", "EP117", "(8.3 days)"),
    ('length="28734512"', 'length="100000000000000000000000000"', "EP104", "(about 10^14 TB); no episode's file is over 1 TB"),
])
def test_an_absurd_duration_or_enclosure_length_is_an_error(tmp_path: Path, old: str, new: str, code: str,
                                                            words: str) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(good_with(old, new))
    exit_code, report = check_json(feed)
    [problem] = [p for p in report["problems"] if p["code"] == code]
    assert exit_code == 1 and problem["severity"] == "error" and words in problem["message"], problem


@pytest.mark.parametrize("old,new", [
    ("<itunes:duration>1795</itunes:duration>", "<itunes:duration>604800</itunes:duration>"),  # a whole week
    ("<itunes:duration>1795</itunes:duration>", "<itunes:duration>36:00:00</itunes:duration>"),  # a day-and-a-half live show
    ('length="28734512"', 'length="1000000000000"'),  # 1 TB
])
def test_long_but_possible_durations_and_lengths_pass(tmp_path: Path, old: str, new: str) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(good_with(old, new))
    assert not {"EP104", "EP117"} & {p["code"] for p in check_json(feed)[1]["problems"]}


def test_import_reads_at_most_64_mb_of_a_local_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:  # sparse: no 65 MB written to the disk
        handle.truncate(65 * 1024 * 1024)
    code, out = run("import", str(huge), "--show", str(tmp_path / "show"))
    assert code == 2 and "IMP001" in out and "larger than 64 MB" in out
    code, out = run("import", str(tmp_path), "--show", str(tmp_path / "show"))
    assert code == 2 and "IMP001" in out and "not a feed file" in out
    assert not (tmp_path / "show").exists()


def test_an_import_stopped_midway_leaves_no_folder_without_episode_md_and_the_rerun_matches_a_clean_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mediafeed.importer as importer

    feed = tmp_path / "feed.xml"
    feed.write_text(good_with())
    clean = import_json(feed, tmp_path / "clean")[1]["imported"]
    real_write = importer.atomic_write
    written: list[str] = []

    def stop_at_the_second_episode(path: Path, data: bytes) -> None:
        if path.name == "episode.md":
            written.append(path.parent.name)
            if len(written) == 2:
                raise KeyboardInterrupt  # Ctrl-C (or a kill) between two files of one episode
        real_write(path, data)

    monkeypatch.setattr(importer, "atomic_write", stop_at_the_second_episode)
    with pytest.raises(KeyboardInterrupt):
        importer.import_feed(str(feed), tmp_path / "show")
    monkeypatch.setattr(importer, "atomic_write", real_write)
    visible = [p for p in (tmp_path / "show" / "episodes").iterdir() if not p.name.startswith(".")]
    assert [p.name for p in visible] == [clean[0]] and all((p / "episode.md").is_file() for p in visible)
    code, rerun = import_json(feed, tmp_path / "show")
    assert code == 0 and rerun["skipped"] == clean[:1] and rerun["imported"] == clean[1:]
    code, report = run("check", "--show", str(tmp_path / "show"), "--format", "json")
    assert "SRC051" not in report


def test_a_json_feed_is_the_wrong_input_not_broken_xml(tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Tidewater", "items": []}))
    code, out = run("check", str(feed))
    assert code == 2 and "XML002" in out and "JSON Feed" in out
    code, out = run("import", str(feed), "--show", str(tmp_path / "show"))
    assert code == 2 and "IMP002" in out and "JSON" in out


def test_an_encoding_named_only_by_the_http_header_is_honoured_with_a_warning(old_host: OldHost) -> None:
    code, out = run("check", old_host.url + "/latin1", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["episodes"] == 3
    assert [p["code"] for p in report["problems"] if p["severity"] != "info"] == ["XML007"]


def test_many_items_with_one_title_get_the_slugs_unique_slug_gives_in_linear_time() -> None:
    from mediafeed.importer import _next_slug
    from mediafeed.scaffold import unique_slug

    class Counting(set):
        lookups = 0

        def __contains__(self, item: object) -> bool:
            Counting.lookups += 1
            return super().__contains__(item)

    before = {"daily-update", "daily-update-3", "episode"}
    taken, expected, suffixes = Counting(before), set(before), {}
    for title in ["daily-update"] * 2000 + ["", "episode", "daily-update"]:
        slug = _next_slug(title, taken, suffixes)
        assert slug == unique_slug(title, expected)
        taken.add(slug)
        expected.add(slug)
    assert Counting.lookups < 3 * 2003  # unique_slug tries every suffix again for each item: 2,000,000 here


def test_a_feed_in_ebcdic_is_one_line_about_the_encoding(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(good_with('encoding="UTF-8"', 'encoding="cp500"').encode("cp500"))
    code, report = check_json(feed)
    (found,) = report["problems"]
    assert code == 1 and found["code"] == "XML001" and "\n" not in found["message"]
    assert "UTF-8" in found["hint"] and "cut short" not in found["hint"]
    code, out = run("import", str(feed), "--show", str(tmp_path / "show"), "--format", "json")
    (refused,) = json.loads(out)["problems"]
    assert code == 2 and "\n" not in refused["message"] and "EBCDIC" in refused["message"]


def test_import_reads_the_zones_and_dates_email_utils_gets_wrong(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(good_with("Mon, 04 Mar 2024 09:00:00 +0000", "Mon, 04 Mar 2024 09:00:00 +01:00")
                    .replace("Mon, 19 Feb 2024 09:00:00 +0000", "Mon, 19 Feb 2024 23:30:00 CEST")
                    .replace("Mon, 05 Feb 2024 09:00:00 +0000", "Mon, 05 Feb 2024"))
    code, imported = import_json(feed, tmp_path / "show")
    assert code == 0 and len(imported["imported"]) == 3
    dates = sorted(str(front(tmp_path / "show", slug)["date"]) for slug in imported["imported"])
    assert dates == ["2024-02-05T00:00:00+00:00", "2024-02-19T23:30:00+02:00", "2024-03-04T09:00:00+01:00"]


def test_a_relative_enclosure_is_downloaded_from_where_apps_fetch_it(tmp_path: Path, old_host: OldHost) -> None:
    code, out = run("import", old_host.url + "/feeds/show/feed.xml", "--show", str(tmp_path / "show"), "--download",
                    "--format", "json")
    report = json.loads(out)
    assert report["downloaded"] == ["episodes/one/one.mp3"], report["problems"]
    assert (tmp_path / "show" / "episodes" / "one" / "one.mp3").stat().st_size == 1000
