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
        self._new: list[tuple[Hashable, float, Hashable, bool]] = []  # this log's, for later
        # Who said the same words in earlier logs (their keys), and whether it was "Me"
        self._by_words: dict[Hashable, dict[Hashable, bool]] = {}

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

    def repeated(
        self, key: Hashable, stamp: float, words: Hashable = None, mine: bool = False
    ) -> bool:
        """Whether an earlier log said this within WINDOW seconds of `stamp` (each earlier
        message once); if not, it is kept for the logs after this one. `words`: what was
        said, whoever said it; `mine`: the log names its saver's messages "Me" (Zoom's "From
        Me"), and this is one. A message from Me is an earlier log's with the same words
        from anyone (the host's own, under their name in a co-host's log), and a message is
        an earlier log's with the same words from Me: the nearest in time."""
        if self._take(key, stamp):
            return True
        nearest: tuple[float, Hashable] | None = None
        for other, other_mine in self._by_words.get(words, {}).items() if words else ():
            if other == key or not (mine or other_mine):
                continue
            free = self._free_of(other)
            i = self._near(free, stamp)
            if i >= 0 and (nearest is None or abs(free[i] - stamp) < nearest[0]):
                nearest = abs(free[i] - stamp), other
        if nearest is not None:
            free = self._free_of(nearest[1])
            del free[self._near(free, stamp)]
            return True
        self._new.append((key, stamp, words, mine))
        return False

    def _free_of(self, key: Hashable) -> list[float]:
        free = self._free.get(key)
        if free is None:
            free = self._free[key] = list(self._earlier.get(key, ()))
        return free

    @staticmethod
    def _near(free: list[float], stamp: float) -> int:
        """The index of the earlier time nearest `stamp` within WINDOW seconds, or -1."""
        i = bisect_left(free, stamp)
        near = [j for j in (i - 1, i) if 0 <= j < len(free) and abs(free[j] - stamp) <= WINDOW]
        return min(near, key=lambda j: abs(free[j] - stamp)) if near else -1

    def _take(self, key: Hashable, stamp: float) -> bool:
        free = self._free_of(key)
        i = bisect_left(free, stamp - WINDOW)
        if i < len(free) and free[i] <= stamp + WINDOW:
            del free[i]
            return True
        return False

    def log_read(self) -> None:
        """The log is read: its messages that no earlier log held count for the next."""
        for key, stamp, words, mine in self._new:
            insort(self._earlier.setdefault(key, []), stamp)
            if words is not None:
                self._by_words.setdefault(words, {})[key] = mine
        self._new.clear()
        self._free.clear()


def hours_text(seconds: float) -> str:
    """4 hours, 1 hour, 5.5 hours."""
    hours = abs(seconds) / 3600
    shown = f"{hours:g}"
    return f"{shown} hour" if hours == 1 else f"{shown} hours"
