"""One module per command; each exposes a click command named after it."""

from __future__ import annotations

from .add import add
from .build import build
from .check import check
from .guid import guid
from .import_ import import_
from .init import init
from .list import list_
from .publish import publish
from .serve import serve
from .tag import tag

COMMANDS = [build, check, guid, init, add, list_, serve, import_, publish, tag]
