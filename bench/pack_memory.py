"""Peak memory of `liftkit export` for a huge chat: the Markdown pack and the HTML pack.

A webinar's chat of 50,000 or 150,000 messages (the Zoom two-line layout of
bench/export.py: replies, reactions and a few direct messages), with the session of
bench/export.py (the hosted-event agenda, 70 attendees, 600 reflections), exported by the
real command, `liftkit export SESSION --chat chat.txt --format md|html -o pack`, in a
subprocess that reports its own peak resident memory (VmHWM; ru_maxrss elsewhere). Median
of several runs, each format in turn.

    python bench/pack_memory.py [--messages 50000,150000] [--runs 3] [--source DIR]

`--source DIR` also runs the liftkit in DIR (another checkout, e.g. a `git worktree` of the
commit before a change), each run in turn with this one, prints both side by side, and
checks that the two wrote the same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from command import installed_env
from export import PEAK_OF_COMMAND, chat_lines, make_session

REFLECTIONS = 600


def make_chat(path: Path, messages: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for line in chat_lines(None, messages=messages):
            out.write(line + "\n")


def peak(source: Path, env: dict[str, str], argv: list[str], tmp: Path) -> int:
    """The command's peak memory in MB, run with the liftkit in `source`."""
    written = tmp / "peak.txt"
    run_env = dict(env, PYTHONPATH=str(source))
    # run from `tmp`: run from a checkout, `python -c` would import the liftkit found there
    subprocess.run([sys.executable, "-c", PEAK_OF_COMMAND, str(written), *argv], check=True,
                   capture_output=True, env=run_env, cwd=tmp)  # fmt: skip
    return int(written.read_text())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", default="50000,150000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", help="another checkout, measured beside this one")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    sources = {"this": here, **({"other": Path(args.source).resolve()} if args.source else {})}
    same = True
    with tempfile.TemporaryDirectory(prefix="liftkit-pack-memory-") as name:
        tmp = Path(name)
        env = installed_env(tmp / "bytecode")
        folder = tmp / "2026-03-09-140000-hosted-event"
        make_session(folder, REFLECTIONS)
        for label, source in sources.items():  # which liftkit each runs, to be sure
            which = [sys.executable, "-c", "import liftkit; print(liftkit.__file__)"]
            where = subprocess.run(which, env=dict(env, PYTHONPATH=str(source)), cwd=tmp,
                                   check=True, capture_output=True, text=True)  # fmt: skip
            print(f"{label}: {Path(where.stdout.strip()).parent}")
        print(f"peak MB of liftkit export, median of {args.runs} runs")
        for count in (int(n) for n in args.messages.split(",")):
            chat = tmp / "chat.txt"
            make_chat(chat, count)
            size = chat.stat().st_size / 1e6
            for fmt in ("md", "html"):
                each: dict[str, list[int]] = {source: [] for source in sources}
                for _ in range(args.runs):
                    for label, source in sources.items():
                        out = tmp / f"pack-{label}.{fmt}"
                        argv = ["export", str(folder), "--chat", str(chat), "--format", fmt,
                                "-o", str(out), "--force"]  # fmt: skip
                        each[label].append(peak(source, env, argv, tmp))
                line = f"  {count:7,d} messages ({size:4.0f} MB), {fmt:4}: "
                line += f"this {statistics.median(each['this']):4.0f}"
                if args.source:
                    line += f"   other {statistics.median(each['other']):4.0f}"
                    identical = filecmp.cmp(tmp / f"pack-this.{fmt}", tmp / f"pack-other.{fmt}",
                                            shallow=False)  # fmt: skip
                    same &= identical
                    line += "   same bytes" if identical else "   DIFFERENT BYTES"
                print(line, flush=True)
    return 0 if same else 1


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
