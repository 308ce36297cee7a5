"""Clock times as hosts type them (14:00) and as liftkit shows them."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from liftkit.core.errors import LiftkitError
from liftkit.core.zones import clock_reader

_HHMM = re.compile(r"(\d{1,2})[:.h](\d{2})(?::(\d{2}))?")


def parse_clock(text: str, option: str, seconds: bool = False) -> time:
    """A clock time, "14:00" or "14:05:30"; `seconds`: the option asks for them (HH:MM:SS)."""
    match = _HHMM.fullmatch(text.strip())
    if match:
        h, m, s = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
        if h < 24 and m < 60 and s < 60:
            return time(h, m, s)
    hint = "write it as HH:MM:SS, e.g. 14:05:30" if seconds else "write it as HH:MM, e.g. 14:00"
    raise LiftkitError(f'{option}: "{text}" is not a clock time', hint)


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
