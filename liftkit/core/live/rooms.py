"""Breakout rooms for the segments of a running agenda, as the groups package's own Splits.

Breakout segments that split the same way (the same `group_size` or `groups`) share one
multi-round split, so that people meet someone new in each of them; a segment with
`rounds = 2` takes two consecutive rounds, and one with `same_groups = true` the rooms of the
breakout before it. Each segment's Split goes into the journal as a
`groups` event and comes back from it as a Split (liftkit.core.live.events).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import replace

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.errors import LiftkitError
from liftkit.core.groups.formats import pick_round
from liftkit.core.groups.split import (
    Group,
    Round,
    Split,
    SplitRequest,
    split_for_segment,
    split_into_groups,
)
from liftkit.core.live.screen import GroupsSummary
from liftkit.core.people.model import find_column
from liftkit.core.people.reader import Person
from liftkit.core.text import plural


def breakout_segments(agenda: Agenda) -> list[int]:
    return [i for i, s in enumerate(agenda.segments) if s.kind == "breakout"]


def from_earlier(segment: Segment) -> bool:
    """Whether a segment's rooms come from the breakout before (`same_groups`, `join_groups`)."""
    return segment.same_groups or segment.join_groups > 0


def _same_as_before(agenda: Agenda, plans: dict[int, Split]) -> None:
    """A `same_groups` segment keeps the rooms of the breakout before it (its last round);
    a `join_groups` one joins them, so many at a time."""
    before: Split | None = None
    for i in breakout_segments(agenda):
        segment = agenda.segments[i]
        if from_earlier(segment) and before is not None:
            plans[i] = rooms_from(segment, before)
        before = plans.get(i, before)


