"""Sweep of small splits into rooms: which leave repeats that counting does not forbid.

For every list of N people (N from FIRST to LAST), every number of rooms giving rooms of 3
to 10 people, and 2 to ROUNDS rounds, split `P1`..`PN` with seed 1 through the library and
recount the repeated pairs from the groups returned. Prints each split that leaves repeats
and whose score does not prove them forced (its `limit` does not begin "at most"), with the
engine's time; then how many splits were tried, the slowest, and the candidates for
bench/adjacent_search.c (rooms of at most 8), the most rounds first for each list.

Run: python bench/adjacent_sweep.py [FIRST LAST [ROUNDS [SMALLEST LARGEST]]]
(default 10 150 8 3 10: rooms of SMALLEST to LARGEST people). With ROUNDS above 8 each list
stops at its first split left with repeats, or proven to need them: more rounds hold those.

Measured on 2026-12-06 (10 to 60 people in rooms of 3 and 4, every number of rounds, seed
1): 101 lists stopped at a split with repeats not proven forced, from 17 people in 5 rooms
for 6 rounds to 60 in 19 rooms for 22. bench/starters_search.py hunt then found base rounds
for 66 of them (starters.txt); not for the 35 others, among them 17 to 19 people in 5 rooms
for 6 rounds, where bench/adjacent_search.c left 1 to 3 repeats (45 s, with and without
symmetry) and the SAT model of bench/sat_schedules.py did not decide 18 people in 25 minutes.

Measured later on 2026-12-06 (seed 1, up to 12 rounds; 10 for rooms of 2 and 3, whose
counts of rooms now run up to n / SMALLEST): 20 to 100 people in rooms of 2 and 3, and 61
to 150 in rooms of 3 and 4 and of 4 and 5, left no repeat where counting allows none
(22,028 splits, at most 0.14 s each). 31 to 150 in rooms of 5 and 6, and of 6 and 7, stop
174 lists short: 63 only at counting's limit itself, the others 1 to 6 rounds below it (2
to 51 repeats; 71 to 84 people in 14 rooms for 12 rounds, where 70 in fives have 14).
With extras (liftkit/core/groups/extras.py; same day, same sweep, the code before and
after side by side): 164, the ten fewer 71 to 80 people in 14 rooms, which take 14 rounds
of 70 in fives (8 to 24 repeats over 12 before); no list stops earlier than before.
With filled.filled_two_sizes (2026-12-06, side by side again): rooms of five and six 73 ->
71 (60 and 61 people in 11 rooms now reach 12 rounds), six and seven 91 both: 162. Rooms
of three and four, 10 to 60 people up to 30 rounds: 98 -> 97 lists (54 people in 15 rooms
now reach 19 rounds and more, 57 in 16 rooms 20); two and three, 20 to 60 up to 10: the same.

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


def main(first: int, last: int, most: int, smallest: int = 3, largest: int = 10) -> None:
    tried, slowest = 0, (0.0, "")
    candidates: dict[tuple[int, int], list[int]] = {}
    for n in range(first, last + 1):
        people = [f"P{i}" for i in range(1, n + 1)]
        for count in range(2, n // smallest + 1):
            big, small = -(-n // count), n // count
            if big > largest or small < smallest:
                continue
            for rounds in range(2, min((n - 1) // (small - 1), most) + 1):
                start = time.perf_counter()
                split = liftkit.split_groups(people, count=count, rounds=rounds, seed=1)
                took = time.perf_counter() - start
                tried += 1
                slowest = max(slowest, (took, f"{n}-c{count}-{rounds}"))
                left = repeats(split)
                if most > 8 and split.score.limit.startswith("at most"):
                    break  # counting or a proof: more rounds are no better
                if left and not split.score.limit.startswith("at most"):
                    print(f"{n}-c{count}-{rounds}: {left} repeats, {took:.2f} s")
                    if big <= 8:
                        candidates.setdefault((n, count), []).append(rounds)
                    if most > 8:
                        break
    print(f"{tried} splits; slowest {slowest[1]} in {slowest[0]:.2f} s")
    print("for adjacent_search (people rooms rounds):")
    for (n, count), rounds in sorted(candidates.items()):
        print(f"  {n} {count} {' '.join(map(str, sorted(rounds, reverse=True)))}")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [10, 150, 8, 3, 10][len(args) :]))
