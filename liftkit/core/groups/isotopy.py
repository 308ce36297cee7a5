"""Held rounds of k * k people found again inside a design: the design's other rounds follow.

Three held rounds of k * k people in k rooms of k that repeat nobody are a Latin square:
row i and column j are a person's rooms in the first two, the symbol their room in the
third. If a design's rounds hold a square isotopic to it (the same up to renaming rows,
columns and symbols), the held rounds are three rounds of the design under a relabelling
of its points, and its other rounds (those the held ones beyond three are not) meet
nobody twice, nor anyone of the held rounds. Any three rounds of an affine plane are
isotopic to any three others of it, so held rounds planned from AG(2, q) are always found:
49 people in sevens, three rounds held of five: 18-20 repeats from greedy rounds and the
search, some from transversal covers (mates.py); none here.

An isotopism is found from two rows: with rows 0 and 1 of the held square sent to rows
r0 and r1 of the design's, the symbols' renaming must turn row 1 read along row 0
(sigma_H: symbol -> symbol) into the same of the design's rows (sigma_D), so it maps each
cycle of sigma_H onto one of sigma_D of the same length; each such renaming fixes the
columns (row 0), and then every other row must be a row of the design's square.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from liftkit.core.groups.points import groups_of

BUDGET = 200_000  # renamings of the symbols tried, at most

Square = list[list[int]]  # row -> column -> symbol


def isotopisms(held: Square, design: Square,
               budget: list[int]) -> Iterator[tuple[list[int], list[int], list[int]]]:  # fmt: skip
    """Every (rows, columns, symbols) with design[rows[i]][columns[j]] == symbols[held[i][j]]
    for every cell, as many as `budget` allows."""
    k = len(held)
    where_h = [_positions(row) for row in held]
    where_d = [_positions(row) for row in design]
    row_of = [[-1] * k for _ in range(k)]  # column, symbol -> the design's row holding it there
    for r, row in enumerate(design):
        for j, x in enumerate(row):
            row_of[j][x] = r
    sigma_h = [held[1][where_h[0][x]] for x in range(k)]
    for r0 in range(k):
        for r1 in range(k):
            if r1 == r0:
                continue
            sigma_d = [design[r1][where_d[r0][y]] for y in range(k)]
            for symbols in _conjugators(sigma_h, sigma_d, budget):
                columns = [where_d[r0][symbols[held[0][j]]] for j in range(k)]
                rows = _rows(held, symbols, columns, row_of, design)
                if rows is not None:
                    yield rows, columns, symbols
            if budget[0] <= 0:
                return


def _positions(row: list[int]) -> list[int]:
    where = [0] * len(row)
    for j, x in enumerate(row):
        where[x] = j
    return where


def _rows(held: Square, symbols: list[int], columns: list[int], row_of: Square,
          design: Square) -> list[int] | None:  # fmt: skip
    """Each held row's row of the design's square, when every held row is one."""
    rows = []
    for row in held:
        r = row_of[columns[0]][symbols[row[0]]]
        if any(design[r][columns[j]] != symbols[x] for j, x in enumerate(row)):
            return None
        rows.append(r)
    return rows if len(set(rows)) == len(rows) else None


def _cycles(sigma: list[int]) -> list[list[int]]:
    seen = [False] * len(sigma)
    cycles = []
    for start in range(len(sigma)):
        if not seen[start]:
            cycle, x = [], start
            while not seen[x]:
                seen[x] = True
                cycle.append(x)
                x = sigma[x]
            cycles.append(cycle)
    return cycles


def _conjugators(sigma_h: list[int], sigma_d: list[int], budget: list[int]) -> Iterator[list[int]]:
    """Every c with c(sigma_h(x)) == sigma_d(c(x)): each cycle of sigma_h onto an unused one
    of sigma_d of its length, at any of its points (as many as the budget allows)."""
    ours, theirs = _cycles(sigma_h), _cycles(sigma_d)
    if sorted(map(len, ours)) != sorted(map(len, theirs)):
        return
    c = [-1] * len(sigma_h)
    used = [False] * len(theirs)

    def place(at: int) -> Iterator[list[int]]:
        if at == len(ours):
            budget[0] -= 1
            yield c[:]
            return
        cycle = ours[at]
        for t, target in enumerate(theirs):
            if used[t] or len(target) != len(cycle):
                continue
            used[t] = True
            for shift in range(len(target)):
                if budget[0] <= 0:
                    break
                for i, x in enumerate(cycle):
                    c[x] = target[(i + shift) % len(target)]
                yield from place(at + 1)
            used[t] = False

    yield from place(0)


def design_square(rounds: Sequence[Sequence[Sequence[int]]], first: int, second: int,
                  third: int) -> tuple[Square, list[list[int]]] | None:  # fmt: skip
    """The square of three of a design's rounds on k * k points (row: the point's group in
    `first`, column: in `second`, symbol: in `third`), and the point of each cell; None when
    two of those rounds do not meet in exactly one point per pair of groups."""
    k = len(rounds[first])
    cell: list[list[int]] = [[-1] * k for _ in range(k)]
    group = [groups_of(rounds[r], k * k) for r in (first, second, third)]
    for x in range(k * k):
        i, j = group[0][x], group[1][x]
        if i < 0 or j < 0 or cell[i][j] >= 0:
            return None
        cell[i][j] = x
    square = [[group[2][cell[i][j]] for j in range(k)] for i in range(k)]
    return square, cell
