"""The parts of the pack drawn from the attendee file and the people named as hosts: who
joined (count, breakdowns, example roles and organisations), registration answers, and the
hosts, who are never quoted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from liftkit.core.agenda.model import Agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.people.model import HOST_SUFFIX, column_hint, hosts_among
from liftkit.core.people.names import name_key
from liftkit.core.report.model import NOT_GIVEN, Answers, Attendance, ReportOptions, breakdown
from liftkit.core.text import one_line, plural, same_value, same_words

EXAMPLES = 6  # example roles or organisations named in the sentence
# Answers that say nothing: dropped from the quoted registration answers.
NOTHING_SAID = frozenset(
    {
        "", "n/a", "na", "n.a", "n a", "none", "no", "nope", "nothing", "nil", "null", "-",
        "not applicable", "not sure", "unsure", "no question", "no questions", "tbc", "tbd",
        "?", "x", "no comment", "nothing yet", "none at the moment", "don't know", "dont know",
    }
)  # fmt: skip


def person_key(name: str) -> str:
    """How chat authors are told apart: case and spacing aside, and Zoom's "(Host)". Not as
    hosts are known (host_key): "Ann (NHS Tayside)" and "Ann (Dundee Council)", or "Mo - NHS
    Fife" and "Mo - Age Scotland", are two people, whom host_key took for one."""
    return same_words(HOST_SUFFIX.sub("", name))


def host_key(name: str) -> str:
    """How a host's name is compared: as people.names.name_key compares names ("Dr Leah
    Wasser (she/her) Earth Lab / …" and "leah wasser (Host)" are "leah wasser")."""
    return name_key(name)


def host_names(
    agenda: Agenda, options: ReportOptions, people: Any, marked: Sequence[str] = ()
) -> tuple[str, ...]:
    """The host and co-hosts, each once: the agenda's, --host's, the attendee rows whose
    role says host, and the names `marked` as hosts in the chat."""
    names = [agenda.host, options.host or "", *options.cohosts]
    if people is not None:
        names += [person.name for person in hosts_among(people.people)]
    names += marked
    seen: dict[str, str] = {}
    for name in names:
        shown = one_line(HOST_SUFFIX.sub("", name))  # "Jo (Co-host)" is Jo
        if shown:
            seen.setdefault(host_key(shown), shown)
    return tuple(seen.values())


# How a chat saved on the host's own computer names its sender: "From Me to Everyone"
# (Zoom's older layout, in public saved chats), "De moi à tout le monde" (French).
SAVED_BY_ME = frozenset(("me", "moi"))


def is_host(author: str | None, hosts: set[str]) -> bool:
    return author is not None and (
        host_key(author) in hosts
        or bool(HOST_SUFFIX.search(author))
        or person_key(author) in SAVED_BY_ME
    )


