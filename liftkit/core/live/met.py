"""Which rounds of a breakout met, from the time it ran: a reshuffle avoids only their
pairs, and the event pack lists only their rooms. Light to import (`liftkit export` reads
it without the splitting engine)."""

from __future__ import annotations

from collections.abc import Sequence

# Seconds a round's rooms are open before its people count as having met: Zoom takes some to
# open rooms and move people, and a breakout passed through with n, its time not needed,
# met in none (its pairs are free to meet in a reshuffle's rooms, and are not counted again)
MET = 60.0


def rounds_met(lengths: Sequence[float], elapsed: float) -> int:
    """How many of a breakout's rounds met (its first ones), lasting `lengths` (each an equal
    share of its time, plus what + and - gave it), `elapsed` running seconds having run: each
    round was open MET seconds, or a quarter of its length where that is less (a rehearsal's
    short rounds); a round `-` took whole, none."""
    met, start = 0, 0.0
    for k, length in enumerate(lengths, start=1):
        if length > 0 and elapsed >= start + min(MET, length / 4):
            met = k
        start += length
    return met
