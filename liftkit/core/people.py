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

NAME_COLUMNS = (
    "name",
    "full name",
    "fullname",
    "display name",
    "attendee name",
    "participant name",
    "user name",
    "username",
    "name (original name)",
    "user name (original name)",
)
FIRST_NAME_COLUMNS = ("first name", "firstname", "given name", "forename")
LAST_NAME_COLUMNS = ("last name", "lastname", "surname", "family name")
EMAIL_COLUMNS = (
    "email",
    "email address",
    "e-mail",
    "e-mail address",
    "user email",
    "attendee email",
    "participant email",
)
DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_LINES = 40  # a Zoom report preamble is about ten lines
PEOPLE_HINT = (
    "give a CSV with a 'name' column (or 'first name' and 'last name'), "
    "or a text file with one name a line"
)


def counted(count: int, one: str, many: str | None = None) -> str:
    """`1 group`, `3 groups`, `1 person`, `2 people`: a count and its noun in agreement."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


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


def normalise_header(text: str) -> str:
    """`E-Mail_Address ` and `email address` compare equal; `e-mail` keeps its hyphen."""
    text = text.strip().strip("\ufeff").casefold()
    text = re.sub(r"[_\s]+", " ", text)
    return text.replace("e mail", "e-mail").strip()


def find_column(columns: Iterable[str], wanted: str) -> str | None:
    """The first of `columns` whose header matches `wanted` case-insensitively, or None."""
    target = normalise_header(wanted).replace("-", " ")
    for column in columns:
        if normalise_header(column).replace("-", " ") == target:
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
    if header is not None:
        index, delimiter = header
        people, columns = _parse_csv(lines, index, delimiter, label, warnings)
    else:
        _refuse_nameless_table(lines, label)
        people, columns = _parse_lines(lines, label), []
    if not people:
        raise LiftkitError(f"{label}: has a header row but no attendees", PEOPLE_HINT)
    return PeopleRead(_collapse_duplicates(people, label, warnings), warnings, columns, label)


# --- CSV --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """Which columns hold the name and email; the rest are attributes."""

    name: int | None
    first: int | None
    last: int | None
    email: int | None
    attributes: tuple[tuple[int, str], ...]


def _layout(cells: Sequence[str]) -> _Layout | None:
    normal = [normalise_header(c) for c in cells]

    def first_of(names: Sequence[str]) -> int | None:
        for wanted in names:
            if wanted in normal:
                return normal.index(wanted)
        return None

    name, first, last = (
        first_of(NAME_COLUMNS),
        first_of(FIRST_NAME_COLUMNS),
        first_of(LAST_NAME_COLUMNS),
    )
    if name is None and first is None:
        return None
    email = first_of(EMAIL_COLUMNS)
    used = {i for i in (name, first, last, email) if i is not None}
    attributes: list[tuple[int, str]] = []
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
    return _Layout(name, first, last, email, tuple(attributes))


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
            if _layout(cells) is not None and (best is None or len(cells) > best[0]):
                best = (len(cells), delimiter)
        if best is not None:
            if best[0] == 1 and seen > 1:
                continue  # a lone word "Name" inside a text list is a person, not a header
            return index, best[1]
    return None


def _refuse_nameless_table(lines: Sequence[str], label: str) -> None:
    """A CSV without a name column must not be read as a list of one-line people."""
    first = next(line for line in lines if line.strip())
    for delimiter in DELIMITERS:
        cells = _split_line(first, delimiter)
        normal = [normalise_header(c) for c in cells]
        if len(cells) > 1 and any(c in EMAIL_COLUMNS for c in normal):
            shown = ", ".join(c.strip() for c in cells if c.strip())
            raise LiftkitError(
                f"{label}: line {lines.index(first) + 1}: no name column among: {shown}",
                "add a 'name' column, or 'first name' and 'last name'",
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
) -> tuple[list[Person], list[str]]:
    """People from the header at `index` on; a later header row starts a new section.

    Zoom reports hold several sections ("Host Details", "Attendee Details"), each a title
    row and its own header; every section with a name column contributes its people.
    """
    body = "\n".join(lines[index:])
    records = [(n, cells) for n, cells in _records(body, delimiter, label, index) if _filled(cells)]
    people: list[Person] = []
    columns: list[str] = []
    layout: _Layout | None = None
    header_cells: list[str] = []
    for position, (line, cells) in enumerate(records):
        new_layout = _layout(cells)
        if new_layout is not None:
            layout, header_cells = new_layout, cells
            columns.extend(name for _, name in layout.attributes if name not in columns)
            continue
        following = records[position + 1][1] if position + 1 < len(records) else []
        if sum(1 for c in cells if c.strip()) == 1 and _layout(following) is not None:
            continue  # a section title such as "Attendee Details"
        assert layout is not None
        if len(cells) > len(header_cells) and _filled(cells[len(header_cells) :]):
            warnings.append(
                f"{label}: line {line}: {len(cells)} fields but the header has "
                f"{len(header_cells)}; the extra fields are ignored (a comma inside a name "
                "needs quotes)"
            )
        people.append(_person_from_cells(cells, layout, line, label, warnings))
    return people, columns


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
    name = _cell(cells, layout.name)
    if not _usable(name):
        name = " ".join(p for p in (_cell(cells, layout.first), _cell(cells, layout.last)) if p)
    if not _usable(name):
        raise LiftkitError(
            f"{label}: line {line}: no usable name in this row",
            "fill in the name or delete the row",
        )
    email = _email(_cell(cells, layout.email), line, label, warnings)
    attributes = {key: _cell(cells, i) for i, key in layout.attributes}
    return Person(name, email, attributes, line)


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


def _collapse_duplicates(people: list[Person], label: str, warnings: list[str]) -> list[Person]:
    """Same email (any case), or same name when either has no email: keep the first.

    The first keeps its position; an email or attributes it lacks are filled from the later.
    """
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
    return kept
