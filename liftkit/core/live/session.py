"""A live session: the engine, its journal and its clock, wired so that every change is on
disk before anyone is told about it. Used by both the full-screen view and plain mode."""

from __future__ import annotations

import contextlib
import math
import shutil
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from liftkit import __version__
from liftkit.core.agenda.model import Agenda, load_agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.live.capture import parse_counts, parse_reflection, session_people
from liftkit.core.live.controls import Action
from liftkit.core.live.engine import ENDED, NOT_STARTED, PAUSED, Engine, Event
from liftkit.core.live.folders import create_session_folder
from liftkit.core.live.journal import JOURNAL_NAME, Journal, read_journal

AGENDA_COPY = "agenda.toml"
# Stops the host chose: on resume, the time liftkit was away does not count.
DELIBERATE_STOPS = ("quit", "interrupt")


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
    listeners: list[Callable[[Event], None]] = field(default_factory=list)
    # When the session began (as journalled) and when it was planned to (--start).
    started_wall: datetime | None = None
    planned_start: datetime | None = None

    def schedule_start(self) -> datetime | None:
        """What the planned end counts from: the planned start, else the actual one."""
        return self.planned_start or self.started_wall

    @property
    def agenda(self) -> Agenda:
        return self.engine.agenda

    def perform(self, events: list[Event]) -> list[Event]:
        """Write each event to the journal (fsynced), then apply it; return what was written."""
        written = []
        for event in events:
            fields = {k: v for k, v in event.items() if k not in ("type", "mono")}
            with self.guard():
                stored = self.journal.append(
                    event["type"], event["mono"], self.clock.wall_at(event["mono"]), **fields
                )
                self.engine.apply(stored)
            written.append(stored)
            for listener in self.listeners:
                listener(stored)
        return written

    def now(self) -> float:
        return self.clock.now()

    def start(self, planned_start: datetime | None = None) -> list[Event]:
        self.planned_start = planned_start
        self.started_wall = self.clock.wall_at(self.now())
        return self.perform(
            self.engine.start(
                self.now(),
                agenda=AGENDA_COPY,
                segments=self.engine.count,
                rehearse=self.clock.rate,
                planned_start=planned_start.isoformat() if planned_start else None,
                liftkit=__version__,
            )
        )

    def tick(self) -> list[Event]:
        """Take in what another process added (notes), then what time has brought."""
        for event in self.journal.foreign_events():
            self.engine.apply(event)
            for listener in self.listeners:
                listener(event)
        return self.perform(self.engine.due(self.now()))

    def next_(self) -> list[Event]:
        return self.perform(self.engine.due(self.now()) + self.engine.next_(self.now()))

    def back(self) -> list[Event]:
        return self.perform(self.engine.due(self.now()) + self.engine.back(self.now()))

    def toggle_pause(self) -> list[Event]:
        self.tick()
        return self.perform(self.engine.toggle_pause(self.now()))

    def pause(self) -> list[Event]:
        self.tick()
        return self.perform(self.engine.pause(self.now()))

    def resume(self) -> list[Event]:
        return self.perform(self.engine.resume(self.now()))

    def extend(self, seconds: float) -> list[Event]:
        self.tick()
        return self.perform(self.engine.extend(self.now(), seconds))

    def jump(self, target: int) -> list[Event]:
        self.tick()
        return self.perform(self.engine.jump(self.now(), target))

    def reflect(self, raw: str, source: str, segment: int | None = None) -> Event | None:
        """Capture a reflection typed as "Name: text #tag" (a name on the attendee list, or one
        that looks like a name); None when there is no text."""
        parsed = parse_reflection(raw, session_people(self.folder, self.engine.groups.values()))
        if not parsed.text:
            return None
        if segment is None and self.engine.current is not None:
            segment = self.engine.index
        (event,) = self.perform(
            [
                {
                    "type": "reflection",
                    "mono": max(self.now(), self.engine.last_mono),
                    "segment": segment,
                    "text": parsed.text,
                    "author": parsed.author,
                    "tags": parsed.tags,
                    "source": source,
                }
            ]
        )
        return event

    def record_poll(self, segment: int, poll: int, counts: dict[str, int]) -> Event:
        question = self.agenda.segments[segment].polls[poll].question
        (event,) = self.perform(
            [
                {
                    "type": "poll",
                    "mono": max(self.now(), self.engine.last_mono),
                    "segment": segment,
                    "poll": poll,
                    "question": question,
                    "counts": counts,
                }
            ]
        )
        return event

    def record_groups(self, segment: int, data: dict[str, Any]) -> Event:
        (event,) = self.perform(
            [
                {
                    "type": "groups",
                    "mono": max(self.now(), self.engine.last_mono),
                    "segment": segment,
                    **data,
                }
            ]
        )
        return event

    def stop(self, reason: str) -> None:
        """Record that liftkit stopped (the session stays resumable); close the journal."""
        if self.journal.closed:
            return
        try:
            if self.engine.status != ENDED:
                t = max(self.now(), self.engine.last_mono)
                self.perform(self.engine.due(t) + self.engine.stop(t, reason))
        except LiftkitError:
            pass  # the journal cannot be written: what it holds is still complete to here
        finally:
            self.journal.close()

    def close(self) -> None:
        self.journal.close()


