"""Breakout groups: split attendees into groups over several rounds.

`split_into_groups(people, request, rng)` is the engine. Group sizes differ by at most one
and no group has fewer than 2 people (unless there are fewer than 2 people). Across rounds
it minimises the pairs who meet more than once. `--balance` columns spread each value
evenly over the groups of every round; `--apart` and `--together` are hard constraints
(refused with an explanation when they cannot all hold); facilitators are spread one per
group. `--previous` keeps an earlier split for the people still there.

How: a zero-repeat construction from design theory when one fits (designs.py), else a
greedy start, then a tabu search (search.py) for the constraints and the rest, carried on,
started again and annealed (plan.py). The random generator is the only source of chance
and every loop runs in list order, so the same seed gives the same split everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.after_held import LAID_AT_MOST, at_the_floor, held_start
from liftkit.core.groups.anchors import stay_put
from liftkit.core.groups.apart_rounds import apart_failure, rounds_kept_apart
from liftkit.core.groups.bounds import limit_text
from liftkit.core.groups.carried import with_earlier_constraints, with_emails_now
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
    check_facilitators,
    group_count,
    group_sizes,
    round_number,
)
from liftkit.core.groups.plan import fit_rules, searched_plan
from liftkit.core.groups.previous import from_previous, rooms_row, with_earlier_details
from liftkit.core.groups.reading import score_rounds
from liftkit.core.groups.relaid import fresh_laid
from liftkit.core.groups.search import Problem, Search
from liftkit.core.groups.setup import (
    Setup,
    hosts_note,
    make_problem,
    placed_people,
    prepare,
    segment_rooms,
)
from liftkit.core.groups.shadows import shadow_count, shadowed_rows
from liftkit.core.groups.start import start_schedule
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
    if min_size and group_size:  # rooms for those placed, not the host
        request = SplitRequest(
            count=segment_rooms(people, group_size, None, min_size), rounds=rounds
        )
    return split_into_groups(people, request, rng, seed=seed)


def split_into_groups(
    people: Sequence[Person],
    request: SplitRequest,
    rng: random.Random,
    seed: int | None = None,
    unlike: Round | None = None,
) -> Split:
    """The split for `request`, with its score. Raises LiftkitError for impossible requests.
    `unlike`: rooms that the first round after the `held` ones should not be (a reshuffle's
    rooms now): where a round of orthogonal mates would be them, another is sought. People
    found in `previous` take the email and the columns it knew of them and they lack."""
    check_facilitators(request.facilitators)
    previous, renamed = with_emails_now(people, request.previous)
    request = replace(request, previous=previous)
    people = with_earlier_details(people, request.previous)
    request, carried = with_earlier_constraints(people, request)
    carried = [*renamed, *carried]
    if request.held:
        from liftkit.core.groups.held import held_request, with_held

        later = request.previous.rounds[request.held :] if request.previous else ()
        asked = held_request(request)
        split = _split(people, asked, rng, seed, held=True, later=later, unlike=unlike)
        split = with_held(split, request)
    else:
        split = _split(people, request, rng, seed)
    return replace(split, notes=(*carried, *split.notes)) if carried else split


def _split(
    people: Sequence[Person],
    request: SplitRequest,
    rng: random.Random,
    seed: int | None,
    held: bool = False,
    later: Sequence[Round] = (),
    unlike: Round | None = None,
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
    loose, fits = fit_rules(problem, rounds, size)
    if held:
        avoid = rooms_row(setup, unlike) if unlike else []
        search, names = _held_plan(setup, problem, took_place, later, request, rng, loose, fits,
                                   avoid)  # fmt: skip
    else:
        schedule = start_schedule(setup, problem, rounds, previous_rounds, rng, request.effort,
                                  fits)  # fmt: skip
        if not previous_rounds:
            schedule = _with_a_round_to_spare(setup, problem, schedule, rng, request.effort, fits)
        search = searched_plan(setup, problem, schedule, request, rng, loose, previous_rounds)
        if shadow_count(setup, rounds, bool(previous_rounds)) and not _settled(search):
            search = _shadowed(setup, problem, search, request, rng, loose)
    if search.apart_violations():
        kept_apart = rounds_kept_apart(setup, problem, search, rng, len(previous_rounds))
        if kept_apart is None:
            raise LiftkitError(*apart_failure(setup, search.grp))
        search = kept_apart[0]
        setup.notes.append(kept_apart[1])
    if prior is None:
        return _result(setup, search, request, seed, names)
    # The held rounds are history, not rooms kept: the rounds planned answer for themselves.
    split = _result(setup, search, replace(request, previous=None), seed, names)
    # The score's limit counts the held rounds too, and says that they were kept as they
    # were (a schedule known to exist may not start with them); held.py counts the repeats
    # again.
    sizes = [len(g.members) for g in split.rounds[-1].groups]
    before = len(request.previous.rounds) if request.previous else 0
    which = "held" if held else "earlier"
    rounds_before = f"the {which} round" if before == 1 else f"the {before} {which} rounds"
    kept = [kept_text(setup), rounds_before]
    limit = limit_text(sizes, rounds + before, search.repeat_cost(), constrained(setup),
                       " and ".join(filter(None, kept)))  # fmt: skip
    return replace(split, score=replace(split.score, limit=limit))


def _held_plan(setup: Setup, problem: Problem, took_place: list[list[int]],
               later: Sequence[Round], request: SplitRequest, rng: random.Random, loose: bool,
               fits: int, avoid: list[int]) -> tuple[Search, list[list[str]]]:  # fmt: skip
    """The rounds after those that took place, and the names of their rooms from the earlier
    plan where it carries on: from the start after_held.py makes, or where that start
    repeats a pair or breaks a constraint after one or two held rounds, from a plan made
    afresh and laid on them (relaid.py), whichever comes out better; the latter alone
    when it holds everything and repeats nobody. After three held rounds or more, a
    fresh plan's rounds would have to cross as all of them do."""
    rounds = len(problem.homes)
    schedule, names = held_start(setup, problem, rounds, took_place, later, rng,
                                 request.effort, fits, avoid)  # fmt: skip
    start = Search(problem, schedule, rng)
    if start.cost and at_the_floor(start, took_place):
        return start, names
    laid: Search | None = None
    if len(took_place) <= LAID_AT_MOST and start.cost:
        found = fresh_laid(setup, problem, rounds, took_place, request, rng)
        if found:
            laid = Search(problem, found, rng)
            if laid.apart_violations() or laid.balance_cost():
                # what the fresh plan did not see: pairs kept apart, classes that did not
                # fit their room
                laid = searched_plan(setup, problem, found, request, rng, loose, [])
            if not laid.cost:
                return laid, []
    search = searched_plan(setup, problem, schedule, request, rng, loose, [])
    best, best_names = (laid, []) if laid is not None and _costs(laid) < _costs(search) else (
        search, names)  # fmt: skip
    if (
        _costs(start)[:2] <= _costs(best)[:2]
        and start.moved() <= best.moved()
        and (start.repeat_pairs() < best.repeat_pairs())
    ):
        # The search spreads what it cannot avoid over more pairs at no more cost: the
        # earlier plan's rounds for 71 of its 72 at 8 tables (one gone) meet its 8 twins in
        # every round, and the search from them 29-43 pairs twice, counted as much
        return start, names
    if (
        names  # the earlier plan's rounds carried on (continued.py)
        and _costs(start)[:2] <= _costs(best)[:2]
        and start.moved() <= best.moved()
        and 2 * start.repeat_pairs() <= best.repeat_pairs()
    ):
        # The search's cost weighs a pair meeting in every round above many meeting twice,
        # where the score counts pairs: the earlier plan carried on for 71 of 72 at 8
        # tables (three gone, two come after round 1) meets 8 again, its twins, and the
        # search from it 36-37 pairs, at a lower cost. Half the pairs or fewer, it stays.
        return start, names
    return best, best_names


