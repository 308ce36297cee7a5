"""Starting schedules: kept rounds, a zero-repeat construction, or a greedy round."""

from __future__ import annotations

import random
from typing import TypeGuard

from liftkit.core.groups.balance import (
    balance_points,
    column_first,
    first_column_fits,
    settle_large,
)
from liftkit.core.groups.cliques import cannot_balance, packed_order
from liftkit.core.groups.colouring import Colouring, balance_penalty
from liftkit.core.groups.designs import (
    Design,
    best_design,
    leading_rows,
    transversal_rows,
    twinned_design,
)
from liftkit.core.groups.fifth import FIFTH, shared_pair, spread_fits
from liftkit.core.groups.greedy import add_meetings, greedy_round, meetings
from liftkit.core.groups.plexes import (
    Plexes,
    any_exact,
    colour_on_plexes,
    exact_counts,
    exact_in,
)
from liftkit.core.groups.points import design_row, even_out, layout, rows_apart, unmet_pairs
from liftkit.core.groups.relabel import relabel
from liftkit.core.groups.search import Problem
from liftkit.core.groups.setup import Setup, with_facilitators

RELABEL_BUDGET = 20_000  # swaps of two people's points tried
BALANCE_BUDGET = 600_000  # swaps weighed, times rounds, by the balance colouring
ROWS_SHARE = 4  # rows are balanced at once or not at all: a quarter of the effort
MANY_COLUMNS_SHARE = 4  # several --balance columns that tabu.py cannot colour rarely settle
REPAIRABLE = 8  # a design kept with one count out of band per this many of its groups, at most
FAR_OFF = 2  # and none of them more than this out of its band
SHARED_SHARE = 2  # of the effort for the second pair of Latin squares, without exact values
FIT_ROUNDS = 12  # rounds up to which a design's fit gets the whole effort (_fit_effort)
HOPELESS = 4  # times the counts out of band _repairable allows: no other column first


