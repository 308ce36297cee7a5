"""The event pack as data: the report model, and the small rules it is built by (cleaning
participants' text, whole percentages that add up to 100, #tags, practical steps)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from liftkit.core.live.capture import name_label
from liftkit.core.report.function_words import LEADS_ON
from liftkit.core.report.shares import largest_remainder
from liftkit.core.text import TAG, same_words

BEFORE = "before"
AFTER = "after"
FEEDBACK_TAG = "feedback"  # gathers a reflection under Feedback, not a theme of its own
STEP_TAGS = frozenset({"step", "steps", "action", "actions", "practical", "nextstep", "next-step"})
STEP_OPENINGS = ("practical step", "next step", "step:")
# "One practical step I will take…", "The next step I will take is…" (the What, So What, Now
# What? template's own closing prompt), "My next step…": the word before is left out.
STEP_DETERMINER = re.compile(r"(?:one|the|my|our|a)\s+")
# A link's #fragment (".../June2018/#sec-Errors") is no tag: links are taken out first.
LINK = re.compile(r"(?:[a-zA-Z][\w+.-]*://|www\.)\S+")
NOT_GIVEN = "(not given)"


# --------------------------------------------------------------------------- the model


@dataclass(slots=True)  # not frozen: a session can hold 100,000 of them, made 5x faster
class Quote:
    """A reflection: captured in the session (`live`, `plain`, `note`) or from the `chat`."""

    text: str
    author: str | None
    tags: tuple[str, ...] = ()
    source: str = "chat"
    at: datetime | None = None
    step: bool = False  # a practical step (closing segments only)
    private_to: str | None = None  # a direct message, shown only with --include-private
    waiting_room: bool = False  # the host's message to the waiting room (private_to is set)


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class Breakdown:
    """Counts with whole percentages: equal counts, equal percentages (largest_remainder)."""

    title: str
    rows: tuple[Share, ...]

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)


@dataclass(frozen=True)
class PollResult:
    segment: int
    index: int
    question: str
    kind: str  # choice, score, recommend
    breakdown: Breakdown
    average: float | None = None  # score polls
    scale: float | None = None  # the highest score option
    lowest: float | None = None  # the lowest score option
    recommend_percent: int | None = None  # recommend polls: share of the first option


@dataclass(frozen=True)
class SegmentRun:
    index: int  # 0-based, as in the journal
    title: str
    kind: str
    prompt: str
    questions: tuple[str, ...]
    planned: int  # seconds
    planned_start: datetime | None
    actual_start: datetime | None
    actual: int | None  # session seconds the segment was current, pauses included; None: never ran
    quotes: tuple[Quote, ...] = ()
    polls: tuple[PollResult, ...] = ()
    paused: int = 0  # the part of `actual` the clock was paused
    evaluation: bool = False  # holds feedback polls: its quotes go under Feedback (not closing)
    summary: str = ""  # what happens in it, for "Host this conversation yourself"
    round_questions: tuple[tuple[str, ...], ...] = ()  # a café's own questions, round by round

    @property
    def by_round(self) -> tuple[str, ...]:
        """Each round's own questions on a line: "Round 2: What did you hear?; Who?"."""
        rounds = enumerate(self.round_questions, start=1)
        return tuple(f"Round {n}: {'; '.join(asked)}" for n, asked in rounds if asked)

    @property
    def over(self) -> int:
        """Running time beyond the plan: a pause is not an overrun."""
        return 0 if self.actual is None else self.actual - self.paused - self.planned


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[str, ...]
    facilitators: tuple[str, ...] = ()  # those of `members` who facilitate the room
    cut: tuple[str, ...] = ()  # those of `members` named by an address or number, as shown


