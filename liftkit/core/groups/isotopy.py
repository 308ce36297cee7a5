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

With fewer people than cells (90 at 10 tables, a place short at each: a square with a cell
empty in every row), rows and columns are chosen for two rows and a column, and every cell
with two of its row, column and symbol mapped maps the third (_partial). Rows are matched
only to rows of the same mark (the cycles and paths each other row makes along it), and
squares only with the same marks: three rounds of 132 people at 12 tables against a
design's 60 triples, 4 s without them, none found; instant with them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from liftkit.core.groups.points import groups_of

BUDGET = 200_000  # renamings of the symbols tried, at most
DEDUCED = 16  # squares of this order and up are found cell by cell (isotopisms)

Square = list[list[int]]  # row -> column -> symbol


def isotopisms(held: Square, design: Square,
               budget: list[int]) -> Iterator[tuple[list[int], list[int], list[int]]]:  # fmt: skip
    """Every (rows, columns, symbols) with design[rows[i]][columns[j]] == symbols[held[i][j]]
    for every cell, as many as `budget` allows; empty cells (-1) on empty cells. From order
    DEDUCED on, cell by cell (_partial): the renamings of sigma's cycles are too many to try
    one by one (AG(2, 32): sixteen cycles of two, 16! 2^16 renamings; 1,024 people at 32
    tables, three rounds held, 487 repeats in 2.6 s, none in 0.4 s so)."""
    if len(held) >= DEDUCED or any(x < 0 for row in (*held, *design) for x in row):
        yield from _partial(held, design, budget)
        return
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


def embeddings(held: Square, design: Square,
               budget: list[int]) -> Iterator[tuple[list[int], list[int], list[int]]]:  # fmt: skip
    """Every (rows, columns, symbols) that lays the held square's filled cells on cells of
    the design's with those symbols, its empty cells anywhere: fewer people than a design's
    points (52 at 8 tables on the 64 of AG(2, 8)), as many as `budget` allows."""
    yield from _partial(held, design, budget, embed=True)


def _partial(held: Square, design: Square, budget: list[int],
             embed: bool = False) -> Iterator[tuple[list[int], list[int], list[int]]]:  # fmt: skip
    """The isotopisms of squares with empty cells (fewer than k * k people, as 90 at 10
    tables): the rows of two held rows and a column are chosen, and every cell with two of
    its row, column and symbol mapped maps the third, until none is left to choose. With
    `embed`, held empty cells go anywhere (embeddings), and rows are not matched by mark."""
    k = len(held)
    cells = [(i, j, s) for i, row in enumerate(held) for j, s in enumerate(row)]
    if embed:
        cells = [cell for cell in cells if cell[2] >= 0]
    elif sum(s >= 0 for *_, s in cells) != sum(x >= 0 for row in design for x in row):
        return
    if not (_latin(held) and _latin(design)):
        return  # a symbol twice in a row or column: rounds that repeat someone
    marks, theirs = _marks(held), _marks(design)
    if not embed and sorted(marks) != sorted(theirs):
        return  # not the same rows, whatever the names
    column_of = {(r, x): c for r, row in enumerate(design) for c, x in enumerate(row) if x >= 0}
    row_of = {(c, x): r for r, row in enumerate(design) for c, x in enumerate(row) if x >= 0}

    def settled(maps: list[list[int]]) -> bool:
        changed = True
        while changed:
            changed = False
            for i, j, s in cells:
                r, c = maps[0][i], maps[1][j]
                if s < 0:  # on an empty cell
                    if r >= 0 and c >= 0 and design[r][c] >= 0:
                        return False
                    continue
                x = maps[2][s]
                if r >= 0 and c >= 0:
                    if x >= 0 and design[r][c] != x:
                        return False
                    kind, at, found = 2, s, design[r][c]
                elif x >= 0 and r >= 0:
                    kind, at, found = 1, j, column_of.get((r, x), -1)
                elif x >= 0 and c >= 0:
                    kind, at, found = 0, i, row_of.get((c, x), -1)
                else:
                    continue
                if maps[kind][at] == found >= 0:
                    continue
                if found < 0 or found in maps[kind]:
                    return False
                maps[kind][at] = found
                changed = True
        return True

    def extend(maps: list[list[int]]) -> Iterator[tuple[list[int], list[int], list[int]]]:
        budget[0] -= k  # a node weighs every cell, a few times
        rows, columns, symbols = maps
        order = ((0, rows[:2]), (1, columns), (0, rows), (2, symbols))  # two rows first
        kind = next((m for m, left in order if min(left) < 0), None)
        if kind is None:
            yield rows, columns, symbols
            return
        at = maps[kind].index(-1)
        for value in range(k):
            if budget[0] <= 0:
                return
            if value not in maps[kind] and (kind or embed or marks[at] == theirs[value]):
                tried = [m[:] for m in maps]
                tried[kind][at] = value
                if settled(tried):
                    yield from extend(tried)

    yield from extend([[-1] * k for _ in range(3)])


def _latin(square: Square) -> bool:
    """Whether no symbol is twice in a row or a column."""
    lines = [*square, *map(list, zip(*square, strict=True))]
    return all(len(filled) == len(set(filled)) for filled in ([x for x in line if x >= 0]
                                                               for line in lines))  # fmt: skip


def _marks(square: Square) -> list[tuple[tuple[int, ...], ...]]:
    """Each row's mark, the same for rows an isotopism maps to each other: for each other
    row, the lengths of the cycles (negative) and paths that reading this row along it
    makes, from symbol to symbol, over the columns filled in both."""
    marks = []
    for i, a in enumerate(square):
        found = []
        for j, b in enumerate(square):
            if j != i:
                step = {x: y for x, y in zip(a, b, strict=True) if x >= 0 and y >= 0}
                found.append(_lengths(step))
        marks.append(tuple(sorted(found)))
    return marks


def _lengths(step: dict[int, int]) -> tuple[int, ...]:
    """The lengths of the paths of a partial permutation, and of its cycles (negative)."""
    lengths = []
    left = set(step)
    for start in set(step) - set(step.values()):  # where paths begin
        length, x = 0, start
        while x in step:
            left.discard(x)
            length, x = length + 1, step[x]
        lengths.append(length)
    while left:
        length, x = 0, left.pop()
        start = x
        while step[x] != start:
            length, x = length + 1, step[x]
            left.discard(x)
        lengths.append(-length - 1)
    return tuple(sorted(lengths))


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


def design_square(rounds: Sequence[Sequence[Sequence[int]]], points: int, first: int,
                  second: int, third: int) -> tuple[Square, list[list[int]]] | None:  # fmt: skip
    """The square of three of a design's rounds on `points` points, k * k or fewer (row:
    the point's group in `first`, column: in `second`, symbol: in `third`; -1 where no
    point is), and the point of each cell; None when two of those rounds meet in more than
    one point of a pair of groups."""
    k = len(rounds[first])
    cell: list[list[int]] = [[-1] * k for _ in range(k)]
    group = [groups_of(rounds[r], points) for r in (first, second, third)]
    for x in range(points):
        i, j = group[0][x], group[1][x]
        if i < 0 or j < 0 or cell[i][j] >= 0:
            return None
        cell[i][j] = x
    square = [[group[2][x] if x >= 0 else -1 for x in row] for row in cell]
    return square, cell