def start_schedule(
    setup: Setup,
    problem: Problem,
    rounds: int,
    previous_rounds: list[list[int]],
    rng: random.Random,
    effort: float = 1.0,
    repairable: int = REPAIRABLE,
) -> list[list[int]]:
    """Kept rounds first, then a zero-repeat construction where one fits, then greedy
    (a design is kept with up to one count out of band per `repairable` groups). After
    meetings that took place (`problem.prior`, held.py), greedy rounds that avoid them."""
    n = len(setup.people)
    schedule: list[list[int]] = [row[:] for row in previous_rounds]
    blocks = any(len(unit) > 1 for unit in setup.units)
    if not schedule and problem.prior is None and not blocks and rounds > 1 and n >= 4:
        coloured = with_facilitators(setup, problem)  # who stands where: facilitators too
        # A value of exact counts (an organisation of 10 at 10 tables) is laid on the second
        # pair's transversals and plexes (_shared_fit), which a design with a fifth round to
        # spare (fifth.py) is not offered: without that design, four mixes of 92 to 100
        # people with organisations of 10, seeds 1-2, 218 repeats where 224 with it.
        fifth = not any_exact(coloured)
        leads = sum(setup.facilitator) == setup.groups  # one in each group
        design = leading_rows(n, setup.groups, rounds) if leads and not setup.columns else None
        design = design or best_design(n, setup.groups, rounds, rng, effort, fifth, leads)
        if n > setup.groups**2 and (design is None or len(design.rounds) < rounds):
            one_column = len(problem.columns) == 1
            ones = set(exact_counts(coloured)) == {1}  # facilitators at every table
            design = twinned_design(n, setup.groups, rounds, rng, effort, one_column, fifth,
                                    ones) or design  # fmt: skip
        fitted = None
        fit_effort = _fit_effort(effort, rounds, len(coloured.columns))
        if len(problem.columns) > 1 and _first_pair(design) and _two_or_more(problem):
            # Several --balance columns, one with a value of exactly two or more a group
            # (100 people at 10 tables, an organisation of 20 and a region of 30): the
            # second pair first, which lays that value on its plexes. In the 16 such
            # splits of bench/groups.py --mixes (seeds 1-4) it kept every round, with
            # fewer counts out than the first pair (which kept none in 14 of them), whose
            # fit cost 0.2-0.45 s of the slowest; 1,963 -> 1,942 repeats in the 80
            # two-column splits. An organisation of 10 (one a table) settles on the first
            # pair. With one column the first pair still goes first: the second first cost
            # 40 mixes with facilitators and keep-apart sets 1,280 -> 1,493 repeats.
            fitted = _shared_fit(setup, coloured, rounds, rng, fit_effort, 0, repairable)
            if fitted is not None and len(fitted[2]) >= min(rounds, len(design.rounds)):
                design = fitted[0]
            else:
                fitted = None
        if fitted is None:
            spread = [(1, x) for x in design.spread] if design and any_exact(coloured) else []
            fitted = _fit(setup, coloured, design, rounds, rng, fit_effort, repairable=repairable,
                          plexes=spread)  # fmt: skip
            if _shared_pair_may_do_better(coloured, design, fitted, rounds):
                # worth it only for more rounds than the first pair kept, which any fit has
                other = _shared_fit(setup, coloured, rounds, rng, fit_effort,
                                    _kept(fitted, coloured) + 1, repairable)  # fmt: skip
                if other is not None and _worth(coloured, other) > _worth(coloured, fitted):
                    fitted, design = other, other[0]
        if design is not None and rounds - 1 <= design.plain > _kept(fitted, coloured):
            # a filled design whose filling takes no fit: its base alone, where it leaves one
            # round (145 people of six sectors in 17 rooms for 18: 1,806 -> 572 repeats; 132
            # in 41 rooms for 45, 421 in 1.3 s without it, 433 in 2.4 s with it)
            other = _fit(setup, coloured, design.base(), rounds, rng, fit_effort,
                         repairable=repairable)  # fmt: skip
            if other is not None and _worth(coloured, other) > _worth(coloured, fitted):
                fitted, design = other, other[0]
        if _rows_may_do_better(setup, coloured, design, fitted, rounds):
            # The design cannot take the constraints on all its rounds (120 people of six
            # organisations, 20 of each, in 20 rooms for 12 rounds: one of each a room). Rows
            # give every group one point of each row in every round, so a value laid on
            # whole rows is spread evenly by construction.
            rows = transversal_rows(n, setup.groups, rounds)
            if rows is not None and _rows_may_balance(setup, coloured, rows, rounds, rng):
                other = _fit(setup, coloured, rows, rounds, rng, fit_effort / ROWS_SHARE,
                             strict=True, repairable=repairable)  # fmt: skip
                if other is not None and _worth(coloured, other) > _worth(coloured, fitted):
                    fitted = other
        if fitted is not None:
            design, order, used = fitted
            if len(used) == len(design.rounds) and not coloured.never:  # every round, untrimmed
                used = used + design.spare[: rounds - len(used)]  # evened out below
            for design_round in used:
                row = design_row(design_round, order, n)
                schedule.append(even_out(setup, row, schedule))
    meet = meetings(schedule, n) if len(schedule) < rounds else []
    if meet and problem.prior:
        for p, met in enumerate(problem.prior):
            for q, m in met.items():
                meet[p][q] = meet[p].get(q, 0) + m
    while len(schedule) < rounds:
        row = greedy_round(setup, problem, schedule, meet, rng)
        schedule.append(row)
        add_meetings(meet, row)
    return schedule


Fitted = tuple[Design, list[int], list[list[list[int]]]]  # design, point -> person, rounds


def _fit_effort(effort: float, rounds: int, columns: int) -> float:
    """The effort of a design's fit: less beyond FIT_ROUNDS rounds, where each step weighs
    more rounds and a fit seldom settles (of 42 fits that took 0.3 s or more in 120 splits
    of 30 to 150 people balanced on one or two columns over 12 to 40 rounds, 28 kept no
    round of the design). Those 120 splits, side by side with the annealing's steps capped
    too (plan.ANNEAL_MOST): 101.1 -> 95.3 s in all, 139,704 -> 139,913 repeats (+0.15 %);
    67 people in pairs for 39 rounds with facilitators, 2.3 -> 1.4 s. Several columns (with
    facilitators'), its square: 7 of 74 such fits kept a round (bench/random_splits.py 1-3)."""
    return effort * min(1.0, FIT_ROUNDS / rounds) ** (2 if columns > 1 else 1)


