"""The library's errors in its own words, each on one line.

The core writes a message for both shells: a field in backticks, with what the command line
would take after its flag (the hint "give a groups file with `groups_file` FILE"). The
command line shows `--groups-file FILE` (liftkit/cli/flags.py); a script reads `groups_file`
given a value, as it passes one (`` `groups_file`=path ``), agenda_templates() where the
command line lists templates, and render_narrative() where it writes a starter narrative.
A name, path or column the script gave with a line break in it is shown escaped
("Sec\\ntor"), so that a message is one line (an invalid agenda: one a problem).
"""

from __future__ import annotations

import copy
import functools
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import ParamSpec, TypeVar

from liftkit.core.errors import LiftkitError
from liftkit.core.text import BREAKS, escaped

P = ParamSpec("P")
R = TypeVar("R")

# What follows a field in the core's words, as a script gives that value.
_VALUES = {"FILE": "=path", "DIR": "=folder", "HH:MM:SS": '="HH:MM:SS"'}
_FIELD_VALUE = re.compile(r"(`[a-z][a-z0-9_]*`) (FILE|DIR|HH:MM:SS)\b")
_COMMANDS = {
    "run `liftkit agenda list`": "call agenda_templates()",
    "`liftkit agenda list`": "agenda_templates()",
    "`new_narrative` FILE writes one": "render_narrative(build_report(...)) gives one",
    "written by liftkit groups": "written by render_groups (or liftkit groups)",
}


# Where a file mistaken for an agenda goes (core/agenda/toml_source.py): a call, not a command.
_GOES = {
    re.compile(r"the list with `liftkit run AGENDA --attendees [^`]*`"): (
        "the list with read_attendees(path)"
    ),
    re.compile(r"`liftkit export SESSION --chat [^`]*`"): "build_report(session, chats)",
    re.compile(r"the rooms with `liftkit run AGENDA --groups [^`]*`"): (
        "the rooms with split_groups(previous=path) or build_report(groups_file=path)"
    ),
}


def in_library_words(text: str) -> str:
    """The core's words as a script reads them: `` `groups_file` FILE `` is
    `` `groups_file`=path ``, `liftkit agenda list` is agenda_templates()."""
    if "`" not in text:
        return text
    for command, call in _COMMANDS.items():
        text = text.replace(command, call)
    for pattern, words in _GOES.items():
        text = pattern.sub(words, text)
    return _FIELD_VALUE.sub(lambda m: m.group(1) + _VALUES[m.group(2)], text)


def library_errors(function: Callable[P, R]) -> Callable[P, R]:
    """`function` (a public one) raising its LiftkitErrors in the library's words, one line
    each (an AgendaError: one a problem), whatever the texts the script gave hold."""

    @functools.wraps(function)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except LiftkitError as error:
            worded = _worded(error, [*args, *kwargs.values()])
            if worded is error:
                raise
            raise worded from None

    return call


def _worded(error: LiftkitError, given: list[object]) -> LiftkitError:
    from liftkit.core.agenda.schema import AgendaError

    breaks = _breaking_texts(given) if BREAKS.search(f"{error.message}{error.hint}") else []

    def words(text: str) -> str:
        for raw in breaks:
            text = text.replace(raw, escaped(raw))
        return in_library_words(text)

    if isinstance(error, AgendaError):
        problems = [replace(p, message=words(p.message)) for p in error.problems]
        if words(error.source) == error.source and all(
            p.message == q.message for p, q in zip(problems, error.problems, strict=True)
        ):
            return error
        return AgendaError(words(error.source), problems)
    message, hint = words(error.message), words(error.hint)
    if (message, hint) == (error.message, error.hint):
        return error
    worded = copy.copy(error)  # the same class: EmptyChat stays EmptyChat
    worded.message, worded.hint, worded.args = message, hint, (message,)
    return worded


def _breaking_texts(given: Iterable[object]) -> list[str]:
    """The texts among the arguments (or in a list of them) that hold a line break or
    another control character, the longest first (one may hold another)."""
    found: set[str] = set()
    for value in given:
        values = value if isinstance(value, list | tuple | set | frozenset) else (value,)
        for item in values:
            if isinstance(item, os.PathLike):
                item = os.fspath(item)
            if isinstance(item, str) and BREAKS.search(item):
                found.add(item)
    return sorted(found, key=len, reverse=True)
