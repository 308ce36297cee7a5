/* Schedules without a repeat for rooms of two adjacent sizes (N people in ROOMS rooms, sizes
   as liftkit's group_sizes gives them), for liftkit/core/groups/stored.py.

   Build and run (one process at a time):
     cc -O2 -o /tmp/adjacent_search bench/adjacent_search.c
     SYM=5 nice -n 10 timeout 600 /tmp/adjacent_search N ROOMS ROUNDS [SEED [SECONDS [STABLE]]]

   A tabu search over the whole schedule in the manner of Dotu and Van Hentenryck
   ("Scheduling social golfers locally", CPAIOR 2005): the cost is the sum over pairs of
   max(0, meetings - 1); a step swaps two people between rooms of one round, one of them
   sharing their room with someone they meet elsewhere too, choosing the best swap that is
   not tabu (the same swap again within 4 + rand(TENURE = 20) steps) or any swap that beats
   the best cost of the run. After STABLE (2000) steps without a new best, the best schedule
   is taken again and KICKS (3) random swaps made; every RESTART (200) times, a fresh random
   schedule instead.

   SYM=m searches only schedules that a permutation sigma of order m keeps: the first
   N - FIXED people (FIXED defaults to N mod m) in rows of m, each turned one place along its
   row, the others fixed. Only ROUNDS / m base rounds are searched, each standing for its m
   turns, and a "pair" above is then an orbit of pairs under sigma, used at most once by
   the base rounds (a pair that sigma keeps, such as two fixed people, never). The space is
   far smaller, and the tight cases fall to it.

   Output: each new least cost on stderr, and on reaching 0 the whole schedule on stdout,
   one round a line, rooms apart, written with letters as stored.py reads them (the first
   ceil(N/2) points A, B, ..., the rest a, b, ...; numbers past 52 people). The generator
   (xorshift.h) is seeded from SEED, so a seed's schedule is the same on any machine.

   Results (one core): 29 people in 8 rooms (five of 4, three of 3) for 10 rounds, the case
   of issue 11 (390 of the 406 pairs meet), with SYM=5 (two base rounds, 4 people fixed):
   seed 1 at step 1,582,011 (14 s; stored), seed 2 in 12 s, seed 3 none in 60 s (least
   cost 1); 28 and 27 people likewise with seed 1 in 0.5 and 0.1 s (stored). Without SYM
   the search stalls: least cost 9 in 180 s for 29 people (seed 1), and even 29 for 9
   rounds stayed at 1 for 30 s; 32 in fours, 8 rounds in 0.2 to 3 s, 9 rounds none in 20 s
   (least cost 6). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xorshift.h"

#define MAXN 64
#define MAXG 16
#define MAXR 16
#define MAXK 8

static int n, g, r, size[MAXG], m = 1, moved; /* moved: the points sigma moves, 0..moved-1 */
static int mem[MAXR][MAXG][MAXK], room[MAXR][MAXN], slot[MAXR][MAXN];
static int cls[MAXN][MAXN], cap[MAXN * MAXN], cnt[MAXN * MAXN], classes;
static long tabu[MAXR][MAXN][MAXN];
static int cost;

static int best_mem[MAXR][MAXG][MAXK];
static int best_cost;

static void meet(int a, int x, int by) {
    int c = cls[a][x];
    if (by > 0) cost += cnt[c]++ >= cap[c];
    else cost -= --cnt[c] >= cap[c];
}

static void rebuild(void) {
    memset(cnt, 0, sizeof cnt);
    cost = 0;
    for (int w = 0; w < r; w++)
        for (int h = 0; h < g; h++)
            for (int i = 0; i < size[h]; i++) {
                int a = mem[w][h][i];
                room[w][a] = h;
                slot[w][a] = i;
                for (int j = i + 1; j < size[h]; j++) meet(a, mem[w][h][j], +1);
            }
}

static void random_start(void) {
    int order[MAXN];
    for (int w = 0; w < r; w++) {
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = below(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int k = 0;
        for (int h = 0; h < g; h++)
            for (int i = 0; i < size[h]; i++) mem[w][h][i] = order[k++];
    }
    rebuild();
}

static int delta(int w, int a, int b) { /* a and b in different rooms of round w */
    int ga = room[w][a], gb = room[w][b], before = cost;
    for (int i = 0; i < size[ga]; i++) {
        int x = mem[w][ga][i];
        if (x != a) meet(a, x, -1), meet(b, x, +1);
    }
    for (int i = 0; i < size[gb]; i++) {
        int y = mem[w][gb][i];
        if (y != b) meet(b, y, -1), meet(a, y, +1);
    }
    int d = cost - before;
    for (int i = 0; i < size[ga]; i++) {
        int x = mem[w][ga][i];
        if (x != a) meet(b, x, -1), meet(a, x, +1);
    }
    for (int i = 0; i < size[gb]; i++) {
        int y = mem[w][gb][i];
        if (y != b) meet(a, y, -1), meet(b, y, +1);
    }
    cost = before;
    return d;
}

static void swap(int w, int a, int b) {
    int ga = room[w][a], gb = room[w][b], sa = slot[w][a], sb = slot[w][b];
    for (int i = 0; i < size[ga]; i++)
        if (i != sa) meet(a, mem[w][ga][i], -1), meet(b, mem[w][ga][i], +1);
    for (int i = 0; i < size[gb]; i++)
        if (i != sb) meet(b, mem[w][gb][i], -1), meet(a, mem[w][gb][i], +1);
    mem[w][ga][sa] = b;
    mem[w][gb][sb] = a;
    room[w][a] = gb;
    slot[w][a] = sb;
    room[w][b] = ga;
    slot[w][b] = sa;
}

static int conflicted(int w, int a) {
    int h = room[w][a];
    for (int i = 0; i < size[h]; i++) {
        int x = mem[w][h][i];
        if (x != a && cnt[cls[a][x]] > cap[cls[a][x]]) return 1;
    }
    return 0;
}

static int sigma(int p, int t) { /* sigma^t: point i*m + x goes to i*m + (x + t) % m */
    return p < moved ? p / m * m + (p % m + t) % m : p;
}

static void make_classes(void) { /* a class is an orbit of pairs under sigma */
    for (int a = 0; a < n; a++)
        for (int b = 0; b < n; b++) cls[a][b] = -1;
    classes = 0;
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++) {
            if (cls[a][b] >= 0) continue;
            int orbit = 0;
            for (int t = 0; t < m; t++) {
                int x = sigma(a, t), y = sigma(b, t);
                if (cls[x][y] < 0) orbit++;
                cls[x][y] = cls[y][x] = classes;
            }
            cap[classes++] = orbit == m; /* a pair sigma keeps would meet in every translate */
        }
}

