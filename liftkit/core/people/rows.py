"""One row of an attendee table as a person, and the rows that are not people: the totals,
counts and percentages that spreadsheets put under a table."""

from __future__ import annotations

import re
from collections.abc import Sequence

from liftkit.core.errors import LiftkitError
from liftkit.core.people.decode import CONTROL
from liftkit.core.people.layout import Layout
from liftkit.core.people.model import HOST_SUFFIX, MeetingHost, Person
from liftkit.core.text import line_ranges

_ORIGINAL_NAME = re.compile(r"^(?P<name>.*?)\s*\([^()]*\)$")
# A summary row's label, whole ("Total", "Percentage:", "Absent 4") in the languages of the
# headers, or at its start ("number of Absentees", "Total attendees", "Nombre de présents").
_FOOTER_WORDS = (
    "total|totals|grand total|subtotal|sum|count|percentage|percent|average|mean|present|"
    "absent|presentees|absentees|totale|gesamt|summe|anzahl|insgesamt|pourcentage|porcentaje|"
    "percentagem|porcentagem|percentuale|prozent|aantal|totaal|promedio|moyenne|durchschnitt|"
    "gemiddelde|media"
)
_FOOTER_PREFIXES = (
    r"number of|no\.? of|count of|total (?:number|count|no\.?)?|percentage of|% of|"
    r"n(?:ú|u)mero de|nombre de|nombre total|anzahl (?:der )?|aantal|totale|gesamtzahl"
)
_FOOTER = re.compile(
    rf"^(?:(?:{_FOOTER_WORDS})\s*[:=]?\s*[\d.,%\s]*|(?:{_FOOTER_PREFIXES})\b.*)$", re.IGNORECASE
)

# A phone caller, whom Zoom names by their number ("+44 20 7946 0958", "14155550123"): a
# leading +, or 7 digits or more, with spaces, dashes, dots or brackets between them.
_PHONE = re.compile(r"^\+?[\d\s().-]+$")
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[.-]\d{1,2}[.-]\d{2,4}$")


def phone_number(name: str) -> bool:
    """Whether a name is a phone number: a person who dialled in, not a count."""
    digits = sum(ch.isdigit() for ch in name)
    if not _PHONE.match(name) or _DATE.match(name) or digits < 3:
        return False
    return name.startswith("+") or digits >= 7


def filled(cells: Sequence[str]) -> bool:
    return any(c.strip() for c in cells)


