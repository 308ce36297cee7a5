"""Nearly Kirkman triple systems: v people in trios for (v - 2)/2 rounds, no pair twice.

An NKTS(v) exists for every v = 0 mod 6 from 18 on (Kotzig and Rosa 1974; Baker and
Wilson 1977; as resolvable 3-GDDs of type 2^(v/2), Rees and Stinson 1987): every person
meets everyone but one other, the unmet pairs forming a perfect matching.

Here each is built 1-rotationally. With m = (v - 2)/2, the points are two rows of Z_m
(point r*m + x is row r, place x) and two fixed points 2m and 2m + 1. One base round of
trios, translated by t = 0..m-1 (x -> x + t in both rows, the fixed points stay), gives
the m rounds. A pair's class is what translation keeps (its rows and the gap between its
places, or the fixed point and its partner's row; see cyclic.py): the base round uses
each class at most once and never puts the two fixed points together, so no translate
repeats a pair. The base rounds were found by a search run once, offline
(bench/nkts_search.py), and are stored in nkts_data.py; here they are only looked up,
developed and checked, so this is instant.

One or two people fewer use the same design with the fixed points as ghosts: the two
fixed points never meet, so leaving them out makes at most two groups of two.
"""

from __future__ import annotations

import itertools

from liftkit.core.groups.cyclic import Layout, develop
from liftkit.core.groups.nkts_data import BASE_ROUNDS

Rounds = list[list[list[int]]]  # round -> group -> points

MAX_GHOSTS = 2  # the two fixed points, which never share a group


def nearly_kirkman(n: int, groups: int, wanted: int) -> tuple[str, int, Rounds] | None:
    """(name, points, rounds) of an NKTS(v) for n people in `groups` trios, v - n ghosts."""
    v = 3 * groups
    if v not in BASE_ROUNDS or not 0 <= v - n <= MAX_GHOSTS or wanted < 1:
        return None
    rounds = nkts_rounds(v)
    if rounds is None:
        return None  # pragma: no cover - the stored base rounds are checked by the tests
    return f"a nearly Kirkman triple system NKTS({v})", v, rounds[:wanted]


def nkts_rounds(v: int) -> Rounds | None:
    """The (v - 2)/2 rounds of the stored NKTS(v), or None if they fail the check."""
    m = (v - 2) // 2
    points = [int(p) for p in BASE_ROUNDS[v].split()]
    if sorted(points) != list(range(v)):
        return None
    base = [points[i : i + 3] for i in range(0, v, 3)]
    rounds = develop(Layout(m, 2, 2, 1), [base], m)
    return rounds if _no_pair_twice(rounds, v) else None


def _no_pair_twice(rounds: Rounds, v: int) -> bool:
    """Every round splits all v points into groups, and no pair shares two groups."""
    met: set[tuple[int, int]] = set()
    for groups in rounds:
        if sorted(p for group in groups for p in group) != list(range(v)):
            return False
        for group in groups:
            for pair in itertools.combinations(sorted(group), 2):
                if pair in met:
                    return False
                met.add(pair)
    return True
