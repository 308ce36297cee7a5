"""The terminal around a live session: signals, cbreak mode and reading keys (keys.py
decodes them).

Restoring the terminal is structural: every mode change is undone in `__exit__`, whatever
ends the session (a key, Ctrl-C, SIGTERM, SIGHUP or an exception in the view).
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import signal
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, TypeVar

from liftkit.cli.live.keys import KeyDecoder, TypedText

_T = TypeVar("_T")


def window_gone(error: OSError, reason: str | None) -> str | None:
    """Why the session stops when writing to or reading from the terminal failed with `error`:
    the signal that came (`reason`), or "sighup" when the terminal itself is gone (a closed
    window: EIO, or EPIPE); None for any other failure."""
    if reason or error.errno in (errno.EIO, errno.EPIPE):
        return reason or "sighup"
    return None


# The signals that end or interrupt a session: held (`hold_signals`) until `Signals` handles
# them, so that one that comes meanwhile still records the stop.
HELD = {signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP}


@contextlib.contextmanager
def hold_signals() -> Iterator[None]:
    """Hold HELD from here until the live session's handlers are installed (they take what
    came meanwhile): `liftkit resume` writes its first journal line before they are, and a
    SIGTERM then killed it without a stop line. The mask is as it was after the block."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Signals:
    """SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH and SIGCONT as flags that also wake a
    `select`.

    Flags rather than exceptions, so that Ctrl-C never cuts a write to the screen or the
    journal in half; the loop sees them when `select` wakes up. Ctrl-\\ (SIGQUIT) is a Ctrl-C:
    left to its default it killed liftkit at once, the screen left full and no resume line.
    """

    HANDLED = (
        signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP, signal.SIGWINCH,
        signal.SIGCONT,
    )  # fmt: skip

    def __init__(self, catch_stop: bool = False) -> None:
        self.interrupts = 0
        self.terminate: str | None = None
        self.continued = False  # back from Ctrl-Z: the terminal modes need setting again
        # Ctrl-Z (SIGTSTP) as a flag too, for a full screen that must give the terminal back
        # before it stops (`stop_process`); otherwise it stops at once.
        self.catch_stop = catch_stop
        self.stop_asked = False
        self.stops = False  # Ctrl-Z stops liftkit (not where the parent ignores it)
        self.wake_fd = -1
        self._write_fd = -1
        self._saved: dict[int, Any] = {}
        self._saved_wakeup = -1
        self._mask: set[signal.Signals] = set()  # the signals blocked before (hold_signals)

    def __enter__(self) -> Signals:
        self.wake_fd, self._write_fd = os.pipe()
        os.set_blocking(self.wake_fd, False)
        os.set_blocking(self._write_fd, False)
        self._saved_wakeup = signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        # A parent without job control starts us with Ctrl-Z ignored: stopping could hang
        stops = self.catch_stop and signal.getsignal(signal.SIGTSTP) is not signal.SIG_IGN
        self.stops = stops
        for signum in (*self.HANDLED, *([signal.SIGTSTP] if stops else [])):
            self._saved[signum] = signal.signal(signum, self._handle)
        # what came while held: taken now
        self._mask = signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)
        return self

    def __exit__(self, *exc: object) -> None:
        # Held again, as they were, before the handlers go: a closed window sends a second
        # SIGHUP (the shell's), which killed liftkit before it wrote what it kept to the
        # rescue file (the caller's hold_signals lets it through once that is done).
        signal.pthread_sigmask(signal.SIG_SETMASK, self._mask)
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
        if signum == signal.SIGTSTP:
            self.stop_asked = True
            return
        if signum in (signal.SIGINT, signal.SIGQUIT):
            # Counted from the wake-up pipe, which gets a byte for every Ctrl-C even when
            # two arrive before this handler runs once.
            return
        self.terminate = "sigterm" if signum == signal.SIGTERM else "sighup"

    def take_stop(self) -> bool:
        """Whether Ctrl-Z asked to stop since the last call."""
        asked, self.stop_asked = self.stop_asked, False
        return asked

    def stop_process(self) -> None:
        """Stop as Ctrl-Z does (the caller has given the terminal back); return once `fg`
        continues the process."""
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        try:
            os.kill(os.getpid(), signal.SIGTSTP)
        finally:
            signal.signal(signal.SIGTSTP, self._handle)

    def take_interrupts(self) -> int:
        self.drain()
        count, self.interrupts = self.interrupts, 0
        return count

    def drain(self) -> None:
        with contextlib.suppress(BlockingIOError, OSError):
            while data := os.read(self.wake_fd, 512):
                self.interrupts += data.count(signal.SIGINT.value)
                self.interrupts += data.count(signal.SIGQUIT.value)

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Hold SIGINT, SIGQUIT, SIGTERM and SIGHUP while a journal write and its state
        change happen."""
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _foreground(fd: int) -> bool:
    """Whether liftkit is the terminal's foreground job (False when it cannot tell: the
    terminal is gone)."""
    try:
        return os.tcgetpgrp(fd) == os.getpgrp()
    except OSError:
        return False


def signal_keys(cc: list[Any]) -> dict[str, str]:
    """The terminal's own keys for Ctrl-C, Ctrl-\\ and Ctrl-Z, from its settings' control
    characters (`stty intr ^G susp undef`: Ctrl-G asks to quit, and Ctrl-Z, turned off so
    that a host does not stop liftkit by mistake mid-call, does nothing)."""
    import termios

    keys = {}
    for index, key in (
        (termios.VSUSP, "CTRL_Z"),
        (termios.VQUIT, "CTRL_C"),
        (termios.VINTR, "CTRL_C"),
    ):
        value = cc[index]
        char = value.decode("latin-1") if isinstance(value, bytes) else chr(value)
        if char not in ("\x00", "\xff"):  # _POSIX_VDISABLE: undefined (Linux, macOS)
            keys[char] = key
    return keys


def _retried(call: Callable[[], _T]) -> _T:
    """`call` (a termios call) again when a signal cut it short. Python retries os calls
    itself, not termios ones: set from the background (Ctrl-Z then `bg`), a mode change stops
    liftkit until `fg`, and then fails with EINTR."""
    import termios

    while True:
        try:
            return call()
        except termios.error as error:
            if error.args[0] != errno.EINTR:
                raise


# Bytes asked of the terminal a read; after a read that fills it, how long to wait for the
# rest of a paste (real seconds); and the most taken at once (a terminal that never stops).
READ_SIZE = 1024
FULL_READ_WAIT = 0.1
MOST_READ = 1 << 20


class KeyReader:
    """Keys from a terminal in cbreak mode (no echo, no line buffering, Ctrl-C still a signal).

    `__exit__` hands back a terminal that echoes, reads lines and turns Ctrl-C into SIGINT,
    whatever state it was found in (a crashed earlier run may have left cbreak behind).
    """

    # Whether Ctrl-C, Ctrl-Z and Ctrl-\ come as bytes (ISIG off), not as signals: see
    # KeyTerminal.
    KEYS_NOT_SIGNALS = False

    def __init__(self, fd: int, signals: Signals, encoding: str | None = None) -> None:
        self.fd = fd
        self.signals = signals
        self._saved: list[Any] | None = None
        self._moded = False  # whether the terminal is in cbreak mode, for `restore` to undo
        self._decoder = TypedText(encoding)
        self._keys = KeyDecoder()

    def __enter__(self) -> KeyReader:
        self.cbreak()
        return self

    def __exit__(self, *exc: object) -> None:
        self.restore()

    def cbreak(self) -> None:
        import termios
        import tty

        try:
            if self._saved is None:
                self._saved = _retried(lambda: termios.tcgetattr(self.fd))
            _retried(lambda: tty.setcbreak(self.fd, termios.TCSANOW))
            # Flow control off: with it, Ctrl-S stopped liftkit's output (and liftkit, in
            # its write) until Ctrl-Q, deaf to keys and signals, the screen frozen. Ctrl-S is
            # a key then, like any other.
            attrs = _retried(lambda: termios.tcgetattr(self.fd))
            attrs[0] &= ~termios.IXON
            if self.KEYS_NOT_SIGNALS:
                attrs[3] &= ~termios.ISIG
                self._keys.controls = signal_keys(self._saved[6])
            _retried(lambda: termios.tcsetattr(self.fd, termios.TCSANOW, attrs))
            self._moded = True
        except termios.error as error:  # not an OSError: a closed window (EIO) would crash
            raise OSError(*error.args) from None

    def restore(self) -> None:
        import termios

        if self._saved is None or not self._moded:
            return  # never set, or given back already (Ctrl-Z): nothing to undo
        self._moded = False
        attrs = list(self._saved)
        attrs[0] |= termios.ICRNL
        attrs[3] |= termios.ICANON | termios.ECHO | termios.ECHOE | termios.ISIG | termios.IEXTEN
        with contextlib.suppress(termios.error):
            _retried(lambda: termios.tcsetattr(self.fd, termios.TCSADRAIN, attrs))

    def read(self, timeout: float) -> list[str]:
        """Keys pressed within `timeout` seconds ([] on time-out or when a signal woke us);
        sooner when the start of an escape sequence waits for its rest (keys.KeyDecoder)."""
        due = self._keys.due_in()
        timeout = timeout if due is None else min(timeout, due)
        ready, _, _ = select.select([self.fd, self.signals.wake_fd], [], [], max(timeout, 0))
        if self.signals.wake_fd in ready:
            self.signals.drain()
        if self.fd not in ready:
            return self._keys.flush() if not ready else []
        data = os.read(self.fd, READ_SIZE)
        if not data:
            return []
        return self._keys.feed(self._decoder.decode(data + self._rest(len(data) == READ_SIZE)))

    def _rest(self, full: bool) -> bytes:
        """Whatever else the terminal has sent by now, read before any of it is decided on:
        a paste without bracketed paste is told from keys by what comes in the same read (an
        Enter followed by more text is a pasted line break), and one longer than a read came
        in several, its later lines run as keys. A full read means more may be on its way
        (the terminal writes a long paste as the reads make room for it): wait a moment."""
        rest = b""
        while len(rest) < MOST_READ:
            ready, _, _ = select.select([self.fd], [], [], FULL_READ_WAIT if full else 0)
            if not ready:
                break
            more = os.read(self.fd, READ_SIZE)
            if not more:
                break
            rest += more
            full = len(more) == READ_SIZE
        return rest


class KeyTerminal(KeyReader):
    """The full screen's input port: keys, and the signals that end or interrupt a session
    (it installs and removes the signal handlers itself).

    Ctrl-C, Ctrl-Z and Ctrl-\\ come as bytes (ISIG off), read in turn with the keys around
    them: as signals, a pasted text holding one stopped or interrupted liftkit and the
    kernel threw away the input before it (a reflection half lost). Read outside a paste
    they do as their signals did (keys.py: CTRL_C, CTRL_Z); inside one, the input line drops
    them from the text. A SIGINT or SIGTSTP sent by another process still acts.
    """

    KEYS_NOT_SIGNALS = True

    def __init__(self, fd: int, signals: Signals | None = None) -> None:
        super().__init__(fd, signals or Signals(catch_stop=True))
        self._resumed = False
        self.away = False  # stopped in the background for good: the terminal is the shell's

    def __enter__(self) -> KeyTerminal:
        self.signals.__enter__()
        try:
            self.cbreak()
        except BaseException:
            self.signals.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.restore()
        finally:
            self.signals.__exit__()

    def take_stop(self) -> bool:
        """Whether Ctrl-Z asked liftkit to stop since the last call."""
        return self.signals.take_stop()

    def stop_here(self) -> bool:
        """Stop as Ctrl-Z does, with the terminal's modes given back to the shell (the caller
        has left the screen); return once `fg` continues liftkit, in cbreak mode again: True.
        False when it was continued in the background to be stopped (`kill %1`)."""
        self.restore()
        try:
            self.signals.stop_process()
        finally:
            back = self._take_terminal()
        return back

    def _take_terminal(self) -> bool:
        """Back from Ctrl-Z: cbreak again, unless a SIGTERM or SIGHUP came while liftkit was
        in the background (bash's `kill %1` sends SIGTERM then SIGCONT). Setting the modes
        from the background stopped liftkit again (SIGTTOU) before it could record the stop:
        it stays away from the terminal, which the shell has, and stops."""
        self._resumed = True
        if self.signals.terminate and not _foreground(self.fd):
            self.away = True
            return False
        self.cbreak()
        return True

    def deferred(self) -> contextlib.AbstractContextManager[None]:
        return self.signals.deferred()

    def read(self, timeout: float) -> list[str]:
        if self.signals.continued:  # back from Ctrl-Z and `fg`: cbreak again
            self.signals.continued = False
            if not self.away:
                self._take_terminal()
        keys = super().read(timeout)
        if "CTRL_Z" in keys:  # stops as SIGTSTP did, before the next read
            self.signals.stop_asked = self.signals.stops
            keys = [key for key in keys if key != "CTRL_Z"]
        return keys

    def take_resumed(self) -> bool:
        """Whether liftkit came back from Ctrl-Z since the last call: the shell may have
        written on the screen meanwhile, so it is drawn again in full."""
        resumed, self._resumed = self._resumed, False
        return resumed

    def interrupts(self) -> int:
        return self.signals.take_interrupts()

    def terminated(self) -> str | None:
        return self.signals.terminate
