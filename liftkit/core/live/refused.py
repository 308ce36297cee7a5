"""What a host reads when the session's files cannot be written: why, in the words of any
other write that fails (liftkit.core.files: "the disk is full", "the disk is read-only",
"permission denied"), and what they can do about it.
"""

from __future__ import annotations

import errno

from liftkit.core.errors import EXIT_FAILURE, LiftkitError
from liftkit.core.files import DISK_FIX, trouble


def session_fix(code: int | None) -> str:
    """What a host can do about a session file that cannot be written (errno `code`)."""
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "free some space"
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "make the sessions folder writable"
    if code in (errno.EIO, errno.ESTALE, errno.ENOTCONN):
        return DISK_FIX
    return "make the sessions folder writable (or free some space)"


class JournalRefused(LiftkitError):
    """The journal refused a line, for a reason said in a host's words, with what is `kept`
    when it says more than the line; `fix` is what the host can do ("free some space"), and
    the hint is the fix with `then` after it."""

    def __init__(self, exc: OSError, kept: str = "", then: str = "") -> None:
        self.fix = session_fix(exc.errno)
        said = f"cannot write to the journal: {trouble(exc)}" + (f"; {kept}" if kept else "")
        super().__init__(said, self.fix + then, EXIT_FAILURE)
