"""The commands that need a Unix system, said so in one line where there is none.

`run` and `resume` hold the session's journal with a lock (fcntl) and read keys from the
terminal (termios); `view` reads keys so too; `note` appends to a journal under the lock.
Windows has neither: there these commands stopped with an internal error or a traceback.
`groups`, `export`, `agenda` and `new --from` need neither, and import them only when
writing a live journal.
"""

from __future__ import annotations

import importlib
import os

from liftkit.core.errors import LiftkitError

_NEEDS = {
    "run": "its live screen and crash-safe journal",
    "resume": "its live screen and crash-safe journal",
    "view": "its live screen",
    "note": "the crash-safe journal",
}


def need_unix(command: str) -> None:
    """Refuse `command` in one line where the Unix modules it needs are missing."""
    for module in ("fcntl", "termios", "tty"):
        try:
            importlib.import_module(module)
        except ImportError:
            missing = module
            break
    else:
        return
    import platform  # only to name the system that lacks them

    raise LiftkitError(
        f"liftkit {command} needs a Unix system (macOS, Linux, or WSL on Windows) for "
        f"{_NEEDS[command]}: this Python ({platform.system() or os.name}) has no {missing}",
        "on Windows, install WSL (wsl --install) and run liftkit in its terminal; liftkit "
        "groups, export and agenda work here as they are",
    )
