"""Reading the source: every problem reported at once, with file, field and fix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import add_episode

from mediafeed import lint
from mediafeed.build import BuildFailed, build
from mediafeed.cli import main
from mediafeed.errors import InputError, OutputError


def _lines(exc: BuildFailed) -> list[str]:
    return [p.line() for p in exc.problems]


def test_missing_show_yml_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--show", str(tmp_path)])
    assert result.exit_code == 2
    assert "no show.yml" in result.output and "mediafeed init" in result.output


def test_show_yml_problems_are_all_reported_together(show: Path) -> None:
    text = (show / "show.yml").read_text()
    text = text.replace("language: en-gb", "language: English").replace("explicit: false", "explicit: maybe")
    text = text.replace("author: Safe to Say research team\n", "").replace("artwork: artwork.png", "artwork: ../etc/passwd")
    (show / "show.yml").write_text(text + "colour: red\n")
    with pytest.raises(BuildFailed) as info:
        build(show)
    lines = "\n".join(_lines(info.value))
    assert "show.yml: language: expected an ISO 639 language code" in lines
    assert "show.yml: explicit: expected true or false, got 'maybe'" in lines
    assert "show.yml: author: required but missing" in lines
    assert "show.yml: artwork: file reference '../etc/passwd' leaves the show folder" in lines
    assert "show.yml: colour: unknown key" in lines


def test_malformed_show_yml_names_the_line(show: Path) -> None:
    (show / "show.yml").write_text("title: [oops\nurl: x\n")
    with pytest.raises(InputError) as info:
        build(show)
    assert "malformed YAML (line" in info.value.problems[0].message


def test_yaml_tags_cannot_run_code(show: Path) -> None:
    add_episode(show, "950-yaml", """
