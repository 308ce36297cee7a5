/* A fifth round (or a sixth) for 91 to 100 people at 10 tables, on the 100 cells of a pair
   of orthogonal Latin squares of order 10 (liftkit/core/groups/geometry.py).

   Build and run (seconds to minutes):
     cc -O2 -o /tmp/mols10_fifth bench/mols10_fifth.c
     /tmp/mols10_fifth PAIR GHOSTS [SEED [STEPS [FREEZE [FIFTH]]]]
   PAIR is 0 for MOLS_10, 1 for SHARED_MOLS_10; GHOSTS the people fewer than 100; STEPS
   the search's length (default 1000000, about 15 s); FREEZE 1 starts with the four common
   transversals of SHARED_MOLS_10 as tables 0-3 (its random kicks may move them); FREEZE 2
   to 5 spreads transversal FREEZE - 2 over the ten tables, none of it empty, and keeps it
   so (fifth.py's SPREAD_ROUNDS: ten facilitators stand on it). FIFTH, a fifth round's
   100 marks (a row of FIFTH_ROUNDS after another), makes the search one for a sixth
   round: the fifth's tables are one more line, its empty cells stay (SIXTH_ROUNDS; with
   FREEZE 2-5 and a fifth round of SPREAD_ROUNDS, SPREAD_SIXTH). The same arguments give
   the same output on any machine.

   Why: the rows, the columns and the symbols of the two squares are 4 rounds of 10 tables
   in which no two cells meet twice. A fifth round without a repeat for 100 people would be
   a third square orthogonal to both, which nobody has found (whether three mutually
   orthogonal Latin squares of order 10 exist is open); with up to 9 people fewer there is
   none on these rounds either (bench/mols10_fifth_exact.py). So this search looks for the
   fifth round with fewest repeats. With g people fewer, g cells stand empty, and a pair of
   cells that meets twice costs nothing when one of them is empty: the search splits the
   100 cells into 10 classes of 10 (the fifth round's tables) and g empty cells, at most
   one in any row, column, symbol or class (so that every table of every round seats 9 or
   10), with as few pairs of seated cells as it can that share a class and a row, column
   or symbol.

   It is a tabu search over two moves: swap the classes of two cells, or empty a cell in
   place of another. The cost is the number of seated pairs that meet twice plus W times
   the pairs of empty cells on one line. Each step takes the best move of a cell in
   conflict, not undoing a swap of the last 4-13 steps unless it beats the best cost so
   far; after STALL steps without progress a few cells are swapped at random. It prints the
   best split found as ten rows of digits, an empty cell as the letter of its class (a for
   class 0), in the form of liftkit/core/groups/fifth.py's FIFTH_ROUNDS, whose comments give
   the arguments that found each (1 to 1.6 million steps, 15-20 s). Seeds 1-6 with FREEZE
   0 and 1, for 0 to 9 empty cells: 17, 14, 11, 9, 8, 7, 7, 7, 6 and 8 pairs meeting twice
   at best; choosing the empty cells afresh for each split found, exhaustively, gave no
   fewer. With a transversal spread (FREEZE 2-5, seeds 1-2): 23, 21, 19, 17, 16, 15, 14,
   13, 13 and 13; with 9 empty cells most runs left two of them on one line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xorshift.h"

static const char *PAIRS[2][2][10] = {
    {{"4168032957", "0492613785", "1534890672", "8905724163", "5219467830",
      "9326178504", "3871945026", "6783509241", "2057386419", "7640251398"},
     {"0123456789", "8307941652", "9065237841", "6954328017", "7582160493",
      "1430789526", "2876593104", "3218604975", "4691075238", "5749812360"}},
    {{"0678451239", "1289567340", "2845173906", "8951234067", "4562890173",
      "5123906784", "6734012895", "7390628451", "3406789512", "9017345628"},
     {"1260374589", "3682145907", "0456721893", "2139856470", "9517608234",
      "4893560712", "5974012368", "8045937126", "6728493051", "7301289645"}},
};

/* SHARED_MOLS_10's four common transversals (blocks 0-3) and two 3-plexes (4, 5). */
static const char *PLEXES[10] = {"5051542443", "0542345541", "3550444125", "4425531450",
                                 "4414250535", "1345054254", "2103555444", "5254413054",
                                 "4535404512", "5444125305"};

