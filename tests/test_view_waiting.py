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
        # (its status line, of a start months past on this computer's clock, says "was to
        # start on Monday 9 March …; the host's liftkit is not running" first)
        while "not running; the session has not started" not in "".join(lines):
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


def test_the_view_of_a_session_whose_start_is_days_past_says_its_date(tmp_path):
    """A session quit while it waited for its --start, viewed 13 days later: 'waiting to
    start at 14:00 with …', as if it were today's. It says the date the start was, and that
    no liftkit waits for it; a start still ahead is said as before."""
    from datetime import datetime

    from test_run_start import in_zone

    env, now = in_zone(13)  # an hour ahead is today's
    start = (now + timedelta(hours=1)).strftime("%H:%M")

    def liftkit(*args, stdin=""):
        return subprocess.run(
            [sys.executable, "-m", "liftkit", *args], input=stdin, capture_output=True,
            text=True, cwd=tmp_path, env=env, timeout=60,
        )  # fmt: skip

    run = liftkit("run", "community-conversation", "--plain", "--sessions", "s", "--start",
                  start, stdin="q\ny\n")  # fmt: skip
    assert run.returncode == 0, run.stderr
    (waited,) = [line for line in run.stdout.splitlines() if "waiting to start at" in line]
    first = waited.split(" with ", 1)[1].split(";")[0]  # "1/5 Introductions (5m)"
    (folder,) = (tmp_path / "s").iterdir()

    def view_says() -> str:
        """The plain view's line on where the session is, as it opens (it then follows on)."""
        view = subprocess.Popen(
            [sys.executable, "-m", "liftkit", "view", str(folder)], stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env,
        )  # fmt: skip
        stuck = threading.Timer(30, view.kill)
        stuck.start()
        try:
            assert view.stdout is not None
            following, status = view.stdout.readline(), view.stdout.readline()
            assert following.split("  ", 1)[1].startswith(f"following {folder}"), following
            view.send_signal(signal.SIGINT)
            view.communicate(timeout=20)
        finally:
            stuck.cancel()
            view.kill()
        return status.rstrip("\n").split("  ", 1)[1]

    assert view_says() == f"waiting to start at {start} with {first}"
    planned = datetime.fromisoformat((folder / "start-at.txt").read_text().splitlines()[0])
    long_ago = planned - timedelta(days=13)
    (folder / "start-at.txt").write_text(long_ago.isoformat() + "\n")
    said = view_says()
    assert said == (
        f"was to start on {long_ago:%A} {long_ago.day} {long_ago:%B} at {start} with {first}; "
        "the host's liftkit is not running"
    ), said
