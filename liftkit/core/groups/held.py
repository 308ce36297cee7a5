"""`--held N`: the first N rounds of `--previous` took place (a programme's weeks so far).

They come out as they were, with whoever was in them, those gone since included and late
joiners absent; the rounds after them are planned afresh for the people there now, avoiding
every pair who met in the held rounds. Without it, `--previous` keeps an earlier plan for the
people still there: late joiners are added to every round, as if they had been there.

The engine sees the meetings of the held rounds among the people there now, as they took
place (`Problem.prior`), in as many rooms as the held rounds had, and plans only the rounds
after them, avoiding those meetings; the score is counted again on the rounds that come
out, the held ones as they were.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.check import balance_spread, kept_people, moved_people
from liftkit.core.groups.greedy import facilitators_stay
from liftkit.core.groups.model import (
    Round,
    Split,
    SplitRequest,
    repeat_summary,
    round_number,
    rounds_named,
)
from liftkit.core.groups.previous import match_person, rounds_left_out
from liftkit.core.groups.setup import Directory
from liftkit.core.people.model import Person
from liftkit.core.text import plural, same_words, some_named


def held_request(request: SplitRequest) -> SplitRequest:
    """The request the engine runs: the held rounds as the earlier split, and the rounds to
    plan after them (`rounds` in all, by default those of `previous`, at least one more)."""
    previous, held = request.previous, request.held
    if previous is None:
        raise LiftkitError(
            f"`held` {held}: needs the rounds that were held",
            "give the earlier split with `previous` too",
        )
    if not 1 <= held <= len(previous.rounds):
        raise LiftkitError(
            f"`held` {held}: the `previous` split has {plural(len(previous.rounds), 'round')}",
            f"give `held` 1 to {len(previous.rounds)}",
        )
    total = request.rounds or max(len(previous.rounds), held + 1)
    if total <= held:
        raise LiftkitError(
            f"`rounds` {total}: no round left to plan after the {held} held",
            f"give `rounds` {held + 1} or more (the rounds in all, the held ones included)",
        )
    history = replace(previous, rounds=previous.rounds[:held])
    return replace(request, previous=history, rounds=total, held=0)


def with_held(split: Split, request: SplitRequest) -> Split:
    """`split` (planned by the engine from `held_request`) with the held rounds as they were,
    and its score counted again on the rounds that come out; `moved` counts those placed
    in another room than the earlier plan gave them in the rounds planned."""
    assert request.previous is not None
    held = request.previous.rounds[: request.held]
    # Numbered as the earlier plan numbers its rounds, those after its last following on
    planned = tuple(replace(r, number=round_number(request.previous, request.held + i))
                    for i, r in enumerate(split.rounds))  # fmt: skip
    planned = _rooms_kept(held[-1], planned)
    rounds = (*held, *planned)
    # the pairs kept together now, and those the earlier plan kept so in the held rounds
    together = [*_listed(split.settings.get("together")),
                *_listed(request.previous.settings.get("together"))]  # fmt: skip
    repeats, most, met = _recount(rounds, together)
    spread = tuple((column, balance_spread(planned, column)) for column, _ in split.score.spread)
    later = replace(request.previous, rounds=request.previous.rounds[request.held :])
    score = replace(
        split.score, repeat_pairs=repeats, most_meetings=most, pairs_met=met, spread=spread,
        moved=moved_people(planned, later), limit=split.score.limit if repeats else "",
    )  # fmt: skip
    notes = [  # the held rounds had the facilitators they had
        n.replace(" none in each round", " none in each round planned")
        for n in split.notes
        if not n.startswith("dropped ")
    ]
    at = next((i for i, n in enumerate(split.notes) if n.startswith("dropped ")), len(notes))
    notes[at:at] = _comings_and_goings(request, planned)
    notes.append(f"{rounds_named(held)} as held; {rounds_named(planned)} "
                 "planned afresh, avoiding the pairs who met in them")  # fmt: skip
    kept, stayed = kept_people(planned, later)
    if stayed:  # what the host need not tell again: the rooms the earlier plan gave
        both = rounds_named(planned[: len(later.rounds)])
        keeps = "keeps" if kept == 1 else "keep"
        who = "everyone still here keeps" if kept == stayed else (
            f"{kept} of the {stayed} people still here {keeps}")  # fmt: skip
        notes.append(f"{who} the rooms the earlier plan gave them in {both}")
    notes += rounds_left_out(request.previous, len(rounds))
    settings = split.settings | {"rounds": len(rounds), "held": request.held}
    return replace(split, rounds=rounds, score=score, notes=tuple(notes), settings=settings)


def _rooms_kept(last: Round, planned: tuple[Round, ...]) -> tuple[Round, ...]:
    """The planned rounds with their rooms renamed alike in each, so that facilitators keep
    the room they had in the last held round, as they keep theirs from one planned round
    to the next (greedy.facilitators_stay); as they were when the room counts differ."""
    names = [group.name for group in last.groups]
    if not planned or len(planned[0].groups) != len(names):
        return planned
    leads = Directory(list(dict.fromkeys(f for group in last.groups for f in group.facilitators)))
    before = {i: place for place, group in enumerate(last.groups)
              for f in group.facilitators if (i := match_person(leads, f)) is not None}  # fmt: skip
    members = [[i for f in group.facilitators if (i := match_person(leads, f)) is not None]
               for group in planned[0].groups]  # fmt: skip
    order = facilitators_stay(list(range(len(names))), members, before)
    renamed = {planned[0].groups[g].name: names[place] for place, g in enumerate(order)}
    place_of = {name: place for place, name in enumerate(names)}
    return tuple(
        replace(r, groups=tuple(sorted((replace(g, name=renamed.get(g.name, g.name))
                                        for g in r.groups), key=lambda g: place_of.get(g.name, 0))))
        for r in planned
    )  # fmt: skip


def _comings_and_goings(request: SplitRequest, planned: tuple[Round, ...]) -> list[str]:
    """Who left and who came back since the earlier plan was made: its people for the first
    round planned now (or, with no round planned after the held ones, for the last held),
    against the people placed now. Those gone before that round were said a week earlier."""
    assert request.previous is not None
    rounds, held = request.previous.rounds, request.held
    later = rounds[held:] or rounds[held - 1 : held]
    number = (rounds[held] if len(rounds) > held else rounds[held - 1]).number
    here = _everyone(planned[:1])  # every round planned places everyone here now
    expected = _everyone(later)
    gone: list[str] = []
    before: list[str] = []
    back: list[str] = []
    for person in dict.fromkeys(m for r in rounds[:held] for g in r.groups for m in g.members):
        if _in(here, person):
            which = back if not _in(expected, person) else None
        else:
            which = gone if _in(expected, person) else before
        if which is not None and person.label not in which:
            which.append(person.label)
    notes = []
    if gone:
        notes.append(f"dropped {plural(len(gone), 'no-show')}: {some_named(gone)} "
                     "(from the rounds planned: the held rounds keep them)")  # fmt: skip
    if before:
        notes.append(f"{len(before)} gone before round {number} of the earlier plan, "
                     f"in the held rounds only: {some_named(before)}")  # fmt: skip
    if back:
        who = "was" if len(back) == 1 else "were"
        notes.append(f"{len(back)} back who {who} not in round {number} of the earlier plan: "
                     + some_named(back))  # fmt: skip
    return notes


def _everyone(rounds: tuple[Round, ...]) -> Directory:
    return Directory(list(dict.fromkeys(m for r in rounds for g in r.groups for m in g.members)))


def _in(people: Directory, person: Person) -> bool:
    """Whether the person is one of these, told apart as --previous tells people apart."""
    return match_person(people, person) is not None


def _recount(rounds: tuple[Round, ...], together: object) -> tuple[int, int, int]:
    """Repeats, most meetings and pairs met, a person known as --previous finds them: by
    email, else by name when one of the two has no email (the earlier file may lack an email
    the list now has), and by name alone for a name no round holds twice (one person under a
    new address: a real repeat with them counts, and a pair kept together is so whichever
    address a round has); someone absent from a round meets nobody there; people kept
    together are not repeats."""
    by_email: dict[str, int] = {}
    by_name: dict[str, dict[int, bool]] = {}  # a name: who has it, and whether with an email
    people = 0
    # A name no round holds twice is one person, whatever their email (a new address since
    # the held rounds); two of one name in a round are told apart by their emails.
    twice: set[str] = set()
    for rnd in rounds:
        names = Counter(same_words(p.name) for group in rnd.groups for p in group.members)
        twice.update(name for name, times in names.items() if times > 1)

    def number(person: Person) -> int:
        nonlocal people
        email, name = same_words(person.email or ""), same_words(person.name)
        alike = [i for i, has in by_name.get(name, {}).items() if not (email and has)]
        if name not in twice and name in by_name:
            alike = list(by_name[name])
        found = by_email.get(email, alike[0] if len(alike) == 1 else people)
        people += found == people
        if email:
            by_email.setdefault(email, found)
        known = by_name.setdefault(name, {})
        known[found] = known.get(found, False) or bool(email)
        return found

    placed = [[[number(p) for p in group.members] for group in rnd.groups] for rnd in rounds]

    def named(text: str) -> int | None:  # someone of a together setting, by email or name
        alike = list(by_name.get(same_words(text), {}))
        return by_email.get(same_words(text), alike[0] if len(alike) == 1 else None)

    unit = list(range(people))
    for names in together if isinstance(together, list) else []:
        keys = [i for i in (named(str(name)) for name in names) if i is not None]
        for key in keys[1:]:
            unit[key] = unit[keys[0]]
    schedule = []
    for groups in placed:
        row = [-1 - p for p in range(people)]  # absent: a group of one's own
        for g, members in enumerate(groups):
            for p in members:
                row[p] = g
        schedule.append(row)
    return repeat_summary(schedule, unit)


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else []
