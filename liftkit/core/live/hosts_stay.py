"""Facilitators keep their rooms through a reshuffle: a café's table hosts stay at their
tables while the others move. Rooms made again come out in any order, so each host's room is
put back in the place, and under the name, of the room they have now. In Zoom, pre-assigned
rooms are real rooms: a reshuffle in round 1 of a café of 100 at 10 tables moved every table
host to another room."""

from __future__ import annotations

from dataclasses import replace

from liftkit.core.groups.model import Group, Round, Split
from liftkit.core.people.reader import Person


def hosts_stay(rooms_now: Round | None, split: Split, start: int = 0) -> Split:
    """`split` with the rooms of each of its rounds from `start` (those before ran, and stay
    as they were) in the order, and so under the names, that put every facilitator in the
    room they have in `rooms_now`; the rooms without one (or whose facilitators have no room
    now: they joined since) take the places left, in their order. A round with another
    number of rooms (rooms joined into bigger ones) is left as it is."""
    if rooms_now is None:
        return split
    where = {_key(p): i for i, g in enumerate(rooms_now.groups) for p in g.facilitators}
    if not where:
        return split
    rounds = list(split.rounds)
    for r in range(start, len(rounds)):
        if len(rounds[r].groups) == len(rooms_now.groups):
            rounds[r] = _in_place(rounds[r], where)
    return replace(split, rounds=tuple(rounds))


def _in_place(rnd: Round, where: dict[str, int]) -> Round:
    names = [g.name for g in rnd.groups]  # the rooms' names by place, as they were made
    placed: list[Group | None] = [None] * len(rnd.groups)
    rest = []
    for group in rnd.groups:
        places = [where[k] for k in map(_key, group.facilitators) if k in where]
        place = next((i for i in places if placed[i] is None), None)
        if place is None:
            rest.append(group)
        else:
            placed[place] = group
    free = iter(i for i, g in enumerate(placed) if g is None)
    for group in rest:
        placed[next(free)] = group
    rooms = tuple(replace(g, name=names[i]) for i, g in enumerate(placed) if g is not None)
    return replace(rnd, groups=rooms)


def _key(person: Person) -> str:
    """A person as a reshuffle tells them apart: by email, which no other person shares."""
    return (person.email or person.name).lower()
