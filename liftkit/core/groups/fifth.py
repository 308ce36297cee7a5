"""A fifth round for 91 to 100 people at 10 tables, after the four rounds of two orthogonal
Latin squares of order 10 (geometry.py's SHARED_MOLS_10: rows, columns, the symbols of
each square).

A fifth round in which nobody meets anyone again would be, for 100 people, a third
square orthogonal to both: whether three such squares of order 10 exist is open. With g
people fewer, g cells stand empty, one in any row, column, symbol and fifth-round table
(so every table seats 9 or 10), and a fifth round without a repeat needs 10 - g tables
that are common transversals of the pair and g that are common transversals less their
empty cell. The pair has exactly four common transversals, so g is 6 or more, and the
cells left by any choice of 10 - g of them hold no g disjoint partial ones that the
empty cells complete: on these four rounds a fifth repeats some pair, for any g up to 9
(bench/mols10_fifth_exact.py checks every case exhaustively, in a second).

So each table below is the fifth round with fewest repeats that bench/mols10_fifth.c
found for its number of people: a row of the 10 x 10 grid a string, a cell's digit its
fifth-round table, an empty cell a letter (a for table 0, b for 1, ...); its comment gives
the pairs who meet twice over the five rounds (6 to 17; the tests recount them) and the
arguments that find it again. A greedy fifth round and the search left 30 to 53 for 91 to
100 people (seed 1), and 43 to 65 with six sectors balanced and keep-apart sets on a fifth
(seeds 1-4, worst of each); docs/groups-engine.md gives the figures after.

SPREAD_ROUNDS are fifth rounds that keep one common transversal at ten tables, for a
facilitator at each; SIXTH_ROUNDS and SPREAD_SIXTH a sixth round after each of those.
"""

from __future__ import annotations

from collections.abc import Mapping

from liftkit.core.groups.geometry import (
    SHARED_GHOSTS,
    SHARED_MOLS_10,
    cell_points,
    latin_squares,
    plex_cells,
    shared_plexes,
)
from liftkit.core.groups.plexes import Plexes

Rounds = list[list[list[int]]]
Base = tuple[str, int, Rounds]  # name, points, rounds
Made = tuple[str, int, Rounds, Rounds]  # name, points, the four rounds, spare rounds

FIFTH = "and a fifth round of few repeats"  # the end of the design's name

FIFTH_ROUNDS: dict[int, tuple[str, ...]] = {
    100: (  # 17 pairs meet twice: mols10_fifth 1 0 3 750629 1
        "6061572843", "0782364591", "3570899128", "4827631950", "8914250637",
        "1396087274", "2103745965", "7245413089", "5639807412", "9485126306",
    ),
    99: (  # 14 pairs meet twice: mols10_fifth 1 1 5 824770 1
        "7071952683", "0562378941", "3950644126", "8625731490", "6418290735",
        "1347066258", "2103589479", "5289813064", "9734605812", "48f9127307",
    ),
    98: (  # 11 pairs meet twice: mols10_fifth 1 2 4 1561057 0
        "9697431250", "6321095487", "0436c88712", "5213907846", "2875146903",
        "708962d135", "1760354894", "3154570628", "4908263571", "8524719069",
    ),
    97: (  # 9 pairs meet twice: mols10_fifth 1 3 1 1142841 1
        "50f1982743", "0872354961", "3980h66127", "4728531690", "7614290538",
        "136507i284", "2103849659", "8249413076", "9536708412", "6479125305",
    ),
    96: (  # 8 pairs meet twice: mols10_fifth 1 4 4 1612461 0
        "84i0915326", "4135682970", "6914c77053", "b351860794", "3702594861",
        "067843d512", "5046129789", "1529206437", "9867341205", "7239058648",
    ),
    95: (  # 7 pairs meet twice: mols10_fifth 1 5 2 1861983 0
        "70b5384192", "0814279365", "2380h66541", "9148725630", "1659430728",
        "526701i489", "4502893g73", "849d952016", "3726108954", "6913547207",
    ),
    94: (  # 7 pairs meet twice: mols10_fifth 1 6 2 1503454 0
        "6230915148", "2615849370", "89h2761053", "4751380j62", "6409532987",
        "084627e531", "50284g3719", "75639082d4", "9387124605", "b194057826",
    ),
    93: (  # 7 pairs meet twice: mols10_fifth 1 7 2 1707960 0
        "154908i763", "5281346c79", "362547098h", "2467f39015", "41908g5632",
        "9314560278", "8953224107", "08746935b1", "7a32108496", "6708912354",
    ),
    92: (  # 6 pairs meet twice: mols10_fifth 1 8 1 1268357 0
        "0548271396", "5961642a08", "627540381e", "3497c08265", "4g80125637",
        "8024539179", "18567940h3", "710938d522", "63b2957481", "963j810754",
    ),
    91: (  # 8 pairs meet twice: mols10_fifth 1 9 2 1233506 0
        "89208714c6", "3741568290", "536924781a", "241d650987", "7j06123658",
        "05947g2163", "103549h732", "9172305f84", "6457e89301", "i683014529",
    ),
}  # fmt: skip

