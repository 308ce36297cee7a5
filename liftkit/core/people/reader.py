"""Attendee lists: CSV exports (Zoom, Eventbrite, Teams, spreadsheets) or plain text.

A CSV file has a header row. The name comes from a `name` / `full name` column, or from
`first name` + `last name`; the email from `email` / `email address`; every other column is
kept as an attribute under its header as written. Headers match case-insensitively, and
`_`, `-` and repeated spaces count as one space. Lines before the header (the report
preamble that Zoom writes) are skipped.

A plain-text file has one person a line, optionally `Name <email>` (or `Name, email`); `#`
starts a comment.

UTF-8 with or without BOM (also UTF-16 with a BOM; Windows-1252 as a fallback, with a
warning), comma, semicolon or tab delimiters, quoted fields and blank lines are all read.
Duplicates collapse into the first occurrence with a warning naming both lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from liftkit.core.errors import LiftkitError
from liftkit.core.files import read_input
from liftkit.core.text import plural

# Header spellings of Zoom (registration, participant and webinar reports), Eventbrite, Tito,
# Microsoft Teams attendance reports, Google Forms and spreadsheets, matched as normalised.
NAME_COLUMNS = (
    "name",
    "full name",
    "fullname",
    "your name",
    "display name",
    "attendee name",
    "attendee full name",
    "participant name",
    "registrant name",
    "guest name",
    "ticket full name",
    "name (original name)",
)
FIRST_NAME_COLUMNS = (
    "first name",
    "firstname",
    "given name",
    "forename",
    "attendee first name",
    "ticket first name",
)
LAST_NAME_COLUMNS = (
    "last name",
    "lastname",
    "surname",
    "family name",
    "attendee last name",
    "ticket last name",
)
# Words that are also the values of a role column ("Attendee"): a name header only on the
# first line of a file.
ROLE_NAME_COLUMNS = ("attendee", "attendees", "participant", "participants")
# An account name: the name only when a row gives no other (Zoom webinar reports carry both
# "User Name (Original Name)" and the registration's first and last name).
ACCOUNT_NAME_COLUMNS = ("user name (original name)", "user name", "username")
EMAIL_COLUMNS = (
    "email",
    "email address",
    "e-mail",
    "e-mail address",
    "mail",
    "user email",
    "attendee email",
    "participant email",
    "registrant email",
    "guest email",
    "ticket email",
    "registration email",
)
# Columns of a meeting's summary line (Zoom's report preamble), never of an attendee table.
SUMMARY_COLUMNS = ("meeting id", "webinar id")
DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_LINES = 40  # a Zoom report preamble is about ten lines
PEOPLE_HINT = (
    "give a CSV with a 'name' column (or 'first name' and 'last name'), "
    "or a text file with one name a line"
)
NAME_COLUMN_HINT = (
    "name a column 'name' or 'full name', or two columns 'first name' and 'last name'"
)


@dataclass(frozen=True)
class Person:
    """One attendee. `attributes` keeps every other column under its header as written."""

    name: str
    email: str | None = None
    attributes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    line: int = field(default=0, compare=False)  # where it was read, for messages

    def attribute(self, column: str) -> str:
        """The value under `column` (matched like headers are), or "" when absent."""
        key = find_column(self.attributes, column)
        return self.attributes.get(key, "") if key is not None else ""

    @property
    def label(self) -> str:
        """The name, with the email when there is one: how messages refer to a person."""
        return f"{self.name} <{self.email}>" if self.email else self.name


@dataclass(frozen=True)
class PeopleRead:
    """The result of reading an attendee file."""

    people: list[Person]
    warnings: list[str]
    columns: list[str] = field(default_factory=list)  # attribute headers, in file order
    source: str = ""
    notes: list[str] = field(default_factory=list)  # what was left out on purpose, and why


def normalise_header(text: str) -> str:
    """`E-Mail_Address ` and `email address` compare equal; `e-mail` keeps its hyphen.

    A form's trailing `*` (required), `:` or `?` is dropped.
    """
    text = text.strip().strip("\ufeff").casefold()
    text = re.sub(r"[_\s]+", " ", text).rstrip(" *:?")
    return text.replace("e mail", "e-mail").strip()


def _header_key(text: str) -> str:
    return normalise_header(text).replace("-", " ")


def find_column(columns: Iterable[str], wanted: str) -> str | None:
    """The first of `columns` whose header matches `wanted` case-insensitively, or None."""
    target = _header_key(wanted)
    for column in columns:
        if _header_key(column) == target:
            return column
    return None


def read_people(path: str | Path, stdin: IO[Any] | None = None) -> PeopleRead:
    """Read attendees from a file, or from `stdin` when path is `-`.

    Raises LiftkitError (exit 2) naming the file and line for anything it cannot read.
    """
    label = "stdin" if str(path) == "-" else str(path)
    if str(path) == "-":
        if stdin is None:
            import sys

            stdin = sys.stdin
        raw: bytes | str = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
    else:
        raw = _read_bytes(Path(path))
    warnings: list[str] = []
    text = _checked(raw, label) if isinstance(raw, str) else decode_text(raw, label, warnings)
    return parse_people(text, label, warnings)


def _read_bytes(path: Path) -> bytes:
    return read_input(path, "an attendee list", "check the path to the attendee list")


def decode_text(data: bytes, label: str, warnings: list[str]) -> str:
    """Bytes to text, refusing binary files with a message that says what to do."""
    if data.startswith(b"PK\x03\x04"):
        raise LiftkitError(
            f"{label}: looks like a spreadsheet workbook (.xlsx), not a text file",
            "save it as CSV (CSV UTF-8) and try again",
        )
    utf16 = _utf16_encoding(data)
    if utf16 is not None:
        try:
            return _checked(data.decode(utf16).lstrip("\ufeff"), label)
        except UnicodeDecodeError:
            raise LiftkitError(
                f"{label}: not a text file (it looks like UTF-16 but does not decode as UTF-16)",
                "save it again as CSV UTF-8",
            ) from None
    try:
        return _checked(data.decode("utf-8-sig"), label)
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if not text or _odd_symbols(text) * 20 > len(text):
        raise LiftkitError(
            f"{label}: not a text file (byte {bad} is not UTF-8)",
            "save it as CSV UTF-8 or plain text",
        )
    text = _checked(text, label)
    line = data.count(b"\n", 0, bad) + 1
    warnings.append(
        f"{label}: not UTF-8 (line {line}); read as Windows-1252, "
        "check the accents or save it as CSV UTF-8"
    )
    return text


def _utf16_encoding(data: bytes) -> str | None:
    """UTF-16 by its byte-order mark, or without one by its zero bytes: Latin text in UTF-16
    has a zero in every other byte (at odd positions for little-endian, as Windows writes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[: min(len(data), 128) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) * 4 >= len(zeros) * 3 and others.count(0) == 0:
            return encoding
    return None


# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# What a Windows-1252 name list holds beyond ASCII: letters, and a little punctuation.
_WINDOWS_PUNCTUATION = frozenset("’‘“”–—…•·€£\u00a0")


def _checked(text: str, label: str) -> str:
    """Text with more than one control character in a hundred is binary data, not a list.

    A stray NUL in a long export (Zoom writes them) is tolerated; names drop it.
    """
    controls = len(_CONTROL.findall(text))
    if controls * 100 > len(text):
        raise LiftkitError(
            f"{label}: not a text file (it holds binary data)",
            "give the attendee list as CSV or plain text",
        )
    return text


def _odd_symbols(text: str) -> int:
    """Characters beyond ASCII that are neither letters nor common punctuation: random bytes
    read as Windows-1252 are full of them (¤ ¦ ¨ ± ¾ ‡), real names hardly ever."""
    return sum(
        1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in _WINDOWS_PUNCTUATION
    )


def parse_people(
    text: str, label: str = "attendees", warnings: list[str] | None = None
) -> PeopleRead:
    """Parse the text of an attendee file (CSV with a header, or one person a line)."""
    warnings = [] if warnings is None else warnings
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise LiftkitError(f"{label}: is empty, no attendees found", PEOPLE_HINT)
    header = _find_header(lines)
    notes: list[str] = []
    per_join: set[int] = set()
    if header is not None:
        index, delimiter = header
        people, columns, absent, per_join = _parse_csv(lines, index, delimiter, label, warnings)
        if absent:
            registrants = plural(absent, "registrant")
            notes.append(f"{label}: left out {registrants} who did not attend (Attended = No)")
            if not people:
                raise LiftkitError(
                    f"{label}: nobody attended ({registrants}, all with Attended = No)",
                    "give the list of the people who are coming",
                )
    else:
        _refuse_unknown_table(lines, label)
        people, columns = _parse_lines(lines, label), []
    if not people:
        raise LiftkitError(f"{label}: has a header row but no attendees", PEOPLE_HINT)
    kept = _collapse_duplicates(people, label, warnings, notes, per_join)
    return PeopleRead(kept, warnings, columns, label, notes)


# --- CSV --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """Which columns hold the name and email; the rest are attributes."""

    name: int | None
    first: int | None
    last: int | None
    account: int | None  # a user name: the name only when the row gives no other
    email: int | None
    attended: int | None  # Zoom webinar reports: "No" for registrants who did not come
    per_join: bool  # one row per join (Zoom's reports): the same person again is a rejoin
    original_names: frozenset[int]  # "Grace H (Grace Hopper)": Zoom's current and original
    attributes: tuple[tuple[int, str], ...]
    unnamed: frozenset[str]  # attributes named "column N" for a lack of a header


def _keys(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(_header_key(name) for name in names)


_NAME_KEYS, _ROLE_NAME_KEYS, _FIRST_KEYS, _LAST_KEYS, _ACCOUNT_KEYS, _EMAIL_KEYS = map(
    _keys,
    (NAME_COLUMNS, ROLE_NAME_COLUMNS, FIRST_NAME_COLUMNS, LAST_NAME_COLUMNS,
     ACCOUNT_NAME_COLUMNS, EMAIL_COLUMNS),
)  # fmt: skip
_SUMMARY_KEYS = _keys(SUMMARY_COLUMNS)


def _layout(cells: Sequence[str], first_line: bool = False) -> _Layout | None:
    # Every name header holds one of these words: a quick no for the rows of a long file.
    if not any(
        "name" in folded or "attendee" in folded or "participant" in folded
        for folded in (cell.casefold() for cell in cells)
    ):
        return None
    keys = [_header_key(c) for c in cells]

    def first_of(wanted: Sequence[str]) -> int | None:
        for key in wanted:
            if key in keys:
                return keys.index(key)
        return None

    if first_of(_SUMMARY_KEYS) is not None:
        return None
    name, first, last, account = (
        first_of(_NAME_KEYS + (_ROLE_NAME_KEYS if first_line else ())),
        first_of(_FIRST_KEYS),
        first_of(_LAST_KEYS),
        first_of(_ACCOUNT_KEYS),
    )
    if name is None and first is None and account is None:
        return None
    email = first_of(_EMAIL_KEYS)
    used = {i for i in (name, first, last, account, email) if i is not None}
    attributes: list[tuple[int, str]] = []
    unnamed: set[str] = set()
    seen: set[str] = set()
    for i, cell in enumerate(cells):
        if i in used:
            continue
        header = cell.strip().strip("\ufeff") or f"column {i + 1}"
        key, n = header, 2
        while normalise_header(key) in seen:
            key, n = f"{header} ({n})", n + 1
        seen.add(normalise_header(key))
        attributes.append((i, key))
        if not cell.strip().strip("\ufeff"):
            unnamed.add(key)
    original = frozenset(i for i, key in enumerate(keys) if key.endswith("(original name)"))
    attended = keys.index("attended") if "attended" in keys else None
    per_join = "join time" in keys
    return _Layout(
        name, first, last, account, email, attended, per_join, original, tuple(attributes),
        frozenset(unnamed),
    )  # fmt: skip


def _split_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _find_header(lines: Sequence[str]) -> tuple[int, str] | None:
    """The first line (within the preamble allowance) that names a name column."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_SEARCH_LINES:
            return None
        best: tuple[int, str] | None = None
        for delimiter in DELIMITERS:
            cells = _split_line(line, delimiter)
            layout = _layout(cells, first_line=seen == 1)
            if layout is not None and (best is None or len(cells) > best[0]):
                best = (len(cells), delimiter)
        if best is not None:
            if best[0] == 1 and seen > 1:
                continue  # a lone word "Name" inside a text list is a person, not a header
            return index, best[1]
    return None


def _refuse_unknown_table(lines: Sequence[str], label: str) -> None:
    """A table without a name column must not be read as a list of one-line people.

    It is a table when its first line splits into cells and most lines split into as many;
    but `Ada Lovelace, ada@example.org` (an email) and `Lovelace, Ada` (a comma and a space)
    are the plain-text forms of one person a line.
    """
    numbered = [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not numbered:
        return
    number, first = numbered[0]
    for delimiter in DELIMITERS:
        cells = _split_line(first, delimiter)
        if len(cells) < 2 or any("@" in cell for cell in cells):
            continue
        keys = [_header_key(cell) for cell in cells]
        has_email = any(key in keys for key in _EMAIL_KEYS)
        if delimiter == "," and len(cells) == 2 and cells[1][:1] == " " and not has_email:
            continue
        alike = sum(1 for _, line in numbered if len(_split_line(line, delimiter)) == len(cells))
        if has_email or alike * 2 > len(numbered):
            shown = ", ".join(c.strip() for c in cells[:12] if c.strip())
            more = f" and {len(cells) - 12} more" if len(cells) > 12 else ""
            raise LiftkitError(
                f"{label}: line {number}: no name column among: {shown}{more}", NAME_COLUMN_HINT
            )


def _records(text: str, delimiter: str, label: str, offset: int) -> Iterator[tuple[int, list[str]]]:
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


def _parse_csv(
    lines: Sequence[str], index: int, delimiter: str, label: str, warnings: list[str]
) -> tuple[list[Person], list[str], int, set[int]]:
    """People from the header at `index` on, the attribute columns, how many registrants did
    not attend, and the lines of rows that are joins; a later header row starts a new section.

    Zoom reports hold several sections ("Host Details", "Attendee Details"), each a title
    row and its own header; every section with a name column contributes its people. Teams
    attendance reports number their sections ("1. Summary", "2. Participants", "3. In-Meeting
    Activities", one row per join): only the participants are read.
    """
    body = "\n".join(lines[index:])
    records = [(n, cells) for n, cells in _records(body, delimiter, label, index) if _filled(cells)]
    teams = _numbered_section(_split_line(_line_before(lines, index), delimiter)) in PARTICIPANTS
    header_cells = records[0][1]
    layout = _layout(header_cells, first_line=not any(line.strip() for line in lines[:index]))
    assert layout is not None
    columns = [name for _, name in layout.attributes]
    unnamed = set(layout.unnamed)
    people: list[Person] = []
    per_join: set[int] = set()
    reading = True
    absent = 0
    for position, (line, cells) in enumerate(records):
        if position == 0:
            continue
        section = _numbered_section(cells) if teams else None
        if section is not None:
            reading = section in PARTICIPANTS
            continue
        if not reading:
            continue
        new_layout = _layout(cells)
        if new_layout is not None:
            layout, header_cells = new_layout, cells
            columns.extend(name for _, name in layout.attributes if name not in columns)
            unnamed |= layout.unnamed
            continue
        following = records[position + 1][1] if position + 1 < len(records) else None
        if _section_title(cells, layout, following):
            continue
        if len(cells) > len(header_cells) and _filled(cells[len(header_cells) :]):
            warnings.append(
                f"{label}: line {line}: {len(cells)} fields but the header has "
                f"{len(header_cells)}; the extra fields are ignored (a comma inside a name "
                "needs quotes)"
            )
        if layout.attended is not None and _cell(cells, layout.attended).casefold() == "no":
            absent += 1
            continue
        people.append(_person_from_cells(cells, layout, line, label, warnings))
        if layout.per_join:
            per_join.add(line)
    # Zoom pads its lines with commas: columns with neither a header nor a value are nothing.
    empty = {key for key in unnamed if not any(p.attributes.get(key) for p in people)}
    if empty:
        columns = [c for c in columns if c not in empty]
        people = [_without_attributes(person, empty) for person in people]
    return people, columns, absent, per_join


def _without_attributes(person: Person, keys: set[str]) -> Person:
    kept = {k: v for k, v in person.attributes.items() if k not in keys}
    return Person(person.name, person.email, kept, person.line)


PARTICIPANTS = ("participants", "attendees")
_NUMBERED = re.compile(r"^\d{1,2}\.\s*(\S.*)$")


def _line_before(lines: Sequence[str], index: int) -> str:
    return next((line for line in reversed(lines[:index]) if line.strip()), "")


def _numbered_section(cells: Sequence[str]) -> str | None:
    """`participants` for a Teams section title such as "2. Participants", else None."""
    filled = [c.strip() for c in cells if c.strip()]
    match = _NUMBERED.match(filled[0]) if len(filled) == 1 else None
    return match[1].casefold() if match else None


def _section_title(cells: Sequence[str], layout: _Layout, following: list[str] | None) -> bool:
    """A row with a single cell filled, such as "Attendee Details" before its header row, or
    Zoom's "Other Attended" closing the file with nobody under it."""
    filled = [i for i, c in enumerate(cells) if c.strip()]
    if len(filled) != 1:
        return False
    if following is not None and _layout(following) is not None:
        return True
    names = (layout.name, layout.first, layout.last, layout.account, layout.email)
    return filled == [0] and 0 not in names and following is None


def _filled(cells: Sequence[str]) -> bool:
    return any(c.strip() for c in cells)


def _cell(cells: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return _clean(cells[index])


def _clean(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _person_from_cells(
    cells: Sequence[str], layout: _Layout, line: int, label: str, warnings: list[str]
) -> Person:
    name = _name_cell(cells, layout, layout.name)
    if not _usable(name):
        name = " ".join(p for p in (_cell(cells, layout.first), _cell(cells, layout.last)) if p)
    if not _usable(name):
        name = _name_cell(cells, layout, layout.account)
    if not _usable(name):
        raise LiftkitError(
            f"{label}: line {line}: no usable name in this row",
            "fill in the name or delete the row",
        )
    email = _email(_cell(cells, layout.email), line, label, warnings)
    attributes = {key: _cell(cells, i) for i, key in layout.attributes}
    return Person(name, email, attributes, line)


_ORIGINAL_NAME = re.compile(r"^(?P<name>.*?)\s*\([^()]*\)$")


def _name_cell(cells: Sequence[str], layout: _Layout, index: int | None) -> str:
    """The name in a cell; in Zoom's "Name (Original Name)" column, the name before the
    original name in parentheses ("Grace Hopper (Grace H)", "Ada Lovelace (Host)")."""
    text = _cell(cells, index)
    if index in layout.original_names:
        match = _ORIGINAL_NAME.match(text)
        if match and _usable(match["name"]):
            return match["name"]
    return text


def _usable(name: str) -> bool:
    return any(ch.isalnum() for ch in name)


def _email(text: str, line: int, label: str, warnings: list[str]) -> str | None:
    text = text.strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not text:
        return None
    if "@" not in text or " " in text:
        warnings.append(f"{label}: line {line}: {text!r} is not an email address; left out")
        return None
    return text


# --- plain text -------------------------------------------------------------------------

_ANGLE = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]*)>\s*$")


def _name_and_email(line: str) -> tuple[str, str]:
    """`Ada Lovelace, ada@example.org` (or with ; or a tab) is a name and an email."""
    for delimiter in DELIMITERS:
        parts = [part.strip() for part in line.split(delimiter)]
        if len(parts) == 2:
            for name, email in (parts, parts[::-1]):
                if "@" in email and " " not in email and "@" not in name:
                    return name, email
    return line, ""


def _parse_lines(lines: Sequence[str], label: str) -> list[Person]:
    people: list[Person] = []
    warnings: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _ANGLE.match(line)
        name, email_text = (match["name"], match["email"]) if match else _name_and_email(line)
        name = _clean(name.strip().strip('"').strip("'"))
        if not _usable(name):
            hint = "write it as Name <email>" if "@" in line else "give a name on each line"
            raise LiftkitError(f"{label}: line {number}: no usable name", hint)
        people.append(Person(name, _email(email_text, number, label, warnings), {}, number))
    if warnings:
        raise LiftkitError(warnings[0].replace("; left out", ""), "write it as Name <email>")
    return people


# --- duplicates -------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _collapse_duplicates(
    people: list[Person],
    label: str,
    warnings: list[str],
    notes: list[str],
    per_join: set[int],
) -> list[Person]:
    """Same email (any case), or same name when either has no email: keep the first.

    The first keeps its position; an email or attributes it lacks are filled from the later.
    In a report with one row per join (`per_join` lines), the same person again rejoined:
    one note for all of them rather than a warning each.
    """
    rejoined: list[str] = []
    kept: list[Person] = []
    by_email: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for person in people:
        index: int | None = None
        if person.email:
            index = by_email.get(person.email.casefold())
        if index is None:
            for candidate in by_name.get(_name_key(person.name), []):
                if not person.email or not kept[candidate].email:
                    index = candidate
                    break
        if index is None:
            kept.append(person)
            if person.email:
                by_email[person.email.casefold()] = len(kept) - 1
            by_name.setdefault(_name_key(person.name), []).append(len(kept) - 1)
            continue
        first = kept[index]
        if person.line in per_join and first.line in per_join:
            if first.name not in rejoined:
                rejoined.append(first.name)
        else:
            warnings.append(
                f"{label}: line {person.line}: {person.label} duplicates line {first.line} "
                f"({first.label}); kept once"
            )
        merged_attributes = dict(first.attributes)
        for key, value in person.attributes.items():
            if not merged_attributes.get(key):
                merged_attributes[key] = value
        email = first.email or person.email
        kept[index] = Person(first.name, email, merged_attributes, first.line)
        if email and not first.email:
            by_email[email.casefold()] = index
    if rejoined:
        shown = ", ".join(rejoined[:5]) + (", …" if len(rejoined) > 5 else "")
        who = plural(len(rejoined), "person", "people")
        notes.append(f"{label}: {who} joined more than once ({shown}); each is kept once")
    return kept
