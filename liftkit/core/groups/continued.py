"""The earlier plan's rounds after the held ones, for the people here now (`--held`).

A programme planned for eight weeks, with two held, a leaver and two joiners: the weeks to
come of the earlier plan met nobody twice, and they still do for everyone who stays. A
joiner takes a leaver's place in every round, so that they meet whom the leaver would have
met, nobody twice and nobody of the held rounds (they were not there); joiners beyond the
leavers go where they meet fewest people again, and the rooms are evened out. Everyone
who stays keeps the rooms the earlier plan gave them, where the sizes allow.

after_held.held_start weighs this start against the others.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from liftkit.core.groups.model import Round
from liftkit.core.groups.points import even_out
from liftkit.core.groups.previous import match_person
from liftkit.core.groups.setup import Directory, Setup
from liftkit.core.people.model import Person
from liftkit.core.text import same_value


def continued_rounds(setup: Setup, later: Sequence[Round], prior: Sequence[dict[int, int]],
                     rng: random.Random) -> list[list[int]]:  # fmt: skip
    """Each person's group in the `later` rounds of the earlier plan (up to as many as are
    planned), or none when one of them has other than `setup.groups` rooms, nobody here
    was in them, or people are kept together. `prior`: whom each person met in the held rounds."""
    n, k = len(setup.people), setup.groups
    if not later or any(len(rnd.groups) != k for rnd in later):
        return []
    if any(len(unit) > 1 for unit in setup.units):  # the greedy rounds place their blocks
        return []
    directory = Directory(setup.people)
    rows = [[-1] * n for _ in later]
    leavers: dict[str, list[int]] = {}  # someone not here now -> their room in each round
    kinds: dict[str, tuple[object, ...]] = {}  # and what they were for the constraints
    for r, rnd in enumerate(later):
        for g, group in enumerate(rnd.groups):
            for member in group.members:
                i = match_person(directory, member)
                if i is None:
                    leavers.setdefault(member.label, [-1] * len(later))[r] = g
                    kinds[member.label] = _kind(setup, member, member in group.facilitators)
                else:
                    rows[r][i] = g
    if all(g < 0 for row in rows for g in row):
        return []
    joiners = [p for p in range(n) if all(row[p] < 0 for row in rows)]
    rng.shuffle(joiners)
    for p, leaver in _paired(setup, joiners, kinds):
        for row, g in zip(rows, leavers[leaver], strict=True):
            row[p] = g
    done: list[list[int]] = []
    for row in rows:
        _seat_the_rest(setup, row, done, prior)
        done.append(even_out(setup, row, done))
    return done


def _paired(setup: Setup, joiners: list[int],
            kinds: dict[str, tuple[object, ...]]) -> list[tuple[int, str]]:  # fmt: skip
    """Joiners with the leavers whose places they take: one alike for the constraints
    first (a facilitator for a facilitator, of the same values in every --balance column),
    then one alike as facilitator or not, then any."""
    left = dict(kinds)
    theirs = {p: _kind(setup, setup.people[p], setup.facilitator[p]) for p in joiners}
    pairs: dict[int, str] = {}  # joiner -> leaver
    for alike in (len(setup.columns) + 1, 1, 0):
        for p, kind in theirs.items():
            if p in pairs:
                continue
            leaver = next((who for who, was in left.items() if was[:alike] == kind[:alike]), None)
            if leaver is not None:
                pairs[p] = leaver
                del left[leaver]
    return list(pairs.items())


def _kind(setup: Setup, person: Person, facilitator: bool) -> tuple[object, ...]:
    """Facilitator or not, then the value in each --balance column, as setup.py reads it."""
    return (facilitator, *(same_value(person.attributes.get(c, "").strip()) for c in setup.columns))


def _seat_the_rest(setup: Setup, row: list[int], earlier: list[list[int]],
                   prior: Sequence[dict[int, int]]) -> None:  # fmt: skip
    """Those without a room in this round (joiners beyond the leavers), each in the room
    where they meet fewest people they met before, the smallest of those."""
    n, k = len(setup.people), setup.groups
    members: list[list[int]] = [[] for _ in range(k)]
    for p in range(n):
        if row[p] >= 0:
            members[row[p]].append(p)
    for p in range(n):
        if row[p] >= 0:
            continue

        def met(g: int, p: int = p) -> tuple[int, int]:
            again = sum(prior[p].get(q, 0) for q in members[g])
            again += sum(1 for q in members[g] for r in earlier if r[q] == r[p])
            return again, len(members[g])

        g = min(range(k), key=met)
        row[p] = g
        members[g].append(p)
