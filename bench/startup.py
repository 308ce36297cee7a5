"""Start-up time of `liftkit --version` and `liftkit agenda list` against `import typer`.

Runs each command 15 times, interleaved (so a busy machine slows all three alike), in the
Python environment running this script, and prints the median wall time of each and its
ratio to `python -c "import typer"`. Targets: --version <= 1.3, agenda list <= 1.6.
liftkit's bytecode is cached as pip's install caches typer's (bench/command.py); before
2026-12-03 it was compiled at every run on machines that set PYTHONDONTWRITEBYTECODE, and
`agenda list` measured 1.66 where it is 1.32.

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from command import installed_env, liftkit_command

TARGETS = {"liftkit --version": 1.3, "liftkit agenda list": 1.6}


def time_once(argv: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - begin


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="liftkit-bytecode-") as cache:
        return measure(args.runs, installed_env(Path(cache)))


def measure(runs: int, env: dict[str, str]) -> int:
    liftkit = liftkit_command()
    commands = {
        'python -c "import typer"': [sys.executable, "-c", "import typer"],
        "liftkit --version": [*liftkit, "--version"],
        "liftkit agenda list": [*liftkit, "agenda", "list"],
    }
    for argv in commands.values():  # warm the file cache and the bytecode cache
        time_once(argv, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(time_once(argv, env))

    medians = {name: statistics.median(values) for name, values in times.items()}
    baseline = medians['python -c "import typer"']
    print(f"python {sys.version.split()[0]}, {runs} interleaved runs each, median wall time")
    print(f"liftkit run as: {' '.join(liftkit)}")
    failed = False
    for name, median in medians.items():
        line = f"{name:28} {median * 1000:7.1f} ms"
        if name in TARGETS:
            ratio = median / baseline
            verdict = "ok" if ratio <= TARGETS[name] else "MISSED"
            failed |= verdict != "ok"
            line += f"   ratio {ratio:4.2f}  (target <= {TARGETS[name]}: {verdict})"
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
