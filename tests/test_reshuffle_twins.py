"""A café of more people than tables squared, reshuffled live in its last round: the plan
has twins (pairs who share a table in every round, the fewest repeats such a café can
have), and the reshuffled round keeps them the only pairs who meet again. Recounted from
the rooms, by name."""

import itertools
import json
from collections import Counter

import pytest
from test_groups_held_design import (
    cohort,
    each_host_keeps_one_table,
    first_rounds,
    meetings,
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
    return {pair for pair, times in met.items() if times > 1}


@pytest.mark.parametrize(
    ("count", "tables", "hosts", "rounds"),
    [
        (72, 8, 0, 4),
        (72, 8, 8, 4),
        (110, 10, 0, 4),
        (105, 10, 10, 4),
        (87, 9, 0, 4),
        (68, 8, 8, 5),
    ],
)
def test_the_last_round_of_a_cafe_with_twins_reshuffled_repeats_only_the_twins(
    count, tables, hosts, rounds
):
    # 72 at 8 tables over four rounds: the plan's 8 twins were the only pairs to meet again;
    # reshuffled in round 4, 32-33 pairs met twice (110 at 10: 40-43 for 10, 105 at 10:
    # 20-27 for 5, 87 at 9: 24-27 for 6, 68 at 8 over five rounds: 13-20 for 4)
    people, agenda = cafe(count, tables, hosts, rounds)
    last = rounds - 1
    for seed in (1, 2):
        plans = plan_from_people(agenda, people, seed=seed)
        twins = met_again(plans, rounds)
        assert len(twins) == count - tables * tables
        before = {frozenset(p.name for p in g.members) for g in plans[last].rounds[0].groups}
        plans |= reshuffle_family(agenda, last, people, 10 + seed, plans, ran=set(range(last)))
        after = plans[last].rounds[0].groups
        assert {frozenset(p.name for p in g.members) for g in after} != before
        assert sorted(p.name for g in after for p in g.members) == sorted(p.name for p in people)
        assert max(len(g.members) for g in after) - min(len(g.members) for g in after) <= 1
        assert met_again(plans, rounds) == twins
        assert not hosts or each_host_keeps_one_table([plans[i] for i in range(rounds)])


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
