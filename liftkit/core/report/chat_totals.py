"""The chat logs' messages placed as quotes, and what is counted of them: messages, people,
reactions, and what was left out (direct messages, repeats of an earlier log)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from liftkit.core.chat import ChatLog, ChatMessage, ChatReaction
from liftkit.core.chat.zoom import PANELISTS
from liftkit.core.people.bots import is_bot
from liftkit.core.people.model import HOST_SUFFIX
from liftkit.core.report.chat_time import StampOf, chat_clock, shown_at
from liftkit.core.report.model import ChatSummary, Quote, says_nothing, tags_in
from liftkit.core.report.pack import SAVED_BY_ME, host_key, person_key
from liftkit.core.report.repeats import WINDOW, Repeats, hours_text
from liftkit.core.report.sources import FAR_OUTSIDE, Timeline, another_meeting
from liftkit.core.text import clean_text, one_line, plural

if TYPE_CHECKING:
    from liftkit.core.report.build import _Quotes

RELEASE_BATCH = 65536  # messages let go at a time (see build_report's consume_chats)


def chat_hosts(chats: Sequence[ChatLog]) -> list[str]:
    """The names Zoom marks as a host in the chat ("Sam Host (Host)", "(Co-host)"), without
    the mark: the same person's messages under the plain name are the host's too."""
    authors = {m.author for log in chats for m in log.messages}
    return [one_line(HOST_SUFFIX.sub("", a)) for a in sorted(authors) if HOST_SUFFIX.search(a)]


# The same words from one person again within this many seconds, at least DOUBLED_LONGEST
# characters long, were sent twice (a double Enter, a message resent as the call lagged);
# a short "+1" twice in a minute was meant.
DOUBLED_WITHIN = 10.0
DOUBLED_LONGEST = 12


class ChatTotals:
    """The chat logs' messages placed as quotes, and what is counted: people, reactions."""

    def __init__(self) -> None:
        self.summaries: list[ChatSummary] = []
        self.participants: set[str] = set()  # who posted, the hosts aside
        self.hosts: set[str] = set()  # the hosts who posted
        self.reactions: Counter[str] = Counter()
        self.warnings: list[str] = []
        self._names: dict[str, str | None] = {}
        self._spelling: dict[str, str] = {}  # by person_key: the name shown
        # What earlier chat logs held, to drop what a later one repeats (the same log given
        # twice, or the host's and a co-host's saved chats, their clocks apart).
        self._repeats = Repeats()
        self._bots: dict[str, bool] = {}  # by author as written: a note-taking bot's?

    def name(self, raw: str) -> str | None:
        """The name shown for a chat author: one spelling per person (the first seen), as
        names that differ only in letter case ("Ann Lee", "ann lee") or by Zoom's "(Host)"
        are one person."""
        if raw not in self._names:
            key = person_key(raw)
            shown = self._spelling.setdefault(key, one_line(HOST_SUFFIX.sub("", raw)))
            self._names[raw] = shown or None
        return self._names[raw]

    def add(
        self,
        log: ChatLog,
        quotes: _Quotes,
        timeline: Timeline,
        base: datetime | None,
        include_private: bool,
        several: bool = False,
        consume: bool = False,
    ) -> None:
        total = len(log.messages)
        stamp_of = chat_clock(log, timeline, base)
        if several and (shift := self._clock_apart(log, stamp_of)):
            clock = stamp_of
            stamp_of = lambda at, line=0: clock(at, line) - shift  # noqa: E731
        sent_at = shown_at(timeline)
        low, high = _far_bounds(timeline)
        left_out = waiting = panel = within = far = duplicates = by_hosts = other_day = 0
        last_stamp, sent = None, None  # many messages share a second: and then their time
        days = _other_days(log, timeline)
        bots: Counter[str] = Counter()
        posted: dict[str, tuple[str, float]] = {}  # each author's last message and when
        doubled = 0
        for message in _taken(log.messages) if consume else log.messages:
            if days and message.date in days:  # last week's meeting in this week's file
                other_day += 1
                continue
            stamp = stamp_of(message.at, message.line)
            where = timeline.place_stamp(stamp)
            text = clean_text(message.text)
            if several and self._repeats.repeated(*self._said_by(message, text, stamp)):
                duplicates += 1
                continue
            if message.private and not include_private:
                if message.waiting_room:
                    waiting += 1
                elif message.to.lower() == PANELISTS:
                    panel += 1
                else:
                    left_out += 1
                continue
            if self._bot(message.author):  # "Hi, I'm an AI assistant helping … take notes"
                bots[message.author] += 1
                continue
            earlier = posted.get(message.author)
            posted[message.author] = (text, stamp)
            if (
                earlier is not None and earlier[0] == text and len(text) >= DOUBLED_LONGEST
                and 0 <= stamp - earlier[1] <= DOUBLED_WITHIN
            ):  # fmt: skip
                doubled += 1  # sent twice by a double Enter: quoted side by side before
                continue
            # Counted as the pack counts its messages: direct messages and repeats aside.
            if isinstance(where, int):
                within += 1
            elif not low <= stamp <= high:
                far += 1
            author = self.name(message.author)
            host = quotes.is_host(author)
            by_hosts += host
            if author:  # counted among those who posted: not reactions or DMs
                # a host is one however their name is shown ("Leah Wasser", "Leah Wasser
                # (she/her) Earth Lab"); other people by their names as shown
                self.hosts.add(host_key(author)) if host else self.participants.add(author)
            if not text or says_nothing(text):  # counted, but no quote
                continue
            private_to = one_line(message.to) if message.private else None
            if stamp != last_stamp or sent is None:
                last_stamp, sent = stamp, sent_at(stamp)
            quote = Quote(
                text, author, tags_in(text), "chat",
                sent, False, private_to, message.waiting_room,
            )  # fmt: skip
            quotes.add_chat(where, quote)
        counted = repeated_reactions = 0
        for reaction in log.reactions:
            if several and self._repeats.repeated(
                _reacted(reaction), stamp_of(reaction.at, reaction.line)
            ):
                repeated_reactions += 1
                continue
            if reaction.private and not include_private:
                continue
            counted += 1
            self.reactions[reaction.emoji] += -1 if reaction.removed else 1
        self._repeats.log_read()
        messages = (
            total - left_out - waiting - panel - duplicates - other_day - bots.total() - doubled
        )
        if doubled:
            self.warnings.append(
                f"{log.source}: {plural(doubled, 'message')} sent twice in a row by the same "
                f"person within {DOUBLED_WITHIN:.0f} seconds, quoted and counted once"
            )
        if bots:
            self.warnings.append(
                f"{log.source}: left out {plural(bots.total(), 'message')} from "
                f"{'note-taking bots' if len(bots) > 1 else 'a note-taking bot'} "
                f"({', '.join(sorted(bots))}): no participant's words"
            )
        if other_day:
            self.warnings.append(
                f"{log.source}: left out {plural(other_day, 'message')} dated "
                f"{', '.join(sorted(days))}, not the session's day: another meeting's, saved "
                "in the same file"
            )
        if (warning := another_meeting(log, messages, timeline, within, far)) is not None:
            self.warnings.append(warning)
        self.summaries.append(
            ChatSummary(
                log.source, log.layout, messages, left_out, counted, len(log.unmatched),
                duplicates, waiting, panel, by_hosts,
            )
        )  # fmt: skip
        dropped = [
            f"{count} {word}{'s' if count != 1 else ''}"
            for count, word in ((duplicates, "message"), (repeated_reactions, "reaction"))
            if count
        ]
        if dropped:
            self.warnings.append(
                f"{log.source}: dropped {' and '.join(dropped)} already read from an earlier "
                f"chat log (same author and text within {WINDOW:.0f} seconds)"
            )

    def _bot(self, author: str) -> bool:
        known = self._bots.get(author)
        if known is None:
            known = self._bots[author] = bool(author) and is_bot(author)
        return known

    def _said(self, message: ChatMessage, text: str) -> tuple[Any, ...]:
        return (self.name(message.author), message.to, text)

    def _said_by(
        self, message: ChatMessage, text: str, stamp: float
    ) -> tuple[tuple[Any, ...], float, tuple[str, str], bool]:
        """What Repeats.repeated is given of a message: "Me" (the log's saver, a host) is
        the same person as a name in another host's log."""
        mine = person_key(message.author) in SAVED_BY_ME
        return self._said(message, text), stamp, (message.to, text), mine

    def _clock_apart(self, log: ChatLog, stamp_of: StampOf) -> float:
        """How many seconds this log's clock is ahead of an earlier log's (whole or half
        hours: a computer in another time zone), when most of its messages say so; with a
        warning."""
        said = ((self._said(m, clean_text(m.text)), stamp_of(m.at, m.line)) for m in log.messages)
        shift, matched = self._repeats.offset(said)
        if shift:
            way = "later" if shift > 0 else "earlier"
            self.warnings.append(
                f"{log.source}: {matched} of its {len(log.messages)} messages are an earlier "
                f"chat log's, {hours_text(shift)} {way} (its computer's clock in another time "
                f"zone?); read {hours_text(shift)} {'earlier' if shift > 0 else 'later'}, "
                "each message counted once"
            )
        return shift


