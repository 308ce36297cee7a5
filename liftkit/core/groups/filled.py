"""A transversal design's groups filled with a smaller schedule: more rounds, no repeat.

The g rounds of a resolvable transversal design, s*g people in g groups of s (mols.py's
rooms, or transversal rows over GF(g)), leave unmet exactly the pairs inside its s
columns: people of one column never share a group, and every other pair meets once. When
s divides g, a schedule without repeats for g people in g/s groups of s, run in every
column at once, adds its rounds, each of g groups of s, and repeats nothing: its pairs are
all inside columns. This is the classical filling of a design's groups (the recursive
constructions of design theory). 150 people in fives: 30 rounds from four orthogonal Latin
squares of order 30, then 6 from 30 people in six rooms of 5, 36 of the 37 rounds counting
allows; 144 in fours: 36 and 11 of 36 in nine rooms of 4, 47, all that counting allows.

The columns are found from the design itself (the classes of points that never meet), so
any construction of that shape can be filled.
"""

from __future__ import annotations

from collections.abc import Callable

Rounds = list[list[list[int]]]  # round -> group -> points
Made = tuple[str, int, Rounds]  # (name, points, rounds)


def filled_groups(
    n: int,
    groups: int,
    wanted: int,
    base: Callable[[int, int, int], Made | None],
    inner: Callable[[int, int, int], Made | None],
) -> Made | None:
    """(name, points, rounds): a design of `groups` rounds from `base`, its columns filled
    with the rounds `inner` gives for one column (up to `wanted` in all), or None."""
    s = n // groups if groups else 0
    if s < 2 or n % groups or groups % s or wanted <= groups or s >= groups:
        return None
    made = base(n, groups, groups)
    if made is None or made[1] != n or len(made[2]) != groups:
        return None
    columns = never_meet(made[2], n)
    if columns is None or len(columns) != s:
        return None
    more = inner(groups, groups // s, wanted - groups)
    if more is None or more[1] != groups or not more[2]:
        return None
    extra = [[[column[p] for p in group] for column in columns for group in rnd] for rnd in more[2]]
    return f"{made[0]}, its columns filled with {more[0]}", n, made[2] + extra


def never_meet(rounds: Rounds, n: int) -> list[list[int]] | None:
    """The classes of points 0..n-1 that never share a group in `rounds`, when every other
    pair meets (so that they are a design's columns), all of one size; else None."""
    met = [set() for _ in range(n)]  # type: list[set[int]]
    for rnd in rounds:
        for group in rnd:
            for p in group:
                met[p].update(group)
    columns: list[list[int]] = []
    seen = [False] * n
    for p in range(n):
        if seen[p]:
            continue
        column = [q for q in range(n) if q not in met[p] or q == p]
        for q in column:
            if seen[q] or [r for r in range(n) if r not in met[q] or r == q] != column:
                return None
            seen[q] = True
        columns.append(column)
    return columns if len({len(c) for c in columns}) == 1 else None
