"""Plain-text attendee lists: one person a line, optionally `Name <email>` or `Name, email`,
or a bare address; an address list pasted from a mail client's To line; `#` starts a
comment."""

from __future__ import annotations

import re
from collections.abc import Sequence

from liftkit.core.errors import LiftkitError
from liftkit.core.people.headers import EMAIL_KEYS
from liftkit.core.people.layout import DELIMITERS
from liftkit.core.people.model import Person, header_key
from liftkit.core.people.rows import clean, email_or_warning, usable

_ANGLE = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]*)>\s*$")
# An email address standing alone or in a list; what `email_or_warning` checks further.
_ADDRESS = re.compile(r"[^\s<>@,;\"']+@[^\s<>@,;\"']+\.[^\s<>@,;\"']+")
_QUOTED = re.compile(r'"[^"]*"|<[^<>]*>')
_QUOTED_OR_SEPARATOR = re.compile(r'"[^"]*"|<[^<>]*>|[,;]')


def _entries(line: str) -> list[tuple[str, str]]:
    """(name, email) of each person on a line: one, or each of an address list pasted from a
    mail client's To line (`Ada <ada@x.org>; Lovelace, Grace <grace@x.org>` from Outlook,
    `"Hopper, Grace" <grace@x.org>, alan@x.org` from Gmail). A bare address names its
    person: a list of addresses is what Zoom pre-assigns rooms by."""
    if len(_ADDRESS.findall(line)) < 2:
        return [_one_entry(line)]
    separator = ";" if ";" in _QUOTED.sub("", line) else ","  # ; outside quotes: Outlook's
    parts = _split_outside(line, separator)
    return [_one_entry(part) for part in parts if part.strip()]


def _one_entry(text: str) -> tuple[str, str]:
    text = text.strip()
    match = _ANGLE.match(text)
    if match:
        return (match["name"] or match["email"]), match["email"]
    if _ADDRESS.fullmatch(text):
        return text, text
    return _name_and_email(text)


def _split_outside(line: str, separator: str) -> list[str]:
    """`line` split at each `separator` outside quotes and angle brackets."""
    parts, start = [], 0
    for piece in _QUOTED_OR_SEPARATOR.finditer(line):
        if piece.group() == separator:
            parts.append(line[start : piece.start()])
            start = piece.end()
    return [*parts, line[start:]]


def _name_and_email(line: str) -> tuple[str, str]:
    """`Ada Lovelace, ada@example.org` (or with ; or a tab) is a name and an email."""
    for delimiter in DELIMITERS:
        parts = [part.strip() for part in line.split(delimiter)]
        if len(parts) == 2:
            for name, email in (parts, parts[::-1]):
                if "@" in email and " " not in email and "@" not in name:
                    return name, email
    return line, ""


def parse_lines(lines: Sequence[str], label: str) -> list[Person]:
    people: list[Person] = []
    warnings: list[str] = []
    first = next((i for i, raw in enumerate(lines) if raw.strip()), 0)
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if number == first + 1 and header_key(line) in EMAIL_KEYS:
            continue  # the header of a column of addresses ("Email"), as a sheet saves it
        for name, email_text in _entries(line):
            name = clean(name.strip().strip('"').strip("'"))
            if not usable(name):
                hint = "write it as Name <email>" if "@" in line else "give a name on each line"
                raise LiftkitError(f"{label}: line {number}: no usable name", hint)
            email = email_or_warning(email_text, number, label, warnings)
            people.append(Person(name, email, {}, number))
    if warnings:
        message = warnings[0].replace("; the person is kept without it", "")
        raise LiftkitError(message, "write it as Name <email>")
    return people
