"""The full screen in a narrow window (the host's terminal beside the call, the audience's
shared at 60 columns).

A long message (a full disk: what was kept, what to do) took two lines and lost its end
('liftkit saves i…') though the body had empty rows: it now takes the body's spare rows and
is read whole; the countdown keeps its size and the keys stay on the last line. A question
too long for a line went on under its number: it now goes on under its first word."""

import errno
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from support.tmux import Tmux

from liftkit.cli.live.frame import render
from liftkit.core.live.screen import Screen

LIFTKIT = [sys.executable, "-m", "liftkit"]
KEPT = (
    "NOT SAVED yet, the reflection is kept: cannot write to the journal: the disk is full. "
    "Free some space: liftkit saves it once the journal can be written again."
)
AGENDA = """
title = "Narrow"
[[segments]]
title = "Welcome"
duration = "10m"
kind = "welcome"
prompt = "Say hello in the chat"
"""


def screen(message: str, questions: tuple[str, ...] = ()) -> Screen:
    return Screen(
        title="Community conversation", wall_clock="14:02", position="1/5",
        segment_title="Introductions", kind="welcome", countdown="04:12", tone="normal",
        status="", segment_line="0:48 of 5:00", segment_progress=0.16,
        session_line="planned end 15:00", session_progress=0.01,
        prompt="Say hello in the chat", questions=questions, notes="",
        next_line="Next: Opening perspective (5 min)", groups=None, message=message,
    )  # fmt: skip


def lines_of(shown: Screen, width: int, height: int) -> list[str]:
    console = Console(width=width, height=height, file=io.StringIO(), no_color=True)
    console.print(render(shown, width, height))
    lines = console.file.getvalue().splitlines()
    assert len(lines) == height
    return [line.rstrip() for line in lines]


def words(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize(("width", "height"), [(60, 20), (40, 14), (50, 24)])
def test_a_long_message_is_read_whole_in_a_narrow_window(width, height):
    lines = lines_of(screen(KEPT), width, height)
    assert KEPT in words(lines), "\n".join(lines)
    assert lines[-1].startswith("space pause") and lines[-1].endswith("q quit")
    assert "Say hello in the chat" in lines  # the body keeps its prompt
    quiet = lines_of(screen(""), width, height)
    # the countdown and the bars above the body are drawn as without the message
    top = quiet.index("Say hello in the chat")
    assert lines[:top] == quiet[:top]


def test_a_body_with_no_spare_row_keeps_it_and_the_message_keeps_two_lines():
    questions = tuple(f"Question {i} to talk over in the rooms" for i in range(1, 10))
    lines = lines_of(screen(KEPT, questions), 60, 20)
    assert all(f"{i}. Question {i}" in "\n".join(lines) for i in range(1, 10))
    said = [line for line in lines if line.startswith(("NOT SAVED", "journal"))]
    assert len(said) == 2 and said[1].endswith("…"), "\n".join(lines)


def quit_run(term: Tmux) -> None:
    term.keys("q")
    term.wait_for("Quit?", timeout=10)
    term.keys("y")
    term.wait_for("EXIT=0", timeout=20)


def fill(folder: Path) -> None:
    """Write until the disk refuses another byte, then fill the journal's last 4 KB page
    (tmpfs gives whole pages) with a line as `liftkit note` adds one."""
    with open(folder / "filler", "wb", buffering=0) as handle:
        for size in (512, 1):
            try:
                while True:
                    handle.write(b"x" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    (journal,) = folder.glob("s/*/journal.jsonl")
    event = {"seq": 1000, "type": "reflection", "wall": "2026-01-01T10:00:00.000+00:00",
             "mono": 0.0, "segment": 0, "text": "", "author": None, "tags": [],
             "source": "note"}  # fmt: skip
    event["text"] = "x" * (-journal.stat().st_size % 4096 - len(json.dumps(event)) - 1)
    with open(journal, "a") as handle:
        handle.write(json.dumps(event) + "\n")


def test_a_reflection_not_saved_on_a_full_disk_is_said_whole_at_60_columns(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True
    )
    if shutil.which("mount") is None or mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    (tmp_path / "a.toml").write_text(AGENDA)
    term = Tmux(60, 20, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", str(disk / "s")])
        term.wait_for("q quit", timeout=20)
        fill(disk)
        term.keys("r")
        term.wait_for("Enter", timeout=10)
        term.type("Ada: listen first")
        shown = term.wait_for("NOT SAVED", timeout=10)
        assert KEPT in words(shown.splitlines()), shown
        assert shown.rstrip().splitlines()[-1].rstrip().endswith("q quit"), shown
        (disk / "filler").unlink()
        term.wait_for("Saved 1 reflection", timeout=10)
        quit_run(term)
    finally:
        term.close()
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


DISCUSSION = """
title = "Narrow"
[[segments]]
title = "Together"
duration = "10m"
kind = "discussion"
questions = [
    "What resonated with you from the opening perspective?",
    "How can we create the space we need to reflect and learn?",
]
"""


def test_a_long_question_goes_on_under_its_first_word(tmp_path):
    (tmp_path / "a.toml").write_text(DISCUSSION)
    term = Tmux(44, 30, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        shown = term.wait_for("q quit", timeout=20)
        quit_run(term)
    finally:
        term.close()
    lines = shown.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  1. What resonated"))
    second = next(i for i, line in enumerate(lines) if line.startswith("  2. How can we"))
    assert second - first == 2, shown  # one line more each, at 44 columns
    for at in (first + 1, second + 1):
        assert lines[at].startswith("     ") and lines[at][5] != " ", shown
    said = " ".join(line.strip() for line in lines[first : second + 2])
    assert said == (
        "1. What resonated with you from the opening perspective? "
        "2. How can we create the space we need to reflect and learn?"
    )


@pytest.mark.parametrize("width", [45, 50])
def test_at_45_to_50_columns_the_session_line_keeps_behind_or_ahead(tmp_path, width):
    """At 50 columns, + eleven times: "planned end 17:21 · projected 17:32 · 11 mins beh…",
    the one word that says which way the session runs cut off."""
    (tmp_path / "a.toml").write_text(AGENDA)
    term = Tmux(width, 24, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        term.wait_for("q quit", timeout=20)
        for _ in range(11):
            term.keys("+")
        shown = term.wait_for("11 mins behind", timeout=10)
        quit_run(term)
    finally:
        term.close()
    (line,) = [line for line in shown.splitlines() if "11 mins behind" in line]
    assert re.fullmatch(r" *end \d\d:\d\d · 11 mins behind", line), shown
    assert len(line) == width
