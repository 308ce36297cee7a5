"""The two ways the search spends its budget: tabu search, then late acceptance.

Both work on a `Search` (search.py), which keeps the schedule, the meetings and the
cost up to date under swaps; see there for the cost and the moves.
"""

from __future__ import annotations

from itertools import repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from liftkit.core.groups.search import Search

NONE = repeat(0)  # the count of a pair that never met, as many times as asked
FAR = 1 << 62  # above any change
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
    unit_of, kinds, constraint_delta = search.unit_of, pb.kinds, search.single_constraint_delta
    most = _most(search)
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
        meet, cost, size_a = search.meet, search.cost, len(group_a)
        for g in groups:
            group_b = members[g]
            joining = sum(map(get_p, group_b, NONE)) if single else 0
            seen_units: list[int] = []
            # repeats change by -(most * sizes + 2) at the least (late_acceptance)
            least = most * (size_a + len(group_b)) + 2
            for q in group_b:
                v = unit_of[q]
                if kinds[v] != kind:
                    continue
                if single:
                    weighed += 1
                    is_tabu = p_tabu or tabu.get(r * n + q, -1) >= step
                    change = constraint_delta(r, p, q) if constrained else 0
                    if change - least > (best_move[0] if best_move is not None else FAR) or (
                        is_tabu and cost + change - least >= best_cost
                    ):
                        continue  # refused, whatever the repeats: not worth summing them
                    get_q = meet[q].get
                    # q joins p's group (p aside) and leaves its own (q never meets itself)
                    change += (
                        joining
                        - 2 * get_p(q, 0)
                        - leaving
                        + sum(map(get_q, group_a, NONE))
                        - sum(map(get_q, group_b, NONE))
                        + len(group_b)
                        - 1
                    )
                else:
                    if v in seen_units:
                        continue
                    seen_units.append(v)
                    change = search.delta(r, u, v)
                    weighed += 1
                    is_tabu = p_tabu or tabu.get(r * n + q, -1) >= step
                if is_tabu and cost + change >= best_cost:
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
    it is no worse than now, or than the cost `history` steps ago (Burke and Bykov).

    The loop is most of a split's search: below()'s draws are written out in it (the same
    bits), and so is Search.single_delta (the same sums); whether the person on top of the
    pool is in conflict is asked again only after a swap (nothing else changes it)."""
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
    twin_bits = [len(alike).bit_length() for alike in twins]
    single = [len(unit) == 1 for unit in units]
    bits, person_bits = rng.getrandbits, n.bit_length()
    # swaps change these in place (restore() only comes after the loop)
    grp, mem, meet = search.grp, search.mem, search.meet
    in_conflict, constraint_delta = search.in_conflict, search.single_constraint_delta
    constrained, floor = search.constrained, search.floor
    most = _most(search)
    checked: tuple[int, int] | None = None  # the item last asked about, since the last swap
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
            checked = None
        item = pool[-1]
        if item != checked:
            if not in_conflict(*item):
                pool.pop()
                continue
            checked = item
        r, p = item
        j = bits(3)  # draw(4), and so on below
        while j >= 4:
            j = bits(3)
        if j == 0:
            pool.pop()
        u = unit_of[p]
        alike = twins[p]
        j = 0
        if alike:
            j = bits(3)
            while j >= 4:
                j = bits(3)
        if j:
            width, size = twin_bits[p], len(alike)
            j = bits(width)
            while j >= size:
                j = bits(width)
            q = alike[j]
        else:
            q = bits(person_bits)
            while q >= n:
                q = bits(person_bits)
        row = grp[r]
        a, b = row[p], row[q]
        if a == b:
            continue
        v = unit_of[q]
        if kinds[v] != kinds[u]:
            continue
        cost = search.cost
        slot = step % length
        if single[u]:  # Search.single_delta, written out (q is unit v)
            group_a, group_b = mem[r][a], mem[r][b]
            sizes = len(group_a) + len(group_b)
            change = 0
            if constrained:
                change = constraint_delta(r, p, q)
                if change > most * sizes + 2:
                    # refused whatever the repeats, which cannot make up for it: every
                    # pair that p or q leaves met at most `most` + 1 times
                    spare = hist[slot] - cost
                    if change > most * sizes + 2 + (spare if spare > 0 else 0):
                        hist[slot] = cost
                        continue
            meet_p, meet_q = meet[p].get, meet[q].get
            change += (
                sum(map(meet_q, group_a, NONE)) - sum(map(meet_p, group_a, NONE))
                + sum(map(meet_p, group_b, NONE)) - sum(map(meet_q, group_b, NONE))
                - 2 * meet_p(q, 0) + sizes - 2
            )  # fmt: skip
        else:
            change = search.delta(r, u, v)
        if change <= 0 or cost + change <= hist[slot]:
            search.swap(r, u, v, change)
            checked = None
            cost = search.cost
            if cost < best_cost:
                best_cost, last_best = cost, step
                best = [row[:] for row in grp]
                if best_cost <= floor:
                    return
            if (r, q) not in pool[-4:]:
                pool.append((r, q))
        hist[slot] = cost
    if best_cost < search.cost:
        search.restore(best)


def _most(search: Search) -> int:
    """One less than the most times a pair can meet: once a round, and as often before
    (held rounds). A swap of two people in groups of a and b people changes the repeats by
    -(most * (a + b) + 2) at the least: each of the pairs they leave met most + 1 times at
    most, and they meet no fewer than 0 times anyone they join."""
    prior = search.pb.prior or ()
    return search.rounds + max((m for met in prior for m in met.values()), default=0) - 1


def _twins(columns: list[list[int]], n: int) -> list[list[int]]:
    """Per person, the others with the same value in every balance column."""
    if not columns:
        return [[] for _ in range(n)]
    alike: dict[tuple[int, ...], list[int]] = {}
    for p in range(n):
        alike.setdefault(tuple(values[p] for values in columns), []).append(p)
    return [[q for q in alike[tuple(values[p] for values in columns)] if q != p] for p in range(n)]
