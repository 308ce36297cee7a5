/* Base rounds of nearly Kirkman triple systems NKTS(v), for liftkit/core/groups/nkts_data.py.

   Build and run (one process at a time; each order takes seconds to minutes):
     cc -O2 -o /tmp/nkts_search bench/nkts_search.c -lm
     nice -n 10 /tmp/nkts_search FIRST LAST [PER [EVERY [T0 T1]]] > found.txt
   PER (20000000) steps a restart, cooling from T0 (0.6) to T1 (0.05), the temperature
   updated every EVERY (1024) steps. With FOCUS=n in the environment the first point of a
   swap is drawn up to n more times until its trio holds a conflict: 6 to 15 times faster
   (96 in 1.0 s against 15.4 s, 102 in 88 s against 526 s, FOCUS=4).
     python bench/nkts_search.py --write found.txt

   The model is documented in bench/nkts_search.py, which runs the same annealing in
   Python (slowly, with its own random generator): with m = (v - 2)/2, points r*m + x
   (row r of Z_m) and two fixed points 2m, 2m + 1; a base round of trios must use each
   pair class at most once and never join the fixed points. Simulated annealing over
   swaps of two points between trios, cooling from 0.6 to 0.05 and restarted from a fresh
   random round after PER steps; the generator is seeded with v, so `nkts_search V V`
   gives the same base round on any machine, whatever other orders the run covers (SEED=n
   in the environment draws another sequence, for a second process on another core). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "xorshift.h"

#define MAXP 512
static int cls[MAXP][MAXP];

static int classes(int m) { /* fills cls; -1 marks a forbidden pair; returns the count */
    int total = 2 * m + 2, cyc = 2 * m, pure = (m - 1) / 2;
    for (int a = 0; a < total; a++)
        for (int b = 0; b < total; b++) {
            int c;
            if (a == b || (a >= cyc && b >= cyc)) c = -1;
            else if (a >= cyc || b >= cyc) {
                int f = a >= cyc ? a : b, x = a >= cyc ? b : a;
                c = 2 * pure + m + (f - cyc) * 2 + x / m;
            } else {
                int i = a / m, x = a % m, j = b / m, y = b % m;
                if (i > j || (i == j && x > y)) { int t = i; i = j; j = t; t = x; x = y; y = t; }
                int d = ((y - x) % m + m) % m;
                if (i == j) {
                    if (m - d < d) d = m - d;
                    c = 2 * d == m ? -1 : i * pure + d - 1;
                } else c = 2 * pure + d;
            }
            cls[a][b] = c;
        }
    return 2 * pure + m + 4;
}

static int trios[MAXP / 3][3], trio_of[MAXP], slot_of[MAXP], count[MAXP * 2];

static long every = 1024; /* steps between updates of the temperature */
static int focus = 0; /* FOCUS=n: draw the first point up to n more times until its trio
                          holds a pair class used twice (or a forbidden pair) */

static int conflicted(int t, int forbidden) {
    for (int a = 0; a < 3; a++)
        for (int b = a + 1; b < 3; b++) {
            int c = cls[trios[t][a]][trios[t][b]];
            if (count[c < 0 ? forbidden : c] > 1) return 1;
        }
    return 0;
}

/* Anneals fresh random rounds, PER steps each, until one has cost 0 (left in trios). */
static void solve(int m, long per, double t0, double t1) {
    int total = 2 * m + 2, forbidden = classes(m), order[MAXP], seq[MAXP];
    for (;;) {
        for (int i = 0; i < 2 * m; i++) order[i] = i;
        for (int i = 2 * m - 1; i > 0; i--) {
            int j = below(i + 1), t = order[i];
            order[i] = order[j]; order[j] = t;
        }
        int k = 0; /* the fixed points start in different trios */
        seq[k++] = 2 * m; seq[k++] = order[0]; seq[k++] = order[1]; seq[k++] = 2 * m + 1;
        for (int i = 2; i < 2 * m; i++) seq[k++] = order[i];
        for (int i = 0; i <= forbidden; i++) count[i] = 0;
        count[forbidden] = 1; /* the last slot counts forbidden pairs, from 1: each costs */
        for (int i = 0; i < total; i++) {
            trios[i / 3][i % 3] = seq[i]; trio_of[seq[i]] = i / 3; slot_of[seq[i]] = i % 3;
        }
        for (int t = 0; t < total / 3; t++)
            for (int a = 0; a < 3; a++)
                for (int b = a + 1; b < 3; b++) {
                    int c = cls[trios[t][a]][trios[t][b]];
                    count[c < 0 ? forbidden : c]++;
                }
        int cost = 0;
        for (int i = 0; i <= forbidden; i++) if (count[i] > 1) cost += count[i] - 1;
        double temp = t0;
        for (long s = 0; s < per; s++) {
            if (cost == 0) return;
            if (s % every == 0) temp = t0 * pow(t1 / t0, (double)s / per);
            int p = below(total);
            for (int f = 0; f < focus && !conflicted(trio_of[p], forbidden); f++) p = below(total);
            int q = below(total), A = trio_of[p], B = trio_of[q];
            if (A == B) continue;
            int out[4], in[4], n = 0; /* the classes p and q leave, and those they join */
            for (int i = 0; i < 3; i++) {
                int x = trios[A][i], y = trios[B][i];
                if (x != p) { out[n] = cls[p][x]; in[n] = cls[q][x]; n++; }
                if (y != q) { out[n] = cls[q][y]; in[n] = cls[p][y]; n++; }
            }
            for (int i = 0; i < 4; i++) {
                if (out[i] < 0) out[i] = forbidden;
                if (in[i] < 0) in[i] = forbidden;
            }
            int d = 0;
            for (int i = 0; i < 4; i++) { count[out[i]]--; d -= count[out[i]] >= 1; }
            for (int i = 0; i < 4; i++) { d += count[in[i]] >= 1; count[in[i]]++; }
            if (d <= 0 || uniform() < exp(-d / temp)) {
                cost += d;
                trios[A][slot_of[p]] = q; trios[B][slot_of[q]] = p;
                int sp = slot_of[p]; slot_of[p] = slot_of[q]; slot_of[q] = sp;
                trio_of[p] = B; trio_of[q] = A;
            } else {
                for (int i = 0; i < 4; i++) count[in[i]]--;
                for (int i = 0; i < 4; i++) count[out[i]]++;
            }
        }
    }
}

int main(int argc, char **argv) {
    int first = argc > 1 ? atoi(argv[1]) : 18, last = argc > 2 ? atoi(argv[2]) : first;
    long per = argc > 3 ? atol(argv[3]) : 20000000;
    every = argc > 4 ? atol(argv[4]) : 1024;
    double t0 = argc > 5 ? atof(argv[5]) : 0.6, t1 = argc > 6 ? atof(argv[6]) : 0.05;
    focus = getenv("FOCUS") ? atoi(getenv("FOCUS")) : 0;
    for (int v = first; v <= last && v < MAXP; v += 6) {
        int m = (v - 2) / 2;
        clock_t start = clock();
        state = 0x9E3779B97F4A7C15ULL ^ (unsigned long long)v;
        if (getenv("SEED")) state ^= (unsigned long long)atoll(getenv("SEED")) << 32;
        solve(m, per, t0, t1);
        printf("    %d: \"", v);
        for (int t = 0; t < v / 3; t++)
            printf("%s%d %d %d", t ? " " : "", trios[t][0], trios[t][1], trios[t][2]);
        printf("\",  # %.1f s\n", (double)(clock() - start) / CLOCKS_PER_SEC);
        fflush(stdout);
    }
    return 0;
}