SPARE_PEOPLE = 1000  # and up to so many people: 10,000 at 100 tables took 2.8 s -> 5.9 s
SPARE_ROUNDS = 5  # k(k-1) people: a start of 8 rounds for 42 at 7 tables, 0.3 s for nothing


def _with_a_round_to_spare(setup: Setup, problem: Problem, schedule: list[list[int]],
                           rng: random.Random, effort: float,
                           fits: int) -> list[list[int]]:  # fmt: skip
    """With k * k people, a facilitator in each of k groups and no --balance column, rounds
    that repeat nobody are taken from a start of one round more where that repeats nobody
    either: the facilitators then stay apart in a round that a later `--held` plan can add
    without a repeat. 100 people at 10 tables with 10 table hosts, 3 rounds planned, a
    fourth added after them: 11-13 repeats (the first pair of Latin squares has no
    transversal common to its four rounds, where the hosts stood in three), none now, for
    0.02 s more (3 s more for 10,000 people at 100 tables: SPARE_PEOPLE). So too for k(k-1)
    people with no facilitator, for a café's few rounds (SPARE_ROUNDS): 90 at 10 tables, 3
    rounds planned, a fourth added after them repeated 3 (three rounds of the Latin squares
    less a group, which no fourth crosses as they do), none now (cyclic rows, found again:
    isotopy.py)."""
    rounds, k, n = len(schedule), setup.groups, len(setup.people)
    hosted = sum(setup.facilitator) == k and n == k * k
    short = n == k * (k - 1) and not any(setup.facilitator) and rounds < SPARE_ROUNDS
    # (otherwise a round is added without a repeat to k * k people: mates.py)
    if not (hosted or short) or setup.columns or n > SPARE_PEOPLE:
        return schedule
    if any(len(unit) > 1 for unit in setup.units) or Search(problem, schedule, rng).cost:
        return schedule
    more = replace(problem, homes=[*problem.homes, None])
    apart = random.Random()
    apart.setstate(rng.getstate())  # the seed's other draws stay as they were
    ahead = start_schedule(setup, more, rounds + 1, [], apart, effort, fits)
    return ahead[:rounds] if not Search(more, ahead, apart).cost else schedule


