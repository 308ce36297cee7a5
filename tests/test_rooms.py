"""Breakout rooms in a running agenda: typed splits from planning to the journal and back."""

import itertools
import json
import subprocess
import sys
import time

import pytest
from test_run_plain import wait_for_event

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.groups.formats import parse_groups
from liftkit.core.live.events import GroupsMade
from liftkit.core.live.records import parse_record, to_record
from liftkit.core.live.rooms import people_in, plan_from_people, plan_from_split, summary
from liftkit.core.live.round_times import round_lengths
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
    first = summary(segment, plans[3], elapsed=100, lengths=(600, 600))
    second = summary(segment, plans[3], elapsed=700, lengths=(600, 600))
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


# --------------------------------------------------------------------------- same_groups

TROIKA = Agenda(
    title="Troika",
    segments=(
        Segment("Set-up", 120, "welcome"),
        Segment("Round 1", 240, "breakout", group_size=3),
        Segment("Round 2", 240, "breakout", same_groups=True),
        Segment("Round 3", 240, "breakout", same_groups=True),
        Segment("Pairs", 120, "breakout", group_size=3),
    ),
)


def rooms_of(split):
    return sorted(sorted(p.name for p in g.members) for g in split.rounds[0].groups)


def test_same_groups_keeps_the_rooms_of_the_breakout_before():
    # Troika consulting: the same three people in every round; a later breakout that
    # splits afresh still meets new people.
    plans = plan_from_people(TROIKA, PEOPLE, seed=3)
    assert rooms_of(plans[1]) == rooms_of(plans[2]) == rooms_of(plans[3])
    assert len(plans[2].rounds) == 1
    fresh = set(pairs(plans[4]))
    assert fresh and not fresh & set(pairs(plans[1]))
    data = {"rounds": [{"groups": [{"members": ["Ada", "Bo"]}]},
                       {"groups": [{"members": ["Ada"]}, {"members": ["Bo"]}]}]}  # fmt: skip
    from_file, notes = plan_from_split(TROIKA, parse_groups(json.dumps(data)))
    assert (
        rooms_of(from_file[1])
        == rooms_of(from_file[2])
        == rooms_of(from_file[3])
        == [["Ada", "Bo"]]
    )
    assert rooms_of(from_file[4]) == [["Ada"], ["Bo"]] and notes == []


