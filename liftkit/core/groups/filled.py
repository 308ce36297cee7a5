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
from itertools import combinations_with_replacement

from liftkit.core.groups.model import group_sizes

Rounds = list[list[list[int]]]  # round -> group -> points
Made = tuple[str, int, Rounds]  # (name, points, rounds)
Build = Callable[[int, int, int], Made | None]  # (people, groups, rounds wanted) -> design
FILLED = ", its columns filled with"  # in a filled design's name, after its base's

APART_NODES = 20_000  # points weighed, at most, in the search for ghosts' places


def filled_groups(n: int, groups: int, wanted: int, base: Build, inner: Build) -> Made | None:
    """(name, points, rounds): a design of `groups` rounds from `base`, its columns filled
    with the rounds `inner` gives for one column (up to `wanted` in all), or None. Ghosts
    (points n and above, a few people short of s groups' worth) stand in one column; there
    they take the places of people who never meet in the inner rounds, so no group holds
    two of them (149 people in 30 rooms of 4 and 5 for 36 rounds)."""
    s = -(-n // groups) if groups else 0
    if s < 2 or groups % s or wanted <= groups or s >= groups:
        return None
    design = _design_and_columns(n, groups, s, base)
    if design is None:
        return None
    made, columns = design
    points = s * groups
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
    return f"{made[0]}{FILLED} {more[0]}", points, made[2] + extra


def filled_two_sizes(n: int, groups: int, wanted: int, base: Build, inner: Build) -> Made | None:
    """(name, n, rounds): rooms of two sizes, s - 1 and s, from a transversal design of s
    columns of `groups` points whose last column is part ghosts, and its columns filled, or
    None. The design's rounds lose at most one ghost a group: s - 1 or s people in each.
    Each full column of g = `groups` people then splits into rooms of its own (not always
    as many: 20 people make 4 rooms or 5), and the part column's e people into the rooms
    left, when all of them hold s - 1 or s; each schedule from `inner` (one split at
    least), run side by side for as many rounds as all give: 60 people in 11 rooms for 12
    rounds (five columns of 11 in rooms of 5 and 6, and 5 more people in one room), where
    filled_groups wants s to divide g."""
    small, s = n // groups, -(-n // groups)
    if s == small or small < 2 or s >= groups or wanted <= groups:
        return None
    e = n - small * groups  # people in the part column; the s - 1 = small others are full

    def fits(people: int, rooms: int) -> bool:
        return rooms >= 1 and people // rooms >= small and -(-people // rooms) <= s

    each = [r for r in range(1, groups // small + 1) if fits(groups, r)]  # rooms a column
    splits = [rooms for rooms in combinations_with_replacement(each, small)
              if fits(e, groups - sum(rooms))]  # fmt: skip
    splits.sort(key=lambda rooms: len(set(rooms)))  # every full column alike first
    if not splits:  # before the design is built (1,000 people in 53 rooms: none)
        return None
    design = _design_and_columns(n, groups, s, base)
    if design is None:
        return None
    made, columns = design
    part = [[p for p in column if p < n] for column in columns if column[-1] >= n]
    full = [column for column in columns if column[-1] < n]
    if len(part) != 1:  # the ghosts in one column, so that no group loses two
        return None
    cache: dict[tuple[int, int], tuple[str, Rounds]] = {}

    def schedule(people: int, rooms: int) -> tuple[str, Rounds]:
        if (people, rooms) not in cache:
            cache[people, rooms] = _rounds_of(inner, people, rooms, wanted - groups)
        return cache[people, rooms]

    def rounds_given(rooms: tuple[int, ...]) -> int:
        return min(len(schedule(people, r)[1]) for people, r in _columns_rooms(rooms, e, groups))

    rooms = max(splits, key=rounds_given)  # the first of the most
    count, names = rounds_given(rooms), []
    extra: Rounds = [[] for _ in range(count)]
    for column, (people, r) in zip([*full, part[0]], _columns_rooms(rooms, e, groups), strict=True):
        name, rounds = schedule(people, r)
        names += [name] if name not in names else []
        for i in range(count):
            extra[i] += [[column[p] for p in group] for group in rounds[i]]
    for rnd in extra:
        rnd.sort(key=len, reverse=True)  # larger rooms first, as group_sizes
    kept = [[[p for p in group if p < n] for group in rnd] for rnd in made[2]]
    return f"{made[0]}{FILLED} {' and '.join(names)}", n, kept + extra


def _columns_rooms(rooms: tuple[int, ...], e: int, groups: int) -> list[tuple[int, int]]:
    """(people, rooms) for each full column, then the part column of e people."""
    return [(groups, r) for r in rooms] + [(e, groups - sum(rooms))]


def _design_and_columns(
    n: int, groups: int, s: int, base: Build
) -> tuple[Made, list[list[int]]] | None:
    """`base`'s design of s * `groups` points over `groups` rounds and its s columns."""
    made = base(n, groups, groups)
    if made is None or made[1] != s * groups or len(made[2]) != groups:
        return None
    columns = never_meet(made[2], s * groups)
    return (made, columns) if columns is not None and len(columns) == s else None


def _rounds_of(inner: Build, people: int, rooms: int, wanted: int) -> tuple[str, Rounds]:
    """`inner`'s rounds for `people` in `rooms`, or one split of them (whose people never
    met: they stand in one column)."""
    more = inner(people, rooms, wanted) if rooms > 1 else None
    lengths = group_sizes(people, rooms)
    if more is not None:  # ghosts (points past `people`) left out, where sizes still fit
        kept = [[[p for p in group if p < people] for group in rnd] for rnd in more[2]]
        kept = [rnd for rnd in kept if all(len(group) in lengths for group in rnd)]
        if kept:
            return more[0], kept
    starts = [sum(lengths[:i]) for i in range(rooms)]
    return "one split", [[list(range(a, a + k)) for a, k in zip(starts, lengths, strict=True)]]


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
