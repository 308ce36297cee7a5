"""The event pack as data, built from a session folder and the meeting's chat logs.

`load_session` reads the folder (journal, agenda copy, attendees, groups); `build_report` puts
it together with the chat logs: who joined, the agenda as run, each segment's prompt and quotes,
themes, closing reflections and practical steps, groups, polls and feedback. markdown.py and
report_json.py render the result.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from liftkit.core.agenda import Agenda, Poll, load_agenda
from liftkit.core.chat import ChatLog
from liftkit.core.errors import LiftkitError
from liftkit.core.journal import JOURNAL_NAME, read_journal

BEFORE = "before"
AFTER = "after"
STEP_TAGS = frozenset({"step", "steps", "action", "actions", "practical", "nextstep", "next-step"})
STEP_OPENINGS = ("one practical step", "practical step", "my practical step", "next step", "step:")
TAG = re.compile(r"(?<![\w#&])#([^\W\d_][\w-]*)")
NOT_GIVEN = "(not given)"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class Breakdown:
    """Counts with whole percentages that add up to exactly 100 (largest remainder)."""

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
    actual: int | None  # seconds the segment was current, pauses included; None: never ran
    quotes: tuple[Quote, ...] = ()
    polls: tuple[PollResult, ...] = ()

    @property
    def over(self) -> int:
        return 0 if self.actual is None else self.actual - self.planned


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class GroupRound:
    round: int
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class GroupSet:
    segment: int | None  # 0-based; None: groups not tied to a segment
    rounds: tuple[GroupRound, ...]


@dataclass(frozen=True)
class Attendance:
    count: int | None
    source: str  # the attendee file's name, "chat", or "" when nothing tells
    breakdown: Breakdown | None = None


@dataclass(frozen=True)
class ChatSummary:
    file: str
    layout: str
    messages: int
    private_left_out: int
    reactions: int
    skipped_lines: int


@dataclass(frozen=True)
class Theme:
    tag: str
    quotes: tuple[Quote, ...]


@dataclass
class Report:
    title: str
    description: str
    host: str
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
    chats: list[ChatSummary] = field(default_factory=list)
    participants: int = 0  # distinct names in the chat logs
    reactions: dict[str, int] = field(default_factory=dict)
    anonymous: bool = False
    warnings: list[str] = field(default_factory=list)
    feedback_planned: int = 0  # evaluation polls in the agenda, answered or not

    @property
    def closing(self) -> list[SegmentRun]:
        return [s for s in self.segments if s.kind == "reflection"]

    @property
    def polls(self) -> list[PollResult]:
        return [p for s in self.segments for p in s.polls]

    @property
    def feedback(self) -> list[PollResult]:
        return [p for p in self.polls if p.kind in ("score", "recommend")]


@dataclass(frozen=True)
class ReportOptions:
    host: str | None = None
    by: str | None = None
    groups: bool = False
    groups_file: Path | None = None
    include_private: bool = False
    chat_start: time | None = None
    anonymous: bool = False


@dataclass
class SessionData:
    """Everything `liftkit export` reads from a session folder."""

    folder: Path
    agenda: Agenda
    events: list[dict[str, Any]]
    attendees: Any = None  # people.PeopleRead, when the folder holds an attendee file
    groups_json: Any = None  # the parsed groups.json, when there is one
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- small pieces


def clean_text(text: str) -> str:
    """Participants' text as the report shows it: control characters dropped, each line trimmed,
    blank lines dropped. Everything else is kept exactly."""
    if "\n" not in text and "\r" not in text and CONTROL.search(text) is None:
        return text.strip()
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(s for line in text.split("\n") if (s := line.strip()))


def one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def largest_remainder(counts: Sequence[int], total: int = 100) -> list[int]:
    """Whole shares of `total` in proportion to counts, adding up to exactly `total`.

    Each gets the floor of its exact share; the points left go to the largest remainders
    (ties: the larger count, then the earlier item).
    """
    whole = sum(counts)
    if whole == 0:
        return [0] * len(counts)
    floors = [c * total // whole for c in counts]
    remainders = [c * total % whole for c in counts]
    missing = total - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[:missing]:
        floors[i] += 1
    return floors


def breakdown(title: str, counts: Iterable[tuple[str, int]]) -> Breakdown:
    items = list(counts)
    percents = largest_remainder([c for _, c in items])
    return Breakdown(
        title, tuple(Share(label, c, p) for (label, c), p in zip(items, percents, strict=True))
    )


def tags_in(text: str) -> tuple[str, ...]:
    if "#" not in text:
        return ()
    return tuple(dict.fromkeys(m.group(1).rstrip("-") for m in TAG.finditer(text)))


def is_practical_step(text: str, tags: Iterable[str]) -> bool:
    if any(t.lower() in STEP_TAGS for t in tags):
        return True
    opening = text.lstrip("\"'“‘ ").lower()
    return opening.startswith(STEP_OPENINGS)


def _wall(event: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(event["wall"]))
    except (KeyError, ValueError):
        return None


# --------------------------------------------------------------------------- loading


def load_session(folder: Path) -> SessionData:
    journal = read_journal(folder / JOURNAL_NAME)
    if not journal.events:
        raise LiftkitError(
            f"{folder / JOURNAL_NAME}: the journal holds no events, so there is nothing to export",
            "name a session that was run",
        )
    start = next((e for e in journal.events if e.get("type") == "session_start"), {})
    agenda_name = str(start.get("agenda") or "agenda.toml")
    agenda_path = folder / Path(agenda_name).name
    if not agenda_path.is_file():
        raise LiftkitError(
            f"{agenda_path}: the session's copy of its agenda is missing",
            "put the agenda file the session ran back in the folder as agenda.toml",
        )
    data = SessionData(folder, load_agenda(agenda_path), journal.events, warnings=journal.warnings)
    for name in ("attendees.csv", "attendees.txt"):
        if (folder / name).is_file():
            from liftkit.core.people import read_people

            data.attendees = read_people(folder / name)
            data.warnings.extend(data.attendees.warnings)
            break
    if (folder / "groups.json").is_file():
        data.groups_json = read_groups_json(folder / "groups.json")
    return data


def read_groups_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LiftkitError(f"{path}: no such groups file", "check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise LiftkitError(
            f"{path}: cannot read: {reason}", "give the JSON from `liftkit groups --format json`"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LiftkitError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg})",
            "give the JSON from `liftkit groups --format json`",
        ) from None
    parse_group_rounds(data.get("rounds") if isinstance(data, dict) else None, str(path))
    return data


def parse_group_rounds(rounds: Any, source: str) -> tuple[GroupRound, ...]:
    """Rounds in the `groups --format json` schema, checked item by item."""
    hint = 'expected {"rounds": [{"round": 1, "groups": [{"name": ..., "members": [...]}]}]}'

    def bad(where: str, what: str) -> LiftkitError:
        return LiftkitError(f"{source}: {where}: {what}", hint)

    if not isinstance(rounds, list):
        raise bad("rounds", "missing or not a list")
    out = []
    for r, item in enumerate(rounds):
        where = f"rounds[{r}]"
        if not isinstance(item, dict) or not isinstance(item.get("groups"), list):
            raise bad(where, 'needs a "groups" list')
        number = item.get("round", r + 1)
        if not isinstance(number, int) or isinstance(number, bool):
            raise bad(f"{where}.round", "must be a whole number")
        groups = []
        for g, group in enumerate(item["groups"]):
            gwhere = f"{where}.groups[{g}]"
            if not isinstance(group, dict) or not isinstance(group.get("name"), str):
                raise bad(gwhere, 'needs a "name"')
            members = group.get("members")
            if not isinstance(members, list):
                raise bad(gwhere, 'needs a "members" list')
            names = []
            for m, member in enumerate(members):
                name = member.get("name") if isinstance(member, dict) else member
                if not isinstance(name, str):
                    raise bad(f"{gwhere}.members[{m}]", 'needs a "name"')
                names.append(one_line(name))
            groups.append(Group(one_line(group["name"]), tuple(names)))
        out.append(GroupRound(number, tuple(groups)))
    return tuple(out)


# --------------------------------------------------------------------------- timeline


class Timeline:
    """When each segment was current, from the journal's segment starts and the session end."""

    def __init__(self, events: list[dict[str, Any]]) -> None:
        starts = []
        for event in events:
            wall = _wall(event)
            if event.get("type") == "segment_start" and wall is not None:
                starts.append((wall, int(event.get("segment", 0))))
        starts.sort(key=lambda s: s[0])
        self.starts = [w for w, _ in starts]
        self.segments = [s for _, s in starts]
        self._stamps = [w.timestamp() for w in self.starts]  # for placing thousands of messages
        first = next((e for e in events if e.get("type") == "session_start"), None)
        self.session_start = self.starts[0] if self.starts else (_wall(first) if first else None)
        # The session ended at its session_end, else (cut short) at the last event written.
        ended = (_wall(e) for e in reversed(events) if e.get("type") == "session_end")
        last = (_wall(e) for e in reversed(events) if e.get("wall"))
        self.end = next(ended, None) or next(last, None)
        self._end_stamp = self.end.timestamp() if self.end else float("inf")

    def place(self, moment: datetime) -> int | str:
        """The segment current at `moment`, or BEFORE / AFTER the session."""
        return self.place_stamp(moment.timestamp())

    def place_stamp(self, stamp: float) -> int | str:
        if stamp >= self._end_stamp:
            return AFTER
        i = bisect_right(self._stamps, stamp) - 1
        return BEFORE if i < 0 else self.segments[i]

    def spans(self) -> dict[int, tuple[datetime, int]]:
        """Each segment that ran: its first start, and the seconds it was current in all."""
        out: dict[int, tuple[datetime, int]] = {}
        for i, (start, segment) in enumerate(zip(self.starts, self.segments, strict=True)):
            stop = self.starts[i + 1] if i + 1 < len(self.starts) else self.end or start
            seconds = max(0, round((stop - start).total_seconds()))
            first, total = out.get(segment, (start, 0))
            out[segment] = (first, total + seconds)
        return out


