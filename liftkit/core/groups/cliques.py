"""Whether a design's rounds can take --balance at all, decided before a colouring is sought.

When a --balance value has no more people than there are groups, its band allows at most one
of it in a group, so its people must stand on points that never share a group in the rounds
kept: a clique of the graph of unmet pairs. Every such value needs its own clique, and the
cliques must not overlap. A small exact search packs them (points as bit masks, the point
with the fewest free neighbours first, cliques of each size through it or none).

It answers three ways: a packing (a colouring with every such value in band, to start the
colouring search from), proof that none exists (30 people of six organisations, five of
each, in 6 rooms: the six rounds of the design leave each person five unmet partners, and
no six disjoint cliques of five fit; the colouring search spent 0.35 s failing), or
"unknown" when the search runs out of nodes. A clique takes at most one point of each
group of a round, which bounds the search (BOUND_ROUNDS of them, as it costs a scan).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from liftkit.core.groups.model import tied_together
from liftkit.core.groups.search import Problem

NODES = 20_000  # clique choices tried before the answer is "unknown"
BOUND_ROUNDS = 2  # rounds whose groups bound a clique (one point a group at most)


class Undecided(Exception):
    """The search ran out of nodes before it found a packing or proved there is none."""


def single_cliques(problem: Problem, c: int) -> dict[int, list[int]]:
    """Per value of column c allowing one a group and held by two people or more: its people."""
    people: dict[int, list[int]] = {}
    for p, v in enumerate(problem.columns[c]):
        if problem.bands[c][v][1] == 1:
            people.setdefault(v, []).append(p)
    return {v: members for v, members in people.items() if len(members) > 1}


def pack(
    problem: Problem, rounds: Sequence[Sequence[Sequence[int]]], c: int, nodes: int = NODES
) -> list[list[int]] | None:
    """Disjoint cliques of unmet points, one per value of `single_cliques(problem, c)` (in
    its order, each as large as the value's people), or None when none exist. Raises
    Undecided when `nodes` run out first."""
    wanted = single_cliques(problem, c)
    if not wanted:
        return []
    n = problem.people
    everyone = (1 << n) - 1
    unmet = _unmet(n, rounds)
    sizes = sorted((len(members) for members in wanted.values()), reverse=True)
    masks = [
        [sum(1 << x for x in group if x < n) for group in groups]
        for groups in rounds[:BOUND_ROUNDS]
    ]
    search = _Packer(unmet, masks, n - sum(sizes), nodes)
    if not all(search.any_clique(size) for size in sorted(set(sizes), reverse=True)):
        return None  # 10 people allowed one a table at 10 tables: a common transversal
    found = search.place(everyone, sizes)
    if found is None:
        return None
    by_size: dict[int, list[list[int]]] = {}
    for clique in found:
        by_size.setdefault(len(clique), []).append(clique)
    return [by_size[len(members)].pop() for members in wanted.values()]


def _unmet(n: int, rounds: Sequence[Sequence[Sequence[int]]]) -> list[int]:
    """Per point below n, the points it never shares a group with in `rounds`, as a mask."""
    met = [0] * n
    for groups in rounds:
        for group in groups:
            mask = 0
            for x in group:
                if x < n:  # points n and above are ghosts: nobody stands there
                    mask |= 1 << x
            for x in group:
                if x < n:
                    met[x] |= mask
    everyone = (1 << n) - 1
    return [everyone & ~met[x] & ~(1 << x) for x in range(n)]


def cannot_balance(problem: Problem, rounds: Sequence[Sequence[Sequence[int]]], row: int) -> bool:
    """Whether the values that allow one a group cannot all be so on these rounds: those
    of some column (packed_order), or those of all columns together on rows of `row`
    consecutive points (_rows_cannot_hold)."""
    if _rows_cannot_hold(problem, rounds, row):
        return True
    return packed_order(problem, rounds, list(range(problem.people))) is None


def _rows_cannot_hold(problem: Problem, rounds: Sequence[Sequence[Sequence[int]]],
                      row: int) -> bool:  # fmt: skip
    """Whether values that must each stand within one row cannot.

    Say no point has more than `spread` unmet points in any row but its own. Then a clique
    with points in two rows or more has at most `spread` in each row (each of its points
    leaves no more of another row unmet), so a value allowing one a group with more people
    than rows * spread stands within one row. Someone holding two such values (of two
    columns) ties their rows together, and each set of values tied so must fit in a row.
    In transversal rows each pair of rows meets once at most, so `spread` is the rounds
    left out: 144 people at 36 tables for 34 rounds (rows of 36 points, `spread` 2),
    balanced on organisations of 32, 29 and 21 people and regions of 33 and 22 (at most
    one a table), tie nearly everyone together; a fit of rows spent 0.25 s failing.
    """
    n = problem.people
    unmet = _unmet(n, rounds)
    rows = [((1 << min(i + row, n)) - 1) >> i << i for i in range(0, n, row)]
    spread = max(
        ((unmet[x] & mask).bit_count() for x in range(n)
         for i, mask in enumerate(rows) if i != x // row),
        default=0,
    )  # fmt: skip
    within_a_row = [
        members
        for c in range(len(problem.columns))
        for members in single_cliques(problem, c).values()
        if len(members) > len(rows) * spread
    ]
    tied = tied_together(n, within_a_row)
    return max(map(len, tied), default=0) > max((mask.bit_count() for mask in rows), default=0)


def packed_order(
    problem: Problem, rounds: Sequence[Sequence[Sequence[int]]], order: list[int]
) -> list[int] | None:
    """`order` (point -> person) with the people of each one-a-group value of the first column
    moved onto a clique of points that never meet, when the search finds one; None when some
    column proves that no colouring of these rounds holds its bands."""
    found: list[list[int]] | None = None
    for c in range(len(problem.columns)):
        try:
            packing = pack(problem, rounds, c)
        except Undecided:
            continue
        if packing is None:
            return None
        if c == 0:
            found = packing
    if not found:
        return order
    values = problem.columns[0]
    wanted = single_cliques(problem, 0)
    new = [-1] * len(order)
    for points, v in zip(found, wanted, strict=True):
        for x, p in zip(sorted(points), (p for p in order if values[p] == v), strict=True):
            new[x] = p
    placed = {p for p in new if p >= 0}
    others = (p for p in order if p not in placed)
    return [p if p >= 0 else next(others) for p in new]


class _Packer:
    def __init__(self, unmet: list[int], masks: list[list[int]], slack: int, nodes: int) -> None:
        self.unmet = unmet
        self.masks = masks  # per round, its groups' points: a clique takes one of a group at most
        self.charge = 1 + sum(map(len, masks)) // 8  # nodes a bound costs, for its group scans
        self.slack = slack  # points that may stay outside every clique
        self.nodes = nodes

    def place(self, free: int, sizes: list[int], skipped: int = 0) -> list[list[int]] | None:
        """Cliques of `sizes` within `free` (sizes in decreasing order), or None."""
        if not sizes:
            return []
        self.nodes -= 1
        if self.nodes < 0:
            raise Undecided
        smallest = sizes[-1]
        # A point with too few free unmet partners for any clique must stay outside.
        x, fewest, lonely = -1, 0, 0
        rest = free
        while rest:
            low = rest & -rest
            y = low.bit_length() - 1
            rest ^= low
            partners = (self.unmet[y] & free).bit_count()
            if partners + 1 < smallest:
                lonely += 1
            elif x < 0 or partners < fewest:
                x, fewest = y, partners
        if skipped + lonely > self.slack or x < 0:
            return None
        for size in sorted(set(sizes), reverse=True):
            if fewest + 1 < size:
                continue
            left = list(sizes)
            left.remove(size)
            for clique in self.cliques(self.unmet[x] & free, size - 1, [x]):
                taken = sum(1 << y for y in clique)
                rest_found = self.place(free & ~taken, left, skipped)
                if rest_found is not None:
                    return [clique, *rest_found]
        if skipped < self.slack:  # x belongs to no clique
            return self.place(free & ~(1 << x), sizes, skipped + 1)
        return None

    def room(self, candidates: int) -> int:
        """The most points of `candidates` a clique can take: one a group of every round."""
        self.nodes -= self.charge
        return min(
            (sum(1 for mask in groups if mask & candidates) for groups in self.masks),
            default=candidates.bit_count(),
        )

    def any_clique(self, size: int) -> bool:
        """Whether some `size` points never meet (the lowest point of it first)."""
        for x in range(len(self.unmet)):
            above = self.unmet[x] >> (x + 1) << (x + 1)
            for _ in self.cliques(above, size - 1, [x]):
                return True
        return False

    def cliques(self, candidates: int, more: int, chosen: list[int]) -> Iterator[list[int]]:
        """Every clique made of `chosen` and `more` points of `candidates` (all unmet by
        them); each point added spends a node."""
        if more == 0:
            yield list(chosen)
            return
        while candidates and self.room(candidates) >= more:
            self.nodes -= 1
            if self.nodes < 0:
                raise Undecided
            low = candidates & -candidates
            y = low.bit_length() - 1
            candidates ^= low
            chosen.append(y)
            yield from self.cliques(candidates & self.unmet[y], more - 1, chosen)
            chosen.pop()
