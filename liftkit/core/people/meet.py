"""The Google Meet Attendance browser extension's export: a title line ("Attendance for:
…"), then each row written as one quoted field with tabs inside (`"Names<TAB>11/5/2020<TAB>
Arrival time"`). Unwrapped, the rows are an ordinary tab-separated table."""

from __future__ import annotations

import csv
from collections.abc import Sequence


def _wrapped(line: str) -> str | None:
    """The tab-separated text inside a line that is one quoted field, else None."""
    stripped = line.strip()
    if len(stripped) < 2 or stripped[0] != '"' or stripped[-1] != '"' or "\t" not in stripped:
        return None
    try:
        cells = next(csv.reader([stripped]), [])
    except csv.Error:
        return None
    return cells[0] if len(cells) == 1 else None


def unwrap_quoted_rows(lines: Sequence[str]) -> list[str]:
    """The lines with each row of the extension's layout unwrapped, when most lines have it;
    otherwise the lines unchanged."""
    filled = [line for line in lines if line.strip()]
    inner = [_wrapped(line) for line in lines]
    wrapped = sum(1 for text in inner if text is not None)
    if wrapped < 2 or wrapped * 2 <= len(filled):
        return list(lines)
    return [line if text is None else text for line, text in zip(lines, inner, strict=True)]
