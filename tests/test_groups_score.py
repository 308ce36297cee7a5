"""The score is checked on the groups that come out: spoil a split, and the score says so."""

import dataclasses
import itertools
import json
import random
from collections import Counter

import pytest

from liftkit.core.groups.bounds import NeverMeet, limit_text
from liftkit.core.groups.check import check_split
from liftkit.core.groups.formats import to_json
from liftkit.core.groups.model import Group, Round, SplitRequest
from liftkit.core.groups.setup import prepare
from liftkit.core.groups.split import split_into_groups
from liftkit.core.people.reader import Person

SECTORS = "abcdef"


def crowd(n):
    return [Person(f"P{i}", f"p{i}@x.org", {"sector": SECTORS[i % 6]}) for i in range(n)]


def recount(data, together=()):
    """Repeat pairs and most meetings, recounted from the JSON as written."""
    met = Counter()
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            names = sorted(m["name"] for m in group["members"])
            met.update(p for p in itertools.combinations(names, 2) if p not in together)
    return sum(1 for m in met.values() if m > 1), max(met.values(), default=0)


def swapped(rounds, r, a, b):
    """Round r with people a and b exchanged between their groups."""
    rnd = rounds[r]
    groups = []
    for group in rnd.groups:
        members = tuple(b if m is a else a if m is b else m for m in group.members)
        groups.append(Group(group.name, members, ()))
    return [*rounds[:r], Round(rnd.number, tuple(groups)), *rounds[r + 1 :]]


def test_a_spoilt_split_scores_what_it_shows():
    people = crowd(24)
    request = SplitRequest(size=4, rounds=3, apart=("P0,P1",), together=("P2,P3",))
    split = split_into_groups(people, request, random.Random(4))
    setup = prepare(people, request)
    assert split.score.constraints_held == 2 and split.score.repeat_pairs == 0
    # P0 moves into P1's group in round 2: the apart constraint is broken there.
    rounds = list(split.rounds)
    partner = next(
        m for g in rounds[1].groups if people[1] in g.members for m in g.members
        if m is not people[1] and m not in people[:4]
    )  # fmt: skip
    spoilt = swapped(rounds, 1, people[0], partner)
    # and round 3 seats everyone as round 2 does: every pair of round 2 meets twice.
    spoilt[2] = dataclasses.replace(spoilt[1], number=3)
    score = check_split(spoilt, setup)
    assert score.constraints_held == 1 and score.constraints_total == 2
    data = json.loads(to_json(split.__class__(tuple(spoilt), score, 4)))
    assert (score.repeat_pairs, score.most_meetings) == recount(data, {("P2", "P3")})
    assert score.repeat_pairs > 0


def test_balance_spread_is_measured_on_the_groups():
    people = crowd(36)
    request = SplitRequest(size=6, rounds=2, balance=("sector",))
    split = split_into_groups(people, request, random.Random(2))
    assert dict(split.score.spread) == {"sector": 0}
    setup = prepare(people, request)
    first = split.rounds[0].groups
    a = first[0].members[0]
    b = next(m for m in first[1].members if m.attributes["sector"] != a.attributes["sector"])
    score = check_split(swapped(list(split.rounds), 0, a, b), setup)
    assert dict(score.spread) == {"sector": 2}  # two of one value in a group, none in another


def test_reported_repeats_match_a_recount_of_the_output():
    for n, size, rounds in ((20, 4, 6), (30, 5, 8), (9, 3, 5)):
        request = SplitRequest(size=size, rounds=rounds, effort=0.05)
        split = split_into_groups(crowd(n), request, random.Random(n))
        data = json.loads(to_json(split))
        repeats, most = recount(data)
        assert data["score"]["repeat_pairs"] == repeats
        assert data["score"]["most_meetings"] == most


