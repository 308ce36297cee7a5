"""Mending a greedy round's balance: swaps of two people that bring each group's counts
into their bands, adding the fewest repeats and never putting a pair kept apart together.

greedy.py calls it on every round it makes.
"""

from __future__ import annotations

import random

from liftkit.core.groups import draws
from liftkit.core.groups.search import Problem, off_band, swap_off_band
from liftkit.core.groups.setup import Setup

SAMPLE = 64  # groups weighed for each placement (greedy.py) and each swap, when there are more
WALK_BUDGET = 100_000  # swaps weighed by the walk (_walk) that mends what swaps leave, a round
WALK_STALL = 200  # steps without a better round after which it stops (the round may not settle)
TENURE = 3  # steps, and up to as many more, before someone the walk moved may move again


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
            break
        p, q = best[3], best[4]
        g, h = row[p], row[q]
        mend.swap(p, q)
        penalties[g], penalties[h] = mend.penalty(g), mend.penalty(h)
    if any(penalties):
        _walk(mend, penalties, meet, rng)


def _walk(mend: Mend, penalties: list[int], meet: list[dict[int, int]],
          rng: random.Random) -> None:  # fmt: skip
    """Swaps that may cost balance for a while, until every count is in band (or the walk's
    budget is spent, and the best round it passed is kept): the swaps above stop where no
    single swap lowers the penalty, a local minimum. Each step takes, for a group out of
    band drawn at random, the swap of one of its members with anyone elsewhere that leaves
    the least penalty (adding the fewest repeats; uphill if it must), and keeps those two
    where they are for a few steps.

    Facilitators only swap with facilitators, and with two columns and facilitators the
    swaps got stuck: 115 people of six organisations and five regions at 30 tables for 29
    rounds, 26 facilitators, ended with two of a region at a table that may hold one (9
    counts out after the greedy rounds; the search, carried on, mended all but one). The
    walk mends each such round in 2 to 76 steps of a hundred-odd swaps weighed: balance
    held, 1,164 -> 1,093 repeats, and 0.81 of the time side by side (the search is not
    carried on). A round it cannot settle costs WALK_STALL steps (105 people in sixes for
    21 rounds, one round in five: 25,000 swaps weighed, which the search then mended).
    Rounds the swaps settle never reach it, so their splits are as before.
    """
    setup, members, row, profile = mend.setup, mend.members, mend.row, mend.profile
    single, facilitator, k = mend.single, setup.facilitator, setup.groups
    total = best_total = sum(penalties)
    made: list[tuple[int, int]] = []  # swaps since the best round
    still: dict[int, int] = {}  # who may not move before which step
    weighed = step = last_best = 0
    while total and weighed < WALK_BUDGET and step - last_best < WALK_STALL:
        step, weighed = step + 1, weighed + 1
        out = [g for g, penalty in enumerate(penalties) if penalty]
        g = out[rng.randrange(len(out))]
        others = [h for h in range(k) if h != g]
        if len(others) > SAMPLE:
            others = draws.sample(rng, others, SAMPLE)
        counts_g, met_g = mend.counts[g], members[g]
        best: tuple[int, int, int, int, int] | None = None  # change, repeats, at, p, q
        for p in met_g:
            if not single[p] or still.get(p, 0) > step:
                continue
            mine, meet_p = profile[p], meet[p]
            for h_at, h in enumerate(others):
                counts_h = mend.counts[h]
                for q in members[h]:
                    if not single[q] or facilitator[q] != facilitator[p] or still.get(q, 0) > step:
                        continue
                    weighed += 1
                    change = 0
                    for c, (_, bands, weight) in enumerate(mend.weighted):
                        if mine[c] != profile[q][c]:
                            change += weight * swap_off_band(counts_g[c], counts_h[c], mine[c],
                                                             profile[q][c], bands)  # fmt: skip
                    if (best is not None and change > best[0]) or mend.apart_change(p, q) > 0:
                        continue
                    meet_q = meet[q]
                    repeats = sum([meet_p.get(y, 0) for y in members[h]]) - meet_p.get(q, 0)
                    repeats += sum([meet_q.get(y, 0) for y in met_g]) - meet_q.get(p, 0)
                    key = (change, repeats, h_at, p, q)
                    if best is None or key < best:
                        best = key
        if best is None:
            continue  # nobody in g may move yet (or ever, each swap holding a pair kept apart)
        change, _, _, p, q = best
        h = row[q]
        mend.swap(p, q)
        penalties[g], penalties[h] = mend.penalty(g), mend.penalty(h)
        total += change
        made.append((p, q))
        still[p] = still[q] = step + TENURE + rng.randrange(TENURE + 1)
        if total < best_total:
            best_total, made, last_best = total, [], step
    for p, q in reversed(made):  # back to the best round passed
        mend.swap(p, q)


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
