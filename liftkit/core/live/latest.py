"""Which session `liftkit view latest` follows, when a sessions folder holds more than one.

A host whose liftkit crashed may start a new run (up-arrow and Enter), quit it and resume the
first; another may start a second run while the call's goes on. The audience should see the
session whose host's liftkit is running: the newest of those, and a newer session only once it
runs (or the one followed has ended).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from liftkit.core.errors import LiftkitError
from liftkit.core.live.folders import (
    STARTED,
    by_start,
    default_parent,
    find_session,
    newest_session,
    session_folders,
    sessions_parent,
    started_at,
)
from liftkit.core.live.follow import PROC_LOCKS, Follower, locked_inodes
from liftkit.core.live.journal import JOURNAL_NAME
from liftkit.core.live.unreadable import SessionUnreadable

# Seconds between looks for another session to follow.
LATEST_CHECK = 1.0


def running_sessions(parent: Path, locks: Path = PROC_LOCKS) -> list[Path] | None:
    """The session folders in `parent` whose journal a running `liftkit run` or `resume`
    holds, newest first; None where the system does not say (not Linux)."""
    held = locked_inodes(locks)
    if held is None:
        return None
    running = []
    for folder in session_folders(parent):
        try:
            if os.stat(folder / JOURNAL_NAME).st_ino in held:
                running.append(folder)
        except OSError:
            continue
    return by_start(running)


def session_to_follow(parent: Path, locks: Path = PROC_LOCKS) -> Path | None:
    """The newest session whose host's liftkit is running, else the newest session (None
    when there is none yet)."""
    running = running_sessions(parent, locks)
    return running[0] if running else newest_session(parent)


def find_session_running_first(argument: str, parent: Path | None = None) -> Path:
    """`find_session`, where `latest` is the newest session whose host's liftkit is running,
    when one is, as `liftkit view latest` follows it: a `liftkit note latest` sent in during
    the call went to a newer session that had been quit, while the host had resumed the
    call's. Else (and for a folder named) as `find_session`."""
    if argument == "latest":
        running = running_sessions(sessions_parent(parent or default_parent()))
        if running:
            return running[0]
    return find_session(argument, parent)


def running_instead(running: list[Path], followed: Path | None, ended: bool) -> Path | None:
    """The newest of the `running` sessions, to follow instead of `followed` when that one's
    host's liftkit is not running (quit, crashed), or it has `ended`, or none is followed
    yet; None when `followed` runs, or no other session does."""
    names = [folder.name for folder in running]
    if followed is not None and followed.name in names and not ended:
        return None
    others = [folder for folder in running if followed is None or folder.name != followed.name]
    return others[0] if others else None


class Latest:
    """`liftkit view latest`: the session of a parent folder whose host's liftkit runs,
    looked for once a second, so that a window shared before the call follows the session
    started after it, and the next one (a rehearsal, then the call; a new run after a crash,
    and the first again when it is resumed). A newer session is followed once it runs, or
    once the one followed has ended: a second run started while the call's goes on is not."""

    def __init__(
        self, parent: Path, current: Path | None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.parent, self.current, self.clock = parent, current, clock
        self._known = {folder.name for folder in session_folders(parent)}
        self._next_look = 0.0

    def newer(self, following: Follower | None = None) -> Follower | None:
        """A follower of another session to show instead of `following`, once it can be
        read: one whose host's liftkit runs, when the one followed does not run or has
        ended; or where the system does not say which run (or after an end), a folder named
        as `run` names them, not there before, and made no earlier than the one followed
        (not a session moved, copied or renamed into the folder)."""
        now = self.clock()
        if now < self._next_look:
            return None
        self._next_look = now + LATEST_CHECK
        ended = following is None or following.ended
        running = running_sessions(self.parent)
        if running is not None:
            instead = running_instead(running, self.current, ended)
            if instead is not None:
                return self._open(instead)
            if not ended:
                return None  # the one followed may yet come back; a newer one once it runs
        since = started_at(self.current) if self.current is not None else None
        new = [folder for folder in session_folders(self.parent) if folder.name not in self._known]
        for folder in by_start([folder for folder in new if STARTED.match(folder.name)]):
            if since is not None and started_at(folder) < since:
                self._known.add(folder.name)
                continue
            follower = self._open(folder)
            if follower is not None:
                return follower
        return None

    def _open(self, folder: Path) -> Follower | None:
        try:
            follower = Follower.open(folder)
        except SessionUnreadable:
            raise  # for ever: the view says so, rather than wait for it
        except (LiftkitError, OSError):
            return None  # being made, or unreadable: looked at again in a second
        self._known.add(folder.name)
        self.current = folder
        return follower