title: !!python/object/apply:os.system ["echo pwned > pwned.txt"]
date: 2026-04-01T08:00:00+00:00
guid: y1
audio: audio.mp3
""")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert any(p.code == "SRC002" for p in info.value.problems)
    assert not (show / "pwned.txt").exists() and not Path("pwned.txt").exists()


def test_output_folder_may_not_be_the_show(show: Path) -> None:
    with pytest.raises(OutputError):
        build(show, show)
    with pytest.raises(OutputError):
        build(show, show / "episodes" / "site")


def test_corrupt_cache_is_discarded(show: Path) -> None:
    build(show)
    (show / ".mediafeed" / "cache.sqlite").write_bytes(b"this is not a database" * 100)
    report = build(show)
    assert report.probed == 6 and not report.written


def test_chapters_outside_the_audio_are_reported(show: Path) -> None:
    (show / "episodes/001-ipv-and-substance-use/chapters.txt").write_text("00:00:00 Start\n00:00:30 Later\n00:00:20 Earlier\n00:05:00 After the end\nnot a chapter\n")
    with pytest.raises(BuildFailed) as info:
        build(show)
    codes = [p.code for p in info.value.problems if "chapters.txt" in p.file]
    assert codes.count("CHP010") == 1 and "CHP012" in codes and "CHP001" in codes
    [bad_line] = [p.line() for p in info.value.problems if p.code == "CHP001"]
    # the line number once (it said 'line 5: line 5: expected …')
    assert "chapters.txt: line 5: expected 'HH:MM:SS Title', got 'not a chapter'" in bad_line, bad_line


def test_transcript_without_header_is_reported(show: Path) -> None:
    (show / "episodes/001-ipv-and-substance-use/transcript.vtt").write_text("00:00:00.000 --> 00:00:01.000\nHi\n")
    with pytest.raises(BuildFailed) as info:
        build(show)
    assert any(p.code == "TRN001" and p.file.endswith("transcript.vtt") for p in info.value.problems)


def test_guid_assign_writes_only_missing_guids(show: Path) -> None:
    folder = add_episode(show, "960-new", "title: New\ndate: 2026-04-01T08:00:00+00:00\naudio: audio.mp3")
    before = {p: p.read_text() for p in (show / "episodes").glob("*/episode.md") if p.parent != folder}
    result = CliRunner().invoke(main, ["guid", "--show", str(show), "--assign"])
    assert result.exit_code == 0, result.output
    assert "episodes/960-new/episode.md: guid: " in result.output
    assert {p: p.read_text() for p in before} == before
    text = (folder / "episode.md").read_text()
    assert text.startswith("---\nguid: ") and text.endswith("---\nNotes.\n")
    build(show)


@pytest.mark.parametrize("key", ["title", "description"])
@pytest.mark.parametrize("value", [None, "", " ", ["a", "b"]], ids=["missing", "empty", "blank", "a-list"])
def test_a_show_without_a_title_or_description_is_an_error_not_a_crash(show: Path, key: str, value: object) -> None:
    """The feed cannot be rendered without them (feedgen refuses it): check said 'Internal error', exit 3."""
    path = show / "show.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    if value is None:
        del config[key]
    else:
        config[key] = value
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(p["code"], p["field"]) for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert found in ([("SRC011", key)], [("SRC010", key)]), found
    with pytest.raises(BuildFailed):
        build(show)


@pytest.mark.parametrize("edit, field", [
    (("author: Safe to Say research team\n", ""), "author"),
    (("language: en-gb", "language: English"), "language"),
    (("category: ", "catagory: "), "category"),
    (("subcategory: Social Sciences", "subcategory: Social Sciencez"), "subcategory"),
])
def test_a_show_yml_mistake_is_reported_once_in_its_words_not_again_in_the_feeds(show: Path, edit: tuple[str, str],
                                                                                field: str) -> None:
    """The feed rules found the same mistake in the rendered feed and said it again in XML ('add <itunes:author>…')."""
    path = show / "show.yml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert result.exit_code == 1, result.output
    at_field = [p for p in json.loads(result.stdout)["problems"] if (p["file"], p["field"]) == ("show.yml", field)]
    assert [p["code"][:3] for p in at_field] == ["SRC"], at_field
    assert not any("<" in p["message"] + p["hint"] for p in at_field)


def test_an_episode_without_a_guid_is_reported_once_at_its_episode(show: Path) -> None:
    """EP108 (no <guid> in the item) was reported again as 'item N' of feed.xml."""
    episode = show / "episodes" / "001-ipv-and-substance-use" / "episode.md"
    text = episode.read_text(encoding="utf-8")
    episode.write_text(re.sub(r"(?m)^guid: .*$", "guid: ''", text, count=1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert result.exit_code == 1, result.output
    errors = [(p["code"], p["file"]) for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert errors == [("SRC060", "episodes/001-ipv-and-substance-use/episode.md")], errors


@pytest.mark.parametrize("new_name", ["ep1-final.mp3", "IPV-and-substance-use.MP3", "ep1-final.m4a"])
def test_audio_renamed_after_publishing_is_named_in_the_hint(show: Path, new_name: str) -> None:
    """'file not found: x.mp3 — put x.mp3 in … or correct the name' left the producer to guess; the folder's
    media file is named, with the fix that keeps the published enclosure URL (rename it back)."""
    build(show)
    folder = show / "episodes" / "001-ipv-and-substance-use"
    (folder / "ipv-and-substance-use.mp3").rename(folder / new_name)
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json"])
    assert result.exit_code == 1, result.output
    [problem] = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "SRC041"]
    assert problem["field"] == "audio" and problem["file"] == "episodes/001-ipv-and-substance-use/episode.md"
    if new_name.endswith(".m4a"):  # another type: renaming it .mp3 would be MED005
        assert problem["hint"] == f"the folder has '{new_name}': if that is this file, write 'audio: {new_name}'"
        return
    assert problem["hint"].startswith(f"the folder has '{new_name}': if that is this file, rename it back to "
                                      "'ipv-and-substance-use.mp3'"), problem["hint"]


@pytest.mark.parametrize("cue,message", [
    ("00:00:01,000 --> 00:00:02,000", "line 6: cue timing '00:00:01,000 --> 00:00:02,000' has ',' before the milliseconds"),
    ("00:00:01.000 -> 00:00:02.000", "line 6: cue timing '00:00:01.000 -> 00:00:02.000' has no '-->'"),
    ("00:0:01.000 --> 00:00:02.000", "line 6: bad cue timing '00:0:01.000 --> 00:00:02.000'"),
], ids=["srt-comma", "short-arrow", "one-digit-minutes"])
def test_a_vtt_cue_that_players_drop_is_reported_at_its_line(show: Path, cue: str, message: str) -> None:
    """Chromium's <track> drops each of these cues (its text is never shown), and check said nothing: the WebVTT
    file is published as written. (SRT writes ',' before the milliseconds; WebVTT needs '.'.)"""
    (show / "episodes/001-ipv-and-substance-use/transcript.vtt").write_text(
        f"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello.\n\n{cue}\nThis cue is lost.\n\n"
        "00:00:02.000 --> 00:00:03.000\nGoodbye.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build(show)
    [line] = [p.line() for p in info.value.problems if p.file.endswith("transcript.vtt")]
    assert f"episodes/001-ipv-and-substance-use/transcript.vtt: {message}" in line, line
    assert "[TRN002]" in line


def test_an_srt_keeps_its_own_comma_and_a_vtt_its_own_forms(show: Path) -> None:
    """What players read is not reported: SRT's ',' (or a '.'), WebVTT without hours, one-digit hours."""
    folder = show / "episodes/001-ipv-and-substance-use"
    (folder / "transcript.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n\n0:00:01.000 --> 0:00:02.000\n"
                                           "Goodbye.\n", encoding="utf-8")
    (folder / "transcript.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nHello.\n\n2\n00:00:01.000 --> 00:00:02.000\n"
                                           "Goodbye.\n", encoding="utf-8")
    text = (folder / "episode.md").read_text(encoding="utf-8")
    (folder / "episode.md").write_text(text.replace("guid:", "transcripts: [transcript.vtt, transcript.srt]\nguid:", 1),
                                       encoding="utf-8")
    problems = lint.lint_show(show).problems
    assert not [p for p in problems if p.code.startswith("TRN")], problems


