"""Plain mode: one line per event and one a minute; commands as lines on standard input.

Chosen with --plain, or when standard input or output is not a terminal. End of input does
not end the session: the clock runs on until the agenda ends or a signal stops it. What each
command does is the controller's decision; this module reads lines and prints.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
from contextlib import AbstractContextManager
from typing import Protocol, TextIO

from liftkit.cli.errors import say
from liftkit.cli.flags import as_flags
from liftkit.cli.live.keys import TypedText
from liftkit.cli.live.terminal import Signals, window_gone
from liftkit.core.errors import EXIT_FAILURE, EXIT_INTERRUPTED, LiftkitError
from liftkit.core.files import write_failed
from liftkit.core.live.controller import Controller
from liftkit.core.live.controls import CONFIRM, PLAIN_HELP
from liftkit.core.live.engine import ENDED
from liftkit.core.live.events import JournalEvent
from liftkit.core.live.input_end import end_of_input
from liftkit.core.live.intake import Outcome
from liftkit.core.live.plain_lines import host_lines
from liftkit.core.text import plural, terminal_safe


class Lines(Protocol):
    """Where lines and signals come from: standard input (`LineReader`) or a scripted fake."""

    def __enter__(self) -> Lines: ...
    def __exit__(self, *exc: object) -> None: ...
    def read(self, timeout: float) -> tuple[list[str], str]: ...
    def interrupts(self) -> int: ...
    def terminated(self) -> str | None: ...
    def deferred(self) -> AbstractContextManager[None]: ...


class LineReader:
    """Lines from a file descriptor, without blocking past a time-out, and the signals that
    end or interrupt a session (a signal wakes the wait)."""

    def __init__(
        self, fd: int, signals: Signals | None = None, encoding: str | None = None
    ) -> None:
        self.fd = fd
        self.signals = signals or Signals()
        self.open = True
        self.is_terminal = os.isatty(fd)
        self._buffer = ""
        self._decoder = TypedText(encoding)

    def __enter__(self) -> LineReader:
        self.signals.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.signals.__exit__()

    def deferred(self) -> AbstractContextManager[None]:
        return self.signals.deferred()

    def interrupts(self) -> int:
        return self.signals.take_interrupts()

    def terminated(self) -> str | None:
        return self.signals.terminate

    def read(self, timeout: float) -> tuple[list[str], str]:
        """The complete lines, and what happened to the input ("", "eof" or "ctrl-d")."""
        fds = [self.signals.wake_fd] + ([self.fd] if self.open else [])
        ready, _, _ = select.select(fds, [], [], timeout)
        if self.signals.wake_fd in ready:
            self.signals.drain()
        if self.fd not in ready:
            return [], ""
        data = b""
        with contextlib.suppress(BlockingIOError):
            data = os.read(self.fd, 65536)
        if not data:
            if self.is_terminal:  # Ctrl-D on a terminal: a slip of the finger
                return [], "ctrl-d"
            self.open = False
            rest, self._buffer = self._buffer, ""
            return ([rest] if rest.strip() else []), "eof"
        self._buffer += self._decoder.decode(data)
        *complete, self._buffer = self._buffer.split("\n")
        return [line.rstrip("\r") for line in complete], ""

    @property
    def guessed(self) -> bool:
        """Whether some of what came was not UTF-8, and was read as Windows-1252."""
        return self._decoder.guessed


class WindowGone(Exception):
    """Writing to or reading from the terminal failed as it does once the window is closed
    (or a signal came): the session stops for `reason`. Only these: an EIO from a disk call
    elsewhere (a network drive failing) is no closed window."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return True  # closed under it: a window gone, as before


class OutputFailed(Exception):
    """Standard output refused a line for a reason other than a closed terminal."""

    def __init__(self, error: LiftkitError | None) -> None:
        super().__init__(str(error))
        self.error = error


# What the host asked for or must answer: said on the terminal too (`aside`) when the
# session's lines go to a file (`liftkit run AGENDA > log.txt`), where the host cannot see them.
_FOR_THE_HOST = frozenset([*CONFIRM.values(), PLAIN_HELP])


