"""`liftkit run` in a real terminal (tmux), stopped in ways a shell stops a job: what the
journal records and what the terminal is left as."""

import time

import pytest
from support.tmux import agenda_terminal, session_events
from test_live_terminal import AGENDA, _running, start, stty_is_sane


@pytest.fixture
def term(tmp_path):
    yield from agenda_terminal(tmp_path, AGENDA)


def test_ctrl_z_then_kill_stops_liftkit_and_records_the_stop(term, tmp_path):
    """Ctrl-Z then `kill %1` (bash sends SIGTERM, then SIGCONT): liftkit, continued in the
    background, set the terminal's modes again, was stopped by SIGTTOU and stayed Stopped,
    no stop line, so that `resume` said the session ran in another terminal. Now it records
    the stop and exits, leaving the terminal as the shell has it."""
    start(term)
    term.keys("C-z")
    term.wait_for("Stopped")
    pid = term.command_pid()
    term.type("kill %1")
    screen = term.wait_for("Session stopped (asked to stop: SIGTERM)")
    deadline = time.monotonic() + 10
    while _running(pid):
        assert time.monotonic() < deadline, "liftkit did not exit"
        time.sleep(0.05)
    last = session_events(tmp_path)[-1]
    assert (last["type"], last["reason"]) == ("stop", "sigterm")
    assert "nothing captured is lost" in " ".join(screen.split())
    assert term.state("#{alternate_on} #{cursor_flag}") == "0 1"
    term.type("clear")
    stty_is_sane(term)
