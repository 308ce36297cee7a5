"""Two --balance columns on a design (balance.py, start.py): organisation and region both
within their band at every table, recounted from the command's JSON, and the repeats
recounted from the groups, never read from the score."""

import json
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_groups_known import recount

SHARES = (22, 18, 15, 12, 11, 10, 7, 5)  # eight organisations, as in bench/groups.py --hosts


def host_list(n):
    """(organisations, regions) of n people: eight organisations in proportion, and four
    regions spread over each of them, as when people sign up from across a country."""
    sizes = [round(n * share / 100) for share in SHARES]
    sizes[0] += n - sum(sizes)
    orgs = [o for o, size in enumerate(sizes) for _ in range(size)]
    return orgs, [i * 3 % 4 for i in range(n)]


def shuffled(sizes, seed=3):
    """Values of these sizes in a shuffled order (a column not tied to the first)."""
    values = [v for v, size in enumerate(sizes) for _ in range(size)]
    random.Random(seed).shuffle(values)
    return values


def balanced(cli, tmp_path, orgs, regions, tables, rounds, seed, apart=(), leads=()):
    """The command's JSON for people of these organisations and regions at `tables` tables,
    --balance on both (`leads`: facilitators), after checking every value of each within
    its band at every table and nobody at a table with someone kept apart."""
    n = len(orgs)
    people = tmp_path / "people.csv"
    people.write_text(
        "name,email,org,region\n" + "".join(f"P{i},,o{orgs[i]},r{regions[i]}\n" for i in range(n))
    )
    kept = [arg for names in apart for arg in ("--apart", ",".join(f"P{i}" for i in names))]
    kept += [arg for i in leads for arg in ("--facilitator", f"P{i}")]
    result = cli("groups", str(people), "--count", str(tables), "--rounds", str(rounds),
                 "--seed", str(seed), "--balance", "org", "--balance", "region",
                 "--format", "json", *kept)  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["rounds"]) == rounds
    for column, values in (("org", orgs), ("region", regions)):
        totals = Counter(values)
        for rnd in data["rounds"]:
            for group in rnd["groups"]:
                counts = Counter(m["attributes"][column] for m in group["members"])
                for v, total in totals.items():
                    prefix = column[0]
                    assert total // tables <= counts[f"{prefix}{v}"] <= -(-total // tables)
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            names = {m["name"] for m in group["members"]}
            for names_apart in apart:
                assert sum(f"P{i}" in names for i in names_apart) <= 1
    return data


@pytest.mark.parametrize("seed", [1, 2, 27, 969612])
def test_balance_holds_where_no_single_swap_mends_a_round(cli, tmp_path, seed):
    # 17 people at 3 tables (6, 6, 5) on two columns, three facilitators and a keep-apart
    # set: an organisation of 6 must be exactly two at a table, as must a region of 6. A
    # greedy round's swaps stopped where no swap of two lowered the penalty (facilitators
    # only swap with facilitators), and seeds 27 and 969612 (bench/random_splits.py seed 3)
    # ended with three of that organisation at a table; mend.py's walk, uphill a step or
    # two, settles every round.
    orgs = [5, 4, 0, 6, 0, 3, 5, 7, 7, 1, 3, 0, 3, 7, 0, 0, 0]
    regions = [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0]
    data = balanced(cli, tmp_path, orgs, regions, 3, 3, seed, apart=[(0, 2, 1)], leads=(6, 10, 1))
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            assert sum(m["name"] in {"P6", "P10", "P1"} for m in group["members"]) == 1
    assert recount(data, 17) == data["score"]["repeat_pairs"]


@pytest.mark.parametrize("rounds", [3, 4])
def test_organisation_and_region_at_ten_tables_without_repeats(cli, tmp_path, rounds):
    # World Café, 100 people at 10 tables, balanced on eight organisations and four regions.
    # The descents over both columns rarely settled; greedy rounds kept the balance and left
    # 80-85 repeats over 4 rounds, 23-30 over 3. The first column is coloured alone, then
    # the second by swaps of people of the same organisation, which keep the first in band.
    orgs, regions = host_list(100)
    for seed in (1, 2):
        data = balanced(cli, tmp_path, orgs, regions, 10, rounds, seed)
        assert recount(data, 100) == 0 == data["score"]["repeat_pairs"]