class PlainApp:
    def __init__(
        self, controller: Controller, out: TextIO, lines: Lines, aside: TextIO | None = None
    ) -> None:
        self.controller = controller
        self.session = controller.session
        self.out = out
        # Asked now, not when a write fails: a terminal hung up by its closed window answers
        # isatty() with False (its TCGETS fails with EIO), and its EIO would be taken for a
        # failing disk's, the stop journalled as an error rather than a closed window.
        self.out_is_terminal = _is_terminal(out)
        self.lines = lines
        self.aside = aside
        self.session.guard = lines.deferred
        self.warned_not_utf_8 = False
        self.end_of_input_unsaid = False

    def say(self, text: str) -> None:
        if not text:
            return
        stamp = self.session.wall_at(self.session.now()).strftime("%H:%M:%S")
        try:
            lines = terminal_safe(text).splitlines()  # titles, names, chat come from files
            # a prompt's later lines under its first ("  line 1", "line 2" read as an event)
            indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())] if lines else ""
            for n, line in enumerate(lines):
                under = indent if n and not line.startswith(indent) else ""
                self.out.write(f"{stamp}  {under}{line}\n")
            self.out.flush()
        except OSError as error:
            reason = self.lines.terminated()
            if error.errno == errno.EPIPE and not reason:
                # The reader of a pipe went away (`| head -1`): no interrupt and no window
                # closed, nothing to say about it; the session stops as for a full disk.
                raise OutputFailed(None) from error
            # EIO from a log file (`> /mnt/share/log.txt`) is the disk's, not a closed window
            gone = window_gone(error, reason) if reason or self.out_is_terminal else None
            if gone:
                raise WindowGone(gone) from error
            # A full disk behind `> log.txt`: the host would follow a session they cannot see.
            raise OutputFailed(
                write_failed("standard output", error, "the session stopped")
            ) from error

    def print_event(self, event: JournalEvent) -> None:
        # What the controller said before this event comes first: several lines read at once
        # (a pipe) printed "stopped (quit)" before "Quit? y to confirm".
        self._said()
        s = self.session
        for line in host_lines(event, s.engine, s.now(), s.engine.notes_shown):
            self.say(line)

    # ------------------------------------------------------------------ the controller's port

    def show(self) -> None:
        self._said()
        if self.end_of_input_unsaid:  # said once what was read with it has been acted on
            self.end_of_input_unsaid = False
            s = self.session
            if not s.journal.closed:  # not after a quit or the end read with it
                self.say(end_of_input(s.engine, self.controller.ui.confirm))

    def _said(self) -> None:
        """What the controller said, in order."""
        for line in self.controller.take_outbox():
            self.say(as_flags(line))
            if self.aside is not None and line in _FOR_THE_HOST:
                with contextlib.suppress(OSError):  # the terminal gone: the file has it
                    say(terminal_safe(as_flags(line)), self.aside)  # folded at its width

    def read(self, timeout: float) -> list[str]:
        try:
            lines, happened = self.lines.read(timeout)
        except OSError as error:  # reading the terminal failed: the window is gone
            gone = window_gone(error, self.lines.terminated())
            if gone:
                raise WindowGone(gone) from error
            raise
        if getattr(self.lines, "guessed", False) and not self.warned_not_utf_8:
            self.warned_not_utf_8 = True
            sample = next((w for line in lines for w in line.split() if not w.isascii()), "")
            self.say(
                f"warning: standard input is not UTF-8 text; read as Windows-1252 ({sample}): "
                "check its accented letters, or set the terminal or editor to UTF-8"
            )
        if happened == "ctrl-d":
            self.say("Ctrl-D ignored: type q then y to stop")
        elif happened == "eof":
            self.end_of_input_unsaid = True  # whether the session ends by itself: once acted on
        return lines

    def interrupts(self) -> int:
        return self.lines.interrupts()

    @property
    def input_ended(self) -> bool:
        """Standard input is at its end (`< /dev/null`, a pipe that was closed)."""
        return not getattr(self.lines, "open", True)

    def terminated(self) -> str | None:
        return self.lines.terminated()

    # ------------------------------------------------------------------ the session

    def run(self) -> Outcome:
        s = self.session
        with self.lines:
            try:
                s.listeners.append(self.print_event)
                self.say(f"{s.agenda.title}: {plural(s.engine.count, 'segment')}. {PLAIN_HELP}")
                self.say(f"session folder: {s.folder}")
                for notice in s.notices:
                    self.say(f"warning: {notice}")
                return self.controller.run(self)
            except OutputFailed as failed:
                s.listeners.remove(self.print_event)
                ended = s.engine.status == ENDED
                self.session.stop("error")
                return Outcome(EXIT_FAILURE, "ended" if ended else "error", failed.error)
            except (WindowGone, OSError) as error:
                # The terminal went away (a closed window), or a signal came: the journal is
                # what matters. Any other OSError (a disk call) is an error, not a closed window.
                reason = self.lines.terminated()
                gone = error.reason if isinstance(error, WindowGone) else reason
                if gone:
                    s.listeners.remove(self.print_event)  # nothing can be printed any more
                    self.session.stop(gone)
                    return Outcome(EXIT_INTERRUPTED, gone)
                self.session.stop("error")
                raise
            except BaseException:
                self.session.stop("error")
                raise
