"""EP020, one rule for a show's episodes and for any feed's items: does a title repeat the show's name?"""

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
