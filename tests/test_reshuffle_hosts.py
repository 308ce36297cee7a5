"""A reshuffle (g, s, then y) keeps every facilitator in their room: a World Café's table
hosts stay at their tables while the others move, and in Zoom pre-assigned rooms are real
rooms. Recounted from the journal, with rooms from `--groups plan.json` (facilitators from
the plan) or from `--attendees` (a Role column of "Table host")."""

import io
import json

import pytest
from rich.console import Console
from support.live import FakeTime, ScriptedKeys, open_session

from liftkit.cli.commands.run_groups import prepare_groups
from liftkit.cli.live.fullscreen import LiveApp
from liftkit.core.live.controller import Controller

CAFE = """
title = "Café"
[[segments]]
title = "Welcome"
duration = "5m"
[[segments]]
title = "Café rounds"
duration = "32m"
kind = "breakout"
groups = 10
rounds = 4
[[segments]]
title = "Harvest"
duration = "10m"
"""


HOSTS = (3, 12, 20, 38, 41, 56, 67, 74, 85, 99)  # rows of the attendee list: table hosts
TIMES = 4  # reshuffles, one after another: each is drawn with a seed of its own


def hosts_rooms(rnd):
    """Each facilitator's room in a journalled round."""
    return {
        m["name"]: g["name"] for g in rnd["groups"] for m in g["members"] if m.get("facilitator")
    }


def reshuffled_in(tmp_path, cli, source, held):
    """100 people at 10 tables, 10 of them table hosts, over 4 rounds of 8 minutes, rooms
    from `source`; reshuffled TIMES times `held` rounds in (0: as round 1 begins; 1: 2
    minutes into round 2). The breakout's rooms as first journalled and as each reshuffle
    made them."""
    people = tmp_path / "people.csv"
    people.write_text("Name,Email,Role,Sector\n" + "".join(
        f"P{i},p{i}@x.org,{'Table host' if i in HOSTS else 'Participant'},{'ABCD'[i % 4]}\n"
        for i in range(100)
    ))  # fmt: skip
    plan = tmp_path / "plan.json"
    made = cli("groups", str(people), "--count", "10", "--rounds", "4", "--seed", "3",
               "-f", "json", "-o", str(plan))  # fmt: skip
    assert made.exit_code == 0, made.output
    time = FakeTime()
    session = open_session(tmp_path, CAFE, time)
    given = {"attendees": (people, None), "groups": (None, plan)}[source]
    groups = prepare_groups(session.agenda, *given, seed=5)
    groups.record(session)
    at = 2 + held * (8 * 60 + 120)
    keys = [(1, ["n"]), (at, ["g"])]
    keys += [(at + 1 + n, ["s", "y"]) for n in range(TIMES)] + [(at + 9, ["q", "y"])]
    controller = Controller(session, groups_view=groups.summary, reshuffle=groups.reshuffle)
    console = Console(file=io.StringIO(), width=100, height=30, force_terminal=True)
    LiveApp(controller, console, ScriptedKeys(time, keys)).run()
    events = [
        json.loads(line) for line in (session.folder / "journal.jsonl").read_text().splitlines()
    ]
    made = [e["rounds"] for e in events if e["type"] == "groups" and e["segment"] == 1]
    assert len(made) == 1 + TIMES, "every reshuffle journalled"
    return made


@pytest.mark.parametrize("held", [0, 1])
@pytest.mark.parametrize("source", ["groups", "attendees"])
def test_a_reshuffle_keeps_each_table_host_in_their_room(tmp_path, cli, source, held):
    first, *reshuffles = reshuffled_in(tmp_path, cli, source, held)
    tables = hosts_rooms(first[0])
    assert sorted(tables) == sorted(f"P{i}" for i in HOSTS)
    assert sorted(tables.values()) == sorted(f"Room {n}" for n in range(1, 11))
    assert all(hosts_rooms(rnd) == tables for rnd in first)  # the plan: hosts stay put
    before = first
    for again in reshuffles:
        assert again[:held] == first[:held]  # the rounds that ran are kept as they were
        assert again[held] != before[held]  # the rooms changed: someone moved
        for rnd in again:
            assert hosts_rooms(rnd) == tables  # every host in their room, in every round
            placed = sorted(m["name"] for g in rnd["groups"] for m in g["members"])
            assert placed == sorted(f"P{i}" for i in range(100))
        before = again