# Fifth rounds that spread a common transversal of the pair (a block of SHARED_PLEXES of
# one cell a line) over their ten tables, none of its cells empty, so that ten people on
# it (facilitators, an organisation of 10) sit at ten different tables in all five rounds,
# and the twins of 110 people can stand beside it. mols10_fifth with FREEZE 2 to 5 (each
# transversal in turn), seeds 1-2 (1-4 for 100 and 91 people): 23 down to 13 pairs meet
# twice for 100 down to 91 people, where FIFTH_ROUNDS' 17 down to 6 need not keep one.
SPREAD_ROUNDS: dict[int, tuple[str, ...]] = {
    100: (  # 23 pairs meet twice: mols10_fifth 1 0 1 1000000 3
        "8570196433", "9067239541", "3951347268", "2104803779", "7345860122",
        "5796421850", "6618502394", "1882074965", "4239015786", "0423958617",
    ),
    99: (  # 21 pairs meet twice: mols10_fifth 1 1 1 1000000 5
        "7150894360", "3025186794", "2614905837", "946a732158", "5798310642",
        "0541263287", "4906521473", "1839657021", "8382719506", "6273448995",
    ),
    98: (  # 19 pairs meet twice: mols10_fifth 1 2 2 1000000 4
        "9523680447", "2951731684", "5276843029", "8439125706", "1092468375",
        "4638972510", "681b057932", "3785406291", "03679041f8", "7140295863",
    ),
    97: (  # 17 pairs meet twice: mols10_fifth 1 3 1 1000000 5
        "5369288410", "7045142836", "2173450698", "0496835721", "8601a73249",
        "h537916064", "1756099382", "9824567173", "498c321507", "3218604955",
    ),
    96: (  # 16 pairs meet twice: mols10_fifth 1 4 1 1000000 2
        "5094378610", "1g59437208", "8182750369", "780i291453", "9360614527",
        "6978502134", "c465923071", "0523149786", "3217086945", "4731e65892",
    ),
    95: (  # 15 pairs meet twice: mols10_fifth 1 5 1 1000000 2
        "9014276805", "1628b97450", "05927683c6", "7459620183", "6035914287",
        "8d71532964", "426385a079", "5906143718", "e157489632", "2740383591",
    ),
    94: (  # 14 pairs meet twice: mols10_fifth 1 6 1 1000000 2
        "5091c48672", "1729656308", "4j12370869", "64871952e3", "9375864021",
        "79045f2138", "8564723510", "b830409756", "321608794d", "0658231497",
    ),
    93: (  # 13 pairs meet twice: mols10_fifth 1 7 2 1000000 4
        "59786201i4", "8551774630", "4096381825", "j337208416", "18c9457203",
        "9604e12597", "6h85943701", "37238f6049", "2460139g58", "7112095362",
    ),
    92: (  # 13 pairs meet twice: mols10_fifth 1 8 1 1000000 2
        "30714582b9", "1024639587", "47329d1065", "980h746523", "2193f74680",
        "638759a142", "7469025318", "52j8160734", "351628290g", "8e50817496",
    ),
    91: (  # 13 pairs meet twice: mols10_fifth 1 9 3 1000000 5
        "i318249560", "143f156879", "2690374158", "42679380b5", "3c71590642",
        "85d9763201", "0956482a37", "814260759h", "7084j25316", "67230e1984",
    ),
}  # fmt: skip


