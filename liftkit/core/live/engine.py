"""The session engine: the state of a live session, moved only by events.

Times are session seconds on a monotonic clock (the journal's `mono`). Commands (`next_`,
`extend`, `due`, ...) return the events they imply without applying them; the caller writes
them to the journal and then applies them, so replaying a journal gives back the same state.
Deadlines are absolute: the end of a running segment is `run_since + remaining_at_resume`, so
a late redraw or a long prompt never makes the timer drift.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from liftkit import __version__
from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.live.events import (
    EndReason,
    Extend,
    GroupsMade,
    JournalEvent,
    NotesShown,
    Pause,
    PollCounts,
    Reflection,
    Resume,
    SegmentEnd,
    SegmentStart,
    SessionEnd,
    SessionResume,
    SessionStart,
    Source,
    Status,
    Stop,
    StopReason,
    TimeWarning,
)
from liftkit.core.live.extensions import extend_segment, extension
from liftkit.core.live.folders import AGENDA_COPY
from liftkit.core.live.round_times import round_lengths, rounds_of, warning_points
from liftkit.core.live.segment_view import SegmentView, segment_view
from liftkit.core.live.undo import LastReshuffle

USED_UP = 0.5  # seconds: a segment with less time left than this has none
# seconds: a deadline this close is due (a sum of clock readings, 60 + 120 from 0.757…, comes
# out one rounding above the reading of 180 after it)
SLACK = 1e-6


NOT_STARTED = Status.NOT_STARTED
RUNNING = Status.RUNNING
PAUSED = Status.PAUSED
ENDED = Status.ENDED


@dataclass
class Engine:
    agenda: Agenda
    status: Status = NOT_STARTED
    index: int = 0
    started_at: float | None = None
    extra: list[float] = field(default_factory=list)  # per segment, seconds added or removed
    # per breakout of several rounds given time (+ or -): the seconds each round was given
    round_extra: dict[int, list[float]] = field(default_factory=dict)
    elapsed_done: list[float] = field(default_factory=list)  # running seconds per segment
    run_since: float | None = None  # when the current run began (None: paused or not running)
    # (segment, seconds before the end, round): round 0 is the segment's end, and a round
    # from 1 the end of that round of a breakout of several (warning_points)
    fired: set[tuple[int, int, int]] = field(default_factory=set)
    reflections: list[Reflection] = field(default_factory=list)
    polls: list[PollCounts] = field(default_factory=list)
    groups: dict[int, GroupsMade] = field(default_factory=dict)  # segment -> its latest groups
    reshuffled: bool = False  # groups made again once the session began (s, then y)
    last_reshuffle: LastReshuffle = field(default_factory=LastReshuffle)  # what u puts back
    last_mono: float = 0.0
    stop_reason: StopReason | None = None
    notes_shown: bool = True  # the host notes on screen (h hides them before screen sharing)
    # Between a segment_end and the segment_start (or session_end) it leads to: where to.
    moving_to: int | None = None

    def __post_init__(self) -> None:
        n = len(self.agenda.segments)
        if not self.extra:
            self.extra = [0.0] * n
        if not self.elapsed_done:
            self.elapsed_done = [0.0] * n

    # ------------------------------------------------------------------ queries

    @property
    def count(self) -> int:
        return len(self.agenda.segments)

    @property
    def current(self) -> Segment | None:
        if 0 <= self.index < self.count and self.status not in (NOT_STARTED, ENDED):
            return self.agenda.segments[self.index]
        return None

    def duration(self, i: int) -> float:
        if i in self.round_extra:  # a breakout of several rounds: the time of its rounds
            return sum(self.round_lengths(i))
        return max(self.agenda.segments[i].duration + self.extra[i], 0.0)

    def round_lengths(self, i: int) -> tuple[float, ...]:
        """The seconds of each round of segment `i` (one: a segment of a single round)."""
        segment = self.agenda.segments[i]
        if rounds_of(segment) < 2:
            return (self.duration(i),)
        return round_lengths(segment, self.round_extra.get(i, ()))

    def elapsed(self, t: float) -> float:
        """Running seconds spent in the current segment (pauses excluded)."""
        if self.current is None:
            return 0.0
        running = t - self.run_since if self.run_since is not None else 0.0
        return self.elapsed_done[self.index] + max(running, 0.0)

    def remaining(self, t: float) -> float:
        if self.current is None:
            return 0.0
        return self.duration(self.index) - self.elapsed(t)

    def deadline(self) -> float | None:
        """The session time at which the current segment's time is up (None when paused)."""
        if self.current is None or self.run_since is None:
            return None
        return self.run_since + self.duration(self.index) - self.elapsed_done[self.index]

    def view(self, t: float) -> SegmentView:
        return segment_view(self, t)

    def warning_points(self, i: int) -> list[tuple[int, float, int]]:
        """When the warnings of segment `i` fall due (round_times.warning_points)."""
        return warning_points(self.agenda.segments[i], self.round_lengths(i))

    def next_change(self, t: float) -> float | None:
        """The next session time at which the screen must change by itself.

        The shown seconds change every whole second of remaining time; warnings, the end of a
        silence and auto-advance fall on whole seconds of the plan too, but extensions and
        pauses may shift them, so they are checked explicitly.
        """
        deadline = self.deadline()
        if deadline is None:
            return None
        remaining = deadline - t
        fraction = remaining % 1.0
        step = fraction if fraction > 1e-6 else 1.0
        candidates = [t + step]
        segment = self.current
        if segment is not None:
            points = [deadline - ahead for _, ahead, _ in self.warning_points(self.index)]
            if segment.silence:
                points.append(deadline - self.duration(self.index) + segment.silence)
            candidates.extend(p for p in points if p > t + 1e-9)
        return min(candidates)

    def next_due(self) -> float | None:
        """When `due` will next have something to say (a warning or an auto-advance)."""
        deadline = self.deadline()
        segment = self.current
        if deadline is None or segment is None:
            return None
        times = [
            deadline - ahead
            for r, ahead, w in self.warning_points(self.index)
            if (self.index, w, r) not in self.fired
        ]
        if segment.auto_advance:
            times.append(deadline)
        return min(times) if times else None

    # ------------------------------------------------------------------ commands

    def start(
        self, t: float, rehearse: float = 1.0, planned_start: datetime | None = None
    ) -> list[JournalEvent]:
        """The session's start and its first segment's, journalled as one record."""
        if self.status != NOT_STARTED:
            return []
        first = SessionStart(
            mono=t,
            title=self.agenda.title,
            agenda=AGENDA_COPY,
            segments=self.count,
            rehearse=rehearse,
            planned_start=planned_start,
            liftkit=__version__,
        )
        return [first, self._segment_start(0, t)]

    def toggle_pause(self, t: float) -> list[JournalEvent]:
        if self.status == RUNNING and self.moving_to is None:
            return [Pause(mono=t, segment=self.index)]
        if self.status == PAUSED and self.moving_to is None:
            return [Resume(mono=t, segment=self.index)]
        return []

    def pause(self, t: float) -> list[JournalEvent]:
        return self.toggle_pause(t) if self.status == RUNNING else []

    def resume(self, t: float) -> list[JournalEvent]:
        return self.toggle_pause(t) if self.status == PAUSED else []

    def next_(self, t: float) -> list[JournalEvent]:
        return self.jump(t, self.index + 1, reason=EndReason.NEXT)

    def back(self, t: float) -> list[JournalEvent]:
        if self.index == 0:
            return []
        return self.jump(t, self.index - 1, reason=EndReason.BACK)

    def step(self, t: float, by: int) -> list[JournalEvent]:
        """`n` (by 1) or `b` (by -1) from the segment on screen, after what time has brought
        (`due`): a segment that moved on by itself a moment before the key was read is left
        once, and `b` goes back from where that left the session to the segment before the
        one on screen, rather than journalling a second end of the segment left."""
        due = self.due(t)
        after = self._copy()
        after.apply_all(due)
        target = self.index + by
        if target < 0 or (by > 0 and after.index >= target):
            return due
        reason = EndReason.NEXT if by > 0 else EndReason.BACK
        return due + after.jump(t, target, reason=reason)

    def jump(self, t: float, target: int, reason: EndReason = EndReason.JUMP) -> list[JournalEvent]:
        """Leave the current segment for `target` (the count: end the session). The two events
        are journalled as one write; `unfinished` completes a change that was cut in two."""
        if self.current is None or self.moving_to is not None or target == self.index:
            return []
        if target < 0:
            return []
        target = min(target, self.count)
        end = SegmentEnd(
            mono=t,
            segment=self.index,
            reason=reason,
            elapsed=round(self.elapsed(t), 3),
            to=target,
        )
        events = [end, self._arrival(target, t)]
        if self.used_up(target):
            # Its time is gone: running, it would move on again in the same instant.
            events.append(Pause(mono=t, segment=target))
        return events

    def used_up(self, i: int) -> bool:
        """Whether segment `i` moves on by itself and has no time left (it was left after
        its time was up): arriving there, the clock waits, paused."""
        if not 0 <= i < self.count or not self.agenda.segments[i].auto_advance:
            return False
        # less than half a second left is none: the countdown shows 00:00, and the time done
        # is a difference of clock readings (119.99999999999999 of 120 seconds)
        return self.duration(i) - self.elapsed_done[i] < USED_UP

    def unfinished(self) -> list[JournalEvent]:
        """The rest of a change the journal holds only the first line of (a crash, or a full
        disk, between lines written before both went as one record): a session_start without
        its first segment_start, or a segment_end without what it led to."""
        if self.moving_to is not None:
            return [self._arrival(self.moving_to, self.last_mono)]
        if self.status == NOT_STARTED and self.started_at is not None:
            return [self._segment_start(0, self.last_mono)]
        return []

    def _arrival(self, target: int, t: float) -> JournalEvent:
        return SessionEnd(mono=t) if target >= self.count else self._segment_start(target, t)

    def extend(self, t: float, seconds: float) -> list[JournalEvent]:
        """Make the current segment (its round being held) longer, or shorter by at most the
        time left in it (extensions.extension)."""
        return extension(self, t, seconds)

    def due(self, t: float, after: Sequence[JournalEvent] = ()) -> list[JournalEvent]:
        """Warnings and auto-advances that time has brought, each at the moment it fell due
        (once `after`, events to be written before them, is applied).

        Several may be due at once after a long prompt or a resume; they are returned in
        order, each stamped with its own deadline, and applied in turn.
        """
        events: list[JournalEvent] = []
        probe = self._copy()
        probe.apply_all(after)
        while probe.status == RUNNING:
            segment, deadline = probe.current, probe.deadline()
            if segment is None or deadline is None:
                break
            batch: list[JournalEvent] = []
            for r, ahead, before in probe.warning_points(probe.index):
                when = deadline - ahead
                if (probe.index, before, r) not in probe.fired and when <= t + SLACK:
                    at = max(min(when, t), probe.last_mono)  # never after t: in order
                    batch.append(TimeWarning(mono=at, segment=probe.index, before=before, round=r))
            if segment.auto_advance and deadline <= t + SLACK:
                at = max(min(deadline, t), probe.last_mono)
                batch.extend(probe.jump(at, probe.index + 1, reason=EndReason.AUTO))
            if not batch:
                break
            probe.apply_all(batch)
            events.extend(batch)
        return events

    def stop(self, t: float, reason: StopReason) -> list[JournalEvent]:
        return [Stop(mono=t, reason=reason)]

    def _segment_start(self, i: int, t: float) -> SegmentStart:
        s = self.agenda.segments[i]
        return SegmentStart(mono=t, segment=i, title=s.title, planned=s.duration)

    def _copy(self) -> Engine:
        return Engine(
            agenda=self.agenda,
            status=self.status,
            index=self.index,
            started_at=self.started_at,
            extra=list(self.extra),
            round_extra={i: list(added) for i, added in self.round_extra.items()},
            elapsed_done=list(self.elapsed_done),
            run_since=self.run_since,
            fired=set(self.fired),
            last_mono=self.last_mono,
            moving_to=self.moving_to,
        )

    # ------------------------------------------------------------------ applying events

    def apply(self, event: JournalEvent) -> None:
        """Move the state by one journal event (already checked when it was read). Time never
        runs backwards, whatever a hand-edited journal says; a line without `mono` happened
        at the latest time seen."""
        t = max(event.mono if event.mono is not None else 0.0, self.last_mono)
        if isinstance(event, Reflection) and event.source == Source.NOTE:
            t = self.last_mono  # added after the fact: it does not move the session clock
        match event:
            case SessionStart():
                # a stop before the start (a quit while waiting for --start) is over: the
                # resume that waited for the start wrote no session_resume
                self.started_at, self.stop_reason = t, None
            case SegmentStart(segment=i) if 0 <= i < self.count:
                self._enter(i, t)
            case SegmentEnd():
                self._leave(event, t)
            case SessionEnd():
                self.run_since, self.moving_to = None, None
                self.status, self.index = ENDED, self.count
            case Pause() if self.status == RUNNING and self.moving_to is None:
                self.elapsed_done[self.index] = self.elapsed(t)
                self.run_since, self.status = None, PAUSED
            case Resume() if self.status == PAUSED and self.moving_to is None:
                self.run_since, self.status = t, RUNNING
            case Extend(segment=segment, seconds=seconds):
                extend_segment(self, segment, seconds, t)
            case TimeWarning(segment=segment, before=before):
                self.fired.add((segment, before, event.round))
            case Reflection():
                self.reflections.append(event)
            case PollCounts():
                self.polls.append(event)
            case GroupsMade(segment=segment) if segment is not None:
                # those made as the session opens come before its start: later, a reshuffle
                self.reshuffled |= self.status != NOT_STARTED
                self.last_reshuffle.take(event, self.index, self.groups.get(segment))
                self.groups[segment] = event
            case NotesShown(shown=shown):
                self.notes_shown = shown
            case Stop(reason=reason):
                self.stop_reason = reason
            case SessionResume():
                self.stop_reason = None
        self.last_mono = t

    def apply_all(self, events: Iterable[JournalEvent]) -> None:
        for event in events:
            self.apply(event)

    def _enter(self, i: int, t: float) -> None:
        self.index, self.status, self.run_since, self.moving_to = i, RUNNING, t, None
        if self.started_at is None:
            self.started_at = t

    def _leave(self, event: SegmentEnd, t: float) -> None:
        if self.current is None:
            return
        self.elapsed_done[self.index] = self.elapsed(t)
        self.run_since = None
        self.moving_to = event.to if event.to is not None else self._inferred_target(event)

    def _inferred_target(self, event: SegmentEnd) -> int:
        """Where a segment_end written before `to` was recorded led: a jump's target is not
        known, so the segment is taken up again."""
        if event.reason == EndReason.BACK:
            return max(self.index - 1, 0)
        if event.reason == EndReason.JUMP:
            return self.index
        return self.index + 1
