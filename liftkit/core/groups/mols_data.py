"""Stored orthogonal arrays wider than MacNeish's products give, each with its source.

The tests rebuild every array below and recount that any two of its columns hold every pair
of symbols exactly once, so a copying slip cannot reach a schedule.

- A (12,6,1) difference matrix over Z_2 x Z_6 (Hanani, "Balanced incomplete block designs
  and related designs", Discrete Mathematics 11 (1975) 255-369, Lemma 3.21; as listed in
  SageMath's sage/combinat/designs/database.py, DM_12_6_1 / TD_6_12): 12 rows of 6 entries,
  and any two entries of a row differ, over the 12 rows, by every element of the group once.
  It gives an OA(7,12): five mutually orthogonal Latin squares of order 12, as many as
  Johnson, Dulmage and Mendelsohn found in 1961 and the most known.
- Four MOLS of order 14 and four of order 15, shared by Ian Wanless, as listed in SageMath's
  sage/combinat/designs/database.py (MOLS_14_4, MOLS_15_4): OA(6,14), OA(6,15). The
  Handbook of Combinatorial Designs (2nd ed., III.3.87) gives these as the most MOLS known
  for these orders.
- Five MOLS of order 18 (R. J. R. Abel, "Existence of five MOLS of orders 18 and 60",
  Journal of Combinatorial Designs, doi:10.1002/jcd.21384; as SageMath's database.py
  writes it out, OA_7_18): 12 base columns of 7 entries over Z_2 x Z_3 x Z_3, each developed
  three times and then over the subgroup Z_3 x Z_3: an OA(7,18).
- Two MOLS of order 10: geometry.MOLS_10 (whether a third exists is an open problem).
- Difference matrices (21,6,1) over Z_21, (24,8,1) over Z_2 x Z_2 x Z_6, (28,6,1) over
  Z_2 x Z_2 x Z_7 and (33,6,1) over Z_33 from the Handbook of Combinatorial Designs (2nd
  ed., III.3.50, 3.52, 3.54, 3.56), as SageMath's database.py writes them out (DM_21_6_1,
  DM_24_8_1, DM_28_6_1, DM_33_6_1): a few base rows and the rule that develops them.
- Quasi-difference matrices (19,6;1,1;1), (21,5;1,1;1) and (33,6;1,1;1) over Z_19, Z_21 and
  Z_33 (Handbook III.3.49, 3.51, 3.57; SageMath's QDM_19_6_1_1_1, QDM_21_5_1_1_1,
  QDM_33_6_1_1_1): an empty entry (None) becomes one more symbol, giving an OA(6,20),
  OA(5,22) and OA(6,34).
"""

from __future__ import annotations

from collections.abc import Callable

# Entries "ab" are the element (a, b) of Z_2 x Z_6, numbered 6a + b.
DIFFERENCE_MATRIX_12 = """
00 00 00 00 00 00
00 01 10 03 12 04
00 02 12 10 01 15
00 03 02 01 15 14
00 04 11 13 05 02
00 05 01 15 13 11
00 10 13 02 03 12
00 11 15 12 14 10
00 12 04 05 02 13
00 13 14 04 11 01
00 14 05 11 10 03
00 15 03 14 04 05
"""

