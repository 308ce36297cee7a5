"""Reshuffling breakout rooms during a session: a breakout and the later ones that split the
same way made again after the rounds that ran (reshuffle_family), or the rooms of a groups
file made again as `liftkit groups` made them (reshuffle_as_file). Either way the rooms
that come out are never those there are now.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.errors import LiftkitError
from liftkit.core.groups.bounds import crowded_floor
from liftkit.core.groups.setup import segment_rooms
from liftkit.core.groups.split import Round, Score, Split, SplitRequest, split_into_groups
from liftkit.core.live.rooms import (
    RESHUFFLE_TRIES,
    _label,
    _label_sets,
    _meetings,
    _people,
    _repeats,
    _rounds_of,
    _shape,
    breakout_segments,
    from_earlier,
    other_than,
    people_in,
    reshuffle,
)
from liftkit.core.people.model import find_column
from liftkit.core.people.reader import Person
from liftkit.core.text import plural


def reshuffle_family(agenda: Agenda, index: int, people: Sequence[Person], seed: int,
                     made: dict[int, Split], met: Mapping[int, int] | None = None,
                     started: int = 0) -> dict[int, Split]:  # fmt: skip
    """New rooms for breakout `index` and the later breakouts that split the same way (one
    multi-round split in plan_from_people), after the rounds the earlier ones of them had
    (`made`: segment -> its split; `met`: segment -> how many of its first rounds met,
    met.rounds_met, where None is every earlier one's and no later one's) and the first
    `started` rounds of its own, which ran (a breakout of several rounds, reshuffled in its
    second): those are kept as `liftkit groups --held` keeps weeks held, the new rounds
    avoid every pair who met in them, and facilitators keep their rooms, and the rooms of
    `index` are never those it has now (_other_rooms). A breakout passed through with n
    met in none: the pairs of its rooms are free to meet. The first of them is made again
    with all the later ones, as one split: reshuffled alone, the first round of a café of
    100 at 10 tables met 126 pairs of the three after it again. Only `index` (reshuffle,
    after its rounds that ran) when no other breakout splits the same way, when a later
    one has met already (the host went back), so that no rooms that were used are
    replaced, or when the people here cannot be split so."""
    segment = agenda.segments[index]
    kept = made[index].rounds[:started] if index in made else ()
    family = [i for i in breakout_segments(agenda) if not from_earlier(agenda.segments[i])
              and _shape(agenda.segments[i]) == _shape(segment)]  # fmt: skip
    held = [r for i in family if i < index and i in made
            for r in made[i].rounds[: _met(met, i, index, made[i])]]  # fmt: skip
    held += kept
    ahead = [i for i in family if i >= index]
    alone = not held and (ahead[:1] != [index] or len(ahead) == 1)  # nothing to make with it

    def plain() -> dict[int, Split]:  # this breakout's rounds still to come, made again alone
        own = list(made[index].rounds[started:]) if index in made else []
        shape = replace(segment, rounds=segment.rounds - len(kept))
        rest, _ = other_than(own, lambda tried: reshuffle(shape, people, tried), seed)
        rest, rounds = _for_those_here(people, list(kept), own, rest, list(rest.rounds), seed,
                                       _asked(segment, people))  # fmt: skip
        return {index: _rounds_of(rest, (*kept, *rounds))}

    if alone or any(_met(met, i, index) for i in ahead if i != index) or index not in ahead:
        return plain()
    wanted = sum(agenda.segments[i].rounds for i in ahead) - len(kept)
    planned = [r for i in ahead if i in made
               for r in made[i].rounds[(started if i == index else 0) :]]  # fmt: skip
    if not held:  # the first of them: all of them made again, as plan_from_people made them
        now = made[index].rounds[started : started + 1] if index in made else ()
        whole = replace(segment, rounds=wanted)
        split, _ = other_than(now, lambda tried: reshuffle(whole, people, tried), seed)
        coming = list(split.rounds)
    else:
        now = made[index].rounds[started : started + 1] if index in made else ()
        try:
            split, avoided = _other_rooms(people, held, wanted, seed, now, _asked(segment, people))
        except LiftkitError:
            return plain()
        coming = _no_worse_than_planned(held, list(split.rounds[len(avoided) :]), planned, seed)
    split, coming = _for_those_here(people, held, planned, split, coming, seed,
                                    _asked(segment, people))  # fmt: skip
    plans, taken = {}, 0
    for i in ahead:
        rounds = agenda.segments[i].rounds - (len(kept) if i == index else 0)
        share = coming[taken : taken + rounds]
        plans[i] = _rounds_of(split, (*kept, *share) if i == index else share)
        taken += rounds
    return plans


def _met(met: Mapping[int, int] | None, i: int, index: int, split: Split | None = None) -> int:
    """How many of breakout `i`'s first rounds met (reshuffle_family's `met`), reshuffled in
    breakout `index`: without `met`, all of an earlier one's (`split`) and none of a later."""
    if met is not None:
        return met.get(i, 0)
    return len(split.rounds) if i < index and split is not None else 0


