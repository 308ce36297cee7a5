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

APART_NODES = 20_000  # points weighed, at most, in the search for ghosts' places


def filled_groups(
    n: int,
    groups: int,
    wanted: int,
    base: Callable[[int, int, int], Made | None],
    inner: Callable[[int, int, int], Made | None],
) -> Made | None:
    """(name, points, rounds): a design of `groups` rounds from `base`, its columns filled
    with the rounds `inner` gives for one column (up to `wanted` in all), or None. Ghosts
    (points n and above, a few people short of s groups' worth) stand in one column; there
    they take the places of people who never meet in the inner rounds, so no group holds
    two of them (149 people in 30 rooms of 4 and 5 for 36 rounds)."""
    s = -(-n // groups) if groups else 0
    if s < 2 or groups % s or wanted <= groups or s >= groups:
        return None
    made = base(n, groups, groups)
    points = s * groups
    if made is None or made[1] != points or len(made[2]) != groups:
        return None
    columns = never_meet(made[2], points)
    if columns is None or len(columns) != s:
        return None
    more = inner(groups, groups // s, wanted - groups)
    if more is None or more[1] != groups or not more[2]:
        # one round at least: any split of a column, whose people never met (100 people
        # in 20 rooms of 5 for 21 rounds, where 20 people in fours meet again at once)
        more = "one split of it", groups, [[list(range(i, i + s)) for i in range(0, groups, s)]]
    laid = []
    for column in columns:
        ghosts = [p for p in column if p >= n]
        if ghosts:  # inner points that never meet take the ghosts' places
            apart = _never_together(more[2], groups, len(ghosts))
            if apart is None:
                return None
            people = iter(p for p in column if p < n)
            place = dict(zip(apart, ghosts, strict=True))
            column = [place[i] if i in place else next(people) for i in range(groups)]
        laid.append(column)
    extra = [[[column[p] for p in group] for column in laid for group in rnd] for rnd in more[2]]
    return f"{made[0]}, its columns filled with {more[0]}", points, made[2] + extra


def _never_together(rounds: Rounds, n: int, count: int) -> list[int] | None:
    """`count` of the points 0..n-1 of which no two share a group in `rounds`, or None."""
    met = _companions(rounds, n)
    nodes = 0

    def extend(chosen: list[int], start: int) -> list[int] | None:
        nonlocal nodes
        if len(chosen) == count:
            return chosen
        for p in range(start, n):
            nodes += 1
            if nodes > APART_NODES:
                return None
            if not any(q in met[p] for q in chosen):
                found = extend([*chosen, p], p + 1)
                if found is not None:
                    return found
        return None

    return extend([], 0)


def never_meet(rounds: Rounds, n: int) -> list[list[int]] | None:
    """The classes of points 0..n-1 that never share a group in `rounds`, when every other
    pair meets (so that they are a design's columns), all of one size; else None."""
    met = _companions(rounds, n)
    columns: list[list[int]] = []
    seen = [False] * n
    for p in range(n):
        if seen[p]:
            continue
        column = [q for q in range(n) if q not in met[p]]  # p itself among them
        for q in column:
            if seen[q] or [r for r in range(n) if r not in met[q]] != column:
                return None
            seen[q] = True
        columns.append(column)
    return columns if len({len(c) for c in columns}) == 1 else None


def _companions(rounds: Rounds, n: int) -> list[set[int]]:
    """Per point 0..n-1, the points it shares a group with in `rounds`."""
    met: list[set[int]] = [set() for _ in range(n)]
    for rnd in rounds:
        for group in rnd:
            for p in group:
                met[p].update(q for q in group if q != p)
    return met
