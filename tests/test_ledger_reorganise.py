"""A producer reorganises a published show: every change either keeps each published GUID and enclosure URL (read back
with feedparser and podcastparser) or stops the build naming what changed and how to accept it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import podcastparser
import pytest

from mediafeed.build import BuildFailed, build
from mediafeed.ledger import LEDGER_FILE

EP3 = "episodes/003-capabilities-framework"
GUID3 = "5c6c255d-36b2-45da-ab07-e62a01932dcf"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def _read_back(site: Path) -> dict[str, str]:
    """GUID → enclosure URL, as feedparser reads the feed, checked against podcastparser's reading."""
    data = (site / "feed.xml").read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    by_feedparser = {entry.id: entry.enclosures[0].href for entry in parsed.entries}
    import io

    by_podcastparser = {episode["guid"]: episode["enclosures"][0]["url"]
                        for episode in podcastparser.parse("https://podcast.example.org/safe-to-say/feed.xml",
                                                           io.BytesIO(data))["episodes"]}
    assert by_feedparser == by_podcastparser
    return by_feedparser


def _git(show: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-c", "user.name=Producer", "-c", "user.email=p@example.org", *args], cwd=show,
                          capture_output=True, text=True)


def _new_episode(show: Path, slug: str, guid: str) -> None:
    """A new episode made the way producers do it: a published folder copied, renamed, given its own GUID and file."""
    folder = show / "episodes" / slug
    shutil.copytree(show / EP3, folder)
    (folder / "capabilities-framework.mp3").rename(folder / f"{slug}.mp3")
    _edit(folder / "episode.md", f"guid: {GUID3}", f"guid: {guid}")
    _edit(folder / "episode.md", "audio: capabilities-framework.mp3", f"audio: {slug}.mp3")
    _edit(folder / "episode.md", "\nepisode: 3\n", f"\nepisode: {int(slug[:3])}\n")


def test_two_producers_whose_published_json_merge_conflicts_are_told_it_is_a_merge_and_how_to_finish_it(
        show: Path) -> None:
    """Two checkouts each publish an episode whose GUIDs sort next to each other: git stops the merge of published.json
    with conflict markers. The build said "Expecting property name enclosed in double quotes: line 45 column 1" and
    "restore it from version control" (which holds one side only)."""
    build(show)
    assert _git(show, "init", "-q", "-b", "main").returncode == 0
    (show / ".gitignore").write_text("public/\n.mediafeed/\n")
    _git(show, "add", "-A")
    _git(show, "commit", "-qm", "published")
    for branch, guid in (("anna", "fffffff0-0000-4000-8000-00000000000a"), ("ben", "fffffff0-0000-4000-8000-00000000000b")):
        _git(show, "checkout", "-q", "-b", branch, "main")
        _new_episode(show, f"00{6 if branch == 'anna' else 7}-{branch}", guid)
        build(show)
        _git(show, "add", "-A")
        _git(show, "commit", "-qm", f"{branch}'s episode")
    _git(show, "checkout", "-q", "anna")
    merged = _git(show, "merge", "-q", "ben")
    assert merged.returncode != 0 and "CONFLICT (content): Merge conflict in published.json" in merged.stdout, merged
    with pytest.raises(BuildFailed) as stopped:
        build(show)
    [problem] = [p for p in stopped.value.problems if p.code == "LED000"]
    assert problem.message.startswith("published.json holds an unfinished git merge: conflict markers at line "), problem
    assert "(<<<<<<<)" in problem.message and "(>>>>>>>)" in problem.message
    assert "keep the records of both sides" in problem.hint and "Expecting property" not in problem.message
    # finished as the hint says: the records of both sides kept (each side read as git wrote it, then joined)
    sides: dict[str, list[str]] = {"ours": [], "theirs": []}
    keep = ("ours", "theirs")
    for line in (show / LEDGER_FILE).read_text().splitlines():
        if line.startswith(("<<<<<<<", "=======", ">>>>>>>")):
            keep = {"<": ("ours",), "=": ("theirs",), ">": ("ours", "theirs")}[line[0]]
            continue
        for side in keep:
            sides[side].append(line)
    ours, theirs = (json.loads("\n".join(sides[side])) for side in ("ours", "theirs"))
    fixed = json.dumps({**ours, "episodes": {**ours["episodes"], **theirs["episodes"]}}, indent=2)
    records = json.loads(fixed)["episodes"]
    assert len(records) == 8
    (show / LEDGER_FILE).write_text(fixed)
    site = build(show).output
    assert json.loads((show / LEDGER_FILE).read_text())["episodes"] == records  # nothing re-recorded
    read = _read_back(site)
    assert {guid: read[guid] for guid in records} == {guid: record["enclosure"] for guid, record in records.items()}


