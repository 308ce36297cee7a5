"""Breakout rooms in a running agenda: typed splits from planning to the journal and back."""

import itertools
import json

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.groups.formats import parse_groups
from liftkit.core.live.events import GroupsMade
from liftkit.core.live.records import parse_record, to_record
from liftkit.core.live.rooms import people_in, plan_from_people, plan_from_split, summary
from liftkit.core.people.reader import Person

PEOPLE = [Person(f"Person {i}", f"p{i}@example.org", {"Team": "abc"[i % 3]}) for i in range(24)]

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


def pairs(split):
    for rnd in split.rounds:
        for group in rnd.groups:
            yield from itertools.combinations(sorted(p.name for p in group.members), 2)


def test_breakouts_that_split_alike_share_rounds_so_nobody_meets_twice():
    plans = plan_from_people(AGENDA, PEOPLE, seed=5)
    assert sorted(plans) == [1, 3, 4]
    assert [r.number for r in plans[3].rounds] == [1, 2]  # numbered within the segment
    met = list(pairs(plans[1])) + list(pairs(plans[3]))
    assert len(met) == len(set(met))  # three rounds of fours: no pair twice
    for split in plans.values():
        for rnd in split.rounds:
            placed = [p.name for g in rnd.groups for p in g.members]
            assert sorted(placed) == sorted(p.name for p in PEOPLE)
    assert all(len(g.members) == 2 for g in plans[4].rounds[0].groups)


def test_the_same_seed_gives_the_same_groups():
    assert plan_from_people(AGENDA, PEOPLE, 9) == plan_from_people(AGENDA, PEOPLE, 9)
    assert plan_from_people(AGENDA, PEOPLE, 9) != plan_from_people(AGENDA, PEOPLE, 10)


def test_a_groups_file_gives_its_rounds_to_the_breakouts_in_order():
    data = {
        "seed": 1,
        "rounds": [{"round": 1, "groups": [{"name": "Room 1", "members": ["Ada", "Bo"]}]}],
    }
    plans, notes = plan_from_split(AGENDA, parse_groups(json.dumps(data)))
    assert sorted(plans) == [1, 3, 4]
    assert notes and "used again" in notes[0]
    assert [p.name for p in people_in(plans[3])] == ["Ada", "Bo"]


def test_the_summary_follows_the_round_being_held():
    plans = plan_from_people(AGENDA, PEOPLE, seed=5)
    segment = AGENDA.segments[3]
    first = summary(segment, plans[3], elapsed=100, duration=1200)
    second = summary(segment, plans[3], elapsed=700, duration=1200)
    assert first.title.startswith("Groups: round 1 of 2 · 6 rooms of 4 · 24 people · seed")
    assert "round 2 of 2" in second.title
    assert first.rooms != second.rooms


def test_groups_go_into_the_journal_and_come_back_as_the_same_split():
    split = plan_from_people(AGENDA, PEOPLE, seed=5)[3]
    record = json.loads(json.dumps(to_record(GroupsMade(mono=1.0, segment=3, split=split))))
    assert set(record) == {"seq", "type", "wall", "mono", "segment", "seed", "rounds", "score"}
    back = parse_record(record)
    assert isinstance(back, GroupsMade) and back.segment == 3
    assert back.split.rounds == split.rounds and back.split.seed == split.seed
    # The people keep what the attendee file said of them (a reshuffle can balance on it).
    assert people_in(back.split)[0].attributes == {"Team": people_in(split)[0].attributes["Team"]}
