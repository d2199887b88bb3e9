"""The podcast linter: ``lint_show`` for a show folder, ``lint_feed`` for any feed file or URL.

Both return a :class:`LintReport` whose problems are already filtered by the
user's ``select``/``ignore`` and sorted (errors first). The JSON form
(``LintReport.to_dict``) is the documented schema ``mediafeed.check/1``.
"""

from __future__ import annotations

import time
from dataclasses import field
from pathlib import Path
from typing import Any

from . import build as build_lib
from . import checks, showlock
from .cache import Cache
from .checks import feedxml
from .checks.channel import check_channel
from .checks.history import compare
from .checks.http import NOT_ENCODED_AS_SAID, Limits, request_within, session, undecodable
from .checks.items import check_items
from .checks.rules import RULES, problem
from .checks.showfeed import FEED_FILE, locate
from .errors import InputError, Problem, Severity, error, has_errors
from .project import Project, load_project
from .records import mutable

SCHEMA = "mediafeed.check/1"


@mutable
class LintReport:
    target: str  #: the show folder, feed path or feed URL
    kind: str  #: "show" or "feed"
    problems: list[Problem] = field(default_factory=list)
    episodes: int = 0
    urls_checked: int = 0  #: with --online

    def failed(self, strict: bool = False) -> bool:
        return has_errors(self.problems, strict=strict)

    def counts(self) -> dict[str, int]:
        return {s.value + ("s" if s is not Severity.INFO else ""): sum(1 for p in self.problems if p.severity is s)
                for s in Severity}

    def to_dict(self, strict: bool = False) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "ok": not self.failed(strict),
            "target": self.target,
            "kind": self.kind,
            "episodes": self.episodes,
            "urls_checked": self.urls_checked,
            "summary": self.counts(),
            "problems": [{**p.to_dict(), "rule_sets": list(RULES[p.code].sets) if p.code in RULES else []}
                         for p in self.problems],
        }


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def read_feed(target: str, limits: Limits) -> tuple[bytes, str, list[Problem]]:
    """The feed's bytes from a file or an http(s) URL; InputError (exit 2) when it cannot be read."""
    if is_url(target):
        with session() as http:
            answer = request_within(http, "GET", target, limits, max_bytes=limits.max_feed_bytes,
                                    headers={"Accept": "application/rss+xml, application/xml;q=0.9, */*;q=0.5"})
        if answer.error or not answer.ok:
            reason = answer.error or f"HTTP {answer.status}{_phrase(answer.status)}"
            if answer.redirects and "redirect loop" not in reason:  # where it failed: a 301 to https that does not work
                reason += " (after " + " → ".join(f"{status} {location}" for status, location in answer.redirects) + ")"
            wait = answer.header("retry-after").strip()
            if answer.status in (429, 503) and wait:
                reason += f" (the server asks to wait {wait + ' s' if wait.isdigit() else 'until ' + wait} before asking again)"
            if answer.error.startswith(NOT_ENCODED_AS_SAID):
                raise InputError(error("XML000", target, f"cannot read the feed: {reason}", field="Content-Encoding",
                                       hint="send Content-Encoding only with a body compressed that way; mediafeed asked "
                                       "for none (Accept-Encoding: identity), so the server may send the feed as it is"))
            raise InputError(error("XML000", target, f"cannot fetch the feed: {reason}", hint=_status_hint(answer.status)
                                   if not answer.error else "check the URL and your connection"))
        compressed = undecodable(answer.header("content-encoding"))
        if compressed:
            raise InputError(error("XML000", target, f"cannot read the feed: the server compressed it with Content-Encoding: "
                                   f"{compressed}, which mediafeed cannot undo (it asked for none: Accept-Encoding: identity)",
                                   field="Content-Encoding", hint="serve the feed uncompressed, or gzip-compressed, to "
                                   "clients whose Accept-Encoding does not list it: an app without that decoder cannot "
                                   "read the feed either"))
        if answer.truncated:
            raise InputError(error("XML000", target, f"the feed is larger than {limits.max_feed_bytes // (1024 * 1024)} MB",
                                   hint="is this really a feed?"))
        found = []
        if answer.redirects:
            chain = " → ".join(f"{status} {location}" for status, location in answer.redirects)
            permanent = all(status in (301, 308) for status, _ in answer.redirects)
            found.append(problem("ONL006", target, f"the feed URL redirects: {chain}", field="feed URL",
                                 severity=Severity.INFO if permanent else Severity.WARNING,
                                 hint="subscribe to the final URL" if permanent else
                                 "a moved feed should answer 301 (permanent); apps keep polling after a 302"))
        served = answer.header("content-type").split(";", 1)[0].strip().lower()
        if served and "xml" not in served:
            found.append(problem("XML010", target, f"the feed is served as {served}, not as XML", field="Content-Type",
                                 hint="serve it as application/rss+xml (or application/xml): browsers show a text/html "
                                 "feed as a page, and strict readers and proxies treat it as one"))
        body, charset_problems = _http_charset(answer.body, answer.header("content-type"), target)
        return body, target, found + charset_problems
    path = Path(target)
    try:
        if path.exists() and not path.is_file():  # /dev/zero (--previous read it to a MemoryError), a pipe, a device
            raise InputError(not_a_feed_file(target))
        size = path.stat().st_size
        if size > limits.max_feed_bytes:
            raise InputError(error("XML000", target, f"the file is {size // (1024 * 1024)} MB; feeds are far smaller",
                                   hint="is this really a feed?"))
        with path.open("rb") as handle:  # (at most the limit, even from a file that grows while it is read)
            data = handle.read(limits.max_feed_bytes + 1)
        if len(data) > limits.max_feed_bytes:
            raise InputError(error("XML000", target, f"the file is larger than {limits.max_feed_bytes // (1024 * 1024)} "
                                   "MB; feeds are far smaller", hint="is this really a feed?"))
        return data, target, []
    except FileNotFoundError:
        raise InputError(error("XML000", target, "no such file", hint="give a feed file, an http(s) URL, or a show folder")) from None
    except IsADirectoryError:
        raise InputError(error("XML000", target, "is a folder, not a feed file", hint="use --show for a show folder")) from None
    except OSError as exc:
        raise InputError(error("XML000", target, f"cannot read: {exc.strerror}")) from None


