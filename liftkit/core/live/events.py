"""The journal's events, one type each, and the words they use (statuses, reasons, sources).

A journal line is parsed and validated once (liftkit.core.live.records) into one of the frozen
types below; everything after that (the engine, resume, `liftkit note`, the report) reads typed
fields. `seq` and `wall` are None until the journal stamps an event; `mono` is None only in a
line written by hand without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, TypeVar

if TYPE_CHECKING:
    from liftkit.core.groups.split import Split

# Far beyond any session, even a rehearsal at 3600 times speed resumed a year later: larger
# numbers are damage, not time.
MAX_SECONDS = 1e12
MAX_COUNT = 10**12  # the most answers a poll option may have: the journal reads no more
MAX_REHEARSE = 3600.0  # as `liftkit run --rehearse` allows


class Made(StrEnum):
    """Why a breakout's rooms were made again once the session began (`groups.cause`)."""

    RESHUFFLE = "reshuffle"  # s (then y), or reshuffle in plain mode
    UNDO = "undo"  # u (then y): the rooms before the last reshuffle, put back


class Status(StrEnum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class EndReason(StrEnum):
    """Why a segment ended (`segment_end.reason`)."""

    NEXT = "next"
    AUTO = "auto"
    BACK = "back"
    JUMP = "jump"
    END = "end"


class StopReason(StrEnum):
    """Why liftkit stopped while the session could go on (`stop.reason`)."""

    QUIT = "quit"
    INTERRUPT = "interrupt"
    SIGTERM = "sigterm"
    SIGHUP = "sighup"
    ERROR = "error"


# How a stop reads to the host: "sigterm" and "sighup" mean nothing to most of them.
STOP_WORDS = {
    "interrupt": "Ctrl-C",
    "sigterm": "asked to stop: SIGTERM",
    "sighup": "its terminal closed",
    "error": "an error",
}


def stop_words(reason: str) -> str:
    return STOP_WORDS.get(reason, reason)


# Stops the host chose: on resume, the time liftkit was away does not count.
DELIBERATE_STOPS = (StopReason.QUIT, StopReason.INTERRUPT)


class Source(StrEnum):
    """Where a reflection was typed."""

    LIVE = "live"
    PLAIN = "plain"
    NOTE = "note"


@dataclass(frozen=True, kw_only=True)
class JournalEvent:
    TYPE: ClassVar[str] = ""
    mono: float | None = None  # session seconds (scaled by --rehearse, continuous on resume)
    seq: int | None = None
    wall: datetime | None = None

    @property
    def type(self) -> str:
        return self.TYPE


@dataclass(frozen=True, kw_only=True)
class SessionStart(JournalEvent):
    TYPE: ClassVar[str] = "session_start"
    title: str = ""
    agenda: str = "agenda.toml"
    segments: int | None = None
    rehearse: float = 1.0
    planned_start: datetime | None = None
    liftkit: str | None = None


@dataclass(frozen=True, kw_only=True)
class SegmentStart(JournalEvent):
    TYPE: ClassVar[str] = "segment_start"
    segment: int
    title: str = ""
    planned: float | None = None


@dataclass(frozen=True, kw_only=True)
class SegmentEnd(JournalEvent):
    TYPE: ClassVar[str] = "segment_end"
    segment: int
    reason: EndReason = EndReason.NEXT
    elapsed: float | None = None
    to: int | None = None  # the segment it moves to (the count: the session ends); None: old


@dataclass(frozen=True, kw_only=True)
class SessionEnd(JournalEvent):
    TYPE: ClassVar[str] = "session_end"


@dataclass(frozen=True, kw_only=True)
class Pause(JournalEvent):
    TYPE: ClassVar[str] = "pause"
    segment: int | None = None


@dataclass(frozen=True, kw_only=True)
class Resume(JournalEvent):
    TYPE: ClassVar[str] = "resume"
    segment: int | None = None


@dataclass(frozen=True, kw_only=True)
class Extend(JournalEvent):
    TYPE: ClassVar[str] = "extend"
    segment: int | None = None
    seconds: float


@dataclass(frozen=True, kw_only=True)
class TimeWarning(JournalEvent):
    TYPE: ClassVar[str] = "warning"
    segment: int
    before: int  # seconds before the end; 0: time is up
    # a breakout of several rounds: the round whose end it is before (from 1; not the last,
    # whose end is the segment's); 0: the segment's end
    round: int = 0


@dataclass(frozen=True, kw_only=True)
class Reflection(JournalEvent):
    TYPE: ClassVar[str] = "reflection"
    segment: int | None = None
    text: str
    author: str | None = None
    tags: tuple[str, ...] | None = None  # without the `#`; None: the line gave none
    source: Source = Source.LIVE
    typed: datetime | None = None  # when typed, if written later (the journal could not be)


@dataclass(frozen=True, kw_only=True)
class PollCounts(JournalEvent):
    TYPE: ClassVar[str] = "poll"
    segment: int
    poll: int = 0
    question: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    typed: datetime | None = None  # as a reflection's


@dataclass(frozen=True, kw_only=True)
class GroupsMade(JournalEvent):
    """Groups made or reshuffled for a breakout; the record is `groups --format json`'s.
    Made by a reshuffle (`cause`), the rooms say which (`reshuffle`, numbered from 1 in the
    session) and in which round of the breakout being held (`round`); put back by u, which
    reshuffle they undo. Rooms the session opened with have no cause."""

    TYPE: ClassVar[str] = "groups"
    segment: int | None = None
    split: Split
    cause: Made | None = None
    reshuffle: int = 0
    round: int = 0


@dataclass(frozen=True, kw_only=True)
class NotesShown(JournalEvent):
    TYPE: ClassVar[str] = "notes"
    shown: bool


@dataclass(frozen=True, kw_only=True)
class Stop(JournalEvent):
    TYPE: ClassVar[str] = "stop"
    reason: StopReason
    # What the host was still typing (never saved): a closed window loses the screen that
    # would have shown it, so it is kept here for `liftkit resume` to give back.
    draft: str = ""
    draft_kind: str = ""  # "reflect" or "poll"
    draft_segment: int | None = None  # where it was typed (written since 2026-12-07)
    draft_poll: int | None = None  # for "poll": which of that segment's polls


@dataclass(frozen=True, kw_only=True)
class SessionResume(JournalEvent):
    TYPE: ClassVar[str] = "session_resume"
    gap: float = 0.0
    paused: bool = False
    counted: bool | None = None


EVENT_TYPES: dict[str, type[JournalEvent]] = {
    cls.TYPE: cls
    for cls in (
        SessionStart, SegmentStart, SegmentEnd, SessionEnd, Pause, Resume, Extend, TimeWarning,
        Reflection, PollCounts, GroupsMade, NotesShown, Stop, SessionResume,
    )
}  # fmt: skip

E = TypeVar("E", bound=JournalEvent)


def stamped(event: E, seq: int) -> E:
    """The event exactly as the journal writes it and reads it back: numbered, `wall` to the
    millisecond, `mono` to a tenth of a millisecond."""
    mono = round(event.mono, 4) if event.mono is not None else None
    wall = event.wall
    if wall is not None:
        wall = wall.replace(microsecond=wall.microsecond // 1000 * 1000)
    return replace(event, seq=seq, mono=mono, wall=wall)
