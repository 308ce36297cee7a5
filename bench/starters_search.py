"""Find base rounds of cyclic designs that the command's own search finds only sometimes
(run offline), and write them to liftkit/core/groups/starters.txt.

    nice -n 10 python bench/starters_search.py find 20 100 FOUND.jsonl [STEP START [SIZES]]
    nice -n 10 python bench/starters_search.py hunt FOUND.jsonl 56-c10-7 57-c10-7 ...
    python bench/starters_search.py table FOUND.jsonl [MORE.jsonl ...]   # rewrite starters.txt
    python bench/starters_search.py add LINES.txt     # merge another search's lines into it
    python bench/starters_search.py notes             # what the other constructions give now

(the table was made from `find 20 100 F 2 0` and `2 1`, then `find 101 150 F 2 0 4-10` and
`2 1 4-10`, `find 20 100 F 2 0 9-10` and `2 1 9-10`, and with EVERY_COUNT=1 (every number of
rooms from ceil(n / 8) to n / 3, not one a size) `find 20 100 F 2 0 3-8` and `2 1 3-8`; then
`hunt` on the instances a sweep of 20 to 100 people (seeds 1 and 2) left with repeats,
added with `table F H...`: 18 found of 48 tried.)

On 2026-12-06 (`add` after each): `hunt` on the splits of 10 to 60 people into rooms of 3
and 4 that `bench/adjacent_sweep.py 10 60 40 3 4` left with repeats, many past 12 rounds,
which `find` had never tried (MOST_ROUNDS, now an environment setting, was 12); `find 40 100
F 1 0 4-5` with EVERY_COUNT=1 MOST_ROUNDS=40; and the same search as `find`, started past
the rounds starters.txt already gives, on 61 to 150 people in n // 3 and ceil(n / 4) rooms
and 101 to 150 in n // 4 and ceil(n / 5), then on 61 to 100 people in every number of
rooms between ceil(n / 4) and n // 3 (each a few seconds when found, up to 4 minutes when
not; 60 to 112 people in n // 5 and ceil(n / 6) rooms gave nothing past the others).
That last search is `find` with PAST_STORED=1 (it starts past what starters.txt gives for
the split, not only past the other constructions); on 2026-12-06 again, `find 101 150 F 2 0
3-4` and `2 1 3-4` with EVERY_COUNT=1 MOST_ROUNDS=80 PAST_STORED=1 found 433 splits of 101
to 150 people in every number of rooms of three and four (a quarter of an hour on two
cores), merged with `add F`, which takes find's JSON lines as they are.

`add` merges lines in starters.txt's own form, printed by another search (bench/rgdd4_search.c:
36 to 84, 108 and 120 people in fours for (v - 3)/3 rounds), into starters.txt: each is
checked as the command checks it (every round a partition, no pair twice), the other
constructions' rounds are written after it, and it replaces a line for the same people and
rooms with fewer rounds.

`hunt` takes instances people-cROOMS-rounds and tries harder on each, for exactly those
rounds: the first HUNT_LAYOUTS layouts of each search (not six), HUNT_BUDGET for the
depth-first search on each (a quarter of it for the tabu search), seeds 1 to 3, until one
finds base rounds. 56, 57 and 58 people in 10 rooms for 7 rounds are found this way in
seconds, on Z_7 x 8 rows and 0 to 2 fixed points, a layout the command's search reaches
late.

For every n from 20 to 100 and rooms of 4 to 8 people (g = ceil(n / size) rooms), `find`
asks the other constructions how many rounds they give (r0), then runs cyclic.py's two
searches (its depth-first search, then its tabu search, each on six layouts) with budgets
about 30 times the command's, for r0 + 1 rounds, then more, until a search fails; the last
base rounds found are written as one JSON line. Each try uses the seed 7 + rounds, so a run
is the same on every machine. `table` writes the text file geometry.py reads (package data:
a module would be far too long to read) from those lines, one line per (people, rooms),
keeping the one with the most rounds.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from liftkit.core.groups import cyclic, designs, geometry
from liftkit.core.groups.bounds import zero_repeat_limit
from liftkit.core.groups.model import group_sizes
from liftkit.core.groups.stored import sound_schedule

DFS_BUDGET = 2_000_000  # points weighed, a quarter to each of the first layouts tried
TABU_BUDGET = 300_000  # swaps weighed, likewise
MOST_ROUNDS = int(os.environ.get("MOST_ROUNDS", "12"))  # `find` tries no more rounds
HUNT_BUDGET = 4_000_000  # points weighed by `hunt`'s depth-first search, on each layout
HUNT_LAYOUTS = 8


def search(
    n: int,
    sizes: list[int],
    rounds: int,
    seed: int,
    budgets: tuple[int, int] = (DFS_BUDGET // 4, TABU_BUDGET // 4),
    count: int = 6,
) -> tuple[cyclic.Layout, list] | None:
    """Base rounds from the depth-first search, then the tabu search, each spending its
    budget on each of the first `count` layouts in turn."""
    rng = random.Random(seed)
    for method, budget in zip(("dfs", "tabu"), budgets, strict=True):
        for layout in cyclic.layouts(n, sizes, rounds, roomy=method == "dfs")[:count]:
            base = cyclic._BaseSearch(layout, sizes, rng)
            found = base.dfs(budget) if method == "dfs" else base.tabu(budget)
            if found is not None:
                return layout, found
    return None


def find(
    low: int, high: int, out: Path, step: int = 1, start: int = 0, sizes_tried: str = "4-8"
) -> None:
    smallest, largest = (int(x) for x in sizes_tried.split("-"))
    every_count = os.environ.get("EVERY_COUNT") == "1"  # every number of rooms, not one a size
    past_stored = os.environ.get("PAST_STORED") == "1"  # start past starters.txt's rounds too
    seen: set[tuple[int, int]] = set()  # and what `out` holds already
    if out.exists():
        seen |= {(r["n"], r["g"]) for r in map(json.loads, out.read_text().splitlines())}
    with out.open("a") as sink:
        for n in range(low + start, high + 1, step):
            counts = (
                range(-(-n // largest), n // smallest + 1)
                if every_count
                else [-(-n // size) for size in range(smallest, largest + 1)]
            )
            for g in counts:
                if g < 3 or (n, g) in seen:
                    continue
                seen.add((n, g))
                sizes = group_sizes(n, g)
                limit = min(zero_repeat_limit(sizes), MOST_ROUNDS)
                other = _others(n, g, limit)
                r0 = len(other.rounds) if other else 0
                stored = geometry.starter(n, g, limit) if past_stored else None
                r0 = max(r0, len(stored[2]) if stored else 0)
                got = None
                began = time.perf_counter()
                for r in range(max(r0 + 1, 3), limit + 1):
                    if got is not None and got[0].m * got[0].bases >= r:
                        continue
                    found = search(n, sizes, r, 7 + r)
                    if found is None:
                        break
                    got = found
                if got is not None:
                    layout, bases = got
                    seconds = round(time.perf_counter() - began, 1)
                    record = {"n": n, "g": g, "other": r0, "rounds": layout.m * layout.bases,
                              "layout": [layout.m, layout.rows, layout.fixed, layout.bases],
                              "bases": bases, "seconds": seconds}  # fmt: skip
                    sink.write(json.dumps(record) + "\n")
                    sink.flush()
                    print(n, g, r0, "->", record["rounds"], flush=True)


def _others(n: int, g: int, rounds: int) -> designs.Design | None:
    """What the other constructions give: neither the cyclic search nor starters.txt."""
    real = designs._cyclic, designs.starter
    designs._cyclic = lambda *args, **kwargs: None
    designs.starter = lambda *args, **kwargs: None
    try:
        return designs.best_design(n, g, rounds, random.Random(1))
    finally:
        designs._cyclic, designs.starter = real


def hunt(out: Path, specs: list[str]) -> None:
    with out.open("a") as sink:
        for spec in specs:
            n, g, rounds = (int(x) for x in spec.replace("c", "").split("-"))
            sizes = group_sizes(n, g)
            other = _others(n, g, rounds)
            began, got = time.perf_counter(), None
            for seed in range(1, 4):
                got = search(n, sizes, rounds, seed, (HUNT_BUDGET, HUNT_BUDGET // 4), HUNT_LAYOUTS)
                if got is not None:
                    break
            seconds = round(time.perf_counter() - began, 1)
            if got is None:
                print(spec, "none", seconds, flush=True)
                continue
            layout, bases = got
            record = {"n": n, "g": g, "other": len(other.rounds) if other else 0,
                      "rounds": layout.m * layout.bases,
                      "layout": [layout.m, layout.rows, layout.fixed, layout.bases],
                      "bases": bases, "seconds": seconds}  # fmt: skip
            sink.write(json.dumps(record) + "\n")
            sink.flush()
            print(spec, "->", record["rounds"], seconds, flush=True)


HEAD = """\
# Base rounds of cyclic designs found offline, read by liftkit/core/groups/geometry.py.
#
# Written by `python bench/starters_search.py table FOUND`, from base rounds its `find` found
# with cyclic.py's own searches at about 30 times the command's budget: instances where the
# command's search finds them only with some seeds, or not within its budget; and, merged by
# its `add`, the resolvable 4-GDDs of type 3^u that bench/rgdd4_search.c found. A line is
# "people rooms: m rows fixed bases: " and the base rounds, separated by "/"; a base round's
# groups are separated by "|", their points by spaces. Point r*m + x is place x of row r of
# Z_m and the last `fixed` points are fixed (cyclic.py); translating each base round m times
# gives m * bases rounds without a repeat. geometry.py checks them before use, and so do the
# tests. After "#", what the other constructions give.
"""


def table(found: list[Path], text: Path) -> None:
    best: dict[tuple[int, int], dict] = {}
    for line in (line for path in found for line in path.read_text().splitlines()):
        record = json.loads(line)
        key = (record["n"], record["g"])
        if key not in best or record["rounds"] > best[key]["rounds"]:
            best[key] = record
    lines = [HEAD]
    for key in sorted(best):
        record = best[key]
        note = f"{record['rounds']} rounds; the other constructions {record['other']}"
        lines.append(f"{_line(record)}  # {note}\n")
    text.write_text("".join(lines))


def _line(record: dict) -> str:
    """A search's record as a line of starters.txt, without its note."""
    m, rows, fixed, bases = record["layout"]
    rounds = " / ".join(
        "|".join(" ".join(map(str, group)) for group in base) for base in record["bases"]
    )
    return f"{record['n']} {record['g']}: {m} {rows} {fixed} {bases}: {rounds}"


