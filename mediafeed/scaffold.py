"""New shows and new episodes: ``mediafeed init`` and ``mediafeed add``.

``init_show`` writes a ``show.yml`` with every key documented (the optional ones
commented out), an ``episodes/`` folder and a ``templates/`` folder with a README
on overriding the theme. ``add_episode`` turns an audio file into
``episodes/<slug>/`` with the audio copied (or moved) in, front matter pre-filled
from the file's own tags and a new GUID. Neither ever overwrites anything.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from . import audio
from .atomicfiles import atomic_copy, atomic_write
from .categories import APPLE_CATEGORIES, closest_category, is_category, parent_category
from .chapters import clock
from .characters import html_safe
from .config import LANGUAGE, SHOW_FILE, language_guess, no_show, podcast_guid
from .episodes import EPISODE_FILE, EPISODE_TYPES, EPISODES_DIR, SLUG
from .errors import InputError, MediaError, MediafeedError, Problem, error, warning
from .filenames import WINDOWS_DEVICES
from .guids import new_guid
from .model import Chapter, Media, whole_seconds
from .records import frozen
from .source import FRONT_MATTER, XML_FORBIDDEN, close_directions, is_url, load_yaml, quoted

TEMPLATES_README = "templates/README.md"


@frozen
class ShowAnswers:
    """The essentials ``init`` asks for."""

    title: str
    description: str
    url: str
    author: str
    email: str
    language: str = "en"
    category: str = ""  #: no default: a show filed under the wrong category is hard to find (a food show in Technology)
    subcategory: str = ""
    explicit: bool = False


def check_answers(answers: ShowAnswers) -> list[tuple[str, str, str]]:
    """What is wrong with the answers, as ``(option, message, fix)``; empty when fine."""
    wrong = []
    for name in ("title", "description", "url", "author", "email"):
        if not getattr(answers, name).strip():
            wrong.append((f"--{name}", "required", _ASK))
    if not answers.category.strip():
        wrong.append(("--category", "required", f"one of Apple's categories ({', '.join(APPLE_CATEGORIES)}): {_ASK}"))
    for name in ("url", "email", "language", "category"):
        value = getattr(answers, name)
        problem = answer_problem(name, value) if value or name == "language" else None
        if problem:
            wrong.append((f"--{name}", *problem))
    if answers.category in APPLE_CATEGORIES:
        problem = answer_problem("subcategory", answers.subcategory, answers.category)
        if problem:
            wrong.append(("--subcategory", *problem))
    return wrong


def answer_problem(name: str, value: str, category: str = "") -> tuple[str, str] | None:
    """What is wrong with one answer (``url``, ``email``, ``language``, ``category``, or ``subcategory`` of
    ``category``), as ``(message, fix)``; None when it will do.

    ``mediafeed init`` asks again in a terminal when an answer is wrong, instead of taking every answer and
    then refusing them all."""
    if name == "url" and not is_url(value, https=True):  # http:// too: the podcast namespace takes https alone (PI004)
        bare = value.strip().removeprefix("//")
        if bare.lower().startswith("http://"):
            bare = bare[len("http://"):]
        example = f"https://{bare.rstrip('/')}/" if bare and "://" not in bare and " " not in bare else "https://example.org/my-show/"
        return f"expected the site's https:// address, got {quoted(value, 200)}", f"write the whole address: --url {example}"
    if name == "email":
        from .checks.channel import EMAIL  # what check and build take (SHOW015, PI006): init took '<a@example.org>'

        if not EMAIL.match(value):
            inside = re.search(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+", value)  # 'Name <a@example.org>', 'a@example.org,'
            found = inside.group().rstrip(".") if inside else ""
            return (f"expected an e-mail address, got {quoted(value, 200)}",
                    f"write the address alone: --email {found}" if EMAIL.match(found) else "e.g. --email you@example.org")
    if name == "language" and not LANGUAGE.match(value):
        code, _ = language_guess(value)  # the guess show.yml's check makes (English → en)
        return (f"expected an ISO 639 code such as en or en-gb, got {quoted(value, 200)}",
                f"--language {code}" if code else "e.g. --language en (or en-gb, de, fr-ca)")
    if name == "category" and value not in APPLE_CATEGORIES:
        parent, sub = parent_category(value)  # 'Food': Arts' subcategory, not a category
        if parent:
            import shlex

            return (f"{quoted(value, 200)} is a subcategory of {parent}, not a category",
                    f"--category {shlex.quote(parent)} --subcategory {shlex.quote(sub)}")
        close = closest_category(value)  # the category show.yml's check and a feed's check name too
        return (f"not in Apple's list: {quoted(value, 200)}",
                (f"did you mean {quoted(close, 200)}? " if close else "") + f"Apple's categories: {', '.join(APPLE_CATEGORIES)}")
    if name == "subcategory" and not is_category(category, value):
        subs = APPLE_CATEGORIES[category]
        return (f"{quoted(value, 200)} is not a subcategory of {quoted(category, 200)}",
                f"{category}'s subcategories: {', '.join(subs)}" if subs else f"{category} has no subcategories: leave --subcategory out")
    return None


_ASK = "pass it as an option, or run 'mediafeed init' in a terminal to be asked"


def refuse_existing(target: Path) -> None:
    """INI002 when ``target`` has a show: said first, before any answer is asked for or judged (``init`` in a show
    folder listed five missing answers, and at a terminal asked for nine, to refuse them all once they were given)."""
    if (target / SHOW_FILE).exists():
        raise InputError(error("INI002", str(target / SHOW_FILE), "a show already exists here; nothing was changed",
                               hint="edit show.yml, or run 'mediafeed init NEW-FOLDER'"))


def init_show(target: Path, answers: ShowAnswers) -> list[str]:
    """Create a new show in ``target``; returns the paths created (relative). Refuses an existing show."""
    refuse_existing(target)
    wrong = check_answers(answers)
    if wrong:
        raise InputError([error("INI001", SHOW_FILE, message, field=option, hint=fix) for option, message, fix in wrong])
    created = []
    (target / EPISODES_DIR).mkdir(parents=True, exist_ok=True)
    created.append(f"{EPISODES_DIR}/")
    readme = target / TEMPLATES_README
    if not readme.exists():
        atomic_write(readme, TEMPLATES_TEXT.encode("utf-8"))
        created.append(TEMPLATES_README)
    atomic_write(target / SHOW_FILE, show_yaml(answers).encode("utf-8"))
    created.append(SHOW_FILE)
    ignore = target / ".gitignore"
    if not ignore.exists():  # (a show kept in git committed public/ with `git add -A`: a copy of every episode's audio)
        atomic_write(ignore, GITIGNORE_TEXT.encode("utf-8"))
        created.append(".gitignore")
    return created


#: the .gitignore ``init`` writes: the built site is made again from the show by ``mediafeed build`` (published.json,
#: what subscribers have seen, is committed; .mediafeed/, the build's cache, ignores itself)
GITIGNORE_TEXT = """\
# mediafeed builds the site into public/ from this folder: commit the show (and published.json), not the site
/public/
"""


def _scalar(value: Any) -> str:
    """One YAML scalar, quoted when needed (a title like 'Yes: no' stays text)."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip().removesuffix("\n...").strip()


