"""Difference rows over Z_k found offline, for transversal rows (designs.py) in k rooms
when k is not a prime power.

People are points (i, j) in s rows of k, and in round r the point (i, j) goes to room
j + M[r][i] mod k. Two rounds r and t repeat a pair only when M[r] - M[t] takes one value
at two rows, so rounds whose pairwise differences are injective repeat nobody; cutting
rows or rounds off keeps that. Z_k's multipliers give as many rounds as the smallest prime
factor of k (2 for 10 rooms); `bench/difference_rows_search.c`, a tabu search, found far
more (8 rounds for 10 rooms of 8, 10 for 14 rooms of 7). `difference_rows.txt` keeps, for
each k up to 40, the matrices that no other one beats in both rows and rounds; each is
checked before use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from itertools import combinations

TABLE = "difference_rows.txt"


@cache
def _table() -> dict[int, tuple[tuple[tuple[int, ...], ...], ...]]:
    """k -> the stored matrices, rounds of rows: lines "k s rounds: row / row / ..."."""
    text = resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8")
    table: dict[int, list[tuple[tuple[int, ...], ...]]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, body = line.split(":", 1)
        k = int(head.split()[0])
        table.setdefault(k, []).append(
            tuple(tuple(int(x) for x in row.split()) for row in body.split("/"))
        )
    return {k: tuple(matrices) for k, matrices in table.items()}


def injective(k: int, rows: list[list[int]]) -> bool:
    """Whether every two rounds' shifts differ by a different amount at every row."""
    return all(
        len({(x - y) % k for x, y in zip(a, b, strict=True)}) == len(a)
        for a, b in combinations(rows, 2)
    )


def stored_rows(k: int, s: int, wanted: int) -> list[list[int]]:
    """Up to `wanted` rounds of shifts on s rows of k, the most stored; [] if none, or if
    the stored matrix fails its check."""
    best: tuple[tuple[int, ...], ...] = ()
    for matrix in _table().get(k, ()):
        if len(matrix[0]) >= s and len(matrix) > len(best):
            best = matrix
    rows = [list(row[:s]) for row in best[:wanted]]
    return rows if injective(k, rows) else []
