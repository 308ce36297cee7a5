"""Values laid whole on plexes: sets of a design's points that meet every group of every
round equally often (geometry.SHARED_PLEXES, the blocks of the second pair of Latin squares
of order 10), so that a value of exactly m a group is m in every group by construction."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from liftkit.core.groups.search import Problem

Plexes = Sequence[tuple[int, list[int]]]  # (times in every group, its points)


def on_plexes(problem: Problem, order: list[int], plexes: Plexes) -> tuple[list[int], list[int]]:
    """(order, pinned points): the people of values that must be exactly m a group laid on
    plexes whose sizes add up to m (as many such people as can be), then those of each other
    value, most people first, on plexes left adding up to at most its least count a group.
    Only the first are pinned; the others are where the tabu search starts (100 people of
    eight organisations of 22 down to 5: 0 repeats with seeds 1-4, 40-51 without)."""
    values, bands = problem.columns[0], problem.bands[0]
    exact = sorted(
        ((low, v) for v, (low, high) in enumerate(bands) if low == high >= 1), reverse=True
    )
    best: list[tuple[int, tuple[int, ...]]] = []  # (value, its plexes)

    def points(chosen: list[tuple[int, tuple[int, ...]]]) -> int:
        return sum(len(plexes[b][1]) for _, picks in chosen for b in picks)

    def place(i: int, free: list[int], chosen: list[tuple[int, tuple[int, ...]]]) -> None:
        nonlocal best
        if points(chosen) > points(best):
            best = chosen[:]
        if i < len(exact):
            want, v = exact[i]
            for r in range(1, len(free) + 1):
                for pick in itertools.combinations(free, r):
                    if sum(plexes[b][0] for b in pick) == want:
                        place(i + 1, [b for b in free if b not in pick], [*chosen, (v, pick)])
            place(i + 1, free, chosen)

    place(0, list(range(len(plexes))), [])
    free = [b for b in range(len(plexes)) if all(b not in picks for _, picks in best)]
    starts: list[tuple[int, tuple[int, ...]]] = []
    for want, v in sorted(((low, v) for v, (low, high) in enumerate(bands) if 1 <= low < high),
                          reverse=True):  # fmt: skip
        taken: list[int] = []
        for b in sorted(free, key=lambda b: -plexes[b][0]):
            if plexes[b][0] + sum(plexes[c][0] for c in taken) <= want:
                taken.append(b)
        free = [b for b in free if b not in taken]
        starts.append((v, tuple(taken)))
    new = [-1] * len(order)
    for v, blocks in best + starts:
        laid = sorted(x for b in blocks for x in plexes[b][1])
        for x, p in zip(laid, (p for p in order if values[p] == v), strict=False):
            new[x] = p
    pinned = [x for _, blocks in best for b in blocks for x in plexes[b][1] if new[x] >= 0]
    placed = {p for p in new if p >= 0}
    others = (p for p in order if p not in placed)
    return [p if p >= 0 else next(others) for p in new], sorted(pinned)
