"""Stand-ins: for each round of the two pairs of orthogonal Latin squares of order 10
(geometry.py's MOLS_10 and SHARED_MOLS_10, four rounds each: rows, columns, the symbols of
each square), other rounds that meet nobody of the other three.

A reshuffle of a round of 100 people at 10 tables over four rounds has to give other rooms
(mates.py's `avoid`) that repeat nobody of the three other rounds: another orthogonal mate
of their net. The design's own round is the rooms there are, and no third square
orthogonal to both is known, so mates.py looked for one by exact cover, which found one
within its budget about one time in four (a café of 100 from a groups file, rounds 1, 2 and
4 reshuffled: 11-13 repeats in 1.3 s). Here are every other mate of each of the eight nets
(an exhaustive cover of their 812 to 908 transversals), fewest groups shared with the round
first; of SHARED_MOLS_10 without its second square, which has more, the first found that
holds one of each of its four common transversals in every group (a facilitator at each
table). The other rounds' stand-ins hold none of them one a group.
"""

from __future__ import annotations

from collections.abc import Sequence

from liftkit.core.groups.geometry import (
    MOLS_10,
    SHARED_GHOSTS,
    SHARED_MOLS_10,
    cell_points,
    latin_squares,
)

Rounds = Sequence[Sequence[Sequence[int]]]
Grid = tuple[str, ...]  # a cell's group (cell 10 * row + column), as the squares are written

STAND_INS: tuple[tuple[tuple[Grid, ...], ...], ...] = (
    (  # MOLS_10
        (  # for the rows
            ("1141199111", "8972983532", "7616505294", "4500317408", "9799860666",
             "6488048870", "0063424957", "5825732045", "3237271323", "2354656789"),
            ("8893734194", "0000000000", "7665499826", "1288882538", "5117953655",
             "4922368417", "2779611271", "6554245962", "3331127343", "9446576789"),
        ),
        (  # for the columns
            ("7843091625", "6815943270", "1365849072", "0246193578", "7895436102",
             "0562384179", "2547369108", "5361489702", "3589426107", "0123456789"),
        ),
        (  # for the first square
            ("4275093618", "6918540273", "9841207356", "5736812094", "2490375861",
             "7362981540", "8059624137", "3587169402", "1604738925", "0123456789"),
        ),
        (  # for the second square
            ("1368592047", "8479301256", "5086247931", "6597830124", "2841975360",
             "9250764813", "3712689405", "4905123678", "7634018592", "0123456789"),
        ),
    ),
    (  # SHARED_MOLS_10
        (  # for the rows
            ("1828120193", "7005094868", "9139917604", "6281768537", "2566303352",
             "3440841040", "0914282211", "8377535976", "5792679425", "4653456789"),
            ("7798898572", "9009134148", "2574622306", "3823483251", "5347279434",
             "0180050060", "1631306715", "8966911987", "6212745623", "4455567899"),
            ("0028320565", "1447764098", "6705915944", "5882288257", "7190007801",
             "9319693322", "2974149610", "8233871136", "3661532473", "4556456789"),
            ("3052412514", "1401048378", "0518725905", "4775609126", "8389184697",
             "9826261063", "6140597832", "7967933250", "2693370441", "5234856789"),
            ("9127919063", "1410731127", "5249892904", "3604373598", "7856044270",
             "4795560446", "6531107612", "0972225855", "8088688331", "2363456789"),
            ("0000000000", "1111111111", "7887887787", "2222222222", "3333333333",
             "4444444444", "5555555555", "6666666666", "8778778878", "9999999999"),
        ),
        (  # for the columns
            ("4361890275", "7382540196", "6718359420", "6739082514", "0427583196",
             "1642395807", "6753089412", "1397852604", "0489236751", "0123456789"),
        ),
        (  # for the first square
            ("2896310574", "8510927346", "3408561297", "7051634928", "5647298103",
             "1379805462", "4285179630", "9762043851", "6934782015", "0123456789"),
        ),
        (  # for the second square
            ("3657289014", "7312948560", "9574360821", "6708531492", "4231895607",
             "5046172938", "8490617253", "1869024375", "2985703146", "0123456789"),
            ("2417803956", "7561934028", "4075681392", "5748329610", "3852190467",
             "1906278534", "6290517843", "9384062175", "8639745201", "0123456789"),
            ("3067821954", "7319064825", "6578903142", "4235790618", "9452638071",
             "1846579203", "8901245367", "5780312496", "2694187530", "0123456789"),
            ("3067184295", "5342098167", "4531927806", "1978630524", "7450869312",
             "2695741038", "8709215643", "9816372450", "6284503971", "0123456789"),
        ),
    ),
)  # fmt: skip


def stand_ins(rounds: Rounds, points: int) -> dict[int, list[list[list[int]]]]:
    """Each round's stand-ins (as groups of points), when the rounds are rounds of one of
    the two pairs as geometry.latin_squares numbers their points (with or without the
    ghosts' transversal last), in any order; none otherwise."""
    if points != 100 or not rounds:
        return {}
    keys = [_key(groups) for groups in rounds]
    for pair, grids in zip((MOLS_10, SHARED_MOLS_10), STAND_INS, strict=True):
        for last in ((), SHARED_GHOSTS):
            made = latin_squares(100, 10, 4, pair, last)
            own = {_key(groups): i for i, groups in enumerate(made[2] if made else ())}
            if all(key in own for key in keys):
                point = cell_points(last)
                return {
                    i: [_groups(grid, point) for grid in grids[own[key]]]
                    for i, key in enumerate(keys)
                }
    return {}


def _groups(grid: Grid, point: dict[int, int]) -> list[list[int]]:
    groups: list[list[int]] = [[] for _ in range(10)]
    for x in range(100):
        groups[int(grid[x // 10][x % 10])].append(point[x])
    return groups


def _key(groups: Sequence[Sequence[int]]) -> frozenset[frozenset[int]]:
    return frozenset(frozenset(group) for group in groups)
