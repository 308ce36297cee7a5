"""The arguments of liftkit's functions as a script gives them.

They are checked before any work, so that a wrong type or a doubled person is a
LiftkitError naming the argument, never a TypeError (or a RuntimeError) from deep inside.
"""

from __future__ import annotations

import dataclasses
import operator
import os
import reprlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, SupportsIndex

from liftkit.core.errors import LiftkitError
from liftkit.core.people.duplicates import own_ticket
from liftkit.core.people.model import Person
from liftkit.core.text import escaped, same_words

if TYPE_CHECKING:
    from liftkit.core.groups.model import Round, Split
    from liftkit.core.people.reader import PeopleRead
    from liftkit.core.report import Report


class _Excerpt(reprlib.Repr):
    """A value as a message shows it: its type and its start, never the whole of it (a
    PeopleRead of 100,000 people passed where a list goes was a message of 10 MB)."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxlist, self.maxtuple, self.maxdict = 3, 2, 2, 2
        self.maxstring, self.maxother = 40, 40

    def repr_bytes(self, x: bytes, level: int) -> str:
        return repr(x[: self.maxstring]) + ("..." if len(x) > self.maxstring else "")

    def repr_instance(self, x: object, level: int) -> str:
        if dataclasses.is_dataclass(x) and not isinstance(x, type):
            fields = dataclasses.fields(x)
            if level <= 0 or not fields:
                return f"{type(x).__name__}(...)"
            first = fields[0].name
            inner = f"{first}={self.repr1(getattr(x, first), level - 1)}"
            return f"{type(x).__name__}({inner}{', ...' if len(fields) > 1 else ''})"
        if x is None or isinstance(x, os.PathLike | SupportsIndex | float | complex):  # short
            return super().repr_instance(x, level)
        return f"<{type(x).__name__}>"  # its repr may be of any size: not made


def shown(value: object) -> str:
    """`value` as a message names it, on one line and short: `'4'`, `[1]`, `None`,
    `PeopleRead(people=[Person(name='Ada', ...), ...], ...)`, `<generator>`."""
    text = _Excerpt().repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def whole_number(value: object, field: str) -> int | None:
    """`value` if it is None or an int (not a bool); else an error naming `field`."""
    if value is None:
        return None
    if isinstance(value, SupportsIndex) and not isinstance(value, bool):
        return operator.index(value)  # an int, or one such as numpy's int64
    raise LiftkitError(
        f"`{field}` {shown(value)}: not a whole number", f"give `{field}` as an int, e.g. 4"
    )


def items(value: str | Sequence[str] | None, field: str) -> tuple[str, ...]:
    """A sequence of texts; one text alone is one item (`balance="sector"`), None none."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    listed = tuple(value) if isinstance(value, Iterable) else None  # a generator, read once
    if listed is None or not all(isinstance(item, str) for item in listed):
        raise LiftkitError(
            f"`{field}` {shown(value)}: not a list of text", f"give `{field}` as text"
        )
    return listed


