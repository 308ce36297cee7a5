"""Plain mode catching up: a process that wakes late (at --rehearse 600 a wake-up a tenth
of a second late is a session minute) or after a freeze (kill -STOP, then -CONT) prints
each segment as it began, and no warning of a segment it has already left."""

import io

import pytest
from support.live import FakeTime, ScriptedLines, open_session, plain_output

from liftkit.cli.live.plain import PlainApp
from liftkit.core.live.controller import PLAIN, Controller

AGENDA = """
title = "Catch up"
[[segments]]
title = "Alone"
duration = "2m"
kind = "silence"
silence = "30s"
warn = ["1m"]
auto_advance = true
[[segments]]
title = "Pairs"
duration = "5m"
silence = "20s"
warn = ["1m"]
auto_advance = true
[[segments]]
title = "Close"
duration = "1m"
auto_advance = true
"""


class Late(ScriptedLines):
    """Input that never comes, read by a process that wakes `late` real seconds after it
    meant to, and once, at `frozen_at`, `frozen_for` seconds later still (stopped)."""

    def __init__(self, time: FakeTime, late: float, frozen_at: float = -1, frozen_for=0.0):
        super().__init__(time, [])
        self.late, self.frozen_at, self.frozen_for = late, frozen_at, frozen_for

    def read(self, timeout: float) -> tuple[list[str], str]:
        if 0 <= self.frozen_at <= self.elapsed():
            self.time.advance(self.frozen_for)
            self.frozen_at = -1
        self.time.advance(self.late)
        return super().read(timeout)


def run(tmp_path, lines_for, rate):
    time = FakeTime()
    session = open_session(tmp_path, AGENDA, time, rate=rate)
    out = io.StringIO()
    outcome = PlainApp(Controller(session, mode=PLAIN), out, lines_for(time)).run()
    assert outcome.reason == "ended"
    return plain_output(out)


@pytest.mark.parametrize("rate", [60, 600])
def test_a_segment_entered_late_is_printed_as_it_began(tmp_path, rate):
    lines = run(tmp_path, lambda time: Late(time, late=0.1), rate)
    starts = [i for i, line in enumerate(lines) if line.startswith("> ")]
    assert [lines[i] for i in starts] == [
        "> 1/3 Alone (silence, 2m)", "> 2/3 Pairs (other, 5m)", "> 3/3 Close (other, 1m)"
    ]  # fmt: skip
    assert not [line for line in lines if "keeps the time" in line], lines
    assert lines[starts[0] + 1] == "  30s of strict silence first"
    assert lines[starts[1] + 1] == "  20s of strict silence first"


def test_after_a_freeze_no_warning_of_a_segment_already_left(tmp_path):
    # stopped 10 s into Alone for two and a half minutes: it wakes 40 s into Pairs
    lines = run(tmp_path, lambda time: Late(time, 0.0, frozen_at=10, frozen_for=150), 1)
    assert "! 1m left in Alone" not in lines, lines
    pairs = lines.index("> 2/3 Pairs (other, 5m)")
    assert lines[pairs + 1] == "  20s of strict silence first"
    assert "! 1m left in Pairs" in lines[pairs:]  # a warning of the segment it is in stays
    assert not [line for line in lines if "keeps the time" in line], lines


def test_back_to_a_segment_begun_before_it_keeps_the_time_it_had(tmp_path):
    lines = run(tmp_path, lambda time: ScriptedLines(time, [(5, ["n"]), (8, ["b"])]), 1)
    again = [i for i, line in enumerate(lines) if line == "> 1/3 Alone (silence, 2m)"][1]
    assert lines[again + 1] == "  01:55 left: it keeps the time it had"


TALK = """
title = "Talk"
[[segments]]
title = "Whole-group discussion"
duration = "5m"
warn = ["2m"]
[[segments]]
title = "Close"
duration = "1m"
auto_advance = true
"""


def test_after_a_freeze_a_warning_overtaken_by_a_later_one_is_left_out(tmp_path):
    # stopped 10 s in for five minutes, it woke 10 s over time and printed "! 2m left in
    # Whole-group discussion" and "! time is up…" in the same second
    time = FakeTime()
    session = open_session(tmp_path, TALK, time)
    out = io.StringIO()
    frozen = Late(time, 0.0, frozen_at=10, frozen_for=300)
    frozen.script = [(320, ["n"])]  # on to Close, which ends the session by itself
    PlainApp(Controller(session, mode=PLAIN), out, frozen).run()
    lines = plain_output(out)
    said = [line for line in lines if line.startswith("! ") and "Whole-group" in line]
    assert len(said) == 1 and "time is up" in said[0], lines
    assert "> 2/2 Close (other, 1m)" in lines  # it ran on past the freeze


def test_a_warning_said_in_time_stays_before_a_later_one(tmp_path):
    time = FakeTime()
    session = open_session(tmp_path, TALK, time)
    out = io.StringIO()
    PlainApp(Controller(session, mode=PLAIN), out, ScriptedLines(time, [(320, ["n"])])).run()
    said = [line for line in plain_output(out) if line.startswith("! ")]
    assert said[0] == "! 2m left in Whole-group discussion" and "time is up" in said[1], said
