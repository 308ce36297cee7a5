"""Values laid whole on plexes: sets of a design's points that meet every group of every
round equally often (geometry.SHARED_PLEXES, the blocks of the second pair of Latin squares
of order 10), so that a value of exactly m a group is m in every group by construction;
then the colouring (balance.py) from there (colour_on_plexes)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

from liftkit.core.groups.balance import balance_points, column_first
from liftkit.core.groups.colouring import balance_penalty
from liftkit.core.groups.search import Problem

Plexes = Sequence[tuple[int, list[int]]]  # (times in every group, its points)


def on_plexes(problem: Problem, order: list[int],
              plexes: Plexes) -> tuple[list[int], list[list[int]]]:  # fmt: skip
    """(order, pinned points per column): the people of values of the first column that must
    be exactly m a group laid on plexes whose sizes add up to m (as many such people as can
    be), then those of each other value, most people first, on plexes left adding up to at
    most its least count a group. Only the first are pinned; the others are where the tabu
    search starts (100 people of eight organisations of 22 down to 5: 0 repeats with seeds
    1-4, 40-51 without). Exact values of later columns follow (_exact_later)."""
    values, bands = problem.columns[0], problem.bands[0]
    exact = _exact_values(bands)
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
    new = [p if p >= 0 else next(others) for p in new]
    return new, [sorted(pinned), *_exact_later(problem, new, plexes)]


def _exact_later(problem: Problem, order: list[int], plexes: Plexes) -> list[list[int]]:
    """Per column after the first, the points where its values of exact counts now stand
    (`order` changed in place): the people of such a value, if they share the values of
    the columns before, swap onto plexes whose points all hold people who share them too,
    so no earlier count changes (a facilitator at each of 10 tables, laid first, and an
    organisation of 10, one a table, on another common transversal)."""
    pinned: list[list[int]] = []
    for c in range(1, len(problem.columns)):
        values = problem.columns[c]
        kind = [tuple(column[p] for column in problem.columns[:c]) for p in range(problem.people)]
        taken: list[int] = []
        free = list(range(len(plexes)))
        for want, v in _exact_values(problem.bands[c]):
            people = [p for p in range(problem.people) if values[p] == v]
            kinds = {kind[p] for p in people}
            if len(kinds) != 1:
                continue
            fits = [b for b in free if all(kind[order[x]] in kinds for x in plexes[b][1])]
            pick = next((pick for r in range(1, len(fits) + 1)
                         for pick in itertools.combinations(fits, r)
                         if sum(plexes[b][0] for b in pick) == want), None)  # fmt: skip
            targets = sorted(x for b in pick or () for x in plexes[b][1])
            if pick is None or len(targets) != len(people):
                continue
            free = [b for b in free if b not in pick]
            on = set(targets)
            point_of = {p: x for x, p in enumerate(order)}
            away = [point_of[p] for p in people if point_of[p] not in on]
            for x in targets:
                if values[order[x]] != v:
                    y = away.pop()
                    order[x], order[y] = order[y], order[x]
            taken.extend(targets)
        pinned.append(sorted(taken))
    return pinned


def exact_in(problem: Problem, c: int) -> bool:
    """Whether some value of --balance column c must be exactly so many in every group."""
    return bool(_exact_values(problem.bands[c]))


def any_exact(problem: Problem) -> bool:
    """Whether some value of some --balance column must be exactly so many (one or more)
    in every group."""
    return any(exact_in(problem, c) for c in range(len(problem.columns)))


def exact_counts(problem: Problem) -> list[int]:
    """How many a group, for each value of any --balance column that must be exactly so
    many (one or more) in every group and is not simply the rest of its column: with
    every value of a column exact (a facilitator at each of 10 tables of 10), its largest
    takes the places the others leave."""
    counts = []
    for bands in problem.bands:
        exact = _exact_values(bands)
        counts += [count for count, _ in exact[len(exact) == len(bands) :]]
    return counts


def _exact_values(bands: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(count a group, value) of the values that must be exactly so many (one or more) in
    every group, most first."""
    return sorted(((low, v) for v, (low, high) in enumerate(bands) if low == high >= 1),
                  reverse=True)  # fmt: skip


def colour_on_plexes(problem: Problem, used: list[list[list[int]]], order: list[int],
                     rng: random.Random, budget: int, plexes: Plexes) -> list[int]:  # fmt: skip
    """The best colouring from values of exactly m a table laid on the plexes, their column
    first (100 people of 34/33/33 and regions of 50/30/20 at 10 tables: 69-70 repeats
    otherwise); with two such columns, each first in turn, until one settles (facilitators
    drawn from three organisations of 10 that must each be once a table: laid first they
    leave those organisations out, 113 repeats for 24/23/23/10/10/10 with seed 2)."""
    best, least = order, -1
    for c in [c for c in range(len(problem.columns)) if exact_in(problem, c)][:2] or [0]:
        laid_on = column_first(problem, c)
        start, pinned = on_plexes(laid_on, order, plexes)
        tried = balance_points(laid_on, used, start, rng, budget, pinned)
        left = balance_penalty(problem, used, tried)
        if least < 0 or left < least:
            best, least = tried, left
        if not left:
            break
    return best
