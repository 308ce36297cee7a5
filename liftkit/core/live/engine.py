"""The session engine: the state of a live session, moved only by events.

Times are session seconds on a monotonic clock (the journal's `mono`). Commands (`next_`,
`extend`, `due`, ...) return the events they imply without applying them; the caller writes
them to the journal and then applies them, so replaying a journal gives back the same state.
Deadlines are absolute: the end of a running segment is `run_since + remaining_at_resume`, so
a late redraw or a long prompt never makes the timer drift.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from liftkit.core.agenda.model import Agenda, Segment

Event = dict[str, Any]

NOT_STARTED = "not started"
RUNNING = "running"
PAUSED = "paused"
ENDED = "ended"


@dataclass
class Reflection:
    segment: int | None
    text: str
    author: str | None
    tags: list[str]
    source: str
    mono: float
    wall: str = ""


@dataclass
class PollResult:
    segment: int
    poll: int
    question: str
    counts: dict[str, int]


@dataclass
class SegmentView:
    """What the screen and plain mode show about the current moment."""

    status: str
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


@dataclass
class Engine:
    agenda: Agenda
    status: str = NOT_STARTED
    index: int = 0
    started_at: float | None = None
    extra: list[float] = field(default_factory=list)  # per segment, seconds added or removed
    elapsed_done: list[float] = field(default_factory=list)  # running seconds per segment
    run_since: float | None = None  # when the current run began (None: paused or not running)
    fired: set[tuple[int, int]] = field(default_factory=set)  # (segment, seconds before end)
    reflections: list[Reflection] = field(default_factory=list)
    polls: list[PollResult] = field(default_factory=list)
    groups: dict[int, Event] = field(default_factory=dict)  # segment -> last groups event
    last_mono: float = 0.0
    stop_reason: str | None = None
    notes_shown: bool = True  # the host notes on screen (h hides them before screen sharing)
    skipped: list[Any] = field(default_factory=list)  # seq of events that could not apply

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
    def ended(self) -> bool:
        return self.status == ENDED

    @property
    def current(self) -> Segment | None:
        if 0 <= self.index < self.count and self.status not in (NOT_STARTED, ENDED):
            return self.agenda.segments[self.index]
        return None

    def duration(self, i: int) -> float:
        return max(self.agenda.segments[i].duration + self.extra[i], 0.0)

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
        segment = self.current
        n = self.count
        planned_total = float(sum(s.duration for s in self.agenda.segments))
        session_elapsed = t - self.started_at if self.started_at is not None else 0.0
        if segment is None:
            done = self.status == ENDED
            return SegmentView(
                status=self.status,
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
                next_segment=None if done else self.agenda.segments[0],
                reflections=len(self.reflections),
            )
        elapsed = self.elapsed(t)
        remaining = self.duration(self.index) - elapsed
        later = sum(
            max(self.duration(j) - self.elapsed_done[j], 0.0) for j in range(self.index + 1, n)
        )
        warning = None
        for before in segment.warn:  # largest first
            if remaining <= before:
                warning = before
        return SegmentView(
            status=self.status,
            index=self.index,
            count=n,
            segment=segment,
            duration=self.duration(self.index),
            elapsed=elapsed,
            remaining=remaining,
            silence_left=max(segment.silence - elapsed, 0.0),
            warning=warning,
            overrun=remaining < 0,
            session_elapsed=session_elapsed,
            planned_total=planned_total,
            projected_total=session_elapsed + max(remaining, 0.0) + later,
            next_segment=self.agenda.segments[self.index + 1] if self.index + 1 < n else None,
            reflections=len(self.reflections),
        )

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
            points = [deadline - w for w in (*segment.warn, 0)]
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
        times = [deadline - w for w in (*segment.warn, 0) if (self.index, w) not in self.fired]
        if segment.auto_advance:
            times.append(deadline)
        return min(times) if times else None

    # ------------------------------------------------------------------ commands

    def start(self, t: float, **fields: Any) -> list[Event]:
        if self.status != NOT_STARTED:
            return []
        return [
            {"type": "session_start", "mono": t, "title": self.agenda.title, **fields},
            self._segment_start(0, t),
        ]

    def toggle_pause(self, t: float) -> list[Event]:
        if self.status == RUNNING:
            return [{"type": "pause", "mono": t, "segment": self.index}]
        if self.status == PAUSED:
            return [{"type": "resume", "mono": t, "segment": self.index}]
        return []

    def pause(self, t: float) -> list[Event]:
        return self.toggle_pause(t) if self.status == RUNNING else []

    def resume(self, t: float) -> list[Event]:
        return self.toggle_pause(t) if self.status == PAUSED else []

    def next_(self, t: float) -> list[Event]:
        return self.jump(t, self.index + 1, reason="next")

    def back(self, t: float) -> list[Event]:
        if self.index == 0:
            return []
        return self.jump(t, self.index - 1, reason="back")

    def jump(self, t: float, target: int, reason: str = "jump") -> list[Event]:
        if self.current is None or target == self.index or target < 0:
            return []
        events = [self._segment_end(t, reason)]
        if target >= self.count:
            events.append({"type": "session_end", "mono": t})
        else:
            events.append(self._segment_start(target, t))
        return events

    def extend(self, t: float, seconds: float) -> list[Event]:
        """Make the current segment longer (or shorter, never below zero)."""
        if self.current is None:
            return []
        applied = max(seconds, -self.duration(self.index))
        if applied == 0:
            return []
        return [{"type": "extend", "mono": t, "segment": self.index, "seconds": applied}]

    def due(self, t: float) -> list[Event]:
        """Warnings and auto-advances that time has brought, each at the moment it fell due.

        Several may be due at once after a long prompt or a resume; they are returned in
        order, each stamped with its own deadline, and applied in turn.
        """
        events: list[Event] = []
        probe = self._copy()
        while probe.current is not None and probe.status == RUNNING:
            segment = probe.current
            deadline = probe.deadline()
            assert deadline is not None
            batch: list[Event] = []
            for before in (*segment.warn, 0):
                when = deadline - before
                if (probe.index, before) not in probe.fired and when <= t:
                    batch.append(
                        {
                            "type": "warning",
                            "mono": max(when, probe.last_mono),
                            "segment": probe.index,
                            "before": before,
                        }
                    )
            if segment.auto_advance and deadline <= t:
                at = max(deadline, probe.last_mono)
                batch.extend(probe.jump(at, probe.index + 1, reason="auto"))
            if not batch:
                break
            for event in batch:
                probe.apply(event)
            events.extend(batch)
        return events

    def stop(self, t: float, reason: str) -> list[Event]:
        return [{"type": "stop", "mono": t, "reason": reason}]

    def _segment_start(self, i: int, t: float) -> Event:
        s = self.agenda.segments[i]
        return {"type": "segment_start", "mono": t, "segment": i, "title": s.title,
                "planned": s.duration}  # fmt: skip

    def _segment_end(self, t: float, reason: str) -> Event:
        return {
            "type": "segment_end",
            "mono": t,
            "segment": self.index,
            "reason": reason,
            "elapsed": round(self.elapsed(t), 3),
        }

    def _copy(self) -> Engine:
        return Engine(
            agenda=self.agenda,
            status=self.status,
            index=self.index,
            started_at=self.started_at,
            extra=list(self.extra),
            elapsed_done=list(self.elapsed_done),
            run_since=self.run_since,
            fired=set(self.fired),
            last_mono=self.last_mono,
        )

    # ------------------------------------------------------------------ applying events

    def apply(self, event: Event) -> None:
        """Move the state by one journal event. Unknown event types are ignored, and an event
        whose fields are not what its type needs (a hand-edited journal) is skipped and noted
        in `skipped`, so that one bad line never stops a session from being resumed."""
        kind = event.get("type")
        handler = getattr(self, f"_on_{kind}", None)
        try:
            t = float(event.get("mono", self.last_mono))
            if not math.isfinite(t):
                raise ValueError(t)
            if handler is not None:
                handler(event, t)
        except (KeyError, ValueError, TypeError, OverflowError, IndexError):
            self.skipped.append(event.get("seq"))
            return
        self.last_mono = max(self.last_mono, t)

    def apply_all(self, events: Iterable[Event]) -> None:
        for event in events:
            self.apply(event)

    def _on_session_start(self, event: Event, t: float) -> None:
        self.started_at = t

    def _on_segment_start(self, event: Event, t: float) -> None:
        i = int(event["segment"])
        if not 0 <= i < self.count:
            return
        self.index = i
        self.status = RUNNING
        self.run_since = t
        if self.started_at is None:
            self.started_at = t

    def _on_segment_end(self, event: Event, t: float) -> None:
        if self.current is not None:
            self.elapsed_done[self.index] = self.elapsed(t)
        self.run_since = None

    def _on_session_end(self, event: Event, t: float) -> None:
        self.run_since = None
        self.status = ENDED
        self.index = self.count

    def _on_pause(self, event: Event, t: float) -> None:
        if self.status == RUNNING:
            self.elapsed_done[self.index] = self.elapsed(t)
            self.run_since = None
            self.status = PAUSED

    def _on_resume(self, event: Event, t: float) -> None:
        if self.status == PAUSED:
            self.run_since = t
            self.status = RUNNING

    def _on_extend(self, event: Event, t: float) -> None:
        i = int(event.get("segment", self.index))
        if 0 <= i < self.count:
            self.extra[i] += float(event["seconds"])

    def _on_warning(self, event: Event, t: float) -> None:
        self.fired.add((int(event["segment"]), int(event["before"])))

    def _on_reflection(self, event: Event, t: float) -> None:
        segment = event.get("segment")
        self.reflections.append(
            Reflection(
                segment=int(segment) if segment is not None else None,
                text=str(event.get("text", "")),
                author=event.get("author"),
                tags=list(event.get("tags", [])),
                source=str(event.get("source", "live")),
                mono=t,
                wall=str(event.get("wall", "")),
            )
        )

    def _on_poll(self, event: Event, t: float) -> None:
        self.polls.append(
            PollResult(
                segment=int(event["segment"]),
                poll=int(event.get("poll", 0)),
                question=str(event.get("question", "")),
                counts={str(k): int(v) for k, v in dict(event.get("counts", {})).items()},
            )
        )

    def _on_groups(self, event: Event, t: float) -> None:
        self.groups[int(event["segment"])] = event

    def _on_notes(self, event: Event, t: float) -> None:
        self.notes_shown = bool(event["shown"])

    def _on_stop(self, event: Event, t: float) -> None:
        self.stop_reason = str(event.get("reason", ""))

    def _on_session_resume(self, event: Event, t: float) -> None:
        self.stop_reason = None


def replay(agenda: Agenda, events: Iterable[Event]) -> Engine:
    engine = Engine(agenda)
    engine.apply_all(events)
    return engine


def state_of(engine: Engine) -> dict[str, Any]:
    """The parts of the state that matter, for comparing a live engine with a replayed one."""
    return {
        "status": engine.status,
        "index": engine.index,
        "started_at": engine.started_at,
        "extra": list(engine.extra),
        "elapsed_done": [round(x, 6) for x in engine.elapsed_done],
        "run_since": engine.run_since,
        "fired": sorted(engine.fired),
        "reflections": [(r.segment, r.text, r.author, r.tags) for r in engine.reflections],
        "polls": [(p.segment, p.poll, p.counts) for p in engine.polls],
        "last_mono": engine.last_mono,
    }