def _fit(setup: Setup, problem: Problem, design: Design | None, rounds: int,
         rng: random.Random, effort: float, strict: bool = False,
         least: int = 0, plexes: Plexes = (),
         repairable: int = REPAIRABLE) -> Fitted | None:  # fmt: skip
    """The design's rounds that take the constraints, and who stands on which point
    (`strict`: only if they all hold on every round kept; `least`: no fewer rounds than
    this are worth a try; `plexes`: sets of points that meet every group of every round
    equally often, for values that must be exactly so many a group)."""
    n = len(setup.people)
    used = design.rounds[:rounds] if design is not None else []
    if design is not None and design.name.endswith(FIFTH):
        # The fifth round's few repeats are worth keeping in balance too: taken with the
        # four, 100 people at 10 tables for 5 rounds, balanced on six sectors with keep-apart
        # sets on a fifth, seeds 1-4, 30 repeats at worst where a greedy fifth round left 65.
        used = (design.rounds + design.spare)[:rounds]
    if design is None or not used or problem.never > unmet_pairs(used, n):
        # The design meets pairs the constraints keep apart (two of a balanced value, or
        # an apart set): greedy rounds, which hold the constraints, and the search do as
        # well on small lists and far better on large ones (65 in fives for 16 rounds,
        # balanced, ended with four of a value in a group from the design).
        return None
    order, used = _balanced(setup, problem, used, design.points, rng, effort, least, plexes,
                            repairable)  # fmt: skip
    if not used or (strict and balance_penalty(problem, used, order)):
        return None
    order = relabel(setup, problem, used, order, rng, int(RELABEL_BUDGET * effort))
    return design, order, used


def _shared_fit(setup: Setup, problem: Problem, rounds: int, rng: random.Random,
                effort: float, least: int, repairable: int) -> Fitted | None:  # fmt: skip
    """The fit of the second pair of Latin squares of order 10: four common transversals
    and two common 3-plexes, on which values of 10 m people are m at every table by
    construction (with a fifth round for values of one a table: fifth.shared_pair).
    Without a value of exact counts it gets SHARED_SHARE less effort."""
    made, plexes = shared_pair(len(setup.people), setup.groups, rounds, exact_counts(problem))
    share = 1 if any_exact(problem) else SHARED_SHARE
    return _fit(setup, problem, Design(*made) if made else None, rounds, rng, effort / share,
                least=least, plexes=plexes, repairable=repairable)  # fmt: skip


def _first_pair(design: Design | None) -> TypeGuard[Design]:
    """Whether the design is the first pair of Latin squares of order 10 (the rows,
    columns and symbols, or the tables, of mols.py's MOLS_10), which the second may beat."""
    return design is not None and design.name.endswith("two orthogonal Latin squares of order 10")


def _shared_pair_may_do_better(problem: Problem, design: Design | None,
                                fitted: Fitted | None, rounds: int) -> bool:  # fmt: skip
    """Whether the pair of Latin squares sharing common transversals is worth a try: balance
    held on fewer of the first pair's rounds than were asked for (or on all of them but a
    few counts, left to the search; the pair with fewer such counts is kept), and some
    value must be exactly so many at every table (an organisation of 10 at 10 tables must
    stand on a common transversal, which the first pair lacks), or there is one --balance
    column. Its cells fall into plexes (geometry.SHARED_PLEXES) on which such values are
    laid whole and the others start (plexes.on_plexes). Without an exact value it gets half
    the effort: 100 people of 22/21/16/14/14/13, which the first pair left with 45 and 49
    repeats for seeds 1 and 4, get none; where it fails too (39/19/19/14/9) it costs 0.3 s
    more. With two columns it is tried only for an exact value, as before. For five rounds
    or more with a facilitator a table, it may keep one round more than the first pair has
    (fifth.spread_fits)."""
    if not _first_pair(design):
        return False
    one_column = len(problem.columns) == 1
    wanted = min(rounds, len(design.rounds))
    exact = exact_counts(problem)
    if exact and spread_fits(len(problem.columns[0]), len(design.rounds[0]), rounds, exact):
        wanted = rounds  # with a fifth round that keeps a common transversal (fifth.py)
    return (any_exact(problem) or one_column) and _kept(fitted, problem) < wanted


def _two_or_more(problem: Problem) -> bool:
    """Whether some --balance value must be exactly two or more in every group."""
    return any(low == high >= 2 for bands in problem.bands for low, high in bands)


def _kept(fitted: Fitted | None, problem: Problem) -> int:
    """How many of its design's rounds a fit keeps in band: one fewer when some count is
    left for the search to mend (_repairable)."""
    rounds, out = _worth(problem, fitted)
    return rounds - (out < 0)


