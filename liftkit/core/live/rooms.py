"""Breakout rooms for the segments of a running agenda, as the groups package's own Splits.

Breakout segments that split the same way (the same `group_size` or `groups`) share one
multi-round split, so that people meet someone new in each of them; a segment with
`rounds = 2` takes two consecutive rounds, and one with `same_groups = true` the rooms of the
breakout before it. Each segment's Split goes into the journal as a
`groups` event and comes back from it as a Split (liftkit.core.live.events).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.groups.formats import pick_round
from liftkit.core.groups.split import (
    Group,
    Round,
    Split,
    split_for_segment,
)
from liftkit.core.live.find import FACILITATOR
from liftkit.core.live.round_times import round_held, shares
from liftkit.core.live.screen import GroupsSummary
from liftkit.core.people.apart import for_audience, names_apart
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
    # over are two or more and half a set or more (6 pairs in fours: 2 of 3 pairs, not 1 of
    # 6; a pair left over joins the others, never a room of its own); the rooms
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
    """A segment's share of a split: its rounds, numbered from 1, with the split's score
    and notes (for the host to be told, as `liftkit groups` tells them)."""
    numbered = tuple(Round(n, r.groups) for n, r in enumerate(rounds, start=1))
    return Split(numbered, split.score, split.seed, split.notes)


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


def min_size_notes(agenda: Agenda, plans: dict[int, Split]) -> list[str]:
    """What `min_group_size` could not have, for the rooms made: too few people for one room
    of that size (2 people in Troika's threes), or for more than one (5 make one room of 5):
    the host is told before the rooms open, rather than finding out in them."""
    notes = []
    for i, split in sorted(plans.items()):
        segment = agenda.segments[i]
        least, size = segment.min_group_size, segment.group_size
        if not least or not size or from_earlier(segment) or not split.rounds:
            continue
        sizes = sorted(len(g.members) for g in split.rounds[0].groups)
        if not sizes or (sizes[0] >= least and sizes[-1] <= size + 1):
            continue
        rooms = " and ".join(str(n) for n in sorted(set(sizes)))
        notes.append(
            f"{segment.title}: {plural(sum(sizes), 'person', 'people')} cannot make rooms of "
            f'{size} with none smaller than {least} ("group_size", "min_group_size"): '
            f"they are in {plural(len(sizes), 'room')} of {rooms}"
        )
    return notes


def plan_from_split(
    agenda: Agenda, split: Split, first: int | None = None
) -> tuple[dict[int, Split], list[str]]:
    """Give the rounds of a groups file to the breakout segments, in order, from round
    `first` (this week's, of a programme's plan; by default the file's first)."""
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
    elif plans and taken < len(rounds) and first is None:  # named by their numbers
        used = _numbered(rounds[:taken]) + (" is" if taken == 1 else " are")
        unused = _numbered(rounds[taken:])
        notes.append(
            f"the groups file has {len(rounds)} rounds for {plural(taken, 'breakout round')}: "
            f"{used} used, {unused} not"
        )
    _same_as_before(agenda, plans)
    return plans, notes


def _numbered(rounds: Sequence[Round]) -> str:
    first, last = rounds[0].number, rounds[-1].number
    return f"round {first}" if len(rounds) == 1 else f"rounds {first}-{last}"


def reshuffle(segment: Segment, people: Sequence[Person], seed: int) -> Split:
    return split_for_segment(
        people, segment.group_size, segment.groups, segment.rounds,
        random.Random(seed), seed, segment.min_group_size,
    )  # fmt: skip


def one_room_for_all(rnd: Round, people: Sequence[Person]) -> bool:
    """Whether `rnd` is one room holding every one of `people`: no reshuffle can change it."""
    labels = {_label(p).lower() for p in people}
    return len(rnd.groups) == 1 and {_label(p).lower() for p in rnd.groups[0].members} == labels


def _label(person: Person) -> str:
    """How a request names someone: by email, which no other person shares."""
    return person.email or person.name


def people_in(split: Split) -> list[Person]:
    """Everyone placed in the first round, each once, for reshuffling without a list."""
    seen: dict[str, Person] = {}
    for group in split.rounds[0].groups if split.rounds else ():
        for person in group.members:
            seen.setdefault(_label(person).lower(), person)
    return list(seen.values())


def _named(person: Person, group: Group, apart: dict[Person, str]) -> str:
    """A member as the rooms show them: told apart from another of the same name (`apart`),
    a facilitator marked, as `liftkit groups` marks them, so that a room knows who leads it."""
    name = apart.get(person, person.name)
    return name + FACILITATOR if person in group.facilitators else name


def round_now(split: Split, elapsed: float, lengths: Sequence[float]) -> int:
    """The round of a breakout being held `elapsed` seconds into it (from 0), its rounds
    lasting `lengths` (Engine.round_lengths)."""
    held, _ = round_held(shares(lengths, len(split.rounds)), elapsed)
    return max(held - 1, 0)


def summary(
    segment: Segment, split: Split, elapsed: float, lengths: Sequence[float], emails: bool = True
) -> GroupsSummary:
    """The round being held now (its rounds lasting `lengths`) and its rooms; people of one
    name told apart by organisation, else by email when `emails` (the host's screens, not the
    audience's)."""
    rounds = split.rounds
    if not rounds:
        return GroupsSummary(title="No groups.")
    k = round_now(split, elapsed, lengths)
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
    rooms = _rooms(rounds[k], emails)
    return GroupsSummary("Groups: " + " · ".join(parts), rooms, k + 1, len(rounds))


# The rooms of the rounds shown lately, by the Round itself (its id, with the Round kept so
# that the id is not another's): the screen asks for them at every draw, once a second or
# more, and the rooms of a breakout of 5,000 people are 1,000 rooms to name again. The same
# rooms are the same object each time, which the screens compare and lay out once.
_SHOWN: dict[tuple[int, bool], tuple[Round, tuple[tuple[str, tuple[str, ...]], ...]]] = {}


def _rooms(held: Round, emails: bool) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The rooms of a round as the screens show them: (room name, members as named)."""
    kept = _SHOWN.get((id(held), emails))
    if kept is not None and kept[0] is held:
        return kept[1]
    apart = names_apart((p for g in held.groups for p in g.members), emails)
    if not emails:  # the audience's screen: no address nor phone number shown whole
        apart = {p: for_audience(apart.get(p, p.name)) for g in held.groups for p in g.members}
    rooms = tuple((g.name, tuple(_named(p, g, apart) for p in g.members)) for g in held.groups)
    if len(_SHOWN) >= 8:  # a reshuffle's rounds, a resume's: the oldest are not shown again
        del _SHOWN[next(iter(_SHOWN))]
    _SHOWN[(id(held), emails)] = (held, rooms)
    return rooms


def _people(rounds: Sequence[Round]) -> set[str]:
    return {_label(p).lower() for rnd in rounds for group in rnd.groups for p in group.members}


def _repeats(rounds: Sequence[Round]) -> int:
    """Pairs (by label) who share a room in more than one of `rounds`."""
    return sum(1 for m in _meetings(rounds).values() if m > 1)


def _meetings(rounds: Sequence[Round]) -> dict[tuple[str, str], int]:
    meetings: dict[tuple[str, str], int] = {}
    for rnd in rounds:
        for group in rnd.groups:
            labels = sorted({_label(p).lower() for p in group.members})
            for i, a in enumerate(labels):
                for b in labels[i + 1 :]:
                    meetings[(a, b)] = meetings.get((a, b), 0) + 1
    return meetings


def _label_sets(rnd: Round) -> list[frozenset[str]]:
    return [frozenset(_label(p).lower() for p in group.members) for group in rnd.groups]


# Tries at a reshuffle that gives other rooms: with a facilitator each, a balanced column and
# the earlier weeks avoided, few rooms may remain (24 people in fours for week 3 of a
# programme: one reshuffle in five gave back the file's week 3, said "reshuffled")
RESHUFFLE_TRIES = 8


def other_than(now: Sequence[Round], make: Callable[[int], Split], seed: int,
                at: int = 0) -> tuple[Split, bool]:  # fmt: skip
    """`make`'s split for the first seed from `seed` whose round `at` is not the rooms `now`
    (6 people in threes, reshuffled, got their rooms back once in nine), and True; when no
    seed tried gives other rooms, the first seed's split and False."""
    rooms_now = set(_label_sets(now[0])) if now else set()
    first: Split | None = None
    for tried in range(seed, seed + RESHUFFLE_TRIES):
        split = make(tried)
        if not now or set(_label_sets(split.rounds[at])) != rooms_now:
            return split, True
        if first is None:
            first = split
    assert first is not None  # RESHUFFLE_TRIES > 0
    return first, False


def joined_again(segment: Segment, before: Split, now: Sequence[Round], seed: int) -> Split:
    """A join_groups breakout's rooms made again: the rooms before (1-2-4-All's pairs) stay
    whole, joined in a new way, other than those `now` where they can be (4 pairs joined in
    fours: the same two fours came back once in three)."""

    def joined(tried: int) -> Split:
        rooms = list(before.rounds[-1].groups)
        random.Random(tried).shuffle(rooms)
        return rooms_from(segment, Split((Round(1, tuple(rooms)),), before.score, tried))

    return other_than(now, joined, seed)[0]


def split_again(segment: Segment, origin: Segment, people: Sequence[Person],
                now: Sequence[Round], seed: int) -> Split:  # fmt: skip
    """A same_groups or join_groups breakout's rooms made again from the people: split as
    the breakout before (`origin`) splits, then kept or joined; other than those `now`."""

    def made(tried: int) -> Split:
        return rooms_from(segment, reshuffle(origin, people, tried))

    return other_than(now, made, seed)[0]
