/* Resolvable 2-(5m, 5, 1) designs from one base round on five rows of Z_m (m odd), for
   liftkit/core/groups/rotational_table.py (105 = 5 x 21 and 145 = 5 x 29 people in fives).

   Build and run:
     cc -O2 -o /tmp/rbibd5 bench/rbibd5_search.c -lm
     nice -n 10 /tmp/rbibd5 M [SEED [PER]]       # prints the base round and the blocks

   Points are (row i, place x), i in 0..4, x in Z_m, numbered i*m + x; adding t to every
   place is an automorphism. A pair's class is what that translation keeps: (row i, +-d)
   for two points of one row (d = 1..(m-1)/2), (rows i < j, x_j - x_i) for two rows. There
   are 5(m-1)/2 + 10m classes, and a design wants (5m - 1)/4 rounds, r = m + e rounds:
   - a base round B (m groups of five, every point once) and its m translates B + t;
   - e transversal groups {(0, 0), (1, b1), ..., (4, b4)}, each with its m translates a
     round of its own (one point of every row in each group).
   Every pair meets exactly once when B's pairs and the transversal groups' pairs use
   every class exactly once (B holds m*10 pairs, the e groups 10e; the classes add up to
   the same when 4r = 5m - 1). The search anneals the number of classes used twice or
   more: a step swaps two points between groups of B, or moves one place of a transversal
   group; it restarts from a fresh random start after PER steps, cooling from 0.6 to 0.05.
   FOCUS=n draws the first point up to n more times until its group holds a class used
   twice. Output: "m: B as 5m numbers, five a group | b1 b2 b3 b4 ; ..."; each restart
   prints the least cost it reached on stderr.

   Results so far (one core, FOCUS=4): m = 5 (25 people) in 0.0 s; m = 9 and m = 13 (45
   and 65) none in 5 minutes each, every restart stalling at 11 to 14 classes used twice
   of 230 (m = 13): either no such design exists for them or the search is too weak, so
   105 and 145 were not tried at length. Nothing from here is stored: 105 in fives came
   later from bench/bicyclic_search.c, 1-rotational over Z_104. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "xorshift.h"

#define K 5
#define MAXM 64
#define MAXP (K * MAXM)
static int m, pure, classes, extra;
static int cls[MAXP][MAXP];
static int grp[MAXM][K], grp_of[MAXP], slot_of[MAXP], count[K * MAXM + 10 * MAXM];
static int tb[16][K];
static int lowest; /* the least cost of the last restart */

static int pair_index(int i, int j) { /* rows i < j */
    static const int base[K] = {0, 4, 7, 9, 10};
    return base[i] + (j - i - 1);
}

static int class_of(int a, int b) {
    int i = a / m, x = a % m, j = b / m, y = b % m;
    if (i > j) { int t = i; i = j; j = t; t = x; x = y; y = t; }
    int d = ((y - x) % m + m) % m;
    if (i == j) {
        if (m - d < d) d = m - d;
        return i * pure + d - 1;
    }
    return K * pure + pair_index(i, j) * m + d;
}

static int tclass(int t, int i, int j, int bi, int bj) { /* class of rows i, j at bi, bj */
    (void)t;
    return class_of(i * m + bi, j * m + bj);
}

static int conflicted(int g) {
    for (int a = 0; a < K; a++)
        for (int b = a + 1; b < K; b++)
            if (count[cls[grp[g][a]][grp[g][b]]] > 1) return 1;
    return 0;
}

