"""Clock times as hosts type them (14:00) and as liftkit shows them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta, timezone

from liftkit.core.errors import LiftkitError
from liftkit.core.zones import clock_reader

_HHMM = re.compile(r"(\d{1,2})[:.h](\d{2})(?::(\d{2}))?")


def parse_clock(text: str, option: str, seconds: bool = False, zoned: bool = False) -> time:
    """A clock time, "14:00" or "14:05:30"; `seconds`: the option asks for them (HH:MM:SS).
    `zoned`: it may end with its offset from UTC ("14:05:30+02:00", "12:05:30Z"), given as
    the time's tzinfo."""
    clock, zone = text.strip(), None
    offset = _OFFSET.search(clock) if zoned else None
    if offset is not None:
        clock, zone = clock[: offset.start()], _zone(offset)
    match = _HHMM.fullmatch(clock)
    if match and (zone is not None or offset is None):
        h, m, s = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
        if h < 24 and m < 60 and s < 60:
            return time(h, m, s, tzinfo=zone)
    hint = "write it as HH:MM:SS, e.g. 14:05:30" if seconds else "write it as HH:MM, e.g. 14:00"
    if zoned:
        hint += ", or with its offset from UTC: 14:05:30+02:00, 12:05:30Z"
    raise LiftkitError(f'{option}: "{text}" is not a clock time', hint)


# An offset from UTC after a clock time, as ISO 8601 writes it: Z, +02:00, +0200, -05.
_OFFSET = re.compile(r"(?:[Zz]|([+-])(\d{2}):?(\d{2})?)$")


def _zone(offset: re.Match[str]) -> timezone | None:
    """The zone of an offset; None for one past a day or of 60 minutes or more."""
    if offset.group(1) is None:
        return UTC
    hours, minutes = int(offset.group(2)), int(offset.group(3) or 0)
    if hours > 23 or minutes > 59:
        return None
    sign = -1 if offset.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_start(text: str, option: str, today: datetime | None = None) -> datetime:
    """A start time today (in local time) from "HH:MM", by the zone's rules: on the night
    the clocks go back, --start 03:00 given at 00:30 is 03:00 after the change, and a time
    the clocks pass twice (01:30) is the one nearer `today`'s moment."""
    clock = parse_clock(text, option)
    base = today or datetime.now().astimezone()
    read = clock_reader(base)
    naive = datetime.combine(base.date(), clock)
    rounds = (read(naive), read(naive.replace(fold=1)))
    return min(rounds, key=lambda moment: abs(moment - base))


def later(start: datetime, seconds: float) -> datetime | None:
    """`start` plus `seconds`, or None past the last date there is: a rehearsal slowed a
    billion times (--rehearse 1e-9) stretches a one-hour agenda beyond the year 9999."""
    try:
        return start + timedelta(seconds=seconds)
    except OverflowError:
        return None
