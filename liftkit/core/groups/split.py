"""Breakout groups: split attendees into groups over several rounds.

`split_into_groups(people, request, rng)` is the engine. Group sizes differ by at most one
and no group has fewer than 2 people (unless there are fewer than 2 people). Across rounds
it minimises the pairs who meet more than once. `--balance` columns spread each value
evenly over the groups of every round; `--apart` and `--together` are hard constraints
(refused with an explanation when they cannot all hold); facilitators are spread one per
group. `--previous` keeps an earlier split for the people still there.

How: a zero-repeat construction from design theory when one fits (groups_designs), else a
greedy start, then a tabu search (groups_search) for the constraints and the rest. The
random generator is the only source of chance and every loop runs in list order, so the
same seed gives the same split everywhere.
"""

from __future__ import annotations

import difflib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.designs import best_design
from liftkit.core.groups.search import Problem, Search, repeat_summary
from liftkit.core.people.reader import Person, find_column
from liftkit.core.text import plural

DEFAULT_SIZE = 4
ROLE_COLUMN = "role"
FACILITATOR_ROLE = "facilitator"
BASE_BUDGET = 400_000  # candidate swaps weighed by the search at effort 1 (about 1 s)


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[Person, ...]
    facilitators: tuple[Person, ...] = ()


@dataclass(frozen=True)
class Round:
    number: int
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Score:
    """How good a split is; everything a host would ask about it."""

    repeat_pairs: int  # pairs who meet in more than one round
    most_meetings: int  # the most rounds any pair shares
    pairs_met: int  # distinct pairs who meet at least once
    spread: tuple[tuple[str, int], ...] = ()  # per balance column: worst max-min count of a value
    constraints_held: int = 0
    constraints_total: int = 0
    groups_without_facilitator: int = 0  # in the worst round, when there are facilitators
    moved: int = 0  # with --previous: people moved from the room they had


@dataclass(frozen=True)
class SplitRequest:
    """What to split and how; names refer to people by name or email."""

    size: int | None = None
    count: int | None = None
    rounds: int | None = None  # None: 1, or as many as the previous split had
    balance: tuple[str, ...] = ()
    apart: tuple[str, ...] = ()  # each "A,B[,C...]": pairwise never in one group
    together: tuple[str, ...] = ()  # each "A,B[,C...]": always in one group
    facilitators: tuple[str, ...] = ()
    previous: Split | None = None
    effort: float = 1.0  # scales the search budget


@dataclass(frozen=True)
class Split:
    rounds: tuple[Round, ...]
    score: Score
    seed: int | None = None
    notes: tuple[str, ...] = ()  # things to tell the host (on stderr)
    settings: dict[str, object] = field(default_factory=dict, compare=False)


def split_for_segment(
    people: Sequence[Person],
    group_size: int | None = None,
    groups: int | None = None,
    rounds: int = 1,
    rng: random.Random | None = None,
    seed: int | None = None,
) -> Split:
    """Split attendees for one breakout segment of an agenda (its group_size or groups)."""
    if rng is None:
        rng = random.Random(seed)
    request = SplitRequest(size=group_size, count=groups, rounds=rounds)
    return split_into_groups(people, request, rng, seed=seed)


# --- sizes ------------------------------------------------------------------------------


