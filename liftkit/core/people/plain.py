"""Plain-text attendee lists: one person a line, optionally `Name <email>` or `Name, email`;
`#` starts a comment."""

from __future__ import annotations

import re
from collections.abc import Sequence

from liftkit.core.errors import LiftkitError
from liftkit.core.people.layout import DELIMITERS
from liftkit.core.people.model import Person
from liftkit.core.people.rows import clean, email_or_warning, usable

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


def parse_lines(lines: Sequence[str], label: str) -> list[Person]:
    people: list[Person] = []
    warnings: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _ANGLE.match(line)
        name, email_text = (match["name"], match["email"]) if match else _name_and_email(line)
        name = clean(name.strip().strip('"').strip("'"))
        if not usable(name):
            hint = "write it as Name <email>" if "@" in line else "give a name on each line"
            raise LiftkitError(f"{label}: line {number}: no usable name", hint)
        people.append(
            Person(name, email_or_warning(email_text, number, label, warnings), {}, number)
        )
    if warnings:
        message = warnings[0].replace("; the person is kept without it", "")
        raise LiftkitError(message, "write it as Name <email>")
    return people
