"""People who share a name, told apart where rooms are listed.

An attendee list may hold two people of one name (two "Sam Lee"s of two organisations, with
their own emails): reading it keeps both (liftkit.core.people.duplicates). Wherever rooms
are listed by name (the rooms view, `f`, the event pack's groups), each of them is named
with what tells them apart: their organisation, from the list's organisation column, else
their email where it may be shown ("Sam Lee (NHS Trust)", "Sam Lee <slee@council.example>").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from liftkit.core.people.model import Person, find_column
from liftkit.core.people.rows import address_problem
from liftkit.core.text import same_words

# The columns that name someone's organisation, in registration forms and spreadsheets.
ORGANISATION_COLUMNS = (
    "organisation", "organization", "organisation name", "organization name", "company",
    "company name", "employer", "institution", "affiliation", "org",
)  # fmt: skip


def names_apart(people: Iterable[Person], emails: bool = True) -> dict[Person, str]:
    """How to name each of `people` whose name another of them shares, so that they are told
    apart: "Sam Lee (NHS Trust)" when the organisation column gives them different values,
    else, with `emails` (not on a screen shared with the call, nor in a published pack),
    "Sam Lee <slee@council.example>". Others are not in the result: their name says who."""
    by_name: dict[str, list[Person]] = {}
    for person in dict.fromkeys(people):
        by_name.setdefault(same_words(person.name), []).append(person)
    named: dict[Person, str] = {}
    for alike in by_name.values():
        if len(alike) < 2:
            continue
        column = _organisation_column(alike)
        orgs = [" ".join(p.attributes.get(column, "").split()) if column else "" for p in alike]
        for person, org in zip(alike, orgs, strict=True):
            if org and sum(same_words(o) == same_words(org) for o in orgs) == 1:
                named[person] = f"{person.name} ({org})"
            elif emails and person.email:
                named[person] = f"{person.name} <{person.email}>"
    return named


def _organisation_column(people: list[Person]) -> str | None:
    columns = list(dict.fromkeys(header for person in people for header in person.attributes))
    found = (find_column(columns, wanted) for wanted in ORGANISATION_COLUMNS)
    return next((column for column in found if column is not None), None)


# A name that is an email address or a phone number: a list of addresses alone, or a Zoom
# caller named by the number they dialled in from.
_NUMBER = re.compile(r"^\+?[\d ().-]{7,24}$")


def for_audience(name: str) -> str:
    """A name as a screen shared with the call shows it: an email address as the part
    before the "@" (`grace.private@…`), a phone number as its last four digits (`phone
    ending 0958`), also inside a name (`Ada Lovelace (ada.lovelace@…)`, `Dan Brown (phone
    ending 0123)`); a QA pass found a list of addresses shown whole on the audience's view,
    then `Bob Smith <bob.smith@corp.example>` shown whole there."""
    address = name.strip().strip("<>").strip()
    if "@" in address and address_problem(address) is None:  # as an email cell is read
        return f"{address.split('@')[0]}@…"
    if _NUMBER.match(name.strip()):
        digits = [c for c in name if c.isdigit()]
        if len(digits) >= 7:
            return f"phone ending {''.join(digits[-4:])}"
    cut = _ADDRESS_IN.sub(r"\1@…", name) if "@" in name else name
    return _NUMBER_IN.sub(_phone, cut)


# An address inside a name ("Grace (grace@navy.example)"), its part before the "@" kept;
# a number inside one ("Dan Brown (+44 7700 900123)"), of 7 digits or more.
_ADDRESS_IN = re.compile(r"([\w.+-]+)@[\w-]+(?:\.[\w-]+)+")
_NUMBER_IN = re.compile(r"\+?\d[\d ().-]{5,22}\d")


def _phone(found: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", found.group())
    return f"phone ending {digits[-4:]}" if len(digits) >= 7 else found.group()


@lru_cache(maxsize=4096)  # a big chat's 100,000s of quotes come from a few hundred people
def for_pack(name: str) -> str:
    """A name as a published pack shows it: as the screen shared with the call does (an
    address as `grace.hopper@…`, a number as `phone ending 0123`, inside a name too); a QA
    pass found a room published as "grace.hopper@navy.example; +44 7700 900123; Katherine
    Johnson"."""
    return for_audience(name)