def attendance(
    session: Any,
    options: ReportOptions,
    chat_people: int | None,
    warnings: list[str],
    hosts: set[str] | frozenset[str] = frozenset(),
    chat_hosts: int = 0,
) -> Attendance:
    """Who joined: from the attendee file, else the people who posted in the chat (the
    `chat_hosts` who posted aside)."""
    read = session.attendees
    asked = [("by", c) for c in options.by_columns]
    asked += [("questions", q) for q in options.questions]
    asked += [("roles", options.roles)] if options.roles is not None else []
    asked += [("organisations", options.organisations)] if options.organisations is not None else []
    if read is None:
        damaged = session.attendees_error
        if asked:
            if damaged is not None:
                field, column = asked[0]
                raise LiftkitError(f"`{field}` {column}: {damaged.message}", damaged.hint)
            raise LiftkitError(
                f"`{asked[0][0]}` {asked[0][1]}: the session has no attendee file "
                "(attendees.csv or attendees.txt)",
                "give the attendee list with `attendees` FILE (a Zoom or Teams participant "
                "report will do), or leave out the columns",
            )
        if damaged is not None:
            instead = (
                "the number who joined comes from the chat instead"
                if chat_people is not None
                else "no chat log was given, so the pack gives no number who joined"
            )
            warnings.append(f"{damaged.message}; {instead}")
        if chat_people is None or not (chat_people or chat_hosts):
            # no one named in the logs (captions name no speaker): nothing tells who joined
            return Attendance(None, "")
        return Attendance(chat_people, "chat", hosts=chat_hosts)
    source = Path(read.source).name
    # Who joined, counted and broken down: the hosts' own rows are not among them.
    # A row named "Jo (Co-host)", as a participant report may name them, is a host's too.
    host_set = set(hosts)
    guests = [p for p in read.people if not is_host(p.name, host_set)]
    tables = tuple(
        breakdown(column, _fold_values(p.attributes.get(column, "") for p in guests))
        for column in (column_of(read, by, "by") for by in options.by_columns)
    )
    roles = examples(read, guests, options.roles, "roles") if options.roles else ()
    organisations = (
        examples(read, guests, options.organisations, "organisations")
        if options.organisations
        else ()
    )
    if chat_people is not None and chat_people > len(guests):
        # "12 people joined" beside "the chat: 78 messages from 17 people" in one pack
        warnings.append(
            f"{source}: {plural(chat_people, 'person', 'people')} posted in the chat but the "
            f"attendee list holds {len(guests)} (hosts aside): the pack says "
            f"{len(guests)} joined; is it this meeting's participant list?"
        )
    copy = Path(read.source).parent == Path(getattr(session, "folder", ""))
    return Attendance(
        len(guests), source, tables, roles, organisations, len(read.people) - len(guests), copy
    )


def column_of(read: Any, wanted: str, field: str) -> str:
    """The attendee file's column matching `wanted`; an error naming `field` (the option that
    asked for it) and listing the file's columns if none."""
    column = _find(read.columns, wanted)
    if column is None:
        columns = ", ".join(read.columns) or "none besides name and email"
        raise LiftkitError(
            f"`{field}` {wanted}: {Path(read.source).name} has no such column; "
            f"its columns: {columns}",
            column_hint(read.columns, wanted, "give one of those columns"),
        )
    return column


def registration_answers(session: Any, options: ReportOptions) -> list[Answers]:
    if not options.questions:
        return []
    read = session.attendees
    out = []
    for wanted in options.questions:
        column = column_of(read, wanted, "questions")
        seen: dict[str, str] = {}
        for person in read.people:
            answer = one_line(person.attributes.get(column, ""))
            key = _answer_key(answer)
            if key not in NOTHING_SAID:
                seen.setdefault(key, answer)
        out.append(Answers(column, tuple(seen.values())))
    return out


def examples(read: Any, people: Sequence[Any], wanted: str, field: str) -> tuple[str, ...]:
    """A few values of a column, the most common first (ties: alphabetical)."""
    column = column_of(read, wanted, field)
    counts = _fold_values(p.attributes.get(column, "") for p in people)
    named = [label for label, _ in counts if _answer_key(label) not in NOTHING_SAID]
    return tuple(label for label in named if label != NOT_GIVEN)[:EXAMPLES]


def _answer_key(text: str) -> str:
    return same_words(text).strip(" .!…")


def _find(columns: Sequence[str], wanted: str) -> str | None:
    from liftkit.core.people.reader import find_column

    return find_column(columns, wanted)


def _fold_values(values: Iterable[str]) -> list[tuple[str, int]]:
    """Counts of a column's values, ignoring letter case, spaces, curly quotes and a trailing
    full stop ("Health", "health ", "HEALTH" are one; "St John’s Hospice", "St John's
    Hospice."), as `--balance` folds them (text.same_value), each shown in its most common
    spelling (ties: the first seen); the most common first, blanks last."""
    spellings: dict[str, Counter[str]] = {}
    for value in values:
        shown = one_line(value) or NOT_GIVEN
        spellings.setdefault(same_value(shown), Counter())[shown] += 1
    counts = [(seen.most_common(1)[0][0], seen.total()) for seen in spellings.values()]
    return sorted(counts, key=lambda kv: (kv[0] == NOT_GIVEN, -kv[1], kv[0]))
