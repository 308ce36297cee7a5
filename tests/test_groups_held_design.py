"""Rounds planned after held ones (`--held`, a live reshuffle) start where nobody meets
anyone twice: the earlier plan's weeks to come, continued for the people there now, or a
design with the held rounds laid on its own. Before, greedy rounds after the held ones and
the search left 19-25 repeats for 100 people at 10 tables over four rounds, one held, and
173 for 49 people in sevens over eight. Everything is recounted from the output."""

import itertools
import json
import random
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import liftkit
from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.live.reshuffles import reshuffle_family
from liftkit.core.live.rooms import plan_from_people
from liftkit.core.people.reader import Person

ORGS = ["NHS Trust", "Council", "Charity", "GP Practice", "Care Home"]


def people_file(tmp_path, name, rows):
    """rows: (name, organisation, role); emails from the names."""
    path = tmp_path / name
    lines = [
        f"{who},{who.lower().replace(' ', '.')}@x.org,{org},{role}\n" for who, org, role in rows
    ]
    path.write_text("name,email,organisation,role\n" + "".join(lines))
    return path


def cohort(count, hosts=0):
    return [(f"Person {i}", ORGS[i % 5], "Table host" if i < hosts else "") for i in range(count)]


def rooms(rnd):
    return {g["name"]: sorted(m["email"] for m in g["members"]) for g in rnd["groups"]}


def met_twice(rounds):
    """Pairs in one room in more than one round, recounted by email."""
    met = Counter(pair for rnd in rounds for room in rooms(rnd).values()
                  for pair in itertools.combinations(room, 2))  # fmt: skip
    return sum(1 for times in met.values() if times > 1)


def meetings(rounds):
    """How often each pair of a library split's rounds met, recounted by name."""
    rooms = [sorted(p.name for p in g.members) for rnd in rounds for g in rnd.groups]
    return Counter(pair for room in rooms for pair in itertools.combinations(room, 2))


def each_host_keeps_one_table(splits):
    """Whether every table has one host, the same in the first round of every split (the
    breakouts of a café), recounted from the rooms."""
    tables = [{g.name: [p.name for p in g.facilitators] for g in split.rounds[0].groups}
              for split in splits]  # fmt: skip
    return all(len(hosts) == 1 for hosts in tables[0].values()) and all(
        hosts == tables[0] for hosts in tables
    )


