"""The full-screen live session: it reads keys and draws what the controller decided.

The alternate screen (`ScreenWriter`) is a `with` block inside the key terminal's `with`
block, so the screen, the cursor and the terminal modes are restored whatever ends the
session. The loop itself is the controller's (`Controller.run`); this module is its port to
a terminal.
"""

from __future__ import annotations

import dataclasses
from contextlib import AbstractContextManager
from typing import Any, Protocol

from rich.console import Console
from rich.control import Control
from rich.segment import Segment, Segments

from liftkit.cli.flags import as_flags
from liftkit.cli.live.frame import Frame
from liftkit.cli.live.keys import PASTE_OFF, PASTE_ON, REDRAW
from liftkit.cli.live.terminal import window_gone
from liftkit.core.errors import EXIT_INTERRUPTED
from liftkit.core.live.controller import Controller
from liftkit.core.live.intake import Outcome
from liftkit.core.live.screen import GroupsSummary, Screen, build_screen
from liftkit.core.text import terminal_safe


class Keys(Protocol):
    """Where keys and signals come from: a real terminal (`KeyTerminal`) or a scripted fake."""

    def __enter__(self) -> Keys: ...
    def __exit__(self, *exc: object) -> None: ...
    def read(self, timeout: float) -> list[str]: ...
    def interrupts(self) -> int: ...
    def terminated(self) -> str | None: ...
    def deferred(self) -> AbstractContextManager[None]: ...
    def take_resumed(self) -> bool: ...
    def take_stop(self) -> bool: ...
    def stop_here(self) -> bool: ...


class ScreenWriter:
    """The alternate screen, redrawn line by line: only the lines that changed since the last
    frame are written (the countdown once a second; the rest when something happens).

    rich's `Live` rewrites the whole screen on every refresh; on an idle screen that is most
    of liftkit's CPU time.
    """

    def __init__(self, console: Console, paste: bool = False) -> None:
        self.console = console
        self.paste = paste  # bracketed paste on while it is shown: a paste is never keys
        self.shown: list[list[Segment]] = []
        self.size: tuple[int, int] = (0, 0)
        self.written: list[int] = []  # lines written by each draw (what idle costs)
        self.on = False  # shown: left once only (Ctrl-Z left it, and liftkit never came back)

    def __enter__(self) -> ScreenWriter:
        self.on = True
        self.console.set_alt_screen(True)
        self.console.show_cursor(False)
        self._paste_mode(PASTE_ON)
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.on:
            return
        self.on = False
        self._paste_mode(PASTE_OFF)
        self.console.show_cursor(True)
        self.console.set_alt_screen(False)

    def again(self) -> None:
        """Back from a stop that liftkit did not ask for (`kill -STOP`, then `fg`): the shell
        turned bracketed paste off and may have shown the cursor; the modes again."""
        if self.on:
            self.console.show_cursor(False)
            self._paste_mode(PASTE_ON)

    def _paste_mode(self, code: str) -> None:
        """Bracketed paste on or off (rich has no name for it: written as it is)."""
        if self.paste and self.console.is_terminal:
            self.console.file.write(code)
            self.console.file.flush()

    def draw(self, lines: list[list[Segment]], width: int, height: int) -> int:
        """Write the lines that differ from the screen as it is, in one write; return how
        many were written."""
        console = self.console
        if (width, height) != self.size:  # a resize: the terminal's contents are not ours
            self.size, self.shown = (width, height), []
            console.control(Control.clear(), Control.home())
        changed: list[Segment] = []
        written = 0
        for y, line in enumerate(lines[:height]):
            if y < len(self.shown) and self.shown[y] == line:
                continue
            changed.append(Control.move_to(0, y).segment)
            changed.extend(line)
            written += 1
        if changed:
            console.print(Segments(changed), end="", soft_wrap=True)
        self.shown = lines
        self.written.append(written)
        return written


