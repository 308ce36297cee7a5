/* Base rounds of resolvable group divisible designs 4-RGDD of type 3^u (u = 0 mod 4, u >= 8),
   for liftkit/core/groups/starters.txt: v = 3u people in fours for u - 1 rounds, every pair
   at most once, each person missing exactly the two others of their "group" of three. That
   is as many rounds as counting allows ((v - 1) / 3 rounded down).

   Build and run (one process at a time):
     cc -O2 -o /tmp/rgdd4 bench/rgdd4_search.c -lm
     nice -n 10 /tmp/rgdd4 FIRST LAST [PER]    # v = FIRST, FIRST + 12, ... LAST
     MU=6 SEED=1 /tmp/rgdd4 132 132 20000000    # kept by a turn that multiplies (below)
     REPAIR=0 /tmp/rgdd4 96 96                  # no repair (below); REPAIR=4 by default

   The model is cyclic.py's on m = u - 1 (odd): three rows of Z_m (point r*m + x is place x
   of row r) and three fixed points 3m, 3m + 1, 3m + 2. One base round of v/4 groups of four
   is translated m times (x -> x + t, the fixed points stay). The groups of three that never
   meet are the columns {(0, x), (1, x), (2, x)} and the three fixed points.

   The base round is also kept by turning the rows, sigma: (r, x) -> (r + 1, x), the fixed
   point a -> a + 1, which makes the search small: u/4 base groups, one holding the fixed
   point 3m and one point of each row, the others four points each, every column in exactly
   one of them; sigma turns each into three groups of the base round. A pair's class under
   translation and sigma is: (+-d) for two points of one row, (gap) for (r, x) and
   (r + 1, x + gap), gap != 0, and the row a fixed point meets. Counting: u/4 base groups
   hold 6u/4 pairs and there are (m - 1)/2 + (m - 1) + 3 = 6u/4 classes, so every class is
   used exactly once; then translation and sigma use every class of cyclic.py's once.

   With MU set (an element of order 3 mod m, m prime), the turn also multiplies: tau: (r, x)
   -> (r + 1, mu x), the fixed point a -> a + 1, and the base round is kept by tau instead
   of sigma. A place then holds one of the m orbits of tau on the rows' points (the places
   x, mu x, mu^2 x of the three rows three ways, and place 0's column) and how often it is
   turned; a pair's class is taken back to rows 0 and 1 by tau's inverse, so the counting
   above is unchanged, and so is the output: the base round written out whole. It is a
   different search space, not a smaller one: a multiplier kept besides sigma would have to
   fix the fixed point's group, whose three row points would then all be place 0, one
   column, and a multiplier -1 that swaps rows 1 and 2 keeps every class, so a group it
   keeps would use a class twice.

   The search is simulated annealing over the columns' places and the rows at them: a step
   swaps two places' columns or turns one place's row (the fixed point's group keeps rows
   0, 1, 2); the cost is the classes used more than once plus the forbidden gaps 0. It is
   restarted from a fresh random start after PER (2,000,000) steps, cooling from 0.6 to
   0.05, and seeded with v (and SEED from the environment, if set), so a run prints the
   same base rounds on any machine. Output, one
   line each: "v rooms: m 3 3 1: " and the base round, "|" between groups, as starters.txt
   reads them; `python bench/starters_search.py add FILE` checks them and merges them in.

   Results (one core, a shared machine): v = 24 to 84 in 0.0 to 36 s (`rgdd4 24 84`; 24's
   line was not taken, starters.txt had one already); 108 in 683 s with `SEED=2 rgdd4 108
   108 20000000`, after none in 10 minutes with the default seed (PER 10,000,000); 120 in
   150 s with `SEED=4 rgdd4 120 120 20000000`, after none in 19 minutes with SEED=1 (PER
   30,000,000), 12 with SEED=3 and 28 with SEED=2. Not found, every restart stalling at 1
   to 3 classes used twice: 96 in 6 minutes, 132 with SEED=2 (28 minutes) and SEED=4 to 9
   (110 to 620 restarts each, 2,600 in all), nor 96 and 108 by a depth-first search of the
   same model (2 and 4 minutes); 96 and 144 come from filled columns (filled.py) instead.
   Without the
   turning of the rows (one base round of v/4 groups annealed whole) 36 was not found in
   two minutes. With MU, no better: 96 with MU=5, none in 5 minutes (40 restarts of
   20,000,000 steps, six stalling one class short); 132 with MU=6 and SEED=1, none in 10
   minutes (66 restarts, 2 to 4 classes short). 24 with MU=2 and 60 with MU=7 come out at
   once and check. A pair's class is looked up in tables made once per v (same, cross),
   which took 72 from 75 s to 21 s on the same trajectory (the same base rounds are
   printed).

   The repair (since 2026-12-03): a restart that ends one to three classes short empties
   every set of two to REPAIR base groups that holds all its clashes and fills it again by a
   depth-first search, exhaustive up to 2,000,000 nodes a set (about 0.1 s for all the sets
   of four at 132). It found 96 in this model for the first time: `rgdd4 96 96 2000000`,
   693 s, the 394th restart mended (checked by starters_search.py add; 96 is filled
   columns' in liftkit all the same). Measured side by side, default seeds: 24 to 72 took
   1.7 s (23 s without the repair), 84 7 s (33 s). Not found: 108 in 13 minutes (default
   seed), nor 132: about 550 restarts with SEED=11 (PER 20,000,000, a cap of 20,000,000
   nodes a set), 23 with sets of five (34 s a repair, SEED=13), 1,977 with SEED=21 (PER
   5,000,000) and 572 with SEED=31 (PER 10,000,000), nearly all one to three classes short,
   none mended. CP-SAT (OR-Tools, offline, not a dependency) on the same model decided 72 in
   26 s and 84 in 375 s, and stopped three classes short of 132 after 20 minutes.

   The same model for fives (four rows and four fixed points, a 5-RGDD of type 4^u) has no
   base round for u = 10 and 20: an exhaustive depth-first search ends without one. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "xorshift.h"

#define MAXU 200
static int m, nb, forbidden;
static int col[MAXU], row[MAXU]; /* place 4*g + s: place 0 is the fixed point's, unused */
static int count[MAXU * 2];

