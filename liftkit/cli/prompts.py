"""questionary prompts (imported only when a prompt is needed: questionary is slow to import)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import questionary

from liftkit.core.agenda.durations import DurationError, format_duration, parse_duration
from liftkit.core.agenda.model import Agenda, with_durations


def _answer(question: questionary.Question) -> object:
    value = question.ask()
    if value is None:  # Ctrl-C or Ctrl-D inside questionary
        raise KeyboardInterrupt
    return value


def ask_new_agenda(
    names: Sequence[str],
    default: str,
    load: Callable[[str], Agenda],
) -> tuple[Agenda, str]:
    """Ask for the template, the title, the host and (if wanted) new durations."""
    choices = [questionary.Choice(f"{n}: {load(n).title}", value=n) for n in names]
    name = str(
        _answer(questionary.select("Start from which template?", choices=choices, default=default))
    )
    agenda = load(name)
    title = str(_answer(questionary.text("Title of your agenda:", default=agenda.title)))
    if title.strip():
        agenda = replace(agenda, title=title.strip())
    host = str(_answer(questionary.text("Who hosts it (your name)?", default=agenda.host)))
    agenda = replace(agenda, host=" ".join(host.split()))
    if _answer(questionary.confirm("Change the segment durations?", default=False)):
        durations = []
        for segment in agenda.segments:
            answer = _answer(
                questionary.text(
                    f"{segment.title}:",
                    default=format_duration(segment.duration),
                    validate=_valid_duration,
                )
            )
            durations.append(parse_duration(answer))
        agenda = with_durations(agenda, durations)
    return agenda, name


def _valid_duration(text: str) -> bool | str:
    try:
        parse_duration(text)
    except DurationError as exc:
        return f"{exc}: try 90s, 5m, 1h 15m or 1:30"
    return True
