"""Stored schedules that no construction here builds: the rounds, written out, with a source.

Each entry is a schedule on points 0..N-1 in which no pair meets twice. A schedule of equal
groups may be used with a few ghost points left out, when the ghosts never share a group
(each pair of ghosts never meets), so the groups still differ in size by at most one.

Besides those written out below, schedules.txt holds whole schedules that
bench/adjacent_search.c found for small lists in rooms of two sizes, one a line: "people
rooms: " and the rounds apart by "/", rooms by "|", points by spaces; each is checked
before use (every round splits everyone into rooms within one in size, no pair twice).
"""

from __future__ import annotations

import functools
import itertools
import string
from importlib import resources

Rounds = list[list[list[int]]]

# The social golfer problem itself: 32 golfers in 8 fours for 10 weeks (Aguado, "A 10 days
# solution to the social golfer problem", 2004). Letters A-P are points 0-15, a-p 16-31;
# the schedule as published in Wolfram's "Social Golfer Problem" demonstration and listed in
# github.com/fpvandoorn/Dagstuhl-tables (literature.md, T(32,4)), checked by the tests.
_GOLFERS_32 = """
ABCD EFGH IJKL MNOP abcd efgh ijkl mnop
AEIm BcgH DFKp dfkP aeiM bCGh jLNo JlnO
Aflo Bhkm DGiN aFLO bHKM CeJP cEjp dgIn
AciL BdjK bDJk FgoP fGOp aCIl EhMn eHmN
AgKN BElP DHIo dhiO beLp Cfjm cFJM aGkn
AhJp BFin cDmO bfIN eGKl CdMo EgkL aHjP
AdeF BGJo aDEf chlN iKmP CHLn bgjO IkMp
AbnP aBNp DglM ceko fHiJ CEKO FhIj dGLm
AGjM BeIO DhLP agJm cfKn CFkN bEio dHlp
AHkO BfLM Dejn bFlm cGIP Cgip dEJN ahKo
"""

# 18 people in trios for 8 rounds (6 groups; the Kirkman-like "T(18,3) = 9" schedule less its
# last round): A-I are points 0-8, a-i 9-17. Same sources as above.
_TRIOS_18 = """
ABC DEF GHI afh bdi ceg
Abc Def Ghi aFH BdI CEg
abC deF ghI AfH BDi cEG
aBc dEf gHi AFh bDI CeG
ADG BEH CFI aei bfg cdh
Adg Beh Cfi aEI bFG cDH
adG beH cfI AEi BFg CDh
aDg bEh cFi AeI BfG CdH
"""

# 32 people in 6 rooms (two of 6, four of 5) for 4 rounds, and 31 (one of 6): found by
# liftkit's own search (split.py) at 16 times its budget, seed 2 (10 s), and at its usual
# budget, seed 1; at that budget the search often leaves 1 or 2 repeats. For 36 people in six
# sixes no 4 rounds exist (no two orthogonal Latin squares of order 6). Points as above,
# A-P then a-p.
_ROOMS_32_6 = """
BKMPcd Labefg ADFNl Ckmnp EGIhi HJOjo
AEMano BOfikl CGHPe DKbhj FJdgp ILNcm
CDEJcf FGLMjk ABHIb KNgin OPahp delmo
BENejp DIPgko ACLdi FObcn GJKal HMfhm
"""
_ROOMS_31_6 = """
CHamno AIbci BJKdk DMOfh ENgjl FGLPe
BCGINh AEKfm DFadi HJbel LOcgn MPjko
ACDegk BFMlm EHIOd GJacj KPhin LNbfo
CFKObj AMNdn BEceo DIJPm GHfgi Lahkl
"""

