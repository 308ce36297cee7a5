"""Resolvable designs in groups of k from a pairwise balanced design on m points.

A PBD is a set of blocks of m points in which every pair lies in exactly one block.
Inflating it by k - 1 gives a resolvable 2-((k - 1)m + 1, k, 1) design (for k = 3 a
Kirkman triple system; Beth, Jungnickel and Lenz, Design Theory, Lemma IX.6.4 for k = 3):
point x becomes the k - 1 points (k - 1)x + e, and a point infinity is added. On the
inflated points of each block of s, with infinity, lies a resolvable 2-((k - 1)s + 1, k, 1)
design whose group through infinity in class i holds the k - 1 points of b_i, the block's
i-th point. Round x of the whole design is x's points with infinity and, from every block
holding x, the rest of the class belonging to x: a pair {x, y} lies in one block, so the
round covers each inflated point once, and every pair meets exactly once.

Stored PBDs, for orders that no stored base blocks reach:
- KTS(69) and KTS(141) (m = 34 and 70, blocks of 4 and 7, a KTS(9) or KTS(15) on each):
  Brouwer's PBDs, as given in the same book (vol. 1, p. 527): points Z_n x Z_3 (n = 9 or
  21) and seven points more, on base blocks developed by the translations listed below.
- a resolvable 2-(136,4,1) design (m = 45, blocks of 5, a 2-(16,4,1) design on each): a
  2-(45,5,1) design from a difference family over Z_3 x Z_3 x Z_5, two base blocks and the
  subgroup of order 5, found by an exhaustive search (bench/pbd_search.py).

rotational.py checks the rounds before using them.
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


def _bibd_45() -> list[list[int]]:
    """2-(45,5,1): the translates of two base blocks over Z_3 x Z_3 x Z_5, point
    15a + 5b + c, and the cosets of the subgroup of order 5."""
    bases = [[(0, 0, 0), (0, 1, 0), (0, 2, 1), (1, 0, 2), (2, 1, 2)],
             [(0, 0, 0), (0, 1, 2), (1, 0, 1), (2, 0, 0), (2, 2, 2)]]  # fmt: skip
    blocks = [
        [15 * ((a + x) % 3) + 5 * ((b + y) % 3) + (c + z) % 5 for a, b, c in base]
        for base in bases
        for x in range(3)
        for y in range(3)
        for z in range(5)
    ]
    return blocks + [[15 * x + 5 * y + z for z in range(5)] for x in range(3) for y in range(3)]


# (group size k, PBD points m) -> the PBD's blocks
PBDS: dict[tuple[int, int], Callable[[], list[list[int]]]] = {
    (3, 34): _pbd_34,
    (3, 70): _pbd_70,
    (4, 45): _bibd_45,
}


def kts_9() -> Rounds:
    """The affine plane of order 3: point 3x + y, lines y = a*x + c and x = c."""
    rounds = [[[3 * x + (a * x + c) % 3 for x in range(3)] for c in range(3)] for a in range(3)]
    return [*rounds, [[3 * c + y for y in range(3)] for c in range(3)]]


def inflated(k: int, v: int, develop: Callable[[int, int], Rounds | None]) -> Rounds | None:
    """The resolvable 2-(v,k,1) design inflated from a stored PBD on (v - 1)/(k - 1)
    points, its ingredients from `develop(k, w)` (and the KTS(9) here), or None."""
    m, t = (v - 1) // (k - 1), k - 1
    if (k, m) not in PBDS:
        return None
    blocks = PBDS[(k, m)]()
    small: dict[int, Rounds] = {}
    for s in {len(block) for block in blocks}:
        design = kts_9() if (k, s) == (3, 4) else develop(k, t * s + 1)
        if design is None:
            return None
        small[s] = _anchored(design, t)
    rounds: Rounds = [[[*range(t * x, t * x + t), v - 1]] for x in range(m)]
    for block in blocks:
        for i, groups in enumerate(small[len(block)]):
            rounds[block[i]] += [[t * block[p // t] + p % t for p in group] for group in groups]
    return rounds


def _anchored(design: Rounds, t: int) -> Rounds:
    """A resolvable design relabelled so that its last point is infinity and class i holds
    the group of the t points ti, ..., ti + t - 1 with infinity; that group is then left out
    of each class."""
    w = sum(len(group) for group in design[0])
    label = {w - 1: w - 1}
    for i, groups in enumerate(design):
        others = next(sorted(set(g) - {w - 1}) for g in groups if w - 1 in g)
        label.update({p: t * i + e for e, p in enumerate(others)})
    return [[[label[p] for p in g] for g in groups if w - 1 not in g] for groups in design]