enum { W = 2, STALL = 4000 };

static int line[100][6];       /* row, column, two symbols (0-39), [fifth round,] class */
static int C = 4;              /* the class's place in line[x]: 5 after a given fifth round */
static int nb[100][100];       /* share a row, column or symbol */
static int near[100][45], nears[100];
static int cls[100], ghost[100];
static int m[100][10];         /* seated cells of each class sharing a line with the cell */
static int on[60];             /* empty cells on each line */
static int tabu[100][10];      /* step until which a cell may not take this class */
static int ghosts;
static int frozen[100];        /* cells whose class never changes */

static int seated_conflicts(void) {
    int c = 0;
    for (int x = 0; x < 100; x++)
        if (!ghost[x]) c += m[x][cls[x]];
    return c / 2;
}

static int ghost_clashes(void) {
    int c = 0;
    for (int l = 0; l < 10 * (C + 1); l++) c += on[l] * (on[l] - 1) / 2;
    return c;
}

static void rebuild(void) {
    memset(m, 0, sizeof m);
    memset(on, 0, sizeof on);
    for (int x = 0; x < 100; x++) {
        line[x][C] = 10 * C + cls[x];
        if (ghost[x])
            for (int i = 0; i <= C; i++) on[line[x][i]]++;
        else
            for (int j = 0; j < nears[x]; j++) m[near[x][j]][cls[x]]++;
    }
}

static int cost(void) { return seated_conflicts() + W * ghost_clashes(); }

/* The change in cost if x and y swapped classes. */
static int swap_delta(int x, int y) {
    int a = cls[x], b = cls[y], d = 0;
    if (!ghost[x]) d += m[x][b] - m[x][a];
    if (!ghost[y]) d += m[y][a] - m[y][b];
    if (!ghost[x] && !ghost[y] && nb[x][y]) d -= 2;
    if (ghost[x] != ghost[y]) {
        int g = ghost[x] ? x : y, from = cls[g], to = from == a ? b : a;
        d += W * (on[10 * C + to] - (on[10 * C + from] - 1));
    }
    return d;
}

static void swap(int x, int y) {
    int a = cls[x], b = cls[y];
    if (!ghost[x])
        for (int j = 0; j < nears[x]; j++) { m[near[x][j]][a]--; m[near[x][j]][b]++; }
    if (!ghost[y])
        for (int j = 0; j < nears[y]; j++) { m[near[y][j]][b]--; m[near[y][j]][a]++; }
    if (ghost[x]) { on[10 * C + a]--; on[10 * C + b]++; }
    if (ghost[y]) { on[10 * C + b]--; on[10 * C + a]++; }
    cls[x] = b; cls[y] = a;
    line[x][C] = 10 * C + b; line[y][C] = 10 * C + a;
}

/* The change in cost if ghost u were seated and seated v emptied. */
static int ghost_delta(int u, int v) {
    int d = m[u][cls[u]] - m[v][cls[v]];
    if (cls[u] == cls[v] && nb[u][v]) d -= 1;
    int before = 0, after = 0;
    for (int i = 0; i <= C; i++) {
        before += on[line[u][i]] - 1;
        int l = line[v][i], shared = 0;
        for (int k = 0; k <= C; k++) shared |= line[u][k] == l;
        after += on[l] - shared;
    }
    return d + W * (after - before);
}

static void move_ghost(int u, int v) {
    for (int i = 0; i <= C; i++) { on[line[u][i]]--; on[line[v][i]]++; }
    ghost[u] = 0;
    for (int j = 0; j < nears[u]; j++) m[near[u][j]][cls[u]]++;
    ghost[v] = 1;
    for (int j = 0; j < nears[v]; j++) m[near[v][j]][cls[v]]--;
}