def first_podcast_guid(url: str) -> str:
    """The podcast:guid a show at ``url`` starts with: the Podcast Index's UUIDv5 of its feed's address, as a build
    derives it when show.yml has none (:func:`config.podcast_guid`). ``init`` writes it into show.yml, so the show
    keeps it when it moves to another address (where a derived one would change: LED004 stopped the move's build)."""
    from .addresses import ascii_url

    site = ascii_url(url)
    return podcast_guid((site if site.endswith("/") else site + "/") + "feed.xml")


def show_yaml(a: ShowAnswers) -> str:
    """``show.yml`` with every key: the essentials filled in, the rest commented out with a word on each."""
    categories = ", ".join(APPLE_CATEGORIES)
    sub = f"subcategory: {_scalar(a.subcategory)}" if a.subcategory else "# subcategory: Tech News"
    return f"""\
# show.yml: everything about the show as a whole. Every key is described in mediafeed's README
# and docs/feeds.md. Lines starting with '#' are optional: remove the '#' to use one.

# --- Required ------------------------------------------------------------------------
title: {_scalar(a.title)}
# What the show is about, plain text, at most 4000 bytes (apps show it on the show page).
description: {_scalar(a.description)}
# The public address of the site; feed.xml, pages and media are published under it.
url: {_scalar(a.url)}
# ISO 639 language code: en, en-gb, de, fr-ca ...
language: {_scalar(a.language)}
# Shown as the show's creator (Spotify requires it).
author: {_scalar(a.author)}
# Apple writes to this address (it is in the feed, but apps do not show it).
owner:
  name: {_scalar(a.author)}
  email: {_scalar(a.email)}
# One of Apple's categories: {categories}
category: {_scalar(a.category)}
{sub}
explicit: {'true' if a.explicit else 'false'}
# Square JPEG or PNG, 1400 to 3000 px, RGB. Put the file next to show.yml.
artwork: artwork.jpg
# The show's podcast:guid, made from its first feed address: apps and directories know the show by it. Keep it
# forever, also when the show moves to another address.
podcast_guid: {first_podcast_guid(a.url)}

# --- Optional ------------------------------------------------------------------------
# episodic (newest first) or serial (oldest first; every episode needs a number)
# type: episodic
# feed_url: https://example.org/podcast/feed.xml    # default: url + feed.xml
# media_url: https://cdn.example.org/podcast/       # where enclosures are served from (default: url)
# copyright: CC BY 4.0, {a.author}                  # no © sign and no year (PSP-1)
# keywords: [one, two, three]
# locked: true         # podcast:locked: other platforms may not import this feed
# locked_owner: {a.email}
# medium: podcast      # podcast, music, video, film, audiobook, newsletter, blog
# license:
#   name: CC-BY-4.0
#   url: https://creativecommons.org/licenses/by/4.0/
# funding:
#   - url: https://example.org/support
#     text: Support the show
# persons:
#   - name: Your Name
#     role: host       # host, guest, producer, ... (Podcasting 2.0 taxonomy)
#     href: https://example.org/about
#     img: https://example.org/you.jpg
# location:
#   name: Austin, TX
#   geo: geo:30.2672,-97.7431
# update_frequency:
#   text: Weekly
#   rrule: FREQ=WEEKLY
# seasons:
#   1: Season name
# links:               # subscribe buttons on the pages
#   Apple Podcasts: https://podcasts.apple.com/podcast/id...
# support:             # support services shown with content notes
#   Helpline name and number: https://example.org/
# new_feed_url: ...    # only when this feed moves away: itunes:new-feed-url
# block: false         # itunes:block: hide the show from directories
# complete: false      # itunes:complete: no more episodes will come
# feed_limit: 0        # newest N episodes in feed.xml (0 = all)
# page_size: 20        # episodes per index page
# words:               # the pages' own words in your words (they follow `language`): docs/templates.md
#   subscribe: Follow the show
# tag_on_build: true   # write tags into the published copy of each audio file
# checks:
#   ignore: [EP020]
# social: disabled     # podcast:socialInteract: or where comments live, a list of {{protocol, uri, account_id}}
# value: ...           # Lightning payments (podcast:value): docs/feeds.md, "Value for Value and comments"
# txt:                 # podcast:txt: a text a platform asks you to put in the feed
#   - {{purpose: verify, value: CODE-FROM-THE-PLATFORM}}
# podroll:             # shows you recommend (podcast:podroll)
#   - {{feed_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810, title: Another show}}
# artwork_alt: ...     # the artwork described for screen readers in a line (podcast:image alt, the pages' alt)
# chat:                # the show's always-on chat room (podcast:chat): protocol irc, xmpp, nostr or matrix
#   {{server: irc.libera.chat, protocol: irc, space: "#your-show"}}
# publisher:           # the publisher feed of the organisation behind the show (podcast:publisher)
#   {{feed_guid: ..., feed_url: https://example.org/publisher.xml}}
# publish:             # where 'mediafeed publish' puts the built site (docs/publish.md: S3, R2, rsync, ...)
#   targets:
#     web:
#       type: directory
#       path: /var/www/podcast   # a web server's folder, outside the show folder
"""


