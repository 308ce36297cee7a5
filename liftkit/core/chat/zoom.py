"""Zoom's saved chat, in its three layouts, and the chat copied from the meeting's window.

Single-line (older): `14:05:10<TAB> From  Ada Lovelace  to  Everyone : Hello`, with the lines of a
multi-line message following unindented. Two-line (newer): `14:05:10 From Ada Lovelace to
Everyone:` then the message on tab-indented lines, where replies start `Replying to "…"` and
reactions read `Reacted to "…" with 👍` or `Removed a 👍 reaction from "…"` (reactions.py); the
newest (meeting_saved_new_chat.txt) puts the date first, `2026-03-16 14:05:10 From …`, and who
reacted under the message. Time after the name (older desktop clients): `From Ada Lovelace to
Everyone:  02:05 PM` or `… Everyone: (02:05 PM)`, on a 12-hour clock, the message on the lines
below (or after the time); the chat copied from the meeting's chat panel has the same shape,
`Ada Lovelace to Everyone (14:05)`, `Ada Lovelace  to  Everyone 14:05` or `From Ada Lovelace
to Everyone 02:05 PM`, and is read as that layout. Direct messages say `(Direct Message)` or
`(Privately)` after the recipient; the host's messages to the waiting room are sent `to
Everyone in Waiting Room` or `to Waiting Room Participants`. Times are times of day (a date
is read past). Chats saved in other languages are rewritten as these first (localized.py).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from liftkit.core.chat.model import (
    ChatLog,
    ChatMessage,
)
from liftkit.core.chat.reactions import reacted_by, reactions_in, reply_in

# A direct-message mark after the recipient, and a time of day (seconds and AM/PM optional),
# as the headers below write them.
_CLOCK = r"(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?[ \t]*(?P<half>[AaPp][Mm])?"
DM_MARK = r"\((?:Direct Message|Privately|privately|direct message)\)"
_DM = r"(?P<dm>" + DM_MARK + r")?"
BARE_CLOCK = r"\d{1,2}:[0-5]\d(?::[0-5]\d)?[ \t]*(?:[AaPp][Mm])?"  # _CLOCK, no groups
# The newest saved chat (meeting_saved_new_chat.txt, 2025 on) puts the date before the time:
# `2026-03-16 17:19:33 From Ada to Grace (direct message):`. The date is read past: times are
# times of day, as in every other layout. It is cut off before the patterns below are tried.
DATE = re.compile(r"\d{4}-\d\d-\d\d[ \t]+")
# One pattern for the whole header line: the time, then "From", the sender, "to" and the
# recipient (absent in the oldest files), a direct-message mark, a colon, and in the
# single-line layout the message itself. Sender and recipient are split apart afterwards,
# from the right, since a display name may hold " to " itself.
_START = r"(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?P<sep>[ \t]+)From[ \t]{1,2}"
HEADER = re.compile(_START + r"(?P<names>.+?)[ \t]?" + _DM + r"[ \t]*:(?:[ \t]+(?P<text>.*))?$")
# The same, for the rare name that HEADER cuts after a colon: a colon beside another (`From  Ken
# :: Tutor : Hi`) is part of the name. Apart, so that the usual header skips the look-arounds.
HEADER_COLONS = re.compile(
    _START + r"(?P<names>.+?)[ \t]?" + _DM + r"[ \t]*(?<!:):(?!:)(?:[ \t]+(?P<text>.*))?$"
)
# A single-line header with no space after "Everyone:" (`From  Ada  to  Everyone:Hello`), as
# real saved chats hold now and then. HEADER alone would read such a line as no header, or,
# when the message holds ": " itself, take the message's start for the recipient. Only the
# recipient Everyone: a colon inside a display name (`Team:Blue`) must not end the header.
GLUED = re.compile(
    r"(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)[ \t]+From[ \t]{1,2}"
    r"(?P<names>.+?[ \t](?:to|To|TO)[ \t]{1,2}Everyone):(?P<text>[^ \t].*)$"
)
# "to" between sender and recipient: the single-line layout puts two spaces around it (so a
# name's own " to " has one), the two-line layout one.
TO_WIDE = re.compile(r"[ \t]{2}(?:to|To|TO)[ \t]{2}")
TO_NARROW = re.compile(r"[ \t]{1,2}(?:to|To|TO)[ \t]{1,2}")
# The usual two-line header, matched six times faster than by HEADER.
TO_EVERYONE = re.compile(r"(\d{1,2}:[0-5]\d:[0-5]\d) From (.+) to Everyone:$")
STAMPED = re.compile(f"(?:{DATE.pattern})?" + r"\d{1,2}:\d{2}:\d{2}\s")  # every header's start
# The older header with the time after the name: "From Ada to Everyone:  02:05 PM", or with
# the time in brackets, and sometimes the message after it on the same line. Webex writes the
# same header with "from" and often "everyone" in lower case (`from Ada to everyone:    6:12
# PM`, the time sometimes two spaces from its AM).
TIME_AFTER = re.compile(
    r"[ \t]*(?:From|from)[ \t]+(?P<names>.+?)[ \t]?" + _DM + r"[ \t]*:[ \t]+\(?" + _CLOCK
    + r"\)?(?:[ \t]*(?P<text>\S.*))?$"
)  # fmt: skip
# The saver's own direct message names no sender: "to Grace Hopper (privately):    6:12 PM".
# Only with the mark: "to all:  5 PM" may well be a line of a message.
OWN_DIRECT = re.compile(
    r"[ \t]*(?:to|To)[ \t]+(?P<names>\S.*?)[ \t]?(?P<dm>" + DM_MARK + r")[ \t]*:[ \t]+\(?"
    + _CLOCK + r"\)?(?:[ \t]*(?P<text>\S.*))?$"
)  # fmt: skip
# The same chat copied from the meeting's chat panel (Zoom 5 and later), the message on the
# lines below: "Ada Lovelace to Everyone (14:05)" or "(02:05 PM)", and from older clients
# "From Ada Lovelace to Everyone 02:05 PM", without the colon. Each is a whole line, with a
# recipient; a line a message could hold ("From 9 to 5, then 10:30") is taken only with a
# 12-hour clock, a direct-message mark or a recipient of Everyone or Me.
COPIED = re.compile(
    r"[ \t]*(?P<names>[^ \t(].*?[ \t]to[ \t].+?)[ \t]*" + _DM + r"[ \t]*\(" + _CLOCK
    + r"\)[ \t]*$"
)  # fmt: skip
COPIED_FROM = re.compile(
    r"[ \t]*From[ \t]+(?P<names>.+?[ \t]to[ \t].+?)[ \t]*" + _DM + r"[ \t]+" + _CLOCK
    + r"[ \t]*$"
)  # fmt: skip
# The same, as call notes write it in a list (`* From Ada to Everyone 02:01 PM: gm`): the
# message after the time and a colon.
COPIED_FROM_SAID = re.compile(
    r"[ \t]*From[ \t]+(?P<names>.+?[ \t]to[ \t].+?)[ \t]*" + _DM + r"[ \t]+" + _CLOCK
    + r":[ \t]+(?P<text>\S.*)$"
)  # fmt: skip
# The chat copied from the panel of newer clients: "Ada Lovelace  to  Everyone 14:05" or "… 1:56
# PM", sometimes "(Edited)" after the time, each message below its header and a blank line
# before the next. Two spaces around "to" set it apart from a line of a message, so any
# recipient is taken (a direct message names the person).
COPIED_BARE = re.compile(
    r"[ \t]*(?P<names>[^ \t(].*?[ \t]{2}(?:to|To)[ \t]{2}.+?)[ \t]*" + _DM + r"[ \t]+" + _CLOCK
    + r"(?:[ \t]+\(Edited\))?[ \t]*$"
)  # fmt: skip
SAMPLE_HEADERS = 500  # enough headers to tell the layouts apart
OLDEST_LINES = 5000  # the lines that tell the oldest single-line layout (see _oldest)


def count_headers(lines: Iterable[str]) -> tuple[int, int]:
    """How many of the first headers look single-line and two-line (to choose the layout)."""
    single = two = 0
    for line in lines:
        if not line[:1].isdigit():
            continue
        header = HEADER.match(_undated(line)[0])
        if header is None:
            single += GLUED.match(line) is not None
            continue
        if "\t" in header.group("sep") or header.group("text"):
            single += 1
        else:
            two += 1
        if single + two >= SAMPLE_HEADERS:
            break
    return single, two


def count_time_after(lines: Iterable[str]) -> int:
    """How many of the first lines are headers with the time after the name."""
    found = 0
    for line in lines:
        if time_after(0, line) is not None:
            found += 1
            if found >= SAMPLE_HEADERS:
                break
    return found


class Header:
    __slots__ = ("at", "date", "dm", "line", "text", "to", "who")

    def __init__(
        self, line: int, at: float, who: str, to: str, dm: bool, text: str, date: str = ""
    ) -> None:
        self.line, self.at, self.who, self.to, self.dm, self.text = line, at, who, to, dm, text
        # The newest saved chat's date (2026-03-16): there, who reacted is listed under the
        # message, and a chat of another day's meeting can be told apart.
        self.date = date


# One float object for each second of the day, shared by the messages sent in it: a big log
# holds millions of messages, and each float of its own would cost 24 bytes.
_SECONDS: dict[int, float] = {}


def seconds_of(h: str, m: str, s: str) -> float:
    """HH, MM and SS as seconds, one shared float for each time."""
    key = int(h) * 3600 + int(m) * 60 + int(s)
    at = _SECONDS.get(key)
    return at if at is not None else _SECONDS.setdefault(key, float(key))


# What each clock time written in a usual header ("14:05:10") is in seconds, None for an
# hour past 23: a big log writes the same few thousand times in 100,000s of headers.
_CLOCKS: dict[str, float | None] = {}


def _clock_seconds(clock: str) -> float | None:
    if clock not in _CLOCKS:
        h, m, s = clock.split(":")
        _CLOCKS[clock] = seconds_of(h, m, s) if int(h) < 24 else None
    return _CLOCKS[clock]


def _undated(line: str) -> tuple[str, str]:
    """The line without the date the newest saved chat starts a header with, and that date
    ("" when it has none)."""
    if (date := DATE.match(line)) is not None:
        return line[date.end() :], sys.intern(line[:10])
    return line, ""


def from_header(number: int, line: str, oldest: bool = False) -> Header | None:
    """A header of the single-line or two-line layout (`14:05:10 From  Ada  to  Everyone : Hi`),
    or None. `oldest`: the file is in the oldest layout (see _oldest)."""
    date = ""
    if line[4:5] == "-":  # no call for the usual header
        line, date = _undated(line)
    usual = TO_EVERYONE.match(line)
    if usual is not None:
        clock, who = usual.groups()
        at = _clock_seconds(clock)
        if at is not None:
            return Header(number, at, sys.intern(who.strip()), "Everyone", False, "", date)
    match = HEADER.match(line)
    if match is not None:
        h, m, s, _, names, dm, text = match.groups()
    if match is None or ":" in names:  # the rare cases
        if match is not None and names.endswith(":"):
            match = HEADER_COLONS.match(line) or match
        if "Everyone:" in line:
            match = GLUED.match(line) or match
        if match is None:
            return None
        h, m, s, names, text = match.group("h", "m", "s", "names", "text")
        dm = None if match.re is GLUED else match.group("dm")
    if int(h) > 23:
        return None
    who, to = _sender_and_recipient(names, oldest and dm is None)
    return Header(
        number,
        seconds_of(h, m, s),
        sys.intern(who),
        sys.intern(to),
        dm is not None,
        text.rstrip() if text else "",
        date,
    )


def time_after(number: int, line: str) -> Header | None:
    """A header with the time after the name, saved or copied, or None (a message's line)."""
    text = None
    if "From" in line[:8] or "from" in line[:8]:
        match = TIME_AFTER.match(line)
    elif line.lstrip()[:3] in ("to ", "To "):
        match = OWN_DIRECT.match(line)
    else:
        match = None
    if match is not None:
        names, dm, h, m, sec, half, text = match.groups()
    elif (match := _copied(line)) is not None:
        names, dm, h, m, sec, half = match.groups()[:6]
        text = match.groupdict().get("text")
    else:
        return None
    if match.re is OWN_DIRECT:
        who, to = "Me", names.strip()  # the saver's own, as the copied "From Me" names them
    elif dm and split_names(names, TO_WIDE, TO_NARROW) is None:
        who, to = names.strip(), "Me"  # "From Ada (privately):": to the saver
    else:
        who, to = _sender_and_recipient(names)
    to = to.removesuffix(":").rstrip()  # "From Ada to Me:  (Privately) 11:45 AM"
    copied = match.re in (COPIED, COPIED_FROM, COPIED_FROM_SAID)
    if copied and not (half or dm or to.lower() in ("everyone", "me")):
        return None  # a copied header's shape, in a message ("From 9 to 5, then 10:30")
    hour = int(h)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    if hour > 23:
        return None
    at = seconds_of(str(hour), m, sec or "0")
    return Header(
        number, at, sys.intern(who), sys.intern(to), dm is not None, (text or "").rstrip()
    )


HEADER_CHARS = 300  # longer lines are a message's: a name and a time fit in far fewer


def _copied(line: str) -> re.Match[str] | None:
    if len(line) > HEADER_CHARS:  # the patterns' backtracking grows with " to "s a line
        return None
    found = COPIED.match(line) if line.rstrip().endswith(")") else None
    if found is None and "From" in line[:8]:
        found = COPIED_FROM.match(line) or COPIED_FROM_SAID.match(line)
    if found is None and ("  to  " in line or "  To  " in line):
        found = COPIED_BARE.match(line)
    return found


def split_names(
    names: str, wide: re.Pattern[str], narrow: re.Pattern[str]
) -> tuple[str, str] | None:
    """ "Mary to Jane  to  Everyone" -> ("Mary to Jane", "Everyone"): split at the last "to"
    (`narrow`) with two spaces around it (`wide`) when there is one, else at the last "to";
    None when there is none. localized.py passes its languages' words for "to"."""
    found = list(wide.finditer(names)) or list(narrow.finditer(names))
    if not found:
        return None
    last = found[-1]
    return names[: last.start()].strip(), names[last.end() :].strip()


def _sender_and_recipient(names: str, oldest: bool = False) -> tuple[str, str]:
    """Sender and recipient; the oldest files name no recipient: Everyone. There (`oldest`,
    a header with no direct-message mark), a name is split at a single-spaced "to" only
    before everyone: `From Back to Basics Coaching : Hi` is Back to Basics Coaching's."""
    split = split_names(names, TO_WIDE, TO_NARROW)
    if split is None or (oldest and not _to_all(split[1]) and not TO_WIDE.search(names)):
        return names.strip(), "Everyone"
    return split


def _to_all(to: str) -> bool:
    to = to.lower()
    return to.startswith("everyone") or to in (WEBINAR_EVERYONE, PANELISTS) or is_waiting_room(to)


def is_waiting_room(to: str) -> bool:
    """The host's messages to people not yet let in ("Everyone in Waiting Room", "Waiting
    Room Participants"): not part of the meeting's chat."""
    return "waiting room" in to.lower()


# In a webinar, "All panelists and attendees" is everyone; "All panelists" is not (the
# attendees do not see it), so it stays out with the direct messages.
WEBINAR_EVERYONE = "all panelists and attendees"
PANELISTS = "all panelists"  # counted apart in the pack


def is_private(header: Header) -> bool:
    # Anything not sent to everyone is private, marked or not: leaving it out is the safe side.
    if header.to == "Everyone":  # the usual header's (most messages): public unless marked
        return header.dm
    to = header.to.lower()
    public = to.startswith("everyone") or to == WEBINAR_EVERYONE
    return header.dm or not public or is_waiting_room(header.to)


def emit(log: ChatLog, header: Header, body: list[str]) -> None:
    private = is_private(header)
    said = (header.line, header.at, header.who, private)
    if header.date:
        if header.date not in log.dates[-1:]:
            log.dates.append(header.date)
        if len(body) > 1:
            log.reactions.extend(reacted_by(said, body))
    reply_to = None
    if body and body[0][:1] == "R":  # Reacted, Removed, Replying: the rare cases
        reactions = reactions_in(said, body)
        if reactions:
            log.reactions.extend(reactions)
            return
        reply_to, body = reply_in(body)
    text = "\n".join(body).strip() if len(body) != 1 else body[0].strip()
    if text:
        log.messages.append(
            ChatMessage(
                header.line, header.at, header.who, text, header.to, private, reply_to,
                private and is_waiting_room(header.to), header.date,
            )
        )  # fmt: skip
