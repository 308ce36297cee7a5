"""Simulated annealing of the search's schedule, constraints weighed rather than refused.

The search (search.py) treats a broken constraint as far dearer than any repeat, so it
never passes through one. When every --balance value may be at most once in a group,
balance and keep-apart sets both say that some pairs must never share a group, and on
such splits the search stops well above what is possible: 32 people in fours for 10
rounds, balanced on a six-valued column with keep-apart sets on a fifth of them, ended
with 81-87 repeated pairs (seeds 1-4), where at least 58 are forced (bench/groups.py's
32-4-10-constrained). Annealing with a meeting of a pair kept apart and a count out of
band merely weighed (FORBIDDEN each, times the column's weight) goes through such states
and comes out lower, 73-78 from the search's schedule in under a second; only schedules
that keep every constraint are kept. It takes the search's local minima further without
constraints too (50 people in fives for 12 rounds, 89 and 97 repeats -> 62 and 89; 140 in
fives for 31 rounds, 101-144 -> 58-63) and with values balanced two or more a group (100
to 144 people balanced on organisation and region, bench/groups.py --mixes: 932 -> 791
repeats over 40 splits), and on larger splits over few rounds (plan.ANNEAL_LARGE: 250
people at 21 tables for 4 rounds, balanced on organisation and region, 58 and 50 -> 28 and
30).

A step swaps two people of one round between their groups: people of the same kind
(facilitator or not) whose values of exactly so many a group are the same, so that every
group keeps those. The temperature falls from HOT to COLD over the steps; a swap that
costs d is taken with probability exp(-d / temperature).
"""

from __future__ import annotations

import math
import random

from liftkit.core.groups.search import Problem, off_band

FORBIDDEN = 10  # the cost of a meeting of a pair kept apart, against a repeat's 1 a meeting
HOT = 0.5  # the temperature of the first step
COLD = 0.05  # and of the last


CAPPED = 300  # changes of cost below this have a bound of their own in _caps()


def _caps() -> list[float]:
    """Per change of cost below CAPPED, a little more than exp(-change / heat) can be at
    any temperature (HOT is the highest; 1e-9 over, far above the exponential's rounding);
    the last bounds every larger change too. Most swaps cost far more than the temperature
    allows: a draw at or above the bound refuses them without the temperature's power and
    exponential, the same swaps as before with the same draws."""
    return [math.exp(-change / HOT) * (1 + 1e-9) for change in range(CAPPED)]


def _step(count: int, band: tuple[int, int]) -> tuple[int, int]:
    """How far one leaving and one joining move a count out of `band` (swap_off_band's
    terms): -1 back towards it, +1 away from it, 0 for neither."""
    low, high = band
    return (count <= low) - (count > high), (count >= high) - (count < low)


def _steps(
    counts: list[list[list[int]]], bands: list[tuple[int, int]]
) -> tuple[list[list[list[int]]], list[list[list[int]]]]:
    """_step of every count (per round, group and value): those of one leaving, and of
    one joining."""
    leave = [[[_step(n, bands[v])[0] for v, n in enumerate(t)] for t in per] for per in counts]
    join = [[[_step(n, bands[v])[1] for v, n in enumerate(t)] for t in per] for per in counts]
    return leave, join


def annealable(problem: Problem) -> bool:
    """Whether anneal() can take the split: everyone a unit of their own (no --together)
    and no rooms to stay in (no --previous)."""
    return all(len(unit) == 1 for unit in problem.units) and all(
        home is None for home in problem.homes
    )


def pairs_only(problem: Problem) -> bool:
    """Whether the constraints only keep pairs apart: every --balance value at most once
    in a group (and keep-apart sets)."""
    return all(high <= 1 for bands in problem.bands for _, high in bands)