@pytest.mark.parametrize(("seed", "most"), [(1, 0), (2, 0), (3, 10), (4, 10)])
def test_keep_apart_sets_hold_on_two_balanced_columns(cli, tmp_path, seed, most):
    # The same, with keep-apart sets of three on a fifth of the people: they are kept apart
    # by swaps of people who share both values (76-84 repeats before, seeds 1-2). With
    # seeds 3 and 4 those swaps could not keep everyone apart (one to seven people share
    # an organisation and a region), and greedy rounds left 45-80 repeats; now swaps
    # within an organisation keep them apart, the regions are coloured again with them
    # held, and four rounds with a count out of band are kept for the search to mend
    # rather than three settled ones and a greedy fourth.
    orgs, regions = host_list(100)
    chosen = random.Random(2024).sample(range(100), 18)
    apart = [chosen[i : i + 3] for i in range(0, 18, 3)]
    data = balanced(cli, tmp_path, orgs, regions, 10, 4, seed, apart)
    assert recount(data, 100) <= most


def test_a_column_of_exact_counts_is_laid_on_the_plexes(cli, tmp_path):
    # Regions of 50, 30 and 20 must be exactly 5, 3 and 2 at every table: the second pair of
    # Latin squares lays them on its plexes only if their column is coloured first (the
    # organisations, 34/33/33, then mend among people of the same region). 69-86 before.
    orgs, regions = shuffled([34, 33, 33], seed=0), shuffled([50, 30, 20])
    for seed in (1, 2):
        data = balanced(cli, tmp_path, orgs, regions, 10, 4, seed)
        assert recount(data, 100) == 0


def test_a_column_of_exact_counts_is_laid_on_whole_rows(cli, tmp_path):
    # 120 people at 12 tables, regions of 60, 36 and 24: exactly 5, 3 and 2 at every table.
    # Laid on whole rows of the design they hold at once, and the organisations (30, 30,
    # 20, 20, 20) mend among people of the same region; the other way round, 63-64 repeats.
    orgs, regions = shuffled([30, 30, 20, 20, 20], seed=0), shuffled([60, 36, 24])
    for seed in (1, 2):
        data = balanced(cli, tmp_path, orgs, regions, 12, 4, seed)
        assert recount(data, 120) == 0


def facilitated(cli, tmp_path, orgs, tables, rounds, seed, leads, balance=("org",)):
    """The command's JSON with people `leads` (numbers) as facilitators, after checking
    every table has as many of them as an even spread gives, in every round."""
    n = len(orgs)
    people = tmp_path / "people.csv"
    people.write_text(
        "name,email,org,region\n" + "".join(f"P{i},,o{orgs[i]},r{i * 3 % 4}\n" for i in range(n))
    )
    args = [arg for p in leads for arg in ("--facilitator", f"P{p}")]
    args += [arg for column in balance for arg in ("--balance", column)]
    result = cli("groups", str(people), "--count", str(tables), "--rounds", str(rounds),
                 "--seed", str(seed), "--format", "json", *args)  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    names = {f"P{p}" for p in leads}
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            here = sum(m["name"] in names for m in group["members"])
            assert len(leads) // tables <= here <= -(-len(leads) // tables)
    assert data["score"]["groups_without_facilitator"] == 0
    return data


@pytest.mark.parametrize("leads", [10, 20])
def test_a_facilitator_at_every_table_on_the_latin_squares(cli, tmp_path, leads):
    # 100 people at 10 tables for 4 rounds with one facilitator a table (or two): they are
    # a value that must be exactly once (or twice) at every table, laid on the common
    # transversals of the second pair of Latin squares. Relabelling after the design left
    # 23-29 repeats with one a table, 36-51 with two.
    chosen = random.Random(11).sample(range(100), leads)
    for seed in (1, 2):
        data = facilitated(cli, tmp_path, [0] * 100, 10, 4, seed, chosen, balance=())
        assert recount(data, 100) == 0 == data["score"]["repeat_pairs"]
        # and each room's first facilitator keeps it in every round (two a table: one stays)
        first = [{g["name"]: g["members"][0]["name"] for g in r["groups"]} for r in data["rounds"]]
        assert all(rooms == first[0] for rooms in first)
        assert set(first[0].values()) <= {f"P{p}" for p in chosen}


