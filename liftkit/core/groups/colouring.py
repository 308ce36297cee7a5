"""The colouring search for --balance on a design: descents and annealing over swaps.

For balance, people with the same values are interchangeable, so the question is which
values stand on which points: a colouring of the design's points in which each group of
every round holds each value within its band. Counts per (column, round, group, value) are
kept up to date, so weighing a swap of two people costs a few additions per round, and a
min-conflicts search (pick a group out of band, try swaps that mend it, take the best,
sometimes a sideways or random step) settles 100 people at 10 tables over 4 rounds at once,
where a search weighing whole groups stalls. Repeats are untouched: a design has none,
whoever stands where.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from liftkit.core.groups.cliques import single_cliques
from liftkit.core.groups.search import Problem, swap_off_band

CANDIDATES = 40  # swap partners weighed per step
NOISE = 10  # one step in NOISE is a random mending swap, to leave plateaus
STALL = 300  # steps without a better colouring before giving up
REFRESH = 16  # steps between two listings of every problem
APART = 8  # an --apart pair in one group, against the heaviest balance step
HEAT = 1.0  # annealing's first temperature, in steps of the lightest column; it cools to
CHILL = 0.05  # this, linearly, over the annealing budget
PACKED, RIGID = 1, 2  # points of a packing (cliques.py); of a value exactly one a group


class Colouring:
    def __init__(self, problem: Problem, rounds: Sequence[Sequence[Sequence[int]]],
                 order: list[int]) -> None:  # fmt: skip
        self.pb = problem
        n = problem.people
        self.order = order  # point -> person
        self.point_of = [0] * n
        for x in range(n):
            self.point_of[order[x]] = x
        self.apart_weight = APART * (1 + sum(problem.column_weights))
        self.lows = [[low for low, _ in bands] for bands in problem.bands]
        self.highs = [[high for _, high in bands] for bands in problem.bands]
        self.rounds = [[[x for x in group if x < n] for group in groups] for groups in rounds]
        self.where = [[0] * n for _ in self.rounds]  # round -> point -> group
        for r, groups in enumerate(self.rounds):
            for g, group in enumerate(groups):
                for x in group:
                    self.where[r][x] = g
        # counts[c][r][g][v]: people with value v of column c in group g of round r
        self.counts = [
            [[[0] * len(bands) for _ in groups] for groups in self.rounds]
            for bands in problem.bands
        ]
        for c, values in enumerate(problem.columns):
            for r, groups in enumerate(self.rounds):
                for g, group in enumerate(groups):
                    for x in group:
                        self.counts[c][r][g][values[order[x]]] += 1

    def penalty(self, c: int, value: int, count: int) -> int:
        low, high = self.pb.bands[c][value]
        return max(0, count - high) + max(0, low - count)

    def together_apart(self) -> list[tuple[int, int, int]]:
        """(round, point, weight) of each person sharing a group with someone kept apart."""
        # Only people with an apart set are read (a fifth at most in most splits): this is
        # called at every step of _apart_within_values, 144 people over 34 rounds.
        point_of, weight = self.point_of, self.apart_weight
        kept = [(p, others) for p, others in enumerate(self.pb.apart) if others]
        found = []
        for r, where in enumerate(self.where):
            for p, others in kept:
                x = point_of[p]
                g = where[x]
                for q in others:
                    if where[point_of[q]] == g:
                        found.append((r, x, weight))
                        break
        return found

    def out_of_band(self) -> list[tuple[int, int, int, int]]:
        """(column, round, group, value) of every count outside its band."""
        found = []
        for c, table in enumerate(self.counts):
            lows, highs = self.lows[c], self.highs[c]  # read here, not through penalty():
            for r, groups in enumerate(table):  # every count of every group of every round
                for g, counts in enumerate(groups):
                    for v, count in enumerate(counts):
                        if count < lows[v] or count > highs[v]:
                            found.append((c, r, g, v))
        return found

    def swap_change(self, x: int, y: int) -> int:
        """How the total penalty changes if the people on points x and y swap."""
        change = self.balance_change(x, y)
        px, py = self.order[x], self.order[y]
        if self.pb.apart[px] or self.pb.apart[py]:
            change += self.apart_weight * self.apart_change(x, y)
        return change

    def balance_change(self, x: int, y: int) -> int:
        """The balance part of swap_change: weighted steps out of band, after less before."""
        change = 0
        px, py = self.order[x], self.order[y]
        for c, values in enumerate(self.pb.columns):
            vx, vy = values[px], values[py]
            if vx == vy:
                continue
            weight, bands = self.pb.column_weights[c], self.pb.bands[c]
            for r, where in enumerate(self.where):
                gx, gy = where[x], where[y]
                if gx != gy:
                    counts = self.counts[c][r]
                    change += weight * swap_off_band(counts[gx], counts[gy], vx, vy, bands)
        return change

    def apart_change(self, x: int, y: int) -> int:
        """Pairs kept apart that share a group, summed over rounds, after less before."""
        change = 0
        px, py = self.order[x], self.order[y]
        for where in self.where:
            gx, gy = where[x], where[y]
            if gx != gy:
                for p, leaves, comes, other in ((px, gx, gy, py), (py, gy, gx, px)):
                    for q in self.pb.apart[p]:
                        if q != other:
                            g = where[self.point_of[q]]
                            change += (g == comes) - (g == leaves)
        return change

    def swap(self, x: int, y: int) -> None:
        px, py = self.order[x], self.order[y]
        for c, values in enumerate(self.pb.columns):
            vx, vy = values[px], values[py]
            if vx != vy:
                for r, where in enumerate(self.where):
                    counts_x, counts_y = self.counts[c][r][where[x]], self.counts[c][r][where[y]]
                    counts_x[vx] -= 1
                    counts_x[vy] += 1
                    counts_y[vy] -= 1
                    counts_y[vx] += 1
        self.order[x], self.order[y] = py, px
        self.point_of[px], self.point_of[py] = y, x


def balance_penalty(
    problem: Problem, rounds: Sequence[Sequence[Sequence[int]]], order: list[int]
) -> int:
    """Weighted count of values out of band and people sharing a group with someone kept apart."""
    return sum(weight for *_, weight in _problems(Colouring(problem, rounds, order)))


def descend(problem: Problem, rounds: Sequence[Sequence[Sequence[int]]], order: list[int],
             rng: random.Random, budget: int) -> tuple[list[int], int, int]:  # fmt: skip
    """(best order, its total penalty, swaps weighed) of one tabu descent."""
    colouring = Colouring(problem, rounds, order[:])
    weighed, step, last_better = 0, 0, 0
    best, best_total = colouring.order[:], -1
    bad: list[tuple[int, ...]] = []
    listed = 0  # steps since the problems were last listed
    while weighed < budget and step - last_better < STALL:
        step += 1
        # Listing every problem is a pass over all rounds and groups: it is done every
        # REFRESH steps, and a problem picked in between is checked before it is mended.
        if not bad or listed >= REFRESH:
            bad, listed = _problems(colouring), 0
            total = sum(weight for *_, weight in bad)
            if best_total < 0 or total < best_total:
                best, best_total, last_better = colouring.order[:], total, step
            if not bad:
                break
        listed += 1
        i = rng.randrange(len(bad))
        if not _still_wrong(colouring, bad[i][:-1]):
            bad[i] = bad[-1]
            bad.pop()
            continue
        moves = _mending_swaps(colouring, bad[i][:-1], rng)
        weighed += (len(moves) + CANDIDATES) * len(colouring.rounds)  # per round, sampled too
        if not moves:
            continue
        if rng.randrange(NOISE) == 0:
            colouring.swap(*moves[rng.randrange(len(moves))])
            continue
        change, i = min((colouring.swap_change(x, y), i) for i, (x, y) in enumerate(moves))
        if change <= 0:
            colouring.swap(*moves[i])
    return best, best_total, max(weighed, 1)


def anneal(problem: Problem, rounds: Sequence[Sequence[Sequence[int]]], order: list[int],
            rng: random.Random, steps: int) -> tuple[list[int], int]:  # fmt: skip
    """(order, its total penalty): the best simulated annealing reaches from `order` in
    `steps` random swaps."""
    colouring = Colouring(problem, rounds, order[:])
    total = sum(weight for *_, weight in _problems(colouring))
    best, best_total = order, total
    swappable = movable(colouring)
    n = len(swappable)
    if n < 2:
        return order, total
    scale = min(problem.column_weights, default=1)
    for step in range(steps):
        x, y = swappable[rng.randrange(n)], swappable[rng.randrange(n)]
        change = colouring.swap_change(x, y)
        heat = scale * (HEAT + (CHILL - HEAT) * step / steps)
        if change <= 0 or rng.random() < math.exp(-change / heat):
            if x == y:
                continue
            colouring.swap(x, y)
            total += change
            if total <= 0:  # an --apart change is weighed per pair, counted per person
                total = sum(weight for *_, weight in _problems(colouring))
            if total < best_total:
                best, best_total = colouring.order[:], total
                if total == 0:
                    break
    return best, best_total


def movable(colouring: Colouring) -> list[int]:
    """The points annealing may swap: all but those of a value allowed once a group whose
    people already never share one (a packing, cliques.py), which random swaps would break
    far more easily than find again."""
    return [x for x, still in enumerate(frozen_points(colouring)) if not still]


def frozen_points(colouring: Colouring) -> list[int]:
    """Per point: PACKED if its person's value is allowed once a group and its people never
    share one (a packing, cliques.py), RIGID if that value must also be in every group
    (an organisation of 10 at 10 tables), else 0."""
    pb = colouring.pb
    frozen = [0] * pb.people
    for c in range(len(pb.columns)):
        for v, people in single_cliques(pb, c).items():
            points = [colouring.point_of[p] for p in people]
            if all(len({where[x] for x in points}) == len(points) for where in colouring.where):
                for x in points:
                    frozen[x] = max(frozen[x], RIGID if pb.bands[c][v][0] == 1 else PACKED)
    return frozen


def _still_wrong(colouring: Colouring, problem: tuple[int, ...]) -> bool:
    """Whether a problem listed a few swaps ago is still there."""
    if len(problem) == 2:  # (round, point): its person shares a group with someone apart
        r, x = problem
        where, point_of = colouring.where[r], colouring.point_of
        return any(where[point_of[q]] == where[x] for q in colouring.pb.apart[colouring.order[x]])
    c, r, g, v = problem
    return colouring.penalty(c, v, colouring.counts[c][r][g][v]) > 0


def _problems(colouring: Colouring) -> list[tuple[int, ...]]:
    """Apart pairs as (round, point, weight); counts out of band as (c, r, g, v, weight)."""
    found: list[tuple[int, ...]] = list(colouring.together_apart())
    for c, r, g, v in colouring.out_of_band():
        count = colouring.counts[c][r][g][v]
        found.append((c, r, g, v, colouring.pb.column_weights[c] * colouring.penalty(c, v, count)))
    return found


def _mending_swaps(colouring: Colouring, problem: tuple[int, ...],
                   rng: random.Random) -> list[tuple[int, int]]:  # fmt: skip
    """Swaps of two points that may mend one problem: someone leaves the group at fault."""
    n = colouring.pb.people
    sample = rng.sample(range(n), min(n, CANDIDATES))
    if len(problem) == 2:  # someone kept apart from a group-mate: anyone elsewhere
        r, x = problem
        return [(x, y) for y in sample if colouring.where[r][y] != colouring.where[r][x]]
    c, r, g, v = problem
    values = colouring.pb.columns[c]
    too_many = colouring.counts[c][r][g][v] > colouring.pb.bands[c][v][1]
    # Too many: someone with v leaves for someone without; too few: the reverse.
    inside = colouring.rounds[r][g]
    movers = [x for x in inside if (values[colouring.order[x]] == v) == too_many][:4]
    counts, where = colouring.counts[c][r], colouring.where[r]
    low, high = colouring.lows[c], colouring.highs[c]

    def fits(y: int) -> bool:
        # the swap mends round r without spoiling the partner's group or this one there
        h, w = where[y], values[colouring.order[y]]
        if h == g or (w == v) == too_many:
            return False
        if too_many:
            return counts[h][v] < high[v] and counts[h][w] > low[w] and counts[g][w] < high[w]
        return counts[h][v] > low[v] and counts[h][w] < high[w] and counts[g][w] > low[w]

    partners = [y for y in sample if fits(y)]
    return [(x, y) for x in movers for y in partners]
