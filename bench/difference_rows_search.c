/* Difference rows over Z_k for liftkit/core/groups/difference_rows.txt: transversal rows
   (designs.py) for k rooms whose number is not a prime power.

   Build and run:
     cc -O2 -o /tmp/difference_rows bench/difference_rows_search.c
     /tmp/difference_rows K S [WORK]      # the most rounds found for k rooms, s rows
     /tmp/difference_rows sweep [WORK]    # every k up to 40 not a prime power, s = 3..k
     /tmp/difference_rows more K S R [WORK [SEED]]   # exactly R rounds, every entry weighed

   People are points (i, j) in s rows of k; in round r the point (i, j) goes to room
   j + M[r][i] mod k. Two points of rows i and i' meet in round r when j - j' =
   M[r][i'] - M[r][i], so they meet in two rounds r and t only when the difference
   M[r] - M[t] takes the same value at i and at i'. A schedule without repeats is a matrix
   M (rounds x s) whose rows' pairwise differences are injective; cutting columns or rows
   keeps that, so a matrix of R rounds on s rows serves every smaller s and R. At most k
   rounds (two columns' differences over the rounds are distinct), and k only for a
   prime power (GF(k) gives them, designs.py); Z_k's multipliers give as many rounds as the
   smallest prime factor of k (more when s is small).

   The search is a tabu search on the cost "pairs of columns whose difference repeats, over
   every two rounds": a step sets one entry that takes part in a repeat (row 0 and column 0
   stay 0: adding a constant to a round or to a row relabels rooms or places) to the value
   that lowers the cost most, not undoing a change of the last 5-14 steps unless that
   reaches a new best; ties are broken at random. It restarts from random values after
   100,000 steps. WORK (default 150 million) caps the values weighed for one number of
   rounds, so a run prints the same rows on any machine (the generator is seeded with
   k * 1000 + s). For each s the rounds go up from 2 while one is found.

   Output, one line for each (k, s): "k s R: " and the R rows of s numbers, "/" between
   rows; `python bench/difference_rows_table.py OUTPUT` writes the table from it.

   Results (2026-12-02, WORK 150 million, the 461 pairs k <= 40, s = 3..k, run two at a
   time with xargs -P 2: about half an hour): more rounds than Z_k's multipliers for 403
   pairs, among them 8 rounds for 10 rooms of 8 (the backtracking search designs.py ran
   each time found 5), 9 for 12 rooms of 9 (5), 10 for 14 rooms of 7 (7) and 13 for 20
   rooms of 8 (10); never fewer than that search or the multipliers. Ten rooms of 9 stop
   at 5 rounds. These are lower bounds: 22 rooms of 11 gave 10 rounds at the default
   WORK and 11 with 600 million (the multipliers give 11 there too).

   `more` looks for exactly R rounds with every entry weighed at each step (not only those
   in a repeat), WORK 2 billion by default, the generator seeded with SEED too. Tried on
   splits a sweep of 36 to 150 people over 7 to 10 rounds left with repeats (seeds 1-4 at
   WORK 3 billion, then 1-2 at 1.5 billion, about 30-55 s each): found 14 rooms of 8 for
   9 rounds (every seed) and 14 rooms of 9 for 8 (seed 1), so 105 to 112 people in 14
   rooms for 9 rounds and 113 to 126 for 8 have no repeat (21-51 and 44-57 repeats
   before); none for 15 rooms of 8 for 10 rounds, 12 of 8 for 10, 14 of 8 for 10, 12 of 9
   for 10, 15 of 9 for 9 or 10 of 8 for 9. The table was written with
   `difference_rows_table.py SWEEP MORE...`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xorshift.h"

#define MR 41
#define MS 41
#define MK 41
static int k, s, R, full; /* full: weigh every entry, not only those in a repeat */
static int M[MR][MS];
static int cnt[MR][MR][MK]; /* cnt[r][t][d], r < t: columns where M[r] - M[t] = d */
static long tabu[MR][MS][MK];
static int cost;

static int sub[MK][MK]; /* sub[a][b] = a - b mod k */
static int mod(int x) { x %= k; return x < 0 ? x + k : x; }

static void recount(void) {
    memset(cnt, 0, sizeof cnt);
    cost = 0;
    for (int r = 0; r < R; r++)
        for (int t = r + 1; t < R; t++)
            for (int i = 0; i < s; i++) cost += cnt[r][t][mod(M[r][i] - M[t][i])]++;
}

static int delta(int r, int i, int v) { /* cost change of setting M[r][i] = v */
    int o = M[r][i], d = 0;
    for (int t = 0; t < R; t++) {
        if (t == r) continue;
        int a = r < t ? r : t, b = r < t ? t : r, x = M[t][i];
        int was = r < t ? sub[o][x] : sub[x][o], now = r < t ? sub[v][x] : sub[x][v];
        d += cnt[a][b][now] - (cnt[a][b][was] - 1);
    }
    return d;
}

