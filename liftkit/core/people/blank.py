"""A name column that names nobody (empty on every row, or one name such as "Anonymous" on
most rows) gives way to the next column that names people, and an email column without an
address to the next that holds addresses.

Microsoft Forms writes its own `Name` and `Email` columns into every export, and leaves them
empty when the form lets anyone respond (with `anonymous` as the email): the name and the
address stand in questions of the form's, `Full name`, `Your name`, `Vollständiger Name`,
`Email address`, `E-mail para contato`. The header lists (headers.py) put the bare `Name`
and `Email` first, so the form's empty columns were read: the file refused at its first
row, or everyone without an address for Zoom's pre-assignment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from liftkit.core.errors import LiftkitError
from liftkit.core.people.headers import EMAIL_KEYS, EMAIL_WORDS, OTHER_ADDRESSES
from liftkit.core.people.layout import Layout, layout_of
from liftkit.core.people.model import normalise_header
from liftkit.core.people.rows import cell, email_or_warning, usable

Rows = Sequence[tuple[int, list[str]]]


def name_sources(layout: Layout) -> list[int]:
    """The columns a row's name is read from: its name column, else first and last name,
    else its account name."""
    if layout.name is not None:
        return [layout.name]
    parts = [i for i in (layout.first, layout.last) if i is not None]
    return parts or ([layout.account] if layout.account is not None else [])


def checked_layout(
    header: Sequence[str],
    layout: Layout,
    rows: Rows,
    label: str,
    line: int,
    first_line: bool,
    notes: list[str],
) -> Layout:
    """The layout of the header `header` (on `line`) that reads names and emails from
    columns that hold them on `rows`, the rows below it: filled_layout, addressed_layout."""
    layout = filled_layout(header, layout, rows, label, line, first_line, notes)
    return addressed_layout(header, layout, rows, label, notes)


def filled_layout(
    header: Sequence[str],
    layout: Layout,
    rows: Rows,
    label: str,
    line: int,
    first_line: bool,
    notes: list[str],
) -> Layout:
    """`layout`, or, when the columns it reads names from name nobody on `rows` (the rows
    below the header `header`, on `line`): empty on every row, or one name on most of them
    (a form's "Anonymous"), the layout that reads them from the next column that names
    people, with a note naming it. When no column does, and there are two rows or more,
    the error names the column; with one row, the row's own error ("no usable name in this
    row") says it."""
    if not rows or _by_address(layout):
        return layout
    skip: set[int] = set()
    found: Layout | None = layout
    first: str | None = None  # what is wrong with the layout's own name columns
    while found is not None:
        sources = name_sources(found)
        why = _names_nobody(rows, sources, found.per_join) if sources else None
        if why is None:
            break
        first = first or why
        skip.update(sources)
        found = layout_of(header, first_line=first_line, addresses=True, skip=frozenset(skip))
        if found is not None and (_by_address(found) or not name_sources(found)):
            found = None  # named by address, or not at all: no column names people
    if first is None:
        return layout
    empty = name_sources(layout)
    if len(empty) > 1:
        first = first.replace("is ", "are ", 1).replace("holds ", "hold ", 1)
    if found is None:
        if len(rows) < 2:
            return layout
        where = " and ".join(str(i + 1) for i in empty)
        raise LiftkitError(
            f"{label}: line {line}: column{'s' if len(empty) > 1 else ''} {where} "
            f"({_shown(header, empty)}) {first} below the header (lines {rows[0][0]} to "
            f"{rows[-1][0]}), and no other column names people",
            "fill in each person's name, or head the column that holds them 'name'",
        )
    notes.append(
        f"{label}: {_shown(header, empty)} {first}: the names are read from "
        f"{_shown(header, name_sources(found))}"
    )
    return found


# One name on most rows is no name: Forms' "Anonymous" on every answer. Three rows at least
# (two people of one name are two people), and not in a report of joins (one person's rejoins)
PLACEHOLDER_ROWS = 3


def _names_nobody(rows: Rows, columns: Sequence[int], per_join: bool) -> str | None:
    """What makes the name columns `columns` name nobody on `rows` ("is empty on every row",
    "holds one name, 'Anonymous', on 4 of the 4 rows"), or None when they name people."""
    if not any(usable(" ".join(cell(cells, i) for i in columns)) for _, cells in rows):
        return "is empty on every row"
    if per_join or len(rows) < PLACEHOLDER_ROWS:
        return None
    # (the cells as they are, cheaply: every row of a long file is counted)
    if len(columns) == 1:
        i = columns[0]
        counts = Counter(c[i].strip().casefold() if i < len(c) else "" for _, c in rows)
    else:
        counts = Counter(" ".join(_raw(cells, i) for i in columns).strip() for _, cells in rows)
    counts.pop("", None)
    (value, most), filled = counts.most_common(1)[0], sum(counts.values())
    if most < PLACEHOLDER_ROWS or most * 2 <= filled or not usable(value):
        return None
    shown = next((
        text
        for _, cells in rows
        if (text := " ".join(cell(cells, i) for i in columns).strip()).casefold() == value
    ), value)  # fmt: skip
    return f"holds one name, {shown!r}, on {most} of the {filled} rows"


def _raw(cells: Sequence[str], column: int) -> str:
    return cells[column].strip().casefold() if column < len(cells) else ""


def addressed_layout(
    header: Sequence[str], layout: Layout, rows: Rows, label: str, notes: list[str]
) -> Layout:
    """`layout`, or, when its email column holds no address on any of `rows` (Forms'
    `anonymous`, or nothing), the layout that reads the addresses from the next column
    that holds some, with a note: an email column (`Email address`), else a column whose
    header says email (`Your email address`, `E-mail para contato`), not someone else's
    (`Manager email`). Without such a column, `layout` stays, and so does its one warning
    of the value that is no address."""
    email = layout.email
    if email is None or _by_address(layout) or not rows or _addresses(rows, email):
        return layout
    keys = [normalise_header(text) for text in header]
    taken = {*name_sources(layout), email, layout.meeting_email}
    known = [i for i, key in enumerate(keys) if key.replace("-", " ") in EMAIL_KEYS]
    asked = [
        i for i, key in enumerate(keys)
        if any(word in key for word in EMAIL_WORDS)
        and not set(re.findall(r"\w+", key)) & OTHER_ADDRESSES
    ]  # fmt: skip
    found = next((i for i in (*known, *asked) if i not in taken and _addresses(rows, i)), None)
    if found is None:
        return layout
    values = Counter(text for _, cells in rows if (text := cell(cells, email)))
    said = "is empty on every row" if not values else "holds no email address"
    if len(values) == 1:
        ((value, count),) = values.items()
        where = "every row" if count == len(rows) else "every row that is not empty"
        said = f"holds no email address ({value!r} on {where})"
    notes.append(
        f"{label}: {_shown(header, [email])} {said}: the emails are read from "
        f"{_shown(header, [found])}"
    )
    attributes = tuple(item for item in layout.attributes if item[0] != found)
    return replace(layout, email=found, attributes=attributes)


def _addresses(rows: Rows, column: int) -> bool:
    """Whether a column holds an email address on one of `rows` at least."""
    return any(email_or_warning(cell(cells, column), 0, "", []) for _, cells in rows)


def _by_address(layout: Layout) -> bool:
    """Whether a layout names people by their address (a list of addresses, no names)."""
    return layout.name is not None and layout.name == layout.email


def _shown(header: Sequence[str], columns: Sequence[int]) -> str:
    return " and ".join(repr(header[i].strip().strip("\ufeff")) for i in columns)
