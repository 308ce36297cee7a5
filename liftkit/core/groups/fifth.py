"""A fifth round for 91 to 100 people at 10 tables, after the four rounds of two orthogonal
Latin squares of order 10 (geometry.py's SHARED_MOLS_10: rows, columns, the symbols of
each square).

A fifth round in which nobody meets anyone again would be, for 100 people, a third
square orthogonal to both: whether three such squares of order 10 exist is open. With g
people fewer, g cells stand empty, one in any row, column, symbol and fifth-round table
(so every table seats 9 or 10), and a fifth round without a repeat needs 10 - g tables
that are common transversals of the pair and g that are common transversals less their
empty cell. The pair has exactly four common transversals, so g is 6 or more, and the
cells left by any choice of 10 - g of them hold no g disjoint partial ones that the
empty cells complete: on these four rounds a fifth repeats some pair, for any g up to 9
(bench/mols10_fifth_exact.py checks every case exhaustively, in a second).

So each table below is the fifth round with fewest repeats that bench/mols10_fifth.c
found for its number of people: a row of the 10 x 10 grid a string, a cell's digit its
fifth-round table, an empty cell a letter (a for table 0, b for 1, ...); its comment gives
the pairs who meet twice over the five rounds (6 to 17; the tests recount them) and the
arguments that find it again. A greedy fifth round and the search left 30 to 53 for 91 to
100 people (seed 1), and 43 to 65 with six sectors balanced and keep-apart sets on a fifth
(seeds 1-4, worst of each); docs/groups-engine.md gives the figures after.
"""

from __future__ import annotations

from liftkit.core.groups.geometry import SHARED_MOLS_10, cell_points, latin_squares

Rounds = list[list[list[int]]]

FIFTH = "and a fifth round of few repeats"  # the end of the design's name

FIFTH_ROUNDS: dict[int, tuple[str, ...]] = {
    100: (  # 17 pairs meet twice: mols10_fifth 1 0 3 750629 1
        "6061572843", "0782364591", "3570899128", "4827631950", "8914250637",
        "1396087274", "2103745965", "7245413089", "5639807412", "9485126306",
    ),
    99: (  # 14 pairs meet twice: mols10_fifth 1 1 5 824770 1
        "7071952683", "0562378941", "3950644126", "8625731490", "6418290735",
        "1347066258", "2103589479", "5289813064", "9734605812", "48f9127307",
    ),
    98: (  # 11 pairs meet twice: mols10_fifth 1 2 4 1561057 0
        "9697431250", "6321095487", "0436c88712", "5213907846", "2875146903",
        "708962d135", "1760354894", "3154570628", "4908263571", "8524719069",
    ),
    97: (  # 9 pairs meet twice: mols10_fifth 1 3 1 1142841 1
        "50f1982743", "0872354961", "3980h66127", "4728531690", "7614290538",
        "136507i284", "2103849659", "8249413076", "9536708412", "6479125305",
    ),
    96: (  # 8 pairs meet twice: mols10_fifth 1 4 4 1612461 0
        "84i0915326", "4135682970", "6914c77053", "b351860794", "3702594861",
        "067843d512", "5046129789", "1529206437", "9867341205", "7239058648",
    ),
    95: (  # 7 pairs meet twice: mols10_fifth 1 5 2 1861983 0
        "70b5384192", "0814279365", "2380h66541", "9148725630", "1659430728",
        "526701i489", "4502893g73", "849d952016", "3726108954", "6913547207",
    ),
    94: (  # 7 pairs meet twice: mols10_fifth 1 6 2 1503454 0
        "6230915148", "2615849370", "89h2761053", "4751380j62", "6409532987",
        "084627e531", "50284g3719", "75639082d4", "9387124605", "b194057826",
    ),
    93: (  # 7 pairs meet twice: mols10_fifth 1 7 2 1707960 0
        "154908i763", "5281346c79", "362547098h", "2467f39015", "41908g5632",
        "9314560278", "8953224107", "08746935b1", "7a32108496", "6708912354",
    ),
    92: (  # 6 pairs meet twice: mols10_fifth 1 8 1 1268357 0
        "0548271396", "5961642a08", "627540381e", "3497c08265", "4g80125637",
        "8024539179", "18567940h3", "710938d522", "63b2957481", "963j810754",
    ),
    91: (  # 8 pairs meet twice: mols10_fifth 1 9 2 1233506 0
        "89208714c6", "3741568290", "536924781a", "241d650987", "7j06123658",
        "05947g2163", "103549h732", "9172305f84", "6457e89301", "i683014529",
    ),
}  # fmt: skip


def fifth_round(n: int, groups: int, wanted: int) -> tuple[str, int, Rounds, Rounds] | None:
    """(name, points, the four rounds of the squares, [the fifth round]) for n people at
    10 tables when five rounds or more are wanted: the empty cells are the last points."""
    rows = FIFTH_ROUNDS.get(n)
    if groups != 10 or wanted < 5 or rows is None:
        return None
    cells = range(100)
    mark = [rows[x // 10][x % 10] for x in cells]
    empty = tuple(x for x in cells if mark[x].isalpha())
    made = latin_squares(n, groups, 4, SHARED_MOLS_10, empty)
    if made is None:
        return None
    name, points, rounds = made
    point = cell_points(empty)  # as latin_squares numbers them
    table = [int(m) if m.isdigit() else ord(m) - ord("a") for m in mark]
    fifth = [[point[x] for x in cells if table[x] == t] for t in range(10)]
    return f"{name}, {FIFTH}", points, rounds, [fifth]