def reshuffled_in_round_2(tmp_path, agenda, people, seed):
    """Run the agenda in --plain mode, reshuffle the rooms of its second segment (n, g, y)
    once the first has met (a rehearsal at 600 times: 0.3 s are three minutes), quit;
    segment -> the rooms of each `groups` event the journal holds for it, in order."""
    sessions = tmp_path / "sessions"
    proc = subprocess.Popen(
        [sys.executable, "-m", "liftkit", "run", str(agenda), "--attendees", str(people),
         "--plain", "--seed", str(seed), "--sessions", str(sessions), "--rehearse", "600"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    wait_for_event(sessions, "segment_start")
    time.sleep(0.3)
    out, err = proc.communicate("n\ng\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    assert "Groups reshuffled" in out
    made: dict[int, list] = {}
    for line in (next(sessions.iterdir()) / "journal.jsonl").read_text().splitlines():
        event = json.loads(line)
        if event["type"] == "groups":
            made.setdefault(event["segment"], []).append(event["rounds"][0]["groups"])
    return made


def test_reshuffled_rooms_carry_on_into_the_segments_that_keep_them(tmp_path):
    agenda = tmp_path / "troika.toml"
    agenda.write_text(
        'title = "Troika"\n'
        + "".join(
            f'[[segments]]\ntitle = "Round {n}"\nduration = "4m"\nkind = "breakout"\n{extra}\n'
            for n, extra in (
                (1, "group_size = 3"),
                (2, "same_groups = true"),
                (3, "same_groups = true"),
            )
        )
    )
    people = tmp_path / "people.csv"
    people.write_text("name\n" + "".join(f"P{i}\n" for i in range(12)))
    made = {
        segment: [sorted(sorted(m["name"] for m in g["members"]) for g in groups)
                  for groups in made]
        for segment, made in reshuffled_in_round_2(tmp_path, agenda, people, 1).items()
    }  # fmt: skip
    first, reshuffled = made[1]  # round 2 was reshuffled while it ran
    assert first == made[0][0] and reshuffled != first
    assert made[2][-1] == reshuffled  # round 3 keeps the reshuffled rooms
    assert all(len(room) == 3 for room in reshuffled)


ONE_TWO_FOUR = Agenda(
    title="1-2-4-All",
    segments=(
        Segment("In pairs", 120, "breakout", group_size=2),
        Segment("In fours", 240, "breakout", join_groups=2),
    ),
)


def test_join_groups_makes_fours_of_two_pairs_each():
    for count in (8, 10, 11):
        people = PEOPLE[:count]
        plans = plan_from_people(ONE_TWO_FOUR, people, seed=2)
        pairs_now = [frozenset(p.name for p in g.members) for g in plans[0].rounds[0].groups]
        fours = [{p.name for p in g.members} for g in plans[1].rounds[0].groups]
        # every pair sits whole in one four, and everyone is in exactly one four
        assert all(sum(pair <= four for four in fours) == 1 for pair in pairs_now)
        assert sorted(n for four in fours for n in four) == sorted(p.name for p in people)
        assert len(fours) == len(pairs_now) // 2
        assert [g.name for g in plans[1].rounds[0].groups] == [
            f"Room {n}" for n in range(1, len(fours) + 1)
        ]


def test_join_groups_shares_the_rooms_out_evenly():
    # 6 pairs joined four at a time: two rooms of three pairs, not one of all six
    in_eights = Agenda("x", (ONE_TWO_FOUR.segments[0], Segment("Eights", 240, "breakout",
                                                               join_groups=4)))  # fmt: skip
    for count, sizes in ((12, [6, 6]), (14, [8, 6]), (18, [10, 8]), (6, [6])):
        plans = plan_from_people(in_eights, PEOPLE[:count], seed=1)
        assert [len(g.members) for g in plans[1].rounds[0].groups] == sizes


def test_the_pairs_room_of_three_joins_a_room_that_takes_fewer_rooms():
    # 23 people: 11 pairs' rooms, one of 3, joined two at a time into 5 rooms, one of which
    # takes three rooms; the three went there too, making a room of 7 among fours.
    for count, sizes in ((23, [4, 4, 4, 5, 6]), (11, [5, 6]), (15, [4, 5, 6]), (6, [6])):
        plans = plan_from_people(ONE_TWO_FOUR, PEOPLE[:count], seed=2)
        pairs_now = [frozenset(p.name for p in g.members) for g in plans[0].rounds[0].groups]
        fours = [{p.name for p in g.members} for g in plans[1].rounds[0].groups]
        assert sorted(len(four) for four in fours) == sizes
        assert all(sum(pair <= four for four in fours) == 1 for pair in pairs_now)


def test_reshuffled_fours_are_still_made_of_whole_pairs(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("name\n" + "".join(f"P{i}\n" for i in range(12)))
    sessions = tmp_path / "sessions"
    result = subprocess.run(
        [sys.executable, "-m", "liftkit", "run", "1-2-4-all", "--attendees", str(people),
         "--plain", "--seed", "3", "--sessions", str(sessions)],
        input="n\nn\ng\ny\nq\ny\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    made: dict[int, list] = {}
    for line in (next(sessions.iterdir()) / "journal.jsonl").read_text().splitlines():
        event = json.loads(line)
        if event["type"] == "groups":
            rooms = [{m["name"] for m in g["members"]} for g in event["rounds"][0]["groups"]]
            made.setdefault(event["segment"], []).append(rooms)
    pairs, (_, reshuffled) = made[1][-1], made[2]
    assert len(reshuffled) == 3
    for four in reshuffled:  # new fours (drawn by a new seed), each of two whole pairs
        assert sum(pair <= four for pair in pairs) == 2 and len(four) == 4


def test_min_group_size_leaves_no_room_smaller():
    # Troika needs three: 22 people in threes made two rooms of 2; now one room of 4
    troika = Agenda("x", (Segment("Round 1", 240, "breakout", group_size=3, min_group_size=3),))
    for count in range(6, 24):
        sizes = [
            len(g.members) for g in plan_from_people(troika, PEOPLE[:count], 1)[0].rounds[0].groups
        ]
        assert sum(sizes) == count and min(sizes) >= 3 and max(sizes) - min(sizes) <= 1
        assert len(sizes) == count // 3  # as many rooms as whole threes


def test_every_breakout_shows_the_seed_that_makes_its_groups_again():
    # The fours showed seed 5 and the pairs seed 6 (5 + their place among the ways the
    # agenda splits), where `liftkit run --seed 5` is what makes both again.
    import random

    from liftkit.core.groups.split import split_for_segment

    plans = plan_from_people(AGENDA, PEOPLE, seed=5)
    for i, split in plans.items():
        segment = AGENDA.segments[i]
        assert split.seed == 5
        assert summary(segment, split, 0, round_lengths(segment)).title.endswith(" · seed 5")
    # and the same --seed still makes the same groups as before
    pairs_before = split_for_segment(PEOPLE, 2, None, 1, random.Random(6), 6)
    assert plans[4].rounds == pairs_before.rounds


def test_one_room_is_said_in_the_singular():
    # Three people in a breakout of fours showed "Groups: 1 rooms of 3 · 3 people".
    three = [Person(name) for name in ("Ada", "Bo", "Cy")]
    segment = AGENDA.segments[3]
    plans = plan_from_people(AGENDA, three, seed=5)
    title = summary(segment, plans[3], elapsed=0, lengths=round_lengths(segment)).title
    rooms = len(plans[3].rounds[0].groups)
    assert rooms == 1 and "1 room of 3 · 3 people" in title and "rooms" not in title


def test_a_round_picked_near_the_end_of_a_plan_counts_the_breakouts_in_the_agenda():
    # 4 breakout rounds in AGENDA; from round 3 of a plan of 4 there are 2 for them
    data = {"seed": 1, "rounds": [
        {"round": r, "groups": [{"name": "Room 1", "members": ["Ada", "Bo"]}]} for r in (1, 2, 3, 4)
    ]}  # fmt: skip
    plans, notes = plan_from_split(AGENDA, parse_groups(json.dumps(data)), first=3)
    assert sorted(plans) == [1, 3, 4]
    assert notes == [
        "the groups file has 2 rounds from round 3 for 4 breakout rounds; "
        "the last round is used again"
    ]


def test_a_reshuffled_round_avoids_who_met_before_it_and_the_rounds_after_follow(tmp_path):
    # A World Cafe of three rounds at 6 tables, with a table host at each: the host reshuffles
    # round 2 while it runs. Round 2 and round 3 are planned again after round 1, as
    # `liftkit groups --held 1` would plan them: nobody meets anyone twice in the three, and
    # each table host keeps their room. Before, round 2 was split afresh as if round 1 had
    # not happened, and round 3 kept rooms planned against the round 2 that was replaced.
    agenda = tmp_path / "cafe.toml"
    agenda.write_text('title = "Cafe"\n' + "".join(
        f'[[segments]]\ntitle = "Round {n}"\nduration = "5m"\nkind = "breakout"\ngroups = 6\n'
        for n in (1, 2, 3)))  # fmt: skip
    people = tmp_path / "people.csv"
    hosts = {1, 5, 9, 14, 18, 22}
    people.write_text("name,role\n" + "".join(
        f"P{i},{'Table host' if i in hosts else ''}\n" for i in range(24)))  # fmt: skip
    made = reshuffled_in_round_2(tmp_path, agenda, people, 3)
    assert len(made[1]) == 2 and len(made[2]) == 2  # rounds 2 and 3 made again
    rounds = [made[0][-1], made[1][-1], made[2][-1]]
    assert made[1][-1] != made[1][0]
    met = [
        pair
        for groups in rounds
        for g in groups
        for pair in itertools.combinations(sorted(m["name"] for m in g["members"]), 2)
    ]
    assert len(met) == len(set(met))  # recounted: no pair twice
    for groups in rounds:  # one table host a room, and the same room each round
        leads = {g["name"]: [m["name"] for m in g["members"] if m.get("facilitator")]
                 for g in groups}  # fmt: skip
        assert all(len(names) == 1 for names in leads.values())
        assert leads == {g["name"]: [m["name"] for m in g["members"] if m.get("facilitator")]
                         for g in rounds[0]}  # fmt: skip


@pytest.mark.parametrize(("people", "size"), [(6, 3), (8, 4), (9, 3)])
def test_a_reshuffle_of_a_few_people_never_gives_back_the_rooms_there_are(people, size):
    # 6 people in rooms of three have ten ways to split; a reshuffle (s, then y) gave the
    # rooms there were back once in nine, and said "Groups reshuffled"
    from liftkit.core.live.reshuffles import reshuffle_family

    few = PEOPLE[:people]
    talk = Agenda("Talk", (Segment("Rooms", 600, "breakout", group_size=size),))
    plans = plan_from_people(talk, few, seed=2)
    rooms = {frozenset(m.name for m in g.members) for g in plans[0].rounds[0].groups}
    for seed in range(1, 201):
        again = reshuffle_family(talk, 0, few, seed, plans)[0]
        (made,) = again.rounds
        assert sorted(m.name for g in made.groups for m in g.members) == sorted(p.name for p in few)
        assert {frozenset(m.name for m in g.members) for g in made.groups} != rooms, seed


def test_a_reshuffle_of_joined_or_kept_rooms_never_gives_back_the_rooms_there_are():
    # 1-2-4-All with 8 people: the four pairs are joined in fours, and a reshuffle of the
    # fours gave back the same two fours once in three; a breakout that keeps the rooms of
    # the one before, reshuffled, made them again from 6 people in threes (once in nine)
    from liftkit.core.live.rooms import joined_again, split_again

    def rooms(split):
        (only,) = split.rounds
        return {frozenset(m.name for m in g.members) for g in only.groups}

    eight = PEOPLE[:8]
    pairs_round = Agenda("P", (Segment("Pairs", 120, "breakout", group_size=2),))
    before = plan_from_people(pairs_round, eight, seed=3)[0]
    fours = Segment("Fours", 240, "breakout", join_groups=2)
    now = joined_again(fours, before, (), 1)
    for seed in range(1, 201):
        again = joined_again(fours, before, now.rounds, seed)
        assert rooms(again) != rooms(now), seed
        assert len(rooms(again)) == 2 and all(  # each four is two pairs of before, whole
            sum(pair <= four for pair in rooms(before)) == 2 for four in rooms(again)
        )
    six = PEOPLE[:6]
    threes = Segment("Threes", 300, "breakout", group_size=3)
    kept = Segment("Again", 300, "breakout", same_groups=True)
    now = split_again(kept, threes, six, (), 1)
    for seed in range(1, 201):
        again = split_again(kept, threes, six, now.rounds, seed)
        assert rooms(again) != rooms(now) and len(rooms(again)) == 2, seed


def test_a_reshuffle_after_going_back_leaves_the_rooms_of_later_rounds_that_ran():
    # The host went back from round 3 to round 2 and reshuffles it: round 3's rooms were
    # used, so only round 2 is made again, as a plain reshuffle did before. With round 3
    # still to come, or only passed through (its rooms never met), it is planned again
    # too, and neither repeats a pair of round 1.
    from liftkit.core.live.reshuffles import reshuffle_family

    cafe = Agenda("Cafe", tuple(Segment(f"R{n}", 300, "breakout", groups=6) for n in range(3)))
    plans = plan_from_people(cafe, PEOPLE, seed=2)
    assert sorted(reshuffle_family(cafe, 1, PEOPLE, 7, plans, met={0: 1, 2: 1})) == [1]
    for later in ({0: 1}, {0: 1, 2: 0}):
        again = reshuffle_family(cafe, 1, PEOPLE, 7, plans, met=later)
        assert sorted(again) == [1, 2]
        met = list(pairs(plans[0])) + list(pairs(again[1])) + list(pairs(again[2]))
        assert len(met) == len(set(met))  # recounted: round 1's pairs never again


def test_a_round_met_once_its_rooms_were_open_a_minute():
    from liftkit.core.live.met import rounds_met

    speed = Agenda("Speed", (Segment("Networking", 1800, "breakout", groups=6, rounds=3),))
    split = plan_from_people(speed, PEOPLE, seed=2)[0]  # three rounds of ten minutes
    # passed through with n, a minute in, the second round 30 s in and a minute in, overrun
    seconds = (2, 59, 60, 630, 660, 2400)
    thirds = (1800 / len(split.rounds),) * len(split.rounds)
    assert [rounds_met(thirds, t) for t in seconds] == [0, 0, 1, 1, 2, 3]
    # rounds of two minutes (a short rehearsal agenda): a quarter of one, 30 s
    short = (360 / len(split.rounds),) * len(split.rounds)
    assert [rounds_met(short, t) for t in (29, 30, 149, 150)] == [0, 1, 1, 2]


def test_a_reshuffle_after_a_breakout_passed_through_avoids_only_the_rounds_that_met():
    # A café of 9 at 3 tables over four rounds: round 1 met, round 2 was passed through with
    # n in 2 s, and round 3 is reshuffled. Its rooms and round 4's avoid round 1's pairs
    # and each other's, but not round 2's, which never met; and the message counts the
    # three rounds that meet. Before, round 2's rooms were held too: with round 1's they
    # leave only the two rounds planned, so the reshuffle met pairs again.
    from liftkit.core.live.met import rounds_met
    from liftkit.core.live.reshuffles import met_again, reshuffle_family

    nine = PEOPLE[:9]
    cafe = Agenda("Cafe", tuple(Segment(f"R{n}", 300, "breakout", groups=3) for n in range(4)))
    plans = plan_from_people(cafe, nine, seed=2)
    met = {0: rounds_met((300,), 300), 1: rounds_met((300,), 2)}
    assert met == {0: 1, 1: 0}
    again = reshuffle_family(cafe, 2, nine, 7, plans, met)
    assert sorted(again) == [2, 3] and again[2].rounds != plans[2].rounds
    held = list(pairs(plans[0])) + list(pairs(again[2])) + list(pairs(again[3]))
    assert len(held) == len(set(held))  # recounted: nobody twice in the rounds that meet
    said = met_again(cafe, 2, plans | again, met=met)
    assert said == ": nobody meets anyone again in the 3 rounds."


def test_a_reshuffle_in_the_second_round_of_a_breakout_keeps_the_first_that_ran():
    # One breakout of three rounds, reshuffled while its second is held: the first ran and
    # stays in the journal as it was, the second and third are made again after it, and
    # nobody meets anyone twice in the three. Before, all three were replaced, the first
    # with rooms that never took place.
    from liftkit.core.live.reshuffles import reshuffle_family
    from liftkit.core.live.rooms import round_now

    speed = Agenda("Speed", (Segment("Networking", 1800, "breakout", groups=6, rounds=3),))
    plans = plan_from_people(speed, PEOPLE, seed=2)
    started = round_now(plans[0], 700, (600, 600, 600))  # 11 minutes in: the second round
    assert started == 1
    again = reshuffle_family(speed, 0, PEOPLE, 7, plans, started=started)[0]
    assert again.rounds[0].groups == plans[0].rounds[0].groups
    assert again.rounds[1].groups != plans[0].rounds[1].groups
    met = list(pairs(again))
    assert len(again.rounds) == 3 and len(met) == len(set(met))  # recounted


def test_a_reshuffle_of_a_file_breakout_in_its_second_round_keeps_the_first():
    # The same with rooms from a groups file: round 1 kept, rounds 2 and 3 other rooms
    # that meet nobody of round 1 again
    from liftkit.core.live.reshuffles import reshuffle_as_file

    people = [Person(f"P{i}", f"p{i}@x.org", {}) for i in range(24)]
    three = Agenda("File", (Segment("R", 1800, "breakout", groups=6, rounds=3),))
    source = plan_from_people(three, people, seed=4)[0]
    again = reshuffle_as_file(source, 0, source, 9, started=1)
    assert again.rounds[0].groups == source.rounds[0].groups
    assert again.rounds[1:] != source.rounds[1:]
    met = [pair for rnd in again.rounds for g in rnd.groups
           for pair in itertools.combinations(sorted(p.name for p in g.members), 2)]  # fmt: skip
    assert len(met) == len(set(met))  # recounted: round 1's pairs never again