def _phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return f" {HTTPStatus(status).phrase}"
    except ValueError:
        return ""


def _status_hint(status: int) -> str:
    """What an HTTP status says to do about a feed URL ("check the URL and your connection" was said of a 401 and a 503
    alike, and the connection was fine)."""
    if status in (401, 403):
        return ("the server refuses to hand the feed out; a private feed (a paid or premium one) needs its own full URL "
                "with its token, as the host gives it to subscribers")
    if status in (404, 410):
        return ("the feed was removed for good" if status == 410 else "there is no feed at this address") + \
            "; check the URL (the host's dashboard gives the feed's own), and whether the feed moved"
    if status == 429 or status >= 500:
        return "the server could not answer now (mediafeed asked three times); try again later"
    return "the server did not hand out the feed; check the URL"


def not_a_feed_file(target: str) -> Problem:
    """XML000 for a FEED or ``--previous`` that is neither a file nor a folder: a device never ends (``/dev/zero``), and a
    pipe (``<(curl …)``) was told "no such file" and, as ``--previous``, read without a bound."""
    return error("XML000", target, "not a feed file (a device or a pipe)",
                 hint="save the feed to a file first (curl -o feed.xml URL) and check that, or give its http(s) URL")


def _http_charset(body: bytes, content_type: str, target: str) -> tuple[bytes, list[Problem]]:
    """The body in UTF-8 when only the HTTP header names its encoding (RFC 7303: the charset parameter wins,
    and apps that fetch the feed read it so), with the warning that a copy of the file alone is not UTF-8."""
    import codecs
    import re

    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type)
    if not match or body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return body, []
    if re.match(rb"\s*<\?xml[^>]*encoding\s*=", body[:200]):
        return body, []
    try:
        charset = codecs.lookup(match.group(1)).name
        if charset == "utf-8":
            return body, []
        body.decode("utf-8")
        return body, []  # valid UTF-8 as it is (plain ASCII, most often): nothing to convert
    except LookupError:
        return body, []
    except UnicodeDecodeError:
        pass
    try:
        text = body.decode(charset)
    except UnicodeDecodeError:
        return body, []
    return text.encode("utf-8"), [problem(
        "XML007", target, f"the feed is {match.group(1)}, and only the HTTP Content-Type says so; read as {match.group(1)}",
        field="encoding", hint="save the feed as UTF-8 (or at least declare <?xml version=\"1.0\" "
        f"encoding=\"{match.group(1)}\"?>): a copy of the file, or a mirror without the header, reads as broken UTF-8")]


