"""A session that this user may not read: a host whose umask is 077 (its folders 700, its
files 600), or a co-host following the session as another user. One line says which file,
why, and what to do, where Python 3.11's `Path.is_file()` raised PermissionError."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from liftkit.core.errors import LiftkitError
from liftkit.core.files import DISK_FIX, trouble


class SessionUnreadable(LiftkitError):
    """A session file or folder that cannot be read for its permissions (exit code 2)."""


def _owner(folder: Path) -> str:
    try:
        uid = os.stat(folder).st_uid
    except OSError:
        return ""
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"uid {uid}"


def unreadable(path: Path, folder: Path) -> SessionUnreadable:
    """`path` cannot be read for lack of permission; `folder` (the session folder, or the
    sessions folder) is what its owner makes readable."""
    owner = _owner(folder)
    who = f"its owner ({owner})" if owner else "the user who ran the session"
    return SessionUnreadable(
        f"{path}: cannot be read by this user (permission denied)",
        f"run liftkit as {who}, or have them make it readable: "
        f"chmod -R a+rX {shlex.quote(str(folder))}",
    )


def cannot_read(path: Path, exc: OSError, folder: Path) -> LiftkitError:
    """`path` cannot be looked at: for its permissions (`folder` is what its owner makes
    readable), or a disk that fails (a dropped network drive: EIO, a stale NFS handle)."""
    if isinstance(exc, PermissionError):
        return unreadable(path, folder)
    return LiftkitError(f"{path}: cannot be read: {trouble(exc)}", f"{DISK_FIX}, then try again")


def check_readable(folder: Path, journal: Path) -> None:
    """Refuse a session folder whose journal this user cannot open (or see)."""
    try:
        os.close(os.open(journal, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)))
    except PermissionError:
        raise unreadable(journal, folder) from None
    except OSError:
        return  # not there, or not a file: said where it is read
