"""EP020 and EP021, one rule each for a show's episodes and for any feed's items: does a title repeat the show's name,
does it hold an episode or season number?"""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=16)
def _as_words(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def repeats_show_name(show_title: str, title: str) -> bool:
    """True when ``title`` holds ``show_title`` as words (case aside) and is not the name alone.

    As words: a short name (Lab, AI, Pod) inside a word of a title ("Collaboration", "Training") is no repeat.
    About 0.5 µs a title."""
    name, text = show_title.lower(), title.lower()
    return bool(name) and text != name and _as_words(name).search(text) is not None


#: "episode" and "season" in the languages of the default theme's words that write them with Latin letters (a French
#: "Épisode 1 – Le pain" passed where "Episode 1 – Bread" did not): English, French, Spanish and Italian,
#: Portuguese, German, Dutch (its short form with its point, "Afl. 3": "AFL 2024", the Australian football league's
#: initials and a year, is no episode number)
_EPISODE = r"(?:ep(?:isode)?\.?|[ée]pisode|episodio|epis[óo]dio|folge|afl(?:evering|\.))"
_SEASON = r"(?:season|saison|temporada|stagione|staffel|seizoen)"
#: a year (1900-2099): after a season word it names a year's season ("Saison 2024 – le bilan", "Temporada 2024-25"),
#: a sports season or a show's year, not a season number to move into itunes:season
_YEAR = r"(?:19|20)\d\d\b"
#: a season's number written short with the episode's: "S1E3", "S01 E03", and with the episode word ("S2 Ep 3",
#: "S2 Ep. 3", "S02 Episode 03", which passed)
_SEASON_EPISODE = rf"s\d+\s*(?:e|{_EPISODE})\s*#?\d+"
#: an episode or season number at a title's start ("Episode 3:", "Ep. 3 -", "#3", "S1E3", "S01 E03", "Season 2,", a
#: year's season with an episode number: "Season 2024, Episode 3") or at its end after a separator ("… (Episode 3)",
#: "… - Ep 3", "… | #3"); a number that is part of the title ("Top 10", "Part 2", "Catch-22") is none
_NUMBERED = re.compile(rf"^\s*(?:{_EPISODE}\s*#?\d+|#\d+|{_SEASON_EPISODE}|{_SEASON}\s*(?!{_YEAR})\d+"
                       rf"|{_SEASON}\s*{_YEAR}\s*[-\u2013\u2014|:,.]?\s*{_EPISODE}\s*#?\d+)\b"
                       rf"|[-\u2013\u2014|:,(\[]\s*(?:{_EPISODE}\s*#?\d+|#\d+|{_SEASON_EPISODE})\s*[)\]]?\s*$", re.I)


def numbered(title: str) -> bool:
    """True when ``title`` starts or ends with an episode or season number, which Apple asks to keep out of titles
    (itunes:episode and itunes:season hold them, and apps show them beside the title: "Episode 3: Episode 3 …")."""
    return _NUMBERED.search(title) is not None
