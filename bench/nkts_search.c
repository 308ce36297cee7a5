/* Base rounds of nearly Kirkman triple systems NKTS(v), for liftkit/core/groups/nkts_data.py.

   Build and run (one process; it takes minutes for the largest orders):
     cc -O2 -o /tmp/nkts_search bench/nkts_search.c -lm
     nice -n 10 /tmp/nkts_search 18 150

   The same model as bench/nkts_search.py (which documents it and is the readable
   version; this one is the same annealing, about a hundred times faster): with m =
   (v - 2)/2, points r*m + x (row r of Z_m) and two fixed points 2m, 2m + 1; a base round of
   trios must use each pair class at most once and never join the fixed points.
   Simulated annealing over swaps of two points between trios, restarted from a fresh
   random round after PER steps; the random generator is seeded with v, so a run gives
   the same base rounds on any machine. Prints one line per v, as in nkts_data.py. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAXP 512
static int cls[MAXP][MAXP];
static unsigned long long state;

static unsigned long long next(void) { /* xorshift64* */
    state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
    return state * 2685821657736338717ULL;
}
static int below(int k) { return (int)((next() >> 33) % (unsigned)k); }
static double uniform(void) { return (next() >> 11) * (1.0 / 9007199254740992.0); }

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

static int reheats = 0; /* runs continued from the last one's round, from `reheat` */
static double reheat = 0.25;
static int focus = 0; /* tries at drawing a point of a trio in conflict */

static int conflicted(int t, int forbidden) {
    for (int a = 0; a < 3; a++)
        for (int b = a + 1; b < 3; b++) {
            int c = cls[trios[t][a]][trios[t][b]];
            if (c < 0 || count[c] > 1) return 1;
        }
    (void)forbidden;
    return 0;
}

/* Large-neighbourhood repair: take out every trio in conflict and some others at random,
   then re-partition their points exactly by depth-first search, using only classes no
   kept trio uses. Returns 1 (and leaves the repaired round) if it succeeds. */
static int freed[MAXP], nfreed, taken[MAXP];
static long nodes;

static int usable(int a, int b) { int c = cls[a][b]; return c >= 0 && count[c] == 0; }

static int fill(int at) {
    if (++nodes > 200000) return 0;
    int p = -1;
    for (int i = 0; i < nfreed; i++) if (!taken[freed[i]]) { p = freed[i]; break; }
    if (p < 0) return 1;
    taken[p] = 1;
    for (int i = 0; i < nfreed; i++) {
        int q = freed[i];
        if (taken[q] || !usable(p, q)) continue;
        taken[q] = 1; count[cls[p][q]]++;
        for (int j = i + 1; j < nfreed; j++) {
            int r = freed[j];
            if (taken[r] || !usable(p, r)) continue;
            count[cls[p][r]]++;
            if (usable(q, r)) {
                count[cls[q][r]]++; taken[r] = 1;
                trios[at][0] = p; trios[at][1] = q; trios[at][2] = r;
                if (fill(at + 1)) return 1;
                taken[r] = 0; count[cls[q][r]]--;
            }
            count[cls[p][r]]--;
        }
        taken[q] = 0; count[cls[p][q]]--;
    }
    taken[p] = 0;
    return 0;
}

static int repair(int m, int forbidden, int size) {
    int ntrios = (2 * m + 2) / 3, chosen[MAXP / 3], nchosen = 0, saved[MAXP / 3][3];
    for (int t = 0; t < ntrios; t++) chosen[t] = conflicted(t, forbidden);
    for (int t = 0; t < ntrios; t++) nchosen += chosen[t];
    while (nchosen < size && nchosen < ntrios) {
        int t = below(ntrios);
        if (!chosen[t]) { chosen[t] = 1; nchosen++; }
    }
    /* move the chosen trios to the end, take their pairs out of the counts */
    int order[MAXP / 3], k = 0;
    for (int t = 0; t < ntrios; t++) if (!chosen[t]) order[k++] = t;
    int kept = k;
    for (int t = 0; t < ntrios; t++) if (chosen[t]) order[k++] = t;
    int copy[MAXP / 3][3];
    for (int t = 0; t < ntrios; t++) for (int a = 0; a < 3; a++) copy[t][a] = trios[order[t]][a];
    for (int t = 0; t < ntrios; t++) for (int a = 0; a < 3; a++) trios[t][a] = copy[t][a];
    nfreed = 0;
    for (int t = kept; t < ntrios; t++) {
        for (int a = 0; a < 3; a++) { saved[t][a] = trios[t][a]; freed[nfreed++] = trios[t][a]; taken[trios[t][a]] = 0; }
        for (int a = 0; a < 3; a++)
            for (int b = a + 1; b < 3; b++) { int c = cls[trios[t][a]][trios[t][b]]; count[c < 0 ? forbidden : c]--; }
    }
    nodes = 0;
    int ok = fill(kept);
    if (!ok)
        for (int t = kept; t < ntrios; t++) {
            for (int a = 0; a < 3; a++) trios[t][a] = saved[t][a];
            for (int a = 0; a < 3; a++)
                for (int b = a + 1; b < 3; b++) { int c = cls[trios[t][a]][trios[t][b]]; count[c < 0 ? forbidden : c]++; }
        }
    for (int t = 0; t < ntrios; t++)
        for (int a = 0; a < 3; a++) { trio_of[trios[t][a]] = t; slot_of[trios[t][a]] = a; }
    return ok;
}

