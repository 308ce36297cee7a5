/* Schedules without a repeat for rooms of two adjacent sizes (N people in ROOMS rooms, sizes
   as liftkit's group_sizes gives them), for liftkit/core/groups/stored.py.

   Build and run (one process at a time):
     cc -O2 -o /tmp/adjacent_search bench/adjacent_search.c
     SYM=5 nice -n 10 timeout 600 /tmp/adjacent_search N ROOMS ROUNDS [SEED [SECONDS [STABLE]]]
   (up to 160 people, 32 rooms of at most 8, 36 rounds)

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

   LEADS=k keeps the first k people (k at most ROOMS, without SYM) from ever sharing a room:
   each room then has one of them in every round, for a facilitator in each room (a pair of
   them meeting costs as a repeat does). Seed 1 (schedules.txt): in 6 rooms, 19 and 20
   people for 6 rounds in 0.1 s, 21 to 23 in 19 to 23 s, 24 in 7 s; 24 to 30 for 5 rounds
   in 0.0 to 0.1 s; 32 for 4 in 2.5 s. In 10 rooms, 57 to 59 for 6 rounds at once, 63 in
   2 s, 66 for 5 at once. Seed 2: 33 in 6 rooms for 4 rounds in 23 s, 65 in 10 rooms for 6
   in 60 s; seed 3: 66 for 6 in 38 s; seed 6: 67 for 6 in 43 s (seeds 1 to 5 and 7 stopped
   at 1 or 2). Not found (least cost): 25 to 31 in 6 rooms for 6 rounds (3 to 10 in 25 s,
   seed 1; 3 or 4 in 90 s, seed 2, for 25 to 27: every facilitator would meet every other
   person exactly once), 34 for 4 (1, seeds 1 to 9 for up to 150 s).

   START=FILE begins from the rounds in FILE (the base rounds under SYM) instead of random
   ones, and every restart begins from them again: one round a line, rooms apart by "|",
   people numbered from 0 apart by spaces, in any order (the output past 52 people is in
   this form). It is for repairing a schedule with few repeats, such as liftkit's own.

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
   (least cost 6).

   Small lists (2026-12-04): of the 41 lists in rooms of 3 to 8 that bench/adjacent_sweep.py
   found liftkit leaving repeats not proven forced, seeds 1 to 3 at 15 s each (no SYM), most
   rounds first, gave 19 and 20 people in 6 rooms for 7 rounds, 27 in 6 rooms for 6 and 34
   in 6 rooms for 4 with seed 1, and 29 in 6 rooms for 6 with seed 2 (schedules.txt). The
   least costs of the others: 13-4-5 3, 14-4-5 2, 17-5-6 1, 18-5-6 2, 19-5-6 3, 19-6-8 4,
   20 to 23 in 5 rooms for 6 5 or 6, 25-6-7 5, 26 to 35 in 6 rooms for 7 10 to 46, 29 to 35
   in 7 rooms for 8 10 to 34, 32-6-5 3, 33-6-5 6, 34-6-5 8, 35-6-5 10, 32 to 35 in 6 rooms for
   6 9 to 17, and 35-6-4 1 (also 1 with seed 4 in 60 s, and 3 with SYM=4 or 5 with SYM=2 in 40
   s): liftkit's own results are at or below these in most of them.

   Cases of issue 11 that the literature solves (Miller et al., Symmetry 13(1):13, 2021 and
   its follow-up) and this search does not, seed 1 on one core. By counting: 82 people in
   17 rooms (fourteen of 5) for 21 rounds meet in 3318 of the 3321 pairs, each in a room of
   4 three times or more; 81 (thirteen of 5) in 3234 of 3240; 98 in 25 rooms (23 of 4) for
   33 rounds in 4752 of 4753, the pair that never meets being the two people in a room of 3
   three times. So a permutation of order 7 fits only 81 (4 fixed, their 6 pairs the ones
   that never meet, 3 base rounds, every other orbit of pairs used exactly once); 82 and 98
   allow only order 3 (1 or 2 fixed). Least costs: 81 with SYM=7, 28 in 120 s; 82 with
   SYM=3, 75 in 60 s; START from liftkit's schedules (82: 5 repeats, 98: 2) found nothing
   better in 60 and 120 s (2 and 4 million steps). 145 people in 29 rooms of 5 for 30
   rounds: SYM=29 (29 rounds from one base round, rows Z_29; a round of columns would be
   the 30th) stalls at 2 for seeds 1 to 4 (45 to 60 s each), although the base round
   {(i, c_i a)} of distinct nonzero c_i has cost 0 for those 29 rounds: the search is weak
   there; SYM=6, 26 in 60 s; 5, 29 in 40 s; 15 (10 fixed), 5 in 40 s; 30, 8 in 30 s; 10,
   13 in 30 s. A SAT model of the same symmetric schedules (CaDiCaL through python-sat, not
   kept) did worse: 29 people with SYM=5 unanswered in 5 min, 81 with SYM=7 and the counts
   above as constraints unanswered in 10 min; and keeping all rounds but 4 of the 85- and
   100-point designs less their ghosts (one round broken) and solving those 4 anew was
   unsatisfiable each time tried (4 and 1 random choices, 20 to 150 s each). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xorshift.h"

#define MAXN 160
#define MAXG 32
#define MAXR 36
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

static const char *start_file; /* START=FILE: begin (and begin again) from these rounds */