def test_facilitators_and_an_organisation_of_exact_counts_share_the_plexes(cli, tmp_path):
    # Eight organisations (22 down to 5) at 10 tables, the last ten people facilitators:
    # the facilitators are laid on one common transversal, and the organisation of 10,
    # which must also be once at every table, on another (plexes._exact_later).
    # 42-43 repeats before; 18 for seed 1 with only the facilitators laid.
    orgs, _ = host_list(100)
    for seed in (1, 2):
        data = facilitated(cli, tmp_path, orgs, 10, 4, seed, range(90, 100))
        assert recount(data, 100) == 0


def test_facilitators_drawn_from_organisations_of_ten_leave_few_repeats(cli, tmp_path):
    # Ten facilitators drawn at random, some from the three organisations of 10 that must
    # each be once at every table: no pair of common transversals holds both, so neither
    # column laid first settles. Facilitators laid first left those organisations to two
    # greedy rounds (113 repeats with seed 2); each column is now laid first in turn and
    # the better colouring kept (25-26 repeats; 52-60 before facilitators were coloured).
    sizes = [24, 23, 23, 10, 10, 10]
    orgs = [o for o, size in enumerate(sizes) for _ in range(size)]
    leads = random.Random(11).sample(range(100), 10)
    assert {orgs[p] for p in leads} & {3, 4, 5}
    for seed in (1, 2):
        data = facilitated(cli, tmp_path, orgs, 10, 4, seed, leads)
        assert 0 < recount(data, 100) <= 30
        limit = data["score"]["limit"]  # what was asked for, facilitators included
        assert "none was found with org balanced and a facilitator in every group" in limit
        for rnd in data["rounds"]:
            for group in rnd["groups"]:
                counts = Counter(m["attributes"]["org"] for m in group["members"])
                assert [counts[f"o{o}"] for o in (3, 4, 5)] == [1, 1, 1]


def test_columns_of_random_sizes_keep_a_design_with_counts_to_mend(cli, tmp_path):
    # 144 people of eight organisations and four regions of uneven sizes, the regions not
    # tied to the organisations, at 12 tables for 4 rounds. No colouring of the Latin
    # squares' rounds settles both columns; with several columns a design was kept only
    # with one count out in eight groups, so two rounds were kept and greedy rounds left
    # 126-137 repeats (seeds 1-5). Now one in four is kept, and the search mends it, carried
    # on where it stopped a count short (seeds 3 and 5, which ended 121 and 133 when the
    # split started again under the usual rule).
    orgs = [o for o, size in enumerate([28, 26, 22, 19, 19, 13, 9, 8]) for _ in range(size)]
    regions = shuffled([45, 36, 34, 29], 16)
    for seed in (1, 3, 5):
        data = balanced(cli, tmp_path, orgs, regions, 12, 4, seed)
        assert recount(data, 144) == data["score"]["repeat_pairs"] <= 50


def test_values_of_exact_counts_in_both_columns_keep_a_design_with_counts_to_mend(cli, tmp_path):
    # An organisation of 20 (two at each of 10 tables) and a region of 30 (three at each),
    # the regions not tied to the organisations. No colouring of the Latin squares settles
    # them; fits end 7-13 counts out in 40 groups, and with one out in four groups kept at
    # most, two rounds came from rows and greedy rounds left 84 and 89 repeats. One in two
    # is kept now, as with one column, and the search mends it.
    orgs = [o for o, size in enumerate([20, 15, 14, 13, 12, 11, 9, 6]) for _ in range(size)]
    regions = shuffled([39, 30, 16, 15], 4)
    for seed in (1, 2):
        data = balanced(cli, tmp_path, orgs, regions, 10, 4, seed)
        assert recount(data, 100) == data["score"]["repeat_pairs"] <= 50


def test_facilitators_drawn_at_random_keep_every_design_round(cli, tmp_path):
    # 100 people of seven organisations at 10 tables for 4 rounds, a facilitator at each
    # table, drawn at random. The first pair of Latin squares settles three rounds; the
    # second takes all four with a few counts out of band, which the search mends. Three
    # settled rounds were preferred, and a greedy fourth round left 49 and 58 repeats.
    sizes = [12, 6, 16, 19, 15, 11, 21]
    orgs = [o for o, size in enumerate(sizes) for _ in range(size)]
    leads = random.Random(2).sample(range(100), 10)
    for seed in (1, 2):
        data = facilitated(cli, tmp_path, orgs, 10, 4, seed, leads)
        for rnd in data["rounds"]:
            for group in rnd["groups"]:
                counts = Counter(m["attributes"]["org"] for m in group["members"])
                for o, size in enumerate(sizes):
                    assert size // 10 <= counts[f"o{o}"] <= -(-size // 10)
        assert recount(data, 100) == data["score"]["repeat_pairs"] <= 25


