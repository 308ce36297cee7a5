"""What type checkers and editors see of `liftkit`: its names are loaded lazily at run time
(liftkit/__init__.py), from the modules named in liftkit.api.PUBLIC."""

from liftkit.api import (
    GROUP_FORMATS,
    agenda_templates,
    load_agenda,
    parse_agenda,
    parse_chat,
    read_attendees,
    read_chat,
    render_agenda,
    render_groups,
    split_groups,
)
from liftkit.api_report import (
    build_report,
    render_html,
    render_json,
    render_markdown,
    render_narrative,
)
from liftkit.core.agenda.model import Agenda, AgendaError, Poll, Segment
from liftkit.core.chat.model import ChatLog, ChatMessage
from liftkit.core.errors import LiftkitError
from liftkit.core.groups.split import Group, Round, Score, Split
from liftkit.core.people.reader import PeopleRead, Person
from liftkit.core.report.model import Report

__version__: str

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
    "render_agenda",
    "render_groups",
    "render_html",
    "render_json",
    "render_markdown",
    "render_narrative",
    "split_groups",
]
