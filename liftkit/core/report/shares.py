"""Whole percentages that add up: the shares of a breakdown or a poll; and a headline
figure (a percentage, an average score) rounded on its own, half up."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal


def largest_remainder(counts: Sequence[int], total: int = 100) -> list[int]:
    """Whole shares of `total` in proportion to counts: equal counts get equal shares, and
    the shares add up to `total` unless no choice that keeps such ties can.

    Each gets the floor of its exact share; the points left go to all the items of one count
    at once, the largest remainders first, as far as the points left can be used up: 15, 7,
    2, 2 of 26 people is 57, 27, 8, 8 (the two 2s take the last two points together, where
    58, 27, 7, 7 made 99). When no choice uses them all, as many as can be are given (1, 1,
    1 is 33, 33, 33: a total of 99, not 34, 33, 33). A larger count never gets a smaller
    share, and no share is more than a point from the exact one.
    """
    whole = sum(counts)
    if whole == 0:
        return [0] * len(counts)
    floors = [c * total // whole for c in counts]
    missing = total - sum(floors)
    same: dict[int, list[int]] = {}
    for i, count in enumerate(counts):
        same.setdefault(count, []).append(i)
    # Counts whose shares round down to the same floor: a point may go to a count only when
    # it goes to every larger count of the run too, or the larger would show less.
    runs: list[list[int]] = []
    for count in sorted(same):
        if not runs or count * total // whole != runs[-1][0] * total // whole:
            runs.append([])
        runs[-1].append(count)
    # points given -> (closeness to the exact shares, counts given a point)
    best: dict[int, tuple[int, tuple[int, ...]]] = {0: (0, ())}
    for run in runs:
        choices: list[tuple[int, int, tuple[int, ...]]] = [(0, 0, ())]
        for k in range(1, len(run) + 1):
            count = run[-k]
            if count * total % whole == 0:
                break  # an exact share takes no point
            items = len(same[count])
            gain = items * (2 * (count * total % whole) - whole)
            points, value, given = choices[-1]
            choices.append((points + items, value + gain, (*given, count)))
        grown: dict[int, tuple[int, tuple[int, ...]]] = {}
        for used, (value, given) in best.items():
            for points, gain, counts_given in choices:
                if used + points <= missing:
                    option = (value + gain, given + counts_given)
                    if used + points not in grown or option[0] > grown[used + points][0]:
                        grown[used + points] = option
        best = grown
    for count in best[max(best)][1]:
        for i in same[count]:
            floors[i] += 1
    return floors


def whole_percent(count: int, total: int) -> int:
    """`count` of `total` as a whole percentage rounded on its own, half up (3 of 7 is 43%):
    a headline figure, where a table's shares are bent to add up to 100 (its 42%)."""
    return (200 * count + total) // (2 * total) if total > 0 else 0


def half_up(value: float, places: int) -> Decimal:
    """`value` to `places` decimal places, half up, as people round (4.25 is 4.3, where
    Python's round, half to even, made it 4.2), from its shortest written form (4.45 is 4.5),
    with no trailing zeros (5, not 5.0) and no -0."""
    step = Decimal(1).scaleb(-places)
    return (Decimal(repr(value)).quantize(step, ROUND_HALF_UP) + 0).normalize()
