"""A café of more people than tables squared, reshuffled live in its last round: the plan
has twins (pairs who share a table in every round, the fewest repeats such a café can
have), and the reshuffled round keeps them the only pairs who meet again. Recounted from
the rooms, by name."""

import itertools
import json
import subprocess
import sys
from collections import Counter

import pytest
from test_groups_held_design import (
    cohort,
    each_host_keeps_one_table,
    first_rounds,
    meetings,
    met_twice,
    people_file,
    planned,
    rooms,
)

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.live.reshuffles import reshuffle_family
from liftkit.core.live.rooms import plan_from_people
from liftkit.core.people.reader import Person


def cafe(count, tables, hosts, rounds):
    people = [Person(f"P{i}", f"p{i}@x.org", {"role": "Table host" if i < hosts else ""})
              for i in range(count)]  # fmt: skip
    breakouts = tuple(Segment(f"R{n}", 300, "breakout", groups=tables) for n in range(rounds))
    return people, Agenda("Cafe", breakouts)


def met_again(plans, rounds):
    met = meetings(rnd for i in range(rounds) for rnd in plans[i].rounds)
    return {pair: times for pair, times in met.items() if times > 1}


def reshuffled(people, agenda, index, seed):
    """A café's plans made with `seed`, and the same with its round `index` (from 0) and
    those after it reshuffled once the rounds before it ran."""
    plans = plan_from_people(agenda, people, seed=seed)
    return plans, plans | reshuffle_family(agenda, index, people, 10 + seed, plans)


def assert_new_rooms_for_everyone(before, after, index, rounds, people):
    """Round `index`'s rooms are others, and in every round from it everyone has one room,
    the rooms' sizes within one."""

    def rooms_of(plans):
        return {frozenset(p.name for p in g.members) for g in plans[index].rounds[0].groups}

    assert rooms_of(after) != rooms_of(before)
    for i in range(index, rounds):
        groups = after[i].rounds[0].groups
        assert sorted(p.name for g in groups for p in g.members) == sorted(p.name for p in people)
        sizes = [len(g.members) for g in groups]
        assert max(sizes) - min(sizes) <= 1


def checked_reshuffles(count, tables, hosts, rounds, index):
    """For seeds 1 and 2, a café's plans and the same with its round `index` and those
    after it reshuffled, once checked that round `index` has other rooms, everyone a room
    in every round from it, and each host one table."""
    people, agenda = cafe(count, tables, hosts, rounds)
    for seed in (1, 2):
        plan, plans = reshuffled(people, agenda, index, seed)
        assert_new_rooms_for_everyone(plan, plans, index, rounds, people)
        assert not hosts or each_host_keeps_one_table([plans[i] for i in range(rounds)])
        yield plan, plans


@pytest.mark.parametrize(
    ("count", "tables", "hosts", "rounds", "index"),
    [
        (72, 8, 0, 4, 3),
        (72, 8, 8, 4, 3),
        (110, 10, 0, 4, 3),
        (105, 10, 10, 4, 3),
        (87, 9, 0, 4, 3),
        (68, 8, 8, 5, 4),
        (87, 9, 9, 4, 2),
        (55, 7, 7, 4, 2),
        (104, 10, 0, 4, 2),
        (72, 8, 8, 4, 1),
        (105, 10, 10, 4, 1),
        (128, 11, 11, 4, 1),
        (84, 9, 0, 4, 1),
    ],
)
def test_a_cafe_with_twins_reshuffled_repeats_only_twins(count, tables, hosts, rounds, index):
    # A café of more people than tables squared, its round `index` (from 0) and those after
    # it reshuffled once the rounds before it ran. The plan's twins (pairs sharing a table
    # in every round) were the only pairs to meet again; reshuffled, many more met twice:
    # the last of four rounds, 72 at 8 tables 32-33 for 8 (110 at 10: 40-43 for 10, 105 at
    # 10 with hosts 20-27 for 5, 87 at 9: 24-27 for 6, 68 at 8 over five rounds: 13-20
    # for 4); from round 3, 87 at 9 with hosts 41-44, 55 at 7 36-37, 104 at 10 35-36; from
    # round 2, 72 at 8 with hosts 46-48, 105 at 10 with hosts 42-46, 128 at 11 55-64, 84 at
    # 9 26-33. Now twins again, as many as the plan had (from round 3 on, the plan's own),
    # each meeting in every round, and nobody else meets twice
    for plan, plans in checked_reshuffles(count, tables, hosts, rounds, index):
        twins = met_again(plan, rounds)
        assert len(twins) == count - tables * tables and set(twins.values()) == {rounds}
        again = met_again(plans, rounds)
        assert len(again) == len(twins) and set(again.values()) == {rounds}
        assert index < 2 or again == twins


