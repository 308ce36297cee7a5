"""Rounds that keep every `apart` set apart where the search found none for some of them.

Keep-apart sets can leave very few ways to split: 30 people whose 60 sets span five
classes of six, at 5 tables, have one split or nearly, and the search found it for round 1
but not again for round 2, a refusal though the first round's rooms hold every set. A
hard constraint comes before repeats, so a round the search left breaking one takes the
rooms of a round that holds them all (the one that adds the fewest repeats), and a note
says so; the score counts the repeats. Only when no round holds them, or the round is
one kept from `previous`, is the split refused (`apart_failure`).
"""

from __future__ import annotations

import random

from liftkit.core.groups.search import Problem, Search
from liftkit.core.groups.setup import Setup


def rounds_kept_apart(
    setup: Setup, problem: Problem, search: Search, rng: random.Random, fixed: int
) -> tuple[Search, str] | None:
    """`search`'s rounds with each one that breaks an `apart` set replaced by the rooms of
    one that holds them all, and a note naming them; None when that cannot be done. The
    first `fixed` rounds, and those with people's rooms given (`homes`), are not replaced."""
    rows = [row[:] for row in search.grp]
    broken = [r for r, row in enumerate(rows) if _pairs_together(setup, row)]
    holding = [r for r in range(len(rows)) if r not in broken]
    if not holding or any(r < fixed or problem.homes[r] is not None for r in broken):
        return None
    taken: list[str] = []
    for r in broken:
        trials = [[*rows[:r], rows[s][:], *rows[r + 1 :]] for s in holding]
        costs = [Search(problem, trial, rng).cost for trial in trials]
        s = holding[costs.index(min(costs))]
        rows[r] = rows[s][:]
        taken.append(f"round {r + 1} has the rooms of round {s + 1}")
    found = Search(problem, rows, rng)
    if found.apart_violations():
        return None
    note = (
        f"{'; '.join(taken)}: no other split found keeps every `apart` set apart, so the "
        "people in them meet again (see the score's repeats)"
    )
    return found, note


def apart_failure(setup: Setup, schedule: list[list[int]]) -> tuple[str, str]:
    """The error for rounds that break an `apart` set: each pair once, though it sits in
    several sets."""
    people = setup.people
    broken = [
        f"{people[i].name} and {people[j].name} in round {r + 1}"
        for r, row in enumerate(schedule)
        for i, j in _pairs_together(setup, row)
    ]
    shown = "; ".join(broken[:3]) + ("…" if len(broken) > 3 else "")
    return (
        f"could not keep every `apart` pair apart ({shown}): the constraints leave too "
        "few ways to split",
        "use more groups (`count`) or fewer `apart`/`together` names",
    )


def _pairs_together(setup: Setup, row: list[int]) -> list[tuple[int, int]]:
    """The pairs of an `apart` set in one group of `row`, each once, in order."""
    pairs = {
        (i, j): None
        for members in setup.apart_sets
        for i in members
        for j in members
        if i < j and row[i] == row[j]
    }
    return list(pairs)