# A sixth round after each of FIFTH_ROUNDS, its empty cells the same: mols10_fifth with
# FIFTH, the fifth round's 100 marks, as a fifth line that the sixth round's tables are
# searched against (seed 1, 1 million steps). Its comment counts the pairs meeting twice
# or more over all six rounds (the tests recount them); a greedy sixth round and the
# search left 65 for 97 people and 81 for 100 (seeds 1-4, worst).
SIXTH_ROUNDS: dict[int, tuple[str, ...]] = {
    100: (  # 58 pairs meet twice or more: mols10_fifth 1 0 1 1000000 0 FIFTH
        "0768723549", "9076851924", "1134296078", "2415375863", "6037982451",
        "7642319058", "4280690315", "8529064137", "3951407682", "5307148296",
    ),
    99: (  # 53 pairs meet twice or more: mols10_fifth 1 1 1 1000000 0 FIFTH
        "5637042819", "2093190748", "6159483207", "4086527531", "3761284059",
        "0324715986", "1408379665", "7546830921", "8270651394", "59c2168473",
    ),
    98: (  # 48 pairs meet twice or more: mols10_fifth 1 2 1 1000000 0 FIFTH
        "6078452691", "9837541022", "3699g07485", "5216083974", "7214095863",
        "075231b346", "4960732158", "2580679834", "1143820759", "8305964217",
    ),
    97: (  # 45 pairs meet twice or more: mols10_fifth 1 3 1 1000000 0 FIFTH
        "36a2478391", "9250741688", "5399d60427", "7813625904", "0814697235",
        "607851b543", "4936058172", "8726309254", "1145286079", "2567934810",
    ),
    96: (  # 41 pairs meet twice or more: mols10_fifth 1 4 1 1000000 0 FIFTH
        "68b2709513", "1784503269", "3516d97082", "e635982140", "9258015776",
        "840123i695", "7190426357", "2579641408", "0323478961", "5078364924",
    ),
    95: (  # 40 pairs meet twice or more: mols10_fifth 1 5 1 1000000 0 FIFTH
        "95h4067583", "8731502795", "2989d31046", "6245793810", "1370286254",
        "216348f907", "0826344b69", "465c918370", "5402179168", "7296850431",
    ),
    94: (  # 36 pairs meet twice or more: mols10_fifth 1 6 1 1000000 0 FIFTH
        "8201937368", "2350681924", "74f8592731", "5174826g09", "1946255640",
        "902547j138", "65730b4892", "38627090i1", "0719263485", "e637340517",
    ),
    93: (  # 37 pairs meet twice or more: mols10_fifth 1 7 1 1000000 0 FIFTH
        "142789c635", "6380719d54", "967538420j", "5802a31976", "32604b5117",
        "8046173592", "5984027361", "71382520e9", "0i69517448", "4753966820",
    ),
    92: (  # 32 pairs meet twice or more: mols10_fifth 1 8 1 1000000 0 FIFTH
        "9754018263", "4981563i52", "156238704j", "6475d48109", "2a36775910",
        "9148631023", "56978203f4", "732095c186", "15e2409678", "860h297431",
    ),
    91: (  # 32 pairs meet twice or more: mols10_fifth 1 9 1 1000000 0 FIFTH
        "27391540i6", "8923417150", "605198347b", "510g726834", "3e88675209",
        "73458c0291", "956236f748", "9804231a67", "0496j82315", "h617409523",
    ),
}  # fmt: skip


