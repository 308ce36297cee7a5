"""The 2-(45,5,1) design of liftkit/core/groups/pbd.py, found by an exhaustive search.

A 2-(45,5,1) design has 99 blocks. Over the group G = Z_3 x Z_3 x Z_5 with H its subgroup of
order 5, the 9 cosets of H are blocks whose differences are H's, and two base blocks whose
40 differences are G minus H exactly once give the other 90 by translation. Every block
containing 0 whose 20 differences are distinct and outside H is listed by its set of
differences; a pair whose sets are complements is a difference family. The first found (in
the order below) is printed, about two seconds:

    python bench/pbd_search.py
"""

from __future__ import annotations

import itertools

G = [(a, b, c) for a in range(3) for b in range(3) for c in range(5)]
ZERO = (0, 0, 0)


def minus(x: tuple[int, int, int], y: tuple[int, int, int]) -> tuple[int, int, int]:
    return ((x[0] - y[0]) % 3, (x[1] - y[1]) % 3, (x[2] - y[2]) % 5)


def main() -> None:
    outside = frozenset(g for g in G if g[:2] != (0, 0))  # G minus H
    by_differences: dict[frozenset[tuple[int, int, int]], tuple] = {}
    for rest in itertools.combinations(G[1:], 4):
        block = (ZERO, *rest)
        differences = [minus(x, y) for x in block for y in block if x != y]
        found = frozenset(differences)
        if len(found) == 20 and found <= outside:
            by_differences.setdefault(found, block)
    for found, block in by_differences.items():
        mate = by_differences.get(outside - found)
        if mate is not None:
            print(list(block), list(mate))
            return
    print("no difference family")


if __name__ == "__main__":
    main()
