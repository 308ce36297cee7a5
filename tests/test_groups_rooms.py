"""Facilitators keep their room from round to round: a World Café's table hosts stay at their
table while everyone else moves, and Zoom's pre-assigned rooms keep their hosts. Room
numbers are only names, so who meets whom is the engine's as before. Before, Room 3 of
round 2 was whichever group came third by size, and facilitators changed rooms each round.
The splits are read back from the command's JSON; the last test calls the matching itself."""

import itertools
import json
from collections import Counter

ORGS = ["NHS A", "Council B", "Charity C", "Care D", "Hospice E"]


def attendees(tmp_path, n, leads):
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Organisation,Role\n" + "".join(
        f"Person {i},p{i}@x.org,{ORGS[i % 5]},{'facilitator' if i in leads else 'participant'}\n"
        for i in range(n)))  # fmt: skip
    return path


def split(cli, *args):
    result = cli("groups", *args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rooms_of_leads(document):
    """facilitator -> their room's name in each round"""
    found: dict[str, list[str]] = {}
    for rnd in document["rounds"]:
        for group in rnd["groups"]:
            for member in group["members"]:
                if member.get("facilitator"):
                    found.setdefault(member["name"], []).append(group["name"])
    return found


def recount(document):
    met = Counter(
        pair
        for rnd in document["rounds"]
        for group in rnd["groups"]
        for pair in itertools.combinations(sorted(m["name"] for m in group["members"]), 2)
    )
    return sum(1 for n in met.values() if n > 1)


def test_one_facilitator_a_room_keeps_that_room_in_every_round(cli, tmp_path):
    people = attendees(tmp_path, 100, set(range(0, 100, 10)))
    document = split(cli, str(people), "--count", "10", "--rounds", "4", "--seed", "3",
                     "--balance", "organisation")  # fmt: skip
    kept = rooms_of_leads(document)
    assert len(kept) == 10
    assert all(len(rooms) == 4 and len(set(rooms)) == 1 for rooms in kept.values()), kept
    assert sorted(rooms[0] for rooms in kept.values()) == sorted(f"Room {i}" for i in range(1, 11))
    for rnd in document["rounds"]:  # listed Room 1 to Room 10 in every round
        assert [g["name"] for g in rnd["groups"]] == [f"Room {i}" for i in range(1, 11)]
    assert document["score"]["repeat_pairs"] == recount(document)


def test_fewer_facilitators_than_rooms_keep_theirs_too(cli, tmp_path):
    people = attendees(tmp_path, 42, {1, 9, 20})
    document = split(cli, str(people), "--size", "6", "--rounds", "5", "--seed", "8")
    kept = rooms_of_leads(document)
    assert len(kept) == 3 and all(len(set(rooms)) == 1 for rooms in kept.values()), kept
    assert document["score"]["repeat_pairs"] == recount(document)


def test_two_facilitators_a_room_leave_each_room_one_of_the_round_before(cli, tmp_path):
    people = attendees(tmp_path, 60, set(range(0, 60, 5)))
    document = split(cli, str(people), "--count", "6", "--rounds", "4", "--seed", "5")
    for before, after in itertools.pairwise(document["rounds"]):
        leads = {g["name"]: {m["name"] for m in g["members"] if m.get("facilitator")}
                 for g in before["groups"]}  # fmt: skip
        for group in after["groups"]:
            now = {m["name"] for m in group["members"] if m.get("facilitator")}
            assert len(now) == 2 and now & leads[group["name"]], (group["name"], now)


def test_rounds_planned_after_held_ones_keep_the_facilitators_rooms(cli, tmp_path):
    people = attendees(tmp_path, 48, set(range(0, 48, 6)))
    plan = tmp_path / "plan.json"
    first = cli("groups", str(people), "--count", "8", "--rounds", "2", "--seed", "1",
                "-o", str(plan))  # fmt: skip
    assert first.exit_code == 0, first.output
    for extra in (["--held", "2"], []):  # weeks held; an earlier plan kept and carried on
        document = split(cli, str(people), "--previous", str(plan), *extra, "--rounds", "5",
                         "--seed", "9")  # fmt: skip
        kept = rooms_of_leads(document)
        assert len(kept) == 8, extra
        assert all(len(rooms) == 5 and len(set(rooms)) == 1 for rooms in kept.values()), kept
        assert document["score"]["repeat_pairs"] == recount(document)


def test_rooms_are_matched_along_long_chains_without_recursion():
    # Room i's facilitators had rooms i and i + 1 the round before; the last room's only
    # facilitator had room 0: every room keeps one of theirs only if each of the others
    # moves one place along, a chain as long as the rooms (5,000: a recursive search for
    # it ran out of stack)
    from liftkit.core.groups.greedy import facilitators_stay

    k = 5000
    members = [[2 * i, 2 * i + 1] for i in range(k - 1)] + [[2 * k]]
    before = {2 * i: i for i in range(k - 1)} | {2 * i + 1: i + 1 for i in range(k - 1)}
    before[2 * k] = 0
    order = facilitators_stay(list(range(k)), members, before)
    assert sorted(order) == list(range(k))
    assert all(any(before[p] == place for p in members[g]) for place, g in enumerate(order))
    assert order[0] == k - 1
