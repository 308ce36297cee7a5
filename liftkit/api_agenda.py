"""Writing a script's agenda back as TOML (`liftkit.render_agenda`).

The `agenda` its messages name is the library's argument, which no command has: the
command line writes agendas only from templates and files it has validated.
"""

from __future__ import annotations

from liftkit.core.agenda.schema import Agenda, AgendaError, Problem
from liftkit.core.agenda.toml_source import read_toml
from liftkit.core.agenda.validation import build_agenda
from liftkit.core.agenda.writing import dumps_agenda
from liftkit.core.errors import LiftkitError


def checked_toml(agenda: object) -> str:
    """A script's agenda as TOML that loads back as it. One it changed is not validated
    until now: what would not load is an AgendaError naming the segment (not a line of
    text the script never saw), or a LiftkitError for a value TOML cannot hold."""
    if not isinstance(agenda, Agenda):
        raise LiftkitError(
            f"`agenda` {agenda!r}: not an agenda", "give the Agenda of load_agenda or parse_agenda"
        )
    try:
        text = dumps_agenda(agenda)
    except (TypeError, ValueError, AttributeError) as error:
        raise LiftkitError(
            f"`agenda`: cannot be written as TOML: {error}",
            "give texts as str, durations as seconds (int) and polls as Poll",
        ) from None
    _, problems = build_agenda(*read_toml(text, "`agenda`"))
    if problems:
        raise AgendaError("`agenda`", [Problem(None, p.message) for p in problems])
    return text