def cell(cells: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return clean(cells[index])


def clean(text: str) -> str:
    text = " ".join(CONTROL.sub(" ", text).split())
    # A cell that liftkit (or a careful spreadsheet) wrote as "'=…" to keep it from running
    # as a formula: the apostrophe is not part of the value.
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def usable(name: str) -> bool:
    return any(ch.isalnum() for ch in name)


def row_name(cells: Sequence[str], layout: Layout) -> str:
    """The name a row gives (its name, else first and last name, else its account), or ""."""
    name = _name_cell(cells, layout, layout.name)
    if not usable(name):
        name = " ".join(p for p in (cell(cells, layout.first), cell(cells, layout.last)) if p)
    if not usable(name):
        name = _name_cell(cells, layout, layout.account)
    return name if usable(name) else ""


def footer_kind(cells: Sequence[str], layout: Layout) -> str | None:
    """Why a row is no person: "summary" for a total, count or percentage, "blank" for a
    row with neither a name nor an email; None for a person (a row with an email but no
    name is a person missing a name: an error).

    A row is a summary by its name cell ("Total", "57", "45%"), or by a label such as
    "Total" or "number of Absentees" in its first column when its name cell is empty: a
    first column of its own (a status "Present", "Absent") says nothing of a row that has
    a name."""
    name = row_name(cells, layout)
    if name:
        if _FOOTER.match(name) or not (any(ch.isalpha() for ch in name) or phone_number(name)):
            return "summary"
        return None
    email = cell(cells, layout.email)
    if "@" in email:
        return None
    columns = (layout.name, layout.first, layout.last, layout.account, layout.email)
    if 0 not in columns and _FOOTER.match(cell(cells, 0)):
        return "summary"
    return None if email else "blank"


def person_from_cells(
    cells: Sequence[str], layout: Layout, line: int, label: str, warnings: list[str]
) -> Person:
    name = row_name(cells, layout)
    if not name:
        raise no_name_error(label, line)
    email = email_or_warning(cell(cells, layout.email), line, label, warnings)
    attributes = {key: cell(cells, i) for i, key in layout.attributes}
    host = layout.name in layout.original_names and bool(
        HOST_SUFFIX.search(cell(cells, layout.name))
    )
    if layout.meeting_email is not None or layout.meeting_host is not None:
        # the host's own row of a report "with meeting data": their address is the meeting's
        meeting = MeetingHost.of(
            cell(cells, layout.meeting_host), cell(cells, layout.meeting_email)
        )
        host = host or meeting.matches(name, email)
    return Person(name, email, attributes, line, host)


def no_name_error(label: str, line: int) -> LiftkitError:
    return LiftkitError(
        f"{label}: line {line}: no usable name in this row", "fill in the name or delete the row"
    )


def _name_cell(cells: Sequence[str], layout: Layout, index: int | None) -> str:
    """The name in a cell; in Zoom's "Name (Original Name)" column, the name before the
    original name in parentheses ("Grace Hopper (Grace H)", "Ada Lovelace (Host)")."""
    text = cell(cells, index)
    if index in layout.original_names:
        match = _ORIGINAL_NAME.match(text)
        if match and usable(match["name"]):
            return match["name"]
    return text


def email_or_warning(text: str, line: int, label: str, warnings: list[str]) -> str | None:
    """The email a cell gives (`ada@x.org`, `<ada@x.org>`, `Ada <ada@x.org>`, `mailto:…`),
    without the characters that show as nothing; None, with a warning naming the line, for
    one that cannot be an address."""
    text = _INVISIBLE.sub("", text).strip()
    named = _NAMED_ADDRESS.match(text)
    if named:
        text = named["address"]
    text = text.strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    if not text or text.casefold() in _NO_ADDRESS:
        return None
    problem = address_problem(text)
    if problem:
        warnings.append(
            f"{label}: line {line}: {text!r} is not an email address ({problem}); "
            "the person is kept without it"
        )
        return None
    return text


# What a sheet holds for "no address": the person has none, and no warning is due.
_NO_ADDRESS = frozenset(
    ("n/a", "na", "n.a.", "-", "--", "—", "–", "none", "nil", "null", "no email", "unknown",
     "tbc", "tba", "not given", "not known", "not applicable", "?")
)  # fmt: skip
# One value on many lines ("EMAIL" where a publisher blanked the addresses, "pending"): one
# warning for all of its lines.
_BAD_ADDRESS = re.compile(
    r"^(?P<label>.*): line (?P<line>\d+): (?P<rest>'.*' is not an email address .*)$"
)


def merged_warnings(warnings: list[str]) -> list[str]:
    """The warnings, those about the same bad address on several lines made one."""
    lines: dict[tuple[str, str], list[int]] = {}
    order: list[str | tuple[str, str]] = []
    for warning in warnings:
        match = _BAD_ADDRESS.match(warning)
        if match is None:
            order.append(warning)
            continue
        key = (match["label"], match["rest"])
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append(int(match["line"]))
    out = []
    for item in order:
        if isinstance(item, str):
            out.append(item)
            continue
        (label, rest), numbers = item, lines[item]
        if len(numbers) > 1:
            rest = rest.replace("the person is kept", f"the {len(numbers)} people are kept")
        where = f"line {numbers[0]}" if len(numbers) == 1 else f"lines {line_ranges(numbers)}"
        out.append(f"{label}: {where}: {rest}")
    return out


# Characters that show as nothing, pasted in with an address: zero-width spaces and joiners,
# direction marks, a byte order mark, a soft hyphen. (A no-break space is whitespace: an
# address's ends are stripped of it like of a space.)
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# "Tim Lee <tim@x.org>": a name and the address in angle brackets.
_NAMED_ADDRESS = re.compile(r"^[^<>@]*<(?P<address>[^<>]*)>$")


def address_problem(text: str) -> str | None:
    """Why `text` cannot be one email address, or None."""
    ats = text.count("@")
    if ats > 1 and any(c in text for c in ",; "):
        return "several addresses in one cell: give one"
    if ats == 0:
        return "no @"
    if ats > 1:
        return "more than one @"
    if any(c.isspace() for c in text):
        return "a space inside"
    if any(c in text for c in ",;<>"):
        return f"a {next(c for c in text if c in ',;<>')!r} inside"
    local, domain = text.split("@")
    if not local:
        return "nothing before the @"
    if not domain:
        return "nothing after the @"
    if domain.endswith(".") or domain.startswith(".") or ".." in domain:
        return "a dot out of place after the @"
    if "." not in domain:
        return "no dot after the @"
    return None
