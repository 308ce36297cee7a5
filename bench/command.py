"""How the benchmarks run `liftkit`: as a host's installed copy runs, bytecode cached.

`pip install` compiles each module's bytecode, so a host's `liftkit` does not compile its
source at every start. A machine that sets PYTHONDONTWRITEBYTECODE (this one does) would
otherwise compile liftkit's hundred modules at every run of a command: 0.1 to 0.15 s of
each export, measured on 2026-12-03. The benchmarks' commands cache it under a temporary folder
(PYTHONPYCACHEPREFIX), so nothing is written beside the source, and warm it before timing.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def liftkit_command() -> list[str]:
    """The installed `liftkit` script beside this interpreter, else `python -m liftkit`."""
    script = Path(sys.executable).parent / "liftkit"
    if script.is_file():
        return [str(script)]
    found = shutil.which("liftkit")
    if found and Path(found).resolve().parent == Path(sys.executable).resolve().parent:
        return [found]
    return [sys.executable, "-m", "liftkit"]


def installed_env(cache: Path) -> dict[str, str]:
    """This process's environment, with bytecode written and read under `cache`."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env
