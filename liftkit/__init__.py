"""liftkit: a terminal companion for hosts of timed online community conversations.

As a library (see docs/api.md):

    import liftkit

    agenda = liftkit.load_agenda("community-conversation")
    split = liftkit.split_groups(liftkit.read_attendees("people.csv").people, size=4, seed=7)

The names below load on first use (a module-level __getattr__), so that `import liftkit`,
which every `liftkit` command does, costs nothing: the command line's start-up is benchmarked
(bench/startup.py).
"""

# Nothing is imported here at run time, not even typing: it would slow every command.
TYPE_CHECKING = False

__version__ = "0.1.0"

# Public name -> the module that defines it. These names are stable.
_PUBLIC: dict[str, str] = {
    # functions (liftkit/api.py)
    "load_agenda": "liftkit.api",
    "parse_agenda": "liftkit.api",
    "agenda_templates": "liftkit.api",
    "read_attendees": "liftkit.api",
    "split_groups": "liftkit.api",
    "render_groups": "liftkit.api",
    "GROUP_FORMATS": "liftkit.api",
    "read_chat": "liftkit.api",
    "parse_chat": "liftkit.api",
    "build_report": "liftkit.api",
    "render_markdown": "liftkit.api",
    "render_json": "liftkit.api",
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

# The same names, spelled out for tools that read __all__ (a test keeps the two equal).
__all__ = [
    "GROUP_FORMATS",
    "Agenda",
    "AgendaError",
    "ChatLog",
    "ChatMessage",
    "Group",
    "LiftkitError",
    "PeopleRead",
    "Person",
    "Poll",
    "Report",
    "Round",
    "Score",
    "Segment",
    "Split",
    "__version__",
    "agenda_templates",
    "build_report",
    "load_agenda",
    "parse_agenda",
    "parse_chat",
    "read_attendees",
    "read_chat",
    "render_groups",
    "render_json",
    "render_markdown",
    "split_groups",
]

if TYPE_CHECKING:  # what type checkers and editors see; at run time __getattr__ loads them
    from liftkit.api import (
        GROUP_FORMATS,
        agenda_templates,
        build_report,
        load_agenda,
        parse_agenda,
        parse_chat,
        read_attendees,
        read_chat,
        render_groups,
        render_json,
        render_markdown,
        split_groups,
    )
    from liftkit.core.agenda.model import Agenda, AgendaError, Poll, Segment
    from liftkit.core.chat.model import ChatLog, ChatMessage
    from liftkit.core.errors import LiftkitError
    from liftkit.core.groups.split import Group, Round, Score, Split
    from liftkit.core.people.reader import PeopleRead, Person
    from liftkit.core.report.model import Report


def __getattr__(name: str) -> object:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'liftkit' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})
