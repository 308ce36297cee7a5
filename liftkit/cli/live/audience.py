"""`liftkit view`: the audience window, full screen, or a line per change when not on a terminal.

Read-only: it follows the journal (see liftkit.core.live.follow) and never writes it. The
full screen redraws only when what it shows changes (the countdown once a second, the rest
when an event arrives); the journal is checked four times a second, a stat each time.
"""

from __future__ import annotations

import contextlib
import select
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TextIO

from rich.console import Console

from liftkit.cli.live.frame import Frame
from liftkit.cli.live.fullscreen import ScreenWriter, safe_screen
from liftkit.cli.live.keys import REDRAW
from liftkit.cli.live.terminal import KeyReader, Signals, window_gone
from liftkit.core.errors import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK
from liftkit.core.live.audience import (
    audience_lines,
    audience_screen,
    room_groups,
    rooms_lines,
    status_now,
    waiting_screen,
)
from liftkit.core.live.controls import pasted
from liftkit.core.live.engine import NOT_STARTED, PAUSED
from liftkit.core.live.events import JournalEvent
from liftkit.core.live.follow import Follower, journal_in_use, local_now
from liftkit.core.live.latest import Latest
from liftkit.core.live.plain_lines import polls_now_lines, segment_now_lines
from liftkit.core.live.plain_times import silence_over
from liftkit.core.live.screen import Screen
from liftkit.core.text import terminal_safe
from liftkit.core.zones import session_zone

# Seconds between looks at the journal: a change shows within a second, at a stat's cost.
POLL = 0.25
# Seconds between looks at whether the host's liftkit holds the journal.
HOST_CHECK = 1.0
MINUTE = 60.0
# The shortest time between two draws: 10 frames a second at most, as `liftkit run` draws.
FRAME = 0.1

Wall = Callable[[], datetime]


class HostWatch:
    """Whether the host's liftkit is running, looked up at most once a second."""

    def __init__(self, follower: Follower, wall: Wall) -> None:
        self.follower, self.wall = follower, wall
        self._checked: datetime | None = None
        self._in_use: bool | None = None

    def forget(self) -> None:
        """Look again next time (an event came: the host's liftkit may be back)."""
        self._checked = None

    def state(self) -> str:
        now = self.wall()
        if self._checked is None or (now - self._checked).total_seconds() >= HOST_CHECK:
            self._in_use = journal_in_use(self.follower.tail.path)
            self._checked = now
        return self.follower.host_state(self._in_use)