TEMPLATES_TEXT = """\
# Overriding the theme

Pages are rendered with Jinja2 from a search path: a template in this folder
wins over the default theme's template of the same name.

- Copy only what you change. To change one block of the episode page, extend
  the default instead of copying it:

      {% extends "default/episode.html" %}
      {% block main %}{{ super() }}<p>Thanks for listening!</p>{% endblock %}

  A block the default template does not have is ignored without a word: the
  blocks are title, head_early, description, head, body_class, header, main,
  footer and scripts (docs/templates.md lists them).
- Templates: base.html, index.html, episode.html, embed.html, fragment.html,
  player.html, 404.html. Assets in templates/assets/ replace the default ones
  of the same name (assets/style.css, assets/player.js, assets/theme.js).
- What each template receives (show, site, item, items, ...) is documented in
  mediafeed's docs/templates.md (mediafeed/site.py: PageContext) and stays
  stable between versions.
- Autoescaping is on: show notes arrive already sanitised as HTML.
"""


# -- add ------------------------------------------------------------------------------------------------------


@frozen
class NewEpisode:
    """What ``add`` wrote."""

    slug: str
    path: Path  #: the new episode.md
    audio: str
    guid: str
    title: str
    date: datetime
    season: int | None
    number: int | None
    episode_type: str
    draft: bool
    duration: float
    problems: tuple[Problem, ...] = ()  #: what check will say of the audio at once (MED010: a format apps do not take)
    chapters: int = 0  #: chapters found in the audio file, written to chapters.txt
    #: the source's own name (slugified) when the copy was named after the episode instead (:func:`episode_audio_name`)
    renamed: str = ""
    renamed_because: str = ""  #: another episode's file that has that name, or that it is a generic one

    def to_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "file": f"{EPISODES_DIR}/{self.slug}/{EPISODE_FILE}", "audio": self.audio,
                "renamed_from": self.renamed or None, "renamed_because": self.renamed_because or None,
                "guid": self.guid, "title": self.title, "date": self.date.isoformat(), "season": self.season,
                "episode": self.number, "type": self.episode_type, "draft": self.draft,
                "duration": round(self.duration, 3), "chapters": self.chapters,
                "problems": [p.to_dict() for p in self.problems]}


