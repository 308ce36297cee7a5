"""Cyclic constructions: base rounds whose translates never repeat a pair.

The points are `rows` copies of Z_m plus `fixed` points that every translate leaves
where they are. A base round is a partition of all points into groups of the wanted
sizes (two adjacent sizes are as easy as one); translating it by t = 0..m-1 (adding t to
every cyclic point) gives m rounds. A pair's *class* is what translation keeps: its two
rows and the gap between them modulo m, or the fixed point and the row of its partner.
The m translates of a pair are m different pairs of one class, so if the base rounds use
each class at most once, no pair meets twice in any of their translates. (Two points of
one row half-way round Z_m would meet again after m/2 translates: that class is never
used. Two fixed points would meet in every translate: never in one group.)

This is how the literature builds resolvable designs by hand (1-rotational Kirkman triple
systems, Bose's constructions, the base blocks in the Handbook of Combinatorial Designs);
here two small randomised searches find the base rounds, within node budgets (never a time
limit, so a seed gives the same rounds on every machine): a depth-first search with
restarts (30 people in 6 rooms for 6 rounds: 7 seeds of 8, where the tabu search alone
found 3), then a tabu search over swaps, which does better on some layouts with large
groups (51 people in 10 rooms for 7 rounds: 8 of 8, the depth-first search 1).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

Rounds = list[list[list[int]]]  # round -> group -> points

DFS_RESTART = 20_000  # points weighed in one try of the depth-first search, then a fresh order


@dataclass(frozen=True)
class Layout:
    m: int  # the cyclic group Z_m
    rows: int  # copies of Z_m
    fixed: int  # points left where they are
    bases: int  # base rounds, each giving m rounds

    @property
    def points(self) -> int:
        return self.m * self.rows + self.fixed


def layouts(n: int, sizes: Sequence[int], wanted: int, roomy: bool = False) -> list[Layout]:
    """Every layout of n points that could give `wanted` rounds, the likeliest first: for
    the tabu search, as little slack as it can bear; for the depth-first search (`roomy`),
    the most classes to spare, which it fills far more often (46 people in 10 rooms for 8
    rounds: Z_8 x 5 and 6 fixed points, 41 classes to spare, found with 4 seeds of 4;
    Z_11 x 4 and 2 fixed points, 10 to spare, with none)."""
    groups = len(sizes)
    pairs = sum(s * (s - 1) // 2 for s in sizes)
    smallest = min(sizes)
    found: list[tuple[tuple[int, int, int], Layout]] = []
    for fixed in range(0, min(groups, n) + 1):
        for m in range(2, n - fixed + 1):
            if (n - fixed) % m:
                continue
            rows = (n - fixed) // m
            bases = -(-wanted // m)
            if bases > 3 or (fixed and bases * (smallest - 1) > rows):
                continue
            classes = rows * ((m - 1) // 2) + rows * (rows - 1) // 2 * m + fixed * rows
            if bases * pairs > classes:
                continue
            order = (bases, bases * pairs - classes, fixed) if roomy else (bases, fixed, -m)
            found.append((order, Layout(m, rows, fixed, bases)))
    found.sort(key=lambda item: item[0])
    return [layout for _, layout in found]


class _BaseSearch:
    def __init__(self, layout: Layout, sizes: Sequence[int], rng: random.Random) -> None:
        self.lay = layout
        self.sizes = sorted(sizes, reverse=True)
        self.rng = rng
        m, rows, fixed = layout.m, layout.rows, layout.fixed
        self.total = layout.points
        self.cyclic = m * rows
        pure = (m - 1) // 2
        self.classes = rows * pure + rows * (rows - 1) // 2 * m + fixed * rows
        # each pair's class, every forbidden pair in one last class (see _class_table)
        self.cls = self._class_table(m, rows, fixed, pure)
        self.nodes = 0

    def dfs(self, budget: int, restart: int = DFS_RESTART) -> list[list[list[int]]] | None:
        """Depth-first search with restarts, within `budget` points weighed.

        Groups are filled one after another (every group of a base round, then the next
        base round); a group opens with the first point not yet placed, in an order shuffled
        at each restart, and takes later points whose classes with its members are all
        unused. A try gives up after `restart` points weighed: on these problems a fresh order
        finds base rounds sooner than going deeper into a bad one.
        """
        rng, total, forbidden, cls = self.rng, self.total, self.classes, self.cls
        sizes, bases = self.sizes, self.lay.bases
        slots = [(b, g) for b in range(bases) for g in range(len(sizes))]
        levels = [(b, g, j == 0) for b, g in slots for j in range(sizes[g])]
        depth = len(levels)
        nodes = self.nodes  # counted here, kept in self.nodes when the search stops
        while nodes < budget:
            cap = min(budget, nodes + restart)
            orders = []
            for _ in range(bases):
                order = list(range(total))
                rng.shuffle(order)
                orders.append(order)
            used = bytearray(forbidden + 1)
            used[forbidden] = 1  # a forbidden pair is never allowed
            placed = [bytearray(total) for _ in range(bases)]
            members: list[list[list[int]]] = [[[] for _ in sizes] for _ in range(bases)]
            added: list[list[int]] = [[] for _ in levels]
            at = [0] * depth  # where in the order each level's point stands
            level, scan, forward = 0, 0, True
            while 0 <= level < depth and nodes < cap:
                b, g, opens = levels[level]
                group, order, here = members[b][g], orders[b], placed[b]
                if not forward:  # back from a dead end: take this level's point out
                    here[group.pop()] = 0
                    for c in added[level]:
                        used[c] = 0
                    if opens:  # a group's first point has no alternative
                        level -= 1
                        continue
                    scan = at[level] + 1
                if opens:
                    i = 0
                    while here[order[i]]:
                        i += 1
                    group.append(order[i])
                    here[order[i]] = 1
                    added[level], at[level] = [], i
                    level, scan, forward = level + 1, i + 1, True
                    continue
                last = total - (sizes[g] - len(group))
                for i in range(scan, last + 1):
                    q = order[i]
                    if here[q]:
                        continue
                    nodes += 1
                    row = cls[q]
                    for x in group:
                        if used[row[x]]:
                            break  # a class q would use is taken
                    else:
                        new = [row[x] for x in group]
                        if len(set(new)) == len(new):  # and no class twice in the group
                            for c in new:
                                used[c] = 1
                            group.append(q)
                            here[q] = 1
                            added[level], at[level] = new, i
                            level, scan, forward = level + 1, i + 1, True
                            break
                else:
                    level, forward = level - 1, False
            if level == depth:
                self.nodes = nodes
                return members
        self.nodes = nodes
        return None

    def _class_table(self, m: int, rows: int, fixed: int, pure: int) -> list[list[int]]:
        """Every pair's class; forbidden pairs (one point, two fixed points, two points of a
        row half-way round Z_m) get the last class, `self.classes`.

        A pair of cyclic points has the class of its rows and its gap, so the classes of a
        point of row i at x with row j are one list per (i, j), by gap, turned by x.
        """
        forbidden, mixed = self.classes, rows * pure

        def by_gap(i: int, j: int) -> list[int]:
            if i == j:
                return [
                    forbidden if d == 0 or 2 * d == m else i * pure + min(d, m - d) - 1
                    for d in range(m)
                ]
            low, high = min(i, j), max(i, j)
            start = mixed + (low * rows - low * (low + 1) // 2 + high - low - 1) * m
            # the gap is taken from the lower row's point to the higher row's
            return [start + (d if i < j else -d % m) for d in range(m)]

        fixed_start = mixed + rows * (rows - 1) // 2 * m
        gaps = [[by_gap(i, j) for j in range(rows)] for i in range(rows)]
        table = []
        for a in range(self.cyclic):
            i, x = divmod(a, m)
            turn = -x % m
            row: list[int] = []
            for gap in gaps[i]:
                row += gap[turn:] + gap[:turn]
            row += [fixed_start + f * rows + i for f in range(fixed)]
            table.append(row)
        for f in range(fixed):
            table.append(
                [fixed_start + f * rows + b // m for b in range(self.cyclic)] + [forbidden] * fixed
            )
        return table

    def tabu(self, budget: int) -> list[list[list[int]]] | None:
        """Tabu search over swaps inside a base round: cost is the uses of each class
        beyond the first, and forbidden pairs; 0 is a set of base rounds."""
        rng, cls, total = self.rng, self.cls, self.total
        # The last slot gathers forbidden pairs; it starts at 1 so that each one costs.
        count = [0] * self.classes + [1]
        group_of: list[list[int]] = []
        members: list[list[list[int]]] = []
        for _ in range(self.lay.bases):
            order = list(range(total))
            rng.shuffle(order)
            # one fixed point per group, so that no two fixed points start together
            fixed = [p for p in order if p >= self.cyclic]
            rest = [p for p in order if p < self.cyclic]
            groups: list[list[int]] = [[] for _ in self.sizes]
            for g, p in enumerate(fixed):
                groups[g].append(p)
            for g, size in enumerate(self.sizes):
                while len(groups[g]) < size:
                    groups[g].append(rest.pop())
            row = [0] * total
            for g, group in enumerate(groups):
                for p in group:
                    row[p] = g
            group_of.append(row)
            members.append(groups)
        for groups in members:
            for group in groups:
                for i, p in enumerate(group):
                    for q in group[i + 1 :]:
                        count[cls[p][q]] += 1
        weight = [1] * self.classes + [4]
        cost = sum(weight[c] * max(0, n - 1) for c, n in enumerate(count))
        if cost == 0:
            return members
        tabu: dict[tuple[int, int], int] = {}
        step = 0
        while self.nodes < budget:
            step += 1
            b = rng.randrange(self.lay.bases)
            groups, row = members[b], group_of[b]
            conflicted = [p for p in range(total) if self._in_conflict(p, groups[row[p]], count)]
            if not conflicted:
                b = next(
                    (x for x in range(self.lay.bases)
                     if any(self._in_conflict(p, members[x][group_of[x][p]], count)
                            for p in range(total))),
                    -1,
                )  # fmt: skip
                if b < 0:
                    return members
                continue
            p = conflicted[rng.randrange(len(conflicted))]
            a = row[p]
            best = 0  # the least change found, and the swaps that make it
            ties: list[int] = []
            # What swapping p with q changes, counted pair class by pair class: p's pairs in
            # its group come out once for every q, then q's, then the pairs each joins.
            mine, with_p = [x for x in groups[a] if x != p], cls[p]
            leaving = 0
            for x in mine:
                c = with_p[x]
                count[c] -= 1
                if count[c] >= 1:
                    leaving -= weight[c]
            for q in range(total):
                g = row[q]
                if g == a:
                    continue
                self.nodes += 1
                with_q, change = cls[q], leaving
                theirs = [y for y in groups[g] if y != q]
                for y in theirs:
                    c = with_q[y]
                    count[c] -= 1
                    if count[c] >= 1:
                        change -= weight[c]
                for y in theirs:
                    c = with_p[y]
                    if count[c] >= 1:
                        change += weight[c]
                    count[c] += 1
                for x in mine:
                    c = with_q[x]
                    if count[c] >= 1:
                        change += weight[c]
                    count[c] += 1
                for x in mine:
                    count[with_q[x]] -= 1
                for y in theirs:
                    count[with_p[y]] -= 1
                    count[with_q[y]] += 1
                if tabu.get((b * total + q, a), -1) >= step and cost + change > 0:
                    continue
                if not ties or change < best:
                    best, ties = change, [q]
                elif change == best:
                    ties.append(q)
            for x in mine:
                count[with_p[x]] += 1
            if not ties:
                continue
            change, q = best, ties[rng.randrange(len(ties))]
            g = row[q]
            self._apply(p, q, groups[a], groups[g], count)
            row[p], row[q] = g, a
            tabu[(b * total + p, a)] = step + 3 + rng.randrange(5)
            cost += change
            if cost == 0:
                return members
        return None

    def _in_conflict(self, p: int, group: list[int], count: list[int]) -> bool:
        row = self.cls[p]  # a forbidden pair's class counts 1 more than such pairs: always > 1
        return any(q != p and count[row[q]] > 1 for q in group)

    def _apply(
        self, p: int, q: int, group_a: list[int], group_b: list[int], count: list[int]
    ) -> None:
        """Swap p (from a) and q (from b), moving their pairs' counts to the classes they join."""
        row_p, row_q = self.cls[p], self.cls[q]
        for x in group_a:
            if x != p:
                count[row_p[x]] -= 1
                count[row_q[x]] += 1
        for y in group_b:
            if y != q:
                count[row_q[y]] -= 1
                count[row_p[y]] += 1
        group_a[group_a.index(p)] = q
        group_b[group_b.index(q)] = p


