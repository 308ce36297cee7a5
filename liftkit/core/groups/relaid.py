"""Rounds after one or two held ones from a plan made afresh, laid on the rounds that took place.

--balance and facilitators ask the same of everyone of one class (a facilitator or not,
and a value in each balanced column): a plan holds them whoever of a class stands on
which of its class's points. So a plan made afresh for the people here, one round more
than those to plan, can be laid on the last held round: each room on a group of one of
its rounds with as many of each class (or as near as there is), each person on a point
of their class in it. The plan's other rounds then meet exactly the pairs it meets, those
of the held room counted, with the counts in band where the classes fit: as few repeats
as the fresh plan, where laying the held rooms on a design's round (after_held.py) leaves
counts out of band that swaps within a held room do not mend. Five organisations of 30,
25, 20, 15 and 10 people at 10 tables for 4 rounds, round 1 held: 36-45 repeats after a
design's or greedy rounds, none from a fresh plan laid on it. Keep-apart sets are left to
the search afterwards (the plan is made without them: they belong to people, not
classes). Two held rounds are laid on two of the plan's rounds that are the same up to
renaming rooms and people (paired_rounds).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from liftkit.core.groups.grids import Grid, grid, matched
from liftkit.core.groups.model import SplitRequest
from liftkit.core.groups.plan import fit_rules, searched_plan
from liftkit.core.groups.points import members_of
from liftkit.core.groups.search import Problem, Search
from liftkit.core.groups.setup import Setup, make_problem
from liftkit.core.groups.start import start_schedule

FRESH_PEOPLE = 1000  # a fresh plan is weighed for up to so many people
MENDED_PEOPLE = 150  # and beyond this, only without --balance, where a design holds all
FRESH_SLOTS = 5000  # and people times its rounds: 1,000 people at 40 tables over 4 rounds
# after one (0.3 s, and no repeat where the rounds after it repeated 5-12), not over 6 (a
# fresh plan of 7 rounds, balanced on organisation, took 2.5 s more and repeated as many)

PAIR_BUDGET = 1000  # rows tried for each pair of the fresh plan's rounds (grids.matched)

Key = tuple[int, ...]  # a person's class: facilitator or not, then each column's value


def fresh_laid(setup: Setup, problem: Problem, rounds: int, held: Sequence[Sequence[int]],
               request: SplitRequest, rng: random.Random) -> list[list[int]]:  # fmt: skip
    """`rounds` rounds (each person's group) after the held rounds `held` (one or two: each
    person's room then, -1 for someone not there) from a fresh plan of as many rounds more
    laid on them (laid_rounds, paired_rounds). None beyond FRESH_PEOPLE and FRESH_SLOTS,
    for people kept together or in rooms of their own, or when no design starts the
    fresh plan without a repeat."""
    n, k = len(setup.people), setup.groups
    if (
        n > FRESH_PEOPLE
        or n * (rounds + len(held)) > FRESH_SLOTS
        or n < 2 * k
        or any(len(unit) > 1 for unit in setup.units)
        or any(home is not None for home in problem.homes)
        # fitting a design's start to the balance of many people takes a second or two of
        # its own (1,000 people at 40 tables, 4 rounds, organisations balanced: 2.5 s
        # against 1.5 s, for 90 repeats against 98)
        or (setup.columns and n > MENDED_PEOPLE)
        # two held rounds balanced by a search are not a fresh plan's two rounds renamed
        # (their colourings differ: 100 people of five organisations at 10 tables, 32-42
        # repeats either way, 0.5 s more)
        or (setup.columns and len(held) > 1)
    ):
        return []
    keys = [(setup.facilitator[p], *(values[p] for values in setup.values)) for p in range(n)]
    colour = {key: c for c, key in enumerate(sorted(set(keys)))}
    colours = [colour[key] for key in keys]
    cells = grid(held[-1], held[-2], colours, k) if len(held) > 1 else None
    if len(held) > 1 and cells is None:
        return []  # someone new, more rooms than now, or a pair met twice: no grid to lay
    bare = replace(setup, apart_sets=[], notes=[])  # its notes are not this split's
    planned = rounds + len(held)
    fresh = make_problem(bare, [None] * planned)
    loose, fits = fit_rules(fresh, planned, -(-n // k))
    start = start_schedule(bare, fresh, planned, [], rng, request.effort, fits)
    started = Search(fresh, start, rng)
    if started.repeat_cost() or (started.cost and n > MENDED_PEOPLE):
        # No design for the fresh plan either: it would repeat about as many pairs as the
        # rounds after the held one, for twice the time (150 people at 15 tables for 10
        # rounds, 1 held: 701-705 repeats either way, 2.9 s against 0.9 s); or a design
        # a search must mend, slow for many people
        return []
    plan = searched_plan(bare, fresh, start, request, rng, loose, []).grp
    if cells is None:
        return laid_rounds(keys, plan, held[0], k, rng, problem.apart)
    return paired_rounds(colours, cells, plan, held[-1], held[-2], k)


def paired_rounds(colours: Sequence[int], held: Grid, plan: Sequence[Sequence[int]],
                  last: Sequence[int], before: Sequence[int],
                  k: int) -> list[list[int]]:  # fmt: skip
    """The rounds of `plan` but two, laid on two held rounds (`before`, then `last`; `held`
    their grid, each person's class a colour) that are two of its rounds with rooms and
    people renamed, each person on a point of their class (grids.matched); none when no
    two of its rounds are so. Every pair who met in
    the held rounds met in those two, so the other rounds meet them no more than the plan
    does. 90 people at 10 tables with a table host at each, a café reshuffled in its
    third round: 22 repeats over three seeds before, none where the hosts' cells cross
    the empty ones as in some pair of the plan's rounds."""
    n = len(colours)
    for a, b in itertools.permutations(range(len(plan)), 2):
        fresh = grid(plan[a], plan[b], colours, k)
        found = matched(held, fresh, PAIR_BUDGET) if fresh is not None else None
        if found is not None:
            pi, tau = found
            point = {(plan[a][x], plan[b][x]): x for x in range(n)}
            stands = [point[pi[last[p]], tau[before[p]]] for p in range(n)]
            return [[plan[r][stands[p]] for p in range(n)]
                    for r in range(len(plan)) if r not in (a, b)]  # fmt: skip
    return []


def laid_rounds(keys: Sequence[Key], plan: Sequence[Sequence[int]], held: Sequence[int], k: int,
                rng: random.Random,
                apart: Sequence[Sequence[int]] = ()) -> list[list[int]]:  # fmt: skip
    """The rounds of `plan` (each point's group in `k` groups) but one, laid on the held
    round (each person's room, -1 for someone not there): the round whose groups the
    held rooms fit best (most people on a point of their class, `keys`, in the group
    matched with their room). Each person stands on one point and takes its groups in
    the other rounds; people of one room and class swap points while that parts more
    pairs kept `apart` (each person's)."""
    n = len(keys)
    best: tuple[int, int, list[int]] = (-1, 0, [])
    for r, row in enumerate(plan):
        fit, order = _lay(keys, row, held, k, rng)
        if fit > best[0]:
            best = (fit, r, order)
    _, laid_on, order = best
    others = [row for r, row in enumerate(plan) if r != laid_on]
    if any(apart):
        _parted(order, keys, plan[laid_on], others, held, apart, rng)
    rows = []
    for row in others:
        placed = [0] * n
        for x, p in enumerate(order):
            placed[p] = row[x]
        rows.append(placed)
    return rows


PARTING_PASSES = 8  # over everyone kept apart from someone, while a swap parts a pair


def _parted(order: list[int], keys: Sequence[Key], laid_on: Sequence[int],
            others: Sequence[Sequence[int]], held: Sequence[int],
            apart: Sequence[Sequence[int]], rng: random.Random) -> None:  # fmt: skip
    """Fewer pairs kept apart in a group of the rounds `others`, by swapping people of one
    held room and one class who stand on points of one class in one group of the round
    laid on (which changes nothing of the held round, nor of the classes in any group)."""
    n = len(order)
    point = [0] * n
    for x, p in enumerate(order):
        point[p] = x
    cells: dict[tuple[int, Key, Key, int], list[int]] = {}  # people who may swap
    for x, p in enumerate(order):
        cells.setdefault((laid_on[x], keys[x], keys[p], held[p]), []).append(p)

    def clashes(p: int, x: int, beside: int = -1) -> int:  # p on point x: pairs together
        return sum(row[x] == row[point[q] if q != beside else point[p]]
                   for q in apart[p] for row in others)  # fmt: skip

    kept = [p for p in range(n) if apart[p]]
    for _ in range(PARTING_PASSES):
        rng.shuffle(kept)
        swapped = False
        for p in kept:
            now = clashes(p, point[p])
            if not now:
                continue
            x = point[p]
            for q in cells[(laid_on[x], keys[x], keys[p], held[p])]:
                if q == p:
                    continue
                y = point[q]
                before = now + clashes(q, y)
                if clashes(p, y, q) + clashes(q, x, p) < before:
                    order[x], order[y], point[p], point[q] = q, p, y, x
                    swapped = True
                    break
        if not swapped:
            break


def _lay(keys: Sequence[Key], row: Sequence[int], held: Sequence[int], k: int,
         rng: random.Random) -> tuple[int, list[int]]:  # fmt: skip
    """Who stands on which point (point -> person) when the held rooms are laid on the
    groups of `row` (each point's group), and how many stand on a point of their class in
    the group matched with their room: rooms matched with groups of the same count of each
    class first, then where most fit."""
    n = len(keys)
    rooms: dict[int, list[int]] = {}
    pool: list[int] = []
    for p in range(n):
        (rooms.setdefault(held[p], []) if held[p] >= 0 else pool).append(p)
    groups = members_of(row, k)
    room_classes = {j: Counter(keys[p] for p in members) for j, members in rooms.items()}
    group_classes = [Counter(keys[x] for x in members) for members in groups]
    room_group: dict[int, int] = {}
    alike: dict[tuple[tuple[Key, int], ...], list[int]] = {}
    for g, counts in enumerate(group_classes):
        alike.setdefault(tuple(sorted(counts.items())), []).append(g)
    for same in alike.values():
        rng.shuffle(same)
    for j, counts in room_classes.items():
        twins = alike.get(tuple(sorted(counts.items())))
        if twins:
            room_group[j] = twins.pop()
    free_groups = [g for same in alike.values() for g in same]
    overlaps = sorted(
        ((sum((room_classes[j] & group_classes[g]).values()), j, g)
         for j in rooms if j not in room_group for g in free_groups),
        key=lambda item: -item[0],
    )  # fmt: skip
    taken = set(room_group.values())
    for _, j, g in overlaps:
        if j not in room_group and g not in taken:
            room_group[j] = g
            taken.add(g)
    order = [-1] * n
    fit = 0
    for j, members in rooms.items():
        if j not in room_group:
            pool.extend(members)
            continue
        points: dict[Key, list[int]] = {}
        for x in groups[room_group[j]]:
            points.setdefault(keys[x], []).append(x)
        for p in members:
            spots = points.get(keys[p])
            if spots:
                order[spots.pop()] = p
                fit += 1
            else:
                pool.append(p)
    free = [x for x in range(n) if order[x] < 0]
    rng.shuffle(pool)
    for x, p in zip(free, pool, strict=True):
        order[x] = p
    return fit, order