def met_again(agenda: Agenda, index: int, made: Mapping[int, Split],
              source: Split | None = None, start: int | None = None,
              met: Mapping[int, int] | None = None) -> str:  # fmt: skip
    """How many pairs share a room in more than one round of breakout `index` and those that
    split the same way (`made`: segment -> its rooms now), as a reshuffle's message ends:
    ": 8 pairs meet again in the 4 rounds, the fewest possible." (_fewest) With a groups
    file `source`, over every breakout that takes its rounds, the pairs it keeps together
    not counted; and, where the first of them took the file's round `start` (from 0), over
    the file's rounds before and after theirs too: a programme's other weeks. Without a
    file, the earlier breakouts' rounds that met only (`met`, as reshuffle_family's). Only
    "." for rooms of one round or from the breakout before."""
    segment = agenda.segments[index]
    if from_earlier(segment):
        return "."
    family = [i for i in breakout_segments(agenda) if not from_earlier(agenda.segments[i])
              and (source is not None or _shape(agenda.segments[i]) == _shape(segment))
              and i in made]  # fmt: skip
    upto = {i: _met(met, i, index, made[i]) for i in family if i < index and source is None}
    rounds = [r for i in family for r in made[i].rounds[: upto.get(i)]]
    where = "the"
    if source is not None and start is not None:  # the file's rounds this session did not take
        before, after = source.rounds[:start], source.rounds[start + len(rounds) :]
        rounds = [*before, *rounds, *after]
        where = "the groups file's" if before or after else where
    if len(rounds) < 2:
        return "."
    listed = source.settings.get("together") if source is not None else None
    listed = listed if isinstance(listed, list) else []
    together = [{str(n).lower() for n in names} for names in listed if isinstance(names, list)]
    sets: dict[str, set[int]] = {}  # label -> the together sets naming them
    for p in {id(p): p for r in rounds for g in r.groups for p in g.members}.values():
        names = {p.name.lower(), _label(p).lower()}
        sets[_label(p).lower()] = {i for i, s in enumerate(together) if names & s}
    again = sum(1 for (a, b), m in _meetings(rounds).items() if m > 1 and not sets[a] & sets[b])
    if again == 0:
        return f": nobody meets anyone again in {where} {len(rounds)} rounds."
    said = f": {plural(again, 'pair meets', 'pairs meet')} again in {where} {len(rounds)} rounds"
    return said + (", the fewest possible." if again == _fewest(rounds) and not together else ".")


