"""The command line as a producer meets it: Ctrl-C at any moment, errors that name the file and its fix, JSON that
stays JSON, exit codes as documented. Everything through real subprocesses (``python -m mediafeed`` and the console
script as pip writes it from pyproject.toml)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from helpers import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
INTERRUPTED = "Interrupted; nothing half-written was left behind."


def console_script() -> str:
    """The ``mediafeed`` program as pip writes it from the entry point in pyproject.toml."""
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["mediafeed"]
    module, function = entry.split(":")
    return f"import re\nimport sys\nfrom {module} import {function}\nsys.exit({function}())\n"


#: a real SIGINT (what Ctrl-C sends) arriving while ``module`` is being imported: the only way to place one there
#: deterministically; then the program, started as ``python -m mediafeed`` or as the console script
CTRL_C_WHILE_LOADING = """
import os, signal, sys
class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, CtrlC())
sys.argv = ["mediafeed", *{args!r}]
"""


@pytest.mark.parametrize("how", ["python -m mediafeed", "console script"])
@pytest.mark.parametrize("module", ["mediafeed.commands", "mediafeed.commands.shortcut", "mediafeed.fastpath",
                                   "mediafeed.cli"])
def test_ctrl_c_while_the_program_loads_is_one_line_and_exit_code_130(tmp_path: Path, how: str, module: str) -> None:
    start = "import runpy\nrunpy.run_module('mediafeed', run_name='__main__', alter_sys=True)\n" if how.startswith(
        "python") else console_script()
    command = "list" if module == "mediafeed.cli" else "build"  # (a build answered without click never loads it)
    code = CTRL_C_WHILE_LOADING.format(module=module, args=[command, "--show", str(tmp_path)]) + start
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=ENV)
    # was, for mediafeed.commands and .shortcut: Python's KeyboardInterrupt traceback, killed by SIGINT (-2)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == INTERRUPTED and done.stdout == ""


def test_the_line_an_early_ctrl_c_prints_is_the_one_every_interruption_prints() -> None:
    from mediafeed import __main__, terminal

    assert __main__.INTERRUPTED == terminal.INTERRUPTED == INTERRUPTED