def anneal(
    problem: Problem, schedule: list[list[int]], rng: random.Random, steps: int, floor: int = 0
) -> list[list[int]] | None:
    """A schedule with fewer repeated meetings (the sum over pairs of meetings times
    meetings less one, halved) than `schedule`, with every --balance value in its band and
    nobody in a group with someone kept apart, or None. For splits where annealable holds,
    from a `schedule` that keeps those constraints; it stops at `floor` repeated meetings."""
    n, rounds, k = problem.people, len(schedule), problem.groups
    kept = [[False] * n for _ in range(n)]
    for p, others in enumerate(problem.apart):
        for q in others:
            kept[p][q] = kept[q][p] = True
    # who may swap with whom: the same kind, and the same value of exactly so many a group
    kind_of = {p: problem.kinds[u] for u, unit in enumerate(problem.units) for p in unit}
    sorts: dict[tuple[object, ...], list[int]] = {}
    partners: list[list[int]] = []
    for p in range(n):
        exact = tuple(
            values[p] if bands[values[p]][0] == bands[values[p]][1] >= 1 else -1
            for values, bands in zip(problem.columns, problem.bands, strict=True)
        )
        partners.append(sorts.setdefault((kind_of[p], *exact), []))
        partners[p].append(p)
    grp = [row[:] for row in schedule]
    mem = [[[p for p in range(n) if row[p] == g] for g in range(k)] for row in grp]
    meet = [[0] * n for _ in range(n)]
    for p, met in enumerate(problem.prior or ()):  # a pair kept apart who met then broke nothing
        for q, m in met.items():
            meet[p][q] += 0 if kept[p][q] else m
    for groups in mem:
        for members in groups:
            for p in members:
                for q in members:
                    if p != q:
                        meet[p][q] += 1
    columns = list(zip(problem.columns, problem.bands, problem.column_weights, strict=True))
    counts = [
        [[[0] * len(bands) for _ in range(k)] for _ in range(rounds)] for _, bands, _ in columns
    ]
    for c, (values, _, _) in enumerate(columns):
        for r, row in enumerate(grp):
            for p in range(n):
                counts[c][r][row[p]][values[p]] += 1
    off = sum(
        off_band(count, bands[v])
        for c, (_, bands, _) in enumerate(columns)
        for per_round in counts[c]
        for table in per_round
        for v, count in enumerate(table)
    )
    repeats = sum(m * (m - 1) // 2 for p in range(n) for m in meet[p][p + 1 :])
    broken = sum(meet[p][q] for p in range(n) for q in range(p + 1, n) if kept[p][q])
    if broken or off:
        return None  # the search left a constraint broken: nothing to measure against
    searched = best_repeats = repeats  # the search's, then the best found
    since_best: list[tuple[int, int, int]] = []  # swaps made since the best schedule
    # below()'s draws written out (the same bits): this loop is most of a split's time
    bits, round_bits, person_bits = rng.getrandbits, rounds.bit_length(), n.bit_length()
    partner_bits = [len(choices).bit_length() for choices in partners]
    free = [not any(row) for row in kept]  # people kept apart from nobody
    kept_by = [[q for q in range(n) if row[q]] for row in kept]  # whom each is kept from
    # per column: each person's value, the steps out of band per round, group and value of
    # one leaving and one joining (swap_off_band's terms), and the column's weight
    balanced = [
        (values, *_steps(counts[c], bands), weight)
        for c, (values, bands, weight) in enumerate(columns)
    ]
    cooling, uniform, exp = COLD / HOT, rng.random, math.exp
    caps = _caps()
    for step in range(steps):
        r = bits(round_bits)
        while r >= rounds:
            r = bits(round_bits)
        p = bits(person_bits)
        while p >= n:
            p = bits(person_bits)
        choices = partners[p]
        j = bits(partner_bits[p])
        while j >= len(choices):
            j = bits(partner_bits[p])
        q = choices[j]
        row = grp[r]
        a, b = row[p], row[q]
        if a == b:
            continue
        here, there = mem[r][a], mem[r][b]
        meet_p, meet_q = meet[p], meet[q]
        more = less = 0  # repeats, and meetings of pairs kept apart
        # the sums as if nobody were kept apart from p or q (most steps), then put right
        for y in here:
            if y != p:
                more += meet_q[y] - meet_p[y] + 1
        for y in there:
            if y != q:
                more += meet_p[y] - meet_q[y] + 1
        if not (free[p] and free[q]):  # a pair kept apart counts there, not as a repeat
            for y in kept_by[p]:
                g = row[y]
                if g == a and y != p:  # p leaves y
                    more += meet_p[y] - 1
                    less -= 1
                elif g == b and y != q:  # p joins y
                    more -= meet_p[y]
                    less += 1
            for y in kept_by[q]:
                g = row[y]
                if g == a and y != p:  # q joins y
                    more -= meet_q[y]
                    less += 1
                elif g == b and y != q:  # q leaves y
                    more += meet_q[y] - 1
                    less -= 1
        moved = weighed = 0  # counts out of band, and those weighed by their column
        for values, leave, join, weight in balanced:
            mine, theirs = values[p], values[q]
            if mine != theirs:  # search.swap_off_band, from the counts' steps out of band
                leave_r, join_r = leave[r], join[r]
                units = leave_r[a][mine] + join_r[b][mine] + join_r[a][theirs] + leave_r[b][theirs]
                moved += units
                weighed += weight * units
        change = more + FORBIDDEN * (less + weighed)
        if change > 0:
            drawn = uniform()
            if drawn >= (caps[change] if change < CAPPED else caps[-1]):
                continue  # above what the temperature can give: refused either way
            heat = HOT * cooling ** (step / steps)
            if drawn >= exp(-change / heat):
                continue
        for members, out, into in ((here, p, q), (there, q, p)):  # a group, who leaves, who comes
            for y in members:
                if y != out:
                    meet[out][y] -= 1
                    meet[y][out] -= 1
                    meet[into][y] += 1
                    meet[y][into] += 1
        for c, (values, _, _) in enumerate(columns):
            mine, theirs = values[p], values[q]
            if mine != theirs:
                here_counts, there_counts = counts[c][r][a], counts[c][r][b]
                here_counts[mine] -= 1
                here_counts[theirs] += 1
                there_counts[theirs] -= 1
                there_counts[mine] += 1
                _, leave, join, _ = balanced[c]
                bands = columns[c][1]
                for g, table in ((a, here_counts), (b, there_counts)):
                    for v in (mine, theirs):
                        leave[r][g][v], join[r][g][v] = _step(table[v], bands[v])
        here.remove(p)
        there.remove(q)
        here.append(q)
        there.append(p)
        row[p], row[q] = b, a
        since_best.append((r, p, q))
        repeats += more
        broken += less
        off += moved
        if not broken and not off and repeats < best_repeats:
            best_repeats = repeats
            since_best.clear()  # rather than a copy of every round at each new best
            if repeats <= floor:
                break
    if best_repeats == searched:
        return None  # nothing better than the search's
    for r, p, q in reversed(since_best):  # back to the best
        row = grp[r]
        row[p], row[q] = row[q], row[p]
    return grp
