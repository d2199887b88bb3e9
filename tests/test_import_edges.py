"""`mediafeed import` against what real hosts' servers and feeds do at the edges, served from 127.0.0.1
(tests/hosts.py): a media server that closes early without announcing a length, titles that make awkward folder
names, a feed that says it has moved."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hosts import Host, Route

from mediafeed.cli import main

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
