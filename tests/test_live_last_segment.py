"""A last segment that moves on by itself (`auto_advance`), its time up while the host types
a reflection there, in a real terminal (tmux): the session waits for the line."""

import json
import signal
import time

import pytest
from support.plain import LIFTKIT, liftkit
from support.tmux import agenda_terminal, session_events

# One minute, a reflection segment that ends the session by itself: 5 s at x12.
LAST = """
title = "Last"
[[segments]]
title = "Close"
duration = "1m"
kind = "reflection"
auto_advance = true
warn = []
"""


@pytest.fixture
def term(tmp_path):
    yield from agenda_terminal(tmp_path, LAST, width=120)


def _typing(term) -> None:
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--rehearse", "12"])
    term.wait_for("running")
    term.keys("r")
    term.wait_for("Reflection (")
    term.type("END1 typed as it ends", enter=False)
    term.wait_for("END1 typed as it ends")


def _time_up(term) -> None:
    """Once the segment's time is up (5 s), the session still runs, waiting for the line."""
    deadline = time.monotonic() + 20
    while "the session ends once you save this line" not in (screen := term.screen()):
        assert "EXIT=" not in screen, f"the session ended under the host's fingers:\n{screen}"
        assert time.monotonic() < deadline, screen
        time.sleep(0.1)


def test_the_session_ends_once_the_reflection_being_typed_is_saved(term, tmp_path):
    """Before, the session ended under the host's fingers as the time ran out, the text
    thrown away (`Not saved (still being typed when the session stopped)`: in no journal,
    no file, and resume refused the session as ended). Now it waits, saying so, and ends
    once Enter has saved the reflection."""
    _typing(term)
    _time_up(term)
    assert "EXIT=" not in term.screen()
    term.keys("Enter")
    screen = " ".join(term.wait_for("EXIT=0").split())
    assert "Session complete: 1 reflection" in screen and "Not saved" not in screen
    events = session_events(tmp_path)
    texts = [e["text"] for e in events if e["type"] == "reflection"]
    assert texts == ["END1 typed as it ends"]
    assert events[-1]["type"] == "session_end"
    assert [e["type"] for e in events].index("reflection") < len(events) - 2


def test_a_stop_while_the_end_waits_keeps_the_text_for_resume(term, tmp_path):
    """SIGTERM while the end waits for the line: the stop line keeps the text, and the
    session resumes (it had not ended), giving it back."""
    _typing(term)
    _time_up(term)
    term.signal(signal.SIGTERM)
    screen = " ".join(term.wait_for("EXIT=130").split())
    assert "liftkit resume gives it back" in screen
    events = session_events(tmp_path)
    assert "session_end" not in [e["type"] for e in events]
    assert events[-1]["type"] == "stop" and "END1 typed as it ends" in json.dumps(events[-1])
    (folder,) = (tmp_path / "s").iterdir()
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "reflection 'END1 typed as it ends'" in resumed.stdout + resumed.stderr
