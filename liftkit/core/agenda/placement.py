"""Keys written under the wrong table: TOML puts every key after a `[[segments]]` line in
that segment, and every key after a `[[segments.polls]]` line in that poll, so a host who adds
`host = "Sam Okafor"` at the end of the file gives it to the last segment."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from liftkit.core.agenda.schema import AGENDA_KEYS, POLL_KEYS, SEGMENT_KEYS
from liftkit.core.agenda.tables import closest, is_tables
from liftkit.core.agenda.toml_source import LineIndex
from liftkit.core.errors import quoted

Misplaced = Callable[[str], str | None]  # key -> where it belongs and how to move it there


def at_top(top: Mapping[str, Any]) -> Misplaced:
    """[[polls]] (or [[poll]]) at the top: polls belong to a segment."""

    def where(key: str) -> str | None:
        if not is_tables(top[key]) or closest(key, ["polls"]) != "polls":
            return None
        return (
            f"unknown key {quoted(key)}: polls belong to a segment; write each poll as "
            "[[segments.polls]], under the [[segments]] it belongs to"
        )

    return where


def in_segment(top: Mapping[str, Any], lines: LineIndex) -> Misplaced:
    """A key of the whole agenda ("host", "total") in a segment: it goes at the top."""

    def where(key: str) -> str | None:
        if key not in AGENDA_KEYS or key in SEGMENT_KEYS or key == "segments" or key in top:
            return None
        return _at_top(key, "a segment", lines)

    return where


def in_poll(
    top: Mapping[str, Any], segment: Mapping[str, Any], lines: LineIndex, i: int, j: int
) -> Misplaced:
    """A segment's key ("prompt", "notes") in a poll: it goes above the poll's line, unless
    the segment has it already (a second one, or the next segment's); a key of the whole
    agenda: at the top."""

    def where(key: str) -> str | None:
        if key in SEGMENT_KEYS and key not in POLL_KEYS and key != "polls":
            said = f'"{key}" belongs to the segment, not the poll'
            if key in segment:  # given there too: not a key to move up
                return (
                    f"{said}, and the segment has one already on line {lines.segment(i, key)}: "
                    "keep one of the two, or start a new segment with a [[segments]] line above "
                    "this one"
                )
            if i < len(lines.polls) and j < len(lines.polls[i]):
                return f"{said}: move it above [[segments.polls]] on line {lines.polls[i][j]}"
            return f"{said}: move it out of the poll"
        if key in AGENDA_KEYS and key not in SEGMENT_KEYS and key != "segments" and key not in top:
            return _at_top(key, "a poll", lines)
        return None

    return where


def _at_top(key: str, table: str, lines: LineIndex) -> str:
    said = f'"{key}" belongs at the top of the file, not in {table}'
    start = lines.top_key("segments")  # `segments = [` with the segments inline
    if start is not None:
        return f"{said}: move it above line {start}"
    if lines.segments:
        return f"{said}: move it above the first [[segments]] line (line {lines.segments[0]})"
    return said
