"""What a terminal sends, as keys: escape sequences (arrows, pages), Alt with a key,
bracketed pastes as one key each, and the bytes as text in the terminal's encoding.

Kept apart from terminal.py (signals, cbreak mode, reading), which feeds it what it reads.
"""

from __future__ import annotations

import codecs
import time

from liftkit.core.live.controls import PASTE

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
_SINGLE = {"\r": "ENTER", "\n": "ENTER", "\x03": "CTRL_C", "\x7f": "BACKSPACE", "\x1b": "ESC"}


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
                elif data.startswith("\x1bO", i) and i + 2 < len(data):  # SS3: F1 to F4
                    i += 3
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
        keys.append(_SINGLE.get(ch, ch))
        i += 1
    return keys


class KeyDecoder:
    """Keys from what a terminal sends, read by read: `decode_keys`, and bracketed pastes as
    one PASTE key each (a paste may come in several reads; its text is never keys)."""

    # How long a paste may pause (a slow link) before what came is taken without its end.
    PASTE_WAIT = 2.0

    def __init__(self) -> None:
        self._paste: str | None = None  # the text of a paste still coming
        self._pasted_at = 0.0  # when its last part came (time.monotonic)

    def feed(self, data: str) -> list[str]:
        keys: list[str] = []
        while data:
            if self._paste is None:
                start = data.find(_PASTE_START)
                if start < 0:
                    return [*keys, *decode_keys(data)]
                keys.extend(decode_keys(data[:start]))
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

    def flush(self) -> list[str]:
        """A paste whose end never came (nothing more for PASTE_WAIT seconds): its text."""
        if self._paste is None or time.monotonic() - self._pasted_at < self.PASTE_WAIT:
            return []
        text, self._paste = self._paste, None
        return [PASTE + text] if text else []


class TypedText:
    """What the terminal sends, as text: UTF-8, which terminals send whatever the locale says,
    and where bytes are not UTF-8, the locale's encoding (a Latin-1 terminal sends "é" as one
    byte, which read as UTF-8 alone became "\ufffd"). On a UTF-8 terminal a character cut
    between two reads waits for its rest; elsewhere a key's bytes come in one read, so an end
    that is not whole UTF-8 is the other encoding's (a Latin-1 "é" typed last)."""

    def __init__(self, encoding: str | None = None) -> None:
        import sys

        name = encoding or getattr(sys.stdin, "encoding", None) or "utf-8"
        try:
            name = codecs.lookup(name).name
        except LookupError:
            name = "utf-8"
        self.fallback = None if name in ("utf-8", "ascii") else name
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
                if error.reason == "unexpected end of data" and not self.fallback:
                    self.pending = rest  # the rest of the character comes with the next read
                    break
                bad = data[error.start : error.end]
                out.append(bad.decode(self.fallback, "replace") if self.fallback else "\ufffd")
                data = data[error.end :]
        return "".join(out)
