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
    """SIGINT, SIGTERM, SIGHUP and SIGWINCH as flags that also wake a `select` (a pipe).

    Flags rather than exceptions, so that Ctrl-C never cuts a write to the screen or the
    journal in half. While `raising` is set (a prompt is open and owns the terminal),
    SIGTERM and SIGHUP raise `Terminated` and SIGINT raises KeyboardInterrupt instead, so
    the prompt unwinds.
    """

    def __init__(self) -> None:
        self.interrupts = 0
        self.terminate: str | None = None
        self.resized = False
        self.raising = False
        self.wake_fd = -1
        self._write_fd = -1
        self._saved: dict[int, Any] = {}
        self._saved_wakeup = -1

    def __enter__(self) -> Signals:
        self.wake_fd, self._write_fd = os.pipe()
        os.set_blocking(self.wake_fd, False)
        os.set_blocking(self._write_fd, False)
        self._saved_wakeup = signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGWINCH):
            self._saved[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._saved_wakeup)
        for fd in (self.wake_fd, self._write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if signum == signal.SIGWINCH:
            self.resized = True
            return
        if signum == signal.SIGINT:
            # Counted from the wake-up pipe, which gets a byte for every Ctrl-C even when
            # two arrive before this handler runs once.
            if self.raising:
                raise KeyboardInterrupt
            return
        self.terminate = "sigterm" if signum == signal.SIGTERM else "sighup"
        if self.raising:
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
    def raising_during(self) -> Iterator[None]:
        self.raising = True
        try:
            if self.terminate:
                raise Terminated(self.terminate)
            yield
        finally:
            self.raising = False
            self.take_interrupts()  # a Ctrl-C inside the prompt was the prompt's to handle


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
