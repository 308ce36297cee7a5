"""Nearly Kirkman triple systems: v people in trios for (v - 2)/2 rounds, no pair twice.

An NKTS(v) exists for every v = 0 mod 6 from 18 on (Kotzig and Rosa 1974; Baker and
Wilson 1977; as resolvable 3-GDDs of type 2^(v/2), Rees and Stinson 1987): every person
meets everyone but one other, the unmet pairs forming a perfect matching.

Here each is built 1-rotationally. With m = (v - 2)/2, the points are two rows of Z_m
(point r*m + x is row r, place x) and two fixed points 2m and 2m + 1. One base round of
trios, translated by t = 0..m-1 (x -> x + t in both rows, the fixed points stay), gives
the m rounds. A pair's class is what translation keeps (its rows and the gap between its
places, or the fixed point and its partner's row; see cyclic.py): the base round uses
each class at most once and never puts the two fixed points together, so no translate
repeats a pair. The base rounds were found by a search run once, offline
(bench/nkts_search.py), and are stored in nkts_data.py; here they are only looked up,
developed and checked, so this is instant.

Orders the search did not reach are tripled where possible: NKTS(3g) from an NKTS(g) on
each of three copies of g people and a resolvable transversal design TD(3, g), made from
an orthogonal array OA(4, g) (two orthogonal Latin squares, mols.py): 108 from 36, 126
from 42 (an OA(4, 42) as the product of GF(3)'s and one of order 14), 144 from 48, and
beyond 150, 216 from 72 and so on.

One or two people fewer use the same design with the fixed points as ghosts: the two
fixed points never meet, so leaving them out makes at most two groups of two.
"""

from __future__ import annotations

from liftkit.core.groups.cyclic import Layout, develop
from liftkit.core.groups.mols import best_array
from liftkit.core.groups.nkts_data import BASE_ROUNDS
from liftkit.core.groups.stored import is_resolvable_packing

Rounds = list[list[list[int]]]  # round -> group -> points

MAX_GHOSTS = 2  # the two fixed points, which never share a group


def nearly_kirkman(n: int, groups: int, wanted: int) -> tuple[str, int, Rounds] | None:
    """(name, points, rounds) of an NKTS(v) for n people in `groups` trios, v - n ghosts."""
    v = 3 * groups
    if not 0 <= v - n <= MAX_GHOSTS or wanted < 1:
        return None
    rounds = nkts_rounds(v)
    if rounds is None:
        return None
    return f"a nearly Kirkman triple system NKTS({v})", v, rounds[:wanted]


def nkts_rounds(v: int) -> Rounds | None:
    """The (v - 2)/2 rounds of an NKTS(v), stored or tripled, or None: none known here, or
    the rounds fail the check (then nothing broken is ever used)."""
    rounds = _developed(v) if v in BASE_ROUNDS else _tripled(v)
    return rounds if rounds is not None and is_resolvable_packing(rounds, v) else None


def _developed(v: int) -> Rounds | None:
    """The translates of the stored base round (its fixed points are the last two)."""
    m = (v - 2) // 2
    points = [int(p) for p in BASE_ROUNDS[v].split()]
    if sorted(points) != list(range(v)):
        return None
    base = [points[i : i + 3] for i in range(0, v, 3)]
    return develop(Layout(m, 2, 2, 1), [base], m)


def _tripled(v: int) -> Rounds | None:
    """NKTS(3g) from an NKTS(g) on each of three copies and a resolvable TD(3, g).

    Point i*g + p is person p of copy i. An orthogonal array OA(4, g) (two orthogonal Latin
    squares; mols.py) gives g rounds: class c of its rows makes round c, each row (x, y, z, c)
    the trio (0, x), (1, y), (2, z); these meet every pair from two copies exactly once. The
    (g - 2)/2 rounds of the NKTS(g), run in all three copies at once, meet the pairs
    within a copy. The last two points of copy 2 never meet, so they can be ghosts.
    """
    g = v // 3
    if v % 6 or g < 18:
        return None
    inner = nkts_rounds(g)
    array = best_array(g) if inner is not None else None
    if inner is None or array is None or array.width < 4:
        return None
    rounds: Rounds = [
        [[row[0], g + row[1], 2 * g + row[2]] for row in array.rows(c, 3)] for c in range(g)
    ]
    for groups in inner:
        rounds.append([[i * g + p for p in group] for i in range(3) for group in groups])
    return rounds