@dataclass(frozen=True)
class GroupRound:
    round: int
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class GroupSet:
    segment: int | None  # 0-based; None: groups not tied to a segment
    rounds: tuple[GroupRound, ...]
    not_met: int = 0  # the rounds after these that were planned but did not meet
    # Why they did not: 0, the segment was moved on from; else the round (from 1) the session
    # stopped in and was not resumed, or is in while it still runs
    stopped_in: int = 0
    running: bool = False


@dataclass(frozen=True)
class Attendance:
    count: int | None
    source: str  # the attendee file's name, "chat", or "" when nothing tells
    breakdowns: tuple[Breakdown, ...] = ()  # one per --by column, in the order given
    roles: tuple[str, ...] = ()  # examples from the roles column the host named
    organisations: tuple[str, ...] = ()  # examples from the organisations column
    hosts: int = 0  # the attendee file's rows of hosts (or hosts who posted): not in `count`
    session_copy: bool = False  # the session folder's copy, not a file given to export

    @property
    def breakdown(self) -> Breakdown | None:
        return self.breakdowns[0] if self.breakdowns else None


@dataclass(frozen=True)
class Answers:
    """A registration question (a column of the attendee file) and the answers worth quoting:
    blanks and "n/a"-like answers dropped, each answer once."""

    question: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class ChatSummary:
    file: str
    layout: str
    messages: int
    private_left_out: int
    reactions: int
    skipped_lines: int
    duplicates: int = 0  # messages already read from an earlier chat log, left out
    waiting_room_left_out: int = 0  # the host's messages to the waiting room
    panelists_left_out: int = 0  # a webinar's "to All panelists": attendees do not see them
    host_messages: int = 0  # of `messages`, the hosts' (never quoted)


@dataclass(frozen=True)
class Theme:
    tag: str
    quotes: tuple[Quote, ...]


@dataclass
class Report:
    """An event pack as data: `attendance`, the `segments` with their quotes and polls,
    `themes` (quotes under their #tags), `groups` if asked for, and `warnings`."""

    title: str
    description: str
    host: str  # the host and co-hosts shown under the title: "Sam Okafor and Priya Shah"
    session: str  # the session folder's name
    start: datetime | None
    end: datetime | None
    rehearse: float
    attendance: Attendance
    segments: list[SegmentRun]
    before: list[Quote] = field(default_factory=list)
    after: list[Quote] = field(default_factory=list)
    unplaced: list[Quote] = field(default_factory=list)  # reflections noted without a segment
    themes: list[Theme] = field(default_factory=list)
    groups: list[GroupSet] | None = None  # None: not asked for
    host_count: int = 1  # how many `host` names: "Host:" or "Hosts:"
    chats: list[ChatSummary] = field(default_factory=list)
    participants: int = 0  # distinct names, hosts aside, that posted where everyone saw it
    hosts_posted: int = 0  # the hosts among them: not counted in `participants`
    reactions: dict[str, int] = field(default_factory=dict)
    anonymous: bool = False
    warnings: list[str] = field(default_factory=list)
    running: bool = False  # made while `liftkit run` or `resume` held the session: so far
    feedback_planned: int = 0  # evaluation polls in the agenda, answered or not
    # What participants said about the event: the evaluation segment's quotes and those
    # tagged #feedback anywhere, in the order they were said.
    feedback_said: list[Quote] = field(default_factory=list)
    named: bool = False  # quotes show their authors (a published pack does not, by default)
    hosts: tuple[str, ...] = ()  # the host and co-hosts: never quoted
    purpose: str = ""
    contact: str = ""
    language: str = ""  # the agenda's: the HTML pack's lang ("" is English)
    questions: list[Answers] = field(default_factory=list)  # registration answers
    # The host's own words (the narrative file), by part: see narrative.py.
    headline: str = ""  # the narrative's title, shown instead of the agenda's
    narrative: dict[str, str] = field(default_factory=dict)
    narrative_extra: list[tuple[str, str]] = field(default_factory=list)  # matched no part

    @property
    def took(self) -> int | None:
        """Session seconds from the first segment's start to the end: the segments' sum."""
        ran = [s.actual for s in self.segments if s.actual is not None]
        return sum(ran) if ran else None

    @property
    def paused(self) -> int:
        return sum(s.paused for s in self.segments)

    @property
    def polls(self) -> list[PollResult]:
        return [p for s in self.segments for p in s.polls]

    @property
    def feedback(self) -> list[PollResult]:
        return [p for s in self.segments if s.evaluation for p in s.polls if p.kind != "choice"]


