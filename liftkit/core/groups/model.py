"""The shapes of a split: groups, rounds, the score, the request, and group sizes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from liftkit.core.errors import LiftkitError
from liftkit.core.people.reader import Person
from liftkit.core.text import plural

DEFAULT_SIZE = 4


@dataclass(frozen=True)
class Group:
    """One breakout room of a round: its `members`, and which of them facilitate.

    A script may give people by name (`Group("Room 1", ("Ada", "Bo"))`): each is a Person
    of that name, without an email. What is neither is kept as given, for the library to
    refuse naming the room (api_arguments.checked_split)."""

    name: str
    members: tuple[Person, ...]
    facilitators: tuple[Person, ...] = ()

    def __init__(
        self,
        name: str,
        members: Sequence[Person | str],
        facilitators: Sequence[Person | str] = (),
    ) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "members", _people(members))
        object.__setattr__(self, "facilitators", _people(facilitators))


def _people(given: Sequence[Person | str]) -> tuple[Person, ...]:
    """Names as people of those names; a text or a single value as given (not its letters)."""
    if isinstance(given, tuple) and all(type(item) is Person for item in given):
        return given  # as the core makes them: every split makes thousands
    # What is not people is kept for checked_split to refuse, naming the room.
    if isinstance(given, str) or not isinstance(given, Sequence):
        return cast("tuple[Person, ...]", given)
    named = (Person(i.strip()) if isinstance(i, str) and i.strip() else i for i in given)
    return cast("tuple[Person, ...]", tuple(named))


@dataclass(frozen=True)
class Round:
    """One round of a split (`number` from 1): every person in one of its `groups`."""

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
    limit: str = ""  # with repeats left: why (a proven limit, or none found), in words


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
    held: int = 0  # the first rounds of `previous` that took place: kept as they were


@dataclass(frozen=True)
class Split:
    """Breakout groups over one or more `rounds`, with their `score`, the `seed` that
    gives them again, and `notes` for the host (a request adjusted, a host left out)."""

    rounds: tuple[Round, ...]
    score: Score
    seed: int | None = None
    notes: tuple[str, ...] = ()  # things to tell the host (on stderr)
    settings: dict[str, object] = field(default_factory=dict, compare=False)


def round_number(previous: Split | None, r: int) -> int:
    """The number of the split's round `r` (from 0). An earlier split's rounds keep theirs:
    the same rounds come out, updated or held (a programme's week 3 stays round 3, for
    `liftkit run --groups FILE --round 3`); the rounds after them follow on from its last."""
    if previous is None or not previous.rounds:
        return r + 1
    if r < len(previous.rounds):
        return previous.rounds[r].number
    return previous.rounds[-1].number + r - len(previous.rounds) + 1


def rounds_named(rounds: Sequence[Round]) -> str:
    """`round 3`, or `rounds 3 to 5`, by the rounds' numbers."""
    first, last = rounds[0].number, rounds[-1].number
    return f"round {first}" if len(rounds) == 1 else f"rounds {first} to {last}"


def tied_together(n: int, sets: Sequence[Sequence[int]]) -> list[list[int]]:
    """0..n-1 in the sets that share someone, merged (people kept together, values tied
    through who holds them), each in order, in the order of their first."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in sets:
        for other in members[1:]:
            parent[root(other)] = root(members[0])
    blocks: dict[int, list[int]] = {}
    for i in range(n):
        blocks.setdefault(root(i), []).append(i)
    return list(blocks.values())


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
        made = f"one group of {people}" if k == 1 else f"{k} groups, one of {-(-people // k)}"
        notes.append(
            f"{people} people in groups of {size or DEFAULT_SIZE} would leave someone alone: "
            f"made {made}"
        )
    return k, notes


MAX_ROUNDS = 1000  # rounds of one split, at most (1,000 rounds of 40 people: about 3 s)
MAX_PLACES = 1_000_000  # people times rounds, at most (a million in one round: about a minute)


def check_facilitators(names: Sequence[str]) -> None:
    """Refuse an empty facilitator's name (an unset shell variable, a blank cell pasted):
    it names nobody, and would otherwise be ignored."""
    if any(not name.strip() for name in names):
        raise LiftkitError(
            '`facilitators` "": an empty name names nobody',
            "give the facilitator's name or email, or leave out `facilitators`",
        )


def check_extent(people: int, rounds: int) -> None:
    """Refuse, before any work, a split too large to finish in a minute or so: a mistyped
    `rounds` (100,000 rounds of 40 people took 2 minutes) or a list of millions."""
    if rounds > MAX_ROUNDS:
        raise LiftkitError(
            f"`rounds` {rounds}: liftkit splits at most {MAX_ROUNDS:,} rounds at a time",
            f"use `rounds` {MAX_ROUNDS} or fewer",
        )
    if people * rounds > MAX_PLACES:
        raise LiftkitError(
            f"{people:,} people over {rounds:,} rounds is {people * rounds:,} places; "
            f"liftkit splits at most {MAX_PLACES:,} at a time",
            "ask for fewer rounds, or split the list into parts",
        )


def size_range(sizes: Sequence[int]) -> str:
    low, high = min(sizes), max(sizes)
    return str(low) if low == high else f"{low} to {high}"


def group_sizes(people: int, groups: int) -> list[int]:
    base, extra = divmod(people, groups)
    return [base + 1] * extra + [base] * (groups - extra)


def repeat_summary(
    schedule: Sequence[Sequence[int]], units_of: Sequence[int]
) -> tuple[int, int, int]:
    """(pairs meeting more than once, most meetings of one pair, pairs met) of a schedule.

    Pairs in one unit (kept together on purpose) are not counted.
    """
    meetings: dict[tuple[int, int], int] = {}
    for row in schedule:
        groups: dict[int, list[int]] = {}
        for p, g in enumerate(row):
            groups.setdefault(g, []).append(p)
        for members in groups.values():
            for i, p in enumerate(members):
                for q in members[i + 1 :]:
                    if units_of[p] != units_of[q]:
                        meetings[(p, q)] = meetings.get((p, q), 0) + 1
    repeats = sum(1 for m in meetings.values() if m > 1)
    most = max(meetings.values(), default=0)
    return repeats, most, len(meetings)