# 29 people in 8 rooms (five of 4, three of 3) for 10 rounds, as Miller, Barr, Kavanagh,
# Valkov and Purchase publish (Symmetry 13(1):13, 2021; liftkit's search left 3 repeats):
# this one found by bench/adjacent_search.c, `SYM=5 adjacent_search 29 8 10 1` (seed 1,
# 1,582,011 steps, 14 s on one core), two base rounds and their turns under a permutation
# of order 5 that fixes 4 people. 390 of the 406 pairs meet. A-O are points 0-14, a-n 15-28.
_ROOMS_29_8 = """
BJNi FHde Abgj EKOc Lahn Ifm CGl DMk
CFOj GIae Bcfh AKLd Mbin Jgm DHl ENk
DGKf HJab Cdgi BLMe Ncjn Fhm EIl AOk
EHLg FIbc Dehj CMNa Odfn Gim AJl BKk
AIMh GJcd Eafi DNOb Kegn Hjm BFl CLk
CEJh HIKN Fagk DLcm Oeil Bbd AGn Mfj
ADFi IJLO Gbhk EMdm Kajl Cce BHn Nfg
BEGj FJKM Hcik ANem Lbfl Dad CIn Ogh
ACHf FGLN Idjk BOam Mcgl Ebe DJn Khi
BDIg GHMO Jefk CKbm Ndhl Aac EFn Lij
"""

# 28 and 27 people in 8 rooms for 10 rounds (four or three rooms of 4), which the 29 cannot
# serve (a ghost would leave a room of 2) and liftkit's search left 9 and 13 repeats: found
# the same way, `SYM=5 adjacent_search 28 8 10 1` (73,230 steps, 0.5 s) and `... 27 8 10 1`
# (23,653 steps, 0.1 s). A-N are points 0-13, a-n 14-27 (a-m 14-26).
_ROOMS_28_8 = """
Kehj CEak GJMN AFfn Igl Bci Lbd DHm
Lfik ADKg FHNa BGbn Jhl Cdj Mce EIm
Mbgj BELh GIKa CHcn Fil Dek Ndf AJm
Nchk ACMi HJKL DIdn Gjl Efg abe BFm
adgi BDNj FILM EJen Hkl Abh Kcf CGm
CDFh Bafl AGcd Legm Jij HIb EKN Mkn
DEGi CKbl BHde Mfhm Fjk IJc ALa Ngn
AEHj DLcl CIef Nbim Ggk FJd BKM ahn
ABIk EMdl DJbf acjm Hgh FGe CLN Kin
BCJg ANel EFbc Kdkm Ihi GHf DMa Ljn
"""
_ROOMS_27_8 = """
FIfi AEMa HKgm Dbd Nek JLl BGc Chj
GJbj ABKN ILhm Ece afg FMl CHd Dik
FHck BCLa JMim Adf Kbh GNl DIe Egj
GIdg CDKM FNjm Bbe Lci Hal EJf Ahk
HJeh DELN Gakm Ccf Mdj IKl AFb Bgi
adei Dcjl ACIJ Ebm GKL HNf BMk Fgh
Kefj Edkl BDFJ Acm HLM Iab CNg Ghi
Lbfk Aegl CEFG Bdm IMN JKc Dah Hij
Mbcg Bfhl ADGH Cem JNa FLd EKi Ijk
Ncdh Cbil BEHI Dfm FKa GMe ALj Jgk
"""


def _read(text: str, half: int) -> Rounds:
    """Rounds written with letters: the first `half` capitals, then as many small letters."""
    letters = string.ascii_uppercase[:half] + string.ascii_lowercase[:half]
    point = {letter: i for i, letter in enumerate(letters)}
    lines = [line for line in text.split("\n") if line]
    return [[[point[c] for c in group] for group in line.split()] for line in lines]


# (points, groups) -> rounds
STORED: dict[tuple[int, int], Rounds] = {
    (18, 6): _read(_TRIOS_18, 9),
    (27, 8): _read(_ROOMS_27_8, 14),
    (28, 8): _read(_ROOMS_28_8, 14),
    (29, 8): _read(_ROOMS_29_8, 15),
    (31, 6): _read(_ROOMS_31_6, 16),
    (32, 6): _read(_ROOMS_32_6, 16),
    (32, 8): _read(_GOLFERS_32, 16),
}