@dataclass(frozen=True)
class ReportOptions:
    host: str | None = None  # the host shown (default: the agenda's)
    cohosts: tuple[str, ...] = ()  # more hosts: shown and never quoted
    by: str | Sequence[str] | None = None  # attendee-file columns to break attendance down by
    groups: bool = False
    groups_file: Path | None = None
    include_private: bool = False
    chat_start: time | datetime | None = None  # a transcript's start: its clock time is used
    anonymous: bool = False
    named: bool = False  # quotes show who said them
    questions: tuple[str, ...] = ()  # attendee-file columns holding registration answers
    roles: str | None = None  # the attendee-file column of roles, for examples
    organisations: str | None = None  # the attendee-file column of organisations
    # Where liftkit leaves what it could not save (kept.rescue_places): this session's file
    # there is a warning, as the pack lacks what it holds. None look: the caller's choice.
    rescue_places: tuple[Path, ...] = ()
    now: datetime | None = None  # when the pack is made: a running session has run till then

    @property
    def by_columns(self) -> tuple[str, ...]:
        if self.by is None:
            return ()
        return (self.by,) if isinstance(self.by, str) else tuple(self.by)


# --------------------------------------------------------------------------- small pieces


def breakdown(title: str, counts: Iterable[tuple[str, int]]) -> Breakdown:
    items = list(counts)
    percents = largest_remainder([c for _, c in items])
    return Breakdown(
        title, tuple(Share(label, c, p) for (label, c), p in zip(items, percents, strict=True))
    )


def tags_in(text: str) -> tuple[str, ...]:
    if "#" not in text:
        return ()
    if "://" in text or "www." in text:
        text = LINK.sub(" ", text)
    return tuple(dict.fromkeys(m.group(1).rstrip("-") for m in TAG.finditer(text)))


def is_tag(word: str) -> bool:
    """Whether a recorded tag is one as the pack reads them: a word that starts with a letter."""
    return TAG.fullmatch(f"#{word}") is not None


def is_practical_step(text: str, tags: Iterable[str]) -> bool:
    """Tagged as a step, or opening as one; also after a name the host typed that is not on
    the attendee list ("Ada: One practical step I will take…" is kept as said)."""
    if any(t.lower() in STEP_TAGS for t in tags):
        return True
    labelled = name_label(text)
    return _opens_a_step(text) or bool(labelled and _opens_a_step(labelled[1]))


def _opens_a_step(text: str) -> bool:
    opening = text.lstrip("\"'“‘ ").lower()
    if determiner := STEP_DETERMINER.match(opening):
        opening = opening[determiner.end() :]
    return opening.startswith(STEP_OPENINGS)


WHOLE_TAG = re.compile(r"#(?<![\w#&/]#)[^\W\d_][\w-]*")  # TAG's shape: the "#" first
# The tags that end a text, with the punctuation they leave dangling: the comma, colon or
# bracket before them and the full stop or bracket after ("so true #care.", "agree (#care)",
# "trust, time, #care"). A tag must start a word (not "C#", nor a link's "/#fragment").
END_TAGS_SPAN = 400  # characters at a message's end where its closing tags are looked for
END_TAGS = re.compile(r"(?:(?:^|[\s,;:(\[]+)#[^\W\d_][\w-]*)+[\s.,;:!?…)\]]*$")


