"""Meeting chat logs: Zoom saved chats (four layouts), Teams meeting chats copied as text,
Teams and Zoom WebVTT transcripts, Zoom transcripts saved as text and Google Meet .sbv chat.

`parse_chat` finds the layout by itself. Lines that fit no layout are kept in
`ChatLog.unmatched` (to be reported with their line numbers); a file that is no chat log at all
is a LiftkitError naming the file. `read_chat` reads a file as a stream of lines.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from liftkit.core.chat.decode import (
    NOT_A_CHAT_HINT,
    decode_chat,
    guess_encoding,
    open_chat_file,
    refuse_document,
    text_lines,
    utf_8_reading,
    utf_16_lines,
)
from liftkit.core.chat.localized import find_form, in_english
from liftkit.core.chat.model import (
    LAYOUT_NAMES,
    MEET_SBV,
    TEAMS_CHAT_CLASSIC,
    TEAMS_CHAT_NEW,
    TEAMS_TRANSCRIPT_TEXT,
    TEAMS_WEBVTT,
    TRANSCRIPT_LAYOUTS,
    WEBEX_CHAT,
    WEBVTT_CAPTIONS,
    ZOOM_NAME_TAB,
    ZOOM_RECORDING,
    ZOOM_SINGLE_LINE,
    ZOOM_TIME_AFTER,
    ZOOM_TRANSCRIPT_TEXT,
    ZOOM_TWO_LINE,
    ZOOM_WEBVTT,
    ChatLog,
    ChatMessage,
    ChatReaction,
)
from liftkit.core.chat.recording import count_recording_lines, parse_recording_chat
from liftkit.core.chat.teams_chat import count_teams_heads, parse_teams_chat
from liftkit.core.chat.text_transcript import (
    count_block_heads,
    parse_teams_text,
    parse_text_transcript,
)
from liftkit.core.chat.transcripts import (
    count_cue_timings,
    count_sbv_timings,
    parse_cue_blocks,
    parse_sbv,
    parse_webvtt,
)
from liftkit.core.chat.zoom import count_headers, count_time_after
from liftkit.core.chat.zoom_read import parse_single_line, parse_time_after, parse_two_line
from liftkit.core.documents import HEAD
from liftkit.core.errors import LiftkitError
from liftkit.core.text import line_ranges

__all__ = [
    "LAYOUT_NAMES",
    "MEET_SBV",
    "TEAMS_CHAT_CLASSIC",
    "TEAMS_CHAT_NEW",
    "TEAMS_TRANSCRIPT_TEXT",
    "TEAMS_WEBVTT",
    "TRANSCRIPT_LAYOUTS",
    "WEBEX_CHAT",
    "WEBVTT_CAPTIONS",
    "ZOOM_NAME_TAB",
    "ZOOM_RECORDING",
    "ZOOM_SINGLE_LINE",
    "ZOOM_TIME_AFTER",
    "ZOOM_TRANSCRIPT_TEXT",
    "ZOOM_TWO_LINE",
    "ZOOM_WEBVTT",
    "ChatLog",
    "ChatMessage",
    "ChatReaction",
    "EmptyChat",
    "decode_chat",
    "line_ranges",
    "parse_chat",
    "read_chat",
]

DETECT_LINES = 5000  # the layout shows in the first lines; don't scan all
MARGIN = " \t>"  # what a chat pasted indented, or quoted in an e-mail, starts every line with
# A chat kept in Markdown notes as a list: `- 07:58:13 From  Ada  to  Everyone:`, each message's
# further lines indented under its mark (as meeting notes published on GitHub hold it).
LIST_MARKS = ("- ", "* ", "+ ")


def read_chat(path: Path) -> ChatLog:
    """A chat log file, read line by line: its size costs time, not memory."""
    source, notes = str(path), list[str]()
    with open_chat_file(path) as opened:
        stream: IO[bytes] = opened
        if not opened.seekable():  # a pipe (/dev/stdin, <(…)): read it whole
            stream = io.BytesIO(opened.read())
        head = stream.read(HEAD)
        refuse_document(head, source)
        encoding = guess_encoding(head[:4096])
        stream.seek(0)
        if encoding.startswith("utf-16"):
            return parse_lines(utf_16_lines(stream.read(), encoding, source, notes), source, notes)
        try:
            return parse_lines(text_lines(stream, "utf-8-sig", "strict", source), source, notes)
        except UnicodeDecodeError:
            stream.seek(0)
            codec, errors = utf_8_reading(stream, source, notes)
            stream.seek(0)
            return parse_lines(text_lines(stream, codec, errors, source), source, notes)


class EmptyChat(LiftkitError):
    """A chat log with nothing in it (a chat saved before anyone wrote): a caller may go on
    without it."""


def parse_chat(data: bytes | str, source: str) -> ChatLog:
    """A chat log held in memory, as bytes (any encoding `decode_chat` reads) or text."""
    notes: list[str] = []
    text = decode_chat(data, source, notes) if isinstance(data, bytes) else data
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return parse_lines(lines, source, notes)


# One line "Start  10:00" in a page of notes makes no transcript, nor one "[10:00] Agenda" a chat.
TEAMS_HEADS_AT_LEAST = 2


def parse_lines(lines: Iterable[str], source: str, notes: list[str]) -> ChatLog:
    """A chat log from its lines (without line ends), its layout found from the first ones."""
    stream = iter(lines)
    sample = list(itertools.islice(stream, DETECT_LINES))
    first = next((line for line in sample if line.strip()), None)
    for line in stream if first is None else ():  # thousands of blank lines first
        sample.append(line)
        if line.strip():
            first = line
            break
    if first is None:
        raise EmptyChat(f"{source}: empty, not a chat log", NOT_A_CHAT_HINT)
    counted = itertools.chain(sample, stream)
    if first.lstrip().startswith("WEBVTT"):
        log = parse_webvtt(counted, source)
    else:
        single, two = count_headers(sample)
        sbv = count_sbv_timings(sample)
        recording = count_recording_lines(sample)
        heads, teams = count_block_heads(sample)
        after = count_time_after(sample)
        cues = count_cue_timings(sample)  # a transcript without its WEBVTT line
        # A Teams transcript saved from Word is the last guess: its heads ("Ada  0:03") are
        # plain text that other files may hold a line of, and the fallbacks come first.
        best = max(single, two, sbv, recording, heads, after, cues)
        margin = _margin(sample) if best == 0 else ""
        if margin:  # pasted indented or quoted: read it without the margin
            words = _margin_words(margin)
            notes.append(f"{source}: every line starts with {words}; read without it")
            return parse_lines(_without(counted, margin), source, notes)
        listed = _list_layout(sample) if best == 0 else None
        if listed is not None:  # a Markdown list: read it without the marks and indentation
            mark, indent = listed
            notes.append(f'{source}: a list, each message marked "{mark.strip()}"; read without '
                         "the marks")  # fmt: skip
            return parse_lines(_unlisted(counted, mark, indent), source, notes)
        form = find_form(sample) if best == 0 else None
        if form is not None:  # saved by Zoom in another language: read as the English one
            notes.append(f"{source}: Zoom's headers in {form.language}; read as the English ones")
            return parse_lines(in_english(counted, form), source, notes)
        if best == 0 and _captions(sample):
            raise LiftkitError(
                f"{source}: Zoom's closed captions (closed_caption.txt), which name no speaker: "
                "nothing in it can be quoted as someone's words",
                NOT_A_CHAT_HINT,
            )
        # A Teams chat copied as text: its headers are plain text too, tried after Zoom's.
        copied = count_teams_heads(sample) if best == 0 else 0
        if best == 0 and teams >= TEAMS_HEADS_AT_LEAST and teams > copied:
            best = teams
        if best == 0 and copied < TEAMS_HEADS_AT_LEAST:
            raise LiftkitError(
                f"{source}: not a chat log: no line looks like a Zoom, Teams or Webex chat "
                "message, a transcript cue or a Google Meet chat entry",
                NOT_A_CHAT_HINT,
            )
        parse = (
            parse_teams_chat if best == 0
            else parse_sbv if best == sbv else parse_two_line if best == two
            else parse_single_line if best == single
            else parse_recording_chat if best == recording
            else parse_time_after if best == after
            else parse_cue_blocks if best == cues
            else parse_text_transcript if best == heads and heads else parse_teams_text
        )  # fmt: skip
        log = parse(counted, source)
    _check(log, source, log.lines)
    log.notes = notes
    return log


def _margin(sample: list[str]) -> str:
    """The spaces, tabs and quote marks (">") that every line of the sample starts with."""
    margin: str | None = None
    for line in sample:
        if line.strip(MARGIN):  # a blank line, or a bare ">", has no say
            lead = line[: len(line) - len(line.lstrip(MARGIN))]
            if margin is None:
                margin = lead
            while not lead.startswith(margin):  # the longest start the two share
                margin = margin[:-1]
            if not margin:
                return ""
    return margin or ""


def _margin_words(margin: str) -> str:
    if margin.strip(" ") == "":
        return f"{len(margin)} spaces" if len(margin) > 1 else "a space"
    if margin.strip("\t") == "":
        return f"{len(margin)} tabs" if len(margin) > 1 else "a tab"
    return f'the quote mark "{margin.strip()}"' if ">" in margin else "the same indentation"


def _without(lines: Iterable[str], margin: str) -> Iterator[str]:
    """The lines without the margin; a bare quote mark is a blank line."""
    for line in lines:
        if line.startswith(margin):
            yield line[len(margin) :]
        else:
            yield "" if not line.strip(MARGIN) else line


# A line of the closed captions a local Zoom recording saves: a time of day, then what was
# said, with no speaker (`16:02:22 Just give me one minute.`).
CAPTION = re.compile(r"\d{1,2}:[0-5]\d:[0-5]\d [^\t]")


def _captions(sample: list[str]) -> bool:
    """Whether most of the sample's lines are speakerless closed captions."""
    lines = [line for line in sample if line.strip()]
    return sum(1 for line in lines if CAPTION.match(line)) * 2 > len(lines)


