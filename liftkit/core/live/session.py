"""A live session: the engine, its journal and its clock, wired so that every change is on
disk before anyone is told about it. Used by both the full-screen view and plain mode."""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liftkit.core.agenda.model import Agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.files import write_failed
from liftkit.core.live.capture import ParsedReflection, parse_reflection, session_people
from liftkit.core.live.drafts import Draft, draft_in, stopped_with
from liftkit.core.live.engine import ENDED, NOT_STARTED, Engine
from liftkit.core.live.events import (
    DELIBERATE_STOPS,
    GroupsMade,
    JournalEvent,
    Made,
    NotesShown,
    PollCounts,
    Reflection,
    SegmentEnd,
    Source,
    StopReason,
)
from liftkit.core.live.folders import (
    AGENDA_COPY,
    create_session_folder,
    load_agenda_copy,
    read_rehearse,
)
from liftkit.core.live.journal import JOURNAL_NAME, Journal, read_journal
from liftkit.core.live.keeper import Keeper
from liftkit.core.live.replay import check_agenda_copy, check_resumable, replay_journal
from liftkit.core.live.resumed import Resumed as Resumed
from liftkit.core.zones import session_zone

if TYPE_CHECKING:
    from liftkit.core.groups.split import Split

# A crash longer ago than this: the call is long over, so the time away is not counted.
LONGEST_COUNTED_GAP = 7 * 86400


def _local_now() -> datetime:
    return datetime.now().astimezone()


class Clock:
    """Session seconds from a monotonic clock, scaled by the rehearsal factor.

    `now()` is monotonic and continuous across resumes (the offset carries it on), and
    `wall_at(t)` gives the wall-clock time of a session time, both from one anchor.
    """

    def __init__(
        self,
        rate: float = 1.0,
        offset: float = 0.0,
        mono: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = _local_now,
    ) -> None:
        self.rate = rate
        self._mono = mono
        self._base = mono()
        self._offset = offset
        self._wall_base = wall()

    def now(self) -> float:
        return self._offset + (self._mono() - self._base) * self.rate

    def wall_at(self, t: float) -> datetime:
        return self._wall_base + timedelta(seconds=(t - self._offset) / self.rate)

    def real_seconds(self, session_seconds: float) -> float:
        """How long to sleep, in real seconds, for a span of session time."""
        return session_seconds / self.rate