def test_annealing_takes_repeats_off_two_balanced_columns(monkeypatch):
    # 100 people of eight organisations and four regions of uneven sizes (up to three of a
    # region at a table) at 10 tables for 4 rounds: the same splits with and without the
    # annealing after the search, recounted from the groups, balance checked at every table.
    # Seeds 1-3: 18, 28 and 19 repeats after the search; 18, 22 and 16 annealed. It never
    # makes a split worse: it keeps a schedule only with fewer repeats.
    from liftkit.core.groups import plan as engine
    from liftkit.core.groups.split import SplitRequest, split_into_groups
    from liftkit.core.people.reader import Person

    orgs = [o for o, size in enumerate((24, 20, 15, 12, 10, 8, 6, 5)) for _ in range(size)]
    regions = shuffled((31, 27, 24, 18), seed=5)
    crowd = [Person(f"P{i}", "", {"org": f"o{orgs[i]}", "region": f"r{regions[i]}"})
             for i in range(100)]  # fmt: skip
    asked = SplitRequest(count=10, rounds=4, balance=("org", "region"))

    def repeats(split):
        met = Counter()
        for rnd in split.rounds:
            for group in rnd.groups:
                names = sorted(p.name for p in group.members)
                met.update((a, b) for i, a in enumerate(names) for b in names[i + 1 :])
                for column in ("org", "region"):
                    counts = Counter(p.attributes[column] for p in group.members)
                    totals = Counter(p.attributes[column] for p in crowd)
                    for value, total in totals.items():
                        assert total // 10 <= counts[value] <= -(-total // 10)
        return sum(1 for m in met.values() if m > 1)

    annealed = [repeats(split_into_groups(crowd, asked, random.Random(s))) for s in (1, 2, 3)]
    monkeypatch.setattr(engine, "ANNEAL_PEOPLE", 0)
    monkeypatch.setattr(engine, "ANNEAL_LARGE", 0)
    searched = [repeats(split_into_groups(crowd, asked, random.Random(s))) for s in (1, 2, 3)]
    assert all(a <= s for a, s in zip(annealed, searched, strict=True))
    assert sum(annealed) < sum(searched)


def test_annealing_takes_repeats_off_a_large_split_of_two_balanced_columns(cli, tmp_path):
    # 250 people of eight organisations and four regions at 21 tables for 4 rounds, with
    # keep-apart sets on a fifth of them: the search stopped at 58 and 50 repeats (seeds 1-2),
    # when only splits of up to 150 people were annealed; 28 and 30 annealed (about 1 s).
    orgs, regions = host_list(250)
    apart = [range(i, i + 3) for i in range(0, 48, 3)]
    for seed in (1, 2):
        data = balanced(cli, tmp_path, orgs, regions, 21, 4, seed, apart)
        assert recount(data, 250) == data["score"]["repeat_pairs"] <= 40


def test_greedy_rounds_fill_the_values_a_table_lacks_when_repeats_tie(cli, tmp_path):
    # 565 people of eight organisations and four regions at 57 tables for 13 rounds: no
    # design applies, so the rounds are greedy. Each person went to the table where they
    # added the fewest repeats, ties drawn at random, so tables ended short of a value and
    # were mended by swaps that added repeats: 572 pairs met again (seed 1, 2.2 s). A tie
    # now goes to a table short of the person's value first: 135 (1.5 s).
    orgs, regions = host_list(565)
    data = balanced(cli, tmp_path, orgs, regions, 57, 13, 1)
    assert recount(data, 565) == data["score"]["repeat_pairs"] <= 250


