"""Why liftkit's fifth round at 10 tables repeats pairs (liftkit/core/groups/fifth.py).

Run: python bench/mols10_fifth_exact.py   (about a second)

On the 100 cells of SHARED_MOLS_10, whose rows, columns and the symbols of each square are
four rounds of 10 tables without a repeat, a fifth round without one for 100 - g people
(g from 0 to 9; g cells empty, at most one in any row, column or symbol, so that every
table seats 9 or 10) is a split of the cells into 10 - g common transversals (ten cells,
no two in a row, column or symbol of either square) and g common partial transversals of
nine, plus the g empty cells. This program finds every common transversal of the pair
(there are four), and for each choice of 10 - g of them that leaves g from 6 to 9, every
partial transversal of nine among the cells left, then searches exhaustively (Knuth's
Algorithm X) for g of them that cover the cells left but for g empty cells no two of
which share a line. It prints what it finds: for this pair, none, so some pair meets
twice in any fifth round for 91 to 100 people on these four rounds.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exact_cover import exact_cover

from liftkit.core.groups.geometry import SHARED_MOLS_10

A, B = ([[int(c) for c in row] for row in square] for square in SHARED_MOLS_10)


def lines(x: int) -> tuple[int, int, int, int]:
    """The row, column and two symbols of a cell, numbered 0-39."""
    r, c = divmod(x, 10)
    return (r, 10 + c, 20 + A[r][c], 30 + B[r][c])


def transversals(cells: list[int], size: int) -> list[tuple[int, ...]]:
    """Every set of `size` cells among `cells`, at most one a row, with no line shared."""
    by_row = [[x for x in cells if x // 10 == r] for r in range(10)]
    found: list[tuple[int, ...]] = []

    def walk(r: int, skips: int, used: frozenset[int], chosen: tuple[int, ...]) -> None:
        if r == 10:
            if len(chosen) == size:
                found.append(chosen)
            return
        if skips:
            walk(r + 1, skips - 1, used, chosen)
        for x in by_row[r]:
            if not used & set(lines(x)):
                walk(r + 1, skips, used | set(lines(x)), (*chosen, x))

    walk(0, 10 - size, frozenset(), ())
    return found


def fifth_round(cells: list[int], partials: list[tuple[int, ...]]) -> list[object] | None:
    """Partials and empty cells covering every cell once, no two empty cells on a line."""
    rows: dict[object, list[object]] = {("part", p): list(p) for p in partials}
    rows |= {("empty", (x,)): [x, *(("line", li) for li in lines(x))] for x in cells}
    return exact_cover(rows, primary=cells)


def main() -> None:
    every = list(range(100))
    whole = transversals(every, 10)
    print(f"common transversals of SHARED_MOLS_10: {len(whole)}")
    for g in range(10):
        kept = 10 - g
        if kept > len(whole):
            print(f"{100 - g} people: would need {kept} disjoint common transversals; none")
            continue
        for chosen in itertools.combinations(whole, kept):
            taken = {x for t in chosen for x in t}
            if len(taken) < 10 * kept:
                continue  # not disjoint
            left = [x for x in every if x not in taken]
            partials = transversals(left, 9)
            found = fifth_round(left, partials)
            which = ", ".join(str(whole.index(t)) for t in chosen)
            print(f"{100 - g} people, transversals {which} kept: {len(partials)} partial "
                  f"transversals of nine in the {len(left)} cells left; "
                  f"{'a fifth round: ' + str(found) if found else 'no fifth round'}")  # fmt: skip


if __name__ == "__main__":
    main()
