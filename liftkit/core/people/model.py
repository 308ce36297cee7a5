"""An attendee as read from a file, the result of reading one, and how headers compare."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from liftkit.core.text import same_words


@dataclass(frozen=True)
class Person:
    """One attendee. `attributes` keeps every other column under its header as written."""

    name: str
    email: str | None = None
    attributes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    line: int = field(default=0, compare=False)  # where it was read, for messages
    host: bool = field(default=False, compare=False)  # marked "(Host)" in a participant report

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
    # names of people whose last row in a per-event report (Teams: Joined, Left) is a leave
    gone: list[str] = field(default_factory=list)

    @property
    def present(self) -> list[Person]:
        """`people` without those who had left (`gone`): who is in the meeting, when the list
        is a per-event report read during it, which lists everyone who ever joined. Everyone
        when fewer than two would be left (a report saved after the meeting, where everyone
        had left)."""
        gone = set(self.gone)
        here = [p for p in self.people if p.name not in gone]
        return here if len(here) >= 2 else list(self.people)


# A participant list or chat marks the host after the name: "(Host)", "(Co-host)", and in a
# Zoom report saved in another language "(Organizzatore)", "(Anfitrión)", "(Hôte)".
# The organizer of a meeting, as Teams and Zoom say it in their languages.
ORGANIZER = r"organi[sz]er|organizzatore|organizador|organisateur|organisator|organizator"
HOST_SUFFIX = re.compile(
    rf"\s*\((co-?\s?)?(host|{ORGANIZER}|anfitri[oó]n|anfitri[aã]o|h[oô]te|animateur)\)\s*$",
    re.IGNORECASE,
)


# "Sam Host (sam@x.org)": the host as Zoom's newer report names them above its table.
_NAME_AND_ADDRESS = re.compile(r"^(?P<name>.*?)\s*\((?P<email>[^()\s]+@[^()\s]+)\)\s*$")


@dataclass(frozen=True)
class MeetingHost:
    """The host a report names apart from their own row (its summary line, or a host column
    on every row): their row, often not marked "(Host)", is theirs by email, else by name."""

    name: str = ""
    email: str = ""

    @classmethod
    def of(cls, name: str, email: str) -> MeetingHost:
        found = _NAME_AND_ADDRESS.match(name.strip())
        if found:  # "Sam Host (sam@x.org)" in one cell
            name, email = found["name"], email or found["email"]
        email = email.strip().casefold()
        return cls(name.strip(), email if "@" in email else "")

    def matches(self, name: str, email: str | None) -> bool:
        if self.email and email:
            return email.strip().casefold() == self.email
        return bool(self.name) and same_words(name) == same_words(self.name)


def normalise_header(text: str) -> str:
    """`E-Mail_Address ` and `email address` compare equal; `e-mail` keeps its hyphen.

    A form's trailing `*` (required), `:` or `?` is dropped; a typographic apostrophe
    (`Heure d’arrivée`, as Zoom writes it in French) is a plain one.
    """
    text = text.strip().strip("\ufeff").casefold().replace("\u2019", "'")
    text = re.sub(r"[_\s]+", " ", text).rstrip(" *:?")
    return text.replace("e mail", "e-mail").strip()


def header_key(text: str) -> str:
    return normalise_header(text).replace("-", " ")


def column_hint(columns: Iterable[str], wanted: str, otherwise: str) -> str:
    """What to do about a column not found: the one column that holds `wanted` as a word
    ("sector" in Eventbrite's "Which sector do you work in?"), else `otherwise`."""
    word = re.compile(rf"(?<!\w){re.escape(wanted.strip())}(?!\w)", re.IGNORECASE)
    near = [column for column in columns if word.search(column)]
    if len(near) == 1:
        return f"did you mean '{near[0]}'? give its whole name, in quotes"
    return otherwise


def find_column(columns: Iterable[str], wanted: str) -> str | None:
    """The first of `columns` whose header matches `wanted` case-insensitively, or None."""
    target = header_key(wanted)
    for column in columns:
        if header_key(column) == target:
            return column
    return None


# The columns that may say a row is a host's: a registration's role or ticket type, and
# Teams' "Role" in the languages of its attendance report ("Função", "Rolle").
ROLE_COLUMNS = (
    "role", "attendee type", "ticket type", "type", "função", "rol", "rôle", "rolle", "ruolo",
    "rola",
)  # fmt: skip
# A host's role: "Host", "Co-host", "Event host", and Teams' attendance report's "Organizer"
# ("Co-organizer", "Organizador", "Mitorganisator", Polish "Organizator" and
# "Współorganizator"). The whole value, since a registration's
# Role column may hold a job such as "Community organiser" or "Community host liaison",
# which would leave that person out of the rooms and the pack.
HOST_ROLE = re.compile(
    rf"^\s*(event\s+|meeting\s+)?(co-?\s?)?(host|{ORGANIZER}|mitorganisator|współorganizator)s?\s*$",
    re.IGNORECASE,
)


def role_columns(people: Sequence[Person]) -> list[str]:
    """The columns of `people` that may give a role (ROLE_COLUMNS: "Role", Eventbrite's
    "Ticket type", …), in that order: host and facilitator alike are read from them."""
    columns = list(dict.fromkeys(header for person in people for header in person.attributes))
    found = (find_column(columns, wanted) for wanted in ROLE_COLUMNS)
    return list(dict.fromkeys(header for header in found if header is not None))


def roles(person: Person, columns: Sequence[str]) -> list[str]:
    """The values of `person` under the role columns `columns`."""
    return [person.attributes.get(column, "") for column in columns]


def hosts_among(people: Sequence[Person]) -> list[Person]:
    """The hosts and co-hosts among `people`: marked so by a participant report (`host`), named
    "Jo (Co-host)", or whose role says so (a Teams "Organizer", a registration's "Host")."""
    columns = role_columns(people)
    return [
        person
        for person in people
        if person.host
        or HOST_SUFFIX.search(person.name)
        or any(HOST_ROLE.search(role) for role in roles(person, columns))
    ]
