"""Facilitators keep their rooms through a reshuffle: a café's table hosts stay at their
tables while the others move. Rooms made again come out in any order, so each host's room is
put back in the place, and under the name, of the room they have now. In Zoom, pre-assigned
rooms are real rooms: a reshuffle in round 1 of a café of 100 at 10 tables moved every table
host to another room."""

from __future__ import annotations

from dataclasses import replace

from liftkit.core.groups.greedy import facilitators_stay
from liftkit.core.groups.model import Round, Split
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
    """`rnd`'s rooms in the places `where` (facilitator -> place) gives, as many as can
    (greedy.facilitators_stay: a matching, so that with two hosts a room each keeps one),
    under the names of the places they take."""
    ids: dict[str, int] = {}
    hosts = [[ids.setdefault(_key(p), len(ids)) for p in g.facilitators] for g in rnd.groups]
    before = {ids[k]: place for k, place in where.items() if k in ids}
    order = facilitators_stay(list(range(len(rnd.groups))), hosts, before)
    names = [g.name for g in rnd.groups]  # the rooms' names by place, as they were made
    return replace(
        rnd, groups=tuple(replace(rnd.groups[g], name=names[i]) for i, g in enumerate(order))
    )


def _key(person: Person) -> str:
    """A person as a reshuffle tells them apart: by email, which no other person shares."""
    return (person.email or person.name).lower()
