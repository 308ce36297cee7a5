"""The rows of an attendee table from its header on: people, sections, and rows left out."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from liftkit.core.errors import LiftkitError
from liftkit.core.people.blank import checked_layout
from liftkit.core.people.duplicates import renamed_apart
from liftkit.core.people.headers import (
    EMAIL_KEYS,
    HOST_EMAIL_KEYS,
    HOST_SECTIONS,
    LEAVE_ACTIONS,
    NOT_COMING,
    SUMMARY_HOST_KEYS,
    SUMMARY_KEYS,
)
from liftkit.core.people.layout import Layout, layout_of, numbered_section, split_line
from liftkit.core.people.model import MeetingHost, Person, header_key
from liftkit.core.people.rows import (
    cell,
    filled,
    footer_kind,
    person_from_cells,
    row_name,
)
from liftkit.core.text import plural, same_words

_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass
class TableRead:
    """What a table gave: its people, attribute columns, registrants who did not attend,
    the lines of rows that are joins, and the lines of rows that are no people."""

    people: list[Person] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    absent: int = 0
    not_coming: Counter[tuple[str, str]] = field(default_factory=Counter)  # (column, state)
    per_join: set[int] = field(default_factory=set)
    footers: list[int] = field(default_factory=list)
    # a per-event report's rows in order, (name as compared, whether the row is a leave)
    events: list[tuple[str, bool]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the header(s) of the names read
    by_address: bool = False  # no name column: people are named by their email address
    notes: list[str] = field(default_factory=list)  # a column read in place of an empty one
    # Zoom's "Name (Original Name)" as written, by line, where it was renamed ("Sam (iPhone)")
    written: dict[int, str] = field(default_factory=dict)
    # the rows of people in Zoom's waiting room ("In Waiting Room" = Yes), not yet admitted
    waiting: list[Person] = field(default_factory=list)


def records(text: str, delimiter: str, label: str, offset: int) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of each CSV record, quoted newlines included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    lines = text.split("\n")
    start = 1
    try:
        for cells in reader:
            end = reader.line_num
            # Inside an unclosed quote the lenient reader runs to the end of the file rather
            # than failing; the strict reader tells, on the last record only.
            if end >= len(lines) and _unclosed_quote(lines[start - 1 : end], delimiter):
                raise LiftkitError(
                    f"{label}: line {start + offset}: a quote opened on this line is never closed",
                    'close it, or write a quote inside a quoted field as ""',
                )
            yield start + offset, cells
            start = end + 1
    except csv.Error as exc:
        raise LiftkitError(
            f"{label}: line {reader.line_num + offset}: cannot read the CSV: {exc}",
            "check the quotes on that line",
        ) from None


def _unclosed_quote(lines: Sequence[str], delimiter: str) -> bool:
    try:
        list(
            csv.reader(io.StringIO("\n".join(lines), newline=""), delimiter=delimiter, strict=True)
        )
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def parse_table(
    lines: Sequence[str], index: int, delimiter: str, label: str, warnings: list[str]
) -> TableRead:
    """People from the header at `index` on; a later header row starts a new section.

    Zoom reports hold several sections ("Host Details", "Attendee Details"), each a title
    row and its own header; every section with a name column contributes its people, and
    the people under "Host Details" are hosts. Teams attendance reports number their
    sections ("1. Summary", "2. Participants", "3. In-Meeting Activities", one row per join,
    titled in the organiser's language): only the section of the header, the participants,
    is read. Totals, counts and percentages under a table, and rows with neither a name nor
    an email (a Tito ticket not yet assigned, the blank rows after a spreadsheet's table),
    are no people.
    """
    body = "\n".join(lines[index:])
    rows = [(n, cells) for n, cells in records(body, delimiter, label, index) if filled(cells)]
    # Teams numbers its sections ("2. Participants", "2. Participantes", "2. Teilnehmer"): the
    # section of the header is read, up to the next numbered title, in any language.
    teams = _numbered_section(split_line(_line_before(lines, index), delimiter)) is not None
    header_cells = rows[0][1]
    first = not any(line.strip() for line in lines[:index])
    # (find_header took an address column under a title only with an address below it)
    layout = layout_of(header_cells, first_line=first) or layout_of(header_cells, addresses=True)
    if layout is None:
        raise LiftkitError(
            f"{label}: line {rows[0][0]}: the header row does not read the same as a CSV row "
            "(check its quotes)",
            "save the file again as CSV from a spreadsheet",
        )
    notes: list[str] = []
    layout = checked_layout(header_cells, layout, rows[1:], label, rows[0][0], first, notes)
    out = TableRead(columns=[name for _, name in layout.attributes], notes=notes)
    read_as = [layout.name] if layout.name is not None else [layout.first, layout.last]
    read_as = read_as if any(i is not None for i in read_as) else [layout.account]
    out.names = [header_cells[i].strip().strip("\ufeff") for i in read_as if i is not None]
    out.by_address = layout.name is not None and layout.name == layout.email
    unnamed = set(layout.unnamed)
    reading = True
    title = _line_before(lines, index)
    hosts = _host_section(split_line(title, delimiter))
    host_lines: set[int] = set()
    for position, (line, cells) in enumerate(rows[1:], start=1):
        section = _numbered_section(cells) if teams else None
        if section is not None:
            reading = False
            continue
        if not reading:
            continue
        new_layout = layout_of(cells)
        if new_layout is not None:
            layout = checked_layout(cells, new_layout, rows[position + 1 :], label, line, False,
                                   out.notes)  # fmt: skip
            header_cells = cells
            hosts = _host_section(rows[position - 1][1])
            out.columns.extend(n for _, n in layout.attributes if n not in out.columns)
            unnamed |= layout.unnamed
            continue
        following = rows[position + 1][1] if position + 1 < len(rows) else None
        if _section_title(cells, layout, following):
            continue
        if footer_kind(cells, layout) is not None:
            out.footers.append(line)
            continue
        _add_row(out, cells, header_cells, layout, line, delimiter, label, warnings)
        if hosts:
            host_lines.add(line)
    _drop_empty_columns(out, unnamed)
    out.people = renamed_apart(out.people, out.written, label, out.notes)
    host = _preamble_host(lines[:index], delimiter)
    if host or host_lines:
        out.people = [
            replace(p, host=True)
            if p.line in host_lines or (host and host.matches(p.name, p.email))
            else p
            for p in out.people
        ]
    return out


def _host_section(cells: Sequence[str]) -> bool:
    """Whether a row is Zoom's "Host Details" title: the rows of its section are hosts."""
    shown = [c.strip().strip("\ufeff") for c in cells if c.strip()]
    return len(shown) == 1 and " ".join(shown[0].casefold().split()) in HOST_SECTIONS


def _preamble_host(preamble: Sequence[str], delimiter: str) -> MeetingHost | None:
    """The host a Zoom report's meeting line names ("Meeting ID,Topic,…,User Email", or the
    newer "Topic,ID,Host,…" with "Sam Host (sam@x.org)"), then its values: the host's own
    row below is often not marked "(Host)"."""
    rows = [split_line(line, delimiter) for line in preamble if line.strip()]
    for header, values in pairwise(rows):
        keys = [header_key(c) for c in header]
        if any(k in SUMMARY_KEYS for k in keys) or ("topic" in keys and "id" in keys):
            emails = (i for i, k in enumerate(keys) if k in EMAIL_KEYS or k in HOST_EMAIL_KEYS)
            names = (i for i, k in enumerate(keys) if k in SUMMARY_HOST_KEYS)
            host = MeetingHost.of(cell(values, next(names, None)), cell(values, next(emails, None)))
            return host if host.name or host.email else None
    return None


def _add_row(
    out: TableRead,
    cells: list[str],
    header: list[str],
    layout: Layout,
    line: int,
    delimiter: str,
    label: str,
    warnings: list[str],
) -> None:
    if _name_cut_in_two(cells, header, layout):
        cells = [delimiter.join(cells)]  # "Lovelace, Ada" under "Name": one name, as written
    if len(cells) > len(header) and filled(cells[len(header) :]):
        separator = _SEPARATORS.get(delimiter, repr(delimiter))
        warnings.append(
            f"{label}: line {line}: {len(cells)} fields but the header has {len(header)}; "
            f"the extra fields are ignored (a {separator} inside a name needs quotes)"
        )
    if layout.attended is not None and cell(cells, layout.attended).casefold() == "no":
        out.absent += 1
        return
    for column in layout.status:
        state = " ".join(cell(cells, column).casefold().split())
        if state in NOT_COMING:
            out.not_coming[header[column].strip().strip("\ufeff"), state] += 1
            return
    if layout.action is not None:
        leave = cell(cells, layout.action).casefold() in LEAVE_ACTIONS
        out.events.append((same_words(row_name(cells, layout)), leave))
        if leave:
            return  # the same person's "Left" row, after their "Joined" row
    person = person_from_cells(cells, layout, line, label, warnings)
    if layout.waiting is not None and cell(cells, layout.waiting).casefold() == "yes":
        out.waiting.append(person)  # joined only if a row of theirs says they were admitted
        return
    out.people.append(person)
    if layout.name in layout.original_names and cell(cells, layout.name) != person.name:
        out.written[line] = cell(cells, layout.name)
    if layout.per_join:
        out.per_join.add(line)


def _name_cut_in_two(cells: Sequence[str], header: Sequence[str], layout: Layout) -> bool:
    """Whether a row is one name written surname first without quotes ("Lovelace, Ada"),
    cut in two by the comma, in a list whose one column is the names: read whole, not as
    "Lovelace" (a Byron Lovelace then one person with Ada)."""
    return (
        len(header) == 1 and len(cells) == 2 and layout.name == 0 and layout.email != 0
        and all(c.strip() and "@" not in c for c in cells)
    )  # fmt: skip


def _drop_empty_columns(out: TableRead, unnamed: set[str]) -> None:
    """Zoom pads its lines with commas: columns with neither a header nor a value are
    nothing."""
    empty = {key for key in unnamed if not any(p.attributes.get(key) for p in out.people)}
    if empty:
        out.columns = [c for c in out.columns if c not in empty]
        out.people = [_without_attributes(person, empty) for person in out.people]


def _without_attributes(person: Person, keys: set[str]) -> Person:
    kept = {k: v for k, v in person.attributes.items() if k not in keys}
    return replace(person, attributes=kept)


def _line_before(lines: Sequence[str], index: int) -> str:
    return next((line for line in reversed(lines[:index]) if line.strip()), "")


def _numbered_section(cells: Sequence[str]) -> str | None:
    """`participants` for a Teams section title such as "2. Participants", else None."""
    title = numbered_section(cells)
    return title[1] if title is not None else None


def _section_title(cells: Sequence[str], layout: Layout, following: list[str] | None) -> bool:
    """A row with a single cell filled, such as "Attendee Details" before its header row, or
    Zoom's "Other Attended" closing the file with nobody under it."""
    shown = [i for i, c in enumerate(cells) if c.strip()]
    if len(shown) != 1:
        return False
    if following is not None and layout_of(following) is not None:
        return True
    names = (layout.name, layout.first, layout.last, layout.account, layout.email)
    return shown == [0] and 0 not in names and following is None


def never_admitted(waiting: list[Person], kept: list[Person], label: str) -> list[str]:
    """One note naming those whose every row is in Zoom's waiting room: never admitted,
    they did not join. Someone admitted later (a row of theirs says No) joined."""
    emails = {p.email.casefold() for p in kept if p.email}
    names = {same_words(p.name) for p in kept}
    left: dict[str, str] = {}
    for person in waiting:
        if (person.email and person.email.casefold() in emails) or same_words(person.name) in names:
            continue
        left.setdefault((person.email or "").casefold() or same_words(person.name), person.name)
    if not left:
        return []
    shown = list(left.values())
    who = plural(len(shown), "person", "people")
    return [
        f"{label}: left out {who} never admitted from the waiting room (In Waiting Room = Yes "
        f"on every row): " + ", ".join(shown[:5]) + (", …" if len(shown) > 5 else "")
    ]
