"""The time of a breakout of several rounds (`rounds = 2`): each round's length (an equal
share of the segment's planned time, plus what `+` and `-` gave or took while it was held),
the round being held, the time left in it, and when its warnings fall due."""

from __future__ import annotations

from collections.abc import Sequence

from liftkit.core.agenda.model import Segment

# seconds: a round's end this close has come (a sum of clock readings comes out a rounding
# short of the sum of the lengths)
SLACK = 1e-6


def rounds_of(segment: Segment) -> int:
    """How many rounds share the segment's time (1 but in a breakout of several)."""
    return segment.rounds if segment.kind == "breakout" else 1


def round_lengths(segment: Segment, added: Sequence[float] = ()) -> tuple[float, ...]:
    """The seconds of each round of `segment`: an equal share of its planned time, plus the
    seconds `added` to that round (one per round; none: as planned)."""
    rounds = rounds_of(segment)
    each = segment.duration / rounds
    added = tuple(added) or (0.0,) * rounds
    return tuple(max(each + more, 0.0) for more in added)


def shares(lengths: Sequence[float], count: int) -> tuple[float, ...]:
    """`lengths` for a breakout's `count` rounds of rooms: those of a split of another count
    than the segment's rounds share its time equally."""
    if len(lengths) == count or count < 1:
        return tuple(lengths)
    return (sum(lengths) / count,) * count


def round_held(lengths: Sequence[float], elapsed: float) -> tuple[int, float]:
    """(the round being held, from 1, and the seconds left in it) `elapsed` running seconds
    into a segment whose rounds last `lengths`; (0, the segment's time left) in one of a
    single round."""
    total = sum(lengths)
    if len(lengths) < 2 or total <= 0:
        return 0, total - elapsed
    end = 0.0
    for held, length in enumerate(lengths[:-1], start=1):
        end += length
        if elapsed + SLACK < end:
            return held, end - elapsed
    return len(lengths), total - elapsed  # the last round's end is the segment's


def time_taken(seconds: float, left: float) -> float:
    """What `+` or `-` of `seconds` gives: a `-` takes no more than the time `left` (in the
    round being held, in a breakout of several rounds), and nothing once it has run out."""
    return max(seconds, min(-left, 0.0))


def round_warnings(segment: Segment, lengths: Sequence[float], held: int) -> tuple[int, ...]:
    """The warnings that apply in round `held` (0: a segment of a single round): before a
    round's end but the last's, those shorter than the round."""
    if held in (0, len(lengths)):
        return segment.warn
    return tuple(w for w in segment.warn if w < lengths[held - 1])


def warning_points(segment: Segment, lengths: Sequence[float]) -> list[tuple[int, float, int]]:
    """When a segment's warnings fall due, its rounds lasting `lengths`: (round, seconds
    before the segment's end, the warning's seconds), soonest first. Its own warnings and its
    time-up (round 0); in a breakout of several rounds those of each round's end but the
    last's (its warnings shorter than the round, and the round's end) too."""
    points = [(0, float(w), w) for w in (*segment.warn, 0)]
    for r in range(1, len(lengths)):
        end = sum(lengths[r:])  # round r ends this long before the segment
        points += [(r, end + w, w) for w in (*segment.warn, 0) if w < lengths[r - 1] or not w]
    return sorted(points, key=lambda point: -point[1])
