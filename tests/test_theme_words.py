"""The default theme's words in the show's language (``language:``), with the show's own (``words:`` in show.yml).

Before, a French show's pages had ``lang="fr"`` but said "Skip to content", "Subscribe", "Episode 2", "Published"
dates as "2 February 2026", "Download the episode (M4A, 0.2 MB)" and "0 seconds of 22 seconds" to a screen reader.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import copy_show

from mediafeed.build import build
from mediafeed.config import load_show
from mediafeed.translations import ENGLISH, TABLES
from mediafeed.words import PLURAL_CATEGORIES, Words, base_language, long_date, megabytes, spoken, words_for

EP1 = "episodes/001-ipv-and-substance-use/"  # chapters and a transcript
EP2 = "episodes/002-learning-alliances/"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("language", sorted(TABLES))
def test_every_table_has_every_word_with_the_same_values_and_its_forms(language: str) -> None:
    table = TABLES[language]
    assert list(table) == list(ENGLISH)
    for key, text in table.items():
        assert text.strip() == text or key in {"join", "colon"}, key
        english = set(PLACEHOLDER.findall(ENGLISH[key]))
        if key in {"hours", "minutes", "seconds"}:
            forms = text.split("|")
            assert len(forms) == len(PLURAL_CATEGORIES[language]), key
            assert all(set(PLACEHOLDER.findall(form)) <= {"n"} for form in forms)
            assert "{n}" in forms[-1]  # the "other" form says the number
        else:
            assert set(PLACEHOLDER.findall(text)) == english, (language, key)
    assert len(table["months"].split("|")) == 12 and len(set(table["months"].split("|"))) == 12


def test_no_word_is_hidden_by_an_attribute_of_the_words() -> None:
    """Jinja reads ``words.copy`` as an attribute first: a dict's method came out as "<built-in method copy …>"."""
    assert not [key for key in ENGLISH if hasattr(Words({}), key)]


@pytest.mark.parametrize(("language", "table"), [("fr", "fr"), ("fr-CA", "fr"), ("pt-BR", "pt"), ("PT-br", "pt"),
                                                 ("de-at", "de"), ("ar-EG", "ar"), ("he", "he"), ("ja", "ja"),
                                                 ("sv", "en"), ("en-gb", "en"), ("zh-Hant", "en")])
def test_a_regional_tag_takes_its_base_languages_words_and_another_language_english(language: str, table: str) -> None:
    words = words_for(language)
    assert words.table == table and words["months"] == TABLES[table]["months"]


def test_a_shows_own_word_replaces_the_themes() -> None:
    words = words_for("fr", [("subscribe", "Abonnez-vous")])
    assert words["subscribe"] == "Abonnez-vous" and words["episodes"] == "Épisodes"


MARCH_3 = datetime(2026, 3, 3, 8, tzinfo=UTC)


@pytest.mark.parametrize(("language", "date", "said"), [
    ("en", MARCH_3, "3 March 2026"), ("fr", MARCH_3, "3 mars 2026"), ("fr", MARCH_3.replace(day=1), "1er mars 2026"),
    ("de", MARCH_3, "3. März 2026"), ("es", MARCH_3, "3 de marzo de 2026"), ("pt-BR", MARCH_3, "3 de março de 2026"),
    ("it", MARCH_3, "3 marzo 2026"), ("it", MARCH_3.replace(day=1), "1º marzo 2026"), ("nl", MARCH_3, "3 maart 2026"), ("ar", MARCH_3, "3 مارس 2026"),
    ("he", MARCH_3, "3 במרץ 2026"), ("ja", MARCH_3, "2026年3月3日"), ("sv", MARCH_3, "3 March 2026")])
def test_dates_are_written_in_the_shows_language(language: str, date: datetime, said: str) -> None:
    assert long_date(words_for(language), date) == said


@pytest.mark.parametrize(("language", "seconds", "said"), [
    ("en", 0, "0 seconds"), ("en", 61, "1 minute 1 second"), ("en", 3723, "1 hour 2 minutes 3 seconds"),
    ("fr", 0, "0 seconde"), ("fr", 125, "2 minutes 5 secondes"), ("pt-BR", 1, "1 segundo"), ("pt-PT", 0, "0 segundos"),
    ("de", 3601, "1 Stunde 1 Sekunde"), ("nl", 7200, "2 uur"),
    ("ar", 2, "ثانيتان"), ("ar", 5, "5 ثوانٍ"), ("ar", 11, "11 ثانية"), ("ar", 3662, "ساعة واحدة ودقيقة واحدة وثانيتان"),
    ("he", 2, "שתי שניות"), ("he", 125, "שתי דקות, 5 שניות"), ("ja", 3723, "1時間2分3秒"),
    ("ru", 21, "21 seconds"),  # English words, English plural rules: not "21 second" by Russian's rule
])
def test_spoken_durations_take_the_languages_plural_forms(language: str, seconds: int, said: str) -> None:
    assert spoken(words_for(language), seconds) == said


