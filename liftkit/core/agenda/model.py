"""The agenda: a titled list of timed segments, read from TOML and validated in full.

Loading reports every problem at once, one line each, naming the file, the line (and the
column for TOML syntax errors), what is wrong and what to do.

This module is the agenda's public face: the rest of liftkit imports from here. The work is
done in schema (the data classes), toml_source (text and line numbers), validation (with
tables, the checks every table shares, and polls), writing and timeline.
"""

from __future__ import annotations

from pathlib import Path

from liftkit.core.agenda.schema import (
    AGENDA_KEYS,
    DEFAULT_WARN_SECONDS,
    KINDS,
    POLL_KEYS,
    POLL_KINDS,
    SEGMENT_KEYS,
    Agenda,
    AgendaError,
    Poll,
    Problem,
    Segment,
    format_problem,
)
from liftkit.core.agenda.timeline import TimelineRow, timeline, with_durations
from liftkit.core.agenda.toml_source import read_toml
from liftkit.core.agenda.validation import build_agenda
from liftkit.core.agenda.writing import agenda_to_dict, dumps_agenda
from liftkit.core.files import read_input

__all__ = [
    "AGENDA_KEYS",
    "DEFAULT_WARN_SECONDS",
    "KINDS",
    "POLL_KEYS",
    "POLL_KINDS",
    "SEGMENT_KEYS",
    "Agenda",
    "AgendaError",
    "Poll",
    "Problem",
    "Segment",
    "TimelineRow",
    "agenda_to_dict",
    "dumps_agenda",
    "format_problem",
    "load_agenda",
    "parse_agenda",
    "timeline",
    "with_durations",
]


def load_agenda(path: Path | str) -> Agenda:
    """Read and validate an agenda file."""
    p = Path(path)
    data = read_input(
        p,
        "an agenda file",
        "check the path, or run `liftkit agenda list` for templates",
        "name a .toml file",
    )
    return parse_agenda(data, str(p))


def parse_agenda(data: bytes | str, source: str = "<agenda>") -> Agenda:
    """Validate agenda TOML text; raise AgendaError listing every problem."""
    raw, lines = read_toml(data, source)
    agenda, problems = build_agenda(raw, lines, source)
    if problems or agenda is None:
        raise AgendaError(source, problems)
    return agenda