def test_greedy_rounds_place_the_rarest_values_first(cli, tmp_path):
    # The 565 again, with regions of uneven size (half, a quarter, 15 % and 10 %): a region
    # of 56 and an organisation of 28 are at most one a table. People were placed in a
    # random order, so the last of a rare value found every table with room already
    # holding one, and mending swaps added repeats: 214 pairs met again (seed 1). The
    # people of the rarest values now go first, while every table has room: 90.
    orgs, _ = host_list(565)
    sizes = [283, 141, 85, 56]
    regions = [v for v, size in enumerate(sizes) for _ in range(size)]
    regions = [regions[i * 7919 % 565] for i in range(565)]
    data = balanced(cli, tmp_path, orgs, regions, 57, 13, 1)
    assert recount(data, 565) == data["score"]["repeat_pairs"] <= 150


def test_a_thousand_people_at_tables_of_thirty_keep_the_design(cli, tmp_path):
    # 1,000 people of eight organisations and four regions at 34 tables for 4 rounds, with
    # keep-apart sets on a fifth of them: the descents left the design far out of band and
    # greedy rounds left over 500 repeats; tabu.py's colouring settles it (balance.py's
    # settle_large), and no pair meets twice.
    orgs, regions = host_list(1000)
    apart = [range(i, i + 3) for i in range(0, 198, 3)]
    data = balanced(cli, tmp_path, orgs, regions, 34, 4, 1, apart)
    assert recount(data, 1000) == data["score"]["repeat_pairs"] == 0


def test_a_thousand_people_on_one_column_keep_the_design(cli, tmp_path):
    # The same 1,000 balanced on organisation alone: the descents left the design a few
    # counts out, the search mended them and left 12 and 185 repeats (seeds 1-2); tabu.py
    # settles it, with no repeat.
    orgs, _ = host_list(1000)
    for seed in (1, 2):
        data = by_organisation(cli, tmp_path, orgs, 34, 4, seed)
        assert recount(data, 1000) == 0


def test_keep_apart_sets_hold_where_the_search_needs_longer_to_part_them(monkeypatch):
    # The same people at 40 tables for 4 rounds, seed 2, without settle_large: the search
    # ended with one pair of an apart set together, and the command refused the split
    # ("could not keep every apart pair apart"); more of the search parts them.
    from liftkit.core.groups import balance
    from liftkit.core.groups.split import SplitRequest, split_into_groups
    from liftkit.core.people.reader import Person

    monkeypatch.setattr(balance, "TABU_LARGE", balance.TABU_PEOPLE)
    orgs, regions = host_list(1000)
    crowd = [Person(f"P{i}", "", {"org": f"o{orgs[i]}", "region": f"r{regions[i]}"})
             for i in range(1000)]  # fmt: skip
    apart = [[f"P{i}" for i in range(j, j + 3)] for j in range(0, 198, 3)]
    leads = tuple(f"P{i}" for i in range(960, 1000))
    sets = tuple(",".join(names) for names in apart)
    asked = SplitRequest(size=25, rounds=4, balance=("org", "region"), apart=sets,
                         facilitators=leads)  # fmt: skip
    split = split_into_groups(crowd, asked, random.Random(2))
    for rnd in split.rounds:
        for group in rnd.groups:
            names = {p.name for p in group.members}
            assert all(len(names & set(kept)) <= 1 for kept in apart)
            assert sum(p.name in leads for p in group.members) == 1