@functools.cache
def stored_schedules(leads: bool = False) -> dict[tuple[int, int], Rounds]:
    """STORED and schedules.txt's schedules that check (a line that does not is left out);
    with `leads`, only the lines found for a facilitator in each room (LEADS=)."""
    text = resources.files(__package__).joinpath("schedules.txt").read_text(encoding="utf-8")
    found: dict[tuple[int, int], Rounds] = {}
    for line in text.splitlines():
        if ("LEADS=" in line.partition("#")[2]) != leads:
            continue
        try:
            key, body = line.split("#")[0].split(":")
            points, count = (int(x) for x in key.split())
            rounds = [
                [[int(x) for x in group.split()] for group in rnd.split("|")]
                for rnd in body.split("/")
            ]
        except ValueError:
            continue  # a comment, or a line that does not read
        if sound_schedule(rounds, points, count):
            found[(points, count)] = rounds
    return found if leads else found | STORED


def sound_schedule(rounds: Rounds, points: int, groups: int) -> bool:
    """Every round splits the points into `groups` groups within one in size, and no pair
    meets twice: a corrupt table line gives no design rather than a broken schedule."""
    for groups_of_round in rounds:
        sizes = [len(group) for group in groups_of_round]
        if len(sizes) != groups or max(sizes) - min(sizes) > 1:
            return False
    return is_resolvable_packing(rounds, points)


def is_resolvable_packing(rounds: Rounds, points: int) -> bool:
    """Every point once in each round, and no pair in two groups."""
    met: set[tuple[int, int]] = set()
    for groups in rounds:
        if sorted(p for group in groups for p in group) != list(range(points)):
            return False
        for group in groups:
            for pair in itertools.combinations(sorted(group), 2):
                if pair in met:
                    return False
                met.add(pair)
    return True


def stored_rounds(n: int, groups: int, wanted: int,
                  leads: bool = False) -> tuple[str, int, Rounds] | None:  # fmt: skip
    """A stored schedule for n people in `groups` groups, its unused points left as ghosts;
    with `leads` (a facilitator in each group), those whose first `groups` points never
    share a group come first, and their ghosts are the highest points that can be."""
    found = [(key, rounds, False) for key, rounds in sorted(stored_schedules().items())]
    if leads:  # those found for facilitators first, their first points kept from ghosts
        found[:0] = [(key, rounds, True) for key, rounds in sorted(stored_schedules(True).items())]
    for (points, count), rounds, kept in found:
        if count != groups or not 0 <= points - n < points // count:
            continue
        if points != n and len({len(group) for group in rounds[0]}) > 1:
            continue  # a ghost in a smaller group would leave sizes two apart
        ghosts = _apart(rounds, points, points - n, kept)
        if ghosts is None:
            continue
        name = f"a stored schedule of {points} people in {groups} groups"
        return name, points, ghosts_last(rounds, points, ghosts)[:wanted]
    return None


def ghosts_last(rounds: Rounds, points: int, ghosts: list[int]) -> Rounds:
    """The rounds relabelled so that the ghosts become the highest points."""
    chosen = set(ghosts)
    order = [p for p in range(points) if p not in chosen] + ghosts
    label = {p: i for i, p in enumerate(order)}
    return [[sorted(label[p] for p in group) for group in groups] for groups in rounds]


def _apart(rounds: Rounds, points: int, count: int, highest: bool = False) -> list[int] | None:
    """`count` points no two of which ever share a group, the lowest such set (`highest`:
    the highest), if any."""
    met: set[tuple[int, int]] = set()
    for rnd in rounds:
        for group in rnd:
            met.update(itertools.permutations(group, 2))
    for chosen in itertools.combinations(range(points)[:: -1 if highest else 1], count):
        if all((a, b) not in met for a, b in itertools.combinations(chosen, 2)):
            return list(chosen)
    return None
