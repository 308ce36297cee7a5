"""Breakout groups inside a running agenda: planning, reshuffles, the screen's summary."""

import itertools
import json
import os
import subprocess
import sys

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.groups.breakouts import people_in, plan_from_people, plan_from_split, summary
from liftkit.core.groups.formats import parse_groups
from liftkit.core.people.reader import Person

PEOPLE = [Person(f"Person {i}", f"p{i}@example.org") for i in range(24)]

AGENDA = Agenda(
    title="Two breakouts",
    segments=(
        Segment("Welcome", 300, "welcome"),
        Segment("Breakout A", 600, "breakout", group_size=4),
        Segment("Talk", 300, "talk"),
        Segment("Breakout B", 1200, "breakout", group_size=4, rounds=2),
        Segment("Pairs", 120, "breakout", group_size=2),
    ),
)


def pairs(payload):
    for rnd in payload["rounds"]:
        for group in rnd["groups"]:
            names = sorted(m["name"] for m in group["members"])
            yield from itertools.combinations(names, 2)


def test_breakouts_that_split_alike_share_rounds_so_nobody_meets_twice():
    plans = plan_from_people(AGENDA, PEOPLE, seed=5)
    assert sorted(plans) == [1, 3, 4]
    assert len(plans[1]["rounds"]) == 1 and len(plans[3]["rounds"]) == 2
    met = list(pairs(plans[1])) + list(pairs(plans[3]))
    assert len(met) == len(set(met))  # three rounds of fours: no pair twice
    for payload in plans.values():
        for rnd in payload["rounds"]:
            placed = [m["name"] for g in rnd["groups"] for m in g["members"]]
            assert sorted(placed) == sorted(p.name for p in PEOPLE)
    assert all(len(g["members"]) == 2 for g in plans[4]["rounds"][0]["groups"])


def test_the_same_seed_gives_the_same_groups():
    assert plan_from_people(AGENDA, PEOPLE, 9) == plan_from_people(AGENDA, PEOPLE, 9)
    assert plan_from_people(AGENDA, PEOPLE, 9) != plan_from_people(AGENDA, PEOPLE, 10)


def test_a_groups_file_gives_its_rounds_to_the_breakouts_in_order():
    data = {
        "seed": 1,
        "rounds": [
            {
                "round": 1,
                "groups": [{"name": "Room 1", "members": [{"name": "Ada"}, {"name": "Bo"}]}],
            },
        ],
        "score": {"repeat_pairs": 0},
    }
    plans, notes = plan_from_split(AGENDA, parse_groups(json.dumps(data)))
    assert sorted(plans) == [1, 3, 4]
    assert notes and "used again" in notes[0]
    assert [p.name for p in people_in(plans[1])] == ["Ada", "Bo"]


def test_the_summary_follows_the_round_being_held():
    plans = plan_from_people(AGENDA, PEOPLE, seed=5)
    segment = AGENDA.segments[3]
    first = summary(segment, plans[3], elapsed=100, duration=1200)
    second = summary(segment, plans[3], elapsed=700, duration=1200)
    assert first.title.startswith("Groups: round 1 of 2 · 6 rooms of 4 · 24 people · seed")
    assert "round 2 of 2" in second.title
    assert first.rooms != second.rooms


def test_run_with_attendees_journals_groups_for_each_breakout(tmp_path):
    (tmp_path / "people.csv").write_text(
        "Name,Email,Sector\n" + "".join(f"P{i},p{i}@x.org,S{i % 3}\n" for i in range(12))
    )
    (tmp_path / "a.toml").write_text(
        'title = "T"\n[[segments]]\ntitle = "Rooms"\nduration = "1m"\nkind = "breakout"\n'
        "group_size = 3\nauto_advance = true\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    proc = subprocess.run(
        [sys.executable, "-m", "liftkit", "run", "a.toml", "--attendees", "people.csv",
         "--seed", "3", "--rehearse", "120", "--sessions", "s"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=30,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "seed 3" in proc.stderr
    (folder,) = (tmp_path / "s").iterdir()
    assert (folder / "attendees.csv").read_bytes() == (tmp_path / "people.csv").read_bytes()
    events = [json.loads(x) for x in (folder / "journal.jsonl").read_text().splitlines()]
    (groups,) = [e for e in events if e["type"] == "groups"]
    assert groups["segment"] == 0 and groups["seed"] == 3
    assert [len(g["members"]) for g in groups["rounds"][0]["groups"]] == [3, 3, 3, 3]


def test_run_rejects_a_bad_attendee_file_before_making_a_session(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.csv").write_bytes(b"\x00\x01\x02binary")
    result = cli("run", "community-conversation", "--attendees", "bad.csv")
    assert result.exit_code == 2 and "bad.csv" in result.output
    result = cli("run", "community-conversation", "--attendees", "bad.csv", "--groups", "g.json")
    assert result.exit_code == 2 and "not both" in result.output
    assert not (tmp_path / "liftkit-sessions").exists()
