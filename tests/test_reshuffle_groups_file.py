"""A reshuffle (g, then y) of rooms given with `liftkit run --groups FILE`: the rooms are made
again as `liftkit groups` made the file's, not as rooms made from a bare list."""

import collections
import itertools
import json

from test_run_plain import journal, run_plain

ONE_BREAKOUT = """
title = "Week 3"
[[segments]]
title = "Rooms"
duration = "10m"
kind = "breakout"
group_size = 4
"""

ORGS = "ABCD"


def met(rounds):
    return {
        pair
        for rnd in rounds
        for group in rnd["groups"]
        for pair in itertools.combinations(sorted(m["name"] for m in group["members"]), 2)
    }


def test_a_reshuffle_of_a_programme_week_keeps_facilitators_balance_and_history(tmp_path, cli):
    # Week 3 of a plan with a facilitator per room and organisations balanced: s then y
    # dropped the facilitators, put three of one organisation in a room and sat people
    # with those they met in weeks 1 and 2.
    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Email,Organisation\n"
        + "".join(f"P{i},p{i}@example.org,Org {ORGS[i % 4]}\n" for i in range(24))
    )
    leads = [f"P{i}" for i in (0, 5, 10, 15, 20, 21)]
    options = [arg for name in leads for arg in ("--facilitator", name)]
    plan_file = str(tmp_path / "plan.json")
    made = cli("groups", str(people), "--size", "4", "--rounds", "3", "--balance",
               "Organisation", "--seed", "1", *options, "-o", plan_file)  # fmt: skip
    assert made.exit_code == 0, made.output
    plan = json.loads((tmp_path / "plan.json").read_text())
    proc = run_plain(tmp_path, ONE_BREAKOUT, "g\ny\nq\ny\n", "--groups", "plan.json",
                     "--round", "3")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Groups reshuffled" in proc.stdout
    first, reshuffled = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    assert first["rounds"][0]["groups"] == plan["rounds"][2]["groups"]
    rooms = reshuffled["rounds"][0]["groups"]
    assert rooms != first["rounds"][0]["groups"]
    assert len(rooms) == 6 and sorted(len(g["members"]) for g in rooms) == [4] * 6
    placed = sorted(m["name"] for g in rooms for m in g["members"])
    assert placed == sorted(f"P{i}" for i in range(24))
    for group in rooms:  # a facilitator each, marked, and no organisation twice
        assert [m["name"] for m in group["members"] if m.get("facilitator")] in (
            [[name] for name in leads]
        )
        orgs = collections.Counter(m["attributes"]["Organisation"] for m in group["members"])
        assert max(orgs.values()) == 1
    assert not met([{"groups": rooms}]) & met(plan["rounds"][:2])  # weeks 1 and 2
    for group in rooms:  # shown as the file's rooms are
        lead = next(m["name"] for m in group["members"] if m.get("facilitator"))
        assert f"{lead} (facilitator)" in proc.stdout.split("Groups reshuffled")[-1]


def test_a_reshuffle_after_a_resume_still_keeps_the_weeks_before_apart(tmp_path, cli):
    # Reshuffled, quit, resumed, reshuffled again: the resumed session looked for the file's
    # round among the rooms it had last (the reshuffled ones), found none, and sat 12 pairs
    # who had met in weeks 1 and 2 together again.
    import subprocess

    from test_run_plain import LIFTKIT, env

    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Email,Organisation\n"
        + "".join(f"P{i},p{i}@example.org,Org {ORGS[i % 4]}\n" for i in range(24))
    )
    made = cli("groups", str(people), "--size", "4", "--rounds", "3", "--balance",
               "Organisation", "--seed", "1", "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    plan = json.loads((tmp_path / "plan.json").read_text())
    proc = run_plain(tmp_path, ONE_BREAKOUT, "g\ny\nq\ny\n", "--groups", "plan.json",
                     "--round", "3")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    resumed = subprocess.run(
        [*LIFTKIT, "resume", "latest", "--sessions", "s", "--plain"],
        input="g\ny\nq\ny\n", capture_output=True, text=True, cwd=tmp_path, timeout=30,
        env=env(),
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert "Groups reshuffled" in resumed.stdout
    made_then = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    assert len(made_then) == 3
    earlier = met(plan["rounds"][:2])  # weeks 1 and 2
    for event in made_then:  # the file's week 3, then each reshuffle, before and after
        rooms = event["rounds"][0]["groups"]
        assert sorted(m["name"] for g in rooms for m in g["members"]) == sorted(
            f"P{i}" for i in range(24)
        )
        assert not met([{"groups": rooms}]) & earlier
