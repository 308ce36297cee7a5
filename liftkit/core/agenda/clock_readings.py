"""Durations written with a colon, which the format reads as minutes:seconds ("1:30" is a
minute and a half) where a host may have meant hours:minutes: said in a note on a valid
agenda, and named when the `total` they would match disagrees."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from liftkit.core.agenda.durations import (
    MAX_SECONDS,
    as_hours_and_minutes,
    format_duration,
    seconds_after_no_minutes,
)
from liftkit.core.errors import quoted
from liftkit.core.text import plural


def in_words(seconds: int) -> str:
    """ "1 hour 30 minutes", "20 minutes", "1 minute 30 seconds", "5 seconds"."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(hours, "hour"), (minutes, "minute"), (secs, "second")]
    return " ".join(plural(n, word) for n, word in parts if n) or "0 seconds"


def as_hours(value: object) -> int | None:
    """The seconds of a duration written "m:ss" ("1:30") read as hours:minutes, when that
    is a duration (a day at most); None for any other value."""
    seconds = as_hours_and_minutes(value)
    return seconds if seconds is not None and 0 < seconds <= MAX_SECONDS else None


def clock_notes(item: Mapping[str, Any], duration: int) -> list[tuple[str, str]]:
    """(key, note) for each "0:05" in `duration`, `warn` and `silence`: five seconds
    (minutes:seconds), as documented, where the host may have meant 0 hours 5 minutes. Said,
    never refused: agendas rely on it. A warning or a silence is said only where five
    minutes would fit in the segment ("0:30" of silence in a 5-minute close is not)."""
    said = []
    for key in ("duration", "warn", "silence"):
        raw = item.get(key)
        for value in raw if isinstance(raw, list) else [raw]:
            seconds = seconds_after_no_minutes(value)
            if seconds is None or (key != "duration" and seconds * 60 >= duration):
                continue
            said.append((key, _reading(key, value, seconds)))
    return said


def _reading(key: str, value: object, seconds: int) -> str:
    meant = as_hours(value) or seconds * 60
    return (
        f'"{key}": {quoted(str(value))} is {in_words(seconds)} (minutes:seconds); '
        f'for {in_words(meant)} write "{format_duration(meant)}"'
    )


def minutes_among_minutes(
    raw: Sequence[Mapping[str, Any]], durations: Sequence[int]
) -> list[tuple[int, str]]:
    """(segment index, note) for a segment written "1:30" (a minute and a half) in an agenda
    whose other segments are whole minutes, none written with a colon: "1h 30m" may have been
    meant. "0:30" has its own note (clock_notes)."""
    written = [item.get("duration") for item in raw]
    clocks = [i for i, value in enumerate(written) if as_hours_and_minutes(value) is not None]
    if len(clocks) != 1 or len(written) < 2:
        return []
    (i,) = clocks
    others = [d for j, d in enumerate(durations) if j != i]
    if as_hours(written[i]) is None or durations[i] < 60 or any(d % 60 for d in others):
        return []
    return [(i, _reading("duration", written[i], durations[i]))]


def total_disagrees(
    written: object,
    declared: int,
    raw: Sequence[Mapping[str, Any]],
    durations: Sequence[int],
    labels: Sequence[str],
) -> str:
    """The problem of a `total` the segments do not add up to; when a "1:00" read as
    hours:minutes would make them agree (in the total, or in the segments), how to write it."""
    actual = sum(durations)
    said = (
        f'"total" says {format_duration(declared)} but the segments add up to '
        f"{format_duration(actual)}; "
    )
    if as_hours(written) == actual:  # total = "1:00" for an hour
        return said + (
            f"{quoted(str(written))} is read as minutes:seconds: for {in_words(actual)} write "
            f'"{format_duration(actual)}"'
        )
    hours = {
        i: seconds
        for i, item in enumerate(raw)
        if (seconds := as_hours(item.get("duration"))) is not None
    }
    for chosen in ([*hours], *([i] for i in hours)):
        if chosen and actual + sum(hours[i] - durations[i] for i in chosen) == declared:
            return said + "; ".join(
                f"{labels[i]} is {quoted(str(raw[i]['duration']))}, "
                f"{format_duration(durations[i])} (minutes:seconds): for {in_words(hours[i])} "
                f'write "{format_duration(hours[i])}"'
                for i in chosen
            )
    return said + "correct the total or the segment durations"
