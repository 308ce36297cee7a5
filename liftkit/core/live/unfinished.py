"""A word for `liftkit run` about the session before it, when that one never reached its end."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from liftkit.core.errors import LiftkitError
from liftkit.core.live.events import (
    JournalEvent,
    Reflection,
    SessionEnd,
    SessionStart,
    Source,
    Stop,
    stop_words,
)
from liftkit.core.live.folders import newest_session
from liftkit.core.live.follow import journal_in_use
from liftkit.core.live.journal import JOURNAL_NAME, read_journal
from liftkit.core.live.latest import running_sessions
from liftkit.core.text import command_line

# How long ago a session may have stopped for a new `liftkit run` to name it as cut short.
RECENT_STOP = timedelta(hours=12)


def unfinished_session(parent: Path, now: datetime) -> str | None:
    """A word about the newest session in `parent` when it began, never ended and stopped
    less than RECENT_STOP ago: a host whose liftkit crashed pressed up-arrow and Enter,
    and the new run started afresh at 0:00 without a word, the audience's view following
    it. None when there is no such session, or it is running now."""
    folder = newest_session(parent)
    stopped = _stopped(folder) if folder is not None else None
    if folder is None or stopped is None:
        return None
    events, written = stopped
    if not timedelta(0) <= now - written <= RECENT_STOP:
        return None
    last = events[-1]
    how = (
        f"stopped at {written:%H:%M} ({stop_words(last.reason)})"
        if isinstance(last, Stop)
        else f"cut off at {written:%H:%M}"
    )
    # short: two lines of an 80-column screen, with a long folder's path
    return (
        f"the session before, {how}, did not end; this is a new one: "
        f"`{command_line('liftkit', 'resume', folder)}` carries that one on"
    )


def running_alongside(parent: Path) -> str | None:
    """A word for a new `liftkit run` when another session in `parent` is running: the
    audience's `liftkit view latest` stays on that one while it runs."""
    running = running_sessions(parent)
    if not running:
        return None
    return (
        f"the session {running[0]} is running too: `liftkit view latest` shows that one "
        "until it stops; this is a new one"
    )


def stopped_long_ago(folder: Path, now: datetime) -> bool:
    """Whether a session began, never ended, is not running, and its host's liftkit last
    wrote more than RECENT_STOP ago: `liftkit view latest` shared before a call showed last
    week's session, quit mid-breakout, paused with its rooms and their names."""
    stopped = _stopped(folder)
    return stopped is not None and now - stopped[1] > RECENT_STOP


def _stopped(folder: Path) -> tuple[list[JournalEvent], datetime] | None:
    """The events of a session that began, has not ended and is not running, and when the
    host's liftkit last wrote to it (notes aside); None for any other."""
    if journal_in_use(folder / JOURNAL_NAME):
        return None
    try:
        events = read_journal(folder / JOURNAL_NAME).events
    except LiftkitError:
        return None
    walls = [
        e.wall
        for e in events
        if e.wall is not None and not (isinstance(e, Reflection) and e.source == Source.NOTE)
    ]
    started = any(isinstance(e, SessionStart) for e in events)
    if not started or any(isinstance(e, SessionEnd) for e in events) or not walls:
        return None
    return events, walls[-1]
