"""What `liftkit view` says of the session as it is closed (Ctrl-C): only what is so. The real
command line, the host's session run in plain mode."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

LIFTKIT = [sys.executable, "-m", "liftkit"]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def host(tmp_path: Path, how: str) -> Path:
    """A session whose host quit (`q` `y`), or whose liftkit was killed (`how`)."""
    args = [*LIFTKIT, "run", "community-conversation", "--plain", "--sessions", "s"]
    run = subprocess.Popen(
        args, cwd=tmp_path, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert run.stdin is not None
    deadline = time.monotonic() + 20
    while not list(tmp_path.glob("s/*/journal.jsonl")) and time.monotonic() < deadline:
        time.sleep(0.05)
    (journal,) = tmp_path.glob("s/*/journal.jsonl")
    while b"session_start" not in journal.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.05)
    if how == "quit":
        run.communicate("q\ny\n", timeout=20)
    else:
        run.kill()
        run.wait(timeout=10)
        run.stdin.close()
    return journal.parent


def closing_words(tmp_path: Path) -> str:
    view = subprocess.Popen(
        [*LIFTKIT, "view", "latest", "--sessions", "s"], cwd=tmp_path, env=ENV,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(2)
    view.send_signal(signal.SIGINT)
    _, err = view.communicate(timeout=20)
    assert view.returncode == 130, err
    return err.splitlines()[-1]


@pytest.mark.parametrize(
    ("how", "said"),
    [
        ("quit", "the host's liftkit stopped it (quit). Carry it on with: liftkit resume {folder}"),
        (
            "killed",
            "the host's liftkit is no longer running (a crash?). Carry it on with: liftkit "
            "resume {folder}",
        ),
    ],
)
def test_the_view_says_whether_the_session_carries_on(tmp_path: Path, how: str, said: str):
    """It said 'the session itself carries on' after the host had quit (q y), or their
    liftkit had crashed."""
    folder = host(tmp_path, how)
    shown = shlex.quote(str(Path("s") / folder.name))
    assert closing_words(tmp_path) == (
        f"Stopped following s/{folder.name}; {said.format(folder=shown)}"
    )


def test_the_view_of_a_session_still_running_says_it_carries_on(tmp_path: Path):
    args = [*LIFTKIT, "run", "community-conversation", "--plain", "--sessions", "s"]
    with subprocess.Popen(
        args, cwd=tmp_path, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, text=True,
    ) as run:  # fmt: skip
        try:
            deadline = time.monotonic() + 20
            while not list(tmp_path.glob("s/*/journal.jsonl")) and time.monotonic() < deadline:
                time.sleep(0.05)
            (folder,) = (tmp_path / "s").iterdir()
            words = closing_words(tmp_path)
        finally:
            run.communicate("q\ny\n", timeout=20)
    assert words == f"Stopped following s/{folder.name}; the session itself carries on."


def test_the_command_to_carry_on_is_whole_on_a_line_of_an_80_column_window(tmp_path: Path):
    """At 80 columns the view's last words put the closing backtick of `liftkit resume …`
    on the next line, and a triple-click on the command copied the opening one with it. The
    command is now bare, as `run` gives it, on a line of its own when it does not fit."""
    from support.tmux import Tmux

    folder = host(tmp_path, "quit")
    shown = f"s/{folder.name}"
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.type(shlex.join([*LIFTKIT, "view", shown]) + "; echo DONE=$?")
        term.wait_for("PAUSED", timeout=20)
        term.keys("q")
        screen = term.wait_for("DONE=0", timeout=20)
    finally:
        term.close()
    lines = [line.rstrip() for line in screen.splitlines()]
    assert f"liftkit resume {shown}" in lines, screen  # one line, nothing else on it
    assert "`" not in screen, screen
    at = lines.index(f"liftkit resume {shown}")
    assert lines[at - 1].endswith("Carry it on with:"), screen
    said = " ".join(lines[lines.index(next(x for x in lines if x.startswith("Stopped"))) : at + 1])
    assert said == (
        f"Stopped following {shown}; the host's liftkit stopped it (quit). Carry it on with: "
        f"liftkit resume {shown}"
    ), screen
