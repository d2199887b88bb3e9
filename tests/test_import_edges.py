"""`mediafeed import` against what real hosts' servers and feeds do at the edges, served from 127.0.0.1
(tests/hosts.py): a media server that closes early without announcing a length, titles that make awkward folder
names, a feed that says it has moved."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import podcastparser
import pytest
import yaml
from click.testing import CliRunner
from helpers import ROOT, make_media
from hosts import Host, Route

from mediafeed.build import build
from mediafeed.cli import main
from mediafeed.notes import render

MEDIA = b"\xff\xfb\x90\x00" + bytes(range(256)) * 40  #: 10 KB: what the import downloads is bytes, not audio it reads


def run(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def feed(items: str, channel: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            f'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Edges</title>'
            f"<link>https://example.org/</link><description>d</description>{channel}{items}</channel></rss>").encode()


def item(guid: str, url: str, title: str = "", length: int = len(MEDIA), day: int = 1) -> str:
    return (f"<item><title><![CDATA[{title or 'Episode ' + guid}]]></title><guid isPermaLink=\"false\">{guid}</guid>"
            f"<pubDate>Mon, {day:02d} Jan 2024 10:00:00 +0000</pubDate>"
            f"<enclosure url=\"{url}\" length=\"{length}\" type=\"audio/mpeg\"/></item>")


def test_a_media_server_closing_early_without_a_length_is_never_saved_as_the_whole_file(tmp_path: Path) -> None:
    """A server that announces no length (no Content-Length, no chunks: the body ends when the connection closes)
    and closes early: the first 4,000 of 10,244 bytes were saved as the episode and IMP031 said "the old feed said
    10244 bytes, the server sent 4000 (the whole file)". Now the file is tried again; it is taken when the server
    sends all of it, fails (IMP030, bytes kept) when every try ends somewhere else, and when every try ends at the
    same byte it is taken with a warning that says so."""
    with Host() as server:
        server.routes["/whole-later.mp3"] = Route(body=MEDIA, type="audio/mpeg", unframed=[4000])
        server.routes["/always-early.mp3"] = Route(body=MEDIA, type="audio/mpeg", unframed=[4000, 6000, 8000])
        server.routes["/same-end.mp3"] = Route(body=MEDIA, type="audio/mpeg", unframed=[5000, 5000, 5000])
        server.routes["/feed.xml"] = Route(body=feed("".join(item(name, f"{server.url}/{name}.mp3", day=n + 1)
                                                             for n, name in enumerate(["whole-later", "always-early",
                                                                                       "same-end"]))))
        show = tmp_path / "show"
        code, report = run("import", server.url + "/feed.xml", "--show", str(show), "--download")
    assert code == 1
    assert (show / "episodes/episode-whole-later/whole-later.mp3").read_bytes() == MEDIA
    assert [f["guid"] for f in report["failed"]] == ["always-early"]
    assert "announced no length and closed the connection after 8000 bytes; the old feed says 10244" in \
        report["failed"][0]["reason"]
    assert not (show / "episodes/episode-always-early/always-early.mp3").exists()
    assert (show / "episodes/episode-always-early/.always-early.mp3.part").exists()  # for the next run
    [short] = [p for p in report["problems"] if p["code"] == "IMP031"]
    assert (short["severity"], short["episode"]) == ("warning", "same-end")
    assert "announced no length and closed the connection after 5000 bytes on two tries" in short["message"]
    assert "the whole file)" not in json.dumps(report)


AWKWARD = ["🎙️🎧🔥", "שלום עולם", "مرحبا بالعالم", "Long " * 60, "!!!???...", "Same title", "Same title", "Café",
           "cafe", "CAFÉ", "CON", "nul", "Com1", "LPT9", "aux", "..", ".hidden", "Notes", "Taken by a link"]


def test_awkward_titles_make_safe_unique_readable_folders_that_a_reimport_keeps(tmp_path: Path) -> None:
    """Titles from real feeds that make awkward folder names. Before: "CON", "nul", "Com1", "LPT9" and "aux" became
    folders Windows cannot create, copy or clone; a file episodes/notes (or a broken link episodes/taken-by-a-link)
    stopped the import midway (IO001 "Not a directory" on its hidden .notes.import folder) when an episode's slug
    was its name. Now every folder is lower-case ASCII words, unique, not a reserved name, beside what is there;
    a second import adds nothing."""
    show = tmp_path / "show"
    (show / "episodes").mkdir(parents=True)
    (show / "episodes" / "notes").write_text("the producer's own notes, not an episode\n")
    (show / "episodes" / "taken-by-a-link").symlink_to(tmp_path / "nowhere")
    with Host() as server:
        items = "".join(item(f"g{n}", f"{server.url}/{n}.mp3", title, day=1 + n % 28) for n, title in enumerate(AWKWARD))
        server.routes["/feed.xml"] = Route(body=feed(items))
        code, report = run("import", server.url + "/feed.xml", "--show", str(show))
        assert code == 0, report["problems"]
        slugs = report["imported"]
        assert len(slugs) == len(set(slugs)) == len(AWKWARD)
        for slug in slugs:
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and len(slug) <= 60, slug
            assert slug not in {"con", "prn", "aux", "nul", "com1", "lpt9"}, slug
        named = dict(zip(range(len(AWKWARD)), slugs, strict=True))
        assert [named[n] for n in (5, 6, 7, 8, 9)] == ["same-title", "same-title-2", "cafe", "cafe-2", "cafe-3"]
        assert [named[n] for n in (10, 11, 12, 13, 14)] == ["con-episode", "nul-episode", "com1-episode",
                                                            "lpt9-episode", "aux-episode"]
        assert (named[1], named[2], named[16]) == ("slvm-vlm", "mrhb-bl-lm", "hidden")
        assert (named[17], named[18]) == ("notes-2", "taken-by-a-link-2")
        assert named[0] == "episode-2024-01-01" and named[15].startswith("episode-2024-")
        assert (show / "episodes" / "notes").read_text() == "the producer's own notes, not an episode\n"

        code, again = run("import", server.url + "/feed.xml", "--show", str(show))
    assert (code, again["imported"], sorted(again["skipped"])) == (0, [], sorted(slugs))


@pytest.mark.parametrize("moved_to,said", [("https://elsewhere.example.com/feed.rss", True),
                                           ("https://example.org/feed.xml", False),  # the new site's own feed
                                           ("{server}/feed.xml", False)])  # the feed read
def test_a_feed_that_says_it_has_moved_is_named(tmp_path: Path, moved_to: str, said: bool) -> None:
    """An old feed with <itunes:new-feed-url> to another address: the show has moved already and apps read that
    feed (which may list newer episodes). The import read the tag and said nothing; now IMP026 names the address,
    unless it is this feed or the new one being set up (the old feed redirected here first)."""
    with Host() as server:
        moved = f"<itunes:new-feed-url>{moved_to.format(server=server.url)}</itunes:new-feed-url>"
        server.routes["/feed.xml"] = Route(body=feed(item("a", f"{server.url}/a.mp3"), channel=moved))
        code, report = run("import", server.url + "/feed.xml", "--show", str(tmp_path / "show"),
                           "--url", "https://example.org/")
    assert code == 0
    found = [p for p in report["problems"] if p["code"] == "IMP026"]
    assert bool(found) == said
    if said:
        [problem] = found
        assert problem["severity"] == "warning" and "moved to https://elsewhere.example.com/feed.rss" in problem["message"]
        assert "import https://elsewhere.example.com/feed.rss instead" in problem["hint"]


def test_players_embedded_in_the_notes_become_links_instead_of_vanishing_at_the_build(tmp_path: Path) -> None:
    """WordPress and Podbean notes embed players: "Watch it: <iframe src=youtube…>", a <video> with its <source>.
    The import kept them and the build's sanitiser removed each with its content: the page and the new feed said
    "Watch it:" and nothing, and neither step said so. Now each becomes a link to its address (IMP027 names them),
    and a script is left out by name."""
    notes = ('<p>Watch it: <iframe width="560" src="https://www.youtube.com/embed/abc?si=x&amp;t=2" title="The interview '
             'on video"></iframe></p><p>Clip:</p><video controls><source src="/media/clip.mp4" type="video/mp4"></video>'
             '<script src="https://ads.example/pixel.js"></script>')
    with Host() as server:
        entry = item("a", f"{server.url}/a.mp3").replace("</item>", f"<content:encoded><![CDATA[{notes}]]></content:encoded>"
                                                                   "</item>")
        body = feed(entry).replace(b"<rss ", b'<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" ')
        server.routes["/feed.xml"] = Route(body=body)
        code, report = run("import", server.url + "/feed.xml", "--show", str(tmp_path / "show"))
    assert code == 0
    text = (tmp_path / "show/episodes/episode-a/episode.md").read_text(encoding="utf-8")
    page = render(text.split("---\n", 2)[2]).html
    assert '<a href="https://www.youtube.com/embed/abc?si=x&amp;t=2" rel="noopener noreferrer">The interview on video</a>' \
        in page
    assert '<a href="https://example.org/media/clip.mp4"' in page  # made absolute against the channel's link
    assert "pixel.js" not in text
    [said] = [p for p in report["problems"] if p["code"] == "IMP027"]
    assert said["severity"] == "warning" and said["episode"] == "a"
    assert "<iframe> https://www.youtube.com/embed/abc?si=x&t=2 kept as a link" in said["message"]
    assert "a script left out" in said["message"]


def test_a_download_run_into_a_log_shows_each_file_as_it_starts(tmp_path: Path) -> None:
    """`import --download` with stderr going to a log (CI, nohup, `2> import.log`) printed nothing until the end: a
    back catalogue of hundreds of files looked hung for hours. Now each file's start is a line with its place in the
    feed and its size; -q silences it, and --format json stays clean."""
    with Host() as server:
        server.routes["/a.mp3"] = Route(body=MEDIA, type="audio/mpeg")
        server.routes["/b.mp3"] = Route(body=MEDIA, type="audio/mpeg")
        server.routes["/feed.xml"] = Route(body=feed(item("a", f"{server.url}/a.mp3", day=2) +
                                                     item("b", f"{server.url}/b.mp3", day=1)))
        result = CliRunner().invoke(main, ["import", server.url + "/feed.xml", "--show", str(tmp_path / "show"),
                                           "--download"])
        assert result.exit_code == 0, result.output
        lines = [line for line in result.stderr.splitlines() if line.startswith("Download ")]
        assert lines == ["Download 1/2 episode-a/a.mp3 (10,244 bytes)", "Download 2/2 episode-b/b.mp3 (10,244 bytes)"]
        quiet = CliRunner().invoke(main, ["import", server.url + "/feed.xml", "--show", str(tmp_path / "quiet"),
                                          "--download", "-q"])
        assert quiet.exit_code == 0 and "Download " not in quiet.stderr


def test_a_cdata_title_with_markup_is_named_by_its_words(tmp_path: Path) -> None:
    """Hosts write titles as CDATA with markup and escaped entities inside, which is text to every app: the folder
    was q-amp-a-with-b-ana-b. Now the folder has the title's words; the title stays as the old feed gave it."""
    title = "Q&amp;A with <b>Ana</b>"
    with Host() as server:
        server.routes["/feed.xml"] = Route(body=feed(item("a", f"{server.url}/a.mp3", title)))
        code, report = run("import", server.url + "/feed.xml", "--show", str(tmp_path / "show"))
    assert (code, report["imported"]) == (0, ["q-a-with-ana"])
    text = (tmp_path / "show/episodes/q-a-with-ana/episode.md").read_text(encoding="utf-8")
    assert "title: Q&amp;A with <b>Ana</b>\n" in text


