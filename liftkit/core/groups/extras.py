"""Extras: a few more people than a design of equal groups, each on groups that share nobody.

A design of c groups of s (n0 = c * s points, no ghosts) takes e <= c more people, one
more in e of its groups each round, without a repeat: an extra meets the s people of the
group it joins, so the groups it joins over the rounds must hold no point twice, and two
extras never share a group in a round, so they never meet at all. The rounds become e
groups of s + 1 and c - e of s, the sizes liftkit gives n0 + e people in c groups.

The groups for each extra are found by a depth-first search over the rounds, the round
with fewest groups left first, one extra after another and again from the start with
another order when a later one finds none, within EXTRAS_BUDGET groups weighed for all
the numbers of rounds tried (about 0.05 s); the most rounds are tried first, down to one
more than the other constructions give. 71 to 80 people in 14 rooms: the 14 rounds of 70
in fives, where the search left 8 to 24 repeats over 12 rounds (the most any of them
needed, seeds 1 to 5, 12 and 14 rounds: 128,464 groups weighed).
"""

from __future__ import annotations

import random
from collections.abc import Callable

Rounds = list[list[list[int]]]  # round -> group -> points
Made = tuple[str, int, Rounds]  # name, points, rounds
EXTRAS_BUDGET = 400_000  # groups weighed, for every number of rounds tried together
EXTRAS_RESTARTS = 40  # orders tried for each number of rounds


class _Spent(Exception):
    """The search's budget is spent."""


def with_extras(
    n: int,
    k: int,
    wanted: int,
    beyond: int,
    inner: Callable[[int, int, int], Made | None],
    budget: int = EXTRAS_BUDGET,
) -> Made | None:
    """Up to `wanted` zero-repeat rounds for n people in k groups, more than `beyond`, from
    `inner`'s design for the largest multiple of k below n and the rest as extras.

    The search draws from its own generator, seeded by n and k: the split's own draws
    (who stands on which point) are then the same whether or not extras were tried."""
    extras = n % k
    base = n - extras
    size = base // k
    most = min(wanted, base // max(size, 1))  # an extra's groups hold `size` points each
    if extras == 0 or size < 2 or most <= beyond:
        return None
    made = inner(base, k, most)
    if made is None or made[1] != base:
        return None  # no design, or one with ghosts
    name, _, rounds = made
    rng, left = random.Random(n * 1009 + k), [budget]
    masks = [[sum(1 << p for p in group) for group in rnd] for rnd in rounds]  # points as bits
    for count in range(min(most, len(rounds)), beyond, -1):
        try:
            placed = _place(masks[:count], extras, rng, left)
        except _Spent:
            return None
        if placed is not None:
            joined = [[group[:] for group in rnd] for rnd in rounds[:count]]
            for extra, groups in enumerate(placed):
                for r, g in enumerate(groups):
                    joined[r][g].append(base + extra)
            for rnd in joined:
                rnd.sort(key=len, reverse=True)  # the larger groups first, as group_sizes
            return f"{name} with {extras} more", n, joined
    return None


def _place(
    masks: list[list[int]], extras: int, rng: random.Random, left: list[int]
) -> list[list[int]] | None:
    """For each extra, a group of each round (`masks`: each group's points as bits), no two
    sharing a point, and no group taken twice in a round; None when no order within
    EXTRAS_RESTARTS finds them all."""
    for _ in range(EXTRAS_RESTARTS):
        taken = [0] * len(masks)  # bits: the groups of each round an extra has
        placed: list[list[int]] = []
        for _extra in range(extras):
            chosen = [0] * len(masks)
            if not _one(masks, taken, list(range(len(masks))), 0, chosen, rng, left):
                break
            for r, g in enumerate(chosen):
                taken[r] |= 1 << g
            placed.append(chosen)
        if len(placed) == extras:
            return placed
    return None


def _one(masks: list[list[int]], taken: list[int], rounds: list[int], used: int,
         chosen: list[int], rng: random.Random, left: list[int]) -> bool:  # fmt: skip
    """Groups for one extra in `rounds`, sharing no point with `used` (depth first)."""
    left[0] -= len(rounds) * len(masks[0])  # the groups weighed below
    if left[0] < 0:
        raise _Spent
    if not rounds:
        return True
    fewest: tuple[int, list[int]] | None = None
    for r in rounds:
        free = [g for g, mask in enumerate(masks[r]) if not (taken[r] >> g) & 1 and not mask & used]
        if fewest is None or len(free) < len(fewest[1]):
            fewest = (r, free)
            if not free:
                return False
    assert fewest is not None
    r, free = fewest
    rng.shuffle(free)
    rest = [q for q in rounds if q != r]
    for g in free:
        chosen[r] = g
        if _one(masks, taken, rest, used | masks[r][g], chosen, rng, left):
            return True
    return False