def chat_clock(log: ChatLog, timeline: Timeline, base: datetime | None) -> Callable[[float], float]:
    """How to turn the log's times into timestamps: Zoom times of day take the session's date
    (or the day before or after, for a session that crosses midnight); transcript offsets
    count from `base`."""
    if not log.clock:
        if base is None:
            raise LiftkitError(
                f"{log.source}: a transcript has no clock times and the session never started",
                "give --chat-start HH:MM:SS, the clock time the recording began",
            )
        start = base.timestamp()
        return lambda at: start + at
    anchor = timeline.session_start
    if anchor is None:
        raise LiftkitError(
            f"{log.source}: the session never started, so its chat cannot be placed",
            "name a session that was run",
        )
    midnight = anchor.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
    low, high = anchor.timestamp(), (timeline.end or anchor).timestamp()
    return lambda at: midnight + at + 86400 * _nearest_day(midnight + at, low, high)


def nearest_day(anchor: datetime, seconds_of_day: float, end: datetime) -> datetime:
    """The time of day on the anchor's day, the day before or the day after: whichever falls
    within [anchor, end], else the closest to it."""
    midnight = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    day = _nearest_day(midnight.timestamp() + seconds_of_day, anchor.timestamp(), end.timestamp())
    return midnight + timedelta(days=day, seconds=seconds_of_day)


