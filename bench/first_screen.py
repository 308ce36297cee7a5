"""How long a host waits for the first screen of `liftkit run AGENDA --attendees people.csv`.

The real command in a real terminal (tmux, 120x40), timed from Enter until the screen shows
the first segment (`1/5  Introductions`): reading the list, making every breakout's rooms,
opening the session folder and drawing. Attendee lists of 1,000 and 5,000 people (written as
bench/reflections.py writes them: names, emails, organisations), with the bundled
community-conversation (one breakout, one round, in fives) and a conference's agenda whose
breakout has three rounds in fives (each person meets new people in each). Seed 1. Median of
several runs, after one run of each that is not counted (bytecode cached, as an installed
copy has it: bench/command.py).

    python bench/first_screen.py [--people 1000,5000] [--runs 3] [--source DIR]

`--source DIR` also runs the liftkit in DIR (another checkout, e.g. a `git worktree` of the
commit before a change), each run in turn with this one, and prints both with their ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from command import installed_env
from reflections import write_people

AGENDAS = {
    "community-conversation": None,  # bundled
    "three rounds": """
title = "Conference"

[[segments]]
title = "Welcome"
duration = "5m"
kind = "welcome"

[[segments]]
title = "Tables"
duration = "45m"
kind = "breakout"
group_size = 5
rounds = 3
""",
}
FIRST_SCREEN = re.compile(r"^1/\d+  ", re.M)  # the segment line: "1/5  Introductions"
TIMEOUT = 120.0


def first_screen(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Seconds from Enter until the first screen shows, in a new tmux server."""
    socket = f"liftkit-bench-{uuid.uuid4().hex[:8]}"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True,
                              check=True, env=env, cwd=cwd).stdout  # fmt: skip

    tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "t", "bash --norc --noprofile")
    try:
        shutil.rmtree(cwd / "sessions", ignore_errors=True)
        tmux("send-keys", "-t", "t", "-l", "clear; " + shlex.join(argv))
        time.sleep(0.3)
        tmux("send-keys", "-t", "t", "Enter")
        begin = time.perf_counter()
        while not FIRST_SCREEN.search(tmux("capture-pane", "-p", "-t", "t")):
            if time.perf_counter() - begin > TIMEOUT:
                raise RuntimeError(f"no first screen after {TIMEOUT:.0f} s: {argv}")
            time.sleep(0.01)
        seconds = time.perf_counter() - begin
        tmux("send-keys", "-t", "t", "q")
        time.sleep(0.2)
        tmux("send-keys", "-t", "t", "y")
        time.sleep(0.5)
        return seconds
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", help="another checkout, timed beside this one")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 1
    here = Path(__file__).resolve().parent.parent
    sources = {"this": here, **({"other": Path(args.source).resolve()} if args.source else {})}
    with tempfile.TemporaryDirectory(prefix="liftkit-first-screen-") as tmp:
        folder = Path(tmp)
        base = {k: v for k, v in installed_env(folder / "bytecode").items()
                if k not in ("COLUMNS", "LINES", "TMUX")}  # fmt: skip
        base["TERM"] = "xterm-256color"
        print(f"seconds to the first screen of liftkit run, median of {args.runs} runs")
        for count in (int(n) for n in args.people.split(",")):
            write_people(folder / "people.csv", count)
            for label, text in AGENDAS.items():
                agenda = label
                if text is not None:
                    agenda = "agenda.toml"
                    (folder / agenda).write_text(text, encoding="utf-8")
                argv = [sys.executable, "-m", "liftkit", "run", agenda, "--attendees",
                        "people.csv", "--sessions", "sessions", "--seed", "1"]  # fmt: skip
                each: dict[str, list[float]] = {name: [] for name in sources}
                for run in range(args.runs + 1):  # the first of each is not counted
                    for name, source in sources.items():
                        seconds = first_screen(argv, folder, dict(base, PYTHONPATH=str(source)))
                        if run:
                            each[name].append(seconds)
                this = statistics.median(each["this"])
                line = f"  {count:5,d} attendees, {label:22}: this {this:5.2f}"
                if args.source:
                    other = statistics.median(each["other"])
                    line += f"   other {other:5.2f}   this/other {this / other:4.2f}"
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
