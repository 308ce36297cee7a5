"""Meeting chat logs: Zoom (two layouts), Teams WebVTT transcripts and Google Meet .sbv chat.

`parse_chat` finds the layout by itself. Lines that fit no layout are kept in
`ChatLog.unmatched` (to be reported with their line numbers); a file that is no chat log at all
is a LiftkitError naming the file.
"""

from __future__ import annotations

import codecs
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

NOT_A_CHAT_HINT = (
    "name a Zoom saved chat (meeting_saved_chat.txt), a Teams transcript (.vtt) "
    "or a Google Meet chat (.sbv)"
)


def read_chat(path: Path) -> ChatLog:
    data = read_input(path, "a chat log", "check the path given to --chat", NOT_A_CHAT_HINT)
    return parse_chat(data, str(path))


def decode_chat(data: bytes, source: str) -> str:
    """UTF-8 with or without BOM, or UTF-16 (with a BOM, or guessed from its zero bytes)."""
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
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            line = data[: exc.start].count(b"\n") + 1
            raise LiftkitError(
                f"{source}:{line}: not UTF-8 or UTF-16 text, so not a chat log liftkit can read",
                "save it as UTF-8 text, or name the chat log itself",
            ) from None
        raise LiftkitError(
            f"{source}: broken UTF-16 text", "save it again as UTF-8 or UTF-16 text"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise LiftkitError(f"{source}: a binary file, not a chat log", NOT_A_CHAT_HINT)
    return text


def _zero_bytes(data: bytes, parity: int) -> bool:
    """Whether many of the first bytes at odd (1) or even (0) places are zero: UTF-16 text
    without a BOM, mostly ASCII."""
    head = data[parity:4096:2]
    return len(head) >= 2 and head.count(0) * 2 > len(head)


def parse_chat(data: bytes | str, source: str) -> ChatLog:
    text = decode_chat(data, source) if isinstance(data, bytes) else data
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meaningful = [line for line in lines if line.strip()]
    if not meaningful:
        raise LiftkitError(f"{source}: empty, not a chat log", NOT_A_CHAT_HINT)
    if meaningful[0].lstrip().startswith("WEBVTT"):
        log = parse_webvtt(lines, source)
    else:
        single, two = count_headers(lines)
        sbv = count_sbv_timings(lines)
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
    return log
