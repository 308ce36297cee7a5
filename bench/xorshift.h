/* The random generator of the C searches in bench/ (xorshift64*): the same numbers on every
   machine for a seed, so a search's output can be written down and checked again. Set
   `state` to a nonzero seed before the first draw. */
#ifndef LIFTKIT_BENCH_XORSHIFT_H
#define LIFTKIT_BENCH_XORSHIFT_H

static unsigned long long state;

static unsigned long long next(void) {
    state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
    return state * 2685821657736338717ULL;
}
static int below(int k) { return (int)((next() >> 33) % (unsigned)k); } /* 0 .. k-1 */
static double uniform(void) { return (next() >> 11) * (1.0 / 9007199254740992.0); } /* [0,1) */

#endif
