"""What the lines of a Microsoft Teams meeting chat copied as text are: a message's header (its
author and time), the line Teams writes above it naming its author, or a line Teams adds that
is no one's words (a meeting card, a member joining, a menu's label, a reaction's count).

The times are times of day; the day before them (`Yesterday`, `Tuesday`, `8/30`, `25/09/2024`)
is read past, as it is relative to the day the chat was copied or ambiguous (day or month
first)."""

from __future__ import annotations

import re

from liftkit.core.chat.zoom import seconds_of

_DAY = r"(?:Yesterday|Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?,?"
# `9:32 AM`, `2:44 pm`, `3:39 p.m.`, `15:12`, `Yesterday 9:28 AM`, `Tuesday 15:12`, `7/30 5:10
# PM`, `11/24/2025 3:38 PM`, `25/09/2024 11:15`.
_TIME = (
    rf"(?:(?:{_DAY}|{_DATE})[ \t]+)?(?P<h>\d{{1,2}}):(?P<m>[0-5]\d)"
    r"(?:[ \t]*(?P<half>[AaPp]\.?[Mm]\.?))?"
)
TIME = re.compile(_TIME + r"$")
# Classic Teams: `[11:25 AM] Surname, First`, `[17:06] Name (Guest)`, `[8/30 12:41 PM] Name`;
# Markdown escapes the bracket (`\[11:25 AM]`), a page may indent it. No name: a system event.
CLASSIC = re.compile(r"[ \t]*\\?\[" + _TIME + r"\][ \t]*(?P<name>.*?)[ \t]*$")
# New Teams, the name and the time run together: `EarlYesterday 9:42 AM`, `Bansika Kumari15:06`.
GLUED = re.compile(r"(?P<name>\S.{0,99}?)(?<=[^\d\s/])" + _TIME + r"$")
NAME_LONGEST = 100
# What Teams adds after a name: the person is from outside the organisation.
MARKS = re.compile(r"(?:[ \t]*\((?:Guest|External|Unverified)\))+[ \t]*$", re.IGNORECASE)
ATTACHED = re.compile(r",? has an attachment\.?$")

# Lines Teams writes that are no one's words, the whole line as it is (letter case aside).
LABELS = frozenset(
    {
        "meeting started", "meeting ended", "meeting ended:", "recording has started",
        "recording meeting", "recording stopped.", "meeting", "context menu available",
        "has context menu", "has context menu.", "last read", "message list", "meeting chat",
        "plain text", "attendance", "download the attendance report", "edited", "edited.",
        "image", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "chat", "chats", "shared", "meet now", "unread", "channels",
        "meeting chats", "teams and channels", "new missed calls", "view recap",
        "this message has been deleted.", "this message has been deleted",  # its tombstone
    }
)  # fmt: skip
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
SYSTEM = re.compile(
    "|".join(
        (
            rf"(?:{_TIME}[ \t]+)?Meeting (?:started|ended)(?::.*| at .*)?",
            r".+ (?:has temporarily joined the chat|was invited to the meeting|left the chat"
            r"|no longer has access to the chat|joined the chat)\.",
            r".+ added .+ to the chat(?: and shared all chat history)?\.",
            r".+ changed the group name to .+",
            r".+ (?:started|stopped) recording\.|Recording has been saved to .+",
            r"Recorded by: .+|Event updated: .+|\d+ new notifications?",
            r"(?:\d+h ?)?(?:\d+m ?)?\d+s|\d+h \d+m",  # a recording's or meeting's length
            rf"(?:{_DAY}, )?{_MONTH} \d{{1,2}}(?:, \d{{4}})?",  # a day's separator
        )
    ),
    re.IGNORECASE,
)
SYSTEM_LONGEST = 400  # characters: a line Teams writes names a few people at most
ROSTER = re.compile(r"Profile picture of (?P<name>[^.]{1,100})\.$")  # the people, listed first

# A reaction's count under a message (`1 Like reaction.`, `2 Fire reactions.`), after its emoji
# on a line of its own, and before the count again; classic Teams: `like 1`.
REACTION = re.compile(r"(?P<n>\d{1,4}) (?P<kind>[\w -]{1,40}?) reactions?\.$")
CLASSIC_REACTION = re.compile(r"(?P<kind>like|heart|laugh|surprised|sad|angry) (?P<n>\d{1,4})$")
EMOJI = {"like": "👍", "heart": "❤️", "laugh": "😆", "surprised": "😮", "sad": "😢", "angry": "😠"}
COUNT = re.compile(r"\d{1,4}$")
DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+$")  # the last line of a link's preview: `github.com`
URL_PREVIEW = "Url Preview for "
BEGIN_REFERENCE = "Begin Reference, "  # the line above a reply, which quotes another message
END_REFERENCE = "End Reference"  # under the quote, where a copy writes it in the message
FULL_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},?[ \t]")  # `15/01/2025 2:34 pm`


def time_of(match: re.Match[str]) -> float | None:
    """The time of day a TIME, CLASSIC or GLUED match holds, in seconds; None when it is no
    time (`13:05 PM`, `25:00`)."""
    hour, half = int(match.group("h")), match.group("half")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half[0] in "Pp" else 0)
    return seconds_of(str(hour), match.group("m"), "0") if hour < 24 else None


def time_line(text: str) -> float | None:
    """The time of day of a line that is nothing but a time, or None."""
    match = TIME.match(text) if text[-1:].isdigit() or text[-1:] in "MmPp." else None
    return time_of(match) if match is not None else None


def author(name: str) -> str:
    """A name as Teams shows it, without its "(Guest)", "(External)" or "(Unverified)"."""
    return MARKS.sub("", name).strip()


def name_of(name: str) -> str:
    """How two ways Teams writes one name compare: marks, spacing and letter case aside."""
    return " ".join(author(name).split()).casefold()


def preview_by(text: str) -> str | None:
    """The author a preview line names (`Hello Sasha - are you free fo... by Dan Ray`,
    `Message by Earl`, `… by Mark Hanson, has an attachment.`), or None."""
    if " by " not in text:
        return None
    name = ATTACHED.sub("", text.rsplit(" by ", 1)[1]).strip()
    return name if 0 < len(name) <= NAME_LONGEST else None


def is_noise(text: str) -> bool:
    """Whether a whole line (stripped) is one Teams writes: a meeting card, a member joining
    or leaving, a label of its window, a day's separator."""
    if len(text) > SYSTEM_LONGEST:  # SYSTEM's `.+ added .+` took 21 s on a line of 200 KB
        return False
    return text.casefold() in LABELS or SYSTEM.fullmatch(text) is not None


def reaction_emoji(kind: str, above: str | None) -> str:
    """The emoji of a reaction named `kind` ("Like"), the line above when it is one."""
    if above is not None and len(above) <= 8 and not any(c.isalnum() for c in above):
        return above
    return EMOJI.get(kind.casefold(), kind)


def is_emoji(text: str) -> bool:
    return len(text) <= 8 and not any(c.isalnum() for c in text)
