"""What plain mode says of the time, with no countdown to watch: the wait for a `--start`
time, a status line once a minute, and the end of a strict silence.

Part of the session controller (`Controller` takes these decisions through this base), kept
apart so that each reads in a sitting.
"""

from __future__ import annotations

import math
from datetime import datetime

from liftkit.core.agenda.durations import format_clock
from liftkit.core.live.controls import PLAIN
from liftkit.core.live.engine import NOT_STARTED, PAUSED
from liftkit.core.live.plain_lines import asked_lines, starts_with, status_line
from liftkit.core.live.screen import schedule, start_day
from liftkit.core.live.segment_view import SegmentView
from liftkit.core.live.session import LiveSession

MINUTE = 60.0


def silence_over(view: SegmentView, in_silence: int) -> tuple[int, list[str]]:
    """The segment whose strict silence a plain listener heard begin (-1: none) as of `view`,
    and the lines that say it is over, once, with the segment's prompt, questions and polls
    that waited for it (none when there is nothing to say): the host's plain mode and the
    plain audience view say the same."""
    if view.segment is None or view.status == PAUSED:
        return in_silence, []
    if view.silence_left > 0:
        return view.index, []
    if in_silence == view.index:
        left = format_clock(math.ceil(max(view.remaining, 0)))
        over = f"silence is over in {view.segment.title}: {left} left"
        return -1, [over, *asked_lines(view.index, view.segment, view)]
    return in_silence, []


class PlainTimes:
    """Plain mode's words for the time; the controller supplies the state."""

    session: LiveSession
    mode: str
    outbox: list[str]
    start_at: datetime | None
    start_now: bool
    next_minute: float | None
    in_silence: int

    def now(self) -> float:
        raise NotImplementedError

    def _may_start(self) -> bool:
        if self.start_now or self.start_at is None:
            return True
        s = self.session
        if s.clock.wall_at(s.now()) >= self.start_at:
            return True
        if self.mode == PLAIN and self.next_minute is None:
            day = start_day(self.start_at.astimezone(), s.clock.wall_at(s.now()).astimezone())
            wait = f"waiting to start{day} at {self.start_at:%H:%M}{self._first()}"
            self.outbox.append(f"{wait}; type n to start now")
            self.next_minute = s.now() + MINUTE
        return False

    def _first(self) -> str:
        return starts_with(self.session.agenda)

    def _silence_over(self) -> None:
        """Plain mode says once that a silence it saw begin is over: there is no countdown."""
        self.in_silence, said = silence_over(self.session.engine.view(self.now()), self.in_silence)
        self.outbox.extend(said)

    def _minute_line(self) -> None:
        """Plain mode's status line, once a (session) minute."""
        s = self.session
        t = s.now()
        started = s.engine.started_at
        if started is None:
            return
        if self.next_minute is None or self.next_minute < started:
            self.next_minute = started + MINUTE
        if t >= self.next_minute:
            self.outbox.append(self.status())
            self.next_minute = started + ((t - started) // MINUTE + 1) * MINUTE

    def status(self) -> str:
        s = self.session
        t = s.now()
        view = s.engine.view(t)
        if view.status == NOT_STARTED and self.start_at is not None:
            until = (self.start_at - s.clock.wall_at(t)).total_seconds()
            wait = format_clock(math.ceil(max(until, 0)))
            day = start_day(self.start_at.astimezone(), s.clock.wall_at(t).astimezone())
            when = f"waiting to start{day} at {self.start_at:%H:%M}, in {wait},{self._first()}"
            return f"{when}; type n to start now"
        plan = schedule(view, s.clock.wall_at(t), s.schedule_start(), s.clock.rate)
        return status_line(view, plan.behind)
