"""Search for the base rounds of nearly Kirkman triple systems stored in nkts_data.py.

    nice -n 10 python bench/nkts_search.py FIRST [LAST]      # search here (slow)
    cc -O2 -o /tmp/nkts_search bench/nkts_search.c -lm        # the same search in C,
    nice -n 10 /tmp/nkts_search 42 150 > found.txt            # about 100 times faster
    python bench/nkts_search.py --write found.txt             # rewrite nkts_data.py

The stored base rounds are the C search's, run with its default PER (20,000,000 steps a
restart); nkts_data.py lists the seconds each took. Orders it did not reach within a few
minutes are left out (see nearly_kirkman.py for what covers them, if anything).

An NKTS(v) puts v people (v = 0 mod 6) in trios for (v - 2)/2 rounds, every pair at most
once: each person misses exactly one other. With m = (v - 2)/2 it is built 1-rotationally
on two rows of Z_m (point r*m + x is row r, place x) and two fixed points 2m, 2m + 1: one
base round, translated m times (x -> x + t). A pair's class is what translation keeps (see
liftkit/core/groups/cyclic.py); the base round must use each class at most once, and the
fixed pair never. Counting forces the rest: the v pairs of a base round use v classes,
which is every class when m is even (the pairs half-way round Z_m are the unmet ones)
and all but one mixed class when m is odd (that class is the unmet one).

The search is simulated annealing over swaps of two points between trios; the cost is the
number of uses of classes beyond the first (a forbidden pair counts as a use too). Each
restart starts from a fresh random round and cools from 0.6 to 0.05 over PER steps. It is
seeded with v, so a run gives the same base rounds every time (the C version uses its
own generator, so it finds other, equally valid, rounds).
"""

from __future__ import annotations

import math
import random
import sys
import time
from pathlib import Path

PER = 20_000_000  # annealing steps before a restart
DATA = Path(__file__).resolve().parent.parent / "liftkit" / "core" / "groups" / "nkts_data.py"


def classes(m: int) -> tuple[list[list[int]], int]:
    """class_of[a][b] for the 2m + 2 points (-1: forbidden), and the number of classes."""
    total, cyclic, pure = 2 * m + 2, 2 * m, (m - 1) // 2

    def of(a: int, b: int) -> int:
        if a == b or (a >= cyclic and b >= cyclic):
            return -1
        if a >= cyclic or b >= cyclic:
            f, x = (a, b) if a >= cyclic else (b, a)
            return 2 * pure + m + (f - cyclic) * 2 + x // m
        (i, x), (j, y) = sorted((divmod(a, m), divmod(b, m)))
        d = (y - x) % m
        if i == j:
            d = min(d, m - d)
            return -1 if 2 * d == m else i * pure + d - 1
        return 2 * pure + d

    return [[of(a, b) for b in range(total)] for a in range(total)], 2 * pure + m + 4


def anneal(m: int, rng: random.Random, per: int = PER) -> list[list[int]]:
    """A base round of trios on 2m + 2 points using each class at most once."""
    table, forbidden = classes(m)
    total = 2 * m + 2
    while True:
        rest = list(range(2 * m))
        rng.shuffle(rest)
        order = [2 * m, rest[0], rest[1], 2 * m + 1, *rest[2:]]
        trios = [order[i : i + 3] for i in range(0, total, 3)]
        trio_of = [i // 3 for i in range(total)]
        for i, p in enumerate(order):
            trio_of[p] = i // 3
        count = [0] * forbidden + [1]  # the last slot counts forbidden pairs, from 1
        for a, b, c in trios:
            for x in (table[a][b], table[a][c], table[b][c]):
                count[x] += 1  # -1 (forbidden) is the last slot
        cost = sum(max(0, k - 1) for k in count)
        for step in range(per):
            if cost == 0:
                return trios
            temperature = 0.6 * (0.05 / 0.6) ** (step / per)
            p, q = rng.randrange(total), rng.randrange(total)
            a, b = trio_of[p], trio_of[q]
            if a == b:
                continue
            out = [table[p][x] for x in trios[a] if x != p]
            out += [table[q][y] for y in trios[b] if y != q]
            into = [table[q][x] for x in trios[a] if x != p]
            into += [table[p][y] for y in trios[b] if y != q]
            change = 0
            for c in out:
                count[c] -= 1
                change -= count[c] >= 1
            for c in into:
                change += count[c] >= 1
                count[c] += 1
            if change <= 0 or rng.random() < math.exp(-change / temperature):
                cost += change
                trios[a][trios[a].index(p)] = q
                trios[b][trios[b].index(q)] = p
                trio_of[p], trio_of[q] = b, a
            else:
                for c in into:
                    count[c] -= 1
                for c in out:
                    count[c] += 1


def write(found: str) -> None:
    """Rewrite nkts_data.py from lines `v: "p p p ..."` (this script's or the C one's)."""
    entries: dict[int, tuple[str, str]] = {}
    for line in Path(found).read_text().splitlines():
        if ":" in line and '"' in line:
            key, rest = line.split(":", 1)
            entries[int(key)] = rest.split('"')[1], rest.partition("#")[2].strip()
    lines = [DATA.read_text().split("BASE_ROUNDS")[0] + "BASE_ROUNDS: dict[int, str] = {"]
    for v in sorted(entries):
        text, seconds = entries[v]
        lines.append(f"    {v}: (  # found in {seconds}" if seconds else f"    {v}: (")
        words, row = text.split(), ""
        for word in words:
            if len(row) + len(word) > 84:
                lines.append(f'        "{row}"')
                row = ""
            row += word + " "
        lines.append(f'        "{row.rstrip()}"')
        lines.append("    ),")
    lines.append("}")
    DATA.write_text("\n".join(lines) + "\n")


def main() -> None:
    if sys.argv[1] == "--write":
        write(sys.argv[2])
        return
    first = int(sys.argv[1])
    last = int(sys.argv[2]) if len(sys.argv) > 2 else first
    for v in range(first, last + 1, 6):
        started = time.perf_counter()
        trios = anneal((v - 2) // 2, random.Random(v))
        seconds = time.perf_counter() - started
        text = " ".join(str(p) for trio in trios for p in trio)
        print(f'    {v}: "{text}",  # {seconds:.1f} s', flush=True)


if __name__ == "__main__":
    main()