def group_count(people: int, size: int | None, count: int | None) -> tuple[int, list[str]]:
    """How many groups, and notes when the request had to be adjusted."""
    notes: list[str] = []
    if size is not None and count is not None:
        raise LiftkitError("give `size` or `count`, not both", "`size` N sets people per group")
    if size is not None and size < 2:
        raise LiftkitError(
            f"`size` {size}: a group needs at least 2 people", "use `size` 2 or more"
        )
    if count is not None and count < 1:
        raise LiftkitError(f"`count` {count}: need at least one group", "use `count` 1 or more")
    if people < 2:
        return 1, notes
    if count is not None:
        k = count
        if people // k < 2:
            k = people // 2
            notes.append(
                f"{people} people make at most {plural(k, 'group')} of 2 or more; "
                f"made {k}, not {count}"
            )
        return k, notes
    k = -(-people // (size or DEFAULT_SIZE))
    if people // k < 2:
        k = max(1, people // 2)
    return k, notes


def _size_range(sizes: Sequence[int]) -> str:
    low, high = min(sizes), max(sizes)
    return str(low) if low == high else f"{low} to {high}"


def group_sizes(people: int, groups: int) -> list[int]:
    base, extra = divmod(people, groups)
    return [base + 1] * extra + [base] * (groups - extra)


# --- naming people ----------------------------------------------------------------------


class _Directory:
    """Finds people by email or name, case-insensitively, for constraint options."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.people = people
        self.by_email: dict[str, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        for i, person in enumerate(people):
            if person.email:
                self.by_email.setdefault(person.email.casefold(), []).append(i)
            self.by_name.setdefault(_key(person.name), []).append(i)

    def find(self, text: str) -> list[int]:
        key = _key(text)
        return self.by_email.get(key) or self.by_name.get(key) or []

    def one(self, text: str, option: str) -> int:
        found = self.find(text)
        if len(found) == 1:
            return found[0]
        if found:
            emails = ", ".join(self.people[i].email or "no email" for i in found)
            raise LiftkitError(
                f"{option}: {text!r} names {len(found)} people ({emails})",
                "give the email instead",
            )
        names = [p.name for p in self.people]
        close = difflib.get_close_matches(text, names, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else "check the spelling in the attendee list"
        raise LiftkitError(f"{option}: {text!r} is not in the attendee list", hint)

    def many(self, text: str, option: str) -> list[int]:
        """People in "A,B,C"; a name that itself holds commas ("Lovelace, Ada") is found whole."""
        parts = text.split(",")
        found: list[int] = []
        i = 0
        while i < len(parts):
            for j in range(len(parts), i, -1):
                candidate = ",".join(parts[i:j]).strip()
                if j > i + 1 and not self.find(candidate):
                    continue
                if candidate:
                    index = self.one(candidate, option)
                    if index not in found:
                        found.append(index)
                i = j
                break
        return found


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


# --- the engine -------------------------------------------------------------------------


@dataclass
class _Setup:
    people: list[Person]
    groups: int
    sizes: list[int]
    units: list[list[int]]
    facilitator: list[bool]
    apart_sets: list[list[int]]
    together_sets: list[list[int]]
    columns: list[str]  # the attribute headers behind --balance
    values: list[list[int]]
    value_names: list[list[str]]
    notes: list[str]


def split_into_groups(
    people: Sequence[Person],
    request: SplitRequest,
    rng: random.Random,
    seed: int | None = None,
) -> Split:
    """The split for `request`, with its score. Raises LiftkitError for impossible requests."""
    if not people:
        raise LiftkitError("no attendees to split", "give a file with at least one person")
    if request.rounds is not None and request.rounds < 1:
        raise LiftkitError(
            f"`rounds` {request.rounds}: need at least one round", "use `rounds` 1 or more"
        )
    setup = _prepare(list(people), request)
    rounds = request.rounds or 1
    previous_rounds: list[list[int]] = []
    homes: list[list[int] | None] = [None] * rounds
    names: list[list[str]] = []
    if request.previous is not None:
        rounds, previous_rounds, homes, names = _from_previous(setup, request, rng)
    problem = _problem(setup, homes)
    schedule = _start(setup, problem, rounds, previous_rounds, rng)
    search = Search(problem, schedule, rng)
    # Small instances need less: the budget is capped by a multiple of their size.
    search.run(int(min(BASE_BUDGET, 4000 * len(people) * rounds) * request.effort))
    if search.apart_violations():
        raise LiftkitError(*_apart_failure(setup, search.grp))
    return _result(setup, search, request, seed, names)


def _prepare(people: list[Person], request: SplitRequest) -> _Setup:
    n = len(people)
    k, notes = group_count(n, request.size, request.count)
    if request.previous is not None and request.size is None and request.count is None:
        k = min(max(1, len(request.previous.rounds[0].groups)), max(1, n // 2))
    sizes = group_sizes(n, k)
    directory = _Directory(people)

    facilitator = [False] * n
    for text in request.facilitators:
        for i in directory.many(text, "`facilitators`"):
            facilitator[i] = True
    role_column = find_column(_all_columns(people), ROLE_COLUMN)
    if role_column is not None:
        for i, person in enumerate(people):
            if _key(person.attributes.get(role_column, "")) == FACILITATOR_ROLE:
                facilitator[i] = True

    together_sets = [_constraint(directory, text, "`together`") for text in request.together]
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in together_sets:
        for other in members[1:]:
            parent[root(other)] = root(members[0])
    blocks: dict[int, list[int]] = {}
    for i in range(n):
        blocks.setdefault(root(i), []).append(i)
    units = sorted(blocks.values(), key=lambda unit: unit[0])
    largest = max(sizes)
    for unit in units:
        if len(unit) > largest:
            shown = ", ".join(people[i].name for i in unit)
            raise LiftkitError(
                f"`together` keeps {len(unit)} people in one group ({shown}) but groups "
                f"hold at most {largest}",
                f"use `size` {len(unit)} or fewer `together` names",
            )

    apart_sets = [_constraint(directory, text, "`apart`") for text in request.apart]
    for members, text in zip(apart_sets, request.apart, strict=True):
        distinct_units: list[int] = []
        for i in members:
            for j in members:
                if i < j and root(i) == root(j):
                    raise LiftkitError(
                        f"`apart` {text}: {people[i].name} and {people[j].name} are also kept "
                        "together (`together`)",
                        "drop one of the two constraints",
                    )
            if root(i) not in distinct_units:
                distinct_units.append(root(i))
        if len(distinct_units) > k:
            raise LiftkitError(
                f"`apart` {text}: {len(distinct_units)} people must be in different groups "
                f"but there {'is only 1 group' if k == 1 else f'are only {k} groups'}",
                "use more, smaller groups (`size` or `count`) or a shorter `apart` list",
            )

    columns: list[str] = []
    values: list[list[int]] = []
    value_names: list[list[str]] = []
    available = _all_columns(people)
    for wanted in request.balance:
        column = find_column(available, wanted)
        if column is None:
            shown = ", ".join(available) if available else "none besides name and email"
            raise LiftkitError(
                f"`balance` {wanted}: no such column in the attendee list (columns: {shown})",
                "name one of those columns",
            )
        if column in columns:
            continue
        ids: dict[str, int] = {}
        labels: list[str] = []
        per_person: list[int] = []
        for person in people:
            text = person.attributes.get(column, "").strip()
            key = _key(text)
            if key not in ids:
                ids[key] = len(labels)
                labels.append(text or "(blank)")
            per_person.append(ids[key])
        columns.append(column)
        values.append(per_person)
        value_names.append(labels)

    fac_count = sum(facilitator)
    if fac_count and fac_count < k:
        notes.append(
            f"{plural(fac_count, 'facilitator')} for {plural(k, 'group')}: "
            f"{plural(k - fac_count, 'group has', 'groups have')} none in each round"
        )
    return _Setup(
        people, k, sizes, units, facilitator, apart_sets, together_sets, columns, values,
        value_names, notes,
    )  # fmt: skip


def _all_columns(people: Sequence[Person]) -> list[str]:
    columns: list[str] = []
    for person in people:
        for column in person.attributes:
            if column not in columns:
                columns.append(column)
    return columns


def _constraint(directory: _Directory, text: str, option: str) -> list[int]:
    members = directory.many(text, option)
    if len(members) < 2:
        raise LiftkitError(
            f"{option} {text}: needs two or more different people",
            f"write {option} 'Name One,Name Two'",
        )
    return members


def _problem(setup: _Setup, homes: list[list[int] | None]) -> Problem:
    n, k = len(setup.people), setup.groups
    apart: list[list[int]] = [[] for _ in range(n)]
    for members in setup.apart_sets:
        for i in members:
            for j in members:
                if i != j and j not in apart[i]:
                    apart[i].append(j)
    bands: list[list[tuple[int, int]]] = []
    for c, per_person in enumerate(setup.values):
        totals = [0] * len(setup.value_names[c])
        for v in per_person:
            totals[v] += 1
        bands.append([(t // k, -(-t // k)) for t in totals])
    ncols = len(setup.columns)
    weights = [2 ** (ncols - c) for c in range(ncols)]  # 2 for the last; doubling upwards
    kinds = [(len(unit), sum(setup.facilitator[i] for i in unit)) for unit in setup.units]
    return Problem(n, k, setup.units, kinds, apart, setup.values, bands, weights, homes)


# --- starting schedules -----------------------------------------------------------------


def _start(
    setup: _Setup,
    problem: Problem,
    rounds: int,
    previous_rounds: list[list[int]],
    rng: random.Random,
) -> list[list[int]]:
    """Kept rounds first, then a zero-repeat construction where one fits, then greedy."""
    n = len(setup.people)
    schedule: list[list[int]] = [row[:] for row in previous_rounds]
    blocks = any(len(unit) > 1 for unit in setup.units)
    if not schedule and not blocks and rounds > 1 and n >= 4:
        design = best_design(n, setup.groups, rounds, rng)
        if design is not None:
            order = _layout(setup, design.points, rng)
            for design_round in design.rounds[:rounds]:
                row = [0] * n
                for g, points in enumerate(design_round):
                    for point in points:
                        if point < n:
                            row[order[point]] = g
                schedule.append(_even_out(setup, row, schedule))
    while len(schedule) < rounds:
        schedule.append(_greedy_round(setup, problem, schedule, rng))
    return schedule


def _layout(setup: _Setup, points: int, rng: random.Random) -> list[int]:
    """Which person takes each design point (row-major rows of `groups` points).

    In the transversal construction every group gets exactly one point of each row in every
    round, so facilitators go in the first row (one per group) and each value of the first
    --balance column is packed into as few rows as possible (a value within one row is
    never twice in a group).
    """
    n, k = len(setup.people), setup.groups
    rows = [[] for _ in range(-(-points // k))]  # type: list[list[int]]
    room = [k] * len(rows)
    room[-1] = n - k * (len(rows) - 1)
    people = list(range(n))
    rng.shuffle(people)
    facilitators = [p for p in people if setup.facilitator[p]]
    others = [p for p in people if not setup.facilitator[p]]
    if setup.values:
        by_value: dict[int, list[int]] = {}
        for p in others:
            by_value.setdefault(setup.values[0][p], []).append(p)
        batches = sorted(by_value.values(), key=lambda batch: (-len(batch), batch[0]))
    else:
        batches = [others]
    pending = [facilitators, *batches]
    for batch in pending:
        while batch:
            fits = [i for i in range(len(rows)) if room[i] >= len(batch)]
            if fits and batch is not facilitators:
                i = min(fits, key=lambda i: (room[i], i))  # the tightest row it fills
            else:
                i = next(i for i in range(len(rows)) if room[i] > 0)
            take = min(room[i], len(batch))
            rows[i].extend(batch[:take])
            room[i] -= take
            batch = batch[take:]
    order: list[int] = []
    for members in rows:
        rng.shuffle(members)
        order.extend(members)
    return order


def _meetings(schedule: Sequence[Sequence[int]], n: int) -> list[dict[int, int]]:
    meet: list[dict[int, int]] = [{} for _ in range(n)]
    for row in schedule:
        members: dict[int, list[int]] = {}
        for p, g in enumerate(row):
            members.setdefault(g, []).append(p)
        for group in members.values():
            for p in group:
                for q in group:
                    if p != q:
                        meet[p][q] = meet[p].get(q, 0) + 1
    return meet


def _even_out(setup: _Setup, row: list[int], earlier: list[list[int]]) -> list[int]:
    """Sizes within one and facilitators spread evenly, after ghosts left a design round."""
    n, k = len(setup.people), setup.groups
    meet = _meetings(earlier, n)
    members: list[list[int]] = [[] for _ in range(k)]
    for p in range(n):
        members[row[p]].append(p)

    def cost(p: int, g: int) -> int:
        return sum(meet[p].get(q, 0) for q in members[g])

    while True:
        big = max(range(k), key=lambda g: len(members[g]))
        small = min(range(k), key=lambda g: len(members[g]))
        if len(members[big]) - len(members[small]) <= 1:
            break
        movers = [p for p in members[big] if not setup.facilitator[p]] or members[big]
        p = min(movers, key=lambda q: cost(q, small))
        members[big].remove(p)
        members[small].append(p)
        row[p] = small
    _spread_facilitators(setup, members, row)
    return row


def _spread_facilitators(setup: _Setup, members: list[list[int]], row: list[int]) -> None:
    """Swap facilitators with others until each group has floor or ceil of their share."""
    k = setup.groups
    single = [False] * len(setup.people)
    for unit in setup.units:
        single[unit[0]] = len(unit) == 1
    total = sum(setup.facilitator)
    low, high = total // k, -(-total // k)
    for _ in range(len(setup.people)):
        counts = [sum(setup.facilitator[p] for p in group) for group in members]
        over = [g for g in range(k) if counts[g] > high]
        under = [g for g in range(k) if counts[g] < low]
        a: int | None
        b: int | None
        if over:
            a, b = over[0], next((g for g in range(k) if counts[g] < high), None)
        elif under:
            a, b = next((g for g in range(k) if counts[g] > low), None), under[0]
        else:
            return
        if a is None or b is None:
            return
        f = next((p for p in members[a] if setup.facilitator[p] and single[p]), None)
        x = next((p for p in members[b] if not setup.facilitator[p] and single[p]), None)
        if f is None or x is None:
            return
        members[a].remove(f)
        members[b].remove(x)
        members[a].append(x)
        members[b].append(f)
        row[f], row[x] = b, a


def _greedy_round(
    setup: _Setup, problem: Problem, schedule: list[list[int]], rng: random.Random
) -> list[int]:
    """One round: blocks first, then facilitators, then everyone else, each into the open
    group where they add the fewest repeat meetings and imbalances."""
    n, k = len(setup.people), setup.groups
    meet = _meetings(schedule, n)
    capacity = setup.sizes[:]
    rng.shuffle(capacity)
    members: list[list[int]] = [[] for _ in range(k)]
    fac_in = [0] * k
    counts = [[[0] * len(names) for names in setup.value_names] for _ in range(k)]
    order = list(range(len(setup.units)))
    rng.shuffle(order)
    order.sort(
        key=lambda u: (
            -len(setup.units[u]),
            not any(setup.facilitator[p] for p in setup.units[u]),
        )
    )
    row = [0] * n
    for u in order:
        unit = setup.units[u]
        facs = sum(setup.facilitator[p] for p in unit)
        open_groups = [g for g in range(k) if capacity[g] - len(members[g]) >= len(unit)]
        if not open_groups:
            raise LiftkitError(
                "the people kept together (`together`) do not fit into "
                f"{plural(k, 'group')} of {_size_range(setup.sizes)}",
                "use bigger groups (`size`) or fewer `together` names",
            )
        if len(open_groups) > 64:
            open_groups = sorted(rng.sample(open_groups, 64))
        best: tuple[int, ...] | None = None
        choice = open_groups[0]
        for g in open_groups:
            apart = sum(1 for p in unit for q in problem.apart[p] if q in members[g])
            repeats = sum(meet[p].get(q, 0) for p in unit for q in members[g])
            over = 0
            for c, bands in enumerate(problem.bands):
                for p in unit:
                    v = setup.values[c][p]
                    over += problem.column_weights[c] * (counts[g][c][v] >= bands[v][1])
            room = capacity[g] - len(members[g])
            score = (fac_in[g] if facs else 0, apart, over + repeats, -room, rng.randrange(1 << 30))
            if best is None or score < best:
                best, choice = score, g
        for p in unit:
            members[choice].append(p)
            row[p] = choice
            for c in range(len(setup.values)):
                counts[choice][c][setup.values[c][p]] += 1
        fac_in[choice] += facs
    _spread_facilitators(setup, members, row)
    return row


# --- --previous -------------------------------------------------------------------------


def _from_previous(
    setup: _Setup, request: SplitRequest, rng: random.Random
) -> tuple[int, list[list[int]], list[list[int] | None], list[list[str]]]:
    """Rounds kept from an earlier split: the people still here stay in their rooms;
    no-shows leave, late joiners fill the emptiest rooms, sizes are evened out."""
    previous = request.previous
    assert previous is not None
    n, k = len(setup.people), setup.groups
    directory = _Directory(setup.people)
    seen = [False] * n
    gone: list[str] = []
    kept_rounds: list[list[int]] = []
    homes: list[list[int] | None] = []
    names: list[list[str]] = []
    wanted = request.rounds or len(previous.rounds)
    for old_round in previous.rounds[:wanted]:
        home = [-1] * n
        room_names = [g.name for g in old_round.groups][:k]
        while len(room_names) < k:
            room_names.append(_next_room_name(room_names))
        for g, old_group in enumerate(old_round.groups):
            for member in old_group.members:
                index = _match(directory, member)
                if index is None:
                    if member.label not in gone:
                        gone.append(member.label)
                    continue
                seen[index] = True
                home[index] = g if g < k else -1
        kept_rounds.append(_refit(setup, home, kept_rounds, rng))
        homes.append(home)
        names.append(room_names)
    joiners = [setup.people[i].label for i in range(n) if not seen[i]]
    if joiners:
        setup.notes.append(f"added {plural(len(joiners), 'late joiner')}: " + "; ".join(joiners))
    if gone:
        setup.notes.append(f"dropped {plural(len(gone), 'no-show')}: " + "; ".join(gone))
    rounds = max(wanted, len(kept_rounds))
    homes += [None] * (rounds - len(homes))
    return rounds, kept_rounds, homes, names


def _match(directory: _Directory, member: Person) -> int | None:
    for text in (member.email, member.name):
        if text:
            found = directory.find(text)
            if len(found) == 1:
                return found[0]
            if len(found) > 1 and text == member.name:
                return None
    return None


def _next_room_name(names: list[str]) -> str:
    number = len(names) + 1
    while f"Room {number}" in names:
        number += 1
    return f"Room {number}"


def _refit(
    setup: _Setup, home: list[int], earlier: list[list[int]], rng: random.Random
) -> list[int]:
    """Everyone in their old room where sizes allow; the rest where they meet fewest.

    Works on units, so that people kept together (--together) stay together: a unit's room
    is the earlier room of its first member who had one.
    """
    n, k = len(setup.people), setup.groups
    meet = _meetings(earlier, n)
    unit_home = [next((home[p] for p in unit if home[p] >= 0), -1) for unit in setup.units]
    placed: list[list[int]] = [[] for _ in range(k)]  # unit indices per room
    for u, h in enumerate(unit_home):
        if h >= 0:
            placed[h].append(u)

    def size(g: int) -> int:
        return sum(len(setup.units[u]) for u in placed[g])

    # The rooms that keep the most people get the larger sizes.
    by_fill = sorted(range(k), key=lambda g: (-size(g), g))
    capacity = [0] * k
    for g, cap in zip(by_fill, group_sizes(n, k), strict=True):
        capacity[g] = cap
    pool = [u for u in range(len(setup.units)) if unit_home[u] < 0]
    for g in range(k):
        while size(g) > capacity[g]:
            singles = [u for u in placed[g] if len(setup.units[u]) == 1] or placed[g]
            u = singles[rng.randrange(len(singles))]
            placed[g].remove(u)
            pool.append(u)
    pool.sort(key=lambda u: -len(setup.units[u]))
    for u in pool:
        unit = setup.units[u]
        open_groups = [g for g in range(k) if capacity[g] - size(g) >= len(unit)]
        if not open_groups:
            raise LiftkitError(
                "the people kept together (`together`) do not fit into the rooms of `previous`",
                "use bigger groups (`size`) or fewer `together` names",
            )
        best = min(
            open_groups,
            key=lambda g, unit=unit: (  # type: ignore[misc]
                sum(meet[p].get(q, 0) for p in unit for v in placed[g] for q in setup.units[v]),
                g,
            ),
        )
        placed[best].append(u)
    row = [0] * n
    members: list[list[int]] = [[] for _ in range(k)]
    for g in range(k):
        for u in placed[g]:
            for p in setup.units[u]:
                row[p] = g
                members[g].append(p)
    _spread_facilitators(setup, members, row)
    return row


# --- results ----------------------------------------------------------------------------


def _apart_failure(setup: _Setup, schedule: list[list[int]]) -> tuple[str, str]:
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


def _result(
    setup: _Setup, search: Search, request: SplitRequest, seed: int | None, names: list[list[str]]
) -> Split:
    people = setup.people
    schedule = search.grp
    units_of = search.unit_of
    repeats, most, met = repeat_summary(schedule, units_of)
    spread: list[tuple[str, int]] = []
    for c, column in enumerate(setup.columns):
        worst = 0
        for table in search.counts[c]:
            for v in range(len(setup.value_names[c])):
                column_counts = [row[v] for row in table]
                worst = max(worst, max(column_counts) - min(column_counts))
        spread.append((column, worst))
    facilitators_total = sum(setup.facilitator)
    lacking = 0
    rounds: list[Round] = []
    for r, row in enumerate(schedule):
        members: list[list[int]] = [[] for _ in range(setup.groups)]
        for p, g in enumerate(row):
            members[g].append(p)
        order = list(range(setup.groups))
        if r >= len(names):
            order.sort(key=lambda g: (-len(members[g]), members[g][0] if members[g] else 0))
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
        if facilitators_total:
            lacking = max(lacking, sum(1 for group in groups if not group.facilitators))
        rounds.append(Round(r + 1, tuple(groups)))
    constraints = len(setup.apart_sets) + len(setup.together_sets)
    moved = search.moved()
    notes = list(setup.notes)
    if search.balance_cost():
        notes.append(
            "`balance`: some values could not be spread within one per group "
            "(see the score's spread)"
        )
    score = Score(
        repeat_pairs=repeats,
        most_meetings=most,
        pairs_met=met,
        spread=tuple(spread),
        constraints_held=constraints,
        constraints_total=constraints,
        groups_without_facilitator=lacking if facilitators_total else 0,
        moved=moved,
    )
    settings: dict[str, object] = {
        "people": len(people),
        "groups": setup.groups,
        "size": request.size,
        "count": request.count,
        "rounds": len(schedule),
        "balance": list(setup.columns),
        "apart": [[people[i].name for i in m] for m in setup.apart_sets],
        "together": [[people[i].name for i in m] for m in setup.together_sets],
        "facilitators": [p.name for i, p in enumerate(people) if setup.facilitator[i]],
    }
    return Split(tuple(rounds), score, seed, tuple(notes), settings)


def score_rounds(rounds: Sequence[Round]) -> Score:
    """The repeat figures of rounds read from a file (people matched by email, else name)."""
    ids: dict[str, int] = {}
    schedule: list[list[int]] = []
    for rnd in rounds:
        for group in rnd.groups:
            for person in group.members:
                ids.setdefault(_key(person.email or person.name), len(ids))
    for rnd in rounds:
        row = [-1] * len(ids)
        for g, group in enumerate(rnd.groups):
            for person in group.members:
                row[ids[_key(person.email or person.name)]] = g
        # People absent from a round get a group of their own there, meeting nobody.
        schedule.append([g if g >= 0 else -1 - p for p, g in enumerate(row)])
    repeats, most, met = repeat_summary(schedule, list(range(len(ids))))
    lacking = 0
    if any(group.facilitators for rnd in rounds for group in rnd.groups):
        lacking = max(sum(1 for g in rnd.groups if not g.facilitators) for rnd in rounds)
    return Score(repeats, most, met, groups_without_facilitator=lacking)
