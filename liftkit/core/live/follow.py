"""Following a session from its journal, read-only: the model behind `liftkit view`.

The journal is only ever opened for reading and never locked. Each check costs one stat
(inode, size, modification time); only the bytes appended since the last read are read, and
a line still being written is left for the next check.

The follower keeps its own engine, moved by the journal's events, and its own idea of the
session clock: every event the session writes pairs a session time (`mono`) with the wall
time it fell on, so "now" on the session clock is the last such pair carried forward at the
rehearsal rate. That is also what `liftkit resume` does after a crash (the call went on), so
the countdown here keeps running through a crash and agrees with the host's when it comes
back. After a deliberate stop (q, Ctrl-C) the clock waits, as it does on resume.
"""

from __future__ import annotations

import contextlib
import copy
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from liftkit.core.agenda.model import Agenda
from liftkit.core.files import trouble
from liftkit.core.live.engine import ENDED, NOT_STARTED, Engine
from liftkit.core.live.events import (
    DELIBERATE_STOPS,
    GroupsMade,
    JournalEvent,
    Reflection,
    SegmentStart,
    SessionEnd,
    SessionStart,
    Source,
)
from liftkit.core.live.folders import (
    AGENDA_COPY,
    load_agenda_copy,
    read_rehearse,
    read_start_at,
)
from liftkit.core.live.journal import JOURNAL_NAME, parse_lines
from liftkit.core.live.journal_read import check_encoding
from liftkit.core.live.replay import check_agenda_copy
from liftkit.core.live.segment_view import SegmentView
from liftkit.core.live.unreadable import check_readable

PROC_LOCKS = Path("/proc/locks")
# Seconds a journal may be missing or empty before the view says it can no longer follow
# it: a file an editor saves anew, or a network drive, is back within a moment.
GONE_AFTER = 2.0
UNREADABLE_FOR = 60.0  # a journal on a disk that fails (EIO): a network drive may come back


def local_now() -> datetime:
    return datetime.now().astimezone()