# Row r of every square, one line a row; the letters a.. are the symbols 0..
MOLS_14 = """
bjihgkecalnfmd  bfmcenidgjhalk  bcdefghijklmna  bcdefghijklmna
fckjbhledimagn  jcgndfalehkbim  gnkjdmiclbhaef  jflhnkaecmgdib
mgdlkcbafejnih  ikdhaegnmfblcj  lifhbjemkangcd  emkdjbgfnliahc
cnhemldbigfkaj  hjlebifkangcmd  dalmgnbjehcfik  anighmflkbdcej
edabfnmkcjhgli  gbkmfcjeliahdn  njcaeifhbdgkml  kebcajimdgfhln
nfeicgajldkbhm  khclngdafmjibe  mfbkcdlagnjihe  cgnflembihakjd
iagfjdhnkmelcb  elbdmahfignkjc  aemnhkjdcifblg  ilabkdnhfcjegm
dlnkeafimhcjbg  ceabkjnihdmgfl  hdnikbagmcelfj  ljgnihecbamfdk
gemalfihjnbdkc  adficlkmjbenhg  cgjflhnbiekdam  ndmabcjglfeikh
jhfnimgdbkacel  liegjdmhnkcfab  fkibmagenldhjc  mbhiefljadkncg
hkbgajnmeclidf  nmjfhkecbaldgi  imhlneckdfajgb  difjcnkamehgbl
ablchikgnfdmje  fankgbljdcimeh  klegafdnhjmcbi  ghckmlbdeinjaf
licmdbjfhagenk  mgialhcbkedjnf  jhadicmlfgbekn  fajlgidkhncbme
kmjdneclgbihfa  dnhjimbgclfeka  ebgcjlkfamindh  hkemdacngjblfi
"""

MOLS_15 = """
bcdefghijklmnoa  bdgiknfcamehjlo  bhealiofmdjgcnk  blhcmdinejofakg
abcdefghijklmno  acehjlogdbnfikm  lcifbmjagnekhdo  hcmidnejofkagbl
oabcdefghijklmn  nbdfikmahecogjl  amdjgcnkbhoflie  midnjeofkaglbhc
noabcdefghijklm  mocegjlnbifdahk  fbnekhdolciagmj  dnjeokfaglbhmci
mnoabcdefghijkl  lnadfhkmocjgebi  kgcoflieamdjbhn  jeokfalgbhmcind
lmnoabcdefghijk  jmobegilnadkhfc  olhdagmjfbnekci  ekfalgbmhcindjo
klmnoabcdefghij  dknacfhjmobelig  jamiebhnkgcofld  aflgbmhcnidjoek
jklmnoabcdefghi  helobdgiknacfmj  ekbnjfciolhdagm  lbgmhcnidojekaf
ijklmnoabcdefgh  kifmacehjlobdgn  nflcokgdjamiebh  gmchnidojeakflb
hijklmnoabcdefg  oljgnbdfikmaceh  iogmdalhekbnjfc  chndiojeakfblgm
ghijklmnoabcdef  iamkhocegjlnbdf  djahnebmiflcokg  ndioejakfblgcmh
fghijklmnoabcde  gjbnliadfhkmoce  hekbiofcnjgmdal  ioejafkblgcmhdn
efghijklmnoabcd  fhkcomjbegilnad  miflcjagdokhneb  ojafkbglcmhdnie
defghijklmnoabc  egildankcfhjmob  cnjgmdkbhealiof  fakbglchmdnieoj
cdefghijklmnoab  cfhjmeboldgikna  gdokhnelcifbmja  kgblchmdineojfa
"""


Matrix = list[list[int]]


def _group(moduli: tuple[int, ...]) -> tuple[Callable[..., int], Matrix]:
    """(encode, addition table) of Z_m1 x Z_m2 x ..., the first component most significant."""

    def encode(*parts: int) -> int:
        value = 0
        for part, m in zip(parts, moduli, strict=True):
            value = value * m + part % m
        return value

    def decode(value: int) -> list[int]:
        parts = []
        for m in reversed(moduli):
            value, part = divmod(value, m)
            parts.append(part)
        return parts[::-1]

    order = 1
    for m in moduli:
        order *= m
    add = [[encode(*(x + y for x, y in zip(decode(a), decode(b), strict=True)))
            for b in range(order)] for a in range(order)]  # fmt: skip
    return encode, add


def difference_matrix_21() -> tuple[Matrix, Matrix]:
    """Z_21: a zero row, then each base column's five rotations, closed by a 0."""
    _, add = _group((21,))
    base = [(8, 9, 11, 14, 18), (17, 16, 5, 1, 19), (20, 4, 10, 3, 12), (2, 15, 6, 13, 7)]
    rows = [[0] * 6]
    for column in base:
        rows += [[*column[i:], *column[:i], 0] for i in range(5)]
    return rows, add


