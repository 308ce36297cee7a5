"""`--previous`: the earlier plan's facilitators and the people it kept together or apart
hold in the rounds made from it, as a live reshuffle keeps those of its groups file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.model import Group, Round, Split, SplitRequest
from liftkit.core.groups.previous import match_person
from liftkit.core.groups.setup import Directory, all_columns
from liftkit.core.people.model import find_column
from liftkit.core.people.reader import Person
from liftkit.core.text import plural, same_words, some_named


def with_earlier_constraints(
    people: Sequence[Person], request: SplitRequest
) -> tuple[SplitRequest, list[str]]:
    """`request` with the constraints of its `previous` split that it does not give again:
    its facilitators (who facilitate in its rooms, and those its settings name), and its
    `together` and `apart` sets (from its settings: a JSON or TOML file, or the file a session
    ran with), each of those here, a set when two or more of it are. What the request gives
    adds to them. Its `balance` columns that this list has hold too when the request names
    none (a request naming columns chooses them). The notes say what was carried over."""
    previous = request.previous
    if previous is None:
        return request, []
    directory = Directory(people)

    def found(text: str) -> int | None:
        hits = directory.find(text)
        return hits[0] if len(hits) == 1 else None

    def asked(texts: Sequence[str]) -> list[set[int]]:
        sets = []
        for text in texts:
            try:
                sets.append(set(directory.many(text, "")))
            except LiftkitError:  # said once the split reads the request
                continue
        return sets

    def label(i: int) -> str:
        person = people[i]
        if person.email and len(directory.find(person.email)) == 1:
            return person.email
        return person.name

    leads: list[int] = []
    for rnd in previous.rounds:
        for group in rnd.groups:
            for member in group.facilitators:
                index = match_person(directory, member)
                if index is not None and index not in leads:
                    leads.append(index)
    for name in _listed(previous.settings.get("facilitators")):
        if (index := found(str(name))) is not None and index not in leads:
            leads.append(index)
    given = set().union(*asked(request.facilitators))
    new_leads = [i for i in leads if i not in given]

    def sets(key: str, given: Sequence[str]) -> list[list[int]]:
        have = asked(given)
        carried: list[list[int]] = []
        for names in _listed(previous.settings.get(key)):
            here = [found(str(n)) for n in _listed(names)]
            members = list(dict.fromkeys(i for i in here if i is not None))
            if len(members) >= 2 and set(members) not in have:
                have.append(set(members))
                carried.append(members)
        return carried

    together, apart = sets("together", request.together), sets("apart", request.apart)
    balance = _balance(people, request, previous)
    if not (new_leads or together or apart or balance):
        return request, []
    request = replace(
        request,
        balance=(*request.balance, *balance),
        facilitators=(*request.facilitators, *(label(i) for i in new_leads)),
        together=(*request.together, *(",".join(label(i) for i in s) for s in together)),
        apart=(*request.apart, *(",".join(label(i) for i in s) for s in apart)),
    )
    said = []
    if new_leads:
        said.append(
            f"{plural(len(new_leads), 'facilitator')} ("
            + some_named([people[i].name for i in new_leads]).replace("; ", ", ")
            + ")"
        )
    for key, kept in (("together", together), ("apart", apart)):
        if kept:
            pairs = "; ".join(" and ".join(people[i].name for i in s) for s in kept[:5])
            more = f"; and {len(kept) - 5} more" if len(kept) > 5 else ""
            said.append(f"{pairs}{more} kept {key}")
    if balance:
        said.append(f"balanced on {' and '.join(balance)}")
    note = (
        "kept from `previous`: " + "; ".join(said) + " (as its plan had them; "
        "`facilitators`, `together` and `apart` given here add to them, `balance` given here "
        "replaces its columns, `balance` none balances none)"
    )
    return request, [note]


def _balance(people: Sequence[Person], request: SplitRequest, previous: Split) -> list[str]:
    """The `balance` columns of `previous` that this list has (a call's report has those of
    the plan's people: liftkit.core.groups.previous), when the request names none."""
    if request.balance:
        return []
    columns = all_columns(people)
    found = (find_column(columns, str(c)) for c in _listed(previous.settings.get("balance")))
    return list(dict.fromkeys(c for c in found if c is not None))


def with_emails_now(
    people: Sequence[Person], previous: Split | None
) -> tuple[Split | None, list[str]]:
    """`previous` with the email of someone whose address changed since (a new job: Sam Lee
    was sam.lee@example.org, the list now says sam.lee@newjob.org) written as the list's,
    so that they are found there, keep their rooms and are kept from those they met: when
    one person of that name is in the list and one in `previous` (under one address or
    several, never two of the name in one round), its earlier addresses are not in the list
    and the list's is none of another's there. A note names them. Two people of one name
    with two emails in one list stay two people (liftkit.core.people.duplicates)."""
    if previous is None:
        return previous, []
    listed = {p.email.casefold() for p in people if p.email}
    here: dict[str, list[Person]] = {}
    for person in people:
        here.setdefault(same_words(person.name), []).append(person)
    earlier: dict[str, set[str]] = {}  # a name: its emails there ("" for none)
    twice: set[str] = set()  # names held by two people in one round: two people
    for rnd in previous.rounds:
        names = Counter(same_words(m.name) for g in rnd.groups for m in g.members)
        twice.update(name for name, times in names.items() if times > 1)
        for group in rnd.groups:
            for member in group.members:
                email = (member.email or "").casefold()
                earlier.setdefault(same_words(member.name), set()).add(email)
    known = {email for emails in earlier.values() for email in emails}
    new: dict[str, Person] = {}  # an earlier email: the person of the list it now is
    for name, emails in earlier.items():
        found = here.get(name, [])
        if name in twice or "" in emails or len(found) != 1 or not found[0].email:
            continue
        address = found[0].email.casefold()
        olds = emails - {address}
        if olds and not olds & listed and (address in emails or address not in known):
            new.update(dict.fromkeys(sorted(olds), found[0]))
    if not new:
        return previous, []

    def now(member: Person) -> Person:
        person = new.get((member.email or "").casefold())
        return replace(member, email=person.email) if person else member

    rounds = tuple(
        Round(rnd.number, tuple(
            Group(g.name, tuple(map(now, g.members)), tuple(map(now, g.facilitators)))
            for g in rnd.groups
        ))
        for rnd in previous.rounds
    )  # fmt: skip
    was = {(p.email or "").casefold(): p for r in previous.rounds for g in r.groups
            for p in g.members}  # fmt: skip
    named = [f"{p.name} <{p.email}> (was {was[old].email})" for old, p in new.items()]
    count = len({id(p) for p in new.values()})
    note = (
        f"{plural(count, 'person', 'people')} of `previous` with another email in the "
        f"list now, taken as the same {'person' if count == 1 else 'people'} by "
        f"name: {some_named(named)}; they keep their rooms and are kept from whom they met "
        "(if one is someone else of that name, tell them apart in the list, with a middle "
        "initial)"
    )
    return replace(previous, rounds=rounds), [note]


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else []