@pytest.mark.parametrize("copy", ["000a-copy", "006-copy"])
def test_a_copied_published_folder_is_told_to_take_a_new_guid_and_the_published_one_keeps_its_own(show: Path,
                                                                                                    copy: str) -> None:
    """EP001 fell on the folder that sorted second: a copy named (or dated) before the published episode put the error,
    and the hint to give it a new GUID, on the published episode itself."""
    from mediafeed.guids import assign_missing

    before = _read_back(build(show).output)
    shutil.copytree(show / EP3, show / "episodes" / copy)
    _edit(show / "episodes" / copy / "episode.md", "\nepisode: 3\n", "\nepisode: 9\n")
    if copy.startswith("000"):
        _edit(show / "episodes" / copy / "episode.md", "date: 2026-", "date: 2025-")
    with pytest.raises(BuildFailed) as stopped:
        build(show)
    [problem] = [p for p in stopped.value.problems if p.code == "EP001"]
    assert (problem.episode, problem.file) == (copy, f"episodes/{copy}/episode.md"), problem
    assert f"is also used by {EP3}/episode.md, which was published with it" in problem.message
    assert f"remove the 'guid:' line from episodes/{copy}/episode.md" in problem.hint
    _edit(show / "episodes" / copy / "episode.md", f"guid: {GUID3}\n", "")  # the hint, followed
    assign_missing(show, write=True)
    _edit(show / "episodes" / copy / "episode.md", "audio: capabilities-framework.mp3", "audio: copy.mp3")
    (show / "episodes" / copy / "capabilities-framework.mp3").rename(show / "episodes" / copy / "copy.mp3")
    after = _read_back(build(show).output)
    assert {guid: after[guid] for guid in before} == before and len(after) == len(before) + 1


LOST = [
    ("folder renamed", lambda show: shutil.move(show / EP3, show / "episodes/003-capabilities"), {"LED002"}),
    ("file renamed", lambda show: (
        (show / EP3 / "capabilities-framework.mp3").rename(show / EP3 / "capabilities.mp3"),
        _edit(show / EP3 / "episode.md", "audio: capabilities-framework.mp3", "audio: capabilities.mp3")), {"LED002"}),
    ("guid changed", lambda show: _edit(show / EP3 / "episode.md", f"guid: {GUID3}", "guid: a-new-guid"), {"LED001"}),
    ("site moved", lambda show: _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/",
                                      "url: https://new.example.org/podcast/"), {"LED002", "LED004"}),
]


@pytest.mark.parametrize("how", ["deleted", "emptied"])
@pytest.mark.parametrize("change,reorganise,codes", LOST, ids=[c[0] for c in LOST])
def test_a_lost_published_json_is_made_up_for_by_the_last_builds_feed(show: Path, how: str, change: str,
                                                                      reorganise: object, codes: set[str]) -> None:
    """published.json deleted (or emptied by hand) in the change that renames a published folder: the build recorded
    the new enclosure URL as if it had always been, and only a publish to a target with the old feed could stop it."""
    before = _read_back(build(show).output)
    if how == "deleted":
        (show / LEDGER_FILE).unlink()
    else:
        (show / LEDGER_FILE).write_text('{"episodes": {}}\n')
    reorganise(show)  # type: ignore[operator]
    with pytest.raises(BuildFailed) as stopped:
        build(show)
    found = [p for p in stopped.value.problems if p.code.startswith("LED")]
    assert {p.code for p in found} == codes, found
    said = "is missing" if how == "deleted" else "records no episode"
    assert all(f"published.json {said}, and " in p.hint and "--accept-changes" in p.hint for p in found), found
    assert _read_back(show / "public") == before  # nothing written
    if "LED004" in codes:  # never accepted (below): the show keeps its podcast:guid, as the hint says
        with (show / "show.yml").open("a") as yml:
            yml.write("podcast_guid: 82f71d59-a1ba-56e5-a889-1449c80b48d3\n")
    build(show, accept_changes=True)  # deliberate: recorded
    build(show)