def _nearest_day(stamp: float, low: float, high: float) -> int:
    best_day, best_gap = 0, float("inf")
    for day in (0, -1, 1):
        moved = stamp + day * 86400
        gap = 0.0 if low <= moved <= high else min(abs(moved - low), abs(moved - high))
        if gap == 0:
            return day
        if gap < best_gap:
            best_day, best_gap = day, gap
    return best_day


# --------------------------------------------------------------------------- building


def build_report(session: SessionData, chats: Sequence[ChatLog], options: ReportOptions) -> Report:
    agenda, events = session.agenda, session.events
    timeline = Timeline(events)
    first = next((e for e in events if e.get("type") == "session_start"), {})
    warnings = list(session.warnings)
    for log in chats:
        warnings.extend(log.warnings())
    if options.chat_start is not None and chats and all(log.clock for log in chats):
        warnings.append("--chat-start applies to transcripts (.vtt, .sbv) only; ignored")

    per_segment: dict[int | str, list[Quote]] = {}
    unplaced: list[Quote] = []
    # Reflections the host recorded, by segment and text: the host often records a chat
    # message too, and then it shows once (with the chat's author when the host gave none).
    recorded: dict[int | str, dict[str, int]] = {}
    count = len(agenda.segments)
    for event in events:
        if event.get("type") != "reflection":
            continue
        text = clean_text(str(event.get("text") or ""))
        if not text:
            continue
        author = one_line(str(event["author"])) if event.get("author") else None
        raw_tags = event.get("tags")
        tags = tuple(str(t) for t in raw_tags) if isinstance(raw_tags, list) else tags_in(text)
        quote = Quote(text, author or None, tags, str(event.get("source") or "live"), _wall(event))
        segment = event.get("segment")
        if isinstance(segment, int) and 0 <= segment < count:
            bucket = per_segment.setdefault(segment, [])
            recorded.setdefault(segment, {})[_same_text(text)] = len(bucket)
            bucket.append(quote)
        else:
            unplaced.append(quote)

    base = _transcript_base(options.chat_start, timeline)
    summaries: list[ChatSummary] = []
    participants: set[str] = set()
    reactions: Counter[str] = Counter()
    names: dict[str, str | None] = {}
    for log in chats:
        stamp_of = chat_clock(log, timeline, base)
        tz = timeline.session_start.tzinfo if timeline.session_start else None
        left_out = 0
        for message in log.messages:
            if message.author:
                participants.add(message.author)
            if message.private and not options.include_private:
                left_out += 1
                continue
            stamp = stamp_of(message.at)
            where = timeline.place_stamp(stamp)
            text = clean_text(message.text)
            if not text:
                continue
            author = names.get(message.author, "")
            if author == "":
                author = names[message.author] = one_line(message.author) or None
            same = recorded.get(where)
            if same is not None:
                index = same.get(_same_text(text))
                if index is not None:
                    bucket = per_segment[where]
                    if bucket[index].author is None and author:
                        bucket[index] = replace(bucket[index], author=author)
                    continue
            private_to = one_line(message.to) if message.private else None
            quote = Quote(
                text, author, tags_in(text), "chat", datetime.fromtimestamp(stamp, tz), False,
                private_to,
            )  # fmt: skip
            per_segment.setdefault(where, []).append(quote)
        counted = 0
        for reaction in log.reactions:
            if reaction.author:
                participants.add(reaction.author)
            if reaction.private and not options.include_private:
                continue
            counted += 1
            reactions[reaction.emoji] += -1 if reaction.removed else 1
        summaries.append(
            ChatSummary(
                log.source,
                log.layout,
                len(log.messages) - left_out,
                left_out,
                counted,
                len(log.unmatched),
            )
        )

    polls = _poll_results(agenda, events)
    spans = timeline.spans()
    planned_start = _planned_start(first, timeline)
    segments = []
    offset = 0
    for i, segment in enumerate(agenda.segments):
        span = spans.get(i)
        quotes = sorted(per_segment.get(i, []), key=_quote_order)
        if segment.kind == "reflection":
            quotes = [_with_step(q) for q in quotes]
        segments.append(
            SegmentRun(
                index=i,
                title=segment.title,
                kind=segment.kind,
                prompt=segment.prompt,
                questions=segment.questions,
                planned=segment.duration,
                planned_start=planned_start + timedelta(seconds=offset) if planned_start else None,
                actual_start=span[0] if span else None,
                actual=span[1] if span else None,
                quotes=tuple(quotes),
                polls=tuple(p for p in polls if p.segment == i),
            )
        )
        offset += segment.duration

    report = Report(
        title=agenda.title or str(first.get("title") or ""),
        description=agenda.description,
        host=one_line(options.host) if options.host is not None else agenda.host,
        session=session.folder.name,
        start=timeline.session_start,
        end=timeline.end,
        rehearse=float(first.get("rehearse") or 1),
        attendance=_attendance(session, options.by, len(participants) if chats else None),
        segments=segments,
        before=sorted(per_segment.get(BEFORE, []), key=_quote_order),
        after=sorted(per_segment.get(AFTER, []), key=_quote_order),
        unplaced=unplaced,
        groups=_groups(session, options) if options.groups or options.groups_file else None,
        chats=summaries,
        participants=len(participants),
        reactions={emoji: n for emoji, n in reactions.most_common() if n > 0},
        anonymous=options.anonymous,
        warnings=warnings,
    )
    report.themes = _themes(report)
    report.feedback_planned = sum(
        1 for s in agenda.segments for p in s.polls if p.kind in ("score", "recommend")
    )
    return report


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