def planned(cli, tmp_path, now, plan, held, rounds, seed, *extra):
    result = cli("groups", str(now), "--previous", str(plan), "--held", str(held), "--rounds",
                 str(rounds), "--seed", str(seed), *extra, "-f", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_held_kept_and_no_repeat(after, plan, held):
    """Nobody meets twice (recounted, and as scored), and the held rounds are the plan's."""
    assert met_twice(after["rounds"]) == 0 == after["score"]["repeat_pairs"]
    assert [rooms(r) for r in after["rounds"][:held]] == [
        rooms(r) for r in json.loads(plan.read_text())["rounds"][:held]
    ]


def first_rounds(cli, tmp_path, people, count, rounds, *extra):
    plan = tmp_path / "plan.json"
    made = cli("groups", str(people), "--count", str(count), "--rounds", str(rounds), "--seed",
               "1", *extra, "-o", str(plan))  # fmt: skip
    assert made.exit_code == 0, made.output
    return plan


@pytest.mark.parametrize("held", [1, 2])
def test_a_cafe_of_100_at_10_tables_planned_after_its_held_rounds_repeats_nobody(
    cli, tmp_path, held
):
    # The rounds that ran are all the earlier split has (as in a live reshuffle): the rest
    # come from the Latin squares the held rounds are laid on, table hosts on a common
    # transversal, so each stays at their table and meets nobody twice
    people = people_file(tmp_path, "cafe.csv", cohort(100, hosts=10))
    plan = first_rounds(cli, tmp_path, people, 10, held)
    before = json.loads(plan.read_text())["rounds"]
    for seed in (2, 3):
        after = planned(cli, tmp_path, people, plan, held, 4, seed)
        assert [rooms(r) for r in after["rounds"][:held]] == [rooms(r) for r in before]
        assert met_twice(after["rounds"]) == 0 == after["score"]["repeat_pairs"]
        everyone = sorted(f"person.{i}@x.org" for i in range(100))
        for rnd in after["rounds"]:
            assert sorted(e for room in rooms(rnd).values() for e in room) == everyone
            hosts = {g["name"]: [m["name"] for m in g["members"] if m.get("facilitator")]
                     for g in rnd["groups"]}  # fmt: skip
            assert hosts == {f"Room {i + 1}": [f"Person {i}"] for i in range(10)}, hosts


def test_49_people_in_sevens_after_a_held_round_have_seven_more_without_a_repeat(cli, tmp_path):
    people = people_file(tmp_path, "people.csv", cohort(49))
    plan = first_rounds(cli, tmp_path, people, 7, 1)
    after = planned(cli, tmp_path, people, plan, 1, 8, 4)
    assert len(after["rounds"]) == 8
    assert met_twice(after["rounds"]) == 0 == after["score"]["repeat_pairs"]


@pytest.mark.parametrize(("joined", "most"), [(("NHS Trust", "NHS Trust"), 0),
                                              (("GP Practice", "Care Home"), 8)])  # fmt: skip
def test_a_balanced_plan_carried_on_after_a_held_week_keeps_its_balance(
    cli, tmp_path, joined, most
):
    # 100 people of five organisations (30, 25, 20, 15 and 10) at 10 tables over four
    # weeks: after week 1 two of the NHS Trust left and two joined. Joiners take the
    # places of leavers of their organisation, and the weeks to come meet nobody twice;
    # joiners of other organisations unsettle the balance, which the search mends with a
    # few repeats (4 and 8; 41-46 before). Every table holds each organisation in its
    # share, within one (recounted).
    sizes = {"NHS Trust": 30, "Council": 25, "Charity": 20, "GP Practice": 15, "Care Home": 10}
    everyone = [(f"Person {i}", org, "") for i, org in enumerate(
        org for org, size in sizes.items() for _ in range(size))]  # fmt: skip
    first = people_file(tmp_path, "w1.csv", everyone)
    plan = first_rounds(cli, tmp_path, first, 10, 4, "--balance", "organisation")
    newcomers = [("New One", joined[0], ""), ("New Two", joined[1], "")]
    now = people_file(tmp_path, "now.csv", everyone[:3] + everyone[5:] + newcomers)
    for seed in (2, 3):
        after = planned(cli, tmp_path, now, plan, 1, 4, seed, "--balance", "organisation")
        assert met_twice(after["rounds"]) == after["score"]["repeat_pairs"] <= most
        for rnd in after["rounds"][1:]:
            counts = {org: [sum(m["attributes"]["organisation"] == org for m in g["members"])
                            for g in rnd["groups"]] for org in sizes}  # fmt: skip
            assert all(max(c) - min(c) <= 1 for c in counts.values()), counts


@pytest.mark.parametrize(("count", "total", "held"), [(28, 8, 2), (100, 4, 3)])
def test_the_earlier_plans_weeks_to_come_carry_on_for_those_who_stay(
    cli, tmp_path, count, total, held
):
    # Two left and two joined since the plan was made: the joiners take the leavers'
    # places, and the weeks to come still meet nobody twice (28 people in fours over 8
    # weeks, 2 held: 10-11 repeats before; 100 at 10 tables, 3 held: 8). Those who stay
    # keep the rooms the plan gave them.
    everyone = cohort(count)
    plan = first_rounds(cli, tmp_path, people_file(tmp_path, "w1.csv", everyone), count // 4
                        if count == 28 else 10, total)  # fmt: skip
    stay = everyone[:3] + everyone[5:]
    now = people_file(
        tmp_path, "now.csv", [*stay, ("New One", ORGS[0], ""), ("New Two", ORGS[1], "")]
    )
    earlier = json.loads(plan.read_text())["rounds"]
    for seed in (1, 2):
        after = planned(cli, tmp_path, now, plan, held, total, seed)
        assert met_twice(after["rounds"]) == 0 == after["score"]["repeat_pairs"]
        kept = moved = 0  # those who stay, round by round: in the room the plan gave them?
        for old, new in zip(earlier[held:], after["rounds"][held:], strict=True):
            room_of = {e: name for name, room in rooms(old).items() for e in room}
            for name, room in rooms(new).items():
                for email in room:
                    if email in room_of:
                        kept += room_of[email] == name
                        moved += room_of[email] != name
        assert moved * 20 <= kept, (kept, moved)
        assert after["score"]["moved"] == moved  # the score says how many, recounted
    # in one room fewer, many move, and the score says how many (it said 0 before)
    rooms_now = str(len(earlier[0]["groups"]) - 1)
    result = cli("groups", str(now), "--previous", str(plan), "--held", str(held), "--rounds",
                 str(total), "--seed", "1", "--count", rooms_now, "-f", "json")  # fmt: skip
    fewer = json.loads(result.stdout)
    placed = 0
    for old, new in zip(earlier[held:], fewer["rounds"][held:], strict=True):
        room_of = {e: name for name, room in rooms(old).items() for e in room}
        placed += sum(
            room_of.get(e, name) != name for name, room in rooms(new).items() for e in room
        )
    assert fewer["score"]["moved"] == placed > 0

    def room_of(rnd):
        return {e: name for name, room in rooms(rnd).items() for e in room}

    weeks = list(zip(earlier[held:], fewer["rounds"][held:], strict=True))
    here = set(room_of(earlier[held])) & set(room_of(fewer["rounds"][held]))
    keep = {e for e in here if all(room_of(new)[e] == room_of(old)[e] for old, new in weeks)}
    verb = "keeps" if len(keep) == 1 else "keep"
    said = f"{len(keep)} of the {len(here)} people still here {verb} the rooms"
    assert said in result.stderr, result.stderr


def test_a_plan_made_longer_keeps_its_weeks_and_adds_ones_that_repeat_nobody(cli, tmp_path):
    # 49 people in sevens, planned for 5 weeks, 2 held, now 8 weeks: weeks 3 to 5 stay as
    # planned (recounted, and said) and weeks 6 to 8 repeat nobody (176-179 repeats before)
    people = people_file(tmp_path, "people.csv", cohort(49))
    plan = first_rounds(cli, tmp_path, people, 7, 5)
    earlier = json.loads(plan.read_text())["rounds"]
    result = cli("groups", str(people), "--previous", str(plan), "--held", "2", "--rounds", "8",
                 "--seed", "2", "-f", "json")  # fmt: skip
    after = json.loads(result.stdout)
    assert [rooms(r) for r in after["rounds"][:5]] == [rooms(r) for r in earlier]
    assert met_twice(after["rounds"]) == 0 == after["score"]["repeat_pairs"]
    assert "everyone still here keeps the rooms the earlier plan gave them in rounds 3 to 5" in (
        result.stderr
    )


def test_a_live_reshuffle_of_round_2_of_a_cafe_of_100_repeats_nobody():
    # Four rounds at 10 tables with a table host at each: reshuffling round 2, then round
    # 3, plans the rounds after them again on the rounds that ran (22 and 27 repeats before)
    people = [Person(f"P{i}", f"p{i}@x.org", {"role": "Table host" if i < 10 else ""})
              for i in range(100)]  # fmt: skip
    cafe = Agenda("Cafe", tuple(Segment(f"R{n}", 300, "breakout", groups=10) for n in range(4)))
    plans = plan_from_people(cafe, people, seed=2)
    for index in (1, 2):
        again = reshuffle_family(cafe, index, people, 7 + index, plans)
        assert sorted(again) == list(range(index, 4))
        assert again[index] != plans[index]
        plans |= again
        met = meetings(rnd for i in range(4) for rnd in plans[i].rounds)
        assert all(times == 1 for times in met.values())
        assert each_host_keeps_one_table([plans[i] for i in range(4)])


def test_reshuffling_the_first_round_of_a_cafe_makes_its_later_rounds_again():
    # Before the first round runs, the host reshuffles it: the three rounds after it are made
    # again with it, as one split, so nobody meets twice (126 pairs met again before, the
    # first round alone reshuffled), and each table host keeps one table
    people = [Person(f"P{i}", f"p{i}@x.org", {"role": "Table host" if i < 10 else ""})
              for i in range(100)]  # fmt: skip
    cafe = Agenda("Cafe", tuple(Segment(f"R{n}", 300, "breakout", groups=10) for n in range(4)))
    plans = plan_from_people(cafe, people, seed=2)
    again = reshuffle_family(cafe, 0, people, 9, plans, met={})
    assert sorted(again) == [0, 1, 2, 3]
    assert again[0] != plans[0]
    met = meetings(rnd for i in range(4) for rnd in again[i].rounds)
    assert all(times == 1 for times in met.values())
    assert each_host_keeps_one_table([again[i] for i in range(4)])


@settings(max_examples=25, deadline=None)
@given(st.sampled_from([3, 4, 5, 7, 8]), st.integers(1, 8), st.randoms(use_true_random=False))
def test_any_held_round_of_k_squared_people_in_k_rooms_is_followed_without_a_repeat(
    tmp_path_factory, k, more, rng
):
    # Whatever the held round was, as long as it had k rooms of k: an affine plane of order
    # k has k + 1 rounds, any one of which it can be laid on
    more = min(more, k)
    names = [f"P{i}" for i in range(k * k)]
    shuffled = names[:]
    rng.shuffle(shuffled)
    held = {"rounds": [{"round": 1, "groups": [
        {"name": f"Room {g + 1}", "members": [{"name": n} for n in shuffled[g * k:(g + 1) * k]]}
        for g in range(k)]}]}  # fmt: skip
    path = tmp_path_factory.mktemp("held") / "held.json"
    path.write_text(json.dumps(held))
    plan = liftkit.split_groups(names, count=k, rounds=1 + more, previous=str(path), held=1,
                                seed=rng.randrange(1000))  # fmt: skip
    met = meetings(plan.rounds)
    assert len(plan.rounds) == 1 + more
    assert all(times == 1 for times in met.values())
    assert plan.score.repeat_pairs == 0
    for rnd in plan.rounds:
        assert sorted(len(g.members) for g in rnd.groups) == [k] * k


@pytest.mark.parametrize(("count", "tables", "total", "held", "hosts"),
                         [(100, 10, 4, 3, 0), (49, 7, 5, 3, 0), (64, 8, 6, 3, 8)])  # fmt: skip
def test_three_held_rounds_of_k_squared_people_are_followed_without_a_repeat(
    cli, tmp_path, count, tables, total, held, hosts
):
    # The earlier split holds only the rounds that ran (a café reshuffled in its last round,
    # or a programme extended): the held rounds are found again as rounds of a design,
    # whose other rounds follow. Before: 11-14, 18-20 and 80-85 repeats
    people = people_file(tmp_path, "people.csv", cohort(count, hosts=hosts))
    plan = first_rounds(cli, tmp_path, people, tables, held)
    before = json.loads(plan.read_text())["rounds"]
    for seed in (2, 3):
        after = planned(cli, tmp_path, people, plan, held, total, seed)
        assert [rooms(r) for r in after["rounds"][:held]] == [rooms(r) for r in before]
        assert len(after["rounds"]) == total
        assert met_twice(after["rounds"]) == 0 == after["score"]["repeat_pairs"]
        for rnd in after["rounds"][held:]:
            leads = [sum(bool(m.get("facilitator")) for m in g["members"]) for g in rnd["groups"]]
            assert leads == [1 if hosts else 0] * tables


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([(49, 7), (64, 8), (100, 10), (121, 11), (90, 10), (132, 12)]),
       st.randoms(use_true_random=False))  # fmt: skip