def test_a_lost_published_json_never_lets_accept_changes_change_the_podcast_guid(show: Path) -> None:
    """published.json lost in the change that moved the site (no podcast_guid in show.yml: the new url derives another
    one). LED004, found in the last build's feed, told the producer to run --accept-changes, which then published the
    new podcast:guid and recorded it: the Podcast Index lost the show, as --accept-changes never does with
    published.json. LED004 now names the podcast_guid line to add, and --accept-changes stops on it."""
    site = build(show).output
    old = re.search(r"<podcast:guid>([^<]+)", (site / "feed.xml").read_text())[1]  # type: ignore[index]
    (show / LEDGER_FILE).unlink()
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/", "url: https://new.example.org/podcast/")
    with pytest.raises(BuildFailed) as stopped:
        build(show)
    [told] = [p for p in stopped.value.problems if p.code == "LED004"]
    assert f"set 'podcast_guid: {old}' in show.yml" in told.hint and "--accept-changes does not change it" in told.hint
    with pytest.raises(BuildFailed) as accepting:
        build(show, accept_changes=True)
    assert [p.code for p in accepting.value.problems if p.severity.value == "error"] == ["LED004"]
    assert f"<podcast:guid>{old}</podcast:guid>" in (site / "feed.xml").read_text()  # nothing written
    assert not (show / LEDGER_FILE).exists()
    with (show / "show.yml").open("a") as yml:
        yml.write(f"podcast_guid: {old}\n")  # the hint, followed
    build(show, accept_changes=True)
    assert f"<podcast:guid>{old}</podcast:guid>" in (build(show).output / "feed.xml").read_text()
    assert json.loads((show / LEDGER_FILE).read_text())["podcast_guid"] == old


def test_a_lost_published_json_with_nothing_changed_is_written_again_as_it_was(show: Path) -> None:
    build(show)
    records = json.loads((show / LEDGER_FILE).read_text())["episodes"]
    (show / LEDGER_FILE).unlink()
    build(show)
    again = json.loads((show / LEDGER_FILE).read_text())["episodes"]
    assert {guid: r["enclosure"] for guid, r in again.items()} == {guid: r["enclosure"] for guid, r in records.items()}


# -- published.json edited by hand ----------------------------------------------------------------------------------

def _hand_edit(show: Path, change: object) -> None:
    data = json.loads((show / LEDGER_FILE).read_text())
    change(data)  # type: ignore[operator]
    (show / LEDGER_FILE).write_text(json.dumps(data, indent=2))


def _rename(record: dict, old: str, new: str) -> None:
    record[new] = record.pop(old)


HAND_EDITS = [
    # (what, the edit, the LED000's field, its severity, what it says)
    ("enclosure misspelt", lambda d: _rename(d["episodes"][GUID3], "enclosure", "enclosurr"),
     f"episodes.{GUID3}.enclosure", "error", "missing: the URL subscribers were given"),
    ("episodes misspelt", lambda d: _rename(d, "episodes", "episode"), "episodes", "error", "missing"),
    ("a record that is not one", lambda d: d["episodes"].update({GUID3: "x"}), f"episodes.{GUID3}", "error",
     "not an object"),
    ("withdrawn as yes", lambda d: d["episodes"][GUID3].update(withdrawn="yes"), f"episodes.{GUID3}.withdrawn", "error",
     '"yes" is not true'),
    ("duration as text", lambda d: d["episodes"][GUID3].update(duration="long"), f"episodes.{GUID3}.duration", "error",
     '"long" is not a number'),
    # a record of mediafeed's four keys with one value of another kind (the check's quick path for such records)
    ("duration as true", lambda d: d["episodes"][GUID3].update(duration=True), f"episodes.{GUID3}.duration", "error",
     "true is not a number"),
    ("slug as a number", lambda d: d["episodes"][GUID3].update(slug=3), f"episodes.{GUID3}.slug", "error",
     "3 is not a folder name"),
    ("enclosure emptied", lambda d: d["episodes"][GUID3].update(enclosure=""), f"episodes.{GUID3}.enclosure", "error",
     '"" is not a URL'),
    ("podcast_guid as a number", lambda d: d.update(podcast_guid=5), "podcast_guid", "error", "5 is not text"),
    ("a key of one's own", lambda d: d.update(note="hi"), "note", "warning", "unknown key, not read"),
]