@dataclass
class LiveSession:
    folder: Path
    engine: Engine
    journal: Journal
    clock: Clock
    # Wraps each journal write and state change (the shell defers signals there).
    guard: Callable[[], AbstractContextManager[Any]] = contextlib.nullcontext
    notices: list[str] = field(default_factory=list)
    # Told of each event once it is on disk and applied (plain mode prints them).
    listeners: list[Callable[[JournalEvent], None]] = field(default_factory=list)
    # When the session began (as journalled) and when it was planned to (--start).
    started_wall: datetime | None = None
    planned_start: datetime | None = None
    # What the host was typing when liftkit last stopped, unsaved: given back by the next
    # r or p (liftkit.core.live.drafts).
    draft: Draft | None = None
    remade: tuple[Made, int, int] | None = None  # while a reshuffle or u journals rooms
    # What the host is told once, after the folder (or journal) gone was written again.
    written_again: str = ""
    skipped: int = 0  # journal lines that could not be read when it was resumed
    # Why the stop line could not be written (a full disk): what it would have kept is not
    # in the journal, so the farewell writes it elsewhere (liftkit.core.live.kept).
    unrecorded: LiftkitError | None = None

    def __post_init__(self) -> None:
        self.keeper = Keeper(self.folder)
        self.keeper.look()

    def keep_on_disk(self) -> None:
        """Before each write and each second: the journal on disk must be the one written
        (liftkit.core.live.keeper); a CannotWriteBack error when it is gone for good."""
        if not self.journal.closed:
            self.written_again = self.keeper.keep(self.journal) or self.written_again

    def schedule_start(self) -> datetime | None:
        """What the planned end counts from: the planned start, else the actual one."""
        return self.planned_start or self.started_wall

    @property
    def agenda(self) -> Agenda:
        return self.engine.agenda

    def perform(self, events: Sequence[JournalEvent]) -> list[JournalEvent]:
        """Write the events to the journal as one record (fsynced), then apply them; return
        what was written. A change of segment (its end and the next start) is one write."""
        if not events:
            return []
        timed = [e if e.wall else replace(e, wall=self.wall_at(e.mono or 0.0)) for e in events]
        with self.guard():
            self.keep_on_disk()
            written = self.journal.append(timed)
            self.engine.apply_all(written)
        for event in written:
            for listener in self.listeners:
                listener(event)
        return written

    def now(self) -> float:
        return self.clock.now()

    def wall_at(self, t: float) -> datetime:
        """The wall clock at session time `t` in the session's zone (liftkit.core.zones): a
        resume on a computer set to another zone stamps the journal in the host's."""
        return session_zone(self.schedule_start())(self.clock.wall_at(t))

    def start(self, planned_start: datetime | None = None) -> list[JournalEvent]:
        self.planned_start = planned_start
        self.started_wall = self.clock.wall_at(self.now())
        return self.perform(self.engine.start(self.now(), self.clock.rate, planned_start))

    def tick(self, hold_end: bool = False) -> list[JournalEvent]:
        """Take in what another process added (notes), then what time has brought; with
        `hold_end`, not the session's end (a last segment that moves on by itself) while
        the host types in it."""
        self.keep_on_disk()
        for event in self.journal.foreign_events():
            self.engine.apply(event)
            for listener in self.listeners:
                listener(event)
        due = self.engine.due(self.now())
        return self.perform(before_the_end(due, self.engine.count) if hold_end else due)

    def next_(self) -> list[JournalEvent]:
        return self.perform(self.engine.step(self.now(), 1))

    def back(self) -> list[JournalEvent]:
        return self.perform(self.engine.step(self.now(), -1))

    def toggle_pause(self) -> list[JournalEvent]:
        self.tick()
        return self.perform(self.engine.toggle_pause(self.now()))

    def pause(self) -> list[JournalEvent]:
        self.tick()
        return self.perform(self.engine.pause(self.now()))

    def resume(self) -> list[JournalEvent]:
        return self.perform(self.engine.resume(self.now()))

    def extend(self, seconds: float) -> list[JournalEvent]:
        self.tick()
        return self.perform(self.engine.extend(self.now(), seconds))

    def jump(self, target: int) -> list[JournalEvent]:
        self.tick()
        return self.perform(self.engine.jump(self.now(), target))

    def _capture_time(self) -> float:
        return max(self.now(), self.engine.last_mono)

    def parse(self, raw: str) -> ParsedReflection:
        """A reflection typed as "Name: text #tag": the author a name on the attendee list, or
        one that looks like a name, or the agenda's host."""
        people = session_people(self.folder, self.engine.groups.values())
        return parse_reflection(raw, people, (self.agenda.host,))

    def reflection(
        self, raw: str, source: str, segment: int | None = None,
        parsed: ParsedReflection | None = None,
    ) -> Reflection | None:  # fmt: skip
        """A reflection captured now, not yet written (`parsed` from `parse(raw)`, if the
        caller has it); None when there is no text."""
        if parsed is None:
            parsed = self.parse(raw)
        if not parsed.text:
            return None
        if segment is None and self.engine.current is not None:
            segment = self.engine.index
        return Reflection(
            mono=self._capture_time(),
            segment=segment,
            text=parsed.text,
            author=parsed.author,
            tags=tuple(parsed.tags),
            source=Source(source),
        )

    def reflect(
        self, raw: str, source: str, segment: int | None = None,
        parsed: ParsedReflection | None = None,
    ) -> Reflection | None:  # fmt: skip
        """Capture a reflection and write it; None when there is no text."""
        reflection = self.reflection(raw, source, segment, parsed)
        if reflection is None:
            return None
        (event,) = self.perform([reflection])
        assert isinstance(event, Reflection)
        return event

    def poll_counts(self, segment: int, poll: int, counts: dict[str, int]) -> PollCounts:
        """Counts for one of a segment's polls, captured now, not yet written."""
        question = self.agenda.segments[segment].polls[poll].question
        return PollCounts(
            mono=self._capture_time(), segment=segment, poll=poll, question=question, counts=counts
        )

    def record_poll(self, segment: int, poll: int, counts: dict[str, int]) -> JournalEvent:
        return self.perform([self.poll_counts(segment, poll, counts)])[0]

    def record_groups(self, segment: int, split: Split) -> JournalEvent:
        cause, number, held = self.remade or (None, 0, 0)
        made = GroupsMade(mono=self._capture_time(), segment=segment, split=split, cause=cause,
                          reshuffle=number, round=held)  # fmt: skip
        return self.perform([made])[0]

    @contextlib.contextmanager
    def remaking(self, cause: Made, held_round: int = 0) -> Iterator[None]:
        """Rooms journalled meanwhile are a new reshuffle's, made as round `held_round` of
        the breakout is held, or (`Made.UNDO`) those u puts back of the last one."""
        last = self.engine.last_reshuffle
        number = last.count + 1 if cause is Made.RESHUFFLE else last.number
        self.remade = (cause, number, held_round)
        try:
            yield
        finally:
            self.remade = None

    def record_notes(self, shown: bool) -> JournalEvent:
        """The host hid (h) or showed the host notes: journalled, so a resume keeps them so."""
        return self.perform([NotesShown(mono=self._capture_time(), shown=shown)])[0]

    def stop(self, reason: StopReason | str, draft: Draft | None = None) -> None:
        """Record that liftkit stopped (the session stays resumable), with what the host
        was still typing (`draft`, never entered), else the draft given back by the resume
        and not yet taken back, to be given back again; close the journal."""
        if self.journal.closed:
            return
        try:
            if self.engine.status != ENDED:
                t = self._capture_time()
                kept = draft or self.draft
                stop = stopped_with(self.engine.stop(t, StopReason(reason)), kept)
                due = self.engine.due(t)  # not the end, under what was being typed
                self.perform((before_the_end(due, self.engine.count) if draft else due) + stop)
        except LiftkitError as error:  # what the journal holds is still complete to here
            self.unrecorded = error
        finally:
            self.journal.close()

    def close(self) -> None:
        self.journal.close()


