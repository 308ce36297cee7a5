"""Attendee lists: CSV exports (Zoom, Eventbrite, Teams, Meet, spreadsheets) or plain text.

A CSV file has a header row. The name comes from a `name` / `full name` column, or from
`first name` + `last name`; the email from `email` / `email address`; every other column is
kept as an attribute under its header as written. Headers match case-insensitively, in the
languages Zoom and Teams write them (liftkit.core.people.headers), and `_`, `-` and repeated
spaces count as one space. Lines before the header (the report preamble that Zoom writes) are
skipped; totals and counts under the table are left out with a note.

A plain-text file has one person a line, optionally `Name <email>` (or `Name, email`); `#`
starts a comment.

UTF-8 with or without BOM (also UTF-16 with a BOM; Windows-1252 as a fallback, with a
warning), comma, semicolon or tab delimiters, quoted fields and blank lines are all read.
Duplicates collapse into the first occurrence with a warning naming both lines.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from liftkit.core.errors import LiftkitError
from liftkit.core.files import read_input
from liftkit.core.people.bots import leave_out_bots
from liftkit.core.people.decode import checked, decode_text
from liftkit.core.people.duplicates import collapse_duplicates, one_name
from liftkit.core.people.headers import (
    EMAIL_COLUMNS,
    FIRST_NAME_COLUMNS,
    LAST_NAME_COLUMNS,
    NAME_COLUMNS,
    SUMMARY_KEYS,
)
from liftkit.core.people.layout import find_header, refuse_unknown_table
from liftkit.core.people.meet import unwrap_quoted_rows
from liftkit.core.people.model import (
    PeopleRead,
    Person,
    find_column,
    header_key,
    normalise_header,
)
from liftkit.core.people.plain import parse_lines
from liftkit.core.people.rows import merged_warnings
from liftkit.core.people.table import TableRead, never_admitted, parse_table
from liftkit.core.text import line_ranges, plural, same_words, some_named

__all__ = [
    "EMAIL_COLUMNS",
    "FIRST_NAME_COLUMNS",
    "LAST_NAME_COLUMNS",
    "NAME_COLUMNS",
    "PeopleRead",
    "Person",
    "decode_text",
    "find_column",
    "normalise_header",
    "parse_people",
    "people_from",
    "read_people",
]

PEOPLE_HINT = (
    "give a CSV with a 'name' column (or 'first name' and 'last name'), "
    "or a text file with one name a line"
)
# Line ends as the CSV reader sees them: not U+2028, U+0085 or 0x1E, which str.splitlines()
# also takes for line ends (and would cut "Ada<U+2028>Lovelace" into two people).
_LINE_END = re.compile(r"\r\n|\r|\n")


def read_people(path: str | Path, stdin: IO[Any] | None = None) -> PeopleRead:
    """Read attendees from a file, or from `stdin` when path is the text `-` (a Path is a
    file: Path("./-") is Path("-"), and the file named `-` is read).

    Raises LiftkitError (exit 2) naming the file and line for anything it cannot read.
    """
    from_stdin = isinstance(path, str) and path == "-"
    label = "stdin" if from_stdin else str(path)
    if from_stdin:
        if stdin is None:
            import sys

            stdin = sys.stdin
        raw: bytes | str = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
    else:
        raw = read_input(Path(path), "an attendee list", "check the path to the attendee list")
    return people_from(raw, label)


def people_from(raw: bytes | str, label: str) -> PeopleRead:
    """The attendees of a file's bytes (or text) read already, `label` naming it in errors."""
    warnings: list[str] = []
    text = checked(raw, label) if isinstance(raw, str) else decode_text(raw, label, warnings)
    return parse_people(text, label, warnings)


