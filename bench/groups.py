"""Benchmark of `liftkit groups`: quality (repeat pairs) and speed on the instances of issues
4 and 11, beside the figures of Good Enough Golfers (GEG) that issue 11 measured.

Instances are players-size-rounds, or players-cCOUNT-rounds for a number of rooms (groups of
two adjacent sizes); "-constrained" adds --balance on a six-valued column and keep-apart sets
of three covering 20 % of the players; "-orgs34.33.33" gives the players organisations of
those sizes instead of six even sectors, and --balance on them; "-regions" adds a second
--balance column, four even regions; "-leads" makes the last of them facilitators, one
for each room (a `role` column in the command's CSV). For each: the repeat pairs
and the most meetings of any pair (worst over the seeds), the engine's time in this
process, and the whole-process time of the real command line (`python -m liftkit groups
FILE ... -o FILE` on a generated CSV), median of several runs.

Run: python bench/groups.py [--seeds N] [--runs N] [--families] [INSTANCE...]
     python bench/groups.py --hosts [--seeds N]
     python bench/groups.py --mixes [--seeds N]
     python bench/groups.py --beyond [--seeds N]

--hosts times 32 splits a host would ask for (40 to 150 people, two --balance columns,
facilitators and keep-apart sets) in this process and prints their repeats and spread.

--mixes splits organisation mixes a host may bring (mixes(): two columns of random sizes,
and one column plain, with facilitators drawn at random, keep-apart sets, and both).

--families adds every instance up to 150 people where design theory proves a schedule
without repeats exists (Kirkman and nearly Kirkman triple systems, resolvable designs with
blocks of 4 and 5, resolvable 4-GDDs of type 3^u, affine planes, orthogonal Latin squares).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from command import installed_env

from liftkit.core.groups.model import Split
from liftkit.core.groups.split import SplitRequest, split_into_groups
from liftkit.core.people.reader import Person

SECTORS = ("charity", "public", "private", "academic", "health", "community")
REGIONS = ("north", "south", "east", "west")

# (instance, zero-repeat solution known, whole-process target in seconds or None, GEG)
Row = tuple[str, bool, float | None, str]
INSTANCES: list[Row] = [
    ("21-3-10", True, 2.0, "11"),
    ("28-4-9", True, 2.0, "32"),
    ("32-4-10", True, 2.0, "31-34"),
    ("100-10-4", True, 2.0, "23 (62 s)"),
    ("21-3-10-constrained", True, 2.0, "-"),
    ("28-4-9-constrained", True, 2.0, "-"),
    ("32-4-10-constrained", True, 2.0, "-"),
    ("100-10-4-constrained", True, 2.0, "-"),
    ("73-5-3", True, 1.0, "-"),
    ("30-3-10", True, 1.0, "-"),
    ("32-4-8", True, 1.0, "-"),
    ("32-4-9", True, 1.0, "-"),
    ("32-4-10", True, 1.0, "-"),
    ("15-3-7", True, 1.0, "-"),
    ("200-6-5", True, 5.0, "-"),
    ("1000-5-4", True, 5.0, "-"),
    ("10000-6-5", True, None, "-"),
    ("73-5-3-constrained", True, 1.0, "-"),
    ("1000-8-10-constrained", True, 5.0, "-"),
    ("150-5-10-constrained", True, 2.0, "-"),
    ("120-c20-12-constrained", True, 2.0, "-"),
    ("30-c6-6-constrained", False, 2.0, "-"),
    # no construction gives every round: the search, then the annealing (anneal.py); 60 in
    # sixes for 8 rounds has the stored difference rows' 8 since 2026-12-02 (27-29 before)
    ("60-6-8", True, 2.0, "-"),
    ("50-5-12", False, 2.0, "-"),
    # a World Cafe of 5 rounds: no fifth round without a repeat on the Latin squares of
    # order 10 (fifth.py), whose stored fifth rounds leave few (a greedy one left 30-65)
    ("100-c10-5", False, 2.0, "-"),
    ("95-c10-5", False, 2.0, "-"),
    ("91-c10-5", False, 2.0, "-"),
    ("100-c10-5-constrained", False, 2.0, "-"),
    # and of 6 rounds, with a stored sixth round after the fifth (a greedy one left 58-81)
    ("100-c10-6", False, 2.0, "-"),
    ("95-c10-6", False, 2.0, "-"),
    # World Cafe with organisations of uneven size, balanced
    ("100-c10-4-orgs34.33.33", True, 2.0, "-"),
    ("100-c10-4-orgs22.18.15.12.11.10.7.5", True, 2.0, "-"),
    # organisations of whole tens: laid on the second pair's plexes (geometry.SHARED_PLEXES)
    ("100-c10-4-orgs50.50", True, 2.0, "-"),
    ("100-c10-4-orgs40.30.20.10", True, 2.0, "-"),
    # uneven organisations: the tabu search colours the Latin squares (tabu.py)
    ("100-c10-4-orgs33.22.16.13.6.5.5", True, 2.0, "-"),
    # six organisations at 11 tables for 6 rounds of AG(2,11), laid on rows that cross them
    ("121-11-6-orgs21.20.20.20.20.20", True, 2.0, "-"),
    # organisations of exactly 10: one a table, on the Latin squares' common transversals
    ("100-c10-4-orgs24.23.23.10.10.10", True, 2.0, "-"),
    ("100-c10-4-orgs35.25.15.15.10", True, 2.0, "-"),
    # neither pair's colouring settles for some seeds: a few counts mended by the search
    ("100-c10-4-orgs39.19.19.14.9", False, 2.0, "-"),
    # two of each at every table, which no stored pair's plexes hold
    ("100-c10-4-orgs20.20.20.20.20", False, 2.0, "-"),
    # and on a second column, four even regions: tables of 8 and of 10
    ("100-8-4-orgs22.18.15.12.11.10.7.5-regions", False, 2.0, "-"),
    ("100-c10-4-orgs22.18.15.12.11.10.7.5-regions", False, 2.0, "-"),
    ("150-6-4-orgs33.27.22.18.17.15.11.7-regions", True, 2.0, "-"),
    ("100000-4-1", False, 30.0, "-"),
    # a conference's breakout of three rounds (liftkit run --attendees): 1,000 rooms, on
    # MacNeish's product GF(8) x GF(125); until 2026-12-06 the engine first built the field
    # of every prime power up to 5,000 looking for an affine geometry (2.3 s of it)
    ("5000-5-3", True, 5.0, "-"),
    # more than 150 people, where no construction gives every round: annealed since
    # 2026-12-03 when people times rounds is at most 4,000 (plan.ANNEAL_SLOTS)
    ("172-c18-10", False, 5.0, "-"),
    ("250-c21-4-orgs54.45.38.30.28.25.18.12-regions", False, 5.0, "-"),
    # 1,000 at tables of 30 on two columns: tabu.py's colouring past 200 people since
    # 2026-12-03 (balance.settle_large); 533 repeats before
    ("1000-c34-4-orgs220.180.150.120.110.100.70.50-regions", False, 5.0, "-"),
]

# A facilitator in each room: they never share a room, so they must stand on points that
# never meet (transversal rows' first row; schedules.txt's LEADS schedules for 6 and 10
# rooms). Before 2026-12-04, seed 1: 30-c6-5 3, 28-c7-6 2, 63-c10-6 9, 22-c6-6 6 repeats.
LEADS: list[Row] = [
    ("30-c6-5-leads", True, 2.0, "-"),
    ("22-c6-6-leads", True, 2.0, "-"),
    ("28-c7-6-leads", True, 2.0, "-"),
    ("63-c10-6-leads", True, 2.0, "-"),
    ("34-c6-4-leads", False, 2.0, "-"),  # none found (adjacent_search.c LEADS=6: 1 at best)
    ("15-c4-5-leads", False, 2.0, "-"),  # impossible: at most 4 rounds (bounds.leads_limit)
]

# Groups of two adjacent sizes (Miller et al. 2021 publish schedules without repeats for all).
ADJACENT: list[Row] = [
    ("25-c6-5", True, 2.0, "-"),
    ("26-c6-5", True, 2.0, "-"),
    ("27-c6-5", True, 2.0, "-"),
    ("18-3-8", True, 2.0, "-"),
    ("51-c10-7", True, 2.0, "-"),
    ("55-c10-7", True, 2.0, "-"),
    ("59-c10-7", True, 2.0, "-"),
    ("90-9-5", True, 2.0, "-"),
    ("80-8-5", True, 2.0, "-"),
    ("90-9-5-constrained", True, 2.0, "-"),
    ("80-8-5-constrained", True, 2.0, "-"),
    ("64-4-21", True, 2.0, "-"),
    # a design a few people short: every round asked for, the ghosts' group filled
    ("98-4-33", True, 2.0, "-"),
    ("82-5-21", True, 2.0, "-"),
    ("81-5-21", True, 2.0, "-"),
    # base rounds on rows of Z_m that the depth-first search finds (cyclic.py)
    ("26-c6-6", True, 2.0, "-"),
    ("30-c6-6", True, 2.0, "-"),
    ("33-c9-10", True, 2.0, "-"),
    ("34-c9-10", True, 2.0, "-"),
    ("41-c11-12", True, 2.0, "-"),
    ("46-c10-8", True, 2.0, "-"),
    ("47-c10-8", True, 2.0, "-"),
    # base rounds found offline (starters.txt)
    ("48-c10-8", True, 2.0, "-"),
    ("86-c18-12", True, 2.0, "-"),
    ("120-c20-12", True, 2.0, "-"),
    ("123-c18-8", True, 2.0, "-"),
    # stored: rooms of 5 and 6 (stored.py)
    ("31-c6-4", True, 2.0, "-"),
    ("32-c6-4", True, 2.0, "-"),
    # stored: rooms of 4 and 3 (bench/adjacent_search.c)
    ("29-c8-10", True, 2.0, "-"),
    ("28-c8-10", True, 2.0, "-"),
    ("27-c8-10", True, 2.0, "-"),
    # whole schedules found offline for small lists (bench/adjacent_search.c, schedules.txt)
    ("19-c6-7", True, 2.0, "-"),
    ("20-c6-7", True, 2.0, "-"),
    ("27-c6-6", True, 2.0, "-"),
    ("29-c6-6", True, 2.0, "-"),
    ("34-c6-4", True, 2.0, "-"),
    # hunted offline (bench/starters_search.py hunt, starters.txt)
    ("33-c6-4", True, 2.0, "-"),
    ("56-c10-7", True, 2.0, "-"),
    ("58-c10-7", True, 2.0, "-"),
    ("48-c10-9", True, 2.0, "-"),
    ("64-c10-6", True, 2.0, "-"),
    ("80-c12-7", True, 2.0, "-"),
    ("84-c14-9", True, 2.0, "-"),
    ("100-c15-9", True, 2.0, "-"),
    # difference rows over Z_k found offline (difference_rows.txt); the hunt found nothing
    ("75-c10-6", True, 2.0, "-"),
    ("93-c14-9", True, 2.0, "-"),
    ("80-c10-8", True, 2.0, "-"),
    ("93-c14-10", True, 2.0, "-"),
    ("108-c12-9", True, 2.0, "-"),
    ("150-c20-13", True, 2.0, "-"),
    ("105-c14-9", True, 2.0, "-"),
    ("120-c14-8", True, 2.0, "-"),
    # fives for many rounds (the transversal design of 145 gives 29; a frame gives all 36)
    ("145-5-30", True, 2.0, "-"),
    ("140-5-31", False, 2.0, "-"),
    ("130-5-25", True, 2.0, "-"),
    # four orthogonal Latin squares of orders 26 and 30 (quasi-difference matrices)
    ("130-5-26", True, 2.0, "-"),
    ("150-5-30", True, 2.0, "-"),
    # a transversal design's columns filled with a smaller schedule (filled.py)
    ("150-5-36", True, 2.0, "-"),
    ("128-4-42", True, 2.0, "-"),
    # a few more than a design of equal groups, on groups that share nobody (extras.py)
    ("71-c14-14", True, 2.0, "-"),
    ("75-c14-12", True, 2.0, "-"),
    ("80-c14-14", True, 2.0, "-"),
    # rooms of two sizes from a design whose last column is part ghosts, each column then
    # split into rooms of its own (filled.filled_two_sizes)
    ("60-c11-12", True, 2.0, "-"),
    ("85-c13-14", True, 2.0, "-"),
    ("99-c27-35", True, 2.0, "-"),
]


def families() -> list[Row]:
    """Every instance up to 150 people where design theory proves 0 repeats possible, by
    family: Kirkman (KTS) and nearly Kirkman (NKTS) triple systems, resolvable 2-(v,4,1) and
    2-(v,5,1) designs, resolvable 4-GDDs of type 3^u (v = 3u people in fours, each missing
    the two others of a group of three: they exist for u = 0 mod 4, u >= 8), affine planes,
    orthogonal Latin squares (MacNeish products and the known sets of order 10 and 12) and
    resolvable transversal designs."""
    rows: list[Row] = []
    rows += [(f"{v}-3-{(v - 1) // 2}", True, 2.0, "KTS") for v in range(9, 151, 6)]
    rows += [(f"{v}-3-{(v - 2) // 2}", True, 2.0, "NKTS") for v in range(18, 151, 6)]
    rows += [(f"{v}-4-{(v - 1) // 3}", True, 2.0, "RBIBD4") for v in range(16, 151, 12)]
    rows += [(f"{v}-4-{(v - 3) // 3}", True, 2.0, "4-RGDD 3^u") for v in range(24, 151, 12)]
    rows += [(f"{v}-5-{(v - 1) // 4}", True, 2.0, "RBIBD5") for v in (25, 65, 85, 105, 125, 145)]
    rows += [(f"{q * q}-{q}-{q + 1}", True, 2.0, "AG(2,q)") for q in (7, 8, 9, 11)]
    rows += [("100-10-4", True, 2.0, "2 MOLS(10)"), ("144-12-4", True, 2.0, "2 MOLS(12)")]
    rows += [(f"{12 * k}-c12-12", True, 2.0, f"{k - 1} MOLS(12)") for k in (3, 4, 5)]
    return rows


def parse(instance: str) -> tuple[int, int, int, bool]:
    """(players, size, rounds, constrained); a size below 0 is a number of rooms."""
    parts = instance.split("-")
    size = -int(parts[1][1:]) if parts[1].startswith("c") else int(parts[1])
    return int(parts[0]), size, int(parts[2]), parts[-1] == "constrained"


def organisations(instance: str) -> list[int]:
    """The organisations' sizes of an "-orgs" instance, or [] for six even sectors."""
    orgs = next((part for part in instance.split("-") if part.startswith("orgs")), "")
    return [int(x) for x in orgs[4:].split(".")] if orgs else []


