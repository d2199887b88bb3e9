"""Paths a producer (or an attacker's pull request) can put in a show: nothing outside it is ever published."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from helpers import add_episode, make_media

from mediafeed.build import BuildFailed, build
from mediafeed.cli import main
from mediafeed.lint import lint_show

FRONT = "title: Linked\ndate: 2026-03-20T08:00:00+00:00\nguid: 3d1f1c52-4bb4-4a53-9a55-9e2f0a0e6c11\naudio: '{audio}'\n"


def _problems(show: Path) -> list:
    return lint_show(show).problems


@pytest.mark.parametrize("target", ["/etc/passwd", "../001-ipv-and-substance-use/ipv-and-substance-use.mp3"])
def test_episode_audio_that_is_a_symbolic_link_is_refused_and_never_published(show: Path, target: str) -> None:
    folder = add_episode(show, "006-linked", FRONT.format(audio="linked.mp3"), audio_name="")
    os.symlink(target, folder / "linked.mp3")
    problems = [p for p in _problems(show) if p.episode == "006-linked"]
    assert [(p.code, p.field) for p in problems if p.severity.value == "error"] == [("SRC040", "audio")]
    assert "symbolic link" in problems[0].message
    with pytest.raises(BuildFailed):
        build(show)
    assert not (show / "public" / "episodes" / "006-linked").exists()


@pytest.mark.parametrize("named", [False, True], ids=["every-episode", "named"])
def test_mediafeed_tag_says_why_it_leaves_an_episode_whose_audio_is_a_link_outside_the_show(show: Path, tmp_path: Path,
                                                                                             named: bool) -> None:
    # `mediafeed tag` skipped the episode without a word ("0 file(s) tagged", exit 0 beside the other episodes' results),
    # and named, called it "no episode folder named '006-linked'" (TAG005); the file outside was never written, and is not
    outside = make_media(tmp_path / "outside" / "master.mp3")
    before = outside.read_bytes()
    folder = add_episode(show, "006-linked", FRONT.format(audio="linked.mp3"), audio_name="")
    os.symlink(outside, folder / "linked.mp3")
    out = CliRunner().invoke(main, ["tag", "--show", str(show), "--format", "json", *(["006-linked"] if named else [])])
    assert out.exit_code == 1, out.output
    report = json.loads(out.output)
    assert [(p["code"], p["file"], p["field"]) for p in report["problems"] if p["severity"] == "error"] == [
        ("SRC040", "episodes/006-linked/episode.md", "audio")]
    assert "006-linked" not in json.dumps(report["files"])
    assert outside.read_bytes() == before and (folder / "linked.mp3").is_symlink()


@pytest.mark.parametrize("audio", ["../001-ipv-and-substance-use/ipv-and-substance-use.mp3", "/etc/passwd",
                                   "sub\\\\audio.mp3", "C:/audio.mp3"])
def test_episode_audio_outside_the_folder_is_refused(show: Path, audio: str) -> None:
    add_episode(show, "006-outside", FRONT.format(audio=audio), audio_name="")
    codes = [p.code for p in _problems(show) if p.episode == "006-outside" and p.severity.value == "error"]
    assert codes == ["SRC040"]


def test_show_artwork_linked_from_outside_the_show_is_refused(show: Path, tmp_path: Path) -> None:
    outside = tmp_path / "private.png"
    (show / "artwork.png").rename(outside)
    os.symlink(outside, show / "artwork.png")
    problems = [p for p in _problems(show) if p.code == "SRC040"]
    assert [(p.file, p.field) for p in problems] == [("show.yml", "artwork")]


def test_show_artwork_linked_inside_the_show_is_fine(show: Path) -> None:
    (show / "art").mkdir()
    (show / "artwork.png").rename(show / "art" / "cover.png")
    os.symlink("art/cover.png", show / "artwork.png")
    assert not [p for p in _problems(show) if p.code in ("SRC040", "SRC041")]


def test_media_problems_are_grouped_under_their_episode(show: Path) -> None:
    folder = add_episode(show, "006-wav", FRONT.format(audio="audio.mp3"), audio_name="")
    make_media(folder / "audio.mp3", "wav", extra=("-f", "wav"))
    [problem] = [p for p in _problems(show) if p.code == "MED005"]
    assert problem.episode == "006-wav" and problem.file == "episodes/006-wav/audio.mp3"


def _safe_by_parts(rel: str) -> bool:
    """The plain statement of a safe output path: relative, and no part empty, ``.`` or ``..``."""
    if not rel or rel.startswith("/") or "\\" in rel or "\x00" in rel:
        return False
    return all(part not in ("", ".", "..") for part in rel.split("/"))


def test_an_output_path_is_safe_exactly_when_none_of_its_parts_is_empty_dot_or_dot_dot() -> None:
    import itertools

    from mediafeed.outputfolder import is_safe_output

    every = ["".join(chars) for size in range(1, 7) for chars in itertools.product("a./\\\x00", repeat=size)]
    every += ["", "episodes/001-first/index.html", "episodes/.hidden/x", "a/...", "a/..b", "..a/b"]
    assert [rel for rel in every if is_safe_output(rel) != _safe_by_parts(rel)] == []
    assert is_safe_output("episodes/001-first/embed/index.html") and not is_safe_output("episodes/../../etc")


def test_a_manifest_read_whole_keeps_exactly_the_lines_it_kept_when_each_was_looked_at(tmp_path: Path) -> None:
    """read_manifest looks for unsafe paths in the whole text at once (5,000 lines a rebuild of 1,000 episodes): a
    text it calls safe has no line is_safe_output refuses, wherever that line stands, whatever ends it."""
    import itertools

    from mediafeed.outputfolder import _all_safe, is_safe_output, read_manifest, write_manifest

    every = ["".join(chars) for size in range(1, 6) for chars in itertools.product("a./\\\x00\r", repeat=size)]
    every += ["", "a/...", "a/..b", "..a/b", "a\u2028b", "a\x85b", "a\x0cb"]
    wrong = [(rel, where) for rel in every for where, text in (
        ("first", f"{rel}\nfeed.xml\n"), ("inside", f"feed.json\n{rel}\nfeed.xml\n"), ("last", f"feed.xml\n{rel}\n"))
        if _all_safe(text) and not all(is_safe_output(line) for line in text.splitlines())]
    assert wrong == []
    out, cache = tmp_path / "public", tmp_path / ".mediafeed"
    cache.mkdir()
    paths = ["episodes/001-first/index.html", "feed.xml", "index.html"]
    write_manifest(cache, out, paths)
    assert _all_safe(next(cache.glob("outputs-*.txt")).read_text(encoding="utf-8")) and read_manifest(cache, out) == set(paths)
    write_manifest(cache, out, [*paths, "../escape.html", "episodes/./x", "a//b"])
    assert read_manifest(cache, out) == set(paths)


def test_a_manifest_without_dot_parts_is_judged_as_one_looked_at_for_every_unsafe_piece() -> None:
    """_all_safe looks for the unsafe pieces holding a "." only in a text where "/." or "\\n." stands: the same answer
    as looking for all of them, for every text of up to 7 of the characters that make them, first, inside or last."""
    import itertools

    from mediafeed.outputfolder import _DOTTED, _OTHER_LINE_ENDS, _UNSAFE_IN_TEXT, _all_safe

    assert all(any(dot in bad for dot in _DOTTED) for bad in _UNSAFE_IN_TEXT if "." in bad)

    def every_piece_looked_for(text: str) -> bool:
        framed = "\n" + text
        return text.endswith("\n") and not any(end in text for end in _OTHER_LINE_ENDS) \
            and not any(bad in framed for bad in _UNSAFE_IN_TEXT)

    every = ["".join(chars) for size in range(1, 8) for chars in itertools.product("a./\n", repeat=size)]
    texts = [text for rel in every for text in (f"{rel}\n", f"feed.xml\n{rel}\n", f"{rel}\nfeed.xml\n", f"feed.json\n{rel}")]
    assert [text for text in texts if _all_safe(text) != every_piece_looked_for(text)] == []
    assert _all_safe("episodes/001-first/index.html\nfeed.xml\n") and not _all_safe("a/./b\nfeed.xml\n")


@pytest.mark.parametrize("name, fix", [(".take2.mp3", "take2.mp3"), (".mp3", "episode.mp3")])
def test_episode_audio_that_is_a_hidden_file_is_an_error_not_an_enclosure_publish_never_uploads(show: Path, name: str,
                                                                                                 fix: str) -> None:
    # The build published episodes/006-hidden/.take2.mp3 and the feed pointed at it, but `mediafeed publish` leaves
    # hidden files out (plan.scan): the enclosure URL was never uploaded.
    add_episode(show, "006-hidden", FRONT.format(audio=name), audio_name=name)
    problems = [p for p in _problems(show) if p.episode == "006-hidden" and p.severity.value == "error"]
    assert [(p.code, p.field) for p in problems] == [("SRC043", "audio")]
    assert problems[0].hint == f"rename it without the leading '.' and write 'audio: {fix}'"
    with pytest.raises(BuildFailed):
        build(show)
    from mediafeed.publish.plan import scan

    assert (show / "episodes" / "006-hidden" / name).is_file() and not any(".take2" in rel or rel.endswith("/.mp3")
                                                                            for rel in scan(show / "episodes"))


NAME_NFC = "Épisode 6 – café.mp3"  # as an editor types it: accents composed with their letters
NAME_NFD = unicodedata.normalize("NFD", NAME_NFC)  # as macOS (and a sync from a Mac) writes the file's name


@pytest.mark.parametrize(("written", "on_disk"), [(NAME_NFC, NAME_NFD), (NAME_NFD, NAME_NFC)])
def test_an_audio_name_in_another_unicode_form_than_the_file_is_published_under_the_files_name(
        show: Path, written: str, on_disk: str) -> None:
    """Before, 'audio: Épisode 6 – café.mp3' (NFC) with the file named in NFD was SRC041 "file not found: Épisode 6 –
    café.mp3 — the folder has 'Épisode 6 – café.mp3': rename it back to 'Épisode 6 – café.mp3'", two names that look
    the same. The file is now found, and published (its URL) under its own name."""
    assert written != on_disk
    folder = add_episode(show, "006-cafe", FRONT.format(audio=written), audio_name=on_disk)
    assert [f.name for f in folder.iterdir() if f.suffix == ".mp3"] == [on_disk]
    assert not [p for p in _problems(show) if p.severity.value == "error"]
    report = build(show)
    feed = (report.output / "feed.xml").read_text(encoding="utf-8")
    assert f"episodes/006-cafe/{quote(on_disk)}" in feed and quote(written) not in feed
    assert (report.output / "episodes/006-cafe" / on_disk).is_file()


ART_NFC = "Café – artwork.png"


@pytest.mark.parametrize(("written", "on_disk"), [(ART_NFC, unicodedata.normalize("NFD", ART_NFC)),
                                                  (unicodedata.normalize("NFD", ART_NFC), ART_NFC)])
def test_show_artwork_named_in_another_unicode_form_than_its_file_is_published_under_the_files_name(
        show: Path, written: str, on_disk: str) -> None:
    """An episode's files were found in either form (above), the show's artwork was not: 'artwork: Café – artwork.png'
    (NFC) with the file named in NFD (a show copied from a Mac) stopped check and build with SRC041 "file not found:
    Café – artwork.png — the folder has Café – artwork.png: write 'artwork: Café – artwork.png', or rename it to Café –
    artwork.png", three names that look the same. The file is found and published under its own name."""
    (show / "artwork.png").rename(show / on_disk)
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("artwork: artwork.png", f"artwork: '{written}'"),
                      encoding="utf-8")
    assert not [p for p in _problems(show) if p.severity.value == "error"]
    feed = (build(show).output / "feed.xml").read_text(encoding="utf-8")
    assert f'<itunes:image href="https://podcast.example.org/safe-to-say/{quote(on_disk)}"/>' in feed
    assert quote(written) not in feed