def groups_of_names(value: str | Sequence[str | Sequence[str]], field: str) -> tuple[str, ...]:
    """`apart` or `together`: each item a group of names, as "Name,Name" or a sequence of
    names; one "Name,Name" text alone is one group; None none."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        raise LiftkitError(
            f"`{field}` {shown(value)}: not a list of names", f'give `{field}` as ["Name,Name"]'
        )
    return tuple(item if isinstance(item, str) else ",".join(items(item, field)) for item in value)


def people_list(people: Iterable[Person | str]) -> list[Person]:
    """Person objects or plain names as Person objects, each person once."""
    if isinstance(people, str) or not isinstance(people, Iterable):
        raise LiftkitError(
            f"`people` {shown(people)}: not a list of people",
            "give what read_attendees returned, or a list of names or Person objects",
        )
    persons: list[Person] = []
    by_email: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for number, item in enumerate(people, 1):
        person = Person(item) if isinstance(item, str) else item
        if (
            not isinstance(person, Person)
            or not isinstance(person.name, str)
            or not person.name.strip()
        ):
            raise LiftkitError(
                f"`people` item {number} ({shown(item)}): not a name or a Person",
                "give each person as a name or as a Person from read_attendees",
            )
        _check_person(person, number)
        # The same person as read_attendees finds them: the same email (unless each holds a
        # ticket of one order), or the same name where either has no email. It keeps them
        # once; here the script lists them again.
        earlier = by_email.get(person.email.casefold()) if person.email else None
        if earlier is not None and own_ticket(person, persons[earlier]):
            earlier = None
        address = (person.email or "").casefold()
        for index in by_name.get(same_words(person.name), []) if earlier is None else []:
            if not address or (persons[index].email or "").casefold() in ("", address):
                earlier = index
                break
        if earlier is not None:
            raise LiftkitError(
                f"`people` item {number} ({person.label}): repeats item {earlier + 1} "
                f"({persons[earlier].label})",
                "list each person once",
            )
        if person.email:
            by_email.setdefault(person.email.casefold(), len(persons))
        by_name.setdefault(same_words(person.name), []).append(len(persons))
        persons.append(person)
    if not persons:
        raise LiftkitError("`people` is empty: no one to split", "give at least one person")
    return persons


def _check_person(person: Person, number: int) -> None:
    """A Person a script made itself holds what a file would: an email and columns of text."""
    where = f"`people` item {number} ({person.name})"
    if person.email is not None and not isinstance(person.email, str):
        raise LiftkitError(
            f"{where}: email {shown(person.email)} is not text", "give the email as text, or None"
        )
    attributes: object = person.attributes
    if not isinstance(attributes, Mapping):
        raise LiftkitError(
            f"{where}: attributes {shown(attributes)}: not a table of columns",
            'give attributes as a dict of column to text, e.g. {"sector": "Health"}',
        )
    for column, value in attributes.items():
        if not isinstance(column, str) or not isinstance(value, str):
            raise LiftkitError(
                f"{where}: attribute {shown(column)} {shown(value)}: not text",
                "give each column and its value as text, as an attendee file holds them",
            )


def a_path(value: object, field: str, kind: str = "file") -> Path:
    """`value` as a Path if it is text or a path; else an error naming `field`, asking for
    the path of a `kind` ("file", or "folder": a session)."""
    if isinstance(value, str) and not value.strip():  # Path("") is ".": "is a folder"
        raise LiftkitError(
            f"`{field}` {shown(value)}: is empty", f"give `{field}` as a {kind} path"
        )
    if isinstance(value, (str, os.PathLike)):
        return Path(value)
    raise LiftkitError(
        f"`{field}` {shown(value)}: not a path", f"give `{field}` as a {kind} path, text or a Path"
    )


def a_source(value: object, field: str) -> str | Path:
    """A file to read, checked as `a_path` checks it, kept as the text the script gave: only
    the exact text "-" is standard input, and "./-" (which Path turns into "-") the file."""
    path = a_path(value, field)
    return value if isinstance(value, str) else path


def attendee_list(value: object, field: str) -> PeopleRead | None:
    """An attendee list given as a path (read here) or as what read_attendees returned; None
    stays None."""
    from liftkit.core.people.reader import PeopleRead, read_people

    if value is None or isinstance(value, PeopleRead):
        return value
    if not isinstance(value, str | os.PathLike):
        raise LiftkitError(
            f"`{field}` {shown(value)}: not an attendee list",
            f"give `{field}` as a file path, or the PeopleRead of read_attendees",
        )
    return read_people(a_source(value, field))


def text_or_bytes(value: object, field: str) -> str | bytes:
    """`value` if it is text or bytes (a file's contents); else an error naming `field`."""
    if isinstance(value, (str, bytes)):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise LiftkitError(
        f"`{field}` {shown(value)}: not text", f"give `{field}` as text or bytes: a file's contents"
    )


def yes_or_no(value: object, field: str) -> bool:
    """`value` if it is True or False: "no" from a settings file is not taken as yes."""
    if isinstance(value, bool):
        return value
    raise LiftkitError(f"`{field}` {shown(value)}: not True or False", f"give `{field}` as a bool")


def one_text(value: object, field: str, example: str = "a column name") -> str | None:
    """`value` if it is None or text; else an error naming `field`."""
    if value is None or isinstance(value, str):
        return value
    raise LiftkitError(
        f"`{field}` {shown(value)}: not text", f"give `{field}` as text, e.g. {example}"
    )


def source_name(source: object, default: str) -> str:
    """The name a text is read under in messages: `source`, or `default` when None."""
    return one_text(source, "source", "the file name") or default


def a_report(report: object) -> Report:
    """`report` if it is a Report; else an error naming the argument."""
    from liftkit.core.report import Report

    if isinstance(report, Report):
        return report
    raise LiftkitError(f"`report` {shown(report)}: not a report", "give the Report of build_report")


def checked_split(split: object, field: str, also: str = "") -> Split:
    """A Split as split_groups makes it, checked: one a script built may hold no rounds,
    plain names for people, or one person in two rooms of a round. Names become people of
    that name (without an email); what no groups file could hold is an error naming
    `field`, its round and room; `also` adds to the hint what else `field` takes."""
    from liftkit.core.groups.model import Group, Round, Score, Split

    hint = f"give the Split of split_groups{also}, or Split(rounds, score) of Round and Group"
    if not isinstance(split, Split):
        raise LiftkitError(f"`{field}` {shown(split)}: not a split", hint)
    if not isinstance(split.score, Score):
        raise LiftkitError(f"`{field}`: score {shown(split.score)} is not a Score", hint)
    if not isinstance(split.rounds, Sequence) or not split.rounds:
        raise LiftkitError(f"`{field}`: has no rounds", hint)
    rounds: list[Round] = []
    for r, rnd in enumerate(split.rounds, 1):
        where = f"`{field}` round {r}"
        if not isinstance(rnd, Round):
            raise LiftkitError(f"{where} {shown(rnd)}: not a Round", hint)
        number: object = rnd.number
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise LiftkitError(
                f"{where}: number {shown(number)} is not a whole number from 1", hint
            )
        if rounds and number != rounds[-1].number + 1:  # "round 5 (rounds 2 to 3)"
            raise LiftkitError(
                f"{where}: number {number} does not follow round {r - 1}'s number "
                f"{rounds[-1].number}",
                f"number the rounds one after another: {rounds[-1].number + 1} for round {r}",
            )
        if not isinstance(rnd.groups, Sequence) or not rnd.groups:
            raise LiftkitError(f"{where}: has no rooms", hint)
        groups = []
        for g, group in enumerate(rnd.groups, 1):
            if not isinstance(group, Group):
                raise LiftkitError(f"{where} room {g} {shown(group)}: not a Group", hint)
            name: object = group.name
            if not isinstance(name, str) or not name.strip():
                raise LiftkitError(f"{where} room {g}: name {shown(name)} is no room name", hint)
            room = f"{where} room {g} ({shown(name)})"
            members = _room_people(group.members, room, "member")
            groups.append(
                Group(name, members, _room_people(group.facilitators, room, "facilitator"))
            )
        rounds.append(Round(number, tuple(groups)))
        _each_once(rounds[-1], field)
    return dataclasses.replace(split, rounds=tuple(rounds))


def _each_once(rnd: Round, field: str) -> None:
    """One person in one room of the round: the same name and email (or none) twice is one
    person twice; tickets of one order (one buyer's email, two names) are two people."""
    seen: dict[tuple[str, str], str] = {}
    for group in rnd.groups:
        for person in group.members:
            key = (same_words(person.name), (person.email or "").casefold())
            if key in seen:
                raise LiftkitError(
                    f"`{field}`: round {rnd.number}: {escaped(person.label)} is in both "
                    f"{escaped(seen[key])} and {escaped(group.name)}",
                    "each person belongs in one group per round",
                )
            seen[key] = group.name


def _room_people(people: object, where: str, what: str) -> tuple[Person, ...]:
    """The members (or facilitators) of a room a script built: Person objects or names."""
    if isinstance(people, str) or not isinstance(people, Sequence):
        raise LiftkitError(
            f"{where}: {what}s {shown(people)}: not a list of people",
            f"give the {what}s as a tuple of Person objects or names",
        )
    persons = []
    for number, item in enumerate(people, 1):
        person = Person(item.strip()) if isinstance(item, str) else item
        if (
            not isinstance(person, Person)
            or not isinstance(person.name, str)
            or not person.name.strip()
        ):
            raise LiftkitError(
                f"{where}: {what} {number} ({shown(item)}): not a name or a Person",
                f"give each {what} as a name or as a Person",
            )
        persons.append(person)
    return tuple(persons)
