"""What plain mode says when its standard input ends: nothing typed can end the session any
more, so the host is told whether it will end by itself."""

from __future__ import annotations

from liftkit.core.live.controls import CONFIRM
from liftkit.core.live.engine import ENDED, PAUSED, RUNNING, Engine


def end_of_input(engine: Engine, asked: str | None = None) -> str:
    """The line for input that ended, the question `asked` (a CONFIRM key) left open."""
    question = CONFIRM.get(asked or "", "").partition("?")[0]
    open_one = f'"{question}?" is not answered; ' if question else ""
    why = _not_ending(engine)
    if why is None:
        return f"end of input: {open_one}the session carries on until its end or a signal stops it"
    return (
        f"end of input: {open_one}the session will not end by itself ({why}); Ctrl-C or a "
        "signal stops it, and nothing captured is lost"
    )


def _not_ending(engine: Engine) -> str | None:
    """Why the session will not reach its end by itself, or None when it will."""
    if engine.status == ENDED:
        return None
    if engine.status == PAUSED:
        return "it is paused"
    here = engine.index if engine.status == RUNNING else 0
    last = engine.count - 1
    for i in range(max(here, 0), engine.count):
        segment = engine.agenda.segments[i]
        if not segment.auto_advance:
            if i == last:
                return "its last segment has no auto_advance"
            return f'segment {i + 1} "{segment.title}" has no auto_advance'
        if i > here and engine.used_up(i):  # left after its time was up: arriving, it waits
            return f'segment {i + 1} "{segment.title}" has no time left and will wait, paused'
    return None
