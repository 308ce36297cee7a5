"""A name column empty on every row gives way to the next column that names people.

Microsoft Forms writes its own `Name` (and `Email`) column into every export, and leaves it
empty when the form lets anyone respond (with `anonymous` as the email): the name stands in
a question of the form's, `Full name`, `Your name`, `Vollständiger Name`. The header lists
(headers.py) put the bare `Name` first, so the form's empty column was read, and the file
refused at its first row.
"""

from __future__ import annotations

from collections.abc import Sequence

from liftkit.core.errors import LiftkitError
from liftkit.core.people.layout import Layout, layout_of
from liftkit.core.people.rows import cell, usable

Rows = Sequence[tuple[int, list[str]]]


def name_sources(layout: Layout) -> list[int]:
    """The columns a row's name is read from: its name column, else first and last name,
    else its account name."""
    if layout.name is not None:
        return [layout.name]
    parts = [i for i in (layout.first, layout.last) if i is not None]
    return parts or ([layout.account] if layout.account is not None else [])


def filled_layout(
    header: Sequence[str],
    layout: Layout,
    rows: Rows,
    label: str,
    line: int,
    first_line: bool,
    notes: list[str],
) -> Layout:
    """`layout`, or, when the columns it reads names from are empty on every one of `rows`
    (the rows below the header `header`, on `line`), the layout that reads them from the
    next column that names people, with a note naming it. When no column does, and there are
    two rows or more, the error names the empty column; with one row, the row's own error
    ("no usable name in this row") says it."""
    if not rows or _by_address(layout):
        return layout
    skip: set[int] = set()
    found: Layout | None = layout
    while found is not None:
        sources = name_sources(found)
        if not sources or any(_holds(rows, i) for i in sources):
            break
        skip.update(sources)
        found = layout_of(header, first_line=first_line, addresses=True, skip=frozenset(skip))
        if found is not None and (_by_address(found) or not name_sources(found)):
            found = None  # named by address, or not at all: no column names people
    if not skip:
        return layout
    empty = name_sources(layout)
    if found is None:
        if len(rows) < 2:
            return layout
        where = " and ".join(str(i + 1) for i in empty)
        columns, are = ("column", "is") if len(empty) == 1 else ("columns", "are")
        raise LiftkitError(
            f"{label}: line {line}: {columns} {where} ({_shown(header, empty)}) {are} empty "
            f"on every row below (lines {rows[0][0]} to {rows[-1][0]}), and no other column "
            "names people",
            "fill in the names, or head the column that holds them 'name'",
        )
    notes.append(
        f"{label}: {_shown(header, empty)} {'is' if len(empty) == 1 else 'are'} empty on every "
        "row: the names are read from "
        f"{_shown(header, name_sources(found))}"
    )
    return found


def _by_address(layout: Layout) -> bool:
    """Whether a layout names people by their address (a list of addresses, no names)."""
    return layout.name is not None and layout.name == layout.email


def _holds(rows: Rows, column: int) -> bool:
    return any(usable(cell(cells, column)) for _, cells in rows)


def _shown(header: Sequence[str], columns: Sequence[int]) -> str:
    return " and ".join(repr(header[i].strip().strip("\ufeff")) for i in columns)
