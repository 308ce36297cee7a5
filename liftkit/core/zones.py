"""The session's time zone: the host's, as the session's start was stamped.

Every time liftkit shows of a session is in it, wherever it is read or carried on: a
`liftkit view` or an export in New York of a session held in London says London's times, as
the host's screen does, and a resume on a laptop set to Delhi's time stamps London's. One
screen, one pack, one zone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta


def session_zone(start: datetime | None) -> Callable[[datetime], datetime]:
    """What turns a moment into the session's clock time, for a session that began at
    `start` (as stamped, with its offset). Where this computer's zone had that offset at the
    start (the host's computer, or one that keeps the same time), its rules give each
    moment's offset, so that the clocks going back an hour in the night are followed; anywhere
    else the start's offset holds for the whole session."""
    if start is None or start.tzinfo is None:
        return _as_is
    if _local_rules(start):
        return _local
    zone = start.tzinfo
    return lambda moment: moment.astimezone(zone) if moment.tzinfo is not None else moment


def _local_rules(start: datetime) -> bool:
    """Whether this computer's zone had the (aware) `start`'s offset at the start: the
    session's zone is then this computer's, and its rules give each moment's offset."""
    return start.astimezone().utcoffset() == start.utcoffset()


def _as_is(moment: datetime) -> datetime:
    return moment


def _local(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo is not None else moment


def clock_reader(start: datetime | None) -> Callable[[datetime], datetime]:
    """What turns a clock time read in the session's zone (a naive datetime, its `fold` 1
    for the second time round the hour the clocks go back over) into a moment: by this
    computer's rules where they are the session's (as `session_zone` decides), so that 01:30
    on the night the clocks go back is either of two moments and --start 03:00 given before
    the change is 03:00 after it; else on the start's offset."""
    if start is None or start.tzinfo is None:
        return _as_is
    if _local_rules(start):
        return _read_local
    zone = start.tzinfo
    return lambda clock: clock.replace(tzinfo=zone) if clock.tzinfo is None else clock


def _read_local(clock: datetime) -> datetime:
    return clock.astimezone()


def clock_changes(start: datetime | None, low: datetime, high: datetime) -> list[ClockChange]:
    """Where the session's zone changes its clocks between the moments `low` and `high`
    (none on a start's fixed offset): each change's clock time and by how much it went back
    (forward, below nothing)."""
    if start is None or start.tzinfo is None:
        return []
    read = session_zone(start)
    out: list[ClockChange] = []
    step = timedelta(hours=1)  # no zone changes twice within an hour: found to the second
    at = low
    while at < high:
        nxt = min(at + step, high)
        before, after = read(at).utcoffset(), read(nxt).utcoffset()
        if before is not None and after is not None and after != before:
            lo, hi = at, nxt
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                lo, hi = (mid, hi) if read(mid).utcoffset() == before else (lo, mid)
            wall = read(hi).replace(tzinfo=None, microsecond=0) + (before - after)
            out.append(ClockChange(wall, before - after))
        at = nxt
    return out


@dataclass(frozen=True)
class ClockChange:
    """The clocks changed as they reached `wall` (a clock time: 02:00 in London in October),
    going back `by` (01:00 again) or, where `by` is below nothing, forward."""

    wall: datetime
    by: timedelta

    def repeats(self, clock: datetime) -> bool:
        """Whether the clock time `clock` comes round twice (01:00 to 01:59:59 in London)."""
        return self.wall - self.by <= clock < self.wall


def start_words(start: datetime, now: datetime) -> str:
    """When a planned `start` is, seen at `now` (both in the session's zone): " at 14:00"
    today, " tomorrow at 14:00", else its date (" on Tuesday 24 November at 14:00"): a start
    13 days past was said as if it were today's."""
    day = ""
    if start.date() != now.date():
        tomorrow = start.date() == (now + timedelta(days=1)).date()
        day = " tomorrow" if tomorrow else f" on {start:%A} {start.day} {start:%B}"
        if not tomorrow and start.year != now.year:
            day += f" {start.year}"
    return f"{day} at {start:%H:%M}"
