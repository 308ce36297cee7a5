"""The full-screen live session: it reads keys and draws what the controller decided.

rich `Live` runs in a `with` block inside the key terminal's `with` block, so the screen and
the terminal modes are restored whatever ends the session. The loop itself is the
controller's (`Controller.run`); this module is its port to a terminal.
"""

from __future__ import annotations

import errno
from contextlib import AbstractContextManager
from typing import Protocol

from rich.console import Console, RenderableType
from rich.live import Live

from liftkit.cli.live.frame import Frame
from liftkit.core.errors import EXIT_INTERRUPTED
from liftkit.core.live.controller import Controller, Outcome
from liftkit.core.live.screen import Screen, build_screen


class Keys(Protocol):
    """Where keys and signals come from: a real terminal (`KeyTerminal`) or a scripted fake."""

    def __enter__(self) -> Keys: ...
    def __exit__(self, *exc: object) -> None: ...
    def read(self, timeout: float) -> list[str]: ...
    def interrupts(self) -> int: ...
    def terminated(self) -> str | None: ...
    def deferred(self) -> AbstractContextManager[None]: ...


class LiveApp:
    def __init__(self, controller: Controller, console: Console, keys: Keys) -> None:
        self.controller = controller
        self.session = controller.session
        self.console = console
        self.keys = keys
        self.frame = Frame()
        self.live: Live | None = None
        self.last_screen: Screen | None = None  # what was drawn last (tests read it)
        self.session.guard = keys.deferred

    # ------------------------------------------------------------------ drawing

    def screen(self) -> Screen:
        c = self.controller
        s = self.session
        t = s.now()
        return build_screen(
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
        )

    def renderable(self) -> RenderableType:
        self.last_screen = self.screen()
        size = self.console.size
        return self.frame.render(self.last_screen, size.width, size.height)

    # ------------------------------------------------------------------ the controller's port

    def show(self) -> None:
        for _ in range(self.controller.take_bells()):
            self.console.bell()
        if self.live is not None:
            self.live.update(self.renderable(), refresh=True)

    def read(self, timeout: float) -> list[str]:
        return self.keys.read(timeout)

    def interrupts(self) -> int:
        return self.keys.interrupts()

    def terminated(self) -> str | None:
        return self.keys.terminated()

    # ------------------------------------------------------------------ the session

    def run(self) -> Outcome:
        with self.keys:
            try:
                with Live(
                    console=self.console,
                    screen=True,
                    auto_refresh=False,
                    redirect_stdout=False,
                    redirect_stderr=False,
                ) as live:
                    self.live = live
                    return self.controller.run(self)
            except OSError as error:
                # The terminal went away (a closed window): the journal is what matters.
                reason = self.keys.terminated()
                if reason or error.errno in (errno.EIO, errno.EPIPE):
                    self.session.stop(reason or "sighup")
                    return Outcome(EXIT_INTERRUPTED, reason or "sighup")
                self.session.stop("error")
                raise
            except BaseException:
                self.session.stop("error")
                raise
            finally:
                self.live = None