def without_tags(text: str, tags: Sequence[str] | None = None) -> str:
    """The text as quoted: #tags at its end removed, with the punctuation they leave
    dangling, those inside it kept as words (so that "a #culture question" still reads), the
    tags themselves still used for themes. Text that is only tags is returned as it is (see
    `says_nothing`). With the quote's `tags` known, a quote without any is returned as it is
    (fast: most have none)."""
    if "#" not in text or (tags is not None and not tags):
        return text
    shown = text.rstrip()
    # the tail only: tried from every "#" of a long run of them, the search took seconds
    end = END_TAGS.search(shown, max(0, len(shown) - END_TAGS_SPAN))
    if end is not None:
        cut = end.start()
        if _leads_on(shown[:cut], shown[cut:]):  # the first tag is the sentence's last word
            first = TAG.search(shown, cut)
            cut = first.end() if first else cut
            rest = shown[cut:].strip()
            shown = shown[:cut] + (rest[-1] if rest[-1:] in (".", "!", "?") else "")
        else:
            shown = shown[:cut].rstrip()
    if "#" in shown:
        shown = TAG.sub(lambda m: m.group(1), shown)
    return shown if shown.strip() else text


def _leads_on(before: str, tags: str) -> bool:
    words = before.split()
    return bool(words) and tags[:1].isspace() and words[-1].casefold() in LEADS_ON


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what str.isalnum says yes to, found at C speed


# A message of one of these alone is a sign, not words to quote: a vote ("+1"), a place in
# the queue to speak ("+q", "-q", as meetings run by a queue write it), a raised hand
# ("RH"), "bump", or a bare number (an answer to a question asked aloud: "2").
_SIGNS = re.compile(r"[+-]\d|[+-]q|q[+-]|rh|bump|\d{1,3}", re.IGNORECASE)


def says_nothing(text: str) -> bool:
    """Whether a message has no word of its own to quote: only tags ("#care"), emoji or
    punctuation ("👍", "🎉🎉", ":)"), links, or a sign ("+1", "+q", "RH", "2"). Counted as a
    message, but no quote."""
    if "://" in text or "www." in text:
        text = LINK.sub("", text)
    if "#" in text:
        text = WHOLE_TAG.sub("", text)
    if len(text) <= 8 and _SIGNS.fullmatch(text.strip(" .!")) is not None:
        return True
    return _LETTER_OR_DIGIT.search(text) is None


def said_key(text: str, tags: Sequence[str] | None = None) -> str:
    """A quote's words as compared, to find the host's record of a chat message: its tags
    at the end, letter case, spacing and final full stops aside ("Mexico." is "mexico",
    "changed my vote #influence" is "changed my vote")."""
    return same_words(without_tags(text, tags)).rstrip(" .!?…")


def theme_title(tag: str) -> str:
    title = tag.replace("_", " ")
    return title[:1].upper() + title[1:]


def themed(quotes: Sequence[Quote]) -> tuple[list[Theme], list[Quote]]:
    """A segment's quotes under their themes, and the untagged ones after. A quote with
    several tags goes under the one most quotes of the segment share (ties: its first), so
    that each quote shows once; themes come most quoted first, then in the order seen."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for quote in quotes:  # counted first; nothing is kept per quote (a chat has millions)
        for tag in quote.tags:
            key = tag.casefold()
            if key not in STEP_TAGS and key != FEEDBACK_TAG:  # markers, not themes
                spelling.setdefault(key, tag)
                counts[key] = counts.get(key, 0) + 1
    groups: dict[str, list[Quote]] = {}
    untagged: list[Quote] = []
    for quote in quotes:
        keys = [k for t in quote.tags if (k := t.casefold()) in counts] if quote.tags else []
        if not keys:
            untagged.append(quote)
            continue
        best = max(keys, key=lambda k: (counts[k], -keys.index(k)))
        groups.setdefault(best, []).append(quote)
    order = sorted(groups, key=lambda k: -len(groups[k]))  # stable: ties keep first seen
    return [Theme(spelling[k], tuple(groups[k])) for k in order], untagged