static char label(int p) { /* as stored.py writes points: capitals, then small letters */
    int half = (n + 1) / 2;
    return p < half ? (char)('A' + p) : (char)('a' + p - half);
}

static void print_schedule(void) { /* one round a line, its rooms apart, sorted */
    for (int w = 0; w < r; w++)
        for (int t = 0; t < m; t++) {
            for (int h = 0; h < g; h++) {
                int room_of[MAXK];
                for (int i = 0; i < size[h]; i++) {
                    int p = sigma(mem[w][h][i], t), j = i;
                    for (; j > 0 && room_of[j - 1] > p; j--) room_of[j] = room_of[j - 1];
                    room_of[j] = p;
                }
                for (int i = 0; i < size[h]; i++)
                    if (n <= 52) printf(i ? "%c" : h ? " %c" : "%c", label(room_of[i]));
                    else printf(i ? " %d" : h ? " | %d" : "%d", room_of[i]);
            }
            printf("\n");
        }
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s N ROOMS ROUNDS [SEED [SECONDS [STABLE]]]\n", argv[0]);
        return 2;
    }
    n = atoi(argv[1]);
    g = atoi(argv[2]);
    r = atoi(argv[3]);
    unsigned long long seed = argc > 4 ? strtoull(argv[4], 0, 10) : 1;
    double seconds = argc > 5 ? atof(argv[5]) : 60;
    long stable = argc > 6 ? atol(argv[6]) : 2000;
    int tenure = getenv("TENURE") ? atoi(getenv("TENURE")) : 20;
    int kicks = getenv("KICKS") ? atoi(getenv("KICKS")) : 3;
    long restart = getenv("RESTART") ? atol(getenv("RESTART")) : 200;
    if (getenv("SYM")) m = atoi(getenv("SYM"));
    int fixed = getenv("FIXED") ? atoi(getenv("FIXED")) : n % m;
    moved = n - fixed;
    if (n > MAXN || g > MAXG || r > MAXR || (n + g - 1) / g > MAXK || n < 2 * g || m < 1 ||
        moved % m || r % m)
        return 2;
    r /= m; /* the base rounds searched; each stands for its m translates */
    make_classes();
    for (int h = 0; h < g; h++) size[h] = n / g + (h < n % g);
    state = seed * 0x9E3779B97F4A7C15ULL + 1;
    clock_t start = clock();
    long it = 0, since = 0, perturbs = 0;
    int overall = 1 << 30;
    random_start();
    best_cost = cost;
    memcpy(best_mem, mem, sizeof mem);
    while (cost > 0) {
        if ((it & 1023) == 0 && (double)(clock() - start) / CLOCKS_PER_SEC > seconds) break;
        it++;
        int bw = -1, ba = -1, bb = -1, bd = 1 << 30, ties = 0;
        for (int w = 0; w < r; w++)
            for (int a = 0; a < n; a++) {
                if (!conflicted(w, a)) continue;
                for (int b = 0; b < n; b++) {
                    if (room[w][b] == room[w][a]) continue;
                    int d = delta(w, a, b);
                    if (tabu[w][a][b] > it && cost + d >= best_cost) continue;
                    if (d < bd) bd = d, bw = w, ba = a, bb = b, ties = 1;
                    else if (d == bd && below(++ties) == 0) bw = w, ba = a, bb = b;
                }
            }
        if (bw < 0) continue;
        swap(bw, ba, bb);
        tabu[bw][ba][bb] = tabu[bw][bb][ba] = it + 4 + below(tenure);
        if (cost < best_cost) {
            best_cost = cost;
            memcpy(best_mem, mem, sizeof mem);
            since = 0;
            if (cost < overall) {
                overall = cost;
                fprintf(stderr, "cost %d at step %ld (%.1f s)\n", cost, it,
                        (double)(clock() - start) / CLOCKS_PER_SEC);
            }
        } else if (++since > stable) {
            since = 0;
            if (++perturbs % restart == 0) {
                random_start();
                best_cost = cost;
                memcpy(best_mem, mem, sizeof mem);
                continue;
            }
            memcpy(mem, best_mem, sizeof mem);
            rebuild();
            for (int k = 0; k < kicks; k++) {
                int w = below(r), a = below(n), b = below(n);
                if (room[w][a] != room[w][b]) swap(w, a, b);
            }
        }
    }
    fprintf(stderr, "%s: cost %d (best %d), %ld steps, %.1f s, seed %llu\n",
            cost ? "stopped" : "found", cost, overall, it,
            (double)(clock() - start) / CLOCKS_PER_SEC, seed);
    if (cost == 0) print_schedule();
    return cost ? 1 : 0;
}
