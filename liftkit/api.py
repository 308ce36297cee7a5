"""The public Python API: what a script needs, in one place (`import liftkit`).

    import liftkit

    agenda = liftkit.load_agenda("community-conversation")
    attendees = liftkit.read_attendees("people.csv")
    split = liftkit.split_groups(attendees, size=4, rounds=3, seed=7)
    print(liftkit.render_groups(split, "md"))

Every function raises `liftkit.LiftkitError` for bad input: its message names the file, line
or item, and the argument by its name here in backticks ("`size` 1: a group needs at least 2
people"). The command line is a thin shell over the same calls. docs/api.md documents each
function; the names exported by `liftkit` are stable.

The core modules load only when a function is called: a script pays only for what it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from liftkit.api_messages import library_errors

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from liftkit.core.agenda.model import Agenda
    from liftkit.core.chat.model import ChatLog
    from liftkit.core.groups.split import Split
    from liftkit.core.people.reader import PeopleRead, Person

__all__ = [
    "GROUP_FORMATS",
    "PUBLIC",
    "agenda_templates",
    "load_agenda",
    "parse_agenda",
    "parse_chat",
    "public_attribute",
    "read_attendees",
    "read_chat",
    "render_agenda",
    "render_groups",
    "split_groups",
]

GROUP_FORMATS = ("md", "csv", "zoom", "json", "toml")

# What `import liftkit` offers: public name -> the module that defines it. These names are
# stable; liftkit/__init__.py loads each on first use, and __init__.pyi types them.
PUBLIC: dict[str, str] = {
    # functions (liftkit/api.py; the event pack's: liftkit/api_report.py)
    "load_agenda": "liftkit.api",
    "parse_agenda": "liftkit.api",
    "render_agenda": "liftkit.api",
    "agenda_templates": "liftkit.api",
    "read_attendees": "liftkit.api",
    "split_groups": "liftkit.api",
    "render_groups": "liftkit.api",
    "GROUP_FORMATS": "liftkit.api",
    "read_chat": "liftkit.api",
    "parse_chat": "liftkit.api",
    "build_report": "liftkit.api_report",
    "render_markdown": "liftkit.api_report",
    "render_json": "liftkit.api_report",
    "render_html": "liftkit.api_report",
    "render_narrative": "liftkit.api_report",
    # errors
    "LiftkitError": "liftkit.core.errors",
    "AgendaError": "liftkit.core.agenda.model",
    # what the functions return
    "Agenda": "liftkit.core.agenda.model",
    "Segment": "liftkit.core.agenda.model",
    "Poll": "liftkit.core.agenda.model",
    "PeopleRead": "liftkit.core.people.reader",
    "Person": "liftkit.core.people.reader",
    "Split": "liftkit.core.groups.split",
    "Round": "liftkit.core.groups.split",
    "Group": "liftkit.core.groups.split",
    "Score": "liftkit.core.groups.split",
    "ChatLog": "liftkit.core.chat.model",
    "ChatMessage": "liftkit.core.chat.model",
    "Report": "liftkit.core.report.model",
}


def public_attribute(name: str) -> object:
    """What `liftkit.<name>` is: liftkit/__init__.py asks here the first time it is used."""
    if name == "__all__":  # for `from liftkit import *`
        return ["__version__", *PUBLIC]
    if name not in PUBLIC:
        raise AttributeError(f"module 'liftkit' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(PUBLIC[name]), name)


# --------------------------------------------------------------------------- agendas


@library_errors
def load_agenda(agenda: str | Path) -> Agenda:
    """Read and validate an agenda: a TOML file, or the name of a bundled template.

    An existing file wins over a template of the same name. Raises AgendaError (a
    LiftkitError whose `problems` lists every problem, with its line) for an invalid agenda,
    and LiftkitError for a missing file or an unknown template name.
    """
    from liftkit.api_arguments import a_path
    from liftkit.core.agenda.templates import resolve_agenda

    return resolve_agenda(str(a_path(agenda, "agenda"))).agenda


@library_errors
def parse_agenda(text: str | bytes, source: str = "<agenda>") -> Agenda:
    """Validate agenda TOML given as text; `source` names it in messages."""
    from liftkit.api_arguments import source_name, text_or_bytes
    from liftkit.core.agenda.model import parse_agenda as parse

    return parse(text_or_bytes(text, "text"), source_name(source, "<agenda>"))


@library_errors
def render_agenda(agenda: Agenda) -> str:
    """An agenda as TOML in the file format (durations as "5m"), to save one a script
    changed (dataclasses.replace): load_agenda reads it back as the same Agenda. Raises
    AgendaError for an agenda that would not load, naming the segment."""
    from liftkit.api_agenda import checked_toml

    return checked_toml(agenda)


@library_errors
def agenda_templates() -> list[str]:
    """The names of the bundled agenda templates, sorted."""
    from liftkit.core.agenda.templates import template_names

    return template_names()


# --------------------------------------------------------------------------- attendees


@library_errors
def read_attendees(path: str | Path) -> PeopleRead:
    """Read an attendee file: CSV or TSV exports (Zoom, Teams, Eventbrite, Tito,
    spreadsheets; any common encoding and delimiter), or plain text with one name (and
    optional email) a line. "-" reads standard input.

    Returns the people in file order (`people`: everyone listed; `present`: without `gone`,
    who had left a meeting its per-event report was read during), what was worth a warning
    (`warnings`), what was left out on purpose (`notes`) and the other columns (`columns`,
    kept per person in `Person.attributes`). Raises LiftkitError naming the file and line
    it cannot read.
    """
    from liftkit.api_arguments import a_source
    from liftkit.core.people.reader import read_people

    return read_people(a_source(path, "path"))


# --------------------------------------------------------------------------- groups


@library_errors
def split_groups(
    people: PeopleRead | Iterable[Person | str],
    *,
    size: int | None = None,
    count: int | None = None,
    rounds: int | None = None,
    seed: int | None = None,
    balance: str | Sequence[str] = (),
    apart: str | Sequence[str | Sequence[str]] = (),
    together: str | Sequence[str | Sequence[str]] = (),
    facilitators: str | Sequence[str] = (),
    previous: Split | str | Path | None = None,
    held: int | None = None,
    sessions: str | Path | None = None,
) -> Split:
    """Split people into breakout groups over one or more rounds.

    `people` is what `read_attendees` read (those who had left the meeting, its `gone`, get
    no room, as Split.notes says), or Person objects or plain names. Give `size` (people
    per group, at most; default 4) or `count` (number of groups), not both. Across `rounds`
    nobody meets the same person twice where the numbers allow. The same `seed` gives the
    same split; without one a seed is chosen, and kept in `Split.seed`.

    `balance` names attendee-file columns whose values are spread evenly, most important
    first. Each `apart` / `together` item is a group of people, as a sequence of names or
    emails or as one "Name,Name" string: never in one group / always in one group.
    `facilitators` are spread one per group. One text alone is one item (`balance="sector"`,
    `apart="Ada,Bo"`). `previous` is an earlier split (or its JSON, TOML or CSV file):
    people keep their rooms, late joiners are added, no-shows dropped; a session folder
    gives the rooms that met in it, all held, and "latest" the newest session under
    `sessions` (default $LIFTKIT_SESSIONS, else ./liftkit-sessions). With
    `held` N, its first N rounds took place: they come out as they were, and the rounds after
    them are planned afresh for `people`, avoiding every pair who met in them.

    Raises LiftkitError for a request that cannot be met, or an argument of the wrong type
    or a person listed twice, naming the argument.
    """
    import dataclasses
    import os
    import random

    from liftkit.api_arguments import (
        a_path,
        checked_split,
        groups_of_names,
        items,
        people_list,
        whole_number,
    )
    from liftkit.core.errors import LiftkitError
    from liftkit.core.groups.formats import load_groups_file
    from liftkit.core.groups.split import SplitRequest, split_into_groups
    from liftkit.core.live.history import is_session_folder, rooms_held
    from liftkit.core.people.reader import PeopleRead, left_note, present

    left: tuple[str, ...] = ()
    if isinstance(people, PeopleRead):  # as `liftkit groups` takes its file
        read, (people, gone) = people, present(people)
        left = (left_note(read.source, gone),) if gone else ()
    persons = people_list(people)
    seed = whole_number(seed, "seed")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    held = whole_number(held, "held")
    if previous == "latest" and not os.path.lexists(previous):  # as `liftkit groups` takes it
        from liftkit.core.live.latest import find_session_running_first

        where = a_path(sessions, "sessions", "folder") if sessions is not None else None
        previous = find_session_running_first("latest", where)
    if isinstance(previous, (str, Path)) and is_session_folder(previous):
        previous = rooms_held(Path(previous))  # the rooms that met there: all held
        held = held or len(previous.rounds)
    elif isinstance(previous, (str, Path)):
        if not os.path.lexists(previous):  # as `liftkit groups --previous` says it
            raise LiftkitError(
                f"`previous` {previous}: no such file or session folder",
                "give the JSON, TOML or CSV written by liftkit groups, a session folder of "
                'liftkit run, or "latest" (the newest session in `sessions`)',
            )
        previous = load_groups_file(previous, field="previous", attendees=True)
    elif previous is not None:
        previous = checked_split(previous, "previous", " (or its file, or a session folder)")
    request = SplitRequest(
        size=whole_number(size, "size"),
        count=whole_number(count, "count"),
        rounds=whole_number(rounds, "rounds"),
        balance=items(balance, "balance"),
        apart=groups_of_names(apart, "apart"),
        together=groups_of_names(together, "together"),
        facilitators=items(facilitators, "facilitators"),
        previous=previous,
        held=held or 0,
    )
    split = split_into_groups(persons, request, random.Random(seed), seed=seed)
    return dataclasses.replace(split, notes=(*left, *split.notes)) if left else split


@library_errors
def render_groups(split: Split, format: str = "md", round: int | None = None) -> str:
    """A split as text: "md" (Markdown), "csv", "zoom" (Zoom's pre-assignment CSV for one
    round: `round`, by its number, default the first; people without an email are left out,
    as Zoom matches by email), "json" or "toml" (both read back by `previous`). With
    `round`, that round only."""
    from liftkit.api_arguments import checked_split, whole_number
    from liftkit.core.errors import LiftkitError
    from liftkit.core.groups.formats import render

    split = checked_split(split, "split")
    round = whole_number(round, "round")
    if format not in GROUP_FORMATS:
        raise LiftkitError(
            f"`format` {format}: unknown format", "use one of " + ", ".join(GROUP_FORMATS)
        )
    return render(split, format, round)


# --------------------------------------------------------------------------- chat logs


@library_errors
def read_chat(path: str | Path) -> ChatLog:
    """Read a meeting chat log: a Zoom saved chat (any of its layouts, or copied from the
    chat panel), a log pasted back indented or quoted, a Zoom cloud recording's chat, a Zoom
    or Teams transcript (.vtt) or a Google Meet chat (.sbv); the layout is found from the
    text, and `ChatLog.layout_name` says which it was.

    "-" reads standard input, as read_attendees("-") does (a file named "-": its full path).
    Lines that fit no layout are kept in `ChatLog.unmatched`; a file that is no chat log is
    a LiftkitError naming it.
    """
    return read_chat_as(path, "path")


def read_chat_as(path: object, field: str) -> ChatLog:
    """read_chat, its errors naming the argument `field` (`chats` of build_report)."""
    from liftkit.api_arguments import a_source
    from liftkit.core.chat import parse_chat as parse
    from liftkit.core.chat import read_chat as read
    from liftkit.core.errors import LiftkitError

    try:
        given = a_source(path, field)
        if given == "-":  # standard input, as read_attendees("-") and `--chat -` read it
            import sys

            stdin = sys.stdin
            data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
            return parse(data, "stdin")
        return read(Path(given))
    except LiftkitError as error:  # the command line's `chat` is the caller's `field`
        if "chat" not in error.fields:
            raise
        raise error.reworded(lambda words: words.replace("`chat`", f"`{field}`")) from None


@library_errors
def parse_chat(data: str | bytes, source: str = "<chat>") -> ChatLog:
    """A chat log given as text or bytes; `source` names it in messages."""
    from liftkit.api_arguments import source_name, text_or_bytes
    from liftkit.core.chat import parse_chat as parse

    return parse(text_or_bytes(data, "data"), source_name(source, "<chat>"))
