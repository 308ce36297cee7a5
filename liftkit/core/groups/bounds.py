"""How many rounds can avoid repeats at all: the limits a host can plan by.

- A group of round 2 must take its members from different groups of round 1, so groups
  larger than the number of groups allow one round only.
- Everyone meets at least (smallest group - 1) new people a round, out of n - 1.
- All rounds together hold no more pairs than the C(n, 2) there are.
- n = s * s people in s groups of s: at most s + 1 rounds (an affine plane), and for
  s = 6 only 3, because no two orthogonal Latin squares of order 6 exist (Tarry, 1900):
  36 people in sixes for 4 rounds always repeat someone.
"""

from __future__ import annotations

from collections.abc import Sequence

GROUP_WORDS = {2: "pairs", 3: "trios", 4: "fours", 5: "fives", 6: "sixes", 7: "sevens",
               8: "eights", 9: "nines", 10: "tens"}  # fmt: skip
NO_PAIR_OF_LATIN_SQUARES = (2, 6)  # orders with no two orthogonal Latin squares


def zero_repeat_limit(sizes: Sequence[int]) -> int:
    """The most rounds that can avoid repeats with these group sizes (a proven bound)."""
    n, groups = sum(sizes), len(sizes)
    if n < 2 or groups < 2 or min(sizes) < 2:
        return 1
    if max(sizes) > groups:
        return 1
    per_person = (n - 1) // (min(sizes) - 1)
    pairs = n * (n - 1) // 2 // sum(s * (s - 1) // 2 for s in sizes)
    bound = min(per_person, pairs)
    if all(s == groups for s in sizes):
        bound = min(bound, groups + 1)
        if groups in NO_PAIR_OF_LATIN_SQUARES:
            bound = min(bound, 3)
    return bound


def in_groups(sizes: Sequence[int]) -> str:
    low, high = min(sizes), max(sizes)
    if low != high:
        return f"in groups of {low} and {high}"
    return f"in {GROUP_WORDS[low]}" if low in GROUP_WORDS else f"in groups of {low}"


def limit_text(sizes: Sequence[int], rounds: int, repeats: int) -> str:
    """A sentence for the score when repeats are left: impossible, or not found."""
    if repeats == 0 or rounds < 2:
        return ""
    n = sum(sizes)
    limit = zero_repeat_limit(sizes)
    who = f"{n} people {in_groups(sizes)}"
    if rounds > limit:
        plural = "round" if limit == 1 else "rounds"
        return f"at most {limit} {plural} can avoid repeats for {who}"
    return (
        f"no {rounds} rounds without repeats were found for {who}; whether they exist "
        f"is not known to liftkit (counting allows up to {limit})"
    )
