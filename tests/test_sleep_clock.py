"""A laptop that sleeps during a session (the lid closed in a break): the session's time runs
on as the call's did, on a clock that counts the sleep (liftkit.cli.clocks).

This machine cannot be put to sleep. What a process sees of a sleep is that the wall clock
(and Linux's CLOCK_BOOTTIME) ran on while `time.monotonic` stood still: the run below is
stopped (SIGSTOP) for a few seconds and its monotonic clock is then set back by as long.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta

import pytest

from liftkit.cli.clocks import session_clock

# `liftkit` with a monotonic clock (time.monotonic and CLOCK_MONOTONIC) that has lost the
# seconds written in the file named first, as it would have stood still while asleep.
ASLEEP = """
import runpy, sys, time
lost_file = sys.argv.pop(1)
def lost():
    try:
        return float(open(lost_file).read() or 0)
    except (OSError, ValueError):
        return 0.0
real_monotonic, real_gettime = time.monotonic, time.clock_gettime
time.monotonic = lambda: real_monotonic() - lost()
def clock_gettime(clock):
    return real_gettime(clock) - (lost() if clock == time.CLOCK_MONOTONIC else 0.0)
time.clock_gettime = clock_gettime
sys.argv[0] = "liftkit"
runpy.run_module("liftkit", run_name="__main__", alter_sys=True)
"""

# 6 minutes, then 2: 6 and 2 real seconds at --rehearse 60
AGENDA = """
title = "Sleep"
[[segments]]
title = "Talk"
duration = "6m"
auto_advance = true
[[segments]]
title = "Close"
duration = "2m"
auto_advance = true
"""

ASLEEP_FOR = 3.0  # real seconds (3 minutes of the rehearsed session)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CLOCK_BOOTTIME is Linux's")
def test_after_a_sleep_the_host_sees_the_time_the_call_is_at(tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    (tmp_path / "asleep.py").write_text(ASLEEP)
    lost = tmp_path / "lost"
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    proc = subprocess.Popen(
        [sys.executable, "asleep.py", str(lost), "run", "a.toml", "--sessions", "s",
         "--plain", "--rehearse", "60"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=tmp_path, env=env,
    )  # fmt: skip
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    read: list[tuple[datetime, str]] = []  # each line, with when it was read
    talking = threading.Event()

    def reader() -> None:  # reads on while the test sleeps, as the host's eyes do
        assert proc.stdout is not None
        for line in proc.stdout:
            read.append((datetime.now(), line.rstrip("\n")))
            if "> 1/2 Talk" in line:
                talking.set()

    reading = threading.Thread(target=reader)
    reading.start()
    try:
        assert talking.wait(30)
        time.sleep(1)
        proc.send_signal(signal.SIGSTOP)  # the lid closes
        time.sleep(ASLEEP_FOR)
        lost.write_text(str(ASLEEP_FOR))
        proc.send_signal(signal.SIGCONT)  # and opens again
        proc.wait(30)
        reading.join()
        err = proc.stderr.read() if proc.stderr else ""
    finally:
        watchdog.cancel()
        proc.kill()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    assert proc.returncode == 0, err
    texts = [text for _, text in read]
    assert any("session complete" in text for text in texts), texts
    # Each line is stamped with the host's wall clock: the time it was printed, not as many
    # seconds before as the laptop slept (on the screen, 13:37 when it was 13:47).
    for when, text in read:
        stamp = datetime.strptime(text[:8], "%H:%M:%S")
        shown = when.replace(hour=stamp.hour, minute=stamp.minute, second=stamp.second)
        late = (when - shown) % timedelta(days=1)
        assert late < timedelta(seconds=2.5), f"{text!r} read at {when:%H:%M:%S.%f}"
    # Close began 6 real seconds after Talk did, as the call's clock had it: the sleep
    # is part of those 6 minutes (at --rehearse 60), not added to them.
    talk = next(when for when, text in read if "> 1/2 Talk" in text)
    close = next(when for when, text in read if "> 2/2 Close" in text)
    assert (close - talk).total_seconds() < 6 + ASLEEP_FOR / 2
    # and the journal's times are the wall clock's, in order: a resume after a crash counts
    # the time away once, not the sleep again
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    walls = [
        datetime.fromisoformat(event["wall"])
        for event in map(json.loads, path.read_text().splitlines())
        if event.get("wall")
    ]
    assert walls == sorted(walls)
    ended = walls[-1].astimezone().replace(tzinfo=None)
    assert abs((read[-1][0] - ended).total_seconds()) < 2.5


class Readings:
    """What each of the system's clocks reads, told apart."""

    BOOTTIME, MONOTONIC, TIME_MONOTONIC = 5000.0, 3000.0, 1000.0

    def gettime(self, clock: int) -> float:
        if clock == getattr(time, "CLOCK_BOOTTIME", None):
            return self.BOOTTIME
        assert clock == time.CLOCK_MONOTONIC
        return self.MONOTONIC


@pytest.mark.parametrize(
    "platform, reads",
    [
        ("linux", Readings.BOOTTIME),  # CLOCK_MONOTONIC and time.monotonic stop in a sleep
        ("darwin", Readings.MONOTONIC),  # time.monotonic is mach_absolute_time: it stops
        ("win32", Readings.TIME_MONOTONIC),
    ],
)
def test_the_session_clock_is_one_that_counts_a_sleep(monkeypatch, platform, reads):
    if platform == "linux" and not hasattr(time, "CLOCK_BOOTTIME"):
        pytest.skip("this Python has no CLOCK_BOOTTIME")
    readings = Readings()
    monkeypatch.setattr(time, "clock_gettime", readings.gettime)
    monkeypatch.setattr(time, "monotonic", lambda: Readings.TIME_MONOTONIC)
    assert session_clock(platform)() == reads