def new_session(
    agenda_path: Path,
    agenda_name: str,
    parent: Path,
    clock: Clock,
    extra_files: dict[str, Path] | None = None,
) -> LiveSession:
    """Create the session folder with a copy of the agenda (and attendee and group files)."""
    agenda = load_agenda(agenda_path)
    folder = create_session_folder(parent, agenda_name, clock.wall_at(clock.now()))
    shutil.copyfile(agenda_path, folder / AGENDA_COPY)
    for name, source in (extra_files or {}).items():
        shutil.copyfile(source, folder / name)
    journal = Journal.create(folder / JOURNAL_NAME)
    return LiveSession(folder=folder, engine=Engine(agenda), journal=journal, clock=clock)


@dataclass
class Resumed:
    session: LiveSession
    gap: float  # wall seconds since the last event
    counted: bool  # whether that time ran on the session clock


def resume_session(
    folder: Path,
    clock_factory: Callable[[float, float], Clock],
    wall_now: Callable[[], datetime] = _local_now,
) -> Resumed:
    """Rebuild a session's state from its journal and reopen the journal for appending.

    After a crash (or a closed terminal) the call went on, so the time liftkit was away runs
    on the session clock; after a deliberate quit it does not.
    """
    agenda = load_agenda(folder / AGENDA_COPY)
    read = read_journal(folder / JOURNAL_NAME)
    engine = Engine(agenda)
    rate = 1.0
    last_wall: datetime | None = None
    started_wall = planned_start = None
    for event in read.events:
        with contextlib.suppress(ValueError, TypeError):
            last_wall = datetime.fromisoformat(str(event.get("wall")))
        if event.get("type") == "session_start":
            with contextlib.suppress(ValueError, TypeError):
                rate = float(event.get("rehearse") or 1.0)
            started_wall = last_wall
            with contextlib.suppress(ValueError, TypeError):
                planned_start = datetime.fromisoformat(str(event.get("planned_start")))
        engine.apply(event)
    if not (math.isfinite(rate) and rate > 0):
        rate = 1.0
    if engine.status == ENDED:
        raise LiftkitError(
            f"{folder}: this session has ended",
            f"add reflections with `liftkit note {folder} TEXT`, or write the pack with "
            f"`liftkit export {folder}`",
        )
    gap = max((wall_now() - last_wall).total_seconds(), 0.0) if last_wall else 0.0
    counted = engine.stop_reason not in DELIBERATE_STOPS and engine.status != NOT_STARTED
    offset = engine.last_mono + (gap * rate if counted else 0.0)
    clock = clock_factory(rate, offset)
    journal = Journal.reopen(folder / JOURNAL_NAME, read)
    session = LiveSession(
        folder=folder,
        engine=engine,
        journal=journal,
        clock=clock,
        started_wall=started_wall,
        planned_start=planned_start,
    )
    session.notices.extend(read.warnings)
    if engine.skipped:
        shown = ", ".join(str(seq) for seq in engine.skipped[:5])
        session.notices.append(
            f"{folder / JOURNAL_NAME}: skipped {len(engine.skipped)} event(s) with missing or "
            f"broken fields (seq {shown})"
        )
    if engine.status != NOT_STARTED:
        session.perform(
            [
                {
                    "type": "session_resume",
                    "mono": clock.now(),
                    "gap": round(gap, 3),
                    "paused": engine.status == PAUSED,
                    "counted": counted,
                }
            ]
        )
    return Resumed(session=session, gap=gap, counted=counted)


def carry_out(session: LiveSession, action: Action, source: str) -> str:
    """Do what a key or a typed command asks for; return a short message for the host.

    Reflections and poll counts come as text in the action (plain mode); the full-screen
    view asks for them with a prompt first and then calls this.
    """
    engine = session.engine
    name = action.name
    if name == "toggle_pause":
        session.toggle_pause()
        return "Paused." if engine.status == PAUSED else "Running again."
    if name in ("pause", "resume"):
        done = session.pause() if name == "pause" else session.resume()
        return "" if done else f"Already {'paused' if name == 'pause' else 'running'}."
    if name == "next":
        session.next_()
        return ""
    if name == "back":
        return "" if session.back() else "This is the first segment."
    if name == "jump":
        target = action.number if action.number is not None else -1
        if not 0 <= target < engine.count:
            return f"No segment {target + 1}: choose 1 to {engine.count}."
        session.jump(target)
        return ""
    if name == "extend":
        if not session.extend(action.seconds):
            return "No time left to take from this segment."
        return ""
    if name == "reflect":
        event = session.reflect(action.text, source)
        if event is None:
            return "No reflection recorded (it was empty)."
        return ""
    if name == "poll":
        return _poll_from_text(session, action.text)
    if name == "say":
        return action.text
    return ""


def _poll_from_text(session: LiveSession, text: str) -> str:
    segment = session.engine.current
    if segment is None or not segment.polls:
        return "This segment has no polls."
    words = text.replace(",", " ").split()
    poll = 0
    if len(segment.polls) > 1 and words and words[0].isdigit():
        # "p 2 28 2": the second poll, when the count of numbers after the first fits it.
        wanted = int(words[0]) - 1
        rest = words[1:]
        if 0 <= wanted < len(segment.polls) and len(rest) == len(segment.polls[wanted].options):
            poll, words = wanted, rest
    options = segment.polls[poll].options
    if not words:
        listing = "; ".join(
            f"{j + 1}. {p.question} [{' / '.join(p.options)}]" for j, p in enumerate(segment.polls)
        )
        return f"Polls here: {listing}. Type e.g. p {' '.join('0' for _ in options)}"
    try:
        counts = parse_counts(" ".join(words), options, where=f"poll {poll + 1}")
    except LiftkitError as error:
        return " ".join(error.lines())
    session.record_poll(session.engine.index, poll, counts)
    return ""
