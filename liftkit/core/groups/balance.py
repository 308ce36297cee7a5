"""--balance on top of a design: hand out its points so that every value is spread evenly.

For balance, people with the same values are interchangeable, so the question is which
values stand on which points: a colouring of the design's points in which each group of
every round holds each value within its band. With one --balance column (and some value
allowed twice or more in a group) tabu.py's search colours them, then people of the same
value swap points until nobody shares a group with someone kept apart. With several, the
first is coloured so, then each next one by the same search among points whose people share
the values of the columns before, which keeps those in band (_by_columns). Otherwise
colouring.py's descents and annealing do both. Repeats are untouched: a design has none,
whoever stands where.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from liftkit.core.groups.colouring import (
    NOISE,
    RIGID,
    STALL,
    Colouring,
    anneal,
    balance_penalty,
    descend,
    frozen_points,
)
from liftkit.core.groups.search import Problem
from liftkit.core.groups.tabu import own_generator, tabu_colouring

TABU_PEOPLE = 200  # people up to whom one --balance column goes to tabu.py
TABU_LARGE = 1000  # and up to whom it is tried where the descents fall short (settle_large)
LARGE_SHARE = 4  # with this many times the budget, times the people over TABU_PEOPLE
PACKED_SHARE = 16  # of the budget, for one descent from a packing before the tabu search
EXACT_SHARE = 4  # of it for the tabu search when a value must be exactly two or more a group
APART_SHARE = 4  # of it for keeping people apart by swaps within a value, after the tabu search
LATER_SHARE = 2  # of it for the columns after the first, with several --balance columns
PATIENCE = 1_000  # steps without a better colouring after which those stop


def balance_points(
    problem: Problem,
    rounds: Sequence[Sequence[Sequence[int]]],
    order: list[int],
    rng: random.Random,
    budget: int,
    pinned: Sequence[Sequence[int]] = (),
) -> list[int]:
    """A new `order` (point -> person) with every --balance value in band and --apart held
    (`pinned[c]` points keep their value of column c in the tabu search).

    One column, up to TABU_PEOPLE people and some value allowed twice or more in a group
    (_tabu_fits): tabu.py's search, then keep-apart sets (_by_tabu). Otherwise descents
    spend the budget of weighed swaps: one that stalls starts again from a shuffled order
    (the last few problems are often locked in place); the best order found wins. If none
    settles, simulated annealing spends a quarter as much again, and wins if it settles:
    tight bands on every value leave the descents a few counts short, where annealing
    sometimes gets there. When `order` holds a packing (cliques.py), which descents break
    and annealing keeps, descents get a quarter of the budget (they settle such a start at
    once or not at all) and annealing, from the packing, half; otherwise annealing starts
    from the descents' best.
    """
    if not problem.columns and not any(problem.apart):
        return order
    # A packing (cliques.py) in `order` is what the descents break and annealing keeps.
    frozen = frozen_points(Colouring(problem, rounds, order[:]))
    packed = any(frozen)
    if _tabu_fits(problem):
        return _by_tabu(problem, rounds, order, rng, budget, frozen, pinned[0] if pinned else ())
    if len(problem.columns) > 1 and first_column_fits(problem):
        return _by_columns(problem, rounds, order, rng, budget, pinned)
    best, best_total, left = order, -1, budget // 4 if packed else budget
    start = order[:]
    while left > 0:
        found, total, spent = descend(problem, rounds, start, rng, left)
        left -= spent
        if best_total < 0 or total < best_total:
            best, best_total = found, total
        if best_total == 0:
            return best
        start = order[:]
        rng.shuffle(start)
    if any(low == high > 1 for bands in problem.bands for low, high in bands):
        # A value with exactly two or more a group (50 people of each of two organisations at
        # 10 tables: five and five): annealing never settled one in trials, so none is spent.
        return best
    steps = (budget // 2 if packed else budget // 4) // max(1, len(rounds))  # weighed a round
    start = order if packed else best
    annealed, total = anneal(problem, rounds, start, own_generator(start), steps)
    settled = total == 0 and balance_penalty(problem, rounds, annealed) == 0  # recounted
    return annealed if settled else best


def settle_large(problem: Problem, rounds: Sequence[Sequence[Sequence[int]]],
                 order: list[int], budget: int) -> list[int] | None:  # fmt: skip
    """tabu.py's colouring from `order` for more than TABU_PEOPLE people (up to TABU_LARGE,
    no value at most once a group), for start.py to try where the descents left a design
    out of band; None when not tried.

    1,000 people at 34 tables of 30 for 4 rounds, balanced on organisation and region: the
    descents left 760 counts out, the greedy rounds then 533 repeats in 2.9 s; this settles
    the design, 0 repeats in 0.6 s. Its steps weigh every point against every value, so its
    budget grows with the people.
    """
    if not TABU_PEOPLE < problem.people <= TABU_LARGE:
        return None
    if any(band == (0, 1) for bands in problem.bands for band in bands):
        return None  # a value at most once a group: a packing, which tabu.py breaks
    large = budget * LARGE_SHARE * problem.people // TABU_PEOPLE
    own = own_generator(order)
    if len(problem.columns) > 1:
        return _by_columns(problem, rounds, order, own, large, (), first_settled=True)
    frozen = frozen_points(Colouring(problem, rounds, order[:]))
    return _by_tabu(problem, rounds, order, own, large, frozen, (), PATIENCE)


def _tabu_fits(problem: Problem) -> bool:
    """Whether tabu.py colours this problem: one --balance column, up to TABU_PEOPLE
    people, and some value allowed twice or more in a group. When every value is allowed
    at most once (21 people of six sectors in 7 trios), the colouring is a packing of
    cliques (cliques.py) that descents and annealing keep and tabu.py breaks: 30 people of
    six sectors of 5 in 6 rooms, keep-apart sets on a fifth, ended with 46-47 repeats for
    two seeds of six, where they keep 28-30."""
    return len(problem.columns) == 1 and first_column_fits(problem)


def column_first(problem: Problem, c: int) -> Problem:
    """The same problem with --balance column c first (each keeps its weight and bands)."""
    rest = [d for d in range(len(problem.columns)) if d != c]
    return replace(problem, columns=[problem.columns[d] for d in [c, *rest]],
                   bands=[problem.bands[d] for d in [c, *rest]],
                   column_weights=[problem.column_weights[d] for d in [c, *rest]])  # fmt: skip


def first_column_fits(problem: Problem) -> bool:
    """Whether tabu.py colours the first --balance column: up to TABU_PEOPLE people, and
    some value of it allowed twice or more in a group."""
    return problem.people <= TABU_PEOPLE and any(high > 1 for _, high in problem.bands[0])


def _by_columns(problem: Problem, rounds: Sequence[Sequence[Sequence[int]]], order: list[int],
                rng: random.Random, budget: int, pinned: Sequence[Sequence[int]],
                first_settled: bool = False) -> list[int]:  # fmt: skip
    """Several --balance columns: the first coloured alone (_by_tabu), then each next one
    by tabu.py's search among points whose people share the values of those before, which
    leaves their counts as they are; then keep-apart sets, by swaps within all values, and
    a descent over every column for what is left. The descents over every column at once
    rarely settled (100 people of eight organisations and four regions at 10 tables for 4
    rounds: 80-85 repeats after greedy rounds); this settles it at once. A later column
    stops after PATIENCE steps without a better colouring: in 130 that settled (host splits
    and 20 mixes of organisations and regions), the longest wait was 1,895 steps and 90 %
    waited at most 454; 500 lost two of the three seeds of 100 at 10 tables. With
    `first_settled`, it stops when the first column is left out of band (settle_large)."""
    n, columns = problem.people, len(problem.columns)
    alone = replace(problem, columns=problem.columns[:1], bands=problem.bands[:1],
                    column_weights=problem.column_weights[:1],
                    apart=[[] for _ in range(n)])  # fmt: skip
    frozen = frozen_points(Colouring(alone, rounds, order[:]))
    order = _by_tabu(alone, rounds, order, rng, budget // 2, frozen, pinned[0] if pinned else (),
                     PATIENCE if first_settled else 0)  # fmt: skip
    if first_settled and balance_penalty(alone, rounds, order):
        return order  # the later columns' swaps leave the first column's counts as they are
    share = budget // LATER_SHARE // (columns - 1)
    order = _later_columns(problem, rounds, order, rng, share, pinned)
    if any(problem.apart):
        order = _apart_within_values(problem, rounds, order, rng, budget // APART_SHARE)
        left = balance_penalty(problem, rounds, order)
        if left:
            # People of one value of every column are few (100 people of eight
            # organisations and four regions: 1 to 7): swaps within the first column's
            # values, weighing the others, keep more apart; those swaps moved the later
            # columns' values, so they are coloured again with everyone kept apart held
            # where they are (with start._worth, seeds 3-4 at 10 tables for 4 rounds: 4
            # and 4 repeats, 80 and 45 before)
            found = _apart_within_values(problem, rounds, order, rng, budget // APART_SHARE, 1)
            if balance_penalty(problem, rounds, found) < left:
                order = _later_columns(problem, rounds, found, rng, share, pinned, held=True)
    left = balance_penalty(problem, rounds, order)
    if left:
        found, total, _ = descend(problem, rounds, order, rng, budget // 4)
        if total < left:
            order = found
    return order


def _later_columns(problem: Problem, rounds: Sequence[Sequence[Sequence[int]]],
                   order: list[int], rng: random.Random, budget: int,
                   pinned: Sequence[Sequence[int]], held: bool = False) -> list[int]:  # fmt: skip
    """`order` with each column after the first coloured by tabu.py's search among points
    whose people share the values of the columns before (`pinned[c]` stay where they are;
    with `held`, so does everyone in an apart set, so that nobody kept apart meets again)."""
    n = problem.people
    held_points = [x for x in range(n) if problem.apart[order[x]]] if held else []
    for c in range(1, len(problem.columns)):
        kinds: dict[tuple[int, ...], int] = {}
        kind = [
            kinds.setdefault(tuple(values[order[x]] for values in problem.columns[:c]), len(kinds))
            for x in range(n)
        ]
        still = sorted({*(pinned[c] if c < len(pinned) else ()), *held_points})
        order = tabu_colouring(problem, rounds, order, rng, budget, still, c, kind, PATIENCE)[0]
    return order


def _by_tabu(problem: Problem, rounds: Sequence[Sequence[Sequence[int]]], order: list[int],
             rng: random.Random, budget: int, frozen: list[int],
             pinned: Sequence[int], patience: int = 0) -> list[int]:  # fmt: skip
    """The best order tabu.py finds, after one short descent when `order` holds a packing
    (a descent settles one at once or not at all, and the tabu search moves its points:
    49 people of eight organisations in 7 groups for 6 rounds, seed 2, settled by the
    descent in 0.1 s, not by the tabu search in 2 s). A value that must be in every group
    exactly once keeps the points of its packing; the others move. With a value that must
    be exactly two or more a group (five organisations of 20 at 10 tables) it rarely
    settles, so it gets a quarter of the budget, unless all such values are `pinned`
    (start.py lays them on plexes of the Latin squares: 40, 30, 20 and 10 people). Annealing
    from its best never settled a colouring in trials, so none is spent. Keep-apart sets
    come last: swaps within a value (_apart_within_values), then a descent if some are
    left."""
    if any(frozen):
        found, total, _ = descend(problem, rounds, order, rng, budget // PACKED_SHARE)
        if total == 0:
            return found
    still = {x for x, kept in enumerate(frozen) if kept == RIGID} | set(pinned)
    bands, values = problem.bands[0], problem.columns[0]
    loose = {values[order[x]] for x in range(problem.people) if x not in still}
    share = EXACT_SHARE if any(bands[v][0] == bands[v][1] > 1 for v in loose) else 1
    order = tabu_colouring(problem, rounds, order, rng, budget // share, sorted(still),
                           patience=patience)[0]  # fmt: skip
    if any(problem.apart):
        order = _apart_within_values(problem, rounds, order, rng, budget // APART_SHARE)
        left = balance_penalty(problem, rounds, order)
        if left:  # a descent may move someone to another value's point and back
            found, total, _ = descend(problem, rounds, order, rng, budget // APART_SHARE)
            if total < left:
                order = found
    return order


def _apart_within_values(
    problem: Problem,
    rounds: Sequence[Sequence[Sequence[int]]],
    order: list[int],
    rng: random.Random,
    budget: int,
    columns: int | None = None,
) -> list[int]:
    """`order` with people of the same --balance value swapped until nobody shares a group
    with someone kept apart: such swaps leave every count as it is. A min-conflicts search:
    a person in a group with someone kept apart swaps with whoever of their value does
    best, if no worse, and one step in NOISE with any of them; it stops after STALL // 3
    steps without fewer people in a group with someone kept apart (the points of a value
    may not hold an apart set of it at all). With `columns`, people who share the values of
    the first so many columns swap, weighing what the swap does to the others."""
    colouring = Colouring(problem, rounds, order[:])
    key = problem.columns[:columns]

    def values(x: int) -> tuple[int, ...]:  # of those columns, of the person on point x
        return tuple(column[colouring.order[x]] for column in key)

    points: dict[tuple[int, ...], list[int]] = {}
    for x in range(problem.people):
        points.setdefault(values(x), []).append(x)
    weighed, step, fewest, last_fewer = 0, 0, -1, 0
    while weighed < budget and step - last_fewer < STALL // 3:
        step += 1
        found = colouring.together_apart()
        if not found:
            break
        if fewest < 0 or len(found) < fewest:
            fewest, last_fewer = len(found), step
        _, x, _ = found[rng.randrange(len(found))]
        others = [y for y in points[values(x)] if y != x]
        if not others:
            break
        weighed += len(others) * len(rounds)
        if rng.randrange(NOISE) == 0:
            colouring.swap(x, others[rng.randrange(len(others))])
            continue
        rng.shuffle(others)
        change, y = min((colouring.swap_change(x, y), y) for y in others)
        if change <= 0:
            colouring.swap(x, y)
    return colouring.order