static void read_start(void) { /* r lines of rooms apart by '|', people by spaces */
    FILE *f = fopen(start_file, "r");
    char line[8192];
    for (int w = 0; w < r; w++) {
        int count[MAXG] = {0}, rooms = 0, seen[MAXN] = {0};
        if (!f || !fgets(line, sizeof line, f)) goto bad;
        int room_of[MAXG][MAXK], k = 0;
        for (char *c = line; *c; c++) {
            if (*c == '|') rooms++, k = 0;
            else if (*c >= '0' && *c <= '9') {
                int p = (int)strtol(c, &c, 10);
                c--;
                if (p >= n || seen[p]++ || rooms >= g || k >= MAXK) goto bad;
                room_of[rooms][k++] = p;
                count[rooms] = k;
            }
        }
        if (rooms + 1 != g) goto bad;
        int used[MAXG] = {0};
        for (int h = 0; h < g; h++) { /* room h takes a room of its size as read */
            int j = 0;
            while (j < g && (used[j] || count[j] != size[h])) j++;
            if (j == g) goto bad;
            used[j] = 1;
            memcpy(mem[w][h], room_of[j], sizeof room_of[j]);
        }
    }
    fclose(f);
    rebuild();
    return;
bad:
    fprintf(stderr, "%s: not %d rounds of %d rooms as the sizes here\n", start_file, r, g);
    exit(2);
}

static void random_start(void) {
    if (start_file) {
        read_start();
        return;
    }
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
    start_file = getenv("START");
    int fixed = getenv("FIXED") ? atoi(getenv("FIXED")) : n % m;
    moved = n - fixed;
    if (n > MAXN || g > MAXG || r > MAXR || (n + g - 1) / g > MAXK || n < 2 * g || m < 1 ||
        moved % m || r % m)
        return 2;
    r /= m; /* the base rounds searched; each stands for its m translates */
    make_classes();
    int leads = getenv("LEADS") ? atoi(getenv("LEADS")) : 0;
    if (leads > g || (leads && m > 1)) return 2;
    for (int a = 0; a < leads; a++) /* the first LEADS people never share a room */
        for (int b = a + 1; b < leads; b++) cap[cls[a][b]] = 0;
    for (int h = 0; h < g; h++) size[h] = n / g + (h < n % g);
    state = seed * 0x9E3779B97F4A7C15ULL + 1;
    clock_t start = clock();
    long it = 0, since = 0, perturbs = 0;
    random_start();
    int overall = best_cost = cost;
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
