"""The search from a start: split.py's engine once a start is made.

`searched_plan` runs the tabu search (search.py) from a start with a budget fitted to the
split's size and start, carries it on where it left counts out of band, starts again from
a design kept only with few counts out when a design kept loosely was not mended (`loose`,
fit_rules), runs it more while a pair kept apart shares a group, and then, for up to
ANNEAL_PEOPLE people (ANNEAL_LARGE over few rounds) without --together or --previous,
anneals it (anneal.py): an annealing that may pass through broken constraints but keeps
only schedules that hold them.
"""

from __future__ import annotations

import random
from dataclasses import replace

from liftkit.core.groups.anneal import anneal, annealable, pairs_only
from liftkit.core.groups.greedy import add_meetings, meetings, take_meetings
from liftkit.core.groups.mend import mend_balance
from liftkit.core.groups.model import SplitRequest
from liftkit.core.groups.plexes import any_exact
from liftkit.core.groups.search import Problem, Search
from liftkit.core.groups.setup import Setup
from liftkit.core.groups.start import REPAIRABLE, start_schedule

BASE_BUDGET = 300_000  # candidate swaps weighed by the search at effort 1 (about 1 s)
FULL_BUDGET_SIZE = 3  # groups of up to this size get the whole budget
FULL_BUDGET_ROUNDS = 30  # and so do up to this many rounds

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
ANNEAL_MOST = 400_000  # steps, at most: a step costs 2 us or more in groups of any size


def fit_rules(problem: Problem, rounds: int, size: int) -> tuple[bool, int]:
    """Whether a design far out of band is tried first (`loose`: up to LOOSE_ROUNDS rounds,
    one --balance column or groups of LOOSE_COLUMNS_SIZE), and the counts out of band a
    design's start may keep (one per so many groups: start.REPAIRABLE, or LOOSE_REPAIRABLE,
    LOOSE_COLUMNS with several columns none with exact counts)."""
    loose = rounds <= LOOSE_ROUNDS and (len(problem.columns) < 2 or size >= LOOSE_COLUMNS_SIZE)
    exact = any_exact(problem)
    repairable = LOOSE_REPAIRABLE if len(problem.columns) < 2 or exact else LOOSE_COLUMNS
    return loose, repairable if loose else REPAIRABLE


def searched_plan(setup: Setup, problem: Problem, schedule: list[list[int]],
                  request: SplitRequest, rng: random.Random, loose: bool,
                  previous_rounds: list[list[int]]) -> Search:  # fmt: skip
    """The search run from `schedule` (its rounds, `previous_rounds` kept first), carried
    on, started again and annealed as the module says; pairs kept apart may still share a
    group (split.py refuses the split then)."""
    rounds, size = len(schedule), -(-len(setup.people) // setup.groups)
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
    if search.balance_cost():
        search = _mended(setup, problem, search, rng, len(previous_rounds))
    if _worth_annealing(problem, search):
        budget = ANNEAL_BUDGET if pairs_only(problem) else ANNEAL_BALANCED
        # Pairs and trios would get more steps than fours, each not much cheaper: 34
        # people in pairs for 26 rounds, balanced on two columns, annealed 1.8 s at
        # 800,000 steps, 0.9 s at 400,000 for the same 68 repeats
        steps = min(int(budget * request.effort) // size, int(ANNEAL_MOST * request.effort))
        found = anneal(problem, search.grp, rng, steps, search.floor)
        if found is not None:
            search = Search(problem, found, rng)
    return search


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


def _mended(setup: Setup, problem: Problem, search: Search, rng: random.Random,
            kept: int) -> Search:  # fmt: skip
    """The search's schedule with each round that has a count out of band mended by
    mend.py's swaps and walk, weighing repeats against every other round (not the first
    `kept`, nor rounds with rooms to stay in), if that leaves fewer counts out.

    A design kept with counts out of band for the search to mend, when its budget runs out
    first: 272 people at 19 tables for 21 rounds, an organisation of 15 among 257 of
    another (transversal rows kept with 24 counts out; carried on, 5 left), ended with two
    of the 15 at a table that may hold one. Balance comes before repeats, so a round is
    mended at their cost (2,377 -> 2,482 repeats there).
    """
    n = problem.people
    grp = [row[:] for row in search.grp]
    meet = meetings(grp, n)
    for p, met in enumerate(problem.prior or ()):
        for q, m in met.items():
            meet[p][q] = meet[p].get(q, 0) + m
    for r in range(kept, len(grp)):
        if problem.homes[r] is not None or not _out_of_band(problem, search, r):
            continue
        row = grp[r]
        take_meetings(meet, row)
        members: list[list[int]] = [[] for _ in range(setup.groups)]
        for p, g in enumerate(row):
            members[g].append(p)
        mend_balance(setup, problem, members, row, meet, rng)
        add_meetings(meet, row)
    mended = Search(problem, grp, rng)
    before = (search.apart_violations(), search.balance_cost())
    return mended if (mended.apart_violations(), mended.balance_cost()) < before else search


def _out_of_band(problem: Problem, search: Search, r: int) -> bool:
    """Whether some count of round r is out of its band."""
    return any(
        not low <= count <= high
        for c, per_round in enumerate(search.counts)
        for table in per_round[r]
        for count, (low, high) in zip(table, problem.bands[c], strict=True)
    )
