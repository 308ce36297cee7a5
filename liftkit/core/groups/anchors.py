"""Table hosts who stay: with more facilitators than groups, the first facilitator of each
room keeps that room in every round, as a World Café's table hosts stay at their table.

The search spreads facilitators evenly but does not know who stays, so a round may put two
of those who stay in one group: a group must then move (greedy.facilitators_stay keeps only
one of them). Here such a round swaps one of the two with an extra facilitator of a group
that has none who stays, the swap that adds the fewest repeats (balance values alike first),
so that each group holds exactly one who stays and the rooms can follow them.
"""

from __future__ import annotations

from collections.abc import Sequence

from liftkit.core.groups.greedy import meetings
from liftkit.core.groups.setup import Setup
from liftkit.core.text import plural


def stay_put(setup: Setup, rows: list[list[int]], first: int) -> tuple[set[int], list[str]]:
    """Who stays in their room (a set of people) and the note that says so; `rows` (one
    group per person, a row a round) from round `first` on are changed in place so that
    each group has one of them. With no more facilitators than groups, every facilitator
    stays (none share a group) and there is no note."""
    k = setup.groups
    total = sum(setup.facilitator)
    if not rows or total <= k:
        return {p for p, lead in enumerate(setup.facilitator) if lead}, []
    at = max(first - 1, 0)  # the round the rooms are kept from: the last held, else the first
    found = _already_one_each(setup, rows, at)
    if found is not None:  # (a design's facilitators on common transversals: no swap)
        return found, _stay_note(total, k)
    stays: dict[int, int] = {}  # group -> its first facilitator in that round
    for p, g in enumerate(rows[at]):
        if setup.facilitator[p] and g not in stays:
            stays[g] = p
    anchors = set(stays.values())
    single = {unit[0] for unit in setup.units if len(unit) == 1}
    apart = [set[int]() for _ in setup.people]
    for members in setup.apart_sets:
        for p in members:
            apart[p].update(q for q in members if q != p)
    kept = True
    for r in range(max(first, at + 1), len(rows)):
        kept = _one_each(setup, rows, r, anchors, single, apart) and kept
    if not kept or len(anchors) < k:
        return anchors, []
    return anchors, _stay_note(total, k)


def _stay_note(total: int, k: int) -> list[str]:
    return [
        f"{plural(total, 'facilitator')} for {plural(k, 'group')}: the first in each room "
        f"stays there in every round; the other {total - k} move between rooms"
    ]


SEARCH_STEPS = 20_000  # choices tried before swapping instead (a design's rounds need few)
SEARCH_GROUPS = 300  # deeper than this, not tried (the search recurses a group at a time)


def _already_one_each(setup: Setup, rows: list[list[int]], at: int) -> set[int] | None:
    """One facilitator of each group of round `at` such that they are in different groups in
    every later round too, when there is such a choice (found within SEARCH_STEPS): then no
    round need change, and a schedule without repeats keeps none (a design laying two
    facilitators a table on two common transversals of its Latin squares had 31 repeats made
    by swaps). None otherwise."""
    k = setup.groups
    if k > SEARCH_GROUPS:
        return None
    later = rows[at:]
    candidates = [[p for p, g in enumerate(rows[at]) if g == t and setup.facilitator[p]]
                  for t in range(k)]  # fmt: skip
    if any(not c for c in candidates):
        return None
    order = sorted(range(k), key=lambda t: len(candidates[t]))
    taken = [set[int]() for _ in later]
    chosen: list[int] = []
    steps = [SEARCH_STEPS]

    def place(i: int) -> bool:
        if i == k:
            return True
        steps[0] -= 1
        if steps[0] < 0:
            return False
        for p in candidates[order[i]]:
            where = [row[p] for row in later]
            if any(g in taken[j] for j, g in enumerate(where)):
                continue
            for j, g in enumerate(where):
                taken[j].add(g)
            chosen.append(p)
            if place(i + 1):
                return True
            chosen.pop()
            for j, g in enumerate(where):
                taken[j].discard(g)
        return False

    return set(chosen) if place(0) else None


def _one_each(
    setup: Setup,
    rows: list[list[int]],
    r: int,
    anchors: set[int],
    single: set[int],
    apart: Sequence[set[int]],
) -> bool:
    """Swap in round r until each group holds one of `anchors`; False if no swap can."""
    row = rows[r]
    meet = meetings([rows[s] for s in range(len(rows)) if s != r], len(row))
    for _ in range(len(anchors)):
        members: dict[int, list[int]] = {}
        for p, g in enumerate(row):
            members.setdefault(g, []).append(p)
        held = {g: [p for p in people if p in anchors] for g, people in members.items()}
        crowded = [g for g, found in held.items() if len(found) > 1]
        if not crowded:
            return True
        empty = [g for g in range(setup.groups) if not held.get(g)]
        best: tuple[tuple[int, int], int, int] | None = None
        for x in crowded:
            for a in held[x][1:]:
                for y in empty:
                    for e in members.get(y, []):
                        if not setup.facilitator[e] or e not in single or a not in single:
                            continue
                        others_x = [q for q in members[x] if q != a]
                        others_y = [q for q in members[y] if q != e]
                        if apart[a] & set(others_y) or apart[e] & set(others_x):
                            continue
                        alike = sum(v[a] != v[e] for v in setup.values)
                        added = sum(meet[a].get(q, 0) for q in others_y) + sum(
                            meet[e].get(q, 0) for q in others_x
                        )
                        added -= sum(meet[a].get(q, 0) for q in others_x) + sum(
                            meet[e].get(q, 0) for q in others_y
                        )
                        if best is None or (alike, added) < best[0]:
                            best = ((alike, added), a, e)
        if best is None:
            return False
        _, a, e = best
        row[a], row[e] = row[e], row[a]
    return False