# A sixth round after each of SPREAD_ROUNDS that keeps its transversal spread too (the
# search's FIFTH with the FREEZE that spread it, seed 1): six rounds with a facilitator
# at each table, where a greedy sixth round left 84-87 for 100 people (seeds 1-2).
SPREAD_SIXTH: dict[int, tuple[str, ...]] = {
    100: (  # 68 pairs meet twice or more: mols10_fifth 1 0 1 1000000 3 FIFTH
        "6290891375", "0254783961", "9715608243", "8967143052", "2048059613",
        "5382460797", "7609325418", "4869172534", "1426537180", "3571904826",
    ),
    99: (  # 64 pairs meet twice or more: mols10_fifth 1 1 1 1000000 5 FIFTH
        "4725363480", "8304159647", "2458076139", "597d830216", "7239685041",
        "9562718523", "0846971152", "6091207894", "7184092365", "3610524978",
    ),
    98: (  # 58 pairs meet twice or more: mols10_fifth 1 2 1 1000000 4 FIFTH
        "2915860734", "3681174905", "1295786420", "9038657812", "7859431266",
        "9104208533", "632e945187", "0753120649", "54723690h8", "8567092341",
    ),
    97: (  # 56 pairs meet twice or more: mols10_fifth 1 3 1 1000000 5 FIFTH
        "9724341580", "8602157693", "2358964751", "5873230469", "7930c86142",
        "g549670813", "4116709235", "3591887204", "748a095326", "1065412978",
    ),
    96: (  # 52 pairs meet twice or more: mols10_fifth 1 4 1 1000000 2 FIFTH
        "9017645327", "1a04329556", "4342758908", "629g870133", "3851964270",
        "7623531849", "b168207485", "2430985714", "5973482061", "0586j16792",
    ),
    95: (  # 51 pairs meet twice or more: mols10_fifth 1 5 1 1000000 2 FIFTH
        "2056893174", "1893g47205", "41326908d7", "5947218653", "9613074528",
        "7b09532841", "846592h310", "6520357784", "a274086196", "0381465992",
    ),
    94: (  # 47 pairs meet twice or more: mols10_fifth 1 6 1 1000000 2 FIFTH
        "2089d76516", "1377958429", "5b92763014", "46258078i3", "3180624957",
        "42785g9201", "7960012345", "a536241780", "945318963f", "8744360192",
    ),
    93: (  # 44 pairs meet twice or more: mols10_fifth 1 7 1 1000000 4 FIFTH
        "92851604g7", "7621039844", "1159846320", "d534778692", "32a0485969",
        "8492e01576", "6b17352905", "07415h3281", "5078264j38", "2863391750",
    ),
    92: (  # 43 pairs meet twice or more: mols10_fifth 1 8 1 1000000 2 FIFTH
        "90448371h2", "1397240458", "25824i0636", "645d091273", "0735j64921",
        "827951b364", "2163758089", "58f6942710", "795168304g", "0a18326597",
    ),
    91: (  # 42 pairs meet twice or more: mols10_fifth 1 9 1 1000000 5 FIFTH
        "i639524780", "082f115476", "2014806697", "17910325j2", "3h45681349",
        "65e2970134", "8706459g13", "913026785d", "5987a43021", "42687c8935",
    ),
}  # fmt: skip


