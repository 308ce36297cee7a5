"""A reshuffle (g, then y) of rooms given with `liftkit run --groups FILE`: the rooms are made
again as `liftkit groups` made the file's, not as rooms made from a bare list."""

import collections
import itertools
import json
from dataclasses import replace

import pytest
from test_groups_held_design import met_twice
from test_reshuffle_message import cafe_toml
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
LEADS = [f"P{i}" for i in (0, 5, 10, 15, 20, 21)]
FACILITATING = [arg for name in LEADS for arg in ("--facilitator", name)]


def met(rounds):
    return {
        pair
        for rnd in rounds
        for group in rnd["groups"]
        for pair in itertools.combinations(sorted(m["name"] for m in group["members"]), 2)
    }


def programme(tmp_path, cli, *extra):
    """Three weeks of 24 people of four organisations in rooms of 4, as `liftkit groups`
    plans them, written to plan.json; returned as read back."""
    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Email,Organisation\n"
        + "".join(f"P{i},p{i}@example.org,Org {ORGS[i % 4]}\n" for i in range(24))
    )
    plan = tmp_path / "plan.json"
    made = cli("groups", str(people), "--size", "4", "--rounds", "3", "--balance",
               "Organisation", "--seed", "1", *extra, "-o", str(plan))  # fmt: skip
    assert made.exit_code == 0, made.output
    return json.loads(plan.read_text())


def assert_made_as_the_file_made_them(rooms, plan):
    """Week 3's rooms: everyone once in six rooms of 4, a facilitator each, marked, no
    organisation twice, and nobody with someone they met in weeks 1 and 2."""
    assert len(rooms) == 6 and sorted(len(g["members"]) for g in rooms) == [4] * 6
    placed = sorted(m["name"] for g in rooms for m in g["members"])
    assert placed == sorted(f"P{i}" for i in range(24))
    for group in rooms:
        assert [m["name"] for m in group["members"] if m.get("facilitator")] in (
            [[name] for name in LEADS]
        )
        orgs = collections.Counter(m["attributes"]["Organisation"] for m in group["members"])
        assert max(orgs.values()) == 1
    assert not met([{"groups": rooms}]) & met(plan["rounds"][:2])


def test_a_reshuffle_of_a_programme_week_keeps_facilitators_balance_and_history(tmp_path, cli):
    # Week 3 of a plan with a facilitator per room and organisations balanced: s then y
    # dropped the facilitators, put three of one organisation in a room and sat people
    # with those they met in weeks 1 and 2.
    plan = programme(tmp_path, cli, *FACILITATING)
    proc = run_plain(tmp_path, ONE_BREAKOUT, "g\ny\nq\ny\n", "--groups", "plan.json",
                     "--round", "3")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Groups reshuffled" in proc.stdout
    first, reshuffled = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    assert first["rounds"][0]["groups"] == plan["rounds"][2]["groups"]
    rooms = reshuffled["rounds"][0]["groups"]
    assert rooms != first["rounds"][0]["groups"]
    assert_made_as_the_file_made_them(rooms, plan)
    for group in rooms:  # shown as the file's rooms are
        lead = next(m["name"] for m in group["members"] if m.get("facilitator"))
        assert f"{lead} (facilitator)" in proc.stdout.split("Groups reshuffled")[-1]


