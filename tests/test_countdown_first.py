"""The big countdown keeps its rows at 80x24 when the body (host notes, prompt, questions)
would take more: the body gets what is left, and says what more a taller window shows."""

import re
import sys

import pytest
from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]


@pytest.fixture
def term(tmp_path):
    term = Tmux(80, 24, cwd=str(tmp_path))
    yield term
    term.close()


def test_world_cafe_round_keeps_its_big_countdown_beside_long_host_notes(term):
    term.run([*LIFTKIT, "run", "world-cafe", "--rehearse", "60", "--sessions", "s"])
    term.wait_for("1/")
    term.type("n", enter=False)
    term.wait_for("2/")
    term.type("n", enter=False)
    screen = term.wait_for("3/")
    screen = term.wait_for("Host notes")  # the notes take many rows here
    digits = [row for row in screen.splitlines() if "█" in row]
    assert len(digits) >= 5, screen  # drawn large, not `07:36  round 1 of 4 · …` on a line
    assert not any(re.match(r"\s+\d\d:\d\d  round", row) for row in screen.splitlines())
    assert "round 1 of 4" in screen
