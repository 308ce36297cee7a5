"""Output where the terminal's encoding is not UTF-8 (a Latin-1 or ASCII locale).

The countdown's blocks, the bars and the symbols (`█ ░ ▲ ■ · … ×`) cannot be written there:
each is written as an ASCII stand-in of the same width instead, so that the screen keeps its
layout and the big countdown still reads (drawn with `#`), rather than the command ending on
an encoding error. Letters the encoding lacks lose their accents (`Concepcion`), anything else
becomes `?` (`??` for a character two columns wide).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from typing import TextIO

ERRORS = "liftkit-stand-in"
STAND_INS = {
    "█": "#",
    "░": "-",
    "▌": "|",
    "▲": "^",
    "■": "#",
    "·": "-",
    "…": ".",
    "×": "x",
    "←": "<",
    "→": ">",
    "↑": "^",
    "↓": "v",
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "•": "*",
}
# What liftkit itself draws: a stream that cannot write these gets the stand-ins.
SYMBOLS = "█░▲■·…×"


def stand_in(char: str) -> str:
    if char in STAND_INS:
        return STAND_INS[char]
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if bare and bare.isascii():
        return bare
    if unicodedata.combining(char):
        return ""
    return "??" if unicodedata.east_asian_width(char) in ("W", "F") else "?"


def _stand_ins(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(stand_in(char) for char in text), error.end


codecs.register_error(ERRORS, _stand_ins)


def _ascii_locale() -> bool:
    """Whether the locale is C or POSIX (`LANG=C`, `LC_ALL=C`): an ASCII terminal, though
    every stream's encoding says utf-8 there. Python turns its UTF-8 mode on by itself in
    that locale (and makes LC_CTYPE C.UTF-8 for `LANG=C`, so the codeset says UTF-8 too);
    turned on by hand (PYTHONUTF8=1, -X utf8) or with PYTHONIOENCODING, the streams'
    encoding is the host's choice, and is trusted."""
    if not sys.flags.utf8_mode or os.environ.get("PYTHONIOENCODING"):
        return False
    return not (os.environ.get("PYTHONUTF8") or "utf8" in sys._xoptions)


def writes_symbols(stream: TextIO) -> bool:
    """Whether `stream` can write liftkit's symbols: its encoding's say, and on a terminal,
    the locale's (the terminal's own encoding)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if _ascii_locale() and _is_terminal(stream):
        return False
    try:
        SYMBOLS.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def use_stand_ins(stream: TextIO) -> None:
    """Make `stream` write stand-ins for what its encoding cannot write."""
    if writes_symbols(stream):
        return
    ascii_terminal = _ascii_locale() and _is_terminal(stream)
    options = {"encoding": "ascii"} if ascii_terminal else {}
    with contextlib.suppress(AttributeError, ValueError):  # not a text file, or closed
        stream.reconfigure(errors=ERRORS, **options)  # type: ignore[attr-defined]
