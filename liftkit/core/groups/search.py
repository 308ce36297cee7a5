"""Local search over swaps: fewer repeated meetings, balanced attributes, hard constraints.

The state is a schedule (each person's group in each round). A move swaps two units (a
person, or a block of people kept together) of the same kind (size and number of
facilitators) between two groups of one round, so group sizes and the facilitators in each
group never change: the starting schedule fixes them.

The cost is an integer sum, so that no floating point can make two machines differ:
  apart pairs in one group         x APART_WEIGHT  (hard; the result is refused if any remain)
  people moved from their room     x STAY_WEIGHT   (rounds kept from --previous)
  attribute counts outside band    x BALANCE_WEIGHT x the column's weight (2 for the last
                                     --balance column, doubling towards the first); one step
                                     outweighs what any swap can change in repeats: balance
                                     comes before repeats
  sum over pairs of C(meetings, 2) x 1             (a pair meeting twice costs 1, thrice 3)

Two methods share the budget. Tabu search: pick a person in conflict in some round, weigh
swapping their unit with every unit of the same kind in the other groups of that round (a
sample when groups are many), make the best move that is not tabu (one that beats the best
schedule so far is always allowed); stalls restart from the best with a few random swaps.
Late acceptance: random swaps for people in conflict, kept when no worse than the cost of a
while ago. The budget counts weighed swaps, never time, so the same seed gives the same
result on every machine.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul

from liftkit.core.groups.bounds import crowded_floor
from liftkit.core.groups.strategies import NONE, late_acceptance, tabu

APART_WEIGHT = 100_000_000
STAY_WEIGHT = 1_000_000
BALANCE_WEIGHT = 500  # per unit of the column's weight; a swap moves repeats by far less


@dataclass
class Problem:
    """Everything the search needs, in plain integers."""

    people: int
    groups: int
    units: list[list[int]]  # blocks of people kept together (singletons for everyone else)
    kinds: list[tuple[int, int]]  # per unit: (size, facilitators)
    apart: list[list[int]]  # per person: the people they must not share a group with
    columns: list[list[int]]  # per balance column: each person's value id
    bands: list[list[tuple[int, int]]]  # per column, per value id: (low, high) per group
    column_weights: list[int]
    homes: list[list[int] | None]  # per round: each person's room to stay in, -1 for none
    never: int = 0  # pairs that balance and apart keep out of every group (bounds.never_meet)
    # Meetings before these rounds, per person: whom they met how often (held.py's rounds)
    prior: list[dict[int, int]] | None = None


class Search:
    def __init__(self, problem: Problem, schedule: list[list[int]], rng: random.Random) -> None:
        self.pb = problem
        self.rng = rng
        self.rounds = len(schedule)
        n, k = problem.people, problem.groups
        self.unit_of = [0] * n
        for u, members in enumerate(problem.units):
            for p in members:
                self.unit_of[p] = u
        self.grp = [row[:] for row in schedule]
        self.mem: list[list[list[int]]] = []
        for row in self.grp:
            groups: list[list[int]] = [[] for _ in range(k)]
            for p in range(n):
                groups[row[p]].append(p)
            self.mem.append(groups)
        # Each person's meetings (held rounds' first), counted in C, in the order pairs gave
        self.meet = []
        unit_of, mem, grp = self.unit_of, self.mem, self.grp
        for p, met in enumerate(problem.prior or [{} for _ in range(n)]):
            mine = unit_of[p]
            counted = Counter({q: m for q, m in met.items() if unit_of[q] != mine})
            counted.update(
                [q for r in range(self.rounds) for q in mem[r][grp[r][p]] if unit_of[q] != mine]
            )
            self.meet.append(dict(counted))
        self.counts: list[list[list[list[int]]]] = []  # column -> round -> group -> value
        for c, values in enumerate(problem.columns):
            per_round = []
            for r in range(self.rounds):
                table = [[0] * len(problem.bands[c]) for _ in range(k)]
                for p in range(n):
                    table[self.grp[r][p]][values[p]] += 1
                per_round.append(table)
            self.counts.append(per_round)
        # short[c][r][g]: how many values of column c are below their band in group g
        self.short = [
            [[self._shortage(c, r, g) for g in range(k)] for r in range(self.rounds)]
            for c in range(len(problem.columns))
        ]
        self.weights = [BALANCE_WEIGHT * w for w in problem.column_weights]
        # per --balance column: each person's value, the bands, the counts, the weight
        self.balanced = list(zip(problem.columns, problem.bands, self.counts, self.weights,
                                 strict=True))  # fmt: skip
        self.cost = self.total_cost()
        self.crowded = self.crowded_floor()
        self.floor = self.repeat_floor()
        self.constrained = bool(
            problem.columns or any(problem.apart) or any(h is not None for h in problem.homes)
        )

    # --- cost ---------------------------------------------------------------------------

    def repeat_cost(self) -> int:
        """The sum over pairs of C(meetings, 2): the sum of m * m - m over each person's
        counts is twice it, each pair counted from both sides."""
        total = 0
        for row in self.meet:
            counts = row.values()
            total += sum(map(mul, counts, counts)) - sum(counts)
        return total // 4

    def repeat_pairs(self) -> int:
        """Pairs who meet more than once (the held rounds' meetings too): the score's count."""
        return sum(1 for row in self.meet for m in row.values() if m > 1) // 2

    def repeat_floor(self) -> int:
        """No schedule with these group sizes costs less: its pair meetings spread evenly
        over the pairs that may meet (the constraints keep `never` pairs apart), or the
        pairs that groups larger than their number force to meet again (crowded_floor),
        whichever is more."""
        inside = sum(len(u) * (len(u) - 1) // 2 for u in self.pb.units)  # never counted
        slots = sum(len(g) * (len(g) - 1) // 2 for groups in self.mem for g in groups)
        slots -= self.rounds * inside
        n = self.pb.people
        pairs = n * (n - 1) // 2 - inside
        floor = _even_floor(slots, pairs - self.pb.never)
        # The pairs balance keeps apart meet when it is broken: this floor then holds only
        # while any broken balance costs more than the floor itself.
        if self.weights and floor >= min(self.weights):
            floor = _even_floor(slots, pairs)
        return max(floor, self.crowded)

    def crowded_floor(self) -> int:
        """Groups larger than their number: a group of k + j people in one round has at
        least j pairs that meet again in any other (k groups cannot part them all), so
        each two rounds share at least the larger of their rounds' counts of such pairs
        (twins.py meets this bound). Not with people kept together, whose pairs are not
        counted."""
        k = self.pb.groups
        if any(len(unit) > 1 for unit in self.pb.units):
            return 0
        return crowded_floor((map(len, groups) for groups in self.mem), k)

    def apart_violations(self) -> int:
        later = [(p, [a for a in partners if a > p]) for p, partners in enumerate(self.pb.apart)]
        kept = [(p, partners) for p, partners in later if partners]  # most have nobody
        found = 0
        for row in self.grp:
            for p, partners in kept:
                g = row[p]
                for a in partners:
                    found += row[a] == g
        return found

    def balance_cost(self) -> int:
        total = 0
        for c, per_round in enumerate(self.counts):
            bands = self.pb.bands[c]
            weight = self.weights[c]
            for table in per_round:
                for row in table:
                    for value, count in enumerate(row):
                        low, high = bands[value]
                        total += weight * (max(0, count - high) + max(0, low - count))
        return total

    def moved(self) -> int:
        total = 0
        for r, home in enumerate(self.pb.homes):
            if home is not None:
                row = self.grp[r]
                total += sum(1 for p, h in enumerate(home) if h >= 0 and row[p] != h)
        return total

    def total_cost(self) -> int:
        return (
            self.repeat_cost()
            + APART_WEIGHT * self.apart_violations()
            + self.balance_cost()
            + STAY_WEIGHT * self.moved()
        )

    def in_conflict(self, r: int, p: int) -> bool:
        g = self.grp[r][p]
        if max(map(self.meet[p].get, self.mem[r][g], NONE)) > 1:  # p meets q again
            return True
        home = self.pb.homes[r]
        if home is not None and home[p] >= 0 and home[p] != g:
            return True
        return self.hard_conflict(r, p)

    def _shortage(self, c: int, r: int, g: int) -> int:
        bands = self.pb.bands[c]
        return sum(1 for v, count in enumerate(self.counts[c][r][g]) if count < bands[v][0])

    # --- moves --------------------------------------------------------------------------

    def delta(self, r: int, u: int, v: int) -> int:
        """The change in cost if units u and v (in different groups of round r) swap."""
        us, vs = self.pb.units[u], self.pb.units[v]
        row = self.grp[r]
        group_a, group_b = self.mem[r][row[us[0]]], self.mem[r][row[vs[0]]]
        change = 0
        for movers, source, target, staying_out in (
            (us, group_a, group_b, v),
            (vs, group_b, group_a, u),
        ):
            for x in movers:
                meet = self.meet[x]
                own = self.unit_of[x]
                for y in source:
                    if self.unit_of[y] != own:
                        change -= meet.get(y, 0) - 1
                for z in target:
                    if self.unit_of[z] != staying_out:
                        change += meet.get(z, 0)
        return change + self.constraint_delta(r, u, v)

    def constraint_delta(self, r: int, u: int, v: int) -> int:
        """The change in the apart, stay and balance parts of the cost for a swap."""
        pb = self.pb
        row = self.grp[r]
        us, vs = pb.units[u], pb.units[v]
        a, b = row[us[0]], row[vs[0]]
        change = 0
        if pb.apart:
            for movers, from_g, to_g in ((us, a, b), (vs, b, a)):
                for x in movers:
                    for y in pb.apart[x]:
                        if self.unit_of[y] in (u, v):
                            continue
                        g = row[y]
                        change += APART_WEIGHT * ((g == to_g) - (g == from_g))
        home = pb.homes[r]
        if home is not None:
            for x in us:
                h = home[x]
                if h >= 0:
                    change += STAY_WEIGHT * ((b != h) - (a != h))
            for x in vs:
                h = home[x]
                if h >= 0:
                    change += STAY_WEIGHT * ((a != h) - (b != h))
        for c, values in enumerate(pb.columns):
            out_a = [values[x] for x in us]
            out_b = [values[x] for x in vs]
            change += self._balance_delta(c, r, a, b, out_a, out_b)
        return change

    def single_delta(self, r: int, p: int, q: int) -> int:
        """delta() for two people who are units of their own: the hot path of the search."""
        row = self.grp[r]
        a, b = row[p], row[q]
        group_a, group_b = self.mem[r][a], self.mem[r][b]
        meet_p, meet_q = self.meet[p].get, self.meet[q].get
        # each y of p's group (p aside) comes to meet q and leaves p, each z of q's group
        # the other way round; p and q meet as often (meet_q(p) = meet_p(q))
        change = (
            sum(map(meet_q, group_a, NONE)) - sum(map(meet_p, group_a, NONE))
            + sum(map(meet_p, group_b, NONE)) - sum(map(meet_q, group_b, NONE))
            - 2 * meet_p(q, 0) + len(group_a) + len(group_b) - 2
        )  # fmt: skip
        if self.constrained:
            change += self.single_constraint_delta(r, p, q)
        return change

    def single_constraint_delta(self, r: int, p: int, q: int) -> int:
        """constraint_delta() for two people who are units of their own (swap_off_band
        written out: the searches ask this for most swaps they weigh)."""
        pb = self.pb
        row = self.grp[r]
        a, b = row[p], row[q]
        change = 0
        apart = pb.apart
        if apart[p] or apart[q]:
            for x, y_group, x_group in ((p, b, a), (q, a, b)):
                for y in apart[x]:
                    if y != p and y != q:
                        g = row[y]
                        change += APART_WEIGHT * ((g == y_group) - (g == x_group))
        home = pb.homes[r]
        if home is not None:
            hp, hq = home[p], home[q]
            if hp >= 0:
                change += STAY_WEIGHT * ((b != hp) - (a != hp))
            if hq >= 0:
                change += STAY_WEIGHT * ((a != hq) - (b != hq))
        for values, bands, per_round, weight in self.balanced:
            vp, vq = values[p], values[q]
            if vp == vq:
                continue
            here, there = per_round[r][a], per_round[r][b]
            (low_p, high_p), (low_q, high_q) = bands[vp], bands[vq]
            hp, tp, hq, tq = here[vp], there[vp], here[vq], there[vq]
            change += weight * (
                (hp <= low_p) - (hp > high_p) + (tp >= high_p) - (tp < low_p)
                + (hq >= high_q) - (hq < low_q) + (tq <= low_q) - (tq > high_q)
            )  # fmt: skip
        return change

    def _balance_delta(
        self, c: int, r: int, a: int, b: int, out_a: list[int], out_b: list[int]
    ) -> int:
        if sorted(out_a) == sorted(out_b):
            return 0
        bands = self.pb.bands[c]
        counts_a, counts_b = self.counts[c][r][a], self.counts[c][r][b]
        net: dict[int, int] = {}
        for value in out_a:
            net[value] = net.get(value, 0) - 1
        for value in out_b:
            net[value] = net.get(value, 0) + 1
        change = 0
        for value, shift in net.items():
            if shift == 0:
                continue
            low, high = bands[value]
            for count, step in ((counts_a[value], shift), (counts_b[value], -shift)):
                before = max(0, count - high) + max(0, low - count)
                after = max(0, count + step - high) + max(0, low - count - step)
                change += after - before
        return change * self.weights[c]

    def swap(self, r: int, u: int, v: int, change: int) -> None:
        pb = self.pb
        row = self.grp[r]
        us, vs = pb.units[u], pb.units[v]
        a, b = row[us[0]], row[vs[0]]
        group_a, group_b = self.mem[r][a], self.mem[r][b]
        for x in us:
            group_a.remove(x)
        for x in vs:
            group_b.remove(x)
        meets, unit_of = self.meet, self.unit_of
        for movers, old, new in ((us, group_a, group_b), (vs, group_b, group_a)):
            for x in movers:
                meet, own = meets[x], unit_of[x]
                for y in old:  # x met y here, so both counts are at least 1 (and equal)
                    if unit_of[y] != own:
                        count = meet[y] - 1
                        if count:
                            meet[y] = meets[y][x] = count
                        else:
                            del meet[y], meets[y][x]
                for z in new:
                    count = meet.get(z, 0) + 1
                    meet[z] = meets[z][x] = count
        group_a.extend(vs)
        group_b.extend(us)
        for x in us:
            row[x] = b
        for x in vs:
            row[x] = a
        for c, values in enumerate(pb.columns):
            counts_a, counts_b = self.counts[c][r][a], self.counts[c][r][b]
            bands, short = pb.bands[c], self.short[c][r]
            # a value falls below its band's low end, or climbs back to it
            for x in us:
                v, low = values[x], bands[values[x]][0]
                short[a] += counts_a[v] == low
                short[b] -= counts_b[v] == low - 1
                counts_a[v] -= 1
                counts_b[v] += 1
            for x in vs:
                v, low = values[x], bands[values[x]][0]
                short[b] += counts_b[v] == low
                short[a] -= counts_a[v] == low - 1
                counts_b[v] -= 1
                counts_a[v] += 1
        self.cost += change

    # --- the search ---------------------------------------------------------------------

    def conflicts(self) -> list[tuple[int, int]]:
        """Every (round, person) for which in_conflict holds, in order.

        Found from the pairs that meet more than once rather than by asking every person
        of every round: the search recounts its conflicts often, and few pairs repeat.
        """
        found: set[tuple[int, int]] = set()
        rows, meet = self.grp, self.meet
        pairs = [
            (p, q)
            for p, met in enumerate(meet)
            if met and max(met.values()) > 1  # most people repeat nobody: a pass in C
            for q, m in met.items()
            if m > 1 and q > p
        ]
        if len(pairs) <= self.pb.people:
            for p, q in pairs:
                for r, row in enumerate(rows):
                    if row[p] == row[q]:
                        found.add((r, p))
                        found.add((r, q))
        else:  # many repeats (more rounds than can avoid them): each group once instead
            for r, groups in enumerate(self.mem):
                for members in groups:
                    for p in members:
                        met = meet[p]
                        if any(met.get(q, 0) > 1 for q in members):
                            found.add((r, p))
        if self.constrained:
            self._hard_conflicts(found)
        return sorted(found)

    def _hard_conflicts(self, found: set[tuple[int, int]]) -> None:
        """Adds to `found` every (round, person) out of their room to stay in, or for whom
        hard_conflict holds: its test written out, a group at a time (601 people in fives
        over 37 rounds with facilitators called hard_conflict 4.4 million times)."""
        pb = self.pb
        columns = list(zip(pb.columns, pb.bands, self.short, self.counts, strict=True))
        for r, row in enumerate(self.grp):
            home = pb.homes[r]
            for g, members in enumerate(self.mem[r]):
                short = any(lacking[r][g] for _, _, lacking, _ in columns)
                for p in members:
                    if (r, p) in found:
                        continue
                    bad = short or (home is not None and 0 <= home[p] != g)
                    for a in pb.apart[p]:
                        bad = bad or row[a] == g
                    for values, bands, _, counts in columns:
                        v = values[p]
                        bad = bad or counts[r][g][v] > bands[v][1]
                    if bad:
                        found.add((r, p))

    def hard_conflict(self, r: int, p: int) -> bool:
        """Whether p breaks a constraint in round r (kept apart, or a value out of band)."""
        row = self.grp[r]
        g = row[p]
        for a in self.pb.apart[p]:
            if row[a] == g:
                return True
        for c, values in enumerate(self.pb.columns):
            v = values[p]
            if self.short[c][r][g] or self.counts[c][r][g][v] > self.pb.bands[c][v][1]:
                return True
        return False

    def by_urgency(self, pool: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The pool with broken constraints last, so that they are popped first."""
        if not self.constrained:
            return pool
        hard = {item for item in set(pool) if self.hard_conflict(*item)}
        if not hard:
            return pool
        return sorted(pool, key=hard.__contains__)

    def run(self, budget: int) -> None:
        """Improve the schedule until `budget` candidate swaps have been weighed, or cost 0.

        A quarter of the budget goes to tabu search, which settles easy instances within a
        few hundred moves; the rest to late acceptance, which goes further on hard ones.
        """
        tabu(self, budget // 4)
        late_acceptance(self, budget - budget // 4)

    def restore(self, schedule: list[list[int]]) -> None:
        fresh = Search(self.pb, schedule, self.rng)
        self.__dict__.update(fresh.__dict__)

    def kick(self, moves: int) -> None:
        """A few random swaps between units of the same kind, to leave a local minimum."""
        for _ in range(moves):
            r = self.rng.randrange(self.rounds)
            p = self.rng.randrange(self.pb.people)
            u = self.unit_of[p]
            others = [
                v
                for v in range(len(self.pb.units))
                if self.pb.kinds[v] == self.pb.kinds[u]
                and self.grp[r][self.pb.units[v][0]] != self.grp[r][p]
            ]
            if others:
                v = others[self.rng.randrange(len(others))]
                self.swap(r, u, v, self.delta(r, u, v))


def _even_floor(slots: int, pairs: int) -> int:
    """The least sum of C(meetings, 2) when `slots` meetings fall on `pairs` pairs."""
    if pairs <= 0 or slots <= pairs:
        return 0
    each, extra = divmod(slots, pairs)
    return (pairs - extra) * each * (each - 1) // 2 + extra * (each + 1) * each // 2


def off_band(count: int, band: tuple[int, int]) -> int:
    """How far a count lies outside its band."""
    low, high = band
    return count - high if count > high else low - count if count < low else 0


def swap_off_band(
    here: Sequence[int], there: Sequence[int], mine: int, theirs: int,
    bands: Sequence[tuple[int, int]],
) -> int:  # fmt: skip
    """How far the counts of two groups move out of band (off_band, after less before) when
    someone of value `mine` leaves `here` for `there` and someone of value `theirs` comes
    the other way; `mine` != `theirs`."""
    (low_m, high_m), (low_t, high_t) = bands[mine], bands[theirs]
    # one fewer: -1 above the band, +1 at or below its low end; one more: the mirror image
    return (
        (here[mine] <= low_m) - (here[mine] > high_m)
        + (there[mine] >= high_m) - (there[mine] < low_m)
        + (here[theirs] >= high_t) - (here[theirs] < low_t)
        + (there[theirs] <= low_t) - (there[theirs] > high_t)
    )  # fmt: skip
