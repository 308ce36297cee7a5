"""Mending a greedy round's balance: swaps of two people that bring each group's counts
into their bands, adding the fewest repeats and never putting a pair kept apart together.

greedy.py calls it on every round it makes.
"""

from __future__ import annotations

import random

from liftkit.core.groups import draws
from liftkit.core.groups.search import Problem, off_band
from liftkit.core.groups.setup import Setup

SAMPLE = 64  # groups weighed for each placement (greedy.py) and each swap, when there are more


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
    penalties = [mend.penalty(g) for g in range(setup.groups)]
    for _ in range(len(setup.people)):
        best: tuple[int, int, int, int, int] | None = None  # (change, apart, repeats, p, q)
        for g in (g for g, penalty in enumerate(penalties) if penalty):
            best = mend.best_swap(g, meet, rng)
            if best is not None:
                break
        if best is None:
            return
        p, q = best[3], best[4]
        g, h = row[p], row[q]
        mend.swap(p, q)
        penalties[g], penalties[h] = mend.penalty(g), mend.penalty(h)


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
        # each person's value in each balanced column
        self.profile = [tuple(values[p] for values in problem.columns) for p in range(len(row))]
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

        A swap's change of penalty is summed from parts that depend on one person each: out,
        what p's values add leaving g for h; into, what q's add coming from h to g; less, for
        each column where q holds p's value, what out + into counted for it (a value swapped
        for itself changes nothing). They are the two halves of search.swap_off_band, looked
        up in tables of each value's out and into, made once for every h weighed; until
        2026-12-05 they were worked out for every person of every h (1,000 people at 81
        tables for 35 rounds on two columns, 1,005 swaps: 6.99 -> 5.95 s, the same swaps).
        Only pairs that lower the penalty at least as far as the best so far have the rest
        counted. Until 2026-12-03 the swaps did not look at the pairs kept apart: a host's
        split of 1,000 people at 40 tables for 4 rounds, seed 2, started with 6 such pairs
        together, and the search broke the balance by 392 counts parting them, then started
        again (8 s in all).
        """
        setup, members, single = self.setup, self.members, self.single
        facilitator, profile = setup.facilitator, self.profile
        others = [h for h in range(setup.groups) if h != g]
        if len(others) > SAMPLE:
            others = draws.sample(rng, others, SAMPLE)
        best: tuple[int, ...] | None = None  # (change, apart, repeats, places, p, q)
        under = 0  # a swap must lower the penalty below this: 0, then as far as the best
        mine = [p for p in members[g] if single[p]]
        if not mine:
            return None
        # What each value adds on g's side: leaving g, and coming into g
        g_out, g_into = [], []
        for table, (_, bands, weight) in zip(self.counts[g], self.weighted, strict=True):
            g_out.append([weight * ((table[v] <= low) - (table[v] > high))
                          for v, (low, high) in enumerate(bands)])  # fmt: skip
            g_into.append([weight * ((table[v] >= high) - (table[v] < low))
                           for v, (low, high) in enumerate(bands)])  # fmt: skip
        known: dict[tuple[int, int], int] = {}

        def met(x: int, group: int) -> int:
            """Meetings x has had with the members of group, counted once a call."""
            if (x, group) not in known:
                meet_x = meet[x]
                known[x, group] = sum([meet_x.get(y, 0) for y in members[group]])
            return known[x, group]

        for h_at, h in enumerate(others):
            theirs = [q for q in members[h] if single[q]]
            if not theirs:
                continue
            # each value's out and into for this g and h, one table a column
            outs, intos = [], []
            for c, (table, (_, bands, weight)) in enumerate(
                zip(self.counts[h], self.weighted, strict=True)
            ):
                go, gi = g_out[c], g_into[c]
                outs.append([go[v] + weight * ((table[v] >= high) - (table[v] < low))
                             for v, (low, high) in enumerate(bands)])  # fmt: skip
                intos.append([gi[v] + weight * ((table[v] <= low) - (table[v] > high))
                              for v, (low, high) in enumerate(bands)])  # fmt: skip
            # (into, place in h, q), the partners that add least first
            partners = []
            for i, q in enumerate(theirs):
                added = 0
                for table, v in zip(intos, profile[q], strict=True):
                    added += table[v]
                partners.append((added, i, q))
            partners.sort()
            least = partners[0][0]
            for p_at, p in enumerate(mine):
                out = taken = 0
                same = []
                for c, v in enumerate(profile[p]):
                    o, e = outs[c][v], outs[c][v] + intos[c][v]
                    out += o
                    if e:
                        same.append((c, v, e))
                        if e > 0:
                            taken += e
                if out + least - taken >= under:
                    continue  # no partner in h lowers the penalty enough
                mine_fac = facilitator[p]
                for added, i, q in partners:
                    if out + added - taken >= under:
                        break  # nor any partner after this one
                    if facilitator[q] != mine_fac:
                        continue
                    change = out + added
                    theirs_values = profile[q]
                    for c, v, e in same:
                        if theirs_values[c] == v:
                            change -= e
                    if change < under:
                        apart = self.apart_change(p, q)
                        if apart > 0:
                            continue
                        repeats = met(p, h) - meet[p].get(q, 0) + met(q, g) - meet[q].get(p, 0)
                        # on a tie, the partner first in h, as when h was read in order
                        key = (change, apart, repeats, h_at, p_at, i, p, q)
                        if best is None or key < best:
                            best = key
                            under = change + 1
        if best is None:
            return None
        change, apart, repeats, *_, p, q = best
        return change, apart, repeats, p, q

    def swap(self, p: int, q: int) -> None:
        g, h = self.row[p], self.row[q]
        self.exchange(p, q)
        self.members[g][self.members[g].index(p)] = q
        self.members[h][self.members[h].index(q)] = p
        self.row[p], self.row[q] = h, g
