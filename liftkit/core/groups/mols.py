"""Orthogonal arrays for any number of groups, laid out as rounds without a repeat.

An orthogonal array OA(t, g) has g*g rows of t symbols 0..g-1 in which any two columns hold
every pair of symbols exactly once: the rows, columns and symbols of t - 2 mutually
orthogonal Latin squares (MOLS) of order g. Here an array comes as `row(c, y)`, the row y of
class c: the last entry of each row is its class, and within a class every other column is
a permutation of the symbols. Two layouts make rounds of g groups from it:

- rooms (a resolvable transversal design): people are (column, symbol) for the first s
  columns, s <= t - 1; round c is class c, each of its g rows a group of s people. Two
  people of different columns share exactly one row, so g rounds: 48 people in 12 rooms of
  4 for 12 rounds, 60 in 12 rooms of 5.
- tables (the rows as people): people are the rows of s classes; round j groups them by
  their symbol in column j, for each column but the last; two rows agree in at most one
  column. With every class (g*g people at g tables) the last column is one round more: 144
  people at 12 tables for 7 rounds. With a few people short of g*g, the missing ones are
  rows that agree nowhere, found by a short search, so no table is left short twice.

Arrays: MacNeish (1922) over the ring GF(q1) x ... x GF(qr), g = q1...qr in prime powers:
the row y of class x holds y + a*x for the m = min(qi) slopes a = (j, ..., j), j < m, whose
differences have no zero component (they are units, so each (a - b)*x takes every value
once), then x: an OA(m + 1, g). For a prime power this is the affine plane (g + 1 columns);
for 12 = 4 * 3 an OA(4, 12). Wider arrays are stored (mols_data.py): (g,k,1) difference
matrices give an OA(7, 12), OA(7, 21), OA(9, 24), OA(7, 28), OA(7, 33), quasi-difference
matrices an OA(6, 20), OA(5, 22), OA(6, 26), OA(6, 30), OA(6, 34), and Latin squares an
OA(4, 10), OA(6, 14), OA(6, 15), OA(5, 18).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from liftkit.core.groups.fields import make_field, prime_power
from liftkit.core.groups.geometry import MOLS_10
from liftkit.core.groups.mols_data import (
    MOLS_14,
    MOLS_15,
    Vectors,
    difference_matrix_12,
    difference_matrix_21,
    difference_matrix_24,
    difference_matrix_28,
    difference_matrix_33,
    orthogonal_array_18,
    quasi_difference_matrix_19,
    quasi_difference_matrix_21,
    quasi_difference_matrix_26,
    quasi_difference_matrix_30,
    quasi_difference_matrix_33,
    squares,
)

Rounds = list[list[list[int]]]
Row = tuple[int, ...]

ARRAY_LIMIT = 1024  # orders above this are left to the other constructions
GHOST_BUDGET = 20_000  # rows weighed by the search for rows that agree nowhere


@dataclass(frozen=True)
class Array:
    """An OA(width, order) class by class: rows(c, k) are the order rows of class c, each cut
    to its first k entries (the last entry, when k == width, is c itself)."""

    name: str
    order: int
    width: int
    rows: Callable[[int, int], list[Row]]


def prime_power_factors(g: int) -> list[int]:
    """g as a product of powers of distinct primes, smallest prime first: 12 -> [4, 3]."""
    factors, p = [], 2
    while p * p <= g:
        if g % p == 0:
            q = 1
            while g % p == 0:
                g, q = g // p, q * p
            factors.append(q)
        p += 1
    return [*factors, g] if g > 1 else factors


def macneish(g: int) -> Array | None:
    """OA(min(qi) + 1, g) over the product of the fields GF(qi), g = q1...qr."""
    factors = prime_power_factors(g)
    fields = [make_field(q) for q in factors]
    if g < 2 or any(field is None for field in fields):
        return None  # pragma: no cover - prime powers always have a field
    slopes = min(factors)
    places = [1]
    for q in factors[:-1]:
        places.append(places[-1] * q)

    @functools.cache
    def tables() -> tuple[list[list[list[int]]], list[list[int]]]:
        # per component: the sums (times the component's place) and the products, as tables;
        # made when a row is wanted: best_array weighs an array of each divisor of g by its
        # width (1,000 rooms: 13 arrays, 0.05 s of tables), and takes the rows of one
        sums = [
            [[f.add(a, b) * place for b in range(f.q)] for a in range(f.q)]  # type: ignore[union-attr]
            for f, place in zip(fields, places, strict=True)
        ]
        digits = [
            [x // place % q for place, q in zip(places, factors, strict=True)] for x in range(g)
        ]
        return sums, digits

    def rows(x: int, k: int) -> list[Row]:
        sums, digits = tables()
        # the slope a times x, digit by digit; then row y holds y + a*x for each slope
        steps = [
            [f.mul(a, d) for f, d in zip(fields, digits[x], strict=True)]  # type: ignore[union-attr]
            for a in range(min(k, slopes))
        ]
        out = []
        for y in range(g):
            yd = digits[y]
            entries = [
                sum(t[a][b] for t, a, b in zip(sums, yd, step, strict=True)) for step in steps
            ]
            out.append((*entries, x)[:k])
        return out

    over = " x ".join(f"GF({q})" for q in factors)
    name = f"MacNeish's product {over}" if len(factors) > 1 else over
    return Array(name, g, slopes + 1, rows)


def from_difference_matrix(name: str, matrix: list[list[int]], add: list[list[int]]) -> Array:
    """OA(k + 1, g) of a (g, k, 1) difference matrix (g rows of k): class c adds y to row c."""

    def rows(c: int, k: int) -> list[Row]:
        return [(*(add[entry][y] for entry in matrix[c]), c)[:k] for y in range(len(matrix))]

    return Array(name, len(matrix), len(matrix[0]) + 1, rows)


def from_rows(name: str, rows: list[Row]) -> Array:
    """An OA(k, g) given whole, its rows in classes by their last entry."""
    g = round(len(rows) ** 0.5)
    classes: list[list[Row]] = [[] for _ in range(g)]
    for row in rows:
        classes[row[-1]].append(row)
    return Array(name, g, len(rows[0]), lambda c, k: [row[:k] for row in classes[c]])


def from_squares(name: str, latin: list[list[list[int]]]) -> Array:
    """OA(k + 2, g) of k MOLS: class r is row r of the squares, y the column."""

    def rows(r: int, k: int) -> list[Row]:
        return [(y, *(square[r][y] for square in latin), r)[:k] for y in range(len(latin[0]))]

    return Array(name, len(latin[0]), len(latin) + 2, rows)


DIFFERENCE_MATRICES = {
    12: ("Hanani's (12,6,1) difference matrix", difference_matrix_12),
    21: ("a (21,6,1) difference matrix", difference_matrix_21),
    24: ("a (24,8,1) difference matrix", difference_matrix_24),
    28: ("a (28,6,1) difference matrix", difference_matrix_28),
    33: ("a (33,6,1) difference matrix", difference_matrix_33),
}


def from_quasi_difference_matrix(
    name: str, vectors: Vectors, n: int, u: int = 1, add: Callable[[int, int], int] | None = None
) -> Array:
    """OA(k, n + u) of an (n,k;1,1;u) quasi-difference matrix over a group of order n (Z_n
    unless `add` is given): every vector plus each element of the group (an empty entry,
    or an entry of n or more, is a point at infinity and stays), and the rows of an OA(k, u)
    on the points at infinity (one row of n's when u is 1)."""
    k, plus = len(vectors[0]), add or (lambda x, y: (x + y) % n)
    rows = [tuple(n if x is None else x if x >= n else plus(x, y) for x in v)
            for v in vectors for y in range(n)]  # fmt: skip
    hole = macneish(u) if u > 1 else None
    if hole is not None:
        rows += [tuple(n + x for x in row[:k]) for c in range(u) for row in hole.rows(c, k)]
    else:
        rows.append((n,) * k)
    return from_rows(name, rows)


QUASI_DIFFERENCE_MATRICES = {
    20: ("a (19,6;1,1;1) quasi-difference matrix", quasi_difference_matrix_19),
    22: ("a (21,5;1,1;1) quasi-difference matrix", quasi_difference_matrix_21),
    26: ("a (21,6;1,1;5) quasi-difference matrix", quasi_difference_matrix_26),
    30: ("a (25,6;1,1;5) quasi-difference matrix", quasi_difference_matrix_30),
    34: ("a (33,6;1,1;1) quasi-difference matrix", quasi_difference_matrix_33),
}


def _z5_squared(a: int, b: int) -> int:
    """The sum in Z_5 x Z_5 of (x, y) numbered 5x + y."""
    return (a // 5 + b // 5) % 5 * 5 + (a + b) % 5


def _stored(g: int) -> Array | None:
    if g in DIFFERENCE_MATRICES:
        name, build = DIFFERENCE_MATRICES[g]
        return from_difference_matrix(name, *build())
    if g in QUASI_DIFFERENCE_MATRICES:
        name, quasi = QUASI_DIFFERENCE_MATRICES[g]
        vectors, n = quasi()
        return from_quasi_difference_matrix(name, vectors, n, g - n,
                                            _z5_squared if n == 25 else None)  # fmt: skip
    if g == 10:
        latin = [[[int(s) for s in line] for line in square] for square in MOLS_10]
        return from_squares("two orthogonal Latin squares of order 10", latin)
    if g == 18:
        return from_rows("Abel's five orthogonal Latin squares of order 18", orthogonal_array_18())
    table = {14: MOLS_14, 15: MOLS_15}.get(g)
    if table is None:
        return None
    latin = squares(table)
    return from_squares(f"{len(latin)} orthogonal Latin squares of order {g}", latin)


def product(a: Array, b: Array) -> Array:
    """OA(min(ka, kb), ga*gb) from OA(ka, ga) and OA(kb, gb): the pairs of rows, symbol by
    symbol x*gb + y. Two columns of it hold each pair (x*gb + y, x'*gb + y') once, from the
    one row of a holding (x, x') and the one of b holding (y, y'); class c*gb + d is the
    rows of class c of a paired with those of class d of b."""
    gb, width = b.order, min(a.width, b.width)

    def cut(row: Row, k: int) -> Row:  # k columns; all of them keep each one's class last
        return row[:k] if k < width else (*row[: width - 1], row[-1])

    def rows(c: int, k: int) -> list[Row]:
        return [
            tuple(x * gb + y for x, y in zip(cut(ra, k), cut(rb, k), strict=True))
            for ra in a.rows(c // gb, a.width)
            for rb in b.rows(c % gb, b.width)
        ]

    return Array(f"the product of {a.name} and {b.name}", a.order * gb, width, rows)


@functools.cache
def best_array(g: int) -> Array | None:
    """The widest array known here for order g: MacNeish's, a stored one, or the product of
    two for a split of g into factors (42 = 3 x 14 gives an OA(4, 42), MacNeish an OA(3, 42))."""
    if not 2 <= g <= ARRAY_LIMIT:
        return None
    found = [a for a in (_stored(g), macneish(g)) if a is not None]
    for d in range(3, math.isqrt(g) + 1):
        if g % d == 0:
            a, b = best_array(d), best_array(g // d)
            if a is not None and b is not None:
                found.append(product(a, b))
    return max(found, key=lambda a: a.width) if found else None


def mols_rounds(n: int, groups: int, wanted: int) -> tuple[str, int, Rounds] | None:
    """(name, points, rounds) for n people in `groups` groups from an orthogonal array."""
    g, s = groups, -(-n // groups)
    if s < 2 or s > g or wanted < 2 or (prime_power(g) is not None and s < g):
        return None  # prime powers below g*g: transversal rows over GF(g) do the same
    array = best_array(g)
    if array is None or array.width < 3:
        return None
    if s <= array.width - 1 and s < g:
        return _rooms(array, s, wanted)
    return _tables(array, n, s, wanted)


def _rooms(array: Array, s: int, wanted: int) -> tuple[str, int, Rounds]:
    """Point i*g + y is symbol y of column i: every round holds one of each column's points
    in each group, so ghosts (the last points, all in column s - 1) never share a group."""
    g = array.order
    rounds: Rounds = []
    for c in range(min(wanted, g)):
        groups: list[list[int]] = [[] for _ in range(g)]
        for row in array.rows(c, s):
            groups[row[0]] = [i * g + row[i] for i in range(s)]
        rounds.append(groups)
    name = f"resolvable transversal design from {array.name}"
    return name, s * g, rounds


def _tables(array: Array, n: int, s: int, wanted: int) -> tuple[str, int, Rounds]:
    """Point c*g + y is row y of class c; a class has one point in each group of a round."""
    g, columns = array.order, array.width - 1
    every = s == g and wanted > columns  # the last column as a round too, if it can be
    width = array.width if every else min(wanted, columns)
    rows = [row for c in range(s) for row in array.rows(c, width)]
    if every:
        if n == g * g:
            columns += 1
        else:
            ghosts = _rows_agreeing_nowhere(rows, g, g * g - n)
            if ghosts is not None:  # the last points, left out
                rows = [row for i, row in enumerate(rows) if i not in ghosts] + [
                    rows[i] for i in ghosts
                ]
                columns += 1
    rounds: Rounds = []
    for j in range(min(wanted, columns)):
        groups: list[list[int]] = [[] for _ in range(g)]
        for point, row in enumerate(rows):
            groups[row[j]].append(point)
        rounds.append(groups)
    return f"tables from {array.name}", len(rows), rounds


def _rows_agreeing_nowhere(rows: list[Row], g: int, count: int) -> list[int] | None:
    """`count` rows, one from each of the last classes, no two sharing a symbol anywhere.

    Taking them from the last classes keeps the first classes whole, so the first points
    still make rows of g that every round but the last spreads one to a group.
    """
    chosen: list[int] = []
    taken: list[set[int]] = [set() for _ in rows[0]]  # symbols used, column by column
    budget = [GHOST_BUDGET]

    def extend() -> bool:
        if len(chosen) == count:
            return True
        c = g - count + len(chosen)  # the class to take a row from
        for i in range(c * g, c * g + g):
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if any(x in used for x, used in zip(rows[i], taken, strict=True)):
                continue
            chosen.append(i)
            for x, used in zip(rows[i], taken, strict=True):
                used.add(x)
            if extend():
                return True
            chosen.pop()
            for x, used in zip(rows[i], taken, strict=True):
                used.discard(x)
        return False

    return chosen if extend() else None
