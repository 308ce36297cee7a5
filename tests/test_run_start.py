"""`liftkit run --start HH:MM` given a time already past: a few minutes late starts now and
says so; further past is refused in one line; more than 12 hours past is tomorrow's."""

import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

LIFTKIT = [sys.executable, "-m", "liftkit"]


def in_zone(hour: int) -> tuple[dict[str, str], datetime]:
    """An environment whose local time is now `hour` o'clock and some minutes, and that time
    (naive): a POSIX TZ of a whole number of hours east, within 12 hours of UTC (the C
    library takes no offset of a day or so, nor a name under three letters: both read as UTC)."""
    utc = datetime.now(UTC)
    east = (hour - utc.hour + 12) % 24 - 12
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    env["TZ"] = f"LKT{-east:+d}"  # POSIX counts hours west: LKT-2 is two hours east
    return env, (utc + timedelta(hours=east)).replace(tzinfo=None)


def run(tmp_path, env, start, commands="q\ny\n"):
    return subprocess.run(
        [*LIFTKIT, "run", "community-conversation", "--plain", "--sessions", "s",
         "--start", start],
        input=commands, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=30,
    )  # fmt: skip


def test_a_start_a_few_minutes_past_starts_now_and_says_how_late(tmp_path):
    env, now = in_zone(13)
    start = (now - timedelta(minutes=5)).strftime("%H:%M")
    proc = run(tmp_path, env, start)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    said = next((i for i, line in enumerate(lines) if f"--start {start} was" in line), None)
    assert said is not None, proc.stdout  # not started at once without a word
    late = re.search(r"was (\d+) minutes ago: the session starts now, \1 minutes late", lines[said])
    assert late and int(late.group(1)) in (5, 6), lines[said]
    assert f"(its schedule counts from {start})" in lines[said]
    assert any("session started" in line for line in lines[said:])


def test_a_start_hours_past_is_refused_with_what_to_give(tmp_path):
    env, now = in_zone(13)
    # 13:20 and "--start 1:50": half past one in the night, meant for ten to two this afternoon
    typed = now - timedelta(hours=11, minutes=30)
    start = f"{typed.hour}:{typed:%M}"
    proc = run(tmp_path, env, start)
    assert proc.returncode == 2
    line = proc.stderr.strip()
    pm = f"{typed.hour}:{typed:%M}" if typed.minute else f"{typed.hour}"
    assert re.fullmatch(
        rf"Error: --start {start}: {typed:%H:%M} was 11 h (30|31) min ago; "
        rf"for {pm} pm give {typed.hour + 12}:{typed:%M}, or leave --start out to start now",
        line,
    ), line
    assert not (tmp_path / "s").exists()  # no session begun


def test_a_start_most_of_an_hour_past_is_refused(tmp_path):
    env, now = in_zone(13)
    start = (now - timedelta(minutes=40)).strftime("%H:%M")
    proc = run(tmp_path, env, start)
    assert proc.returncode == 2
    assert re.fullmatch(
        rf"Error: --start {start}: {start} was (40|41) min ago; give a time still to come, "
        r"or leave --start out to start now",
        proc.stderr.strip(),
    ), proc.stderr


def test_a_start_seconds_more_than_15_minutes_past_is_said_so(tmp_path):
    # at 13:15:30, --start 13:00 is refused: it was more than 15 minutes ago, not "15 min ago"
    while not 5 <= datetime.now().second <= 45:
        time.sleep(1)
    env, now = in_zone(13)
    start = (now - timedelta(minutes=15)).strftime("%H:%M")
    proc = run(tmp_path, env, start)
    assert proc.returncode == 2
    said = re.fullmatch(
        rf"Error: --start {start}: {start} was (\d+) min ago; give a time still to come, "
        r"or leave --start out to start now",
        proc.stderr.strip(),
    )
    assert said and int(said.group(1)) in (16, 17), proc.stderr


def test_a_start_hours_past_waits_till_tomorrow_and_says_so(tmp_path):
    # at 15:04, --start 2:55 is tomorrow's: an 11 h 51 min wait, said, and 14:55 offered
    env, now = in_zone(15)
    typed = now - timedelta(hours=12, minutes=9)
    start = f"{typed.hour}:{typed:%M}"
    proc = run(tmp_path, env, start)
    assert proc.returncode == 0, proc.stderr
    pm = f"{typed.hour}:{typed:%M}" if typed.minute else f"{typed.hour}"
    said = re.search(
        rf"Waiting to start tomorrow at {typed:%H:%M} \(in 11 h (50|51) min\); "
        rf"for {pm} pm give {typed.hour + 12}:{typed:%M}\.",
        proc.stdout,
    )
    assert said, proc.stdout


def test_the_waiting_lines_of_a_start_tomorrow_say_tomorrow(tmp_path):
    # at 15:04, --start 2:55 said tomorrow once, then plain mode's "waiting to start at 02:55"
    # (and its status line) read as a start today, 11 hours out, and the full screen's
    # STARTS AT 02:55 likewise
    env, now = in_zone(15)
    typed = now - timedelta(hours=12, minutes=9)
    proc = run(tmp_path, env, f"{typed:%H:%M}", "status\nq\ny\n")
    assert proc.returncode == 0, proc.stderr
    waiting = [line for line in proc.stdout.splitlines() if "waiting to start" in line]
    assert len(waiting) == 2, proc.stdout  # the first line and the status line
    assert all(f"waiting to start tomorrow at {typed:%H:%M}" in line for line in waiting), waiting
    # a start later today says no "tomorrow"
    later = now + timedelta(minutes=30) if now.hour < 23 else now
    proc = run(tmp_path, env, f"{later:%H:%M}", "status\nq\ny\n")
    waiting = [line for line in proc.stdout.splitlines() if "waiting to start" in line]
    assert waiting and all(f"waiting to start at {later:%H:%M}" in w for w in waiting), waiting


def test_the_full_screen_says_starts_tomorrow(tmp_path):
    from support.tmux import Tmux

    env, now = in_zone(15)
    typed = now - timedelta(hours=12, minutes=9)
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        argv = ["run", "community-conversation", "--sessions", "s", "--start", f"{typed:%H:%M}"]
        term.run(["env", "-u", "LIFTKIT_SESSIONS", f"TZ={env['TZ']}", *LIFTKIT, *argv])
        term.wait_for(f"STARTS TOMORROW AT {typed:%H:%M}")
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        term.wait_for("EXIT=0")
    finally:
        term.close()


def test_a_session_quit_while_waiting_for_its_start_has_nothing_to_export(tmp_path):
    """Quit before its --start: the export said nothing and wrote a pack of every segment
    "not run", with no date, exit 0."""
    env, now = in_zone(13)
    start = (now + timedelta(hours=1)).strftime("%H:%M")
    assert run(tmp_path, env, start).returncode == 0
    (folder,) = (tmp_path / "s").iterdir()
    assert (folder / "start-at.txt").read_text().startswith(now.strftime("%Y-%m-%dT14:"))
    for args in (["export", "latest", "--sessions", "s", "-o", "pack.md"], ["export", str(folder)]):
        proc = subprocess.run(
            [*LIFTKIT, *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=30
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stdout == ""
        assert proc.stderr.splitlines() == [
            f"Error: {Path('s') / folder.name if 'latest' in args else folder}: the session never "
            f"started (it was quit while waiting to start at {start}); nothing to export; "
            f"to start it: liftkit resume {Path('s') / folder.name if 'latest' in args else folder}"
        ], args
    assert not (tmp_path / "pack.md").exists()
