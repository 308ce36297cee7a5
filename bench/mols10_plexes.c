/* The plexes of the second pair of orthogonal Latin squares of order 10 in
   liftkit/core/groups/geometry.py (SHARED_MOLS_10, SHARED_PLEXES).

   Build and run (1-15 s):
     cc -O2 -o /tmp/mols10_plexes bench/mols10_plexes.c
     /tmp/mols10_plexes [SEED [STEPS [TRIES [SIZE...]]]]

   Why: an organisation of 10 m people at 10 tables over the 4 rounds of two orthogonal
   Latin squares, balanced, must be exactly m at every table: its cells must hold m in
   every row, column and symbol of both squares (a common m-plex). The pair's four common
   transversals are 1-plexes. This search splits the 60 cells they leave into plexes of
   the sizes given (default 3 3: two 3-plexes of 30 cells): a tabu search over swaps of
   two cells' blocks, each step taking the best swap of cells not moved in the last 4-13
   steps, the penalty being how far each block's count in each of the 40 lines is from its
   size. It prints the blocks of all 100 cells as ten rows of digits, 0-3 the transversals
   (found by a depth-first search, in row order), 4 and up the new plexes, in the form of
   SHARED_PLEXES; or "none" with the least penalty reached.

   With the defaults (seed 1, 40000 steps, 6 tries) it finds the split into two 3-plexes
   on the first try, in about a second: SHARED_PLEXES, with 4 and 5 named the other way
   round. "2 2 2" (three 2-plexes) and "2 4" stop at penalties 10 and 4 after six tries
   (15 s each), so whether those exist is not known here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xorshift.h"

static const char *A[10] = {"0678451239", "1289567340", "2845173906", "8951234067",
                            "4562890173", "5123906784", "6734012895", "7390628451",
                            "3406789512", "9017345628"};
static const char *B[10] = {"1260374589", "3682145907", "0456721893", "2139856470",
                            "9517608234", "4893560712", "5974012368", "8045937126",
                            "6728493051", "7301289645"};

static int line[100][4];      /* the row, column and two symbols of each cell, 0-39 */
static int block[100];        /* each cell's block */
static int fixed[100];        /* cells of the transversals, never swapped */
static int size[16], blocks;  /* each block's cells a line */
static int count[40][16];     /* cells of each block in each line */
static int wait_until[100];

static int off(int c, int b) { return abs(c - size[b]); }

static int trans[64][10], found;
static void transversals(int row, int cols, int s1, int s2, int *cells) {
    if (row == 10) {
        memcpy(trans[found++], cells, sizeof trans[0]);
        return;
    }
    for (int c = 0; c < 10; c++) {
        int a = A[row][c] - '0', b = B[row][c] - '0';
        if ((cols >> c & 1) || (s1 >> a & 1) || (s2 >> b & 1)) continue;
        cells[row] = 10 * row + c;
        transversals(row + 1, cols | 1 << c, s1 | 1 << a, s2 | 1 << b, cells);
    }
}

static int change(int x, int y) { /* penalty after swapping the blocks of x and y, less before */
    int u = block[x], v = block[y], d = 0;
    for (int i = 0; i < 4; i++) {
        int l = line[x][i], shared = 0;
        for (int j = 0; j < 4; j++) shared |= line[y][j] == l;
        if (shared) continue;
        d += off(count[l][u] - 1, u) - off(count[l][u], u) + off(count[l][v] + 1, v) - off(count[l][v], v);
    }
    for (int i = 0; i < 4; i++) {
        int l = line[y][i], shared = 0;
        for (int j = 0; j < 4; j++) shared |= line[x][j] == l;
        if (shared) continue;
        d += off(count[l][v] - 1, v) - off(count[l][v], v) + off(count[l][u] + 1, u) - off(count[l][u], u);
    }
    return d;
}

int main(int argc, char **argv) {
    state = argc > 1 ? strtoull(argv[1], 0, 10) * 7919 + 1 : 7920;
    long steps = argc > 2 ? atol(argv[2]) : 40000;
    int tries = argc > 3 ? atoi(argv[3]) : 6;
    for (int x = 0; x < 100; x++) {
        int r = x / 10, c = x % 10;
        line[x][0] = r, line[x][1] = 10 + c, line[x][2] = 20 + A[r][c] - '0', line[x][3] = 30 + B[r][c] - '0';
    }
    int cells[10];
    transversals(0, 0, 0, 0, cells);
    if (found != 4) { printf("%d common transversals, not 4\n", found); return 1; }
    blocks = 4;
    for (int b = 0; b < 4; b++) size[b] = 1;
    if (argc > 4)
        for (int i = 4; i < argc && blocks < 16; i++) size[blocks++] = atoi(argv[i]);
    else
        size[blocks++] = 3, size[blocks++] = 3;
    int sum = 0;
    for (int b = 4; b < blocks; b++) sum += size[b];
    if (sum != 6) { printf("the new plexes' sizes must add up to 6\n"); return 1; }
    int least = 1 << 30;
    for (int t = 0; t < tries; t++) {
        int pool[60], n = 0;
        for (int b = 4; b < blocks; b++)
            for (int i = 0; i < 10 * size[b]; i++) pool[n++] = b;
        for (int i = n - 1; i > 0; i--) { int j = below(i + 1), z = pool[i]; pool[i] = pool[j]; pool[j] = z; }
        memset(fixed, 0, sizeof fixed);
        for (int b = 0; b < 4; b++)
            for (int i = 0; i < 10; i++) fixed[trans[b][i]] = 1, block[trans[b][i]] = b;
        n = 0;
        for (int x = 0; x < 100; x++) if (!fixed[x]) block[x] = pool[n++];
        memset(count, 0, sizeof count);
        for (int x = 0; x < 100; x++) for (int i = 0; i < 4; i++) count[line[x][i]][block[x]]++;
        int cost = 0;
        for (int l = 0; l < 40; l++) for (int b = 0; b < blocks; b++) cost += off(count[l][b], b);
        int best = cost;
        memset(wait_until, 0, sizeof wait_until);
        for (long s = 1; s <= steps && cost > 0; s++) {
            int bd = 1 << 30, bx = -1, by = -1, ties = 0;
            for (int x = 0; x < 100; x++) {
                if (fixed[x]) continue;
                for (int y = x + 1; y < 100; y++) {
                    if (fixed[y] || block[x] == block[y]) continue;
                    int d = change(x, y);
                    if ((wait_until[x] > s || wait_until[y] > s) && cost + d >= best) continue;
                    if (d < bd) bd = d, bx = x, by = y, ties = 1;
                    else if (d == bd && below(++ties) == 0) bx = x, by = y;
                }
            }
            if (bx < 0) break;
            int u = block[bx], v = block[by];
            for (int i = 0; i < 4; i++) {
                count[line[bx][i]][u]--, count[line[bx][i]][v]++;
                count[line[by][i]][v]--, count[line[by][i]][u]++;
            }
            block[bx] = v, block[by] = u, cost += bd;
            wait_until[bx] = s + 4 + below(10), wait_until[by] = s + 4 + below(10);
            if (cost < best) best = cost;
        }
        if (cost == 0) {
            for (int x = 0; x < 100; x++) printf("%d%s", block[x], x % 10 == 9 ? "\n" : "");
            return 0;
        }
        if (best < least) least = best;
    }
    printf("none: least penalty %d\n", least);
    return 2;
}
