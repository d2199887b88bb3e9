"""Podlove Simple Chapters 1.2 (``psc:chapters`` in an item), as apps read them.

The spec (podlove-simple-chapters.md): one ``psc:chapters`` per item, holding one or more ``psc:chapter``, each
with a mandatory ``start`` in Normal Play Time (``37``, ``7:48``, ``35:12.250``, ``01:35:52``) and a mandatory
``title``, listed in time order. gPodder (podcastparser) reads a start it cannot parse as 0, so the chapter jumps
to the beginning, and drops a chapter without a title; AntennaPod and others read the same attributes.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import Problem
from ..lazypattern import lazy
from ..source import quoted
from .feedxml import PSC, FeedDoc
from .rules import problem

_CHAPTERS = "{%s}chapters" % PSC
_CHAPTER = "{%s}chapter" % PSC
#: Normal Play Time as the spec's examples write it: seconds, MM:SS or HH:MM:SS, with an optional fraction
_FIELDS = lazy(r"^(?:\d+:[0-5]?\d:[0-5]?\d|\d+:[0-5]?\d|\d+)(?:\.\d+)?$", re.ASCII)


def npt_seconds(value: str) -> float | None:
    """``value`` in seconds, or None when it is not Normal Play Time."""
    value = value.strip()
    if not _FIELDS.match(value):
        return None
    whole, _, fraction = value.partition(".")
    seconds = 0.0
    for part in whole.split(":"):
        seconds = seconds * 60 + float(part)  # not int(): 5,000 digits stop int(), 400 overflow the sum (inf here)
    return seconds + float(f"0.{fraction}" if fraction else 0)


def check_psc(doc: FeedDoc, parent: Any, episode: str) -> list[Problem]:
    """CHP020 and CHP021 for the ``psc:chapters`` of ``parent`` (an item, or the channel, where none belongs)."""
    lists = [element for element in parent.iterchildren(_CHAPTERS)]
    if not lists:
        return []
    src = doc.source
    if parent is doc.channel:
        return [problem("CHP021", src, "psc:chapters in the <channel>; Podlove Simple Chapters belong to an episode's "
                        "<item>, and apps read them nowhere else", field="psc:chapters",
                        hint="move the chapters into the <item> of the episode they mark")]
    out: list[Problem] = []
    if len(lists) > 1:
        out.append(problem("CHP021", src, f"{len(lists)} psc:chapters in one item; the spec allows one, and apps "
                           "ignore the others", field="psc:chapters", episode=episode,
                           hint="put every chapter in one <psc:chapters>"))
    chapters = list(lists[0].iterchildren(_CHAPTER))
    if not chapters:
        out.append(problem("CHP021", src, "psc:chapters holds no psc:chapter", field="psc:chapters", episode=episode,
                           hint='add <psc:chapter start="00:00:00" title="…"/> for each chapter, or remove the element'))
    previous = -1.0
    for number, chapter in enumerate(chapters, 1):
        start, title = chapter.get("start"), chapter.get("title")
        seconds = npt_seconds(start) if start is not None else None
        if start is None or seconds is None:
            out.append(problem("CHP020", src, f"psc:chapter {number}'s start is "
                               + (f"{quoted(start, 200)}, not a time apps read (gPodder starts such a chapter at 0)" if start is not None
                                  else "missing (mandatory)"), field="psc:chapter@start", episode=episode,
                               hint='write the start as seconds or a clock: start="37", "7:48", "01:35:52.250"'))
        if not (title or "").strip():
            out.append(problem("CHP020", src, f"psc:chapter {number} has no title (mandatory; apps skip such a chapter)",
                               field="psc:chapter@title", episode=episode, hint='give it a title="…"'))
        if seconds is not None:
            if seconds < previous:
                out.append(problem("CHP021", src, f"psc:chapter {number} starts at {start}, before the chapter above it",
                                   field="psc:chapter@start", episode=episode,
                                   hint="list the chapters in the order they start"))
            previous = max(previous, seconds)
    return out
