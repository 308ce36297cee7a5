"""Rounds after held rounds of k * k + e people in k rooms that stood as twins (twins.py):
e pairs who shared a room in every held round, the rest of them k * k people in rooms of k.

Without them the held rounds are a net of k * k people (mates.py), whose next rounds from a
design meet nobody again; each twin then stands beside its partner again, so that only the
e twins meet again, as they did in every round. The partners are spread over the rooms as
evenly as they can be in every round (two parallel classes of an affine plane meet in one
point, so a line of partners is a transversal of every round but its own), and so are the
facilitators, the twins' with their partners'. A café of 72 at 8 tables over four rounds,
its last reshuffled: 33 pairs met again where the plan had 8 (greedy rounds and the
search); 8 now.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from liftkit.core.groups.designs import Design
from liftkit.core.groups.ghosts import GHOSTS
from liftkit.core.groups.mates import mate_rounds
from liftkit.core.groups.setup import Setup


def twin_rounds(setup: Setup, held: Sequence[Sequence[int]], rounds: int, rng: random.Random,
                designs: Callable[[Setup], Iterable[Design]],
                avoid: Sequence[int] = ()) -> list[list[int]]:  # fmt: skip
    """Up to `rounds` rounds (each person's group) after three held rounds or more in
    which pairs, and nobody else, shared a room every time (n - k * k of them, or fewer
    since people left), that repeat nobody but them; the first of them not the rooms
    `avoid`. None where the held rounds are not so (mate_rounds says the rest)."""
    n, k = len(setup.people), setup.groups
    if len(held) < 3 or not k * k < n <= 2 * k * k or any(len(u) > 1 for u in setup.units):
        return []
    twin = twins_in(held, n)
    if twin is None or not twin or not k * (k - 1) - GHOSTS <= n - len(twin) <= k * k:
        return []  # (mate_rounds places ghosts where people of the rest are missing)
    core = [p for p in range(n) if p not in twin]
    at = {p: i for i, p in enumerate(core)}
    beside = [0] * len(core)
    leads = [int(setup.facilitator[p]) for p in core]
    for t, p in twin.items():
        beside[at[p]] = 1
        leads[at[p]] += setup.facilitator[t]
    alone = replace(
        setup,
        people=[setup.people[p] for p in core],
        sizes=[k] * k,
        units=[[i] for i in range(len(core))],
        # the covers (mates._transversals) hold one facilitator each, else one partner
        facilitator=[weight > 0 for weight in (leads if any(leads) else beside)],
    )
    now = [avoid[p] for p in core if p < len(avoid)]
    made = mate_rounds(alone, [[row[p] for p in core] for row in held], rounds, rng,
                       designs(alone), now, (), [beside, leads])  # fmt: skip
    rows = [[row[at[twin.get(p, p)]] for p in range(n)] for row in made]
    return list(itertools.takewhile(lambda row: _even(row, k), rows))


def _even(row: list[int], k: int) -> bool:
    """Whether a round's groups (each person's) differ in size by one at most."""
    sizes = Counter(row)
    return max(sizes.values()) - min(sizes.get(g, 0) for g in range(k)) <= 1


def twins_in(held: Sequence[Sequence[int]], n: int) -> dict[int, int] | None:
    """Each twin and the one it shared a room with in every held round (the later of two
    such people is the twin); None when someone shared every room with two or more, or
    was not in one."""
    common: list[set[int] | None] = [None] * n
    for row in held:
        if len(row) != n or min(row, default=0) < 0:
            return None
        rooms: dict[int, set[int]] = {}
        for p, g in enumerate(row):
            rooms.setdefault(g, set()).add(p)
        for p, g in enumerate(row):
            mine = common[p]
            common[p] = rooms[g] - {p} if mine is None else mine & rooms[g]
    twin: dict[int, int] = {}
    for p, mates in enumerate(common):
        if mates is None or len(mates) > 1:
            return None
        twin.update((p, q) for q in mates if q < p)
    return twin