@pytest.mark.parametrize("data,what", [
    (b"", "the file is empty"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64), "a HEIC image (an iPhone photo's format)"),
    (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "an SVG drawing"),
    (b"<!DOCTYPE html>\n<html><body>Sign in</body></html>", "a web page (HTML)"),
    (b"%PDF-1.7\n" + bytes(64), "a PDF document"),
    (b"Not an image at all\n", "text"),
], ids=["empty", "heic", "svg", "html", "pdf", "text"])
def test_artwork_that_is_not_an_image_says_what_it_is(show: Path, data: bytes, what: str) -> None:
    """ART002 said 'not a readable image (UnidentifiedImageError)': a Python class name, not what the file is."""
    (show / "artwork.png").write_bytes(data)
    [problem] = [p for p in lint.lint_show(show).problems if p.code == "ART002"]
    assert problem.message == f"not a JPEG or PNG image: {what}", problem.message
    assert "Error" not in problem.message + problem.hint


def test_a_huge_artwork_file_is_given_in_megabytes(show: Path) -> None:
    import os

    from PIL import Image

    Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(show / "artwork.png")
    [problem] = [p for p in lint.lint_show(show).problems if p.code == "ART009"]
    assert re.match(r"artwork is 5\.\d MB; hosts commonly warn above 512 KB", problem.message), problem.message


@pytest.mark.parametrize("ext", ["png", "jpg"])
def test_artwork_that_says_where_the_photo_was_taken_is_a_warning(show: Path, ext: str) -> None:
    """A phone's photo as artwork keeps its GPS position in its EXIF data; the build publishes it and embeds it (as it
    is, up to 512 KB) in every episode's audio: the place went out with every file, without a word."""
    from PIL import Image

    from mediafeed.build import build

    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)}
    with Image.open(show / "artwork.png") as image:
        picture = image.convert("RGB")
    picture.save(show / f"cover.{ext}", exif=exif)
    (show / "show.yml").write_text((show / "show.yml").read_text().replace("artwork: artwork.png", f"artwork: cover.{ext}"))
    [problem] = [p for p in lint.lint_show(show).problems if p.code == "ART010"]
    assert (problem.file, problem.severity.value) == (f"cover.{ext}", "warning")
    assert problem.message.startswith("the picture says where it was taken (51.5072° N, 0.1275° W, in its EXIF GPS data)")
    assert f"exiftool -gps:all= -overwrite_original cover.{ext}" in problem.hint
    if ext == "jpg":  # it is in the published audio too: what the warning is about
        import io

        from mutagen.id3 import ID3

        site = build(show).output
        [cover] = ID3(site / "episodes/003-capabilities-framework/capabilities-framework.mp3").getall("APIC")
        with Image.open(io.BytesIO(cover.data)) as embedded:
            assert embedded.getexif().get_ifd(0x8825)
    picture.save(show / f"cover.{ext}")  # saved again without its EXIF: nothing to say
    assert not [p for p in lint.lint_show(show).problems if p.code == "ART010"]


@pytest.mark.parametrize("name,text", [
    ("transcript.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello there.\n00:00:01.000 --> 00:00:02.000\n"
                       "No blank line above.\n\n00:00:02.000 --> 00:00:03.000\nGoodbye.\n"),
    ("transcript.srt", "1\n00:00:00,000 --> 00:00:01,000\nHello there.\n2\n00:00:01,000 --> 00:00:02,000\n"
                       "No blank line above.\n\n3\n00:00:02,000 --> 00:00:03,000\nGoodbye.\n"),
], ids=["vtt", "srt"])
def test_a_cue_without_a_blank_line_before_it_is_its_own_cue(show: Path, name: str, text: str) -> None:
    """A timing line ends the cue before it (browsers read WebVTT so): it was read as that cue's text, and the page
    showed '<strong>Hello there. 00:</strong> 00:01.000 --> 00:00:02.000 No blank line above.'"""
    folder = show / "episodes/001-ipv-and-substance-use"
    (folder / "transcript.vtt").unlink()
    (folder / name).write_text(text, encoding="utf-8")
    site = build(show).output / "episodes/001-ipv-and-substance-use"
    if name.endswith(".vtt"):  # the other format is made from it
        made = (site / "transcript.srt").read_text(encoding="utf-8").strip().split("\n\n")
        texts = [block.splitlines()[2] for block in made]
    else:
        made = (site / "transcript.vtt").read_text(encoding="utf-8").strip().split("\n\n")[1:]
        texts = [block.splitlines()[1] for block in made]
    assert texts == ["Hello there.", "No blank line above.", "Goodbye."], made
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "--&gt;" not in page and "No blank line above." in page