def rooms_from(segment: Segment, before: Split) -> Split:
    """The rooms a `same_groups` or `join_groups` segment makes of the breakout before's."""
    last = before.rounds[-1:]
    if not segment.join_groups or not last:
        return _rounds_of(before, last)
    rooms, size = last[0].groups, segment.join_groups
    # As many joined rooms as there are whole sets of `size`, one more when the rooms left
    # over make half a set or more (6 pairs in fours: 2 of 3 pairs, not 1 of 6); the rooms
    # are shared out in turn, so joined rooms differ by one room at most.
    count, spare = divmod(len(rooms), size)
    count = max(1, count + (spare >= max(2, -(-size // 2))))
    joined: list[list[Group]] = [[] for _ in range(count)]
    for r, room in enumerate(rooms):
        joined[r * count // len(rooms)].append(room)
    _even_out(joined)
    groups = tuple(
        Group(
            f"Room {n}",
            tuple(p for room in parts for p in room.members),
            tuple(p for room in parts for p in room.facilitators),
        )
        for n, parts in enumerate(joined, start=1)
    )
    return Split((Round(1, groups),), before.score, before.seed)


def _even_out(joined: list[list[Group]]) -> None:
    """Swap rooms between the joined rooms with the most and the fewest people while that
    narrows the gap: the pairs' room of three goes where there are fewer rooms (23 people in
    fours: rooms of 4, 4, 4, 5 and 6, not a room of 7). The number of rooms each joins stays."""

    def people(parts: list[Group]) -> int:
        return sum(len(room.members) for room in parts)

    while True:
        big, small = max(joined, key=people), min(joined, key=people)
        a = max(range(len(big)), key=lambda r: len(big[r].members))
        b = min(range(len(small)), key=lambda r: len(small[r].members))
        gain = len(big[a].members) - len(small[b].members)
        if not 0 < gain < people(big) - people(small):
            return
        big[a], small[b] = small[b], big[a]


def following(agenda: Agenda, index: int) -> list[int]:
    """The segments that take their rooms from segment `index`, in a chain."""
    chain = []
    for i in breakout_segments(agenda):
        if i <= index:
            continue
        if not from_earlier(agenda.segments[i]):
            break
        chain.append(i)
    return chain


def _shape(segment: Segment) -> tuple[int | None, int | None, int | None]:
    """How a breakout splits the room: segments alike share one multi-round split."""
    return segment.group_size, segment.groups, segment.min_group_size


def _rounds_of(split: Split, rounds: Sequence[Round]) -> Split:
    """A segment's share of a split: its rounds, numbered from 1, with the split's score."""
    numbered = tuple(Round(n, r.groups) for n, r in enumerate(rounds, start=1))
    return Split(numbered, split.score, split.seed)


def plan_from_people(agenda: Agenda, people: Sequence[Person], seed: int) -> dict[int, Split]:
    """Split the attendees for every breakout segment (seeded, so it can be reproduced: each
    split's `seed` is `seed`, whatever generator it drew from)."""
    families: dict[tuple[int | None, int | None, int | None], list[int]] = {}
    for i in breakout_segments(agenda):
        segment = agenda.segments[i]
        if not from_earlier(segment):
            families.setdefault(_shape(segment), []).append(i)
    plans: dict[int, Split] = {}
    ordered = sorted(families.items(), key=lambda f: f[1][0])
    for n, ((size, count, least), members) in enumerate(ordered):
        # Each way of splitting draws from its own generator (seed + n), but every split
        # carries the run's seed: the one `--seed` takes to make them all again.
        total = sum(agenda.segments[i].rounds for i in members)
        split = split_for_segment(people, size, count, total, random.Random(seed + n), seed, least)
        taken = 0
        for i in members:
            wanted = agenda.segments[i].rounds
            plans[i] = _rounds_of(split, split.rounds[taken : taken + wanted])
            taken += wanted
    _same_as_before(agenda, plans)
    return plans


def plan_from_split(
    agenda: Agenda, split: Split, first: int | None = None
) -> tuple[dict[int, Split], list[str]]:
    """Give the rounds of a groups file to the breakout segments, in order, from round
    `first` (this week's, of a programme's plan; by default round 1)."""
    rounds = split.rounds
    notes: list[str] = []
    plans: dict[int, Split] = {}
    start = 0 if first is None else rounds.index(pick_round(split, first))
    taken = start
    for i in breakout_segments(agenda):
        if from_earlier(agenda.segments[i]) and plans:
            continue  # the rooms of the breakout before, below
        chosen = []
        for _ in range(agenda.segments[i].rounds):
            chosen.append(rounds[min(taken, len(rounds) - 1)])
            taken += 1
        plans[i] = _rounds_of(split, chosen)
    if plans and taken > len(rounds):
        have = plural(len(rounds) - start, "round") + (f" from round {first}" if start else "")
        notes.append(
            f"the groups file has {have} for {plural(taken - start, 'breakout round')}; "
            "the last round is used again"
        )
    elif plans and taken < len(rounds) and first is None:
        used = "round 1 is" if taken == 1 else f"rounds 1-{taken} are"
        last = len(rounds)
        unused = f"round {last}" if taken + 1 == last else f"rounds {taken + 1}-{last}"
        notes.append(
            f"the groups file has {len(rounds)} rounds for {plural(taken, 'breakout round')}: "
            f"{used} used, {unused} not"
        )
    _same_as_before(agenda, plans)
    return plans, notes


def reshuffle(segment: Segment, people: Sequence[Person], seed: int) -> Split:
    return split_for_segment(
        people, segment.group_size, segment.groups, segment.rounds,
        random.Random(seed), seed, segment.min_group_size,
    )  # fmt: skip


def reshuffle_family(agenda: Agenda, index: int, people: Sequence[Person], seed: int,
                     made: dict[int, Split], ran: Collection[int] = (),
                     started: int = 0) -> dict[int, Split]:  # fmt: skip
    """New rooms for breakout `index` and the later breakouts that split the same way (one
    multi-round split in plan_from_people), after the rounds the earlier ones of them had
    (`made`: segment -> its split) and the first `started` rounds of its own, which ran (a
    breakout of several rounds, reshuffled in its second): those are kept as `liftkit
    groups --held` keeps weeks held, the new rounds avoid every pair who met in them, and
    facilitators keep their rooms. The first of them is made again with all the later
    ones, as one split: reshuffled alone, the first round of a café of 100 at 10 tables met
    126 pairs of the three after it again. Only `index` (reshuffle, after its rounds that
    ran) when no other breakout splits the same way, when a later one has run already
    (`ran`: the host went back), so that no rooms that were used are replaced, or when the
    people here cannot be split so."""
    segment = agenda.segments[index]
    kept = made[index].rounds[:started] if index in made else ()
    family = [i for i in breakout_segments(agenda) if not from_earlier(agenda.segments[i])
              and _shape(agenda.segments[i]) == _shape(segment)]  # fmt: skip
    held = [r for i in family if i < index and i in made for r in made[i].rounds]
    held += kept
    ahead = [i for i in family if i >= index]
    alone = not held and (ahead[:1] != [index] or len(ahead) == 1)  # nothing to make with it

    def plain() -> dict[int, Split]:  # this breakout's rounds still to come, made again alone
        rest = reshuffle(replace(segment, rounds=segment.rounds - len(kept)), people, seed)
        return {index: _rounds_of(rest, (*kept, *rest.rounds))}

    if alone or any(i in ran for i in ahead if i != index) or index not in ahead:
        return plain()
    wanted = sum(agenda.segments[i].rounds for i in ahead) - len(kept)
    if not held:  # the first of them: all of them made again, as plan_from_people made them
        split = reshuffle(replace(segment, rounds=wanted), people, seed)
    else:
        first = next(i for i in family if i in made)
        earlier = Split(tuple(Round(n, r.groups) for n, r in enumerate(held, start=1)),
                        made[first].score, seed)  # fmt: skip
        request = SplitRequest(count=len(held[-1].groups), rounds=len(held) + wanted,
                               previous=earlier, held=len(held))  # fmt: skip
        try:
            split = split_into_groups(people, request, random.Random(seed), seed=seed)
        except LiftkitError:
            return plain()
    plans, taken = {}, len(held)
    for i in ahead:
        rounds = agenda.segments[i].rounds - (len(kept) if i == index else 0)
        share = split.rounds[taken : taken + rounds]
        plans[i] = _rounds_of(split, (*kept, *share) if i == index else share)
        taken += rounds
    return plans


def file_round(source: Split, now: Split) -> int | None:
    """The round of the groups file `source` (from 0) that the breakout's rooms `now` hold in
    their first round; None when no round holds them (rooms reshuffled before a resume)."""
    if not now.rounds:
        return None
    wanted = _rooms(now.rounds[0])
    return next((j for j, rnd in enumerate(source.rounds) if _rooms(rnd) == wanted), None)


def _rooms(rnd: Round) -> list[frozenset[str]]:
    return [frozenset(_label(p).lower() for p in group.members) for group in rnd.groups]


def _label(person: Person) -> str:
    """How a request names someone: by email, which no other person shares."""
    return person.email or person.name


# Tries at a reshuffle that gives other rooms: with a facilitator each, a balanced column and
# the earlier weeks avoided, few rooms may remain (24 people in fours for week 3 of a
# programme: one reshuffle in five gave back the file's week 3, said "reshuffled")
RESHUFFLE_TRIES = 8
AVOIDING_TRIES = 2  # and those avoiding the file's rounds after it too, before those alone


def reshuffle_as_file(source: Split, start: int | None, now: Split, seed: int,
                      started: int = 0) -> Split:  # fmt: skip
    """The rooms `now` made again as `liftkit groups` made those of the file `source`: as many
    rooms, its balanced columns and the people it keeps apart or together, a facilitator
    where one is now; and, when they hold the file's round `start` (a programme's week, a
    café's round), none of the pairs who met in its rounds before (as `liftkit groups
    --held` plans), nor those who meet in its rounds after where other rooms allow it.
    Never the rooms `now` again: the split's seed is the first from `seed` that gives
    others. The first `started` rounds of `now` ran (a breakout of several rounds): they
    are kept, and avoided as the file's rounds before are.
    Raises LiftkitError when the people here cannot be split so."""
    people = people_in(now)
    exact: dict[str, Person] = {}
    folded: dict[str, list[Person]] = {}
    for p in people:
        for key in {p.name, p.email or p.name}:
            exact.setdefault(key, p)
            folded.setdefault(key.lower(), []).append(p)

    def find(name: str) -> Person | None:
        """The person the file names: as written, else in any case when only one is so."""
        if name in exact:
            return exact[name]
        alike = {id(p): p for p in folded.get(name.lower(), [])}
        return next(iter(alike.values())) if len(alike) == 1 else None

    def listed(key: str) -> list[object]:
        value = source.settings.get(key)
        return value if isinstance(value, list) else []

    def sets(key: str) -> tuple[str, ...]:  # those of a set who are here, when two or more
        kept = []
        for names in listed(key):
            here = [find(str(n)) for n in names] if isinstance(names, list) else []
            found = list({id(p): p for p in here if p is not None}.values())
            if len(found) >= 2:
                kept.append(",".join(_label(p) for p in found))
        return tuple(kept)

    columns = [str(c) for c in listed("balance")]
    kept, now = now.rounds[:started], replace(now, rounds=now.rounds[started:])
    rooms_now = [set(_rooms(rnd)) for rnd in now.rounds]

    def made_again(others: tuple[Round, ...], tries: int) -> Split | None:
        """Rooms other than those now, avoiding the pairs of the file's rounds `others`."""
        held = len(others)
        request = SplitRequest(
            count=len(now.rounds[0].groups),
            rounds=held + len(now.rounds),
            balance=tuple(c for c in columns if any(find_column(p.attributes, c) for p in people)),
            apart=sets("apart"),
            together=sets("together"),
            facilitators=tuple(_label(p) for g in now.rounds[0].groups for p in g.facilitators),
            previous=replace(source, rounds=others) if held else None,
            held=held,
        )
        for tried in range(seed, seed + tries):
            split = split_into_groups(people, request, random.Random(tried), seed=tried)
            made = _rounds_of(replace(split, seed=tried), split.rounds[held:])
            if [set(_rooms(rnd)) for rnd in made.rounds] != rooms_now:
                made = _rounds_of(made, (*kept, *made.rounds))
                return _named_as(made, [g.name for g in now.rounds[0].groups])
        return None

    before = (*source.rounds[:start], *kept) if start else kept
    after = source.rounds[start + started + len(now.rounds) :] if start is not None else ()
    # The file's rounds after it too (breakouts and weeks to come keep the file's rooms),
    # where other rooms avoid them; when only the rooms now do (the one round of a café of
    # 100 at 10 tables that meets nobody of its other three), those before alone.
    found = made_again((*before, *after), AVOIDING_TRIES) if after else None
    found = found or made_again(before, RESHUFFLE_TRIES)
    if found is None:
        raise LiftkitError(
            f"{RESHUFFLE_TRIES} tries gave the rooms there are now: there may be no others"
        )
    return found


def _named_as(split: Split, names: Sequence[str]) -> Split:
    """The rooms of every round named as the file named them ("Red", "Blue"), in order."""
    rounds = tuple(
        replace(rnd, groups=tuple(
            replace(g, name=names[i]) if i < len(names) else g for i, g in enumerate(rnd.groups)
        ))
        for rnd in split.rounds
    )  # fmt: skip
    return replace(split, rounds=rounds)


def people_in(split: Split) -> list[Person]:
    """Everyone placed in the first round, each once, for reshuffling without a list."""
    seen: dict[str, Person] = {}
    for group in split.rounds[0].groups if split.rounds else ():
        for person in group.members:
            seen.setdefault(_label(person).lower(), person)
    return list(seen.values())


def _named(person: Person, group: Group) -> str:
    """A member as the rooms show them: a facilitator marked, as `liftkit groups` marks them,
    so that a room knows who leads it."""
    return f"{person.name} (facilitator)" if person in group.facilitators else person.name


def round_now(split: Split, elapsed: float, duration: float) -> int:
    """The round of a breakout being held `elapsed` seconds into it (from 0): its rounds
    share its `duration` equally."""
    each = duration / len(split.rounds) if duration > 0 and split.rounds else 0
    return min(int(elapsed // each), len(split.rounds) - 1) if each else 0


def summary(segment: Segment, split: Split, elapsed: float, duration: float) -> GroupsSummary:
    """The round being held now (rounds share the segment's time equally) and its rooms."""
    rounds = split.rounds
    if not rounds:
        return GroupsSummary(title="No groups.")
    k = round_now(split, elapsed, duration)
    groups = rounds[k].groups
    sizes = [len(g.members) for g in groups]
    low, high = min(sizes, default=0), max(sizes, default=0)
    parts = []
    if len(rounds) > 1:
        parts.append(f"round {k + 1} of {len(rounds)}")
    of = low if low == high else f"{low}-{high}"
    parts.append(f"1 room of {of}" if len(groups) == 1 else f"{len(groups)} rooms of {of}")
    parts.append(plural(sum(sizes), "person", "people"))
    if split.seed is not None:
        parts.append(f"seed {split.seed}")
    rooms = [(g.name, [_named(p, g) for p in g.members]) for g in groups]
    return GroupsSummary("Groups: " + " · ".join(parts), rooms, k + 1, len(rounds))