def test_a_files_size_takes_the_languages_decimal_separator_and_unit() -> None:
    assert megabytes(words_for("en"), 1258291) == "1.2 MB"
    assert megabytes(words_for("fr"), 1258291) == "1,2\u00a0Mo"
    assert megabytes(words_for("de"), 1048576) == "1,0 MB"


def _show_in(tmp_path: Path, language: str, extra: str = "") -> Path:
    root = copy_show(tmp_path / "show")
    config = root / "show.yml"
    config.write_text(config.read_text().replace("language: en-gb", f"language: {language}") + extra)
    return root


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def test_a_french_shows_pages_are_in_french(tmp_path: Path) -> None:
    # an English show built first, whose compiled default theme the French build takes from the user's cache: Jinja
    # had worked out "{{ 0 | spoken }}" as it compiled, and the French page said "0 seconds sur 22 secondes"
    build(_show_in(tmp_path / "en", "en-gb"), tmp_path / "en-site")
    site = build(_show_in(tmp_path, "fr"), tmp_path / "site").output
    episode, fragment, embed = _text(site / EP2 / "index.html"), _text(site / EP2 / "player.html"), _text(site / EP1 / "embed/index.html")
    index, missing = _text(site / "index.html"), _text(site / "404.html")
    for english in ("Skip to content", "Subscribe", "Download the episode", "Show notes", ">Transcript<", "Episode 2",
                    "February", " MB)", " seconds", "Copy", "Made with", "Licence:", "Chapters (JSON)", ">Email<"):
        assert english not in episode, english
    assert '<a class="skip" href="#main">Aller au contenu</a>' in episode
    assert "Saison 1\u00a0: Foundations · Épisode 2" in episode and ">2 février 2026</time>" in episode
    assert "Télécharger l’épisode <span class=\"file-info\">(M4A, 0,2\u00a0Mo)</span>" in episode
    assert 'aria-label="Lecture"' in episode and 'aria-valuetext="0 seconde sur 22 secondes"' in episode
    assert '<a class="pill" href="mailto:' in episode and ">E-mail</a>" in episode
    words = json.loads(re.search(r'<script type="application/json" id="mediafeed-words">(.*?)</script>', episode)[1])
    assert words["lang"] == "fr" and words["pause"] == "Pause" and words["seconds"] == "{n} seconde|{n} secondes"
    assert 'aria-label="Chapitre"' in embed and "Transcription<span" in embed and 'id="mediafeed-words"' in embed
    assert "Notes et transcription</a> · " in fragment and ">Télécharger</a>" in fragment
    assert "<h2 id=\"subscribe-title\">S’abonner</h2>" in index and "Adresse du flux RSS" in index
    assert "Page introuvable" in missing and "Voir tous les épisodes de Safe to Say" in missing
    # the machine-readable outputs stay as they were
    feed = _text(site / "feed.xml")
    assert "<language>fr</language>" in feed and re.search(r"<pubDate>Mon, 02 Feb 2026 08:00:00 \+0000</pubDate>", feed)
    assert json.loads(_text(site / EP2 / "oembed.json"))["title"] == "Everyone at One Table"


def test_an_english_page_carries_no_words_for_the_script(tmp_path: Path) -> None:
    site = build(_show_in(tmp_path, "en-gb"), tmp_path / "site").output
    assert "mediafeed-words" not in _text(site / EP2 / "index.html")
    assert "mediafeed-words" not in _text(site / EP2 / "embed/index.html")


def test_a_date_in_english_on_a_right_to_left_page_is_marked_left_to_right(tmp_path: Path) -> None:
    """Persian has no table: its dates are English, and "19 January 2026" drawn right to left read "January 2026 19"."""
    site = build(_show_in(tmp_path, "fa"), tmp_path / "site").output
    assert '<html lang="fa" dir="rtl">' in _text(site / EP2 / "index.html")
    assert re.search(r'<time datetime="[^"]+" dir="ltr">2 February 2026</time>', _text(site / EP2 / "index.html"))
    arabic = build(_show_in(tmp_path / "ar", "ar"), tmp_path / "ar-site").output
    assert re.search(r'<time datetime="[^"]+">2 فبراير 2026</time>', _text(arabic / EP2 / "index.html"))


