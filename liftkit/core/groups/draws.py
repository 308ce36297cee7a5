"""rng.randrange(n) at a third of its cost, for the searches' inner loops.

randrange(n) passes through two Python calls before it draws bits; below(n) draws the same
bits (CPython's Random._randbelow_with_getrandbits: n.bit_length() bits, again while the
draw is n or more), so every seed gives the splits it gave before. The annealing and late
acceptance draw two or three numbers a step, hundreds of thousands of steps a split: 122
people in pairs for 39 rounds spent a tenth of its 2.2 s in randrange.
"""

from __future__ import annotations

import random
from collections.abc import Callable


def below(rng: random.Random) -> Callable[[int], int]:
    """A function of n > 0 that returns rng.randrange(n), drawing the same bits."""
    bits = rng.getrandbits

    def draw(n: int) -> int:
        k = n.bit_length()
        x = bits(k)
        while x >= n:
            x = bits(k)
        return x

    return draw
