"""Kirkman triple systems KTS(2m + 1) from a pairwise balanced design on m points.

A (m, {4, 7})-PBD is a set of blocks of 4 or 7 of m points in which every pair lies in
exactly one block. Doubling it gives a KTS(2m + 1) (Beth, Jungnickel and Lenz, Design
Theory, Lemma IX.6.4): point x becomes 2x and 2x + 1, and a point infinity is added. On
the doubled points of each block of s, with infinity, lies a KTS(2s + 1) (of order 9 or
15) whose triple through infinity in class i is {2b_i, 2b_i + 1, infinity}, b_i the
block's i-th point. Round x of the whole design is {2x, 2x + 1, infinity} and, from every
block holding x, the rest of the class belonging to x: a pair {x, y} lies in one block, so
the round covers each doubled point once, and every pair meets exactly once.

The orders of 69 and 141 people (m = 34 and 70), which no stored base blocks reach, come
from Brouwer's PBDs, as given in the same book (vol. 1, p. 527): points Z_n x Z_3
(n = 9 or 21) and seven points more, on base blocks developed by the translations listed
below. rotational.py checks the rounds before using them.
"""

from __future__ import annotations

from collections.abc import Callable

Rounds = list[list[list[int]]]  # round -> group -> points
Cell = tuple[int, int]  # (place in Z_n, row in Z_3)
Move = tuple[int, int, int | None]  # added to the place, to the row; the extra point


def _develop(n: int, base: list[Cell], moves: list[Move]) -> list[list[int]]:
    """The base block moved by each translation; (x, y) is point n*y + x."""
    return [
        [n * ((y + dy) % 3) + (x + dx) % n for x, y in base] + ([] if e is None else [e])
        for dx, dy, e in moves
    ]


def _moves(n: int, move: Callable[[int, int], Move]) -> list[Move]:
    return [move(i, j) for i in range(n) for j in range(3)]


def _pbd_34() -> list[list[int]]:
    n, top = 9, 27
    return [
        *_develop(n, [(0, 0), (1, 1), (2, 0), (4, 1)], _moves(n, lambda i, j: (i, j, None))),
        *_develop(n, [(0, 0), (1, 0), (4, 2)], _moves(n, lambda i, j: (i, i + j, top + j))),
        *_develop(
            n, [(0, 0), (2, 2), (5, 0)], _moves(n, lambda i, j: (i + j, 2 * i + j, top + 3 + j))
        ),
        *_develop(n, [(0, 0), (0, 1), (0, 2)], [(i, i, top + 6) for i in range(n)]),
        list(range(top, top + 7)),
    ]


def _pbd_70() -> list[list[int]]:
    n, top = 21, 63
    plain = _moves(n, lambda i, j: (i, j, None))
    # the translations (3i + j, k + j) with the extra point 66 + j: i < 7, j, k < 3
    thirds: list[Move] = [
        (3 * i + j, k + j, top + 3 + j) for i in range(7) for j in range(3) for k in range(3)
    ]
    return [
        *_develop(n, [(0, 0), (1, 0), (5, 1), (13, 1)], plain),
        *_develop(n, [(0, 0), (4, 0), (20, 1), (10, 1)], plain),
        *_develop(n, [(0, 0), (16, 0), (17, 1), (19, 1)], plain),
        *_develop(n, [(0, 0), (2, 1), (8, 1), (11, 1)], plain),
        *_develop(n, [(0, 0), (3, 2), (9, 1)], _moves(n, lambda i, j: (i, j, top + j))),
        *_develop(n, [(0, 0), (7, 0), (14, 1)], thirds),
        *_develop(n, [(0, 0), (0, 1), (0, 2)], [(i, i, top + 6) for i in range(n)]),
        list(range(top, top + 7)),
    ]


PBDS = {34: _pbd_34, 70: _pbd_70}


def kts_9() -> Rounds:
    """The affine plane of order 3: point 3x + y, lines y = a*x + c and x = c."""
    rounds = [[[3 * x + (a * x + c) % 3 for x in range(3)] for c in range(3)] for a in range(3)]
    return [*rounds, [[3 * c + y for y in range(3)] for c in range(3)]]


def doubled(v: int, kts_15: Rounds | None) -> Rounds | None:
    """The KTS(v) doubled from a stored (m, {4, 7})-PBD, m = (v - 1)/2, or None."""
    m = (v - 1) // 2
    if m not in PBDS or kts_15 is None:
        return None
    small = {4: _anchored(kts_9()), 7: _anchored(kts_15)}
    rounds: Rounds = [[[2 * x, 2 * x + 1, v - 1]] for x in range(m)]
    for block in PBDS[m]():
        if len(block) not in small:
            return None
        for i, groups in enumerate(small[len(block)]):
            rounds[block[i]] += [[2 * block[p // 2] + p % 2 for p in group] for group in groups]
    return rounds


def _anchored(kts: Rounds) -> Rounds:
    """A KTS(2s + 1) relabelled so that its last point is infinity and class i holds the
    triple {2i, 2i + 1, infinity}; that triple is then left out of each class."""
    w = sum(len(group) for group in kts[0])
    label = {w - 1: w - 1}
    for i, groups in enumerate(kts):
        a, b = next(sorted(set(g) - {w - 1}) for g in groups if w - 1 in g)
        label[a], label[b] = 2 * i, 2 * i + 1
    return [[[label[p] for p in g] for g in groups if w - 1 not in g] for groups in kts]