@pytest.mark.parametrize("held", [2, 3, 4])
def test_a_fifth_round_after_a_plan_with_twins_repeats_only_the_twins(cli, tmp_path, held):
    # 72 people at 8 tables planned for four rounds (8 twins, each meeting in every round),
    # then `--held N --rounds 5`: rounds after the plan's came from greedy rounds and the
    # search, 91, 75 and 40 pairs meeting again; now the design's fifth round
    people = people_file(tmp_path, "cafe.csv", cohort(72))
    plan = first_rounds(cli, tmp_path, people, 8, 4)
    before = json.loads(plan.read_text())["rounds"]
    twins = set(met_again_in(before))
    assert len(twins) == 8 == json.loads(plan.read_text())["score"]["repeat_pairs"]
    after = planned(cli, tmp_path, people, plan, held, 5, 2)
    assert [rooms(r) for r in after["rounds"][:held]] == [rooms(r) for r in before[:held]]
    assert set(met_again_in(after["rounds"])) == twins
    assert after["score"]["repeat_pairs"] == 8
    for rnd in after["rounds"]:
        assert sorted(len(room) for room in rooms(rnd).values()) == [9] * 8


def met_again_in(rounds):
    met = Counter(pair for rnd in rounds for room in rooms(rnd).values()
                  for pair in itertools.combinations(room, 2))  # fmt: skip
    return [pair for pair, times in met.items() if times > 1]


@pytest.mark.parametrize("held", [1, 2])
def test_rounds_after_the_first_of_a_hosted_cafe_of_110_at_10_tables_repeat_only_twins(
    cli, tmp_path, held
):
    # The rounds that ran are all the earlier split has (as a live reshuffle's): 64 and 61
    # pairs met again in four rounds; now 10 twins, each beside the same table host in
    # every round (as the plan made afresh has them), and each host keeps one table
    people = people_file(tmp_path, "cafe.csv", cohort(110, hosts=10))
    plan = first_rounds(cli, tmp_path, people, 10, held)
    after = planned(cli, tmp_path, people, plan, held, 4, 3)
    before = json.loads(plan.read_text())["rounds"]
    assert [rooms(r) for r in after["rounds"][:held]] == [rooms(r) for r in before]
    again = Counter(pair for rnd in after["rounds"] for room in rooms(rnd).values()
                    for pair in itertools.combinations(room, 2))  # fmt: skip
    twins = [pair for pair, times in again.items() if times > 1]
    assert len(twins) == 10 == after["score"]["repeat_pairs"]
    assert all(again[pair] == 4 for pair in twins)
    for rnd in after["rounds"]:
        assert sorted(len(room) for room in rooms(rnd).values()) == [11] * 10
        hosts = [[m for m in g["members"] if m.get("facilitator")] for g in rnd["groups"]]
        assert [len(h) for h in hosts] == [1] * 10


