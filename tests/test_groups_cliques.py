"""Packing the people of each one-a-group value onto points that never meet (cliques.py):
proofs that a design's rounds cannot be balanced, checked against brute force, and the
command-level effect on a balanced schedule."""

import itertools
import json
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_groups_known import recount

from liftkit.core.groups import plan
from liftkit.core.groups.cliques import cannot_balance, pack, packed_order
from liftkit.core.groups.designs import best_design, transversal_rows
from liftkit.core.groups.geometry import (
    PLEX_SIZES,
    SHARED_GHOSTS,
    SHARED_MOLS_10,
    SHARED_PLEXES,
    latin_squares,
    shared_plexes,
)
from liftkit.core.groups.search import Problem


def problem(n, groups, values, rounds):
    """n people in `groups` groups, one balance column; a value with no more holders than
    groups may be at most once in a group."""
    totals = Counter(values)
    bands = [(t // groups, -(-t // groups)) for _, t in sorted(totals.items())]
    return Problem(
        n, groups, [[p] for p in range(n)], [(1, 0)] * n, [[] for _ in range(n)],
        [list(values)], [bands], [1], [None] * rounds,
    )  # fmt: skip


def met_pairs(rounds):
    return {pair for groups in rounds for g in groups for pair in itertools.combinations(g, 2)}


def sector_values(n):
    return [i % 6 for i in range(n)]  # six organisations, five people each for n = 30


def test_six_rounds_of_thirty_in_six_rooms_leave_no_room_for_six_organisations():
    # Each person meets 24 of 29 over six rounds of fives; six disjoint sets of five that
    # never meet would need the five left to be the same five for all of them.
    design = best_design(30, 6, 6, random.Random(1))
    assert design is not None and len(design.rounds) >= 6
    pb = problem(30, 6, sector_values(30), 6)
    assert pack(pb, design.rounds[:6], 0) is None
    # Five rounds leave nine unmet partners each: the organisations fit, on points that
    # never meet, and a colouring built on them holds every organisation once a room.
    cliques = pack(pb, design.rounds[:5], 0)
    assert cliques is not None and sorted(map(len, cliques)) == [5] * 6
    assert len({x for c in cliques for x in c}) == 30
    met = met_pairs(design.rounds[:5])
    assert not any(pair in met for c in cliques for pair in itertools.combinations(sorted(c), 2))
    order = packed_order(pb, design.rounds[:5], list(range(30)))
    assert order is not None and sorted(order) == list(range(30))
    for groups in design.rounds[:5]:
        for group in groups:
            holders = [sector_values(30)[order[x]] for x in group]
            assert len(set(holders)) == len(holders)


def brute_force(n, values, rounds):
    """Whether the holders of each scarce value can stand on points that never meet."""
    met = met_pairs(rounds)
    sizes = sorted((t for t in Counter(values).values() if t > 1), reverse=True)

    def fits(free, sizes):
        if not sizes:
            return True
        for chosen in itertools.combinations(sorted(free), sizes[0]):
            apart = not any(pair in met for pair in itertools.combinations(chosen, 2))
            if apart and fits(free - set(chosen), sizes[1:]):
                return True
        return False

    return fits(set(range(n)), sizes)


@st.composite
def small_cases(draw):
    groups = draw(st.integers(2, 4))
    n = draw(st.integers(groups, 10))
    rounds = []
    for _ in range(draw(st.integers(1, 4))):
        points = draw(st.permutations(range(n)))
        rounds.append([sorted(points[g::groups]) for g in range(groups)])
    values = [draw(st.integers(0, 3)) for _ in range(n)]
    return n, groups, values, rounds


@settings(max_examples=300, deadline=None)
@given(small_cases())
def test_a_packing_is_found_exactly_when_one_exists(case):
    n, groups, values, rounds = case
    ids = {v: i for i, v in enumerate(sorted(set(values)))}
    values = [ids[v] for v in values]
    pb = problem(n, groups, values, len(rounds))
    scarce = [v for v, t in Counter(values).items() if 1 < t <= groups]
    found = pack(pb, rounds, 0)
    holders = Counter(v for v in values if v in scarce)
    only_scarce = [v if v in scarce else -1 - p for p, v in enumerate(values)]
    assert (found is not None) == brute_force(n, only_scarce, rounds)
    if found is not None:
        met = met_pairs(rounds)
        assert sorted(map(len, found)) == sorted(holders.values())
        assert len({x for c in found for x in c}) == sum(holders.values())
        for clique in found:
            assert not met & set(itertools.combinations(sorted(clique), 2))


def test_thirty_of_six_organisations_in_six_rooms_keep_five_rounds_of_the_design(cli, tmp_path):
    # Six rounds cannot hold one of each organisation a room without repeats; five can, and
    # the sixth is the only one that repeats. Before the packing, seeds 3 and 6 lost the
    # design (the colouring search failed) and ended with 43 and 45 repeats.
    n = 30
    people = tmp_path / "people.csv"
    rows = "".join(f"P{i},p{i}@x.org,{'abcdef'[i % 6]}\n" for i in range(n))
    people.write_text("name,email,sector\n" + rows)
    apart = [{"P15", "P5", "P23"}, {"P18", "P9", "P6"}]
    for seed in ("3", "6"):
        result = cli("groups", str(people), "--count", "6", "--rounds", "6", "--seed", seed,
                     "--balance", "sector", "--apart", "P15,P5,P23", "--apart", "P18,P9,P6",
                     "--format", "json")  # fmt: skip
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        for rnd in data["rounds"]:
            for group in rnd["groups"]:
                names = {m["name"] for m in group["members"]}
                sectors = [m["attributes"]["sector"] for m in group["members"]]
                assert len(set(sectors)) == len(sectors) == 5
                assert all(len(kept & names) <= 1 for kept in apart)
        repeats = recount(data, n)
        assert repeats == data["score"]["repeat_pairs"]
        # One round of 6 x 10 pairs on top of five without a repeat: at most 60 repeat,
        # and the search brings it near half of that.
        assert repeats <= 32


def common_transversals(rounds):
    """Every set of ten cells with one in each group of all four rounds, by brute force
    over the groups of the first round."""
    group_of = [{x: g for g, group in enumerate(groups) for x in group} for groups in rounds]
    found = []

    def extend(chosen, g):
        if g == 10:
            found.append(chosen)
            return
        for x in rounds[0][g]:
            if all(all(where[x] != where[y] for where in group_of) for y in chosen):
                extend([*chosen, x], g + 1)

    extend([], 0)
    return found


def test_four_organisations_of_ten_are_one_a_table_over_two_latin_squares():
    # 100 people at 10 tables for 4 rounds (rows, columns and two orthogonal Latin squares
    # of order 10): ten people one a table in every round stand on a common transversal of
    # both squares. The first pair has none; the second has four, disjoint.
    design = best_design(100, 10, 4, random.Random(1))
    assert design.name == "two orthogonal Latin squares of order 10"
    assert common_transversals(design.rounds[:4]) == []
    made = latin_squares(100, 10, 4, SHARED_MOLS_10)
    assert made is not None
    rounds = made[2]
    common = common_transversals(rounds)
    assert len(common) == 4
    assert len({x for cells in common for x in cells}) == 40  # disjoint
    # pack finds where four organisations of ten stand: on those four.
    four = [v for v in range(4) for _ in range(10)] + list(range(4, 64))
    cliques = pack(problem(100, 10, four, 4), rounds, 0)
    assert cliques is not None and sorted(map(sorted, cliques)) == sorted(map(sorted, common))
    met = met_pairs(rounds)
    assert not any(met & set(itertools.combinations(sorted(c), 2)) for c in cliques)


def test_the_second_pair_falls_into_six_common_plexes():
    # Counted on the squares themselves: each block of SHARED_PLEXES holds its size in
    # every row, every column and every symbol of both squares; blocks 0-3 are the four
    # common transversals (3 the ghosts'), 4 and 5 hold three a line.
    square_a, square_b = SHARED_MOLS_10
    cells = {
        b: [x for x in range(100) if SHARED_PLEXES[x // 10][x % 10] == str(b)] for b in range(6)
    }
    assert sorted(x for block in cells.values() for x in block) == list(range(100))
    lines = {
        "row": lambda x: x // 10,
        "column": lambda x: x % 10,
        "first symbol": lambda x: square_a[x // 10][x % 10],
        "second symbol": lambda x: square_b[x // 10][x % 10],
    }
    for b, block in cells.items():
        for line in lines.values():
            assert sorted(Counter(map(line, block)).values()) == [PLEX_SIZES[b]] * 10
    made = latin_squares(100, 10, 4, SHARED_MOLS_10)
    assert made is not None
    assert sorted(sorted(cells[b]) for b in range(4)) == sorted(
        map(sorted, common_transversals(made[2]))
    )
    assert sorted(cells[3]) == sorted(SHARED_GHOSTS)


@pytest.mark.parametrize("n", [100, 95])
def test_plexes_meet_every_table_of_every_round_equally_often(n):
    made = latin_squares(n, 10, 4, SHARED_MOLS_10, SHARED_GHOSTS if n < 100 else ())
    assert made is not None
    plexes = shared_plexes(n)
    assert [size for size, _ in plexes] == ([1, 1, 1, 1, 3, 3] if n == 100 else [1, 1, 1, 3, 3])
    for size, points in plexes:
        assert all(p < n for p in points)  # never a ghost's point
        for groups in made[2]:
            assert all(len(set(points) & set(group)) == size for group in groups)


def balanced_world_cafe(cli, tmp_path, sizes, seed, tables=10, rounds=4, apart=()):
    """The command's JSON for organisations of these sizes at 10 tables for 4 rounds (or
    as given), balanced on organisation (and with `apart`, sets of people numbers, kept
    apart), after checking every table holds each within its band and nobody shares it
    with someone kept apart."""
    orgs = [f"org{o}" for o, t in enumerate(sizes) for _ in range(t)]
    people = tmp_path / "people.csv"
    people.write_text("name,email,org\n" + "".join(f"P{i},,{o}\n" for i, o in enumerate(orgs)))
    kept = [arg for names in apart for arg in ("--apart", ",".join(f"P{i}" for i in names))]
    result = cli("groups", str(people), "--count", str(tables), "--rounds", str(rounds),
                 "--seed", seed, "--balance", "org", "--format", "json", *kept)  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["rounds"]) == rounds
    for rnd in data["rounds"]:
        assert len(rnd["groups"]) == tables
        for group in rnd["groups"]:
            counts = Counter(m["attributes"]["org"] for m in group["members"])
            for o, t in enumerate(sizes):
                assert t // tables <= counts[f"org{o}"] <= -(-t // tables)  # balanced
            names = {m["name"] for m in group["members"]}
            for names_apart in apart:
                assert sum(f"P{i}" in names for i in names_apart) <= 1  # kept apart
    return data


def test_a_hundred_of_three_organisations_at_ten_tables_for_four_rounds(cli, tmp_path):
    # World Café, 100 people of three organisations (34, 33, 33): 3 or 4 of each at every
    # table in every round, and nobody meets twice (the descents alone stopped a few counts
    # short of a balanced design and the schedule ended with 56-62 repeats).
    for seed in ("1", "2"):
        data = balanced_world_cafe(cli, tmp_path, [34, 33, 33], seed)
        assert recount(data, 100) == 0 == data["score"]["repeat_pairs"]


@pytest.mark.parametrize(
    "sizes", [[24, 23, 23, 10, 10, 10], [35, 25, 15, 15, 10], [32, 24, 15, 10, 10]]
)
def test_organisations_of_ten_at_ten_tables_hold_over_four_rounds_without_repeats(
    cli, tmp_path, sizes
):
    # World Café, 100 people (or 91) at 10 tables for 4 rounds, balanced on organisation,
    # with organisations of exactly ten: one of each at every table in every round, and
    # nobody meets twice. On the first pair of Latin squares (no common transversal) only
    # three rounds could hold them, and the schedule ended with 29-53 repeats; the second
    # pair takes them on all four. With 91 people its nine ghosts stand on a common
    # transversal of their own, never two at a table, and leave the others whole.
    for seed in ("1", "2"):
        data = balanced_world_cafe(cli, tmp_path, sizes, seed)
        assert recount(data, sum(sizes)) == 0 == data["score"]["repeat_pairs"]


@pytest.mark.parametrize(
    "sizes", [[33, 22, 16, 13, 6, 5, 5], [44, 44, 12], [32, 26, 18, 14, 5, 5], [35, 25, 19, 16, 5]]
)
def test_uneven_organisations_at_ten_tables_hold_over_four_rounds_without_repeats(
    cli, tmp_path, sizes
):
    # World Café, 100 people of organisations of uneven sizes at 10 tables for 4 rounds,
    # balanced on organisation: the colouring that mends one table at a time stalled a few
    # counts short of the Latin squares' four rounds, and the schedule ended with 41-66
    # repeats with both seeds; the tabu search (tabu.py) settles it.
    for seed in ("1", "2"):
        data = balanced_world_cafe(cli, tmp_path, sizes, seed)
        assert recount(data, 100) == 0 == data["score"]["repeat_pairs"]


def test_eight_organisations_in_an_affine_plane_of_order_seven(cli, tmp_path):
    # 49 people of eight organisations in 7 groups for 6 rounds (an affine plane): the four
    # smallest are at most one a group, packed on points that never meet (cliques.py), and
    # the organisation of 7 exactly one a group. Seeds 3-5 ended with 89-96 repeats.
    for seed in ("1", "2", "3", "4"):
        data = balanced_world_cafe(cli, tmp_path, [11, 9, 7, 6, 5, 5, 3, 3], seed, 7, 6)
        assert recount(data, 49) == 0


@pytest.mark.parametrize("sizes", [[21, 20, 20, 20, 20, 20], [27, 22, 18, 15, 13, 12, 8, 6]])
def test_an_affine_plane_spreads_organisations_laid_on_whole_rows(cli, tmp_path, sizes):
    # 121 people at 11 tables for 6 rounds, balanced on organisation: six of the twelve
    # directions of AG(2,11). A line of a direction left out crosses every table of every
    # round once, so the rows are such lines and an organisation laid on whole rows is
    # spread evenly. The rows were the first round's tables: 305-330 repeats.
    for seed in ("1", "2"):
        data = balanced_world_cafe(cli, tmp_path, sizes, seed, 11, 6)
        assert recount(data, 121) == 0 == data["score"]["repeat_pairs"]


@pytest.mark.parametrize(
    ("sizes", "tables", "rounds"),
    [([24, 23, 17, 15, 14, 7], 10, 4), ([15, 12, 10, 7, 5], 7, 6)],
)
def test_keep_apart_sets_hold_on_a_balanced_design_without_repeats(
    cli, tmp_path, sizes, tables, rounds
):
    # Keep-apart sets of three on a fifth of the people, on top of organisation balance:
    # after the tabu search balances the design, people of the same organisation swap
    # points (which leaves every count as it is) until nobody shares a table with someone
    # kept apart. 100 people of six organisations at 10 tables ended with 62 and 77
    # repeats, 49 of five in 7 groups for 6 rounds with 90 for seed 2.
    n = sum(sizes)
    chosen = random.Random(2024).sample(range(n), n // 5 // 3 * 3)
    apart = [chosen[i : i + 3] for i in range(0, len(chosen), 3)]
    for seed in ("1", "2"):
        data = balanced_world_cafe(cli, tmp_path, sizes, seed, tables, rounds, apart)
        assert recount(data, n) == 0 == data["score"]["repeat_pairs"]


@pytest.mark.parametrize("n", [91, 95, 99])
def test_the_ghosts_of_the_second_pair_never_share_a_table(n):
    made = latin_squares(n, 10, 4, SHARED_MOLS_10, SHARED_GHOSTS)
    assert made is not None
    _, points, rounds = made
    assert points == 100 and len(rounds) == 4
    for groups in rounds:
        assert sorted(x for group in groups for x in group) == list(range(100))
        assert all(sum(x >= n for x in group) <= 1 for group in groups)
    met = Counter(
        pair for groups in rounds for g in groups for pair in itertools.combinations(sorted(g), 2)
    )
    assert len(met) == 4 * 10 * 45 and max(met.values()) == 1  # nobody meets twice


def test_eight_organisations_at_ten_tables_stay_balanced(cli, tmp_path):
    # 100 people of eight organisations (22 down to 5) at 10 tables for 4 rounds: the
    # organisation of 10 must be one a table, on a common transversal of the second pair
    # of squares; the 22 and the 18 start on others, and the tabu search settles the rest
    # (56 and 53 repeats with seeds 1 and 2 at session start, three rounds balanced).
    for seed in ("1", "2"):
        data = balanced_world_cafe(cli, tmp_path, [22, 18, 15, 12, 11, 10, 7, 5], seed)
        assert recount(data, 100) == data["score"]["repeat_pairs"] == 0


@pytest.mark.parametrize(
    "sizes",
    [[40, 30, 20, 10], [50, 50], [30, 30, 30, 10], [30, 25, 20, 15, 10], [30, 25, 20, 15, 5]],
)
def test_organisations_of_whole_tens_at_ten_tables_lie_on_plexes(cli, tmp_path, sizes):
    # Organisations of exactly 10 m people must be exactly m at every table in every round.
    # Laid on blocks of the second pair's plexes that add up to m (40 = 30 + 10, 50 =
    # 30 + 10 + 10, ...), they are by construction; the colourings left 35-65 repeats.
    # 95 people: their ghosts on one transversal, the blocks on the others.
    for seed in ("1", "2"):
        data = balanced_world_cafe(cli, tmp_path, sizes, seed)
        assert recount(data, sum(sizes)) == 0 == data["score"]["repeat_pairs"]


def test_the_second_pair_helps_uneven_organisations_too(cli, tmp_path):
    # 100 people of 22/21/16/14/14/13: the first pair's colouring fails for seeds 1 and 4
    # (45 and 49 repeats); the second pair, with the 22 and the 21 started on two common
    # transversals each, settles them.
    for seed in ("1", "4"):
        data = balanced_world_cafe(cli, tmp_path, [22, 21, 16, 14, 14, 13], seed)
        assert recount(data, 100) == 0 == data["score"]["repeat_pairs"]


@pytest.mark.parametrize(("n", "size", "rounds", "seed"), [(125, 5, 20, "2"), (64, 4, 15, "1")])
def test_a_design_coloured_far_out_of_band_is_not_kept(cli, tmp_path, n, size, rounds, seed):
    # Six even sectors over many rounds of an affine geometry (AG(3,5), AG(3,4)): the
    # colouring left five of one sector in a group of five, or 32 counts out of band in
    # 240 groups, and the search, left to mend it, ended with four (or three) of a sector
    # together. Greedy rounds keep every sector within one, at the cost of repeats.
    sectors = [f"s{i % 6}" for i in range(n)]
    people = tmp_path / "people.csv"
    people.write_text(
        "name,email,sector\n" + "".join(f"P{i},,{s}\n" for i, s in enumerate(sectors))
    )
    result = cli("groups", str(people), "--size", str(size), "--rounds", str(rounds),
                 "--seed", seed, "--balance", "sector", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["rounds"]) == rounds
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            counts = Counter(m["attributes"]["sector"] for m in group["members"])
            groups = len(rnd["groups"])
            for s in range(6):
                total = sectors.count(f"s{s}")
                assert total // groups <= counts[f"s{s}"] <= -(-total // groups)


@pytest.mark.parametrize(
    ("sizes", "seed"),
    [([39, 19, 19, 14, 9], "1"), ([39, 19, 19, 14, 9], "2"), ([31, 24, 20, 12, 8], "1")],
)
def test_a_colouring_a_few_counts_short_keeps_every_round(cli, tmp_path, sizes, seed):
    # Neither pair of Latin squares settles these colourings: a few counts are left out of
    # band. All four rounds are kept and the search mends those counts, which costs a few
    # repeats; keeping only the three rounds that settle and adding a greedy fourth left
    # 47, 50 and 43.
    data = balanced_world_cafe(cli, tmp_path, sizes, seed)
    assert recount(data, sum(sizes)) == data["score"]["repeat_pairs"] <= 10


@pytest.mark.parametrize("sizes", [[20, 20, 20, 20, 20], [40, 20, 20, 20]])
def test_two_of_each_organisation_at_every_table_keeps_four_rounds(cli, tmp_path, sizes):
    # Organisations of 20 must be exactly two at every table. No pair of Latin squares
    # stored here splits into 2-plexes, and both colourings end some 12-14 counts short:
    # only two rounds were kept in band, and two greedy rounds left 62-80 repeats. All four
    # are now kept and the search brings every count back into band, at a few swaps each.
    for seed in ("1", "2"):
        data = balanced_world_cafe(cli, tmp_path, sizes, seed)
        assert recount(data, 100) == data["score"]["repeat_pairs"] <= 30


@pytest.mark.parametrize("carried_on", [True, False])
def test_a_design_the_search_cannot_mend_is_started_again(cli, tmp_path, monkeypatch,
                                                          carried_on):  # fmt: skip
    # The safety nets under the looser rule: 64 people of six sectors in fours for 15
    # rounds of AG(3,4), coloured with 32 counts out of band in 240 groups, which the
    # search (its budget cut for a design) left with three of a sector at a table. Let the
    # looser rule keep it (it applies to up to 6 rounds only): the search is carried on
    # and mends it; where that fails too (here: made to do nothing), the schedule is
    # started again. Either way every sector ends within one.
    monkeypatch.setattr(plan, "LOOSE_ROUNDS", 15)
    monkeypatch.setattr(plan, "LOOSE_REPAIRABLE", 1)
    tried, left = [], []
    searched, carry_on = plan._searched, plan._carry_on
    monkeypatch.setattr(plan, "_searched", lambda *a: tried.append(searched(*a)) or tried[-1])

    def carried(setup, search, request):
        left.append(search.balance_cost())
        if carried_on:
            carry_on(setup, search, request)

    monkeypatch.setattr(plan, "_carry_on", carried)
    sizes = [11, 11, 11, 11, 10, 10]
    balanced_world_cafe(cli, tmp_path, sizes, "1", tables=16, rounds=15)
    assert left and left[0] > 0  # the first search left counts out of band
    assert len(tried) == (1 if carried_on else 2)


def columns_problem(n, groups, columns, rounds):
    """`problem` with several balance columns."""
    bands = []
    for values in columns:
        totals = Counter(values)
        bands.append(
            [(totals[v] // groups, -(-totals[v] // groups)) for v in range(max(values) + 1)]
        )
    return Problem(
        n, groups, [[p] for p in range(n)], [(1, 0)] * n, [[] for _ in range(n)],
        [list(v) for v in columns], bands, [1] * len(columns), [None] * rounds,
    )  # fmt: skip


def standing_exists(pb, rounds):
    """Whether people can stand on the points so that every value allowing one a group, of
    every column, is on points that never meet (backtracking over who stands where). People
    are taken by kind, their values that allow one a group (the others stand anywhere), and
    the point with the fewest kinds left that may stand on it comes next: by person, as it
    was, one example of 12 people that cannot stand took 18 minutes."""
    met = met_pairs(rounds)
    n = pb.people
    single = [
        {v for v in set(values) if pb.bands[c][v][1] == 1 and values.count(v) > 1}
        for c, values in enumerate(pb.columns)
    ]
    kinds = Counter(
        tuple(v if v in single[c] else None for c, v in enumerate(row))
        for row in zip(*pb.columns, strict=True)
    )
    order = list(kinds)
    left = [kinds[k] for k in order]
    met_with = [{y for y in range(n) if tuple(sorted((x, y))) in met} for x in range(n)]
    kind_at = {}
    nobody = (None,) * len(pb.columns)

    def allowed(x, kind):
        return not any(
            v is not None and kind_at.get(y, nobody)[c] == v
            for y in met_with[x] for c, v in enumerate(kind)
        )  # fmt: skip

    def place():
        free = [x for x in range(n) if x not in kind_at]
        if not free:
            return True
        options = {x: [i for i, k in enumerate(order) if left[i] and allowed(x, k)] for x in free}
        if any(sum(i in options[x] for x in free) < left[i] for i in range(len(order))):
            return False  # a kind has fewer points left where it may stand than people
        x = min(free, key=lambda x: len(options[x]))
        for i in options[x]:
            left[i] -= 1
            kind_at[x] = order[i]
            if place():
                return True
            del kind_at[x]
            left[i] += 1
        return False

    return place()


@st.composite
def rows_cases(draw):
    groups, rows = draw(st.sampled_from([(2, 2), (3, 2), (4, 2), (3, 3), (4, 3), (5, 2)]))
    n = groups * rows - draw(st.integers(0, 1))  # the last row may be short
    design = transversal_rows(n, groups, groups)
    assert design is not None
    rounds = design.rounds[: draw(st.integers(1, len(design.rounds)))]
    columns = [[draw(st.integers(0, 3)) for _ in range(n)] for _ in range(2)]
    columns = [[sorted(set(c)).index(v) for v in c] for c in columns]
    return n, groups, columns, rounds


@settings(max_examples=200, deadline=None)
@given(rows_cases())
def test_values_tied_across_columns_that_cannot_share_a_row_are_refused_only_when_so(case):
    # a fit of transversal rows is skipped when this says the values cannot all hold
    n, groups, columns, rounds = case
    pb = columns_problem(n, groups, columns, len(rounds))
    if cannot_balance(pb, rounds, groups):
        assert not standing_exists(pb, rounds)


def test_values_of_two_columns_that_each_fit_the_rows_may_not_fit_them_together():
    # 12 people at 4 tables over rows of 4 points, all four rounds of the rows: every pair
    # of rows meets, so a value of four (one a table) stands on a whole row. Three
    # organisations of 4 fit the rows, and so do three regions of 4; but a region drawn
    # from two organisations ties their rows together, and no row holds eight
    design = transversal_rows(12, 4, 4)
    rounds = design.rounds[:4]
    organisation = [p // 4 for p in range(12)]
    region = [0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 2, 2]
    pb = columns_problem(12, 4, [organisation, region], 4)
    assert pack(pb, rounds, 0) is not None and pack(pb, rounds, 1) is not None  # each alone
    assert cannot_balance(pb, rounds, 4) and not standing_exists(pb, rounds)
    same = columns_problem(12, 4, [organisation, [2 - v for v in organisation]], 4)
    assert not cannot_balance(same, rounds, 4) and standing_exists(same, rounds)