def test_a_shows_own_words_are_used_and_a_mistake_in_them_is_named(tmp_path: Path) -> None:
    root = _show_in(tmp_path, "fr", "words:\n  subscribe: Abonnez-vous\n  months: \"janv.|févr.|mars|avr.|mai|juin|juil.|"
                                     "août|sept.|oct.|nov.|déc.\"\n")
    site = build(root, tmp_path / "site").output
    assert ">Abonnez-vous</a>" in _text(site / EP2 / "index.html") and ">2 févr. 2026</time>" in _text(site / EP2 / "index.html")
    config = root / "show.yml"
    config.write_text(config.read_text().split("\nwords:")[0] + "\nwords:\n  subscribe: Abonnez-vous\n  subscrbe: Suivre\n"
                      "  season: \"Saison {numero}\"\n  months: janvier|février\n  copy: 3\n")
    show, problems = load_show(root)
    found = {(p.code, p.field): p for p in problems}
    assert found["SRC055", "words.subscrbe"].severity == "warning" and "'subscribe'" in found["SRC055", "words.subscrbe"].hint
    assert "{numero} is not a value of this word (it has {number})" in found["SRC056", "words.season"].message
    assert "12 month names" in found["SRC056", "words.months"].message
    assert found["SRC056", "words.copy"].severity == "error"
    assert show is not None and dict(show.words) == {"subscribe": "Abonnez-vous"}


def test_the_scripts_words_are_utf8_and_cannot_close_the_script() -> None:
    """Jinja's tojson wrote each Arabic letter as \\uXXXX: the words took 1.5 kB more of an Arabic embed."""
    from mediafeed.words import script_words

    assert script_words(words_for("en-gb")) == ""
    arabic = script_words(words_for("ar"))
    assert "إيقاف مؤقت" in arabic and json.loads(arabic)["categories"] == ["zero", "one", "two", "few", "many", "other"]
    hostile = script_words(words_for("fr", [("copied", "</script><script>alert('x')</script> & co")]))
    assert "<" not in hostile and "'" not in hostile and "&" not in hostile
    assert json.loads(hostile)["copied"] == "</script><script>alert('x')</script> & co"
    assert script_words(words_for("en", [("play", "Listen")])) != ""  # an English show's own word reaches the script


def test_the_players_speeds_take_the_languages_decimal_separator(tmp_path: Path) -> None:
    """A French page's speed menu said "0.75×", "1.5×" (the only decimal points left on it: its sizes say "0,2 Mo")."""
    assert {language for language, table in TABLES.items() if table["decimal"] == ","} == {"fr", "de", "es", "pt", "it", "nl"}
    site = build(_show_in(tmp_path, "fr"), tmp_path / "site").output
    for page in (site / EP1 / "index.html", site / EP1 / "embed/index.html"):
        text = _text(page)
        assert '<option value="0.75">0,75×</option>' in text and '<option value="1.5">1,5×</option>' in text
        assert "0.75×" not in text and "1.25×" not in text
    english = build(_show_in(tmp_path / "en", "en-gb"), tmp_path / "en-site").output
    assert '<option value="0.75">0.75×</option>' in _text(english / EP1 / "index.html")


EP3 = "episodes/003-capabilities-framework/"


@pytest.mark.parametrize(("language", "title", "notes"), [
    ("fr", "Transcription\u00a0: ", "Notes de l’épisode\u00a0: "),
    ("ja", "文字起こし：", "ショーノート："),
    ("de", "Transkript: ", "Shownotes: "),
])
def test_a_label_and_what_it_labels_are_joined_the_languages_way(tmp_path: Path, language: str, title: str,
                                                                 notes: str) -> None:
    """French puts a no-break space before a colon: the HTML transcript's page title was "Transcription: …" and the
    fragment's link names "Notes de l’épisode: …" (the colon was written in the code and the template, not a word)."""
    root = _show_in(tmp_path, language)
    (root / EP3 / "transcript.html").write_text("<html><body><p>Ann: hello.</p></body></html>", encoding="utf-8")
    site = build(root, tmp_path / "site").output
    page = _text(site / EP3 / "transcript.html")
    assert f"<title>{title}" in page, re.search("<title>.*?</title>", page)
    fragment = _text(site / EP3 / "player.html")
    assert f'aria-label="{notes}' in fragment, re.findall(r'aria-label="[^"]*"', fragment)