def _reacted(reaction: ChatReaction) -> tuple[Any, ...]:
    return (reaction.author, reaction.emoji, reaction.target, reaction.removed)


def _taken(messages: list[ChatMessage]) -> Iterator[ChatMessage]:
    """The messages in order, each taken out of the list as it is given (a batch at a time
    from the list, then one by one: its quote reuses its memory)."""
    while messages:
        batch = messages[:RELEASE_BATCH]
        del messages[:RELEASE_BATCH]
        batch.reverse()
        while batch:
            yield batch.pop()


def _other_days(log: ChatLog, timeline: Timeline) -> set[str]:
    """The days a dated log's messages were sent other than the session's, when some are
    the session's (Zoom's folder of a recurring meeting keeps one saved chat, each
    meeting's messages appended with their date); none when the whole log is another
    day's (sources.another_meeting warns of that)."""
    if len(log.dates) < 2 or timeline.session_start is None:
        return set()
    start, end = timeline.session_start, timeline.end or timeline.session_start
    session = {f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}"}
    dates = set(log.dates)
    return dates - session if dates & session else set()


def _far_bounds(timeline: Timeline) -> tuple[float, float]:
    """Messages sent outside these timestamps are far from the session: likely another
    meeting's."""
    if timeline.session_start is None:
        return float("-inf"), float("inf")
    end = timeline.end or timeline.session_start
    return (
        timeline.session_start.timestamp() - FAR_OUTSIDE,
        end.timestamp() + FAR_OUTSIDE,
    )
