"""What a terminal sends, as keys: escape sequences (arrows, pages), Alt with a key,
bracketed pastes as one key each, and the bytes as text in the terminal's encoding.

Kept apart from terminal.py (signals, cbreak mode, reading), which feeds it what it reads.
"""

from __future__ import annotations

import time

from liftkit.core.live.controls import PASTE
from liftkit.core.typed import decode_typed, fallback_for

_SEQUENCES = {
    "\x1b[C": "RIGHT",
    "\x1bOC": "RIGHT",
    "\x1b[D": "LEFT",
    "\x1bOD": "LEFT",
    "\x1b[A": "UP",
    "\x1bOA": "UP",
    "\x1b[B": "DOWN",
    "\x1bOB": "DOWN",
    "\x1b[5~": "PGUP",
    "\x1b[6~": "PGDN",
}
# Bracketed paste: a terminal asked with ESC[?2004h wraps pasted text in these.
PASTE_ON, PASTE_OFF = "\x1b[?2004h", "\x1b[?2004l"
_PASTE_START, _PASTE_END = "\x1b[200~", "\x1b[201~"
# Backspace is ^? (DEL) or, in terminals set to send it so, ^H.
_SINGLE = {
    "\r": "ENTER", "\n": "ENTER", "\x7f": "BACKSPACE", "\x08": "BACKSPACE", "\x1b": "ESC",
}  # fmt: skip
# Ctrl-C, Ctrl-\ and Ctrl-Z come as bytes where the terminal does not turn them into signals
# (KeyTerminal); Ctrl-\ does what Ctrl-C does. The terminal's own keys for them (`stty intr
# ^G susp undef`) replace these: KeyReader reads them from its settings.
# Ctrl-L draws the whole screen again (text another program wrote on it goes).
REDRAW = "\x0c"
CONTROLS = {"\x03": "CTRL_C", "\x1c": "CTRL_C", "\x1a": "CTRL_Z"}


def decode_keys(data: str, controls: dict[str, str] = CONTROLS) -> list[str]:
    keys = []
    i = 0
    while i < len(data):
        if data[i] == "\x1b":
            if sequence := _sequence(data, i):
                name, length = sequence
                keys.extend([name] if name else [])
                i += length
            elif i + 1 < len(data) and (sequence := _sequence(data, i + 1)):
                # Alt (Option) with a key that sends a sequence (an arrow: ESC ESC [ C in
                # PuTTY and rxvt): one key, never Esc and then the arrow.
                name, length = sequence
                keys.extend([f"ALT+{name}"] if name else [])
                i += 1 + length
            elif i + 1 < len(data) and data[i + 1] in controls:
                # Ctrl-C or Ctrl-Z with Alt (Option) held, or right after Esc in one read:
                # it acts, as its signal did whatever came before it.
                keys.append(controls[data[i + 1]])
                i += 2
            elif i + 1 < len(data) and data[i + 1] != "\x1b":
                # Alt (Option) with a key: one key, never Esc and then the key.
                after = data[i + 1]
                keys.append("ALT_BACKSPACE" if after in "\x7f\x08" else f"ALT+{after}")
                i += 2
            else:
                keys.append("ESC")
                i += 1
            continue
        ch = data[i]
        keys.append(controls.get(ch) or _SINGLE.get(ch, ch))
        i += 1
    return keys


def _sequence(data: str, i: int) -> tuple[str, int] | None:
    """The escape sequence that starts at data[i] (an ESC): the key it is ("" for a key
    liftkit has no use for: F-keys, Home, Insert…) and its length; None when ESC starts
    none there."""
    for seq, name in _SEQUENCES.items():
        if data.startswith(seq, i):
            return name, len(seq)
    if data.startswith("\x1b[[", i) and i + 3 < len(data):  # the Linux console's F1 to F5
        return "", 4
    if data.startswith("\x1b[", i):  # another CSI sequence: skipped whole
        j = i + 2
        while j < len(data) and not ("@" <= data[j] <= "~"):
            j += 1
        return "", j + 1 - i
    if data.startswith("\x1bO", i) and i + 2 < len(data):  # SS3: F1 to F4
        return "", 3
    return None


