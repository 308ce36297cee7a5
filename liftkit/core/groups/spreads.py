"""A resolvable 2-(85,5,1) design: a packing of PG(3,4), 85 people in fives for 21 rounds.

The lines of the projective space PG(3,4) hold every pair of its 85 points once; a packing
splits them into 21 spreads (17 lines each, a partition of the points), so each spread is
a round. Points are Z_85 (point i is a^i up to GF(4)*, a primitive in GF(256)); adding 17
maps lines to lines. Round 0 is the spread fixed by it, the cosets {i, i + 17, ..., i + 68};
the other 20 rounds are four base spreads and their translates by 17, 34, 51 and 68. The
base spreads were found offline (bench/pg34_packing.py, an exact-cover search over the
orbits of lines under adding 17) and are stored below; rotational.py checks the rounds
before using them.
"""

from __future__ import annotations

Rounds = list[list[list[int]]]  # round -> group -> points

POINTS, STEP = 85, 17

BASE_SPREADS = """
0,1,25,41,72 2,4,52,61,84 3,49,55,59,70 5,13,35,71,78 6,29,32,34,82 7,15,37,73,80
8,16,38,74,81 9,22,23,47,63 10,18,40,76,83 11,20,43,46,48 12,58,64,68,79 14,50,57,69,77
17,24,36,44,66 19,28,51,54,56 21,27,31,42,60 26,33,45,53,75 30,39,62,65,67
/
0,2,50,59,82 1,17,48,61,62 3,9,13,24,42 4,12,34,70,77 5,11,15,26,44 6,28,64,71,83
7,23,54,67,68 8,14,18,29,47 10,16,20,31,49 19,32,33,57,73 21,30,53,56,58 22,35,36,60,76
25,38,39,63,79 27,40,41,65,81 37,46,69,72,74 43,52,75,78,80 45,51,55,66,84
/
0,6,10,21,39 1,8,20,28,50 2,18,49,62,63 3,25,61,68,80 4,7,9,57,66 5,14,37,40,42
11,27,58,71,72 12,48,55,67,75 13,19,23,34,52 15,46,59,60,84 16,29,30,54,70
17,33,64,77,78 22,38,69,82,83 24,31,43,51,73 26,32,36,47,65 35,41,45,56,74
44,53,76,79,81
/
0,8,30,66,73 1,19,65,71,75 2,3,27,43,74 4,11,23,31,53 5,9,20,38,84 6,24,70,76,80
7,16,39,42,44 10,13,15,63,72 12,18,22,33,51 14,45,58,59,83 17,26,49,52,54 21,37,68,81,82
25,34,57,60,62 28,35,47,55,77 29,36,48,56,78 32,41,64,67,69 40,46,50,61,79
"""


def packing_rounds() -> Rounds:
    """The 21 rounds: the fixed spread, then each base spread moved by 0, 17, 34, 51, 68."""
    rounds: Rounds = [[[i + STEP * t for t in range(5)] for i in range(STEP)]]
    for base in BASE_SPREADS.split("/"):
        lines = [[int(p) for p in line.split(",")] for line in base.split()]
        for t in range(0, POINTS, STEP):
            rounds.append([sorted((p + t) % POINTS for p in line) for line in lines])
    return rounds
