"""When a chat log's messages were sent: its times of day read as clock times of the
session's zone (liftkit.core.zones), through the night the clocks go back or forward, and
transcript offsets counted from the recording's start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from liftkit.core.chat import ChatLog
from liftkit.core.errors import LiftkitError
from liftkit.core.report.sources import Timeline
from liftkit.core.zones import ClockChange, clock_changes, clock_reader, session_zone


class StampOf(Protocol):
    """A chat time (`at`) as a timestamp; `line`, the log's line it is on, tells the two
    01:30s of the night the clocks go back apart."""

    def __call__(self, at: float, line: int = 0) -> float: ...


def chat_clock(log: ChatLog, timeline: Timeline, base: datetime | None) -> StampOf:
    """How to turn the log's times into timestamps: Zoom times of day take the session's date
    (or the day before or after, for a session that crosses midnight); transcript offsets
    count from `base`."""
    if not log.clock:
        if base is None:
            raise LiftkitError(
                f"{log.source}: a transcript has no clock times and the session never started",
                "give `chat_start` HH:MM:SS, the clock time the recording began",
            )
        start = base.timestamp()
        return lambda at, line=0: start + at
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
        return lambda at, line=0: midnight + at
    # One day for the whole log, the one that brings its span nearest the session, so that
    # a log far from the session is never split over two dates; a time of day more than
    # twelve hours before the log's first is after midnight (a log that runs past it).
    first = times[0]

    def after_first(at: float) -> float:
        return at + 86400 if at < first - 43200 else at

    latest = max(after_first(t) for t in times)
    span = (midnight + first, midnight + latest)
    day = min((0, -1, 1), key=lambda d: _gap(span[0] + d * 86400, span[1] + d * 86400, low, high))
    start = midnight + day * 86400

    def fixed(at: float, line: int = 0) -> float:
        return start + after_first(at)

    # Where the session's zone changes its clocks within the log's times, each time of day
    # is read as a clock time of that zone; elsewhere (nearly always) on the start's offset.
    read = clock_reader(anchor)
    day_start = anchor.replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    day_start += timedelta(days=day)
    hour = timedelta(hours=1)
    changes = clock_changes(
        anchor, read(day_start + timedelta(seconds=first) - hour),
        read(day_start + timedelta(seconds=latest) + hour),
    )  # fmt: skip
    if not changes:
        return fixed
    placed = _through_changes(log, changes, read, day_start, after_first, (low, high))

    def through(at: float, line: int = 0) -> float:
        stamp = placed.get(line)
        return fixed(at) if stamp is None else stamp

    return through


def _through_changes(
    log: ChatLog,
    changes: list[ClockChange],
    read: Callable[[datetime], datetime],
    day_start: datetime,
    after_first: Callable[[float], float],
    session: tuple[float, float],
) -> dict[int, float]:
    """Each line's time as a timestamp, by the session zone's clock. A time of day the clocks
    go back over (01:00 to 01:59 in London in October) is the second time round once the
    log's time has gone back by the change within that hour (01:59:45, then 01:00:05), or
    when only the second time round falls within (or nearest) the session."""
    backs = [change for change in changes if change.by > timedelta(0)]
    timed = sorted([(m.line, m.at) for m in log.messages] + [(r.line, r.at) for r in log.reactions])
    placed: dict[int, float] = {}
    again, before = False, None
    for line, at in timed:
        clock = day_start + timedelta(seconds=after_first(at))
        back = next((change for change in backs if change.repeats(clock)), None)
        if back is not None and not again:
            if before is not None and back.repeats(before) and clock < before:
                again = True  # back by less than the change, within its hour: the clock
            else:
                first_round, second_round = read(clock), read(clock.replace(fold=1))
                again = _off(second_round, session) < _off(first_round, session)
        placed[line] = read(clock.replace(fold=int(again and back is not None))).timestamp()
        before = clock
    return placed


def _off(moment: datetime, session: tuple[float, float]) -> float:
    """How far a moment is from the session (0 within it)."""
    stamp = moment.timestamp()
    return _gap(stamp, stamp, *session)


def clock_went_back(log: ChatLog, timeline: Timeline) -> Callable[[float, float], bool]:
    """Whether a chat's time going back from one time of day to another is the session
    zone's clocks going back (summer time ending), not a second meeting in the file: back by
    no more than the change, both times within the hour the clocks go back over, on a night
    they did so near the session."""
    start = timeline.session_start
    if not log.clock or start is None:
        return lambda before, after: False
    day = timedelta(days=1)
    backs = [
        change
        for change in clock_changes(start, start - day, (timeline.end or start) + day)
        if change.by > timedelta(0)
    ]

    def seconds(clock: datetime) -> float:
        return clock.hour * 3600 + clock.minute * 60 + clock.second

    spans = [(seconds(c.wall - c.by), seconds(c.wall - c.by) + c.by.total_seconds()) for c in backs]
    return lambda before, after: any(low <= after < before < high for low, high in spans)


def _gap(start: float, end: float, low: float, high: float) -> float:
    """How far apart two spans of time are (0 when they overlap)."""
    return max(0.0, low - end, start - high)


def nearest_day(anchor: datetime, seconds_of_day: float, end: datetime) -> datetime:
    """The time of day, a clock time of the session's zone, on the anchor's day, the day
    before or the day after (the first or second time round, on the night the clocks go
    back): whichever falls within [anchor, end], else the closest to it."""
    read = clock_reader(anchor)
    midnight = anchor.replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    low, high = anchor.timestamp(), end.timestamp()
    best, best_gap = anchor, float("inf")
    for day in (0, -1, 1):
        clock = midnight + timedelta(days=day, seconds=seconds_of_day)
        for fold in (0, 1):
            moment = read(clock.replace(fold=fold))
            stamp = moment.timestamp()
            gap = 0.0 if low <= stamp <= high else min(abs(stamp - low), abs(stamp - high))
            if gap < best_gap:
                best, best_gap = moment, gap
    return best


def shown_at(timeline: Timeline) -> Callable[[float], datetime]:
    """A chat message's timestamp as the session's clock showed it: on the start's offset,
    or by the session zone's clock where it changed near the session (01:00:05 GMT, after
    01:59:45 BST)."""
    start = timeline.session_start
    tz = start.tzinfo if start else None
    if start is None:
        return lambda stamp: datetime.fromtimestamp(stamp, tz)
    day = timedelta(days=1)
    if not clock_changes(start, start - day, (timeline.end or start) + day):
        return lambda stamp: datetime.fromtimestamp(stamp, tz)
    zone = session_zone(start)
    return lambda stamp: zone(datetime.fromtimestamp(stamp, tz))