def load_feed(target: str, limits: Limits) -> tuple[feedxml.FeedDoc | None, list[Problem]]:
    data, source, problems = read_feed(target, limits)
    doc, found = feedxml.parse(data, source)
    return doc, problems + found


def feed_rules(doc: feedxml.FeedDoc, now: float | None = None) -> list[Problem]:
    """The channel and item rules; ``now`` (the clock, for a published feed) adds pubDates in the future."""
    return check_channel(doc) + check_items(doc, now)


def lint_feed(target: str, *, previous: str = "", online: bool = False, select: tuple[str, ...] = (),
              ignore: tuple[str, ...] = (), limits: Limits | None = None) -> LintReport:
    """Every rule on any podcast feed (a file or an http(s) URL)."""
    limits = limits or Limits()
    _refuse_unknown(select, ignore)
    report = LintReport(target=target, kind="feed")
    doc, problems = load_feed(target, limits)
    if doc is not None:
        report.episodes = len(doc.items())
        problems += feed_rules(doc, time.time())
        if previous:
            old, old_problems = load_feed(previous, limits)
            if old is None:
                raise InputError(old_problems or error("XML000", previous, "cannot read the previous feed"))
            problems += compare(old, doc)
        if online:
            from .checks.online import check_online, targets  # here: requests only for --online

            report.urls_checked = len(targets(doc))
            problems += check_online(doc, limits)
    report.problems = _finish(checks.filter_problems(problems, None, select, ignore))
    return report


def lint_show(root: Path, *, previous: str = "", online: bool = False, select: tuple[str, ...] = (),
              ignore: tuple[str, ...] = (), limits: Limits | None = None) -> LintReport:
    """Every rule on the show in ``root``: the same checks ``build`` runs, plus the optional ones."""
    limits = limits or Limits()
    _refuse_unknown(select, ignore)
    root = root.resolve()
    with showlock.reading(root, "check") as cache:
        project, items, problems = _check_show(root, cache, select, ignore)
    report = LintReport(target=str(root), kind="show", problems=problems, episodes=len(items))
    if (previous or online) and items:
        from .checks.showfeed import document

        doc, _ = document(project, items)
        extra: list[Problem] = []
        if doc is not None and previous:
            old, old_problems = load_feed(previous, limits)
            if old is None:
                raise InputError(old_problems)
            seen = {(p.code, p.episode) for p in problems}
            extra += [p for p in locate(compare(old, doc), items) if (p.code, p.episode) not in seen]
        if doc is not None and online:
            from .checks.online import check_online, targets

            report.urls_checked = len(targets(doc))
            extra += locate(check_online(doc, limits), items)
        report.problems = _finish(problems + checks.filter_problems(extra, project.show, select, ignore))
    return report


def _check_show(root: Path, cache: Cache, select: tuple[str, ...], ignore: tuple[str, ...],
                ) -> tuple[Project, list[Any], list[Problem]]:
    try:
        project = load_project(root, cache)
        if project.show is None:
            raise InputError(project.problems)
        items, problems = build_lib.inspect(project, cache, select=select, ignore=ignore)
        cache.commit()
    finally:
        cache.close()
    return project, items, problems


def _refuse_unknown(select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    bad = [("--select", name) for name in checks.unknown_patterns(select)] + \
        [("--ignore", name) for name in checks.unknown_patterns(ignore)]
    if bad:
        raise InputError([error("CHK001", "command line", f"{name!r} is neither a rule set nor a problem code",
                                field=option, hint=f"{checks.meant(name)}rule sets: {', '.join(checks.RULE_SETS)}; "
                                                   "'mediafeed check --explain all' lists the codes")
                          for option, name in bad])


def _finish(problems: list[Problem]) -> list[Problem]:
    """Each problem once (the first of equal ones), worst first, then by episode, file, field, code and message."""
    rank = {severity: -severity.rank for severity in Severity}  # Severity.rank is a property: looked up once here
    return sorted(dict.fromkeys(problems), key=lambda p: (rank[p.severity], p.episode, p.file, p.field, p.code, p.message))


__all__ = ["LintReport", "lint_feed", "lint_show", "read_feed", "FEED_FILE", "SCHEMA"]
