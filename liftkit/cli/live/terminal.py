"""The terminal around a live session: signals, cbreak mode and key reading.

Restoring the terminal is structural: every mode change is undone in `__exit__`, whatever
ends the session (a key, Ctrl-C, SIGTERM, SIGHUP or an exception in the view).
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

SHOW_CURSOR = "\x1b[?25h"

_SEQUENCES = {
    "\x1b[C": "RIGHT",
    "\x1bOC": "RIGHT",
    "\x1b[D": "LEFT",
    "\x1bOD": "LEFT",
    "\x1b[A": "UP",
    "\x1bOA": "UP",
    "\x1b[B": "DOWN",
    "\x1bOB": "DOWN",
}
_SINGLE = {"\r": "ENTER", "\n": "ENTER", "\x03": "CTRL_C", "\x7f": "BACKSPACE", "\x1b": "ESC"}


class Terminated(Exception):
    """SIGTERM or SIGHUP arrived while a prompt was open."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Signals:
    """SIGINT, SIGTERM, SIGHUP, SIGWINCH and SIGCONT as flags that also wake a `select`.

    Flags rather than exceptions, so that Ctrl-C never cuts a write to the screen or the
    journal in half. While a prompt is open (`prompting`), SIGTERM and SIGHUP end the prompt
    with `Terminated`, so that it unwinds and the session stops cleanly.

    prompt_toolkit installs handlers of its own and resets the wake-up pipe when a prompt
    closes, so `install()` is called again after every prompt.
    """

    HANDLED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGWINCH, signal.SIGCONT)

    def __init__(self) -> None:
        self.interrupts = 0
        self.terminate: str | None = None
        self.continued = False  # back from Ctrl-Z: the terminal modes need setting again
        self.prompting = False
        self.wake_fd = -1
        self._write_fd = -1
        self._saved: dict[int, Any] = {}
        self._saved_wakeup = -1

    def __enter__(self) -> Signals:
        self.wake_fd, self._write_fd = os.pipe()
        os.set_blocking(self.wake_fd, False)
        os.set_blocking(self._write_fd, False)
        self._saved_wakeup = signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        for signum in self.HANDLED:
            self._saved[signum] = signal.signal(signum, self._handle)
        return self

    def install(self) -> None:
        """Put our handlers and wake-up pipe back (after a prompt took them)."""
        signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        for signum in self.HANDLED:
            signal.signal(signum, self._handle)

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._saved_wakeup)
        for fd in (self.wake_fd, self._write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if signum == signal.SIGWINCH:
            return  # handled only so that it wakes the loop (through the pipe) to redraw
        if signum == signal.SIGCONT:
            self.continued = True
            return
        if signum == signal.SIGINT:
            # Counted from the wake-up pipe, which gets a byte for every Ctrl-C even when
            # two arrive before this handler runs once.
            if self.prompting:
                raise KeyboardInterrupt
            return
        self.terminate = "sigterm" if signum == signal.SIGTERM else "sighup"
        if self.prompting and not _end_prompt(Terminated(self.terminate)):
            raise Terminated(self.terminate)

    def take_interrupts(self) -> int:
        self.drain()
        count, self.interrupts = self.interrupts, 0
        return count

    def drain(self) -> None:
        with contextlib.suppress(BlockingIOError, OSError):
            while data := os.read(self.wake_fd, 512):
                self.interrupts += data.count(signal.SIGINT.value)

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Hold SIGINT, SIGTERM and SIGHUP while a journal write and its state change happen."""
        held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    @contextlib.contextmanager
    def prompt(self) -> Iterator[None]:
        """Around a questionary prompt: a signal ends it; our handlers come back after it."""
        self.prompting = True
        try:
            if self.terminate:
                raise Terminated(self.terminate)
            yield
        finally:
            self.prompting = False
            self.install()
            self.take_interrupts()  # a Ctrl-C inside the prompt was the prompt's to handle
        if self.terminate:
            raise Terminated(self.terminate)


def _end_prompt(error: BaseException) -> bool:
    """Make the running prompt_toolkit application return `error` from its own loop.

    Raising from the signal handler instead would surface inside whatever callback the
    prompt was running, which prompt_toolkit reports with a traceback and "Press ENTER".
    """
    try:
        from prompt_toolkit.application.current import get_app_or_none
    except ImportError:
        return False
    app = get_app_or_none()
    loop = getattr(app, "loop", None)
    if app is None or loop is None or not app.is_running:
        return False

    def finish() -> None:
        if app.is_running and app.future is not None and not app.future.done():
            app.exit(exception=error)

    loop.call_soon_threadsafe(finish)
    return True


def forget_pending_input(fd: int) -> None:
    """Drop keys typed but not read, by us and by prompt_toolkit (its "typeahead"), so that
    what was typed for one prompt never runs as commands or fills the next prompt."""
    import termios

    with contextlib.suppress(termios.error, OSError):
        termios.tcflush(fd, termios.TCIFLUSH)
    try:
        from prompt_toolkit.input.typeahead import clear_typeahead
    except ImportError:
        return

    class _Input:
        @staticmethod
        def typeahead_hash() -> str:
            return f"fd-{fd}"

    clear_typeahead(_Input())  # type: ignore[arg-type]


def decode_keys(data: str) -> list[str]:
    keys = []
    i = 0
    while i < len(data):
        if data[i] == "\x1b":
            for seq, name in _SEQUENCES.items():
                if data.startswith(seq, i):
                    keys.append(name)
                    i += len(seq)
                    break
            else:
                if data.startswith("\x1b[", i):  # another CSI sequence: skip it whole
                    j = i + 2
                    while j < len(data) and not ("@" <= data[j] <= "~"):
                        j += 1
                    i = j + 1
                else:
                    keys.append("ESC")
                    i += 1
            continue
        ch = data[i]
        keys.append(_SINGLE.get(ch, ch))
        i += 1
    return keys


class KeyReader:
    """Keys from a terminal in cbreak mode (no echo, no line buffering, Ctrl-C still a signal)."""

    def __init__(self, fd: int, signals: Signals) -> None:
        self.fd = fd
        self.signals = signals
        self._saved: list[Any] | None = None

    def __enter__(self) -> KeyReader:
        self.cbreak()
        return self

    def __exit__(self, *exc: object) -> None:
        self.restore()

    def cbreak(self) -> None:
        import termios
        import tty

        if self._saved is None:
            self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd, termios.TCSANOW)

    def restore(self) -> None:
        import termios

        if self._saved is not None:
            attrs = list(self._saved)
            # Whatever state we found (a crashed earlier run may have left cbreak behind),
            # hand back a terminal that echoes, reads lines and turns Ctrl-C into SIGINT.
            attrs[0] |= termios.ICRNL
            attrs[3] |= (
                termios.ICANON | termios.ECHO | termios.ECHOE | termios.ISIG | termios.IEXTEN
            )
            with contextlib.suppress(termios.error):
                termios.tcsetattr(self.fd, termios.TCSADRAIN, attrs)
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.write(SHOW_CURSOR)
            sys.stdout.flush()

    @contextlib.contextmanager
    def cooked(self) -> Iterator[None]:
        """Give the terminal back its normal modes for a prompt, then return to cbreak."""
        self.restore()
        try:
            yield
        finally:
            self.cbreak()

    def read(self, timeout: float) -> list[str]:
        """Keys pressed within `timeout` seconds ([] on time-out or when a signal woke us)."""
        ready, _, _ = select.select([self.fd, self.signals.wake_fd], [], [], max(timeout, 0))
        if self.signals.wake_fd in ready:
            self.signals.drain()
        if self.fd not in ready:
            return []
        data = os.read(self.fd, 1024)
        if not data:
            return []
        return decode_keys(data.decode("utf-8", errors="replace"))