def parse_people(
    text: str, label: str = "attendees", warnings: list[str] | None = None
) -> PeopleRead:
    """Parse the text of an attendee file (CSV with a header, or one person a line)."""
    warnings = [] if warnings is None else warnings
    # Accents as one character each (NFC): a name saved decomposed, as macOS and some web
    # forms save it, is shown and compared as the same name typed.
    text = unicodedata.normalize("NFC", text)
    lines = _LINE_END.split(text.lstrip("\ufeff"))
    if lines and lines[-1] == "":
        lines.pop()
    if not any(line.strip() for line in lines):
        raise LiftkitError(f"{label}: is empty, no attendees found", PEOPLE_HINT)
    _refuse_liftkit_files(text, label)
    lines = unwrap_quoted_rows(lines, label, warnings)
    header = find_header(lines)
    notes: list[str] = []
    per_join: set[int] = set()
    last: dict[str, bool] = {}  # whether each name's last row was a leave
    names: list[str] = []  # a table's name columns
    waiting: list[Person] = []  # rows in Zoom's waiting room
    if header is not None:
        table = parse_table(lines, header[0], header[1], label, warnings)
        people, columns, per_join = table.people, table.columns, table.per_join
        names, waiting = table.names, table.waiting
        if not people and waiting:
            raise LiftkitError(
                f"{label}: nobody was admitted: every row has In Waiting Room = Yes",
                "give the participant report of the meeting itself",
            )
        if not people and table.footers and not (table.absent or table.not_coming):
            raise _no_names(label, table)
        last = dict(table.events)
        notes.extend(table.notes)
        if columns[:2] == ["round", "group"]:
            people, columns = _first_round(people, columns, label, notes)
        # (not for the Zoom file liftkit writes: its rooms and addresses, and no names)
        others = [c for c in columns if header_key(c) != "pre assign room name"]
        if table.by_address and others:
            notes.append(_by_address(label, table.names[0], others))
        notes.extend(_not_coming(table.not_coming, label, bool(people)))
        notes.extend(_left_out(table.absent, table.footers, label, bool(people)))
        warnings.extend(_meetings(people, columns, label))
    else:
        _refuse_chat_log(lines, label)
        refuse_unknown_table(lines, label)
        people, columns = parse_lines(lines, label), []
    if not people:
        raise LiftkitError(f"{label}: has a header row but no attendees", PEOPLE_HINT)
    one_name(people, per_join, label, names)
    kept = collapse_duplicates(people, label, warnings, notes, per_join)
    kept, bots = leave_out_bots(kept, label)
    notes.extend(bots)
    notes.extend(never_admitted(waiting, kept, label))
    gone = [p.name for p in kept if last.get(same_words(p.name))]
    return PeopleRead(kept, merged_warnings(warnings), columns, label, notes, gone)


CHAT_SAMPLE = 200  # lines


def _refuse_chat_log(lines: list[str], label: str) -> None:
    """A meeting's saved chat or transcript given as the attendee list (a QA export took a
    real Zoom chat for 87 people who joined, each message header a name): refused, with
    where it goes. It is one when its first lines read as one, most of them fitting."""
    # imported here: the chat readers cost liftkit groups 29 ms of start-up for files that
    # are mostly CSV tables, which never come this way
    from liftkit.core.chat import parse_lines as parse_chat_lines

    try:
        log = parse_chat_lines(lines[:CHAT_SAMPLE], label, [])
    except LiftkitError:
        return
    said = [message for message in log.messages if message.author]
    # one message will do when every line fits (a saved chat of one message was a person)
    if said and len(log.unmatched) * (4 if len(said) > 1 else 100) <= max(log.lines, 1):
        raise LiftkitError(
            f"{label}: a meeting's {log.layout_name}, not a list of attendees",
            "it goes into the event pack as a chat log; an attendee list is a participant "
            "report (CSV) or one name a line",
        )


