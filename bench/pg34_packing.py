"""The base spreads of liftkit/core/groups/spreads.py: a packing of PG(3,4), found offline.

The lines of PG(3,4) are a 2-(85,5,1) design; a packing (21 spreads, each 17 lines that
partition the 85 points) makes it resolvable: 85 people in fives for 21 rounds. Points are
the powers of a primitive element a of GF(256) up to GF(4)* (point i is a^i, i mod 85); the
line through i and j holds a^i + m a^j for m in GF(4). Multiplying by a^17 (adding 17 to
every point) is a collineation of order 5; it fixes the 17 lines {i, i + 17, ..., i + 68}, a
spread, and moves the other 340 lines in 68 orbits of 5. Four base spreads, each taking one
line from 17 of those orbits so that every orbit is used once, and their translates by
17, 34, 51 and 68 give the other 20 spreads. Algorithm X (exact cover: every orbit once,
every point once in each of the four spreads) finds them in a second or two;
the order is fixed, so the output is the same on every run:

    python bench/pg34_packing.py
"""

from __future__ import annotations

import sys

from exact_cover import exact_cover

STEP = 17  # adding 17 generates the collineation group of order 5
POINTS = 85


def lines() -> list[tuple[int, ...]]:
    power, log = [0] * 510, [0] * 256
    x = 1
    for i in range(255):  # GF(256) as GF(2)[x] / (x^8 + x^4 + x^3 + x^2 + 1)
        power[i] = power[i + 255] = x
        log[x] = i
        x = (x << 1) ^ (0x11D if x & 0x80 else 0)
    omega = power[85]  # GF(4)* = {1, omega, omega^2}
    found = set()
    for i in range(POINTS):
        for j in range(i + 1, POINTS):
            through = {i, j}
            for m in (omega, power[170]):
                through.add(log[power[i] ^ power[log[m] + j]] % POINTS)
            through.add(log[power[i] ^ power[j]] % POINTS)
            found.add(tuple(sorted(through)))
    return sorted(found)


def main() -> None:
    orbits: list[list[tuple[int, ...]]] = []
    orbit_of: dict[tuple[int, ...], int] = {}
    for line in lines():
        if line not in orbit_of:
            orbit = sorted({tuple(sorted((p + STEP * t) % POINTS for p in line)) for t in range(5)})
            for member in orbit:
                orbit_of[member] = len(orbits)
            orbits.append(orbit)
    moving = [k for k, orbit in enumerate(orbits) if len(orbit) == 5]
    rows = {(s, line): [("orbit", k), *(("point", s, p) for p in line)]
            for k in moving for line in orbits[k] for s in range(4)}  # fmt: skip
    first = (0, orbits[moving[0]][0])  # the spreads are interchangeable: fix one line
    chosen = exact_cover(rows, first=[first])
    if chosen is None:
        sys.exit("no packing with this symmetry")
    for s in range(4):
        print(" ".join(",".join(map(str, line)) for spread, line in sorted(chosen) if spread == s))


if __name__ == "__main__":
    main()
