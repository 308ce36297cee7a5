"""Zoom chats that put a tab after the sender's name.

The chat file of a Zoom cloud recording: `00:28:56<TAB>Ada Lovelace:<TAB>Hello`, times counted
from the start of the recording (like a transcript's), lines without a time continuing the
message before (Zoom puts a blank line before them). Only public messages are saved.

A saved chat of some Zoom versions: `08:02:35 Ada Lovelace:<TAB>Hello`, a space after the time
of day, the lines of a longer message tab-indented; a direct message names its recipient and
is cut at its colon (`08:10:00 Ada  to  Grace(Direct:<TAB>…`).

Older chat.txt files mix the two: public messages as `18:00:05<TAB>Ada:<TAB>Hi all`, direct ones
as single-line headers, `18:00:15<TAB> From  Ada   to   Grace(Privately) : Hi`. Such a line is a
message of its own (a direct message, left out unless asked for), never a line of the one
before; so is any other line that starts with a time, read or not.

Replies and reactions read as in the meeting's saved chat."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from liftkit.core.chat.model import ZOOM_NAME_TAB, ZOOM_RECORDING, ChatLog
from liftkit.core.chat.zoom import (
    STAMPED,
    TO_WIDE,
    Header,
    emit,
    from_header,
    seconds_of,
    split_names,
)

LINE = re.compile(r"(\d{1,2}):([0-5]\d):([0-5]\d)([ \t])([^\t]{1,200}?):\t(.*)$")
_DIRECT = re.compile(r"\s*\((?:Direct|Privately|privately|direct)[^)]*\)?$")


def count_recording_lines(lines: Iterable[str], enough: int = 500) -> int:
    count = 0
    for line in lines:
        if line[:1].isdigit() and "\t" in line and LINE.match(line):
            count += 1
            if count >= enough:
                break
    return count


def _sender(who: str) -> tuple[str, str, bool]:
    """Sender, recipient and whether it was a direct message."""
    direct = _DIRECT.search(who)
    if direct is not None:
        who = who[: direct.start()]
    sender, to = split_names(who, TO_WIDE, TO_WIDE) or (who.strip(), "Everyone")
    return sender, to, direct is not None


def parse_recording_chat(lines: Iterable[str], source: str) -> ChatLog:
    """A cloud recording's chat (a tab after the time) or a saved chat with a tab after the
    name (a space after the time), as most of its first lines say."""
    log = ChatLog(source, ZOOM_RECORDING, clock=False)
    current: Header | None = None
    body: list[str] = []
    separators = {" ": 0, "\t": 0}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        log.lines += 1
        match = LINE.match(line) if line[:1].isdigit() else None
        if match is not None:
            if current is not None:
                emit(log, current, body)
            h, m, s, separator, names, text = match.groups()
            separators[separator] += 1
            who, to, direct = _sender(names)
            current = Header(
                number, seconds_of(h, m, s), sys.intern(who), sys.intern(to), direct, ""
            )
            body = [text.strip()] if text.strip() else []
        elif line[:1].isdigit() and STAMPED.match(line):
            if current is not None:
                emit(log, current, body)
            current = from_header(number, line)
            if current is None:  # garbled: it and the lines after it are part of no message
                log.unmatched.append((number, line))
            body = [current.text] if current is not None and current.text else []
        elif current is None:
            log.unmatched.append((number, line))
        else:
            body.append((line[1:] if line[0] == "\t" else line).rstrip())
    if current is not None:
        emit(log, current, body)
    if separators[" "] > separators["\t"]:
        log.layout, log.clock = ZOOM_NAME_TAB, True
    return log