def develop(layout: Layout, bases: list[list[list[int]]], wanted: int) -> Rounds:
    """The translates of the base rounds, `wanted` of them."""
    m, cyclic = layout.m, layout.m * layout.rows
    rounds: Rounds = []
    for base in bases:
        for t in range(m):
            rounds.append(
                [
                    sorted(p if p >= cyclic else p - p % m + (p % m + t) % m for p in group)
                    for group in base
                ]
            )
    return rounds[:wanted]


def cyclic_rounds(
    n: int,
    sizes: Sequence[int],
    wanted: int,
    rng: random.Random,
    budget: int = 60_000,
    dfs_budget: int = 0,
) -> tuple[str, Rounds] | None:
    """Zero-repeat rounds for n people in groups of `sizes`, from the first layout whose
    base rounds a search finds: the depth-first search within `dfs_budget` points weighed,
    then the tabu search within `budget` weighed swaps; each gives half of what it has left
    to each layout in turn, the likeliest first."""
    searches: dict[Layout, _BaseSearch] = {}
    for method, total in (("dfs", dfs_budget), ("tabu", budget)):
        left = total
        for layout in layouts(n, sizes, wanted, roomy=method == "dfs")[:6]:
            if left <= 0:
                break
            if layout not in searches:
                searches[layout] = _BaseSearch(layout, sizes, rng)
            search = searches[layout]
            search.nodes = 0
            share = max(1, left // 2)
            bases = search.dfs(share) if method == "dfs" else search.tabu(share)
            left -= search.nodes
            if bases is not None:
                name = f"translates of {layout.bases} base round(s) on Z_{layout.m} x {layout.rows}"
                if layout.fixed:
                    name += f" and {layout.fixed} fixed point(s)"
                return name, develop(layout, bases, wanted)
    return None
