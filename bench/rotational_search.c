/* The min-conflicts tabu search of bench/rotational_search.py, in C (same moves, ~50x faster).
 * Reads the problem from stdin as written by rotational_search.py, prints the boards found.
 *   nvalues nclasses nboards nblocks k stall seed seconds
 *   pair_class[nvalues][nvalues]
 *   for each value: count, then the values it may turn into (its lifts)
 *   boards: nboards * nblocks * k values
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int nv, nc, nb, nk, K, *pc, *nchoice, **choice, *board, *cnt, *tabu;
static unsigned long long rs;
static unsigned rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return (unsigned)(rs >> 11); }
#define PC(a, b) pc[(a) * nv + (b)]
#define AT(b, i, j) board[((b) * nk + (i)) * K + (j)]

static int delta(int *out, int no, int *in, int ni) {
  int ch = 0, t;
  for (t = 0; t < no; t++) { cnt[out[t]]--; ch -= cnt[out[t]] >= 1; }
  for (t = 0; t < ni; t++) { ch += cnt[in[t]] >= 1; cnt[in[t]]++; }
  for (t = 0; t < ni; t++) cnt[in[t]]--;
  for (t = 0; t < no; t++) cnt[out[t]]++;
  return ch;
}

static int cost_all(void) {
  int b, i, j, l, c = 0;
  memset(cnt, 0, sizeof(int) * nc);
  for (b = 0; b < nb; b++) for (i = 0; i < nk; i++) for (j = 0; j < K; j++)
    for (l = j + 1; l < K; l++) cnt[PC(AT(b, i, j), AT(b, i, l))]++;
  for (i = 0; i < nc; i++) if (cnt[i] > 1) c += cnt[i] - 1;
  return c;
}

int main(void) {
  int stall, seed, i, j, b, l;
  double seconds;
  if (scanf("%d %d %d %d %d %d %d %lf", &nv, &nc, &nb, &nk, &K, &stall, &seed, &seconds) != 8) return 2;
  pc = malloc(sizeof(int) * nv * nv);
  for (i = 0; i < nv * nv; i++) if (scanf("%d", &pc[i]) != 1) return 2;
  nchoice = malloc(sizeof(int) * nv); choice = malloc(sizeof(int *) * nv);
  for (i = 0; i < nv; i++) {
    if (scanf("%d", &nchoice[i]) != 1) return 2;
    choice[i] = malloc(sizeof(int) * (nchoice[i] + 1));
    for (j = 0; j < nchoice[i]; j++) if (scanf("%d", &choice[i][j]) != 1) return 2;
  }
  board = malloc(sizeof(int) * nb * nk * K);
  for (i = 0; i < nb * nk * K; i++) if (scanf("%d", &board[i]) != 1) return 2;
  cnt = calloc(nc, sizeof(int)); tabu = calloc((size_t)nb * nv, sizeof(int));
  int *places = malloc(sizeof(int) * nb * nk * K * 3), *out = malloc(sizeof(int) * 4 * K), *in = malloc(sizeof(int) * 4 * K);
  int *flat = malloc(sizeof(int) * nk * K);
  rs = 0x9E3779B97F4A7C15ULL ^ (unsigned long long)seed * 0x100000001B3ULL;
  for (i = 0; i < 10; i++) rnd();
  int tenure = getenv("TENURE") ? atoi(getenv("TENURE")) : 2;
  long restarts = 0;
  clock_t start = clock();
  for (;;) {
    if ((double)(clock() - start) / CLOCKS_PER_SEC > seconds) { printf("none\n"); return 1; }
    for (b = 0; b < nb; b++) {  /* a random partition and random lifts */
      int n = nk * K;
      for (i = 0; i < n; i++) { int x = board[b * n + i]; flat[i] = nchoice[x] ? choice[x][rnd() % nchoice[x]] : x; }
      for (i = n - 1; i > 0; i--) { j = rnd() % (i + 1); int t = flat[i]; flat[i] = flat[j]; flat[j] = t; }
      memcpy(&board[b * n], flat, sizeof(int) * n);
    }
    memset(tabu, 0, sizeof(int) * nb * nv);
    restarts++;
    int cost = cost_all(), best = cost, since = 0, step = 0;
    while (cost > 0 && since < stall) {
      int np = 0;
      step++;
      for (b = 0; b < nb; b++) for (i = 0; i < nk; i++) for (j = 0; j < K; j++) {
        int x = AT(b, i, j);
        for (l = 0; l < K; l++) if (l != j && cnt[PC(x, AT(b, i, l))] > 1) { places[np++] = b; places[np++] = i; places[np++] = j; break; }
      }
      int p = rnd() % (np / 3);
      b = places[3 * p]; i = places[3 * p + 1]; j = places[3 * p + 2];
      int x = AT(b, i, j), bd = 1 << 30, bi2 = -2, bj2 = 0, bz = 0, ties = 0, no, ni, t;
      for (t = 0; t < nchoice[x]; t++) {
        int z = choice[x][t];
        if (z == x) continue;
        no = ni = 0;
        for (l = 0; l < K; l++) if (l != j) { out[no++] = PC(x, AT(b, i, l)); in[ni++] = PC(z, AT(b, i, l)); }
        int d = delta(out, no, in, ni);
        if (tabu[b * nv + z] > step && cost + d >= best) continue;
        if (d < bd || (d == bd && rnd() % (++ties) == 0)) { if (d < bd) ties = 1; bd = d; bi2 = -1; bz = z; }
      }
      int i2, j2;
      for (i2 = 0; i2 < nk; i2++) {
        if (i2 == i) continue;
        for (j2 = 0; j2 < K; j2++) {
          int z = AT(b, i2, j2);
          no = ni = 0;
          for (l = 0; l < K; l++) {
            if (l != j) { out[no++] = PC(x, AT(b, i, l)); in[ni++] = PC(z, AT(b, i, l)); }
            if (l != j2) { out[no++] = PC(z, AT(b, i2, l)); in[ni++] = PC(x, AT(b, i2, l)); }
          }
          int d = delta(out, no, in, ni);
          if (tabu[b * nv + z] > step && cost + d >= best) continue;
          if (d < bd || (d == bd && rnd() % (++ties) == 0)) { if (d < bd) ties = 1; bd = d; bi2 = i2; bj2 = j2; bz = z; }
        }
      }
      if (bi2 == -2) { since++; continue; }
      /* apply */
      for (l = 0; l < K; l++) if (l != j) cnt[PC(x, AT(b, i, l))]--;
      if (bi2 >= 0) {
        for (l = 0; l < K; l++) if (l != bj2) cnt[PC(bz, AT(b, bi2, l))]--;
        AT(b, bi2, bj2) = x;
        for (l = 0; l < K; l++) if (l != bj2) cnt[PC(x, AT(b, bi2, l))]++;
      }
      AT(b, i, j) = bz;
      for (l = 0; l < K; l++) if (l != j) cnt[PC(bz, AT(b, i, l))]++;
      cost += bd;
      tabu[b * nv + x] = step + tenure + rnd() % (tenure * 3);
      if (cost < best) { best = cost; since = 0; } else since++;
    }
    if (cost == 0) break;
  }
  for (b = 0; b < nb; b++) {
    for (i = 0; i < nk; i++) { for (j = 0; j < K; j++) printf("%d ", AT(b, i, j)); }
    printf("\n");
  }
  fprintf(stderr, "%.1f s, %ld restarts\n", (double)(clock() - start) / CLOCKS_PER_SEC, restarts);
  return 0;
}
