"""Duplicates in an attendee list: the same email, or the same name without an email."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from liftkit.core.errors import LiftkitError
from liftkit.core.people.blank import PLACEHOLDER_ROWS
from liftkit.core.people.headers import TICKET_ID_KEYS
from liftkit.core.people.joins import Spans
from liftkit.core.people.model import HOST_SUFFIX, Person, header_key
from liftkit.core.text import line_ranges, one_line, plural, same_words


def collapse_duplicates(
    people: list[Person],
    label: str,
    warnings: list[str],
    notes: list[str],
    per_join: set[int],
) -> list[Person]:
    """Same email (any case), or same name when either has no email: keep the first.

    The first keeps its position; an email or attributes it lacks are filled from the later.
    In a report with one row per join (`per_join` lines), the same person again rejoined:
    one note for all of them rather than a warning each; but a row of the same name without
    an email in the call while the other was (its join and leave times overlap) is someone
    else, kept, with a note.
    """
    rejoined: list[str] = []
    kept: list[Person] = []
    by_email: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    sharing: dict[str, list[str]] = {}  # an email: the names of the ticket holders with it
    spans = Spans(people, per_join)
    repeats: list[tuple[Person, Person]] = []  # (a row, the one it repeats)
    at_once: dict[str, list[int]] = {}  # a name: the lines of its rows in the call at once
    for person in people:
        index: int | None = None
        if person.email:
            index = by_email.get(person.email.casefold())
        if index is not None and own_ticket(person, kept[index]):
            # one order's tickets, each its holder's: the same email, two people; unless
            # this holder's row came before (a rejoin)
            alike = by_name.get(same_words(person.name), [])
            address = person.email.casefold() if person.email else ""
            index = next((i for i in alike if (kept[i].email or "").casefold() == address), None)
            if index is None:
                sharing.setdefault(address, [kept[by_email[address]].name]).append(person.name)
                spans.add(person, len(kept))
                kept.append(person)
                by_name.setdefault(same_words(person.name), []).append(len(kept) - 1)
                continue
        if index is None:
            for candidate in by_name.get(same_words(person.name), []):
                if person.email and kept[candidate].email:
                    continue
                if not spans.at_once(person, candidate):
                    index = candidate
                    break
                lines = at_once.setdefault(same_words(person.name), [kept[candidate].line])
                lines.append(person.line)
        if index is None:
            spans.add(person, len(kept))
            kept.append(person)
            if person.email:
                by_email[person.email.casefold()] = len(kept) - 1
            by_name.setdefault(same_words(person.name), []).append(len(kept) - 1)
            continue
        first = kept[index]
        spans.add(person, index)
        if person.line in per_join and first.line in per_join:
            if first.name not in rejoined:
                rejoined.append(first.name)
        else:
            repeats.append((person, first))
        merged_attributes = dict(first.attributes)
        for key, value in person.attributes.items():
            if not merged_attributes.get(key):
                merged_attributes[key] = value
        email = first.email or person.email
        host = first.host or person.host  # Zoom marks the host's every row
        kept[index] = replace(first, email=email, attributes=merged_attributes, host=host)
        if email and not first.email:
            by_email[email.casefold()] = index
    warnings.extend(_repeated(repeats, label))
    if sharing:
        holders = "; ".join(f"{', '.join(names)} ({at})" for at, names in sharing.items())
        notes.append(
            f"{label}: people on tickets of their own share an email, and each is kept: {holders}"
        )
    if rejoined:
        who = plural(len(rejoined), "person", "people")
        notes.append(f"{label}: {who} joined more than once ({_some(rejoined)}); each is kept once")
    if at_once:
        kept = _numbered(kept, at_once)
        notes.append(_at_once_note(label, at_once, kept))
    shared = [
        kept[ids[0]].name for key, ids in by_name.items() if len(ids) > 1 and key not in at_once
    ]
    if shared:  # two people of one name, or one person with two emails: the host can tell
        names = plural(len(shared), "name is", "names are")
        notes.append(
            f"{label}: {names} shared by people with different emails ({_some(shared)}); "
            "all are kept, told apart by organisation where theirs differ, else by email on "
            "your screen only"
        )
    return kept


# More rows that repeat someone than this are one warning, not one each
MANY_REPEATS = 3


def _repeated(repeats: list[tuple[Person, Person]], label: str) -> list[str]:
    """A warning for each row that repeats an earlier one; one for them all when many."""
    if len(repeats) > MANY_REPEATS:
        lines = line_ranges(sorted(person.line for person, _ in repeats)).split(", ")
        where = ", ".join(lines[:6]) + (", …" if len(lines) > 6 else "")
        names = _some(list(dict.fromkeys(first.label for _, first in repeats)))
        return [
            f"{label}: lines {where}: {len(repeats)} rows repeat someone on an earlier line "
            f"({names}); each is kept once: if some are different people, give each their "
            "email or tell their names apart"
        ]
    out = []
    for person, first in repeats:
        differ = _differing(person.attributes, first.attributes)
        out.append(
            f"{label}: line {person.line}: {person.label} duplicates line {first.line} "
            f"({first.label}); kept once"
            + (f", though {differ}: if they are two people, give each their email or "
               "tell their names apart" if differ else "")
        )  # fmt: skip
    return out


def one_name(people: list[Person], per_join: set[int], label: str, names: list[str]) -> None:
    """Refuse a list whose rows name one person on most of them (a form's "Anonymous" on
    every answer): it would be one person. `names` are the name columns of a table, if any;
    a report's rejoins (lines in `per_join`) are one person's rows."""
    rows = [p for p in people if p.line not in per_join] if per_join else people
    # (names are read with their spaces made one: case aside, they compare as written)
    counts = Counter(p.name.casefold() for p in rows)
    if not counts:
        return
    key, most = counts.most_common(1)[0]
    if most < PLACEHOLDER_ROWS or most * 2 <= len(rows):
        return
    lines = line_ranges([p.line for p in rows if p.name.casefold() == key]).split(", ")
    where = ", ".join(lines[:4]) + (", …" if len(lines) > 4 else "")
    name = next(p.name for p in rows if p.name.casefold() == key)
    if names:
        column = " and ".join(repr(n) for n in names)
        raise LiftkitError(
            f"{label}: lines {where}: {most} of the {len(rows)} rows give one name, {name!r}, "
            f"in {column}: they would be one person",
            "fill in each person's name, or head the column that holds them 'name'",
        )
    raise LiftkitError(
        f"{label}: lines {where}: {most} of the {len(rows)} lines are one name, {name!r}: "
        "they would be one person",
        "give each person's own name, one a line",
    )


def _numbered(kept: list[Person], at_once: dict[str, list[int]]) -> list[Person]:
    """Rows of one name in the call at once, without an email, named apart by number in the
    list's order ("iPhone", "iPhone (2)"): two people of one name and no email could not be
    told apart in the groups file written from them, nor by anything else that reads it."""
    taken = {same_words(p.name) for p in kept}
    seen: Counter[str] = Counter()
    out = []
    for person in kept:
        key = same_words(person.name)
        if key in at_once and not person.email:
            seen[key] += 1
            if seen[key] > 1:
                number = seen[key]
                while same_words(f"{person.name} ({number})") in taken:
                    number += 1  # "iPhone (2)" is someone's own name already
                person = replace(person, name=f"{person.name} ({number})")
                taken.add(same_words(person.name))
        out.append(person)
    return out


def _at_once_note(label: str, at_once: dict[str, list[int]], kept: list[Person]) -> str:
    named: dict[str, list[str]] = {}
    for person, key in zip(kept, _keys(kept, at_once), strict=True):
        if key is not None:
            named.setdefault(key, []).append(person.name)
    shown = "; ".join(
        f"{' and '.join(named[key])} (lines {line_ranges(sorted(set(lines)))})"
        for key, lines in list(at_once.items())[:5]
    ) + ("; …" if len(at_once) > 5 else "")
    return (
        f"{label}: rows of one name were in the call at the same time, so each is a person "
        f"of its own, numbered in the list's order: {shown}; rename them in the list to name "
        "them yourself"
    )


def _keys(kept: list[Person], at_once: dict[str, list[int]]) -> list[str | None]:
    """The name each person of `kept` shared with others in the call at once, else None."""
    lines = {line: key for key, found in at_once.items() for line in found}
    return [lines.get(person.line) for person in kept]


def renamed_apart(
    people: list[Person], written: dict[int, str], label: str, notes: list[str]
) -> list[Person]:
    """People of one name in a Zoom report whose original names differ, named as the report
    writes them: "Sam (iPhone)" and "Sam (Sam Patel)" both renamed themselves Sam, and
    are two people, where the name before the brackets alone made them one. `written` holds
    the name cell by line where it differs from the name read; "(Host)" is no original name.
    """
    if not written:
        return people
    by_name: dict[str, list[int]] = {}
    for i, person in enumerate(people):
        by_name.setdefault(same_words(person.name), []).append(i)
    renamed: dict[int, str] = {}
    for ids in by_name.values():
        for i in ids:
            text = written.get(people[i].line)
            if text is not None and any(_two(people[i], people[j], written) for j in ids):
                renamed[i] = text
    if not renamed:
        return people
    shown = sorted(dict.fromkeys(renamed.values()), key=same_words)
    notes.append(
        f"{label}: {plural(len(shown), 'person', 'people')} renamed in the meeting to a name "
        "someone else has: each is kept, named with the original name in brackets as the "
        "report writes it: "
        + "; ".join(shown[:5]) + ("; …" if len(shown) > 5 else "")
    )  # fmt: skip
    return [replace(p, name=renamed[i]) if i in renamed else p for i, p in enumerate(people)]


def _two(one: Person, other: Person, written: dict[int, str]) -> bool:
    """Whether two rows of one name are two people by their original names (unless one
    email says they are one)."""
    if one.email and other.email and one.email.casefold() == other.email.casefold():
        return False
    return _original(one, written) != _original(other, written)


def _original(person: Person, written: dict[int, str]) -> str:
    text = written.get(person.line)
    if text is None or HOST_SUFFIX.search(text):
        return same_words(person.name)
    return same_words(text[text.rindex("(") + 1 : -1])


def own_ticket(person: Person, first: Person) -> bool:
    """Whether two rows of one email are two people: each with a per-ticket id ("Attendee
    #", "Ticket Reference"), the two differing, and two names."""
    if same_words(person.name) == same_words(first.name):
        return False
    column = next((c for c in person.attributes if header_key(c) in TICKET_ID_KEYS), None)
    if column is None:
        return False
    mine, theirs = person.attributes.get(column, "").strip(), first.attributes.get(column, "")
    return bool(mine and theirs.strip()) and mine != theirs.strip()


def _differing(later: dict[str, str], first: dict[str, str]) -> str:
    """The columns (two at most) two rows of one name fill differently, as said in a
    warning: an event's table plan with two Ciara Nolans of two companies, and no emails,
    lost one of them with no word of why that may be wrong."""
    differ = [
        f"{key} differs ({one_line(value)!r} here, {one_line(first[key])!r} there)"
        for key, value in later.items()
        if value.strip() and first.get(key, "").strip()
        and same_words(value) != same_words(first[key])
    ]  # fmt: skip
    return " and ".join(differ[:2]) + (" and more" if len(differ) > 2 else "")


def _some(names: list[str]) -> str:
    return ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