SHADOW_EFFORT = 0.2  # of the split's effort, for the search from the shadows


def _shadowed(setup: Setup, problem: Problem, search: Search, request: SplitRequest,
              rng: random.Random, loose: bool) -> Search:  # fmt: skip
    """The split with shadows (shadows.py) where it costs less than `search`'s."""

    def split_base(base: list[int]) -> list[list[int]]:
        people = [setup.people[p] for p in base]
        asked = replace(request, count=setup.groups, size=None)
        made = _split(people, asked, rng, None)
        where = {id(person): i for i, person in enumerate(people)}
        rows = []
        for rnd in made.rounds:
            row = [0] * len(people)
            for g, group in enumerate(rnd.groups):
                for member in group.members:
                    row[where[id(member)]] = g
            rows.append(row)
        return rows

    lighter = replace(request, effort=request.effort * SHADOW_EFFORT)
    rows = shadowed_rows(setup, split_base)
    if rows is None:
        return search
    other = searched_plan(setup, problem, rows, lighter, rng, loose, [])
    return other if _costs(other) < _costs(search) else search


def _settled(search: Search) -> bool:
    """Whether no split can cost less: balanced, and no more repeats than the floor."""
    return not search.balance_cost() and search.repeat_cost() <= search.repeat_floor()


def _costs(search: Search) -> tuple[int, int, int]:
    return search.apart_violations(), search.balance_cost(), search.repeat_cost()


def _result(
    setup: Setup, search: Search, request: SplitRequest, seed: int | None, names: list[list[str]]
) -> Split:
    people = setup.people
    rounds: list[Round] = []
    before: dict[int, int] = {}  # the room (its place) in the round before of those who stay
    rows = [list(row) for row in search.grp]
    stays, stay_notes = stay_put(setup, rows, len(names))
    for r, row in enumerate(rows):
        members: list[list[int]] = [[] for _ in range(setup.groups)]
        for p, g in enumerate(row):
            members[g].append(p)
        order = list(range(setup.groups))
        if r >= len(names):
            order.sort(key=lambda g: (-len(members[g]), members[g][0] if members[g] else 0))
            order = facilitators_stay(order, members, before)
        before = {p: at for at, g in enumerate(order) for p in members[g] if p in stays}
        groups: list[Group] = []
        for position, g in enumerate(order):
            listed = sorted(members[g], key=lambda p: (not setup.facilitator[p], p not in stays, p))
            name = names[r][g] if r < len(names) else f"Room {position + 1}"
            groups.append(
                Group(
                    name,
                    tuple(people[p] for p in listed),
                    tuple(people[p] for p in listed if setup.facilitator[p]),
                )
            )
        rounds.append(Round(round_number(request.previous, r), tuple(groups)))
    score = check_split(rounds, setup, request.previous)
    notes = [*setup.notes, *stay_notes]
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