class KeyDecoder:
    """Keys from what a terminal sends, read by read: `decode_keys`, and bracketed pastes as
    one PASTE key each (a paste may come in several reads; its text is never keys). An escape
    sequence cut between two reads (a slow link, ssh) waits for its rest: a paste's start
    marker cut after `ESC[20` ran its text as keys."""

    # How long a paste may pause (a slow link) before what came is taken without its end.
    PASTE_WAIT = 2.0
    # How long the start of an escape sequence at the end of a read waits for its rest: a lone
    # ESC is the Esc key unless `[` or `O` comes at once; `ESC[20` is a sequence's start.
    ESC_WAIT = 0.1
    SEQUENCE_WAIT = 1.0

    def __init__(self) -> None:
        self.controls = CONTROLS  # the terminal's Ctrl-C, Ctrl-\ and Ctrl-Z bytes, when read
        self._paste: str | None = None  # the text of a paste still coming
        self._pasted_at = 0.0  # when its last part came (time.monotonic)
        self._held = ""  # the start of an escape sequence that ended the last read
        self._held_at = 0.0

    def feed(self, data: str) -> list[str]:
        keys: list[str] = []
        if self._held:
            held, self._held = self._held, ""
            if held == "\x1b" and data[:1] not in ("[", "O"):
                keys.append("ESC")  # the Esc key, then what was typed after it
            else:
                data = held + data
        while data:
            if self._paste is None:
                start = data.find(_PASTE_START)
                if start < 0:
                    cut = _unfinished(data)
                    if cut < len(data):
                        self._held, self._held_at = data[cut:], time.monotonic()
                    return [*keys, *decode_keys(data[:cut], self.controls)]
                keys.extend(decode_keys(data[:start], self.controls))
                self._paste, data = "", data[start + len(_PASTE_START) :]
                self._pasted_at = time.monotonic()
                continue
            text = self._paste + data
            self._pasted_at = time.monotonic()
            end = text.find(_PASTE_END)
            if end < 0:
                self._paste = text
                return keys
            keys.append(PASTE + text[:end])
            self._paste, data = None, text[end + len(_PASTE_END) :]
        return keys

    def due_in(self) -> float | None:
        """Seconds until `flush` gives what waits (None: nothing waits)."""
        now = time.monotonic()
        waits = []
        if self._held:
            waits.append(self._held_at + self._held_wait() - now)
        if self._paste is not None:
            waits.append(self._pasted_at + self.PASTE_WAIT - now)
        return max(min(waits), 0.0) if waits else None

    def flush(self) -> list[str]:
        """What waited in vain (nothing more came in time): a paste whose end never came, as
        its text; the start of a sequence whose rest never came, as the keys it is (a lone
        ESC is the Esc key)."""
        now = time.monotonic()
        keys: list[str] = []
        if self._held and now - self._held_at >= self._held_wait() - _EARLY:
            keys, self._held = decode_keys(self._held, self.controls), ""
        if self._paste is None or now - self._pasted_at < self.PASTE_WAIT - _EARLY:
            return keys
        text, self._paste = self._paste, None
        return [*keys, PASTE + text] if text else keys

    def _held_wait(self) -> float:
        return self.ESC_WAIT if self._held == "\x1b" else self.SEQUENCE_WAIT


def _unfinished(data: str) -> int:
    """Where an escape sequence that the data ends before its end starts (`ESC`, `ESC[`,
    `ESC[20`, `ESCO`), else len(data)."""
    start = data.rfind("\x1b", max(len(data) - _LONGEST_START, 0))
    if start < 0:
        return len(data)
    tail = data[start + 1 :]
    if start > 0 and data[start - 1] == "\x1b" and tail:
        start -= 1  # Alt with an arrow (ESC ESC [ C), cut: Alt's ESC waits with it
    if tail in ("", "O"):
        return start
    if tail == "[[":  # the Linux console's F1 to F5 (ESC [ [ A to E), without its letter
        return start
    if tail[:1] == "[" and all(" " <= c <= "?" for c in tail[1:]):  # no final byte yet
        return start
    return len(data)


_LONGEST_START = 16  # a CSI sequence's parameters are a few characters
_EARLY = 0.005  # a wait that ended this close to its time has ended (a timer's rounding)


class TypedText:
    """What the terminal sends, as text: UTF-8, which terminals send whatever the locale says,
    and where bytes are not UTF-8, the locale's encoding (a Latin-1 terminal sends "é" as one
    byte), or Windows-1252 where the locale says UTF-8 (a line piped from a file saved on
    Windows), as `liftkit note -` reads them; `guessed` says when that was done. On a UTF-8
    terminal a character cut between two reads waits for its rest; elsewhere a key's bytes
    come in one read, so an end that is not whole UTF-8 is the other encoding's (a Latin-1
    "é" typed last)."""

    def __init__(self, encoding: str | None = None) -> None:
        import sys

        name = encoding or getattr(sys.stdin, "encoding", None) or "utf-8"
        self.fallback = fallback_for(name)
        self.waits = self.fallback == "cp1252"  # the locale says UTF-8 (or ASCII)
        self.guessed = False
        self.pending = b""

    def decode(self, data: bytes) -> str:
        data, self.pending = self.pending + data, b""
        out: list[str] = []
        while data:
            try:
                out.append(data.decode("utf-8"))
                break
            except UnicodeDecodeError as error:
                out.append(data[: error.start].decode("utf-8"))
                rest = data[error.start :]
                if error.reason == "unexpected end of data" and self.waits:
                    self.pending = rest  # the rest of the character comes with the next read
                    break
                read, fallback = decode_typed(data[error.start : error.end], self.fallback)
                self.guessed = self.guessed or fallback == "cp1252"
                out.append(read)
                data = data[error.end :]
        return "".join(out)
