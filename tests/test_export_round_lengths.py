"""The pack of a café whose rounds `+` and `-` lengthened or shortened reads the round the
session stopped in (or is in) from each round's own length, as the host's screen had it.
Before, the pack shared the segment's time equally among the rounds: five minutes given to
round 1 and a quit in it said "the session stopped as round 2 began"."""

import json
import os
import re
import subprocess
import sys
import threading
from time import sleep

from support.live import FakeTime, open_session, plain_cafe, with_rooms

import liftkit

CAFE = """
title = "Cafe"
[[segments]]
title = "Cafe"
duration = "32m"
kind = "breakout"
groups = 3
rounds = 4
[[segments]]
title = "Harvest"
duration = "5m"
"""

NINE = ["Ana", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal", "Ivy"]
ROUND = 8 * 60
LIFTKIT = [sys.executable, "-m", "liftkit"]


def quit_after(tmp_path, steps):
    """The café run with `steps` ((seconds to wait, seconds to give or take) in turn), then
    a quit (q, y) not resumed: the session folder."""
    time = FakeTime()
    session = with_rooms(open_session(tmp_path, CAFE, time), NINE)
    session.start()
    for wait, more in steps:
        time.advance(wait)
        session.tick()
        if more:
            session.extend(more)
    session.stop("quit")
    (folder,) = (tmp_path / "sessions").iterdir()
    return folder


def cafe_section(cli, folder):
    result = cli("export", str(folder), "--groups")
    assert result.exit_code == 0, result.output
    return result.stdout.split("## 1. Cafe\n", 1)[1].split("\n## ", 1)[0]


def test_a_quit_in_a_round_one_given_five_minutes_says_round_one(tmp_path, cli):
    # five `+` of a minute in round 1 (13 minutes long now); the quit 10 minutes in
    folder = quit_after(tmp_path, [(60, 60)] * 5 + [(300, 0)])
    cafe = cafe_section(cli, folder)
    assert re.findall(r"^Round \d+:", cafe, re.MULTILINE) == []  # round 1 alone met
    assert len(re.findall(r"^- \*\*", cafe, re.MULTILINE)) == 3  # its three rooms
    assert (
        "Rounds 2 to 4 were planned but did not take place: the session stopped in round 1 "
        "and was not resumed." in cafe
    )
    (groups,) = liftkit.build_report(folder, groups=True).groups
    assert (len(groups.rounds), groups.not_met, groups.stopped_in) == (1, 3, 1)


def test_a_quit_in_round_two_after_minus_ended_round_one_says_round_two(tmp_path, cli):
    # three `-` of a minute a minute into round 1 leave it 5 minutes; the quit 7 minutes in,
    # 2 minutes into round 2
    folder = quit_after(tmp_path, [(60, -60), (0, -60), (0, -60), (360, 0)])
    cafe = cafe_section(cli, folder)
    assert re.findall(r"^Round \d+:", cafe, re.MULTILINE) == ["Round 1:", "Round 2:"]
    assert (
        "Rounds 3 to 4 were planned but did not take place: the session stopped in round 2 "
        "and was not resumed." in cafe
    )
    result = cli("export", str(folder), "--groups", "-f", "json")
    (rooms,) = [g for g in json.loads(result.stdout)["groups"] if g["segment"] == 1]
    placed = sorted(m for r in rooms["rounds"] for g in r["groups"] for m in g["members"])
    assert placed == sorted(NINE * 2) and rooms["rounds_not_met"] == 2  # recounted
    (groups,) = liftkit.build_report(folder, groups=True).groups
    assert groups.stopped_in == 2


def test_a_pack_made_minutes_after_a_plus_while_round_one_runs_lists_its_rooms(tmp_path):
    """Through the real commands: `+` as round 1 begins, then `liftkit export` four minutes
    later, the café still running. Before, the pack timed the café to its last event (the
    `+`) and said "Its rooms have not met yet", round 1's rooms left out."""
    proc = plain_cafe(tmp_path, CAFE, NINE, 60)
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if "Groups: round 1 of 4" in line:
                break
        proc.stdin.write("+\n")  # round 1: 9 minutes, 9 real seconds at ×60
        proc.stdin.flush()
        for line in proc.stdout:
            lines.append(line)
            if re.search(r"\+1m for Cafe: .* left in round 1 of 4", line):
                break
        sleep(4)  # 4 minutes of the café: no event meanwhile
        (folder,) = (tmp_path / "s").iterdir()
        export = [*LIFTKIT, "export", str(folder), "--groups"]
        pack = subprocess.run(export, capture_output=True, text=True, cwd=tmp_path, env=env)
        data = subprocess.run(
            [*export, "-f", "json"], capture_output=True, text=True, cwd=tmp_path, env=env
        )
        assert "round 2 of 4 begins" not in "".join(lines)  # round 1 was held throughout
        proc.stdin.write("q\ny\n")
        proc.stdin.flush()
        _, err = proc.communicate(timeout=30)
    finally:
        watchdog.cancel()
        proc.kill()
    assert proc.returncode == 0, err
    assert pack.returncode == 0, pack.stderr
    cafe = pack.stdout.split("## 1. Cafe\n", 1)[1].split("\n## ", 1)[0]
    assert "have not met yet" in cafe and "Its rooms" not in cafe
    assert "Rounds 2 to 4 have not met yet: the session is still running." in cafe
    assert len(re.findall(r"^- \*\*", cafe, re.MULTILINE)) == 3  # round 1's three rooms
    (rooms,) = [g for g in json.loads(data.stdout)["groups"] if g["segment"] == 1]
    placed = sorted(m for r in rooms["rounds"] for g in r["groups"] for m in g["members"])
    assert [r["round"] for r in rooms["rounds"]] == [1] and placed == sorted(NINE)  # recounted