def test_partners_two_to_a_room_are_no_hang(tmp_path):
    # 21 people at 4 tables with 4 hosts, 5 twins: two partners share a room, and the
    # search for a line through them walked a path that ran into a cycle for ever (found
    # by fuzzing this change; a subprocess, so that a hang fails rather than stops the suite)
    script = """
import random
from dataclasses import replace
from liftkit.core.groups.split import SplitRequest, split_into_groups
from liftkit.core.people.reader import Person
people = [Person(f"P{i}", f"p{i}@x.org", {"role": "facilitator" if i < 4 else ""})
          for i in range(21)]
plan = split_into_groups(people, SplitRequest(count=4, rounds=5), random.Random(30))
held = replace(plan, rounds=plan.rounds[:2])
after = split_into_groups(people, SplitRequest(count=4, rounds=3, previous=held, held=2),
                          random.Random(5))
print(sorted(len(g.members) for g in after.rounds[-1].groups))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "[5, 5, 5, 6]"


def test_a_balanced_cafe_with_twins_keeps_its_balance_after_three_held_rounds(cli, tmp_path):
    # 72 people of four organisations at 8 tables with a host at each, balanced, the first
    # three rounds held: 35 pairs met again in the fourth; now the plan's 8 twins, and every
    # table holds each organisation's share (recounted)
    rows = [(f"Person {i}", f"O{i % 4}", "Table host" if i < 8 else "") for i in range(72)]
    people = people_file(tmp_path, "cafe.csv", rows)
    plan = first_rounds(cli, tmp_path, people, 8, 3, "--balance", "organisation")
    after = planned(cli, tmp_path, people, plan, 3, 4, 3, "--balance", "organisation")
    assert len(met_again_in(after["rounds"])) == 8 == after["score"]["repeat_pairs"]
    for rnd in after["rounds"]:
        for group in rnd["groups"]:
            counts = Counter(m["attributes"]["organisation"] for m in group["members"])
            assert sorted(counts.values()) == [2, 2, 2, 3]
            assert sum(bool(m.get("facilitator")) for m in group["members"]) == 1


@pytest.mark.parametrize(
    ("count", "tables", "hosts"), [(150, 12, 12), (59, 9, 9), (39, 6, 6), (42, 6, 0)]
)
def test_a_reshuffle_with_rounds_to_come_meets_no_more_pairs_again_than_the_plan(
    count, tables, hosts
):
    # Reshuffled in round 3 of 4, the rounds made again after the two that ran met more
    # pairs again than the plan's rounds 3 and 4 did: 150 at 12 tables with hosts 59-65
    # for the plan's 6 twins (12 is no prime power), 59 at 9 with hosts 2 for 0, 39 at 6
    # with hosts 22 for 19, 42 at 6 36 for 34. Now never more than the plan: where the
    # search does worse, the planned rounds come in another order, other rooms first
    for plan, plans in checked_reshuffles(count, tables, hosts, 4, 2):
        assert len(met_again(plans, 4)) <= len(met_again(plan, 4))


@pytest.mark.parametrize("held", [2, 3])
def test_twins_stay_the_only_repeats_when_someone_else_leaves(cli, tmp_path, held):
    # 72 people at 8 tables planned for four rounds (8 twins), one of the others gone, the
    # rest planned again after `--held 2` or `3`: the search spread what it could not
    # avoid over 43 or 29 pairs meeting twice (as costly, by its count, as 8 pairs meeting
    # in four rounds); the earlier plan's rounds without the leaver meet only the twins
    people = cohort(72)
    plan = first_rounds(cli, tmp_path, people_file(tmp_path, "cafe.csv", people), 8, 4)
    before = json.loads(plan.read_text())["rounds"]
    twins = set(met_again_in(before))
    gone = next(p for p in people if all(p[0].lower().replace(" ", ".") + "@x.org" not in pair
                                         for pair in twins))  # fmt: skip
    now = people_file(tmp_path, "now.csv", [p for p in people if p != gone])
    after = planned(cli, tmp_path, now, plan, held, 4, 1)
    assert set(met_again_in(after["rounds"])) == twins
    assert after["score"]["repeat_pairs"] == 8
    assert [rooms(r) for r in after["rounds"][:held]] == [rooms(r) for r in before[:held]]
    for rnd in after["rounds"][held:]:  # the rounds to come: everyone here, once
        assert sorted(len(room) for room in rooms(rnd).values()) == [8] + [9] * 7
        placed = sorted(who for room in rooms(rnd).values() for who in room)
        assert placed == sorted(f"person.{i}@x.org" for i in range(72) if f"Person {i}" != gone[0])


def test_more_twins_than_tables_after_one_held_round_meet_only_as_twins_for_every_seed():
    # 112 people at 10 tables with a host each: 12 twins, so two rooms have two partners,
    # one of them no host. After one held round, one seed in four met 75-77 pairs again
    # (the design laid on the held round left two partners at one table, and the search
    # took over); now another design is laid then, and every seed meets only the 12 twins
    import random
    from dataclasses import replace

    from liftkit.core.groups.split import SplitRequest, split_into_groups

    people, _ = cafe(112, 10, 10, 4)
    plan = split_into_groups(people, SplitRequest(count=10, rounds=4), random.Random(1))
    held = replace(plan, rounds=plan.rounds[:1])
    for seed in range(1, 9):
        request = SplitRequest(count=10, rounds=4, previous=held, held=1)
        after = split_into_groups(people, request, random.Random(seed), seed=seed)
        again = met_again({0: after}, 1)
        assert len(again) == 12 and set(again.values()) == {4}, seed
        for rnd in after.rounds:
            assert sorted(len(g.members) for g in rnd.groups) == [11] * 8 + [12] * 2
            assert [sum(p.attributes["role"] == "Table host" for p in g.members)
                    for g in rnd.groups] == [1] * 10  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_plan_carried_on_after_three_left_and_two_joined_meets_only_its_twins(
    cli, tmp_path, seed
):
    # 72 people at 8 tables planned for four rounds with seed 2 (its 8 twins), three gone
    # and two come after round 1, planned again with `--held 1`: greedy rounds and the
    # search from them met 36-38 pairs twice, which its cost (a pair meeting in every round
    # counts six times) put below the earlier plan carried on, meeting 8 pairs again. The
    # score counts pairs: half of them or fewer, the plan carried on is kept.
    people = cohort(72)
    made = cli("groups", str(people_file(tmp_path, "cafe.csv", people)), "--count", "8",
               "--rounds", "4", "--seed", "2", "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    twins = met_twice(json.loads((tmp_path / "plan.json").read_text())["rounds"])
    here = [*people[3:], ("Joiner A", "Org A", ""), ("Joiner B", "Org B", "")]
    now = people_file(tmp_path, "now.csv", here)
    after = planned(cli, tmp_path, now, tmp_path / "plan.json", 1, 4, seed)
    assert met_twice(after["rounds"]) == after["score"]["repeat_pairs"] <= twins == 8
    for rnd in after["rounds"][1:]:  # the rounds to come: everyone here, once
        placed = sorted(who for room in rooms(rnd).values() for who in room)
        assert placed == sorted(f"{who.lower().replace(' ', '.')}@x.org" for who, _, _ in here)
