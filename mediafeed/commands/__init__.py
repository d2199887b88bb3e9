"""One module per command; each exposes a click command named after it."""

from __future__ import annotations

from .build import build
from .check import check
from .guid import guid
from .tag import tag

COMMANDS = [build, check, guid, tag]
