"""Base rounds of resolvable 4-GDDs of type 3^u (bench/rgdd4_search.c's turned model) by a
SAT solver, an exact search where the annealing stalls one to three classes short.

The model is rgdd4_search.c's: three rows of Z_m (m = u - 1) and three fixed points; one base
round kept by turning the rows (a group of it and its two turns), translated m times. Here
the round is found by CaDiCaL: for each place x of Z_m its row (R), whether two places share
a base group (S, an equivalence with classes of four, the fixed point's group of three, by
clauses of transitivity and a count of three partners, the fixed point's counting as one),
and each pair class used exactly once: (+-d) for two places of one row (P) and (r, x) to
(r + 1, x + gap) (M). The fixed point's group holds places 0 (row 0) and 1 (row 1), which
translation, the turn and a multiplier of Z_m make of any solution. The answer is recounted
pair by pair (every pair of the v people at most once, each missing exactly two) and printed
as a starters.txt line; `python bench/starters_search.py add FILE` checks and merges it.

Run (python-sat in its own venv, not a liftkit dependency):
    python3 -m venv /tmp/sat-venv && /tmp/sat-venv/bin/pip install python-sat
    timeout 7000 nice -n 10 /tmp/sat-venv/bin/python bench/rgdd4_sat.py V [SOLVER]
    SEED=7 ... bench/rgdd4_sat.py 132     # the clauses in another order

Results (CaDiCaL 1.5.3 through python-sat 1.9.dev24, one core shared with other work,
2026-12-07; seconds of solving): v = 24, 36 and 48 in 0.0 to 0.1 s, 60 in 0.9 s, 72 in 31 s,
84 in 15 s and 96 in 132 s (the annealing of rgdd4_search.c found 96 once, in 693 s, with
its repair, after none in 6 minutes without); 108 and 120 not within 15 minutes each; 132
(43 rounds, the case liftkit does not reach) not within 97 minutes (79 CPU minutes on a core
shared with other work), nor a second run with the clauses in another order (SEED=7) in a few
CPU minutes.
"""

import itertools
import os
import random
import sys
import time

from pysat.card import CardEnc, EncType
from pysat.formula import IDPool
from pysat.solvers import Solver

v = int(sys.argv[1])
solver_name = sys.argv[2] if len(sys.argv) > 2 else "cadical153"
u = v // 3
m = u - 1
pool = IDPool()
clauses: list[list[int]] = []


def R(x, k):
    return pool.id(("R", x, k % 3))


def S(x, y):
    a, b = min(x, y), max(x, y)
    return pool.id(("S", a, b))


def fixed(x):
    return pool.id(("I", x))


def P(x, y):
    a, b = min(x, y), max(x, y)
    return pool.id(("P", a, b))


def M(x, y):
    return pool.id(("M", x, y))


def card(lits, k, kind):
    enc = {"eq": CardEnc.equals, "le": CardEnc.atmost, "ge": CardEnc.atleast}[kind]
    cnf = enc(lits=lits, bound=k, vpool=pool, encoding=EncType.seqcounter)
    clauses.extend(cnf.clauses)


for x in range(m):
    clauses.append([R(x, 0), R(x, 1), R(x, 2)])
    for a, b in itertools.combinations(range(3), 2):
        clauses.append([-R(x, a), -R(x, b)])
    card([S(x, y) for y in range(m) if y != x] + [fixed(x)], 3, "eq")
for x, y, z in itertools.combinations(range(m), 3):
    clauses.append([-S(x, y), -S(y, z), S(x, z)])
    clauses.append([-S(x, y), -S(x, z), S(y, z)])
    clauses.append([-S(x, z), -S(y, z), S(x, y)])
card([fixed(x) for x in range(m)], 3, "eq")
for x, y in itertools.permutations(range(m), 2):
    clauses.append([-fixed(x), -S(x, y), fixed(y)])
    if x < y:
        clauses.append([-fixed(x), -fixed(y), S(x, y)])
        for k in range(3):
            clauses.append([-fixed(x), -fixed(y), -R(x, k), -R(y, k)])
# symmetry: 0 (row 0) and 1 (row 1) are in the fixed point's group
clauses += [[fixed(0)], [fixed(1)], [R(0, 0)], [R(1, 1)]]
for x, y in itertools.combinations(range(m), 2):
    clauses.append([-P(x, y), S(x, y)])
    for k in range(3):
        clauses.append([-P(x, y), -R(x, k), R(y, k)])
        clauses.append([-S(x, y), -R(x, k), -R(y, k), P(x, y)])
for x, y in itertools.permutations(range(m), 2):
    clauses.append([-M(x, y), S(x, y)])
    for k in range(3):
        clauses.append([-M(x, y), -R(x, k), R(y, k + 1)])
        clauses.append([-S(x, y), -R(x, k), -R(y, k + 1), M(x, y)])
for d in range(1, (m - 1) // 2 + 1):
    card([P(x, (x + d) % m) for x in range(m)], 1, "eq")
for d in range(1, m):
    card([M(x, (x + d) % m) for x in range(m)], 1, "eq")

print(f"v={v} m={m}: {pool.top} variables, {len(clauses)} clauses", file=sys.stderr, flush=True)
if os.environ.get("SEED"):  # another order of the clauses: another path for the solver
    random.Random(int(os.environ["SEED"])).shuffle(clauses)
start = time.time()
with Solver(name=solver_name, bootstrap_with=clauses) as s:
    ok = s.solve()
    print(f"{'SAT' if ok else 'UNSAT'} in {time.time() - start:.1f} s", file=sys.stderr, flush=True)
    if not ok:
        sys.exit(1)
    model = set(lit for lit in s.get_model() if lit > 0)
row = {x: next(k for k in range(3) if R(x, k) in model) for x in range(m)}
blocks: list[list[int]] = []
seen: set[int] = set()
for x in range(m):
    if x in seen:
        continue
    b = [x] + [y for y in range(m) if y != x and S(x, y) in model]
    seen.update(b)
    blocks.append(b)
groups = []
for b in blocks:
    inf = fixed(b[0]) in model
    for t in range(3):
        g = [((row[x] + t) % 3) * m + x for x in b]
        if inf:
            g.append(3 * m + t)
        groups.append(g)
# recount: develop and check every pair at most once
met: dict[tuple[int, int], int] = {}


def moved(p, t):
    return p if p >= 3 * m else (p // m) * m + (p % m + t) % m


for t in range(m):
    for g in groups:
        pts = [moved(p, t) for p in g]
        for a, b in itertools.combinations(sorted(pts), 2):
            met[(a, b)] = met.get((a, b), 0) + 1
assert all(c == 1 for c in met.values()), "pair twice"
assert len(met) == v * (v - 1) // 2 - v, len(met)
print(
    f"{v} {v // 4}: {m} 3 3 1: "
    + "|".join(" ".join(map(str, g)) for g in groups)
    + f"  # {m} rounds, SAT"
)
