"""Resolvable designs over Z_a x Z_b and infinity, where no cyclic group of their order has one.

The points are G = Z_a x Z_b and infinity; H is a subgroup of G, and a few representative
blocks T_j each hold one element of each coset of H but H itself. No pair meets twice when
the differences x - y inside the T_j cover G minus H exactly once; H + g and infinity, for
each coset H + g, hold the pairs left, which a smaller resolvable design on those |H| + 1
points covers. The T_j come in classes, each T + H of a class covering G minus H once; round
(g, c) is T + g + h for T in class c and h in H, with parallel class c of the small design
on H + g and infinity.

- 65 in fives is 1-rotational (Buratti): H has order 4, so H and infinity are one block and
  there is one class, the three T_j; the round of g is the base round plus g. An exhaustive
  search (bench/bicyclic_search.c) shows that there is no such design over Z_64,
  Z_32 x Z_2 or Z_16 x Z_4, and finds one over Z_8 x Z_8 (H the elements of order 2 and 0)
  in a fraction of a second.
- 145 in fives is a 5-frame of type 24^6 filled with the affine plane of order 5: H has
  order 24 (the kernel of (x, y) -> x + y mod 6 in Z_12 x Z_12), each T_j alone covers the
  five cosets that are not H, and each coset with infinity is the 25 points of AG(2,5), whose
  six parallel classes go with the six T_j: 6 cosets x 6 classes = 36 rounds. The T_j were
  found by bench/frame_search.c (an annealing over one element per coset) in about a minute;
  1-rotational searches over every abelian group of order 144 had found nothing.

Point (x, y) of G is x*b + y and infinity is v - 1. rotational.py checks the rounds before
use.
"""

from __future__ import annotations

from liftkit.core.groups.geometry import affine_lines

Rounds = list[list[list[int]]]  # round -> group -> points

# (k, v) -> (a, b, generators of H, classes of representative blocks, each "x,y x,y ...")
DESIGNS: dict[tuple[int, int], tuple[int, int, list[tuple[int, int]], list[list[str]]]] = {
    (5, 65): (
        8,
        8,
        [(4, 0), (0, 4)],
        [["0,1 0,2 1,0 1,2 6,7", "0,3 5,7 6,4 2,1 7,7", "1,1 6,2 7,4 3,5 3,2"]],
    ),
    (5, 145): (
        12,
        12,
        [(1, 5), (0, 6)],
        [
            ["0,1 11,3 9,0 4,0 4,7"],
            ["0,1 8,0 5,4 2,2 6,5"],
            ["0,1 6,8 11,4 1,9 2,3"],
            ["0,1 5,3 3,6 9,7 11,6"],
            ["0,1 3,5 2,1 5,11 0,5"],
            ["0,1 1,1 9,6 1,3 1,4"],
        ],
    ),
}


def develop(k: int, v: int) -> Rounds | None:
    """The rounds of the stored design for v people in groups of k, or None."""
    if (k, v) not in DESIGNS:
        return None
    a, b, generators, classes = DESIGNS[(k, v)]

    def add(p: tuple[int, int], q: tuple[int, int]) -> tuple[int, int]:
        return (p[0] + q[0]) % a, (p[1] + q[1]) % b

    subgroup = {(0, 0)}
    while True:
        grown = subgroup | {add(h, g) for h in subgroup for g in generators}
        if grown == subgroup:
            break
        subgroup = grown
    fill = _fill(k, len(subgroup) + 1)
    if fill is None or len(fill) != len(classes):
        return None
    steps, seen = [], set()
    for g in sorted((x, y) for x in range(a) for y in range(b)):
        if g not in seen:  # one element of each coset of H
            steps.append(g)
            seen |= {add(g, h) for h in subgroup}
    infinity = v - 1
    rounds: Rounds = []
    for g in steps:
        hole = [x * b + y for x, y in sorted(add(h, g) for h in subgroup)] + [infinity]
        for texts, small in zip(classes, fill, strict=True):
            groups = [[hole[p] for p in group] for group in small]
            groups += [
                [x * b + y for x, y in (add(add(_point(text), h), g) for text in block.split())]
                for block in texts
                for h in sorted(subgroup)
            ]
            rounds.append([sorted(group) for group in groups])
    return rounds


def _fill(k: int, points: int) -> Rounds | None:
    """The parallel classes of a resolvable design on H and infinity: one block of k, or the
    lines of the affine plane of order k."""
    if points == k:
        return [[list(range(k))]]
    plane = affine_lines(points, k, k + 1) if points == k * k else None
    return plane[2] if plane is not None else None


def _point(text: str) -> tuple[int, int]:
    x, y = text.split(",")
    return int(x), int(y)
