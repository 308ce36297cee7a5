"""A live reshuffle of a programme's week (`liftkit run --groups plan.json --round 2`, then
g, y) brings back no pair of the weeks before where rooms avoiding them exist: who met
before weighs more than who will meet in the weeks after."""

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from liftkit.core.groups.reading import load_groups_file
from liftkit.core.live.reshuffles import reshuffle_as_file

# Week 2 of 8 of a cohort of 37 (8 rooms, a facilitator each, organisations balanced, a pair
# kept together, a pair kept apart), as `liftkit groups --previous plan-w1.json --held 1`
# planned it in a QA run.
PLAN = Path(__file__).parent / "data" / "groups" / "programme-week2.json"


def pairs(rnd):
    return {
        pair
        for group in rnd.groups
        for pair in itertools.combinations(sorted((p.email or p.name) for p in group.members), 2)
    }


@pytest.mark.parametrize("seed", [225367, 225368, 225369])
def test_a_reshuffled_week_meets_nobody_of_the_week_before_again(seed):
    # Before: seed 225367 sat 7 pairs of week 1 together again (the plan's week 2 has 2),
    # as rooms avoiding weeks 1 and 3 to 8 were taken whatever they brought back of week 1.
    source = load_groups_file(PLAN)
    now = replace(source, rounds=(source.rounds[1],))
    together = {
        pair
        for names in source.settings["together"]
        for pair in itertools.combinations(
            sorted(p.email for g in source.rounds[1].groups for p in g.members if p.name in names),
            2,
        )
    }
    made = reshuffle_as_file(source, 1, now, seed)
    rooms = made.rounds[0]
    assert pairs(rooms) != pairs(now.rounds[0])  # other rooms
    everyone = sorted(p.email for g in now.rounds[0].groups for p in g.members)
    assert sorted(p.email for g in rooms.groups for p in g.members) == everyone
    week1 = pairs(source.rounds[0]) - together
    assert not pairs(rooms) & week1, sorted(pairs(rooms) & week1)
    for group in rooms.groups:  # one facilitator a room, the pair together, the pair apart
        names = {p.name for p in group.members}
        assert len(group.facilitators) == 1
        assert len(names & {"Li Wei", "Sam Lee"}) in (0, 2)
        assert len(names & {"Kat Ng", "Priya Patel"}) <= 1


ONE_BREAKOUT = """
title = "Week 2"
[[segments]]
title = "Rooms"
duration = "10m"
kind = "breakout"
groups = 8
"""


def test_a_live_reshuffle_of_week_2_sits_nobody_with_someone_of_week_1(tmp_path):
    # Before: g, y in week 2's call often sat pairs of week 1 together again (7 for the QA
    # run's seed), where rooms avoiding them all were there to take.
    import json
    import shutil

    from test_run_plain import journal, run_plain

    shutil.copy(PLAN, tmp_path / "plan.json")
    proc = run_plain(tmp_path, ONE_BREAKOUT, "g\ny\nq\ny\n", "--groups", "plan.json",
                     "--round", "2", timeout=60)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Groups reshuffled" in proc.stdout
    plan = json.loads(PLAN.read_text())
    first, reshuffled = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    assert first["rounds"][0]["groups"] == plan["rounds"][1]["groups"]

    def met(groups):
        return {
            pair
            for group in groups
            for pair in itertools.combinations(sorted(m["email"] for m in group["members"]), 2)
        }

    week1 = met(plan["rounds"][0]["groups"]) - {("li.wei@example.org", "sam.lee@example.org")}
    rooms = reshuffled["rounds"][0]["groups"]
    assert met(rooms) != met(first["rounds"][0]["groups"])
    assert not met(rooms) & week1, sorted(met(rooms) & week1)
