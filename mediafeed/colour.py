"""Whether a stream gets colour: the one rule :func:`terminal.use_color` and the build's shortcut (which loads no
click) both follow, so that they cannot differ. No imports beyond ``os``.

In order, the first that speaks decides (the order of Python 3.13's own ``_colorize``):

1. ``--color`` / ``--no-color``;
2. ``NO_COLOR`` set and not empty: off (no-color.org);
3. ``FORCE_COLOR`` or ``CLICOLOR_FORCE`` set and not empty: on, also into a pipe or a file (force-color.org; a CI log
   that shows colour), except ``0`` or ``false``, which Node's tools read as off;
4. ``TERM=dumb``: off (a dumb terminal shows escapes as text);
5. ``CLICOLOR=0``: off (the BSD convention ``ls`` follows);
6. on for a terminal, off for anything else.

``--format json`` is never coloured, whatever these say: JSON is for machines.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing's constant without importing typing: an up-to-date build loads no typing (test_startup)
if TYPE_CHECKING:
    from typing import Any

_OFF = ("0", "false", "no")


def wanted(flag: bool | None, stream: Any) -> bool:
    """Colour for ``stream`` (stdout or stderr), given ``--color`` / ``--no-color`` (None when neither was given)."""
    if flag is not None:
        return flag
    environ = os.environ
    if environ.get("NO_COLOR"):
        return False
    forced = environ.get("FORCE_COLOR") or environ.get("CLICOLOR_FORCE")
    if forced:
        return forced.strip().lower() not in _OFF
    if environ.get("TERM") == "dumb" or environ.get("CLICOLOR") == "0":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def animated(stream: Any) -> bool:
    """Whether ``stream`` can show a progress bar: a terminal that redraws a line (``\r`` and the cursor escapes
    click's bar writes), which ``TERM=dumb`` (Emacs' shell, some CI consoles) is not: it showed ``^[[?25l`` and a new
    bar on every update. Colour settings do not matter here (``NO_COLOR`` asks for no colour, not for no progress)."""
    return os.environ.get("TERM") != "dumb" and bool(getattr(stream, "isatty", lambda: False)())
