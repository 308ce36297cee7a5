"""Shadows: a balanced split of people the groups do not divide, built on one they do.

n = k * k + e people in k groups (0 < e <= k / 2), balanced on a column: the twins' design
for n people (twins.py) seldom takes a balance of two a group (101 to 105 people of five
organisations at 10 tables for 4 rounds kept 33 to 55 repeats), where the k * k people
alone, in groups of equal size, often do (100 of them: 12 to 16). So the k * k are split
on their own, and each of the e others then *shadows* one of them: stands beside them in
every round. Their hosts never meet, so no group takes two shadows (sizes stay within
one), and a shadow meets each person as often as its host does: the pairs that meet again
are the host's, and the shadow with its host. The e are taken from the values whose counts
the k groups do not divide, so the k * k are as even as the column allows; a shadow adds
one of its value to its host's group, which keeps a value within one of even wherever that
group had no more of it than the others.

Who may shadow: anyone not kept together with others, not kept apart from anyone and not
a facilitator (their own constraints need groups of their own). The search then mends
what it can, and split.py keeps whichever of the two splits costs less.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from liftkit.core.groups.setup import Setup

Rows = list[list[int]]  # round -> person -> group
HOST_SEARCH = 20_000  # people weighed by the search for hosts who never meet


def shadow_count(setup: Setup, rounds: int, previous: bool) -> int:
    """How many shadows a split of these people would take: n - k * k, when it is worth a
    try (a balance column, more than one round, no earlier split, n - k * k at most k / 2,
    and as many people free to shadow); 0 otherwise."""
    n, k = len(setup.people), setup.groups
    e = n - k * k
    if not setup.columns or previous or rounds < 2 or not 0 < e <= k // 2:
        return 0
    return e if len(_candidates(setup)) >= e else 0


def shadowed_rows(setup: Setup, split_base: Callable[[list[int]], Rows]) -> Rows | None:
    """The rounds of every person: those of `split_base` (given the indices of the people
    it splits, it returns their rounds, in that order) with the shadows beside their hosts;
    None when no hosts who never meet are found."""
    n, k = len(setup.people), setup.groups
    shadows = _chosen(setup, n - k * k)
    shadowed = set(shadows)
    base = [p for p in range(n) if p not in shadowed]
    base_rows = split_base(base)
    hosts = _hosts(base_rows, len(shadows), setup)
    if hosts is None:
        return None
    rows = [[0] * n for _ in base_rows]
    for r, row in enumerate(base_rows):
        for i, p in enumerate(base):
            rows[r][p] = row[i]
        for shadow, host in zip(shadows, hosts, strict=True):
            rows[r][shadow] = row[host]
    return rows


def _candidates(setup: Setup) -> list[int]:
    """People with no constraint of their own, in list order."""
    tied = {p for unit in setup.units if len(unit) > 1 for p in unit}
    apart = {p for members in setup.apart_sets for p in members}
    return [
        p
        for p in range(len(setup.people))
        if p not in tied and p not in apart and not setup.facilitator[p]
    ]


def _chosen(setup: Setup, e: int) -> list[int]:
    """e shadows: each from the value (of the first --balance column) whose count the
    groups divide least evenly, the last listed of it first."""
    k, values = setup.groups, setup.values[0]
    left = _candidates(setup)
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    chosen: list[int] = []
    for _ in range(e):
        free = {values[p] for p in left}
        # the value a shadow taken from it brings nearest to a multiple of k
        v = max(sorted(free), key=lambda v: (counts[v] % k, counts[v]))
        p = next(p for p in reversed(left) if values[p] == v)
        left.remove(p)
        counts[v] -= 1
        chosen.append(p)
    return chosen


def _hosts(base_rows: Rows, e: int, setup: Setup) -> list[int] | None:
    """e people of the base split who never meet, those who meet fewest again first."""
    size = len(base_rows[0]) if base_rows else 0
    met: list[set[int]] = [set() for _ in range(size)]
    again = [0] * size
    for row in base_rows:
        members: dict[int, list[int]] = {}
        for i, g in enumerate(row):
            members.setdefault(g, []).append(i)
        for group in members.values():
            for a, b in combinations(group, 2):
                if b in met[a]:
                    again[a] += 1
                    again[b] += 1
                met[a].add(b)
                met[b].add(a)
    order = sorted(range(size), key=lambda i: (again[i], i))
    hosts: list[int] = []
    budget = [HOST_SEARCH]

    def extend(start: int) -> bool:  # depth first, fewest meetings again first
        if len(hosts) == e:
            return True
        for at in range(start, len(order)):
            budget[0] -= 1
            if budget[0] < 0:
                return False
            i = order[at]
            if all(i not in met[h] for h in hosts):
                hosts.append(i)
                if extend(at + 1):
                    return True
                hosts.pop()
        return False

    return hosts if extend(0) else None
