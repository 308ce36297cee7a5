"""Who stands on which point of a design, and design rounds evened out for the people.

start.py lays the people on a design's points (layout), checks which pairs a design leaves
unmet or whether its rows stay apart, and evens out a round that ghosts left uneven.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from liftkit.core.groups.greedy import meetings, spread_facilitators
from liftkit.core.groups.setup import Setup


def unmet_pairs(rounds: Sequence[Sequence[Sequence[int]]], n: int) -> int:
    """Pairs of the first n points that meet in none of the design's rounds."""
    met = 0
    for groups in rounds:
        for group in groups:
            real = sum(1 for x in group if x < n)  # ghosts (points n and above) are nobody
            met += real * (real - 1) // 2
    return n * (n - 1) // 2 - met  # a design meets each pair at most once


def groups_of(groups: Sequence[Sequence[int]], n: int) -> list[int]:
    """Each of the first n points' group in a design round (-1 for none)."""
    where = [-1] * n
    for g, members in enumerate(groups):
        for x in members:
            if x < n:
                where[x] = g
    return where


def members_of(row: Sequence[int], k: int) -> list[list[int]]:
    """The members of each of `k` groups of a round given as each person's group."""
    members: list[list[int]] = [[] for _ in range(k)]
    for p, g in enumerate(row):
        members[g].append(p)
    return members


def design_row(groups: Sequence[Sequence[int]], order: Sequence[int], n: int) -> list[int]:
    """A design round as each person's group, `order` giving the person on each point
    (ghosts, points n and above, are nobody)."""
    row = [0] * n
    for x, g in enumerate(groups_of(groups, n)):
        row[order[x]] = g
    return row


def rows_apart(rounds: Sequence[Sequence[Sequence[int]]], k: int) -> bool:
    """Whether the points of each row (k consecutive points) are never in one group."""
    return all(len({x // k for x in group}) == len(group) for groups in rounds for group in groups)


def layout(setup: Setup, points: int, rng: random.Random, whole_rows: bool,
           values: Sequence[int] = ()) -> list[int]:  # fmt: skip
    """Which person takes each design point (row-major rows of `groups` points).

    In the transversal construction every group gets exactly one point of each row in every
    round, so facilitators go in the first row (one per group) and each value of the first
    --balance column is packed into as few rows as possible (a value within one row is
    never twice in a group); with `whole_rows` (rows_apart), whole rows of one value first.
    """
    n, k = len(setup.people), setup.groups
    rows = [[] for _ in range(-(-points // k))]  # type: list[list[int]]
    room = [k] * len(rows)
    room[-1] = n - k * (len(rows) - 1)
    people = list(range(n))
    rng.shuffle(people)
    facilitators = [p for p in people if setup.facilitator[p]]
    others = [p for p in people if not setup.facilitator[p]]
    values = values or (setup.values[0] if setup.values else ())
    if values:
        by_value: dict[int, list[int]] = {}
        for p in others:
            by_value.setdefault(values[p], []).append(p)
        batches = sorted(by_value.values(), key=lambda batch: (-len(batch), batch[0]))
    else:
        batches = [others]
    pending = [facilitators]
    # Whole rows of one value first, when a row's points never share a group (transversal
    # rows): a row gives each group one point of it in every round, so full rows of each
    # value and the leftovers packed tightly often balance at once.
    empty = [i for i, r in enumerate(room) if r == k] if whole_rows else []
    for batch in batches:
        while empty and len(batch) >= k:
            i = empty.pop(0)
            rows[i].extend(batch[:k])
            room[i] = 0
            batch = batch[k:]
        pending.append(batch)
    for batch in pending:
        while batch:
            fits = [i for i in range(len(rows)) if room[i] >= len(batch)]
            if fits and batch is not facilitators:
                i = min(fits, key=lambda i: (room[i], i))  # the tightest row it fills
            else:
                i = next(i for i in range(len(rows)) if room[i] > 0)
            take = min(room[i], len(batch))
            rows[i].extend(batch[:take])
            room[i] -= take
            batch = batch[take:]
    order: list[int] = []
    for members in rows:
        rng.shuffle(members)
        order.extend(members)
    return order


def even_out(setup: Setup, row: list[int], earlier: list[list[int]]) -> list[int]:
    """Sizes within one and facilitators spread evenly, after ghosts left a design round."""
    n, k = len(setup.people), setup.groups
    members = members_of(row, k)
    meet: list[dict[int, int]] = []  # counted only when someone must move (a long design)

    def cost(p: int, g: int) -> int:
        if not meet:
            meet.extend(meetings(earlier, n))
        return sum(meet[p].get(q, 0) for q in members[g])

    while True:
        big = max(range(k), key=lambda g: len(members[g]))
        small = min(range(k), key=lambda g: len(members[g]))
        if len(members[big]) - len(members[small]) <= 1:
            break
        movers = [p for p in members[big] if not setup.facilitator[p]] or members[big]
        p = min(movers, key=lambda q: cost(q, small))
        members[big].remove(p)
        members[small].append(p)
        row[p] = small
    spread_facilitators(setup, members, row)
    return row


Classes = Sequence[tuple[list[int], list[tuple[int, int]]]]  # per column: values, bands


def balanced_rows(rows: list[list[int]], banded: Classes, k: int) -> bool:
    """Whether every group of every round holds each --balance value in its band."""
    return all(in_bands(members, banded) for row in rows for members in members_of(row, k))


def in_bands(members: Iterable[int], classes: Classes) -> bool:
    """Whether one group's people hold each value of every --balance column within its
    band (ghosts, past the values, are not counted)."""
    members = list(members)
    for values, bands in classes:
        counts = [0] * len(bands)
        for p in members:
            if p < len(values):  # not a ghost
                counts[values[p]] += 1
        if any(not low <= count <= high for count, (low, high) in zip(counts, bands, strict=True)):
            return False
    return True


def alike(one: list[int], other: list[int]) -> bool:
    """Whether two rounds (each person's group) make the same groups."""
    paired: dict[int, int] = {}
    back: dict[int, int] = {}
    for a, b in zip(one, other, strict=True):
        if paired.setdefault(a, b) != b or back.setdefault(b, a) != a:
            return False
    return True


def spread_evenly(lead: Sequence[int], k: int, rows: list[list[int]]) -> bool:
    """Whether every round (each person's group) spreads `lead` (facilitators, or any
    weights) over its k groups as evenly as they can be."""
    total = sum(lead)
    for row in rows:
        counts = [0] * k
        for p, g in enumerate(row):
            counts[g] += lead[p]
        if max(counts) > -(-total // k) or min(counts) < total // k:
            return False
    return True