def test_a_square_renamed_at_random_is_found_again_in_its_design(shape, rng):
    # Three rounds of a design as a Latin square (with empty cells where it has fewer than
    # k * k points: 90 at 10 tables), its rows, columns and symbols renamed at random: an
    # isotopism back is found, and it maps every cell (checked cell by cell)
    from liftkit.core.groups.designs import best_design
    from liftkit.core.groups.isotopy import design_square, isotopisms

    n, k = shape
    design = best_design(n, k, 3, random.Random(1))
    square, _ = design_square(design.rounds, n, 0, 1, 2)
    assert sum(x >= 0 for row in square for x in row) == n
    rows, columns, symbols = (rng.sample(range(k), k) for _ in range(3))
    symbols.append(-1)  # an empty cell stays empty
    renamed = [[symbols[square[rows[i]][columns[j]]] for j in range(k)] for i in range(k)]
    a, b, c = next(isotopisms(renamed, square, [100_000]))
    c.append(-1)
    assert all(square[a[i]][b[j]] == c[renamed[i][j]] for i in range(k) for j in range(k))


@settings(max_examples=12, deadline=None)
@given(st.integers(4, 30), st.integers(2, 6), st.integers(1, 3), st.integers(0, 3),
       st.integers(0, 3), st.booleans(), st.randoms(use_true_random=False))  # fmt: skip
