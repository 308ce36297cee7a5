"""Building the report: the session folder and the chat logs put together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from liftkit.core.agenda.model import Agenda, Poll
from liftkit.core.chat import ChatLog
from liftkit.core.errors import LiftkitError
from liftkit.core.live.events import GroupsMade, PollCounts, Reflection, SessionStart
from liftkit.core.live.replay import Replay
from liftkit.core.report.model import (
    AFTER,
    BEFORE,
    FEEDBACK_TAG,
    NOT_GIVEN,
    STEP_TAGS,
    Attendance,
    ChatSummary,
    GroupSet,
    PollResult,
    Quote,
    Report,
    ReportOptions,
    SegmentRun,
    Theme,
    breakdown,
    is_practical_step,
    tags_in,
)
from liftkit.core.report.sources import (
    SessionData,
    Timeline,
    chat_clock,
    group_rounds,
    nearest_day,
)
from liftkit.core.text import clean_text, one_line

# Chat messages sent this long before the session began or after it ended are warned about.
FAR_OUTSIDE = 2 * 3600


def build_report(session: SessionData, chats: Sequence[ChatLog], options: ReportOptions) -> Report:
    agenda, replayed = session.agenda, session.replay()
    timeline = Timeline(session.events)
    first = replayed.start
    warnings = list(session.warnings)
    for log in chats:
        warnings.extend(log.warnings())
    if options.chat_start is not None and chats and all(log.clock for log in chats):
        warnings.append("--chat-start applies to transcripts (.vtt, .sbv) only; ignored")

    quotes = _Quotes()
    quotes.add_reflections(replayed.engine.reflections, len(agenda.segments))
    chat = _ChatTotals()
    base = _transcript_base(options.chat_start, timeline)
    for log in chats:
        chat.add(log, quotes, timeline, base, options.include_private, len(chats) > 1)
    warnings.extend(chat.warnings)

    speed = replayed.rate
    runs = _segment_runs(agenda, replayed, quotes, _planned_start(first, timeline), speed)
    report = Report(
        title=agenda.title or (first.title if first else ""),
        description=agenda.description,
        host=one_line(options.host) if options.host is not None else agenda.host,
        session=session.folder.name,
        start=timeline.session_start,
        end=timeline.end,
        rehearse=speed,
        attendance=_attendance(
            session, options.by, len(chat.participants) if chats else None, warnings
        ),
        segments=runs,
        before=quotes.in_order(BEFORE),
        after=quotes.in_order(AFTER),
        unplaced=quotes.unplaced,
        groups=_groups(session, options) if options.groups or options.groups_file else None,
        chats=chat.summaries,
        participants=len(chat.participants),
        reactions={emoji: n for emoji, n in chat.reactions.most_common() if n > 0},
        anonymous=options.anonymous,
        warnings=warnings,
        feedback_planned=sum(
            1 for s in agenda.segments for p in s.polls if p.kind in ("score", "recommend")
        ),
    )
    report.themes = _themes(report)
    report.feedback_said = _feedback_said(report)
    return report


class _Quotes:
    """Quotes by where they go: a segment's index, BEFORE or AFTER the session."""

    def __init__(self) -> None:
        self.placed: dict[int | str, list[Quote]] = {}
        self.unplaced: list[Quote] = []
        # What the host recorded, by segment and text: the host often records a chat message
        # as a reflection too, and then it shows once (with the chat's author if it had none).
        self.recorded: dict[int | str, dict[str, int]] = {}

    def add_reflections(self, reflections: Sequence[Reflection], segments: int) -> None:
        for event in reflections:
            text = clean_text(event.text)
            if not text:
                continue
            author = one_line(event.author) if event.author else None
            tags = event.tags if event.tags is not None else tags_in(text)
            quote = Quote(text, author or None, tags, str(event.source), event.wall)
            segment = event.segment
            if segment is not None and 0 <= segment < segments:
                bucket = self.placed.setdefault(segment, [])
                self.recorded.setdefault(segment, {})[_same_text(text)] = len(bucket)
                bucket.append(quote)
            else:
                self.unplaced.append(quote)

    def add_chat(self, where: int | str, quote: Quote) -> None:
        same = self.recorded.get(where)
        if same is not None:
            index = same.get(_same_text(quote.text))
            if index is not None:
                bucket = self.placed[where]
                if bucket[index].author is None and quote.author:
                    bucket[index] = replace(bucket[index], author=quote.author)
                return
        self.placed.setdefault(where, []).append(quote)

    def in_order(self, where: int | str) -> list[Quote]:
        return sorted(self.placed.get(where, []), key=_quote_order)


