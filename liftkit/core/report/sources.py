"""What the report reads: the session folder (journal, agenda copy, attendees, groups), and
when each segment ran, so that chat messages can be placed in the segment they were sent in."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liftkit.core.agenda.model import Agenda, load_agenda
from liftkit.core.chat import ChatLog
from liftkit.core.errors import LiftkitError
from liftkit.core.live.journal import JOURNAL_NAME, read_journal
from liftkit.core.report.model import AFTER, BEFORE, Group, GroupRound
from liftkit.core.text import one_line

if TYPE_CHECKING:
    from liftkit.core.groups.split import Split


@dataclass
class SessionData:
    """Everything `liftkit export` reads from a session folder."""

    folder: Path
    agenda: Agenda
    events: list[dict[str, Any]]
    attendees: Any = None  # people.PeopleRead, when the folder holds an attendee file
    groups_split: Split | None = None  # the session's groups.json, when there is one
    # Why the attendee file could not be read: only "who joined" needs it, so it is an
    # error for --by and a warning otherwise.
    attendees_error: LiftkitError | None = None
    warnings: list[str] = field(default_factory=list)


def event_wall(event: dict[str, Any]) -> datetime | None:
    """The event's wall-clock time; one written without its UTC offset is taken as local."""
    try:
        wall = datetime.fromisoformat(str(event["wall"]))
    except (KeyError, ValueError):
        return None
    return wall if wall.tzinfo is not None else wall.astimezone()


def whole(value: Any, default: int) -> int:
    """A whole number from a journal field, or `default` for anything else."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    return default


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
            from liftkit.core.people.reader import read_people

            try:
                data.attendees = read_people(folder / name)
            except LiftkitError as error:
                data.attendees_error = error
            else:
                data.warnings.extend(data.attendees.warnings)
            break
    if (folder / "groups.json").is_file():
        from liftkit.core.groups.formats import load_groups_file  # the engine, only when needed

        data.groups_split = load_groups_file(folder / "groups.json")
    return data


def group_rounds(split: Split) -> tuple[GroupRound, ...]:
    """The rounds of a split (read and checked by groups.formats) as the report shows them."""
    return tuple(
        GroupRound(
            rnd.number,
            tuple(
                Group(one_line(group.name), tuple(one_line(p.name) for p in group.members))
                for group in rnd.groups
            ),
        )
        for rnd in split.rounds
    )


# --------------------------------------------------------------------------- timeline


class Timeline:
    """When each segment was current, from the journal's segment starts and the session end."""

    def __init__(self, events: list[dict[str, Any]]) -> None:
        starts = []
        for event in events:
            wall = event_wall(event)
            if event.get("type") == "segment_start" and wall is not None:
                starts.append((wall, whole(event.get("segment"), -1)))
        starts.sort(key=lambda s: s[0])
        self.starts = [w for w, _ in starts]
        self.segments = [s for _, s in starts]
        self._stamps = [w.timestamp() for w in self.starts]  # for placing thousands of messages
        first = next((e for e in events if e.get("type") == "session_start"), None)
        self.session_start = (
            self.starts[0] if self.starts else (event_wall(first) if first else None)
        )
        # The session ended at its session_end, else (cut short) at the last event written
        # while it ran (a `liftkit note` added the next day is not part of it).
        ended = (event_wall(e) for e in reversed(events) if e.get("type") == "session_end")
        last = (event_wall(e) for e in reversed(events) if e.get("wall") and not _noted(e))
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


def _noted(event: dict[str, Any]) -> bool:
    """A reflection added with `liftkit note`, possibly long after the session."""
    return event.get("type") == "reflection" and event.get("source") == "note"


# --------------------------------------------------------------------------- segment lengths


@dataclass
class SegmentTime:
    """How long a segment was current, in whole session seconds (scaled by --rehearse)."""

    started: datetime | None  # the wall-clock time it first became current
    took: int = 0  # from each start to the next segment or the end, pauses included
    paused: int = 0  # the part of `took` the clock was paused


def segment_times(events: list[dict[str, Any]], speed: float) -> dict[int, SegmentTime]:
    """Each segment that ran, from the journal's session seconds (`mono`).

    `mono` is already in session time (scaled by --rehearse) and continuous across resumes,
    so the segments' lengths add up to the session's. Times are rounded to whole seconds
    before they are subtracted, so the rounded lengths add up too. A journal without `mono`
    (written by hand) falls back to wall-clock seconds times the rehearsal factor.
    """
    timed = [e for e in events if not _noted(e)]
    use_mono = all(_is_number(e.get("mono")) for e in timed)
    first_wall = next((w for e in timed if (w := event_wall(e)) is not None), None)

    def seconds(event: dict[str, Any]) -> int | None:
        if use_mono:
            return round(float(event["mono"]))
        wall = event_wall(event)
        if wall is None or first_wall is None:
            return None
        return round((wall - first_wall).total_seconds() * speed)

    out: dict[int, SegmentTime] = {}
    current: SegmentTime | None = None
    since = last = 0
    paused_since = -1  # when the clock was paused in the current segment; -1: running

    def close(at: int) -> None:
        nonlocal current, paused_since
        if current is not None:
            current.took += max(0, at - since)
            if paused_since >= 0:
                current.paused += max(0, at - paused_since)
        current, paused_since = None, -1

    for event in timed:
        at = seconds(event)
        if at is None:
            continue
        at = last = max(at, last)  # never backwards, whatever a hand-edited journal says
        kind = event.get("type")
        if kind == "segment_start":
            close(at)
            segment = whole(event.get("segment"), -1)
            current = out.setdefault(segment, SegmentTime(event_wall(event)))
            since = at
        elif kind in ("segment_end", "session_end"):
            close(at)
        elif kind == "pause" and current is not None and paused_since < 0:
            paused_since = at
        elif kind == "resume" and current is not None and paused_since >= 0:
            current.paused += at - paused_since
            paused_since = -1
    close(last)  # cut short: the segment current at the last event ran until then
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


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
    times = [m.at for m in log.messages] or [r.at for r in log.reactions]
    if not times:
        return lambda at: midnight + at
    # One day for the whole log, the one that brings its span nearest the session, so that
    # a log far from the session is never split over two dates; a time of day more than
    # twelve hours before the log's first is after midnight (a log that runs past it).
    first = times[0]

    def after_first(at: float) -> float:
        return at + 86400 if at < first - 43200 else at

    span = (midnight + first, midnight + max(after_first(t) for t in times))
    day = min((0, -1, 1), key=lambda d: _gap(span[0] + d * 86400, span[1] + d * 86400, low, high))
    start = midnight + day * 86400
    return lambda at: start + after_first(at)


def _gap(start: float, end: float, low: float, high: float) -> float:
    """How far apart two spans of time are (0 when they overlap)."""
    return max(0.0, low - end, start - high)


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