static int troubled(int x) {
    if (ghost[x]) {
        for (int i = 0; i <= C; i++)
            if (on[line[x][i]] > 1) return 1;
        return 0;
    }
    return m[x][cls[x]] > 0;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: mols10_fifth PAIR GHOSTS [SEED [STEPS [FREEZE [FIFTH]]]]\n"); return 2; }
    int pair = atoi(argv[1]);
    ghosts = atoi(argv[2]);
    state = argc > 3 ? strtoull(argv[3], 0, 10) * 2654435761ULL + 1 : 1;
    long limit = argc > 4 ? atol(argv[4]) : 1000000;
    int freeze = argc > 5 ? atoi(argv[5]) : 0;
    if (freeze && pair != 1) { fprintf(stderr, "only pair 1 has common transversals\n"); return 2; }
    if (freeze < 0 || freeze > 5) { fprintf(stderr, "FREEZE is 0 to 5\n"); return 2; }
    for (int x = 0; x < 100; x++) {
        line[x][0] = x / 10;
        line[x][1] = 10 + x % 10;
        line[x][2] = 20 + PAIRS[pair][0][x / 10][x % 10] - '0';
        line[x][3] = 30 + PAIRS[pair][1][x / 10][x % 10] - '0';
    }
    const char *fifth = argc > 6 ? argv[6] : 0;
    if (fifth) {
        /* A sixth round after this fifth: its tables are a fifth line, its empty cells
           stay empty. */
        int letters = 0;
        if (strlen(fifth) != 100 || freeze == 1) { fprintf(stderr, "FIFTH is 100 marks, with FREEZE 0 or 2-5\n"); return 2; }
        for (int x = 0; x < 100; x++) {
            int empty = fifth[x] >= 'a' && fifth[x] <= 'j';
            line[x][4] = 40 + (empty ? fifth[x] - 'a' : fifth[x] - '0');
            ghost[x] = empty;
            letters += empty;
        }
        if (letters != ghosts) { fprintf(stderr, "FIFTH has %d empty cells\n", letters); return 2; }
        C = 5;
    }
    for (int x = 0; x < 100; x++)
        for (int y = 0; y < 100; y++) {
            int s = 0;
            for (int i = 0; i < C; i++) s += line[x][i] == line[y][i];
            nb[x][y] = x != y && s > 0;
            if (nb[x][y]) near[x][nears[x]++] = y;
        }
    /* Start: classes of a shuffled cyclic Latin square, the first cells empty. */
    int perm[10];
    for (int i = 0; i < 10; i++) perm[i] = i;
    for (int i = 9; i > 0; i--) { int j = below(i + 1), t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
    for (int x = 0; x < 100; x++) cls[x] = perm[(x / 10 + x % 10) % 10];
    if (freeze >= 2) {
        /* Transversal FREEZE - 2 is spread: its cell in row r stays in class r (any
           spread is this one with the classes renamed), and never empties. The other 90
           cells are dealt to the classes in a random order, 9 each, the first ghosts. */
        int rest[90], k = 0;
        for (int x = 0; x < 100; x++) {
            if (PLEXES[x / 10][x % 10] - '0' == freeze - 2) { cls[x] = x / 10; frozen[x] = 1; }
            else rest[k++] = x;
        }
        for (int i = 89; i > 0; i--) { int j = below(i + 1), t = rest[i]; rest[i] = rest[j]; rest[j] = t; }
        for (int i = 0; i < 90; i++) cls[rest[i]] = i % 10;
        for (int i = 0; i < ghosts && !fifth; i++) ghost[rest[i]] = 1;
    } else if (freeze) {
        /* The pair's four common transversals are classes 0-3; the other 60 cells are
           dealt to classes 4-9 in a random order, and the first ghosts among them. */
        int rest[60], k = 0;
        for (int x = 0; x < 100; x++) {
            int b = PLEXES[x / 10][x % 10] - '0';
            if (b < 4) { cls[x] = b; frozen[x] = 1; } else rest[k++] = x;
        }
        for (int i = 59; i > 0; i--) { int j = below(i + 1), t = rest[i]; rest[i] = rest[j]; rest[j] = t; }
        for (int i = 0; i < 60; i++) cls[rest[i]] = 4 + i % 6;
        for (int i = 0; i < ghosts; i++) ghost[rest[i]] = 1;
    } else if (!fifth) {
        for (int i = 0; i < ghosts; i++) ghost[i * 11] = 1;
    }
    rebuild();
    int best = cost(), now = best, since = 0;
    long step = 0;
    int keep_cls[100], keep_ghost[100];
    memcpy(keep_cls, cls, sizeof cls);
    memcpy(keep_ghost, ghost, sizeof ghost);
    clock_t start = clock();
    while (best > 0 && step < limit) {
        step++;
        int bd = 1 << 30, bx = -1, by = -1, kind = 0, ties = 0;
        for (int x = 0; x < 100; x++) {
            if (!troubled(x)) continue;
            for (int y = 0; y < 100; y++) {
                if (cls[y] == cls[x] || frozen[x] || frozen[y]) continue;
                int d = swap_delta(x, y);
                int allowed = (tabu[x][cls[y]] < step && tabu[y][cls[x]] < step) || now + d < best;
                if (!allowed) continue;
                if (d < bd) { bd = d; bx = x; by = y; kind = 0; ties = 1; }
                else if (d == bd && below(++ties) == 0) { bx = x; by = y; kind = 0; }
            }
            int u = x;
            if (fifth) continue;  /* its empty cells stay */
            if (ghost[u]) {
                for (int v = 0; v < 100; v++) {
                    if (ghost[v] || (freeze >= 2 && frozen[v])) continue;
                    int d = ghost_delta(u, v);
                    if (d < bd) { bd = d; bx = u; by = v; kind = 1; ties = 1; }
                    else if (d == bd && below(++ties) == 0) { bx = u; by = v; kind = 1; }
                }
            } else {
                for (int g = 0; g < 100; g++) {
                    if (!ghost[g] || (freeze >= 2 && frozen[x])) continue;
                    int d = ghost_delta(g, x);
                    if (d < bd) { bd = d; bx = g; by = x; kind = 1; ties = 1; }
                    else if (d == bd && below(++ties) == 0) { bx = g; by = x; kind = 1; }
                }
            }
        }
        if (bx < 0) continue;
        if (kind == 0) {
            tabu[bx][cls[bx]] = step + 4 + below(10);
            tabu[by][cls[by]] = step + 4 + below(10);
            swap(bx, by);
        } else {
            move_ghost(bx, by);
        }
        now += bd;
        if (now < best) {
            best = now; since = 0;
            memcpy(keep_cls, cls, sizeof cls);
            memcpy(keep_ghost, ghost, sizeof ghost);
        } else if (++since > STALL) {
            since = 0;
            for (int i = 0; i < 6; i++) {
                int x = below(100), y = below(100);
                /* FREEZE 1 lets these kicks move its transversals (its stored tables
                   were found so); a spread transversal stays where it is */
                if (cls[x] != cls[y] && !(freeze >= 2 && (frozen[x] || frozen[y]))) swap(x, y);
            }
            now = cost();
        }
    }
    memcpy(cls, keep_cls, sizeof cls);
    memcpy(ghost, keep_ghost, sizeof ghost);
    rebuild();
    printf("pair %d, %d empty, seed %s: cost %d (%d seated pairs meet twice, %d empty pairs on a line) after %ld steps, %.1f s\n",
           pair, ghosts, argc > 3 ? argv[3] : "1", cost(), seated_conflicts(), ghost_clashes(), step,
           (double)(clock() - start) / CLOCKS_PER_SEC);
    for (int r = 0; r < 10; r++) {
        printf("\"");
        for (int c = 0; c < 10; c++) {
            int x = r * 10 + c;
            putchar(ghost[x] ? 'a' + cls[x] : '0' + cls[x]);
        }
        printf("\",%s", r == 4 || r == 9 ? "\n" : " ");
    }
    return best > 0;
}
