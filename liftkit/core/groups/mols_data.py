"""Stored orthogonal arrays wider than MacNeish's products give, each with its source.

The tests rebuild every array below and recount that any two of its columns hold every pair
of symbols exactly once, so a copying slip cannot reach a schedule.

- A (12,6,1) difference matrix over Z_2 x Z_6 (Hanani, "Balanced incomplete block designs
  and related designs", Discrete Mathematics 11 (1975) 255-369, Lemma 3.21; as listed in
  SageMath's sage/combinat/designs/database.py, DM_12_6_1 / TD_6_12): 12 rows of 6 entries,
  and any two entries of a row differ, over the 12 rows, by every element of the group once.
  It gives an OA(7,12): five mutually orthogonal Latin squares of order 12, as many as
  Johnson, Dulmage and Mendelsohn found in 1961 and the most known.
- Four MOLS of order 14 and four of order 15, shared by Ian Wanless, and three of order 18,
  as listed in SageMath's sage/combinat/designs/database.py (MOLS_14_4, MOLS_15_4,
  MOLS_18_3): OA(6,14), OA(6,15), OA(5,18). The Handbook of Combinatorial Designs (2nd ed.,
  III.3.87) gives these as the most MOLS known for these orders.
- Two MOLS of order 10: geometry.MOLS_10 (only two are known; a third is an open problem).
"""

from __future__ import annotations

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

MOLS_18 = """
bgejhkmodcnarilpfq  beqpodgcflkrjahnim  bcdefghijklmnopqra
echfbilnprdokajmqg  gcfrqpehdnmlabkioj  rbkamfgdehqjinopcl
qfdigcjmohaeplkbnr  ehdgarqfibonmkcljp  mlbqhifgajdcrenopk
prgejhdbnaikfqmlco  jfiehkargqcponldmb  hijbcdefgqraklmnop
oqahfbiecpkjlgrnmd  hbgjfilkacrdqpomen  gderbkamfpclhqjino
dprkigcjfeqlbmhaon  kichbgjmlodaerqpnf  fgamlbqhiopkjdcren
geqaljhdbofrmcnikp  mljdichbngpekfarqo  efghijbcdnopqraklm
chfrkmbieqpgandojl  onmbejdicphqflgkar  amfgderbkinopclhqj
fdigalncjmrqhkoepb  dponcfbejaqirgmhlk  qhifgamlbrenopkjdc
lnbqcogpakmhdrifej  crhapeoqmkbgidnjfl  leqjponacbkidfgmhr
kmocrdphqblnieajgf  ndaikqfprmlchjeobg  kjmcrponhlbqeafgid
rlnpdaeqigcmojfkbh  aoekjlrgqhnmdibfpc  dqriklponajbcmhfge
jamoqekfrihdnpbglc  rkpflbmahdionejcgq  nacleqjpomhrbkidfg
abknprflgdjieoqchm  ialqgmcnkrejpofbdh  onhkjmcrpgidlbqeaf
hkcloqagmnebjfprdi  ljkmrhndoiafbqpgce  pondqriklfgeajbcmh
nildmprkhjofcbgqae  pmblnaioefjkgcrqhd  jponacleqdfgmhrbki
iojmenqalfbpgdchrk  fqncmokjpegblhdari  crponhkjmeafgidlbq
mjpbnforklgcqhedia  qgrodnplbjfhcmieka  iklpondqrcmhfgeajb
"""


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
