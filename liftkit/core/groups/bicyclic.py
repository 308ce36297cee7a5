"""Resolvable designs 1-rotational over Z_a x Z_b, where no cyclic group of their order has one.

A resolvable 2-(v,k,1) design is 1-rotational over a group G of order v - 1 (Buratti) when
its points are G and infinity and adding an element of G maps rounds to rounds. With H a
subgroup of order k - 1, the base round is {infinity} + H and the blocks T_j + h (h in H) of
a few representative blocks T_j that hold one element of each coset of H but H itself; the
rounds are the base round plus one element of each coset of H. No pair meets twice when
the differences x - y inside the T_j cover G minus H exactly once.

An exhaustive search (bench/bicyclic_search.c) shows that 65 people in fives have no such
design over Z_64, Z_32 x Z_2 or Z_16 x Z_4, and finds one over Z_8 x Z_8 (H the elements of
order 2 and 0) in a fraction of a second; it is stored here as its three blocks T_j. Point
(x, y) of G is x*b + y and infinity is v - 1. rotational.py checks the rounds before use.
"""

from __future__ import annotations

Rounds = list[list[list[int]]]  # round -> group -> points

# (k, v) -> (a, b, generators of H, representative blocks, each "x,y x,y ...")
DESIGNS: dict[tuple[int, int], tuple[int, int, list[tuple[int, int]], list[str]]] = {
    (5, 65): (
        8,
        8,
        [(4, 0), (0, 4)],
        ["0,1 0,2 1,0 1,2 6,7", "0,3 5,7 6,4 2,1 7,7", "1,1 6,2 7,4 3,5 3,2"],
    ),
}


def develop(k: int, v: int) -> Rounds | None:
    """The rounds of the stored design for v people in groups of k, or None."""
    if (k, v) not in DESIGNS:
        return None
    a, b, generators, texts = DESIGNS[(k, v)]

    def add(p: tuple[int, int], q: tuple[int, int]) -> tuple[int, int]:
        return (p[0] + q[0]) % a, (p[1] + q[1]) % b

    subgroup = {(0, 0)}
    while True:
        grown = subgroup | {add(h, g) for h in subgroup for g in generators}
        if grown == subgroup:
            break
        subgroup = grown
    blocks = [[_point(text) for text in block.split()] for block in texts]
    base = [sorted(subgroup)] + [
        [add(p, h) for p in block] for block in blocks for h in sorted(subgroup)
    ]
    steps, seen = [], set()
    for g in sorted((x, y) for x in range(a) for y in range(b)):
        if g not in seen:  # one element of each coset of H
            steps.append(g)
            seen |= {add(g, h) for h in subgroup}
    infinity = v - 1
    rounds: Rounds = []
    for g in steps:
        groups = [[x * b + y for x, y in (add(p, g) for p in block)] for block in base]
        groups[0].append(infinity)
        rounds.append([sorted(group) for group in groups])
    return rounds


def _point(text: str) -> tuple[int, int]:
    x, y = text.split(",")
    return int(x), int(y)
