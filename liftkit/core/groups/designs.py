"""Constructions from design theory: rounds of groups in which no pair meets twice.

Each construction works on abstract points 0..N-1 (N at least the number of people; the
extra points are "ghosts" left out afterwards) and returns rounds as lists of groups of
points. They are exact and fast, so large instances need no search at all:

- transversal rows: points in `s` rows of `k`; in round r the point (i, j) goes to group
  j + a_r * i, computed in the finite field GF(k) when k is a prime power, else in Z_k with
  multipliers chosen so that (a_r - a_t) * e is never 0 for a row difference e. Two points
  in different rows meet at most once; points in one row never meet, so the rows
  themselves are one more round when there are k rows (the affine plane of order k).
- binary spreads: the 2^d points of the vector space GF(2)^d; a round is the cosets of an
  m-dimensional subspace (groups of 2^m). Subspaces meeting only in 0 never repeat a pair,
  so a partial spread of R subspaces gives R rounds (9 for 32 people in groups of 4).
- Kirkman packing: the 15 points of PG(3,2), lines as groups and spreads as rounds: the
  schoolgirl problem, 7 rounds of 5 triples with no pair twice.

Nothing here iterates over sets or dicts in hash order, so results depend only on inputs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Rounds = list[list[list[int]]]  # round -> group -> points


@dataclass(frozen=True)
class Design:
    """Zero-repeat rounds on `points` points (some may be ghosts) in `groups` groups."""

    name: str
    points: int
    rounds: Rounds


# --- finite fields ----------------------------------------------------------------------


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, e) with q == p**e for a prime p, or None."""
    if q < 2:
        return None
    for p in range(2, int(q**0.5) + 1):
        if q % p == 0:
            e = 0
            while q % p == 0:
                q //= p
                e += 1
            return (p, e) if q == 1 else None
    return (q, 1)


@dataclass(frozen=True)
class Field:
    """GF(p^e) on the integers 0..q-1 (base-p digits are polynomial coefficients)."""

    p: int
    e: int
    exp: tuple[int, ...]  # powers of a primitive element (e > 1 only)
    log: tuple[int, ...]

    @property
    def q(self) -> int:
        return int(self.p**self.e)

    def add(self, a: int, b: int) -> int:
        if self.e == 1:
            return (a + b) % self.p
        if self.p == 2:
            return a ^ b
        out, place = 0, 1
        while a or b:
            out += ((a % self.p + b % self.p) % self.p) * place
            a, b, place = a // self.p, b // self.p, place * self.p
        return out

    def mul(self, a: int, b: int) -> int:
        if self.e == 1:
            return a * b % self.p
        if a == 0 or b == 0:
            return 0
        return self.exp[(self.log[a] + self.log[b]) % (self.q - 1)]


def make_field(q: int) -> Field | None:
    pe = prime_power(q)
    if pe is None:
        return None
    p, e = pe
    if e == 1:
        return Field(p, 1, (), ())
    for poly in range(q, 2 * q):  # monic polynomials of degree e, as base-p digits
        powers = _powers_of_x(p, e, poly)
        if powers is not None:
            log = [0] * q
            for i, value in enumerate(powers):
                log[value] = i
            return Field(p, e, tuple(powers), tuple(log))
    return None  # pragma: no cover - a primitive polynomial always exists


