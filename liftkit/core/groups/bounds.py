"""How many rounds can avoid repeats at all: the limits a host can plan by.

- A group of round 2 must take its members from different groups of round 1, so groups
  larger than the number of groups allow one round only.
- Everyone meets at least (smallest group - 1) new people a round, out of n - 1.
- All rounds together hold no more pairs than the C(n, 2) there are.
- n = s * s people in s groups of s: at most s + 1 rounds (an affine plane), and for
  s = 6 only 3, because no two orthogonal Latin squares of order 6 exist (Tarry, 1900):
  36 people in sixes for 4 rounds always repeat someone.
- s * s people in s groups of s: at most s rounds when no affine plane of order s exists:
  order 10 (Lam, Thiel and Swiercz, 1989) and every order 1 or 2 mod 4 that is not a sum of
  two squares (Bruck and Ryser, 1949: 14, 21, 22, 30, ...).
- s * s - 1 people in s groups (one group of s - 1) have the same limits as s * s: the
  first two rounds are the rows and columns of an s by s grid with one empty cell (a full
  group of round 2 must take one person from each group of round 1), every later round is
  a Latin square of order s once its short group's symbol fills that cell, and two rounds
  without a repeat are orthogonal squares. So 35 people in 6 rooms for 4 rounds always
  repeat someone, as 36 do.
- 12 people in trios: at most 4 rounds, because no nearly Kirkman triple system of order
  12 exists (Kotzig and Rosa, 1974; they exist for every order 0 mod 6 from 18): five
  rounds would have each person meet 10 of the 11 others.
- A few small lists, decided by a SAT solver (bench/sat_schedules.py searches every schedule,
  up to renaming people, rooms and rounds; CaDiCaL answered UNSAT for one round more):
  13 and 14 people in 4 rooms, at most 4 rounds, and 20 to 23 people in 5 rooms, at most
  5, where counting allows 5 and 6; in rooms of three and two, 7 people in 3 rooms, at most
  3, and 11 in 4, at most 4, where counting allows 4 and 5 (ADJACENT_LIMITS).
- Hard constraints take pairs away: people kept apart never meet, and neither do two people
  with a --balance value held by no more people than there are groups (at most one of them
  fits in each group). The pairs left must hold every round's meetings: 21 people in trios,
  balanced on a six-valued column, cannot have 10 rounds without a repeat, because those
  rounds need all 210 pairs. Facilitators, one a group, never meet each other, and meet
  only the others: 25 people in 5 fives with a facilitator in each have 5 rounds at most,
  not the 6 of an affine plane (leads_limit).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from liftkit.core.groups.mols import prime_power_factors
from liftkit.core.text import plural

GROUP_WORDS = {2: "pairs", 3: "trios", 4: "fours", 5: "fives", 6: "sixes", 7: "sevens",
               8: "eights", 9: "nines", 10: "tens"}  # fmt: skip
NO_PAIR_OF_LATIN_SQUARES = (2, 6)  # orders with no two orthogonal Latin squares
NO_NKTS_12 = 4  # rounds for 12 people in trios: no nearly Kirkman triple system of order 12
# (people, rooms) -> the most rounds without a repeat in rooms within one in size: one more was
# UNSAT for bench/sat_schedules.py (CaDiCaL 1.5.3, 2026-12-04; its header has the times).
ADJACENT_LIMITS = {
    (7, 3): 3, (11, 4): 4, (13, 4): 4, (14, 4): 4, (20, 5): 5, (21, 5): 5, (22, 5): 5, (23, 5): 5
}  # fmt: skip


MOST_PEOPLE_COUNTED = 5_000  # above this, pairs that may never meet are not counted


@dataclass(frozen=True)
class NeverMeet:
    """Pairs that hard constraints keep out of every group, and why."""

    pairs: int = 0  # distinct pairs that can never share a group
    fewest_free: int | None = None  # the fewest others any one person may ever meet
    why: str = ""  # "sector balanced and 2 apart sets kept"
    leads: int = 0  # facilitators, each in a group of their own in every round


def never_meet(
    n: int,
    groups: int,
    columns: Sequence[tuple[str, Sequence[int]]],
    apart_sets: Sequence[Sequence[int]],
    units: Sequence[Sequence[int]] = (),
    leads: Sequence[int] = (),
) -> NeverMeet:
    """The pairs that a balanced split (each value within one per group), the apart sets
    and facilitators (`leads`, no two in a group when they are no more than the groups)
    keep apart for good. `columns` are (header, each person's value id); pairs inside one
    of `units` (people kept together) are not counted."""
    if n > MOST_PEOPLE_COUNTED or groups < 2:
        return NeverMeet()
    partners: list[set[int]] = [set() for _ in range(n)]
    reasons: list[str] = []
    leads = leads if 1 < len(leads) <= groups else ()
    for p in leads:
        partners[p].update(q for q in leads if q != p)
    if leads:  # as check.kept_text says it
        reasons.append("a facilitator in every group" if len(leads) == groups
                       else "no two facilitators together")  # fmt: skip
    for header, values in columns:
        holders: dict[int, list[int]] = {}
        for p, v in enumerate(values):
            holders.setdefault(v, []).append(p)
        scarce = [ps for ps in holders.values() if 1 < len(ps) <= groups]
        for ps in scarce:
            for p in ps:
                partners[p].update(q for q in ps if q != p)
        if scarce:
            reasons.append(f"{header} balanced")
    for members in apart_sets:
        for p in members:
            partners[p].update(q for q in members if q != p)
    if apart_sets:
        reasons.append(f"{plural(len(apart_sets), 'apart set')} kept")
    for unit in units:
        for p in unit:
            partners[p].difference_update(unit)
    pairs = sum(len(others) for others in partners) // 2
    if not pairs:
        return NeverMeet()
    fewest = min(n - 1 - len(others) for others in partners)
    return NeverMeet(pairs, fewest, " and ".join(reasons), len(leads))


def zero_repeat_limit(sizes: Sequence[int], never: NeverMeet | None = None) -> int:
    """The most rounds that can avoid repeats with these group sizes (a proven bound), and
    with the pairs that constraints keep apart when `never` is given."""
    n, groups = sum(sizes), len(sizes)
    if n < 2 or groups < 2 or min(sizes) < 2:
        return 1
    if max(sizes) > groups:
        return 1
    free = n - 1 if never is None or never.fewest_free is None else never.fewest_free
    per_person = max(1, free // (min(sizes) - 1))
    open_pairs = n * (n - 1) // 2 - (never.pairs if never else 0)
    pairs = max(1, open_pairs // sum(s * (s - 1) // 2 for s in sizes))
    bound = min(per_person, pairs)
    if max(sizes) == groups and n >= groups * groups - 1:  # s * s, or one fewer (above)
        bound = min(bound, groups + 1)
        if groups in NO_PAIR_OF_LATIN_SQUARES:
            bound = min(bound, 3)
        elif no_affine_plane(groups):
            bound = min(bound, groups)
    if n == 12 and all(s == 3 for s in sizes):
        bound = min(bound, NO_NKTS_12)
    if max(sizes) - min(sizes) <= 1:
        bound = min(bound, ADJACENT_LIMITS.get((n, groups), bound))
    if never is not None and never.leads:
        bound = min(bound, leads_limit(sizes, never.leads))
    return bound


def leads_limit(sizes: Sequence[int], leads: int) -> int:
    """The most rounds without a repeat for `leads` facilitators, each in a group of their
    own: in every round they meet, all told, at least as many people as the smallest groups
    they can stand in hold besides them, and only among the n - leads who do not
    facilitate, whom each may meet once (15 people in groups of 4, 4, 4 and 3 with a
    facilitator in each: 11 a round, 4 * 11 in all, so 4 rounds)."""
    n = sum(sizes)
    least = sum(sorted(s - 1 for s in sizes)[:leads])
    return leads * (n - leads) // least if least else n


def crowded_floor(rounds: Iterable[Iterable[int]], groups: int) -> int:
    """The fewest meetings past the first (sum of C(meetings, 2)) that rounds with groups
    of these sizes (per round) share: each two rounds share at least the larger of their
    rounds' crowded_pairs."""
    forced = sorted((crowded_pairs(sizes, groups) for sizes in rounds), reverse=True)
    return sum(count * (len(forced) - 1 - i) for i, count in enumerate(forced))


def crowded_pairs(sizes: Iterable[int], groups: int) -> int:
    """The fewest pairs of a round with groups of these sizes that share a group again in
    any other round of `groups` groups: a group of more people than groups cannot be parted
    whole (each group's people spread as evenly as they can)."""
    total = 0
    for size in sizes:
        each, extra = divmod(size, groups)
        total += extra * (each + 1) * each // 2 + (groups - extra) * each * (each - 1) // 2
    return total


def no_affine_plane(s: int) -> bool:
    """Whether no affine plane of order s exists, as proven: 10 by computer search, the
    others by the Bruck-Ryser theorem (6 among them)."""
    if s == 10:
        return True
    if s % 4 not in (1, 2):
        return False
    return not any(round((s - a * a) ** 0.5) ** 2 == s - a * a for a in range(int(s**0.5) + 1))


# Orders g with more mutually orthogonal Latin squares known than MacNeish's products give:
# at least this many (Handbook of Combinatorial Designs, table III.3.87).
KNOWN_MOLS = {6: 1, 10: 2, 12: 5, 14: 3, 15: 4, 18: 5, 26: 4, 30: 4}  # 18: Abel (mols_data.py)
NO_RESOLVABLE_FIVES = (45, 345, 465, 645)  # v = 5 mod 20 still open (Handbook, II.7.3)


def known_squares(k: int) -> int:
    """How many mutually orthogonal Latin squares of order k are known: k - 1 for a prime
    power, MacNeish's product or the Handbook's table otherwise."""
    macneish = min(prime_power_factors(k)) - 1
    return max(macneish, KNOWN_MOLS.get(k, 1))


def known_schedule(sizes: Sequence[int], rounds: int) -> str:
    """The design that gives `rounds` without repeats for these equal groups, when design
    theory proves one exists; "" when liftkit knows of none."""
    n, k = sum(sizes), max(sizes)
    if len(sizes) == k and n == k * k - 1:
        n = k * k  # the square less one person (above): the same squares serve
    elif any(s != k for s in sizes):
        return ""
    if k == 3 and n % 6 == 3 and rounds <= (n - 1) // 2:
        return f"a Kirkman triple system of order {n}"
    if k == 3 and n % 6 == 0 and n >= 18 and rounds <= (n - 2) // 2:
        return f"a nearly Kirkman triple system of order {n}"
    if k == 4 and n % 12 == 4 and rounds <= (n - 1) // 3:
        return f"a resolvable 2-({n},4,1) design"
    if k == 4 and n % 12 == 0 and n >= 24 and rounds <= (n - 3) // 3:  # Ge et al., 2005
        return f"a resolvable 4-GDD of type 3^{n // 3}"
    if k == 5 and n % 20 == 5 and n not in NO_RESOLVABLE_FIVES and rounds <= (n - 1) // 4:
        return f"a resolvable 2-({n},5,1) design"
    if n == k * k:
        squares = known_squares(k)
        if rounds <= squares + 2:
            if squares == 1:
                return f"a Latin square of order {k}"
            return f"{squares} mutually orthogonal Latin squares of order {k}"
    return ""


def in_groups(sizes: Sequence[int]) -> str:
    low, high = min(sizes), max(sizes)
    if low != high:
        return f"in groups of {low} and {high}"
    return f"in {GROUP_WORDS[low]}" if low in GROUP_WORDS else f"in groups of {low}"


def limit_text(
    sizes: Sequence[int],
    rounds: int,
    repeats: int,
    never: NeverMeet | None = None,
    kept: str = "",
) -> str:
    """A sentence for the score when repeats are left: impossible, or not found. `kept`
    names the constraints asked for ("org balanced"): a schedule known to exist without
    them may not exist with them."""
    if repeats == 0 or rounds < 2:
        return ""
    n = sum(sizes)
    limit = held = zero_repeat_limit(sizes)
    who = f"{n} people {in_groups(sizes)}"
    if rounds > limit:
        forced = crowded_pairs(sizes, len(sizes))
        crowded = f": any two rounds share at least {plural(forced, 'pair')}" if forced else ""
        return f"at most {plural(limit, 'round')} can avoid repeats for {who}{crowded}"
    if never is not None and never.pairs:
        held = zero_repeat_limit(sizes, never)
        if rounds > held and never.leads and held == leads_limit(sizes, never.leads):
            return (
                f"with {never.why}, at most {plural(held, 'round')} can avoid repeats for {who} "
                f"(the {never.leads} facilitators can meet only the {n - never.leads} others)"
            )
        if rounds > held:
            return (
                f"with {never.why}, at most {plural(held, 'round')} can avoid repeats for {who} "
                f"({plural(never.pairs, 'pair')} may never share a group)"
            )
    known = known_schedule(sizes, rounds)
    with_kept = f" with {kept}" if kept else ""
    if known and kept:
        return (
            f"{rounds} rounds without repeats exist for {who} ({known}), but none was found"
            f"{with_kept}; whether one exists{with_kept} is not known to liftkit"
        )
    if known:
        return (
            f"{rounds} rounds without repeats exist for {who} ({known}), but liftkit's "
            "constructions do not reach them"
        )
    return (
        f"no {rounds} rounds without repeats were found for {who}{with_kept}; whether they "
        f"exist is not known to liftkit (counting allows up to {held})"
    )