@pytest.mark.parametrize("written,hint", [("English", "write 'language: en'"), ("en_US", "write 'language: en-us'"),
                                          ("Deutsch", "write 'language: de'"), ("Klingon", "write the ISO 639 code")])
def test_a_language_written_by_name_gets_its_code_in_the_hint(show: Path, written: str, hint: str) -> None:
    """SRC010 for 'language: English' said what was expected and gave no fix."""
    path = show / "show.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("language: en-gb", f"language: {written}"), encoding="utf-8")
    [problem] = [p for p in lint.lint_show(show).problems if p.field == "language"]
    assert problem.code == "SRC010" and problem.hint.startswith(hint), problem


def test_notes_that_show_a_file_the_build_does_not_publish_are_warned_about(show: Path) -> None:
    """`![Route map](map.jpg)` with map.jpg next to episode.md: the page and the feed pointed at
    episodes/<slug>/map.jpg, which the build never writes (a broken image), and check said nothing."""
    from PIL import Image

    folder = show / "episodes" / "001-ipv-and-substance-use"
    Image.new("RGB", (40, 30), (0, 0, 255)).save(folder / "map.jpg")
    text = (folder / "episode.md").read_text(encoding="utf-8")
    (folder / "episode.md").write_text(text + "\n![Route map](map.jpg) · [the slides](slides.pdf) · [our site](example.org)"
                                       " · [chapters](chapters.json) · [transcript](transcript.srt) · [next](../002-x/)"
                                       " · `[code](code.png)`\n\n```\n![fenced](fenced.png)\n```\n", encoding="utf-8")
    found = [p for p in lint.lint_show(show).problems if p.code == "SRC042"]
    assert {(p.file, p.field, p.severity.value) for p in found} == {
        ("episodes/001-ipv-and-substance-use/episode.md", "notes", "warning")}
    messages = sorted(p.message for p in found)
    assert messages == ["the notes link to example.org, which is not in the episode's folder",
                        "the notes link to map.jpg, which is in the episode's folder but is not published (only the "
                        "audio, artwork, transcripts, chapters and alternate enclosures are)",
                        "the notes link to slides.pdf, which is not in the episode's folder"], messages
    assert [p.hint for p in found if "example.org" in p.message] == ["a web address needs its scheme: write https://example.org"]
    site = build(show).output / "episodes" / "001-ipv-and-substance-use"  # a warning: the build goes on
    assert 'src="map.jpg"' in (site / "index.html").read_text(encoding="utf-8") and not (site / "map.jpg").exists()


def test_show_artwork_saved_under_another_name_is_named_in_the_hint(tmp_path: Path) -> None:
    """init writes 'artwork: artwork.jpg'; a producer saves artwork.png. The hint was 'put the file at artwork.jpg or
    correct the name', with the file beside show.yml."""
    from PIL import Image

    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path), "--title", "Fresh", "--description", "A new show", "--url",
                                "https://example.org/fresh/", "--author", "Ana", "--email", "ana@example.org",
                                "--category", "Arts"]).exit_code == 0
    Image.new("RGB", (1400, 1400), (0, 0, 128)).save(tmp_path / "artwork.png")
    result = runner.invoke(main, ["check", "--show", str(tmp_path), "--format", "json"])
    [problem] = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "SRC041"]
    assert (problem["file"], problem["field"]) == ("show.yml", "artwork")
    assert problem["hint"] == "the folder has artwork.png: write 'artwork: artwork.png'"  # (not 'rename it': ART004)


@pytest.mark.parametrize("name,text", [("transcript.vtt", "WEBVTT\n"), ("transcript.vtt", "WEBVTT\n\nNOTE to do\n"),
                                       ("transcript.srt", "\n")], ids=["vtt-header-only", "vtt-note-only", "srt-empty"])
def test_a_transcript_without_cues_is_a_warning(show: Path, name: str, text: str) -> None:
    """A WebVTT file with its header and no cue was published and linked (podcast:transcript, rel=captions), with a
    0-byte SRT made from it: apps offered a transcript that shows nothing."""
    folder = show / "episodes/001-ipv-and-substance-use"
    (folder / "transcript.vtt").unlink()
    (folder / name).write_text(text, encoding="utf-8")
    found = [p for p in lint.lint_show(show).problems if p.code == "TRN006"]
    assert [(p.file, p.severity.value) for p in found] == [(f"episodes/001-ipv-and-substance-use/{name}", "warning")]
    assert found[0].message == "the transcript has no cues: apps would offer a transcript that shows nothing"