DM_24_BASE = """
0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000
0000 0010 0100 0110 1000 1010 1100 1110 2000 2010 2100 2110
0000 0011 1001 2110 0111 2011 2111 1000 0100 1100 1101 2010
0000 1010 1011 2000 1101 2110 0001 0101 2100 2001 0111 1100
0000 0001 2010 1111 2111 2100 1101 0011 1010 2101 1000 0110
0000 1000 2001 1011 0100 1100 0110 2101 2111 0010 1111 2011
0000 1001 0111 2100 2000 0010 1110 2011 1100 1011 0101 2111
0000 1011 2101 0100 2110 1001 2000 0110 0101 1111 2011 1010
"""


def difference_matrix_24() -> tuple[Matrix, Matrix]:
    """Z_2 x Z_2 x Z_6: "abcd" is (c, d, x) with x = a mod 3 and b mod 2; each base row
    comes again shifted by (0,0,0) (0,1,0) (1,0,0) (1,1,0) (0,0,3) (0,1,3) (1,0,3) (1,1,3)."""
    encode, add = _group((2, 2, 6))
    six = {(x % 3, x % 2): x for x in range(6)}
    lines = [line.split() for line in DM_24_BASE.split("\n") if line]
    base = [[encode(int(t[2]), int(t[3]), six[int(t[0]), int(t[1])]) for t in line]
            for line in lines]  # fmt: skip
    shifts = [encode(c, d, x) for x in (0, 3) for c in (0, 1) for d in (0, 1)]
    rows = []
    for column in zip(*base, strict=True):
        rows.append(list(column))
        rows.append([add[entry][shift] for entry, shift in zip(column, shifts, strict=True)])
    return rows, add


DM_28_BASE = """
00 36 11 11 13 14 00 14 25
22 00 15 21 22 26 33 00 21
23 34 00 35 32 34 32 16 00
05 26 05 06 23 00 04 15 34
03 03 35 00 05 36 11 01 23
13 06 06 15 00 03 36 22 02
"""


