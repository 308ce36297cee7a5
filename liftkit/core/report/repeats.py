"""What a chat log repeats of an earlier one, when several are given: the host's and a
co-host's saved chats hold the same messages, stamped by two computers' clocks.

The same author and text (or reaction) within WINDOW seconds of one in an earlier log is that
one, each earlier message standing for one repeat (within one log nothing is a repeat:
someone may post "+1" twice in a minute). A log whose messages mostly match an earlier log's
at one offset of whole or half hours was saved by a computer set to another time zone: its
times are read at that offset.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Hashable, Iterable

WINDOW = 90.0  # seconds: two clocks a second or so apart, and a save that rounded the minute
HALF_HOUR = 1800
FARTHEST = 28  # half hours: two clocks' time zones are at most 14 hours apart, mostly
TRIED = 3  # earlier times of one message tried for an offset ("+1" said often tells nothing)


class Repeats:
    """The messages of the logs read so far, to tell what a later log repeats."""

    def __init__(self) -> None:
        self._earlier: dict[Hashable, list[float]] = {}  # by what was said: when, in order
        self._free: dict[Hashable, list[float]] = {}  # not yet matched in this log
        self._new: list[tuple[Hashable, float]] = []  # this log's, for the logs after it

    def offset(self, said: Iterable[tuple[Hashable, float]]) -> tuple[float, int]:
        """The whole or half hours by which a log's messages (`said`: what, when) come after
        an earlier log's same messages, and how many match so: (0, 0) unless more than half
        do, and more than match with no offset."""
        counts: Counter[int] = Counter()
        total = 0
        for key, stamp in said:
            total += 1
            earlier = self._earlier.get(key)
            if not earlier or len(earlier) > TRIED:
                continue
            steps = set()
            for then in earlier:
                step = round((stamp - then) / HALF_HOUR)
                if abs(step) <= FARTHEST and abs(stamp - then - step * HALF_HOUR) <= WINDOW:
                    steps.add(step)
            counts.update(steps)
        if not counts:
            return 0.0, 0
        step, matched = counts.most_common(1)[0]
        if step == 0 or matched * 2 <= total or matched <= counts[0]:
            return 0.0, 0
        return float(step * HALF_HOUR), matched

    def repeated(self, key: Hashable, stamp: float) -> bool:
        """Whether an earlier log said this within WINDOW seconds of `stamp` (each earlier
        message once); if not, it is kept for the logs after this one."""
        free = self._free.get(key)
        if free is None:
            free = self._free[key] = list(self._earlier.get(key, ()))
        i = bisect_left(free, stamp - WINDOW)
        if i < len(free) and free[i] <= stamp + WINDOW:
            del free[i]
            return True
        self._new.append((key, stamp))
        return False

    def log_read(self) -> None:
        """The log is read: its messages that no earlier log held count for the next."""
        for key, stamp in self._new:
            insort(self._earlier.setdefault(key, []), stamp)
        self._new.clear()
        self._free.clear()


def hours_text(seconds: float) -> str:
    """4 hours, 1 hour, 5.5 hours."""
    hours = abs(seconds) / 3600
    shown = f"{hours:g}"
    return f"{shown} hour" if hours == 1 else f"{shown} hours"
