"""The time of a breakout of several rounds (`rounds = 2`), which share its time equally: the
round being held, the time left in it, and when its warnings fall due."""

from __future__ import annotations

from liftkit.core.agenda.model import Segment


def rounds_of(segment: Segment) -> int:
    """How many rounds share the segment's time (1 but in a breakout of several)."""
    return segment.rounds if segment.kind == "breakout" else 1


def round_held(segment: Segment, duration: float, elapsed: float) -> tuple[int, float]:
    """(the round being held, from 1, and the seconds left in it) `elapsed` running seconds
    into a segment of `duration`; (0, the segment's time left) in one of a single round."""
    rounds = rounds_of(segment)
    if rounds < 2 or duration <= 0:
        return 0, duration - elapsed
    each = duration / rounds
    k = min(int(max(elapsed, 0.0) // each), rounds - 1)
    return k + 1, (k + 1) * each - elapsed  # the last round's end is the segment's


def round_warnings(segment: Segment, duration: float, held: int) -> tuple[int, ...]:
    """The warnings that apply in round `held` (0: a segment of a single round): before a
    round's end but the last's, those shorter than a round."""
    rounds = rounds_of(segment)
    if held in (0, rounds):
        return segment.warn
    return tuple(w for w in segment.warn if w < duration / rounds)


def warning_points(segment: Segment, duration: float) -> list[tuple[int, float, int]]:
    """When a segment's warnings fall due: (round, seconds before the segment's end, the
    warning's seconds), soonest first. Its own warnings and its time-up (round 0); in a
    breakout of several rounds those of each round's end but the last's (its warnings
    shorter than a round) too."""
    points = [(0, float(w), w) for w in (*segment.warn, 0)]
    rounds = rounds_of(segment)
    if rounds > 1:
        each = duration / rounds
        for r in range(1, rounds):
            end = (rounds - r) * each  # round r ends this long before the segment
            points += [(r, end + w, w) for w in (*segment.warn, 0) if w < each]
    return sorted(points, key=lambda point: -point[1])