class JournalTail:
    """The events appended to a journal file since the last look."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0  # bytes of complete lines read so far
        self.lines = 0  # and how many lines they were (to name a bad one)
        self.warnings: list[str] = []  # lines that were not events (a hand edit)
        self._stamp: tuple[int, int, int] | None = None
        self.mono: Callable[[], float] = time.monotonic
        self.missing: str = ""  # why the journal cannot be read now ("" while it can)
        self.missing_since: float | None = None
        self.patience = GONE_AFTER  # seconds before it is said gone

    def _cannot_read(self, why: str) -> None:
        if self.missing_since is None:
            self.missing_since = self.mono()
        self.missing = why

    def _unreadable(self, exc: OSError) -> None:
        """A disk that fails (a network drive reconnecting) is given UNREADABLE_FOR."""
        self._cannot_read(f"its {self.path.name} cannot be read: {trouble(exc)}")
        self.patience = UNREADABLE_FOR

    def gone(self) -> str:
        """Why the session can no longer be followed ("the session folder is gone
        (deleted or moved)"), once its journal has been missing or empty for GONE_AFTER
        seconds (UNREADABLE_FOR on a disk that fails); "" while it can be read, or came back."""
        if self.missing_since is None or self.mono() - self.missing_since < self.patience:
            return ""
        return self.missing

    def read_new(self) -> tuple[list[JournalEvent], bool]:
        """(new events, restarted): restarted when the file was replaced or cut shorter than
        what was read, so that everything must be read again from the start."""
        try:
            status = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):  # gone for a moment (moved), or for good
            folder_there = os.path.isdir(self.path.parent)
            self._cannot_read(
                f"its {self.path.name} is gone (deleted or moved)"
                if folder_there
                else "the session folder is gone (deleted or moved)"
            )
            return [], False
        except OSError as exc:  # still there, on a disk that fails (EIO, a stale NFS handle)
            self._unreadable(exc)
            return [], False
        if status.st_size == 0 and self.lines:  # emptied, or replaced by an empty file:
            self._cannot_read(f"its {self.path.name} was emptied")  # keep what was read
            return [], False
        self.missing, self.missing_since, self.patience = "", None, GONE_AFTER
        stamp = (status.st_ino, status.st_size, status.st_mtime_ns)
        if stamp == self._stamp:
            return [], False
        restarted = self._stamp is not None and (
            status.st_ino != self._stamp[0] or status.st_size < self.offset
        )
        if restarted:
            self.offset = self.lines = 0
        self._stamp = stamp
        try:
            with open(self.path, "rb") as file:
                file.seek(self.offset)
                data = file.read(max(status.st_size - self.offset, 0))
        except PermissionError:  # made unreadable (chmod) while followed
            self._stamp = None
            self._cannot_read(f"its {self.path.name} cannot be read by this user")
            return [], restarted
        except OSError as exc:
            self._stamp = None
            self._unreadable(exc)
            return [], restarted
        complete = data[: data.rfind(b"\n") + 1]  # a line still being written waits
        if not complete:
            return [], restarted
        read = parse_lines(self.path, complete[:-1], first_line=self.lines + 1)
        self.offset += len(complete)
        self.lines += complete.count(b"\n")
        self.warnings.extend(read.warnings)
        return read.events, restarted


def journal_in_use(path: Path, locks: Path = PROC_LOCKS) -> bool | None:
    """Whether a process holds the journal's lock (a running `liftkit run` or `resume`).

    Read from /proc/locks, without taking a lock, so that a `liftkit resume` starting at the
    same moment is never refused. None where the system does not say (not Linux). Only the
    inode is compared: some file systems report another device number there.
    """
    try:
        inode = os.stat(path).st_ino
    except OSError:
        return None
    held = locked_inodes(locks)
    return None if held is None else inode in held


def locked_inodes(locks: Path = PROC_LOCKS) -> set[int] | None:
    """The inodes of the files some process holds a lock on (flock), from one reading of
    /proc/locks; None where the system does not say."""
    try:
        text = locks.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    held: set[int] = set()
    for line in text.splitlines():
        fields = line.split()
        if "->" in fields or len(fields) < 6 or fields[1] != "FLOCK":
            continue
        with contextlib.suppress(ValueError):
            held.add(int(fields[5].rsplit(":", 1)[-1]))
    return held


def _noted(event: JournalEvent) -> bool:
    """Added by `liftkit note`: stamped with the session's last time and the wall clock of
    whenever it was added, so not a reading of the session clock."""
    return isinstance(event, Reflection) and event.source == Source.NOTE


@dataclass
class Follower:
    """A session as seen from its journal: its engine, clock and how the host's side is."""

    folder: Path
    agenda: Agenda
    engine: Engine
    tail: JournalTail
    rate: float = 1.0
    started_wall: datetime | None = None
    planned_start: datetime | None = None
    anchor: tuple[float, datetime] | None = None  # (session time, wall time) last written
    ended_wall: datetime | None = None  # when the session ended
    taken: int = 0  # events taken in
    start_at: datetime | None = None  # the planned start noted before the session started
    rooms_since: datetime | None = None  # when the segment, or its reshuffle, began (pages)
    rooms_changed: datetime | None = None  # when the breakout's rooms were made again
    listeners: list[Callable[[JournalEvent], None]] = field(default_factory=list)

    @classmethod
    def open(cls, folder: Path) -> Follower:
        """Load the session's agenda copy and everything its journal holds so far."""
        check_readable(folder, folder / JOURNAL_NAME)  # before the agenda's copy, 600 too
        with contextlib.suppress(OSError):  # a journal not there yet: the view waits for it
            check_encoding(folder / JOURNAL_NAME, (folder / JOURNAL_NAME).read_bytes())
        agenda = load_agenda_copy(folder / AGENDA_COPY)  # as resume and export say it
        follower = cls(folder, agenda, Engine(agenda), JournalTail(folder / JOURNAL_NAME))
        check_agenda_copy(agenda, follower.refresh(), folder / AGENDA_COPY)
        return follower

    @property
    def stopped_deliberately(self) -> bool:
        """The host quit (q or Ctrl-C): the clock waits until they resume."""
        return self.engine.stop_reason in DELIBERATE_STOPS and not self.ended

    @property
    def ended(self) -> bool:
        return self.engine.status == ENDED

    def gone(self) -> str:
        """Why the session can no longer be read, after a while ("" while it can)."""
        return self.tail.gone()

    def refresh(self) -> list[JournalEvent]:
        """Take in what was appended since the last call; return those events."""
        events, restarted = self.tail.read_new()
        if restarted:  # the file was replaced: build the state again from all of it
            self.engine = Engine(self.agenda)
            self.anchor = self.started_wall = self.planned_start = self.ended_wall = None
            self.rooms_since = self.rooms_changed = None
            self.taken = 0
        for event in events:
            self.take(event)
        return events

    def take(self, event: JournalEvent) -> None:
        self.engine.apply(event)
        self.taken += 1
        if isinstance(event, SessionStart):
            self.rate = event.rehearse
            self.started_wall = event.wall
            self.planned_start = event.planned_start
        elif isinstance(event, SessionEnd):
            self.ended_wall = event.wall
        elif isinstance(event, SegmentStart | GroupsMade):
            self.rooms_since = event.wall
            # rooms made again while the breakout runs (a reshuffle, or u putting them back);
            # a later breakout's, made of them with the same reshuffle, changes nothing shown
            remade = isinstance(event, GroupsMade) and event.segment == self.engine.index
            if remade and self.engine.status != NOT_STARTED:
                self.rooms_changed = event.wall
            elif isinstance(event, SegmentStart):
                self.rooms_changed = None
        if event.mono is not None and event.wall is not None and not _noted(event):
            self.anchor = (event.mono, event.wall)
        for listener in self.listeners:
            listener(event)

    def waiting_for(self) -> datetime | None:
        """The planned start the host is waiting for (--start), before the session starts."""
        if self.engine.status != NOT_STARTED or self.started_wall is not None:
            return None
        if self.start_at is None:
            self.start_at = read_start_at(self.folder)
            if self.start_at is not None:  # a rehearsal's planned end at its speed
                self.rate = read_rehearse(self.folder)
        return self.start_at

    def now(self, wall_now: datetime) -> float:
        """The session clock at `wall_now`, carried on from the last time the session wrote."""
        last = self.engine.last_mono
        if self.anchor is None or self.stopped_deliberately:
            return last
        mono, wall = self.anchor
        return max(mono + (wall_now - wall).total_seconds() * self.rate, last)

    def projected(self, t: float) -> Engine:
        """The engine at `t`, with a due auto-advance done: the host's liftkit does it within
        a second, or on resume when it is not running."""
        engine = self.engine
        segment = engine.current
        deadline = engine.deadline()
        if segment is None or not segment.auto_advance or deadline is None or deadline > t:
            return engine
        if self.stopped_deliberately:
            return engine
        probe = copy.deepcopy(engine)
        probe.apply_all(probe.due(t))
        return probe

    def view(self, t: float) -> SegmentView:
        return self.projected(t).view(t)

    def host_state(self, in_use: bool | None) -> str:
        """ "running", "stopped" (quit or Ctrl-C), "away" (a crash or a closed terminal) or
        "ended"; `in_use` says whether the journal is locked (None: unknown)."""
        if self.ended:
            return "ended"
        if self.engine.stop_reason is not None:
            return "stopped" if self.stopped_deliberately else "away"
        # a host waiting for --start holds the journal's lock too: a crash then is away
        if in_use is False and (self.engine.status != NOT_STARTED or self.waiting_for()):
            return "away"
        return "running"
