"""Find the base blocks stored in liftkit/core/groups/rotational_table.py (run offline).

    nice -n 10 python bench/rotational_search.py 3 33 [seed] [seconds]  # one design, one line
    nice -n 10 python bench/rotational_search.py all [seconds] FOUND     # the missing ones
    python bench/rotational_search.py table FOUND    # rewrite rotational_table.py from FOUND

Resolvable designs on v = (k - 1) u + 1 points, u rounds of groups of k, in these shapes:

- "R" (1-rotational, Buratti): points Z_N and infinity, N = (k - 1) u. The base round is
  {inf, 0, u, ..., (k-2) u} with the blocks T_j + h u (h < k - 1) of (u - 1) / k representative
  blocks T_j; round i is the base round plus i. Each T_j holds one element of each residue class
  mod u (the classes 1..u-1 all used once), and the differences inside the T_j cover Z_N minus
  the multiples of u exactly once. The search picks which residues share a block and, for each
  residue, which of its k - 1 lifts r + h u stands in the block. The same over Z_3 x Z_u or
  Z_2^2 x Z_u (u odd) is written out as a "C" line.
- "C" (rows): points Z_m x r rows and infinity (m odd, r m = v - 1), b = r / (k - 1) base
  rounds, each translated m times. A pair's class is its two rows and the gap between them mod
  m (or infinity and a row); every class is used exactly once by the base rounds. This covers
  Kirkman triple systems with v = 15, 21 mod 24, where no 1-rotational one exists (a parity
  count on the odd differences rules it out over any group).
- "T" (KTS(3w)): three rows of Z_w: w translates of a base round, and (w - 1) / 2 rounds that
  are the w translates of one block across the rows.

Direct constructions come first where they apply (instant): KTS(2q+1) and KTS(3q) for q a prime
= 1 mod 6 (Ray-Chaudhuri and Wilson), 2-(3q+1,4,1) over GF(q) (Beth, Jungnickel and Lenz).

The search is a min-conflicts tabu search (in C when a compiler is there, the same moves in
Python otherwise): cost is the number of pair classes used beyond once; pick a conflicted place
at random, make the best non-tabu move (a swap between two blocks of a base round, or another
lift), restart when it stalls. Deterministic for a seed and a time limit in CPU seconds.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from liftkit.core.groups.fields import make_field


class Problem:
    """Blocks of values to arrange so that every pair class is used at most once."""

    def __init__(self, boards: list[list[list[int]]], choices: dict[int, list[int]],
                 pair_class: list[list[int]], classes: int) -> None:  # fmt: skip
        self.boards = boards  # board -> block -> value; a swap stays inside one board
        self.choices = choices  # value -> the values it may turn into (its lifts)
        self.pair_class = pair_class
        self.classes = classes

    def solve(self, rng: random.Random, stall: int, limit: float) -> list[list[list[int]]] | None:
        start = time.monotonic()
        while time.monotonic() - start < limit:
            found = self._attempt(rng, stall)
            if found is not None:
                return found
        return None

    def _attempt(self, rng: random.Random, stall: int) -> list[list[list[int]]] | None:
        pc = self.pair_class
        boards = [[block[:] for block in board] for board in self.boards]
        # shuffle: random partition of each board, random lifts
        for board in boards:
            flat = [self._lift(x, rng) for block in board for x in block]
            rng.shuffle(flat)
            size = len(board[0])
            for i in range(len(board)):
                board[i] = flat[i * size : (i + 1) * size]
        count = [0] * self.classes
        for board in boards:
            for block in board:
                for i, x in enumerate(block):
                    for y in block[i + 1 :]:
                        count[pc[x][y]] += 1
        cost = sum(c - 1 for c in count if c > 1)
        best_cost, since = cost, 0
        tabu: dict[tuple[int, int], int] = {}
        step = 0
        while cost > 0 and since < stall:
            step += 1
            places = [
                (b, i, j)
                for b, board in enumerate(boards)
                for i, block in enumerate(board)
                for j, x in enumerate(block)
                if any(count[pc[x][y]] > 1 for y in block if y != x)
            ]
            b, i, j = places[rng.randrange(len(places))]
            board = boards[b]
            block = board[i]
            x = block[j]
            rest = [y for y in block if y != x]
            leave = [pc[x][y] for y in rest]
            moves: list[tuple[int, int, int, int, int]] = []
            for lift in self.choices.get(x, ()):
                if lift != x:
                    delta = self._delta(leave, [pc[lift][y] for y in rest], count)
                    moves.append((delta, rng.randrange(1 << 30), -1, -1, lift))
            for i2, other in enumerate(board):
                if i2 == i:
                    continue
                for j2, z in enumerate(other):
                    rest2 = [y for y in other if y != z]
                    out = leave + [pc[z][y] for y in rest2]
                    into = [pc[z][y] for y in rest] + [pc[x][y] for y in rest2]
                    delta = self._delta(out, into, count)
                    moves.append((delta, rng.randrange(1 << 30), i2, j2, z))
            moves.sort()
            for delta, _, i2, j2, z in moves:
                if tabu.get((b, z), 0) > step and cost + delta >= best_cost:
                    continue
                self._apply(board, i, j, i2, j2, z, count)
                cost += delta
                tabu[(b, x)] = step + 2 + rng.randrange(6)
                break
            if cost < best_cost:
                best_cost, since = cost, 0
            else:
                since += 1
        return boards if cost == 0 else None

    def _lift(self, x: int, rng: random.Random) -> int:
        options = self.choices.get(x)
        return options[rng.randrange(len(options))] if options else x

    @staticmethod
    def _delta(out: list[int], into: list[int], count: list[int]) -> int:
        change = 0
        for c in out:
            count[c] -= 1
            change -= count[c] >= 1
        for c in into:
            change += count[c] >= 1
            count[c] += 1
        for c in into:
            count[c] -= 1
        for c in out:
            count[c] += 1
        return change

    def _apply(self, board, i, j, i2, j2, z, count) -> None:  # type: ignore[no-untyped-def]
        pc = self.pair_class
        block = board[i]
        x = block[j]
        for y in block:
            if y != x:
                count[pc[x][y]] -= 1
        if i2 < 0:  # a new lift for x
            block[j] = z
            for y in block:
                if y != z:
                    count[pc[z][y]] += 1
            return
        other = board[i2]
        for y in other:
            if y != z:
                count[pc[z][y]] -= 1
        block[j], other[j2] = z, x
        for y in block:
            if y != z:
                count[pc[z][y]] += 1
        for y in other:
            if y != x:
                count[pc[x][y]] += 1


def rotational_problem(k: int, v: int) -> Problem:
    u = (v - 1) // (k - 1)
    n = (k - 1) * u
    pair_class = [[min((x - y) % n, (y - x) % n) for y in range(n)] for x in range(n)]
    residues = list(range(1, u))
    blocks = [residues[i * k : (i + 1) * k] for i in range((u - 1) // k)]
    choices = {r + h * u: [r + g * u for g in range(k - 1)] for r in residues for h in range(k - 1)}
    return Problem([blocks], choices, pair_class, n // 2 + 1)


def rows_problem(k: int, v: int, m: int) -> Problem:
    rows = (v - 1) // m
    inf = rows * m
    half = (m - 1) // 2

    def pair_class(a: int, b: int) -> int:
        if a == b:
            return 0
        if a == inf or b == inf:
            return 1 + rows * half + rows * rows * m + min(a, b) // m
        (i, x), (j, y) = divmod(a, m), divmod(b, m)
        if i == j:
            d = (y - x) % m
            return 1 + i * half + min(d, m - d) - 1
        if i > j:
            (i, x), (j, y) = (j, y), (i, x)
        return 1 + rows * half + (i * rows + j) * m + (y - x) % m

    table = [[pair_class(a, b) for b in range(v)] for a in range(v)]
    bases = rows // (k - 1)
    points = list(range(v))
    boards = [[points[i * k : (i + 1) * k] for i in range(v // k)] for _ in range(bases)]
    return Problem(boards, {}, table, 1 + rows * half + rows * rows * m + rows)


ROW_GROUPS = {"cyclic": lambda k: (k - 1, 1), "klein": lambda k: (2, 2)}


def invariant_problem(k: int, v: int, rows: str) -> Problem:
    """1-rotational over R x Z_u (u odd, R = Z_(k-1) or Z_2 x Z_2 on the k - 1 rows): the base
    round is invariant under R acting on the rows, so only the T_j are searched; written out as a
    "C" line (rows of Z_u) by `invariant_line`. u odd: no involution of the group lies outside R."""
    u = (v - 1) // (k - 1)
    a, b = ROW_GROUPS[rows](k)

    def sub(r: int, s: int) -> int:  # row r minus row s in Z_a x Z_b, rows numbered i * b + j
        return ((r // b - s // b) % a) * b + (r % b - s % b) % b

    def pair_class(p: int, q: int) -> int:
        (r, x), (s, y) = divmod(p, u), divmod(q, u)
        if p == q:
            return 0
        d = (x - y) % u
        return min(sub(r, s) * u + d, sub(s, r) * u + (u - d) % u)

    values = (k - 1) * u
    table = [[pair_class(p, q) for q in range(values)] for p in range(values)]
    residues = list(range(1, u))
    blocks = [residues[i * k : (i + 1) * k] for i in range((u - 1) // k)]
    choices = {r * u + x: [g * u + x for g in range(k - 1)] for x in residues for r in range(k - 1)}
    return Problem([blocks], choices, table, values)


def invariant_line(k: int, v: int, rows: str, blocks: list[list[int]]) -> str:
    u = (v - 1) // (k - 1)
    a, b = ROW_GROUPS[rows](k)

    def add(r: int, h: int) -> int:
        return ((r // b + h // b) % a) * b + (r % b + h % b) % b

    base = [[g * u for g in range(k - 1)] + [(k - 1) * u]]
    for block in blocks:
        for h in range(k - 1):
            base.append([add(p // u, h) * u + p % u for p in block])
    return line(k, v, "C", u, [base])


def tripling_problem(v: int) -> Problem:
    """KTS(3w) on three rows of Z_w (the "T" shape, no fixed point), searched: board 0 is the
    base round (w triples), board 1 holds the (w - 1) / 2 blocks across the rows, whose points
    (copies numbered from 3w) may move along their row, padded to w blocks with dummy triples.
    A pair of a dummy and a point shares one class that costs from its second use, so the
    dummies end up among themselves; two points of one row in a block across cost the same."""
    w = v // 3
    half = (w - 1) // 2
    pure, mixed = 3 * half, 3 * w
    bad = pure + mixed
    across = (w - 1) // 2
    dummies = 3 * (w - across)
    size = 6 * w + dummies

    def real_class(p: int, q: int) -> int:
        (i, x), (j, y) = divmod(p, w), divmod(q, w)
        if i == j:
            d = (y - x) % w
            return bad if d == 0 else i * half + min(d, w - d) - 1
        if i > j:
            (i, x), (j, y) = (j, y), (i, x)
        return pure + (i + j - 1) * w + (y - x) % w  # row pairs (0,1), (0,2), (1,2)

    table = [[bad] * size for _ in range(size)]
    fresh = bad + 1
    for p in range(size):
        for q in range(size):
            if p < 3 * w and q < 3 * w:
                table[p][q] = real_class(p, q)
            elif 3 * w <= p < 6 * w and 3 * w <= q < 6 * w:
                a, b = p - 3 * w, q - 3 * w
                table[p][q] = bad if a // w == b // w else real_class(a, b)
            elif p >= 6 * w and q >= 6 * w and p < q:
                table[p][q] = table[q][p] = fresh
                fresh += 1
    points = list(range(3 * w))
    base = [points[i * 3 : (i + 1) * 3] for i in range(w)]
    items = [3 * w + row * w for row in range(3) for _ in range(across)]
    items += list(range(6 * w, size))
    second = [items[i * 3 : (i + 1) * 3] for i in range(w)]
    choices = {3 * w + p: [3 * w + (p // w) * w + x for x in range(w)] for p in points}
    return Problem([base, second], choices, table, fresh)


def tripling_line(v: int, boards: list[list[list[int]]]) -> str:
    w = v // 3
    across = [[p - 3 * w for p in block] for block in boards[1] if max(block) < 6 * w]
    return line(3, v, "T", w, [boards[0], across])


def shapes(k: int, v: int) -> list[tuple[str, int]]:
    """The shapes to try, in order: ("R", 0) 1-rotational over Z_(v-1); ("cyclic" or "klein",
    0) 1-rotational over R x Z_u; ("C", m) rows of Z_m, m the largest odd divisor of u."""
    u = (v - 1) // (k - 1)
    m = u
    while m % 2 == 0:
        m //= 2
    if k == 3 and v % 24 not in (3, 9):  # parity rules out every 1-rotational shape
        return [("T", 0), ("C", m)]
    tried = [("R", 0)]
    if u % 2 and k == 4 and u % 3 == 0:
        tried.append(("cyclic", 0))  # Z_3 x Z_u is not Z_3u
    if u % 2 and k == 5:
        tried.insert(0, ("klein", 0))
    return [*tried, ("C", m)]


def line(k: int, v: int, kind: str, m: int, boards: list[list[list[int]]]) -> str:
    head = f"{kind} {k} {v}" + (f" {m}" if kind in "CT" else "")
    rounds = ["|".join(",".join(map(str, sorted(b))) for b in board) for board in boards]
    return head + ": " + " / ".join(rounds)


def solve_in_c(
    problem: Problem, seed: int, stall: int, limit: float
) -> list[list[list[int]]] | None:
    """The same search compiled from rotational_search.c (about 50 times faster)."""
    source = Path(__file__).with_suffix(".c")
    binary = Path(tempfile.gettempdir()) / "liftkit_rotational_search"
    if not binary.exists() or binary.stat().st_mtime < source.stat().st_mtime:
        subprocess.run(["cc", "-O2", "-o", str(binary), str(source)], check=True)
    nv = len(problem.pair_class)
    blocks, size = len(problem.boards[0]), len(problem.boards[0][0])
    words = [nv, problem.classes, len(problem.boards), blocks, size, stall, seed, limit]
    text = [" ".join(map(str, words))]
    text += [" ".join(map(str, row)) for row in problem.pair_class]
    text += [" ".join(map(str, [len(problem.choices.get(x, [])), *problem.choices.get(x, [])]))
             for x in range(nv)]  # fmt: skip
    text += [" ".join(str(x) for block in board for x in block) for board in problem.boards]
    done = subprocess.run([str(binary)], input="\n".join(text), capture_output=True, text=True)
    print(done.stderr.strip(), file=sys.stderr)
    if done.returncode:
        return None
    boards = []
    for row in done.stdout.split("\n")[: len(problem.boards)]:
        values = [int(x) for x in row.split()]
        boards.append([values[i * size : (i + 1) * size] for i in range(blocks)])
    return boards


def _is_prime(q: int) -> bool:
    return q > 1 and all(q % d for d in range(2, int(q**0.5) + 1))


def _primitive_root(q: int) -> int:
    factors = [d for d in range(2, q) if (q - 1) % d == 0 and _is_prime(d)]
    return next(a for a in range(2, q) if all(pow(a, (q - 1) // d, q) != 1 for d in factors))


def kirkman_2q_plus_1(v: int) -> str | None:
    """KTS(2q+1), q a prime = 1 mod 6 (Ray-Chaudhuri and Wilson 1971, Theorem 6; Stinson's
    survey, Construction 1.1): rows of Z_q and infinity, one base round. None otherwise."""
    q = (v - 1) // 2
    if v % 6 != 3 or q % 6 != 1 or not _is_prime(q):
        return None
    a, t = _primitive_root(q), (q - 1) // 6
    half = (pow(a, t, q) + 1) * pow(2, q - 2, q) % q
    m = next(e for e in range(q - 1) if pow(a, e, q) == half)  # a^m = (a^t + 1) / 2
    blocks = [[0, q, 2 * q]]  # (0, row 1), (0, row 2), infinity
    for i in [*range(t), *range(2 * t, 3 * t), *range(4 * t, 5 * t)]:
        blocks.append([pow(a, i, q), pow(a, t + i, q), q + pow(a, m + i, q)])
    for i in range(t):
        blocks.append([q + pow(a, m + j * t + i, q) for j in (1, 3, 5)])
    return line(3, v, "C", q, [blocks])


def kirkman_3q(v: int) -> str | None:
    """KTS(3q), q a prime = 1 mod 6 (Ray-Chaudhuri and Wilson 1971, Theorem 5; Stinson's survey,
    Construction 1.2): three rows of Z_q, no fixed point; q translates of one base round, and
    (q - 1) / 2 rounds that are the translates of one block across the rows. None otherwise."""
    q = v // 3
    if v % 6 != 3 or q % 6 != 1 or not _is_prime(q):
        return None
    a, t = _primitive_root(q), (q - 1) // 6

    def power(e: int, row: int) -> int:
        return row * q + pow(a, e, q)

    across = [[power(i, 0), power(i + 2 * t, 1), power(i + 4 * t, 2)] for i in range(6 * t)]
    base = [[0, q, 2 * q]]
    base += [[power(i + 2 * t * h, j) for h in range(3)] for j in range(3) for i in range(t)]
    base += across[t : 2 * t] + across[3 * t : 4 * t] + across[5 * t : 6 * t]
    orbits = across[:t] + across[2 * t : 3 * t] + across[4 * t : 5 * t]
    return line(3, v, "T", q, [base, orbits])


def quadruples_3q_plus_1(v: int) -> str | None:
    """Resolvable 2-(3q+1, 4, 1), q a prime = 1 mod 4 (Beth, Jungnickel, Lenz, Design Theory,
    VII.7.5.a): 1-rotational over Z_3 x Z_q = Z_3q, written in Z_3q. None otherwise."""
    q = (v - 1) // 3
    if v % 12 != 4 or not _is_prime(q):
        return None
    w = _primitive_root(q)
    e = pow(w, (q - 1) // 4, q)  # a square root of -1

    def point(x: int, row: int) -> int:  # the element of Z_3q that is x mod q and row mod 3
        return next(z for z in range(x % q, 3 * q, q) if z % 3 == row % 3)

    blocks = []
    for i in range((q - 1) // 4):
        x = pow(w, i, q)
        blocks.append([point(x, 0), point(-x, 0), point(e * x, 1), point(-e * x, 1)])
    return line(4, v, "R", 0, [blocks])


def quadruples_prime_power(v: int) -> str | None:
    """The same design for q = p^e, e > 1 (v = 28, 76, 148): GF(q) is Z_p^e, so the q rounds are
    q / p base rounds (translates by multiples of p, digit-wise) each translated by Z_p, written
    as a "C" line: rows (j, x // p) of Z_p, x % p along the row. None otherwise."""
    q = (v - 1) // 3
    field = make_field(q)
    if v % 12 != 4 or field is None or field.e == 1:
        return None
    p, add, mul = field.p, field.add, field.mul
    e = field.exp[(q - 1) // 4]  # a square root of -1
    minus = p - 1  # -1 in GF(q)

    def power(i: int) -> int:
        return field.exp[i % (q - 1)]

    base = [[0, q, 2 * q, 3 * q]]  # (0, j) for each j, and infinity
    for i in range((q - 1) // 4):
        x, y = power(i), mul(e, power(i))
        for j in range(3):
            base.append([j * q + x, j * q + mul(minus, x),
                         (j + 1) % 3 * q + y, (j + 1) % 3 * q + mul(minus, y)])  # fmt: skip
    bases = []
    for shift in range(0, q, p):  # field elements whose digit 0 is 0
        bases.append([[b if b == 3 * q else b - b % q + add(b % q, shift) for b in block]
                      for block in base])  # fmt: skip
    return line(4, v, "C", p, bases)


DIRECT = (kirkman_2q_plus_1, kirkman_3q, quadruples_3q_plus_1, quadruples_prime_power)


def search(k: int, v: int, seed: int, limit: float) -> str | None:
    for build in DIRECT:
        made = build(v) if k == (4 if build.__name__.startswith("quadruples") else 3) else None
        if made is not None:
            return made
    tried = shapes(k, v)
    if os.environ.get("SHAPE"):  # one shape only, e.g. SHAPE=C
        tried = [(kind, m) for kind, m in tried if kind == os.environ["SHAPE"]]
    for kind, m in tried:
        if kind == "R":
            problem = rotational_problem(k, v)
        elif kind == "C":
            problem = rows_problem(k, v, m)
        elif kind == "T":
            problem = tripling_problem(v)
        else:
            problem = invariant_problem(k, v, kind)
        stall = int(os.environ.get("STALL", "400")) * v
        share = limit / len(tried)
        if shutil.which("cc"):
            found = solve_in_c(problem, seed, stall, share)
        else:
            found = problem.solve(random.Random(seed), stall, share)
        if found is not None and kind == "T":
            return tripling_line(v, found)
        if found is not None and kind in ROW_GROUPS:
            return invariant_line(k, v, kind, found[0])
        if found is not None:
            return line(k, v, kind, m, found)
    return None


WANTED = {  # what the table should hold: every order up to 150
    3: list(range(15, 151, 6)),
    4: list(range(16, 151, 12)),
    5: list(range(25, 151, 20)),
}


# Lines found by other searches, written into the table with those in FOUND.
KEPT = [
    # bench/bicyclic_search.c 1 99 4 0 33 0 0 3000000 100000 7: 1-rotational over Z_99
    "R 4 100: 22,19,98,62 14,10,44,72 1,25,36,74 24,31,46,40 4,17,59,5 16,2,96,48 18,28,20,45"
    " 9,27,87,56",
    # bench/bicyclic_search.c 1 104 5 0 26 0 0 2000000 100000 1: 1-rotational over Z_104
    "R 5 105: 18,66,19,86,36 13,22,68,82,55 11,21,87,6,103 5,1,80,46,7 24,67,75,43,64",
]

TABLE_HEAD = '''"""Base blocks of resolvable designs, developed by rotational.py.

Written by `python bench/rotational_search.py table FOUND` from the lines the search found
(and, kept in that script, 2-(100,4,1) and 2-(105,5,1) found by bench/bicyclic_search.c).
An entry is "R k v:" (1-rotational over Z_(v-1): the representative blocks T_j), "C k v m:"
(rows of Z_m and infinity: the base rounds, separated by "/") or "T 3 v m:" (three rows of Z_m:
the base round, "/", the blocks whose translates are a round), then comma-separated blocks.
"""

TABLE = """
'''


def write_table(found: Path, module: Path) -> None:
    """The table module holding every line of `found`, one entry per (k, v), wrapped at 96."""
    entries: dict[tuple[int, int], str] = {}
    for text in [*found.read_text().splitlines(), *KEPT]:
        if text and not text.startswith("#"):
            head, body = text.split(":")
            _kind, k, v, *_ = head.split()
            entries[(int(k), int(v))] = head + ":" + body.replace("|", " ")
    lines: list[str] = []
    for key in sorted(entries):
        row = ""
        for word in entries[key].split(" "):
            if row and len(row) + len(word) + 1 > 96:
                lines.append(row)
                row = "  " + word
            else:
                row = f"{row} {word}" if row else word
        lines.append(row)
    module.write_text(TABLE_HEAD + "\n".join(lines) + '\n"""\n')


def main(argv: list[str]) -> None:
    if argv[0] == "table":
        module = Path(__file__).parent.parent / "liftkit/core/groups/rotational_table.py"
        write_table(Path(argv[1]), module)
        return
    if argv[0] == "all":  # all [seconds] [file]: what the file does not hold yet, appended to it
        limit = float(argv[1]) if len(argv) > 1 else 1800.0
        out = Path(argv[2]) if len(argv) > 2 else None
        held = out.read_text() if out is not None and out.exists() else ""
        jobs = [(k, v) for k, vs in WANTED.items() for v in vs if f" {k} {v}" not in held]
        # orders other constructions in liftkit already give (affine geometries, the stored
        # 2-(28,4,1) starter) last
        jobs.sort(
            key=lambda job: (
                job[1] in (28, 64, 81, 125),
                shapes(*job)[0][0] == "C",  # slow: Kirkman triple systems of order 21 mod 24
                job[0] == 5,
                job[1],
            )
        )
        seed = 1
    else:
        jobs = [(int(argv[0]), int(argv[1]))]
        seed = int(argv[2]) if len(argv) > 2 else 1
        limit = float(argv[3]) if len(argv) > 3 else 1800.0
        out = None
    for k, v in jobs:
        start = time.monotonic()
        found = search(k, v, seed, limit)
        took = time.monotonic() - start
        note = f"# k={k} v={v} seed={seed}: {'found' if found else 'not found'} in {took:.1f} s"
        print(note, file=sys.stderr, flush=True)
        if found is not None:
            print(found, flush=True)
            if out is not None:
                with out.open("a") as file:
                    file.write(found + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
