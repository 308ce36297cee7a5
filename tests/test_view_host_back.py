"""`liftkit view` in a real terminal while the host's liftkit stops and comes back."""

import sys
from datetime import datetime, timedelta

import pytest
from support.tmux import host_and_audience

LIFTKIT = [sys.executable, "-m", "liftkit"]


@pytest.fixture
def terms(tmp_path):
    with host_and_audience(tmp_path) as pair:
        yield pair


def test_a_quit_before_the_start_no_longer_stops_the_clock_once_started(terms, tmp_path):
    # Quit while waiting for --start, resumed and started: the view said "■ PAUSED" and "The
    # host has stopped the clock" for the whole session, and never counted down.
    host, audience = terms
    start_at = (datetime.now() + timedelta(minutes=5)).strftime("%H:%M")
    host.run([*LIFTKIT, "run", "a.toml", "--start", start_at, "--sessions", "s"])
    host.wait_for(f"STARTS AT {start_at}")
    audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
    host.keys("q")
    host.keys("y")
    host.wait_for("EXIT=0")
    host.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
    host.wait_for(f"STARTS AT {start_at}")
    host.keys("n")
    host.wait_for("running")
    screen = audience.wait_for("Say hello in the chat", timeout=5)
    audience.wait_for("running", timeout=5)
    screen = audience.screen()
    assert "PAUSED" not in screen and "stopped" not in screen
    host.keys("q")
    host.keys("y")
    host.wait_for("EXIT=0")
    audience.wait_for("PAUSED", timeout=5)  # a quit now is one: the clock waits
