"""Keep-apart sets that leave few ways to split, through `liftkit groups`: a later round the
search cannot find keeping them all takes an earlier round's rooms rather than refusing a
split that exists. Every set and every repeat is recounted from the JSON written."""

import itertools
import json
import random
import re


def _keep_apart_sets() -> tuple[list[str], list[list[str]]]:
    """30 people in five classes of six, and 60 keep-apart sets of two or three, each
    person of a set from another class: the classes are (nearly) the only split at 5
    tables."""
    r = random.Random(1)
    people = [f"Person {i + 1}" for i in range(30)]
    order = people[:]
    r.shuffle(order)
    colour = {p: i % 5 for i, p in enumerate(order)}
    sets = []
    for _ in range(60):
        colours = r.sample(range(5), r.choice([2, 3]))
        sets.append([r.choice([p for p in people if colour[p] == c]) for c in colours])
    return people, sets


def test_a_round_the_search_cannot_part_takes_an_earlier_rounds_rooms(cli, tmp_path):
    # One round came out; two were refused ("could not keep every --apart pair apart
    # (Person 6 and Person 28 in round 2): the constraints leave too few ways to split"),
    # though round 1's rooms again hold every set.
    people, sets = _keep_apart_sets()
    path = tmp_path / "names30.csv"
    path.write_text("Name\n" + "\n".join(people) + "\n")
    apart = [arg for s in sets for arg in ("--apart", ",".join(s))]
    result = cli("groups", str(path), "--count", "5", "--rounds", "2", "--seed", "1",
                 "-f", "json", *apart)  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    rooms = [[[m["name"] for m in g["members"]] for g in r["groups"]] for r in data["rounds"]]
    assert len(rooms) == 2
    for groups in rooms:
        assert sorted(n for g in groups for n in g) == sorted(people)
        where = {n: i for i, g in enumerate(groups) for n in g}
        for s in sets:
            assert len({where[n] for n in s}) == len(s), s
    met = [frozenset(pair) for groups in rooms for g in groups
           for pair in itertools.combinations(g, 2)]  # fmt: skip
    repeats = sum(1 for pair in set(met) if met.count(pair) > 1)
    assert repeats > 0 and data["score"]["repeat_pairs"] == repeats
    assert data["score"]["constraints_held"] == data["score"]["constraints_total"] == 60
    assert "round 2 has the rooms of round 1: no other split found keeps every --apart" in (
        result.stderr
    )


def test_a_pair_in_several_keep_apart_sets_is_named_once_when_they_cannot_hold(cli):
    # Four people pairwise apart at three tables cannot be: each pair sits in two of the
    # four sets of three, and the error listed it twice ("Person 1 and Person 2 in round 1;
    # Person 1 and Person 2 in round 1; …").
    names = "Name\n" + "\n".join(f"Person {i}" for i in range(1, 10)) + "\n"
    trios = itertools.combinations(range(1, 5), 3)
    sets = [",".join(f"Person {i}" for i in trio) for trio in trios]
    apart = [arg for s in sets for arg in ("--apart", s)]
    result = cli("groups", "-", "--count", "3", "--seed", "1", *apart, input=names)
    assert result.exit_code == 2
    assert "could not keep every --apart pair apart" in result.stderr
    pairs = re.findall(r"(Person \d and Person \d in round \d)", result.stderr)
    assert pairs and len(pairs) == len(set(pairs))
