"""What was published, so that nothing a subscriber depends on changes silently.

``published.json`` at the show root (commit it with the show) records, for every
episode a build has published (``mediafeed publish`` records it once the feed naming it is on the target, not
before: a publish that failed earlier showed it to no one), its GUID, enclosure URL, duration and enclosure
length (bytes; ledgers written before mediafeed recorded it are read as they are
and get it on the next build) and the URLs of the ``podcast:alternateEnclosure`` files
published with it (``alternates``, when it has any: ``publish --delete`` keeps them like the
enclosure) and the URLs ``--accept-changes`` moved it from (``moved_from``, kept the same way), plus the show's
``podcast:guid`` and feed URL, and the size in bytes of each artwork file (the show's, an episode's own) at the URL it
was published at (``artwork``; a new picture is a new size).
Before writing anything, a build compares the episodes against it:

* LED001 error: an episode folder that was published with one GUID now has another;
* LED002 error: a published GUID now has a different enclosure URL (one problem for all the episodes whose
  URLs moved with show.yml's ``url`` or ``media_url``, listing them in its ``episodes``);
* LED003 error: the audio at a published URL was re-cut (its duration changed):
  apps loop on a file that changes length at the same URL; give it a new name;
* LED004 error: the show's ``podcast:guid`` changed (it must outlive feed moves);
* LED005 warning: a published episode is gone from the feed (not when its record says ``"withdrawn": true``:
  ``--accept-changes`` writes that for each recorded episode not in the feed, and the episode's return drops it);
* LED008 error: the feed would be published at another URL than the recorded one (``url`` or
  ``feed_url`` changed): every subscriber keeps polling the old address.
* LED009 warning: another picture at a published artwork URL: apps cache artwork by URL and keep the old one.

When ``published.json`` records no episode (lost, emptied), :func:`lost_ledger` holds the build to the feed the last
build wrote into the output folder instead (LED001, LED002, LED004).

After tagging (which aims for the published length, see :mod:`tagging`), :func:`length_changes` reports

* LED007 warning: the published file's length changes at the same URL (the new tags did not fit).

``mediafeed build --accept-changes`` records deliberate changes instead. A length change
(LED007) is recorded by the build that makes it: the feed says the new length from then on.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .atomicfiles import atomic_write
from .characters import HTML_FORBIDDEN, html_safe
from .config import SHOW_FILE
from .episodes import ACCENTS, EPISODES_DIR, unicode_form, unicode_rename
from .errors import Problem, Severity, error, warning
from .model import Episode, Item, Show
from .records import mutable
from .source import XML_FORBIDDEN, RepeatedKey, guid_line, load_json, quoted, repeated_problems, unseen

if TYPE_CHECKING:
    from .project import Project

LEDGER_FILE = "published.json"
#: the command every hint of a deliberate change names: :func:`for_command` names the one the producer ran instead
ACCEPT = "mediafeed build --accept-changes"
ACCEPT_HINT = f"if this change is deliberate, run '{ACCEPT}' to record it"
WITHDRAW_HINT = (f"if you withdrew it on purpose, '{ACCEPT}' records that in published.json and "
                 "this warning stops (its GUID stays recorded: it comes back as the same episode)")


def for_command(problems: Iterable[Problem], command: str) -> list[Problem]:
    """``problems`` with the hints that name ``mediafeed build --accept-changes`` naming ``command`` instead (``mediafeed
    publish web --accept-changes``): a publish builds, and its LED002 told the producer who ran it to run a build and
    then the publish again; after a GUID's change (LED001) that publish stopped once more, as the feed on the target
    still has the old GUID, and asked for ``publish --accept-changes`` (which does both)."""
    return [replace(p, hint=p.hint.replace(ACCEPT, command)) if ACCEPT in p.hint else p for p in problems]


@mutable
class Ledger:
    podcast_guid: str = ""
    feed_url: str = ""
    episodes: dict[str, dict[str, object]] = field(default_factory=dict)  #: GUID → {slug, enclosure, duration, length, alternates?, moved_from?, withdrawn?}
    artwork: dict[str, int] = field(default_factory=dict)  #: artwork URL → the published file's size in bytes

    def to_json(self) -> bytes:
        data: dict[str, object] = {
            "about": "Written by mediafeed: what subscribers have seen. Commit it; do not edit by hand.",
            "podcast_guid": self.podcast_guid,
            "feed_url": self.feed_url,
        }
        if self.artwork:  # (ledgers written before it was recorded keep their bytes until a build records it)
            data["artwork"] = {url: self.artwork[url] for url in sorted(self.artwork)}
        data["episodes"] = {guid: self.episodes[guid] for guid in sorted(self.episodes)}
        return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def load(root: Path) -> tuple[Ledger, list[Problem]]:
    path = root / LEDGER_FILE
    if not path.exists():
        return Ledger(), []
    repeated: list[RepeatedKey] = []  # (an episode's GUID written twice, after a merge, lost its first record silently)
    try:
        text = path.read_text(encoding="utf-8")
        conflict = _merge_conflict(text)
        if conflict:
            return Ledger(), [conflict]
        data = load_json(text, repeated)  # (a thousand nested "[" was exit code 3)
        shape = _shape(data)
        if any(problem.severity.rank >= Severity.ERROR.rank for problem in shape):
            return Ledger(), shape
        episodes = data.get("episodes", {})
        if not isinstance(episodes, dict):
            raise ValueError("'episodes' is not a mapping")
        artwork = data.get("artwork", {})
        if not isinstance(artwork, dict):
            raise ValueError("'artwork' is not a mapping")
        return Ledger(str(data.get("podcast_guid", "")), str(data.get("feed_url", "")),
                      {str(k): dict(v) for k, v in episodes.items()},
                      {str(k): int(v) for k, v in artwork.items() if isinstance(v, int)}), \
            shape + repeated_problems(repeated, "LED000", LEDGER_FILE)
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        return Ledger(), [error("LED000", LEDGER_FILE, f"cannot read the record of published episodes: {exc}",
                                hint="restore it from version control; it protects your subscribers")]


#: published.json's keys, and what each holds (``_shape``)
_TOP_KEYS = ("about", "podcast_guid", "feed_url", "artwork", "episodes")
_RECORD_KEYS = ("slug", "enclosure", "duration", "length", "alternates", "moved_from", "withdrawn")
#: a number's class as the JSON decoder makes it (not bool, a subclass of int)
_NUMBERS = frozenset({int, float})
_EDIT_HINT = ("published.json is written by mediafeed (a hand edit or a merge changed it): restore it from version "
              "control ('git log -p published.json' shows the change), or correct the value")


def _shape(data: object) -> list[Problem]:
    """LED000 for a published.json whose keys or values mediafeed never writes, each named with its place. A hand edit
    went unnoticed: an episode record without ``enclosure`` (a misspelt key) read "enclosure URL changed from None" with
    the hint "write 'audio: None' again"; ``"episode": {…}`` for ``"episodes"`` recorded nothing, so the next build
    recorded whatever it found; a record that was not an object said "dictionary update sequence element #0 has length
    1; 2 is required"; ``"withdrawn": "yes"`` was not a withdrawal. An unknown key is a warning (a newer mediafeed may
    write one), with the known key it resembles."""

    def bad(place: str, message: str) -> Problem:
        return error("LED000", LEDGER_FILE, message, field=place, hint=_EDIT_HINT)

    def unknown(place: str, key: str, known: tuple[str, ...]) -> Problem:
        import difflib  # (here: only for a key mediafeed never writes; every build reads published.json)

        close = difflib.get_close_matches(key, known, n=1)
        return warning("LED000", LEDGER_FILE, "unknown key, not read", field=place,
                       hint=(f"did you mean '{close[0]}'? " if close else "") + f"known keys: {', '.join(known)}")

    if not isinstance(data, dict):
        return [bad("(top)", "not a JSON object")]
    found = [unknown(str(key), str(key), _TOP_KEYS) for key in data if key not in _TOP_KEYS]
    for key in ("podcast_guid", "feed_url"):
        if key in data and not isinstance(data[key], str):
            found.append(bad(key, f"{json.dumps(data[key])[:60]} is not text"))
    if "episodes" not in data and data.keys() - {"about"}:
        found.append(bad("episodes", "missing: the file records no episode (a new show's has \"episodes\": {})"))
    artwork = data.get("artwork", {})
    if not isinstance(artwork, dict):
        found.append(bad("artwork", "not an object (artwork URL → its size in bytes)"))
    else:
        found += [bad(f"artwork.{url}", "not a size in bytes") for url, size in artwork.items()
                  if not isinstance(size, int) or isinstance(size, bool) or size < 0]
    episodes = data.get("episodes", {})
    if not isinstance(episodes, dict):
        return found + [bad("episodes", "not an object (GUID → the episode's record)")]
    for guid, record in episodes.items():
        if record.__class__ is dict and len(record) == 4 and record.get("slug").__class__ is str \
                and record.get("enclosure").__class__ is str and record["enclosure"] \
                and record.get("duration").__class__ in _NUMBERS and record.get("length").__class__ in _NUMBERS:
            continue  # (a record as mediafeed writes it: slug, enclosure, duration, length; checked at every build)
        place = f"episodes.{guid}"
        if not isinstance(record, dict):
            found.append(bad(place, "not an object (the episode's slug, enclosure, duration, length)"))
            continue
        found += [unknown(f"{place}.{key}", str(key), _RECORD_KEYS) for key in record if key not in _RECORD_KEYS]
        if not isinstance(record.get("enclosure"), str) or not record["enclosure"]:
            found.append(bad(f"{place}.enclosure", "missing: the URL subscribers were given" if "enclosure" not in record
                             else f"{json.dumps(record['enclosure'])[:60]} is not a URL"))
        if "slug" in record and not isinstance(record["slug"], str):
            found.append(bad(f"{place}.slug", f"{json.dumps(record['slug'])[:60]} is not a folder name"))
        for key in ("duration", "length"):
            if key in record and (not isinstance(record[key], (int, float)) or isinstance(record[key], bool)):
                found.append(bad(f"{place}.{key}", f"{json.dumps(record[key])[:60]} is not a number"))
        for key in ("alternates", "moved_from"):
            if key in record and not (isinstance(record[key], list) and all(isinstance(u, str) for u in record[key])):
                found.append(bad(f"{place}.{key}", "not a list of URLs"))
        if "withdrawn" in record and record["withdrawn"] is not True:
            found.append(bad(f"{place}.withdrawn", f"{json.dumps(record['withdrawn'])[:60]} is not true (mediafeed "
                             "writes only true; leave the key out for an episode in the feed)"))
    return found


#: git's conflict markers at the start of a line: <<<<<<< ours, ||||||| base (diff3), =======, >>>>>>> theirs
_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \t]|\r?$)", re.M)
_MARKERS = ("<" * 7, "|" * 7, "=" * 7, ">" * 7)


def _merge_conflict(text: str) -> Problem | None:
    """LED000 for a ledger holding git's conflict markers: two copies of the show each published episodes and the merge
    of their ``published.json`` stopped half-way. It read "Expecting property name enclosed in double quotes: line 45
    column 1", with the hint to restore the file from version control, which holds only one side. (Looked for only in
    a text that holds a marker somewhere: the pattern, tried at every character, cost 4 ms a build at 1,000 episodes.)"""
    if not any(marker in text for marker in _MARKERS):
        return None
    found = [(text.count("\n", 0, match.start()) + 1, match.group(1)) for match in _MARKER.finditer(text)]
    if not found:
        return None
    lines = ", ".join(f"{line} ({marker})" for line, marker in found[:6]) + (", …" if len(found) > 6 else "")
    return error("LED000", LEDGER_FILE, f"published.json holds an unfinished git merge: conflict markers at line "
                 f"{lines}; both copies of the show published the episodes recorded between them",
                 hint="keep the records of both sides: delete the marker lines (<<<<<<<, ||||||| and the base lines "
                 "after it if any, =======, >>>>>>>) and keep every episode on either side, with a comma between two "
                 "records ('python -m json.tool published.json' names a missing one); then 'git add published.json' "
                 "and build again (a GUID on both sides with other values is LED000 again, naming it). Taking one side "
                 "('git checkout --ours') drops the other side's records, and with them the check of its episodes")


#: what the last build's feed promised that a build without published.json must not change unasked (as publish's
#: check of the feed on the target: publish/run.py)
_PROMISED = ("LED001", "LED002", "LED004")


def lost_ledger(root: Path, ledger: Ledger, project: Project, items: list[Item], out_dir: Path, *,
                accepting: bool = False) -> list[Problem]:
    """LED001, LED002, LED004 against the feed the last build wrote into ``out_dir``, when ``published.json`` records no
    episode (deleted, lost in a merge, emptied by hand) and that feed is mediafeed's. The build recorded whatever it
    found as if it had always been: a folder renamed in the same change went out under a new enclosure URL, and only a
    publish to a target holding the old feed could still stop it. ``accepting`` (``--accept-changes``): LED004 alone,
    which it does not accept (:func:`podcast_guid_changed`); LED004's hint names the ``podcast_guid:`` line to add, as
    with published.json (it said to run ``--accept-changes``, which published the new podcast:guid)."""
    if ledger.episodes:
        return []
    old_feed = out_dir / "feed.xml"
    try:
        with old_feed.open("rb") as handle:
            from .checks.http import Limits  # (the most of a feed mediafeed reads, as check FEED does; a cold build
            data = handle.read(Limits.max_feed_bytes + 1)  # has no feed there, and does not import the HTTP checks)
    except OSError:
        return []
    if b"<generator>mediafeed" not in data[:65536] or len(data) > Limits.max_feed_bytes:
        return []
    from .checks.feedxml import parse, text
    from .checks.history import compare as compare_feeds
    from .checks.showfeed import document, locate
    from .errors import MediafeedError

    try:
        old, _ = parse(data, "feed.xml")
        new, _ = document(project, items)
    except MediafeedError:
        return []
    if old is None or new is None:
        return []
    was = "is missing" if not (root / LEDGER_FILE).exists() else "records no episode"
    hint = (f"{LEDGER_FILE} {was}, and {old_feed} (the feed the last build wrote) says otherwise: restore "
            f"{LEDGER_FILE} from version control ('git checkout -- {LEDGER_FILE}'), or give back the old value; if the "
            "change is deliberate, run 'mediafeed build --accept-changes' to record it")
    guid_hint = (f"{LEDGER_FILE} {was}, and {old_feed} (the feed the last build wrote) has the show's podcast:guid: "
                 f"{_keep_guid_hint(text(old, old.channel, 'podcast:guid') or '')}, and restore {LEDGER_FILE} from version "
                 f"control ('git checkout -- {LEDGER_FILE}')")
    found = [replace(p, hint=guid_hint if p.code == "LED004" else hint) for p in compare_feeds(old, new)
             if p.code in (("LED004",) if accepting else _PROMISED)]
    return locate(found, items)


def artwork_files(root: Path, show: Show, items: list[Item]) -> dict[str, tuple[int, str, str]]:
    """The artwork the feed names, by URL: (the file's size in bytes, the file that names it, the episode's slug or
    ""). The show's artwork and each episode's own; a file that cannot be read is left out (SRC041 says why)."""
    from .site import url_path

    named: dict[str, tuple[str, str, str]] = {}
    if show.artwork:
        named[show.absolute(url_path(show.artwork))] = (show.artwork, SHOW_FILE, "")
    for item in items:
        if item.image_path and item.image_url:
            named.setdefault(item.image_url, (item.image_path, item.episode.source, item.episode.slug))
    found = {}
    for url, (rel, source, slug) in named.items():
        try:
            found[url] = ((root / rel).stat().st_size, source, slug)
        except OSError:
            continue
    return found


def _artwork_changed(ledger: Ledger, artwork: dict[str, tuple[int, str, str]]) -> list[Problem]:
    """LED009: a published artwork URL whose file is now another size, so another picture: Apple and the apps cache
    artwork by URL and keep showing the old one (PODCAST-RULES.md: a new image gets a new URL)."""
    problems = []
    for url, (size, source, slug) in sorted(artwork.items()):
        old = ledger.artwork.get(url)
        if old is not None and old != size:
            name = url.rstrip("/").rsplit("/", 1)[-1]
            stem, dot, ext = name.rpartition(".")
            problems.append(warning("LED009", source, f"the artwork published at {url} is another picture now ({old} "
                                    f"bytes then, {size} now): apps cache artwork by its URL and keep showing the old "
                                    "one", field="artwork", episode=slug,
                                    hint=f"give the new picture a new file name (e.g. {stem or name}-2{dot}{ext}) and "
                                    "name it in 'artwork:'; to keep the name anyway, 'mediafeed build --accept-changes' "
                                    "records the new picture (apps may show the old one for months)"))
    return problems


def compare(ledger: Ledger, show: Show, items: list[Item], held: dict[str, tuple[Episode, str]] | None = None,
            artwork: dict[str, tuple[int, str, str]] | None = None) -> list[Problem]:
    """Every change of what subscribers have seen. ``held``: GUID → (episode, "draft" or "scheduled") of the
    episodes kept out of the feed on purpose, so that LED005 says why one of them left it (its hint said "restore
    the folder" of an episode whose folder was there, made a draft or dated in the future). ``artwork``:
    :func:`artwork_files` (None: not compared)."""
    held = held or {}
    problems: list[Problem] = _artwork_changed(ledger, artwork) if artwork else []
    problems += podcast_guid_changed(ledger, show)
    if ledger.feed_url and show.feed_url and ledger.feed_url != show.feed_url:
        problems.append(_feed_moved(ledger.feed_url, show))
    by_slug = {str(v.get("slug")): guid for guid, v in ledger.episodes.items()}
    seen = set()
    base_moves: dict[tuple[str, str, str], list[Problem]] = {}  # (key, old base, new base) → its episodes' LED002
    for item in items:
        episode = item.episode
        seen.add(episode.guid)
        record = ledger.episodes.get(episode.guid)
        if record is None:
            old_guid = by_slug.get(episode.slug)
            if old_guid and old_guid not in {i.episode.guid for i in items}:
                problems.append(error("LED001", episode.source, f"GUID changed from {quoted(old_guid, 200)} to {quoted(episode.guid, 200)}",
                                      field="guid", episode=episode.slug,
                                      hint=f"restore '{guid_line(old_guid)}'; a new GUID makes every app download the episode again"))
                seen.add(old_guid)  # its folder is here: LED001 says what happened to it, not LED005
            continue
        if record.get("enclosure") != item.enclosure_url:
            moved = _moved(str(record.get("enclosure")), item, show, _recut(record, item))
            base = _base_move(str(record.get("enclosure")), item, show)
            if base:
                base_moves.setdefault(base, []).append(moved)
            else:
                problems.append(moved)
            continue
        recut = _recut(record, item)
        if recut:
            name = item.episode.audio
            stem, dot, ext = name.rpartition(".")
            problems.append(error("LED003", episode.source, f"the audio at a published URL changed length ({recut})",
                                  field="audio", episode=episode.slug,
                                  hint=f"give the re-cut file a new file name (e.g. {stem or name}-2{dot}{ext}; apps "
                                       f"cache by URL), write it in 'audio:' and run '{ACCEPT}' to record its "
                                       "URL; the GUID stays"))
    for (key, old_base, new_base), moves in base_moves.items():
        problems.append(moves[0] if len(moves) == 1 else _site_moved(key, old_base, new_base, moves))
    for guid, record in sorted(ledger.episodes.items()):
        if guid in seen or record.get("withdrawn") is True:  # (withdrawn on purpose: recorded by --accept-changes)
            continue
        if guid in held:
            episode, status = held[guid]
            why, undo = (("it is a draft now ('draft: true')", "remove 'draft: true'") if status == "draft" else
                         (f"its date is in the future now ({episode.date.isoformat()}): it comes back then",
                          "give it back the date it was published with"))
            problems.append(warning("LED005", episode.source, f"published episode {quoted(guid, 200)} is no longer in the feed: "
                                    f"{why}", field="draft" if status == "draft" else "date", episode=episode.slug,
                                    hint=f"subscribers keep their copy; 'mediafeed publish --delete' takes its page off "
                                    f"the site (its media stay, for them); {undo} if this was a mistake; {WITHDRAW_HINT}"))
            continue
        slug = str(record.get("slug", ""))
        # (named by its folder, as the producer knows it: the file was the bare slug, a path that is not in the show,
        # and the hint did not say that the episode's page stays on the site until a publish with --delete)
        folder = f"{EPISODES_DIR}/{slug}" if slug else guid
        problems.append(warning("LED005", folder, f"published episode {quoted(guid, 200)} (folder {folder}) is no longer in the feed",
                                field="guid", episode=slug,
                                hint="subscribers keep their copy; its page stays on the site until 'mediafeed publish "
                                "--delete' takes it off (its media stay, for them); restore the folder if this was a "
                                f"mistake; {WITHDRAW_HINT}"))
    return problems


def podcast_guid_changed(ledger: Ledger, show: Show) -> list[Problem]:
    """LED004, which ``--accept-changes`` does not accept: the Podcast Index and the apps that use it know the show by
    its podcast:guid across feed moves, and published.json keeps the first one. A build accepting a moved ``url``
    (which, with no ``podcast_guid`` in show.yml, derives another) published the new podcast:guid, and every build
    after it stopped on LED004."""
    if not (ledger.podcast_guid and show.podcast_guid and ledger.podcast_guid != show.podcast_guid):
        return []
    return [error("LED004", SHOW_FILE, f"podcast:guid changed from {ledger.podcast_guid} to {show.podcast_guid}",
                  field="podcast_guid",
                  hint=_keep_guid_hint(ledger.podcast_guid))]


def _keep_guid_hint(guid: str) -> str:
    """LED004's fix, from published.json or from the last build's feed."""
    return (f"set 'podcast_guid: {guid}' in {SHOW_FILE} (keep it when the feed moves: the Podcast Index knows the show "
            "by it; --accept-changes does not change it)")


def older_guid(guid: str) -> str:
    """What mediafeed before session 30 published for the GUID written ``guid``: its source reader removed control
    characters XML forbids (SRC022), read C1 controls as the Windows-1252 characters they stand for (U+0092 → ’,
    SRC023) and stripped white space (an NBSP, a tab, a quoted space) at either end. (A GUID of printable ASCII, almost
    every one, holds nothing the two patterns take: they ran on every episode's GUID at every build, +1.5 % of a
    one-edit rebuild's instructions at N = 1,000.)"""
    if guid.isascii() and guid.isprintable():
        return guid.strip()
    return html_safe(XML_FORBIDDEN.sub("", guid)).strip()


def _scrubbed(guid: str, forbidden: bool) -> str:
    """What :func:`older_guid` did to ``guid``, in words (``forbidden``: it held control characters XML forbids, which
    the reader took out of the episode's GUID with SRC061)."""
    changes = []
    if forbidden or XML_FORBIDDEN.search(guid):
        changes.append("removed the control characters XML forbids")
    if HTML_FORBIDDEN.search(guid):
        changes.append("read C1 control characters as the Windows-1252 characters they stand for (U+0092 as ’)")
    cleaned = html_safe(XML_FORBIDDEN.sub("", guid))
    if cleaned != cleaned.strip():
        changes.append("removed the white space at either end")
    return ", ".join(changes[:-1]) + (" and " if len(changes) > 1 else "") + changes[-1] if changes else "changed it"


def keep_published_guids(ledger: Ledger, episodes: list[Episode], problems: list[Problem]
                         ) -> tuple[list[Episode], list[Problem], dict[str, str]]:
    """An episode whose GUID as written is not in ``published.json``, whose folder it records with the form an older
    mediafeed published for it (:func:`older_guid`: a show built before session 30, whose GUIDs were scrubbed), keeps
    that form: subscribers' apps know the episode by it. Reading the GUID exactly as written would change it silently
    (LED001 stopped the build instead). Each is LED010, a warning naming the line that makes it explicit, and loses
    its SRC061 (a control character XML forbids, in the GUID as written: the published form holds none).
    Returns the episodes, the problems and slug → the GUID kept."""
    by_slug: dict[str, list[str]] = {}
    for guid, entry in ledger.episodes.items():
        by_slug.setdefault(str(entry.get("slug", "")), []).append(guid)
    used = {episode.guid for episode in episodes}
    slugs = {episode.slug for episode in episodes}
    kept: dict[str, str] = {}
    written: dict[str, tuple[str, bool]] = {}  #: slug → (the GUID as the reader gave it, whether it had SRC061)
    out = []
    for episode in episodes:
        recorded = by_slug.get(episode.slug, [])
        if not recorded and episode.guid:
            # (a folder renamed since: its record names the old folder, which is gone; the older form's record is
            # the episode's, as the GUID before session 30 told a rename, LED002. Not kept, the GUID as written was
            # a new episode to every app that does not strip it, and the old one LED005's "no longer in the feed")
            older = ledger.episodes.get(older_guid(episode.guid))
            if older is not None and str(older.get("slug", "")) not in slugs and older.get("withdrawn") is not True:
                recorded = [older_guid(episode.guid)]
        forbidden = any(p.code == "SRC061" and p.episode == episode.slug for p in problems)
        # (SRC061's GUID is the written one without the characters XML forbids: the recorded one itself, or not)
        if episode.guid and len(recorded) == 1 and recorded[0] == older_guid(episode.guid) and (forbidden or (
                episode.guid not in ledger.episodes and recorded[0] != episode.guid and recorded[0] not in used)):
            kept[episode.slug] = recorded[0]
            written[episode.slug] = (episode.guid, forbidden)
            episode = replace(episode, guid=recorded[0])
        out.append(episode)
    if not kept:
        return episodes, problems, kept
    problems = [p for p in problems if not (p.code == "SRC061" and p.episode in kept)]
    for episode in out:
        if episode.slug in kept:
            problems.append(warning(
                "LED010", episode.source, f"the GUID as written is not the one published: an older mediafeed published "
                f"this episode as {episode.guid!r} ({LEDGER_FILE} records it; it {_scrubbed(*written[episode.slug])}), "
                "and that one is kept: apps know the episode by it", field="guid", episode=episode.slug,
                hint=f"write '{guid_line(episode.guid)}' in episode.md to keep it for good; to publish the GUID as "
                "written instead (an imported show whose old host's GUID it is), 'mediafeed build --accept-changes' "
                "(every app that has the published one lists the episode again)"))
    return out, problems, kept


def restore_guid_hints(ledger: Ledger, problems: list[Problem], episodes: Iterable[Episode] = ()) -> list[Problem]:
    """SRC060 (no GUID) on an episode folder that was published: the fix is its recorded GUID, not a new one
    (``guid --assign`` would write a new GUID, which LED001 then refuses). EP135 on a GUID of ``episodes`` holding a
    character drawn as nothing: the feed's rule cannot know whether apps have the GUID; published.json does."""
    by_slug: dict[str, list[str]] = {}
    for guid, entry in sorted(ledger.episodes.items()):
        by_slug.setdefault(str(entry.get("slug", "")), []).append(guid)
    episodes = list(episodes)
    guid_of = {episode.slug: episode.guid for episode in episodes}
    out = []
    copies = _published_copies(ledger, episodes)
    for problem in problems:
        if problem.code == "EP001" and problem.episode and guid_of.get(problem.episode) in copies:
            continue  # said again below, on the copies (not on the folder that was published with the GUID)
        guid = guid_of.get(problem.episode, "") if problem.code == "EP135" and problem.field == "guid" else ""
        hidden = unseen(guid)
        if hidden and guid in ledger.episodes:
            problem = replace(problem, hint=f"it was published with this GUID ({LEDGER_FILE} records it): keep it "
                              "exactly as it is; a changed GUID makes every app download the episode again")
        elif hidden and by_slug.get(problem.episode):  # (its folder was published under another GUID: LED001)
            problem = replace(problem, hint=f"this folder was published with another GUID ({LEDGER_FILE} records it): "
                              "restore that one exactly as it was (LED001 gives its line)")
        elif hidden:
            kept = "".join(char for char in guid if char not in hidden)
            problem = replace(problem, hint=f"not published yet ({LEDGER_FILE} has no record of it): write "
                              f"'{guid_line(kept)}' in episode.md, without {'it' if len(hidden) == 1 else 'them'}; keep "
                              "it as it is only if another host published the episode with this GUID (a show imported "
                              "and not built since)")
        guids = by_slug.get(problem.episode) if problem.code == "SRC060" and problem.episode else None
        if guids:
            if len(guids) == 1:
                hint = f"restore '{guid_line(guids[0])}' (the GUID it was published with, in {LEDGER_FILE})"
            else:
                hint = f"restore the GUID it was last published with, one of {', '.join(guids)} (in {LEDGER_FILE})"
            problem = replace(problem, hint=hint + "; a new GUID makes every app download the episode again")
        out.append(problem)
    for guid, (published, others) in sorted(copies.items()):
        for other in others:
            out.append(error("EP001", other.source, f"GUID {quoted(guid, 200)} is also used by {published.source}, which was "
                             f"published with it ({LEDGER_FILE} records it)", field="guid", episode=other.slug,
                             hint=f"this episode needs its own GUID (a copy of a published folder keeps the GUID): "
                             f"remove the 'guid:' line from {other.source} and run 'mediafeed guid --assign'; keep "
                             f"the GUID of {published.source} as it is: apps know that episode by it"))
    return out


def _published_copies(ledger: Ledger, episodes: list[Episode]) -> dict[str, tuple[Episode, list[Episode]]]:
    """GUID → (the episode whose folder published.json records with it, the other episodes that have it too): the
    copies of a published folder. EP001 fell on whichever folder sorted second, so a copy dated or named before the
    published episode put the error, and the hint to give it a new GUID, on the published one (LED001 then stopped the
    build that followed it)."""
    by_guid: dict[str, list[Episode]] = {}
    for episode in episodes:
        if episode.guid:
            by_guid.setdefault(episode.guid, []).append(episode)
    found = {}
    for guid, group in by_guid.items():
        record = ledger.episodes.get(guid)
        if len(group) < 2 or record is None:
            continue
        published = [episode for episode in group if episode.slug == record.get("slug")]
        if published:
            found[guid] = (published[0], [episode for episode in group if episode is not published[0]])
    return found


def _feed_moved(old: str, show: Show) -> Problem:
    """LED008: the feed's own URL moved. Apps poll the URL they subscribed to; nothing in the new feed reaches them."""
    new = show.feed_url
    derived = show.url and new == show.url + "feed.xml"
    if derived and old.endswith("/feed.xml"):
        key, keep = "url", f"set 'url: {old[:-len('feed.xml')]}' in show.yml again"
    else:
        key, keep = "feed_url", f"set 'feed_url: {old}' in show.yml again"
    return error("LED008", SHOW_FILE, f"the feed's URL changed from {old} to {new}; subscribers keep polling the old one",
                 field=key,
                 hint=f"{keep}; to move the feed deliberately, keep {old} answering with a 301 redirect to {new} "
                      f"(or publish a last feed there with 'new_feed_url: {new}', itunes:new-feed-url), then run "
                      f"'mediafeed build --accept-changes' to record the new URL")


def _base_move(old: str, item: Item, show: Show) -> tuple[str, str, str] | None:
    """(show.yml key, old base, new base) when ``item``'s enclosure URL moved only because the base URL changed (the
    path in the site is the same), else None."""
    new = item.enclosure_url
    tail = new[len(show.media_url):] if show.media_url and new.startswith(show.media_url) else ""
    if tail and old.endswith("/" + tail.lstrip("/")) and old != new:
        return ("media_url" if show.media_url != show.url else "url"), old[:len(old) - len(tail)], show.media_url
    return None


#: episodes named in a grouped LED002's message (all of them are in its ``episodes``, and so in ``--format json``)
_NAMED = 3


def _site_moved(key: str, old_base: str, new_base: str, moves: list[Problem]) -> Problem:
    """One LED002 for a base URL that moved under many episodes (a show of 300 got 300 lines saying the same)."""
    slugs = sorted(p.episode for p in moves)
    named = ", ".join(slugs[:_NAMED]) + (f" and {len(slugs) - _NAMED} more" if len(slugs) > _NAMED else "")
    return error("LED002", SHOW_FILE,
                 f"the enclosure URLs of {len(slugs)} published episodes changed with '{key}', from {old_base} to "
                 f"{new_base} ({named})",
                 field=key, episodes=tuple(slugs),
                 hint=f"set '{key}: {old_base}' in show.yml again; if the media really moved (and the old URLs "
                      f"redirect to the new ones), run 'mediafeed build --accept-changes' to record the new URLs "
                      f"('--format json' lists every episode)")


def _recut(record: dict[str, object], item: Item) -> str:
    """``"7 s → 8 s"`` when ``item``'s audio is not as long as the published one (a re-cut), else ``""``."""
    old = record.get("duration")
    if isinstance(old, (int, float)) and abs(float(old) - item.media.duration) > 1.0:
        return f"{old:.0f} s → {item.media.duration:.0f} s"
    return ""


def _moved(old: str, item: Item, show: Show, recut: str = "") -> Problem:
    """LED002, pointing at what moved the URL: the folder or file name, or the show's ``url``/``media_url``. A re-cut
    (``recut``: its lengths) under a new file name is what LED003 asks for: its hint is to record it, not to rename
    the file back to the name LED003 refuses."""
    episode, new = item.episode, item.enclosure_url
    base = _base_move(old, item, show)
    if base:  # same path in the site: the base URL changed
        key, old_base, _ = base
        return error("LED002", SHOW_FILE, f"enclosure URL of {episode.slug} changed from {old} to {new}", field=key,
                     episode=episode.slug,
                     hint=f"set '{key}: {old_base}' in show.yml again; if the media really moved (and the old URLs "
                          f"redirect to the new ones), run 'mediafeed build --accept-changes' to record it")
    old_name, new_name = (unquote(urlsplit(url).path.rpartition("/")[2]) for url in (old, new))
    if recut and old_name != new_name and _same_folder(old, new):
        return error("LED002", episode.source, f"enclosure URL changed from {old} to {new}", field="audio",
                     episode=episode.slug,
                     hint=f"{new_name} is a re-cut of the published {old_name} ({recut}), and a re-cut needs a new "
                          f"name (LED003), as it has: run '{ACCEPT}' to record its URL; the GUID stays, and "
                          f"'mediafeed publish' keeps {old_name} at its URL for apps that listed it")
    return error("LED002", episode.source, f"enclosure URL changed from {old} to {new}", field="audio", episode=episode.slug,
                 hint=f"{_name_back(old, new, episode.slug)}; {ACCEPT_HINT}")


def _same_folder(old: str, new: str) -> bool:
    return urlsplit(old).path.rpartition("/")[0] == urlsplit(new).path.rpartition("/")[0]


def _name_back(old: str, new: str, slug: str) -> str:
    """Which name to give back so that the enclosure URL is the published one: the folder's, the file's, or both."""
    old_folder, _, old_file = urlsplit(old).path.rstrip("/").rpartition("/")
    new_folder, _, new_file = urlsplit(new).path.rstrip("/").rpartition("/")
    old_slug, new_slug = unquote(old_folder.rpartition("/")[2]), unquote(new_folder.rpartition("/")[2])
    old_file, new_file = unquote(old_file), unquote(new_file)
    steps = []
    if old_slug != new_slug and new_slug == slug and old_slug:
        # (the folder is the page's address too: a deliberate rename moves the page people linked to, and nothing said so)
        steps.append(f"rename the folder {EPISODES_DIR}/{slug} back to {old_slug} (the folder name is the address of "
                     f"the episode's page too: links to {EPISODES_DIR}/{old_slug}/ stop working once 'mediafeed publish "
                     "--delete' removes the old page)")
    if old_file != new_file and old_file and unicodedata.normalize("NFC", old_file) == unicodedata.normalize("NFC", new_file):
        # (the same text in another Unicode form: "rename Épisode.mp3 back to Épisode.mp3" named two names that look
        # the same; the file goes back to the published form, and 'audio:' finds it in either: episodes.py)
        form = unicode_form(old_file)
        steps.append(f"the file's name was published with {ACCENTS[form]}, and is now written with "
                     f"{ACCENTS[unicode_form(new_file)].partition(',')[0]} (the two look the same): rename the file back "
                     f"({unicode_rename(slug, form)}); 'audio:' may be written in either form")
    elif old_file != new_file and old_file and _extension(old_file) != _extension(new_file):
        # another format (the WAV that MED010 says to publish as an MP3): "rename x.mp3 back to x.wav" made an MP3
        # named .wav, which MED003 then refuses; the published file is the one to name again, if it is still there
        steps.append(f"{new_file} is another format than the published {old_file}, so it needs the new address: to "
                     f"keep the published file, write 'audio: {old_file}' again")
    elif old_file != new_file and old_file:
        steps.append(f"rename {new_file} back to {old_file} (and write 'audio: {old_file}')")
    return " and ".join(steps) or "keep the folder and file name it was published with"


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def published_length(ledger: Ledger, item: Item) -> int | None:
    """The enclosure length ``item``'s file was published with, when the ledger knows it (same URL)."""
    length = length_at(ledger, item.episode.guid, item.enclosure_url)
    return length or None


def length_at(ledger: Ledger, guid: str, enclosure_url: str) -> int | None:
    """The length the episode ``guid`` was published with at ``enclosure_url``; 0 when it was published there by a
    mediafeed that did not record lengths yet; None when it was not published at that URL."""
    found = ledger.episodes.get(guid)
    if found is None or found.get("enclosure") != enclosure_url:
        return None
    length = found.get("length")
    return length if isinstance(length, int) and not isinstance(length, bool) and length > 0 else 0


def length_changes(ledger: Ledger, items: list[Item]) -> list[Problem]:
    """LED007: a published file's size changes at the same URL (call after tagging: items carry the final sizes)."""
    problems = []
    for item in items:
        old = published_length(ledger, item)
        if old is not None and old != item.media.size:
            episode = item.episode
            problems.append(warning("LED007", episode.source,
                                    f"published file length changes from {old} to {item.media.size} bytes at the same URL "
                                    f"({item.enclosure_path}); apps may download it again or loop",
                                    field="audio", episode=episode.slug,
                                    hint="keep the title and notes shorter (the tags no longer fit in the file's "
                                         "padding), or publish the file under a new file name"))
    return problems


def record(ledger: Ledger, show: Show, items: list[Item], replace: bool = False,
           artwork: dict[str, tuple[int, str, str]] | None = None) -> Ledger:
    """Add newly published episodes. A published episode's record is kept as it was first published
    (so rebuilds never churn the file) unless ``replace`` (``--accept-changes``) records the new state (the media
    URLs it replaces kept in ``moved_from``);
    only its ``length`` follows the published file (added to older records, updated when it changed: LED007),
    and alternate files published later are added to its ``alternates`` (none is ever dropped). ``artwork``
    (:func:`artwork_files`): artwork URLs published for the first time are added; a recorded one keeps its size
    unless ``replace``. With ``replace``, a recorded episode that is not in ``items`` is marked ``withdrawn`` (its
    record otherwise kept: the GUID is never given to another episode, and a return is the same episode); an episode
    in ``items`` is never withdrawn (a return drops the mark)."""
    episodes = dict(ledger.episodes)
    pictures = dict(ledger.artwork)
    for url, (size, _, _) in sorted((artwork or {}).items()):
        if replace or url not in pictures:
            pictures[url] = size
    for item in items:
        old = episodes.get(item.episode.guid)
        alternates = alternate_urls(item)
        if old is not None and not replace:
            updated = dict(old)
            updated.pop("withdrawn", None)  # back in the feed: LED005 speaks again if it leaves it again
            if old.get("enclosure") == item.enclosure_url and old.get("length") != item.media.size:
                updated["length"] = item.media.size
            known = old.get("alternates")
            known = [str(url) for url in known] if isinstance(known, list) else []
            if not set(alternates) <= set(known):
                updated["alternates"] = sorted(set(known) | set(alternates))
            if updated != old:
                episodes[item.episode.guid] = updated
            continue
        entry: dict[str, object] = {"slug": item.episode.slug, "enclosure": item.enclosure_url,
                                    "duration": round(item.media.duration, 3), "length": item.media.size}
        if alternates:
            entry["alternates"] = alternates
        moved_from = _moved_from(old, {item.enclosure_url, *alternates}) if old is not None else []
        if moved_from:
            entry["moved_from"] = moved_from
        episodes[item.episode.guid] = entry
    if replace:  # the published episodes no longer in the feed were withdrawn on purpose: LED005 stops
        now = {item.episode.guid for item in items}
        for guid, entry in sorted(episodes.items()):
            if guid not in now and entry.get("withdrawn") is not True:
                episodes[guid] = {**entry, "withdrawn": True}
    return Ledger(ledger.podcast_guid or show.podcast_guid, show.feed_url, episodes, pictures)


def _moved_from(old: dict[str, object], now: set[str]) -> list[str]:
    """The media URLs an episode was published at before ``--accept-changes`` moved it (its old enclosure and
    alternate files, and any it had moved from earlier): apps that fetched an older feed still stream them, so
    ``publish --delete`` keeps those files as it keeps the current ones."""
    urls = {str(old.get("enclosure", ""))}
    for key in ("alternates", "moved_from"):
        known = old.get(key)
        if isinstance(known, list):
            urls.update(str(url) for url in known)
    return sorted(url for url in urls - now if url)


def alternate_urls(item: Item) -> list[str]:
    """URLs of the alternate enclosure files published with ``item`` (its own files, not links elsewhere), sorted."""
    return sorted({url for alternate, url in item.alternates if alternate.file and url != item.enclosure_url})


def withdrawn(ledger: Ledger) -> list[tuple[str, str]]:
    """(slug, GUID) of the published episodes withdrawn on purpose (``--accept-changes`` recorded them out of the
    feed), by slug."""
    return sorted((str(entry.get("slug", "")), guid) for guid, entry in ledger.episodes.items()
                  if entry.get("withdrawn") is True)


def published_urls(ledger: Ledger) -> list[str]:
    """Every media URL subscribers were given: each episode's enclosure, its alternate files and the URLs it was moved
    from (``moved_from``)."""
    urls = []
    for record in ledger.episodes.values():
        urls.append(str(record.get("enclosure", "")))
        for key in ("alternates", "moved_from"):
            known = record.get(key)
            if isinstance(known, list):
                urls.extend(str(url) for url in known)
    return urls


def save(root: Path, ledger: Ledger, loaded: Ledger | None = None) -> bool:
    """Write the ledger when it changed; True when it did. ``loaded``: the ledger as :func:`load` read it from
    the file; when ``ledger`` records the same, the file is left as it is without serialising it again
    (indented JSON is written by Python's slow encoder: 0.15 s for 1,000 episodes)."""
    path = root / LEDGER_FILE
    if loaded is not None and ledger == loaded and path.exists():
        return False
    data = ledger.to_json()
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data)
    return True
