"""`liftkit groups --previous SESSION`: next week's rooms planned from the rooms a session
used, reshuffles and all, not from the groups file it opened with."""

import itertools
import json

from test_run_plain import journal, run_plain

WEEK = """
title = "Week 2"
[[segments]]
title = "Rooms"
duration = "4m"
kind = "breakout"
group_size = 4
auto_advance = true
[[segments]]
title = "Close"
duration = "1m"
kind = "reflection"
auto_advance = true
"""


def rooms(rnd):
    return sorted(sorted(m["email"] for m in g["members"]) for g in rnd["groups"])


def pairs(rounds):
    return {
        pair
        for rnd in rounds
        for group in rnd["groups"]
        for pair in itertools.combinations(sorted(m["email"] for m in group["members"]), 2)
    }


def test_next_week_is_planned_from_the_rooms_a_reshuffled_session_used(tmp_path, cli):
    # A programme of 16 people in fours: week 2's call ran round 2 of the plan, and the host
    # reshuffled it. `--previous` of the session folder was refused ("is a folder, not a
    # groups file; give the file inside it"), and the file inside it is the plan as it
    # opened: week 3 planned from it avoided pairs who never met and sat people again with
    # those they met in the reshuffled rooms.
    people = tmp_path / "people.csv"
    people.write_text("Name,Email\n" + "".join(f"P{i},p{i}@example.org\n" for i in range(16)))
    made = cli("groups", str(people), "--size", "4", "--rounds", "3", "--seed", "1",
               "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    plan = json.loads((tmp_path / "plan.json").read_text())
    proc = run_plain(tmp_path, WEEK, "g\ny\n", "--groups", "plan.json", "--round", "2",
                     "--rehearse", "600")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Groups reshuffled" in proc.stdout
    used = [e for e in journal(tmp_path / "s") if e["type"] == "groups"][-1]["rounds"][0]
    assert rooms(used) != rooms(plan["rounds"][1])
    (session,) = (tmp_path / "s").iterdir()
    week3 = tmp_path / "week3.json"
    made = cli("groups", str(people), "--previous", str(session), "--seed", "2",
               "-o", str(week3))  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "rounds 1 to 2 as held; round 3 planned afresh" in made.output
    out = json.loads(week3.read_text())
    assert [r["round"] for r in out["rounds"]] == [1, 2, 3]
    assert rooms(out["rounds"][0]) == rooms(plan["rounds"][0])  # week 1, as planned and run
    assert rooms(out["rounds"][1]) == rooms(used)  # week 2, as reshuffled
    assert not pairs(out["rounds"][2:]) & pairs([plan["rounds"][0], used])
