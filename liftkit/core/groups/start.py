"""Starting schedules: kept rounds, a zero-repeat construction, or a greedy round."""

from __future__ import annotations

import random
from collections.abc import Sequence

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.balance import balance_penalty, balance_points
from liftkit.core.groups.designs import best_design
from liftkit.core.groups.model import size_range
from liftkit.core.groups.relabel import relabel
from liftkit.core.groups.search import Problem
from liftkit.core.groups.setup import Setup
from liftkit.core.text import plural

RELABEL_BUDGET = 20_000  # swaps of two people's points tried
BALANCE_BUDGET = 600_000  # swaps weighed, times rounds, by the balance colouring


def start_schedule(
    setup: Setup,
    problem: Problem,
    rounds: int,
    previous_rounds: list[list[int]],
    rng: random.Random,
    effort: float = 1.0,
) -> list[list[int]]:
    """Kept rounds first, then a zero-repeat construction where one fits, then greedy."""
    n = len(setup.people)
    schedule: list[list[int]] = [row[:] for row in previous_rounds]
    blocks = any(len(unit) > 1 for unit in setup.units)
    if not schedule and not blocks and rounds > 1 and n >= 4:
        design = best_design(n, setup.groups, rounds, rng, effort)
        used = design.rounds[:rounds] if design is not None else []
        if used and problem.never > _unmet_pairs(used, n):
            # The design meets pairs the constraints keep apart (two of a balanced value, or
            # an apart set): greedy rounds, which hold the constraints, and the search do as
            # well on small lists and far better on large ones (65 in fives for 16 rounds,
            # balanced, ended with four of a value in a group from the design).
            used = []
        if design is not None and used:
            order, used = _balanced(setup, problem, used, design.points, rng, effort)
            order = relabel(setup, problem, used, order, rng, int(RELABEL_BUDGET * effort))
            if len(used) == len(design.rounds) and not problem.never:  # every round, untrimmed
                used = used + design.spare[: rounds - len(used)]  # evened out below
            for design_round in used:
                row = [0] * n
                for g, points in enumerate(design_round):
                    for point in points:
                        if point < n:
                            row[order[point]] = g
                schedule.append(_even_out(setup, row, schedule))
    meet = meetings(schedule, n) if len(schedule) < rounds else []
    while len(schedule) < rounds:
        row = _greedy_round(setup, problem, schedule, meet, rng)
        schedule.append(row)
        _add_meetings(meet, row)
    return schedule