def test_links_the_sanitiser_removes_are_named_as_the_producer_wrote_them(show: Path) -> None:
    """An entity-encoded javascript: link got SRC042 "the notes link to jav&, which is not in the episode's folder":
    the address cut at its first "#" (of "&#x09;"), shown half-decoded, and about a file. A footnote's text was taken
    for a link too ("[^1]: See Smith" gave "the notes link to See"). Now an address the sanitiser removes is SRC044,
    shown decoded, with its invisible characters escaped and a megabyte of data: cut short."""
    folder = show / "episodes" / "001-ipv-and-substance-use"
    text = (folder / "episode.md").read_text(encoding="utf-8")
    (folder / "episode.md").write_text(text + (
        '\n<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>'
        ' <a href="jav&#x09;ascript&#58;alert(2)">tab</a> [ftp](ftp://example.org/f) ![win](C:\\Users\\me\\map.png)'
        f" ![inline](data:image/png;base64,{'A' * 100_000}) [rlo](\u202egpj.exe) [ok](https://example.org/)"
        " [mail](mailto:team@example.org) <a href=\"vbscript:msgbox('vb')\">vb</a> [void](javascript:void(0))"
        "\n\nFootnote[^1].\n\n[^1]: See Smith, 2020.\n"), encoding="utf-8")
    found = {p.message: (p.code, p.hint) for p in lint.lint_show(show).problems if p.code in ("SRC042", "SRC044")}
    removed = "links are left out of the pages and feeds (only http, https, mailto and tel links are kept)"
    web = "link a web page by its full https:// address, or remove the link"
    assert found == {
        f"the notes link to javascript:alert(1): javascript: {removed}": ("SRC044", web),
        f"the notes link to jav\\tascript:alert(2): javascript: {removed}": ("SRC044", web),
        f"the notes link to ftp://example.org/f: ftp: {removed}": ("SRC044", web),
        f"the notes link to vbscript:msgbox('vb'): vbscript: {removed}": ("SRC044", web),  # to its own quote
        f"the notes link to javascript:void(0): javascript: {removed}": ("SRC044", web),  # its parentheses too
        "the notes link to C:\\Users\\me\\map.png, a file on this computer: listeners cannot open it, and the pages and "
        "feeds leave the link out": ("SRC044", "put the file on the web and link its full https:// address"),
        f"the notes link to data:image/png;base64,{'A' * 58}…: data: {removed}": ("SRC044", web),
        "the notes link to \\u202egpj.exe, which is not in the episode's folder":
            ("SRC042", "put the file on the web and link its full https:// address, or correct the name"),
    }, found
    page = (build(show).output / "episodes/001-ipv-and-substance-use/index.html").read_text(encoding="utf-8")
    assert "alert(" not in page and "ftp:" not in page and "data:image" not in page and "C:\\" not in page


def test_notes_with_thousands_of_relative_links_get_ten_warnings_and_a_count(show: Path) -> None:
    """Notes pasted from a page with 10,000 relative links (and as many javascript: ones) gave 20,000 SRC042
    warnings, a line each; now ten of each code and one more that counts the rest."""
    folder = show / "episodes" / "001-ipv-and-substance-use"
    links = " ".join(f"[p{i}](p{i}.html) [j{i}](javascript:go({i}))" for i in range(10_000))
    (folder / "episode.md").write_text((folder / "episode.md").read_text(encoding="utf-8") + links, encoding="utf-8")
    found = [p for p in lint.lint_show(show).problems if p.code in ("SRC042", "SRC044")]
    messages = {p.message: p for p in found}
    assert sorted(p.code for p in found) == ["SRC042"] * 11 + ["SRC044"] * 11 and len(messages) == 22
    assert {f"the notes link to p{i}.html, which is not in the episode's folder" for i in range(10)} <= set(messages)
    assert "the notes link to 9990 more files that are not published, from p10.html on" in messages
    rest = messages["the notes link to 9990 more addresses that are left out, from javascript:go(10) on"]
    assert rest.hint == "link a web page by its full https:// address, or remove the link"