class _ChatTotals:
    """The chat logs' messages placed as quotes, and what is counted: people, reactions."""

    def __init__(self) -> None:
        self.summaries: list[ChatSummary] = []
        self.participants: set[str] = set()
        self.reactions: Counter[str] = Counter()
        self.warnings: list[str] = []
        self._names: dict[str, str | None] = {}
        # What earlier chat logs held, to drop what a later one repeats (the same log given
        # twice, or the host's and a co-host's saved chats): how many times each was seen.
        self._seen: Counter[tuple[Any, ...]] = Counter()

    def name(self, raw: str) -> str | None:
        if raw not in self._names:
            self._names[raw] = one_line(raw) or None
        return self._names[raw]

    def add(
        self,
        log: ChatLog,
        quotes: _Quotes,
        timeline: Timeline,
        base: datetime | None,
        include_private: bool,
        several: bool = False,
    ) -> None:
        stamp_of = chat_clock(log, timeline, base)
        tz = timeline.session_start.tzinfo if timeline.session_start else None
        low, high = _far_bounds(timeline)
        left_out = waiting = within = far = duplicates = 0
        here: Counter[tuple[Any, ...]] = Counter()
        for message in log.messages:
            if message.author:
                self.participants.add(message.author)
            stamp = stamp_of(message.at)
            where = timeline.place_stamp(stamp)
            if isinstance(where, int):
                within += 1
            elif not low <= stamp <= high:
                far += 1
            text = clean_text(message.text)
            if several:
                key = (round(stamp, 3), message.author, text)
                here[key] += 1
                if here[key] <= self._seen[key]:
                    duplicates += 1
                    continue
            if message.private and not include_private:
                if message.waiting_room:
                    waiting += 1
                else:
                    left_out += 1
                continue
            if not text:
                continue
            private_to = one_line(message.to) if message.private else None
            quote = Quote(
                text, self.name(message.author), tags_in(text), "chat",
                datetime.fromtimestamp(stamp, tz), False, private_to, message.waiting_room,
            )  # fmt: skip
            quotes.add_chat(where, quote)
        self._check_meeting(log, timeline, within, far)
        counted = repeated_reactions = 0
        for reaction in log.reactions:
            if reaction.author:
                self.participants.add(reaction.author)
            if several:
                at = round(stamp_of(reaction.at), 3)
                said = (at, reaction.author, reaction.emoji, reaction.target, reaction.removed)
                here[said] += 1
                if here[said] <= self._seen[said]:
                    repeated_reactions += 1
                    continue
            if reaction.private and not include_private:
                continue
            counted += 1
            self.reactions[reaction.emoji] += -1 if reaction.removed else 1
        for key, times in here.items():
            self._seen[key] = max(self._seen[key], times)
        messages = len(log.messages) - left_out - waiting - duplicates
        self.summaries.append(
            ChatSummary(
                log.source, log.layout, messages, left_out, counted, len(log.unmatched),
                duplicates, waiting,
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
                "chat log (same time, author and text)"
            )

    def _check_meeting(self, log: ChatLog, timeline: Timeline, within: int, far: int) -> None:
        """A warning when the log seems to be another meeting's: none of its messages fall
        within the session, or some were sent hours before or after it."""
        total = len(log.messages)
        if not total or timeline.session_start is None:
            return
        end = timeline.end or timeline.session_start
        span = f"{timeline.session_start:%H:%M}-{end:%H:%M}"
        if within == 0:
            none = (
                "its one message does not fall"
                if total == 1
                else f"none of its {total} messages fall"
            )
            self.warnings.append(
                f"{log.source}: {none} within the session ({span}); is it this meeting's chat? "
                "(for transcripts, --chat-start HH:MM:SS)"
            )
        elif far:
            hours = f"{FAR_OUTSIDE // 3600} hours"
            self.warnings.append(
                f"{log.source}: {far} of its {total} messages were sent more than {hours} "
                f"before or after the session ({span}); is it this meeting's chat?"
            )


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


def _segment_runs(
    agenda: Agenda,
    replayed: Replay,
    quotes: _Quotes,
    planned_start: datetime | None,
    speed: float,
) -> list[SegmentRun]:
    """What was planned and what ran. Lengths are in session time: a rehearsal at 30 times the
    speed that spent 2 real seconds in a segment spent a minute of it. Start times are clock
    times, so a rehearsal's planned starts come 30 times closer together too."""
    polls = _poll_results(agenda, replayed.engine.polls)
    times = replayed.times
    runs = []
    offset = 0
    for i, segment in enumerate(agenda.segments):
        ran = times.get(i)
        said = quotes.in_order(i)
        if segment.kind == "reflection":
            said = [_with_step(q) for q in said]
        runs.append(
            SegmentRun(
                index=i,
                title=segment.title,
                kind=segment.kind,
                prompt=segment.prompt,
                questions=segment.questions,
                planned=segment.duration,
                planned_start=(
                    planned_start + timedelta(seconds=offset / speed) if planned_start else None
                ),
                actual_start=ran.started if ran else None,
                actual=ran.took if ran else None,
                quotes=tuple(said),
                polls=tuple(p for p in polls if p.segment == i),
                paused=ran.paused if ran else 0,
                evaluation=segment.kind != "reflection"
                and any(p.kind in ("score", "recommend") for p in segment.polls),
            )
        )
        offset += segment.duration
    return runs


def _transcript_base(chat_start: time | None, timeline: Timeline) -> datetime | None:
    if chat_start is None or timeline.session_start is None:
        return timeline.session_start
    seconds = chat_start.hour * 3600 + chat_start.minute * 60 + chat_start.second
    start = timeline.session_start
    return nearest_day(start, seconds, timeline.end or start)


def _same_text(text: str) -> str:
    return " ".join(text.casefold().split())


def _quote_order(quote: Quote) -> float:
    return quote.at.timestamp() if quote.at else float("inf")


def _with_step(quote: Quote) -> Quote:
    if not is_practical_step(quote.text, quote.tags):
        return quote
    return replace(quote, step=True)


def _planned_start(first: SessionStart | None, timeline: Timeline) -> datetime | None:
    if first is not None and first.planned_start is not None:
        return first.planned_start
    return timeline.session_start


def _poll_results(agenda: Agenda, recorded: Sequence[PollCounts]) -> list[PollResult]:
    latest: dict[tuple[int, int], PollCounts] = {}
    for event in recorded:
        latest[(event.segment, event.poll)] = event  # recorded again: the later result stands
    results = []
    for (segment, index), event in sorted(latest.items()):
        poll: Poll | None = None
        if 0 <= segment < len(agenda.segments) and index < len(agenda.segments[segment].polls):
            poll = agenda.segments[segment].polls[index]
        counts = event.counts
        options = list(poll.options) if poll else []
        options += [o for o in counts if o not in options]
        table = breakdown(event.question, [(o, counts.get(o, 0)) for o in options])
        kind = poll.kind if poll else "choice"
        result = PollResult(segment, index, poll.question if poll else table.title, kind, table)
        if kind == "score" and table.total:
            scores = [(float(s.label), s.count) for s in table.rows if _is_number(s.label)]
            answered = sum(c for _, c in scores)
            if answered:
                average = sum(v * c for v, c in scores) / answered
                scale = max(v for v, _ in scores)
                result = PollResult(segment, index, result.question, kind, table, average, scale)
        elif kind == "recommend" and table.total:
            result = PollResult(
                segment,
                index,
                result.question,
                kind,
                table,
                recommend_percent=table.rows[0].percent,
            )
        results.append(result)
    return results


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _attendance(
    session: SessionData, by: str | None, chat_people: int | None, warnings: list[str]
) -> Attendance:
    read = session.attendees
    damaged = session.attendees_error
    if read is None and damaged is not None:
        if by is not None:
            raise LiftkitError(f"--by {by}: {damaged.message}", damaged.hint)
        instead = (
            "the number who joined comes from the chat instead"
            if chat_people is not None
            else "no chat log was given, so the pack gives no number who joined"
        )
        warnings.append(f"{damaged.message}; {instead}")
    if read is None:
        if by is not None:
            raise LiftkitError(
                f"--by {by}: the session has no attendee file (attendees.csv or attendees.txt)",
                "run the session with --attendees FILE, or leave out --by",
            )
        if chat_people is None:
            return Attendance(None, "")
        return Attendance(chat_people, "chat")
    source = Path(read.source).name
    table = None
    if by is not None:
        from liftkit.core.people.reader import find_column

        column = find_column(read.columns, by)
        if column is None:
            columns = ", ".join(read.columns) or "none besides name and email"
            raise LiftkitError(
                f"--by {by}: {source} has no such column; its columns: {columns}",
                "give one of those columns",
            )
        table = breakdown(column, _fold_values(p.attributes.get(column, "") for p in read.people))
    return Attendance(len(read.people), source, table)


def _fold_values(values: Iterable[str]) -> list[tuple[str, int]]:
    """Counts of a column's values, ignoring letter case and spaces ("Health", "health ",
    "HEALTH" are one), each shown in its most common spelling (ties: the first seen); the
    most common first, blanks last."""
    spellings: dict[str, Counter[str]] = {}
    for value in values:
        shown = one_line(value) or NOT_GIVEN
        spellings.setdefault(shown.casefold(), Counter())[shown] += 1
    counts = [(seen.most_common(1)[0][0], seen.total()) for seen in spellings.values()]
    return sorted(counts, key=lambda kv: (kv[0] == NOT_GIVEN, -kv[1], kv[0]))


def _groups(session: SessionData, options: ReportOptions) -> list[GroupSet]:
    """The breakout groups: from --groups-file, else the journal (the last shuffle of each
    segment wins), else the session's groups.json. Groups not tied to a segment go with the
    first breakout segment."""
    from liftkit.core.groups.formats import load_groups_file  # only when asked

    segments = session.agenda.segments
    breakout = next((i for i, s in enumerate(segments) if s.kind == "breakout"), None)
    if options.groups_file is not None:
        return [GroupSet(breakout, group_rounds(load_groups_file(options.groups_file)))]
    latest: dict[int | None, GroupsMade] = {}
    for event in session.events:
        if isinstance(event, GroupsMade):
            segment = event.segment
            in_agenda = segment is not None and 0 <= segment < len(segments)
            latest[segment if in_agenda else breakout] = event
    sets = [GroupSet(segment, group_rounds(event.split)) for segment, event in latest.items()]
    if sets:
        return sets
    if session.groups_split is not None:
        return [GroupSet(breakout, group_rounds(session.groups_split))]
    raise LiftkitError(
        f"{session.folder}: the session holds no breakout groups",
        "give a groups file with --groups-file FILE, or leave out --groups",
    )


def _themes(report: Report) -> list[Theme]:
    by_tag: dict[str, list[Quote]] = {}
    spelling: dict[str, str] = {}
    every = [*report.before, *(q for s in report.segments for q in s.quotes), *report.after]
    for quote in [*every, *report.unplaced]:
        for tag in quote.tags:
            key = tag.casefold()
            if key in STEP_TAGS or key == FEEDBACK_TAG:
                continue  # a marker for practical steps or feedback, not a theme
            spelling.setdefault(key, tag)
            by_tag.setdefault(key, []).append(quote)
    ordered = sorted(by_tag.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [Theme(spelling[key], tuple(quotes)) for key, quotes in ordered]


def _feedback_said(report: Report) -> list[Quote]:
    """The quotes of the segments that hold the evaluation polls (closing reflections aside)
    and every quote tagged #feedback, each once, in the order they were said."""
    every = [*report.before, *(q for s in report.segments for q in s.quotes), *report.after]
    evaluation = {id(q) for s in report.segments if s.evaluation for q in s.quotes}
    said = [
        q
        for q in [*every, *report.unplaced]
        if id(q) in evaluation or any(t.casefold() == FEEDBACK_TAG for t in q.tags)
    ]
    return sorted(said, key=_quote_order)