def random_round(seed):
    """(setup, problem, row, members, meet, apart pairs): a round of 6 to 40 people dealt at
    random into 2 to 6 groups, on two --balance columns, with facilitators, pairs kept
    apart and earlier meetings drawn at random."""
    from liftkit.core.groups.model import SplitRequest
    from liftkit.core.groups.setup import make_problem, prepare
    from liftkit.core.people.reader import Person

    rng = random.Random(seed)
    n, k = rng.randint(6, 40), rng.randint(2, 6)
    orgs = [rng.randrange(rng.randint(1, 6)) for _ in range(n)]
    regions = [rng.randrange(3) for _ in range(n)]
    crowd = [Person(f"P{i}", "", {"org": f"o{orgs[i]}", "region": f"r{regions[i]}"})
             for i in range(n)]  # fmt: skip
    leads = tuple(f"P{i}" for i in rng.sample(range(n), rng.randint(0, k)))
    kept = rng.sample(range(n), 2 * rng.randint(0, n // 3))
    apart = [kept[i : i + 2] for i in range(0, len(kept), 2)]
    setup = prepare(crowd, SplitRequest(count=k, balance=("org", "region"), facilitators=leads,
                                        apart=tuple(f"P{a},P{b}" for a, b in apart)))  # fmt: skip
    problem = make_problem(setup, [None] * n)
    row = [g for g, size in enumerate(setup.sizes) for _ in range(size)]
    rng.shuffle(row)
    members = [[p for p in range(n) if row[p] == g] for g in range(setup.groups)]
    meet = [{q: rng.randint(0, 2) for q in range(n) if q != p and rng.random() < 0.3}
            for p in range(n)]  # fmt: skip
    return setup, problem, row, members, meet, apart


def group_penalty(problem, group):
    """Weighted counts out of band in one group, recounted from its members."""
    total = 0
    for values, bands, weight in zip(
        problem.columns, problem.bands, problem.column_weights, strict=True
    ):
        counts = Counter(values[p] for p in group)
        for v, (low, high) in enumerate(bands):
            total += weight * max(0, counts[v] - high, low - counts[v])
    return total


def mended_round(seed):
    """The penalty left after mend_balance on random_round(seed), after checking that the
    round that comes out, recounted, has every group's size and facilitators as dealt, no
    more counts out of band, and no pair kept apart together that was not before."""
    from liftkit.core.groups.mend import mend_balance

    setup, problem, row, members, meet, apart = random_round(seed)
    before = [row[:], [m[:] for m in members]]
    penalty = sum(group_penalty(problem, m) for m in members)
    together = sum(row[a] == row[b] for a, b in apart)
    mend_balance(setup, problem, members, row, meet, random.Random(seed))
    assert sorted(p for m in members for p in m) == list(range(len(row)))
    for g, group in enumerate(members):
        assert all(row[p] == g for p in group)
        assert len(group) == len(before[1][g])
        leads = sum(setup.facilitator[p] for p in group)
        assert leads == sum(setup.facilitator[p] for p in before[1][g])
    left = sum(group_penalty(problem, m) for m in members)
    assert left <= penalty
    assert sum(row[a] == row[b] for a, b in apart) <= together
    if penalty == 0:
        assert row == before[0]  # nothing to mend: nothing moved
    return left


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**9))
def test_mending_a_whole_round_never_leaves_it_worse(seed):
    # mend_balance's swaps, then its walk past where no swap lowers the penalty, which may
    # go uphill on the way.
    mended_round(seed)


@pytest.mark.parametrize(("seed", "settles"), [(18, True), (39, True), (42, True), (102, True),
                                               (2, False), (31, False), (89, False),
                                               (113, False)])  # fmt: skip
def test_the_walk_goes_on_where_no_swap_lowers_the_penalty(seed, settles):
    # Rounds of random_round where the swaps stop with counts out of band (in 3,000 seeds,
    # one round in 20 or so): in some the walk settles every count; in the others it stops
    # short, and keeps the best round it passed, no worse than the swaps left it.
    assert (mended_round(seed) == 0) == settles


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**9))
def test_mending_a_round_takes_the_swap_that_settles_most_of_its_balance(seed):
    # The greedy round's mending (greedy.py) sums each swap's change of balance from one
    # person at a time, for speed (a host split of 1,000 at tables of 30 spent 3 s there).
    # Here every swap is made for real, the counts recounted from the groups, and the
    # swap chosen must settle as much as any other, never put a pair kept apart together,
    # and part the most such pairs, then add the fewest repeats, among those.
    from liftkit.core.groups.mend import Mend

    setup, problem, row, members, meet, apart = random_round(seed)
    k = setup.groups

    def together(g):
        return sum(row[a] == row[b] == g for a, b in apart)

    def penalty(g):
        return group_penalty(problem, members[g])

    for g in range(k):
        mend = Mend(setup, problem, [m[:] for m in members], row[:])
        found = mend.best_swap(g, meet, random.Random(0))
        swaps = []
        for h in range(k):
            for q in members[h] if h != g else ():
                for p in members[g]:
                    if setup.facilitator[p] != setup.facilitator[q]:
                        continue
                    before = penalty(g) + penalty(h)
                    apart_before = together(g) + together(h)
                    members[g][members[g].index(p)], members[h][members[h].index(q)] = q, p
                    row[p], row[q] = h, g
                    change = penalty(g) + penalty(h) - before
                    parted = together(g) + together(h) - apart_before
                    members[g][members[g].index(q)], members[h][members[h].index(p)] = p, q
                    row[p], row[q] = g, h
                    repeats = sum(meet[p].get(x, 0) for x in members[h] if x != q)
                    repeats += sum(meet[q].get(x, 0) for x in members[g] if x != p)
                    swaps.append((change, parted, repeats, p, q))
        lowering = [s for s in swaps if s[0] < 0 and s[1] <= 0]
        if not lowering:
            assert found is None
            continue
        assert found is not None and found[:3] == min(lowering)[:3]
        assert found in swaps  # its changes and repeats are those of its swap made for real


