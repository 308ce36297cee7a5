"""Notes on a valid agenda, said wherever a host sees the agenda before the call: "0:05" is
five seconds (minutes:seconds, as documented), which a host may have meant as 0 hours 5
minutes. The agenda stays valid (exit code 0); the note is one line on standard error."""

import json
import subprocess
import sys

import pytest
from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]

TEAM = """\
title = "Team call"

[[segments]]
title = "Welcome"
duration = "5m"
kind = "welcome"

[[segments]]
title = "Opening"
duration = "0:05"

[[segments]]
title = "Talk"
duration = "1h"
warn = ["0:05", "1:00"]

[[segments]]
title = "Close"
duration = "0:05:00"  # hours:minutes:seconds: 5 minutes, as meant
warn = "0:30"  # 30 minutes would not fit: 30 seconds, nothing else it can be
"""

OPENING = (
    'Note: team.toml:10: segment 2 "Opening": "duration": "0:05" is 5 seconds '
    '(minutes:seconds); for 5 minutes write "5m"'
)
TALK = (
    'Note: team.toml:15: segment 3 "Talk": "warn": "0:05" is 5 seconds '
    '(minutes:seconds); for 5 minutes write "5m"'
)


@pytest.fixture
def team(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "team.toml").write_text(TEAM, encoding="utf-8")
    return tmp_path


def test_check_says_ok_then_notes_a_duration_of_no_minutes_and_exits_0(cli, team):
    result = cli("agenda", "check", "team.toml")
    assert result.exit_code == 0
    assert result.stdout == "ok: team.toml: Team call (4 segments, 1h 10m 5s)\n"
    assert result.stderr == f"{OPENING}\n{TALK}\n"


def test_show_says_the_notes_on_stderr_and_its_json_stays_json(cli, team):
    shown = cli("agenda", "show", "team.toml")
    assert shown.exit_code == 0 and "Opening" in shown.stdout
    assert shown.stderr == f"{OPENING}\n{TALK}\n"
    as_json = cli("agenda", "show", "team.toml", "--json")
    assert as_json.exit_code == 0 and as_json.stderr == f"{OPENING}\n{TALK}\n"
    assert json.loads(as_json.stdout)["segments"][1]["duration_seconds"] == 5


def test_new_from_the_file_says_the_notes(cli, team):
    result = cli("new", "copy.toml", "--from", "team.toml")
    assert result.exit_code == 0
    assert result.stderr == f"{OPENING}\n{TALK}\n"
    assert 'duration = "5s"' in (team / "copy.toml").read_text(encoding="utf-8")


def test_run_in_plain_mode_says_the_notes_before_the_session(team):
    proc = subprocess.run(
        [*LIFTKIT, "run", "team.toml", "--sessions", "s", "--plain", "--rehearse", "3600"],
        input="q\ny\n",  # the host quits once it has begun
        capture_output=True,
        text=True,
        cwd=team,
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stderr.startswith(f"{OPENING}\n{TALK}\n")
    assert "session started: Team call" in proc.stdout


def test_run_on_the_full_screen_says_the_notes_again_after_it(team):
    # Printed before the screen opens, which then hides them: counted on the screen, and
    # listed again once it is gone, as the attendee file's warnings are.
    term = Tmux(120, 24, cwd=str(team))
    try:
        term.run([*LIFTKIT, "run", "team.toml", "--sessions", "s"])
        term.wait_for("2 messages about the files given: listed again at the end")
        term.keys("q")
        term.wait_for("Quit")
        term.keys("y")
        screen = term.wait_for("EXIT=0")
    finally:
        term.close()
    after = screen[screen.index("Before the session began:") :]
    assert f"  {OPENING}" in after and f"  {TALK}" in after


CLOSE = """\
title = "Close"
{total}
[[segments]]
title = "Talk"
duration = "55m"

[[segments]]
title = "Reflections"
duration = "5m"
kind = "reflection"
silence = "{silence}"
"""


def test_a_silence_of_no_minutes_is_noted_where_those_minutes_would_fit(cli, team):
    (team / "close.toml").write_text(CLOSE.format(total="", silence="0:02"), encoding="utf-8")
    result = cli("agenda", "check", "close.toml")
    assert result.exit_code == 0
    assert result.stderr == (
        'Note: close.toml:11: segment 2 "Reflections": "silence": "0:02" is 2 seconds '
        '(minutes:seconds); for 2 minutes write "2m"\n'
    )
    # 30 seconds of silence, as the format's close has it: 30 minutes would not fit
    (team / "close.toml").write_text(CLOSE.format(total="", silence="0:30"), encoding="utf-8")
    result = cli("agenda", "check", "close.toml")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize(
    ("total", "said"),
    [
        ('"1:00"', '"1:00" is read as minutes:seconds: for 1 hour write "1h"'),
        ('"2:00"', "correct the total or the segment durations"),
        ('"50m"', "correct the total or the segment durations"),
    ],
)
def test_a_total_written_as_hours_and_minutes_says_how_to_write_it(cli, team, total, said):
    text = CLOSE.format(total=f"total = {total}", silence="30s")
    (team / "close.toml").write_text(text, encoding="utf-8")
    result = cli("agenda", "check", "close.toml")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith('Error: close.toml:2: "total"') and line.endswith(said), line


WORKSHOP = """\
title = "Workshop"
{total}
[[segments]]
title = "Welcome"
duration = "10m"

[[segments]]
title = "Deep dive"
duration = "{deep}"
"""


def test_a_segment_of_minutes_and_seconds_among_minutes_is_noted(cli, team):
    (team / "w.toml").write_text(WORKSHOP.format(total="", deep="1:30"), encoding="utf-8")
    result = cli("agenda", "check", "w.toml")
    assert result.exit_code == 0
    assert result.stdout == "ok: w.toml: Workshop (2 segments, 11m 30s)\n"
    assert result.stderr == (
        'Note: w.toml:9: segment 2 "Deep dive": "duration": "1:30" is 1 minute 30 seconds '
        '(minutes:seconds); for 1 hour 30 minutes write "1h 30m"\n'
    )


@pytest.mark.parametrize(
    ("total", "deep"),
    [
        ('total = "11m 30s"', "1:30"),  # the total says minutes:seconds were meant
        ("", "1:30:00"),  # hours:minutes:seconds
        ("", "90s"),
    ],
)
def test_no_note_where_the_reading_is_not_in_doubt(cli, team, total, deep):
    (team / "w.toml").write_text(WORKSHOP.format(total=total, deep=deep), encoding="utf-8")
    result = cli("agenda", "check", "w.toml")
    assert (result.exit_code, result.stderr) == (0, "")
