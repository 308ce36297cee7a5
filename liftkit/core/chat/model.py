"""What a meeting chat log holds once read: messages, reactions, and lines that fit no layout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from liftkit.core.text import line_ranges

ZOOM_SINGLE_LINE = "zoom-single-line"
ZOOM_TWO_LINE = "zoom-two-line"
ZOOM_TIME_AFTER = "zoom-time-after"
WEBEX_CHAT = "webex-chat"
TEAMS_WEBVTT = "teams-webvtt"
ZOOM_WEBVTT = "zoom-webvtt"
WEBVTT_CAPTIONS = "webvtt-captions"
ZOOM_RECORDING = "zoom-recording-chat"
ZOOM_NAME_TAB = "zoom-name-tab"
MEET_SBV = "meet-sbv"
SBV_CAPTIONS = "sbv-captions"
ZOOM_TRANSCRIPT_TEXT = "zoom-transcript-text"
TEAMS_TRANSCRIPT_TEXT = "teams-transcript-text"
TEAMS_CHAT_CLASSIC = "teams-chat-classic"
TEAMS_CHAT_NEW = "teams-chat-new"
# What was said aloud (each message a speaker's turn), not typed in the chat.
TRANSCRIPT_LAYOUTS = frozenset(
    {
        TEAMS_WEBVTT,
        ZOOM_WEBVTT,
        WEBVTT_CAPTIONS,
        SBV_CAPTIONS,
        ZOOM_TRANSCRIPT_TEXT,
        TEAMS_TRANSCRIPT_TEXT,
    }
)

LAYOUT_NAMES = {
    ZOOM_SINGLE_LINE: "Zoom chat (single-line layout)",
    ZOOM_TWO_LINE: "Zoom chat (two-line layout)",
    ZOOM_TIME_AFTER: "Zoom chat (time after the name)",
    WEBEX_CHAT: "Webex chat (saved or copied)",
    TEAMS_WEBVTT: "Teams transcript (WebVTT)",
    ZOOM_WEBVTT: "Zoom transcript (WebVTT)",
    WEBVTT_CAPTIONS: "WebVTT captions (no speaker named)",
    ZOOM_RECORDING: "Zoom cloud-recording chat",
    ZOOM_NAME_TAB: "Zoom chat (name and tab layout)",
    MEET_SBV: "Google Meet chat (.sbv)",
    SBV_CAPTIONS: "SubViewer captions (.sbv, no speaker named)",
    ZOOM_TRANSCRIPT_TEXT: "Zoom transcript (saved as text)",
    TEAMS_TRANSCRIPT_TEXT: "Teams transcript (Word document saved as text)",
    TEAMS_CHAT_CLASSIC: "Teams chat (copied, [time] Name)",
    TEAMS_CHAT_NEW: "Teams chat (copied from new Teams)",
}


@dataclass(slots=True)  # not frozen: made 100,000 times for a big log, 5x faster so
class ChatMessage:
    """One message. `at` is seconds: a time of day for Zoom and Teams chats, an offset for
    transcripts."""

    line: int
    at: float
    author: str
    text: str
    to: str = "Everyone"
    private: bool = False
    reply_to: str | None = None
    waiting_room: bool = False  # the host's message to the waiting room (private too)
    date: str = ""  # YYYY-MM-DD, in a chat that dates its messages (Zoom's newest saved chat)
    # A classic Teams reply may start with the quoted person's name over their words: the
    # name, when it is no one's who heads a message in the copy (teams_chat.take_quotes).
    quoted: str | None = None


@dataclass(slots=True)
class ChatReaction:
    """An emoji reaction to a message (or its removal); counted, never quoted."""

    line: int
    at: float
    author: str
    emoji: str
    target: str
    removed: bool = False
    private: bool = False


@dataclass
class ChatLog:
    """A meeting chat log as read: its `messages` and `reactions` in order, and the
    `unmatched` lines that fit no layout; `layout_name` says which layout it was."""

    source: str
    layout: str
    clock: bool  # True: `at` is a time of day (Zoom); False: an offset from the recording start
    messages: list[ChatMessage] = field(default_factory=list)
    reactions: list[ChatReaction] = field(default_factory=list)
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (line number, the line)
    notes: list[str] = field(default_factory=list)  # how its text was read, when not cleanly
    lines: int = 0  # lines that are not blank, the header of a transcript aside
    dates: list[str] = field(default_factory=list)  # the days its messages are dated, in order
    # A line that starts like a header but reads as none, by its number: how many lines under
    # it were skipped with it (none of them is known to be the message above's).
    skipped_under: dict[int, int] = field(default_factory=dict)

    @property
    def layout_name(self) -> str:
        return LAYOUT_NAMES[self.layout]

    def warnings(
        self, detailed: int = 10, clock_back: Callable[[float, float], bool] | None = None
    ) -> list[str]:
        """How the text was read when it was not clean UTF-8 or UTF-16, then the lines that
        match no layout: the first few with their text, the rest as line ranges; then where
        the time goes back, unless `clock_back(before, after)` says the clocks went back
        there (summer time ending in the session's zone)."""
        out = list(self.notes)
        rest: list[int] = []
        index = 0
        while index < len(self.unmatched):
            number, text = self.unmatched[index]
            index += 1
            if len(out) - len(self.notes) >= detailed:
                rest.append(number)
                continue
            shown = _printable(text.strip())
            if len(shown) > 60:
                shown = shown[:57] + "..."
            under = self.skipped_under.get(number, 0)
            index += under  # no one's message: not shown
            with_it = {0: "", 1: ", with the line under it"}.get(
                under, f", with the {under} lines under it"
            )
            out.append(
                f"{self.source}:{number}: does not fit the {self.layout_name}; "
                f'skipped{with_it}: "{shown}"'
            )
        if rest:
            out.append(
                f"{self.source}: {len(rest)} more lines do not fit the {self.layout_name} and "
                f"were skipped: lines {line_ranges(rest)}"
            )
        out.extend(self._times_back(clock_back or _never))
        return out

    def _times_back(self, clock_back: Callable[[float, float], bool]) -> list[str]:
        """Where the clock goes back by more than a few minutes: a second meeting saved in
        the same file (Zoom appends each meeting's chat to one file of a recurring meeting's
        folder). Past midnight (back by half a day or more) the time goes on."""
        if not self.clock:
            return []
        backs = [
            (before, after)
            for before, after in zip(self.messages, self.messages[1:], strict=False)
            if GOES_BACK < before.at - after.at < HALF_A_DAY
            and before.date == after.date
            and not clock_back(before.at, after.at)
        ]  # (messages of two days are told apart by their dates: see report.chat_totals)
        if not backs:
            return []
        before, after = backs[0]
        more = len(backs) - 1
        also = f" (and {more} more time{'s' if more != 1 else ''} further on)" if more else ""
        return [
            f"{self.source}:{after.line}: the time goes back from {_clock(before.at)} (line "
            f"{before.line}) to {_clock(after.at)}{also}: it looks like a second meeting in "
            "the same file; each message is placed by its own time, so keep only this "
            "meeting's part of the file"
        ]


GOES_BACK = 5 * 60  # seconds back from one message to the next: not a clock's jitter
HALF_A_DAY = 12 * 3600


def _never(before: float, after: float) -> bool:
    return False


def _clock(at: float) -> str:
    seconds = int(at) % 86400
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _printable(text: str) -> str:
    """A line from a file as a warning may show it: a control character (an escape sequence
    that would reach the terminal) is written as its code, never sent raw."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