def leads(instance: str) -> bool:
    """Whether the instance has a facilitator for each room ("-leads"): the last people."""
    return "leads" in instance.split("-")


def regions(instance: str) -> bool:
    """Whether the instance adds a second --balance column, four even regions ("-regions")."""
    return instance.split("-")[-1] == "regions"


def people(n: int, orgs: list[int] | None = None, region: bool = False) -> list[Person]:
    labels = [f"org{o}" for o, size in enumerate(orgs or []) for _ in range(size)]
    assert not orgs or len(labels) == n, "the organisations' sizes add up to the players"
    crowd = []
    for i in range(n):
        attributes = {"sector": labels[i] if orgs else SECTORS[i * 7 % 6]}
        if region:
            attributes["region"] = REGIONS[i * 7 % 4]
        crowd.append(Person(f"Person {i}", f"p{i}@example.org", attributes))
    return crowd


def constraints(n: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """20 % of the players in keep-apart sets of three, and --balance on a six-valued column."""
    chosen = random.Random(2024).sample(range(n), -(-n // 5) // 3 * 3)
    apart = tuple(
        ",".join(f"Person {p}" for p in chosen[i : i + 3]) for i in range(0, len(chosen), 3)
    )
    return apart, ("sector",)


def request(n: int, size: int, rounds: int, constrained: bool, orgs: bool = False,
            region: bool = False, lead: bool = False) -> SplitRequest:  # fmt: skip
    apart, balance = constraints(n) if constrained else ((), ())
    balance = ("sector",) if orgs else balance
    balance += ("region",) if region else ()
    rooms = -size if size < 0 else -(-n // size)
    chosen = tuple(f"Person {i}" for i in range(n - rooms, n)) if lead else ()
    if size < 0:  # a number of rooms
        return SplitRequest(count=-size, rounds=rounds, apart=apart, balance=balance,
                            facilitators=chosen)  # fmt: skip
    return SplitRequest(size=size, rounds=rounds, apart=apart, balance=balance,
                        facilitators=chosen)  # fmt: skip


def engine(instance: str, seeds: int) -> dict[str, object]:
    n, size, rounds, constrained = parse(instance)
    orgs, region = organisations(instance), regions(instance)
    crowd = people(n, orgs, region)
    worst_repeats, worst_most, times = 0, 0, []
    spread, held = 0, "-"
    for seed in range(1, seeds + 1):
        start = time.perf_counter()
        asked = request(n, size, rounds, constrained, bool(orgs), region, leads(instance))
        split = split_into_groups(crowd, asked, random.Random(seed))
        times.append(time.perf_counter() - start)
        worst_repeats = max(worst_repeats, split.score.repeat_pairs)
        worst_most = max(worst_most, split.score.most_meetings)
        spread = max([spread, *(s for _, s in split.score.spread)])
        if constrained or orgs or region:
            held = f"{split.score.constraints_held}/{split.score.constraints_total}"
    return {
        "repeats": worst_repeats,
        "most": worst_most,
        "engine": statistics.median(times),
        "spread": spread,
        "held": held,
    }


def whole_process(instance: str, runs: int, folder: Path) -> tuple[float, int]:
    n, size, rounds, constrained = parse(instance)
    csv_path = folder / f"{instance}.csv"
    orgs, region = organisations(instance), regions(instance)
    crowd = people(n, orgs, region)
    chosen = set(request(n, size, rounds, False, lead=leads(instance)).facilitators)
    lines = ["name,email,sector,region,role"]
    lines += [f"{p.name},{p.email},{p.attributes['sector']},{p.attributes.get('region', '')},"
              f"{'facilitator' if p.name in chosen else ''}" for p in crowd]  # fmt: skip
    csv_path.write_text("\n".join(lines) + "\n")
    shape = ["--size", str(size)] if size > 0 else ["--count", str(-size)]
    args = [sys.executable, "-m", "liftkit", "groups", str(csv_path), *shape]
    args += ["--rounds", str(rounds), "--seed", "1", "--format", "json"]
    args += ["-o", str(folder / f"{instance}.json")]
    if orgs:
        args += ["--balance", "sector"]
    if region:
        args += ["--balance", "region"]
    if constrained:
        apart, balance = constraints(n)
        for text in apart:
            args += ["--apart", text]
        for column in balance:
            args += ["--balance", column]
    cache = folder / "bytecode"  # as pip compiles it for a host (bench/command.py)
    env = installed_env(cache)
    if not cache.exists():  # the first command compiles it, untimed
        subprocess.run(args, check=True, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    data = json.loads((folder / f"{instance}.json").read_text())
    assert len(data["rounds"]) == rounds
    if chosen:  # one facilitator in every room of every round, recounted
        assert all(sum(bool(m.get("facilitator")) for m in g["members"]) == 1
                   for r in data["rounds"] for g in r["groups"])  # fmt: skip
    met: dict[tuple[str, str], int] = {}
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            names = sorted(m["name"] for m in group["members"])
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    met[(a, b)] = met.get((a, b), 0) + 1
    recounted = sum(1 for m in met.values() if m > 1)  # from the output, not the score
    return statistics.median(times), recounted


def table(title: str, rows: list[Row], seeds: int, runs: int,
          folder: Path) -> None:  # fmt: skip
    header = (
        f"{'instance':<36} {'repeats':>7} {'output':>6} {'most':>4} {'spread':>6} {'held':>5} "
        f"{'engine s':>8} {'process s':>9} {'target':>6} {'GEG':>10}  verdict"
    )
    print(f"\n{title}\n{header}\n{'-' * len(header)}")
    for instance, zero_known, target, golfers in rows:
        big = parse(instance)[0] >= 10000
        figures = engine(instance, 1 if big else seeds)
        process, recounted = whole_process(instance, 1 if big else runs, folder)
        verdicts = []
        if zero_known:
            verdicts.append("0 repeats" if figures["repeats"] == 0 else "repeats left")
        if target is not None:
            verdicts.append("in time" if process <= target else "SLOW")
        print(
            f"{instance:<36} {figures['repeats']:>7} {recounted:>6} {figures['most']:>4} "
            f"{figures['spread']:>6} {figures['held']:>5} {figures['engine']:>8.3f} "
            f"{process:>9.3f} {target if target else '-':>6} {golfers:>10}  {', '.join(verdicts)}"
        )


def host_splits(seeds: int) -> None:
    """Splits a host would ask for: 40 to 150 people of eight organisations (22 % down to
    5 %) and four regions, tables of 4 to 8, 3 or 4 rounds, --balance on both, one
    facilitator a table and keep-apart sets of three on a fifth of them (engine only)."""
    print("\nHost splits (two balanced columns, facilitators, apart sets), engine seconds")
    shares, rows = (22, 18, 15, 12, 11, 10, 7, 5), []
    for n in (40, 70, 100, 150):
        orgs = [round(n * share / 100) for share in shares]
        orgs[0] += n - sum(orgs)
        crowd = people(n, orgs, region=True)
        chosen = crowd[: n // 5 // 3 * 3]
        apart = tuple(",".join(p.name for p in chosen[i : i + 3]) for i in range(0, len(chosen), 3))
        for size in (4, 5, 6, 8):
            tables = -(-n // size)  # as liftkit counts them for --size
            facilitators = tuple(p.name for p in crowd[n - tables :])
            for rounds in (3, 4):
                for seed in range(1, seeds + 1):
                    asked = SplitRequest(size=size, rounds=rounds, balance=("sector", "region"),
                                         apart=apart, facilitators=facilitators)  # fmt: skip
                    start = time.perf_counter()
                    split = split_into_groups(crowd, asked, random.Random(seed))
                    took = time.perf_counter() - start
                    spread = max(s for _, s in split.score.spread)
                    rows.append((f"{n}-{size}-{rounds}", split.score.repeat_pairs, spread, took))
    for name, repeats, spread, took in rows:
        print(f"{name:<12} repeats {repeats:>4}  spread {spread}  {took:6.3f} s")
    times = [took for *_, took in rows]
    print(
        f"{len(rows)} splits: {sum(times):.1f} s in all, median {statistics.median(times):.2f} s, "
        f"slowest {max(times):.2f} s; {sum(t > 1.6 for t in times)} over 1.6 s; "
        f"{sum(r == 0 for _, r, _, _ in rows)} without a repeat; "
        f"{sum(s > 1 for _, _, s, _ in rows)} with a value out of balance"
    )


def random_sizes(rng: random.Random, n: int, values: int, least: int) -> list[int]:
    """`values` sizes adding up to n, none below `least`, drawn at random, largest first."""
    while True:
        weights = [rng.random() + 0.3 for _ in range(values)]
        sizes = [max(least, round(n * w / sum(weights))) for w in weights]
        sizes[0] += n - sum(sizes)
        if min(sizes) >= least:
            return sorted(sizes, reverse=True)


def recounted(split: Split) -> int:
    """Pairs who share a group in more than one round, counted from the groups."""
    met: dict[tuple[str, str], int] = {}
    for rnd in split.rounds:
        for group in rnd.groups:
            names = sorted(p.name for p in group.members)
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    met[(a, b)] = met.get((a, b), 0) + 1
    return sum(1 for m in met.values() if m > 1)


# Organisation mixes of 100 people named in docs/groups-engine.md; 25 more are drawn at random.
NAMED_MIXES = [[22, 21, 16, 14, 14, 13], [33, 22, 16, 13, 6, 5, 5], [44, 44, 12],
               [39, 19, 19, 14, 9], [28, 24, 18, 12, 9, 9], [39, 28, 19, 14],
               [20, 20, 20, 20, 20], [40, 20, 20, 20], [30, 25, 20, 15, 10],
               [32, 26, 18, 14, 5, 5], [35, 25, 19, 16, 5], [22, 18, 15, 12, 11, 10, 7, 5],
               [24, 23, 23, 10, 10, 10], [50, 30, 20], [34, 33, 33]]  # fmt: skip


def mixes(seeds: int) -> None:
    """Organisation mixes a host may bring, engine only, repeats recounted from the groups.
    Two columns: 100, 120 and 144 people of eight organisations and four regions of
    random sizes (the regions shuffled, not tied to the organisations) at 10, 12 or 20
    tables for 4 rounds (20 mixes; shapes with groups larger than their number are drawn
    but not split). One column: 40 mixes of 100 people at 10 tables for 4 rounds, plain,
    with ten facilitators drawn at random, with keep-apart sets of three on 18 people, and
    with both."""
    rng, cases = random.Random(11), []
    shapes = ((60, 6), (80, 8), (100, 10), (120, 12), (144, 12), (100, 10), (100, 20), (90, 9))
    for n, tables in shapes:
        for _ in range(4):
            cases.append((n, tables, random_sizes(rng, n, 8, 3), random_sizes(rng, n, 4, 8)))
    rows: list[tuple[str, int, int, float]] = []
    for i, (n, tables, orgs, regs) in enumerate(cases):
        if -(-n // tables) > tables:
            continue  # groups larger than their number: repeats are unavoidable
        labels = [f"r{r}" for r, size in enumerate(regs) for _ in range(size)]
        random.Random(i).shuffle(labels)
        sector = [f"o{o}" for o, size in enumerate(orgs) for _ in range(size)]
        crowd = [Person(f"P{x}", "", {"sector": sector[x], "region": labels[x]})
                 for x in range(n)]  # fmt: skip
        asked = SplitRequest(count=tables, rounds=4, balance=("sector", "region"))
        rows += [("two columns", *_timed(crowd, asked, seed)) for seed in range(1, seeds + 1)]
    rng = random.Random(77)
    named = [sizes[:] for sizes in NAMED_MIXES]
    while len(named) < 40:
        count = rng.randint(2, 9)
        weights = [rng.expovariate(1) for _ in range(count)]
        sizes = [max(2, round(100 * w / sum(weights))) for w in weights]
        sizes[0] += 100 - sum(sizes)
        if min(sizes) >= 2:
            named.append(sorted(sizes, reverse=True))
    for mode in ("plain", "facilitators", "apart", "both"):
        for i, sizes in enumerate(named):
            labels = [f"o{o}" for o, size in enumerate(sizes) for _ in range(size)]
            crowd = [Person(f"P{x}", "", {"sector": labels[x]}) for x in range(100)]
            leads = random.Random(i).sample(crowd, 10) if mode in ("facilitators", "both") else []
            chosen = random.Random(2024 + i).sample(range(100), 18)
            apart = tuple(",".join(f"P{p}" for p in chosen[j : j + 3]) for j in range(0, 18, 3))
            asked = SplitRequest(count=10, rounds=4, balance=("sector",),
                                 facilitators=tuple(p.name for p in leads),
                                 apart=apart if mode in ("apart", "both") else ())  # fmt: skip
            rows += [(mode, *_timed(crowd, asked, seed)) for seed in range(1, seeds + 1)]
    print("\nOrganisation mixes (engine): splits, without a repeat, repeats recounted, "
          "out of balance, median and slowest seconds")  # fmt: skip
    for kind in ("two columns", "plain", "facilitators", "apart", "both"):
        mine = [row for row in rows if row[0] == kind]
        times = [took for *_, took in mine]
        print(f"{kind:<13} {len(mine):>3} splits  {sum(r == 0 for _, r, _, _ in mine):>3} "
              f"without a repeat  {sum(r for _, r, _, _ in mine):>5} repeats  "
              f"{sum(s > 1 for _, _, s, _ in mine)} out of balance  "
              f"{statistics.median(times):.2f} s  {max(times):.2f} s")  # fmt: skip


def beyond(seeds: int) -> None:
    """A few more people than tables squared, balanced on one column (shadows.py): 101 to
    105 people at 10 tables for 4 rounds, of five organisations of about 20 (shuffled) and
    of six of random sizes; engine only, repeats recounted."""
    print("\nA few more than tables squared, one --balance column (engine): repeats recounted, "
          "out of balance, seconds")  # fmt: skip
    rows = []
    for n in range(101, 106):
        five = [f"o{i % 5}" for i in range(n)]
        random.Random(n).shuffle(five)
        mixed = random.Random(n).choices([f"o{i}" for i in range(6)], [5, 4, 3, 2, 1, 1], k=n)
        for kind, labels in (("five", five), ("mixed", mixed)):
            crowd = [Person(f"P{x}", "", {"sector": labels[x]}) for x in range(n)]
            asked = SplitRequest(count=10, rounds=4, balance=("sector",))
            for seed in range(1, seeds + 1):
                repeats, spread, took = _timed(crowd, asked, seed)
                rows.append((repeats, took))
                print(f"{n} {kind:<6} seed {seed}: {repeats:>3} repeats  spread {spread}  "
                      f"{took:.2f} s")  # fmt: skip
    times = [took for _, took in rows]
    print(
        f"{len(rows)} splits: {sum(r for r, _ in rows)} repeats, median "
        f"{statistics.median(times):.2f} s, slowest {max(times):.2f} s"
    )


def _timed(crowd: list[Person], asked: SplitRequest, seed: int) -> tuple[int, int, float]:
    """(repeats recounted, worst spread, engine seconds) of one split."""
    start = time.perf_counter()
    split = split_into_groups(crowd, asked, random.Random(seed))
    took = time.perf_counter() - start
    return recounted(split), max(s for _, s in split.score.spread), took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="seeds per instance (engine)")
    parser.add_argument("--runs", type=int, default=5, help="command-line runs per instance")
    parser.add_argument("--families", action="store_true",
                        help="also every design-theory family up to 150 people (slow)")  # fmt: skip
    parser.add_argument("--hosts", action="store_true",
                        help="only the host splits (two balanced columns and more)")  # fmt: skip
    parser.add_argument("--mixes", action="store_true",
                        help="only the organisation mixes (one and two columns)")  # fmt: skip
    parser.add_argument("--beyond", action="store_true",
                        help="only 101 to 105 people at 10 tables")  # fmt: skip
    parser.add_argument("instances", nargs="*", help="e.g. 73-5-3 32-4-10 27-c6-5")
    options = parser.parse_args()
    if options.beyond:
        beyond(options.seeds)
        return
    if options.hosts:
        host_splits(options.seeds)
        return
    if options.mixes:
        mixes(options.seeds)
        return

    def pick(
        rows: list[tuple[str, bool, float | None, str]],
    ) -> list[tuple[str, bool, float | None, str]]:
        return [row for row in rows if not options.instances or row[0] in options.instances]

    print("repeats: worst over the seeds (engine); output: recounted from the command's JSON")
    with tempfile.TemporaryDirectory() as tmp:
        sections = [
            ("Equal groups", pick(INSTANCES)),
            ("Adjacent sizes", pick(ADJACENT)),
            ("A facilitator in each room", pick(LEADS)),
        ]
        if options.families:
            sections.append(("Design-theory families (GEG column: the family)", pick(families())))
        for title, rows in sections:
            if rows:
                table(title, rows, options.seeds, options.runs, Path(tmp))


if __name__ == "__main__":
    main()