def _powers_of_x(p: int, e: int, poly: int) -> list[int] | None:
    """x^0..x^(q-2) modulo `poly`, when x is primitive (all distinct and nonzero)."""
    q = p**e
    low = [(poly // p**i) % p for i in range(e)]  # x^e == -(low) modulo poly
    value = [1] + [0] * (e - 1)
    seen: list[int] = []
    marks = [False] * q
    for _ in range(q - 1):
        as_int = sum(c * p**i for i, c in enumerate(value))
        if as_int == 0 or marks[as_int]:
            return None
        marks[as_int] = True
        seen.append(as_int)
        top = value[-1]
        value = [0, *value[:-1]]
        value = [(v - top * c) % p for v, c in zip(value, low, strict=True)]
    return seen


# --- transversal rows -------------------------------------------------------------------


def cyclic_multipliers(k: int, s: int, wanted: int) -> list[int]:
    """Multipliers a with (a - b) * e != 0 mod k for every pair and row difference e < s."""
    chosen: list[int] = []
    for a in range(k):
        if all(all((a - b) * e % k for e in range(1, s)) for b in chosen):
            chosen.append(a)
            if len(chosen) == wanted:
                break
    return chosen


def transversal_rows(n: int, k: int, wanted: int) -> Design | None:
    """Up to `wanted` zero-repeat rounds of k groups for n people in rows of k."""
    s = -(-n // k)
    if k < 2 or s < 2:
        return None
    field = make_field(k)
    add: Callable[[int, int], int]
    mul: Callable[[int, int], int]
    if field is not None and s <= k:
        multipliers = list(range(min(wanted, k)))
        add, mul, name = field.add, field.mul, f"transversal rows over GF({k})"
    else:
        multipliers = cyclic_multipliers(k, s, wanted)
        add, mul, name = (lambda a, b: (a + b) % k), (lambda a, b: a * b % k), "cyclic rows"
    if len(multipliers) < 2:
        return None
    points = s * k  # point i*k + j is row i, column j; the last row may hold ghosts
    rounds: Rounds = []
    for a in multipliers:
        groups: list[list[int]] = [[] for _ in range(k)]
        for i in range(s):
            shift = mul(a, i)
            for j in range(k):
                groups[add(j, shift)].append(i * k + j)
        rounds.append(groups)
    if s == k and len(rounds) < wanted and field is not None and len(multipliers) == k:
        rounds.append([[i * k + j for j in range(k)] for i in range(s)])
    return Design(name, points, rounds)


# --- binary spreads ---------------------------------------------------------------------


def _span(vectors: Sequence[int]) -> list[int]:
    span = [0]
    for v in vectors:
        span += [x ^ v for x in span]
    return span


def binary_spread(
    n: int, k: int, wanted: int, rng: random.Random, tries: int = 60
) -> Design | None:
    """Cosets of pairwise-trivially-meeting subspaces of GF(2)^d, for 2^d points."""
    s = -(-n // k)
    d = (k * s).bit_length() - 1
    m = s.bit_length() - 1
    if k * s != 1 << d or s != 1 << m or m < 1 or d - m < 1 or d > 12:
        return None
    best: list[list[int]] = []
    nonzero = list(range(1, 1 << d))
    for _ in range(tries):
        order = nonzero[:]
        rng.shuffle(order)
        used = [False] * (1 << d)
        chosen: list[list[int]] = []
        for first in order:
            if used[first]:
                continue
            basis = [first]
            span = _span(basis)
            for v in order:
                if len(basis) == m:
                    break
                candidate = [x ^ v for x in span]
                if all(not used[x] and x for x in candidate):
                    basis.append(v)
                    span += candidate
            if len(basis) < m:
                continue
            for x in span:
                used[x] = True
            used[0] = False
            chosen.append(span)
            if len(chosen) == wanted:
                break
        if len(chosen) > len(best):
            best = chosen
        if len(best) >= wanted:
            break
    if len(best) < 2:
        return None
    rounds: Rounds = []
    for span in best:
        cosets: list[list[int]] = []
        placed = [False] * (1 << d)
        for x in range(1 << d):
            if not placed[x]:
                coset = sorted(x ^ w for w in span)
                for y in coset:
                    placed[y] = True
                cosets.append(coset)
        rounds.append(cosets)
    return Design(f"binary spread in GF(2)^{d}", 1 << d, rounds)


# --- Kirkman's schoolgirls --------------------------------------------------------------


def kirkman_packing(n: int, k: int, wanted: int) -> Design | None:
    """The 35 lines of PG(3,2) packed into 7 spreads: 15 people, 5 triples, 7 rounds."""
    if n != 15 or k != 5:
        return None
    points = list(range(1, 16))  # nonzero vectors of GF(2)^4
    lines = sorted({tuple(sorted((a, b, a ^ b))) for a in points for b in points if a < b})
    spreads: list[tuple[int, ...]] = []  # each a tuple of 5 line indices

    def extend(chosen: list[int], covered: int) -> None:
        if len(chosen) == 5:
            spreads.append(tuple(chosen))
            return
        low = next(p for p in points if not covered >> p & 1)
        for index, line in enumerate(lines):
            if low in line:
                mask = sum(1 << p for p in line)
                if not covered & mask:
                    extend([*chosen, index], covered | mask)

    extend([], 0)
    packing: list[tuple[int, ...]] = []

    def pack(used: int, start: int) -> bool:
        if len(packing) == min(wanted, 7):
            return True
        for i in range(start, len(spreads)):
            mask = sum(1 << line for line in spreads[i])
            if not used & mask:
                packing.append(spreads[i])
                if pack(used | mask, i + 1):
                    return True
                packing.pop()
        return False

    if not pack(0, 0):
        return None  # pragma: no cover - Kirkman's packing exists
    rounds = [[[p - 1 for p in lines[i]] for i in spread] for spread in packing]
    return Design("Kirkman packing of PG(3,2)", 15, rounds)


# --- translates of a base round ---------------------------------------------------------


def translated_base(
    n: int, k: int, wanted: int, rng: random.Random, budget: int = 20000
) -> Design | None:
    """Rounds that are the translates t = 0..R-1 of one base round on Z_m x rows.

    A pair's difference (its rows and the gap between them modulo m) is the same in every
    translate, so if the base round uses each difference at most once, no pair meets in two
    translates. The base round is found by a small depth-first search (node budget).
    """
    s = -(-n // k)
    total = k * s
    if s < 2:
        return None
    for m in range(wanted, total + 1):
        if total % m:
            continue
        rows = total // m
        slots = rows * (rows - 1) // 2 * m + rows * ((m - 1) // 2)
        if slots < k * s * (s - 1) // 2:
            continue  # not enough distinct differences for one round's pairs
        base = _base_round(m, rows, s, rng, budget)
        if base is None:
            continue
        rounds = [
            [sorted((p // m) * m + (p % m + t) % m for p in group) for group in base]
            for t in range(wanted)
        ]
        return Design(f"translates of a base round on Z_{m} x {rows}", total, rounds)
    return None


def _base_round(
    m: int, rows: int, s: int, rng: random.Random, budget: int
) -> list[list[int]] | None:
    total = m * rows
    used: dict[tuple[int, int, int], bool] = {}
    placed = [False] * total
    groups: list[list[int]] = []
    nodes = [0]

    def key(a: int, b: int) -> tuple[int, int, int] | None:
        (i, x), (j, y) = divmod(a, m), divmod(b, m)
        if i > j:
            (i, x), (j, y) = (j, y), (i, x)
        d = (y - x) % m
        if i == j:
            d = min(d, m - d)
            if d == 0 or 2 * d == m:
                return None  # such a pair would meet again in the translate by d
        return (i, j, d)

    def grow(group: list[int], keys: list[tuple[int, int, int]], start: int) -> bool:
        nodes[0] += 1
        if nodes[0] > budget:
            return False
        if len(group) == s:
            for k in keys:
                used[k] = True
            groups.append(group)
            for p in group:
                placed[p] = True
            if fill():
                return True
            for p in group:
                placed[p] = False
            groups.pop()
            for k in keys:
                del used[k]
            return False
        candidates = [p for p in range(start, total) if not placed[p]]
        rng.shuffle(candidates)
        for p in candidates:
            new = [key(q, p) for q in group]
            clean = [k for k in new if k is not None]
            if len(clean) < len(new) or any(used.get(k) or k in keys for k in clean):
                continue
            if len(set(clean)) < len(clean):
                continue
            if grow([*group, p], keys + clean, p + 1):
                return True
        return False

    def fill() -> bool:
        first = next((p for p in range(total) if not placed[p]), None)
        if first is None:
            return True
        return grow([first], [], first + 1)

    return groups if fill() else None


def best_design(n: int, k: int, wanted: int, rng: random.Random) -> Design | None:
    """The construction giving the most zero-repeat rounds (up to `wanted`), if any."""
    found: Design | None = None
    builds: tuple[Callable[[], Design | None], ...] = (
        lambda: kirkman_packing(n, k, wanted),
        lambda: transversal_rows(n, k, wanted),
        lambda: binary_spread(n, k, wanted, rng),
        lambda: translated_base(n, k, wanted, rng),
    )
    for build in builds:
        design = build()
        if design is not None and (found is None or len(design.rounds) > len(found.rounds)):
            found = design
        if found is not None and len(found.rounds) >= wanted:
            break
    return found
