"""A Zoom transcript saved as text: `[Ada Lovelace] 11:02:09`, then what was said on the lines
below it, a blank line before the next block. Times are times of day, as in a saved chat.

Zoom starts a new block at every pause, so one person's turn comes in several blocks: the
blocks of one speaker in a row are quoted as one turn, as Teams' cues are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from liftkit.core.chat.model import ZOOM_TRANSCRIPT_TEXT, ChatLog, ChatMessage
from liftkit.core.chat.transcripts import add_turn
from liftkit.core.chat.zoom import seconds_of

BLOCK_HEAD = re.compile(r"\[([^\[\]]{1,100})\][ \t]+(\d{1,2}):([0-5]\d):([0-5]\d)[ \t]*$")


def count_block_heads(lines: Iterable[str], enough: int = 500) -> int:
    count = 0
    for line in lines:
        if line.startswith("[") and BLOCK_HEAD.match(line):
            count += 1
            if count >= enough:
                break
    return count


def parse_text_transcript(lines: Iterable[str], source: str) -> ChatLog:
    log = ChatLog(source, ZOOM_TRANSCRIPT_TEXT, clock=True)
    said: list[str] = []
    head: tuple[int, float, str] | None = None

    def close() -> None:
        if head is not None and said:
            add_turn(log.messages, ChatMessage(head[0], head[1], head[2], " ".join(said)))
        said.clear()

    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        log.lines += 1
        match = BLOCK_HEAD.match(text)
        if match is not None:
            close()
            name, h, m, s = match.groups()
            head = (number, seconds_of(h, m, s), name.strip())
        elif head is None:
            log.unmatched.append((number, line))
        else:
            said.append(text)
    close()
    return log
