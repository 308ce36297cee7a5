"""`--previous`: keep an earlier split for the people still there."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.greedy import meetings, spread_facilitators
from liftkit.core.groups.model import Round, Split, SplitRequest, group_sizes, rounds_named
from liftkit.core.groups.setup import Directory, Setup, all_columns
from liftkit.core.people.model import header_key
from liftkit.core.people.reader import Person
from liftkit.core.text import plural, same_words, some_named


def from_previous(
    setup: Setup, request: SplitRequest, rng: random.Random, held: bool = False
) -> tuple[int, list[list[int]], list[list[int] | None], list[list[str]]]:
    """Rounds kept from an earlier split: the people still here stay in their rooms;
    no-shows leave, late joiners fill the emptiest rooms, sizes are evened out. Rounds
    `held` (held.py) took place: they are returned as they were, each person's room in
    the earlier split (as many rooms as it had), -1 for someone not there."""
    previous = request.previous
    assert previous is not None
    n, k = len(setup.people), setup.groups
    directory = Directory(setup.people)
    seen = [False] * n
    gone: list[str] = []
    kept_rounds: list[list[int]] = []
    homes: list[list[int] | None] = []
    names: list[list[str]] = []
    wanted = request.rounds or len(previous.rounds)
    for old_round in previous.rounds[:wanted]:
        home = [-1] * n
        room_names = [g.name for g in old_round.groups][:k]
        while len(room_names) < k:
            room_names.append(_next_room_name(room_names))
        for g, old_group in enumerate(old_round.groups):
            for member in old_group.members:
                index = match_person(directory, member)
                if index is None:
                    if member.label not in gone:
                        gone.append(member.label)
                    continue
                seen[index] = True
                home[index] = g if g < k or held else -1
        kept_rounds.append(home[:] if held else _refit(setup, home, kept_rounds, rng))
        homes.append(home)
        names.append(room_names)
    if not any(seen) and previous.rounds and n:
        there = plural(len(gone), "person", "people")
        raise LiftkitError(
            f"`previous`: nobody in it is in the attendee list ({there} there, none here): "
            "it is the split of another list",
            "give the split made from this list, or leave out `previous`",
        )
    joiners = [setup.people[i].label for i in range(n) if not seen[i]]
    if joiners:
        setup.notes.append(f"added {plural(len(joiners), 'late joiner')}: " + some_named(joiners))
    if gone:
        setup.notes.append(f"dropped {plural(len(gone), 'no-show')}: " + some_named(gone))
    if not held:  # (held.py says so of its own rounds)
        setup.notes.extend(rounds_left_out(previous, wanted))
    rounds = max(wanted, len(kept_rounds))
    homes += [None] * (rounds - len(homes))
    return rounds, kept_rounds, homes, names


def with_earlier_details(people: Sequence[Person], previous: Split | None) -> list[Person]:
    """The people with what the earlier split knew of them and their list does not: the
    email of someone found there by name alone (who joined a call without signing in, so a
    participant report has no email), and the columns their list lacks (a registration's
    Company beside a call's report), so that a Zoom file and `balance` reach them as the
    earlier split did. Found as `previous` finds people (match_person); an email someone
    else here has is left where it is."""
    if previous is None:
        return list(people)
    directory = Directory(people)
    listed = {header_key(column) for column in all_columns(people)}  # as `balance` finds them
    known: dict[int, list[Person]] = {}
    for rnd in previous.rounds:
        for group in rnd.groups:
            for member in group.members:
                index = match_person(directory, member)
                if index is not None:
                    known.setdefault(index, []).append(member)
    found = list(people)
    for index, earlier in known.items():
        person = people[index]
        email = person.email or next(
            (m.email for m in earlier if m.email and m.email.casefold() not in directory.by_email),
            None,
        )
        attributes, have = dict(person.attributes), set(listed)
        for member in earlier:
            for column, value in member.attributes.items():
                if (key := header_key(column)) not in have:
                    attributes[column] = value
                    have.add(key)
        if email != person.email or attributes != person.attributes:
            found[index] = replace(person, email=email, attributes=attributes)
    return found


def rounds_left_out(previous: Split, rounds: int) -> list[str]:
    """A note when `rounds` asks for fewer rounds than `previous` has: those after are not
    in the split that comes out (a host shortening a programme, or a slip of `rounds`)."""
    if rounds >= len(previous.rounds):
        return []
    after = previous.rounds[rounds:]
    return [
        f"`previous` has {plural(len(previous.rounds), 'round')} and `rounds` asks for "
        f"{rounds}: its {rounds_named(after)} {'is' if len(after) == 1 else 'are'} left out; "
        "leave out `rounds` to keep them all"
    ]


def rooms_row(setup: Setup, rnd: Round) -> list[int]:
    """Each person's room in `rnd` (its groups numbered in order), -1 for someone not in it."""
    directory = Directory(setup.people)
    row = [-1] * len(setup.people)
    for g, group in enumerate(rnd.groups):
        for member in group.members:
            index = match_person(directory, member)
            if index is not None:
                row[index] = g
    return row


def match_person(directory: Directory, member: Person) -> int | None:
    """Who someone of an earlier split is among the people here, told apart as an attendee
    list tells people apart (liftkit.core.people.duplicates): by email, else by name when one
    of the two has no email; None for nobody, or for a name that more than one could be."""
    if member.email:
        found = directory.by_email.get(member.email.casefold(), [])
        if len(found) == 1:
            return found[0]
        # an email of several people (tickets of one order): the one of this name
        named = [
            i for i in found if same_words(directory.people[i].name) == same_words(member.name)
        ]
        if len(named) == 1:
            return named[0]
    named = [
        i
        for i in directory.by_name.get(same_words(member.name), [])
        if not (member.email and directory.people[i].email)  # two emails: two people
    ]
    return named[0] if len(named) == 1 else None


def _next_room_name(names: list[str]) -> str:
    number = len(names) + 1
    while f"Room {number}" in names:
        number += 1
    return f"Room {number}"


def _refit(
    setup: Setup, home: list[int], earlier: list[list[int]], rng: random.Random
) -> list[int]:
    """Everyone in their old room where sizes allow; the rest where they meet fewest.

    Works on units, so that people kept together (--together) stay together: a unit's room
    is the earlier room of its first member who had one.
    """
    n, k = len(setup.people), setup.groups
    meet = meetings(earlier, n)
    unit_home = [next((home[p] for p in unit if home[p] >= 0), -1) for unit in setup.units]
    placed: list[list[int]] = [[] for _ in range(k)]  # unit indices per room
    for u, h in enumerate(unit_home):
        if h >= 0:
            placed[h].append(u)

    def size(g: int) -> int:
        return sum(len(setup.units[u]) for u in placed[g])

    # The rooms that keep the most people get the larger sizes.
    by_fill = sorted(range(k), key=lambda g: (-size(g), g))
    capacity = [0] * k
    for g, cap in zip(by_fill, group_sizes(n, k), strict=True):
        capacity[g] = cap
    pool = [u for u in range(len(setup.units)) if unit_home[u] < 0]
    for g in range(k):
        while size(g) > capacity[g]:
            singles = [u for u in placed[g] if len(setup.units[u]) == 1] or placed[g]
            u = singles[rng.randrange(len(singles))]
            placed[g].remove(u)
            pool.append(u)
    # Late joiners in a seeded order (not the file's), larger units first; each goes where
    # its balanced values are fewest, column by column in the order given (the balance comes
    # before repeats), then where it meets fewest people again, then to a room drawn by the
    # seed. A joiner alone may go to any room that keeps the sizes even, not only to the
    # rooms given the larger size above.
    rng.shuffle(pool)
    pool.sort(key=lambda u: -len(setup.units[u]))
    draw = rng.sample(range(k), k)
    wanted = group_sizes(n, k)
    low, high = min(wanted, default=0), max(wanted, default=0)
    filled = [size(g) for g in range(k)]  # kept up to date: size() is a sum over a room

    def open_rooms(unit: list[int]) -> list[int]:
        if len(unit) > 1:
            return [g for g in range(k) if capacity[g] - filled[g] >= len(unit)]
        room_for_larger = sum(s > low for s in filled) < wanted.count(high)
        return [g for g in range(k)
                if filled[g] < low or (filled[g] == low < high and room_for_larger)]  # fmt: skip

    for u in pool:
        unit = setup.units[u]
        open_groups = open_rooms(unit)
        if not open_groups:
            raise LiftkitError(
                "the people kept together (`together`) do not fit into the rooms of `previous`",
                "use bigger groups (`size`) or fewer `together` names",
            )

        def cost(g: int, unit: list[int] = unit) -> tuple[int, ...]:
            here = [q for v in placed[g] for q in setup.units[v]]
            alike = [sum(col[p] == col[q] for p in unit for q in here) for col in setup.values]
            again = sum(meet[p].get(q, 0) for p in unit for q in here)
            return (*alike, again, draw[g])

        chosen = min(open_groups, key=cost)
        placed[chosen].append(u)
        filled[chosen] += len(unit)
    row = [0] * n
    members: list[list[int]] = [[] for _ in range(k)]
    for g in range(k):
        for u in placed[g]:
            for p in setup.units[u]:
                row[p] = g
                members[g].append(p)
    spread_facilitators(setup, members, row)
    return row