@pytest.mark.parametrize("what,change,field,severity,says", HAND_EDITS, ids=[h[0] for h in HAND_EDITS])
def test_a_hand_edited_published_json_is_told_what_and_where(show: Path, what: str, change: object, field: str,
                                                             severity: str, says: str) -> None:
    """Before, a misspelt 'enclosure' read "enclosure URL changed from None" and the hint "write 'audio: None' again";
    a misspelt 'episodes' recorded nothing (the next build recorded whatever it found); a record that was not an
    object said "dictionary update sequence element #0 has length 1"; "withdrawn": "yes" and a text duration were
    ignored, and a podcast_guid of 5 asked for 'podcast_guid: 5' in show.yml."""
    build(show)
    _hand_edit(show, change)
    from mediafeed.ledger import load

    _, problems = load(show)
    [problem] = [p for p in problems if p.field == field]
    assert (problem.code, problem.severity.value, problem.file) == ("LED000", severity, LEDGER_FILE), problem
    assert says in problem.message, problem
    if severity == "error":
        with pytest.raises(BuildFailed) as stopped:
            build(show)
        assert {p.code for p in stopped.value.problems if p.severity.value == "error"} == {"LED000"}
        assert "None" not in " ".join(p.message + p.hint for p in stopped.value.problems)
    else:
        build(show)


def test_a_misspelt_key_is_told_the_one_meant(show: Path) -> None:
    build(show)
    _hand_edit(show, lambda d: _rename(d["episodes"][GUID3], "enclosure", "enclosurr"))
    from mediafeed.ledger import load

    [unknown] = [p for p in load(show)[1] if p.field.endswith(".enclosurr")]
    assert unknown.hint.startswith("did you mean 'enclosure'?"), unknown


def test_publish_without_a_build_never_deletes_published_media_when_published_json_cannot_be_read(
        show: Path, tmp_path: Path) -> None:
    """`publish --no-build --delete` skips the build's check of published.json; an unreadable one protected no media:
    a published episode made a draft lost its audio on the target (subscribers' apps stream it from there)."""
    from click.testing import CliRunner

    from mediafeed.cli import main

    www = tmp_path / "www"
    www.mkdir()
    with (show / "show.yml").open("a") as yml:
        yml.write(f"publish:\n  targets:\n    web:\n      type: directory\n      path: {www}\n")
    assert CliRunner().invoke(main, ["publish", "--show", str(show), "--no-notify"]).exit_code == 0
    _edit(show / EP3 / "episode.md", "\ntype: full\n", "\ntype: full\ndraft: true\n")
    build(show)
    with (show / LEDGER_FILE).open("a") as ledger:
        ledger.write("{\n")  # a bad edit, or a merge
    result = CliRunner().invoke(main, ["publish", "--show", str(show), "--no-build", "--delete", "--no-notify"])
    assert result.exit_code == 1 and "LED000" in result.output, result.output
    assert (www / EP3 / "capabilities-framework.mp3").is_file()


def _reencode(show: Path) -> None:
    folder = show / EP3
    subprocess.run(["ffmpeg", "-loglevel", "error", "-i", str(folder / "capabilities-framework.mp3"), "-c:a", "aac",
                    "-b:a", "48k", str(folder / "capabilities-framework.m4a")], check=True)
    (folder / "capabilities-framework.mp3").unlink()
    _edit(folder / "episode.md", "audio: capabilities-framework.mp3", "audio: capabilities-framework.m4a")


