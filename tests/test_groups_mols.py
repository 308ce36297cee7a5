"""Orthogonal arrays (MacNeish's products, a difference matrix, stored Latin squares): every
stored table is recounted here, and the schedules they give repeat no pair in the output."""

import itertools
import json

import pytest
from test_groups_known import assert_balanced, recount

from liftkit.core.groups import mols_data
from liftkit.core.groups.designs import _transversal
from liftkit.core.groups.filled import filled_groups, filled_two_sizes, never_meet
from liftkit.core.groups.geometry import MOLS_10
from liftkit.core.groups.mols import best_array, mols_rounds, prime_power_factors

# --- the stored tables, recounted from their text ----------------------------------------


def test_the_difference_matrix_of_order_12_holds_every_difference_once_per_pair_of_columns():
    rows = [line.split() for line in mols_data.DIFFERENCE_MATRIX_12.split("\n") if line]
    assert len(rows) == 12 and {len(row) for row in rows} == {6}

    def minus(x, y):  # in Z_2 x Z_6, on the written pairs
        return ((int(x[0]) - int(y[0])) % 2, (int(x[1]) - int(y[1])) % 6)

    everything = {(a, b) for a in range(2) for b in range(6)}
    for i, j in itertools.combinations(range(6), 2):
        assert {minus(row[i], row[j]) for row in rows} == everything, (i, j)


STORED = [
    (10, 2, [[line for line in square] for square in MOLS_10]),
    (14, 4, [[line[s] for line in map(str.split, filter(None, mols_data.MOLS_14.split("\n")))]
             for s in range(4)]),
    (15, 4, [[line[s] for line in map(str.split, filter(None, mols_data.MOLS_15.split("\n")))]
             for s in range(4)]),
]  # fmt: skip


@pytest.mark.parametrize(("order", "count", "squares"), STORED, ids=[f"{s[0]}" for s in STORED])
def test_stored_latin_squares_are_latin_and_mutually_orthogonal(order, count, squares):
    assert len(squares) == count
    for square in squares:
        assert len(square) == order
        symbols = set(square[0])
        assert len(symbols) == order
        for row in square:
            assert set(row) == symbols
        for c in range(order):
            assert {row[c] for row in square} == symbols
    for a, b in itertools.combinations(squares, 2):
        cells = {(a[r][c], b[r][c]) for r in range(order) for c in range(order)}
        assert len(cells) == order * order


# --- the arrays, rebuilt whole and recounted ---------------------------------------------


def _whole(array):
    return [row for c in range(array.order) for row in array.rows(c, array.width)]


# order: columns; MacNeish's bound min(q) + 1, or the stored array where it is wider
# or a product of two (30 = 3 x 10, 42 = 3 x 14, 48 = 4 x 12, 70 = 5 x 14, 150 = 3 x 5 x 10)
WIDTHS = {6: 3, 8: 9, 10: 4, 12: 7, 14: 6, 15: 6, 18: 7, 20: 6, 21: 7, 22: 5, 24: 9, 28: 7, 33: 7,
          34: 6, 35: 6, 30: 6, 26: 6, 42: 4, 48: 5, 70: 6, 150: 6}  # fmt: skip


@pytest.mark.parametrize(("order", "width"), sorted(WIDTHS.items()))
def test_every_array_holds_each_pair_of_symbols_once_in_any_two_columns(order, width):
    array = best_array(order)
    assert array is not None and array.order == order and array.width == width
    rows = _whole(array)
    assert len(rows) == order * order and {len(row) for row in rows} == {width}
    for i, j in itertools.combinations(range(width), 2):
        assert len({(row[i], row[j]) for row in rows}) == order * order, (i, j)
    for c in range(order):  # a class: its own number last, every other column a permutation
        members = array.rows(c, width)
        assert {row[-1] for row in members} == {c}
        for i in range(width - 1):
            assert len({row[i] for row in members}) == order


def test_numbers_split_into_prime_powers():
    for g in range(2, 400):
        factors = prime_power_factors(g)
        product = 1
        for q in factors:
            product *= q
        assert product == g
        assert all(len({p for p in range(2, q + 1) if q % p == 0 and all(
            p % d for d in range(2, p))}) == 1 for q in factors)  # fmt: skip


def _check(points, rounds, n, groups):
    """Rounds partition the points; real people (below n) never share two groups."""
    seen = set()
    for round_groups in rounds:
        assert len(round_groups) == groups
        assert sorted(x for group in round_groups for x in group) == list(range(points))
        sizes = [sum(1 for x in group if x < n) for group in round_groups]
        assert max(sizes) - min(sizes) <= 1
        for group in round_groups:
            for pair in itertools.combinations(sorted(x for x in group if x < n), 2):
                assert pair not in seen
                seen.add(pair)


