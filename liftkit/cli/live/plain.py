"""Plain mode: one line per event and one a minute; commands as lines on standard input.

Chosen with --plain, or when standard input or output is not a terminal. End of input does
not end the session: the clock runs on until the agenda ends or a signal stops it.
"""

from __future__ import annotations

import contextlib
import os
import select
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from liftkit.cli.live.fullscreen import Outcome
from liftkit.cli.live.terminal import Signals
from liftkit.core.errors import EXIT_INTERRUPTED, EXIT_OK, LiftkitError
from liftkit.core.live.controls import PLAIN_HELP, Ui, parse_line
from liftkit.core.live.engine import ENDED, NOT_STARTED
from liftkit.core.live.events import GroupsMade, JournalEvent, SegmentStart
from liftkit.core.live.screen import event_lines, schedule, status_line
from liftkit.core.live.session import LiveSession, carry_out

MINUTE = 60.0
MAX_SLEEP = 1.0


class PlainApp:
    def __init__(
        self,
        session: LiveSession,
        out: TextIO,
        stdin_fd: int,
        start_at: datetime | None = None,
        reshuffle: Callable[[LiveSession], str] | None = None,
        notice: str = "",
    ) -> None:
        self.session = session
        self.notice = notice
        self.out = out
        self.stdin_fd = stdin_fd
        self.start_at = start_at  # the planned start, kept in the journal
        self.start_now = start_at is None
        self.reshuffle = reshuffle
        self.ui = Ui()
        self.signals = Signals()
        self.session.guard = self.signals.deferred
        self._buffer = b""
        self._stdin_open = True
        self._next_minute: float | None = None

    def say(self, text: str) -> None:
        if not text:
            return
        stamp = self.session.clock.wall_at(self.session.now()).strftime("%H:%M:%S")
        for line in text.splitlines():
            self.out.write(f"{stamp}  {line}\n")
        self.out.flush()

    def show(self, event: JournalEvent) -> None:
        s = self.session
        view = s.engine.view(s.now())
        for line in event_lines(event, view, s.agenda.segments):
            self.say(line)
        if isinstance(event, SegmentStart | GroupsMade) and event.segment is not None:
            self._rooms(event.segment)

    def _rooms(self, index: int) -> None:
        """The breakout rooms, when a breakout starts or its groups are reshuffled."""
        from liftkit.core.live.rooms import summary

        engine = self.session.engine
        made = engine.groups.get(index)
        if made is None or index != engine.index or engine.current is None:
            return
        shown = summary(engine.current, made.split, engine.elapsed(self.session.now()), 1.0)
        self.say(f"  {shown.title.removesuffix(' (g reshuffles)')}")
        for room, members in shown.rooms:
            self.say(f"  {room}: {', '.join(members)}")

    def run(self) -> Outcome:
        with self.signals:
            try:
                return self._loop()
            except BaseException:
                self.session.stop("error")
                raise

    def _loop(self) -> Outcome:
        s = self.session
        s.listeners.append(self.show)
        self.say(f"{s.agenda.title}: {s.engine.count} segments. {PLAIN_HELP}")
        self.say(f"session folder: {s.folder}")
        for notice in s.notices:
            self.say(f"warning: {notice}")
        self.say(self.notice)
        while True:
            try:
                if s.engine.status == NOT_STARTED and self._may_start():
                    s.start(self.start_at)
                s.tick()
                if s.engine.status == ENDED:
                    self.say(f"next: liftkit export {s.folder}")
                    return Outcome(EXIT_OK, "ended")
                if self.signals.terminate:
                    self.say(f"stopping ({self.signals.terminate})")
                    s.stop(self.signals.terminate)
                    return Outcome(EXIT_INTERRUPTED, self.signals.terminate)
                self._minute_line()
                for line in self._read_lines(self._sleep_for()):
                    outcome = self._command(line)
                    if outcome is not None:
                        return outcome
                for _ in range(self.signals.take_interrupts()):
                    outcome = self._interrupt()
                    if outcome is not None:
                        return outcome
            except KeyboardInterrupt:
                outcome = self._interrupt()
                if outcome is not None:
                    return outcome
            except LiftkitError as error:  # the journal cannot be written (a full disk)
                self.say(f"NOT SAVED: {error.message}. {error.hint}")

    def _status(self, t: float) -> str:
        s = self.session
        view = s.engine.view(t)
        plan = schedule(view, s.clock.wall_at(t), s.schedule_start(), s.clock.rate)
        return status_line(view, plan.behind)

    def _has_groups(self) -> bool:
        engine = self.session.engine
        segment = engine.current
        return (
            segment is not None
            and segment.kind == "breakout"
            and (engine.index in engine.groups or self.reshuffle is not None)
        )

    def _interrupt(self) -> Outcome | None:
        if self.ui.confirm == "interrupt":
            self.say("interrupted: stopping")
            self.session.stop("interrupt")
            return Outcome(EXIT_INTERRUPTED, "interrupt")
        self.ui.confirm = "interrupt"
        self.say("Ctrl-C: press Ctrl-C again or type y to quit; anything else carries on")
        return None

    def _may_start(self) -> bool:
        if self.start_now or self.start_at is None:
            return True
        now_wall = self.session.clock.wall_at(self.session.now())
        if now_wall >= self.start_at:
            return True
        if self._next_minute is None:
            self.say(f"waiting to start at {self.start_at:%H:%M}; type n to start now")
            self._next_minute = self.session.now() + MINUTE
        return False

    def _minute_line(self) -> None:
        s = self.session
        t = s.now()
        if s.engine.started_at is None:
            if self._next_minute is not None and t >= self._next_minute and self.start_at:
                left = (self.start_at - s.clock.wall_at(t)).total_seconds()
                self.say(f"starting at {self.start_at:%H:%M} (in {int(left // 60) + 1} min)")
                self._next_minute = t + MINUTE
            return
        if self._next_minute is None or self._next_minute < s.engine.started_at:
            self._next_minute = s.engine.started_at + MINUTE
        if t >= self._next_minute:
            self.say(self._status(t))
            elapsed = t - s.engine.started_at
            self._next_minute = s.engine.started_at + (elapsed // MINUTE + 1) * MINUTE

    def _sleep_for(self) -> float:
        s = self.session
        t = s.now()
        wakes = [w for w in (s.engine.next_due(), self._next_minute) if w is not None]
        if s.engine.status == NOT_STARTED and self.start_at is not None and not self.start_now:
            real = (self.start_at - s.clock.wall_at(t)).total_seconds()
            return min(max(real, 0.0), MAX_SLEEP)
        if not wakes:
            return MAX_SLEEP
        return min(max(s.clock.real_seconds(min(wakes) - t), 0.0), MAX_SLEEP)

    def _read_lines(self, timeout: float) -> list[str]:
        fds = [self.signals.wake_fd] + ([self.stdin_fd] if self._stdin_open else [])
        ready, _, _ = select.select(fds, [], [], timeout)
        if self.signals.wake_fd in ready:
            self.signals.drain()
        if self.stdin_fd not in ready:
            return []
        data = b""
        with contextlib.suppress(BlockingIOError):
            data = os.read(self.stdin_fd, 65536)
        if not data:
            if os.isatty(self.stdin_fd):
                # Ctrl-D on a terminal: a slip of the finger, not the end of the commands.
                self.say("Ctrl-D ignored: type q then y to stop")
                return []
            self._stdin_open = False
            lines = [self._buffer.decode("utf-8", "replace")] if self._buffer.strip() else []
            self._buffer = b""
            self.say("end of input: the session carries on until its end or a signal stops it")
            return lines
        self._buffer += data
        *complete, self._buffer = self._buffer.split(b"\n")
        return [line.decode("utf-8", "replace").rstrip("\r") for line in complete]

    def _command(self, line: str) -> Outcome | None:
        s = self.session
        if s.engine.status == NOT_STARTED and line.strip().lower() in ("n", "next", "start"):
            self.start_now = True
            return None
        if line.strip().lower() in ("g", "groups") and not self._has_groups():
            self.say("No groups here: groups are for breakout segments, with --attendees FILE.")
            return None
        action = parse_line(self.ui, line)
        if action.name == "next" and action.text != "end" and s.engine.index == s.engine.count - 1:
            self.ui.confirm = "end"
            self.say("End the session? It cannot be resumed after. y to confirm")
            return None
        if action.name == "quit":
            reason = "interrupt" if action.text == "interrupt" else "quit"
            self.say(f"quitting; carry on later with: liftkit resume {s.folder}")
            s.stop(reason)
            return Outcome(EXIT_INTERRUPTED if reason == "interrupt" else EXIT_OK, reason)
        if action.name == "help":
            self.say(PLAIN_HELP)
            return None
        if action.name == "status":
            self.say(self._status(s.now()) or "not started")
            return None
        if action.name == "reshuffle":
            message = self.reshuffle(s) if self.reshuffle else "No groups: use --attendees FILE."
            self.say(message)
            return None
        self.say(carry_out(s, action, "plain"))
        return None
