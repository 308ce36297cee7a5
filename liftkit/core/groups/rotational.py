"""Resolvable designs developed from stored base blocks: every pair meets exactly once.

For v people in groups of k (k = 3, 4, 5) and u = (v - 1) / (k - 1) rounds, a resolvable
2-(v, k, 1) design (for k = 3 a Kirkman triple system) has every pair in exactly one group.
The table (rotational_table.py, found offline by bench/rotational_search.py) holds two shapes:

- "R", 1-rotational (Buratti): points Z_N and infinity, N = (k - 1) u. The base round holds
  {inf, 0, u, ..., (k-2) u} and the blocks T_j + h u (h < k - 1) of its representative
  blocks T_j; round i is the base round plus i, i < u. The base round is a partition when the
  T_j hold each residue 1..u-1 mod u once; no pair meets twice when the differences inside
  the T_j cover Z_N minus the multiples of u exactly once.
- "C", rows: points Z_m x r rows and infinity (m odd), r / (k - 1) base rounds, each
  translated m times. Kirkman triple systems with v = 15, 21 mod 24 need it: a parity count on
  the odd differences rules out a 1-rotational one over any group.
- "T", KTS(3q) (Ray-Chaudhuri and Wilson): points Z_q x 3 rows, the q translates of a base
  round, and (q - 1) / 2 rounds each made of the q translates of one block across the rows.

A Kirkman triple system of order 3v is also made from one of order v (tripling, with a
resolvable transversal design on each triple), for 117 = 3 x 39, and those of order 69 and
141 by doubling a pairwise balanced design with blocks of 4 and 7, and a 2-(136,4,1) by
tripling a 2-(45,5,1) design (pbd.py); 85 people in fives are a packing of PG(3,4)
(spreads.py), 65 in fives 1-rotational over Z_8 x Z_8 (bicyclic.py).

Developing is instant; each design is checked (everyone once a round, no pair twice) before
use, and a table line that fails the check gives nothing rather than a broken schedule. Up to
k - 1 people fewer leave ghosts, taken from one group of the last round: they never share a
group elsewhere, so every other round has groups of k and k - 1.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from functools import cache

from liftkit.core.groups import bicyclic, pbd, spreads
from liftkit.core.groups.rotational_table import TABLE
from liftkit.core.groups.stored import ghosts_last, is_resolvable_packing

Rounds = list[list[list[int]]]  # round -> group -> points

MAX_GHOSTS = 4  # at most k - 1: the ghosts all come from one group


@cache
def _entries() -> dict[tuple[int, int], tuple[str, int, list[list[list[int]]]]]:
    """(k, v) -> (shape, m, base rounds), read from the table's text."""
    entries: dict[tuple[int, int], tuple[str, int, list[list[list[int]]]]] = {}
    for head, body in re.findall(r"([RCT][ 0-9]+):([^RCT]*)", TABLE):
        shape, k, v, *rest = head.split()
        bases = [
            [[int(x) for x in block.split(",")] for block in base.split()]
            for base in body.split("/")
        ]
        entries[(int(k), int(v))] = (shape, int(rest[0]) if rest else 0, bases)
    return entries


TRIPLED_LIMIT = 150  # Kirkman triple systems tripled up to this order


def stored_orders() -> list[tuple[int, int]]:
    """Every (group size, people) the table holds a design for, a third of it in trios, or
    another module builds (_elsewhere)."""
    held = set(_entries())
    tripled = {(3, 3 * v) for k, v in held if k == 3 and 3 * v <= TRIPLED_LIMIT}
    return sorted(held | tripled | set(_elsewhere()))


def _elsewhere() -> dict[tuple[int, int], Callable[[], Rounds | None]]:
    """(group size, people) -> the builder, for designs made outside the table: inflated
    from a stored PBD (pbd.py), the packing of PG(3,4) (spreads.py), and designs
    1-rotational over Z_a x Z_b (bicyclic.py)."""
    built: dict[tuple[int, int], Callable[[], Rounds | None]] = {
        (5, spreads.POINTS): spreads.packing_rounds
    }
    for k, v in bicyclic.DESIGNS:
        built[(k, v)] = functools.partial(bicyclic.develop, k, v)
    for k, m in pbd.PBDS:
        v = (k - 1) * m + 1
        built[(k, v)] = functools.partial(pbd.inflated, k, v, develop)
    return built


