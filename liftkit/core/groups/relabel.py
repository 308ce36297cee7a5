"""Constraints on top of a design: choose who takes which point, so that they hold.

A design's rounds have no repeated pair whoever stands on which point, so the points
can be handed out freely. Swapping two people's points changes nothing about repeats and
only moves constraints: a local search over such swaps settles --apart, --balance and
the spread of facilitators before any group is touched, and the main search then repairs
whatever is left (at the price of a repeat where it must).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from liftkit.core.groups.colouring import Colouring
from liftkit.core.groups.search import Problem
from liftkit.core.groups.setup import Setup

WEIGHT = 8  # an apart pair or a facilitator out of place, against one balance step
STALL = 3_000  # swaps tried without a better labelling before giving up
REFRESH = 32  # swaps tried between two listings of the groups at fault


class _Labels:
    def __init__(self, setup: Setup, problem: Problem, rounds: Sequence[Sequence[Sequence[int]]],
                 order: list[int]) -> None:  # fmt: skip
        self.setup, self.pb = setup, problem
        self.n = len(setup.people)
        # the counts per round, group and value, kept under swaps (colouring.py)
        self.colouring = Colouring(problem, rounds, order)
        self.rounds, self.where = self.colouring.rounds, self.colouring.where
        self.order = self.colouring.order  # point -> person
        k = problem.groups
        total = sum(setup.facilitator)
        self.facilitators = (total // k, -(-total // k))
        self.any_apart = any(problem.apart)
        self.lows = [sum(low for low, _ in bands) for bands in problem.bands]
        # and the facilitators of each group, so that a swap is weighed without a recount
        self.leads = [[0] * len(groups) for groups in self.rounds]
        for r, groups in enumerate(self.rounds):
            for g, group in enumerate(groups):
                self.leads[r][g] = sum(setup.facilitator[order[x]] for x in group)

    def group_cost(self, r: int, g: int) -> int:
        people = [self.order[x] for x in self.rounds[r][g]]
        pb, cost = self.pb, 0
        if self.any_apart:
            inside = set(people)
            for p in people:
                cost += WEIGHT * sum(1 for q in pb.apart[p] if q in inside and q > p)
        if self.facilitators[1]:
            count = sum(self.setup.facilitator[p] for p in people)
            low, high = self.facilitators
            cost += WEIGHT * (max(0, count - high) + max(0, low - count))
        for c, values in enumerate(pb.columns):
            counts: dict[int, int] = {}
            for p in people:
                counts[values[p]] = counts.get(values[p], 0) + 1
            bands = pb.bands[c]
            # every value short of its low end when absent, then the values present
            off = self.lows[c]
            for v, count in counts.items():
                low, high = bands[v]
                off += max(0, count - high) + max(0, low - count) - low
            cost += pb.column_weights[c] * off
        return cost

    def change(self, x: int, y: int) -> int:
        """What swapping the people on points x and y changes in the groups' costs: the
        sum of group_cost over the groups they are in, after less before."""
        px, py = self.order[x], self.order[y]
        total = self.colouring.balance_change(x, y)
        if self.pb.apart[px] or self.pb.apart[py]:
            total += WEIGHT * self.colouring.apart_change(x, y)
        lead = self.setup.facilitator[py] - self.setup.facilitator[px]  # into x's group
        low, high = self.facilitators
        if lead and high:
            for r, where in enumerate(self.where):
                gx, gy = where[x], where[y]
                if gx == gy:
                    continue
                for g, step in ((gx, lead), (gy, -lead)):
                    before, after = self.leads[r][g], self.leads[r][g] + step
                    total += WEIGHT * (
                        max(0, after - high)
                        + max(0, low - after)
                        - max(0, before - high)
                        - max(0, low - before)
                    )
        return total

    def swap(self, x: int, y: int) -> None:
        px, py = self.order[x], self.order[y]
        lead = self.setup.facilitator[py] - self.setup.facilitator[px]
        if lead:
            for r, where in enumerate(self.where):
                self.leads[r][where[x]] += lead
                self.leads[r][where[y]] -= lead
        self.colouring.swap(x, y)

    def touched(self, x: int, y: int) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for r, where in enumerate(self.where):
            for g in {where[x], where[y]}:
                found.append((r, g))
        return found


def relabel(
    setup: Setup,
    problem: Problem,
    rounds: Sequence[Sequence[Sequence[int]]],
    order: list[int],
    rng: random.Random,
    budget: int,
    classes: Sequence[int] = (),
) -> list[int]:
    """A better `order` (point -> person) for the constraints; the design is untouched.
    With `classes` (each point's class), people are swapped only within a class: the
    rooms of a round that took place, laid on a round of the design (after_held.py)."""
    if not (any(problem.apart) or problem.columns or any(setup.facilitator)):
        return order
    labels = _Labels(setup, problem, rounds, order[:])
    n = labels.n
    in_class: dict[int, list[int]] = {}
    for x, c in enumerate(classes):
        in_class.setdefault(c, []).append(x)
    cost = {(r, g): labels.group_cost(r, g)
            for r, groups in enumerate(labels.rounds) for g in range(len(groups))}  # fmt: skip
    total = sum(cost.values())
    best, best_total, last_best = labels.order[:], total, 0
    bad: list[tuple[int, int]] = []
    for step in range(budget):
        if step - last_best > STALL:
            break  # what is left is likely beyond relabelling: the search repairs it
        if step % REFRESH == 0 or not bad:  # a pass over every group, so not every step
            bad = [key for key, value in cost.items() if value]
            if not bad:
                break
        pick = rng.randrange(len(bad))
        r, g = bad[pick]
        if not cost[r, g]:  # mended since it was listed
            bad[pick] = bad[-1]
            bad.pop()
            continue
        members = labels.rounds[r][g]
        if not members:
            break
        x = members[rng.randrange(len(members))]
        if classes:
            y = rng.choice(in_class[classes[x]])
        elif rng.randrange(2):
            y = rng.randrange(n)  # anyone, or someone from another group in trouble
        else:
            other = labels.rounds[r][bad[rng.randrange(len(bad))][1]]
            y = other[rng.randrange(len(other))] if other else x
        if labels.where[r][y] == g:
            continue
        change = labels.change(x, y)
        # Sideways moves too: the plateaus are wide.
        if change <= 0:
            labels.swap(x, y)
            for key in labels.touched(x, y):
                cost[key] = labels.group_cost(*key)
            total += change
            if total < best_total:
                best, best_total, last_best = labels.order[:], total, step
    return best
