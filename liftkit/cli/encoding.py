"""Output where the terminal's encoding is not UTF-8 (a Latin-1 or ASCII locale).

The countdown's blocks, the bars and the symbols (`█ ░ ▲ ■ · … ×`) cannot be written there:
each is written as an ASCII stand-in of the same width instead, so that the screen keeps its
layout and the big countdown still reads (drawn with `#`), rather than the command ending on
an encoding error. Letters the encoding lacks lose their accents (`Concepcion`), anything else
becomes `?` (`??` for a character or emoji two columns wide, as `cells` counts it).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import unicodedata
from typing import TextIO

from liftkit.core.text import cells, graphemes

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


def stand_in(cluster: str) -> str:
    """What stands in for one grapheme (a character, or an emoji of several with its skin tone
    and joiners): exactly as many columns as the layout counts for it (`cells`), else the
    screen's lines would run past their width ("👩🏽‍⚕️" was seven `?` where two were counted)."""
    width = cells(cluster)
    if cluster in STAND_INS:
        return STAND_INS[cluster]
    decomposed = unicodedata.normalize("NFKD", cluster)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    if bare and bare.isascii() and len(bare) == width:
        return bare
    return "?" * width


def _stand_ins(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text, start = error.object, error.start
    # What joins a character the stream can write (a combining accent, a skin tone) adds
    # no column of its own: the layout counted it with that character.
    while start < error.end and start > 0 and _joins(text[start]):
        start += 1
    spans = graphemes(text[start : error.end])
    return "".join(stand_in(text[start + a : start + b]) for a, b, _ in spans), error.end


def _joins(char: str) -> bool:
    return bool(unicodedata.combining(char)) or graphemes("x" + char) == [(0, 2, 1)]


codecs.register_error(ERRORS, _stand_ins)


def _ascii_locale() -> bool:
    """Whether the terminal is ASCII though every stream's encoding says utf-8: Python turns
    its UTF-8 mode on by itself in the C and POSIX locales (`LANG=C`, `LC_ALL=C`, none set),
    and also where the locale named cannot be loaded (`LANG=en_US.UTF-8` not installed,
    `LC_CTYPE=UTF-8` from a Mac over ssh). The environment says which: a locale that names
    UTF-8 (`utf8` too, any case) is a UTF-8 terminal, installed or not; anything else is
    taken as ASCII. Turned on by hand (PYTHONUTF8=1, -X utf8) or with PYTHONIOENCODING, the
    streams' encoding is the host's choice, and is trusted."""
    if not sys.flags.utf8_mode or os.environ.get("PYTHONIOENCODING"):
        return False
    if os.environ.get("PYTHONUTF8") or "utf8" in sys._xoptions:
        return False
    return _UTF_8.search(_locale_named()) is None


_UTF_8 = re.compile("utf-?8", re.IGNORECASE)
# What Python's C locale coercion writes into LC_CTYPE (PEP 538), over the host's own value.
_COERCED = ("C.UTF-8", "C.utf8", "UTF-8")


def _locale_named() -> str:
    """The locale the host's environment names for characters: LC_ALL, else LC_CTYPE, else
    LANG, as the process was given them (Python may have set LC_CTYPE to C.UTF-8 since)."""
    given = _environment_given()
    return next((given[name] for name in ("LC_ALL", "LC_CTYPE", "LANG") if given.get(name)), "")


def _environment_given() -> dict[str, str]:
    try:
        with open("/proc/self/environ", "rb") as environ:  # as it was when the process began
            pairs = [item.split(b"=", 1) for item in environ.read().split(b"\0") if b"=" in item]
        return {os.fsdecode(k): os.fsdecode(v) for k, v in pairs}
    except OSError:  # not Linux: the coercion's own LC_CTYPE says nothing of the host's
        given = dict(os.environ)
        if not given.get("LC_ALL") and given.get("LC_CTYPE") in _COERCED:
            del given["LC_CTYPE"]
        return given


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
