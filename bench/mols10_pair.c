/* The pair of orthogonal Latin squares of order 10 in liftkit/core/groups/geometry.py
   (MOLS_10): one that shares four disjoint common transversals.

   Build and run (a few minutes):
     cc -O2 -o /tmp/mols10_pair bench/mols10_pair.c
     /tmp/mols10_pair [SEED [TARGET [COUNT]]] > pairs.txt

   Why: 100 people at 10 tables over 4 rounds take their rounds from the rows, columns and
   symbols of two orthogonal Latin squares. An organisation of exactly 10, balanced, must
   then stand on a common transversal (ten cells in distinct rows, columns and symbols of
   both squares), and a smaller one on part of one. Whether three orthogonal squares of
   order 10 exist is open, so ten disjoint common transversals are out of reach; Brown,
   Hedayat and Parker (1993) published a pair with four. This search finds its own:

   1. L: the cyclic square of Z_10 with some of its 25 intercalates (rows r and r+5,
      columns c and c+5) turned, the subset chosen by hill-climbing on the number of
      transversals from random starts. It reaches 5504, the most a Latin square of order
      10 has (McKay, McLeod and Wanless, 2006).
   2. Mates of L: exact covers of its cells by ten disjoint transversals (the cell with the
      fewest candidates first, randomised restarts of NODES nodes). For each mate, the
      transversals of L that meet every one of the ten once are the pair's common
      transversals; the most disjoint of them are counted exactly.
   The first COUNT (1) mates with TARGET (4) disjoint common transversals are printed, each
   as L and the mate side by side (ten rows of digits) and the disjoint transversals as
   cell numbers 10 * row + column, then a blank line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xorshift.h"

#define N 10
#define NODES 100000
typedef unsigned __int128 cells_t;

static int L[N][N];
static long found;
static cells_t T[6000];
static int nt;

static void count_from(int r, int cols, int syms) {
    if (r == N) { found++; return; }
    for (int c = 0; c < N; c++)
        if (!(cols >> c & 1) && !(syms >> L[r][c] & 1))
            count_from(r + 1, cols | 1 << c, syms | 1 << L[r][c]);
}

static long transversals_of(int turned) {
    for (int r = 0; r < N; r++)
        for (int c = 0; c < N; c++)
            L[r][c] = ((r + c) % N + (turned >> ((r % 5) * 5 + c % 5) & 1) * 5) % N;
    found = 0;
    count_from(0, 0, 0);
    return found;
}

static void list_from(int r, int cols, int syms, cells_t cells) {
    if (r == N) { T[nt++] = cells; return; }
    for (int c = 0; c < N; c++)
        if (!(cols >> c & 1) && !(syms >> L[r][c] & 1))
            list_from(r + 1, cols | 1 << c, syms | 1 << L[r][c], cells | (cells_t)1 << (r * N + c));
}

static int *by_cell[N * N], n_by_cell[N * N], chosen[N], mate[N * N], common[6000], packed[N], best_packed[N];
static int n_common, most;
static long nodes, mates;
static int target, count, printed;

static void pack(int from, cells_t used, int depth) {
    if (depth > most) { most = depth; memcpy(best_packed, packed, sizeof packed); }
    for (int j = from; j < n_common && n_common - j + depth > most; j++)
        if (!(T[common[j]] & used)) {
            packed[depth] = common[j];
            pack(j + 1, used | T[common[j]], depth + 1);
        }
}

static int weigh_mate(void) { /* 1 when the mate has `target` disjoint common transversals */
    mates++;
    for (int s = 0; s < N; s++)
        for (int x = 0; x < N * N; x++)
            if (T[chosen[s]] >> x & 1) mate[x] = s;
    n_common = 0;
    for (int t = 0; t < nt; t++) {
        int seen = 0, ok = 1;
        for (int x = 0; x < N * N && ok; x++)
            if (T[t] >> x & 1) { ok = !(seen >> mate[x] & 1); seen |= 1 << mate[x]; }
        if (ok) common[n_common++] = t;
    }
    most = 0;
    pack(0, 0, 0);
    if (most < target) return 0;
    fprintf(stderr, "mate %ld: %d common transversals, %d disjoint\n", mates, n_common, most);
    for (int r = 0; r < N; r++) {
        for (int c = 0; c < N; c++) printf("%d", L[r][c]);
        printf(" ");
        for (int c = 0; c < N; c++) printf("%d", mate[r * N + c]);
        printf("\n");
    }
    for (int j = 0; j < most; j++) {
        for (int x = 0; x < N * N; x++)
            if (T[best_packed[j]] >> x & 1) printf("%d ", x);
        printf("\n");
    }
    printf("\n");
    fflush(stdout);
    return ++printed == count;
}

static int cover(cells_t covered, int depth) {
    if (depth == N) return weigh_mate();
    if (++nodes > NODES) return 0;
    int best = -1, fewest = 1 << 30;
    for (int x = 0; x < N * N; x++) {
        if (covered >> x & 1) continue;
        int k = 0;
        for (int i = 0; i < n_by_cell[x]; i++) k += !(T[by_cell[x][i]] & covered);
        if (k < fewest) { fewest = k; best = x; if (!k) return 0; }
    }
    for (int i = 0; i < n_by_cell[best] && nodes <= NODES; i++) {
        int t = by_cell[best][i];
        if (T[t] & covered) continue;
        chosen[depth] = t;
        if (cover(covered | T[t], depth + 1)) return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    state = argc > 1 ? strtoull(argv[1], 0, 10) : 1;
    target = argc > 2 ? atoi(argv[2]) : 4;
    count = argc > 3 ? atoi(argv[3]) : 1;
    /* 1. the turned intercalates with the most transversals */
    long best = -1;
    int best_turned = 0;
    for (int start = 0; start < 30; start++) {
        int turned = (int)(next() >> 39) & ((1 << 25) - 1);
        long now = transversals_of(turned);
        for (int better = 1; better;) {
            better = 0;
            for (int b = 0; b < 25; b++) {
                long other = transversals_of(turned ^ 1 << b);
                if (other > now) { now = other; turned ^= 1 << b; better = 1; }
            }
        }
        if (now > best) { best = now; best_turned = turned; }
    }
    transversals_of(best_turned);
    list_from(0, 0, 0, 0);
    fprintf(stderr, "L: %d transversals (turned intercalates %d)\n", nt, best_turned);
    /* 2. mates, until one shares `target` disjoint common transversals */
    for (int x = 0; x < N * N; x++) by_cell[x] = malloc(sizeof(int) * nt);
    int *order = malloc(sizeof(int) * nt);
    for (long restart = 0;; restart++) {
        for (int i = 0; i < nt; i++) order[i] = i;
        for (int i = nt - 1; i > 0; i--) { int j = below(i + 1), k = order[i]; order[i] = order[j]; order[j] = k; }
        memset(n_by_cell, 0, sizeof n_by_cell);
        for (int i = 0; i < nt; i++)
            for (int x = 0; x < N * N; x++)
                if (T[order[i]] >> x & 1) by_cell[x][n_by_cell[x]++] = order[i];
        nodes = 0;
        if (cover(0, 0)) break;
        if (restart % 100 == 0) fprintf(stderr, "restart %ld, %ld mates weighed\n", restart, mates);
    }
    return 0;
}