#: a channel with everything show.yml needs to build ({base}: the server)
WHOLE_CHANNEL = ('<itunes:image href="{base}/art.png"/><itunes:category text="Arts"/><itunes:author>Ana</itunes:author>'
                 "<itunes:owner><itunes:email>ana@example.org</itunes:email></itunes:owner>")


@pytest.fixture(scope="module")
def tone(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_media(tmp_path_factory.mktemp("tone") / "tone.mp3", "mp3", 2.0).read_bytes()


def serving(server: Host, body: bytes, media: dict[str, bytes]) -> str:
    """Serve ``body`` as /pod/feed.xml with the show's artwork and ``media`` (path → bytes); the feed's address."""
    server.routes["/pod/feed.xml"] = Route(body=body, type="application/rss+xml")
    server.routes["/art.png"] = Route(body=(ROOT / "artwork.png").read_bytes(), type="image/png")
    for path, data in media.items():
        server.routes[path] = Route(body=data, type="audio/mpeg")
    return server.url + "/pod/feed.xml"


def check_codes(show: Path) -> list[str]:
    code, report = run("check", "--show", str(show))
    return [p["code"] for p in report["problems"] if p["severity"] == "error"]


def test_a_relative_enclosure_is_read_against_the_feeds_address_and_named(tmp_path: Path, tone: bytes) -> None:
    """``<enclosure url="media/ep1.mp3">``: apps resolve it against the feed's own address (RSS has no xml:base they
    read; podcastparser does so, feedparser leaves it to the app). The import fetched it from there but said nothing,
    and an item without a GUID was given the relative text 'media/ep1.mp3' as its GUID, which no app knows it by
    (podcastparser's GUID for it is the absolute address). Now IMP028 names each item and the address it was read
    as, the GUID is the absolute address, and a feed file with a self link resolves against that link."""
    with Host() as server:
        items = (item("rel", "media/ep1.mp3", "Relative", len(tone), day=3) + item("root", "/abs/ep2.mp3", "Root", len(tone),
                                                                                 day=2)
                 + item("", "media/noguid.mp3", "No GUID", len(tone)).replace('<guid isPermaLink="false"></guid>', ""))
        body = feed(items, WHOLE_CHANNEL.format(base=server.url))
        url = serving(server, body, {"/pod/media/ep1.mp3": tone, "/abs/ep2.mp3": tone, "/pod/media/noguid.mp3": tone})
        show = tmp_path / "show"
        code, report = run("import", url, "--show", str(show), "--download")
    assert code == 0, report["problems"]
    said = {p["episode"]: p for p in report["problems"] if p["code"] == "IMP028"}
    absolute = f"{server.url}/pod/media/noguid.mp3"
    assert set(said) == {"rel", "root", absolute}
    assert said["rel"]["severity"] == "warning" and said["rel"]["field"] == "enclosure@url"
    assert said["rel"]["message"].startswith("item 1 ('Relative'): the enclosure's address 'media/ep1.mp3' is relative; "
                                             f"read as {server.url}/pod/media/ep1.mp3")
    assert f"read as {server.url}/abs/ep2.mp3" in said["root"]["message"]
    episodes = {p.read_text().split("guid: ", 1)[1].split("\n", 1)[0]: p.parent.name
                for p in show.glob("episodes/*/episode.md")}
    assert episodes == {"rel": "relative", "root": "root", absolute: "no-guid"}
    [parsed] = [e for e in podcastparser.parse(url, io.BytesIO(body))["episodes"] if e["title"] == "No GUID"]
    assert parsed["guid"] == absolute  # what gPodder knows the episode by
    assert sorted(report["downloaded"]) == ["episodes/no-guid/noguid.mp3", "episodes/relative/ep1.mp3",
                                            "episodes/root/ep2.mp3"]
    assert check_codes(show) == []

    saved = tmp_path / "feed.xml"  # a saved copy: its self link says where apps read it
    saved.write_bytes(body.replace(b"<title>Edges</title>", b'<title>Edges</title><atom:link rel="self" '
                                   b'href="https://old.example.net/pod/feed.xml" xmlns:atom="http://www.w3.org/2005/Atom"/>'))
    code, report = run("import", str(saved), "--show", str(tmp_path / "from-file"))
    assert {m["guid"]: m["old_url"] for m in report["media"]}["rel"] == "https://old.example.net/pod/media/ep1.mp3"


def test_a_placeholder_enclosure_length_is_named_and_never_taken_as_the_files_size(tmp_path: Path, tone: bytes) -> None:
    """Anchor wrote ``length="1"``, others 0, or a number far below what the duration takes. The import said nothing
    of it without --download (a file copied in by hand could be cut short and nothing would tell), and with
    --download a server announcing no length that closed the connection early was taken as the whole file at once
    (its size was not below 1). Now IMP029 names each such item without --download and says what to do; with it,
    the server's own size is used (IMP031 info), and a server that announces none must end at the same byte twice."""
    hour = "<itunes:duration>3600</itunes:duration></item>"
    with Host() as server:
        items = "".join(item(guid, f"{server.url}/{guid}.mp3", guid.title(), length, day).replace("</item>", hour)
                        for guid, length, day in (("one", 1, 5), ("zero", 0, 4), ("small", 5000, 3), ("cut", 1, 2)))
        items += item("real", f"{server.url}/real.mp3", "Real", len(tone))  # no duration: its size is not questioned
        url = serving(server, feed(items, WHOLE_CHANNEL.format(base=server.url)),
                      {f"/{name}.mp3": tone for name in ("one", "zero", "small", "real")})
        server.routes["/cut.mp3"] = Route(body=tone, type="audio/mpeg", unframed=[3000, 4000, 5000])
        show = tmp_path / "show"
        code, report = run("import", url, "--show", str(show))
        named = {p["episode"]: p for p in report["problems"] if p["code"] == "IMP029"}
        assert set(named) == {"one", "zero", "small", "cut"}
        assert named["one"]["severity"] == "warning" and named["one"]["field"] == "enclosure@length"
        assert named["one"]["message"].startswith("the old feed gives the enclosure's length as 1 byte(s) for an episode "
                                                  "of 60 minutes: not the file's size (a placeholder")
        assert "--download" in named["one"]["hint"]

        code, report = run("import", url, "--show", str(show), "--download")
    assert code == 1 and [f["guid"] for f in report["failed"]] == ["cut"]
    assert "closed the connection after 5000 bytes; the old feed says no size" in report["failed"][0]["reason"]
    assert not (show / "episodes/cut/cut.mp3").exists()
    real = {p["episode"]: p for p in report["problems"] if p["code"] == "IMP031"}
    assert real["one"]["severity"] == "info"
    assert real["one"]["message"] == f"the old feed said a placeholder length (1 byte(s)), the server sent {len(tone)} (all it announced)"
    assert not any(p["code"] == "IMP029" for p in report["problems"])
    assert (show / "episodes/one/one.mp3").read_bytes() == tone


def test_urls_an_old_feed_wrote_with_quotes_or_brackets_are_written_percent_encoded_and_the_show_builds(
        tmp_path: Path, tone: bytes) -> None:
    """An old feed's <link>, podcast:funding, podcast:license, podcast:person and podcast:socialInteract addresses
    holding '"', '<', '>' or '\\\\' were written into show.yml and episode.md as they were, and check and build then
    refused the imported show (5 SRC010 errors). Now they are written percent-encoded (the same address, as clients
    send it) and the show builds."""
    bad = "a&quot;b&lt;c&gt;d\\e"
    with Host() as server:
        extra = (f'<podcast:person role="guest" img="https://example.org/{bad}.jpg" href="https://example.org/{bad}">Lena'
                 f'</podcast:person><podcast:socialInteract protocol="activitypub" uri="https://example.org/{bad}" '
                 f'accountId="@ana@example.org" accountUrl="https://example.org/@{bad}"/></item>')
        channel = (WHOLE_CHANNEL.format(base=server.url) + f'<podcast:funding url="https://example.org/{bad}">Support'
                   f'</podcast:funding><podcast:license url="https://example.org/{bad}">my-license</podcast:license>'
                   f'<podcast:person role="host" href="https://example.org/{bad}">Ana</podcast:person>')
        body = feed(item("q", f"{server.url}/q.mp3", "Q", len(tone)).replace("</item>", extra), channel)
        body = body.replace(b"<link>https://example.org/</link>", f"<link>https://example.org/{bad}/</link>".encode())
        body = body.replace(b"<rss ", b'<rss xmlns:podcast="https://podcastindex.org/namespace/1.0" ')
        show = tmp_path / "show"
        code, report = run("import", serving(server, body, {"/q.mp3": tone}), "--show", str(show), "--download")
    assert code == 0 and not [p for p in report["problems"] if p["code"] == "IMP021"], report["problems"]
    written = "https://example.org/a%22b%3Cc%3Ed%5Ce"
    config = yaml.safe_load((show / "show.yml").read_text())
    assert config["url"] == written + "/"
    assert config["funding"][0]["url"] == config["license"]["url"] == config["persons"][0]["href"] == written
    front = yaml.safe_load((show / "episodes/q/episode.md").read_text().split("---\n")[1])
    assert front["persons"][0] == {"name": "Lena", "role": "guest", "img": written + ".jpg", "href": written}
    assert (front["social"][0]["uri"], front["social"][0]["account_url"]) == (written, "https://example.org/@a%22b%3Cc%3Ed%5Ce")
    assert check_codes(show) == []
    build(show, tmp_path / "site")


def test_a_feed_labelled_gzip_but_sent_plain_is_named_in_check_feeds_words(tmp_path: Path) -> None:
    """A feed sent as it is under ``Content-Encoding: gzip`` (a CDN compressing a copy it believes compressed): check
    FEED names it (XML000), but the import said "the server's compressed answer is damaged (Content-Encoding)" and
    "check the address". Now it says what check says, and how to read the feed anyway."""
    with Host() as server:
        server.routes["/feed.xml"] = Route(body=feed(item("a", f"{server.url}/a.mp3")), type="application/rss+xml",
                                           headers={"Content-Encoding": "gzip"})
        code, report = run("import", server.url + "/feed.xml", "--show", str(tmp_path / "show"))
        checked, linted = run("check", server.url + "/feed.xml")
    [problem] = report["problems"]
    [said] = linted["problems"]
    assert (code, checked, problem["code"], said["code"]) == (2, 2, "IMP001", "XML000")
    assert problem["message"] == said["message"]
    assert "but the answer is not gzip data" in problem["message"]
    assert problem["field"] == "Content-Encoding" and f"curl -o feed.xml {server.url}/feed.xml" in problem["hint"]


def test_an_item_without_guid_or_enclosure_is_named_with_what_to_do(tmp_path: Path) -> None:
    """An item with neither a GUID nor an enclosure (a host's text-only post) cannot be imported: apps know an
    episode by its GUID, or by its enclosure URL without one (Apple's rule, which the import follows; gPodder
    takes the <link> first). IMP010 names the item and says how to add it by hand."""
    orphan = "<item><title>Show news</title><link>https://example.org/news</link><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate></item>"
    with Host() as server:
        server.routes["/feed.xml"] = Route(body=feed(item("a", f"{server.url}/a.mp3", day=2) + orphan))
        code, report = run("import", server.url + "/feed.xml", "--show", str(tmp_path / "show"))
    [problem] = [p for p in report["problems"] if p["code"] == "IMP010"]
    assert code == 1 and report["imported"] == ["episode-a"]
    assert problem["message"].startswith("item 2 ('Show news') has neither a GUID nor an enclosure")
    assert "mediafeed add" in problem["hint"]


def test_a_feed_at_a_public_address_naming_private_ones_is_never_asked_for_them(tmp_path: Path, tone: bytes) -> None:
    """A feed read from an address whose enclosure, artwork, transcript, chapters or older page are at an address of
    another kind that podcast apps cannot reach (here 0.0.0.0 from a feed on 127.0.0.1, as 169.254.169.254, a cloud's
    metadata service, from a public feed in CI): only redirects there were refused, so each was asked for, and the
    answers saved into the show as its audio, transcript and chapters (the side files even without --download). So
    was a redirect to ``http://0:PORT``, 0.0.0.0 as the resolver reads it, taken for a host name."""
    import os
    import subprocess
    import sys

    with Host() as server:
        port = server.server.server_address[1]
        hidden = f"http://0.0.0.0:{port}"
        side = (f'<podcast:transcript url="{hidden}/t.vtt" type="text/vtt"/>'
                f'<podcast:chapters url="{hidden}/c.json" type="application/json+chapters"/></item>')
        items = (item("named", f"{hidden}/secret.mp3", "Named", len(tone), day=3).replace("</item>", side)
                 + item("spelt", f"{server.url}/spelt.mp3", "Spelt", len(tone), day=2))
        channel = (WHOLE_CHANNEL.format(base=hidden) + f'<atom:link xmlns:atom="http://www.w3.org/2005/Atom" '
                   f'rel="next" href="{hidden}/page2.xml"/>')
        url = serving(server, feed(items, channel).replace(
            b"<rss ", b'<rss xmlns:podcast="https://podcastindex.org/namespace/1.0" '), {"/secret.mp3": tone})
        server.routes["/spelt.mp3"] = Route(redirect=f"http://0:{port}/secret.mp3")
        server.routes["/t.vtt"] = Route(b"WEBVTT\n\n00:00.000 --> 00:01.000\nSecret\n", "text/vtt")
        server.routes["/c.json"] = Route(b'{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Secret"}]}',
                                         "application/json+chapters")
        server.routes["/page2.xml"] = Route(feed(item("older", f"{server.url}/older.mp3")), "application/rss+xml")
        show = tmp_path / "show"
        done = subprocess.run([sys.executable, "-m", "mediafeed", "import", url, "--show", str(show), "--download",
                               "--format", "json"], capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stderr
    asked = {path for path, route in server.routes.items() if route.hits} - {"/pod/feed.xml", "/spelt.mp3"}
    assert asked == set(), asked  # was: the audio, artwork, transcript, chapters and older page asked at 0.0.0.0
    report = json.loads(done.stdout)
    why = f"a private address (a local network), which podcast apps cannot reach (the feed was read from {url})"
    failed = {f["guid"]: f["reason"] for f in report["failed"]}
    assert failed["named"] == why
    assert failed["spelt"] == (f"redirects to http://0:{port}/secret.mp3: a private address (a local network), "
                               "which podcast apps cannot reach")
    codes = {p["code"]: p for p in report["problems"]}
    assert why in codes["IMP041"]["message"] and why in codes["IMP042"]["message"], report["problems"]
    assert why in codes["IMP022"]["message"] and why in codes["IMP019"]["message"], report["problems"]
    assert "the feed names an address podcast apps cannot reach" in [
        p for p in report["problems"] if p["code"] == "IMP030" and p["episode"] == "named"][0]["hint"]
    assert sorted(p.name for p in show.rglob("*") if p.is_file()) == ["episode.md", "episode.md", "show.yml"]


def test_an_address_hidden_behind_a_backslash_is_judged_by_where_requests_connects(tmp_path: Path, tone: bytes) -> None:
    """``http://0.0.0.0:PORT\\@cdn.example.net/secret.mp3``: Python's urlsplit reads cdn.example.net (the backslash in a
    user name), requests connects to 0.0.0.0 (the backslash starts the path), as a hostile public feed could name
    ``http://169.254.169.254\\@cdn.example.net/``. It was judged public and asked; now it is refused, never asked."""
    import os
    import subprocess
    import sys

    with Host() as server:
        port = server.server.server_address[1]
        hidden = f"http://0.0.0.0:{port}\\@cdn.example.net/secret.mp3"
        url = serving(server, feed(item("named", hidden, "Named", len(tone), day=3)), {"/secret.mp3": tone})
        show = tmp_path / "show"
        done = subprocess.run([sys.executable, "-m", "mediafeed", "import", url, "--show", str(show), "--download",
                               "--format", "json"], capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stderr
    failed = {f["guid"]: f["reason"] for f in json.loads(done.stdout)["failed"]}
    # main: asked at 0.0.0.0 (this computer's server answered 404 for /%5C@cdn.example.net/secret.mp3)
    assert failed["named"] == ("a private address (a local network), which podcast apps cannot reach (the feed was "
                               f"read from {url})"), failed


def test_a_redirect_to_a_private_or_link_local_address_is_not_followed_by_the_download(tmp_path: Path,
                                                                                      tone: bytes) -> None:
    """requests followed every redirect itself: an episode or artwork that a host redirected to a private address
    (here 0.0.0.0, which reaches this computer's own server, as 10.0.0.5 would reach a machine on the network), or to
    a cloud's metadata service at 169.254.169.254, was fetched from there and saved into the show as its audio and
    artwork. ``check --online`` refuses such hops (ONL007); the import now refuses them the same way, names the hop in
    IMP030/IMP022, never asks the private address, and tries the file only once."""
    import os
    import subprocess
    import sys

    with Host() as server:
        port = server.server.server_address[1]
        private = f"http://0.0.0.0:{port}"
        metadata = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
        items = item("inside", f"{server.url}/inside.mp3", "Inside", len(tone), day=2) + item(
            "cloud", f"{server.url}/cloud.mp3", "Cloud", len(tone))
        url = serving(server, feed(items, WHOLE_CHANNEL.format(base=server.url).replace("/art.png", "/art-moved.png")),
                      {"/secret.mp3": tone})
        server.routes["/inside.mp3"] = Route(redirect=f"{private}/secret.mp3")
        server.routes["/cloud.mp3"] = Route(redirect=metadata)
        server.routes["/art-moved.png"] = Route(redirect=f"{private}/art.png")
        show = tmp_path / "show"
        done = subprocess.run([sys.executable, "-m", "mediafeed", "import", url, "--show", str(show), "--download",
                               "--format", "json"], capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stderr
    assert server.routes["/secret.mp3"].hits == [] and server.routes["/art.png"].hits == []  # was: fetched
    assert server.routes["/inside.mp3"].hits == ["GET"]  # once: the same redirect would come again
    report = json.loads(done.stdout)
    failed = {f["guid"]: f["reason"] for f in report["failed"]}
    assert failed["inside"] == (f"redirects to {private}/secret.mp3: a private address (a local network), which "
                                "podcast apps cannot reach")
    assert metadata in failed["cloud"] and "link-local address" in failed["cloud"]
    [inside] = [p for p in report["problems"] if p["code"] == "IMP030" and p["episode"] == "inside"]
    assert "public address" in inside["hint"] and "run the import again" not in inside["hint"]
    [art] = [p for p in report["problems"] if p["code"] == "IMP022"]
    assert f"redirects to {private}/art.png" in art["message"]
    assert not list(show.glob("episodes/*/*.mp3")) and not list(show.glob("artwork.*"))
