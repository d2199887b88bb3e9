"""What the podcast clients in test_client_*.py are held to: the sample show and a show made hard on purpose, built,
served over HTTP on 127.0.0.1 (each client fetches the feed by URL, as an app does), and the feed's own items read
with lxml as the answer each client's reading is compared with.

The hard show is the sample show plus :func:`test_feed_namespace.add_everything` (every feature, hostile characters,
an alternate enclosure, transcripts and chapters, a bonus episode) and :data:`HARD_EPISODES`: right-to-left titles,
``&``, ``<`` and ``]]>`` in titles and notes, notes of about 30,000 characters, episodes with no episode number, a
season-2 trailer, and dates in five time zones, two of them a minute either side of a daylight-saving change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import yaml
from helpers import ROOT, add_episode, build_golden, copy_show
from lxml import etree
from siteserver import SiteServer
from test_feed_namespace import EVERYTHING, add_everything

from mediafeed.build import build

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
NOW = datetime.fromisoformat("2026-06-01T00:00:00+00:00")
PREFIX = "/safe-to-say/"

#: a paragraph of the long notes: Arabic and Hebrew, markup characters and a CDATA end in the text
LONG_PARAGRAPH = ("Paragraph {n}: مرحبا & שלום — a < b > c, \"quoted\" and 'single', ]]> is text, "
                  "emoji 🎙️ and combining e\u0301. " * 6)


def _front(n: int, title: str, date: str, more: str = "", explicit: str = "false", kind: str = "full") -> str:
    """The front matter of hard episode ``n`` (season 2, audio.mp3; ``more`` adds lines)."""
    return (f'title: "{title}"\ndate: {date}\nguid: c8e1f0a2-7d1b-4a0e-9a51-0c2b1d7e070{n}\nseason: 2\ntype: {kind}\n'
            f"explicit: {explicit}\naudio: audio.mp3\n{more}")


#: slug → front matter (title, date, numbering, type, explicit) and body, appended to the sample show
HARD_EPISODES: dict[str, tuple[str, str]] = {
    "007-rtl": (_front(1, "حلقة خاصة: العنف & الإدمان <مباشر> — פרק", "2026-03-29T00:59:00+00:00",
                       'summary: "ملخص: أسئلة & أجوبة"\n'),
                "مرحبا! Notes with `]]>` inside code, ]]> bare, and <i>tags</i> & entities &amp; too.\n"),
    "008-before-dst": (_front(2, "Before the clocks change: 01:59 PST", "2026-03-08T01:59:00-08:00", "episode: 2\n",
                              explicit="true"),
                       "Two minutes before the next episode, though its wall clock says 62 minutes.\n"),
    "009-after-dst": (_front(3, "After the clocks change: 03:01 PDT", "2026-03-08T03:01:00-07:00", "episode: 3\n"),
                      "".join(LONG_PARAGRAPH.format(n=n) + "\n\n" for n in range(60))),
    "010-kathmandu": (_front(4, "Kathmandu +05:45, no number", "2026-04-01T00:10:00+05:45"),
                      "A zone a quarter-hour off.\n"),
    "011-newfoundland-trailer": (_front(5, "Season 2 trailer (St. John's −03:30)", "2026-04-10T21:30:00-03:30",
                                        kind="trailer"), "A trailer for season 2.\n"),
}


def hard_show(target: Path) -> Path:
    """Build the hard show under ``target``; return the site folder."""
    show = copy_show(target / "show")
    add_everything(show)
    for slug, (front, body) in HARD_EPISODES.items():
        add_episode(show, slug, front, body=body, seconds=1.0)
    return build(show, target / "site", now=NOW, accept_changes=True).output


def sample_show(target: Path) -> Path:
    """Build the sample show (``episodes/``) as the golden files are; return the site folder."""
    return build_golden(target)


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """The feed's URL with ``site`` served at :data:`PREFIX` on 127.0.0.1."""
    with SiteServer(site, prefix=PREFIX) as server:
        yield server.url + "feed.xml"


@dataclass(frozen=True)
class Episode:
    """One item of the feed as its XML says (the answer a client's reading is held to)."""

    title: str
    guid: str
    description: str  # <description>, as text (the HTML of the notes, unescaped once)
    content: str  # <content:encoded>, as text
    url: str
    length: int
    type: str
    published: datetime  # the pubDate as an aware instant
    pub_date: str  # the pubDate as written
    duration: int
    image: str
    explicit: bool
    episode_type: str
    season: str | None
    episode: str | None


def source_episodes() -> dict[str, tuple[str, datetime]]:
    """GUID → (title, date) as the episode.md files of both shows write them, so that a client is held to what the
    podcaster typed and not only to our XML (an ``&`` escaped twice would read the same in lxml and in the client)."""
    fronts = [path.read_text(encoding="utf-8").split("---\n")[1] for path in (ROOT / "episodes").glob("*/episode.md")]
    fronts += [EVERYTHING] + [front for front, _ in HARD_EPISODES.values()]
    out = {}
    for front in fronts:
        fields = yaml.load(front, Loader=yaml.BaseLoader)  # every value as the text written
        out[fields["guid"]] = (fields["title"], datetime.fromisoformat(fields["date"]))
    return out


def feed_episodes(feed: Path) -> list[Episode]:
    """The feed's items in their order, each title and date first checked against its episode.md."""
    source = source_episodes()
    out = []
    for item in etree.parse(str(feed)).getroot().find("channel").iter("item"):
        enclosure = item.find("enclosure")
        out.append(Episode(
            title=item.findtext("title"), guid=item.findtext("guid"), description=item.findtext("description"),
            content=item.findtext(CONTENT), url=enclosure.get("url"), length=int(enclosure.get("length")),
            type=enclosure.get("type"), published=parsedate_to_datetime(item.findtext("pubDate")),
            pub_date=item.findtext("pubDate"), duration=int(item.findtext(ITUNES + "duration")),
            image=item.find(ITUNES + "image").get("href"), explicit=item.findtext(ITUNES + "explicit") == "true",
            episode_type=item.findtext(ITUNES + "episodeType"), season=item.findtext(ITUNES + "season"),
            episode=item.findtext(ITUNES + "episode")))
        assert (out[-1].title, out[-1].published) == source[out[-1].guid]
    return out


def channel_text(feed: Path, tag: str) -> str | None:
    """The text of one of the channel's own elements (``tag`` in Clark notation)."""
    return etree.parse(str(feed)).getroot().find("channel").findtext(tag)


def channel_image(feed: Path) -> str:
    """The show's artwork as ``itunes:image`` names it."""
    return etree.parse(str(feed)).getroot().find("channel").find(ITUNES + "image").get("href")


#: the two shows every client reads
SHOWS = {"sample": sample_show, "hard": hard_show}