def test_peoples_roles_are_in_the_shows_language_and_the_feeds_stay_the_taxonomys(tmp_path: Path) -> None:
    """A French page listed "Dr Maya Okafor Host", "Prof. Lena Hart Guest": the roles were the taxonomy's English."""
    root = _show_in(tmp_path, "fr")
    ep1 = root / EP1 / "episode.md"
    ep1.write_text(ep1.read_text(encoding="utf-8").replace("role: guest", "role: Foley Artist"), encoding="utf-8")
    site = build(root, tmp_path / "site").output
    episode, other = _text(site / EP2 / "index.html"), _text(site / EP1 / "index.html")
    assert '<span class="role">Animation</span>' in episode and '<span class="role">Invité·e</span>' in episode
    assert '<span class="role">Foley artist</span>' in other  # a role the tables do not have: the taxonomy's name
    assert ">Host<" not in episode and ">Guest<" not in episode
    feed = _text(site / "feed.xml")
    assert 'role="host"' in feed and 'role="guest"' in feed and "Animation" not in feed
    german = build(_show_in(tmp_path / "de", "de", "words:\n  role_guest: Gesprächspartnerin\n"), tmp_path / "de-site").output
    assert '<span class="role">Moderation</span>' in _text(german / EP2 / "index.html")
    assert '<span class="role">Gesprächspartnerin</span>' in _text(german / EP2 / "index.html")
    english = build(_show_in(tmp_path / "en", "en-gb"), tmp_path / "en-site").output
    assert '<span class="role">Host</span>' in _text(english / EP2 / "index.html")


def test_each_tables_punctuation_is_its_languages() -> None:
    """French puts a no-break space before ':' and a narrow one before ';', '?' and '!' (embed_label had a full
    space before ';'); Japanese writes the full-width '：' ("ファイル:" was a Latin colon in a Japanese sentence)."""
    for key, text in TABLES["fr"].items():
        for mark in re.finditer(r"(?<=.)[:;?!](?=\s|$)", text):
            before = text[mark.start() - 1]
            assert before == ("\u00a0" if mark.group() == ":" else "\u202f"), (key, text)
    assert [key for key, text in TABLES["ja"].items() if ":" in text] == []
    assert TABLES["fr"]["colon"] == "\u00a0: " and TABLES["ja"]["colon"] == "："


def test_reviewed_words_read_as_their_language_does() -> None:
    """German put the verb first ("Kommentieren auf dem Fediverse"), Dutch called a page "ze" (Flemish usage)."""
    from mediafeed.words import fill

    assert fill(TABLES["de"]["comment_on"], place=TABLES["de"]["fediverse"]) == "Auf dem Fediverse (Mastodon) kommentieren"
    assert "is de pagina verplaatst" in TABLES["nl"]["not_found_text"]


@pytest.mark.parametrize("language", ["en", "fr", "ar", "ja"])
def test_every_word_is_an_attribute_of_the_words_as_templates_read_it(language: str) -> None:
    """``{{ words.subscribe }}`` is an attribute look-up first: each word is one (Jinja raised and caught an
    AttributeError for each of the ~90 words of an episode page before it looked the item up), and the words'
    own ``table``, ``language`` and ``words`` keep their meaning, a show's own word too."""
    import jinja2

    words = words_for(language, [("subscribe", "Follow")])
    assert all(getattr(words, key) == words[key] for key in ENGLISH)
    assert words.subscribe == "Follow" and words.table == base_language(language) and words.words["months"] == words["months"]
    assert jinja2.Environment().from_string("{{ words.subscribe }} {{ words.table }}").render(words=words) == \
        f"Follow {base_language(language)}"


def test_a_build_writes_each_duration_size_and_direction_in_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The number and language filters are pure: an episode's pages wrote its duration four times, "0 seconds" three
    times and its size in MB three times; each value is now written once a build (an environment), the text the
    same. A datetime is written every time: two equal ones can be in different time zones (other days)."""
    from datetime import timedelta, timezone

    from mediafeed import site
    from mediafeed import words as theme_words

    calls: list[object] = []

    def counting(write):  # type: ignore[no-untyped-def]
        def counted(*args):  # type: ignore[no-untyped-def]
            calls.append(args[-1])
            return write(*args)
        return counted

    words = words_for("fr")
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    later = late.astimezone(timezone(timedelta(hours=2)))  # (the same instant: equal, another day)
    said = [f"{spoken(words, n)}/{site.human_duration(n)}/{megabytes(words, 1048576)};" for n in (0, 0, 61, 61)]
    expected = "".join(said) + f"{spoken(words, 61.0)} {long_date(words, late)} {long_date(words, later)}"
    for name in ("spoken", "megabytes", "long_date"):
        monkeypatch.setattr(theme_words, name, counting(getattr(theme_words, name)))
    monkeypatch.setattr(site, "human_duration", counting(site.human_duration))
    env = site.environment(None, None, words)
    text = env.from_string("{% for n in [0, 0, 61, 61] %}{{ n | spoken }}/{{ n | duration }}/{{ 1048576 | megabytes }};"
                           "{% endfor %}{{ 61.0 | spoken }} {{ a | longdate }} {{ b | longdate }}").render(a=late, b=later)
    assert text == expected and "1er mars 2026 2 mars 2026" in text
    assert sorted(map(repr, calls)) == sorted(map(repr, [0, 61, 0, 61, 1048576, 61.0, late, later]))
