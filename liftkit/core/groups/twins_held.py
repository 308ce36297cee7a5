"""Rounds after held rounds of k * k + e people in k rooms, with twins (twins.py): e pairs
who share a room in every round, the rest of them k * k people in rooms of k. That is the
fewest repeats such rooms allow (Search.crowded_floor), and how liftkit plans them.

After two held rounds or more the twins are the pairs who shared a room in all of them;
after one, they are drawn in its rooms, the first of a room beside its facilitator.
Without them the held rounds are k * k people in rooms of k, whose next rounds come from
a design (mates.py after three held rounds, else the last ones laid on a design:
after_held.embedded_rounds) and meet nobody again; each twin then stands beside its
partner again, so that only the twins meet again. The partners are spread over the
rooms as evenly as they can be in every round, and so are the facilitators. Where both
must be spread and k is a prime power, the rounds come from an affine plane with the
hosts on one line and the partners on another (on_a_plane; after one held round, on
columns drawn for it: columns).

A café of 72 at 8 tables over four rounds, the last reshuffled: 33 pairs met again where
the plan had 8 (greedy rounds and the search); from round 3, 48; from round 2, 48. Now 8.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from liftkit.core.groups.designs import Design
from liftkit.core.groups.fields import Field, make_field
from liftkit.core.groups.ghosts import GHOSTS
from liftkit.core.groups.mates import mate_rounds
from liftkit.core.groups.points import alike, spread_evenly
from liftkit.core.groups.setup import Setup


def twin_rounds(setup: Setup, held: Sequence[Sequence[int]], rounds: int, rng: random.Random,
                designs: Callable[[Setup], Iterable[Design]],
                laid: Callable[[Setup, list[list[int]], int], list[list[int]]],
                avoid: Sequence[int] = ()) -> list[list[int]]:  # fmt: skip
    """Up to `rounds` rounds (each person's group) after the held ones that repeat nobody
    but twins: pairs who shared a room in every held round (n - k * k of them, or fewer
    since people left) and nobody else did, or after one held round pairs drawn in its
    rooms (paired). The first of them is not the rooms `avoid`. After three held rounds
    the others' are found again in a design (mate_rounds), else the held ones are laid on
    one (`laid`: after_held.embedded_rounds, for the others and their rooms), else on an
    affine plane (on_a_plane). None where the held rounds are not so."""
    n, k = len(setup.people), setup.groups
    if not held or not k * k < n <= 2 * k * k or any(len(u) > 1 for u in setup.units):
        return []
    twin = twins_in(held, n) if len(held) > 1 else paired(held[0], k, setup.facilitator, rng)
    if twin is None or not twin or not k * (k - 1) - GHOSTS <= n - len(twin) <= k * k:
        return []  # (mate_rounds places ghosts where people of the rest are missing)
    core = [p for p in range(n) if p not in twin]
    at = {p: i for i, p in enumerate(core)}
    beside = [0] * len(core)
    leads = [int(setup.facilitator[p]) for p in core]
    for t, p in twin.items():
        beside[at[p]] = 1
        leads[at[p]] += setup.facilitator[t]
    alone = replace(
        setup,
        people=[setup.people[p] for p in core],
        sizes=[k] * k,
        units=[[i] for i in range(len(core))],
        # the covers (mates._transversals) and the points laid apart (embedded_rounds)
        # hold one facilitator each, else one partner
        facilitator=[weight > 0 for weight in (leads if any(leads) else beside)],
        apart_sets=[],  # the search mends what the others' rounds leave of these
        together_sets=[],
        columns=[],
        values=[],
        value_names=[],
    )
    now = [avoid[p] for p in core if p < len(avoid)]
    rooms = [[row[p] for p in core] for row in held]
    made = mate_rounds(alone, rooms, rounds, rng, designs(alone), now, (), [beside, leads])
    lead, one = [int(f) for f in setup.facilitator], [1] * n

    def back(made: list[list[int]]) -> list[list[int]]:
        """Everyone's groups, while the rooms are even and the others meet nobody again
        (a design of k * k points that is not there: 38 people at 6 tables)."""
        met: set[tuple[int, int]] = set()
        if not all(_new_meetings(row, met) for row in rooms):
            return []
        rows = []
        for row in made:
            whole = [row[at[twin.get(p, p)]] for p in range(n)]
            if not (spread_evenly(one, k, [whole]) and spread_evenly(lead, k, [whole])
                    and _new_meetings(row, met)):  # fmt: skip
                break
            rows.append(whole)
        return rows

    if made or len(held) > 2:
        return back(made)
    found: list[list[int]] = []
    for _ in range(LAID_TRIES if n <= LAID_TRIES_UP_TO else 1):  # a design laid another way
        # spreads the partners anew
        found = max(found, back(laid(alone, rooms, rounds)), key=len)
        if len(found) == rounds:
            return found
    if len(core) != k * k:
        return found
    # Facilitators apart from the partners: both parted on an affine plane, after one
    # held round on columns drawn for it (a round more, parting them too)
    hosts = [p for p in range(len(core)) if setup.facilitator[core[p]]]
    partners = [p for p in range(len(core)) if beside[p]]
    if len(rooms) > 1:
        planed = on_a_plane(rooms, k, hosts, partners, rounds, rng, now)
    else:
        drawn = columns(rooms[0], k, hosts, partners, rng)
        if not drawn or (now and alike(drawn[: len(now)], now)):
            return found  # none, or the rooms there are now (live, the round reshuffled)
        planed = [drawn, *on_a_plane([*rooms, drawn], k, hosts, partners, rounds - 1, rng)]
    return max(found, back(planed), key=len)


# Designs laid on the held rounds, tried for one that spreads the partners as the rooms need
# (112 people at 10 tables with a host each, after one held round: 12 twins, two rooms with
# two partners each, one of them no host; one seed in four met 75-77 pairs again, not 12)
LAID_TRIES = 4
LAID_TRIES_UP_TO = 1000  # people: 10,100 at 100 tables, none laid so, 13.6 s -> 28.7 s


def paired(row: Sequence[int], k: int, lead: Sequence[bool],
           rng: random.Random) -> dict[int, int] | None:  # fmt: skip
    """Twins for one held round (each person's room) of k * k + e people: in each room of
    k + j people, j pairs drawn, the first beside the room's facilitator where it has one
    (as the plan puts them: facilitators one a room part their partners too), the others
    among those who are not facilitators. None where a room has fewer than k, or too few
    who are not facilitators."""
    twin: dict[int, int] = {}
    for room in range(k):
        members = [p for p, g in enumerate(row) if g == room]
        extra = len(members) - k
        hosts = [p for p in members if lead[p]]
        others = [p for p in members if not lead[p]]
        rng.shuffle(others)
        if extra < 0 or len(others) < 2 * extra - bool(hosts):
            return None
        if extra and hosts:
            twin[others.pop()] = hosts[0]
            extra -= 1
        twin.update(zip(others[:extra], others[extra : 2 * extra], strict=True))
    return twin


def columns(row: Sequence[int], k: int, hosts: list[int], apart: list[int],
            rng: random.Random) -> list[int]:  # fmt: skip
    """A round of k * k people in k rooms of k (k a prime power), each holding one person of
    every room of `row` (a column of the grid it makes), on lines of the affine plane: row
    i is a[i], its host (one a room) in column a[i], its partner (one a room or none, who
    is not a host: the people of `apart`) in a[i] + t. Both are parted by this round and
    by every slope but -1 (on_a_plane finds them there). None if the rooms are not so."""
    rooms: list[list[int]] = [[] for _ in range(k)]
    for p, g in enumerate(row):
        rooms[g].append(p)
    field = make_field(k)
    apart = [p for p in apart if p not in hosts]  # hosts' partners: parted with them
    if field is None or not _one_each(rooms, hosts) or not _one_each(rooms, apart, True):
        return []
    a = rng.sample(range(k), k)
    t = rng.randrange(1, k)
    made = [-1] * len(row)
    for g, members in enumerate(rooms):
        host = next(p for p in members if p in hosts)
        made[host] = a[g]
        used = {a[g]}
        partner = next((p for p in members if p in apart), None)
        if partner is not None:
            made[partner] = field.add(a[g], t)
            used.add(made[partner])
        left = [c for c in range(k) if c not in used]
        rng.shuffle(left)
        for p in members:
            if made[p] < 0:
                made[p] = left.pop()
    return made


PLANE_DRAWS = 300  # orders of the rows drawn, each weighing k * (k + partners) cells


def on_a_plane(rooms: list[list[int]], k: int, hosts: list[int], apart: list[int], rounds: int,
               rng: random.Random, avoid: Sequence[int] = ()) -> list[list[int]]:  # fmt: skip
    """Up to `rounds` rounds after two held rounds of k * k people in k rooms (a grid: a
    person's room in the first the row, in the second the column), from the affine plane
    of order k (a prime power): row i is the field's element a[i], column j is b[j], and
    the round of slope m puts the person of cell (i, j) in group b[j] + m a[i] (m neither
    0 nor -1). The k `hosts`, one in each row and column, stand on b = a, where every
    such slope parts them; the people of `apart` (the twins' partners) are parted by the
    slopes m where b + m a differs for them all. Rows' orders a that put them on a line
    come first (_on_lines), then orders drawn at random, until as many slopes part them as
    rounds are wanted. The first round is not the rooms `avoid`. None if no order does,
    k is no prime power, or the hosts are not one in each row and column."""
    field = make_field(k)
    row, column = rooms[0], rooms[1]
    host_in = {column[h]: row[h] for h in hosts}  # column -> the row of its host
    if field is None or len(host_in) != k or len({row[h] for h in hosts}) != k:
        return []
    minus_one = field.p - 1  # the constant p - 1 (base-p digits): -1
    slopes = [m for m in range(1, k) if m != minus_one]
    after = {row[p]: host_in[column[p]] for p in apart}  # a partner's row -> its b's row
    drawn = (rng.sample(range(k), k) for _ in range(PLANE_DRAWS))
    one_a_row = len(after) == len(apart) == len(set(after.values()))  # else on no line
    for a in itertools.chain(_on_lines(after, field, rng) if one_a_row else (), drawn):
        at = [a[host_in[column[p]]] for p in range(k * k)]  # b of their column
        parting = [m for m in slopes if len({field.add(at[p], field.mul(m, a[row[p]]))
                                             for p in apart}) == len(apart)]  # fmt: skip
        made = [[field.add(at[p], field.mul(m, a[row[p]])) for p in range(k * k)]
                for m in parting]  # fmt: skip
        if made and avoid and alike(made[0][: len(avoid)], list(avoid)):
            made = made[1:]  # the rooms there are now
        if len(made) >= rounds:
            return made[:rounds]
    return []


def _on_lines(after: dict[int, int], field: Field, rng: random.Random) -> Iterator[list[int]]:
    """Rows' orders a with b = s a + t for the partners (a[after[i]] = s a[i] + t), one for
    each line y = s x + t that takes them: b + m a is then (s + m) a + t, which parts them
    for every slope m but -s. Their rows make paths and cycles under `after`; each is laid
    along the map x -> s x + t from a value not yet taken, by a depth-first search.
    `after` is one-to-one (a partner a row, and a column)."""
    k = field.q
    chains: list[list[int]] = []
    for start in after:
        if start in after.values():
            continue  # not the start of a path
        chain = [start]
        while chain[-1] in after:
            chain.append(after[chain[-1]])
        chains.append(chain)
    seen = {i for chain in chains for i in chain}
    for start in after:  # cycles: what no path holds
        if start not in seen:
            cycle = [start]
            while after[cycle[-1]] != start:
                cycle.append(after[cycle[-1]])
            seen.update(cycle)
            chains.append([*cycle, start])  # back to its start: laid on a cycle of the map
    chains.sort(key=len, reverse=True)
    for s, t in rng.sample([(s, t) for s in range(1, k) for t in range(k)], k * (k - 1)):
        a: dict[int, int] = {}
        if _lay(chains, 0, a, _affine(field, s, t), k):
            rest = rng.sample([v for v in range(k) if v not in a.values()], k - len(a))
            yield [a[i] if i in a else rest.pop() for i in range(k)]


def _affine(field: Field, s: int, t: int) -> Callable[[int], int]:
    """The map x -> s x + t of the field."""
    return lambda x: field.add(field.mul(s, x), t)


def _lay(chains: list[list[int]], c: int, a: dict[int, int], step: Callable[[int], int],
         k: int) -> bool:  # fmt: skip
    """Values for the rows of chains[c:] (a, filled in place), each chain along `step`."""
    if c == len(chains):
        return True
    chain = chains[c]
    taken = set(a.values())
    for v in range(k):
        values = [v]
        for _ in chain[1:]:
            values.append(step(values[-1]))
        closed = chain[0] != chain[-1] or values[0] == values[-1]
        body = values[:-1] if chain[0] == chain[-1] else values
        if closed and len(set(body)) == len(body) and not taken & set(body):
            a.update(zip(chain, values, strict=True))
            if _lay(chains, c + 1, a, step, k):
                return True
            for i in chain:
                a.pop(i, None)
    return False


def _one_each(rooms: list[list[int]], people: list[int], or_none: bool = False) -> bool:
    """Whether every room holds one of `people` (or none, with `or_none`)."""
    chosen = set(people)
    return all(len(chosen.intersection(members)) in ((0, 1) if or_none else (1,))
               for members in rooms)  # fmt: skip


def _new_meetings(row: list[int], met: set[tuple[int, int]]) -> bool:
    """Adds a round's pairs (each person's group) to `met`; False if one met before."""
    groups: dict[int, list[int]] = {}
    for p, g in enumerate(row):
        groups.setdefault(g, []).append(p)
    pairs = {pair for members in groups.values() for pair in itertools.combinations(members, 2)}
    fresh = not pairs & met
    met |= pairs
    return fresh


def twins_in(held: Sequence[Sequence[int]], n: int) -> dict[int, int] | None:
    """Each twin and the one it shared a room with in every held round (the later of two
    such people is the twin); None when someone shared every room with two or more, or
    was not in one."""
    common: list[set[int] | None] = [None] * n
    for row in held:
        if len(row) != n or min(row, default=0) < 0:
            return None
        rooms: dict[int, set[int]] = {}
        for p, g in enumerate(row):
            rooms.setdefault(g, set()).add(p)
        for p, g in enumerate(row):
            mine = common[p]
            common[p] = rooms[g] - {p} if mine is None else mine & rooms[g]
    twin: dict[int, int] = {}
    for p, mates in enumerate(common):
        if mates is None or len(mates) > 1:
            return None
        twin.update((p, q) for q in mates if q < p)
    return twin
