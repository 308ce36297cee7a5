"""`liftkit new` on a real terminal: answers the agenda could not keep are asked again or
tidied, so that the file written passes its own check."""

import pexpect
from test_new_tty import (
    CLEAR_LINE,
    keep_the_line_and_write,
    new_from_1_2_4_all,
    new_to_durations,
    spawn,
)

from liftkit.core.agenda.model import load_agenda


def test_a_duration_that_takes_the_agenda_over_a_day_is_asked_again(tmp_path):
    """Five segments of 24h each were written as `total = "120h"`, which `agenda check`
    and `run` then refused as longer than a day."""
    child = new_to_durations(tmp_path)  # community conversation: 5m 5m 30m 15m 5m
    child.send("y")
    child.expect("Introductions: ")
    child.send(CLEAR_LINE + "20h\r")
    child.expect("Opening perspective.*: ")
    child.send(CLEAR_LINE + "24h\r")
    child.expect("that makes 44h in all, longer than a day: type at most 3h 57m")
    child.send(CLEAR_LINE + "3h\r")
    child.expect("Breakout discussions.*: ")
    child.send("\r")  # 30m kept: 23h 30m so far
    child.expect("Whole-group.*: ")
    child.send(CLEAR_LINE + "1h\r")
    child.expect("that makes 24h 30m in all, longer than a day: type at most 29m")
    child.send(CLEAR_LINE + "\r")  # its 15m kept
    child.expect("Closing.*: ")
    child.send("\r")
    keep_the_line_and_write(child)
    agenda = load_agenda(tmp_path / "team.toml")
    assert [s.duration // 60 for s in agenda.segments] == [1200, 180, 30, 15, 5]
    assert agenda.declared_total == sum(s.duration for s in agenda.segments)
    check = spawn(tmp_path, "agenda", "check", "team.toml")
    check.expect(pexpect.EOF)
    check.close()
    assert check.exitstatus == 0


def test_the_limit_on_a_duration_leaves_a_minute_for_each_segment_after_it(tmp_path):
    """1-2-4-all with 23h alone then 23h in pairs: "type at most 1h" was offered, 1h taken,
    and then every answer for "In fours" was refused (0 is not a duration): the host could
    only start again. 24h for the first segment was the same dead end."""
    child = new_from_1_2_4_all(tmp_path)
    child.send(CLEAR_LINE + "24h\r")
    child.expect(
        "that leaves no minute in the day for the 3 segments after it: type at most 23h 57m"
    )
    child.send(CLEAR_LINE + "23h\r")
    child.expect("In pairs: ")
    child.send(CLEAR_LINE + "23h\r")
    child.expect("that makes 46h in all, longer than a day: type at most 58m")
    child.send(CLEAR_LINE + "58m\r")
    child.expect("In fours: ")
    child.send("\r")  # its 4m: no room
    child.expect("that makes 24h 2m in all, longer than a day: type at most 1m")
    child.send(CLEAR_LINE + "1m\r")
    child.expect("All together: ")
    child.send(CLEAR_LINE + "1m\r")
    keep_the_line_and_write(child)
    agenda = load_agenda(tmp_path / "team.toml")
    assert [s.duration // 60 for s in agenda.segments] == [23 * 60, 58, 1, 1]
    assert sum(s.duration for s in agenda.segments) == 24 * 3600
    check = spawn(tmp_path, "agenda", "check", "team.toml")
    check.expect(pexpect.EOF)
    check.close()
    assert check.exitstatus == 0
