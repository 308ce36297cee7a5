"""The session controller, in-process with a fake clock: what each host action does."""

import json
from datetime import timedelta

import pytest
from support.live import FakeTime, ScriptedLines, open_session

from liftkit.core.live.controller import LIVE, PLAIN, Controller
from liftkit.core.live.engine import ENDED, PAUSED, RUNNING

AGENDA = """
title = "Tiny"
[[segments]]
title = "Welcome"
duration = "2m"
kind = "welcome"
warn = ["1m"]
notes = "host only"
[[segments.polls]]
question = "Been before?"
options = ["Yes", "No"]
[[segments.polls]]
question = "Score?"
options = ["1", "2", "3"]
[[segments]]
title = "Talk"
duration = "5m"
kind = "talk"
[[segments]]
title = "Close"
duration = "1m"
kind = "reflection"
auto_advance = true
"""


@pytest.fixture
def time():
    return FakeTime()


@pytest.fixture
def session(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    yield s
    s.close()


def started(session, mode=LIVE, **kwargs):
    c = Controller(session, mode=mode, **kwargs)
    assert c.advance() is None
    return c


def journal(session):
    path = session.folder / "journal.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


def type_keys(c, text):
    for ch in text:
        assert c.press(ch) is None


def test_plain_commands_drive_the_session(session):
    c = started(session, PLAIN)
    c.command("pause")
    assert session.engine.status == PAUSED
    c.command("pause")
    assert c.take_outbox()[-1] == "Already paused."
    c.command("resume")
    c.command("p 30 12")
    assert session.engine.polls[0].counts == {"Yes": 30, "No": 12}
    c.command("p 30")
    assert "1 count for 2 options" in c.take_outbox()[-1]
    c.command("jump 8")
    assert c.take_outbox()[-1] == "No segment 8: choose 1 to 3."
    c.command("n")
    c.command("p 1 2")
    assert c.take_outbox()[-1] == "This segment has no polls."


def test_poll_counts_for_several_polls_are_read_by_their_number(session):
    c = started(session, PLAIN)
    for line in ("p 2 1 4 9", "p 7 3", "p 1 7 3"):  # poll 2 (three counts), poll 1, poll 1
        c.command(line)
    assert [(p.poll, p.counts) for p in session.engine.polls] == [
        (1, {"1": 1, "2": 4, "3": 9}),
        (0, {"Yes": 7, "No": 3}),
        (0, {"Yes": 7, "No": 3}),
    ]


CLOSING = """
title = "Close"
[[segments]]
title = "Closing"
duration = "5m"
[[segments.polls]]
question = "Score?"
options = ["1", "2", "3", "4", "5"]
[[segments.polls]]
question = "Come again?"
options = ["Yes", "No"]
"""


@pytest.mark.parametrize("line", ["p 2 Yes 30 No 12", "p 2 Yes 30, No 12", "poll 2 no 12 yes 30"])
def test_a_poll_number_then_counts_by_name_is_that_poll(tmp_path, time, line):
    """After a 1-5 score poll, 'p 2 Yes 30 No 12' was read as the score poll's and refused:
    'poll 1: "2" has no count'."""
    session = open_session(tmp_path, CLOSING, time)
    try:
        c = started(session, PLAIN)
        c.command(line)
        assert [(p.poll, p.counts) for p in session.engine.polls] == [(1, {"Yes": 30, "No": 12})]
        c.command("p 1 0 1 4 15 22")  # the numbers' count fits poll 1: as before
        assert session.engine.polls[-1].poll == 0
    finally:
        session.close()


def test_poll_lines_that_name_no_poll_here_or_fit_another_are_read_so(tmp_path, time):
    session = open_session(tmp_path, CLOSING, time)
    try:
        c = started(session, PLAIN)
        c.command("p 3 30 12")  # was 'poll 1: 3 counts for 5 options'
        assert c.take_outbox()[-1] == (
            "No poll 3 here: this segment has 2 polls: 1. Score? [1 / 2 / 3 / 4 / 5]; "
            "2. Come again? [Yes / No]."
        )
        c.command("p Yes 30 No 12")  # was 'poll 1: no option "Yes"'
        assert [(p.poll, p.counts) for p in session.engine.polls] == [(1, {"Yes": 30, "No": 12})]
    finally:
        session.close()
    (tmp_path / "one").mkdir()
    one = open_session(
        tmp_path / "one",
        CLOSING.replace(
            '[[segments.polls]]\nquestion = "Score?"\noptions = ["1", "2", "3", "4", "5"]\n', ""
        ),
        time,
    )
    try:
        c = started(one, PLAIN)
        c.command("p 1 Yes 30 No 12")  # the one poll, by its number: was '"Yes" is not a count'
        c.command("p 1 7 3")
        assert [(p.poll, p.counts) for p in one.engine.polls] == [
            (0, {"Yes": 30, "No": 12}), (0, {"Yes": 7, "No": 3})]  # fmt: skip
    finally:
        one.close()


@pytest.mark.parametrize("mode", [LIVE, PLAIN])
def test_the_last_segment_asks_before_ending(session, mode):
    c = started(session, mode)
    move = c.press if mode == LIVE else c.command
    move("3" if mode == LIVE else "jump 3")
    if mode == LIVE:  # no key jumps: go there one segment at a time
        move("n")
        move("n")
    assert session.engine.index == 2
    assert move("n") is None
    assert c.ui.confirm == "end" and session.engine.status == RUNNING
    move("x")  # anything but y carries on
    assert c.ui.confirm is None and session.engine.status == RUNNING
    move("n")
    assert move("y") is None
    assert session.engine.status == ENDED
    assert c.advance().reason == "ended"


@pytest.mark.parametrize("mode", [LIVE, PLAIN])
def test_quit_asks_and_y_stops_a_resumable_session(session, mode):
    c = started(session, mode)
    move = c.press if mode == LIVE else c.command
    assert move("q") is None and c.ui.confirm == "quit"
    assert move("n") is None and session.engine.index == 0  # the n only answered the question
    move("q")
    outcome = move("y")
    assert (outcome.exit_code, outcome.reason) == (0, "quit")
    assert journal(session)[-1] | {"reason": "quit"} == journal(session)[-1]


def test_ctrl_c_asks_and_a_second_one_quits(session):
    c = started(session, PLAIN)
    from liftkit.core.live.controls import Action

    assert c.act(Action("interrupt")) is None
    assert "press Ctrl-C again" in c.take_outbox()[-1]
    outcome = c.act(Action("interrupt"))
    assert (outcome.exit_code, outcome.reason) == (130, "interrupt")
    assert "interrupted: stopping" in c.take_outbox()


def test_ctrl_c_then_another_key_carries_on(session):
    c = started(session)
    c.press("CTRL_C")
    assert c.ui.confirm == "interrupt"
    assert c.press("x") is None and c.ui.confirm is None
    assert c.ui.message(session.now()) == "Carrying on."
    assert c.press("CTRL_C") is None  # asks again rather than quitting


def test_before_the_planned_start_keys_wait_and_n_starts(session, time):
    start_at = time.wall + timedelta(minutes=30)
    c = Controller(session, mode=LIVE, start_at=start_at)
    assert c.advance() is None and session.engine.started_at is None
    c.press("+")
    assert c.ui.message(session.now()).startswith("Not started yet")
    assert 0 < c.sleep_for() <= 1
    c.press("n")
    c.advance()
    assert session.engine.status == RUNNING
    (start,) = [e for e in journal(session) if e["type"] == "session_start"]
    assert start["planned_start"] == start_at.isoformat()


def test_a_reflection_is_typed_while_the_clock_runs(session, time):
    c = started(session)
    c.press("r")
    assert c.ui.typing is not None
    before = session.engine.remaining(session.now())
    type_keys(c, "Ada Lovelace: listen morx")
    c.press("BACKSPACE")
    type_keys(c, "e #listening")
    time.advance(30)  # the host types slowly; the clock runs on
    c.advance()
    assert session.engine.remaining(session.now()) == before - 30
    assert c.ui.typing.text == "Ada Lovelace: listen more #listening"
    time.advance(40)  # past the end of the segment: it still belongs to the one it was typed in
    c.press("n")  # a key while typing is text, not a command
    c.press("BACKSPACE")
    c.press("ENTER")
    assert c.ui.typing is None and session.engine.index == 0
    (r,) = session.engine.reflections
    assert (r.author, r.text, r.tags, r.segment) == (
        "Ada Lovelace", "listen more #listening", ("listening",), 0,
    )  # fmt: skip
    assert c.ui.message(session.now()) == "Saved reflection from Ada Lovelace (1 so far)."


def test_joiners_typed_or_pasted_are_kept_in_the_reflection(session):
    """A nurse typed as an emoji (woman, skin tone, ZWJ, staff of Aesculapius) was saved as
    two emoji, and Persian lost its zero-width non-joiner: words published changed."""
    nurse, family, persian = "👩🏽\u200d⚕️", "👨\u200d👩\u200d👧", "می\u200cخواهم"
    c = started(session)
    c.press("r")
    type_keys(c, f"Ada: {nurse} {persian}")
    c.press("PASTE:" + f" {family}\n#care")
    c.press("ENTER")
    (r,) = session.engine.reflections
    assert r.text == f"{nurse} {persian} {family} #care"
    assert f"{nurse} {persian} {family}" in (session.folder / "journal.jsonl").read_text()


def test_backspace_takes_a_whole_character_as_the_host_sees_it(session):
    """One Backspace on 👩🏽‍⚕️ took only its presentation mark (the journal saved
    '👩🏽\u200d⚕'); on Persian it left a trailing invisible non-joiner."""
    c = started(session)
    c.press("r")
    type_keys(c, "Ada: café \u200cنه 👩🏽\u200d⚕️")
    c.press("BACKSPACE")
    assert c.ui.typing.text == "Ada: café \u200cنه "
    c.press("BACKSPACE")
    c.press("BACKSPACE")
    assert c.ui.typing.text == "Ada: café \u200cن"
    c.press("BACKSPACE")
    assert c.ui.typing.text == "Ada: café "  # the non-joiner left alone went with it
    type_keys(c, "e\u0301")
    c.press("BACKSPACE")  # e and its accent, typed as two keys, are one letter
    assert c.ui.typing.text == "Ada: café "


def test_esc_or_ctrl_c_cancels_the_input_line(session):
    from liftkit.core.live.controls import Action

    c = started(session)
    c.press("r")
    type_keys(c, "half")
    c.press("ESC")
    assert c.ui.typing is None and not session.engine.reflections
    c.press("r")
    c.act(Action("interrupt"))  # Ctrl-C comes as a signal
    assert c.ui.typing is None and c.ui.confirm is None
    assert c.ui.message(session.now()) == "No reflection recorded."


def test_poll_counts_are_asked_for_each_poll_and_checked(session):
    c = started(session)
    c.press("p")
    assert c.ui.typing.label == "Poll 1 [Yes/No] (Enter alone: poll 2)"
    assert c.ui.typing.detail == "Poll 1 of 2: Been before? [Yes / No]: type the counts"
    type_keys(c, "30")
    c.press("ENTER")  # one count for two options: asked again, with the reason
    assert c.ui.typing.label.startswith("Poll 1 ")
    assert "1 count for 2 options" in c.ui.message(session.now())
    c.press("\x15")  # Ctrl-U clears the line
    type_keys(c, "30 12")
    c.press("ENTER")
    assert c.ui.typing.label.startswith("Poll 2 ") and "Score?" in c.ui.typing.detail
    # the refusal of poll 1 no longer hides poll 2's question above the line
    assert c.ui.message(session.now()) == ""
    assert c.ui.typing.detail.startswith("Poll 1 saved. Poll 2 of 2: Score?")
    type_keys(c, "1 2 3")
    c.press("ENTER")
    assert c.ui.typing is None
    assert [(p.poll, p.counts) for p in session.engine.polls] == [
        (0, {"Yes": 30, "No": 12}),
        (1, {"1": 1, "2": 2, "3": 3}),
    ]
    assert c.ui.message(session.now()) == "Saved 2 poll results."
    c.press("n")
    c.press("p")
    assert c.ui.typing is None and c.ui.message(session.now()) == "This segment has no polls."
    c.press("b")
    c.press(" ")  # "Paused: space resumes." would have stood where the question goes
    c.press("p")
    assert c.ui.typing.label.startswith("Poll 1 ") and c.ui.message(session.now()) == ""


def test_hiding_the_notes_is_journalled(session):
    c = started(session)
    c.press("h")
    assert not c.ui.show_notes
    assert journal(session)[-1] | {"type": "notes", "shown": False} == journal(session)[-1]


def test_moving_rings_the_bell_and_extending_says_the_time_left(session, time):
    c = started(session)
    c.take_bells()
    c.press("n")
    assert c.take_bells() == 1
    c.press("b")
    c.press("b")
    assert c.take_bells() == 1 and c.ui.message(session.now()) == "This is the first segment."
    c.press("+")
    assert c.ui.message(session.now()) == "+1 min: 03:00 left in this segment."


def test_taking_a_minute_from_the_last_seconds_takes_only_what_is_left(session, time):
    """`-` with 30 seconds left ended the segment a minute ago: the audience's screen showed
    a minute over at once. Now it takes the 30 seconds, and then says nothing is left."""
    c = started(session)
    c.press("n")  # Talk, 5m
    time.advance(270)
    c.press("-")
    assert c.ui.message(session.now()) == "-30s: 00:00 left in this segment."
    view = session.engine.view(session.now())
    assert view.remaining == 0 and not view.overrun
    c.press("-")
    assert c.ui.message(session.now()) == "No time left to take from this segment."
    time.advance(5)
    assert session.engine.view(session.now()).remaining == -5  # over from when time was up


def test_moving_on_from_a_pause_no_longer_says_paused(session, time):
    """n while paused starts the next segment running: the screen said 'Paused: space
    resumes.' under its running clock for three seconds."""
    c = started(session)
    c.press(" ")
    assert c.ui.message(session.now()) == "Paused: space resumes."
    c.press("n")
    assert session.engine.status == RUNNING and session.engine.index == 1
    assert c.ui.message(session.now()) == "Running again."
    c.press(" ")
    c.press("b")
    assert session.engine.index == 0 and c.ui.message(session.now()) == "Running again."


def test_plain_mode_runs_the_loop_to_the_end_with_scripted_lines(session, time):
    c = Controller(session, mode=PLAIN)
    printed = []

    class Front(ScriptedLines):
        def read(self, timeout):
            return self._next(timeout)

        def show(self):
            printed.extend(c.take_outbox())

    front = Front(time, [(5, ["r Ada: hello"]), (70, ["n", "n"]), (100, ["status"])])
    outcome = c.run(front)
    assert outcome.reason == "ended"
    assert "1/3 Welcome: 01:00 left · session on time" in printed  # the minute line
    assert any(line.startswith("3/3 Close: 00:30 left") for line in printed)  # status
    assert not [line for line in printed if "liftkit export" in line]  # said by farewell
    assert c.farewell(outcome) == [f"Next: liftkit export {session.folder}"]
    assert [r.text for r in session.engine.reflections] == ["hello"]


def test_plain_modes_minute_line_never_contradicts_itself(session, time):
    # At the end of a segment it read "1/3 Welcome: +00:00 OVER TIME · on time".
    c = started(session, mode=PLAIN)
    time.advance(120.0004)
    assert c.status() == "1/3 Welcome: time is up · session on time"
    time.advance(90)
    assert c.status() == "1/3 Welcome: +01:30 OVER TIME · session 2 mins behind"


def test_keys_with_caps_lock_on_do_what_they_do_in_lower_case(session):
    c = started(session)
    c.press("N")
    assert session.engine.index == 1
    c.press("H")
    assert not c.ui.show_notes
    c.press("Q")
    assert c.ui.confirm == "quit"
    c.press("y")
    assert journal(session)[-1]["type"] == "stop"


def test_a_quit_before_the_planned_start_does_not_offer_a_resume(session, time):
    # resume refuses a journal without a session_start: the farewell must not send the host
    # there
    c = Controller(session, mode=LIVE, start_at=time.wall + timedelta(minutes=30))
    c.advance()
    c.press("q")
    outcome = c.press("y")
    lines = c.farewell(outcome)
    start = f"Start it with: liftkit resume {session.folder}"
    assert lines == [f"Stopped before the session started. {start}"]


def test_a_minute_given_to_a_segment_over_time_says_it_is_still_over(session, time):
    # 14 minutes over, + said "+1 min: 00:00 left in this segment.", as if time were up now
    c = started(session)
    c.press("n")  # Talk, 5m
    time.advance(5 * 60 + 14 * 60)
    c.press("+")
    view = session.engine.view(session.now())
    assert view.remaining == -13 * 60
    assert c.ui.message(session.now()) == "+1 min: still 13:00 over time in this segment."
    for _ in range(13):
        c.press("+")
    assert c.ui.message(session.now()) == "+1 min: 00:00 left in this segment."
