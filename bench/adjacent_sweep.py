"""Sweep of small splits into rooms: which leave repeats that counting does not forbid.

For every list of N people (N from FIRST to LAST), every number of rooms giving rooms of 3
to 10 people, and 2 to ROUNDS rounds, split `P1`..`PN` with seed 1 through the library and
recount the repeated pairs from the groups returned. Prints each split that leaves repeats
and whose score does not prove them forced (its `limit` does not begin "at most"), with the
engine's time; then how many splits were tried, the slowest, and the candidates for
bench/adjacent_search.c (rooms of at most 8), the most rounds first for each list.

Run: python bench/adjacent_sweep.py [FIRST LAST [ROUNDS]]     # default 10 150 8

Measured on 2026-12-04 (10 to 150 people, up to 8 rounds, one core): 119 splits of 4,000
or so left repeats liftkit could not prove forced; 41 lists had rooms of at most 8 (13 to
47 people, in 4 to 7 rooms); adjacent_search found schedules without a repeat for 19 and 20
people in 6 rooms for 7 rounds, 27 and 29 in 6 rooms for 6 and 34 in 6 rooms for 4
(schedules.txt). The others with rooms of 9 or 10 (81 to 150 people in 10 to 15 rooms for 5
to 8 rounds) need orthogonal Latin squares of order 10 or more than are known to liftkit.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections import Counter

import liftkit


def repeats(split: liftkit.Split) -> int:
    met: Counter[tuple[str, str]] = Counter()
    for rnd in split.rounds:
        for group in rnd.groups:
            met.update(itertools.combinations(sorted(m.name for m in group.members), 2))
    return sum(1 for times in met.values() if times > 1)


def main(first: int, last: int, most: int) -> None:
    tried, slowest = 0, (0.0, "")
    candidates: dict[tuple[int, int], list[int]] = {}
    for n in range(first, last + 1):
        people = [f"P{i}" for i in range(1, n + 1)]
        for count in range(2, n // 3 + 1):
            big, small = -(-n // count), n // count
            if big > 10 or small < 3:
                continue
            for rounds in range(2, min((n - 1) // (small - 1), most) + 1):
                start = time.perf_counter()
                split = liftkit.split_groups(people, count=count, rounds=rounds, seed=1)
                took = time.perf_counter() - start
                tried += 1
                slowest = max(slowest, (took, f"{n}-c{count}-{rounds}"))
                left = repeats(split)
                if left and not split.score.limit.startswith("at most"):
                    print(f"{n}-c{count}-{rounds}: {left} repeats, {took:.2f} s")
                    if big <= 8:
                        candidates.setdefault((n, count), []).append(rounds)
    print(f"{tried} splits; slowest {slowest[1]} in {slowest[0]:.2f} s")
    print("for adjacent_search (people rooms rounds):")
    for (n, count), rounds in sorted(candidates.items()):
        print(f"  {n} {count} {' '.join(map(str, sorted(rounds, reverse=True)))}")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [10, 150, 8][len(args) :]))
