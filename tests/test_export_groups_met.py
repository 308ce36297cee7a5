"""The event pack's breakout groups are the rooms that met: a breakout passed through with n,
or left in its second round of three, lists no rooms for what did not take place, and says
so; a session stopped in a round (q, y, not resumed), or still running, says that instead.
Rooms counted from the Markdown and JSON `liftkit export` writes."""

import io
import json
import re

from rich.console import Console
from support.live import FakeTime, ScriptedKeys, open_session

from liftkit.cli.live.fullscreen import LiveApp
from liftkit.core.live import follow
from liftkit.core.live.controller import LIVE, Controller
from liftkit.core.live.rooms import plan_from_people
from liftkit.core.people.reader import Person

AGENDA = """
title = "Networking"
[[segments]]
title = "Speed networking"
duration = "30m"
kind = "breakout"
groups = 3
rounds = 3
[[segments]]
title = "Pairs"
duration = "5m"
kind = "breakout"
group_size = 2
[[segments]]
title = "Close"
duration = "5m"
"""


def run_and_export(tmp_path, cli, *pack_format):
    """12 people; round 1 of the speed networking runs 8 minutes, 2 of them paused (so the
    second round had 0 minutes of its own), or 12 (the second had 2), then n; the pairs
    are passed through with n in 5 seconds; the close runs. The pack with --groups."""
    time = FakeTime()
    session = open_session(tmp_path, AGENDA, time)
    people = [Person(f"P{i}", f"p{i}@x.org", {}) for i in range(12)]
    for segment, split in plan_from_people(session.agenda, people, seed=4).items():
        session.record_groups(segment, split)
    session.start()
    time.advance(500)
    session.toggle_pause()
    time.advance(120)  # paused: no time of the rooms
    session.toggle_pause()
    time.advance(100 + 240 * ("second" in pack_format))
    session.next_()
    time.advance(5)
    session.next_()
    time.advance(300)
    session.next_()
    session.close()
    (folder,) = (tmp_path / "sessions").iterdir()
    fmt = [f for f in pack_format if f != "second"]
    result = cli("export", str(folder), "--groups", *fmt)
    assert result.exit_code == 0, result.output
    return result.stdout


def section(markdown, title):
    return markdown.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_pack_lists_only_the_rooms_that_met(tmp_path, cli):
    pack = run_and_export(tmp_path, cli)
    speed = section(pack, "1. Speed networking")
    assert re.findall(r"^Round \d+:", speed, re.MULTILINE) == []  # one round: no heading
    assert len(re.findall(r"^- \*\*", speed, re.MULTILINE)) == 3  # its three rooms
    assert "Rounds 2 to 3 were planned but did not take place" in speed
    pairs = section(pack, "2. Pairs")
    assert re.findall(r"^- \*\*", pairs, re.MULTILINE) == []
    assert "Its rooms did not meet: the segment was moved on from as it began." in pairs


def test_a_second_round_open_two_minutes_met_and_json_says_what_did_not(tmp_path, cli):
    data = json.loads(run_and_export(tmp_path, cli, "second", "-f", "json"))
    by_segment = {g["segment"]: g for g in data["groups"]}
    assert [r["round"] for r in by_segment[1]["rounds"]] == [1, 2]
    assert by_segment[1]["rounds_not_met"] == 1
    assert by_segment[2]["rounds"] == [] and by_segment[2]["rounds_not_met"] == 1
    placed = sorted(m for r in by_segment[1]["rounds"] for g in r["groups"] for m in g["members"])
    assert placed == sorted([f"P{i}" for i in range(12)] * 2)  # recounted: everyone, twice


CAFE = """
title = "Café"
[[segments]]
title = "Café rounds"
duration = "32m"
kind = "breakout"
groups = 4
rounds = 4
[[segments]]
title = "Harvest"
duration = "10m"
"""


def cafe_stopped_at(tmp_path, cli, seconds, quit=True, monkeypatch=None):
    """16 people at 4 tables for 4 rounds of 8 minutes; the host quits (q, y) `seconds` into
    the rounds and does not resume (or, `quit` False, the session still runs). The pack with
    --groups."""
    time = FakeTime()
    session = open_session(tmp_path, CAFE, time)
    people = [Person(f"P{i}", f"p{i}@x.org", {}) for i in range(16)]
    for segment, split in plan_from_people(session.agenda, people, seed=4).items():
        session.record_groups(segment, split)
    if quit:
        keys = ScriptedKeys(time, [(seconds, ["q"]), (seconds + 1, ["y"])])
        console = Console(file=io.StringIO(), width=80, height=24, force_terminal=True)
        outcome = LiveApp(Controller(session, mode=LIVE), console, keys).run()
        assert outcome.reason == "quit"
    else:
        session.start()
        time.advance(seconds)
        session.tick()
        monkeypatch.setattr(follow, "local_now", lambda: time.wall)  # the export is made now
    (folder,) = (tmp_path / "sessions").iterdir()
    result = cli("export", str(folder), "--groups")
    session.close()
    assert result.exit_code == 0, result.output
    return section(result.stdout, "1. Café rounds")


def test_a_quit_in_the_second_round_says_the_session_stopped_there(tmp_path, cli):
    rounds = cafe_stopped_at(tmp_path, cli, 11 * 60)  # 3 minutes into round 2
    assert re.findall(r"^Round \d+:", rounds, re.MULTILINE) == ["Round 1:", "Round 2:"]
    assert len(re.findall(r"^- \*\*", rounds, re.MULTILINE)) == 8  # 4 tables, twice
    assert (
        "Rounds 3 to 4 were planned but did not take place: the session stopped in round 2 "
        "and was not resumed." in rounds
    )
    assert "moved on" not in rounds


def test_a_quit_as_a_round_opens_and_a_pack_made_while_it_runs(tmp_path, cli, monkeypatch):
    rounds = cafe_stopped_at(tmp_path, cli, 8 * 60 + 20)  # round 2's rooms open 20 seconds
    assert re.findall(r"^Round \d+:", rounds, re.MULTILINE) == []  # round 1 alone met
    assert "Rounds 2 to 4 were planned but did not take place: the session stopped as " in rounds
    (tmp_path / "running").mkdir()
    # 30 seconds into round 3 (its rooms not open a minute), the pack made then
    running = cafe_stopped_at(tmp_path / "running", cli, 16 * 60 + 30, False, monkeypatch)
    assert re.findall(r"^Round \d+:", running, re.MULTILINE) == ["Round 1:", "Round 2:"]
    assert "Rounds 3 to 4 have not met yet: the session is still running." in running
    assert "moved on" not in rounds + running
