"""Breakout groups: split attendees into groups over several rounds.

`split_into_groups(people, request, rng)` is the engine. Group sizes differ by at most one
and no group has fewer than 2 people (unless there are fewer than 2 people). Across rounds
it minimises the pairs who meet more than once. `--balance` columns spread each value
evenly over the groups of every round; `--apart` and `--together` are hard constraints
(refused with an explanation when they cannot all hold); facilitators are spread one per
group. `--previous` keeps an earlier split for the people still there.

How: a zero-repeat construction from design theory when one fits (designs.py), else a
greedy start, then a tabu search (search.py) for the constraints and the rest, and for up
to ANNEAL_PEOPLE people (ANNEAL_LARGE over few rounds) without --together or --previous, an
annealing that may pass through broken constraints but keeps only schedules that hold them
(anneal.py). The
random generator is the only source of chance and every loop runs in list order, so the
same seed gives the same split everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.after_held import held_start
from liftkit.core.groups.anneal import anneal, annealable, pairs_only
from liftkit.core.groups.bounds import limit_text
from liftkit.core.groups.check import check_split, constrained, kept_text
from liftkit.core.groups.greedy import facilitators_stay, meetings
from liftkit.core.groups.model import (
    DEFAULT_SIZE,
    Group,
    Round,
    Score,
    Split,
    SplitRequest,
    check_extent,
    group_count,
    group_sizes,
)
from liftkit.core.groups.plexes import any_exact
from liftkit.core.groups.previous import from_previous
from liftkit.core.groups.reading import score_rounds
from liftkit.core.groups.search import Problem, Search
from liftkit.core.groups.setup import Setup, hosts_note, make_problem, placed_people, prepare
from liftkit.core.groups.start import REPAIRABLE, start_schedule
from liftkit.core.people.reader import Person

__all__ = [
    "DEFAULT_SIZE",
    "Group",
    "Round",
    "Score",
    "Split",
    "SplitRequest",
    "group_count",
    "group_sizes",
    "score_rounds",
    "split_for_segment",
    "split_into_groups",
]

BASE_BUDGET = 300_000  # candidate swaps weighed by the search at effort 1 (about 1 s)
FULL_BUDGET_SIZE = 3  # groups of up to this size get the whole budget
FULL_BUDGET_ROUNDS = 30  # and so do up to this many rounds


def split_for_segment(
    people: Sequence[Person],
    group_size: int | None = None,
    groups: int | None = None,
    rounds: int = 1,
    rng: random.Random | None = None,
    seed: int | None = None,
    min_size: int | None = None,
) -> Split:
    """Split attendees for one breakout segment of an agenda (its group_size or groups);
    with `min_size`, fewer rooms where the remainder would leave one smaller (22 people in
    threes: 7 rooms, one of 4, rather than 8 with two of 2)."""
    if rng is None:
        rng = random.Random(seed)
    request = SplitRequest(size=group_size, count=groups, rounds=rounds)
    placed = placed_people(people, request)[0]  # rooms for those placed, not the host
    if min_size and group_size and len(placed) >= 2:
        count = -(-len(placed) // group_size)
        while count > 1 and len(placed) // count < min_size:
            count -= 1
        request = SplitRequest(count=count, rounds=rounds)
    return split_into_groups(people, request, rng, seed=seed)


LOOSE_ROUNDS = 6  # rounds up to which a design far out of band is tried first (see below)
LOOSE_REPAIRABLE = 2  # one count out of band per this many groups, against start.REPAIRABLE
LOOSE_COLUMNS = 4  # the same with several --balance columns, none with exact counts
LOOSE_COLUMNS_SIZE = 8  # and groups of at least this many (a greedy round costs more)
RESTART_SHARE = 2  # of the effort for the start again under the usual rule
APART_TRIES = 4  # more runs of the search, at most, while a pair kept apart shares a group
ANNEAL_PEOPLE = 150  # splits of up to this many people may be annealed (anneal.py)
ANNEAL_LARGE = 1000  # and of up to this many when people times rounds is at most
ANNEAL_SLOTS = 4000  # this: its steps cost the same at any size, its setup grows with both
ANNEAL_BUDGET = 1_600_000  # swaps drawn by the annealing at effort 1, times group size
ANNEAL_BALANCED = 600_000  # the same with values balanced two or more a group (slower)


def split_into_groups(
    people: Sequence[Person],
    request: SplitRequest,
    rng: random.Random,
    seed: int | None = None,
) -> Split:
    """The split for `request`, with its score. Raises LiftkitError for impossible requests."""
    if request.held:
        from liftkit.core.groups.held import held_request, with_held

        later = request.previous.rounds[request.held :] if request.previous else ()
        split = _split(people, held_request(request), rng, seed, held=True, later=later)
        return with_held(split, request)
    return _split(people, request, rng, seed)


def _split(
    people: Sequence[Person],
    request: SplitRequest,
    rng: random.Random,
    seed: int | None,
    held: bool = False,
    later: Sequence[Round] = (),
) -> Split:
    """split_into_groups; with `held`, the rounds of `previous` took place (held.py), and
    `later` are the earlier plan's rounds after them."""
    if not people:
        raise LiftkitError("no attendees to split", "give a file with at least one person")
    if request.rounds is not None and request.rounds < 1:
        raise LiftkitError(
            f"`rounds` {request.rounds}: need at least one round", "use `rounds` 1 or more"
        )
    people, hosts = placed_people(people, request)
    check_extent(len(people), request.rounds or 1)
    setup = prepare(people, request)
    if hosts:
        setup.notes.insert(0, hosts_note(hosts))
    rounds = request.rounds or 1
    previous_rounds: list[list[int]] = []
    homes: list[list[int] | None] = [None] * rounds
    names: list[list[str]] = []
    if request.previous is not None:
        rounds, previous_rounds, homes, names = from_previous(setup, request, rng, held)
    prior = None
    if held:  # the held rounds took place: what the rounds after them avoid is who met there
        prior = meetings([[g if g >= 0 else -1 - p for p, g in enumerate(row)]
                          for row in previous_rounds], len(setup.people))  # fmt: skip
        rounds -= len(previous_rounds)
        homes, names, took_place = homes[len(previous_rounds) :], [], previous_rounds
        previous_rounds = []
    problem = replace(make_problem(setup, homes), prior=prior)
    size = -(-len(setup.people) // setup.groups)
    loose = rounds <= LOOSE_ROUNDS and (len(problem.columns) < 2 or size >= LOOSE_COLUMNS_SIZE)
    exact = any_exact(problem)
    repairable = LOOSE_REPAIRABLE if len(problem.columns) < 2 or exact else LOOSE_COLUMNS
    fits = repairable if loose else REPAIRABLE
    if held:  # the earlier plan carried on, mates or a design the held rounds lie on
        schedule, names = held_start(setup, problem, rounds, took_place, later, rng,
                                     request.effort, fits)  # fmt: skip
    else:
        schedule = start_schedule(setup, problem, rounds, previous_rounds, rng, request.effort,
                                  fits)  # fmt: skip
    search = _searched(setup, problem, schedule, request, rng)
    if search.balance_cost():
        _carry_on(setup, search, request)
    if loose and search.balance_cost():
        # A design was kept with many counts out of band (one in two groups: five
        # organisations of 20 at 10 tables for 4 rounds, 14-19 repeats, where the two
        # rounds kept in band and two greedy ones left 70-80), and the search did not mend
        # them all (64 people of six sectors in fours for 15 rounds left three of one at a
        # table; so it is tried only up to LOOSE_ROUNDS rounds): start again with a design
        # kept only when few counts are out. With several --balance columns a design is
        # kept with one count out in four groups (LOOSE_COLUMNS): at one in two, 96 host
        # splits took 1.4 times as long for 2 more without a repeat; at one in eight, 100
        # people of eight organisations and four regions of random sizes at 10 tables for
        # 4 rounds often kept two rounds and left 80-90 repeats, 20-40 now. With a value
        # of exactly so many a group in some column (an organisation of 20 at 10 tables),
        # one in two, as with one column: those fits end 7 to 13 counts out in 40 groups,
        # and the search mends them for fewer repeats than greedy rounds leave (eight such
        # splits of bench/groups.py --mixes, 513 -> 409 repeats and the whole command's
        # median 1.64 -> 1.46 s, side by side; one in two everywhere cost 100 people of
        # eight organisations and four regions at 13 tables 12 -> 32 repeats).
        # With less effort: 100 people of eight organisations with ten facilitators drawn
        # at random and keep-apart sets took up to 2.1 s with two whole starts.
        lighter = replace(request, effort=request.effort / RESTART_SHARE)
        schedule = start_schedule(setup, problem, rounds, previous_rounds, rng, lighter.effort)
        again = _searched(setup, problem, schedule, lighter, rng)
        if (again.apart_violations(), again.balance_cost(), again.repeat_cost()) <= (
            search.apart_violations(),
            search.balance_cost(),
            search.repeat_cost(),
        ):
            search = again
    for _ in range(APART_TRIES):
        if not search.apart_violations():
            break
        # A pair kept apart is never given up while the search may still part them: 1,000
        # people at 40 tables for 4 rounds with keep-apart sets, seed 2, ended with one
        # pair together and an error, where more of the search parts them.
        _carry_on(setup, search, request)
    if _worth_annealing(problem, search):
        budget = ANNEAL_BUDGET if pairs_only(problem) else ANNEAL_BALANCED
        steps = int(budget * request.effort) // size
        found = anneal(problem, search.grp, rng, steps, search.floor)
        if found is not None:
            search = Search(problem, found, rng)
    if search.apart_violations():
        raise LiftkitError(*_apart_failure(setup, search.grp))
    if prior is None:
        return _result(setup, search, request, seed, names)
    # The held rounds are history, not rooms kept: the rounds planned answer for themselves.
    split = _result(setup, search, replace(request, previous=None), seed, names)
    # The score's limit counts the held rounds too; held.py counts the repeats again.
    sizes = [len(g.members) for g in split.rounds[-1].groups]
    limit = limit_text(sizes, rounds + len(request.previous.rounds if request.previous else ()),
                       search.repeat_cost(), constrained(setup), kept_text(setup))  # fmt: skip
    return replace(split, score=replace(split.score, limit=limit))


def _worth_annealing(problem: Problem, search: Search) -> bool:
    """Whether anneal.py may take repeats off: up to ANNEAL_PEOPLE people (up to
    ANNEAL_LARGE for few rounds), no --together or --previous, every constraint kept, and
    repeats above the counting floor."""
    people, rounds = problem.people, len(search.grp)
    large = people <= ANNEAL_LARGE and people * rounds <= ANNEAL_SLOTS
    return (
        (people <= ANNEAL_PEOPLE or large)
        and annealable(problem)
        and search.repeat_cost() > search.floor
        and not search.apart_violations()
        and not search.balance_cost()
    )


def _searched(setup: Setup, problem: Problem, schedule: list[list[int]], request: SplitRequest,
              rng: random.Random) -> Search:  # fmt: skip
    """The search run from `schedule` with a budget fitted to its size and start."""
    search = Search(problem, schedule, rng)
    budget = _budget(setup, len(schedule), request)
    if search.repeat_cost() == 0 and not search.apart_violations():
        # A design with the constraints laid on it: only repairs are left, and a repair that
        # costs a repeat is rarely found late.
        budget /= 8
    elif not search.constrained and _last_round_only(search, setup.groups):
        # A design with its last round evened out (ghosts' groups filled, 98 people in fours
        # for 33 rounds: 2 repeats): the few repeats a move left were never removed later.
        budget /= 8
    elif search.floor > search.crowded:
        # Repeats are proven unavoidable (counting, or pairs the constraints keep apart): the
        # search only chases that floor, and most of its gain comes early. Not for groups
        # larger than their number alone: that floor is met only by twins (twins.py), and
        # where constraints set them aside the search needs its whole budget (40 people at
        # 6 tables for 3 rounds on two columns, 14-15 repeats, 17 with a third).
        budget /= 3
    search.run(int(budget))
    return search


def _carry_on(setup: Setup, search: Search, request: SplitRequest) -> None:
    """More of the search, from where it stopped, with the budget of a start from greedy
    rounds, when it left counts out of band: its budget was cut for a design's start (only
    repairs left), and it often stops a count short. 144 people of eight organisations
    and four regions at 12 tables, seeds 3 and 5: one count left, then 121 and 133 repeats
    after the start again, 23 and 31 carried on; seed 4 of another mix ended with three of
    an organisation at a table that may hold two, with no start again for two columns."""
    search.run(int(_budget(setup, search.rounds, request)))


def _budget(setup: Setup, rounds: int, request: SplitRequest) -> float:
    """The search's budget for this size of split, before its start is weighed."""
    people = len(setup.people)
    # Small instances need less: the budget is capped by a multiple of their size.
    budget = min(BASE_BUDGET, 4000 * people * rounds) * request.effort
    # A weighed swap costs about as much as a group is large: big tables get fewer swaps.
    budget *= min(1.0, FULL_BUDGET_SIZE * setup.groups / people)
    # Many rounds make every step dearer (longer meeting lists) and the start slower.
    return budget * min(1.0, FULL_BUDGET_ROUNDS / rounds)


# --- results ----------------------------------------------------------------------------


def _apart_failure(setup: Setup, schedule: list[list[int]]) -> tuple[str, str]:
    people = setup.people
    broken: list[str] = []
    for r, row in enumerate(schedule):
        for members in setup.apart_sets:
            for i in members:
                for j in members:
                    if i < j and row[i] == row[j]:
                        broken.append(f"{people[i].name} and {people[j].name} in round {r + 1}")
    shown = "; ".join(broken[:3]) + ("…" if len(broken) > 3 else "")
    return (
        f"could not keep every `apart` pair apart ({shown}): the constraints leave too "
        "few ways to split",
        "use more groups (`count`) or fewer `apart`/`together` names",
    )


def _last_round_only(search: Search, groups: int) -> bool:
    """Whether the repeats, at most one a group, all come from the last round."""
    if not 0 < search.repeat_cost() <= groups or search.rounds < 2:
        return False
    last = search.grp[-1]
    return all(
        m == 1 or (m == 2 and last[p] == last[q])
        for p, met in enumerate(search.meet)
        for q, m in met.items()
    )


def _result(
    setup: Setup, search: Search, request: SplitRequest, seed: int | None, names: list[list[str]]
) -> Split:
    people = setup.people
    rounds: list[Round] = []
    before: dict[int, int] = {}  # each facilitator's room (its place) in the round before
    for r, row in enumerate(search.grp):
        members: list[list[int]] = [[] for _ in range(setup.groups)]
        for p, g in enumerate(row):
            members[g].append(p)
        order = list(range(setup.groups))
        if r >= len(names):
            order.sort(key=lambda g: (-len(members[g]), members[g][0] if members[g] else 0))
            order = facilitators_stay(order, members, before)
        before = {p: at for at, g in enumerate(order) for p in members[g] if setup.facilitator[p]}
        groups: list[Group] = []
        for position, g in enumerate(order):
            listed = sorted(members[g], key=lambda p: (not setup.facilitator[p], p))
            name = names[r][g] if r < len(names) else f"Room {position + 1}"
            groups.append(
                Group(
                    name,
                    tuple(people[p] for p in listed),
                    tuple(people[p] for p in listed if setup.facilitator[p]),
                )
            )
        rounds.append(Round(r + 1, tuple(groups)))
    score = check_split(rounds, setup, request.previous)
    notes = list(setup.notes)
    if score.repeat_pairs and setup.columns:
        notes.append(
            "`balance` comes before repeats: the groups stay balanced even where that "
            "costs repeated pairs; without `balance` fewer pairs may repeat"
        )
    if any(spread > 1 for _, spread in score.spread) and request.previous is not None:
        notes.append(
            "`balance`: keeping people in their rooms from `previous` leaves some values "
            "spread unevenly (see the score's spread); leave out `previous` to split afresh"
        )
    elif any(spread > 1 for _, spread in score.spread):
        notes.append(
            "`balance`: some values could not be spread within one per group "
            "(see the score's spread)" + _overfull_blocks(setup, search.pb)
        )
    settings: dict[str, object] = {
        "people": len(people),
        "groups": setup.groups,
        "size": request.size,
        "count": request.count,
        "rounds": len(rounds),
        "balance": list(setup.columns),
        "apart": [[people[i].name for i in m] for m in setup.apart_sets],
        "together": [[people[i].name for i in m] for m in setup.together_sets],
        "facilitators": [p.name for i, p in enumerate(people) if setup.facilitator[i]],
    }
    return Split(tuple(rounds), score, seed, tuple(notes), settings)


def _overfull_blocks(setup: Setup, problem: Problem) -> str:
    """Why, when people kept together hold more of one value than a group may."""
    reasons = []
    for members in setup.together_sets:
        for c, column in enumerate(setup.columns):
            values = [setup.values[c][p] for p in members]
            for v in sorted(set(values)):
                high = problem.bands[c][v][1]
                if values.count(v) > high:
                    names = " and ".join(
                        setup.people[p].name for p in members if setup.values[c][p] == v
                    )
                    value = setup.value_names[c][v]
                    reasons.append(
                        f"{names} are kept together (`together`) and share {column} "
                        f"{value!r}, of which a group may hold {high}"
                    )
    return ": " + "; ".join(reasons[:3]) if reasons else ""
