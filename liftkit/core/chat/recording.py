"""The chat file of a Zoom cloud recording: `00:28:56<TAB>Ada Lovelace:<TAB>Hello`, one
message a line, times counted from the start of the recording (like a transcript's), lines
without a time continuing the message before (Zoom puts a blank line before them). Replies
and reactions read as in the meeting's saved chat. Only public messages are saved."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from liftkit.core.chat.model import ZOOM_RECORDING, ChatLog
from liftkit.core.chat.zoom import Header, emit, seconds_of

LINE = re.compile(r"(\d{1,2}):([0-5]\d):([0-5]\d)\t([^\t]{1,200}?):\t?(.*)$")


def count_recording_lines(lines: Iterable[str], enough: int = 500) -> int:
    count = 0
    for line in lines:
        if line[:1].isdigit() and "\t" in line and LINE.match(line):
            count += 1
            if count >= enough:
                break
    return count


def parse_recording_chat(lines: Iterable[str], source: str) -> ChatLog:
    log = ChatLog(source, ZOOM_RECORDING, clock=False)
    current: Header | None = None
    body: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        log.lines += 1
        match = LINE.match(line) if line[:1].isdigit() else None
        if match is not None:
            if current is not None:
                emit(log, current, body)
            h, m, s, who, text = match.groups()
            at = seconds_of(h, m, s)
            current = Header(number, at, sys.intern(who.strip()), "Everyone", False, "")
            body = [text.strip()] if text.strip() else []
        elif current is None:
            log.unmatched.append((number, line))
        else:
            body.append(line.rstrip())
    if current is not None:
        emit(log, current, body)
    return log
