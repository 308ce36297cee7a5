"""`liftkit groups --previous`: the earlier plan's facilitators, and the people it keeps
together or apart, hold in the rounds planned from it (a JSON plan, liftkit's own CSV of it,
or a session folder that ran with it), recounted from the rooms written."""

import itertools
import json

import pytest
from test_run_plain import run_plain

import liftkit

NAMES = ["Ada", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lu"]
LEADS = {"Ada", "Bo", "Cy"}

WEEK = """
title = "Week 1"
[[segments]]
title = "Rooms"
duration = "4m"
kind = "breakout"
groups = 3
auto_advance = true
[[segments]]
title = "Close"
duration = "1m"
kind = "reflection"
auto_advance = true
"""


def names(group):
    return [m["name"] for m in group["members"]]


def check_planned(rounds, leads=LEADS, together=("Di", "Ed"), apart=()):
    """Every planned round has one facilitator a room, flagged so, and holds the sets."""
    for rnd in rounds:
        for group in rnd["groups"]:
            in_room = set(names(group))
            flagged = {m["name"] for m in group["members"] if m.get("facilitator")}
            assert len(in_room & leads) == 1, (rnd["round"], names(group))
            assert flagged == in_room & leads, (rnd["round"], names(group))
            if together and set(together) & in_room:
                assert set(together) <= in_room, (rnd["round"], names(group))
            assert len(set(apart) & in_room) <= 1, (rnd["round"], names(group))


def plan(tmp_path, cli, *extra):
    people = tmp_path / "p.csv"
    people.write_text("name,email\n" + "".join(f"{n},{n.lower()}@x.org\n" for n in NAMES))
    (tmp_path / "p2.csv").write_text(people.read_text().replace("Lu,lu@x.org\n", ""))
    made = cli("groups", str(people), "--count", "3", "--rounds", "4", "--facilitator", "Ada",
               "--facilitator", "Bo", "--facilitator", "Cy", "--together", "Di,Ed", *extra,
               "--seed", "1", "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    return tmp_path / "plan.json"


@pytest.mark.parametrize("held", [[], ["--held", "1"]])
def test_a_plan_given_as_previous_keeps_its_facilitators_and_pairs_together(tmp_path, cli, held):
    # Before: rounds planned from the plan had two facilitators in one room and none in
    # another, split Di and Ed, and settings.facilitators and settings.together were [].
    earlier = plan(tmp_path, cli, "--apart", "Fay,Gus")
    out = tmp_path / "plan2.json"
    made = cli("groups", str(tmp_path / "p2.csv"), "--previous", str(earlier), *held,
               "--seed", "1", "-o", str(out))  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "kept from --previous: 3 facilitators (Ada, Bo, Cy); Di and Ed kept together; " \
        "Fay and Gus kept apart" in made.output  # fmt: skip
    split = json.loads(out.read_text())
    check_planned(split["rounds"][len(held) // 2 :], apart=("Fay", "Gus"))
    assert sorted(split["settings"]["facilitators"]) == sorted(LEADS)
    assert split["settings"]["together"] == [["Di", "Ed"]]
    assert split["settings"]["apart"] == [["Fay", "Gus"]]


def test_options_given_again_add_to_those_of_the_plan(tmp_path, cli):
    earlier = plan(tmp_path, cli)
    out = tmp_path / "plan2.json"
    made = cli("groups", str(tmp_path / "p2.csv"), "--previous", str(earlier), "--held", "1",
               "--together", "Di,Ed", "--apart", "Hal,Ivy", "--seed", "1",
               "-o", str(out))  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "kept from --previous: 3 facilitators (Ada, Bo, Cy) (as" in made.output
    split = json.loads(out.read_text())
    check_planned(split["rounds"][1:], apart=("Hal", "Ivy"))
    assert split["settings"]["together"] == [["Di", "Ed"]]


def test_liftkit_s_own_csv_as_previous_keeps_its_facilitators(tmp_path, cli):
    earlier = plan(tmp_path, cli)
    csv = tmp_path / "plan.csv"
    made = cli("groups", str(tmp_path / "p.csv"), "--previous", str(earlier), "--seed", "1",
               "-o", str(csv))  # fmt: skip
    assert made.exit_code == 0, made.output
    out = tmp_path / "plan2.json"
    made = cli("groups", str(tmp_path / "p2.csv"), "--previous", str(csv), "--held", "1",
               "--together", "Di,Ed", "--seed", "1", "-o", str(out))  # fmt: skip
    assert made.exit_code == 0, made.output
    check_planned(json.loads(out.read_text())["rounds"][1:])


def test_a_session_folder_as_previous_keeps_the_facilitators_of_the_file_it_ran(tmp_path, cli):
    plan(tmp_path, cli)
    proc = run_plain(tmp_path, WEEK, "", "--groups", "plan.json", "--round", "1",
                     "--rehearse", "600")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    (session,) = (tmp_path / "s").iterdir()
    out = tmp_path / "plan2.json"
    made = cli("groups", str(tmp_path / "p2.csv"), "--previous", str(session), "--rounds", "4",
               "--seed", "1", "-o", str(out))  # fmt: skip
    assert made.exit_code == 0, made.output
    split = json.loads(out.read_text())
    assert [r["round"] for r in split["rounds"]] == [1, 2, 3, 4]
    check_planned(split["rounds"][1:])


def test_a_round_for_zoom_scores_the_pair_kept_together_as_the_plan_does(tmp_path, cli):
    # Before: `--previous plan.json --round 1 -f zoom` counted Di and Ed, together in every
    # round, as a pair meeting again: more repeats than the plan's own score.
    earlier = plan(tmp_path, cli)
    rounds = json.loads(earlier.read_text())["rounds"]
    met: dict[tuple[str, str], int] = {}
    for rnd in rounds:
        for group in rnd["groups"]:
            for pair in itertools.combinations(sorted(names(group)), 2):
                met[pair] = met.get(pair, 0) + 1
    repeats = sum(1 for pair, times in met.items() if times > 1 and pair != ("Di", "Ed"))
    made = cli("groups", str(tmp_path / "p.csv"), "--previous", str(earlier), "--round", "1",
               "-f", "zoom", "--seed", "1", "-o", str(tmp_path / "zoom.csv"))  # fmt: skip
    assert made.exit_code == 0, made.output
    assert f"repeat pairs: {repeats} (" in made.output
    most = max(times for pair, times in met.items() if pair != ("Di", "Ed"))
    assert f"most meetings of any pair: {most};" in made.output


def test_a_plan_given_as_previous_keeps_its_balanced_columns(tmp_path, cli):
    # Before: week 2 planned from a plan balanced on Organisation was not balanced at all
    # unless --balance was given again (its settings.balance was []).
    orgs = ["North", "South", "East"]
    people = tmp_path / "p.csv"
    people.write_text("name,email,Organisation\n" + "".join(
        f"P{i},p{i}@x.org,{orgs[i % 3]}\n" for i in range(18)))  # fmt: skip
    made = cli("groups", str(people), "--count", "6", "--rounds", "2", "--balance",
               "Organisation", "--seed", "1", "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    for seed in ("1", "2", "3"):
        out = tmp_path / f"week2-{seed}.json"
        made = cli("groups", str(people), "--previous", str(tmp_path / "plan.json"),
                   "--rounds", "3", "--seed", seed, "-o", str(out))  # fmt: skip
        assert made.exit_code == 0, made.output
        assert "balanced on Organisation" in made.output
        split = json.loads(out.read_text())
        assert split["settings"]["balance"] == ["Organisation"]
        for rnd in split["rounds"]:
            for group in rnd["groups"]:  # three organisations, three a room: one of each
                found = sorted(m["attributes"]["Organisation"] for m in group["members"])
                assert found == sorted(orgs), (seed, rnd["round"], names(group))
    # a call's report without the column keeps it from the plan's people
    bare = tmp_path / "bare.csv"
    bare.write_text("Name (Original Name),User Email\n" + "".join(
        f"P{i},p{i}@x.org\n" for i in range(18)))  # fmt: skip
    out = tmp_path / "bare.json"
    made = cli("groups", str(bare), "--previous", str(tmp_path / "plan.json"), "--rounds", "3",
               "--seed", "1", "-o", str(out))  # fmt: skip
    assert made.exit_code == 0, made.output
    for rnd in json.loads(out.read_text())["rounds"]:
        for group in rnd["groups"]:
            found = sorted(m["attributes"]["Organisation"] for m in group["members"])
            assert found == sorted(orgs), (rnd["round"], names(group))


def test_balance_none_switches_off_the_balance_a_plan_carries(tmp_path, cli):
    # QA: week 2 from a balanced plan could not be left unbalanced: `--balance ""` and
    # `--balance none` were refused, and leaving --balance out balanced the plan's columns
    orgs = ["North", "South", "East"]
    people = tmp_path / "p.csv"
    people.write_text("name,email,Organisation\n" + "".join(
        f"P{i},p{i}@x.org,{orgs[i % 3]}\n" for i in range(18)))  # fmt: skip
    plan = tmp_path / "plan.json"
    made = cli("groups", str(people), "--count", "6", "--rounds", "2", "--balance",
               "Organisation", "--seed", "1", "-o", str(plan))  # fmt: skip
    assert made.exit_code == 0, made.output
    out = tmp_path / "week2.json"
    made = cli("groups", str(people), "--previous", str(plan), "--rounds", "3", "--balance",
               "none", "--seed", "1", "-o", str(out))  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "balanced on" not in made.output
    assert json.loads(out.read_text())["settings"]["balance"] == []
    week2 = liftkit.split_groups(liftkit.read_attendees(people), previous=plan, rounds=3,
                                 balance="none", seed=1)  # fmt: skip
    assert week2.settings["balance"] == [] and not any("balanced on" in n for n in week2.notes)
    both = cli("groups", str(people), "--balance", "none", "--balance", "Organisation")
    assert both.exit_code == 2 and both.stderr == (
        "Error: --balance none: given with columns to balance (Organisation); give none alone "
        "for no balance, or the columns alone\n"
    )
