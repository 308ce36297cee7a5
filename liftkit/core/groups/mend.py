"""Mending a greedy round's balance: swaps of two people that bring each group's counts
into their bands, adding the fewest repeats and never putting a pair kept apart together.

greedy.py calls it on every round it makes.
"""

from __future__ import annotations

import random

from liftkit.core.groups.search import Problem, off_band
from liftkit.core.groups.setup import Setup

SAMPLE = 64  # groups weighed for each placement when there are more


def mend_balance(setup: Setup, problem: Problem, members: list[list[int]], row: list[int],
                 meet: list[dict[int, int]], rng: random.Random) -> None:  # fmt: skip
    """Swaps of two people that bring the round's counts into their bands, fewest repeats first.

    The greedy placement weighs balance first, but its last people may find only groups
    that already hold their value (85 people in fives, balanced on six sectors, over 21
    rounds: two of a sector in a group, which the search did not always mend). Each step
    takes, for the first group out of band, the swap with another group (SAMPLE of them
    when there are more) that lowers the penalty most, adding the fewest repeats.
    """
    if not problem.bands:
        return
    mend = Mend(setup, problem, members, row)
    for _ in range(len(setup.people)):
        best: tuple[int, int, int, int, int] | None = None  # (change, apart, repeats, p, q)
        for g in (g for g in range(setup.groups) if mend.penalty(g)):
            best = mend.best_swap(g, meet, rng)
            if best is not None:
                break
        if best is None:
            return
        mend.swap(best[3], best[4])


class Mend:
    """One round's counts per group, column and value, under swaps of two people."""

    def __init__(self, setup: Setup, problem: Problem, members: list[list[int]],
                 row: list[int]) -> None:  # fmt: skip
        self.setup, self.members, self.row = setup, members, row
        self.apart = problem.apart
        self.single = [False] * len(setup.people)
        for unit in setup.units:
            self.single[unit[0]] = len(unit) == 1
        self.weighted = list(
            zip(problem.columns, problem.bands, problem.column_weights, strict=True)
        )
        self.counts = [[[0] * len(bands) for bands in problem.bands] for _ in range(setup.groups)]
        for p, g in enumerate(row):
            for c, values in enumerate(problem.columns):
                self.counts[g][c][values[p]] += 1

    def penalty(self, g: int) -> int:
        return sum(
            weight * sum(off_band(count, band) for count, band in zip(table, bands, strict=True))
            for table, (_, bands, weight) in zip(self.counts[g], self.weighted, strict=True)
        )

    def exchange(self, p: int, q: int) -> None:
        """The counts with p in q's group and q in p's."""
        g, h = self.row[p], self.row[q]
        for c, (values, _, _) in enumerate(self.weighted):
            self.counts[g][c][values[p]] -= 1
            self.counts[g][c][values[q]] += 1
            self.counts[h][c][values[q]] -= 1
            self.counts[h][c][values[p]] += 1

    def sides(self, g: int, h: int, x: int) -> tuple[int, int, list[tuple[list[int], int, int]]]:
        """change(p, q) for p in g and q in h, in parts that depend on one person each.

        For x: (out, into, same), where out is what x's values add leaving g for h, into
        what they add coming from h to g, and same the columns where a partner of x's value
        takes off out + into (one value swapped for itself changes nothing), as (values,
        x's value, what it takes off). So change(p, q) = out(p) + into(q) less what same(p)
        takes off for the columns where q holds p's value. out and into are the two halves
        of search.swap_off_band, written out here: this runs for every person weighed, and a
        call per pair was what made the mending slow.
        """
        out = into = 0
        same = []
        for c, (values, bands, weight) in enumerate(self.weighted):
            v = values[x]
            low, high = bands[v]
            here, there = self.counts[g][c][v], self.counts[h][c][v]
            o = weight * ((here <= low) - (here > high) + (there >= high) - (there < low))
            i = weight * ((here >= high) - (here < low) + (there <= low) - (there > high))
            out += o
            into += i
            if o + i:
                same.append((values, v, o + i))
        return out, into, same

    def apart_change(self, p: int, q: int) -> int:
        """Pairs kept apart that share a group, added (or, below 0, parted) by the swap."""
        row, g, h = self.row, self.row[p], self.row[q]
        change = 0
        for x, y, into, out in ((p, q, h, g), (q, p, g, h)):
            for z in self.apart[x]:
                if z != y:
                    change += (row[z] == into) - (row[z] == out)
        return change

    def best_swap(self, g: int, meet: list[dict[int, int]],
                  rng: random.Random) -> tuple[int, int, int, int, int] | None:  # fmt: skip
        """(penalty change, apart pairs added, repeats added, p, q): the best swap of p in
        group g with q elsewhere, never one that puts a pair kept apart together.

        Each pair's change is summed from sides(), and only pairs that lower the penalty at
        least as far as the best so far have the rest counted. Until 2026-12-03 the swaps
        did not look at the pairs kept apart: a host's split of 1,000 people at 40 tables
        for 4 rounds, seed 2, started with 6 such pairs together, and the search broke the
        balance by 392 counts parting them, then started again (8 s in all).
        """
        setup, members, single = self.setup, self.members, self.single
        facilitator = setup.facilitator
        others = [h for h in range(setup.groups) if h != g]
        if len(others) > SAMPLE:
            others = rng.sample(others, SAMPLE)
        best: tuple[int, int, int, int, int] | None = None
        under = 0  # a swap must lower the penalty below this: 0, then as far as the best
        for h in others:
            into = {q: self.sides(g, h, q)[1] for q in members[h] if single[q]}
            if not into:
                continue
            least = min(into.values())
            for p in members[g]:
                if not single[p]:
                    continue
                out, _, same = self.sides(g, h, p)
                if out + least - sum(max(0, e) for _, _, e in same) >= under:
                    continue  # no partner in h lowers the penalty enough
                for q in members[h]:
                    if q not in into or facilitator[q] != facilitator[p]:
                        continue
                    change = out + into[q]
                    for values, v, e in same:
                        if values[q] == v:
                            change -= e
                    if change < under:
                        apart = self.apart_change(p, q)
                        if apart > 0:
                            continue
                        repeats = sum(meet[p].get(x, 0) for x in members[h] if x != q)
                        repeats += sum(meet[q].get(x, 0) for x in members[g] if x != p)
                        if best is None or (change, apart, repeats) < best[:3]:
                            best = (change, apart, repeats, p, q)
                            under = change + 1
        return best

    def swap(self, p: int, q: int) -> None:
        g, h = self.row[p], self.row[q]
        self.exchange(p, q)
        self.members[g][self.members[g].index(p)] = q
        self.members[h][self.members[h].index(q)] = p
        self.row[p], self.row[q] = h, g
