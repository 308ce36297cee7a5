"""Simulated annealing for splits whose constraints, if any, only keep pairs apart.

When every --balance value may be at most once in a group, balance and keep-apart sets
both say the same thing: some pairs must never share a group. The search (search.py)
treats a broken constraint as far dearer than any repeat, so it never passes through
one, and on such splits it stops well above what is possible: 32 people in fours for 10
rounds, balanced on a six-valued column with keep-apart sets on a fifth of them, ended
with 81-87 repeated pairs (seeds 1-4), where at least 58 are forced (bench/groups.py's
32-4-10-constrained). Annealing with those pairs merely weighed (FORBIDDEN per meeting)
goes through such states and comes out lower, 73-78 from the search's schedule in under
a second; only schedules that keep every such pair apart are kept. Without constraints
it takes the search's local minima further too: 60 people in sixes for 8 rounds, 39
repeats -> 27-29; 50 in fives for 12 rounds, 133-143 -> 116-120; 140 in fives for 31
rounds, 101-144 -> 58-63.

A step swaps two people of one round between their groups: people of the same kind
(facilitator or not) whose values of exactly one a group (a value with as many people as
groups, or more) are the same, so that every group keeps those. The temperature falls
from HOT to COLD over the steps; a swap that costs d is taken with probability
exp(-d / temperature).
"""

from __future__ import annotations

import math
import random

from liftkit.core.groups.search import Problem

FORBIDDEN = 10  # the cost of a meeting of a pair kept apart, against a repeat's 1 a meeting
HOT = 0.5  # the temperature of the first step
COLD = 0.05  # and of the last


def pairs_only(problem: Problem) -> bool:
    """Whether the constraints only keep pairs apart: everyone a unit of their own, no
    rooms to stay in, and every --balance value at most once in a group."""
    return (
        all(len(unit) == 1 for unit in problem.units)
        and all(home is None for home in problem.homes)
        and all(high <= 1 for bands in problem.bands for _, high in bands)
    )


def anneal(
    problem: Problem, schedule: list[list[int]], rng: random.Random, steps: int
) -> list[list[int]] | None:
    """A schedule with fewer repeated meetings (the sum over pairs of meetings times
    meetings less one, halved) than `schedule`, keeping apart every pair that keep-apart
    sets or a balanced value keep apart, or None. For splits where pairs_only holds, from
    a `schedule` that keeps those pairs apart."""
    n, rounds = problem.people, len(schedule)
    apart = [set(others) for others in problem.apart]
    for values in problem.columns:
        alike: dict[int, list[int]] = {}
        for p in range(n):
            alike.setdefault(values[p], []).append(p)
        for same in alike.values():
            for p in same:
                apart[p].update(q for q in same if q != p)
    kept = [[q in apart[p] for q in range(n)] for p in range(n)]
    # who may swap with whom: the same kind, and the same value of exactly one a group
    kind_of = {p: problem.kinds[u] for u, unit in enumerate(problem.units) for p in unit}
    sorts: dict[tuple[object, ...], list[int]] = {}
    partners: list[list[int]] = []
    for p in range(n):
        exact = tuple(
            values[p] if bands[values[p]][0] >= 1 else -1
            for values, bands in zip(problem.columns, problem.bands, strict=True)
        )
        partners.append(sorts.setdefault((kind_of[p], *exact), []))
        partners[p].append(p)
    grp = [row[:] for row in schedule]
    mem = [[[p for p in range(n) if row[p] == g] for g in range(problem.groups)] for row in grp]
    meet = [[0] * n for _ in range(n)]
    for groups in mem:
        for members in groups:
            for p in members:
                for q in members:
                    if p != q:
                        meet[p][q] += 1
    repeats = sum(m * (m - 1) // 2 for p in range(n) for m in meet[p][p + 1 :])
    broken = sum(meet[p][q] for p in range(n) for q in range(p + 1, n) if kept[p][q])
    if broken:
        return None  # the search left a pair together: nothing to measure against
    best, best_repeats = None, repeats
    for step in range(steps):
        r, p = rng.randrange(rounds), rng.randrange(n)
        choices = partners[p]
        q = choices[rng.randrange(len(choices))]
        row = grp[r]
        a, b = row[p], row[q]
        if a == b:
            continue
        here, there = mem[r][a], mem[r][b]
        sides = ((here, p, q), (there, q, p))  # a group, who leaves it, who comes
        more = less = 0  # repeats, and meetings of pairs kept apart
        for members, out, into in sides:
            meet_out, meet_in, kept_out, kept_in = meet[out], meet[into], kept[out], kept[into]
            for y in members:
                if y != out:
                    if kept_out[y]:
                        less -= 1
                    else:
                        more -= meet_out[y] - 1
                    if kept_in[y]:
                        less += 1
                    else:
                        more += meet_in[y]
        change = more + FORBIDDEN * less
        if change > 0:
            heat = HOT * (COLD / HOT) ** (step / steps)
            if rng.random() >= math.exp(-change / heat):
                continue
        for members, out, into in sides:
            for y in members:
                if y != out:
                    meet[out][y] -= 1
                    meet[y][out] -= 1
                    meet[into][y] += 1
                    meet[y][into] += 1
        here.remove(p)
        there.remove(q)
        here.append(q)
        there.append(p)
        row[p], row[q] = b, a
        repeats += more
        broken += less
        if not broken and repeats < best_repeats:
            best, best_repeats = [line[:] for line in grp], repeats
    return best