static int solve(long per, double t0, double t1, int focus) {
    int total = K * m, order[MAXP];
    for (int i = 0; i < total; i++) order[i] = i;
    for (int i = total - 1; i > 0; i--) {
        int j = below(i + 1), t = order[i];
        order[i] = order[j]; order[j] = t;
    }
    for (int i = 0; i < classes; i++) count[i] = 0;
    for (int i = 0; i < total; i++) {
        grp[i / K][i % K] = order[i]; grp_of[order[i]] = i / K; slot_of[order[i]] = i % K;
    }
    for (int g = 0; g < m; g++)
        for (int a = 0; a < K; a++)
            for (int b = a + 1; b < K; b++) count[cls[grp[g][a]][grp[g][b]]]++;
    for (int t = 0; t < extra; t++) {
        tb[t][0] = 0;
        for (int i = 1; i < K; i++) tb[t][i] = below(m);
        for (int i = 0; i < K; i++)
            for (int j = i + 1; j < K; j++) count[tclass(t, i, j, tb[t][i], tb[t][j])]++;
    }
    int cost = 0;
    for (int i = 0; i < classes; i++) if (count[i] > 1) cost += count[i] - 1;
    lowest = cost;
    double temp = t0, share = extra ? (double)(4 * extra) / (4 * extra + total) : 0.0;
    for (long s = 0; s < per; s++) {
        if (cost < lowest) lowest = cost;
        if (cost == 0) return 1;
        if (s % 1024 == 0) temp = t0 * pow(t1 / t0, (double)s / per);
        int out[2 * K], in[2 * K], n = 0;
        if (uniform() < share) { /* move one place of a transversal group */
            int t = below(extra), i = 1 + below(K - 1), v = below(m);
            if (v == tb[t][i]) continue;
            for (int j = 0; j < K; j++)
                if (j != i) {
                    int a = i < j ? i : j, b = i < j ? j : i;
                    int old_a = a == i ? tb[t][i] : tb[t][a], old_b = b == i ? tb[t][i] : tb[t][b];
                    int new_a = a == i ? v : tb[t][a], new_b = b == i ? v : tb[t][b];
                    out[n] = tclass(t, a, b, old_a, old_b); in[n] = tclass(t, a, b, new_a, new_b);
                    n++;
                }
            int d = 0;
            for (int k = 0; k < n; k++) { count[out[k]]--; d -= count[out[k]] >= 1; }
            for (int k = 0; k < n; k++) { d += count[in[k]] >= 1; count[in[k]]++; }
            if (d <= 0 || uniform() < exp(-d / temp)) { cost += d; tb[t][i] = v; }
            else {
                for (int k = 0; k < n; k++) count[in[k]]--;
                for (int k = 0; k < n; k++) count[out[k]]++;
            }
            continue;
        }
        int p = below(total);
        for (int f = 0; f < focus && !conflicted(grp_of[p]); f++) p = below(total);
        int q = below(total), A = grp_of[p], B = grp_of[q];
        if (A == B) continue;
        for (int i = 0; i < K; i++) {
            int x = grp[A][i], y = grp[B][i];
            if (x != p) { out[n] = cls[p][x]; in[n] = cls[q][x]; n++; }
            if (y != q) { out[n] = cls[q][y]; in[n] = cls[p][y]; n++; }
        }
        int d = 0;
        for (int k = 0; k < n; k++) { count[out[k]]--; d -= count[out[k]] >= 1; }
        for (int k = 0; k < n; k++) { d += count[in[k]] >= 1; count[in[k]]++; }
        if (d <= 0 || uniform() < exp(-d / temp)) {
            cost += d;
            grp[A][slot_of[p]] = q; grp[B][slot_of[q]] = p;
            int sp = slot_of[p]; slot_of[p] = slot_of[q]; slot_of[q] = sp;
            grp_of[p] = B; grp_of[q] = A;
        } else {
            for (int k = 0; k < n; k++) count[in[k]]--;
            for (int k = 0; k < n; k++) count[out[k]]++;
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    m = argc > 1 ? atoi(argv[1]) : 13;
    state = 0x9E3779B97F4A7C15ULL ^ (unsigned long long)(argc > 2 ? atol(argv[2]) : 1) * 7919ULL;
    long per = argc > 3 ? atol(argv[3]) : 20000000;
    int focus = getenv("FOCUS") ? atoi(getenv("FOCUS")) : 0;
    if (m % 2 == 0 || m > MAXM || (K * m - 1) % 4) { fprintf(stderr, "need m odd, 5m = 1 mod 4\n"); return 2; }
    pure = (m - 1) / 2;
    classes = K * pure + 10 * m;
    extra = (K * m - 1) / 4 - m;
    for (int a = 0; a < K * m; a++)
        for (int b = 0; b < K * m; b++) cls[a][b] = a == b ? 0 : class_of(a, b);
    clock_t start = clock();
    for (long tries = 1;; tries++) {
        if (solve(per, 0.6, 0.05, focus)) break;
        fprintf(stderr, "restart %ld (least cost %d) after %.1f s\n", tries, lowest, (double)(clock() - start) / CLOCKS_PER_SEC);
    }
    printf("%d:", m);
    for (int g = 0; g < m; g++)
        for (int a = 0; a < K; a++) printf(" %d", grp[g][a]);
    printf(" |");
    for (int t = 0; t < extra; t++) {
        for (int i = 1; i < K; i++) printf(" %d", tb[t][i]);
        printf(t + 1 < extra ? " ;" : "");
    }
    printf("  # %.1f s\n", (double)(clock() - start) / CLOCKS_PER_SEC);
    return 0;
}
