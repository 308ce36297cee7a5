"""Two rounds as a grid, and one grid found again in another under renamed rows and columns.

Two rounds of people in k rooms that meet nobody twice put each person in one cell of a
k x k grid: row their room in one round, column their room in the other. Give each cell a
colour (-1 when empty, else the person's class: facilitator or not, each balanced value)
and two such pairs of rounds are alike when some renaming of rows and of columns turns
one grid into the other (`matched`). Found by a depth-first search over rows, the held
row with fewest fresh rows left first; each column keeps the fresh columns it may still
be, and a bipartite matching settles the columns at the end. 90 people at 10 tables
(one empty cell a row and column): found at the first try; with a table host at each,
the hosts' cells must cross the empty ones alike, which fails or holds by the cycles
they make.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

Grid = list[list[int]]
Signature = tuple[tuple[int, int], ...]


def grid(
    rows: Sequence[int], columns: Sequence[int], colours: Sequence[int], k: int
) -> Grid | None:
    """The k x k grid of two rounds (each person's room in each) by colour, -1 for an empty
    cell; None when a cell holds two people or someone is in neither's k rooms."""
    cells = [[-1] * k for _ in range(k)]
    for p, (i, j) in enumerate(zip(rows, columns, strict=True)):
        if not (0 <= i < k and 0 <= j < k) or cells[i][j] != -1:
            return None
        cells[i][j] = colours[p]
    return cells


def matched(held: Grid, fresh: Grid, budget: int) -> tuple[list[int], list[int]] | None:
    """Row and column renamings (pi, tau) with fresh[pi[i]][tau[j]] == held[i][j] in every
    cell, or None when there are none or `budget` rows were tried without finding them."""
    k = len(held)
    held_rows = [_signature(row) for row in held]
    fresh_rows = [_signature(row) for row in fresh]
    held_columns = [_signature([row[j] for row in held]) for j in range(k)]
    fresh_columns = [_signature([row[j] for row in fresh]) for j in range(k)]
    if sorted(held_rows) != sorted(fresh_rows) or sorted(held_columns) != sorted(fresh_columns):
        return None
    alike: dict[Signature, list[int]] = {}
    for r, signature in enumerate(fresh_rows):
        alike.setdefault(signature, []).append(r)
    pi = [-1] * k
    used: set[int] = set()
    left = budget

    def search(may_be: list[set[int]], done: int) -> list[int] | None:  # tau when found
        nonlocal left
        if done == k:
            return _matching(may_be)
        i = min((i for i in range(k) if pi[i] < 0),
                key=lambda i: sum(r not in used for r in alike[held_rows[i]]))  # fmt: skip
        for r in alike[held_rows[i]]:
            if r in used or left <= 0:
                continue
            left -= 1
            narrowed = [{c for c in may_be[j] if fresh[r][c] == held[i][j]} for j in range(k)]
            singles = [next(iter(c)) for c in narrowed if len(c) == 1]
            if all(narrowed) and len(singles) == len(set(singles)):
                pi[i] = r
                used.add(r)
                tau = search(narrowed, done + 1)
                if tau is not None:
                    return tau
                pi[i] = -1
                used.discard(r)
        return None

    start = [{c for c in range(k) if fresh_columns[c] == held_columns[j]} for j in range(k)]
    tau = search(start, 0)
    return (pi, tau) if tau is not None else None


def _signature(cells: Sequence[int]) -> Signature:
    return tuple(sorted(Counter(cells).items()))


def _matching(may_be: list[set[int]]) -> list[int] | None:
    """A column renaming with each held column j on one of may_be[j], all different."""
    taken: dict[int, int] = {}  # fresh column -> held column

    def augment(j: int, seen: set[int]) -> bool:
        for c in sorted(may_be[j]):
            if c not in seen:
                seen.add(c)
                if c not in taken or augment(taken[c], seen):
                    taken[c] = j
                    return True
        return False

    if not all(augment(j, set()) for j in range(len(may_be))):
        return None
    tau = [0] * len(may_be)
    for c, j in taken.items():
        tau[j] = c
    return tau