#: what slugify makes of characters by their Unicode category: invisible formatting (soft hyphen, zero-width joiner,
#: direction marks) is nothing; symbols, controls and unassigned code points are word breaks
_SLUG_GAPS = {"Cf": "", "Cc": " ", "Co": " ", "Cn": " ", "Cs": " ", "Sm": " ", "Sc": " ", "Sk": " ", "So": " "}


def slugify(text: str, limit: int = 60) -> str:
    """A URL-safe slug: ASCII lower case, digits and '-', at most ``limit`` characters.

    Letters of every script are spelt in ASCII by anyascii (``Straße`` → ``strasse``, ``Ærø`` → ``aero``,
    ``Łódź`` → ``lodz``, ``Пример`` → ``primer``, ``日本語`` → ``ribenyu``); dropping what Unicode's decomposition
    does not turn into ASCII lost whole words (``strae``, ``r``, an empty slug for Cyrillic). Symbols (emoji,
    ``©``, ``€``) and control characters are word breaks, never spelt out (anyascii writes 🎙 as ``:microphone2:``);
    invisible ones (a soft hyphen) are dropped, and so are apostrophes within words (``what’s`` → ``whats``).
    Only new slugs are made so: an episode's folder name never changes.
    """
    from anyascii import anyascii  # (only `add` and `import` make slugs: a build never loads its tables)

    kept = "".join(_SLUG_GAPS.get(unicodedata.category(char), char) for char in unicodedata.normalize("NFKC", text))
    spelt = re.sub(r"(?<=[a-z0-9])'(?=[a-z0-9])", "", anyascii(kept).lower())  # what's, what’s (spelt ') → whats
    slug = re.sub(r"[^a-z0-9]+", "-", spelt).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    slug = slug.strip("-")
    # Windows refuses a file or folder of these names (with any extension): an episode titled "CON" made a show
    # folder that cannot be copied, synced or cloned there
    return f"{slug}-episode" if slug in WINDOWS_DEVICES else slug


def unique_slug(base: str, taken: set[str]) -> str:
    base = base or "episode"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug


def existing_episodes(root: Path) -> list[dict[str, Any]]:
    """Front matter of every episode folder (slug in ``_slug``), unreadable ones skipped."""
    base = root / EPISODES_DIR
    out: list[dict[str, Any]] = []
    if not base.is_dir():
        return out
    # Not hidden folders: the build skips them, and an interrupted import's ".<slug>.import" is one (counted, it made
    # the rerun skip its GUID "already there" while the episode never reached the show).
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        data: dict[str, Any] = {"_slug": folder.name}
        try:
            match = FRONT_MATTER.match((folder / EPISODE_FILE).read_text(encoding="utf-8").lstrip("\ufeff"))
        except (OSError, UnicodeDecodeError):
            match = None
        if match:
            loaded, problems = load_yaml(match.group(1), folder.name)
            if not problems and isinstance(loaded, dict):
                data.update(loaded)
            else:
                data.update(_guid_alone(match.group(1), folder.name))
        out.append(data)
    return out


_GUID_LINE = re.compile(r"^guid:[ \t]*(\S[^\n]*)$", re.M)


def _guid_alone(front: str, slug: str) -> dict[str, Any]:
    """``{"guid": …}`` from front matter that does not load as a whole (a key written twice, a stray tab): a
    mistake elsewhere must not hide the episode's GUID, or a second ``mediafeed import`` of the same feed added the
    episode again, as ``<slug>-2`` with the same GUID."""
    found = _GUID_LINE.search(front)
    if not found:
        return {}
    loaded, problems = load_yaml("guid: " + found.group(1), slug)  # numbers kept as written, as in a whole load
    return {"guid": loaded["guid"]} if not problems and isinstance(loaded, dict) and loaded.get("guid") else {}


def next_number(episodes: list[dict[str, Any]], season: int | None) -> int:
    """One more than the highest episode number in ``season`` (all episodes when there are no seasons)."""
    numbers: list[int] = [e["episode"] for e in episodes
                          if isinstance(e.get("episode"), int) and (season is None or e.get("season") == season)]
    return max(numbers, default=0) + 1


def latest_season(episodes: list[dict[str, Any]]) -> int | None:
    seasons = [e["season"] for e in episodes if isinstance(e.get("season"), int) and not isinstance(e.get("season"), bool)]
    return max(seasons) if seasons else None


#: words that name no episode: what editors and DAWs call every export (``final.mp3``, ``episode-master.wav``) and
#: what hosts end every enclosure in (Acast's ``media.mp3``, Simplecast's ``default.mp3``)
GENERIC_WORDS = frozenset({"audio", "bounce", "default", "edit", "ep", "episode", "export", "final", "master", "media",
                           "mix", "mixdown", "output", "podcast", "recording", "track", "untitled"})


def episode_audio_name(source: Path, slug: str, episodes: list[dict[str, Any]]) -> tuple[str, str, str]:
    """The new episode's audio file name; when it is not the source's own name as it is, that name and why.

    The source's name is kept unless it is already another episode's file name or made of generic words alone
    (``final.mp3``, ``final-mix.mp3``): podcast apps that save a download under the URL's last segment (podboat,
    wget scripts, some car and MP3-player sync tools) keep one file for every episode whose enclosure ends in
    ``/final.mp3``. Such a copy is named after the episode (``012-title.mp3``). Another episode's files are its
    ``audio`` and the ``file`` of each of its ``alternate_enclosures``, whether it is published, scheduled or a draft
    (the files EP013 compares: a new copy's name costs nothing to choose)."""
    ext = os.path.splitext(source.name)[1].lower()
    own = slugify(source.stem)
    taken = {name.casefold(): f"{EPISODES_DIR}/{episode['_slug']}/{name}" for episode in episodes
             for name in _media_names(episode)}
    # the episode's name, unless another episode's file has it too (a folder renamed since, an imported file)
    named = next(name for n in range(1, len(taken) + 2)
                 if (name := slug + (f"-{n}" if n > 1 else "") + ext).casefold() not in taken)
    if not own:
        return named, source.name, "its name has no letter or digit to keep"
    if (own + ext).casefold() in taken:
        return named, source.name, f"{taken[(own + ext).casefold()]} has that name"
    if set(own.split("-")) <= GENERIC_WORDS:
        return named, source.name, "a name editors give every export"
    if own + ext != source.name:  # slugified: the producer looks for "My Episode (final).mp3" otherwise
        return own + ext, source.name, SPELT_FOR_URLS
    return own + ext, "", ""