class LiveApp:
    def __init__(self, controller: Controller, console: Console, keys: Keys) -> None:
        self.controller = controller
        self.session = controller.session
        self.console = console
        self.keys = keys
        self.frame = Frame()
        self.writer: ScreenWriter | None = None
        self.written: list[int] = []  # per draw, kept after the session (tests)
        self.last_screen: Screen | None = None  # what was drawn last (tests read it)
        self.session.guard = keys.deferred

    # ------------------------------------------------------------------ drawing

    def screen(self) -> Screen:
        c = self.controller
        s = self.session
        t = s.now()
        screen = safe_screen(
            build_screen(
                s.engine.view(t),
                c.ui,
                title=s.agenda.title,
                now_wall=s.clock.wall_at(t),
                session_start_wall=s.schedule_start() or c.start_at,
                rate=s.clock.rate,
                now=t,
                groups=c.groups_view(s) if c.groups_view else None,
                start_at=c.start_at,
                poll_results=s.engine.polls,
                folder=str(s.folder),
            )
        )
        return dataclasses.replace(screen, message=as_flags(screen.message))

    def draw(self) -> None:
        if self.writer is None:
            return
        size = self.console.size
        screen = self.screen()
        if self.keys.take_resumed():
            self.writer.again()
            self.writer.size = (0, 0)  # draw everything again
        if screen == self.last_screen and self.writer.size == (size.width, size.height):
            self.writer.written.append(0)  # nothing changed (a paused clock): not even a render
            return
        self.last_screen = screen
        lines = self.frame.frame_lines(self.console, screen, size.width, size.height)
        self.writer.draw(lines, size.width, size.height)

    # ------------------------------------------------------------------ the controller's port

    def show(self) -> None:
        if self.writer is None:  # the terminal is the shell's (stopped from the background)
            return
        for _ in range(self.controller.take_bells()):
            self.console.bell()
        self.draw()

    def read(self, timeout: float) -> list[str]:
        if self.keys.take_stop():
            self.stop_for_the_shell()
        keys = self.keys.read(timeout)
        if REDRAW in keys and self.writer is not None:  # Ctrl-L: another program wrote here
            self.writer.size, self.last_screen = (0, 0), None
            self.draw()
            keys = [key for key in keys if key != REDRAW]
        return keys

    def stop_for_the_shell(self) -> None:
        """Ctrl-Z: leave the screen as the shell had it (main screen, cursor, cooked mode, no
        bracketed paste), stop; after `fg`, take the screen again and draw it all."""
        writer = self.writer
        if writer is not None:
            writer.__exit__()
        if not self.keys.stop_here():  # `kill %1`: stopping, in the background for good
            self.writer = None
            return
        if writer is not None:
            writer.__enter__()
            writer.size = (0, 0)
        self.last_screen = None
        self.draw()

    def interrupts(self) -> int:
        return self.keys.interrupts()

    def terminated(self) -> str | None:
        return self.keys.terminated()

    # ------------------------------------------------------------------ the session

    def run(self) -> Outcome:
        with self.keys:
            try:
                with ScreenWriter(self.console, paste=True) as writer:
                    self.writer = writer
                    self.written = writer.written
                    return self.controller.run(self)
            except OSError as error:
                # The terminal went away (a closed window): the journal is what matters.
                gone = window_gone(error, self.keys.terminated())
                if gone:
                    self.controller.stop(gone)  # keeping a half-typed reflection
                    return Outcome(EXIT_INTERRUPTED, gone)
                self.stop_on_error()
                raise
            except BaseException:
                self.stop_on_error()
                raise
            finally:
                self.writer = None

    def stop_on_error(self) -> None:
        """An error liftkit did not expect: the stop line still keeps what the host was
        typing, as a signal's does, so that a resume gives it back; if keeping it fails
        too, the session just stops."""
        try:
            self.controller.stop("error")
        except Exception:
            self.session.stop("error")


def safe_screen(screen: Screen) -> Screen:
    """The screen with every text made safe for the terminal: titles, prompts, notes, names
    and reflections come from the host's files and the participants."""

    def safe(value: Any) -> Any:
        if isinstance(value, str):
            return terminal_safe(value)
        if isinstance(value, tuple | list):
            return type(value)(safe(v) for v in value)
        if isinstance(value, GroupsSummary):
            return GroupsSummary(safe(value.title), _safe_rooms(value.rooms, safe))
        return value

    return dataclasses.replace(
        screen, **{f.name: safe(getattr(screen, f.name)) for f in dataclasses.fields(screen)}
    )


# The rooms last made safe, and the safe ones: the same rooms come at every draw (the same
# object while the round is held), and made safe again they were 5,000 names a second.
_SAFE_ROOMS: list[tuple[object, Any]] = []


def _safe_rooms(rooms: Any, safe: Any) -> Any:
    if _SAFE_ROOMS and _SAFE_ROOMS[0][0] is rooms and isinstance(rooms, tuple):
        return _SAFE_ROOMS[0][1]
    made = safe(rooms)
    _SAFE_ROOMS[:] = [(rooms, made)]
    return made
