"""`liftkit view` of a session whose host's liftkit waits for `--start`."""

import signal
import subprocess
import sys
import threading
from datetime import timedelta

from support.live import FakeTime
from test_view import AGENDA, open_live

from liftkit.core.live.audience import audience_screen
from liftkit.core.live.folders import write_start_at
from liftkit.core.live.follow import Follower, journal_in_use
from liftkit.core.live.journal import JOURNAL_NAME


def test_a_host_whose_liftkit_ends_while_waiting_for_the_start_is_said_not_running(tmp_path):
    """The host's liftkit crashed while it waited for --start (it holds the journal's lock
    then too): the view showed STARTS AT and its countdown, then 00:00 for ever, with no
    word; the plain view said nothing, and its last line 'the session itself carries on'."""
    time = FakeTime()
    session = open_live(tmp_path, time, AGENDA)
    write_start_at(session.folder, time.wall + timedelta(minutes=5))
    follower = Follower.open(session.folder)
    journal = session.folder / JOURNAL_NAME
    assert follower.host_state(journal_in_use(journal)) == "running"
    session.close()  # as a crash does: the lock released, no stop written
    state = follower.host_state(journal_in_use(journal))
    assert state == "away"
    screen = audience_screen(follower, time.wall + timedelta(minutes=6), state)
    assert screen.message == (
        "The host's liftkit is not running: the session starts once they resume it."
    )
    assert (screen.status, screen.countdown) == ("NOT STARTED", "--:--")

    view = subprocess.Popen(
        [sys.executable, "-m", "liftkit", "view", str(session.folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    stuck = threading.Timer(20, view.kill)  # a view that never says so ends the test
    stuck.start()
    try:
        assert view.stdout is not None
        lines = []
        while "the host's liftkit is not running" not in "".join(lines):
            line = view.stdout.readline()
            assert line, "".join(lines)
            lines.append(line)
        view.send_signal(signal.SIGINT)
        _, err = view.communicate(timeout=20)
    finally:
        stuck.cancel()
        view.kill()
    assert lines[-1].split("  ", 1)[1] == (
        "the host's liftkit is not running; the session has not started\n"
    )
    assert "the host's liftkit is no longer running (a crash?)" in err, err


def test_a_rehearsal_waiting_for_its_start_gives_the_planned_end_at_its_speed(tmp_path):
    """`--rehearse 4 --start 14:14`: the host's screen gave the planned end at four times
    the speed, the shared one at real speed (it read only the time from start-at.txt)."""
    time = FakeTime()
    session = open_live(tmp_path, time, AGENDA)
    try:
        start = time.wall + timedelta(minutes=5)
        write_start_at(session.folder, start, rehearse=4.0)
        screen = audience_screen(Follower.open(session.folder), time.wall, "running")
        total = sum(s.duration for s in session.agenda.segments)
        end = start + timedelta(seconds=total / 4)
        assert f"planned end {end:%H:%M}" in screen.session_line, screen.session_line
    finally:
        session.close()


def test_the_plain_view_waiting_for_the_start_gives_the_time_and_what_comes_first(tmp_path):
    """`liftkit view | cat` of a session waiting for --start printed only 'waiting to start',
    where plain run says when, and with what."""
    import io

    from liftkit.cli.live.audience import PlainAudience

    time = FakeTime()
    session = open_live(tmp_path, time, AGENDA)
    try:
        start = time.wall + timedelta(minutes=5)
        write_start_at(session.folder, start)
        out = io.StringIO()
        PlainAudience(Follower.open(session.folder), out, wall=lambda: time.wall).start()
        lines = [line.split("  ", 1)[1] for line in out.getvalue().splitlines()]
        assert lines[-1] == f"waiting to start at {start:%H:%M} with 1/3 Welcome (2m)", lines
    finally:
        session.close()


def test_the_plain_view_waiting_for_a_start_tomorrow_says_tomorrow(tmp_path):
    """The host's screen said STARTS TOMORROW AT 02:55 and plain run 'waiting to start
    tomorrow at 02:55'; the plain view said 'waiting to start at 02:55', as if today."""
    import io

    from liftkit.cli.live.audience import PlainAudience

    time = FakeTime()
    session = open_live(tmp_path, time, AGENDA)
    try:
        start = (time.wall + timedelta(days=1)).replace(hour=2, minute=55)
        write_start_at(session.folder, start)
        out = io.StringIO()
        PlainAudience(Follower.open(session.folder), out, wall=lambda: time.wall).start()
        last = out.getvalue().splitlines()[-1].split("  ", 1)[1]
        assert last == "waiting to start tomorrow at 02:55 with 1/3 Welcome (2m)", last
    finally:
        session.close()


def test_view_plain_says_how_to_have_the_plain_view(tmp_path):
    """`liftkit view latest --plain` said only 'No such option: --plain'."""
    result = subprocess.run(
        [sys.executable, "-m", "liftkit", "view", "latest", "--plain"],
        capture_output=True, text=True, cwd=tmp_path, timeout=30,
    )  # fmt: skip
    assert result.returncode == 2
    assert (
        "No such option: --plain; liftkit view prints a line per change when its output is "
        "not a terminal: liftkit view latest | cat (or > FILE; see the plain view in "
        "docs/live.md)"
    ) in " ".join(result.stderr.replace("│", " ").split()), result.stderr
