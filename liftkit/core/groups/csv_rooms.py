"""liftkit's CSV of rooms read back: a host opens `liftkit groups -f csv`'s file in a
spreadsheet, moves people between rooms, saves it, and gives it to `liftkit run --groups` or
`liftkit groups --previous`. A spreadsheet may save it again with semicolons or tabs, a byte
order mark, Windows line ends, its rows sorted otherwise, and the mark liftkit put before a
cell that would read as a formula kept."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from liftkit.core.errors import LiftkitError

# What a spreadsheet would take for a formula at the start of a cell: liftkit's CSV puts a
# ' before it (formats.spreadsheet_safe), taken off again here.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ATTENDEE_FILE = " (attendee file)"  # after an attendee column named like one of liftkit's
YES = ("yes", "y", "true", "1", "x")
HINT = "keep the columns round, group, name and email as liftkit groups -f csv wrote them"


def is_csv_rooms(text: str) -> bool:
    """Whether `text` starts with the header of liftkit's CSV of rooms."""
    first = _first_line(text.lstrip("\ufeff")).strip().lower()
    return any(first.startswith(f"round{d}group{d}name") for d in (",", ";", "\t"))


def csv_rooms_data(text: str, label: str) -> dict[str, Any]:
    """The groups-file data (as `split_from_data` takes it) of a CSV of rooms."""
    text = text.lstrip("\ufeff")
    delimiter = max((",", ";", "\t"), key=_first_line(text).count)
    # newline="": a carriage return alone ends a line (Excel for Mac), as the people reader
    # takes it; read otherwise, csv stopped at it with an error
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _rounds(reader, label)
    except csv.Error as exc:
        raise LiftkitError(
            f"{label}: line {reader.line_num}: cannot read the CSV: {exc}", HINT
        ) from None


def _rounds(reader: Any, label: str) -> dict[str, Any]:
    header = [cell.strip() for cell in next(reader)]
    keys = [cell.lower() for cell in header]
    email = len(keys) > 3 and keys[3] == "email"
    rounds: dict[int, dict[str, list[dict[str, Any]]]] = {}
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        line = reader.line_num
        cells = [*row, *[""] * (len(header) - len(row))]
        number, group, name = cells[0].strip(), cells[1].strip(), _unmarked(cells[2]).strip()
        if not number.isdigit():
            raise LiftkitError(f"{label}: line {line}: round {number!r} is not a number", HINT)
        if not group or not name:
            missing = "group" if not group else "name"
            raise LiftkitError(f"{label}: line {line}: the row has no {missing}", HINT)
        member: dict[str, Any] = {"name": name}
        if email and cells[3].strip():
            member["email"] = cells[3].strip()
        attributes: dict[str, str] = {}
        for key, heading, cell in zip(keys[4:], header[4:], cells[4:], strict=False):
            if key == "facilitator":
                member["facilitator"] = cell.strip().lower() in YES
            elif heading:
                attributes[heading.removesuffix(ATTENDEE_FILE)] = _unmarked(cell)
        if attributes:
            member["attributes"] = attributes
        rounds.setdefault(int(number), {}).setdefault(group, []).append(member)
    return {
        "rounds": [
            {"round": n, "groups": [{"name": g, "members": m} for g, m in groups.items()]}
            for n, groups in sorted(rounds.items())
        ]
    }


def _first_line(text: str) -> str:
    """The text up to its first line end, whichever: CRLF, LF or a carriage return alone."""
    return re.split(r"\r\n?|\n", text, maxsplit=1)[0]


def _unmarked(cell: str) -> str:
    """A cell without the ' that liftkit put before what would read as a formula."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_STARTS else cell
