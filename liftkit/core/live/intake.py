"""What the session's loop takes from a front-end: what came in one read, each in its turn.

A front-end (the full screen, plain mode) reads what came within a time-out: several keys or
lines at once when they were typed fast, pasted or piped (`n`, `p 12 3`, `q`, `y`). Each acts
in turn. One whose event the journal cannot take (a full or read-only disk, a session folder
that cannot be written again) is said NOT SAVED, and those after it still act: a `q` `y`
among them still quits, a reflection is still kept (liftkit.core.live.kept) and saved once
the journal can be written again.

Part of the session controller (`Controller` takes its input through this base), kept apart
so that each reads in a sitting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from liftkit.core.errors import LiftkitError
from liftkit.core.live.controls import LIVE, PASTE, Action, Ui, enter_ends_line, pasted_lines
from liftkit.core.live.engine import NOT_STARTED
from liftkit.core.live.kept import Kept, not_done, stalled, still_kept
from liftkit.core.live.session import LiveSession


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    reason: str  # "ended", "quit", "interrupt", "sigterm", "sighup", "error"
    error: LiftkitError | None = None  # what stopped it, said before the farewell


class FrontEnd(Protocol):
    """What the controller's loop needs from a front-end."""

    def read(self, timeout: float) -> list[str]:
        """Keys (full screen) or lines (plain) that came within `timeout` real seconds."""

    def show(self) -> None:
        """Draw the screen, or print what the controller has to say."""

    def interrupts(self) -> int:
        """How many Ctrl-C arrived since the last call."""

    def terminated(self) -> str | None:
        """The reason ("sigterm" or "sighup") when the session must stop now, else None."""


class Intake:
    """How the controller takes what a front-end read; the controller supplies the state and
    what each key or line does."""

    session: LiveSession
    ui: Ui
    mode: str
    last_not_saved: str  # said once while the same write keeps failing
    unsaved: list[Kept]  # captures the journal could not take

    def say(self, text: str, seconds: float = 3.0, restates_event: bool = False) -> None:
        raise NotImplementedError

    def press(self, key: str) -> Outcome | None:
        raise NotImplementedError

    def command(self, line: str) -> Outcome | None:
        raise NotImplementedError

    def act(self, action: Action) -> Outcome | None:
        raise NotImplementedError

    def terminate(self, reason: str) -> Outcome:
        raise NotImplementedError

    def _stalled(self, front: FrontEnd, error: LiftkitError) -> Outcome | None:
        """What time brings cannot be written (a full disk): say so once, and keep taking
        input, so that the host can still quit, rather than retrying in a loop that reads
        none."""
        reason = front.terminated()  # SIGTERM or a closed window: never ignored meanwhile
        if reason:
            return self.terminate(reason)
        text = stalled(error)
        if text != self.last_not_saved:
            self.say(text, 30)
        self.last_not_saved = text
        self.ui.standing = still_kept(self.unsaved) if self.mode == LIVE else ""
        front.show()
        try:
            return self._take_input(front, 1.0)
        except LiftkitError:
            return None

    def _take_input(self, front: FrontEnd, timeout: float) -> Outcome | None:
        """Act on each key or line read, in turn. One that the journal refused is said NOT
        SAVED and those after it act all the same; the refusal is raised once they have (the
        loop then takes it as a write that failed), unless one of them stopped the session."""
        items = front.read(timeout)
        if self.mode == LIVE and self.ui.typing is None and pasted_lines(items, self.ui.rooms):
            items = [PASTE + "".join("\n" if item == "ENTER" else item for item in items)]
        refused: LiftkitError | None = None
        for i, item in enumerate(items):
            typing = self.mode == LIVE and self.ui.typing is not None
            if typing and item == "ENTER" and not enter_ends_line(items[:i], items[i + 1 :]):
                item = PASTE + "\n"  # lines pasted without bracketed paste: text, not keys
            try:
                outcome = self.press(item) if self.mode == LIVE else self.command(item)
            except LiftkitError as error:
                if self.session.engine.status == NOT_STARTED:
                    raise  # nothing captured yet: one error line (Controller.run)
                refused = error
                self.last_not_saved = stalled(error)  # not said again when raised below
                again = "press the key" if self.mode == LIVE else "give the command"
                self.say(not_done(error, again), 30)  # each time: the host's own action
                continue
            if outcome is not None:
                return outcome
        for _ in range(front.interrupts()):
            outcome = self.act(Action("interrupt"))
            if outcome is not None:
                return outcome
        if refused is not None:
            raise refused
        return None
