"""What the screen and plain mode show about the current moment: a view of the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from liftkit.core.agenda.model import Segment
from liftkit.core.live.events import Status
from liftkit.core.live.round_times import round_held, round_warnings, rounds_of

if TYPE_CHECKING:
    from liftkit.core.live.engine import Engine


@dataclass
class SegmentView:
    """What the screen and plain mode show about the current moment."""

    status: Status
    index: int  # 0-based; len(segments) when the session has ended
    count: int
    segment: Segment | None
    duration: float  # effective: planned plus extensions
    elapsed: float
    remaining: float  # negative when overrunning
    silence_left: float  # seconds of strict silence still to keep
    warning: int | None  # the latest warning that applies (seconds before the end)
    overrun: bool
    session_elapsed: float  # since the session started
    planned_total: float
    projected_total: float  # session_elapsed + what is left, at the current pace
    next_segment: Segment | None
    reflections: int
    # A breakout of several rounds (each an equal share of its time, plus what + and - gave
    # it): the round being held (from 1; 0 in any other segment), and the time left in it,
    # which the countdown shows (the time left in the segment, elsewhere and in the last
    # round); and each round's seconds.
    round: int = 0
    rounds: int = 1
    round_left: float = 0.0
    round_lengths: tuple[float, ...] = ()

    @property
    def round_length(self) -> float:
        """The seconds of the round being held (the segment's, in one of a single round)."""
        return self.round_lengths[self.round - 1] if self.round else self.duration

    @property
    def behind(self) -> float:
        """Seconds the session is projected to run over its plan (negative: ahead)."""
        return self.projected_total - self.planned_total

    @property
    def segment_progress(self) -> float:
        if self.duration <= 0:
            return 1.0
        return min(max(self.elapsed / self.duration, 0.0), 1.0)

    @property
    def session_progress(self) -> float:
        if self.projected_total <= 0:
            return 1.0
        return min(max(self.session_elapsed / self.projected_total, 0.0), 1.0)


def segment_view(engine: Engine, t: float) -> SegmentView:
    """The engine's state at session time `t`, as the screen and plain mode show it."""
    segment = engine.current
    n = engine.count
    planned_total = float(sum(s.duration for s in engine.agenda.segments))
    session_elapsed = t - engine.started_at if engine.started_at is not None else 0.0
    if segment is None:
        done = engine.status == Status.ENDED
        return SegmentView(
            status=engine.status,
            index=n if done else 0,
            count=n,
            segment=None,
            duration=0.0,
            elapsed=0.0,
            remaining=0.0,
            silence_left=0.0,
            warning=None,
            overrun=False,
            session_elapsed=max(session_elapsed, 0.0),
            planned_total=planned_total,
            projected_total=max(session_elapsed, 0.0) if done else planned_total,
            next_segment=None if done else engine.agenda.segments[0],
            reflections=len(engine.reflections),
        )
    elapsed = engine.elapsed(t)
    remaining = engine.duration(engine.index) - elapsed
    later = sum(
        max(engine.duration(j) - engine.elapsed_done[j], 0.0) for j in range(engine.index + 1, n)
    )
    lengths = engine.round_lengths(engine.index)
    held, left = round_held(lengths, elapsed)
    warning = None
    for before in round_warnings(segment, lengths, held):  # largest first
        if left <= before:
            warning = before
    return SegmentView(
        status=engine.status,
        index=engine.index,
        count=n,
        segment=segment,
        duration=engine.duration(engine.index),
        elapsed=elapsed,
        remaining=remaining,
        silence_left=max(segment.silence - elapsed, 0.0),
        warning=warning,
        overrun=remaining < 0,
        session_elapsed=session_elapsed,
        planned_total=planned_total,
        projected_total=session_elapsed + max(remaining, 0.0) + later,
        next_segment=engine.agenda.segments[engine.index + 1] if engine.index + 1 < n else None,
        reflections=len(engine.reflections),
        round=held,
        rounds=rounds_of(segment),
        round_left=left,
        round_lengths=lengths,
    )