@pytest.mark.parametrize(
    ("n", "groups", "wanted", "rounds"),
    [(144, 12, 7, 7), (140, 12, 7, 7), (139, 12, 6, 6), (48, 12, 12, 12), (58, 12, 12, 12),
     (72, 12, 12, 12), (36, 6, 3, 3), (97, 10, 4, 4), (30, 10, 10, 10), (70, 14, 14, 14),
     (196, 14, 6, 6), (75, 15, 15, 15), (72, 18, 18, 18), (80, 20, 20, 20), (225, 15, 6, 6),
     (390, 20, 5, 5), (1000, 200, 12, 12), (100, 20, 20, 20), (88, 22, 22, 22),
     (126, 21, 21, 21), (144, 24, 24, 24), (140, 28, 28, 28), (136, 34, 34, 34)],
)  # fmt: skip
def test_the_layouts_give_rounds_without_a_repeat(n, groups, wanted, rounds):
    made = mols_rounds(n, groups, wanted)
    assert made is not None
    _name, points, design = made
    assert len(design) == rounds
    _check(points, design, n, groups)


# --- the command line ---------------------------------------------------------------------


def _people(path, n, sectors=""):
    header = "name,email" + (",sector" if sectors else "")
    rows = "".join(
        f"P{i},p{i}@x.org" + (f",{sectors[i * 7 % len(sectors)]}" if sectors else "") + "\n"
        for i in range(n)
    )
    path.write_text(header + "\n" + rows)


def _run(cli, path, *options):
    result = cli("groups", str(path), *options, "--seed", "1", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("n", "option", "value", "rounds", "groups"),
    [(144, "--count", 12, 4, 12), (144, "--count", 12, 7, 12), (140, "--count", 12, 7, 12),
     (48, "--size", 4, 12, 12), (60, "--size", 5, 12, 12), (72, "--size", 6, 12, 12),
     (70, "--size", 5, 14, 14), (75, "--size", 5, 15, 15), (36, "--count", 6, 3, 6),
     (130, "--size", 5, 26, 26), (104, "--size", 4, 26, 26), (150, "--size", 5, 30, 30),
     (120, "--size", 4, 30, 30), (146, "--size", 5, 30, 30), (90, "--size", 5, 18, 18),
     (108, "--size", 6, 18, 18), (150, "--size", 5, 36, 30), (96, "--size", 4, 31, 24),
     (128, "--size", 4, 42, 32), (144, "--size", 4, 45, 36), (80, "--size", 4, 25, 20),
     (149, "--size", 5, 36, 30), (148, "--size", 5, 36, 30), (95, "--size", 4, 31, 24),
     (108, "--size", 6, 19, 18), (100, "--size", 5, 21, 20), (99, "--size", 5, 21, 20),
     # resolvable 4-GDDs of type 3^u (starters.txt), a few people short, and filled
     (36, "--size", 4, 11, 9), (35, "--size", 4, 11, 9), (33, "--count", 9, 11, 9),
     (84, "--size", 4, 27, 21), (108, "--size", 4, 35, 27), (105, "--count", 27, 35, 27),
     (120, "--size", 4, 39, 30), (117, "--count", 30, 39, 30),
     (144, "--size", 4, 47, 36), (142, "--size", 4, 47, 36),
     # rooms of two sizes: a transversal design whose last column is part ghosts, each
     # column then split into rooms of its own (filled_two_sizes)
     (40, "--count", 9, 10, 9), (41, "--count", 9, 10, 9), (60, "--count", 11, 12, 11),
     (61, "--count", 11, 12, 11), (56, "--count", 13, 14, 13), (85, "--count", 13, 14, 13),
     (64, "--count", 14, 15, 14), (145, "--count", 17, 18, 17),
     # and full columns split into rooms of their own in two ways (20 into 4 and 5 rooms)
     (84, "--count", 20, 21, 20), (57, "--count", 16, 20, 16), (102, "--count", 28, 36, 28),
     (146, "--size", 5, 36, 30), (147, "--size", 5, 36, 30)],
)  # fmt: skip
def test_the_command_gives_these_schedules_without_a_repeat(
    cli, tmp_path, n, option, value, rounds, groups
):
    people = tmp_path / "people.csv"
    _people(people, n)
    data = _run(cli, people, option, str(value), "--rounds", str(rounds))
    assert [len(rnd["groups"]) for rnd in data["rounds"]] == [groups] * rounds
    assert recount(data, n) == 0 == data["score"]["repeat_pairs"]


