"""Idle cost of the live countdown: liftkit beside termdown, CPU nanoseconds over 20 s.

Both run at the same time, each in its own pseudo-terminal of the same size (100x30 unless
told), showing a countdown that nobody touches; their output is read and thrown away, as a
terminal would. CPU time comes from /proc/PID/schedstat (nanoseconds on the CPU, all
threads), read at the start and the end of the same interval. Several runs; the medians and
their ratio are printed. termdown is installed with pip into a temporary virtual
environment (not the project's); without it, liftkit is measured alone.

Target (issue 10): liftkit no higher than termdown (ratio <= 1).

    python bench/idle.py [--seconds 20] [--runs 3] [--size 100x30] [--source DIR]

`--source DIR` runs the liftkit found in DIR (another checkout) instead of this one, to
compare before and after a change.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

import pexpect


def cpu_ns(pid: int) -> int:
    """Nanoseconds a process (all its threads) has spent on a CPU."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{tid}/schedstat") as handle:
            total += int(handle.read().split()[0])
    return total


def spawn(argv: list[str], size: tuple[int, int], cwd: str, env: dict[str, str]) -> pexpect.spawn:
    columns, lines = size
    return pexpect.spawn(argv[0], argv[1:], dimensions=(lines, columns), cwd=cwd, env=env)


def drain(children: list[pexpect.spawn], seconds: float) -> None:
    """Read (and drop) what the programs write for `seconds`, like a terminal would."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for child in children:
            with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
                child.read_nonblocking(65536, timeout=0.05)


def measure(
    commands: dict[str, list[str]], size: tuple[int, int], seconds: float, cwd: str, source: str
) -> dict[str, float]:
    """CPU seconds each command used over the same `seconds`, after a warm-up."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    if source:
        env["PYTHONPATH"] = source
    children = {name: spawn(argv, size, cwd, env) for name, argv in commands.items()}
    try:
        drain(list(children.values()), 4.0)  # start-up and the first full draw
        before = {name: cpu_ns(child.pid) for name, child in children.items()}
        drain(list(children.values()), seconds)
        return {name: (cpu_ns(child.pid) - before[name]) / 1e9 for name, child in children.items()}
    finally:
        for child in children.values():
            child.terminate(force=True)
            child.close()


def termdown(folder: Path) -> list[str] | None:
    """termdown in a virtual environment of its own under `folder`, or None without it."""
    env_dir = folder / "termdown-venv"
    venv.create(env_dir, with_pip=True)
    exe = env_dir / "bin" / "termdown"
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", "termdown"]
    if subprocess.run(pip, capture_output=True).returncode != 0 or not exe.exists():
        return None
    return [str(exe), "10m"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="100x30", help="COLUMNSxLINES of both terminals")
    parser.add_argument("--source", default="", help="run the liftkit in this folder")
    args = parser.parse_args()
    columns, lines = (int(n) for n in args.size.lower().split("x"))
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as cwd:
        rival = termdown(Path(cwd))
        if rival is None:
            print("termdown could not be installed: measuring liftkit alone")
        for run in range(args.runs):
            commands = {
                "liftkit": [sys.executable, "-m", "liftkit", "run", "community-conversation",
                            "--sessions", f"s{run}"],
            }  # fmt: skip
            if rival:
                commands["termdown"] = rival
            used = measure(commands, (columns, lines), args.seconds, cwd, args.source)
            for name, seconds in used.items():
                results.setdefault(name, []).append(seconds)
            print(f"run {run + 1}: " + ", ".join(f"{n} {s:.4f} CPU-s" for n, s in used.items()))
    medians = {name: statistics.median(values) for name, values in results.items()}
    print(f"median over {args.runs} runs of {args.seconds:g} s at {columns}x{lines}:")
    for name, value in medians.items():
        print(f"  {name:<10} {value:.4f} CPU-s")
    if "termdown" in medians:
        ratio = medians["liftkit"] / medians["termdown"] if medians["termdown"] else float("inf")
        print(f"  ratio      {ratio:.2f}  (liftkit / termdown; target <= 1)")


if __name__ == "__main__":
    main()
