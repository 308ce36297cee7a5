"""Greedy rounds: each person into the open group where they add the fewest repeats.

start.py calls it for every round no construction gives; the search (search.py) then
improves them. Balance and facilitators are weighed first, and a round whose last people
found no group with room for their value is mended by swaps before it is used.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from liftkit.core.errors import LiftkitError
from liftkit.core.groups import draws
from liftkit.core.groups.mend import SAMPLE, mend_balance
from liftkit.core.groups.model import size_range
from liftkit.core.groups.search import Problem
from liftkit.core.groups.setup import Setup
from liftkit.core.text import plural


def meetings(schedule: Sequence[Sequence[int]], n: int) -> list[dict[int, int]]:
    meet: list[dict[int, int]] = [{} for _ in range(n)]
    for row in schedule:
        add_meetings(meet, row)
    return meet


def add_meetings(meet: list[dict[int, int]], row: Sequence[int]) -> None:
    for group in _groups(row):
        for p in group:
            for q in group:
                if p != q:
                    meet[p][q] = meet[p].get(q, 0) + 1


def take_meetings(meet: list[dict[int, int]], row: Sequence[int]) -> None:
    """The meetings of a round taken off (pairs met no more leave the dicts)."""
    for group in _groups(row):
        for p in group:
            met = meet[p]
            for q in group:
                if p != q:
                    if met[q] > 1:
                        met[q] -= 1
                    else:
                        del met[q]


def _groups(row: Sequence[int]) -> list[list[int]]:
    members: dict[int, list[int]] = {}
    for p, g in enumerate(row):
        members.setdefault(g, []).append(p)
    return list(members.values())


def facilitators_stay(order: list[int], members: list[list[int]],
                      before: dict[int, int]) -> list[int]:  # fmt: skip
    """`order` (the groups of a round by place: Room 1, Room 2, ...) rearranged so that as
    many groups as can keep the place one of their facilitators had the round before
    (`before`: facilitator -> place), the others in their order in the places left. Places
    are only names, so nobody meets anyone else: a table host stays at their table, as in
    a World Café, and Zoom's rooms keep their hosts. With one facilitator a group, each
    keeps their room; with two, each room keeps one of its two (a matching)."""
    if not before:
        return order
    wanted = {g: [before[p] for p in members[g] if p in before] for g in order}
    held: dict[int, int] = {}  # place -> group
    for g in order:  # an augmenting path from g, breadth first (no recursion: 25,000 rooms)
        reached: dict[int, tuple[int, int | None]] = {}  # place -> (group, the place it left)
        frontier: list[tuple[int, int | None]] = [(g, None)]
        free = None
        while frontier and free is None:
            following: list[tuple[int, int | None]] = []
            for h, left in frontier:
                for place in wanted[h]:
                    if place in reached:
                        continue
                    reached[place] = (h, left)
                    if place not in held:
                        free = place
                        break
                    following.append((held[place], place))
                if free is not None:
                    break
            frontier = following
        while free is not None:  # each group on the path moves one place along
            h, left = reached[free]
            held[free] = h
            free = left
    placed = set(held.values())
    rest = iter([g for g in order if g not in placed])
    return [held[place] if place in held else next(rest) for place in range(len(order))]


def spread_facilitators(setup: Setup, members: list[list[int]], row: list[int]) -> None:
    """Swap facilitators with others until each group has floor or ceil of their share."""
    k = setup.groups
    single = [False] * len(setup.people)
    for unit in setup.units:
        single[unit[0]] = len(unit) == 1
    total = sum(setup.facilitator)
    low, high = total // k, -(-total // k)
    for _ in range(len(setup.people)):
        counts = [sum(setup.facilitator[p] for p in group) for group in members]
        over = [g for g in range(k) if counts[g] > high]
        under = [g for g in range(k) if counts[g] < low]
        a: int | None
        b: int | None
        if over:
            a, b = over[0], next((g for g in range(k) if counts[g] < high), None)
        elif under:
            a, b = next((g for g in range(k) if counts[g] > low), None), under[0]
        else:
            return
        if a is None or b is None:
            return
        f = next((p for p in members[a] if setup.facilitator[p] and single[p]), None)
        x = next((p for p in members[b] if not setup.facilitator[p] and single[p]), None)
        if f is None or x is None:
            return
        members[a].remove(f)
        members[b].remove(x)
        members[a].append(x)
        members[b].append(f)
        row[f], row[x] = b, a


def greedy_round(
    setup: Setup,
    problem: Problem,
    schedule: list[list[int]],
    meet: list[dict[int, int]],
    rng: random.Random,
) -> list[int]:
    """One round: blocks first, then facilitators, then everyone else, each into the open
    group where they add the fewest repeat meetings and imbalances.

    Within each of these, the people of the rarest balanced values go first (and, among
    as rare, those kept apart from someone), while every group still has room for them.
    Until 2026-12-05 the order was random, so the last people of a rare value found every
    open group already holding one, and the mending swaps added repeats: 996 people at 88
    tables for 34 rounds on two columns (2 and 5 values), seed 1, took 5.4 s and ended
    with 3,124 repeated pairs; now 4.2 s and 1,886 (medians of 3, side by side).

    Among groups where a person adds as few repeats, one still short of their value (below
    its band) goes first. Until 2026-12-05 the tie went to a random group, so groups filled
    up short of a value and the mending swaps added repeats: 958 people in tens for 28
    rounds, balanced on two columns, took 6.9 s with 1,529 swaps and 2,192 repeated pairs;
    now 3.9 s, 170 swaps and 553.
    """
    n, k = len(setup.people), setup.groups
    capacity = setup.sizes[:]
    rng.shuffle(capacity)
    if not schedule and _nothing_to_weigh(setup, problem):
        return _deal(n, capacity, rng)
    members: list[list[int]] = [[] for _ in range(k)]
    fac_in = [0] * k
    counts = [[[0] * len(names) for names in setup.value_names] for _ in range(k)]
    order = list(range(len(setup.units)))
    rng.shuffle(order)
    sharing = _sharing(setup, problem)
    order.sort(
        key=lambda u: (
            -len(setup.units[u]),
            not any(setup.facilitator[p] for p in setup.units[u]),
            min(sharing[p] for p in setup.units[u]),
            not any(problem.apart[p] for p in setup.units[u]),
        )
    )
    row = [-1] * n  # each person's group, once placed
    open_list = list(range(k))  # groups with room left
    where = list(range(k))  # each group's place in open_list
    for u in order:
        unit = setup.units[u]
        facs = sum(setup.facilitator[p] for p in unit)
        open_groups = _open_groups(open_list, capacity, members, len(unit), rng)
        if not open_groups:
            raise LiftkitError(
                "the people kept together (`together`) do not fit into "
                f"{plural(k, 'group')} of {size_range(setup.sizes)}",
                "use bigger groups (`size`) or fewer `together` names",
            )
        best: tuple[int, ...] | None = None
        choice = open_groups[0]
        weighed = [  # each person's value in each balanced column, with its weight and band
            (c, setup.values[c][p], weight, *bands[setup.values[c][p]])
            for c, (bands, weight) in enumerate(
                zip(problem.bands, problem.column_weights, strict=True)
            )
            for p in unit
        ]
        # Repeats each group would add, from those the unit met who are placed already
        # (fewer than the members of the groups weighed, on all but the last rounds)
        # and pairs kept apart each would hold (both by group, from the places taken)
        added: dict[int, int] = {}
        parted: dict[int, int] = {}
        for p in unit:
            for q, times in meet[p].items():
                h = row[q]
                if h >= 0:
                    added[h] = added.get(h, 0) + times
            for q in problem.apart[p]:
                h = row[q]
                if h >= 0:
                    parted[h] = parted.get(h, 0) + 1
        # Ties go to the first group weighed, from a random place in the list (one draw a
        # person, not one a group weighed).
        turn = rng.randrange(len(open_groups))
        for g in open_groups[turn:] + open_groups[:turn]:
            over = short = 0  # plain loops: this runs for every person and group weighed
            counts_g = counts[g]
            for c, v, weight, low, high in weighed:
                count = counts_g[c][v]
                over += weight * (count >= high)
                short += weight * (count < low)
            room = capacity[g] - len(members[g])
            score = (
                fac_in[g] if facs else 0,
                parted.get(g, 0),
                over,
                added.get(g, 0),
                -short,
                -room,
            )
            if best is None or score < best:
                best, choice = score, g
        for p in unit:
            members[choice].append(p)
            row[p] = choice
            for c in range(len(setup.values)):
                counts[choice][c][setup.values[c][p]] += 1
        fac_in[choice] += facs
        if len(members[choice]) == capacity[choice]:
            at = where[choice]  # the full group leaves the open list (swapped with the last)
            last = open_list[-1]
            open_list[at], where[last] = last, at
            open_list.pop()
    spread_facilitators(setup, members, row)
    mend_balance(setup, problem, members, row, meet, rng)
    return row


def _open_groups(
    open_list: list[int],
    capacity: list[int],
    members: list[list[int]],
    size: int,
    rng: random.Random,
) -> list[int]:
    """Up to SAMPLE groups with room for `size` more, in group order.

    Only groups not yet full are looked at, so a round of 100,000 people does not scan
    25,000 groups for each person.
    """
    if len(open_list) <= SAMPLE:
        chosen = sorted(open_list)
    else:
        chosen = sorted(draws.sample(rng, open_list, SAMPLE))
    if size == 1:
        return chosen  # every open group has room for one
    fits = [g for g in chosen if capacity[g] - len(members[g]) >= size]
    if fits:
        return fits
    fits = sorted(g for g in open_list if capacity[g] - len(members[g]) >= size)
    return fits if len(fits) <= SAMPLE else sorted(draws.sample(rng, fits, SAMPLE))


def _sharing(setup: Setup, problem: Problem) -> list[int]:
    """For each person, how many share the rarest of their balanced values (all of them
    when nothing is balanced): the greedy round places the rarest values first."""
    n = len(setup.people)
    fewest = [n] * n
    for c, bands in enumerate(problem.bands):
        values = setup.values[c]
        total = [0] * len(bands)
        for v in values:
            total[v] += 1
        for p in range(n):
            fewest[p] = min(fewest[p], total[values[p]])
    return fewest


def _nothing_to_weigh(setup: Setup, problem: Problem) -> bool:
    return not (
        problem.columns
        or any(problem.apart)
        or any(setup.facilitator)
        or any(len(unit) > 1 for unit in setup.units)
    )


def _deal(n: int, capacity: list[int], rng: random.Random) -> list[int]:
    """A first round with nothing to weigh: everyone in turn to the next group with room."""
    people = list(range(n))
    rng.shuffle(people)
    row = [0] * n
    slots = [g for size in range(max(capacity)) for g, cap in enumerate(capacity) if cap > size]
    for p, g in zip(people, slots, strict=True):
        row[p] = g
    return row
