"""An agenda laid out in time: each segment's planned start and end."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from liftkit.core.agenda.schema import Agenda, default_warn


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
    before its end)."""
    from dataclasses import replace

    segments = tuple(
        replace(
            s,
            duration=d,
            warn=default_warn(d) if s.warn_by_default else tuple(w for w in s.warn if w < d),
            silence=s.silence if s.silence < d else 0,
        )
        for s, d in zip(agenda.segments, durations, strict=True)
    )
    return replace(agenda, segments=segments, declared_total=None)