static int mu = 1, mupow[3], muinv[3]; /* MU: the turn also multiplies places by mu */
static int orow[MAXU], ocol[MAXU]; /* each orbit's first point (row, place) */

static int point_row(int p) { /* the row of place p's point; places 1-3 hold rows 0, 1, 2 */
    return p < 4 ? p - 1 : (orow[col[p]] + row[p]) % 3;
}

static int point_col(int p) {
    int k = ((point_row(p) - orow[col[p]]) % 3 + 3) % 3; /* how often the orbit is turned */
    return (int)((long)ocol[col[p]] * mupow[k] % m);
}

static int pr[MAXU], pc[MAXU], same[3][MAXU], cross[3][MAXU]; /* points; classes by difference */

static void place(int p) { pr[p] = point_row(p); pc[p] = point_col(p); }

static int cls_pts(int r, int x, int s, int y) { /* the class of points (r, x) and (s, y) */
    int d = y - x;
    d += d < 0 ? m : 0;
    if (r == s) return same[r][d];
    return s == (r + 1) % 3 ? cross[r][d] : cross[s][d ? m - d : 0];
}

static int cls(int p, int q) { /* the class of two cyclic places' points, or forbidden */
    return cls_pts(pr[p], pc[p], pr[q], pc[q]);
}

static void classes(void) { /* a difference's class, the points turned back to rows 0 and 1 */
    for (int r = 0; r < 3; r++)
        for (int d = 0; d < m; d++) {
            int e = (int)((long)d * muinv[r] % m);
            same[r][d] = (e < m - e ? e : m - e) - 1;
            cross[r][d] = e == 0 ? forbidden : (m - 1) / 2 + e - 1;
        }
}

static void orbits(void) { /* the m orbits of (row, place) under the turn, one first point each */
    int n = 0;
    mupow[0] = muinv[0] = 1;
    mupow[1] = mu; mupow[2] = (int)((long)mu * mu % m);
    muinv[1] = mupow[2]; muinv[2] = mu;
    if (mu == 1) { for (int x = 0; x < m; x++) { orow[n] = 0; ocol[n++] = x; } return; }
    orow[n] = 0; ocol[n++] = 0;
    for (int x = 1; x < m; x++) {
        if (x > mupow[1] * (long)x % m || x > mupow[2] * (long)x % m) continue; /* not the least */
        for (int r = 0; r < 3; r++) { orow[n] = r; ocol[n++] = x; }
    }
}

static int group_cost(int g, int delta) { /* adds delta to its classes; returns conflicts */
    int c = 0;
    for (int a = 4 * g + (g == 0); a < 4 * g + 4; a++)
        for (int b = a + 1; b < 4 * g + 4; b++) {
            int k = cls(a, b);
            if (delta < 0) { count[k]--; c += count[k] >= 1; }
            else { c += count[k] >= 1; count[k]++; }
        }
    return c;
}