def _balanced(
    setup: Setup,
    problem: Problem,
    used: list[list[list[int]]],
    points: int,
    rng: random.Random,
    effort: float,
) -> tuple[list[int], list[list[list[int]]]]:
    """(order, rounds): the design's points handed out so that --balance and --apart hold.

    When some round breaks the layout's rows (a row's points not one a group, as in the last
    round of an orthogonal array's tables), every round is tried first (with a quarter of the
    budget when the layout alone settles at least two rounds), then all but the last, then
    the rounds before the first such round, each with a quarter; if none settles, no
    design round is kept, so balance is never traded for a design (the greedy rounds and
    the search hold it).
    """
    budget = int(BALANCE_BUDGET * effort)
    k = setup.groups
    easy = next((r for r, groups in enumerate(used) if not _rows_apart([groups], k)), len(used))
    order = _layout(setup, points, rng, easy == len(used))
    if easy == len(used) or not (setup.values or any(problem.apart)):
        return balance_points(problem, used, order, rng, budget), used
    tried = balance_points(problem, used, order, rng, budget if easy < 2 else budget // 4)
    if balance_penalty(problem, used, tried) == 0:
        return tried, used
    for shorter in sorted({len(used) - 1, easy}, reverse=True):
        if shorter >= 2:
            order = _layout(setup, points, rng, _rows_apart(used[:shorter], k))
            tried = balance_points(problem, used[:shorter], order, rng, budget // 4)
            if balance_penalty(problem, used[:shorter], tried) == 0:
                return tried, used[:shorter]
    return order, []


def _unmet_pairs(rounds: Sequence[Sequence[Sequence[int]]], n: int) -> int:
    """Pairs of the first n points that meet in none of the design's rounds."""
    met = 0
    for groups in rounds:
        for group in groups:
            real = sum(1 for x in group if x < n)  # ghosts (points n and above) are nobody
            met += real * (real - 1) // 2
    return n * (n - 1) // 2 - met  # a design meets each pair at most once


def _rows_apart(rounds: Sequence[Sequence[Sequence[int]]], k: int) -> bool:
    """Whether the points of each row (k consecutive points) are never in one group."""
    return all(len({x // k for x in group}) == len(group) for groups in rounds for group in groups)


def _layout(setup: Setup, points: int, rng: random.Random, rows_apart: bool) -> list[int]:
    """Which person takes each design point (row-major rows of `groups` points).

    In the transversal construction every group gets exactly one point of each row in every
    round, so facilitators go in the first row (one per group) and each value of the first
    --balance column is packed into as few rows as possible (a value within one row is
    never twice in a group).
    """
    n, k = len(setup.people), setup.groups
    rows = [[] for _ in range(-(-points // k))]  # type: list[list[int]]
    room = [k] * len(rows)
    room[-1] = n - k * (len(rows) - 1)
    people = list(range(n))
    rng.shuffle(people)
    facilitators = [p for p in people if setup.facilitator[p]]
    others = [p for p in people if not setup.facilitator[p]]
    if setup.values:
        by_value: dict[int, list[int]] = {}
        for p in others:
            by_value.setdefault(setup.values[0][p], []).append(p)
        batches = sorted(by_value.values(), key=lambda batch: (-len(batch), batch[0]))
    else:
        batches = [others]
    pending = [facilitators]
    # Whole rows of one value first, when a row's points never share a group (transversal
    # rows): a row gives each group one point of it in every round, so full rows of each
    # value and the leftovers packed tightly often balance at once.
    empty = [i for i, r in enumerate(room) if r == k] if rows_apart else []
    for batch in batches:
        while empty and len(batch) >= k:
            i = empty.pop(0)
            rows[i].extend(batch[:k])
            room[i] = 0
            batch = batch[k:]
        pending.append(batch)
    for batch in pending:
        while batch:
            fits = [i for i in range(len(rows)) if room[i] >= len(batch)]
            if fits and batch is not facilitators:
                i = min(fits, key=lambda i: (room[i], i))  # the tightest row it fills
            else:
                i = next(i for i in range(len(rows)) if room[i] > 0)
            take = min(room[i], len(batch))
            rows[i].extend(batch[:take])
            room[i] -= take
            batch = batch[take:]
    order: list[int] = []
    for members in rows:
        rng.shuffle(members)
        order.extend(members)
    return order


def meetings(schedule: Sequence[Sequence[int]], n: int) -> list[dict[int, int]]:
    meet: list[dict[int, int]] = [{} for _ in range(n)]
    for row in schedule:
        _add_meetings(meet, row)
    return meet


def _add_meetings(meet: list[dict[int, int]], row: Sequence[int]) -> None:
    members: dict[int, list[int]] = {}
    for p, g in enumerate(row):
        members.setdefault(g, []).append(p)
    for group in members.values():
        for p in group:
            for q in group:
                if p != q:
                    meet[p][q] = meet[p].get(q, 0) + 1


def _even_out(setup: Setup, row: list[int], earlier: list[list[int]]) -> list[int]:
    """Sizes within one and facilitators spread evenly, after ghosts left a design round."""
    n, k = len(setup.people), setup.groups
    members: list[list[int]] = [[] for _ in range(k)]
    for p in range(n):
        members[row[p]].append(p)
    meet: list[dict[int, int]] = []  # counted only when someone must move (a long design)

    def cost(p: int, g: int) -> int:
        if not meet:
            meet.extend(meetings(earlier, n))
        return sum(meet[p].get(q, 0) for q in members[g])

    while True:
        big = max(range(k), key=lambda g: len(members[g]))
        small = min(range(k), key=lambda g: len(members[g]))
        if len(members[big]) - len(members[small]) <= 1:
            break
        movers = [p for p in members[big] if not setup.facilitator[p]] or members[big]
        p = min(movers, key=lambda q: cost(q, small))
        members[big].remove(p)
        members[small].append(p)
        row[p] = small
    spread_facilitators(setup, members, row)
    return row


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


def _greedy_round(
    setup: Setup,
    problem: Problem,
    schedule: list[list[int]],
    meet: list[dict[int, int]],
    rng: random.Random,
) -> list[int]:
    """One round: blocks first, then facilitators, then everyone else, each into the open
    group where they add the fewest repeat meetings and imbalances."""
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
    order.sort(
        key=lambda u: (
            -len(setup.units[u]),
            not any(setup.facilitator[p] for p in setup.units[u]),
        )
    )
    row = [0] * n
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
        # Ties go to the first group weighed, from a random place in the list (one draw a
        # person, not one a group weighed).
        turn = rng.randrange(len(open_groups))
        for g in open_groups[turn:] + open_groups[:turn]:
            inside = members[g]
            apart = repeats = over = 0
            for p in unit:  # plain loops: this runs for every person and group weighed
                meet_p = meet[p]
                for q in inside:
                    repeats += meet_p.get(q, 0)
                for q in problem.apart[p]:
                    if q in inside:
                        apart += 1
            for c, bands in enumerate(problem.bands):
                for p in unit:
                    v = setup.values[c][p]
                    over += problem.column_weights[c] * (counts[g][c][v] >= bands[v][1])
            room = capacity[g] - len(members[g])
            score = (fac_in[g] if facs else 0, apart, over, repeats, -room)
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
    return row


SAMPLE = 64  # groups weighed for each placement when there are more


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
        chosen = sorted(rng.sample(open_list, SAMPLE))
    fits = [g for g in chosen if capacity[g] - len(members[g]) >= size]
    if fits or size == 1:
        return fits
    fits = sorted(g for g in open_list if capacity[g] - len(members[g]) >= size)
    return fits if len(fits) <= SAMPLE else sorted(rng.sample(fits, SAMPLE))


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