def test_images_in_the_notes_without_alt_text_are_one_warning_naming_the_first(show: Path) -> None:
    """`![](https://…/map.jpg)` and a pasted `<img src=…>` reached the pages with no text alternative (WCAG 1.1.1): a
    screen reader said "image" or read the file name, and check said nothing. One SRC045 an episode, counting them;
    described images, `alt=""` written as decoration, and images inside code are left alone."""
    folder = show / "episodes" / "001-ipv-and-substance-use"
    source = folder / "episode.md"
    text = source.read_text(encoding="utf-8")

    def alt_warnings(notes: str) -> list[str]:
        source.write_text(text + notes, encoding="utf-8")
        found = [p for p in lint.lint_show(show).problems if p.code == "SRC045"]
        assert all((p.file, p.field, p.severity.value) == ("episodes/001-ipv-and-substance-use/episode.md", "notes",
                                                           "warning") for p in found)
        return [p.message for p in found]

    assert alt_warnings("\n![ ](https://example.org/figures/map.jpg) and ![][fig2]\n\n[fig2]: https://example.org/f2.png\n"
                        '<IMG SRC="https://example.org/chart.png" width=300>\n') == [
        "an image in the notes has no alt text (https://example.org/figures/map.jpg and 2 more): screen readers "
        "announce it as 'image' or read its file name"]
    assert alt_warnings('\n<Img src="https://example.org/plot.png">\n') == [  # (mixed case passed the first look)
        "an image in the notes has no alt text (https://example.org/plot.png): screen readers announce it as 'image' "
        "or read its file name"]
    assert alt_warnings('\n<img src="https://example.org/chart.png">\n') == [
        "an image in the notes has no alt text (https://example.org/chart.png): screen readers announce it as 'image' "
        "or read its file name"]
    assert alt_warnings("\n![A map of the study's three sites](https://example.org/map.jpg)\n"
                        '<img src="https://example.org/rule.png" alt="">\n<img alt="A chart" src="https://example.org/c.png">\n'
                        "`![](https://example.org/code.png)`\n\n```\n<img src=x>\n```\n") == []


NOTE_BLOCK = """
<div class="note">
**Read this** first: [the paper](https://example.org/paper) and <https://example.org/data>, or write to <team@example.org>
- ages <18 and a<b
</div>

After the note.
"""


def test_markdown_right_after_an_html_tag_is_a_warning_at_its_line_and_no_text_is_lost(show: Path) -> None:
    """A line ``<div class="note">`` with Markdown under it and no blank line between: CommonMark runs the HTML block
    to the next blank line, so the page showed ``**Read this**`` and ``[the paper](…)`` as written, and the sanitiser
    took the autolinks and "a<b" for tags: "https://example.org/data", "team@example.org" and "b" were gone from the
    page, with no word from check or build. Now SRC046 names the line and the fix, and the text stays (the autolinks
    as links)."""
    source = show / "episodes" / "001-ipv-and-substance-use" / "episode.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text + NOTE_BLOCK + "\n<details>\n<summary>More</summary>\n*hidden*\n</details>\n", encoding="utf-8")
    tag = text.count("\n") + 2  # NOTE_BLOCK starts with a blank line
    (found,) = [p for p in lint.lint_show(show).problems if p.code == "SRC046"]
    assert (found.file, found.field, found.severity.value, found.episode) == (
        f"episodes/001-ipv-and-substance-use/episode.md:{tag + 1}", "notes", "warning", "001-ipv-and-substance-use")
    assert found.message == (f"the Markdown on line {tag + 1} is shown as it is written, not formatted (1 more HTML "
                             f"block like it): the HTML tag on line {tag} starts a block of raw HTML that runs to the "
                             "next blank line")
    assert found.hint == f"add a blank line after the HTML tag on line {tag} (and one before its closing tag)"
    site = build(show, accept_changes=True).output
    html = (site / "episodes/001-ipv-and-substance-use/index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/data" rel="noopener noreferrer">https://example.org/data</a>' in html
    assert '<a href="mailto:team@example.org" rel="noopener noreferrer">team@example.org</a>' in html
    assert "ages &lt;18 and a&lt;b" in html and "<p>After the note.</p>" in html
    # with the blank lines, the Markdown is formatted and nothing is said
    source.write_text(text + NOTE_BLOCK.replace('"note">\n', '"note">\n\n').replace("\n</div>", "\n\n</div>"),
                      encoding="utf-8")
    assert [p for p in lint.lint_show(show).problems if p.code in ("SRC046", "SRC047")] == []
    html = (build(show, accept_changes=True).output / "episodes/001-ipv-and-substance-use/index.html").read_text()
    assert "<strong>Read this</strong>" in html and "<li>ages &lt;18 and a&lt;b</li>" in html


@pytest.mark.parametrize(("notes", "codes"), [
    ("<div>\n\n**fine**\n\n</div>\n", []),
    ("<div>**one line**</div>\n", ["SRC046"]),
    ("<table>\n| a | b |\n|---|---|\n</table>\n", ["SRC046"]),
    ("<br>\nplain text, no Markdown\n", []),
    ("Text, then\n<span>\n*inline HTML does not start a block in a paragraph*\n", []),
    ("```\n<div>\n**in code**\n```\n", []),
    ("    <div>\n    **indented code**\n", []),
    ("<!-- a note to self -->\n**fine**\n", []),
    ("<script>\n**removed with the script**\n</script>\n", []),
    ("Before.\n\n<!-- draft\n\nAll the rest\n", ["SRC047"]),
])
def test_what_counts_as_markdown_taken_in_by_html(show: Path, notes: str, codes: list[str]) -> None:
    source = show / "episodes" / "001-ipv-and-substance-use" / "episode.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n" + notes, encoding="utf-8")
    assert [p.code for p in lint.lint_show(show).problems if p.code in ("SRC046", "SRC047")] == codes


