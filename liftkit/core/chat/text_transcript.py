"""Transcripts saved as text, a block per turn: a head naming the speaker and a time, then
what was said on the lines below it.

- Zoom: `[Ada Lovelace] 11:02:09`, a blank line before the next block; times of day, as in a
  saved chat.
- Teams' Word transcript (the .docx Teams downloads) saved as text: `Ada Lovelace   0:03` (or
  `1:02:05`), times from the start of the transcription; before the first block the
  document's title, date and length, and lines such as `Ada Lovelace started transcription`.

Both start a new block at every pause, so one person's turn comes in several blocks: the
blocks of one speaker in a row are quoted as one turn, as cues are, up to a turn of a minute
that ends a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from liftkit.core.chat.model import (
    TEAMS_TRANSCRIPT_TEXT,
    ZOOM_TRANSCRIPT_TEXT,
    ChatLog,
    ChatMessage,
)
from liftkit.core.chat.transcripts import add_cue
from liftkit.core.chat.zoom import seconds_of

BLOCK_HEAD = re.compile(r"\[([^\[\]]{1,100})\][ \t]+(\d{1,2}):([0-5]\d):([0-5]\d)[ \t]*$")
# The name, then two spaces or more (or a tab) before the time: a line of speech that ends
# with a time ("see you at 10:30") has one. The separator is checked apart (`teams_head`):
# two quantifiers of spaces side by side took seconds on a line with a long run of spaces.
TEAMS_HEAD = re.compile(r"(\S.{0,99}?)([ \t]+)(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)[ \t]*$")
TEAMS_HEAD_LONGEST = 130  # a name of 100 characters, the spaces and 1:02:05
TEAMS_EVENT = re.compile(r".{1,100} (?:started|stopped) transcription[ \t]*$")
TEAMS_PREAMBLE = 6  # lines before the first head: the document's title, date and length


def teams_head(text: str) -> tuple[str, str | None, str, str] | None:
    """The speaker and time of a Teams block head (`Ada Lovelace   0:03`), or None."""
    if len(text) > TEAMS_HEAD_LONGEST or not text.rstrip()[-1:].isdigit():
        return None
    match = TEAMS_HEAD.match(text)
    if match is None:
        return None
    name, gap, h, m, s = match.groups()
    if "\t" not in gap and len(gap) < 2:
        return None
    return name, h, m, s


def _zoom_head(text: str) -> tuple[str, str | None, str, str] | None:
    match = BLOCK_HEAD.match(text)
    if match is None:
        return None
    name, h, m, s = match.groups()
    return name, h, m, s


def count_block_heads(lines: Iterable[str], enough: int = 500) -> tuple[int, int]:
    """How many lines look like the head of a block of Zoom's and of Teams' transcript."""
    zoom = teams = 0
    for line in lines:
        if line.startswith("[") and BLOCK_HEAD.match(line):
            zoom += 1
        elif line[:1].strip() and teams_head(line) is not None:
            teams += 1
        if max(zoom, teams) >= enough:
            break
    return zoom, teams


def parse_teams_text(lines: Iterable[str], source: str) -> ChatLog:
    return parse_text_transcript(lines, source, teams=True)


def parse_text_transcript(lines: Iterable[str], source: str, teams: bool = False) -> ChatLog:
    log = ChatLog(source, TEAMS_TRANSCRIPT_TEXT if teams else ZOOM_TRANSCRIPT_TEXT, clock=not teams)
    said: list[str] = []
    head: tuple[int, float, str] | None = None

    def close() -> None:
        if head is not None and said:
            turn = ChatMessage(head[0], head[1], head[2], " ".join(said))
            add_cue(log.messages, turn, None)  # a block ends at a pause: no pause rule
        said.clear()

    preamble = 0
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        if teams and TEAMS_EVENT.match(text):
            continue  # "Ada started transcription": no one's words
        found = teams_head(text) if teams else _zoom_head(text)
        if teams and head is None and found is None and preamble < TEAMS_PREAMBLE:
            preamble += 1
            continue  # the document's title, date and length
        log.lines += 1
        if found is not None:
            close()
            name, h, m, s = found
            head = (number, seconds_of(h or "0", m, s), name.strip())
        elif head is None:
            log.unmatched.append((number, line))
        else:
            said.append(text)
    close()
    return log