class AudienceApp:
    """The full-screen audience window; q, Esc or Ctrl-C close it, any key once it ended."""

    def __init__(
        self,
        follower: Follower | None,
        console: Console,
        stdin_fd: int | None,
        wall: Wall = local_now,
        latest: Latest | None = None,
    ) -> None:
        self.console = console
        self.stdin_fd = stdin_fd
        self.wall = wall
        self.latest = latest  # None: the session named, and no other
        # the session followed is the host watch's: none while `latest` waits for one
        self.host = HostWatch(follower, wall) if follower is not None else None
        self.frame = Frame()
        self.signals = Signals(catch_stop=True)  # Ctrl-Z gives the terminal back first
        self._shown: tuple[Screen, int, int] | None = None

    @property
    def following(self) -> Follower | None:
        return self.host.follower if self.host is not None else None

    def follow(self, follower: Follower) -> None:
        self.host, self._shown = HostWatch(follower, self.wall), None

    def screen(self) -> Screen:
        """Texts from the host's files (titles, prompts, names) made safe for the terminal."""
        if self.host is None:
            parent = str(self.latest.parent) if self.latest else ""
            return safe_screen(waiting_screen(self.wall(), parent))
        return safe_screen(audience_screen(self.host.follower, self.wall(), self.host.state()))

    def draw(self, writer: ScreenWriter) -> None:
        """Redraw only when the screen or the window size changed, and then only the lines
        that changed (the countdown's, once a second)."""
        screen = self.screen()
        size = self.console.size
        key = (screen, size.width, size.height)
        if key != self._shown:
            lines = self.frame.frame_lines(self.console, screen, size.width, size.height)
            writer.draw(lines, size.width, size.height)
            self._shown = key

    def until_change(self) -> float:
        """Real seconds until the shown second changes (at most one: the wall clock, the
        host's state), and at least a frame's: a rehearsal's second (a sixtieth of one at
        `--rehearse 60`) redrew the window 50 times a second."""
        f = self.following
        if f is None:  # no session yet: the wall clock's minute, and a look each second
            return 1.0
        start_at = f.waiting_for()
        if start_at is not None:  # the countdown to the start: on its whole seconds
            until = (start_at - self.wall()).total_seconds()
            return min(max(until % 1.0 or 1.0, FRAME), 1.0)
        t = f.now(self.wall())
        wake = f.engine.next_change(t) if not f.stopped_deliberately else None
        real = (wake - t) / f.rate if wake is not None else 1.0
        return min(max(real, FRAME), 1.0)

    def run(self) -> int:
        with self.signals:
            try:
                # bracketed paste on: chat pasted here by mistake is no keys (_pasted)
                with self._keys() as keys, ScreenWriter(self.console, paste=True) as writer:
                    return self._loop(writer, keys)
            except OSError as error:
                # The window went away (a closed tab, a killed tmux): nothing to show it to,
                # and nothing of the session's is held here, so go as quietly as the console.
                if window_gone(error, self.signals.terminate):
                    return EXIT_INTERRUPTED
                raise

    @contextlib.contextmanager
    def _keys(self) -> Iterator[KeyReader | None]:
        if self.stdin_fd is None:
            yield None
            return
        with KeyReader(self.stdin_fd, self.signals) as keys:  # no echo on a shared screen
            yield keys

    def _loop(self, writer: ScreenWriter, keys: KeyReader | None) -> int:
        """Each wake-up costs a stat of the journal; the screen is built only when an event
        came, the window changed size or the shown second is due to change."""
        draw_at = 0.0
        size = None
        while True:
            try:
                newer = self.latest.newer(self.following) if self.latest is not None else None
                if newer is not None:
                    self.follow(newer)
                    draw_at = 0.0
                if self.host is not None and self.host.follower.refresh():
                    self.host.forget()
                    draw_at = 0.0
                if self.console.size != size:
                    size, draw_at = self.console.size, 0.0
                if time.monotonic() >= draw_at:
                    self.draw(writer)
                    draw_at = time.monotonic() + self.until_change()
                wait = min(max(draw_at - time.monotonic(), 0.0), POLL)
                pressed = self._wait(keys, wait)
                if self.signals.terminate or self.signals.take_interrupts():
                    return EXIT_INTERRUPTED
                if self.signals.take_stop():  # Ctrl-Z: the shell's screen and modes back
                    self._stop_for_the_shell(writer, keys)
                    size = None  # draw it all again
                if self.signals.continued and keys is not None:  # back from Ctrl-Z and `fg`
                    self.signals.continued = False
                    keys.cbreak()
                    writer.again()  # bracketed paste: the shell turned it off
                    self._shown, draw_at, writer.shown = None, 0.0, []  # the shell drew
                ended = self.host is not None and self.host.follower.ended
                if REDRAW in pressed:  # Ctrl-L: all again (another program wrote here)
                    self._shown, draw_at, writer.size = None, 0.0, (0, 0)
                    pressed = [key for key in pressed if key != REDRAW]
                closing = ended or any(key in ("q", "Q", "ESC") for key in pressed)
                if pressed and closing and not _pasted(pressed):
                    return EXIT_OK
            except KeyboardInterrupt:
                return EXIT_INTERRUPTED

    def _stop_for_the_shell(self, writer: ScreenWriter, keys: KeyReader | None) -> None:
        writer.__exit__()
        if keys is not None:
            keys.restore()
        try:
            self.signals.stop_process()
        finally:
            if keys is not None:
                keys.cbreak()
            writer.__enter__()
            self._shown, writer.shown, writer.size = None, [], (0, 0)

    def _wait(self, keys: KeyReader | None, timeout: float) -> list[str]:
        if keys is not None:
            return keys.read(timeout)
        ready, _, _ = select.select([self.signals.wake_fd], [], [], timeout)
        if ready:
            self.signals.drain()
        return []


def _pasted(pressed: list[str]) -> bool:
    """Whether what one read brought is a paste, never keys: a bracketed one, or several
    keys of which one is neither q nor Esc (a hand presses one key a read; a terminal
    without bracketed paste writes the pasted text at once). Chat pasted here by mistake
    closed the shared window in front of the call at its first q."""
    if any(pasted(key) is not None for key in pressed):
        return True
    return len(pressed) > 1 and any(key not in ("q", "Q", "ESC") for key in pressed)