def test_any_held_rounds_and_any_comings_and_goings_give_whole_rounds(
    people, rooms, planned, hosts, churn, balanced, rng
):
    # Whoever left or joined, whatever the rooms now: the held rounds come out as they were,
    # and every round planned places everyone here once, in as many rooms as asked
    from liftkit.core.groups.split import SplitRequest, split_into_groups

    rooms = max(1, min(rooms, people // 2))
    everyone = [Person(f"P{i}", f"p{i}@x.org", {"org": f"o{i % 3}",
                                                "role": "Table host" if i < hosts else ""})
                for i in range(people)]  # fmt: skip
    balance = ("org",) if balanced else ()
    first = split_into_groups(everyone, SplitRequest(count=rooms, rounds=2, balance=balance),
                              random.Random(rng.randrange(100)))  # fmt: skip
    here = everyone[churn:] + [Person(f"N{j}", f"n{j}@x.org", {"org": "o1"}) for j in range(churn)]
    held = rng.choice([1, 2])
    asked = SplitRequest(count=rooms, rounds=held + planned, balance=balance, previous=first,
                         held=held)  # fmt: skip
    plan = split_into_groups(here, asked, random.Random(rng.randrange(100)))
    assert plan.rounds[:held] == first.rounds[:held]
    for rnd in plan.rounds[held:]:
        assert len(rnd.groups) == rooms
        assert sorted(p.name for g in rnd.groups for p in g.members) == sorted(p.name for p in here)
    met = meetings(plan.rounds)
    assert plan.score.repeat_pairs == sum(1 for times in met.values() if times > 1)


def test_a_fourth_round_added_to_three_of_100_with_table_hosts_repeats_nobody(cli, tmp_path):
    # 100 people at 10 tables with a host at each, planned for 3 rounds; a fourth is added
    # after them (`--held 3 --rounds 4`). The hosts stood on a transversal of the three
    # rounds that no fourth round without a repeat keeps apart: 11-13 pairs met again, or
    # two hosts shared a table. Now the three rounds come from a plan of four, so the
    # fourth is found again: nobody meets twice, one host at each table
    people = people_file(tmp_path, "hosted.csv", cohort(100, hosts=10))
    plan = first_rounds(cli, tmp_path, people, 10, 3)
    for seed in (2, 3):
        after = planned(cli, tmp_path, people, plan, 3, 4, seed)
        assert_held_kept_and_no_repeat(after, plan, 3)
        hosts = [[m["name"] for m in g["members"] if m.get("facilitator")]
                 for g in after["rounds"][3]["groups"]]  # fmt: skip
        assert sorted(name for names in hosts for name in names) == sorted(
            f"Person {i}" for i in range(10)
        )
        assert all(len(names) == 1 for names in hosts)


def test_a_fourth_round_added_to_three_of_90_at_10_tables_repeats_nobody(cli, tmp_path):
    # 90 people at 10 tables (a place short at each), planned for 3 rounds; a fourth is
    # added after them. The three were rounds of the Latin squares of order 10 less a group,
    # which no fourth round crosses without a repeat: 3 pairs met again. Now they come from
    # a plan of four (cyclic rows), found again as they are: nobody meets twice
    people = people_file(tmp_path, "cafe.csv", cohort(90))
    plan = first_rounds(cli, tmp_path, people, 10, 3)
    for seed in (2, 3):
        after = planned(cli, tmp_path, people, plan, 3, 4, seed)
        assert_held_kept_and_no_repeat(after, plan, 3)
        assert sorted(len(g["members"]) for g in after["rounds"][3]["groups"]) == [9] * 10


def test_rounds_that_repeat_someone_are_never_taken_for_a_design_s_and_end(tmp_path):
    # 90 at 10 tables, three rounds held where two people met twice: a symbol twice in a
    # row of their square. Reading one row along another then went round for ever (a
    # live reshuffle that never came back); now no isotopism, at once
    code = """
import random
import subprocess
import sys
from liftkit.core.groups.designs import best_design
from liftkit.core.groups.isotopy import design_square, isotopisms
design = best_design(90, 10, 3, random.Random(1))
square, _ = design_square(design.rounds, 90, 0, 1, 2)
held = [row[:] for row in square]
row = held[0]
a, b = [j for j, x in enumerate(row) if x >= 0][:2]
row[b] = row[a]  # the two people of these cells met twice
print(next(isotopisms(held, square, [100_000]), None))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"


def test_the_score_line_after_held_rounds_says_they_were_kept(cli, tmp_path):
    # 130 people at 12 tables with a host at each, 2 rounds held of 4: where pairs meet
    # again, the score line said that 4 rounds were not found "with a facilitator in every
    # group", as if liftkit had been free to plan all four; the held rounds were given
    people = people_file(tmp_path, "hosted.csv", cohort(130, hosts=12))
    plan = first_rounds(cli, tmp_path, people, 12, 2)
    after = planned(cli, tmp_path, people, plan, 2, 4, 2)
    assert met_twice(after["rounds"]) > 0
    assert "with a facilitator in every group and the 2 held rounds" in after["score"]["limit"]


@pytest.mark.parametrize(("count", "tables", "swap"),
                         [(15, 4, ("P1", "P9", "P0")), (35, 6, ("P4", "P27", "P5"))])  # fmt: skip
def test_held_rounds_where_two_people_met_twice_still_give_a_whole_round(count, tables, swap):
    # Three held rounds in which two people (a, b) shared their rooms twice: b swapped by
    # hand in round 2 with c, into a's room. Ghosts were stood on more empty cells of the
    # grid than it has, and the split failed with an IndexError (15 at 4 tables: 3 such
    # swaps of 18; 35 at 6: 4; 110 at 11: 43). Now the round after places everyone once, in
    # rooms within one of each other, the held rounds as they were
    from dataclasses import replace

    from liftkit.core.groups.split import SplitRequest, split_into_groups

    people = [Person(f"P{i}", f"p{i}@x.org", {}) for i in range(count)]
    first = split_into_groups(people, SplitRequest(count=tables, rounds=3), random.Random(1))
    rooms = [{p.name: i for i, g in enumerate(rnd.groups) for p in g.members}
             for rnd in first.rounds]  # fmt: skip
    a, b, c = swap
    assert rooms[0][a] == rooms[0][b] != rooms[0][c] and rooms[1][a] == rooms[1][c]
    by_name = {p.name: p for p in people}
    swapped = replace(first.rounds[1], groups=tuple(
        replace(g, members=tuple(by_name[{b: c, c: b}.get(m.name, m.name)] for m in g.members))
        for g in first.rounds[1].groups))  # fmt: skip
    held = replace(first, rounds=(first.rounds[0], swapped, first.rounds[2]))
    plan = split_into_groups(people, SplitRequest(count=tables, rounds=4, previous=held, held=3),
                             random.Random(2))  # fmt: skip
    assert plan.rounds[:3] == held.rounds
    placed = sorted(p.name for g in plan.rounds[3].groups for p in g.members)
    assert placed == sorted(p.name for p in people)
    sizes = [len(g.members) for g in plan.rounds[3].groups]
    assert len(sizes) == tables and max(sizes) - min(sizes) <= 1
