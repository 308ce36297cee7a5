"""Zoom's saved chat read line by line (the headers are matched in zoom.py): a header starts a
message, the lines after it continue it.

A header that Zoom (or an editor) hard-wrapped over two lines (`12:32:10 From Leah Wasser
(she/her) Earth Lab to` over `Sam Okafor (Direct Message):`) is read whole when the two
halves meet at the "to" before the recipient. A line that starts like a header but reads as
none is skipped, and so are the lines under it up to the next header: they are no one's
message that can be told, and joined to the message above they would quote a direct message
as someone else's words. So is a line that reads like the end of a header (`… (Direct
Message):`, `to Everyone:`) where a message's line was expected.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from liftkit.core.chat.model import (
    WEBEX_CHAT,
    ZOOM_SINGLE_LINE,
    ZOOM_TIME_AFTER,
    ZOOM_TWO_LINE,
    ChatLog,
)
from liftkit.core.chat.reactions import join_comma_names
from liftkit.core.chat.zoom import (
    BARE_CLOCK,
    DM_MARK,
    HEADER,
    OLDEST_LINES,
    STAMPED,
    TO_NARROW,
    Header,
    emit,
    from_header,
    time_after,
)

# The end of a header, on a line of its own: a direct-message mark and a colon (`Sam Okafor
# (Direct Message):`), or "to Everyone" and a colon (`to  Everyone : hi`).
HEADER_TAIL = re.compile(
    r".*\((?:Direct Message|Privately|privately|direct message)\)[ \t]*:(?:[ \t].*)?$"
    r"|(?:.*[ \t])?(?:to|To|TO)[ \t]{1,2}Everyone[ \t]*:(?:[ \t].*)?$"
)
# The same halves in the layout with the time after the name: a header's start that names
# no recipient and no time (`From Jan Lind to`), and a header's end with its time (`Ann Lee
# (Direct Message):  12:21 PM`, ` Everyone:    6:39  AM`), each on a line of its own.
TIMED_HEAD = re.compile(r"[ \t]*(?:From|from)[ \t]+\S.*[ \t](?:to|To|TO)[ \t]*$")
TIMED_TAIL = re.compile(
    r"(?:.*" + DM_MARK + r"|(?:.*[ \t])?Everyone)[ \t]*:[ \t]+\(?" + BARE_CLOCK + r"\)?[ \t]*$"
)
_TO_LAST = re.compile(r"[ \t](?:to|To|TO)$")
_TO_FIRST = re.compile(r"(?:to|To|TO)[ \t]")


def _rejoined(
    garbled: tuple[int, str], line: str, header_of: Callable[[int, str], Header | None]
) -> Header | None:
    """The header a stamped line that reads as none makes with the next line, when it was
    wrapped at the "to" before the recipient; None otherwise."""
    if line[:1] in " \t":  # a message's line, indented as Zoom indents them
        return None
    number, first = garbled
    first, second = first.rstrip(), line.strip()
    if _TO_LAST.search(first):  # "… Earth Lab to" over "Sam Okafor (Direct Message):"
        wide = first[-4:-2] in ("  ", "\t ", " \t")
        recipient = second
        joined = first + ("  " if wide else " ") + second
    elif _TO_FIRST.match(second):  # "… Dundee" over "to Everyone:"
        recipient = second[3:].lstrip()
        joined = first + " " + second
    else:
        return None
    header = header_of(number, joined)
    if header is None or not header.who or not recipient.startswith(header.to):
        return None
    return header


def read_messages(
    log: ChatLog,
    lines: Iterable[str],
    header_of: Callable[[int, str], Header | None],
    body_of: Callable[[str], str | None],
    finish: Callable[[list[str]], list[str]] = lambda body: body,
    rejoin: Callable[
        [tuple[int, str], str, Callable[[int, str], Header | None]], Header | None
    ] = _rejoined,
) -> ChatLog:
    """The messages of `lines` into `log`: a header (header_of) starts a message, and each
    line after it continues it as body_of keeps it (and `finish` the lines kept). None from
    body_of: a line that starts like a header but reads as none; it ends the message above,
    and unless it is the first half of a wrapped header, it and the lines under it are
    skipped (kept as unmatched, as is every line before the first header;
    `log.skipped_under` counts the lines under it). Blank lines are skipped."""
    current: Header | None = None
    body: list[str] = []
    garbled: tuple[int, str] | None = None  # a stamped line that is no header, held
    skipped_at = 0  # the line number of the last garbled line skipped, while skipping
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        log.lines += 1
        header = header_of(number, line)
        if garbled is not None:
            if header is None and (header := rejoin(garbled, line, header_of)) is not None:
                garbled = None
                current, body = header, [header.text] if header.text else []
                continue
            log.unmatched.append(garbled)
            skipped_at, garbled = garbled[0], None
        if header is not None:
            if current is not None:
                emit(log, current, finish(body))
            current, body = header, [header.text] if header.text else []
            skipped_at = 0
            continue
        kept = body_of(line)
        if kept is None and skipped_at and not line[:1].isdigit():
            kept = line  # a header's end under its skipped start: skipped with it
        if kept is None:  # never part of the message above
            if current is not None:
                emit(log, current, finish(body))
            current, body = None, []
            garbled, skipped_at = (number, line), 0
        elif current is None:
            log.unmatched.append((number, line))
            if skipped_at:
                log.skipped_under[skipped_at] = log.skipped_under.get(skipped_at, 0) + 1
        else:
            body.append(kept)
    if garbled is not None:
        log.unmatched.append(garbled)
    if current is not None:
        emit(log, current, finish(body))
    if log.dates and log.reactions:  # who reacted, listed under the newest chat's messages
        join_comma_names(log)
    return log


def _oldest(lines: list[str]) -> bool:
    """Whether the lines are in the oldest single-line layout, which names no recipient for a
    message to everyone (`19:20:00<TAB> From Ada : Hi`) and always marks a direct one
    (`From Ada to Bo (Privately) : Hi`), as a header among them says."""
    for line in lines:
        match = HEADER.match(line) if line[:1].isdigit() else None
        if match and match.group("dm") is None and not TO_NARROW.search(match.group("names")):
            return True
    return False


def _single_line_body(line: str) -> str | None:
    return None if STAMPED.match(line) or HEADER_TAIL.match(line) else line.rstrip()


def parse_single_line(lines: Iterable[str], source: str) -> ChatLog:
    """Headers on one line each, a message's further lines unindented; a line that looks
    like a header too garbled to read is part of no message."""
    stream = iter(lines)
    first = list(itertools.islice(stream, OLDEST_LINES))
    oldest = _oldest(first)
    return read_messages(
        ChatLog(source, ZOOM_SINGLE_LINE, clock=True),
        itertools.chain(first, stream),
        lambda number, line: from_header(number, line, oldest) if line[:1].isdigit() else None,
        _single_line_body,
    )


def _two_line_body(line: str) -> str | None:
    if line[0] == "\t":
        return line[1:].rstrip()
    if line[0] == " ":
        return line.rstrip()
    return None if STAMPED.match(line) or HEADER_TAIL.match(line) else line.rstrip()


def _untabbed(body: list[str]) -> list[str]:
    """A message's lines without the spaces that every one of them starts with: Zoom's tab,
    turned into spaces by an editor or a copy (a reply's `Replying to` and a reaction are
    read as they are under a tab)."""
    if not body or body[0][:1] != " " or any(line[:1] != " " for line in body):
        return body  # the first test alone settles a tabbed chat's messages (speed counts)
    indent = min(len(line) - len(line.lstrip(" ")) for line in body)
    return [line[indent:] for line in body]


def parse_two_line(lines: Iterable[str], source: str) -> ChatLog:
    """Headers, each followed by the message's lines. Zoom indents them with one tab, which
    is dropped (further indentation, as in pasted code, is kept), or the spaces an editor
    turned it into; a line it wrote without the tab continues the message as well, unless
    it looks like a garbled header."""
    return read_messages(
        ChatLog(source, ZOOM_TWO_LINE, clock=True),
        lines,
        lambda number, line: None if line[0] in " \t" else from_header(number, line),
        _two_line_body,
        _untabbed,
    )


def _time_after_body(line: str) -> str | None:
    if TIMED_HEAD.match(line) or TIMED_TAIL.match(line):
        return None  # half of a header wrapped over two lines, never a message's
    return line.strip()


def _time_after_rejoined(
    garbled: tuple[int, str], line: str, header_of: Callable[[int, str], Header | None]
) -> Header | None:
    # the second half may start with the space a message's line is indented by
    return _rejoined(garbled, line.lstrip(), header_of)


def _webex(lines: list[str]) -> bool:
    """Whether more headers start with "from" in lower case, as Webex writes them, than with
    Zoom's "From"."""
    found = [line.lstrip()[:1] for number, line in enumerate(lines) if time_after(number, line)]
    return found.count("f") > found.count("F")


def parse_time_after(lines: Iterable[str], source: str) -> ChatLog:
    """Headers with the time after the name, each followed by the message's lines (as
    written, or indented by a space or tab, which is dropped). A header wrapped over two
    lines is read whole, or skipped with the lines under it, as in the two-line layout.
    Webex's chat, saved or copied, has Zoom's shape with "from" in lower case."""
    stream = iter(lines)
    first = list(itertools.islice(stream, OLDEST_LINES))
    return read_messages(
        ChatLog(source, WEBEX_CHAT if _webex(first) else ZOOM_TIME_AFTER, clock=True),
        itertools.chain(first, stream),
        time_after,
        _time_after_body,
        rejoin=_time_after_rejoined,
    )
