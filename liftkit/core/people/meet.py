"""The Google Meet Attendance browser extension's export: a title line ("Attendance for:
…"), then each row written as one quoted field with tabs inside (`"Names<TAB>11/5/2020<TAB>
Arrival time"`). Unwrapped, the rows are an ordinary tab-separated table.

Someone who left and came back has one arrival a time, each in a field of its own
(`15:34 (14min) [15:47]<TAB>15:48 (16min) [15:53]`): they stay together under the last
header, `Arrival time`, rather than being cut off as fields the header lacks."""

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


def unwrap_quoted_rows(lines: Sequence[str], label: str, warnings: list[str]) -> list[str]:
    """The lines with each row of the extension's layout unwrapped, when most lines have it;
    otherwise the lines unchanged. A line below the header that is not such a row is read as
    written, with a warning: the extension did not write it."""
    filled = [line for line in lines if line.strip()]
    inner = [_wrapped(line) for line in lines]
    wrapped = [i for i, text in enumerate(inner) if text is not None]
    if len(wrapped) < 2 or len(wrapped) * 2 <= len(filled):
        return list(lines)
    width = len(str(inner[wrapped[0]]).split("\t"))
    out = list(lines)
    for i, text in enumerate(inner):
        if text is not None:
            cells = text.split("\t")
            out[i] = "\t".join([*cells[: width - 1], "; ".join(cells[width - 1 :])])
        elif i > wrapped[0] and lines[i].strip():
            warnings.append(
                f"{label}: line {i + 1}: not a row of the Meet Attendance export (each is one "
                f'quoted field); read as written: "{lines[i].strip()[:60]}"'
            )
    return out
