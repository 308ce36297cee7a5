"""Poll counts on the full screen: recording a segment's second poll without its first. In a
real terminal (tmux), the journal recounted from journal.jsonl; and the controller alone."""

import sys

from support.live import FakeTime, open_session
from support.tmux import Tmux, session_events
from test_live_drafts import TWO_POLLS

from liftkit.core.live.controller import LIVE, Controller

LIFTKIT = [sys.executable, "-m", "liftkit"]


def test_the_second_poll_is_recorded_alone_on_the_full_screen(tmp_path):
    # QA: p always started at poll 1, and Enter on its empty line closed it: only plain mode
    # (p 2 5 37) could record poll 2 alone.
    (tmp_path / "a.toml").write_text(TWO_POLLS)
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        term.wait_for("running")
        term.keys("p")
        term.wait_for("Poll 1 [Yes/No] (Enter alone: poll 2): ▌")  # said on the poll line
        term.keys("Enter")
        screen = term.wait_for("Poll 2 [Yes/No]: ▌")
        assert "Poll 1 skipped. Poll 2 of 2: Are you a team lead?" in screen
        term.type("5 37")
        term.wait_for("Saved 1 poll result.")
        term.keys("p")
        term.wait_for("Poll 1 [Yes/No] (Enter alone: poll 2)")
        term.keys("Escape")  # Esc still closes the line
        term.wait_for("No poll recorded.")
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        term.wait_for("EXIT=0")
    finally:
        term.close()
    events = session_events(tmp_path)
    polls = [(e["segment"], e["poll"], e["counts"]) for e in events if e["type"] == "poll"]
    assert polls == [(0, 1, {"Yes": 5, "No": 37})]


def test_enter_alone_moves_to_the_next_poll_and_closes_after_the_last(tmp_path):
    time = FakeTime()
    s = open_session(tmp_path, TWO_POLLS, time)
    s.start()
    c = Controller(s, mode=LIVE)
    c.press("p")
    c.press("ENTER")
    line = c.ui.typing
    assert line is not None and (line.poll, line.label) == (1, "Poll 2 [Yes/No]")
    c.press("ENTER")  # the last poll: Enter alone closes the line, nothing recorded
    assert c.ui.typing is None and c.ui.message(s.now()) == "No poll recorded."
    for key in ["p", *"30 12", "ENTER", "ENTER"]:  # poll 1 saved, poll 2 left
        c.press(key)
    assert c.ui.typing is None and c.ui.message(s.now()) == "Saved 1 poll result."
    assert [(p.poll, p.counts) for p in s.engine.polls] == [(0, {"Yes": 30, "No": 12})]
    s.close()