#: why ``add`` renamed a file whose name is kept but spelt as a slug (no apps sentence: no other file shares it)
SPELT_FOR_URLS = "file names in the feed's addresses are lower-case letters, digits and hyphens"


def _media_names(episode: dict[str, Any]) -> list[str]:
    """The media files an episode's front matter names (as :func:`existing_episodes` read it): its ``audio`` and its
    alternate enclosures' ``file``s."""
    names = [episode.get("audio")]
    alternates = episode.get("alternate_enclosures")
    if isinstance(alternates, list):
        names += [alternate.get("file") for alternate in alternates if isinstance(alternate, dict)]
    return [name for name in names if isinstance(name, str) and name]


def from_tag(text: str) -> str:
    """A media file's own tag (its title, comment or a chapter's title) as ``add`` writes it into episode.md or
    chapters.txt: without the characters every read of those files removes with a warning (SRC022, control
    characters; SRC023, C1 controls, read as the Windows-1252 characters they stand for) and with a direction control
    it leaves open closed at its end. A title tag holding ``\x1b[2J`` (an encoder's or a guest's) was written as it
    was, and every check and build after warned twice about text the producer never typed (``--strict`` failed)."""
    return close_directions(html_safe(XML_FORBIDDEN.sub("", text)))


def title_from_file(path: Path) -> str:
    stem = re.sub(r"[_\s]+", " ", path.stem.replace("-", " ")).strip()
    return stem[:1].upper() + stem[1:] if stem else "Untitled"


def _not_a_file(source: Path) -> Problem:
    """ADD001: ``source`` is not there, or is no regular file: a named pipe (a recorder's or a script's stream), a
    socket, a device, a link to nothing. Each said as what it is (a pipe was "no such audio file": it is there)."""
    import stat

    from .sourcelinks import what

    try:
        mode = source.lstat().st_mode
    except OSError:
        return error("ADD001", str(source), "no such audio file", field="AUDIO", hint="check the path")
    with contextlib.suppress(OSError):
        if stat.S_ISLNK(mode) and stat.S_ISDIR(source.stat().st_mode):  # (click refuses a folder named as it is)
            return error("ADD001", str(source), f"{what(str(source), mode)}, not an audio file", field="AUDIO",
                         hint="name the audio file itself")
        mode = source.stat().st_mode  # a link to a pipe is a pipe
    kind = what(str(source), mode)
    if stat.S_ISLNK(mode):  # (a link that still is one after stat: its target is not there, or a loop)
        return error("ADD001", str(source), f"no such audio file: it is {kind}", field="AUDIO",
                     hint="correct the link's target, or name the audio file itself")
    hint = ("copy the recording into a file and add that file: a named pipe holds no audio of its own, only what a "
            "program writes into it while both run" if stat.S_ISFIFO(mode) else "name the audio file itself")
    return error("ADD001", str(source), f"{kind}, not an audio file", field="AUDIO", hint=hint)