def week_3_reshuffled_then_resumed(tmp_path, cli):
    """The programme's week 3 run alone (--round 3), reshuffled, quit, resumed, reshuffled
    again: the plan, and each run's output."""
    import subprocess

    from test_run_plain import LIFTKIT, env

    plan = programme(tmp_path, cli)
    proc = run_plain(tmp_path, ONE_BREAKOUT, "g\ny\nq\ny\n", "--groups", "plan.json",
                     "--round", "3")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    resumed = subprocess.run(
        [*LIFTKIT, "resume", "latest", "--sessions", "s", "--plain"],
        input="g\ny\nq\ny\n", capture_output=True, text=True, cwd=tmp_path, timeout=30,
        env=env(),
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    return plan, proc, resumed


def test_a_reshuffle_after_a_resume_still_keeps_the_weeks_before_apart(tmp_path, cli):
    # Reshuffled, quit, resumed, reshuffled again: the resumed session looked for the file's
    # round among the rooms it had last (the reshuffled ones), found none, and sat 12 pairs
    # who had met in weeks 1 and 2 together again.
    plan, _, resumed = week_3_reshuffled_then_resumed(tmp_path, cli)
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


def test_a_reshuffle_never_gives_back_the_rooms_it_had(tmp_path, cli):
    # With a facilitator each, organisations balanced and weeks 1 and 2 avoided, one
    # reshuffle in five said "Groups reshuffled" and gave back week 3's rooms unchanged
    # (these seeds among them).
    from liftkit.core.groups.formats import load_groups_file
    from liftkit.core.live.reshuffles import reshuffle_as_file

    programme(tmp_path, cli, *FACILITATING)
    source = load_groups_file(tmp_path / "plan.json")
    week3 = replace(source, rounds=source.rounds[2:])
    rooms = {frozenset(p.name for p in g.members) for g in week3.rounds[0].groups}
    for seed in (19, 40, 53, 80617, 344833, 620358, 653160, 882389, 606335, 125235):
        again = reshuffle_as_file(source, 2, week3, seed)
        assert {frozenset(p.name for p in g.members) for g in again.rounds[0].groups} != rooms
        assert again.seed is not None and seed <= again.seed < seed + 8  # its seed, as said


TWO_BREAKOUTS = (
    ONE_BREAKOUT
    + """
[[segments]]
title = "Same rooms"
duration = "10m"
kind = "breakout"
same_groups = true
"""
)


def test_a_reshuffle_of_rooms_kept_from_the_breakout_before_makes_them_as_the_file_did(
    tmp_path, cli
):
    # On a `same_groups` breakout, whose rooms are the file's week 3 kept, s then y made
    # them as from a bare list: no facilitator marked, two facilitators in one room, two of
    # one organisation together and pairs of weeks 1 and 2 again.
    plan = programme(tmp_path, cli, *FACILITATING)
    proc = run_plain(tmp_path, TWO_BREAKOUTS, "n\ng\ny\nq\ny\n", "--groups", "plan.json",
                     "--round", "3")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Groups reshuffled" in proc.stdout
    made = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    assert [e["segment"] for e in made] == [0, 1, 1]
    assert made[1]["rounds"][0]["groups"] == plan["rounds"][2]["groups"]  # kept, then
    rooms = made[2]["rounds"][0]["groups"]
    assert rooms != made[1]["rounds"][0]["groups"]
    assert_made_as_the_file_made_them(rooms, plan)
    # reshuffled on the first breakout, whose rooms the second keeps, then on the second
    (tmp_path / "s2").mkdir()
    proc = run_plain(tmp_path / "s2", TWO_BREAKOUTS, "g\ny\nn\ng\ny\nq\ny\n", "--groups",
                     str(tmp_path / "plan.json"), "--round", "3")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    made = [e for e in journal(tmp_path / "s2" / "s") if e["type"] == "groups"]
    assert [e["segment"] for e in made] == [0, 1, 0, 1, 1]
    for event in made[2:]:
        assert_made_as_the_file_made_them(event["rounds"][0]["groups"], plan)


def test_people_whose_names_differ_only_in_case_stay_two_people_in_a_reshuffle(tmp_path, cli):
    # 'Sam Lee' and 'sam lee' kept apart: every reshuffle said 'Rooms kept' ("`apart`
    # s2@x.org,s2@x.org: needs two or more different people"), both names taken for one.
    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Email\nSam Lee,s1@x.org\nsam lee,s2@x.org\n"
        + "".join(f"P{i},p{i}@x.org\n" for i in range(6))
    )
    made = cli("groups", str(people), "--count", "2", "--apart", "s1@x.org,s2@x.org",
               "--seed", "1", "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    proc = run_plain(tmp_path, ONE_BREAKOUT, "g\ny\nq\ny\n", "--groups", "plan.json")
    assert proc.returncode == 0, proc.stderr
    assert "Groups reshuffled" in proc.stdout and "Rooms kept" not in proc.stdout
    _, reshuffled = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    for group in reshuffled["rounds"][0]["groups"]:  # still apart: one of them a room
        assert [m["name"].lower() for m in group["members"]].count("sam lee") == 1


def test_a_reshuffle_keeps_the_names_the_file_gave_its_rooms(tmp_path):
    # a hand-written file with rooms "Red" and "Blue": the reshuffle named them Room 1, 2
    (tmp_path / "plan.toml").write_text(
        "[[rounds]]\nround = 1\n"
        '[[rounds.groups]]\nname = "Red"\nmembers = ["Ann", "Bo", "Cy", "Di"]\n'
        '[[rounds.groups]]\nname = "Blue"\nmembers = ["Ed", "Flo", "Gus", "Hal"]\n'
    )
    proc = run_plain(tmp_path, ONE_BREAKOUT, "g\ny\nq\ny\n", "--groups", "plan.toml")
    assert proc.returncode == 0, proc.stderr
    first, reshuffled = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    rooms = reshuffled["rounds"][0]["groups"]
    assert [g["name"] for g in rooms] == ["Red", "Blue"]
    assert rooms != first["rounds"][0]["groups"]
    assert "Red" in proc.stdout.split("Groups reshuffled")[-1]


def test_a_broken_copy_of_the_groups_file_never_stops_a_resume(tmp_path, cli):
    # The session folder's groups.json, read again on resume for reshuffles, ended the
    # resume with its JSON error: the session could not be carried on.
    import subprocess

    from test_run_plain import LIFTKIT, env

    programme(tmp_path, cli)
    proc = run_plain(tmp_path, ONE_BREAKOUT, "q\ny\n", "--groups", "plan.json", "--round", "3")
    assert proc.returncode == 0, proc.stderr
    [copy] = (tmp_path / "s").glob("*/groups.json")
    copy.write_text("{broken")
    resumed = subprocess.run(
        [*LIFTKIT, "resume", "latest", "--sessions", "s", "--plain"],
        input="r still here\ng\ny\nq\ny\n", capture_output=True, text=True, cwd=tmp_path,
        timeout=30, env=env(),
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    warning = [line for line in resumed.stderr.splitlines() if "groups.json" in line]
    assert warning and warning[0].startswith("Warning: ") and "not valid JSON" in warning[0]
    assert "Groups reshuffled" in resumed.stdout
    events = journal(tmp_path / "s")
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["still here"]


def test_a_reshuffled_round_of_a_cafe_file_avoids_the_rounds_after_it_too(tmp_path, cli):
    # A café of 60 at 10 tables from a file of four rounds: a reshuffle of round 1 or 2
    # gives other rooms that meet nobody of the file's other rounds, those after it
    # included (they keep the file's rooms). Before, 34-40 and 27-46 such pairs
    from liftkit.core.groups.formats import load_groups_file
    from liftkit.core.live.reshuffles import reshuffle_as_file

    people = tmp_path / "people.csv"
    people.write_text("name\n" + "".join(f"P{i}\n" for i in range(60)))
    plan = tmp_path / "cafe.json"
    made = cli("groups", str(people), "--count", "10", "--rounds", "4", "--seed", "1",
               "-o", str(plan))  # fmt: skip
    assert made.exit_code == 0, made.output
    source = load_groups_file(plan)
    as_dicts = json.loads(plan.read_text())["rounds"]
    for start in (0, 1):
        now = replace(source, rounds=source.rounds[start : start + 1])
        for seed in (5, 6):
            again = reshuffle_as_file(source, start, now, seed)
            rooms = [{"groups": [{"members": [{"name": p.name} for p in g.members]}
                                 for g in again.rounds[0].groups]}]  # fmt: skip
            assert met(rooms) != met(as_dicts[start : start + 1])  # other rooms
            assert not met(rooms) & met(as_dicts[:start] + as_dicts[start + 1 :])


def cafe_file(tmp_path, cli, count, tables, *extra):
    """A café of `count` people at `tables` tables over four rounds (of organisations A, B
    and C in turn), as `liftkit groups` writes it, loaded as `liftkit run --groups` loads
    it, and its rounds as written."""
    from liftkit.core.groups.formats import load_groups_file

    people = tmp_path / "people.csv"
    people.write_text("name,organisation\n" + "".join(f"P{i},{'ABC'[i % 3]}\n"
                                                      for i in range(count)))  # fmt: skip
    plan = tmp_path / "cafe.json"
    made = cli("groups", str(people), "--count", str(tables), "--rounds", "4", "--seed", "1",
               *extra, "-o", str(plan))  # fmt: skip
    assert made.exit_code == 0, made.output
    return load_groups_file(plan), json.loads(plan.read_text())["rounds"]


def as_written(split):
    return [{"groups": [{"members": [{"name": p.name} for p in g.members]}
                        for g in rnd.groups]} for rnd in split.rounds]  # fmt: skip


@pytest.mark.parametrize("count, tables", [(49, 7), (100, 10)])
def test_any_round_of_a_cafe_reshuffled_meets_nobody_of_the_others(tmp_path, cli, count, tables):
    # A café from a file, of 49 people at 7 tables or 100 at 10: a reshuffle of any of its
    # four rounds gives other rooms, everyone in them, that meet nobody of the other three
    # (another mate of their Latin squares). Before, the last round's reshuffle said "8
    # tries gave the rooms there are now", and the first one's met 50-59 pairs of rounds 2
    # to 4 again; 100 at 10 met 11-13 (the search for a mate found one about 1 time in 4)
    from liftkit.core.live.reshuffles import reshuffle_as_file

    source, written = cafe_file(tmp_path, cli, count, tables)
    for start in range(4):
        now = replace(source, rounds=source.rounds[start : start + 1])
        for seed in (5, 6):
            rooms = as_written(reshuffle_as_file(source, start, now, seed))
            assert met(rooms) != met(written[start : start + 1])
            assert not met(rooms) & met(written[:start] + written[start + 1 :])
            placed = [m["name"] for g in rooms[0]["groups"] for m in g["members"]]
            assert sorted(placed) == sorted(f"P{i}" for i in range(count))


def test_a_balanced_cafe_file_reshuffled_stays_balanced_and_meets_nobody_again(tmp_path, cli):
    # 81 people of three organisations at 9 tables, balanced (three of each a table): any
    # round reshuffled takes a mate of the other three that keeps the balance. Before,
    # a mate that broke it was mended by the search, for 10-15 pairs meeting again
    from liftkit.core.live.reshuffles import reshuffle_as_file

    source, written = cafe_file(tmp_path, cli, 81, 9, "--balance", "organisation")
    for start in range(4):
        now = replace(source, rounds=source.rounds[start : start + 1])
        again = reshuffle_as_file(source, start, now, 7)
        rooms = as_written(again)
        assert met(rooms) != met(written[start : start + 1])
        assert not met(rooms) & met(written[:start] + written[start + 1 :])
        for group in again.rounds[0].groups:
            orgs = collections.Counter(p.attributes["organisation"] for p in group.members)
            assert sorted(orgs.values()) == [3, 3, 3]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_a_file_cafe_reshuffled_before_its_last_round_meets_nobody_again(tmp_path, cli, index):
    # 100 people at 10 tables with a table host at each, four rounds from `liftkit groups`
    # (nobody meets twice), run as four breakouts and reshuffled in round 1, 2 or 3: 10-13
    # pairs met again (only the last round has another mate that keeps the hosts apart).
    # Now the file's rounds to come in another order, other rooms first: still nobody
    people = tmp_path / "people.csv"
    people.write_text("name,email,role\n" + "".join(
        f"P{i},p{i}@x.org,{'Table host' if i < 10 else ''}\n" for i in range(100)))  # fmt: skip
    made = cli("groups", str(people), "--count", "10", "--rounds", "4", "--seed", "1",
               "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    plan = json.loads((tmp_path / "plan.json").read_text())
    assert met_twice(plan["rounds"]) == 0
    commands = "n\n" * index + "g\ny\nq\ny\n"
    proc = run_plain(tmp_path, cafe_toml(4, 10), commands, "--groups", "plan.json")
    assert proc.returncode == 0, proc.stderr
    assert "nobody meets anyone again in the 4 rounds." in proc.stdout
    events = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    latest = {e["segment"]: e["rounds"][0] for e in events}
    rounds = [latest[i] for i in range(4)]
    assert met_twice(rounds) == 0
    assert rooms_of(latest[index]) != rooms_of(plan["rounds"][index])
    assert rooms_of(latest[index]) in [rooms_of(r) for r in plan["rounds"]]
    for rnd in rounds:
        assert sorted(m["email"] for g in rnd["groups"] for m in g["members"]) == sorted(
            f"p{i}@x.org" for i in range(100)
        )
        hosts = [sum(m["email"] in {f"p{i}@x.org" for i in range(10)} for m in g["members"])
                 for g in rnd["groups"]]  # fmt: skip
        assert hosts == [1] * 10


def rooms_of(rnd):
    return {frozenset(m["email"] for m in g["members"]) for g in rnd["groups"]}


def test_a_programme_week_s_reshuffle_counts_the_file_s_other_weeks(tmp_path, cli):
    # Week 3 of three, one breakout: the reshuffle said only its seed (one round here). It
    # counts the pairs meeting again over the file's weeks, this week's rooms as they are
    # now, and does so again after a resume
    import re

    plan, proc, resumed = week_3_reshuffled_then_resumed(tmp_path, cli)
    made = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    assert len(made) == 3  # the file's week 3, then each reshuffle
    for out, event in ((proc.stdout, made[1]), (resumed.stdout, made[2])):
        weeks = [*plan["rounds"][:2], event["rounds"][0]]
        again = met_twice(weeks)
        said = re.search(r"Groups reshuffled \(seed \d+\): (.*) in the groups file's 3 rounds", out)
        assert said is not None, out
        words = "nobody meets anyone again" if again == 0 else f"{again} pairs meet again"
        assert said.group(1) == words