def add(lines: Path, text: Path) -> None:
    kept = {_key(line): line for line in text.read_text().splitlines() if line[:1].isdigit()}
    given = lines.read_text().splitlines()
    if lines.suffix == ".jsonl":  # `find`'s or `hunt`'s records, written as lines first
        given = [_line(json.loads(record)) for record in given]
    for line in given:
        key, rounds = _key(line), _rounds(line)
        n, g = key
        ((layout, bases),) = geometry._parse([line]).values()
        every = cyclic.develop(cyclic.Layout(*layout), bases, rounds)
        if len(every) != rounds or not sound_schedule(every, *key):
            sys.exit(f"{lines}: the line for {n} people in {g} rooms is not a design")
        if key in kept and _rounds(kept[key]) >= rounds:
            print(n, g, "kept:", _rounds(kept[key]), "rounds already")
            continue
        other = _others(n, g, rounds)
        note = f"{rounds} rounds; the other constructions {len(other.rounds) if other else 0}"
        kept[key] = f"{line.split('#')[0].rstrip()}  # {note}"
        print(n, g, "->", rounds, flush=True)
    text.write_text(HEAD + "".join(kept[key] + "\n" for key in sorted(kept)))


def notes(text: Path) -> None:
    """Write each line's note again: what the other constructions give now."""
    out = []
    for line in text.read_text().splitlines(keepends=True):
        if line[:1].isdigit():
            (n, g), rounds = _key(line), _rounds(line)
            other = _others(n, g, rounds)
            note = f"{rounds} rounds; the other constructions {len(other.rounds) if other else 0}"
            line = f"{line.split('#')[0].rstrip()}  # {note}\n"
        out.append(line)
    text.write_text("".join(out))


def _key(line: str) -> tuple[int, int]:
    n, g = line.split(":")[0].split()
    return int(n), int(g)


def _rounds(line: str) -> int:
    m, _rows, _fixed, bases = (int(x) for x in line.split(":")[1].split())
    return m * bases


def main(argv: list[str]) -> None:
    if argv[0] == "add":
        add(Path(argv[1]), Path(__file__).parent.parent / "liftkit/core/groups/starters.txt")
        return
    if argv[0] == "table":
        table(
            [Path(a) for a in argv[1:]],
            Path(__file__).parent.parent / "liftkit/core/groups/starters.txt",
        )
        return
    if argv[0] == "notes":
        notes(Path(__file__).parent.parent / "liftkit/core/groups/starters.txt")
        return
    if argv[0] == "hunt":
        hunt(Path(argv[1]), argv[2:])
        return
    step, start = (int(x) for x in (argv[4:6] or ["1", "0"]))
    find(int(argv[1]), int(argv[2]), Path(argv[3]), step, start, *argv[6:7])


if __name__ == "__main__":
    main(sys.argv[1:])