/* The repair (REPAIR=k, MU unset): when a restart ends with a few classes used twice, every
   set of 2 to k base groups whose removal leaves no class used twice is emptied and filled
   again by a depth-first search over its columns and rows, each new pair's class one the
   other groups leave unused (at most REPAIR_NODES nodes a set). The annealing's last steps
   move one point at a time; this moves up to 4k at once. */
#define REPAIR_NODES 2000000

static int used[MAXU * 2], fcol[MAXU], ftaken[MAXU], nf, sg[MAXU / 4], nsg; /* free columns */
static int gr[MAXU / 4][4], gx[MAXU / 4][4]; /* the refilled groups' points: row and place */
static long nodes;

static int add_point(int j, int n, int r, int x) { /* point n of group j; 0 if a class clashes */
    int k;
    for (k = 0; k < n; k++) {
        int c = cls_pts(gr[j][k], gx[j][k], r, x);
        if (used[c]) break;
        used[c] = 1;
    }
    if (k < n) {
        for (int i = 0; i < k; i++) used[cls_pts(gr[j][i], gx[j][i], r, x)] = 0;
        return 0;
    }
    gr[j][n] = r; gx[j][n] = x; return 1;
}
static void drop_point(int j, int n) {
    for (int i = 0; i < n; i++) used[cls_pts(gr[j][i], gx[j][i], gr[j][n], gx[j][n])] = 0;
}

static int fill(int j, int n, int from) { /* group j (of sg), its point n, columns from `from` on */
    if (++nodes > REPAIR_NODES) return 0;
    if (j == nsg) return 1;
    int g = sg[j];
    if (g == 0) { /* rows 0, 1, 2 in places 1, 2, 3 */
        if (n == 3) return fill(j + 1, 0, 0);
        for (int i = 0; i < nf; i++) {
            if (ftaken[i]) continue;
            if (!add_point(j, n, n, fcol[i])) continue;
            ftaken[i] = 1;
            if (fill(j, n + 1, 0)) return 1;
            ftaken[i] = 0; drop_point(j, n);
        }
        return 0;
    }
    if (n == 4) return fill(j + 1, 0, 0);
    if (n == 0) { /* the least free column opens the group */
        int i = 0; while (i < nf && ftaken[i]) i++;
        if (i == nf) return 0;
        ftaken[i] = 1;
        for (int r = 0; r < 3; r++) {
            gr[j][0] = r; gx[j][0] = fcol[i];
            if (fill(j, 1, i + 1)) return 1;
        }
        ftaken[i] = 0;
        return 0;
    }
    for (int i = from; i < nf; i++) {
        if (ftaken[i]) continue;
        for (int r = 0; r < 3; r++) {
            if (!add_point(j, n, r, fcol[i])) continue;
            ftaken[i] = 1;
            if (fill(j, n + 1, i + 1)) return 1;
            ftaken[i] = 0; drop_point(j, n);
        }
    }
    return 0;
}

static int try_set(void) { /* groups sg[0..nsg) freed: the others must be clash-free */
    for (int i = 0; i <= forbidden; i++) used[i] = 0;
    int in[MAXU] = {0};
    for (int j = 0; j < nsg; j++) in[sg[j]] = 1;
    for (int g = 0; g < nb; g++) {
        if (in[g]) continue;
        for (int a = 4 * g + (g == 0); a < 4 * g + 4; a++)
            for (int b = a + 1; b < 4 * g + 4; b++) {
                int c = cls(a, b);
                if (used[c]) return 0;
                used[c] = 1;
            }
    }
    nf = 0;
    for (int j = 0; j < nsg; j++)
        for (int p = 4 * sg[j] + (sg[j] == 0); p < 4 * sg[j] + 4; p++) fcol[nf++] = col[p];
    for (int i = 0; i < nf; i++) ftaken[i] = 0;
    /* sort the free columns so the least opens each group */
    for (int i = 1; i < nf; i++)
        for (int k = i; k > 0 && fcol[k] < fcol[k - 1]; k--) {
            int t = fcol[k]; fcol[k] = fcol[k - 1]; fcol[k - 1] = t;
        }
    /* group 0 first if freed */
    for (int j = 0; j < nsg; j++) if (sg[j] == 0 && j) { sg[j] = sg[0]; sg[0] = 0; }
    nodes = 0;
    if (!fill(0, 0, 0)) return 0;
    for (int j = 0; j < nsg; j++) {
        int g = sg[j];
        for (int n = 0; n < (g == 0 ? 3 : 4); n++) { /* group 0's places 1-3 hold rows 0-2 */
            int p = g == 0 ? 1 + n : 4 * g + n;
            col[p] = gx[j][n]; row[p] = g == 0 ? n : gr[j][n]; place(p);
        }
    }
    return 1;
}

