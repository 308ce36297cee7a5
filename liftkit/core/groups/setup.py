"""Reading a request: who is who, the constraints, the balance columns, in plain integers."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.bounds import never_meet
from liftkit.core.groups.model import SplitRequest, group_count, group_sizes, tied_together
from liftkit.core.groups.search import Problem
from liftkit.core.people.headers import EMAIL_KEYS, FIRST_KEYS, LAST_KEYS, NAME_KEYS
from liftkit.core.people.model import column_hint, header_key, hosts_among, role_columns, roles
from liftkit.core.people.reader import Person, find_column
from liftkit.core.text import plural, same_value, same_words

FACILITATOR_COLUMN = "facilitator"  # liftkit's own CSV: "yes"
YES = frozenset(("yes", "y", "true", "x", "1"))
# "Facilitator", "Co-facilitator", "Lead facilitator", "facilitators", "Table facilitator",
# and a World Café's "Table host" (or a "Breakout room host"): the whole value, so
# "non-facilitator" and "Facilitation team" are none.
_PLACE = r"(?:table|breakout(?: room)?|room)"
_FACILITATOR_ROLE = re.compile(
    rf"^(?:(?:lead|co|head|main|senior|assistant|{_PLACE}) )?facilitators?$"
    rf"|^{_PLACE} (?:hosts?|leads?|leaders?)$"
)

# `balance` "none": no columns balanced, not even those of a plan given as `previous`
# (its settings.balance are balanced again when `balance` is not given)
NO_BALANCE = "none"


# --- naming people ----------------------------------------------------------------------


class Directory:
    """Finds people by email or name, case-insensitively, for constraint options."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.people = people
        self.by_email: dict[str, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        for i, person in enumerate(people):
            if person.email:
                self.by_email.setdefault(person.email.casefold(), []).append(i)
            self.by_name.setdefault(same_words(person.name), []).append(i)

    def find(self, text: str) -> list[int]:
        key = same_words(text)
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


def segment_rooms(people: Sequence[Person], size: int | None, count: int | None,
                  min_size: int | None = None) -> int:  # fmt: skip
    """How many rooms a breakout asks for the people here (its `group_size` or `groups`,
    hosts not placed); with `min_size`, fewer where the remainder would leave one smaller
    (22 people in threes: 7 rooms, one of 4, rather than 8 with two of 2)."""
    placed = placed_people(people, SplitRequest(size=size, count=count))[0]
    if min_size and size and len(placed) >= 2:
        rooms = -(-len(placed) // size)
        while rooms > 1 and len(placed) // rooms < min_size:
            rooms -= 1
        return rooms
    return group_count(len(placed), size, count)[0]


def placed_people(
    people: Sequence[Person], request: SplitRequest
) -> tuple[list[Person], list[Person]]:
    """The people to place in rooms, and the hosts left out. Zoom and Teams put no host in a
    breakout room: the host moves between rooms. So a host (marked in a participant or
    attendance report, or by a role) is placed only when the request names them (a facilitator, in
    `together` or `apart`) or had a room in the `previous` split; and when all are hosts."""
    marked = {id(person) for person in hosts_among(people)}
    hosts = [i for i, person in enumerate(people) if id(person) in marked]
    if not hosts or len(hosts) == len(people):
        return list(people), []
    directory = Directory(people)
    named = set(_facilitators_by_column(people))
    for text in (*request.facilitators, *request.together, *request.apart):
        with suppress(LiftkitError):  # a wrong name is the split's to report, with its option
            named.update(directory.many(text, ""))
    if request.previous is not None:  # a room in any of its rounds, found as --previous finds
        for rnd in request.previous.rounds:
            for group in rnd.groups:
                for member in group.members:
                    for key in (member.email, member.name):
                        named.update(directory.find(key) if key else ())
    left = {i for i in hosts if i not in named}
    return [p for i, p in enumerate(people) if i not in left], [people[i] for i in sorted(left)]


def hosts_note(
    hosts: Sequence[Person], remedy: str = "name a host as a facilitator to place them"
) -> str:
    *others, last = [person.name for person in hosts]
    names = f"{', '.join(others)} and {last}" if others else last
    whom = "the host" if len(hosts) == 1 else f"{len(hosts)} hosts"
    return f"left out {whom}, {names}: video calls put no host in a breakout room; {remedy}"


@dataclass
class Setup:
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


def prepare(people: list[Person], request: SplitRequest) -> Setup:
    n = len(people)
    k, notes = group_count(n, request.size, request.count)
    if request.previous is not None and request.size is None and request.count is None:
        k = min(max(1, len(request.previous.rounds[0].groups)), max(1, n // 2))
    sizes = group_sizes(n, k)
    directory = Directory(people)

    facilitator = [False] * n
    for text in request.facilitators:
        for i in directory.many(text, "`facilitators`"):
            facilitator[i] = True
    for i in _facilitators_by_column(people):
        facilitator[i] = True

    together_sets = [_constraint(directory, text, "`together`") for text in request.together]
    units = tied_together(n, together_sets)
    unit_of = {i: u for u, unit in enumerate(units) for i in unit}
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
                if i < j and unit_of[i] == unit_of[j]:
                    raise LiftkitError(
                        f"`apart` {text}: {people[i].name} and {people[j].name} are also kept "
                        "together (`together`)",
                        "drop one of the two constraints",
                    )
            if unit_of[i] not in distinct_units:
                distinct_units.append(unit_of[i])
        if len(distinct_units) > k:
            raise LiftkitError(
                f"`apart` {text}: {len(distinct_units)} people must be in different groups "
                f"but there {'is only 1 group' if k == 1 else f'are only {k} groups'}",
                "use more, smaller groups (`size` or `count`) or a shorter `apart` list",
            )

    columns: list[str] = []
    values: list[list[int]] = []
    value_names: list[list[str]] = []
    available = all_columns(people)
    for wanted in request.balance:
        if wanted.strip().casefold() == NO_BALANCE:  # not even the columns of `previous`
            if len(request.balance) > 1:
                raise LiftkitError(
                    f"`balance` {wanted}: given with columns to balance "
                    f"({', '.join(c for c in request.balance if c != wanted)})",
                    "give none alone for no balance, or the columns alone",
                )
            continue
        column = find_column(available, wanted)
        if column is None:
            shown = ", ".join(available) if available else "none besides name and email"
            key = header_key(wanted)
            if key in (*EMAIL_KEYS, *NAME_KEYS, *FIRST_KEYS, *LAST_KEYS):
                kind = "email address" if key in EMAIL_KEYS else "name"
                raise LiftkitError(  # each person's own: nothing several people share
                    f"`balance` {wanted}: a person's {kind} is their own, not a column to "
                    f"balance (columns to balance: {shown})",
                    "name a column that people share, such as an organisation",
                )
            raise LiftkitError(
                f"`balance` {wanted}: no such column in the attendee list (columns: {shown})",
                column_hint(available, wanted, "name one of those columns"),
            )
        if column in columns:
            continue
        ids: dict[str, int] = {}
        labels: list[str] = []
        per_person: list[int] = []
        for person in people:
            text = person.attributes.get(column, "").strip()
            key = same_value(text)  # as the event pack counts values
            if key not in ids:
                ids[key] = len(labels)
                labels.append(text or "(blank)")
            per_person.append(ids[key])
        columns.append(column)
        values.append(per_person)
        value_names.append(labels)

    fac_count = sum(facilitator)
    # facilitators kept together (--together) lead one group between them
    shared = [[people[i].name for i in u if facilitator[i]] for u in units]
    shared = [names for names in shared if len(names) > 1]
    leading = fac_count - sum(len(names) - 1 for names in shared)
    if fac_count and leading < k:
        notes.append(
            f"{plural(fac_count, 'facilitator')} for {plural(k, 'group')}: "
            f"{plural(k - leading, 'group has', 'groups have')} none in each round"
            + "".join(f"; {' and '.join(names)} share one (`together`)" for names in shared)
        )
    return Setup(
        people, k, sizes, units, facilitator, apart_sets, together_sets, columns, values,
        value_names, notes,
    )  # fmt: skip


def all_columns(people: Sequence[Person]) -> list[str]:
    columns: list[str] = []
    for person in people:
        for column in person.attributes:
            if column not in columns:
                columns.append(column)
    return columns


def _constraint(directory: Directory, text: str, option: str) -> list[int]:
    members = directory.many(text, option)
    if len(members) < 2:
        raise LiftkitError(
            f"{option} {text}: needs two or more different people",
            f"write {option} 'Name One,Name Two'",
        )
    return members


def make_problem(setup: Setup, homes: list[list[int] | None]) -> Problem:
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
    never = never_meet(n, k, list(zip(setup.columns, setup.values, strict=True)),
                       setup.apart_sets, setup.units).pairs  # fmt: skip
    return Problem(n, k, setup.units, kinds, apart, setup.values, bands, weights, homes, never)


def _facilitators_by_column(people: Sequence[Person]) -> list[int]:
    """Who a column names as a facilitator: a role of facilitator (also "co-facilitator",
    "Lead facilitator", "facilitators") in the columns a host's role is read from (`Role`,
    Eventbrite's `Ticket type`, model.ROLE_COLUMNS), or "yes" under `facilitator`
    (liftkit's own CSV)."""
    columns = role_columns(people)
    flag = find_column(all_columns(people), FACILITATOR_COLUMN)
    found = []
    for i, person in enumerate(people):
        words = (
            " ".join(same_words(role).replace("-", " ").split()) for role in roles(person, columns)
        )
        if any(_FACILITATOR_ROLE.match(role) for role in words) or (
            flag and same_words(person.attributes.get(flag, "")) in YES
        ):
            found.append(i)
    return found


def with_facilitators(setup: Setup, problem: Problem) -> Problem:
    """The problem a design's points are coloured for: the --balance columns and, when
    there are facilitators, one more column of who facilitates, banded like any value
    (a facilitator a group when there are as many as groups). It goes first when its
    counts are exact, to be laid on plexes or whole rows, and weighs twice the heaviest
    column: a group without one is worse than a value one out."""
    f = sum(setup.facilitator)
    if not f:
        return problem
    n, k = len(setup.people), setup.groups
    column = [int(lead) for lead in setup.facilitator]
    bands = [((n - f) // k, -(-(n - f) // k)), (f // k, -(-f // k))]
    weight = 2 * max(problem.column_weights, default=1)
    if f % k == 0:
        return replace(problem, columns=[column, *problem.columns], bands=[bands, *problem.bands],
                       column_weights=[weight, *problem.column_weights])  # fmt: skip
    return replace(problem, columns=[*problem.columns, column], bands=[*problem.bands, bands],
                   column_weights=[*problem.column_weights, weight])  # fmt: skip
