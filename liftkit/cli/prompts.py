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


def ask_text(
    message: str, toolbar: Callable[[], str] | None = None, default: str = ""
) -> str | None:
    """One line of text; None when cancelled. The toolbar keeps the countdown in view."""
    question = questionary.text(
        message, default=default, bottom_toolbar=toolbar, refresh_interval=0.5
    )
    value = question.ask()
    return value if isinstance(value, str) else None


def ask_counts(
    question: str,
    options: Sequence[str],
    toolbar: Callable[[], str] | None = None,
    default: str = "",
) -> str | None:
    """Poll counts typed in option order ("30 12") or by name ("Yes=30 No=12")."""
    from liftkit.core.errors import LiftkitError
    from liftkit.core.live.capture import parse_counts

    def valid(text: str) -> bool | str:
        try:
            parse_counts(text, options, where="counts")
        except LiftkitError as error:
            return str(error.message)
        return True

    prompt = questionary.text(
        f"{question} [{' / '.join(options)}] counts:",
        default=default,
        validate=valid,
        bottom_toolbar=toolbar,
        refresh_interval=0.5,
    )
    value = prompt.ask()
    return value if isinstance(value, str) else None
