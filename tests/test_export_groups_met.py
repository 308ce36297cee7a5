"""The event pack's breakout groups are the rooms that met: a breakout passed through with n,
or left in its second round of three, lists no rooms for what did not take place, and says
so. Rooms counted from the Markdown and JSON `liftkit export` writes."""

import json
import re

from support.live import FakeTime, open_session

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
