"""Episodes whose media files share a name (``final.mp3`` in every folder).

Podcast apps that save a download under the URL's last segment (podboat, wget scripts, some car and MP3-player sync
tools) keep one file for every episode whose enclosure ends in ``/final.mp3``. ``mediafeed add`` names such a copy
after the episode; ``check`` and ``build`` report a clash (EP013, an info) with a hint that depends on whether the
files are published: a published file must keep its name (a new enclosure URL makes every app download it again).
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from helpers import add_episode, make_media

from mediafeed.build import build
from mediafeed.cli import main
from mediafeed.scaffold import episode_audio_name


def _add(show: Path, audio: Path, title: str, *extra: str) -> dict:
    result = CliRunner().invoke(main, ["add", str(audio), "--show", str(show), "--title", title,
                                       "--date", "2026-04-01T08:00:00+00:00", "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_add_names_a_generic_export_after_the_episode(show: Path, tmp_path: Path) -> None:
    """Before, two exports named final.mp3 became episodes/006-…/final.mp3 and episodes/007-…/final.mp3."""
    first = _add(show, make_media(tmp_path / "monday" / "final.mp3", "mp3", 1.0), "Night buses")
    second = _add(show, make_media(tmp_path / "tuesday" / "Final Mix.MP3", "mp3", 1.5), "Trams")
    assert (first["audio"], first["renamed_from"]) == ("006-night-buses.mp3", "final.mp3")
    assert first["renamed_because"] == "a name editors give every export"
    assert (second["audio"], second["renamed_from"]) == ("007-trams.mp3", "Final Mix.MP3")  # the name it had
    assert (show / "episodes/006-night-buses/006-night-buses.mp3").is_file()
    assert "audio: 007-trams.mp3" in (show / "episodes/007-trams/episode.md").read_text(encoding="utf-8")


def test_add_names_a_copy_after_the_episode_when_another_episode_has_its_name(show: Path, tmp_path: Path) -> None:
    taken = make_media(tmp_path / "a" / "European-Review.mp3", "mp3", 1.0)  # the sample's 005 has european-review.mp3
    added = _add(show, taken, "A second look")
    assert added["audio"] == "006-a-second-look.mp3"
    assert added["renamed_because"] == "episodes/005-european-review/european-review.mp3 has that name"
    result = CliRunner().invoke(main, ["add", str(make_media(tmp_path / "b" / "006-a-second-look.mp3", "mp3", 1.2)),
                                       "--show", str(show), "--title", "Third", "--date", "2026-04-02"])
    assert result.exit_code == 0, result.output
    assert ("The audio is saved as 007-third.mp3, not 006-a-second-look.mp3 (episodes/006-a-second-look/"
            "006-a-second-look.mp3 has that name): apps that save a download under the last part") in result.output


def test_add_keeps_a_name_of_its_own(show: Path, tmp_path: Path) -> None:
    added = _add(show, make_media(tmp_path / "ep12-final.mp3", "mp3", 1.0), "Night buses")
    assert (added["audio"], added["renamed_from"], added["renamed_because"]) == ("ep12-final.mp3", None, None)
    result = CliRunner().invoke(main, ["add", str(make_media(tmp_path / "take-two.mp3", "mp3", 1.0)),
                                       "--show", str(show), "--date", "2026-04-02"])
    assert result.exit_code == 0 and "saved as" not in result.output, result.output


def test_add_says_it_spelt_a_name_as_a_slug_and_names_the_file_it_had(show: Path, tmp_path: Path) -> None:
    """Before, "My Episode (final).mp3" was saved as my-episode-final.mp3 with ``renamed_from: null``: the producer
    was not told, in JSON or text, that the file in the folder has another name than the one they added."""
    added = _add(show, make_media(tmp_path / "My Episode (final).mp3", "mp3", 1.0), "Night buses")
    assert (added["audio"], added["renamed_from"]) == ("my-episode-final.mp3", "My Episode (final).mp3")
    assert added["renamed_because"] == "file names in the feed's addresses are lower-case letters, digits and hyphens"
    result = CliRunner().invoke(main, ["add", str(make_media(tmp_path / "Take Two.MP3", "mp3", 1.2)), "--show", str(show),
                                       "--date", "2026-04-02"])
    assert result.exit_code == 0, result.output
    assert ("The audio is saved as take-two.mp3, not Take Two.MP3 (file names in the feed's addresses are lower-case "
            "letters, digits and hyphens).\n") in result.output


def test_generic_names_are_words_alone_not_numbered_ones() -> None:
    episodes = [{"_slug": "001-a", "audio": "Audio-2.mp3"}]
    named = {stem: episode_audio_name(Path(f"/x/{stem}.mp3"), "009-new", episodes)[0]
             for stem in ("Episode", "untitled", "master_final", "EP", "ep12", "episode-12", "final-cut", "audio 2")}
    assert named == {"Episode": "009-new.mp3", "untitled": "009-new.mp3", "master_final": "009-new.mp3",
                     "EP": "009-new.mp3", "ep12": "ep12.mp3", "episode-12": "episode-12.mp3",
                     "final-cut": "final-cut.mp3", "audio 2": "009-new.mp3"}  # (audio-2.mp3: 001-a's, case aside)


def _two_new(show: Path, names: tuple[str, str] = ("audio.mp3", "Audio.mp3")) -> None:
    for n, name in zip((901, 902), names, strict=True):
        add_episode(show, f"{n}-extra", f"title: Extra {n}\ndate: 2026-04-0{n - 900}T08:00:00+00:00\nguid: extra-{n}-"
                    f"0000-0000-0000\naudio: {name}\nsummary: An extra episode.", audio_name=name, seconds=1.0 + n % 2)


def _check(show: Path, *args: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["check", "--show", str(show), "--format", "json", *args])
    return result.exit_code, [p for p in json.loads(result.stdout)["problems"]]


def test_check_tells_unpublished_episodes_sharing_a_file_name_to_rename_it(show: Path) -> None:
    """Before: nothing was said of two episodes' audio.mp3 (case aside). Now an info for each, --strict passes."""
    assert _check(show, "--strict") == (0, [])  # the sample show raises nothing
    _two_new(show)
    code, problems = _check(show, "--strict")
    assert code == 0  # an info: --strict fails on warnings, not infos
    assert [(p["code"], p["severity"], p["file"], p["field"]) for p in problems] == [
        ("EP013", "info", "episodes/901-extra/audio.mp3", "audio"),
        ("EP013", "info", "episodes/902-extra/Audio.mp3", "audio")]
    assert "also that of episodes/902-extra/Audio.mp3: apps that save a download" in problems[0]["message"]
    assert problems[0]["hint"] == ("not published yet, so it can still change: rename the file to 901-extra.mp3 and "
                                   "write 'audio: 901-extra.mp3' in episode.md")
    assert _check(show, "--ignore", "EP013") == (0, [])


