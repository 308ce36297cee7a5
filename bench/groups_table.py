"""The table "What to expect" in docs/groups.md: splits a host asks for, run through the real
command line with --seed 1. Repeats and balance are recounted from the JSON the command
writes, the limit is the score's own sentence, and the time is the whole command's (start-up
included, median of several runs). tests/test_groups_table.py checks the table's repeats.

Each row's attendee file holds N people, "Person 1" to "Person N", with an email, a `sector`
column (six sectors in turn) and, where the row gives sizes, an `org` column (the first
people in the first organisation, and so on). "apart" adds keep-apart sets of three on a
fifth of the people (drawn with random.Random(2024)).

    python bench/groups_table.py [--runs N]    # prints the table's rows in Markdown
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from command import installed_env, liftkit_command

SECTORS = ("charity", "public", "private", "academic", "health", "community")


class Row(NamedTuple):
    people: int
    options: str
    orgs: tuple[int, ...] = ()
    apart: bool = False

    @property
    def label(self) -> str:
        """The table's first cell: "100", "100, orgs 20/20/20/20/20", "100, apart"."""
        parts = [str(self.people)]
        if self.orgs:
            parts.append("orgs " + "/".join(map(str, self.orgs)))
        if self.apart:
            parts.append("apart")
        return ", ".join(parts)


ROWS = [
    Row(24, "--size 4 --rounds 3"),
    Row(30, "--count 6 --rounds 6"),
    Row(21, "--size 3 --rounds 10"),
    Row(28, "--size 4 --rounds 9"),
    Row(32, "--size 4 --rounds 10"),
    Row(29, "--count 8 --rounds 10"),
    Row(36, "--size 6 --rounds 4"),
    Row(35, "--count 6 --rounds 4"),
    Row(40, "--count 10 --rounds 10"),
    Row(45, "--count 14 --rounds 16"),
    Row(60, "--count 10 --rounds 5 --balance sector", apart=True),
    Row(70, "--size 7 --rounds 3 --balance org", orgs=(22, 18, 12, 10, 8)),
    Row(100, "--count 10 --rounds 4"),
    Row(100, "--count 10 --rounds 4 --balance sector", apart=True),
    Row(100, "--count 10 --rounds 4 --balance org", orgs=(20, 20, 20, 20, 20)),
    Row(100, "--count 10 --rounds 5"),
    Row(100, "--count 10 --rounds 5 --balance sector", apart=True),
    Row(132, "--size 4 --rounds 43"),
    Row(145, "--size 5 --rounds 36"),
    Row(150, "--size 5 --rounds 36"),
    Row(1000, "--size 5 --rounds 4 --balance sector", apart=True),
]


def attendees(row: Row) -> str:
    """The row's attendee CSV, as the module's docstring describes it."""
    orgs = [f"org{o + 1}" for o, size in enumerate(row.orgs) for _ in range(size)]
    assert not orgs or len(orgs) == row.people, row
    lines = ["name,email,sector" + (",org" if orgs else "")]
    for i in range(row.people):
        line = f"Person {i + 1},p{i + 1}@example.org,{SECTORS[i % 6]}"
        lines.append(line + (f",{orgs[i]}" if orgs else ""))
    return "\n".join(lines) + "\n"


def arguments(row: Row) -> list[str]:
    """The row's options, with its keep-apart sets written out."""
    args = row.options.split()
    if row.apart:
        chosen = random.Random(2024).sample(range(1, row.people + 1), row.people // 15 * 3)
        for i in range(0, len(chosen), 3):
            args += ["--apart", ",".join(f"Person {p}" for p in chosen[i : i + 3])]
    return [*args, "--seed", "1", "--format", "json"]


def recount(data: dict[str, Any]) -> tuple[int, int]:
    """Repeat pairs and the widest spread of a balanced column, from the groups written."""
    met: Counter[tuple[str, str]] = Counter()
    spread = 0
    columns = data["settings"]["balance"]
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            met.update(itertools.combinations(sorted(m["name"] for m in group["members"]), 2))
        for column in columns:
            values = {m["attributes"][column] for g in rnd["groups"] for m in g["members"]}
            for value in values:
                counts = [sum(m["attributes"][column] == value for m in g["members"])
                          for g in rnd["groups"]]  # fmt: skip
                spread = max(spread, max(counts) - min(counts))
    return sum(1 for count in met.values() if count > 1), spread


def possible(limit: str) -> str:
    """The table's "without a repeat" cell, from the score's limit sentence."""
    if not limit:
        return "reached"
    if match := re.match(r"at most (\d+) rounds? can", limit):
        return f"impossible: at most {match.group(1)}"
    if match := re.search(r"with (.+?), at most (\d+) rounds?", limit):
        return f"impossible with {match.group(1)}: at most {match.group(2)}"
    if "but none was found with" in limit:
        return "exists unconstrained; not known with the balance"
    if "exist for" in limit:
        return "exists; not reached"
    return "not known"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    options = parser.parse_args()
    print("| People | Options | Repeats | Without a repeat | Time |")
    print("| --- | --- | ---: | --- | ---: |")
    with tempfile.TemporaryDirectory(prefix="liftkit-bench-") as tmp:
        env = installed_env(Path(tmp) / "bytecode")
        for number, row in enumerate(ROWS):
            people = Path(tmp) / f"people{number}.csv"
            people.write_text(attendees(row))
            out = Path(tmp) / f"groups{number}.json"
            argv = [*liftkit_command(), "groups", str(people), *arguments(row), "-o", str(out)]
            subprocess.run(argv, check=True, capture_output=True, env=env)  # warm, untimed
            times = []
            for _ in range(options.runs):
                start = time.perf_counter()
                subprocess.run(argv, check=True, capture_output=True, env=env)
                times.append(time.perf_counter() - start)
            data = json.loads(out.read_text())
            repeats, spread = recount(data)
            assert repeats == data["score"]["repeat_pairs"], row
            balanced = f", spread {spread}" if data["settings"]["balance"] else ""
            print(f"| {row.label} | `{row.options}` | {repeats}{balanced} | "
                  f"{possible(data['score'].get('limit', ''))} | "
                  f"{statistics.median(times):.1f} s |", flush=True)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
