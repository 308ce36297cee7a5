"""Which rounds of a breakout met, from the time it ran: a reshuffle avoids only their
pairs, and the event pack lists only their rooms. Light to import (`liftkit export` reads
it without the splitting engine)."""

from __future__ import annotations

# Seconds a round's rooms are open before its people count as having met: Zoom takes some to
# open rooms and move people, and a breakout passed through with n, its time not needed,
# met in none (its pairs are free to meet in a reshuffle's rooms, and are not counted again)
MET = 60.0


def rounds_met(rounds: int, elapsed: float, duration: float) -> int:
    """How many of a breakout's `rounds` met (its first ones), `elapsed` running seconds of
    its `duration` having run: each round was open MET seconds, or a quarter of its share
    of the time where that is less (a rehearsal's short rounds)."""
    each = duration / rounds if duration > 0 and rounds > 0 else 0
    enough = min(MET, each / 4)
    if not each or elapsed < enough:
        return 0
    return min(int((elapsed - enough) // each) + 1, rounds)