class PlainAudience:
    """A line per change, stamped with the wall clock, and a status line each minute."""

    def __init__(
        self,
        follower: Follower | None,
        out: TextIO,
        wall: Wall = local_now,
        latest: Latest | None = None,
    ) -> None:
        self.out = out
        self.wall = wall
        self.latest = latest  # None: the session named, and no other
        self.signals = Signals()
        # the session followed is the host watch's: none while `latest` waits for one
        self._host: HostWatch | None = None
        if follower is not None:
            self.follow(follower)

    @property
    def following(self) -> Follower | None:
        return self._host.follower if self._host is not None else None

    @property
    def host(self) -> HostWatch:
        """The session followed, and whether its host runs (asked once there is one)."""
        if self._host is None:
            raise RuntimeError("no session followed yet")
        return self._host

    @property
    def follower(self) -> Follower:
        return self.host.follower

    def follow(self, follower: Follower) -> None:
        self._host = HostWatch(follower, self.wall)
        self._host_state = ""
        self._rooms_shown: tuple[int, str] | None = None
        self._next_minute: float | None = None
        self._in_silence = -1  # the segment whose silence is yet to be said to be over

    def say(self, *lines: str) -> None:
        now, f = self.wall(), self.following
        if f is not None:  # the host's clock, where the view may be in another zone
            now = session_zone(f.planned_start or f.started_wall or f.waiting_for())(now)
        stamp = now.strftime("%H:%M:%S")
        for line in lines:  # titles, prompts and names come from the host's files
            self.out.write(f"{stamp}  {terminal_safe(line)}\n")
        self.out.flush()

    def start(self) -> None:
        """Say what is followed and where the session is now; then a line per change."""
        f = self.follower
        self.say(f"following {f.folder} ({f.agenda.title}); Ctrl-C stops")
        t = f.now(self.wall())
        view = f.view(t)
        polls = polls_now_lines(view, f.engine.polls)
        self.say(*segment_now_lines(view), *polls, status_now(f, t, self.wall()))
        self._rooms_now()
        self._silence_over()  # a silence under way: its end is said when it comes
        f.listeners.append(self._event)

    def step(self) -> int | None:
        """Take in what the journal gained and say what changed; an exit code at the end."""
        newer = self.latest.newer(self.following) if self.latest is not None else None
        if newer is not None:
            self.follow(newer)
            self.start()
        if self._host is None:
            return None  # waiting for a session to start
        f = self.follower
        if f.refresh():
            self.host.forget()
        if f.ended:
            return EXIT_OK
        if gone := f.gone():  # nothing more will come: a log must not wait for ever
            self.say(f"the session can no longer be read: {gone}")
            return EXIT_FAILURE
        self._host_changes()
        self._rooms_now()
        self._silence_over()
        self._minute_line()
        return None

    def run(self) -> int:
        if self._host is not None:
            self.start()
        elif self.latest is not None:
            self.say(f"waiting for a session in {self.latest.parent}; Ctrl-C stops")
        with self.signals:
            try:
                while (code := self.step()) is None:
                    ready, _, _ = select.select([self.signals.wake_fd], [], [], POLL)
                    if ready:
                        self.signals.drain()
                    if self.signals.terminate or self.signals.take_interrupts():
                        return EXIT_INTERRUPTED
                return code
            except KeyboardInterrupt:
                return EXIT_INTERRUPTED

    def _event(self, event: JournalEvent) -> None:
        lines = audience_lines(event, self.follower, self.follower.now(self.wall()))
        if lines:
            self.say(*lines)
        if event.type in ("segment_start", "groups"):
            self._rooms_shown = self._rooms_key()
        if event.type in ("stop", "session_resume"):
            self._host_state = self.host.state()

    def _rooms_key(self) -> tuple[int, str] | None:
        f = self.follower
        groups = room_groups(f.engine, f.now(self.wall()))
        return (f.engine.index, groups.title) if groups is not None else None

    def _rooms_now(self) -> None:
        """A breakout's next round: its rooms, when the round begins."""
        f = self.follower
        groups = room_groups(f.engine, f.now(self.wall()))
        key = (f.engine.index, groups.title) if groups is not None else None
        if groups is not None and key != self._rooms_shown:
            self.say("rooms now:", *rooms_lines(groups))
        self._rooms_shown = key

    def _host_changes(self) -> None:
        state = self.host.state()
        if state == self._host_state:
            return
        if state == "away" and self._host_state in ("", "running"):
            status = self.follower.engine.status
            self.say(
                "the host's liftkit is not running; "
                + {
                    PAUSED: "the clock stays paused",
                    NOT_STARTED: "the session has not started",  # it waited for --start
                }.get(status, "the clock runs on, as the call does")
            )
        self._host_state = state

    def _silence_over(self) -> None:
        """Said once, as the host's plain mode says it: there is no countdown to watch."""
        f = self.follower
        if f.stopped_deliberately:
            return
        self._in_silence, said = silence_over(f.view(f.now(self.wall())), self._in_silence)
        if said:
            self.say(*said)

    def _minute_line(self) -> None:
        f = self.follower
        t = f.now(self.wall())
        if f.engine.started_at is None or f.stopped_deliberately:
            return
        if self._next_minute is None:
            self._next_minute = t + MINUTE
        if t >= self._next_minute:
            self.say(status_now(f, t))
            self._next_minute = t + MINUTE