def test_published_files_sharing_a_name_are_not_to_be_renamed(show: Path, tmp_path: Path) -> None:
    _two_new(show)
    build(show, tmp_path / "site")  # published.json now records both URLs
    assert "extra-901-0000-0000-0000" in json.loads((show / "published.json").read_text())["episodes"]
    _, problems = _check(show)
    [found] = problems
    assert (found["code"], found["file"], found["episodes"]) == ("EP013", "episodes/901-extra/audio.mp3",
                                                                 ["901-extra", "902-extra"])
    assert found["hint"].startswith("keep the names: they are published, and a new enclosure URL makes every "
                                    "subscriber's app download the episode again; most apps")
    # a third, new one beside them: it alone is told to rename (that ends its clash); the published pair keep theirs
    add_episode(show, "903-extra", "title: Extra 903\ndate: 2026-04-03T08:00:00+00:00\nguid: extra-903-0000\n"
                "audio: AUDIO.mp3\nsummary: One more.", audio_name="AUDIO.mp3", seconds=2.5)
    _, problems = _check(show)
    assert [(p["file"], p["hint"].split(":")[0]) for p in problems] == [
        ("episodes/901-extra/audio.mp3", "keep the names"),
        ("episodes/903-extra/AUDIO.mp3", "not published yet, so it can still change")]
    assert "episodes/901-extra/audio.mp3, episodes/902-extra/Audio.mp3" in problems[1]["message"]


