"""WebVTT transcripts (Teams: `<v Name>text</v>` cues; Zoom's cloud recordings: `Name: text`
cues) and Google Meet .sbv chat: blocks separated by blank lines.

Their times are offsets from the start of the recording, not times of day.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from liftkit.core.chat.model import (
    MEET_SBV,
    SBV_CAPTIONS,
    TEAMS_TRANSCRIPT_TEXT,
    TEAMS_WEBVTT,
    WEBVTT_CAPTIONS,
    ZOOM_WEBVTT,
    ChatLog,
    ChatMessage,
)

# `00:01:02.900`, `01:02.900`, and unpadded as Microsoft Graph's callTranscript and Teams'
# older Word transcript write them: `0:1:2.9`.
_VTT_TIME = r"(?:(\d+):)?([0-5]?\d):([0-5]?\d)[.,](\d{1,3})"
VTT_TIMING = re.compile(rf"{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t].*)?$")
VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*)>")
TAG = re.compile(r"<[^>]*>")
SBV_TIMING = re.compile(
    r"(\d+):([0-5]\d):([0-5]\d)\.(\d{1,3}),(\d+):([0-5]\d):([0-5]\d)\.(\d{1,3})[ \t]*$"
)
SBV_SPEAKER = re.compile(r"([^:]{1,100}?):(?:[ \t]+(.*))?$")


# Seconds from one cue's start to the next's beyond which one speaker's cues are two turns:
# Zoom's cues of one flow of speech start 1 to 8 seconds apart.
TURN_PAUSE = 15.0
TURN_SPAN = 60.0  # seconds a turn runs before the end of a sentence ends it
# A Zoom transcript cue: "Ada Lovelace: text". A name is short and holds no "://".
ZOOM_SPEAKER = re.compile(r"([^:<>]{1,80}?):[ \t]+(\S.*)$")


def _blocks(lines: Iterable[str]) -> Iterator[list[tuple[int, str]]]:
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            block.append((number, line.rstrip()))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return (
        int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis.ljust(3, "0")) / 1000
    )


def parse_webvtt(lines: Iterable[str], source: str) -> ChatLog:
    """Cues by speaker. Teams cuts one person's turn into many short cues, joined again here;
    so are a Zoom transcript's (no <v> tags, "Name: text"). A file whose
    cues mostly name no speaker (captions: YouTube's, or a transcript saved without speakers)
    is read cue by cue, by nobody: a colon in one cue ("Question: why?") names no one."""
    log = ChatLog(source, TEAMS_WEBVTT, clock=False)
    blocks = _blocks(lines)
    next(blocks, None)  # the WEBVTT header block
    voiced = named = cues = 0
    last: float | None = None
    for block in blocks:
        log.lines += len(block)
        first = block[0][1].lstrip()
        if first.startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_at = next((i for i, (_, text) in enumerate(block[:2]) if "-->" in text), None)
        timing = VTT_TIMING.match(block[timing_at][1].strip()) if timing_at is not None else None
        if timing is None or timing_at is None:
            log.unmatched.extend(block)
            continue
        at = _seconds(*timing.groups()[:4])
        cues += 1
        payload = " ".join(text.strip() for _, text in block[timing_at + 1 :])
        spans = _voices(payload)
        voiced += spans[0][0] != ""
        if spans[0][0] == "" and ZOOM_SPEAKER.match(spans[0][1]) and "://" not in spans[0][1][:12]:
            named += 1
        for author, text in spans:
            if text:
                add_cue(log.messages, ChatMessage(block[0][0], at, author, text), last)
        last = at
    if named * 2 > cues and not voiced:
        _as_zoom(log)
    elif not voiced:
        log.layout = WEBVTT_CAPTIONS
    return log


def add_cue(turns: list[ChatMessage], message: ChatMessage, last: float | None) -> None:
    """`message` joined to the turn before it when the same person goes on speaking: not
    after a pause of over TURN_PAUSE seconds since the cue before (`last`, anyone's), nor
    once the turn has run TURN_SPAN seconds and ends a sentence (ten minutes of one
    speaker's cues were one quote, placed in the segment where it began)."""
    turn = turns[-1] if turns else None
    if (
        turn is not None
        and message.author
        and turn.author == message.author
        and not (last is not None and message.at - last > TURN_PAUSE)
        and not (message.at - turn.at > TURN_SPAN and turn.text[-1:] in ".?!")
    ):
        turn.text = f"{turn.text} {message.text}"
    else:
        turns.append(message)


def _as_zoom(log: ChatLog) -> None:
    """A transcript without <v> tags whose cues say "Name: text" is Zoom's: each cue by its
    speaker (cues that name nobody keep no author), one speaker's cues in a row joined into
    one turn, as Teams' are (a real Zoom transcript gave "of helium." and "In that balloon."
    as quotes of their own)."""
    log.layout = ZOOM_WEBVTT
    cues, log.messages = log.messages, []
    last = None
    for message in cues:
        speaker = ZOOM_SPEAKER.match(message.text)
        if speaker is not None:
            message.author, message.text = speaker.group(1).strip(), speaker.group(2).strip()
        add_cue(log.messages, message, last)
        last = message.at


def _voices(payload: str) -> list[tuple[str, str]]:
    """The (speaker, text) spans of a cue's text; a cue without <v> has no speaker."""
    spans = list(VOICE.finditer(payload))
    if not spans:
        return [("", _plain(payload))]
    out = []
    for i, span in enumerate(spans):
        end = spans[i + 1].start() if i + 1 < len(spans) else len(payload)
        out.append((_plain(span.group(1)), _plain(payload[span.end() : end])))
    return out


def _plain(text: str) -> str:
    return " ".join(html.unescape(TAG.sub("", text)).split())


def count_cue_timings(lines: list[str], enough: int = 500) -> int:
    """How many lines are WebVTT cue timings (`0:0:6.120 --> 0:0:12.300`), in a file that
    does not start with WEBVTT."""
    count = 0
    for line in lines:
        if line[:1].isdigit() and "-->" in line and VTT_TIMING.match(line.strip()):
            count += 1
            if count >= enough:
                break
    return count


def parse_cue_blocks(lines: Iterable[str], source: str) -> ChatLog:
    """Teams' older transcript (a Word document) saved as text: blocks of a cue timing
    (`0:0:6.120 --> 0:0:12.300`), the speaker's name on a line of its own, and what they
    said; one speaker's cues in a row are one turn, as in a WebVTT transcript."""
    log = ChatLog(source, TEAMS_TRANSCRIPT_TEXT, clock=False)
    last: float | None = None
    for block in _blocks(lines):
        log.lines += len(block)
        timing = VTT_TIMING.match(block[0][1].strip())
        if timing is None or len(block) < 3:
            log.unmatched.extend(block)
            continue
        at = _seconds(*timing.groups()[:4])
        author = _plain(block[1][1])
        text = _plain(" ".join(line for _, line in block[2:]))
        if text:
            add_cue(log.messages, ChatMessage(block[0][0], at, author, text), last)
        last = at
    return log


def parse_sbv(lines: Iterable[str], source: str) -> ChatLog:
    """Google Meet's chat (`Ada Lovelace: text` under each timing), or captions in the same
    layout (YouTube's, yt-dlp's) when most entries name no one: quoted without an author."""
    log = ChatLog(source, MEET_SBV, clock=False)
    for block in _blocks(lines):
        log.lines += len(block)
        timing = SBV_TIMING.match(block[0][1].strip())
        if timing is None:
            log.unmatched.extend(block)
            continue
        at = _seconds(*timing.groups()[:4])
        body = [text.strip() for _, text in block[1:]]
        if not body:
            continue
        author = ""
        speaker = SBV_SPEAKER.match(body[0])
        if speaker:
            author = speaker.group(1).strip()
            body[0] = speaker.group(2) or ""
        text = "\n".join(body).strip()
        if text:
            log.messages.append(ChatMessage(block[0][0], at, author, text))
    if log.messages and sum(1 for m in log.messages if m.author) * 2 <= len(log.messages):
        log.layout = SBV_CAPTIONS
    return log


def count_sbv_timings(lines: list[str], enough: int = 500) -> int:
    count = 0
    for line in lines:
        if line[:1].isdigit() and SBV_TIMING.match(line.strip()):
            count += 1
            if count >= enough:
                break
    return count
