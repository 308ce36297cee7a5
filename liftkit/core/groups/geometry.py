"""More zero-repeat constructions: affine geometries, orthogonal Latin squares of order
10, and the base rounds of cyclic designs that a search cannot be relied on to find fast.

- affine lines: the q^d points of AG(d, q) over GF(q) (q a prime power, the group size);
  a round is the parallel class of lines in one direction, and two lines in different
  directions share at most one point, so there are (q^d - 1)/(q - 1) rounds: 21 for 64
  people in fours, 13 for 27 in trios, 9 for 64 in eights.
- Latin squares: the 100 cells of two orthogonal Latin squares of order 10; rounds are the
  rows, the columns and the symbols of each square: 100 people at 10 tables for 4 rounds.
  The first square is the cyclic square of Z_10 with some intercalates turned, which has
  5504 transversals, the most of any square of order 10; the second is one of its mates,
  found by bench/mols10_pair.c, an exact-cover search over those transversals, so that
  the pair shares four disjoint common transversals (Brown, Hedayat and Parker, 1993,
  published the first such pair). The tests recount both properties.
- starters: base rounds for cyclic.py, one per instance whose design is complete or
  nearly so (every pair meets exactly once, or almost), where a search within a second is
  not assured. Each was found by cyclic.py's search with a large budget, and the tests
  check that the rounds they give repeat no pair. Among them the Kirkman triple system of
  order 21, a resolvable 2-(28,4,1) design, and 55 or 59 people in 10 rooms for 7 rounds
  (groups of 5 and 6, as in Miller et al. 2021's table); and, in starters.txt, those
  bench/starters_search.py found for 20 to 150 people in rooms of 3 to 8 beyond the other
  constructions (30 people in 6 rooms for 6 rounds, 35 in 9 rooms for 10, 42 in 10 for 10,
  120 in 20 for 12), checked before use.
"""

from __future__ import annotations

import functools
from importlib import resources

from liftkit.core.groups.cyclic import Layout, develop
from liftkit.core.groups.fields import make_field
from liftkit.core.groups.stored import sound_schedule

Rounds = list[list[list[int]]]


MORE_ROUNDS = 64  # rounds made beyond those wanted, at most, to set ghosts' rounds aside
MORE_POINTS = 500_000  # and at most this many points in them (a round of 100,000: 0.3 s)


