"""What the host was still typing when liftkit stopped (a closed window, a quit): kept in the
journal's stop line, given back by `liftkit resume` where it was typed. In a real terminal
(tmux), the journal recounted from journal.jsonl; and in-process, with a fake clock."""

import json
import signal
import sys

import pytest
from support.live import FakeTime, open_session
from support.tmux import Tmux, agenda_terminal, session_events

from liftkit.core.live.controller import LIVE, Controller
from liftkit.core.live.session import resume_session

LIFTKIT = [sys.executable, "-m", "liftkit"]

TWO_POLLS = """
title = "Two polls"
[[segments]]
title = "Check-in"
duration = "5m"
kind = "welcome"
prompt = "Two quick polls."

[[segments.polls]]
question = "Have you attended before?"
options = ["Yes", "No"]

[[segments.polls]]
question = "Are you a team lead?"
options = ["Yes", "No"]

[[segments]]
title = "Close"
duration = "5m"
kind = "reflection"
prompt = "Bye"
"""


@pytest.fixture
def term(tmp_path):
    yield from agenda_terminal(tmp_path, TWO_POLLS)


journal = session_events


def polls(tmp_path):
    return [
        (e["segment"], e["poll"], e["counts"]) for e in journal(tmp_path) if e["type"] == "poll"
    ]


def closed_window(term: Tmux, tmp_path) -> dict:
    """SIGHUP, as a closed window sends: the stop line, once written."""
    term.signal(signal.SIGHUP)
    term.wait_for("EXIT=130")
    stop = journal(tmp_path)[-1]
    assert stop["type"] == "stop" and stop["reason"] == "sighup"
    return stop


def resume(term: Tmux, wait: str = "Resumed") -> str:
    term.type("clear")
    term.wait_without("EXIT=")
    term.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
    return term.wait_for(wait)


def quit_run(term: Tmux) -> str:
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    return term.wait_for("EXIT=0")


def test_the_second_poll_half_typed_comes_back_as_the_second_poll(term, tmp_path):
    # QA: poll 2's "5 37", typed when the window closed, came back as poll 1 and was saved
    # over poll 1's 30 12: the stop line said "poll" but not which.
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.keys("p")
    term.wait_for("Poll 1 [Yes/No]")
    term.type("30 12")
    term.wait_for("Poll 2 [Yes/No]")
    term.type("5 37", enter=False)
    term.wait_for("5 37▌")
    stop = closed_window(term, tmp_path)
    said = " ".join(resume(term, "p gives it back").split())
    term.keys("p")
    screen = term.wait_for("5 37▌")
    assert "Poll 2 [Yes/No]: 5 37▌" in screen and "Are you a team lead?" in screen
    term.keys("Enter")
    term.wait_for("Saved 1 poll result")
    quit_run(term)
    assert polls(tmp_path) == [(0, 0, {"Yes": 30, "No": 12}), (0, 1, {"Yes": 5, "No": 37})]
    assert "Not saved when liftkit stopped: poll 2 counts '5 37'; p gives it back." in said
    # the stop line says where they were typed: segment 1's second poll (counted from 0)
    where = [stop.get(k) for k in ("draft", "draft_kind", "draft_segment", "draft_poll")]
    assert where == ["5 37", "poll", 0, 1]


def test_poll_counts_come_back_in_the_segment_they_were_typed_in(tmp_path):
    # The host moved on to the next segment (no polls there) before taking them back: p
    # gives the counts back at the first segment's second poll, and they are saved there.
    time = FakeTime()
    s = open_session(tmp_path, TWO_POLLS, time)
    s.start()
    c = Controller(s, mode=LIVE)
    for key in ["p", *"30 12", "ENTER", *"5 37"]:
        c.press(key)
    c.terminate("sighup")
    time.advance(10)
    r = resume_session(s.folder, time.clock).session
    again = Controller(r, mode=LIVE)
    again.press("n")
    assert r.engine.index == 1
    again.press("p")
    line = again.ui.typing
    assert line is not None and (line.segment, line.poll, line.text) == (0, 1, "5 37")
    again.press("ENTER")
    r.close()
    events = [json.loads(x) for x in (s.folder / "journal.jsonl").read_text().splitlines()]
    assert [(e["segment"], e["poll"], e["counts"]) for e in events if e["type"] == "poll"] == [
        (0, 0, {"Yes": 30, "No": 12}),
        (0, 1, {"Yes": 5, "No": 37}),
    ]


