"""An agenda laid out in time: each segment's planned start and end."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from liftkit.core.agenda.durations import format_duration
from liftkit.core.agenda.schema import Agenda, Segment, default_warn


@dataclass(frozen=True)
class TimelineRow:
    index: int  # 1-based
    title: str
    kind: str
    start: int  # seconds from the start of the session
    end: int
    duration: int
    start_clock: datetime | None = None
    end_clock: datetime | None = None


def timeline(agenda: Agenda, start: datetime | None = None) -> list[TimelineRow]:
    """Each segment's planned start and end, as offsets and (given a start) clock times."""
    rows = []
    offset = 0
    for i, segment in enumerate(agenda.segments, start=1):
        end = offset + segment.duration
        rows.append(
            TimelineRow(
                index=i,
                title=segment.title,
                kind=segment.kind,
                start=offset,
                end=end,
                duration=segment.duration,
                start_clock=start + timedelta(seconds=offset) if start else None,
                end_clock=start + timedelta(seconds=end) if start else None,
            )
        )
        offset = end
    return rows


def with_durations(agenda: Agenda, durations: Sequence[int]) -> Agenda:
    """A copy of the agenda with new segment durations: the warnings the file gave, less those
    that no longer fit, or, where it gave none (`warn` left out), the default for the new
    duration, as the file with that duration would have (a 1m segment made 5m warns a minute
    before its end). A `total` the file gave stays, as the new durations add up: the same
    when they add up as before, their new sum otherwise."""
    from dataclasses import replace

    segments = tuple(
        replace(s, duration=d, warn=warnings_for(s, d), silence=s.silence if s.silence < d else 0)
        for s, d in zip(agenda.segments, durations, strict=True)
    )
    total = None if agenda.declared_total is None else sum(s.duration for s in segments)
    return replace(agenda, segments=segments, declared_total=total)


def warnings_for(segment: Segment, duration: int) -> tuple[int, ...]:
    """The warnings of `segment` made `duration` long: where its file gave none (`warn` left
    out), the default for that duration, as the file with it would have, shorter or longer;
    else those it gave that still fit."""
    if segment.warn_by_default:
        return default_warn(duration)
    return tuple(w for w in segment.warn if w < duration)


def left_out(segment: Segment, duration: int) -> str:
    """What `with_durations` drops from a segment given `duration`, said for the host who
    gave it ("" when nothing): a silence or a written warning that no longer fits, and the
    text that may still speak of the silence ("Start with 30 seconds of strict silence")."""
    silence = bool(segment.silence) and segment.silence >= duration
    dropped = [f"its {format_duration(segment.silence)} of silence"] if silence else []
    gone = [] if segment.warn_by_default else [w for w in segment.warn if w >= duration]
    if gone:
        times = [format_duration(w) for w in gone]
        before = " and ".join([", ".join(times[:-1]), times[-1]] if len(times) > 1 else times)
        dropped.append(f"its warning{'s' if len(gone) > 1 else ''} {before} before the end")
    if not dropped:
        return ""
    one = len(gone) + silence == 1
    said = (
        f"{segment.title}: {' and '.join(dropped)} {'does' if one else 'do'} not fit in "
        f"{format_duration(duration)}, so {'it is' if one else 'they are'} left out"
    )
    texts = [k for k in ("prompt", "notes", "summary") if "silen" in getattr(segment, k).lower()]
    if silence and texts:
        said += f"; its {' and '.join(texts)} may still speak of the silence"
    return said + "."


def round_length(segment: Segment) -> str:
    """The time each round of a breakout of several rounds has, as a café host plans by it:
    they share its time equally ("8m"); "about" one that is no whole number of seconds (5m
    in 7: "about 43s")."""
    each = segment.duration / max(segment.rounds, 1)
    about = "" if each == int(each) else "about "
    return about + format_duration(round(each))
