"""A breakout of several rounds (`rounds = 2`): the countdown, on the host's screen and the
audience's, is the time left in the round being held, its warnings ring before each round's
end, and the audience is told when the rooms change with the round. The countdown ran to the
segment's end (18:37 in round 1, where people had 8 minutes left in that room), the warning
came only before the segment's end, and the view said nothing as the round changed."""

import io
import json
import os
import re
import subprocess
import sys

import pytest
from rich.console import Console
from support.live import FakeTime, open_session, with_rooms

from liftkit.cli.live.frame import render
from liftkit.core.live.audience import audience_screen
from liftkit.core.live.controls import Ui
from liftkit.core.live.follow import Follower
from liftkit.core.live.screen import build_screen

LIFTKIT = [sys.executable, "-m", "liftkit"]

CAFE = """
title = "World cafe"
[[segments]]
title = "Cafe"
duration = "20m"
kind = "breakout"
group_size = 4
rounds = 2
prompt = "Talk at your table"
warn = ["2m"]
auto_advance = true
[[segments]]
title = "Harvest"
duration = "1m"
kind = "discussion"
auto_advance = true
"""

PEOPLE = [f"Person {n}" for n in range(1, 9)]


@pytest.fixture
def time():
    return FakeTime()


@pytest.fixture
def cafe(tmp_path, time):
    yield from cafe_of(tmp_path, time, PEOPLE)


def cafe_of(tmp_path, time, names):
    live = with_rooms(open_session(tmp_path, CAFE, time), names)
    live.start()
    yield live
    live.close()


def page_shown(screen):
    console = Console(width=80, height=24, file=io.StringIO(), no_color=True)
    console.print(render(screen, 80, 24))
    return re.search(r"page (\d+) of (\d+)", console.file.getvalue()).groups()


def host_screen(session):
    t = session.now()
    view = session.engine.view(t)
    return build_screen(
        view, Ui(), title="World cafe", now_wall=session.clock.wall_at(t),
        session_start_wall=None, rate=1.0, now=t,
    )  # fmt: skip


def test_the_countdown_is_the_round_s_and_its_warning_rings_before_each_round_s_end(cafe, time):
    time.advance(83)
    cafe.tick()
    screen = host_screen(cafe)
    assert screen.countdown == "08:37"  # not 18:37: round 1 ends at 10:00
    assert screen.status == "round 1 of 2 · running"
    assert screen.segment_line == "01:23 of 20:00"  # the segment's own time, on its bar
    time.advance(8 * 60 - 83)
    cafe.tick()
    screen = host_screen(cafe)
    assert (screen.countdown, screen.tone) == ("02:00", "warn")
    assert screen.status == "round 1 of 2 · ▲ 2 MINS LEFT"
    time.advance(120)
    cafe.tick()
    screen = host_screen(cafe)
    assert (screen.countdown, screen.status) == ("10:00", "round 2 of 2 · running")
    time.advance(8 * 60)
    cafe.tick()
    assert host_screen(cafe).status == "round 2 of 2 · ▲ 2 MINS LEFT"
    lines = (cafe.folder / "journal.jsonl").read_text().splitlines()
    warnings = [json.loads(line) for line in lines if '"type":"warning"' in line]
    assert [(w["before"], w.get("round")) for w in warnings] == [(120, 1), (0, 1), (120, None)]


def test_the_audience_sees_the_round_s_time_and_is_told_the_rooms_changed(cafe, time):
    follower = Follower.open(cafe.folder)
    time.advance(83)
    shown = audience_screen(follower, time.wall, "running")
    assert shown.countdown == "08:37" and shown.status == "round 1 of 2 · running"
    assert shown.message == ""
    time.advance(10 * 60 - 83 + 5)  # the host's liftkit need not have written anything
    shown = audience_screen(follower, time.wall, "running")
    assert shown.countdown == "09:55"
    assert shown.message == "Round 2 of 2: new rooms; find your name again."
    round_two = {name for _, members in shown.groups.rooms for name in members}
    assert round_two == set(PEOPLE)
    time.advance(120)
    assert audience_screen(follower, time.wall, "running").message == ""


def test_plain_mode_says_each_round_s_warning_and_prints_the_new_rooms(tmp_path):
    (tmp_path / "a.toml").write_text(CAFE)
    (tmp_path / "people.txt").write_text("\n".join(PEOPLE) + "\n")
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    proc = subprocess.run(
        [*LIFTKIT, "run", "a.toml", "--sessions", "s", "--plain", "--rehearse", "600",
         "--attendees", "people.txt", "--seed", "1"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    said = [
        out.index("! 2m left in round 1 of Cafe"),
        out.index("round 2 of 2 begins in Cafe: new rooms"),
        out.index("Groups: round 2 of 2"),
        out.index("! 2m left in Cafe"),
        out.index("> 2/2 Harvest"),
    ]
    assert said == sorted(said)
    second = re.findall(r"Room \d+: (.*)", "\n".join(out[said[2] :].splitlines()[1:3]))
    placed = sorted(name.strip() for room in second for name in room.split(";"))
    assert placed == sorted(PEOPLE)  # recounted: everyone in round 2's rooms, once


def test_the_audience_sees_the_new_rooms_from_their_first_page_when_a_round_begins(tmp_path, time):
    # The pages turned on from the breakout's start: round 2's rooms opened on whichever page
    # the turning had reached, so some people looked for their name where it was not.
    live = next(cafe_of(tmp_path, time, [f"Attendee number {n}" for n in range(1, 74)]))
    follower = Follower.open(live.folder)
    time.advance(60)
    live.pause()  # the pages turn on, every 10 seconds, while the clock waits
    time.advance(15)
    live.resume()
    follower.refresh()  # as the view does every moment
    time.advance(10 * 60 - 60 - 25)
    assert page_shown(audience_screen(follower, time.wall, "running"))[0] != "1"
    time.advance(25 + 3)  # round 2 began 3 seconds ago
    first = page_shown(audience_screen(follower, time.wall, "running"))
    time.advance(10)
    second = page_shown(audience_screen(follower, time.wall, "running"))
    live.close()
    assert first[0] == "1" and second[0] == "2" and first[1] == second[1]