def test_a_published_file_renamed_to_another_unicode_form_says_so_and_how_to_rename_it_back(show: Path) -> None:
    """LED002 said "rename Épisode 6 – café.mp3 back to Épisode 6 – café.mp3": it now says which form each is, with a
    command that renames the file back (a 'mv' of two names that look the same is no fix)."""
    folder = add_episode(show, "006-cafe", FRONT.format(audio=NAME_NFC), audio_name=NAME_NFD)
    build(show)
    (folder / NAME_NFD).rename(folder / NAME_NFC)  # a tool that writes names composed (a copy back from a Linux disk)
    with pytest.raises(BuildFailed) as info:
        build(show)
    [moved] = [p for p in info.value.problems if p.code == "LED002"]
    assert "published with accents stored apart from their letters (NFD)" in moved.hint
    assert f"rename {NAME_NFC} back" not in moved.hint
    command = re.search(r'rename the file back \((python3 -c ".*?")\)', moved.hint)
    assert command
    subprocess.run(shlex.split(command[1]), cwd=show, check=True)
    assert [f.name for f in folder.iterdir() if f.suffix == ".mp3"] == [NAME_NFD]
    build(show)  # published as before: no LED002


@pytest.mark.parametrize("name", ["player.html", "index.html", "oembed.json", "Player.HTML"])
def test_a_transcript_named_as_a_page_the_build_writes_is_an_error_check_names_before_anything_is_written(
        show: Path, tmp_path: Path, name: str) -> None:
    """A transcript called player.html (or index.html, oembed.json: a transcription service's own file names) would
    be the same file as the episode's player (page, oEmbed answer). `check` said nothing; `build` wrote the
    transcript at that path, then stopped with OUT002 ("give the two episodes different folder names"), leaving the
    site half written: the player replaced by the transcript, no feed. Player.HTML is that file on a disk that does not
    tell case apart (macOS, Windows)."""
    folder = add_episode(show, "006-named", FRONT.format(audio="audio.mp3") + f"transcript: {name}\n",
                         audio_name="audio.mp3")
    (folder / name).write_text("<html><body><p>Ann: hello.</p></body></html>" if name.lower().endswith(".html") else
                               '{"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1, "body": "hi"}]}')
    problems = [p for p in _problems(show) if p.episode == "006-named" and p.severity.value == "error"]
    assert [(p.code, p.field) for p in problems] == [("SRC043", "transcript")], problems
    assert "is the name of a file the build writes in the episode's folder" in problems[0].message
    assert problems[0].hint.startswith("rename the file, e.g. to transcript.")
    out = tmp_path / "site"
    with pytest.raises(BuildFailed) as info:
        build(show, out)
    assert [p.code for p in info.value.problems if p.severity.value == "error"] == ["SRC043"]
    assert not out.exists()  # refused before anything was written