def affine_lines(n: int, groups: int, wanted: int) -> tuple[str, int, Rounds] | None:
    """(name, points, rounds) of AG(d, q) for n people in `groups` groups, ghosts allowed."""
    for q in range(2, n + 1):
        d, points = 1, q
        while points < n:
            d, points = d + 1, points * q
        if d < 2 or points // q != groups or points - n >= groups:
            continue
        # The field only for the q that fits: made for every prime power up to n (GF(4096),
        # GF(3125), ...), it took most of the 2.9 s of 5,000 people in fives for 3 rounds.
        field = make_field(q)
        if field is None:
            continue
        # Each pair of ghosts shares a line in one round, which best_design keeps spare:
        # enough rounds more that the wanted ones are free of them where the plane allows.
        ghosts = points - n
        more = min(ghosts * (ghosts - 1) // 2, MORE_ROUNDS, MORE_POINTS // points)
        return f"lines of AG({d},{q})", points, _parallel_classes(field, d, wanted + more)
    return None


def _parallel_classes(field, d: int, wanted: int) -> Rounds:  # type: ignore[no-untyped-def]
    q = field.q
    points = q**d
    places = [q**i for i in range(d)]

    def digits(x: int) -> list[int]:
        return [(x // place) % q for place in places]

    def number(v: list[int]) -> int:
        return sum(c * place for c, place in zip(v, places, strict=True))

    rounds: Rounds = []
    # One direction per line through 0: its first nonzero digit is 1. Those whose last digit
    # is nonzero come first: their lines cross every row (q ** (d - 1) consecutive points,
    # the groups' number) once, so a value laid on whole rows is spread evenly (start.py).
    directions = [
        v for v in map(digits, range(1, points)) if v[next(i for i, c in enumerate(v) if c)] == 1
    ]
    directions.sort(key=lambda v: v[-1] == 0)
    for v in directions:
        multiples = [[field.mul(a, c) for c in v] for a in range(q)]
        placed = [False] * points
        lines: list[list[int]] = []
        for x in range(points):
            if placed[x]:
                continue
            base = digits(x)
            line = sorted(
                number([field.add(b, c) for b, c in zip(base, step, strict=True)])
                for step in multiples
            )
            for y in line:
                placed[y] = True
            lines.append(line)
        rounds.append(lines)
        if len(rounds) == wanted:
            break
    return rounds


# Two orthogonal Latin squares of order 10, a row a string. They share no common
# transversal, so an organisation of exactly ten cannot be one a table over their 4 rounds.
MOLS_10 = (
    ("4168032957", "0492613785", "1534890672", "8905724163", "5219467830",
     "9326178504", "3871945026", "6783509241", "2057386419", "7640251398"),
    ("0123456789", "8307941652", "9065237841", "6954328017", "7582160493",
     "1430789526", "2876593104", "3218604975", "4691075238", "5749812360"),
)  # fmt: skip


# Two that share four disjoint common transversals (bench/mols10_pair.c, seed 1, the second
# mate it prints): an organisation of ten, one a table, stands on one of them in all four
# rounds. start.py tries them only when balance held on fewer of MOLS_10's rounds than
# were asked for: MOLS_10 does better first (six sectors with keep-apart sets on a fifth,
# seeds 1-3: no repeat on MOLS_10, up to 51 on this pair, whose colouring did not settle).
# With fewer than 100 people the ghosts stand on SHARED_GHOSTS, one of the four.
SHARED_MOLS_10 = (
    ("0678451239", "1289567340", "2845173906", "8951234067", "4562890173",
     "5123906784", "6734012895", "7390628451", "3406789512", "9017345628"),
    ("1260374589", "3682145907", "0456721893", "2139856470", "9517608234",
     "4893560712", "5974012368", "8045937126", "6728493051", "7301289645"),
)  # fmt: skip
SHARED_GHOSTS = (9, 14, 20, 35, 48, 51, 63, 76, 82, 97)  # one of its common transversals
# SHARED_MOLS_10's cells in six common plexes, a cell's block at its place: 0-3 its four
# common transversals (one cell in each row, column and symbol of both squares; 3 is
# SHARED_GHOSTS), 4 and 5 thirty cells each with three in each (bench/mols10_plexes.c, a
# tabu search over the sixty cells the transversals leave). An organisation of 10 m people
# laid on blocks whose sizes add up to m is exactly m at every table in all four rounds.
SHARED_PLEXES = (
    "5051542443", "0542345541", "3550444125", "4425531450", "4414250535",
    "1345054254", "2103555444", "5254413054", "4535404512", "5444125305",
)  # fmt: skip
PLEX_SIZES = (1, 1, 1, 1, 3, 3)  # cells of each block in each row, column and symbol


def latin_squares(
    n: int,
    groups: int,
    wanted: int,
    pair: tuple[tuple[str, ...], ...] = MOLS_10,
    last: tuple[int, ...] = (),
) -> tuple[str, int, Rounds] | None:
    """Rows, columns and the symbols of two orthogonal Latin squares: 4 rounds of 10 x 10.

    Cell 10 * row + column is a point, except that the cells `last` (a common transversal)
    take the last numbers: the ghosts of fewer than 100 people stand there, never two in a
    group, and leave the other transversals whole."""
    if groups != 10 or not 90 < n <= 100 or not pair[0]:
        return None
    point = cell_points(last)
    cells = range(100)
    rounds: Rounds = [
        [[point[r * 10 + c] for c in range(10)] for r in range(10)],
        [[point[r * 10 + c] for r in range(10)] for c in range(10)],
    ]
    for square in pair:
        rounds.append(
            [[point[x] for x in cells if int(square[x // 10][x % 10]) == s] for s in range(10)]
        )
    return "two orthogonal Latin squares of order 10", 100, rounds[:wanted]


def cell_points(last: tuple[int, ...]) -> dict[int, int]:
    """Cell -> point: in order, but the cells `last` take the last numbers."""
    order = [x for x in range(100) if x not in last] + list(last)
    return {x: i for i, x in enumerate(order)}


def shared_plexes(n: int) -> list[tuple[int, list[int]]]:
    """(cells a row, points) of each block of SHARED_PLEXES, numbered as latin_squares
    numbers the points of SHARED_MOLS_10 for n people; with fewer than 100, not the
    ghosts' transversal."""
    point = cell_points(SHARED_GHOSTS if n < 100 else ())
    blocks = []
    for size, cells in plex_cells():
        if not (n < 100 and set(cells) == set(SHARED_GHOSTS)):
            blocks.append((size, sorted(point[x] for x in cells)))
    return blocks


def plex_cells() -> list[tuple[int, list[int]]]:
    """(cells a row, cells) of each block of SHARED_PLEXES, in order."""
    return [
        (size, [x for x in range(100) if SHARED_PLEXES[x // 10][x % 10] == str(b)])
        for b, size in enumerate(PLEX_SIZES)
    ]


# (points, groups) -> (m, rows, fixed points, base rounds), the bases as lists of groups.
STARTERS: dict[tuple[int, int], tuple[tuple[int, int, int, int], list[list[list[int]]]]] = {
    (21, 7): (
        (5, 4, 1, 2),
        [
            [[7, 8, 10], [19, 6, 15], [1, 9, 2], [0, 14, 5], [11, 12, 18], [16, 20, 4],
             [13, 3, 17]],
            [[17, 7, 5], [15, 0, 9], [14, 2, 8], [3, 19, 1], [4, 10, 12], [16, 13, 18],
             [6, 11, 20]],
        ],
    ),
    (28, 7): (
        (9, 3, 1, 1),
        [
            [[17, 3, 8, 9], [23, 27, 13, 1], [10, 24, 22, 16], [15, 4, 11, 7],
             [21, 14, 12, 25], [0, 18, 19, 2], [5, 20, 26, 6]],
        ],
    ),
    (55, 10): (
        (7, 7, 6, 1),
        [
            [
             [23, 22, 42, 30, 47, 37], [50, 6, 10, 33, 46, 15], [7, 14, 4, 29, 25,
             52], [36, 9, 18, 40, 34, 20], [21, 41, 2, 1, 8, 24], [51, 45, 0, 12,
             31], [38, 17, 27, 3, 49], [28, 54, 39, 11, 43], [35, 16, 13, 44, 5],
             [48, 32, 53, 19, 26]],
        ],
    ),
    (59, 10): (
        (7, 8, 3, 1),
        [
            [
             [11, 35, 47, 43, 4, 48], [19, 29, 25, 58, 42, 38], [10, 8, 36, 32, 55,
             7], [3, 34, 21, 40, 26, 22], [46, 12, 57, 18, 23, 39], [16, 24, 17, 0,
             14, 9], [50, 1, 41, 6, 5, 31], [27, 37, 51, 30, 52, 54], [13, 56, 2,
             49, 44, 15], [20, 53, 45, 28, 33]],
        ],
    ),
}  # fmt: skip


def starter(n: int, groups: int, wanted: int) -> tuple[str, int, Rounds] | None:
    """A stored cyclic design for n people (up to one ghost a group) in `groups` groups:
    those above, then those found offline (starters.txt), checked before use; of those
    that fit, the one with the most rounds up to `wanted`, then the fewest ghosts (35
    people in 9 rooms for 11 rounds: 36's design with a ghost, not 35's of 10 rounds)."""
    table = {**_found_starters(), **STARTERS}
    fitting = sorted(
        (-min(_rounds_of(table[key][0]), wanted), key)
        for key in table
        if key[1] == groups and n <= key[0] <= n + _ghosts_allowed(*table[key][0], key)
    )
    if not fitting:
        return None
    _, key = fitting[0]  # the most rounds up to those wanted, then the fewest ghosts
    (m, rows, fixed, bases), base_rounds = table[key]
    every = develop(Layout(m, rows, fixed, bases), base_rounds, m * bases)
    if not sound_schedule(every, *key):
        return None
    return f"translates of base rounds on Z_{m} x {rows}", key[0], every[:wanted]


def _rounds_of(layout: tuple[int, int, int, int]) -> int:
    """The rounds a stored layout (m, rows, fixed, bases) gives."""
    return layout[0] * layout[3]


@functools.cache
def _found_starters() -> dict[tuple[int, int], tuple[tuple[int, int, int, int], Rounds]]:
    """starters.txt's lines, read: "people rooms: m rows fixed bases: " and the base rounds
    (a line that does not read is left out; one that reads but is wrong fails sound_schedule)."""
    return _parse(_found_lines())


def _parse(lines: list[str]) -> dict[tuple[int, int], tuple[tuple[int, int, int, int], Rounds]]:
    table = {}
    for line in lines:
        try:
            key, layout, body = line.split("#")[0].split(":")
            people, groups = (int(x) for x in key.split())
            m, rows, fixed, bases = (int(x) for x in layout.split())
            base_rounds = [
                [[int(x) for x in group.split()] for group in base.split("|")]
                for base in body.split("/")
            ]
        except ValueError:
            continue
        table[(people, groups)] = ((m, rows, fixed, bases), base_rounds)
    return table


def _found_lines() -> list[str]:
    text = resources.files(__package__).joinpath("starters.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _ghosts_allowed(m: int, rows: int, fixed: int, bases: int, key: tuple[int, int]) -> int:
    """Points left empty without uneven groups: fixed points are never in one group, so
    removing some of them from a design of equal groups leaves sizes within one."""
    points, groups = key
    return fixed if points % groups == 0 else 0
