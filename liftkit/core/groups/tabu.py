"""--balance on a design by tabu search: every swap of two points' values weighed at each step.

colouring.py's search mends one count at a time (pick a group out of band, try swaps that
mend it). With one --balance column of uneven values on the 4 rounds of two orthogonal
Latin squares of order 10 (100 people of organisations of 22, 21, 16, 14, 14 and 13) it
stalls a few counts short, and the 4th round goes to the search, with about 60 repeats.
Weighing every swap at every step and taking the best settles such a colouring in a few
hundred steps.

A step takes the swap that lowers the penalty most (or raises it least), ties broken at
random, among the points not moved lately: a point that moved waits TENURE to TENURE +
SPREAD - 1 steps, unless the swap beats the best colouring so far. Weighing every swap is
cheap because a swap's change splits in two. F[x][v], for a point x holding value u, is
what x's groups gain when u leaves them and v arrives; swapping x (value u) with y (value
v) changes the penalty by F[x][v] + F[y][u], except when x and y share a group, whose
counts then do not change: those pairs (a few in each group) are weighed one by one. The
best of the others is the best F[x][v] over the points holding u plus the best F[y][u]
over those holding v, for each pair of values.

Where that search ends one or two counts out of band, a second one starts from its best,
with half the budget and a generator of its own, on a weighed penalty: every count out of
band has a weight, 1 at first, and whenever no swap lowers the weighed penalty, each count
still out of band weighs one more (the breakout method). Counts stuck in a plateau, every
swap out of which costs, grow heavy until mending them pays. Its best is kept by the plain
penalty, and only if it leaves fewer counts out: a colouring the first search settles is
the same as before. 105 people of six sectors at 10 tables for 4 rounds (twins.py, tables
of 10 and 11), 16 starts of 600,000 swaps weighed: 3 settled, 14 with a second search of
the whole budget; half of it keeps the slowest splits under 2 s (docs/groups-engine.md).
"""

from __future__ import annotations

import random
from bisect import insort
from collections.abc import Sequence

from liftkit.core.groups.search import Problem

TENURE = 4  # steps a moved point waits, at least
SPREAD = 4  # and up to this many more, at random
SAMPLES = 8  # pairs weighed exactly among those tied best by the split change
FAR = 1 << 30  # above any change
RESCUE_LEFT = 2  # counts out of band, at most, after which the weighed search follows
RESCUE_SHARE = 2  # of the budget for it
CHEAP = 3  # things weighed in a step per unit of the budget (a unit is one swap weighed)


def tabu_colouring(
    problem: Problem,
    rounds: Sequence[Sequence[Sequence[int]]],
    order: list[int],
    rng: random.Random,
    budget: int,
    frozen: Sequence[int] = (),
    column: int = 0,
    kinds: Sequence[int] = (),
    patience: int = 0,
) -> tuple[list[int], int]:
    """(order, penalty): the best order (point -> person) found for --balance column
    `column` from `order`, and its counts out of band there (0: every value in band in
    every group). A step weighs each pair sharing a group and each point against each
    value, and costs one unit of `budget` per CHEAP things weighed. Points in `frozen` keep
    their person; with `kinds` (per point), only points of the same kind swap, so that
    what the kinds stand for (the values of the columns before) stays where it is."""
    found, left = _search(problem, rounds, order, rng, budget, frozen, column, kinds, patience)
    if 0 < left <= RESCUE_LEFT:
        # The weighed search, from the plain one's best, with a generator of its own: where
        # it does no better, nothing changes (the caller's generator is not drawn from).
        own = own_generator(found)
        weighed = _search(problem, rounds, found, own, budget // RESCUE_SHARE, frozen, column,
                          kinds, patience, weighed=True)  # fmt: skip
        if weighed[1] < left:
            return weighed
    return found, left


def own_generator(order: list[int]) -> random.Random:
    """A generator seeded by the order a try starts from, so that a try that fails changes
    nothing else (the caller's generator is not drawn from)."""
    return random.Random(sum(i * p for i, p in enumerate(order)))


