"""Time added or taken with `+` and `-`: the segment's, or in a breakout of several rounds
the round's being held, so that the countdown moves by what the host asked, the rounds that
began stay begun and the later ones keep their length. Which round an extension went to is
read from the journal (the round held at its moment, with the lengths before it), so a
replay, a resume, `liftkit view` and the export time the rounds as the host saw them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liftkit.core.live.events import Extend, JournalEvent
from liftkit.core.live.round_times import SLACK, round_held, time_taken

if TYPE_CHECKING:
    from liftkit.core.live.engine import Engine


def held_at(engine: Engine, i: int, t: float) -> tuple[int, float]:
    """(the round of segment `i` held at `t`, from 1, and the seconds left in it); (0, the
    segment's time left) in a segment of a single round."""
    running = engine.elapsed(t) if i == engine.index and engine.current is not None else None
    return round_held(
        engine.round_lengths(i), engine.elapsed_done[i] if running is None else running
    )


def extension(engine: Engine, t: float, seconds: float) -> list[JournalEvent]:
    """`seconds` more for the current segment (its round being held), or fewer by at most
    the time left in it: taking a minute from the last 59 seconds put a minute's overrun on
    the audience's screen at once, though the segment had not run over."""
    if engine.current is None or engine.moving_to is not None:
        return []
    applied = time_taken(seconds, held_at(engine, engine.index, t)[1])
    return [Extend(mono=t, segment=engine.index, seconds=applied)] if applied else []


def extend_segment(engine: Engine, segment: int | None, seconds: float, t: float) -> None:
    """Apply an extension of `seconds` at `t` to `segment` (None: the current one)."""
    i = engine.index if segment is None else segment
    if not 0 <= i < engine.count:
        return
    held, left = held_at(engine, i, t)
    if held:  # to the round being held, and no more taken than it has left
        seconds = time_taken(seconds, left)
        added = list(engine.round_extra.get(i, ())) or [0.0] * len(engine.round_lengths(i))
        added[held - 1] += seconds
        engine.round_extra[i] = added
    engine.extra[i] += seconds
    if i != engine.index or engine.current is None:
        return
    left = engine.remaining(t)
    points = engine.warning_points(i)
    if seconds > 0:
        # Time given back: a warning it lifts the segment (or a round) above rings again
        # when the time comes down to it once more.
        engine.fired -= {(i, w, r) for r, ahead, w in points if left > ahead + SLACK}
    else:
        # Time taken up to an end (a round's, when `-` ends it): the warnings before it that
        # were still to come do not ring with it ("2m left in round 2" as round 3 begins);
        # the end itself does.
        engine.fired |= {(i, w, r) for r, ahead, w in points if w and left <= ahead - w + SLACK}