def fifth_round(
    n: int, groups: int, wanted: int, tables: Mapping[int, tuple[str, ...]] = FIFTH_ROUNDS
) -> Made | None:
    """(name, points, the four rounds of the squares, the spare rounds) for n people at
    10 tables when five rounds or more are wanted: the fifth from `tables` (FIFTH_ROUNDS
    or SPREAD_ROUNDS), and the sixth after it (SIXTH_ROUNDS or SPREAD_SIXTH) when six or
    more are wanted. The empty cells are the last points."""
    rows = tables.get(n)
    if groups != 10 or wanted < 5 or rows is None:
        return None
    marks = "".join(rows)
    empty = tuple(x for x in range(100) if marks[x].isalpha())
    made = latin_squares(n, groups, 4, SHARED_MOLS_10, empty)
    if made is None:
        return None
    name, points, rounds = made
    point = cell_points(empty)  # as latin_squares numbers them
    spare = [_tables(marks, point)]
    sixth = (SIXTH_ROUNDS if tables is FIFTH_ROUNDS else SPREAD_SIXTH).get(n)
    if wanted >= 6 and sixth:
        spare.append(_tables("".join(sixth), point))
    return f"{name}, {FIFTH}", points, rounds, spare


def _tables(marks: str, point: dict[int, int]) -> list[list[int]]:
    """The round whose tables the marks give, a cell's digit its table (a letter, for an
    empty cell: a for table 0, b for 1, ...)."""
    table = [int(m) if m.isdigit() else ord(m) - ord("a") for m in marks]
    return [[point[x] for x in range(100) if table[x] == t] for t in range(10)]


def with_spare(n: int, groups: int, wanted: int, spread: bool = False) -> Base | None:
    """fifth_round's rounds as one design (a base for twins, twins.py), from
    SPREAD_ROUNDS with `spread`."""
    made = fifth_round(n, groups, wanted, SPREAD_ROUNDS if spread else FIFTH_ROUNDS)
    return (made[0], made[1], made[2] + made[3]) if made is not None else None


def spread_plexes(n: int) -> list[tuple[int, list[int]]]:
    """(1, points) for each common transversal of the second pair that SPREAD_ROUNDS' fifth
    round for n people, and SPREAD_SIXTH's sixth, spread over their ten tables, none of it
    empty, numbered as fifth_round numbers the points."""
    rounds = ["".join(stored[n]) for stored in (SPREAD_ROUNDS, SPREAD_SIXTH) if n in stored]
    if not rounds:
        return []
    point = cell_points(tuple(x for x, m in enumerate(rounds[0]) if m.isalpha()))
    spread = []
    for size, cells in plex_cells():
        tables = [{marks[x] for x in cells} for marks in rounds]
        if size == 1 and all(len(t) == 10 and all(m.isdigit() for m in t) for t in tables):
            spread.append((1, sorted(point[x] for x in cells)))
    return spread


def spread_fits(n: int, groups: int, wanted: int, exact: list[int]) -> bool:
    """Whether the squares with a spread fifth round (SPREAD_ROUNDS) may keep five rounds
    or more for values of `exact` counts a table: all one, on its spread transversals."""
    fits = groups == 10 and wanted >= 5 and bool(exact) and set(exact) == {1}
    return fits and len(exact) <= len(spread_plexes(n))


def shared_pair(n: int, groups: int, wanted: int, exact: list[int]) -> tuple[Made | None, Plexes]:
    """The second pair of Latin squares of order 10 for n people, and the plexes that
    values of `exact` counts a table are laid on. For five rounds or more, with values of
    exactly one a table no more than the transversals a spread fifth round keeps, the
    squares with that round to spare (a facilitator at each of 10 tables, seeds 1-4: 23
    repeats at most for 100 people, where a greedy fifth round left 40); else the four
    rounds, the ghosts of fewer than 100 people on one of its common transversals, and all
    its plexes."""
    if spread_fits(n, groups, wanted, exact):
        return fifth_round(n, groups, wanted, SPREAD_ROUNDS), spread_plexes(n)
    made = latin_squares(n, groups, wanted, SHARED_MOLS_10, SHARED_GHOSTS if n < 100 else ())
    return (*made, []) if made is not None else None, shared_plexes(n)
