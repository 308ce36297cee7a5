"""Benchmark of `liftkit groups`: quality (repeat pairs) and speed on the instances of issue 4.

Instances are players-size-rounds. For each: the repeat pairs and the most meetings of any
pair (worst over the seeds), the engine's time in this process, and the whole-process time
of the real command line (`python -m liftkit groups FILE ... -o FILE` on a generated CSV),
median of several runs.

Run: python bench/groups.py [--seeds N] [--runs N] [INSTANCE...]
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

from liftkit.core.groups.split import SplitRequest, split_into_groups
from liftkit.core.people.reader import Person

SECTORS = ("charity", "public", "private", "academic", "health", "community")

# (instance, zero-repeat solution known, whole-process target in seconds or None)
INSTANCES = [
    ("73-5-3", True, 1.0),
    ("30-3-10", True, 1.0),
    ("32-4-8", True, 1.0),
    ("32-4-9", True, 1.0),
    ("32-4-10", True, 1.0),
    ("15-3-7", True, 1.0),
    ("200-6-5", True, 5.0),
    ("1000-5-4", True, 5.0),
    ("10000-6-5", True, None),
    ("73-5-3-constrained", True, 1.0),
]


def parse(instance: str) -> tuple[int, int, int, bool]:
    parts = instance.split("-")
    return int(parts[0]), int(parts[1]), int(parts[2]), parts[-1] == "constrained"


def people(n: int) -> list[Person]:
    return [
        Person(f"Person {i}", f"p{i}@example.org", {"sector": SECTORS[i * 7 % 6]}) for i in range(n)
    ]


def constraints(n: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """20 % of the players in keep-apart sets of three, and --balance on a six-valued column."""
    chosen = random.Random(2024).sample(range(n), -(-n // 5) // 3 * 3)
    apart = tuple(
        ",".join(f"Person {p}" for p in chosen[i : i + 3]) for i in range(0, len(chosen), 3)
    )
    return apart, ("sector",)


def request(n: int, size: int, rounds: int, constrained: bool) -> SplitRequest:
    apart, balance = constraints(n) if constrained else ((), ())
    return SplitRequest(size=size, rounds=rounds, apart=apart, balance=balance)


def engine(instance: str, seeds: int) -> dict[str, object]:
    n, size, rounds, constrained = parse(instance)
    crowd = people(n)
    worst_repeats, worst_most, times = 0, 0, []
    spread, held = 0, "-"
    for seed in range(1, seeds + 1):
        start = time.perf_counter()
        split = split_into_groups(crowd, request(n, size, rounds, constrained), random.Random(seed))
        times.append(time.perf_counter() - start)
        worst_repeats = max(worst_repeats, split.score.repeat_pairs)
        worst_most = max(worst_most, split.score.most_meetings)
        spread = max([spread, *(s for _, s in split.score.spread)])
        if constrained:
            held = f"{split.score.constraints_held}/{split.score.constraints_total}"
    return {
        "repeats": worst_repeats,
        "most": worst_most,
        "engine": statistics.median(times),
        "spread": spread,
        "held": held,
    }


def whole_process(instance: str, runs: int, folder: Path) -> float:
    n, size, rounds, constrained = parse(instance)
    csv_path = folder / f"{instance}.csv"
    lines = ["name,email,sector"]
    lines += [f"{p.name},{p.email},{p.attributes['sector']}" for p in people(n)]
    csv_path.write_text("\n".join(lines) + "\n")
    args = [sys.executable, "-m", "liftkit", "groups", str(csv_path), "--size", str(size)]
    args += ["--rounds", str(rounds), "--seed", "1", "--format", "json"]
    args += ["-o", str(folder / f"{instance}.json")]
    if constrained:
        apart, balance = constraints(n)
        for text in apart:
            args += ["--apart", text]
        for column in balance:
            args += ["--balance", column]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    data = json.loads((folder / f"{instance}.json").read_text())
    assert len(data["rounds"]) == rounds
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="seeds per instance (engine)")
    parser.add_argument("--runs", type=int, default=5, help="command-line runs per instance")
    parser.add_argument("instances", nargs="*", help="e.g. 73-5-3 32-4-10 73-5-3-constrained")
    options = parser.parse_args()
    chosen = [row for row in INSTANCES if not options.instances or row[0] in options.instances]
    header = (
        f"{'instance':<20} {'repeats':>7} {'most':>4} {'spread':>6} {'held':>5} "
        f"{'engine s':>8} {'process s':>9} {'target':>7}  verdict"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for instance, zero_known, target in chosen:
            big = parse(instance)[0] >= 10000
            figures = engine(instance, 1 if big else options.seeds)
            process = whole_process(instance, 1 if big else options.runs, Path(tmp))
            verdicts = []
            if zero_known:
                verdicts.append("0 repeats" if figures["repeats"] == 0 else "repeats left")
            if target is not None:
                verdicts.append("in time" if process <= target else "SLOW")
            print(
                f"{instance:<20} {figures['repeats']:>7} {figures['most']:>4} "
                f"{figures['spread']:>6} {figures['held']:>5} {figures['engine']:>8.3f} "
                f"{process:>9.3f} {target if target else '-':>7}  {', '.join(verdicts)}"
            )


if __name__ == "__main__":
    main()