def difference_matrix_28() -> tuple[Matrix, Matrix]:
    """Z_2 x Z_2 x Z_7: "xy" is (x div 2, x mod 2, y); a zero row, then each base column
    (a..f) as a b c d e f, b c a f d e and c a b e f d."""
    encode, add = _group((2, 2, 7))
    lines = [line.split() for line in DM_28_BASE.split("\n") if line]
    base = [[encode(int(t[0]) // 2, int(t[0]) % 2, int(t[1])) for t in line] for line in lines]
    rows = [[0] * 6]
    for a, b, c, d, e, f in zip(*base, strict=True):
        rows += [[a, b, c, d, e, f], [b, c, a, f, d, e], [c, a, b, e, f, d]]
    return rows, add


def difference_matrix_33() -> tuple[Matrix, Matrix]:
    """Z_33: three fixed rows, then each base column five times, each time rotated and
    multiplied by 4 ((a..f) -> (4e, 4a, 4b, 4c, 4d, 4f))."""
    _, add = _group((33,))
    base = [[0, 0, 0, 0, 0, 0], [15, 11, 22, 4, 17, 8], [19, 7, 14, 32, 22, 18],
            [22, 19, 8, 24, 21, 6], [9, 12, 15, 7, 26, 14], [14, 28, 23, 2, 19, 3]]  # fmt: skip
    rows = [[0] * 6, [1, 4, 16, 31, 25, 22], [7, 28, 13, 19, 10, 0]]
    for a, b, c, d, e, f in zip(*base, strict=True):
        for _ in range(5):
            rows.append([a, b, c, d, e, f])
            a, b, c, d, e, f = (4 * x % 33 for x in (e, a, b, c, d, f))
    return rows, add


Vectors = list[list[int | None]]


def quasi_difference_matrix_19() -> tuple[Vectors, int]:
    """Z_19: each base column (a..f) as a b c d e f, b c a f d e and c a b e f d."""
    base: Vectors = [[None, 7, 13, 1, 16, 9, 2], [0, 1, 15, 7, 17, 6, 14],
                     [0, 11, 10, 11, 5, 4, 3], [7, None, 13, 16, 1, 2, 9],
                     [1, 0, 15, 17, 7, 14, 6], [11, 0, 10, 5, 11, 3, 4]]  # fmt: skip
    vectors: Vectors = []
    for a, b, c, d, e, f in zip(*base, strict=True):
        vectors += [[a, b, c, d, e, f], [b, c, a, f, d, e], [c, a, b, e, f, d]]
    return vectors, 19


def _times(factor: int, x: int | None, plus: int = 0, n: int = 21) -> int | None:
    return None if x is None else (factor * x + plus) % n


def quasi_difference_matrix_21() -> tuple[Vectors, int]:
    """Z_21: two fixed vectors, then each base column (a..e) as itself,
    (16c, 16a, 16b, 16d + 7, 16e + 14) and (4b, 4c, 4a, 4d + 14, 4e + 7)."""
    base: Vectors = [[1, 13, 18, 3, 16, 19, None], [16, 19, 1, 13, 18, 3, 0],
                     [18, 3, 16, 19, 1, 13, 0], [6, 15, 6, 15, 6, 15, 0],
                     [12, 9, 19, 16, 5, 2, 0]]  # fmt: skip
    vectors: Vectors = [[0, 7, 14, None, 0], [0, 14, 7, 0, None]]
    for a, b, c, d, e in zip(*base, strict=True):
        vectors.append([a, b, c, d, e])
        vectors.append([_times(16, c), _times(16, a), _times(16, b), _times(16, d, 7),
                        _times(16, e, 14)])  # fmt: skip
        vectors.append([_times(4, b), _times(4, c), _times(4, a), _times(4, d, 14),
                        _times(4, e, 7)])  # fmt: skip
    return vectors, 21


def quasi_difference_matrix_33() -> tuple[Vectors, int]:
    """Z_33: five fixed vectors, then each base column five times, each time rotated and
    multiplied by 4 ((a..f) -> (4e, 4a, 4b, 4c, 4d, 4f))."""
    base: Vectors = [[None, 0, 0, 0, 0, 0], [30, 17, 10, 25, 23, 8], [22, 4, 32, 29, 28, 22],
                     [25, 10, 20, 15, 21, 16], [0, 12, 15, 16, 32, 23],
                     [6, 11, 18, 14, 9, 20]]  # fmt: skip
    vectors: Vectors = [[0, 0, 0, 0, 0, 0], [1, 4, 16, 31, 25, 11], [3, 12, 15, 27, 9, 11],
                        [10, 7, 28, 13, 19, 0], [5, 20, 14, 23, 26, None]]  # fmt: skip
    for a, b, c, d, e, f in zip(*base, strict=True):
        for _ in range(5):
            vectors.append([a, b, c, d, e, f])
            a, b, c, d, e, f = (_times(4, x, n=33) for x in (e, a, b, c, d, f))
    return vectors, 33


def quasi_difference_matrix_26() -> tuple[Vectors, int]:
    """Z_21 and five points at infinity, 21-25 (a (21,6;1,1;5) quasi-difference matrix,
    Handbook of Combinatorial Designs III.3.53): the zero vector, then each base column
    (empty, 0, a, b, c, d) turned six times, its empty entry the infinite point 21 + j of
    the j-th column."""
    base = [[1, 6, 7, 8, 14], [3, 11, 20, 18, 10], [6, 10, 14, 1, 5], [4, 19, 5, 12, 2]]
    vectors: Vectors = [[0] * 6]
    for j, (a, b, c, d) in enumerate(zip(*base, strict=True)):
        column = [21 + j, 0, a, b, c, d]
        vectors += [column[turn:] + column[:turn] for turn in range(6)]
    return vectors, 21


def quasi_difference_matrix_30() -> tuple[Vectors, int]:
    """Z_5 x Z_5, (x, y) numbered 5x + y, and five points at infinity, 25-29 (a
    (25,6;1,1;5) quasi-difference matrix, Handbook of Combinatorial Designs III.3.55): each
    base column developed five times, the i-th adding i times (1,1), (2,1), (1,0), (4,0),
    (3,4) and (4,4) to its six entries, its empty entry the infinite point 25 + i."""
    base = [["00", None, "00", "00", "00", "00", "00"],
            ["00", "00", None, "04", "02", "03", "01"],
            ["00", "31", "30", None, "40", "10", "20"],
            ["00", "30", "02", "12", None, "01", "03"],
            ["00", "33", "12", "42", "20", None, "04"],
            ["00", "42", "24", "03", "23", "32", None]]  # fmt: skip
    steps = [(1, 1), (2, 1), (1, 0), (4, 0), (3, 4), (4, 4)]
    vectors: Vectors = []
    for column in zip(*base, strict=True):
        for i in range(5):
            vectors.append([
                25 + i if entry is None
                else (int(entry[0]) + i * dx) % 5 * 5 + (int(entry[1]) + i * dy) % 5
                for entry, (dx, dy) in zip(column, steps, strict=True)
            ])  # fmt: skip
    return vectors, 25


ARRAY_18 = """
000 100 100 000 100 100 100 000 000 000 100 000
000 020 100 100 000 120 110 110 010 020 010 120
000 100 022 102 112 001 101 120 121 001 020 002
000 002 100 002 102 122 010 111 110 121 021 001
000 021 000 100 020 112 100 021 112 102 102 012
000 000 011 010 100 010 110 122 011 121 120 111
000 100 002 022 011 121 020 122 100 010 112 112
"""


def orthogonal_array_18() -> list[tuple[int, ...]]:
    """The 324 rows of Abel's OA(7,18), (a, b, c) in Z_2 x Z_3 x Z_3 numbered 9a + 3b + c:
    each base column, its y-th copy (y in Z_3) adding (0,0,0), (0,0,y), (0,y,0), (0,2y,y),
    (0,2y,2y), (0,y,2y) and (0,0,2y) to its seven entries, then plus each (0, s, t)."""
    lines = [[tuple(map(int, e)) for e in line.split()] for line in ARRAY_18.split("\n") if line]
    rows = []
    for column in zip(*lines, strict=True):
        for y in range(3):
            steps = [(0, 0), (0, y), (y, 0), (2 * y, y), (2 * y, 2 * y), (y, 2 * y), (0, 2 * y)]
            for s in range(3):
                for t in range(3):
                    rows.append(tuple(
                        x[0] * 9 + (x[1] + b + s) % 3 * 3 + (x[2] + c + t) % 3
                        for x, (b, c) in zip(column, steps, strict=True)
                    ))  # fmt: skip
    return rows


def difference_matrix_12() -> tuple[list[list[int]], list[list[int]]]:
    """(matrix, addition table): the 12 x 6 matrix over Z_2 x Z_6 numbered 0..11."""
    matrix = [
        [int(pair[0]) * 6 + int(pair[1]) for pair in line.split()]
        for line in DIFFERENCE_MATRIX_12.split("\n")
        if line
    ]
    add = [[(a // 6 + b // 6) % 2 * 6 + (a + b) % 6 for b in range(12)] for a in range(12)]
    return matrix, add


def squares(text: str) -> list[list[list[int]]]:
    """The Latin squares of a table above: squares[s][row][column] as symbols 0.."""
    lines = [line.split() for line in text.split("\n") if line]
    return [
        [[ord(letter) - ord("a") for letter in line[s]] for line in lines]
        for s in range(len(lines[0]))
    ]