@pytest.mark.parametrize(
    ("n", "size", "rounds", "limit"),
    [
        (36, 6, 4, "at most 3 rounds can avoid repeats for 36 people in sixes"),
        # no nearly Kirkman triple system of order 12, though counting allows 5 rounds
        (12, 3, 5, "at most 4 rounds can avoid repeats for 12 people in trios"),
        # proven by a SAT solver (bench/sat_schedules.py), though counting allows one more
        (13, 4, 5, "at most 4 rounds can avoid repeats for 13 people in groups of 3 and 4"),
        (7, 3, 4, "at most 3 rounds can avoid repeats for 7 people in groups of 2 and 3"),
        (11, 3, 5, "at most 4 rounds can avoid repeats for 11 people in groups of 2 and 3"),
        (20, 4, 6, "at most 5 rounds can avoid repeats for 20 people in fours"),
        (22, 5, 6, "at most 5 rounds can avoid repeats for 22 people in groups of 4 and 5"),
        # one pair, said as one
        (2, 2, 2, "at most 1 round can avoid repeats for 2 people in pairs: any two rounds "
                  "share at least 1 pair"),
    ],
)  # fmt: skip
def test_the_score_says_when_zero_repeats_cannot_be_had(cli, tmp_path, n, size, rounds, limit):
    people = tmp_path / "people.csv"
    people.write_text("name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(n)))
    at_the_limit(cli, people, ["--size", str(size)], rounds, limit)


def at_the_limit(cli, people, shape, rounds, limit):
    """The split's JSON for `rounds`: repeats left (recounted) and the score's `limit`
    sentence; one round fewer has none, so the limit is reached."""
    result = cli("groups", str(people), *shape, "--rounds", str(rounds), "--seed", "1",
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert recount(data)[0] == data["score"]["repeat_pairs"] > 0
    assert data["score"]["limit"] == limit
    fewer = cli("groups", str(people), *shape, "--rounds", str(rounds - 1), "--seed", "1",
                "--format", "json")  # fmt: skip
    assert recount(json.loads(fewer.stdout))[0] == 0  # the limit is reached
    return data


@pytest.mark.parametrize(
    ("n", "count", "rounds", "leads", "limit"),
    [
        # a complete design (an affine plane: 6 rounds) makes every pair meet, facilitators too
        (25, 5, 6, 5, "with a facilitator in every group, at most 5 rounds can avoid repeats for "
                      "25 people in fives (the 5 facilitators can meet only the 20 others)"),
        (15, 4, 5, 4, "with a facilitator in every group, at most 4 rounds can avoid repeats for "
                      "15 people in groups of 3 and 4 (the 4 facilitators can meet only the 11 "
                      "others)"),
        # three facilitators stand in the three smallest rooms at best: 8 a round, 36 others
        (15, 4, 5, 3, "with no two facilitators together, at most 4 rounds can avoid repeats for "
                      "15 people in groups of 3 and 4 (the 3 facilitators can meet only the 12 "
                      "others)"),
    ],
)  # fmt: skip
def test_the_score_says_when_facilitators_make_repeats_certain(cli, tmp_path, n, count, rounds,
                                                              leads, limit):  # fmt: skip
    people = tmp_path / "people.csv"
    people.write_text("name,email,role\n" + "".join(
        f"P{i},p{i}@x.org,{'facilitator' if i < leads else ''}\n" for i in range(n)))  # fmt: skip
    data = at_the_limit(cli, people, ["--count", str(count)], rounds, limit)
    # recounted: the facilitators' meetings with the others outnumber those others
    met = sum(len(g["members"]) - 1 for r in data["rounds"] for g in r["groups"]
              if any(m.get("facilitator") for m in g["members"]))  # fmt: skip
    assert met > leads * (n - leads)


def test_zoom_limits_are_refused_before_the_split(cli, tmp_path, monkeypatch):
    import liftkit.core.groups.split as engine

    people = tmp_path / "people.csv"
    people.write_text("name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(1200)))

    def never(*args, **kwargs):
        raise AssertionError("the split ran")

    monkeypatch.setattr(engine, "split_into_groups", never)
    result = cli("groups", str(people), "--size", "20", "--format", "zoom")
    assert result.exit_code == 2
    assert "1200 participants, but Zoom pre-assigns at most 1000" in result.output
    result = cli("groups", str(people), "--size", "4", "--format", "zoom")
    assert "300 rooms, but Zoom pre-assigns at most 100" in result.output


def test_known_schedules_come_out_without_repeats_whatever_the_seed(cli, tmp_path):
    people = tmp_path / "people.csv"
    for n, shape, rounds in ((64, ("--size", "4"), 21), (27, ("--count", "6"), 5),
                             (21, ("--size", "3"), 10)):  # fmt: skip
        people.write_text("name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(n)))
        for seed in ("1", "2"):
            result = cli("groups", str(people), *shape, "--rounds", str(rounds), "--seed", seed,
                         "--format", "json")  # fmt: skip
            data = json.loads(result.stdout)
            assert len(data["rounds"]) == rounds
            for rnd in data["rounds"]:
                assert sorted(m["name"] for g in rnd["groups"] for m in g["members"]) == sorted(
                    f"P{i}" for i in range(n)
                )
            assert recount(data) == (0, 1)


@pytest.mark.parametrize(
    ("count", "words"),
    [
        ("1", "balance of sector: one group holds everyone, so there is nothing to spread"),
        ("2", "balance of sector: balanced (every group holds as many of each value)"),
        ("3", "balance of sector: balanced (counts of a value differ by at most 1 between"),
    ],
)
def test_the_balance_line_reads_right_for_one_group_and_an_even_spread(cli, tmp_path, count, words):
    # 12 people of six sectors: in one group there is nothing to spread; in two, every
    # sector has one person in each; in three, some group has two of a sector.
    people = tmp_path / "people.csv"
    people.write_text("name,sector\n" + "".join(f"P{i},{SECTORS[i % 6]}\n" for i in range(12)))
    result = cli("groups", str(people), "--count", count, "--balance", "sector", "--seed", "1")
    assert result.exit_code == 0, result.output
    assert words in result.stdout
    assert "at most 0" not in result.stdout


def test_the_count_in_the_limit_sentence_counts_the_pairs_the_balance_keeps_apart():
    # A cohort: 28 people from 7 organisations of 4 and 2 trainers, in 7 rooms, organisation
    # balanced: 43 pairs never meet, so counting allows 7 rounds, not the 8 it allows
    # without the balance; the sentence for 7 rounds said 8, the one for 8 rounds said 7.
    sizes = [5, 5, 4, 4, 4, 4, 4]
    never = NeverMeet(pairs=43, fewest_free=26, why="Organisation balanced")
    text = limit_text(sizes, 7, 23, never, kept="Organisation balanced")
    assert text.endswith("(counting allows up to 7)"), text
    assert limit_text(sizes, 8, 45, never).startswith(
        "with Organisation balanced, at most 7 rounds can avoid repeats"
    )