def _search(
    problem: Problem,
    rounds: Sequence[Sequence[Sequence[int]]],
    order: list[int],
    rng: random.Random,
    budget: int,
    frozen: Sequence[int],
    column: int,
    kinds: Sequence[int],
    patience: int,
    weighed: bool = False,
) -> tuple[list[int], int]:
    """tabu_colouring's search; `weighed`: with the weights (the module's docstring)."""
    n = problem.people
    values, bands = problem.columns[column], problem.bands[column]
    k = len(bands)
    kind = list(kinds) or [0] * n
    sorts = max(kind, default=0) + 1
    lines = [[x for x in group if x < n] for groups in rounds for group in groups]
    line_of: list[list[int]] = [[] for _ in range(n)]
    for i, members in enumerate(lines):
        for x in members:
            line_of[x].append(i)
    # x -> {y: the groups they share}: one in a design, every one for a twin and its point
    share: list[dict[int, tuple[int, ...]]] = [{} for _ in range(n)]
    for i, members in enumerate(lines):
        for x in members:
            for y in members:
                if x != y:
                    share[x][y] = (*share[x].get(y, ()), i)
    top = max(map(len, lines), default=0) + 1
    pen = [[max(0, c - high) + max(0, low - c) for c in range(top + 1)] for low, high in bands]
    order = order[:]
    col = [values[order[x]] for x in range(n)]
    counts = [[0] * k for _ in lines]
    for i, members in enumerate(lines):
        for x in members:
            counts[i][col[x]] += 1
    # up[i][v]: the weighed change of one more v in group i; down[i][v]: of one fewer
    up: list[list[int]] = [[] for _ in lines]
    down: list[list[int]] = [[] for _ in lines]
    weight = [[1] * k for _ in lines]  # of each count, raised while it stays out of band
    # both[i][v]: up[i][v] + down[i][v], what a swap within group i takes off for value v
    both: list[list[int]] = [[] for _ in lines]

    def weigh(i: int) -> None:
        c, w = counts[i], weight[i]
        up[i] = [w[v] * (pen[v][c[v] + 1] - pen[v][c[v]]) for v in range(k)]
        down[i] = [w[v] * (pen[v][c[v] - 1] - pen[v][c[v]]) if c[v] else 0 for v in range(k)]
        both[i] = [a + b for a, b in zip(up[i], down[i], strict=True)]

    def refresh(i: int, w: int) -> None:
        """up[i][w] and down[i][w] weighed again from the counts and weights, and the gains
        of group i's points moved by the difference."""
        p, h, m = pen[w], counts[i][w], weight[i][w]
        now_up, now_down = m * (p[h + 1] - p[h]), m * (p[h - 1] - p[h]) if h else 0
        more, less = now_up - up[i][w], now_down - down[i][w]
        if not (more or less):
            return  # the same weights: nothing moves (most counts stay inside their band)
        up[i][w], down[i][w] = now_up, now_down
        both[i][w] = now_up + now_down
        for z in lines[i]:
            g = gain[z]
            g[w] += more
            if less and col[z] == w:
                gain[z] = [f + less for f in g]

    def refresh_two(i: int, u: int, v: int) -> None:
        """refresh(i, u) then refresh(i, v) (u != v), in one pass over group i's points."""
        p, h, m = pen[u], counts[i][u], weight[i][u]
        now_up, now_down = m * (p[h + 1] - p[h]), m * (p[h - 1] - p[h]) if h else 0
        more_u, less_u = now_up - up[i][u], now_down - down[i][u]
        up[i][u], down[i][u], both[i][u] = now_up, now_down, now_up + now_down
        p, h, m = pen[v], counts[i][v], weight[i][v]
        now_up, now_down = m * (p[h + 1] - p[h]), m * (p[h - 1] - p[h]) if h else 0
        more_v, less_v = now_up - up[i][v], now_down - down[i][v]
        up[i][v], down[i][v], both[i][v] = now_up, now_down, now_up + now_down
        if not (more_u or less_u or more_v or less_v):
            return  # the same weights: nothing moves
        for z in lines[i]:
            g = gain[z]
            g[u] += more_u
            if less_u and col[z] == u:
                g = gain[z] = [f + less_u for f in g]
            g[v] += more_v
            if less_v and col[z] == v:
                gain[z] = [f + less_v for f in g]

    def gains(x: int) -> list[int]:
        ls = line_of[x]
        leave = sum(down[i][col[x]] for i in ls)
        return [leave + sum(column) for column in zip(*(up[i] for i in ls), strict=True)]

    for i in range(len(lines)):
        weigh(i)
    cost = sum(pen[v][c[v]] for c in counts for v in range(k))
    gain = [gains(x) for x in range(n)]
    still = set(frozen)
    movable = [x for x in range(n) if x not in still]
    pairs = [
        (x, y, share[x][y])
        for i, members in enumerate(lines)
        for a, x in enumerate(members)
        for y in members[a + 1 :]
        if x not in still
        and y not in still
        and kind[x] == kind[y]
        and share[x][y][0] == i  # once, at the first group they share
        and len(share[x][y]) < len(line_of[x])  # a twin and its point: a swap changes nothing
    ]
    steps = CHEAP * budget // max(1, len(pairs) + len(movable) * k)
    blocks = _blocks(pairs)
    # movable points by kind and value, in the order of `movable`
    bucket = [[[x for x in movable if kind[x] == t and col[x] == u] for u in range(k)]
              for t in range(sorts)]  # fmt: skip
    none = [FAR] * k  # the lowest gains of no points
    wait = [0] * n
    best, best_cost = order[:], cost
    step = 0
    best_step = 0
    while cost > 0 and step < steps and not (patience and step - best_step > patience):
        step += 1
        # the split change: per kind and pair of values, the best point of each
        low = [
            [list(map(min, zip(*[gain[x] for x in xs if wait[x] <= step], strict=True))) or none
             for xs in b]
            for b in bucket
        ]  # fmt: skip
        tied: list[tuple[int, int, int]] = []
        lowest = FAR
        for t in range(sorts):
            low_t = low[t]
            for u in range(k):
                for v in range(u + 1, k):
                    if low_t[u][v] < FAR and low_t[v][u] < FAR:
                        s = low_t[u][v] + low_t[v][u]
                        if s < lowest:
                            lowest, tied = s, [(t, u, v)]
                        elif s == lowest:
                            tied.append((t, u, v))
        at: dict[tuple[int, int, int], list[int]] = {}  # the points tied best, once drawn
        move, change, ties = None, FAR, 0
        for _ in range(SAMPLES if tied else 0):
            t, u, v = tied[rng.randrange(len(tied))]
            for a, b in ((u, v), (v, u)):
                if (t, a, b) not in at:
                    f = low[t][a][b]
                    at[t, a, b] = [x for x in bucket[t][a] if wait[x] <= step and gain[x][b] == f]
            x, y = rng.choice(at[t, u, v]), rng.choice(at[t, v, u])
            d = gain[x][v] + gain[y][u]
            for i in share[x].get(y, ()):
                d -= both[i][u] + both[i][v]
            if d < change:
                move, change, ties = (x, y), d, 1
        # pairs sharing a group, weighed exactly; a point that waits moves if that makes the
        # best colouring yet (plain) or lowers the penalty (weighed)
        aspired = 0 if weighed else best_cost - cost
        for i, block in blocks:
            h = both[i]
            for x, y, joint in block:
                u, v = col[x], col[y]
                if u == v:
                    continue
                d = gain[x][v] + gain[y][u] - h[u] - h[v]
                for j in joint:  # other groups they share (a twin and its point)
                    d -= both[j][u] + both[j][v]
                if d > change or ((wait[x] > step or wait[y] > step) and d >= aspired):
                    continue
                if d < change:
                    move, change, ties = (x, y), d, 1
                else:
                    ties += 1
                    if rng.randrange(ties) == 0:
                        move = (x, y)
        if move is None:
            break
        if weighed and change >= 0:  # no swap lowers the weighed penalty: counts out weigh more
            for i, c in enumerate(counts):
                for v in range(k):
                    if pen[v][c[v]]:
                        weight[i][v] += 1
                        refresh(i, v)
        x, y = move
        u, v = col[x], col[y]
        common = share[x].get(y, ())
        touched = []
        for z, leaves, comes in ((x, u, v), (y, v, u)):
            for i in line_of[z]:
                if i not in common:
                    c = counts[i]
                    cost -= pen[leaves][c[leaves]] + pen[comes][c[comes]]
                    c[leaves] -= 1
                    c[comes] += 1
                    cost += pen[leaves][c[leaves]] + pen[comes][c[comes]]
                    touched.append(i)
        col[x], col[y] = v, u
        t = kind[x]
        for z, leaves, comes in ((x, u, v), (y, v, u)):
            bucket[t][leaves].remove(z)
            insort(bucket[t][comes], z)
        order[x], order[y] = order[y], order[x]
        for i in touched:  # the points of a group whose counts changed gain otherwise
            refresh_two(i, u, v)  # the only values whose counts changed there
        gain[x], gain[y] = gains(x), gains(y)
        wait[x] = step + TENURE + rng.randrange(SPREAD)
        wait[y] = step + TENURE + rng.randrange(SPREAD)
        if cost < best_cost:
            best, best_cost = order[:], cost
            best_step = step
    return best, best_cost


def _blocks(
    pairs: list[tuple[int, int, tuple[int, ...]]],
) -> list[tuple[int, list[tuple[int, int, tuple[int, ...]]]]]:
    """The pairs, in their order, cut into runs of the first group they share, each as
    (that group, its pairs with the other groups they share: none in a design, more for a
    twin and its point)."""
    blocks: list[tuple[int, list[tuple[int, int, tuple[int, ...]]]]] = []
    for x, y, joint in pairs:
        if not blocks or blocks[-1][0] != joint[0]:
            blocks.append((joint[0], []))
        blocks[-1][1].append((x, y, joint[1:]))
    return blocks
