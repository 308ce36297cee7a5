"""Benchmark of rounds planned after held ones (`liftkit groups --held`, a live reshuffle).

Each case plans an earlier split, then the rounds after its held ones for the people there
now, as a host would: a café's rounds that ran (the earlier split holds only those, as a
live reshuffle's does), a programme's weeks with leavers and joiners (the earlier split
holds every week). Side by side in this process, the same splits with the starts of
after_held.py replaced by greedy rounds alone and no fresh plan laid on a held round
(relaid.py): how liftkit planned them before, so that the ratio is measured in one run
on one machine. Repeats are recounted from the rounds
that come out (held ones included), summed over the seeds; times are the engine's, the
median over the seeds.

Run: python bench/held.py [--seeds N]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import time
from dataclasses import dataclass, replace
from unittest import mock

from liftkit.core.groups import split as split_module
from liftkit.core.groups.model import Split
from liftkit.core.groups.split import SplitRequest, split_into_groups
from liftkit.core.groups.start import start_schedule
from liftkit.core.people.reader import Person


@dataclass(frozen=True)
class Case:
    name: str
    people: int
    rooms: int
    rounds: int  # in all, the held ones included
    held: int
    planned_before: int  # rounds of the earlier split
    hosts: int = 0  # facilitators, the first people ("Table host")
    churn: int = 0  # left since the earlier split, and as many joined
    orgs: tuple[int, ...] = ()  # --balance organisation, of these sizes
    live: bool = False  # the earlier split planned every round; only the held ones are
    # passed on, as a live reshuffle (reshuffles.reshuffle_family) passes the rounds that ran


ORGS = (30, 25, 20, 15, 10)  # organisations' sizes, for --balance
EVEN, TENS = (20,) * 5, (10,) * 6  # two a table, one a table
CASES = [
    Case("café 100 at 10 tables, 4 rounds, 1 ran, 10 hosts", 100, 10, 4, 1, 1, hosts=10),
    Case("café 100 at 10 tables, 4 rounds, 2 ran, 10 hosts", 100, 10, 4, 2, 2, hosts=10),
    Case("café 100 at 10 tables, 4 rounds, 3 ran", 100, 10, 4, 3, 3),
    Case("café 30 at 6 tables, 3 rounds, 1 ran, 6 hosts", 30, 6, 3, 1, 1, hosts=6),
    Case("64 in eights, 6 rounds, 3 ran, 8 hosts", 64, 8, 6, 3, 3, hosts=8),
    Case("49 in sevens, 8 rounds, 1 ran", 49, 7, 8, 1, 1),
    Case("programme 28 in fours, 8 weeks, 2 held, 2 left 2 joined", 28, 7, 8, 2, 8, churn=2),
    Case("programme 100 at 10, 4 weeks, 3 held, 5 left 5 joined", 100, 10, 4, 3, 4, churn=5),
    Case("programme 49 in sevens, 5 weeks planned, 2 held, made 8", 49, 7, 8, 2, 5),
    Case(
        "100 at 10, 5 organisations, 4 weeks, 1 held, 2 left 2 joined", 100, 10, 4, 1, 4, 0, 2, ORGS
    ),
    Case("café 100 at 10, 5 organisations balanced, 4 rounds, 1 ran", 100, 10, 4, 1, 1, orgs=ORGS),
    Case("café 100 at 10, 5 organisations of 20, 4 rounds, 1 ran", 100, 10, 4, 1, 1, orgs=EVEN),
    Case("café 60 at 10, 6 organisations of 10, 5 rounds, 1 ran", 60, 10, 5, 1, 1, orgs=TENS),
    Case("live café 90 at 10, 4 rounds, 2 ran, 10 hosts", 90, 10, 4, 2, 4, hosts=10, live=True),
    Case("live café 130 at 12, 4 rounds, 2 ran, 12 hosts", 130, 12, 4, 2, 4, hosts=12, live=True),
    Case("live café 120 at 11, 4 rounds, 3 ran, 11 hosts", 120, 11, 4, 3, 4, hosts=11, live=True),
    Case("live café 80 at 9, 4 rounds, 3 ran, 9 hosts", 80, 9, 4, 3, 4, hosts=9, live=True),
    Case("live café 90 at 10, 4 rounds, 3 ran, 10 hosts", 90, 10, 4, 3, 4, hosts=10, live=True),
    Case("live café 70 at 9, 4 rounds, 3 ran, 9 hosts", 70, 9, 4, 3, 4, hosts=9, live=True),
    # more people than tables squared: the plan's twins stay the only pairs to meet again
    Case("live café 72 at 8, 4 rounds, 3 ran", 72, 8, 4, 3, 4, live=True),
    Case("live café 110 at 10, 4 rounds, 3 ran", 110, 10, 4, 3, 4, live=True),
    Case("live café 87 at 9, 4 rounds, 2 ran, 9 hosts", 87, 9, 4, 2, 4, hosts=9, live=True),
    Case("live café 110 at 10, 4 rounds, 1 ran, 10 hosts", 110, 10, 4, 1, 4, hosts=10, live=True),
    Case("café 120 at 12 tables, 4 rounds, 2 ran", 120, 12, 4, 2, 2),
    Case("1,000 at 40 tables, 4 rounds, 1 ran, 40 hosts", 1000, 40, 4, 1, 1, hosts=40),
    Case("10,000 at 400 tables, 4 rounds, 1 ran", 10_000, 400, 4, 1, 1),
]


def crowd(case: Case, joined: int = 0) -> list[Person]:
    """The people of the earlier split, or (joined > 0) those there now: the first `joined`
    non-hosts after the hosts left, and as many new people came, of other organisations."""
    labels = [f"org{o}" for o, size in enumerate(case.orgs) for _ in range(size)]
    everyone = [
        Person(f"Person {i}", f"p{i}@example.org",
               {"role": "Table host" if i < case.hosts else "",
                "organisation": labels[i] if labels else ""})
        for i in range(case.people)
    ]  # fmt: skip
    if not joined:
        return everyone
    gone = set(range(case.hosts, case.hosts + joined))
    newcomers = [Person(f"New {i}", f"new{i}@example.org",
                        {"role": "", "organisation": labels[-1 - i] if labels else ""})
                 for i in range(joined)]  # fmt: skip
    return [p for i, p in enumerate(everyone) if i not in gone] + newcomers


def recounted(split: Split) -> int:
    """Pairs who share a room in more than one round, counted from the rooms by email."""
    met: dict[tuple[str, str], int] = {}
    for rnd in split.rounds:
        for group in rnd.groups:
            emails = sorted(p.email or p.name for p in group.members)
            for i, a in enumerate(emails):
                for b in emails[i + 1 :]:
                    met[(a, b)] = met.get((a, b), 0) + 1
    return sum(1 for m in met.values() if m > 1)


def greedy_only(setup, problem, rounds, held, later, rng, effort, repairable, avoid=()):  # type: ignore[no-untyped-def]
    """after_held.held_start as it was before: greedy rounds after the held ones."""
    return start_schedule(setup, problem, rounds, [], rng, effort, repairable), []


def run(case: Case, seeds: int) -> tuple[tuple[int, float], tuple[int, float]]:
    balance = ("organisation",) if case.orgs else ()
    results = []
    for patched in (False, True):
        repeats, times = 0, []
        for seed in range(1, seeds + 1):
            earlier = split_into_groups(
                crowd(case), SplitRequest(count=case.rooms, rounds=case.planned_before,
                                          balance=balance), random.Random(100 + seed))  # fmt: skip
            if case.live:
                earlier = replace(earlier, rounds=earlier.rounds[: case.held])
            asked = SplitRequest(count=case.rooms, rounds=case.rounds, balance=balance,
                                 previous=earlier, held=case.held)  # fmt: skip
            now = crowd(case, case.churn)
            greedy = contextlib.ExitStack()
            if patched:
                greedy.enter_context(mock.patch.object(split_module, "held_start", greedy_only))
                greedy.enter_context(mock.patch.object(split_module, "fresh_laid", lambda *a: []))
            with greedy:
                start = time.perf_counter()
                split = split_into_groups(now, asked, random.Random(seed))
                times.append(time.perf_counter() - start)
            repeats += recounted(split)
        results.append((repeats, statistics.median(times)))
    return results[0], results[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="seeds per case")
    options = parser.parse_args()
    print(f"Rounds after held ones: repeats summed over {options.seeds} seeds (recounted), "
          "engine seconds (median)")  # fmt: skip
    print(f"{'case':<64} {'liftkit':>14} {'greedy start':>16}")
    for case in CASES:
        (ours, took), (greedy, before) = run(case, options.seeds)
        print(f"{case.name:<64} {ours:>5} {took:6.2f} s {greedy:>7} {before:6.2f} s", flush=True)


if __name__ == "__main__":
    main()