def _fewest(rounds: Sequence[Round]) -> int:
    """The fewest pairs who meet again in rounds with rooms of these sizes (bounds.
    crowded_floor: rooms of more people than there are rooms cannot all be parted; a pair
    meets in every round at most); 0 where the rounds have not all as many rooms."""
    k = len(rounds[0].groups)
    if any(len(rnd.groups) != k for rnd in rounds):
        return 0
    floor = crowded_floor(([len(g.members) for g in rnd.groups] for rnd in rounds), k)
    most = len(rounds) * (len(rounds) - 1) // 2  # a pair meeting in every round counts so
    return -(-floor // most)


def _no_worse_than_planned(held: list[Round], coming: list[Round], planned: list[Round],
                           seed: int) -> list[Round]:  # fmt: skip
    """The rounds made again to come after those `held`, or, when they meet more pairs again
    than the rounds `planned` to come, the planned ones in another order, the first of them
    not the rooms now (`planned[0]`): each round's rooms as they were, hosts and balance
    kept, so as many pairs meet again as the plan had. 150 people at 12 tables with a host
    each, reshuffled in round 3 of 4: the search met 59-65 pairs again where the plan had
    6 (its twins); 12 is no prime power, so no plane holds them."""
    if len(planned) < 2 or len(planned) != len(coming) or _people(planned) != _people(coming):
        return coming  # the plan was for others: the attendee list changed since
    if _repeats([*held, *coming]) <= _repeats([*held, *planned]):
        return coming
    now = set(_label_sets(planned[0]))
    firsts = [j for j, rnd in enumerate(planned) if set(_label_sets(rnd)) != now]
    if not firsts:
        return coming
    rng = random.Random(seed)
    first = rng.choice(firsts)
    rest = [rnd for j, rnd in enumerate(planned) if j != first]
    rng.shuffle(rest)
    return [planned[first], *rest]


def _for_those_here(people: Sequence[Person], held: list[Round], planned: list[Round],
                    split: Split, coming: list[Round], seed: int,
                    rooms: int) -> tuple[Split, list[Round]]:  # fmt: skip
    """The rounds `coming` after those `held` (of `split`), or, where the attendee list
    changed since the rounds `planned` were made, the plan carried on for the people here
    now (_carried_on) wherever it meets no more pairs again, when the breakout asks them
    for as many `rooms` as it has: 30 in fives, 15 come, take 9 rooms, not the plan's 6."""
    if len(planned) != len(coming) or _people(planned) == _people(coming):
        return split, coming
    if not planned or len(planned[0].groups) != rooms:
        return split, coming
    carried = _carried_on(people, held, planned, seed)
    if carried is None:
        return split, coming
    ahead = list(carried.rounds[len(held) :])
    if _repeats([*held, *ahead]) <= _repeats([*held, *coming]):
        return carried, ahead
    return split, coming


def _asked(segment: Segment, people: Sequence[Person]) -> int:
    return segment_rooms(people, segment.group_size, segment.groups, segment.min_group_size)


def _carried_on(people: Sequence[Person], held: list[Round], planned: list[Round],
                seed: int) -> Split | None:  # fmt: skip
    """The rounds `planned` after those `held`, for the people here now, as `liftkit groups
    --previous --held` carries a programme's plan on: whoever is still here keeps the rooms
    planned, a joiner takes the place of someone who left (the pairs they would have met),
    and rooms are evened out; None where the people here cannot be split so. Made again
    instead, a café of 72 at 8 tables, one gone and one come after two rounds, met 44-45
    pairs again where its plan had its 8 twins; carried on, 8-9."""
    rounds = [*held, *planned]
    earlier = Split(tuple(Round(n, r.groups) for n, r in enumerate(rounds, start=1)),
                    Score(0, 0, 0), seed)  # fmt: skip
    request = SplitRequest(count=len(planned[0].groups), rounds=len(rounds), previous=earlier,
                           held=len(held))  # fmt: skip
    try:
        return split_into_groups(people, request, random.Random(seed), seed=seed)
    except LiftkitError:
        return None


def _other_rooms(people: Sequence[Person], held: list[Round], wanted: int, seed: int,
                 now: Sequence[Round], rooms: int) -> tuple[Split, list[Round]]:  # fmt: skip
    """`wanted` rounds of `rooms` after the `held` ones, the first of them not the rooms `now`
    (the round being reshuffled), and the rounds they came after. The first seed from `seed`
    whose rooms are others; where none of RESHUFFLE_TRIES is (the only round that meets
    nobody again after those held: 100 people at 10 tables reshuffled in the last of four
    rounds gave back the rooms there were, said "reshuffled"), the rooms now are taken as
    held too, so that whoever shares a room now is parted, for a few repeats."""

    def made_after(rounds: list[Round], tried: int) -> Split:
        earlier = Split(tuple(Round(n, r.groups) for n, r in enumerate(rounds, start=1)),
                        Score(0, 0, 0), tried)  # fmt: skip
        request = SplitRequest(count=rooms, rounds=len(rounds) + wanted,
                               previous=earlier, held=len(rounds))  # fmt: skip
        unlike = now[0] if now else None
        return split_into_groups(people, request, random.Random(tried), seed=tried, unlike=unlike)

    found, other = other_than(now, lambda tried: made_after(held, tried), seed, len(held))
    if other:
        return found, held
    return made_after([*held, *now], seed), [*held, *now]


def file_round(source: Split, now: Split) -> int | None:
    """The round of the groups file `source` (from 0) that the breakout's rooms `now` hold in
    their first round; None when no round holds them (rooms reshuffled before a resume)."""
    if not now.rounds:
        return None
    wanted = _label_sets(now.rounds[0])
    return next((j for j, rnd in enumerate(source.rounds) if _label_sets(rnd) == wanted), None)


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
    rooms_now = [set(_label_sets(rnd)) for rnd in now.rounds]

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
            split = split_into_groups(
                people, request, random.Random(tried), seed=tried, unlike=now.rounds[0]
            )
            made = _rounds_of(replace(split, seed=tried), split.rounds[held:])
            if [set(_label_sets(rnd)) for rnd in made.rounds] != rooms_now:
                made = _rounds_of(made, (*kept, *made.rounds))
                return _named_as(made, [g.name for g in now.rounds[0].groups])
        return None

    before = (*source.rounds[:start], *kept) if start else kept
    after = source.rounds[start + started + len(now.rounds) :] if start is not None else ()
    # The file's rounds after it too (breakouts and weeks to come keep the file's rooms),
    # where other rooms avoid them; when only the rooms now do (the one round of a café of
    # 100 at 10 tables that meets nobody of its other three), those before alone. Who met
    # before weighs more than who will meet: rooms avoiding both are taken only where they
    # bring back no more pairs of the rounds before than rooms avoiding those alone (a
    # programme's week 2 of 8 reshuffled: 7 pairs of week 1 met again, where 0 need).
    found = made_again((*before, *after), AVOIDING_TRIES) if after else None
    if found is not None and before and _met_before(found, before, len(kept)):
        alone = made_again(before, RESHUFFLE_TRIES)
        if alone is not None and _met_before(alone, before, len(kept)) < _met_before(
            found, before, len(kept)
        ):
            found = alone
    found = found or made_again(before, RESHUFFLE_TRIES)
    if found is None:
        raise LiftkitError(
            f"{RESHUFFLE_TRIES} tries gave the rooms there are now: there may be no others"
        )
    return found


def _met_before(made: Split, before: Sequence[Round], kept: int) -> int:
    """The pairs who share a room in `made`'s rounds after its first `kept` and met in the
    rounds `before`."""
    met = _meetings(before)
    return sum(1 for pair in _meetings(made.rounds[kept:]) if pair in met)


def no_more_than_the_file(agenda: Agenda, index: int, made: Mapping[int, Split], again: Split,
                          before: Sequence[Round], seed: int, met: Mapping[int, int] | None = None,
                          started: int = 0) -> dict[int, Split]:  # fmt: skip
    """Breakout `index`'s rooms made `again` from a groups file (reshuffle_as_file), or, when
    they and the rooms of the later breakouts (`made`: segment -> its rooms now) meet more
    pairs again after the rounds `before` than the rooms now do, the rounds now of `index`
    (after its first `started`, which ran) and of the later breakouts in another order,
    other rooms first: segment -> its rooms, the later ones only where they change; only
    `again` where a later one met already (`met`: segment -> its rounds that met). A café
    of 100 at 10 tables with a host each, from a file of four rounds, reshuffled in round
    1, 2 or 3: 10-13 pairs met again where the file had none."""
    later = [i for i in breakout_segments(agenda)
             if i > index and i in made and not from_earlier(agenda.segments[i])]  # fmt: skip
    if index not in made or from_earlier(agenda.segments[index]):
        return {index: again}
    if any(_met(met, i, index) for i in later):  # a later one met: its rooms stay
        return {index: again}
    kept = list(made[index].rounds[:started])
    after = [r for i in later for r in made[i].rounds]
    planned = [*made[index].rounds[started:], *after]
    coming = [*again.rounds[started:], *after]
    rounds = _no_worse_than_planned([*before, *kept], coming, planned, seed)
    if rounds is coming:
        return {index: again}
    plans, taken = {}, 0
    for i in (index, *later):
        share = rounds[taken : taken + len(made[i].rounds) - (started if i == index else 0)]
        taken += len(share)
        if i == index or share != list(made[i].rounds):
            plans[i] = _rounds_of(again if i == index else made[i],
                                  (*kept, *share) if i == index else share)  # fmt: skip
    return plans


def _named_as(split: Split, names: Sequence[str]) -> Split:
    """The rooms of every round named as the file named them ("Red", "Blue"), in order."""
    rounds = tuple(
        replace(rnd, groups=tuple(
            replace(g, name=names[i]) if i < len(names) else g for i, g in enumerate(rnd.groups)
        ))
        for rnd in split.rounds
    )  # fmt: skip
    return replace(split, rounds=rounds)