def add_episode(root: Path, source: Path, *, title: str = "", date: datetime, season: int | None = None,
                number: int | None = None, episode_type: str = "full", draft: bool = False, move: bool = False,
                slug: str = "") -> NewEpisode:
    """Create ``episodes/<slug>/`` for ``source``. Raises without writing anything when it cannot."""
    root = root.resolve()
    if not (root / SHOW_FILE).is_file():
        raise InputError(no_show(root))
    if not source.is_file():
        raise InputError(_not_a_file(source))
    if episode_type not in EPISODE_TYPES:
        raise InputError(error("ADD004", str(source), f"unknown episode type {quoted(episode_type, 200)}", field="--type",
                               hint=f"use one of {', '.join(EPISODE_TYPES)}"))
    try:
        media = audio.probe(source, str(source))  # raises MediaError naming the file, as given, when it is not usable audio
    except MediaError as exc:  # no episode.md yet: the fix is to add the mended file
        raise MediaError([_for_add(p) for p in exc.problems]) from None
    episodes = existing_episodes(root)
    same = same_recording(root, source, media, episodes)
    # a tag of spaces (some encoders write one) is no title: the file's name is used, as when there is no tag
    title = title.strip() or from_tag(media.tags.get("title", "")).strip() or title_from_file(source)
    if season is None:
        season = latest_season(episodes)
    if number is None and episode_type == "full":
        number = next_number(episodes, season)
    taken = {e["_slug"] for e in episodes}
    if slug:
        if not SLUG.match(slug):
            raise InputError(error("ADD002", slug, "not a safe folder name", field="--slug",
                                   hint="use lower-case letters, digits, '-', '.' and '_'"))
        if slug in taken:
            raise InputError(error("ADD003", f"{EPISODES_DIR}/{slug}", "an episode with this slug already exists; nothing was changed",
                                   field="--slug", hint="choose another --slug, or leave it out for a unique one"))
    else:
        words = slugify(title)
        base = f"{number:03d}-{words}" if number is not None and words else (words or f"{number or 0:03d}-episode")
        slug = unique_slug(base[:80].strip("-"), taken)
    audio_name, renamed, because = episode_audio_name(source, slug, episodes)
    folder = root / EPISODES_DIR / slug
    try:
        folder.mkdir(parents=True, exist_ok=False)
    except FileExistsError:
        raise InputError(error("ADD003", f"{EPISODES_DIR}/{slug}", "the folder already exists; nothing was changed",
                               hint="choose another --slug")) from None
    try:
        atomic_copy(source, folder / audio_name)
        text = episode_text(title=title, date=date, guid=new_guid(), season=season, number=number,
                            episode_type=episode_type, draft=draft, audio_name=audio_name, media=media,
                            comment=from_tag(audio.read_comment(source, media.kind)))
        atomic_write(folder / EPISODE_FILE, text.encode("utf-8"))
        if media.chapters:  # a DAW's export with chapters: for the feed's and the page's chapters too, not the audio's alone
            atomic_write(folder / CHAPTERS_FILE, chapters_text(media.chapters).encode("utf-8"))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if move:
        if (folder / audio_name).stat().st_size != source.stat().st_size:  # pragma: no cover - copy verified
            raise MediafeedError(error("ADD005", str(source), "the copy differs in size; the original was kept"))
        source.unlink()
    data, _ = load_yaml(FRONT_MATTER.match(text).group(1), slug)  # type: ignore[union-attr]
    return NewEpisode(slug=slug, path=folder / EPISODE_FILE, audio=audio_name, guid=data["guid"], title=title,
                      date=date, season=season, number=number, episode_type=episode_type, draft=draft,
                      duration=media.duration, renamed=renamed, renamed_because=because,
                      problems=_said_at_once(root, slug, audio_name, media) + _added_before(slug, audio_name, same),
                      chapters=len(media.chapters))


#: where ``add`` writes the chapters it finds in the audio file (read by default, see chapters.CHAPTER_FILES)
CHAPTERS_FILE = "chapters.txt"


def chapters_text(chapters: tuple[Chapter, ...]) -> str:
    """``chapters.txt`` lines (``00:01:30 Title [URL]``) for chapters read from an audio file, in time order."""
    lines = ["# Chapters found in the audio file by 'mediafeed add': edit them here; the build writes them into the",
             "# feed, the episode's page and the published audio."]
    for number, chapter in enumerate(sorted(chapters, key=lambda c: c.start), 1):
        title = " ".join(from_tag(chapter.title).split()) or f"Chapter {number}"
        lines.append(f"{clock(chapter.start, millis=round(chapter.start * 1000) % 1000 != 0)} {title}"
                     + (f" {chapter.url}" if chapter.url and is_url(chapter.url) else ""))
    return "\n".join(lines) + "\n"


def _for_add(problem: Problem) -> Problem:
    """A problem of the audio ``add`` was given, its hint told for a file with no episode.md yet: probe's hints say
    to write the mended file's name into episode.md; here it is the file to add."""
    hint = re.sub(r" \(and write 'audio: …(\.\w+)' in episode\.md\)$", r", then add that file", problem.hint)
    hint = re.sub(r", then name it (\S+) and write 'audio: \1'(?: in episode\.md)?$", r", then add it as \1", hint)
    return replace(problem, hint=hint)


