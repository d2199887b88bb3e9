"""`mediafeed check`: every rule caught on a corpus of broken feeds and shows, and silent on good ones."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import make_media
from PIL import Image

from mediafeed import lint
from mediafeed.build import BuildFailed, build
from mediafeed.checks import filter_problems
from mediafeed.checks.rules import RULE_SETS, RULES
from mediafeed.cli import main
from mediafeed.errors import InputError, Severity
from mediafeed.source import split_front_matter

DATA = Path(__file__).parent / "data"
GOOD = DATA / "feeds" / "good.xml"
BROKEN_FEEDS = sorted(p for p in (DATA / "broken" / "feeds").glob("*.xml") if not p.name.endswith(".previous.xml"))
BROKEN_SHOWS = sorted((DATA / "broken" / "shows").glob("*.yml"))
ROOT = Path(__file__).resolve().parent.parent


def codes(report: lint.LintReport) -> set[str]:
    return {p.code for p in report.problems}


def expected_code(path: Path) -> str:
    return path.name.split("-", 1)[0]


def lint_corpus_feed(path: Path) -> set[str]:
    previous = path.with_name(path.stem + ".previous.xml")
    try:
        return codes(lint.lint_feed(str(path), previous=str(previous) if previous.exists() else ""))
    except InputError as exc:
        return {p.code for p in exc.problems}


# -- feeds -----------------------------------------------------------------------------------


def test_good_feed_has_nothing_to_report() -> None:
    report = lint.lint_feed(str(GOOD))
    assert report.problems == [] and report.episodes == 3


@pytest.mark.parametrize("path", BROKEN_FEEDS, ids=lambda p: p.stem)
def test_each_broken_feed_is_caught_with_its_code(path: Path) -> None:
    found = lint_corpus_feed(path)
    assert expected_code(path) in found, found
    # the passing case of the same rule: the good feed never raises it
    assert expected_code(path) not in codes(lint.lint_feed(str(GOOD), previous=str(GOOD)))


def test_the_corpus_covers_every_failure_podcast_rules_lists() -> None:
    names = {p.stem for p in BROKEN_FEEDS} | {p.stem for p in BROKEN_SHOWS}
    for needed in ("LED001-guid-changed",  # 1. GUIDs that change
                   "EP104-enclosure-length-missing", "EP104-enclosure-length-zero", "EP106-type-audio-mp3",  # 2.
                   "XML001-unescaped-ampersand", "XML001-cdata-closed-by-notes", "XML001-html-entity-outside-cdata",  # 3.
                   "EP111-pubdate-german-names", "EP111-pubdate-without-zone",  # 4. dates
                   "ART006-artwork-too-small", "ART007-artwork-cmyk", "ART004-artwork-wrong-extension"):  # 5. artwork
        assert needed in names


def test_every_feed_and_show_code_is_registered_and_documented() -> None:
    source = "\n".join(p.read_text() for p in (ROOT / "mediafeed").rglob("*.py"))
    used = set(re.findall(r'"((?:SRC|MED|ART|CHP|TRN|SHOW|EP|PI|XML|LED|ONL|CHK|VAL|SOC)\d{3})"', source))
    assert used <= set(RULES), used - set(RULES)
    docs = (ROOT / "docs" / "checks.md").read_text()
    missing = [code for code in RULES if code not in docs]
    assert not missing


def test_problems_name_the_item_guid_and_element() -> None:
    report = lint.lint_feed(str(DATA / "broken" / "feeds" / "EP104-enclosure-length-zero.xml"))
    [problem] = [p for p in report.problems if p.code == "EP104"]
    assert problem.episode == "7f1c2a40-0c8f-4c36-9d0e-2f7f0d6b9a02"
    assert problem.field == "enclosure@length"
    assert "'0'" in problem.message and problem.hint and problem.severity is Severity.ERROR


def test_entities_are_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    laughs = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    for entities, title, expected in ((f'<!ENTITY xxe SYSTEM "file://{secret}">', "&xxe;", "XML003"),
                                      (f'<!ENTITY l0 "lol">{laughs}', "&l9;", "XML001")):
        feed = GOOD.read_text().replace('<rss version="2.0"', f'<!DOCTYPE rss [{entities}]>\n<rss version="2.0"', 1)
        path = tmp_path / "evil.xml"
        path.write_text(feed.replace("<title>Tidewater Notes</title>", f"<title>{title}</title>", 1))
        report = lint.lint_feed(str(path))
        dumped = json.dumps(report.to_dict())
        assert "TOP-SECRET" not in dumped and "lollol" not in dumped
        assert expected in codes(report)


def test_unreadable_input_exits_2_and_broken_feed_exits_1(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["check", str(tmp_path / "nope.xml")])
    assert missing.exit_code == 2 and "XML000" in missing.output
    html = runner.invoke(main, ["check", str(DATA / "broken" / "feeds" / "XML002-html-page.xml")])
    assert html.exit_code == 2 and "HTML page" in html.output
    broken = runner.invoke(main, ["check", str(DATA / "broken" / "feeds" / "XML001-unescaped-ampersand.xml")])
    assert broken.exit_code == 1 and "escape a bare '&'" in broken.output
    assert runner.invoke(main, ["check", str(GOOD)]).exit_code == 0


def test_strict_fails_on_warnings_only_when_asked() -> None:
    path = str(DATA / "broken" / "feeds" / "EP116-no-duration.xml")
    runner = CliRunner()
    assert runner.invoke(main, ["check", path]).exit_code == 0
    assert runner.invoke(main, ["check", path, "--strict"]).exit_code == 1


def test_json_output_follows_the_documented_schema() -> None:
    result = CliRunner().invoke(main, ["check", str(DATA / "broken" / "feeds" / "EP106-type-audio-mp3.xml"), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["schema", "ok", "target", "kind", "episodes", "urls_checked", "summary", "problems"]
    assert data["schema"] == "mediafeed.check/1" and data["ok"] is False and data["kind"] == "feed"
    assert data["summary"] == {"errors": 1, "warnings": 1, "info": 0}
    first = data["problems"][0]
    assert list(first) == ["code", "severity", "file", "field", "episode", "message", "hint", "rule_sets"]
    assert first["code"] == "EP106" and first["hint"] == 'write type="audio/mpeg"' and "spotify" in first["rule_sets"]


def test_select_and_ignore_by_rule_set_and_code() -> None:
    path = str(DATA / "broken" / "feeds" / "EP106-type-audio-mp3.xml")  # EP106 (apple, spotify) + EP107 (apple, mediafeed)
    assert codes(lint.lint_feed(path, select=("EP106",))) == {"EP106"}
    assert codes(lint.lint_feed(path, select=("spotify",))) == {"EP106"}
    assert codes(lint.lint_feed(path, ignore=("EP1",))) == set()
    # a rule shared with Apple survives --ignore spotify; ignoring both drops it
    assert codes(lint.lint_feed(path, ignore=("spotify",))) == {"EP106", "EP107"}
    assert codes(lint.lint_feed(path, ignore=("spotify", "apple"))) == {"EP107"}
    with pytest.raises(InputError) as caught:
        lint.lint_feed(path, select=("aple",))
    assert caught.value.problems[0].code == "CHK001"
    assert set(RULE_SETS) == {"apple", "spotify", "psp1", "podcastindex", "mediafeed"}


def test_filter_reads_show_yml_and_command_line_select_wins() -> None:
    from mediafeed.errors import warning

    problems = [warning("MED020", "a", "x"), warning("EP011", "b", "y")]

    class Show:
        checks_select = ("MED",)
        checks_ignore = ("EP011",)

    assert [p.code for p in filter_problems(problems, Show())] == ["MED020"]  # type: ignore[arg-type]
    assert [p.code for p in filter_problems(problems, Show(), select=("EP",))] == []  # type: ignore[arg-type]


def test_explain_prints_the_rule_and_unknown_codes_exit_2() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--explain", "onl002"])
    assert result.exit_code == 0 and "Range: bytes=0-1" in result.output and "apple" in result.output
    listing = runner.invoke(main, ["check", "--explain", "all", "--format", "json"])
    assert {r["code"] for r in json.loads(listing.output)} == set(RULES)
    assert runner.invoke(main, ["check", "--explain", "EP999"]).exit_code == 2


def test_every_code_in_checks_md_is_explained_and_every_explained_code_is_in_it() -> None:
    """Each code docs/checks.md lists, asked of ``check --explain``: its title and an explanation, exit 0. The source
    files' codes (SRC…), which 'mediafeed list' sends a producer to, said no more than their titles: no fix; and until
    session 24, 83 others (MED004, ART006, SHOW007, EP103…) printed their title again and nothing else."""
    docs = set(re.findall(r"`([A-Z]{2,4}\d{3})`", (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")))
    listed = json.loads(CliRunner().invoke(main, ["check", "--explain", "all", "--format", "json"]).stdout)
    assert docs == {rule["code"] for rule in listed}
    runner = CliRunner()
    bare = set()
    for code in sorted(docs):
        result = runner.invoke(main, ["check", "--explain", code.lower()])
        assert result.exit_code == 0, (code, result.output)
        heading, _, text = result.stdout.partition("\n\n")
        assert heading.startswith(f"{code}: ") and text.strip(), (code, result.stdout)
        if text.strip() == heading.splitlines()[0].partition(": ")[2] + ".":  # the title again, and nothing else
            bare.add(code)
    assert not bare, sorted(bare)  # every rule explains itself, with a fix


#: an RFC 2822 date as the hints and explanations write one ('Sat, 15 Jun 2019 19:00:00 +0000')
EXAMPLE_DATE = re.compile(r"[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}")


def test_the_dates_explanations_and_hints_give_as_examples_raise_no_problem(tmp_path: Path) -> None:
    """EP110's hint ('add <pubDate>Wed, 15 Jun 2019 19:00:00 +0000</pubDate>'), EP111's and SHOW021's said to write a
    date whose day name is wrong (15 June 2019 was a Saturday): a producer who copied it got EP111's warning 'the day
    name says Wed but the date is a Sat'."""
    feed = tmp_path / "feed.xml"
    feed.write_text(re.sub(r"<pubDate>[^<]*</pubDate>", "", GOOD.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    hints = [p.hint for p in lint.lint_feed(str(feed)).problems if p.code == "EP110"]
    assert hints
    examples = [date for text in [*hints, *(rule.explain for rule in RULES.values())] for date in EXAMPLE_DATE.findall(text)]
    assert len(examples) >= 4, examples  # EP110's hint; EP110, EP111, EP112 and SHOW021 explained
    for date in sorted(set(examples)):
        feed.write_text(re.sub(r"<pubDate>[^<]*</pubDate>", f"<pubDate>{date}</pubDate>", GOOD.read_text(encoding="utf-8")),
                        encoding="utf-8")
        assert [p.line() for p in lint.lint_feed(str(feed)).problems] == [], date


def test_explain_of_a_commands_own_code_names_the_guide_that_lists_it() -> None:
    """The README says `--explain` explains codes; a producer who got IMP002 from `mediafeed import` and asked was told
    "'IMP002' is not a problem code — did you mean PI002?", a code of another area altogether."""
    result = CliRunner().invoke(main, ["check", "--explain", "imp002"])
    assert result.exit_code == 2 and "PI002" not in result.output
    assert "'imp002' is a code of mediafeed import, not one that check reports" in result.output
    assert "docs/cli.md explains it" in result.output and "[CHK001]" in result.output


def test_help_ends_with_examples() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "--online" in result.output


# -- shows ---------------------------------------------------------------------------------------


def test_sample_show_reports_nothing_above_info(show: Path) -> None:
    report = lint.lint_show(show)
    assert report.episodes == 6
    assert all(p.severity is Severity.INFO for p in report.problems), [p.line() for p in report.problems]


def _set_front(path: Path, changes: dict) -> None:
    data, body, problems = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    assert data is not None and not problems
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")


def apply_case(case: dict, show: Path) -> None:
    """Break a copy of the sample show as a corpus file describes."""
    config = yaml.safe_load((show / "show.yml").read_text(encoding="utf-8"))
    config.update(case.get("show", {}))
    if "long_description" in case:
        config["description"] = ("Research explainers on services. " * 200)[: case["long_description"]]
    if "artwork" in case:
        spec = case["artwork"]
        Image.new(spec["mode"], tuple(spec["size"]), 0).save(show / spec["name"], spec["format"])
        config["artwork"] = spec["name"]
    (show / "show.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for old, new in case.get("rename", {}).items():
        (show / old).rename(show / new)
    for slug, changes in case.get("episodes", {}).items():
        _set_front(show / "episodes" / slug / "episode.md", changes)
    for rel, text in case.get("files", {}).items():
        (show / rel).write_text(text, encoding="utf-8")
    for rel in case.get("delete", []):
        shutil.rmtree(show / rel)
    for rel, spec in case.get("media", {}).items():
        make_media(show / rel, "mp3", spec["seconds"], tuple(spec.get("extra", ())))


@pytest.mark.parametrize("path", BROKEN_SHOWS, ids=lambda p: p.stem)
def test_each_broken_show_is_caught_with_its_code(path: Path, show: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert case["expect"] == expected_code(path)
    apply_case(case, show)
    try:
        found = codes(lint.lint_show(show))
    except InputError as exc:
        found = {p.code for p in exc.problems}
    assert case["expect"] in found, found


#: a problem's field that is a key of show.yml or of an episode's front matter ('artwork', 'checks.select',
#: 'recipients[0].address'): the key a producer edits, its first name
KEY_FIELD = re.compile(r"^([a-z][a-z_]*)(?:[.\[].*)?$")


@pytest.mark.parametrize("path", BROKEN_SHOWS, ids=lambda p: p.stem)
def test_explain_names_the_key_each_broken_show_is_fixed_in(path: Path, show: Path) -> None:
    """A producer told 'ART006 … artwork: artwork is 1200×1200 px' asked --explain and got the title back: nothing
    said the fix is an image at 'artwork:' in show.yml. Each problem a broken show raises on a key of show.yml or
    episode.md is explained naming that key, as it is written there ('artwork:'), unless the fix is a new file and
    not a new value (MED0xx: export the audio again), which the explanation then names as a command."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    apply_case(case, show)
    try:
        problems = lint.lint_show(show).problems
    except InputError as exc:
        problems = exc.problems
    found = [p for p in problems if p.code == case["expect"]]
    assert found
    for problem in found:
        key = KEY_FIELD.match(problem.field)
        if not key:  # a line of chapters.txt, a transcript's cue: the explanation names the file
            continue
        explanation = RULES[problem.code].explain
        assert f"'{key.group(1)}:" in explanation or "ffmpeg -i" in explanation or "'mediafeed " in explanation, \
            (problem.code, problem.field, explanation)


def test_feed_rules_on_a_show_point_at_show_yml(show: Path) -> None:
    apply_case(yaml.safe_load((DATA / "broken" / "shows" / "SHOW003-description-too-long.yml").read_text()), show)
    [problem] = [p for p in lint.lint_show(show).problems if p.code == "SHOW003"]
    assert (problem.file, problem.field) == ("show.yml", "description")
    assert problem.message.startswith("in the feed (description): ")


def test_feed_rules_kept_between_runs_follow_each_edit(show: Path) -> None:
    """Only changed items are linted again (the others' problems are kept in the cache): the problems
    must still be exactly those of linting the whole feed, before, during and after an edit."""
    def problems() -> list[tuple[str, str, str]]:
        return sorted((p.code, p.episode, p.message) for p in lint.lint_show(show).problems)

    episode = show / "episodes" / "001-ipv-and-substance-use" / "episode.md"
    before = problems()
    assert before == problems()
    text = episode.read_text(encoding="utf-8")
    episode.write_text(text.replace("href: https://example.org/people/lena-hart", "href: http://example.org/people/lena-hart"),
                       encoding="utf-8")
    during = problems()
    assert ("PI004", "001-ipv-and-substance-use") in {(code, slug) for code, slug, _ in during}
    assert during == problems()
    episode.write_text(text, encoding="utf-8")
    assert problems() == before


def test_feed_rules_ignore_a_damaged_cache(show: Path) -> None:
    import sqlite3

    episode = show / "episodes" / "001-ipv-and-substance-use" / "episode.md"
    episode.write_text(episode.read_text(encoding="utf-8").replace("https://example.org/people/lena-hart",
                                                                  "http://example.org/people/lena-hart"), encoding="utf-8")
    want = lint.lint_show(show).problems
    with sqlite3.connect(show / ".mediafeed" / "cache.sqlite") as db:
        db.execute("UPDATE feedlint SET v = '[{\"code\": 1}]'")
    assert lint.lint_show(show).problems == want


def test_build_stops_on_the_same_errors_check_reports(show: Path) -> None:
    apply_case(yaml.safe_load((DATA / "broken" / "shows" / "SHOW003-description-too-long.yml").read_text()), show)
    with pytest.raises(BuildFailed) as caught:
        build(show)
    assert "SHOW003" in {p.code for p in caught.value.problems}
    assert not (show / "public" / "feed.xml").exists()


def test_show_compared_with_the_live_feed_it_published(show: Path, tmp_path: Path) -> None:
    published = build(show, tmp_path / "site").output / "feed.xml"
    _set_front(show / "episodes" / "003-capabilities-framework" / "episode.md", {"guid": "new-guid-3"})
    (show / "published.json").unlink()  # only the live feed knows what was published
    report = lint.lint_show(show, previous=str(published))
    [changed] = [p for p in report.problems if p.code == "LED001"]
    assert changed.file == "episodes/003-capabilities-framework/episode.md" and changed.episode == "003-capabilities-framework"


def test_a_show_whose_live_feed_is_on_another_host_gets_one_led002_naming_its_folders(show: Path, tmp_path: Path) -> None:
    """The live feed's enclosures all moved host: one LED002 whose ``episodes`` are the folders, not the GUIDs."""
    published = build(show, tmp_path / "site").output / "feed.xml"
    url = yaml.safe_load((show / "show.yml").read_text(encoding="utf-8"))["url"]
    published.write_text(published.read_text(encoding="utf-8").replace(f'url="{url}', 'url="https://old-host.example.net/'),
                         encoding="utf-8")
    (show / "published.json").unlink()  # only the live feed knows what was published
    report = lint.lint_show(show, previous=str(published))
    [moved] = [p for p in report.problems if p.code == "LED002"]
    assert "https://old-host.example.net/" in moved.message and len(moved.episodes) == 6
    assert set(moved.episodes) == {p.name for p in (show / "episodes").iterdir() if (p / "episode.md").exists()}


def test_check_command_on_a_show_folder_and_as_a_subprocess(show: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mediafeed", "check", str(show), "--format", "json"],
                            capture_output=True, text=True, check=False, cwd=show)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "show" and data["ok"] is True and data["episodes"] == 6
    both = CliRunner().invoke(main, ["check", str(GOOD), "--show", str(show)])
    assert both.exit_code == 2


def test_json_output_is_json_dumps_indented_text_for_every_broken_feed() -> None:
    """``--format json`` is printed without json's indenting encoder; the text is still exactly its text."""
    reported = 0
    for path in BROKEN_FEEDS[:40]:
        result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
        assert result.exit_code in (0, 1, 2), result.output
        data = json.loads(result.output)
        reported += len(data["problems"])
        assert result.output == json.dumps(data, indent=2, ensure_ascii=False) + "\n", path.name
    assert reported >= 30  # a few files need --previous to show their problem


def test_a_namespace_length_limit_the_sources_do_not_check_points_at_the_front_matter_key(show: Path) -> None:
    # podcast:episode's display is limited to 32 characters (docs/tags/episode.md); the feed rules report it, in the
    # episode.md key that writes it, as check FEED does in a feed someone else wrote
    episode = show / "episodes" / "005-european-review" / "episode.md"
    text = episode.read_text(encoding="utf-8")
    episode.write_text(text.replace("\nepisode: 5\n", '\nepisode: 5\nepisode_display: "The one where we finally visit the '
                                    'estuary"\n', 1), encoding="utf-8")
    found = [p for p in lint.lint_show(show).problems if p.code == "PI022"]
    assert [(p.file, p.field, p.severity) for p in found] == [
        ("episodes/005-european-review/episode.md", "episode_display", Severity.WARNING)]
    assert "42 characters" in found[0].message and found[0].hint


def test_an_other_feeds_medium_outside_the_namespaces_list_points_at_show_yml(show: Path) -> None:
    # podcast:remoteItem's medium takes podcast:medium's values: 'song' is not one (apps file the other feed under
    # no medium, or leave it out of the podroll); the feed rules say so at show.yml's podroll
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8") + "podroll: [{feed_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810, "
                      "medium: song}]\n", encoding="utf-8")
    found = [p for p in lint.lint_show(show).problems if p.code == "PI021"]
    assert [(p.file, p.field, p.severity) for p in found] == [("show.yml", "podroll", Severity.ERROR)]
    assert "'song'" in found[0].message and 'medium="music"' in found[0].hint


def test_an_http_artwork_address_in_podcast_image_points_at_show_yml(show: Path) -> None:
    # podcast:image carries the artwork's address as itunes:image does: its PI004 names show.yml, not feed.xml: the
    # key the address is made from, `url`
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("url: https://", "url: http://", 1), encoding="utf-8")
    found = [p for p in lint.lint_show(show).problems if p.code == "PI004"]
    assert [(p.file, p.field) for p in found] == [("show.yml", "url")]
    assert "podcast:image" in found[0].message


def test_an_http_url_is_said_once_at_show_yml_not_at_every_file_made_from_it(show: Path) -> None:
    """A show on a LAN address (`url: http://192.168.1.20/podcast/`) got a PI004 error at every transcript and chapters
    file of every episode, naming episode.md with the fix "serve it over https and use the https:// URL" (which no
    edit of episode.md makes), and SHOW027/EP127 for the show's artwork at show.yml and at each episode: 12 problems
    for one key. Now show.yml's `url` says it, once as the namespace's error and once as the enclosures' warning."""
    config = show / "show.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("url: https://podcast.example.org/", "url: http://192.168.1.20/", 1),
                      encoding="utf-8")
    assert any((show / "episodes").glob("*/transcript.*"))  # the sample show has transcripts and chapters to say it of
    problems = lint.lint_show(show).problems
    over_http = [(p.code, p.file, p.field) for p in problems if p.code in ("PI004", "SHOW027", "EP127", "EP137")]
    assert over_http == [("PI004", "show.yml", "url"), ("EP137", "show.yml", "url")], over_http
    [said] = [p for p in problems if p.code == "PI004"]
    assert "http://192.168.1.20/" in said.message and "url: https://" in said.hint


def test_an_episode_without_show_notes_is_a_warning_naming_its_episode_md(show: Path) -> None:
    """An episode whose body is empty or only the comment `mediafeed add` leaves there had no warning: its
    <description> repeated the title, and Apple and Spotify showed the title twice (EP113 was for feeds only)."""
    folder = sorted((show / "episodes").iterdir())[0]
    source = folder / "episode.md"
    _set_front(source, {"summary": None})
    front = source.read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n---\n"

    def notes_warnings(body: str) -> list[str]:
        source.write_text(front + body, encoding="utf-8")
        found = [p for p in lint.lint_show(show).problems if p.code == "EP113"]
        assert all(p.severity is Severity.WARNING for p in found)
        return [p.line() for p in found]

    for body in ("", "\n\n", "<!-- Show notes in Markdown below. The audio is 0:06 long. -->\n", "<!-- never closed\n"):
        found = notes_warnings(body)
        assert len(found) == 1, (body, found)
        assert found[0].startswith(f"episodes/{folder.name}/episode.md: notes: the episode has no show notes"), found
    assert notes_warnings("<!-- a comment first -->\nWhat the study found.\n") == []
    assert notes_warnings("What the study found.\n") == []
    _set_front(source, {"summary": "What the study found, in two sentences."})
    source.write_text(source.read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n---\n", encoding="utf-8")
    assert [p for p in lint.lint_show(show).problems if p.code == "EP113"] == []


def _picture(path: Path, kind: str) -> None:
    """Artwork a producer's tools write that apps do not take as it is, 1400×1400."""
    if kind == "webp":
        Image.new("RGB", (1400, 1400), (200, 30, 30)).save(path, "WEBP")
    elif kind == "gif":  # (a GIF is a palette, which ffmpeg's GIF decoder gives as RGB with transparency)
        Image.new("RGB", (1400, 1400), (200, 30, 30)).convert("P", palette=Image.Palette.ADAPTIVE).save(path, "GIF")
    elif kind == "gif-animated":  # a moving logo: ffmpeg writes one PNG a frame, and stops at the second
        frames = [Image.new("RGB", (1400, 1400), colour).convert("P", palette=Image.Palette.ADAPTIVE) for colour in ((200, 30, 30), (30, 30, 200))]
        frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    elif kind == "cmyk":
        Image.new("CMYK", (1400, 1400), (0, 200, 200, 0)).save(path, "JPEG")
    elif kind == "grey16":
        Image.new("I;16", (1400, 1400), 32768).save(path, "PNG")
    elif kind == "grey-alpha":
        Image.new("LA", (1400, 1400), (120, 128)).save(path, "PNG")
    elif kind == "rgba":
        Image.new("RGBA", (1400, 1400), (20, 90, 160, 0)).save(path, "PNG")


@pytest.mark.parametrize(("kind", "name", "code", "said"), [
    ("webp", "cover art.webp", "ART003", "artwork is a WebP image"),
    ("gif", "cover.gif", "ART003", "artwork is a GIF image"),
    ("gif-animated", "cover.gif", "ART003", "artwork is a GIF image"),
    ("cmyk", "cover.jpg", "ART007", "artwork is CMYK (print colours)"),
    ("grey16", "cover.png", "ART007", "artwork is 16-bit greyscale"),
    ("grey-alpha", "cover.png", "ART007", "artwork is greyscale with transparency"),
    ("rgba", "cover.png", "ART008", "artwork has an alpha channel"),
])
def test_artwork_apps_do_not_take_is_named_in_words_with_a_command_that_mends_it(tmp_path: Path, kind: str, name: str,
                                                                                 code: str, said: str) -> None:
    """A WebP, a CMYK JPEG, a 16-bit or see-through greyscale PNG: the message named Pillow's format and mode ('WEBP',
    'I;16', 'LA') and the hint said "convert it to RGB (sRGB)" with no way to. The hint's command is run here, in the
    artwork's folder, and what it writes is artwork apps take."""
    import shlex

    from mediafeed.checks.artwork import image_size

    _picture(tmp_path / name, kind)
    [problem] = [p for p in image_size(tmp_path / name, name)[1] if p.code.startswith("ART")]
    assert (problem.code, problem.message.split(";")[0]) == (code, said)
    assert not re.search(r"\b(WEBP|I;16|LA|RGBA)\b", problem.message)
    command = problem.hint[problem.hint.index("ffmpeg "):problem.hint.index(", and use that file")]
    done = subprocess.run([*shlex.split(command), "-loglevel", "error", "-nostdin"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    made = tmp_path / shlex.split(command)[-1]
    assert made != tmp_path / name and made.suffix in (".png", ".jpg")
    size, found = image_size(made, made.name)
    assert size == (1400, 1400) and [p.code for p in found] == []
    with Image.open(made) as picture:
        assert picture.mode == "RGB"
        r, g, b = picture.getpixel((700, 700))[:3]
        expected = {"webp": (200, 30, 30), "gif": (200, 30, 30), "gif-animated": (200, 30, 30), "cmyk": (255, 55, 55), "grey16": (128, 128, 128),
                    "grey-alpha": (187, 187, 187), "rgba": (255, 255, 255)}[kind]
        assert max(abs(r - expected[0]), abs(g - expected[1]), abs(b - expected[2])) <= 8, (r, g, b)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    import struct
    import zlib

    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_variant(path: Path, variant: str) -> None:
    """A PNG a producer's tools may write (or a damaged one), for the artwork reader that does without Pillow."""
    import io
    import struct

    from PIL import PngImagePlugin

    size = (1401, 1400) if variant == "not-square" else (1400, 1400)
    mode = {"rgba": "RGBA", "grey": "L", "palette": "P", "grey-alpha": "LA", "rgb16": "RGB"}.get(variant, "RGB")
    picture = Image.new(mode, size, 90 if mode in ("L", "P") else (90, 120) if mode == "LA" else (20, 90, 160, 255)[:len(mode)])
    options: dict[str, object] = {}
    if variant == "dpi":
        options["dpi"] = (300, 300)  # (a pHYs chunk)
    elif variant == "text":
        info = PngImagePlugin.PngInfo()
        info.add_text("Software", "an editor")
        options["pnginfo"] = info
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", **options)
    data = buffer.getvalue()
    ihdr_end = 8 + 25
    if variant == "rgb16":  # 16 bits a channel: the same picture as far as the header goes
        data = data[:8] + _png_chunk(b"IHDR", data[16:24] + bytes([16]) + data[25:29]) + data[ihdr_end:]
    elif variant in ("srgb-gamma", "bad-crc-later", "unknown-chunk", "exif"):
        exif = Image.Exif()  # a phone's photo: the place it was taken, in an eXIf chunk (ART010)
        exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
        extra = {"srgb-gamma": _png_chunk(b"sRGB", b"\x00") + _png_chunk(b"gAMA", struct.pack(">I", 45455)),
                 "exif": _png_chunk(b"eXIf", exif.tobytes()),
                 "bad-crc-later": _png_chunk(b"gAMA", struct.pack(">I", 45455))[:-1] + b"\x00",
                 "unknown-chunk": _png_chunk(b"prVt", b"private")}[variant]
        data = data[:ihdr_end] + extra + data[ihdr_end:]
    elif variant == "bad-crc":
        data = data[:ihdr_end - 1] + bytes([data[ihdr_end - 1] ^ 1]) + data[ihdr_end:]
    elif variant == "truncated":
        data = data[:ihdr_end + 2]
    elif variant == "zero-width":
        data = data[:8] + _png_chunk(b"IHDR", b"\x00\x00\x00\x00" + data[20:29]) + data[ihdr_end:]
    elif variant == "filter":  # an IHDR naming a filter method PNG does not have
        data = data[:8] + _png_chunk(b"IHDR", data[16:27] + b"\x01" + data[28:29]) + data[ihdr_end:]
    path.write_bytes(data)


@pytest.mark.parametrize(("variant", "plain"), [
    ("rgb", True), ("rgba", True), ("not-square", True), ("dpi", True), ("srgb-gamma", True), ("grey", False),
    ("palette", False), ("grey-alpha", False), ("rgb16", False), ("text", False), ("exif", False),
    ("unknown-chunk", False), ("bad-crc", False), ("bad-crc-later", False), ("truncated", False), ("zero-width", False),
    ("filter", False),
])
def test_a_plain_png_artwork_is_read_without_pillow_as_pillow_reads_it(tmp_path: Path, variant: str, plain: bool) -> None:
    """A cold build imported Pillow (~70 M instructions, 6% of a 10-episode show's cold build) only to learn the show
    artwork's size and mode. A plain 8-bit RGB or RGBA PNG (what ffmpeg and most exports write) is now read from its
    header; anything else (another mode, a palette, text, EXIF, a damaged file) is opened by Pillow as before. Either
    way the size and the problems are Pillow's."""
    from mediafeed.checks.artwork import image_size, opened_size, plain_png

    _png_variant(tmp_path / "cover.png", variant)
    assert (plain_png(tmp_path / "cover.png") is not None) == plain
    assert image_size(tmp_path / "cover.png", "cover.png") == opened_size(tmp_path / "cover.png", "cover.png")
    if variant == "exif":
        assert [p.code for p in image_size(tmp_path / "cover.png", "cover.png")[1]] == ["ART010"]


def test_the_artwork_of_a_show_is_read_without_importing_pillow(tmp_path: Path) -> None:
    """The sample show's artwork (a plain RGB PNG): its size and problems, with Pillow never imported."""
    code = ("import sys; from pathlib import Path; from mediafeed.checks.artwork import image_size; "
            f"print(image_size(Path({str(ROOT / 'artwork.png')!r}), 'artwork.png'), 'PIL' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.split() == ["((1400,", "1400),", "[])", "False"], done.stderr


def test_a_jpeg_holding_a_second_picture_is_a_jpeg(tmp_path: Path) -> None:
    """A phone's JPEG with an HDR gain map or a depth map (a second picture in an MPF index, Android's Ultra HDR) is
    what Pillow calls MPO: the artwork was refused (ART003, "artwork is MPO; apps accept JPEG or PNG"). Every app
    reads its first picture, as any JPEG's."""
    from mediafeed.checks.artwork import image_size

    first, gain_map = Image.new("RGB", (1400, 1400), (10, 20, 30)), Image.new("L", (700, 700), 128).convert("RGB")
    first.save(tmp_path / "cover.jpg", "MPO", save_all=True, append_images=[gain_map])
    with Image.open(tmp_path / "cover.jpg") as opened:
        assert opened.format == "MPO"  # (what Pillow calls it)
    assert image_size(tmp_path / "cover.jpg", "cover.jpg") == ((1400, 1400), [])


def test_show_yml_values_are_quoted_as_written_not_as_python_writes_them(show: Path) -> None:
    """show.yml's messages showed a value as Python's repr: in double quotes when it holds an apostrophe ("Kids'
    Corner"), every backslash doubled ('en\\\\gb' for the en\\gb the producer wrote). In the house's quotes now, as
    written; a control or invisible character is still shown as an escape."""
    text = (show / "show.yml").read_text()
    text = text.replace("category: Science\n", "category: Kids' Corner\n").replace("language: en-gb\n",
                                                                                 'language: "en\\\\gb"\n')
    (show / "show.yml").write_text(text.replace("  email: podcast@example.org", '  email: "podcast\\u200b@example"'))
    said = {p.field: p.message for p in lint.lint_show(show).problems}
    assert said["category"] == "'Kids' Corner' is not an Apple Podcasts category"
    assert said["language"] == "expected an ISO 639 language code such as 'en' or 'en-gb', got 'en\\gb'"
    assert said["owner.email"] == "expected an e-mail address, got 'podcast\\u200b@example'"
