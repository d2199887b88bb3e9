"""One module per command; each exposes a click command named after it."""

from __future__ import annotations

from .build import build
from .check import check
from .guid import guid

COMMANDS = [build, check, guid]