def _worth(problem: Problem, fitted: Fitted | None) -> tuple[int, int]:
    """A fit's rounds, then how little is left out of band: more is better. A fit is kept
    only with few counts out (_repairable), and those cost the search a few repeats, a
    round left to greedy rounds many: 100 people of eight organisations and four regions
    at 10 tables, keep-apart sets, 4-6 repeats where three settled rounds preferred to
    four with one count out left 51-70; 100 people of 40 organisation mixes with a
    facilitator at each of 10 tables, drawn at random (bench/groups.py --mixes, seeds
    1-2), 662 repeats where those preferred to four with two counts out or more left
    1,065 (647 and 958 with keep-apart sets as well), and no other split measured changed."""
    if fitted is None:
        return (0, 0)
    _, order, used = fitted
    return (len(used), -balance_penalty(problem, used, order))


def _rows_may_do_better(setup: Setup, problem: Problem, design: Design | None,
                        fitted: Fitted | None, rounds: int) -> bool:  # fmt: skip
    """Whether the constraints cost the design rounds that transversal rows might keep."""
    if not setup.values or design is None or design.name.startswith(("transversal", "cyclic rows")):
        return False
    return fitted is None or _kept(fitted, problem) < min(rounds, len(design.rounds))


def _rows_may_balance(setup: Setup, problem: Problem, rows: Design, rounds: int,
                      rng: random.Random) -> bool:  # fmt: skip
    """Whether rows are worth a search: with one --balance column and nobody kept apart,
    only if the values laid on whole rows are in band at once (30 people of six
    organisations, 5 each, in 6 rooms: they are not, and the search cost 0.4 s in vain)."""
    if cannot_balance(problem, rows.rounds[:rounds], setup.groups):
        return False
    if len(problem.columns) > 1 or any(problem.apart):
        return True
    order = layout(setup, rows.points, rng, True)
    return balance_penalty(problem, rows.rounds[:rounds], order) == 0


