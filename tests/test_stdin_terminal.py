"""`-` read from a terminal (tmux): liftkit says it waits for text there, rather than wait on a
blank screen that looks like a hang (a QA pass of the command-line conventions)."""

import sys

import pytest
from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]


@pytest.mark.parametrize(
    ("args", "what"),
    [(["groups", "-"], "the attendee list"), (["agenda", "show", "-"], "the agenda")],
)
def test_a_dash_on_a_terminal_says_what_it_reads_and_how_to_end_it(tmp_path, args, what):
    term = Tmux(100, 24, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, *args])
        screen = " ".join(term.wait_for("Ctrl-D").split())
        assert f"Reading {what} from standard input: paste or type it, then Ctrl-D" in screen
        if args[0] == "groups":
            for name in ("Ada", "Bo", "Cy", "Di"):
                term.type(name)
            term.keys("C-d")
            assert "4 people in 1 group" in term.wait_for("EXIT=0")
        else:
            term.keys("C-c")
            term.wait_for("EXIT=130")
    finally:
        term.close()