static int repairs = 0, repair_size = 10; /* repair attempts after each run, trios freed */

static int solve(int m, long per, double t0, double t1) {
    int total = 2 * m + 2, forbidden = classes(m), order[MAXP];
    for (int run = 0;; run++) {
      int cost = 0;
      if (run % (reheats + 1) == 0) { /* a fresh random round */
        for (int i = 0; i < 2 * m; i++) order[i] = i;
        for (int i = 2 * m - 1; i > 0; i--) { int j = below(i + 1), t = order[i]; order[i] = order[j]; order[j] = t; }
        int seq[MAXP], k = 0;
        seq[k++] = 2 * m; seq[k++] = order[0]; seq[k++] = order[1];
        seq[k++] = 2 * m + 1;
        for (int i = 2; i < 2 * m; i++) seq[k++] = order[i];
        for (int i = 0; i <= forbidden; i++) count[i] = 0;
        count[forbidden] = 1;
        for (int i = 0; i < total; i++) { trios[i / 3][i % 3] = seq[i]; trio_of[seq[i]] = i / 3; slot_of[seq[i]] = i % 3; }
        for (int t = 0; t < total / 3; t++)
            for (int a = 0; a < 3; a++)
                for (int b = a + 1; b < 3; b++) { int c = cls[trios[t][a]][trios[t][b]]; count[c < 0 ? forbidden : c]++; }
      }
        for (int i = 0; i <= forbidden; i++) if (count[i] > 1) cost += count[i] - 1;
        double start = run % (reheats + 1) == 0 ? t0 : reheat, temp = start;
        for (long s = 0; s < per; s++) {
            if (cost == 0) return 1;
            if (s % 1024 == 0) temp = start * pow(t1 / start, (double)s / per);
            int p = below(total);
            for (int tries = 0; tries < focus && !conflicted(trio_of[p], forbidden); tries++)
                p = below(total); /* mostly move points of trios that over-use a class */
            int q = below(total), A = trio_of[p], B = trio_of[q];
            if (A == B) continue;
            int out[4], in[4], k2 = 0;
            for (int i = 0; i < 3; i++) {
                int x = trios[A][i], y = trios[B][i];
                if (x != p) { out[k2] = cls[p][x]; in[k2] = cls[q][x]; k2++; }
                if (y != q) { out[k2] = cls[q][y]; in[k2] = cls[p][y]; k2++; }
            }
            int d = 0;
            for (int i = 0; i < 4; i++) {
                if (out[i] < 0) out[i] = forbidden;
                if (in[i] < 0) in[i] = forbidden;
            }
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
        if (getenv("NKTS_VERBOSE")) fprintf(stderr, "restart: cost %d\n", cost);
        for (int r = 0; r < repairs; r++)
            if (repair(m, forbidden, repair_size)) return 1;
    }
}

int main(int argc, char **argv) {
    int first = argc > 1 ? atoi(argv[1]) : 18, last = argc > 2 ? atoi(argv[2]) : first;
    long per = argc > 3 ? atol(argv[3]) : 20000000;
    focus = argc > 4 ? atoi(argv[4]) : 0;
    reheats = argc > 5 ? atoi(argv[5]) : 0;
    reheat = argc > 6 ? atof(argv[6]) : 0.25;
    repairs = argc > 7 ? atoi(argv[7]) : 0;
    repair_size = argc > 8 ? atoi(argv[8]) : 10;
    for (int v = first; v <= last && v < MAXP; v += 6) {
        int m = (v - 2) / 2;
        clock_t start = clock();
        state = 0x9E3779B97F4A7C15ULL ^ (unsigned long long)v;
        solve(m, per, 0.6, 0.05);
        printf("    %d: \"", v);
        for (int t = 0; t < v / 3; t++)
            printf("%s%d %d %d", t ? " " : "", trios[t][0], trios[t][1], trios[t][2]);
        printf("\",  # %.1f s\n", (double)(clock() - start) / CLOCKS_PER_SEC);
        fflush(stdout);
    }
    return 0;
}