def test_a_comment_never_closed_says_how_much_of_the_notes_it_hides(show: Path) -> None:
    """``<!-- draft`` without ``-->``: the rest of the notes was left out of the page and the feeds without a word."""
    source = show / "episodes" / "001-ipv-and-substance-use" / "episode.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\n<!-- draft\n\nAll the rest\nand more\n", encoding="utf-8")
    (found,) = [p for p in lint.lint_show(show).problems if p.code == "SRC047"]
    line = text.count("\n") + 2
    assert found.file == f"episodes/001-ipv-and-substance-use/episode.md:{line}"
    assert found.message == (f"the HTML comment opened on line {line} is never closed: the 2 lines of notes after it "
                             "are left out of the pages and feeds")


def test_a_url_holding_quotes_or_angle_brackets_is_refused_with_its_encoded_form(show: Path) -> None:
    """``https://ok.example/"onmouseover=…`` and ``…/"><script>…`` passed as URLs (white space alone was refused):
    our pages escape them, but an app that writes a funding or person link into HTML as text ends the attribute
    there, and iOS's URL parser refuses them. Now the field is named, with the characters and the URL encoded."""
    yml = show / "show.yml"
    yml.write_text(yml.read_text().replace("url: https://example.org/safe-to-say/support",
                                           'url: \'https://example.org/support"onmouseover="alert(1)\''))
    episode = show / "episodes" / "000-trailer" / "episode.md"  # (no persons yet)
    text = episode.read_text()
    assert text.startswith("---\n")
    episode.write_text(text.replace("---\n", "---\npersons:\n  - name: Ana\n    href: 'https://example.org/a\"><script>x</script>'\n", 1))
    with pytest.raises(BuildFailed) as info:
        build(show)
    lines = "\n".join(_lines(info.value))
    assert "show.yml: funding.url: expected an absolute http(s) URL" in lines, lines
    assert "episodes/000-trailer/episode.md: persons.href: expected an absolute http(s) URL" in lines
    assert "which holds '\"': a URL may not hold these" in lines
    assert "write them percent-encoded: 'https://example.org/support%22onmouseover=%22alert(1)'" in lines
    assert "holds '\"' and '<' and '>'" in lines
    assert "https://example.org/a%22%3E%3Cscript%3Ex%3C/script%3E" in lines


def test_markup_in_transcript_cues_that_players_do_not_render_is_a_warning(show: Path) -> None:
    """A transcript's cues holding <script> or <img onerror=…> were published as the producer's file without a word
    (s21notes saw it): players render a few tags in cue text and drop or show the rest, and an app building HTML from
    cues would run the script. The format's own tags, voices, classes and WebVTT's timestamps pass."""
    folder = show / "episodes/001-ipv-and-substance-use"
    (folder / "transcript.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ana>Hello <b>there</b>, <c.yellow>you</c> <00:00:00.500>all.\n\n"
        "00:00:01.000 --> 00:00:02.000\nA cue <script>alert(1)</script>\n\n"
        "00:00:02.000 --> 00:00:03.000\n<img src=x onerror=alert(2)>Goodbye.\n", encoding="utf-8")
    report = build(show)
    found = [p for p in report.problems if p.code == "TRN007"]
    assert len(found) == 1, [p.line() for p in report.problems]
    assert found[0].line().startswith("episodes/001-ipv-and-substance-use/transcript.vtt: line 6: this cue "
                                      "holds <script> (and 1 more cue(s))"), found[0].line()
    assert found[0].severity.value == "warning"
    (folder / "transcript.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ana><i>Hello</i>, &lt;3.\n",
                                           encoding="utf-8")
    assert not [p for p in build(show).problems if p.code == "TRN007"]


#: front matter and other YAML the loader's own construction of a plain mapping must read as PyYAML's generic one does:
#: the same values (types and texts) or the same error
_YAML_TEXTS = [
    'title: "Part 4"\ndate: "1990-01-04T08:00:00+00:00"\nguid: "urn:uuid:1"\nepisode: 4\naudio: audio.mp3\nexplicit: false\n',
    "a: 1\nb: 2020-01-01\nc: yes\nd: ~\ne: 1.5\nf: 0x1F\ng: 1_000\nh: 1:20\ni: 007\nj: .nan\nk: -.inf\nl: 2001-12-14t21:59:43.10-05:00\n",
    "a: 1\na: 2\n", "a: b\nA: c\n", "'a': x\n\"a\": y\n", "? a\n: b\n", "a: &x 3\nb: *x\n", "<<: {a: 1}\nb: 2\n",
    "1: a\n", "!!map {a: b}", "a: !!str 1\n", "a: !!binary aGk=\n", "a: !!timestamp 2001-13-45\n", "a: !!int x\n",
    "a: [1]\nb: c\n", "a: {b: c}\n", "season: !!map x\n", "guid: !!set x\nx: y\n", "name: !!seq\n", "a: !!float 1\n",
    "a: !!null x\n", "a: !!bool maybe\n", "a: !custom x\n", "a:\n", "a: ''\nb: \"\\x01\"\n", "- a\n- b\n", "just text\n", "",
    "a: |\n  two\n  lines\n", "a: 99999999999999999999999\n", "a: !!python/object:os.system x\n",
]


