"""Meeting chat logs: Zoom (two layouts), Teams WebVTT transcripts and Google Meet .sbv chat.

`parse_chat` finds the layout by itself. Lines that fit no layout are kept in
`ChatLog.unmatched` (to be reported with their line numbers); a file that is no chat log at all
is a LiftkitError naming the file.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from liftkit.core.chat.model import (
    LAYOUT_NAMES,
    MEET_SBV,
    TEAMS_WEBVTT,
    ZOOM_SINGLE_LINE,
    ZOOM_TWO_LINE,
    ChatLog,
    ChatMessage,
    ChatReaction,
    line_ranges,
)
from liftkit.core.chat.transcripts import count_sbv_timings, parse_sbv, parse_webvtt
from liftkit.core.chat.zoom import count_headers, parse_single_line, parse_two_line
from liftkit.core.errors import LiftkitError
from liftkit.core.files import read_input

__all__ = [
    "LAYOUT_NAMES",
    "MEET_SBV",
    "TEAMS_WEBVTT",
    "ZOOM_SINGLE_LINE",
    "ZOOM_TWO_LINE",
    "ChatLog",
    "ChatMessage",
    "ChatReaction",
    "decode_chat",
    "line_ranges",
    "parse_chat",
    "read_chat",
]

# A character beyond ASCII that is not a byte UTF-8 could not read (surrogateescape makes
# those U+DC80 to U+DCFF).
BEYOND_ASCII = re.compile("[\x80-\udc7f\udd00-\U0010ffff]")
NOT_A_CHAT_HINT = (
    "name a Zoom saved chat (meeting_saved_chat.txt), a Teams transcript (.vtt) "
    "or a Google Meet chat (.sbv)"
)


def read_chat(path: Path) -> ChatLog:
    data = read_input(path, "a chat log", "check the path given to `chat`", NOT_A_CHAT_HINT)
    return parse_chat(data, str(path))


def decode_chat(data: bytes, source: str, notes: list[str] | None = None) -> str:
    """UTF-8 with or without BOM, or UTF-16 (with a BOM, or guessed from its zero bytes).

    Text that is not quite either is still read, with a warning added to `notes`: text in an
    older Windows encoding as Windows-1252, a stray bad byte in UTF-8 replaced, a UTF-16 file
    cut off in the middle of a character without its last bytes. Binary data is an error.
    """
    notes = [] if notes is None else notes
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif _zero_bytes(data, 1) and 0 not in data[:128:2]:
        encoding = "utf-16-le"
    elif _zero_bytes(data, 0) and 0 not in data[1:128:2]:
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    if encoding == "utf-8":
        text = _decode_utf_8(data, source, notes)
    else:
        text = _decode_utf_16(data, encoding, source, notes)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise LiftkitError(f"{source}: a binary file, not a chat log", NOT_A_CHAT_HINT)
    return text


def _decode_utf_8(data: bytes, source: str, notes: list[str]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    if b"\x00" in data:
        raise LiftkitError(f"{source}: a binary file, not a chat log", NOT_A_CHAT_HINT)
    # A file with no valid UTF-8 beyond ASCII was saved in an older Windows encoding; one
    # that has some (emoji, accents) is UTF-8 with a few bad bytes, and stays UTF-8.
    if not BEYOND_ASCII.search(data.decode("utf-8", "surrogateescape")):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass  # bytes Windows-1252 leaves undefined
        else:
            notes.append(
                f"{source}:{line}: not UTF-8 text; read as Windows-1252 (check the accented "
                "letters, or save the chat as UTF-8)"
            )
            return text
    notes.append(
        f"{source}:{line}: not UTF-8 text; what is not was replaced with \ufffd "
        "(save the chat as UTF-8)"
    )
    return data.decode("utf-8", "replace")


def _decode_utf_16(data: bytes, encoding: str, source: str, notes: list[str]) -> str:
    cut = len(data) % 2 == 1
    if cut:
        data = data[:-1]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end < len(data):
            raise LiftkitError(
                f"{source}: broken UTF-16 text", "save it again as UTF-8 or UTF-16 text"
            ) from None
        # Cut between the two halves of a character outside the BMP (an emoji).
        text, cut = data[: exc.start].decode(encoding), True
    if cut:
        notes.append(
            f"{source}: UTF-16 text cut off in the middle of a character; "
            "the last bytes were dropped"
        )
    return text


def _zero_bytes(data: bytes, parity: int) -> bool:
    """Whether many of the first bytes at odd (1) or even (0) places are zero: UTF-16 text
    without a BOM, mostly ASCII."""
    head = data[parity:4096:2]
    return len(head) >= 2 and head.count(0) * 2 > len(head)


DETECT_LINES = 5000


def parse_chat(data: bytes | str, source: str) -> ChatLog:
    notes: list[str] = []
    text = decode_chat(data, source, notes) if isinstance(data, bytes) else data
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meaningful = [line for line in lines if line.strip()]
    if not meaningful:
        raise LiftkitError(f"{source}: empty, not a chat log", NOT_A_CHAT_HINT)
    if meaningful[0].lstrip().startswith("WEBVTT"):
        log = parse_webvtt(lines, source)
    else:
        sample = lines[:DETECT_LINES]  # the layout shows in the first lines; don't scan all
        single, two = count_headers(sample)
        sbv = count_sbv_timings(sample)
        best = max(single, two, sbv)
        if best == 0:
            raise LiftkitError(
                f"{source}: not a chat log: no line looks like a Zoom chat message, "
                "a Teams transcript cue or a Google Meet chat entry",
                NOT_A_CHAT_HINT,
            )
        if best == sbv:
            log = parse_sbv(lines, source)
        elif best == two:
            log = parse_two_line(lines, source)
        else:
            log = parse_single_line(lines, source)
    if not log.messages and not log.reactions:
        raise LiftkitError(
            f"{source}: not a chat log: it holds no messages ({log.layout_name} expected)",
            NOT_A_CHAT_HINT,
        )
    if len(log.unmatched) * 2 > len(meaningful):
        first = log.unmatched[0][0]
        raise LiftkitError(
            f"{source}: not a chat log: {len(log.unmatched)} of {len(meaningful)} lines do not "
            f"fit the {log.layout_name} (the first is line {first})",
            NOT_A_CHAT_HINT,
        )
    log.notes = notes
    return log
