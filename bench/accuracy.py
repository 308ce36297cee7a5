"""Timer accuracy: eight 2-second auto-advancing segments in --plain at real speed.

Reads `liftkit run --plain` output as it arrives and notes when each segment's start line
appears, against the plan (first start + 2 s per segment). Prints each start's offset and
the worst, for several runs, and the median of the worst offsets.

Targets (issue 3): every start within 50 ms of plan; no cumulative drift (the last start is
no later than the first ones).

    python bench/accuracy.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEGMENTS = 8
LENGTH = 2.0


def agenda_text() -> str:
    parts = ['title = "Accuracy"']
    for i in range(1, SEGMENTS + 1):
        parts.append(f'[[segments]]\ntitle = "S{i}"\nduration = "{LENGTH:g}s"')
        parts.append("auto_advance = true\nwarn = []")
    return "\n".join(parts) + "\n"


def one_run(folder: Path) -> list[float]:
    folder.mkdir(parents=True, exist_ok=True)
    agenda = folder / "accuracy.toml"
    agenda.write_text(agenda_text())
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "liftkit", "run", str(agenda), "--plain", "--sessions",
         str(folder / "sessions")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    starts: dict[int, float] = {}
    buffer = b""
    while proc.poll() is None or buffer:
        if not selector.select(timeout=5):
            break
        chunk = os.read(proc.stdout.fileno(), 65536)
        now = time.monotonic()
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            text = line.decode()
            marker = text.find("> ")
            if marker != -1 and "/" in text[marker:]:
                number = int(text[marker + 2 :].split("/", 1)[0])
                starts.setdefault(number, now)
    proc.wait(timeout=10)
    first = starts[1]
    return [(starts[n] - (first + (n - 1) * LENGTH)) * 1000 for n in range(1, SEGMENTS + 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    worst = []
    drift = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            offsets = one_run(Path(tmp) / f"run{run}")
            shown = " ".join(f"{o:+6.1f}" for o in offsets)
            print(f"run {run + 1}: start offsets vs plan (ms): {shown}")
            worst.append(max(abs(o) for o in offsets))
            drift.append(offsets[-1] - offsets[1])
    print(f"median of the worst offset: {statistics.median(worst):.1f} ms (target <= 50)")
    print(f"median drift from segment 2 to segment {SEGMENTS}: {statistics.median(drift):+.1f} ms")


if __name__ == "__main__":
    main()