@pytest.mark.parametrize(("front", "name", "field"), [
    ("transcript: words.vtt\nalternate_enclosures:\n  - {file: words.srt, type: application/x-subrip}\n", "words.srt",
     "alternate_enclosures"),
    ("chapters: chapters.txt\ntranscript: [words.vtt, chapters.json]\n", "chapters.json", "transcript"),
])
def test_a_file_named_as_one_the_build_makes_from_another_is_an_error_check_names(
        show: Path, tmp_path: Path, front: str, name: str, field: str) -> None:
    """The build makes the other timed format of a transcript (words.vtt makes words.srt) and chapters.json from
    chapters.txt: a file the front matter names under such a name passed `check`, and `build` wrote part of the site
    and stopped with OUT002 ("give the two episodes different folder names"). Now it is SRC043 at check, and the build
    writes nothing."""
    folder = add_episode(show, "006-named", FRONT.format(audio="audio.mp3") + front, audio_name="audio.mp3")
    (folder / "words.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n", encoding="utf-8")
    (folder / "chapters.txt").write_text("00:00:00 Start\n", encoding="utf-8")
    (folder / name).write_text("1\n00:00:00,000 --> 00:00:01,000\nOther.\n" if name.endswith(".srt") else
                               '{"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1, "body": "hi"}]}')
    problems = [p for p in _problems(show) if p.episode == "006-named" and p.severity.value == "error"]
    assert [(p.code, p.field) for p in problems] == [("SRC043", field)], problems
    assert f"{name} has the name of the " in problems[0].message
    out = tmp_path / "site"
    with pytest.raises(BuildFailed) as info:
        build(show, out)
    assert [p.code for p in info.value.problems if p.severity.value == "error"] == ["SRC043"]
    assert not out.exists()  # refused before anything was written


def test_the_transcript_listed_as_an_alternate_enclosure_is_an_error_check_names(show: Path, tmp_path: Path) -> None:
    """A transcript (found by its name) listed under `alternate_enclosures` too passed `check`, and `build` wrote part of
    the site and stopped with OUT002 (two outputs for one path). Now SRC043 at check, and the build writes nothing."""
    folder = add_episode(show, "006-named", FRONT.format(audio="audio.mp3")
                         + "alternate_enclosures:\n  - {file: transcript.vtt, type: text/vtt}\n", audio_name="audio.mp3")
    (folder / "transcript.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n", encoding="utf-8")
    problems = [p for p in _problems(show) if p.episode == "006-named" and p.severity.value == "error"]
    assert [(p.code, p.field) for p in problems] == [("SRC043", "alternate_enclosures")], problems
    assert "transcript.vtt is the episode's transcript" in problems[0].message
    out = tmp_path / "site"
    with pytest.raises(BuildFailed) as info:
        build(show, out)
    assert [p.code for p in info.value.problems if p.severity.value == "error"] == ["SRC043"]
    assert not out.exists()  # refused before anything was written
