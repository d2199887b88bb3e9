"""Problems and errors: one record for everything that can be wrong with a show.

A :class:`Problem` is data (validation returns lists of them and reports all at
once); :class:`MediafeedError` carries one or more problems across a boundary
where work has to stop. ``cli`` turns either into one clean line per problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from .characters import terminal_safe

TYPE_CHECKING = False  # typing's constant without importing typing
if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # dataclass's methods compiled ahead (see precompiled)
    from .precompiled import dataclass


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding. The JSON shape (``to_dict``) is a stable, documented contract.

    ``file`` is relative to the show root (or the feed URL when checking a feed),
    ``field`` names the front-matter key, show.yml key or feed element, and
    ``episode`` the episode's GUID or slug when the problem belongs to one. ``episodes`` lists the episodes a
    problem stands for when one change hits many (LED002 when the show's ``url`` moved: one line, not one per
    episode); it is in the JSON only then.
    """

    file: str
    code: str
    severity: Severity
    message: str
    field: str = ""
    hint: str = ""
    episode: str = ""
    episodes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, str | list[str]]:
        # Spelled out, not dataclasses.asdict (which deep-copies each field): a feed with 100,000 problems
        # made asdict most of ``check --format json``'s time.
        data: dict[str, str | list[str]] = {"code": self.code, "severity": self.severity.value, "file": self.file,
                                            "field": self.field, "episode": self.episode, "message": self.message,
                                            "hint": self.hint}
        if self.episodes:
            data["episodes"] = list(self.episodes)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Problem:
        """The inverse of :meth:`to_dict`."""
        episodes = data.get("episodes")
        return cls(file=str(data["file"]), code=str(data["code"]), severity=Severity(data["severity"]),
                   message=str(data["message"]), field=str(data.get("field", "")), hint=str(data.get("hint", "")),
                   episode=str(data.get("episode", "")),
                   episodes=tuple(str(e) for e in episodes) if isinstance(episodes, list) else ())

    def line(self) -> str:
        """The one-line human form: ``file: field: message (hint) [CODE]``, for a terminal: a control character in a
        file's name or a value quoted from a media file or a feed is written out (``\\x1b``), never acted on."""
        where = self.file or "<show>"
        if self.field:
            where += f": {self.field}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return terminal_safe(f"{text} [{self.code}]", directions=True)


def error(code: str, file: str, message: str, field: str = "", hint: str = "", episode: str = "",
          episodes: tuple[str, ...] = ()) -> Problem:
    return Problem(file=file, code=code, severity=Severity.ERROR, message=message, field=field, hint=hint, episode=episode,
                   episodes=episodes)


def warning(code: str, file: str, message: str, field: str = "", hint: str = "", episode: str = "",
            episodes: tuple[str, ...] = ()) -> Problem:
    return Problem(file=file, code=code, severity=Severity.WARNING, message=message, field=field, hint=hint, episode=episode,
                   episodes=episodes)


def info(code: str, file: str, message: str, field: str = "", hint: str = "", episode: str = "",
         episodes: tuple[str, ...] = ()) -> Problem:
    return Problem(file=file, code=code, severity=Severity.INFO, message=message, field=field, hint=hint, episode=episode,
                   episodes=episodes)


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    worst = Severity.WARNING if strict else Severity.ERROR
    return any(p.severity.rank >= worst.rank for p in problems)


class MediafeedError(Exception):
    """Work had to stop; ``problems`` says why, each naming file, field and fix."""

    #: 1: the input has problems; 2: usage or unreadable input (no show.yml, unreadable feed)
    exit_code = 1

    def __init__(self, problems: Problem | list[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(p.line() for p in self.problems))

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:
        return (type(self), (self.problems,))  # raised in a worker process, it arrives whole


class InputError(MediafeedError):
    """The input cannot be read at all (no show.yml, a feed that is not XML, a bad option)."""

    exit_code = 2


class MediaError(MediafeedError):
    """A media file cannot be read, is not what its name says, or cannot be tagged."""


class OutputError(MediafeedError):
    """The site cannot be written (two outputs for one path, a disk error)."""