def before_the_end(events: list[JournalEvent], count: int) -> list[JournalEvent]:
    """`events` (what time has brought) up to the session's end by a last segment that
    moves on by itself, held while the host is still typing a reflection there: it ended
    under their fingers, and what they typed was lost."""
    for i, event in enumerate(events):
        if isinstance(event, SegmentEnd) and event.to is not None and event.to >= count:
            return events[:i]
    return events


def new_session(
    agenda: Agenda,
    agenda_path: Path,
    agenda_name: str,
    parent: Path,
    clock: Clock,
    extra_files: dict[str, Path] | None = None,
) -> LiveSession:
    """Create the session folder with a copy of the agenda (and attendee and group files).

    `agenda` is what `agenda_path` holds, read once by the caller."""
    folder = create_session_folder(parent, agenda_name, clock.wall_at(clock.now()))
    try:
        shutil.copyfile(agenda_path, folder / AGENDA_COPY)
        for name, source in (extra_files or {}).items():
            shutil.copyfile(source, folder / name)
        journal = Journal.create(folder / JOURNAL_NAME)
    except OSError as exc:  # a full or read-only disk: leave no half-made session behind
        shutil.rmtree(folder, ignore_errors=True)
        raise write_failed(folder, exc, "no session was started and nothing was kept") from None
    return LiveSession(folder=folder, engine=Engine(agenda), journal=journal, clock=clock)


def resume_session(
    folder: Path,
    clock_factory: Callable[[float, float], Clock],
    wall_now: Callable[[], datetime] = _local_now,
    begin: bool = True,
) -> Resumed:
    """Rebuild a session's state from its journal and reopen the journal for appending.

    After a crash (or a closed terminal) the call went on, so the time liftkit was away runs
    on the session clock; after a deliberate quit it does not. A change of segment that the
    journal holds only half of (a crash between its two lines) is finished first. Nothing is
    written until the journal has been read and found resumable, nor, with `begin` False,
    until `Resumed.begin()`: a caller with more to read first (the attendee copy) reads it
    before, so that a failure there leaves no resume that never ran (read as a crash).
    """
    agenda = load_agenda_copy(folder / AGENDA_COPY)
    read = read_journal(folder / JOURNAL_NAME)
    check_agenda_copy(agenda, read.events, folder / AGENDA_COPY)
    replayed = replay_journal(agenda, read.events)
    check_resumable(folder, read, replayed)
    engine = replayed.engine
    last_wall = replayed.last_wall
    gap = max((wall_now() - last_wall).total_seconds(), 0.0) if last_wall else 0.0
    deliberate = engine.stop_reason in DELIBERATE_STOPS
    counted = not deliberate and engine.status != NOT_STARTED and gap <= LONGEST_COUNTED_GAP
    rate = replayed.rate if replayed.start is not None else read_rehearse(folder)
    clock = clock_factory(rate, engine.last_mono + (gap * rate if counted else 0))
    session = LiveSession(
        folder=folder,
        engine=engine,
        journal=Journal.reopen(folder / JOURNAL_NAME, read),
        clock=clock,
        started_wall=replayed.start.wall if replayed.start else None,
        planned_start=replayed.start.planned_start if replayed.start else None,
    )
    session.notices.extend(read.warnings)
    session.skipped = len(read.warnings) - (1 if read.torn_bytes else 0)  # torn: never said
    session.draft = draft_in(read.events)
    resumed = Resumed(session, gap=gap, counted=counted, deliberate=deliberate, since=last_wall)
    if begin:
        resumed.begin()
    return resumed
