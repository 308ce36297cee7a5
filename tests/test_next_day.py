"""A session quit in the afternoon and resumed the next morning: what the host's screen and
the event pack say of times on two days."""

import io
from datetime import timedelta

import pytest
from rich.console import Console
from support.live import FakeTime, ScriptedKeys, open_session

from liftkit.cli.live.fullscreen import LiveApp
from liftkit.core.live.controller import LIVE, Controller
from liftkit.core.live.session import resume_session

AGENDA = """
title = "Two days"
[[segments]]
title = "Welcome"
duration = "10m"
[[segments]]
title = "Talk"
duration = "20m"
auto_advance = true
[[segments]]
title = "Close"
duration = "10m"
kind = "reflection"
[[segments]]
title = "Farewell"
duration = "5m"
"""
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@pytest.fixture
def time():
    return FakeTime()


def screens(session, time, script):
    """The host's full screen driven by `script` ((seconds, keys)): every screen it drew."""
    console = Console(file=io.StringIO(), width=80, height=24, force_terminal=True)
    app = LiveApp(Controller(session, mode=LIVE), console, ScriptedKeys(time, script, 3600))
    seen = []
    real = app.show

    def show():
        real()
        seen.append(app.last_screen)

    app.show = show
    app.run()
    return seen


def quit_and_resume_next_morning(tmp_path, time):
    """Welcome, n at 3 s, q at 5 s; 19 hours later resumed; n, then q. The session's start,
    the resume's, and the resumed screens."""
    session = open_session(tmp_path, AGENDA, time)
    started = time.wall
    screens(session, time, [(3, ["n"]), (5, ["q"]), (6, ["y"])])
    session.journal.close()
    time.advance(19 * 3600)
    resumed_at = time.wall
    resumed = resume_session(session.folder, time.clock, wall_now=lambda: time.wall).session
    seen = screens(resumed, time, [(2, ["n"]), (4, ["q"]), (5, ["y"])])
    return session.folder, started, resumed_at, seen


def test_the_screen_resumed_next_day_gives_the_day_and_hours_behind(tmp_path, time):
    # It said "planned end 14:23 · projected 09:13 · 1130 mins behind": no day on either
    # time, and a figure no one reads at a glance.
    _, started, resumed_at, seen = quit_and_resume_next_morning(tmp_path, time)
    first = seen[0]
    planned = started + timedelta(minutes=45)  # the agenda's 45 minutes from its start
    # Talk had 20 minutes less 2 seconds left, then 15 more: the projected end
    projected = resumed_at + timedelta(minutes=35, seconds=-2)
    behind = round((projected - planned).total_seconds() / 60)
    hours, mins = divmod(behind, 60)
    assert hours >= 18
    assert first.session_line == (
        f"planned end {DAYS[planned.weekday()]} {planned:%H:%M} · projected {projected:%H:%M}"
        f" · {hours} h {mins} mins behind"
    )
    assert DAYS[planned.weekday()] != DAYS[resumed_at.weekday()]


def test_the_pack_of_a_session_resumed_next_day_says_both_days(cli, tmp_path, time):
    # The pack said "**Time:** 13:43 to 08:44", as if it ended before it began, and warned
    # that the session "was not resumed" when it had been.
    folder, started, resumed_at, _ = quit_and_resume_next_morning(tmp_path, time)
    result = cli("export", str(folder))
    out = result.stdout
    ended = resumed_at + timedelta(seconds=4)  # the quit after the resume
    assert (
        f"**Dates:** {started:%A} {started.day} {started:%B %Y}, {started:%H:%M}, to "
        f"{ended:%A} {ended.day} {ended:%B}, {ended:%H:%M}"
    ) in out
    assert "**Time:**" not in out
    rows = [line.split("|")[1:-1] for line in out.splitlines() if line.startswith("| ")]
    started_col = {r[1].strip(): r[3].strip() for r in rows[1:] if len(r) > 3}
    assert started_col["Talk"] == f"{started + timedelta(seconds=3):%H:%M:%S}"
    assert started_col["Close"] == (
        f"{DAYS[resumed_at.weekday()]} {resumed_at + timedelta(seconds=2):%H:%M:%S}"
    )
    assert "the session stopped before its end and was not resumed;" not in result.stderr
    assert (
        "the session was resumed once but stopped again before its end, and was not "
        "resumed after that"
    ) in result.stderr


def test_a_session_past_midnight_gives_its_two_dates(cli, tmp_path, time):
    time.wall = time.wall.replace(hour=23, minute=50)
    session = open_session(tmp_path, AGENDA, time)
    started = time.wall
    screens(session, time, [(600, ["n"]), (1900, ["n"]), (2200, ["n"]), (2201, ["y"])])
    out = cli("export", str(session.folder)).stdout
    ended = started + timedelta(seconds=2201)
    assert f"{started:%A} {started.day} {started:%B %Y}, 23:50, to {ended:%A} {ended.day}" in out
