"""The score of a split, checked on the groups that come out.

Nothing here trusts the engine's bookkeeping: every figure is recounted from the rounds
as they will be written (who is in which group), so a bug in the search shows up in the
score instead of hiding behind it.
"""

from __future__ import annotations

from collections.abc import Sequence

from liftkit.core.groups.bounds import NeverMeet, limit_text, never_meet
from liftkit.core.groups.model import Round, Score, Split, repeat_summary
from liftkit.core.groups.previous import match_person
from liftkit.core.groups.setup import Directory, Setup
from liftkit.core.people.reader import Person
from liftkit.core.text import plural, same_value


def placement_rows(rounds: Sequence[Round], people: Sequence[Person]) -> list[list[int]]:
    """Per round, each person's group index; a person missing or placed twice is a bug."""
    index = {id(person): i for i, person in enumerate(people)}
    rows: list[list[int]] = []
    for rnd in rounds:
        row = [-1] * len(people)
        for g, group in enumerate(rnd.groups):
            for person in group.members:
                i = index.get(id(person), -1)
                if i < 0 or row[i] >= 0:
                    raise RuntimeError(f"round {rnd.number}: {person.label} placed twice")
                row[i] = g
        if -1 in row:
            missing = people[row.index(-1)].label
            raise RuntimeError(f"round {rnd.number}: {missing} is in no group")
        rows.append(row)
    return rows


def check_split(rounds: Sequence[Round], setup: Setup, previous: Split | None = None) -> Score:
    """The score of `rounds`, every constraint verified on them."""
    people = setup.people
    rows = placement_rows(rounds, people)
    unit_of = [0] * len(people)
    for u, unit in enumerate(setup.units):
        for p in unit:
            unit_of[p] = u
    repeats, most, met = repeat_summary(rows, unit_of)
    held = sum(all(len({row[p] for p in members}) == len(members) for row in rows)
               for members in setup.apart_sets)  # fmt: skip
    held += sum(all(len({row[p] for p in members}) == 1 for row in rows)
                for members in setup.together_sets)  # fmt: skip
    lacking = 0
    if any(setup.facilitator):
        marked = {id(person) for person, f in zip(people, setup.facilitator, strict=True) if f}
        for rnd in rounds:
            without = sum(
                1 for group in rnd.groups if not any(id(m) in marked for m in group.members)
            )
            lacking = max(lacking, without)
    return Score(
        repeat_pairs=repeats,
        most_meetings=most,
        pairs_met=met,
        spread=tuple((column, balance_spread(rounds, column)) for column in setup.columns),
        constraints_held=held,
        constraints_total=len(setup.apart_sets) + len(setup.together_sets),
        groups_without_facilitator=lacking,
        moved=moved_people(rounds, previous) if previous is not None else 0,
        limit=limit_text(  # the last round's sizes: a held round's (held.py) are uneven
            [len(g.members) for g in rounds[-1].groups],
            len(rounds),
            repeats,
            constrained(setup),
            kept_text(setup),
        )
        if rounds
        else "",
    )


def constrained(setup: Setup) -> NeverMeet:
    """The pairs that the balance columns, apart sets and facilitators keep apart in every
    round."""
    columns = list(zip(setup.columns, setup.values, strict=True))
    leads = [p for p, lead in enumerate(setup.facilitator) if lead]
    if any(len(unit) > 1 and any(setup.facilitator[p] for p in unit) for unit in setup.units):
        leads = []  # a facilitator kept together with someone meets them without a repeat
    return never_meet(len(setup.people), setup.groups, columns, setup.apart_sets, (), leads)


def kept_text(setup: Setup) -> str:
    """The constraints asked for, in words: "org balanced and 2 apart sets kept", and the
    facilitators ("a facilitator in every group", or with fewer than groups "no two
    facilitators together")."""
    words = [f"{column} balanced" for column in setup.columns]
    if setup.apart_sets:
        words.append(f"{plural(len(setup.apart_sets), 'apart set')} kept")
    leads = sum(setup.facilitator)
    if leads:
        words.append("a facilitator in every group" if leads >= setup.groups
                     else "no two facilitators together")  # fmt: skip
    return " and ".join(words)


def balance_spread(rounds: Sequence[Round], column: str) -> int:
    """The largest difference, between two groups of one round, in the count of a value."""
    worst = 0
    for rnd in rounds:
        tables = [
            [same_value(m.attributes.get(column, "").strip()) for m in group.members]
            for group in rnd.groups
        ]
        values = sorted({v for table in tables for v in table})
        for value in values:
            counts = [table.count(value) for table in tables]
            worst = max(worst, max(counts) - min(counts))
    return worst


def _rooms(rnd: Round) -> tuple[list[Person], list[str]]:
    """Who is in `rnd`, and the name of each one's room."""
    people = [m for group in rnd.groups for m in group.members]
    return people, [group.name for group in rnd.groups for _ in group.members]


def _earlier_rooms(rounds: Sequence[Round], previous: Split) -> list[dict[int, tuple[str, str]]]:
    """Per round both splits have: for each person of `rounds` found in `previous`'s round,
    as --previous finds people (by email, else by name when one of the two has no email:
    the list may lack an email the earlier file has, or the other way round), their room
    then and now, by the person's number among those of `rounds`."""
    number: dict[int, int] = {}  # id of a person of `rounds` -> their number
    found: list[dict[int, tuple[str, str]]] = []
    for new, old in zip(rounds, previous.rounds, strict=False):
        people, rooms = _rooms(new)
        directory = Directory(people)
        here: dict[int, tuple[str, str]] = {}
        for member, before in zip(*_rooms(old), strict=True):
            i = match_person(directory, member)
            if i is not None:
                p = number.setdefault(id(people[i]), len(number))
                here[p] = (before, rooms[i])
        found.append(here)
    return found


def kept_people(rounds: Sequence[Round], previous: Split) -> tuple[int, int]:
    """(kept, all): the people in both splits' rounds (those both have), and how many of
    them are in the room (by name) `previous` gave them in every one of those rounds."""
    where: dict[int, bool] = {}
    for here in _earlier_rooms(rounds, previous):
        for p, (before, now) in here.items():
            where[p] = where.get(p, True) and before == now
    return sum(where.values()), len(where)


def moved_people(rounds: Sequence[Round], previous: Split) -> int:
    """People in both splits whose room (by name) differs in a round both have."""
    return sum(before != now for here in _earlier_rooms(rounds, previous)
               for before, now in here.values())  # fmt: skip