def _planned_start(first: dict[str, Any], timeline: Timeline) -> datetime | None:
    planned = first.get("planned_start")
    if planned:
        try:
            return datetime.fromisoformat(str(planned))
        except ValueError:
            pass
    return timeline.session_start


def _poll_results(agenda: Agenda, events: list[dict[str, Any]]) -> list[PollResult]:
    latest: dict[tuple[int, int], dict[str, Any]] = {}
    for event in events:
        if event.get("type") == "poll" and isinstance(event.get("counts"), dict):
            key = (int(event.get("segment", -1)), int(event.get("poll", 0)))
            latest[key] = event  # recorded again: the later result stands
    results = []
    for (segment, index), event in sorted(latest.items()):
        poll: Poll | None = None
        if 0 <= segment < len(agenda.segments) and index < len(agenda.segments[segment].polls):
            poll = agenda.segments[segment].polls[index]
        counts = {str(k): _count(v) for k, v in event["counts"].items()}
        options = list(poll.options) if poll else []
        options += [o for o in counts if o not in options]
        table = breakdown(
            str(event.get("question") or ""), [(o, counts.get(o, 0)) for o in options]
        )
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


def _count(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _attendance(session: SessionData, by: str | None, chat_people: int | None) -> Attendance:
    read = session.attendees
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
        from liftkit.core.people import find_column

        column = find_column(read.columns, by)
        if column is None:
            columns = ", ".join(read.columns) or "none besides name and email"
            raise LiftkitError(
                f"--by {by}: {source} has no such column; its columns: {columns}",
                "give one of those columns",
            )
        counts = Counter(one_line(p.attributes.get(column, "")) or NOT_GIVEN for p in read.people)
        ordered = sorted(counts.items(), key=lambda kv: (kv[0] == NOT_GIVEN, -kv[1], kv[0]))
        table = breakdown(column, ordered)
    return Attendance(len(read.people), source, table)


def _groups(session: SessionData, options: ReportOptions) -> list[GroupSet]:
    """The breakout groups: from --groups-file, else the journal (the last shuffle of each
    segment wins), else the session's groups.json. Groups not tied to a segment go with the
    first breakout segment."""
    segments = session.agenda.segments
    breakout = next((i for i, s in enumerate(segments) if s.kind == "breakout"), None)
    if options.groups_file is not None:
        data = read_groups_json(options.groups_file)
        return [GroupSet(breakout, parse_group_rounds(data["rounds"], str(options.groups_file)))]
    latest: dict[int | None, dict[str, Any]] = {}
    for event in session.events:
        if event.get("type") == "groups":
            segment = event.get("segment")
            in_agenda = isinstance(segment, int) and 0 <= segment < len(segments)
            latest[segment if in_agenda else breakout] = event
    sets = []
    for segment, event in latest.items():
        source = f"{session.folder / JOURNAL_NAME} (groups event {event.get('seq', '?')})"
        sets.append(GroupSet(segment, parse_group_rounds(event.get("rounds"), source)))
    if sets:
        return sets
    if session.groups_json is not None:
        source = str(session.folder / "groups.json")
        return [GroupSet(breakout, parse_group_rounds(session.groups_json["rounds"], source))]
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
            if key in STEP_TAGS:
                continue  # a marker for practical steps, not a theme
            spelling.setdefault(key, tag)
            by_tag.setdefault(key, []).append(quote)
    ordered = sorted(by_tag.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [Theme(spelling[key], tuple(quotes)) for key, quotes in ordered]
