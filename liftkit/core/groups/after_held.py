"""Rounds after ones that took place, from a design: the held rounds stand as its rounds.

A design's rounds meet no pair twice whoever stands on which point (relabel.py). So the
rooms of a round that took place (`--held`, or the rounds before a live reshuffle) can be
laid on one round of a design, each room on one group and its people on that group's
points in any order: the design's other rounds then meet nobody who met in that room, nor
anyone twice. 100 people at 10 tables for 4 rounds, round 1 held: greedy rounds and the
search left 19-25 repeats; on the Latin squares, none.

Two held rounds are laid on two rounds of the design: whoever was in room i of the last
and room j of the one before stands on a point of the groups matched with them (rooms
of the round before matched with groups where most people fit). In two rounds of 100
people at 10 tables that repeat nobody, each room of one shares one person with each room
of the other, as in any two rounds of the Latin squares, so everyone fits. Earlier held
rounds are left to the search, which sees their meetings (`Problem.prior`), as it sees
those of anyone who did not fit. held_start weighs this start against the earlier plan's
rounds to come (continued.py) and greedy rounds.

Facilitators, one a room, stand on points that never meet in the design's other rounds,
so they stay one a room; --balance and --apart are settled by swapping people within a
room of the last held round (relabel's `classes`), which changes nothing about repeats
with it. People absent from the held rounds, and those of a room larger than its group,
fill the points left.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator, Sequence

from liftkit.core.groups.bounds import crowded_floor
from liftkit.core.groups.continued import continued_rounds
from liftkit.core.groups.designs import Design, best_design, leading_rows
from liftkit.core.groups.fifth import shared_pair
from liftkit.core.groups.mates import mate_rounds
from liftkit.core.groups.model import Round
from liftkit.core.groups.points import design_row, even_out, groups_of
from liftkit.core.groups.relabel import relabel
from liftkit.core.groups.search import BALANCE_WEIGHT, Problem, Search
from liftkit.core.groups.setup import Setup, make_problem
from liftkit.core.groups.start import start_schedule
from liftkit.core.groups.twins_held import twin_rounds

RELABEL_BUDGET = 20_000  # swaps within the held rooms tried, as start.py's relabelling
LEAD_BUDGET = 5_000  # groups weighed in the search for facilitators' points
LEAD_PEOPLE = 20_000  # and only up to so many people (10,000 at 100 tables: 0.3 s)
LAID_AT_MOST = 2  # held rounds laid on the design, the last ones

Rounds = list[list[list[int]]]


def held_start(setup: Setup, problem: Problem, rounds: int, held: Sequence[Sequence[int]],
               later: Sequence[Round], rng: random.Random, effort: float,
               repairable: int, avoid: Sequence[int] = ()
               ) -> tuple[list[list[int]], list[list[str]]]:  # fmt: skip
    """The starting schedule of the rounds after the held ones, and the names of the rooms
    of its rounds taken from the earlier plan (the first `later` rounds' rooms, when they
    are the start). Three starts are made where they can be, greedy rounds after them where
    they have too few: the earlier plan's rounds after the held ones (`later`) for the
    people here now (continued.py), orthogonal mates of three held rounds or more of k * k
    people in k rooms (mates.py), and a design's rounds that the held rounds are laid on
    (embedded_rounds). The first of them that repeats no pair and holds every constraint
    is taken; else, of those the search may mend (no pair kept apart together, few counts
    out of band: _mendable), the one that repeats fewest, if no more than half of what
    greedy rounds alone repeat; else greedy rounds alone. Where no start avoids every
    repeat (the facilitators of 25 people in fives for six rounds cannot all stay apart; a
    third held round meets people in a design's rounds), the search does as well or
    better from greedy rounds: 49 people in sevens for 6 rounds with 7 facilitators, 3
    held, 44-58 repeats from greedy rounds, 64 from the design's, whose start repeated 76
    pairs where greedy rounds repeated 91-113."""
    starts: list[tuple[int, list[list[int]], list[list[str]], int]] = []

    def weigh(made: list[list[int]], names: list[list[str]]) -> bool:  # True: it holds all
        if not made:
            return False
        schedule = start_schedule(setup, problem, rounds, made, rng, effort, repairable)
        search = Search(problem, schedule, rng)
        if not search.cost or _mendable(problem, search, repairable):
            starts.append((search.repeat_cost(), schedule, names, search.repeat_pairs()))
        return not search.cost or at_the_floor(search, held)

    def designs(of: Setup = setup) -> Iterator[Design]:  # made only when mates need them,
        # with a round more to pass over the rooms `avoid` (120 people at 11 tables, the last
        # of four rounds reshuffled: the design of four rounds had only the rooms there were)
        wanted = rounds + len(held) + bool(avoid)
        yield from _designs(of, wanted, rng, effort)
        n, k = len(of.people), of.groups
        if k * (k - 2) <= n < k * k:  # k * k points, for the held rounds with ghosts on the
            # empty places (ghosts.completed): 110 people at 11 tables, 4-8 repeats -> 0; or
            # with points to spare anywhere (isotopy.embeddings): 52 at 8 tables, 1-2 -> 0
            found = best_design(k * k, k, wanted, rng, effort, fifth=False)
            if found is not None:
                yield found

    def laid(alone: Setup, rooms: list[list[int]], count: int) -> list[list[int]]:  # twins
        homes: list[list[int] | None] = [None] * count
        return embedded_rounds(alone, make_problem(alone, homes), count, rooms, rng, effort)

    banded = list(zip(problem.columns, problem.bands, strict=True))  # for mates in band
    continued = continued_rounds(setup, later[:rounds], problem.prior or (), rng)
    kept_names = [[group.name for group in rnd.groups] for rnd in later[: len(continued)]]
    if continued and len(continued) < rounds:
        # More rounds than the earlier plan had: those after its rounds, as after held ones
        # (a plan of 5 rounds of 49 in sevens, 2 held, made 8: rounds 3 to 5 kept, 6 to 8
        # the affine plane's other rounds; greedy ones repeated 176-179 pairs)
        ahead, more = [*held, *continued], rounds - len(continued)
        continued += (mate_rounds(setup, ahead, more, rng, designs(), (), banded)
                      or twin_rounds(setup, ahead, more, rng, designs, laid)
                      or embedded_rounds(setup, problem, more, ahead, rng, effort))  # fmt: skip
    if (
        weigh(continued, kept_names)
        or weigh(mate_rounds(setup, held, rounds, rng, designs(), avoid, banded), [])
        or weigh(twin_rounds(setup, held, rounds, rng, designs, laid, avoid), [])
        or weigh(embedded_rounds(setup, problem, rounds, held, rng, effort), [])
    ):
        return starts[-1][1:3]
    greedy = start_schedule(setup, problem, rounds, [], rng, effort, repairable)
    if starts:
        alone = Search(problem, greedy, rng)
        repeats, schedule, names, _ = min(starts, key=lambda start: start[0])
        if 2 * repeats <= alone.repeat_cost():
            return schedule, names
        # The earlier plan carried on, where it meets half the pairs again that greedy
        # rounds do or fewer, though its cost weighs a pair meeting in every round above
        # many meeting twice: 72 at 8 tables, three gone and two come after round 1,
        # 8 pairs (its twins) against greedy rounds' 76, and the search's 36-37 from those
        kept = next((start for start in starts if start[2]), None)
        if kept is not None and 2 * kept[3] <= alone.repeat_pairs():
            return kept[1], kept[2]
    return greedy, []


def at_the_floor(search: Search, held: Sequence[Sequence[int]]) -> bool:
    """Whether a start holds every constraint and repeats no more than groups larger than
    their number force, over the held rounds and its own (Search.crowded_floor): no start
    does better, and the search is not run from it (split._held_plan): among starts that
    cost as much it wanders. The twins' rounds (twins_held.py) of a café of 72 at 8 tables,
    its last round reshuffled, cost what greedy rounds cost after the search, 8 pairs
    meeting in every round against 24 more meeting twice, and were passed over for not
    halving that; taken, the search moved on to 29 pairs at the same cost."""
    k = search.pb.groups
    if search.cost != search.repeat_cost() or any(len(unit) > 1 for unit in search.pb.units):
        return False
    if any(not 0 <= room < k for row in held for room in row):
        return False  # someone not there then, or rooms the groups now are not
    rooms = [list(Counter(row).values()) for row in held]
    rooms += [[len(group) for group in groups] for groups in search.mem]
    return search.cost <= crowded_floor(rooms, k)


def _mendable(problem: Problem, search: Search, per: int) -> bool:
    """Whether the search may be left to mend what a start leaves out of band or together
    that must be apart, as a design's fit is kept (start._repairable): one count out or
    one pair together in `per` groups at most. Five organisations of 20 at 10 tables, one
    round held: the design's rounds had 64-72 counts out in 30 groups (two of each at
    every table is more than swaps within the held rooms reach), and the search left 39-45
    repeats, where greedy rounds left 39-41. 20 people in fours, each held room kept apart
    from here on: the design's five rounds and a greedy sixth had two pairs together in 25
    groups, and the search mended them for 8-11 repeats, where greedy rounds left 8-12."""
    lightest = BALANCE_WEIGHT * min(problem.column_weights, default=1)
    groups = len(search.grp) * problem.groups
    return (search.balance_cost() // lightest + search.apart_violations()) * per <= groups


def embedded_rounds(setup: Setup, problem: Problem, rounds: int, held: Sequence[Sequence[int]],
                    rng: random.Random, effort: float = 1.0) -> list[list[int]]:  # fmt: skip
    """Up to `rounds` rounds (each person's group) after the `held` rounds (each person's
    room then, -1 for someone not there), from a design that the last of them are laid on;
    none when no design gives a round more than those, or people are kept together (their
    blocks are the greedy rounds' to place)."""
    n, k = len(setup.people), setup.groups
    if not held or rounds < 1 or n < 4 or k < 2 or any(len(unit) > 1 for unit in setup.units):
        return []
    facilitators = sum(setup.facilitator)
    wanted = min(facilitators, k) if facilitators <= k else 0  # points for facilitators
    laid = min(len(held), LAID_AT_MOST)
    best: tuple[Rounds, int, dict[int, int]] = ([], 0, {})
    for design in _designs(setup, rounds + laid, rng, effort):
        used = [[[x for x in group if x < n] for group in groups] for groups in design.rounds]
        used = used[: rounds + laid]
        if len(used) <= laid:
            continue
        first, points = _leading(used, wanted, rng)
        if (len(used), len(points)) > (len(best[0]), len(best[2])):
            best = (used, first, points)
        if len(used) == rounds + laid and len(points) == wanted:
            break
    used, first, points = best
    if not used or len(points) < wanted:
        # Facilitators who cannot all stand apart would meet in some round, and moving
        # them repeats pairs: greedy rounds hold them apart (1,000 people at 40 tables for
        # 4 rounds with 40 facilitators, of whom 30-33 stood apart: 5-6 repeats, 0-12 from
        # greedy rounds)
        return []
    used = [used[first], *used[:first], *used[first + 1 :]]  # the last held round's first
    order = _laid(setup, held[::-1][:laid], used[:laid], points, rng)
    planned = used[laid:]
    room = groups_of(used[0], n)  # each point's group in the round the last held one is on
    order = relabel(setup, problem, planned, order, rng, int(RELABEL_BUDGET * effort), room)
    rows: list[list[int]] = []
    for groups in planned:
        rows.append(even_out(setup, design_row(groups, order, n), rows))
    return rows


def _designs(setup: Setup, wanted: int, rng: random.Random,
             effort: float) -> Iterator[Design]:  # fmt: skip
    """The designs worth laying the held rounds on, best first: transversal rows (a
    facilitator a group, no --balance), the design best_design chooses, and for
    facilitators the second pair of Latin squares of order 10, which has common
    transversals (the first pair, which best_design gives, has none: 100 people at 10
    tables with 10 facilitators, 4-7 repeats on it)."""
    n, k = len(setup.people), setup.groups
    facilitators = sum(setup.facilitator)
    if facilitators == k and not setup.columns:
        found = leading_rows(n, k, wanted)
        if found is not None:
            yield found
    found = best_design(n, k, wanted, rng, effort, fifth=False, leads=facilitators == k)
    if found is not None:
        yield found
    if facilitators:
        made, _ = shared_pair(n, k, wanted, [])
        if made is not None:
            yield Design(*made)


def _leading(used: Rounds, wanted: int, rng: random.Random) -> tuple[int, dict[int, int]]:
    """The round to lay the last held one on, and points for `wanted` facilitators (group
    -> point) in different groups of it that meet in none of the other rounds: the round
    with the most such points (the first when there are no facilitators, or more than
    groups)."""
    if not wanted or len(used[0][0]) * len(used[0]) > LEAD_PEOPLE:
        return 0, {}
    best: tuple[int, dict[int, int]] = (0, {})
    for first in range(len(used)):
        found = _apart_points(used, first, wanted, rng)
        if len(found) > len(best[1]):
            best = (first, found)
            if len(found) == wanted:
                break
    return best


def _apart_points(used: Rounds, first: int, wanted: int, rng: random.Random) -> dict[int, int]:
    """Up to `wanted` points, one in each of as many groups of round `first`, no two of
    them in a group of another round: a depth-first search of LEAD_BUDGET points at most,
    the most found kept."""
    neighbours: dict[int, int] = {}  # point -> the points it meets elsewhere, as bits
    for r, groups in enumerate(used):
        if r != first:
            for group in groups:
                mask = sum(1 << x for x in group)
                for x in group:
                    neighbours[x] = neighbours.get(x, 0) | mask
    groups = [list(group) for group in used[first]]
    for group in groups:
        rng.shuffle(group)
    best: dict[int, int] = {}
    chosen: dict[int, int] = {}
    budget = LEAD_BUDGET

    def extend(left: dict[int, int], short: int) -> bool:  # True when found or time is up
        # left: the groups without a point yet -> their points that meet none chosen (bits);
        # short: how many groups may go without one
        nonlocal best, budget
        if len(chosen) > len(best):
            best = dict(chosen)
        if len(chosen) == wanted or budget <= 0:
            return True
        budget -= len(left)
        g = min(left, key=lambda h: left[h].bit_count())  # the fewest options first
        rest = {h: bits for h, bits in left.items() if h != g}
        for x in groups[g]:
            if left[g] >> x & 1:
                after = {h: bits & ~neighbours.get(x, 0) for h, bits in rest.items()}
                empty = sum(1 for bits in after.values() if not bits)
                if empty <= short:
                    chosen[g] = x
                    if extend(after, short - empty):
                        return True
                    del chosen[g]
        return short > 0 and extend(rest, short - 1)  # this group without one

    start = {g: sum(1 << x for x in group) for g, group in enumerate(groups)}
    extend(start, len(groups) - wanted)
    return best


def _laid(setup: Setup, held: Sequence[Sequence[int]], laid_on: Rounds, leads: dict[int, int],
          rng: random.Random) -> list[int]:  # fmt: skip
    """Who stands on which point (point -> person). The rooms of the last held round
    (`held[0]`) are matched with the groups of `laid_on[0]`, larger rooms with larger
    groups and rooms with a facilitator with groups with a facilitator's point, where a
    facilitator stands; the rooms of the round before (`held[1]`, if any) with the groups
    of `laid_on[1]` where most of their people fit. Everyone else in a room stands on a
    point of its group (in the group matched with their room of the round before, where
    one is left), and those left over (absent then, or more than the group holds) on the
    points left."""
    n = len(setup.people)
    rooms: dict[int, list[int]] = {}
    pool: list[int] = []
    for p in range(n):
        (rooms.setdefault(held[0][p], []) if held[0][p] >= 0 else pool).append(p)
    held_rooms = list(rooms.values())
    rng.shuffle(held_rooms)
    held_rooms.sort(key=lambda m: (-any(setup.facilitator[p] for p in m), -len(m)))
    groups = laid_on[0]
    places = list(range(len(groups)))
    rng.shuffle(places)
    places.sort(key=lambda g: (-(g in leads), -len(groups[g])))
    pairs = list(zip(places, held_rooms, strict=False))
    before = _matched(setup, held[1], laid_on, pairs, leads) if len(held) > 1 else {}
    second = groups_of(laid_on[1], n) if len(held) > 1 else []  # the round before's groups
    order = [-1] * n
    free: list[int] = []
    for g, members in pairs:
        points = [x for x in groups[g] if x != leads.get(g)]
        rng.shuffle(points)
        people = sorted(members, key=lambda p: -setup.facilitator[p])
        if g in leads and setup.facilitator[people[0]]:
            order[leads[g]] = people.pop(0)
        elif g in leads:
            points.append(leads[g])
        if before:  # first those who fit in the group matched with their room before
            cells: dict[int, list[int]] = {}
            for x in points:
                cells.setdefault(second[x], []).append(x)
            rest = []
            for p in people:
                cell = cells.get(before.get(held[1][p], -1))
                if cell:
                    order[cell.pop()] = p
                else:
                    rest.append(p)
            people, points = rest, [x for cell in cells.values() for x in cell]
        for x, p in zip(points, people, strict=False):
            order[x] = p
        pool.extend(people[len(points) :])
        free.extend(points[len(people) :])
    for members in held_rooms[len(places) :]:
        pool.extend(members)
    for g in places[len(held_rooms) :]:
        free.extend(groups[g])
    rng.shuffle(pool)
    for x, p in zip(free, pool, strict=True):
        order[x] = p
    return order


def _matched(
    setup: Setup,
    held: Sequence[int],
    laid_on: Rounds,
    pairs: list[tuple[int, list[int]]],
    leads: dict[int, int],
) -> dict[int, int]:
    """The rooms of the round before (`held`) matched with the groups of `laid_on[1]`
    (room -> group): a facilitator's room then with the group of the point they stand on
    now (`leads`), and the others greedily where most people fit: a person of room j then,
    now in the room matched with group g of `laid_on[0]`, fits group d if some point of g
    is in d."""
    inside = groups_of(laid_on[1], len(setup.people))  # point -> its group in laid_on[1]
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for g, members in pairs:
        lead = next((p for p in members if setup.facilitator[p]), None)
        if g not in leads or lead is None or held[lead] < 0 or held[lead] in matched:
            continue
        if inside[leads[g]] not in taken:
            matched[held[lead]] = inside[leads[g]]
            taken.add(inside[leads[g]])
    weights: dict[tuple[int, int], int] = {}
    for g, members in pairs:
        counts: dict[int, int] = {}  # people of this room by their room before
        for p in members:
            if held[p] >= 0:
                counts[held[p]] = counts.get(held[p], 0) + 1
        cells: dict[int, int] = {}  # points of group g by their group in laid_on[1]
        for x in laid_on[0][g]:
            cells[inside[x]] = cells.get(inside[x], 0) + 1
        for j, count in counts.items():
            for d, room in cells.items():
                weights[j, d] = weights.get((j, d), 0) + min(count, room)
    for (j, d), _ in sorted(weights.items(), key=lambda item: -item[1]):
        if j not in matched and d not in taken:
            matched[j] = d
            taken.add(d)
    return matched