static void set(int r, int i, int v) {
    int o = M[r][i];
    for (int t = 0; t < R; t++) {
        if (t == r) continue;
        int a = r < t ? r : t, b = r < t ? t : r, x = M[t][i];
        cost -= --cnt[a][b][r < t ? sub[o][x] : sub[x][o]];
        cost += cnt[a][b][r < t ? sub[v][x] : sub[x][v]]++;
    }
    M[r][i] = v;
}

static int conflicted(int r, int i) { /* whether M[r][i] takes part in a repeat */
    for (int t = 0; t < R; t++) {
        if (t == r) continue;
        int a = r < t ? r : t, b = r < t ? t : r;
        if (cnt[a][b][r < t ? sub[M[r][i]][M[t][i]] : sub[M[t][i]][M[r][i]]] > 1) return 1;
    }
    return 0;
}

static int solve(long work) { /* 1 when M holds R rounds without a repeat */
    long spent = 0;
    for (int a = 0; a < k; a++)
        for (int b = 0; b < k; b++) sub[a][b] = mod(a - b);
    while (spent < work) {
        for (int r = 0; r < R; r++)
            for (int i = 0; i < s; i++) M[r][i] = (r == 0 || i == 0) ? 0 : below(k);
        recount();
        memset(tabu, 0, sizeof tabu);
        int best = cost;
        for (long step = 1; step <= 100000 && cost > 0 && spent < work; step++) {
            int bd = 1 << 30, br = -1, bi = -1, bv = -1, ties = 0;
            for (int r = 1; r < R; r++)
                for (int i = 1; i < s; i++) {
                    if (!full && !conflicted(r, i)) continue;
                    spent += k - 1;
                    for (int v = 0; v < k; v++) {
                        if (v == M[r][i]) continue;
                        int d = delta(r, i, v);
                        if (tabu[r][i][v] > step && cost + d >= best) continue;
                        if (d < bd) { bd = d; br = r; bi = i; bv = v; ties = 1; }
                        else if (d == bd && below(++ties) == 0) { br = r; bi = i; bv = v; }
                    }
                }
            if (br < 0) continue;
            int o = M[br][bi];
            set(br, bi, bv);
            tabu[br][bi][o] = step + 5 + below(10);
            if (cost < best) best = cost;
        }
        if (cost == 0) return 1;
    }
    return 0;
}

static void most(int rooms, int rows, long work) {
    static int kept[MR][MS];
    int got = 0;
    k = rooms; s = rows;
    state = (unsigned long long)k * 1000 + s;
    for (R = 2; R <= k; R++) {
        if (!solve(work)) break;
        memcpy(kept, M, sizeof M);
        got = R;
    }
    printf("%d %d %d:", k, s, got);
    for (int r = 0; r < got; r++) {
        printf(r ? " /" : "");
        for (int i = 0; i < s; i++) printf(" %d", kept[r][i]);
    }
    printf("\n");
    fflush(stdout);
}

static int prime_power(int q) {
    int p = 2;
    while (q % p) p++;
    while (q % p == 0) q /= p;
    return q == 1;
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "sweep") == 0) {
        long work = argc > 2 ? atol(argv[2]) : 150000000L;
        for (int rooms = 6; rooms < MK; rooms++)
            if (!prime_power(rooms))
                for (int rows = 3; rows <= rooms; rows++) most(rooms, rows, work);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "more") == 0 && argc >= 5) { /* more K S R [WORK [SEED]] */
        k = atoi(argv[2]); s = atoi(argv[3]); R = atoi(argv[4]); full = 1;
        if (k < 2 || k >= MK || s < 2 || s > k || R < 2 || R > k || R >= MR) return 2;
        state = (unsigned long long)k * 1000 + s + (argc > 6 ? 1000000ULL * atoi(argv[6]) : 0);
        if (!solve(argc > 5 ? atol(argv[5]) : 2000000000L)) {
            printf("%d %d %d: none\n", k, s, R);
            return 1;
        }
        printf("%d %d %d:", k, s, R);
        for (int r = 0; r < R; r++) {
            printf(r ? " /" : "");
            for (int i = 0; i < s; i++) printf(" %d", M[r][i]);
        }
        printf("\n");
        return 0;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: %s K S [WORK] | sweep [WORK] | more K S R [WORK [SEED]]\n", argv[0]);
        return 2;
    }
    int rooms = atoi(argv[1]), rows = atoi(argv[2]);
    if (rooms < 2 || rooms >= MK || rows < 2 || rows > rooms) {
        fprintf(stderr, "K from 2 to %d, S from 2 to K\n", MK - 1);
        return 2;
    }
    most(rooms, rows, argc > 3 ? atol(argv[3]) : 150000000L);
    return 0;
}
