"""The live screen of a large breakout: what each draw and each key of the rooms view costs.

A webinar's breakout of 500, 1,000 or 5,000 people in rooms of five, three rounds, drawn by
the real full screen (`LiveApp`, its frame and a rich console writing to memory, 120x40) on
a fake clock, in this process. Timed, as the median of several: a draw of the clock view
and of the rooms view as the seconds go by (a host's screen draws once a second, so a draw
of 0.4 s is 40% of a CPU), and each key a host presses in the rooms view with the draw that
answers it: g (open), → (a page turn), f, one letter of a name typed, Enter (the room
found). The rooms are made by dealing people in turn (no groups engine: its own benchmarks
time it).

    python bench/rooms_view.py [--people 500,1000,5000] [--runs 5] [--source DIR]

`--source DIR` also runs the liftkit in DIR (another checkout, e.g. a `git worktree` of the
commit before a change) in a subprocess, one run each in turn, and prints the two side by
side with their ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console

from liftkit.cli.commands.run_groups import GroupsPlan
from liftkit.cli.live.fullscreen import LiveApp, ScreenWriter
from liftkit.core.agenda.model import load_agenda
from liftkit.core.groups.model import Group, Round, Score, Split
from liftkit.core.live.controller import Controller
from liftkit.core.live.session import Clock, new_session
from liftkit.core.people.reader import Person

AGENDA = """
title = "Webinar"

[[segments]]
title = "Breakouts"
duration = "30m"
kind = "breakout"
group_size = 5
rounds = 3
prompt = "Discuss"
"""
FIRST = ("Ada", "Grace", "Lucía", "José", "Mohammed", "Priya", "Wei", "Yuki", "Olga", "Sven",
         "Zoë", "Kwame", "Ngozi", "Siobhan", "Tomás", "Björn", "Katherine", "Rosalind")  # fmt: skip
LAST = ("Lovelace", "Hopper", "Núñez", "García", "Okafor", "Patel", "Zhang", "Tanaka",
        "Ivanova", "Andersson", "Müller", "O'Brien", "Featherstonehaugh-Okonkwo", "Somerville",
        "Adeyemi", "Johansson", "Schneider")  # fmt: skip
KEYS = ("g", "→", "f", "letter", "Enter")


def rooms_app(people: int, folder: Path) -> tuple[LiveApp, Controller, Callable[[float], None]]:
    """A live app in the first round of the breakout, and how to move its clock on."""

    names = [f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST) % len(LAST)]}" for i in range(people)]
    everyone = [Person(name, f"p{i}@example.org") for i, name in enumerate(names)]
    rounds = []
    for r in range(3):
        order = everyone[r::3] + [p for i, p in enumerate(everyone) if i % 3 != r]
        rooms = [order[i : i + 5] for i in range(0, people, 5)]
        groups = tuple(Group(f"Room {n}", tuple(m)) for n, m in enumerate(rooms, start=1))
        rounds.append(Round(r + 1, groups))
    split = Split(tuple(rounds), Score(0, 1, 0), seed=1)
    path = folder / "agenda.toml"
    path.write_text(AGENDA)
    now = [1000.0]
    clock = Clock(1.0, 0.0, mono=lambda: now[0], wall=lambda: datetime(2026, 3, 9, 14, tzinfo=UTC))
    session = new_session(load_agenda(path), path, "agenda", folder / "sessions", clock)
    plan = GroupsPlan(people=everyone, plans={0: split})
    plan.record(session)
    controller = Controller(session, groups_view=plan.summary, reshuffle=plan.reshuffle)
    console = Console(file=io.StringIO(), width=120, height=40, force_terminal=True)
    app = LiveApp(controller, console, NoKeys())  # type: ignore[arg-type]
    session.start(None)

    def wait(seconds: float) -> None:
        now[0] += seconds
        controller.advance()

    return app, controller, wait


class NoKeys:
    """The keys are pressed by the benchmark itself (Controller.press)."""

    def deferred(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    def take_resumed(self) -> bool:
        return False


def measure(people: int, runs: int) -> dict[str, float]:
    """Median seconds of each step, over `runs` fresh apps."""
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="liftkit-rooms-") as folder:
            one_run(people, Path(folder), times)
    return {name: statistics.median(values) for name, values in times.items()}


def one_run(people: int, folder: Path, times: dict[str, list[float]]) -> None:
    app, controller, wait = rooms_app(people, folder)
    app.writer = ScreenWriter(app.console)
    app.draw()

    def step(name: str, keys: str | list[str] = (), seconds: float = 0.0) -> None:
        wait(seconds)
        begin = time.perf_counter()
        for key in [keys] if isinstance(keys, str) else keys:
            controller.press(key)
        app.draw()
        times.setdefault(name, []).append(time.perf_counter() - begin)

    for _ in range(3):
        step("clock view, each second", seconds=1.0)
    step("g", "g")
    for _ in range(3):
        step("rooms view, each second", seconds=1.0)
    for _ in range(3):
        step("→", "RIGHT")
    step("f", "f")
    for letter in "lucia nu":
        step("letter", letter)
    step("Enter", "ENTER")
    said = app.last_screen.message
    assert "match" in said or " is in " in said, said


def child(people: list[int], runs: int) -> None:
    print(json.dumps({n: measure(n, runs) for n in people}))


def run_in(source: str, people: list[int], runs: int) -> dict[str, dict[str, float]]:
    env = dict(os.environ, PYTHONPATH=source)
    argv = [sys.executable, __file__, "--child", "--people", ",".join(map(str, people))]
    done = subprocess.run([*argv, "--runs", str(runs)], env=env, cwd=source,
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode:
        raise SystemExit(f"{source}: {done.stderr}")
    out = done.stdout
    return {int(n): steps for n, steps in json.loads(out).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="500,1000,5000")
    parser.add_argument("--runs", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--source", help="another checkout, timed beside this one")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    people = [int(n) for n in args.people.split(",")]
    if args.child:
        child(people, args.runs)
        return 0
    here = str(Path(__file__).resolve().parent.parent)
    sources = {"this": here, **({"other": args.source} if args.source else {})}
    found: dict[str, list[dict[int, dict[str, float]]]] = {name: [] for name in sources}
    for _ in range(args.runs):  # in turn, so that a busy machine slows both alike
        for name, source in sources.items():
            found[name].append(run_in(source, people, 1))
    print(f"median of {args.runs} runs, milliseconds (a draw at 120x40, or a key and its draw)")
    for n in people:
        print(f"\n{n} people, {n // 5} rooms of 5")
        steps = found["this"][0][n]
        for step in steps:
            this = statistics.median(run[n][step] for run in found["this"]) * 1000
            line = f"  {step:26s} this {this:9.1f}"
            if args.source:
                other = statistics.median(run[n][step] for run in found["other"]) * 1000
                line += f"   other {other:9.1f}   this/other {this / other:6.3f}"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
