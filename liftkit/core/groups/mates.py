"""Rounds after three held rounds or more of k * k people in k rooms of k (or fewer, down to
k(k - 2): two places empty at every table) that repeat nobody.

Such held rounds form a net: a person is a cell of a k x k grid (their rooms in the first
two), each further round a Latin square on it. Two ways to go on without a repeat:

- Found again in a design (isotopy.py): when a design's rounds hold the same net under a
  relabelling of its points (always so for rounds planned from an affine plane, and for
  the Latin squares of order 10 that liftkit planned them from), its other rounds follow.
- Else transversal covers: a round more is a partition of everyone into k groups that
  each hold one person of every room so far, a transversal of the net (an orthogonal
  mate of its squares). Every transversal is listed (people who never shared a room, one
  of each room of the first round), and k that cover everyone are sought by exact cover
  (Knuth's algorithm X, the person with the fewest transversals first), a round at a time,
  each round planned joining the net; a cover may leave none for the next round, so it is
  tried again with others.

A café of 100 at 10 tables over four rounds, reshuffled in its last: 11-14 repeats from
greedy rounds and the search; none now. 49 people in sevens, three rounds held of five:
18-20, none. With a facilitator in each room, a design's rounds are taken only when they
have one a room, and only transversals holding one are. With --balance, the design's
rounds are taken when every group holds each value in its band, else covers by
transversals that do, else the design's rounds and the search mends them (81 people of
three organisations at 9 tables, a round of a balanced café file reshuffled: 10-15
repeats after mending, none from covers in band).

Fewer than k * k people, a place empty at some tables: a ghost stands on each empty cell
of the grid, in the room of each later round that its row and column both lack, when that
is one room (ghosts.py); the rounds are then a net of k * k again, the covers take at most
one ghost each, and the ghosts leave the rounds planned; the designs of k * k points are
tried too (after_held.held_start). A café of 120 at 11 tables (80 at 9, 63 at 8, 110 at
11), its last round reshuffled: 15-17 repeats (2-7, 0-7, 4-8), none now. A place short at
every table and no ghost forced, a design of the people here may hold the rounds as they
are (90 at 10 tables, on cyclic rows: 3-7, none now), or of a ghost or two more
(ghosts.short_of: 70 at 9 tables on transversal rows of 72, 2-3, none now), or of k * k
points with the rest anywhere (isotopy.embeddings: 52 at 8 tables, 1-2, none now).

Neither a design's round nor a cover that is the rooms `avoid` (a reshuffle's rooms now)
is taken: the design's own round came back at every try, so that reshuffling the last
round of a café of 100 at 10 tables parted everyone sharing a room for 22-24 repeats, and
from a groups file said that 8 tries gave the rooms there are; another mate, none. The
design's stand-ins for that round come first (stand_ins.py: 100 at 10 tables from a file,
any round reshuffled, 11-13 repeats in 1.3 s where the covers found none; none at once).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Iterable, Sequence

from liftkit.core.groups import isotopy
from liftkit.core.groups.designs import Design
from liftkit.core.groups.ghosts import GHOSTS, completed, numbered, short_of
from liftkit.core.groups.points import (
    Classes,
    alike,
    balanced_rows,
    groups_of,
    in_bands,
    members_of,
    spread_evenly,
)
from liftkit.core.groups.setup import Setup
from liftkit.core.groups.stand_ins import stand_ins

Rounds = Sequence[Sequence[Sequence[int]]]

LISTING = 3_000_000  # people weighed, at most, listing a round's transversals (0.1 s for a
# net of three rounds of 100 people: 844 transversals, 928,000 weighed)
TRIES = 8  # a mate chosen may leave none for the next round (a 3-net of AG(2,7): a cover
# of non-lines first, 1 of 2 rounds; tried again with other covers, both)
COVERING = 200_000  # people weighed, at most, covering everyone with them (45,000 there)
EMBEDDING = 30_000  # the isotopy's budget laying fewer people than points (0.4 s at 12 tables)


def mate_rounds(setup: Setup, held: Sequence[Sequence[int]], rounds: int, rng: random.Random,
                designs: Iterable[Design] = (), avoid: Sequence[int] = (),
                banded: Classes = (), spread: Sequence[Sequence[int]] = ()
                ) -> list[list[int]]:  # fmt: skip
    """Up to `rounds` rounds (each person's group), each a transversal partition of the
    held rounds and those before it, the first of them not the rooms `avoid` (each
    person's room, a reshuffle's now); none unless there are three held rounds or more, of
    everyone here in k rooms of k, that repeat nobody, and nobody is kept together.
    `banded`: each --balance column's value per person and each value's band per group
    (the search's Problem.columns and bands). `spread`: weights per person that every
    round spreads over the groups as evenly as they can be, as it does facilitators
    (twins_held.py: the people twins stand beside)."""
    n, k = len(setup.people), setup.groups
    if (len(held) < 3 or k < 3 or not k * (k - 2) <= n <= k * k
            or any(len(unit) > 1 for unit in setup.units)):  # fmt: skip
        return []  # people kept together: the greedy rounds place their blocks
    classes = [numbered(row, k) for row in held]
    if any(c is None for c in classes):
        return []
    held_net = [c for c in classes if c is not None]
    met = _repeat_nobody(held_net, k)  # each person's room-mates in any round so far, as bits
    if not met:
        return []  # no design's rounds, nor a grid (two people on one cell: ghosts.py)
    # A place empty at some tables: ghosts stand there (ghosts.py), else, a place empty at
    # every table, a design of the people here (or of a ghost or two more) may hold the
    # rounds as they are (90 at 10 tables on cyclic rows, 70 at 9 on transversal rows of 72;
    # it is not sought for other counts: making one can take a second); fewer still, a
    # design of k * k points may hold them with its points to spare anywhere (embeddings)
    net = completed(held_net, k) if k * (k - 1) <= n < k * k else held_net
    if net is None or n < k * (k - 1):
        return _as_they_are(setup, held_net, rounds, designs, avoid) if n <= k * (k - 1) else []
    if net is not held_net:
        met = _repeat_nobody(net, k)  # the ghosts' meetings too
        if not met:
            return []
    ghosts = (1 << k * k) - (1 << n)
    evens = [[*weights, *[0] * (k * k - n)] for weights in (setup.facilitator, *spread)]
    leads = [p for p in range(n) if setup.facilitator[p]]
    in_design = next((found for design in designs
                      if (found := _in_a_design(evens, k, ghosts, net, rounds, design, avoid))),
                     [])  # fmt: skip
    planned = in_design  # never the rooms there are now (_in_a_design)
    if not (in_design and balanced_rows(in_design, banded, k)):
        # Covers in band, else the design's rounds out of band, else covers: the search
        # mends the balance of the rounds that repeat nobody
        planned = (
            (banded and _covers(net, met, k, leads, ghosts, banded, rounds, rng, avoid))
            or in_design
            or _covers(net, met, k, leads, ghosts, [], rounds, rng, avoid)
        )
    even = itertools.takewhile(lambda row: all(spread_evenly(w, k, [row]) for w in evens), planned)
    return [row[:n] for row in even]  # the ghosts leave


def _as_they_are(setup: Setup, net: list[list[int]], rounds: int, designs: Iterable[Design],
                 avoid: Sequence[int]) -> list[list[int]]:  # fmt: skip
    """The rounds of a design of the people here that the held rounds are rounds of, with
    ghosts on its points past them (ghosts.short_of), who never share a group; or of
    k * k points, those past them anywhere where the rooms stay even."""
    n, k = len(net[0]), setup.groups
    for design in designs:
        g = design.points - n
        lead = [[*setup.facilitator, *[False] * g]]
        if g > GHOSTS and design.points == k * k:
            found = _in_a_design(lead, k, 0, net, rounds, design, avoid)
            if found:
                return found
            continue
        for whole in [net] if not g else short_of(net, k, design.points):
            found = _in_a_design(lead, k, (1 << n + g) - (1 << n), whole, rounds, design, avoid)
            if found:
                return [row[:n] for row in found]
    return []


def _covers(net: list[list[int]], met: list[int], k: int, leads: list[int], ghosts: int,
            banded: Classes, rounds: int, rng: random.Random,
            avoid: Sequence[int]) -> list[list[int]]:  # fmt: skip
    """Up to `rounds` rounds of transversal covers, the most of TRIES."""
    best: list[list[int]] = []
    for _ in range(TRIES):
        planned = _mates(net, met[:], k, leads, ghosts, banded, rounds, rng, avoid)
        if len(planned) > len(best):
            best = planned
        if len(best) == rounds or not planned:
            break
    return best


def _in_a_design(evens: Sequence[Sequence[int]], k: int, ghosts: int, net: list[list[int]],
                 rounds: int, design: Design,
                 avoid: Sequence[int] = ()) -> list[list[int]]:  # fmt: skip
    """The rounds of a design that the held ones are rounds of, under a relabelling of its
    points (isotopy.py), up to `rounds`: the first three held rounds found as three of its
    rounds, each later held round as another; none if no design does, or the weights of
    `evens` (facilitators first) would not be spread as evenly as they can be, or two
    `ghosts` (as bits) share a group. A round of it that is the rooms `avoid` is passed
    over, for the rounds after it, else one of its stand-ins (stand_ins.py). Fewer people
    than points (`net` of fewer, no ghosts): the rounds laid with the points to spare
    anywhere (isotopy.embeddings) whose rooms stay even."""
    n, people = len(evens[0]), len(net[0])
    if design.points != n or len(design.rounds) <= len(net):
        return []
    used = design.rounds
    stand = stand_ins(used, n) if avoid else {}
    cell_h = [[-1] * k for _ in range(k)]
    for p in range(people):
        cell_h[net[0][p]][net[1][p]] = p
    held = [[net[2][p] if p >= 0 else -1 for p in row] for row in cell_h]
    budget = [isotopy.BUDGET if people == n else EMBEDDING]
    found = isotopy.isotopisms if people == n else isotopy.embeddings
    triples = [(0, 1, x) for x in range(2, len(used))]
    triples += [t for t in itertools.permutations(range(len(used)), 3) if t not in triples]
    for triple in triples:
        if budget[0] <= 0:
            break
        made = isotopy.design_square(used, n, *triple)
        if made is None:
            continue
        square, cell_d = made
        for rows, columns, _ in found(held, square, budget):
            point = [cell_d[rows[net[0][p]]][columns[net[1][p]]] for p in range(people)]
            rest = _the_rest(used, triple, net, point) or []
            planned = [_on(used[r], point) for r in rest[: rounds + 1]]
            options = [planned[:rounds]]
            if planned and avoid and alike(planned[0][: len(avoid)], list(avoid)):
                # the rooms there are now: the rounds after them, else a stand-in for them
                options = [planned[1:], *([_on(g, point)] for g in stand.get(rest[0], []))]
            for option in options:
                if (
                    option
                    and not (avoid and alike(option[0][: len(avoid)], list(avoid)))
                    and all(spread_evenly(weights, k, option) for weights in evens)
                    and all(spread_evenly([1] * people, k, [row]) for row in option)  # even rooms
                    and all(
                        max(Counter(row[p] for p in _bits(ghosts)).values(), default=0) <= 1
                        for row in option
                    )
                ):
                    return option
    return []


def _the_rest(used: Rounds, triple: tuple[int, ...], net: list[list[int]],
              point: list[int]) -> list[int] | None:  # fmt: skip
    """The design's rounds that no held round is, or None when a held round after the third
    is none of its rounds."""
    taken = set(triple)
    for row in net[3:]:
        same = next((r for r in range(len(used)) if r not in taken
                     and alike(row, _on(used[r], point))), None)  # fmt: skip
        if same is None:
            return None
        taken.add(same)
    return [r for r in range(len(used)) if r not in taken]


def _on(groups: Sequence[Sequence[int]], point: list[int]) -> list[int]:
    """A design's round (its groups of points) as each person's group."""
    group = groups_of(groups, max(point) + 1)
    return [group[q] for q in point]


def _mates(net: list[list[int]], met: list[int], k: int, leads: list[int], ghosts: int,
           classes: Classes, rounds: int, rng: random.Random,
           avoid: Sequence[int] = ()) -> list[list[int]]:  # fmt: skip
    """Rounds one at a time, each an exact cover by transversals of the net so far, the
    first not `avoid`."""
    planned: list[list[int]] = []
    while len(planned) < rounds:
        found = _transversals(net[0], met, k, leads, ghosts, rng, [LISTING])
        if classes:
            found = [bits for bits in found if in_bands(_bits(bits), classes)]
        covered = _cover(found, len(met), rng, [COVERING], [] if planned else avoid)
        if covered is None:
            break
        _adds_no_repeat(met, covered, k)
        net = [*net, covered]
        planned.append(covered)
    return planned


def _repeat_nobody(net: list[list[int]], k: int) -> list[int]:
    """Each person's room-mates in the rounds, as bits; none if someone meets someone
    again."""
    met = [0] * k * k
    return met if all(_adds_no_repeat(met, row, k) for row in net) else []


def _adds_no_repeat(met: list[int], row: list[int], k: int) -> bool:
    """Adds the round's meetings to `met`; False if someone meets someone again."""
    masks = [0] * k
    for p, g in enumerate(row):
        masks[g] |= 1 << p
    clean = True
    for p, g in enumerate(row):
        mates = masks[g] & ~(1 << p)
        clean = clean and not met[p] & mates
        met[p] |= mates
    return clean


def _transversals(first: list[int], met: list[int], k: int, leads: list[int], ghosts: int,
                  rng: random.Random, budget: list[int]) -> list[int]:  # fmt: skip
    """Every set of k people who never shared a room, one of each room of the first round
    (with facilitators, those holding exactly one when there are k, at most one else; at
    most one of the `ghosts`, as bits), as bits; as many as the budget lists."""
    rooms = members_of(first, k)
    for room in rooms:
        rng.shuffle(room)
    lead_bits = sum(1 << p for p in leads)
    lead = [lead_bits >> p & 1 for p in range(len(first))]
    most = 1 if leads else k
    least = 1 if len(leads) == k else 0
    found: list[int] = []
    stack: list[tuple[int, int]] = [(0, 0)]  # (room, people chosen so far as bits)
    while stack and budget[0] > 0:
        at, chosen = stack.pop()
        if at == k:
            if (chosen & lead_bits).bit_count() >= least:
                found.append(chosen)
            continue
        for p in rooms[at]:
            budget[0] -= 1
            if (not met[p] & chosen and (chosen & lead_bits).bit_count() + lead[p] <= most
                    and not (ghosts >> p & 1 and chosen & ghosts)):  # fmt: skip
                stack.append((at + 1, chosen | 1 << p))
    return found


def _cover(found: list[int], n: int, rng: random.Random, budget: list[int],
           avoid: Sequence[int] = ()) -> list[int] | None:  # fmt: skip
    """k transversals that hold everyone once (each person's group), other than the rooms
    `avoid`, or None: algorithm X, the person in the fewest transversals left first."""
    holding: list[list[int]] = [[] for _ in range(n)]  # person -> the transversals holding them
    for t, bits in enumerate(found):
        x = bits
        while x:
            low = x & -x
            holding[low.bit_length() - 1].append(t)
            x ^= low
    if any(not ts for ts in holding):
        return None
    chosen: list[int] = []

    def search(left: int, usable: set[int]) -> bool:
        if not left:
            return not avoid or not alike(_row(chosen)[: len(avoid)], list(avoid))
        if budget[0] <= 0:
            return False
        best, options = -1, list[int]()
        x = left
        while x:  # the person left in the fewest usable transversals
            low = x & -x
            p = low.bit_length() - 1
            mine = [t for t in holding[p] if t in usable]
            budget[0] -= 1
            if best < 0 or len(mine) < len(options):
                best, options = p, mine
                if len(mine) <= 1:
                    break
            x ^= low
        rng.shuffle(options)
        for t in options:
            chosen.append(t)
            if search(left & ~found[t], {u for u in usable if not found[u] & found[t]}):
                return True
            chosen.pop()
        return False

    def _row(chosen: list[int]) -> list[int]:
        row = [0] * n
        for g, t in enumerate(chosen):
            for p in _bits(found[t]):
                row[p] = g
        return row

    if not search((1 << n) - 1, set(range(len(found)))):
        return None
    return _row(chosen)


def _bits(bits: int) -> list[int]:
    found = []
    while bits:
        low = bits & -bits
        found.append(low.bit_length() - 1)
        bits ^= low
    return found
