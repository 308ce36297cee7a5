"""Nearly Kirkman triple systems: v people in trios for (v - 2)/2 rounds without a repeat."""

import itertools
import json
from collections import Counter

import pytest

from liftkit.core.groups import nearly_kirkman, nkts_data
from liftkit.core.groups.nearly_kirkman import nearly_kirkman as build

# Orders up to 150 with a design here: stored base rounds, and 108, 126 and 144 tripled
# from 36, 42 and 48 (18 is a stored schedule, stored.py).
TRIPLED = [108, 126, 144]
ORDERS = [*range(24, 103, 6), 114, 120, 132, 138, 150, *TRIPLED]


def write_people(path, n):
    path.write_text("name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(n)))


def met_counts(rounds):
    met = Counter()
    for groups in rounds:
        for group in groups:
            met.update(itertools.combinations(sorted(group), 2))
    return met


@pytest.mark.parametrize(
    ("n", "v"),
    [(42, 42), (96, 96), (95, 96), (120, 120), (142, 144), (144, 144), (150, 150), (148, 150)],
)
def test_the_command_gives_every_round_of_an_nkts_without_a_repeat(cli, tmp_path, n, v):
    people = tmp_path / "people.csv"
    write_people(people, n)
    rounds = (v - 2) // 2
    result = cli("groups", str(people), "--size", "3", "--rounds", str(rounds),
                 "--seed", "1", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["rounds"]) == rounds
    named = []
    for rnd in data["rounds"]:
        groups = [sorted(m["name"] for m in g["members"]) for g in rnd["groups"]]
        assert sorted(name for group in groups for name in group) == sorted(
            f"P{i}" for i in range(n)
        )
        assert len(groups) == v // 3
        assert {len(group) for group in groups} <= {2, 3}
        named.append(groups)
    met = met_counts(named)
    assert max(met.values()) == 1
    assert data["score"]["repeat_pairs"] == 0


def test_the_covered_orders_are_stored_or_tripled():
    assert set(ORDERS) - set(TRIPLED) <= set(nkts_data.BASE_ROUNDS)
    assert not set(TRIPLED) & set(nkts_data.BASE_ROUNDS)


@pytest.mark.parametrize("v", [*ORDERS, 216])
def test_each_design_meets_every_pair_at_most_once(v):
    name, points, rounds = build(v, v // 3, v)
    assert points == v and f"NKTS({v})" in name
    assert len(rounds) == (v - 2) // 2
    for groups in rounds:
        assert sorted(p for group in groups for p in group) == list(range(v))
        assert [len(group) for group in groups] == [3] * (v // 3)
    met = met_counts(rounds)
    assert max(met.values()) == 1
    # everyone meets all but one other person, and the unmet pairs pair everyone off
    unmet = [pair for pair in itertools.combinations(range(v), 2) if pair not in met]
    assert sorted(p for pair in unmet for p in pair) == list(range(v))


@pytest.mark.parametrize("ghosts", [1, 2])
def test_one_or_two_people_fewer_leave_groups_within_one(ghosts):
    v = 66
    _, points, rounds = build(v - ghosts, v // 3, 10)
    assert points == v and len(rounds) == 10
    for groups in rounds:
        sizes = [sum(1 for p in group if p < v - ghosts) for group in groups]
        assert max(sizes) - min(sizes) <= 1


def test_a_base_round_that_repeats_a_pair_is_never_used(monkeypatch):
    trios = nkts_data.BASE_ROUNDS[42].split()
    trios[1], trios[3] = trios[3], trios[1]  # swaps two points between the first two trios
    monkeypatch.setitem(nkts_data.BASE_ROUNDS, 42, " ".join(trios))
    assert build(42, 14, 20) is None
    assert nearly_kirkman.nkts_rounds(42) is None


def test_other_sizes_and_counts_are_not_its_business():
    assert build(42, 10, 20) is None  # groups of four or five
    assert build(39, 14, 20) is None  # three ghosts would leave a group of one
    assert build(600, 200, 20) is None  # not stored