def _construction(loader: type, text: str) -> tuple[str, ...]:
    try:
        value = yaml.load(text, Loader=loader)
    except Exception as exc:  # (any: the comparison is of what each one does)
        return "error", type(exc).__name__, str(exc)
    values = value.items() if isinstance(value, dict) else [(None, value)]
    return "value", repr(value), repr([(type(k).__name__, type(v).__name__, getattr(v, "text", None)) for k, v in values])


@pytest.mark.parametrize("text", _YAML_TEXTS)
def test_a_plain_front_matter_is_made_as_pyyaml_makes_it(text: str) -> None:
    from mediafeed import source

    loader = source._loader()

    class Generic(loader):  # type: ignore[misc, valid-type]
        construct_document = yaml.constructor.BaseConstructor.construct_document

    assert _construction(loader, text) == _construction(Generic, text)


def test_a_front_matter_of_texts_is_made_without_pyyamls_generic_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each text value (and key) was three calls of PyYAML's constructor (construct_object, its str constructor,
    construct_scalar) and the mapping a generator: a fifth of reading an episode.md. Now a mapping of text keys to
    scalars is made in one loop; a number or a date still by its constructor."""
    from mediafeed import source

    made: list[str] = []
    generic = yaml.constructor.BaseConstructor.construct_object

    def counted(self: object, node: yaml.Node, deep: bool = False) -> object:
        made.append(node.tag)
        return generic(self, node, deep)

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_object", counted)
    data, problems = source.load_yaml('title: "Part 4"\naudio: audio.mp3\nepisode: 4\nexplicit: false\n', "episode.md")
    assert data == {"title": "Part 4", "audio": "audio.mp3", "episode": 4, "explicit": False} and problems == []
    assert made == ["tag:yaml.org,2002:int", "tag:yaml.org,2002:bool"]


@pytest.mark.parametrize("char", [chr(code) for code in range(0x20) if code not in (9, 10, 13)] + ["\ud800", "\ufffe"])
def test_xml_forbidden_finds_what_the_pattern_finds(char: str) -> None:
    from mediafeed.source import XML_FORBIDDEN, xml_forbidden

    for text in (f"notes {char} here", f"{char}", f"café {char}", f"日本 {char} x{char}", "notes\there\r\n", "café", ""):
        found, want = xml_forbidden(text), XML_FORBIDDEN.search(text)
        assert (found and (found.start(), found.group())) == (want and (want.start(), want.group()))


def test_an_ascii_episode_md_is_not_scanned_by_the_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrub_text's look for characters XML forbids in an ASCII text (most episode.md files): a memchr for each of the 29
    it can hold, not the pattern's character-class test at each character (~16 us for 5 KB); the same warning."""
    from mediafeed import source

    scanned: list[str] = []
    pattern = source.XML_FORBIDDEN

    class Counted:
        def __getattr__(self, name: str) -> object:
            scanned.append(name)
            return getattr(pattern, name)

    text = "---\ntitle: x\n---\n" + "Notes of plain ASCII, [a link](https://example.org/).\n" * 100
    monkeypatch.setattr(source, "XML_FORBIDDEN", Counted())
    assert source.scrub_text(text, "episodes/a/episode.md") == (text, [])
    assert scanned == []
    scrubbed, problems = source.scrub_text(text + "bell \x07\n", "episodes/a/episode.md")
    assert scrubbed == text + "bell \n" and [p.code for p in problems] == ["SRC022"]
    assert "U+0007 on line 104" in problems[0].message


def test_a_markdown_links_target_is_found_as_one_character_a_repetition_found_it() -> None:
    """The "](" form of _TARGET_FORMS takes a target's characters a run at a time: the same matches and targets as
    the pattern that took one character a repetition of its group, on 20,000 strings of its characters."""
    import random

    from mediafeed.episodes import _TARGET_FORMS

    literal, _, form = _TARGET_FORMS[0]
    each = re.compile(r"\]\(\s*<?(?P<target>(?:[^()\s<>]|\([^()\s]*\))+)")
    rng = random.Random(9)
    for _ in range(20_000):
        text = "".join(rng.choice("]()< >\tab/:.x\n") for _ in range(rng.randint(0, 24)))
        assert [(m.span(), m.group("target")) for m in form.finditer(text)] == \
            [(m.span(), m.group("target")) for m in each.finditer(text)], text
    assert literal == "]("
