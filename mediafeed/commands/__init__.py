"""One module per command; each exposes a click command named after it.

Commands are imported only when used (``cli.LazyGroup``): ``mediafeed build`` with
nothing to do must not pay for importing every library the other commands need.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing's constant without importing typing (see fastpath)
if TYPE_CHECKING:
    from typing import Any

WAIT = 600.0  #: seconds a build or tag run waits, by default, for another one working on the same show (--wait)
#: what a build or tag run says on stderr (not with -q) while it waits
WAITING = "Waiting for another mediafeed run on this show to finish ({holder}); Ctrl-C stops waiting."

#: command name → "module:attribute" in this package, in the order help lists them.
LAZY = {
    "init": "init:init",
    "add": "add:add",
    "list": "list:list_",
    "tag": "tag:tag",
    "check": "check:check",
    "build": "build:build",
    "serve": "serve:serve",
    "publish": "publish:publish",
    "import": "import_:import_",
    "guid": "guid:guid",
}


def load(name: str) -> Any:
    module, attribute = LAZY[name].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)


def __getattr__(name: str) -> Any:
    if name == "COMMANDS":  # every command object, importing them all (tests, docs)
        return [load(command) for command in LAZY]
    raise AttributeError(name)
