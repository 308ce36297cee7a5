"""Decide exactly, with a SAT solver, whether n people in C rooms can meet for R rounds
with no pair in a room twice.

The rooms have the sizes liftkit gives them (liftkit.core.groups.model.group_sizes: sizes
within one of each other, the larger first). A SAT answer is a schedule, recounted here pair
by pair before it is printed as a line of liftkit/core/groups/schedules.txt; an UNSAT answer
proves that no such schedule exists (liftkit's bounds.py cites these runs).

Model (variables):
- x[r][p][g]: person p is in room g in round r. Each person is in exactly one room a
  round (one clause for at least one, a clause for each two rooms for at most one) and
  room g holds exactly sizes[g] people (a cardinality constraint, sequential counter).
- m[r][p][q]: p and q share a room in round r; x[r][p][g] and x[r][q][g] imply it, and at
  most one m[r][p][q] over the rounds is true (a clause for each two rounds). m may be true
  without a meeting, which only forbids more: a schedule still gives an assignment (m set to
  the real meetings), and any assignment's x is a schedule with no pair twice.

Symmetry breaking. Renaming people, reordering rounds and reordering rooms of equal size
within a round turn a schedule into a schedule. Any schedule can be brought, by the steps
below in this order, into a form that meets every constraint added, each step keeping what
the earlier ones made; so adding them loses no case, and UNSAT still means none exists:
1. Round 1 fixed: room g of round 1 holds the block of people sizes[0] + ... + sizes[g-1]
   onwards (rename people so that round 1's rooms are these blocks, the rooms of a size
   taken in any order).
2. Round 2, within each block: the people of a round-1 room sit in round-2 rooms in
   increasing order (they are in different rooms, having met in round 1; renaming people
   within a block keeps step 1).
3. Blocks of equal size ordered by the round-2 room of their first person, not strictly
   (swap two equal blocks whole, person i for person i: steps 1 and 2 still hold).
4. Rounds 3..R ordered by the least partner of person 0, strictly: person 0 meets others
   in every round and never the same one twice, so these differ (reordering rounds 3..R
   leaves rounds 1 and 2 and everyone's name alone).
5. In rounds 3..R, rooms of equal size ordered by their least member, strictly (rooms are
   disjoint; reordering rooms of one round changes nobody's name nor partners).
Round 2's rooms are not ordered: a round-2 room order would fight step 2. `--steps S` keeps
steps 1 to S only, to check that an UNSAT answer does not hang on the later steps.

Checks of the model (same solver and machine): 9 in trios for 4 rounds, 12 in 4 rooms for
4, 15 in trios for 7 (a Kirkman triple system), 16 in fours for 5 (an affine plane), 34 in 6
rooms for 4 (1.0 s) and 19 in 6 rooms for 7 (1.3 s) SAT, each schedule recounted; 9 in trios
for 5 and 16 in fours for 6 (counting), and 12 in trios for 5 (no nearly Kirkman triple
system of order 12; 0.0 s) UNSAT. Not decided within 300 s: 27 in 6 rooms for 6 (which
bench/adjacent_search.c finds in 15 s), 35 in 6 rooms for 4 (no two orthogonal Latin
squares of order 6) and 12 in trios for 5 with round 1 fixed only. So the model proves
small lists, and finds schedules there, but is no match for the tabu search on 27 people
or for Tarry's order 6.

Run (python-sat lives in its own venv, not a liftkit dependency):
    python3 -m venv /tmp/sat-venv && /tmp/sat-venv/bin/pip install python-sat
    timeout 600 nice -n 10 /tmp/sat-venv/bin/python bench/sat_schedules.py N C R \
        [--solver cadical153|glucose4] [--steps S]
It prints SAT and the schedules.txt line, or UNSAT, with the solver's seconds.

Results (CaDiCaL 1.5.3 through python-sat 1.9.dev24, one core at nice 10, 2026-12-04;
seconds of solving, after a second or so of encoding):
the splits that bench/adjacent_sweep.py left with repeats liftkit could not prove forced
(people-rooms-rounds; liftkit's repeats then; the answer; CaDiCaL's seconds).
    13-4-5   3   UNSAT   0.0 (5.2 with round 1 fixed only)   13 in 4 rooms: 4 rounds at most
    14-4-5   2   UNSAT   0.0 (6.0 with round 1 fixed only)   14 in 4 rooms: 4 at most
    20-5-6   6   UNSAT   1.3                                  20 in 5 rooms: 5 at most
    21-5-6   6   UNSAT   1.3                                  21 in 5 rooms: 5 at most
    22-5-6   5   UNSAT   0.9                                  22 in 5 rooms: 5 at most
    23-5-6   3   UNSAT   0.3                                  23 in 5 rooms: 5 at most
    17-5-6   3   not decided in 120 s (nor by Glucose 4 in 240 s)
    18-5-6   2   not decided in 120 s (nor by Glucose 4 in 240 s)
    19-5-6   3   not decided in 120 s
    19-6-8   6   not decided in 90 s
    25-6-7  12   not decided in 90 s
    32-6-5   9   not decided in 90 s
    33-6-5  11   not decided in 90 s
    34-6-5  14   not decided in 90 s
(35-6-5 was on the sweep's list too, but 35 in 6 rooms is proven to allow 3 rounds at most
since bounds.py knew a square less one person.) Glucose 4 on the same clauses agrees: UNSAT
in 0.0, 0.0, 3.1, 1.9, 1.4 and 0.4 s. The UNSAT answer for 20 people needs step 5 (with
steps 1 to 4, or 1 to 3, none came within 45 s); those for 13 and 14 people need none of
steps 2 to 5. Each limit is reached: liftkit splits 13 and 14 people in 4 rooms for 4
rounds and 20 to 23 in 5 rooms for 5 without a repeat (seed 1, recounted).

2026-12-06, rooms of three and two, which bench/adjacent_sweep.py leaves out (its rooms hold
3 to 10): the splits of 5 to 30 people that liftkit left with repeats it could not prove
forced, seed 1 (same columns as above; one core at nice 10 beside other work):
    7-3-4    1   UNSAT   0.0    7 in 3 rooms: 3 rounds at most
    11-4-5   1   UNSAT   0.4    11 in 4 rooms: 4 at most
    12-5-7   1   SAT     0.5    stored in schedules.txt
    13-5-7   1   SAT    66.9    stored in schedules.txt
    19-7-10  1   not decided in 600 s (nice 15)
bench/adjacent_search.c then found (and schedules.txt stores) 19-7-10 (seed 2, 43 s),
24-9-13 (seed 3, 3 s), 22-9-13, 23-9-13 and 19-8-12 (seed 3, within 60 s each), 21-8-11
(seed 3) and 27-10-14 (seed 4, within 120 s each); not 25 people in 9 rooms for 13 (seeds 2
to 4, 60 to 120 s; liftkit leaves 1) nor 25-10-15 (seed 3, 120 s; liftkit leaves 7). Both
limits are reached (seed 1, recounted).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pysat.card import CardEnc, EncType
from pysat.formula import CNF, IDPool
from pysat.solvers import Solver

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from liftkit.core.groups.model import group_sizes


def encode(n: int, count: int, rounds: int, steps: int = 5) -> tuple[CNF, Callable]:
    """The clauses, and a function reading the rounds (lists of rooms) from a model."""
    sizes = group_sizes(n, count)
    pool = IDPool()
    cnf = CNF()

    def x(r: int, p: int, g: int) -> int:
        return pool.id(("x", r, p, g))

    def m(r: int, p: int, q: int) -> int:
        return pool.id(("m", r, p, q))

    rooms = range(count)
    for r in range(rounds):
        for p in range(n):
            cnf.append([x(r, p, g) for g in rooms])
            cnf.extend([[-x(r, p, g), -x(r, p, h)] for g, h in itertools.combinations(rooms, 2)])
        for g in rooms:
            card = CardEnc.equals(
                [x(r, p, g) for p in range(n)], sizes[g], vpool=pool, encoding=EncType.seqcounter
            )
            cnf.extend(card.clauses)
    for p, q in itertools.combinations(range(n), 2):
        for r in range(rounds):
            cnf.extend([[-x(r, p, g), -x(r, q, g), m(r, p, q)] for g in rooms])
        cnf.extend(
            [[-m(r, p, q), -m(s, p, q)] for r, s in itertools.combinations(range(rounds), 2)]
        )

    # 1. round 1 fixed: blocks of consecutive people
    starts = [sum(sizes[:g]) for g in rooms]
    blocks = [list(range(starts[g], starts[g] + sizes[g])) for g in rooms]
    for g, block in enumerate(blocks):
        for p in block:
            cnf.append([x(0, p, g)])
    if steps < 2 or rounds < 2:
        return cnf, reader(n, count, rounds, x)

    # 2. round 2: a block's people in increasing rooms
    for block in blocks:
        for a, b in itertools.pairwise(block):
            for g in rooms:
                cnf.append([-x(1, b, g), *[x(1, a, h) for h in range(g)]])
    # 3. equal blocks ordered by their first person's round-2 room (not strictly)
    for g in range(count - 1):
        if steps >= 3 and sizes[g] == sizes[g + 1]:
            a, b = blocks[g][0], blocks[g + 1][0]
            for h in rooms:
                cnf.append([-x(1, b, h), *[x(1, a, k) for k in range(h + 1)]])

    def first_at_most(key: str, r: int, g: int, of: Callable[[int], int]) -> Callable[[int], int]:
        """f(p): "some person p' <= p has of(p') true", defined both ways, f(-1) false."""

        def f(p: int) -> int:
            return pool.id((key, r, g, p))

        for p in range(n):
            here = of(p)
            cnf.append([-here, f(p)])
            if p == 0:
                cnf.append([-f(p), here])
            else:
                cnf.extend([[-f(p - 1), f(p)], [-f(p), f(p - 1), here]])
        return f

    # 4. rounds 3..R ordered by person 0's least partner
    def t(r: int, q: int) -> int:
        return pool.id(("t", r, q))

    for r in range(2, rounds):
        cnf.append([-t(r, 0)])
        for q in range(1, n):
            for g in rooms:
                cnf.append([-x(r, 0, g), -x(r, q, g), t(r, q)])
                cnf.append([-x(r, 0, g), x(r, q, g), -t(r, q)])
    fronts = {r: first_at_most("f", r, 0, lambda q, r=r: t(r, q)) for r in range(2, rounds)}
    for r in range(2, rounds - 1 if steps >= 4 else 2):
        for q in range(1, n):
            cnf.append([-t(r + 1, q), fronts[r](q - 1)])
    # 5. rounds 3..R: rooms of equal size ordered by least member
    for r in range(2, rounds if steps >= 5 else 2):
        for g in range(count - 1):
            if sizes[g] != sizes[g + 1]:
                continue
            least = first_at_most("h", r, g, lambda p, r=r, g=g: x(r, p, g))
            for p in range(n):
                cnf.append([-x(r, p, g + 1)] + ([least(p - 1)] if p else []))
    return cnf, reader(n, count, rounds, x)


def reader(n: int, count: int, rounds: int, x: Callable) -> Callable:
    def read(model: list[int]) -> list[list[list[int]]]:
        true = {v for v in model if v > 0}
        return [
            [[p for p in range(n) if x(r, p, g) in true] for g in range(count)]
            for r in range(rounds)
        ]

    return read


def recount(schedule: list[list[list[int]]], n: int, count: int) -> None:
    """Stop unless every round splits everyone into `count` rooms of liftkit's sizes and no
    pair meets twice."""
    met: set[tuple[int, int]] = set()
    for number, rooms in enumerate(schedule, 1):
        if sorted(p for room in rooms for p in room) != list(range(n)):
            raise SystemExit(f"round {number} does not hold everyone once")
        if sorted(map(len, rooms), reverse=True) != group_sizes(n, count):
            raise SystemExit(f"round {number} has rooms of other sizes")
        for room in rooms:
            for pair in itertools.combinations(sorted(room), 2):
                if pair in met:
                    raise SystemExit(f"{pair} meet again in round {number}")
                met.add(pair)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("people", type=int)
    parser.add_argument("rooms", type=int)
    parser.add_argument("rounds", type=int)
    parser.add_argument("--solver", default="cadical153")
    parser.add_argument("--steps", type=int, default=5, help="symmetry breaking: steps 1..S")
    args = parser.parse_args()
    n, count, rounds = args.people, args.rooms, args.rounds
    start = time.perf_counter()
    cnf, read = encode(n, count, rounds, args.steps)
    encoded = time.perf_counter() - start
    print(f"{n}-{count}-{rounds}: {cnf.nv} variables, {len(cnf.clauses)} clauses "
          f"({encoded:.1f} s)", flush=True)  # fmt: skip
    with Solver(name=args.solver, bootstrap_with=cnf.clauses) as solver:
        start = time.perf_counter()
        found = solver.solve()
        took = time.perf_counter() - start
        model = solver.get_model() if found else None
    if model is None:
        print(f"UNSAT {n}-{count}-{rounds} {args.solver} {took:.1f} s")
        return
    schedule = read(model)
    recount(schedule, n, count)
    print(f"SAT {n}-{count}-{rounds} {args.solver} {took:.1f} s (recounted)")
    body = " / ".join("|".join(" ".join(map(str, room)) for room in rnd) for rnd in schedule)
    print(f"{n} {count}: {body}  # sat_schedules.py {n} {count} {rounds}")


if __name__ == "__main__":
    main()
