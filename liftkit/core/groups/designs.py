"""Constructions from design theory: rounds of groups in which no pair meets twice.

Each construction works on abstract points 0..N-1 (N at least the number of people; the
extra points are "ghosts" left out afterwards) and returns rounds as lists of groups of
points. They are exact and fast, so large instances need no search at all:

- transversal rows: points in `s` rows of `k`; in round r the point (i, j) goes to group
  j + a_r * i, computed in the finite field GF(k) when k is a prime power, else in Z_k with
  multipliers chosen so that (a_r - a_t) * e is never 0 for a row difference e, or with
  difference rows found offline (difference_rows.py) where those give more. Two points
  in different rows meet at most once; points in one row never meet, so the rows
  themselves are one more round when there are k rows (the affine plane of order k).
- binary spreads: the 2^d points of the vector space GF(2)^d; a round is the cosets of an
  m-dimensional subspace (groups of 2^m). Subspaces meeting only in 0 never repeat a pair,
  so a partial spread of R subspaces gives R rounds (9 for 32 people in groups of 4).
- Kirkman packing: the 15 points of PG(3,2), lines as groups and spreads as rounds: the
  schoolgirl problem, 7 rounds of 5 triples with no pair twice.
- filled columns (filled.py): a transversal design (transversal rows, or mols.py's rooms)
  and then, in each of its columns, the best design found here for one column.
- extras (extras.py): e <= k people more than a design of k equal groups, each on groups
  that share nobody, one a round, and never two in one group.

Nothing here iterates over sets or dicts in hash order, so results depend only on inputs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from liftkit.core.groups.bounds import known_squares, zero_repeat_limit
from liftkit.core.groups.cyclic import cyclic_rounds
from liftkit.core.groups.difference_rows import stored_rows
from liftkit.core.groups.extras import with_extras
from liftkit.core.groups.fields import Field, make_field, prime_power
from liftkit.core.groups.fifth import fifth_round, with_spare
from liftkit.core.groups.filled import FILLED, filled_groups, filled_two_sizes
from liftkit.core.groups.geometry import SHARED_MOLS_10, affine_lines, latin_squares, starter
from liftkit.core.groups.model import group_sizes
from liftkit.core.groups.mols import mols_rounds
from liftkit.core.groups.nearly_kirkman import nearly_kirkman
from liftkit.core.groups.rotational import rotational_rounds
from liftkit.core.groups.stored import stored_rounds
from liftkit.core.groups.twins import Base, twinned

__all__ = ["Field", "make_field", "prime_power"]

Rounds = list[list[list[int]]]  # round -> group -> points


@dataclass(frozen=True)
class Design:
    """Zero-repeat rounds on `points` points (some may be ghosts) in `groups` groups.

    `spare` rounds come after them when more are wanted: rounds of the design where ghosts
    share a group. No pair of them meets in `rounds`, but evening out their sizes moves a
    person or more, who meets people again.
    """

    name: str
    points: int
    rounds: Rounds
    spare: Rounds = field(default_factory=list)
    spread: list[list[int]] = field(default_factory=list)  # points one a group, every round
    # rounds that are a design of their own, first: a filled design's base, whose rounds
    # may take constraints the filling's do not (start.py fits them alone then); 0 if none
    plain: int = 0

    def base(self) -> Design:
        """The first `plain` rounds, a design of their own (a filled design's base)."""
        name = self.name.split(FILLED)[0]
        return Design(name, self.points, self.rounds[: self.plain])


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
    """Up to `wanted` zero-repeat rounds of k groups for n people in rows of k.

    Over GF(k) when k is a prime power; otherwise over Z_k, with its multipliers or the
    difference rows stored for k up to 40 rooms (difference_rows.py), whichever gives more.
    """
    s = -(-n // k)
    if k < 2 or s < 2:
        return None
    field = make_field(k)
    shifts: list[list[int]]
    if field is not None and s <= k:
        mul = field.mul
        shifts = [[mul(a, i) for i in range(s)] for a in range(min(wanted, k))]
        add, name = field.add, f"transversal rows over GF({k})"
    else:
        multipliers = cyclic_multipliers(k, s, wanted)
        shifts = [[a * i % k for i in range(s)] for a in multipliers]
        if len(shifts) < wanted and s <= k:
            stored = stored_rows(k, s, wanted)
            shifts = stored if len(stored) > len(shifts) else shifts
        add, name = (lambda a, b: (a + b) % k), "cyclic rows"
    if len(shifts) < 2:
        return None
    points = s * k  # point i*k + j is row i, column j; the last row may hold ghosts
    rounds: Rounds = []
    for shift in shifts:
        groups: list[list[int]] = [[] for _ in range(k)]
        for i in range(s):
            for j in range(k):
                groups[add(j, shift[i])].append(i * k + j)
        rounds.append(groups)
    if s == k and len(rounds) < wanted and field is not None and len(shifts) == k:
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


def best_design(
    n: int,
    k: int,
    wanted: int,
    rng: random.Random,
    effort: float = 1.0,
    fifth: bool = True,
    leads: bool = False,
    search: bool = True,
) -> Design | None:
    """The construction giving the most zero-repeat rounds (up to `wanted`), if any.

    Stored and algebraic constructions come first (they are exact and instant); the
    cyclic search (cyclic.py) only when none of them gives every round, for up to
    CYCLIC_LIMIT people. `fifth`: the Latin squares of order 10 may come with a fifth
    round of few repeats to spare (fifth.py). `leads`: a facilitator in each group, for
    whom some stored schedules keep their first k points (stored.stored_rounds). `search`:
    the cyclic search too (not for the design under extras.py's extras).
    """
    found: Design | None = None

    def made(design: Design | None) -> tuple[str, int, Rounds] | None:
        return (design.name, design.points, design.rounds) if design is not None else None

    def inner(m: int, groups: int, rounds: int) -> tuple[str, int, Rounds] | None:
        return made(best_design(m, groups, rounds, rng, effort))  # for one column of a design

    def under(m: int, groups: int, rounds: int) -> tuple[str, int, Rounds] | None:
        own = random.Random(m)  # the split's generator untouched (extras.with_extras)
        return made(best_design(m, groups, rounds, own, effort, fifth=False, search=False))

    def beyond() -> int:
        return len(found.rounds) if found is not None else 0

    def table(build: Callable[[], tuple[str, int, Rounds] | None], plain: int = 0) -> Design | None:
        made = build()
        return Design(*made, plain=plain) if made is not None else None

    builds: tuple[Callable[[], Design | None], ...] = (
        lambda: table(lambda: stored_rounds(n, k, wanted, leads)),
        lambda: table(lambda: nearly_kirkman(n, k, wanted)),
        lambda: table(lambda: rotational_rounds(n, k, wanted)),
        lambda: table(lambda: starter(n, k, wanted)),
        lambda: table(lambda: affine_lines(n, k, wanted)),
        lambda: _fifth(n, k, wanted) if fifth else None,
        lambda: table(lambda: latin_squares(n, k, wanted)),
        lambda: kirkman_packing(n, k, wanted),
        lambda: table(lambda: mols_rounds(n, k, wanted)),
        lambda: transversal_rows(n, k, wanted),
        lambda: table(lambda: filled_groups(n, k, wanted, _transversal, inner), k),
        lambda: table(lambda: filled_two_sizes(n, k, wanted, _transversal, under), k),
        lambda: table(lambda: with_extras(n, k, wanted, beyond(), under)),
        lambda: binary_spread(n, k, wanted, rng),
        lambda: _cyclic(n, k, wanted, rng, effort) if search else None,
    )
    for build in builds:
        design = _ghost_rounds_spare(build(), n)
        if design is not None and (found is None or len(design.rounds) > len(found.rounds)):
            found = design
        if found is not None and len(found.rounds) >= wanted:
            break
    return found


def twinned_design(n: int, k: int, rounds: int, rng: random.Random, effort: float,
                   one_column: bool, fifth: bool, whole: bool) -> Design | None:  # fmt: skip
    """More people than k * k in k groups: a design of k * k points with the rest as twins
    (twins.py), the fewest repeats possible. For k = 10 the second pair of Latin squares
    can take the twins on its common transversals; with one --balance column it goes
    first, and the first pair is not fitted after it (docs/groups-engine.md, twins: 80 to 120
    people of six sectors at 10 tables for 4 rounds, with and without keep-apart sets,
    seeds 1-2, 3,111 -> 2,969 meetings past the first, and where both pairs were fitted
    and fell short the whole command took up to 2.5 s with the weighed tabu search).
    For 5 rounds at 10 tables, last and with `fifth`, the squares with their stored fifth
    round (fifth.py): 101 to 108 people, seeds 1-2, 74-122 -> 21-85 repeats; then with
    the fifth round that spreads a common transversal, beside which ten twins stand.
    `whole` (values of exactly one a group only, as facilitators at every table): twins
    only beside whole transversals first, on which start.py lays those values (105 people
    at 10 tables for 4 rounds with a facilitator at each: 5 repeats, where 31-32 without),
    and the spread fifth round even without `fifth` (for 5 rounds: 99-107 -> 66-67)."""

    def base() -> Base | None:
        design = best_design(k * k, k, rounds, rng, effort)
        return (design.name, design.points, design.rounds) if design is not None else None

    bases = [base, lambda: latin_squares(k * k, k, rounds, SHARED_MOLS_10)]
    fifths = [lambda s=spread: with_spare(k * k, k, rounds, s) for spread in (False, True)]
    fifths = fifths if fifth else fifths[1:] if whole else []
    bases = [*(bases[::-1] if one_column else bases), *fifths]
    found = twinned(n, k, rounds, bases, whole)
    return Design(*found[:3], spread=found[3]) if found else None


def _fifth(n: int, k: int, wanted: int) -> Design | None:
    """Two orthogonal Latin squares of order 10 with a fifth round to spare (fifth.py)."""
    made = fifth_round(n, k, wanted)
    return Design(*made) if made is not None else None


def _transversal(n: int, k: int, wanted: int) -> tuple[str, int, Rounds] | None:
    """The rooms of an orthogonal array, or transversal rows over GF(k): a transversal
    design whose columns filled.py can fill."""
    made = mols_rounds(n, k, wanted)
    if made is not None:
        return made
    rows = transversal_rows(n, k, wanted)
    return (rows.name, rows.points, rows.rounds) if rows is not None else None


def leading_rows(n: int, k: int, wanted: int) -> Design | None:
    """Transversal rows, when they give every round: with a facilitator in each group and no
    --balance column, the facilitators stand on the first row, one in each group of every
    round (28 people in 7 fours for 6 rounds: 0 repeats, where the design chosen otherwise
    has no seven points that never meet, and left 2). With balance as well the design
    chosen otherwise did better (six sectors, 21 to 48 people in 7 rooms for 6 rounds,
    seeds 1-2: 48 people 58 -> 84 repeats, 27 people 21 -> 25)."""
    rows = _ghost_rounds_spare(transversal_rows(n, k, wanted), n)
    return rows if rows is not None and len(rows.rounds) >= wanted else None


def _ghost_rounds_spare(design: Design | None, n: int) -> Design | None:
    """The design with its rounds where ghosts (points n and above) share a group moved to
    `spare`, fewest ghost pairs first: only the other rounds count as zero-repeat rounds."""
    if design is None or design.points == n:
        return design

    def ghost_pairs(groups: list[list[int]]) -> int:
        return sum(c * (c - 1) // 2 for c in (sum(p >= n for p in g) for g in groups))

    weighed = [(ghost_pairs(r), r) for r in design.rounds]
    spare = [r for pairs, r in sorted(weighed, key=lambda pair_round: pair_round[0]) if pairs]
    plain = design.plain if not spare else 0  # the base's rounds first, or no longer known
    spare += design.spare
    kept = [r for pairs, r in weighed if not pairs]
    return Design(design.name, design.points, kept, spare, plain=plain)


CYCLIC_LIMIT = 150
CYCLIC_BUDGET = 60_000  # swaps the tabu search for base rounds then weighs (up to CYCLIC_FULL)
CYCLIC_DFS_BUDGET = 250_000  # points the depth-first search weighs first (about 1 us each)
CYCLIC_FULL = 50  # a node costs about as much as there are people: larger lists get fewer


def _cyclic(n: int, k: int, wanted: int, rng: random.Random, effort: float) -> Design | None:
    if n > CYCLIC_LIMIT or k < 2 or n // k < 2:
        return None
    sizes = group_sizes(n, k)
    wanted = min(wanted, zero_repeat_limit(sizes))  # a search for more would be in vain
    if wanted < 2 or (n == k * k and wanted > known_squares(k) + 2):
        # k * k people in k groups over r rounds are r - 2 orthogonal Latin squares of
        # order k: beyond the sets known (whether three of order 10 exist is open) the
        # search is in vain, and cost 0.5 s for 100 people over 5 rounds
        return None
    budget = CYCLIC_BUDGET * effort * CYCLIC_FULL / max(CYCLIC_FULL, n)
    made = cyclic_rounds(n, sizes, wanted, rng, int(budget), int(CYCLIC_DFS_BUDGET * effort))
    return Design(made[0], n, made[1]) if made is not None else None