# The first line that is not blank nor a comment, when it opens JSON or TOML
_STRUCTURED = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(\{|\[|[A-Za-z_][\w-]*[ \t]*=)")


def _refuse_liftkit_files(text: str, label: str) -> None:
    """An agenda, or the groups of an earlier split, given as the attendee list: said so,
    where they were read as one person a line ('title = "1-2-4-All"' a person)."""
    opening = _STRUCTURED.match(text.lstrip("\ufeff"))
    if opening is None:
        return
    try:
        data = json.loads(text) if opening.group(1) == "{" else tomllib.loads(text.lstrip("\ufeff"))
    except ValueError:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        return
    if not isinstance(data, dict):
        return
    if isinstance(data.get("segments"), list):
        raise LiftkitError(
            f"{label}: this is an agenda, not an attendee list",
            "run the agenda with liftkit run; an attendee list is a participant report (CSV) "
            "or one name a line",
        )
    if isinstance(data.get("rounds"), list):
        raise LiftkitError(
            f"{label}: this is a groups file (the split of an earlier run), not an attendee list",
            "give the attendee list, and this file as `previous` to keep its rooms apart",
        )


def _by_address(label: str, email: str, columns: list[str]) -> str:
    """The note for a table with addresses and no name column: a host who expects names on
    screen learns why addresses stand there, and how to have names."""
    shown = ", ".join(repr(c) for c in columns[:8]) + (", …" if len(columns) > 8 else "")
    return (f"{label}: no name column, so people are named by their address ({email!r}); "
            f"the other columns are {shown}: if one holds the names, rename it 'name'")  # fmt: skip


def _no_names(label: str, table: TableRead) -> LiftkitError:
    """Every row below the header taken for a total or a blank row: name the columns read
    as names (a Zoom report whose headers a script renamed: "Participants", a count, was
    read as names, and "NameOriginalName" was not)."""
    columns = " and ".join(repr(name) for name in table.names)
    read = "the columns read as names" if len(table.names) > 1 else "the column read as names"
    first, last = table.footers[0], table.footers[-1]
    many = f"the {len(table.footers)} rows below the header (lines {first} to {last}) have"
    rows = f"the row below the header (line {first}) has" if first == last else many
    return LiftkitError(f"{label}: no attendees: {rows} no name in {columns}, {read}", PEOPLE_HINT)


def present(read: PeopleRead) -> tuple[list[Person], list[str]]:
    """(people, names left out): those of a list read during the meeting who are still
    there, when it is a per-event report (Teams: a Joined row, then a Left row, for someone
    who left), which lists everyone who ever joined; everyone when fewer than two would be
    left (a report saved after the meeting, where everyone had left)."""
    here = read.present
    return here, (read.gone if len(here) < len(read.people) else [])


def left_note(label: str, gone: list[str]) -> str:
    """The note that names those present() left out."""
    get = "gets" if len(gone) == 1 else "get"
    return (f"{label}: {plural(len(gone), 'person', 'people')} had left the meeting (their "
            f"last row says so) and {get} no room: {some_named(gone)}")  # fmt: skip


def _first_round(
    people: list[Person], columns: list[str], label: str, notes: list[str]
) -> tuple[list[Person], list[str]]:
    """A CSV that `liftkit groups` wrote (round, group, name, email, …): its people once
    each, from the rows of its first round, without the old rounds and rooms."""
    first = people[0].attributes.get("round", "") if people else ""
    kept = [
        replace(p, attributes={k: v for k, v in p.attributes.items() if k not in _OLD})
        for p in people
        if p.attributes.get("round", "") == first
    ]
    if len(kept) < len(people):
        who = plural(len(kept), "person", "people")
        notes.append(
            f"{label}: a file of liftkit groups: read the {who} of round {first} once each "
            "(a CSV does not keep the rooms: the JSON of a split does)"
        )
    return kept, [c for c in columns if c not in _OLD]


_OLD = ("round", "group")


def _not_coming(states: Counter[tuple[str, str]], label: str, anyone: bool) -> list[str]:
    """One note for registrants whose registration says they are not coming."""
    if not states:
        return []
    registrants = plural(sum(states.values()), "registrant")
    columns = sorted({column for column, _ in states})
    marked = ", ".join(f"{count} {state}" for (_, state), count in states.most_common())
    where = f"{marked} in {' and '.join(repr(c) for c in columns)}"
    if not anyone:
        raise LiftkitError(
            f"{label}: every registrant is marked as not coming ({where})",
            "give the list of the people who are coming",
        )
    return [f"{label}: left out {registrants} marked as not coming ({where})"]


def _left_out(absent: int, footers: list[int], label: str, anyone: bool) -> list[str]:
    """One note for registrants who did not attend, one for rows that are no people."""
    notes = []
    if absent:
        registrants = plural(absent, "registrant")
        notes.append(f"{label}: left out {registrants} who did not attend (Attended = No)")
        if not anyone:
            raise LiftkitError(
                f"{label}: nobody attended ({registrants}, all with Attended = No)",
                "give the list of the people who are coming",
            )
    if footers:
        what = (
            "1 row that is not a person"
            if len(footers) == 1
            else (f"{len(footers)} rows that are not people")
        )
        where = "line" if len(footers) == 1 else "lines"
        notes.append(
            f"{label}: left out {what} (totals, counts, percentages or rows without a name: "
            f"{where} {line_ranges(footers)})"
        )
    return notes


def _meetings(people: list[Person], columns: list[str], label: str) -> list[str]:
    """A warning when the rows name more than one meeting: Zoom's report of a date range
    ("Topic", "ID", then each participant) holds every meeting of the range, one after the
    other, and a split of one call should not take in the people of another."""
    keys = {header_key(c): c for c in columns}
    column = next((keys[k] for k in SUMMARY_KEYS if k in keys), None)
    if column is None and "topic" in keys:
        column = keys.get("id")
    if column is None:
        return []
    topic = keys.get("topic")
    meetings: dict[str, tuple[str, int]] = {}  # by ID: its topic, people on its rows
    for person in people:
        key = person.attributes.get(column, "").strip()
        if key:
            name, count = meetings.get(key, (person.attributes.get(topic or "", "").strip(), 0))
            meetings[key] = (name, count + 1)
    if len(meetings) < 2:
        return []
    shown = "; ".join(
        f"{name or 'ID ' + key} ({plural(count, 'row')})"
        for key, (name, count) in list(meetings.items())[:3]
    )
    more = f" and {len(meetings) - 3} more" if len(meetings) > 3 else ""
    return [
        f"{label}: the report holds {len(meetings)} meetings ({shown}{more}); the people of "
        f"all of them are read. To take one meeting only, keep its rows ({column!r} column)"
    ]
