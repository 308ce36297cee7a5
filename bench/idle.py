"""Idle cost of the live countdown: CPU seconds over 20 s in a pseudo-terminal.

Runs `liftkit run` (full screen, 80x24) and `termdown` the same way, in the same run,
several times interleaved, and prints the medians and the ratio. termdown is installed
with pip if missing.

Targets (issue 3): liftkit <= 0.1 CPU-s over 20 s, and at most a quarter of termdown's.

    python bench/idle.py [--seconds 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import pexpect

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU time of a process: nanoseconds from /proc/PID/schedstat where the kernel keeps
    them (clock ticks of 10 ms are too coarse for a tenth of a second), else user + system
    time from /proc/PID/stat."""
    try:
        with open(f"/proc/{pid}/task/{pid}/schedstat") as handle:
            on_cpu = int(handle.read().split()[0]) / 1e9
        threads = os.listdir(f"/proc/{pid}/task")
        for tid in threads:
            if tid != str(pid):
                with open(f"/proc/{pid}/task/{tid}/schedstat") as handle:
                    on_cpu += int(handle.read().split()[0]) / 1e9
        return on_cpu
    except (OSError, ValueError, IndexError):
        pass
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return (utime + stime + cutime + cstime) / TICKS


def measure(argv: list[str], seconds: float, cwd: str, warmup: float = 3.0) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(argv[0], argv[1:], dimensions=(24, 80), cwd=cwd, env=env)
    try:
        end = time.monotonic() + warmup
        while time.monotonic() < end:  # drain the output, like a terminal would
            with contextlib.suppress(pexpect.TIMEOUT):
                child.read_nonblocking(65536, timeout=0.2)
        before = cpu_seconds(child.pid)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            with contextlib.suppress(pexpect.TIMEOUT):
                child.read_nonblocking(65536, timeout=0.2)
        return cpu_seconds(child.pid) - before
    finally:
        child.terminate(force=True)
        child.close()


def termdown_command() -> list[str]:
    exe = shutil.which("termdown") or os.path.join(os.path.dirname(sys.executable), "termdown")
    if not os.path.exists(exe):
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "termdown"], check=True)
        exe = os.path.join(os.path.dirname(sys.executable), "termdown")
    return [exe, "10m"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    liftkit = [sys.executable, "-m", "liftkit", "run", "community-conversation"]
    termdown = termdown_command()
    ours: list[float] = []
    theirs: list[float] = []
    with tempfile.TemporaryDirectory() as cwd:
        for run in range(args.runs):
            ours.append(measure([*liftkit, "--sessions", f"s{run}"], args.seconds, cwd))
            theirs.append(measure(termdown, args.seconds, cwd))
            print(f"run {run + 1}: liftkit {ours[-1]:.4f} CPU-s, termdown {theirs[-1]:.4f} CPU-s")
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"median over {args.runs} runs of {args.seconds:g} s:")
    print(f"  liftkit run   {a:.4f} CPU-s   (target <= 0.100)")
    print(f"  termdown      {b:.4f} CPU-s")
    ratio = a / b if b else float("inf")
    print(f"  ratio         {ratio:.2f}        (target <= 0.25)")


if __name__ == "__main__":
    main()