@pytest.mark.parametrize(("n", "option", "rounds"), [(144, "--count", 5), (72, "--size", 12)])
def test_balanced_on_six_sectors_in_twelve_groups_without_a_repeat(
    cli, tmp_path, n, option, rounds
):
    # 144 at 12 tables (two of each sector a table), 72 in 12 rooms of 6 (one of each: then
    # each person meets everyone of the other sectors once, so only people of one sector can
    # be kept apart without a repeat; P0, P6 and P12 are all in sector a)
    people = tmp_path / "people.csv"
    _people(people, n, "abcdef")
    value = "12" if option == "--count" else "6"
    data = _run(cli, people, option, value, "--rounds", str(rounds), "--balance", "sector",
                "--apart", "P0,P6,P12")  # fmt: skip
    assert recount(data, n) == 0
    assert_balanced(data)
    for rnd in data["rounds"]:
        for group in rnd["groups"]:
            assert len({"P0", "P6", "P12"} & {m["name"] for m in group["members"]}) <= 1


def test_balance_holds_when_the_arrays_last_round_cannot_be_balanced(cli, tmp_path):
    # The seventh round of 144 at 12 tables seats whole classes of the array together, so
    # no hand-out of its points balances six sectors; the balance is kept anyway.
    people = tmp_path / "people.csv"
    _people(people, 144, "abcdef")
    data = _run(cli, people, "--count", "12", "--rounds", "7", "--balance", "sector")
    assert len(data["rounds"]) == 7
    recount(data, 144)  # everyone once a round, sizes within one
    assert_balanced(data)


# --- a transversal design's columns filled (filled.py) -------------------------------------


def test_the_columns_of_a_transversal_design_are_the_people_who_never_meet():
    _name, points, design = mols_rounds(150, 30, 30)
    columns = never_meet(design, points)
    assert columns is not None and len(columns) == 5 and {len(c) for c in columns} == {30}
    for rnd in design:  # one person of each column in every group
        for group in rnd:
            assert sorted(next(i for i, c in enumerate(columns) if p in c) for p in group) == [
                0,
                1,
                2,
                3,
                4,
            ]
    assert never_meet(design[:29], points) is None  # pairs left unmet across columns


def test_without_a_schedule_for_one_column_filling_adds_one_split_of_each():
    def base(n, groups, wanted):
        return mols_rounds(n, groups, wanted)

    def nothing(n, groups, wanted):
        return None

    def short(n, groups, wanted):  # a column's people and two ghosts: not used
        return "with ghosts", n + 2, [[list(range(g * 5, g * 5 + 5)) for g in range(6)]]

    for inner in (nothing, short):
        made = filled_groups(150, 30, 36, base, inner)
        assert made is not None and made[1] == 150 and len(made[2]) == 31
        _check(150, made[2], 150, 30)  # every round a split of everyone, no pair twice
    assert filled_groups(150, 30, 30, base, nothing) is None  # nothing to add


@pytest.mark.parametrize(("n", "groups", "rounds"), [(60, 11, 12), (61, 11, 12), (40, 9, 10)])
def test_rooms_of_two_sizes_fill_the_columns_of_a_design_part_ghosts(n, groups, rounds):
    # five columns of 11 people, each in a room of 5 and one of 6 in the twelfth round, and
    # the sixth column's 5 or 6 people (the rest ghosts) in one room: 11 rooms of 5 and 6
    def nothing(people, rooms, wanted):
        return None

    made = filled_two_sizes(n, groups, rounds, _transversal, nothing)
    assert made is not None and made[1] == n and len(made[2]) == rounds
    _check(n, made[2], n, groups)
    small = n // groups
    for rnd in made[2]:
        assert sorted(map(len, rnd)) == [small] * (groups - n % groups) + [small + 1] * (n % groups)
    assert filled_two_sizes(n, groups, groups, _transversal, nothing) is None  # nothing to add
    # 62 people: the part column's 7 fit no room of 5 or 6 beside ten rooms of full columns
    assert filled_two_sizes(62, 11, 12, _transversal, nothing) is None


def test_a_balanced_split_keeps_the_base_of_a_filled_design_whose_filling_cannot_balance(
    cli, tmp_path
):
    # 145 people of six sectors in 17 rooms for 18 rounds: the filled design's last round
    # puts each column's people in rooms of their own, which no hand-out of sectors keeps
    # balanced, so its fit failed and every round was greedy (1,806 repeats). Its base, the
    # 17 rounds of transversal rows, takes the balance as it did before the filling.
    people = tmp_path / "people.csv"
    _people(people, 145, "abcdef")
    data = _run(cli, people, "--count", "17", "--rounds", "18", "--balance", "sector")
    assert_balanced(data)
    assert recount(data, 145) < 145 * 5  # 558 with the base; fewer than 5 a person