def same_recording(root: Path, source: Path, media: Media, episodes: list[dict[str, Any]]) -> str:
    """The audio file (``episodes/<slug>/<name>``) of an episode of the show whose audio is ``source``'s: the same
    export added twice made two episodes of one recording without a word. Cheap: only a file whose audio is of the
    same size (``audio.payload_size``: an MP3's without its tags, an MP4's media data) is read, and compared by its audio alone
    (``audio.payload_digest``), so an MP3 or M4A that ``mediafeed tag`` has tagged since is still found."""
    digest = ""
    try:
        size = audio.payload_size(source, media.kind)
    except (OSError, ValueError):
        return ""
    for episode in episodes:
        name = episode.get("audio")
        if not isinstance(name, str) or not name:
            continue
        rel = f"{EPISODES_DIR}/{episode['_slug']}/{name}"
        try:
            if not (root / rel).is_file() or audio.payload_size(root / rel, media.kind) != size:
                continue
            digest = digest or audio.payload_digest(source, media.kind)
            if audio.payload_digest(root / rel, media.kind) == digest:
                return rel
        except (OSError, ValueError):  # unreadable, or not of this kind: not this recording
            continue
    return ""


def _added_before(slug: str, audio_name: str, same: str) -> tuple[Problem, ...]:
    """ADD007 when the new episode's audio is already the audio of ``same``: added all the same (a re-release of a
    recording is the producer's choice), and said at once, while the mistake is cheap to undo."""
    if not same:
        return ()
    return (warning("ADD007", f"{EPISODES_DIR}/{slug}/{audio_name}", f"the same recording (audio) as {same}: the "
                    "show would publish it twice", field="AUDIO", episode=slug,
                    hint=f"if it was added by mistake, remove {EPISODES_DIR}/{slug}/ (nothing else was changed)"),)


def _said_at_once(root: Path, slug: str, audio_name: str, media: Media) -> tuple[Problem, ...]:
    """A field recorder's WAV is added, but told now that Apple will not take it, not at the next build (unless
    show.yml's ``checks`` leave MED010 out, as check and build then do)."""
    if media.kind in audio.APP_FORMATS:
        return ()
    from .checks import filter_problems
    from .checks.episodes import unaccepted_format
    from .config import load_show

    return tuple(filter_problems([unaccepted_format(slug, audio_name, media.mime, media.codec)], load_show(root)[0]))


#: A comment tag longer than this (bytes, Apple's limit for a description) is show notes: the body, not the summary.
SUMMARY_LIMIT = 4000


def episode_text(*, title: str, date: datetime, guid: str, season: int | None, number: int | None,
                 episode_type: str, draft: bool, audio_name: str, media: Media, comment: str = "") -> str:
    """The new episode's ``episode.md``; ``comment``: the audio file's own (``audio.read_comment``), the summary."""
    lines = [
        "---",
        f"title: {_scalar(title)}",
        f"date: {date.isoformat()}",
        "# Never change the GUID: apps use it to know this episode.",
        f"guid: {guid}",
    ]
    if season is not None:
        lines.append(f"season: {season}")
    if number is not None:
        lines.append(f"episode: {number}")
    lines += [f"type: {episode_type}", f"audio: {_scalar(audio_name)}"]
    summary, notes = comment.strip(), ""
    if len(summary.encode("utf-8")) > SUMMARY_LIMIT:  # a file's whole show notes (some editors put them there)
        summary, notes = "", summary
    lines.append(f"summary: {_scalar(summary)}" if summary else "# summary: one or two plain sentences for apps")
    if draft:
        lines.append("draft: true   # remove this line to publish")
    lines += ["# explicit: false", "# artwork: cover.jpg", "# persons: [{name: Guest Name, role: guest}]", "---", ""]
    found = media.duration
    minutes, seconds = divmod(whole_seconds(found), 60)
    lines += [f"<!-- Show notes in Markdown below. The audio is {minutes}:{seconds:02d} long. -->", ""]
    if notes:
        lines += [notes, ""]
    return "\n".join(lines)
