"""The two ways the search spends its budget: tabu search, then late acceptance.

Both work on a `Search` (search.py), which keeps the schedule, the meetings and the
cost up to date under swaps; see there for the cost and the moves.
"""

from __future__ import annotations

from itertools import repeat
from typing import TYPE_CHECKING

from liftkit.core.groups.draws import below

if TYPE_CHECKING:
    from liftkit.core.groups.search import Search

NONE = repeat(0)  # the count of a pair that never met, as many times as asked
STALL_STEPS = 60_000  # late acceptance stops after this many steps without a new best


def tabu(search: Search, budget: int, sample: int = 48) -> None:
    """Steepest swaps for people in conflict, with recently moved people tabu."""
    if search.cost <= search.floor or budget <= 0:
        return
    pb, rng = search.pb, search.rng
    n = pb.people
    constrained = bool(pb.columns or any(pb.apart) or any(h is not None for h in pb.homes))
    best_cost, best = search.cost, [row[:] for row in search.grp]
    tabu: dict[int, int] = {}
    stall, step, weighed = 0, 0, 0
    patience = max(300, 10 * n)
    pool: list[tuple[int, int]] = []
    while weighed < budget and pb.groups > 1:
        step += 1
        weighed += 1  # a step that finds nothing to weigh still spends budget
        if not pool:
            pool = search.conflicts()
            rng.shuffle(pool)
            pool = search.by_urgency(pool)
            if not pool:
                break
        r, p = pool.pop()
        if not search.in_conflict(r, p):
            continue
        u = search.unit_of[p]
        kind = pb.kinds[u]
        single = kind[0] == 1
        row, members = search.grp[r], search.mem[r]
        a = row[p]
        group_a = members[a]
        meet_p = search.meet[p]
        get_p = meet_p.get
        # p leaves each other one of its group (p never meets itself)
        leaving = sum(map(get_p, group_a, NONE)) - len(group_a) + 1 if single else 0
        groups = [g for g in range(pb.groups) if g != a]
        if len(groups) > sample:
            groups = rng.sample(groups, sample)
        p_tabu = tabu.get(r * n + p, -1) >= step
        best_move: tuple[int, int] | None = None
        ties = 0
        for g in groups:
            group_b = members[g]
            joining = sum(map(get_p, group_b, NONE)) if single else 0
            seen_units: list[int] = []
            for q in group_b:
                v = search.unit_of[q]
                if pb.kinds[v] != kind:
                    continue
                if single:
                    get_q = search.meet[q].get
                    # q joins p's group (p aside) and leaves its own (q never meets itself)
                    change = (
                        joining
                        - 2 * get_p(q, 0)
                        - leaving
                        + sum(map(get_q, group_a, NONE))
                        - sum(map(get_q, group_b, NONE))
                        + len(group_b)
                        - 1
                    )
                    if constrained:
                        change += search.single_constraint_delta(r, p, q)
                else:
                    if v in seen_units:
                        continue
                    seen_units.append(v)
                    change = search.delta(r, u, v)
                weighed += 1
                is_tabu = p_tabu or tabu.get(r * n + q, -1) >= step
                if is_tabu and search.cost + change >= best_cost:
                    continue
                if best_move is None or change < best_move[0]:
                    best_move, ties = (change, v), 1
                elif change == best_move[0]:
                    ties += 1
                    if rng.randrange(ties) == 0:
                        best_move = (change, v)
        if best_move is None:
            continue
        change, v = best_move
        search.swap(r, u, v, change)
        tenure = 4 + rng.randrange(6)
        for x in pb.units[u] + pb.units[v]:
            tabu[r * n + x] = step + tenure
        pool.append((r, p))
        for x in pb.units[v]:
            pool.append((r, x))
        if search.cost < best_cost:
            best_cost, best, stall = search.cost, [row[:] for row in search.grp], 0
            if best_cost <= search.floor:
                return
        else:
            stall += 1
            if stall > patience:
                search.restore(best)
                search.kick(max(2, n // 10))
                pool, stall = [], 0
    if best_cost < search.cost:
        search.restore(best)


def late_acceptance(search: Search, budget: int, history: int = 0) -> None:
    """Late acceptance hill climbing: a random swap for a person in conflict is made if
    it is no worse than now, or than the cost `history` steps ago (Burke and Bykov)."""
    if search.cost <= search.floor or budget <= 0 or search.pb.groups < 2:
        return
    pb, rng = search.pb, search.rng
    n = pb.people
    length = history or max(50, 2 * n)
    hist = [search.cost] * length
    best_cost, best = search.cost, [row[:] for row in search.grp]
    pool: list[tuple[int, int]] = []
    units, kinds, unit_of = pb.units, pb.kinds, search.unit_of
    # With --balance, a swap of two people who differ in a value mostly breaks the balance
    # and is refused: three swaps in four are with someone holding the same values.
    twins = _twins(pb.columns, n)
    draw = below(rng)
    last_best = 0
    for step in range(budget):
        if step - last_best > STALL_STEPS:
            break  # long without a new best: more of the same rarely pays
        if not pool:
            # Recounting conflicts costs a pass over everyone: take each several times.
            pool = search.conflicts() * 8
            if not pool:
                break
            rng.shuffle(pool)
            pool = search.by_urgency(pool)
        r, p = pool[-1]
        if not search.in_conflict(r, p):
            pool.pop()
            continue
        if draw(4) == 0:
            pool.pop()
        u = unit_of[p]
        alike = twins[p]
        q = alike[draw(len(alike))] if alike and draw(4) else draw(n)
        row = search.grp[r]
        if row[q] == row[p]:
            continue
        v = unit_of[q]
        if kinds[v] != kinds[u]:
            continue
        single = len(units[u]) == 1
        change = search.single_delta(r, p, units[v][0]) if single else search.delta(r, u, v)
        new = search.cost + change
        slot = step % length
        if change <= 0 or new <= hist[slot]:
            search.swap(r, u, v, change)
            if search.cost < best_cost:
                best_cost, last_best = search.cost, step
                best = [row[:] for row in search.grp]
                if best_cost <= search.floor:
                    return
            if (r, q) not in pool[-4:]:
                pool.append((r, q))
        hist[slot] = search.cost
    if best_cost < search.cost:
        search.restore(best)


def _twins(columns: list[list[int]], n: int) -> list[list[int]]:
    """Per person, the others with the same value in every balance column."""
    if not columns:
        return [[] for _ in range(n)]
    alike: dict[tuple[int, ...], list[int]] = {}
    for p in range(n):
        alike.setdefault(tuple(values[p] for values in columns), []).append(p)
    return [[q for q in alike[tuple(values[p] for values in columns)] if q != p] for p in range(n)]