def test_alternate_enclosures_hosted_in_the_show_count(show: Path, tmp_path: Path) -> None:
    for n in (901, 902):
        folder = add_episode(show, f"{n}-extra", f"title: Extra {n}\ndate: 2026-04-0{n - 900}T08:00:00+00:00\n"
                             f"guid: alt-{n}-0000\naudio: extra-{n}.mp3\nsummary: An extra.\nalternate_enclosures:\n"
                             "  - file: small.opus\n    title: Small", audio_name=f"extra-{n}.mp3", seconds=1.0)
        make_media(folder / "small.opus", "opus", 1.0)
    _, problems = _check(show)
    assert [(p["code"], p["file"], p["field"]) for p in problems] == [
        ("EP013", "episodes/901-extra/small.opus", "alternate_enclosures"),
        ("EP013", "episodes/902-extra/small.opus", "alternate_enclosures")]
    assert "'file: 901-extra.opus' under 'alternate_enclosures'" in problems[0]["hint"]


def _build_ep013(show: Path, out: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(main, ["build", "--show", str(show), "--output", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [(p["file"], p["hint"].split(":")[0]) for p in json.loads(result.stdout)["problems"] if p["code"] == "EP013"]


def test_the_build_that_publishes_the_files_does_not_tell_to_rename_them(show: Path, tmp_path: Path) -> None:
    """Before, the build that recorded both audio.mp3 in published.json still said of each 'not published yet, so it
    can still change: rename the file', and a rebuild with nothing changed replayed that (the stamp keeps the report)
    while ``check`` and a --clean build said to keep the names. Now the build says what published.json records after
    it, as check will."""
    _two_new(show)
    preview = build(show, tmp_path / "preview", record=False)  # (serve's: published.json left as it is)
    assert [p.hint.split(":")[0] for p in preview.problems if p.code == "EP013"] == [
        "not published yet, so it can still change"] * 2
    kept = [("episodes/901-extra/audio.mp3", "keep the names")]
    assert _build_ep013(show, tmp_path / "site") == kept
    assert "extra-902-0000-0000-0000" in json.loads((show / "published.json").read_text())["episodes"]
    assert _build_ep013(show, tmp_path / "site") == kept  # the no-change shortcut's replay
    assert [(p["file"], p["hint"].split(":")[0]) for p in _check(show)[1]] == kept


def test_add_does_not_name_a_copy_after_the_episode_when_another_episode_has_that_name(show: Path,
                                                                                        tmp_path: Path) -> None:
    """Before, a generic export became 006-night-buses.mp3 even when another episode's file has that name (a folder
    renamed since, an imported file): the two shared a name (EP013 at once, whose hint said to rename the new one
    to the name it had). Now the copy gets a name no other episode's file has."""
    add_episode(show, "900-older", "title: Older\ndate: 2026-03-01T08:00:00+00:00\nguid: older-900-0000\n"
                "audio: 006-Night-Buses.mp3\nsummary: An older one.", audio_name="006-Night-Buses.mp3")
    added = _add(show, make_media(tmp_path / "final.mp3", "mp3", 1.0), "Night buses")
    assert added["slug"] == "006-night-buses"
    assert (added["audio"], added["renamed_from"]) == ("006-night-buses-2.mp3", "final.mp3")
    assert [p for p in _check(show)[1] if p["code"] == "EP013"] == []


def test_ep013_does_not_tell_to_rename_a_file_to_the_name_it_has(show: Path) -> None:
    """Before, of 901-extra/901-extra.mp3 beside 902-extra/901-extra.mp3 check said "rename the file to 901-extra.mp3"
    (its own name: nothing to do, and the clash stays). Now a name it does not have."""
    _two_new(show, ("901-extra.mp3", "901-Extra.mp3"))
    hints = {p["file"]: p["hint"] for p in _check(show)[1] if p["code"] == "EP013"}
    assert hints == {
        "episodes/901-extra/901-extra.mp3": "not published yet, so it can still change: rename the file to "
                                            "901-extra-2.mp3 and write 'audio: 901-extra-2.mp3' in episode.md",
        "episodes/902-extra/901-Extra.mp3": "not published yet, so it can still change: rename the file to "
                                            "902-extra.mp3 and write 'audio: 902-extra.mp3' in episode.md"}


def test_a_rebuild_after_the_publish_that_published_the_files_does_not_tell_to_rename_them(show: Path,
                                                                                           tmp_path: Path) -> None:
    """Before, ``mediafeed publish`` saved its build's stamp (once published.json recorded both audio.mp3) with the
    build's report as judged before the publish, and a ``mediafeed build`` with nothing changed replayed "not published
    yet, so it can still change: rename the file" for each, where ``check`` and a --clean build said to keep the
    names. A publish's build records nothing itself (as a preview's does not), so the stamp it leaves for later is
    now judged against published.json as it will be once saved."""
    from mediafeed.publish import publish

    _two_new(show)
    web = tmp_path / "www"
    web.mkdir()
    with open(show / "show.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\npublish:\n  targets:\n    web:\n      type: directory\n      path: {web}\n")
    published = publish(show, notify=False)
    assert published.ledger_updated
    assert "extra-902-0000-0000-0000" in json.loads((show / "published.json").read_text())["episodes"]
    kept = [("episodes/901-extra/audio.mp3", "keep the names")]
    result = CliRunner().invoke(main, ["build", "--show", str(show), "--format", "json"])
    assert result.exit_code == 0, result.output
    replayed = json.loads(result.stdout)
    assert replayed["up_to_date"]  # the publish's stamp, replayed
    assert [(p["file"], p["hint"].split(":")[0]) for p in replayed["problems"] if p["code"] == "EP013"] == kept
    assert [(p["file"], p["hint"].split(":")[0]) for p in _check(show)[1]] == kept


def test_scheduled_episodes_and_drafts_are_told_to_rename_a_shared_name_before_they_go_out(show: Path) -> None:
    """Before, EP013 looked at the episodes in the feed only: an episode dated in the future (or a draft) whose file
    had a published episode's name was not reported until the build that published it, and that build recorded the
    name in published.json and said "keep the names": the advice to rename never came while it could be followed.
    Now a scheduled episode counts as one going out, and a draft is told of a name it shares with any other
    episode's file (a draft may never go out: no other episode is told to rename for its sake)."""
    add_episode(show, "902-later", "title: Later\ndate: 2030-01-01T08:00:00+00:00\nguid: later-902-0000\n"
                "audio: european-review.mp3\nsummary: Scheduled.", audio_name="european-review.mp3")
    folder = add_episode(show, "903-draft", "title: Draft\ndate: 2026-04-02T08:00:00+00:00\ndraft: true\n"
                         "guid: draft-903-0000\naudio: draft-903.mp3\nsummary: A draft.\nalternate_enclosures:\n"
                         "  - file: new.opus\n    title: Small", audio_name="draft-903.mp3")
    make_media(folder / "new.opus", "opus", 2.0)
    folder = add_episode(show, "904-new", "title: New\ndate: 2026-04-03T08:00:00+00:00\nguid: new-904-0000\n"
                         "audio: new-904.mp3\nsummary: Going out with the next build.\nalternate_enclosures:\n"
                         "  - file: New.opus\n    title: Small", audio_name="new-904.mp3")
    make_media(folder / "New.opus", "opus", 2.0)  # (as long as its audio: MED036)
    code, problems = _check(show, "--strict")
    assert code == 0, problems
    assert [(p["code"], p["file"], p["field"], p["hint"].split(":")[0]) for p in problems] == [
        ("EP013", "episodes/902-later/european-review.mp3", "audio", "not published yet, so it can still change"),
        ("EP013", "episodes/903-draft/new.opus", "alternate_enclosures", "not published yet, so it can still change")]
    assert "also that of episodes/005-european-review/european-review.mp3:" in problems[0]["message"]
    assert "also that of episodes/904-new/New.opus:" in problems[1]["message"]


def test_add_does_not_take_the_name_of_another_episodes_alternate_file(show: Path, tmp_path: Path) -> None:
    """Before, ``add`` compared the new copy's name with the other episodes' ``audio`` only: interview.mp3, the name
    of an alternate enclosure of another episode, was kept, and the two shared a name at once (EP013)."""
    folder = add_episode(show, "901-extra", "title: Extra\ndate: 2026-04-01T08:00:00+00:00\ndraft: true\n"
                         "guid: extra-901-0000\naudio: extra.mp3\nsummary: x\nalternate_enclosures:\n"
                         "  - file: Interview.mp3\n    title: Small", audio_name="extra.mp3")
    make_media(folder / "Interview.mp3", "mp3", 1.0)
    added = _add(show, make_media(tmp_path / "interview.mp3", "mp3", 1.5), "Interview")
    assert (added["renamed_from"], added["renamed_because"]) == (
        "interview.mp3", "episodes/901-extra/Interview.mp3 has that name")
    assert added["audio"] != "interview.mp3" and added["audio"].startswith(added["slug"])
    assert [p for p in _check(show)[1] if p["code"] == "EP013"] == []


def test_many_files_sharing_a_name_are_named_three_and_counted(show: Path) -> None:
    """Each of five new audio.mp3 names the first three others and counts the rest (session 25 made EP013 list only
    those: it had listed every other file for each, 10,000 lists of 9,999 paths for a first build of 10,000 episodes).
    An alternate enclosure of the same name in the same episode is that episode's own file, not another one."""
    for n in range(901, 906):
        add_episode(show, f"{n}-extra", f"title: Extra {n}\ndate: 2026-04-0{n - 900}T08:00:00+00:00\nguid: extra-{n}-"
                    f"0000-0000-0000\naudio: audio.mp3\nsummary: An extra episode.", audio_name="audio.mp3",
                    seconds=1.0 + n % 2)
    _, problems = _check(show)
    said = {p["file"]: p["message"].split(": apps")[0].split("also that of ")[1] for p in problems}
    assert said == {
        "episodes/901-extra/audio.mp3": "episodes/902-extra/audio.mp3, episodes/903-extra/audio.mp3, "
                                        "episodes/904-extra/audio.mp3 and 1 more",
        "episodes/902-extra/audio.mp3": "episodes/901-extra/audio.mp3, episodes/903-extra/audio.mp3, "
                                        "episodes/904-extra/audio.mp3 and 1 more",
        "episodes/903-extra/audio.mp3": "episodes/901-extra/audio.mp3, episodes/902-extra/audio.mp3, "
                                        "episodes/904-extra/audio.mp3 and 1 more",
        "episodes/905-extra/audio.mp3": "episodes/901-extra/audio.mp3, episodes/902-extra/audio.mp3, "
                                        "episodes/903-extra/audio.mp3 and 1 more",
        "episodes/904-extra/audio.mp3": "episodes/901-extra/audio.mp3, episodes/902-extra/audio.mp3, "
                                        "episodes/903-extra/audio.mp3 and 1 more"}
