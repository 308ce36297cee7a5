"""Ghosts: people who are not there, stood on the places that held rounds of fewer people than
a design's points leave empty, so that the rounds are the design's again (mates.py).

- Fewer than k * k people in k rooms of k - 1 and k (a café a place short at some tables):
  a ghost on each empty cell of the grid of the first two rounds, in the room of each later
  round that its row and column both lack, when exactly one is (completed).
- A place or two fewer than a design of k(k - 1) points or so (70 people at 9 tables, where
  a design has 72): the ghosts in the rooms short of a place, each way they can stand
  (short_of).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

GHOSTS = 2  # at most, for short_of: 2 ways for each round held after the first


def numbered(row: Sequence[int], k: int) -> list[int] | None:
    """The round's rooms numbered 0 to k - 1, or None unless everyone is in one of k rooms
    as even as they can be (k of k for k * k people, k - 1 and k for fewer)."""
    rooms: dict[int, int] = {}
    for room in row:
        if room < 0:
            return None
        rooms[room] = rooms.get(room, 0) + 1
    sizes = {len(row) // k, -(-len(row) // k)}
    if len(rooms) != k or not set(rooms.values()) <= sizes:
        return None
    number = {room: i for i, room in enumerate(sorted(rooms))}
    return [number[room] for room in row]


def completed(net: list[list[int]], k: int) -> list[list[int]] | None:
    """The held rounds of fewer than k * k people with a ghost on each empty cell of the
    grid of the first two (a person's rooms in them), in the room of each later round that
    its row and column both lack, when exactly one is: the rounds of a design that lost a
    few points (a café of 120 at 11 tables, or 110), whose other rounds follow. None when
    some ghost could stand in two rooms or none."""
    cell = {(r, c): p for p, (r, c) in enumerate(zip(net[0], net[1], strict=True))}
    if len(cell) < len(net[0]):
        return None  # two people on one cell: they met twice
    rows = [list(row) for row in net]
    for r, c in itertools.product(range(k), repeat=2):
        if (r, c) in cell:
            continue
        rows[0].append(r)
        rows[1].append(c)
        for i, row in enumerate(net[2:], start=2):
            lined = [cell.get((r, j)) for j in range(k)] + [cell.get((j, c)) for j in range(k)]
            free = set(range(k)) - {row[p] for p in lined if p is not None}
            if len(free) != 1:
                return None
            rows[i].append(free.pop())
    return rows if all(numbered(row, k) == row for row in rows) else None


def short_of(net: list[list[int]], k: int, points: int) -> Iterator[list[list[int]]]:
    """The held rounds with `points` - n ghosts (GHOSTS at most) after the n people, in rooms
    short of a place in every round (points / k a room), never two on a cell of the grid
    of the first two rounds, nor on a person's: each way they can stand."""
    g, size = points - len(net[0]), points // k
    if points % k or not 0 < g <= GHOSTS:
        return
    short = [[r for r in range(k) for _ in range(size - counts[r])] for counts in map(Counter, net)]
    if any(len(rooms) != g for rooms in short):
        return
    taken = set(zip(net[0], net[1], strict=True))
    for columns in sorted(set(itertools.permutations(short[1]))):
        cells = list(zip(short[0], columns, strict=True))
        if len(set(cells)) < g or taken.intersection(cells):
            continue
        ways = [sorted(set(itertools.permutations(rooms))) for rooms in short[2:]]
        for later in itertools.product(*ways):
            extra = [short[0], list(columns), *map(list, later)]
            yield [[*row, *more] for row, more in zip(net, extra, strict=True)]