REFLECTING = """
title = "Reflections"
[[segments]]
title = "Close"
duration = "10m"
kind = "reflection"
prompt = "One practical step?"
"""


@pytest.fixture
def reflecting(tmp_path):
    yield from agenda_terminal(tmp_path, REFLECTING)


def open_reflection(term: Tmux) -> None:
    """`liftkit run a.toml` in the pane, its reflection line open."""
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.keys("r")
    term.wait_for("Reflection")


def test_a_reflection_given_back_but_not_taken_is_kept_through_the_next_stops(reflecting, tmp_path):
    # QA: a half-typed reflection given back by the resume ("r gives it back") was lost when
    # liftkit stopped again before r: a second closed window, or q y, which said "nothing
    # captured is lost".
    term = reflecting
    open_reflection(term)
    term.type("Grace Hopper: listen more, talk", enter=False)
    term.wait_for("talk▌")
    closed_window(term, tmp_path)
    resume(term, "r gives it back")
    second = closed_window(term, tmp_path)  # before r: the draft is not taken back
    resume(term, "r gives it back")
    said = " ".join(quit_run(term).split())  # q y, still before r
    third = journal(tmp_path)[-1]
    resume(term, "r gives it back")
    term.keys("r")
    term.wait_for("Grace Hopper: listen more, talk▌")
    term.type(" less")
    term.wait_for("Saved reflection from Grace Hopper")
    quit_run(term)
    events = journal(tmp_path)
    reflections = [(e["author"], e["text"]) for e in events if e["type"] == "reflection"]
    assert reflections == [("Grace Hopper", "listen more, talk less")]
    assert (second["draft"], third["draft"], third["reason"]) == (
        "Grace Hopper: listen more, talk", "Grace Hopper: listen more, talk", "quit",
    )  # fmt: skip
    assert "draft" not in events[-1]  # taken back and saved: no longer kept
    assert (
        "Not saved (typed before liftkit stopped last time, not taken back with r): "
        "reflection 'Grace Hopper: listen more, talk'; liftkit resume gives it back again"
    ) in said
    assert "nothing captured is lost" not in said


NURSE = "👩🏽\u200d⚕️"  # a woman, a skin tone, a zero-width joiner, a staff of Aesculapius


def test_a_draft_is_said_as_typed_when_given_back(reflecting, tmp_path):
    # QA: the resume said "reflection 'Grace Hopper: … 👩🏽\u200d⚕️'; r gives it back": repr
    # wrote the joiner of the emoji as an escape.
    term = reflecting
    open_reflection(term)
    term.type(f"Grace Hopper: thanks to our nurse {NURSE}", enter=False)
    term.wait_for("our nurse")
    closed_window(term, tmp_path)
    said = " ".join(resume(term, "r gives it back").split())
    last = " ".join(quit_run(term).split())
    assert journal(tmp_path)[-1]["draft"] == f"Grace Hopper: thanks to our nurse {NURSE}"
    for screen in (said, last):
        assert "\\u200d" not in screen
        assert "reflection 'Grace Hopper: thanks to our nurse" in screen


def test_control_characters_in_a_draft_are_still_made_safe():
    from liftkit.core.live.drafts import Draft, given_back

    said = given_back(Draft("reflect", f"Ada: {NURSE} \x1b[31mred\u202e"))
    assert said == (
        f"Not saved when liftkit stopped: reflection 'Ada: {NURSE} \\x1b[31mred\\u202e'; "
        "r gives it back."
    )