@pytest.mark.parametrize(("n", "size"), [(70, 6), (100, 10), (250, 12)])
def test_greedy_rounds_keep_every_pair_kept_apart_apart_while_they_mend_balance(n, size):
    # A host's list: eight organisations and four regions balanced, a facilitator a table,
    # keep-apart sets of three on a fifth. Until 2026-12-03 the mending of a greedy round's
    # balance swapped people into a group holding someone they are kept apart from (70-1,000
    # people: up to 6 such pairs over 4 rounds), and the search broke the balance by
    # hundreds of counts to part them (1,000 people at 40 tables: 8 s, over the 5 s aimed at).
    from liftkit.core.groups.greedy import add_meetings, greedy_round
    from liftkit.core.groups.model import SplitRequest
    from liftkit.core.groups.setup import make_problem, prepare
    from liftkit.core.people.reader import Person

    orgs, regions = host_list(n)
    crowd = [Person(f"P{i}", "", {"org": f"o{orgs[i]}", "region": f"r{regions[i]}"})
             for i in range(n)]  # fmt: skip
    tables = -(-n // size)
    apart = [list(range(j, j + 3)) for j in range(0, n // 5 // 3 * 3, 3)]
    request = SplitRequest(
        size=size,
        rounds=4,
        balance=("org", "region"),
        apart=tuple(",".join(f"P{i}" for i in names) for names in apart),
        facilitators=tuple(f"P{i}" for i in range(n - tables, n)),
    )
    setup = prepare(crowd, request)
    problem = make_problem(setup, [None] * 4)
    for seed in range(4):
        rng, schedule, meet = random.Random(seed), [], [{} for _ in range(n)]
        for _ in range(4):
            row = greedy_round(setup, problem, schedule, meet, rng)
            for names in apart:
                assert len({row[p] for p in names}) == len(names)
            for values in (orgs, regions):
                for v in set(values):
                    share = values.count(v) / tables
                    counts = Counter(row[p] for p in range(n) if values[p] == v)
                    assert all(int(share) <= counts[g] <= -(-share // 1) for g in range(tables))
            schedule.append(row)
            add_meetings(meet, row)


def test_a_design_kept_with_counts_out_of_band_ends_balanced(cli, tmp_path):
    # 272 people at 19 tables for 21 rounds, an organisation of 15 (at most one a table)
    # among 257 of another: transversal rows are kept with 24 counts out of band for the
    # search to mend, and its budget ran out with 5 left (two of the 15 at a table, a
    # table of 12 of the 257). Each round left out of band is now mended by mend.py's
    # swaps, at the cost of a few repeats (bench/random_splits.py --large, seed 1).
    few = {26, 40, 65, 71, 93, 98, 125, 132, 164, 168, 203, 223, 245, 266, 267}
    data = by_organisation(cli, tmp_path, [int(i in few) for i in range(272)], 19, 21, 251479)
    assert recount(data, 272) == data["score"]["repeat_pairs"]


def by_organisation(cli, tmp_path, orgs, tables, rounds, seed):
    """The command's JSON for people of these organisations at `tables` tables, --balance
    org, after checking every organisation within its band at every table."""
    people = tmp_path / "people.csv"
    people.write_text("name,org\n" + "".join(f"P{i},o{org}\n" for i, org in enumerate(orgs)))
    result = cli("groups", str(people), "--count", str(tables), "--rounds", str(rounds),
                 "--seed", str(seed), "--balance", "org", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            counts = Counter(m["attributes"]["org"] for m in group["members"])
            for v, total in Counter(orgs).items():
                assert total // tables <= counts[f"o{v}"] <= -(-total // tables)
    return data
