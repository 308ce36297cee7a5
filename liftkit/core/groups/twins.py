"""Twins: more people than the square of the number of groups, at the least repeats possible.

n = k * k + e people in k groups (0 < e <= k * k) have groups larger than their number, so
no two rounds avoid repeats: a group of k + j people in one round sits at k groups in any
other, and at least j of its pairs meet again there. Every two rounds therefore share at
least e pairs (more when the groups are uneven), and the search's floor
(`Search.repeat_floor`) counts that bound. A design of k * k points in k groups (affine
lines, orthogonal Latin squares) with e of its points given a *twin*, someone who stands
beside that point in every round, meets it exactly: a twin meets each other person as
often as its point does (at most once), so the only pairs that meet again are the e
twins with their points. 104 people at 10 tables for 4 rounds: 4 pairs meet again, each
in every round (the search left 39 meeting twice).

The twinned points must spread evenly, in every round, over the groups: they are taken
as whole transversals (k points, one in every group of every round), then part of one
more. The groups of a round of the design not used are transversals of the others (two
parallel classes of a net meet in exactly one point); otherwise a short depth-first search
looks for disjoint ones (for two orthogonal Latin squares of order 10, the pair sharing
four common transversals is tried too).
"""

from __future__ import annotations

from collections.abc import Callable

Rounds = list[list[list[int]]]  # round -> group -> points
Base = tuple[str, int, Rounds]  # name, points, rounds
Twinned = tuple[str, int, Rounds, list[list[int]]]  # and transversals of the rounds

SEARCH_BUDGET = 200_000  # points weighed by the search for transversals, over them all


def twinned(n: int, k: int, wanted: int, bases: list[Callable[[], Base | None]],
            whole: bool = False) -> Twinned | None:  # fmt: skip
    """The rounds of the first base design of k * k points in k groups that gives `wanted`
    rounds and has room for n - k * k twins spread evenly, with the twins added (points
    k * k and on, in the order of the points they stand beside), and the transversals of
    its rounds that it knows of (the whole ones that twins stand beside, and the twins of
    each that they fill): ten people standing on one, a facilitator at each of 10 tables,
    are one a group in every round. With `whole`, the first base whose twins all stand
    beside whole transversals comes first. None if no base has room."""
    extra = n - k * k
    if k < 2 or wanted < 2 or not 0 < extra <= k * k:
        return None
    made: dict[int, Base | None] = {}
    for need_whole in (True, False) if whole else (False,):
        for i, base in enumerate(bases):
            if i not in made:
                made[i] = base()
            twins = _twins(made[i], extra, k, wanted, need_whole)
            if twins is not None:
                return twins
    return None


def _twins(made: Base | None, extra: int, k: int, wanted: int, whole: bool) -> Twinned | None:
    """twinned() on one base (`whole`: only beside whole transversals)."""
    if made is None:
        return None
    name, points, rounds = made
    if points != k * k or len(rounds) < wanted:
        return None
    used = rounds[:wanted]
    count, part = divmod(extra, k)
    sizes = [k] * (count + 1) if whole and part else [k] * count + ([part] if part else [])
    sets = rounds[wanted] if len(rounds) > wanted else _transversals(used, k, sizes)
    if sets is None or len(sets) * k < extra:
        return None
    chosen = [p for group in sets for p in group][:extra]
    twin = {p: k * k + i for i, p in enumerate(chosen)}
    twins_rounds = [
        [group + [twin[p] for p in group if p in twin] for group in groups] for groups in used
    ]
    spread = [sorted(group) for group in sets if len(group) == k]
    spread += [sorted(twin[p] for p in group) for group in spread if all(p in twin for p in group)]
    return f"{name}, {extra} of its points twinned", k * k + extra, twins_rounds, spread


def _transversals(rounds: Rounds, k: int, sizes: list[int]) -> list[list[int]] | None:
    """Disjoint sets of these sizes, each with at most one point in every group of every
    round (a whole transversal when k), found one after another by a depth-first search
    over the groups of the first round; None when the budget runs out first. (A cyclic
    Latin square of even order, the only one MacNeish gives for order 6, has no whole
    transversal, but partial ones of all smaller sizes.)"""
    where = [[0] * (k * k) for _ in rounds]  # round -> point -> group
    for r, groups in enumerate(rounds):
        for g, group in enumerate(groups):
            for p in group:
                where[r][p] = g
    taken = [False] * (k * k)
    budget = [SEARCH_BUDGET]
    found: list[list[int]] = []
    for size in sizes:
        chosen = _one_set(rounds, where, taken, size, budget)
        if chosen is None:
            return None
        for p in chosen:
            taken[p] = True
        found.append(chosen)
    return found


def _one_set(rounds: Rounds, where: list[list[int]], taken: list[bool], size: int,
             budget: list[int]) -> list[int] | None:  # fmt: skip
    """`size` points not taken, no two in a group of any round, or None."""
    k = len(rounds[0])
    chosen: list[int] = []
    busy = [[False] * k for _ in rounds]
    later = range(1, len(rounds))

    def extend(g: int) -> bool:
        if len(chosen) == size:
            return True
        if k - g < size - len(chosen):
            return False  # too few groups left
        for p in rounds[0][g]:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if taken[p] or any(busy[r][where[r][p]] for r in later):
                continue
            for r in later:
                busy[r][where[r][p]] = True
            chosen.append(p)
            if extend(g + 1):
                return True
            chosen.pop()
            for r in later:
                busy[r][where[r][p]] = False
        return extend(g + 1)  # no point of this group

    return chosen if extend(0) else None