def develop(k: int, v: int) -> Rounds | None:
    """The u rounds of the stored design for v people in groups of k, if stored."""
    entry = _entries().get((k, v))
    if entry is None and (k, v) in (elsewhere := _elsewhere()):
        return elsewhere[(k, v)]()
    if entry is None:
        third = develop(3, v // 3) if k == 3 and v % 3 == 0 and v <= TRIPLED_LIMIT else None
        return _tripled(third) if third is not None else None
    shape, m, bases = entry
    if shape == "R":
        return _develop_rotational(k, v, bases[0])
    if shape == "C":
        return _translates(v - 1, m, bases)  # rows of Z_m; the point v - 1 is infinity
    base, across = bases  # "T": three rows of Z_m; the translates of one block are a round
    rounds = _translates(v, m, [base])
    rounds += [[[_shift(p, m, t) for p in block] for t in range(m)] for block in across]
    return rounds


def _tripled(rounds: Rounds) -> Rounds:
    """KTS(3v) from a KTS(v): the point x becomes 3x, 3x + 1, 3x + 2. Each triple {a, b, c}
    becomes the nine triples {(a, i), (b, i + s), (c, i - s)} of a transversal design, three
    rounds' worth (one for each s); the three copies of each point make one more round."""
    out: Rounds = [
        [
            [3 * a + i, 3 * b + (i + s) % 3, 3 * c + (i - s) % 3]
            for a, b, c in groups
            for i in range(3)
        ]
        for groups in rounds
        for s in range(3)
    ]
    points = sum(len(group) for group in rounds[0])
    out.append([[3 * x, 3 * x + 1, 3 * x + 2] for x in range(points)])
    return out


def _develop_rotational(k: int, v: int, blocks: list[list[int]]) -> Rounds:
    u = (v - 1) // (k - 1)
    n = v - 1  # Z_n; the point n is infinity
    base = [[n] + [h * u for h in range(k - 1)]]
    base += [[(x + h * u) % n for x in block] for block in blocks for h in range(k - 1)]
    return [
        [sorted(p if p == n else (p + i) % n for p in group) for group in base] for i in range(u)
    ]


def _shift(p: int, m: int, t: int) -> int:
    """The point row * m + x moved to row * m + (x + t) mod m."""
    return p - p % m + (p % m + t) % m


def _translates(cyclic: int, m: int, bases: list[list[list[int]]]) -> Rounds:
    """The m translates of each base round; points from `cyclic` on stay where they are."""
    return [
        [sorted(p if p >= cyclic else _shift(p, m, t) for p in group) for group in base]
        for base in bases
        for t in range(m)
    ]


def rotational_rounds(n: int, groups: int, wanted: int) -> tuple[str, int, Rounds] | None:
    """(name, points, rounds) of a stored resolvable design for n people in `groups` groups.

    The design may have up to k - 1 points more than people (ghosts): they are taken from one
    group of the last round and relabelled as the highest points, so that they share a group
    only there (best_design keeps that round spare); every other round has groups of k and
    k - 1.
    """
    for ghosts in range(MAX_GHOSTS + 1):
        v = n + ghosts
        if groups < 2 or v % groups or v < 2 * groups or ghosts >= v // groups:
            continue
        k = v // groups
        rounds = develop(k, v)
        if rounds is None:
            continue
        if not is_resolvable_packing(rounds, v):
            return None  # pragma: no cover - the tests check every stored design
        if ghosts:
            rounds = ghosts_last(rounds, v, sorted(rounds[-1][0])[:ghosts])
        kind = "Kirkman triple system" if k == 3 else f"resolvable 2-({v},{k},1) design"
        return f"{kind} of order {v}" if k == 3 else kind, v, rounds[:wanted]
    return None