def _into_subfolder(show: Path) -> None:
    (show / EP3 / "audio").mkdir()
    (show / EP3 / "capabilities-framework.mp3").rename(show / EP3 / "audio" / "capabilities-framework.mp3")
    _edit(show / EP3 / "episode.md", "audio: capabilities-framework.mp3", "audio: audio/capabilities-framework.mp3")


REORGANISED = [
    # (what the producer did, how, the codes that stop the build; none: it builds and nothing subscribers have changes)
    ("folder renamed", lambda show: shutil.move(show / EP3, show / "episodes/003-capabilities"), {"LED002"}),
    ("audio renamed", lambda show: (
        (show / EP3 / "capabilities-framework.mp3").rename(show / EP3 / "cf.mp3"),
        _edit(show / EP3 / "episode.md", "audio: capabilities-framework.mp3", "audio: cf.mp3")), {"LED002"}),
    ("audio moved into a subfolder", _into_subfolder, {"SRC040"}),
    ("re-encoded as m4a", _reencode, {"LED002"}),
    ("base URL moved", lambda show: _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/",
                                          "url: https://new.example.org/podcast/"), {"LED002", "LED004", "LED008"}),
    ("media URL moved", lambda show: (show / "show.yml").open("a").write("media_url: https://cdn.example.org/m/\n"),
     {"LED002"}),
    ("guid retyped", lambda show: _edit(show / EP3 / "episode.md", f"guid: {GUID3}", "guid: new"), {"LED001"}),
    ("slug given in front matter", lambda show: _edit(show / EP3 / "episode.md", f"guid: {GUID3}\n",
                                                      f"guid: {GUID3}\nslug: capabilities\n"), {"SRC012"}),
    ("date changed", lambda show: _edit(show / EP3 / "episode.md", "date: 2026-", "date: 2025-"), set()),
    ("number changed", lambda show: _edit(show / EP3 / "episode.md", "\nepisode: 3\n", "\nepisode: 30\n"), set()),
]


@pytest.mark.parametrize("what,change,codes", REORGANISED, ids=[r[0] for r in REORGANISED])
def test_a_reorganised_show_keeps_every_published_guid_and_enclosure_or_stops_saying_what_changed(
        show: Path, what: str, change: object, codes: set[str]) -> None:
    before = _read_back(build(show).output)
    change(show)  # type: ignore[operator]
    if not codes:
        assert _read_back(build(show).output) == before
        return
    with pytest.raises(BuildFailed) as stopped:
        build(show)
    errors = [p for p in stopped.value.problems if p.severity.value == "error"]
    assert {p.code for p in errors} == codes, errors
    assert all(p.hint for p in errors)
    assert all("--accept-changes" in p.hint for p in errors if p.code in ("LED001", "LED002", "LED008")) or \
        any("restore" in p.hint for p in errors)
    assert _read_back(show / "public") == before  # nothing went out


def test_accepting_a_moved_site_never_changes_the_podcast_guid(show: Path) -> None:
    """With no podcast_guid in show.yml, a new `url` derives another podcast:guid. `--accept-changes` (which the LED002
    and LED008 of the move ask for) published it, while published.json kept the first one: the Podcast Index lost the
    show across the move, and every build after it stopped on LED004."""
    site = build(show).output
    old = re.search(r"<podcast:guid>([^<]+)", (site / "feed.xml").read_text())[1]  # type: ignore[index]
    _edit(show / "show.yml", "url: https://podcast.example.org/safe-to-say/", "url: https://new.example.org/podcast/")
    with pytest.raises(BuildFailed) as stopped:
        build(show, accept_changes=True)
    [problem] = [p for p in stopped.value.problems if p.severity.value == "error"]
    assert problem.code == "LED004" and f"set 'podcast_guid: {old}' in show.yml" in problem.hint, problem
    assert f"<podcast:guid>{old}</podcast:guid>" in (site / "feed.xml").read_text()  # nothing written
    with (show / "show.yml").open("a") as yml:
        yml.write(f"podcast_guid: {old}\n")  # the hint, followed
    build(show, accept_changes=True)
    site = build(show).output
    assert f"<podcast:guid>{old}</podcast:guid>" in (site / "feed.xml").read_text()
    assert feedparser.parse((site / "feed.xml").read_bytes()).feed["podcast_guid"] == old
