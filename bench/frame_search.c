/* The frame of 145 people in fives in liftkit/core/groups/bicyclic.py: a 5-frame of type
   24^6 over G = Z_A x Z_B (A*B = 144), found by annealing.

   phi(x, y) = CX*x + CY*y mod 6 must map G onto Z_6; its kernel H (order 24) and H's five
   other cosets are the frame's holes. Six blocks T_j each take one element of each coset
   but H; their ordered differences (20 a block, 120 in all) must cover G minus H exactly
   once. Then T_j + g + H, for each g, is a class missing the hole H + g, and the affine plane
   of order 5 on H + g and one more point (infinity) completes the round: 6 x 6 = 36 rounds,
   every pair of 145 once. The first element of every block is fixed (adding an element of H
   gives the same class); a move changes one other element within its coset, and the cost
   (differences covered more than once) is annealed at temperature TEMP, each try ITERS moves
   long, tries repeated until one reaches 0. A run is the same on every machine.

     cc -O2 -o /tmp/frame bench/frame_search.c -lm
     /tmp/frame A B CX CY SEED ITERS TEMP
     /tmp/frame 12 12 1 1 3 20000000 0.5   # found on the 22nd try, about a minute: stored
     /tmp/frame 144 1 1 0 7 20000000 0.5   # over Z_144: 2 at best in 20 tries (10 minutes)

   An element of order 2 outside H is its own negative, so it would be covered twice or not
   at all: such a group and phi are refused. bench/bicyclic_search.c looked for 145 as a
   1-rotational design (H of order 4) over every abelian group of order 144 and found none.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned long long s = 88172645463325252ULL;
static unsigned long long rnd(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static int m1, m2, N, sub[144][144], coset[144], byc[6][24], nbc[6], x[6][6], cnt[144];

static void change(int j, int r, int p, int sign) {  /* add or take p's differences in T_j */
    for (int t = 1; t <= 5; t++)
        if (t != r) { cnt[sub[p][x[j][t]]] += sign; cnt[sub[x[j][t]][p]] += sign; }
}

static int excess(int j, int r, int p) {  /* how many of p's differences are covered already */
    int e = 0;
    for (int t = 1; t <= 5; t++)
        if (t != r) {
            int d = sub[p][x[j][t]], n = sub[x[j][t]][p];
            e += cnt[d] >= 1;
            cnt[d]++;
            e += cnt[n] >= 1;
            cnt[n]++;
        }
    change(j, r, p, -1);
    return e;
}

int main(int argc, char **argv) {
    if (argc < 8) { fprintf(stderr, "usage: A B CX CY SEED ITERS TEMP\n"); return 2; }
    m1 = atoi(argv[1]); m2 = atoi(argv[2]);
    int cx = atoi(argv[3]), cy = atoi(argv[4]);
    s ^= strtoull(argv[5], 0, 10) * 2654435761ULL;
    long long iters = atoll(argv[6]);
    double temp = atof(argv[7]);
    N = m1 * m2;
    if (N != 144) { fprintf(stderr, "A*B must be 144\n"); return 2; }
    for (int i = 0; i < 100; i++) rnd();
    for (int p = 0; p < N; p++) {
        int p1 = p / m2, p2 = p % m2;
        coset[p] = ((cx * p1 + cy * p2) % 6 + 6) % 6;
        byc[coset[p]][nbc[coset[p]]++] = p;
        for (int q = 0; q < N; q++)
            sub[p][q] = ((p1 - q / m2 + m1) % m1) * m2 + (p2 - q % m2 + m2) % m2;
    }
    for (int r = 0; r < 6; r++)
        if (nbc[r] != 24) { fprintf(stderr, "phi is not onto Z_6\n"); return 2; }
    for (int p = 1; p < N; p++)
        if (sub[0][p] == p && coset[p]) { fprintf(stderr, "an involution outside H\n"); return 2; }
    for (int attempt = 1;; attempt++) {
        memset(cnt, 0, sizeof cnt);
        for (int j = 0; j < 6; j++) {
            x[j][1] = byc[1][0];
            for (int r = 2; r <= 5; r++) x[j][r] = byc[r][rnd() % 24];
        }
        for (int j = 0; j < 6; j++)
            for (int r = 1; r <= 5; r++)
                for (int t = 1; t <= 5; t++)
                    if (r != t) cnt[sub[x[j][r]][x[j][t]]]++;
        int cost = 0, best;
        for (int d = 0; d < N; d++) if (cnt[d] > 1) cost += cnt[d] - 1;
        best = cost;
        for (long long it = 0; it < iters && cost; it++) {
            int j = rnd() % 6, r = 2 + rnd() % 4, old = x[j][r], p = byc[r][rnd() % 24];
            if (p == old) continue;
            change(j, r, old, -1);
            int delta = excess(j, r, p) - excess(j, r, old);
            if (delta <= 0 || (rnd() % 1000000) / 1e6 < exp(-delta / temp)) {
                x[j][r] = p; change(j, r, p, 1); cost += delta;
            } else {
                change(j, r, old, 1);
            }
            if (cost < best) best = cost;
        }
        if (cost == 0) {
            printf("found on try %d over Z_%d x Z_%d, phi = (%d, %d)\n", attempt, m1, m2, cx, cy);
            for (int j = 0; j < 6; j++) {
                printf("[\"");
                for (int r = 1; r <= 5; r++) printf("%d,%d%s", x[j][r] / m2, x[j][r] % m2, r < 5 ? " " : "");
                printf("\"],\n");
            }
            return 0;
        }
        fprintf(stderr, "try %d: %d at best\n", attempt, best);
    }
}
