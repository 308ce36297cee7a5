"""What each reflection costs during `liftkit run`, with an attendee list of 0 to 5,000 people.

A webinar's host records what people say (`r Name: text`, or a line piped to --plain), and
liftkit credits it to the person on the attendee list it names. This runs the real command,
`liftkit run AGENDA --attendees people.csv --plain`, with 200 such lines on standard input
and again with none, in a temporary folder, and prints the difference per reflection (the
start-up and the reading of the list at the start are the same in both, and drop out):
what the host waits between pressing Enter and the screen saying it is saved. Median of
several runs. The attendee lists are written with realistic names, emails and
organisations; the agenda has no breakout, so no groups are made.

    python bench/reflections.py [--people 0,1000,5000] [--runs 3] [--source DIR]

`--source DIR` also runs the liftkit in DIR (another checkout, e.g. a `git worktree` of the
commit before a change), each run in turn with this one, and prints both with their ratio.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from command import installed_env

REFLECTIONS = 200
AGENDA = """
title = "Webinar"

[[segments]]
title = "Talk"
duration = "45m"
kind = "talk"

[[segments]]
title = "Close"
duration = "5m"
kind = "reflection"
"""
FIRST = ("Ada", "Grace", "Lucía", "José", "Mohammed", "Priya", "Wei", "Yuki", "Olga",
         "Sven", "Zoë", "Kwame", "Ngozi", "Siobhan", "Tomás", "Björn", "Katherine", "Rosalind",
         "Amara", "Chen", "Pierre", "Giulia", "Liam", "Aoife", "Hiroshi", "Fatima", "Raj",
         "Ingrid")  # fmt: skip
LAST = ("Lovelace", "Hopper", "Núñez", "García", "Okafor", "Patel", "Zhang", "Tanaka",
        "Ivanova", "Andersson", "Müller", "O'Brien", "Featherstonehaugh-Okonkwo", "Somerville",
        "Adeyemi", "Johansson", "Schneider", "Dubois", "Rossi", "Mensah", "Walsh", "Kelly",
        "Murphy", "Singh", "Khan", "Evans", "Thomas", "Wilson", "Brown", "Fischer")  # fmt: skip
ORGS = ("NHS Tayside", "Dundee City Council", "Scottish Care", "Carers Trust",
        "University of Dundee", "Alzheimer Scotland", "Age UK", "Private practice")  # fmt: skip


def write_people(path: Path, count: int) -> list[str]:
    rng = random.Random(count)
    names = []
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["First Name", "Surname", "Email", "Organisation"])
        for i in range(count):
            first, last, org = rng.choice(FIRST), rng.choice(LAST), rng.choice(ORGS)
            email = f"{first.lower()}.{last.lower().replace(chr(39), '')}{i}@example.org"
            out.writerow([first, last, email, org])
            names.append(f"{first} {last}")
    return names


def lines(names: list[str]) -> str:
    rng = random.Random(1)
    said = "I will try listening with fascination at the next team meeting"
    return "".join(
        f"r {rng.choice(names) + ': ' if names else ''}{said} ({i}) #listening\n"
        for i in range(REFLECTIONS)
    )


def time_run(argv: list[str], stdin: str, cwd: Path, env: dict[str, str]) -> float:
    for old in (cwd / "sessions").glob("*"):
        for file in old.iterdir():
            file.unlink()
        old.rmdir()
    begin = time.perf_counter()
    subprocess.run(argv, input=stdin + "q\ny\n", text=True, cwd=cwd, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - begin


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="0,1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", help="another checkout, timed beside this one")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    sources = {"this": here, **({"other": Path(args.source).resolve()} if args.source else {})}
    with tempfile.TemporaryDirectory(prefix="liftkit-reflections-") as tmp:
        folder = Path(tmp)
        env = installed_env(folder / "bytecode")
        (folder / "agenda.toml").write_text(AGENDA, encoding="utf-8")
        print(f"ms per reflection, median of {args.runs} runs ({REFLECTIONS} piped to --plain)")
        for count in (int(n) for n in args.people.split(",")):
            names = write_people(folder / "people.csv", count) if count else []
            given = ["--attendees", "people.csv"] if count else []
            each: dict[str, list[float]] = {name: [] for name in sources}
            for _ in range(args.runs):
                for name, source in sources.items():
                    argv = [sys.executable, "-m", "liftkit", "run", "agenda.toml", *given,
                            "--plain", "--sessions", "sessions"]  # fmt: skip
                    run_env = dict(env, PYTHONPATH=str(source))
                    with_them = time_run(argv, lines(names), folder, run_env)
                    without = time_run(argv, "", folder, run_env)
                    each[name].append((with_them - without) / REFLECTIONS * 1000)
            line = f"  {count:5d} attendees: this {statistics.median(each['this']):7.1f}"
            if args.source:
                other = statistics.median(each["other"])
                line += f"   other {other:7.1f}   this/other "
                line += f"{statistics.median(each['this']) / other:5.2f}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