def _balanced(setup: Setup, problem: Problem, used: list[list[list[int]]], points: int,
              rng: random.Random, effort: float, least: int = 0, plexes: Plexes = (),
              repairable: int = REPAIRABLE) -> tuple[list[int], list[list[list[int]]]]:  # fmt: skip
    """(order, rounds): the design's points handed out so that --balance and --apart hold.

    When some round breaks the layout's rows (a row's points not one a group, as in the last
    round of an orthogonal array's tables), every round is tried first (with a quarter of the
    budget when the layout alone settles at least two rounds); if it ends a few counts short
    (_repairable), every round is kept and the search mends them (100 people of
    39/19/19/14/9 at 10 tables: 8 repeats, where three settled rounds and a greedy fourth
    left 47-50). Otherwise all but the last are tried, then the rounds before the first
    such round, each with a quarter; if none settles, no design round is kept, so balance
    is never traded for a design (the greedy rounds and the search hold it). Each try
    starts from the packing of one-a-room values on points that never meet (cliques.py); a
    try that packing proves hopeless is skipped, and its budget goes to the next. When
    every round keeps the rows, all of them are tried once (and with several --balance
    columns, again with each column of exact counts first and laid on whole rows), and
    kept only if the search can mend what is left out of band. Tries of fewer than `least`
    rounds are skipped. With `plexes`, the try of every round starts with values laid on
    them (plexes.colour_on_plexes: a column with values of exact counts first, then the
    other), those of exact counts pinned.
    """
    budget = int(BALANCE_BUDGET * effort)
    if len(problem.columns) > 1 and not first_column_fits(problem):
        # Every value of every column within its band on the design's points, by descents
        # (balance.py): in trials (nine splits of 40 to 150 people balanced on organisation
        # and sector, two seeds) this settled once, three rounds of 100 at 10 tables; the
        # rest was spent in vain, 0.8-1.3 s, before greedy rounds and the search held both
        # columns. When tabu.py can colour the first column, it takes them one by one.
        budget //= MANY_COLUMNS_SHARE
    k = setup.groups
    easy = next((r for r, groups in enumerate(used) if not rows_apart([groups], k)), len(used))
    order = layout(setup, points, rng, easy == len(used))
    if easy == len(used) or not (problem.columns or any(problem.apart)):
        laid, order = order, balance_points(problem, used, order, rng, budget)
        lightest, groups = min(problem.column_weights, default=1), sum(map(len, used))
        for c in range(1, len(problem.columns)):
            moved = column_first(problem, c)
            if not exact_in(problem, c) or not first_column_fits(moved):
                continue
            left = balance_penalty(problem, used, order)
            if not left or left // lightest * repairable > HOPELESS * groups:
                # Of 42 fits tried more than once in bench/random_splits.py (seeds 1-2), none
                # settled or came within _repairable after 2.5 times: 0.03-0.22 s in vain.
                break
            # A column of exact counts first, laid on whole rows, where the first column
            # left it out of band: 120 people at 12 tables of five organisations and
            # regions of 60, 36 and 24 (exactly 5, 3 and 2 a table), 0 repeats, 63-64
            # the other way round
            laid = layout(setup, points, rng, easy == len(used), problem.columns[c])
            tried = balance_points(moved, used, laid, rng, budget // 2)
            if balance_penalty(problem, used, tried) < left:
                order = tried
        if balance_penalty(problem, used, order):
            order = _settled_large(problem, used, laid, budget, effort) or order
        return order, used if _repairable(problem, used, order, repairable) else []
    counts = [len(used)] + [s for s in sorted({len(used) - 1, easy}, reverse=True) if s >= 2]
    counts = [count for count in counts if count >= least]
    spare = 0  # the budget of a try proven hopeless goes to the next
    for count in counts:
        if count < len(used):
            order = layout(setup, points, rng, rows_apart(used[:count], k))
        share = budget if count == len(used) and easy < 2 else budget // 4
        start = packed_order(problem, used[:count], order)
        if start is None:
            spare += share
            continue
        if plexes and count == len(used):
            tried = colour_on_plexes(problem, used, start, rng, share + spare, plexes)
        else:
            tried = balance_points(problem, used[:count], start, rng, share + spare)
        if balance_penalty(problem, used[:count], tried) == 0:
            return tried, used[:count]
        if count == len(used) and not plexes:
            large = _settled_large(problem, used, start, budget, effort)
            if large is not None:
                return large, used
        if count == len(used) and _repairable(problem, used, tried, repairable):
            return tried, used
        spare = 0
    return order, []


def _settled_large(problem: Problem, used: list[list[list[int]]], order: list[int],
                   budget: int, effort: float) -> list[int] | None:  # fmt: skip
    """balance.settle_large's colouring where it settles the design, else None. It is tried
    wherever the descents leave counts out, not only where the design would be given up:
    1,000 people balanced on organisation alone at 34 tables for 4 rounds were kept a few
    counts out, and the search left 12 and 185 repeats (seeds 1-2), 0 now. One a few
    counts out, kept for the search to mend, cost time for little (1,000 people at 34
    tables for 5 and 6 rounds: the search left a count, and the start again took the
    command from 3 s to 6 s, for 1,808 repeats rather than 1,841). Only at the whole
    effort: the tries at a part of it (a design of rows, a start again) settled none in
    trials and cost up to 0.6 s each."""
    if effort < 1:
        return None
    found = settle_large(problem, used, order[:], budget)
    return found if found is not None and not balance_penalty(problem, used, found) else None


def _repairable(problem: Problem, used: list[list[list[int]]], order: list[int],
                per: int = REPAIRABLE) -> bool:  # fmt: skip
    """Whether the search can be left to mend what the colouring left out of band.

    A few counts out of band are mended by a few swaps (80 people of six sectors at 10
    tables for 5 rounds: 5 counts in 50 groups, 0 repeats after the search; greedy rounds
    instead, 61). Many are not: 100 people at 13 tables for 4 rounds, balanced on eight
    organisations and four sectors, 34-50 counts in 52 groups: the search left 54-62
    repeats and three of a sector at a table that may hold two, where greedy rounds, which
    hold the balance, and the search left 7-12 repeats. Nor are counts far out of band, or
    one in every few groups: 125 people of six sectors in fives for 20 rounds (AG(3,5)),
    15 counts out in 500 groups but five of one sector in a group, ended with four of a
    sector together, and 64 in fours for 15 rounds, 32 counts in 240 groups, with three;
    greedy rounds keep them within one (447 and 130 repeats). Two out is mended: eight
    organisations in proportion, 125 in fives for 20 rounds, 23-25 repeats.
    """
    lightest = min(problem.column_weights, default=1)
    off = balance_penalty(problem, used, order) // lightest
    colouring = Colouring(problem, used, order)
    far = any(
        colouring.penalty(c, v, colouring.counts[c][r][g][v]) > FAR_OFF
        for c, r, g, v in colouring.out_of_band()
    )
    return not far and off * per <= sum(len(groups) for groups in used)