static int repair(int k) { /* every set of k groups, sets holding a clash only */
    int idx[MAXU / 4];
    for (int i = 0; i < k; i++) idx[i] = i;
    long sets = 0;
    for (;;) {
        nsg = k; for (int i = 0; i < k; i++) sg[i] = idx[i];
        sets++;
        if (try_set()) {
            fprintf(stderr, "  repaired, %d groups refilled (set %ld)\n", k, sets);
            return 1;
        }
        int i = k - 1;
        while (i >= 0 && idx[i] == nb - k + i) i--;
        if (i < 0) break;
        idx[i]++;
        for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
    }
    return 0;
}

static void solve(long per, int most) {
    int places = 4 * nb;
    for (;;) {
        int cols[MAXU];
        for (int i = 0; i < m; i++) cols[i] = i;
        for (int i = m - 1; i > 0; i--) { int j = below(i + 1), t = cols[i]; cols[i] = cols[j]; cols[j] = t; }
        for (int p = 1, i = 0; p < places; p++, i++) { col[p] = cols[i]; row[p] = p < 4 ? p - 1 : below(3); place(p); }
        for (int i = 0; i <= forbidden; i++) count[i] = 0;
        count[forbidden] = 1; /* forbidden pairs always cost */
        for (int g = 0; g < nb; g++) group_cost(g, 1);
        int cost = 0;
        for (int i = 0; i <= forbidden; i++) if (count[i] > 1) cost += count[i] - 1;
        double t0 = 0.6, t1 = 0.05, temp = t0;
        for (long s = 0; s < per; s++) {
            if (cost == 0) return;
            if (s % 1024 == 0) temp = t0 * pow(t1 / t0, (double)s / per);
            int p = 1 + below(places - 1), q = 1 + below(places - 1), gp = p / 4, gq = q / 4;
            int turn = below(3) == 0; /* turn p's row, or swap p and q */
            if (turn ? p < 4 : gp == gq) continue;
            int d = -group_cost(gp, -1) - (turn ? 0 : group_cost(gq, -1));
            int cp = col[p], rp = row[p], cq = col[q], rq = row[q];
            if (turn) row[p] = (rp + 1 + below(2)) % 3;
            else { col[p] = cq; col[q] = cp; place(q); }
            place(p);
            d += group_cost(gp, 1) + (turn ? 0 : group_cost(gq, 1));
            if (d <= 0 || uniform() < exp(-d / temp)) { cost += d; continue; }
            group_cost(gp, -1); if (!turn) group_cost(gq, -1);
            col[p] = cp; row[p] = rp; col[q] = cq; row[q] = rq; place(p); place(q);
            group_cost(gp, 1); if (!turn) group_cost(gq, 1);
        }
        fprintf(stderr, "v=%d restart, cost %d\n", 3 * m + 3, cost);
        if (mu == 1 && cost <= 3)
            for (int k = 2; k <= most && k <= nb; k++) if (repair(k)) return;
    }
}

int main(int argc, char **argv) {
    int first = argc > 1 ? atoi(argv[1]) : 24, last = argc > 2 ? atoi(argv[2]) : first;
    long per = argc > 3 ? atol(argv[3]) : 2000000;
    for (int v = first; v <= last && v / 3 <= MAXU / 4 * 4; v += 12) {
        int u = v / 3;
        m = u - 1; nb = u / 4; forbidden = (m - 1) / 2 + m - 1;
        mu = getenv("MU") ? atoi(getenv("MU")) : 1;
        if (mu != 1 && (long)mu * mu % m * mu % m != 1) { fprintf(stderr, "MU^3 != 1 mod %d\n", m); return 2; }
        orbits();
        classes();
        clock_t start = clock();
        state = 0x9E3779B97F4A7C15ULL ^ (unsigned long long)v;
        if (getenv("SEED")) state ^= (unsigned long long)atoll(getenv("SEED")) << 32;
        solve(per, getenv("REPAIR") ? atoi(getenv("REPAIR")) : 4);
        printf("%d %d: %d 3 3 1: ", v, v / 4, m);
        for (int g = 0; g < nb; g++)
            for (int t = 0; t < 3; t++) { /* the turn t times of base group g */
                printf("%s", g || t ? "|" : "");
                for (int p = 4 * g; p < 4 * g + 4; p++) {
                    int point = p == 0 ? 3 * m + t
                        : ((point_row(p) + t) % 3) * m + (int)((long)point_col(p) * mupow[t] % m);
                    printf("%s%d", p > 4 * g ? " " : "", point);
                }
            }
        printf("  # %d rounds, found in %.1f s\n", m, (double)(clock() - start) / CLOCKS_PER_SEC);
        fflush(stdout);
    }
    return 0;
}
