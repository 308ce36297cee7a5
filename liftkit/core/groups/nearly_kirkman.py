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
two orthogonal Latin squares over finite fields (g a product of prime powers of at least
3): 144 from 48, and beyond 150, 216 from 72 and so on.

One or two people fewer use the same design with the fixed points as ghosts: the two
fixed points never meet, so leaving them out makes at most two groups of two.
"""

from __future__ import annotations

from liftkit.core.groups.cyclic import Layout, develop
from liftkit.core.groups.fields import make_field
from liftkit.core.groups.nkts_data import BASE_ROUNDS
from liftkit.core.groups.rotational import is_resolvable_packing

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

    Point i*g + p is person p of copy i. A pair of orthogonal Latin squares L, M of order g
    gives g rounds: the cells with M(x, y) = j make round j, each cell the trio
    (0, x), (1, y), (2, L(x, y)); these meet every pair from two copies exactly once. The
    (g - 2)/2 rounds of the NKTS(g), run in all three copies at once, meet the pairs
    within a copy. The last two points of copy 2 never meet, so they can be ghosts.
    """
    g = v // 3
    if v % 6 or g < 18:
        return None
    inner = nkts_rounds(g)
    squares = _orthogonal_squares(g) if inner is not None else None
    if inner is None or squares is None:
        return None
    latin, mate = squares
    rounds: Rounds = [[] for _ in range(g)]
    for x in range(g):
        for y in range(g):
            rounds[mate[x][y]].append([x, g + y, 2 * g + latin[x][y]])
    for groups in inner:
        rounds.append([[i * g + p for p in group] for i in range(3) for group in groups])
    return rounds


def _orthogonal_squares(g: int) -> tuple[list[list[int]], list[list[int]]] | None:
    """x + y and x + a*y over a product of finite fields of order g (each at least 3)."""
    fields = []
    rest = g
    for p in range(2, g + 1):
        q = 1
        while rest % p == 0:
            rest, q = rest // p, q * p
        if q > 1:
            field = make_field(q)
            if field is None or q < 3:
                return None
            fields.append(field)
    latin = [[0] * g for _ in range(g)]
    mate = [[0] * g for _ in range(g)]
    for x in range(g):
        for y in range(g):
            sum_, other, place, a, b = 0, 0, 1, x, y
            for field in fields:
                (a, xi), (b, yi) = divmod(a, field.q), divmod(b, field.q)
                sum_ += place * field.add(xi, yi)
                other += place * field.add(xi, field.mul(2, yi))
                place *= field.q
            latin[x][y], mate[x][y] = sum_, other
    return latin, mate
