"""A session read back from its journal (`liftkit resume`), and what the host reads as it
opens again."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from liftkit.core.agenda.durations import format_duration
from liftkit.core.live.drafts import given_back
from liftkit.core.live.engine import ENDED, NOT_STARTED, PAUSED
from liftkit.core.live.events import SessionEnd, SessionResume

if TYPE_CHECKING:
    from liftkit.core.live.session import LiveSession


@dataclass
class Resumed:
    session: LiveSession
    gap: float  # wall seconds since the last event
    counted: bool  # whether that time ran on the session clock
    deliberate: bool = False  # the host had stopped it (q or Ctrl-C)
    moved: int = 0  # segments that moved on by themselves while liftkit was not running
    since: datetime | None = None  # the wall time of the host's liftkit's last line (notes aside)
    begun: bool = False

    def begin(self) -> None:
        """Write the resume: a change of segment a crash cut in two finished, what the call
        went through meanwhile, and `session_resume`. The last step before the session runs:
        once it is written, a stop must follow, or the next resume reads a crash."""
        if self.begun:
            return
        self.begun = True
        session = self.session
        engine, clock = session.engine, session.clock
        # Finished at the moment the change was made, not now.
        finish = [replace(e, wall=self.since) for e in engine.unfinished()]
        if engine.status == NOT_STARTED and not finish:
            return
        # What the call went through meanwhile (warnings, segments that moved on by
        # themselves), each when it fell due, as the audience view has shown it: before the
        # resume, whose time would otherwise make them all fall due now.
        paused = engine.status == PAUSED and not finish
        before = engine.index
        meanwhile = engine.due(clock.now(), after=finish) if self.counted else []
        resume = SessionResume(
            mono=clock.now(), gap=round(self.gap, 3), paused=paused, counted=self.counted
        )
        ends = any(isinstance(e, SessionEnd) for e in meanwhile)
        session.perform([*finish, *meanwhile, *([] if ends else [resume])])
        self.moved = engine.index - before if not finish else 0

    @property
    def notice(self) -> str:
        """What the host reads as the session opens again: how it went, then what was still
        being typed when liftkit stopped, which r (or p) gives back."""
        draft = self.session.draft
        return self._how if draft is None else f"{self._how} {given_back(draft)}"

    @property
    def _how(self) -> str:
        """Only what is so. The time is counted from the last event the host's liftkit wrote,
        notes aside (a quiet breakout may have none for a while), and a paused clock stays
        paused."""
        engine = self.session.engine
        if engine.status == NOT_STARTED:  # a crash while waiting for the start, or a quit
            return "The session had not started: it starts now."
        if self.gap < 1:
            return "Resumed."
        since = (
            f"{format_duration(round(self.gap))} since the host's liftkit last wrote to the journal"
        )
        rate = self.session.clock.rate
        if self.counted and rate != 1:  # a rehearsal: what the clock moved on by, too
            since += f", {format_duration(round(self.gap * rate))} on the rehearsal clock"
        if engine.status == PAUSED:
            return f"Resumed, still paused: space resumes ({since})."
        if engine.status == ENDED:
            return f"The agenda came to its end by itself while liftkit was not running ({since})."
        if self.counted and self.moved and engine.current is not None:
            where = f"{engine.index + 1}/{engine.count} {engine.current.title}"
            return f"Resumed: the clock ran on, as the call did ({since}); now at {where}."
        if self.counted:
            return f"Resumed: the clock ran on, as the call did ({since})."
        if self.deliberate:
            return f"Resumed where you stopped ({since})."
        return f"Resumed where it was ({since}: too long to count)."