def _list_layout(sample: list[str]) -> tuple[str, str] | None:
    """The list mark that starts each header (`- 07:58:13 From …`, `- From Ada to Everyone
    02:02 PM`), and the indentation of the lines under them; None when the sample is no such
    list. The lines under a header may be unindented (a blank line, then the message, as
    Ethereum's call notes hold some chats) when the list has two headers or more."""
    mark, indent, marked, loose = None, None, 0, False
    for line in sample:
        if not line.strip():
            continue
        if line[0] in " \t":
            lead = line[: len(line) - len(line.lstrip(" \t"))]
            indent = lead if indent is None or len(lead) < len(indent) else indent
        elif line[:2] in LIST_MARKS and mark in (None, line[:2]) and _list_head(line[2:]):
            mark, marked = line[:2], marked + 1
        elif mark is None or line[:2] in LIST_MARKS:
            return None
        else:
            loose = True
    if mark is None or (loose and marked < LIST_HEADS_AT_LEAST):
        return None
    return mark, "" if loose else indent or ""


LIST_HEADS_AT_LEAST = 2  # to read a list's unindented lines as its messages'


def _list_head(item: str) -> bool:
    """Whether a list item starts like a header: with a time, or with "From"."""
    return item[:1].isdigit() or item[:5] == "From "


def _unlisted(lines: Iterable[str], mark: str, indent: str) -> Iterator[str]:
    """The lines of a list without its marks, and its items' further lines without their
    indentation."""
    for line in lines:
        if line.startswith(mark):
            yield line[len(mark) :]
        elif indent and line.startswith(indent):
            yield line[len(indent) :]
        else:
            yield line


def _check(log: ChatLog, source: str, meaningful: int) -> None:
    if not log.messages and not log.reactions:
        raise LiftkitError(
            f"{source}: not a chat log: it holds no messages ({log.layout_name} expected)",
            NOT_A_CHAT_HINT,
        )
    if len(log.unmatched) * 2 > meaningful:
        first = log.unmatched[0][0]
        raise LiftkitError(
            f"{source}: not a chat log: {len(log.unmatched)} of {meaningful} lines do not "
            f"fit the {log.layout_name} (the first is line {first})",
            NOT_A_CHAT_HINT,
        )
